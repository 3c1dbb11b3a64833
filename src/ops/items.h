/*
 * items.h
 *		The engine's single-item operations: put, get, delete (and their
 *		conditions), update, the expressions of a request, and the request
 *		structs every door fills.
 */
#ifndef DYNAMO_ITEMS_H
#define DYNAMO_ITEMS_H

#include "capacity.h"
#include "expression.h"
#include "storage.h"

/* ------------------------------------------------------------------------
 * The engine's item operations: put, get, delete (and their conditions).
 *
 * Requests arrive here as C structs from every door (the SQL functions,
 * execute(), the HTTP endpoint), with items and keys already in the stored
 * form; results leave in the stored form.
 * ------------------------------------------------------------------------
 */

typedef enum ReturnValues
{
	RV_NONE,
	RV_ALL_OLD,
	RV_UPDATED_OLD,
	RV_ALL_NEW,
	RV_UPDATED_NEW
} ReturnValues;

/* A condition on the existing item (NULL when it is missing) */
typedef bool (*ItemConditionFn) (void *arg, Jsonb *old_item);

typedef struct ItemCondition
{
	ItemConditionFn check;		/* NULL: unconditional */
	void	   *arg;
	bool		return_old_on_failure;	/* ReturnValuesOnConditionCheckFailure */
} ItemCondition;

typedef struct PutItemRequest
{
	DynamoTable *table;
	Jsonb	   *item;			/* stored form */
	ItemCondition condition;
	ReturnValues return_values; /* NONE or ALL_OLD */
	bool		need_old;		/* return the replaced item even without ALL_OLD */
} PutItemRequest;

typedef struct DeleteItemRequest
{
	DynamoTable *table;
	ItemKey		key;
	ItemCondition condition;
	ReturnValues return_values; /* NONE or ALL_OLD */
	bool		need_old;		/* return the deleted item even without ALL_OLD */
} DeleteItemRequest;

extern ReturnValues parse_return_values(const char *s, const char *operation);
extern ReturnValues parse_return_on_failure(const char *s);

extern Jsonb *dynamo_put_item(PutItemRequest *req);
extern Jsonb *dynamo_get_item(DynamoTable *t, ItemKey *key);
extern Jsonb *dynamo_delete_item(DeleteItemRequest *req);

/* New item from the existing one (NULL when missing); NULL writes nothing */
typedef Jsonb *(*ItemRewriteFn) (void *arg, Jsonb *old_item);

/* The primitives, for operations built on them (update, transactions) */
extern void item_spi_connect(void);
extern Jsonb *item_transfer(Jsonb *item);
extern Jsonb *item_write_locked(DynamoTable *t, ItemKey *key, ItemCondition *cond,
								ItemRewriteFn rewrite, void *arg, Jsonb **new_out);
extern void item_check_size(Jsonb *item);
extern Jsonb *item_lock(DynamoTable *t, ItemKey *key);
extern void item_check_condition(ItemCondition *cond, Jsonb *old_item);

/* ------------------------------------------------------------------------
 * UpdateItem: edit an item in place, creating it when missing.
 * ------------------------------------------------------------------------
 */

typedef struct UpdateItemRequest
{
	DynamoTable *table;
	ItemKey		key;
	DynUpdate  *update;			/* NULL: no update (the item is still created) */
	ItemCondition condition;
	ReturnValues return_values;
	int64		write_bytes;	/* out: the larger of the old and new item's size */
	double	   *index_units;	/* NULL, or out: write units of each index */
} UpdateItemRequest;

extern Jsonb *dynamo_update_item(UpdateItemRequest *req);

/* ------------------------------------------------------------------------
 * The expression parameters of an item request, parsed once per
 * request: condition, projection, update, with their placeholders, or
 * the legacy parameters that predate them.
 * ------------------------------------------------------------------------
 */

typedef struct ExprParams
{
	const char *operation;		/* for messages */
	char	   *condition;		/* ConditionExpression */
	char	   *projection;		/* ProjectionExpression */
	char	   *update;			/* UpdateExpression */
	char	   *key_condition;	/* KeyConditionExpression (Query) */
	char	   *filter;			/* FilterExpression (Query, Scan) */
	Jsonb	   *names;			/* ExpressionAttributeNames */
	Jsonb	   *values;			/* ExpressionAttributeValues, stored form */
	bool		escaped;		/* names and legacy values use the escape */
	/* legacy parameters, typed JSON as DynamoDB takes them */
	Jsonb	   *expected;
	char	   *conditional_operator;
	Jsonb	   *attributes_to_get;
	Jsonb	   *attribute_updates;
	Jsonb	   *key_conditions; /* Query */
	Jsonb	   *query_filter;
	Jsonb	   *scan_filter;
} ExprParams;

typedef struct ItemExpressions
{
	DynCondition *condition;
	DynProjection *projection;
	DynUpdate  *update;
	DynCondition *key_condition;
	DynCondition *filter;
} ItemExpressions;

extern void item_expressions_parse(ExprParams *p, ItemExpressions *out);
extern void item_expressions_check_mix(ExprParams *p);
extern void item_condition_init(ItemCondition *c, DynCondition *cond);
extern Jsonb *item_project(ItemExpressions *e, Jsonb *item);

/* ------------------------------------------------------------------------
 * PutItem, GetItem, DeleteItem and UpdateItem as every door reads
 * them: one request struct per call, filled by execute()'s readers
 * (src/protocol) or by the SQL functions' arguments, then run here.
 * ------------------------------------------------------------------------
 */

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

extern DynamoTable *item_table_lookup(const char *name_or_arn);
extern void item_request_put(ItemRequest *r, ItemResult *res);
extern void item_request_get(ItemRequest *r, ItemResult *res);
extern void item_request_delete(ItemRequest *r, ItemResult *res);
extern void item_request_update(ItemRequest *r, ItemResult *res);

#endif							/* DYNAMO_ITEMS_H */
