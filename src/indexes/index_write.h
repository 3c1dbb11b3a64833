/*
 * index_write.h
 *		Index key rules on written items.
 */
#ifndef DYNAMO_INDEX_WRITE_H
#define DYNAMO_INDEX_WRITE_H

#include "table_catalog.h"

extern void index_check_item(DynamoTable *t, Jsonb *item);

#endif							/* DYNAMO_INDEX_WRITE_H */
