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
 * Copy JSON text, replacing the backslash escapes that replace() recognises
 * (it returns the replacement of the escape at s, or NULL, and sets
 * *used).  Runs without a backslash are copied whole.  Only string
 * contents hold backslashes in valid JSON, so a scan pairing each
 * backslash with what follows it is exact.
 */
static char *
rewrite_escapes(const char *json, int len,
				const char *(*replace) (const char *s, int avail, int *used))
{
	StringInfoData buf;
	int			i = 0;

	initStringInfo(&buf);
	while (i < len)
	{
		const char *bs = memchr(json + i, '\\', len - i);
		int			run = bs ? bs - json - i : len - i;
		const char *with;
		int			used;

		appendBinaryStringInfo(&buf, json + i, run);
		i += run;
		if (i >= len)
			break;
		if (i + 1 >= len)
		{
			appendStringInfoChar(&buf, json[i]);
			break;
		}
		with = replace(json + i, len - i, &used);
		if (with)
		{
			appendStringInfoString(&buf, with);
			i += used;
			continue;
		}
		appendBinaryStringInfo(&buf, json + i, 2);
		i += 2;
	}
	return buf.data;
}

/* The stored escape of a JSON escape \u0000 or \u0001 at s, or NULL */
static const char *
stored_escape_of(const char *s, int avail, int *used)
{
	*used = 6;
	if (avail >= 6 && s[1] == 'u' && strncmp(s + 2, "000", 3) == 0 &&
		(s[5] == '0' || s[5] == '1'))
		return s[5] == '0' ? "\\u0001\\u0001" : "\\u0001\\u0002";
	return NULL;
}

/* The JSON escape of a stored escape at s, or NULL */
static const char *
json_escape_of(const char *s, int avail, int *used)
{
	*used = 12;
	if (avail >= 12 && strncmp(s, "\\u0001\\u000", 11) == 0 &&
		(s[11] == '1' || s[11] == '2'))
		return s[11] == '1' ? "\\u0000" : "\\u0001";
	return NULL;
}

/*
 * Rewrite the escapes \u0000 and \u0001 inside JSON text into the stored
 * escape, so the text can be parsed as jsonb.
 */
char *
json_text_escape_nul(const char *json, int len)
{
	return rewrite_escapes(json, len, stored_escape_of);
}

/* Inverse of json_text_escape_nul, over the text jsonb_out produces */
char *
json_text_unescape_nul(const char *json, int len)
{
	return rewrite_escapes(json, len, json_escape_of);
}
