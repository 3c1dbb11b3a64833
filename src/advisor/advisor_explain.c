/*
 * advisor_explain.c
 *		dynamo.explain(operation, request): what a request would do and
 *		cost, without doing it.
 *
 * For a read or write request in DynamoDB JSON it reports the access path,
 * the key range, PostgreSQL's estimates for the statement the engine would
 * run (EXPLAIN), the items the request would read and return and their
 * size, the capacity units DynamoDB would charge, the equivalent plain SQL
 * with its plan, and warnings in DynamoDB's terms with the fix.
 *
 * Figures come from the data: a Query's range and a Scan's table are read
 * (never written) up to EXPLAIN_EXACT items, which gives exact counts for
 * them; beyond that a Query's first items and a Scan's sample
 * (TABLESAMPLE BERNOULLI, REPEATABLE) stand for the rest, scaled to
 * PostgreSQL's estimate of the rows.  Writes read the existing item and
 * compute the new one, so their units are exact; nothing is written.
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

#include "advisor.h"
#include "batch.h"
#include "capacity.h"
#include "errors.h"
#include "protocol.h"
#include "indexes.h"
#include "json_build.h"
#include "json_read.h"
#include "items.h"
#include "validate.h"

/* Items read to count a range exactly; past it, estimates */
#define EXPLAIN_EXACT 10000
/* Bytes of items read to count a range, at most (then: estimates) */
#define EXPLAIN_MAX_BYTES (32 * 1024 * 1024)
/* Items a Scan's sample aims at */
#define EXPLAIN_SAMPLE 1000
/* Filter equalities considered for index suggestions */
#define EXPLAIN_MAX_EQ 4
/* A Query without Limit over more items than this gets a warning */
#define EXPLAIN_BIG_RANGE 1000
/* Items of at least this size are "near 400 KB" (80 %) */
#define EXPLAIN_NEAR_MAX_ITEM (DYNAMO_MAX_ITEM_SIZE / 5 * 4)

/* What reading a range (or a sample of it) found */
typedef struct RangeStats
{
	int64		rows;			/* items read */
	int64		passed;			/* of them, passing the filter */
	int64		bytes;
	int64		max_size;
	int64		eq[EXPLAIN_MAX_EQ]; /* items matching each filter equality */
	/* the first page: what one request reads (Limit, 1 MB) */
	int64		page_rows;
	int64		page_passed;
	int64		page_bytes;
	bool		complete;		/* rows is every item of the range */
} RangeStats;

/* A request being explained: the document and its warnings */
typedef struct Explain
{
	JsonbParseState *st;
	List	   *warnings;
} Explain;

static void
warn(Explain *x, const char *fmt,...) pg_attribute_printf(2, 3);

/* Add a warning */
static void
warn(Explain *x, const char *fmt,...)
{
	StringInfoData s;

	initStringInfo(&s);
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&s, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&s, needed);
	}
	x->warnings = lappend(x->warnings, s.data);
}

/* A number with thousands separators: 40,000 */
static char *
grouped(int64 n)
{
	char		digits[32];
	StringInfoData s;
	int			len;

	snprintf(digits, sizeof(digits), INT64_FORMAT, n < 0 ? -n : n);
	len = strlen(digits);
	initStringInfo(&s);
	if (n < 0)
		appendStringInfoChar(&s, '-');
	for (int i = 0; i < len; i++)
	{
		if (i > 0 && (len - i) % 3 == 0)
			appendStringInfoChar(&s, ',');
		appendStringInfoChar(&s, digits[i]);
	}
	return s.data;
}

/* A double as a JSON number */
static void
jb_double(JsonbParseState **st, const char *key, double v)
{
	jb_numeric(st, key, DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(v))));
}

/* A stored-form value in DynamoDB's typed JSON */
static void
jb_typed_value(JsonbParseState **st, const char *key, JsonbValue *v)
{
	jb_key(st, key);
	(void) pushJsonbValue(st, WJB_VALUE, attr_to_typed(v, false));
}

/* ------------------------------------------------------------------------
 * PostgreSQL's side: EXPLAIN and samples
 * ------------------------------------------------------------------------
 */

/*
 * The "Plan" of EXPLAIN (FORMAT JSON) of a statement; cursor: as the
 * engine's cursor plans it (fast start, rows in key order)
 */
static Jsonb *
explain_plan(const char *sql, bool cursor)
{
	MemoryContext outer = CurrentMemoryContext;
	char	   *text = NULL;
	Jsonb	   *doc;
	JsonbValue *first;
	JsonbValue	plan;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(psprintf("EXPLAIN (FORMAT JSON) %s%s", cursor ? "DECLARE c CURSOR FOR " : "", sql),
					false, 0) != SPI_OK_UTILITY ||
		SPI_processed != 1)
		elog(ERROR, "EXPLAIN failed: %s", sql);
	text = MemoryContextStrdup(outer, SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1));
	SPI_finish();
	doc = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	first = getIthJsonbValueFromContainer(&doc->root, 0);
	if (first == NULL || first->type != jbvBinary ||
		getKeyJsonValueFromContainer(first->val.binary.data, "Plan", 4, &plan) == NULL)
		elog(ERROR, "unexpected EXPLAIN output");
	return jsonb_of_container(&plan);
}

/* A string of a plan ("Node Type"); NULL when absent */
static char *
plan_string(Jsonb *plan, const char *field)
{
	JsonbValue	v;

	if (getKeyJsonValueFromContainer(&plan->root, field, strlen(field), &v) == NULL ||
		v.type != jbvString)
		return NULL;
	return pnstrdup(v.val.string.val, v.val.string.len);
}

/* A number of a plan ("Plan Rows", "Plan Width"); 0 when absent */
static double
plan_number(Jsonb *plan, const char *field)
{
	JsonbValue	v;

	if (getKeyJsonValueFromContainer(&plan->root, field, strlen(field), &v) == NULL ||
		v.type != jbvNumeric)
		return 0;
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
}

/*
 * Push PostgreSQL's estimates of a statement; a read's (named) is the
 * engine's own statement, planned as its cursor is.
 */
static Jsonb *
push_engine_estimates(Explain *x, const char *sql, bool named)
{
	Jsonb	   *plan = explain_plan(sql, named);
	char	   *node = plan_string(plan, "Node Type");
	char	   *index = plan_string(plan, "Index Name");

	if (named)
		jb_string(&x->st, "Statement", sql);
	jb_begin_object(&x->st, "PostgreSQL");
	if (node)
		jb_string(&x->st, "Node", index ? psprintf("%s on %s", node, index) : node);
	jb_double(&x->st, "PlanRows", plan_number(plan, "Plan Rows"));
	jb_double(&x->st, "PlanWidth", plan_number(plan, "Plan Width"));
	jb_double(&x->st, "TotalCost", plan_number(plan, "Total Cost"));
	jb_end_object(&x->st);
	return plan;
}

/* Push the equivalent SQL and its plan */
static void
push_sql(Explain *x, const char *sql)
{
	jb_string(&x->st, "SQL", sql);
	jb_jsonb(&x->st, "Plan", explain_plan(sql, false));
}

/* Account one item read from a range */
static void
range_add(RangeStats *rs, Jsonb *item, DynCondition *filter, FilterEquality *eq, int neq,
		  int64 limit)
{
	int64		size = item_size(item);
	bool		passes = filter == NULL || expr_eval_condition(filter, item);

	rs->rows++;
	rs->bytes += size;
	rs->passed += passes;
	rs->max_size = Max(rs->max_size, size);
	for (int i = 0; i < neq; i++)
	{
		JsonbValue	v;

		if (getKeyJsonValueFromContainer(&item->root, eq[i].attr, strlen(eq[i].attr), &v) &&
			attr_equal(&v, eq[i].value))
			rs->eq[i]++;
	}
	/* the first page ends at Limit or after 1 MB */
	if ((limit == 0 || rs->page_rows < limit) && rs->page_bytes < DYNAMO_PAGE_BYTES)
	{
		rs->page_rows++;
		rs->page_passed += passes;
		rs->page_bytes += size;
	}
}

/*
 * Read the items of a statement into rs, through a cursor a batch at a
 * time: at most max items and about EXPLAIN_MAX_BYTES of them, so a range
 * of large items is sampled rather than held in memory.
 */
static void
read_range(const char *sql, int64 max, ReadRequest *r, FilterEquality *eq, int neq,
		   RangeStats *rs)
{
	MemoryContext batch = AllocSetContextCreate(CurrentMemoryContext, "pg_dynamo explain batch",
												ALLOCSET_DEFAULT_SIZES);
	Portal		portal;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	portal = SPI_cursor_open_with_args(NULL, sql, 0, NULL, NULL, NULL, true, CURSOR_OPT_FAST_PLAN);
	rs->complete = false;
	while (rs->rows < max && rs->bytes < EXPLAIN_MAX_BYTES)
	{
		MemoryContext old;

		SPI_cursor_fetch(portal, true, Min(32, max - rs->rows));
		if (SPI_processed == 0)
		{
			rs->complete = true;
			break;
		}
		old = MemoryContextSwitchTo(batch);
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			bool		isnull;
			Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
			Jsonb	   *item = DatumGetJsonbP(d);

			CHECK_FOR_INTERRUPTS();
			/* an index read sees (and is charged for) what the engine's does */
			range_add(rs, r->index ? index_read_visible(r, item) : item, r->filter, eq, neq, r->limit);
		}
		MemoryContextSwitchTo(old);
		MemoryContextReset(batch);
		SPI_freetuptable(SPI_tuptable);
	}
	/* stopped early: complete only if nothing follows */
	if (!rs->complete)
	{
		SPI_cursor_fetch(portal, true, 1);
		rs->complete = SPI_processed == 0;
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(batch);
}

/*
 * PostgreSQL's count of a table's rows: the planner's, which scales the
 * last ANALYZE's density to the table's current size
 */
static double
table_rows(DynamoTable *t)
{
	return plan_number(explain_plan(psprintf("SELECT item FROM %s", t->qualified_name), false),
					   "Plan Rows");
}

/* ------------------------------------------------------------------------
 * Capacity
 * ------------------------------------------------------------------------
 */

/*
 * Push ConsumedCapacity of reading bytes, charged at least fewest reads
 * (read_fewest_reads; factor 2: a transaction); a GSI read is only
 * eventually consistent, so it shows no strong units.
 */
static double
push_read_units(Explain *x, const char *key, int64 bytes, bool consistent, double factor,
				bool gsi, int fewest)
{
	double		eventual = Max(capacity_units(bytes, false, false), fewest * 0.5) * factor;
	double		strong = Max(capacity_units(bytes, false, true), fewest) * factor;
	double		charged = consistent ? strong : eventual;

	jb_begin_object(&x->st, key);
	jb_begin_object(&x->st, "ReadCapacityUnits");
	jb_double(&x->st, "EventuallyConsistent", eventual);
	if (!gsi)
		jb_double(&x->st, "StronglyConsistent", strong);
	jb_end_object(&x->st);
	jb_double(&x->st, "CapacityUnits", charged);
	jb_end_object(&x->st);
	return charged;
}

/* Push ConsumedCapacity of writing bytes */
static double
push_write_units(Explain *x, int64 bytes, double factor)
{
	double		units = capacity_units(bytes, true, true) * factor;

	jb_begin_object(&x->st, "ConsumedCapacity");
	jb_double(&x->st, "WriteCapacityUnits", units);
	jb_double(&x->st, "CapacityUnits", units);
	jb_end_object(&x->st);
	return units;
}

/* Warn about an item near DynamoDB's 400 KB */
static void
warn_item_size(Explain *x, int64 size)
{
	if (size >= EXPLAIN_NEAR_MAX_ITEM)
		warn(x, "item size near 400 KB: an item of %s bytes (DynamoDB's limit is 409,600); each read of it costs %d read units and each write %d write units: keep large attributes elsewhere (S3) or split the item",
			 grouped(size), (int) capacity_units(size, false, true), (int) capacity_units(size, true, true));
}

/* ------------------------------------------------------------------------
 * Query and Scan
 * ------------------------------------------------------------------------
 */

/*
 * The key a read goes by: its index's first partition and sort key
 * attributes, or the table's (a sort key without a name when there is none)
 */
static void
read_keys(ReadRequest *r, const DynamoKeyAttr **pk, const DynamoKeyAttr **sk)
{
	static const DynamoKeyAttr none = {0};

	if (r->index == NULL)
	{
		*pk = &r->table->partition_key;
		*sk = &r->table->sort_key;
		return;
	}
	*pk = &r->index->key.keys[0];
	*sk = dynamo_index_has_sort_key(r->index) ? &r->index->key.keys[r->index->key.nhash] : &none;
}

/* Push the key range of a read */
static void
push_key_range(Explain *x, ReadRequest *r)
{
	const DynamoKeyAttr *pk;
	const DynamoKeyAttr *sk;

	read_keys(r, &pk, &sk);

	jb_begin_object(&x->st, "KeyRange");
	if (r->query)
	{
		jb_begin_object(&x->st, "PartitionKey");
		jb_typed_value(&x->st, pk->name, r->partition);
		jb_end_object(&x->st);
		if (r->lower.value || r->upper.value)
		{
			jb_begin_object(&x->st, "SortKey");
			jb_begin_object(&x->st, sk->name);
			if (r->lower.value)
				jb_typed_value(&x->st, r->lower.inclusive ? ">=" : ">", r->lower.value);
			if (r->upper.value)
				jb_typed_value(&x->st, r->upper.inclusive ? "<=" : "<", r->upper.value);
			jb_end_object(&x->st);
			jb_end_object(&x->st);
		}
		jb_bool(&x->st, "ScanIndexForward", r->forward);
	}
	else
	{
		jb_string(&x->st, "Table", r->total_segments > 0 ? "one segment" : "every item");
		if (r->total_segments > 0)
		{
			jb_int(&x->st, "Segment", r->segment);
			jb_int(&x->st, "TotalSegments", r->total_segments);
		}
	}
	if (r->start)
		jb_bool(&x->st, "AfterExclusiveStartKey", true);
	jb_end_object(&x->st);
}

/*
 * Read the range of a request into rs: exactly up to EXPLAIN_EXACT items,
 * else a sample; returns the estimated items of the whole range.
 */
static double
range_estimate(ReadRequest *r, const char *stmt, Jsonb *plan, FilterEquality *eq, int neq,
			   RangeStats *rs)
{
	double		rows;
	double		tablerows;

	memset(rs, 0, sizeof(RangeStats));
	if (r->empty)
	{
		rs->complete = true;
		return 0;
	}
	read_range(stmt, EXPLAIN_EXACT, r, eq, neq, rs);
	if (rs->complete)
		return rs->rows;
	if (r->query)
		return Max(plan_number(plan, "Plan Rows"), rs->rows + 1);
	/* a Scan past EXPLAIN_EXACT: a sample of the table stands for it */
	tablerows = table_rows(r->table);
	rows = r->total_segments > 0 ? tablerows / r->total_segments : tablerows;
	if (rows > EXPLAIN_EXACT)
	{
		double		percent = Min(100.0, 100.0 * EXPLAIN_SAMPLE / Max(tablerows, 1));
		RangeStats	sample = {0};

		read_range(psprintf("SELECT item FROM %s TABLESAMPLE BERNOULLI (%g) REPEATABLE (0)",
							r->table->qualified_name, percent),
				   EXPLAIN_EXACT, r, eq, neq, &sample);
		sample.complete = false;
		if (sample.rows > 0)
		{
			/* keep the first page as read, the proportions from the sample */
			sample.page_rows = rs->page_rows;
			sample.page_passed = rs->page_passed;
			sample.page_bytes = rs->page_bytes;
			*rs = sample;
		}
	}
	return Max(rows, rs->rows + 1);
}

/*
 * When the items read stopped before the first page was full, the page
 * goes on beyond them: extend it at the average size and pass rate.
 */
static void
extend_first_page(RangeStats *rs, double range_rows, int64 limit)
{
	double		avg = rs->rows ? (double) rs->bytes / rs->rows : 0;
	double		items = range_rows;

	if (rs->page_bytes >= DYNAMO_PAGE_BYTES || (limit > 0 && rs->page_rows >= limit) || avg == 0)
		return;
	items = Min(items, ceil(DYNAMO_PAGE_BYTES / avg));
	if (limit > 0)
		items = Min(items, limit);
	rs->page_rows = (int64) items;
	rs->page_bytes = (int64) (items * avg);
	rs->page_passed = (int64) (items * rs->passed / rs->rows + 0.5);
}

/* Scale a count of the sample to the range */
static int64
scaled(RangeStats *rs, int64 n, double range_rows)
{
	if (rs->complete || rs->rows == 0)
		return n;
	return (int64) (n * range_rows / rs->rows + 0.5);
}

/* Warnings of a read: the filter, the index that would serve it, the range */
static void
warn_read(Explain *x, ReadParams *p, ReadRequest *r, RangeStats *rs, double range_rows,
		  FilterEquality *eq, int neq)
{
	DynamoTable *t = r->table;
	int64		read = (int64) range_rows;
	const DynamoKeyAttr *pk_attr;
	const DynamoKeyAttr *sk_attr;
	const char *pk;
	const char *sk;

	read_keys(r, &pk_attr, &sk_attr);
	pk = pk_attr->name;
	sk = sk_attr->name;

	if (r->filter && rs->rows > 0 && rs->passed * 2 < rs->rows)
		warn(x, "FilterExpression discards about %d %% of the items read (%s of %s): DynamoDB charges for every item read, returned or not",
			 (int) (100.0 * (rs->rows - rs->passed) / rs->rows + 0.5),
			 grouped(scaled(rs, rs->rows - rs->passed, range_rows)), grouped(read));
	for (int i = 0; i < neq; i++)
	{
		int64		n = scaled(rs, rs->eq[i], range_rows);
		DynamoIndex *ix = advisor_index_keyed(t, r->query ? pk : eq[i].attr,
											  r->query ? eq[i].attr : NULL);

		if (!r->query && ix)
			warn(x, "Scan with FilterExpression on %s: the %s %s has partition key %s; a Query on it would read %s instead of %s items",
				 eq[i].attr, advisor_index_kind(ix), ix->name, eq[i].attr, grouped(n), grouped(read));
		else if (!r->query)
			warn(x, "Scan with FilterExpression on %s: a GSI with partition key %s would make this a Query reading %s instead of %s items",
				 eq[i].attr, eq[i].attr, grouped(n), grouped(read));
		else if (ix)
			warn(x, "Query with FilterExpression on %s: the %s %s has partition key %s and sort key %s; a Query on it would read %s instead of %s items",
				 eq[i].attr, advisor_index_kind(ix), ix->name, pk, eq[i].attr, grouped(n), grouped(read));
		else
			warn(x, "Query with FilterExpression on %s: a GSI with partition key %s and sort key %s (or an LSI with sort key %s) would make this a Query reading %s instead of %s items",
				 eq[i].attr, pk, eq[i].attr, eq[i].attr, grouped(n), grouped(read));
	}
	if (r->query && !p->has_limit && range_rows > EXPLAIN_BIG_RANGE)
		warn(x, "Query without Limit over a partition of %s items: every call reads up to 1 MB of them, and all pages together read them all; pass Limit and page with ExclusiveStartKey, or narrow the key condition on %s",
			 grouped(read), sk ? sk : "the sort key");
	warn_item_size(x, rs->max_size);
}

/* Explain a Query or Scan */
static void
explain_read(Explain *x, const char *op, Jsonb *req)
{
	bool		query = strcmp(op, "Query") == 0;
	ReadParams	p;
	ReadRequest r;
	Datum		values[4];
	Oid			types[4];
	int			nparams;
	char	   *stmt;
	Jsonb	   *plan;
	FilterEquality eq[EXPLAIN_MAX_EQ];
	int			neq;
	RangeStats	rs;
	double		range_rows;
	int64		all_bytes;
	int64		pages;
	bool		gsi;

	exec_read_build(req, query, &p, &r);
	neq = advisor_filter_equalities(r.filter, eq, EXPLAIN_MAX_EQ);
	stmt = read_statement(&r, values, types, &nparams);

	jb_string(&x->st, "TableName", r.table->table_name);
	if (p.index_name)
		jb_string(&x->st, "AccessPath", psprintf("%s on index %s", query ? "Query" : "Scan", p.index_name));
	else if (query)
		jb_string(&x->st, "AccessPath", "Query on the table");
	else if (r.total_segments > 0)
		jb_string(&x->st, "AccessPath", psprintf("Parallel Scan segment %d of %d", r.segment, r.total_segments));
	else
		jb_string(&x->st, "AccessPath", "Scan");
	push_key_range(x, &r);
	if (r.filter)
		jb_string(&x->st, "FilterOn", advisor_filter_attrs(r.filter));
	plan = push_engine_estimates(x, stmt, true);
	range_rows = range_estimate(&r, stmt, plan, eq, neq, &rs);
	if (!rs.complete)
		extend_first_page(&rs, range_rows, r.limit);

	jb_begin_object(&x->st, "Estimate");
	jb_string(&x->st, "Source", rs.complete ? "every item of the range, counted"
			  : psprintf("a sample of %s items", grouped(rs.rows)));
	jb_int(&x->st, "ItemsInRange", (int64) range_rows);
	jb_int(&x->st, "ItemsMatchingFilter", scaled(&rs, rs.passed, range_rows));
	jb_int(&x->st, "AverageItemSize", rs.rows ? rs.bytes / rs.rows : 0);
	jb_int(&x->st, "LargestItemSize", rs.max_size);
	jb_int(&x->st, "ItemsRead", rs.page_rows);
	jb_int(&x->st, "ItemsReturned", rs.page_passed);
	jb_int(&x->st, "BytesRead", rs.page_bytes);
	all_bytes = rs.complete ? rs.bytes : (int64) (rs.bytes * range_rows / Max(rs.rows, 1));
	pages = p.has_limit ? (int64) ((range_rows + r.limit - 1) / r.limit)
		: Max(1, (all_bytes + DYNAMO_PAGE_BYTES - 1) / DYNAMO_PAGE_BYTES);
	jb_int(&x->st, "Pages", pages);
	jb_end_object(&x->st);
	gsi = r.index && !r.index->local;
	push_read_units(x, "ConsumedCapacity", rs.page_bytes, r.consistent, 1, gsi,
					read_fewest_reads(&r, pages <= 1));
	push_read_units(x, "AllPagesCapacity", all_bytes, r.consistent, 1, gsi,
					read_fewest_reads(&r, true));
	/* to_sql() has no translation of the legacy parameters */
	if (!p.expr.query_filter && !p.expr.scan_filter && !p.expr.attributes_to_get)
		push_sql(x, exec_read_to_sql(op, req));
	warn_read(x, &p, &r, &rs, range_rows, eq, neq);
}

/* ------------------------------------------------------------------------
 * Item reads and writes
 * ------------------------------------------------------------------------
 */

/* One item a request reads or writes */
typedef struct ItemAction
{
	const char *op;				/* GetItem, PutItem, UpdateItem, DeleteItem,
								 * ConditionCheck */
	DynamoTable *table;
	ItemKey		key;
	Jsonb	   *item;			/* PutItem's item (stored form) */
	ItemExpressions e;
	ExprParams *params;			/* the expressions' text, for the SQL */
	bool		consistent;
	double		factor;			/* 2 in a transaction */
} ItemAction;

/* The key of an item as SQL literals: 'c1'::text[, 'x'::text] */
static char *
key_literal(DynamoTable *t, ItemKey *k, int i)
{
	return read_sql_literal(k->values[i], dynamo_key_type_oid(i == 0 ? t->partition_key.type
															  : t->sort_key.type));
}

/* WHERE of an item's key: pk = 'c1'::text AND sk = ... */
static char *
key_where(DynamoTable *t, ItemKey *k)
{
	if (k->nkeys == 2)
		return psprintf("pk = %s AND sk = %s", key_literal(t, k, 0), key_literal(t, k, 1));
	return psprintf("pk = %s", key_literal(t, k, 0));
}

/* The placeholders of an expression, as SQL arguments: , names, values */
static char *
placeholder_args(ExprParams *p, const char *text, bool values)
{
	char	   *s = psprintf(", %s", exec_placeholders_literal(p->names, text));

	if (values)
		s = psprintf("%s, %s", s,
					 exec_placeholders_literal(p->values ? item_to_plain(p->values, false) : NULL, text));
	return s;
}

/* The plain SQL of an item request, on the item as it is */
static char *
item_sql(ItemAction *a)
{
	DynamoTable *t = a->table;
	ExprParams *p = a->params;
	char	   *where = key_where(t, &a->key);
	char	   *check = NULL;
	char	   *cond = "";

	if (p->condition)
	{
		check = psprintf("dynamo.eval_condition(i.item, %s%s)",
						 quote_literal_cstr(p->condition), placeholder_args(p, p->condition, true));
		cond = psprintf(" AND %s", check);
	}
	if (strcmp(a->op, "GetItem") == 0)
	{
		if (p->projection)
			return psprintf("SELECT dynamo.project(item, %s%s) AS item FROM %s WHERE %s",
							quote_literal_cstr(p->projection),
							placeholder_args(p, p->projection, false), t->qualified_name, where);
		return psprintf("SELECT item FROM %s WHERE %s", t->qualified_name, where);
	}
	if (strcmp(a->op, "PutItem") == 0)
	{
		char	   *key_cols = a->key.nkeys == 2 ? "pk, sk" : "pk";
		char	   *key_vals = a->key.nkeys == 2
			? psprintf("%s, %s", key_literal(t, &a->key, 0), key_literal(t, &a->key, 1))
			: key_literal(t, &a->key, 0);

		return psprintf("INSERT INTO %s AS i (%s, item) VALUES (%s, %s::jsonb) ON CONFLICT (%s) DO UPDATE SET item = excluded.item%s",
						t->qualified_name, key_cols, key_vals,
						quote_literal_cstr(JsonbToCString(NULL, &a->item->root, VARSIZE(a->item))),
						key_cols, check ? psprintf(" WHERE %s", check) : "");
	}
	if (strcmp(a->op, "UpdateItem") == 0)
		return psprintf("UPDATE %s AS i SET item = dynamo.apply_update(i.item, %s%s) WHERE %s%s",
						t->qualified_name, quote_literal_cstr(p->update ? p->update : ""),
						placeholder_args(p, p->update ? p->update : "", true), where, cond);
	return psprintf("DELETE FROM %s AS i WHERE %s%s", t->qualified_name, where, cond);
}

/* The item a write leaves (NULL: none), computed without writing */
static Jsonb *
item_after(ItemAction *a, Jsonb *old)
{
	DynamoTable *t = a->table;
	const char *key_names[2] = {t->partition_key.name, t->sort_key.name};

	if (strcmp(a->op, "PutItem") == 0)
		return a->item;
	if (strcmp(a->op, "UpdateItem") != 0)
		return NULL;
	if (old == NULL && a->e.update && expr_update_only_removes(a->e.update))
		return NULL;
	if (old == NULL)
		old = item_key_only_item(t, &a->key);
	return a->e.update ? expr_apply_update(a->e.update, old, key_names, a->key.nkeys) : old;
}

/*
 * Push the members of an item request into the object being built: what
 * it touches, its size and capacity, and (full) its SQL and plan.  Returns
 * the capacity units charged.
 */
static double
explain_item(Explain *x, ItemAction *a, bool full)
{
	DynamoTable *t = a->table;
	Jsonb	   *old = dynamo_get_item(t, &a->key);
	Jsonb	   *new = item_after(a, old);
	bool		write = strcmp(a->op, "GetItem") != 0;
	int64		old_size = old ? item_size(old) : 0;
	int64		bytes = Max(old_size, new ? item_size(new) : 0);
	double		units;

	if (new)
		item_check_size(new);
	jb_string(&x->st, "TableName", t->table_name);
	jb_string(&x->st, "AccessPath", a->op);
	jb_begin_object(&x->st, "Key");
	jb_typed_value(&x->st, t->partition_key.name, &a->key.attrs[0]);
	if (a->key.nkeys == 2)
		jb_typed_value(&x->st, t->sort_key.name, &a->key.attrs[1]);
	jb_end_object(&x->st);
	jb_bool(&x->st, "ItemExists", old != NULL);
	if (a->e.condition && !expr_eval_condition(a->e.condition, old))
	{
		jb_bool(&x->st, "ConditionHolds", false);
		warn(x, "the condition of %s on %s fails on the item as it is now: the request would fail (ConditionalCheckFailedException) and still consume write capacity",
			 a->op, t->table_name);
	}
	else if (a->e.condition)
		jb_bool(&x->st, "ConditionHolds", true);
	jb_int(&x->st, "ItemSize", old_size);
	if (new)
		jb_int(&x->st, "NewItemSize", item_size(new));
	if (write && strcmp(a->op, "ConditionCheck") != 0)
		units = push_write_units(x, bytes, a->factor);
	else if (write)
		units = push_write_units(x, old_size, a->factor);
	else
		units = push_read_units(x, "ConsumedCapacity", old_size, a->consistent, a->factor, false, 0);
	if (full)
	{
		char	   *sql = item_sql(a);

		push_engine_estimates(x, sql, false);
		push_sql(x, sql);
	}
	warn_item_size(x, bytes);
	return units;
}

/* Explain GetItem, PutItem, UpdateItem or DeleteItem, read as execute() reads it */
static void
explain_single_item(Explain *x, const char *op, Jsonb *req)
{
	ItemRequest r;
	ExprParams	p = {0};
	ItemAction	a = {.op = op,.factor = 1,.params = &p};

	exec_item_request(req, false, op, &r, &p);
	a.e = r.expr;
	a.consistent = r.consistent_read;
	a.table = dynamo_table_lookup(r.table_name, false);
	if (r.item)
	{
		a.item = r.item;
		item_key_from_item(a.table, r.item, &a.key);
	}
	else
		item_key_from_key(a.table, r.key, &a.key);
	explain_item(x, &a, true);
}

/* ------------------------------------------------------------------------
 * Batches and transactions: each item, and the capacity per table
 * ------------------------------------------------------------------------
 */

/* Capacity per table of a multi-item request */
typedef struct TableUnits
{
	int			n;
	const char **names;
	double	   *units;
} TableUnits;

/* Explain one item of a batch or transaction as an element of Requests */
static void
explain_element(Explain *x, ItemAction *a, TableUnits *tu)
{
	double		units;
	int			i;

	jb_begin_object(&x->st, NULL);
	units = explain_item(x, a, false);
	jb_end_object(&x->st);
	for (i = 0; i < tu->n && strcmp(tu->names[i], a->table->table_name) != 0; i++)
		;
	if (i == tu->n)
	{
		tu->names[tu->n] = a->table->table_name;
		tu->units[tu->n++] = 0;
	}
	tu->units[i] += units;
}

/* Close Requests and push the capacity per table and in total */
static void
push_table_units(Explain *x, TableUnits *tu)
{
	double		total = 0;

	jb_end_array(&x->st);
	jb_begin_array(&x->st, "ConsumedCapacity");
	for (int i = 0; i < tu->n; i++)
	{
		jb_begin_object(&x->st, NULL);
		jb_string(&x->st, "TableName", tu->names[i]);
		jb_double(&x->st, "CapacityUnits", tu->units[i]);
		jb_end_object(&x->st);
		total += tu->units[i];
	}
	jb_end_array(&x->st);
	jb_double(&x->st, "CapacityUnits", total);
}

/* Room for the tables of up to n items */
static void
table_units_init(TableUnits *tu, int n)
{
	tu->n = 0;
	tu->names = palloc(sizeof(char *) * Max(n, 1));
	tu->units = palloc(sizeof(double) * Max(n, 1));
}

/* Requests of dynamo.explain() are typed JSON */
static const ItemDialect TypedDialect = {.plain = false,.escaped = false};

/* Explain BatchGetItem, read as execute() reads it: each key read on its own */
static void
explain_batch_get(Explain *x, Jsonb *req)
{
	BatchGetRequest r = {0};
	int			total = 0;
	TableUnits	tu;

	exec_batch_get_item_request(req, TypedDialect, &r);
	for (int i = 0; i < r.ntables; i++)
		total += r.tables[i].nkeys;
	table_units_init(&tu, total);
	jb_begin_array(&x->st, "Requests");
	for (int i = 0; i < r.ntables; i++)
	{
		BatchGetTable *g = &r.tables[i];
		ItemTarget *targets = palloc0(sizeof(ItemTarget) * Max(g->nkeys, 1));
		ItemTarget **ptrs = palloc(sizeof(ItemTarget *) * Max(g->nkeys, 1));
		ItemAction	a = {.op = "GetItem",.factor = 1,.e = g->expr,.consistent = g->consistent};

		a.table = dynamo_table_lookup(g->name, false);
		/* every key checked, as execute() checks them, before any is explained */
		for (int k = 0; k < g->nkeys; k++)
		{
			batch_target(&targets[k], a.table, g->key_maps[k], false);
			ptrs[k] = &targets[k];
		}
		batch_check_duplicates(ptrs, g->nkeys);
		for (int k = 0; k < g->nkeys; k++)
		{
			a.key = targets[k].key;
			explain_element(x, &a, &tu);
		}
	}
	push_table_units(x, &tu);
}

/* Explain BatchWriteItem, read as execute() reads it: each put and delete on its own */
static void
explain_batch_write(Explain *x, Jsonb *req)
{
	BatchWriteRequest r = {0};
	ItemAction *actions;
	ItemTarget **ptrs;
	TableUnits	tu;

	exec_batch_write_item_request(req, TypedDialect, &r);
	actions = palloc0(sizeof(ItemAction) * Max(r.nwrites, 1));
	ptrs = palloc(sizeof(ItemTarget *) * Max(r.nwrites, 1));
	/* every request checked, as execute() checks them, before any is explained */
	for (int w = 0; w < r.nwrites; w++)
	{
		BatchWrite *bw = &r.writes[w];
		ItemAction *a = &actions[w];

		a->table = dynamo_table_lookup(r.table_names[bw->table_index], false);
		a->factor = 1;
		a->op = bw->put_item ? "PutItem" : "DeleteItem";
		a->item = bw->put_item;
		batch_target(&bw->target, a->table, bw->put_item ? bw->put_item : bw->delete_key,
					 bw->put_item != NULL);
		a->key = bw->target.key;
		ptrs[w] = &bw->target;
	}
	batch_check_duplicates(ptrs, r.nwrites);
	table_units_init(&tu, r.nwrites);
	jb_begin_array(&x->st, "Requests");
	for (int w = 0; w < r.nwrites; w++)
		explain_element(x, &actions[w], &tu);
	push_table_units(x, &tu);
}

/* Explain TransactGetItems or TransactWriteItems: every action at twice the units */
static void
explain_transact(Explain *x, Jsonb *req, bool writes)
{
	static const char *const ops[] = {"ConditionCheck", "PutItem", "UpdateItem", "DeleteItem", "GetItem"};
	TransactRequest tx = {0};
	TableUnits	tu;

	exec_transact_items_request(req, TypedDialect, writes, &tx, NULL);
	transact_prepare(&tx);
	table_units_init(&tu, tx.nactions);
	jb_begin_array(&x->st, "Requests");
	for (int i = 0; i < tx.nactions; i++)
	{
		TransactAction *t = &tx.actions[i];
		ItemAction	a = {.op = ops[t->kind],.table = t->target.table,.key = t->target.key,
		.e = t->expr,.consistent = true,.factor = 2};

		if (t->kind == TX_PUT)
			a.item = t->map;
		explain_element(x, &a, &tu);
	}
	push_table_units(x, &tu);
}

/* ------------------------------------------------------------------------
 * dynamo.explain()
 * ------------------------------------------------------------------------
 */

/*
 * Explain a request: the document described at the top of this file.
 * Bad requests raise the DynamoDB exceptions execute() raises.
 */
Jsonb *
advisor_explain(const char *op, Jsonb *req)
{
	static const char *const others[] = {"CreateTable", "DeleteTable", "DescribeTable",
	"ListTables", "UpdateTable"};
	Explain		x = {0};
	ListCell   *lc;

	req_check_object(req);
	jb_begin_object(&x.st, NULL);
	jb_string(&x.st, "Operation", op);
	if (strcmp(op, "Query") == 0 || strcmp(op, "Scan") == 0)
		explain_read(&x, op, req);
	else if (strcmp(op, "GetItem") == 0 || strcmp(op, "PutItem") == 0 ||
			 strcmp(op, "UpdateItem") == 0 || strcmp(op, "DeleteItem") == 0)
		explain_single_item(&x, op, req);
	else if (strcmp(op, "BatchGetItem") == 0)
		explain_batch_get(&x, req);
	else if (strcmp(op, "BatchWriteItem") == 0)
		explain_batch_write(&x, req);
	else if (strcmp(op, "TransactGetItems") == 0 || strcmp(op, "TransactWriteItems") == 0)
		explain_transact(&x, req, op[8] == 'W');
	else
	{
		RequestMembers m;

		/* the others' parameter constraints first, as execute() checks them */
		exec_read_members(op, req, &m);
		for (int i = 0; i < lengthof(others); i++)
			if (strcmp(op, others[i]) == 0)
				ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								errmsg("dynamo.explain takes a read or write of items, not \"%s\"", op)));
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: %s", op);
	}
	jb_begin_array(&x.st, "Warnings");
	foreach(lc, x.warnings)
		jb_string(&x.st, NULL, lfirst(lc));
	jb_end_array(&x.st);
	return jb_finish(&x.st);
}
