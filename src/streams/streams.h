/*
 * streams.h
 *		DynamoDB Streams: capture inside the writing transaction, the stream
 *		catalog, and reading records in order.
 *
 * Catalog (src/sql/70_streams.sql): dynamo.streams (one row per stream
 * ever enabled), dynamo.stream_shards (sequence-number ranges of a stream),
 * dynamo.stream_records (one row per change) and dynamo.stream_sequence
 * (sequence numbers, shared by all streams).  See stream_read.c for the
 * rule that keeps readers from skipping a record.
 */
#ifndef DYNAMO_STREAMS_H
#define DYNAMO_STREAMS_H

#include "commands/trigger.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

/* Records of one GetRecords call, and their bytes */
#define STREAM_MAX_RECORDS 1000
#define STREAM_MAX_RESPONSE_BYTES (1024 * 1024)
/* Shard iterators live 15 minutes */
#define STREAM_ITERATOR_LIFETIME_MS (15 * 60 * 1000)

/*
 * The advisory lock a writing transaction holds while its records are in
 * flight (stream_capture.c); field4 keeps it apart from users' advisory
 * locks (1 or 2 there).
 */
#define STREAM_LOCK_FIELD4 0x5354

static inline void
stream_lock_tag(LOCKTAG *tag, int64 key)
{
	SET_LOCKTAG_ADVISORY(*tag, MyDatabaseId, (uint32) ((uint64) key >> 32),
						 (uint32) key, STREAM_LOCK_FIELD4);
}

/* A stream of the catalog */
typedef struct StreamInfo
{
	int32		stream_id;
	char	   *table_name;
	char	   *table_id;		/* the table's TableId when it was enabled */
	char	   *label;			/* StreamLabel */
	char	   *view_type;		/* StreamViewType */
	char	   *partition_key;
	char	   *sort_key;		/* NULL without one */
	TimestampTz created_at;
	bool		enabled;
	int64		trimmed_seq;	/* records up to this one are trimmed */
} StreamInfo;

/* A shard: records with start_seq < SequenceNumber < end_seq */
typedef struct StreamShard
{
	char	   *shard_id;
	char	   *parent_shard_id;	/* NULL for the first shard */
	int64		start_seq;
	int64		end_seq;		/* 0 while the shard is open */
} StreamShard;

/* A decoded shard iterator: read records after after_seq */
typedef struct StreamIterator
{
	StreamInfo *stream;
	StreamShard *shard;
	int64		after_seq;
	TimestampTz issued_at;
} StreamIterator;

/* One record read from a stream, images in the stored form */
typedef struct StreamRecord
{
	int64		seq;
	char	   *event_name;		/* INSERT, MODIFY, REMOVE */
	Jsonb	   *keys;
	Jsonb	   *new_image;		/* NULL when not kept */
	Jsonb	   *old_image;
	int32		size_bytes;
	TimestampTz created_at;
	bool		service;		/* a delete made by the service (TTL) */
} StreamRecord;

/* stream_capture.c */
extern bool stream_service_principal(void);
extern void stream_capture_row(TriggerData *td);
extern Oid	stream_sequence_oid(void);
extern Oid	stream_records_oid(void);

/* stream_catalog.c */
extern const char *stream_check_specification(Jsonb *spec, bool update, const char *table_name);
extern void stream_specification_update(const char *table_name, Jsonb *spec);
extern void stream_enable(const char *table_name, const char *view_type);
extern void stream_disable(const char *table_name);
extern void stream_table_dropped(const char *table_id);
extern void stream_describe_table(JsonbParseState **st, const char *table_id);
extern char *stream_arn(StreamInfo *s);
extern StreamInfo *stream_lookup_arn(const char *arn);
extern void stream_check_read(StreamInfo *s);
extern StreamInfo *stream_latest_of_table(const char *table_name);
extern List *stream_list(const char *table_name, int32 after_id, int limit, bool *more);
extern List *stream_shards(StreamInfo *s);
extern int64 stream_trim(Interval *retention, Interval *shard_lifetime, int64 batch);

/* SPI as the owner of the stream catalog, and back */
typedef struct StreamOwner
{
	Oid			userid;
	int			sec_context;
} StreamOwner;
extern void stream_spi_connect(StreamOwner *o);
extern void stream_spi_finish(StreamOwner *o);

/* stream_read.c */
extern int64 stream_read_horizon(void);
extern char *stream_format_seq(int64 seq);
extern int64 stream_parse_seq(const char *s);
extern char *stream_iterator_encode(StreamIterator *it);
extern StreamIterator *stream_iterator_decode(const char *text);
extern List *stream_read_records(int32 stream_id, int64 after_seq, int64 before_seq,
								 int limit, int64 max_bytes, bool *complete);

#endif							/* DYNAMO_STREAMS_H */
