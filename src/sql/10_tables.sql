
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
