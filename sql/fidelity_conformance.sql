--
-- fidelity_conformance: behaviours an external DynamoDB test suite showed
-- (written against AWS): CreateTable's AttributeDefinitions checked whole
-- (types, name lengths), index projections (INCLUDE needs
-- NonKeyAttributes, no name twice, names of 1 to 255), multi-attribute
-- index query rules stated in the errors.
--

-- A request through execute(): the response, or "Exception: message"
\i sql/include/execute.sql
-- CreateTable of table conf_t with one GSI on x; defs and gsi patch the request
CREATE FUNCTION pg_temp.create(defs jsonb, gsi jsonb) RETURNS text LANGUAGE sql AS $$
SELECT pg_temp.try('CreateTable', jsonb_build_object('TableName', 'conf_t', 'BillingMode', 'PAY_PER_REQUEST',
    'KeySchema', '[{"AttributeName": "p", "KeyType": "HASH"}]'::jsonb,
    'AttributeDefinitions', '[{"AttributeName": "p", "AttributeType": "S"}]'::jsonb || defs,
    'GlobalSecondaryIndexes', jsonb_build_array('{"IndexName": "gsi", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                                  "Projection": {"ProjectionType": "ALL"}}'::jsonb || gsi)))
$$;

-- every AttributeDefinition's type is one of B, N, S (an index key too)
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "BOOL"}]', '{}');
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "SS"}]', '{}');
-- a defined name over 255 characters, even when no key uses it
SELECT pg_temp.create(jsonb_build_array(jsonb_build_object('AttributeName', repeat('n', 256), 'AttributeType', 'S')), '{}');
-- INCLUDE needs NonKeyAttributes; no name twice; names of 1 to 255
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "S"}]', '{"Projection": {"ProjectionType": "INCLUDE"}}');
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "S"}]',
                      '{"Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a", "b", "a"]}}');
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "S"}]',
                      jsonb_build_object('Projection', jsonb_build_object('ProjectionType', 'INCLUDE',
                                         'NonKeyAttributes', jsonb_build_array(repeat('a', 256)))));
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "S"}]',
                      '{"Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a", "b"]}}')::jsonb
       -> 'TableDescription' -> 'GlobalSecondaryIndexes' -> 0 -> 'Projection' AS projection;
SELECT dynamo.delete_table('conf_t') ->> 'TableStatus' AS deleted;

-- a multi-attribute index: HASH h1, h2; RANGE r1, r2
SELECT pg_temp.try('CreateTable', '{"TableName": "conf_m", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "h1", "AttributeType": "S"},
        {"AttributeName": "h2", "AttributeType": "S"}, {"AttributeName": "r1", "AttributeType": "N"},
        {"AttributeName": "r2", "AttributeType": "N"}],
    "GlobalSecondaryIndexes": [{"IndexName": "mix", "Projection": {"ProjectionType": "ALL"},
        "KeySchema": [{"AttributeName": "h1", "KeyType": "HASH"}, {"AttributeName": "h2", "KeyType": "HASH"},
                      {"AttributeName": "r1", "KeyType": "RANGE"}, {"AttributeName": "r2", "KeyType": "RANGE"}]}]}') LIKE '{%' AS created;
SELECT pg_temp.try('PutItem', '{"TableName": "conf_m", "Item": {"p": {"S": "1"}, "h1": {"S": "a"}, "h2": {"S": "b"},
                                "r1": {"N": "1"}, "r2": {"N": "2"}}}');
-- a Query of the index, with the values of :a :b :one :two the condition uses
CREATE FUNCTION pg_temp.q(cond text) RETURNS text LANGUAGE sql AS $$
SELECT pg_temp.try('Query', jsonb_build_object('TableName', 'conf_m', 'IndexName', 'mix', 'KeyConditionExpression', cond,
    'ExpressionAttributeValues', (SELECT jsonb_object_agg(key, value)
        FROM jsonb_each('{":a": {"S": "a"}, ":b": {"S": "b"}, ":one": {"N": "1"}, ":two": {"N": "2"}}')
        WHERE cond ~ (key || '\M')),
    'Select', 'COUNT'))
$$;
SELECT pg_temp.q('h1 = :a AND h2 = :b AND r1 = :one AND r2 = :two') AS all_equal;
SELECT pg_temp.q('h1 = :a AND h2 = :b AND r1 = :one AND r2 > :one') AS last_a_range;
SELECT pg_temp.q('h1 = :a') AS missing_hash;
SELECT pg_temp.q('h1 = :a AND h2 > :a') AS hash_inequality;
SELECT pg_temp.q('h1 = :a AND begins_with(h2, :b)') AS hash_begins_with;
SELECT pg_temp.q('h1 = :a AND h2 = :b AND r2 = :two') AS range_skipped;
SELECT pg_temp.q('h1 = :a AND h2 = :b AND r1 < :two AND r2 = :two') AS range_inequality_not_last;
-- HASH must precede RANGE in an index KeySchema
SELECT pg_temp.try('UpdateTable', '{"TableName": "conf_m",
    "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "h1", "AttributeType": "S"},
                             {"AttributeName": "r1", "AttributeType": "N"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "bad", "Projection": {"ProjectionType": "ALL"},
        "KeySchema": [{"AttributeName": "h1", "KeyType": "HASH"}, {"AttributeName": "r1", "KeyType": "RANGE"},
                      {"AttributeName": "p", "KeyType": "HASH"}]}}]}');
SELECT dynamo.delete_table('conf_m') ->> 'TableStatus' AS deleted;

-- expressions: names start with a letter (others need #placeholders)
SELECT dynamo.create_table('conf_e', 'p') IS NOT NULL AS created;
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET a = :v, Alpha_9 = :v", "ExpressionAttributeValues": {":v": {"L": [{"S": "x"}]}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET _a = :v", "ExpressionAttributeValues": {":v": {"N": "1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET a = _f(b)"}');
-- list_append directly inside list_append is refused; inside if_not_exists it is not
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET a = list_append(list_append(:v, :v), :v)", "ExpressionAttributeValues": {":v": {"L": []}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET a = list_append(if_not_exists(a, :v), :v)", "ExpressionAttributeValues": {":v": {"L": [{"S": "y"}]}},
    "ReturnValues": "UPDATED_NEW"}');
-- contains() of an attribute in itself
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "UpdateExpression": "SET z = :v", "ConditionExpression": "contains(a, a)", "ExpressionAttributeValues": {":v": {"N": "1"}}}');
-- a list index past 2^31 - 1
SELECT pg_temp.try('GetItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}}, "ProjectionExpression": "a[99999999999999]"}');
SELECT pg_temp.try('GetItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}}, "ProjectionExpression": "a[1]"}');
-- ConditionalOperator needs Expected with elements
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "AttributeUpdates": {"z": {"Value": {"N": "4"}, "Action": "PUT"}}, "Expected": {}, "ConditionalOperator": "OR"}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_e", "Key": {"p": {"S": "k"}},
    "AttributeUpdates": {"z": {"Value": {"N": "4"}, "Action": "PUT"}}, "Expected": {}}');
-- a Query of a table without sort key cannot start after an item
SELECT pg_temp.try('Query', '{"TableName": "conf_e", "KeyConditionExpression": "p = :p",
    "ExpressionAttributeValues": {":p": {"S": "k"}}, "ExclusiveStartKey": {"p": {"S": "k"}}}');
SELECT dynamo.delete_table('conf_e') ->> 'TableStatus' AS deleted;

-- attribute names: not empty (at the top of an item), at most 65535 bytes
SELECT dynamo.create_table('conf_n', 'p') IS NOT NULL AS created;
SELECT pg_temp.try('PutItem', '{"TableName": "conf_n", "Item": {"p": {"S": "k"}, "": {"N": "1"}}}');
SELECT pg_temp.try('PutItem', '{"TableName": "conf_n", "Item": {"p": {"S": "k"}, "m": {"M": {"": {"N": "1"}}}}}');
SELECT pg_temp.try('GetItem', '{"TableName": "conf_n", "Key": {"p": {"S": "k"}}, "AttributesToGet": [""]}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_n", "Key": {"p": {"S": "k"}},
    "AttributeUpdates": {"": {"Value": {"N": "2"}, "Action": "PUT"}}}');
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', 'conf_n', 'Key', '{"p": {"S": "k"}}'::jsonb,
    'AttributesToGet', jsonb_build_array(repeat('n', 65536))));
SELECT pg_temp.try('UpdateItem', jsonb_build_object('TableName', 'conf_n', 'Key', '{"p": {"S": "k"}}'::jsonb,
    'UpdateExpression', 'SET #n = :v', 'ExpressionAttributeNames', jsonb_build_object('#n', repeat('n', 65536)),
    'ExpressionAttributeValues', '{":v": {"N": "1"}}'::jsonb));
SELECT dynamo.delete_table('conf_n') ->> 'TableStatus' AS deleted;

-- UpdateTable: one action per GlobalSecondaryIndexUpdate; one index created or deleted at a time
SELECT dynamo.create_table('conf_u', 'p') IS NOT NULL AS created;
SELECT pg_temp.try('UpdateTable', '{"TableName": "conf_u", "AttributeDefinitions": [{"AttributeName": "x", "AttributeType": "N"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "ind", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                                "Projection": {"ProjectionType": "ALL"}},
                                     "Delete": {"IndexName": "xyz"}}]}');
SELECT pg_temp.try('UpdateTable', '{"TableName": "conf_u", "AttributeDefinitions": [{"AttributeName": "x", "AttributeType": "N"}],
    "GlobalSecondaryIndexUpdates": [
        {"Create": {"IndexName": "ind1", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}},
        {"Create": {"IndexName": "ind2", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}}]}');
SELECT dynamo.delete_table('conf_u') ->> 'TableStatus' AS deleted;
-- CreateTable: an index key name over 255 characters is a constraint violation
SELECT pg_temp.create('[{"AttributeName": "x", "AttributeType": "S"}]',
                      jsonb_build_object('KeySchema', jsonb_build_array(jsonb_build_object('AttributeName', repeat('k', 256), 'KeyType', 'HASH'))))
       LIKE '%globalSecondaryIndexes.1.member.keySchema.1.member.attributeName%less than or equal to 255' AS key_name_too_long;

-- a GSI read may only name attributes the index projects
SELECT dynamo.execute('CreateTable', '{"TableName": "conf_pj", "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
    "GlobalSecondaryIndexes": [{"IndexName": "hello", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a"]}}]}') IS NOT NULL AS created;
SELECT dynamo.execute('PutItem', '{"TableName": "conf_pj", "Item": {"p": {"S": "k"}, "x": {"S": "v"}, "a": {"S": "A"}, "b": {"S": "B"}}}');
SELECT pg_temp.try('Query', '{"TableName": "conf_pj", "IndexName": "hello", "KeyConditionExpression": "x = :x",
    "ExpressionAttributeValues": {":x": {"S": "v"}}, "ProjectionExpression": "a, b.c"}');
SELECT pg_temp.try('Query', '{"TableName": "conf_pj", "IndexName": "hello", "Select": "SPECIFIC_ATTRIBUTES", "AttributesToGet": ["b"],
    "KeyConditions": {"x": {"AttributeValueList": [{"S": "v"}], "ComparisonOperator": "EQ"}}}');
SELECT pg_temp.try('Scan', '{"TableName": "conf_pj", "IndexName": "hello", "ProjectionExpression": "#b", "ExpressionAttributeNames": {"#b": "b"}}');
SELECT dynamo.execute('Query', '{"TableName": "conf_pj", "IndexName": "hello", "KeyConditionExpression": "x = :x",
    "ExpressionAttributeValues": {":x": {"S": "v"}}, "ProjectionExpression": "a, p, x"}') -> 'Items' AS projected_ok;
-- a read of an index charges the index, not the table, through execute() and execute_text()
SELECT dynamo.execute('Query', '{"TableName": "conf_pj", "IndexName": "hello", "KeyConditionExpression": "x = :x",
    "ExpressionAttributeValues": {":x": {"S": "v"}}, "ReturnConsumedCapacity": "INDEXES"}') -> 'ConsumedCapacity' AS index_read_units;
SELECT dynamo.execute_text('Query', '{"TableName": "conf_pj", "IndexName": "hello", "KeyConditionExpression": "x = :x",
    "ExpressionAttributeValues": {":x": {"S": "v"}}, "ReturnConsumedCapacity": "INDEXES"}')::jsonb -> 'ConsumedCapacity' AS index_read_units_text;
SELECT dynamo.execute_text('Scan', '{"TableName": "conf_pj", "ReturnConsumedCapacity": "INDEXES"}')::jsonb -> 'ConsumedCapacity' AS table_read_units_text;
SELECT dynamo.delete_table('conf_pj') ->> 'TableStatus' AS deleted;

-- a backfill leaves out items whose index key would be empty or too long
-- (2048 bytes for a partition key, 1024 for a sort key), as DynamoDB does
SELECT dynamo.execute('CreateTable', '{"TableName": "conf_bf", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "c", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}]}') IS NOT NULL AS created;
SELECT count(dynamo.execute('PutItem', jsonb_build_object('TableName', 'conf_bf', 'Item',
           jsonb_build_object('p', jsonb_build_object('S', 'p' || n), 'c', '{"S": "c"}'::jsonb,
                              'x', jsonb_build_object('S', repeat('a', n)),
                              'b', jsonb_build_object('B', translate(encode(convert_to(repeat('b', n), 'UTF8'), 'base64'), E'\n', ''))))))
       AS put FROM unnest(ARRAY[0, 5, 1024, 1025, 2048, 2049]) AS n;
SELECT dynamo.execute('UpdateTable', '{"TableName": "conf_bf", "AttributeDefinitions": [{"AttributeName": "x", "AttributeType": "S"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "hxi", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                                "Projection": {"ProjectionType": "KEYS_ONLY"}}}]}') IS NOT NULL AS hash_index;
SELECT dynamo.execute('UpdateTable', '{"TableName": "conf_bf", "AttributeDefinitions": [{"AttributeName": "c", "AttributeType": "S"},
    {"AttributeName": "x", "AttributeType": "S"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "rxi", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"},
        {"AttributeName": "x", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}}]}') IS NOT NULL AS range_index;
SELECT dynamo.execute('UpdateTable', '{"TableName": "conf_bf", "AttributeDefinitions": [{"AttributeName": "b", "AttributeType": "B"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "hbi", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"}],
                                                "Projection": {"ProjectionType": "KEYS_ONLY"}}}]}') IS NOT NULL AS binary_index;
SELECT i AS index, (SELECT string_agg(e -> 'p' ->> 'S', ' ' ORDER BY e -> 'p' ->> 'S')
                    FROM jsonb_array_elements(dynamo.execute('Scan', jsonb_build_object('TableName', 'conf_bf', 'IndexName', i)) -> 'Items') e) AS items
FROM unnest(ARRAY['hxi', 'rxi', 'hbi']) AS i;
-- the items left out come back into the index once their key is valid
SELECT dynamo.execute('UpdateItem', '{"TableName": "conf_bf", "Key": {"p": {"S": "p0"}, "c": {"S": "c"}},
    "UpdateExpression": "SET x = :x REMOVE b", "ExpressionAttributeValues": {":x": {"S": "now"}}}');
SELECT dynamo.execute('Query', '{"TableName": "conf_bf", "IndexName": "hxi", "KeyConditionExpression": "x = :x",
    "ExpressionAttributeValues": {":x": {"S": "now"}}}') -> 'Items' AS back_in_index;
SELECT dynamo.delete_table('conf_bf') ->> 'TableStatus' AS deleted;

-- CreateTable answers CREATING (as DynamoDB does); DescribeTable then ACTIVE;
-- an empty table and its empty index have 0 bytes (the items' size)
SELECT dynamo.execute('CreateTable', '{"TableName": "conf_sz", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
    "GlobalSecondaryIndexes": [{"IndexName": "gxi", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                "Projection": {"ProjectionType": "ALL"}}]}') #>> '{TableDescription,TableStatus}' AS created;
SELECT d ->> 'TableStatus' AS status, d -> 'TableSizeBytes' AS table_bytes,
       d #> '{GlobalSecondaryIndexes,0,IndexSizeBytes}' AS index_bytes
FROM (SELECT dynamo.execute('DescribeTable', '{"TableName": "conf_sz"}') -> 'Table' AS d) s;
SELECT dynamo.execute('PutItem', '{"TableName": "conf_sz", "Item": {"p": {"S": "a"}, "x": {"S": "b"}}}');
SELECT (d -> 'TableSizeBytes')::int > 0 AS table_bytes, (d #> '{GlobalSecondaryIndexes,0,IndexSizeBytes}')::int > 0 AS index_bytes
FROM (SELECT dynamo.execute('DescribeTable', '{"TableName": "conf_sz"}') -> 'Table' AS d) s;
-- ExpressionAttributeValues without the expressions that use them: DynamoDB names those
SELECT pg_temp.try('PutItem', '{"TableName": "conf_sz", "Item": {"p": {"S": "a"}}, "ExpressionAttributeValues": {":v": {"S": "a"}}}');
SELECT pg_temp.try('DeleteItem', '{"TableName": "conf_sz", "Key": {"p": {"S": "a"}}, "ExpressionAttributeValues": {":v": {"S": "a"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_sz", "Key": {"p": {"S": "a"}}, "ExpressionAttributeValues": {":v": {"S": "a"}}}');
-- DescribeTimeToLive words its TableName errors as DescribeTable does
SELECT pg_temp.try('DescribeTimeToLive', '{}');
SELECT pg_temp.try('DescribeTimeToLive', '{"TableName": "a;"}');
SELECT pg_temp.try('DescribeTimeToLive', jsonb_build_object('TableName', repeat('a', 256)));
SELECT pg_temp.try('DescribeTimeToLive', '{"TableName": "conf_sz"}');
-- empty RequestItems
SELECT pg_temp.try('BatchGetItem', '{"RequestItems": {}}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems": {}}');
-- DynamoDB's order: the expression/legacy mix before the item's values
-- and ExclusiveStartKey's; every expression's emptiness, update and key
-- condition first, before any is parsed
SELECT pg_temp.try('PutItem', '{"TableName": "conf_sz", "Item": {"p": {}}, "Expected": {"p": {}}, "ConditionExpression": ""}');
SELECT pg_temp.try('GetItem', '{"TableName": "conf_sz", "Key": {"p": {}}, "AttributesToGet": ["a"], "ProjectionExpression": ""}');
SELECT pg_temp.try('Scan', '{"TableName": "conf_sz", "ExclusiveStartKey": {"p": {}}, "ScanFilter": {"a": {"ComparisonOperator": "NULL"}}, "FilterExpression": ""}');
SELECT pg_temp.try('UpdateItem', '{"TableName": "conf_sz", "Key": {"p": {"S": "a"}}, "ConditionExpression": "", "UpdateExpression": ""}');
SELECT pg_temp.try('Scan', '{"TableName": "conf_sz", "ProjectionExpression": "", "FilterExpression": " "}');
SELECT pg_temp.try('Query', '{"TableName": "conf_sz", "ProjectionExpression": "a", "FilterExpression": "", "KeyConditionExpression": "p = :p",
    "ExpressionAttributeValues": {":p": {"S": "a"}}}');
SELECT dynamo.delete_table('conf_sz') ->> 'TableStatus' AS deleted;
