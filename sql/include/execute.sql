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
-- It reads sql/include/statement.sql too (its pg_temp.err, error_of and
-- outcome for SQL statements), whose error formats these share.
--
\i sql/include/statement.sql
CREATE FUNCTION pg_temp.execute_or_error(op text, req jsonb, form text) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.statement_or_error(format('SELECT dynamo.execute(%L, %L::jsonb)::text', op, req), NULL, form)
$$;
CREATE FUNCTION pg_temp.try(op text, req jsonb, with_detail boolean DEFAULT :{?try_detail})
RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.execute_or_error(op, req, CASE WHEN with_detail THEN 'named detail' ELSE 'named' END)
$$;
CREATE FUNCTION pg_temp.v(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.try(op, req)
$$;
CREATE FUNCTION pg_temp.x(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.execute_or_error(op, req, 'message')
$$;
\set ECHO :execute_echo
