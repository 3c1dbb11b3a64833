/*
 * transact_ops.c
 *		TransactGetItems and TransactWriteItems: reading and validating
 *		TransactItems, cancellation, and TransactGetItems itself.
 *
 * Validation follows DynamoDB's order: the list and token lengths, then
 * each action in request order (its shape, item or key, expressions), then
 * tables and keys, distinct items and the aggregate size.  Only then does
 * anything run.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "advisor.h"
#include "errors.h"
#include "validate.h"
#include "json_read.h"
#include "json_build.h"
#include "transact_ops.h"

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

/* ClientRequestToken: 1 to 36 characters */
void
transact_check_token(const char *token)
{
	if (token == NULL)
		return;
	validate_length(NULL, token, pg_mbstrlen(token), 1, TRANSACT_MAX_TOKEN, "clientRequestToken");
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
	dynamo_check_table_name(a->table_name, psprintf("%s.tableName", path));
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
 * Resolve an action's table and key.  A key that does not match the
 * table's schema cancels the transaction (reason ValidationError); false
 * then.
 */
static bool
resolve_action(TransactAction *a)
{
	DynamoTable *t = dynamo_table_lookup(a->table_name, false);
	const char *mismatch = key_schema_mismatch(t, a->map, a->kind == TX_PUT);

	a->target.table = t;
	if (mismatch)
	{
		a->code = "ValidationError";
		a->message = mismatch;
		return false;
	}
	if (a->kind == TX_PUT)
		item_key_from_item(t, a->map, &a->target.key);
	else
		item_key_from_key(t, a->map, &a->target.key);
	return true;
}

/*
 * Read and validate tx->items (TransactGetItems when !writes), filling
 * tx->actions.  Every error DynamoDB raises before a transaction starts is
 * raised here.
 */
void
transact_parse(TransactRequest *tx, bool writes)
{
	int			n = check_items_length(tx->items);
	ItemTarget **targets = palloc(sizeof(ItemTarget *) * n);
	int			nvalid = 0;
	int64		bytes = 0;
	bool		cancelled = false;

	tx->nactions = n;
	tx->actions = palloc0(sizeof(TransactAction) * n);
	for (int i = 0; i < n; i++)
	{
		TransactAction *a = &tx->actions[i];
		Jsonb	   *obj = element_object(tx->items, i, "transactItems");

		a->kind = writes ? write_action_kind(obj) : TX_GET;
		parse_action(a, action_member(req_object(obj, KindMembers[a->kind]),
									  psprintf("transactItems.%d.member", i + 1),
									  KindPaths[a->kind]),
					 i, tx->dialect);
	}
	for (int i = 0; i < n; i++)
	{
		if (resolve_action(&tx->actions[i]))
			targets[nvalid++] = &tx->actions[i].target;
		else
		{
			/* DynamoDB stops at the first invalid action: the later ones show None */
			if (cancelled)
				tx->actions[i].code = tx->actions[i].message = NULL;
			cancelled = true;
		}
		bytes += item_size(tx->actions[i].map);
	}
	if (item_targets_have_duplicates(item_targets_sorted(targets, nvalid), nvalid))
		dynamo_error(DYN_VALIDATION, "Transaction request cannot include multiple operations on one item");
	if (bytes > TRANSACT_MAX_BYTES)
		dynamo_error(DYN_VALIDATION, "Transaction request size cannot exceed 4 MB");
	if (cancelled)
		transact_cancel(tx);
}

/*
 * Raise TransactionCanceledException: one reason per action, in request
 * order, as DynamoDB's message lists them and errdetail carries them.
 * Items are plain JSON, as in ConditionalCheckFailedException's detail.
 */
void
transact_cancel(TransactRequest *tx)
{
	StringInfoData codes;
	JsonbParseState *st = NULL;
	Jsonb	   *detail;

	initStringInfo(&codes);
	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "CancellationReasons");
	for (int i = 0; i < tx->nactions; i++)
	{
		TransactAction *a = &tx->actions[i];
		const char *code = a->code ? a->code : "None";

		appendStringInfo(&codes, "%s%s", i ? ", " : "", code);
		jb_begin_object(&st, NULL);
		jb_string(&st, "Code", code);
		if (a->message)
			jb_string(&st, "Message", a->message);
		if (a->old_item && a->return_old_on_failure && a->code &&
			strcmp(a->code, "ConditionalCheckFailed") == 0)
			jb_jsonb(&st, "Item", item_to_plain(a->old_item, true));
		jb_end_object(&st);
	}
	jb_end_array(&st);
	detail = jb_finish(&st);
	transact_raise_cancelled(detail, codes.data);
}

/* Raise TransactionCanceledException: its reasons, and their codes listed */
void
transact_raise_cancelled(Jsonb *reasons, const char *codes)
{
	dynamo_error_detail(DYN_TRANSACTION_CANCELED, json_text(reasons),
						"Transaction cancelled, please refer cancellation reasons for specific reasons [%s]",
						codes);
}

/*
 * Push ConsumedCapacity of a transaction: per table, twice the units of
 * the same reads or writes outside a transaction.
 */
void
transact_push_capacity(JsonbParseState **st, TransactRequest *tx, bool write)
{
	char	  **names = palloc(sizeof(char *) * tx->nactions);
	double	   *units = palloc0(sizeof(double) * tx->nactions);
	int			ntables = 0;

	if (tx->capacity == CAPACITY_NONE)
		return;
	for (int i = 0; i < tx->nactions; i++)
	{
		TransactAction *a = &tx->actions[i];
		int			t;

		for (t = 0; t < ntables && strcmp(names[t], a->table_name) != 0; t++)
			;
		if (t == ntables)
			names[ntables++] = a->table_name;
		units[t] += 2 * capacity_units(a->bytes, write, true);
	}
	jb_begin_array(st, "ConsumedCapacity");
	for (int t = 0; t < ntables; t++)
		push_capacity_units(st, NULL, tx->capacity, names[t], units[t]);
	jb_end_array(st);
}

/*
 * TransactGetItems: every item read from the one snapshot of the calling
 * statement (read-only SPI statements share it).  items[i] gets action i's
 * item, projected, or NULL when there is none.
 */
void
dynamo_transact_get_items(TransactRequest *tx, Jsonb **items)
{
	for (int i = 0; i < tx->nactions; i++)
	{
		TransactAction *a = &tx->actions[i];
		Jsonb	   *item = dynamo_get_item(a->target.table, &a->target.key);

		a->bytes = item ? item_size(item) : 0;
		items[i] = item_project(&a->expr, item);
	}
	advisor_count_transact(tx, false);
}
