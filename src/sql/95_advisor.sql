
-- Access-pattern insight: explain, usage figures ----------------------------

CREATE FUNCTION dynamo.explain(operation text, request jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_explain'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.explain IS
    'What a request (DynamoDB JSON) would read or write and cost: access path, key range, estimates, capacity units, SQL, plan, warnings; runs nothing';

CREATE FUNCTION dynamo.usage_figures(
    OUT table_name text,
    OUT operation text,
    OUT access_key text,
    OUT calls bigint,
    OUT items_read bigint,
    OUT items_returned bigint,
    OUT bytes bigint,
    OUT read_units double precision,
    OUT write_units double precision,
    OUT estimated_cost double precision,
    OUT counted text,
    OUT since timestamptz)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dynamo_usage_figures'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.usage_figures IS
    'The rows of dynamo.usage';

CREATE VIEW dynamo.usage AS
    SELECT table_name, operation, access_key, calls, items_read, items_returned, bytes,
           read_units, write_units,
           round(estimated_cost::numeric, 9) AS estimated_cost_usd,
           counted, since
    FROM dynamo.usage_figures();
GRANT SELECT ON dynamo.usage TO PUBLIC;
COMMENT ON VIEW dynamo.usage IS
    'Calls, items, bytes, capacity units and on-demand cost per table, operation and access key (HTTP requests) since dynamo.usage_reset(); counted = server (all sessions, library preloaded) or session (this session only)';

CREATE FUNCTION dynamo.usage_reset()
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_usage_reset'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.usage_reset IS
    'Forget the usage figures (the server''s when preloaded, else the session''s)';
REVOKE EXECUTE ON FUNCTION dynamo.usage_reset() FROM PUBLIC;
