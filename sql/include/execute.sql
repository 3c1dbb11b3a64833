\set execute_echo :ECHO \set ECHO none
--
-- The helpers of the tests that call execute(), read in by a test's header
-- with `\i sql/include/execute.sql` (pg_regress runs psql from the top
-- folder, its script on standard input); not echoed, so a test's expected
-- output shows only the \i line.  A request's response as text, or its
-- error as one line, so that a test lists both:
--   pg_temp.try(op, req), pg_temp.v(op, req): "Exception: message", the
--     exception named as dynamo.exceptions() names it; with the psql
--     variable try_detail set before the \i (`\set try_detail on`), the
--     error's detail follows on a line of its own
--   pg_temp.x(op, req): "SQLSTATE: message"
--
CREATE FUNCTION pg_temp.execute_or_error(op text, req jsonb, named boolean, with_detail boolean)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text;
    msg text;
    detail text;
BEGIN
    RETURN dynamo.execute(op, req)::text;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
    IF named THEN
        state := coalesce((SELECT e.exception FROM dynamo.exceptions() e WHERE e.sqlstate = state), state);
    END IF;
    IF with_detail THEN
        msg := msg || coalesce(E'\n' || nullif(detail, ''), '');
    END IF;
    RETURN state || ': ' || msg;
END $$;
\if :{?try_detail}
CREATE FUNCTION pg_temp.try(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.execute_or_error(op, req, true, true)
$$;
\else
CREATE FUNCTION pg_temp.try(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.execute_or_error(op, req, true, false)
$$;
\endif
CREATE FUNCTION pg_temp.v(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.try(op, req)
$$;
CREATE FUNCTION pg_temp.x(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.execute_or_error(op, req, false, false)
$$;
\set ECHO :execute_echo
