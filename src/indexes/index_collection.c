/*
 * index_collection.c
 *		Item collections of tables with local secondary indexes: the items
 *		sharing a partition key value.  DynamoDB limits their size (10 GB;
 *		here the setting pg_dynamo.item_collection_size_limit) and reports
 *		it in ItemCollectionMetrics.
 *
 * The size of a collection is the stored size of its items, summed over the
 * partition through the primary key index when a write needs it.  A write
 * to a table with an LSI checks the limit, but reads its partition only when
 * the limit could be reached: the pages of the item table and of its TOAST
 * table hold every stored item, so while they, the new item and what other
 * sessions may be about to write stay under the limit, no collection can
 * pass it (see collection_surely_fits).
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/builtins.h"
#include "utils/rel.h"

#include "errors.h"
#include "indexes.h"
#include "json_build.h"

/* pg_dynamo.item_collection_size_limit, in kB */
int			index_collection_limit_kb = 10 * 1024 * 1024;

/* Does a table have a local secondary index? */
static bool
has_lsi(DynamoTable *t)
{
	for (int i = 0; i < t->nindexes; i++)
		if (t->indexes[i].local)
			return true;
	return false;
}

/* Bytes of a collection's items; without the item of key when exclude_key */
static int64
collection_bytes(DynamoTable *t, ItemKey *key, bool exclude_key)
{
	Oid			types[2] = {dynamo_key_type_oid(t->partition_key.type),
	dynamo_key_type_oid(t->sort_key.type)};
	char	   *sql = psprintf("SELECT COALESCE(pg_catalog.sum(pg_catalog.pg_column_size(item)), 0)::pg_catalog.int8"
							   " FROM %s WHERE pk OPERATOR(pg_catalog.=) $1%s", t->qualified_name,
							   exclude_key ? " AND sk OPERATOR(pg_catalog.<>) $2" : "");
	bool		isnull;
	int64		bytes;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(sql, exclude_key ? 2 : 1, types, key->values, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not measure an item collection");
	bytes = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_finish();
	return bytes;
}

/*
 * Bytes other sessions may be about to add, per session: a write checks
 * its item right before writing it, so a session has at most one item
 * checked and not yet in the table's pages, of at most 400 KB of
 * DynamoDB's size, which its stored form may exceed (a JEntry and
 * alignment per value): 8 times that bounds it.
 */
#define COLLECTION_IN_FLIGHT_BYTES (8 * (int64) DYNAMO_MAX_ITEM_SIZE)

/* Bytes of a relation's pages */
static int64
relation_bytes(Relation rel)
{
	return (int64) RelationGetNumberOfBlocks(rel) * BLCKSZ;
}

/*
 * Can the write of item (of bytes, DynamoDB's size) not take any collection
 * of the table past limit?  So when the table's pages (its TOAST table's
 * too), which hold every item stored, its collection's among them, and the
 * new item, with room for the item every other session may be about to
 * write, stay within the limit: the sum over the partition is then not
 * needed, and no concurrent write can make it wrong.
 */
static bool
collection_surely_fits(DynamoTable *t, int64 bytes, int64 limit)
{
	Relation	rel = table_open(t->relid, AccessShareLock);

	bytes += relation_bytes(rel);
	if (OidIsValid(rel->rd_rel->reltoastrelid))
	{
		Relation	toast = table_open(rel->rd_rel->reltoastrelid, AccessShareLock);

		bytes += relation_bytes(toast);
		table_close(toast, AccessShareLock);
	}
	table_close(rel, AccessShareLock);
	return bytes + (int64) MaxBackends * COLLECTION_IN_FLIGHT_BYTES <= limit;
}

/*
 * Refuse a write that would take its item collection past the limit
 * (tables with an LSI only): ItemCollectionSizeLimitExceededException.
 */
void
index_collection_check(DynamoTable *t, ItemKey *key, Jsonb *item)
{
	int64		limit = (int64) index_collection_limit_kb * 1024;
	int64		bytes;

	if (!has_lsi(t))
		return;
	bytes = item_size(item);
	if (collection_surely_fits(t, bytes, limit))
		return;
	if (collection_bytes(t, key, true) + bytes > limit)
		dynamo_error(DYN_ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
}

/* Push one ItemCollectionMetrics object (member name, or NULL in an array) */
static void
push_metrics_object(JsonbParseState **st, const char *member, DynamoTable *t, ItemKey *key,
					bool escaped)
{
	int64		gb = collection_bytes(t, key, false) >> 30;

	jb_begin_object(st, member);
	jb_begin_object(st, "ItemCollectionKey");
	jb_key(st, t->partition_key.name);
	(void) pushJsonbValue(st, WJB_VALUE, attr_to_typed(&key->attrs[0], escaped));
	jb_end_object(st);
	jb_begin_array(st, "SizeEstimateRangeGB");
	jb_int(st, NULL, gb);
	jb_int(st, NULL, gb + 1);
	jb_end_array(st);
	jb_end_object(st);
}

/*
 * Push ItemCollectionMetrics of the collection of key: its partition key
 * (typed) and the estimate of its size in GB, as a range of 1 GB.  Nothing
 * for tables without an LSI, as DynamoDB returns nothing for them.
 */
void
index_collection_push_metrics(JsonbParseState **st, DynamoTable *t, ItemKey *key, bool escaped)
{
	if (has_lsi(t))
		push_metrics_object(st, "ItemCollectionMetrics", t, key, escaped);
}

/* Did an earlier write of a batch touch the same collection (or table)? */
static bool
seen_before(CollectionWrite *writes, int i, bool same_collection)
{
	for (int j = 0; j < i; j++)
		if (writes[j].table == writes[i].table &&
			(!same_collection || attr_equal(&writes[j].key.attrs[0], &writes[i].key.attrs[0])))
			return true;
	return false;
}

/*
 * A BatchWriteItem or TransactWriteItems response with its
 * ItemCollectionMetrics: for each table with an LSI, the metrics of each
 * item collection the writes touched, once each, in the order written.
 * The response as it was when no table has an LSI.
 */
Jsonb *
index_collection_add_metrics(Jsonb *response, CollectionWrite *writes, int n, bool escaped)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	bool		any = false;

	for (int i = 0; i < n; i++)
		any |= has_lsi(writes[i].table);
	if (!any)
		return response;
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(&response->root);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (r == WJB_KEY || r == WJB_VALUE)
			pushJsonbValue(&st, r, &v);
	jb_begin_object(&st, "ItemCollectionMetrics");
	for (int i = 0; i < n; i++)
	{
		if (!has_lsi(writes[i].table) || seen_before(writes, i, false))
			continue;
		jb_begin_array(&st, writes[i].table->table_name);
		for (int k = i; k < n; k++)
			if (writes[k].table == writes[i].table && !seen_before(writes, k, true))
				push_metrics_object(&st, NULL, writes[k].table, &writes[k].key, escaped);
		jb_end_array(&st);
	}
	jb_end_object(&st);
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}
