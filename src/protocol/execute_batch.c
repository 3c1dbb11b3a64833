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
#include "execute_indexes.h"
#include "json_read.h"
#include "json_build.h"
#include "transact_ops.h"
#include "validate.h"

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
	DynValidation v;

	validate_init(&v);
	validate_enum(&v, req_string(req, "ReturnConsumedCapacity"), "returnConsumedCapacity",
				  "[INDEXES, TOTAL, NONE]");
	validate_enum(&v, req_string(req, "ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
				  "[SIZE, NONE]");
	validate_finish(&v);
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

	Jsonb	   *response = dynamo_batch_write_item(req_object(req, "RequestItems"), capacity,
												 typed_dialect(escaped));

	return exec_batch_write_metrics(req, response, escaped);
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
	return exec_transact_write_metrics(req, &tx, dynamo_transact_write_items(&tx), escaped);
}
