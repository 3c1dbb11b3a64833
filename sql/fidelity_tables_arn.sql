--
-- fidelity_tables_arn: the table operations take a table's ARN as
-- TableName, as DynamoDB's API reference documents ("You can also provide
-- the Amazon Resource Name (ARN) of the table in this parameter"):
-- DescribeTable, DeleteTable, UpdateTable, UpdateTimeToLive,
-- DescribeTimeToLive, CreateBackup, DescribeContinuousBackups and
-- UpdateContinuousBackups.  Their responses name the table by its name.
-- An ARN of no table is ResourceNotFoundException; an ARN of another region
-- or account, malformed, or longer than 1024 characters is refused.
-- CreateTable and the SQL functions take names only.
--

\i sql/include/execute.sql
SET pg_dynamo.region = 'eu-west-1';

SELECT pg_temp.try('CreateTable', '{"TableName":"FtA","BillingMode":"PAY_PER_REQUEST",
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}') LIKE '{"TableDescription":%' AS created;
SELECT dynamo.execute('DescribeTable', '{"TableName":"FtA"}')->'Table'->>'TableArn' AS arn \gset

SELECT t->>'TableName' AS name, t->>'TableArn' = :'arn' AS same_arn
FROM (SELECT pg_temp.try('DescribeTable', jsonb_build_object('TableName', :'arn'))::jsonb->'Table' AS t) d;
SELECT pg_temp.try('UpdateTimeToLive', jsonb_build_object('TableName', :'arn',
  'TimeToLiveSpecification', '{"Enabled":true,"AttributeName":"expires"}'::jsonb));
SELECT pg_temp.try('DescribeTimeToLive', jsonb_build_object('TableName', :'arn'));
SELECT pg_temp.try('UpdateContinuousBackups', jsonb_build_object('TableName', :'arn',
  'PointInTimeRecoverySpecification', '{"PointInTimeRecoveryEnabled":false}'::jsonb));
SELECT pg_temp.try('DescribeContinuousBackups', jsonb_build_object('TableName', :'arn'))::jsonb
  #>> '{ContinuousBackupsDescription,PointInTimeRecoveryDescription,PointInTimeRecoveryStatus}' AS pitr;
SELECT pg_temp.try('UpdateTable', jsonb_build_object('TableName', :'arn', 'DeletionProtectionEnabled', true))::jsonb
  #> '{TableDescription,DeletionProtectionEnabled}' AS protected;
SELECT pg_temp.try('UpdateTable', jsonb_build_object('TableName', :'arn', 'DeletionProtectionEnabled', false))::jsonb
  #> '{TableDescription,DeletionProtectionEnabled}' AS protected;
SELECT pg_temp.try('CreateBackup', jsonb_build_object('TableName', :'arn', 'BackupName', 'ByArn'))::jsonb
  #>> '{BackupDetails,BackupArn}' AS backup_arn \gset
SELECT :'backup_arn' LIKE :'arn' || '/backup/%' AS backup_of_table;
SELECT pg_temp.try('DeleteBackup', jsonb_build_object('BackupArn', :'backup_arn'))::jsonb
  #>> '{BackupDescription,BackupDetails,BackupName}' AS deleted_backup;

-- an ARN of no table; ARNs refused: another region, an index, malformed,
-- too long
SELECT pg_temp.try('DescribeTable', jsonb_build_object('TableName', replace(:'arn', ':table/', ':table/Nope')));
SELECT pg_temp.try('DeleteTable', jsonb_build_object('TableName', replace(:'arn', ':table/', ':table/Nope')));
SELECT pg_temp.try('DescribeTimeToLive', '{"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/FtA"}');
SELECT pg_temp.try('DescribeTable', jsonb_build_object('TableName', :'arn' || '/index/i'));
SELECT pg_temp.try('UpdateTable', '{"TableName":"arn:x","BillingMode":"PAY_PER_REQUEST"}');
SELECT regexp_replace(pg_temp.try('DescribeTable', jsonb_build_object('TableName', 'arn:' || repeat('x', 1021))),
  'x{200}x*', 'x...x') AS try;
-- CreateTable and the SQL functions take names only
SELECT pg_temp.try('CreateTable', jsonb_build_object('TableName', replace(:'arn', ':table/', ':table/New'),
  'BillingMode', 'PAY_PER_REQUEST', 'KeySchema', '[{"AttributeName":"pk","KeyType":"HASH"}]'::jsonb,
  'AttributeDefinitions', '[{"AttributeName":"pk","AttributeType":"S"}]'::jsonb));
SELECT dynamo.describe_table(:'arn');

-- DeleteTable by the ARN: the table is gone
SELECT pg_temp.try('DeleteTable', jsonb_build_object('TableName', :'arn'))::jsonb
  #>> '{TableDescription,TableName}' AS deleted;
SELECT pg_temp.try('DescribeTable', '{"TableName":"FtA"}');
