/*
 * ttl.c
 *		Time to Live: UpdateTimeToLive and DescribeTimeToLive over
 *		dynamo.table_settings, and the expiry of a table's items.
 *
 * An item expires when its TTL attribute is a top-level Number of epoch
 * seconds earlier than now and no more than five years in the past (the
 * rules of DynamoDB's developer guide); any other value, or none, keeps the
 * item.  Expiry walks the item table by ranges of heap blocks (a TID range
 * scan, so a batch reads a bounded part of the table) and deletes at most
 * pg_dynamo.ttl_batch_size items per statement, locking them with SKIP
 * LOCKED: an item a writer holds is left for the next pass, and a writer
 * never waits for more than one batch.
 */
#include "postgres.h"

#include "access/relation.h"
#include "access/xact.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "errors.h"
#include "items.h"
#include "json_build.h"
#include "spi_text.h"
#include "table_catalog.h"
#include "tables.h"
#include "ttl.h"
#include "validate.h"

/* Heap blocks one expiry statement reads at most (8 MB) */
#define TTL_BLOCKS_PER_BATCH 1024

bool		dynamo_ttl_expiring = false;
int			dynamo_ttl_batch_size = 1000;

/* The table, or ResourceNotFoundException */
static DynamoTable *
ttl_table(const char *table_name)
{
	dynamo_check_table_op_name(table_name);
	return dynamo_table_named(table_name);
}

/* The table's TTL attribute when enabled (NULL when not); connected to SPI */
static char *
ttl_attribute(const char *table_name, bool for_update)
{
	const char *args[1] = {table_name};

	spi_text_run(psprintf("SELECT ttl_attribute FROM dynamo.table_settings"
						  " WHERE table_name OPERATOR(pg_catalog.=) $1 AND ttl_enabled%s",
						  for_update ? " FOR UPDATE" : ""),
				 1, args, SPI_OK_SELECT);
	return SPI_processed > 0 ? spi_text_value(0, 1) : NULL;
}

/* Check a TTL attribute name: 1 to 255 bytes */
void
ttl_check_attribute(const char *attribute)
{
	validate_not_null(NULL, attribute, "timeToLiveSpecification.attributeName");
	validate_length(NULL, attribute, strlen(attribute), 1, 255, "timeToLiveSpecification.attributeName");
}

/*
 * UpdateTimeToLive: enable TTL on an attribute, or disable it, with
 * DynamoDB's rules (one TTL attribute per table; enabling it twice or
 * disabling it twice is an error).  Returns TimeToLiveSpecification, as
 * DynamoDB answers it (without AttributeName when disabling).
 */
Jsonb *
ttl_update(const char *table_name, const char *attribute, bool enabled)
{
	const char *args[3];
	char	   *current;
	JsonbParseState *st = NULL;

	ttl_table(table_name);
	item_spi_connect();
	table_settings_ensure_row(table_name);
	current = ttl_attribute(table_name, true);
	if (current && strcmp(current, attribute) != 0)
		dynamo_error(DYN_VALIDATION, "TimeToLive is active on a different AttributeName: current AttributeName is %s",
					 current);
	if (enabled && current)
		dynamo_error(DYN_VALIDATION, "TimeToLive is already enabled");
	if (!enabled && !current)
		dynamo_error(DYN_VALIDATION, "TimeToLive is already disabled");
	args[0] = table_name;
	args[1] = enabled ? attribute : NULL;
	args[2] = enabled ? "true" : "false";
	spi_text_run("UPDATE dynamo.table_settings SET ttl_attribute = $2, ttl_enabled = $3::pg_catalog.bool"
				 " WHERE table_name OPERATOR(pg_catalog.=) $1", 3, args, SPI_OK_UPDATE);
	SPI_finish();

	jb_begin_object(&st, NULL);
	if (enabled)
		jb_string(&st, "AttributeName", attribute);
	jb_bool(&st, "Enabled", enabled);
	return jb_finish(&st);
}

/* DescribeTimeToLive: TimeToLiveStatus, and AttributeName when enabled */
Jsonb *
ttl_describe(const char *table_name)
{
	char	   *attribute;
	JsonbParseState *st = NULL;

	ttl_table(table_name);
	item_spi_connect();
	attribute = ttl_attribute(table_name, false);
	jb_begin_object(&st, NULL);
	jb_string(&st, "TimeToLiveStatus", attribute ? "ENABLED" : "DISABLED");
	if (attribute)
		jb_string(&st, "AttributeName", attribute);
	SPI_finish();
	return jb_finish(&st);
}

/* Names of the tables with TTL enabled, in the caller's memory */
List *
ttl_enabled_tables(void)
{
	MemoryContext caller = CurrentMemoryContext;
	List	   *names = NIL;

	item_spi_connect();
	spi_text_run("SELECT table_name FROM dynamo.table_settings WHERE ttl_enabled ORDER BY table_name",
				 0, NULL, SPI_OK_SELECT);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		char	   *name = spi_text_value(i, 1);
		MemoryContext spi = MemoryContextSwitchTo(caller);

		names = lappend(names, pstrdup(name));
		MemoryContextSwitchTo(spi);
	}
	SPI_finish();
	return names;
}

/* Delete expired items of one block range; marks them as TTL deletes */
static uint64
delete_expired(DynamoTable *t, const char *attribute, BlockNumber start)
{
	const char *args[4];
	char	   *sql;

	args[0] = attribute;
	args[1] = psprintf("(%u,0)", start);
	args[2] = psprintf("(%u,0)", start + TTL_BLOCKS_PER_BATCH);
	args[3] = psprintf("%d", dynamo_ttl_batch_size);
	sql = psprintf("DELETE FROM %s WHERE ctid OPERATOR(pg_catalog.=) ANY (ARRAY("
				   "SELECT ctid FROM %s WHERE ctid OPERATOR(pg_catalog.>=) $2::pg_catalog.tid"
				   " AND ctid OPERATOR(pg_catalog.<) $3::pg_catalog.tid"
				   " AND pg_catalog.jsonb_typeof(item OPERATOR(pg_catalog.->) $1) OPERATOR(pg_catalog.=) 'number'"
				   " AND (item OPERATOR(pg_catalog.->) $1)::pg_catalog.numeric"
				   "   OPERATOR(pg_catalog.<) EXTRACT(epoch FROM pg_catalog.now())"
				   " AND (item OPERATOR(pg_catalog.->) $1)::pg_catalog.numeric"
				   "   OPERATOR(pg_catalog.>=) EXTRACT(epoch FROM pg_catalog.now()"
				   "   OPERATOR(pg_catalog.-) '5 years'::pg_catalog.interval)"
				   " LIMIT $4::pg_catalog.int4 FOR UPDATE SKIP LOCKED))",
				   t->qualified_name, t->qualified_name);

	dynamo_ttl_expiring = true;
	PG_TRY();
	{
		spi_text_run(sql, 4, args, SPI_OK_DELETE);
	}
	PG_FINALLY();
	{
		dynamo_ttl_expiring = false;
	}
	PG_END_TRY();
	return SPI_processed;
}

/*
 * One batch of expiry: delete at most pg_dynamo.ttl_batch_size expired
 * items from the block range starting at start.  Sets *nblocks to the item
 * table's size; returns -1 when the table is gone or its TTL disabled.
 */
static int64
expire_batch(const char *table_name, BlockNumber start, BlockNumber *nblocks)
{
	DynamoTable *t;
	char	   *attribute;
	Relation	rel;
	int64		deleted = 0;

	item_spi_connect();
	t = dynamo_table_lookup(table_name, true);
	attribute = t ? ttl_attribute(table_name, false) : NULL;
	if (attribute == NULL)
	{
		SPI_finish();
		return -1;
	}
	rel = relation_open(t->relid, AccessShareLock);
	*nblocks = RelationGetNumberOfBlocks(rel);
	relation_close(rel, NoLock);
	if (start < *nblocks)
		deleted = (int64) delete_expired(t, attribute, start);
	SPI_finish();
	return deleted;
}

/*
 * Delete the expired items of a table, batch after batch; returns how many.
 * commit_batches (a background worker, outside any transaction): each batch
 * is a transaction of its own.  Otherwise every batch runs in the caller's
 * transaction.
 */
int64
ttl_expire_table(const char *table_name, bool commit_batches)
{
	BlockNumber block = 0;
	BlockNumber nblocks = 1;
	int64		total = 0;

	while (block < nblocks)
	{
		int64		n;

		CHECK_FOR_INTERRUPTS();
		if (commit_batches)
		{
			/* now() is this batch's time, not the worker's start */
			SetCurrentStatementStartTimestamp();
			StartTransactionCommand();
			PushActiveSnapshot(GetTransactionSnapshot());
		}
		n = expire_batch(table_name, block, &nblocks);
		if (commit_batches)
		{
			PopActiveSnapshot();
			CommitTransactionCommand();
		}
		if (n < 0)
			break;
		total += n;
		if (n < dynamo_ttl_batch_size)
			block += TTL_BLOCKS_PER_BATCH;
	}
	return total;
}
