--
-- fidelity_read_capacity: what Query and Scan are charged, as DynamoDB
-- charges them.
--

-- A read through a local secondary index is charged the index entries it
-- reads (the attributes the index projects); when it needs attributes the
-- index does not project (Select ALL_ATTRIBUTES, a projection or a filter
-- naming one), the items it fetches from the table are charged to the
-- table besides, their sizes summed before rounding up to 4 KB.
SELECT dynamo.execute('CreateTable', '{"TableName": "crc_lsi",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"},
                             {"AttributeName": "d", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}],
    "LocalSecondaryIndexes": [{"IndexName": "by_d",
        "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "d", "KeyType": "RANGE"}],
        "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["c"]}}],
    "BillingMode": "PAY_PER_REQUEST"}') IS NOT NULL AS created;
-- three items of 3,000 bytes of e and more: 9 KB in all, 3 units
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'crc_lsi', 'Item',
    jsonb_build_object('a', '{"S": "x"}'::jsonb, 'b', jsonb_build_object('S', 'b' || i),
                       'd', jsonb_build_object('S', 'd' || i), 'c', '{"S": "c"}'::jsonb,
                       'e', jsonb_build_object('S', repeat('e', 3000)))))
FROM generate_series(1, 3) i;
CREATE FUNCTION pg_temp.q(extra jsonb) RETURNS jsonb LANGUAGE sql AS $$
    SELECT dynamo.execute('Query', '{"TableName": "crc_lsi", "IndexName": "by_d",
        "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "x"}},
        "ConsistentRead": true, "ReturnConsumedCapacity": "INDEXES"}'::jsonb || extra)->'ConsumedCapacity'
$$;
SELECT n, pg_temp.q(x) AS consumed
FROM (VALUES (1, '{}'::jsonb), (2, '{"Select": "COUNT"}'), (3, '{"Select": "ALL_ATTRIBUTES"}'),
             (4, '{"ProjectionExpression": "c, d"}'), (5, '{"ProjectionExpression": "c, e"}'),
             (6, '{"FilterExpression": "size(e) > :a"}'), (7, '{"ConsistentRead": false, "Select": "ALL_ATTRIBUTES"}')) v(n, x)
ORDER BY n;
-- a Scan of the index alike
SELECT dynamo.execute('Scan', '{"TableName": "crc_lsi", "IndexName": "by_d", "Select": "ALL_ATTRIBUTES",
    "ReturnConsumedCapacity": "TOTAL"}')->'ConsumedCapacity' AS consumed;

-- A Scan that reads a whole table in one page is charged at least as
-- DynamoDB charges one of a small table: 4 units (2 eventually
-- consistent), a read for each of a new table's four partitions; a page
-- that stops early, a segment, a Scan from a start key, an index or a
-- Query are charged their bytes only
SELECT dynamo.create_table('crc_small', partition_key => 'p') IS NOT NULL AS created;
SELECT count(*) AS put
FROM (SELECT dynamo.put_item('crc_small', jsonb_build_object('p', 'k' || i, 'animal', 'cat'))
      FROM generate_series(1, 2) i) s;
CREATE FUNCTION pg_temp.units(op text, req jsonb) RETURNS jsonb LANGUAGE sql AS $$
    SELECT dynamo.execute(op, '{"TableName": "crc_small", "ReturnConsumedCapacity": "TOTAL"}'::jsonb || req)
        ->'ConsumedCapacity'->'CapacityUnits'
$$;
SELECT n, pg_temp.units(o, r) AS units
FROM (VALUES (1, 'Scan', '{"ConsistentRead": true}'::jsonb), (2, 'Scan', '{}'),
             (3, 'Scan', '{"Select": "COUNT", "FilterExpression": "animal = :d", "ExpressionAttributeValues": {":d": {"S": "dog"}}}'),
             (4, 'Scan', '{"Limit": 1}'), (5, 'Scan', '{"Limit": 2}'),
             (6, 'Scan', '{"Segment": 0, "TotalSegments": 2}'),
             (7, 'Scan', '{"ExclusiveStartKey": {"p": {"S": "k1"}}}'),
             (8, 'Query', '{"KeyConditionExpression": "p = :p", "ExpressionAttributeValues": {":p": {"S": "k1"}}}')) v(n, o, r)
ORDER BY n;
-- a table of more than 16 KB: its bytes
SELECT count(*) AS put FROM dynamo.put_item('crc_small', jsonb_build_object('p', 'big', 'b', repeat('b', 20000)));
SELECT pg_temp.units('Scan', '{"ConsistentRead": true}') AS units;
SELECT dynamo.delete_table('crc_small') ->> 'TableStatus' AS deleted;
SELECT dynamo.delete_table('crc_lsi') ->> 'TableStatus' AS deleted;
