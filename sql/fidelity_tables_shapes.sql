--
-- fidelity_tables_shapes: the member shapes of Time to Live, backups,
-- continuous backups and DynamoDB Streams requests.  A member of the wrong
-- JSON kind anywhere is a SerializationException, answered before any
-- ValidationException of the same request (here, a table name too short).
--
\i sql/include/execute.sql
\pset tuples_only on
\pset format unaligned

-- Time to Live
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "a", "TimeToLiveSpecification": {"Enabled": "23", "AttributeName": "x"}}');
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "a", "TimeToLiveSpecification": {"Enabled": true, "AttributeName": 5}}');
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": "a", "TimeToLiveSpecification": []}');
SELECT pg_temp.v('UpdateTimeToLive', '{"TableName": 1, "TimeToLiveSpecification": {}}');
-- backups
SELECT pg_temp.v('CreateBackup', '{"TableName": "a", "BackupName": ["b"]}');
SELECT pg_temp.v('DescribeBackup', '{"BackupArn": 12}');
SELECT pg_temp.v('DeleteBackup', '{"BackupArn": true}');
SELECT pg_temp.v('ListBackups', '{"TableName": "a", "Limit": "10"}');
SELECT pg_temp.v('ListBackups', '{"TableName": "a", "TimeRangeUpperBound": "2026-01-01"}');
SELECT pg_temp.v('ListBackups', '{"TableName": "a", "BackupType": {}}');
SELECT pg_temp.v('RestoreTableFromBackup', '{"TargetTableName": "a", "BackupArn": "b",
    "ProvisionedThroughputOverride": {"ReadCapacityUnits": "1", "WriteCapacityUnits": 1}}');
SELECT pg_temp.v('RestoreTableFromBackup', '{"TargetTableName": "a", "BackupArn": "b",
    "GlobalSecondaryIndexOverride": [{"IndexName": "g", "KeySchema": {}}]}');
SELECT pg_temp.v('RestoreTableFromBackup', '{"TargetTableName": "a", "BackupArn": "b",
    "OnDemandThroughputOverride": {"MaxReadRequestUnits": "5"}}');
SELECT pg_temp.v('RestoreTableFromBackup', '{"TargetTableName": "a", "BackupArn": "b",
    "SSESpecificationOverride": {"Enabled": 1}}');
-- continuous backups
SELECT pg_temp.v('DescribeContinuousBackups', '{"TableName": ["a"]}');
SELECT pg_temp.v('UpdateContinuousBackups', '{"TableName": "a",
    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": "7"}}');
SELECT pg_temp.v('UpdateContinuousBackups', '{"TableName": "a", "PointInTimeRecoverySpecification": "on"}');
-- streams
SELECT pg_temp.v('ListStreams', '{"TableName": "a", "Limit": "2"}');
SELECT pg_temp.v('ListStreams', '{"TableName": "a", "ExclusiveStartStreamArn": 3}');
SELECT pg_temp.v('DescribeStream', '{"StreamArn": "", "Limit": [1]}');
SELECT pg_temp.v('DescribeStream', '{"StreamArn": "", "ExclusiveStartShardId": false}');
SELECT pg_temp.v('GetShardIterator', '{"StreamArn": "", "ShardId": "s", "ShardIteratorType": 1}');
SELECT pg_temp.v('GetShardIterator', '{"StreamArn": "", "ShardId": "s", "ShardIteratorType": "LATEST", "SequenceNumber": 100}');
SELECT pg_temp.v('GetRecords', '{"ShardIterator": {"a": 1}}');
SELECT pg_temp.v('GetRecords', '{"ShardIterator": "", "Limit": "5"}');
-- well-shaped requests go on to their validation
SELECT pg_temp.v('ListStreams', '{"TableName": "a", "Limit": 2}');
SELECT pg_temp.v('GetRecords', '{"ShardIterator": "", "Limit": 5}');
