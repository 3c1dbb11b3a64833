#!/usr/bin/env bash
# repeatable_read_races: calls made under REPEATABLE READ that race another
# session answer as DynamoDB does, not with 42P07, 23505 or 40001.
#
#   - CreateTable racing another session's uncommitted create of the name:
#     ResourceInUseException once the other commits
#   - TransactWriteItems racing a request with the same ClientRequestToken:
#     the first request's answer for the same payload, and
#     IdempotentParameterMismatchException for another payload
#   - an UpdateItem through execute() whose item another session updates
#     meanwhile, in a single-statement transaction: TransactionConflictException;
#     in the caller's own BEGIN ... COMMIT block the caller's transaction is
#     lost, and PostgreSQL's 40001 says so (documented in the README)
set -euo pipefail
. "$(dirname "$0")/lib.bash"

: "${PGDATABASE:?set PGDATABASE to a database with pg_dynamo}"
work=$(mktemp -d "${TMPDIR:-/tmp}/qa_rr.XXXXXX")
run=$$-$RANDOM   # tokens live 10 minutes: unique ones per run

session_a_start
cleanup() {
	local status=$?
	session_a_stop
	for t in qa_rr_create qa_rr_create2 qa_rr_items; do
		psql_q -c "SELECT dynamo.delete_table('$t')" >/dev/null 2>&1 || true
	done
	rm -rf "$work"
	exit "$status"
}
trap cleanup EXIT


# race NAME A_SQL B_SQL PATTERN: A runs A_SQL in an open transaction; B
# runs B_SQL (a psql script) under REPEATABLE READ with its snapshot taken
# before A commits, and waits for A; A commits; B's output must match
race() {
	local name=$1 a_sql=$2 b_sql=$3 pattern=$4
	a "BEGIN"
	a "$a_sql"
	local a_out=$A_OUT
	{
		echo "\\set VERBOSITY sqlstate"
		echo "SET default_transaction_isolation = 'repeatable read';"
		echo "$b_sql"
	} >"$work/b.sql"
	PGAPPNAME=qa_rr_b "$PGBIN/psql" -X -q -A -t -f "$work/b.sql" >"$work/b.out" 2>&1 &
	local b_pid=$!
	for i in $(seq 1 300); do
		[ "$(psql_q -c "SELECT count(*) FROM pg_stat_activity
			WHERE application_name = 'qa_rr_b' AND wait_event_type = 'Lock'")" = 1 ] && break
		if [ "$i" = 300 ]; then
			echo "FAIL: session B never waited for A"
			echo "    A: $a_out"
			echo "    B: $(tr '\n' ' ' <"$work/b.out")"
			exit 1
		fi
		sleep 0.1
	done
	a "COMMIT"
	wait "$b_pid" || true
	expect_match "$name" "$(tr '\n' ' ' <"$work/b.out")" "$pattern"
}

in_use=$(psql_q -c "SELECT sqlstate FROM dynamo.exceptions() WHERE exception = 'ResourceInUseException'")
mismatch=$(psql_q -c "SELECT sqlstate FROM dynamo.exceptions() WHERE exception = 'IdempotentParameterMismatchException'")
conflict=$(psql_q -c "SELECT sqlstate FROM dynamo.exceptions() WHERE exception = 'TransactionConflictException'")

echo "# CreateTable against another session's uncommitted create"
race "create_table" "SELECT dynamo.create_table('qa_rr_create', 'pk') IS NOT NULL" \
	"BEGIN; SELECT 1; SELECT dynamo.create_table('qa_rr_create', 'pk'); COMMIT;" "ERROR: +$in_use"
race "execute CreateTable" "SELECT dynamo.create_table('qa_rr_create2', 'pk') IS NOT NULL" \
	"BEGIN; SELECT 1; SELECT dynamo.execute('CreateTable', '{\"TableName\": \"qa_rr_create2\", \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}], \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}], \"BillingMode\": \"PAY_PER_REQUEST\"}'); COMMIT;" \
	"ERROR: +$in_use"
expect "tables named qa_rr_create%" "$(psql_q -c "SELECT count(*) FROM dynamo.tables WHERE table_name LIKE 'qa_rr_create%'")" 2

echo "# TransactWriteItems with the same ClientRequestToken"
psql_q -c "SELECT dynamo.create_table('qa_rr_items', 'pk')" >/dev/null
items='[{"Update": {"TableName": "qa_rr_items", "Key": {"pk": "c"}, "UpdateExpression": "ADD n :one", "ExpressionAttributeValues": {":one": 1}}}]'
other='[{"Update": {"TableName": "qa_rr_items", "Key": {"pk": "c"}, "UpdateExpression": "ADD n :two", "ExpressionAttributeValues": {":two": 2}}}]'
race "same token, same request: the first answer" \
	"SELECT dynamo.transact_write_items('$items', 'qa-token-1-$run')" \
	"BEGIN; SELECT 1; SELECT 'answered' FROM dynamo.transact_write_items('$items', 'qa-token-1-$run'); COMMIT;" '^1 answered $'
race "same token, another request: IdempotentParameterMismatchException" \
	"SELECT dynamo.transact_write_items('$items', 'qa-token-2-$run')" \
	"BEGIN; SELECT 1; SELECT dynamo.transact_write_items('$other', 'qa-token-2-$run'); COMMIT;" "ERROR: +$mismatch"
tx="SELECT dynamo.execute('TransactWriteItems', '{\"ClientRequestToken\": \"qa-token-3-$run\", \"TransactItems\": [{\"Update\": {\"TableName\": \"qa_rr_items\", \"Key\": {\"pk\": {\"S\": \"c\"}}, \"UpdateExpression\": \"ADD n :one\", \"ExpressionAttributeValues\": {\":one\": {\"N\": \"1\"}}}}]}')"
race "execute, same token, same request" "$tx" "$tx;" '^\{\} $'
expect "each token applied once" "$(psql_q -c "SELECT dynamo.get_item('qa_rr_items', '{\"pk\": \"c\"}') ->> 'n'")" 3

echo "# UpdateItem on an item updated meanwhile"
upd="SELECT dynamo.execute('UpdateItem', '{\"TableName\": \"qa_rr_items\", \"Key\": {\"pk\": {\"S\": \"c\"}}, \"UpdateExpression\": \"ADD n :one\", \"ExpressionAttributeValues\": {\":one\": {\"N\": \"1\"}}}');"
race "single statement: TransactionConflictException" \
	"SELECT dynamo.update_item('qa_rr_items', '{\"pk\": \"c\"}', 'ADD n :one', expression_attribute_values => '{\":one\": 1}') IS NULL" \
	"$upd" "ERROR: +$conflict"
race "inside the caller's transaction block: 40001" \
	"SELECT dynamo.update_item('qa_rr_items', '{\"pk\": \"c\"}', 'ADD n :one', expression_attribute_values => '{\":one\": 1}') IS NULL" \
	"BEGIN; SELECT 1; $upd COMMIT;" "ERROR: +40001"
expect "updates applied" "$(psql_q -c "SELECT dynamo.get_item('qa_rr_items', '{\"pk\": \"c\"}') ->> 'n'")" 5
echo "# all checks passed"
