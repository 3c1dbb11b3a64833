
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
