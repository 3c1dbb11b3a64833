-- index_multikey_queries: a GSI with a multi-attribute partition key (a, c)
-- and sort key (d, e); random items with random key attributes (sometimes
-- missing, so the index is sparse, with many duplicates), then every
-- condition shape the key schema allows (equality on a prefix of the sort
-- key attributes, a range on the next one), forwards and backwards, whole
-- and page by page, compared with the same selection computed in SQL over
-- the item table, in index key then table key order.
BEGIN;
SELECT plan(6);
SELECT setseed(0.4242);

SELECT lives_ok($$SELECT dynamo.execute('CreateTable', '{"TableName":"tap_mk",
  "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"},{"AttributeName":"a","AttributeType":"S"},
    {"AttributeName":"c","AttributeType":"N"},{"AttributeName":"d","AttributeType":"N"},{"AttributeName":"e","AttributeType":"S"}],
  "GlobalSecondaryIndexes":[
    {"IndexName":"ac_de","KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"c","KeyType":"HASH"},
       {"AttributeName":"d","KeyType":"RANGE"},{"AttributeName":"e","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "BillingMode":"PAY_PER_REQUEST"}')$$, 'table with a multi-attribute GSI');

SELECT lives_ok($$
  SELECT count(dynamo.put_item('tap_mk', jsonb_strip_nulls(jsonb_build_object(
    'id', 'i' || lpad(i::text, 3, '0'),
    'a', CASE WHEN random() < 0.9 THEN chr(120 + (random())::int) END,
    'c', CASE WHEN random() < 0.9 THEN (random() * 2)::int END,
    'd', CASE WHEN random() < 0.9 THEN (random() * 3)::int - 1 + CASE WHEN random() < 0.2 THEN 0.5 ELSE 0 END END,
    'e', CASE WHEN random() < 0.9 THEN chr(97 + (random() * 2)::int) || CASE WHEN random() < 0.5 THEN chr(97 + (random() * 2)::int) ELSE '' END END))))
  FROM generate_series(1, 300) i$$, '300 random items');

-- the items of the index, with their key values
CREATE TEMP TABLE indexed AS
SELECT item->>'id' AS id, item->>'a' AS a, (item->'c')::numeric AS c, (item->'d')::numeric AS d,
       (item->>'e') COLLATE "C" AS e
FROM dynamo_data.tap_mk WHERE item ? 'a' AND item ? 'c' AND item ? 'd' AND item ? 'e';

-- every condition: each partition, each shape, each d and e value seen
CREATE TEMP TABLE cases AS
WITH parts AS (SELECT DISTINCT a, c FROM indexed),
     ds AS (SELECT DISTINCT d FROM indexed), es AS (SELECT DISTINCT e FROM indexed)
SELECT a, c, 'all' AS shape, NULL::numeric AS d, NULL::numeric AS d2, NULL::text AS e FROM parts
UNION ALL SELECT a, c, 'd=', d, NULL, NULL FROM parts, ds
UNION ALL SELECT a, c, 'd<', d, NULL, NULL FROM parts, ds
UNION ALL SELECT a, c, 'd between', d, d + 1, NULL FROM parts, ds
UNION ALL SELECT a, c, 'd= e=', d, NULL, e FROM parts, ds, es
UNION ALL SELECT a, c, 'd= e>', d, NULL, e FROM parts, ds, es
UNION ALL SELECT a, c, 'd= begins_with(e)', d, NULL, left(e, 1) FROM parts, ds, es;

-- the request of a case
CREATE FUNCTION pg_temp.req(k cases, forward boolean, lim int DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('TableName', 'tap_mk', 'IndexName', 'ac_de',
    'ScanIndexForward', forward, 'Limit', lim,
    'KeyConditionExpression', 'a = :a AND c = :c' || CASE k.shape
       WHEN 'all' THEN '' WHEN 'd=' THEN ' AND d = :d' WHEN 'd<' THEN ' AND d < :d'
       WHEN 'd between' THEN ' AND d BETWEEN :d AND :d2' WHEN 'd= e=' THEN ' AND d = :d AND e = :e'
       WHEN 'd= e>' THEN ' AND d = :d AND e > :e' ELSE ' AND d = :d AND begins_with(e, :e)' END,
    'ExpressionAttributeValues', jsonb_strip_nulls(jsonb_build_object(':a', jsonb_build_object('S', k.a),
       ':c', jsonb_build_object('N', k.c::text),
       ':d', CASE WHEN k.d IS NOT NULL THEN jsonb_build_object('N', k.d::text) END,
       ':d2', CASE WHEN k.d2 IS NOT NULL THEN jsonb_build_object('N', k.d2::text) END,
       ':e', CASE WHEN k.e IS NOT NULL THEN jsonb_build_object('S', k.e) END))))
$$;

-- the SQL selection of a case, in index order
CREATE FUNCTION pg_temp.expected(k cases, forward boolean) RETURNS text LANGUAGE sql AS $$
  SELECT COALESCE(string_agg(i.id, ' ' ORDER BY
           CASE WHEN forward THEN i.d END, CASE WHEN forward THEN i.e END, CASE WHEN forward THEN i.id COLLATE "C" END,
           i.d DESC, i.e DESC, i.id COLLATE "C" DESC), '')
  FROM indexed i
  WHERE i.a = k.a AND i.c = k.c AND CASE k.shape
    WHEN 'all' THEN true WHEN 'd=' THEN i.d = k.d WHEN 'd<' THEN i.d < k.d
    WHEN 'd between' THEN i.d BETWEEN k.d AND k.d2 WHEN 'd= e=' THEN i.d = k.d AND i.e = k.e
    WHEN 'd= e>' THEN i.d = k.d AND i.e > k.e COLLATE "C" ELSE i.d = k.d AND i.e LIKE k.e || '%' END
$$;

-- the engine's answer, in one request or page by page
CREATE FUNCTION pg_temp.engine(k cases, forward boolean, lim int DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  start jsonb := NULL;
  ids text := '';
  pages int := 0;
BEGIN
  LOOP
    r := dynamo.execute('Query', pg_temp.req(k, forward, lim) ||
                        COALESCE(jsonb_build_object('ExclusiveStartKey', start), '{}'));
    ids := ids || COALESCE((SELECT string_agg(e->'id'->>'S', ' ' ORDER BY o)
                            FROM jsonb_array_elements(r->'Items') WITH ORDINALITY t(e, o)), '') || ' ';
    start := r->'LastEvaluatedKey';
    pages := pages + 1;
    EXIT WHEN start IS NULL OR pages > 500;
  END LOOP;
  RETURN btrim(regexp_replace(ids, ' +', ' ', 'g'));
END $$;

SELECT ok((SELECT count(*) FROM cases k WHERE pg_temp.expected(k, true) <> '') > 100,
          'many conditions select items');
SELECT is_empty($$SELECT k.* FROM cases k WHERE pg_temp.engine(k, true) <> pg_temp.expected(k, true)$$,
                'every condition shape forwards returns exactly the SQL selection, in order');
SELECT is_empty($$SELECT k.* FROM cases k WHERE pg_temp.engine(k, false) <> pg_temp.expected(k, false)$$,
                'backwards: the same items in reverse order');
SELECT is_empty($$SELECT k.*, f FROM cases k, (VALUES (true), (false)) v(f)
                  WHERE k.shape IN ('all', 'd<', 'd between', 'd= e>')
                    AND pg_temp.engine(k, f, 3) <> pg_temp.expected(k, f)$$,
                'page walks with Limit 3 visit every item once, in order');

SELECT * FROM finish();
ROLLBACK;
