--
-- fidelity_constraints: the parameter constraints of the table API,
-- backups, streams and PartiQL operations, every violation of a request
-- reported at once ("N validation errors detected: A; B"), nested members
-- and list elements named as DynamoDB names them
-- (globalSecondaryIndexUpdates.1.member.update.indexName).
--
\i sql/include/execute.sql
\pset tuples_only on
\pset format unaligned

-- UpdateTable (dynalite's recordings of DynamoDB: writeCapacityUnits before
-- readCapacityUnits, one index update's members before the next's)
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "ProvisionedThroughput": {}}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": -1, "WriteCapacityUnits": -1}}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": -1}}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "GlobalSecondaryIndexUpdates": [{"Update": {}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "GlobalSecondaryIndexUpdates": [
    {"Update": {"IndexName": "a", "ProvisionedThroughput": {}}},
    {"Update": {"IndexName": "abc;", "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 0}}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "i1",
    "KeySchema": [{"AttributeName": "a", "KeyType": "SORT"}, {}], "Projection": {"ProjectionType": "SOME", "NonKeyAttributes": []}}},
    {"Delete": {}}]}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "ab;c", "BillingMode": "FREE", "TableClass": "COLD",
    "StreamSpecification": {"StreamViewType": "ALL"}}');
-- a TableName missing, too short or too long: DynamoDB's own message first
SELECT pg_temp.v('UpdateTable', '{"TableName": "a;", "BillingMode": "FREE"}');
SELECT pg_temp.v('UpdateTable', '{"BillingMode": "FREE"}');
SELECT pg_temp.v('UpdateTable', '{"TableName": "abc", "GlobalSecondaryIndexUpdates": [{}]}');

-- Time to Live
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "ab"}');
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "ab", "TimeToLiveSpecification": {}}');
SELECT pg_temp.v('DescribeTimeToLive', '{}');

-- Tags: ResourceArn's length; a missing ARN is "Invalid TableArn" first
SELECT pg_temp.v('TagResource', jsonb_build_object('ResourceArn', repeat('a', 1284), 'Tags', '[]'::jsonb)) LIKE '%at ''resourceArn'' failed to satisfy constraint: Member must have length less than or equal to 1283' AS long_arn;
SELECT pg_temp.v('TagResource', '{}');
SELECT pg_temp.v('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/abc"}');
SELECT pg_temp.v('UntagResource', '{"ResourceArn": ""}');

-- Backups
SELECT pg_temp.v('CreateBackup', '{"TableName": "a;", "BackupName": "b;"}');
SELECT pg_temp.v('CreateBackup', '{}');
SELECT pg_temp.v('DescribeBackup', '{"BackupArn": "arn"}');
SELECT pg_temp.v('DeleteBackup', '{}');
SELECT pg_temp.v('ListBackups', '{"TableName": "x", "Limit": 0, "ExclusiveStartBackupArn": "a", "BackupType": "MINE"}');
SELECT pg_temp.v('RestoreTableFromBackup', '{"TargetTableName": "t", "BillingModeOverride": "FREE"}');
SELECT pg_temp.v('DescribeContinuousBackups', '{"TableName": "ab"}');
SELECT pg_temp.v('UpdateContinuousBackups', '{"TableName": "abc", "PointInTimeRecoverySpecification": {"RecoveryPeriodInDays": 36}}');
SELECT pg_temp.v('UpdateContinuousBackups', '{"TableName": "ab"}');

-- Streams
SELECT pg_temp.v('ListStreams', '{"TableName": "x", "Limit": 101, "ExclusiveStartStreamArn": "arn"}');
SELECT pg_temp.v('DescribeStream', '{"Limit": 0, "ExclusiveStartShardId": "shard"}');
SELECT pg_temp.v('GetShardIterator', '{}');
SELECT pg_temp.v('GetShardIterator', '{"StreamArn": "arn", "ShardId": "shard", "ShardIteratorType": "OLDEST", "SequenceNumber": "1"}');
SELECT pg_temp.v('GetRecords', '{"ShardIterator": "", "Limit": 1001}');

-- PartiQL
SELECT pg_temp.v('ExecuteStatement', '{"Statement": "", "Parameters": [], "NextToken": "", "ReturnConsumedCapacity": "ALL", "Limit": 0, "ReturnValuesOnConditionCheckFailure": "ALL_NEW"}');
SELECT pg_temp.v('BatchExecuteStatement', '{"Statements": [{}, {"Statement": "SELECT * FROM t", "Parameters": [], "ReturnValuesOnConditionCheckFailure": "NEW"}], "ReturnConsumedCapacity": "ALL"}');
SELECT pg_temp.v('BatchExecuteStatement', '{"Statements": []}');
SELECT pg_temp.v('ExecuteTransaction', '{"TransactStatements": [{"Statement": ""}], "ClientRequestToken": "", "ReturnConsumedCapacity": "NONE"}');
SELECT pg_temp.v('ExecuteTransaction', '{}');
