/*
 * table_catalog.c
 *		Per-backend cache of table metadata and prepared plans.
 *
 * Locking protocol: an entry is looked up by table name.  A relcache
 * invalidation naming the entry's item table (or a full cache reset) only
 * marks it not valid; the next lookup keeps it when the item table still
 * exists, since the catalog row of a name changes only together with its
 * relation (CreateTable and DeleteTable create and drop it).  Plans are freed
 * only when their relation is gone, so a plan in use is never freed: a
 * relation cannot be dropped while a query of this backend uses it.  A
 * lookup locks the item table, so a table dropped by another session while
 * a call waited for it is found gone, not used (dynamo_table_lookup).
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "errors.h"
#include "spi_text.h"
#include "validate.h"
#include "indexes.h"
#include "table_catalog.h"

static HTAB *TableCache = NULL;
static SPIPlanPtr CatalogLookupPlan = NULL;

/* Mark entries of an invalidated relation (all, for InvalidOid) not valid */
static void
table_cache_invalidate(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS status;
	DynamoTable *t;

	if (TableCache == NULL)
		return;
	hash_seq_init(&status, TableCache);
	while ((t = hash_seq_search(&status)) != NULL)
	{
		if (relid == InvalidOid || t->relid == relid)
			t->valid = false;
	}
}

/* Create the cache on first use */
static void
table_cache_init(void)
{
	HASHCTL		ctl;

	ctl.keysize = DYNAMO_MAX_TABLE_NAME + 1;
	ctl.entrysize = sizeof(DynamoTable);
	ctl.hcxt = CacheMemoryContext;
	TableCache = hash_create("pg_dynamo tables", 64, &ctl,
							 HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	CacheRegisterRelcacheCallback(table_cache_invalidate, (Datum) 0);
}

/* Drop an entry whose relation is gone, with its plans */
static void
table_cache_remove(DynamoTable *t)
{
	for (int i = 0; i < ITEM_PLAN_COUNT; i++)
		if (t->plans[i])
			SPI_freeplan(t->plans[i]);
	for (int i = 0; i < READ_PLAN_COUNT; i++)
		if (t->read_plans[i])
			SPI_freeplan(t->read_plans[i]);
	if (t->mcxt)
		MemoryContextDelete(t->mcxt);
	index_catalog_free(t);
	hash_search(TableCache, t->table_name, HASH_REMOVE, NULL);
}

/*
 * Check a table name against DynamoDB's rules: 3 to 255 characters of
 * [a-zA-Z0-9_.-].  param names the request member for the message.
 */
void
dynamo_check_table_name(const char *name, const char *param)
{
	validate_not_null(NULL, name, param);
	validate_name(NULL, name, DYNAMO_MAX_TABLE_NAME, param);
}

/*
 * Check that a table operation's TableName is there and of 3 to 255
 * characters, which DynamoDB words its own messages for (before any other
 * violation of the request)
 */
void
dynamo_check_table_op_name_length(const char *name)
{
	if (name == NULL)
		dynamo_error(DYN_VALIDATION, "The parameter 'TableName' is required but was not present in the request");
	if (strlen(name) < 3 || strlen(name) > DYNAMO_MAX_TABLE_NAME)
		dynamo_error(DYN_VALIDATION, "TableName must be at least 3 characters long and at most 255 characters long");
}

/*
 * Check a table name given to CreateTable, DeleteTable or DescribeTable,
 * which DynamoDB words its messages differently for.
 */
void
dynamo_check_table_op_name(const char *name)
{
	dynamo_check_table_op_name_length(name);
	dynamo_check_table_name(name, "tableName");
}

/*
 * Name of the item table of a DynamoDB table: the same name when it fits in
 * a PostgreSQL identifier, else its first 54 characters, '#' and 8 hex
 * digits of a hash of the whole name.  DynamoDB's names never hold '#', so
 * a long name's relation never takes a short name's; a hash already taken
 * by another long name is salted until it is free.
 */
char *
dynamo_item_relname(const char *table_name)
{
	size_t		len = strlen(table_name);
	Oid			nsp = get_namespace_oid("dynamo_data", false);

	if (len < NAMEDATALEN)
		return pstrdup(table_name);
	for (uint64 salt = 0;; salt++)
	{
		char	   *relname = psprintf("%.54s#%08x", table_name,
									   (uint32) DatumGetUInt64(hash_any_extended((const unsigned char *) table_name,
																				 len, salt)));

		if (!OidIsValid(get_relname_relid(relname, nsp)))
			return relname;
	}
}

/* SQL type of a key column */
const char *
dynamo_key_sql_type(DynamoType t)
{
	switch (t)
	{
		case DT_S:
			return "pg_catalog.text COLLATE pg_catalog.\"C\"";
		case DT_N:
			return "pg_catalog.numeric";
		case DT_B:
			return "pg_catalog.bytea";
		default:
			elog(ERROR, "type %s cannot be a key", DynamoTypeNames[t]);
	}
	return NULL;
}

/* Type OID of a key column */
Oid
dynamo_key_type_oid(DynamoType t)
{
	return t == DT_S ? TEXTOID : t == DT_N ? NUMERICOID : BYTEAOID;
}

/* A key type as the catalogs store it ('S', 'N' or 'B') */
DynamoType
dynamo_key_type_from_char(char c)
{
	return c == 'S' ? DT_S : c == 'N' ? DT_N : DT_B;
}

/* Read a table's catalog row into a new cache entry; false if there is none */
static bool
table_cache_load(const char *name, DynamoTable *t)
{
	Datum		arg = CStringGetTextDatum(name);
	bool		found = false;
	int			rc;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (CatalogLookupPlan == NULL)
	{
		Oid			argtypes[1] = {TEXTOID};

		CatalogLookupPlan = spi_prepare_kept("SELECT relation::pg_catalog.oid, partition_key, partition_key_type,"
											 " sort_key, sort_key_type, created_at, table_id"
											 " FROM dynamo.tables WHERE table_name OPERATOR(pg_catalog.=) $1",
											 1, argtypes, 0);
	}
	rc = SPI_execute_plan(CatalogLookupPlan, &arg, NULL, false, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "catalog lookup failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 1)
	{
		HeapTuple	tup = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		MemoryContext old;

		t->relid = DatumGetObjectId(SPI_getbinval(tup, desc, 1, &isnull));
		found = SearchSysCacheExists1(RELOID, ObjectIdGetDatum(t->relid));
		if (found)
		{
			t->mcxt = AllocSetContextCreate(CacheMemoryContext, "pg_dynamo table",
											ALLOCSET_SMALL_SIZES);
			old = MemoryContextSwitchTo(t->mcxt);
			t->partition_key.name = SPI_getvalue(tup, desc, 2);
			t->partition_key.type = dynamo_key_type_from_char(DatumGetChar(SPI_getbinval(tup, desc, 3, &isnull)));
			t->sort_key.name = SPI_getvalue(tup, desc, 4);
			if (t->sort_key.name)
				t->sort_key.type = dynamo_key_type_from_char(DatumGetChar(SPI_getbinval(tup, desc, 5, &isnull)));
			t->created_at = DatumGetTimestampTz(SPI_getbinval(tup, desc, 6, &isnull));
			t->table_id = SPI_getvalue(tup, desc, 7);
			t->qualified_name = psprintf("dynamo_data.%s",
										 quote_identifier(get_rel_name(t->relid)));
			MemoryContextSwitchTo(old);
		}
	}
	SPI_finish();
	return found;
}

/*
 * The table an operation names: DynamoDB's ResourceNotFoundException
 * naming it when there is none
 */
DynamoTable *
dynamo_table_named(const char *name)
{
	DynamoTable *t = dynamo_table_lookup(name, true);

	if (t == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Table: %s not found", name);
	return t;
}

/* Find a table's metadata as the cache and the catalog have it now */
static DynamoTable *
table_lookup_once(const char *name, bool missing_ok)
{
	DynamoTable *t;
	bool		found;

	if (TableCache == NULL)
		table_cache_init();
	if (strlen(name) > DYNAMO_MAX_TABLE_NAME)
		dynamo_check_table_name(name, "tableName");
	t = hash_search(TableCache, name, HASH_ENTER, &found);
	if (found && t->valid)
		return t;
	if (found && SearchSysCacheExists1(RELOID, ObjectIdGetDatum(t->relid)))
	{
		/* UpdateTable adds and drops indexes of a table that stays */
		index_catalog_load(t);
		t->valid = true;
		return t;
	}
	if (found)
	{
		table_cache_remove(t);
		t = hash_search(TableCache, name, HASH_ENTER, &found);
	}
	memset((char *) t + sizeof(t->table_name), 0, sizeof(DynamoTable) - sizeof(t->table_name));
	if (!table_cache_load(name, t))
	{
		hash_search(TableCache, name, HASH_REMOVE, NULL);
		if (missing_ok)
			return NULL;
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found");
	}
	index_catalog_load(t);
	t->valid = true;
	return t;
}

/*
 * Find a table's metadata.  A missing table is DynamoDB's
 * ResourceNotFoundException, or NULL with missing_ok.
 *
 * The item table is locked (AccessShareLock, to the end of the transaction)
 * before its metadata is trusted: a DeleteTable in progress in another
 * session makes the call wait for it, and when the table was dropped
 * meanwhile the lookup starts over, so the caller sees the table recreated
 * or ResourceNotFoundException, never a relation that is gone.
 */
DynamoTable *
dynamo_table_lookup(const char *name, bool missing_ok)
{
	for (;;)
	{
		DynamoTable *t = table_lookup_once(name, missing_ok);

		if (t == NULL)
			return NULL;
		LockRelationOid(t->relid, AccessShareLock);
		if (SearchSysCacheExists1(RELOID, ObjectIdGetDatum(t->relid)))
			return t;
		t->valid = false;		/* dropped while we waited: look again */
		CHECK_FOR_INTERRUPTS();
	}
}

/* Key predicate: pk = $1 [AND sk = $2] */
static char *
key_predicate(DynamoTable *t)
{
	return dynamo_table_has_sort_key(t)
		? "pk OPERATOR(pg_catalog.=) $1 AND sk OPERATOR(pg_catalog.=) $2"
		: "pk OPERATOR(pg_catalog.=) $1";
}

/*
 * A plan of the table's, prepared on first use.  Parameters are the key
 * columns in order, then the item where the statement writes one.
 */
SPIPlanPtr
dynamo_table_plan(DynamoTable *t, ItemPlan which)
{
	bool		sk = dynamo_table_has_sort_key(t);
	const char *cols = sk ? "pk, sk" : "pk";
	int			nkeys = sk ? 2 : 1;
	Oid			argtypes[3];
	char	   *sql = NULL;
	int			nargs = nkeys;

	if (t->plans[which])
		return t->plans[which];
	argtypes[0] = dynamo_key_type_oid(t->partition_key.type);
	if (sk)
		argtypes[1] = dynamo_key_type_oid(t->sort_key.type);
	argtypes[nkeys] = JSONBOID;

	switch (which)
	{
		case PLAN_GET:
		case PLAN_LOCK:
			sql = psprintf("SELECT item FROM %s WHERE %s%s", t->qualified_name,
						   key_predicate(t), which == PLAN_LOCK ? " FOR UPDATE" : "");
			break;
		case PLAN_UPSERT:
		case PLAN_INSERT:
			nargs = nkeys + 1;
			sql = psprintf("INSERT INTO %s (%s, item) VALUES ($1, %s$%d) ON CONFLICT (%s) DO %s",
						   t->qualified_name, cols, sk ? "$2, " : "", nkeys + 1, cols,
						   which == PLAN_UPSERT ? "UPDATE SET item = EXCLUDED.item" : "NOTHING");
			break;
		case PLAN_UPDATE:
			nargs = nkeys + 1;
			sql = psprintf("UPDATE %s SET item = $%d WHERE %s", t->qualified_name,
						   nkeys + 1, key_predicate(t));
			break;
		case PLAN_DELETE:
			sql = psprintf("DELETE FROM %s WHERE %s RETURNING item", t->qualified_name,
						   key_predicate(t));
			break;
		case ITEM_PLAN_COUNT:
			elog(ERROR, "invalid plan kind");
	}
	t->plans[which] = spi_prepare_kept(sql, nargs, argtypes, 0);
	return t->plans[which];
}
