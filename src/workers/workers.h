/*
 * workers.h
 *		The background workers of pg_dynamo: what they share, and the TTL
 *		expiry and stream trimming workers.
 */
#ifndef DYNAMO_WORKERS_H
#define DYNAMO_WORKERS_H

#include "postmaster/bgworker.h"

/* ------------------------------------------------------------------------
 * What every background worker of pg_dynamo shares: the library, the
 * database connection, the start after recovery.
 * ------------------------------------------------------------------------
 */

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

/* ------------------------------------------------------------------------
 * The background worker that expires items whose Time to Live passed.
 * ------------------------------------------------------------------------
 */

/* Settings (pg_dynamo.c) */
extern char *dynamo_ttl_database;
extern int	dynamo_ttl_interval;

extern void ttl_worker_register(void);

/* ------------------------------------------------------------------------
 * The background worker that trims DynamoDB Streams.
 * ------------------------------------------------------------------------
 */

/* Settings (pg_dynamo.stream_trim_interval, pg_dynamo.stream_trim_database) */
extern int	stream_trim_interval;
extern char *stream_trim_database;

extern void stream_trim_worker_register(void);

#endif							/* DYNAMO_WORKERS_H */
