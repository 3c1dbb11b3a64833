-- pg_dynamo 0.1.0 -> 0.2.0
--
-- Every change to the extension's SQL objects made after 0.1.0 goes here as
-- well as into the install script's pieces (src/sql/NN_*.sql), so that an
-- upgraded database and a fresh install hold the same objects (the upgrade
-- regression test compares them).

\echo Use "ALTER EXTENSION pg_dynamo UPDATE TO '0.2.0'" to load this file. \quit

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
