/*
 * ttl_worker.h
 *		The background worker that expires items whose Time to Live passed.
 */
#ifndef DYNAMO_TTL_WORKER_H
#define DYNAMO_TTL_WORKER_H

/* Settings (pg_dynamo.c) */
extern char *dynamo_ttl_database;
extern int	dynamo_ttl_interval;

extern void ttl_worker_register(void);

#endif							/* DYNAMO_TTL_WORKER_H */
