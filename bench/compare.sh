#!/usr/bin/env bash
# The extension against hand-written SQL on the same data, in one run.
#
# Runs against the instance in PGHOST/PGPORT (scripts/bench.sh starts a
# throwaway one).  In a fresh database it loads a table "Bench" of
# PARTITIONS x PER_PARTITION items (partition key pk "user#<p>", sort key sk
# 1..PER_PARTITION, a few hundred bytes each with maps, lists and a counter
# c), then runs each pair of bench/pairs.txt with pgbench -M prepared: the
# SQL side, the ergonomic function and execute(), alternating over ROUNDS
# rounds of SECONDS seconds each.  Prints, and writes to RESULTS/latest.md
# (with the raw figures in RESULTS/latest.log), each side's throughput and
# mean latency and the ratios extension/SQL and execute()/ergonomic, with the
# machine and the server settings.
#
# Environment (all optional):
#   BENCH_QUICK=1          a quick run for development: 1,000 partitions,
#                          1 round of 3 s, 1 s warm-up
#   BENCH_PARTITIONS       partitions (default 10000)
#   BENCH_PER_PARTITION    items per partition (default 100)
#   BENCH_ROUNDS           rounds per pair (default 3)
#   BENCH_SECONDS          seconds per pgbench run (default 10)
#   BENCH_WARMUP           seconds of warm-up per pair and side (default 2)
#   BENCH_CLIENTS          pgbench clients and threads (default 2)
#   BENCH_PAIRS            names of the pairs to run (default: all)
#   BENCH_RESULTS          folder for the results (default bench/results)
#   BENCH_KEEP=1           keep the database pg_dynamo_bench afterwards, and
#                          reuse one kept before instead of loading (for
#                          profiling; the pairs' writes have changed it)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	: "${BENCH_PARTITIONS:=1000}" "${BENCH_ROUNDS:=1}" "${BENCH_SECONDS:=3}" "${BENCH_WARMUP:=1}"
fi
PARTITIONS=${BENCH_PARTITIONS:-10000}
PER_PARTITION=${BENCH_PER_PARTITION:-100}
ROUNDS=${BENCH_ROUNDS:-3}
SECS=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-2}
CLIENTS=${BENCH_CLIENTS:-2}
RESULTS=${BENCH_RESULTS:-$here/results}
DB=pg_dynamo_bench
SIDES=(sql ergonomic execute)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$RESULTS"
log=$RESULTS/latest.log
md=$RESULTS/latest.md
: >"$log"

psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }
say() { echo "$*" | tee -a "$log"; }

# The machine and the server settings that matter, as Markdown lines
describe_setup() {
	local cpu mem
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
	mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	echo "- machine: ${cpu:-unknown CPU}, $(nproc) cores, $mem RAM; $(uname -sr)"
	echo "- server: $(psql -c 'SELECT version()')"
	echo "- settings: $(psql -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)
		FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes',
		'shared_buffers', 'work_mem', 'max_wal_size', 'checkpoint_timeout', 'wal_level', 'jit')")"
	echo "- other settings away from PostgreSQL's defaults: $(psql -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)
		FROM pg_settings WHERE source NOT IN ('default', 'override', 'client', 'session')
		AND setting IS DISTINCT FROM boot_val
		AND name NOT IN ('port', 'unix_socket_directories', 'listen_addresses')")"
	echo "- data: $PARTITIONS partitions x $PER_PARTITION items, $(psql -c \
		"SELECT pg_size_pretty(pg_total_relation_size('dynamo_data.\"Bench\"'))
		 || ', ' || (SELECT avg(pg_column_size(item))::int FROM dynamo_data.\"Bench\" TABLESAMPLE SYSTEM (1))
		 || ' bytes of jsonb per item'")"
	echo "- pgbench -M prepared, $CLIENTS clients, $CLIENTS threads; $ROUNDS rounds of ${SECS} s per side, sides alternating"
}

# Create the database, the table and the items
load_data() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
	export PGDATABASE=$DB
	psql -v partitions="$PARTITIONS" -v per_partition="$PER_PARTITION" <<-'SQL'
	CREATE EXTENSION pg_dynamo;
	SELECT dynamo.create_table('Bench', 'pk', 'S', 'sk', 'N') IS NOT NULL;
	-- The item of key (user#p, s) as JSON text, as an application sends it:
	-- a few hundred bytes with maps, lists and a counter c
	CREATE FUNCTION bench_item(p int, s bigint) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT format('{"pk": "user#%1$s", "sk": %2$s, "c": 0, "name": "Customer %1$s",'
		' "email": "customer%1$s@example.com", "active": true,'
		' "profile": {"city": "Paris", "zip": "75001", "tier": "gold",'
		' "prefs": {"lang": "fr", "theme": "dark", "newsletter": false}},'
		' "tags": ["retail", "eu", "priority"],'
		' "lines": [{"sku": "A-%2$s", "qty": 2, "price": 1999}, {"sku": "B-%2$s", "qty": 1, "price": 4500}],'
		' "note": "order %2$s of customer %1$s placed through the web shop"}', p, s)
	$$;
	-- The same item in DynamoDB's typed JSON
	CREATE FUNCTION bench_item_typed(p int, s bigint) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT format('{"pk": {"S": "user#%1$s"}, "sk": {"N": "%2$s"}, "c": {"N": "0"},'
		' "name": {"S": "Customer %1$s"}, "email": {"S": "customer%1$s@example.com"},'
		' "active": {"BOOL": true},'
		' "profile": {"M": {"city": {"S": "Paris"}, "zip": {"S": "75001"}, "tier": {"S": "gold"},'
		' "prefs": {"M": {"lang": {"S": "fr"}, "theme": {"S": "dark"}, "newsletter": {"BOOL": false}}}}},'
		' "tags": {"L": [{"S": "retail"}, {"S": "eu"}, {"S": "priority"}]},'
		' "lines": {"L": [{"M": {"sku": {"S": "A-%2$s"}, "qty": {"N": "2"}, "price": {"N": "1999"}}},'
		' {"M": {"sku": {"S": "B-%2$s"}, "qty": {"N": "1"}, "price": {"N": "4500"}}}]},'
		' "note": {"S": "order %2$s of customer %1$s placed through the web shop"}}', p, s)
	$$;
	DO $$
	BEGIN
		IF dynamo.marshall(bench_item(7, 42)::jsonb) <> bench_item_typed(7, 42)::jsonb THEN
			RAISE 'bench_item_typed does not match bench_item';
		END IF;
	END $$;
	-- Straight into the item table: integers, strings and booleans only, so
	-- the items are in the canonical stored form (checked below)
	INSERT INTO dynamo_data."Bench" (pk, sk, item)
	SELECT 'user#' || p, s, bench_item(p, s)::jsonb
	FROM generate_series(1, :partitions) p, generate_series(1, :per_partition) s;
	DO $$
	BEGIN
		IF EXISTS (SELECT FROM dynamo_data."Bench" TABLESAMPLE SYSTEM (1)
				   WHERE dynamo.unmarshall(dynamo.marshall(item)) <> item) THEN
			RAISE 'loaded items are not in the canonical stored form';
		END IF;
	END $$;
	VACUUM ANALYZE dynamo_data."Bench";
	CHECKPOINT;
	SQL
}

# Split bench/pairs.txt into $work/NAME.SIDE.sql; list "NAME TARGET FUNCTIONS..."
split_pairs() {
	awk -v dir="$work" '
		/^#/ { next }
		/^== / { name = $2; pre = ""; side = ""; print substr($0, 4) > (dir "/pairs"); next }
		/^-- (sql|ergonomic|execute)$/ { side = $2; printf "%s", pre > (dir "/" name "." side ".sql"); next }
		name == "" { next }
		side == "" { pre = pre $0 "\n"; next }
		{ print > (dir "/" name "." side ".sql") }
	' "$here/pairs.txt"
}

# Do all the named functions exist in schema dynamo?
functions_exist() {
	local names
	names=$(printf "'%s'," "$@")
	[ "$(psql -c "SELECT count(DISTINCT proname) FROM pg_proc
		WHERE pronamespace = 'dynamo'::regnamespace AND proname IN (${names%,})")" = "$#" ]
}

# Runs count from a base of the clock, so fresh keys stay fresh in a kept database
run_id=$(($(date +%s) % 1000000 * 100))
# One pgbench run of a side; prints "tps latency_ms", or "failed: why".
# Each run gets its own :run (the caller counts run_id), for fresh keys.
run_side() {
	local name=$1 side=$2 secs=$3 out
	if ! out=$("$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T "$secs" \
		-D partitions="$PARTITIONS" -D per_partition="$PER_PARTITION" -D run="$run_id" -D n=0 \
		-f "$work/$name.$side.sql" 2>&1); then
		echo "$out" >>"$log"
		echo "failed: $(grep -m1 -o 'ERROR: .*' <<<"$out" || echo 'pgbench failed')"
		return 0
	fi
	echo "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out") $(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
}

# Run a pair: a warm-up, then ROUNDS rounds alternating the sides' order;
# appends "NAME SIDE ROUND TPS LATENCY" lines to $work/runs
run_pair() {
	local name=$1 side r res order
	for side in "${SIDES[@]}"; do
		run_id=$((run_id + 1))
		[ "$WARMUP" -gt 0 ] && run_side "$name" "$side" "$WARMUP" >/dev/null
	done
	for r in $(seq 1 "$ROUNDS"); do
		order=("${SIDES[@]}")
		[ $((r % 2)) = 0 ] && order=(execute ergonomic sql)
		for side in "${order[@]}"; do
			run_id=$((run_id + 1))
			res=$(run_side "$name" "$side" "$SECS")
			say "  $name round $r $side: $res"
			case $res in
			failed:*) echo "$name $side failed ${res#failed: }" >>"$work/failures"; return 0 ;;
			*) echo "$name $side $r $res" >>"$work/runs" ;;
			esac
		done
	done
}

# The Markdown table of the runs, with targets
results_table() {
	echo "| operation | SQL tps | SQL ms | ergonomic tps | ergonomic ms | ergonomic/SQL | target | execute() tps | execute() ms | execute()/SQL | execute()/ergonomic |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
	while read -r name target status; do
		if [ "$status" = skipped ]; then
			echo "| $name | skipped: function missing | | | | | $target | | | | |"
			continue
		fi
		if grep -q "^$name " "$work/failures" 2>/dev/null; then
			echo "| $name | failed: $(grep -m1 "^$name " "$work/failures" | cut -d' ' -f4- | tr '|' '/') | | | | | $target | | | | |"
			continue
		fi
		awk -v name="$name" -v target="$target" '
			$1 == name { tps[$2] += $4; lat[$2] += $5; n[$2]++ }
			END {
				for (s in n) { tps[s] /= n[s]; lat[s] /= n[s] }
				e = tps["ergonomic"] / tps["sql"]
				printf "| %s | %.0f | %.3f | %.0f | %.3f | **%.2f**%s | %s | %.0f | %.3f | %.2f | **%.2f**%s |\n",
					name, tps["sql"], lat["sql"], tps["ergonomic"], lat["ergonomic"], e,
					e < target ? " (below)" : "", target,
					tps["execute"], lat["execute"], tps["execute"] / tps["sql"],
					tps["execute"] / tps["ergonomic"], tps["execute"] / tps["ergonomic"] < 0.8 ? " (below)" : ""
			}' "$work/runs"
	done <"$work/ran"
}

if [ "${BENCH_KEEP:-0}" = 1 ] && [ "$(psql -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 1 ]; then
	export PGDATABASE=$DB
	say "reusing the database $DB (BENCH_KEEP=1)"
else
	say "loading $((PARTITIONS * PER_PARTITION)) items in $PARTITIONS partitions"
	start=$(date +%s)
	load_data
	say "loaded in $(($(date +%s) - start)) s"
fi
setup=$(describe_setup)
say "$setup"
split_pairs
: >"$work/runs"
: >"$work/ran"
while read -r -u 3 name target functions; do
	if [ -n "${BENCH_PAIRS:-}" ] && ! grep -qw -- "$name" <<<"$BENCH_PAIRS"; then
		continue
	fi
	# shellcheck disable=SC2086
	if ! functions_exist $functions; then
		say "$name: skipped: function missing ($functions)"
		echo "$name $target skipped" >>"$work/ran"
		continue
	fi
	say "$name (target extension/SQL >= $target)"
	echo "$name $target run" >>"$work/ran"
	run_pair "$name" </dev/null
done 3<"$work/pairs"

{
	echo "# pg_dynamo against hand-written SQL"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'); \`make bench\` (bench/compare.sh, pairs in bench/pairs.txt)."
	echo
	echo "$setup"
	echo
	echo "Throughput (tps, mean of the rounds) and mean latency (ms) of each side;"
	echo "ratios are throughput ratios, higher is better for the extension."
	echo
	results_table
} >"$md"
echo
cat "$md"
cat "$work/runs" >>"$log"
echo
echo "results: $md (raw figures: $log)"
[ "${BENCH_KEEP:-0}" = 1 ] || psql -d postgres -c "DROP DATABASE $DB"
