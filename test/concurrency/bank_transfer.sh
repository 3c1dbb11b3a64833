#!/usr/bin/env bash
# Bank transfers: CLIENTS clients run transact_write_items moving random
# amounts between ACCOUNTS accounts, each transfer conditioned on the source
# balance covering the amount.  Afterwards the total is unchanged and no
# balance is negative.  A transfer may only fail with
# TransactionCanceledException (SQLSTATE DY005): for a condition that does
# not hold, or, under REPEATABLE READ, for a conflict (TransactionConflict);
# any other error makes pgbench, and the test, fail.
. "$(dirname "$0")/lib.bash"
TX=${TX:-150}
ACCOUNTS=${ACCOUNTS:-20}
START=100
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_q -v accounts="$ACCOUNTS" -v start="$START" <<'SQL'
SELECT dynamo.create_table('Bank', 'Id') IS NOT NULL;
SELECT dynamo.batch_write_item(jsonb_build_object('Bank',
    (SELECT jsonb_agg(jsonb_build_object('PutRequest', jsonb_build_object('Item',
                jsonb_build_object('Id', 'acct-' || i, 'balance', :start))))
     FROM generate_series(1, :accounts) i))) IS NOT NULL;
CREATE TABLE outcomes (src text, dst text, amount int, isolation text NOT NULL, outcome text NOT NULL);
-- One transfer; its outcome is recorded.  Only DY005 is caught.
CREATE FUNCTION transfer(src text, dst text, amount int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dynamo.transact_write_items(jsonb_build_array(
        jsonb_build_object('Update', jsonb_build_object(
            'TableName', 'Bank', 'Key', jsonb_build_object('Id', src),
            'UpdateExpression', 'SET balance = balance - :a',
            'ConditionExpression', 'balance >= :a',
            'ExpressionAttributeValues', jsonb_build_object(':a', amount))),
        jsonb_build_object('Update', jsonb_build_object(
            'TableName', 'Bank', 'Key', jsonb_build_object('Id', dst),
            'UpdateExpression', 'SET balance = balance + :a',
            'ConditionExpression', 'attribute_exists(Id)',
            'ExpressionAttributeValues', jsonb_build_object(':a', amount)))));
    INSERT INTO outcomes VALUES (src, dst, amount, current_setting('transaction_isolation'), 'applied');
EXCEPTION WHEN SQLSTATE 'DY005' THEN
    INSERT INTO outcomes VALUES (src, dst, amount, current_setting('transaction_isolation'),
        CASE WHEN SQLERRM LIKE '%TransactionConflict%' THEN 'conflict' ELSE 'condition' END);
END $$;
SQL
cat >"$work/transfer.sql" <<SQL
\\set src random(1, $ACCOUNTS)
\\set off random(1, $((ACCOUNTS - 1)))
\\set amount random(1, 60)
SELECT transfer('acct-' || :src, 'acct-' || ((:src + :off - 1) % $ACCOUNTS + 1), :amount);
SQL

total="SELECT sum((item->>'balance')::numeric) FROM dynamo_data.\"Bank\""
negative="SELECT count(*) FROM dynamo_data.\"Bank\" WHERE (item->>'balance')::numeric < 0"

echo "bank transfer: $CLIENTS clients x $TX transfers over $ACCOUNTS accounts, read committed"
bench "$work/transfer.sql" "$TX"
expect "total after read committed" "$(psql_q -c "$total")" $((ACCOUNTS * START))
expect "negative balances" "$(psql_q -c "$negative")" 0

echo "bank transfer: the same under repeatable read (conflicts cancel as TransactionConflict)"
PGOPTIONS="-c default_transaction_isolation=repeatable\\ read" bench "$work/transfer.sql" "$TX"
expect "total after repeatable read" "$(psql_q -c "$total")" $((ACCOUNTS * START))
expect "negative balances" "$(psql_q -c "$negative")" 0

expect "outcomes recorded" "$(psql_q -c 'SELECT count(*) FROM outcomes')" $((2 * CLIENTS * TX))
expect "some transfers applied" "$(psql_q -c "SELECT count(*) > 0 FROM outcomes WHERE outcome = 'applied'")" t
psql_q -c "SELECT isolation, outcome, count(*) FROM outcomes GROUP BY 1, 2 ORDER BY 1, 2"
# every account holds what the applied transfers say: no update was lost
expect "accounts off the ledger of applied transfers" "$(psql_q -c "
	SELECT count(*) FROM dynamo_data.\"Bank\" b
	WHERE (b.item->>'balance')::numeric <> $START
	    - coalesce((SELECT sum(amount) FROM outcomes WHERE outcome = 'applied' AND src = b.pk), 0)
	    + coalesce((SELECT sum(amount) FROM outcomes WHERE outcome = 'applied' AND dst = b.pk), 0)")" 0
# locking in (table, key) order: transfers never deadlock on each other
expect "conflicts under read committed" \
	"$(psql_q -c "SELECT count(*) FROM outcomes WHERE isolation = 'read committed' AND outcome = 'conflict'")" 0
