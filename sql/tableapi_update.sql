--
-- UpdateTable through execute(): the table settings (BillingMode,
-- ProvisionedThroughput, TableClass, DeletionProtectionEnabled) and
-- StreamSpecification, alone and combined with each other and with
-- GlobalSecondaryIndexUpdates, with DynamoDB's messages.
--
\i sql/include/execute.sql
-- UpdateTable on ut_t: what the TableDescription says of the settings and
-- the stream (timestamps and labels as whether they are there), or the error
CREATE FUNCTION pg_temp.ut(req jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    d jsonb;
BEGIN
    d := dynamo.execute('UpdateTable', '{"TableName": "ut_t"}'::jsonb || req) -> 'TableDescription';
    RETURN jsonb_strip_nulls(jsonb_build_object(
      'Billing', d #> '{BillingModeSummary,BillingMode}',
      'Throughput', (d -> 'ProvisionedThroughput') - 'LastIncreaseDateTime' - 'LastDecreaseDateTime',
      'Class', d #> '{TableClassSummary,TableClass}',
      'Protected', d -> 'DeletionProtectionEnabled',
      'Stream', d -> 'StreamSpecification',
      'StreamArn', d ? 'LatestStreamArn',
      'Indexes', (SELECT jsonb_agg(i ->> 'IndexName' ORDER BY i ->> 'IndexName')
                  FROM jsonb_array_elements(d -> 'GlobalSecondaryIndexes') i)));
EXCEPTION WHEN OTHERS THEN
    RETURN to_jsonb(SQLSTATE || ': ' || SQLERRM);
END $$;

SELECT pg_temp.x('CreateTable', '{"TableName": "ut_t",
  "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}],
  "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}],
  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}')::jsonb
  #> '{TableDescription,TableStatus}' AS created;

-- nothing to update
SELECT pg_temp.ut('{}');
SELECT pg_temp.ut('{"GlobalSecondaryIndexUpdates": []}');
SELECT pg_temp.ut('{"AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}]}');
-- an unknown table, for each kind of member
SELECT pg_temp.x('UpdateTable', '{"TableName": "ut_none", "BillingMode": "PAY_PER_REQUEST"}');
SELECT pg_temp.x('UpdateTable', '{"TableName": "ut_none", "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"}}');
SELECT pg_temp.x('UpdateTable', '{"TableName": "ut_none", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "gsi"}}]}');

-- settings, one member at a time
SELECT pg_temp.ut('{"ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 5}}');
SELECT pg_temp.ut('{"ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 5}}');
SELECT pg_temp.ut('{"TableClass": "STANDARD_INFREQUENT_ACCESS"}');
SELECT pg_temp.ut('{"DeletionProtectionEnabled": true}');
SELECT pg_temp.x('DeleteTable', '{"TableName": "ut_t"}');
SELECT pg_temp.ut('{"DeletionProtectionEnabled": false}');
SELECT pg_temp.ut('{"BillingMode": "PAY_PER_REQUEST"}');
-- the rules on combining billing mode and throughput
SELECT pg_temp.ut('{"ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}');
SELECT pg_temp.ut('{"BillingMode": "PROVISIONED"}');
SELECT pg_temp.ut('{"BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3}}');
SELECT pg_temp.ut('{"BillingMode": "PAY_PER_REQUEST", "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3}}');
-- bad values
SELECT pg_temp.ut('{"BillingMode": "FREE"}');
SELECT pg_temp.ut('{"TableClass": "COLD"}');
SELECT pg_temp.ut('{"ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 1}}');

-- StreamSpecification: on, on again, a bad view type, off, off again
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": true}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": true, "StreamViewType": "ALL"}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": false, "StreamViewType": "KEYS_ONLY"}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": false}}');
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": false}}');

-- Combined in one call: UpdateTable completes inside the call here, so
-- what DynamoDB makes a client sequence (one change at a time while the
-- table is UPDATING) is applied together, in the caller's transaction:
-- all of it, or (on any error) none of it
SELECT pg_temp.ut('{"BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 4, "WriteCapacityUnits": 4},
                    "TableClass": "STANDARD", "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}');
SELECT pg_temp.ut('{"AttributeDefinitions": [{"AttributeName": "G", "AttributeType": "S"}],
                    "ProvisionedThroughput": {"ReadCapacityUnits": 6, "WriteCapacityUnits": 6},
                    "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "ByG", "KeySchema": [{"AttributeName": "G", "KeyType": "HASH"}],
                      "Projection": {"ProjectionType": "KEYS_ONLY"},
                      "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}}]}');
-- a bad member after good ones: nothing changes (the stream stays on, the
-- index stays, the throughput stays 6/6)
SELECT pg_temp.ut('{"ProvisionedThroughput": {"ReadCapacityUnits": 7, "WriteCapacityUnits": 7},
                    "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"}}');
SELECT pg_temp.ut('{"TableClass": "STANDARD_INFREQUENT_ACCESS", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "NoSuch"}}]}');
SELECT pg_temp.ut('{"DeletionProtectionEnabled": false}');
-- turning the stream off and dropping the index together
SELECT pg_temp.ut('{"StreamSpecification": {"StreamEnabled": false}, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "ByG"}}]}');
-- DescribeTable agrees with the last response
SELECT d #> '{BillingModeSummary,BillingMode}' AS billing, d #> '{ProvisionedThroughput,ReadCapacityUnits}' AS rcu,
       d #> '{TableClassSummary,TableClass}' AS class, d ? 'StreamSpecification' AS stream, d ? 'GlobalSecondaryIndexes' AS indexes
FROM dynamo.describe_table('ut_t') d;
SELECT dynamo.delete_table('ut_t') ->> 'TableStatus' AS deleted;
