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

-- Tables ---------------------------------------------------------------

CREATE FUNCTION dynamo.create_table(
    table_name text,
    partition_key text,
    partition_key_type text DEFAULT 'S',
    sort_key text DEFAULT NULL,
    sort_key_type text DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_create_table_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.create_table IS 'Create a DynamoDB table (CreateTable); returns its TableDescription';

CREATE FUNCTION dynamo.delete_table(table_name text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_delete_table_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.delete_table IS 'Delete a DynamoDB table and its items (DeleteTable)';

CREATE FUNCTION dynamo.describe_table(table_name text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_describe_table_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.describe_table IS 'TableDescription of a DynamoDB table (DescribeTable)';

CREATE FUNCTION dynamo.list_tables()
RETURNS SETOF text
AS 'MODULE_PATHNAME', 'dynamo_list_tables_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.list_tables IS 'Names of all DynamoDB tables, in byte order (ListTables)';

-- Items ----------------------------------------------------------------

CREATE FUNCTION dynamo.put_item(
    table_name text,
    item jsonb,
    condition_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    return_values text DEFAULT 'NONE',
    return_values_on_condition_check_failure text DEFAULT 'NONE')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_put_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.put_item IS 'Write a whole item, replacing any with its key (PutItem); plain JSON';

CREATE FUNCTION dynamo.get_item(
    table_name text,
    key jsonb,
    projection_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    consistent_read boolean DEFAULT false)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_get_item_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.get_item IS 'Read an item by key (GetItem); NULL when there is none';

CREATE FUNCTION dynamo.delete_item(
    table_name text,
    key jsonb,
    condition_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    return_values text DEFAULT 'NONE',
    return_values_on_condition_check_failure text DEFAULT 'NONE')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_delete_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.delete_item IS 'Delete an item by key (DeleteItem)';

CREATE FUNCTION dynamo.update_item(
    table_name text,
    key jsonb,
    update_expression text DEFAULT NULL,
    condition_expression text DEFAULT NULL,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL,
    return_values text DEFAULT 'NONE',
    return_values_on_condition_check_failure text DEFAULT 'NONE')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_update_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.update_item IS 'Edit an item with an update expression, creating it when missing (UpdateItem)';

-- Conversion between plain JSON items and DynamoDB's typed JSON
CREATE FUNCTION dynamo.marshall(item jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_marshall'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.marshall IS 'Plain JSON item to DynamoDB typed JSON ({"Age":30} -> {"Age":{"N":"30"}})';

CREATE FUNCTION dynamo.unmarshall(item jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_unmarshall'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.unmarshall IS 'DynamoDB typed JSON item to plain JSON ({"Age":{"N":"30"}} -> {"Age":30})';

-- DynamoDB's operations with DynamoDB's request and response shapes
CREATE FUNCTION dynamo.execute(operation text, request jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_execute'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.execute IS 'Run a DynamoDB operation: request and response in DynamoDB''s JSON';

CREATE FUNCTION dynamo.execute_text(operation text, request text)
RETURNS text
AS 'MODULE_PATHNAME', 'dynamo_execute_text'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.execute_text IS 'dynamo.execute over JSON text, for strings holding U+0000';

-- DynamoDB's expression languages on plain-JSON items (see src/expr/).
CREATE FUNCTION dynamo.eval_condition(
    item jsonb,
    condition_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL)
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_eval_condition'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.eval_condition(jsonb, text, jsonb, jsonb) IS
    'Does a plain-JSON item (NULL: no item) satisfy a DynamoDB condition expression?';

CREATE FUNCTION dynamo.apply_update(
    item jsonb,
    update_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_apply_update'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.apply_update(jsonb, text, jsonb, jsonb) IS
    'A plain-JSON item (NULL: none yet) after a DynamoDB update expression';

CREATE FUNCTION dynamo.project(
    item jsonb,
    projection_expression text,
    expression_attribute_names jsonb DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_project'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.project(jsonb, text, jsonb) IS
    'The attributes of a plain-JSON item that a DynamoDB projection expression names';

-- Query and Scan ---------------------------------------------------------

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
    consistent_read boolean DEFAULT false)
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
    "select" text DEFAULT NULL)
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
    consistent_read boolean DEFAULT false)
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
    "select" text DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_scan_page_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.scan_page IS
    'One page of a Scan: {"Items", "Count", "ScannedCount", "LastEvaluatedKey"}; plain JSON';

CREATE FUNCTION dynamo.to_sql(operation text, request jsonb)
RETURNS text
AS 'MODULE_PATHNAME', 'dynamo_to_sql'
LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION dynamo.to_sql(text, jsonb) IS
    'The plain SQL over the item table equivalent to a Query or Scan request (DynamoDB JSON), to compare, run or EXPLAIN';

-- Batch and transactional operations ----------------------------------

-- ClientRequestToken of TransactWriteItems: a retry within 10 minutes gets
-- the first response.  Rows are written in the caller's transaction; each
-- role sees only its own tokens.
CREATE TABLE dynamo.transaction_tokens (
    requester     name NOT NULL DEFAULT CURRENT_USER,
    token         text NOT NULL,
    request_hash  bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    response      jsonb,
    PRIMARY KEY (requester, token)
);
CREATE INDEX transaction_tokens_created_at ON dynamo.transaction_tokens (created_at);
COMMENT ON TABLE dynamo.transaction_tokens IS 'pg_dynamo: ClientRequestToken of TransactWriteItems, kept 10 minutes';
ALTER TABLE dynamo.transaction_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_tokens ON dynamo.transaction_tokens
    USING (requester = CURRENT_USER) WITH CHECK (requester = CURRENT_USER);
GRANT SELECT, INSERT, UPDATE, DELETE ON dynamo.transaction_tokens TO PUBLIC;

CREATE FUNCTION dynamo.batch_get_item(request_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_batch_get_item_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.batch_get_item IS 'Read up to 100 items of any tables (BatchGetItem); {"Responses":{...},"UnprocessedKeys":{...}}, plain JSON';

CREATE FUNCTION dynamo.batch_write_item(request_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_batch_write_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.batch_write_item IS 'Put or delete up to 25 items of any tables (BatchWriteItem); plain JSON';

CREATE FUNCTION dynamo.transact_get_items(transact_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_transact_get_items_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.transact_get_items IS 'Read up to 100 items from one snapshot (TransactGetItems); an array of items or nulls, in request order';

CREATE FUNCTION dynamo.transact_write_items(
    transact_items jsonb,
    client_request_token text DEFAULT NULL)
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_transact_write_items_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.transact_write_items IS 'Apply up to 100 condition checks, puts, updates and deletes all or nothing (TransactWriteItems); plain JSON';
