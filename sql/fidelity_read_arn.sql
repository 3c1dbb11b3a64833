--
-- fidelity_read_arn: Query and Scan take a table's ARN as TableName, as
-- the item operations do (DynamoDB's API reference: "You can also provide
-- the Amazon Resource Name (ARN) of the table in this parameter", 1 to
-- 1024 characters); ConsumedCapacity names the table as the request did.
-- An ARN of no table is ResourceNotFoundException; an ARN of another region
-- or account, or of an index, is refused; the SQL functions take names only.
--

\i sql/include/execute.sql
SET pg_dynamo.region = 'eu-west-1';

SELECT pg_temp.try('CreateTable', '{"TableName":"FrA","BillingMode":"PAY_PER_REQUEST",
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
    {"AttributeName":"g","AttributeType":"S"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"KEYS_ONLY"}}]}') LIKE '{"TableDescription":%' AS created;
SELECT dynamo.execute('DescribeTable', '{"TableName":"FrA"}')->'Table'->>'TableArn' AS arn \gset
SELECT pg_temp.try('BatchWriteItem', jsonb_build_object('RequestItems', jsonb_build_object('FrA', jsonb_build_array(
  '{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"}}}}'::jsonb,
  '{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"2"},"g":{"S":"x"}}}}'::jsonb,
  '{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"1"}}}}'::jsonb))));

-- Query: by the table's ARN, a page at a time, and on an index
SELECT pg_temp.try('Query', jsonb_build_object('TableName', :'arn', 'KeyConditionExpression', 'pk = :p',
  'ExpressionAttributeValues', '{":p":{"S":"a"}}'::jsonb, 'Limit', 1, 'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('Query', jsonb_build_object('TableName', :'arn', 'KeyConditionExpression', 'pk = :p',
  'ExpressionAttributeValues', '{":p":{"S":"a"}}'::jsonb, 'ScanIndexForward', false,
  'ExclusiveStartKey', '{"pk":{"S":"a"},"sk":{"N":"2"}}'::jsonb));
SELECT pg_temp.try('Query', jsonb_build_object('TableName', :'arn', 'IndexName', 'ByG',
  'KeyConditions', '{"g":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}}'::jsonb,
  'Select', 'COUNT', 'ReturnConsumedCapacity', 'INDEXES'));
-- Scan: the table, a segment, an index
SELECT pg_temp.try('Scan', jsonb_build_object('TableName', :'arn', 'Select', 'COUNT', 'ReturnConsumedCapacity', 'INDEXES'));
SELECT (pg_temp.try('Scan', jsonb_build_object('TableName', :'arn', 'Segment', 0, 'TotalSegments', 2))::jsonb->'Count')::int
     + (pg_temp.try('Scan', jsonb_build_object('TableName', :'arn', 'Segment', 1, 'TotalSegments', 2))::jsonb->'Count')::int
  AS segments_count;
SELECT pg_temp.try('Scan', jsonb_build_object('TableName', :'arn', 'IndexName', 'ByG', 'ReturnConsumedCapacity', 'TOTAL'));

-- an ARN of no table; ARNs refused: another region, an index, too long,
-- malformed; names keep their own checks
SELECT pg_temp.try('Query', jsonb_build_object('TableName', replace(:'arn', ':table/', ':table/Nope'),
  'KeyConditionExpression', 'pk = :p', 'ExpressionAttributeValues', '{":p":{"S":"a"}}'::jsonb));
SELECT pg_temp.try('Scan', '{"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/FrA"}');
SELECT pg_temp.try('Scan', jsonb_build_object('TableName', :'arn' || '/index/ByG'));
SELECT regexp_replace(pg_temp.try('Scan', jsonb_build_object('TableName', 'arn:' || repeat('x', 1021))),
  'x{200}x*', 'x...x') AS try;
SELECT pg_temp.try('Query', '{"TableName":"arn:x","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"a:b"}');
SELECT pg_temp.try('Scan', '{}');

-- the SQL functions take a table's name only
SELECT count(*) FROM dynamo.scan(:'arn');
SELECT count(*) FROM dynamo.query(:'arn', 'pk = :p', expression_attribute_values => '{":p":"a"}');
SELECT count(*) FROM dynamo.scan('FrA');

SELECT dynamo.delete_table('FrA') IS NOT NULL AS dropped;
