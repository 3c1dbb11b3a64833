/*
 * item_functions.c
 *		The ergonomic SQL functions: named arguments, items as plain JSON.
 *
 * Each builds the same request struct as execute() and runs the same
 * engine; only the translation differs.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "advisor.h"
#include "errors.h"
#include "validate.h"
#include "items.h"
#include "sql_args.h"
#include "tables.h"

/* A required table name argument */
static char *
table_name_arg(FunctionCallInfo fcinfo)
{
	char	   *name = sql_text_arg(fcinfo, 0);

	dynamo_check_table_name(name, "tableName");
	return name;
}

/* A required jsonb argument (item, key) */
static Jsonb *
jsonb_arg(FunctionCallInfo fcinfo, int n, const char *param)
{
	if (PG_ARGISNULL(n))
		validate_not_null(NULL, NULL, param);
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

	ct.table_name = sql_text_arg(fcinfo, 0);
	ct.partition_key.name = sql_text_arg(fcinfo, 1);
	ct.partition_key.type = sql_key_type_arg(fcinfo, 2, "partitionKeyType");
	ct.sort_key.name = sql_text_arg(fcinfo, 3);
	ct.sort_key.type = sql_key_type_arg(fcinfo, 4, "sortKeyType");
	PG_RETURN_JSONB_P(dynamo_create_table(&ct));
}

PG_FUNCTION_INFO_V1(dynamo_delete_table_sql);

/* dynamo.delete_table(table_name) returns jsonb */
Datum
dynamo_delete_table_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(dynamo_delete_table(sql_text_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(dynamo_describe_table_sql);

/* dynamo.describe_table(table_name) returns jsonb */
Datum
dynamo_describe_table_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(dynamo_describe_table(sql_text_arg(fcinfo, 0)));
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
static Datum
plain_item_result(FunctionCallInfo fcinfo, Jsonb *stored)
{
	if (stored == NULL)
		PG_RETURN_NULL();
	PG_RETURN_JSONB_P(item_to_plain(stored, false));
}

/*
 * Parse the expression arguments of a call; each index is the argument's
 * position, or -1 where the function has no such argument.  Values are
 * plain JSON, in their own argument or among the names (sql_placeholders_args).
 */
static void
sql_expressions(FunctionCallInfo fcinfo, const char *operation, int condition,
				int projection, int update, int names, int values, ItemExpressions *e)
{
	ExprParams	p = {0};

	p.operation = operation;
	p.condition = sql_text_arg(fcinfo, condition);
	p.projection = sql_text_arg(fcinfo, projection);
	p.update = sql_text_arg(fcinfo, update);
	sql_placeholders_args(fcinfo, names, values, &p.names, &p.values);
	advisor_item_expressions_parse(&p, e, sql_text_arg(fcinfo, 0));
}

/* ReturnValuesOnConditionCheckFailure argument */
static bool
return_old_arg(FunctionCallInfo fcinfo, int n)
{
	return parse_return_on_failure(sql_text_arg(fcinfo, n)) == RV_ALL_OLD;
}

/*
 * The arguments put_item and delete_item share: table_name, item (or key),
 * condition_expression, expression_attribute_names,
 * expression_attribute_values, return_values,
 * return_values_on_condition_check_failure
 */
static void
conditional_write_args(FunctionCallInfo fcinfo, const char *operation, ItemRequest *r)
{
	bool		put = strcmp(operation, "PutItem") == 0;
	Jsonb	   *map;

	r->table_name = table_name_arg(fcinfo);
	map = item_from_plain(jsonb_arg(fcinfo, 1, put ? "item" : "key"), false);
	if (put)
	{
		r->item = map;
		item_check_size(map);
	}
	else
		r->key = map;
	sql_expressions(fcinfo, operation, 2, -1, -1, 3, 4, &r->expr);
	r->return_values = parse_return_values(sql_text_arg(fcinfo, 5), operation);
	r->return_old_on_failure = return_old_arg(fcinfo, 6);
}

PG_FUNCTION_INFO_V1(dynamo_put_item_sql);

/*
 * dynamo.put_item(table_name, item, condition_expression,
 *				   expression_attribute_names, expression_attribute_values,
 *				   return_values, return_values_on_condition_check_failure)
 * returns jsonb: the replaced item with return_values => 'ALL_OLD', else NULL.
 */
Datum
dynamo_put_item_sql(PG_FUNCTION_ARGS)
{
	ItemRequest r = {0};
	ItemResult	res;

	conditional_write_args(fcinfo, "PutItem", &r);
	item_request_put(&r, &res);
	return plain_item_result(fcinfo, res.item);
}

PG_FUNCTION_INFO_V1(dynamo_get_item_sql);

/*
 * dynamo.get_item(table_name, key, projection_expression,
 *				   expression_attribute_names, consistent_read) returns jsonb:
 * the item, or NULL.  Reads are always consistent within the caller's
 * snapshot, so consistent_read is accepted for symmetry.
 */
Datum
dynamo_get_item_sql(PG_FUNCTION_ARGS)
{
	ItemRequest r = {0};
	ItemResult	res;

	r.table_name = table_name_arg(fcinfo);
	r.key = item_from_plain(jsonb_arg(fcinfo, 1, "key"), false);
	sql_expressions(fcinfo, "GetItem", -1, 2, -1, 3, -1, &r.expr);
	r.consistent_read = !PG_ARGISNULL(4) && PG_GETARG_BOOL(4);
	item_request_get(&r, &res);
	return plain_item_result(fcinfo, res.item);
}

PG_FUNCTION_INFO_V1(dynamo_delete_item_sql);

/*
 * dynamo.delete_item(table_name, key, condition_expression,
 *					  expression_attribute_names, expression_attribute_values,
 *					  return_values, return_values_on_condition_check_failure)
 * returns jsonb: the deleted item with return_values => 'ALL_OLD', else NULL.
 */
Datum
dynamo_delete_item_sql(PG_FUNCTION_ARGS)
{
	ItemRequest r = {0};
	ItemResult	res;

	conditional_write_args(fcinfo, "DeleteItem", &r);
	item_request_delete(&r, &res);
	return plain_item_result(fcinfo, res.item);
}

PG_FUNCTION_INFO_V1(dynamo_update_item_sql);

/*
 * dynamo.update_item(table_name, key, update_expression,
 *					  condition_expression, expression_attribute_names,
 *					  expression_attribute_values, return_values,
 *					  return_values_on_condition_check_failure) returns jsonb:
 * the attributes return_values asks for, or NULL.
 */
Datum
dynamo_update_item_sql(PG_FUNCTION_ARGS)
{
	ItemRequest r = {0};
	ItemResult	res;

	r.table_name = table_name_arg(fcinfo);
	r.key = item_from_plain(jsonb_arg(fcinfo, 1, "key"), false);
	sql_expressions(fcinfo, "UpdateItem", 3, -1, 2, 4, 5, &r.expr);
	r.return_values = parse_return_values(sql_text_arg(fcinfo, 6), "UpdateItem");
	r.return_old_on_failure = return_old_arg(fcinfo, 7);
	item_request_update(&r, &res);
	return plain_item_result(fcinfo, res.item);
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
