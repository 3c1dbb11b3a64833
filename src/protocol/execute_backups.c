/*
 * execute_backups.c
 *		execute()'s on-demand backups and continuous backups: CreateBackup,
 *		DescribeBackup, ListBackups, DeleteBackup, RestoreTableFromBackup,
 *		DescribeContinuousBackups, UpdateContinuousBackups; DynamoDB's
 *		request and response shapes.
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "tables.h"
#include "errors.h"
#include "protocol.h"
#include "items.h"
#include "json_build.h"
#include "json_read.h"
#include "spi_text.h"
#include "table_catalog.h"
#include "validate.h"

#define LIST_BACKUPS_MAX 100

/* CreateBackup: BackupName of 3 to 255 characters of [a-zA-Z0-9_.-] */
Jsonb *
exec_create_backup(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *table_name;
	char	   *name;

	/* the parameter constraints checked as the members are read */
	exec_read_members("CreateBackup", req, &m);
	table_name = req_value_string(request_member(&m, "TableName"));
	name = req_value_string(request_member(&m, "BackupName"));
	validate_not_null(NULL, name, "backupName");
	validate_name(NULL, name, 255, "backupName");
	return exec_wrap_response("BackupDetails", backup_create(table_name, name));
}

/* DescribeBackup */
Jsonb *
exec_describe_backup(Jsonb *req, bool escaped)
{
	RequestMembers m;

	exec_read_members("DescribeBackup", req, &m);
	return exec_wrap_response("BackupDescription",
							  backup_describe(req_value_string(request_member(&m, "BackupArn"))));
}

/* DeleteBackup */
Jsonb *
exec_delete_backup(Jsonb *req, bool escaped)
{
	RequestMembers m;

	exec_read_members("DeleteBackup", req, &m);
	return exec_wrap_response("BackupDescription",
							  backup_delete(req_value_string(request_member(&m, "BackupArn"))));
}

/* An epoch-seconds member as text, NULL when absent */
static char *
epoch_member(Jsonb *req, const char *name)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return NULL;
	if (v->type != jbvNumeric)
		dynamo_kind_error(v, "Timestamp");
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
}

/*
 * ListBackups: TableName, TimeRangeLowerBound (inclusive), TimeRangeUpperBound
 * (exclusive), BackupType (on-demand backups are USER), Limit and
 * ExclusiveStartBackupArn; LastEvaluatedBackupArn while more remain
 */
Jsonb *
exec_list_backups(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *table_name;
	char	   *lower;
	char	   *upper;
	char	   *type;
	int64		limit = LIST_BACKUPS_MAX;

	/* the parameter constraints checked as the members are read */
	exec_read_members("ListBackups", req, &m);
	table_name = req_value_string(request_member(&m, "TableName"));
	lower = epoch_member(req, "TimeRangeLowerBound");
	upper = epoch_member(req, "TimeRangeUpperBound");
	type = req_value_string(request_member(&m, "BackupType"));
	if (table_name)
		dynamo_check_table_name(table_name, "tableName");
	if (req_value_int(request_member(&m, "Limit"), "Limit", &limit))
		validate_range(NULL, psprintf(INT64_FORMAT, limit), limit, 1, LIST_BACKUPS_MAX, "limit");
	validate_enum(NULL, type, "backupType", "[USER, SYSTEM, AWS_BACKUP, ALL]");
	if (lower && upper &&
		DatumGetBool(DirectFunctionCall2(numeric_gt,
										 DirectFunctionCall3(numeric_in, CStringGetDatum(lower), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)),
										 DirectFunctionCall3(numeric_in, CStringGetDatum(upper), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)))))
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Time range lower bound must be less than or equal to upper bound");
	if (type && strcmp(type, "USER") != 0 && strcmp(type, "ALL") != 0)
		table_name = "";		/* no SYSTEM or AWS_BACKUP backups here */
	return backup_list(table_name, (int) limit, lower, upper,
					   req_value_string(request_member(&m, "ExclusiveStartBackupArn")));
}

/* An index of a description as CreateTable takes it ($1: billing mode) */
#define RESTORE_INDEX_SQL(member, throughput) \
	"(SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(" \
	"'IndexName', i OPERATOR(pg_catalog.->) 'IndexName', 'KeySchema', i OPERATOR(pg_catalog.->) 'KeySchema'," \
	" 'Projection', i OPERATOR(pg_catalog.->) 'Projection'" throughput ")))" \
	" FROM pg_catalog.jsonb_array_elements(d OPERATOR(pg_catalog.->) '" member "') AS i)"
#define RESTORE_THROUGHPUT_SQL(source) \
	"CASE WHEN mode OPERATOR(pg_catalog.=) 'PROVISIONED' THEN pg_catalog.jsonb_build_object(" \
	"'ReadCapacityUnits', " source " OPERATOR(pg_catalog.#>) '{ProvisionedThroughput,ReadCapacityUnits}'," \
	" 'WriteCapacityUnits', " source " OPERATOR(pg_catalog.#>) '{ProvisionedThroughput,WriteCapacityUnits}') END"

/*
 * The CreateTable request that rebuilds a backup's table under a new name:
 * its key schema, attribute definitions, billing mode, throughput and
 * secondary indexes, with RestoreTableFromBackup's overrides (BillingMode,
 * ProvisionedThroughput, GlobalSecondaryIndex, LocalSecondaryIndex).
 */
static Jsonb *
restore_create_request(const char *target, Jsonb *description, Jsonb *request)
{
	const char *args[3];
	Jsonb	   *result;
	bool		isnull;
	Datum		d;

	args[0] = target;
	args[1] = JsonbToCString(NULL, &description->root, VARSIZE(description));
	args[2] = JsonbToCString(NULL, &request->root, VARSIZE(request));
	item_spi_connect();
	spi_text_run("SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("
				 " 'TableName', $1::pg_catalog.text,"
				 " 'KeySchema', d OPERATOR(pg_catalog.->) 'KeySchema',"
				 " 'AttributeDefinitions', d OPERATOR(pg_catalog.->) 'AttributeDefinitions',"
				 " 'BillingMode', mode,"
				 " 'ProvisionedThroughput', COALESCE(r OPERATOR(pg_catalog.->) 'ProvisionedThroughputOverride',"
				 "   " RESTORE_THROUGHPUT_SQL("d") "),"
				 " 'GlobalSecondaryIndexes', COALESCE(r OPERATOR(pg_catalog.->) 'GlobalSecondaryIndexOverride',"
				 "   " RESTORE_INDEX_SQL("GlobalSecondaryIndexes", ", 'ProvisionedThroughput', " RESTORE_THROUGHPUT_SQL("i")) "),"
				 " 'LocalSecondaryIndexes', COALESCE(r OPERATOR(pg_catalog.->) 'LocalSecondaryIndexOverride',"
				 "   " RESTORE_INDEX_SQL("LocalSecondaryIndexes", "") ")))"
				 " FROM (SELECT d, r, COALESCE(r OPERATOR(pg_catalog.->>) 'BillingModeOverride',"
				 "         d OPERATOR(pg_catalog.#>>) '{BillingModeSummary,BillingMode}', 'PROVISIONED') AS mode"
				 "       FROM (SELECT $2::pg_catalog.jsonb AS d, $3::pg_catalog.jsonb AS r) AS given) AS s",
				 3, args, SPI_OK_SELECT);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	result = isnull ? NULL : item_transfer(DatumGetJsonbP(d));
	SPI_finish();
	return result;
}

/*
 * Restore a backup as a new table: the table from the backup's description
 * (through CreateTable, indexes included, with the request's overrides),
 * then its items.  Returns the TableDescription with RestoreSummary.
 */
Jsonb *
exec_restore_backup(const char *target, const char *arn, Jsonb *request)
{
	char	   *source_arn;
	Jsonb	   *description;
	Jsonb	   *summary;
	JsonbParseState *st = NULL;

	validate_not_null(NULL, target, "targetTableName");
	dynamo_check_table_name(target, "targetTableName");
	validate_not_null(NULL, arn, "backupArn");
	description = backup_source_description(arn, &source_arn);
	if (dynamo_table_lookup(target, true) != NULL)
		dynamo_error(DYN_TABLE_ALREADY_EXISTS, "Table already exists: %s", target);
	(void) exec_create_table(restore_create_request(target, description, request), false);
	backup_restore_items(arn, target);

	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "RestoreSummary");
	jb_string(&st, "SourceBackupArn", arn);
	jb_string(&st, "SourceTableArn", source_arn);
	jb_numeric(&st, "RestoreDateTime",
			   DatumGetNumeric(DirectFunctionCall2(extract_timestamptz, CStringGetTextDatum("epoch"),
												   TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()))));
	jb_bool(&st, "RestoreInProgress", false);
	jb_end_object(&st);
	summary = jb_finish(&st);
	return DatumGetJsonbP(DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(dynamo_describe_table(target)),
											  JsonbPGetDatum(summary)));
}

/* RestoreTableFromBackup */
Jsonb *
exec_restore_table_from_backup(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *arn;
	char	   *target;

	/* the parameter constraints checked as the members are read */
	exec_read_members("RestoreTableFromBackup", req, &m);
	arn = req_value_string(request_member(&m, "BackupArn"));
	target = req_value_string(request_member(&m, "TargetTableName"));
	return exec_wrap_response("TableDescription", exec_restore_backup(target, arn, req));
}

/* DescribeContinuousBackups */
Jsonb *
exec_describe_continuous_backups(Jsonb *req, bool escaped)
{
	RequestMembers m;

	exec_read_members("DescribeContinuousBackups", req, &m);
	return backup_continuous(req_value_string(request_member(&m, "TableName")));
}

/* UpdateContinuousBackups: PointInTimeRecoverySpecification */
Jsonb *
exec_update_continuous_backups(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *table_name;
	Jsonb	   *spec;

	/* the parameter constraints checked as the members are read */
	exec_read_members("UpdateContinuousBackups", req, &m);
	table_name = req_value_string(request_member(&m, "TableName"));
	spec = req_value_object(request_member(&m, "PointInTimeRecoverySpecification"));
	validate_not_null(NULL, spec, "pointInTimeRecoverySpecification");
	validate_not_null(NULL, req_member(spec, "PointInTimeRecoveryEnabled"),
				   "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
	if (!req_bool(spec, "PointInTimeRecoveryEnabled", false) && req_member(spec, "RecoveryPeriodInDays"))
		dynamo_error(DYN_VALIDATION, "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
	return backup_update_continuous(table_name, req_bool(spec, "PointInTimeRecoveryEnabled", false));
}
