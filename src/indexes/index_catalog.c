/*
 * index_catalog.c
 *		Secondary index definitions: loaded from dynamo.indexes into the
 *		table cache, and the SQL of their PostgreSQL indexes.
 *
 * The cache entry of a table holds its indexes in a memory context of
 * their own, reloaded whenever the entry is revalidated (an invalidation
 * of the item table: CREATE INDEX and DROP INDEX send one).  A reload keeps
 * the prepared plans of the indexes that still exist, so a plan in use is
 * never freed, as table_catalog.c promises for the table's own plans.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "indexes.h"
#include "spi_text.h"

const char *const IndexProjectionNames[3] = {"ALL", "KEYS_ONLY", "INCLUDE"};

static SPIPlanPtr IndexLookupPlan = NULL;

/* Name of the PostgreSQL index of a DynamoDB index */
char *
index_relname(const char *table_name, const char *index_name)
{
	return dynamo_item_relname(psprintf("%s:%s", table_name, index_name));
}

/*
 * SQL of an index key attribute: the item table's column when it is a table
 * key attribute, else an expression over the item of the column's type.
 * plain: with unqualified operators, as to_sql() prints it.
 */
char *
index_key_expr(const DynamoKeyAttr *attr, DynamoTable *t, bool plain, bool *table_key)
{
	char	   *name = quote_literal_cstr(attr->name);

	*table_key = true;
	if (strcmp(attr->name, t->partition_key.name) == 0)
		return "pk";
	if (dynamo_table_has_sort_key(t) && strcmp(attr->name, t->sort_key.name) == 0)
		return "sk";
	*table_key = false;
	switch (attr->type)
	{
		case DT_S:
			return plain ? psprintf("((item->>%s) COLLATE \"C\")", name)
				: psprintf("((item OPERATOR(pg_catalog.->>) %s) COLLATE pg_catalog.\"C\")", name);
		case DT_N:
			return plain ? psprintf("((item->%s)::numeric)", name)
				: psprintf("((item OPERATOR(pg_catalog.->) %s)::pg_catalog.numeric)", name);
		default:
			return plain ? psprintf("decode(item->%s->>'$B', 'base64')", name)
				: psprintf("pg_catalog.decode((item OPERATOR(pg_catalog.->) %s) OPERATOR(pg_catalog.->>) '$B', 'base64')",
						   name);
	}
}

/* JSON type of a key attribute's stored form */
static const char *
json_type_of(DynamoType t)
{
	return t == DT_S ? "string" : t == DT_N ? "number" : "object";
}

/*
 * Predicate part: one key attribute present with its type and, when a
 * string or binary, 1 to limit bytes long (what a backfill finds outside
 * these bounds stays out of the index, as in DynamoDB).
 */
static void
append_present(StringInfo buf, DynamoTable *t, const DynamoKeyAttr *attr, int limit, bool plain)
{
	bool		table_key;
	char	   *name;

	if (attr->name == NULL)
		return;
	(void) index_key_expr(attr, t, plain, &table_key);
	if (table_key)
		return;
	name = quote_literal_cstr(attr->name);
	appendStringInfo(buf, plain ? "%sjsonb_typeof(item->%s) = '%s'"
					 : "%spg_catalog.jsonb_typeof(item OPERATOR(pg_catalog.->) %s) OPERATOR(pg_catalog.=) '%s'",
					 buf->len ? " AND " : "", name, json_type_of(attr->type));
	if (attr->type == DT_S)
		appendStringInfo(buf, plain ? " AND octet_length(item->>%s) BETWEEN 1 AND %d"
						 : " AND pg_catalog.octet_length(item OPERATOR(pg_catalog.->>) %s) BETWEEN 1 AND %d",
						 name, limit);
	else if (attr->type == DT_B)
		appendStringInfo(buf, plain ? " AND octet_length(decode(item->%s->>'$B', 'base64')) BETWEEN 1 AND %d"
						 : " AND pg_catalog.octet_length(pg_catalog.decode((item OPERATOR(pg_catalog.->) %s) OPERATOR(pg_catalog.->>) '$B', 'base64')) BETWEEN 1 AND %d",
						 name, limit);
}

/*
 * The partial index predicate: every index key attribute that is not a
 * table key is present with its type, within DynamoDB's key sizes.  NULL
 * when there is none.
 */
char *
index_predicate(DynamoTable *t, const IndexKeys *keys, bool plain)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < keys->nkeys; i++)
		append_present(&buf, t, &keys->keys[i],
					   i < keys->nhash ? DYNAMO_MAX_PARTITION_KEY : DYNAMO_MAX_SORT_KEY, plain);
	return buf.len ? buf.data : NULL;
}

/*
 * CHECK of one index key attribute: absent, or of its type and not empty,
 * so plain SQL writes obey the rule PutItem and UpdateItem enforce.
 */
char *
index_type_check(const DynamoKeyAttr *attr)
{
	char	   *v = psprintf("(item OPERATOR(pg_catalog.->) %s)", quote_literal_cstr(attr->name));
	char	   *is = psprintf("pg_catalog.jsonb_typeof(%s) OPERATOR(pg_catalog.=) '%s'", v,
							  json_type_of(attr->type));

	switch (attr->type)
	{
		case DT_S:
			return psprintf("%s IS NULL OR (%s AND (%s OPERATOR(pg_catalog.#>>) '{}') OPERATOR(pg_catalog.<>) '')",
							v, is, v);
		case DT_N:
			return psprintf("%s IS NULL OR %s", v, is);
		default:
			return psprintf("%s IS NULL OR (%s AND (%s OPERATOR(pg_catalog.-) '$B'::text) OPERATOR(pg_catalog.=) '{}'::pg_catalog.jsonb"
							" AND (%s OPERATOR(pg_catalog.->>) '$B') OPERATOR(pg_catalog.<>) '')",
							v, is, v, v);
	}
}

/* Columns of an index's PostgreSQL index: its keys, then the table's others */
static void
index_columns(DynamoIndex *ix, DynamoTable *t)
{
	const DynamoKeyAttr *attrs[lengthof(ix->cols)];
	int			n = 0;

	for (int i = 0; i < ix->key.nkeys; i++)
		attrs[n++] = &ix->key.keys[i];
	attrs[n++] = &t->partition_key;
	attrs[n++] = &t->sort_key;
	ix->ncols = 0;
	for (int i = 0; i < n; i++)
	{
		IndexColumn *c = &ix->cols[ix->ncols];
		bool		dup = false;

		if (attrs[i]->name == NULL)
			continue;
		for (int j = 0; j < ix->ncols; j++)
			dup |= strcmp(ix->cols[j].attr->name, attrs[i]->name) == 0;
		if (dup)
			continue;
		c->attr = attrs[i];
		c->sql = index_key_expr(attrs[i], t, false, &c->table_key);
		c->plain_sql = index_key_expr(attrs[i], t, true, &c->table_key);
		ix->ncols++;
	}
	ix->predicate = index_predicate(t, &ix->key, false);
	ix->plain_predicate = index_predicate(t, &ix->key, true);
}

/* Free the plans of an index */
static void
index_free_plans(DynamoIndex *ix)
{
	for (int i = 0; i < INDEX_READ_PLAN_COUNT; i++)
		if (ix->read_plans[i])
			SPI_freeplan(ix->read_plans[i]);
}

/*
 * The key schema of a multi-attribute index, from its key_schema column:
 * [{"AttributeName": .., "KeyType": "HASH" or "RANGE", "AttributeType": ..}]
 */
static void
index_keys_from_schema(IndexKeys *keys, Jsonb *schema)
{
	int			n = Min((int) JB_ROOT_COUNT(schema), lengthof(keys->keys));

	keys->nkeys = keys->nhash = 0;
	for (int i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(&schema->root, i);
		JsonbValue	name,
					type,
					kind;

		if (e->type != jbvBinary ||
			!getKeyJsonValueFromContainer(e->val.binary.data, "AttributeName", 13, &name) ||
			!getKeyJsonValueFromContainer(e->val.binary.data, "AttributeType", 13, &type) ||
			!getKeyJsonValueFromContainer(e->val.binary.data, "KeyType", 7, &kind) ||
			name.type != jbvString || type.type != jbvString || kind.type != jbvString)
			elog(ERROR, "malformed key_schema in dynamo.indexes");
		keys->keys[i].name = pnstrdup(name.val.string.val, name.val.string.len);
		keys->keys[i].type = dynamo_key_type_from_char(type.val.string.val[0]);
		if (kind.val.string.val[0] == 'H')
			keys->nhash++;
	}
	keys->nkeys = n;
}

/* Fill an index from a row of dynamo.indexes */
static void
index_from_row(DynamoIndex *ix, HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		d;
	char	   *proj;

	ix->name = SPI_getvalue(tup, desc, 1);
	ix->local = DatumGetBool(SPI_getbinval(tup, desc, 2, &isnull));
	ix->key.keys[0].name = SPI_getvalue(tup, desc, 3);
	ix->key.keys[0].type = dynamo_key_type_from_char(DatumGetChar(SPI_getbinval(tup, desc, 4, &isnull)));
	ix->key.nkeys = ix->key.nhash = 1;
	d = SPI_getbinval(tup, desc, 6, &isnull);
	if (!isnull)
	{
		ix->key.keys[1].name = SPI_getvalue(tup, desc, 5);
		ix->key.keys[1].type = dynamo_key_type_from_char(DatumGetChar(d));
		ix->key.nkeys = 2;
	}
	d = SPI_getbinval(tup, desc, 11, &isnull);
	if (!isnull)
		index_keys_from_schema(&ix->key, DatumGetJsonbP(d));
	proj = SPI_getvalue(tup, desc, 7);
	ix->projection = proj[0] == 'A' ? PROJECT_ALL : proj[0] == 'K' ? PROJECT_KEYS_ONLY : PROJECT_INCLUDE;
	d = SPI_getbinval(tup, desc, 8, &isnull);
	if (!isnull)
	{
		Datum	   *elems;
		bool	   *nulls;

		deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
						  &elems, &nulls, &ix->nnon_key);
		ix->non_key = palloc(sizeof(char *) * Max(ix->nnon_key, 1));
		for (int i = 0; i < ix->nnon_key; i++)
			ix->non_key[i] = TextDatumGetCString(elems[i]);
	}
	ix->relname = SPI_getvalue(tup, desc, 9);
	d = SPI_getbinval(tup, desc, 10, &isnull);
	ix->relid = isnull ? InvalidOid : DatumGetObjectId(d);
}

/*
 * (Re)load a table's indexes from dynamo.indexes, keeping the plans of the
 * indexes that are still there and freeing those of the others.
 */
void
index_catalog_load(DynamoTable *t)
{
	Datum		arg = CStringGetTextDatum(t->table_name);
	MemoryContext cxt;
	DynamoIndex *indexes = NULL;
	int			n;

	/* a database still at 0.1.0 has no index catalog */
	if (!spi_catalog_exists("indexes"))
	{
		index_catalog_free(t);
		return;
	}
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (IndexLookupPlan == NULL)
	{
		Oid			argtypes[1] = {TEXTOID};

		IndexLookupPlan = spi_prepare_kept("SELECT index_name, local, partition_key, partition_key_type,"
										   " sort_key, sort_key_type, projection_type, non_key_attributes,"
										   " relation_name, pg_catalog.to_regclass('dynamo_data.' OPERATOR(pg_catalog.||)"
										   " pg_catalog.quote_ident(relation_name))::pg_catalog.oid, key_schema"
										   " FROM dynamo.indexes WHERE table_name OPERATOR(pg_catalog.=) $1"
										   " ORDER BY index_name",
										   1, argtypes, 0);
	}
	if (SPI_execute_plan(IndexLookupPlan, &arg, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "index lookup failed");
	n = (int) SPI_processed;
	cxt = AllocSetContextCreate(CacheMemoryContext, "pg_dynamo indexes", ALLOCSET_SMALL_SIZES);
	if (n > 0)
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);

		indexes = palloc0(sizeof(DynamoIndex) * n);
		for (int i = 0; i < n; i++)
		{
			DynamoIndex *ix = &indexes[i];

			index_from_row(ix, SPI_tuptable->vals[i], SPI_tuptable->tupdesc);
			index_columns(ix, t);
			/* the plans of the same PostgreSQL index carry over */
			for (int j = 0; j < t->nindexes; j++)
			{
				DynamoIndex *old_ix = &t->indexes[j];

				if (old_ix->relid == ix->relid && strcmp(old_ix->name, ix->name) == 0)
				{
					memcpy(ix->read_plans, old_ix->read_plans, sizeof(ix->read_plans));
					memset(old_ix->read_plans, 0, sizeof(old_ix->read_plans));
				}
			}
		}
		MemoryContextSwitchTo(old);
	}
	SPI_finish();
	index_catalog_free(t);
	t->indexes = indexes;
	t->nindexes = n;
	t->index_mcxt = cxt;
}

/* Free a table's indexes and their plans */
void
index_catalog_free(DynamoTable *t)
{
	for (int i = 0; i < t->nindexes; i++)
		index_free_plans(&t->indexes[i]);
	if (t->index_mcxt)
		MemoryContextDelete(t->index_mcxt);
	t->indexes = NULL;
	t->nindexes = 0;
	t->index_mcxt = NULL;
}

/* An index of a table by name; NULL if none */
DynamoIndex *
index_find(DynamoTable *t, const char *name)
{
	for (int i = 0; i < t->nindexes; i++)
		if (strcmp(t->indexes[i].name, name) == 0)
			return &t->indexes[i];
	return NULL;
}

/* Is an attribute a key attribute of an index or of its table? */
bool
index_is_key_attr(DynamoIndex *ix, DynamoTable *t, const char *name)
{
	for (int i = 0; i < ix->ncols; i++)
		if (strcmp(ix->cols[i].attr->name, name) == 0)
			return true;
	return false;
}
