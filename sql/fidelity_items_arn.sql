--
-- fidelity_items_arn: the item operations take a table's ARN wherever they
-- take its name (TableName, the keys of RequestItems, a transaction's
-- actions); the responses name the table as the request did (Responses,
-- ConsumedCapacity).  An ARN of another region or account, or not of a
-- table, is refused; an ARN of no table is ResourceNotFoundException.
--

\i sql/include/execute.sql

SELECT pg_temp.try('CreateTable', '{"TableName":"FaS","BillingMode":"PAY_PER_REQUEST",
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}') LIKE '{"TableDescription":%' AS created;
SELECT dynamo.execute('DescribeTable', '{"TableName":"FaS"}')->'Table'->>'TableArn' AS arn \gset
SELECT :'arn' AS arn;

-- the single-item operations
SELECT pg_temp.try('PutItem', jsonb_build_object('TableName', :'arn', 'Item', '{"pk":{"S":"a"},"v":{"N":"1"}}'::jsonb,
  'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', :'arn', 'Key', '{"pk":{"S":"a"}}'::jsonb,
  'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('UpdateItem', jsonb_build_object('TableName', :'arn', 'Key', '{"pk":{"S":"a"}}'::jsonb,
  'UpdateExpression', 'SET v = v + :one', 'ExpressionAttributeValues', '{":one":{"N":"1"}}'::jsonb,
  'ReturnValues', 'UPDATED_NEW', 'ReturnConsumedCapacity', 'INDEXES'));
-- the batches: Responses keyed as the request named the table
SELECT pg_temp.try('BatchWriteItem', jsonb_build_object('RequestItems', jsonb_build_object(:'arn',
  '[{"PutRequest":{"Item":{"pk":{"S":"b"}}}}]'::jsonb), 'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('BatchGetItem', jsonb_build_object('RequestItems', jsonb_build_object(:'arn',
  '{"Keys":[{"pk":{"S":"a"}},{"pk":{"S":"b"}}]}'::jsonb), 'ReturnConsumedCapacity', 'TOTAL'));
-- one table named by its name and by its ARN: one entry per name, and
-- one item written under both names is a duplicate
SELECT pg_temp.try('BatchWriteItem', jsonb_build_object('RequestItems', jsonb_build_object(:'arn',
  '[{"PutRequest":{"Item":{"pk":{"S":"c"}}}}]'::jsonb, 'FaS', '[{"PutRequest":{"Item":{"pk":{"S":"d"}}}}]'::jsonb),
  'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('BatchWriteItem', jsonb_build_object('RequestItems', jsonb_build_object(:'arn',
  '[{"DeleteRequest":{"Key":{"pk":{"S":"c"}}}}]'::jsonb, 'FaS', '[{"DeleteRequest":{"Key":{"pk":{"S":"c"}}}}]'::jsonb)));
-- the transactions
SELECT pg_temp.try('TransactWriteItems', jsonb_build_object('TransactItems', jsonb_build_array(
  jsonb_build_object('Update', jsonb_build_object('TableName', :'arn', 'Key', '{"pk":{"S":"b"}}'::jsonb,
    'UpdateExpression', 'SET w = :w', 'ExpressionAttributeValues', '{":w":{"S":"x"}}'::jsonb))),
  'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('TransactGetItems', jsonb_build_object('TransactItems', jsonb_build_array(
  jsonb_build_object('Get', jsonb_build_object('TableName', :'arn', 'Key', '{"pk":{"S":"b"}}'::jsonb))),
  'ReturnConsumedCapacity', 'TOTAL'));
SELECT pg_temp.try('DeleteItem', jsonb_build_object('TableName', :'arn', 'Key', '{"pk":{"S":"b"}}'::jsonb,
  'ReturnValues', 'ALL_OLD'));

-- an ARN of no table; ARNs refused: another region, not a table, too long,
-- malformed
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', replace(:'arn', ':table/', ':table/Nope'),
  'Key', '{"pk":{"S":"a"}}'::jsonb));
SELECT pg_temp.try('GetItem', '{"TableName":"arn:aws:dynamodb:xx-nowhere-1:000000000000:table/FaS","Key":{"pk":{"S":"a"}}}');
SELECT pg_temp.try('PutItem', jsonb_build_object('TableName', :'arn' || '/index/i', 'Item', '{"pk":{"S":"a"}}'::jsonb));
SELECT regexp_replace(pg_temp.try('PutItem', jsonb_build_object('TableName', 'arn:' || repeat('x', 1021),
  'Item', '{"pk":{"S":"a"}}'::jsonb)), 'x{200}x*', 'x...x') AS try;
SELECT pg_temp.try('TransactGetItems', '{"TransactItems":[{"Get":{"TableName":"arn:x","Key":{"pk":{"S":"a"}}}}]}');
-- names keep their own checks
SELECT pg_temp.try('GetItem', '{"TableName":"a:b","Key":{"pk":{"S":"a"}}}');

SELECT dynamo.delete_table('FaS') IS NOT NULL AS dropped;
