/*
 * table_update.h
 *		UpdateTable: a parsed request, applied member by member.
 */
#ifndef DYNAMO_TABLE_UPDATE_H
#define DYNAMO_TABLE_UPDATE_H

#include "nodes/pg_list.h"
#include "utils/jsonb.h"

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
} UpdateTableRequest;

extern Jsonb *dynamo_update_table(UpdateTableRequest *req);

#endif							/* DYNAMO_TABLE_UPDATE_H */
