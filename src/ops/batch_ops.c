/*
 * batch_ops.c
 *		BatchGetItem and BatchWriteItem.
 *
 * Every request is validated in full (shapes, limits, tables, keys,
 * duplicates) before any item is read or written.  A batch is not atomic in
 * DynamoDB, but here every write runs in the caller's transaction, so an
 * error in one leaves the transaction to the caller: a ROLLBACK undoes the
 * whole batch.  Writes go in lock order (table, key), so concurrent batches
 * over the same items cannot deadlock on each other.
 */
#include "postgres.h"

#include "advisor.h"
#include "batch_ops.h"
#include "errors.h"
#include "json_read.h"
#include "json_build.h"
#include "validate.h"

/* A RequestItems map must name 1 or more tables, validly */
static int
request_tables(Jsonb *request_items, const char *empty_message, char ***names,
			   JsonbValue **values)
{
	int			n;

	require_member(request_items, "requestItems");
	req_check_object(request_items);
	if (JB_ROOT_COUNT(request_items) == 0)
		dynamo_error(DYN_VALIDATION, "%s", empty_message);
	n = object_members(request_items, names, values);
	for (int i = 0; i < n; i++)
		if (!table_name_valid((*names)[i]))
			validate_fail(NULL, json_text(request_items), "requestItems",
						  "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: " VALIDATE_NAME_PATTERN "]");
	return n;
}

/* A member value of the RequestItems map that must be a list or an object */
Jsonb *
batch_table_entry(JsonbValue *v, bool list)
{
	Jsonb	   *jb;

	if (v->type != jbvBinary)
		dynamo_error(DYN_SERIALIZATION, "Start of %s expected", list ? "list" : "structure or map");
	jb = jsonb_of_container(v);
	if (list != (JB_ROOT_IS_ARRAY(jb) && !JB_ROOT_IS_SCALAR(jb)))
		dynamo_error(DYN_SERIALIZATION, "Start of %s expected", list ? "list" : "structure or map");
	return jb;
}

/* Push the ConsumedCapacity list: one entry per table */
static void
push_capacity_list(JsonbParseState **st, CapacityDetail capacity, int ntables,
				   char **names, double *units)
{
	if (capacity == CAPACITY_NONE)
		return;
	jb_begin_array(st, "ConsumedCapacity");
	for (int i = 0; i < ntables; i++)
		push_capacity_units(st, NULL, capacity, names[i], units[i]);
	jb_end_array(st);
}

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
		item_key_from_key(t, map, &target->key);
}

/* ------------------------------------------------------------------------
 * BatchGetItem
 * ------------------------------------------------------------------------
 */

/* One table of a BatchGetItem */
typedef struct GetTable
{
	char	   *name;
	Jsonb	   *spec;			/* its KeysAndAttributes, as requested */
	Jsonb	   *keys;			/* the Keys list, as requested */
	int			nkeys;
	ItemExpressions expr;
	bool		consistent;
	ItemTarget *targets;
	Jsonb	  **items;			/* what was read (projected), NULL if missing */
	int			processed;		/* keys read; the rest are unprocessed */
	double		units;
	int64		bytes;			/* of the items read, for usage figures */
	int			found;
} GetTable;

/* Check a table's KeysAndAttributes and parse its projection */
static void
parse_get_table(GetTable *g, ItemDialect d)
{
	ExprParams	p = {0};

	g->keys = req_array(g->spec, "Keys");
	require_member(g->keys, psprintf("requestItems.%s.member.keys", g->name));
	g->nkeys = JB_ROOT_COUNT(g->keys);
	validate_length(NULL, VALIDATE_HIDDEN, g->nkeys, 1, BATCH_GET_MAX_KEYS,
					psprintf("RequestItems.%s.member.Keys", g->name));
	dialect_expr_params(d, g->spec, &p);
	p.operation = "BatchGetItem";
	p.condition = p.update = NULL;
	p.expected = p.attribute_updates = NULL;
	p.conditional_operator = NULL;
	item_expressions_parse(&p, &g->expr);
	g->consistent = req_bool(g->spec, "ConsistentRead", false);
}

/* Resolve a table's keys; duplicates are refused */
static void
resolve_get_table(GetTable *g, ItemDialect d)
{
	DynamoTable *t = dynamo_table_lookup(g->name, false);
	ItemTarget **ptrs = palloc(sizeof(ItemTarget *) * g->nkeys);
	char	   *path = psprintf("requestItems.%s.member.keys", g->name);

	g->targets = palloc0(sizeof(ItemTarget) * g->nkeys);
	for (int i = 0; i < g->nkeys; i++)
	{
		batch_target(&g->targets[i], t, dialect_item_in(d, element_object(g->keys, i, path)), false);
		ptrs[i] = &g->targets[i];
	}
	batch_check_duplicates(ptrs, g->nkeys);
}

/*
 * Read a table's items until the response would pass 16 MB; returns the
 * response size so far.
 */
static int64
read_get_table(GetTable *g, int64 response_bytes)
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
		g->units += capacity_units(read_bytes, false, g->consistent);
		g->bytes += read_bytes;
		g->found += item != NULL;
	}
	advisor_count(g->name, ADV_BATCH_GET_ITEM, g->processed, g->found, g->bytes, g->units, 0);
	return response_bytes;
}

/* Push a table's unprocessed keys: its KeysAndAttributes with the rest of Keys */
static void
push_unprocessed_keys(JsonbParseState **st, GetTable *g)
{
	char	  **names;
	JsonbValue *values;
	int			n = object_members(g->spec, &names, &values);

	jb_begin_object(st, g->name);
	for (int i = 0; i < n; i++)
	{
		if (strcmp(names[i], "Keys") != 0)
		{
			jb_jsonb(st, names[i], jsonb_of_container(&values[i]));
			continue;
		}
		jb_begin_array(st, "Keys");
		for (int k = g->processed; k < g->nkeys; k++)
			jb_jsonb(st, NULL, jsonb_of_container(list_element(g->keys, k)));
		jb_end_array(st);
	}
	jb_end_object(st);
}

/* The BatchGetItem response: Responses, UnprocessedKeys, ConsumedCapacity */
static Jsonb *
batch_get_response(GetTable *tables, int n, CapacityDetail capacity, ItemDialect d)
{
	JsonbParseState *st = NULL;
	char	  **names = palloc(sizeof(char *) * n);
	double	   *units = palloc(sizeof(double) * n);

	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "Responses");
	for (int i = 0; i < n; i++)
	{
		jb_begin_array(&st, tables[i].name);
		for (int k = 0; k < tables[i].processed; k++)
			if (tables[i].items[k])
				jb_jsonb(&st, NULL, dialect_item_out(d, tables[i].items[k]));
		jb_end_array(&st);
		names[i] = tables[i].name;
		units[i] = tables[i].units;
	}
	jb_end_object(&st);
	jb_begin_object(&st, "UnprocessedKeys");
	for (int i = 0; i < n; i++)
		if (tables[i].processed < tables[i].nkeys)
			push_unprocessed_keys(&st, &tables[i]);
	jb_end_object(&st);
	push_capacity_list(&st, capacity, n, names, units);
	return jb_finish(&st);
}

/*
 * BatchGetItem: up to 100 keys over any tables, each table with its own
 * projection.  Items past 16 MB of response come back as UnprocessedKeys.
 */
Jsonb *
dynamo_batch_get_item(Jsonb *request_items, CapacityDetail capacity, ItemDialect d)
{
	char	  **names;
	JsonbValue *values;
	int			n = request_tables(request_items,
								   "The requestItems parameter is required for BatchGetItem",
								   &names, &values);
	GetTable   *tables = palloc0(sizeof(GetTable) * n);
	int			total = 0;
	int64		response_bytes = 0;

	for (int i = 0; i < n; i++)
	{
		tables[i].name = names[i];
		tables[i].spec = batch_table_entry(&values[i], false);
		parse_get_table(&tables[i], d);
		total += tables[i].nkeys;
	}
	if (total > BATCH_GET_MAX_KEYS)
		dynamo_error(DYN_VALIDATION, "Too many items requested for the BatchGetItem call");
	for (int i = 0; i < n; i++)
		resolve_get_table(&tables[i], d);
	for (int i = 0; i < n; i++)
		response_bytes = read_get_table(&tables[i], response_bytes);
	return batch_get_response(tables, n, capacity, d);
}

/* ------------------------------------------------------------------------
 * BatchWriteItem
 * ------------------------------------------------------------------------
 */

/* One PutRequest or DeleteRequest */
typedef struct WriteRequest
{
	ItemTarget	target;			/* first: sorted as targets */
	Jsonb	   *put_item;		/* PutRequest's item (stored); NULL: a delete */
	Jsonb	   *delete_key;		/* DeleteRequest's key (stored) */
	int			table_index;
} WriteRequest;

/* Read one WriteRequest: exactly one of PutRequest and DeleteRequest */
static void
parse_write_request(WriteRequest *w, Jsonb *req, const char *table, int i, ItemDialect d)
{
	Jsonb	   *put = req_object(req, "PutRequest");
	Jsonb	   *del = req_object(req, "DeleteRequest");

	if ((put == NULL) == (del == NULL))
		dynamo_error(DYN_VALIDATION,
					 "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
	if (put)
	{
		Jsonb	   *item = req_object(put, "Item");

		require_member(item, psprintf("requestItems.%s.member.%d.member.putRequest.item", table, i + 1));
		w->put_item = dialect_item_in(d, item);
		item_check_size(w->put_item);
	}
	else
	{
		Jsonb	   *key = req_object(del, "Key");

		require_member(key, psprintf("requestItems.%s.member.%d.member.deleteRequest.key", table, i + 1));
		w->delete_key = dialect_item_in(d, key);
	}
}

/* Apply one request; returns the bytes it consumes capacity for */
static int64
apply_write_request(WriteRequest *w, bool need_old)
{
	Jsonb	   *old;

	if (w->put_item)
	{
		PutItemRequest put = {0};

		put.table = w->target.table;
		put.item = w->put_item;
		put.need_old = need_old;
		old = dynamo_put_item(&put);
		return Max(item_size(w->put_item), old ? item_size(old) : 0);
	}
	else
	{
		DeleteItemRequest del = {0};

		del.table = w->target.table;
		del.key = w->target.key;
		del.need_old = need_old;
		old = dynamo_delete_item(&del);
		return old ? item_size(old) : 0;
	}
}

/*
 * BatchWriteItem: up to 25 puts and deletes over any tables, at most one
 * per item.  Every request is applied: UnprocessedItems is always empty.
 */
Jsonb *
dynamo_batch_write_item(Jsonb *request_items, CapacityDetail capacity, ItemDialect d)
{
	char	  **names;
	JsonbValue *values;
	int			n = request_tables(request_items,
								   "The requestItems parameter is required for BatchWriteItem",
								   &names, &values);
	Jsonb	  **lists = palloc(sizeof(Jsonb *) * n);
	double	   *units = palloc0(sizeof(double) * n);
	int64	   *bytes = palloc0(sizeof(int64) * n);
	int			total = 0;
	int			w = 0;
	WriteRequest *reqs;
	ItemTarget **targets;
	JsonbParseState *st = NULL;

	for (int i = 0; i < n; i++)
	{
		int			len;

		lists[i] = batch_table_entry(&values[i], true);
		len = JB_ROOT_COUNT(lists[i]);
		if (len < 1 || len > BATCH_WRITE_MAX_REQUESTS)
			validate_fail(NULL, psprintf("{%s=%s}", names[i], json_text(lists[i])), "requestItems",
						  "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
		total += len;
	}
	if (total > BATCH_WRITE_MAX_REQUESTS)
		dynamo_error(DYN_VALIDATION, "Too many items requested for the BatchWriteItem call");

	/* every request is checked before any is applied */
	reqs = palloc0(sizeof(WriteRequest) * total);
	targets = palloc(sizeof(ItemTarget *) * total);
	for (int i = 0; i < n; i++)
	{
		char	   *path = psprintf("requestItems.%s.member", names[i]);

		for (int k = 0; k < JB_ROOT_COUNT(lists[i]); k++, w++)
		{
			parse_write_request(&reqs[w], element_object(lists[i], k, path), names[i], k, d);
			reqs[w].table_index = i;
			targets[w] = &reqs[w].target;
		}
	}
	for (w = 0; w < total; w++)
	{
		DynamoTable *t = dynamo_table_lookup(names[reqs[w].table_index], false);

		if (reqs[w].put_item)
			batch_target(&reqs[w].target, t, reqs[w].put_item, true);
		else
			batch_target(&reqs[w].target, t, reqs[w].delete_key, false);
	}
	batch_check_duplicates(targets, total);

	targets = item_targets_sorted(targets, total);
	for (w = 0; w < total; w++)
	{
		WriteRequest *req = (WriteRequest *) targets[w];
		int64		b = apply_write_request(req, capacity != CAPACITY_NONE);

		units[req->table_index] += capacity_units(b, true, true);
		bytes[req->table_index] += b;
	}
	for (int i = 0; i < n; i++)
		advisor_count(names[i], ADV_BATCH_WRITE_ITEM, 0, 0, bytes[i], 0, units[i]);

	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "UnprocessedItems");
	jb_end_object(&st);
	push_capacity_list(&st, capacity, n, names, units);
	return jb_finish(&st);
}
