/*
 * item_requests.c
 *		PutItem, GetItem, DeleteItem and UpdateItem run from their request
 *		structs: the table, the key, the operation, its usage figures and the
 *		capacity it charged.  Every door ends here.
 */
#include "postgres.h"

#include "advisor.h"
#include "indexes.h"
#include "items.h"
#include "tables.h"

/*
 * The table an item operation, Query or Scan names by its name or, as
 * DynamoDB also takes, by its ARN (of this region and account)
 */
DynamoTable *
item_table_lookup(const char *name_or_arn)
{
	if (strncmp(name_or_arn, "arn:", 4) == 0)
		name_or_arn = table_name_of_arn(name_or_arn, "tableName");
	return dynamo_table_lookup(name_or_arn, false);
}

/*
 * Start a result: the request's table; a write asked for its capacity
 * counts its indexes' units too
 */
static DynamoTable *
result_init(ItemRequest *r, ItemResult *res, bool write)
{
	int			n = 0;

	memset(res, 0, sizeof(ItemResult));
	res->table = item_table_lookup(r->table_name);
	(void) capacity_of_table(&res->capacity, &n, res->table,
							 write && r->capacity != CAPACITY_NONE);
	res->capacity.name = r->table_name;
	return res->table;
}

/* The condition of a write: its expression, and what a failure returns */
static ItemCondition
write_condition(ItemRequest *r)
{
	ItemCondition c;

	item_condition_init(&c, r->expr.condition);
	c.return_old_on_failure = r->return_old_on_failure;
	return c;
}

/*
 * Count a write of bytes that replaced old by new (NULL: none): its usage
 * figures and capacity (index_units: its indexes' units, else counted from
 * old and new)
 */
static void
count_write(ItemRequest *r, ItemResult *res, AdvisorOp op, int64 bytes, Jsonb *old,
			Jsonb *new, const double *index_units)
{
	advisor_count_units(res->table->table_name, op, bytes, true, true, false);
	capacity_add_write(&res->capacity, bytes, old, new, index_units, 1);
}

/* PutItem */
void
item_request_put(ItemRequest *r, ItemResult *res)
{
	PutItemRequest put = {.item = r->item, .return_values = r->return_values,
	.condition = write_condition(r)};
	Jsonb	   *old;
	int64		bytes;

	put.need_old = r->capacity != CAPACITY_NONE;
	put.table = result_init(r, res, true);
	old = dynamo_put_item(&put);
	bytes = Max(item_size(put.item), old ? item_size(old) : 0);
	count_write(r, res, ADV_PUT_ITEM, bytes, old, put.item, NULL);
	res->item = r->return_values == RV_ALL_OLD ? old : NULL;
	if (r->collection_metrics)
		item_key_from_item(put.table, put.item, &res->key);
}

/* Refuse a projection that reaches into a key attribute of the table or an index */
static void
check_projection_keys(DynamoTable *t, DynProjection *proj)
{
	const char *key_names[2] = {t->partition_key.name, t->sort_key.name};
	ExprIndexKey *index_keys = NULL;
	int			nindex_keys = t->nindexes > 0 ? index_key_attrs(t, &index_keys) : 0;

	expr_projection_check_keys(proj, key_names, dynamo_table_has_sort_key(t) ? 2 : 1,
							   index_keys, nindex_keys);
}

/* GetItem: the whole item is read (and charged), then projected */
void
item_request_get(ItemRequest *r, ItemResult *res)
{
	DynamoTable *t = result_init(r, res, false);
	Jsonb	   *item;
	int64		bytes;

	item_key_from_key(t, r->key, &res->key);
	if (r->expr.projection)
		check_projection_keys(t, r->expr.projection);
	item = dynamo_get_item(t, &res->key);
	bytes = item ? item_size(item) : 0;
	advisor_count_units(t->table_name, ADV_GET_ITEM, bytes, false, r->consistent_read,
						item != NULL);
	res->item = item_project(&r->expr, item);
	res->capacity.units = capacity_units(bytes, false, r->consistent_read);
}

/* DeleteItem */
void
item_request_delete(ItemRequest *r, ItemResult *res)
{
	DeleteItemRequest del = {.return_values = r->return_values, .condition = write_condition(r)};
	Jsonb	   *old;

	del.table = result_init(r, res, true);
	item_key_from_key(del.table, r->key, &del.key);
	del.need_old = r->capacity != CAPACITY_NONE || advisor_track_usage;
	old = dynamo_delete_item(&del);
	count_write(r, res, ADV_DELETE_ITEM, old ? item_size(old) : 0, old, NULL, NULL);
	res->item = r->return_values == RV_ALL_OLD ? old : NULL;
	res->key = del.key;
}

/* UpdateItem */
void
item_request_update(ItemRequest *r, ItemResult *res)
{
	UpdateItemRequest upd = {.return_values = r->return_values, .condition = write_condition(r),
	.update = r->expr.update};

	upd.table = result_init(r, res, true);
	item_key_from_key(upd.table, r->key, &upd.key);
	if (res->capacity.index_units)
		upd.index_units = palloc(sizeof(double) * upd.table->nindexes);
	res->item = dynamo_update_item(&upd);
	count_write(r, res, ADV_UPDATE_ITEM, upd.write_bytes, NULL, NULL, upd.index_units);
	res->key = upd.key;
}
