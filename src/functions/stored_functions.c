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
 * dynamo.item_key_matches(item jsonb, attribute text, key "any"): does the
 * item hold the key column's value as that attribute?  Exactly the answers
 * (NULL where the attribute is missing) of the expression it replaces,
 * item -> attribute = to_jsonb(key) for a text or numeric key and
 * decode(item -> attribute ->> '$B', 'base64') = key for a bytea one, at a
 * fraction of its cost on every write: one call, no jsonb built.
 */
Datum
dynamo_item_key_matches(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = PG_GETARG_JSONB_P(0);
	text	   *name = PG_GETARG_TEXT_PP(1);
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, 2);
	JsonbValue	v;
	bool		isnull = false;
	bool		ok;

	if (!JsonContainerIsObject(&item->root) ||
		!getKeyJsonValueFromContainer(&item->root, VARDATA_ANY(name),
									  VARSIZE_ANY_EXHDR(name), &v))
		PG_RETURN_NULL();
	switch (type)
	{
		case TEXTOID:
			{
				text	   *key = PG_GETARG_TEXT_PP(2);

				ok = stored_string_is(&v, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
				break;
			}
		case NUMERICOID:
			ok = stored_numeric_is(&v, PG_GETARG_NUMERIC(2));
			break;
		case BYTEAOID:
			ok = stored_binary_is(&v, PG_GETARG_BYTEA_PP(2), &isnull);
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("dynamo.item_key_matches: a key column is text, numeric or bytea, not %s",
							format_type_be(type))));
	}
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(ok);
}
