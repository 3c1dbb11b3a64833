--
-- batch: BatchGetItem and BatchWriteItem through the SQL functions (plain
-- JSON) and execute() (typed JSON): responses, projections, capacity,
-- UnprocessedKeys past 16 MB, every limit and error, validation of the
-- whole batch before any write.
--
-- An error whose message echoes a long request, cut short: SQLSTATE, the
-- head and the tail of the message
\set error_of_short on
\i sql/include/statement.sql

SELECT dynamo.create_table('bt_s', 'Id') IS NOT NULL AS created;
SELECT dynamo.create_table('bt_ns', 'id', 'N', 'at', 'S') IS NOT NULL AS created;

------------------------------------------------------------------------
-- BatchWriteItem: puts and deletes across tables
------------------------------------------------------------------------
SELECT dynamo.batch_write_item('{
  "bt_s":  [{"PutRequest": {"Item": {"Id": "a", "v": 1, "tags": {"$SS": ["x"]}}}},
            {"PutRequest": {"Item": {"Id": "b", "v": 2, "name": "bee"}}},
            {"PutRequest": {"Item": {"Id": "c", "v": 3}}}],
  "bt_ns": [{"PutRequest": {"Item": {"id": 1, "at": "t1", "v": "one"}}},
            {"PutRequest": {"Item": {"id": 2.50, "at": "t2"}}}]}');
SELECT pk, item FROM dynamo_data.bt_s ORDER BY pk;
SELECT pk, sk, item FROM dynamo_data.bt_ns ORDER BY pk, sk;
-- a put replaces, a delete of a missing item is no error
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "c", "v": 33}}},
                                          {"DeleteRequest": {"Key": {"Id": "b"}}},
                                          {"DeleteRequest": {"Key": {"Id": "nobody"}}}]}');
SELECT pk, item FROM dynamo_data.bt_s ORDER BY pk;
-- typed JSON through execute(), with ConsumedCapacity per table
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {
  "bt_s": [{"PutRequest": {"Item": {"Id": {"S": "b"}, "v": {"N": "2.0"}}}}],
  "bt_ns": [{"DeleteRequest": {"Key": {"id": {"N": "2.5"}, "at": {"S": "t2"}}}}]},
  "ReturnConsumedCapacity": "TOTAL"}') AS response;
SELECT dynamo.execute('BatchWriteItem', ('{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"S": "big"}, "pad": {"S": "'
  || repeat('x', 3000) || '"}}}}]}, "ReturnConsumedCapacity": "INDEXES", "ReturnItemCollectionMetrics": "SIZE"}')::jsonb) AS response;
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"bt_s": [{"DeleteRequest": {"Key": {"Id": {"S": "big"}}}}]}}') AS response;

------------------------------------------------------------------------
-- BatchGetItem
------------------------------------------------------------------------
SELECT jsonb_pretty(dynamo.batch_get_item('{
  "bt_s": {"Keys": [{"Id": "a"}, {"Id": "c"}, {"Id": "nobody"}]},
  "bt_ns": {"Keys": [{"id": 1, "at": "t1"}], "ConsistentRead": true}}')) AS response;
-- projections and names per table; legacy AttributesToGet
SELECT dynamo.batch_get_item('{
  "bt_s": {"Keys": [{"Id": "a"}, {"Id": "b"}], "ProjectionExpression": "#v, tags", "ExpressionAttributeNames": {"#v": "v"}},
  "bt_ns": {"Keys": [{"id": 1, "at": "t1"}], "AttributesToGet": ["v"]}}') AS response;
-- typed JSON, capacity: half a unit per 4 KB read (eventually consistent), one when consistent
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {
  "bt_s": {"Keys": [{"Id": {"S": "a"}}, {"Id": {"S": "nobody"}}], "ProjectionExpression": "Id"},
  "bt_ns": {"Keys": [{"id": {"N": "1.0"}, "at": {"S": "t1"}}], "ConsistentRead": true}},
  "ReturnConsumedCapacity": "TOTAL"}') AS response;
-- an empty table list in Responses when nothing was found
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {"bt_s": {"Keys": [{"Id": {"S": "nobody"}}]}}}') AS response;

------------------------------------------------------------------------
-- Responses past 16 MB: the rest comes back as UnprocessedKeys
------------------------------------------------------------------------
SELECT dynamo.create_table('bt_big', 'Id') IS NOT NULL AS created;
SELECT dynamo.batch_write_item(jsonb_build_object('bt_big', jsonb_agg(jsonb_build_object('PutRequest',
         jsonb_build_object('Item', jsonb_build_object('Id', 'k' || lpad(i::text, 2, '0'), 'pad', repeat('p', 390000)))))))
FROM generate_series(1, 25) i;
SELECT dynamo.batch_write_item(jsonb_build_object('bt_big', jsonb_agg(jsonb_build_object('PutRequest',
         jsonb_build_object('Item', jsonb_build_object('Id', 'k' || lpad(i::text, 2, '0'), 'pad', repeat('p', 390000)))))))
FROM generate_series(26, 45) i;
CREATE TEMP TABLE big_keys AS
  SELECT jsonb_build_object('bt_big', jsonb_build_object('Keys',
           jsonb_agg(jsonb_build_object('Id', 'k' || lpad(i::text, 2, '0')) ORDER BY i),
           'ConsistentRead', true)) AS request
  FROM generate_series(1, 45) i;
CREATE TEMP TABLE big_first AS SELECT dynamo.batch_get_item(request) AS response FROM big_keys;
SELECT jsonb_array_length(response->'Responses'->'bt_big') AS returned,
       jsonb_array_length(response->'UnprocessedKeys'->'bt_big'->'Keys') AS unprocessed,
       response->'UnprocessedKeys'->'bt_big'->'ConsistentRead' AS consistent_kept,
       (SELECT sum(length(e->>'pad')) FROM jsonb_array_elements(response->'Responses'->'bt_big') e) <= 16 * 1024 * 1024 AS within_16mb
FROM big_first;
-- asking again for the unprocessed keys returns the rest; together, every item once
CREATE TEMP TABLE big_second AS SELECT dynamo.batch_get_item(response->'UnprocessedKeys') AS response FROM big_first;
SELECT jsonb_array_length(response->'Responses'->'bt_big') AS returned, response->'UnprocessedKeys' AS unprocessed FROM big_second;
SELECT count(DISTINCT e->>'Id') AS distinct_items, count(*) AS items
FROM (SELECT response FROM big_first UNION ALL SELECT response FROM big_second) r,
     jsonb_array_elements(r.response->'Responses'->'bt_big') e;
-- the limit is on the response: projected away, everything fits
SELECT jsonb_array_length(dynamo.batch_get_item(jsonb_set(request, '{bt_big,ProjectionExpression}', '"Id"'))->'Responses'->'bt_big') AS returned
FROM big_keys;

------------------------------------------------------------------------
-- BatchGetItem errors
------------------------------------------------------------------------
SELECT dynamo.batch_get_item(NULL);
SELECT dynamo.batch_get_item('{}');
SELECT dynamo.batch_get_item('[]');
SELECT dynamo.batch_get_item('{"bad!name": {"Keys": [{"Id": "a"}]}}');
SELECT dynamo.batch_get_item('{"ab": {"Keys": [{"Id": "a"}]}}');
SELECT dynamo.batch_get_item('{"bt_s": "keys"}');
SELECT dynamo.batch_get_item('{"bt_s": {}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": []}}');
SELECT dynamo.batch_get_item(jsonb_build_object('bt_s', jsonb_build_object('Keys',
         (SELECT jsonb_agg(jsonb_build_object('Id', 'k' || i)) FROM generate_series(1, 101) i))));
-- 100 keys in all at most, across tables
SELECT dynamo.batch_get_item(jsonb_build_object(
         'bt_s', jsonb_build_object('Keys', (SELECT jsonb_agg(jsonb_build_object('Id', 'k' || i)) FROM generate_series(1, 60) i)),
         'bt_big', jsonb_build_object('Keys', (SELECT jsonb_agg(jsonb_build_object('Id', 'k' || i)) FROM generate_series(1, 41) i))));
SELECT jsonb_array_length(dynamo.batch_get_item(jsonb_build_object(
         'bt_s', jsonb_build_object('Keys', (SELECT jsonb_agg(jsonb_build_object('Id', 'k' || i)) FROM generate_series(1, 60) i)),
         'bt_big', jsonb_build_object('Keys', (SELECT jsonb_agg(jsonb_build_object('Id', 'k' || i)) FROM generate_series(1, 40) i))))
         ->'Responses'->'bt_s') AS exactly_100_is_fine;
-- duplicates, also after number normalisation
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}, {"Id": "b"}, {"Id": "a"}]}}');
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {"bt_ns": {"Keys": [{"id": {"N": "1"}, "at": {"S": "t1"}}, {"at": {"S": "t1"}, "id": {"N": "1.00"}}]}}}');
-- the same key in two tables is no duplicate
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}]}, "bt_big": {"Keys": [{"Id": "a"}]}}');
-- keys that do not match the schema, missing tables
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": 1}]}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a", "v": 1}]}}');
SELECT dynamo.batch_get_item('{"bt_ns": {"Keys": [{"id": 1}]}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": ""}]}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}]}, "no_such_table": {"Keys": [{"Id": "a"}]}}');
-- expressions
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}], "ProjectionExpression": "v", "AttributesToGet": ["v"]}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}], "ProjectionExpression": "a, a"}}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "a"}], "ProjectionExpression": "v", "ExpressionAttributeNames": {"#x": "x"}}}');
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {"bt_s": {"Keys": [{"Id": {"S": "a"}}]}}, "ReturnConsumedCapacity": "ALL"}');

------------------------------------------------------------------------
-- BatchWriteItem errors; nothing is written unless every request is valid
------------------------------------------------------------------------
SELECT count(*) AS items_before FROM dynamo_data.bt_s;
SELECT dynamo.batch_write_item(NULL);
SELECT dynamo.batch_write_item('{}');
SELECT dynamo.batch_write_item('{"bad!name": [{"PutRequest": {"Item": {"Id": "x"}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": []}');
SELECT dynamo.batch_write_item('{"bt_s": {"PutRequest": {"Item": {"Id": "x"}}}}');
SELECT pg_temp.error_of($$SELECT dynamo.batch_write_item(jsonb_build_object('bt_s',
         (SELECT jsonb_agg(jsonb_build_object('DeleteRequest', jsonb_build_object('Key', jsonb_build_object('Id', 'k' || i)))) FROM generate_series(1, 26) i)))$$);
SELECT dynamo.batch_write_item(jsonb_build_object(
         'bt_s', (SELECT jsonb_agg(jsonb_build_object('PutRequest', jsonb_build_object('Item', jsonb_build_object('Id', 'n' || i)))) FROM generate_series(1, 13) i),
         'bt_big', (SELECT jsonb_agg(jsonb_build_object('PutRequest', jsonb_build_object('Item', jsonb_build_object('Id', 'n' || i)))) FROM generate_series(1, 13) i)));
SELECT dynamo.batch_write_item('{"bt_s": [{}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "x"}}, "DeleteRequest": {"Key": {"Id": "x"}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "x"}}}, {"DeleteRequest": {}}]}');
-- two requests on one item, whichever comes first
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"DeleteRequest": {"Key": {"Id": "new1"}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"DeleteRequest": {"Key": {"Id": "new1"}}}, {"PutRequest": {"Item": {"Id": "new1", "v": 1}}}]}');
-- keys that do not match the schema
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"PutRequest": {"Item": {"Id": 5}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"PutRequest": {"Item": {"other": "x"}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"DeleteRequest": {"Key": {"Id": "x", "v": 1}}}]}');
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"PutRequest": {"Item": {"Id": ""}}}]}');
-- invalid values and sizes, missing tables
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}, {"PutRequest": {"Item": {"Id": "new2", "s": {"$SS": []}}}}]}');
SELECT dynamo.batch_write_item(jsonb_build_object('bt_s', jsonb_build_array(
         '{"PutRequest": {"Item": {"Id": "new1"}}}'::jsonb,
         jsonb_build_object('PutRequest', jsonb_build_object('Item', jsonb_build_object('Id', 'new2', 'pad', repeat('x', 409600)))))));
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "new1"}}}], "no_such_table": [{"PutRequest": {"Item": {"Id": "x"}}}]}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"S": "new1"}}}}]}, "ReturnConsumedCapacity": "BOGUS"}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"S": "new1"}}}}]}, "ReturnItemCollectionMetrics": "BOGUS2"}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"S": "new1"}}}}]}, "ReturnConsumedCapacity": "BOGUS", "ReturnItemCollectionMetrics": "BOGUS2"}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"N": "1", "S": "x"}}}}]}}');
-- none of the failed batches wrote anything
SELECT count(*) AS items_after, count(*) FILTER (WHERE pk LIKE 'new%') AS new_items FROM dynamo_data.bt_s;

------------------------------------------------------------------------
-- In the caller's transaction: ROLLBACK undoes a whole batch
------------------------------------------------------------------------
BEGIN;
SELECT dynamo.batch_write_item('{"bt_s": [{"PutRequest": {"Item": {"Id": "tx1"}}}, {"DeleteRequest": {"Key": {"Id": "a"}}}]}');
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "tx1"}, {"Id": "a"}]}}') AS inside;
ROLLBACK;
SELECT dynamo.batch_get_item('{"bt_s": {"Keys": [{"Id": "tx1"}, {"Id": "a"}], "ProjectionExpression": "Id"}}') AS after_rollback;
-- strings holding U+0000 through execute_text
SELECT dynamo.execute_text('BatchWriteItem', '{"RequestItems": {"bt_s": [{"PutRequest": {"Item": {"Id": {"S": "nul\u0000"}, "v": {"S": "a\u0000b"}}}}]}}');
SELECT dynamo.execute_text('BatchGetItem', '{"RequestItems": {"bt_s": {"Keys": [{"Id": {"S": "nul\u0000"}}]}}}');
