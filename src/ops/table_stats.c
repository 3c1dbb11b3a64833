/*
 * table_stats.c
 *		ItemCount and TableSizeBytes of DescribeTable, at a cost that does
 *		not grow with the table.
 *
 * DynamoDB refreshes both figures about every six hours; pg_dynamo reads
 * PostgreSQL's own: a table of a few pages is counted (a bounded cost, and
 * exact figures for small tables), a larger one is estimated as the planner
 * estimates it, from the tuple density of its last VACUUM or ANALYZE
 * (pg_class.reltuples / relpages) times its current number of pages, or,
 * before any, from the live tuple count of the statistics system.
 */
#include "postgres.h"

#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "executor/tuptable.h"
#include "pgstat.h"
#include "storage/bufmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "tables.h"

/* Tables of at most this many pages are counted */
#define COUNTED_PAGES 8

/*
 * Count the items of a small table by reading its pages, as the latest
 * snapshot sees them (the caller's own writes included).  A statistic of the table, like reltuples: no privilege
 * on the items is needed, as for pg_class.
 */
static int64
count_items(Relation rel)
{
	Snapshot	snapshot = GetLatestSnapshot();
	TableScanDesc scan = table_beginscan(rel, snapshot, 0, NULL);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	int64		n = 0;

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
		n++;
	ExecDropSingleTupleTableSlot(slot);
	table_endscan(scan);
	return n;
}

/* Item count and size (pg_table_size; 0 when empty) of an item table */
void
table_stats_estimate(DynamoTable *t, int64 *count, int64 *bytes)
{
	Relation	rel = table_open(t->relid, AccessShareLock);
	BlockNumber pages = RelationGetNumberOfBlocks(rel);
	float4		reltuples = rel->rd_rel->reltuples;
	int32		relpages = rel->rd_rel->relpages;

	*count = pages <= COUNTED_PAGES ? count_items(rel) : -1;
	table_close(rel, NoLock);
	*bytes = DatumGetInt64(DirectFunctionCall1(pg_table_size, ObjectIdGetDatum(t->relid)));
	if (*count < 0 && reltuples >= 0 && relpages > 0)
		*count = (int64) (reltuples / relpages * pages + 0.5);
	else if (*count < 0)
	{
		PgStat_StatTabEntry *entry = pgstat_fetch_stat_tabentry(t->relid);

		*count = entry ? Max(entry->n_live_tuples, 0) : 0;
	}
	/* DynamoDB's size is its items' size: an empty table has 0 bytes */
	if (*count == 0)
		*bytes = 0;
}
