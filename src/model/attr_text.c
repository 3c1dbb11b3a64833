/*
 * attr_text.c
 *		Stored items written straight out as DynamoDB's typed JSON text
 *		(see attr_text.h): one walk over the stored jsonb, no jsonb built;
 *		jsonb responses printed in the same spacing.
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
		if (c == NUL_ESCAPE_CHAR && s < end && (*s == NUL_ESCAPE_CHAR || *s == '\x02'))
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

/* The separator of members or elements in a style */
void
json_append_comma(StringInfo buf, int style)
{
	put(buf, ", ", (style & JSON_TEXT_COMPACT) ? 1 : 2);
}

/* The separator of a key and its value in a style */
static inline void
put_colon(StringInfo buf, int style)
{
	put(buf, ": ", (style & JSON_TEXT_COMPACT) ? 1 : 2);
}

/* A member's key after a comma (unless first), followed by a colon */
void
json_append_key(StringInfo buf, const char *key, bool first, int style)
{
	if (!first)
		json_append_comma(buf, style);
	json_append_stored_string(buf, key, strlen(key), true);
	put_colon(buf, style);
}

/* The members of a jsonb object, each after a comma */
void
json_append_members(StringInfo buf, Jsonb *object, int style)
{
	StringInfoData text;

	initStringInfo(&text);
	json_append_jsonb(&text, object, style);
	/* "{}" has no members; otherwise drop the braces */
	if (text.len <= 2)
		return;
	json_append_comma(buf, style);
	put(buf, text.data + 1, text.len - 2);
}

/* A scalar of a jsonb document, as jsonb_out prints it */
static void
append_jsonb_scalar(StringInfo buf, JsonbValue *v, int style)
{
	char	   *digits;

	switch (v->type)
	{
		case jbvString:
			json_append_stored_string(buf, v->val.string.val, v->val.string.len,
									  style & JSON_TEXT_SHOW_NUL);
			break;
		case jbvNumeric:
			digits = DatumGetCString(DirectFunctionCall1(numeric_out,
														 NumericGetDatum(v->val.numeric)));
			put(buf, digits, strlen(digits));
			break;
		case jbvBool:
			put(buf, v->val.boolean ? "true" : "false", v->val.boolean ? 4 : 5);
			break;
		default:
			put(buf, "null", 4);
			break;
	}
}

/*
 * A jsonb document as text in a style: what jsonb_out prints (or its
 * compact form), strings written by json_append_stored_string, so the
 * stored U+0000 escape is undone in the same walk
 */
void
json_append_jsonb(StringInfo buf, Jsonb *jb, int style)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		first = true;

	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		switch (tok)
		{
			case WJB_BEGIN_ARRAY:
			case WJB_BEGIN_OBJECT:
				/* a raw scalar is printed alone, without its pseudo-array */
				if (tok == WJB_BEGIN_ARRAY && v.val.array.rawScalar)
					break;
				if (!first)
					json_append_comma(buf, style);
				put(buf, tok == WJB_BEGIN_ARRAY ? "[" : "{", 1);
				first = true;
				break;
			case WJB_END_ARRAY:
			case WJB_END_OBJECT:
				if (!JB_ROOT_IS_SCALAR(jb))
					put(buf, tok == WJB_END_ARRAY ? "]" : "}", 1);
				first = false;
				break;
			case WJB_KEY:
				if (!first)
					json_append_comma(buf, style);
				json_append_stored_string(buf, v.val.string.val, v.val.string.len,
										  style & JSON_TEXT_SHOW_NUL);
				put_colon(buf, style);
				/* the value (or container) follows the key without a comma */
				first = true;
				break;
			case WJB_VALUE:
			case WJB_ELEM:
				if (!first)
					json_append_comma(buf, style);
				append_jsonb_scalar(buf, &v, style);
				first = false;
				break;
			default:
				break;
		}
	}
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
append_map(StringInfo buf, JsonbContainer *c, int style)
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
				json_append_comma(buf, style);
			first = false;
			json_append_stored_string(buf, v.val.string.val, v.val.string.len,
									  style & JSON_TEXT_SHOW_NUL);
			put_colon(buf, style);
		}
		else if (r == WJB_VALUE)
			attr_append_typed_text(buf, &v, style);
	}
	put(buf, "}", 1);
}

/* The elements of a stored list (typed) or set (as DynamoDB lists them) */
static void
append_elements(StringInfo buf, JsonbContainer *c, DynamoType t, int style)
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
			json_append_comma(buf, style);
		first = false;
		if (t == DT_L)
			attr_append_typed_text(buf, &v, style);
		else if (t == DT_NS)
			append_number(buf, v.val.numeric);
		else
			json_append_stored_string(buf, v.val.string.val, v.val.string.len,
									  style & JSON_TEXT_SHOW_NUL);
	}
	put(buf, "]", 1);
}

/* A stored value in DynamoDB's typed JSON: {"<type>": value} */
void
attr_append_typed_text(StringInfo buf, JsonbValue *stored, int style)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(stored, &payload);

	check_stack_depth();
	put(buf, "{\"", 2);
	put(buf, DynamoTypeNames[t], strlen(DynamoTypeNames[t]));
	put(buf, "\"", 1);
	put_colon(buf, style);
	switch (t)
	{
		case DT_S:
		case DT_B:
			json_append_stored_string(buf, payload.val.string.val,
									  payload.val.string.len, style & JSON_TEXT_SHOW_NUL);
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
			append_map(buf, payload.val.binary.data, style);
			break;
		case DT_L:
		case DT_SS:
		case DT_NS:
		case DT_BS:
			append_elements(buf, payload.val.binary.data, t, style);
			break;
	}
	put(buf, "}", 1);
}

/* A stored item (a top-level map) in DynamoDB's typed JSON */
void
item_append_typed_text(StringInfo buf, Jsonb *stored, int style)
{
	append_map(buf, &stored->root, style);
}
