/*
 * batch_ops.h
 *		BatchGetItem and BatchWriteItem: many items of many tables in one
 *		request, each read or written on its own.
 *
 * Both take DynamoDB's RequestItems map in either dialect (batch_request.h)
 * and return the response in the same dialect.
 */
#ifndef DYNAMO_BATCH_OPS_H
#define DYNAMO_BATCH_OPS_H

#include "batch_request.h"
#include "capacity.h"

#define BATCH_GET_MAX_KEYS 100
#define BATCH_WRITE_MAX_REQUESTS 25
#define BATCH_GET_MAX_RESPONSE (16 * 1024 * 1024)

/* Checks of a batch's items (also for dynamo.explain) */
extern void batch_target(ItemTarget *target, DynamoTable *t, Jsonb *map, bool in_item);
extern void batch_check_duplicates(ItemTarget **targets, int n);
extern Jsonb *batch_table_entry(JsonbValue *v, bool list);

extern Jsonb *dynamo_batch_get_item(Jsonb *request_items, CapacityDetail capacity,
									ItemDialect d);
extern Jsonb *dynamo_batch_write_item(Jsonb *request_items, CapacityDetail capacity,
									  ItemDialect d);

#endif							/* DYNAMO_BATCH_OPS_H */
