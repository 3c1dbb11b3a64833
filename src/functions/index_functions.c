/*
 * index_functions.c
 *		The ergonomic functions of secondary indexes: create_index() and
 *		delete_index() add and drop a GSI of an existing table, as
 *		UpdateTable's GlobalSecondaryIndexUpdates do.
 */
#include "postgres.h"

#include "fmgr.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "errors.h"
#include "indexes.h"
#include "sql_args.h"
#include "tables.h"
#include "validate.h"

/* The projection argument: ALL, KEYS_ONLY or INCLUDE */
static IndexProjection
projection_arg(FunctionCallInfo fcinfo, int n)
{
	char	   *s = sql_text_arg(fcinfo, n);

	for (int i = 0; s && i < lengthof(IndexProjectionNames); i++)
		if (strcmp(s, IndexProjectionNames[i]) == 0)
			return (IndexProjection) i;
	if (s == NULL)
		return PROJECT_ALL;
	validate_enum(NULL, s, "projection.projectionType", INDEX_PROJECTION_SET);
	pg_unreachable();
}

/* A text[] argument as a list of strings (NULL elements skipped) */
static List *
text_array_arg(FunctionCallInfo fcinfo, int n)
{
	Datum	   *elems;
	bool	   *nulls;
	int			count;
	List	   *result = NIL;

	if (PG_ARGISNULL(n))
		return NIL;
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(n), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &count);
	for (int i = 0; i < count; i++)
		if (!nulls[i])
			result = lappend(result, TextDatumGetCString(elems[i]));
	return result;
}

PG_FUNCTION_INFO_V1(dynamo_create_index_sql);

/*
 * dynamo.create_index(table_name, index_name, partition_key,
 *					   partition_key_type, sort_key, sort_key_type, projection,
 *					   non_key_attributes) returns jsonb
 */
Datum
dynamo_create_index_sql(PG_FUNCTION_ARGS)
{
	UpdateTableRequest u = {0};
	IndexDef   *d = palloc0(sizeof(IndexDef));

	u.table_name = sql_text_arg(fcinfo, 0);
	d->name = sql_text_arg(fcinfo, 1);
	dynamo_check_table_name(d->name, "indexName");
	d->key.keys[0].name = sql_text_arg(fcinfo, 2);
	d->key.nkeys = d->key.nhash = 1;
	validate_not_null(NULL, d->key.keys[0].name, "keySchema.1.member.attributeName");
	d->key.keys[0].type = sql_key_type_arg(fcinfo, 3, "partitionKeyType");
	d->key.keys[1].name = sql_text_arg(fcinfo, 4);
	d->key.keys[1].type = sql_key_type_arg(fcinfo, 5, "sortKeyType");
	if (d->key.keys[1].name)
		d->key.nkeys = 2;
	d->projection = projection_arg(fcinfo, 6);
	d->non_key = text_array_arg(fcinfo, 7);
	u.index_creates = list_make1(d);
	PG_RETURN_JSONB_P(dynamo_update_table(&u));
}

PG_FUNCTION_INFO_V1(dynamo_delete_index_sql);

/* dynamo.delete_index(table_name, index_name) returns jsonb */
Datum
dynamo_delete_index_sql(PG_FUNCTION_ARGS)
{
	UpdateTableRequest u = {0};
	char	   *name = sql_text_arg(fcinfo, 1);

	u.table_name = sql_text_arg(fcinfo, 0);
	dynamo_check_table_name(name, "indexName");
	u.index_deletes = list_make1(name);
	PG_RETURN_JSONB_P(dynamo_update_table(&u));
}
