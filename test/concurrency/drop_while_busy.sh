#!/usr/bin/env bash
# drop_while_busy: a call that waits for a table another session is
# deleting answers ResourceNotFoundException once the delete commits (or
# works on the table recreated under the same name), never a raw
# PostgreSQL error (XX000 "could not open relation", 42P01).
#
# Part 1, one call at a time: session A deletes the table in an open
# transaction; session B starts the call, which waits for A's lock; A
# commits; B's answer is checked.  Every door: ergonomic functions and
# execute(), item reads and writes, Query, Scan, batches, transactions.
# Part 2, a short storm: clients calling while another session deletes and
# recreates the table; every error they get must be a DynamoDB exception
# (class DY).  ROUNDS (default 20) sets the storm's length.
set -euo pipefail
. "$(dirname "$0")/lib.bash"

: "${PGDATABASE:?set PGDATABASE to a database with pg_dynamo}"
table=qa_drop_busy
rounds=${ROUNDS:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/qa_drop_busy.XXXXXX")

session_a_start
cleanup() {
	local status=$?
	session_a_stop
	psql_q -c "SELECT dynamo.delete_table('$table')" >/dev/null 2>&1 || true
	rm -rf "$work"
	exit "$status"
}
trap cleanup EXIT


# A fresh table holding item a
fresh_table() {
	psql_q -c "SELECT dynamo.delete_table('$table')" >/dev/null 2>&1 || true
	psql_q -c "SELECT dynamo.create_table('$table', 'pk')" >/dev/null
	psql_q -c "SELECT dynamo.put_item('$table', '{\"pk\": \"a\", \"n\": 1}')" >/dev/null
}

# Wait until session B (application_name qa_drop_busy_b) waits for a lock
wait_for_lock() {
	for _ in $(seq 1 300); do
		if [ "$(psql_q -c "SELECT count(*) FROM pg_stat_activity
			WHERE application_name = 'qa_drop_busy_b' AND wait_event_type = 'Lock'")" = 1 ]; then
			return 0
		fi
		sleep 0.1
	done
	echo "FAIL: session B never waited for the delete's lock"
	exit 1
}

# busy NAME AFTER SQL PATTERN: B runs SQL while A deletes (AFTER: "delete"
# or "recreate"); B's output must match PATTERN
busy() {
	local name=$1 after=$2 sql=$3 pattern=$4
	fresh_table
	a "BEGIN"
	a "SELECT dynamo.delete_table('$table') IS NOT NULL"
	[ "$after" = recreate ] && a "SELECT dynamo.create_table('$table', 'pk') IS NOT NULL"
	PGAPPNAME=qa_drop_busy_b "$PGBIN/psql" -X -q -A -t -c "$sql" >"$work/b.out" 2>&1 &
	local b_pid=$!
	wait_for_lock
	a "COMMIT"
	wait "$b_pid" || true
	expect_match "$name" "$(tr '\n' ' ' <"$work/b.out")" "$pattern"
}

gone='ERROR: +Requested resource not found'
t=$table
echo "# part 1: one call waiting for a delete"
busy "get_item" delete "SELECT dynamo.get_item('$t', '{\"pk\": \"a\"}')" "$gone"
busy "put_item" delete "SELECT dynamo.put_item('$t', '{\"pk\": \"b\"}')" "$gone"
busy "conditional put_item" delete \
	"SELECT dynamo.put_item('$t', '{\"pk\": \"b\"}', condition_expression => 'attribute_not_exists(pk)')" "$gone"
busy "update_item" delete \
	"SELECT dynamo.update_item('$t', '{\"pk\": \"a\"}', 'SET n = n + :one', expression_attribute_values => '{\":one\": 1}')" "$gone"
busy "delete_item" delete "SELECT dynamo.delete_item('$t', '{\"pk\": \"a\"}')" "$gone"
busy "query" delete \
	"SELECT count(*) FROM dynamo.query('$t', 'pk = :p', expression_attribute_values => '{\":p\": \"a\"}')" "$gone"
busy "scan" delete "SELECT count(*) FROM dynamo.scan('$t')" "$gone"
busy "batch_get_item" delete "SELECT dynamo.batch_get_item('{\"$t\": {\"Keys\": [{\"pk\": \"a\"}]}}')" "$gone"
busy "batch_write_item" delete \
	"SELECT dynamo.batch_write_item('{\"$t\": [{\"PutRequest\": {\"Item\": {\"pk\": \"c\"}}}]}')" "$gone"
busy "transact_get_items" delete \
	"SELECT dynamo.transact_get_items('[{\"Get\": {\"TableName\": \"$t\", \"Key\": {\"pk\": \"a\"}}}]')" "$gone"
busy "transact_write_items" delete \
	"SELECT dynamo.transact_write_items('[{\"Put\": {\"TableName\": \"$t\", \"Item\": {\"pk\": \"d\"}}}]')" "$gone"
busy "execute GetItem" delete \
	"SELECT dynamo.execute('GetItem', '{\"TableName\": \"$t\", \"Key\": {\"pk\": {\"S\": \"a\"}}}')" "$gone"
busy "execute PutItem" delete \
	"SELECT dynamo.execute('PutItem', '{\"TableName\": \"$t\", \"Item\": {\"pk\": {\"S\": \"e\"}}}')" "$gone"
busy "execute Query" delete \
	"SELECT dynamo.execute('Query', '{\"TableName\": \"$t\", \"KeyConditionExpression\": \"pk = :p\", \"ExpressionAttributeValues\": {\":p\": {\"S\": \"a\"}}}')" "$gone"
busy "execute TransactWriteItems" delete \
	"SELECT dynamo.execute('TransactWriteItems', '{\"TransactItems\": [{\"Put\": {\"TableName\": \"$t\", \"Item\": {\"pk\": {\"S\": \"f\"}}}}]}')" "$gone"
busy "get_item on the table recreated meanwhile" recreate \
	"SELECT coalesce(dynamo.get_item('$t', '{\"pk\": \"a\"}')::text, 'no item')" '^no item $'
busy "put_item into the table recreated meanwhile" recreate \
	"SELECT coalesce(dynamo.put_item('$t', '{\"pk\": \"g\"}')::text, 'put')" '^put $'

echo "# part 2: $rounds deletes and recreates under ${CLIENTS} busy clients"
fresh_table
clients=()
psql_q <<SQL
CREATE OR REPLACE FUNCTION public.qa_try(statement text) RETURNS text LANGUAGE plpgsql AS \$\$
BEGIN
  EXECUTE statement;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END \$\$;
SQL
for c in $(seq 1 "$CLIENTS"); do
	for i in $(seq 1 $((rounds * 15))); do
		case $((i % 6)) in
			0) echo "SELECT qa_try(\$q\$SELECT dynamo.get_item('$t', '{\"pk\": \"k$((i % 7))\"}')\$q\$);" ;;
			1) echo "SELECT qa_try(\$q\$SELECT dynamo.put_item('$t', '{\"pk\": \"k$((i % 7))\", \"c\": $c}')\$q\$);" ;;
			2) echo "SELECT qa_try(\$q\$SELECT dynamo.update_item('$t', '{\"pk\": \"k$((i % 7))\"}', 'ADD n :one', expression_attribute_values => '{\":one\": 1}')\$q\$);" ;;
			3) echo "SELECT qa_try(\$q\$SELECT count(*) FROM dynamo.query('$t', 'pk = :p', expression_attribute_values => '{\":p\": \"k1\"}')\$q\$);" ;;
			4) echo "SELECT qa_try(\$q\$SELECT dynamo.execute('PutItem', '{\"TableName\": \"$t\", \"Item\": {\"pk\": {\"S\": \"x$c\"}}}')\$q\$);" ;;
			5) echo "SELECT qa_try(\$q\$SELECT dynamo.batch_write_item('{\"$t\": [{\"DeleteRequest\": {\"Key\": {\"pk\": \"k$((i % 7))\"}}}]}')\$q\$);" ;;
		esac
	done >"$work/client$c.sql"
	"$PGBIN/psql" -X -q -A -t -f "$work/client$c.sql" >"$work/client$c.out" 2>&1 &
	clients+=($!)
done
for r in $(seq 1 "$rounds"); do
	psql_q -c "SELECT dynamo.delete_table('$t')" >/dev/null 2>&1 || true
	psql_q -c "SELECT dynamo.create_table('$t', 'pk')" >/dev/null 2>&1 || true
done
wait "${clients[@]}"
calls=$(cat "$work"/client*.out | wc -l)
ok=$(cat "$work"/client*.out | grep -c '^ok$' || true)
dynamo=$(cat "$work"/client*.out | grep -c '^DY' || true)
raw=$(cat "$work"/client*.out | grep -v '^ok$' | grep -vc '^DY' || true)
echo "calls: $calls, ok: $ok, DynamoDB exceptions: $dynamo, raw errors: $raw"
if [ "$raw" -ne 0 ]; then
	cat "$work"/client*.out | grep -v '^ok$' | grep -v '^DY' | sort | uniq -c | head -20
	echo "FAIL: raw PostgreSQL errors reached the callers"
	exit 1
fi
expect "calls made" "$calls" $((CLIENTS * rounds * 15))
psql_q -c "DROP FUNCTION public.qa_try(text)"
echo "# all checks passed"
