/*
 * backups.c
 *		On-demand backups: a consistent copy of a table's items in schema
 *		dynamo_backups and its TableDescription as it was, in dynamo.backups;
 *		point-in-time recovery as PostgreSQL's WAL archiving provides it.
 *
 * A backup is taken by one CREATE TABLE ... AS over the item table, so it
 * holds the items of one snapshot (the statement's, or the transaction's
 * under REPEATABLE READ); it outlives its table.  The description is the
 * whole of DescribeTable's answer, indexes included, so a restore can
 * rebuild the table through CreateTable (execute_backups.c).
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/guc.h"

#include "tables.h"
#include "errors.h"
#include "items.h"
#include "json_build.h"
#include "spi_text.h"
#include "table_catalog.h"
#include "validate.h"

/* The BackupDetails of the backup row named $1, as jsonb */
#define BACKUP_DETAILS_SQL \
	"pg_catalog.jsonb_build_object('BackupArn', b.backup_arn, 'BackupName', b.backup_name," \
	" 'BackupSizeBytes', b.size_bytes, 'BackupStatus', %s, 'BackupType', 'USER'," \
	" 'BackupCreationDateTime', EXTRACT(epoch FROM b.created_at))"

/* Key and index members of a description, as a backup's feature details */
#define BACKUP_INDEXES_SQL(member) \
	"(SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(" \
	"'IndexName', i OPERATOR(pg_catalog.->) 'IndexName', 'KeySchema', i OPERATOR(pg_catalog.->) 'KeySchema'," \
	" 'Projection', i OPERATOR(pg_catalog.->) 'Projection'," \
	" 'ProvisionedThroughput', i OPERATOR(pg_catalog.->) 'ProvisionedThroughput')))" \
	" FROM pg_catalog.jsonb_array_elements(b.description OPERATOR(pg_catalog.->) '" member "') AS i)"

/* Run a statement about one backup; BackupNotFoundException if none */
static void
backup_row(const char *sql, const char *arn)
{
	const char *args[1] = {arn};

	spi_text_run(sql, 1, args, SPI_OK_SELECT);
	if (SPI_processed == 0)
		dynamo_error(DYN_BACKUP_NOT_FOUND, "Backup not found: %s", arn);
}

/* The first column of the only row of the last result, as jsonb */
static Jsonb *
result_jsonb(void)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

	return isnull ? NULL : DatumGetJsonbP(d);
}

/* Check a BackupArn's length */
static void
check_backup_arn(const char *arn)
{
	validate_not_null(NULL, arn, "backupArn");
	validate_length(NULL, arn, strlen(arn), 37, 1024, "backupArn");
}

/* The table of a backup operation, or TableNotFoundException */
static DynamoTable *
backup_table(const char *table_name)
{
	DynamoTable *t;

	dynamo_check_table_op_name(table_name);
	t = dynamo_table_lookup(table_name, true);
	if (t == NULL)
		dynamo_error(DYN_TABLE_NOT_FOUND, "Table not found: %s", table_name);
	return t;
}

/*
 * CreateBackup: copy the table's items and description; returns the
 * BackupDetails.
 */
Jsonb *
backup_create(const char *table_name, const char *backup_name)
{
	DynamoTable *t = backup_table(table_name);
	Jsonb	   *description = dynamo_describe_table(table_name);
	char	   *suffix;
	char	   *copy;
	const char *args[7];
	Jsonb	   *result;

	item_spi_connect();
	spi_text_run("SELECT pg_catalog.lpad((EXTRACT(epoch FROM pg_catalog.clock_timestamp())"
				 " OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8::pg_catalog.text, 14, '0')"
				 " OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||)"
				 " pg_catalog.substr(pg_catalog.md5(pg_catalog.random()::pg_catalog.text), 1, 8)",
				 0, NULL, SPI_OK_SELECT);
	suffix = spi_text_value(0, 1);
	copy = psprintf("dynamo_backups.%s", quote_identifier(suffix));
	spi_text_run(psprintf("CREATE TABLE %s AS SELECT * FROM %s", copy, t->qualified_name),
				 0, NULL, SPI_OK_UTILITY);
	spi_text_run(psprintf("COMMENT ON TABLE %s IS %s", copy,
						  quote_literal_cstr(psprintf("pg_dynamo backup %s of DynamoDB table %s",
													  backup_name, table_name))),
				 0, NULL, SPI_OK_UTILITY);

	args[0] = psprintf("%s/backup/%s", table_arn(table_name), suffix);
	args[1] = backup_name;
	args[2] = table_name;
	args[3] = t->table_id;
	args[4] = table_arn(table_name);
	args[5] = copy;
	args[6] = JsonbToCString(NULL, &description->root, VARSIZE(description));
	spi_text_run(psprintf("INSERT INTO dynamo.backups AS b (backup_arn, backup_name, table_name, table_id,"
						  " table_arn, relation, size_bytes, item_count, description)"
						  " SELECT $1, $2, $3, $4::pg_catalog.uuid, $5, $6::pg_catalog.regclass,"
						  " pg_catalog.pg_table_size($6::pg_catalog.regclass),"
						  " (SELECT pg_catalog.count(*) FROM %s), $7::pg_catalog.jsonb"
						  " RETURNING " BACKUP_DETAILS_SQL, copy, "'AVAILABLE'"),
				 7, args, SPI_OK_INSERT_RETURNING);
	result = item_transfer(result_jsonb());
	SPI_finish();
	return result;
}

/* DescribeBackup's BackupDescription, with the given BackupStatus */
static Jsonb *
backup_description(const char *arn, const char *status)
{
	backup_row(psprintf("SELECT pg_catalog.jsonb_build_object("
						"'BackupDetails', " BACKUP_DETAILS_SQL ","
						" 'SourceTableDetails', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("
						"  'TableName', b.table_name, 'TableId', b.table_id, 'TableArn', b.table_arn,"
						"  'TableSizeBytes', b.size_bytes, 'ItemCount', b.item_count,"
						"  'KeySchema', b.description OPERATOR(pg_catalog.->) 'KeySchema',"
						"  'TableCreationDateTime', b.description OPERATOR(pg_catalog.->) 'CreationDateTime',"
						"  'ProvisionedThroughput', pg_catalog.jsonb_build_object("
						"    'ReadCapacityUnits', b.description OPERATOR(pg_catalog.#>) '{ProvisionedThroughput,ReadCapacityUnits}',"
						"    'WriteCapacityUnits', b.description OPERATOR(pg_catalog.#>) '{ProvisionedThroughput,WriteCapacityUnits}'),"
						"  'BillingMode', COALESCE(b.description OPERATOR(pg_catalog.#>>) '{BillingModeSummary,BillingMode}', 'PROVISIONED'))),"
						" 'SourceTableFeatureDetails', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("
						"  'GlobalSecondaryIndexes', " BACKUP_INDEXES_SQL("GlobalSecondaryIndexes") ","
						"  'LocalSecondaryIndexes', " BACKUP_INDEXES_SQL("LocalSecondaryIndexes") ","
						"  'StreamDescription', b.description OPERATOR(pg_catalog.->) 'StreamSpecification')))"
						" FROM dynamo.backups b WHERE b.backup_arn OPERATOR(pg_catalog.=) $1",
						status), arn);
	return result_jsonb();
}

/* DescribeBackup */
Jsonb *
backup_describe(const char *arn)
{
	Jsonb	   *result;

	check_backup_arn(arn);
	item_spi_connect();
	result = item_transfer(backup_description(arn, "'AVAILABLE'"));
	SPI_finish();
	return result;
}

/* DeleteBackup: drop the copy; returns the BackupDescription, DELETED */
Jsonb *
backup_delete(const char *arn)
{
	const char *args[1] = {arn};
	Jsonb	   *result;

	check_backup_arn(arn);
	item_spi_connect();
	backup_row("SELECT relation::pg_catalog.text FROM dynamo.backups"
			   " WHERE backup_arn OPERATOR(pg_catalog.=) $1 FOR UPDATE", arn);
	spi_text_run(psprintf("DROP TABLE %s", spi_text_value(0, 1)), 0, NULL, SPI_OK_UTILITY);
	result = item_transfer(backup_description(arn, "'DELETED'"));
	spi_text_run("DELETE FROM dynamo.backups WHERE backup_arn OPERATOR(pg_catalog.=) $1", 1, args, SPI_OK_DELETE);
	SPI_finish();
	return result;
}

/*
 * ListBackups: summaries in creation order, at most limit of them, after
 * the backup named start; the bounds are epoch seconds as text (NULL:
 * none), lower inclusive, upper exclusive.
 */
Jsonb *
backup_list(const char *table_name, int limit, const char *lower, const char *upper, const char *start)
{
	const char *args[4] = {table_name, lower, upper, start};
	JsonbParseState *st = NULL;
	uint64		n;
	bool		isnull;
	Jsonb	   *result;

	item_spi_connect();
	spi_text_run(psprintf("SELECT " BACKUP_DETAILS_SQL " OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object("
						  "  'TableName', b.table_name, 'TableId', b.table_id, 'TableArn', b.table_arn),"
						  " b.backup_arn FROM dynamo.backups b"
						  " WHERE ($1 IS NULL OR b.table_name OPERATOR(pg_catalog.=) $1)"
						  " AND ($2 IS NULL OR EXTRACT(epoch FROM b.created_at) OPERATOR(pg_catalog.>=) $2::pg_catalog.numeric)"
						  " AND ($3 IS NULL OR EXTRACT(epoch FROM b.created_at) OPERATOR(pg_catalog.<) $3::pg_catalog.numeric)"
						  " AND ($4 IS NULL OR (b.created_at, b.backup_arn) OPERATOR(pg_catalog.>)"
						  "   (SELECT s.created_at, s.backup_arn FROM dynamo.backups s WHERE s.backup_arn OPERATOR(pg_catalog.=) $4))"
						  " ORDER BY b.created_at, b.backup_arn LIMIT %d", "'AVAILABLE'", limit + 1),
				 4, args, SPI_OK_SELECT);
	n = Min(SPI_processed, (uint64) limit);
	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "BackupSummaries");
	for (uint64 i = 0; i < n; i++)
		jb_jsonb(&st, NULL, DatumGetJsonbP(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull)));
	jb_end_array(&st);
	if (SPI_processed > (uint64) limit)
		jb_string(&st, "LastEvaluatedBackupArn", spi_text_value(n - 1, 2));
	result = item_transfer(jb_finish(&st));
	SPI_finish();
	return result;
}

/* The TableDescription a backup was taken of, for a restore */
Jsonb *
backup_source_description(const char *arn, char **source_arn)
{
	Jsonb	   *result;

	check_backup_arn(arn);
	item_spi_connect();
	backup_row("SELECT description, table_arn FROM dynamo.backups"
			   " WHERE backup_arn OPERATOR(pg_catalog.=) $1 FOR SHARE", arn);
	result = item_transfer(result_jsonb());
	*source_arn = SPI_palloc(strlen(spi_text_value(0, 2)) + 1);
	strcpy(*source_arn, spi_text_value(0, 2));
	SPI_finish();
	return result;
}

/* Copy a backup's items into a table just created from its description */
void
backup_restore_items(const char *arn, const char *table_name)
{
	DynamoTable *t = dynamo_table_lookup(table_name, false);

	item_spi_connect();
	backup_row("SELECT relation::pg_catalog.text FROM dynamo.backups"
			   " WHERE backup_arn OPERATOR(pg_catalog.=) $1", arn);
	spi_text_run(psprintf("INSERT INTO %s SELECT * FROM %s", t->qualified_name, spi_text_value(0, 1)),
				 0, NULL, SPI_OK_INSERT);
	SPI_finish();
}

/*
 * Whether PostgreSQL archives its WAL, which is what point-in-time recovery
 * of a table rests on: archive_mode on (or always) with an archive command
 * or library
 */
static bool
wal_archiving(void)
{
	const char *mode = GetConfigOption("archive_mode", false, false);
	const char *command = GetConfigOption("archive_command", true, false);
	const char *library = GetConfigOption("archive_library", true, false);

	return mode && strcmp(mode, "off") != 0 &&
		((command && command[0]) || (library && library[0]));
}

/*
 * DescribeContinuousBackups: on-demand backups are always available; PITR
 * is ENABLED when PostgreSQL archives its WAL, with the last archived
 * segment's time as LatestRestorableDateTime.
 */
Jsonb *
backup_continuous(const char *table_name)
{
	JsonbParseState *st = NULL;
	bool		enabled = wal_archiving();
	char	   *latest = NULL;

	backup_table(table_name);
	if (enabled)
	{
		item_spi_connect();
		spi_text_run("SELECT EXTRACT(epoch FROM last_archived_time) FROM pg_catalog.pg_stat_archiver",
					 0, NULL, SPI_OK_SELECT);
		if (SPI_processed == 1 && spi_text_value(0, 1))
			latest = pstrdup(spi_text_value(0, 1));
		SPI_finish();
	}
	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "ContinuousBackupsDescription");
	jb_string(&st, "ContinuousBackupsStatus", "ENABLED");
	jb_begin_object(&st, "PointInTimeRecoveryDescription");
	jb_string(&st, "PointInTimeRecoveryStatus", enabled ? "ENABLED" : "DISABLED");
	if (latest)
		jb_numeric(&st, "LatestRestorableDateTime",
				   DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(latest),
													   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1))));
	jb_end_object(&st);
	jb_end_object(&st);
	return jb_finish(&st);
}

/*
 * UpdateContinuousBackups: point-in-time recovery is PostgreSQL's WAL
 * archiving, set in postgresql.conf; a request for the state it is in is
 * answered, another is refused with what to change.
 */
Jsonb *
backup_update_continuous(const char *table_name, bool enable)
{
	backup_table(table_name);
	if (enable != wal_archiving())
		dynamo_error(DYN_CONTINUOUS_BACKUPS_UNAVAILABLE,
					 "Point in time recovery is PostgreSQL's WAL archiving: %s",
					 enable ? "set archive_mode = on and archive_command (or archive_library), and restart the server"
					 : "set archive_mode = off and restart the server");
	return backup_continuous(table_name);
}

