/*
 * storage.h
 *		Storage: item keys as SQL datums, and the read of one item straight
 *		through the primary key index.
 */
#ifndef DYNAMO_STORAGE_H
#define DYNAMO_STORAGE_H

#include "table_catalog.h"

/* ------------------------------------------------------------------------
 * Primary keys of items: extraction, DynamoDB's checks, SQL datums.
 * ------------------------------------------------------------------------
 */

#define DYNAMO_MAX_PARTITION_KEY 2048
#define DYNAMO_MAX_SORT_KEY 1024

typedef struct ItemKey
{
	int			nkeys;			/* 1 or 2 */
	Datum		values[2];		/* pk, sk as column datums */
	JsonbValue	attrs[2];		/* the same in the stored form */
} ItemKey;

extern void item_key_from_item(DynamoTable *t, Jsonb *item, ItemKey *key);
extern void item_key_from_key(DynamoTable *t, Jsonb *key_map, ItemKey *key);
extern Datum key_datum(DynamoType type, JsonbValue *v);
extern JsonbValue *key_value(DynamoType type, Datum d);
extern Jsonb *item_key_only_item(DynamoTable *t, ItemKey *key);
extern void key_check_value(const DynamoKeyAttr *attr, JsonbValue *v, bool sort_key,
							bool in_item);

/* ------------------------------------------------------------------------
 * Reading one item by key straight through the primary key index.
 * ------------------------------------------------------------------------
 */

extern bool item_fetch(DynamoTable *t, ItemKey *key, Jsonb **item);

#endif							/* DYNAMO_STORAGE_H */
