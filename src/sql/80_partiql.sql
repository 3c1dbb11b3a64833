
-- PartiQL ---------------------------------------------------------------

CREATE FUNCTION dynamo.partiql(statement text, parameters jsonb DEFAULT NULL)
RETURNS SETOF jsonb
AS 'MODULE_PATHNAME', 'dynamo_partiql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.partiql(text, jsonb) IS
    'Run one PartiQL statement (DynamoDB''s dialect); the items it reads or returns, plain JSON; parameters: a JSON array for the ? placeholders';
