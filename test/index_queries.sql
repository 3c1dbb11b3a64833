-- index_queries: random items with random index attributes (sometimes
-- missing, so the indexes are sparse, and with many duplicate index keys);
-- then every index partition is queried through the engine, forwards and
-- backwards, whole and page by page, and compared with the same selection
-- computed in SQL over the item table: the items having the index keys, in
-- index key then table key order.
BEGIN;
SELECT plan(9);
SELECT setseed(0.1111);

SELECT lives_ok($$SELECT dynamo.execute('CreateTable', '{"TableName":"tap_ix",
  "KeySchema":[{"AttributeName":"p","KeyType":"HASH"},{"AttributeName":"s","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"},{"AttributeName":"s","AttributeType":"N"},
    {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"n","AttributeType":"N"},{"AttributeName":"b","AttributeType":"B"}],
  "GlobalSecondaryIndexes":[
    {"IndexName":"g_n","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},{"AttributeName":"n","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}},
    {"IndexName":"n_b","KeySchema":[{"AttributeName":"n","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "LocalSecondaryIndexes":[
    {"IndexName":"p_g","KeySchema":[{"AttributeName":"p","KeyType":"HASH"},{"AttributeName":"g","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["x"]}}],
  "BillingMode":"PAY_PER_REQUEST"}')$$, 'table with two GSIs and an LSI');

SELECT lives_ok($$
  SELECT count(dynamo.put_item('tap_ix', jsonb_strip_nulls(jsonb_build_object(
    'p', 'p' || (random() * 4)::int, 's', i,
    'g', CASE WHEN random() < 0.8 THEN chr(97 + (random() * 3)::int) || CASE WHEN random() < 0.3 THEN 'é' ELSE '' END END,
    'n', CASE WHEN random() < 0.8 THEN (random() * 5)::int - 2 + CASE WHEN random() < 0.2 THEN 0.5 ELSE 0 END END,
    'b', CASE WHEN random() < 0.8 THEN jsonb_build_object('$B', encode(decode(lpad(to_hex((random() * 300)::int), 4, '0'), 'hex'), 'base64')) END,
    'x', i * 10, 'y', 'payload'))))
  FROM generate_series(1, 400) i$$, '400 random items');

-- the expected order of each index, computed in SQL
CREATE TEMP TABLE expected AS
SELECT 'g_n' AS ix, item->>'g' AS part, row_number() OVER (PARTITION BY item->>'g'
         ORDER BY (item->'n')::numeric, pk, sk) AS pos, item
FROM dynamo_data.tap_ix WHERE item ? 'g' AND item ? 'n'
UNION ALL
SELECT 'n_b', item->>'n', row_number() OVER (PARTITION BY (item->'n')::numeric
         ORDER BY decode(item->'b'->>'$B', 'base64'), pk, sk), item
FROM dynamo_data.tap_ix WHERE item ? 'n' AND item ? 'b'
UNION ALL
SELECT 'p_g', pk, row_number() OVER (PARTITION BY pk ORDER BY (item->>'g') COLLATE "C", sk), item
FROM dynamo_data.tap_ix WHERE item ? 'g';

-- the engine's answer for one index partition, with the position of each item
CREATE FUNCTION pg_temp.engine(ix text, part text, forward boolean) RETURNS TABLE (pos bigint, item jsonb)
LANGUAGE sql AS $$
  SELECT row_number() OVER (), q
  FROM dynamo.query('tap_ix', format('%s = :v', CASE ix WHEN 'g_n' THEN 'g' WHEN 'n_b' THEN 'n' ELSE 'p' END),
                    expression_attribute_values => jsonb_build_object(':v', CASE ix WHEN 'n_b' THEN to_jsonb(part::numeric) ELSE to_jsonb(part) END),
                    index_name => ix, scan_index_forward => forward) q
$$;

-- projections: what each index holds of the item
CREATE FUNCTION pg_temp.held(ix text, item jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT CASE ix WHEN 'n_b' THEN item
              WHEN 'g_n' THEN (SELECT jsonb_object_agg(k, v) FROM jsonb_each(item) e(k, v) WHERE k IN ('p', 's', 'g', 'n'))
              ELSE (SELECT jsonb_object_agg(k, v) FROM jsonb_each(item) e(k, v) WHERE k IN ('p', 's', 'g', 'x')) END
$$;

SELECT ok((SELECT count(DISTINCT (ix, part)) FROM expected) > 15, 'many index partitions');

SELECT is_empty($$
  (SELECT e.ix, e.part, e.pos, pg_temp.held(e.ix, e.item) FROM expected e
   EXCEPT
   SELECT p.ix, p.part, q.pos, q.item FROM (SELECT DISTINCT ix, part FROM expected) p,
          LATERAL pg_temp.engine(p.ix, p.part, true) q)
  UNION ALL
  (SELECT p.ix, p.part, q.pos, q.item FROM (SELECT DISTINCT ix, part FROM expected) p,
          LATERAL pg_temp.engine(p.ix, p.part, true) q
   EXCEPT
   SELECT e.ix, e.part, e.pos, pg_temp.held(e.ix, e.item) FROM expected e)
$$, 'every index Query forwards returns exactly the SQL selection, in order');

CREATE TEMP TABLE backwards AS
SELECT p.ix, p.part, p.n + 1 - q.pos AS pos, q.item
FROM (SELECT ix, part, count(*) AS n FROM expected GROUP BY 1, 2) p
CROSS JOIN LATERAL pg_temp.engine(p.ix, p.part, false) q;
SELECT is_empty($$
  (SELECT ix, part, pos, pg_temp.held(ix, item) FROM expected EXCEPT SELECT * FROM backwards)
  UNION ALL
  (SELECT * FROM backwards EXCEPT SELECT ix, part, pos, pg_temp.held(ix, item) FROM expected)
$$, 'backwards: the same items in reverse order');

-- paging with Limit 7 over the largest partition of each index
CREATE FUNCTION pg_temp.walk(ix text, part text) RETURNS SETOF jsonb LANGUAGE plpgsql AS $$
DECLARE
  page jsonb;
  start jsonb := NULL;
BEGIN
  LOOP
    page := dynamo.query_page('tap_ix', format('%s = :v', CASE ix WHEN 'g_n' THEN 'g' WHEN 'n_b' THEN 'n' ELSE 'p' END),
                              expression_attribute_values => jsonb_build_object(':v', CASE ix WHEN 'n_b' THEN to_jsonb(part::numeric) ELSE to_jsonb(part) END),
                              index_name => ix, "limit" => 7, exclusive_start_key => start);
    RETURN QUERY SELECT jsonb_array_elements(page->'Items');
    start := page->'LastEvaluatedKey';
    EXIT WHEN start IS NULL;
  END LOOP;
END $$;
SELECT is((SELECT count(*) FROM (SELECT DISTINCT ix, part FROM expected) p, LATERAL pg_temp.walk(p.ix, p.part)),
          (SELECT count(*) FROM expected), 'page walks visit every item of every index partition once');
SELECT is_empty($$
  SELECT ix, part, item FROM (SELECT DISTINCT ix, part FROM expected) p, LATERAL pg_temp.walk(p.ix, p.part) item
  GROUP BY 1, 2, 3 HAVING count(*) > 1$$, 'no item twice in a walk');

-- a parallel Scan of each index covers exactly its items
SELECT is((SELECT count(*) FROM generate_series(0, 3) seg, LATERAL dynamo.scan('tap_ix', index_name => 'n_b', segment => seg, total_segments => 4)),
          (SELECT count(*) FROM expected WHERE ix = 'n_b'), 'parallel scan of an index');
SELECT bag_eq($$SELECT s FROM dynamo.scan('tap_ix', index_name => 'g_n') s$$,
              $$SELECT pg_temp.held('g_n', item) FROM expected WHERE ix = 'g_n'$$, 'scan of a KEYS_ONLY index');

SELECT * FROM finish();
ROLLBACK;
