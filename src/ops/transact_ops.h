/*
 * transact_ops.h
 *		TransactGetItems and TransactWriteItems: up to 100 actions on
 *		distinct items, answered from one snapshot or applied all or nothing.
 *
 * A request is read and checked as a whole by its door first (src/protocol),
 * then its tables and keys are resolved (transact_prepare); problems
 * DynamoDB reports per action (a key that does not match its
 * table's schema, a failed condition, a conflict) cancel the transaction
 * with TransactionCanceledException, whose errdetail is
 * {"CancellationReasons": [...]}, one reason per action in request order.
 */
#ifndef DYNAMO_TRANSACT_OPS_H
#define DYNAMO_TRANSACT_OPS_H

#include "batch_request.h"
#include "capacity.h"

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

#endif							/* DYNAMO_TRANSACT_OPS_H */
