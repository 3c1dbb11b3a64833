/*
 * batch_functions.c
 *		The ergonomic SQL functions of batch and transactional operations:
 *		DynamoDB's request members, with items, keys and values in plain
 *		JSON, read by the same readers as execute()'s (src/protocol).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "json_build.h"
#include "protocol.h"
#include "sql_args.h"

/* The SQL functions take and return plain JSON */
static const ItemDialect PlainDialect = {.plain = true,.escaped = false};

PG_FUNCTION_INFO_V1(dynamo_batch_get_item_sql);

/*
 * dynamo.batch_get_item(request_items jsonb) returns jsonb:
 * {"Responses": {"<table>": [items]}, "UnprocessedKeys": {...}}
 */
Datum
dynamo_batch_get_item_sql(PG_FUNCTION_ARGS)
{
	BatchGetRequest r = {0};

	exec_batch_get_request(sql_jsonb_arg(fcinfo, 0), PlainDialect, &r);
	dynamo_batch_get_item(&r);
	PG_RETURN_JSONB_P(exec_batch_get_response(&r, PlainDialect));
}

PG_FUNCTION_INFO_V1(dynamo_batch_write_item_sql);

/* dynamo.batch_write_item(request_items jsonb) returns jsonb: {"UnprocessedItems": {}} */
Datum
dynamo_batch_write_item_sql(PG_FUNCTION_ARGS)
{
	BatchWriteRequest r = {0};

	exec_batch_write_request(sql_jsonb_arg(fcinfo, 0), PlainDialect, &r);
	dynamo_batch_write_item(&r);
	PG_RETURN_JSONB_P(exec_batch_write_response(&r, false));
}

PG_FUNCTION_INFO_V1(dynamo_transact_get_items_sql);

/*
 * dynamo.transact_get_items(transact_items jsonb) returns jsonb: an array
 * with each Get's item, or null, in request order
 */
Datum
dynamo_transact_get_items_sql(PG_FUNCTION_ARGS)
{
	TransactRequest tx = {0};
	JsonbParseState *st = NULL;
	Jsonb	  **items;

	exec_transact_request(sql_jsonb_arg(fcinfo, 0), PlainDialect, false, &tx);
	items = palloc(sizeof(Jsonb *) * tx.nactions);
	dynamo_transact_get_items(&tx, items);

	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < tx.nactions; i++)
	{
		JsonbValue	null = {.type = jbvNull};

		if (items[i])
			jb_jsonb(&st, NULL, item_to_plain(items[i], false));
		else
			(void) pushJsonbValue(&st, WJB_ELEM, &null);
	}
	PG_RETURN_JSONB_P(jb_finish_array(&st));
}

PG_FUNCTION_INFO_V1(dynamo_transact_write_items_sql);

/*
 * dynamo.transact_write_items(transact_items jsonb,
 *							   client_request_token text) returns void
 */
Datum
dynamo_transact_write_items_sql(PG_FUNCTION_ARGS)
{
	TransactRequest tx = {0};

	tx.token = sql_text_arg(fcinfo, 1);
	transact_check_token(tx.token);
	exec_transact_request(sql_jsonb_arg(fcinfo, 0), PlainDialect, true, &tx);
	(void) dynamo_transact_write_items(&tx);
	PG_RETURN_VOID();
}
