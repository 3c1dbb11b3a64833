/*
 * batch_request.h
 *		What batch and transactional operations share: the two JSON dialects
 *		their requests come in, the items they target, and how targets are
 *		ordered (duplicates, lock order).
 *
 * The SQL functions take the request members of DynamoDB (TableName, Keys,
 * Item, ConditionExpression, ...) with items, keys and values in plain JSON;
 * execute() takes the same members in DynamoDB's typed JSON.  Everything
 * else is one code path.
 */
#ifndef DYNAMO_BATCH_REQUEST_H
#define DYNAMO_BATCH_REQUEST_H

#include "item_expressions.h"
#include "item_key.h"

/* How items, keys and values are written in a request and its response */
typedef struct ItemDialect
{
	bool		plain;			/* plain JSON (SQL functions), else typed */
	bool		escaped;		/* strings carry the stored escape (execute_text) */
} ItemDialect;

extern Jsonb *dialect_item_in(ItemDialect d, Jsonb *item);
extern Jsonb *dialect_item_out(ItemDialect d, Jsonb *stored);

/* One item that a batch or transaction reads or writes */
typedef struct ItemTarget
{
	DynamoTable *table;
	ItemKey		key;
} ItemTarget;

extern int	item_target_compare(const ItemTarget *a, const ItemTarget *b);
extern ItemTarget **item_targets_sorted(ItemTarget **targets, int n);
extern bool item_targets_have_duplicates(ItemTarget **sorted, int n);
extern const char *key_schema_mismatch(DynamoTable *t, Jsonb *map, bool in_item);

#endif							/* DYNAMO_BATCH_REQUEST_H */
