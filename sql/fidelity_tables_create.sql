--
-- fidelity_tables_create: CreateTable's and UpdateTable's checks in
-- DynamoDB's order (dynalite's recordings of it): TableName's own messages
-- first, then every constraint violation at once, then BillingMode and
-- throughput, then the key schema, an LSI's keys before its Projection; an
-- index update's capacity bounds once its table and index are found.
--
\i sql/include/execute.sql
\pset tuples_only on
\pset format unaligned

-- TableName missing, too short: its own message, before anything else
SELECT pg_temp.v('CreateTable', '{}');
SELECT pg_temp.v('CreateTable', '{"TableName": "a;", "BillingMode": "A"}');
-- a bad pattern is one violation among the others
SELECT pg_temp.v('CreateTable', '{"TableName": "abc;"}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [], "ProvisionedThroughput": {},
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [], "KeySchema": [],
    "ProvisionedThroughput": {"ReadCapacityUnits": -1, "WriteCapacityUnits": -1}, "BillingMode": "A"}');
-- BillingMode and throughput before the key schema
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}]}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "HASH", "AttributeName": "a"}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "BillingMode": "PAY_PER_REQUEST"}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "ProvisionedThroughput": {"WriteCapacityUnits": 1000000000001, "ReadCapacityUnits": 1000000000001}}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000000, "WriteCapacityUnits": 1000000000001}}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc", "AttributeDefinitions": [],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
-- an index's IndexName first: the tenth violation is the fourth index's name
SELECT pg_temp.v('CreateTable', '{"TableName": "abc",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "RANGE", "AttributeName": "b"}],
    "LocalSecondaryIndexes": [{}, {}, {}, {}, {}, {}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
-- LSIs: the table's range key first, then each index's keys, then its Projection
SELECT pg_temp.v('CreateTable', '{"TableName": "abc",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "LocalSecondaryIndexes": [{"IndexName": "abc", "KeySchema": [{"AttributeName": "c", "KeyType": "RANGE"}], "Projection": {}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "RANGE", "AttributeName": "b"}],
    "LocalSecondaryIndexes": [{"IndexName": "abc", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"}], "Projection": {}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
SELECT pg_temp.v('CreateTable', '{"TableName": "abc",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "RANGE", "AttributeName": "b"}],
    "LocalSecondaryIndexes": [{"IndexName": "abc", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"},
        {"AttributeName": "a", "KeyType": "RANGE"}], "Projection": {}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
-- a GSI's Projection is checked without those key rules
SELECT pg_temp.v('CreateTable', '{"TableName": "abc",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "RANGE", "AttributeName": "b"}],
    "GlobalSecondaryIndexes": [{"IndexName": "abc", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"}],
        "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "Projection": {}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');

-- UpdateTable: an index update's capacity bounds after its table and index
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1000000000001}}}]}');
SELECT pg_temp.v('CreateTable', '{"TableName": "tc_upd", "BillingMode": "PROVISIONED",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "GlobalSecondaryIndexes": [{"IndexName": "gsa", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
        "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "Projection": {"ProjectionType": "KEYS_ONLY"}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}') LIKE '{%';
SELECT pg_temp.v('UpdateTable', '{"TableName": "tc_upd", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000000, "WriteCapacityUnits": 1000000000001}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "tc_upd", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "gsa", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000000, "WriteCapacityUnits": 1000000000001}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "tc_upd", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}}}]}');
SELECT pg_temp.v('DeleteTable', '{"TableName": "tc_upd"}') LIKE '{%';

-- DynamoDB answers CreateTable and UpdateTable before the work is done:
-- CreateTable's GSIs are CREATING with the table; UpdateTable's table is
-- UPDATING, its new GSI CREATING, and new units are shown only once done
-- (the answer has the units and decreases of before, the change's time)
SELECT d->>'TableStatus', d->'GlobalSecondaryIndexes'->0->>'IndexStatus'
FROM (SELECT dynamo.execute('CreateTable', '{"TableName": "tc_pending", "BillingMode": "PROVISIONED",
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}],
    "GlobalSecondaryIndexes": [{"IndexName": "gsa", "KeySchema": [{"AttributeName": "b", "KeyType": "HASH"}],
        "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "Projection": {"ProjectionType": "ALL"}}],
    "ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 10}}')->'TableDescription' AS d) s;
SELECT d->>'TableStatus', d->'GlobalSecondaryIndexes'->0->>'IndexStatus'
FROM (SELECT dynamo.execute('DescribeTable', '{"TableName": "tc_pending"}')->'Table' AS d) s;
CREATE TEMP TABLE tc_times AS
SELECT d->>'TableStatus' AS status, d->'ProvisionedThroughput' AS pt
FROM (SELECT dynamo.execute('UpdateTable', '{"TableName": "tc_pending",
    "ProvisionedThroughput": {"ReadCapacityUnits": 30, "WriteCapacityUnits": 30}}')->'TableDescription' AS d) s;
SELECT status, pt - 'LastIncreaseDateTime', (pt->>'LastIncreaseDateTime')::numeric <= extract(epoch FROM now())
FROM tc_times;
-- described: the new units, done after the time UpdateTable answered
SELECT pt - 'LastIncreaseDateTime',
       (pt->>'LastIncreaseDateTime')::numeric > (SELECT (t.pt->>'LastIncreaseDateTime')::numeric FROM tc_times t)
FROM (SELECT dynamo.execute('DescribeTable', '{"TableName": "tc_pending"}')->'Table'->'ProvisionedThroughput' AS pt) s;
-- a decrease: the answer keeps the units and today's decreases of before
SELECT d->>'TableStatus', (d->'ProvisionedThroughput') - 'LastIncreaseDateTime' - 'LastDecreaseDateTime',
       (d->'ProvisionedThroughput') ? 'LastDecreaseDateTime'
FROM (SELECT dynamo.execute('UpdateTable', '{"TableName": "tc_pending",
    "ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 10}}')->'TableDescription' AS d) s;
SELECT (dynamo.execute('DescribeTable', '{"TableName": "tc_pending"}')->'Table'->'ProvisionedThroughput')
    - 'LastIncreaseDateTime' - 'LastDecreaseDateTime';
-- a GSI added by UpdateTable: CREATING in the answer, ACTIVE once described
SELECT d->>'TableStatus', jsonb_path_query_array(d, '$.GlobalSecondaryIndexes[*].IndexStatus')
FROM (SELECT dynamo.execute('UpdateTable', '{"TableName": "tc_pending",
    "AttributeDefinitions": [{"AttributeName": "c", "AttributeType": "N"}],
    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "gsc", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}],
        "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "Projection": {"ProjectionType": "KEYS_ONLY"}}}]}')
    ->'TableDescription' AS d) s;
SELECT jsonb_path_query_array(dynamo.execute('DescribeTable', '{"TableName": "tc_pending"}'),
    '$.Table.GlobalSecondaryIndexes[*].IndexStatus');
-- a GSI deleted by UpdateTable: DELETING in the answer, gone once described
SELECT d->>'TableStatus', jsonb_path_query_array(d, '$.GlobalSecondaryIndexes[*] ? (@.IndexName == "gsa").IndexStatus')
FROM (SELECT dynamo.execute('UpdateTable', '{"TableName": "tc_pending",
    "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "gsa"}}]}')->'TableDescription' AS d) s;
SELECT jsonb_path_query_array(dynamo.execute('DescribeTable', '{"TableName": "tc_pending"}'),
    '$.Table.GlobalSecondaryIndexes[*].IndexName');
-- the SQL functions answer with the table as it now is
SELECT dynamo.delete_index('tc_pending', 'gsc')->>'TableStatus';
SELECT pg_temp.v('DeleteTable', '{"TableName": "tc_pending"}') LIKE '{%';
