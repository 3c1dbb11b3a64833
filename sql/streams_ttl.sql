--
-- TTL expiry on a stream-enabled table: the expiry's delete is a REMOVE
-- record with the service's userIdentity, as DynamoDB writes it; an
-- ordinary delete (any door) has none.
--
SELECT dynamo.execute('CreateTable', '{"TableName": "sttl_t",
  "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}],
  "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}],
  "BillingMode": "PAY_PER_REQUEST"}') #>> '{TableDescription,TableStatus}' AS created;
SELECT dynamo.execute('UpdateTimeToLive', '{"TableName": "sttl_t",
  "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "ExpiresAt"}}') AS ttl;
SELECT dynamo.execute('UpdateTable', '{"TableName": "sttl_t",
  "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}')
  #> '{TableDescription,StreamSpecification}' AS stream;

-- expired (an hour ago), not expired (in an hour), no TTL attribute
SELECT dynamo.put_item('sttl_t', jsonb_build_object('Id', 'expired', 'ExpiresAt', floor(extract(epoch FROM now())) - 3600));
SELECT dynamo.put_item('sttl_t', jsonb_build_object('Id', 'later', 'ExpiresAt', floor(extract(epoch FROM now())) + 3600));
SELECT dynamo.put_item('sttl_t', '{"Id": "plain"}');
SELECT dynamo.put_item('sttl_t', '{"Id": "by_sql"}');
-- ordinary deletes: the SQL function, execute(), plain SQL
SELECT dynamo.delete_item('sttl_t', '{"Id": "plain"}') IS NULL AS deleted;
SELECT dynamo.execute('DeleteItem', '{"TableName": "sttl_t", "Key": {"Id": {"S": "later"}}}');
DELETE FROM dynamo_data.sttl_t WHERE pk = 'by_sql';
SELECT dynamo.put_item('sttl_t', jsonb_build_object('Id', 'later', 'ExpiresAt', floor(extract(epoch FROM now())) + 3600));
-- the expiry
SELECT dynamo.expire_items('sttl_t') AS expired;
SELECT pk FROM dynamo_data.sttl_t ORDER BY pk;

-- The records through GetRecords: eventName, key, and userIdentity (only
-- on the expiry's REMOVE)
SELECT dynamo.describe_table('sttl_t') ->> 'LatestStreamArn' AS arn \gset
SELECT dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn'))
       #>> '{StreamDescription,Shards,0,ShardId}' AS shard \gset
SELECT dynamo.execute('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard',
       'ShardIteratorType', 'TRIM_HORIZON')) ->> 'ShardIterator' AS iterator \gset
SELECT r ->> 'eventName' AS event, r #>> '{dynamodb,Keys,Id,S}' AS id,
       r -> 'userIdentity' AS user_identity,
       r #> '{dynamodb,OldImage}' ? 'ExpiresAt' AS old_image_has_ttl, r #> '{dynamodb,NewImage}' IS NULL AS no_new_image
FROM jsonb_array_elements(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'iterator')) -> 'Records') r
WHERE r ->> 'eventName' = 'REMOVE';
-- every record: only one has a userIdentity
SELECT count(*) AS records, count(*) FILTER (WHERE r ? 'userIdentity') AS by_service
FROM jsonb_array_elements(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'iterator')) -> 'Records') r;
-- the same record written as text (execute_text(), the HTTP door's writer):
-- userIdentity's members are named as the Streams API's Identity shape
-- (Type, PrincipalId), which is what SDKs read
SELECT r -> 'userIdentity' AS user_identity_text
FROM jsonb_array_elements(dynamo.execute_text('GetRecords',
       jsonb_build_object('ShardIterator', :'iterator')::text)::jsonb -> 'Records') r
WHERE r ? 'userIdentity';
-- a rolled-back expiry leaves neither the delete nor its record
SELECT dynamo.put_item('sttl_t', jsonb_build_object('Id', 'again', 'ExpiresAt', floor(extract(epoch FROM now())) - 60));
BEGIN;
SELECT dynamo.expire_items('sttl_t') AS expired_then_rolled_back;
ROLLBACK;
SELECT count(*) FILTER (WHERE r ? 'userIdentity') AS by_service, count(*) FILTER (WHERE r #>> '{dynamodb,Keys,Id,S}' = 'again') AS again
FROM jsonb_array_elements(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'iterator')) -> 'Records') r;

SELECT dynamo.delete_table('sttl_t') ->> 'TableStatus' AS deleted;
