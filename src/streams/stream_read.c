/*
 * stream_read.c
 *		Reading a stream in order without ever skipping a record: the read
 *		horizon, shard iterators, and the records themselves.
 *
 * The rule.  A record's sequence number is taken when it is written, but
 * the record becomes visible when its transaction commits, and transactions
 * commit in any order: a reader that returned record 11 and moved past it
 * would never see record 10 committed a moment later.  So a reader returns
 * only records below its horizon, a number that no transaction still in
 * flight can write under:
 *
 *	1. L = the last number dynamo.stream_sequence handed out (read without
 *	   taking one, so read-only transactions can read streams);
 *	2. horizon = min(L + 1, the key k of every writer lock held right now);
 *	3. read records with seq < horizon under a snapshot taken after step 2.
 *
 * A writing transaction takes k from the sequence and locks it before its
 * first record, and every one of its records gets a number above k
 * (stream_capture.c).  Take any record r with seq(r) < horizon, written by
 * transaction W.  If W's lock was held at step 2, seq(r) > k >= horizon:
 * impossible.  If W locked after step 2, r's number was taken after that,
 * so after step 1: seq(r) > L, seq(r) >= horizon: impossible.  So W had
 * released its lock, that is, finished, before step 2: committed and
 * visible to the snapshot of step 3, or rolled back with its record.
 * Every record below the horizon
 * that will ever exist is therefore read, and a reader that continues after
 * the last one it returned misses nothing.  The price: a long-running
 * writer holds back every reader of every stream until it ends (like
 * xmin), and GetRecords may return no record while one is in flight.
 *
 * Shards are ranges of sequence numbers, so the same rule tells when a
 * closed shard is drained: its end is below the horizon and no record is
 * left after the iterator's position.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "attr_value.h"
#include "errors.h"
#include "spi_text.h"
#include "streams.h"

/* The last number the sequence handed out (0 if none), read as its owner */
static int64
sequence_last_value(void)
{
	StreamOwner so;
	LOCAL_FCINFO(fcinfo, 1);
	Datum		d;

	stream_spi_connect(&so);
	InitFunctionCallInfoData(*fcinfo, NULL, 1, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = ObjectIdGetDatum(stream_sequence_oid());
	fcinfo->args[0].isnull = false;
	d = pg_sequence_last_value(fcinfo);
	stream_spi_finish(&so);
	return fcinfo->isnull ? 0 : DatumGetInt64(d);
}

/* The horizon: records below it are all committed or gone for good */
int64
stream_read_horizon(void)
{
	int64		horizon = sequence_last_value() + 1;
	LockData   *locks = GetLockStatusData();

	for (int i = 0; i < locks->nelements; i++)
	{
		LockInstanceData *li = &locks->locks[i];
		LOCKTAG    *tag = &li->locktag;

		if (tag->locktag_type != LOCKTAG_ADVISORY || tag->locktag_field1 != MyDatabaseId ||
			tag->locktag_field4 != STREAM_LOCK_FIELD4 || li->holdMask == 0)
			continue;
		horizon = Min(horizon, (int64) (((uint64) tag->locktag_field2 << 32) | tag->locktag_field3));
	}
	return horizon;
}

/* A SequenceNumber as DynamoDB writes them: 21 decimal digits */
char *
stream_format_seq(int64 seq)
{
	return psprintf("%021lld", (long long) seq);
}

/* A SequenceNumber of a request; -1 if it is not one */
int64
stream_parse_seq(const char *s)
{
	int64		v = 0;
	size_t		len = strlen(s);

	if (len < 1 || len > 40)
		return -1;
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9' || v > (PG_INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * A shard iterator: "<StreamArn>|1|<base64 of shard id|position|issue
 * time>", as DynamoDB's iterators start with the stream's ARN.
 */
char *
stream_iterator_encode(StreamIterator *it)
{
	char	   *payload = psprintf("%s|%lld|%lld", it->shard->shard_id,
								   (long long) it->after_seq, (long long) it->issued_at);
	return psprintf("%s|1|%s", stream_arn(it->stream),
					dynamo_binary_encode(payload, strlen(payload)));
}

/* A time as Java prints a Date in UTC (Kinesis' messages): Fri Oct 04 12:22:48 UTC 2019 */
static char *
java_date_text(TimestampTz ts)
{
	pg_time_t	t = timestamptz_to_time_t(ts);
	char	   *buf = palloc(64);

	pg_strftime(buf, 64, "%a %b %d %H:%M:%S UTC %Y", pg_gmtime(&t));
	return buf;
}

static void
invalid_iterator(void)
{
	dynamo_error(DYN_VALIDATION, "Invalid ShardIterator");
}

/*
 * Decode a shard iterator: its stream and shard, checked to exist, and
 * whether it has expired (ExpiredIteratorException).
 */
StreamIterator *
stream_iterator_decode(const char *text)
{
	StreamIterator *it = palloc0(sizeof(StreamIterator));
	const char *sep = strstr(text, "|1|");
	char	   *payload,
			   *shard_end;
	int			n;
	long long	after,
				issued;
	ListCell   *lc;

	if (sep == NULL)
		invalid_iterator();
	payload = dynamo_base64_decode(sep + 3, &n);
	if (payload == NULL)
		invalid_iterator();
	shard_end = strchr(payload, '|');
	if (shard_end == NULL)
		invalid_iterator();
	*shard_end = '\0';
	if (sscanf(shard_end + 1, "%lld|%lld", &after, &issued) != 2)
		invalid_iterator();

	it->after_seq = after;
	it->issued_at = issued;
	if (GetCurrentTimestamp() - it->issued_at > (int64) STREAM_ITERATOR_LIFETIME_MS * 1000)
		dynamo_error(DYN_EXPIRED_ITERATOR,
					 "Iterator expired. The iterator was created at time %s while right now it is %s which is further in the future than the tolerated delay of %d milliseconds.",
					 java_date_text(it->issued_at), java_date_text(GetCurrentTimestamp()),
					 STREAM_ITERATOR_LIFETIME_MS);
	it->stream = stream_lookup_arn(pnstrdup(text, sep - text));
	foreach(lc, stream_shards(it->stream))
	{
		StreamShard *sh = lfirst(lc);

		if (strcmp(sh->shard_id, payload) == 0)
			it->shard = sh;
	}
	if (it->shard == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Shard does not exist");
	return it;
}

/* A jsonb column of row i, copied to the given memory (NULL if null) */
static Jsonb *
jsonb_col(uint64 i, int n, MemoryContext mcxt)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, n, &isnull);
	MemoryContext old;
	Jsonb	   *copy;

	if (isnull)
		return NULL;
	old = MemoryContextSwitchTo(mcxt);
	copy = DatumGetJsonbPCopy(d);
	MemoryContextSwitchTo(old);
	return copy;
}

/*
 * The records of a stream with after_seq < seq < before_seq, in order, at
 * most limit of them and max_bytes of SizeBytes (at least one), read under
 * a snapshot taken now.  *complete tells whether every record of the range
 * was returned.
 */
List *
stream_read_records(int32 stream_id, int64 after_seq, int64 before_seq,
					int limit, int64 max_bytes, bool *complete)
{
	static SPIPlanPtr plan = NULL;
	MemoryContext caller = CurrentMemoryContext;
	Datum		values[4] = {Int32GetDatum(stream_id), Int64GetDatum(after_seq),
	Int64GetDatum(before_seq), Int64GetDatum((int64) limit + 1)};
	List	   *records = NIL;
	int64		bytes = 0;
	uint64		i;
	StreamOwner so;

	stream_spi_connect(&so);
	if (plan == NULL)
	{
		Oid			types[4] = {INT4OID, INT8OID, INT8OID, INT8OID};

		plan = spi_prepare_kept("SELECT seq, event_name, keys, new_image, old_image, size_bytes, created_at, service"
								" FROM dynamo.stream_records WHERE stream_id OPERATOR(pg_catalog.=) $1"
								" AND seq OPERATOR(pg_catalog.>) $2 AND seq OPERATOR(pg_catalog.<) $3"
								" ORDER BY seq LIMIT $4", 4, types, 0);
	}
	if (SPI_execute_snapshot(plan, values, NULL, GetLatestSnapshot(), InvalidSnapshot,
							 true, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read stream records");

	for (i = 0; i < SPI_processed && i < (uint64) limit; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		int32		size = DatumGetInt32(SPI_getbinval(tup, desc, 6, &isnull));
		MemoryContext old;
		StreamRecord *r;

		if (i > 0 && bytes + size > max_bytes)
			break;
		bytes += size;
		old = MemoryContextSwitchTo(caller);
		r = palloc0(sizeof(StreamRecord));
		r->seq = DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull));
		r->event_name = TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull));
		r->size_bytes = size;
		r->created_at = DatumGetTimestampTz(SPI_getbinval(tup, desc, 7, &isnull));
		r->service = DatumGetBool(SPI_getbinval(tup, desc, 8, &isnull));
		records = lappend(records, r);
		MemoryContextSwitchTo(old);
		r->keys = jsonb_col(i, 3, caller);
		r->new_image = jsonb_col(i, 4, caller);
		r->old_image = jsonb_col(i, 5, caller);
	}
	*complete = i == SPI_processed;
	stream_spi_finish(&so);
	return records;
}
