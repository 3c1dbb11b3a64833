--
-- fidelity_read_order: a Query's checks in DynamoDB's order, with its
-- messages.  The key condition expression is parsed before the other
-- expressions' emptiness is looked at; its operators, then its shape
-- (nested operations, one condition per key, their number) before the
-- table is looked up; then the index and ConsistentRead; the start key's
-- size and partition key; the key condition against the key schema (and
-- legacy operators); the rest of the start key; where the start key lies;
-- the filter's key attributes; Select ALL_ATTRIBUTES on a GSI last.
--

-- A request through execute(): the response, or "Exception: message"
\i sql/include/execute.sql
-- Query on table ro_range (a hash, b range) with req's members added
CREATE FUNCTION pg_temp.q(req jsonb) RETURNS text LANGUAGE sql AS $$
SELECT pg_temp.try('Query', '{"TableName": "ro_range"}'::jsonb || req)
$$;

SELECT pg_temp.try('CreateTable', '{"TableName": "ro_hash", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}]}') IS NOT NULL AS created;
SELECT pg_temp.try('CreateTable', '{"TableName": "ro_range", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"},
                             {"AttributeName": "c", "AttributeType": "S"}, {"AttributeName": "d", "AttributeType": "S"}],
    "LocalSecondaryIndexes": [{"IndexName": "index1", "Projection": {"ProjectionType": "ALL"},
        "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "c", "KeyType": "RANGE"}]}],
    "GlobalSecondaryIndexes": [
        {"IndexName": "index3", "Projection": {"ProjectionType": "ALL"},
         "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}]},
        {"IndexName": "index4", "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["e"]},
         "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}, {"AttributeName": "d", "KeyType": "RANGE"}]}]}') IS NOT NULL AS created;

-- the key condition is parsed before the filter's emptiness is looked at;
-- its operators are checked after that
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "FilterExpression": "", "KeyConditionExpression": "a > 4"}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "FilterExpression": "", "KeyConditionExpression": "attribute_type(a, b)"}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "FilterExpression": "", "KeyConditionExpression": "attribute_type(a, :a)",
    "ExpressionAttributeValues": {":a": {"S": "N"}}}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "KeyConditionExpression": "attribute_type(a, :a)",
    "ExpressionAttributeValues": {":a": {"S": "N"}}}');

-- the key condition's shape, checked before the table is looked up
SELECT n, pg_temp.try('Query', jsonb_build_object('TableName', 'nosuch', 'KeyConditionExpression', e)
    || CASE WHEN e LIKE '%:b%' THEN '{"ExpressionAttributeValues": {":a": {"S": "1"}, ":b": {"S": "2"}}}'::jsonb
            WHEN e LIKE '%:a%' THEN '{"ExpressionAttributeValues": {":a": {"S": "1"}}}' ELSE '{}' END) AS error
FROM (VALUES (1, ':a between size(b) and size(a) and b > :b'), (2, 'begins_with(:a, b) and a > :b'),
             (3, 'a > size(b) and b > :a'), (4, 'a between size(b) and size(a)'),
             (5, 'b > :a AND b < :a and a = :a and a = :b'), (6, 'a = :a and b = :a and c = :a'),
             (7, ':b > :a AND a < :b'), (8, 'b.d > :a'), (9, 'a = :a and b between :a and :b')) v(n, e)
ORDER BY n;
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "KeyConditionExpression": "a between :b and :a",
    "ExpressionAttributeValues": {":a": {"S": "a"}, ":b": {"N": "1"}}}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "KeyConditionExpression": "a between :b and :a",
    "ExpressionAttributeValues": {":a": {"S": "a"}, ":b": {"S": "b"}}}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "KeyConditions": {"a": {"ComparisonOperator": "NULL"},
    "b": {"ComparisonOperator": "NULL"}, "c": {"ComparisonOperator": "NULL"}}}');

-- the table, the index and ConsistentRead come before the key's checks
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "ExclusiveStartKey": {"b": {"S": "a"}},
    "KeyConditions": {"z": {"ComparisonOperator": "NULL"}}, "QueryFilter": {}}');
SELECT pg_temp.q('{"IndexName": "whatever", "ExclusiveStartKey": {}, "KeyConditions": {"z": {"ComparisonOperator": "NULL"}}}');
SELECT pg_temp.q('{"IndexName": "index3", "ConsistentRead": true, "ExclusiveStartKey": {},
    "KeyConditions": {"z": {"ComparisonOperator": "NULL"}}}');

-- the start key's size and partition key, then the key condition's names,
-- then (legacy) its operators
SELECT n, pg_temp.q(jsonb_build_object('ExclusiveStartKey', k, 'KeyConditions', '{"z": {"ComparisonOperator": "NULL"}}'::jsonb) || x) AS error
FROM (VALUES (1, '{}'::jsonb, '{}'::jsonb), (2, '{"a": {"B": "abcd"}}', '{}'), (3, '{"a": {"N": "1"}, "z": {"S": "a"}}', '{}'),
             (4, '{"a": {"S": "a"}, "z": {"S": "a"}}', '{}'),
             (5, '{"a": {"S": "a"}, "x": {"S": "a"}, "y": {"S": "a"}}', '{"IndexName": "index1"}'),
             (6, '{"a": {"N": "1"}, "x": {"S": "a"}, "y": {"S": "a"}}', '{"IndexName": "index1"}'),
             (7, '{"a": {"S": "a"}, "b": {"S": "a"}, "z": {"S": "a"}}', '{"IndexName": "index3"}'),
             (8, '{"x": {"S": "a"}, "y": {"S": "a"}, "c": {"N": "1"}}', '{"IndexName": "index3"}'),
             (9, '{"x": {"S": "a"}, "y": {"S": "a"}, "c": {"S": "1"}}', '{"IndexName": "index3"}')) v(n, k, x)
ORDER BY n;
SELECT pg_temp.q('{"KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "b"}]},
    "c": {"ComparisonOperator": "NULL"}}}');
SELECT pg_temp.q('{"KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "b"}]},
    "b": {"ComparisonOperator": "NULL"}}}');
SELECT pg_temp.try('Query', '{"TableName": "ro_hash", "KeyConditions": {"a": {"ComparisonOperator": "NULL"}}}');
SELECT n, pg_temp.try('Query', jsonb_build_object('TableName', 'ro_hash', 'KeyConditionExpression', e,
    'ExpressionAttributeValues', '{":a": {"S": "1"}}'::jsonb)) AS error
FROM (VALUES (1, 'a = :a AND b = :a'), (2, 'y = :a and z = :a'), (3, 'begins_with(a, :a)')) v(n, e)
ORDER BY n;

-- the rest of the start key: the sort key ("invalid" when missing), then
-- an index read's table key attributes
SELECT n, pg_temp.q(jsonb_build_object('ExclusiveStartKey', k, 'KeyConditionExpression', 'a = :a',
    'ExpressionAttributeValues', '{":a": {"S": "b"}}'::jsonb) || x) AS error
FROM (VALUES (1, '{"a": {"S": "a"}, "z": {"S": "a"}}'::jsonb, '{}'::jsonb), (2, '{"a": {"S": "a"}, "b": {"N": "1"}}', '{}'),
             (3, '{"a": {"S": "a"}, "b": {"N": "1"}, "c": {"N": "1"}}', '{"IndexName": "index1"}'),
             (4, '{"a": {"S": "a"}, "b": {"N": "1"}, "c": {"S": "a"}}', '{"IndexName": "index1"}')) v(n, k, x)
ORDER BY n;
SELECT n, pg_temp.q(jsonb_build_object('ExclusiveStartKey', k, 'IndexName', 'index3', 'KeyConditionExpression', 'c = :a',
    'ExpressionAttributeValues', '{":a": {"S": "b"}}'::jsonb)) AS error
FROM (VALUES (1, '{"x": {"N": "1"}, "y": {"N": "1"}, "c": {"S": "a"}}'::jsonb),
             (2, '{"a": {"S": "1"}, "b": {"N": "1"}, "c": {"S": "a"}}')) v(n, k)
ORDER BY n;

-- where the start key lies: the sort key predicate first, then the
-- partition ("at most one row" when the condition has a sort key part)
SELECT n, pg_temp.q(jsonb_build_object('ExclusiveStartKey', k, 'KeyConditionExpression', e,
    'ExpressionAttributeValues', '{":a": {"S": "b"}}'::jsonb)) AS error
FROM (VALUES (1, '{"a": {"S": "a"}, "b": {"S": "a"}}'::jsonb, 'a = :a and b > :a'),
             (2, '{"a": {"S": "a"}, "b": {"S": "a"}}', 'a = :a and b < :a'),
             (3, '{"a": {"S": "a"}, "b": {"S": "a"}}', 'a = :a')) v(n, k, e)
ORDER BY n;
SELECT n, pg_temp.q(jsonb_build_object('IndexName', 'index4', 'ExclusiveStartKey', k, 'KeyConditionExpression', e,
    'ExpressionAttributeValues', '{":a": {"S": "a"}}'::jsonb)) AS error
FROM (VALUES (1, '{"a": {"S": "a"}, "b": {"S": "a"}, "c": {"S": "a"}, "d": {"S": "0"}}'::jsonb, 'c = :a and d > :a'),
             (2, '{"a": {"S": "a"}, "b": {"S": "a"}, "c": {"S": "c"}, "d": {"S": "a"}}', 'c = :a and d = :a'),
             (3, '{"a": {"S": "a"}, "b": {"S": "a"}, "c": {"S": "c"}, "d": {"S": "a"}}', 'c = :a'),
             (4, '{"a": {"S": "a"}, "b": {"S": "a"}, "c": {"S": "a"}, "d": {"S": "a"}}', 'c = :a and d = :a')) v(n, k, e)
ORDER BY n;

-- Select ALL_ATTRIBUTES on a GSI without ALL is checked last
SELECT pg_temp.q('{"IndexName": "index4", "Select": "ALL_ATTRIBUTES", "ExclusiveStartKey": {"c": {"S": "1"}},
    "KeyConditions": {"c": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "b"}]}}}');
SELECT pg_temp.q('{"IndexName": "index4", "Select": "ALL_ATTRIBUTES",
    "KeyConditions": {"c": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
    "QueryFilter": {"d": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}}}');
SELECT pg_temp.q('{"IndexName": "index4", "Select": "ALL_ATTRIBUTES",
    "KeyConditions": {"c": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}}}');

-- before any of that, the request's values: a Query's QueryFilter, then
-- AttributesToGet (a Scan's AttributesToGet before its ScanFilter), then
-- ExclusiveStartKey's values (some messages prefixed as DynamoDB's are),
-- Segment and TotalSegments, KeyConditions, the expressions
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "ExclusiveStartKey": {"a": {}}, "AttributesToGet": ["a", "a"],
    "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{}]}},
    "QueryFilter": {"a": {"ComparisonOperator": "EQ"}}}');
SELECT pg_temp.try('Query', '{"TableName": "nosuch", "QueryFilter": {}, "ExclusiveStartKey": {"a": {}}, "AttributesToGet": ["a", "a"]}');
SELECT pg_temp.try('Scan', '{"TableName": "nosuch", "Segment": 1, "ExclusiveStartKey": {"a": {}}, "AttributesToGet": ["a", "a"],
    "ScanFilter": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{}, {"S": ""}]}}}');
SELECT n, pg_temp.try('Query', jsonb_build_object('TableName', 'nosuch', 'ExclusiveStartKey', jsonb_build_object('a', v),
    'KeyConditions', '{"a": {"ComparisonOperator": "EQ"}}'::jsonb)) AS error
FROM (VALUES (1, '{}'::jsonb), (2, '{"M": {"a": {}}}'), (3, '{"SS": []}'), (4, '{"NS": []}'), (5, '{"S": "a", "B": "YQ=="}')) v(n, v)
ORDER BY n;
SELECT pg_temp.try('Scan', '{"TableName": "nosuch", "Segment": 1, "ExclusiveStartKey": {"a": {}}}');
SELECT pg_temp.try('Scan', '{"TableName": "nosuch", "Segment": 1, "FilterExpression": "", "ExpressionAttributeNames": {}}');

-- an index Scan's start key: its size, then the index key attributes, then
-- Select, then the table's key attributes; an unknown index first
SELECT pg_temp.try('Scan', '{"TableName": "ro_range", "IndexName": "whatever", "ExclusiveStartKey": {"z": {"S": "a"}}}');
SELECT n, pg_temp.try('Scan', jsonb_build_object('TableName', 'ro_range', 'ExclusiveStartKey', k) || x) AS error
FROM (VALUES (1, '{"a": {"N": "1"}, "b": {"N": "1"}, "c": {"S": "1"}, "e": {"N": "1"}}'::jsonb,
                 '{"IndexName": "index4", "Select": "ALL_ATTRIBUTES"}'::jsonb),
             (2, '{"x": {"N": "1"}, "y": {"N": "1"}, "c": {"S": "a"}, "d": {"S": "a"}}', '{"IndexName": "index4", "Select": "ALL_ATTRIBUTES"}'),
             (3, '{"x": {"N": "1"}, "y": {"N": "1"}, "c": {"S": "a"}, "d": {"N": "1"}}', '{"IndexName": "index4"}'),
             (4, '{"x": {"N": "1"}, "y": {"N": "1"}, "c": {"S": "a"}, "d": {"S": "a"}}', '{"IndexName": "index4"}'),
             (5, '{"a": {"N": "1"}, "x": {"S": "1"}, "y": {"S": "1"}}', '{"IndexName": "index1"}'),
             (6, '{"a": {"S": "1"}, "b": {"N": "1"}, "c": {"S": "a"}}', '{"IndexName": "index1"}')) v(n, k, x)
ORDER BY n;

-- a filter's path into a key attribute: the table's ("Key"), an index's
-- ("IndexKey"); a Query names its table's own key attributes otherwise
SELECT n, pg_temp.try(op, jsonb_build_object('TableName', 'ro_range', 'FilterExpression', f) || x) AS error
FROM (VALUES (1, 'Scan', 'attribute_exists(a.b.c)', '{}'::jsonb),
             (2, 'Scan', 'attribute_exists(#a[0])', '{"ExpressionAttributeNames": {"#a": "b"}}'),
             (3, 'Scan', 'd[1] = :b', '{"ExpressionAttributeValues": {":b": {"N": "1"}}}'),
             (4, 'Query', 'attribute_exists(d.c) AND e = :b',
                 '{"KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "1"}, ":b": {"N": "1"}}}'),
             (5, 'Query', 'a[1] = :b',
                 '{"KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "1"}, ":b": {"N": "1"}}}'),
             (6, 'Query', 'a = :b and a.b = :a',
                 '{"IndexName": "index4", "Select": "ALL_ATTRIBUTES", "KeyConditionExpression": "c = :a",
                   "ExpressionAttributeValues": {":a": {"S": "1"}, ":b": {"N": "1"}}}'),
             (7, 'Query', 'a = :b and a.b = :a',
                 '{"IndexName": "index4", "KeyConditionExpression": "c = :a",
                   "ExpressionAttributeValues": {":a": {"S": "1"}, ":b": {"N": "1"}}}')) v(n, op, f, x)
ORDER BY n;

SELECT dynamo.delete_table('ro_hash') ->> 'TableStatus' AS deleted;
SELECT dynamo.delete_table('ro_range') ->> 'TableStatus' AS deleted;
