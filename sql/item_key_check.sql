--
-- item_key_check: constraint item_key_matches (dynamo.item_key_matches) keeps
-- plain SQL writes from storing an item under a key it does not hold, and
-- answers exactly as the expression it replaced (item -> attribute =
-- to_jsonb(key); decode(item -> attribute ->> '$B', 'base64') = key).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_dynamo;
SELECT dynamo.create_table('KeyCheckSN', partition_key => 'P', sort_key => 'S', sort_key_type => 'N') IS NOT NULL AS created;
SELECT dynamo.create_table('KeyCheckB', partition_key => 'P', partition_key_type => 'B') IS NOT NULL AS created;
-- matching keys are admitted, through SQL as through the engine
INSERT INTO dynamo_data."KeyCheckSN" VALUES ('a', 1.50, '{"P":"a","S":1.5}');
INSERT INTO dynamo_data."KeyCheckB" VALUES ('\x0001', '{"P":{"$B":"AAE="}}');
SELECT dynamo.get_item('KeyCheckSN', '{"P":"a","S":1.5}') AS item;
-- another partition key, sort key, binary key, or a key of another type: refused
INSERT INTO dynamo_data."KeyCheckSN" VALUES ('b', 1.5, '{"P":"a","S":1.5}');
INSERT INTO dynamo_data."KeyCheckSN" VALUES ('a', 2, '{"P":"a","S":1.5}');
INSERT INTO dynamo_data."KeyCheckSN" VALUES ('a', 1.5, '{"P":"a","S":"1.5"}');
INSERT INTO dynamo_data."KeyCheckB" VALUES ('\x0002', '{"P":{"$B":"AAE="}}');
UPDATE dynamo_data."KeyCheckSN" SET pk = 'c';
UPDATE dynamo_data."KeyCheckSN" SET item = '{"P":"a","S":2}';
SELECT count(*) AS items FROM dynamo_data."KeyCheckSN";

-- the same answers as the old expression (NULL included), for each key type
CREATE TEMP TABLE docs(i) AS VALUES ('{"k":"abc"}'::jsonb), ('{"k":""}'), ('{"k":1}'), ('{"k":1.0}'),
  ('{"k":2e5}'), ('{"k":"NaN"}'), ('{"k":"Infinity"}'), ('{"k":"-Infinity"}'), ('{"k":null}'),
  ('{}'), ('[1]'), ('"k"'), ('{"k":[1]}'), ('{"k":{"x":1}}'), ('{"k":"AAE="}'),
  ('{"k":{"$B":"AAE="}}'), ('{"k":{"$B":""}}'), ('{"k":{"$B":null}}'), ('{"k":{"$B":1234}}'),
  ('{"k":{"$B":true}}'), ('[{"$B":"AAE="}]');
SELECT 'text' AS key_type, count(*) AS cases,
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', v)) AS true,
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', v) IS NULL) AS null,
       count(*) FILTER (WHERE (i -> 'k' = to_jsonb(v)) IS DISTINCT FROM dynamo.item_key_matches(i, 'k', v)) AS different
FROM docs, (VALUES ('abc'), (''), ('1'), ('AAE=')) t(v)
UNION ALL
SELECT 'numeric', count(*), count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', n)),
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', n) IS NULL),
       count(*) FILTER (WHERE (i -> 'k' = to_jsonb(n)) IS DISTINCT FROM dynamo.item_key_matches(i, 'k', n))
FROM docs, (VALUES (1::numeric), (1.00), (200000), (0), ('NaN'), ('Infinity'), ('-Infinity')) t(n)
UNION ALL
SELECT 'bytea', count(*), count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', b)),
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'k', b) IS NULL),
       count(*) FILTER (WHERE (decode(i -> 'k' ->> '$B', 'base64') = b) IS DISTINCT FROM dynamo.item_key_matches(i, 'k', b))
FROM docs, (VALUES ('\x0001'::bytea), (''), ('\xd76df8'), ('\xb6bb9e')) t(b);
-- both keys in one call: the two checks joined by SQL's AND (false wins
-- over NULL), for each kind of answer of each
SELECT count(*) AS cases,
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'p', p, 's', s)) AS true,
       count(*) FILTER (WHERE dynamo.item_key_matches(i, 'p', p, 's', s) IS NULL) AS null,
       count(*) FILTER (WHERE (i -> 'p' = to_jsonb(p) AND i -> 's' = to_jsonb(s))
                        IS DISTINCT FROM dynamo.item_key_matches(i, 'p', p, 's', s)) AS different
FROM (VALUES ('{"p":"a","s":1}'::jsonb), ('{"p":"a","s":2}'), ('{"p":"b","s":1}'), ('{"p":"a"}'),
             ('{"s":1}'), ('{"s":2}'), ('{}'), ('{"p":"b"}')) d(i),
     (VALUES ('a'), ('b')) p(p), (VALUES (1::numeric), (2)) s(s);
-- a partition key that does not match: the sort key is not decoded
SELECT dynamo.item_key_matches('{"p":"b","s":{"$B":"A"}}', 'p', 'a'::text, 's', '\x00'::bytea) AS matches;
-- base64 that does not decode is the same error as decode()'s
SELECT dynamo.item_key_matches('{"k":{"$B":"A"}}', 'k', '\x00'::bytea);
SELECT dynamo.item_key_matches('{"k":{"$B":{"a":1}}}', 'k', '\x00'::bytea);
SELECT dynamo.item_key_matches('{"k":1}', 'k', 1::integer);
SELECT dynamo.delete_table('KeyCheckSN') IS NOT NULL AS deleted, dynamo.delete_table('KeyCheckB') IS NOT NULL AS deleted;
