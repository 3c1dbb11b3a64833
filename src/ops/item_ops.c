/*
 * item_ops.c
 *		Put, get and delete of single items.
 *
 * Concurrency: a write that depends on the existing item (a condition, or
 * ReturnValues) first locks it with SELECT .. FOR UPDATE.  When there is no
 * item to lock, it inserts with ON CONFLICT DO NOTHING; losing that race to
 * a concurrent insert means looking again, now at the committed item, so a
 * condition is always decided on the item that the write replaces.  All of
 * it runs in the caller's transaction: a ROLLBACK undoes it.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/rls.h"

#include "errors.h"
#include "validate.h"
#include "indexes.h"
#include "storage.h"
#include "items.h"

/* How often a write retries after losing an insert race before giving up */
#define MAX_INSERT_RACES 1000

/*
 * ReturnValues of PutItem and DeleteItem: NONE or ALL_OLD.  (UpdateItem
 * takes all five; see update_item.c.)
 */
ReturnValues
parse_return_values(const char *s, const char *operation)
{
	static const char *const names[] = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};
	bool		updates = strcmp(operation, "UpdateItem") == 0;

	if (s == NULL)
		return RV_NONE;
	for (int i = 0; i < lengthof(names); i++)
	{
		if (strcmp(s, names[i]) != 0)
			continue;
		if (!updates && i != RV_NONE && i != RV_ALL_OLD)
			dynamo_error(DYN_VALIDATION, "Return values set to invalid value");
		return (ReturnValues) i;
	}
	validate_enum(NULL, s, "returnValues", "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
	pg_unreachable();
}

/* ReturnValuesOnConditionCheckFailure: NONE or ALL_OLD */
ReturnValues
parse_return_on_failure(const char *s)
{
	if (s == NULL || strcmp(s, "NONE") == 0)
		return RV_NONE;
	if (strcmp(s, "ALL_OLD") == 0)
		return RV_ALL_OLD;
	validate_enum(NULL, s, "returnValuesOnConditionCheckFailure", "[ALL_OLD, NONE]");
	pg_unreachable();
}

/*
 * Connect to SPI.  Until SPI_finish, palloc goes to SPI's memory, which
 * SPI_finish frees: what outlives it is copied out with item_transfer().
 */
void
item_spi_connect(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
}

/* Copy an item (detoasted) to the memory of SPI_connect's caller */
Jsonb *
item_transfer(Jsonb *item)
{
	if (item == NULL)
		return NULL;
	return (Jsonb *) DatumGetPointer(SPI_datumTransfer(JsonbPGetDatum(item), false, -1));
}

/* Reject an item over DynamoDB's 400 KB */
void
item_check_size(Jsonb *item)
{
	if (item_size(item) > DYNAMO_MAX_ITEM_SIZE)
		dynamo_error(DYN_VALIDATION, "Item size has exceeded the maximum allowed size");
}

/* Arguments of a keyed plan: the key columns, then optionally the item */
static void
key_args(ItemKey *key, Jsonb *item, Datum *args)
{
	for (int i = 0; i < key->nkeys; i++)
		args[i] = key->values[i];
	if (item)
		args[key->nkeys] = JsonbPGetDatum(item);
}

/* Run a keyed plan; returns the first column of its only row, if any */
static Jsonb *
run_item_plan(DynamoTable *t, ItemPlan which, ItemKey *key, Jsonb *item,
			  uint64 *processed)
{
	Datum		args[3];
	int			rc;
	Jsonb	   *result = NULL;

	key_args(key, item, args);
	/* never read-only: a read sees the statement's earlier writes (VOLATILE) */
	rc = SPI_execute_plan(dynamo_table_plan(t, which), args, NULL, false, 1);
	if (rc < 0)
		elog(ERROR, "item statement failed: %s", SPI_result_code_string(rc));
	if (processed)
		*processed = SPI_processed;
	if (SPI_tuptable && SPI_processed > 0)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		/* detoast here, then copy out of SPI's memory into the caller's */
		if (!isnull)
			result = item_transfer(DatumGetJsonbP(d));
	}
	return result;
}

/* Lock an item for a conditional write; NULL when there is none */
Jsonb *
item_lock(DynamoTable *t, ItemKey *key)
{
	return run_item_plan(t, PLAN_LOCK, key, NULL, NULL);
}

/* Insert an item unless one appeared meanwhile; false if it did */
static bool
item_insert_new(DynamoTable *t, ItemKey *key, Jsonb *item)
{
	uint64		processed;

	(void) run_item_plan(t, PLAN_INSERT, key, item, &processed);
	return processed == 1;
}

/* Replace an item this transaction has locked */
static void
item_replace(DynamoTable *t, ItemKey *key, Jsonb *item)
{
	(void) run_item_plan(t, PLAN_UPDATE, key, item, NULL);
}

/*
 * Decide a condition on the existing item: ConditionalCheckFailedException,
 * with the item as structured detail when the request asked for it.
 */
void
item_check_condition(ItemCondition *cond, Jsonb *old_item)
{
	if (cond->check == NULL || cond->check(cond->arg, old_item))
		return;
	if (cond->return_old_on_failure && old_item)
	{
		Jsonb	   *plain = item_to_plain(old_item, true);

		dynamo_error_detail(DYN_CONDITIONAL_CHECK_FAILED,
							psprintf("{\"Item\": %s}",
									 JsonbToCString(NULL, &plain->root, VARSIZE(plain))),
							"The conditional request failed");
	}
	dynamo_error(DYN_CONDITIONAL_CHECK_FAILED, "The conditional request failed");
}

/*
 * After an insert lost twice to an item the lock did not see: under row
 * level security that item is one the role cannot see, which no retry will
 * change; say so at once.
 */
static void
item_check_hidden(DynamoTable *t)
{
	if (check_enable_rls(t->relid, InvalidOid, true) == RLS_ENABLED)
		dynamo_error(DYN_ACCESS_DENIED,
					 "User is not authorized to perform this write: an item with this key exists that row level security hides from the current role");
}

/*
 * The one write protocol of items that depend on the existing one: lock it,
 * check the condition, compute the new item with rewrite (NULL: write
 * nothing), then replace it, or insert it where there was none.  Losing the
 * insert to a concurrent writer means starting again on the item that won.
 * Returns the existing item (NULL if none); *new_out gets the written one.
 * Must be called connected to SPI.
 */
Jsonb *
item_write_locked(DynamoTable *t, ItemKey *key, ItemCondition *cond,
				  ItemRewriteFn rewrite, void *arg, Jsonb **new_out)
{
	for (int attempt = 0; attempt < MAX_INSERT_RACES; attempt++)
	{
		Jsonb	   *old = item_lock(t, key);
		Jsonb	   *new;

		item_check_condition(cond, old);
		new = rewrite(arg, old);
		if (new_out)
			*new_out = new;
		if (new == NULL)
			return old;
		item_check_size(new);
		index_check_item(t, key, new);
		if (old)
			item_replace(t, key, new);
		else if (!item_insert_new(t, key, new))
		{
			if (attempt > 0)
				item_check_hidden(t);
			continue;
		}
		return old;
	}
	dynamo_error(DYN_TRANSACTION_CONFLICT, "Transaction is ongoing for the item");
}

/* PutItem's rewrite: the new item replaces whatever was there */
static Jsonb *
put_new_item(void *arg, Jsonb *old_item)
{
	return ((PutItemRequest *) arg)->item;
}

/*
 * Does a conditional put expect no item?  So it does when its condition
 * holds on a missing item but not on one holding just the key, as
 * attribute_not_exists(<key attribute>), the idiom for "create", does.
 */
static bool
put_expects_no_item(PutItemRequest *req, ItemKey *key)
{
	ItemCondition *c = &req->condition;

	return c->check && c->check(c->arg, NULL) &&
		!c->check(c->arg, item_key_only_item(req->table, key));
}

/*
 * Put an item, replacing any with the same key.  Returns the replaced item
 * (stored form) when ReturnValues is ALL_OLD or need_old is set, else NULL.
 * The item's size is checked where it is read (item_check_size), as
 * DynamoDB checks it before the table.
 *
 * A put that expects no item inserts first (ON CONFLICT DO NOTHING): when
 * the insert wins there was no item, on which the condition holds, and the
 * put is done in one statement; when it loses, the locked protocol decides
 * the condition on the item that is there.
 */
Jsonb *
dynamo_put_item(PutItemRequest *req)
{
	ItemKey		key;
	Jsonb	   *old;

	item_key_from_item(req->table, req->item, &key);
	index_check_item(req->table, &key, req->item);
	item_spi_connect();

	if (req->condition.check == NULL && req->return_values == RV_NONE && !req->need_old)
	{
		(void) run_item_plan(req->table, PLAN_UPSERT, &key, req->item, NULL);
		SPI_finish();
		return NULL;
	}
	if (put_expects_no_item(req, &key) && item_insert_new(req->table, &key, req->item))
	{
		SPI_finish();
		return NULL;
	}
	old = item_write_locked(req->table, &key, &req->condition, put_new_item, req, NULL);
	SPI_finish();
	return (req->return_values == RV_ALL_OLD || req->need_old) ? old : NULL;
}

/*
 * Read an item by key; NULL when there is none.  Straight through the
 * primary key index where it may (item_fetch.c), else with the prepared plan.
 */
Jsonb *
dynamo_get_item(DynamoTable *t, ItemKey *key)
{
	Jsonb	   *item;

	if (item_fetch(t, key, &item))
		return item;
	item_spi_connect();
	item = run_item_plan(t, PLAN_GET, key, NULL, NULL);
	SPI_finish();
	return item;
}

/*
 * Delete an item by key.  Returns the deleted item when ReturnValues is
 * ALL_OLD or need_old is set, else NULL.  Deleting a missing item is not an error.
 */
Jsonb *
dynamo_delete_item(DeleteItemRequest *req)
{
	Jsonb	   *old;

	item_spi_connect();
	if (req->condition.check)
	{
		old = item_lock(req->table, &req->key);
		item_check_condition(&req->condition, old);
	}
	old = run_item_plan(req->table, PLAN_DELETE, &req->key, NULL, NULL);
	SPI_finish();
	return (req->return_values == RV_ALL_OLD || req->need_old) ? old : NULL;
}
