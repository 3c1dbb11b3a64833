/*
 * sql_args.c
 *		Arguments of the ergonomic SQL functions.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "errors.h"
#include "sql_args.h"
#include "validate.h"

/* A text argument as a C string */
char *
sql_text_arg(FunctionCallInfo fcinfo, int n)
{
	return (n < 0 || PG_ARGISNULL(n)) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/* A jsonb argument */
Jsonb *
sql_jsonb_arg(FunctionCallInfo fcinfo, int n)
{
	return (n < 0 || PG_ARGISNULL(n)) ? NULL : PG_GETARG_JSONB_P(n);
}

/* An integer argument; false when there is none */
bool
sql_int_arg(FunctionCallInfo fcinfo, int n, int64 *out)
{
	if (n < 0 || PG_ARGISNULL(n))
		return false;
	*out = PG_GETARG_INT32(n);
	return true;
}

/* A key type argument: 'S', 'N' or 'B' */
DynamoType
sql_key_type_arg(FunctionCallInfo fcinfo, int n, const char *param)
{
	char	   *s = sql_text_arg(fcinfo, n);
	DynamoType	t;

	if (s == NULL)
		return DT_S;
	validate_enum(NULL, s, param, "[B, N, S]");
	(void) dynamo_type_from_name(s, strlen(s), &t);
	return t;
}

/* The member key of a jsonb object, or NULL when it has none */
static JsonbValue *
object_member(Jsonb *obj, JsonbValue *key)
{
	if (obj == NULL || !JB_ROOT_IS_OBJECT(obj))
		return NULL;
	return getKeyJsonValueFromContainer(&obj->root, key->val.string.val,
										key->val.string.len, NULL);
}

/* Whether two jsonb values are the same JSON */
static bool
same_json(JsonbValue *a, JsonbValue *b)
{
	return compareJsonbContainers(&JsonbValueToJsonb(a)->root,
								  &JsonbValueToJsonb(b)->root) == 0;
}

/*
 * The placeholders of a call (argument positions names and values, -1 when
 * absent).  The names argument may hold values as well, told apart by
 * DynamoDB's sigils: its keys starting with ':' join the values argument's
 * (the same placeholder twice must have the same value); the rest stay
 * names, for the usual validation.  Names come out as jsonb, values in the
 * stored form; each is NULL when there is none.
 */
void
sql_placeholders_args(FunctionCallInfo fcinfo, int names, int values,
					  Jsonb **names_out, Jsonb **values_out)
{
	Jsonb	   *given_names = sql_jsonb_arg(fcinfo, names);
	Jsonb	   *given_values = sql_jsonb_arg(fcinfo, values);
	JsonbParseState *name_st = NULL;
	JsonbParseState *value_st = NULL;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	JsonbValue	key;
	JsonbValue	val;
	int			nnames = 0;
	int			nvalues = 0;

	*names_out = given_names;
	*values_out = given_values ? item_from_plain(given_values, false) : NULL;
	if (given_names == NULL || !JB_ROOT_IS_OBJECT(given_names))
		return;

	pushJsonbValue(&name_st, WJB_BEGIN_OBJECT, NULL);
	pushJsonbValue(&value_st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(&given_names->root);
	while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
	{
		JsonbValue *twin;
		bool		is_value;

		if (tok != WJB_KEY)
			continue;
		(void) JsonbIteratorNext(&it, &val, true);
		is_value = key.val.string.len > 0 && key.val.string.val[0] == ':';
		if (is_value && (twin = object_member(given_values, &key)) != NULL &&
			!same_json(&val, twin))
			dynamo_error(DYN_VALIDATION,
						 "ExpressionAttributeValues contains invalid key: Duplicate placeholder with different values; key: \"%.*s\"",
						 key.val.string.len, key.val.string.val);
		pushJsonbValue(is_value ? &value_st : &name_st, WJB_KEY, &key);
		pushJsonbValue(is_value ? &value_st : &name_st, WJB_VALUE, &val);
		if (is_value)
			nvalues++;
		else
			nnames++;
	}
	if (nvalues == 0)
		return;

	/* the values argument's own members join those of the names argument */
	if (given_values && JB_ROOT_IS_OBJECT(given_values))
	{
		it = JsonbIteratorInit(&given_values->root);
		while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
		{
			if (tok != WJB_KEY)
				continue;
			(void) JsonbIteratorNext(&it, &val, true);
			pushJsonbValue(&value_st, WJB_KEY, &key);
			pushJsonbValue(&value_st, WJB_VALUE, &val);
		}
	}
	else if (given_values)
		return;					/* not an object: its own validation says so */
	*values_out = item_from_plain(JsonbValueToJsonb(pushJsonbValue(&value_st, WJB_END_OBJECT, NULL)),
								  false);
	*names_out = nnames == 0 ? NULL :
		JsonbValueToJsonb(pushJsonbValue(&name_st, WJB_END_OBJECT, NULL));
}
