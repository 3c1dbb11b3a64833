/*
 * advisor_hints.c
 *		Hints while developing: a NOTICE when a Scan runs or a Query's filter
 *		discards most of what it read (pg_dynamo.access_hints), and a
 *		PostgreSQL HINT with the fix on the errors a newcomer meets first in
 *		the SQL functions (and on a Scan that filters on an index's key).
 *
 * The errors keep DynamoDB's message and SQLSTATE; only the SQL functions
 * add the hint, so execute() and the HTTP door render them unchanged.
 */
#include "postgres.h"

#include "utils/jsonb.h"

#include "advisor.h"
#include "errors.h"
#include "indexes.h"

bool		advisor_access_hints = false;

/* The fix of a Scan, in DynamoDB's terms */
static char *
scan_fix(ReadRequest *req)
{
	FilterEquality eq[1];
	DynamoTable *t = req->table;
	DynamoIndex *ix;

	if (advisor_filter_equalities(req->filter, eq, 1) > 0 &&
		(ix = advisor_index_keyed(t, eq[0].attr, NULL)) != NULL)
		return psprintf("The %s %s has partition key %s: a Query on it (index_name => '%s', key condition %s = :value) reads only the items with that %s; dynamo.explain('Scan', ...) estimates both.",
						advisor_index_kind(ix), ix->name, eq[0].attr, ix->name, eq[0].attr, eq[0].attr);
	if (advisor_filter_equalities(req->filter, eq, 1) > 0)
		return psprintf("A global secondary index with partition key %s would make this a Query that reads only the items with that %s; dynamo.explain('Scan', ...) estimates both.",
						eq[0].attr, eq[0].attr);
	if (req->filter)
		return psprintf("The FilterExpression (on %s) is applied after every item is read and charged; an index keyed by the filtered attribute would make this a Query.",
						advisor_filter_attrs(req->filter));
	return psprintf("A Scan reads every item of the table; a Query with a key condition on %s reads one partition.",
					t->partition_key.name);
}

/*
 * The NOTICE of a read that ran: every Scan, and a Query whose filter
 * discarded more than half of the items it read.
 */
void
advisor_read_hint(ReadRequest *req, ReadResult *res)
{
	DynamoTable *t = req->table;
	int64		discarded = res->scanned_count - res->count;
	const char *pk = req->index ? index_partition_key_name(req->index) : t->partition_key.name;
	FilterEquality eq[1];
	DynamoIndex *ix;

	if (!req->query)
	{
		ereport(NOTICE,
				(errmsg("Scan of table %s read " INT64_FORMAT " items and returned " INT64_FORMAT,
						t->table_name, res->scanned_count, res->count),
				 errhint("%s", scan_fix(req))));
		return;
	}
	if (req->filter == NULL || discarded * 2 <= res->scanned_count)
		return;
	if (advisor_filter_equalities(req->filter, eq, 1) > 0 &&
		(ix = advisor_index_keyed(t, pk, eq[0].attr)) != NULL)
	{
		ereport(NOTICE,
				(errmsg("Query on table %s read " INT64_FORMAT " items and its FilterExpression discarded " INT64_FORMAT " (%d %%)",
						t->table_name, res->scanned_count, discarded,
						(int) (100 * discarded / res->scanned_count)),
				 errhint("The %s %s has partition key %s and sort key %s: a Query on it (index_name => '%s') with %s in its key condition reads only the items the filter keeps.",
						 advisor_index_kind(ix), ix->name, pk, eq[0].attr, ix->name, eq[0].attr)));
		return;
	}
	ereport(NOTICE,
			(errmsg("Query on table %s read " INT64_FORMAT " items and its FilterExpression discarded " INT64_FORMAT " (%d %%)",
					t->table_name, res->scanned_count, discarded,
					(int) (100 * discarded / res->scanned_count)),
			 errhint("The filter runs after the items are read and charged: a sort key on %s (a global secondary index with partition key %s and sort key %s, or a local secondary index) would let the key condition select them.",
					 advisor_filter_attrs(req->filter), pk,
					 advisor_filter_attrs(req->filter))));
}

/* The placeholders of a map (names or values) that start with sigil */
static char *
keys_with_sigil(Jsonb *map, char sigil)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	StringInfoData s;

	if (map == NULL || !JB_ROOT_IS_OBJECT(map))
		return NULL;
	initStringInfo(&s);
	it = JsonbIteratorInit(&map->root);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (r == WJB_KEY && v.val.string.len > 0 && v.val.string.val[0] == sigil)
			appendStringInfo(&s, "%s%.*s", s.len ? ", " : "", v.val.string.len, v.val.string.val);
	return s.len ? s.data : NULL;
}

/* The text of a jsonb map, for a hint */
static char *
map_text(Jsonb *map)
{
	return JsonbToCString(NULL, &map->root, VARSIZE(map));
}

/* The key schema of a table, in words */
static char *
key_schema_words(const char *table_name)
{
	DynamoTable *t = table_name ? dynamo_table_lookup(table_name, true) : NULL;
	char	   *words;
	char	   *indexes;

	if (t == NULL)
		return NULL;
	if (!dynamo_table_has_sort_key(t))
		words = psprintf("Table %s has the partition key %s (%s) only: a key condition is %s = :value.",
						 t->table_name, t->partition_key.name,
						 DynamoTypeNames[t->partition_key.type], t->partition_key.name);
	else
		words = psprintf("Table %s has the partition key %s (%s) and the sort key %s (%s): a key condition is %s = :value, optionally AND a condition on %s (=, <, <=, >, >=, BETWEEN, begins_with).",
						 t->table_name, t->partition_key.name, DynamoTypeNames[t->partition_key.type],
						 t->sort_key.name, DynamoTypeNames[t->sort_key.type],
						 t->partition_key.name, t->sort_key.name);
	indexes = advisor_index_words(t);
	if (indexes)
		words = psprintf("%s Its indexes, each queried with index_name => and a key condition on its own keys: %s.",
						 words, indexes);
	return words;
}

/*
 * The hint for an error of a SQL function's request, or NULL.  The request
 * is expr (values in the stored form) on table_name.
 */
static char *
lesson(ErrorData *edata, ExprParams *expr, const char *table_name)
{
	Jsonb	   *plain_values = expr->values ? item_to_plain(expr->values, false) : NULL;
	const char *msg = edata->message;
	const char *reserved = strstr(msg, "reserved keyword: ");
	char	   *misplaced;

	if (edata->sqlerrcode != dynamo_errcode(DYN_VALIDATION))
		return NULL;
	if (reserved)
	{
		const char *w = reserved + strlen("reserved keyword: ");

		return psprintf("%s is a reserved word in expressions: write #%s in its place and pass expression_attribute_names => '{\"#%s\": \"%s\"}'.",
						w, w, w, w);
	}
	if (strstr(msg, "ExpressionAttributeValues contains invalid key") &&
		(misplaced = keys_with_sigil(plain_values, '#')) != NULL)
		return psprintf("Placeholders starting with \"#\" (here %s) are attribute names, but they came as expression_attribute_values: pass them as expression_attribute_names => '%s'.",
						misplaced, map_text(plain_values));
	if (strstr(msg, "Query condition missed key schema element") ||
		strncmp(msg, "Query key condition not supported", 33) == 0)
	{
		char	   *keys = key_schema_words(table_name);

		if (keys)
			return psprintf("%s Conditions on other attributes go in filter_expression =>.", keys);
	}
	return NULL;
}

/*
 * Run step(arg); an error it raises comes back with a hint when it is one
 * of the mistakes lesson() knows.
 */
static void
teach(void (*step) (void *), void *arg, ExprParams *expr, const char *table_name)
{
	MemoryContext cxt = CurrentMemoryContext;

	PG_TRY();
	{
		step(arg);
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		char	   *hint;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		hint = lesson(edata, expr, table_name);
		if (hint && edata->hint == NULL)
			edata->hint = hint;
		ReThrowError(edata);
	}
	PG_END_TRY();
}

/*
 * A Scan that filters on the partition key of an existing index is a
 * newcomer's mistake with a sure fix: say so even without access_hints
 * (which, when on, gives the same hint after the read).
 */
static void
scan_lesson(ReadRequest *req)
{
	FilterEquality eq[1];
	DynamoIndex *ix;

	if (req->query || advisor_access_hints ||
		advisor_filter_equalities(req->filter, eq, 1) == 0 ||
		(ix = advisor_index_keyed(req->table, eq[0].attr, NULL)) == NULL)
		return;
	ereport(NOTICE,
			(errmsg("Scan of table %s filters on %s, the partition key of the %s %s",
					req->table->table_name, eq[0].attr, advisor_index_kind(ix), ix->name),
			 errhint("%s", scan_fix(req))));
}

typedef struct ReadStep
{
	ReadParams *p;
	ReadRequest *req;
} ReadStep;

static void
read_step(void *arg)
{
	ReadStep   *s = arg;

	read_request_build(s->p, s->req);
}

/* read_request_build() for the SQL functions: errors that teach */
void
advisor_read_request_build(ReadParams *p, ReadRequest *req)
{
	ReadStep	s = {p, req};

	teach(read_step, &s, &p->expr, p->table_name);
	scan_lesson(req);
}

typedef struct ParseStep
{
	ExprParams *p;
	ItemExpressions *e;
} ParseStep;

static void
parse_step(void *arg)
{
	ParseStep  *s = arg;

	item_expressions_parse(s->p, s->e);
}

/* item_expressions_parse() for the SQL functions: errors that teach */
void
advisor_item_expressions_parse(ExprParams *p, ItemExpressions *e, const char *table_name)
{
	ParseStep	s = {p, e};

	teach(parse_step, &s, p, table_name);
}
