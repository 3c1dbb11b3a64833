/*
 * partiql_exec.c
 *		Running PartiQL statements: ExecuteStatement, BatchExecuteStatement
 *		and ExecuteTransaction over the engine's operations.
 *
 * A SELECT whose WHERE fixes the whole primary key is a GetItem (through
 * the primary key index) with the rest of the WHERE as a filter; one that
 * fixes the partition key is a Query; anything else a Scan, a page at a
 * time, NextToken carrying the last key read.  Writes are the requests of
 * PutItem, UpdateItem and DeleteItem (execute()'s own handlers), and a
 * transaction is a TransactWriteItems or TransactGetItems request, so
 * conditions, ReturnValues, cancellation reasons and ClientRequestToken
 * behave as they do there.
 */
#include "postgres.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "utils/resowner.h"

#include "attr_value.h"
#include "errors.h"
#include "protocol.h"
#include "indexes.h"
#include "json_build.h"
#include "json_read.h"
#include "partiql.h"
#include "read_ops.h"
#include "table_catalog.h"
#include "batch.h"
#include "validate.h"

#define PQL_BATCH_MAX 25
#define PQL_TRANSACTION_MAX 100
#define PQL_DUPLICATE_KEY "Duplicate primary key exists in table"
#define PQL_BATCH_MIXED "Read and write requests together in the same batch is not supported."

/* Parse and translate one statement */
static void
plan_statement(const char *statement, Jsonb *parameters, PqlPlan *plan)
{
	validate_not_null(NULL, statement, "statement");
	pql_translate(pql_parse(statement), parameters, plan);
}

/* Push a stored item as an element of Items, in the caller's form */
static void
push_item(JsonbParseState **st, Jsonb *item, PqlOptions *o)
{
	if (o->plain)
		jb_jsonb(st, NULL, item_to_plain(item, false));
	else
		(void) item_push_typed(st, item, o->escaped);
}

typedef struct ItemSink
{
	JsonbParseState **st;
	PqlOptions *opts;
} ItemSink;

/* ReadVisitor: each item that passes the filter into Items */
static void
sink_item(void *arg, Jsonb *item)
{
	ItemSink   *sink = arg;

	push_item(sink->st, item, sink->opts);
}

/* NextToken: the last key read, as base64 of its typed JSON */
static char *
next_token_encode(Jsonb *last_key)
{
	Jsonb	   *typed = item_to_typed(last_key, true);
	char	   *json = JsonbToCString(NULL, &typed->root, VARSIZE(typed));

	return dynamo_binary_encode(json, strlen(json));
}

/* The start key (stored form) of a NextToken */
static Jsonb *
next_token_decode(const char *token)
{
	int			n;
	char	   *json = dynamo_base64_decode(token, &n);
	Jsonb	   *key;

	if (json == NULL || n == 0)
		dynamo_error(DYN_VALIDATION, "Invalid NextToken");
	key = dynamo_parse_request_text(json);
	if (!JB_ROOT_IS_OBJECT(key) || JB_ROOT_IS_SCALAR(key))
		dynamo_error(DYN_VALIDATION, "Invalid NextToken");
	return item_from_typed(key, true);
}

/* The filter and projection of a plan, parsed against its placeholders */
static void
parse_filter(PqlPlan *plan, bool escaped, DynCondition **filter, DynProjection **projection)
{
	ExprAttrs  *attrs = expr_attrs_create(plan->names,
										  plan->values ? item_from_typed(plan->values, escaped) : NULL,
										  escaped);

	*filter = plan->condition ? expr_parse_condition(plan->condition, EXPR_FILTER, attrs) : NULL;
	*projection = plan->projection ? expr_parse_projection(plan->projection, attrs) : NULL;
}

/* A SELECT of one item by its whole key: GetItem, then the filter */
static int64
select_by_key(PqlPlan *plan, PqlOptions *o, JsonbParseState **st)
{
	DynamoTable *t = dynamo_table_lookup(plan->table, false);
	DynCondition *filter;
	DynProjection *projection;
	ItemKey		key;
	Jsonb	   *item;
	int64		bytes;

	parse_filter(plan, o->escaped, &filter, &projection);
	item_key_from_key(t, item_from_typed(plan->key, o->escaped), &key);
	item = dynamo_get_item(t, &key);
	bytes = item ? item_size(item) : 0;
	if (item && filter && !expr_eval_condition(filter, item))
		item = NULL;
	if (item && projection)
		item = expr_apply_projection(projection, item);
	jb_begin_array(st, "Items");
	if (item)
		push_item(st, item, o);
	jb_end_array(st);
	return bytes;
}

/* The Query or Scan of a SELECT */
static void
select_read_params(PqlPlan *plan, PqlOptions *o, ReadParams *p)
{
	memset(p, 0, sizeof(ReadParams));
	p->query = plan->query;
	p->paged = true;
	p->key_filter = true;
	p->table_name = plan->table;
	p->index_name = plan->index;
	p->forward = plan->forward;
	p->has_limit = o->has_limit;
	p->limit = o->limit;
	p->start_key = o->next_token ? next_token_decode(o->next_token) : NULL;
	p->expr.operation = plan->query ? "Query" : "Scan";
	p->expr.key_condition = plan->key_condition;
	p->expr.filter = plan->condition;
	p->expr.projection = plan->projection;
	p->unprojected_ok = true;
	p->expr.names = plan->names;
	p->expr.values = plan->values ? item_from_typed(plan->values, o->escaped) : NULL;
}

/* A SELECT: one page of Items, NextToken and LastEvaluatedKey; the bytes read */
static int64
run_select(PqlPlan *plan, PqlOptions *o, JsonbParseState **st)
{
	ReadParams	p;
	ReadRequest r;
	ReadResult	res;
	ItemSink	sink = {st, o};

	if (plan->full_key && plan->index == NULL && o->next_token == NULL)
		return select_by_key(plan, o, st);
	/* PartiQL's own wording, not Query's and Scan's */
	if (plan->global_index && o->consistent)
		dynamo_error(DYN_VALIDATION, "Strongly consistent read is not supported on Global Secondary Indexes");
	select_read_params(plan, o, &p);
	read_request_build(&p, &r);
	jb_begin_array(st, "Items");
	read_items(&r, sink_item, &sink, &res);
	jb_end_array(st);
	if (res.last_key)
	{
		jb_string(st, "NextToken", next_token_encode(res.last_key));
		if (!o->plain)
			jb_jsonb(st, "LastEvaluatedKey", item_to_typed(res.last_key, o->escaped));
	}
	return res.scanned_bytes;
}

/*
 * A write: the operation's own handler on the request the statement
 * amounts to.  An INSERT onto an existing key is DuplicateItemException.
 */
static Jsonb *
run_write(PqlPlan *plan, PqlOptions *o)
{
	Jsonb	   *req = pql_write_request(plan, o);
	MemoryContext cxt = CurrentMemoryContext;
	Jsonb	   *resp = NULL;

	switch (plan->stmt->kind)
	{
		case PQL_INSERT:
			PG_TRY();
			{
				resp = exec_put_item(req, o->escaped);
			}
			PG_CATCH();
			{
				ErrorData  *edata;

				MemoryContextSwitchTo(cxt);
				edata = CopyErrorData();
				if (edata->sqlerrcode != dynamo_errcode(DYN_CONDITIONAL_CHECK_FAILED))
					PG_RE_THROW();
				FlushErrorState();
				dynamo_error(DYN_DUPLICATE_ITEM, PQL_DUPLICATE_KEY);
			}
			PG_END_TRY();
			return resp;
		case PQL_UPDATE:
			return exec_update_item(req, o->escaped);
		case PQL_DELETE:
			return exec_delete_item(req, o->escaped);
		default:
			dynamo_error(DYN_VALIDATION, "EXISTS can only be used in ExecuteTransaction write requests.");
	}
}

/* A write's response: Items (the returned item, if any) and ConsumedCapacity */
static void
push_write_response(JsonbParseState **st, Jsonb *resp, PqlOptions *o)
{
	JsonbValue *attrs = req_member(resp, "Attributes");
	JsonbValue *capacity = req_member(resp, "ConsumedCapacity");

	jb_begin_array(st, "Items");
	if (attrs)
		push_item(st, item_from_typed(jsonb_of_container(attrs), o->escaped), o);
	jb_end_array(st);
	if (capacity)
		jb_jsonb(st, "ConsumedCapacity", jsonb_of_container(capacity));
}

/* ExecuteStatement: one statement, its response members pushed into st */
static void
run_statement(PqlPlan *plan, PqlOptions *o, JsonbParseState **st)
{
	CapacityDetail capacity = capacity_detail(o->return_capacity);

	if (plan->stmt->kind == PQL_SELECT)
	{
		int64		bytes = run_select(plan, o, st);
		DynamoIndex *ix = plan->index && capacity ?
			index_find(dynamo_table_lookup(plan->table, false), plan->index) : NULL;

		if (ix)
			push_index_read_capacity(st, capacity, plan->table, ix->name, ix->local,
									 capacity_units(bytes, false, o->consistent), 0);
		else if (capacity)
			push_capacity(st, capacity, plan->table, bytes, false, o->consistent);
	}
	else
		push_write_response(st, run_write(plan, o), o);
}

/* ExecuteStatement */
Jsonb *
pql_execute_statement(const char *statement, Jsonb *parameters, PqlOptions *opts)
{
	PqlPlan		plan;
	JsonbParseState *st = NULL;

	plan_statement(statement, parameters, &plan);
	jb_begin_object(&st, NULL);
	run_statement(&plan, opts, &st);
	return jb_finish(&st);
}

/* The BatchStatementError code of a DynamoDB exception's SQLSTATE, or NULL */
static const char *
batch_error_code(int sqlerrcode)
{
	for (int e = 0; e < DYN_EXCEPTION_COUNT; e++)
	{
		const char *name = DynamoExceptions[e].name;
		int			len = strlen(name);

		if (dynamo_errcode(e) != sqlerrcode)
			continue;
		if (e == DYN_VALIDATION)
			return "ValidationError";
		if (e == DYN_THROTTLING)
			return "ThrottlingError";
		if (len > 9 && strcmp(name + len - 9, "Exception") == 0)
			return pnstrdup(name, len - 9);
		return name;
	}
	return NULL;
}

/* A statement of a batch, parsed from its ParameterizedStatement */
static void
batch_statement_plan(Jsonb *s, PqlOptions *o, PqlPlan *plan)
{
	o->consistent = req_bool(s, "ConsistentRead", false);
	o->return_on_failure = req_string(s, "ReturnValuesOnConditionCheckFailure");
	plan_statement(req_string(s, "Statement"), req_array(s, "Parameters"), plan);
}

/* One statement of a batch, whose errors become its response's Error */
static void
run_batch_statement(Jsonb *s, PqlOptions *opts, bool *reads, JsonbParseState **st)
{
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	PqlOptions	o = *opts;
	PqlPlan		plan = {0};
	JsonbParseState *one = NULL;
	Jsonb	   *response = NULL;

	o.return_capacity = NULL;
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		batch_statement_plan(s, &o, &plan);
		if (plan.stmt->kind != PQL_EXISTS && *reads != (plan.stmt->kind == PQL_SELECT))
			dynamo_error(DYN_VALIDATION, PQL_BATCH_MIXED);
		if (plan.stmt->kind == PQL_SELECT && (!plan.full_key || plan.index))
			dynamo_error(DYN_VALIDATION, "Only single item select is supported");
		jb_begin_object(&one, NULL);
		run_statement(&plan, &o, &one);
		response = jb_finish(&one);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		ErrorData  *edata = dynamo_subxact_abort(cxt, owner);
		const char *code;

		code = batch_error_code(edata->sqlerrcode);
		if (code == NULL)
			ReThrowError(edata);
		jb_begin_object(st, NULL);
		jb_begin_object(st, "Error");
		jb_string(st, "Code", code);
		jb_string(st, "Message", edata->message);
		if (edata->detail && edata->sqlerrcode == dynamo_errcode(DYN_CONDITIONAL_CHECK_FAILED))
		{
			Jsonb	   *d = dynamo_parse_request_text(edata->detail);
			JsonbValue *item = req_member(d, "Item");

			if (item)
			{
				Jsonb	   *stored = item_from_plain(jsonb_of_container(item), true);

				jb_key(st, "Item");
				if (o.plain)
					jb_jsonb(st, NULL, item_to_plain(stored, false));
				else
					(void) item_push_typed(st, stored, o.escaped);
			}
		}
		jb_end_object(st);
		if (plan.table)
			jb_string(st, "TableName", plan.table);
		jb_end_object(st);
		return;
	}
	PG_END_TRY();

	jb_begin_object(st, NULL);
	jb_string(st, "TableName", plan.table);
	if (plan.stmt->kind == PQL_SELECT)
	{
		JsonbValue *items = req_member(response, "Items");
		JsonbValue *item = items ? getIthJsonbValueFromContainer(items->val.binary.data, 0) : NULL;

		if (item)
		{
			jb_key(st, "Item");
			pushJsonbValue(st, WJB_VALUE, item);
		}
	}
	jb_end_object(st);
}

/* A list member of 1 to max statements */
static int
statement_count(Jsonb *list, const char *member, int max)
{
	int			n;

	validate_not_null(NULL, list, member);
	n = JB_ROOT_COUNT(list);
	validate_length(NULL, json_text(list), n, 1, max, member);
	return n;
}

/* The i-th ParameterizedStatement of a list */
static Jsonb *
statement_at(Jsonb *list, int i)
{
	JsonbValue *v = getIthJsonbValueFromContainer(&list->root, i);

	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	return jsonb_of_container(v);
}

/* What a batch statement's first word makes it: 1 a read, 0 a write, -1 neither */
static int
batch_statement_reads(Jsonb *s)
{
	char	   *text = req_string(s, "Statement");

	while (text && isspace((unsigned char) *text))
		text++;
	if (text == NULL)
		return -1;
	if (pg_strncasecmp(text, "SELECT", 6) == 0)
		return 1;
	if (pg_strncasecmp(text, "INSERT", 6) == 0 || pg_strncasecmp(text, "UPDATE", 6) == 0 ||
		pg_strncasecmp(text, "DELETE", 6) == 0)
		return 0;
	return -1;					/* its own error comes in its response */
}

/*
 * Whether a batch reads: reads and writes together are refused as a whole
 * (DynamoDB Local's text), before any statement runs
 */
static bool
batch_reads(Jsonb *statements, int n)
{
	int			reads = -1;

	for (int i = 0; i < n; i++)
	{
		int			r = batch_statement_reads(statement_at(statements, i));

		if (r >= 0 && reads >= 0 && r != reads)
			dynamo_error(DYN_VALIDATION, PQL_BATCH_MIXED);
		if (r >= 0)
			reads = r;
	}
	return reads == 1;
}

/* BatchExecuteStatement: each statement on its own, errors per statement */
Jsonb *
pql_execute_batch(Jsonb *statements, PqlOptions *opts)
{
	int			n = statement_count(statements, "statements", PQL_BATCH_MAX);
	bool		reads = batch_reads(statements, n);
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Responses");
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		run_batch_statement(statement_at(statements, i), opts, &reads, &st);
	}
	jb_end_array(&st);
	return jb_finish(&st);
}

/* A transaction's statement as a TransactItems element; reads as a Get */
static void
push_transact_item(JsonbParseState **st, PqlPlan *plan, PqlOptions *o)
{
	static const char *const kinds[] = {"Get", "Put", "Update", "Delete", "ConditionCheck"};
	PqlKind		kind = plan->stmt->kind;

	jb_begin_object(st, NULL);
	if (kind == PQL_SELECT)
	{
		if (plan->index)
			dynamo_error(DYN_VALIDATION, "Reads on indices are not supported within transactions.");
		if (!plan->full_key || plan->condition)
			dynamo_error(DYN_VALIDATION,
						 "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
		jb_begin_object(st, "Get");
		jb_string(st, "TableName", plan->table);
		jb_jsonb(st, "Key", plan->key);
		if (plan->get_projection)
		{
			jb_string(st, "ProjectionExpression", plan->get_projection);
			jb_jsonb(st, "ExpressionAttributeNames", plan->get_names);
		}
		jb_end_object(st);
	}
	else
		jb_jsonb(st, kinds[kind], pql_write_request(plan, o));
	jb_end_object(st);
}

/*
 * Raise again the cancellation of a transaction (edata) whose statements
 * that are INSERTs (inserts[i]) failed their condition: an INSERT of an
 * existing key is no failed condition of the caller's but a ValidationError
 * "Duplicate primary key exists in table" (as DynamoDB Local reports it).
 */
static void
raise_duplicates(ErrorData *edata, const bool *inserts, int n)
{
	Jsonb	   *detail = dynamo_parse_request_text(edata->detail);
	JsonbValue *reasons = req_member(detail, "CancellationReasons");
	JsonbParseState *st = NULL;
	StringInfoData codes;

	initStringInfo(&codes);
	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "CancellationReasons");
	for (int i = 0; i < (int) JsonContainerSize(reasons->val.binary.data); i++)
	{
		Jsonb	   *r = jsonb_of_container(getIthJsonbValueFromContainer(reasons->val.binary.data, i));
		char	   *code = req_string(r, "Code");

		if (i < n && inserts[i] && code && strcmp(code, "ConditionalCheckFailed") == 0)
		{
			code = "ValidationError";
			jb_begin_object(&st, NULL);
			jb_string(&st, "Code", code);
			jb_string(&st, "Message", PQL_DUPLICATE_KEY);
			jb_end_object(&st);
		}
		else
			jb_jsonb(&st, NULL, r);
		appendStringInfo(&codes, "%s%s", i ? ", " : "", code ? code : "None");
	}
	jb_end_array(&st);
	transact_raise_cancelled(jb_finish(&st), codes.data);
}

/* TransactWriteItems of the statements, with its INSERTs' own reasons */
static Jsonb *
transact_writes(Jsonb *req, const bool *inserts, int n, bool escaped)
{
	MemoryContext cxt = CurrentMemoryContext;
	Jsonb	   *volatile resp = NULL;

	PG_TRY();
	{
		resp = exec_transact_write_items(req, escaped);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		if (edata->sqlerrcode != dynamo_errcode(DYN_TRANSACTION_CANCELED) || edata->detail == NULL)
			PG_RE_THROW();
		FlushErrorState();
		raise_duplicates(edata, inserts, n);
	}
	PG_END_TRY();
	return resp;
}

/*
 * ExecuteTransaction: all reads (TransactGetItems) or all writes and
 * EXISTS checks (TransactWriteItems), all or nothing.
 */
Jsonb *
pql_execute_transaction(Jsonb *statements, const char *token, PqlOptions *opts)
{
	int			n = statement_count(statements, "transactStatements", PQL_TRANSACTION_MAX);
	JsonbParseState *st = NULL;
	bool		reads = false;
	bool	   *inserts = palloc0(sizeof(bool) * n);
	Jsonb	   *req;

	transact_check_token(token);
	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "TransactItems");
	for (int i = 0; i < n; i++)
	{
		Jsonb	   *s = statement_at(statements, i);
		PqlOptions	o = *opts;
		PqlPlan		plan;

		o.in_transaction = true;
		o.statement_index = i;
		batch_statement_plan(s, &o, &plan);
		if (i > 0 && reads != (plan.stmt->kind == PQL_SELECT))
			dynamo_error(DYN_VALIDATION,
						 "ExecuteTransaction API does not support both read and write operations in the same request.");
		reads = plan.stmt->kind == PQL_SELECT;
		inserts[i] = plan.stmt->kind == PQL_INSERT;
		push_transact_item(&st, &plan, &o);
	}
	jb_end_array(&st);
	if (token && !reads)
		jb_string(&st, "ClientRequestToken", token);
	if (opts->return_capacity)
		jb_string(&st, "ReturnConsumedCapacity", opts->return_capacity);
	req = jb_finish(&st);
	return reads ? exec_transact_get_items(req, opts->escaped)
		: transact_writes(req, inserts, n, opts->escaped);
}

/*
 * The plain SQL a SELECT amounts to: to_sql's statement of the Query or
 * Scan it runs (a SELECT by the whole key reads as a Query).
 */
char *
pql_to_sql(const char *statement, Jsonb *parameters)
{
	PqlPlan		plan;
	JsonbParseState *st = NULL;

	plan_statement(statement, parameters, &plan);
	if (plan.stmt->kind != PQL_SELECT)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("dynamo.to_sql translates PartiQL SELECT statements only")));
	jb_begin_object(&st, NULL);
	jb_string(&st, "TableName", plan.table);
	if (plan.index)
		jb_string(&st, "IndexName", plan.index);
	if (plan.key_condition)
		jb_string(&st, "KeyConditionExpression", plan.key_condition);
	if (plan.condition)
		jb_string(&st, "FilterExpression", plan.condition);
	if (plan.projection)
		jb_string(&st, "ProjectionExpression", plan.projection);
	if (plan.names)
		jb_jsonb(&st, "ExpressionAttributeNames", plan.names);
	if (plan.values)
		jb_jsonb(&st, "ExpressionAttributeValues", plan.values);
	if (!plan.forward)
		jb_bool(&st, "ScanIndexForward", false);
	return exec_read_to_sql(plan.query ? "Query" : "Scan", jb_finish(&st));
}
