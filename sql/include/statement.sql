\set statement_echo :ECHO \set ECHO none
--
-- The helpers of the tests that run a SQL statement to see its error, read
-- in by a test's header with `\i sql/include/statement.sql` (not echoed, as
-- sql/include/execute.sql is).  A statement's error as one line:
--   pg_temp.err(sql): 'no error', or "SQLSTATE: message"; with the psql
--     variable try_detail set before the \i (`\set try_detail on`, as for
--     execute.sql), the error's detail follows on a line of its own
--   pg_temp.error_of(sql): 'ok', or "SQLSTATE: message"; with error_of_short
--     set, a message that echoes a long request is cut to its first 60 and
--     last 120 characters
--   pg_temp.outcome(sql): 'ok', or the SQLSTATE and the exception that
--     dynamo.exceptions() names; with outcome_message set, then ": message"
-- pg_temp.statement_or_error(sql, ok, form) is what they share: ok when the
-- statement succeeds (NULL: the statement's value), else the error in one
-- of the forms below.  sql/include/execute.sql reads this file: a test that
-- reads that one has these helpers too.
--
CREATE FUNCTION pg_temp.statement_or_error(sql text, ok text, form text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text;
    msg text;
    detail text;
    result text;
BEGIN
    IF ok IS NULL THEN
        EXECUTE sql INTO result;
        RETURN result;
    END IF;
    EXECUTE sql;
    RETURN ok;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
    RETURN CASE form
        WHEN 'message' THEN state || ': ' || msg
        WHEN 'detail' THEN state || ': ' || msg || coalesce(E'\n' || nullif(detail, ''), '')
        WHEN 'short' THEN state || ': ' || left(msg, 60) || ' ... ' || right(msg, 120)
        WHEN 'exception' THEN state || coalesce(' ' || pg_temp.exception_of(state), '')
        WHEN 'exception message' THEN state || ' ' || coalesce(pg_temp.exception_of(state), '') || ': ' || msg
        WHEN 'named' THEN coalesce(pg_temp.exception_of(state), state) || ': ' || msg
        WHEN 'named detail' THEN coalesce(pg_temp.exception_of(state), state) || ': ' || msg
                                 || coalesce(E'\n' || nullif(detail, ''), '')
    END;
END $$;
CREATE FUNCTION pg_temp.exception_of(state text) RETURNS text LANGUAGE sql AS $$
    SELECT e.exception FROM dynamo.exceptions() AS e WHERE e.sqlstate = state
$$;
-- The variants are chosen by the psql variables, :{?name} being TRUE when
-- the test set them before the \i
CREATE FUNCTION pg_temp.err(sql text, with_detail boolean DEFAULT :{?try_detail})
RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.statement_or_error(sql, 'no error', CASE WHEN with_detail THEN 'detail' ELSE 'message' END)
$$;
CREATE FUNCTION pg_temp.error_of(sql text, short boolean DEFAULT :{?error_of_short})
RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.statement_or_error(sql, 'ok', CASE WHEN short THEN 'short' ELSE 'message' END)
$$;
CREATE FUNCTION pg_temp.outcome(sql text, with_message boolean DEFAULT :{?outcome_message})
RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.statement_or_error(sql, 'ok', CASE WHEN with_message THEN 'exception message' ELSE 'exception' END)
$$;
\set ECHO :statement_echo
