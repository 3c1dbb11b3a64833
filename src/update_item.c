/*
 * update_item.c
 *		UpdateItem: edit an item in place, creating it when missing.
 *
 * The item is locked (SELECT .. FOR UPDATE) before the condition is checked
 * and the update applied, so concurrent updates of one item serialise and
 * none is lost; a missing item is inserted with ON CONFLICT DO NOTHING, and
 * losing that race means starting again on the item that won.
 */
#include "postgres.h"

#include "errors.h"
#include "json_io.h"
#include "update_item.h"

#define MAX_INSERT_RACES 1000

/* The item a missing item starts as: just its key attributes */
static Jsonb *
key_only_item(DynamoTable *t, ItemKey *key)
{
	JsonbParseState *st = NULL;
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};

	jb_begin_object(&st, NULL);
	for (int i = 0; i < key->nkeys; i++)
	{
		JsonbValue	k;

		k.type = jbvString;
		k.val.string.val = attrs[i]->name;
		k.val.string.len = strlen(attrs[i]->name);
		(void) pushJsonbValue(&st, WJB_KEY, &k);
		(void) pushJsonbValue(&st, WJB_VALUE, &key->attrs[i]);
	}
	return jb_finish(&st);
}

/* What ReturnValues asks for, from the item before and after */
static Jsonb *
returned_attributes(UpdateItemRequest *req, Jsonb *old_item, Jsonb *new_item)
{
	switch (req->return_values)
	{
		case RV_NONE:
			return NULL;
		case RV_ALL_OLD:
			return old_item;
		case RV_ALL_NEW:
			return new_item;
		case RV_UPDATED_OLD:
		case RV_UPDATED_NEW:
			{
				Jsonb	   *from = req->return_values == RV_UPDATED_OLD ? old_item : new_item;
				Jsonb	   *projected;

				if (from == NULL || req->update == NULL)
					return NULL;
				projected = expr_apply_projection(expr_update_paths(req->update), from);
				return JB_ROOT_COUNT(projected) > 0 ? projected : NULL;
			}
	}
	return NULL;
}

/*
 * Update an item.  Returns the attributes ReturnValues asks for (stored
 * form), or NULL.
 */
Jsonb *
dynamo_update_item(UpdateItemRequest *req)
{
	DynamoTable *t = req->table;
	const char *key_names[2] = {t->partition_key.name, t->sort_key.name};
	MemoryContext caller = CurrentMemoryContext;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* the new item and the result outlive SPI_finish */
	MemoryContextSwitchTo(caller);
	for (int attempt = 0; attempt < MAX_INSERT_RACES; attempt++)
	{
		Jsonb	   *old = item_lock(t, &req->key);
		Jsonb	   *base;
		Jsonb	   *new;
		Jsonb	   *result;

		item_check_condition(&req->condition, old);
		if (old == NULL && req->update && expr_update_only_removes(req->update))
		{
			/* DynamoDB creates no item for an update that only removes */
			SPI_finish();
			return NULL;
		}
		base = old ? old : key_only_item(t, &req->key);
		new = req->update ? expr_apply_update(req->update, base, key_names, req->key.nkeys) : base;
		item_check_size(new);
		if (old)
			item_replace(t, &req->key, new);
		else if (!item_insert_new(t, &req->key, new))
			continue;
		result = returned_attributes(req, old, new);
		SPI_finish();
		return result;
	}
	dynamo_error(DYN_TRANSACTION_CONFLICT, "Transaction is ongoing for the item");
}
