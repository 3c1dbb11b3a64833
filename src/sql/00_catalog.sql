-- pg_dynamo install script, assembled from src/sql/*.sql in name order.
\echo Use "CREATE EXTENSION pg_dynamo" to load this file. \quit

-- Item tables live here: one PostgreSQL table per DynamoDB table.
CREATE SCHEMA dynamo_data;
COMMENT ON SCHEMA dynamo_data IS 'pg_dynamo item tables: one table per DynamoDB table (pk, sk, item jsonb)';

-- The catalog of DynamoDB tables: key schema and creation time.
CREATE TABLE dynamo.tables (
    table_name          text COLLATE "C" PRIMARY KEY,
    relation            regclass NOT NULL UNIQUE,
    partition_key       text NOT NULL,
    partition_key_type  "char" NOT NULL CHECK (partition_key_type IN ('S', 'N', 'B')),
    sort_key            text,
    sort_key_type       "char" CHECK (sort_key_type IN ('S', 'N', 'B')),
    created_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    table_id            uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    CHECK ((sort_key IS NULL) = (sort_key_type IS NULL))
);
COMMENT ON TABLE dynamo.tables IS 'pg_dynamo catalog: one row per DynamoDB table';
SELECT pg_catalog.pg_extension_config_dump('dynamo.tables', '');
GRANT USAGE ON SCHEMA dynamo TO PUBLIC;
GRANT USAGE ON SCHEMA dynamo_data TO PUBLIC;
GRANT SELECT ON dynamo.tables TO PUBLIC;

-- DynamoDB exceptions and their SQLSTATEs (class DY) and HTTP status.
CREATE FUNCTION dynamo.exceptions(
    OUT exception text, OUT sqlstate text, OUT http_status integer, OUT type text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dynamo_exceptions'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
