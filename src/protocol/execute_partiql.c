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

/* The members every PartiQL operation takes */
static void
options_from_request(Jsonb *req, bool escaped, PqlOptions *o)
{
	memset(o, 0, sizeof(PqlOptions));
	o->escaped = escaped;
	o->return_capacity = req_string(req, "ReturnConsumedCapacity");
	(void) capacity_detail(o->return_capacity);
}

/* ExecuteStatement */
Jsonb *
exec_execute_statement(Jsonb *req, bool escaped)
{
	PqlOptions	o;

	options_from_request(req, escaped, &o);
	o.consistent = req_bool(req, "ConsistentRead", false);
	o.has_limit = req_int(req, "Limit", &o.limit);
	o.next_token = req_string(req, "NextToken");
	o.return_on_failure = req_string(req, "ReturnValuesOnConditionCheckFailure");
	return pql_execute_statement(req_string(req, "Statement"), req_array(req, "Parameters"), &o);
}

/* BatchExecuteStatement */
Jsonb *
exec_batch_execute_statement(Jsonb *req, bool escaped)
{
	PqlOptions	o;

	options_from_request(req, escaped, &o);
	return pql_execute_batch(req_array(req, "Statements"), &o);
}

/* ExecuteTransaction */
Jsonb *
exec_execute_transaction(Jsonb *req, bool escaped)
{
	PqlOptions	o;

	options_from_request(req, escaped, &o);
	return pql_execute_transaction(req_array(req, "TransactStatements"),
								   req_string(req, "ClientRequestToken"), &o);
}

/* to_sql of an ExecuteStatement request: the SQL of its SELECT */
char *
exec_statement_to_sql(Jsonb *req)
{
	req_check_object(req);
	return pql_to_sql(req_string(req, "Statement"), req_array(req, "Parameters"));
}
