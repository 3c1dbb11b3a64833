/*
 * execute_read.c
 *		execute()'s Query and Scan: DynamoDB's request and response shapes.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "attr_text.h"
#include "protocol.h"
#include "json_read.h"
#include "json_build.h"
#include "indexes.h"
#include "read_ops.h"

/* Read the members of a Query or Scan request (m: its members) */
static void
read_params_read(RequestMembers *m, bool escaped, bool query, ReadParams *p)
{
	Jsonb	   *start = req_value_object(request_member(m, "ExclusiveStartKey"));

	memset(p, 0, sizeof(ReadParams));
	p->query = query;
	p->paged = true;
	p->table_name = req_value_string(request_member(m, "TableName"));
	p->index_name = req_value_string(request_member(m, "IndexName"));
	p->consistent_read = req_value_bool(request_member(m, "ConsistentRead"), false);
	p->select = req_value_string(request_member(m, "Select"));
	p->has_limit = req_value_int(request_member(m, "Limit"), "Limit", &p->limit);
	expr_params_read(m, escaped, &p->expr);
	p->expr.operation = query ? "Query" : "Scan";
	/* members of the write operations are not Query's or Scan's */
	p->expr.condition = p->expr.update = NULL;
	p->expr.expected = p->expr.attribute_updates = NULL;
	p->expr.filter = req_value_string(request_member(m, "FilterExpression"));
	p->expr.conditional_operator = req_value_string(request_member(m, "ConditionalOperator"));
	if (query)
	{
		p->forward = req_value_bool(request_member(m, "ScanIndexForward"), true);
		p->expr.key_condition = req_value_string(request_member(m, "KeyConditionExpression"));
		p->expr.key_conditions = req_value_object(request_member(m, "KeyConditions"));
		p->expr.query_filter = req_value_object(request_member(m, "QueryFilter"));
	}
	else
	{
		p->forward = true;
		p->expr.scan_filter = req_value_object(request_member(m, "ScanFilter"));
		p->has_segment = req_value_int(request_member(m, "Segment"), "Segment", &p->segment);
		p->has_total_segments = req_value_int(request_member(m, "TotalSegments"), "TotalSegments",
											  &p->total_segments);
	}
	/* DynamoDB checks the parameter mix before ExclusiveStartKey's values */
	item_expressions_check_mix(&p->expr);
	p->start_key_typed = start;
	p->start_key_escaped = escaped;
}

/*
 * Read the members of a Query or Scan request, their parameter constraints
 * checked as they are read (exec_read_members) when checked
 */
static void
read_params_from_request(Jsonb *req, bool escaped, bool query, bool checked, ReadParams *p)
{
	RequestMembers m = {.req = req,.count = 0};

	if (checked)
		exec_read_members(query ? "Query" : "Scan", req, &m);
	read_params_read(&m, escaped, query, p);
}

/* Check a Query or Scan request (DynamoDB JSON) and reduce it to r */
void
exec_read_build(Jsonb *req, bool query, ReadParams *p, ReadRequest *r)
{
	read_params_from_request(req, false, query, true, p);
	read_request_build(p, r);
}

/*
 * Read a Query or Scan request of execute() into p: its parameter
 * constraints checked as its members are read (exec_read_members), then
 * ReturnConsumedCapacity (returned) and ConsistentRead's kind before the
 * other members
 */
static CapacityDetail
read_execute_request(Jsonb *req, bool escaped, bool query, ReadParams *p)
{
	RequestMembers m;
	CapacityDetail capacity;

	exec_read_members(query ? "Query" : "Scan", req, &m);
	capacity = capacity_detail(req_value_string(request_member(&m, "ReturnConsumedCapacity")));
	(void) req_value_bool(request_member(&m, "ConsistentRead"), false);
	read_params_read(&m, escaped, query, p);
	return capacity;
}

/* Push the ConsumedCapacity of a read: of its index when it reads one, else of its table */
static void
push_read_capacity(JsonbParseState **st, CapacityDetail capacity, ReadParams *p, ReadRequest *r,
				   ReadResult *res)
{
	if (r->index)
		push_index_read_capacity(st, capacity, p->table_name, r->index->name, r->index->local,
								 capacity_units(res->index_bytes, false, p->consistent_read),
								 res->fetched_bytes > 0 ?
								 capacity_units(res->fetched_bytes, false, p->consistent_read) : 0);
	else
		push_capacity_units(st, "ConsumedCapacity", capacity, p->table_name,
							Max(capacity_units(res->scanned_bytes, false, p->consistent_read),
								read_fewest_reads(r, res->last_key == NULL) *
								capacity_units(0, false, p->consistent_read)));
}

/* Query or Scan: one page */
static Jsonb *
exec_read(Jsonb *req, bool escaped, bool query)
{
	ReadParams	p;
	ReadRequest r;
	ReadResult res;
	CapacityDetail capacity;
	JsonbParseState *st = NULL;

	capacity = read_execute_request(req, escaped, query, &p);
	read_request_build(&p, &r);
	/* each typed item is written whole as it is read (attr_jsonb.h) */
	r.transient = true;

	jb_begin_object(&st, NULL);
	read_page(&r, &st, escaped ? FORM_TYPED_ESCAPED : FORM_TYPED, &res);
	if (capacity)
		push_read_capacity(&st, capacity, &p, &r, &res);
	return jb_finish(&st);
}

/*
 * Query or Scan: one page, written as text in a style (attr_text.h; the
 * request's strings carry the stored escape).  Members in jsonb's order,
 * as jsonb_out prints them.
 */
static void
exec_read_text(Jsonb *req, bool query, StringInfo out, int style)
{
	ReadParams	p;
	ReadRequest r;
	ReadResult res;
	CapacityDetail capacity;

	capacity = read_execute_request(req, true, query, &p);
	read_request_build(&p, &r);

	read_page_text(&r, out, style, &res);
	if (capacity)
	{
		JsonbParseState *st = NULL;

		jb_begin_object(&st, NULL);
		push_read_capacity(&st, capacity, &p, &r, &res);
		json_append_members(out, jb_finish(&st), style);
	}
	if (res.last_key)
	{
		json_append_key(out, "LastEvaluatedKey", false, style);
		item_append_typed_text(out, res.last_key, style);
	}
	appendStringInfoChar(out, '}');
}

/* Query */
Jsonb *
exec_query(Jsonb *req, bool escaped)
{
	return exec_read(req, escaped, true);
}

/* Scan */
Jsonb *
exec_scan(Jsonb *req, bool escaped)
{
	return exec_read(req, escaped, false);
}

/* Query, written as text */
void
exec_query_text(Jsonb *req, StringInfo out, int style)
{
	exec_read_text(req, true, out, style);
}

/* Scan, written as text */
void
exec_scan_text(Jsonb *req, StringInfo out, int style)
{
	exec_read_text(req, false, out, style);
}

/*
 * A SQL literal of the placeholders of map (names or values) that an
 * expression's text uses, since dynamo.eval_condition() and
 * dynamo.project() reject unused ones; NULL when it uses none.
 */
char *
exec_placeholders_literal(Jsonb *map, const char *text)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	k,
				v;
	JsonbIteratorToken r;
	bool		any = false;
	Jsonb	   *used;

	if (map == NULL || text == NULL)
		return "NULL";
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(&map->root);
	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		char	   *key;
		const char *at;
		bool		uses = false;

		if (r != WJB_KEY)
			continue;
		key = pnstrdup(k.val.string.val, k.val.string.len);
		for (at = strstr(text, key); at && !uses; at = strstr(at + 1, key))
			uses = !(isalnum((unsigned char) at[k.val.string.len]) || at[k.val.string.len] == '_');
		r = JsonbIteratorNext(&it, &v, true);
		if (!uses)
			continue;
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_VALUE, &v);
		any = true;
	}
	used = JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
	if (!any)
		return "NULL";
	return psprintf("%s::jsonb", quote_literal_cstr(JsonbToCString(NULL, &used->root, VARSIZE(used))));
}

/*
 * The plain SQL over the
 * item table that does what a Query or Scan request does, for a user to
 * compare, run or EXPLAIN.  The key range, order and start key are the
 * statement the engine runs; the filter and projection are written with
 * dynamo.eval_condition() and dynamo.project(); Limit counts rows before the
 * filter, as DynamoDB's does.  The 1 MB page size has no SQL equivalent.
 */
char *
exec_read_to_sql(const char *op, Jsonb *req)
{
	bool		query = strcmp(op, "Query") == 0;
	ReadParams	p;
	ReadRequest r;
	StringInfoData sql;
	Datum		values[8];
	Oid			types[8];
	int			nparams;

	if (!query && strcmp(op, "Scan") != 0)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("dynamo.to_sql takes a Query or a Scan, not \"%s\"", op)));
	req_check_object(req);
	read_params_from_request(req, false, query, false, &p);
	if (p.expr.query_filter || p.expr.scan_filter || p.expr.attributes_to_get)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("dynamo.to_sql does not translate QueryFilter, ScanFilter or AttributesToGet"),
						errhint("Use FilterExpression and ProjectionExpression.")));
	read_request_build(&p, &r);

	initStringInfo(&sql);
	appendStringInfoString(&sql, read_statement(&r, values, types, &nparams));
	if (r.empty)
		appendStringInfoString(&sql, " LIMIT 0");
	else if (r.limit > 0)
		appendStringInfo(&sql, " LIMIT " INT64_FORMAT, r.limit);
	if (r.filter || r.projection || r.select == SELECT_COUNT)
	{
		StringInfoData outer;

		initStringInfo(&outer);
		if (r.select == SELECT_COUNT)
			appendStringInfoString(&outer, "SELECT count(*)");
		else if (r.projection)
			appendStringInfo(&outer, "SELECT dynamo.project(item, %s, %s) AS item",
							 quote_literal_cstr(p.expr.projection),
							 exec_placeholders_literal(p.expr.names, p.expr.projection));
		else
			appendStringInfoString(&outer, "SELECT item");
		appendStringInfo(&outer, " FROM (%s) AS page", sql.data);
		if (r.filter)
			appendStringInfo(&outer, " WHERE dynamo.eval_condition(item, %s, %s, %s)",
							 quote_literal_cstr(p.expr.filter),
							 exec_placeholders_literal(p.expr.names, p.expr.filter),
							 exec_placeholders_literal(p.expr.values ? item_to_plain(p.expr.values, false) : NULL,
												  p.expr.filter));
		sql = outer;
	}
	return sql.data;
}
