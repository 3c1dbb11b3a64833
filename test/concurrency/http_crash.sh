#!/usr/bin/env bash
# http_crash: an acknowledged HTTP write survives a crash.  The HTTP door
# commits each request without waiting for the WAL flush and holds its
# response until one flush covers it (group commit, src/http/http_commit.c);
# this checks that no response goes out before that flush.
#
# A second throwaway instance with the library preloaded, an HTTP port, two
# workers and synchronous_commit on (fsync may stay off: processes crash
# here, not the operating system; what is lost is what never left the WAL
# buffers).  Each round, clients (test/http/acked.py) put items over HTTP
# and note every 200 they get, and one more gets the newest items and
# notes each one a response showed; then the server crashes: round 1 by
# `pg_ctl stop -m immediate` and a restart, round 2 by kill -9 of an HTTP
# worker (the postmaster then restarts every backend and recovers).  After
# each round every acknowledged put, and every item a response showed, is
# there.  CRASH_SECONDS of writing per round (default 2).
set -euo pipefail
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd -P)
seconds=${CRASH_SECONDS:-2}
writers=4

# Wait until the endpoint answers (at most about 60 s)
wait_http() {
	for _ in $(seq 120); do
		curl -sf -o /dev/null "$endpoint/" && return 0
		sleep 0.5
	done
	echo "FAIL: the endpoint did not come back"
	exit 1
}

http_port=$(free_port)
endpoint=http://127.0.0.1:$http_port
# our own instance, never the suite's
unset PG_DYNAMO_DIR PG_DYNAMO_PORT
export PG_DYNAMO_CONF="synchronous_commit = on
shared_preload_libraries = 'pg_dynamo'
pg_dynamo.http_port = $http_port
pg_dynamo.http_workers = 2
pg_dynamo.http_auth = none
pg_dynamo.http_role = crash_writer"
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"
pgd_start
export PGDATABASE=postgres
work=$(mktemp -d "${TMPDIR:-/tmp}/qa_http_crash.XXXXXX")
trap 'pgd_stop; rm -rf "$work"' EXIT

psql_q >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_dynamo;
CREATE ROLE crash_writer;
SELECT dynamo.create_table('HttpCrash1', 'pk', 'S', 'sk', 'N');
SELECT dynamo.create_table('HttpCrash2', 'pk', 'S', 'sk', 'N');
GRANT SELECT, INSERT, UPDATE ON dynamo_data."HttpCrash1", dynamo_data."HttpCrash2" TO crash_writer;
SQL
wait_http

# How many lines of an acknowledgement file name an item that is missing
missing() {
	local table=$1 kind=$2 file=$3
	awk -v kind="$kind" '$1 == kind { print (kind == "seen" ? 0 : $2) "\t" (kind == "seen" ? $2 : $3) }' "$file" >"$work/acked.tsv"
	psql_q <<-SQL
		CREATE TEMP TABLE acked (w int, i int);
		\copy acked FROM '$work/acked.tsv'
		SELECT count(*) FROM acked AS a
		WHERE NOT EXISTS (SELECT FROM dynamo_data."$table" AS t
			WHERE t.pk = 'w' || a.w AND t.sk = a.i AND t.item ->> 'v' = a.w || '-' || a.i);
	SQL
}

for r in 1 2; do
	table=HttpCrash$r
	/usr/bin/python3 "$root/test/http/acked.py" "$endpoint" "$table" "$writers" >"$work/acked.$r" &
	client=$!
	sleep "$seconds"
	if [ "$r" = 1 ]; then
		how="pg_ctl stop -m immediate"
		pgd_as_owner "$PGD_BIN/pg_ctl" -D "$PGD_DIR/data" -m immediate -w stop >/dev/null
		wait "$client" || true
		pgd_as_owner "$PGD_BIN/pg_ctl" -D "$PGD_DIR/data" -l "$PGD_DIR/postgres.log" -w -t 60 start >/dev/null
	else
		how="kill -9 of an HTTP worker"
		victim=$(psql_q -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'pg_dynamo http'
			ORDER BY state = 'active' DESC, pid LIMIT 1")
		[ -n "$victim" ] || { echo "FAIL: no HTTP worker to kill"; exit 1; }
		kill -9 "$victim"
		wait "$client" || true
	fi
	wait_http

	puts=$(grep -c '^put ' "$work/acked.$r" || true)
	seen=$(grep -c '^seen ' "$work/acked.$r" || true)
	[ "$puts" -gt 0 ] || { echo "FAIL: round $r ($how): no put was acknowledged"; exit 1; }
	lost=$(missing "$table" put "$work/acked.$r")
	[ "$lost" = 0 ] || { echo "FAIL: round $r ($how): $lost of $puts acknowledged puts lost"; exit 1; }
	lost=$(missing "$table" seen "$work/acked.$r")
	[ "$lost" = 0 ] || { echo "FAIL: round $r ($how): $lost of $seen items shown by GetItem lost"; exit 1; }
	echo "ok - round $r ($how): $puts acknowledged puts and $seen items shown by GetItem, none lost"
done
