/*
 * batch_ops.h
 *		BatchGetItem and BatchWriteItem: many items of many tables in one
 *		request, each read or written on its own.
 *
 * Both run from their request structs, which the doors fill from
 * DynamoDB's RequestItems map in either dialect (src/protocol).
 */
#ifndef DYNAMO_BATCH_OPS_H
#define DYNAMO_BATCH_OPS_H

#include "batch_request.h"
#include "capacity.h"

#define BATCH_GET_MAX_KEYS 100
#define BATCH_WRITE_MAX_REQUESTS 25
#define BATCH_GET_MAX_RESPONSE (16 * 1024 * 1024)

/* One table of a BatchGetItem: its KeysAndAttributes, and what was read */
typedef struct BatchGetTable
{
	char	   *name;
	Jsonb	   *spec;			/* KeysAndAttributes as requested, and */
	Jsonb	  **keys;			/* its Keys: echoed in UnprocessedKeys */
	Jsonb	  **key_maps;		/* the Keys, stored form */
	int			nkeys;
	ItemExpressions expr;
	bool		consistent;		/* ConsistentRead */
	/* what was read */
	ItemTarget *targets;
	Jsonb	  **items;			/* projected, NULL if missing */
	int			processed;		/* keys read; the rest are unprocessed */
	TableCapacity capacity;
	int64		bytes;			/* of the items read, for usage figures */
	int			found;
} BatchGetTable;

typedef struct BatchGetRequest
{
	CapacityDetail capacity;	/* ReturnConsumedCapacity */
	int			ntables;
	BatchGetTable *tables;		/* in RequestItems' order */
} BatchGetRequest;

/* One PutRequest or DeleteRequest of a BatchWriteItem */
typedef struct BatchWrite
{
	ItemTarget	target;			/* first: sorted as targets */
	Jsonb	   *put_item;		/* PutRequest's item (stored); NULL: a delete */
	Jsonb	   *delete_key;		/* DeleteRequest's key (stored) */
	int			table_index;
} BatchWrite;

typedef struct BatchWriteRequest
{
	CapacityDetail capacity;	/* ReturnConsumedCapacity */
	bool		collection_metrics; /* ReturnItemCollectionMetrics SIZE */
	int			ntables;
	char	  **table_names;	/* in RequestItems' order */
	int			nwrites;
	BatchWrite *writes;			/* in request order */
	TableCapacity *tables;		/* out: the units of each table */
} BatchWriteRequest;

/* Checks of a batch's items (also for dynamo.explain) */
extern void batch_target(ItemTarget *target, DynamoTable *t, Jsonb *map, bool in_item);
extern void batch_check_duplicates(ItemTarget **targets, int n);

extern void dynamo_batch_get_item(BatchGetRequest *r);
extern void dynamo_batch_write_item(BatchWriteRequest *r);

#endif							/* DYNAMO_BATCH_OPS_H */
