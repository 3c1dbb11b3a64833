#!/usr/bin/env bash
# dump_restore: pg_dump and pg_restore of a database with several item
# tables and the catalog (secondary indexes, settings, tags, Time to Live, a
# stream), into a fresh database, keep every item and every DescribeTable,
# and the restored tables work (reads, index reads, writes, the stream, the
# constraints of the stored form).
set -euo pipefail
. "$(dirname "$0")/lib.bash"

: "${PGDATABASE:?set PGDATABASE to a database with pg_dynamo}"
src=$PGDATABASE
dst=${PGDATABASE}_restored
work=$(mktemp -d "${TMPDIR:-/tmp}/qa_dump.XXXXXX")
long="dump_$(printf 'l%.0s' $(seq 1 70))"
trap 'rm -rf "$work"; psql_q -d postgres -c "DROP DATABASE IF EXISTS \"$dst\"" >/dev/null 2>&1 || true' EXIT

psql_q -d "$src" >/dev/null <<SQL
SET client_min_messages = warning;
SELECT dynamo.create_table('dump_s', 'pk');
SELECT dynamo.create_table('dump_ns', 'pk', 'N', 'sk', 'S');
SELECT dynamo.create_table('dump_bn', 'pk', 'B', 'sk', 'N');
SELECT dynamo.create_table('$long', 'id');
SELECT dynamo.put_item('dump_s', jsonb_build_object('pk', 'k' || i, 'n', i * 1.5, 'b', '{"\$B": "AAE="}'::jsonb,
  'ss', '{"\$SS": ["a", "b"]}'::jsonb, 'ns', '{"\$NS": [1, 2.5]}'::jsonb, 'bs', '{"\$BS": ["AA==", "AQ=="]}'::jsonb,
  'm', jsonb_build_object('l', jsonb_build_array(i, 'x', NULL, true)), 'w', '{"\$M": {"\$SS": ["x"]}}'::jsonb))
FROM generate_series(1, 50) AS i;
SELECT dynamo.put_item('dump_ns', jsonb_build_object('pk', i % 5, 'sk', 's' || i)) FROM generate_series(1, 40) AS i;
SELECT dynamo.put_item('dump_bn', jsonb_build_object('pk', '{"\$B": "AAE="}'::jsonb, 'sk', i)) FROM generate_series(1, 10) AS i;
SELECT dynamo.put_item('$long', '{"id": "only"}');
SELECT dynamo.execute_text('PutItem', '{"TableName": "dump_s", "Item": {"pk": {"S": "nul\u0000"}, "v": {"S": "\u0000\u0001"}}}');
-- a table with a GSI and an LSI, settings, tags, Time to Live and a stream
SELECT dynamo.execute('CreateTable', '{"TableName": "dump_ix", "BillingMode": "PAY_PER_REQUEST",
  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
    {"AttributeName": "g", "AttributeType": "S"}, {"AttributeName": "l", "AttributeType": "N"}],
  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
  "GlobalSecondaryIndexes": [{"IndexName": "ByG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "KEYS_ONLY"}}],
  "LocalSecondaryIndexes": [{"IndexName": "ByL", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
    {"AttributeName": "l", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}],
  "DeletionProtectionEnabled": true, "Tags": [{"Key": "team", "Value": "dump"}],
  "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}');
SELECT dynamo.execute('UpdateTimeToLive', '{"TableName": "dump_ix", "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "exp"}}');
SELECT dynamo.put_item('dump_ix', jsonb_build_object('pk', 'p' || i % 3, 'sk', i, 'g', 'g' || i % 4, 'l', 100 - i))
FROM generate_series(1, 30) AS i;
SQL

# Every item of every table (its stored form, through the item table) and
# every description, as text
snapshot() {
	psql_q -d "$1" >"$work/$1.items" <<'SQL'
SELECT format('SELECT %L, item::text FROM %s ORDER BY 2', table_name, relation) FROM dynamo.tables ORDER BY table_name
\gexec
SQL
	psql_q -d "$1" -c "SELECT table_name, dynamo.describe_table(table_name) - 'TableSizeBytes'
		FROM dynamo.tables ORDER BY 1" >"$work/$1.describe"
	psql_q -d "$1" >>"$work/$1.describe" <<'SQL'
SELECT dynamo.execute('DescribeTimeToLive', '{"TableName": "dump_ix"}');
SELECT dynamo.execute('ListTagsOfResource', jsonb_build_object('ResourceArn',
  dynamo.describe_table('dump_ix')->>'TableArn'));
SQL
	# every item through each index, in the index's order
	psql_q -d "$1" >"$work/$1.index_reads" <<'SQL'
SELECT dynamo.execute('Query', jsonb_build_object('TableName', 'dump_ix', 'IndexName', 'ByG',
  'KeyConditionExpression', 'g = :g', 'ExpressionAttributeValues', jsonb_build_object(':g', jsonb_build_object('S', 'g' || i))))
FROM generate_series(0, 3) AS i;
SELECT dynamo.execute('Query', jsonb_build_object('TableName', 'dump_ix', 'IndexName', 'ByL',
  'KeyConditionExpression', 'pk = :p AND l > :l', 'ExpressionAttributeValues',
  jsonb_build_object(':p', jsonb_build_object('S', 'p' || i), ':l', '{"N": "80"}'::jsonb)))
FROM generate_series(0, 2) AS i;
SQL
}
snapshot "$src"

"$PGBIN/pg_dump" -Fc -d "$src" -f "$work/dump"
psql_q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$dst\"" \
	-c "CREATE DATABASE \"$dst\"" >/dev/null
"$PGBIN/pg_restore" --exit-on-error -d "$dst" "$work/dump"
snapshot "$dst"

expect "tables restored" "$(psql_q -d "$dst" -c "SELECT count(*) FROM dynamo.tables")" \
	"$(psql_q -d "$src" -c "SELECT count(*) FROM dynamo.tables")"
expect "items restored" "$(wc -l <"$work/$dst.items")" "$(wc -l <"$work/$src.items")"
if ! cmp -s "$work/$src.items" "$work/$dst.items"; then
	diff "$work/$src.items" "$work/$dst.items" | head -20
	echo "FAIL: items differ after the restore"
	exit 1
fi
echo "ok: every item equal"
if ! cmp -s "$work/$src.describe" "$work/$dst.describe"; then
	diff "$work/$src.describe" "$work/$dst.describe" | head -20
	echo "FAIL: descriptions differ after the restore"
	exit 1
fi
echo "ok: every DescribeTable equal (indexes, settings, stream), TTL and tags too"
if ! cmp -s "$work/$src.index_reads" "$work/$dst.index_reads"; then
	diff "$work/$src.index_reads" "$work/$dst.index_reads" | head -20
	echo "FAIL: index reads differ after the restore"
	exit 1
fi
expect "index reads answered" "$(grep -c '"Items"' "$work/$dst.index_reads")" 7
echo "ok: every index read equal"
expect "PostgreSQL indexes restored" "$(psql_q -d "$dst" -c "SELECT count(*) FROM dynamo.indexes i
	JOIN pg_class c ON c.relname = i.relation_name AND c.relnamespace = 'dynamo_data'::regnamespace")" 2
expect "deletion protection restored" "$(psql_q -d "$dst" -c "SELECT dynamo.delete_table('dump_ix') IS NULL" 2>&1 | grep -c 'deletion protection')" 1
before=$(psql_q -d "$dst" -c "SELECT count(*) FROM dynamo.stream_records('dump_ix')")
psql_q -d "$dst" -c "SELECT dynamo.put_item('dump_ix', '{\"pk\": \"p9\", \"sk\": 9, \"g\": \"g9\"}')" >/dev/null
expect "the restored stream captures writes" "$(psql_q -d "$dst" -c "SELECT count(*) FROM dynamo.stream_records('dump_ix')")" $((before + 1))
nul_item=$(psql_q -d "$dst" <<'SQL'
SELECT dynamo.execute_text('GetItem', '{"TableName": "dump_s", "Key": {"pk": {"S": "nul\u0000"}}}');
SQL
)
expect "U+0000 round trip" "$nul_item" '{"Item": {"v": {"S": "\u0000\u0001"}, "pk": {"S": "nul\u0000"}}}'
expect "write to a restored table" "$(psql_q -d "$dst" -c "SELECT coalesce(dynamo.put_item('$long', '{\"id\": \"new\"}')::text, 'put')")" put
expect "query a restored table" "$(psql_q -d "$dst" -c "SELECT count(*) FROM dynamo.query('dump_ns', 'pk = :p', expression_attribute_values => '{\":p\": 1}')")" 8
expect "constraints restored" "$(psql_q -d "$dst" -c "SELECT count(*) FROM pg_constraint WHERE conname = 'item_canonical'")" 5
if psql_q -d "$dst" -c "UPDATE dynamo_data.dump_s SET item = item || '{\"s\": {\"\$SS\": []}}'" >/dev/null 2>&1; then
	echo "FAIL: the restored table took an item outside the stored form"
	exit 1
fi
echo "ok: the restored constraint refuses an item outside the stored form"
echo "# all checks passed"
