
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
