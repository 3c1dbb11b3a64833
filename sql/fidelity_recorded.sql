--
-- fidelity_recorded: messages checked against recordings of DynamoDB
-- (dynalite's tests, the ACK controller's lab findings, the AWS SDK's
-- integration tests, DynamoDB Local's PartiQL library): UpdateTable with
-- nothing to update, unknown and local indexes, existing index names; the
-- TTL attribute name; malformed stream ARNs; PartiQL transactions.
--
\set try_detail on
\i sql/include/execute.sql
\pset tuples_only on
\pset format unaligned

SELECT dynamo.execute('CreateTable', '{"TableName": "rec_t",
  "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "s", "KeyType": "RANGE"}],
  "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "s", "AttributeType": "S"},
                           {"AttributeName": "l", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
  "LocalSecondaryIndexes": [{"IndexName": "lsi", "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                              {"AttributeName": "l", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}],
  "GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                              "Projection": {"ProjectionType": "KEYS_ONLY"}}],
  "BillingMode": "PAY_PER_REQUEST"}') IS NOT NULL AS created;

-- UpdateTable with nothing to update; MultiRegionConsistency alone is not enough
-- and leaves the list
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t"}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "MultiRegionConsistency": "EVENTUAL"}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}]}');
-- an unknown index: ResourceNotFoundException naming index and table
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "ghost"}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "GlobalSecondaryIndexUpdates": [{"Update": {"IndexName": "ghost",
  "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}}]}');
-- a local index is not a global one
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "lsi"}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "GlobalSecondaryIndexUpdates": [{"Update": {"IndexName": "lsi",
  "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}}]}');
-- creating an index under an existing name, global or local
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "AttributeDefinitions": [{"AttributeName": "g", "AttributeType": "S"}],
  "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "gsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
  "Projection": {"ProjectionType": "ALL"}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "AttributeDefinitions": [{"AttributeName": "g", "AttributeType": "S"}],
  "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "lsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
  "Projection": {"ProjectionType": "ALL"}}}]}');
-- capacity units: at least 1 (every violation), at most 10^12 (reads checked first)
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": -1}}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1000000000001}}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_t", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000000, "WriteCapacityUnits": 1000000000001}}');
SELECT pg_temp.v('CreateTable', '{"TableName": "rec_big", "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}],
  "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}],
  "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1}}');
-- an unknown table comes first
SELECT pg_temp.v('UpdateTable', '{"TableName": "rec_none", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "ghost"}}]}');

-- UpdateTimeToLive: the attribute name is 1 to 255 characters, both members required
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "rec_t", "TimeToLiveSpecification": {"Enabled": true, "AttributeName": ""}}');
SELECT pg_temp.v('UpdateTimeToLive', jsonb_build_object('TableName', 'rec_t', 'TimeToLiveSpecification',
  jsonb_build_object('Enabled', true, 'AttributeName', repeat('t', 256)))) LIKE '%Member must have length less than or equal to 255' AS long_name;
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "rec_t", "TimeToLiveSpecification": {"Enabled": false}}');
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "rec_t", "TimeToLiveSpecification": {"Enabled": false, "AttributeName": "ttl"}}');

-- DynamoDB Streams: what is no stream ARN is a ValidationException
SELECT pg_temp.v('DescribeStream', '{"StreamArn": "fake-stream"}');
SELECT pg_temp.v('DescribeStream', '{"StreamArn": "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"}');
SELECT pg_temp.v('ListStreams', '{"ExclusiveStartStreamArn": "kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas"}');
SELECT pg_temp.v('GetShardIterator', '{"StreamArn": "sdfadfsddafgdafsgjnadflkgnalngalsdfnlkasnlkasdfasdfasf",
  "ShardId": "shardId-00000000000000000000-00000000", "ShardIteratorType": "LATEST"}');
-- a well-formed ARN of no stream is not found
SELECT pg_temp.v('DescribeStream', '{"StreamArn": "arn:aws:dynamodb:local:000000000000:table/rec_t/stream/2026-01-01T00:00:00.000"}');

-- PartiQL (DynamoDB Local's texts)
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "INSERT INTO rec_t VALUE {'p': 'a', 's': '1', 'g': 'x'}"}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "INSERT INTO rec_t VALUE {'p': 'a', 's': '1'}"}$$);
-- an INSERT of an existing key in a transaction: a ValidationError reason
SELECT pg_temp.v('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "INSERT INTO rec_t VALUE {'p': 'b', 's': '1'}"},
  {"Statement": "INSERT INTO rec_t VALUE {'p': 'a', 's': '1'}"}]}$$);
-- a real condition failure keeps its code
SELECT pg_temp.v('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "UPDATE rec_t SET g = 'y' WHERE p = 'a' AND s = '1' AND g = 'z'"},
  {"Statement": "INSERT INTO rec_t VALUE {'p': 'c', 's': '1'}"}]}$$);
SELECT dynamo.execute('GetItem', '{"TableName": "rec_t", "Key": {"p": {"S": "b"}, "s": {"S": "1"}}}');
-- reads in a transaction: the whole key, no index
SELECT pg_temp.v('ExecuteTransaction', $${"TransactStatements": [{"Statement": "SELECT * FROM rec_t WHERE p = 'a'"}]}$$);
SELECT pg_temp.v('ExecuteTransaction', $${"TransactStatements": [{"Statement": "SELECT * FROM \"rec_t\".\"gsi\" WHERE g = 'x'"}]}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "EXISTS(SELECT * FROM rec_t WHERE p = 'a' AND s = '1')"}$$);
-- ORDER BY: a key attribute, with the partition key fixed
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "SELECT * FROM rec_t WHERE p = 'a' ORDER BY g"}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "SELECT * FROM rec_t WHERE g = 'x' ORDER BY s"}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "SELECT * FROM rec_t WHERE p = 'a' ORDER BY s DESC"}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "DELETE FROM rec_t WHERE p = 'a'"}$$);
SELECT pg_temp.v('ExecuteStatement', $${"Statement": "SELECT l[9999999999] FROM rec_t WHERE p = 'a' AND s = '1'"}$$);

SELECT dynamo.execute('DeleteTable', '{"TableName": "rec_t"}') IS NOT NULL AS deleted;
