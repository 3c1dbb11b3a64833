
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

CREATE FUNCTION dynamo.to_sql(operation text, request jsonb)
RETURNS text
AS 'MODULE_PATHNAME', 'dynamo_to_sql'
LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION dynamo.to_sql(text, jsonb) IS
    'The plain SQL over the item table equivalent to a Query or Scan request (DynamoDB JSON), to compare, run or EXPLAIN';
