/*
 * index_collection.h
 *		Item collections of tables with local secondary indexes.
 */
#ifndef DYNAMO_INDEX_COLLECTION_H
#define DYNAMO_INDEX_COLLECTION_H

#include "item_key.h"

extern int	index_collection_limit_kb;

/* One item a batch or transaction wrote (the write was applied) */
typedef struct CollectionWrite
{
	DynamoTable *table;
	ItemKey		key;
} CollectionWrite;

extern void index_collection_check(DynamoTable *t, ItemKey *key, Jsonb *item);
extern void index_collection_push_metrics(JsonbParseState **st, DynamoTable *t, ItemKey *key,
										  bool escaped);
extern Jsonb *index_collection_add_metrics(Jsonb *response, CollectionWrite *writes, int n,
										   bool escaped);

#endif							/* DYNAMO_INDEX_COLLECTION_H */
