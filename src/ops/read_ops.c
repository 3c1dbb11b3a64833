/*
 * read_ops.c
 *		Query and Scan: a walk of the index, or an SPI cursor.
 *
 * A Query is one range of the primary key index, or of its secondary
 * index's PostgreSQL index, walked straight through the index
 * (src/storage/item_fetch.c) without the executor's per-row work.  What
 * the walk cannot take (a Scan; an index read from a start key; a table
 * with row level security) runs as a statement through a cursor.
 *
 * As a statement, a Query is one over its partition:
 *		SELECT item FROM <table> WHERE pk = $1 [AND sk >(=) $2] [AND sk <(=) $3]
 *		ORDER BY sk [DESC]
 * and a Scan one over the table (or the partitions of one segment):
 *		SELECT item FROM <table> [WHERE (pk, sk) > ($1, $2)]
 *		[AND hash(pk) % total = segment] ORDER BY pk, sk
 * The sort key condition and ExclusiveStartKey are folded into the two
 * bounds beforehand (read_request.c), so a statement has one of a few
 * shapes; each shape is prepared once per table and kept with the table's
 * other plans.  Rows are fetched a batch at a time and each batch's memory
 * is freed before the next, so a read holds one batch however many rows it
 * walks; Limit and the 1 MB page size stop it early.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "indexes.h"
#include "advisor.h"
#include "capacity.h"
#include "items.h"
#include "attr_text.h"
#include "json_build.h"
#include "read_ops.h"
#include "spi_text.h"

/* Rows fetched from the cursor at a time */
#define READ_BATCH 256

/* An operator, schema-qualified in what the engine runs */
static void
add_op(ReadStatement *s, const char *op)
{
	if (s->sql == NULL)
		return;
	if (s->literals)
		appendStringInfo(s->sql, " %s ", op);
	else
		appendStringInfo(s->sql, " OPERATOR(pg_catalog.%s) ", op);
}

static void
add_text(ReadStatement *s, const char *text)
{
	if (s->sql)
		appendStringInfoString(s->sql, text);
}

/* A value as a typed SQL literal: 'c1'::text */
char *
read_sql_literal(Datum value, Oid type)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(type, &output, &varlena);
	return psprintf("%s::%s", quote_literal_cstr(OidOutputFunctionCall(output, value)),
					format_type_be(type));
}

/* A parameter: $n, or its value as a typed literal */
static void
add_param(ReadStatement *s, Datum value, Oid type)
{
	s->values[s->nparams] = value;
	s->types[s->nparams] = type;
	s->nparams++;
	if (s->sql == NULL)
		return;
	if (s->literals)
		appendStringInfoString(s->sql, read_sql_literal(value, type));
	else
		appendStringInfo(s->sql, "$%d", s->nparams);
}

/* A sort key bound: AND sk > v (lower) or AND sk < v (upper) */
static void
add_bound(ReadStatement *s, DynamoTable *t, KeyBound *b, bool lower)
{
	if (b->value == NULL)
		return;
	add_text(s, " AND sk");
	add_op(s, lower ? (b->inclusive ? ">=" : ">") : (b->inclusive ? "<=" : "<"));
	add_param(s, key_datum(t->sort_key.type, b->value), dynamo_key_type_oid(t->sort_key.type));
}

/* SQL of a partition key's hash, as parallel Scan splits the table */
static const char *
segment_hash_sql(DynamoType type)
{
	switch (type)
	{
		case DT_S:
			return "pg_catalog.hashtext(pk)";
		case DT_N:
			return "pg_catalog.hash_numeric(pk)";
		default:
			return "pg_catalog.hashtext(pg_catalog.encode(pk, 'hex'))";
	}
}

/* The segment of a partition key value: the same hash, computed here */
int
read_segment_of(DynamoTable *t, Datum partition, int total)
{
	int32		h;

	switch (t->partition_key.type)
	{
		case DT_S:
			h = DatumGetInt32(DirectFunctionCall1Coll(hashtext, C_COLLATION_OID, partition));
			break;
		case DT_N:
			h = DatumGetInt32(DirectFunctionCall1(hash_numeric, partition));
			break;
		default:
			h = DatumGetInt32(DirectFunctionCall1Coll(hashtext, C_COLLATION_OID,
													  DirectFunctionCall2(binary_encode, partition,
																		  CStringGetTextDatum("hex"))));
			break;
	}
	return (h & 0x7FFFFFFF) % total;
}

/* The segment condition of a parallel Scan: WHERE or AND (hash(pk) ...) */
void
read_stmt_segment(ReadStatement *s, ReadRequest *req, bool and)
{
	add_text(s, and ? " AND (" : " WHERE (");
	add_text(s, segment_hash_sql(req->table->partition_key.type));
	add_op(s, "&");
	add_text(s, "2147483647)");
	add_op(s, "%");
	add_param(s, Int32GetDatum(req->total_segments), INT4OID);
	add_op(s, "=");
	add_param(s, Int32GetDatum(req->segment), INT4OID);
}

void
read_stmt_text(ReadStatement *s, const char *text)
{
	add_text(s, text);
}

void
read_stmt_op(ReadStatement *s, const char *op)
{
	add_op(s, op);
}

void
read_stmt_param(ReadStatement *s, Datum value, Oid type)
{
	add_param(s, value, type);
}

/* Build the statement of a request into s */
static void
build_statement(ReadRequest *req, ReadStatement *s)
{
	DynamoTable *t = req->table;
	bool		sk = dynamo_table_has_sort_key(t);
	Oid			pktype = dynamo_key_type_oid(t->partition_key.type);

	if (req->index)
	{
		index_read_statement(req, s);
		return;
	}
	if (s->sql)
		appendStringInfo(s->sql, "SELECT item FROM %s", t->qualified_name);
	if (req->query)
	{
		add_text(s, " WHERE pk");
		add_op(s, "=");
		add_param(s, key_datum(t->partition_key.type, req->partition), pktype);
		if (sk)
		{
			add_bound(s, t, &req->lower, true);
			add_bound(s, t, &req->upper, false);
			add_text(s, req->forward ? " ORDER BY sk" : " ORDER BY sk DESC");
		}
		return;
	}
	if (req->start)
	{
		add_text(s, sk ? " WHERE (pk, sk)" : " WHERE pk");
		add_op(s, ">");
		add_text(s, sk ? "(" : "");
		add_param(s, req->start->values[0], pktype);
		if (sk)
		{
			add_text(s, ", ");
			add_param(s, req->start->values[1], dynamo_key_type_oid(t->sort_key.type));
			add_text(s, ")");
		}
	}
	if (req->total_segments > 0)
		read_stmt_segment(s, req, req->start != NULL);
	add_text(s, sk ? " ORDER BY pk, sk" : " ORDER BY pk");
}

/*
 * The statement of a request as plain SQL with its values written in, for
 * a user to read, run or EXPLAIN; values, types and nparams get its
 * parameters as read_items() binds them.
 */
char *
read_statement(ReadRequest *req, Datum *values, Oid *types, int *nparams)
{
	ReadStatement s = {makeStringInfo(), true, 0};

	build_statement(req, &s);
	memcpy(values, s.values, sizeof(Datum) * s.nparams);
	memcpy(types, s.types, sizeof(Oid) * s.nparams);
	*nparams = s.nparams;
	return s.sql->data;
}

/* Which of the table's read plans a request runs */
static int
read_shape(ReadRequest *req)
{
	if (req->query)
	{
		int			lower = req->lower.value ? 1 + req->lower.inclusive : 0;
		int			upper = req->upper.value ? 1 + req->upper.inclusive : 0;

		return lower * 6 + upper * 2 + (req->forward ? 0 : 1);
	}
	return 18 + (req->start ? 1 : 0) + (req->total_segments > 0 ? 2 : 0);
}

/* The plan of a request's shape, prepared on first use; fills s's params */
static SPIPlanPtr
read_plan(ReadRequest *req, ReadStatement *s)
{
	SPIPlanPtr *slot = req->index ? index_read_plan_slot(req)
		: &req->table->read_plans[read_shape(req)];

	if (*slot)
	{
		build_statement(req, s);
		return *slot;
	}
	s->sql = makeStringInfo();
	build_statement(req, s);
	/* a fast-start plan: rows stream out of the index in key order */
	*slot = spi_prepare_kept(s->sql->data, s->nparams, s->types, CURSOR_OPT_FAST_PLAN);
	return *slot;
}

/* LastEvaluatedKey of an item: its key attributes */
static Jsonb *
key_of_item(DynamoTable *t, Jsonb *item)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};
	JsonbParseState *st = NULL;
	JsonbValue *res = NULL;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < (dynamo_table_has_sort_key(t) ? 2 : 1); i++)
	{
		JsonbValue	k,
					v;

		k.type = jbvString;
		k.val.string.val = attrs[i]->name;
		k.val.string.len = strlen(attrs[i]->name);
		if (getKeyJsonValueFromContainer(&item->root, k.val.string.val, k.val.string.len, &v) == NULL)
			elog(ERROR, "item without its key attribute \"%s\"", attrs[i]->name);
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_VALUE, &v);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
}

/*
 * Evaluate one row's item: count it, filter, project and visit it.  Returns
 * true when the read must stop after it (Limit, or a full page).
 */
static bool
read_one(ReadRequest *req, Jsonb *item, ReadResult *res, MemoryContext outer,
		 ReadVisitor visit, void *arg)
{
	Jsonb	   *seen = req->index ? index_read_visible(req, item) : item;
	bool		escaped;
	int64		size;

	/*
	 * Sized even when neither a page nor the usage figures need the size:
	 * the walk finds whether the item holds the escape, which spares a plain
	 * visitor the rewrite of every item.
	 */
	size = item_measure(seen, &escaped);
	res->scanned_count++;
	res->scanned_bytes += size;
	res->page_bytes += size;
	if (req->index)
		index_read_charge(req, item, size, res);
	/* a read of all pages is charged page by page */
	if (!req->paged && res->page_bytes >= DYNAMO_PAGE_BYTES)
	{
		res->read_units += capacity_units(res->page_bytes, false, req->consistent);
		res->page_bytes = 0;
	}
	if (req->filter == NULL || expr_eval_condition(req->filter, seen))
	{
		res->count++;
		if (req->select != SELECT_COUNT)
		{
			MemoryContext old;

			if (req->projection)
				item = expr_apply_projection(req->projection, seen);
			else if (req->index)
				item = index_read_result(req, item, seen);
			/* what was sized, or a part of it (an LSI's item is seen whole) */
			req->visit_plain = !escaped && (item == seen || req->projection ||
											(req->index && req->index->local));
			old = MemoryContextSwitchTo(outer);
			visit(arg, item);
			MemoryContextSwitchTo(old);
		}
	}
	return (req->limit > 0 && res->scanned_count >= req->limit) ||
		(req->paged && res->scanned_bytes >= DYNAMO_PAGE_BYTES);
}

/*
 * Evaluate a row's item (see read_one); when it stops the read, result
 * gets LastEvaluatedKey.  keep: the item must outlive the row (a page's).
 */
static void
read_row(ReadRequest *req, Jsonb *item, bool keep, ReadResult *result, MemoryContext outer,
		 ReadVisitor visit, void *arg)
{
	if (keep)
		item = (Jsonb *) PG_DETOAST_DATUM_COPY(PointerGetDatum(item));
	result->stopped = read_one(req, item, result, outer, visit, arg);
	if (result->stopped)
	{
		MemoryContextSwitchTo(outer);
		result->last_key = req->index ? index_read_last_key(req, item)
			: key_of_item(req->table, item);
	}
}

/* Walk the rows of a request through the cursor (see read_items) */
static void
read_rows_cursor(ReadRequest *req, bool keep, MemoryContext batch, ReadVisitor visit, void *arg,
				 ReadResult *result)
{
	MemoryContext outer = CurrentMemoryContext;
	ReadStatement s = {NULL, false, 0};
	Portal		portal;

	item_spi_connect();
	/* not read-only: the cursor sees the statement's earlier writes (VOLATILE) */
	portal = SPI_cursor_open(NULL, read_plan(req, &s), s.values, NULL, false);
	while (!result->stopped)
	{
		int64		want = READ_BATCH;
		uint64		n;

		if (req->limit > 0)
			want = Min(want, req->limit - result->scanned_count);
		SPI_cursor_fetch(portal, true, want);
		n = SPI_processed;
		MemoryContextSwitchTo(batch);
		for (uint64 i = 0; i < n && !result->stopped; i++)
		{
			bool		isnull;
			Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

			read_row(req, DatumGetJsonbP(d), keep, result, outer, visit, arg);
		}
		SPI_freetuptable(SPI_tuptable);
		if (batch != outer)
			MemoryContextReset(batch);
		if (n < want)
			break;
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextSwitchTo(outer);
}

/* A sort key bound as a condition on index column col; the count added */
int
read_range_bound(ItemRangeKey *key, AttrNumber col, DynamoType type, KeyBound *b, bool lower)
{
	if (b->value == NULL)
		return 0;
	key->col = col;
	key->strategy = lower ? (b->inclusive ? BTGreaterEqualStrategyNumber : BTGreaterStrategyNumber)
		: (b->inclusive ? BTLessEqualStrategyNumber : BTLessStrategyNumber);
	key->value = key_datum(type, b->value);
	return 1;
}

/*
 * The conditions of a Query as a walk of the primary key index, or of an
 * index read's PostgreSQL index: the count, -1 when only the statement can
 * run it (a Scan; an index read from a start key)
 */
static int
range_keys(ReadRequest *req, ItemRangeKey *keys)
{
	DynamoTable *t = req->table;
	int			n = 0;

	if (req->index)
		return index_read_range_keys(req, keys);
	if (!req->query)
		return -1;
	keys[n].col = 1;
	keys[n].strategy = BTEqualStrategyNumber;
	keys[n++].value = key_datum(t->partition_key.type, req->partition);
	if (dynamo_table_has_sort_key(t))
	{
		n += read_range_bound(&keys[n], 2, t->sort_key.type, &req->lower, true);
		n += read_range_bound(&keys[n], 2, t->sort_key.type, &req->upper, false);
	}
	return n;
}

/*
 * Walk the rows of a Query straight through its index (item_fetch.c);
 * false, having read nothing, when it must take the cursor instead.
 */
static bool
read_rows_direct(ReadRequest *req, bool keep, MemoryContext batch, ReadVisitor visit, void *arg,
				 ReadResult *result)
{
	MemoryContext outer = CurrentMemoryContext;
	ItemRangeKey keys[ITEM_SCAN_MAX_KEYS];
	int			nkeys = range_keys(req, keys);
	ItemScan   *scan;
	int			rows = 0;

	if (nkeys < 0)
		return false;
	scan = item_scan_begin(req->table->relid, req->index ? req->index->relid : InvalidOid,
						   keys, nkeys, !req->forward);
	if (scan == NULL)
		return false;
	MemoryContextSwitchTo(batch);
	while (!result->stopped)
	{
		Jsonb	   *item = item_scan_next(scan);

		if (item == NULL)
			break;
		read_row(req, item, keep, result, outer, visit, arg);
		if (batch != outer && ++rows % READ_BATCH == 0)
			MemoryContextReset(batch);
		CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(outer);
	item_scan_end(scan);
	return true;
}

/* Walk the rows of a request (see read_items) */
static void
read_rows(ReadRequest *req, ReadVisitor visit, void *arg, ReadResult *result)
{
	MemoryContext outer = CurrentMemoryContext;
	MemoryContext batch;
	bool		keep = req->paged && !req->transient;

	/*
	 * Rows are read into a batch context, freed batch by batch; a page
	 * (at most 1 MB of items) is read into the caller's context instead,
	 * where its items stay for the response to refer to, unless the
	 * response is written as the items are read.
	 */
	batch = keep ? outer
		: AllocSetContextCreate(outer, "pg_dynamo read batch", ALLOCSET_DEFAULT_SIZES);
	if (!read_rows_direct(req, keep, batch, visit, arg, result))
		read_rows_cursor(req, keep, batch, visit, arg, result);
	if (batch != outer)
		MemoryContextDelete(batch);
}

/*
 * The fewest reads (each a unit, or half a unit eventually consistent) a
 * read is charged: a Scan that reads a whole table in one page (whole) is
 * charged as DynamoDB charges one of a small table, a read for each of a
 * new table's four partitions, however few items it holds.
 */
int
read_fewest_reads(ReadRequest *req, bool whole)
{
	if (req->query || req->index || req->start || req->total_segments > 0 || !whole)
		return 0;
	return 4;
}

/*
 * Run a Query or Scan, handing each matching item to visit; result gets the
 * counts and, when the read stopped early, LastEvaluatedKey.
 */
void
read_items(ReadRequest *req, ReadVisitor visit, void *arg, ReadResult *result)
{
	memset(result, 0, sizeof(ReadResult));
	if (!req->empty)
		read_rows(req, visit, arg, result);
	if (result->page_bytes > 0 || result->read_units == 0)
		result->read_units += capacity_units(result->page_bytes, false, req->consistent);
	result->read_units = Max(result->read_units, read_fewest_reads(req, result->last_key == NULL) *
							 capacity_units(0, false, req->consistent));
	advisor_count_read(req, result);
}

/* An item in a page's form */
static Jsonb *
item_in_form(Jsonb *item, ItemForm form)
{
	if (form == FORM_PLAIN)
		return item_to_plain(item, false);
	return item_to_typed(item, form == FORM_TYPED_ESCAPED);
}

typedef struct PageSink
{
	JsonbParseState **st;
	ItemForm	form;
	ReadRequest *req;
} PageSink;

/*
 * Visitor: each item as an element of Items, placed whole (json_build.h):
 * a plain item is the stored item itself, a typed item is written apart.
 */
static void
push_page_item(void *arg, Jsonb *item)
{
	PageSink   *sink = arg;

	if (sink->form == FORM_PLAIN)
		jb_jsonb(sink->st, NULL, sink->req->visit_plain ? item : item_to_plain(item, false));
	else
		(void) item_push_typed(sink->st, item, sink->form == FORM_TYPED_ESCAPED);
}

void
read_page(ReadRequest *req, JsonbParseState **st, ItemForm form, ReadResult *result)
{
	PageSink	sink = {st, form, req};

	if (req->select != SELECT_COUNT)
		jb_begin_array(st, "Items");
	read_items(req, push_page_item, &sink, result);
	if (req->select != SELECT_COUNT)
		jb_end_array(st);
	jb_int(st, "Count", result->count);
	jb_int(st, "ScannedCount", result->scanned_count);
	if (result->last_key)
		jb_jsonb(st, "LastEvaluatedKey", item_in_form(result->last_key, form));
}

typedef struct TextSink
{
	StringInfo	buf;
	bool		first;
	int			style;
} TextSink;

/* Visitor: each item written as an element of Items, as text */
static void
append_page_item(void *arg, Jsonb *item)
{
	TextSink   *sink = arg;

	if (!sink->first)
		json_append_comma(sink->buf, sink->style);
	sink->first = false;
	item_append_typed_text(sink->buf, item, sink->style);
}

void
read_page_text(ReadRequest *req, StringInfo out, int style, ReadResult *result)
{
	StringInfoData items;
	TextSink	sink = {&items, true, style};

	initStringInfo(&items);
	req->transient = true;
	read_items(req, append_page_item, &sink, result);
	/* the members in jsonb's order (shorter keys first), as jsonb_out has them */
	appendStringInfoChar(out, '{');
	json_append_key(out, "Count", true, style);
	appendStringInfo(out, INT64_FORMAT, result->count);
	if (req->select != SELECT_COUNT)
	{
		json_append_key(out, "Items", false, style);
		appendStringInfoChar(out, '[');
		appendBinaryStringInfo(out, items.data, items.len);
		appendStringInfoChar(out, ']');
	}
	json_append_key(out, "ScannedCount", false, style);
	appendStringInfo(out, INT64_FORMAT, result->scanned_count);
}
