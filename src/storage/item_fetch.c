/*
 * item_fetch.c
 *		Reading items straight through a B-tree index: one item by key
 *		(GetItem), or a range of one index in key order (Query).
 *
 * A read by key is one index probe.  Going through SPI (a cached plan,
 * ExecutorStart, ExecutorEnd) costs about as much again as the probe itself,
 * which is what GetItem is measured against: the same SELECT in plain SQL
 * (bench/compare.sh).  So a read opens the item table and its primary key
 * index and fetches the row with an index scan.  A Query is one range of the
 * primary key index or of a secondary index's (partial) index, in its order;
 * walked here, its rows skip the executor's and the cursor's per-row work,
 * and the cache lines each row's fetch waits on are asked for a row ahead.
 *
 * Like a volatile function's queries (SPI, read_only false), a read sees the
 * writes made before it in the same statement: it takes a snapshot after a
 * command counter increment.
 *
 * What the executor would check is checked here too: the SELECT privilege on
 * the table.  A table with row level security, a caller whose privilege is
 * granted on columns only, an index not (yet) valid, or a call with no
 * active snapshot takes the prepared plan instead, where the executor applies
 * every rule itself.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/buf_internals.h"
#include "storage/bufmgr.h"
#include "utils/acl.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "storage.h"

/* Hint that a cache line is read soon (a no-op without the builtin) */
#ifdef __GNUC__
#define item_prefetch(p) __builtin_prefetch(p)
#else
#define item_prefetch(p) ((void) 0)
#endif

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
 * Open an item table for a direct read, and take the read's snapshot.
 * Returns NULL, having opened nothing, when the read must go through the
 * executor instead (see the file header).
 */
static Relation
direct_open(Oid relid)
{
	Relation	rel;

	if (!ActiveSnapshotSet() ||
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		return NULL;
	rel = table_open(relid, AccessShareLock);
	if (rel->rd_rel->relrowsecurity)
	{
		table_close(rel, NoLock);
		return NULL;
	}
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());
	return rel;
}

/* Close what direct_open() opened */
static void
direct_close(Relation rel)
{
	PopActiveSnapshot();
	table_close(rel, NoLock);
}

/*
 * Read the item of a key through the primary key index.  Returns false,
 * having read nothing, when the read must go through the executor instead
 * (see the file header); else true with *item the item, or NULL.
 */
bool
item_fetch(DynamoTable *t, ItemKey *key, Jsonb **item)
{
	Relation	rel = direct_open(t->relid);
	Oid			index_oid;

	if (rel == NULL)
		return false;
	index_oid = RelationGetPrimaryKeyIndex(rel);
	if (!OidIsValid(index_oid))
	{
		direct_close(rel);
		return false;
	}
	*item = fetch_by_index(rel, index_oid, t, key);
	direct_close(rel);
	return true;
}

/* A walk of an index range under way */
struct ItemScan
{
	Relation	rel;
	Relation	index;
	TupleTableSlot *slot;
	IndexScanDesc scan;
	AttrNumber	item_attnum;
	bool		backward;
	BlockNumber ahead_block;	/* the heap page prefetched last */
};

/* A scan key of column col, as the executor builds one from an operator */
static void
range_key(Relation index, ScanKey key, const ItemRangeKey *k)
{
	int			i = k->col - 1;
	Oid			op = get_opfamily_member(index->rd_opfamily[i], index->rd_opcintype[i],
										 index->rd_opcintype[i], k->strategy);

	if (!OidIsValid(op))
		elog(ERROR, "no operator of strategy %d for column %d of index \"%s\"",
			 k->strategy, k->col, RelationGetRelationName(index));
	ScanKeyEntryInitialize(key, 0, k->col, k->strategy, InvalidOid,
						   index->rd_indcollation[i], get_opcode(op), k->value);
}

/*
 * Start walking the rows of a table's index (InvalidOid: its primary key)
 * that the keys select, in the index's order or backward.  NULL, having
 * opened nothing, when the read must go through the executor instead.
 */
ItemScan *
item_scan_begin(Oid relid, Oid index_oid, const ItemRangeKey *keys, int nkeys, bool backward)
{
	Relation	rel = direct_open(relid);
	ItemScan   *s;
	ScanKeyData skeys[ITEM_SCAN_MAX_KEYS];

	if (rel == NULL)
		return NULL;
	if (!OidIsValid(index_oid))
		index_oid = RelationGetPrimaryKeyIndex(rel);
	s = palloc(sizeof(ItemScan));
	s->rel = rel;
	/* an index of the table that every read may use */
	s->index = OidIsValid(index_oid) ? try_relation_open(index_oid, AccessShareLock) : NULL;
	if (s->index == NULL || s->index->rd_rel->relkind != RELKIND_INDEX ||
		s->index->rd_rel->relam != BTREE_AM_OID || s->index->rd_index->indrelid != relid ||
		!s->index->rd_index->indisvalid || nkeys > ITEM_SCAN_MAX_KEYS)
	{
		if (s->index)
			relation_close(s->index, NoLock);
		direct_close(rel);
		pfree(s);
		return NULL;
	}
	for (int i = 0; i < nkeys; i++)
		range_key(s->index, &skeys[i], &keys[i]);
	s->slot = table_slot_create(rel, NULL);
	s->item_attnum = item_attnum(rel);
	s->backward = backward;
	s->ahead_block = InvalidBlockNumber;
	s->scan = index_beginscan(rel, s->index, GetActiveSnapshot(), nkeys, 0);
	index_rescan(s->scan, skeys, nkeys, NULL, 0);
	return s;
}

/*
 * Ask for the lines that fetching the heap row of the walk's next index
 * entry will wait on.  The rows of a Query sit on pages of their own as
 * often as not, and fetching one is a chain of cache misses paid one after
 * the other: the buffer's descriptor, the page's header, its line pointer,
 * the tuple.  The B-tree scan holds the entries of its leaf page, so the
 * next row's page is located now, as ReadBuffer will (the mapping table,
 * under its partition lock), and its first lines are asked for: they
 * arrive while this row is worked on.  A hint only: nothing is read from
 * the page, and a buffer replaced meanwhile costs only the prefetch.
 */
static void
prefetch_next_row(ItemScan *s)
{
	BTScanPos	pos = &((BTScanOpaque) s->scan->opaque)->currPos;	/* a B-tree's */
	int			next = pos->itemIndex + (s->backward ? -1 : 1);
	ItemPointer tid;
	BufferTag	tag;
	uint32		hash;
	LWLock	   *lock;
	int			buf;
	Page		page;

	if (!BTScanPosIsValid(*pos) || next < pos->firstItem || next > pos->lastItem)
		return;
	tid = &pos->items[next].heapTid;
	if (ItemPointerGetBlockNumber(tid) == s->ahead_block)
		return;					/* the same page again: asked for already */
	s->ahead_block = ItemPointerGetBlockNumber(tid);
	INIT_BUFFERTAG(tag, s->rel->rd_node, MAIN_FORKNUM, s->ahead_block);
	hash = BufTableHashCode(&tag);
	lock = BufMappingPartitionLock(hash);
	LWLockAcquire(lock, LW_SHARED);
	buf = BufTableLookup(&tag, hash);
	LWLockRelease(lock);
	if (buf < 0)
		return;
	page = (Page) (BufferBlocks + (Size) buf * BLCKSZ);
	item_prefetch(GetBufferDescriptor(buf));
	item_prefetch(page);
	item_prefetch(PageGetItemId(page, ItemPointerGetOffsetNumber(tid)));
}

/*
 * The next row's item, NULL after the last.  It lives in the row's buffer
 * (or, when toasted, in the current memory context) until the next call.
 */
Jsonb *
item_scan_next(ItemScan *s)
{
	while (index_getnext_slot(s->scan, s->backward ? BackwardScanDirection : ForwardScanDirection,
							  s->slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(s->slot, s->item_attnum, &isnull);

		if (!isnull)
		{
			/*
			 * The item is read whole next (sized, copied): ask for its cache
			 * lines at once, so their misses overlap instead of coming one
			 * after the other as the walk reaches them.
			 */
			if (!VARATT_IS_EXTENDED(DatumGetPointer(d)))
				for (Size off = 0; off < Min(VARSIZE(DatumGetPointer(d)), 2048); off += 64)
					item_prefetch(DatumGetPointer(d) + off);
			if (!RelationUsesLocalBuffers(s->rel))
				prefetch_next_row(s);
			return DatumGetJsonbP(d);
		}
	}
	return NULL;
}

/* End a walk, releasing what it holds */
void
item_scan_end(ItemScan *s)
{
	index_endscan(s->scan);
	ExecDropSingleTupleTableSlot(s->slot);
	index_close(s->index, NoLock);
	direct_close(s->rel);
	pfree(s);
}
