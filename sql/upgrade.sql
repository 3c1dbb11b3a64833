--
-- upgrade: 0.1.0 as released, items written, ALTER EXTENSION UPDATE, the
-- items read back unchanged, and the upgraded objects equal to a fresh
-- install's (in a database of its own, so the other tests' is untouched).
--
SET client_min_messages = warning;
DROP DATABASE IF EXISTS dynamo_upgrade;
CREATE DATABASE dynamo_upgrade;
\c dynamo_upgrade
SET client_min_messages = warning;
CREATE EXTENSION pg_dynamo VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'pg_dynamo';
SELECT dynamo.create_table('Upgraded', partition_key => 'Id', sort_key => 'At', sort_key_type => 'N') IS NOT NULL AS created;
SELECT dynamo.put_item('Upgraded', jsonb_build_object('Id', 'u' || i % 3, 'At', i, 'Name', 'item ' || i,
                       'Tags', jsonb_build_object('$SS', jsonb_build_array('a', 'b' || i)),
                       'Blob', jsonb_build_object('$B', 'AAE='))) IS NULL AS put
FROM generate_series(1, 9) AS i;
CREATE TEMP TABLE before_update AS SELECT pk, sk, item FROM dynamo_data."Upgraded";
CREATE TEMP TABLE before_describe AS
  SELECT dynamo.describe_table('Upgraded') - 'TableSizeBytes' AS d;
-- (0.1.0 does not describe LastUpdateToPayPerRequestDateTime; 0.2.0 adds it)

-- A description of every object of the extension, to compare installs by
CREATE FUNCTION pg_temp.extension_objects() RETURNS TABLE (kind text, object text, definition text)
LANGUAGE sql AS $$
  SELECT 'function', p.oid::regprocedure::text,
         concat_ws(' | ', pg_get_function_result(p.oid), p.provolatile, p.proisstrict,
                   p.prosecdef, p.proparallel, p.prosrc, p.probin, array_to_string(p.proconfig, ','),
                   pg_get_function_arguments(p.oid))
  FROM pg_proc p WHERE p.pronamespace IN ('dynamo'::regnamespace, 'dynamo_data'::regnamespace)
  UNION ALL
  SELECT 'column', c.oid::regclass::text || '.' || a.attname,
         concat_ws(' | ', format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attcollation::regcollation)
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE c.relnamespace = 'dynamo'::regnamespace
  UNION ALL
  SELECT 'relation', c.oid::regclass::text, c.relkind::text || ' ' || coalesce(array_to_string(c.relacl, ','), '')
  FROM pg_class c WHERE c.relnamespace = 'dynamo'::regnamespace
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'dynamo'::regnamespace
  UNION ALL
  SELECT 'index', indexrelid::regclass::text, pg_get_indexdef(indexrelid)
  FROM pg_index WHERE indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'dynamo'::regnamespace)
  UNION ALL
  SELECT 'member', pg_describe_object(classid, objid, objsubid), NULL
  FROM pg_depend WHERE deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_dynamo')
$$;

ALTER EXTENSION pg_dynamo UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'pg_dynamo';
-- every item as it was, by SQL and through the engine
SELECT count(*) AS items, count(*) FILTER (WHERE b.item = a.item) AS unchanged
FROM before_update b LEFT JOIN dynamo_data."Upgraded" a USING (pk, sk);
SELECT count(*) AS read_back
FROM before_update b
WHERE dynamo.get_item('Upgraded', jsonb_build_object('Id', b.pk, 'At', b.sk)) = b.item;
SELECT (SELECT d FROM before_describe) = dynamo.describe_table('Upgraded') - 'TableSizeBytes'
       #- '{BillingModeSummary,LastUpdateToPayPerRequestDateTime}' AS same_description;
SELECT count(*) AS queried FROM dynamo.query('Upgraded', 'Id = :i', expression_attribute_values => '{":i":"u1"}');
CREATE TEMP TABLE upgraded AS SELECT * FROM pg_temp.extension_objects();
-- the item table's constraints, to compare with a fresh table's
CREATE TEMP TABLE upgraded_checks AS
  SELECT conname, pg_get_constraintdef(oid) AS def, convalidated
  FROM pg_constraint WHERE conrelid = 'dynamo_data."Upgraded"'::regclass;

-- a fresh install of the current version
DROP EXTENSION pg_dynamo CASCADE;
CREATE EXTENSION pg_dynamo;
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.extension_objects();
SELECT dynamo.create_table('Upgraded', partition_key => 'Id', sort_key => 'At', sort_key_type => 'N') IS NOT NULL AS created;
CREATE TEMP TABLE fresh_checks AS
  SELECT conname, pg_get_constraintdef(oid) AS def, convalidated
  FROM pg_constraint WHERE conrelid = 'dynamo_data."Upgraded"'::regclass;
SELECT count(*) AS item_table_constraints FROM fresh_checks;
SELECT count(*) > 20 AS objects_compared FROM fresh;
-- objects only in the upgraded database, then only in the fresh one: none
(SELECT 'upgraded only' AS side, * FROM upgraded EXCEPT SELECT 'upgraded only', * FROM fresh)
UNION ALL
(SELECT 'fresh only', * FROM fresh EXCEPT SELECT 'fresh only', * FROM upgraded)
ORDER BY 1, 2, 3;
-- the item table's constraints: the same after the update as on a fresh table
(SELECT 'upgraded only' AS side, * FROM upgraded_checks EXCEPT SELECT 'upgraded only', * FROM fresh_checks)
UNION ALL
(SELECT 'fresh only', * FROM fresh_checks EXCEPT SELECT 'fresh only', * FROM upgraded_checks)
ORDER BY 1, 2;

\c contrib_regression
SET client_min_messages = warning;
DROP DATABASE dynamo_upgrade;
