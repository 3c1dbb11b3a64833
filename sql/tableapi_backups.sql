--
-- tableapi_backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup,
-- RestoreTableFromBackup (a round trip that compares every item and the
-- table's definition), DescribeContinuousBackups, UpdateContinuousBackups.
-- Backup ARNs end in a timestamp and a random part: they are checked by
-- pattern and kept in psql variables.
--
\i sql/include/execute.sql
-- The parts of a TableDescription a restore must bring back
CREATE FUNCTION pg_temp.definition(d jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('KeySchema', d -> 'KeySchema', 'AttributeDefinitions', d -> 'AttributeDefinitions',
                            'ProvisionedThroughput', (d -> 'ProvisionedThroughput') - 'NumberOfDecreasesToday',
                            'BillingModeSummary', d -> 'BillingModeSummary',
                            'GlobalSecondaryIndexes', d -> 'GlobalSecondaryIndexes',
                            'LocalSecondaryIndexes', d -> 'LocalSecondaryIndexes')
$$;

SELECT pg_temp.x('CreateTable', '{"TableName": "bk_music",
  "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "Year", "KeyType": "RANGE"}],
  "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}, {"AttributeName": "Year", "AttributeType": "N"}],
  "ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 2}}') IS NOT NULL AS created;
SELECT count(*) AS put FROM (
  SELECT dynamo.put_item('bk_music', jsonb_build_object('Artist', 'a' || i % 7, 'Year', 1950 + i, 'Title', 'Song ' || i,
         'Tags', jsonb_build_object('$SS', jsonb_build_array('x', 'y' || i)), 'Cover', jsonb_build_object('$B', 'AAE='),
         'Chart', jsonb_build_array(i, jsonb_build_object('week', i % 52))))
  FROM generate_series(1, 60) AS i) AS p;

-- CreateBackup and its errors
SELECT pg_temp.x('CreateBackup', '{"TableName": "bk_music"}');
SELECT pg_temp.x('CreateBackup', '{"TableName": "bk_music", "BackupName": "no"}');
SELECT pg_temp.x('CreateBackup', '{"TableName": "bk_music", "BackupName": "not allowed!"}');
SELECT pg_temp.x('CreateBackup', '{"TableName": "bk_nothere", "BackupName": "bk1"}');
SELECT pg_temp.x('CreateBackup', '{"BackupName": "b1"}');
SELECT r -> 'BackupDetails' ->> 'BackupArn' AS arn1,
       r -> 'BackupDetails' ->> 'BackupArn' ~ '^arn:aws:dynamodb:local:000000000000:table/bk_music/backup/[0-9]{14}-[0-9a-f]{8}$' AS arn_form,
       (r -> 'BackupDetails') - 'BackupArn' - 'BackupCreationDateTime' - 'BackupSizeBytes' AS details,
       (r #> '{BackupDetails,BackupSizeBytes}')::int > 0 AS has_size
FROM (SELECT dynamo.execute('CreateBackup', '{"TableName": "bk_music", "BackupName": "before-changes"}') AS r) AS b \gset
\echo :arn_form :details :has_size
-- what the backup holds, to compare with the restore
CREATE TEMP TABLE at_backup AS SELECT pk, sk, item FROM dynamo_data.bk_music;
CREATE TEMP TABLE definition_at_backup AS SELECT pg_temp.definition(dynamo.describe_table('bk_music')) AS d;
-- changes after the backup are not in it
SELECT dynamo.put_item('bk_music', '{"Artist": "late", "Year": 2030}');
SELECT dynamo.delete_item('bk_music', '{"Artist": "a1", "Year": 1951}') IS NULL AS deleted;
SELECT dynamo.update_item('bk_music', '{"Artist": "a2", "Year": 1952}', 'SET Title = :t',
                          expression_attribute_values => '{":t": "changed"}') IS NULL AS updated;
SELECT dynamo.execute('CreateBackup', '{"TableName": "bk_music", "BackupName": "after-changes"}')
       -> 'BackupDetails' ->> 'BackupArn' AS arn2 \gset

-- DescribeBackup
SELECT jsonb_pretty(r #- '{BackupDescription,BackupDetails,BackupArn}' #- '{BackupDescription,BackupDetails,BackupCreationDateTime}'
                      #- '{BackupDescription,BackupDetails,BackupSizeBytes}' #- '{BackupDescription,SourceTableDetails,TableId}'
                      #- '{BackupDescription,SourceTableDetails,TableCreationDateTime}' #- '{BackupDescription,SourceTableDetails,TableSizeBytes}') AS described
FROM (SELECT dynamo.execute('DescribeBackup', jsonb_build_object('BackupArn', :'arn1')) AS r) AS d;
SELECT pg_temp.x('DescribeBackup', '{}');
SELECT pg_temp.x('DescribeBackup', '{"BackupArn": "arn:short"}');
SELECT pg_temp.x('DescribeBackup', '{"BackupArn": "arn:aws:dynamodb:local:000000000000:table/bk_music/backup/00000000000000-00000000"}');

-- ListBackups: creation order, filters, paging
CREATE FUNCTION pg_temp.names(r text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN r LIKE 'DY%' THEN r ELSE
    coalesce((SELECT string_agg(s ->> 'BackupName', ',') FROM jsonb_array_elements(r::jsonb -> 'BackupSummaries') AS s), '')
    || CASE WHEN r::jsonb ? 'LastEvaluatedBackupArn' THEN ' (more)' ELSE '' END END
$$;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{}')) AS all_backups;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"TableName": "bk_music", "BackupType": "USER"}')) AS of_table;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"TableName": "bk_other"}')) AS of_other;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"BackupType": "SYSTEM"}')) AS system;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"BackupType": "ALL"}')) AS all_types;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"Limit": 1}')) AS page1;
SELECT pg_temp.x('ListBackups', '{"Limit": 1}')::jsonb ->> 'LastEvaluatedBackupArn' = :'arn1' AS last_is_first;
SELECT pg_temp.names(pg_temp.x('ListBackups', jsonb_build_object('Limit', 1, 'ExclusiveStartBackupArn', :'arn1'))) AS page2;
SELECT pg_temp.names(pg_temp.x('ListBackups', jsonb_build_object('TimeRangeLowerBound', extract(epoch FROM now() + interval '1 hour')))) AS from_later;
SELECT pg_temp.names(pg_temp.x('ListBackups', jsonb_build_object('TimeRangeUpperBound', extract(epoch FROM now() + interval '1 hour')))) AS until_later;
SELECT pg_temp.names(pg_temp.x('ListBackups', jsonb_build_object('TimeRangeUpperBound', extract(epoch FROM now() - interval '1 hour')))) AS until_earlier;
SELECT pg_temp.x('ListBackups', '{"TimeRangeLowerBound": 20, "TimeRangeUpperBound": 10}');
SELECT pg_temp.x('ListBackups', '{"Limit": 0}');
SELECT pg_temp.x('ListBackups', '{"Limit": 101}');
SELECT pg_temp.x('ListBackups', '{"BackupType": "MINE"}');
SELECT pg_temp.x('ListBackups', '{"TimeRangeLowerBound": "yesterday"}');

-- RestoreTableFromBackup: a new table, the items and definition of the backup
SELECT pg_temp.x('RestoreTableFromBackup', jsonb_build_object('TargetTableName', 'bk_music', 'BackupArn', :'arn1'));
SELECT pg_temp.x('RestoreTableFromBackup', '{"TargetTableName": "bk_restored", "BackupArn": "arn:aws:dynamodb:local:000000000000:table/bk_music/backup/00000000000000-00000000"}');
SELECT pg_temp.x('RestoreTableFromBackup', jsonb_build_object('BackupArn', :'arn1'));
SELECT r #>> '{TableDescription,TableName}' AS name, r #>> '{TableDescription,TableStatus}' AS status,
       r #>> '{TableDescription,RestoreSummary,SourceBackupArn}' = :'arn1' AS source_backup,
       r #>> '{TableDescription,RestoreSummary,SourceTableArn}' AS source_table,
       r #> '{TableDescription,RestoreSummary,RestoreInProgress}' AS in_progress,
       r #> '{TableDescription,ItemCount}' AS items
FROM (SELECT dynamo.execute('RestoreTableFromBackup', jsonb_build_object('TargetTableName', 'bk_restored', 'BackupArn', :'arn1')) AS r) AS d;
-- every item as it was at the backup, and nothing else
SELECT (SELECT count(*) FROM at_backup) AS backed_up,
       (SELECT count(*) FROM (SELECT pk, sk, item FROM dynamo_data.bk_restored EXCEPT SELECT * FROM at_backup) AS e) AS extra,
       (SELECT count(*) FROM (SELECT * FROM at_backup EXCEPT SELECT pk, sk, item FROM dynamo_data.bk_restored) AS m) AS missing;
SELECT (SELECT d FROM definition_at_backup) = pg_temp.definition(dynamo.describe_table('bk_restored')) AS same_definition;
SELECT jsonb_pretty(pg_temp.definition(dynamo.describe_table('bk_restored'))) AS restored_definition;
SELECT dynamo.get_item('bk_restored', '{"Artist": "a2", "Year": 1952}') ->> 'Title' AS title_as_backed_up;
-- the restored table works as any other
SELECT dynamo.put_item('bk_restored', '{"Artist": "new", "Year": 2040}');
SELECT count(*) AS queried FROM dynamo.query('bk_restored', 'Artist = :a', expression_attribute_values => '{":a": "a3"}');
-- overriding the billing mode
SELECT pg_temp.definition(r::jsonb -> 'TableDescription') #- '{BillingModeSummary,LastUpdateToPayPerRequestDateTime}' -> 'BillingModeSummary' AS billing,
       pg_temp.definition(r::jsonb -> 'TableDescription') -> 'ProvisionedThroughput' AS throughput
FROM pg_temp.x('RestoreTableFromBackup', jsonb_build_object('TargetTableName', 'bk_on_demand', 'BackupArn', :'arn2',
                                                             'BillingModeOverride', 'PAY_PER_REQUEST')) AS r;
SELECT count(*) AS items_of_second_backup FROM dynamo_data.bk_on_demand;

-- the SQL functions
SELECT b ->> 'BackupName' AS name, b ->> 'BackupStatus' AS status
FROM dynamo.create_backup('bk_restored', 'from-sql') AS b;
SELECT d ->> 'TableName' AS name, d -> 'ItemCount' AS items, d #>> '{RestoreSummary,SourceTableArn}' AS source
FROM dynamo.restore_table_from_backup('bk_from_sql',
       (SELECT backup_arn FROM dynamo.backups WHERE backup_name = 'from-sql')) AS d;
SELECT (SELECT count(*) FROM (SELECT pk, sk, item FROM dynamo_data.bk_from_sql
                              EXCEPT SELECT pk, sk, item FROM dynamo_data.bk_restored) AS e) AS differing;
SELECT pg_temp.x('DeleteBackup', jsonb_build_object('BackupArn', (SELECT backup_arn FROM dynamo.backups WHERE backup_name = 'from-sql'))) IS NOT NULL AS deleted;
SELECT dynamo.delete_table('bk_from_sql') IS NOT NULL AS deleted;
SELECT pg_temp.err($$SELECT dynamo.create_backup('bk_nothere', 'abc')$$);
SELECT pg_temp.err($$SELECT dynamo.create_backup('bk_restored', NULL)$$);
SELECT pg_temp.err($$SELECT dynamo.restore_table_from_backup('bk_restored', 'arn:aws:dynamodb:local:000000000000:table/x/backup/1')$$);

-- a backup outlives its table
SELECT dynamo.delete_table('bk_music') IS NOT NULL AS deleted;
SELECT pg_temp.names(pg_temp.x('ListBackups', '{"TableName": "bk_music"}')) AS still_listed;
SELECT pg_temp.x('RestoreTableFromBackup', jsonb_build_object('TargetTableName', 'bk_music', 'BackupArn', :'arn1'))::jsonb
       #> '{TableDescription,ItemCount}' AS restored_under_old_name;

-- DeleteBackup
SELECT r #>> '{BackupDescription,BackupDetails,BackupStatus}' AS status,
       r #>> '{BackupDescription,BackupDetails,BackupName}' AS name
FROM (SELECT dynamo.execute('DeleteBackup', jsonb_build_object('BackupArn', :'arn2')) AS r) AS d;
SELECT pg_temp.x('DeleteBackup', jsonb_build_object('BackupArn', :'arn2')) = 'DY032: Backup not found: ' || :'arn2' AS gone;
SELECT pg_temp.x('DescribeBackup', jsonb_build_object('BackupArn', :'arn2')) = 'DY032: Backup not found: ' || :'arn2' AS gone;
SELECT count(*) AS backup_tables FROM pg_class WHERE relnamespace = 'dynamo_backups'::regnamespace AND relkind = 'r';

-- Continuous backups: point-in-time recovery is PostgreSQL's WAL archiving,
-- which this test instance does not do
SELECT pg_temp.x('DescribeContinuousBackups', '{"TableName": "bk_music"}');
SELECT pg_temp.x('DescribeContinuousBackups', '{"TableName": "bk_nothere"}');
SELECT pg_temp.x('UpdateContinuousBackups', '{"TableName": "bk_music", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": false}}');
SELECT pg_temp.x('UpdateContinuousBackups', '{"TableName": "bk_music", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}}');
SELECT pg_temp.x('UpdateContinuousBackups', '{"TableName": "bk_music", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": false, "RecoveryPeriodInDays": 7}}');
SELECT pg_temp.x('UpdateContinuousBackups', '{"TableName": "bk_music"}');
SELECT pg_temp.x('UpdateContinuousBackups', '{"TableName": "bk_music", "PointInTimeRecoverySpecification": {}}');

-- clean up
SELECT dynamo.execute('DeleteBackup', jsonb_build_object('BackupArn', :'arn1')) IS NOT NULL AS deleted;
SELECT count(*) AS deleted FROM (SELECT dynamo.delete_table(t) FROM unnest(ARRAY['bk_music', 'bk_restored', 'bk_on_demand']) AS t) AS d;
