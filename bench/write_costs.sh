#!/usr/bin/env bash
# Cost of a conditional put and of an update next to a plain put.
#
# Runs pgbench against the instance in PGHOST/PGPORT (scripts/bench.sh starts
# a throwaway one) on a fresh database: each workload is one statement per
# transaction, CLIENTS clients for SECONDS seconds, over KEYS items.  Prints
# throughput and mean latency per workload and its ratio to the plain put.
# Simple query protocol: the expressions' :placeholders inside JSON literals
# would be taken for pgbench variables by the prepared protocol.
set -euo pipefail

PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
CLIENTS=${CLIENTS:-2}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
KEYS=${KEYS:-10000}
DB=pg_dynamo_bench_writes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export PGDATABASE=$DB
psql <<SQL
CREATE EXTENSION pg_dynamo;
SELECT dynamo.create_table('Bench', 'Id', 'N') IS NOT NULL;
SELECT count(dynamo.put_item('Bench', jsonb_build_object('Id', i, 'Name', 'user ' || i, 'n', 0,
        'Profile', jsonb_build_object('City', 'Paris', 'Tags', jsonb_build_array('a', 'b')))))
FROM generate_series(1, $KEYS) i;
VACUUM ANALYZE dynamo_data."Bench";
SQL

cat >"$work/put.sql" <<SQL
\\set k random(1, $KEYS)
SELECT dynamo.put_item('Bench', jsonb_build_object('Id', :k::int, 'Name', 'user', 'n', 1,
       'Profile', jsonb_build_object('City', 'Paris', 'Tags', jsonb_build_array('a', 'b'))));
SQL
cat >"$work/conditional_put.sql" <<SQL
\\set k random(1, $KEYS)
SELECT dynamo.put_item('Bench', jsonb_build_object('Id', :k::int, 'Name', 'user', 'n', 1,
       'Profile', jsonb_build_object('City', 'Paris', 'Tags', jsonb_build_array('a', 'b'))),
       condition_expression => 'attribute_exists(Id) AND #n >= :zero',
       expression_attribute_names => '{"#n":"n"}',
       expression_attribute_values => '{":zero":0}');
SQL
cat >"$work/update.sql" <<SQL
\\set k random(1, $KEYS)
SELECT dynamo.update_item('Bench', jsonb_build_object('Id', :k::int), 'SET #n = #n + :one',
       expression_attribute_names => '{"#n":"n"}',
       expression_attribute_values => '{":one":1}');
SQL

# Run one workload; prints "name tps latency_ms"
run() {
	local name=$1 out tps lat
	out=$("$PGBIN/pgbench" -n -M simple -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_PER_RUN" -f "$work/$name.sql")
	tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")
	lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
	echo "$name $tps $lat"
}

echo "write costs: $CLIENTS clients, ${SECONDS_PER_RUN}s per workload, $KEYS items"
results=$(for w in put conditional_put update; do run "$w"; done)
base=$(awk '$1 == "put" { print $2 }' <<<"$results")
printf '%-16s %12s %12s %10s\n' workload tps latency_ms vs_put
awk -v base="$base" '{ printf "%-16s %12.1f %12.3f %10.2f\n", $1, $2, $3, $2 / base }' <<<"$results"
psql -d postgres -c "DROP DATABASE $DB"
