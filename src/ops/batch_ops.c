/*
 * batch_ops.c
 *		BatchGetItem and BatchWriteItem.
 *
 * Every request is validated in full (shapes, limits, tables, keys,
 * duplicates) before any item is read or written: the doors read and check
 * its members, here its tables and keys are resolved.  A batch is not
 * atomic in DynamoDB, but here every write runs in the caller's
 * transaction, so an error in one leaves the transaction to the caller: a
 * ROLLBACK undoes the whole batch.  Writes go in lock order (table, key), so
 * concurrent batches over the same items cannot deadlock on each other.
 */
#include "postgres.h"

#include "advisor.h"
#include "batch.h"
#include "errors.h"

/* Reject two targets naming one item */
void
batch_check_duplicates(ItemTarget **targets, int n)
{
	if (item_targets_have_duplicates(item_targets_sorted(targets, n), n))
		dynamo_error(DYN_VALIDATION, "Provided list of item keys contains duplicates");
}

/* The key of a stored Item or Key map; a mismatch is DynamoDB's one message */
void
batch_target(ItemTarget *target, DynamoTable *t, Jsonb *map, bool in_item)
{
	target->table = t;
	if (key_schema_mismatch(t, map, in_item))
		dynamo_error(DYN_VALIDATION, "The provided key element does not match the schema");
	if (in_item)
		item_key_from_item(t, map, &target->key);
	else
		item_key_from_listed_key(t, map, &target->key);
}

/* ------------------------------------------------------------------------
 * BatchGetItem
 * ------------------------------------------------------------------------
 */

/* Resolve a table's keys; duplicates are refused */
static void
resolve_get_table(BatchGetTable *g)
{
	DynamoTable *t = item_table_lookup(g->name);
	ItemTarget **ptrs = palloc(sizeof(ItemTarget *) * g->nkeys);

	g->targets = palloc0(sizeof(ItemTarget) * g->nkeys);
	for (int i = 0; i < g->nkeys; i++)
	{
		batch_target(&g->targets[i], t, g->key_maps[i], false);
		ptrs[i] = &g->targets[i];
	}
	batch_check_duplicates(ptrs, g->nkeys);
	g->capacity.table = t;
	g->capacity.name = g->name;
}

/*
 * Read a table's items until the response would pass 16 MB; returns the
 * response size so far.
 */
static int64
read_get_table(BatchGetTable *g, int64 response_bytes)
{
	g->items = palloc0(sizeof(Jsonb *) * g->nkeys);
	for (g->processed = 0; g->processed < g->nkeys; g->processed++)
	{
		ItemTarget *target = &g->targets[g->processed];
		Jsonb	   *item = dynamo_get_item(target->table, &target->key);
		int64		read_bytes = item ? item_size(item) : 0;

		item = item_project(&g->expr, item);
		if (item && response_bytes + item_size(item) > BATCH_GET_MAX_RESPONSE)
			break;
		response_bytes += item ? item_size(item) : 0;
		g->items[g->processed] = item;
		g->capacity.units += capacity_units(read_bytes, false, g->consistent);
		g->bytes += read_bytes;
		g->found += item != NULL;
	}
	advisor_count(g->capacity.table->table_name, ADV_BATCH_GET_ITEM, g->processed, g->found, g->bytes,
				  g->capacity.units, 0);
	return response_bytes;
}

/*
 * BatchGetItem: up to 100 keys over any tables, each table with its own
 * projection.  Items past 16 MB of response are left unprocessed.
 */
void
dynamo_batch_get_item(BatchGetRequest *r)
{
	int64		response_bytes = 0;

	for (int i = 0; i < r->ntables; i++)
		resolve_get_table(&r->tables[i]);
	for (int i = 0; i < r->ntables; i++)
		response_bytes = read_get_table(&r->tables[i], response_bytes);
}

/* ------------------------------------------------------------------------
 * BatchWriteItem
 * ------------------------------------------------------------------------
 */

/* Apply one request, counting the capacity it consumes; returns its bytes */
static int64
apply_write_request(BatchWrite *w, TableCapacity *tc, bool need_old)
{
	Jsonb	   *old;
	int64		bytes;

	if (w->put_item)
	{
		PutItemRequest put = {0};

		put.table = w->target.table;
		put.item = w->put_item;
		put.need_old = need_old;
		old = dynamo_put_item(&put);
		bytes = Max(item_size(w->put_item), old ? item_size(old) : 0);
	}
	else
	{
		DeleteItemRequest del = {0};

		del.table = w->target.table;
		del.key = w->target.key;
		del.need_old = need_old;
		old = dynamo_delete_item(&del);
		bytes = old ? item_size(old) : 0;
	}
	capacity_add_write(tc, bytes, old, w->put_item, NULL, 1);
	return bytes;
}

/*
 * BatchWriteItem: up to 25 puts and deletes over any tables, at most one
 * per item.  Every request is applied: UnprocessedItems is always empty.
 */
void
dynamo_batch_write_item(BatchWriteRequest *r)
{
	ItemTarget **targets = palloc(sizeof(ItemTarget *) * Max(r->nwrites, 1));
	int64	   *bytes = palloc0(sizeof(int64) * Max(r->ntables, 1));

	for (int w = 0; w < r->nwrites; w++)
	{
		BatchWrite *bw = &r->writes[w];
		DynamoTable *t = item_table_lookup(r->table_names[bw->table_index]);

		if (bw->put_item)
			batch_target(&bw->target, t, bw->put_item, true);
		else
			batch_target(&bw->target, t, bw->delete_key, false);
		targets[w] = &bw->target;
	}
	batch_check_duplicates(targets, r->nwrites);

	/*
	 * every table of the request has a write: its capacity entry, in the
	 * request's order (one per name: a table named by its name and its ARN
	 * has two)
	 */
	r->tables = palloc0(sizeof(TableCapacity) * Max(r->ntables, 1));
	for (int w = 0; w < r->nwrites; w++)
	{
		int			i = r->writes[w].table_index;
		int			none = 0;

		if (r->tables[i].table == NULL)
			capacity_of_table(&r->tables[i], &none, r->writes[w].target.table,
							  r->capacity != CAPACITY_NONE)->name = r->table_names[i];
	}
	targets = item_targets_sorted(targets, r->nwrites);
	for (int w = 0; w < r->nwrites; w++)
	{
		BatchWrite *bw = (BatchWrite *) targets[w];

		bytes[bw->table_index] += apply_write_request(bw, &r->tables[bw->table_index],
													  r->capacity != CAPACITY_NONE);
	}
	for (int i = 0; i < r->ntables; i++)
		advisor_count(r->tables[i].table->table_name, ADV_BATCH_WRITE_ITEM, 0, 0, bytes[i], 0,
					  r->tables[i].units);
}
