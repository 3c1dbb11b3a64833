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

/* Statements of an index read, by shape (see index_read.c) */
#define INDEX_READ_PLAN_COUNT 40

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

typedef struct DynamoIndex
{
	char	   *name;
	bool		local;			/* LSI; false: GSI */
	DynamoKeyAttr partition_key;
	DynamoKeyAttr sort_key;		/* name NULL without a sort key */
	IndexProjection projection;
	int			nnon_key;
	char	  **non_key;		/* NonKeyAttributes (INCLUDE) */
	char	   *relname;		/* the PostgreSQL index, in dynamo_data */
	Oid			relid;
	/* the PostgreSQL index: columns in order, and its predicate */
	int			ncols;
	IndexColumn cols[4];
	char	   *predicate;
	char	   *plain_predicate;
	SPIPlanPtr	read_plans[INDEX_READ_PLAN_COUNT];
} DynamoIndex;

/* An index definition of a request (CreateTable, UpdateTable) */
typedef struct IndexDef
{
	char	   *name;
	bool		local;
	DynamoKeyAttr partition_key;
	DynamoKeyAttr sort_key;
	IndexProjection projection;
	List	   *non_key;		/* of char * */
	bool		has_throughput;
} IndexDef;

static inline bool
dynamo_index_has_sort_key(const DynamoIndex *ix)
{
	return ix->sort_key.name != NULL;
}

extern void index_catalog_load(DynamoTable *t);
extern void index_catalog_free(DynamoTable *t);
extern DynamoIndex *index_find(DynamoTable *t, const char *name);
extern char *index_key_expr(const DynamoKeyAttr *attr, DynamoTable *t, bool plain, bool *table_key);
extern char *index_predicate(DynamoTable *t, const DynamoKeyAttr *pk, const DynamoKeyAttr *sk,
							 bool plain);
extern char *index_type_check(const DynamoKeyAttr *attr);
extern char *index_relname(const char *table_name, const char *index_name);
extern bool index_is_key_attr(DynamoIndex *ix, DynamoTable *t, const char *name);

#endif							/* DYNAMO_INDEX_CATALOG_H */
