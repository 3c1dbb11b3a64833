/*
 * execute.c
 *		dynamo.execute(operation, request): dispatch by operation name, and
 *		the text form that lets requests carry U+0000.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "errors.h"
#include "execute.h"
#include "json_io.h"
#include "nul_escape.h"
#include "table_catalog.h"

static const DynamoOperation Operations[] = {
	{"CreateTable", exec_create_table},
	{"DeleteTable", exec_delete_table},
	{"DescribeTable", exec_describe_table},
	{"ListTables", exec_list_tables},
	{"PutItem", exec_put_item},
	{"GetItem", exec_get_item},
	{"DeleteItem", exec_delete_item},
	{"UpdateItem", exec_update_item},
	{"Query", exec_query},
	{"Scan", exec_scan},
	{"BatchGetItem", exec_batch_get_item},
	{"BatchWriteItem", exec_batch_write_item},
	{"TransactGetItems", exec_transact_get_items},
	{"TransactWriteItems", exec_transact_write_items},
};

/* The handler of an operation name; UnknownOperationException if none */
static OperationHandler
find_operation(const char *name)
{
	for (int i = 0; i < lengthof(Operations); i++)
		if (strcmp(Operations[i].name, name) == 0)
			return Operations[i].handler;
	dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: %s", name);
}

/* TableName of a request, checked by DynamoDB's rules */
char *
exec_table_name(Jsonb *req)
{
	char	   *name = req_string(req, "TableName");

	dynamo_check_table_name(name, "tableName");
	return name;
}

/* Run one operation on a parsed request */
static Jsonb *
run_operation(text *operation, Jsonb *request, bool escaped)
{
	OperationHandler handler = find_operation(text_to_cstring(operation));

	req_check_object(request);
	return handler(request, escaped);
}

PG_FUNCTION_INFO_V1(dynamo_execute);

/*
 * dynamo.execute(operation text, request jsonb) returns jsonb
 */
Datum
dynamo_execute(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: null");
	if (PG_ARGISNULL(1))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	PG_RETURN_JSONB_P(run_operation(PG_GETARG_TEXT_PP(0), PG_GETARG_JSONB_P(1), false));
}

/*
 * Parse a request's JSON text; malformed JSON is DynamoDB's
 * SerializationException.  The error is rethrown at once, so catching it
 * needs no subtransaction.
 */
static Jsonb *
parse_request_text(const char *json)
{
	Jsonb	   *result = NULL;
	MemoryContext cxt = CurrentMemoryContext;

	PG_TRY();
	{
		result = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		dynamo_error(DYN_SERIALIZATION, "%s", edata->message);
	}
	PG_END_TRY();
	return result;
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
	char	   *escaped;
	Jsonb	   *request;
	Jsonb	   *response;
	char	   *out;

	if (PG_ARGISNULL(0))
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: null");
	if (PG_ARGISNULL(1))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	body = PG_GETARG_TEXT_PP(1);
	escaped = json_text_escape_nul(VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body));
	request = parse_request_text(escaped);
	response = run_operation(PG_GETARG_TEXT_PP(0), request, true);
	out = JsonbToCString(NULL, &response->root, VARSIZE(response));
	PG_RETURN_TEXT_P(cstring_to_text(json_text_unescape_nul(out, strlen(out))));
}
