
-- Items ----------------------------------------------------------------

CREATE FUNCTION dynamo.put_item(
    table_name text,
    item jsonb,
    return_values text DEFAULT 'NONE')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_put_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.put_item IS 'Write a whole item, replacing any with its key (PutItem); plain JSON';

CREATE FUNCTION dynamo.get_item(
    table_name text,
    key jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_get_item_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.get_item IS 'Read an item by key (GetItem); NULL when there is none';

CREATE FUNCTION dynamo.delete_item(
    table_name text,
    key jsonb,
    return_values text DEFAULT 'NONE')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_delete_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.delete_item IS 'Delete an item by key (DeleteItem)';

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
