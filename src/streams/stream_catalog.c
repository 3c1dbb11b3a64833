/*
 * stream_catalog.c
 *		Enabling and disabling streams, their description, and the catalog
 *		reads the Streams API needs.
 *
 * Enabling a stream creates the triggers dynamo_stream (AFTER INSERT OR
 * UPDATE OR DELETE, FOR EACH ROW) and dynamo_stream_truncate (BEFORE
 * TRUNCATE) on the item table, both dynamo.stream_capture(stream id, view
 * type, key attribute names), and opens the stream's first shard.
 * Disabling drops them and closes the open shard.  DROP TRIGGER
 * takes an ACCESS EXCLUSIVE lock on the item table, so every writer that
 * could still add a record has finished when the shard's end is taken from
 * the sequence.  The catalog tables are written as the extension's owner
 * (stream_spi_connect), after checking that the caller may change the item
 * table.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "errors.h"
#include "json_build.h"
#include "json_read.h"
#include "spi_text.h"
#include "streams.h"
#include "table_catalog.h"
#include "tables.h"
#include "validate.h"

/* The owner of a relation */
static Oid
rel_owner(Oid rel)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(rel));
	Oid			owner;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", rel);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

/*
 * Connect to SPI as the owner of the stream catalog, so that readers need
 * no privileges on it: each door checks the caller's privileges on the
 * item table instead.  An error restores the identity (transaction and
 * subtransaction abort do).
 */
void
stream_spi_connect(StreamOwner *o)
{
	Oid			rel = stream_records_oid();

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	GetUserIdAndSecContext(&o->userid, &o->sec_context);
	SetUserIdAndSecContext(rel_owner(rel), o->sec_context | SECURITY_LOCAL_USERID_CHANGE);
}

/* Leave SPI and the owner's identity */
void
stream_spi_finish(StreamOwner *o)
{
	SetUserIdAndSecContext(o->userid, o->sec_context);
	SPI_finish();
}

/* Run a statement with text arguments (NULL: SQL NULL) */
static void
run(const char *sql, int nargs, const char **args, int expected)
{
	Oid			types[4] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	int			rc;

	for (int i = 0; i < nargs; i++)
	{
		values[i] = args[i] ? CStringGetTextDatum(args[i]) : (Datum) 0;
		nulls[i] = args[i] ? ' ' : 'n';
	}
	rc = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);
	if (rc != expected)
		elog(ERROR, "statement failed (%s): %s", SPI_result_code_string(rc), sql);
}

/* Column n (from 1) of row i of the last result, as a string (NULL if null) */
static char *
col(uint64 i, int n)
{
	return SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, n);
}

/* Column n of row i as an int64 (0 if null) */
static int64
col_int(uint64 i, int n)
{
	char	   *s = col(i, n);

	return s ? strtoll(s, NULL, 10) : 0;
}

#define STREAM_COLUMNS \
	"stream_id, table_name, table_id, stream_label, view_type, partition_key, sort_key," \
	" created_at, disabled_at IS NULL, trimmed_seq"

/* A StreamInfo from row i (columns STREAM_COLUMNS), in the given memory */
static StreamInfo *
stream_from_row(uint64 i, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	StreamInfo *s = palloc0(sizeof(StreamInfo));
	bool		isnull;
	char	   *sk;

	s->stream_id = (int32) col_int(i, 1);
	s->table_name = pstrdup(col(i, 2));
	s->table_id = pstrdup(col(i, 3));
	s->label = pstrdup(col(i, 4));
	s->view_type = pstrdup(col(i, 5));
	s->partition_key = pstrdup(col(i, 6));
	sk = col(i, 7);
	s->sort_key = sk ? pstrdup(sk) : NULL;
	s->created_at = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 8, &isnull));
	s->enabled = strcmp(col(i, 9), "t") == 0;
	s->trimmed_seq = col_int(i, 10);
	MemoryContextSwitchTo(old);
	return s;
}

static const char *const ViewTypes[] = {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"};

/* A StreamViewType, checked against DynamoDB's enum */
static const char *
check_view_type(const char *v)
{
	for (int i = 0; i < lengthof(ViewTypes); i++)
		if (strcmp(v, ViewTypes[i]) == 0)
			return ViewTypes[i];
	validate_enum(NULL, v, "streamSpecification.streamViewType",
				  "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
	pg_unreachable();
}

/*
 * Check a StreamSpecification ({"StreamEnabled": bool, "StreamViewType":
 * ..}) as CreateTable and UpdateTable do; the view type to enable, or NULL
 * to have no stream (disable, for UpdateTable).  With update, enabling an
 * enabled stream and disabling a missing one are errors.
 */
const char *
stream_check_specification(Jsonb *spec, bool update, const char *table_name)
{
	JsonbValue *enabled;
	char	   *view;
	StreamInfo *current;

	if (spec == NULL)
		return NULL;
	enabled = req_member(spec, "StreamEnabled");
	validate_not_null(NULL, enabled, "streamSpecification.streamEnabled");
	if (enabled->type != jbvBool)
		dynamo_error(DYN_SERIALIZATION, "NUMBER_VALUE cannot be converted to Boolean");
	view = req_string(spec, "StreamViewType");
	if (view)
		check_view_type(view);
	if (enabled->val.boolean && view == NULL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "If stream is being enabled then UpdateViewType is required");
	if (!enabled->val.boolean && view != NULL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "If stream is being disabled, then UpdateViewType must not be specified");
	if (!update)
		return enabled->val.boolean ? view : NULL;

	(void) dynamo_table_named(table_name);
	current = stream_latest_of_table(table_name);
	if (enabled->val.boolean && current && current->enabled)
		dynamo_error(DYN_VALIDATION, "Table already has an enabled stream: TableName: %s", table_name);
	if (!enabled->val.boolean && (current == NULL || !current->enabled))
		dynamo_error(DYN_VALIDATION, "Table has no stream to disable: TableName: %s", table_name);
	return enabled->val.boolean ? view : NULL;
}

/*
 * UpdateTable's StreamSpecification: enable or disable the table's stream,
 * with DynamoDB's checks and messages.
 */
void
stream_specification_update(const char *table_name, Jsonb *spec)
{
	const char *view;

	if (spec == NULL)
		return;
	view = stream_check_specification(spec, true, table_name);
	if (view)
		stream_enable(table_name, view);
	else
		stream_disable(table_name);
}

/* The caller must own the item table (creating a trigger on it) */
static DynamoTable *
table_for_change(const char *table_name)
{
	DynamoTable *t = dynamo_table_named(table_name);

	if (!pg_class_ownercheck(t->relid, GetUserId()))
		aclcheck_error(ACLCHECK_NOT_OWNER, OBJECT_TABLE, get_rel_name(t->relid));
	return t;
}

/* Open a shard of a stream, starting at the next sequence number */
static void
open_shard(const char *stream_id, const char *parent, const char *start)
{
	const char *args[3] = {stream_id, parent, start};

	run("INSERT INTO dynamo.stream_shards (stream_id, shard_id, parent_shard_id, start_seq)"
		" SELECT $1::integer, 'shardId-' OPERATOR(pg_catalog.||) pg_catalog.lpad("
		"(EXTRACT(epoch FROM pg_catalog.clock_timestamp()) OPERATOR(pg_catalog.*) 1000)::bigint::pg_catalog.text, 20, '0')"
		" OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) pg_catalog.substr(pg_catalog.md5($1 OPERATOR(pg_catalog.||) '/' OPERATOR(pg_catalog.||) s), 1, 8),"
		" $2, s FROM (SELECT coalesce($3::bigint, pg_catalog.nextval('dynamo.stream_sequence')) AS s) n",
		3, args, SPI_OK_INSERT);
}

/*
 * Enable a stream on a table: a new stream row (its label the creation
 * time, in milliseconds, later than any earlier stream of the table), the
 * capture trigger, and the first shard.
 */
void
stream_enable(const char *table_name, const char *view_type)
{
	DynamoTable *t = table_for_change(table_name);
	StreamOwner so;
	const char *args[4] = {table_name, view_type, t->table_id, NULL};
	char	   *stream_id;
	StringInfoData targs;

	stream_spi_connect(&so);
	run("INSERT INTO dynamo.streams (table_name, table_id, stream_label, view_type, partition_key, sort_key, created_at)"
		" SELECT $1, $3::pg_catalog.uuid, pg_catalog.to_char(c AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'), $2,"
		" k.partition_key, k.sort_key, c"
		" FROM dynamo.tables k, LATERAL (SELECT pg_catalog.date_trunc('milliseconds', GREATEST(pg_catalog.clock_timestamp(),"
		"   (SELECT pg_catalog.max(created_at) OPERATOR(pg_catalog.+) interval '1 millisecond'"
		"    FROM dynamo.streams WHERE table_name OPERATOR(pg_catalog.=) $1))) AS c) ts"
		" WHERE k.table_name OPERATOR(pg_catalog.=) $1 RETURNING stream_id",
		3, args, SPI_OK_INSERT_RETURNING);
	stream_id = col(0, 1);

	initStringInfo(&targs);
	appendStringInfo(&targs, "%s, %s, %s", stream_id, quote_literal_cstr(view_type),
					 quote_literal_cstr(t->partition_key.name));
	if (t->sort_key.name)
		appendStringInfo(&targs, ", %s", quote_literal_cstr(t->sort_key.name));
	run(psprintf("CREATE TRIGGER dynamo_stream AFTER INSERT OR UPDATE OR DELETE ON %s"
				 " FOR EACH ROW EXECUTE FUNCTION dynamo.stream_capture(%s)", t->qualified_name, targs.data),
		0, NULL, SPI_OK_UTILITY);
	run(psprintf("CREATE TRIGGER dynamo_stream_truncate BEFORE TRUNCATE ON %s"
				 " FOR EACH STATEMENT EXECUTE FUNCTION dynamo.stream_capture(%s)", t->qualified_name, targs.data),
		0, NULL, SPI_OK_UTILITY);
	open_shard(stream_id, NULL, NULL);
	stream_spi_finish(&so);
}

/* Close the open shard of a table's enabled streams and mark them disabled */
static void
close_streams(const char *table_id)
{
	const char *args[1] = {table_id};

	run("WITH s AS (UPDATE dynamo.streams SET disabled_at = pg_catalog.clock_timestamp()"
		"  WHERE table_id OPERATOR(pg_catalog.=) $1::pg_catalog.uuid AND disabled_at IS NULL RETURNING stream_id)"
		" UPDATE dynamo.stream_shards h SET end_seq = pg_catalog.nextval('dynamo.stream_sequence')"
		" FROM s WHERE h.stream_id OPERATOR(pg_catalog.=) s.stream_id AND h.end_seq IS NULL",
		1, args, SPI_OK_UPDATE);
}

/* Disable the enabled stream of a table; it stays readable until trimmed */
void
stream_disable(const char *table_name)
{
	DynamoTable *t = table_for_change(table_name);
	StreamOwner so;

	stream_spi_connect(&so);
	/* waits for every writer of the item table: no record can follow */
	run(psprintf("DROP TRIGGER IF EXISTS dynamo_stream ON %s", t->qualified_name), 0, NULL, SPI_OK_UTILITY);
	run(psprintf("DROP TRIGGER IF EXISTS dynamo_stream_truncate ON %s", t->qualified_name), 0, NULL, SPI_OK_UTILITY);
	close_streams(t->table_id);
	stream_spi_finish(&so);
}

/*
 * DeleteTable: the table's stream (if any) is disabled; the item table,
 * already dropped with its trigger, has no writer left.
 */
void
stream_table_dropped(const char *table_id)
{
	StreamOwner so;

	/* a database still at 0.1.0 has no stream catalog, and no stream */
	if (!spi_catalog_exists("streams"))
		return;
	stream_spi_connect(&so);
	close_streams(table_id);
	stream_spi_finish(&so);
}

/* DynamoDB's StreamArn of a stream */
char *
stream_arn(StreamInfo *s)
{
	return psprintf("arn:aws:dynamodb:%s:%s:table/%s/stream/%s",
					dynamo_region, dynamo_account_id, s->table_name, s->label);
}

/* Streams of a query's result (columns STREAM_COLUMNS), in the caller's memory */
static List *
streams_of_result(MemoryContext mcxt)
{
	List	   *list = NIL;

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		StreamInfo *s = stream_from_row(i, mcxt);
		MemoryContext old = MemoryContextSwitchTo(mcxt);

		list = lappend(list, s);
		MemoryContextSwitchTo(old);
	}
	return list;
}

/* Streams matching a query with up to 3 text arguments */
static List *
select_streams(const char *where, int nargs, const char **args)
{
	StreamOwner so;
	MemoryContext caller = CurrentMemoryContext;
	List	   *list;

	stream_spi_connect(&so);
	run(psprintf("SELECT " STREAM_COLUMNS " FROM dynamo.streams %s", where), nargs, args, SPI_OK_SELECT);
	list = streams_of_result(caller);
	stream_spi_finish(&so);
	return list;
}

/*
 * The latest stream of a table (the enabled one, or the last disabled), of
 * the table as it is now (not of a deleted table of the same name); NULL if
 * none.
 */
StreamInfo *
stream_latest_of_table(const char *table_name)
{
	DynamoTable *t = dynamo_table_lookup(table_name, true);
	const char *args[1];
	List	   *l;

	if (t == NULL)
		return NULL;
	args[0] = t->table_id;
	l = select_streams("WHERE table_id OPERATOR(pg_catalog.=) $1::pg_catalog.uuid ORDER BY stream_id DESC LIMIT 1",
					   1, args);
	return l ? linitial(l) : NULL;
}

/* DescribeTable's StreamSpecification, LatestStreamArn, LatestStreamLabel */
void
stream_describe_table(JsonbParseState **st, const char *table_id)
{
	const char *args[1] = {table_id};
	List	   *l;
	StreamInfo *s;

	/* a database still at 0.1.0 has no stream catalog, and no stream */
	if (!spi_catalog_exists("streams"))
		return;
	l = select_streams("WHERE table_id OPERATOR(pg_catalog.=) $1::pg_catalog.uuid ORDER BY stream_id DESC LIMIT 1", 1, args);
	if (l == NIL)
		return;
	s = linitial(l);
	if (s->enabled)
	{
		jb_begin_object(st, "StreamSpecification");
		jb_bool(st, "StreamEnabled", true);
		jb_string(st, "StreamViewType", s->view_type);
		jb_end_object(st);
	}
	jb_string(st, "LatestStreamArn", stream_arn(s));
	jb_string(st, "LatestStreamLabel", s->label);
}

/* The stream of a StreamArn; ResourceNotFoundException if there is none */
StreamInfo *
stream_lookup_arn(const char *arn)
{
	const char *marker = strstr(arn, "/stream/");
	const char *table = strstr(arn, ":table/");
	const char *args[2];
	List	   *l = NIL;
	ListCell   *lc;

	/* not an ARN of a table's stream: DynamoDB's ValidationException */
	if (strncmp(arn, "arn:", 4) != 0 || marker == NULL || table == NULL || table > marker)
		dynamo_error(DYN_VALIDATION, "Invalid StreamArn");
	args[0] = pnstrdup(table + 7, marker - table - 7);
	args[1] = marker + 8;
	l = select_streams("WHERE table_name OPERATOR(pg_catalog.=) $1 AND stream_label OPERATOR(pg_catalog.=) $2",
					   2, args);
	foreach(lc, l)
	{
		StreamInfo *s = lfirst(lc);

		if (strcmp(stream_arn(s), arn) == 0)
			return s;
	}
	dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Stream: %s not found", arn);
}

/*
 * Streams in creation order, of one table (table_name not NULL) or all,
 * after stream after_id, at most limit; *more tells whether more remain.
 */
List *
stream_list(const char *table_name, int32 after_id, int limit, bool *more)
{
	const char *args[2] = {table_name, psprintf("%d", after_id)};
	List	   *l = select_streams(psprintf("WHERE ($1 IS NULL OR table_name OPERATOR(pg_catalog.=) $1)"
										   " AND stream_id OPERATOR(pg_catalog.>) $2::integer"
										   " ORDER BY stream_id LIMIT %d", limit + 1),
								   2, args);

	*more = list_length(l) > limit;
	if (*more)
		l = list_truncate(l, limit);
	return l;
}

/* The shards of a stream, oldest first */
List *
stream_shards(StreamInfo *s)
{
	StreamOwner so;
	MemoryContext caller = CurrentMemoryContext;
	const char *args[1] = {psprintf("%d", s->stream_id)};
	List	   *list = NIL;

	stream_spi_connect(&so);
	run("SELECT shard_id, parent_shard_id, start_seq, end_seq FROM dynamo.stream_shards"
		" WHERE stream_id OPERATOR(pg_catalog.=) $1::integer ORDER BY start_seq", 1, args, SPI_OK_SELECT);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		MemoryContext old = MemoryContextSwitchTo(caller);
		StreamShard *sh = palloc0(sizeof(StreamShard));
		char	   *parent = col(i, 2);

		sh->shard_id = pstrdup(col(i, 1));
		sh->parent_shard_id = parent ? pstrdup(parent) : NULL;
		sh->start_seq = col_int(i, 3);
		sh->end_seq = col_int(i, 4);
		list = lappend(list, sh);
		MemoryContextSwitchTo(old);
	}
	stream_spi_finish(&so);
	return list;
}

/*
 * Trim: remove records older than retention (the trim horizon of a stream
 * moves to the last one removed; at most batch of them, the oldest, when
 * batch > 0), streams disabled longer than retention, and start a new
 * shard in every enabled stream whose open shard is older than
 * shard_lifetime.  Returns the number of records removed.
 */
int64
stream_trim(Interval *retention, Interval *shard_lifetime, int64 batch)
{
	StreamOwner so;
	Oid			types[3] = {INTERVALOID, INTERVALOID, INT8OID};
	Datum		values[3] = {IntervalPGetDatum(retention), IntervalPGetDatum(shard_lifetime), Int64GetDatum(batch)};
	char		nulls[3] = {' ', ' ', batch > 0 ? ' ' : 'n'};
	int64		removed;

	stream_spi_connect(&so);
	if (SPI_execute_with_args("WITH old AS (SELECT stream_id, seq FROM dynamo.stream_records"
							  "  WHERE created_at OPERATOR(pg_catalog.<) (pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) $1)"
							  "  ORDER BY stream_id, seq LIMIT $3),"
							  " h AS (SELECT stream_id, pg_catalog.max(seq) AS seq FROM old GROUP BY stream_id),"
							  " t AS (UPDATE dynamo.streams s SET trimmed_seq = GREATEST(s.trimmed_seq, h.seq) FROM h"
							  "  WHERE s.stream_id OPERATOR(pg_catalog.=) h.stream_id)"
							  " DELETE FROM dynamo.stream_records r USING h"
							  " WHERE r.stream_id OPERATOR(pg_catalog.=) h.stream_id AND r.seq OPERATOR(pg_catalog.<=) h.seq",
							  3, types, values, nulls, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "could not trim stream records");
	removed = (int64) SPI_processed;
	if (SPI_execute_with_args("WITH s AS (DELETE FROM dynamo.streams WHERE disabled_at OPERATOR(pg_catalog.<)"
							  "  (pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) $1) RETURNING stream_id)"
							  " DELETE FROM dynamo.stream_records r USING s WHERE r.stream_id OPERATOR(pg_catalog.=) s.stream_id",
							  2, types, values, NULL, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "could not remove disabled streams");
	removed += (int64) SPI_processed;
	if (SPI_execute_with_args("UPDATE dynamo.stream_shards h SET end_seq = pg_catalog.nextval('dynamo.stream_sequence')"
							  " FROM dynamo.streams s WHERE s.stream_id OPERATOR(pg_catalog.=) h.stream_id"
							  " AND s.disabled_at IS NULL AND h.end_seq IS NULL"
							  " AND h.created_at OPERATOR(pg_catalog.<=) (pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) $2)"
							  " RETURNING h.stream_id, h.shard_id, h.end_seq",
							  2, types, values, NULL, false, 0) != SPI_OK_UPDATE_RETURNING)
		elog(ERROR, "could not close stream shards");
	{
		SPITupleTable *closed = SPI_tuptable;
		uint64		n = SPI_processed;

		for (uint64 i = 0; i < n; i++)
			open_shard(SPI_getvalue(closed->vals[i], closed->tupdesc, 1),
					   SPI_getvalue(closed->vals[i], closed->tupdesc, 2),
					   SPI_getvalue(closed->vals[i], closed->tupdesc, 3));
	}
	stream_spi_finish(&so);
	return removed;
}

/*
 * Reading a stream's records needs SELECT on its item table; once the
 * table is deleted, SELECT on dynamo.stream_records.
 */
void
stream_check_read(StreamInfo *s)
{
	DynamoTable *t = dynamo_table_lookup(s->table_name, true);
	Oid			rel;

	if (t && strcmp(t->table_id, s->table_id) == 0)
		rel = t->relid;
	else
		rel = stream_records_oid();
	if (pg_class_aclcheck(rel, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, get_rel_name(rel));
}
