-- Access-pattern insight: dynamo.explain, dynamo.usage, access hints and
-- errors that teach (src/advisor)
SET client_min_messages = notice;
SELECT dynamo.create_table('Orders', partition_key => 'CustomerId', sort_key => 'OrderDate') IS NOT NULL AS created;
-- 10 customers with 20 orders each; one order in 20 is OPEN
INSERT INTO dynamo_data."Orders"
SELECT 'c' || (i % 10), '2024-' || lpad(i::text, 3, '0'),
       jsonb_build_object('CustomerId', 'c' || (i % 10), 'OrderDate', '2024-' || lpad(i::text, 3, '0'),
                          'Status', CASE WHEN i % 20 = 0 THEN 'OPEN' ELSE 'SHIPPED' END, 'Total', i)
FROM generate_series(1, 200) i;
ANALYZE dynamo_data."Orders";

-- The document without PostgreSQL's cost figures, which depend on statistics
CREATE FUNCTION pg_temp.explain(op text, req jsonb) RETURNS jsonb
LANGUAGE sql AS $$ SELECT dynamo.explain(op, req) - 'Plan' - 'PostgreSQL' $$;
-- The nodes of a plan, outermost first
CREATE FUNCTION pg_temp.nodes(plan jsonb) RETURNS text
LANGUAGE sql AS $$
  SELECT concat_ws(' > ', plan->>'Node Type' || coalesce(' on ' || (plan->>'Index Name'), ''),
                   (SELECT string_agg(pg_temp.nodes(p), ', ') FROM jsonb_array_elements(plan->'Plans') p))
$$;

-- Scan with a filter on an attribute: the GSI that would make it a Query
SELECT jsonb_pretty(pg_temp.explain('Scan', '{"TableName":"Orders","FilterExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}}}'));
SELECT e->'PostgreSQL'->'Node' AS engine_plan, pg_temp.nodes(e->'Plan') AS sql_plan
FROM dynamo.explain('Scan', '{"TableName":"Orders"}') e;

-- Query: the key range, the filter's cost, an LSI/GSI suggestion
SELECT jsonb_pretty(pg_temp.explain('Query', '{"TableName":"Orders",
  "KeyConditionExpression":"CustomerId = :c AND OrderDate BETWEEN :a AND :b",
  "FilterExpression":"#s = :s","ExpressionAttributeNames":{"#s":"Status"},
  "ExpressionAttributeValues":{":c":{"S":"c0"},":a":{"S":"2024-010"},":b":{"S":"2024-150"},":s":{"S":"OPEN"}},
  "ConsistentRead":true}'));
SELECT pg_temp.nodes(dynamo.explain('Query', '{"TableName":"Orders","KeyConditionExpression":"CustomerId = :c",
  "ExpressionAttributeValues":{":c":{"S":"c1"}},"Limit":5}')->'Plan') AS query_plan;
-- a filter that keeps most items: no warning
SELECT e->'Estimate'->'ItemsReturned' AS returned, e->'Warnings' AS warnings
FROM pg_temp.explain('Query', '{"TableName":"Orders","KeyConditionExpression":"CustomerId = :c",
  "FilterExpression":"#t > :t","ExpressionAttributeNames":{"#t":"Total"},
  "ExpressionAttributeValues":{":c":{"S":"c1"},":t":{"N":"10"}}}') e;
-- Limit: one request reads at most Limit items
SELECT e->'Estimate' AS estimate, e->'ConsumedCapacity'->'CapacityUnits' AS units
FROM pg_temp.explain('Query', '{"TableName":"Orders","KeyConditionExpression":"CustomerId = :c",
  "ExpressionAttributeValues":{":c":{"S":"c1"}},"Limit":5}') e;

-- Parallel Scan: one segment, counted exactly
SELECT e->'AccessPath' AS path, e->'KeyRange' AS range, e->'Estimate'->'ItemsRead' AS items_read,
       (SELECT count(*) FROM dynamo.scan('Orders', segment => 1, total_segments => 3)) AS scan_count
FROM pg_temp.explain('Scan', '{"TableName":"Orders","Segment":1,"TotalSegments":3}') e;

-- A Query without Limit over a big partition
SELECT dynamo.create_table('Events', partition_key => 'Device', sort_key => 'At', sort_key_type => 'N') IS NOT NULL AS created;
INSERT INTO dynamo_data."Events"
SELECT 'd1', i, jsonb_build_object('Device', 'd1', 'At', i) FROM generate_series(1, 1500) i;
SELECT e->'Estimate' AS estimate, e->'Warnings' AS warnings
FROM pg_temp.explain('Query', '{"TableName":"Events","KeyConditionExpression":"Device = :d",
  "ExpressionAttributeValues":{":d":{"S":"d1"}}}') e;
SELECT e->'Warnings' AS with_limit
FROM pg_temp.explain('Query', '{"TableName":"Events","KeyConditionExpression":"Device = :d",
  "ExpressionAttributeValues":{":d":{"S":"d1"}},"Limit":100}') e;

-- Past 10,000 items: a Scan's figures from a sample, a Query's from the
-- planner's estimate of its partition, scaled
SELECT dynamo.create_table('Large', partition_key => 'P', sort_key => 'N', sort_key_type => 'N') IS NOT NULL AS created;
INSERT INTO dynamo_data."Large"
SELECT CASE WHEN i <= 11000 THEN 'p0' ELSE 'p1' END, i,
       jsonb_build_object('P', CASE WHEN i <= 11000 THEN 'p0' ELSE 'p1' END, 'N', i,
                          'Kind', CASE WHEN i % 50 = 0 THEN 'rare' ELSE 'common' END)
FROM generate_series(1, 12000) i;
ANALYZE dynamo_data."Large";
SELECT e->'Estimate'->>'Source' LIKE 'a sample of %' AS sampled,
       (e->'Estimate'->>'ItemsInRange')::int AS items_in_range,
       (e->'Estimate'->>'ItemsMatchingFilter')::int BETWEEN 120 AND 360 AS about_240_match,
       jsonb_array_length(e->'Warnings') AS warnings,
       e->'Warnings'->>1 LIKE 'Scan with FilterExpression on Kind: a GSI with partition key Kind would make this a Query reading % instead of 12,000 items' AS suggests_gsi
FROM pg_temp.explain('Scan', '{"TableName":"Large","FilterExpression":"Kind = :k",
  "ExpressionAttributeValues":{":k":{"S":"rare"}}}') e;
SELECT e->'Estimate'->>'Source' AS source,
       (e->'Estimate'->>'ItemsInRange')::int BETWEEN 10001 AND 12000 AS about_11000,
       (e->'Estimate'->>'ItemsRead')::int BETWEEN 10001 AND 12000 AS first_page_all, e->'Estimate'->'Pages' AS pages,
       e->'Warnings'->>0 LIKE 'Query without Limit over a partition of 1_,___ items%' AS warns
FROM pg_temp.explain('Query', '{"TableName":"Large","KeyConditionExpression":"P = :p",
  "ExpressionAttributeValues":{":p":{"S":"p0"}}}') e;

-- Single items: GetItem, PutItem, UpdateItem, DeleteItem (nothing is written)
SELECT jsonb_pretty(pg_temp.explain('GetItem', '{"TableName":"Orders",
  "Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}},"ProjectionExpression":"#t",
  "ExpressionAttributeNames":{"#t":"Total"}}'));
SELECT pg_temp.nodes(dynamo.explain('GetItem', '{"TableName":"Events",
  "Key":{"Device":{"S":"d1"},"At":{"N":"7"}}}')->'Plan') AS get_plan;
SELECT jsonb_pretty(pg_temp.explain('PutItem', '{"TableName":"Orders",
  "Item":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"},"Note":{"S":"replaced"}},
  "ConditionExpression":"attribute_exists(CustomerId)"}'));
SELECT jsonb_pretty(pg_temp.explain('UpdateItem', '{"TableName":"Orders",
  "Key":{"CustomerId":{"S":"c9"},"OrderDate":{"S":"2025-001"}},"UpdateExpression":"SET #t = :t",
  "ExpressionAttributeNames":{"#t":"Total"},"ExpressionAttributeValues":{":t":{"N":"1"}}}'));
SELECT e->'SQL' AS sql, e->'ConsumedCapacity' AS capacity, e->'ConditionHolds' AS holds, e->'Warnings' AS warnings
FROM pg_temp.explain('DeleteItem', '{"TableName":"Orders",
  "Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}},"ConditionExpression":"#t > :t",
  "ExpressionAttributeNames":{"#t":"Total"},"ExpressionAttributeValues":{":t":{"N":"5"}}}') e;
SELECT pg_temp.nodes(dynamo.explain('DeleteItem', '{"TableName":"Events",
  "Key":{"Device":{"S":"d1"},"At":{"N":"7"}}}')->'Plan') AS delete_plan;
SELECT count(*) AS items, count(*) FILTER (WHERE item ? 'Note') AS replaced
FROM dynamo_data."Orders";

-- An item near 400 KB: a write of 350,000 bytes costs 342 write units
SELECT e->'NewItemSize' AS size, e->'ConsumedCapacity' AS capacity, e->'Warnings' AS warnings
FROM pg_temp.explain('PutItem', jsonb_build_object('TableName', 'Orders', 'Item',
  jsonb_build_object('CustomerId', '{"S":"big"}'::jsonb, 'OrderDate', '{"S":"1"}'::jsonb,
                     'Body', jsonb_build_object('S', repeat('x', 349985))))) e;
SELECT dynamo.explain('PutItem', jsonb_build_object('TableName', 'Orders', 'Item',
  jsonb_build_object('CustomerId', '{"S":"big"}'::jsonb, 'OrderDate', '{"S":"1"}'::jsonb,
                     'Body', jsonb_build_object('S', repeat('x', 409600)))));

-- Batches and transactions: each item, and the units per table
SELECT jsonb_pretty(pg_temp.explain('BatchGetItem', '{"RequestItems":{
  "Orders":{"Keys":[{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}},
                    {"CustomerId":{"S":"c1"},"OrderDate":{"S":"none"}}],"ConsistentRead":true},
  "Events":{"Keys":[{"Device":{"S":"d1"},"At":{"N":"7"}}]}}}'));
SELECT e->'ConsumedCapacity' AS capacity, e->'CapacityUnits' AS total,
       jsonb_path_query_array(e, '$.Requests[*].AccessPath') AS paths
FROM pg_temp.explain('BatchWriteItem', '{"RequestItems":{"Orders":[
  {"PutRequest":{"Item":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"new"}}}},
  {"DeleteRequest":{"Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}}}}]}}') e;
SELECT e->'ConsumedCapacity' AS capacity,
       jsonb_path_query_array(e, '$.Requests[*].AccessPath') AS paths,
       jsonb_path_query_array(e, '$.Requests[*].ConditionHolds') AS conditions
FROM pg_temp.explain('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"Orders","Item":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"new"}}}},
  {"Update":{"TableName":"Orders","Key":{"CustomerId":{"S":"c2"},"OrderDate":{"S":"2024-002"}},
             "UpdateExpression":"SET Paid = :p","ExpressionAttributeValues":{":p":{"BOOL":true}}}},
  {"ConditionCheck":{"TableName":"Events","Key":{"Device":{"S":"d1"},"At":{"N":"1"}},
                     "ConditionExpression":"attribute_not_exists(Device)"}}]}') e;
SELECT e->'ConsumedCapacity' AS capacity
FROM pg_temp.explain('TransactGetItems', '{"TransactItems":[
  {"Get":{"TableName":"Orders","Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}}}},
  {"Get":{"TableName":"Events","Key":{"Device":{"S":"d1"},"At":{"N":"1"}}}}]}') e;

-- Bad requests: execute()'s DynamoDB exceptions
SELECT dynamo.explain('Query', '{"TableName":"Nope","KeyConditionExpression":"a = :a","ExpressionAttributeValues":{":a":{"S":"x"}}}');
SELECT dynamo.explain('Query', '{"TableName":"Orders","KeyConditionExpression":"OrderDate = :a","ExpressionAttributeValues":{":a":{"S":"x"}}}');
SELECT dynamo.explain('GetItem', '{"TableName":"Orders"}');
SELECT dynamo.explain('GetItem', '[1]');
SELECT dynamo.explain('Frobnicate', '{}');
SELECT dynamo.explain('CreateTable', '{"TableName":"Orders","KeySchema":[{"AttributeName":"Id","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"}]}');
SELECT dynamo.explain('BatchWriteItem', '{"RequestItems":{"Orders":[{"PutRequest":{"Item":{"CustomerId":{"S":"c1"}}}}]}}');
SELECT dynamo.explain('BatchGetItem', '{"RequestItems":{"Orders":{"Keys":[{"CustomerId":{"S":"c1"},"OrderDate":{"S":"a"}},
  {"CustomerId":{"S":"c1"},"OrderDate":{"S":"a"}}]}}}');
SELECT dynamo.explain('BatchGetItem', '{"RequestItems":{"Orders":{"Keys":[{"CustomerId":{"S":"c1"}}]}}}');
-- legacy ScanFilter: explained, without SQL (to_sql does not translate it)
SELECT e->'AccessPath' AS path, e->'Estimate'->'ItemsReturned' AS returned, e ? 'SQL' AS has_sql
FROM dynamo.explain('Scan', '{"TableName":"Orders","ScanFilter":{"Status":{"AttributeValueList":[{"S":"OPEN"}],"ComparisonOperator":"EQ"}}}') e;
SELECT dynamo.explain('TransactWriteItems', '{"TransactItems":[
  {"Put":{"TableName":"Orders","Item":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"a"}}}},
  {"Delete":{"TableName":"Orders","Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"a"}}}}]}');

-- Usage figures after a known sequence of calls.  Items: 'u1' of 4,000
-- bytes (CustomerId 10+2, OrderDate 9+1, Body 4+3,974), 'u2' of 2,000
-- bytes.  Reads: 4 KB units, half for eventually consistent reads; writes:
-- 1 KB units; transactions: twice the units.
SELECT dynamo.usage_reset();
SELECT count(*) AS figures FROM dynamo.usage;
SELECT dynamo.put_item('Orders', jsonb_build_object('CustomerId', 'u1', 'OrderDate', 'a', 'Body', repeat('x', 3974)));   -- 4 WCU
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'Orders', 'Item', jsonb_build_object(
  'CustomerId', '{"S":"u1"}'::jsonb, 'OrderDate', '{"S":"b"}'::jsonb, 'Body', jsonb_build_object('S', repeat('x', 1974)))));  -- 2 WCU
SELECT dynamo.get_item('Orders', '{"CustomerId":"u1","OrderDate":"a"}') IS NOT NULL AS found;                     -- 0.5 RCU
SELECT dynamo.get_item('Orders', '{"CustomerId":"u1","OrderDate":"a"}', consistent_read => true) IS NOT NULL AS found;  -- 1 RCU
SELECT dynamo.get_item('Orders', '{"CustomerId":"u1","OrderDate":"zz"}') IS NULL AS missing;                     -- 0.5 RCU
SELECT count(*) FROM dynamo.query('Orders', 'CustomerId = :c', expression_attribute_values => '{":c":"u1"}');     -- 6,000 bytes: 1 RCU
SELECT dynamo.execute('Query', '{"TableName":"Orders","KeyConditionExpression":"CustomerId = :c",
  "ExpressionAttributeValues":{":c":{"S":"u1"}},"ConsistentRead":true,"Select":"COUNT","ReturnConsumedCapacity":"TOTAL"}');  -- 2 RCU
SELECT dynamo.update_item('Orders', '{"CustomerId":"u1","OrderDate":"b"}', 'SET Body = :b',
  expression_attribute_values => jsonb_build_object(':b', repeat('y', 2974)));                                   -- 3,000 bytes: 3 WCU
SELECT dynamo.delete_item('Orders', '{"CustomerId":"u1","OrderDate":"b"}');                                      -- 3 WCU
SELECT dynamo.batch_get_item('{"Orders":{"Keys":[{"CustomerId":"u1","OrderDate":"a"},{"CustomerId":"c1","OrderDate":"2024-001"}]}}') IS NOT NULL AS batch;  -- 0.5 + 0.5
SELECT dynamo.batch_write_item('{"Orders":[{"PutRequest":{"Item":{"CustomerId":"u2","OrderDate":"a"}}},
                                           {"DeleteRequest":{"Key":{"CustomerId":"u2","OrderDate":"none"}}}]}');  -- 1 + 1 WCU
SELECT dynamo.transact_write_items('[{"Put":{"TableName":"Orders","Item":{"CustomerId":"u3","OrderDate":"a"}}},
                                     {"Update":{"TableName":"Events","Key":{"Device":"d1","At":1},"UpdateExpression":"SET n = :n",
                                                "ExpressionAttributeValues":{":n":1}}}]');                       -- 2 WCU on each table
SELECT dynamo.transact_get_items('[{"Get":{"TableName":"Orders","Key":{"CustomerId":"u1","OrderDate":"a"}}}]') IS NOT NULL AS got;  -- 2 RCU
SELECT count(*) FROM dynamo.scan('Events', '#n = :n', '{"#n":"n"}', '{":n":1}');                                 -- every Events item
SELECT table_name, operation, calls, items_read, items_returned, bytes, read_units, write_units, estimated_cost_usd, counted
FROM dynamo.usage ORDER BY table_name, operation;
SELECT sum(read_units) AS rcu, sum(write_units) AS wcu, sum(estimated_cost_usd) AS usd FROM dynamo.usage;
-- the prices are settings
SET pg_dynamo.write_unit_price = 1.25;
SELECT sum(estimated_cost_usd) AS usd_at_old_prices FROM dynamo.usage WHERE write_units > 0;
RESET pg_dynamo.write_unit_price;
-- not counted while track_usage is off
SET pg_dynamo.track_usage = off;
SELECT dynamo.get_item('Orders', '{"CustomerId":"u1","OrderDate":"a"}') IS NOT NULL AS found;
RESET pg_dynamo.track_usage;
SELECT calls FROM dynamo.usage WHERE operation = 'GetItem';
SELECT dynamo.usage_reset();
SELECT count(*) AS figures FROM dynamo.usage;

-- UpdateItem is charged for the larger of the item before and after it:
-- explain, ConsumedCapacity and the figures agree (3,000 bytes: 3 units)
SELECT dynamo.put_item('Orders', jsonb_build_object('CustomerId', 'u4', 'OrderDate', 'a', 'Body', repeat('x', 2974)));
SELECT dynamo.explain('UpdateItem', '{"TableName":"Orders","Key":{"CustomerId":{"S":"u4"},"OrderDate":{"S":"a"}},
  "UpdateExpression":"REMOVE Body"}')->'ConsumedCapacity' AS explained;
SELECT dynamo.execute('UpdateItem', '{"TableName":"Orders","Key":{"CustomerId":{"S":"u4"},"OrderDate":{"S":"a"}},
  "UpdateExpression":"REMOVE Body","ReturnConsumedCapacity":"TOTAL"}');
SELECT operation, write_units FROM dynamo.usage WHERE operation = 'UpdateItem';
SELECT dynamo.usage_reset();

-- Access hints: a NOTICE for every Scan and a Query whose filter discards most
SELECT count(*) FROM dynamo.scan('Orders');   -- off by default: no notice
SET pg_dynamo.access_hints = on;
SELECT count(*) FROM dynamo.scan('Orders', '#s = :s', '{"#s":"Status"}', '{":s":"OPEN"}');
SELECT count(*) FROM dynamo.scan('Orders', '#t > :t', '{"#t":"Total"}', '{":t":100}');
SELECT count(*) FROM dynamo.scan('Events');
SELECT count(*) FROM dynamo.query('Orders', 'CustomerId = :c', filter_expression => '#t > :t',
  expression_attribute_names => '{"#t":"Total"}', expression_attribute_values => '{":c":"c1",":t":150}');
SELECT count(*) FROM dynamo.query('Orders', 'CustomerId = :c', filter_expression => '#t > :t',
  expression_attribute_names => '{"#t":"Total"}', expression_attribute_values => '{":c":"c1",":t":10}');  -- keeps most: no notice
SELECT (dynamo.execute('Scan', '{"TableName":"Events","Select":"COUNT"}'))->'Count' AS count;
RESET pg_dynamo.access_hints;

-- Errors that teach: DynamoDB's message, and a HINT with the fix
SELECT dynamo.update_item('Orders', '{"CustomerId":"c1","OrderDate":"2024-001"}', 'SET Total = Total + :x',
  expression_attribute_values => '{":x":1}');
SELECT dynamo.put_item('Orders', '{"CustomerId":"c1","OrderDate":"x"}', '#n <> :n',
  expression_attribute_values => '{"#n":"Note"}');
SELECT * FROM dynamo.query('Orders', '#s = :s', expression_attribute_names => '{"#s":"Status"}',
  expression_attribute_values => '{":s":"OPEN"}');
SELECT * FROM dynamo.query('Events', 'Device = :d AND #s = :s', expression_attribute_names => '{"#s":"Status"}',
  expression_attribute_values => '{":d":"d1",":s":"x"}');
-- the fixed calls
SELECT dynamo.update_item('Orders', '{"CustomerId":"c1","OrderDate":"2024-001"}', 'SET #Total = #Total + :x',
  expression_attribute_names => '{"#Total":"Total"}', expression_attribute_values => '{":x":1}', return_values => 'UPDATED_NEW');
SELECT count(*) FROM dynamo.query('Orders', 'CustomerId = :c', expression_attribute_values => '{":c":"c1"}');
-- execute() keeps DynamoDB's error as it is: no hint
SELECT dynamo.execute('UpdateItem', '{"TableName":"Orders","Key":{"CustomerId":{"S":"c1"},"OrderDate":{"S":"2024-001"}},
  "UpdateExpression":"SET Total = :x","ExpressionAttributeValues":{":x":{"N":"1"}}}');
