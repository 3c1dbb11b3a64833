/*
 * nul_escape.c
 *		Storing strings that hold U+0000 (see nul_escape.h for the scheme).
 */
#include "postgres.h"

#include "lib/stringinfo.h"

#include "nul_escape.h"

/* Escape U+0001 in a string that cannot hold U+0000 (it came from jsonb) */
char *
nul_escape(const char *s, int len, int *outlen)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < len; i++)
	{
		if (s[i] == NUL_ESCAPE_CHAR)
		{
			appendStringInfoChar(&buf, NUL_ESCAPE_CHAR);
			appendStringInfoChar(&buf, '\x02');
		}
		else
			appendStringInfoChar(&buf, s[i]);
	}
	*outlen = buf.len;
	return buf.data;
}

/*
 * Undo the escape.  A U+0000 in the result cannot go into text or jsonb, so
 * *has_nul tells the caller; the returned buffer holds it all the same.
 */
char *
nul_unescape(const char *s, int len, int *outlen, bool *has_nul)
{
	char	   *out = palloc(len + 1);
	int			n = 0;

	*has_nul = false;
	for (int i = 0; i < len; i++)
	{
		if (s[i] == NUL_ESCAPE_CHAR && i + 1 < len)
		{
			i++;
			out[n++] = (s[i] == NUL_ESCAPE_CHAR) ? '\0' : NUL_ESCAPE_CHAR;
			if (s[i] == NUL_ESCAPE_CHAR)
				*has_nul = true;
		}
		else
			out[n++] = s[i];
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

/* Refuse a string holding U+0000 where only jsonb or text can take it */
void
nul_unrepresentable_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
			 errmsg("a string holds U+0000, which jsonb cannot represent"),
			 errhint("Use the text form, dynamo.execute_text(text, text).")));
}

/* Length in bytes of a stored string once unescaped, as DynamoDB counts it */
int
nul_unescaped_length(const char *s, int len)
{
	const char *end = s + len;
	int			n = len;

	/* most strings hold no escape, and this runs on every read */
	if (!nul_escape_present(s, len))
		return len;
	while (s < end && (s = memchr(s, NUL_ESCAPE_CHAR, end - s)) != NULL)
	{
		n--;
		s += 2;
	}
	return n;
}

/*
 * Rewrite the escapes \u0000 and \u0001 inside JSON text into the stored
 * escape, so the text can be parsed as jsonb.  Only string contents hold
 * backslashes in valid JSON, so a scan pairing each backslash with what
 * follows it is exact.
 */
char *
json_text_escape_nul(const char *json, int len)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < len; i++)
	{
		if (json[i] != '\\' || i + 1 >= len)
		{
			appendStringInfoChar(&buf, json[i]);
			continue;
		}
		if (json[i + 1] == 'u' && i + 5 < len &&
			strncmp(json + i + 2, "000", 3) == 0 &&
			(json[i + 5] == '0' || json[i + 5] == '1'))
		{
			appendStringInfoString(&buf, json[i + 5] == '0' ?
								   "\\u0001\\u0001" : "\\u0001\\u0002");
			i += 5;
			continue;
		}
		appendStringInfoChar(&buf, json[i]);
		appendStringInfoChar(&buf, json[i + 1]);
		i++;
	}
	return buf.data;
}

/* Inverse of json_text_escape_nul, over the text jsonb_out produces */
char *
json_text_unescape_nul(const char *json, int len)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < len; i++)
	{
		if (json[i] != '\\' || i + 1 >= len)
		{
			appendStringInfoChar(&buf, json[i]);
			continue;
		}
		if (i + 11 < len && strncmp(json + i, "\\u0001\\u000", 11) == 0 &&
			(json[i + 11] == '1' || json[i + 11] == '2'))
		{
			appendStringInfoString(&buf, json[i + 11] == '1' ? "\\u0000" : "\\u0001");
			i += 11;
			continue;
		}
		appendStringInfoChar(&buf, json[i]);
		appendStringInfoChar(&buf, json[i + 1]);
		i++;
	}
	return buf.data;
}
