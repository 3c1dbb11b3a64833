#!/usr/bin/env bash
# The stream trimming worker: on an instance of its own with pg_dynamo in
# shared_preload_libraries and pg_dynamo.stream_trim_interval = 1, a stream
# record older than 24 hours disappears by itself, a recent one stays, and
# the worker shows in pg_stat_activity.
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd -P)
PG_DYNAMO_CONF="shared_preload_libraries = 'pg_dynamo'
pg_dynamo.stream_trim_interval = 1" PG_DYNAMO_PORT= PG_DYNAMO_DIR= PG_DYNAMO_KEEP=0
export PG_DYNAMO_CONF
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"
pgd_start >/dev/null

# the worker's database: pg_dynamo.stream_trim_database, postgres by default
export PGDATABASE=postgres
psql_q <<'SQL'
CREATE EXTENSION pg_dynamo;
SELECT dynamo.create_table('Trimmed', 'Id') IS NOT NULL;
SELECT dynamo.update_stream('Trimmed', 'KEYS_ONLY') IS NOT NULL;
SELECT dynamo.put_item('Trimmed', '{"Id":"old"}'), dynamo.put_item('Trimmed', '{"Id":"recent"}');
-- the first record as if written two days ago
UPDATE dynamo.stream_records SET created_at = now() - interval '2 days' WHERE keys->>'Id' = 'old';
SQL
left=
for _ in $(seq 1 60); do
	left=$(psql_q -c "SELECT string_agg(keys->>'Id', ',' ORDER BY seq) FROM dynamo.stream_records")
	[ "$left" = recent ] && break
	sleep 0.5
done
expect "records left after the worker's trim" "$left" recent
expect "workers running" "$(psql_q -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_dynamo stream trim'")" 1
