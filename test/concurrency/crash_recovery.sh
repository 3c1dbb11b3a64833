#!/usr/bin/env bash
# crash_recovery: crashes under concurrent writers lose no committed write,
# keep no uncommitted one, and leave every item table's indexes clean.
#
# Runs its own throwaway instance (scripts/cluster.sh) with
# synchronous_commit on, so "committed" means what it means in production;
# fsync may stay off: the operating system does not crash here, processes
# do.  Each round starts writers (puts, a counter incremented by UpdateItem,
# pairs written together by TransactWriteItems, and a transaction left
# open), then crashes the server: odd rounds by `pg_ctl stop -m immediate`
# and a restart, even rounds by kill -9 of a busy backend (the postmaster
# then restarts every backend and recovers).  After each round: every write
# a client saw committed is there, the open transaction's write is not, no
# transaction is half applied, and amcheck's bt_index_check (heapallindexed)
# passes on every index of every item table.  CRASH_ROUNDS (default 2),
# CRASH_SECONDS of writing per round (default 2).
set -euo pipefail
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd -P)
rounds=${CRASH_ROUNDS:-2}
seconds=${CRASH_SECONDS:-2}
writers=3

# A private instance: unset the suite's, so cluster.sh makes a new one
unset PG_DYNAMO_DIR PG_DYNAMO_PORT
export PG_DYNAMO_CONF="synchronous_commit = on"
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"
pgd_start
export PGDATABASE=postgres
work=$(mktemp -d "${TMPDIR:-/tmp}/qa_crash.XXXXXX")
trap 'pgd_stop; rm -rf "$work"' EXIT

psql_q -c "CREATE EXTENSION pg_dynamo" -c "CREATE EXTENSION amcheck" >/dev/null
psql_q >/dev/null <<'SQL'
SELECT dynamo.create_table('crash_items', 'pk', 'S', 'sk', 'N');
SELECT dynamo.create_table('crash_pairs', 'pk', 'N');
SELECT dynamo.create_table('crash_counter', 'pk');
SELECT dynamo.put_item('crash_counter', '{"pk": "c", "n": 0}');
SQL

# Wait until the server takes connections again
wait_ready() {
	for _ in $(seq 1 120); do
		psql_q -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "FAIL: the server did not come back"
	exit 1
}

# Writer w of round r: one psql session, each statement printing a line
# only once it has committed
writer() {
	local w=$1 r=$2
	for i in $(seq 1 100000); do
		case $w in
			1) echo "SELECT 'put|$r|$i' FROM dynamo.put_item('crash_items', '{\"pk\": \"r$r\", \"sk\": $i, \"v\": \"$r-$i\"}') AS x;" ;;
			2) echo "SELECT 'pair|$r|$i' FROM dynamo.transact_write_items('[{\"Put\": {\"TableName\": \"crash_pairs\", \"Item\": {\"pk\": $((r * 1000000 + i)), \"side\": \"a\"}}}, {\"Put\": {\"TableName\": \"crash_items\", \"Item\": {\"pk\": \"pair$r\", \"sk\": $i}}}]') AS x;" ;;
			3) echo "SELECT 'add|$r|' || (dynamo.update_item('crash_counter', '{\"pk\": \"c\"}', 'ADD n :one', expression_attribute_values => '{\":one\": 1}', return_values => 'UPDATED_NEW') ->> 'n');" ;;
		esac
	done | PGAPPNAME=qa_crash_writer "$PGD_BIN/psql" -X -q -At >"$work/w$w.$r.out" 2>/dev/null || true
}

total_checked=0
for r in $(seq 1 "$rounds"); do
	pids=()
	for w in $(seq 1 $writers); do
		writer "$w" "$r" &
		pids+=($!)
	done
	# a transaction that never commits
	{ echo "BEGIN;"; echo "SELECT dynamo.put_item('crash_items', '{\"pk\": \"uncommitted\", \"sk\": $r}');"; echo "SELECT pg_sleep(600);"; } |
		"$PGD_BIN/psql" -X -q -At >/dev/null 2>&1 &
	pids+=($!)
	sleep "$seconds"
	if [ $((r % 2)) -eq 1 ]; then
		how="pg_ctl stop -m immediate"
		pgd_as_owner "$PGD_BIN/pg_ctl" -D "$PGD_DIR/data" -m immediate -w stop >/dev/null
		wait "${pids[@]}" 2>/dev/null || true
		pgd_as_owner "$PGD_BIN/pg_ctl" -D "$PGD_DIR/data" -l "$PGD_DIR/postgres.log" -w -t 60 start >/dev/null
	else
		how="kill -9 of a busy backend"
		victim=$(psql_q -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'qa_crash_writer'
			ORDER BY state = 'active' DESC, pid LIMIT 1")
		[ -n "$victim" ] || { echo "FAIL: no writer backend to kill"; exit 1; }
		kill -9 "$victim"
		wait "${pids[@]}" 2>/dev/null || true
	fi
	wait_ready

	# every write the clients saw committed is there
	acked_puts=$(grep -c '^put|' "$work/w1.$r.out" || true)
	acked_pairs=$(grep -c '^pair|' "$work/w2.$r.out" || true)
	last_add=$(grep '^add|' "$work/w3.$r.out" | tail -1 | cut -d'|' -f3)
	acked_adds=$(grep -c '^add|' "$work/w3.$r.out" || true)
	missing=0
	if [ "$acked_puts" -gt 0 ]; then
		missing=$(psql_q -c "SELECT count(*) FROM generate_series(1, $acked_puts) AS i
			WHERE dynamo.get_item('crash_items', jsonb_build_object('pk', 'r$r', 'sk', i)) ->> 'v' IS DISTINCT FROM '$r-' || i")
	fi
	[ "$missing" = 0 ] || { echo "FAIL: round $r ($how): $missing committed puts lost"; exit 1; }
	half=$(psql_q -c "SELECT count(*) FROM (SELECT pk - $r * 1000000 AS i FROM dynamo_data.crash_pairs
			WHERE pk BETWEEN $r * 1000000 AND $r * 1000000 + 999999) AS a
		FULL JOIN (SELECT sk AS i FROM dynamo_data.crash_items WHERE pk = 'pair$r') AS b USING (i)
		WHERE a.i IS NULL OR b.i IS NULL")
	[ "$half" = 0 ] || { echo "FAIL: round $r ($how): $half transactions half applied"; exit 1; }
	pairs=$(psql_q -c "SELECT count(*) FROM dynamo_data.crash_pairs WHERE pk BETWEEN $r * 1000000 AND $r * 1000000 + 999999")
	[ "$pairs" -ge "$acked_pairs" ] || { echo "FAIL: round $r ($how): $acked_pairs committed transactions, $pairs found"; exit 1; }
	counter=$(psql_q -c "SELECT item ->> 'n' FROM dynamo_data.crash_counter WHERE pk = 'c'")
	[ "$counter" -ge "${last_add:-0}" ] || { echo "FAIL: round $r ($how): counter $counter, committed ${last_add}"; exit 1; }
	uncommitted=$(psql_q -c "SELECT count(*) FROM dynamo_data.crash_items WHERE pk = 'uncommitted'")
	[ "$uncommitted" = 0 ] || { echo "FAIL: round $r ($how): an uncommitted write survived"; exit 1; }
	# amcheck: every index of every item table, with every heap tuple indexed
	indexes=$(psql_q -c "SELECT count(bt_index_check(i.indexrelid, true)) FROM dynamo.tables AS t
		JOIN pg_index AS i ON i.indrelid = t.relation")
	checked=$((acked_puts + acked_pairs + acked_adds))
	total_checked=$((total_checked + checked))
	echo "ok - round $r ($how): $acked_puts puts, $acked_pairs transactions, counter at ${last_add:-0} committed ($counter found), none lost; $indexes indexes clean"
done
echo "# $rounds crash rounds, $total_checked committed writes checked"
