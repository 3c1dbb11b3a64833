/*
 * execute_batch.c
 *		execute()'s batch and transactional operations: DynamoDB's request
 *		and response shapes for BatchGetItem, BatchWriteItem,
 *		TransactGetItems and TransactWriteItems.
 */
#include "postgres.h"

#include "protocol.h"
#include "indexes.h"
#include "json_build.h"

/* Requests of execute() are typed JSON */
static ItemDialect
typed_dialect(bool escaped)
{
	ItemDialect d = {.plain = false,.escaped = escaped};

	return d;
}

/* BatchGetItem */
Jsonb *
exec_batch_get_item(Jsonb *req, bool escaped)
{
	BatchGetRequest r = {0};

	exec_batch_get_item_request(req, typed_dialect(escaped), &r);
	dynamo_batch_get_item(&r);
	return exec_batch_get_response(&r, typed_dialect(escaped));
}

/* BatchWriteItem */
Jsonb *
exec_batch_write_item(Jsonb *req, bool escaped)
{
	BatchWriteRequest r = {0};

	exec_batch_write_item_request(req, typed_dialect(escaped), &r);
	dynamo_batch_write_item(&r);
	return exec_batch_write_response(&r, escaped);
}

/* TransactGetItems: {"Responses": [{"Item": ...} or {}, ...]} */
Jsonb *
exec_transact_get_items(Jsonb *req, bool escaped)
{
	TransactRequest tx = {0};
	JsonbParseState *st = NULL;
	Jsonb	  **items;

	exec_transact_items_request(req, typed_dialect(escaped), false, &tx, NULL);
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

/*
 * TransactWriteItems; with ReturnItemCollectionMetrics SIZE, the
 * ItemCollectionMetrics of its Put, Update and Delete actions (committed)
 */
Jsonb *
exec_transact_write_items(Jsonb *req, bool escaped)
{
	TransactRequest tx = {0};
	bool		metrics;
	Jsonb	   *response;
	CollectionWrite *writes;
	int			n = 0;

	exec_transact_items_request(req, typed_dialect(escaped), true, &tx, &metrics);
	response = dynamo_transact_write_items(&tx);
	if (!metrics || response == NULL)
		return response;
	writes = palloc(sizeof(CollectionWrite) * Max(tx.nactions, 1));
	for (int i = 0; i < tx.nactions; i++)
	{
		if (tx.actions[i].kind == TX_CONDITION_CHECK)
			continue;
		writes[n].table = tx.actions[i].target.table;
		writes[n].key = tx.actions[i].target.key;
		n++;
	}
	return index_collection_add_metrics(response, writes, n, escaped);
}
