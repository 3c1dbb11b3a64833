/*
 * item_ops.h
 *		The engine's item operations: put, get, delete (and their conditions).
 *
 * Requests arrive here as C structs from every door (the SQL functions,
 * execute(), the HTTP endpoint), with items and keys already in the stored
 * form; results leave in the stored form.
 */
#ifndef DYNAMO_ITEM_OPS_H
#define DYNAMO_ITEM_OPS_H

#include "item_key.h"

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

#endif							/* DYNAMO_ITEM_OPS_H */
