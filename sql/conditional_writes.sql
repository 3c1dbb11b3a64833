-- Conditional writes, update_item and projections through the item
-- operations (the expression languages themselves: expr_*.sql).
SELECT dynamo.create_table('CondW', 'Id') - 'CreationDateTime' - 'TableSizeBytes' - 'TableArn' IS NOT NULL AS created;

-- put_item with a condition: the first claim wins, the second fails
SELECT dynamo.put_item('CondW', '{"Id":"a","v":1}', condition_expression => 'attribute_not_exists(Id)');
SELECT dynamo.put_item('CondW', '{"Id":"a","v":2}', condition_expression => 'attribute_not_exists(Id)');
SELECT dynamo.get_item('CondW', '{"Id":"a"}');
-- ...with the existing item returned on failure (errdetail)
SELECT dynamo.put_item('CondW', '{"Id":"a","v":2}', condition_expression => 'v = :one',
       expression_attribute_values => '{":one":5}',
       return_values_on_condition_check_failure => 'ALL_OLD');
-- a condition that holds replaces the item; ALL_OLD returns the old one
SELECT dynamo.put_item('CondW', '{"Id":"a","v":2}', condition_expression => 'v = :one',
       expression_attribute_values => '{":one":1}', return_values => 'ALL_OLD');
-- placeholders: names, unused values, values without an expression
SELECT dynamo.put_item('CondW', '{"Id":"a","v":3}', condition_expression => '#v = :two',
       expression_attribute_names => '{"#v":"v"}', expression_attribute_values => '{":two":2}');
SELECT dynamo.put_item('CondW', '{"Id":"a"}', condition_expression => 'v = :two',
       expression_attribute_values => '{":two":2,":three":3}');
SELECT dynamo.put_item('CondW', '{"Id":"a"}', expression_attribute_values => '{":two":2}');
SELECT dynamo.put_item('CondW', '{"Id":"a"}', condition_expression => 'v = ');

-- delete_item with a condition
SELECT dynamo.delete_item('CondW', '{"Id":"a"}', condition_expression => 'v > :n',
       expression_attribute_values => '{":n":10}');
SELECT dynamo.delete_item('CondW', '{"Id":"a"}', condition_expression => 'v < :n',
       expression_attribute_values => '{":n":10}', return_values => 'ALL_OLD');
SELECT dynamo.delete_item('CondW', '{"Id":"a"}', condition_expression => 'attribute_exists(Id)');

-- update_item creates a missing item, with its key
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET #n = :n, tags = :t',
       expression_attribute_names => '{"#n":"name"}',
       expression_attribute_values => '{":n":"first",":t":{"$SS":["x"]}}', return_values => 'ALL_NEW');
-- every action, with each ReturnValues shape
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET c = :zero, l = :l', expression_attribute_values => '{":zero":0,":l":[1,2,3]}');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET c = c + :one', expression_attribute_values => '{":one":1}', return_values => 'UPDATED_OLD');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET c = c + :one', expression_attribute_values => '{":one":1}', return_values => 'UPDATED_NEW');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'ADD tags :t, hits :one', expression_attribute_values => '{":t":{"$SS":["y"]},":one":1}', return_values => 'ALL_NEW');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'DELETE tags :t', expression_attribute_values => '{":t":{"$SS":["x","y"]}}', return_values => 'ALL_NEW');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'REMOVE l[0], #n', expression_attribute_names => '{"#n":"name"}', return_values => 'ALL_OLD');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET l = list_append(l, :more)', expression_attribute_values => '{":more":[9]}', return_values => 'UPDATED_NEW');
SELECT dynamo.get_item('CondW', '{"Id":"u"}');
-- an update that only removes creates nothing
SELECT dynamo.update_item('CondW', '{"Id":"ghost"}', 'REMOVE a', return_values => 'ALL_NEW');
SELECT dynamo.get_item('CondW', '{"Id":"ghost"}');
-- key attributes cannot be updated; conditions guard updates
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET Id = :x', expression_attribute_values => '{":x":"other"}');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET c = :x', 'c = :never',
       expression_attribute_values => '{":x":1,":never":-1}');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET c = :x', 'c = :two',
       expression_attribute_values => '{":x":100,":two":2}', return_values => 'UPDATED_NEW');
-- arithmetic on a missing attribute, and past DynamoDB's limits
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET nope = absent + :one', expression_attribute_values => '{":one":1}');
SELECT dynamo.update_item('CondW', '{"Id":"u"}', 'SET big = :a + :b',
       expression_attribute_values => '{":a":9E+125,":b":9E+125}');

-- get_item with a projection
SELECT dynamo.get_item('CondW', '{"Id":"u"}', 'c, l[1], #t', '{"#t":"tags"}');
SELECT dynamo.get_item('CondW', '{"Id":"u"}', 'c, c');

-- the same through execute(), DynamoDB's shapes
SELECT dynamo.execute('UpdateItem', '{"TableName":"CondW","Key":{"Id":{"S":"e"}},
  "UpdateExpression":"SET m.a = :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT dynamo.execute('UpdateItem', '{"TableName":"CondW","Key":{"Id":{"S":"e"}},
  "UpdateExpression":"SET m = :m","ExpressionAttributeValues":{":m":{"M":{"a":{"N":"1"}}}},"ReturnValues":"ALL_NEW"}');
SELECT dynamo.execute('UpdateItem', '{"TableName":"CondW","Key":{"Id":{"S":"e"}},
  "UpdateExpression":"SET m.b = :b","ExpressionAttributeValues":{":b":{"BOOL":true}},"ReturnValues":"UPDATED_NEW"}');
SELECT dynamo.execute('PutItem', '{"TableName":"CondW","Item":{"Id":{"S":"e"}},
  "ConditionExpression":"attribute_not_exists(Id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
SELECT dynamo.execute('GetItem', '{"TableName":"CondW","Key":{"Id":{"S":"e"}},"ProjectionExpression":"m.b"}');
SELECT dynamo.execute('DeleteItem', '{"TableName":"CondW","Key":{"Id":{"S":"e"}},
  "ConditionExpression":"m.a = :a","ExpressionAttributeValues":{":a":{"N":"1"}},"ReturnValues":"ALL_OLD"}');
-- legacy parameters
SELECT dynamo.execute('PutItem', '{"TableName":"CondW","Item":{"Id":{"S":"g"},"v":{"N":"1"}},
  "Expected":{"Id":{"Exists":false}}}');
SELECT dynamo.execute('PutItem', '{"TableName":"CondW","Item":{"Id":{"S":"g"},"v":{"N":"2"}},
  "Expected":{"Id":{"Exists":false}}}');
SELECT dynamo.execute('PutItem', '{"TableName":"CondW","Item":{"Id":{"S":"g"},"v":{"N":"2"}},
  "Expected":{"v":{"Value":{"N":"1"}}}}');
SELECT dynamo.execute('GetItem', '{"TableName":"CondW","Key":{"Id":{"S":"g"}},"AttributesToGet":["v"]}');
SELECT dynamo.execute('UpdateItem', '{"TableName":"CondW","Key":{"Id":{"S":"g"}},
  "AttributeUpdates":{"v":{"Action":"ADD","Value":{"N":"5"}},"w":{"Action":"PUT","Value":{"S":"x"}}},"ReturnValues":"ALL_NEW"}');
SELECT dynamo.execute('PutItem', '{"TableName":"CondW","Item":{"Id":{"S":"g"}},
  "Expected":{"v":{"Value":{"N":"7"}}},"ConditionExpression":"attribute_exists(v)"}');
SELECT dynamo.execute('GetItem', '{"TableName":"CondW","Key":{"Id":{"S":"g"}},
  "AttributesToGet":["v"],"ProjectionExpression":"v"}');

-- ROLLBACK undoes a conditional write and an update
BEGIN;
SELECT dynamo.update_item('CondW', '{"Id":"g"}', 'SET v = :z', expression_attribute_values => '{":z":0}');
ROLLBACK;
SELECT dynamo.get_item('CondW', '{"Id":"g"}');
SELECT dynamo.delete_table('CondW') IS NOT NULL AS deleted;
