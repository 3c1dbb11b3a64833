/*
 * storage.h
 *		Storage: item keys as SQL datums, and reads straight through a
 *		B-tree index: one item by key, or a range in key order.
 */
#ifndef DYNAMO_STORAGE_H
#define DYNAMO_STORAGE_H

#include "access/stratnum.h"

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
extern void item_key_from_listed_key(DynamoTable *t, Jsonb *key_map, ItemKey *key);
extern Datum key_datum(DynamoType type, JsonbValue *v);
extern JsonbValue *key_value(DynamoType type, Datum d);
extern Jsonb *item_key_only_item(DynamoTable *t, ItemKey *key);
extern void key_check_value(const DynamoKeyAttr *attr, JsonbValue *v, bool sort_key,
							bool in_item, bool listed);

/* ------------------------------------------------------------------------
 * Reading items straight through a B-tree index: one by key, or a range in
 * key order.
 * ------------------------------------------------------------------------
 */

extern bool item_fetch(DynamoTable *t, ItemKey *key, Jsonb **item);

/* Conditions of a range walk: at most the equalities of every key column
 * and two bounds */
#define ITEM_SCAN_MAX_KEYS 12

/* One condition of a range walk: index column col (from 1) <op> value,
 * op by its B-tree strategy (BTLessStrategyNumber ..) */
typedef struct ItemRangeKey
{
	AttrNumber	col;
	StrategyNumber strategy;
	Datum		value;
} ItemRangeKey;

typedef struct ItemScan ItemScan;

extern ItemScan *item_scan_begin(Oid relid, Oid index_oid, const ItemRangeKey *keys, int nkeys,
								 bool backward);
extern Jsonb *item_scan_next(ItemScan *s);
extern void item_scan_end(ItemScan *s);

#endif							/* DYNAMO_STORAGE_H */
