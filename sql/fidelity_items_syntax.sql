--
-- fidelity_items_syntax: an expression that ends too soon is a syntax error
-- at token "<EOF>", near the last token only, as DynamoDB quotes it
-- (a token in the middle is quoted with its neighbours).
--

\i sql/include/execute.sql

SELECT dynamo.create_table('FsH', 'pk') IS NOT NULL AS created;

SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[{"ConditionCheck":{"TableName":"FsH","Key":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists("}}]}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FsH","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = b +"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FsH","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET"}');
SELECT pg_temp.try('GetItem', '{"TableName":"FsH","Key":{"pk":{"S":"a"}},"ProjectionExpression":"a, b,"}');
SELECT pg_temp.try('PutItem', '{"TableName":"FsH","Item":{"pk":{"S":"a"}},"ConditionExpression":"begins_with(a, :v","ExpressionAttributeValues":{":v":{"S":"x"}}}');
-- a token in the middle keeps its neighbours
SELECT pg_temp.try('PutItem', '{"TableName":"FsH","Item":{"pk":{"S":"a"}},"ConditionExpression":"a = = b"}');

SELECT dynamo.delete_table('FsH') IS NOT NULL AS dropped;
