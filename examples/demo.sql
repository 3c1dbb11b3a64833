-- pg_dynamo walk-through: one table, two query styles, the same rows.
--
-- Run by `make demo` (scripts/demo.sh) in a fresh database where
-- `CREATE EXTENSION pg_dynamo` has been run; by hand:
--     psql -v ON_ERROR_STOP=1 -e -f examples/demo.sql

\echo
\echo '=== 1. Create a DynamoDB table "Users", partition key UserId (a string)'
\echo '    DynamoDB: aws dynamodb create-table --table-name Users --key-schema AttributeName=UserId,KeyType=HASH ...'
SELECT jsonb_pretty(dynamo.create_table(table_name => 'Users',
                                        partition_key => 'UserId',
                                        partition_key_type => 'S'));

SELECT * FROM dynamo.list_tables();

\echo
\echo '=== 2. Its items live in an ordinary PostgreSQL table: key column pk, whole item in jsonb'
\d dynamo_data."Users"

\echo
\echo '=== 3. Write items, ergonomic style: plain JSON'
SELECT dynamo.put_item('Users', '{"UserId":"123","Name":"Alice","Age":30}');
SELECT dynamo.put_item('Users', '{"UserId":"125","Name":"Carol","Age":41}');

\echo
\echo '=== 4. Write items, DynamoDB style: the PutItem request, typed attribute values'
SELECT dynamo.execute('PutItem', '{"TableName":"Users","Item":{"UserId":{"S":"124"},"Name":{"S":"Bob"},"Age":{"N":"25"}}}');
SELECT dynamo.execute('PutItem', '{"TableName":"Users","Item":{"UserId":{"S":"126"},"Name":{"S":"Dave"},"Age":{"N":"35"}}}');

\echo
\echo '=== 5. Read by key, both styles (either style reads what the other wrote)'
SELECT dynamo.get_item('Users', '{"UserId":"124"}') AS bob;
SELECT dynamo.execute('GetItem', '{"TableName":"Users","Key":{"UserId":{"S":"123"}}}') AS alice;

\echo
\echo '=== 6. The same rows with plain SQL'
SELECT pk AS user_id, item->>'Name' AS name, (item->>'Age')::int AS age
FROM dynamo_data."Users"
ORDER BY pk;

\echo
\echo '=== 7. SQL can filter on any attribute, not just the key: users older than 30'
SELECT pk AS user_id, item->>'Name' AS name, (item->>'Age')::int AS age
FROM dynamo_data."Users"
WHERE (item->>'Age')::int > 30
ORDER BY age;

\echo
\echo '=== 8. ...and join the items with relational tables in the same database'
CREATE TABLE user_roles (
    user_id text PRIMARY KEY,
    role    text NOT NULL
);
INSERT INTO user_roles VALUES ('123', 'admin'), ('124', 'editor'), ('126', 'viewer');

SELECT u.pk AS user_id, u.item->>'Name' AS name, r.role
FROM dynamo_data."Users" AS u
JOIN user_roles AS r ON r.user_id = u.pk
ORDER BY u.pk;

\echo
\echo '=== 9. Delete an item by key, then look for it both ways'
SELECT dynamo.delete_item('Users', '{"UserId":"125"}');
SELECT dynamo.get_item('Users', '{"UserId":"125"}') IS NULL AS carol_is_gone;
SELECT count(*) AS rows_for_125 FROM dynamo_data."Users" WHERE pk = '125';

SELECT pk AS user_id, item->>'Name' AS name, (item->>'Age')::int AS age
FROM dynamo_data."Users"
ORDER BY pk;

\echo
\echo '=== 10. Conditional writes and updates: the DynamoDB way, checked by SQL'
SELECT dynamo.update_item('Users', '{"UserId":"123"}',
       'SET Age = Age + :one ADD Logins :one',
       condition_expression => 'attribute_exists(UserId)',
       expression_attribute_values => '{":one":1}',
       return_values => 'UPDATED_NEW') AS updated;
DO $$
BEGIN
    PERFORM dynamo.put_item('Users', '{"UserId":"123","Name":"Mallory"}',
                            condition_expression => 'attribute_not_exists(UserId)');
EXCEPTION WHEN SQLSTATE 'DY004' THEN
    RAISE NOTICE 'put refused: % (%)', SQLERRM, SQLSTATE;
END $$;
SELECT pk AS user_id, item->>'Name' AS name, item->'Age' AS age, item->'Logins' AS logins
FROM dynamo_data."Users" WHERE pk = '123';

\echo
\echo '=== 11. Access patterns: a table keyed by CustomerId (partition) and OrderDate (sort)'
SELECT dynamo.create_table('Orders', 'CustomerId', 'S', 'OrderDate', 'S') IS NOT NULL AS created;
SELECT count(dynamo.put_item('Orders', jsonb_build_object(
           'CustomerId', 'c' || c, 'OrderDate', format('2024-%s-%s', lpad(m::text, 2, '0'), lpad(d::text, 2, '0')),
           'Total', (c * 37 + m * 11 + d) % 200, 'Status', CASE WHEN d = 28 THEN 'OPEN' ELSE 'SHIPPED' END)) IS NULL) AS orders
FROM generate_series(1, 3) c, generate_series(1, 6) m, generate_series(1, 28, 9) d;

\echo
\echo '=== 12. Query, DynamoDB style: customer c1, April, newest first, a page of 2'
SELECT dynamo.execute('Query', '{"TableName":"Orders",
    "KeyConditionExpression":"CustomerId = :c AND begins_with(OrderDate, :m)",
    "ExpressionAttributeValues":{":c":{"S":"c1"},":m":{"S":"2024-04"}},
    "ScanIndexForward":false,"Limit":2}');

\echo
\echo '=== 13. The same Query as rows, composed with SQL'
SELECT o->>'OrderDate' AS date, o->>'Status' AS status, (o->>'Total')::numeric AS total
FROM dynamo.query('Orders', 'CustomerId = :c AND begins_with(OrderDate, :m)',
                  expression_attribute_values => '{":c":"c1",":m":"2024-04"}', scan_index_forward => false) AS o;

\echo
\echo '=== 14. ...and the plain SQL it amounts to, with its plan: the partition only, through the key index'
SELECT dynamo.to_sql('Query', '{"TableName":"Orders",
    "KeyConditionExpression":"CustomerId = :c AND begins_with(OrderDate, :m)",
    "ExpressionAttributeValues":{":c":{"S":"c1"},":m":{"S":"2024-04"}},"ScanIndexForward":false}') AS sql \gset
\echo :sql
SET enable_seqscan = off;  -- a demo-sized table; this is the plan of a large one
EXPLAIN (COSTS OFF) :sql;
RESET enable_seqscan;

\echo
\echo '=== 15. Scan with a filter vs the report SQL writes best: open orders per customer'
SELECT count(*) AS open_orders FROM dynamo.scan('Orders', '#s = :open',
    expression_attribute_names => '{"#s":"Status"}', expression_attribute_values => '{":open":"OPEN"}');
SELECT pk AS customer, count(*) FILTER (WHERE item->>'Status' = 'OPEN') AS open_orders, sum((item->>'Total')::numeric) AS total
FROM dynamo_data."Orders" GROUP BY pk ORDER BY pk;

\echo
\echo '=== 16. What that Scan costs, in DynamoDB terms and PostgreSQL''s, next to a Query: dynamo.explain'
SELECT op, e->>'AccessPath' AS access_path, e->'Estimate'->'ItemsRead' AS items_read,
       e->'Estimate'->'ItemsReturned' AS returned, e->'ConsumedCapacity'->'CapacityUnits' AS read_units,
       e->'PostgreSQL'->>'Node' AS postgresql_plan
FROM (VALUES
  ('Scan', dynamo.explain('Scan', '{"TableName":"Orders","FilterExpression":"#s = :open",
      "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}')),
  ('Query', dynamo.explain('Query', '{"TableName":"Orders","KeyConditionExpression":"CustomerId = :c",
      "FilterExpression":"#s = :open","ExpressionAttributeNames":{"#s":"Status"},
      "ExpressionAttributeValues":{":c":{"S":"c1"},":open":{"S":"OPEN"}}}'))) AS x(op, e);
SELECT jsonb_array_elements_text(dynamo.explain('Scan', '{"TableName":"Orders","FilterExpression":"#s = :open",
    "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}')->'Warnings') AS warnings;

\echo
\echo '=== 17. Take the advice: add the GSI on Status with UpdateTable (the existing orders are indexed in the same call)'
\echo '    DynamoDB: aws dynamodb update-table --table-name Orders --global-secondary-index-updates ...'
SELECT i->>'IndexName' AS index_name, i->'KeySchema' AS key_schema, i->>'IndexStatus' AS status, i->'ItemCount' AS items
FROM jsonb_array_elements(dynamo.execute('UpdateTable', '{"TableName":"Orders",
    "AttributeDefinitions":[{"AttributeName":"Status","AttributeType":"S"}],
    "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByStatus",
      "KeySchema":[{"AttributeName":"Status","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}')
    #> '{TableDescription,GlobalSecondaryIndexes}') AS i;
-- it is a PostgreSQL index on the item table, kept in the writing transaction
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'dynamo_data' AND tablename = 'Orders' ORDER BY 1;
ANALYZE dynamo_data."Orders";

\echo
\echo '=== 18. The Query on the index that replaces the Scan: the same open orders, read directly'
SELECT count(*) AS open_orders FROM dynamo.query('Orders', '#s = :open', index_name => 'ByStatus',
    expression_attribute_names => '{"#s":"Status"}', expression_attribute_values => '{":open":"OPEN"}');
-- ...in PartiQL, naming the index
SELECT count(*) AS open_orders FROM dynamo.partiql('SELECT * FROM "Orders"."ByStatus" WHERE Status = ''OPEN''');
-- ...and the plain SQL it amounts to, with its plan: the index, not the whole table
SELECT dynamo.to_sql('Query', '{"TableName":"Orders","IndexName":"ByStatus","KeyConditionExpression":"#s = :open",
    "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}') AS sql \gset
\echo :sql
SET enable_seqscan = off;  -- a demo-sized table; this is the plan of a large one
EXPLAIN (COSTS OFF) :sql;

\echo
\echo '=== 19. Side by side: the Scan and the Query on the index (same items returned; what each reads and costs)'
SELECT op, e->>'AccessPath' AS access_path, e->'Estimate'->'ItemsRead' AS items_read,
       e->'Estimate'->'ItemsReturned' AS returned, e->'ConsumedCapacity'->'CapacityUnits' AS read_units,
       round((e->'ConsumedCapacity'->>'CapacityUnits')::numeric
             * current_setting('pg_dynamo.read_unit_price')::numeric, 2) AS usd_per_million_calls,
       e->'PostgreSQL'->>'Node' AS postgresql_plan
FROM (VALUES
  ('Scan', dynamo.explain('Scan', '{"TableName":"Orders","FilterExpression":"#s = :open",
      "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}')),
  ('Query', dynamo.explain('Query', '{"TableName":"Orders","IndexName":"ByStatus","KeyConditionExpression":"#s = :open",
      "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}'))) AS x(op, e);
RESET enable_seqscan;
-- (items this small fit one 4 KB read unit either way; what grows with the table is
-- items_read: the Scan reads every order, the Query only the open ones)
-- the Scan's warning now names the index it should use
SELECT jsonb_array_elements_text(dynamo.explain('Scan', '{"TableName":"Orders","FilterExpression":"#s = :open",
    "ExpressionAttributeNames":{"#s":"Status"},"ExpressionAttributeValues":{":open":{"S":"OPEN"}}}')->'Warnings') AS warnings;

\echo
\echo '=== 20. What this session has consumed so far, and what DynamoDB on-demand would bill for it'
SELECT table_name, operation, calls, items_read, items_returned, read_units, write_units, estimated_cost_usd
FROM dynamo.usage ORDER BY table_name, operation;

\echo
\echo '=== 21. Streams: every change, in order, plain SQL writes included'
SELECT dynamo.update_stream('Orders', 'NEW_AND_OLD_IMAGES')->'StreamSpecification' AS stream;
SELECT dynamo.update_item('Orders', '{"CustomerId":"c1","OrderDate":"2024-04-28"}', 'SET #s = :s',
    expression_attribute_names => '{"#s":"Status"}', expression_attribute_values => '{":s":"SHIPPED"}') IS NULL AS updated;
UPDATE dynamo_data."Orders" SET item = item || '{"Status":"RETURNED"}' WHERE pk = 'c2' AND sk = '2024-01-01';
SELECT sequence_number, event_name, keys, old_image->>'Status' AS was, new_image->>'Status' AS now
FROM dynamo.stream_records('Orders');

\echo
\echo '=== 22. The same stream through DynamoDB Streams: shard, iterator, GetRecords'
SELECT dynamo.describe_table('Orders')->>'LatestStreamArn' AS arn \gset
SELECT dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn'))
       #>> '{StreamDescription,Shards,0,ShardId}' AS shard \gset
SELECT dynamo.execute('GetShardIterator', jsonb_build_object('StreamArn', :'arn', 'ShardId', :'shard',
       'ShardIteratorType', 'TRIM_HORIZON'))->>'ShardIterator' AS iterator \gset
SELECT jsonb_pretty(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'iterator', 'Limit', 1))
       - 'NextShardIterator') AS first_record;
