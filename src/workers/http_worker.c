/*
 * http_worker.c
 *		The HTTP door's background workers: registration, and the main loop
 *		of one worker (connect, listen, wait on the sockets together with the
 *		latch and postmaster death, serve).
 *
 * Every worker listens on the same port (SO_REUSEPORT), so the kernel
 * spreads connections over them.  A worker holds no transaction between
 * requests; it exits on SIGTERM (pg_terminate_backend included) and on
 * postmaster death, and the postmaster restarts it after a crash or a
 * termination (bgw_restart_time).
 */
#include "postgres.h"

#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "http.h"
#include "workers.h"

/* Seconds before the postmaster restarts a worker that exited */
#define HTTP_WORKER_RESTART_SECONDS 1
/* Most listening sockets of one worker (addresses in http_listen_addresses) */
#define HTTP_MAX_LISTEN 16

PGDLLEXPORT void dynamo_http_worker_main(Datum arg);

/* Register http_workers workers when the endpoint is configured */
void
dynamo_http_register_workers(void)
{
	BackgroundWorker worker;

	if (dynamo_http_port == 0)
		return;
	dynamo_worker_init(&worker, "dynamo_http_worker_main", "pg_dynamo http",
					   HTTP_WORKER_RESTART_SECONDS);
	for (int i = 0; i < dynamo_http_workers; i++)
	{
		snprintf(worker.bgw_name, BGW_MAXLEN, "pg_dynamo http worker %d", i + 1);
		worker.bgw_main_arg = Int32GetDatum(i);
		RegisterBackgroundWorker(&worker);
	}
}

/* Main loop of one HTTP worker */
void
dynamo_http_worker_main(Datum arg)
{
	int			fds[HTTP_MAX_LISTEN];
	int			nfds;
	WaitEventSet *set;
	WaitEvent	events[HTTP_MAX_LISTEN + 2];
	long		stats_wait;

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(dynamo_http_database, NULL, 0);
	pgstat_report_appname("pg_dynamo http");

	nfds = http_server_start(fds, HTTP_MAX_LISTEN);
	set = CreateWaitEventSet(TopMemoryContext, nfds + 2);
	AddWaitEventToSet(set, WL_LATCH_SET, PGINVALID_SOCKET, MyLatch, NULL);
	AddWaitEventToSet(set, WL_EXIT_ON_PM_DEATH, PGINVALID_SOCKET, NULL, NULL);
	for (int i = 0; i < nfds; i++)
		AddWaitEventToSet(set, WL_SOCKET_READABLE, fds[i], NULL, NULL);
	ereport(LOG, (errmsg("pg_dynamo http worker %d listening on port %d",
						 DatumGetInt32(arg) + 1, dynamo_http_port)));

	for (;;)
	{
		long		timeout = http_server_timeout();
		int			n;

		/*
		 * Report the statistics of the requests served (autovacuum needs
		 * them; a worker has no idle loop doing it), at most once a second,
		 * and wake up for the pending ones.
		 */
		stats_wait = pgstat_report_stat(false);
		if (stats_wait > 0 && (timeout < 0 || stats_wait < timeout))
			timeout = stats_wait;
		n = WaitEventSetWait(set, timeout, events, lengthof(events), PG_WAIT_EXTENSION);

		for (int i = 0; i < n; i++)
			if (events[i].events & WL_LATCH_SET)
				ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}
		http_server_run();
	}
}
