/*
 * stored_functions.c
 *		dynamo.item_is_canonical() and dynamo.item_key_matches(): the checks
 *		behind every item table's item_canonical and item_key_matches
 *		constraints.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "stored_form.h"

PG_FUNCTION_INFO_V1(dynamo_item_is_canonical);
PG_FUNCTION_INFO_V1(dynamo_item_key_matches);

/*
 * dynamo.item_is_canonical(item jsonb): is the document an item exactly as
 * pg_dynamo stores it?  A plain boolean, so a CHECK constraint can
 * use it; the reason for a false answer is given as a DEBUG1 message.
 */
Datum
dynamo_item_is_canonical(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = PG_GETARG_JSONB_P(0);
	const char *why = NULL;
	bool		ok = stored_item_is_canonical(item, &why);

	if (!ok)
		elog(DEBUG1, "item not in pg_dynamo's stored form: %s", why);
	PG_RETURN_BOOL(ok);
}

/* Does a jsonb string hold exactly these bytes? */
static bool
stored_string_is(JsonbValue *v, const char *s, int len)
{
	return v->type == jbvString && v->val.string.len == len &&
		memcmp(v->val.string.val, s, len) == 0;
}

/*
 * item -> name = to_jsonb(key) for a numeric key: to_jsonb gives a number,
 * or a string for NaN and the infinities, which JSON has no numbers for.
 */
static bool
stored_numeric_is(JsonbValue *v, Numeric key)
{
	if (numeric_is_nan(key) || numeric_is_inf(key))
	{
		char	   *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(key)));

		return stored_string_is(v, text, strlen(text));
	}
	return v->type == jbvNumeric &&
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(v->val.numeric),
										  NumericGetDatum(key))) == 0;
}

/*
 * decode(item -> name ->> '$B', 'base64') = key for a bytea key; false
 * with *isnull set where that expression is NULL.
 */
static bool
stored_binary_is(JsonbValue *v, bytea *key, bool *isnull)
{
	JsonbValue	tag;
	text	   *b64;
	bytea	   *bytes;

	*isnull = true;
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data) ||
		!getKeyJsonValueFromContainer(v->val.binary.data, "$B", 2, &tag) ||
		tag.type == jbvNull)
		return false;
	*isnull = false;
	if (tag.type == jbvString)
		b64 = cstring_to_text_with_len(tag.val.string.val, tag.val.string.len);
	else
	{
		/* ->> gives a non-string value's JSON text */
		Jsonb	   *doc = JsonbValueToJsonb(&tag);

		b64 = cstring_to_text(JsonbToCString(NULL, &doc->root, VARSIZE(doc)));
	}
	bytes = DatumGetByteaPP(DirectFunctionCall2(binary_decode, PointerGetDatum(b64),
												CStringGetTextDatum("base64")));
	return VARSIZE_ANY_EXHDR(bytes) == VARSIZE_ANY_EXHDR(key) &&
		memcmp(VARDATA_ANY(bytes), VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)) == 0;
}

/*
 * Does the item hold a key column's value as an attribute?  Exactly the
 * answer of the expression the check replaces (*isnull where it is NULL:
 * the attribute is missing, or a binary one has no '$B').
 */
static bool
stored_key_matches(FunctionCallInfo fcinfo, Jsonb *item, int argno, bool *isnull)
{
	text	   *name = PG_GETARG_TEXT_PP(argno);
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, argno + 1);
	JsonbValue	v;

	*isnull = false;
	if (!JsonContainerIsObject(&item->root) ||
		!getKeyJsonValueFromContainer(&item->root, VARDATA_ANY(name),
									  VARSIZE_ANY_EXHDR(name), &v))
	{
		*isnull = true;
		return false;
	}
	switch (type)
	{
		case TEXTOID:
			{
				text	   *key = PG_GETARG_TEXT_PP(argno + 1);

				return stored_string_is(&v, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
			}
		case NUMERICOID:
			return stored_numeric_is(&v, PG_GETARG_NUMERIC(argno + 1));
		case BYTEAOID:
			return stored_binary_is(&v, PG_GETARG_BYTEA_PP(argno + 1), isnull);
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("dynamo.item_key_matches: a key column is text, numeric or bytea, not %s",
							format_type_be(type))));
	}
	pg_unreachable();
}

/*
 * dynamo.item_key_matches(item jsonb, attribute text, key "any"
 * [, sort_attribute text, sort_key "any"]): does the item hold the key
 * columns' values as those attributes?  Exactly the answers (NULL where an
 * attribute is missing) of the expression it replaces, item -> attribute =
 * to_jsonb(key) for a text or numeric key, decode(item -> attribute ->>
 * '$B', 'base64') = key for a bytea one, the two joined by AND (the sort
 * key is not looked at when the partition key does not match), at a
 * fraction of its cost on every write: one call, no jsonb built.
 */
Datum
dynamo_item_key_matches(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = PG_GETARG_JSONB_P(0);
	bool		pk_null;
	bool		sk_null;
	bool		ok = stored_key_matches(fcinfo, item, 1, &pk_null);

	if (PG_NARGS() < 5 || (!ok && !pk_null))
	{
		if (pk_null)
			PG_RETURN_NULL();
		PG_RETURN_BOOL(ok);
	}
	ok = stored_key_matches(fcinfo, item, 3, &sk_null);
	/* SQL's AND: false wins over NULL */
	if (!ok && !sk_null)
		PG_RETURN_BOOL(false);
	if (pk_null || sk_null)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(true);
}
