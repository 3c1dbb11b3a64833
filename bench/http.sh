#!/usr/bin/env bash
# The HTTP endpoint under load: wrk (2 threads, 16 keep-alive connections,
# Lua script bench/http/requests.lua) on GetItem, PutItem and a 10-item
# Query over 1,000 partitions x 10 items of about 100 bytes, against
#   - pg_dynamo's endpoint (a second throwaway instance with the library
#     preloaded, 4 workers, http_auth = none so no signature is computed),
#     PutItem with the instance's durability and with synchronous_commit =
#     off; GetItem with 1,000 keep-alive connections; and dynamo.get_item()
#     over 16 pgbench connections for reference;
#   - dynalite (npm, in memory, bench/dynalite), when node is there, each
#     case right after pg_dynamo's (the machine's load changes less between
#     the two sides of a ratio).
# Prints requests per second and the ratios to dynalite.
#
# The instance runs with PostgreSQL's default durability (fsync,
# synchronous_commit and full_page_writes on; scripts/cluster.sh turns them
# off for tests), as under `make bench`; BENCH_SETTINGS=fast keeps them off.
#
# Environment: BENCH_SECONDS (default 10) per run, BENCH_QUICK=1 (3 s runs),
# BENCH_HTTP_WORKERS (default 4), BENCH_SETTINGS (default or fast).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$here")
PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
secs=${BENCH_SECONDS:-10}
[ "${BENCH_QUICK:-0}" = 1 ] && secs=3
work=$(mktemp -d)
dynalite_pid=
cleanup() {
	[ -z "$dynalite_pid" ] || kill "$dynalite_pid" 2>/dev/null || true
	rm -rf "$work"
	pgd_stop || true
}
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"
# shellcheck source=bench/http/lib.bash
. "$here/http/lib.bash"

# wrk on one operation: prints requests/s; fails on any error response
run_wrk() {
	local endpoint=$1 op=$2 conns=${3:-16} seconds=${4:-$secs} out
	out=$(OP=$op wrk -t2 -c"$conns" -d"${seconds}s" -s "$here/http/requests.lua" "$endpoint" 2>&1)
	if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
		echo "$out" >&2
		echo "bench: $op on $endpoint had errors" >&2
		return 1
	fi
	awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out"
}

ulimit -n 8192 2>/dev/null || true
http_port=$(free_port)
endpoint=http://127.0.0.1:$http_port
durability="fsync = on
synchronous_commit = on
full_page_writes = on"
[ "${BENCH_SETTINGS:-default}" = fast ] && durability=
bench_http_instance "$http_port" "${PG_DYNAMO_CONF:-}
$durability
pg_dynamo.http_workers = ${BENCH_HTTP_WORKERS:-4}"
trap cleanup EXIT
psql=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At)
wait_http "$endpoint"
/usr/bin/python3 "$here/http/load.py" "$endpoint"
"${psql[@]}" -c "VACUUM ANALYZE dynamo_data.\"Bench\""
echo "settings: $("${psql[@]}" -c "SELECT string_agg(name || '=' || setting, ' ') FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')"), ${BENCH_HTTP_WORKERS:-4} HTTP workers, wrk -t2 -c16 -d${secs}s"

# dynalite beside it, loaded the same way (skipped when node is missing)
dynalite=$root/bench/dynalite/node_modules/.bin/dynalite
if command -v npm >/dev/null && ! [ -x "$dynalite" ]; then
	(cd "$root/bench/dynalite" && npm ci --no-audit --no-fund >&2) || true
fi
dl_endpoint=
if command -v node >/dev/null && [ -x "$dynalite" ]; then
	dl_port=$(free_port)
	"$dynalite" --port "$dl_port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >/dev/null 2>&1 &
	dynalite_pid=$!
	dl_endpoint=http://127.0.0.1:$dl_port
	wait_http "$dl_endpoint"
	/usr/bin/python3 "$here/http/load.py" "$dl_endpoint"
else
	echo "dynalite: not installed (cd bench/dynalite && npm ci); skipped"
fi

# Turn asynchronous commit on or off for the endpoint's workers (a reload)
async_commit() {
	local sql="ALTER SYSTEM RESET synchronous_commit"
	[ "$1" = on ] && sql="ALTER SYSTEM SET synchronous_commit = off"
	"${psql[@]}" -c "$sql" -c "SELECT pg_reload_conf()" >/dev/null
	sleep 1
}

# Warm both sides up: dynalite is much slower while node's JIT has not yet
# compiled its hot paths (its first PutItem run could be a third of the next)
for op in GetItem Query PutItem; do
	run_wrk "$endpoint" "$op" 16 1 >/dev/null
	[ -z "$dl_endpoint" ] || run_wrk "$dl_endpoint" "$op" 16 2 >/dev/null
done

# Each case on pg_dynamo, then at once on dynalite: the machine's load
# changes less between the two sides of a ratio
declare -A pg dl label
cases=(GetItem Query PutItem PutItemAsync)
label=([GetItem]=GetItem [Query]=Query [PutItem]=PutItem
	[PutItemAsync]="PutItem, synchronous_commit = off")
for c in "${cases[@]}"; do
	op=${c%Async}
	[ "$c" = "$op" ] || async_commit on
	pg[$c]=$(run_wrk "$endpoint" "$op")
	[ "$c" = "$op" ] || async_commit off
	echo "pg_dynamo HTTP ${label[$c]}: ${pg[$c]} requests/s"
	if [ -n "$dl_endpoint" ]; then
		dl[$c]=$(run_wrk "$dl_endpoint" "$op")
		echo "dynalite $op: ${dl[$c]} requests/s"
	fi
done
pg[Conn1000]=$(run_wrk "$endpoint" GetItem 1000)
echo "pg_dynamo HTTP GetItem, 1,000 keep-alive connections: ${pg[Conn1000]} requests/s, no errors"

cat >"$work/get.sql" <<'SQL'
\set p random(0, 999)
\set s random(0, 9)
SELECT dynamo.get_item('Bench', ('{"pk":"p' || :p || '","sk":' || :s || '}')::jsonb);
SQL
pg[pgbench]=$("$PGBIN/pgbench" -n -M prepared -c16 -j2 -T"$secs" -f "$work/get.sql" 2>&1 |
	awk '/^tps/ { printf "%.0f", $3 }')
echo "dynamo.get_item() over pgbench (16 connections): ${pg[pgbench]} calls/s"
echo "GetItem over HTTP / get_item over pgbench: $(awk -v a="${pg[GetItem]}" -v b="${pg[pgbench]}" 'BEGIN { printf "%.2f", a / b }')"
[ -n "$dl_endpoint" ] || exit 0
echo
echo "| operation | pg_dynamo HTTP | dynalite | ratio |"
echo "|---|---|---|---|"
for c in "${cases[@]}"; do
	echo "| ${label[$c]} | ${pg[$c]} | ${dl[$c]} | $(awk -v a="${pg[$c]}" -v b="${dl[$c]}" 'BEGIN { printf "%.2f", a / b }') |"
done
