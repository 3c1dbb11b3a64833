/*
 * attr_measure.c
 *		Equality, ordering and DynamoDB's size of stored attribute values.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "nul_escape.h"
#include "stored_form.h"

/* Bytes of a stored B value */
bytea *
attr_binary_bytes(JsonbValue *v)
{
	JsonbValue	payload;

	if (attr_type(v, &payload) != DT_B)
		elog(ERROR, "attribute value is not binary");
	return dynamo_binary_decode(payload.val.string.val, payload.val.string.len);
}

/* The stored value of some bytes: {"$B": base64} */
JsonbValue *
attr_binary_value(const char *data, int len)
{
	JsonbParseState *st = NULL;
	JsonbValue	v;
	JsonbValue *res;

	stored_push_tag(&st, DT_B);
	v.type = jbvString;
	v.val.string.val = dynamo_binary_encode(data, len);
	v.val.string.len = strlen(v.val.string.val);
	(void) pushJsonbValue(&st, WJB_VALUE, &v);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return jsonb_root_value(JsonbValueToJsonb(res));
}

/*
 * Deep equality of two stored values.  The stored form is canonical (sorted
 * sets, normalised numbers, canonical base64), so this is jsonb equality once
 * the types agree.
 */
bool
attr_equal(JsonbValue *a, JsonbValue *b)
{
	DynamoType	ta = attr_type(a, NULL);

	if (ta != attr_type(b, NULL))
		return false;
	switch (ta)
	{
		case DT_S:
			return a->val.string.len == b->val.string.len &&
				memcmp(a->val.string.val, b->val.string.val, a->val.string.len) == 0;
		case DT_N:
			return attr_compare(a, b) == 0;
		case DT_BOOL:
			return a->val.boolean == b->val.boolean;
		case DT_NULL:
			return true;
		default:
			return compareJsonbContainers(a->val.binary.data, b->val.binary.data) == 0;
	}
}

/*
 * Order two stored values of one of the ordered types, as DynamoDB orders
 * them: S by UTF-8 bytes (the escape keeps that order), N numerically, B by
 * unsigned bytes.
 */
int
attr_compare(JsonbValue *a, JsonbValue *b)
{
	DynamoType	t = attr_type(a, NULL);

	Assert(t == attr_type(b, NULL));
	switch (t)
	{
		case DT_S:
			return stored_bytes_cmp(a->val.string.val, a->val.string.len,
							 b->val.string.val, b->val.string.len);
		case DT_N:
			return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
													 NumericGetDatum(a->val.numeric),
													 NumericGetDatum(b->val.numeric)));
		case DT_B:
			{
				bytea	   *x = attr_binary_bytes(a);
				bytea	   *y = attr_binary_bytes(b);

				return stored_bytes_cmp(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x),
								 VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y));
			}
		default:
			elog(ERROR, "values of type %s have no order", DynamoTypeNames[t]);
	}
	return 0;					/* keep compiler quiet */
}

/* DynamoDB's size of a number: one byte per two significant digits, plus one */
static int64
number_size(Numeric n)
{
	const char *p = dynamo_number_to_string(n);
	int			digits = 0,
				trailing_zeros = 0;
	bool		started = false;

	for (; *p; p++)
	{
		if (!isdigit((unsigned char) *p))
			continue;
		if (!started && *p == '0')
			continue;
		started = true;
		digits++;
		trailing_zeros = (*p == '0') ? trailing_zeros + 1 : 0;
	}
	digits -= trailing_zeros;
	return (digits + 1) / 2 + 1;
}

/* Raw length of a base64 string */
static int64
base64_size(const JsonbValue *s)
{
	int			len = s->val.string.len;
	int			pad = (len > 0 && s->val.string.val[len - 1] == '=') +
		(len > 1 && s->val.string.val[len - 2] == '=');

	return len / 4 * 3 - pad;
}

/* Bytes of a stored string as DynamoDB counts them (UTF-8 of the original) */
static int64
string_size(const JsonbValue *s)
{
	return nul_unescaped_length(s->val.string.val, s->val.string.len);
}

/*
 * The children of a container, walked in order as the iterator walks them
 * but without one: reads measure every item they scan, and an iterator's
 * allocations were most of that cost.
 */
typedef struct ChildWalk
{
	const JsonbContainer *jc;
	const char *base;			/* start of the children's data */
	int			index;			/* next child */
	uint32		offset;			/* and its data's offset */
} ChildWalk;

/* Start a walk at child index */
static void
walk_init(ChildWalk *w, const JsonbContainer *jc, int nchildren, int index)
{
	w->jc = jc;
	w->base = (const char *) &jc->children[nchildren];
	w->index = index;
	w->offset = index ? getJsonbOffset(jc, index) : 0;
}

/* The next child as a JsonbValue pointing into the container */
static void
walk_next(ChildWalk *w, JsonbValue *v)
{
	JEntry		entry = w->jc->children[w->index];
	uint32		offset = w->offset;
	uint32		end = JBE_HAS_OFF(entry) ? JBE_OFFLENFLD(entry) : offset + JBE_OFFLENFLD(entry);

	w->index++;
	w->offset = end;
	if (JBE_ISSTRING(entry))
	{
		v->type = jbvString;
		v->val.string.val = (char *) w->base + offset;
		v->val.string.len = end - offset;
	}
	else if (JBE_ISNUMERIC(entry))
	{
		v->type = jbvNumeric;
		v->val.numeric = (Numeric) (w->base + INTALIGN(offset));
	}
	else if (JBE_ISBOOL_TRUE(entry) || JBE_ISBOOL_FALSE(entry))
	{
		v->type = jbvBool;
		v->val.boolean = JBE_ISBOOL_TRUE(entry);
	}
	else if (JBE_ISNULL(entry))
		v->type = jbvNull;
	else
	{
		v->type = jbvBinary;
		v->val.binary.data = (JsonbContainer *) (w->base + INTALIGN(offset));
		v->val.binary.len = end - INTALIGN(offset);
	}
}

/*
 * Size of the members of a container holding a value of type t (M or L, a
 * set's elements), or of an item's attributes (t DT_NULL): names and
 * values, one byte more per element of a map or list.
 */
static int64
members_size(const JsonbContainer *jc, DynamoType t)
{
	int			n = JsonContainerSize(jc);
	bool		object = JsonContainerIsObject(jc);
	ChildWalk	keys,
				values;
	int64		size = 0;

	walk_init(&keys, jc, object ? 2 * n : n, 0);
	walk_init(&values, jc, object ? 2 * n : n, object ? n : 0);
	for (int i = 0; i < n; i++)
	{
		JsonbValue	e;

		if (object)
		{
			walk_next(&keys, &e);
			size += string_size(&e);
		}
		walk_next(&values, &e);
		if (t == DT_M || t == DT_L)
			size += attr_size(&e) + 1;
		else if (t == DT_NS)
			size += number_size(e.val.numeric);
		else if (t == DT_BS)
			size += base64_size(&e);
		else if (t == DT_SS)
			size += string_size(&e);
		else
			size += attr_size(&e);
	}
	return size;
}

/*
 * DynamoDB's size of a value: strings and binaries by their bytes, numbers
 * by their digits, BOOL and NULL one byte, sets the sum of their members, and
 * maps and lists 3 bytes plus one byte and the size of each element (with
 * its name, in a map).
 */
int64
attr_size(JsonbValue *v)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(v, &payload);

	switch (t)
	{
		case DT_S:
			return string_size(v);
		case DT_N:
			return number_size(v->val.numeric);
		case DT_B:
			return base64_size(&payload);
		case DT_BOOL:
		case DT_NULL:
			return 1;
		case DT_M:
		case DT_L:
			return members_size(payload.val.binary.data, t) + 3;
		default:
			return members_size(payload.val.binary.data, t);
	}
}

/* DynamoDB's size of an item: each attribute's name and value */
int64
item_size(Jsonb *stored)
{
	return members_size(&stored->root, DT_NULL);
}
