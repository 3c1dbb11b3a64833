-- pg_dynamo 0.1.0 -> 0.2.0
--
-- Every change to the extension's SQL objects made after 0.1.0 goes here as
-- well as into the install script's pieces (src/sql/NN_*.sql), so that an
-- upgraded database and a fresh install hold the same objects (the upgrade
-- regression test compares them).

\echo Use "ALTER EXTENSION pg_dynamo UPDATE TO '0.2.0'" to load this file. \quit

-- partiql
CREATE FUNCTION dynamo.partiql(statement text, parameters jsonb DEFAULT NULL)
RETURNS SETOF jsonb
AS 'MODULE_PATHNAME', 'dynamo_partiql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.partiql(text, jsonb) IS
    'Run one PartiQL statement (DynamoDB''s dialect); the items it reads or returns, plain JSON; parameters: a JSON array for the ? placeholders';
