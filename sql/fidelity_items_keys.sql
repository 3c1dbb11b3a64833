--
-- fidelity_items_keys: the keys of the batches and the transactions are
-- worded as DynamoDB words them today: an empty key value in a Key map of
-- BatchGetItem, BatchWriteItem, TransactWriteItems or TransactGetItems is
-- "not valid" (as in an Item), while GetItem, DeleteItem and UpdateItem
-- keep "were invalid".
--

\i sql/include/execute.sql

SELECT pg_temp.try('CreateTable', '{"TableName":"FkS","BillingMode":"PAY_PER_REQUEST",
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}') LIKE '{"TableDescription":%' AS created;
SELECT pg_temp.try('CreateTable', '{"TableName":"FkB","BillingMode":"PAY_PER_REQUEST",
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"B"}]}') LIKE '{"TableDescription":%' AS created;

-- a transaction's Update, Delete, ConditionCheck and Get
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[{"Update":{"TableName":"FkS","Key":{"pk":{"S":""}},"UpdateExpression":"SET v = :v","ExpressionAttributeValues":{":v":{"N":"0"}}}}]}');
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[{"Delete":{"TableName":"FkB","Key":{"pk":{"S":"a"},"sk":{"B":""}}}}]}');
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[{"ConditionCheck":{"TableName":"FkS","Key":{"pk":{"S":""}},"ConditionExpression":"attribute_exists(v)"}}]}');
SELECT pg_temp.try('TransactGetItems', '{"TransactItems":[{"Get":{"TableName":"FkS","Key":{"pk":{"S":""}}}}]}');
-- the batches' keys, and a PutRequest's item as a PutItem's
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{"FkB":{"Keys":[{"pk":{"S":"a"},"sk":{"B":""}}]}}}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{"FkB":[{"DeleteRequest":{"Key":{"pk":{"S":"a"},"sk":{"B":""}}}}]}}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{"FkS":[{"PutRequest":{"Item":{"pk":{"S":""}}}}]}}');
-- a wrong type stays the schema mismatch
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{"FkS":[{"DeleteRequest":{"Key":{"pk":{"N":"1"}}}}]}}');
-- the single-item operations keep their wording
SELECT pg_temp.try('GetItem', '{"TableName":"FkS","Key":{"pk":{"S":""}}}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"FkB","Key":{"pk":{"S":"a"},"sk":{"B":""}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FkS","Key":{"pk":{"S":""}},"UpdateExpression":"SET v = :v","ExpressionAttributeValues":{":v":{"N":"0"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"FkS","Item":{"pk":{"S":""}}}');

SELECT dynamo.delete_table('FkS') IS NOT NULL AS dropped;
SELECT dynamo.delete_table('FkB') IS NOT NULL AS dropped;
