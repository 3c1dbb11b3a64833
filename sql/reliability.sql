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
