/*
 * request_batch.c
 *		Reading BatchGetItem's and BatchWriteItem's RequestItems and the
 *		TransactItems of transactions into their request structs, in either
 *		dialect (typed JSON for execute(), plain JSON for the SQL
 *		functions), and the batches' responses.
 */
#include "postgres.h"

#include "errors.h"
#include "indexes.h"
#include "json_build.h"
#include "json_read.h"
#include "protocol.h"
#include "validate.h"

/*
 * Whether a table name keys a RequestItems map validly (3 to 255 characters
 * of [a-zA-Z0-9_.-], or a table's ARN); the map's message differs from
 * TableName's.
 */
static bool
table_name_valid(const char *name)
{
	size_t		len = strlen(name);

	if (strncmp(name, "arn:", 4) == 0)
		return len <= VALIDATE_TABLE_REF_MAX;
	if (len < 3 || len > DYNAMO_MAX_TABLE_NAME)
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == len;
}

/* An object member of an object container; NULL when absent, null or another kind */
static JsonbContainer *
object_member(JsonbContainer *obj, const char *name)
{
	JsonbValue *m = getKeyJsonValueFromContainer(obj, name, strlen(name), NULL);

	return m && m->type == jbvBinary && JsonContainerIsObject(m->val.binary.data) ?
		m->val.binary.data : NULL;
}

/* Is a member of an object container present and not null? */
static bool
member_present(JsonbContainer *obj, const char *name)
{
	JsonbValue *m = getKeyJsonValueFromContainer(obj, name, strlen(name), NULL);

	return m != NULL && m->type != jbvNull;
}

/* The constraints of one table's KeysAndAttributes (BatchGetItem) */
static void
check_get_entry(DynValidation *v, const char *table, JsonbContainer *spec)
{
	JsonbValue *keys = getKeyJsonValueFromContainer(spec, "Keys", 4, NULL);

	if (keys == NULL || keys->type == jbvNull)
		validate_not_null(v, NULL, psprintf("requestItems.%s.member.keys", table));
	else if (keys->type == jbvBinary && JsonContainerIsArray(keys->val.binary.data))
		validate_length(v, VALIDATE_HIDDEN, JsonContainerSize(keys->val.binary.data), 1,
						BATCH_GET_MAX_KEYS, psprintf("RequestItems.%s.member.Keys", table));
}

/* The constraints of one table's WriteRequests (BatchWriteItem) */
static void
check_write_entry(DynValidation *v, const char *table, JsonbContainer *list)
{
	for (int i = 0; i < (int) JsonContainerSize(list); i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(list, i);
		JsonbContainer *del,
				   *put;

		if (e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
			continue;
		del = object_member(e->val.binary.data, "DeleteRequest");
		put = object_member(e->val.binary.data, "PutRequest");
		if (del && !member_present(del, "Key"))
			validate_not_null(v, NULL, psprintf("requestItems.%s.member.%d.member.deleteRequest.key",
												table, i + 1));
		if (put && !member_present(put, "Item"))
			validate_not_null(v, NULL, psprintf("requestItems.%s.member.%d.member.putRequest.item",
												table, i + 1));
	}
}

/*
 * The parameter constraints of RequestItems (m: an object; write:
 * BatchWriteItem's, else BatchGetItem's), collected in v in DynamoDB's
 * order: the map's length, its keys (table names), its values' lengths,
 * then each table's members.  Entries of the wrong JSON kind are the
 * deserializer's to refuse.
 */
void
batch_check_request_items(DynValidation *v, JsonbValue *m, bool write)
{
	JsonbContainer *map = m->val.binary.data;
	char	  **names;
	JsonbValue *values;
	Jsonb	   *jb = jsonb_of_container(m);
	int			n;

	if (JsonContainerSize(map) == 0)
	{
		validate_fail(v, "{}", "requestItems", "Member must have length greater than or equal to 1");
		return;
	}
	n = object_members(jb, &names, &values);
	for (int i = 0; i < n; i++)
	{
		if (!table_name_valid(names[i]))
		{
			validate_fail(v, json_text(jb), "requestItems",
						  "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: " VALIDATE_NAME_PATTERN "]");
			break;
		}
	}
	for (int i = 0; write && i < n; i++)
	{
		int			len;

		if (values[i].type != jbvBinary || !JsonContainerIsArray(values[i].val.binary.data))
			continue;
		len = JsonContainerSize(values[i].val.binary.data);
		if (len < 1 || len > BATCH_WRITE_MAX_REQUESTS)
		{
			validate_fail(v, psprintf("{%s=%s}", names[i], json_text(jsonb_of_container(&values[i]))),
						  "requestItems",
						  "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
			break;
		}
	}
	for (int i = 0; i < n; i++)
	{
		if (values[i].type != jbvBinary)
			continue;
		if (write && JsonContainerIsArray(values[i].val.binary.data))
			check_write_entry(v, names[i], values[i].val.binary.data);
		else if (!write && JsonContainerIsObject(values[i].val.binary.data))
			check_get_entry(v, names[i], values[i].val.binary.data);
	}
}

/*
 * The RequestItems map must name 1 or more tables, validly, with valid
 * members (the SQL functions' requests meet the constraints here first)
 */
static int
request_tables(Jsonb *request_items, bool write, char ***names, JsonbValue **values)
{
	DynValidation v;

	require_member(request_items, "requestItems");
	req_check_object(request_items);
	validate_init(&v);
	batch_check_request_items(&v, jsonb_root_value(request_items), write);
	validate_finish(&v);
	return object_members(request_items, names, values);
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

/* ------------------------------------------------------------------------
 * BatchGetItem
 * ------------------------------------------------------------------------
 */

/* Read a table's KeysAndAttributes but its keys; parse its projection */
static void
read_get_table(BatchGetTable *g, ItemDialect d)
{
	ExprParams	p = {0};
	Jsonb	   *keys = req_array(g->spec, "Keys");

	g->nkeys = JB_ROOT_COUNT(keys);
	dialect_expr_params(d, g->spec, &p);
	p.operation = "BatchGetItem";
	p.condition = p.update = NULL;
	p.expected = p.attribute_updates = NULL;
	p.conditional_operator = NULL;
	item_expressions_parse(&p, &g->expr);
	g->consistent = req_bool(g->spec, "ConsistentRead", false);
}

/* Read a table's Keys */
static void
read_get_keys(BatchGetTable *g, ItemDialect d)
{
	Jsonb	   *keys = req_array(g->spec, "Keys");
	char	   *path = psprintf("requestItems.%s.member.keys", g->name);

	g->keys = palloc(sizeof(Jsonb *) * g->nkeys);
	g->key_maps = palloc(sizeof(Jsonb *) * g->nkeys);
	for (int i = 0; i < g->nkeys; i++)
	{
		g->keys[i] = element_object(keys, i, path);
		g->key_maps[i] = dialect_item_in(d, g->keys[i]);
		/* DynamoDB refuses a key given twice before it looks for the table */
		for (int j = 0; j < i; j++)
			if (VARSIZE(g->key_maps[j]) == VARSIZE(g->key_maps[i]) &&
				memcmp(g->key_maps[j], g->key_maps[i], VARSIZE(g->key_maps[i])) == 0)
				dynamo_error(DYN_VALIDATION, "Provided list of item keys contains duplicates");
	}
}

/*
 * Read a whole BatchGetItem request: its parameter constraints checked as
 * its members are read (exec_read_members), then RequestItems
 */
void
exec_batch_get_item_request(Jsonb *req, ItemDialect d, BatchGetRequest *r)
{
	RequestMembers m;

	exec_read_members("BatchGetItem", req, &m);
	r->capacity = capacity_detail(req_value_string(request_member(&m, "ReturnConsumedCapacity")));
	exec_batch_get_request(req_value_object(request_member(&m, "RequestItems")), d, r);
}

/* Read BatchGetItem's RequestItems (up to 100 keys over any tables) */
void
exec_batch_get_request(Jsonb *request_items, ItemDialect d, BatchGetRequest *r)
{
	char	  **names;
	JsonbValue *values;
	int			n = request_tables(request_items, false, &names, &values);
	int			total = 0;

	r->ntables = n;
	r->tables = palloc0(sizeof(BatchGetTable) * n);
	for (int i = 0; i < n; i++)
	{
		r->tables[i].name = names[i];
		r->tables[i].spec = batch_table_entry(&values[i], false);
		read_get_table(&r->tables[i], d);
		total += r->tables[i].nkeys;
	}
	if (total > BATCH_GET_MAX_KEYS)
		dynamo_error(DYN_VALIDATION, "Too many items requested for the BatchGetItem call");
	for (int i = 0; i < n; i++)
		read_get_keys(&r->tables[i], d);
}

/* Push a table's unprocessed keys: its KeysAndAttributes with the rest of Keys */
static void
push_unprocessed_keys(JsonbParseState **st, BatchGetTable *g)
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
			jb_jsonb(st, NULL, g->keys[k]);
		jb_end_array(st);
	}
	jb_end_object(st);
}

/* The BatchGetItem response: Responses, UnprocessedKeys, ConsumedCapacity */
Jsonb *
exec_batch_get_response(BatchGetRequest *r, ItemDialect d)
{
	JsonbParseState *st = NULL;
	TableCapacity *units = palloc(sizeof(TableCapacity) * r->ntables);

	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "Responses");
	for (int i = 0; i < r->ntables; i++)
	{
		BatchGetTable *g = &r->tables[i];

		jb_begin_array(&st, g->name);
		for (int k = 0; k < g->processed; k++)
			if (g->items[k])
				jb_jsonb(&st, NULL, dialect_item_out(d, g->items[k]));
		jb_end_array(&st);
		units[i] = g->capacity;
	}
	jb_end_object(&st);
	jb_begin_object(&st, "UnprocessedKeys");
	for (int i = 0; i < r->ntables; i++)
		if (r->tables[i].processed < r->tables[i].nkeys)
			push_unprocessed_keys(&st, &r->tables[i]);
	jb_end_object(&st);
	push_capacity_list(&st, r->capacity, units, r->ntables);
	return jb_finish(&st);
}

/* ------------------------------------------------------------------------
 * BatchWriteItem
 * ------------------------------------------------------------------------
 */

/* Read one WriteRequest: exactly one of PutRequest and DeleteRequest */
static void
read_write_request(BatchWrite *w, Jsonb *req, ItemDialect d)
{
	Jsonb	   *put = req_object(req, "PutRequest");
	Jsonb	   *del = req_object(req, "DeleteRequest");

	if ((put == NULL) == (del == NULL))
		dynamo_error(DYN_VALIDATION,
					 "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
	if (put)
	{
		Jsonb	   *item = req_object(put, "Item");

		w->put_item = dialect_item_in(d, item);
		item_check_size(w->put_item);
	}
	else
	{
		Jsonb	   *key = req_object(del, "Key");

		w->delete_key = dialect_item_in(d, key);
	}
}

/*
 * ReturnItemCollectionMetrics and ReturnConsumedCapacity of a write
 * request's members (their constraints checked); *metrics: whether
 * ItemCollectionMetrics are asked for (SIZE)
 */
static CapacityDetail
write_capacity(RequestMembers *m, bool *metrics)
{
	char	   *s = req_value_string(request_member(m, "ReturnItemCollectionMetrics"));

	*metrics = s && strcmp(s, "SIZE") == 0;
	return capacity_detail(req_value_string(request_member(m, "ReturnConsumedCapacity")));
}

/*
 * Read a whole BatchWriteItem request: its parameter constraints checked
 * as its members are read (exec_read_members), then RequestItems
 */
void
exec_batch_write_item_request(Jsonb *req, ItemDialect d, BatchWriteRequest *r)
{
	RequestMembers m;

	exec_read_members("BatchWriteItem", req, &m);
	r->capacity = write_capacity(&m, &r->collection_metrics);
	exec_batch_write_request(req_value_object(request_member(&m, "RequestItems")), d, r);
}

/*
 * Read BatchWriteItem's RequestItems (up to 25 puts and deletes over any
 * tables); every request is checked before any is applied.
 */
void
exec_batch_write_request(Jsonb *request_items, ItemDialect d, BatchWriteRequest *r)
{
	char	  **names;
	JsonbValue *values;
	int			n = request_tables(request_items, true, &names, &values);
	Jsonb	  **lists = palloc(sizeof(Jsonb *) * n);
	int			total = 0;
	int			w = 0;

	for (int i = 0; i < n; i++)
	{
		lists[i] = batch_table_entry(&values[i], true);
		total += JB_ROOT_COUNT(lists[i]);
	}
	if (total > BATCH_WRITE_MAX_REQUESTS)
		dynamo_error(DYN_VALIDATION, "Too many items requested for the BatchWriteItem call");

	r->ntables = n;
	r->table_names = names;
	r->nwrites = total;
	r->writes = palloc0(sizeof(BatchWrite) * total);
	for (int i = 0; i < n; i++)
	{
		char	   *path = psprintf("requestItems.%s.member", names[i]);

		for (int k = 0; k < JB_ROOT_COUNT(lists[i]); k++, w++)
		{
			read_write_request(&r->writes[w], element_object(lists[i], k, path), d);
			r->writes[w].table_index = i;
		}
	}
}

/*
 * The BatchWriteItem response: UnprocessedItems (always empty),
 * ConsumedCapacity, and with ReturnItemCollectionMetrics SIZE the
 * ItemCollectionMetrics of the collections written, by table, for tables
 * with an LSI.
 */
Jsonb *
exec_batch_write_response(BatchWriteRequest *r, bool escaped)
{
	JsonbParseState *st = NULL;
	Jsonb	   *response;
	CollectionWrite *writes;

	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "UnprocessedItems");
	jb_end_object(&st);
	push_capacity_list(&st, r->capacity, r->tables, r->ntables);
	response = jb_finish(&st);
	if (!r->collection_metrics)
		return response;
	writes = palloc(sizeof(CollectionWrite) * Max(r->nwrites, 1));
	for (int w = 0; w < r->nwrites; w++)
	{
		writes[w].table = r->writes[w].target.table;
		writes[w].key = r->writes[w].target.key;
	}
	return index_collection_add_metrics(response, writes, r->nwrites, escaped);
}

/* ------------------------------------------------------------------------
 * TransactGetItems and TransactWriteItems
 * ------------------------------------------------------------------------
 */

/* Member names of each kind of action, and their names in messages */
static const char *const KindMembers[] = {"ConditionCheck", "Put", "Update", "Delete", "Get"};
static const char *const KindPaths[] = {"conditionCheck", "put", "update", "delete", "get"};

/* TransactItems: 1 to 100 actions */
static int
check_items_length(Jsonb *items)
{
	int			n;

	require_member(items, "transactItems");
	if (!JB_ROOT_IS_ARRAY(items) || JB_ROOT_IS_SCALAR(items))
		dynamo_error(DYN_SERIALIZATION, "Start of list expected");
	n = JB_ROOT_COUNT(items);
	validate_length(NULL, json_text(items), n, 1, TRANSACT_MAX_ITEMS, "transactItems");
	return n;
}

/* The kind of a TransactWriteItem: exactly one of its four members */
static TransactKind
write_action_kind(Jsonb *obj)
{
	int			found = -1;

	for (int k = TX_CONDITION_CHECK; k <= TX_DELETE; k++)
	{
		if (req_member(obj, KindMembers[k]) == NULL)
			continue;
		if (found >= 0)
			found = -2;
		else if (found == -1)
			found = k;
	}
	if (found < 0)
		dynamo_error(DYN_VALIDATION, "TransactItems can only contain one of Check, Put, Update or Delete");
	return (TransactKind) found;
}

/* A required member of an action, named by its path in messages */
static void *
action_member(void *value, const char *path, const char *member)
{
	require_member(value, psprintf("%s.%s", path, member));
	return value;
}

/* Parse one action's body: table, item or key, expressions */
static void
parse_action(TransactAction *a, Jsonb *body, int i, ItemDialect d)
{
	char	   *path = psprintf("transactItems.%d.member.%s", i + 1, KindPaths[a->kind]);
	bool		is_put = a->kind == TX_PUT;
	ExprParams	p = {0};

	a->table_name = action_member(req_string(body, "TableName"), path, "tableName");
	validate_table_ref(NULL, a->table_name, psprintf("%s.tableName", path));
	a->map = dialect_item_in(d, action_member(req_object(body, is_put ? "Item" : "Key"),
											  path, is_put ? "item" : "key"));
	if (is_put)
		item_check_size(a->map);
	dialect_expr_params(d, body, &p);
	p.operation = KindMembers[a->kind];
	if (a->kind == TX_UPDATE)
		action_member(p.update, path, "updateExpression");
	if (a->kind == TX_CONDITION_CHECK)
		action_member(p.condition, path, "conditionExpression");
	if (a->kind == TX_GET)
		p.condition = NULL;
	else
		p.projection = NULL;
	if (a->kind != TX_UPDATE)
		p.update = NULL;
	/* transactions take no legacy parameters */
	p.expected = p.attributes_to_get = p.attribute_updates = NULL;
	p.conditional_operator = NULL;
	item_expressions_parse(&p, &a->expr);
	item_condition_init(&a->condition, a->expr.condition);
	a->return_old_on_failure =
		parse_return_on_failure(req_string(body, "ReturnValuesOnConditionCheckFailure")) == RV_ALL_OLD;
}

/*
 * Read TransactItems (TransactGetItems' when !writes) into tx->actions:
 * the list's length, then each action in request order.
 */
void
exec_transact_request(Jsonb *items, ItemDialect d, bool writes, TransactRequest *tx)
{
	int			n = check_items_length(items);

	if (tx->token)
		tx->request_text = psprintf("%s:%s", d.plain ? "plain" : "typed", json_text(items));
	tx->nactions = n;
	tx->actions = palloc0(sizeof(TransactAction) * n);
	for (int i = 0; i < n; i++)
	{
		TransactAction *a = &tx->actions[i];
		Jsonb	   *obj = element_object(items, i, "transactItems");

		a->kind = writes ? write_action_kind(obj) : TX_GET;
		parse_action(a, action_member(req_object(obj, KindMembers[a->kind]),
									  psprintf("transactItems.%d.member", i + 1),
									  KindPaths[a->kind]),
					 i, d);
	}
}

/*
 * Read a whole TransactGetItems (!writes) or TransactWriteItems request:
 * its parameter constraints checked as its members are read
 * (exec_read_members), then ClientRequestToken, the capacity members and
 * TransactItems.  metrics (writes only, optional): whether
 * ItemCollectionMetrics are asked for.
 */
void
exec_transact_items_request(Jsonb *req, ItemDialect d, bool writes, TransactRequest *tx,
							bool *metrics)
{
	RequestMembers m;
	bool		want_metrics;

	exec_read_members(writes ? "TransactWriteItems" : "TransactGetItems", req, &m);
	if (writes)
	{
		tx->token = req_value_string(request_member(&m, "ClientRequestToken"));
		transact_check_token(tx->token);
		tx->capacity = write_capacity(&m, metrics ? metrics : &want_metrics);
	}
	else
		tx->capacity = capacity_detail(req_value_string(request_member(&m, "ReturnConsumedCapacity")));
	exec_transact_request(req_value_array(request_member(&m, "TransactItems")), d, writes, tx);
}
