-- ConsumedCapacity of reads through secondary indexes, and explain's read
-- units of a GSI read (no strongly consistent reads on a GSI)
SELECT dynamo.execute('CreateTable', '{"TableName":"CapOrders",
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
    {"AttributeName":"st","AttributeType":"S"},{"AttributeName":"dt","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByStatus","KeySchema":[{"AttributeName":"st","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"ALL"}}],
  "LocalSecondaryIndexes":[{"IndexName":"ByDate","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
    {"AttributeName":"dt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
SELECT dynamo.execute('PutItem', '{"TableName":"CapOrders","Item":{"pk":{"S":"a"},"sk":{"S":"1"},
  "st":{"S":"OPEN"},"dt":{"S":"2024"}}}');
-- a GSI Query charges the index; the table gets 0 units
SELECT dynamo.execute('Query', '{"TableName":"CapOrders","IndexName":"ByStatus",
  "KeyConditionExpression":"st = :s","ExpressionAttributeValues":{":s":{"S":"OPEN"}},
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS gsi_query;
-- an LSI Query and Scan charge the LSI
SELECT dynamo.execute('Query', '{"TableName":"CapOrders","IndexName":"ByDate",
  "KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}},
  "ConsistentRead":true,"ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS lsi_query;
SELECT dynamo.execute('Scan', '{"TableName":"CapOrders","IndexName":"ByDate",
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS lsi_scan;
-- TOTAL: the same total, no breakdown
SELECT dynamo.execute('Scan', '{"TableName":"CapOrders","IndexName":"ByStatus",
  "ReturnConsumedCapacity":"TOTAL"}')->'ConsumedCapacity' AS gsi_total;
-- a read of the table itself charges the table
SELECT dynamo.execute('Query', '{"TableName":"CapOrders",
  "KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}},
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS table_query;

-- explain: a GSI read shows only eventually consistent units; an LSI read both
SELECT dynamo.explain('Query', '{"TableName":"CapOrders","IndexName":"ByStatus",
  "KeyConditionExpression":"st = :s","ExpressionAttributeValues":{":s":{"S":"OPEN"}}}')->'ConsumedCapacity' AS gsi_explain;
SELECT dynamo.explain('Query', '{"TableName":"CapOrders","IndexName":"ByDate",
  "KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}}}')->'ConsumedCapacity' AS lsi_explain;
SELECT dynamo.execute('DeleteTable', '{"TableName":"CapOrders"}')->'TableDescription'->>'TableName' AS deleted;
