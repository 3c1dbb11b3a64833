#!/usr/bin/env bash
# cache_invalidation: a backend's cached table metadata and prepared plans
# follow the table when another session deletes and recreates it.
#
# Session A is one long-lived psql (a coprocess), so its backend -- and its
# cache -- lives through the whole test; session B is a fresh psql for each
# step. Uses PGHOST PGPORT PGUSER PGDATABASE (a database with pg_dynamo).
# Prints each check; exits non-zero at the first failure.
set -euo pipefail
. "$(dirname "$0")/lib.bash"

: "${PGDATABASE:?set PGDATABASE to a database with pg_dynamo}"
table=qa_cache_invalidation

# Session B: one statement in a fresh session; the output, errors included
b() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" 2>&1
}

session_a_start
cleanup() {
	local status=$?
	session_a_stop
	b "SELECT dynamo.delete_table('$table')" >/dev/null 2>&1 || true
	exit "$status"
}
trap cleanup EXIT


# check_a NAME SQL PATTERN: run SQL in session A, check its output
check_a() {
	a "$2"
	expect_match "$1" "$A_OUT" "$3"
}

echo "# session B creates $table with a string key pk"
b "SELECT dynamo.delete_table('$table')" >/dev/null 2>&1 || true
expect_match "B creates the table" "$(b "SELECT dynamo.create_table('$table', 'pk') ->> 'TableStatus'")" '^CREATING$'

echo "# session A caches the table: metadata and every item plan"
a "SELECT pg_backend_pid()"
pid_before=$A_OUT
check_a "A puts an item" "SELECT coalesce(dynamo.put_item('$table', '{\"pk\": \"a\", \"v\": 1}')::text, 'NULL')" '^NULL$'
check_a "A puts with ALL_OLD (lock plan)" \
	"SELECT dynamo.put_item('$table', '{\"pk\": \"a\", \"v\": 2}', return_values => 'ALL_OLD')" '"v": 1'
check_a "A gets it" "SELECT dynamo.get_item('$table', '{\"pk\": \"a\"}')" '"pk": "a"'
check_a "A deletes another key (delete plan)" \
	"SELECT coalesce(dynamo.delete_item('$table', '{\"pk\": \"zz\"}')::text, 'NULL')" '^NULL$'
check_a "A reads through execute()" \
	"SELECT dynamo.execute('GetItem', '{\"TableName\": \"$table\", \"Key\": {\"pk\": {\"S\": \"a\"}}}')" '"v": \{"N": "2"\}'

echo "# session B sees A's committed item, then deletes the table and recreates it with a number key id and a sort key at"
expect_match "B reads A's item" "$(b "SELECT dynamo.get_item('$table', '{\"pk\": \"a\"}') ->> 'v'")" '^2$'
expect_match "B deletes the table" "$(b "SELECT dynamo.delete_table('$table') ->> 'TableStatus'")" '^DELETING$'
expect_match "B recreates it" "$(b "SELECT dynamo.create_table('$table', 'id', 'N', 'at', 'S') -> 'KeySchema' -> 0 ->> 'AttributeName'")" '^id$'

echo "# session A now works with the new key schema"
check_a "A is still the same backend" "SELECT pg_backend_pid()" "^${pid_before}\$"
check_a "A puts an item valid only under the new schema" \
	"SELECT coalesce(dynamo.put_item('$table', '{\"id\": 1, \"at\": \"x\", \"v\": \"new\"}')::text, 'NULL')" '^NULL$'
check_a "A's put with the old key shape fails with ValidationException" \
	"SELECT dynamo.put_item('$table', '{\"pk\": \"a\"}')" 'ERROR: +One or more parameter values were invalid: Missing the key id in the item'
check_a "A's get with the old key shape fails with ValidationException" \
	"SELECT dynamo.get_item('$table', '{\"pk\": \"a\"}')" 'ERROR: +The provided key element does not match the schema'
check_a "A's typed get with the old key shape fails too" \
	"SELECT dynamo.execute('GetItem', '{\"TableName\": \"$table\", \"Key\": {\"pk\": {\"S\": \"a\"}}}')" \
	'ERROR: +The provided key element does not match the schema'
check_a "A gets the new item" "SELECT dynamo.get_item('$table', '{\"id\": 1, \"at\": \"x\"}') ->> 'v'" '^new$'
check_a "A replaces it with ALL_OLD" \
	"SELECT dynamo.put_item('$table', '{\"id\": 1, \"at\": \"x\", \"v\": \"newer\"}', return_values => 'ALL_OLD') ->> 'v'" '^new$'
check_a "A deletes it with ALL_OLD" \
	"SELECT dynamo.delete_item('$table', '{\"id\": 1, \"at\": \"x\"}', return_values => 'ALL_OLD') ->> 'v'" '^newer$'
check_a "A describes the new key schema" \
	"SELECT dynamo.describe_table('$table') -> 'KeySchema'" '"AttributeName": "id".*"AttributeName": "at"'

echo "# session B deletes the table: A sees ResourceNotFoundException"
expect_match "B deletes the table" "$(b "SELECT dynamo.delete_table('$table') ->> 'TableStatus'")" '^DELETING$'
check_a "A's put fails with ResourceNotFoundException" \
	"SELECT dynamo.put_item('$table', '{\"id\": 1, \"at\": \"x\"}')" 'ERROR: +Requested resource not found'
check_a "A's describe fails with ResourceNotFoundException" \
	"SELECT dynamo.describe_table('$table')" "ERROR: +Requested resource not found: Table: $table not found"

echo "# session B recreates the table with the same key schema: A's plans must not point at the dropped relation"
expect_match "B recreates it" "$(b "SELECT dynamo.create_table('$table', 'id', 'N', 'at', 'S') ->> 'TableStatus'")" '^CREATING$'
check_a "A puts into the new relation" \
	"SELECT coalesce(dynamo.put_item('$table', '{\"id\": 2, \"at\": \"y\"}')::text, 'NULL')" '^NULL$'
expect_match "B sees A's item in the new relation" "$(b "SELECT count(*) FROM dynamo_data.$table WHERE pk = 2")" '^1$'

echo "# session B drops and recreates the table with the same schema twice, without A in between"
b "SELECT dynamo.delete_table('$table')" >/dev/null
b "SELECT dynamo.create_table('$table', 'id', 'N', 'at', 'S')" >/dev/null
b "SELECT dynamo.delete_table('$table')" >/dev/null
expect_match "B recreates it with a binary key" "$(b "SELECT dynamo.create_table('$table', 'id', 'B') ->> 'TableStatus'")" '^CREATING$'
check_a "A's put with a number key is refused by the binary schema" \
	"SELECT dynamo.put_item('$table', '{\"id\": 2}')" 'ERROR: +One or more parameter values were invalid: Type mismatch for key id expected: B actual: N'
check_a "A's put with a binary key works" \
	"SELECT coalesce(dynamo.put_item('$table', '{\"id\": {\"\$B\": \"AAE=\"}}')::text, 'NULL')" '^NULL$'
check_a "A is still the same backend" "SELECT pg_backend_pid()" "^${pid_before}\$"

echo "# all checks passed"
