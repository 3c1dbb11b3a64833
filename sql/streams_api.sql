--
-- streams_api: the DynamoDB Streams API through execute(): ListStreams,
-- DescribeStream (shards, paging), GetShardIterator (every iterator type),
-- GetRecords (Limit, NextShardIterator, a drained closed shard), expired
-- iterators, trimmed records, and the API's validation errors.
--
-- SQLSTATE and message of a failing execute(); times, stream labels,
-- shard ids and sequence numbers masked
CREATE FUNCTION pg_temp.error_of(op text, req jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dynamo.execute(op, req);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || regexp_replace(regexp_replace(regexp_replace(regexp_replace(SQLERRM,
        '\d{4}-\d\d-\d\d [0-9:.+-]+|[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}', '<time>', 'g'), '/stream/\d{4}-[0-9T:.-]+', '/stream/<label>', 'g'),
        'shardId-[0-9a-f-]+', '<shard>', 'g'), '\d{21}', '<seq>', 'g');
END $$;
-- A GetRecords response without what changes from run to run
CREATE FUNCTION pg_temp.records(resp jsonb) RETURNS TABLE (event text, keys jsonb, dynamodb jsonb) LANGUAGE sql AS $$
    SELECT r->>'eventName', r->'dynamodb'->'Keys',
           (r->'dynamodb') - 'SequenceNumber' - 'ApproximateCreationDateTime' - 'Keys'
    FROM jsonb_array_elements(resp->'Records') WITH ORDINALITY AS e(r, n) ORDER BY n
$$;
-- GetShardIterator's iterator
CREATE FUNCTION pg_temp.iterator(arn text, shard text, type text, seq text DEFAULT NULL) RETURNS text LANGUAGE sql AS $$
    SELECT dynamo.execute('GetShardIterator', jsonb_strip_nulls(jsonb_build_object('StreamArn', arn,
        'ShardId', shard, 'ShardIteratorType', type, 'SequenceNumber', seq)))->>'ShardIterator'
$$;

SELECT dynamo.create_table('sa_music', 'Artist', 'S', 'Song', 'S') IS NOT NULL AS created;
SELECT dynamo.update_stream('sa_music', 'NEW_AND_OLD_IMAGES')->>'LatestStreamArn' AS arn \gset
SELECT dynamo.create_table('sa_other', 'Id') IS NOT NULL AS created;
SELECT dynamo.update_stream('sa_other', 'KEYS_ONLY') IS NOT NULL AS enabled;

------------------------------------------------------------------------
-- ListStreams
------------------------------------------------------------------------
SELECT s->>'TableName' AS table_name, s->>'StreamArn' LIKE 'arn:aws:dynamodb:local:000000000000:table/' || (s->>'TableName') || '/stream/' || (s->>'StreamLabel') AS arn_ok
FROM jsonb_array_elements(dynamo.execute('ListStreams', '{"TableName":"sa_music"}')->'Streams') s;
-- every stream, in creation order: the last two are ours
SELECT s->>'TableName' AS table_name FROM jsonb_array_elements(dynamo.execute('ListStreams', '{}')->'Streams') s
OFFSET (SELECT count(*) - 2 FROM dynamo.streams);
-- paging: a first page of one stream, then the rest, are the whole list
SELECT dynamo.execute('ListStreams', '{"Limit":1}') AS page \gset
SELECT jsonb_array_length(:'page'::jsonb->'Streams') AS n, :'page'::jsonb ? 'LastEvaluatedStreamArn' AS more;
SELECT (:'page'::jsonb->'Streams') || (p->'Streams') = dynamo.execute('ListStreams', '{}')->'Streams' AS pages_are_the_list,
       p ? 'LastEvaluatedStreamArn' AS more
FROM dynamo.execute('ListStreams', jsonb_build_object('ExclusiveStartStreamArn', :'page'::jsonb->>'LastEvaluatedStreamArn')) p;
SELECT pg_temp.error_of('ListStreams', '{"Limit":0}');
SELECT pg_temp.error_of('ListStreams', '{"Limit":101}');
SELECT pg_temp.error_of('ListStreams', '{"TableName":"x"}');
SELECT pg_temp.error_of('ListStreams', '{"ExclusiveStartStreamArn":"arn:aws:dynamodb:local:000000000000:table/nope/stream/x"}');
SELECT dynamo.execute('ListStreams', '{"TableName":"sa_nothing"}');

------------------------------------------------------------------------
-- DescribeStream
------------------------------------------------------------------------
SELECT (d->'StreamDescription') - 'StreamArn' - 'StreamLabel' - 'CreationRequestDateTime' - 'Shards' AS description,
       jsonb_array_length(d->'StreamDescription'->'Shards') AS shards,
       d->'StreamDescription'->'Shards'->0->>'ShardId' ~ '^shardId-\d{20}-[0-9a-f]{8}$' AS shard_id_ok,
       d->'StreamDescription'->'Shards'->0->'SequenceNumberRange' ?| array['EndingSequenceNumber'] AS closed,
       d->'StreamDescription'->'Shards'->0 ? 'ParentShardId' AS has_parent
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn')) d;
SELECT dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn'))->'StreamDescription'->'Shards'->0->>'ShardId' AS shard \gset
SELECT pg_temp.error_of('DescribeStream', '{}');
SELECT pg_temp.error_of('DescribeStream', '{"StreamArn":"arn:aws:dynamodb:local:000000000000:table/sa_music/stream/2000-01-01T00:00:00.000"}');
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'Limit', 0));
SELECT pg_temp.error_of('DescribeStream', '{"StreamArn":"short"}');

------------------------------------------------------------------------
-- GetRecords: TRIM_HORIZON, Limit, NextShardIterator
------------------------------------------------------------------------
SELECT dynamo.put_item('sa_music', '{"Artist":"a","Song":"s1","Plays":1}');
SELECT dynamo.execute('UpdateItem', '{"TableName":"sa_music","Key":{"Artist":{"S":"a"},"Song":{"S":"s1"}},
  "UpdateExpression":"ADD Plays :one","ExpressionAttributeValues":{":one":{"N":"1"}}}');
DELETE FROM dynamo_data.sa_music;
SELECT pg_temp.iterator(:'arn', :'shard', 'TRIM_HORIZON') AS it \gset
SELECT :'it' LIKE :'arn' || '|1|%' AS starts_with_arn;
SELECT dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'it', 'Limit', 2)) AS resp \gset
SELECT * FROM pg_temp.records(:'resp');
-- the whole record as DynamoDB writes it, but for its sequence number and time
SELECT (r - 'eventID') #- '{dynamodb,SequenceNumber}' #- '{dynamodb,ApproximateCreationDateTime}' AS record,
       r->>'eventID' ~ '^[0-9a-f]{32}$' AS event_id_ok,
       r->'dynamodb'->>'SequenceNumber' ~ '^\d{21}$' AS seq_ok,
       (r->'dynamodb'->>'ApproximateCreationDateTime')::numeric BETWEEN extract(epoch FROM now()) - 60 AND extract(epoch FROM now()) + 60 AS time_ok
FROM jsonb_array_elements(:'resp'::jsonb->'Records') r LIMIT 1;
SELECT :'resp'::jsonb->'Records'->0->'dynamodb'->>'SequenceNumber' AS first_seq,
       :'resp'::jsonb->'Records'->1->'dynamodb'->>'SequenceNumber' AS second_seq \gset
-- the next page goes on after the last record
SELECT * FROM pg_temp.records(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'resp'::jsonb->>'NextShardIterator')));
-- an open shard always has a NextShardIterator, even when nothing is new
SELECT jsonb_array_length(r->'Records') AS n, r ? 'NextShardIterator' AS has_next
FROM dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
     dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'resp'::jsonb->>'NextShardIterator'))->>'NextShardIterator')) r;

-- at most 1 MB of records a call: four records of 300 KB come three, then one
SELECT dynamo.create_table('sa_big', 'Id') IS NOT NULL AS created;
SELECT dynamo.update_stream('sa_big', 'NEW_IMAGE')->>'LatestStreamArn' AS big_arn \gset
SELECT count(dynamo.put_item('sa_big', jsonb_build_object('Id', 'b' || i, 'Blob', repeat('x', 300000))) IS NULL) AS puts
FROM generate_series(1, 4) i;
SELECT dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', pg_temp.iterator(:'big_arn',
       dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'big_arn')) #>> '{StreamDescription,Shards,0,ShardId}',
       'TRIM_HORIZON'))) AS big \gset
SELECT jsonb_array_length(:'big'::jsonb->'Records') AS records,
       (SELECT sum((r->'dynamodb'->>'SizeBytes')::int) FROM jsonb_array_elements(:'big'::jsonb->'Records') r) AS size_bytes;
SELECT jsonb_array_length(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
       :'big'::jsonb->>'NextShardIterator'))->'Records') AS records;

------------------------------------------------------------------------
-- GetShardIterator: AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, LATEST
------------------------------------------------------------------------
SELECT event FROM pg_temp.records(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
    pg_temp.iterator(:'arn', :'shard', 'AT_SEQUENCE_NUMBER', :'second_seq'))));
SELECT event FROM pg_temp.records(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
    pg_temp.iterator(:'arn', :'shard', 'AFTER_SEQUENCE_NUMBER', :'second_seq'))));
-- LATEST: only what comes after it
SELECT pg_temp.iterator(:'arn', :'shard', 'LATEST') AS latest \gset
SELECT jsonb_array_length(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'latest'))->'Records') AS n;
SELECT dynamo.put_item('sa_music', '{"Artist":"b","Song":"s2"}');
SELECT event, keys FROM pg_temp.records(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'latest')));
-- validation
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard', 'ShardIteratorType', 'OLDEST'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard', 'ShardIteratorType', 'AT_SEQUENCE_NUMBER'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard', 'ShardIteratorType', 'AT_SEQUENCE_NUMBER', 'SequenceNumber', 'abc'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard', 'ShardIteratorType', 'AT_SEQUENCE_NUMBER', 'SequenceNumber', 'abcdefghijklmnopqrstu'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard', 'ShardIteratorType', 'LATEST', 'SequenceNumber', :'first_seq'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', 'shardId-00000000000000000000-00000000', 'ShardIteratorType', 'LATEST'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', 'short', 'ShardIteratorType', 'LATEST'));
SELECT pg_temp.error_of('GetRecords', '{}');
SELECT pg_temp.error_of('GetRecords', jsonb_build_object('ShardIterator', :'it', 'Limit', 1001));
SELECT pg_temp.error_of('GetRecords', '{"ShardIterator":"garbage"}');

------------------------------------------------------------------------
-- Iterators expire after 15 minutes
------------------------------------------------------------------------
-- the same iterator, issued 16 minutes ago
SELECT split_part(:'it', '|1|', 1) || '|1|' || replace(encode(convert_to(
         regexp_replace(convert_from(decode(split_part(:'it', '|1|', 2), 'base64'), 'UTF8'), '\|\d+$',
                        '|' || ((extract(epoch FROM now() - interval '16 minutes') - 946684800) * 1000000)::bigint),
         'UTF8'), 'base64'), E'\n', '') AS old_it \gset
SELECT pg_temp.error_of('GetRecords', jsonb_build_object('ShardIterator', :'old_it'));

------------------------------------------------------------------------
-- Shards: a new one after the shard lifetime; the closed one drains
------------------------------------------------------------------------
SELECT dynamo.trim_streams(shard_lifetime => '0') AS trimmed;
SELECT dynamo.put_item('sa_music', '{"Artist":"c","Song":"s3"}');
SELECT s->'SequenceNumberRange' ? 'EndingSequenceNumber' AS closed,
       s->>'ParentShardId' = :'shard' AS child_of_first, s->>'ShardId' = :'shard' AS first
FROM jsonb_array_elements(dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn'))->'StreamDescription'->'Shards') s;
-- paging the shards
SELECT jsonb_array_length(d->'StreamDescription'->'Shards') AS n, d->'StreamDescription'->>'LastEvaluatedShardId' = :'shard' AS last_is_first
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'Limit', 1)) d;
SELECT jsonb_array_length(d->'StreamDescription'->'Shards') AS n, d->'StreamDescription' ? 'LastEvaluatedShardId' AS more,
       d->'StreamDescription'->'Shards'->0->>'ParentShardId' = :'shard' AS child
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ExclusiveStartShardId', :'shard')) d;
SELECT d->'StreamDescription'->'Shards'->0->>'ShardId' AS child_shard
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ExclusiveStartShardId', :'shard')) d \gset
-- ShardFilter CHILD_SHARDS: the children of a shard only (none for the open one)
SELECT jsonb_agg(s->>'ShardId' = :'child_shard') AS children_of_first
FROM jsonb_array_elements(dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn',
    'ShardFilter', jsonb_build_object('Type', 'CHILD_SHARDS', 'ShardId', :'shard')))->'StreamDescription'->'Shards') s;
SELECT (d->'StreamDescription') - 'StreamArn' - 'StreamLabel' - 'CreationRequestDateTime' AS children_of_child
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn',
    'ShardFilter', jsonb_build_object('Type', 'CHILD_SHARDS', 'ShardId', :'child_shard'))) d;
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', jsonb_build_object('Type', 'PARENT_SHARDS', 'ShardId', :'shard')));
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', '{"Type":"CHILD_SHARDS","ShardId":"qwerty"}'::jsonb));
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', jsonb_build_object('ShardId', :'shard')));
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', '{"Type":"CHILD_SHARDS"}'::jsonb));
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', '{}'::jsonb));
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'arn', 'ShardFilter', 'CHILD_SHARDS'));
-- the closed shard: its records, then no NextShardIterator
SELECT jsonb_array_length(r->'Records') AS n, r ? 'NextShardIterator' AS has_next
FROM dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', pg_temp.iterator(:'arn', :'shard', 'TRIM_HORIZON'))) r;
SELECT jsonb_array_length(r->'Records') AS n, r ? 'NextShardIterator' AS has_next
FROM dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', pg_temp.iterator(:'arn', :'shard', 'TRIM_HORIZON'), 'Limit', 3)) r;
-- the child shard: the record written after the split
SELECT event, keys FROM pg_temp.records(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
    pg_temp.iterator(:'arn', :'child_shard', 'TRIM_HORIZON'))));
-- a sequence number of another shard
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'child_shard',
       'ShardIteratorType', 'AT_SEQUENCE_NUMBER', 'SequenceNumber', :'first_seq'));

------------------------------------------------------------------------
-- A disabled stream: DISABLED, its shard closed, still readable
------------------------------------------------------------------------
SELECT dynamo.update_stream('sa_other', NULL) IS NOT NULL AS disabled;
SELECT dynamo.describe_table('sa_other')->>'LatestStreamArn' AS other_arn \gset
SELECT d->'StreamDescription'->>'StreamStatus' AS status,
       d->'StreamDescription'->'Shards'->0->'SequenceNumberRange' ? 'EndingSequenceNumber' AS closed
FROM dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'other_arn')) d;

------------------------------------------------------------------------
-- Trimming: records older than the retention go; readers behind them get
-- TrimmedDataAccessException
------------------------------------------------------------------------
SELECT dynamo.trim_streams(retention => '1 hour') AS trimmed;
-- in batches: one record of the enabled streams (and the disabled streams
-- whole)
SELECT count(*) FILTER (WHERE s.disabled_at IS NULL) AS enabled_before,
       count(*) FILTER (WHERE s.disabled_at IS NOT NULL) AS disabled_before
FROM dynamo.stream_records r JOIN dynamo.streams s USING (stream_id) \gset
SELECT dynamo.trim_streams(retention => '0', batch_size => 1) - :disabled_before AS trimmed_of_enabled;
SELECT :enabled_before - count(*) AS enabled_records_gone FROM dynamo.stream_records r JOIN dynamo.streams s USING (stream_id);
SELECT dynamo.trim_streams(batch_size => 0);
SELECT dynamo.trim_streams(retention => '0') > 0 AS trimmed;
SELECT pg_temp.error_of('GetRecords', jsonb_build_object('ShardIterator', :'it'));
SELECT pg_temp.error_of('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard',
       'ShardIteratorType', 'AT_SEQUENCE_NUMBER', 'SequenceNumber', :'second_seq'));
-- TRIM_HORIZON starts after the trimmed records
SELECT jsonb_array_length(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator',
       pg_temp.iterator(:'arn', :'child_shard', 'TRIM_HORIZON')))->'Records') AS n;
-- the disabled stream went with its records
SELECT count(*) AS other_streams FROM dynamo.streams WHERE table_name = 'sa_other';
SELECT pg_temp.error_of('DescribeStream', jsonb_build_object('StreamArn', :'other_arn'));
