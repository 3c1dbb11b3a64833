/*
 * table_ops.c
 *		CreateTable, DeleteTable, DescribeTable, ListTables.
 *
 * A DynamoDB table is a row of dynamo.tables plus its item table in schema
 * dynamo_data.  Creating and deleting a name take a transaction-level
 * advisory lock on it, so concurrent creators of one name serialise and the
 * second one sees ResourceInUseException.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"

#include "errors.h"
#include "validate.h"
#include "json_build.h"
#include "indexes.h"
#include "spi_text.h"
#include "items.h"
#include "json_read.h"
#include "streams.h"
#include "tables.h"

char	   *dynamo_region = NULL;
char	   *dynamo_account_id = NULL;

/* Run a statement with text arguments, checking for the expected result */
#define spi_run spi_text_run

/* Serialise creators and deleters of one table name */
static void
lock_table_name(const char *name)
{
	const char *args[1] = {name};

	spi_run("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('pg_dynamo table ' OPERATOR(pg_catalog.||) $1))",
			1, args, SPI_OK_SELECT);
}

/*
 * Is a table name in the catalog?  Read under the latest snapshot, with the
 * name locked: a REPEATABLE READ caller must see a table another session
 * created since its snapshot, not create it again.
 */
static bool
table_name_taken(const char *name)
{
	Oid			argtype = TEXTOID;
	Datum		arg = CStringGetTextDatum(name);
	SPIPlanPtr	plan = SPI_prepare("SELECT 1 FROM dynamo.tables WHERE table_name OPERATOR(pg_catalog.=) $1",
								   1, &argtype);

	if (plan == NULL ||
		SPI_execute_snapshot(plan, &arg, NULL, GetLatestSnapshot(), InvalidSnapshot,
							 true, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "catalog lookup failed: %s", SPI_result_code_string(SPI_result));
	return SPI_processed > 0;
}

/* Attribute names of a key schema: 1 to 255 bytes; position counts from 1 */
void
dynamo_check_key_attr_name(const char *name, int position)
{
	char	   *member = psprintf("keySchema.%d.member.attributeName", position);

	validate_not_null(NULL, name, member);
	validate_length(NULL, name, strlen(name), 1, 255, member);
}

/* DynamoDB's CreationDateTime: seconds since the epoch, with a fraction */
Numeric
table_epoch_seconds(TimestampTz ts)
{
	return DatumGetNumeric(DirectFunctionCall2(extract_timestamptz,
											   CStringGetTextDatum("epoch"),
											   TimestampTzGetDatum(ts)));
}

/* Push one {"AttributeName":..,"KeyType":..} or AttributeDefinition */
static void
push_key_element(JsonbParseState **st, const DynamoKeyAttr *k, const char *member, const char *value)
{
	jb_begin_object(st, NULL);
	jb_string(st, "AttributeName", k->name);
	jb_string(st, member, value);
	jb_end_object(st);
}

/* Push AttributeDefinitions and KeySchema */
static void
push_key_schema(JsonbParseState **st, DynamoTable *t, bool sk)
{
	jb_begin_array(st, "AttributeDefinitions");
	push_key_element(st, &t->partition_key, "AttributeType", DynamoTypeNames[t->partition_key.type]);
	if (sk)
		push_key_element(st, &t->sort_key, "AttributeType", DynamoTypeNames[t->sort_key.type]);
	index_push_attribute_definitions(st, t);
	jb_end_array(st);
	jb_begin_array(st, "KeySchema");
	push_key_element(st, &t->partition_key, "KeyType", "HASH");
	if (sk)
		push_key_element(st, &t->sort_key, "KeyType", "RANGE");
	jb_end_array(st);
}

/*
 * DynamoDB's TableDescription of a table, shown as "as" says.  Must be
 * called connected to SPI.
 */
static Jsonb *
table_description(DynamoTable *t, const TableDescribeAs *as)
{
	JsonbParseState *st = NULL;
	bool		sk = dynamo_table_has_sort_key(t);
	bool		deleting = strcmp(as->status, "DELETING") == 0;
	int64		count,
				bytes;

	table_stats_estimate(t, &count, &bytes);
	jb_begin_object(&st, NULL);
	if (!deleting)
		push_key_schema(&st, t, sk);
	jb_string(&st, "TableName", t->table_name);
	jb_string(&st, "TableStatus", as->status);
	if (!deleting)
		jb_numeric(&st, "CreationDateTime", table_epoch_seconds(t->created_at));
	jb_int(&st, "TableSizeBytes", bytes);
	jb_int(&st, "ItemCount", count);
	jb_string(&st, "TableArn", table_arn(t->table_name));
	jb_string(&st, "TableId", t->table_id);
	table_settings_describe(&st, t->table_name, as->prior);
	if (!deleting)
		index_push_descriptions(&st, t, strcmp(as->status, "CREATING") == 0 ? "CREATING" : "ACTIVE",
								as->index_name, as->index_status);
	stream_describe_table(&st, t->table_id);	/* streams */
	return jb_finish(&st);
}

/* A TableDescription with this status, nothing pending */
static Jsonb *
table_description_status(DynamoTable *t, const char *status)
{
	TableDescribeAs as = {status, NULL, NULL, NULL};

	return table_description(t, &as);
}

/* Whether the extension's SQL has a function of the dynamo schema */
static bool
dynamo_function_exists(const char *fname, int nargs, const Oid *argtypes)
{
	List	   *name = list_make2(makeString("dynamo"), makeString(pstrdup(fname)));

	return OidIsValid(LookupFuncName(name, nargs, argtypes, true));
}

/* The expression item -> attribute = key column, as dynamo 0.1.0 wrote it */
static char *
key_check_expression(const DynamoKeyAttr *attr, const char *column)
{
	char	   *name = quote_literal_cstr(attr->name);

	if (attr->type == DT_B)
		return psprintf("pg_catalog.decode(item OPERATOR(pg_catalog.->) %s OPERATOR(pg_catalog.->>) '$B', 'base64')"
						" OPERATOR(pg_catalog.=) %s", name, column);
	return psprintf("item OPERATOR(pg_catalog.->) %s OPERATOR(pg_catalog.=) pg_catalog.to_jsonb(%s)",
					name, column);
}

/*
 * The check that the key columns hold the item's key attributes, so plain
 * SQL writes cannot put an item under another key: one call of
 * dynamo.item_key_matches, or (a 0.1.0 install, until updated) the
 * expression it replaces.
 */
static char *
key_check(CreateTableRequest *req)
{
	static const Oid argtypes[3] = {JSONBOID, TEXTOID, ANYOID};
	bool		sk = req->sort_key.name != NULL;

	if (dynamo_function_exists("item_key_matches", 3, argtypes))
		return psprintf("dynamo.item_key_matches(item, %s, pk%s%s%s)",
						quote_literal_cstr(req->partition_key.name), sk ? ", " : "",
						sk ? quote_literal_cstr(req->sort_key.name) : "", sk ? ", sk" : "");
	return psprintf("%s%s%s", key_check_expression(&req->partition_key, "pk"), sk ? " AND " : "",
					sk ? key_check_expression(&req->sort_key, "sk") : "");
}

/*
 * The constraint that admits only the stored form (stored_form.h), once the
 * extension's SQL has its function (a 0.1.0 install has not, until updated)
 */
static const char *
canonical_check(void)
{
	static const Oid argtype = JSONBOID;

	if (!dynamo_function_exists("item_is_canonical", 1, &argtype))
		return "";
	return ", CONSTRAINT item_canonical CHECK (dynamo.item_is_canonical(item))";
}

/* The item table's comment, telling SQL users what the columns hold */
static char *
table_comment(CreateTableRequest *req)
{
	return psprintf("pg_dynamo items of DynamoDB table %s: pk = %s (%s)%s%s%s%s, item = the whole item",
					req->table_name, req->partition_key.name,
					DynamoTypeNames[req->partition_key.type],
					req->sort_key.name ? ", sk = " : "",
					req->sort_key.name ? req->sort_key.name : "",
					req->sort_key.name ? " " : "",
					req->sort_key.name ? psprintf("(%s)", DynamoTypeNames[req->sort_key.type]) : "");
}

/*
 * Create a table: its item table (typed key columns with DynamoDB's order,
 * the item as jsonb) and its catalog row.  Returns the TableDescription.
 */
Jsonb *
dynamo_create_table(CreateTableRequest *req)
{
	char	   *relname;
	char	   *qualified;
	bool		sk = req->sort_key.name != NULL;
	const char *args[4];
	DynamoTable *t;
	Jsonb	   *result;

	dynamo_check_table_op_name(req->table_name);
	dynamo_check_key_attr_name(req->partition_key.name, 1);
	if (sk)
		dynamo_check_key_attr_name(req->sort_key.name, 2);
	if (sk && strcmp(req->partition_key.name, req->sort_key.name) == 0)
		dynamo_error(DYN_VALIDATION, "Both the Hash Key and the Range Key element in the KeySchema have the same name");

	item_spi_connect();
	lock_table_name(req->table_name);
	if (table_name_taken(req->table_name))
		dynamo_error(DYN_RESOURCE_IN_USE, "Table already exists: %s", req->table_name);
	relname = dynamo_item_relname(req->table_name);
	qualified = psprintf("dynamo_data.%s", quote_identifier(relname));
	args[0] = req->table_name;

	spi_run(psprintf("CREATE TABLE %s (pk %s NOT NULL, %s%s%s item pg_catalog.jsonb NOT NULL,"
					 " PRIMARY KEY (pk%s), CONSTRAINT item_key_matches CHECK (%s)%s)",
					 qualified, dynamo_key_sql_type(req->partition_key.type),
					 sk ? "sk " : "", sk ? dynamo_key_sql_type(req->sort_key.type) : "",
					 sk ? " NOT NULL," : "", sk ? ", sk" : "",
					 key_check(req), canonical_check()),
			0, NULL, SPI_OK_UTILITY);
	spi_run(psprintf("COMMENT ON TABLE %s IS %s", qualified,
					 quote_literal_cstr(table_comment(req))), 0, NULL, SPI_OK_UTILITY);

	args[1] = qualified;
	args[2] = req->partition_key.name;
	args[3] = sk ? req->sort_key.name : NULL;
	spi_run(psprintf("INSERT INTO dynamo.tables (table_name, relation, partition_key, partition_key_type,"
					 " sort_key, sort_key_type) VALUES ($1, $2::pg_catalog.regclass, $3, '%s', $4, %s)",
					 DynamoTypeNames[req->partition_key.type],
					 sk ? psprintf("'%s'", DynamoTypeNames[req->sort_key.type]) : "NULL"),
			4, args, SPI_OK_INSERT);
	if (req->indexes)
		index_create_all(req->table_name, req->indexes);
	table_settings_store(req->table_name, req->settings);
	if (req->settings)
		tags_store(req->table_name, req->tags, true);

	if (req->stream_view_type)
		stream_enable(req->table_name, req->stream_view_type);	/* streams */
	t = dynamo_table_lookup(req->table_name, false);
	result = item_transfer(table_description_status(t, "CREATING"));
	SPI_finish();
	return result;
}

/* Delete a table and all its items; returns its last TableDescription */
Jsonb *
dynamo_delete_table(const char *table_name)
{
	DynamoTable *t;
	Jsonb	   *result;
	char	   *table_id;
	const char *args[1] = {table_name};

	dynamo_check_table_op_name(table_name);
	item_spi_connect();
	lock_table_name(table_name);
	t = dynamo_table_named(table_name);
	table_settings_check_delete(table_name);
	result = item_transfer(table_description_status(t, "DELETING"));
	index_forget_all(t);
	table_id = pstrdup(t->table_id);
	spi_run("DELETE FROM dynamo.tables WHERE table_name OPERATOR(pg_catalog.=) $1", 1, args, SPI_OK_DELETE);
	spi_run(psprintf("DROP TABLE %s", t->qualified_name), 0, NULL, SPI_OK_UTILITY);
	stream_table_dropped(table_id);	/* streams */
	SPI_finish();
	return result;
}

/* The TableDescription of an existing table */
Jsonb *
dynamo_describe_table(const char *table_name)
{
	TableDescribeAs as = {"ACTIVE", NULL, NULL, NULL};

	return dynamo_describe_table_as(table_name, &as);
}

/* The TableDescription of an existing table, shown as "as" says */
Jsonb *
dynamo_describe_table_as(const char *table_name, const TableDescribeAs *as)
{
	DynamoTable *t;
	Jsonb	   *result;

	dynamo_check_table_op_name(table_name);
	t = dynamo_table_named(table_name);
	item_spi_connect();
	result = item_transfer(table_description(t, as));
	SPI_finish();
	return result;
}

/*
 * Table names in byte order, after start_after (if given), at most limit of
 * them (0: all).  *more tells whether names remain after the last one.
 */
List *
dynamo_list_tables(const char *start_after, int limit, bool *more)
{
	List	   *names = NIL;
	const char *args[1] = {start_after};
	MemoryContext caller = CurrentMemoryContext;

	item_spi_connect();
	spi_run(psprintf("SELECT table_name FROM dynamo.tables"
					 " WHERE $1 IS NULL OR table_name OPERATOR(pg_catalog.>) $1"
					 " ORDER BY table_name%s",
					 limit > 0 ? psprintf(" LIMIT %d", limit + 1) : ""),
			1, args, SPI_OK_SELECT);
	*more = limit > 0 && SPI_processed > (uint64) limit;
	for (uint64 i = 0; i < SPI_processed && (limit == 0 || i < (uint64) limit); i++)
	{
		char	   *name = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		MemoryContext spi = MemoryContextSwitchTo(caller);

		names = lappend(names, pstrdup(name));
		MemoryContextSwitchTo(spi);
	}
	SPI_finish();
	return names;
}
