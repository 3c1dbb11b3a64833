#!/usr/bin/env bash
# Crash consistency of secondary indexes: clients write items with index
# attributes (puts, updates moving items between and out of indexes,
# deletes) while the server is stopped with `pg_ctl stop -m immediate`;
# after the restart every item is in exactly the indexes it belongs to (an
# index-only count per index equals a count over the heap, and a Query
# through each index finds each such item) and amcheck finds the indexes
# intact.
. "$(dirname "$0")/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

datadir=$(psql_q -c "SHOW data_directory")
psql_q <<'SQL'
CREATE EXTENSION IF NOT EXISTS amcheck;
SELECT dynamo.execute('CreateTable', '{"TableName":"Crashy",
  "KeySchema":[{"AttributeName":"Id","KeyType":"HASH"},{"AttributeName":"At","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"},{"AttributeName":"At","AttributeType":"N"},
    {"AttributeName":"Status","AttributeType":"S"},{"AttributeName":"Score","AttributeType":"N"}],
  "GlobalSecondaryIndexes":[{"IndexName":"ByStatus","KeySchema":[{"AttributeName":"Status","KeyType":"HASH"},{"AttributeName":"Score","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}},
                            {"IndexName":"ByScore","KeySchema":[{"AttributeName":"Score","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}],
  "LocalSecondaryIndexes":[{"IndexName":"IdStatus","KeySchema":[{"AttributeName":"Id","KeyType":"HASH"},{"AttributeName":"Status","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
  "BillingMode":"PAY_PER_REQUEST"}') IS NOT NULL;
SQL
cat >"$work/write.sql" <<'SQL'
\set id random(1, 50)
\set at random(1, 40)
\set st random(0, 4)
\set sc random(1, 20)
\set op random(1, 10)
SELECT CASE WHEN :op <= 6 THEN
         dynamo.put_item('Crashy', jsonb_strip_nulls(jsonb_build_object('Id', 'i' || :id, 'At', :at,
           'Status', CASE WHEN :st > 0 THEN 's' || :st END, 'Score', CASE WHEN :sc > 3 THEN :sc END, 'Pad', repeat('x', 200))))
       WHEN :op <= 8 THEN
         dynamo.update_item('Crashy', jsonb_build_object('Id', 'i' || :id, 'At', :at), 'SET Score = :s REMOVE #st',
           expression_attribute_names => '{"#st":"Status"}', expression_attribute_values => jsonb_build_object(':s', :sc))
       ELSE dynamo.delete_item('Crashy', jsonb_build_object('Id', 'i' || :id, 'At', :at)) END;
SQL
echo "index_crash: $CLIENTS clients writing, then pg_ctl stop -m immediate"
"$PGBIN/pgbench" -n -c "$CLIENTS" -j 2 -T 30 -f "$work/write.sql" >"$work/bench.log" 2>&1 &
bench_pid=$!
sleep 3
as_owner "$PGBIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null
wait "$bench_pid" || true   # its clients lost their server
as_owner "$PGBIN/pg_ctl" -D "$datadir" -l "$datadir/../postgres.log" -w start >/dev/null
for _ in $(seq 1 30); do psql_q -c "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done

items=$(psql_q -c 'SELECT count(*) FROM dynamo_data."Crashy"')
[ "$items" -gt 0 ] || { echo "FAIL: no committed items"; exit 1; }
echo "ok: $items committed items survived"
# each index, read alone (index-only where it can), against the heap
check() {
	local what=$1 heap=$2 via_index=$3
	local want got
	want=$(psql_q -c "SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off; $heap")
	got=$(psql_q -c "SET enable_seqscan = off; $via_index")
	expect "$what" "$got" "$want"
}
check "items in ByStatus" \
	"SELECT count(*) FROM dynamo_data.\"Crashy\" WHERE item ? 'Status' AND item ? 'Score'" \
	"SELECT sum((SELECT count(*) FROM dynamo.query('Crashy', '#s = :s', expression_attribute_names => '{\"#s\":\"Status\"}', expression_attribute_values => jsonb_build_object(':s', 's' || i), index_name => 'ByStatus'))) FROM generate_series(1, 4) i"
check "items in ByScore" \
	"SELECT count(*) FROM dynamo_data.\"Crashy\" WHERE item ? 'Score'" \
	"SELECT sum((SELECT count(*) FROM dynamo.query('Crashy', 'Score = :s', expression_attribute_values => jsonb_build_object(':s', i), index_name => 'ByScore'))) FROM generate_series(1, 20) i"
check "items in IdStatus" \
	"SELECT count(*) FROM dynamo_data.\"Crashy\" WHERE item ? 'Status'" \
	"SELECT sum((SELECT count(*) FROM dynamo.query('Crashy', 'Id = :i', expression_attribute_values => jsonb_build_object(':i', 'i' || i), index_name => 'IdStatus'))) FROM generate_series(1, 50) i"
check "index entries equal to the items, item by item" \
	"SELECT md5(string_agg(pk || '/' || sk || '/' || (item->'Score')::text, ',' ORDER BY pk, sk)) FROM dynamo_data.\"Crashy\" WHERE item ? 'Score'" \
	"SELECT md5(string_agg(s->>'Id' || '/' || (s->>'At') || '/' || (s->'Score')::text, ',' ORDER BY s->>'Id' COLLATE \"C\", (s->>'At')::numeric)) FROM dynamo.scan('Crashy', index_name => 'ByScore') s"
bad=$(psql_q -c "SELECT count(*) FROM (SELECT bt_index_check(i.indexrelid, true) FROM pg_index i WHERE i.indrelid = 'dynamo_data.\"Crashy\"'::regclass) x" 2>&1) || { echo "$bad"; echo "FAIL: amcheck"; exit 1; }
expect "indexes checked by amcheck (bt_index_check with heapallindexed)" "$bad" 4
