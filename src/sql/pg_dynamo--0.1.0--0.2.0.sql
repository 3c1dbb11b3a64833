-- pg_dynamo 0.1.0 -> 0.2.0
--
-- Every change to the extension's SQL objects made after 0.1.0 goes here as
-- well as into the install script's pieces (src/sql/NN_*.sql), so that an
-- upgraded database and a fresh install hold the same objects (the upgrade
-- regression test compares them).

\echo Use "ALTER EXTENSION pg_dynamo UPDATE TO '0.2.0'" to load this file. \quit

-- partiql
CREATE FUNCTION dynamo.partiql(statement text, parameters jsonb DEFAULT NULL)
RETURNS SETOF jsonb
AS 'MODULE_PATHNAME', 'dynamo_partiql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.partiql(text, jsonb) IS
    'Run one PartiQL statement (DynamoDB''s dialect); the items it reads or returns, plain JSON; parameters: a JSON array for the ? placeholders';
-- http

-- Each access key maps to a PostgreSQL role: a request signed with it runs
-- as that role.  SigV4 verification needs the secret itself, so it is kept
-- here, readable only by the extension's owner and superusers.
CREATE TABLE dynamo.access_key_secrets (
    access_key_id     text PRIMARY KEY,
    secret_access_key text NOT NULL,
    role_name         name NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dynamo.access_key_secrets IS 'pg_dynamo: access keys of the HTTP endpoint with their secrets (owner and superusers only)';
REVOKE ALL ON dynamo.access_key_secrets FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('dynamo.access_key_secrets', '');

-- The keys without their secrets; each role sees the keys of the roles it
-- is a member of (superusers: all)
CREATE VIEW dynamo.access_keys AS
SELECT k.access_key_id, k.role_name, k.created_at
FROM dynamo.access_key_secrets k
WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r
              WHERE r.rolname = k.role_name
                AND pg_catalog.pg_has_role(r.oid, 'MEMBER'));
COMMENT ON VIEW dynamo.access_keys IS 'pg_dynamo: access keys of the HTTP endpoint, without secrets';
GRANT SELECT ON dynamo.access_keys TO PUBLIC;

CREATE FUNCTION dynamo.create_access_key(role name,
    OUT access_key_id text, OUT secret_access_key text)
LANGUAGE plpgsql
AS $$
DECLARE
    -- gen_random_uuid() draws from pg_strong_random(): 122 random bits each
    r bytea := pg_catalog.decode(pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
                                 || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
                                 || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), 'hex');
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role) THEN
        RAISE EXCEPTION 'role "%" does not exist', role USING ERRCODE = '42704';
    END IF;
    access_key_id := 'AKPG' || pg_catalog.upper(pg_catalog.encode(pg_catalog.substr(r, 1, 8), 'hex'));
    secret_access_key := pg_catalog.encode(pg_catalog.substr(r, 17, 30), 'base64');
    INSERT INTO dynamo.access_key_secrets (access_key_id, secret_access_key, role_name)
    VALUES (access_key_id, secret_access_key, role);
END
$$;
COMMENT ON FUNCTION dynamo.create_access_key IS 'New access key of the HTTP endpoint for a role; the secret is shown only now';

CREATE FUNCTION dynamo.delete_access_key(access_key_id text)
RETURNS boolean
LANGUAGE sql
AS $$
    WITH gone AS (DELETE FROM dynamo.access_key_secrets k
                  WHERE k.access_key_id = delete_access_key.access_key_id RETURNING 1)
    SELECT count(*) > 0 FROM gone;
$$;
COMMENT ON FUNCTION dynamo.delete_access_key IS 'Delete an access key of the HTTP endpoint; false if there was none';
-- indexes
-- Secondary indexes -----------------------------------------------------

-- The catalog of secondary indexes (GSIs and LSIs): one row per index, whose
-- PostgreSQL index dynamo_data."<relation_name>" is on the table's item table.
CREATE TABLE dynamo.indexes (
    table_name          text COLLATE "C" NOT NULL,
    index_name          text COLLATE "C" NOT NULL,
    local               boolean NOT NULL,
    partition_key       text NOT NULL,
    partition_key_type  "char" NOT NULL CHECK (partition_key_type IN ('S', 'N', 'B')),
    sort_key            text,
    sort_key_type       "char" CHECK (sort_key_type IN ('S', 'N', 'B')),
    projection_type     text NOT NULL CHECK (projection_type IN ('ALL', 'KEYS_ONLY', 'INCLUDE')),
    non_key_attributes  text[],
    relation_name       name NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (table_name, index_name),
    CHECK ((sort_key IS NULL) = (sort_key_type IS NULL))
);
COMMENT ON TABLE dynamo.indexes IS 'pg_dynamo catalog: one row per secondary index (GSI or LSI) of a DynamoDB table';
SELECT pg_catalog.pg_extension_config_dump('dynamo.indexes', '');
GRANT SELECT ON dynamo.indexes TO PUBLIC;

CREATE FUNCTION dynamo.create_index(
    table_name text,
    index_name text,
    partition_key text,
    partition_key_type text DEFAULT 'S',
    sort_key text DEFAULT NULL,
    sort_key_type text DEFAULT NULL,
    projection text DEFAULT 'ALL',
    non_key_attributes text[] DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_create_index_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.create_index IS
    'Add a global secondary index to a table, built over its items (UpdateTable Create); returns the TableDescription';

CREATE FUNCTION dynamo.delete_index(table_name text, index_name text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_delete_index_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.delete_index IS
    'Drop a global secondary index of a table (UpdateTable Delete); returns the TableDescription';

-- Query and Scan through an index: index_name, the last argument
DROP FUNCTION dynamo.query(text, text, jsonb, jsonb, text, text, boolean, integer, jsonb, boolean);
DROP FUNCTION dynamo.query_page(text, text, jsonb, jsonb, text, text, boolean, integer, jsonb, boolean, text);
DROP FUNCTION dynamo.scan(text, text, jsonb, jsonb, text, integer, jsonb, integer, integer, boolean);
DROP FUNCTION dynamo.scan_page(text, text, jsonb, jsonb, text, integer, jsonb, integer, integer, boolean, text);

CREATE FUNCTION dynamo.query(
    table_name text,
    key_condition_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    filter_expression text DEFAULT NULL,
    projection_expression text DEFAULT NULL,
    scan_index_forward boolean DEFAULT true,
    "limit" integer DEFAULT NULL,
    exclusive_start_key jsonb DEFAULT NULL,
    consistent_read boolean DEFAULT false,
    index_name text DEFAULT NULL)
RETURNS SETOF jsonb
AS 'MODULE_PATHNAME', 'dynamo_query_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.query IS
    'The items of one partition that match a key condition, in sort key order (Query), all pages; plain JSON';

CREATE FUNCTION dynamo.query_page(
    table_name text,
    key_condition_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    filter_expression text DEFAULT NULL,
    projection_expression text DEFAULT NULL,
    scan_index_forward boolean DEFAULT true,
    "limit" integer DEFAULT NULL,
    exclusive_start_key jsonb DEFAULT NULL,
    consistent_read boolean DEFAULT false,
    "select" text DEFAULT NULL,
    index_name text DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_query_page_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.query_page IS
    'One page of a Query: {"Items", "Count", "ScannedCount", "LastEvaluatedKey"}; plain JSON';

CREATE FUNCTION dynamo.scan(
    table_name text,
    filter_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    projection_expression text DEFAULT NULL,
    "limit" integer DEFAULT NULL,
    exclusive_start_key jsonb DEFAULT NULL,
    segment integer DEFAULT NULL,
    total_segments integer DEFAULT NULL,
    consistent_read boolean DEFAULT false,
    index_name text DEFAULT NULL)
RETURNS SETOF jsonb
AS 'MODULE_PATHNAME', 'dynamo_scan_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.scan IS
    'Every item of a table (or of one segment of it) that passes a filter (Scan), all pages; plain JSON';

CREATE FUNCTION dynamo.scan_page(
    table_name text,
    filter_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    projection_expression text DEFAULT NULL,
    "limit" integer DEFAULT NULL,
    exclusive_start_key jsonb DEFAULT NULL,
    segment integer DEFAULT NULL,
    total_segments integer DEFAULT NULL,
    consistent_read boolean DEFAULT false,
    "select" text DEFAULT NULL,
    index_name text DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_scan_page_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.scan_page IS
    'One page of a Scan: {"Items", "Count", "ScannedCount", "LastEvaluatedKey"}; plain JSON';
-- tableapi

-- Table settings, Time to Live, tags and on-demand backups (tableapi) ----

-- What UpdateTable changes besides indexes and streams, and Time to Live:
-- one row per table, created with it (a table without a row has the
-- defaults: on-demand, no TTL)
CREATE TABLE dynamo.table_settings (
    table_name              text COLLATE "C" PRIMARY KEY
                            REFERENCES dynamo.tables ON DELETE CASCADE,
    billing_mode            text NOT NULL DEFAULT 'PAY_PER_REQUEST'
                            CHECK (billing_mode IN ('PROVISIONED', 'PAY_PER_REQUEST')),
    read_capacity           bigint NOT NULL DEFAULT 0,
    write_capacity          bigint NOT NULL DEFAULT 0,
    last_increase           timestamptz,
    last_decrease           timestamptz,
    decreases_today         integer NOT NULL DEFAULT 0,
    pay_per_request_since   timestamptz,
    max_read_request_units  bigint,
    max_write_request_units bigint,
    table_class             text CHECK (table_class IN ('STANDARD', 'STANDARD_INFREQUENT_ACCESS')),
    table_class_updated     timestamptz,
    deletion_protection     boolean NOT NULL DEFAULT false,
    ttl_attribute           text,
    ttl_enabled             boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE dynamo.table_settings IS 'pg_dynamo catalog: billing mode, throughput, table class, deletion protection and Time to Live of each table';
SELECT pg_catalog.pg_extension_config_dump('dynamo.table_settings', '');
GRANT SELECT ON dynamo.table_settings TO PUBLIC;

-- Tags of tables (TagResource), in key order
CREATE TABLE dynamo.tags (
    table_name  text COLLATE "C" NOT NULL REFERENCES dynamo.tables ON DELETE CASCADE,
    key         text COLLATE "C" NOT NULL,
    value       text NOT NULL,
    PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE dynamo.tags IS 'pg_dynamo catalog: the tags of each table';
SELECT pg_catalog.pg_extension_config_dump('dynamo.tags', '');
GRANT SELECT ON dynamo.tags TO PUBLIC;

-- On-demand backups: the table's description when taken, and a copy of its
-- items in schema dynamo_backups (kept when the table is deleted)
CREATE SCHEMA dynamo_backups;
COMMENT ON SCHEMA dynamo_backups IS 'pg_dynamo on-demand backups: one table of items per backup';
CREATE TABLE dynamo.backups (
    backup_arn      text COLLATE "C" PRIMARY KEY,
    backup_name     text NOT NULL,
    table_name      text COLLATE "C" NOT NULL,
    table_id        uuid NOT NULL,
    table_arn       text NOT NULL,
    relation        regclass NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    size_bytes      bigint NOT NULL,
    item_count      bigint NOT NULL,
    description     jsonb NOT NULL
);
COMMENT ON TABLE dynamo.backups IS 'pg_dynamo catalog: on-demand backups (CreateBackup)';
SELECT pg_catalog.pg_extension_config_dump('dynamo.backups', '');
GRANT SELECT ON dynamo.backups TO PUBLIC;

CREATE FUNCTION dynamo.expire_items(table_name text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'dynamo_expire_items_sql'
LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION dynamo.expire_items IS 'Delete the items of a table whose Time to Live has passed; returns how many';

CREATE FUNCTION dynamo.update_time_to_live(table_name text, attribute_name text, enabled boolean DEFAULT true)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_update_time_to_live_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.update_time_to_live IS 'Enable or disable Time to Live on an attribute (UpdateTimeToLive)';

CREATE FUNCTION dynamo.update_table_settings(
    table_name text,
    billing_mode text DEFAULT NULL,
    read_capacity_units bigint DEFAULT NULL,
    write_capacity_units bigint DEFAULT NULL,
    deletion_protection boolean DEFAULT NULL,
    table_class text DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_update_table_settings_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.update_table_settings IS 'Change a table''s billing mode, throughput, deletion protection or table class; returns its TableDescription';

CREATE FUNCTION dynamo.tag_table(table_name text, tags jsonb)
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_tag_table_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.tag_table IS 'Add tags to a table, as {"key": "value", ...} (TagResource)';

CREATE FUNCTION dynamo.untag_table(table_name text, tag_keys text[])
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_untag_table_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.untag_table IS 'Remove tags from a table by key (UntagResource)';

CREATE FUNCTION dynamo.create_backup(table_name text, backup_name text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_create_backup_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.create_backup IS 'Back up a table''s items and definition (CreateBackup); returns its BackupDetails';

CREATE FUNCTION dynamo.restore_table_from_backup(target_table_name text, backup_arn text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_restore_table_from_backup_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.restore_table_from_backup IS 'Restore a backup as a new table (RestoreTableFromBackup); returns its TableDescription';
-- advisor

-- Access-pattern insight: explain, usage figures ----------------------------

CREATE FUNCTION dynamo.explain(operation text, request jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_explain'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.explain IS
    'What a request (DynamoDB JSON) would read or write and cost: access path, key range, estimates, capacity units, SQL, plan, warnings; runs nothing';

CREATE FUNCTION dynamo.usage_figures(
    OUT table_name text,
    OUT operation text,
    OUT access_key text,
    OUT calls bigint,
    OUT items_read bigint,
    OUT items_returned bigint,
    OUT bytes bigint,
    OUT read_units double precision,
    OUT write_units double precision,
    OUT estimated_cost double precision,
    OUT counted text,
    OUT since timestamptz)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dynamo_usage_figures'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.usage_figures IS
    'The rows of dynamo.usage';

CREATE VIEW dynamo.usage AS
    SELECT table_name, operation, access_key, calls, items_read, items_returned, bytes,
           read_units, write_units,
           round(estimated_cost::numeric, 9) AS estimated_cost_usd,
           counted, since
    FROM dynamo.usage_figures();
GRANT SELECT ON dynamo.usage TO PUBLIC;
COMMENT ON VIEW dynamo.usage IS
    'Calls, items, bytes, capacity units and on-demand cost per table, operation and access key (HTTP requests) since dynamo.usage_reset(); counted = server (all sessions, library preloaded) or session (this session only)';

CREATE FUNCTION dynamo.usage_reset()
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_usage_reset'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.usage_reset IS
    'Forget the usage figures (the server''s when preloaded, else the session''s)';
REVOKE EXECUTE ON FUNCTION dynamo.usage_reset() FROM PUBLIC;
-- streams

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
-- reliability
CREATE FUNCTION dynamo.item_is_canonical(item jsonb)
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_is_canonical'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_is_canonical(jsonb) IS
    'pg_dynamo: is the document an item in canonical stored form (types, tags, sorted unique sets, normalised numbers, canonical base64, U+0000 escape, 400 KB)?';
-- Every existing item table gets the item_canonical constraint.  It is added
-- NOT VALID and then validated; an item table holding items written by plain
-- SQL outside the stored form keeps the constraint unvalidated (new writes
-- are checked all the same) and the update says which table it is.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT table_name, relation FROM dynamo.tables ORDER BY table_name LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT item_canonical CHECK (dynamo.item_is_canonical(item)) NOT VALID', t.relation);
        BEGIN
            EXECUTE pg_catalog.format('ALTER TABLE %s VALIDATE CONSTRAINT item_canonical', t.relation);
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING 'pg_dynamo: table % holds items outside the stored form; constraint item_canonical left NOT VALID', t.table_name;
        END;
    END LOOP;
END
$$;

-- indexes2

-- Multi-attribute GSI keys --------------------------------------------------

-- The whole key schema of an index whose partition or sort key has more
-- than one attribute: [{"AttributeName", "KeyType", "AttributeType"}, ...]
-- in KeySchema order; partition_key and sort_key hold its first HASH and
-- first RANGE attribute.  NULL for an index of one HASH and one RANGE.
ALTER TABLE dynamo.indexes ADD COLUMN key_schema jsonb;
COMMENT ON COLUMN dynamo.indexes.key_schema IS 'KeySchema of a multi-attribute index, with attribute types; NULL otherwise';

-- polish

-- GSI provisioned throughput (polish) ---------------------------------------

-- ProvisionedThroughput given for a GSI at CreateTable or UpdateTable
-- Create (a PROVISIONED table's); 0 when none was given
ALTER TABLE dynamo.indexes
    ADD COLUMN read_capacity_units bigint NOT NULL DEFAULT 0,
    ADD COLUMN write_capacity_units bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN dynamo.indexes.read_capacity_units IS 'ReadCapacityUnits of a GSI of a PROVISIONED table; 0 otherwise';
COMMENT ON COLUMN dynamo.indexes.write_capacity_units IS 'WriteCapacityUnits of a GSI of a PROVISIONED table; 0 otherwise';

-- GSI OnDemandThroughput (conftables) ---------------------------------------

-- MaxReadRequestUnits and MaxWriteRequestUnits an UpdateTable Update action
-- gave a GSI of a PAY_PER_REQUEST table; NULL: no maximum
ALTER TABLE dynamo.indexes
    ADD COLUMN max_read_request_units bigint,
    ADD COLUMN max_write_request_units bigint;
COMMENT ON COLUMN dynamo.indexes.max_read_request_units IS 'MaxReadRequestUnits of a GSI of a PAY_PER_REQUEST table; NULL: none';
COMMENT ON COLUMN dynamo.indexes.max_write_request_units IS 'MaxWriteRequestUnits of a GSI of a PAY_PER_REQUEST table; NULL: none';

-- httpperf
CREATE FUNCTION dynamo.item_key_matches(item jsonb, attribute text, key "any")
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_key_matches'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_key_matches(jsonb, text, "any") IS
    'pg_dynamo: does the item hold the key column''s value as that attribute (item -> attribute = to_jsonb(key); for a binary key, decode(item -> attribute ->> ''$B'', ''base64'') = key)?';
CREATE FUNCTION dynamo.item_key_matches(item jsonb, attribute text, key "any",
                                        sort_attribute text, sort_key "any")
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_key_matches'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_key_matches(jsonb, text, "any", text, "any") IS
    'pg_dynamo: item_key_matches(item, attribute, key) AND item_key_matches(item, sort_attribute, sort_key), in one call';
-- Every existing item table's item_key_matches constraint becomes the same
-- check through that function (it admits exactly the rows it admitted).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT relation, partition_key, sort_key FROM dynamo.tables ORDER BY table_name LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT item_key_matches,'
                                  ' ADD CONSTRAINT item_key_matches CHECK (dynamo.item_key_matches(item, %L, pk%s))',
                                  t.relation, t.partition_key,
                                  CASE WHEN t.sort_key IS NULL THEN ''
                                       ELSE pg_catalog.format(', %L, sk', t.sort_key) END);
    END LOOP;
END
$$;
