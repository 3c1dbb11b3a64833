#!/usr/bin/env bash
# 8 clients write overlapping items (SQL functions, plain SQL, deletes,
# two-item transactions (in key order) that sleep between their writes, rollbacks) while a
# reader follows the stream with GetRecords. Afterwards: the reader got
# every committed change exactly once and in increasing sequence numbers;
# each item's records chain (every OldImage is the NewImage before it); and
# replaying the stream rebuilds exactly the final table.
. "$(dirname "$0")/lib.bash"
TX=${TX:-150}
KEYS=${KEYS:-20}
work=$(mktemp -d)
reader_pid=
cleanup() {
	if [ -n "$reader_pid" ]; then   # a failed run: let the reader finish
		psql_q -c 'UPDATE writers SET done = true' >/dev/null 2>&1 || true
		wait "$reader_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

psql_q <<'SQL'
SELECT dynamo.create_table('Replay', 'Id', 'N') IS NOT NULL;
SELECT dynamo.update_stream('Replay', 'NEW_AND_OLD_IMAGES') IS NOT NULL;
-- one row per committed write that changes an item
CREATE TABLE sent (k int NOT NULL);
-- what the reader saw, in the order it saw it
CREATE TABLE followed (n bigserial PRIMARY KEY, seq text NOT NULL, event text NOT NULL,
                       keys jsonb NOT NULL, new_image jsonb, old_image jsonb);
CREATE TABLE writers (done boolean NOT NULL);
INSERT INTO writers VALUES (false);

-- Follow the stream until the writers are done and nothing is left
CREATE PROCEDURE follow() LANGUAGE plpgsql AS $$
DECLARE
    arn text := dynamo.describe_table('Replay')->>'LatestStreamArn';
    shard text := dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', arn))
                  #>> '{StreamDescription,Shards,0,ShardId}';
    it text := dynamo.execute('GetShardIterator', jsonb_build_object('StreamArn', arn, 'ShardId', shard,
                              'ShardIteratorType', 'TRIM_HORIZON'))->>'ShardIterator';
    resp jsonb;
    finished boolean;
    got int;
BEGIN
    LOOP
        SELECT done INTO finished FROM writers;
        resp := dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', it, 'Limit', 50));
        INSERT INTO followed (seq, event, keys, new_image, old_image)
        SELECT r->'dynamodb'->>'SequenceNumber', r->>'eventName', r->'dynamodb'->'Keys',
               r->'dynamodb'->'NewImage', r->'dynamodb'->'OldImage'
        FROM jsonb_array_elements(resp->'Records') WITH ORDINALITY AS e(r, i) ORDER BY i;
        GET DIAGNOSTICS got = ROW_COUNT;
        it := resp->>'NextShardIterator';
        COMMIT;
        EXIT WHEN finished AND got = 0;
        IF got = 0 THEN
            PERFORM pg_sleep(0.005);
        END IF;
    END LOOP;
END $$;
SQL

cat >"$work/write.sql" <<SQL
\\set kind random(1, 6)
\\set k random(1, $KEYS)
\\set k3 random(1, $KEYS)
\\set k2 greatest(:k, :k3)
\\set k least(:k, :k3)

\\if :kind = 1
BEGIN;
SELECT dynamo.update_item('Replay', jsonb_build_object('Id', :k), 'SET c = :c ADD n :one',
       expression_attribute_values => jsonb_build_object(':c', :client_id, ':one', 1));
INSERT INTO sent VALUES (:k);
COMMIT;
\\elif :kind = 2
BEGIN;
WITH u AS (UPDATE dynamo_data."Replay" SET item = item || jsonb_build_object('sql', COALESCE((item->>'sql')::int, 0) + 1)
           WHERE pk = :k RETURNING pk)
INSERT INTO sent SELECT pk FROM u;
COMMIT;
\\elif :kind = 3
BEGIN;
INSERT INTO sent SELECT :k WHERE dynamo.delete_item('Replay', jsonb_build_object('Id', :k), return_values => 'ALL_OLD') IS NOT NULL;
COMMIT;
\\elif :kind = 4
BEGIN;
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'Replay', 'Item', jsonb_build_object(
       'Id', jsonb_build_object('N', :k::text), 'p', jsonb_build_object('S', :client_id || '-' || random()))));
INSERT INTO sent VALUES (:k);
SELECT pg_sleep(0.002);
SELECT dynamo.update_item('Replay', jsonb_build_object('Id', :k2), 'ADD n :one',
       expression_attribute_values => '{":one":1}');
INSERT INTO sent VALUES (:k2);
COMMIT;
\\elif :kind = 5
BEGIN;
SELECT dynamo.update_item('Replay', jsonb_build_object('Id', :k), 'ADD rolled :one',
       expression_attribute_values => '{":one":1}');
ROLLBACK;
\\else
BEGIN;
SELECT dynamo.transact_write_items(jsonb_build_array(
       jsonb_build_object('Update', jsonb_build_object('TableName', 'Replay', 'Key', jsonb_build_object('Id', :k),
           'UpdateExpression', 'ADD t :one', 'ExpressionAttributeValues', '{":one":1}'::jsonb))));
INSERT INTO sent VALUES (:k);
COMMIT;
\\endif
SQL

psql_q -c 'CALL follow()' >"$work/reader.log" 2>&1 &
reader_pid=$!
echo "stream replay: $CLIENTS clients x $TX transactions over $KEYS items, one reader following with GetRecords"
bench "$work/write.sql" "$TX"
psql_q -c 'UPDATE writers SET done = true'
if ! wait "$reader_pid"; then
	cat "$work/reader.log"
	echo "FAIL: the reader failed"
	exit 1
fi
reader_pid=

expect "changes committed" "$(psql_q -c 'SELECT count(*) > 0 FROM sent')" t
expect "records read = changes committed" \
	"$(psql_q -c 'SELECT (SELECT count(*) FROM followed) = (SELECT count(*) FROM sent)')" t
expect "records read twice" "$(psql_q -c 'SELECT count(*) - count(DISTINCT seq) FROM followed')" 0
expect "records read out of sequence order" \
	"$(psql_q -c 'SELECT count(*) FROM (SELECT seq, lag(seq) OVER (ORDER BY n) AS prev FROM followed) s WHERE seq <= prev')" 0
expect "records of the stream the reader missed" "$(psql_q <<'SQL'
SELECT count(*) FROM dynamo.stream_records('Replay', "limit" => 1000000) r
WHERE NOT EXISTS (SELECT 1 FROM followed f WHERE f.seq = r.sequence_number)
SQL
)" 0
# per item, in sequence order, each record starts from the image the previous one left
expect "records whose OldImage is not the item before them" "$(psql_q <<'SQL'
SELECT count(*) FROM (
  SELECT event, old_image, lag(new_image) OVER w AS prev_new, lag(event) OVER w AS prev_event
  FROM followed WINDOW w AS (PARTITION BY keys ORDER BY seq)) s
WHERE (event = 'INSERT' AND prev_event IS NOT NULL AND prev_event <> 'REMOVE')
   OR (event <> 'INSERT' AND old_image IS DISTINCT FROM prev_new)
SQL
)" 0
# replay: the last record of each item is the item now (or its absence)
expect "items that differ between the replayed stream and the table" "$(psql_q <<'SQL'
WITH replayed AS (
  SELECT DISTINCT ON (keys) keys, event, new_image FROM followed ORDER BY keys, seq DESC),
final AS (
  SELECT keys, new_image AS item FROM replayed WHERE event <> 'REMOVE'),
actual AS (
  SELECT dynamo.marshall(jsonb_build_object('Id', pk)) AS keys, dynamo.marshall(item) AS item FROM dynamo_data."Replay")
SELECT count(*) FROM final f FULL JOIN actual a USING (keys) WHERE f.item IS DISTINCT FROM a.item
SQL
)" 0
