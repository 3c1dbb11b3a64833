/*
 * batch.h
 *		Multi-item operations: what batches and transactions share,
 *		BatchGetItem and BatchWriteItem, TransactGetItems and
 *		TransactWriteItems.
 */
#ifndef DYNAMO_BATCH_H
#define DYNAMO_BATCH_H

#include "capacity.h"
#include "items.h"
#include "storage.h"

/* ------------------------------------------------------------------------
 * What batch and transactional operations share: the two JSON dialects
 * their requests come in, the items they target, and how targets are
 * ordered (duplicates, lock order).
 *
 * The SQL functions take the request members of DynamoDB (TableName, Keys,
 * Item, ConditionExpression, ...) with items, keys and values in plain JSON;
 * execute() takes the same members in DynamoDB's typed JSON.  Everything
 * else is one code path.
 * ------------------------------------------------------------------------
 */

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

/* ------------------------------------------------------------------------
 * BatchGetItem and BatchWriteItem: many items of many tables in one
 * request, each read or written on its own.
 *
 * Both run from their request structs, which the doors fill from
 * DynamoDB's RequestItems map in either dialect (src/protocol).
 * ------------------------------------------------------------------------
 */

#define BATCH_GET_MAX_KEYS 100
#define BATCH_WRITE_MAX_REQUESTS 25
#define BATCH_GET_MAX_RESPONSE (16 * 1024 * 1024)

/* One table of a BatchGetItem: its KeysAndAttributes, and what was read */
typedef struct BatchGetTable
{
	char	   *name;
	Jsonb	   *spec;			/* KeysAndAttributes as requested, and */
	Jsonb	  **keys;			/* its Keys: echoed in UnprocessedKeys */
	Jsonb	  **key_maps;		/* the Keys, stored form */
	int			nkeys;
	ItemExpressions expr;
	bool		consistent;		/* ConsistentRead */
	/* what was read */
	ItemTarget *targets;
	Jsonb	  **items;			/* projected, NULL if missing */
	int			processed;		/* keys read; the rest are unprocessed */
	TableCapacity capacity;
	int64		bytes;			/* of the items read, for usage figures */
	int			found;
} BatchGetTable;

typedef struct BatchGetRequest
{
	CapacityDetail capacity;	/* ReturnConsumedCapacity */
	int			ntables;
	BatchGetTable *tables;		/* in RequestItems' order */
} BatchGetRequest;

/* One PutRequest or DeleteRequest of a BatchWriteItem */
typedef struct BatchWrite
{
	ItemTarget	target;			/* first: sorted as targets */
	Jsonb	   *put_item;		/* PutRequest's item (stored); NULL: a delete */
	Jsonb	   *delete_key;		/* DeleteRequest's key (stored) */
	int			table_index;
} BatchWrite;

typedef struct BatchWriteRequest
{
	CapacityDetail capacity;	/* ReturnConsumedCapacity */
	bool		collection_metrics; /* ReturnItemCollectionMetrics SIZE */
	int			ntables;
	char	  **table_names;	/* in RequestItems' order */
	int			nwrites;
	BatchWrite *writes;			/* in request order */
	TableCapacity *tables;		/* out: the units of each table */
} BatchWriteRequest;

/* Checks of a batch's items (also for dynamo.explain) */
extern void batch_target(ItemTarget *target, DynamoTable *t, Jsonb *map, bool in_item);
extern void batch_check_duplicates(ItemTarget **targets, int n);

extern void dynamo_batch_get_item(BatchGetRequest *r);
extern void dynamo_batch_write_item(BatchWriteRequest *r);

/* ------------------------------------------------------------------------
 * TransactGetItems and TransactWriteItems: up to 100 actions on
 * distinct items, answered from one snapshot or applied all or nothing.
 *
 * A request is read and checked as a whole by its door first (src/protocol),
 * then its tables and keys are resolved (transact_prepare); problems
 * DynamoDB reports per action (a key that does not match its
 * table's schema, a failed condition, a conflict) cancel the transaction
 * with TransactionCanceledException, whose errdetail is
 * {"CancellationReasons": [...]}, one reason per action in request order.
 * ------------------------------------------------------------------------
 */

#define TRANSACT_MAX_ITEMS 100
#define TRANSACT_MAX_BYTES (4 * 1024 * 1024)
#define TRANSACT_MAX_TOKEN 36

typedef enum TransactKind
{
	TX_CONDITION_CHECK,
	TX_PUT,
	TX_UPDATE,
	TX_DELETE,
	TX_GET
} TransactKind;

typedef struct TransactAction
{
	ItemTarget	target;			/* first, so actions sort as targets */
	TransactKind kind;
	char	   *table_name;
	Jsonb	   *map;			/* Put: the item; the others: the key (stored) */
	ItemExpressions expr;
	ItemCondition condition;	/* the action's condition (check NULL: none) */
	bool		return_old_on_failure;
	/* why the action cancels the transaction (code NULL: it does not) */
	const char *code;
	const char *message;
	Jsonb	   *old_item;		/* the item its condition saw */
	int64		bytes;			/* what it consumed capacity for */
	double	   *index_units;	/* a write's units on each index (capacity
								 * asked, the table has indexes), or NULL */
} TransactAction;

typedef struct TransactRequest
{
	CapacityDetail capacity;
	char	   *token;			/* ClientRequestToken, or NULL */
	char	   *request_text;	/* with a token: the request a retry repeats */
	int			nactions;
	TransactAction *actions;	/* in request order */
} TransactRequest;

extern void transact_check_token(const char *token);
extern void transact_prepare(TransactRequest *tx);
extern void transact_cancel(TransactRequest *tx) pg_attribute_noreturn();
extern void transact_raise_cancelled(Jsonb *reasons, const char *codes) pg_attribute_noreturn();
extern void transact_push_capacity(JsonbParseState **st, TransactRequest *tx, bool write);
extern void dynamo_transact_get_items(TransactRequest *tx, Jsonb **items);
extern Jsonb *dynamo_transact_write_items(TransactRequest *tx);

/* Idempotency of TransactWriteItems (transact_tokens.c) */
extern Jsonb *transact_token_claim(const char *token, const char *request_text);
extern void transact_token_save(const char *token, Jsonb *response);

#endif							/* DYNAMO_BATCH_H */
