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
