# Shared set-up of the pgbench-driven scripts beside it (sourced, not run):
# the settings they all take, a work folder removed on exit, psql, a fresh
# database, and one timed pgbench run.  They run against the instance in
# PGHOST/PGPORT (scripts/bench.sh starts one).
set -euo pipefail

PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
CLIENTS=${CLIENTS:-2}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# Create database $1 afresh and make it the one psql and pgbench use
bench_database() {
	psql -d postgres -c "SET client_min_messages = warning" \
		-c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
	export PGDATABASE=$1
}

# Run the pgbench script $work/$1.sql for SECONDS_PER_RUN; prints "tps latency_ms"
run() {
	local out
	out=$("$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_PER_RUN" -f "$work/$1.sql")
	echo "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out") $(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
}
