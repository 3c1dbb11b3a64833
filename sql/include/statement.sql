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
--
CREATE FUNCTION pg_temp.statement_error(sql text, OUT state text, OUT message text, OUT detail text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE sql;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
END $$;
CREATE FUNCTION pg_temp.exception_of(state text) RETURNS text LANGUAGE sql AS $$
    SELECT e.exception FROM dynamo.exceptions() AS e WHERE e.sqlstate = state
$$;
\if :{?try_detail}
CREATE FUNCTION pg_temp.err(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(state || ': ' || message || coalesce(E'\n' || nullif(detail, ''), ''), 'no error')
    FROM pg_temp.statement_error(sql)
$$;
\else
CREATE FUNCTION pg_temp.err(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(state || ': ' || message, 'no error') FROM pg_temp.statement_error(sql)
$$;
\endif
\if :{?error_of_short}
CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(state || ': ' || left(message, 60) || ' ... ' || right(message, 120), 'ok')
    FROM pg_temp.statement_error(sql)
$$;
\else
CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(state || ': ' || message, 'ok') FROM pg_temp.statement_error(sql)
$$;
\endif
\if :{?outcome_message}
CREATE FUNCTION pg_temp.outcome(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN state IS NULL THEN 'ok'
                ELSE state || ' ' || coalesce(pg_temp.exception_of(state), '') || ': ' || message END
    FROM pg_temp.statement_error(sql)
$$;
\else
CREATE FUNCTION pg_temp.outcome(sql text) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN state IS NULL THEN 'ok'
                ELSE state || coalesce(' ' || pg_temp.exception_of(state), '') END
    FROM pg_temp.statement_error(sql)
$$;
\endif
\set ECHO :statement_echo
