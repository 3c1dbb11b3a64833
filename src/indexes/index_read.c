/*
 * index_read.c
 *		Query and Scan with IndexName: the statement over the index, the
 *		items as the index holds them, and the LastEvaluatedKey.
 *
 * A Query on an index is one statement over one index partition:
 *		SELECT item FROM <table> WHERE <predicate> AND c0 = $1 [AND c1 = $2 ..]
 *		[AND ck >(=) $n] [AND ck <(=) $m] [AND (ck, .., cn) > (start)]
 *		ORDER BY ck, .., cn
 * where the first columns are the index key attributes (expressions over
 * the item; a multi-attribute key has several) and the rest the table key
 * columns.  c0 .. ck-1 are those the key condition gives by equality (every
 * partition key attribute, then a prefix of the sort key attributes) and
 * ck the one its range condition bounds, so the scan is one range of the
 * B-tree; items sharing an index key come in table key order and a start
 * key resumes exactly after the last one.
 * A Scan orders by every column.  The predicate is the partial index's,
 * so the planner takes the index; each shape is prepared once per index.
 */
#include "postgres.h"

#include "catalog/pg_type.h"

#include "errors.h"
#include "indexes.h"
#include "storage.h"

/* A column's SQL in the statement being built */
static const char *
col_sql(ReadStatement *s, IndexColumn *c)
{
	return s->literals ? c->plain_sql : c->sql;
}

/* The datum of a column's attribute in a stored-form map */
static Datum
col_datum(IndexColumn *c, Jsonb *map)
{
	JsonbValue	v;

	if (getKeyJsonValueFromContainer(&map->root, c->attr->name, strlen(c->attr->name), &v) == NULL)
		elog(ERROR, "key attribute \"%s\" missing", c->attr->name);
	return key_datum(c->attr->type, &v);
}

/* A sort key bound on column c */
static void
add_bound(ReadStatement *s, IndexColumn *c, KeyBound *b, bool lower)
{
	if (b->value == NULL)
		return;
	read_stmt_text(s, " AND ");
	read_stmt_text(s, col_sql(s, c));
	read_stmt_op(s, lower ? (b->inclusive ? ">=" : ">") : (b->inclusive ? "<=" : "<"));
	read_stmt_param(s, key_datum(c->attr->type, b->value), dynamo_key_type_oid(c->attr->type));
}

/* The columns from first on, as a row: (c1, .., cn) */
static void
add_row(ReadStatement *s, DynamoIndex *ix, int first, Jsonb *values)
{
	read_stmt_text(s, "(");
	for (int i = first; i < ix->ncols; i++)
	{
		if (i > first)
			read_stmt_text(s, ", ");
		if (values)
			read_stmt_param(s, col_datum(&ix->cols[i], values),
							dynamo_key_type_oid(ix->cols[i].attr->type));
		else
			read_stmt_text(s, col_sql(s, &ix->cols[i]));
	}
	read_stmt_text(s, ")");
}

/* Build the statement of an index read into s */
void
index_read_statement(ReadRequest *req, ReadStatement *s)
{
	DynamoIndex *ix = req->index;
	const char *pred = s->literals ? ix->plain_predicate : ix->predicate;
	int			first = req->query ? req->nindex_eq : 0;

	if (s->sql)
		appendStringInfo(s->sql, "SELECT item FROM %s WHERE %s", req->table->qualified_name,
						 pred ? pred : "true");
	for (int i = 0; req->query && i < req->nindex_eq; i++)
	{
		read_stmt_text(s, " AND ");
		read_stmt_text(s, col_sql(s, &ix->cols[i]));
		read_stmt_op(s, "=");
		read_stmt_param(s, key_datum(ix->cols[i].attr->type, req->index_eq[i]),
						dynamo_key_type_oid(ix->cols[i].attr->type));
	}
	if (req->query && first < ix->key.nkeys)
	{
		add_bound(s, &ix->cols[first], &req->lower, true);
		add_bound(s, &ix->cols[first], &req->upper, false);
	}
	if (req->index_start && first < ix->ncols)
	{
		read_stmt_text(s, " AND ");
		add_row(s, ix, first, NULL);
		read_stmt_op(s, req->forward ? ">" : "<");
		add_row(s, ix, first, req->index_start);
	}
	if (!req->query && req->total_segments > 0)
		read_stmt_segment(s, req, true);
	for (int i = first; i < ix->ncols; i++)
	{
		read_stmt_text(s, i == first ? " ORDER BY " : ", ");
		read_stmt_text(s, col_sql(s, &ix->cols[i]));
		read_stmt_text(s, req->forward ? "" : " DESC");
	}
}

/* The plan slot of a request's shape, in the index's plans */
SPIPlanPtr *
index_read_plan_slot(ReadRequest *req)
{
	int			shape;

	if (req->query)
	{
		int			lower = req->lower.value ? 1 + req->lower.inclusive : 0;
		int			upper = req->upper.value ? 1 + req->upper.inclusive : 0;

		shape = lower * 6 + upper * 2 + (req->forward ? 0 : 1) + (req->index_start ? 18 : 0) +
			36 * (req->nindex_eq - 1);
	}
	else
		shape = 36 * 2 * INDEX_MAX_KEY_ATTRS +
			(req->index_start ? 1 : 0) + (req->total_segments > 0 ? 2 : 0);
	return &req->index->read_plans[shape];
}

/*
 * The conditions of an index Query as a walk of its PostgreSQL index, whose
 * columns are the index's in order: the count, or -1 when only the
 * statement can run it (a Scan, a start key, an index not known by OID)
 */
int
index_read_range_keys(ReadRequest *req, ItemRangeKey *keys)
{
	DynamoIndex *ix = req->index;
	int			first = req->nindex_eq;
	int			n = 0;

	if (!req->query || req->index_start || !OidIsValid(ix->relid))
		return -1;
	for (int i = 0; i < first; i++)
	{
		keys[n].col = i + 1;
		keys[n].strategy = BTEqualStrategyNumber;
		keys[n++].value = key_datum(ix->cols[i].attr->type, req->index_eq[i]);
	}
	if (first < ix->key.nkeys)
	{
		n += read_range_bound(&keys[n], first + 1, ix->cols[first].attr->type, &req->lower, true);
		n += read_range_bound(&keys[n], first + 1, ix->cols[first].attr->type, &req->upper, false);
	}
	return n;
}

/* Is an attribute projected into an index (key attributes always are)? */
static bool
projected(DynamoIndex *ix, const char *name, int len)
{
	for (int i = 0; i < ix->ncols; i++)
		if (strlen(ix->cols[i].attr->name) == len && memcmp(ix->cols[i].attr->name, name, len) == 0)
			return true;
	for (int i = 0; i < ix->nnon_key; i++)
		if (strlen(ix->non_key[i]) == len && memcmp(ix->non_key[i], name, len) == 0)
			return true;
	return false;
}

/* An item as an index holds it: only its projected attributes */
Jsonb *
index_project_item(DynamoIndex *ix, Jsonb *item)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	k,
				v;
	JsonbIteratorToken r;

	if (ix->projection == PROJECT_ALL)
		return item;
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(&item->root);
	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		if (r != WJB_KEY)
			continue;
		r = JsonbIteratorNext(&it, &v, true);
		if (!projected(ix, k.val.string.val, k.val.string.len))
			continue;
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_VALUE, &v);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/*
 * What the filter and projection of an index read see: a GSI's projected
 * attributes; an LSI's whole item, which DynamoDB fetches from the table.
 */
Jsonb *
index_read_visible(ReadRequest *req, Jsonb *item)
{
	return req->index->local ? item : index_project_item(req->index, item);
}

/* An index read's item without a projection expression, by Select */
Jsonb *
index_read_result(ReadRequest *req, Jsonb *item, Jsonb *visible)
{
	if (req->select != SELECT_ALL_PROJECTED_ATTRIBUTES)
		return item;
	return req->index->local ? index_project_item(req->index, item) : visible;
}

/* LastEvaluatedKey of an index read: the index keys and the table keys */
Jsonb *
index_read_last_key(ReadRequest *req, Jsonb *item)
{
	DynamoIndex *ix = req->index;
	JsonbParseState *st = NULL;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < ix->ncols; i++)
	{
		JsonbValue	k,
					v;

		k.type = jbvString;
		k.val.string.val = (char *) ix->cols[i].attr->name;
		k.val.string.len = strlen(k.val.string.val);
		if (getKeyJsonValueFromContainer(&item->root, k.val.string.val, k.val.string.len, &v) == NULL)
			elog(ERROR, "item without its key attribute \"%s\"", k.val.string.val);
		pushJsonbValue(&st, WJB_KEY, &k);
		pushJsonbValue(&st, WJB_VALUE, &v);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/*
 * Resolve a read's IndexName and apply DynamoDB's rules on it: the index
 * must exist, a GSI takes no ConsistentRead, Select defaults to
 * ALL_PROJECTED_ATTRIBUTES and ALL_ATTRIBUTES needs a GSI that projects
 * them all (an LSI fetches them from the table).
 */
void
index_read_resolve(ReadRequest *req, const char *index_name, bool consistent, bool select_given)
{
	DynamoIndex *ix = index_find(req->table, index_name);

	if (ix == NULL)
		dynamo_error(DYN_VALIDATION, "The table does not have the specified index: %s", index_name);
	if (!ix->local && consistent)
		dynamo_error(DYN_VALIDATION, "Consistent reads are not supported on global secondary indexes");
	req->index = ix;
	if (!select_given && req->select == SELECT_ALL_ATTRIBUTES)
		req->select = SELECT_ALL_PROJECTED_ATTRIBUTES;
}

/* Select ALL_ATTRIBUTES needs a GSI that projects them all */
void
index_read_check_select(ReadRequest *req)
{
	DynamoIndex *ix = req->index;

	if (req->select == SELECT_ALL_ATTRIBUTES && !ix->local && ix->projection != PROJECT_ALL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Select type ALL_ATTRIBUTES is not supported for global secondary index %s because its projection type is not ALL",
					 ix->name);
}

/* Whether an index projects a top-level attribute (expr_*_refused's test) */
static bool
projected_cb(void *arg, const char *name, int len)
{
	return projected((DynamoIndex *) arg, name, len);
}

/*
 * Refuse a projection naming an attribute a GSI does not project: unlike an
 * LSI, a GSI cannot fetch it from the table.
 */
void
index_read_check_projection(ReadRequest *req)
{
	DynamoIndex *ix = req->index;
	const char *name;

	if (ix == NULL || ix->local || ix->projection == PROJECT_ALL || req->projection == NULL)
		return;
	name = expr_projection_refused(req->projection, projected_cb, ix);
	if (name)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Global secondary index %s does not project [%s]",
					 ix->name, name);
}

/*
 * Note whether an LSI read fetches the table's items: it asks for all
 * attributes, or its projection or filter names one the index does not
 * project.
 */
void
index_read_plan_fetch(ReadRequest *req)
{
	DynamoIndex *ix = req->index;

	req->index_fetch = ix->local && ix->projection != PROJECT_ALL &&
		(req->select == SELECT_ALL_ATTRIBUTES ||
		 (req->projection && expr_projection_refused(req->projection, projected_cb, ix)) ||
		 (req->filter && expr_condition_refused(req->filter, projected_cb, ix)));
}

/*
 * Count what an index read is charged for an item of size bytes (the
 * attributes its filter sees): the index entry, and the item itself when
 * the read fetches it from the table.
 */
void
index_read_charge(ReadRequest *req, Jsonb *item, int64 size, ReadResult *res)
{
	DynamoIndex *ix = req->index;
	bool		escaped;

	if (!ix->local || ix->projection == PROJECT_ALL)
		res->index_bytes += size;
	else
		res->index_bytes += item_measure(index_project_item(ix, item), &escaped);
	if (req->index_fetch)
		res->fetched_bytes += size;
}

/* An attribute of an index read's start key (present: checked before) */
JsonbValue *
index_read_start_attr(ReadRequest *req, const char *name)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	if (getKeyJsonValueFromContainer(&req->index_start->root, name, strlen(name), v) == NULL)
		elog(ERROR, "start key without \"%s\"", name);
	return v;
}
