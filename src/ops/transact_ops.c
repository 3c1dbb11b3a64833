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
#include "batch.h"

/* ClientRequestToken: 1 to 36 characters */
void
transact_check_token(const char *token)
{
	if (token == NULL)
		return;
	validate_length(NULL, token, pg_mbstrlen(token), 1, TRANSACT_MAX_TOKEN, "clientRequestToken");
}

/*
 * Resolve an action's table and key.  A key that does not match the
 * table's schema cancels the transaction (reason ValidationError); false
 * then.
 */
static bool
resolve_action(TransactAction *a)
{
	DynamoTable *t = item_table_lookup(a->table_name);
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
		item_key_from_listed_key(t, a->map, &a->target.key);
	return true;
}

/*
 * Resolve the tables and keys of a transaction read by its door.  Every
 * error DynamoDB raises before a transaction starts is raised by then.
 */
void
transact_prepare(TransactRequest *tx)
{
	int			n = tx->nactions;
	ItemTarget **targets = palloc(sizeof(ItemTarget *) * Max(n, 1));
	int			nvalid = 0;
	int64		bytes = 0;
	bool		cancelled = false;

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
 * the same reads or writes outside a transaction (on its indexes too).
 */
void
transact_push_capacity(JsonbParseState **st, TransactRequest *tx, bool write)
{
	TableCapacity *tables;
	int			ntables = 0;

	if (tx->capacity == CAPACITY_NONE)
		return;
	tables = palloc(sizeof(TableCapacity) * tx->nactions);
	for (int i = 0; i < tx->nactions; i++)
	{
		TransactAction *a = &tx->actions[i];
		TableCapacity *tc = capacity_of_table(tables, &ntables, a->target.table, write);

		tc->name = a->table_name;
		if (write)
			capacity_add_write(tc, a->bytes, NULL, NULL, a->index_units, 2);
		else
			tc->units += 2 * capacity_units(a->bytes, false, true);
	}
	push_capacity_list(st, tx->capacity, tables, ntables);
}

/*
 * TransactGetItems: every item read from the one snapshot of the calling
 * statement (read-only SPI statements share it).  items[i] gets action i's
 * item, projected, or NULL when there is none.
 */
void
dynamo_transact_get_items(TransactRequest *tx, Jsonb **items)
{
	transact_prepare(tx);
	for (int i = 0; i < tx->nactions; i++)
	{
		TransactAction *a = &tx->actions[i];
		Jsonb	   *item = dynamo_get_item(a->target.table, &a->target.key);

		a->bytes = item ? item_size(item) : 0;
		items[i] = item_project(&a->expr, item);
	}
	advisor_count_transact(tx, false);
}
