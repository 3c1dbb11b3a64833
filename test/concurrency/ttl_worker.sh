#!/usr/bin/env bash
# The TTL expiry worker, on a throwaway instance of its own that preloads
# pg_dynamo: with a write workload running on the same table, it deletes
# exactly the expired items (Number attribute, epoch seconds in the past, no
# more than five years back) and nothing else, and no write fails or is
# lost.  Prints the expiry rate it saw (items per minute).
#   TTL_ITEMS   expired items to load (default 30000)
#   TTL_WRITE_S seconds of write workload (default 5)
. "$(dirname "$0")/lib.bash"
ITEMS=${TTL_ITEMS:-30000}
WRITE_S=${TTL_WRITE_S:-5}
work=$(mktemp -d)

# An instance of our own: the suite's does not preload the library
unset PGHOST PGPORT PGDATABASE
export PG_DYNAMO_CONF="shared_preload_libraries = 'pg_dynamo'
pg_dynamo.ttl_database = 'postgres'
pg_dynamo.ttl_interval = 1"
export PG_DYNAMO_PORT=
. "$(dirname "$0")/../../scripts/cluster.sh"
pgd_start >/dev/null 2>&1
trap 'pgd_stop >/dev/null 2>&1; rm -rf "$work"' EXIT
export PGDATABASE=postgres

psql_q <<SQL
CREATE EXTENSION pg_dynamo;
SELECT dynamo.create_table('Sessions', 'Id') IS NOT NULL;
-- expired, unexpired, too old, non-number and missing TTL attributes
INSERT INTO dynamo_data."Sessions"
SELECT 'expired' || i, jsonb_build_object('Id', 'expired' || i, 'exp', floor(extract(epoch FROM now())) - 1 - i % 86400)
FROM generate_series(1, $ITEMS) AS i;
INSERT INTO dynamo_data."Sessions" VALUES
  ('future',  jsonb_build_object('Id', 'future', 'exp', floor(extract(epoch FROM now())) + 86400)),
  ('ancient', jsonb_build_object('Id', 'ancient', 'exp', floor(extract(epoch FROM now() - interval '6 years')))),
  ('string',  jsonb_build_object('Id', 'string', 'exp', (floor(extract(epoch FROM now())) - 60)::text)),
  ('missing', '{"Id": "missing"}');
SQL

# writers put unexpired items into the same table while the worker expires
cat >"$work/put.sql" <<'SQL'
\set k random(1, 1000000)
SELECT dynamo.put_item('Sessions', jsonb_build_object('Id', 'live' || :k, 'exp', floor(extract(epoch FROM now())) + 3600));
SQL
"$PGBIN/pgbench" -n -c 2 -j 2 -T "$WRITE_S" -f "$work/put.sql" >"$work/pgbench.out" 2>&1 &
writers=$!

start=$(date +%s.%N)
psql_q -c "SELECT dynamo.update_time_to_live('Sessions', 'exp') IS NOT NULL" >/dev/null
left=$ITEMS
for _ in $(seq 1 600); do
	left=$(psql_q -c "SELECT count(*) FROM dynamo_data.\"Sessions\" WHERE pk LIKE 'expired%'")
	[ "$left" = 0 ] && break
	sleep 0.2
done
done_at=$(date +%s.%N)
wait "$writers" || { cat "$work/pgbench.out"; echo "FAIL: writers failed"; exit 1; }
grep -E "^(number of transactions actually processed|number of failed|tps)" "$work/pgbench.out" || true

expect "expired items left" "$left" 0
expect "items kept" "$(psql_q -c "SELECT string_agg(pk, ',' ORDER BY pk) FROM dynamo_data.\"Sessions\" WHERE pk NOT LIKE 'live%'")" "ancient,future,missing,string"
written=$(psql_q -c "SELECT count(*) FROM dynamo_data.\"Sessions\" WHERE pk LIKE 'live%'")
[ "$written" -gt 0 ] || { echo "FAIL: no write went through"; exit 1; }
echo "ok: $written items written by the writers are all there"
awk -v n="$ITEMS" -v a="$start" -v b="$done_at" \
	'BEGIN { printf "expiry: %d items in %.1f s with writers running = %.0f items/min\n", n, b - a, n / (b - a) * 60 }'

# an item that expires long after the worker started is expired too (the
# worker's now() is each batch's time, not its start)
sleep 2
psql_q -c "INSERT INTO dynamo_data.\"Sessions\" VALUES ('late', jsonb_build_object('Id', 'late', 'exp', floor(extract(epoch FROM now())) - 1))" >/dev/null
late=1
for _ in $(seq 1 50); do
	late=$(psql_q -c "SELECT count(*) FROM dynamo_data.\"Sessions\" WHERE pk = 'late'")
	[ "$late" = 0 ] && break
	sleep 0.2
done
expect "item expired after the worker started" "$late" 0
