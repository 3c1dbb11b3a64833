--
-- Multi-attribute GSI keys: up to four partition key and four sort key
-- attributes, queried by equality on a prefix and a range on the next
--
SET client_min_messages = warning;

-- A GSI on Cup, Area (HASH) and Stage, Side, Points (RANGE)
SELECT d->'GlobalSecondaryIndexes'->0->'KeySchema' AS key_schema,
       d->'AttributeDefinitions' AS defs
FROM (SELECT dynamo.execute('CreateTable', '{"TableName":"Matches",
  "KeySchema":[{"AttributeName":"MatchId","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"MatchId","AttributeType":"S"},
     {"AttributeName":"Cup","AttributeType":"S"},{"AttributeName":"Area","AttributeType":"S"},
     {"AttributeName":"Stage","AttributeType":"N"},{"AttributeName":"Side","AttributeType":"S"},
     {"AttributeName":"Points","AttributeType":"N"}],
  "GlobalSecondaryIndexes":[
    {"IndexName":"BySide","KeySchema":[{"AttributeName":"Cup","KeyType":"HASH"},
       {"AttributeName":"Area","KeyType":"HASH"},{"AttributeName":"Stage","KeyType":"RANGE"},
       {"AttributeName":"Side","KeyType":"RANGE"},{"AttributeName":"Points","KeyType":"RANGE"}],
     "Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription' AS d) s;

-- One PostgreSQL index over every key attribute in order, then the table key;
-- partial on all of them being present
SELECT pg_get_indexdef('dynamo_data."Matches:BySide"'::regclass) AS definition;
SELECT partition_key, sort_key, key_schema FROM dynamo.indexes WHERE table_name = 'Matches';

-- 40 items of one index partition with many duplicate (Stage, Side)
-- pairs, plus sparse items (one key attribute missing) and another region
SELECT count(*) FILTER (WHERE dynamo.put_item('Matches', jsonb_build_object(
         'MatchId', 'm' || lpad(i::text, 2, '0'), 'Cup', 'WINTER', 'Area', 'EU',
         'Stage', i % 3, 'Side', CASE WHEN i % 2 = 0 THEN 'LOWER' ELSE 'UPPER' END,
         'Points', i % 4)) IS NULL) AS put
FROM generate_series(1, 40) i;
SELECT dynamo.put_item('Matches', '{"MatchId":"s1","Cup":"WINTER","Area":"EU","Stage":1,"Side":"UPPER"}') IS NULL AS no_score,
       dynamo.put_item('Matches', '{"MatchId":"s2","Cup":"WINTER","Stage":1,"Side":"UPPER","Points":1}') IS NULL AS no_region,
       dynamo.put_item('Matches', '{"MatchId":"n1","Cup":"WINTER","Area":"NA","Stage":1,"Side":"UPPER","Points":1}') IS NULL AS other_region;
-- the sparse items are not in the index (41 of the 43 items are)
SELECT dynamo.execute('DescribeTable', '{"TableName":"Matches"}')->'Table'->'GlobalSecondaryIndexes'->0->'ItemCount' AS indexed;

-- Query shapes: the partition key alone, then a prefix of the sort key
CREATE FUNCTION mq(cond text, vals text, fwd boolean DEFAULT true) RETURNS TABLE (ids text, n int) AS $$
  SELECT string_agg(e->'MatchId'->>'S', ' ' ORDER BY o), count(*)::int
  FROM jsonb_array_elements(dynamo.execute('Query', jsonb_build_object('TableName', 'Matches',
         'IndexName', 'BySide', 'KeyConditionExpression', cond,
         'ExpressionAttributeValues', vals::jsonb, 'ScanIndexForward', fwd))->'Items')
       WITH ORDINALITY AS t(e, o)
$$ LANGUAGE sql;
SELECT * FROM mq('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}');
SELECT * FROM mq('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}');
SELECT * FROM mq('Area = :r AND Cup = :t AND Stage = :n',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"}}');
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n AND Side = :b',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"LOWER"}}');
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n AND Side = :b AND Points = :s',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"LOWER"},":s":{"N":"0"}}');
-- a range on the last attribute given: on the first sort key attribute ...
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage >= :n',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"2"}}');
-- ... on the second, after an equality on the first
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n AND begins_with(Side, :b)',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"0"},":b":{"S":"UP"}}');
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n AND Side < :b',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"0"},":b":{"S":"UPPER"}}', false);
-- ... on the third, after equalities on the first two
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n AND Side = :b AND Points BETWEEN :lo AND :hi',
                 '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"UPPER"},":lo":{"N":"1"},":hi":{"N":"3"}}');
-- the same selections in SQL over the item table (the index's order)
SELECT string_agg(item->>'MatchId', ' ' ORDER BY (item->'Stage')::numeric, item->>'Side' COLLATE "C",
                  (item->'Points')::numeric, pk) AS ids
FROM dynamo_data."Matches" WHERE item->>'Cup' = 'WINTER' AND item->>'Area' = 'EU' AND item ? 'Points';
SELECT string_agg(item->>'MatchId', ' ' ORDER BY item->>'Side' COLLATE "C" DESC, (item->'Points')::numeric DESC, pk DESC) AS ids
FROM dynamo_data."Matches" WHERE item->>'Cup' = 'WINTER' AND item->>'Area' = 'EU' AND item ? 'Points'
  AND (item->'Stage')::numeric = 0 AND item->>'Side' < 'UPPER';

-- The statement is one range of the index (no sort, no filter on the keys)
SELECT dynamo.to_sql('Query', '{"TableName":"Matches","IndexName":"BySide",
  "KeyConditionExpression":"Cup = :t AND Area = :r AND Stage = :n AND Side > :b",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"L"}}}');
CREATE FUNCTION plan_of(q text) RETURNS SETOF text AS $$
DECLARE l text;
BEGIN
  FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    RETURN NEXT regexp_replace(l, '(Index Cond|Filter): .*', '\1: ...');
  END LOOP;
END $$ LANGUAGE plpgsql;
SET enable_seqscan = off;
SELECT plan_of(dynamo.to_sql('Query', '{"TableName":"Matches","IndexName":"BySide",
  "KeyConditionExpression":"Cup = :t AND Area = :r AND Stage = :n AND Side > :b",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"L"}}}'));
SELECT plan_of(dynamo.to_sql('Query', '{"TableName":"Matches","IndexName":"BySide","ScanIndexForward":false,
  "KeyConditionExpression":"Cup = :t AND Area = :r AND Stage BETWEEN :n AND :m",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":m":{"N":"2"}}}'));
RESET enable_seqscan;

-- Page by page over duplicate keys: every item once, in the same order,
-- LastEvaluatedKey holding every index key attribute and the table key
CREATE FUNCTION walk(cond text, vals text, page int, fwd boolean DEFAULT true)
RETURNS TABLE (pages int, ids text, last_keys text) AS $$
DECLARE
  r jsonb;
  start jsonb := NULL;
  req jsonb;
BEGIN
  pages := 0; ids := ''; last_keys := NULL;
  LOOP
    req := jsonb_build_object('TableName', 'Matches', 'IndexName', 'BySide', 'Limit', page,
             'KeyConditionExpression', cond, 'ExpressionAttributeValues', vals::jsonb,
             'ScanIndexForward', fwd);
    IF start IS NOT NULL THEN req := req || jsonb_build_object('ExclusiveStartKey', start); END IF;
    r := dynamo.execute('Query', req);
    pages := pages + 1;
    ids := ids || COALESCE((SELECT string_agg(e->'MatchId'->>'S', ' ' ORDER BY o)
                            FROM jsonb_array_elements(r->'Items') WITH ORDINALITY t(e, o)), '') || ' ';
    start := r->'LastEvaluatedKey';
    IF pages = 1 THEN last_keys := (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(start) k); END IF;
    EXIT WHEN start IS NULL OR pages > 100;
  END LOOP;
  ids := rtrim(regexp_replace(ids, ' +', ' ', 'g'));
  RETURN NEXT;
END $$ LANGUAGE plpgsql;
SELECT pages, ids = (SELECT ids FROM mq('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}')) AS same, last_keys
FROM walk('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}', 3);
SELECT pages, ids = (SELECT ids FROM mq('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}', false)) AS same
FROM walk('Cup = :t AND Area = :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}', 4, false);
SELECT pages, ids FROM walk('Cup = :t AND Area = :r AND Stage = :n AND Side >= :b',
                            '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"2"},":b":{"S":"LOWER"}}', 2);
SELECT pages, ids FROM walk('Cup = :t AND Area = :r AND Stage = :n AND Side = :b AND Points = :s',
                            '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"2"},":b":{"S":"UPPER"},":s":{"N":"1"}}', 1);

-- Refused condition shapes
CREATE FUNCTION mq_error(cond text, vals text) RETURNS text AS $$
BEGIN
  PERFORM dynamo.execute('Query', jsonb_build_object('TableName', 'Matches', 'IndexName', 'BySide',
            'KeyConditionExpression', cond, 'ExpressionAttributeValues', vals::jsonb));
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLERRM;
END $$ LANGUAGE plpgsql;
-- a partition key attribute missing, or not by equality
SELECT mq_error('Cup = :t', '{":t":{"S":"WINTER"}}');
SELECT mq_error('Area = :r AND Stage = :n', '{":r":{"S":"EU"},":n":{"N":"1"}}');
SELECT mq_error('Cup = :t AND Area > :r', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}');
-- a sort key attribute skipped
SELECT mq_error('Cup = :t AND Area = :r AND Side = :b', '{":t":{"S":"WINTER"},":r":{"S":"EU"},":b":{"S":"UPPER"}}');
SELECT mq_error('Cup = :t AND Area = :r AND Stage = :n AND Points = :s',
                '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":s":{"N":"1"}}');
-- a range condition before the last attribute given
SELECT mq_error('Cup = :t AND Area = :r AND Stage > :n AND Side = :b',
                '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"UPPER"}}');
-- a non-key attribute, two conditions on one attribute, a wrong type, too many conditions
SELECT mq_error('Cup = :t AND Area = :r AND MatchId = :m', '{":t":{"S":"WINTER"},":r":{"S":"EU"},":m":{"S":"m01"}}');
SELECT mq_error('Cup = :t AND Area = :r AND Cup = :t', '{":t":{"S":"WINTER"},":r":{"S":"EU"}}');
SELECT mq_error('Cup = :t AND Area = :r AND Stage = :n', '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"S":"1"}}');
SELECT mq_error('Cup = :t AND Area = :r AND Stage = :n AND Side = :b AND Points = :s AND MatchId = :m',
                '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"},":b":{"S":"UPPER"},":s":{"N":"1"},":m":{"S":"m01"}}');
-- a filter on an index key attribute
SELECT dynamo.execute('Query', '{"TableName":"Matches","IndexName":"BySide",
  "KeyConditionExpression":"Cup = :t AND Area = :r","FilterExpression":"Points > :s",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"EU"},":s":{"N":"1"}}}');
-- a start key outside the condition
SELECT dynamo.execute('Query', '{"TableName":"Matches","IndexName":"BySide",
  "KeyConditionExpression":"Cup = :t AND Area = :r AND Stage = :n",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"1"}},
  "ExclusiveStartKey":{"MatchId":{"S":"m02"},"Cup":{"S":"WINTER"},"Area":{"S":"EU"},"Stage":{"N":"2"},
                       "Side":{"S":"LOWER"},"Points":{"N":"2"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Matches","IndexName":"BySide",
  "KeyConditionExpression":"Cup = :t AND Area = :r",
  "ExpressionAttributeValues":{":t":{"S":"WINTER"},":r":{"S":"NA"}},
  "ExclusiveStartKey":{"MatchId":{"S":"m02"},"Cup":{"S":"WINTER"},"Area":{"S":"EU"},"Stage":{"N":"2"},
                       "Side":{"S":"LOWER"},"Points":{"N":"2"}}}');

-- Writes: a key attribute of the wrong type names the index
SELECT dynamo.execute('PutItem', '{"TableName":"Matches","Item":{"MatchId":{"S":"x"},"Points":{"S":"high"}}}');
SELECT dynamo.execute('PutItem', '{"TableName":"Matches","Item":{"MatchId":{"S":"x"},"Area":{"S":""}}}');
-- plain SQL writes obey the same rule (the CHECK constraint)
INSERT INTO dynamo_data."Matches" (pk, item) VALUES ('y', '{"MatchId":"y","Stage":"one"}');
-- an update moves an item within and out of the index
SELECT dynamo.update_item('Matches', '{"MatchId":"m01"}', 'SET Stage = :n', expression_attribute_values => '{":n":9}') IS NULL AS moved;
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n', '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"9"}}');
SELECT dynamo.update_item('Matches', '{"MatchId":"m01"}', 'REMOVE Side') IS NULL AS removed;
SELECT * FROM mq('Cup = :t AND Area = :r AND Stage = :n', '{":t":{"S":"WINTER"},":r":{"S":"EU"},":n":{"N":"9"}}');

-- KeySchema rules
CREATE FUNCTION ct_error(schema text, lsi boolean DEFAULT false) RETURNS text AS $$
BEGIN
  PERFORM dynamo.execute('CreateTable', jsonb_build_object('TableName', 'Bad_multikey',
    'KeySchema', '[{"AttributeName":"p","KeyType":"HASH"},{"AttributeName":"s","KeyType":"RANGE"}]'::jsonb,
    'AttributeDefinitions', (SELECT jsonb_agg(jsonb_build_object('AttributeName', a, 'AttributeType', 'S'))
                             FROM unnest(ARRAY['p','s','a','b','c','d','e']) a),
    'BillingMode', 'PAY_PER_REQUEST',
    CASE WHEN lsi THEN 'LocalSecondaryIndexes' ELSE 'GlobalSecondaryIndexes' END,
    jsonb_build_array(jsonb_build_object('IndexName', 'Idx', 'KeySchema', schema::jsonb,
                                         'Projection', '{"ProjectionType":"ALL"}'::jsonb))));
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLERRM;
END $$ LANGUAGE plpgsql;
SELECT ct_error('[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"HASH"},{"AttributeName":"c","KeyType":"HASH"},
                  {"AttributeName":"d","KeyType":"HASH"},{"AttributeName":"e","KeyType":"HASH"}]');
SELECT ct_error('[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"},{"AttributeName":"c","KeyType":"HASH"}]');
SELECT ct_error('[{"AttributeName":"a","KeyType":"RANGE"},{"AttributeName":"b","KeyType":"HASH"}]');
SELECT ct_error('[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"},{"AttributeName":"a","KeyType":"RANGE"}]');
SELECT ct_error('[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"x","KeyType":"RANGE"},{"AttributeName":"y","KeyType":"RANGE"}]');
SELECT ct_error('[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"HASH"},{"AttributeName":"c","KeyType":"HASH"},
                  {"AttributeName":"d","KeyType":"HASH"},{"AttributeName":"e","KeyType":"RANGE"},{"AttributeName":"p","KeyType":"RANGE"},
                  {"AttributeName":"s","KeyType":"RANGE"},{"AttributeName":"x","KeyType":"RANGE"},{"AttributeName":"y","KeyType":"RANGE"}]');
-- LSIs keep one HASH and one RANGE attribute
SELECT ct_error('[{"AttributeName":"p","KeyType":"HASH"},{"AttributeName":"a","KeyType":"RANGE"},{"AttributeName":"b","KeyType":"RANGE"}]', true);
SELECT ct_error('[{"AttributeName":"p","KeyType":"HASH"},{"AttributeName":"a","KeyType":"HASH"}]', true);

-- UpdateTable adds a multi-attribute GSI over existing items (the backfill)
SELECT d->'GlobalSecondaryIndexes' @> '[{"IndexName":"ByStage","KeySchema":[{"AttributeName":"Area","KeyType":"HASH"},
         {"AttributeName":"Stage","KeyType":"RANGE"},{"AttributeName":"Points","KeyType":"RANGE"}]}]' AS described
FROM (SELECT dynamo.execute('UpdateTable', '{"TableName":"Matches",
  "AttributeDefinitions":[{"AttributeName":"Area","AttributeType":"S"},{"AttributeName":"Stage","AttributeType":"N"},
                          {"AttributeName":"Points","AttributeType":"N"}],
  "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByStage",
    "KeySchema":[{"AttributeName":"Area","KeyType":"HASH"},{"AttributeName":"Stage","KeyType":"RANGE"},
                 {"AttributeName":"Points","KeyType":"RANGE"}],
    "Projection":{"ProjectionType":"ALL"}}}]}')->'TableDescription' AS d) s;
SELECT count(*), min(e->'MatchId'->>'S'), max(e->'MatchId'->>'S')
FROM jsonb_array_elements(dynamo.execute('Query', '{"TableName":"Matches","IndexName":"ByStage",
  "KeyConditionExpression":"Area = :r AND Stage = :n AND Points < :s",
  "ExpressionAttributeValues":{":r":{"S":"EU"},":n":{"N":"2"},":s":{"N":"2"}}}')->'Items') e;

SELECT dynamo.execute('DeleteTable', '{"TableName":"Matches"}')->'TableDescription'->>'TableName' AS dropped;
SELECT count(*) AS catalog_rows FROM dynamo.indexes WHERE table_name = 'Matches';
DROP FUNCTION plan_of(text), mq(text, text, boolean), walk(text, text, int, boolean), mq_error(text, text), ct_error(text, boolean);
