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

#include "backups.h"
#include "errors.h"
#include "execute.h"
#include "json_build.h"
#include "json_read.h"
#include "table_catalog.h"
#include "table_ops.h"
#include "validate.h"

#define LIST_BACKUPS_MAX 100

/* CreateBackup: BackupName of 3 to 255 characters of [a-zA-Z0-9_.-] */
Jsonb *
exec_create_backup(Jsonb *req, bool escaped)
{
	char	   *table_name = exec_table_name(req);
	char	   *name = req_string(req, "BackupName");

	validate_not_null(NULL, name, "backupName");
	validate_name(NULL, name, 255, "backupName");
	return exec_wrap_response("BackupDetails", backup_create(table_name, name));
}

/* DescribeBackup */
Jsonb *
exec_describe_backup(Jsonb *req, bool escaped)
{
	return exec_wrap_response("BackupDescription", backup_describe(req_string(req, "BackupArn")));
}

/* DeleteBackup */
Jsonb *
exec_delete_backup(Jsonb *req, bool escaped)
{
	return exec_wrap_response("BackupDescription", backup_delete(req_string(req, "BackupArn")));
}

/* An epoch-seconds member as text, NULL when absent */
static char *
epoch_member(Jsonb *req, const char *name)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return NULL;
	if (v->type != jbvNumeric)
		dynamo_error(DYN_SERIALIZATION, "%s can not be converted to Timestamp", jsonb_value_kind(v));
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
	char	   *table_name = req_string(req, "TableName");
	char	   *lower = epoch_member(req, "TimeRangeLowerBound");
	char	   *upper = epoch_member(req, "TimeRangeUpperBound");
	char	   *type = req_string(req, "BackupType");
	int64		limit = LIST_BACKUPS_MAX;

	if (table_name)
		dynamo_check_table_name(table_name, "tableName");
	if (req_int(req, "Limit", &limit))
		validate_range(NULL, psprintf(INT64_FORMAT, limit), limit, 1, LIST_BACKUPS_MAX, "limit");
	validate_enum(NULL, type, "backupType", "[USER, SYSTEM, AWS_BACKUP, ALL]");
	if (lower && upper &&
		DatumGetBool(DirectFunctionCall2(numeric_gt,
										 DirectFunctionCall3(numeric_in, CStringGetDatum(lower), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)),
										 DirectFunctionCall3(numeric_in, CStringGetDatum(upper), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)))))
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Time range lower bound must be less than or equal to upper bound");
	if (type && strcmp(type, "USER") != 0 && strcmp(type, "ALL") != 0)
		table_name = "";		/* no SYSTEM or AWS_BACKUP backups here */
	return backup_list(table_name, (int) limit, lower, upper, req_string(req, "ExclusiveStartBackupArn"));
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
	(void) exec_create_table(backup_restore_request(target, description, request), false);
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
	return exec_wrap_response("TableDescription",
					exec_restore_backup(req_string(req, "TargetTableName"), req_string(req, "BackupArn"), req));
}

/* DescribeContinuousBackups */
Jsonb *
exec_describe_continuous_backups(Jsonb *req, bool escaped)
{
	return backup_continuous(exec_table_name(req));
}

/* UpdateContinuousBackups: PointInTimeRecoverySpecification */
Jsonb *
exec_update_continuous_backups(Jsonb *req, bool escaped)
{
	char	   *table_name = exec_table_name(req);
	Jsonb	   *spec = req_object(req, "PointInTimeRecoverySpecification");

	validate_not_null(NULL, spec, "pointInTimeRecoverySpecification");
	validate_not_null(NULL, req_member(spec, "PointInTimeRecoveryEnabled"),
				   "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
	if (!req_bool(spec, "PointInTimeRecoveryEnabled", false) && req_member(spec, "RecoveryPeriodInDays"))
		dynamo_error(DYN_VALIDATION, "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
	return backup_update_continuous(table_name, req_bool(spec, "PointInTimeRecoveryEnabled", false));
}
