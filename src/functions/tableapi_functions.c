/*
 * tableapi_functions.c
 *		The ergonomic functions of the table API: Time to Live, expiry on
 *		demand, and table settings.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "errors.h"
#include "json_build.h"
#include "sql_args.h"
#include "table_catalog.h"
#include "table_ops.h"
#include "table_settings.h"
#include "ttl.h"

PG_FUNCTION_INFO_V1(dynamo_expire_items_sql);

/* dynamo.expire_items(table_name) returns bigint: items expired */
Datum
dynamo_expire_items_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);

	dynamo_check_table_op_name(table_name);
	if (dynamo_table_lookup(table_name, true) == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Table: %s not found", table_name);
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
	if (!table_settings_update(table_name, jb_finish(&st)) && !mode && PG_ARGISNULL(2) &&
		PG_ARGISNULL(3) && PG_ARGISNULL(4) && !table_class)
		dynamo_error(DYN_VALIDATION, "At least one of ProvisionedThroughput, BillingMode, DeletionProtectionEnabled or TableClass is required");
	PG_RETURN_JSONB_P(dynamo_describe_table(table_name));
}
