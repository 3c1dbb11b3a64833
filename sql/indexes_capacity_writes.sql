-- ConsumedCapacity of batch and transactional writes on tables with
-- secondary indexes: with INDEXES each table's entry breaks down into the
-- table's units and each changed index's, as PutItem's does; TOTAL is the
-- sum of both.  Transactions charge twice, indexes included.
SELECT dynamo.execute('CreateTable', '{"TableName":"CapWrites",
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
    {"AttributeName":"st","AttributeType":"S"},{"AttributeName":"dt","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByStatus","KeySchema":[{"AttributeName":"st","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"ALL"}}],
  "LocalSecondaryIndexes":[{"IndexName":"ByDate","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
    {"AttributeName":"dt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
SELECT dynamo.execute('CreateTable', '{"TableName":"CapPlain",
  "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;

-- BatchWriteItem: two new items in both indexes, one without the GSI key
-- (LSI only); a table without indexes has no breakdown
SELECT jsonb_pretty(dynamo.execute('BatchWriteItem', '{"RequestItems":{
  "CapWrites":[{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"S":"1"},"st":{"S":"OPEN"},"dt":{"S":"2024"}}}},
               {"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"S":"2"},"st":{"S":"OPEN"},"dt":{"S":"2025"}}}},
               {"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"S":"1"},"dt":{"S":"2024"}}}}],
  "CapPlain":[{"PutRequest":{"Item":{"id":{"S":"x"}}}}]},
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity') AS batch_indexes;
-- TOTAL: the table's units plus the indexes'; a delete frees each index entry
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems":{
  "CapWrites":[{"DeleteRequest":{"Key":{"pk":{"S":"a"},"sk":{"S":"2"}}}},
               {"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"S":"1"},"dt":{"S":"2024"}}}}]},
  "ReturnConsumedCapacity":"TOTAL"}')->'ConsumedCapacity' AS batch_total;

-- TransactWriteItems: twice the units, on the indexes too; a
-- ConditionCheck charges the table only
SELECT jsonb_pretty(dynamo.execute('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"CapWrites","Item":{"pk":{"S":"c"},"sk":{"S":"1"},"st":{"S":"OPEN"},"dt":{"S":"2024"}}}},
  {"Update":{"TableName":"CapWrites","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},
    "UpdateExpression":"SET st = :s","ExpressionAttributeValues":{":s":{"S":"DONE"}}}},
  {"ConditionCheck":{"TableName":"CapWrites","Key":{"pk":{"S":"b"},"sk":{"S":"1"}},
    "ConditionExpression":"attribute_exists(pk)"}},
  {"Put":{"TableName":"CapPlain","Item":{"id":{"S":"y"}}}}],
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity') AS transact_indexes;
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems":[
  {"Delete":{"TableName":"CapWrites","Key":{"pk":{"S":"c"},"sk":{"S":"1"}}}}],
  "ReturnConsumedCapacity":"TOTAL"}')->'ConsumedCapacity' AS transact_total;
-- TransactGetItems reads the table only
SELECT dynamo.execute('TransactGetItems', '{"TransactItems":[
  {"Get":{"TableName":"CapWrites","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}}],
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS transact_get;

-- PartiQL: an ExecuteTransaction of writes charges as TransactWriteItems,
-- a single write statement as PutItem
SELECT jsonb_pretty(dynamo.execute('ExecuteTransaction', '{"TransactStatements":[
  {"Statement":"INSERT INTO \"CapWrites\" VALUE {''pk'':''d'',''sk'':''1'',''st'':''OPEN'',''dt'':''2024''}"},
  {"Statement":"UPDATE \"CapWrites\" SET dt = ''2030'' WHERE pk = ''a'' AND sk = ''1''"}],
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity') AS pql_transaction;
SELECT dynamo.execute('ExecuteTransaction', '{"TransactStatements":[
  {"Statement":"DELETE FROM \"CapWrites\" WHERE pk = ''d'' AND sk = ''1''"}],
  "ReturnConsumedCapacity":"TOTAL"}')->'ConsumedCapacity' AS pql_transaction_total;
SELECT dynamo.execute('ExecuteStatement', '{"Statement":"INSERT INTO \"CapWrites\" VALUE {''pk'':''e'',''sk'':''1'',''st'':''OPEN''}",
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS pql_statement;

SELECT dynamo.execute('DeleteTable', '{"TableName":"CapWrites"}')->'TableDescription'->>'TableName' AS deleted;
SELECT dynamo.execute('DeleteTable', '{"TableName":"CapPlain"}')->'TableDescription'->>'TableName' AS deleted;
