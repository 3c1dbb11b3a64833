--
-- fidelity_messages: DynamoDB's messages and response shapes — every
-- violated parameter constraint of a request reported at once ("N
-- validation errors detected: A; B", in DynamoDB's member order), integer
-- members out of range, the wordings of the ADD/DELETE type mismatch, a
-- sum too precise to store, the nesting limit, an empty RequestItems, and
-- ALL_OLD items in typed JSON in execute()'s exceptions (plain JSON in the
-- SQL functions').
--

-- A request through execute(): the response, or the error as
-- "Exception: message" and its detail; a SQL statement's (pg_temp.err) as
-- "SQLSTATE: message" and its detail
\set try_detail on
\i sql/include/execute.sql

SELECT dynamo.create_table('MsgT', 'Id') IS NOT NULL AS created;
SELECT dynamo.put_item('MsgT', '{"Id":"a","n":1,"s":"str","ss":{"$SS":["x"]},"b":{"$B":"AQI="},"m":{"k":[1,true,null]}}');

-- Several violations at once, in DynamoDB's order of members
SELECT pg_temp.try('PutItem', '{"TableName":"MsgT","Item":{"Id":{"S":"b"}},"ReturnValues":"ALL","ReturnConsumedCapacity":"SOME"}');
SELECT pg_temp.try('PutItem', '{"TableName":"x","ReturnValues":"ALL","ReturnValuesOnConditionCheckFailure":"NEW"}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"MsgT","ReturnValues":"UPDATED_NEWS","ReturnItemCollectionMetrics":"ALL"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"a b","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"x":{"Action":"SET","Value":{"N":"1"}}},"Expected":{"y":{"ComparisonOperator":"SAME"}},"ConditionalOperator":"XOR"}');
SELECT pg_temp.try('GetItem', '{"TableName":"ab","AttributesToGet":[]}');
SELECT pg_temp.try('GetItem', '{}');
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","ReturnConsumedCapacity":"TOTAL, NONE","Select":""}');
SELECT pg_temp.try('Query', '{"Limit":0}');
-- table names: too short, too long, off-pattern, both
SELECT pg_temp.try('GetItem', '{"TableName":"ab","Key":{"Id":{"S":"a"}}}');
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', repeat('t', 256), 'Key', '{"Id":{"S":"a"}}'::jsonb));
SELECT pg_temp.try('GetItem', '{"TableName":"Msg T","Key":{"Id":{"S":"a"}}}');
SELECT pg_temp.try('GetItem', '{"TableName":"é","Key":{"Id":{"S":"a"}}}');
SELECT pg_temp.try('GetItem', '{"TableName":"","Key":{"Id":{"S":"a"}}}');
-- Query and Scan: Limit below 1, segments, Select, operators, all at once
SELECT pg_temp.try('Query', '{"TableName":"MsgT","Limit":0,"Select":"ALL","KeyConditions":{"Id":{"ComparisonOperator":"EQUALS","AttributeValueList":[{"S":"a"}]}},"QueryFilter":{"n":{"AttributeValueList":[{"N":"1"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","Segment":-1,"TotalSegments":0,"Limit":0,"ReturnConsumedCapacity":"ALL"}');
-- integer members out of range: a ValidationException, never 22003
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","Limit":1e300}');
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","Segment":0,"TotalSegments":1e19}');
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","Segment":-1e30,"TotalSegments":2}');
SELECT pg_temp.try('Query', '{"TableName":"MsgT","Limit":-99999999999999999999,"KeyConditionExpression":"Id = :a","ExpressionAttributeValues":{":a":{"S":"a"}}}');
SELECT pg_temp.try('ListTables', '{"Limit":1e300}');
SELECT pg_temp.try('ListTables', '{"Limit":0,"ExclusiveStartTableName":"x"}');
SELECT pg_temp.try('Scan', '{"TableName":"MsgT","Limit":2147483647,"Select":"COUNT"}');
-- batch and transaction members
SELECT pg_temp.try('BatchGetItem', '{"ReturnConsumedCapacity":"ALL"}');
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{}}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{}}');
SELECT pg_temp.try('BatchWriteItem', '{"ReturnConsumedCapacity":"ALL","ReturnItemCollectionMetrics":"ALL","RequestItems":{}}');
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[],"ReturnConsumedCapacity":"ALL","ClientRequestToken":""}');
SELECT pg_temp.try('TransactGetItems', '{"ReturnConsumedCapacity":"ALL"}');
-- the SQL functions report their one argument the same way
SELECT pg_temp.err($$SELECT dynamo.put_item('MsgT', '{"Id":"z"}', return_values => 'ALL')$$);
SELECT pg_temp.err($$SELECT dynamo.get_item('M!', '{"Id":"z"}')$$);
SELECT pg_temp.err($$SELECT * FROM dynamo.query('MsgT', 'Id = :a', expression_attribute_values => '{":a":"a"}', "limit" => 0)$$);

-- ADD and DELETE of another type than the attribute's: the expression's
-- message, and AttributeUpdates' own
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"UpdateExpression":"ADD s :one","ExpressionAttributeValues":{":one":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"UpdateExpression":"DELETE ss :n","ExpressionAttributeValues":{":n":{"NS":["1"]}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"s":{"Action":"ADD","Value":{"N":"1"}}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"ss":{"Action":"ADD","Value":{"NS":["1"]}}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"ss":{"Action":"DELETE","Value":{"BS":["AQ=="]}}}}');
-- and of a type they never take
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"UpdateExpression":"ADD n :s","ExpressionAttributeValues":{":s":{"S":"x"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"n":{"Action":"ADD","Value":{"S":"x"}}}}');

-- Numbers: a value beyond 38 digits; a sum that cannot be stored in 38
-- digits is an overflow in DynamoDB's words
SELECT pg_temp.try('PutItem', '{"TableName":"MsgT","Item":{"Id":{"S":"n"},"x":{"N":"3.14159265358979323846264338327950288419"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"n"}},"UpdateExpression":"SET x = :a + :b","ExpressionAttributeValues":{":a":{"N":"1e50"},":b":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"n"}},"UpdateExpression":"SET x = :a + :b","ExpressionAttributeValues":{":a":{"N":"9e125"},":b":{"N":"9e125"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"n"}},"UpdateExpression":"SET x = :a + :b","ExpressionAttributeValues":{":a":{"N":"1e22"},":b":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}');

-- The nesting limit: 32 levels, DynamoDB's message past them
SELECT pg_temp.try('PutItem', jsonb_build_object('TableName', 'MsgT', 'Item', jsonb_build_object('Id', '{"S":"deep"}'::jsonb,
       'x', ((SELECT string_agg('{"L":[', '') FROM generate_series(1, 31)) || '{"S":"x"}' || repeat(']}', 31))::jsonb)));
SELECT pg_temp.try('PutItem', jsonb_build_object('TableName', 'MsgT', 'Item', jsonb_build_object('Id', '{"S":"deep"}'::jsonb,
       'x', ((SELECT string_agg('{"L":[', '') FROM generate_series(1, 32)) || '{"S":"x"}' || repeat(']}', 32))::jsonb)));

-- ReturnValuesOnConditionCheckFailure ALL_OLD: typed JSON from execute()
-- (every type), plain JSON from the SQL functions
SELECT pg_temp.try('PutItem', '{"TableName":"MsgT","Item":{"Id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"ConditionExpression":"n = :two","ExpressionAttributeValues":{":two":{"N":"2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"UpdateExpression":"SET n = :two","ConditionExpression":"n = :two","ExpressionAttributeValues":{":two":{"N":"2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"AttributeUpdates":{"n":{"Value":{"N":"2"}}},"Expected":{"n":{"Value":{"N":"2"}}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
SELECT pg_temp.try('PutItem', '{"TableName":"MsgT","Item":{"Id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"NONE"}');
SELECT pg_temp.try('TransactWriteItems', '{"TransactItems":[
  {"ConditionCheck":{"TableName":"MsgT","Key":{"Id":{"S":"a"}},"ConditionExpression":"n = :two","ExpressionAttributeValues":{":two":{"N":"2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
  {"Put":{"TableName":"MsgT","Item":{"Id":{"S":"fresh"}}}}]}');
SELECT pg_temp.err($$SELECT dynamo.put_item('MsgT', '{"Id":"a"}', condition_expression => 'attribute_not_exists(Id)', return_values_on_condition_check_failure => 'ALL_OLD')$$);
SELECT pg_temp.err($$SELECT dynamo.execute_text('PutItem', '{"TableName":"MsgT","Item":{"Id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}')$$);
