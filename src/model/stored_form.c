/*
 * stored_form.c
 *		The stored form's tags, member order and canonical-form check (see
 *		stored_form.h).
 *
 * Every conversion into the stored form (attr_value.c), every update
 * (expr/) and equality (attr_measure.c) rely on the rules written here
 * once.  stored_item_is_canonical accepts exactly what those conversions
 * produce; it backs the item_canonical constraint of every item table, so
 * plain SQL writes cannot store an item the engine could not have written.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "errors.h"
#include "nul_escape.h"
#include "stored_form.h"

/* Tag keys of the stored form, by type; NULL where the type needs none */
static const char *const StoredTags[DYNAMO_TYPE_COUNT] = {
	NULL, NULL, "$B", NULL, NULL, "$M", NULL, "$SS", "$NS", "$BS"
};

/* Which tagged type an object key names, if any */
bool
stored_tag_type(const char *key, int len, DynamoType *type)
{
	if (len < 2 || key[0] != '$')
		return false;
	for (int i = 0; i < DYNAMO_TYPE_COUNT; i++)
	{
		if (StoredTags[i] && strlen(StoredTags[i]) == len && memcmp(StoredTags[i], key, len) == 0)
		{
			*type = (DynamoType) i;
			return true;
		}
	}
	return false;
}

/*
 * Push a tagged value's opening: BEGIN_OBJECT and the tag key.  A container
 * opened after a key or inside an array nests there, so no token is needed.
 */
void
stored_push_tag(JsonbParseState **st, DynamoType t)
{
	JsonbValue	k;

	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	k.type = jbvString;
	k.val.string.val = (char *) StoredTags[t];
	k.val.string.len = strlen(StoredTags[t]);
	(void) pushJsonbValue(st, WJB_KEY, &k);
}

/* Unsigned byte order, the shorter first on a common prefix */
int
stored_bytes_cmp(const char *a, int la, const char *b, int lb)
{
	int			c = memcmp(a, b, Min(la, lb));

	return c ? c : (la > lb) - (la < lb);
}

/*
 * Order two stored members of a set: NS numerically, SS by UTF-8 bytes (the
 * escape keeps that order), BS by the bytes their base64 stands for.
 */
int
stored_set_member_cmp(DynamoType t, const JsonbValue *x, const JsonbValue *y)
{
	if (t == DT_NS)
		return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(x->val.numeric),
												 NumericGetDatum(y->val.numeric)));
	if (t == DT_BS)
	{
		bytea	   *bx = dynamo_binary_decode(x->val.string.val, x->val.string.len);
		bytea	   *by = dynamo_binary_decode(y->val.string.val, y->val.string.len);

		return stored_bytes_cmp(VARDATA_ANY(bx), VARSIZE_ANY_EXHDR(bx),
								VARDATA_ANY(by), VARSIZE_ANY_EXHDR(by));
	}
	return stored_bytes_cmp(x->val.string.val, x->val.string.len,
							y->val.string.val, y->val.string.len);
}

/* The deepest nesting of maps and lists inside a container at depth */
static int
container_depth(JsonbContainer *c, int depth)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;
	int			deepest = depth;

	check_stack_depth();
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		JsonbValue	payload;
		DynamoType	t;

		CHECK_FOR_INTERRUPTS();
		if ((r != WJB_VALUE && r != WJB_ELEM) || v.type != jbvBinary)
			continue;
		t = JsonContainerIsArray(v.val.binary.data) ? DT_L : attr_type(&v, &payload);
		if (t == DT_L || t == DT_M)
		{
			int			d = container_depth(t == DT_M && payload.type == jbvBinary ?
											payload.val.binary.data : v.val.binary.data,
											depth + 1);

			deepest = Max(deepest, d);	/* Max evaluates its arguments twice */
		}
		if (deepest >= DYNAMO_MAX_DEPTH)
			break;
	}
	return deepest;
}

/*
 * Reject an item nesting maps and lists deeper than DynamoDB's 32 levels
 * (an update can build one from values that are each within the limit).
 */
void
stored_check_nesting(Jsonb *item)
{
	if (container_depth(&item->root, 0) >= DYNAMO_MAX_DEPTH)
		dynamo_error(DYN_VALIDATION, "Nesting Levels have exceeded supported limits");
}

/* ---------------------------------------------------------------------
 * The canonical-form check
 * ---------------------------------------------------------------------
 */

static bool value_is_canonical(const JsonbValue *v, int depth, const char **why);

/* Value of a base64 character, -1 outside the standard alphabet */
static int
base64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Is a string canonical base64, as dynamo_binary_encode writes it: the
 * standard alphabet, padded to a multiple of four, unused bits zero?
 */
static bool
base64_is_canonical(const char *s, int len)
{
	int			pad = 0;

	if (len % 4 != 0)
		return false;
	while (pad < 2 && pad < len && s[len - 1 - pad] == '=')
		pad++;
	for (int i = 0; i < len - pad; i++)
	{
		if (base64_value(s[i]) < 0)
			return false;
	}
	if (pad == 1)
		return (base64_value(s[len - 2]) & 0x03) == 0;
	if (pad == 2)
		return (base64_value(s[len - 3]) & 0x0F) == 0;
	return true;
}

/* Is a stored string a well-formed escape (U+0001 followed by 1 or 2)? */
static bool
string_is_canonical(const char *s, int len)
{
	const char *p = memchr(s, NUL_ESCAPE_CHAR, len);

	while (p)
	{
		int			rest = len - (p - s) - 1;

		if (rest < 1 || (p[1] != NUL_ESCAPE_CHAR && p[1] != '\x02'))
			return false;
		p = memchr(p + 2, NUL_ESCAPE_CHAR, rest - 1);
	}
	return true;
}

/* Record why a value is not canonical, and say false */
static bool
not_canonical(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return false;
}

/* A set's members: of the member kind, canonical, non-empty, ascending */
static bool
set_is_canonical(DynamoType t, const JsonbValue *payload, const char **why)
{
	JsonbContainer *c;
	int			n;
	JsonbValue *prev = NULL;

	if (payload->type != jbvBinary || !JsonContainerIsArray(payload->val.binary.data))
		return not_canonical(why, "a set is not an array");
	c = payload->val.binary.data;
	n = JsonContainerSize(c);
	if (n == 0)
		return not_canonical(why, "a set is empty");
	for (int i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(c, i);

		CHECK_FOR_INTERRUPTS();
		if (t == DT_NS ? (e->type != jbvNumeric || !dynamo_number_is_canonical(e->val.numeric))
			: (e->type != jbvString ||
			   !(t == DT_BS ? base64_is_canonical(e->val.string.val, e->val.string.len)
				 : string_is_canonical(e->val.string.val, e->val.string.len))))
			return not_canonical(why, "a set member is not of the set's type in stored form");
		if (prev && stored_set_member_cmp(t, prev, e) >= 0)
			return not_canonical(why, "set members are not sorted and unique");
		prev = e;
	}
	return true;
}

/* A map's pairs: names of at most 64 KB in stored form, canonical values */
static bool
map_is_canonical(JsonbContainer *c, int depth, const char **why)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (r == WJB_KEY &&
			(v.val.string.len > DYNAMO_MAX_ATTR_NAME ||
			 !string_is_canonical(v.val.string.val, v.val.string.len)))
			return not_canonical(why, "an attribute name is too long or badly escaped");
		if (r == WJB_VALUE && !value_is_canonical(&v, depth, why))
			return false;
	}
	return true;
}

/* Does a map need the $M wrapper: is its one key a tag? */
static bool
map_needs_wrapper(JsonbContainer *c)
{
	JsonbIterator *it;
	JsonbValue	k;
	DynamoType	t;

	if (JsonContainerSize(c) != 1)
		return false;
	it = JsonbIteratorInit(c);
	(void) JsonbIteratorNext(&it, &k, true);	/* BEGIN_OBJECT */
	(void) JsonbIteratorNext(&it, &k, true);
	return stored_tag_type(k.val.string.val, k.val.string.len, &t);
}

/*
 * Is a value, inside a container at the given depth (the item is 0), in
 * stored form?  Depth counts maps and lists (not $M's wrapper), as
 * DynamoDB's 32 levels do; B and sets nest nothing.
 */
static bool
value_is_canonical(const JsonbValue *v, int depth, const char **why)
{
	JsonbContainer *c;
	JsonbValue	payload;
	DynamoType	t;

	switch (v->type)
	{
		case jbvString:
			return string_is_canonical(v->val.string.val, v->val.string.len) ||
				not_canonical(why, "a string is badly escaped");
		case jbvNumeric:
			return dynamo_number_is_canonical(v->val.numeric) ||
				not_canonical(why, "a number is not normalised or out of range");
		case jbvBool:
		case jbvNull:
			return true;
		default:
			break;
	}
	check_stack_depth();
	c = v->val.binary.data;
	if (JsonContainerIsArray(c))
	{
		if (depth + 1 >= DYNAMO_MAX_DEPTH)
			return not_canonical(why, "nesting is too deep");
		for (int i = 0; i < JsonContainerSize(c); i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (!value_is_canonical(getIthJsonbValueFromContainer(c, i), depth + 1, why))
				return false;
		}
		return true;
	}
	t = attr_type(v, &payload);
	switch (t)
	{
		case DT_B:
			return (payload.type == jbvString &&
					base64_is_canonical(payload.val.string.val, payload.val.string.len)) ||
				not_canonical(why, "a binary is not canonical base64");
		case DT_SS:
		case DT_NS:
		case DT_BS:
			return set_is_canonical(t, &payload, why);
		case DT_M:
			if (depth + 1 >= DYNAMO_MAX_DEPTH)
				return not_canonical(why, "nesting is too deep");
			if (payload.type == jbvBinary && payload.val.binary.data == c)
				return map_is_canonical(c, depth + 1, why);	/* no wrapper */
			/* a wrapper {"$M": {...}} holds exactly a map whose one key is a tag */
			if (payload.type != jbvBinary || !JsonContainerIsObject(payload.val.binary.data) ||
				!map_needs_wrapper(payload.val.binary.data))
				return not_canonical(why, "a $M wrapper around a map that needs none");
			return map_is_canonical(payload.val.binary.data, depth + 1, why);
		default:
			elog(ERROR, "unexpected stored type %d", (int) t);
	}
	return false;				/* keep compiler quiet */
}

/*
 * Is a document an item exactly as the engine stores it: a map of
 * attribute values in canonical stored form, at most 400 KB as DynamoDB
 * counts?  DynamoDB's size of an item never exceeds its jsonb size (names
 * and strings count their bytes, numbers less than numeric's, every value
 * less than its JEntry and alignment), so only large documents are
 * measured.
 */
bool
stored_item_is_canonical(Jsonb *item, const char **why)
{
	if (!JB_ROOT_IS_OBJECT(item) || JB_ROOT_IS_SCALAR(item))
		return not_canonical(why, "an item is not a map");
	if (!map_is_canonical(&item->root, 0, why))
		return false;
	if (VARSIZE_ANY_EXHDR(item) > DYNAMO_MAX_ITEM_SIZE && item_size(item) > DYNAMO_MAX_ITEM_SIZE)
		return not_canonical(why, "an item is larger than 400 KB");
	return true;
}
