#!/usr/bin/env bash
# Instructions per call of a Query of 100 items through a GSI, next to the
# base-table Query and to the hand-written SQL over the GSI's PostgreSQL
# index, counted by callgrind (insensitive to the machine's load).
#
#   bench/profile/index_query.sh DATA [CALLS]   # DATA: a stopped instance's data folder
#
# Loads (once) the database pg_dynamo_ixprof in DATA: a table of 300
# partitions of 100 items (bench/index_item.sql) with the GSI
# ByGroup, through single-user backends.  Then runs each statement as a
# prepared EXECUTE, CALLS and 3 x CALLS times (default 100), in a
# single-user backend under valgrind, and prints the difference per call:
# the statement's cost with start-up and shut-down taken out; the base-table
# Query is set against its hand-written SQL too.  The GSI Query is counted
# again with pg_dynamo.track_usage off (the usage figures not counted;
# items are sized all the same, which tells whether they hold the escape).
# Needs valgrind; as root, runs the backend as the data folder's owner.
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
data=$1 calls=${2:-100}
PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
DB=pg_dynamo_ixprof
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
owner=$(stat -c %U "$data")
[ "$(id -u)" -eq 0 ] && chown "$owner" "$work"

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}
single() { as_owner "$PGBIN/postgres" --single -D "$data" -c jit=off "$@"; }

# statements of -j input end with a semicolon and an empty line
if ! echo 'SELECT count(*) FROM dynamo_data."Indexed"' | single "$DB" 2>&1 | grep -q 'count = "30000"'; then
	printf 'DROP DATABASE IF EXISTS %s\nCREATE DATABASE %s\n' "$DB" "$DB" | single postgres >/dev/null 2>&1
	{
		printf 'CREATE EXTENSION pg_dynamo;\n\n'
		cat "$(dirname "${BASH_SOURCE[0]}")/../index_item.sql"
		cat <<'SQL'
SELECT dynamo.create_table('Indexed', 'Customer', 'S', 'Order', 'N') IS NOT NULL;

INSERT INTO dynamo_data."Indexed" (pk, sk, item)
SELECT 'c' || p, o, bench_ix_item(p, o) FROM generate_series(1, 300) p, generate_series(1, 100) o;

SELECT dynamo.create_index('Indexed', 'ByGroup', 'Group', 'S', 'Order', 'N') IS NOT NULL;

VACUUM ANALYZE dynamo_data."Indexed";

SQL
	} | single -j "$DB" >"$work/setup.log" 2>&1
	if grep -q ERROR "$work/setup.log"; then grep -m1 ERROR "$work/setup.log" >&2; exit 1; fi
fi

# Instructions of a single-user run of n calls of a statement of $1
count() {
	local n=$1 stmt=$2 out=$work/callgrind.$1
	shift 2
	{
		echo "PREPARE x(int) AS $stmt"
		for i in $(seq 1 "$n"); do echo "EXECUTE x($((i * 7 % 300 + 1)));"; done
	} >"$work/calls.sql"
	as_owner valgrind --tool=callgrind --callgrind-out-file="$out" \
		"$PGBIN/postgres" --single -D "$data" -c jit=off "$@" "$DB" <"$work/calls.sql" >"$work/log" 2>&1
	if grep -q ERROR "$work/log"; then grep -m1 ERROR "$work/log" >&2; exit 1; fi
	sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out"
}
per_call() {
	local a b
	a=$(count "$calls" "$@")
	b=$(count $((3 * calls)) "$@")
	echo $(((b - a) / (2 * calls)))
}

tsql='SELECT item FROM dynamo_data."Indexed" WHERE pk = '\''c'\'' || $1 ORDER BY sk LIMIT 100'
sql='SELECT item FROM dynamo_data."Indexed" WHERE jsonb_typeof(item->'\''Group'\'') = '\''string'\'' AND octet_length(item->>'\''Group'\'') BETWEEN 1 AND 2048 AND (item->>'\''Group'\'') COLLATE "C" = '\''g'\'' || $1 ORDER BY sk, pk LIMIT 100'
gsi='SELECT * FROM dynamo.query('\''Indexed'\'', '\''#g = :g'\'', expression_attribute_names => '\''{"#g": "Group"}'\'', expression_attribute_values => jsonb_build_object('\'':g'\'', '\''g'\'' || $1), "limit" => 100, index_name => '\''ByGroup'\'')'
base='SELECT * FROM dynamo.query('\''Indexed'\'', '\''Customer = :c'\'', expression_attribute_values => jsonb_build_object('\'':c'\'', '\''c'\'' || $1), "limit" => 100)'

s=$(per_call "$sql")
g=$(per_call "$gsi")
b=$(per_call "$base")
t=$(per_call "$tsql")
u=$(per_call "$gsi" -c pg_dynamo.track_usage=off)
printf '%-40s %12s\n' statement instructions/call
printf '%-40s %12d\n' "hand-written SQL over the GSI" "$s" "GSI Query" "$g" "base Query" "$b" \
	"hand-written SQL over the table" "$t" "GSI Query, track_usage off" "$u"
awk -v s="$s" -v g="$g" -v b="$b" -v t="$t" -v u="$u" 'BEGIN {
	printf "SQL / GSI Query: %.2f (target 0.90); base / GSI Query: %.2f; SQL / base Query: %.2f; SQL / GSI Query without usage: %.2f\n", s / g, b / g, t / b, s / u }'
