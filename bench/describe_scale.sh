#!/usr/bin/env bash
# Does DescribeTable cost the same on a 1,000,000-item table as on a 10-item
# one?  (It reads PostgreSQL's statistics, never the items: table_stats.c.)
#
# Two tables, Tiny (10 items) and Huge (LARGE_ITEMS items of a few hundred
# bytes, loaded with plain SQL); pgbench runs execute('DescribeTable') on
# each, CLIENTS clients for SECONDS_PER_RUN seconds, alternating ROUNDS
# times, and prints throughput and mean latency per table and the ratio
# Huge / Tiny.  Runs against the instance in PGHOST/PGPORT (scripts/bench.sh
# starts one).
# shellcheck source=bench/lib.bash
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

LARGE_ITEMS=${LARGE_ITEMS:-1000000}
DB=pg_dynamo_bench_describe

bench_database "$DB"
psql <<SQL
CREATE EXTENSION pg_dynamo;
SELECT dynamo.create_table('Tiny', 'Id', 'N') IS NOT NULL;
SELECT dynamo.create_table('Huge', 'Id', 'N') IS NOT NULL;
INSERT INTO dynamo_data."Tiny" SELECT i, jsonb_build_object('Id', i, 'Note', repeat('x', 200)) FROM generate_series(1, 10) AS i;
INSERT INTO dynamo_data."Huge" SELECT i, jsonb_build_object('Id', i, 'Note', repeat('x', 200)) FROM generate_series(1, $LARGE_ITEMS) AS i;
VACUUM ANALYZE dynamo_data."Tiny", dynamo_data."Huge";
SQL
for t in Tiny Huge; do
	echo "SELECT dynamo.execute('DescribeTable', '{\"TableName\": \"$t\"}');" >"$work/$t.sql"
	psql -c "SELECT '$t: ItemCount ' || (dynamo.describe_table('$t')->>'ItemCount') || ', TableSizeBytes ' || (dynamo.describe_table('$t')->>'TableSizeBytes')"
done

declare -A tps_sum lat_sum
for ((r = 1; r <= ROUNDS; r++)); do
	for t in Tiny Huge; do
		out=$("$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_PER_RUN" -f "$work/$t.sql")
		tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out")
		lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
		echo "round $r $t: $tps tps, $lat ms"
		tps_sum[$t]=$(awk -v a="${tps_sum[$t]:-0}" -v b="$tps" 'BEGIN { print a + b }')
		lat_sum[$t]=$(awk -v a="${lat_sum[$t]:-0}" -v b="$lat" 'BEGIN { print a + b }')
	done
done
echo
echo "| table | items | tps | latency ms |"
echo "|---|---|---|---|"
for t in Tiny Huge; do
	awk -v t="$t" -v n="$([ "$t" = Tiny ] && echo 10 || echo "$LARGE_ITEMS")" -v s="${tps_sum[$t]}" -v l="${lat_sum[$t]}" -v r="$ROUNDS" \
		'BEGIN { printf "| %s | %d | %.0f | %.3f |\n", t, n, s / r, l / r }'
done
awk -v a="${tps_sum[Huge]}" -v b="${tps_sum[Tiny]}" 'BEGIN { printf "Huge / Tiny = %.2f\n", a / b }'
psql -d postgres -c "DROP DATABASE $DB"
