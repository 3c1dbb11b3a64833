/*
 * execute_streams.c
 *		execute()'s DynamoDB Streams operations: ListStreams, DescribeStream,
 *		GetShardIterator and GetRecords, with DynamoDB Streams' request and
 *		response shapes (the HTTP door's target DynamoDBStreams_20120810.*).
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "attr_text.h"
#include "attr_value.h"
#include "errors.h"
#include "protocol.h"
#include "json_build.h"
#include "json_read.h"
#include "streams.h"
#include "table_catalog.h"
#include "tables.h"
#include "validate.h"

#define LIST_STREAMS_MAX 100
#define DESCRIBE_STREAM_MAX 100

/* A string member's length, checked as DynamoDB checks it */
static void
check_length(const char *s, const char *param, int min, int max)
{
	validate_length(NULL, s, strlen(s), min, max, param);
}

/* A required string member read by exec_read_members: "must not be null" */
static char *
required_string(RequestMembers *m, const char *name, const char *param)
{
	char	   *s = req_value_string(request_member(m, name));

	validate_not_null(NULL, s, param);
	return s;
}

/* Limit: between 1 and max, or dflt when absent */
static int
limit_member(RequestMembers *m, int max)
{
	int64		limit = max;

	if (req_value_int(request_member(m, "Limit"), "Limit", &limit))
		validate_range(NULL, psprintf(INT64_FORMAT, limit), limit, 1, max, "limit");
	return (int) limit;
}

/* A StreamArn member, checked, and its stream */
static StreamInfo *
stream_member(RequestMembers *m, const char *member, const char *param)
{
	char	   *arn = required_string(m, member, param);

	check_length(arn, param, 1, 1024);
	return stream_lookup_arn(arn);
}

/* DynamoDB's date-times: seconds since the epoch, with a fraction */
static Numeric
epoch_numeric(TimestampTz ts)
{
	return DatumGetNumeric(DirectFunctionCall2(extract_timestamptz, CStringGetTextDatum("epoch"),
											   TimestampTzGetDatum(ts)));
}

/* The same, in whole seconds (ApproximateCreationDateTime) */
static int64
epoch_seconds(TimestampTz ts)
{
	return (ts / USECS_PER_SEC) + (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY
		- (ts < 0 && ts % USECS_PER_SEC ? 1 : 0);
}

static Numeric
epoch_seconds_numeric(TimestampTz ts)
{
	return int64_to_numeric(epoch_seconds(ts));
}

/* A string member after a comma (text responses) */
static void
append_string_member(StringInfo out, const char *key, const char *val, int style)
{
	json_append_key(out, key, false, style);
	json_append_stored_string(out, val, strlen(val), true);
}

/* ListStreams: streams of a table (or all), in creation order, paged */
Jsonb *
exec_list_streams(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *table;
	char	   *start;
	int			limit;
	int32		after = 0;
	bool		more;
	List	   *streams;
	ListCell   *lc;
	JsonbParseState *st = NULL;

	/* the parameter constraints checked as the members are read */
	exec_read_members("ListStreams", req, &m);
	table = req_value_string(request_member(&m, "TableName"));
	start = req_value_string(request_member(&m, "ExclusiveStartStreamArn"));
	limit = limit_member(&m, LIST_STREAMS_MAX);
	if (table)
		dynamo_check_table_name(table, "tableName");
	if (start)
	{
		check_length(start, "exclusiveStartStreamArn", 1, 1024);
		after = stream_lookup_arn(start)->stream_id;
	}
	streams = stream_list(table, after, limit, &more);

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Streams");
	foreach(lc, streams)
	{
		StreamInfo *s = lfirst(lc);

		jb_begin_object(&st, NULL);
		jb_string(&st, "StreamArn", stream_arn(s));
		jb_string(&st, "TableName", s->table_name);
		jb_string(&st, "StreamLabel", s->label);
		jb_end_object(&st);
	}
	jb_end_array(&st);
	if (more)
		jb_string(&st, "LastEvaluatedStreamArn", stream_arn(llast(streams)));
	return jb_finish(&st);
}

/* Push a stream's KeySchema */
static void
push_key_schema(JsonbParseState **st, StreamInfo *s)
{
	jb_begin_array(st, "KeySchema");
	jb_begin_object(st, NULL);
	jb_string(st, "AttributeName", s->partition_key);
	jb_string(st, "KeyType", "HASH");
	jb_end_object(st);
	if (s->sort_key)
	{
		jb_begin_object(st, NULL);
		jb_string(st, "AttributeName", s->sort_key);
		jb_string(st, "KeyType", "RANGE");
		jb_end_object(st);
	}
	jb_end_array(st);
}

/* Push one shard: ShardId, SequenceNumberRange, ParentShardId */
static void
push_shard(JsonbParseState **st, StreamShard *sh)
{
	jb_begin_object(st, NULL);
	jb_string(st, "ShardId", sh->shard_id);
	jb_begin_object(st, "SequenceNumberRange");
	jb_string(st, "StartingSequenceNumber", stream_format_seq(sh->start_seq + 1));
	if (sh->end_seq)
		jb_string(st, "EndingSequenceNumber", stream_format_seq(sh->end_seq - 1));
	jb_end_object(st);
	if (sh->parent_shard_id)
		jb_string(st, "ParentShardId", sh->parent_shard_id);
	jb_end_object(st);
}

/*
 * ShardFilter: the parent whose children DescribeStream lists (CHILD_SHARDS,
 * the only type), or NULL without a filter.  Both members are needed.
 */
static char *
shard_filter_parent(Jsonb *req)
{
	Jsonb	   *filter = req_object(req, "ShardFilter");
	char	   *type;
	char	   *parent;
	DynValidation v;

	if (filter == NULL)
		return NULL;
	type = req_string(filter, "Type");
	parent = req_string(filter, "ShardId");
	validate_init(&v);
	if (validate_not_null(&v, type, "shardFilter.type"))
		validate_enum(&v, type, "shardFilter.type", "[CHILD_SHARDS]");
	if (validate_not_null(&v, parent, "shardFilter.shardId"))
		validate_length(&v, parent, strlen(parent), 28, 65, "shardFilter.shardId");
	validate_finish(&v);
	return parent;
}

/* DescribeStream: the stream and a page of its shards, oldest first */
Jsonb *
exec_describe_stream(Jsonb *req, bool escaped)
{
	RequestMembers m;
	StreamInfo *s;
	int			limit;
	char	   *start;
	char	   *parent;
	List	   *shards;
	bool		started;
	int			n = 0;
	StreamShard *last = NULL;
	bool		more = false;
	ListCell   *lc;
	JsonbParseState *st = NULL;

	/* the parameter constraints checked as the members are read */
	exec_read_members("DescribeStream", req, &m);
	s = stream_member(&m, "StreamArn", "streamArn");
	limit = limit_member(&m, DESCRIBE_STREAM_MAX);
	start = req_value_string(request_member(&m, "ExclusiveStartShardId"));
	parent = shard_filter_parent(req);
	shards = stream_shards(s);
	started = start == NULL;
	if (start)
		check_length(start, "exclusiveStartShardId", 28, 65);
	jb_begin_object(&st, NULL);
	jb_begin_object(&st, "StreamDescription");
	jb_string(&st, "StreamArn", stream_arn(s));
	jb_string(&st, "StreamLabel", s->label);
	jb_string(&st, "StreamStatus", s->enabled ? "ENABLED" : "DISABLED");
	jb_string(&st, "StreamViewType", s->view_type);
	jb_numeric(&st, "CreationRequestDateTime", epoch_numeric(s->created_at));
	jb_string(&st, "TableName", s->table_name);
	push_key_schema(&st, s);
	jb_begin_array(&st, "Shards");
	foreach(lc, shards)
	{
		StreamShard *sh = lfirst(lc);

		if (!started)
		{
			started = strcmp(sh->shard_id, start) == 0;
			continue;
		}
		if (parent && (sh->parent_shard_id == NULL || strcmp(sh->parent_shard_id, parent) != 0))
			continue;
		if (n == limit)
		{
			more = true;
			break;
		}
		push_shard(&st, sh);
		last = sh;
		n++;
	}
	jb_end_array(&st);
	if (more)
		jb_string(&st, "LastEvaluatedShardId", last->shard_id);
	jb_end_object(&st);
	return jb_finish(&st);
}

static const char *const IteratorTypes[] = {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"};

/* The iterator's type, checked against DynamoDB's enum; its index */
static int
iterator_type(const char *type)
{
	for (int i = 0; i < lengthof(IteratorTypes); i++)
		if (strcmp(type, IteratorTypes[i]) == 0)
			return i;
	validate_enum(NULL, type, "shardIteratorType",
				  "[AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
	pg_unreachable();
}

/* The stream's records before after_seq are trimmed: TrimmedDataAccessException */
static void
check_trim_horizon(StreamInfo *s, int64 after_seq)
{
	if (after_seq < s->trimmed_seq)
		dynamo_error(DYN_TRIMMED_DATA_ACCESS,
					 "The operation attempted to read past the oldest stream record in a shard.");
}

/* GetShardIterator: where to start reading a shard */
Jsonb *
exec_get_shard_iterator(Jsonb *req, bool escaped)
{
	RequestMembers m;
	StreamInfo *s;
	char	   *shard_id;
	int			type;
	char	   *seq_text;
	StreamIterator it = {0};
	ListCell   *lc;
	JsonbParseState *st = NULL;

	/* the parameter constraints checked as the members are read */
	exec_read_members("GetShardIterator", req, &m);
	s = stream_member(&m, "StreamArn", "streamArn");
	shard_id = required_string(&m, "ShardId", "shardId");
	type = iterator_type(required_string(&m, "ShardIteratorType", "shardIteratorType"));
	seq_text = req_value_string(request_member(&m, "SequenceNumber"));
	check_length(shard_id, "shardId", 28, 65);
	stream_check_read(s);
	foreach(lc, stream_shards(s))
		if (strcmp(((StreamShard *) lfirst(lc))->shard_id, shard_id) == 0)
			it.shard = lfirst(lc);
	if (it.shard == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: Shard does not exist");
	it.stream = s;
	if (type >= 2)
	{
		int64		seq;

		if (seq_text == NULL)
			dynamo_error(DYN_VALIDATION, "Must specify a SequenceNumber with ShardIteratorType %s", IteratorTypes[type]);
		seq = stream_parse_seq(seq_text);
		if (seq <= it.shard->start_seq || (it.shard->end_seq && seq >= it.shard->end_seq))
			dynamo_error(DYN_VALIDATION, "Invalid SequenceNumber %s for shard %s", seq_text, shard_id);
		it.after_seq = type == 2 ? seq - 1 : seq;
		check_trim_horizon(s, it.after_seq);
	}
	else if (seq_text)
		dynamo_error(DYN_VALIDATION, "Must not specify a SequenceNumber with ShardIteratorType %s", IteratorTypes[type]);
	else if (type == 0)
		it.after_seq = Max(it.shard->start_seq, s->trimmed_seq);
	else
	{
		int64		horizon = stream_read_horizon() - 1;

		it.after_seq = it.shard->end_seq ? it.shard->end_seq - 1 : Max(horizon, it.shard->start_seq);
	}
	it.issued_at = GetCurrentTimestamp();

	jb_begin_object(&st, NULL);
	jb_string(&st, "ShardIterator", stream_iterator_encode(&it));
	return jb_finish(&st);
}

/* Push one record as DynamoDB Streams writes it */
static void
push_record(JsonbParseState **st, StreamInfo *s, StreamRecord *r, bool escaped)
{
	jb_begin_object(st, NULL);
	jb_string(st, "eventID", psprintf("%08x%024llx", (unsigned) s->stream_id, (long long) r->seq));
	jb_string(st, "eventName", r->event_name);
	jb_string(st, "eventVersion", "1.1");
	jb_string(st, "eventSource", "aws:dynamodb");
	jb_string(st, "awsRegion", dynamo_region);
	jb_begin_object(st, "dynamodb");
	jb_numeric(st, "ApproximateCreationDateTime", epoch_seconds_numeric(r->created_at));
	jb_key(st, "Keys");
	item_push_typed(st, r->keys, escaped);
	if (r->new_image)
	{
		jb_key(st, "NewImage");
		item_push_typed(st, r->new_image, escaped);
	}
	if (r->old_image)
	{
		jb_key(st, "OldImage");
		item_push_typed(st, r->old_image, escaped);
	}
	jb_string(st, "SequenceNumber", stream_format_seq(r->seq));
	jb_int(st, "SizeBytes", r->size_bytes);
	jb_string(st, "StreamViewType", s->view_type);
	jb_end_object(st);
	if (r->service)
	{
		jb_begin_object(st, "userIdentity");
		jb_string(st, "Type", "Service");
		jb_string(st, "PrincipalId", "dynamodb.amazonaws.com");
		jb_end_object(st);
	}
	jb_end_object(st);
}

/* Write one record as text, members in jsonb's order (see push_record) */
static void
append_record(StringInfo out, StreamInfo *s, StreamRecord *r, int style)
{
	appendStringInfoChar(out, '{');
	json_append_key(out, "eventID", true, style);
	appendStringInfo(out, "\"%08x%024llx\"", (unsigned) s->stream_id, (long long) r->seq);
	json_append_key(out, "dynamodb", false, style);
	appendStringInfoChar(out, '{');
	json_append_key(out, "Keys", true, style);
	item_append_typed_text(out, r->keys, style);
	if (r->new_image)
	{
		json_append_key(out, "NewImage", false, style);
		item_append_typed_text(out, r->new_image, style);
	}
	if (r->old_image)
	{
		json_append_key(out, "OldImage", false, style);
		item_append_typed_text(out, r->old_image, style);
	}
	json_append_key(out, "SizeBytes", false, style);
	appendStringInfo(out, "%d", r->size_bytes);
	append_string_member(out, "SequenceNumber", stream_format_seq(r->seq), style);
	append_string_member(out, "StreamViewType", s->view_type, style);
	json_append_key(out, "ApproximateCreationDateTime", false, style);
	appendStringInfo(out, INT64_FORMAT "}", epoch_seconds(r->created_at));
	append_string_member(out, "awsRegion", dynamo_region, style);
	append_string_member(out, "eventName", r->event_name, style);
	append_string_member(out, "eventSource", "aws:dynamodb", style);
	append_string_member(out, "eventVersion", "1.1", style);
	if (r->service)
	{
		json_append_key(out, "userIdentity", false, style);
		appendStringInfoChar(out, '{');
		json_append_key(out, "Type", true, style);
		appendStringInfoString(out, "\"Service\"");
		append_string_member(out, "PrincipalId", "dynamodb.amazonaws.com", style);
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, '}');
}

/*
 * Read the records of a GetRecords request: those after the iterator's
 * position, below the read horizon (stream_read.c), up to Limit and 1 MB.
 * *next gets NextShardIterator, NULL once a closed shard is drained.
 */
static List *
get_records_read(Jsonb *req, StreamIterator **iterator, char **next)
{
	RequestMembers m;
	char	   *text;
	int			limit;
	StreamIterator *it;
	int64		horizon,
				before;
	bool		complete;
	List	   *records;

	/* the parameter constraints checked as the members are read */
	exec_read_members("GetRecords", req, &m);
	text = required_string(&m, "ShardIterator", "shardIterator");
	limit = limit_member(&m, STREAM_MAX_RECORDS);
	check_length(text, "shardIterator", 1, 2048);
	it = stream_iterator_decode(text);
	stream_check_read(it->stream);
	check_trim_horizon(it->stream, it->after_seq);
	horizon = stream_read_horizon();
	before = it->shard->end_seq ? Min(horizon, it->shard->end_seq) : horizon;
	records = stream_read_records(it->stream->stream_id, it->after_seq, before, limit,
								  STREAM_MAX_RESPONSE_BYTES, &complete);
	*iterator = it;
	*next = NULL;
	if (records != NIL)
		it->after_seq = ((StreamRecord *) llast(records))->seq;
	if (!(complete && it->shard->end_seq && horizon >= it->shard->end_seq))
	{
		it->issued_at = GetCurrentTimestamp();
		*next = stream_iterator_encode(it);
	}
	return records;
}

/* GetRecords: the records after the iterator's position, and the next one */
Jsonb *
exec_get_records(Jsonb *req, bool escaped)
{
	StreamIterator *it;
	char	   *next;
	List	   *records = get_records_read(req, &it, &next);
	ListCell   *lc;
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Records");
	foreach(lc, records)
		push_record(&st, it->stream, lfirst(lc), escaped);
	jb_end_array(&st);
	if (next)
		jb_string(&st, "NextShardIterator", next);
	return jb_finish(&st);
}

/* GetRecords, written as text in a style (attr_text.h) */
void
exec_get_records_text(Jsonb *req, StringInfo out, int style)
{
	StreamIterator *it;
	char	   *next;
	List	   *records = get_records_read(req, &it, &next);
	ListCell   *lc;

	appendStringInfoChar(out, '{');
	json_append_key(out, "Records", true, style);
	appendStringInfoChar(out, '[');
	foreach(lc, records)
	{
		if (lc != list_head(records))
			json_append_comma(out, style);
		append_record(out, it->stream, lfirst(lc), style);
	}
	appendStringInfoChar(out, ']');
	if (next)
		append_string_member(out, "NextShardIterator", next, style);
	appendStringInfoChar(out, '}');
}
