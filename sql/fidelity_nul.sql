--
-- fidelity_nul: attribute names holding U+0000 or U+0001 given through
-- execute_text() (ExpressionAttributeNames, AttributesToGet,
-- AttributeUpdates, Expected, legacy filters) match the stored attributes,
-- as the same names through execute() (U+0001 only: jsonb has no U+0000) do.
--

SELECT dynamo.create_table('NulNames', 'Id') IS NOT NULL AS created;
SELECT dynamo.execute_text('PutItem', '{"TableName":"NulNames","Item":{"Id":{"S":"k"},"a\u0000b":{"S":"v0"},"c\u0001d":{"S":"v1"},"e":{"S":"x"}}}');
-- projections through names and AttributesToGet
SELECT dynamo.execute_text('GetItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"ProjectionExpression":"#a, #c","ExpressionAttributeNames":{"#a":"a\u0000b","#c":"c\u0001d"}}');
SELECT dynamo.execute_text('GetItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"AttributesToGet":["a\u0000b","c\u0001d"]}');
-- conditions and SET #a replace the attribute, adding none
SELECT dynamo.execute_text('UpdateItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"UpdateExpression":"SET #a = :v","ConditionExpression":"#c = :c AND attribute_exists(#a)","ExpressionAttributeNames":{"#a":"a\u0000b","#c":"c\u0001d"},"ExpressionAttributeValues":{":v":{"S":"new\u0001"},":c":{"S":"v1"}},"ReturnValues":"ALL_NEW"}');
SELECT dynamo.execute_text('UpdateItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"UpdateExpression":"REMOVE e","ConditionExpression":"#c = :c","ExpressionAttributeNames":{"#c":"c\u0001d"},"ExpressionAttributeValues":{":c":{"S":"other"}}}');
-- the same item through execute() (its names can hold U+0001)
SELECT dynamo.execute('GetItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"ProjectionExpression":"#c","ExpressionAttributeNames":{"#c":"c\u0001d"}}');
SELECT dynamo.execute('GetItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"AttributesToGet":["c\u0001d"]}');
SELECT dynamo.execute('Scan', '{"TableName":"NulNames","ScanFilter":{"c\u0001d":{"ComparisonOperator":"NOT_NULL"}},"Select":"COUNT"}');
-- the legacy parameters: AttributeUpdates with Expected
SELECT dynamo.execute_text('UpdateItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}},"AttributeUpdates":{"c\u0001d":{"Action":"PUT","Value":{"S":"x\u0000"}}},"Expected":{"a\u0000b":{"Value":{"S":"new\u0001"}}},"ReturnValues":"ALL_NEW"}');
-- filters: FilterExpression and ScanFilter
SELECT dynamo.execute_text('Scan', '{"TableName":"NulNames","FilterExpression":"#c = :c","ExpressionAttributeNames":{"#c":"c\u0001d"},"ExpressionAttributeValues":{":c":{"S":"x\u0000"}},"Select":"COUNT"}');
SELECT dynamo.execute_text('Scan', '{"TableName":"NulNames","ScanFilter":{"a\u0000b":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"new\u0001"}]}},"Select":"COUNT"}');
-- one attribute per name in the end
SELECT dynamo.execute_text('GetItem', '{"TableName":"NulNames","Key":{"Id":{"S":"k"}}}');
