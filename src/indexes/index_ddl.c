/*
 * index_ddl.c
 *		Creating and dropping secondary indexes, checking their definitions
 *		as DynamoDB does, and describing them (DescribeTable).
 *
 * An index is a row of dynamo.indexes, a CHECK constraint on the item
 * table (its key attributes absent, or of their types and not empty) and a
 * PostgreSQL index built by CREATE INDEX, inside the caller's transaction:
 * on a table with items that is the backfill, and it shows its progress in
 * pg_stat_progress_create_index.  The constraint is added NOT VALID when
 * items exist: an item written before the index with a wrong-typed key
 * attribute stays, outside the index (its predicate checks the types).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "errors.h"
#include "indexes.h"
#include "json_build.h"
#include "tables.h"
#include "validate.h"

/* Run a statement (SPI connected), checking its result code */
static void
ddl_run(const char *sql, int expected)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc != expected)
		elog(ERROR, "statement failed (%s): %s", SPI_result_code_string(rc), sql);
}

/* Name of an index's CHECK constraint on the item table */
static char *
index_check_name(const char *index_name)
{
	return dynamo_item_relname(psprintf("%s:key_types", index_name));
}

/* A SQL literal of a key type, or NULL */
static char *
type_literal(const DynamoKeyAttr *k)
{
	return k->name ? psprintf("'%s'", DynamoTypeNames[k->type]) : "NULL";
}

/* A text[] literal of NonKeyAttributes, or NULL */
static char *
non_key_literal(List *names)
{
	StringInfoData buf;
	ListCell   *lc;

	if (names == NIL)
		return "NULL";
	initStringInfo(&buf);
	appendStringInfoString(&buf, "ARRAY[");
	foreach(lc, names)
		appendStringInfo(&buf, "%s%s", foreach_current_index(lc) ? ", " : "",
						 quote_literal_cstr(lfirst(lc)));
	appendStringInfoString(&buf, "]::pg_catalog.text[]");
	return buf.data;
}

/* The key_schema of a multi-attribute key schema, as a jsonb literal; else NULL */
static char *
key_schema_literal(const IndexKeys *keys)
{
	JsonbParseState *st = NULL;
	Jsonb	   *res;

	if (keys->nhash == 1 && keys->nkeys - keys->nhash <= 1)
		return "NULL";
	jb_begin_array(&st, NULL);
	for (int i = 0; i < keys->nkeys; i++)
	{
		jb_begin_object(&st, NULL);
		jb_string(&st, "AttributeName", keys->keys[i].name);
		jb_string(&st, "KeyType", i < keys->nhash ? "HASH" : "RANGE");
		jb_string(&st, "AttributeType", DynamoTypeNames[keys->keys[i].type]);
		jb_end_object(&st);
	}
	res = JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_ARRAY, NULL));
	return psprintf("%s::pg_catalog.jsonb",
					quote_literal_cstr(JsonbToCString(NULL, &res->root, 0)));
}

/* ADD CONSTRAINT of the key types of one index (all its key attributes) */
static void
add_type_check(DynamoTable *t, IndexDef *d, bool not_valid)
{
	StringInfoData expr;

	initStringInfo(&expr);
	for (int i = 0; i < d->key.nkeys; i++)
	{
		bool		table_key;

		(void) index_key_expr(&d->key.keys[i], t, false, &table_key);
		if (!table_key)
			appendStringInfo(&expr, "%s(%s)", expr.len ? " AND " : "",
							 index_type_check(&d->key.keys[i]));
	}
	if (expr.len == 0)
		return;
	ddl_run(psprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s)%s", t->qualified_name,
					 quote_identifier(index_check_name(d->name)), expr.data,
					 not_valid ? " NOT VALID" : ""),
			SPI_OK_UTILITY);
}

/*
 * Create one index of a table: its catalog row, its constraint and its
 * PostgreSQL index (the backfill).  Must be called connected to SPI.
 */
void
index_create(DynamoTable *t, IndexDef *d, bool backfill)
{
	char	   *relname = index_relname(t->table_name, d->name);
	const DynamoKeyAttr *attrs[2 * INDEX_MAX_KEY_ATTRS + 2];
	const DynamoKeyAttr *sk = d->key.nkeys > d->key.nhash ? &d->key.keys[d->key.nhash] : NULL;
	StringInfoData cols;
	char	   *pred;
	int			ncols = 0;
	int			n = 0;

	for (int i = 0; i < d->key.nkeys; i++)
		attrs[n++] = &d->key.keys[i];
	attrs[n++] = &t->partition_key;
	attrs[n++] = &t->sort_key;
	initStringInfo(&cols);
	for (int i = 0; i < n; i++)
	{
		bool		table_key;
		bool		dup = false;

		if (attrs[i]->name == NULL)
			continue;
		for (int j = 0; j < i; j++)
			dup |= attrs[j]->name && strcmp(attrs[j]->name, attrs[i]->name) == 0;
		if (!dup)
			appendStringInfo(&cols, "%s(%s)", ncols++ ? ", " : "",
							 index_key_expr(attrs[i], t, false, &table_key));
	}
	pred = index_predicate(t, &d->key, false);

	ddl_run(psprintf("INSERT INTO dynamo.indexes (table_name, index_name, local, partition_key,"
					 " partition_key_type, sort_key, sort_key_type, projection_type,"
					 " non_key_attributes, relation_name, key_schema,"
					 " read_capacity_units, write_capacity_units)"
					 " VALUES (%s, %s, %s, %s, %s, %s, %s, '%s', %s, %s, %s, %lld, %lld)",
					 quote_literal_cstr(t->table_name), quote_literal_cstr(d->name),
					 d->local ? "true" : "false", quote_literal_cstr(d->key.keys[0].name),
					 type_literal(&d->key.keys[0]),
					 sk ? quote_literal_cstr(sk->name) : "NULL",
					 sk ? type_literal(sk) : "NULL", IndexProjectionNames[d->projection],
					 non_key_literal(d->non_key), quote_literal_cstr(relname),
					 key_schema_literal(&d->key), (long long) d->read_units,
					 (long long) d->write_units),
			SPI_OK_INSERT);
	add_type_check(t, d, backfill);
	ddl_run(psprintf("CREATE INDEX %s ON %s (%s)%s%s", quote_identifier(relname),
					 t->qualified_name, cols.data, pred ? " WHERE " : "", pred ? pred : ""),
			SPI_OK_UTILITY);
	ddl_run(psprintf("COMMENT ON INDEX dynamo_data.%s IS %s", quote_identifier(relname),
					 quote_literal_cstr(psprintf("pg_dynamo %s secondary index %s of DynamoDB table %s",
												 d->local ? "local" : "global", d->name,
												 t->table_name))),
			SPI_OK_UTILITY);
}

/* Drop one index of a table.  Must be called connected to SPI. */
void
index_drop(DynamoTable *t, DynamoIndex *ix)
{
	ddl_run(psprintf("DROP INDEX dynamo_data.%s", quote_identifier(ix->relname)), SPI_OK_UTILITY);
	ddl_run(psprintf("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s", t->qualified_name,
					 quote_identifier(index_check_name(ix->name))),
			SPI_OK_UTILITY);
	ddl_run(psprintf("DELETE FROM dynamo.indexes WHERE table_name OPERATOR(pg_catalog.=) %s"
					 " AND index_name OPERATOR(pg_catalog.=) %s",
					 quote_literal_cstr(t->table_name), quote_literal_cstr(ix->name)),
			SPI_OK_DELETE);
}

/* Forget the indexes of a table being dropped (DROP TABLE drops their own) */
void
index_forget_all(DynamoTable *t)
{
	if (t->nindexes > 0)
		ddl_run(psprintf("DELETE FROM dynamo.indexes WHERE table_name OPERATOR(pg_catalog.=) %s",
						 quote_literal_cstr(t->table_name)),
				SPI_OK_DELETE);
}

/* A key attribute name: DynamoDB's 1 to 255 bytes */
static void
check_attr_name(const char *name, const char *param)
{
	validate_length(NULL, name, strlen(name), 1, 255, param);
}

/* The type a table (its keys, its indexes) already gives an attribute */
static bool
existing_type(DynamoTable *t, const char *name, DynamoType *type)
{
	const DynamoKeyAttr *keys[2] = {&t->partition_key, &t->sort_key};

	for (int i = 0; i < 2; i++)
	{
		if (keys[i]->name && strcmp(keys[i]->name, name) == 0)
		{
			*type = keys[i]->type;
			return true;
		}
	}
	for (int i = 0; i < t->nindexes; i++)
	{
		for (int k = 0; k < t->indexes[i].key.nkeys; k++)
		{
			const DynamoKeyAttr *a = &t->indexes[i].key.keys[k];

			if (strcmp(a->name, name) == 0)
			{
				*type = a->type;
				return true;
			}
		}
	}
	return false;
}

/* A new index key attribute must keep the type the table gives it */
static void
check_consistent_type(DynamoTable *t, const DynamoKeyAttr *k)
{
	DynamoType	type;

	if (existing_type(t, k->name, &type) && type != k->type)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Attributes cannot be redefined. Please check that your attribute has the same type as previously defined. Attribute %s is defined as %s, not %s",
					 k->name, DynamoTypeNames[type], DynamoTypeNames[k->type]);
}

/*
 * Check the index definitions of a CreateTable (existing: NULL) or the new
 * ones of an UpdateTable (existing: the table) against DynamoDB's rules
 * that do not depend on the request's shape: key schemas, the table's
 * range key for LSIs, names, counts and projected attributes.
 */
void
index_check_defs(List *defs, const DynamoKeyAttr *table_pk, const DynamoKeyAttr *table_sk,
				 DynamoTable *existing)
{
	ListCell   *lc;
	int			nlocal = 0,
				nglobal = 0,
				projected = 0;

	foreach(lc, defs)
	{
		IndexDef   *d = lfirst(lc);
		ListCell   *lc2;

		dynamo_check_table_name(d->name, d->local ? "localSecondaryIndexes.member.indexName"
								: "globalSecondaryIndexes.member.indexName");
		for (int k = 0; k < d->key.nkeys; k++)
			check_attr_name(d->key.keys[k].name, psprintf("keySchema.%d.member.attributeName", k + 1));
		if (d->key.nkeys == 2 && strcmp(d->key.keys[0].name, d->key.keys[1].name) == 0)
			dynamo_error(DYN_VALIDATION, "Both the Hash Key and the Range Key element in the KeySchema have the same name");
		for (int k = 1; k < d->key.nkeys; k++)
			for (int j = 0; j < k; j++)
				if (strcmp(d->key.keys[j].name, d->key.keys[k].name) == 0)
					dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Two KeySchemaElements have the same name: %s for index: %s",
								 d->key.keys[k].name, d->name);
		if (d->local)
		{
			if (table_sk == NULL || table_sk->name == NULL)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
			if (d->key.nkeys < 2)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Index KeySchema does not have a range key for index: %s",
							 d->name);
			if (strcmp(d->key.keys[0].name, table_pk->name) != 0)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Index KeySchema does not have the same leading hash key as table KeySchema for index: %s. index hash key: %s, table hash key: %s",
							 d->name, d->key.keys[0].name, table_pk->name);
			nlocal++;
		}
		else
			nglobal++;
		if (d->non_key != NIL && d->projection != PROJECT_INCLUDE)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProjectionType is %s, but NonKeyAttributes is specified",
						 IndexProjectionNames[d->projection]);
		projected += list_length(d->non_key);
		foreach(lc2, defs)
		{
			IndexDef   *o = lfirst(lc2);

			if (o == d)
				break;
			if (strcmp(o->name, d->name) == 0)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Duplicate index name: %s", d->name);
		}
		if (existing && index_find(existing, d->name))
			dynamo_error(DYN_VALIDATION, "Attempting to create an index which already exists");
		if (existing)
		{
			for (int k = 0; k < d->key.nkeys; k++)
				check_consistent_type(existing, &d->key.keys[k]);
		}
	}
	for (int i = 0; existing && i < existing->nindexes; i++)
	{
		existing->indexes[i].local ? nlocal++ : nglobal++;
		projected += existing->indexes[i].nnon_key;
	}
	if (nlocal > DYNAMO_MAX_LSIS)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Number of LocalSecondaryIndexes exceeds per-table limit of %d",
					 DYNAMO_MAX_LSIS);
	if (nglobal > DYNAMO_MAX_GSIS)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "GlobalSecondaryIndex count exceeds the per-table limit of %d",
					 DYNAMO_MAX_GSIS);
	if (projected > DYNAMO_MAX_PROJECTED_ATTRS)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Number of projected attributes in all indexes exceeds limit of %d",
					 DYNAMO_MAX_PROJECTED_ATTRS);
}

/* Push one KeySchemaElement */
static void
push_key(JsonbParseState **st, const char *name, const char *type)
{
	jb_begin_object(st, NULL);
	jb_string(st, "AttributeName", name);
	jb_string(st, "KeyType", type);
	jb_end_object(st);
}

/*
 * Push the AttributeDefinitions of a table's index key attributes that are
 * not table key attributes, each once, into the array being built.
 */
void
index_push_attribute_definitions(JsonbParseState **st, DynamoTable *t)
{
	List	   *seen = NIL;

	for (int i = 0; i < t->nindexes; i++)
	{
		for (int k = 0; k < t->indexes[i].key.nkeys; k++)
		{
			const DynamoKeyAttr *a = &t->indexes[i].key.keys[k];
			bool		table_key;
			ListCell   *lc;
			bool		dup = false;

			(void) index_key_expr(a, t, false, &table_key);
			foreach(lc, seen)
				dup |= strcmp(lfirst(lc), a->name) == 0;
			if (table_key || dup)
				continue;
			seen = lappend(seen, a->name);
			jb_begin_object(st, NULL);
			jb_string(st, "AttributeName", a->name);
			jb_string(st, "AttributeType", DynamoTypeNames[a->type]);
			jb_end_object(st);
		}
	}
}

/* Item count and size of one index (SPI connected) */
static void
index_stats(DynamoTable *t, DynamoIndex *ix, int64 *count, int64 *bytes)
{
	char	   *sql = psprintf("SELECT pg_catalog.count(*), pg_catalog.pg_relation_size(%u) FROM %s%s%s",
							   ix->relid, t->qualified_name, ix->predicate ? " WHERE " : "",
							   ix->predicate ? ix->predicate : "");
	bool		isnull;

	*count = *bytes = 0;
	if (!OidIsValid(ix->relid))
		return;
	if (SPI_execute(sql, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not count items of index %s", ix->name);
	*count = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	/* as the table's: an index without items has 0 bytes */
	*bytes = *count == 0 ? 0 :
		DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
}

/*
 * Update a GSI's row of dynamo.indexes: set is the SET list, over $3 = a and
 * $4 = b; what names the figures in the error of a failed update
 */
static void
index_row_update(DynamoTable *t, DynamoIndex *ix, const char *set, int64 a, int64 b,
				 const char *what)
{
	Oid			types[4] = {TEXTOID, TEXTOID, INT8OID, INT8OID};
	Datum		args[4] = {CStringGetTextDatum(t->table_name), CStringGetTextDatum(ix->name),
		Int64GetDatum(a), Int64GetDatum(b)};

	if (SPI_execute_with_args(psprintf("UPDATE dynamo.indexes SET %s WHERE table_name OPERATOR(pg_catalog.=) $1"
									   " AND index_name OPERATOR(pg_catalog.=) $2", set),
							  4, types, args, NULL, false, 0) != SPI_OK_UPDATE)
		elog(ERROR, "could not store the %s of index %s", what, ix->name);
}

/*
 * Set a GSI's OnDemandThroughput (UpdateTable's Update action): its table
 * must be PAY_PER_REQUEST; a member left out keeps its value, -1 clears it
 */
static void
index_update_on_demand(DynamoTable *t, DynamoIndex *ix, const IndexThroughputUpdate *u,
					   bool on_demand)
{
	if (!on_demand)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "%s for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED",
					 u->max_read ? "MaxReadRequestUnits" : "MaxWriteRequestUnits");
	index_row_update(t, ix,
					 "max_read_request_units = CASE $3 WHEN 0 THEN max_read_request_units ELSE NULLIF($3, -1) END,"
					 " max_write_request_units = CASE $4 WHEN 0 THEN max_write_request_units ELSE NULLIF($4, -1) END",
					 u->max_read, u->max_write, "on-demand throughput");
}

/*
 * Apply UpdateTable's Update of a GSI: its new ProvisionedThroughput, which
 * an on-demand table's indexes take none of and which must change
 * something, as DynamoDB has it.  Must be called connected to SPI.
 */
void
index_update_throughput(DynamoTable *t, DynamoIndex *ix, const IndexThroughputUpdate *u)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		args[2] = {CStringGetTextDatum(t->table_name), CStringGetTextDatum(ix->name)};
	int64		cur_read,
				cur_write;
	bool		isnull;
	bool		on_demand = table_settings_on_demand(t->table_name);

	if (on_demand && u->has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "The only Updates for index: %s when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput",
					 ix->name);
	if (u->has_on_demand)
	{
		index_update_on_demand(t, ix, u, on_demand);
		return;
	}
	if (SPI_execute_with_args("SELECT i.read_capacity_units, i.write_capacity_units FROM dynamo.indexes i"
							  " WHERE i.table_name OPERATOR(pg_catalog.=) $1 AND i.index_name OPERATOR(pg_catalog.=) $2"
							  " FOR UPDATE", 2, types, args, NULL, false, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read the throughput of index %s", ix->name);
	cur_read = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	cur_write = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	if (cur_read == u->read_units && cur_write == u->write_units)
		dynamo_error(DYN_VALIDATION,
					 "The provisioned throughput for the index %s will not change. The requested value equals the current value. "
					 "Current ReadCapacityUnits provisioned for index %s: %lld. Requested ReadCapacityUnits: %lld. "
					 "Current WriteCapacityUnits provisioned for index %s: %lld. Requested WriteCapacityUnits: %lld. "
					 "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
					 ix->name, ix->name, (long long) cur_read, (long long) u->read_units,
					 ix->name, (long long) cur_write, (long long) u->write_units);
	index_row_update(t, ix, "read_capacity_units = $3, write_capacity_units = $4",
					 u->read_units, u->write_units, "throughput");
}

/*
 * Push a GSI's ProvisionedThroughput: the units it was given, or 0/0 when
 * the table is PAY_PER_REQUEST (as DynamoDB describes it then); and its
 * OnDemandThroughput when it has a maximum (-1 for the other)
 */
static void
index_push_throughput(JsonbParseState **st, DynamoTable *t, DynamoIndex *ix)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		args[2] = {CStringGetTextDatum(t->table_name), CStringGetTextDatum(ix->name)};
	bool		isnull;
	bool		null_max[2] = {true, true};
	int64		units[2] = {0, 0};
	int64		max_units[2] = {0, 0};

	if (SPI_execute_with_args("SELECT i.read_capacity_units, i.write_capacity_units,"
							  " i.max_read_request_units, i.max_write_request_units, EXISTS"
							  " (SELECT FROM dynamo.table_settings s WHERE s.table_name OPERATOR(pg_catalog.=) $1"
							  " AND s.billing_mode OPERATOR(pg_catalog.=) 'PAY_PER_REQUEST')"
							  " FROM dynamo.indexes i WHERE i.table_name OPERATOR(pg_catalog.=) $1"
							  " AND i.index_name OPERATOR(pg_catalog.=) $2",
							  2, types, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read the throughput of index %s", ix->name);
	if (SPI_processed > 0)
	{
		HeapTuple	tup = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		on_demand = DatumGetBool(SPI_getbinval(tup, desc, 5, &isnull));

		for (int i = 0; i < 2; i++)
		{
			if (!on_demand)
				units[i] = DatumGetInt64(SPI_getbinval(tup, desc, i + 1, &isnull));
			max_units[i] = DatumGetInt64(SPI_getbinval(tup, desc, i + 3, &null_max[i]));
		}
	}
	jb_begin_object(st, "ProvisionedThroughput");
	jb_int(st, "NumberOfDecreasesToday", 0);
	jb_int(st, "ReadCapacityUnits", units[0]);
	jb_int(st, "WriteCapacityUnits", units[1]);
	jb_end_object(st);
	if (null_max[0] && null_max[1])
		return;
	jb_begin_object(st, "OnDemandThroughput");
	jb_int(st, "MaxReadRequestUnits", null_max[0] ? -1 : max_units[0]);
	jb_int(st, "MaxWriteRequestUnits", null_max[1] ? -1 : max_units[1]);
	jb_end_object(st);
}

/* Push one index's description; a GSI's IndexStatus is status */
static void
push_index(JsonbParseState **st, DynamoTable *t, DynamoIndex *ix, const char *status)
{
	int64		count,
				bytes;

	index_stats(t, ix, &count, &bytes);
	jb_begin_object(st, NULL);
	jb_string(st, "IndexName", ix->name);
	jb_begin_array(st, "KeySchema");
	for (int k = 0; k < ix->key.nkeys; k++)
		push_key(st, ix->key.keys[k].name, k < ix->key.nhash ? "HASH" : "RANGE");
	jb_end_array(st);
	jb_begin_object(st, "Projection");
	jb_string(st, "ProjectionType", IndexProjectionNames[ix->projection]);
	if (ix->projection == PROJECT_INCLUDE)
	{
		jb_begin_array(st, "NonKeyAttributes");
		for (int i = 0; i < ix->nnon_key; i++)
			jb_string(st, NULL, ix->non_key[i]);
		jb_end_array(st);
	}
	jb_end_object(st);
	if (!ix->local)
	{
		jb_string(st, "IndexStatus", status);
		index_push_throughput(st, t, ix);
	}
	jb_int(st, "IndexSizeBytes", bytes);
	jb_int(st, "ItemCount", count);
	jb_string(st, "IndexArn", psprintf("arn:aws:dynamodb:%s:%s:table/%s/index/%s",
									   dynamo_region, dynamo_account_id, t->table_name, ix->name));
	jb_end_object(st);
}

/*
 * Push GlobalSecondaryIndexes and LocalSecondaryIndexes (each only when the
 * table has some) into the TableDescription being built: the GSIs with
 * IndexStatus gsi_status, but the one named index_name (if any) with
 * index_status, as DynamoDB answers the request that adds or deletes it.
 * SPI connected.
 */
void
index_push_descriptions(JsonbParseState **st, DynamoTable *t, const char *gsi_status,
						const char *index_name, const char *index_status)
{
	for (int local = 0; local < 2; local++)
	{
		bool		any = false;

		for (int i = 0; i < t->nindexes; i++)
		{
			if (t->indexes[i].local != local)
				continue;
			if (!any)
				jb_begin_array(st, local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes");
			any = true;
			push_index(st, t, &t->indexes[i],
					   index_name && strcmp(t->indexes[i].name, index_name) == 0 ? index_status : gsi_status);
		}
		if (any)
			jb_end_array(st);
	}
}

/*
 * Create the indexes of a table CreateTable has just made (its catalog row
 * inserted); SPI connected.
 */
void
index_create_all(const char *table_name, List *defs)
{
	DynamoTable *t = dynamo_table_lookup(table_name, false);
	ListCell   *lc;

	foreach(lc, defs)
		index_create(t, lfirst(lc), false);
}
