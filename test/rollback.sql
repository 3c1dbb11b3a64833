-- rollback: every operation runs inside the caller's transaction, so a
-- ROLLBACK (here: ROLLBACK TO SAVEPOINT, the test itself being one
-- transaction) undoes puts, deletes, create_table and delete_table; a failed
-- operation leaves what was there before.
BEGIN;
SELECT plan(27);

-- create_table undone
SAVEPOINT before_create;
SELECT lives_ok($$SELECT dynamo.create_table('tap_rollback', 'pk')$$, 'create a table');
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"pk": "a"}')$$, 'put into it');
ROLLBACK TO SAVEPOINT before_create;
SELECT throws_ok($$SELECT dynamo.describe_table('tap_rollback')$$, 'DY002', NULL, 'the rolled back table is gone');
SELECT throws_ok($$SELECT dynamo.get_item('tap_rollback', '{"pk": "a"}')$$, 'DY002', NULL, '...for item operations too (no stale cache)');
SELECT is(to_regclass('dynamo_data.tap_rollback'), NULL, '...and so is its item table');
SELECT is((SELECT count(*) FROM dynamo.tables WHERE table_name = 'tap_rollback'), 0::bigint, '...and its catalog row');

-- the name is free again, for another key schema, in the same transaction
SELECT lives_ok($$SELECT dynamo.create_table('tap_rollback', 'id', 'N')$$, 'create it again with a number key');
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 1, "v": "one"}')$$, 'put with the new key schema');
SELECT throws_ok($$SELECT dynamo.put_item('tap_rollback', '{"pk": "a"}')$$, 'DY001',
                 'One or more parameter values were invalid: Missing the key id in the item', 'the old key schema is refused');
SELECT is(dynamo.get_item('tap_rollback', '{"id": 1}'), '{"id": 1, "v": "one"}', 'get with the new key schema');

-- puts and deletes undone
SAVEPOINT before_writes;
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 2, "v": "two"}')$$, 'put a new item');
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 1, "v": "replaced"}')$$, 'replace an item');
SELECT lives_ok($$SELECT dynamo.execute('DeleteItem', '{"TableName": "tap_rollback", "Key": {"id": {"N": "1"}}}')$$, 'delete it');
SELECT is(dynamo.get_item('tap_rollback', '{"id": 1}'), NULL, 'deleted, as this transaction sees it');
ROLLBACK TO SAVEPOINT before_writes;
SELECT is(dynamo.get_item('tap_rollback', '{"id": 1}'), '{"id": 1, "v": "one"}', 'the delete and the replacement are undone');
SELECT is(dynamo.get_item('tap_rollback', '{"id": 2}'), NULL, 'the new item is undone');

-- a failed put leaves existing data intact; earlier puts stay
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 3, "v": "three"}')$$, 'an earlier put');
SELECT throws_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 1, "v": {"$NS": []}}')$$, 'DY001', NULL, 'a put of an invalid item fails');
SELECT throws_ok($$SELECT dynamo.put_item('tap_rollback', jsonb_build_object('id', 1, 'v', repeat('x', 409600)))$$,
                 'DY001', 'Item size has exceeded the maximum allowed size', 'a put of a too large item fails');
SELECT throws_ok($$SELECT dynamo.execute('PutItem', '{"TableName": "tap_rollback", "Item": {"id": {"N": "1"}, "v": {"N": "1e999"}}}')$$,
                 'DY001', NULL, 'a put of a number out of range fails');
SELECT is(dynamo.get_item('tap_rollback', '{"id": 1}'), '{"id": 1, "v": "one"}', 'the item the failed puts aimed at is intact');
SELECT is(dynamo.get_item('tap_rollback', '{"id": 3}'), '{"id": 3, "v": "three"}', 'the earlier put stays');

-- a savepoint rolled back after a failed put: earlier puts stay, later ones go
SAVEPOINT before_batch;
SELECT lives_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": 4}')$$, 'a put in the batch');
SELECT throws_ok($$SELECT dynamo.put_item('tap_rollback', '{"id": "four"}')$$, 'DY001', NULL, 'a failed put in the batch');
ROLLBACK TO SAVEPOINT before_batch;
SELECT results_eq($$SELECT pk FROM dynamo_data.tap_rollback ORDER BY pk$$, ARRAY[1, 3]::numeric[],
                  'the batch is undone, what came before it stays');

-- delete_table undone: the table, its items and its cache entry come back
SAVEPOINT before_drop;
SELECT lives_ok($$SELECT dynamo.delete_table('tap_rollback')$$, 'delete the table');
ROLLBACK TO SAVEPOINT before_drop;
SELECT is(dynamo.get_item('tap_rollback', '{"id": 3}'), '{"id": 3, "v": "three"}', 'the deleted table and its items are back');

SELECT * FROM finish();
ROLLBACK;
