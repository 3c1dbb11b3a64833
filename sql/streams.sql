--
-- streams: capture. Every write to an item table of a stream-enabled table
-- (SQL functions, execute(), batches, transactions, plain SQL) leaves one
-- record in the writing transaction; rolled back and no-op writes leave
-- none; each view type keeps its images.
--
-- The records of a table's stream, without what changes from run to run
CREATE FUNCTION pg_temp.events(t text)
RETURNS TABLE (event_name text, keys jsonb, new_image jsonb, old_image jsonb, size_bytes integer)
LANGUAGE sql AS $$
    SELECT event_name, keys, new_image, old_image, size_bytes
    FROM dynamo.stream_records(t) ORDER BY sequence_number
$$;
-- SQLSTATE and message of an error
\i sql/include/statement.sql

------------------------------------------------------------------------
-- StreamSpecification at CreateTable, DescribeTable
------------------------------------------------------------------------
SELECT d->'TableDescription'->'StreamSpecification' AS spec,
       d->'TableDescription'->>'LatestStreamArn' ~ '^arn:aws:dynamodb:local:000000000000:table/st_both/stream/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$' AS arn_ok,
       d->'TableDescription'->>'LatestStreamArn' LIKE '%/' || (d->'TableDescription'->>'LatestStreamLabel') AS label_ok
FROM dynamo.execute('CreateTable', '{"TableName":"st_both",
  "KeySchema":[{"AttributeName":"Id","KeyType":"HASH"},{"AttributeName":"At","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"},{"AttributeName":"At","AttributeType":"N"}],
  "BillingMode":"PAY_PER_REQUEST",
  "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}') AS d;
-- StreamEnabled false: no stream
SELECT dynamo.execute('CreateTable', '{"TableName":"st_none","KeySchema":[{"AttributeName":"Id","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
  "StreamSpecification":{"StreamEnabled":false}}')->'TableDescription' ?| array['StreamSpecification', 'LatestStreamArn'] AS has_stream;
-- the trigger that captures plain SQL writes too
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'dynamo_data.st_both'::regclass;
-- validation, as DynamoDB
SELECT pg_temp.error_of(format($$SELECT dynamo.execute('CreateTable', '{"TableName":"st_bad","KeySchema":[{"AttributeName":"Id","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"Id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
  "StreamSpecification":%s}')$$, s))
FROM (VALUES ('{"StreamEnabled":true}'), ('{"StreamViewType":"KEYS_ONLY"}'),
             ('{"StreamEnabled":false,"StreamViewType":"KEYS_ONLY"}'),
             ('{"StreamEnabled":true,"StreamViewType":"ALL"}')) AS v(s);
SELECT count(*) AS st_bad_created FROM dynamo.tables WHERE table_name = 'st_bad';

------------------------------------------------------------------------
-- Every event kind, through every door
------------------------------------------------------------------------
SELECT dynamo.put_item('st_both', '{"Id":"a","At":1,"v":"one"}');
-- the same item again: no record
SELECT dynamo.put_item('st_both', '{"Id":"a","At":1,"v":"one"}');
SELECT dynamo.update_item('st_both', '{"Id":"a","At":1}', 'SET v = :v', expression_attribute_values => '{":v":"one"}');
SELECT dynamo.update_item('st_both', '{"Id":"a","At":1}', 'SET v = :v, n = :n',
                          expression_attribute_values => '{":v":"uno",":n":1}');
SELECT dynamo.execute('PutItem', '{"TableName":"st_both","Item":{"Id":{"S":"b"},"At":{"N":"2"},"bin":{"B":"AAE="}}}');
SELECT dynamo.execute('DeleteItem', '{"TableName":"st_both","Key":{"Id":{"S":"b"},"At":{"N":"2"}}}');
-- deleting a missing item: no record
SELECT dynamo.delete_item('st_both', '{"Id":"nobody","At":0}');
SELECT * FROM pg_temp.events('st_both');

------------------------------------------------------------------------
-- Batches and transactions; a cancelled transaction leaves nothing
------------------------------------------------------------------------
SELECT dynamo.batch_write_item('{"st_both": [{"PutRequest": {"Item": {"Id": "c", "At": 3}}},
                                             {"DeleteRequest": {"Key": {"Id": "a", "At": 1}}}]}');
SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "st_both", "Item": {"Id": "d", "At": 4}}},
  {"Update": {"TableName": "st_both", "Key": {"Id": "c", "At": 3}, "UpdateExpression": "SET w = :w",
              "ExpressionAttributeValues": {":w": true}}}]');
SELECT pg_temp.error_of($$SELECT dynamo.transact_write_items('[
  {"Put": {"TableName": "st_both", "Item": {"Id": "e", "At": 5}}},
  {"ConditionCheck": {"TableName": "st_both", "Key": {"Id": "nobody", "At": 0},
                      "ConditionExpression": "attribute_exists(Id)"}}]')$$);
SELECT event_name, keys FROM pg_temp.events('st_both') OFFSET 5;

------------------------------------------------------------------------
-- Plain SQL on the item table; rollbacks; moving an item to another key
------------------------------------------------------------------------
INSERT INTO dynamo_data.st_both (pk, sk, item) VALUES ('f', 6, '{"Id":"f","At":6}');
UPDATE dynamo_data.st_both SET item = item || '{"sql":true}' WHERE pk = 'f';
-- an UPDATE that changes nothing: no record
UPDATE dynamo_data.st_both SET item = item WHERE pk = 'f';
UPDATE dynamo_data.st_both SET pk = 'g', item = item || '{"Id":"g"}' WHERE pk = 'f';
DELETE FROM dynamo_data.st_both WHERE pk = 'g';
BEGIN;
SELECT dynamo.put_item('st_both', '{"Id":"rolled","At":0}');
INSERT INTO dynamo_data.st_both (pk, sk, item) VALUES ('back', 0, '{"Id":"back","At":0}');
ROLLBACK;
-- a subtransaction rolled back, its parent committed
BEGIN;
SELECT dynamo.put_item('st_both', '{"Id":"kept","At":0}');
SAVEPOINT s;
SELECT dynamo.put_item('st_both', '{"Id":"undone","At":0}');
ROLLBACK TO SAVEPOINT s;
SELECT dynamo.put_item('st_both', '{"Id":"kept2","At":0}');
COMMIT;
SELECT event_name, keys, new_image, old_image FROM pg_temp.events('st_both') OFFSET 8;
-- sequence numbers: 21 digits, strictly increasing
SELECT bool_and(sequence_number ~ '^\d{21}$') AS digits,
       bool_and(sequence_number > prev) AS increasing, count(*) AS records
FROM (SELECT sequence_number, lag(sequence_number, 1, '') OVER (ORDER BY sequence_number) AS prev
      FROM dynamo.stream_records('st_both')) s;
-- paging the rows: after a sequence number, with a limit
SELECT count(*) = 3 AS three FROM dynamo.stream_records('st_both', "limit" => 3);
SELECT (SELECT array_agg(event_name ORDER BY sequence_number) FROM dynamo.stream_records('st_both', s, 2))
     = (SELECT array_agg(event_name ORDER BY sequence_number) FROM
        (SELECT * FROM dynamo.stream_records('st_both') WHERE sequence_number > s ORDER BY sequence_number LIMIT 2) x) AS same
FROM (SELECT sequence_number AS s FROM dynamo.stream_records('st_both') ORDER BY 1 OFFSET 4 LIMIT 1) p;
SELECT pg_temp.error_of($$SELECT * FROM dynamo.stream_records('st_both', 'x1')$$);
SELECT count(*) AS no_stream FROM dynamo.stream_records('st_none');

------------------------------------------------------------------------
-- View types: the same writes on a table of each type
------------------------------------------------------------------------
SELECT dynamo.create_table('st_' || lower(v), 'Id') IS NOT NULL AS created,
       dynamo.update_stream('st_' || lower(v), v)->'StreamSpecification' AS spec
FROM unnest(array['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE']) AS v;
SELECT dynamo.put_item(t, '{"Id":"k","v":1}'), dynamo.put_item(t, '{"Id":"k","v":2}'),
       dynamo.delete_item(t, '{"Id":"k"}')
FROM unnest(array['st_keys_only', 'st_new_image', 'st_old_image']) AS t;
SELECT t, e.* FROM unnest(array['st_keys_only', 'st_new_image', 'st_old_image']) AS t, pg_temp.events(t) e;

------------------------------------------------------------------------
-- update_stream (UpdateTable's StreamSpecification): errors, a new stream
------------------------------------------------------------------------
SELECT pg_temp.error_of($$SELECT dynamo.update_stream('st_keys_only', 'NEW_IMAGE')$$);
SELECT pg_temp.error_of($$SELECT dynamo.update_stream('st_none', NULL)$$);
SELECT pg_temp.error_of($$SELECT dynamo.update_stream('st_none', 'SOME')$$);
SELECT pg_temp.error_of($$SELECT dynamo.update_stream('st_missing', 'KEYS_ONLY')$$);
SELECT dynamo.describe_table('st_keys_only')->>'LatestStreamLabel' AS old_label \gset
SELECT d ? 'StreamSpecification' AS has_spec, d->>'LatestStreamLabel' = :'old_label' AS same_label
FROM dynamo.update_stream('st_keys_only', NULL) AS d;
SELECT count(*) AS trigger_left FROM pg_trigger WHERE tgrelid = 'dynamo_data.st_keys_only'::regclass;
-- writes while disabled: not captured
SELECT dynamo.put_item('st_keys_only', '{"Id":"off"}');
SELECT d->'StreamSpecification' AS spec, d->>'LatestStreamLabel' > :'old_label' AS new_label
FROM dynamo.update_stream('st_keys_only', 'NEW_AND_OLD_IMAGES') AS d;
SELECT dynamo.delete_item('st_keys_only', '{"Id":"off"}');
-- the new stream's records only
SELECT * FROM pg_temp.events('st_keys_only');

------------------------------------------------------------------------
-- DeleteTable disables the stream; its records stay readable
------------------------------------------------------------------------
SELECT dynamo.delete_table('st_old_image')->>'TableStatus' AS status;
SELECT table_name, view_type, disabled_at IS NOT NULL AS disabled FROM dynamo.streams WHERE table_name = 'st_old_image';
SELECT count(*) AS records FROM dynamo.stream_records r JOIN dynamo.streams s USING (stream_id)
WHERE s.table_name = 'st_old_image';
-- a new table of the same name has no stream of its own
SELECT dynamo.create_table('st_old_image', 'Id') ? 'LatestStreamArn' AS has_stream;

------------------------------------------------------------------------
-- TTL deletes carry the service's identity (stream_capture_service_delete);
-- ordinary writes never do
------------------------------------------------------------------------
SELECT count(*) FILTER (WHERE service) AS service_records FROM dynamo.stream_records;

------------------------------------------------------------------------
-- Privileges: writers need none on the stream catalog; readers need
-- SELECT on the item table
------------------------------------------------------------------------
CREATE ROLE st_writer;
CREATE ROLE st_nobody;
GRANT SELECT, INSERT, UPDATE, DELETE ON dynamo_data.st_new_image TO st_writer;
SET ROLE st_writer;
SELECT dynamo.put_item('st_new_image', '{"Id":"by writer"}');
DELETE FROM dynamo_data.st_new_image WHERE pk = 'by writer';
SELECT event_name, keys FROM dynamo.stream_records('st_new_image') ORDER BY sequence_number OFFSET 3;
SELECT pg_temp.error_of($$SELECT * FROM dynamo.stream_records('st_both')$$);
SET ROLE st_nobody;
SELECT pg_temp.error_of($$SELECT * FROM dynamo.stream_records('st_new_image')$$);
SELECT pg_temp.error_of($$SELECT dynamo.update_stream('st_new_image', NULL)$$);
RESET ROLE;
-- the capture trigger only writes to the stream of its own table
SELECT stream_id AS both_stream FROM dynamo.streams WHERE table_name = 'st_both' AND disabled_at IS NULL \gset
SELECT dynamo.create_table('st_fake', 'Id') IS NOT NULL AS created;
CREATE TRIGGER fake AFTER INSERT ON dynamo_data.st_fake FOR EACH ROW
    EXECUTE FUNCTION dynamo.stream_capture(:both_stream, 'KEYS_ONLY', 'Id');
SELECT pg_temp.error_of($$SELECT dynamo.put_item('st_fake', '{"Id":"forged"}')$$) ~ 'not the one of stream' AS refused;
SELECT count(*) AS forged FROM dynamo.stream_records WHERE keys->>'Id' = 'forged';
SELECT pg_temp.error_of($$SELECT dynamo.stream_capture()$$);
REVOKE ALL ON dynamo_data.st_new_image FROM st_writer;
DROP ROLE st_writer;
DROP ROLE st_nobody;

------------------------------------------------------------------------
-- TRUNCATE: a REMOVE record for every item, in key order
------------------------------------------------------------------------
SELECT dynamo.create_table('st_trunc', 'Id', 'S', 'At', 'N') IS NOT NULL AS created;
SELECT dynamo.update_stream('st_trunc', 'OLD_IMAGE') IS NOT NULL AS enabled;
SELECT count(dynamo.put_item('st_trunc', jsonb_build_object('Id', 'k' || i % 2, 'At', i)) IS NULL) AS puts
FROM generate_series(1, 4) i;
BEGIN;
TRUNCATE dynamo_data.st_trunc;
ROLLBACK;
SELECT count(*) AS records_after_rolled_back_truncate FROM dynamo.stream_records('st_trunc');
TRUNCATE dynamo_data.st_trunc;
SELECT event_name, keys, old_image FROM pg_temp.events('st_trunc') OFFSET 4;
-- disabling drops both triggers
SELECT dynamo.update_stream('st_trunc', NULL) IS NOT NULL AS disabled;
SELECT count(*) AS triggers_left FROM pg_trigger WHERE tgrelid = 'dynamo_data.st_trunc'::regclass;
