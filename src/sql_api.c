/*
 * sql_api.c
 *		The ergonomic SQL functions: named arguments, items as plain JSON.
 *
 * Each builds the same request struct as execute() and runs the same
 * engine; only the translation differs.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "errors.h"
#include "item_ops.h"
#include "table_ops.h"

/* A text argument as a C string, NULL for SQL NULL */
static char *
text_arg(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/* A required table name argument */
static char *
table_name_arg(FunctionCallInfo fcinfo)
{
	char	   *name = text_arg(fcinfo, 0);

	dynamo_check_table_name(name, "tableName");
	return name;
}

/* A key type argument: 'S', 'N' or 'B' */
static DynamoType
key_type_arg(FunctionCallInfo fcinfo, int n, const char *param)
{
	char	   *s = text_arg(fcinfo, n);
	DynamoType	t;

	if (s == NULL)
		return DT_S;
	if (!dynamo_type_from_name(s, strlen(s), &t) || (t != DT_S && t != DT_N && t != DT_B))
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
					 s, param);
	return t;
}

/* A required jsonb argument (item, key) */
static Jsonb *
jsonb_arg(FunctionCallInfo fcinfo, int n, const char *param)
{
	if (PG_ARGISNULL(n))
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null",
					 param);
	return PG_GETARG_JSONB_P(n);
}

PG_FUNCTION_INFO_V1(dynamo_create_table_sql);

/*
 * dynamo.create_table(table_name, partition_key, partition_key_type,
 *					   sort_key, sort_key_type) returns jsonb
 */
Datum
dynamo_create_table_sql(PG_FUNCTION_ARGS)
{
	CreateTableRequest ct = {0};

	ct.table_name = table_name_arg(fcinfo);
	ct.partition_key.name = text_arg(fcinfo, 1);
	ct.partition_key.type = key_type_arg(fcinfo, 2, "partitionKeyType");
	ct.sort_key.name = text_arg(fcinfo, 3);
	ct.sort_key.type = key_type_arg(fcinfo, 4, "sortKeyType");
	PG_RETURN_JSONB_P(dynamo_create_table(&ct));
}

PG_FUNCTION_INFO_V1(dynamo_delete_table_sql);

/* dynamo.delete_table(table_name) returns jsonb */
Datum
dynamo_delete_table_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(dynamo_delete_table(table_name_arg(fcinfo)));
}

PG_FUNCTION_INFO_V1(dynamo_describe_table_sql);

/* dynamo.describe_table(table_name) returns jsonb */
Datum
dynamo_describe_table_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(dynamo_describe_table(table_name_arg(fcinfo)));
}

PG_FUNCTION_INFO_V1(dynamo_list_tables_sql);

/* dynamo.list_tables() returns setof text, in byte order */
Datum
dynamo_list_tables_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		more;
	List	   *names;
	ListCell   *lc;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	names = dynamo_list_tables(NULL, 0, &more);
	foreach(lc, names)
	{
		Datum		value = CStringGetTextDatum(lfirst(lc));
		bool		isnull = false;

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
	}
	return (Datum) 0;
}

/* An item in the stored form as plain JSON for the caller, or SQL NULL */
#define RETURN_PLAIN_ITEM(stored) \
	do { \
		if ((stored) == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_JSONB_P(item_to_plain((stored), false)); \
	} while (0)

PG_FUNCTION_INFO_V1(dynamo_put_item_sql);

/*
 * dynamo.put_item(table_name, item, return_values) returns jsonb: the
 * replaced item with return_values => 'ALL_OLD', else NULL.
 */
Datum
dynamo_put_item_sql(PG_FUNCTION_ARGS)
{
	PutItemRequest put = {0};
	char	   *name = table_name_arg(fcinfo);

	put.item = item_from_plain(jsonb_arg(fcinfo, 1, "item"), false);
	put.return_values = parse_return_values(text_arg(fcinfo, 2), "PutItem");
	put.table = dynamo_table_lookup(name, false);
	RETURN_PLAIN_ITEM(dynamo_put_item(&put));
}

PG_FUNCTION_INFO_V1(dynamo_get_item_sql);

/* dynamo.get_item(table_name, key) returns jsonb: the item, or NULL */
Datum
dynamo_get_item_sql(PG_FUNCTION_ARGS)
{
	char	   *name = table_name_arg(fcinfo);
	Jsonb	   *key_map = item_from_plain(jsonb_arg(fcinfo, 1, "key"), false);
	DynamoTable *t = dynamo_table_lookup(name, false);
	ItemKey		key;

	item_key_from_key(t, key_map, &key);
	RETURN_PLAIN_ITEM(dynamo_get_item(t, &key));
}

PG_FUNCTION_INFO_V1(dynamo_delete_item_sql);

/*
 * dynamo.delete_item(table_name, key, return_values) returns jsonb: the
 * deleted item with return_values => 'ALL_OLD', else NULL.
 */
Datum
dynamo_delete_item_sql(PG_FUNCTION_ARGS)
{
	DeleteItemRequest del = {0};
	char	   *name = table_name_arg(fcinfo);
	Jsonb	   *key_map = item_from_plain(jsonb_arg(fcinfo, 1, "key"), false);

	del.return_values = parse_return_values(text_arg(fcinfo, 2), "DeleteItem");
	del.table = dynamo_table_lookup(name, false);
	item_key_from_key(del.table, key_map, &del.key);
	RETURN_PLAIN_ITEM(dynamo_delete_item(&del));
}

PG_FUNCTION_INFO_V1(dynamo_marshall);

/* dynamo.marshall(item jsonb): plain JSON item to DynamoDB's typed form */
Datum
dynamo_marshall(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(item_to_typed(item_from_plain(PG_GETARG_JSONB_P(0), false), false));
}

PG_FUNCTION_INFO_V1(dynamo_unmarshall);

/* dynamo.unmarshall(item jsonb): typed item to plain JSON */
Datum
dynamo_unmarshall(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(item_to_plain(item_from_typed(PG_GETARG_JSONB_P(0), false), false));
}
