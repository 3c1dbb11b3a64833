/*
 * tableapi_functions.c
 *		The ergonomic functions of the table API: Time to Live, expiry on
 *		demand, table settings, tags and backups.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "tables.h"
#include "errors.h"
#include "protocol.h"
#include "json_build.h"
#include "json_read.h"
#include "sql_args.h"
#include "table_catalog.h"
#include "ttl.h"

PG_FUNCTION_INFO_V1(dynamo_expire_items_sql);

/* dynamo.expire_items(table_name) returns bigint: items expired */
Datum
dynamo_expire_items_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);

	dynamo_check_table_op_name(table_name);
	(void) dynamo_table_named(table_name);
	PG_RETURN_INT64(ttl_expire_table(table_name, false));
}

PG_FUNCTION_INFO_V1(dynamo_update_time_to_live_sql);

/*
 * dynamo.update_time_to_live(table_name, attribute_name, enabled) returns
 * jsonb: the TimeToLiveSpecification
 */
Datum
dynamo_update_time_to_live_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	char	   *attribute = sql_text_arg(fcinfo, 1);

	dynamo_check_table_name(table_name, "tableName");
	ttl_check_attribute(attribute);
	PG_RETURN_JSONB_P(ttl_update(table_name, attribute, PG_ARGISNULL(2) || PG_GETARG_BOOL(2)));
}

PG_FUNCTION_INFO_V1(dynamo_update_table_settings_sql);

/*
 * dynamo.update_table_settings(table_name, billing_mode, read_capacity_units,
 *		write_capacity_units, deletion_protection, table_class) returns jsonb:
 * the TableDescription.  Builds UpdateTable's members and applies them as
 * UpdateTable does.
 */
Datum
dynamo_update_table_settings_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	char	   *mode = sql_text_arg(fcinfo, 1);
	char	   *table_class = sql_text_arg(fcinfo, 5);
	JsonbParseState *st = NULL;
	TableSettings settings;

	dynamo_check_table_name(table_name, "tableName");
	jb_begin_object(&st, NULL);
	if (mode)
		jb_string(&st, "BillingMode", mode);
	if (!PG_ARGISNULL(2) || !PG_ARGISNULL(3))
	{
		jb_begin_object(&st, "ProvisionedThroughput");
		if (!PG_ARGISNULL(2))
			jb_int(&st, "ReadCapacityUnits", PG_GETARG_INT64(2));
		if (!PG_ARGISNULL(3))
			jb_int(&st, "WriteCapacityUnits", PG_GETARG_INT64(3));
		jb_end_object(&st);
	}
	if (!PG_ARGISNULL(4))
		jb_bool(&st, "DeletionProtectionEnabled", PG_GETARG_BOOL(4));
	if (table_class)
		jb_string(&st, "TableClass", table_class);
	exec_table_settings(jb_finish(&st), true, &settings);
	if (!table_settings_update(table_name, &settings) && !mode && PG_ARGISNULL(2) &&
		PG_ARGISNULL(3) && PG_ARGISNULL(4) && !table_class)
		dynamo_error(DYN_VALIDATION, "At least one of ProvisionedThroughput, BillingMode, DeletionProtectionEnabled or TableClass is required");
	PG_RETURN_JSONB_P(dynamo_describe_table(table_name));
}

PG_FUNCTION_INFO_V1(dynamo_create_backup_sql);

/* dynamo.create_backup(table_name, backup_name) returns jsonb: BackupDetails */
Datum
dynamo_create_backup_sql(PG_FUNCTION_ARGS)
{
	Jsonb	   *req;
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	if (!PG_ARGISNULL(0))
		jb_string(&st, "TableName", sql_text_arg(fcinfo, 0));
	if (!PG_ARGISNULL(1))
		jb_string(&st, "BackupName", sql_text_arg(fcinfo, 1));
	req = jb_finish(&st);
	PG_RETURN_JSONB_P(DatumGetJsonbP(DirectFunctionCall2(jsonb_object_field, JsonbPGetDatum(exec_create_backup(req, false)),
														 CStringGetTextDatum("BackupDetails"))));
}

PG_FUNCTION_INFO_V1(dynamo_restore_table_from_backup_sql);

/*
 * dynamo.restore_table_from_backup(target_table_name, backup_arn) returns
 * jsonb: the new table's TableDescription
 */
Datum
dynamo_restore_table_from_backup_sql(PG_FUNCTION_ARGS)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	PG_RETURN_JSONB_P(exec_restore_backup(sql_text_arg(fcinfo, 0), sql_text_arg(fcinfo, 1), jb_finish(&st)));
}

/* The table of a tag function, as TagResource finds it by its ARN */
static void
tagged_table(const char *table_name)
{
	dynamo_check_table_op_name(table_name);
	tags_check_table(table_name, table_arn(table_name));
}

PG_FUNCTION_INFO_V1(dynamo_tag_table_sql);

/*
 * dynamo.tag_table(table_name, tags) returns void: tags as a plain JSON
 * object {"key": "value", ...}, with TagResource's rules
 */
Datum
dynamo_tag_table_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	Jsonb	   *object = sql_jsonb_arg(fcinfo, 1);
	TableTags	tags = {0};
	char	  **keys;
	JsonbValue *values;

	tagged_table(table_name);
	if (object == NULL || !JB_ROOT_IS_OBJECT(object) || JB_ROOT_IS_SCALAR(object))
		dynamo_error(DYN_VALIDATION, "tags must be a JSON object of tag keys and string values");
	tags.n = object_members(object, &keys, &values);
	tags.keys = keys;
	tags.values = palloc(sizeof(char *) * Max(tags.n, 1));
	for (int i = 0; i < tags.n; i++)
	{
		if (values[i].type != jbvString)
		{
			Jsonb	   *value = JsonbValueToJsonb(&values[i]);

			dynamo_error(DYN_VALIDATION, "The Tag Value provided is invalid, Value: %s",
						 JsonbToCString(NULL, &value->root, VARSIZE(value)));
		}
		tags.values[i] = pnstrdup(values[i].val.string.val, values[i].val.string.len);
	}
	tags_store(table_name, &tags, false);
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(dynamo_untag_table_sql);

/* dynamo.untag_table(table_name, tag_keys text[]) returns void */
Datum
dynamo_untag_table_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	JsonbParseState *st = NULL;

	tagged_table(table_name);
	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	if (!PG_ARGISNULL(1))
	{
		ArrayType  *keys = PG_GETARG_ARRAYTYPE_P(1);
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(keys, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (!nulls[i])
				jb_string(&st, NULL, TextDatumGetCString(elems[i]));
	}
	tags_remove(table_name, JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_ARRAY, NULL)));
	PG_RETURN_VOID();
}
