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
#include "executor/spi.h"
#include "pgstat.h"
#include "storage/bufmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/rel.h"

#include "table_stats.h"

/* Tables of at most this many pages are counted */
#define COUNTED_PAGES 8

/* Count the items of a small table.  Must be called connected to SPI. */
static int64
count_items(DynamoTable *t)
{
	bool		isnull;

	if (SPI_execute(psprintf("SELECT pg_catalog.count(*) FROM %s", t->qualified_name), true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not count items of %s", t->qualified_name);
	return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/*
 * Item count and size (pg_table_size) of an item table.  Must be called
 * connected to SPI.
 */
void
table_stats_estimate(DynamoTable *t, int64 *count, int64 *bytes)
{
	Relation	rel = relation_open(t->relid, AccessShareLock);
	BlockNumber pages = RelationGetNumberOfBlocks(rel);
	float4		reltuples = rel->rd_rel->reltuples;
	int32		relpages = rel->rd_rel->relpages;

	relation_close(rel, NoLock);
	*bytes = DatumGetInt64(DirectFunctionCall1(pg_table_size, ObjectIdGetDatum(t->relid)));
	if (pages <= COUNTED_PAGES)
		*count = count_items(t);
	else if (reltuples >= 0 && relpages > 0)
		*count = (int64) (reltuples / relpages * pages + 0.5);
	else
	{
		PgStat_StatTabEntry *entry = pgstat_fetch_stat_tabentry(t->relid);

		*count = entry ? Max(entry->n_live_tuples, 0) : 0;
	}
}
