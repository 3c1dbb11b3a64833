-- transactions: TransactWriteItems is all or nothing inside the caller's
-- transaction; a cancelled one undoes only its own writes and leaves the
-- transaction usable; items and relational rows commit or roll back
-- together; ClientRequestToken makes retries idempotent; batches too run in
-- the caller's transaction.
BEGIN;
SELECT plan(26);

SELECT lives_ok($$SELECT dynamo.create_table('tap_tx', 'Id')$$, 'create the table');
SELECT lives_ok($$SELECT dynamo.batch_write_item('{"tap_tx": [{"PutRequest": {"Item": {"Id": "alice", "bal": 100}}},
                                                             {"PutRequest": {"Item": {"Id": "bob", "bal": 0}}}]}')$$,
                'open two accounts with a batch');
CREATE TABLE tap_invoices (order_id text PRIMARY KEY, amount numeric NOT NULL);

-- A transfer: debit only when the balance covers it
CREATE FUNCTION pg_temp.transfer(src text, dst text, amount int, token text DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
    SELECT dynamo.transact_write_items(jsonb_build_array(
        jsonb_build_object('Update', jsonb_build_object('TableName', 'tap_tx', 'Key', jsonb_build_object('Id', src),
            'UpdateExpression', 'SET bal = bal - :a', 'ConditionExpression', 'bal >= :a',
            'ExpressionAttributeValues', jsonb_build_object(':a', amount))),
        jsonb_build_object('Update', jsonb_build_object('TableName', 'tap_tx', 'Key', jsonb_build_object('Id', dst),
            'UpdateExpression', 'SET bal = bal + :a', 'ExpressionAttributeValues', jsonb_build_object(':a', amount)))),
        token)
$$;
CREATE FUNCTION pg_temp.balances() RETURNS jsonb LANGUAGE sql AS $$
    SELECT dynamo.transact_get_items('[{"Get": {"TableName": "tap_tx", "Key": {"Id": "alice"}, "ProjectionExpression": "bal"}},
                                       {"Get": {"TableName": "tap_tx", "Key": {"Id": "bob"}, "ProjectionExpression": "bal"}}]')
$$;

-- all applied
SELECT lives_ok($$SELECT pg_temp.transfer('alice', 'bob', 30)$$, 'a covered transfer');
SELECT is(pg_temp.balances(), '[{"bal": 70}, {"bal": 30}]', 'both sides changed');

-- none applied
SELECT throws_ok($$SELECT pg_temp.transfer('bob', 'alice', 31)$$, 'DY005',
                 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]',
                 'an uncovered transfer is cancelled');
SELECT is(pg_temp.balances(), '[{"bal": 70}, {"bal": 30}]', 'neither side changed');

-- the reasons, in errdetail
CREATE FUNCTION pg_temp.reasons(sql text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    detail text;
BEGIN
    EXECUTE sql;
    RETURN NULL;
EXCEPTION WHEN SQLSTATE 'DY005' THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN detail::jsonb;
END $$;
SELECT is(pg_temp.reasons($$SELECT dynamo.transact_write_items('[
            {"ConditionCheck": {"TableName": "tap_tx", "Key": {"Id": "bob"}, "ConditionExpression": "bal > :n",
                                "ExpressionAttributeValues": {":n": 1000}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
            {"Put": {"TableName": "tap_tx", "Item": {"Id": "carol"}}}]')$$),
          '{"CancellationReasons": [{"Code": "ConditionalCheckFailed", "Message": "The conditional request failed", "Item": {"Id": "bob", "bal": 30}},
                                    {"Code": "None"}]}',
          'one reason per action, the failed condition with the item');
SELECT is(dynamo.get_item('tap_tx', '{"Id": "carol"}'), NULL, 'the put of the cancelled transaction is undone');

-- the caller's transaction stays usable, its earlier work intact
SAVEPOINT before_mixed;
INSERT INTO tap_invoices VALUES ('inv-0', 1);
SELECT lives_ok($$SELECT dynamo.put_item('tap_tx', '{"Id": "dave"}')$$, 'an item written before');
SELECT is(pg_temp.reasons($$SELECT pg_temp.transfer('bob', 'alice', 500)$$) -> 'CancellationReasons' -> 0 ->> 'Code',
          'ConditionalCheckFailed', 'a cancelled transfer, caught');
SELECT is((SELECT count(*) FROM tap_invoices), 1::bigint, 'the relational row written before stays');
SELECT is(dynamo.get_item('tap_tx', '{"Id": "dave"}'), '{"Id": "dave"}', 'the item written before stays');
SELECT lives_ok($$SELECT pg_temp.transfer('alice', 'bob', 10)$$, 'the transaction goes on');
SELECT is(pg_temp.balances(), '[{"bal": 60}, {"bal": 40}]', 'and sees its own writes');
ROLLBACK TO SAVEPOINT before_mixed;

-- an order item and its invoice: ROLLBACK undoes both, COMMIT (here: RELEASE) keeps both
SAVEPOINT order_placed;
SELECT lives_ok($$SELECT dynamo.transact_write_items('[
    {"Put": {"TableName": "tap_tx", "Item": {"Id": "order-1", "total": 25}, "ConditionExpression": "attribute_not_exists(Id)"}},
    {"Update": {"TableName": "tap_tx", "Key": {"Id": "alice"}, "UpdateExpression": "SET bal = bal - :t", "ConditionExpression": "bal >= :t",
                "ExpressionAttributeValues": {":t": 25}}}]')$$, 'write the order item and charge the customer');
INSERT INTO tap_invoices VALUES ('order-1', 25);
ROLLBACK TO SAVEPOINT order_placed;
SELECT is(dynamo.get_item('tap_tx', '{"Id": "order-1"}'), NULL, 'rolled back: no order item');
SELECT is((SELECT count(*) FROM tap_invoices), 0::bigint, 'rolled back: no invoice');
SELECT is(pg_temp.balances(), '[{"bal": 70}, {"bal": 30}]', 'rolled back: no charge');
SAVEPOINT order_kept;
SELECT lives_ok($$SELECT pg_temp.transfer('alice', 'bob', 5)$$, 'charge again');
INSERT INTO tap_invoices VALUES ('order-2', 5);
RELEASE SAVEPOINT order_kept;
SELECT is(pg_temp.balances(), '[{"bal": 65}, {"bal": 35}]', 'kept: the charge');
SELECT is((SELECT count(*) FROM tap_invoices), 1::bigint, 'kept: the invoice');

-- ClientRequestToken
SELECT lives_ok($$SELECT pg_temp.transfer('alice', 'bob', 1, 'tap-token')$$, 'a transfer with a token');
SELECT lives_ok($$SELECT pg_temp.transfer('alice', 'bob', 1, 'tap-token')$$, 'its retry');
SELECT is(pg_temp.balances(), '[{"bal": 64}, {"bal": 36}]', 'applied once');
SELECT throws_ok($$SELECT pg_temp.transfer('alice', 'bob', 2, 'tap-token')$$, 'DY008', NULL,
                 'the token with another request: IdempotentParameterMismatchException');
SELECT throws_ok($$SELECT dynamo.transact_write_items('[{"Put": {"TableName": "tap_tx", "Item": {"Id": "x"}}},
                                                        {"Delete": {"TableName": "tap_tx", "Key": {"Id": "x"}}}]')$$,
                 'DY001', 'Transaction request cannot include multiple operations on one item', 'one item twice');

SELECT * FROM finish();
ROLLBACK;
