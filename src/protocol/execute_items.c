/*
 * execute_items.c
 *		execute()'s item operations: DynamoDB's request and response shapes
 *		for PutItem, GetItem and DeleteItem.
 */
#include "postgres.h"

#include "utils/fmgrprotos.h"

#include "advisor.h"
#include "errors.h"
#include "validate.h"
#include "execute.h"
#include "execute_indexes.h"
#include "item_expressions.h"
#include "update_item.h"
#include "index_catalog.h"
#include "index_write.h"
#include "json_read.h"
#include "json_build.h"

/*
 * Push ConsumedCapacity of a write of table_bytes that replaced old by new
 * (NULL: none): the table's units, and those of each index it changed
 * (index_units: already counted, or NULL)
 */
static void
push_write_capacity(JsonbParseState **st, CapacityDetail capacity, DynamoTable *t,
					const char *name, int64 table_bytes, Jsonb *old, Jsonb *new,
					double *index_units)
{
	const char **names;
	bool	   *locals;

	if (t->nindexes == 0)
	{
		push_capacity(st, capacity, name, table_bytes, true, true);
		return;
	}
	names = palloc(t->nindexes * sizeof(char *));
	locals = palloc(t->nindexes * sizeof(bool));
	if (index_units == NULL)
	{
		index_units = palloc(t->nindexes * sizeof(double));
		index_write_units(t, old, new, index_units);
	}
	for (int i = 0; i < t->nindexes; i++)
	{
		names[i] = t->indexes[i].name;
		locals[i] = t->indexes[i].local;
	}
	push_capacity_breakdown(st, capacity, name, capacity_units(table_bytes, true, true),
							t->nindexes, names, locals, index_units);
}

/* ReturnConsumedCapacity of a request */
CapacityDetail
wants_capacity(Jsonb *req)
{
	return capacity_detail(req_string(req, "ReturnConsumedCapacity"));
}

/* Push an item in typed form as member key, when there is one */
static void
push_item(JsonbParseState **st, const char *key, Jsonb *stored, bool escaped)
{
	if (stored == NULL)
		return;
	jb_key(st, key);
	(void) item_push_typed(st, stored, escaped);
}

/*
 * Parse the expression members an operation takes; members of other
 * operations are ignored, as DynamoDB ignores unknown members.
 */
static void
parse_expressions(Jsonb *req, bool escaped, const char *operation, bool condition,
				  bool projection, bool update, ItemExpressions *e)
{
	ExprParams	p = {0};

	expr_params_from_request(req, escaped, &p);
	p.operation = operation;
	if (!condition)
		p.condition = NULL, p.expected = NULL, p.conditional_operator = NULL;
	if (!projection)
		p.projection = NULL, p.attributes_to_get = NULL;
	if (!update)
		p.update = NULL, p.attribute_updates = NULL;
	item_expressions_parse(&p, e);
}

/* ReturnValuesOnConditionCheckFailure of a request */
static bool
return_old_on_failure(Jsonb *req)
{
	return parse_return_on_failure(req_string(req, "ReturnValuesOnConditionCheckFailure")) == RV_ALL_OLD;
}

/* PutItem */
Jsonb *
exec_put_item(Jsonb *req, bool escaped)
{
	PutItemRequest put = {0};
	ItemExpressions e;
	char	   *name = exec_table_name(req);
	CapacityDetail capacity = wants_capacity(req);
	Jsonb	   *old;
	JsonbParseState *st = NULL;

	put.item = item_from_typed(req_required_object(req, "Item", "item"), escaped);
	put.return_values = parse_return_values(req_string(req, "ReturnValues"), "PutItem");
	parse_expressions(req, escaped, "PutItem", true, false, false, &e);
	item_condition_init(&put.condition, e.condition);
	put.condition.return_old_on_failure = return_old_on_failure(req);
	put.need_old = capacity != CAPACITY_NONE;
	put.table = dynamo_table_lookup(name, false);
	old = dynamo_put_item(&put);
	advisor_count_units(name, ADV_PUT_ITEM, Max(item_size(put.item), old ? item_size(old) : 0),
						true, true, false);

	jb_begin_object(&st, NULL);
	if (put.return_values == RV_ALL_OLD)
		push_item(&st, "Attributes", old, escaped);
	exec_push_collection_metrics(&st, req, put.table, NULL, put.item, escaped);
	if (capacity)
		push_write_capacity(&st, capacity, put.table, name,
							Max(item_size(put.item), old ? item_size(old) : 0), old, put.item, NULL);
	return jb_finish(&st);
}

/* GetItem */
Jsonb *
exec_get_item(Jsonb *req, bool escaped)
{
	char	   *name = exec_table_name(req);
	CapacityDetail capacity = wants_capacity(req);
	bool		consistent = req_bool(req, "ConsistentRead", false);
	Jsonb	   *key_map = item_from_typed(req_required_object(req, "Key", "key"), escaped);
	DynamoTable *t;
	ItemKey		key;
	ItemExpressions e;
	Jsonb	   *item;
	int64		read_bytes;
	JsonbParseState *st = NULL;

	parse_expressions(req, escaped, "GetItem", false, true, false, &e);
	t = dynamo_table_lookup(name, false);
	item_key_from_key(t, key_map, &key);
	item = dynamo_get_item(t, &key);
	/* the whole item is read */
	read_bytes = item ? item_size(item) : 0;
	advisor_count_units(name, ADV_GET_ITEM, read_bytes, false, consistent, item != NULL);
	item = item_project(&e, item);

	jb_begin_object(&st, NULL);
	push_item(&st, "Item", item, escaped);
	if (capacity)
		push_capacity(&st, capacity, name, read_bytes, false, consistent);
	return jb_finish(&st);
}

/* DeleteItem */
Jsonb *
exec_delete_item(Jsonb *req, bool escaped)
{
	DeleteItemRequest del = {0};
	ItemExpressions e;
	char	   *name = exec_table_name(req);
	CapacityDetail capacity = wants_capacity(req);
	Jsonb	   *key_map = item_from_typed(req_required_object(req, "Key", "key"), escaped);
	Jsonb	   *old;
	JsonbParseState *st = NULL;

	del.return_values = parse_return_values(req_string(req, "ReturnValues"), "DeleteItem");
	parse_expressions(req, escaped, "DeleteItem", true, false, false, &e);
	item_condition_init(&del.condition, e.condition);
	del.condition.return_old_on_failure = return_old_on_failure(req);
	del.table = dynamo_table_lookup(name, false);
	item_key_from_key(del.table, key_map, &del.key);
	del.need_old = capacity != CAPACITY_NONE || advisor_track_usage;
	old = dynamo_delete_item(&del);
	advisor_count_units(name, ADV_DELETE_ITEM, old ? item_size(old) : 0, true, true, false);

	jb_begin_object(&st, NULL);
	if (del.return_values == RV_ALL_OLD)
		push_item(&st, "Attributes", old, escaped);
	exec_push_collection_metrics(&st, req, del.table, &del.key, NULL, escaped);
	if (capacity)
		push_write_capacity(&st, capacity, del.table, name, old ? item_size(old) : 0, old, NULL, NULL);
	return jb_finish(&st);
}

/* UpdateItem */
Jsonb *
exec_update_item(Jsonb *req, bool escaped)
{
	UpdateItemRequest upd = {0};
	ItemExpressions e;
	char	   *name = exec_table_name(req);
	CapacityDetail capacity = wants_capacity(req);
	Jsonb	   *key_map = item_from_typed(req_required_object(req, "Key", "key"), escaped);
	Jsonb	   *attributes;
	JsonbParseState *st = NULL;

	upd.return_values = parse_return_values(req_string(req, "ReturnValues"), "UpdateItem");
	parse_expressions(req, escaped, "UpdateItem", true, false, true, &e);
	item_condition_init(&upd.condition, e.condition);
	upd.condition.return_old_on_failure = return_old_on_failure(req);
	upd.update = e.update;
	upd.table = dynamo_table_lookup(name, false);
	item_key_from_key(upd.table, key_map, &upd.key);
	if (capacity && upd.table->nindexes > 0)
		upd.index_units = palloc(upd.table->nindexes * sizeof(double));
	attributes = dynamo_update_item(&upd);
	advisor_count_units(name, ADV_UPDATE_ITEM, upd.write_bytes, true, true, false);

	jb_begin_object(&st, NULL);
	push_item(&st, "Attributes", attributes, escaped);
	exec_push_collection_metrics(&st, req, upd.table, &upd.key, NULL, escaped);
	if (capacity)
		push_write_capacity(&st, capacity, upd.table, name, upd.write_bytes, NULL, NULL, upd.index_units);
	return jb_finish(&st);
}
