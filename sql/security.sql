--
-- security: PostgreSQL privileges decide what a role may do with the items
-- (the functions are SECURITY INVOKER), row-level security applies, and a
-- hostile search_path changes nothing.
--
-- An error as one line (SQLSTATE: message)
\i sql/include/statement.sql

SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_dynamo_nobody;
DROP ROLE IF EXISTS regress_dynamo_user;
DROP SCHEMA IF EXISTS regress_dynamo_evil CASCADE;
RESET client_min_messages;

-- errors as their message alone: the statements pg_dynamo runs inside are
-- its own business (and name OIDs)
\set VERBOSITY terse

CREATE ROLE regress_dynamo_nobody NOLOGIN;
CREATE ROLE regress_dynamo_user NOLOGIN;

SELECT dynamo.create_table('sec_t', 'pk') IS NOT NULL AS created;
SELECT dynamo.put_item('sec_t', '{"pk": "pub1", "v": 1}');
SELECT dynamo.put_item('sec_t', '{"pk": "secret", "v": 2}');
-- warm this backend's caches (metadata and plans) as the superuser first
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}') AS got;

------------------------------------------------------------------------
-- All functions run with the caller's rights
------------------------------------------------------------------------
SELECT count(*) FILTER (WHERE prosecdef) AS security_definer,
       count(*) FILTER (WHERE proconfig IS NOT NULL) AS with_settings
FROM pg_proc WHERE pronamespace = 'dynamo'::regnamespace;

------------------------------------------------------------------------
-- A role without privileges on the item table
------------------------------------------------------------------------
SET ROLE regress_dynamo_nobody;
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}');
SELECT dynamo.put_item('sec_t', '{"pk": "pub2"}');
SELECT dynamo.delete_item('sec_t', '{"pk": "pub1"}');
SELECT dynamo.execute('GetItem', '{"TableName": "sec_t", "Key": {"pk": {"S": "pub1"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "sec_t", "Item": {"pk": {"S": "pub2"}}}');
SELECT pg_temp.err($$SELECT dynamo.create_table('sec_new', 'pk')$$) AS create_table;
SELECT dynamo.delete_table('sec_t');
SELECT * FROM dynamo_data.sec_t;
INSERT INTO dynamo.tables (table_name, relation, partition_key, partition_key_type)
VALUES ('sec_forged', 'pg_class', 'pk', 'S');
-- the errors carry PostgreSQL's SQLSTATE for privileges
\set VERBOSITY sqlstate
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}');
SELECT dynamo.put_item('sec_t', '{"pk": "pub2"}');
\set VERBOSITY terse
-- the catalog itself is readable: table names are no secret
SELECT t FROM dynamo.list_tables() AS t WHERE t LIKE 'sec\_%';
RESET ROLE;
SELECT dynamo.get_item('sec_t', '{"pk": "pub2"}') IS NULL AS nothing_written;
SELECT count(*) AS tables FROM dynamo.tables WHERE table_name IN ('sec_new', 'sec_forged');

------------------------------------------------------------------------
-- Privileges granted one by one
------------------------------------------------------------------------
GRANT SELECT ON dynamo_data.sec_t TO regress_dynamo_user;
SET ROLE regress_dynamo_user;
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}') AS got;
SELECT dynamo.execute('GetItem', '{"TableName": "sec_t", "Key": {"pk": {"S": "pub1"}}}') AS response;
SELECT dynamo.put_item('sec_t', '{"pk": "pub2"}');
SELECT dynamo.delete_item('sec_t', '{"pk": "pub1"}');
RESET ROLE;
GRANT INSERT, UPDATE ON dynamo_data.sec_t TO regress_dynamo_user;
SET ROLE regress_dynamo_user;
SELECT dynamo.put_item('sec_t', '{"pk": "pub2", "v": 3}');
SELECT dynamo.put_item('sec_t', '{"pk": "pub2", "v": 4}', return_values => 'ALL_OLD') AS old;
SELECT dynamo.delete_item('sec_t', '{"pk": "pub2"}');
RESET ROLE;
GRANT DELETE ON dynamo_data.sec_t TO regress_dynamo_user;
SET ROLE regress_dynamo_user;
SELECT dynamo.delete_item('sec_t', '{"pk": "pub2"}', return_values => 'ALL_OLD') AS deleted;
SELECT dynamo.get_item('sec_t', '{"pk": "pub2"}') IS NULL AS gone;
RESET ROLE;

------------------------------------------------------------------------
-- Row-level security on an item table applies to every door
------------------------------------------------------------------------
ALTER TABLE dynamo_data.sec_t ENABLE ROW LEVEL SECURITY;
CREATE POLICY sec_t_public ON dynamo_data.sec_t TO regress_dynamo_user USING (pk LIKE 'pub%');
-- the superuser still sees everything
SELECT dynamo.get_item('sec_t', '{"pk": "secret"}') AS got;
SET ROLE regress_dynamo_user;
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}') AS got;
SELECT dynamo.get_item('sec_t', '{"pk": "secret"}') IS NULL AS hidden;
-- a Query too (it takes the statement, where the policy applies)
SELECT count(*) AS queried_hidden FROM dynamo.query('sec_t', 'pk = :p', expression_attribute_values => '{":p": "secret"}');
SELECT count(*) AS queried_public FROM dynamo.query('sec_t', 'pk = :p', expression_attribute_values => '{":p": "pub1"}');
SELECT dynamo.execute('GetItem', '{"TableName": "sec_t", "Key": {"pk": {"S": "secret"}}}') AS response;
SELECT dynamo.delete_item('sec_t', '{"pk": "secret"}', return_values => 'ALL_OLD') IS NULL AS not_deleted;
SELECT dynamo.put_item('sec_t', '{"pk": "secret", "v": 99}');
RESET ROLE;
SELECT dynamo.get_item('sec_t', '{"pk": "secret"}') AS still_there;

------------------------------------------------------------------------
-- A hostile search_path: look-alike operators, functions and tables in a
-- schema searched before pg_catalog
------------------------------------------------------------------------
CREATE SCHEMA regress_dynamo_evil;
CREATE FUNCTION regress_dynamo_evil.always(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR regress_dynamo_evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_dynamo_evil.always);
CREATE OPERATOR regress_dynamo_evil.> (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_dynamo_evil.always);
CREATE OPERATOR regress_dynamo_evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_dynamo_evil.always);
CREATE FUNCTION regress_dynamo_evil.nalways(numeric, numeric) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR regress_dynamo_evil.= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = regress_dynamo_evil.nalways);
CREATE FUNCTION regress_dynamo_evil.now() RETURNS timestamptz LANGUAGE sql AS $$SELECT '2000-01-01 00:00:00+00'::timestamptz$$;
CREATE FUNCTION regress_dynamo_evil.hashtext(text) RETURNS integer LANGUAGE sql AS 'SELECT 42';
CREATE FUNCTION regress_dynamo_evil.pg_advisory_xact_lock(bigint) RETURNS void LANGUAGE plpgsql AS
    $$BEGIN RAISE EXCEPTION 'evil pg_advisory_xact_lock called'; END$$;
CREATE AGGREGATE regress_dynamo_evil.count(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '666');
CREATE FUNCTION regress_dynamo_evil.pg_table_size(regclass) RETURNS bigint LANGUAGE sql AS 'SELECT 666::bigint';
CREATE TABLE regress_dynamo_evil.tables (LIKE dynamo.tables INCLUDING DEFAULTS);
INSERT INTO regress_dynamo_evil.tables (table_name, relation, partition_key, partition_key_type)
VALUES ('sec_evil', 'pg_class', 'oops', 'N'), ('sec_t', 'pg_class', 'oops', 'N');
CREATE TABLE regress_dynamo_evil.sec_t (pk text, item jsonb);
INSERT INTO regress_dynamo_evil.sec_t VALUES ('pub1', '{"pk": "evil"}');
SET search_path = regress_dynamo_evil, pg_catalog, public;
-- the look-alikes are in force for plain SQL...
SELECT 'a' = 'b' AS evil_equals, now() = '2000-01-01 00:00:00+00' AS evil_now, count(*) AS evil_count FROM (VALUES (1)) AS v;
-- ...but not inside pg_dynamo
SELECT dynamo.get_item('sec_t', '{"pk": "nobody"}') IS NULL AS missing;
SELECT dynamo.get_item('sec_t', '{"pk": "pub1"}') AS got;
SELECT dynamo.put_item('sec_t', '{"pk": "pub3", "v": 5}', return_values => 'ALL_OLD') IS NULL AS new_item;
SELECT dynamo.delete_item('sec_t', '{"pk": "pub3"}', return_values => 'ALL_OLD') AS deleted;
SELECT t FROM dynamo.list_tables() AS t WHERE t LIKE 'sec\_%';
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "sec_a", "Limit": 1}') -> 'TableNames' AS page;
SELECT dynamo.create_table('sec_evil', 'k', 'S') -> 'KeySchema' AS key_schema;
SELECT d ->> 'TableName' AS name, d -> 'ItemCount' AS items, d -> 'KeySchema' AS key_schema,
       (d ->> 'CreationDateTime')::numeric > 946684800 AS created_now
FROM dynamo.describe_table('sec_t') AS d;
SELECT dynamo.put_item('sec_evil', '{"k": "x"}');
SELECT dynamo.get_item('sec_evil', '{"k": "x"}') AS got;
SELECT dynamo.delete_table('sec_evil') ->> 'TableStatus' AS status;
RESET search_path;
SELECT table_name, partition_key, partition_key_type FROM dynamo.tables WHERE table_name LIKE 'sec\_%' ORDER BY 1;

------------------------------------------------------------------------
-- Clean up (roles are cluster-wide)
------------------------------------------------------------------------
SELECT dynamo.delete_table('sec_t') ->> 'TableStatus' AS status;
DROP SCHEMA regress_dynamo_evil CASCADE;
DROP ROLE regress_dynamo_nobody;
DROP ROLE regress_dynamo_user;
