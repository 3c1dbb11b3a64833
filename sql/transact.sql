--
-- transact: TransactGetItems and TransactWriteItems through the SQL
-- functions (plain JSON) and execute() (typed JSON): all or nothing,
-- cancellation reasons in request order, ClientRequestToken idempotency,
-- every limit and error, items and relational rows in one transaction.
--
SELECT dynamo.create_table('tx_s', 'Id') IS NOT NULL AS created;
SELECT dynamo.create_table('tx_ns', 'id', 'N', 'at', 'S') IS NOT NULL AS created;
SELECT dynamo.batch_write_item('{"tx_s": [
  {"PutRequest": {"Item": {"Id": "a", "bal": 10}}},
  {"PutRequest": {"Item": {"Id": "b", "bal": 5}}},
  {"PutRequest": {"Item": {"Id": "m", "bal": 0, "note": "mid"}}},
  {"PutRequest": {"Item": {"Id": "z", "bal": 1}}}]}');

-- An error whose message echoes a long request, cut short: SQLSTATE, the
-- head and the tail of the message
\set error_of_short on
\i sql/include/statement.sql

-- The state of the items, for before/after comparisons
CREATE FUNCTION pg_temp.items() RETURNS TABLE (id text, item jsonb) LANGUAGE sql AS $$
    SELECT pk, item FROM dynamo_data.tx_s ORDER BY pk
$$;

------------------------------------------------------------------------
-- TransactWriteItems: every kind of action, all applied
------------------------------------------------------------------------
SELECT dynamo.transact_write_items('[
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "m"}, "ConditionExpression": "note = :n", "ExpressionAttributeValues": {":n": "mid"}}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = bal - :x", "ConditionExpression": "bal >= :x", "ExpressionAttributeValues": {":x": 3}}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "b"}, "UpdateExpression": "SET #b = #b + :x", "ExpressionAttributeNames": {"#b": "bal"}, "ExpressionAttributeValues": {":x": 3}}},
  {"Put": {"TableName": "tx_ns", "Item": {"id": 1, "at": "t1", "v": {"$SS": ["x"]}}, "ConditionExpression": "attribute_not_exists(id)"}},
  {"Delete": {"TableName": "tx_s", "Key": {"Id": "z"}, "ConditionExpression": "bal = :one", "ExpressionAttributeValues": {":one": 1}}}]');
SELECT * FROM pg_temp.items();
SELECT item FROM dynamo_data.tx_ns;
-- an Update creates a missing item, as UpdateItem does
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "new"}, "UpdateExpression": "SET bal = :z", "ExpressionAttributeValues": {":z": 0}}}]');
SELECT dynamo.get_item('tx_s', '{"Id": "new"}');

------------------------------------------------------------------------
-- TransactGetItems: request order, null (SQL) or {} (execute) when missing
------------------------------------------------------------------------
SELECT dynamo.transact_get_items('[
  {"Get": {"TableName": "tx_s", "Key": {"Id": "m"}}},
  {"Get": {"TableName": "tx_s", "Key": {"Id": "nobody"}}},
  {"Get": {"TableName": "tx_ns", "Key": {"id": 1, "at": "t1"}, "ProjectionExpression": "#v", "ExpressionAttributeNames": {"#v": "v"}}},
  {"Get": {"TableName": "tx_s", "Key": {"Id": "a"}, "ProjectionExpression": "bal"}}]');
SELECT dynamo.execute('TransactGetItems', '{"TransactItems": [
  {"Get": {"TableName": "tx_s", "Key": {"Id": {"S": "z"}}}},
  {"Get": {"TableName": "tx_s", "Key": {"Id": {"S": "b"}}}},
  {"Get": {"TableName": "tx_ns", "Key": {"id": {"N": "1.0"}, "at": {"S": "t1"}}}}],
  "ReturnConsumedCapacity": "TOTAL"}') AS response;

------------------------------------------------------------------------
-- Cancellation: nothing is written; one reason per action, request order
------------------------------------------------------------------------
\set VERBOSITY default
-- the failing action comes first in the request, last in lock order
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "tx_s", "Item": {"Id": "m", "bal": 99}, "ConditionExpression": "attribute_not_exists(Id)"}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = :x", "ExpressionAttributeValues": {":x": 0}}},
  {"Delete": {"TableName": "tx_s", "Key": {"Id": "b"}}}]');
-- every failed condition is reported; ALL_OLD adds the item (plain JSON)
SELECT dynamo.transact_write_items('[
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = :x", "ExpressionAttributeValues": {":x": 0}}},
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "b"}, "ConditionExpression": "bal > :big", "ExpressionAttributeValues": {":big": 100}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
  {"Delete": {"TableName": "tx_s", "Key": {"Id": "nobody"}, "ConditionExpression": "attribute_exists(Id)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
  {"Put": {"TableName": "tx_s", "Item": {"Id": "m", "bal": 1}, "ConditionExpression": "bal > :big", "ExpressionAttributeValues": {":big": 100}}}]');
-- through execute(), the same exception
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [
  {"Put": {"TableName": "tx_s", "Item": {"Id": {"S": "fresh"}}, "ConditionExpression": "attribute_not_exists(Id)"}},
  {"Put": {"TableName": "tx_s", "Item": {"Id": {"S": "a"}}, "ConditionExpression": "attribute_not_exists(Id)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}]}');
-- a validation error met while writing cancels with reason ValidationError
SELECT dynamo.transact_write_items('[
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = :x", "ExpressionAttributeValues": {":x": 7}}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "m"}, "UpdateExpression": "SET note = note + :one", "ExpressionAttributeValues": {":one": 1}}}]');
SELECT dynamo.transact_write_items(jsonb_build_array(
  '{"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = :x", "ExpressionAttributeValues": {":x": 7}}}'::jsonb,
  jsonb_build_object('Update', jsonb_build_object('TableName', 'tx_s', 'Key', '{"Id": "b"}'::jsonb,
      'UpdateExpression', 'SET #p = :p', 'ExpressionAttributeNames', '{"#p": "pad"}'::jsonb,
      'ExpressionAttributeValues', jsonb_build_object(':p', repeat('x', 409595))))));
-- keys that do not match the table's schema cancel with ValidationError
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "tx_s", "Item": {"Id": 5}}},
  {"Delete": {"TableName": "tx_s", "Key": {"Id": "a", "x": 1}}},
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": 1}, "ConditionExpression": "attribute_exists(Id)"}},
  {"Put": {"TableName": "tx_ns", "Item": {"id": 2}}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "b"}, "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": 1}}}]');
SELECT dynamo.transact_get_items('[{"Get": {"TableName": "tx_s", "Key": {}}}, {"Get": {"TableName": "tx_s", "Key": {"Id": "a"}}}]');
-- none of the cancelled transactions changed anything
SELECT * FROM pg_temp.items();

------------------------------------------------------------------------
-- Limits and validation errors (raised before anything runs)
------------------------------------------------------------------------
SELECT dynamo.transact_write_items(NULL);
SELECT dynamo.transact_write_items('[]');
SELECT dynamo.transact_write_items('{"Put": {}}');
SELECT pg_temp.error_of($$SELECT dynamo.transact_write_items((SELECT jsonb_agg(jsonb_build_object('ConditionCheck', jsonb_build_object(
         'TableName', 'tx_s', 'Key', jsonb_build_object('Id', 'k' || i), 'ConditionExpression', 'attribute_not_exists(Id)')))
       FROM generate_series(1, 101) i))$$);
SELECT pg_temp.error_of($$SELECT dynamo.transact_get_items((SELECT jsonb_agg(jsonb_build_object('Get', jsonb_build_object(
         'TableName', 'tx_s', 'Key', jsonb_build_object('Id', 'k' || i)))) FROM generate_series(1, 101) i))$$);
SELECT dynamo.transact_write_items((SELECT jsonb_agg(jsonb_build_object('ConditionCheck', jsonb_build_object(
         'TableName', 'tx_s', 'Key', jsonb_build_object('Id', 'k' || i), 'ConditionExpression', 'attribute_not_exists(Id)')))
       FROM generate_series(1, 100) i)) AS exactly_100_is_fine;
SELECT dynamo.transact_write_items('[{}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "q"}}, "Delete": {"TableName": "tx_s", "Key": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[{"Get": {"TableName": "tx_s", "Key": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[null]');
SELECT dynamo.transact_write_items('[{"Put": {"Item": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "x", "Item": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s"}}]');
SELECT dynamo.transact_write_items('[{"Delete": {"TableName": "tx_s", "Key": {"Id": "q"}}}, {"Update": {"TableName": "tx_s"}}]');
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[{"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "q"}}}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "q"}, "ReturnValuesOnConditionCheckFailure": "ALL_NEW"}}]');
-- expressions are checked in request order, before tables are looked up
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "no_such_table", "Item": {"Id": "q"}}},
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "q"}, "ConditionExpression": "attribute_not_exists("}}]');
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "no_such_table", "Item": {"Id": "q"}}},
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "q"}, "ConditionExpression": "attribute_not_exists(Id)", "ExpressionAttributeValues": {":v": "x"}}}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "q"}, "ExpressionAttributeValues": {":v": "x"}}}]');
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "no_such_table", "Item": {"Id": "q"}}}]');
-- one item, two actions: refused, whatever the kinds and however the key is written
SELECT dynamo.transact_write_items('[
  {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "a"}, "ConditionExpression": "attribute_exists(Id)"}},
  {"Put": {"TableName": "tx_s", "Item": {"Id": "a", "bal": 1}}}]');
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [
  {"Delete": {"TableName": "tx_ns", "Key": {"id": {"N": "1"}, "at": {"S": "t1"}}}},
  {"Update": {"TableName": "tx_ns", "Key": {"at": {"S": "t1"}, "id": {"N": "1.0"}}, "UpdateExpression": "REMOVE v"}}]}');
SELECT dynamo.transact_get_items('[{"Get": {"TableName": "tx_s", "Key": {"Id": "a"}}}, {"Get": {"TableName": "tx_s", "Key": {"Id": "a"}}}]');
-- empty and oversized keys, oversized items: plain validation errors
SELECT dynamo.transact_write_items('[{"Delete": {"TableName": "tx_s", "Key": {"Id": ""}}}]');
SELECT dynamo.transact_write_items(jsonb_build_array(jsonb_build_object('Put', jsonb_build_object('TableName', 'tx_s',
         'Item', jsonb_build_object('Id', 'q', 'pad', repeat('x', 409600))))));
-- 4 MB in all
SELECT dynamo.transact_write_items((SELECT jsonb_agg(jsonb_build_object('Put', jsonb_build_object('TableName', 'tx_s',
         'Item', jsonb_build_object('Id', 'big' || i, 'pad', repeat('x', 390000)))))
       FROM generate_series(1, 11) i));
SELECT count(*) AS big_items FROM dynamo_data.tx_s WHERE pk LIKE 'big%';
-- ClientRequestToken: 1 to 36 characters; the enums of execute()
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "q"}}}]', client_request_token => repeat('t', 37));
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "q"}}}]', client_request_token => '');
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [{"Put": {"TableName": "tx_s", "Item": {"Id": {"S": "q"}}}}], "ReturnConsumedCapacity": "BOGUS", "ReturnItemCollectionMetrics": "BOGUS2"}');
SELECT dynamo.execute('TransactGetItems', '{"TransactItems": [{"Get": {"TableName": "tx_s", "Key": {"Id": {"S": "q"}}}}], "ReturnConsumedCapacity": "BOGUS"}');
SELECT dynamo.execute('TransactGetItems', '{"TransactItems": [{"Put": {"TableName": "tx_s", "Item": {"Id": {"S": "q"}}}}]}');
SELECT dynamo.execute('TransactGetItems', '{"TransactItems": [{"Get": {"TableName": "tx_s", "Key": {"Id": {"S": "q"}}, "ProjectionExpression": "!!!"}}]}');
SELECT dynamo.execute('TransactGetItems', '{}');
SELECT dynamo.get_item('tx_s', '{"Id": "q"}') AS nothing_written;

------------------------------------------------------------------------
-- execute(): the response, with ConsumedCapacity (twice the units)
------------------------------------------------------------------------
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [
  {"Put": {"TableName": "tx_s", "Item": {"Id": {"S": "q"}, "n": {"N": "1"}}}},
  {"ConditionCheck": {"TableName": "tx_ns", "Key": {"id": {"N": "1"}, "at": {"S": "t1"}}, "ConditionExpression": "attribute_exists(v)"}}],
  "ReturnConsumedCapacity": "TOTAL", "ReturnItemCollectionMetrics": "NONE"}') AS response;
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [{"Delete": {"TableName": "tx_s", "Key": {"Id": {"S": "q"}}}}]}') AS response;

------------------------------------------------------------------------
-- ClientRequestToken: a retry returns the first response without effect
------------------------------------------------------------------------
SELECT dynamo.execute('TransactWriteItems', '{"ClientRequestToken": "token-1", "ReturnConsumedCapacity": "TOTAL", "TransactItems": [
  {"Update": {"TableName": "tx_s", "Key": {"Id": {"S": "new"}}, "UpdateExpression": "ADD bal :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}]}') AS first;
-- the same request, members in another order: a retry
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [
  {"Update": {"Key": {"Id": {"S": "new"}}, "TableName": "tx_s", "ExpressionAttributeValues": {":one": {"N": "1"}}, "UpdateExpression": "ADD bal :one"}}],
  "ReturnConsumedCapacity": "TOTAL", "ClientRequestToken": "token-1"}') AS retry;
SELECT dynamo.get_item('tx_s', '{"Id": "new"}') AS applied_once;
-- the token with another request
SELECT dynamo.execute('TransactWriteItems', '{"ClientRequestToken": "token-1", "TransactItems": [
  {"Update": {"TableName": "tx_s", "Key": {"Id": {"S": "new"}}, "UpdateExpression": "ADD bal :two", "ExpressionAttributeValues": {":two": {"N": "2"}}}}]}');
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "new"}, "UpdateExpression": "ADD bal :one", "ExpressionAttributeValues": {":one": 1}}}]', 'token-1');
-- the SQL function: same token and request, applied once
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "new"}, "UpdateExpression": "ADD bal :ten", "ExpressionAttributeValues": {":ten": 10}}}]', 'token-2');
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "new"}, "UpdateExpression": "ADD bal :ten", "ExpressionAttributeValues": {":ten": 10}}}]', 'token-2');
SELECT dynamo.get_item('tx_s', '{"Id": "new"}') AS applied_once;
-- a cancelled request keeps no token: its retry runs again
SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tx_s", "Item": {"Id": "new"}, "ConditionExpression": "bal > :n", "ExpressionAttributeValues": {":n": 100}}}]', 'token-3');
SELECT token, response FROM dynamo.transaction_tokens ORDER BY token;
-- after 10 minutes a token is new again
UPDATE dynamo.transaction_tokens SET created_at = created_at - interval '11 minutes' WHERE token = 'token-2';
SELECT dynamo.transact_write_items('[{"Update": {"TableName": "tx_s", "Key": {"Id": "new"}, "UpdateExpression": "ADD bal :ten", "ExpressionAttributeValues": {":ten": 10}}}]', 'token-2');
SELECT dynamo.get_item('tx_s', '{"Id": "new"}') AS applied_again;
SELECT token FROM dynamo.transaction_tokens ORDER BY token;

------------------------------------------------------------------------
-- The caller's transaction: a cancelled TransactWriteItems undoes only its
-- own writes; items and relational rows commit or roll back together
------------------------------------------------------------------------
CREATE TABLE invoices (order_id text PRIMARY KEY, amount numeric NOT NULL);
BEGIN;
INSERT INTO invoices VALUES ('before', 1);
SELECT dynamo.put_item('tx_s', '{"Id": "before"}');
DO $$
BEGIN
    PERFORM dynamo.transact_write_items('[
      {"Put": {"TableName": "tx_s", "Item": {"Id": "inside"}}},
      {"ConditionCheck": {"TableName": "tx_s", "Key": {"Id": "a"}, "ConditionExpression": "bal > :big", "ExpressionAttributeValues": {":big": 1000}}}]');
EXCEPTION WHEN SQLSTATE 'DY005' THEN
    RAISE NOTICE 'cancelled: %', SQLERRM;
END $$;
SELECT (SELECT count(*) FROM invoices) AS invoices,
       dynamo.get_item('tx_s', '{"Id": "before"}') AS before, dynamo.get_item('tx_s', '{"Id": "inside"}') AS inside;
COMMIT;
SELECT (SELECT count(*) FROM invoices) AS invoices, dynamo.get_item('tx_s', '{"Id": "before"}') AS before;
-- an order item and its invoice in one transaction: ROLLBACK undoes both
BEGIN;
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "tx_s", "Item": {"Id": "order-1", "total": 42.5}, "ConditionExpression": "attribute_not_exists(Id)"}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = bal - :t", "ExpressionAttributeValues": {":t": 2}}}]');
INSERT INTO invoices VALUES ('order-1', 42.5);
ROLLBACK;
SELECT (SELECT count(*) FROM invoices WHERE order_id = 'order-1') AS invoices,
       dynamo.get_item('tx_s', '{"Id": "order-1"}') AS order_item, dynamo.get_item('tx_s', '{"Id": "a"}') AS a;
-- ...and COMMIT keeps both
BEGIN;
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "tx_s", "Item": {"Id": "order-1", "total": 42.5}, "ConditionExpression": "attribute_not_exists(Id)"}},
  {"Update": {"TableName": "tx_s", "Key": {"Id": "a"}, "UpdateExpression": "SET bal = bal - :t", "ExpressionAttributeValues": {":t": 2}}}]');
INSERT INTO invoices VALUES ('order-1', 42.5);
COMMIT;
SELECT i.order_id, i.amount, o.item->'total' AS item_total
FROM invoices i JOIN dynamo_data.tx_s o ON o.pk = i.order_id;
SELECT dynamo.get_item('tx_s', '{"Id": "a"}') AS a;
