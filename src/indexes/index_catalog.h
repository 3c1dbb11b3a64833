/*
 * index_catalog.h
 *		Secondary indexes (GSIs and LSIs): their definitions, as the catalog
 *		table dynamo.indexes holds them and the table cache keeps them.
 *
 * Each index is a PostgreSQL index on the item table: an expression index
 * over the index key attributes (S as text COLLATE "C", N as numeric, B as
 * bytea), then the table key columns it does not already hold, partial on
 * the key attributes having their declared type, so an item without them
 * (a sparse item) is not in it.  A CHECK constraint per index refuses
 * wrong-typed or empty key attributes from plain SQL writes too.
 */
#ifndef DYNAMO_INDEX_CATALOG_H
#define DYNAMO_INDEX_CATALOG_H

#include "table_catalog.h"

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
	int64		read_units;
	int64		write_units;
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

#endif							/* DYNAMO_INDEX_CATALOG_H */
