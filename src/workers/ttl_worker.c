/*
 * ttl_worker.c
 *		The TTL expiry worker, started when pg_dynamo is in
 *		shared_preload_libraries.
 *
 * It connects to pg_dynamo.ttl_database and, every pg_dynamo.ttl_interval
 * seconds, expires the items of every table with TTL enabled (ttl.c), one
 * small batch per transaction, so it never holds locks that foreground
 * writes wait on for longer than a batch.  A database without the
 * extension is skipped until it has it.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "spi_text.h"
#include "ttl.h"
#include "workers.h"

char	   *dynamo_ttl_database = NULL;
int			dynamo_ttl_interval = 60;

PGDLLEXPORT void dynamo_ttl_worker_main(Datum arg);

/* Register the worker (from _PG_init, while preloading) */
void
ttl_worker_register(void)
{
	BackgroundWorker worker;

	dynamo_worker_init(&worker, "dynamo_ttl_worker_main", "pg_dynamo TTL expiry", 10);
	RegisterBackgroundWorker(&worker);
}

/*
 * The tables with TTL enabled, in memory of the worker; NIL without the
 * extension (or before ALTER EXTENSION UPDATE gave it its TTL settings)
 */
static List *
tables_to_expire(MemoryContext cxt)
{
	List	   *names = NIL;

	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	if (OidIsValid(get_extension_oid("pg_dynamo", true)) && spi_catalog_exists("table_settings"))
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);

		names = ttl_enabled_tables();
		MemoryContextSwitchTo(old);
	}
	PopActiveSnapshot();
	CommitTransactionCommand();
	return names;
}

/* One pass: expire every table with TTL enabled */
static void
expire_all(MemoryContext cxt)
{
	List	   *names = tables_to_expire(cxt);
	ListCell   *lc;

	foreach(lc, names)
	{
		int64		n;

		pgstat_report_activity(STATE_RUNNING, "expiring items");
		n = ttl_expire_table(lfirst(lc), true);
		if (n > 0)
			elog(DEBUG1, "pg_dynamo TTL: expired %lld items of table %s", (long long) n,
				 (char *) lfirst(lc));
	}
	pgstat_report_activity(STATE_IDLE, NULL);
}

/* The worker's main loop */
void
dynamo_ttl_worker_main(Datum arg)
{
	MemoryContext cxt;

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(dynamo_ttl_database, NULL, 0);
	pgstat_report_appname("pg_dynamo TTL expiry");
	cxt = AllocSetContextCreate(TopMemoryContext, "pg_dynamo TTL worker", ALLOCSET_DEFAULT_SIZES);

	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}
		expire_all(cxt);
		MemoryContextReset(cxt);
		/* a worker has no idle loop reporting its statistics: autovacuum needs them */
		pgstat_report_stat(true);
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
						 dynamo_ttl_interval * 1000L, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}
