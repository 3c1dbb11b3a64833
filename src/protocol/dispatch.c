/*
 * dispatch.c
 *		DynamoDB's operations by name: the one entry point of the DynamoDB
 *		JSON protocol, shared by dynamo.execute() and the HTTP door, with no
 *		SQL-function machinery.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "protocol.h"
#include "attr_text.h"
#include "errors.h"
#include "json_build.h"
#include "json_read.h"
#include "nul_escape.h"
#include "table_catalog.h"
#include "tables.h"
#include "validate.h"

static const DynamoOperation Operations[] = {
	{"CreateTable", exec_create_table},
	{"DeleteTable", exec_delete_table},
	{"DescribeTable", exec_describe_table},
	{"ListTables", exec_list_tables},
	{"PutItem", exec_put_item},
	{"GetItem", exec_get_item},
	{"DeleteItem", exec_delete_item},
	{"UpdateItem", exec_update_item},
	{"Query", exec_query, exec_query_text},
	{"Scan", exec_scan, exec_scan_text},
	{"BatchGetItem", exec_batch_get_item},
	{"BatchWriteItem", exec_batch_write_item},
	{"TransactGetItems", exec_transact_get_items},
	{"TransactWriteItems", exec_transact_write_items},
	/* PartiQL */
	{"ExecuteStatement", exec_execute_statement},
	{"BatchExecuteStatement", exec_batch_execute_statement},
	{"ExecuteTransaction", exec_execute_transaction},
	/* UpdateTable: secondary indexes, table settings, StreamSpecification */
	{"UpdateTable", exec_update_table},
	/* Time to Live, tags, limits, endpoints, backups (tableapi) */
	{"UpdateTimeToLive", exec_update_time_to_live},
	{"DescribeTimeToLive", exec_describe_time_to_live},
	{"TagResource", exec_tag_resource},
	{"UntagResource", exec_untag_resource},
	{"ListTagsOfResource", exec_list_tags_of_resource},
	{"DescribeLimits", exec_describe_limits},
	{"DescribeEndpoints", exec_describe_endpoints},
	{"CreateBackup", exec_create_backup},
	{"DescribeBackup", exec_describe_backup},
	{"ListBackups", exec_list_backups},
	{"DeleteBackup", exec_delete_backup},
	{"RestoreTableFromBackup", exec_restore_table_from_backup},
	{"DescribeContinuousBackups", exec_describe_continuous_backups},
	{"UpdateContinuousBackups", exec_update_continuous_backups},
	/* streams: DynamoDB Streams (target DynamoDBStreams_20120810.*) */
	{"ListStreams", exec_list_streams},
	{"DescribeStream", exec_describe_stream},
	{"GetShardIterator", exec_get_shard_iterator},
	{"GetRecords", exec_get_records, exec_get_records_text},
};

/*
 * The table operations whose TableName may be the table's ARN, as DynamoDB's
 * API reference documents (the item operations, Query and Scan resolve an
 * ARN themselves, and name the table in their responses as the request did)
 */
static const char *const TableArnOperations[] = {
	"DeleteTable", "DescribeTable", "UpdateTable", "UpdateTimeToLive", "DescribeTimeToLive",
	"CreateBackup", "DescribeContinuousBackups", "UpdateContinuousBackups",
};

/*
 * The request of a table operation with an ARN as TableName (of this region
 * and account, of 1 to 1024 characters) made to name the table by its name;
 * any other request as it is
 */
static Jsonb *
table_arn_to_name(const char *operation, Jsonb *request)
{
	JsonbValue *v;
	JsonbParseState *st = NULL;
	char	   *arn;
	int			i;

	for (i = 0; i < lengthof(TableArnOperations); i++)
		if (strcmp(TableArnOperations[i], operation) == 0)
			break;
	if (i == lengthof(TableArnOperations))
		return request;
	v = req_member(request, "TableName");
	if (v == NULL || v->type != jbvString || v->val.string.len < 4 ||
		strncmp(v->val.string.val, "arn:", 4) != 0)
		return request;
	arn = pnstrdup(v->val.string.val, v->val.string.len);
	validate_table_ref(NULL, arn, "tableName");
	/* request || {"TableName": name}: the member replaced, the rest kept */
	jb_begin_object(&st, NULL);
	jb_string(&st, "TableName", table_name_of_arn(arn, "tableName"));
	return DatumGetJsonbP(DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(request),
											  JsonbPGetDatum(jb_finish(&st))));
}

/* An operation by name, or NULL */
static const DynamoOperation *
lookup_operation(const char *name)
{
	for (int i = 0; i < lengthof(Operations); i++)
		if (strcmp(Operations[i].name, name) == 0)
			return &Operations[i];
	return NULL;
}

/* An operation by name; UnknownOperationException if none */
static const DynamoOperation *
find_operation(const char *name)
{
	const DynamoOperation *op = lookup_operation(name);

	if (op == NULL)
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: %s", name);
	return op;
}

/* Whether an operation of this name exists */
bool
dynamo_operation_known(const char *name)
{
	return lookup_operation(name) != NULL;
}

/*
 * Run one operation on a parsed request: the response, or a DynamoDB
 * exception (a PostgreSQL error the operation meets is mapped by
 * error_map.c, and rethrown at once, so catching it needs no
 * subtransaction).  escaped: strings of the request and response use the
 * U+0000 escape of the text form (nul_escape.h).  With text (the
 * operation's text handler is then used), the response is written there
 * instead, in style (attr_text.h).
 */
static Jsonb *
run_operation(const DynamoOperation *op, Jsonb *request, bool escaped, StringInfo text,
			  int style)
{
	MemoryContext cxt = CurrentMemoryContext;
	Jsonb	   *volatile response = NULL;
	Jsonb	   *volatile named = request;

	req_check_object(request);
	PG_TRY();
	{
		named = table_arn_to_name(op->name, request);
		if (text)
			op->text_handler(named, text, style);
		else
			response = op->handler(named, escaped);
	}
	PG_CATCH();
	{
		/* DynamoDB's exceptions get their items typed, others are mapped */
		if (ERRCODE_TO_CATEGORY(geterrcode()) ==
			ERRCODE_TO_CATEGORY(dynamo_errcode(DYN_VALIDATION)))
			exec_rethrow_typed(cxt);
		error_map_rethrow(op->name, named, cxt);
	}
	PG_END_TRY();
	return response;
}

/* Run one operation on a parsed request (see run_operation) */
Jsonb *
dynamo_run_operation(const char *operation, Jsonb *request, bool escaped)
{
	return run_operation(find_operation(operation), request, escaped, NULL, 0);
}

/*
 * Parse a request's JSON text; malformed JSON is DynamoDB's
 * SerializationException (error_map.c).  The error is rethrown at once, so
 * catching it needs no subtransaction.
 */
Jsonb *
dynamo_parse_request_text(const char *json)
{
	Jsonb	   *result = NULL;
	MemoryContext cxt = CurrentMemoryContext;

	PG_TRY();
	{
		result = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
	}
	PG_CATCH();
	{
		error_map_rethrow_parse(cxt);
	}
	PG_END_TRY();
	return result;
}

/*
 * Run one operation on a request given as JSON text (len bytes, strings may
 * hold U+0000 written \u0000); the response is appended to out as JSON text
 * (U+0000 written \u0000), spaced as execute() prints it or, with compact,
 * without a space after ':' and ',', as DynamoDB answers.
 */
void
dynamo_run_operation_text(const char *operation, const char *body, size_t len,
						  bool compact, StringInfo out)
{
	Jsonb	   *request = dynamo_parse_request_text(json_text_escape_nul(body, len));
	const DynamoOperation *op = find_operation(operation);
	int			style = JSON_TEXT_SHOW_NUL | (compact ? JSON_TEXT_COMPACT : 0);

	if (op->text_handler)
		(void) run_operation(op, request, true, out, style);
	else
		json_append_jsonb(out, run_operation(op, request, true, NULL, 0), style);
}
