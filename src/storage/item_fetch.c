/*
 * item_fetch.c
 *		Reading one item by key straight through the primary key index.
 *
 * A read by key is one index probe.  Going through SPI (a cached plan,
 * ExecutorStart, ExecutorEnd) costs about as much again as the probe itself,
 * which is what GetItem is measured against: the same SELECT in plain SQL
 * (bench/compare.sh).  So a read opens the item table and its primary key
 * index and fetches the row with an index scan under the caller's active
 * snapshot, which is the snapshot SPI's read-only execution would use.
 *
 * What the executor would check is checked here too: the SELECT privilege on
 * the table.  A table with row level security, a caller whose privilege is
 * granted on columns only, or a call with no active snapshot takes the
 * prepared plan instead, where the executor applies every rule itself.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/nbtree.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "storage.h"

/* The equality function of a key column's type */
static RegProcedure
key_eq_proc(DynamoType t)
{
	return t == DT_S ? F_TEXTEQ : t == DT_N ? F_NUMERIC_EQ : F_BYTEAEQ;
}

/* Number of the item column of an item table */
static AttrNumber
item_attnum(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
		if (strcmp(NameStr(TupleDescAttr(desc, i)->attname), "item") == 0)
			return i + 1;
	elog(ERROR, "item table \"%s\" has no column item", RelationGetRelationName(rel));
	return InvalidAttrNumber;	/* keep compiler quiet */
}

/* Fetch the item of a key with an index scan; NULL when there is none */
static Jsonb *
fetch_by_index(Relation rel, Oid index_oid, DynamoTable *t, ItemKey *key)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};
	Relation	index = index_open(index_oid, AccessShareLock);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	ScanKeyData skeys[2];
	IndexScanDesc scan;
	Jsonb	   *item = NULL;

	for (int i = 0; i < key->nkeys; i++)
		ScanKeyInit(&skeys[i], i + 1, BTEqualStrategyNumber,
					key_eq_proc(attrs[i]->type), key->values[i]);
	scan = index_beginscan(rel, index, GetActiveSnapshot(), key->nkeys, 0);
	index_rescan(scan, skeys, key->nkeys, NULL, 0);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(slot, item_attnum(rel), &isnull);

		/* a copy: the row lives in a buffer released below */
		if (!isnull)
			item = DatumGetJsonbPCopy(d);
	}
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(index, NoLock);
	return item;
}

/*
 * Read the item of a key through the primary key index.  Returns false,
 * having read nothing, when the read must go through the executor instead
 * (see the file header); else true with *item the item, or NULL.
 */
bool
item_fetch(DynamoTable *t, ItemKey *key, Jsonb **item)
{
	Relation	rel;
	Oid			index_oid;

	if (!ActiveSnapshotSet() ||
		pg_class_aclcheck(t->relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		return false;
	rel = table_open(t->relid, AccessShareLock);
	index_oid = RelationGetPrimaryKeyIndex(rel);
	if (rel->rd_rel->relrowsecurity || !OidIsValid(index_oid))
	{
		table_close(rel, NoLock);
		return false;
	}
	/*
	 * The functions calling this are VOLATILE: like a volatile function's
	 * queries (SPI, read_only false), the read sees the writes made before it
	 * in the same statement
	 */
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());
	*item = fetch_by_index(rel, index_oid, t, key);
	PopActiveSnapshot();
	table_close(rel, NoLock);
	return true;
}
