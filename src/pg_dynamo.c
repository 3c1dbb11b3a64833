/*
 * pg_dynamo.c
 *		Module entry point and settings.
 *
 * pg_dynamo needs no shared_preload_libraries for its SQL functions; the
 * settings below are defined when the library is first loaded.  Preloaded,
 * it starts its background workers (TTL expiry).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "miscadmin.h"

#include "table_ops.h"
#include "execute.h"
#include "ttl.h"
#include "ttl_worker.h"

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
	/* Time to Live, DescribeEndpoints (tableapi) */
	DefineCustomIntVariable("pg_dynamo.ttl_batch_size",
							"Items one Time to Live expiry statement deletes at most.",
							NULL, &dynamo_ttl_batch_size, 1000, 1, 100000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("pg_dynamo.ttl_interval",
							"Time between two passes of the TTL expiry worker.",
							NULL, &dynamo_ttl_interval, 60, 1, 86400,
							PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.ttl_database",
							   "Database whose tables the TTL expiry worker expires (read when the worker starts).",
							   NULL, &dynamo_ttl_database, "postgres",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.endpoint_address",
							   "Address DescribeEndpoints answers (host[:port] of the HTTP door).",
							   NULL, &dynamo_endpoint_address, "localhost",
							   PGC_SUSET, 0, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
		ttl_worker_register();

	MarkGUCPrefixReserved("pg_dynamo");
}
