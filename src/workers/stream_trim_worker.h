/*
 * stream_trim_worker.h
 *		The background worker that trims DynamoDB Streams.
 */
#ifndef DYNAMO_STREAM_TRIM_WORKER_H
#define DYNAMO_STREAM_TRIM_WORKER_H

/* Settings (pg_dynamo.stream_trim_interval, pg_dynamo.stream_trim_database) */
extern int	stream_trim_interval;
extern char *stream_trim_database;

extern void stream_trim_worker_register(void);

#endif							/* DYNAMO_STREAM_TRIM_WORKER_H */
