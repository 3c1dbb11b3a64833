/*
 * tables.h
 *		The table API: CreateTable, DeleteTable, DescribeTable, ListTables,
 *		UpdateTable, a table's settings, tags and statistics, backups.
 */
#ifndef DYNAMO_TABLES_H
#define DYNAMO_TABLES_H

#include "utils/jsonb.h"
#include "nodes/pg_list.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "table_catalog.h"

/* ------------------------------------------------------------------------
 * A table's billing mode, provisioned and on-demand throughput, table
 * class and deletion protection: set at CreateTable, changed by
 * UpdateTable, shown by DescribeTable (dynamo.table_settings).
 * ------------------------------------------------------------------------
 */

/* The settings members of a request, read and checked for shape */
typedef struct TableSettings
{
	char	   *billing_mode;	/* NULL when absent */
	bool		has_throughput;
	int64		read_units;
	int64		write_units;
	bool		has_on_demand;
	int64		max_read;		/* 0 when absent */
	int64		max_write;
	char	   *table_class;
	bool		has_protection;
	bool		protection;
	/* set by table_settings_update() when it changes the throughput */
	bool		prior_set;
	int64		prior_read;		/* the units and decreases before the call */
	int64		prior_write;
	int64		prior_decreases;
	bool		increased;		/* the units went up (LastIncreaseDateTime) */
	bool		decreased;		/* ... or down (LastDecreaseDateTime) */
} TableSettings;

extern bool table_capacity_in_bounds(int64 units);
extern void table_capacity_check_bounds(int64 units, const char *member);
extern void table_settings_check_create(TableSettings *s);
extern void table_settings_store(const char *table_name, TableSettings *settings);
extern void table_settings_describe(JsonbParseState **st, const char *table_name,
									const TableSettings *prior);
extern void table_settings_check_delete(const char *table_name);
extern void table_settings_ensure_row(const char *table_name);
extern bool table_settings_update(const char *table_name, TableSettings *settings);
extern bool table_settings_on_demand(const char *table_name);

/* ------------------------------------------------------------------------
 * Tags of tables (TagResource, UntagResource, ListTagsOfResource) and
 * the ARNs that name tables.
 * ------------------------------------------------------------------------
 */

/* Tags as a request gives them: each Tag's Key and Value (NULL: absent) */
typedef struct TableTags
{
	int			n;
	char	  **keys;
	char	  **values;
} TableTags;

extern char *table_arn(const char *table_name);
extern void tags_check_table(const char *table_name, const char *arn);
extern void tags_check_count(int n, bool keys);
extern char *table_name_of_arn(const char *arn, const char *param);
extern void tags_store(const char *table_name, TableTags *tags, bool creating);
extern void tags_remove(const char *table_name, Jsonb *keys);
extern Jsonb *tags_list(const char *table_name, const char *next_token);

/* ------------------------------------------------------------------------
 * CreateTable, DeleteTable, DescribeTable, ListTables.
 * ------------------------------------------------------------------------
 */

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

/*
 * How a TableDescription shows a table a request has just created or
 * changed: DynamoDB answers before the change is done (TableStatus
 * CREATING or UPDATING, a GSI being added CREATING, one being deleted
 * DELETING) and shows the provisioned throughput the table had before the
 * call.
 */
typedef struct TableDescribeAs
{
	const char *status;			/* TableStatus */
	const char *index_name;		/* a GSI described with index_status, or NULL */
	const char *index_status;
	const TableSettings *prior; /* throughput before the call (prior_set), or
								 * NULL */
} TableDescribeAs;

extern void dynamo_check_key_attr_name(const char *name, int position);
extern Numeric table_epoch_seconds(TimestampTz ts);
extern Jsonb *dynamo_create_table(CreateTableRequest *req);
extern Jsonb *dynamo_delete_table(const char *table_name);
extern Jsonb *dynamo_describe_table(const char *table_name);
extern Jsonb *dynamo_describe_table_as(const char *table_name, const TableDescribeAs *as);
extern List *dynamo_list_tables(const char *start_after, int limit, bool *more);

/* Settings naming the ARNs of tables */
extern char *dynamo_region;
extern char *dynamo_account_id;

/* ------------------------------------------------------------------------
 * ItemCount and TableSizeBytes of DescribeTable, without a scan.
 * ------------------------------------------------------------------------
 */

extern void table_stats_estimate(DynamoTable *t, int64 *count, int64 *bytes);

/* ------------------------------------------------------------------------
 * UpdateTable: a parsed request, applied member by member.
 * ------------------------------------------------------------------------
 */

typedef struct UpdateTableRequest
{
	const char *table_name;
	/* GlobalSecondaryIndexUpdates (with AttributeDefinitions) */
	List	   *index_creates;	/* IndexDef * */
	List	   *index_deletes;	/* index names */
	List	   *index_updates;	/* IndexThroughputUpdate * */

	/*
	 * The table's own members (BillingMode, ProvisionedThroughput,
	 * TableClass, DeletionProtectionEnabled, StreamSpecification): not yet
	 * applied; their owners parse them into fields here and apply them in
	 * dynamo_update_table() where it says so.
	 */
	bool		has_table_members;

	/*
	 * Answer as DynamoDB's asynchronous UpdateTable does (execute()):
	 * UPDATING, a created GSI CREATING, the throughput in settings' prior
	 * values (settings may be NULL); false: the table as it now is.
	 */
	bool		answer_pending;
	const TableSettings *settings;
} UpdateTableRequest;

extern Jsonb *dynamo_update_table(UpdateTableRequest *req);

/* ------------------------------------------------------------------------
 * On-demand backups and point-in-time recovery (dynamo.backups).
 * ------------------------------------------------------------------------
 */

extern Jsonb *backup_create(const char *table_name, const char *backup_name);
extern Jsonb *backup_describe(const char *arn);
extern Jsonb *backup_delete(const char *arn);
extern Jsonb *backup_list(const char *table_name, int limit, const char *lower, const char *upper,
						  const char *start);
extern Jsonb *backup_source_description(const char *arn, char **source_arn);
extern void backup_restore_items(const char *arn, const char *table_name);
extern Jsonb *backup_continuous(const char *table_name);
extern Jsonb *backup_update_continuous(const char *table_name, bool enable);

#endif							/* DYNAMO_TABLES_H */
