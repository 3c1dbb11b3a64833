/*
 * execute_batch.c
 *		execute()'s batch and transactional operations: DynamoDB's request
 *		and response shapes for BatchGetItem, BatchWriteItem,
 *		TransactGetItems and TransactWriteItems.
 */
#include "postgres.h"

#include "batch_ops.h"
#include "errors.h"
#include "execute.h"
#include "json_read.h"
#include "json_build.h"
#include "transact_ops.h"

/* Requests of execute() are typed JSON */
static ItemDialect
typed_dialect(bool escaped)
{
	ItemDialect d = {.plain = false,.escaped = escaped};

	return d;
}

/*
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics of a write: both
 * enums are checked before anything else, and reported together.
 */
static CapacityDetail
write_capacity(Jsonb *req)
{
	char	   *metrics = req_string(req, "ReturnItemCollectionMetrics");
	char	   *capacity = req_string(req, "ReturnConsumedCapacity");
	bool		bad_metrics = metrics && strcmp(metrics, "SIZE") != 0 && strcmp(metrics, "NONE") != 0;
	bool		bad_capacity = capacity && strcmp(capacity, "INDEXES") != 0 &&
		strcmp(capacity, "TOTAL") != 0 && strcmp(capacity, "NONE") != 0;

	if (bad_metrics && bad_capacity)
		dynamo_error(DYN_VALIDATION,
					 "2 validation errors detected: Value '%s' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value '%s' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
					 capacity, metrics);
	if (bad_metrics)
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value '%s' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
					 metrics);
	return wants_capacity(req);
}

/* BatchGetItem */
Jsonb *
exec_batch_get_item(Jsonb *req, bool escaped)
{
	CapacityDetail capacity = wants_capacity(req);

	return dynamo_batch_get_item(req_object(req, "RequestItems"), capacity, typed_dialect(escaped));
}

/* BatchWriteItem */
Jsonb *
exec_batch_write_item(Jsonb *req, bool escaped)
{
	CapacityDetail capacity = write_capacity(req);

	return dynamo_batch_write_item(req_object(req, "RequestItems"), capacity, typed_dialect(escaped));
}

/* TransactGetItems: {"Responses": [{"Item": ...} or {}, ...]} */
Jsonb *
exec_transact_get_items(Jsonb *req, bool escaped)
{
	TransactRequest tx = {.dialect = typed_dialect(escaped)};
	JsonbParseState *st = NULL;
	Jsonb	  **items;

	tx.capacity = wants_capacity(req);
	tx.items = req_array(req, "TransactItems");
	transact_parse(&tx, false);
	items = palloc(sizeof(Jsonb *) * tx.nactions);
	dynamo_transact_get_items(&tx, items);

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Responses");
	for (int i = 0; i < tx.nactions; i++)
	{
		jb_begin_object(&st, NULL);
		if (items[i])
			jb_jsonb(&st, "Item", item_to_typed(items[i], escaped));
		jb_end_object(&st);
	}
	jb_end_array(&st);
	transact_push_capacity(&st, &tx, false);
	return jb_finish(&st);
}

/* TransactWriteItems */
Jsonb *
exec_transact_write_items(Jsonb *req, bool escaped)
{
	TransactRequest tx = {.dialect = typed_dialect(escaped)};

	tx.token = req_string(req, "ClientRequestToken");
	transact_check_token(tx.token);
	tx.capacity = write_capacity(req);
	tx.items = req_array(req, "TransactItems");
	transact_parse(&tx, true);
	return dynamo_transact_write_items(&tx);
}
