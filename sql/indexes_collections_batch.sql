--
-- ItemCollectionMetrics of BatchWriteItem and TransactWriteItems: for each
-- table with an LSI, each item collection the writes touched, once
--
SET client_min_messages = warning;
SELECT dynamo.execute('CreateTable', '{"TableName":"CollB","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"S","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"P","AttributeType":"S"},{"AttributeName":"S","AttributeType":"N"},{"AttributeName":"L","AttributeType":"S"}],
  "LocalSecondaryIndexes":[{"IndexName":"ByL","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"L","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}') IS NOT NULL AS created;
SELECT dynamo.create_table('NoLsiB', 'P', 'S', 'S', 'N') IS NOT NULL AS created;
SELECT dynamo.put_item('CollB', '{"P":"c","S":1}') IS NULL AS put;

-- BatchWriteItem: puts in collections a (twice) and b, a delete in c; the
-- table without an LSI has no metrics
SELECT dynamo.execute('BatchWriteItem', '{"ReturnItemCollectionMetrics":"SIZE","RequestItems":{
  "CollB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"1"},"L":{"S":"x"}}}},
           {"PutRequest":{"Item":{"P":{"S":"b"},"S":{"N":"1"}}}},
           {"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"2"}}}},
           {"DeleteRequest":{"Key":{"P":{"S":"c"},"S":{"N":"1"}}}}],
  "NoLsiB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"1"}}}}]}}');
-- NONE, or not asked, or no table with an LSI: none
SELECT dynamo.execute('BatchWriteItem', '{"ReturnItemCollectionMetrics":"NONE","RequestItems":{
  "CollB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"3"}}}}]}}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems":{"CollB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"3"}}}}]}}');
SELECT dynamo.execute('BatchWriteItem', '{"ReturnItemCollectionMetrics":"SIZE","RequestItems":{
  "NoLsiB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"2"}}}}]}}');
SELECT dynamo.execute('BatchWriteItem', '{"ReturnItemCollectionMetrics":"ALL","RequestItems":{
  "CollB":[{"PutRequest":{"Item":{"P":{"S":"a"},"S":{"N":"3"}}}}]}}');

-- TransactWriteItems: Put, Update and Delete count, a ConditionCheck does not
SELECT dynamo.execute('TransactWriteItems', '{"ReturnItemCollectionMetrics":"SIZE","TransactItems":[
  {"Put":{"TableName":"CollB","Item":{"P":{"S":"d"},"S":{"N":"1"}}}},
  {"Update":{"TableName":"CollB","Key":{"P":{"S":"a"},"S":{"N":"1"}},"UpdateExpression":"SET Z = :z",
             "ExpressionAttributeValues":{":z":{"N":"1"}}}},
  {"Delete":{"TableName":"CollB","Key":{"P":{"S":"d"},"S":{"N":"9"}}}},
  {"ConditionCheck":{"TableName":"CollB","Key":{"P":{"S":"b"},"S":{"N":"1"}},"ConditionExpression":"attribute_exists(P)"}},
  {"Put":{"TableName":"NoLsiB","Item":{"P":{"S":"z"},"S":{"N":"1"}}}}]}');
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"CollB","Item":{"P":{"S":"e"},"S":{"N":"1"}}}}]}');
-- a cancelled transaction reports its reasons, not metrics
SELECT dynamo.execute('TransactWriteItems', '{"ReturnItemCollectionMetrics":"SIZE","TransactItems":[
  {"Put":{"TableName":"CollB","Item":{"P":{"S":"f"},"S":{"N":"1"}},"ConditionExpression":"attribute_exists(P)"}}]}');

-- The limit holds for batches too: the write past it is refused
SET pg_dynamo.item_collection_size_limit = '1kB';
SELECT dynamo.execute('BatchWriteItem', format('{"ReturnItemCollectionMetrics":"SIZE","RequestItems":{"CollB":[%s]}}',
  (SELECT string_agg(format('{"PutRequest":{"Item":{"P":{"S":"g"},"S":{"N":"%s"},"Pad":{"S":"%s"}}}}', i, repeat('x', 300)), ',')
   FROM generate_series(1, 5) i))::jsonb);
SELECT count(*) AS none_written FROM dynamo_data."CollB" WHERE pk = 'g';
RESET pg_dynamo.item_collection_size_limit;
SELECT dynamo.delete_table('CollB') IS NOT NULL AS deleted, dynamo.delete_table('NoLsiB') IS NOT NULL AS deleted;
