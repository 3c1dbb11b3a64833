/*
 * execute_items.c
 *		execute()'s item operations: DynamoDB's request and response shapes
 *		for PutItem, GetItem, DeleteItem and UpdateItem.
 */
#include "postgres.h"

#include "protocol.h"
#include "indexes.h"
#include "json_build.h"

/*
 * The response of an item operation: its item as member (Item, or the
 * Attributes ReturnValues asks for), ItemCollectionMetrics and
 * ConsumedCapacity when asked for
 */
static Jsonb *
item_response(ItemRequest *r, ItemResult *res, const char *member, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	if (res->item)
	{
		jb_key(&st, member);
		(void) item_push_typed(&st, res->item, escaped);
	}
	if (r->collection_metrics)
		index_collection_push_metrics(&st, res->table, &res->key, escaped);
	if (r->capacity)
		push_table_capacity(&st, "ConsumedCapacity", r->capacity, &res->capacity);
	return jb_finish(&st);
}

/* PutItem */
Jsonb *
exec_put_item(Jsonb *req, bool escaped)
{
	ItemRequest r;
	ItemResult	res;

	exec_item_request(req, escaped, "PutItem", &r, NULL);
	item_request_put(&r, &res);
	return item_response(&r, &res, "Attributes", escaped);
}

/* GetItem */
Jsonb *
exec_get_item(Jsonb *req, bool escaped)
{
	ItemRequest r;
	ItemResult	res;

	exec_item_request(req, escaped, "GetItem", &r, NULL);
	item_request_get(&r, &res);
	return item_response(&r, &res, "Item", escaped);
}

/* DeleteItem */
Jsonb *
exec_delete_item(Jsonb *req, bool escaped)
{
	ItemRequest r;
	ItemResult	res;

	exec_item_request(req, escaped, "DeleteItem", &r, NULL);
	item_request_delete(&r, &res);
	return item_response(&r, &res, "Attributes", escaped);
}

/* UpdateItem */
Jsonb *
exec_update_item(Jsonb *req, bool escaped)
{
	ItemRequest r;
	ItemResult	res;

	exec_item_request(req, escaped, "UpdateItem", &r, NULL);
	item_request_update(&r, &res);
	return item_response(&r, &res, "Attributes", escaped);
}
