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

-- writes: each index the write changes is charged 1 unit per KB of its
-- entry, 2 writes (delete and put) when the index key changes; the total
-- is the table's units plus the indexes'
CREATE FUNCTION pg_temp.cap(op text, req jsonb) RETURNS jsonb
LANGUAGE sql AS $$ SELECT dynamo.execute(op, req || '{"TableName":"CapOrders","ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' $$;
-- a new item in both indexes
SELECT pg_temp.cap('PutItem', '{"Item":{"pk":{"S":"b"},"sk":{"S":"1"},"st":{"S":"OPEN"},"dt":{"S":"2024"}}}') AS put_new;
-- the GSI key changes (delete + put there), the LSI entry's attribute changes (one put)
SELECT pg_temp.cap('UpdateItem', '{"Key":{"pk":{"S":"b"},"sk":{"S":"1"}},"UpdateExpression":"SET st = :s",
  "ExpressionAttributeValues":{":s":{"S":"DONE"}}}') AS update_gsi_key;
-- a new attribute: one put on each index projecting it (both project ALL)
SELECT pg_temp.cap('UpdateItem', '{"Key":{"pk":{"S":"b"},"sk":{"S":"1"}},"UpdateExpression":"SET n = :n",
  "ExpressionAttributeValues":{":n":{"N":"1"}}}') AS update_attr;
-- an unchanged item changes no index entry
SELECT pg_temp.cap('PutItem', '{"Item":{"pk":{"S":"b"},"sk":{"S":"1"},"st":{"S":"DONE"},"dt":{"S":"2024"},"n":{"N":"1"}}}') AS put_same;
-- the item leaves the GSI (its key removed): one delete there
SELECT pg_temp.cap('UpdateItem', '{"Key":{"pk":{"S":"b"},"sk":{"S":"1"}},"UpdateExpression":"REMOVE st"}') AS leave_gsi;
-- a large item: units of the entry size (about 3 KB)
SELECT pg_temp.cap('PutItem', jsonb_build_object('Item', jsonb_build_object('pk', '{"S":"c"}'::jsonb,
  'sk', '{"S":"1"}'::jsonb, 'st', '{"S":"OPEN"}'::jsonb, 'big', jsonb_build_object('S', repeat('x', 3000))))) AS put_big;
-- DeleteItem: one delete on each index holding the item
SELECT pg_temp.cap('DeleteItem', '{"Key":{"pk":{"S":"c"},"sk":{"S":"1"}}}') AS delete_big;
-- TOTAL: the sum, without the breakdown
SELECT dynamo.execute('DeleteItem', '{"TableName":"CapOrders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},
  "ReturnConsumedCapacity":"TOTAL"}')->'ConsumedCapacity' AS delete_total;

-- a KEYS_ONLY GSI: a change of an attribute it does not project costs it nothing
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapOrders",
  "AttributeDefinitions":[{"AttributeName":"dt","AttributeType":"S"}],
  "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByDateKeys",
    "KeySchema":[{"AttributeName":"dt","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}}]}')
  ->'TableDescription'->>'TableStatus' AS status;
SELECT pg_temp.cap('PutItem', '{"Item":{"pk":{"S":"d"},"sk":{"S":"1"},"dt":{"S":"2025"}}}') AS put_keys_only;
SELECT pg_temp.cap('UpdateItem', '{"Key":{"pk":{"S":"d"},"sk":{"S":"1"}},"UpdateExpression":"SET x = :x",
  "ExpressionAttributeValues":{":x":{"S":"y"}}}') AS update_unprojected;
SELECT dynamo.execute('DeleteTable', '{"TableName":"CapOrders"}')->'TableDescription'->>'TableName' AS deleted;

-- a GSI's ProvisionedThroughput of a PROVISIONED table is stored and described
SELECT jsonb_path_query_array(dynamo.execute('CreateTable', '{"TableName":"CapProvisioned",
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
  "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
  "GlobalSecondaryIndexes":[{"IndexName":"ByG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"KEYS_ONLY"},
    "ProvisionedThroughput":{"ReadCapacityUnits":7,"WriteCapacityUnits":3}}]}'),
  '$.TableDescription.GlobalSecondaryIndexes[*].ProvisionedThroughput') AS created;
SELECT jsonb_path_query_array(dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "AttributeDefinitions":[{"AttributeName":"h","AttributeType":"S"}],
  "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByH","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"ALL"},
    "ProvisionedThroughput":{"ReadCapacityUnits":11,"WriteCapacityUnits":13}}}]}'),
  '$.TableDescription.GlobalSecondaryIndexes[*].ProvisionedThroughput') AS updated;
SELECT jsonb_path_query_array(dynamo.execute('DescribeTable', '{"TableName":"CapProvisioned"}'),
  '$.Table.GlobalSecondaryIndexes[*].ProvisionedThroughput') AS described;
-- UpdateTable's Update sets a GSI's ProvisionedThroughput
SELECT jsonb_path_query_array(dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"ByG",
    "ProvisionedThroughput":{"ReadCapacityUnits":9,"WriteCapacityUnits":3}}}]}'),
  '$.TableDescription.GlobalSecondaryIndexes[*] ? (@.IndexName == "ByG").ProvisionedThroughput') AS index_updated;
SELECT jsonb_path_query_array(dynamo.execute('DescribeTable', '{"TableName":"CapProvisioned"}'),
  '$.Table.GlobalSecondaryIndexes[*].ProvisionedThroughput') AS described_after_update;
-- the same units again; an unknown index
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"ByG",
    "ProvisionedThroughput":{"ReadCapacityUnits":9,"WriteCapacityUnits":3}}}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"NoSuchIndex",
    "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}}]}');
-- units out of bounds
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"ByG",
    "ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":1}}}]}');
-- on demand, the indexes are described with 0/0 as DynamoDB does
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned","BillingMode":"PAY_PER_REQUEST"}')
  ->'TableDescription'->>'TableName' AS switched;
SELECT jsonb_path_query_array(dynamo.execute('DescribeTable', '{"TableName":"CapProvisioned"}'),
  '$.Table.GlobalSecondaryIndexes[*].ProvisionedThroughput') AS on_demand;
-- an on-demand table's GSI takes no ProvisionedThroughput
SELECT dynamo.execute('UpdateTable', '{"TableName":"CapProvisioned",
  "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"ByG",
    "ProvisionedThroughput":{"ReadCapacityUnits":2,"WriteCapacityUnits":2}}}]}');
SELECT dynamo.execute('DeleteTable', '{"TableName":"CapProvisioned"}')->'TableDescription'->>'TableName' AS deleted;

-- PartiQL: a SELECT on an index charges the index
SELECT dynamo.execute('CreateTable', '{"TableName":"CapPql",
  "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
    "Projection":{"ProjectionType":"ALL"}}],"BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
SELECT dynamo.execute('ExecuteStatement', '{"Statement":"SELECT * FROM \"CapPql\".\"ByG\" WHERE g = ''x''",
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS pql_index;
SELECT dynamo.execute('ExecuteStatement', '{"Statement":"SELECT * FROM \"CapPql\" WHERE pk = ''x''",
  "ReturnConsumedCapacity":"INDEXES"}')->'ConsumedCapacity' AS pql_table;
SELECT dynamo.execute('DeleteTable', '{"TableName":"CapPql"}')->'TableDescription'->>'TableName' AS deleted;
