--
-- tableapi: Time to Live, tags, table settings (billing mode, throughput,
-- table class, deletion protection), DescribeLimits, DescribeEndpoints and
-- DescribeTable's figures, through execute() and the SQL functions, with
-- DynamoDB's messages.  Timestamps are shown as whether they are present.
--
-- execute() as one line: the response or the error
\i sql/include/execute.sql
-- The settings members of a TableDescription, timestamps as booleans
CREATE FUNCTION pg_temp.settings(d jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'ProvisionedThroughput', (d -> 'ProvisionedThroughput') - 'LastIncreaseDateTime' - 'LastDecreaseDateTime'
        || jsonb_build_object('LastIncrease', d -> 'ProvisionedThroughput' ? 'LastIncreaseDateTime',
                              'LastDecrease', d -> 'ProvisionedThroughput' ? 'LastDecreaseDateTime'),
    'BillingModeSummary', (d -> 'BillingModeSummary') - 'LastUpdateToPayPerRequestDateTime'
        || CASE WHEN d ? 'BillingModeSummary' THEN jsonb_build_object('LastUpdateToPayPerRequest',
                d -> 'BillingModeSummary' ? 'LastUpdateToPayPerRequestDateTime') END,
    'OnDemandThroughput', d -> 'OnDemandThroughput',
    'TableClassSummary', (d -> 'TableClassSummary') - 'LastUpdateDateTime',
    'DeletionProtectionEnabled', d -> 'DeletionProtectionEnabled'))
$$;
CREATE FUNCTION pg_temp.epoch(seconds_from_now integer) RETURNS numeric LANGUAGE sql AS $$
  SELECT floor(extract(epoch FROM now()))::numeric + seconds_from_now
$$;

------------------------------------------------------------------------
-- Time to Live
------------------------------------------------------------------------
SELECT dynamo.create_table('ttl_items', 'id') IS NOT NULL AS created;
SELECT pg_temp.x('DescribeTimeToLive', '{"TableName": "ttl_items"}');
SELECT pg_temp.x('DescribeTimeToLive', '{"TableName": "ttl_nothere"}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items"}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"Enabled": true}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "exp"}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "", "Enabled": true}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_nothere", "TimeToLiveSpecification": {"AttributeName": "exp", "Enabled": true}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "exp", "Enabled": false}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "exp", "Enabled": true}}');
SELECT pg_temp.x('DescribeTimeToLive', '{"TableName": "ttl_items"}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "exp", "Enabled": true}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "other", "Enabled": true}}');
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "other", "Enabled": false}}');

-- which items expire: a Number of epoch seconds in the past, no more than
-- five years back; anything else stays
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'expired', 'exp', pg_temp.epoch(-60)));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'expired_fraction', 'exp', pg_temp.epoch(-1) + 0.5));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'expired_4_years', 'exp', pg_temp.epoch(-4 * 365 * 86400)));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'future', 'exp', pg_temp.epoch(3600)));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'older_than_5_years', 'exp', pg_temp.epoch(-6 * 365 * 86400)));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'milliseconds', 'exp', pg_temp.epoch(-60) * 1000));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'string', 'exp', pg_temp.epoch(-60)::text));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'number_set', 'exp', jsonb_build_object('$NS', jsonb_build_array(pg_temp.epoch(-60)))));
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'nested', 'm', jsonb_build_object('exp', pg_temp.epoch(-60))));
SELECT dynamo.put_item('ttl_items', '{"id": "missing"}');
SELECT dynamo.put_item('ttl_items', '{"id": "null", "exp": null}');
-- expired items not yet deleted still show in reads
SELECT dynamo.get_item('ttl_items', '{"id": "expired"}') IS NOT NULL AS still_readable;
SELECT dynamo.expire_items('ttl_items') AS expired;
SELECT pk FROM dynamo_data.ttl_items ORDER BY pk;
SELECT dynamo.expire_items('ttl_items') AS expired_again;
-- many items, in batches of 7
SET pg_dynamo.ttl_batch_size = 7;
SELECT count(*) AS put FROM (SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'bulk' || i, 'exp', pg_temp.epoch(-i)))
                             FROM generate_series(1, 100) AS i) AS p;
SELECT dynamo.expire_items('ttl_items') AS expired_bulk;
RESET pg_dynamo.ttl_batch_size;
SELECT count(*) AS left_items FROM dynamo_data.ttl_items;
-- a rolled back expiry deletes nothing
SELECT dynamo.put_item('ttl_items', jsonb_build_object('id', 'expired', 'exp', pg_temp.epoch(-60)));
BEGIN;
SELECT dynamo.expire_items('ttl_items') AS expired_in_transaction;
ROLLBACK;
SELECT dynamo.get_item('ttl_items', '{"id": "expired"}') IS NOT NULL AS kept;
-- disabled: nothing expires
SELECT pg_temp.x('UpdateTimeToLive', '{"TableName": "ttl_items", "TimeToLiveSpecification": {"AttributeName": "exp", "Enabled": false}}');
SELECT pg_temp.x('DescribeTimeToLive', '{"TableName": "ttl_items"}');
SELECT dynamo.expire_items('ttl_items') AS expired_when_disabled;
-- the SQL function, and its errors
SELECT dynamo.update_time_to_live('ttl_items', 'exp');
SELECT pg_temp.err($$SELECT dynamo.update_time_to_live('ttl_items', 'exp', enabled => true)$$);
SELECT pg_temp.err($$SELECT dynamo.update_time_to_live('ttl_items', '')$$);
SELECT dynamo.update_time_to_live('ttl_items', 'exp', enabled => false);
SELECT pg_temp.err($$SELECT dynamo.expire_items('ttl_nothere')$$);
SELECT pg_temp.err($$SELECT dynamo.update_time_to_live('ttl_nothere', 'exp')$$);
SELECT dynamo.delete_table('ttl_items') IS NOT NULL AS deleted;

------------------------------------------------------------------------
-- Table settings at CreateTable, DescribeTable, DeleteTable
------------------------------------------------------------------------
CREATE FUNCTION pg_temp.create(extra jsonb) RETURNS text LANGUAGE sql AS $$
  SELECT pg_temp.x('CreateTable', '{"TableName": "set_t",
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}'::jsonb || extra)
$$;
SELECT pg_temp.create('{}');
SELECT pg_temp.create('{"BillingMode": "FREE"}');
SELECT pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
SELECT pg_temp.create('{"ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 1}}');
SELECT pg_temp.create('{"ProvisionedThroughput": {"ReadCapacityUnits": 1}}');
SELECT pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "TableClass": "GLACIER"}');
SELECT pg_temp.create('{"ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, "OnDemandThroughput": {"MaxReadRequestUnits": 10}}');
SELECT pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "OnDemandThroughput": {"MaxWriteRequestUnits": 0}}');
SELECT pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "DeletionProtectionEnabled": "23"}');
SELECT pg_temp.settings(r::jsonb -> 'TableDescription')
FROM pg_temp.create('{"ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 4},
                      "TableClass": "STANDARD_INFREQUENT_ACCESS", "DeletionProtectionEnabled": true}') AS r;
SELECT pg_temp.settings(dynamo.describe_table('set_t'));
SELECT pg_temp.x('DeleteTable', '{"TableName": "set_t"}');
SELECT pg_temp.err($$SELECT dynamo.delete_table('set_t')$$);

-- the settings UpdateTable applies, through update_table_settings()
SELECT pg_temp.settings(dynamo.update_table_settings('set_t', read_capacity_units => 10, write_capacity_units => 4));
SELECT pg_temp.settings(dynamo.update_table_settings('set_t', read_capacity_units => 2, write_capacity_units => 4));
SELECT pg_temp.settings(dynamo.update_table_settings('set_t', read_capacity_units => 1, write_capacity_units => 1));
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t', read_capacity_units => 1, write_capacity_units => 1)$$);
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t', read_capacity_units => 0, write_capacity_units => 1)$$);
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t', billing_mode => 'PAY_PER_REQUEST', read_capacity_units => 3, write_capacity_units => 3)$$);
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t', table_class => 'COLD')$$);
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t')$$);
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_nothere', deletion_protection => true)$$);
SELECT pg_temp.settings(dynamo.update_table_settings('set_t', billing_mode => 'PAY_PER_REQUEST', deletion_protection => false,
                                                     table_class => 'STANDARD'));
SELECT pg_temp.err($$SELECT dynamo.update_table_settings('set_t', billing_mode => 'PROVISIONED')$$);
SELECT pg_temp.settings(dynamo.update_table_settings('set_t', billing_mode => 'PROVISIONED',
                                                     read_capacity_units => 3, write_capacity_units => 3));
SELECT dynamo.delete_table('set_t') ->> 'TableStatus' AS deleted;
-- an on-demand table with maximum request units
SELECT pg_temp.settings(r::jsonb -> 'TableDescription')
FROM pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "OnDemandThroughput": {"MaxReadRequestUnits": 100}}') AS r;
SELECT dynamo.delete_table('set_t') ->> 'TableStatus' AS deleted;

------------------------------------------------------------------------
-- Tags, by table ARN
------------------------------------------------------------------------
SELECT pg_temp.create('{"BillingMode": "PAY_PER_REQUEST", "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": ""}]}') IS NOT NULL AS created;
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}');
SELECT pg_temp.x('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t",
                                  "Tags": [{"Key": "env", "Value": "test"}, {"Key": "cost center", "Value": "a+b=c @x/y:z_1.-"}]}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}');
SELECT pg_temp.x('UntagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t", "TagKeys": ["team", "absent"]}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}');
-- paging: all tags (at most 50) in one page, as DynamoDB lists them
SELECT pg_temp.x('TagResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t',
                 'Tags', (SELECT jsonb_agg(jsonb_build_object('Key', 'k' || lpad(i::text, 2, '0'), 'Value', i::text))
                          FROM generate_series(1, 30) AS i)));
SELECT pg_temp.x('TagResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t',
                 'Tags', (SELECT jsonb_agg(jsonb_build_object('Key', 'k' || lpad(i::text, 2, '0'), 'Value', i::text))
                          FROM generate_series(21, 48) AS i)));
-- the 50-tag limit counts the tags of earlier requests
SELECT pg_temp.x('TagResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t',
                 'Tags', '[{"Key": "k49", "Value": "x"}, {"Key": "k50", "Value": "x"}, {"Key": "k51", "Value": "x"}]'::jsonb));
SELECT pg_temp.x('UntagResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t',
                 'TagKeys', (SELECT jsonb_agg('k' || i) FROM generate_series(13, 48) AS i)));
SELECT r -> 'Tags' -> 0 AS first, r -> 'Tags' -> -1 AS last, jsonb_array_length(r -> 'Tags') AS n, r ? 'NextToken' AS more
FROM (SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}')::jsonb AS r) AS p;
WITH RECURSIVE pages(n, r) AS (
  SELECT 1, pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}')::jsonb
  UNION ALL
  SELECT n + 1, pg_temp.x('ListTagsOfResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t',
                                                                    'NextToken', r -> 'NextToken'))::jsonb
  FROM pages WHERE r ? 'NextToken')
SELECT n AS page, jsonb_array_length(r -> 'Tags') AS tags, (SELECT string_agg(t ->> 'Key', ',') FROM jsonb_array_elements(r -> 'Tags') AS t) AS keys
FROM pages ORDER BY n;
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t", "NextToken": "!!"}');
-- the ARN follows the region and account settings
SET pg_dynamo.region = 'eu-west-1';
SET pg_dynamo.account_id = '123456789012';
SELECT dynamo.describe_table('set_t') ->> 'TableArn' AS arn;
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/set_t"}')::jsonb -> 'Tags' -> 0 AS first;
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}');
RESET pg_dynamo.region;
RESET pg_dynamo.account_id;
-- bad ARNs and missing tables
SELECT pg_temp.x('ListTagsOfResource', '{}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "set_t"}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:s3:local:000000000000:table/set_t"}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t/index/gsi"}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:backup/set_t"}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000"}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/ab"}');
SELECT pg_temp.x('UntagResource', '{"TagKeys": ["a"]}');
SELECT pg_temp.x('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/nothere"}');
SELECT pg_temp.x('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/nothere", "Tags": [{"Key": "a", "Value": "b"}]}');
-- DynamoDB's limits on tags
CREATE FUNCTION pg_temp.tag(tags jsonb) RETURNS text LANGUAGE sql AS $$
  SELECT pg_temp.x('TagResource', jsonb_build_object('ResourceArn', 'arn:aws:dynamodb:local:000000000000:table/set_t', 'Tags', tags))
$$;
SELECT pg_temp.x('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t"}');
SELECT pg_temp.tag('[]');
SELECT pg_temp.tag('[{"Key": "aws:owner", "Value": "x"}]');
SELECT pg_temp.tag('[{"Key": "", "Value": "x"}]');
SELECT pg_temp.tag('[{"Value": "x"}]');
SELECT pg_temp.tag('[{"Key": "a*b", "Value": "x"}]');
SELECT pg_temp.tag('[{"Key": "ok"}]');
SELECT pg_temp.tag('[{"Key": "ok", "Value": "semi;colon"}]');
SELECT pg_temp.tag(jsonb_build_array(jsonb_build_object('Key', repeat('k', 129), 'Value', 'x'))) LIKE '%Tag Key provided is invalid%' AS key_too_long;
SELECT pg_temp.tag(jsonb_build_array(jsonb_build_object('Key', repeat('é', 128), 'Value', repeat('v', 256))));
SELECT pg_temp.tag(jsonb_build_array(jsonb_build_object('Key', 'long', 'Value', repeat('v', 257)))) LIKE '%Tag Value provided is invalid%' AS value_too_long;
SELECT pg_temp.tag('[{"Key": "dup", "Value": "1"}, {"Key": "dup", "Value": "2"}]');
SELECT pg_temp.tag((SELECT jsonb_agg(jsonb_build_object('Key', 'many' || i, 'Value', 'x')) FROM generate_series(1, 40) AS i));
SELECT count(*) AS tags_kept FROM dynamo.tags WHERE table_name = 'set_t';
SELECT pg_temp.x('UntagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t", "TagKeys": []}');
SELECT pg_temp.x('UntagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/set_t", "TagKeys": ["aws:x"]}');
-- the SQL functions: tags as a plain JSON object, keys as an array
SELECT dynamo.tag_table('set_t', '{"owner": "ops", "tier": "1"}');
SELECT key, value FROM dynamo.tags WHERE table_name = 'set_t' AND key IN ('owner', 'tier') ORDER BY key;
SELECT dynamo.untag_table('set_t', ARRAY['owner', 'absent']);
SELECT key FROM dynamo.tags WHERE table_name = 'set_t' AND key IN ('owner', 'tier') ORDER BY key;
SELECT pg_temp.err($$SELECT dynamo.tag_table('set_t', '{"n": 5}')$$);
SELECT pg_temp.err($$SELECT dynamo.tag_table('set_t', '["a"]')$$);
SELECT pg_temp.err($$SELECT dynamo.tag_table('set_t', '{"aws:x": "y"}')$$);
SELECT pg_temp.err($$SELECT dynamo.tag_table('set_nothere', '{"a": "b"}')$$);
SELECT pg_temp.err($$SELECT dynamo.untag_table('set_t', ARRAY[]::text[])$$);
-- tags go with their table
SELECT dynamo.delete_table('set_t') ->> 'TableStatus' AS deleted;
SELECT count(*) AS tags_left FROM dynamo.tags WHERE table_name = 'set_t';

------------------------------------------------------------------------
-- DescribeLimits, DescribeEndpoints
------------------------------------------------------------------------
SELECT pg_temp.x('DescribeLimits', '{}');
SELECT pg_temp.x('DescribeEndpoints', '{}');

------------------------------------------------------------------------
-- DescribeTable's ItemCount: exact on a small table, estimated on a large
-- one from PostgreSQL's statistics, without reading the items
------------------------------------------------------------------------
SELECT dynamo.create_table('stats_t', 'id', 'N') IS NOT NULL AS created;
SELECT count(*) AS put FROM (SELECT dynamo.put_item('stats_t', jsonb_build_object('id', i)) FROM generate_series(1, 25) AS i) AS p;
SELECT dynamo.describe_table('stats_t') -> 'ItemCount' AS small_count;
INSERT INTO dynamo_data.stats_t SELECT i, jsonb_build_object('id', i, 'pad', repeat('x', 200)) FROM generate_series(26, 5000) AS i;
ANALYZE dynamo_data.stats_t;
SELECT (dynamo.describe_table('stats_t') -> 'ItemCount')::int BETWEEN 4500 AND 5500 AS estimated_count;
SELECT dynamo.delete_table('stats_t') IS NOT NULL AS deleted;
