--
-- perf_text: the text path of Query, Scan and GetRecords (responses written
-- as JSON text straight from stored items, for execute_text() and the HTTP
-- door) answers exactly what execute() answers: the same document, and the
-- same text as jsonb_out prints for it.
--

CREATE FUNCTION pg_temp.same(op text, req text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
	t text;
	je text;
	te text;
BEGIN
	BEGIN
		j := dynamo.execute(op, req::jsonb);
	EXCEPTION WHEN others THEN
		je := SQLSTATE || ' ' || SQLERRM;
	END;
	BEGIN
		t := dynamo.execute_text(op, req);
	EXCEPTION WHEN others THEN
		te := SQLSTATE || ' ' || SQLERRM;
	END;
	IF je IS NOT NULL OR te IS NOT NULL THEN
		RETURN CASE WHEN je = te THEN 'same error ' || je
			ELSE 'different errors: ' || coalesce(je, '-') || ' / ' || coalesce(te, '-') END;
	ELSIF t::jsonb IS DISTINCT FROM j THEN
		RETURN 'different documents: ' || t;
	ELSIF t IS DISTINCT FROM j::text THEN
		RETURN 'different text: ' || t;
	END IF;
	RETURN 'same ' || coalesce(jsonb_array_length(j->'Items'), jsonb_array_length(j->'Records'), -1)
		|| ' ' || (j - 'Items' - 'Records' - 'NextShardIterator')::text;
END $$;

SELECT dynamo.execute('CreateTable', '{"TableName": "PerfText",
  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
    {"AttributeName": "sk", "AttributeType": "N"}, {"AttributeName": "g", "AttributeType": "S"}],
  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
  "GlobalSecondaryIndexes": [{"IndexName": "byG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "ALL"}}],
  "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"},
  "BillingMode": "PAY_PER_REQUEST"}') IS NOT NULL AS created;

-- every type, nested maps and lists, sets, binaries, tag-like keys,
-- escapes, Unicode, U+0001 and big and small numbers
SELECT dynamo.execute_text('PutItem', format('{"TableName": "PerfText", "Item": {"pk": {"S": "all"}, "sk": {"N": "%s"},
  "g": {"S": "G%s"},
  "s": {"S": "h\u00e9llo \"q\" \\ \n\t\b\f\r \u0001 \u001f \u65e5\u672c \ud83d\ude00 %s"},
  "n": {"N": "-12345678901234567890.123456789012345678"},
  "big": {"N": "99999999999999999999999999999999999999"}, "small": {"N": "1E-130"}, "zero": {"N": "-0.00"},
  "b": {"B": "AAEC/w=="}, "t": {"BOOL": true}, "f": {"BOOL": false}, "z": {"NULL": true},
  "ss": {"SS": ["b", "a", "\u0001x", ""]}, "ns": {"NS": ["10", "-1.5", "3E2"]}, "bs": {"BS": ["AQ==", "AA=="]},
  "m": {"M": {"$B": {"S": "tag-like"}, "inner": {"M": {"l": {"L": [{"N": "1"}, {"S": "two"}, {"M": {}}, {"L": []}, {"NULL": true}]}}}}},
  "m1": {"M": {"$SS": {"N": "1"}}}, "m2": {"M": {"$M": {"M": {"$NS": {"BOOL": true}}}}},
  "l": {"L": [{"SS": ["x"]}, {"B": "AA=="}, {"BOOL": false}, {"NS": ["1"]}, {"BS": ["AA=="]}]},
  "e": {"S": ""}, "k\"e\\y\u0001": {"S": "v"}, "\u00fcml": {"N": "0"}}}', i, i % 2, repeat('x', i)))
FROM generate_series(1, 5) AS i;

-- Query: all items, backwards, a page with LastEvaluatedKey and capacity
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "all"}}}');
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p AND sk > :s",
  "ExpressionAttributeValues": {":p": {"S": "all"}, ":s": {"N": "1"}}, "ScanIndexForward": false, "Limit": 2,
  "ReturnConsumedCapacity": "TOTAL"}');
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "all"}}, "Limit": 3, "ReturnConsumedCapacity": "INDEXES",
  "ExclusiveStartKey": {"pk": {"S": "all"}, "sk": {"N": "1"}}}');
-- filter, projection of nested paths, COUNT
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "FilterExpression": "g <> :g", "ProjectionExpression": "sk, m.#i.l[1], l[0], #k, ss",
  "ExpressionAttributeNames": {"#k": "k\"e\\y\u0001", "#i": "inner"},
  "ExpressionAttributeValues": {":p": {"S": "all"}, ":g": {"S": "G0"}}}');
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "all"}}, "Select": "COUNT", "Limit": 4}');
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "none"}}}');
-- through the index: its LastEvaluatedKey has the index's keys too
SELECT pg_temp.same('Query', '{"TableName": "PerfText", "IndexName": "byG", "KeyConditionExpression": "g = :g",
  "ExpressionAttributeValues": {":g": {"S": "G1"}}, "Limit": 2}');
-- Scan: whole, paged, one segment
SELECT pg_temp.same('Scan', '{"TableName": "PerfText"}');
SELECT pg_temp.same('Scan', '{"TableName": "PerfText", "Limit": 2, "ReturnConsumedCapacity": "TOTAL",
  "ExclusiveStartKey": {"pk": {"S": "all"}, "sk": {"N": "2"}}}');
SELECT pg_temp.same('Scan', '{"TableName": "PerfText", "Segment": 0, "TotalSegments": 2, "Select": "COUNT"}');
-- errors are the same exceptions
SELECT pg_temp.same('Query', '{"TableName": "NoSuchTable", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "all"}}}');
SELECT pg_temp.same('Scan', '{"TableName": "PerfText", "Limit": 0}');

-- GetRecords: inserts, a modification, a removal
SELECT dynamo.execute_text('UpdateItem', '{"TableName": "PerfText", "Key": {"pk": {"S": "all"}, "sk": {"N": "1"}},
  "UpdateExpression": "SET n = n + :one, l[9] = :s", "ExpressionAttributeValues": {":one": {"N": "1"}, ":s": {"SS": ["q"]}}}');
SELECT dynamo.execute_text('DeleteItem', '{"TableName": "PerfText", "Key": {"pk": {"S": "all"}, "sk": {"N": "2"}}}');
SELECT dynamo.execute('DescribeTable', '{"TableName": "PerfText"}')->'Table'->>'LatestStreamArn' AS arn \gset
SELECT dynamo.execute('DescribeStream', format('{"StreamArn": "%s"}', :'arn')::jsonb)
  #>> '{StreamDescription,Shards,0,ShardId}' AS shard \gset
SELECT dynamo.execute('GetShardIterator', format('{"StreamArn": "%s", "ShardId": "%s",
  "ShardIteratorType": "TRIM_HORIZON"}', :'arn', :'shard')::jsonb)->>'ShardIterator' AS it \gset
-- NextShardIterator carries the time it was issued: compared without it
SELECT (dynamo.execute('GetRecords', format('{"ShardIterator": "%s"}', :'it')::jsonb) - 'NextShardIterator')
     = (dynamo.execute_text('GetRecords', format('{"ShardIterator": "%s"}', :'it'))::jsonb - 'NextShardIterator') AS same_records,
       jsonb_array_length(dynamo.execute_text('GetRecords', format('{"ShardIterator": "%s"}', :'it'))::jsonb->'Records') AS records,
       dynamo.execute_text('GetRecords', format('{"ShardIterator": "%s", "Limit": 2}', :'it'))::jsonb ? 'NextShardIterator' AS has_next;
-- and as text, with the iterator written over
SELECT regexp_replace(dynamo.execute('GetRecords', format('{"ShardIterator": "%s", "Limit": 7}', :'it')::jsonb)::text,
         '"NextShardIterator": "[^"]*"', '"NextShardIterator": ""')
     = regexp_replace(dynamo.execute_text('GetRecords', format('{"ShardIterator": "%s", "Limit": 7}', :'it')),
         '"NextShardIterator": "[^"]*"', '"NextShardIterator": ""') AS same_text;
SELECT dynamo.execute_text('GetRecords', '{"ShardIterator": "x"}');

-- U+0000 in values, names and set members: only the text form holds it
SELECT dynamo.execute_text('PutItem', '{"TableName": "PerfText", "Item": {"pk": {"S": "nul"}, "sk": {"N": "1"},
  "a\u0000b": {"S": "x\u0000y\u0001z"}, "ss": {"SS": ["\u0000", "\u0001", "a"]},
  "m": {"M": {"\u0000": {"L": [{"S": "\u0000\u0000"}]}}}}}');
SELECT dynamo.execute_text('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "nul"}}}');
SELECT dynamo.execute_text('Scan', '{"TableName": "PerfText", "FilterExpression": "pk = :p", "Limit": 100,
  "ExpressionAttributeValues": {":p": {"S": "nul"}}, "ProjectionExpression": "m"}');
SELECT dynamo.execute('Query', '{"TableName": "PerfText", "KeyConditionExpression": "pk = :p",
  "ExpressionAttributeValues": {":p": {"S": "nul"}}}');
SELECT dynamo.execute('GetShardIterator', format('{"StreamArn": "%s", "ShardId": "%s",
  "ShardIteratorType": "TRIM_HORIZON"}', :'arn', :'shard')::jsonb)->>'ShardIterator' AS it \gset
SELECT position('"NewImage": {"m": {"M": {"\u0000": {"L": [{"S": "\u0000\u0000"}]}}}, "pk": {"S": "nul"}, '
  '"sk": {"N": "1"}, "ss": {"SS": ["\u0000", "\u0001", "a"]}, "a\u0000b": {"S": "x\u0000y\u0001z"}}'
  IN dynamo.execute_text('GetRecords', format('{"ShardIterator": "%s"}', :'it'))) > 0 AS nul_image;

SELECT dynamo.execute('DeleteTable', '{"TableName": "PerfText"}') IS NOT NULL AS deleted;
-- the dropped table's stream and records go, as later tests count theirs
SELECT dynamo.trim_streams(retention => '0') > 0 AS trimmed;
