/*
 * execute_update_table.c
 *		execute()'s UpdateTable: DynamoDB's request shape, read into an
 *		UpdateTableRequest (src/ops/table_update.c applies it).
 */
#include "postgres.h"

#include "errors.h"
#include "protocol.h"
#include "json_read.h"
#include "streams.h"
#include "tables.h"
#include "validate.h"

/* Members of UpdateTable that change the table itself */
static const char *const TableMembers[] = {
	"BillingMode", "ProvisionedThroughput", "TableClass", "DeletionProtectionEnabled",
	"StreamSpecification", "SSESpecification", "ReplicaUpdates", "OnDemandThroughput",
	"WarmThroughput"
};

/*
 * An UpdateTable with nothing to update: DynamoDB lists the members that
 * would make one, less MultiRegionConsistency when the request has it (it
 * does not suffice alone)
 */
static void
nothing_to_update(Jsonb *req)
{
	bool		mrc = req_member(req, "MultiRegionConsistency") != NULL;

	dynamo_error(DYN_VALIDATION,
				 "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
				 "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, %s"
				 "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required",
				 mrc ? "" : "MultiRegionConsistency, ");
}

/* The index name of an update action, checked */
static char *
action_index_name(Jsonb *action, const char *path)
{
	char	   *name = req_string(action, "IndexName");
	char	   *member = psprintf("%s.indexName", path);

	validate_not_null(NULL, name, member);
	dynamo_check_table_name(name, member);
	return name;
}

/* GlobalSecondaryIndexUpdates: Create, Delete or Update actions */
static void
parse_index_updates(Jsonb *updates, Jsonb *defs, UpdateTableRequest *u)
{
	List	   *names = NIL;

	for (int i = 0; i < (int) JB_ROOT_COUNT(updates); i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(&updates->root, i);
		Jsonb	   *upd,
				   *create,
				   *delete,
				   *update;
		char	   *path = psprintf("globalSecondaryIndexUpdates.%d.member", i + 1);
		char	   *name;
		ListCell   *lc;

		if (e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
			dynamo_kind_error(e, "GlobalSecondaryIndexUpdate");
		upd = jsonb_of_container(e);
		create = req_object(upd, "Create");
		delete = req_object(upd, "Delete");
		update = req_object(upd, "Update");
		if (!create && !delete && !update)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
		if ((create != NULL) + (delete != NULL) + (update != NULL) > 1)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Only one of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete can be specified");
		if (create)
		{
			IndexDef   *d = exec_parse_index_def(create, false, defs, psprintf("%s.create", path), -1);

			u->index_creates = lappend(u->index_creates, d);
			name = d->name;
		}
		else if (delete)
			u->index_deletes = lappend(u->index_deletes,
									   name = action_index_name(delete, psprintf("%s.delete", path)));
		else
		{
			IndexThroughputUpdate *iu = palloc0(sizeof(IndexThroughputUpdate));
			Jsonb	   *pt = req_object(update, "ProvisionedThroughput");
			Jsonb	   *odt = req_object(update, "OnDemandThroughput");
			char	   *pt_path = psprintf("%s.update.provisionedThroughput", path);

			name = iu->name = action_index_name(update, psprintf("%s.update", path));
			if (pt == NULL && odt == NULL)
				validate_not_null(NULL, NULL, pt_path);
			iu->has_throughput = pt != NULL;
			if (pt)
			{
				iu->read_units = request_capacity_units(pt, "ReadCapacityUnits",
														 psprintf("%s.readCapacityUnits", pt_path), false);
				iu->write_units = request_capacity_units(pt, "WriteCapacityUnits",
														  psprintf("%s.writeCapacityUnits", pt_path), false);
			}
			iu->has_on_demand = odt != NULL;
			if (odt)
			{
				iu->max_read = request_units_member(odt, "MaxReadRequestUnits", true, "index");
				iu->max_write = request_units_member(odt, "MaxWriteRequestUnits", true, "index");
			}
			u->index_updates = lappend(u->index_updates, iu);
		}
		foreach(lc, names)
			if (strcmp(lfirst(lc), name) == 0)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Only one global secondary index update per index is allowed simultaneously. Index: %s",
							 name);
		names = lappend(names, name);
	}
	if (list_length(u->index_creates) + list_length(u->index_deletes) > 1)
		dynamo_error(DYN_LIMIT_EXCEEDED, "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
}

/* UpdateTable: {"TableDescription": ...} */
Jsonb *
exec_update_table(Jsonb *req, bool escaped)
{
	UpdateTableRequest u = {0};
	Jsonb	   *updates;
	Jsonb	   *defs;
	RequestMembers m;

	/* the parameter constraints checked as the members are read */
	exec_read_members("UpdateTable", req, &m);
	updates = req_value_array(request_member(&m, "GlobalSecondaryIndexUpdates"));
	defs = req_value_array(request_member(&m, "AttributeDefinitions"));
	u.table_name = req_value_string(request_member(&m, "TableName"));
	dynamo_check_table_op_name(u.table_name);
	for (int i = 0; i < lengthof(TableMembers); i++)
		u.has_table_members |= request_member(&m, TableMembers[i]) != NULL;
	if (!u.has_table_members && (updates == NULL || JB_ROOT_COUNT(updates) == 0))
		nothing_to_update(req);
	if (updates)
		parse_index_updates(updates, defs, &u);
	/* the table's own members: BillingMode, throughput, class, protection */
	u.answer_pending = true;
	if (u.has_table_members)
	{
		TableSettings *settings = palloc0(sizeof(TableSettings));

		exec_table_settings(req, true, settings);
		(void) table_settings_update(u.table_name, settings);
		u.settings = settings;
		stream_specification_update(u.table_name,
									req_value_object(request_member(&m, "StreamSpecification")));
	}

	return exec_wrap_response("TableDescription", dynamo_update_table(&u));
}
