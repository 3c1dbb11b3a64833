--
-- A backup and restore round trip of a table with a GSI and an LSI: the
-- restored table has the same index definitions, its indexes are
-- PostgreSQL indexes again, and every index Query and Scan answers as it
-- did on the table the backup was taken of (at the time of the backup).
--
-- The parts of an index description a restore must bring back
CREATE FUNCTION pg_temp.indexes(d jsonb, member text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_agg(jsonb_build_object('IndexName', i -> 'IndexName', 'KeySchema', i -> 'KeySchema',
                                      'Projection', i -> 'Projection', 'IndexStatus', i -> 'IndexStatus',
                                      'ProvisionedThroughput', (i -> 'ProvisionedThroughput') - 'NumberOfDecreasesToday')
                   ORDER BY i ->> 'IndexName')
  FROM jsonb_array_elements(d -> member) i
$$;
-- Every page of an index read (Query or Scan) of a table, as one array
CREATE FUNCTION pg_temp.read_all(op text, tbl text, req jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    page jsonb;
    items jsonb := '[]';
    start jsonb;
BEGIN
    LOOP
        page := dynamo.execute(op, req || jsonb_build_object('TableName', tbl, 'Limit', 3)
                                   || coalesce(jsonb_build_object('ExclusiveStartKey', start), '{}'));
        items := items || (page -> 'Items');
        start := page -> 'LastEvaluatedKey';
        EXIT WHEN start IS NULL;
    END LOOP;
    RETURN items;
END $$;

SELECT dynamo.execute('CreateTable', '{"TableName": "rx_src",
  "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "Song", "KeyType": "RANGE"}],
  "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}, {"AttributeName": "Song", "AttributeType": "S"},
     {"AttributeName": "Genre", "AttributeType": "S"}, {"AttributeName": "Year", "AttributeType": "N"}],
  "GlobalSecondaryIndexes": [{"IndexName": "ByGenre",
     "KeySchema": [{"AttributeName": "Genre", "KeyType": "HASH"}, {"AttributeName": "Year", "KeyType": "RANGE"}],
     "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["Album"]},
     "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 1}}],
  "LocalSecondaryIndexes": [{"IndexName": "ByYear",
     "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "Year", "KeyType": "RANGE"}],
     "Projection": {"ProjectionType": "KEYS_ONLY"}}],
  "ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 2}}') -> 'TableDescription' ->> 'TableStatus' AS created;
-- 30 items, some without Genre (not in the GSI) or Year (in neither index)
SELECT count(*) AS put FROM (
  SELECT dynamo.put_item('rx_src', jsonb_strip_nulls(jsonb_build_object(
           'Artist', 'a' || i % 3, 'Song', 's' || lpad(i::text, 2, '0'),
           'Genre', CASE WHEN i % 4 <> 0 THEN (ARRAY['rock', 'jazz'])[1 + i % 2] END,
           'Year', CASE WHEN i % 7 <> 0 THEN 2000 + i % 5 END,
           'Album', 'al' || i % 4, 'Plays', i)))
  FROM generate_series(1, 30) AS i) AS p;

SELECT dynamo.execute('CreateBackup', '{"TableName": "rx_src", "BackupName": "rx_backup"}')
       #>> '{BackupDetails,BackupArn}' AS arn \gset
-- The index reads at the time of the backup
CREATE TEMP TABLE reads(name text, op text, req jsonb, before jsonb);
INSERT INTO reads(name, op, req) VALUES
  ('GSI Query', 'Query', '{"IndexName": "ByGenre", "KeyConditionExpression": "Genre = :g AND #y >= :y",
     "ExpressionAttributeNames": {"#y": "Year"}, "ExpressionAttributeValues": {":g": {"S": "rock"}, ":y": {"N": "2001"}}}'),
  ('GSI Query backwards', 'Query', '{"IndexName": "ByGenre", "KeyConditionExpression": "Genre = :g",
     "ExpressionAttributeValues": {":g": {"S": "jazz"}}, "ScanIndexForward": false}'),
  ('GSI Scan', 'Scan', '{"IndexName": "ByGenre"}'),
  ('LSI Query', 'Query', '{"IndexName": "ByYear", "KeyConditionExpression": "Artist = :a AND #y BETWEEN :lo AND :hi",
     "ExpressionAttributeNames": {"#y": "Year"}, "ExpressionAttributeValues": {":a": {"S": "a1"}, ":lo": {"N": "2001"}, ":hi": {"N": "2003"}}}'),
  ('LSI Query, unprojected attributes', 'Query', '{"IndexName": "ByYear", "KeyConditionExpression": "Artist = :a",
     "ProjectionExpression": "Song, Plays", "ExpressionAttributeValues": {":a": {"S": "a2"}}, "ConsistentRead": true}'),
  ('LSI Scan', 'Scan', '{"IndexName": "ByYear"}');
UPDATE reads SET before = pg_temp.read_all(op, 'rx_src', req);
-- writes after the backup are not in it
SELECT dynamo.put_item('rx_src', '{"Artist": "a0", "Song": "late", "Genre": "rock", "Year": 2002}');
SELECT dynamo.delete_item('rx_src', '{"Artist": "a1", "Song": "s01"}') IS NULL AS done;

SELECT dynamo.execute('RestoreTableFromBackup', jsonb_build_object('TargetTableName', 'rx_dst', 'BackupArn', :'arn'))
       #>> '{TableDescription,TableStatus}' AS restored;
-- the same definitions: key schema, attributes, throughput, each index
SELECT s -> 'KeySchema' = d -> 'KeySchema' AS same_keys,
       s -> 'AttributeDefinitions' = d -> 'AttributeDefinitions' AS same_attributes,
       (s -> 'ProvisionedThroughput') - 'NumberOfDecreasesToday' = (d -> 'ProvisionedThroughput') - 'NumberOfDecreasesToday' AS same_throughput,
       pg_temp.indexes(s, 'GlobalSecondaryIndexes') = pg_temp.indexes(d, 'GlobalSecondaryIndexes') AS same_gsis,
       pg_temp.indexes(s, 'LocalSecondaryIndexes') = pg_temp.indexes(d, 'LocalSecondaryIndexes') AS same_lsis,
       d #>> '{GlobalSecondaryIndexes,0,IndexArn}' AS gsi_arn, d #>> '{LocalSecondaryIndexes,0,IndexArn}' AS lsi_arn
FROM dynamo.describe_table('rx_src') s, dynamo.describe_table('rx_dst') d;
SELECT jsonb_pretty(pg_temp.indexes(dynamo.describe_table('rx_dst'), 'GlobalSecondaryIndexes')) AS gsis;
SELECT jsonb_pretty(pg_temp.indexes(dynamo.describe_table('rx_dst'), 'LocalSecondaryIndexes')) AS lsis;
-- each index is a PostgreSQL index of the restored item table
SELECT index_name, local, relation_name, to_regclass(format('dynamo_data.%I', relation_name)) IS NOT NULL AS exists
FROM dynamo.indexes WHERE table_name = 'rx_dst' ORDER BY 1;
-- every index read answers as on the source at the time of the backup
SELECT name, jsonb_array_length(before) AS items,
       pg_temp.read_all(op, 'rx_dst', req) = before AS same_as_backup,
       pg_temp.read_all(op, 'rx_src', req) = before AS source_unchanged
FROM reads ORDER BY name;
-- the restored indexes are maintained: a write shows in them
SELECT dynamo.put_item('rx_dst', '{"Artist": "a9", "Song": "new", "Genre": "blues", "Year": 1999, "Album": "x"}');
SELECT pg_temp.read_all('Query', 'rx_dst', '{"IndexName": "ByGenre", "KeyConditionExpression": "Genre = :g",
  "ExpressionAttributeValues": {":g": {"S": "blues"}}}') AS blues;

SELECT dynamo.delete_table('rx_src') ->> 'TableStatus' AS deleted, dynamo.delete_table('rx_dst') ->> 'TableStatus' AS deleted;
SELECT dynamo.execute('DeleteBackup', jsonb_build_object('BackupArn', :'arn')) #>> '{BackupDescription,BackupDetails,BackupStatus}' AS backup;
