/*
 * update_item.c
 *		UpdateItem: edit an item in place, creating it when missing.
 *
 * It runs through item_write_locked(), so concurrent updates of one item
 * serialise on its row lock and none is lost.
 */
#include "postgres.h"

#include "attr_value.h"
#include "errors.h"
#include "indexes.h"
#include "items.h"

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

/* UpdateItem's rewrite: the update applied to the item, or to its key */
static Jsonb *
updated_item(void *arg, Jsonb *old_item)
{
	UpdateItemRequest *req = arg;
	DynamoTable *t = req->table;
	const char *key_names[2] = {t->partition_key.name, t->sort_key.name};
	Jsonb	   *base;
	Jsonb	   *new_item;

	/* DynamoDB creates no item for an update that only removes (but its
	 * actions on key attributes are refused all the same) */
	if (old_item == NULL && req->update && expr_update_only_removes(req->update))
	{
		expr_update_check_keys(req->update, key_names, req->key.nkeys);
		req->write_bytes = 0;
		return NULL;
	}
	base = old_item ? old_item : item_key_only_item(t, &req->key);
	new_item = req->update ? expr_apply_update(req->update, base, key_names, req->key.nkeys) : base;
	req->write_bytes = item_size(new_item);
	if (req->write_bytes > DYNAMO_MAX_ITEM_SIZE)
		dynamo_error(DYN_VALIDATION, "Item size to update has exceeded the maximum allowed size");
	if (t->nindexes > 0)
		index_check_update_types(t, new_item);
	return new_item;
}

/*
 * Check an update against the table's keys, then its index keys, before
 * reading the item
 */
static void
check_index_keys(UpdateItemRequest *req)
{
	DynamoTable *t = req->table;
	const char *key_names[2] = {t->partition_key.name, t->sort_key.name};
	ExprIndexKey *keys;
	int			nkeys = index_key_attrs(t, &keys);

	expr_update_check_keys(req->update, key_names, req->key.nkeys);
	expr_update_check_index_keys(req->update, keys, nkeys);
}

/*
 * Update an item.  Returns the attributes ReturnValues asks for (stored
 * form), or NULL.
 */
Jsonb *
dynamo_update_item(UpdateItemRequest *req)
{
	Jsonb	   *old;
	Jsonb	   *new;
	Jsonb	   *result;

	if (req->update && req->table->nindexes > 0)
		check_index_keys(req);
	item_spi_connect();
	/* updated_item leaves the new item's size in write_bytes */
	old = item_write_locked(req->table, &req->key, &req->condition, updated_item, req, &new);
	req->write_bytes = Max(old ? item_size(old) : 0, new ? req->write_bytes : 0);
	if (req->index_units)
		index_write_units(req->table, old, new, req->index_units);
	result = item_transfer(new ? returned_attributes(req, old, new) : NULL);
	SPI_finish();
	return result;
}
