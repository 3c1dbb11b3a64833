/*
 * pg_dynamo.c
 *		Module entry point and settings.
 *
 * pg_dynamo needs no shared_preload_libraries for its SQL functions; the
 * settings below are defined when the library is first loaded.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "stream_trim_worker.h"
#include "table_ops.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Define the extension's settings */
void
_PG_init(void)
{
	DefineCustomStringVariable("pg_dynamo.region",
							   "Region named in table ARNs.",
							   NULL, &dynamo_region, "local",
							   PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.account_id",
							   "Account id named in table ARNs.",
							   NULL, &dynamo_account_id, "000000000000",
							   PGC_USERSET, 0, NULL, NULL, NULL);

	/* streams: the trimming worker (when preloaded) */
	DefineCustomIntVariable("pg_dynamo.stream_trim_interval",
							"Seconds between two trims of DynamoDB Streams by the background worker (0: none).",
							"Takes effect when pg_dynamo is in shared_preload_libraries.",
							&stream_trim_interval, 60, 0, 86400,
							PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.stream_trim_database",
							   "Database whose DynamoDB Streams the background worker trims.",
							   "Read when the worker starts.",
							   &stream_trim_database, "postgres",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
		stream_trim_worker_register();

	MarkGUCPrefixReserved("pg_dynamo");
}
