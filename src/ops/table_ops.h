/*
 * table_ops.h
 *		CreateTable, DeleteTable, DescribeTable, ListTables.
 */
#ifndef DYNAMO_TABLE_OPS_H
#define DYNAMO_TABLE_OPS_H

#include "nodes/pg_list.h"

#include "table_catalog.h"
#include "table_settings.h"
#include "table_tags.h"

typedef struct CreateTableRequest
{
	const char *table_name;
	DynamoKeyAttr partition_key;
	DynamoKeyAttr sort_key;		/* name NULL without one */
	List	   *indexes;		/* IndexDef *: secondary indexes (index_ddl.c) */
	TableSettings *settings;	/* billing mode, throughput, ...; NULL: on demand */
	TableTags  *tags;			/* Tags (checked when stored), or NULL */
	const char *stream_view_type;	/* streams: enable a stream of this view type */
} CreateTableRequest;

extern void dynamo_check_key_attr_name(const char *name, int position);
extern Jsonb *dynamo_create_table(CreateTableRequest *req);
extern Jsonb *dynamo_delete_table(const char *table_name);
extern Jsonb *dynamo_describe_table(const char *table_name);
extern List *dynamo_list_tables(const char *start_after, int limit, bool *more);

/* Settings naming the ARNs of tables */
extern char *dynamo_region;
extern char *dynamo_account_id;

#endif							/* DYNAMO_TABLE_OPS_H */
