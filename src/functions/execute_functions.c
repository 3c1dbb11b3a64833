/*
 * execute_functions.c
 *		dynamo.execute(operation, request) and dynamo.execute_text(): the
 *		DynamoDB JSON protocol (dispatch.c) as SQL functions.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "errors.h"
#include "protocol.h"

PG_FUNCTION_INFO_V1(dynamo_execute);

/*
 * dynamo.execute(operation text, request jsonb) returns jsonb
 */
Datum
dynamo_execute(PG_FUNCTION_ARGS)
{
	Jsonb	   *response;

	if (PG_ARGISNULL(0))
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: null");
	if (PG_ARGISNULL(1))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	response = dynamo_run_operation(text_to_cstring(PG_GETARG_TEXT_PP(0)),
									PG_GETARG_JSONB_P(1), false);
	PG_RETURN_JSONB_P(response);
}

PG_FUNCTION_INFO_V1(dynamo_execute_text);

/*
 * dynamo.execute_text(operation text, request text) returns text
 *
 * The same with the request and response as JSON text, so strings may hold
 * U+0000 (written \u0000), which jsonb refuses.
 */
Datum
dynamo_execute_text(PG_FUNCTION_ARGS)
{
	text	   *body;
	StringInfoData response;

	if (PG_ARGISNULL(0))
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: null");
	if (PG_ARGISNULL(1))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	body = PG_GETARG_TEXT_PP(1);
	initStringInfo(&response);
	dynamo_run_operation_text(text_to_cstring(PG_GETARG_TEXT_PP(0)),
							  VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body), false, &response);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(response.data, response.len));
}

PG_FUNCTION_INFO_V1(dynamo_to_sql);

/*
 * dynamo.to_sql(operation, request) returns text: the plain SQL over the
 * item table that does what a Query or Scan request, or a PartiQL SELECT
 * (ExecuteStatement), does.
 */
Datum
dynamo_to_sql(PG_FUNCTION_ARGS)
{
	char	   *op = text_to_cstring(PG_GETARG_TEXT_PP(0));

	if (strcmp(op, "ExecuteStatement") == 0)
		PG_RETURN_TEXT_P(cstring_to_text(exec_statement_to_sql(PG_GETARG_JSONB_P(1))));
	PG_RETURN_TEXT_P(cstring_to_text(exec_read_to_sql(text_to_cstring(PG_GETARG_TEXT_PP(0)),
													  PG_GETARG_JSONB_P(1))));
}
