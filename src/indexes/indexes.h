/*
 * indexes.h
 *		Secondary indexes: their definitions and catalog, DDL, the key rules
 *		of written items and their capacity, reads through an index, and the
 *		item collections of tables with an LSI.
 */
#ifndef DYNAMO_INDEXES_H
#define DYNAMO_INDEXES_H

#include "utils/jsonb.h"

#include "read_ops.h"
#include "storage.h"
#include "table_catalog.h"
#include "tables.h"

/* ------------------------------------------------------------------------
 * Secondary indexes (GSIs and LSIs): their definitions, as the catalog
 * table dynamo.indexes holds them and the table cache keeps them.
 *
 * Each index is a PostgreSQL index on the item table: an expression index
 * over the index key attributes (S as text COLLATE "C", N as numeric, B as
 * bytea), then the table key columns it does not already hold, partial on
 * the key attributes having their declared type, so an item without them
 * (a sparse item) is not in it.  A CHECK constraint per index refuses
 * wrong-typed or empty key attributes from plain SQL writes too.
 * ------------------------------------------------------------------------
 */

#define DYNAMO_MAX_GSIS 20
#define DYNAMO_MAX_LSIS 5
#define DYNAMO_MAX_PROJECTED_ATTRS 100

/* Key attributes of a GSI's partition key, and of its sort key */
#define INDEX_MAX_KEY_ATTRS 4

/* Statements of an index read, by shape (see index_read.c): a Query's 36
 * shapes for each count of columns given by equality, then 4 Scan shapes */
#define INDEX_READ_PLAN_COUNT (36 * 2 * INDEX_MAX_KEY_ATTRS + 4)

typedef enum IndexProjection
{
	PROJECT_ALL,
	PROJECT_KEYS_ONLY,
	PROJECT_INCLUDE
} IndexProjection;

extern const char *const IndexProjectionNames[3];

/* IndexProjectionNames as DynamoDB lists them in its enum message */
#define INDEX_PROJECTION_SET "[ALL, INCLUDE, KEYS_ONLY]"

/* One column of an index's PostgreSQL index */
typedef struct IndexColumn
{
	const DynamoKeyAttr *attr;	/* the key attribute it holds */
	char	   *sql;			/* its expression (or column name) */
	char	   *plain_sql;		/* the same with unqualified operators */
	bool		table_key;		/* a column of the item table */
} IndexColumn;

/*
 * The key schema of an index: its partition key attributes (HASH), then its
 * sort key attributes (RANGE), in order; one and at most one of each for an
 * LSI, up to four of each for a GSI (multi-attribute keys).
 */
typedef struct IndexKeys
{
	int			nkeys;
	int			nhash;
	DynamoKeyAttr keys[2 * INDEX_MAX_KEY_ATTRS];
} IndexKeys;

typedef struct DynamoIndex
{
	char	   *name;
	bool		local;			/* LSI; false: GSI */
	IndexKeys	key;
	IndexProjection projection;
	int			nnon_key;
	char	  **non_key;		/* NonKeyAttributes (INCLUDE) */
	char	   *relname;		/* the PostgreSQL index, in dynamo_data */
	Oid			relid;
	/* the PostgreSQL index: columns in order, and its predicate */
	int			ncols;
	IndexColumn cols[2 * INDEX_MAX_KEY_ATTRS + 2];
	char	   *predicate;
	char	   *plain_predicate;
	SPIPlanPtr	read_plans[INDEX_READ_PLAN_COUNT];
} DynamoIndex;

/* An index definition of a request (CreateTable, UpdateTable) */
typedef struct IndexDef
{
	char	   *name;
	bool		local;
	IndexKeys	key;
	IndexProjection projection;
	List	   *non_key;		/* of char * */
	bool		has_throughput;
	int64		read_units;		/* its ProvisionedThroughput, or 0 */
	int64		write_units;
} IndexDef;

/* UpdateTable's Update of a GSI: its new ProvisionedThroughput */
typedef struct IndexThroughputUpdate
{
	char	   *name;
	bool		has_throughput; /* ProvisionedThroughput */
	int64		read_units;
	int64		write_units;
	bool		has_on_demand;	/* OnDemandThroughput: 0 absent, -1 no maximum */
	int64		max_read;
	int64		max_write;
} IndexThroughputUpdate;

static inline bool
dynamo_index_has_sort_key(const DynamoIndex *ix)
{
	return ix->key.nkeys > ix->key.nhash;
}

/* The name of an index's (first) partition key attribute */
static inline const char *
index_partition_key_name(const DynamoIndex *ix)
{
	return ix->key.keys[0].name;
}

/* The name of an index's (first) sort key attribute; NULL without one */
static inline const char *
index_sort_key_name(const DynamoIndex *ix)
{
	return dynamo_index_has_sort_key(ix) ? ix->key.keys[ix->key.nhash].name : NULL;
}

extern void index_catalog_load(DynamoTable *t);
extern void index_catalog_free(DynamoTable *t);
extern DynamoIndex *index_find(DynamoTable *t, const char *name);
extern char *index_key_expr(const DynamoKeyAttr *attr, DynamoTable *t, bool plain, bool *table_key);
extern char *index_predicate(DynamoTable *t, const IndexKeys *keys, bool plain);
extern char *index_type_check(const DynamoKeyAttr *attr);
extern char *index_relname(const char *table_name, const char *index_name);
extern bool index_is_key_attr(DynamoIndex *ix, DynamoTable *t, const char *name);

/* ------------------------------------------------------------------------
 * Creating, dropping, checking and describing secondary indexes.
 * ------------------------------------------------------------------------
 */

extern void index_check_defs(List *defs, const DynamoKeyAttr *table_pk,
							 const DynamoKeyAttr *table_sk, DynamoTable *existing);
extern void index_create(DynamoTable *t, IndexDef *d, bool backfill);
extern void index_create_all(const char *table_name, List *defs);
extern void index_drop(DynamoTable *t, DynamoIndex *ix);
extern void index_update_throughput(DynamoTable *t, DynamoIndex *ix,
									const IndexThroughputUpdate *u);
extern void index_forget_all(DynamoTable *t);
extern void index_push_attribute_definitions(JsonbParseState **st, DynamoTable *t);
extern void index_push_descriptions(JsonbParseState **st, DynamoTable *t, const char *gsi_status,
									const char *index_name, const char *index_status);

/* ------------------------------------------------------------------------
 * Index key rules on written items.
 * ------------------------------------------------------------------------
 */

extern void index_check_item(DynamoTable *t, ItemKey *key, Jsonb *item);
extern void index_check_update_types(DynamoTable *t, Jsonb *item);
extern int	index_key_attrs(DynamoTable *t, ExprIndexKey **out);
extern void index_write_units(DynamoTable *t, Jsonb *old, Jsonb *new, double *units);

/* ------------------------------------------------------------------------
 * Query and Scan with IndexName.
 * ------------------------------------------------------------------------
 */

extern void index_read_statement(ReadRequest *req, ReadStatement *s);
extern SPIPlanPtr *index_read_plan_slot(ReadRequest *req);
extern int	index_read_range_keys(ReadRequest *req, ItemRangeKey *keys);
extern Jsonb *index_read_visible(ReadRequest *req, Jsonb *item);
extern Jsonb *index_read_result(ReadRequest *req, Jsonb *item, Jsonb *visible);
extern Jsonb *index_read_last_key(ReadRequest *req, Jsonb *item);
extern Jsonb *index_project_item(DynamoIndex *ix, Jsonb *item);
extern void index_read_resolve(ReadRequest *req, const char *index_name, bool consistent,
							   bool select_given);
extern void index_read_check_select(ReadRequest *req);
extern void index_read_check_projection(ReadRequest *req);
extern void index_read_plan_fetch(ReadRequest *req);
extern void index_read_charge(ReadRequest *req, Jsonb *item, int64 size, ReadResult *res);
extern JsonbValue *index_read_start_attr(ReadRequest *req, const char *name);

/* ------------------------------------------------------------------------
 * Item collections of tables with local secondary indexes.
 * ------------------------------------------------------------------------
 */

extern int	index_collection_limit_kb;

/* One item a batch or transaction wrote (the write was applied) */
typedef struct CollectionWrite
{
	DynamoTable *table;
	ItemKey		key;
} CollectionWrite;

extern void index_collection_check(DynamoTable *t, ItemKey *key, Jsonb *item);
extern void index_collection_push_metrics(JsonbParseState **st, DynamoTable *t, ItemKey *key,
										  bool escaped);
extern Jsonb *index_collection_add_metrics(Jsonb *response, CollectionWrite *writes, int n,
										   bool escaped);

#endif							/* DYNAMO_INDEXES_H */
