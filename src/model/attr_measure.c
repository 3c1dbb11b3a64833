/*
 * attr_measure.c
 *		Equality, ordering and DynamoDB's size of stored attribute values.
 */
#include "postgres.h"

#include "miscadmin.h"
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

/*
 * Significant decimal digits of a numeric, read from its stored digits
 * (base 10000, after a one- or two-word header: the on-disk format, which
 * pg_upgrade keeps); none for NaN and the infinities.  Reads size
 * every number they scan, and printing one cost most of the item's size.
 */
static int
numeric_significant_digits(Numeric n)
{
	const char *data = VARDATA_ANY(n);
	int			len = VARSIZE_ANY_EXHDR(n);
	uint16		header;
	int16		first,
				last;
	int			ndigits,
				from,
				to,
				digits;

	memcpy(&header, data, sizeof(uint16));
	if ((header & 0xC000) == 0xC000)
		return 0;				/* NUMERIC_SPECIAL */
	/* NUMERIC_SHORT: the header word only; else sign/dscale and weight */
	data += (header & 0x8000) ? sizeof(uint16) : 2 * sizeof(uint16);
	ndigits = (len - ((header & 0x8000) ? sizeof(uint16) : 2 * sizeof(uint16))) / sizeof(int16);
	for (from = 0; from < ndigits; from++)
	{
		memcpy(&first, data + from * sizeof(int16), sizeof(int16));
		if (first != 0)
			break;
	}
	if (from == ndigits)
		return 0;
	for (to = ndigits - 1;; to--)
	{
		memcpy(&last, data + to * sizeof(int16), sizeof(int16));
		if (last != 0)
			break;
	}
	/* four per base-10000 digit, less the first's leading zeros ... */
	digits = 4 * (to - from + 1) - (first < 10 ? 3 : first < 100 ? 2 : first < 1000 ? 1 : 0);
	/* ... and the last's trailing ones */
	while (last % 10 == 0)
	{
		digits--;
		last /= 10;
	}
	return digits;
}

/* DynamoDB's size of a number: one byte per two significant digits, plus one */
static int64
number_size(Numeric n)
{
	return (numeric_significant_digits(n) + 1) / 2 + 1;
}

/* Raw length of a base64 string */
static int64
base64_size(const char *s, uint32 len)
{
	int			pad = (len > 0 && s[len - 1] == '=') + (len > 1 && s[len - 2] == '=');

	return len / 4 * 3 - pad;
}

/*
 * Bytes of stored string data as DynamoDB counts them (UTF-8 of the
 * original); notes in *escaped whether the escape was in it.  Strings
 * stored back to back are measured in one call: an escape pair never
 * spans two strings.
 */
static inline int64
string_size(const char *s, uint32 len, bool *escaped)
{
	int			n;

	if (!nul_escape_present(s, len))
		return len;
	n = nul_unescaped_length(s, len);

	*escaped |= n != (int) len;
	return n;
}

static int64 container_value_size(const JsonbContainer *c, bool *escaped);

/*
 * Size of the children of a container read in place, by the layout jsonb.h
 * documents (reads measure every item they scan; an iterator's allocations
 * were most of that cost).  The container holds a value of type t (M or L:
 * one byte more per element; a set: its elements), or an item's
 * attributes (t DT_NULL).  Strings are stored unaligned, one after the
 * other: the keys first, then each value, so a run of strings (the keys
 * and the string values after them) is measured at once.
 */
static int64
container_size(const JsonbContainer *jc, DynamoType t, bool *escaped)
{
	int			count = JsonContainerSize(jc);
	int			nkeys = JsonContainerIsObject(jc) ? count : 0;
	const char *base = (const char *) &jc->children[count + nkeys];
	uint32		offset = 0;
	uint32		run = 0;		/* the run of strings under way: [run, offset) */
	int64		size = (t == DT_M || t == DT_L) ? count : 0;

	check_stack_depth();
	for (int i = 0; i < nkeys; i++)
	{
		JEntry		e = jc->children[i];

		offset = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) : offset + JBE_OFFLENFLD(e);
	}
	for (int i = nkeys; i < count + nkeys; i++)
	{
		JEntry		e = jc->children[i];
		uint32		start = offset;
		const char *data;

		offset = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) : offset + JBE_OFFLENFLD(e);
		if (JBE_ISSTRING(e))
		{
			if (t == DT_BS)
			{
				/* a binary set's members: base64, never escaped */
				size += base64_size(base + start, offset - start);
				run = offset;
			}
			continue;			/* else the run goes on */
		}
		if (!JBE_ISNUMERIC(e) && !JBE_ISCONTAINER(e))
		{
			size += 1;			/* BOOL, NULL: no bytes */
			continue;
		}
		/* a number or a container (aligned) ends the run */
		size += string_size(base + run, start - run, escaped);
		data = base + INTALIGN(start);
		if (JBE_ISCONTAINER(e))
			size += container_value_size((const JsonbContainer *) data, escaped);
		else
			size += number_size((Numeric) data);
		run = offset;
	}
	return size + string_size(base + run, offset - run, escaped);
}

/*
 * Size of a map, a list or a tagged value (B, a set, a wrapped map): maps
 * and lists 3 bytes plus their elements, the others their contents.
 */
static int64
container_value_size(const JsonbContainer *c, bool *escaped)
{
	DynamoType	t;

	if (JsonContainerIsArray(c))
		return container_size(c, DT_L, escaped) + 3;
	if (JsonContainerSize(c) == 1)
	{
		/* one pair: the key at offset 0, then the value */
		const char *base = (const char *) &c->children[2];
		uint32		keylen = JBE_OFFLENFLD(c->children[0]);
		JEntry		e = c->children[1];
		uint32		end = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) : keylen + JBE_OFFLENFLD(e);
		const char *data = base + (JBE_ISSTRING(e) ? keylen : INTALIGN(keylen));

		if (stored_tag_type(base, keylen, &t))
		{
			if (t == DT_B)
				return base64_size(data, end - (data - base));
			return container_size((const JsonbContainer *) data, t, escaped) + (t == DT_M ? 3 : 0);
		}
	}
	return container_size(c, DT_M, escaped) + 3;
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
	bool		escaped = false;

	switch (v->type)
	{
		case jbvString:
			return string_size(v->val.string.val, v->val.string.len, &escaped);
		case jbvNumeric:
			return number_size(v->val.numeric);
		case jbvBinary:
			return container_value_size(v->val.binary.data, &escaped);
		case jbvBool:
		case jbvNull:
			return 1;
		default:
			elog(ERROR, "unexpected jsonb value type %d", v->type);
	}
	return 0;					/* keep compiler quiet */
}

/*
 * DynamoDB's size of an item: each attribute's name and value.  *escaped
 * tells whether a string of it holds the escape (item_to_plain() would
 * rewrite it), so a read that sizes its items knows without a second walk.
 */
int64
item_measure(Jsonb *stored, bool *escaped)
{
	*escaped = false;
	return container_size(&stored->root, DT_NULL, escaped);
}

/* DynamoDB's size of an item: each attribute's name and value */
int64
item_size(Jsonb *stored)
{
	bool		escaped;

	return item_measure(stored, &escaped);
}
