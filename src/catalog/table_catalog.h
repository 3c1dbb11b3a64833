/*
 * table_catalog.h
 *		Metadata of DynamoDB tables, cached per backend.
 *
 * The catalog table dynamo.tables holds one row per DynamoDB table; its item
 * table dynamo_data."<name>" has columns pk, sk (with a sort key) and item.
 * Entries are cached in a backend-local hash with their prepared plans and
 * revalidated when a relcache invalidation names their item table.
 */
#ifndef DYNAMO_TABLE_CATALOG_H
#define DYNAMO_TABLE_CATALOG_H

#include "executor/spi.h"
#include "utils/timestamp.h"

#include "attr_value.h"

#define DYNAMO_MAX_TABLE_NAME 255

/* Statements prepared once per table */
typedef enum ItemPlan
{
	PLAN_GET,					/* SELECT item by key */
	PLAN_LOCK,					/* SELECT item by key FOR UPDATE */
	PLAN_UPSERT,				/* INSERT .. ON CONFLICT DO UPDATE */
	PLAN_INSERT,				/* INSERT .. ON CONFLICT DO NOTHING */
	PLAN_UPDATE,				/* UPDATE item by key */
	PLAN_DELETE,				/* DELETE by key RETURNING item */
	ITEM_PLAN_COUNT
} ItemPlan;

/* Query and Scan statements of a table, by shape (see read_ops.c) */
#define READ_PLAN_COUNT 22

typedef struct DynamoKeyAttr
{
	char	   *name;
	DynamoType	type;			/* S, N or B */
} DynamoKeyAttr;

struct DynamoIndex;				/* src/indexes/indexes.h */

typedef struct DynamoTable
{
	char		table_name[DYNAMO_MAX_TABLE_NAME + 1];	/* hash key */
	bool		valid;			/* false once an invalidation named it */
	Oid			relid;
	char	   *qualified_name; /* dynamo_data."<relname>", quoted */
	DynamoKeyAttr partition_key;
	DynamoKeyAttr sort_key;		/* name NULL without a sort key */
	TimestampTz created_at;
	char	   *table_id;		/* TableId, a UUID */
	SPIPlanPtr	plans[ITEM_PLAN_COUNT];
	SPIPlanPtr	read_plans[READ_PLAN_COUNT];	/* Query and Scan; read_ops.c */
	MemoryContext mcxt;			/* holds the strings above */
	/* secondary indexes (src/indexes/index_catalog.c) */
	int			nindexes;
	struct DynamoIndex *indexes;
	MemoryContext index_mcxt;	/* holds them */
} DynamoTable;

static inline bool
dynamo_table_has_sort_key(const DynamoTable *t)
{
	return t->sort_key.name != NULL;
}

extern void dynamo_check_table_name(const char *name, const char *param);
extern void dynamo_check_table_op_name_length(const char *name);
extern void dynamo_check_table_op_name(const char *name);
extern DynamoTable *dynamo_table_lookup(const char *name, bool missing_ok);
extern DynamoType dynamo_key_type_from_char(char c);
extern DynamoTable *dynamo_table_named(const char *name);
extern char *dynamo_item_relname(const char *table_name);
extern SPIPlanPtr dynamo_table_plan(DynamoTable *t, ItemPlan which);
extern const char *dynamo_key_sql_type(DynamoType t);
extern Oid	dynamo_key_type_oid(DynamoType t);

#endif							/* DYNAMO_TABLE_CATALOG_H */
