
-- Streams --------------------------------------------------------------

-- Every stream ever enabled on a table; the enabled one has disabled_at NULL.
-- The item table of a stream-enabled table carries the trigger dynamo_stream,
-- which writes one row of dynamo.stream_records per change.
CREATE SEQUENCE dynamo.stream_ids AS integer;
CREATE TABLE dynamo.streams (
    stream_id      integer PRIMARY KEY DEFAULT pg_catalog.nextval('dynamo.stream_ids'),
    table_name     text COLLATE "C" NOT NULL,
    table_id       uuid NOT NULL,
    stream_label   text COLLATE "C" NOT NULL,
    view_type      text NOT NULL
                   CHECK (view_type IN ('KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES')),
    partition_key  text NOT NULL,
    sort_key       text,
    created_at     timestamptz NOT NULL,
    disabled_at    timestamptz,
    trimmed_seq    bigint NOT NULL DEFAULT 0,
    UNIQUE (table_name, stream_label)
);
CREATE UNIQUE INDEX streams_enabled ON dynamo.streams (table_name) WHERE disabled_at IS NULL;
COMMENT ON TABLE dynamo.streams IS 'pg_dynamo: DynamoDB Streams, one row per stream ever enabled';

-- Sequence numbers of stream records, shared by all streams.
CREATE SEQUENCE dynamo.stream_sequence;

-- Shards: a stream's records with start_seq < seq < end_seq (end_seq NULL: open).
CREATE TABLE dynamo.stream_shards (
    stream_id        integer NOT NULL REFERENCES dynamo.streams ON DELETE CASCADE,
    shard_id         text COLLATE "C" NOT NULL,
    parent_shard_id  text COLLATE "C",
    start_seq        bigint NOT NULL,
    end_seq          bigint,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    PRIMARY KEY (stream_id, shard_id)
);
COMMENT ON TABLE dynamo.stream_shards IS 'pg_dynamo: shards of DynamoDB Streams (sequence number ranges)';

-- The records: one per change, written by the dynamo_stream trigger in the
-- writing transaction. Images are in the stored (plain JSON) form.
CREATE TABLE dynamo.stream_records (
    stream_id   integer NOT NULL,
    seq         bigint NOT NULL,
    event_name  text NOT NULL CHECK (event_name IN ('INSERT', 'MODIFY', 'REMOVE')),
    keys        jsonb NOT NULL,
    new_image   jsonb,
    old_image   jsonb,
    size_bytes  integer NOT NULL,
    created_at  timestamptz NOT NULL,
    xid         xid8 NOT NULL,
    service     boolean NOT NULL,
    PRIMARY KEY (stream_id, seq)
);
COMMENT ON TABLE dynamo.stream_records IS 'pg_dynamo: records of DynamoDB Streams, kept 24 hours';

SELECT pg_catalog.pg_extension_config_dump('dynamo.streams', '');
SELECT pg_catalog.pg_extension_config_dump('dynamo.stream_shards', '');
SELECT pg_catalog.pg_extension_config_dump('dynamo.stream_records', '');
SELECT pg_catalog.pg_extension_config_dump('dynamo.stream_sequence', '');
SELECT pg_catalog.pg_extension_config_dump('dynamo.stream_ids', '');
GRANT SELECT ON dynamo.streams, dynamo.stream_shards TO PUBLIC;

CREATE FUNCTION dynamo.stream_capture()
RETURNS trigger
AS 'MODULE_PATHNAME', 'dynamo_stream_capture'
LANGUAGE C;
COMMENT ON FUNCTION dynamo.stream_capture IS 'Trigger of stream-enabled item tables: writes a stream record per change';

CREATE FUNCTION dynamo.update_stream(table_name text, stream_view_type text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_update_stream_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.update_stream IS 'Enable a stream with this StreamViewType, or disable it (NULL); returns the TableDescription';

CREATE FUNCTION dynamo.trim_streams(
    retention interval DEFAULT '24 hours',
    shard_lifetime interval DEFAULT '4 hours',
    batch_size integer DEFAULT NULL)
RETURNS bigint
AS 'MODULE_PATHNAME', 'dynamo_trim_streams_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.trim_streams IS 'Remove stream records older than retention (the oldest batch_size of them, if given) and streams disabled that long; start new shards after shard_lifetime; returns the records removed';

CREATE FUNCTION dynamo.stream_records(
    table_name text,
    after_sequence_number text DEFAULT NULL,
    "limit" integer DEFAULT NULL,
    OUT sequence_number text,
    OUT event_name text,
    OUT keys jsonb,
    OUT new_image jsonb,
    OUT old_image jsonb,
    OUT approximate_creation_time timestamptz,
    OUT size_bytes integer,
    OUT stream_label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dynamo_stream_records_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.stream_records IS 'Records of the latest stream of a table after a sequence number, in order; plain JSON';
