--
-- typed_responses: execute() writes its typed items straight into jsonb's
-- binary form (src/model/attr_jsonb.c, src/common/jsonb_write.c).  Over
-- random items of every type (nested maps and lists, sets, tag-like keys,
-- wide maps and lists past jsonb's offset stride, Unicode, control
-- characters, big and small numbers), each read answers exactly what its
-- text form (execute_text) answers: the same document, the same text, and
-- a jsonb of the size PostgreSQL's own conversion gives the same document.
-- Query, Scan and GetRecords have a text writer of their own
-- (src/model/attr_text.c), so they check the encoder against an
-- independent one.  Each check answers "same" or what differs.
--
SELECT setseed(0.14);

SELECT dynamo.execute('CreateTable', '{"TableName": "TypedResponses",
    "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                             {"AttributeName": "sk", "AttributeType": "N"}],
    "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}') IS NOT NULL AS created;

CREATE FUNCTION pg_temp.pick(a text[]) RETURNS text LANGUAGE sql AS $$
    SELECT a[1 + floor(random() * array_length(a, 1))::int]
$$;

-- A string of a few random pieces: empty, ASCII, multi-byte, escapes,
-- control characters, U+0001 (stored escaped), long
CREATE FUNCTION pg_temp.rnd_string() RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(pg_temp.pick(ARRAY['', 'a', 'Zz', 'é', 'ß中', '😀', '"', '\', '/',
        E'\n', E'\t', E'\b', E'\f', E'\r', chr(1), chr(2), chr(31), chr(127), ' ', 'x y',
        repeat('w', 40), 'ü', '\u0041', '日本語']), ''), '')
    FROM generate_series(1, floor(random() * 4)::int)
$$;

-- A number: integers, fractions, 38 digits, the extremes, unnormalised forms
CREATE FUNCTION pg_temp.rnd_number() RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN random() < 0.5 THEN (floor(random() * 2000000) - 1000000)::bigint::text
        ELSE pg_temp.pick(ARRAY['0', '-0', '1', '-1', '3.14', '-0.5', '1E+2', '2.50', '0.000001',
            '12345678901234567890123456789012345678', '-0.12345678901234567890123456789012345678',
            '9.9999999999999999999999999999999999999E+125', '1E-130', '100', '007'])
        END
$$;

-- Base64 of 0 to 16 random bytes
CREATE FUNCTION pg_temp.rnd_binary() RETURNS text LANGUAGE sql AS $$
    SELECT encode(substring(decode(md5(random()::text), 'hex') FROM 1 FOR floor(random() * 17)::int), 'base64')
$$;

-- A map key or attribute name: tag-like, multi-byte, escapes, or numbered
CREATE FUNCTION pg_temp.rnd_name(i int) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN random() < 0.4 THEN 'f' || i
        ELSE pg_temp.pick(ARRAY['a', 'b', 'name', '$M', '$SS', '$NS', '$BS', '$B', '$x', 'ключ', '😀',
            'k"q', 'k\b', 'x y', repeat('n', 30), 'S', 'N', 'M', 'L']) END
$$;

-- How many members a map or list gets: sometimes past jsonb's stride of 32
CREATE FUNCTION pg_temp.rnd_width(depth int) RETURNS int LANGUAGE sql AS $$
    SELECT CASE WHEN depth <= 1 AND random() < 0.1 THEN 31 + floor(random() * 10)::int
        ELSE floor(random() * 5)::int END
$$;

-- A typed value; maps and lists nest up to 3 levels
CREATE FUNCTION pg_temp.rnd_value(depth int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    t int := floor(random() * CASE WHEN depth < 3 THEN 10 ELSE 8 END)::int;
    n int := pg_temp.rnd_width(depth);
BEGIN
    RETURN CASE t
        WHEN 0 THEN jsonb_build_object('S', pg_temp.rnd_string())
        WHEN 1 THEN jsonb_build_object('N', pg_temp.rnd_number())
        WHEN 2 THEN jsonb_build_object('B', pg_temp.rnd_binary())
        WHEN 3 THEN jsonb_build_object('BOOL', random() < 0.5)
        WHEN 4 THEN '{"NULL": true}'::jsonb
        WHEN 5 THEN jsonb_build_object('SS', (SELECT jsonb_agg(DISTINCT s)
            FROM (SELECT pg_temp.rnd_string() AS s FROM generate_series(0, n)) AS x))
        WHEN 6 THEN jsonb_build_object('NS', (SELECT jsonb_agg(DISTINCT v::text)
            FROM (SELECT floor(random() * 1000)::int - 500 AS v FROM generate_series(0, n)) AS x))
        WHEN 7 THEN jsonb_build_object('BS', (SELECT jsonb_agg(DISTINCT b)
            FROM (SELECT encode(decode(md5(random()::text), 'hex'), 'base64') AS b FROM generate_series(0, n)) AS x))
        WHEN 8 THEN jsonb_build_object('M', coalesce((SELECT jsonb_object_agg(k, pg_temp.rnd_value(depth + 1))
            FROM (SELECT DISTINCT pg_temp.rnd_name(i) AS k FROM generate_series(1, n) AS i) AS x), '{}'))
        ELSE jsonb_build_object('L', coalesce((SELECT jsonb_agg(pg_temp.rnd_value(depth + 1))
            FROM generate_series(1, n)), '[]'))
    END;
END $$;

-- A random item of key (p<i % 7>, i)
CREATE FUNCTION pg_temp.rnd_item(i int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT jsonb_build_object('pk', jsonb_build_object('S', 'p' || i % 7), 'sk', jsonb_build_object('N', i::text))
        || coalesce((SELECT jsonb_object_agg(k, pg_temp.rnd_value(0))
            FROM (SELECT DISTINCT CASE WHEN n > 32 THEN 'a' || j ELSE pg_temp.rnd_name(j) END AS k
                  FROM (SELECT CASE WHEN random() < 0.1 THEN 33 + floor(random() * 10)::int
                               ELSE floor(random() * 9)::int END AS n) AS w, generate_series(1, n) AS j) AS x), '{}')
$$;

-- What a door answers: the response as text, or the error; with the
-- NextShardIterator of GetRecords, which carries the time it is issued,
-- written over
CREATE FUNCTION pg_temp.answer(op text, req jsonb, as_text boolean) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN regexp_replace(CASE WHEN as_text THEN dynamo.execute_text(op, req::text)
                          ELSE dynamo.execute(op, req)::text END,
                          '"NextShardIterator": "[^"]*"', '"NextShardIterator": ""');
EXCEPTION WHEN others THEN
    RETURN 'error ' || SQLSTATE || ' ' || SQLERRM;
END $$;

-- Is execute()'s jsonb of another size than what jsonb_in makes of its
-- text?  (Measured in the query: a value kept in a plpgsql variable may come
-- with a short header.)
CREATE FUNCTION pg_temp.size_differs(op text, req jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT pg_column_size(r) <> pg_column_size(r::text::jsonb)
            FROM (SELECT dynamo.execute(op, req) AS r OFFSET 0) AS s);
EXCEPTION WHEN others THEN
    RETURN false;
END $$;

-- NULL when execute() and execute_text() answer the same text (or error)
-- and execute()'s jsonb has the size jsonb_in gives the same document;
-- otherwise what differs
CREATE FUNCTION pg_temp.differs(op text, req jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN pg_temp.answer(op, req, false) IS DISTINCT FROM pg_temp.answer(op, req, true)
                THEN op || ': another answer to ' || req::text
                WHEN op <> 'GetRecords' AND pg_temp.size_differs(op, req)
                THEN op || ': a jsonb of another size for ' || req::text END
$$;

CREATE TEMP TABLE items AS SELECT i, pg_temp.rnd_item(i) AS item FROM generate_series(1, 140) AS i;
SELECT count(*) AS put FROM items, dynamo.execute('PutItem', jsonb_build_object('TableName', 'TypedResponses', 'Item', item));
-- the generator covers what it should
SELECT t AS type, EXISTS (SELECT 1 FROM items WHERE strpos(item::text, '{"' || t || '": ') > 0) AS present
FROM unnest(ARRAY['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']) AS t;
SELECT count(*) > 5 AS wide_items FROM items WHERE (SELECT count(*) FROM jsonb_object_keys(item)) > 32;
SELECT count(*) > 5 AS wide_maps_and_lists FROM items WHERE item::text ~ '"f3[2-9]": \{"';

-- Scan: the whole table in one page, then page by page
SELECT coalesce(pg_temp.differs('Scan', '{"TableName": "TypedResponses", "ReturnConsumedCapacity": "TOTAL"}'), 'same') AS "Scan, one page";
SELECT coalesce(left((WITH RECURSIVE pages(n, req, resp) AS (
        SELECT 1, r, dynamo.execute('Scan', r)
        FROM (SELECT '{"TableName": "TypedResponses", "Limit": 9, "ReturnConsumedCapacity": "INDEXES"}'::jsonb AS r) AS s
        UNION ALL
        SELECT n + 1, req || jsonb_build_object('ExclusiveStartKey', resp->'LastEvaluatedKey'),
               dynamo.execute('Scan', req || jsonb_build_object('ExclusiveStartKey', resp->'LastEvaluatedKey'))
        FROM pages WHERE resp ? 'LastEvaluatedKey')
    SELECT string_agg(pg_temp.differs('Scan', req), '; ') FROM pages), 200), 'same') AS "Scan, page by page";

-- Query: each partition forwards and backwards, projected, filtered
SELECT coalesce(left((SELECT string_agg(pg_temp.differs('Query', jsonb_build_object('TableName', 'TypedResponses',
        'KeyConditionExpression', 'pk = :p', 'ExpressionAttributeValues', jsonb_build_object(':p', jsonb_build_object('S', 'p' || p)),
        'ScanIndexForward', p % 2 = 0, 'Limit', 5 + p)), '; ')
    FROM generate_series(0, 6) AS p), 200), 'same') AS "Query each partition";
SELECT coalesce(left((SELECT string_agg(pg_temp.differs('Query', jsonb_build_object('TableName', 'TypedResponses',
        'KeyConditionExpression', 'pk = :p', 'ExpressionAttributeValues', jsonb_build_object(':p', jsonb_build_object('S', 'p' || p), ':z', '{"N": "0"}'::jsonb),
        'FilterExpression', 'sk > :z', 'ProjectionExpression', 'sk, #a, #m.#b, f3, #l[0]',
        'ExpressionAttributeNames', '{"#a": "a", "#m": "$M", "#b": "b", "#l": "L"}'::jsonb)), '; ')
    FROM generate_series(0, 6) AS p), 200), 'same') AS "Query with a filter and a projection";

-- GetItem: each item, answering what the text writer wrote for the Scan
SELECT coalesce(left((SELECT string_agg(pg_temp.differs('GetItem', jsonb_build_object('TableName', 'TypedResponses',
        'Key', jsonb_build_object('pk', item->'pk', 'sk', item->'sk'))), '; ') FROM items), 200), 'same') AS "GetItem each item";
SELECT count(*) AS "GetItem unlike the text writer's item"
FROM jsonb_array_elements(dynamo.execute_text('Scan', '{"TableName": "TypedResponses"}')::jsonb->'Items') AS s(item)
WHERE (dynamo.execute('GetItem', jsonb_build_object('TableName', 'TypedResponses',
    'Key', jsonb_build_object('pk', item->'pk', 'sk', item->'sk')))->'Item')::text IS DISTINCT FROM item::text;

-- BatchGetItem and TransactGetItems, 25 keys at a time
SELECT coalesce(left((SELECT string_agg(pg_temp.differs('BatchGetItem', jsonb_build_object('RequestItems', jsonb_build_object('TypedResponses',
        jsonb_build_object('Keys', keys))) || '{"ReturnConsumedCapacity": "TOTAL"}'), '; ')
    FROM (SELECT jsonb_agg(jsonb_build_object('pk', item->'pk', 'sk', item->'sk') ORDER BY i) AS keys
          FROM items GROUP BY i / 25) AS b), 200), 'same') AS "BatchGetItem";
SELECT coalesce(left((SELECT string_agg(pg_temp.differs('TransactGetItems', jsonb_build_object('TransactItems', gets)), '; ')
    FROM (SELECT jsonb_agg(jsonb_build_object('Get', jsonb_build_object('TableName', 'TypedResponses',
              'Key', jsonb_build_object('pk', item->'pk', 'sk', item->'sk'))) ORDER BY i) AS gets
          FROM items GROUP BY i / 25) AS b), 200), 'same') AS "TransactGetItems";

-- GetRecords: the stream's records hold the items as new images
SELECT dynamo.execute('DescribeTable', '{"TableName": "TypedResponses"}')->'Table'->>'LatestStreamArn' AS arn \gset
SELECT dynamo.execute('GetShardIterator', jsonb_build_object('StreamArn', :'arn',
    'ShardId', dynamo.execute('DescribeStream', jsonb_build_object('StreamArn', :'arn')) #>> '{StreamDescription,Shards,0,ShardId}',
    'ShardIteratorType', 'TRIM_HORIZON'))->>'ShardIterator' AS it \gset
SELECT jsonb_array_length(dynamo.execute('GetRecords', jsonb_build_object('ShardIterator', :'it'))->'Records') AS records,
    coalesce(pg_temp.differs('GetRecords', jsonb_build_object('ShardIterator', :'it')), 'same') AS "GetRecords";

-- Escapes undone: U+0001 in keys may change their order (the slower
-- path); U+0000 cannot be in jsonb at all, only in the text form
SELECT dynamo.execute_text('PutItem', '{"TableName": "TypedResponses", "Item": {"pk": {"S": "nul"}, "sk": {"N": "1"},
    "ab": {"S": "x"}, "\u0001x": {"M": {"cd": {"S": "\u0001"}, "\u0001y": {"SS": ["\u0001", "b"]}}}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "TypedResponses", "Key": {"pk": {"S": "nul"}, "sk": {"N": "1"}}}')
    = dynamo.execute_text('GetItem', '{"TableName": "TypedResponses", "Key": {"pk": {"S": "nul"}, "sk": {"N": "1"}}}')::jsonb AS same;
SELECT dynamo.execute('GetItem', '{"TableName": "TypedResponses", "Key": {"pk": {"S": "nul"}, "sk": {"N": "1"}}}');
SELECT dynamo.execute_text('PutItem', '{"TableName": "TypedResponses", "Item": {"pk": {"S": "nul"}, "sk": {"N": "2"},
    "l": {"L": [{"S": "a\u0000b"}]}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "TypedResponses", "Key": {"pk": {"S": "nul"}, "sk": {"N": "2"}}}');
SELECT dynamo.execute_text('GetItem', '{"TableName": "TypedResponses", "Key": {"pk": {"S": "nul"}, "sk": {"N": "2"}}}');
