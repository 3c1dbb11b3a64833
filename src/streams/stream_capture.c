/*
 * stream_capture.c
 *		The capture trigger: one stream record per change of an item, written
 *		in the writing transaction.
 *
 * dynamo.stream_capture() runs AFTER each row written to the item table of
 * a stream-enabled table, whichever door wrote it (the SQL functions,
 * execute(), batches, transactions, TTL expiry, plain INSERT / UPDATE /
 * DELETE, and TRUNCATE: a REMOVE per item).  A rolled back write takes its
 * record with it; an UPDATE that
 * leaves the item as it was (stored items are canonical, so equal items
 * have equal jsonb) writes none; an UPDATE that moves an item to another
 * key is a REMOVE and an INSERT.  Writers of one item are serialised by its
 * row lock, so their records' sequence numbers follow their commit order.
 *
 * Before its first record, a transaction takes a number k from the
 * sequence and holds a transaction-level advisory lock keyed by k (field4
 * STREAM_LOCK_TAG, so it cannot collide with users' advisory locks); every
 * record it then writes has a sequence number above k.  Readers use these
 * locks to find the lowest sequence number still in flight (stream_read.c).
 */
#include "postgres.h"

#include "access/table.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/xid8.h"

#include "attr_value.h"
#include "streams.h"
#include "ttl.h"

/*
 * Whether the change being captured is made by the service: TTL expiry sets
 * dynamo_ttl_expiring around its deletes (ttl.c), whose REMOVE records carry
 * the service's userIdentity
 */
bool
stream_service_principal(void)
{
	return dynamo_ttl_expiring;
}

/* The advisory lock held by this transaction's writer, and its key */
static int64 writer_key;
static LocalTransactionId writer_lxid = InvalidLocalTransactionId;

/* The table of stream records */
Oid
stream_records_oid(void)
{
	Oid			rel = get_relname_relid("stream_records", get_namespace_oid("dynamo", false));

	if (!OidIsValid(rel))
		elog(ERROR, "pg_dynamo stream catalog is missing");
	return rel;
}

/* The sequence of stream records */
Oid
stream_sequence_oid(void)
{
	Oid			seq = get_relname_relid("stream_sequence", get_namespace_oid("dynamo", false));

	if (!OidIsValid(seq))
		elog(ERROR, "pg_dynamo stream sequence is missing");
	return seq;
}

/*
 * Hold this transaction's writer lock: a key below every sequence number
 * the transaction takes from now on.  A subtransaction's abort releases the
 * lock; the next record takes a new one.
 */
static void
hold_writer_lock(Oid seq)
{
	LOCKTAG		tag;

	if (writer_lxid == MyProc->lxid)
	{
		stream_lock_tag(&tag, writer_key);
		if (LockHeldByMe(&tag, ShareLock))
			return;
	}
	writer_key = nextval_internal(seq, false);
	stream_lock_tag(&tag, writer_key);
	(void) LockAcquire(&tag, ShareLock, false, false);
	writer_lxid = MyProc->lxid;
}

/*
 * Check that a capture trigger belongs to its stream: the stream is enabled
 * on the table the trigger fires on.  Otherwise a table owner could add
 * records to another table's stream (records are written as the catalog's
 * owner).  Pairs found right are remembered for the backend's life: a
 * stream id names one table forever.
 */
static void
check_trigger_stream(int32 stream_id, Oid relid)
{
	static struct
	{
		int32		stream_id;
		Oid			relid;
	}			known[64];
	static int	nknown = 0;
	static int	next = 0;
	Oid			types[2] = {INT4OID, OIDOID};
	Datum		values[2] = {Int32GetDatum(stream_id), ObjectIdGetDatum(relid)};
	StreamOwner so;
	bool		ok;

	for (int i = 0; i < nknown; i++)
		if (known[i].stream_id == stream_id && known[i].relid == relid)
			return;
	stream_spi_connect(&so);
	ok = SPI_execute_with_args("SELECT 1 FROM dynamo.streams s JOIN dynamo.tables t"
							   " ON t.table_id OPERATOR(pg_catalog.=) s.table_id"
							   " WHERE s.stream_id OPERATOR(pg_catalog.=) $1 AND s.disabled_at IS NULL"
							   " AND t.relation OPERATOR(pg_catalog.=) $2::pg_catalog.regclass",
							   2, types, values, NULL, true, 1) == SPI_OK_SELECT && SPI_processed == 1;
	stream_spi_finish(&so);
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("dynamo.stream_capture() fired on a table that is not the one of stream %d", stream_id)));
	known[next].stream_id = stream_id;
	known[next].relid = relid;
	next = (next + 1) % lengthof(known);
	nknown = Min(nknown + 1, lengthof(known));
}

/* The item column of a row */
static Jsonb *
row_item(HeapTuple tuple, TupleDesc desc)
{
	bool		isnull;
	Datum		d = heap_getattr(tuple, SPI_fnumber(desc, "item"), desc, &isnull);

	return isnull ? NULL : DatumGetJsonbP(d);
}

/* The key attributes of an item, as an item: {pk: v[, sk: v]} */
static Jsonb *
item_keys(Jsonb *item, const char *pk, const char *sk)
{
	JsonbParseState *st = NULL;
	const char *names[2] = {pk, sk};

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < 2 && names[i]; i++)
	{
		JsonbValue	k,
				   *v;

		k.type = jbvString;
		k.val.string.val = (char *) names[i];
		k.val.string.len = strlen(names[i]);
		v = getKeyJsonValueFromContainer(&item->root, k.val.string.val, k.val.string.len, NULL);
		if (v == NULL)
			continue;
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_VALUE, v);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/* Whether two items (or keys) are equal: stored items are canonical */
static bool
jsonb_equal(Jsonb *a, Jsonb *b)
{
	return compareJsonbContainers(&a->root, &b->root) == 0;
}

/* Columns of dynamo.stream_records, in order (src/sql/70_streams.sql) */
enum
{
	COL_STREAM_ID, COL_SEQ, COL_EVENT_NAME, COL_KEYS, COL_NEW_IMAGE, COL_OLD_IMAGE,
	COL_SIZE_BYTES, COL_CREATED_AT, COL_XID, COL_SERVICE, RECORD_COLUMNS
};

/*
 * Write one record of a stream, images as the view type keeps them.  The
 * row goes straight into dynamo.stream_records and its primary key index,
 * as catalog rows do (no executor: a record costs a heap and an index
 * insert); no privilege on the table is needed.
 */
static void
write_record(int32 stream_id, const char *view, const char *event,
			 Jsonb *keys, Jsonb *old_item, Jsonb *new_item)
{
	Oid			seq = stream_sequence_oid();
	bool		keys_only = strcmp(view, "KEYS_ONLY") == 0;
	bool		new_kept = !keys_only && strcmp(view, "OLD_IMAGE") != 0 && new_item;
	bool		old_kept = !keys_only && strcmp(view, "NEW_IMAGE") != 0 && old_item;
	int64		size = item_size(keys);
	Datum		values[RECORD_COLUMNS];
	bool		nulls[RECORD_COLUMNS] = {0};
	Relation	rel;
	HeapTuple	tuple;

	if (new_kept)
		size += item_size(new_item);
	if (old_kept)
		size += item_size(old_item);
	hold_writer_lock(seq);

	rel = table_open(stream_records_oid(), RowExclusiveLock);
	if (RelationGetDescr(rel)->natts != RECORD_COLUMNS)
		elog(ERROR, "dynamo.stream_records does not have the columns this library writes");
	values[COL_STREAM_ID] = Int32GetDatum(stream_id);
	values[COL_SEQ] = Int64GetDatum(nextval_internal(seq, false));
	values[COL_EVENT_NAME] = CStringGetTextDatum(event);
	values[COL_KEYS] = JsonbPGetDatum(keys);
	values[COL_NEW_IMAGE] = new_kept ? JsonbPGetDatum(new_item) : (Datum) 0;
	nulls[COL_NEW_IMAGE] = !new_kept;
	values[COL_OLD_IMAGE] = old_kept ? JsonbPGetDatum(old_item) : (Datum) 0;
	nulls[COL_OLD_IMAGE] = !old_kept;
	values[COL_SIZE_BYTES] = Int32GetDatum((int32) size);
	values[COL_CREATED_AT] = TimestampTzGetDatum(GetCurrentTimestamp());
	values[COL_XID] = FullTransactionIdGetDatum(GetTopFullTransactionId());
	values[COL_SERVICE] = BoolGetDatum(strcmp(event, "REMOVE") == 0 && stream_service_principal());
	tuple = heap_form_tuple(RelationGetDescr(rel), values, nulls);
	CatalogTupleInsert(rel, tuple);
	heap_freetuple(tuple);
	table_close(rel, NoLock);
}

/*
 * TRUNCATE (BEFORE, FOR EACH STATEMENT): a REMOVE record for every item, in
 * key order, read as the catalog's owner a batch at a time, so a consumer
 * replaying the stream empties the table too.
 */
static void
capture_truncate(Relation rel, int32 stream_id, const char *view, const char *pk, const char *sk)
{
	StreamOwner so;
	Portal		cursor;

	stream_spi_connect(&so);
	cursor = SPI_cursor_open_with_args(NULL,
									   psprintf("SELECT item FROM %s ORDER BY pk%s",
												quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
																		   RelationGetRelationName(rel)),
												sk ? ", sk" : ""),
									   0, NULL, NULL, NULL, true, 0);
	for (;;)
	{
		SPI_cursor_fetch(cursor, true, 1000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			Jsonb	   *item = row_item(SPI_tuptable->vals[i], SPI_tuptable->tupdesc);

			CHECK_FOR_INTERRUPTS();
			write_record(stream_id, view, "REMOVE", item_keys(item, pk, sk), item, NULL);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(cursor);
	stream_spi_finish(&so);
}

/*
 * Capture one row change of a trigger on an item table (or a TRUNCATE).
 * Trigger arguments: stream id, StreamViewType, partition key name, sort
 * key name.
 */
void
stream_capture_row(TriggerData *td)
{
	Trigger    *tg = td->tg_trigger;
	TupleDesc	desc = td->tg_relation->rd_att;
	int32		stream_id;
	const char *view;
	const char *pk;
	const char *sk;
	Jsonb	   *old_item = NULL;
	Jsonb	   *new_item = NULL;
	Jsonb	   *old_keys,
			   *new_keys;

	if (tg->tgnargs < 3 ||
		(TRIGGER_FIRED_BY_TRUNCATE(td->tg_event) ? !TRIGGER_FIRED_BEFORE(td->tg_event)
		 : !TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event)))
		elog(ERROR, "dynamo.stream_capture() must be an AFTER ROW or BEFORE TRUNCATE trigger with a stream id, a view type and key names");
	stream_id = pg_strtoint32(tg->tgargs[0]);
	view = tg->tgargs[1];
	pk = tg->tgargs[2];
	sk = tg->tgnargs > 3 ? tg->tgargs[3] : NULL;
	check_trigger_stream(stream_id, RelationGetRelid(td->tg_relation));
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
	{
		capture_truncate(td->tg_relation, stream_id, view, pk, sk);
		return;
	}

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		new_item = row_item(td->tg_trigtuple, desc);
	else if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		old_item = row_item(td->tg_trigtuple, desc);
	else
	{
		old_item = row_item(td->tg_trigtuple, desc);
		new_item = row_item(td->tg_newtuple, desc);
		if (jsonb_equal(old_item, new_item))
			return;
	}

	if (old_item == NULL)
	{
		write_record(stream_id, view, "INSERT", item_keys(new_item, pk, sk), NULL, new_item);
		return;
	}
	old_keys = item_keys(old_item, pk, sk);
	if (new_item == NULL)
	{
		write_record(stream_id, view, "REMOVE", old_keys, old_item, NULL);
		return;
	}
	new_keys = item_keys(new_item, pk, sk);
	if (jsonb_equal(old_keys, new_keys))
		write_record(stream_id, view, "MODIFY", new_keys, old_item, new_item);
	else
	{
		write_record(stream_id, view, "REMOVE", old_keys, old_item, NULL);
		write_record(stream_id, view, "INSERT", new_keys, NULL, new_item);
	}
}
