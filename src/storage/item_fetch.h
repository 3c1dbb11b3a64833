/*
 * item_fetch.h
 *		Reading items straight through a B-tree index: one by key, or a
 *		range in key order.
 */
#ifndef DYNAMO_ITEM_FETCH_H
#define DYNAMO_ITEM_FETCH_H

#include "access/stratnum.h"

#include "item_key.h"

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

#endif							/* DYNAMO_ITEM_FETCH_H */
