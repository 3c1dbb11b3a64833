--
-- errors: every DynamoDB exception has its own SQLSTATE (class DY), the
-- DynamoDB message as errmsg; callers catch them by SQLSTATE.
--
-- (psql's VERBOSITY verbose would also print the C source file and line of
-- each error, which change with every edit of the sources; VERBOSITY
-- sqlstate and GET STACKED DIAGNOSTICS show the SQLSTATE instead.)
--

SELECT * FROM dynamo.exceptions();
-- one SQLSTATE per exception, all in class DY
SELECT count(*) AS exceptions, count(DISTINCT sqlstate) AS sqlstates,
       bool_and(sqlstate LIKE 'DY___') AS all_class_dy,
       bool_and(type LIKE '%#' || exception) AS types_name_exceptions
FROM dynamo.exceptions();

SELECT dynamo.create_table('err_t', 'pk') IS NOT NULL AS created;

-- The SQLSTATE alone
\set VERBOSITY sqlstate
SELECT dynamo.get_item('err_t', '{"pk": 1}');
SELECT dynamo.describe_table('err_missing');
SELECT dynamo.create_table('err_t', 'pk');
SELECT dynamo.execute('PutItem', '[]');
SELECT dynamo.execute('NoSuchOperation', '{}');
\set VERBOSITY default

-- SQLSTATE and message together, as a caller sees them
CREATE FUNCTION pg_temp.diagnose(sql text) RETURNS TABLE (sqlstate text, exception text, message text)
LANGUAGE plpgsql AS $$
DECLARE
    state text;
    msg text;
BEGIN
    EXECUTE sql;
    RETURN;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    RETURN QUERY SELECT state, e.exception, msg FROM dynamo.exceptions() AS e WHERE e.sqlstate = state;
END $$;
SELECT * FROM pg_temp.diagnose($$SELECT dynamo.put_item('err_t', '{"pk": 1}')$$);
SELECT * FROM pg_temp.diagnose($$SELECT dynamo.get_item('err_missing', '{"pk": "a"}')$$);
SELECT * FROM pg_temp.diagnose($$SELECT dynamo.execute('CreateTable', '{"TableName": "err_t", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}')$$);
SELECT * FROM pg_temp.diagnose($$SELECT dynamo.execute('GetItem', '{"TableName": "err_t", "Key": {"pk": {"S": {}}}}')$$);
SELECT * FROM pg_temp.diagnose($$SELECT dynamo.execute('DescribeTables', '{}')$$);

-- Catching one exception by its SQLSTATE in PL/pgSQL
DO $$
BEGIN
    PERFORM dynamo.describe_table('err_missing');
    RAISE EXCEPTION 'not reached';
EXCEPTION WHEN SQLSTATE 'DY002' THEN
    RAISE NOTICE 'caught % (ResourceNotFoundException): %', SQLSTATE, SQLERRM;
END $$;
-- ...while other exceptions pass through that handler
DO $$
BEGIN
    PERFORM dynamo.create_table('err_t', 'pk');
EXCEPTION WHEN SQLSTATE 'DY002' THEN
    RAISE NOTICE 'not reached';
END $$;
-- a create-if-missing written with the SQLSTATE of ResourceInUseException
DO $$
BEGIN
    PERFORM dynamo.create_table('err_t', 'pk');
EXCEPTION WHEN SQLSTATE 'DY003' THEN
    RAISE NOTICE 'err_t exists already';
END $$;
-- a failed operation inside a caught block leaves no trace
DO $$
BEGIN
    BEGIN
        PERFORM dynamo.put_item('err_t', '{"pk": "kept"}');
        PERFORM dynamo.put_item('err_t', '{"pk": "undone"}');
        PERFORM dynamo.put_item('err_t', '{"pk": 42}');
    EXCEPTION WHEN SQLSTATE 'DY001' THEN
        RAISE NOTICE 'ValidationException: %', SQLERRM;
    END;
END $$;
SELECT pk FROM dynamo_data.err_t ORDER BY pk;

SELECT dynamo.delete_table('err_t') ->> 'TableStatus' AS status;
