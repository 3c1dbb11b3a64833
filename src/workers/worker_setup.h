/*
 * worker_setup.h
 *		What every background worker of pg_dynamo shares: the library, the
 *		database connection, the start after recovery.
 */
#ifndef DYNAMO_WORKER_SETUP_H
#define DYNAMO_WORKER_SETUP_H

#include "postmaster/bgworker.h"

/* Describe a worker of pg_dynamo: its main function, name and restart delay */
static inline void
dynamo_worker_init(BackgroundWorker *worker, const char *function, const char *name,
				   int restart_seconds)
{
	memset(worker, 0, sizeof(*worker));
	worker->bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker->bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker->bgw_restart_time = restart_seconds;
	snprintf(worker->bgw_library_name, BGW_MAXLEN, "pg_dynamo");
	snprintf(worker->bgw_function_name, BGW_MAXLEN, "%s", function);
	snprintf(worker->bgw_name, BGW_MAXLEN, "%s", name);
	snprintf(worker->bgw_type, BGW_MAXLEN, "%s", name);
}

#endif							/* DYNAMO_WORKER_SETUP_H */
