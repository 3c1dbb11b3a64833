/*
 * execute_partiql.c
 *		execute()'s PartiQL operations: DynamoDB's request and response
 *		shapes for ExecuteStatement, BatchExecuteStatement and
 *		ExecuteTransaction (the statements run in src/partiql).
 */
#include "postgres.h"

#include "errors.h"
#include "protocol.h"
#include "json_read.h"
#include "partiql.h"

/*
 * Read the members of a PartiQL operation's request into m, its parameter
 * constraints checked as they are read, and the members every one takes
 */
static void
options_from_request(const char *operation, Jsonb *req, bool escaped, RequestMembers *m,
					 PqlOptions *o)
{
	exec_read_members(operation, req, m);
	memset(o, 0, sizeof(PqlOptions));
	o->escaped = escaped;
	o->return_capacity = req_value_string(request_member(m, "ReturnConsumedCapacity"));
	(void) capacity_detail(o->return_capacity);
}

/* ExecuteStatement */
Jsonb *
exec_execute_statement(Jsonb *req, bool escaped)
{
	PqlOptions	o;
	RequestMembers m;

	options_from_request("ExecuteStatement", req, escaped, &m, &o);
	o.consistent = req_value_bool(request_member(&m, "ConsistentRead"), false);
	o.has_limit = req_value_int(request_member(&m, "Limit"), "Limit", &o.limit);
	o.next_token = req_value_string(request_member(&m, "NextToken"));
	o.return_on_failure = req_value_string(request_member(&m, "ReturnValuesOnConditionCheckFailure"));
	return pql_execute_statement(req_value_string(request_member(&m, "Statement")),
								 req_value_array(request_member(&m, "Parameters")), &o);
}

/* BatchExecuteStatement */
Jsonb *
exec_batch_execute_statement(Jsonb *req, bool escaped)
{
	PqlOptions	o;
	RequestMembers m;

	options_from_request("BatchExecuteStatement", req, escaped, &m, &o);
	return pql_execute_batch(req_value_array(request_member(&m, "Statements")), &o);
}

/* ExecuteTransaction */
Jsonb *
exec_execute_transaction(Jsonb *req, bool escaped)
{
	PqlOptions	o;
	RequestMembers m;

	options_from_request("ExecuteTransaction", req, escaped, &m, &o);
	return pql_execute_transaction(req_value_array(request_member(&m, "TransactStatements")),
								   req_value_string(request_member(&m, "ClientRequestToken")), &o);
}

/* to_sql of an ExecuteStatement request: the SQL of its SELECT */
char *
exec_statement_to_sql(Jsonb *req)
{
	req_check_object(req);
	return pql_to_sql(req_string(req, "Statement"), req_array(req, "Parameters"));
}
