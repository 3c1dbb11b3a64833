/*
 * index_collection.h
 *		Item collections of tables with local secondary indexes.
 */
#ifndef DYNAMO_INDEX_COLLECTION_H
#define DYNAMO_INDEX_COLLECTION_H

#include "item_key.h"

extern int	index_collection_limit_kb;

extern void index_collection_check(DynamoTable *t, ItemKey *key, Jsonb *item);
extern void index_collection_push_metrics(JsonbParseState **st, DynamoTable *t, ItemKey *key,
										  bool escaped);

#endif							/* DYNAMO_INDEX_COLLECTION_H */
