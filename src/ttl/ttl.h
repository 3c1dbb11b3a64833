/*
 * ttl.h
 *		Time to Live: a table's TTL attribute and the expiry of its items.
 */
#ifndef DYNAMO_TTL_H
#define DYNAMO_TTL_H

#include "utils/jsonb.h"

/*
 * True while expiry deletes items (the SQL function or the worker), so
 * features that see every delete (streams) can tell TTL deletes apart.
 */
extern bool dynamo_ttl_expiring;

/* Settings (pg_dynamo.c) */
extern int	dynamo_ttl_batch_size;

extern void ttl_check_attribute(const char *attribute);
extern Jsonb *ttl_update(const char *table_name, const char *attribute, bool enabled);
extern Jsonb *ttl_describe(const char *table_name);
extern int64 ttl_expire_table(const char *table_name, bool commit_batches);
extern List *ttl_enabled_tables(void);

#endif							/* DYNAMO_TTL_H */
