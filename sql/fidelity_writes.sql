--
-- fidelity_writes: writes as DynamoDB does them — UpdateItem with an empty
-- AttributeUpdates creates the key-only item; a transaction's reasons name
-- only the actions that failed; execute()'s reads see the writes made
-- before them in the same SQL statement.
--

\set try_detail on
\i sql/include/execute.sql

SELECT dynamo.create_table('WrH', 'Id') IS NOT NULL AS created;
SELECT dynamo.create_table('WrHR', 'P', 'S', 'S', 'N') IS NOT NULL AS created;

-- UpdateItem with AttributeUpdates {} on a missing item creates it with
-- just its key (like no update at all); ALL_NEW returns it
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"k1"}},"AttributeUpdates":{},"ReturnValues":"ALL_NEW"}');
SELECT dynamo.get_item('WrH', '{"Id":"k1"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrHR","Key":{"P":{"S":"p"},"S":{"N":"1"}},"AttributeUpdates":{},"ReturnValues":"ALL_NEW"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"k2"}},"ReturnValues":"ALL_NEW"}');
-- on an existing item it changes nothing
SELECT dynamo.put_item('WrH', '{"Id":"k3","a":1}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"k3"}},"AttributeUpdates":{},"ReturnValues":"ALL_NEW"}');
-- an update that only removes still creates nothing
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"k4"}},"AttributeUpdates":{"a":{"Action":"DELETE"}},"ReturnValues":"ALL_NEW"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"k4"}},"UpdateExpression":"REMOVE a","ReturnValues":"ALL_NEW"}');
SELECT dynamo.get_item('WrH', '{"Id":"k4"}') IS NULL AS k4_missing;

-- TransactWriteItems: a Put creating a new key with attribute_not_exists
-- and an Update failing validation while it writes: [None, ValidationError],
-- no invented condition failure or item, nothing written
SELECT dynamo.put_item('WrH', '{"Id":"str","a":"text"}');
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"WrH","Item":{"Id":{"S":"new"}},"ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
  {"Update":{"TableName":"WrH","Key":{"Id":{"S":"str"}},"UpdateExpression":"SET a = a + :n","ExpressionAttributeValues":{":n":{"N":"1"}}}}]}');
SELECT dynamo.get_item('WrH', '{"Id":"new"}') IS NULL AS new_not_written;
-- in the other order too
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[
  {"Update":{"TableName":"WrH","Key":{"Id":{"S":"str"}},"UpdateExpression":"SET a = a + :n","ExpressionAttributeValues":{":n":{"N":"1"}}}},
  {"Put":{"TableName":"WrH","Item":{"Id":{"S":"zzz"}},"ConditionExpression":"attribute_not_exists(Id)"}}]}');
-- a real condition failure still reports its reason (and its old item)
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"WrH","Item":{"Id":{"S":"k3"}},"ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
  {"Update":{"TableName":"WrH","Key":{"Id":{"S":"str"}},"UpdateExpression":"SET a = a + :n","ExpressionAttributeValues":{":n":{"N":"1"}}}}]}');
-- and the put alone succeeds
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"WrH","Item":{"Id":{"S":"new"}},"ConditionExpression":"attribute_not_exists(Id)"}}]}');

-- execute() is VOLATILE: a read in the same statement as a write sees it
SELECT dynamo.execute('PutItem', '{"TableName":"WrH","Item":{"Id":{"S":"s1"}}}') IS NOT NULL
   AND dynamo.execute('GetItem', '{"TableName":"WrH","Key":{"Id":{"S":"s1"}}}') ? 'Item' AS get_sees_put;
SELECT dynamo.execute('PutItem', '{"TableName":"WrHR","Item":{"P":{"S":"s2"},"S":{"N":"1"}}}') IS NOT NULL
   AND (dynamo.execute('Query', '{"TableName":"WrHR","KeyConditionExpression":"P = :p","ExpressionAttributeValues":{":p":{"S":"s2"}}}')->>'Count')::int = 1 AS query_sees_put;
SELECT dynamo.execute('DeleteItem', '{"TableName":"WrH","Key":{"Id":{"S":"s1"}}}') IS NOT NULL
   AND NOT dynamo.execute('GetItem', '{"TableName":"WrH","Key":{"Id":{"S":"s1"}}}') ? 'Item' AS get_sees_delete;
SELECT dynamo.execute('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"s3"}},"UpdateExpression":"SET n = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}') IS NOT NULL
   AND dynamo.execute('BatchGetItem', '{"RequestItems":{"WrH":{"Keys":[{"Id":{"S":"s3"}}]}}}') #>> '{Responses,WrH,0,n,N}' = '1' AS batch_sees_update;
SELECT dynamo.execute_text('PutItem', '{"TableName":"WrH","Item":{"Id":{"S":"s4"}}}') IS NOT NULL
   AND dynamo.execute_text('GetItem', '{"TableName":"WrH","Key":{"Id":{"S":"s4"}}}') LIKE '%Item%' AS text_sees_put;
-- one row at a time: each call sees the rows written before it
SELECT n, dynamo.execute('UpdateItem', '{"TableName":"WrH","Key":{"Id":{"S":"ctr"}},"UpdateExpression":"ADD c :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}')
FROM generate_series(1, 3) AS n;
SELECT n, dynamo.execute('GetItem', '{"TableName":"WrH","Key":{"Id":{"S":"ctr"}}}') #>> '{Item,c,N}' AS c
FROM generate_series(1, 2) AS n;
-- the ergonomic functions follow the same rule: GetItem (the direct index
-- read) and Query (the cursor) see a put made earlier in the statement
SELECT dynamo.put_item('WrH', '{"Id":"erg1"}') IS NULL
   AND dynamo.get_item('WrH', '{"Id":"erg1"}') IS NOT NULL AS get_item_sees_put;
SELECT dynamo.put_item('WrH', '{"Id":"erg2"}') IS NULL
   AND (SELECT count(*) FROM dynamo.query('WrH', 'Id = :i', expression_attribute_values => '{":i":"erg2"}')) = 1
   AS query_sees_put;
SELECT dynamo.delete_item('WrH', '{"Id":"erg2"}') IS NULL
   AND dynamo.get_item('WrH', '{"Id":"erg2"}') IS NULL AS get_item_sees_delete;
