#!/usr/bin/env bash
# What does a stream cost a writer, and how fast is GetRecords?
#
# 1. put_item on a table without a stream (Plain) and on the same table
#    with a NEW_AND_OLD_IMAGES stream (Streamed): the same random upserts of
#    a few hundred bytes, CLIENTS clients, SECONDS_PER_RUN seconds per side,
#    alternating ROUNDS times.  Target: Streamed costs at most 1.5 times
#    Plain (throughput ratio >= 0.67).
# 2. GetRecords of 1,000 records (execute(), DynamoDB's typed JSON, from a
#    random position) next to the hand-written SQL reading the same rows of
#    dynamo.stream_records.  Target: GetRecords >= 0.5 times the SQL.  The
#    same through execute_text() (getrecords_text), the text path the HTTP
#    door takes: the response written as text, no jsonb built.
# Runs against the instance in PGHOST/PGPORT (scripts/bench.sh starts one).
# shellcheck source=bench/lib.bash
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

RECORDS=${RECORDS:-50000}
DB=pg_dynamo_bench_streams

bench_database "$DB"
psql <<SQL
CREATE EXTENSION pg_dynamo;
SELECT dynamo.create_table(t, 'Customer', 'S', 'Order', 'N') IS NOT NULL FROM unnest(array['Plain', 'Streamed']) t;
SELECT dynamo.update_stream('Streamed', 'NEW_AND_OLD_IMAGES') IS NOT NULL;
-- the records GetRecords reads: $RECORDS changes of the Streamed table
SELECT count(dynamo.put_item('Streamed', jsonb_build_object('Customer', 'c' || i % 1000, 'Order', i,
       'Status', 'SHIPPED', 'Note', repeat('x', 120)))) FROM generate_series(1, $RECORDS) i;
VACUUM ANALYZE;
-- A shard iterator of the Streamed stream after a sequence number, as
-- GetShardIterator writes them (stream_read.c), made without a request
CREATE TABLE bench_stream AS
    SELECT 'arn:aws:dynamodb:' || current_setting('pg_dynamo.region') || ':' || current_setting('pg_dynamo.account_id')
           || ':table/Streamed/stream/' || stream_label AS arn, shard_id
    FROM dynamo.streams JOIN dynamo.stream_shards USING (stream_id) WHERE table_name = 'Streamed';
CREATE FUNCTION bench_iterator(after bigint) RETURNS text LANGUAGE sql STABLE AS \$\$
    SELECT arn || '|1|' || replace(encode(convert_to(shard_id || '|' || after || '|'
        || ((extract(epoch FROM now()) - 946684800) * 1000000)::bigint, 'UTF8'), 'base64'), E'\n', '')
    FROM bench_stream
\$\$;
SQL
first=$(psql -c "SELECT min(seq) FROM dynamo.stream_records")
last=$(psql -c "SELECT max(seq) - 1000 FROM dynamo.stream_records")

# One side's pgbench script
write_side() {
	case $1 in
	plain | streamed)
		local table=Plain
		[ "$1" = streamed ] && table=Streamed
		cat <<SQL
\\set p random(1, 10000)
\\set o random(1, 10)
SELECT dynamo.put_item('$table', format('{"Customer": "c%s", "Order": %s, "Status": "NEW", "Total": %s, "Note": "%s"}',
       :p::int, :o::int, :p::int % 997, repeat('y', 200))::jsonb);
SQL
		;;
	getrecords)
		cat <<SQL
\\set s random($first, $last)
SELECT jsonb_array_length(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', bench_iterator(:s), 'Limit', 1000))->'Records');
SQL
		;;
	getrecords_text)
		cat <<SQL
\\set s random($first, $last)
SELECT octet_length(dynamo.execute_text('GetRecords', json_build_object('ShardIterator', bench_iterator(:s), 'Limit', 1000)::text));
SQL
		;;
	sql)
		cat <<SQL
\\set s random($first, $last)
SELECT seq, event_name, keys, new_image, old_image, size_bytes, created_at
FROM dynamo.stream_records WHERE stream_id = (SELECT stream_id FROM dynamo.streams WHERE table_name = 'Streamed')
AND seq > :s ORDER BY seq LIMIT 1000;
SQL
		;;
	esac
}

# tps of one side, one run
run_side() {
	write_side "$1" >"$work/$1.sql"
	"$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_PER_RUN" -f "$work/$1.sql" 2>&1 |
		sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

# Alternate two sides; print their mean tps and the ratio second / first
pair() {
	local a=$1 b=$2 target=$3 ta=0 tb=0 x
	for ((r = 1; r <= ROUNDS; r++)); do
		x=$(run_side "$a"); ta=$(echo "$ta + $x" | bc -l)
		x=$(run_side "$b"); tb=$(echo "$tb + $x" | bc -l)
	done
	printf '%-10s %10.1f tps\n%-10s %10.1f tps\n%s / %s = %.2f (target >= %s)\n' \
		"$a" "$(echo "$ta / $ROUNDS" | bc -l)" "$b" "$(echo "$tb / $ROUNDS" | bc -l)" \
		"$b" "$a" "$(echo "$tb / $ta" | bc -l)" "$target"
}

echo "streams: $CLIENTS clients, $ROUNDS rounds of $SECONDS_PER_RUN s per side; $RECORDS records in the stream"
echo "-- 1,000 records: hand-written SQL and GetRecords"
pair sql getrecords 0.5
echo "-- 1,000 records: hand-written SQL and GetRecords through execute_text()"
pair sql getrecords_text 0.5
echo "-- put_item without and with a NEW_AND_OLD_IMAGES stream"
pair plain streamed 0.67
