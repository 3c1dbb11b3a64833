
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
