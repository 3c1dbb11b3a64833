/*
 * attr_text.c
 *		Stored items written straight out as DynamoDB's typed JSON text
 *		(see attr_text.h): one walk over the stored jsonb, no jsonb built.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"

#include "attr_text.h"
#include "attr_value.h"
#include "nul_escape.h"

/* The characters escape_json() writes as two-character escapes */
static const char ShortEscapes[] = {
	['\b'] = 'b',['\f'] = 'f',['\n'] = 'n',['\r'] = 'r',['\t'] = 't',
	['"'] = '"',['\\'] = '\\'
};

/* Does a byte need an escape in a JSON string? */
static inline bool
needs_escape(unsigned char c)
{
	return c < ' ' || c == '"' || c == '\\';
}

/*
 * Append n bytes: the writer's many short pieces go in without a call to
 * appendBinaryStringInfo and memcpy each.
 */
static inline void
put(StringInfo buf, const char *s, int n)
{
	char	   *d;

	if (buf->len + n >= buf->maxlen)
		enlargeStringInfo(buf, n);
	d = buf->data + buf->len;
	for (int i = 0; i < n; i++)
		d[i] = s[i];
	buf->len += n;
	buf->data[buf->len] = '\0';
}

/* Write the escape of byte c, as escape_json() does */
static void
put_escape(StringInfo buf, unsigned char c)
{
	char		esc[8];

	if (c < lengthof(ShortEscapes) && ShortEscapes[c])
	{
		esc[0] = '\\';
		esc[1] = ShortEscapes[c];
		put(buf, esc, 2);
	}
	else
		put(buf, esc, snprintf(esc, sizeof(esc), "\\u%04x", (int) c));
}

/*
 * A stored string as a JSON string literal, escaped as escape_json() does;
 * the stored U+0001 escape (nul_escape.h) is undone on the way.  Bytes that
 * need no escape are copied into room made once for the whole string.
 */
void
json_append_stored_string(StringInfo buf, const char *s, int len, bool show_nul)
{
	const char *end = s + len;
	char	   *d;

	enlargeStringInfo(buf, len + 2);
	d = buf->data + buf->len;
	*d++ = '"';
	while (s < end)
	{
		unsigned char c = (unsigned char) *s++;

		if (likely(!needs_escape(c)))
		{
			*d++ = c;
			continue;
		}
		if (c == NUL_ESCAPE_CHAR && s < end)
		{
			/* U+0001 U+0001 stands for U+0000, U+0001 U+0002 for U+0001 */
			if (*s++ == NUL_ESCAPE_CHAR)
			{
				if (!show_nul)
					nul_unrepresentable_error();
				c = '\0';
			}
		}
		buf->len = d - buf->data;
		put_escape(buf, c);
		/* room for the rest and the closing quote */
		enlargeStringInfo(buf, end - s + 1);
		d = buf->data + buf->len;
	}
	*d++ = '"';
	*d = '\0';
	buf->len = d - buf->data;
}

/* A member's key after ", " (unless first), followed by ": " */
void
json_append_key(StringInfo buf, const char *key, bool first)
{
	if (!first)
		put(buf, ", ", 2);
	json_append_stored_string(buf, key, strlen(key), true);
	put(buf, ": ", 2);
}

/* The members of a jsonb object as jsonb_out prints them, each after ", " */
void
json_append_members(StringInfo buf, Jsonb *object)
{
	char	   *text = JsonbToCString(NULL, &object->root, VARSIZE(object));
	int			len = strlen(text);

	/* "{}" has no members; otherwise drop the braces */
	if (len <= 2)
		return;
	put(buf, ", ", 2);
	appendBinaryStringInfo(buf, text + 1, len - 2);
}

/* A stored number as DynamoDB writes it: a string of the normalised value */
static void
append_number(StringInfo buf, Numeric n)
{
	char	   *digits = dynamo_number_to_string(n);

	put(buf, "\"", 1);
	put(buf, digits, strlen(digits));
	put(buf, "\"", 1);
}

/* The pairs of a stored map, values typed, keys in jsonb's order */
static void
append_map(StringInfo buf, JsonbContainer *c, bool show_nul)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;
	bool		first = true;

	put(buf, "{", 1);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
		{
			if (!first)
				put(buf, ", ", 2);
			first = false;
			json_append_stored_string(buf, v.val.string.val, v.val.string.len, show_nul);
			put(buf, ": ", 2);
		}
		else if (r == WJB_VALUE)
			attr_append_typed_text(buf, &v, show_nul);
	}
	put(buf, "}", 1);
}

/* The elements of a stored list (typed) or set (as DynamoDB lists them) */
static void
append_elements(StringInfo buf, JsonbContainer *c, DynamoType t, bool show_nul)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;
	bool		first = true;

	put(buf, "[", 1);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r != WJB_ELEM)
			continue;
		if (!first)
			put(buf, ", ", 2);
		first = false;
		if (t == DT_L)
			attr_append_typed_text(buf, &v, show_nul);
		else if (t == DT_NS)
			append_number(buf, v.val.numeric);
		else
			json_append_stored_string(buf, v.val.string.val, v.val.string.len, show_nul);
	}
	put(buf, "]", 1);
}

/* A stored value in DynamoDB's typed JSON: {"<type>": value} */
void
attr_append_typed_text(StringInfo buf, JsonbValue *stored, bool show_nul)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(stored, &payload);

	check_stack_depth();
	put(buf, "{\"", 2);
	put(buf, DynamoTypeNames[t], strlen(DynamoTypeNames[t]));
	put(buf, "\": ", 3);
	switch (t)
	{
		case DT_S:
		case DT_B:
			json_append_stored_string(buf, payload.val.string.val,
									  payload.val.string.len, show_nul);
			break;
		case DT_N:
			append_number(buf, stored->val.numeric);
			break;
		case DT_BOOL:
			put(buf, payload.val.boolean ? "true" : "false", payload.val.boolean ? 4 : 5);
			break;
		case DT_NULL:
			put(buf, "true", 4);
			break;
		case DT_M:
			append_map(buf, payload.val.binary.data, show_nul);
			break;
		case DT_L:
		case DT_SS:
		case DT_NS:
		case DT_BS:
			append_elements(buf, payload.val.binary.data, t, show_nul);
			break;
	}
	put(buf, "}", 1);
}

/* A stored item (a top-level map) in DynamoDB's typed JSON */
void
item_append_typed_text(StringInfo buf, Jsonb *stored, bool show_nul)
{
	append_map(buf, &stored->root, show_nul);
}
