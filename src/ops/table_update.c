/*
 * table_update.c
 *		UpdateTable: creating and deleting global secondary indexes of an
 *		existing table (the table's own members, BillingMode and the others,
 *		are applied by table_settings_update() before).
 *
 * A new index is built inside the call, by PostgreSQL's CREATE INDEX over
 * the items already there (its progress shows in
 * pg_stat_progress_create_index), so the call returns with the index
 * ACTIVE.  The build holds a lock that blocks writes to the table until the
 * transaction ends, so no write made during it can be missing from it.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "errors.h"
#include "indexes.h"
#include "items.h"
#include "tables.h"

/*
 * The global secondary index an update or delete (verb) names: DynamoDB's
 * ResourceNotFoundException for no index, ValidationException for a local one
 */
static DynamoIndex *
existing_index(DynamoTable *t, const char *name, const char *verb)
{
	DynamoIndex *ix = index_find(t, name);

	if (ix == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Index %s for table %s",
					 name, t->table_name);
	if (ix->local)
		dynamo_error(DYN_VALIDATION, "Cannot %s an index that is not a GlobalSecondaryIndex: %s",
					 verb, name);
	return ix;
}

/*
 * Apply an UpdateTable; returns the TableDescription (as DynamoDB answers
 * while it works when answer_pending: a GSI deleted is described DELETING,
 * so described before it is dropped)
 */
Jsonb *
dynamo_update_table(UpdateTableRequest *req)
{
	DynamoTable *t;
	ListCell   *lc;
	Jsonb	   *deleting = NULL;

	dynamo_check_table_op_name(req->table_name);
	item_spi_connect();
	/* serialise with CreateTable and DeleteTable of the name */
	if (SPI_execute(psprintf("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext(%s))",
							 quote_literal_cstr(psprintf("pg_dynamo table %s", req->table_name))),
					false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not lock table name");
	t = dynamo_table_named(req->table_name);

	foreach(lc, req->index_updates)
	{
		IndexThroughputUpdate *u = lfirst(lc);

		/* units beyond bounds: DynamoDB's refusal names an unknown index so */
		if ((!table_capacity_in_bounds(u->read_units) || !table_capacity_in_bounds(u->write_units)) &&
			index_find(t, u->name) == NULL)
			dynamo_error(DYN_VALIDATION, "This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate");
		table_capacity_check_bounds(u->read_units, "ReadCapacityUnits");
		table_capacity_check_bounds(u->write_units, "WriteCapacityUnits");
		index_update_throughput(t, existing_index(t, u->name, "update"), u);
	}
	foreach(lc, req->index_deletes)
	{
		DynamoIndex *ix = existing_index(t, lfirst(lc), "delete");

		if (req->answer_pending)
		{
			TableDescribeAs as = {"UPDATING", pstrdup(ix->name), "DELETING", req->settings};

			deleting = item_transfer(dynamo_describe_table_as(req->table_name, &as));
			t = dynamo_table_lookup(req->table_name, false);
			ix = index_find(t, as.index_name);
		}
		index_drop(t, ix);
		t = dynamo_table_lookup(req->table_name, false);
	}
	index_check_defs(req->index_creates, &t->partition_key, &t->sort_key, t);
	foreach(lc, req->index_creates)
		index_create(t, lfirst(lc), true);
	SPI_finish();
	if (deleting)
		return deleting;
	if (req->answer_pending)
	{
		TableDescribeAs as = {"UPDATING", NULL, NULL, req->settings};

		if (req->index_creates)
		{
			as.index_name = ((IndexDef *) linitial(req->index_creates))->name;
			as.index_status = "CREATING";
		}
		return dynamo_describe_table_as(req->table_name, &as);
	}
	return dynamo_describe_table(req->table_name);
}
