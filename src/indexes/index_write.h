/*
 * index_write.h
 *		Index key rules on written items.
 */
#ifndef DYNAMO_INDEX_WRITE_H
#define DYNAMO_INDEX_WRITE_H

#include "item_key.h"

extern void index_check_item(DynamoTable *t, ItemKey *key, Jsonb *item);
extern void index_write_units(DynamoTable *t, Jsonb *old, Jsonb *new, double *units);

#endif							/* DYNAMO_INDEX_WRITE_H */
