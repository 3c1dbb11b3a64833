/*
 * read_sql.c
 *		The ergonomic Query and Scan functions: named arguments, plain JSON.
 *
 * dynamo.query() and dynamo.scan() return every matching item as a row,
 * walking page after page (Limit, when given, still counts items before the
 * filter); dynamo.query_page() and dynamo.scan_page() return one page in
 * DynamoDB's shape, for callers that page with exclusive_start_key.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "advisor.h"
#include "json_build.h"
#include "read_ops.h"
#include "sql_args.h"

/* Argument positions of a function (-1: it has no such argument) */
typedef struct ReadArgs
{
	int			key_condition;
	int			names;
	int			values;
	int			filter;
	int			projection;
	int			forward;
	int			limit;
	int			start_key;
	int			segment;
	int			total_segments;
	int			select;			/* page forms only */
	int			consistent_read;
	int			index_name;		/* rows form; the page form's is one further */
} ReadArgs;

/*
 * query(table_name, key_condition_expression, expression_attribute_names,
 *		 expression_attribute_values, filter_expression, projection_expression,
 *		 scan_index_forward, limit, exclusive_start_key, consistent_read
 *		 [, select], index_name)
 */
static const ReadArgs QueryArgs = {1, 2, 3, 4, 5, 6, 7, 8, -1, -1, 10, 9, 10};

/*
 * scan(table_name, filter_expression, expression_attribute_names,
 *		expression_attribute_values, projection_expression, limit,
 *		exclusive_start_key, segment, total_segments, consistent_read
 *		[, select], index_name)
 */
static const ReadArgs ScanArgs = {-1, 2, 3, 1, 4, -1, 5, 6, 7, 8, 10, 9, 10};

/* Reduce a call to a ReadRequest */
static void
read_request_from_args(FunctionCallInfo fcinfo, const ReadArgs *a, bool query, bool paged,
					   ReadRequest *r)
{
	ReadParams	p = {0};
	Jsonb	   *start = sql_jsonb_arg(fcinfo, a->start_key);

	p.query = query;
	p.paged = paged;
	p.table_name = sql_text_arg(fcinfo, 0);
	/* a name only: the ARN is DynamoDB's API's (execute(), HTTP) */
	dynamo_check_table_name(p.table_name, "tableName");
	p.expr.operation = query ? "Query" : "Scan";
	p.expr.key_condition = sql_text_arg(fcinfo, a->key_condition);
	sql_placeholders_args(fcinfo, a->names, a->values, &p.expr.names, &p.expr.values);
	p.expr.filter = sql_text_arg(fcinfo, a->filter);
	p.expr.projection = sql_text_arg(fcinfo, a->projection);
	p.forward = a->forward < 0 || PG_ARGISNULL(a->forward) || PG_GETARG_BOOL(a->forward);
	p.has_limit = sql_int_arg(fcinfo, a->limit, &p.limit);
	p.start_key = start ? item_from_plain(start, false) : NULL;
	p.has_segment = sql_int_arg(fcinfo, a->segment, &p.segment);
	p.has_total_segments = sql_int_arg(fcinfo, a->total_segments, &p.total_segments);
	p.select = paged ? sql_text_arg(fcinfo, a->select) : NULL;
	p.consistent_read = !PG_ARGISNULL(a->consistent_read) && PG_GETARG_BOOL(a->consistent_read);
	/* index_name came in 0.2.0: a 0.1.0 definition has no such argument */
	if (a->index_name + paged < PG_NARGS())
		p.index_name = sql_text_arg(fcinfo, a->index_name + paged);
	advisor_read_request_build(&p, r);
}

/* Rows of a set-returning read */
typedef struct RowSink
{
	ReturnSetInfo *rsinfo;
	MemoryContext row;			/* reset after each row */
	ReadRequest *req;
} RowSink;

/* Visitor: each item as a row of plain JSON */
static void
put_row(void *arg, Jsonb *item)
{
	RowSink    *sink = arg;
	MemoryContext old = MemoryContextSwitchTo(sink->row);
	Datum		value = JsonbPGetDatum(sink->req->visit_plain ? item : item_to_plain(item, false));
	bool		isnull = false;

	tuplestore_putvalues(sink->rsinfo->setResult, sink->rsinfo->setDesc, &value, &isnull);
	MemoryContextSwitchTo(old);
	MemoryContextReset(sink->row);
}

/* Every matching item, as rows */
static Datum
read_rows(FunctionCallInfo fcinfo, const ReadArgs *a, bool query)
{
	ReadRequest r;
	ReadResult res;
	RowSink		sink;

	read_request_from_args(fcinfo, a, query, false, &r);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	sink.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	sink.req = &r;
	sink.row = AllocSetContextCreate(CurrentMemoryContext, "pg_dynamo read row",
									 ALLOCSET_DEFAULT_SIZES);
	read_items(&r, put_row, &sink, &res);
	MemoryContextDelete(sink.row);
	return (Datum) 0;
}

/* One page: {"Items": [...], "Count", "ScannedCount", "LastEvaluatedKey"} */
static Datum
read_page_sql(FunctionCallInfo fcinfo, const ReadArgs *a, bool query)
{
	ReadRequest r;
	ReadResult res;
	JsonbParseState *st = NULL;

	read_request_from_args(fcinfo, a, query, true, &r);
	jb_begin_object(&st, NULL);
	read_page(&r, &st, FORM_PLAIN, &res);
	PG_RETURN_JSONB_P(jb_finish(&st));
}

PG_FUNCTION_INFO_V1(dynamo_query_sql);
PG_FUNCTION_INFO_V1(dynamo_query_page_sql);
PG_FUNCTION_INFO_V1(dynamo_scan_sql);
PG_FUNCTION_INFO_V1(dynamo_scan_page_sql);

/* dynamo.query(...) returns setof jsonb */
Datum
dynamo_query_sql(PG_FUNCTION_ARGS)
{
	return read_rows(fcinfo, &QueryArgs, true);
}

/* dynamo.query_page(...) returns jsonb */
Datum
dynamo_query_page_sql(PG_FUNCTION_ARGS)
{
	return read_page_sql(fcinfo, &QueryArgs, true);
}

/* dynamo.scan(...) returns setof jsonb */
Datum
dynamo_scan_sql(PG_FUNCTION_ARGS)
{
	return read_rows(fcinfo, &ScanArgs, false);
}

/* dynamo.scan_page(...) returns jsonb */
Datum
dynamo_scan_page_sql(PG_FUNCTION_ARGS)
{
	return read_page_sql(fcinfo, &ScanArgs, false);
}
