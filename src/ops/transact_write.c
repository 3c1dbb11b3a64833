/*
 * transact_write.c
 *		TransactWriteItems: all actions or none, inside the caller's
 *		transaction.
 *
 * Protocol: the actions run in an internal subtransaction (as PL/pgSQL runs
 * an exception block), in lock order (table, key), so concurrent
 * transactions over the same items cannot deadlock on each other.  First
 * every item is locked (SELECT .. FOR UPDATE) and every condition decided,
 * so that all failed conditions are reported together; then the writes run,
 * each deciding its condition again on the item it replaces (an item that
 * was missing could not be locked, and may have appeared meanwhile).
 *
 * When the transaction cancels (a failed condition, a validation error met
 * while writing, a deadlock or serialization failure), the subtransaction is
 * rolled back, undoing only this request's writes, and
 * TransactionCanceledException is raised; any other error is rethrown as it
 * is.  The caller's own work before the call is untouched either way.
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/resowner.h"

#include "advisor.h"
#include "errors.h"
#include "indexes.h"
#include "json_build.h"
#include "batch.h"
#include "items.h"

#define ERRSTATE_DY(s) (strcmp(unpack_sql_state(sqlerrcode), s) == 0)

/*
 * An action's condition on the existing item, remembering why it failed.
 * Serves as the ItemCondition of the writes too (arg: the action).
 */
static bool
action_condition_holds(void *arg, Jsonb *old_item)
{
	TransactAction *a = arg;

	if (a->condition.check == NULL || a->condition.check(a->condition.arg, old_item))
		return true;
	a->code = "ConditionalCheckFailed";
	a->message = "The conditional request failed";
	a->old_item = old_item;
	return false;
}

/* Lock every item and decide every condition; false if any failed */
static bool
check_conditions(TransactAction **order, int n, volatile int *current)
{
	bool		holds = true;

	item_spi_connect();
	for (int i = 0; i < n; i++)
	{
		TransactAction *a = order[i];
		Jsonb	   *old;

		*current = i;
		old = item_lock(a->target.table, &a->target.key);
		if (!action_condition_holds(a, old))
			holds = false;
		else if (a->kind == TX_CONDITION_CHECK)
			a->bytes = old ? item_size(old) : 0;
	}
	SPI_finish();
	return holds;
}

/*
 * Run one write action on its locked item; need_sizes: count the capacity
 * it consumes, on its indexes too
 */
static void
apply_action(TransactAction *a, bool need_sizes)
{
	ItemCondition cond = {.check = action_condition_holds, .arg = a};
	DynamoTable *t = a->target.table;

	if (a->condition.check == NULL)
		cond.check = NULL;
	if (need_sizes && t->nindexes > 0 && a->kind != TX_CONDITION_CHECK)
		a->index_units = palloc(sizeof(double) * t->nindexes);
	if (a->kind == TX_PUT)
	{
		PutItemRequest put = {.table = t, .item = a->map, .condition = cond,
		.need_old = need_sizes};
		Jsonb	   *old = dynamo_put_item(&put);

		a->bytes = Max(item_size(a->map), old ? item_size(old) : 0);
		if (a->index_units)
			index_write_units(t, old, a->map, a->index_units);
	}
	else if (a->kind == TX_UPDATE)
	{
		UpdateItemRequest upd = {.table = t, .key = a->target.key,
			.update = a->expr.update, .condition = cond,
		.return_values = need_sizes ? RV_ALL_NEW : RV_NONE, .index_units = a->index_units};
		(void) dynamo_update_item(&upd);
		a->bytes = upd.write_bytes;
	}
	else if (a->kind == TX_DELETE)
	{
		DeleteItemRequest del = {.table = t, .key = a->target.key,
		.condition = cond, .need_old = true};
		Jsonb	   *old = dynamo_delete_item(&del);

		a->bytes = old ? item_size(old) : 0;
		if (a->index_units)
			index_write_units(t, old, NULL, a->index_units);
	}
	/* it was written: a reason recorded on the way (a put asking whether
	 * it expects no item tries its condition on a made-up one) is void */
	a->code = NULL;
	a->message = NULL;
	a->old_item = NULL;
}

/*
 * The transaction itself, inside the subtransaction: NULL when a condition
 * failed (nothing written), else the response.  *current is the position
 * (in lock order) of the action at work, for errors.
 */
static Jsonb *
run_transaction(TransactRequest *tx, TransactAction **order, volatile int *current)
{
	JsonbParseState *st = NULL;
	Jsonb	   *response;

	if (tx->token)
	{
		response = transact_token_claim(tx->token, tx->request_text);
		if (response)
			return response;	/* a retry: the first request's response */
	}
	if (!check_conditions(order, tx->nactions, current))
		return NULL;
	for (int i = 0; i < tx->nactions; i++)
	{
		*current = i;
		apply_action(order[i], tx->capacity != CAPACITY_NONE);
	}
	*current = -1;

	jb_begin_object(&st, NULL);
	transact_push_capacity(&st, tx, true);
	response = jb_finish(&st);
	if (tx->token)
		transact_token_save(tx->token, response);
	return response;
}

/*
 * Record the reason an error gives the action at work to cancel the
 * transaction; false for errors that are not a cancellation.
 */
static bool
record_cancellation(TransactAction *a, ErrorData *edata)
{
	int			sqlerrcode = edata->sqlerrcode;

	if (a == NULL)
		return false;
	if (ERRSTATE_DY("DY004"))
		return a->code != NULL; /* failed in action_condition_holds */
	if (ERRSTATE_DY("DY001"))
	{
		a->code = "ValidationError";
		a->message = edata->message;
		return true;
	}
	if (ERRSTATE_DY("DY006") || sqlerrcode == ERRCODE_T_R_DEADLOCK_DETECTED ||
		sqlerrcode == ERRCODE_T_R_SERIALIZATION_FAILURE || sqlerrcode == ERRCODE_LOCK_NOT_AVAILABLE)
	{
		a->code = "TransactionConflict";
		a->message = "Transaction is ongoing for the item";
		return true;
	}
	return false;
}

/*
 * Apply a TransactWriteItems request read by its door all or nothing, once
 * its tables and keys are resolved (transact_prepare).  Returns the
 * response ({} or ConsumedCapacity); a retry with the same
 * ClientRequestToken gets the first response again without effect.
 */
Jsonb *
dynamo_transact_write_items(TransactRequest *tx)
{
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	TransactAction **order;
	volatile int current = -1;
	Jsonb	   *volatile response = NULL;

	transact_prepare(tx);
	order = palloc(sizeof(TransactAction *) * tx->nactions);
	for (int i = 0; i < tx->nactions; i++)
		order[i] = &tx->actions[i];
	/* actions start with their target, so they sort as targets */
	order = (TransactAction **) item_targets_sorted((ItemTarget **) order, tx->nactions);

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		response = run_transaction(tx, order, &current);
		if (response)
			ReleaseCurrentSubTransaction();
		else
			RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		ErrorData  *edata = dynamo_subxact_abort(cxt, owner);

		if (!record_cancellation(current >= 0 ? order[current] : NULL, edata))
			ReThrowError(edata);
	}
	PG_END_TRY();
	if (response == NULL)
		transact_cancel(tx);
	advisor_count_transact(tx, true);
	return response;
}
