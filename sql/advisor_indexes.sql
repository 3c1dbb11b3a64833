-- The advisor with secondary indexes: explain of index reads, warnings
-- and hints that name the index a request should use
SET client_min_messages = notice;
SELECT dynamo.create_table('Purchases', partition_key => 'CustomerId', sort_key => 'OrderDate') IS NOT NULL AS created;
-- 10 customers with 20 orders each; one order in 20 is OPEN
INSERT INTO dynamo_data."Purchases"
SELECT 'c' || (i % 10), '2024-' || lpad(i::text, 3, '0'),
       jsonb_build_object('CustomerId', 'c' || (i % 10), 'OrderDate', '2024-' || lpad(i::text, 3, '0'),
                          'Status', CASE WHEN i % 20 = 0 THEN 'OPEN' ELSE 'SHIPPED' END, 'Total', i)
FROM generate_series(1, 200) i;

-- The document without PostgreSQL's cost figures, which depend on statistics
CREATE FUNCTION pg_temp.explain(op text, req jsonb) RETURNS jsonb
LANGUAGE sql AS $$ SELECT dynamo.explain(op, req) - 'Plan' - 'PostgreSQL' $$;

-- Before the index: the Scan's warning suggests one
SELECT pg_temp.explain('Scan', '{"TableName":"Purchases","FilterExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}}}')->'Warnings' AS before;
-- After it: the warning names the GSI and what a Query on it reads
SELECT dynamo.execute('UpdateTable', '{"TableName":"Purchases",
  "AttributeDefinitions":[{"AttributeName":"Status","AttributeType":"S"}],
  "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByStatus",
    "KeySchema":[{"AttributeName":"Status","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}')
  ->'TableDescription'->'GlobalSecondaryIndexes'->0->>'IndexStatus' AS index_status;
ANALYZE dynamo_data."Purchases";
SELECT jsonb_pretty(pg_temp.explain('Scan', '{"TableName":"Purchases","FilterExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}}}'));

-- Query on the index: its access path, its key range, its figures, its SQL
-- (and PostgreSQL's plan uses the index)
SELECT jsonb_pretty(pg_temp.explain('Query', '{"TableName":"Purchases","IndexName":"ByStatus",
  "KeyConditionExpression":"#s = :s","ExpressionAttributeNames":{"#s":"Status"},
  "ExpressionAttributeValues":{":s":{"S":"OPEN"}}}'));
SELECT e->'PostgreSQL'->>'Node' LIKE '% on "Purchases:ByStatus"' OR e->'PostgreSQL'->>'Node' LIKE '% on Purchases:ByStatus' AS uses_index
FROM dynamo.explain('Query', '{"TableName":"Purchases","IndexName":"ByStatus",
  "KeyConditionExpression":"#s = :s","ExpressionAttributeNames":{"#s":"Status"},
  "ExpressionAttributeValues":{":s":{"S":"OPEN"}}}') e;
-- the Query's figures are those of the Query it replaces, and the Scan's
SELECT s->'Estimate'->'ItemsRead' AS scan_reads, q->'Estimate'->'ItemsRead' AS query_reads,
       s->'Estimate'->'ItemsReturned' = q->'Estimate'->'ItemsReturned' AS same_items,
       s->'ConsumedCapacity'->'CapacityUnits' AS scan_units, q->'ConsumedCapacity'->'CapacityUnits' AS query_units
FROM pg_temp.explain('Scan', '{"TableName":"Purchases","FilterExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}}}') s,
     pg_temp.explain('Query', '{"TableName":"Purchases","IndexName":"ByStatus",
  "KeyConditionExpression":"#s = :s","ExpressionAttributeNames":{"#s":"Status"},
  "ExpressionAttributeValues":{":s":{"S":"OPEN"}}}') q;
-- Scan of the index, with a filter; a Scan of the index filtering on its
-- own partition key is told to Query it
SELECT e->'AccessPath' AS path, e->'KeyRange' AS range, e->'Estimate'->'ItemsRead' AS items_read,
       e->'Estimate'->'ItemsReturned' AS returned, e->'Warnings' AS warnings
FROM pg_temp.explain('Scan', '{"TableName":"Purchases","IndexName":"ByStatus","FilterExpression":"#t > :t",
  "ExpressionAttributeNames":{"#t":"Total"},"ExpressionAttributeValues":{":t":{"N":"150"}}}') e;
SELECT e->'AccessPath' AS path, e->'Warnings' AS warnings
FROM pg_temp.explain('Scan', '{"TableName":"Purchases","IndexName":"ByStatus","FilterExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}}}') e;
-- an unknown index, and ConsistentRead on a GSI: execute()'s errors
SELECT dynamo.explain('Query', '{"TableName":"Purchases","IndexName":"Nope","KeyConditionExpression":"CustomerId = :c",
  "ExpressionAttributeValues":{":c":{"S":"c1"}}}');
SELECT dynamo.explain('Query', '{"TableName":"Purchases","IndexName":"ByStatus","KeyConditionExpression":"#s = :s",
  "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":s":{"S":"OPEN"}},"ConsistentRead":true}');

-- A Query whose filter an LSI's sort key would serve: the warning names it
SELECT dynamo.execute('CreateTable', '{"TableName":"Invoices",
  "KeySchema":[{"AttributeName":"CustomerId","KeyType":"HASH"},{"AttributeName":"InvoiceDate","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"CustomerId","AttributeType":"S"},{"AttributeName":"InvoiceDate","AttributeType":"S"},
     {"AttributeName":"State","AttributeType":"S"}],
  "LocalSecondaryIndexes":[{"IndexName":"ByState","KeySchema":[{"AttributeName":"CustomerId","KeyType":"HASH"},
     {"AttributeName":"State","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
INSERT INTO dynamo_data."Invoices"
SELECT 'c' || (i % 2), 'd' || lpad(i::text, 3, '0'),
       jsonb_build_object('CustomerId', 'c' || (i % 2), 'InvoiceDate', 'd' || lpad(i::text, 3, '0'),
                          'State', CASE WHEN i % 10 = 0 THEN 'DUE' ELSE 'PAID' END)
FROM generate_series(1, 40) i;
SELECT e->'AccessPath' AS path, e->'Warnings' AS warnings
FROM pg_temp.explain('Query', '{"TableName":"Invoices","KeyConditionExpression":"CustomerId = :c",
  "FilterExpression":"#s = :s","ExpressionAttributeNames":{"#s":"State"},
  "ExpressionAttributeValues":{":c":{"S":"c0"},":s":{"S":"DUE"}}}') e;
SELECT e->'AccessPath' AS path, e->'KeyRange' AS range, e->'Estimate'->'ItemsRead' AS items_read
FROM pg_temp.explain('Query', '{"TableName":"Invoices","IndexName":"ByState",
  "KeyConditionExpression":"CustomerId = :c AND #s = :s","ExpressionAttributeNames":{"#s":"State"},
  "ExpressionAttributeValues":{":c":{"S":"c0"},":s":{"S":"DUE"}},"ConsistentRead":true}') e;

-- A GSI read is charged for the index entries it reads (here KEYS_ONLY:
-- a few bytes each), not the whole items: explain says what execute()
-- charges
SELECT dynamo.execute('CreateTable', '{"TableName":"Blobs",
  "KeySchema":[{"AttributeName":"Id","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"},{"AttributeName":"G","AttributeType":"S"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByG","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],
     "Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
SELECT count(*) AS put FROM (SELECT dynamo.put_item('Blobs', jsonb_build_object('Id', 'i' || i, 'G', 'g', 'Body', repeat('x', 3000)))
                             FROM generate_series(1, 10) i) p;
SELECT o AS op, e->'Estimate'->'BytesRead' AS explained_bytes, e->'ConsumedCapacity'->'CapacityUnits' AS explained_units,
       dynamo.execute(o, r || '{"ReturnConsumedCapacity":"TOTAL","Select":"COUNT"}')->'ConsumedCapacity'->'CapacityUnits' AS charged_units
FROM (VALUES ('Query', '{"TableName":"Blobs","IndexName":"ByG","KeyConditionExpression":"G = :g","ExpressionAttributeValues":{":g":{"S":"g"}}}'::jsonb),
             ('Scan', '{"TableName":"Blobs","IndexName":"ByG"}'),
             ('Scan', '{"TableName":"Blobs"}')) AS x(o, r),
     LATERAL pg_temp.explain(o, r) e;
SELECT dynamo.delete_table('Blobs') IS NOT NULL AS dropped;

-- Hints: a Scan filtering on an index's partition key gets the fix even
-- without access_hints; other Scans do not
SELECT count(*) FROM dynamo.scan('Purchases', '#s = :s', '{"#s":"Status"}', '{":s":"OPEN"}');
SELECT count(*) FROM dynamo.scan('Purchases', '#t = :t', '{"#t":"Total"}', '{":t":7}');
-- ...and the fixed call: no notice
SELECT count(*) FROM dynamo.query('Purchases', '#s = :s', '{"#s":"Status"}', '{":s":"OPEN"}', index_name => 'ByStatus');
-- with access_hints: the NOTICE after the read names the index (GSI for a
-- Scan, LSI for a mostly-discarding Query)
SET pg_dynamo.access_hints = on;
SELECT count(*) FROM dynamo.scan('Purchases', '#s = :s', '{"#s":"Status"}', '{":s":"OPEN"}');
SELECT count(*) FROM dynamo.query('Invoices', 'CustomerId = :c', filter_expression => '#s = :s',
  expression_attribute_names => '{"#s":"State"}', expression_attribute_values => '{":c":"c0",":s":"DUE"}');
RESET pg_dynamo.access_hints;
-- a Query key condition on a non-key attribute: the hint names the indexes
SELECT * FROM dynamo.query('Purchases', '#s = :s', '{"#s":"Status"}', '{":s":"OPEN"}');
SELECT * FROM dynamo.query('Invoices', 'CustomerId = :c AND #s = :s', '{"#s":"State"}', '{":c":"c0",":s":"DUE"}');

-- Usage figures: a Query on an index counts as a Query of its table; calls
-- made in SQL carry no access key (the HTTP door counts its requests under
-- the access key they are signed with)
SELECT operation, access_key, calls > 0 AS counted FROM dynamo.usage
WHERE table_name = 'Purchases' AND operation IN ('Query', 'Scan') ORDER BY operation;

SELECT dynamo.delete_table('Purchases') IS NOT NULL AS dropped, dynamo.delete_table('Invoices') IS NOT NULL AS dropped;
