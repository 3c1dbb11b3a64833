--
-- tableapi_index_on_demand: UpdateTable's Update action on a GSI with
-- OnDemandThroughput (a PAY_PER_REQUEST table's maximum read and write
-- request units), described with the index; ProvisionedThroughput is then
-- not required.
--
\i sql/include/execute.sql
-- the GSI's OnDemandThroughput as DescribeTable answers it (NULL: none)
CREATE FUNCTION pg_temp.odt(t text) RETURNS jsonb LANGUAGE sql AS $$
    SELECT dynamo.execute('DescribeTable', jsonb_build_object('TableName', t))
        -> 'Table' -> 'GlobalSecondaryIndexes' -> 0 -> 'OnDemandThroughput'
$$;
\pset tuples_only on
\pset format unaligned

SELECT dynamo.execute('CreateTable', '{"TableName": "odt_t", "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "GlobalSecondaryIndexes": [{"IndexName": "byg", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
        "Projection": {"ProjectionType": "ALL"}}]}') IS NOT NULL;
SELECT pg_temp.odt('odt_t');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxReadRequestUnits": 100}}}]}')::jsonb
    -> 'TableDescription' -> 'GlobalSecondaryIndexes' -> 0 -> 'OnDemandThroughput';
-- a member left out keeps its value; -1 clears one
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxWriteRequestUnits": 50}}}]}') LIKE '{%';
SELECT pg_temp.odt('odt_t');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxReadRequestUnits": -1}}}]}') LIKE '{%';
SELECT pg_temp.odt('odt_t');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxWriteRequestUnits": -1}}}]}') LIKE '{%';
SELECT pg_temp.odt('odt_t');
-- refusals
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxReadRequestUnits": 0}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxReadRequestUnits": "5"}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg"}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "BillingMode": "PROVISIONED",
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}') LIKE '{%';
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_t", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "byg", "OnDemandThroughput": {"MaxWriteRequestUnits": 7}}}]}');
SELECT dynamo.execute('DeleteTable', '{"TableName": "odt_t"}') IS NOT NULL;
-- the table's own OnDemandThroughput: -1 clears a maximum too
SELECT dynamo.execute('CreateTable', '{"TableName": "odt_u", "BillingMode": "PAY_PER_REQUEST",
    "OnDemandThroughput": {"MaxReadRequestUnits": 10, "MaxWriteRequestUnits": 20},
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}]}') -> 'TableDescription' -> 'OnDemandThroughput';
SELECT pg_temp.v('UpdateTable', '{"TableName": "odt_u", "OnDemandThroughput": {"MaxReadRequestUnits": -1}}')::jsonb
    -> 'TableDescription' -> 'OnDemandThroughput';
SELECT dynamo.execute('DeleteTable', '{"TableName": "odt_u"}') IS NOT NULL;
