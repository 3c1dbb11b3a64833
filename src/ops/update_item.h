/*
 * update_item.h
 *		UpdateItem: edit an item in place, creating it when missing.
 */
#ifndef DYNAMO_UPDATE_ITEM_H
#define DYNAMO_UPDATE_ITEM_H

#include "expression.h"
#include "item_ops.h"

typedef struct UpdateItemRequest
{
	DynamoTable *table;
	ItemKey		key;
	DynUpdate  *update;			/* NULL: no update (the item is still created) */
	ItemCondition condition;
	ReturnValues return_values;
	int64		write_bytes;	/* out: the larger of the old and new item's size */
	double	   *index_units;	/* NULL, or out: write units of each index */
} UpdateItemRequest;

extern Jsonb *dynamo_update_item(UpdateItemRequest *req);

#endif							/* DYNAMO_UPDATE_ITEM_H */
