#!/usr/bin/env bash
# Does a Query cost the same on a table 100 times larger?
#
# Two tables with the same partition size (ITEMS_PER_PARTITION items of a
# few hundred bytes, nested attributes): Small has SMALL_PARTITIONS
# partitions, Large 100 times as many.  pgbench runs the same Query (one
# random partition, every item, in sort key order) against each, CLIENTS
# clients for SECONDS_PER_RUN seconds, alternating ROUNDS times, and prints
# throughput and mean latency per table and the ratio Large / Small, then the
# statement the engine runs (dynamo.to_sql) with its plan as run (auto_explain).
# Runs against the instance in PGHOST/PGPORT (scripts/bench.sh starts one).
# shellcheck source=bench/lib.bash
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

SMALL_PARTITIONS=${SMALL_PARTITIONS:-100}
ITEMS_PER_PARTITION=${ITEMS_PER_PARTITION:-100}
LARGE_PARTITIONS=$((SMALL_PARTITIONS * 100))
DB=pg_dynamo_bench_query

bench_database "$DB"
psql -c "CREATE EXTENSION pg_dynamo"

# Load one table: partitions x ITEMS_PER_PARTITION items, 10,000 partitions
# per statement
load() {
	local table=$1 partitions=$2 from
	psql -c "SELECT dynamo.create_table('$table', 'Customer', 'S', 'Order', 'N') IS NOT NULL"
	for ((from = 1; from <= partitions; from += 10000)); do
		psql <<SQL
SELECT count(dynamo.put_item('$table', jsonb_build_object(
    'Customer', 'c' || p, 'Order', o, 'Status', 'SHIPPED', 'Total', (p * 7 + o) % 1000 / 10.0,
    'Address', jsonb_build_object('Street', o || ' Main Street', 'City', 'Paris', 'Zip', '75001'),
    'Lines', jsonb_build_array(jsonb_build_object('Sku', 'A-' || o, 'Qty', 1 + o % 3),
                               jsonb_build_object('Sku', 'B-' || p, 'Qty', 2)),
    'Note', repeat('x', 120))) IS NULL)
FROM (SELECT p, o FROM generate_series($from, least($from + 9999, $partitions)) p,
                       generate_series(1, $ITEMS_PER_PARTITION) o ORDER BY p, o) AS in_key_order;
SQL
	done
	psql -c "VACUUM ANALYZE dynamo_data.\"$table\""
}

echo "query scale: loading $SMALL_PARTITIONS and $LARGE_PARTITIONS partitions of $ITEMS_PER_PARTITION items"
load Small "$SMALL_PARTITIONS"
load Large "$LARGE_PARTITIONS"
psql -c "SELECT 'table sizes: Small ' || pg_size_pretty(pg_total_relation_size('dynamo_data.\"Small\"'))
              || ', Large ' || pg_size_pretty(pg_total_relation_size('dynamo_data.\"Large\"'))"

# The query: every item of a random partition.  Placeholders are written
# \x3a (':') so that pgbench does not take them for its own variables.
for t in Small Large; do
	parts=$SMALL_PARTITIONS
	[ "$t" = Large ] && parts=$LARGE_PARTITIONS
	cat >"$work/$t.sql" <<SQL
\\set c random(1, $parts)
SELECT * FROM dynamo.query('$t', E'Customer = \\x3ac',
    expression_attribute_values => jsonb_build_object(E'\\x3ac', 'c' || :c));
SQL
done

echo "query of $ITEMS_PER_PARTITION items: $CLIENTS clients, ${SECONDS_PER_RUN}s per run, $ROUNDS rounds"
printf '%-6s %-6s %12s %12s\n' round table tps latency_ms
results=""
for ((r = 1; r <= ROUNDS; r++)); do
	for t in Small Large; do
		line=$(run "$t")
		printf '%-6s %-6s %12.1f %12.3f\n' "$r" "$t" $line
		results+="$t $line"$'\n'
	done
done
awk '{ tps[$1] += $2; n[$1]++ } END {
	printf "mean tps: Small %.1f, Large %.1f; Large / Small = %.2f\n",
		tps["Small"] / n["Small"], tps["Large"] / n["Large"],
		(tps["Large"] / n["Large"]) / (tps["Small"] / n["Small"]) }' <<<"$results"

echo "the statement the engine runs for it on the large table (dynamo.to_sql), and its plan"
echo "as the engine ran it (auto_explain of the nested statement):"
psql <<'SQL'
SELECT dynamo.to_sql('Query', '{"TableName":"Large","KeyConditionExpression":"Customer = :c",
                                "ExpressionAttributeValues":{":c":{"S":"c42"}}}');
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_buffers = on;
SET auto_explain.log_timing = off;
SET auto_explain.log_level = notice;
SELECT count(*) FROM dynamo.query('Large', 'Customer = :c', expression_attribute_values => '{":c":"c42"}');
SQL
psql -d postgres -c "DROP DATABASE $DB"
