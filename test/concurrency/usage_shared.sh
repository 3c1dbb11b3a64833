#!/usr/bin/env bash
# dynamo.usage with the library preloaded: the figures of every session,
# counted in shared memory under concurrent callers.  Starts its own
# instance (shared_preload_libraries needs a server start), 8 clients each
# reading one item 50 times and writing another 10 times; the view must
# count every call exactly, as seen from another session, and a reset must
# clear them for all.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.bash"
root=$(cd "$here/../.." && pwd)

unset PG_DYNAMO_DIR PG_DYNAMO_PORT
eval "$(PG_DYNAMO_CONF="shared_preload_libraries = 'pg_dynamo'" "$root/scripts/cluster.sh" start 2>/dev/null)"
instance=$PGHOST
trap '"$root/scripts/cluster.sh" stop "$instance" >/dev/null 2>&1 || true' EXIT
export PGDATABASE=postgres

psql_q -c "CREATE EXTENSION pg_dynamo" \
	-c "SELECT dynamo.create_table('Shared', partition_key => 'Id') IS NOT NULL" \
	-c "SELECT dynamo.put_item('Shared', '{\"Id\":\"a\",\"v\":1}')" \
	-c "SELECT dynamo.usage_reset()" >/dev/null

script=$(mktemp)
cat >"$script" <<'SQL'
SELECT dynamo.get_item('Shared', '{"Id":"a"}');
SQL
bench "$script" 50
cat >"$script" <<'SQL'
SELECT dynamo.put_item('Shared', jsonb_build_object('Id', 'w' || :client_id, 'pad', repeat('x', 1500)));
SQL
bench "$script" 10
rm -f "$script"

row=$(psql_q -c "SELECT calls, items_read, read_units, counted FROM dynamo.usage WHERE operation = 'GetItem'")
expect "GetItem calls, items read, read units, scope" "$row" "400|400|200|server"
row=$(psql_q -c "SELECT calls, write_units, bytes FROM dynamo.usage WHERE operation = 'PutItem'")
# each item: Id 2+2, pad 3+1500 = 1507 bytes, 2 write units
expect "PutItem calls, write units, bytes" "$row" "80|160|120560"
psql_q -c "SELECT dynamo.usage_reset()" >/dev/null
row=$(psql_q -c "SELECT count(*) FROM dynamo.usage")
expect "figures after a reset" "$row" "0"
