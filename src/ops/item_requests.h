/*
 * item_requests.h
 *		PutItem, GetItem, DeleteItem and UpdateItem as every door reads
 *		them: one request struct per call, filled by execute()'s readers
 *		(src/protocol) or by the SQL functions' arguments, then run here.
 */
#ifndef DYNAMO_ITEM_REQUESTS_H
#define DYNAMO_ITEM_REQUESTS_H

#include "capacity.h"
#include "item_expressions.h"

/* A single-item request, read and checked: DynamoDB's members, parsed */
typedef struct ItemRequest
{
	char	   *table_name;
	Jsonb	   *item;			/* PutItem's Item (stored form) */
	Jsonb	   *key;			/* the others' Key (stored form) */
	ItemExpressions expr;		/* the expressions the operation takes */
	ReturnValues return_values;
	bool		return_old_on_failure;	/* ReturnValuesOnConditionCheckFailure */
	bool		consistent_read;	/* GetItem */
	CapacityDetail capacity;	/* ReturnConsumedCapacity */
	bool		collection_metrics; /* ReturnItemCollectionMetrics SIZE */
} ItemRequest;

/* What a single-item request did */
typedef struct ItemResult
{
	DynamoTable *table;
	ItemKey		key;			/* the item's key */
	Jsonb	   *item;			/* GetItem: the item, projected; the writes:
								 * the Attributes ReturnValues asks for */
	TableCapacity capacity;		/* the units it charged (with index units
								 * when the request asks for capacity) */
} ItemResult;

extern void item_request_put(ItemRequest *r, ItemResult *res);
extern void item_request_get(ItemRequest *r, ItemResult *res);
extern void item_request_delete(ItemRequest *r, ItemResult *res);
extern void item_request_update(ItemRequest *r, ItemResult *res);

#endif							/* DYNAMO_ITEM_REQUESTS_H */
