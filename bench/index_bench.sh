#!/usr/bin/env bash
# What do secondary indexes cost, and what does reading through one cost?
#
# Two tables of the same items (PARTITIONS x 100, a few hundred bytes each):
# Plain has no secondary index, Indexed has three GSIs (ByGroup: Group +
# Order, ALL; ByStatus: Status + Total, KEYS_ONLY; ByZip: Zip, INCLUDE),
# built after loading (UpdateTable's backfill, timed).  pgbench
# (-M prepared, CLIENTS clients) runs, alternating, ROUNDS rounds of
# SECONDS_PER_RUN seconds each:
#   put     put_item of a new item into Plain, and into Indexed (3 GSIs)
#   query   Query of 100 items on Indexed: by its table key, and by the GSI
#           ByGroup (one index partition of 100 items, same items)
#   sql     the same 100 items: hand-written SQL over the GSI's PostgreSQL
#           index, and the extension's GSI Query
# and prints each side's throughput and the ratios; then the last pair
# once more with both statements mixed in one run (SECONDS_PER_RUN x
# ROUNDS), whose latency ratio the machine's load disturbs far less.  Runs against the
# instance in PGHOST/PGPORT (scripts/bench.sh starts one).
# shellcheck source=bench/lib.bash
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

PARTITIONS=${PARTITIONS:-2000}
DB=pg_dynamo_bench_indexes

bench_database "$DB"
psql -c "CREATE EXTENSION pg_dynamo"
psql -f "$(dirname "${BASH_SOURCE[0]}")/index_item.sql"
echo "index bench: loading $PARTITIONS partitions of 100 items into Plain and Indexed"
for t in Plain Indexed; do
	psql >/dev/null <<SQL
SELECT dynamo.create_table('$t', 'Customer', 'S', 'Order', 'N') IS NOT NULL;
INSERT INTO dynamo_data."$t" (pk, sk, item)
SELECT 'c' || p, o, bench_ix_item(p, o) FROM generate_series(1, $PARTITIONS) p, generate_series(1, 100) o;
SQL
done
start=$(date +%s%N)
psql >/dev/null <<'SQL'
SELECT dynamo.create_index('Indexed', 'ByGroup', 'Group', 'S', 'Order', 'N') IS NOT NULL;
SELECT dynamo.create_index('Indexed', 'ByStatus', 'Status', 'S', 'Total', 'N', 'KEYS_ONLY') IS NOT NULL;
SELECT dynamo.create_index('Indexed', 'ByZip', 'Zip', 'S', projection => 'INCLUDE', non_key_attributes => '{Note}') IS NOT NULL;
SQL
echo "3 GSIs built over $((PARTITIONS * 100)) items in $((($(date +%s%N) - start) / 1000000)) ms"
psql -c 'VACUUM ANALYZE dynamo_data."Plain"' -c 'VACUUM ANALYZE dynamo_data."Indexed"'

# Workloads.  Placeholders are written \x3a (':') for pgbench.
for t in Plain Indexed; do
	cat >"$work/put_$t.sql" <<SQL
\\set p random(1, $PARTITIONS)
\\set o random(1000, 2000000000)
SELECT dynamo.put_item('$t', bench_ix_item(:p, :o));
SQL
done
cat >"$work/query_base.sql" <<SQL
\\set p random(1, $PARTITIONS)
SELECT * FROM dynamo.query('Indexed', E'Customer = \\x3ac', expression_attribute_values => jsonb_build_object(E'\\x3ac', 'c' || :p), "limit" => 100);
SQL
cat >"$work/query_gsi.sql" <<SQL
\\set p random(1, $PARTITIONS)
SELECT * FROM dynamo.query('Indexed', E'#g = \\x3ag', expression_attribute_names => '{"#g": "Group"}',
    expression_attribute_values => jsonb_build_object(E'\\x3ag', 'g' || :p), "limit" => 100, index_name => 'ByGroup');
SQL
cat >"$work/query_sql.sql" <<SQL
\\set p random(1, $PARTITIONS)
SELECT item FROM dynamo_data."Indexed" WHERE jsonb_typeof(item->'Group') = 'string' AND octet_length(item->>'Group') BETWEEN 1 AND 2048
  AND (item->>'Group') COLLATE "C" = 'g' || :p ORDER BY sk, pk LIMIT 100;
SQL

echo "$CLIENTS clients, ${SECONDS_PER_RUN}s per run, $ROUNDS rounds"
printf '%-6s %-14s %12s %12s\n' round workload tps latency_ms
results=""
for ((r = 1; r <= ROUNDS; r++)); do
	order=(put_Plain put_Indexed query_base query_gsi query_sql query_gsi)
	[ $((r % 2)) = 0 ] && order=(put_Indexed put_Plain query_gsi query_base query_gsi query_sql)
	for w in "${order[@]}"; do
		line=$(run "$w")
		printf '%-6s %-14s %12.1f %12.3f\n' "$r" "$w" $line
		results+="$w $line"$'\n'
	done
done
awk '{ tps[$1] += $2; n[$1]++ } END {
	for (w in n) tps[w] /= n[w]
	printf "put with 3 GSIs / put without: %.2f (target 0.50: at most twice the cost)\n", tps["put_Indexed"] / tps["put_Plain"]
	printf "GSI Query / base Query (100 items): %.2f (target 0.90)\n", tps["query_gsi"] / tps["query_base"]
	printf "GSI Query / hand-written SQL over the index: %.2f (target 0.90)\n", tps["query_gsi"] / tps["query_sql"]
	printf "(base Query / the same SQL, for comparison: %.2f)\n", tps["query_base"] / tps["query_sql"] }' <<<"$results"
# The same pair once more, mixed in one pgbench run: each client draws one
# of the two statements per transaction, so both see the same moments of
# the machine's load; the ratio of their latencies is the cost ratio.
out=$("$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T $((SECONDS_PER_RUN * ROUNDS)) \
	-f "$work/query_sql.sql@1" -f "$work/query_gsi.sql@1")
awk '/^SQL script 1/ { s = 1 } /^SQL script 2/ { s = 2 }
	s && / - latency average/ { lat[s] = $5 }
	END { printf "GSI Query / hand-written SQL, mixed in one run: %.2f (latency %.3f ms / %.3f ms)\n", lat[1] / lat[2], lat[2], lat[1] }' <<<"$out"
echo "the plan of the hand-written SQL and of the engine's GSI Query (dynamo.to_sql):"
psql <<'SQL'
EXPLAIN (COSTS OFF) SELECT item FROM dynamo_data."Indexed" WHERE jsonb_typeof(item->'Group') = 'string' AND octet_length(item->>'Group') BETWEEN 1 AND 2048
  AND (item->>'Group') COLLATE "C" = 'g42' ORDER BY sk, pk LIMIT 100;
SELECT dynamo.to_sql('Query', '{"TableName":"Indexed","IndexName":"ByGroup","KeyConditionExpression":"#g = :g",
  "ExpressionAttributeNames":{"#g":"Group"},"ExpressionAttributeValues":{":g":{"S":"g42"}}}') AS q \gset
EXPLAIN (COSTS OFF) :q;
SQL
psql -d postgres -c "DROP DATABASE $DB"
