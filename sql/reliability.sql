--
-- reliability: only the canonical stored form gets into an item table,
-- whoever writes it (dynamo.item_is_canonical and constraint item_canonical)
--
SET client_min_messages = warning;
SELECT dynamo.create_table('RelCanon', partition_key => 'pk', sort_key => 'sk', sort_key_type => 'N') IS NOT NULL AS created;

-- what the engine writes passes; every type, nested, escaped
SELECT dynamo.put_item('RelCanon', '{"pk":"a","sk":1,"s":"x","n":-1.5e-3,"b":{"$B":"AAE="},"t":true,"z":null,
  "l":[1,"two",{"$SS":["b","a"]}],"m":{"k":{"$NS":[3,1,2]}},"bs":{"$BS":["AQ==","AA=="]},
  "w":{"$M":{"$SS":["x"]}},"e":""}') IS NULL AS put;
SELECT dynamo.execute_text('PutItem', '{"TableName":"RelCanon","Item":{"pk":{"S":"nul\u0000\u0001"},"sk":{"N":"2"},"a":{"S":"\u0000"}}}');
SELECT count(*) AS items, bool_and(dynamo.item_is_canonical(item)) AS all_canonical FROM dynamo_data."RelCanon";

-- the deepest nesting the engine accepts is accepted, one more level is not
CREATE FUNCTION pg_temp.nest(n int) RETURNS jsonb LANGUAGE sql AS
  $$ SELECT ('{"pk":"deep","sk":1,"l":' || repeat('[', n) || '1' || repeat(']', n) || '}')::jsonb $$;
SELECT dynamo.put_item('RelCanon', pg_temp.nest(31)) IS NULL AS put_31;
SELECT dynamo.put_item('RelCanon', pg_temp.nest(32)) IS NULL AS put_32;
SELECT dynamo.item_is_canonical(pg_temp.nest(31)) AS nest_31, dynamo.item_is_canonical(pg_temp.nest(32)) AS nest_32;
-- sets and binaries nest nothing: the deepest list may hold them
SELECT dynamo.execute('PutItem', ('{"TableName":"RelCanon","Item":{"pk":{"S":"deep"},"sk":{"N":"2"},"l":'
  || repeat('{"L":[', 31) || '{"SS":["x"]},{"B":"AAE="}' || repeat(']}', 31) || '}}')::jsonb) AS put_deep_set;
-- an update building an item nested too deep is refused as DynamoDB refuses it
SELECT dynamo.update_item('RelCanon', '{"pk":"deep","sk":1}', 'SET m = :m', expression_attribute_values => '{":m":{"a":1}}') IS NULL AS set_map;
SELECT dynamo.update_item('RelCanon', '{"pk":"deep","sk":1}', 'SET m.z = :v',
  expression_attribute_values => ('{":v":' || repeat('[', 30) || '1' || repeat(']', 30) || '}')::jsonb) IS NULL AS depth_31;
SELECT dynamo.update_item('RelCanon', '{"pk":"deep","sk":1}', 'SET m.y = :v',
  expression_attribute_values => ('{":v":' || repeat('[', 31) || '1' || repeat(']', 31) || '}')::jsonb) IS NULL AS depth_32;
SELECT dynamo.update_item('RelCanon', '{"pk":"deep","sk":1}', 'SET m.z' || repeat('[0]', 29) || ' = :v',
  expression_attribute_values => '{":v":[[1]]}') IS NULL AS depth_32_in_place;

-- documents the engine could never have written
SELECT doc, dynamo.item_is_canonical(doc::jsonb) AS canonical FROM (VALUES
  ('{"a":1}'), ('{"a":1.0}'), ('{"a":1e126}'), ('{"a":1e125}'), ('{"a":1e-131}'),
  ('{"a":123456789012345678901234567890123456789}'), ('{"a":12345678901234567890123456789012345678}'),
  ('[1]'), ('1'), ('{}'),
  ('{"s":{"$SS":[]}}'), ('{"s":{"$SS":["b","a"]}}'), ('{"s":{"$SS":["a","a"]}}'), ('{"s":{"$SS":["a","b"]}}'),
  ('{"s":{"$SS":[1]}}'), ('{"s":{"$SS":"a"}}'),
  ('{"n":{"$NS":[1,2]}}'), ('{"n":{"$NS":[2,1]}}'), ('{"n":{"$NS":["1"]}}'), ('{"n":{"$NS":[1.50]}}'),
  ('{"b":{"$B":"AAE="}}'), ('{"b":{"$B":"AAF="}}'), ('{"b":{"$B":"AAE"}}'), ('{"b":{"$B":"A@E="}}'),
  ('{"b":{"$B":""}}'), ('{"b":{"$B":1}}'), ('{"b":{"$B":"AB=="}}'), ('{"b":{"$B":"AA=="}}'),
  ('{"bs":{"$BS":["AA==","AQ=="]}}'), ('{"bs":{"$BS":["AQ==","AA=="]}}'), ('{"bs":{"$BS":["AQ==","AQ=="]}}'),
  ('{"m":{"$M":{"x":1}}}'), ('{"m":{"$M":{"$SS":["a"]}}}'), ('{"m":{"$M":1}}'), ('{"m":{"$X":1}}'),
  ('{"m":{"$M":{"$M":{"x":1}}}}'), ('{"m":{"x":{"$SS":[]}}}'), ('{"l":[{"$NS":[]}]}'),
  ('{"e":"a\u0001\u0002b"}'), ('{"e":"a\u0001\u0001"}'), ('{"e":"a\u0001"}'), ('{"e":"a\u0001\u0003"}'),
  ('{"a\u0001":1}')
) AS d(doc);
SELECT dynamo.item_is_canonical(jsonb_build_object('a', repeat('x', 409599))) AS at_400kb,
       dynamo.item_is_canonical(jsonb_build_object('a', repeat('x', 409600))) AS over_400kb,
       dynamo.item_is_canonical(jsonb_build_object(repeat('n', 65535), 1)) AS name_64kb,
       dynamo.item_is_canonical(jsonb_build_object(repeat('n', 65536), 1)) AS name_over_64kb;

-- plain SQL cannot put an item outside the stored form into the table
UPDATE dynamo_data."RelCanon" SET item = item || '{"s":{"$SS":[]}}' WHERE pk = 'a';
INSERT INTO dynamo_data."RelCanon" VALUES ('c', 1, '{"pk":"c","sk":1,"n":1.0}');
INSERT INTO dynamo_data."RelCanon" VALUES ('c', 1, '{"pk":"c","sk":1,"n":1}');
SELECT dynamo.get_item('RelCanon', '{"pk":"c","sk":1}');

-- an upgrade adds the constraint to existing tables, validated where the
-- items allow it (in a database of its own)
DROP DATABASE IF EXISTS dynamo_rel_upgrade;
CREATE DATABASE dynamo_rel_upgrade;
\c dynamo_rel_upgrade
SET client_min_messages = warning;
CREATE EXTENSION pg_dynamo VERSION '0.1.0';
SELECT dynamo.create_table('Clean', partition_key => 'Id') IS NOT NULL AS created;
SELECT dynamo.create_table('Dirty', partition_key => 'Id') IS NOT NULL AS created;
SELECT dynamo.put_item('Clean', '{"Id":"x","n":2}') IS NULL AS put;
INSERT INTO dynamo_data."Dirty" VALUES ('x', '{"Id":"x","s":{"$SS":[]}}');
SET client_min_messages = warning;
ALTER EXTENSION pg_dynamo UPDATE;
SELECT conrelid::regclass AS item_table, convalidated FROM pg_constraint
WHERE conname = 'item_canonical' ORDER BY 1::text;
INSERT INTO dynamo_data."Dirty" VALUES ('y', '{"Id":"y","n":1.0}');
\c contrib_regression
SET client_min_messages = warning;
DROP DATABASE dynamo_rel_upgrade;
SELECT dynamo.delete_table('RelCanon') IS NOT NULL AS deleted;

--
-- relation names are unique by construction: a 63-character name equal to
-- what a longer name's relation used to be called gets a relation of its own
--
SELECT left(n, 54) || '_' || lpad(to_hex(hashtext(n)), 8, '0') AS short_name, n AS long_name
FROM (SELECT 'rel_' || repeat('c', 60) AS n) AS l \gset
SELECT length(:'short_name') AS short_length, length(:'long_name') AS long_length;
SELECT dynamo.create_table(:'short_name', 'k') IS NOT NULL AS short_created;
SELECT dynamo.create_table(:'long_name', 'k') IS NOT NULL AS long_created;
SELECT dynamo.put_item(:'short_name', '{"k":"short"}') IS NULL AS put_short,
       dynamo.put_item(:'long_name', '{"k":"long"}') IS NULL AS put_long;
SELECT dynamo.get_item(:'short_name', '{"k":"short"}') AS short_item,
       dynamo.get_item(:'long_name', '{"k":"long"}') AS long_item,
       dynamo.get_item(:'long_name', '{"k":"short"}') IS NULL AS not_shared;
SELECT dynamo.delete_table(:'short_name') IS NOT NULL AS deleted, dynamo.delete_table(:'long_name') IS NOT NULL AS deleted;

--
-- execute_text(): malformed JSON is SerializationException; a statement
-- timeout stays a statement timeout
--
\set outcome_message on
\i sql/include/statement.sql
SELECT pg_temp.outcome($$SELECT dynamo.execute_text('GetItem', '{"TableName": "x",')$$) AS truncated,
       pg_temp.outcome($$SELECT dynamo.execute_text('GetItem', '{"TableName": "x"} x')$$) AS trailing,
       pg_temp.outcome($$SELECT dynamo.execute_text('GetItem', repeat('[', 100000))$$) AS too_deep;
-- messages quote whole characters, never a byte of one (found by make fuzz)
SELECT pg_temp.outcome($$SELECT dynamo.execute('GetItem', '{"TableName": "RelCanon", "Key": {"pk": {"S": "a"}, "sk": {"B": "😀"}}}')$$) AS bad_base64;
CREATE TEMP TABLE big_request AS
  SELECT '{"TableName":"RelCanon","Item":{"pk":{"S":"big"},"sk":{"N":"1"},"l":{"L":['
         || repeat('{"N":"1"},', 200000) || '{"N":"1"}]}}}' AS body;
\set VERBOSITY sqlstate
SET statement_timeout = '1ms';
SELECT dynamo.execute_text('PutItem', body) FROM big_request;
RESET statement_timeout;
\set VERBOSITY default

--
-- row level security: a conditional put on an item the role may insert but
-- not see answers at once
--
SELECT dynamo.create_table('RelRls', 'pk') IS NOT NULL AS created;
SELECT dynamo.put_item('RelRls', '{"pk":"hidden","owner":"someone"}') IS NULL AS put;
CREATE ROLE regress_rel_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON dynamo_data."RelRls" TO regress_rel_user;
ALTER TABLE dynamo_data."RelRls" ENABLE ROW LEVEL SECURITY;
CREATE POLICY rel_own ON dynamo_data."RelRls" TO regress_rel_user
  USING (item ->> 'owner' = current_user) WITH CHECK (item ->> 'owner' = current_user);
SET ROLE regress_rel_user;
SELECT dynamo.put_item('RelRls', '{"pk":"mine","owner":"regress_rel_user"}', condition_expression => 'attribute_not_exists(pk)') IS NULL AS put_visible;
SELECT pg_temp.outcome($$SELECT dynamo.put_item('RelRls', '{"pk":"hidden","owner":"regress_rel_user"}', condition_expression => 'attribute_not_exists(pk)')$$) AS conditional_put;
SELECT pg_temp.outcome($$SELECT dynamo.put_item('RelRls', '{"pk":"hidden","owner":"regress_rel_user"}')$$) AS put;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '{"TableName":"RelRls","Item":{"pk":{"S":"hidden"},"owner":{"S":"regress_rel_user"}},"ConditionExpression":"attribute_not_exists(pk)"}')$$) AS execute_put;
RESET ROLE;
SELECT item FROM dynamo_data."RelRls" ORDER BY pk;
SELECT dynamo.delete_table('RelRls') IS NOT NULL AS deleted;
DROP ROLE regress_rel_user;

--
-- the expression cache evicts one tree at a time: after 1,500 distinct
-- expressions it is full (1,024 trees), not emptied
--
SELECT count(*) FILTER (WHERE dynamo.eval_condition('{"a1":1}', 'attribute_exists(a' || i || ')')) AS true_conditions
FROM generate_series(1, 1500) AS i;
SELECT count(*) AS cached_trees FROM pg_backend_memory_contexts WHERE name = 'pg_dynamo expression';
SELECT dynamo.eval_condition('{"a1":1}', 'attribute_exists(a1)') AS cached_again;
SELECT dynamo.eval_condition('{"s":"needle in a haystack"}', 'contains(s, :n)', expression_attribute_values => '{":n":"in a"}') AS substring,
       dynamo.eval_condition('{"s":"needle"}', 'contains(s, :n)', expression_attribute_values => '{":n":"needles"}') AS longer;
