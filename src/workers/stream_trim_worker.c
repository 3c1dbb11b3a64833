/*
 * stream_trim_worker.c
 *		The background worker that trims DynamoDB Streams: every
 *		pg_dynamo.stream_trim_interval seconds it runs dynamo.trim_streams()
 *		in pg_dynamo.stream_trim_database (records older than 24 hours,
 *		streams disabled that long, shards older than 4 hours closed).
 *
 * Started only when the library is in shared_preload_libraries; without
 * it, dynamo.trim_streams() does the same work on demand (pg_cron can call
 * it).  A pass trims in batches of STREAM_TRIM_BATCH records, each batch
 * its own transaction; the trim deletes and updates only catalog rows that
 * foreground writers never lock, so writers never wait for it.
 */
#include "postgres.h"

#include "access/xact.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/proc.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"

#include "workers.h"

int			stream_trim_interval = 60;
char	   *stream_trim_database = NULL;

/* Records removed per transaction */
#define STREAM_TRIM_BATCH 10000

PGDLLEXPORT void dynamo_stream_trim_main(Datum main_arg);

/* Register the worker (from _PG_init, while preloading) */
void
stream_trim_worker_register(void)
{
	BackgroundWorker worker;

	dynamo_worker_init(&worker, "dynamo_stream_trim_main", "pg_dynamo stream trim", 60);
	RegisterBackgroundWorker(&worker);
}

/*
 * One batch: dynamo.trim_streams(batch_size => STREAM_TRIM_BATCH), if the
 * installed version has it, in a transaction of its own.  Whether a full
 * batch was removed (more may be left).
 */
static bool
trim_batch(void)
{
	bool		full = false;

	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, "SELECT dynamo.trim_streams()");
	if (SPI_execute("SELECT pg_catalog.to_regprocedure('dynamo.trim_streams(interval,interval,integer)') IS NOT NULL",
					true, 1) == SPI_OK_SELECT && SPI_processed == 1 &&
		strcmp(SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), "t") == 0)
	{
		char	   *removed;

		if (SPI_execute(psprintf("SELECT dynamo.trim_streams(batch_size => %d)", STREAM_TRIM_BATCH),
						false, 0) != SPI_OK_SELECT)
			elog(ERROR, "dynamo.trim_streams() failed");
		removed = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		elog(DEBUG1, "pg_dynamo stream trim: %s records removed", removed);
		full = strtoll(removed, NULL, 10) >= STREAM_TRIM_BATCH;
	}
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_activity(STATE_IDLE, NULL);
	return full;
}

/* The worker's main loop: wait, reload settings, trim */
void
dynamo_stream_trim_main(Datum main_arg)
{
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(stream_trim_database, NULL, 0);
	pgstat_report_appname("pg_dynamo stream trim");

	for (;;)
	{
		long		timeout = stream_trim_interval > 0 ? stream_trim_interval * 1000L : -1;

		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_EXIT_ON_PM_DEATH | (timeout > 0 ? WL_TIMEOUT : 0),
						 timeout, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
			continue;
		}
		if (stream_trim_interval == 0)
			continue;
		while (trim_batch())
			CHECK_FOR_INTERRUPTS();
		/* a worker has no idle loop reporting its statistics: autovacuum needs them */
		pgstat_report_stat(true);
	}
}
