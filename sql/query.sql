--
-- query: Query and Scan through both doors — every key condition form on
-- S, N and B sort keys, both directions, Limit, filters, projections,
-- Select, paging with exclusive_start_key, parallel scan, the equivalent
-- SQL, and DynamoDB's errors for invalid requests.
--

-- A request through execute(), or the error as "Exception: message"
\i sql/include/execute.sql

-- The sort keys a Query returns, in order (plain JSON)
CREATE FUNCTION pg_temp.keys(tbl text, kc text, vals jsonb, fwd boolean DEFAULT true,
                             lim integer DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
    SELECT coalesce(jsonb_agg(i->'S' ORDER BY n), '[]')
    FROM dynamo.query(tbl, kc, expression_attribute_values => vals, scan_index_forward => fwd,
                      "limit" => lim) WITH ORDINALITY AS q(i, n)
$$;

SELECT dynamo.create_table('QStr', 'P', 'S', 'S', 'S') IS NOT NULL AS created;
SELECT dynamo.create_table('QNum', 'P', 'S', 'S', 'N') IS NOT NULL AS created;
SELECT dynamo.create_table('QBin', 'P', 'S', 'S', 'B') IS NOT NULL AS created;
SELECT dynamo.create_table('QHash', 'P', 'N') IS NOT NULL AS created;

-- String sort keys: UTF-8 byte order ('Ａ' U+FF21 sorts before '😀' U+1F600,
-- unlike UTF-16), including multi-byte characters
SELECT count(dynamo.put_item('QStr', jsonb_build_object('P', 'p1', 'S', s, 'n', n, 'odd', n % 2 = 1)) IS NULL)
FROM unnest(ARRAY['b', 'a', 'abc', 'ab', 'z', 'A', '0', 'é', '中', '😀', 'Ａ', 'ba']) WITH ORDINALITY AS u(s, n);
SELECT count(dynamo.put_item('QStr', jsonb_build_object('P', p, 'S', 'x', 'n', 0)) IS NULL)
FROM unnest(ARRAY['p0', 'p2', 'p10']) AS p;

SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}');
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}', false);
SELECT pg_temp.keys('QStr', 'P = :p AND S = :s', '{":p":"p1",":s":"ab"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S < :s', '{":p":"p1",":s":"b"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S <= :s', '{":p":"p1",":s":"b"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S > :s', '{":p":"p1",":s":"b"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S >= :s', '{":p":"p1",":s":"b"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S BETWEEN :a AND :b', '{":p":"p1",":a":"ab",":b":"z"}');
SELECT pg_temp.keys('QStr', 'P = :p AND S BETWEEN :a AND :b', '{":p":"p1",":a":"ab",":b":"z"}', false);
SELECT pg_temp.keys('QStr', 'P = :p AND begins_with(S, :a)', '{":p":"p1",":a":"a"}');
SELECT pg_temp.keys('QStr', 'P = :p AND begins_with(S, :a)', '{":p":"p1",":a":"b"}', false);
SELECT pg_temp.keys('QStr', 'P = :p AND begins_with(S, :a)', '{":p":"p1",":a":"中"}');
-- either order, value on either side
SELECT pg_temp.keys('QStr', ':s > S AND :p = P', '{":p":"p1",":s":"ab"}');
SELECT pg_temp.keys('QStr', '(P = :p) AND (S >= :s)', '{":p":"p1",":s":"é"}');
-- Limit, forward and backward; a partition of its own
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}', true, 3);
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}', false, 3);
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p10"}');
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"nobody"}');
-- the rows compose with SQL
SELECT q->>'S' AS s, (q->>'n')::int * 10 AS n10
FROM dynamo.query('QStr', 'P = :p AND S < :s', expression_attribute_values => '{":p":"p1",":s":"a"}') AS q;

-- Number sort keys: numeric order, negative and fractional, full precision
SELECT count(dynamo.put_item('QNum', jsonb_build_object('P', 'p', 'S', s::numeric, 'n', n)) IS NULL)
FROM unnest(ARRAY['31.4', '-20000000000', '0', '-710', '1.00000000000000000000000001', '-4.1',
                  '0.15', '-0.1', '1', '-0.00001', '3.14159', '0.00002', '14000000000']) WITH ORDINALITY AS u(s, n);
SELECT pg_temp.keys('QNum', 'P = :p', '{":p":"p"}');
SELECT pg_temp.keys('QNum', 'P = :p', '{":p":"p"}', false);
SELECT pg_temp.keys('QNum', 'P = :p AND S = :s', '{":p":"p",":s":1}');
SELECT pg_temp.keys('QNum', 'P = :p AND S < :s', '{":p":"p",":s":0}');
SELECT pg_temp.keys('QNum', 'P = :p AND S <= :s', '{":p":"p",":s":0}');
SELECT pg_temp.keys('QNum', 'P = :p AND S > :s', '{":p":"p",":s":1}');
SELECT pg_temp.keys('QNum', 'P = :p AND S >= :s', '{":p":"p",":s":1}');
SELECT pg_temp.keys('QNum', 'P = :p AND S BETWEEN :a AND :b', '{":p":"p",":a":-5,":b":0.15}');
SELECT pg_temp.keys('QNum', 'P = :p AND S BETWEEN :a AND :b', '{":p":"p",":a":-5,":b":0.15}', false, 2);

-- Binary sort keys: unsigned bytes (0x80 and 0xff after 0x7f)
SELECT count(dynamo.put_item('QBin', jsonb_build_object('P', 'p', 'S', jsonb_build_object('$B', encode(decode(h, 'hex'), 'base64')))) IS NULL)
FROM unnest(ARRAY['80', '00', 'ff', '7f', '01', 'ff00', 'ffff', '0102', '7fff']) AS h;
CREATE FUNCTION pg_temp.bkeys(kc text, vals jsonb, fwd boolean DEFAULT true) RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(encode(decode(i->'S'->>'$B', 'base64'), 'hex'), ' ' ORDER BY n)
    FROM dynamo.query('QBin', kc, expression_attribute_values => vals, scan_index_forward => fwd)
         WITH ORDINALITY AS q(i, n)
$$;
SELECT pg_temp.bkeys('P = :p', '{":p":"p"}');
SELECT pg_temp.bkeys('P = :p', '{":p":"p"}', false);
SELECT pg_temp.bkeys('P = :p AND S = :b', '{":p":"p",":b":{"$B":"fw=="}}');
SELECT pg_temp.bkeys('P = :p AND S < :b', '{":p":"p",":b":{"$B":"gA=="}}');
SELECT pg_temp.bkeys('P = :p AND S <= :b', '{":p":"p",":b":{"$B":"gA=="}}');
SELECT pg_temp.bkeys('P = :p AND S > :b', '{":p":"p",":b":{"$B":"fw=="}}');
SELECT pg_temp.bkeys('P = :p AND S >= :b', '{":p":"p",":b":{"$B":"fw=="}}');
SELECT pg_temp.bkeys('P = :p AND S BETWEEN :a AND :b', '{":p":"p",":a":{"$B":"AQ=="},":b":{"$B":"gA=="}}');
SELECT pg_temp.bkeys('P = :p AND begins_with(S, :b)', '{":p":"p",":b":{"$B":"fw=="}}');
SELECT pg_temp.bkeys('P = :p AND begins_with(S, :b)', '{":p":"p",":b":{"$B":"/w=="}}');
SELECT pg_temp.bkeys('P = :p AND begins_with(S, :b)', '{":p":"p",":b":{"$B":"/w=="}}', false);

-- A table without a sort key: at most one item
SELECT count(dynamo.put_item('QHash', jsonb_build_object('P', i, 'v', i * i)) IS NULL) FROM generate_series(1, 5) i;
SELECT * FROM dynamo.query('QHash', 'P = :p', expression_attribute_values => '{":p":3}');
SELECT dynamo.query_page('QHash', 'P = :p', expression_attribute_values => '{":p":3}', "limit" => 1);

-- Filters (after Limit), projections, Select
SELECT dynamo.query_page('QStr', 'P = :p', expression_attribute_values => '{":p":"p1",":t":true}',
                         filter_expression => 'odd = :t', "limit" => 4);
SELECT dynamo.query_page('QStr', 'P = :p AND S < :s', expression_attribute_names => '{"#n":"n"}',
                         expression_attribute_values => '{":p":"p1",":s":"b",":two":2}',
                         filter_expression => '#n > :two', projection_expression => '#n, S');
SELECT dynamo.query_page('QStr', 'P = :p', expression_attribute_values => '{":p":"p1",":t":true}',
                         filter_expression => 'odd = :t', "select" => 'COUNT');
SELECT dynamo.query_page('QStr', 'P = :p', expression_attribute_values => '{":p":"p1"}',
                         "select" => 'COUNT', "limit" => 5);
SELECT dynamo.query_page('QStr', 'P = :p AND S <= :s', expression_attribute_values => '{":p":"p1",":s":"a"}',
                         projection_expression => 'n', "select" => 'SPECIFIC_ATTRIBUTES');
-- a filter that drops a whole page: no items, and still a key to go on from
SELECT dynamo.query_page('QStr', 'P = :p', expression_attribute_values => '{":p":"p1",":big":100}',
                         filter_expression => 'n > :big', "limit" => 2);

-- Paging: walk a partition page by page; every item exactly once
CREATE FUNCTION pg_temp.walk(tbl text, kc text, vals jsonb, page_size int, fwd boolean DEFAULT true,
                             filter text DEFAULT NULL)
RETURNS TABLE (pages int, items int, distinct_items int, in_order boolean) LANGUAGE plpgsql AS $$
DECLARE
    page jsonb;
    start jsonb := NULL;
    all_items jsonb := '[]';
BEGIN
    pages := 0;
    LOOP
        page := dynamo.query_page(tbl, kc, expression_attribute_values => vals, "limit" => page_size,
                                  scan_index_forward => fwd, exclusive_start_key => start,
                                  filter_expression => filter);
        pages := pages + 1;
        all_items := all_items || (page->'Items');
        start := page->'LastEvaluatedKey';
        EXIT WHEN start IS NULL;
    END LOOP;
    SELECT count(*), count(DISTINCT x),
           all_items = (SELECT coalesce(jsonb_agg(q), '[]') FROM dynamo.query(tbl, kc, expression_attribute_values => vals,
                                                           scan_index_forward => fwd, filter_expression => filter) q)
      INTO items, distinct_items, in_order
      FROM jsonb_array_elements(all_items) x;
    RETURN NEXT;
END $$;
SELECT * FROM pg_temp.walk('QStr', 'P = :p', '{":p":"p1"}', 1);
SELECT * FROM pg_temp.walk('QStr', 'P = :p', '{":p":"p1"}', 5);
SELECT * FROM pg_temp.walk('QStr', 'P = :p', '{":p":"p1"}', 12);
SELECT * FROM pg_temp.walk('QStr', 'P = :p', '{":p":"p1"}', 5, false);
SELECT * FROM pg_temp.walk('QStr', 'P = :p AND S >= :s', '{":p":"p1",":s":"ab"}', 2, false);
SELECT * FROM pg_temp.walk('QStr', 'P = :p', '{":p":"p1",":t":true}', 3, true, 'odd = :t');
SELECT * FROM pg_temp.walk('QNum', 'P = :p AND S > :s', '{":p":"p",":s":-1}', 2);
-- the start key need not be an item; it is exclusive
SELECT pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}', true, 100) = pg_temp.keys('QStr', 'P = :p', '{":p":"p1"}');
SELECT jsonb_agg(q->'S') FROM dynamo.query('QStr', 'P = :p', expression_attribute_values => '{":p":"p1"}',
                                           exclusive_start_key => '{"P":"p1","S":"aa"}') q;
SELECT jsonb_agg(q->'S') FROM dynamo.query('QStr', 'P = :p', expression_attribute_values => '{":p":"p1"}',
                                           exclusive_start_key => '{"P":"p1","S":"b"}', scan_index_forward => false) q;

-- The 1 MB page: measured on the items read, before the filter
SELECT dynamo.create_table('QBig', 'P', 'S', 'S', 'N') IS NOT NULL AS created;
SELECT count(dynamo.put_item('QBig', jsonb_build_object('P', 'p', 'S', i, 'blob', repeat('x', 100000))) IS NULL)
FROM generate_series(1, 25) i;
SELECT page->'Count' AS count, page->'ScannedCount' AS scanned, page->'LastEvaluatedKey' AS last_key
FROM dynamo.query_page('QBig', 'P = :p', expression_attribute_values => '{":p":"p"}',
                       projection_expression => 'S') AS page;
SELECT page->'Count' AS count, page->'ScannedCount' AS scanned, page->'LastEvaluatedKey' AS last_key
FROM dynamo.query_page('QBig', 'P = :p', expression_attribute_values => '{":p":"p",":no":"no"}',
                       filter_expression => '#b = :no', expression_attribute_names => '{"#b":"blob"}') AS page;
SELECT * FROM pg_temp.walk('QBig', 'P = :p', '{":p":"p"}', 100);
-- the set-returning form is not paged
SELECT count(*) FROM dynamo.query('QBig', 'P = :p', expression_attribute_values => '{":p":"p"}');

-- Scan: the whole table, paging, filter, projection
SELECT count(*), count(DISTINCT i->>'S') FROM dynamo.scan('QStr') i;
SELECT jsonb_agg(i ORDER BY i->>'P') FROM dynamo.scan('QStr', 'n = :zero', expression_attribute_values => '{":zero":0}',
                                                     projection_expression => 'P') i;
SELECT dynamo.scan_page('QHash', "limit" => 2);
SELECT dynamo.scan_page('QHash', "limit" => 2, exclusive_start_key => '{"P":2}');
SELECT dynamo.scan_page('QHash', "select" => 'COUNT');
CREATE FUNCTION pg_temp.scan_walk(tbl text, page_size int, seg int DEFAULT NULL, total int DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    page jsonb;
    start jsonb := NULL;
    all_items jsonb := '[]';
BEGIN
    LOOP
        page := dynamo.scan_page(tbl, "limit" => page_size, exclusive_start_key => start,
                                 segment => seg, total_segments => total);
        all_items := all_items || (page->'Items');
        start := page->'LastEvaluatedKey';
        EXIT WHEN start IS NULL;
    END LOOP;
    RETURN all_items;
END $$;
SELECT jsonb_array_length(pg_temp.scan_walk('QStr', 4)) AS items,
       (SELECT count(DISTINCT x) FROM jsonb_array_elements(pg_temp.scan_walk('QStr', 4)) x) AS distinct_items;
-- Parallel scan: segments are disjoint and together cover the table
SELECT dynamo.create_table('QPar', 'Id', 'N') IS NOT NULL AS created;
SELECT count(dynamo.put_item('QPar', jsonb_build_object('Id', i)) IS NULL) FROM generate_series(1, 200) i;
WITH seg AS (
    SELECT s, x->>'Id' AS id
    FROM generate_series(0, 3) s, jsonb_array_elements(pg_temp.scan_walk('QPar', 7, s, 4)) x
)
SELECT count(*) AS items, count(DISTINCT id) AS distinct_items, count(DISTINCT s) AS segments_used,
       min(n) > 0 AS every_segment_has_items
FROM seg, LATERAL (SELECT count(*) AS n FROM seg s2 WHERE s2.s = seg.s) c;
SELECT count(*) FROM dynamo.scan('QPar', segment => 0, total_segments => 1);
SELECT sum(c) FROM (SELECT count(*) AS c FROM generate_series(0, 9) s, dynamo.scan('QStr', segment => s, total_segments => 10) GROUP BY s) x;

-- execute(): DynamoDB's shapes
SELECT dynamo.execute('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND begins_with(S, :a)",
    "ExpressionAttributeValues":{":p":{"S":"p1"},":a":{"S":"a"}},"Limit":2,"ReturnConsumedCapacity":"TOTAL"}');
SELECT dynamo.execute('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND begins_with(S, :a)",
    "ExpressionAttributeValues":{":p":{"S":"p1"},":a":{"S":"a"}},"ExclusiveStartKey":{"P":{"S":"p1"},"S":{"S":"ab"}}}');
SELECT dynamo.execute('Query', '{"TableName":"QNum","KeyConditionExpression":"P = :p AND S BETWEEN :a AND :b",
    "ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"0"},":b":{"N":"1"}},"ScanIndexForward":false,
    "ProjectionExpression":"S","ConsistentRead":true}');
SELECT dynamo.execute('Query', '{"TableName":"QBin","KeyConditionExpression":"P = :p AND S > :b",
    "ExpressionAttributeValues":{":p":{"S":"p"},":b":{"B":"/wA="}},"Select":"COUNT"}');
SELECT dynamo.execute('Scan', '{"TableName":"QHash","FilterExpression":"v > :v","ExpressionAttributeValues":{":v":{"N":"5"}},
    "Limit":4,"ReturnConsumedCapacity":"INDEXES"}');
SELECT dynamo.execute('Scan', '{"TableName":"QHash","Segment":1,"TotalSegments":2}');
-- legacy parameters
SELECT dynamo.execute('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p1"}]},
    "S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"S":"a"},{"S":"b"}]}},
    "QueryFilter":{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"3"}]}},"AttributesToGet":["S","n"]}');
SELECT dynamo.execute('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p1"}]},
    "S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"ab"}]}},"FilterExpression":"n > :n",
    "ExpressionAttributeValues":{":n":{"N":"1"}}}');
SELECT dynamo.execute('Scan', '{"TableName":"QHash","ScanFilter":{"v":{"ComparisonOperator":"LE","AttributeValueList":[{"N":"4"}]},
    "P":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"5"}]}},"ConditionalOperator":"OR"}');

-- The same request as plain SQL, to compare, run or EXPLAIN
SELECT dynamo.to_sql('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND begins_with(S, :a)",
    "ExpressionAttributeValues":{":p":{"S":"p1"},":a":{"S":"a"}}}');
SELECT dynamo.to_sql('Query', '{"TableName":"QNum","KeyConditionExpression":"P = :p AND S > :a",
    "ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"-1"},":t":{"N":"9"}},"FilterExpression":"n <> :t",
    "ProjectionExpression":"S","Limit":3,"ScanIndexForward":false}');
SELECT dynamo.to_sql('Scan', '{"TableName":"QStr","ExclusiveStartKey":{"P":{"S":"p1"},"S":{"S":"b"}},"Select":"COUNT"}');
SELECT dynamo.to_sql('Scan', '{"TableName":"QBin","Segment":1,"TotalSegments":4,"Limit":10}');
CREATE FUNCTION pg_temp.explain(sql text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    SET LOCAL enable_seqscan = off;   -- a tiny table: show the plan of a large one
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || sql;
END $$;
SELECT pg_temp.explain(dynamo.to_sql('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND begins_with(S, :a)",
    "ExpressionAttributeValues":{":p":{"S":"p1"},":a":{"S":"a"}},"ScanIndexForward":false}'));
-- running it gives the items the Query gives
CREATE FUNCTION pg_temp.run(sql text) RETURNS SETOF jsonb LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE sql;
END $$;
SELECT (SELECT jsonb_agg(x) FROM pg_temp.run(dynamo.to_sql('Query', '{"TableName":"QNum","KeyConditionExpression":"P = :p AND S > :a",
    "ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"-1"},":t":{"N":"9"}},"FilterExpression":"n <> :t",
    "ProjectionExpression":"S","Limit":3,"ScanIndexForward":false}')) x)
     = (SELECT jsonb_agg(x) FROM dynamo.query('QNum', 'P = :p AND S > :a', expression_attribute_values => '{":p":"p",":a":-1,":t":9}',
        filter_expression => 'n <> :t', projection_expression => 'S', "limit" => 3, scan_index_forward => false) x) AS same;

-- Invalid requests: DynamoDB's exception and message, nothing changed
SELECT pg_temp.try('Query', '{"TableName":"QStr"}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","FilterExpression":"n > :n","ExpressionAttributeValues":{":n":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"Nope","KeyConditionExpression":"P = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"S = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"n = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND n = :n","ExpressionAttributeValues":{":p":{"S":"x"},":n":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QHash","KeyConditionExpression":"P = :p AND n = :n","ExpressionAttributeValues":{":p":{"N":"1"},":n":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S = :s AND n = :n","ExpressionAttributeValues":{":p":{"S":"x"},":s":{"S":"x"},":n":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND P = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S >= :a AND S <= :b","ExpressionAttributeValues":{":p":{"S":"x"},":a":{"S":"a"},":b":{"S":"b"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p OR S = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"NOT P = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P IN (:p)","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P <> :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND attribute_exists(S)","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND contains(S, :p)","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P < :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"begins_with(P, :p)","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExpressionAttributeValues":{":p":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S > :s","ExpressionAttributeValues":{":p":{"S":"x"},":s":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QNum","KeyConditionExpression":"P = :p AND begins_with(S, :s)","ExpressionAttributeValues":{":p":{"S":"x"},":s":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QNum","KeyConditionExpression":"P = :p AND S BETWEEN :a AND :b","ExpressionAttributeValues":{":p":{"S":"x"},":a":{"N":"2"},":b":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S.x = :s","ExpressionAttributeValues":{":p":{"S":"x"},":s":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = S"}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":":p = :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND :p BETWEEN S AND :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND size(S) > :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S[1] > :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExpressionAttributeValues":{":p":{"S":"x"},":q":{"S":"y"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :missing","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"((P = :p))","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","FilterExpression":"S > :p","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","FilterExpression":"n > :n OR #k = :p","ExpressionAttributeNames":{"#k":"P"},"ExpressionAttributeValues":{":p":{"S":"x"},":n":{"N":"1"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Limit":0,"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Limit":"3","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Select":"SPECIFIC_ATTRIBUTES","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Select":"ALL_ATTRIBUTES","ProjectionExpression":"n","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Select":"COUNT","ProjectionExpression":"n","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Select":"ALL_PROJECTED_ATTRIBUTES","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","Select":"count","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","IndexName":"ByN","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExclusiveStartKey":{"P":{"S":"x"}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExclusiveStartKey":{"P":{"S":"x"},"S":{"S":"a"},"n":{"N":"1"}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExclusiveStartKey":{"P":{"S":"x"},"S":{"N":"1"}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","ExclusiveStartKey":{"P":{"S":"y"},"S":{"S":"a"}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p AND S > :s","ExclusiveStartKey":{"P":{"S":"x"},"S":{"S":"a"}},"ExpressionAttributeValues":{":p":{"S":"x"},":s":{"S":"b"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditionExpression":"P = :p","QueryFilter":{"n":{"ComparisonOperator":"NOT_NULL"}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"NE","AttributeValueList":[{"S":"x"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},"S":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"x"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]},"S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"S":"b"},{"S":"a"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}},"QueryFilter":{"S":{"ComparisonOperator":"NOT_NULL"}}}');
SELECT pg_temp.try('Query', '{"TableName":"QStr","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}},"ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Segment":1}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","TotalSegments":2}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Segment":2,"TotalSegments":2}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Segment":-1,"TotalSegments":2}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Segment":0,"TotalSegments":0}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Segment":0,"TotalSegments":1000001}');
SELECT pg_temp.try('Scan', ('{"TableName":"QPar","Segment":0,"TotalSegments":2,"ExclusiveStartKey":{"Id":{"N":"' ||
    (SELECT min((x->>'Id')::int) FROM jsonb_array_elements(pg_temp.scan_walk('QPar', 1000, 1, 2)) x) || '"}}}')::jsonb);
SELECT pg_temp.try('Scan', '{"TableName":"QStr","ExclusiveStartKey":{"P":{"S":"x"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","ExclusiveStartKey":{"P":{"S":"x"},"S":{"N":"1"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","Select":"SPECIFIC_ATTRIBUTES"}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","ExpressionAttributeValues":{":p":{"S":"x"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","ScanFilter":{"n":{"ComparisonOperator":"NOT_NULL"}},"FilterExpression":"attribute_exists(n)"}');
SELECT pg_temp.try('Scan', '{"TableName":"QStr","FilterExpression":"S > :s AND P = :p","ExpressionAttributeValues":{":p":{"S":"p1"},":s":{"S":"é"}}}');
-- the same checks through the ergonomic functions
SELECT * FROM dynamo.query('QStr', 'P = :p AND S > :s', expression_attribute_values => '{":p":"p1",":s":1}');
SELECT * FROM dynamo.query('QStr', 'P = :p', expression_attribute_values => '{":p":"p1"}', "limit" => 0);
SELECT * FROM dynamo.query('QStr', NULL);
SELECT * FROM dynamo.scan('QStr', segment => 3, total_segments => 3);
SELECT dynamo.to_sql('GetItem', '{}');
SELECT dynamo.to_sql('Query', '[]');
-- nothing changed
SELECT count(*) FROM dynamo.scan('QStr');
