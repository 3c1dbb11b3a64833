-- roundtrip: every type survives a write and a read unchanged, through
-- execute() in DynamoDB's typed JSON and through put_item/get_item in plain
-- JSON; 38-digit numbers, multi-byte UTF-8, binaries holding every byte.
BEGIN;
SELECT plan(43);

SELECT lives_ok($$SELECT dynamo.execute('CreateTable', '{"TableName": "tap_roundtrip", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}')$$, 'create the table');

-- bytes 0x00..0xFF, base64 on one line
CREATE FUNCTION pg_temp.all_bytes() RETURNS text LANGUAGE sql AS $$
    SELECT translate(encode((SELECT string_agg(set_byte('\x00'::bytea, 0, i), ''::bytea ORDER BY i)
                             FROM generate_series(0, 255) AS i), 'base64'), E'\n', '')
$$;

-- Put a typed value as attribute v of a fresh item through execute(), read
-- it back through execute(), return the value read
CREATE FUNCTION pg_temp.typed_roundtrip(name text, v jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dynamo.execute('PutItem', jsonb_build_object('TableName', 'tap_roundtrip',
        'Item', jsonb_build_object('pk', jsonb_build_object('S', 'typed-' || name), 'v', v)));
    RETURN dynamo.execute('GetItem', jsonb_build_object('TableName', 'tap_roundtrip', 'ConsistentRead', true,
        'Key', jsonb_build_object('pk', jsonb_build_object('S', 'typed-' || name)))) -> 'Item' -> 'v';
END $$;

-- The same in plain JSON through put_item and get_item
CREATE FUNCTION pg_temp.plain_roundtrip(name text, v jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dynamo.put_item('tap_roundtrip', jsonb_build_object('pk', 'plain-' || name, 'v', v));
    RETURN dynamo.get_item('tap_roundtrip', jsonb_build_object('pk', 'plain-' || name)) -> 'v';
END $$;

-- typed, one type at a time
SELECT is(pg_temp.typed_roundtrip('S', '{"S": "hello"}'), '{"S": "hello"}', 'S');
SELECT is(pg_temp.typed_roundtrip('S-empty', '{"S": ""}'), '{"S": ""}', 'S: empty');
SELECT is(pg_temp.typed_roundtrip('S-utf8', '{"S": "é ß Ж 中文 日本語 한국어 😀 🇫🇷 \u00ad \u200b \uffff"}'),
          '{"S": "é ß Ж 中文 日本語 한국어 😀 🇫🇷 \u00ad \u200b \uffff"}', 'S: multi-byte UTF-8');
SELECT is(pg_temp.typed_roundtrip('S-control', '{"S": "\u0001\u0002\t\n\"\\/"}'), '{"S": "\u0001\u0002\t\n\"\\/"}', 'S: control characters, quotes, backslash');
SELECT is(pg_temp.typed_roundtrip('S-long', jsonb_build_object('S', repeat('long ', 20000))), jsonb_build_object('S', repeat('long ', 20000)), 'S: 100000 characters');
SELECT is(pg_temp.typed_roundtrip('N', '{"N": "42"}'), '{"N": "42"}', 'N');
SELECT is(pg_temp.typed_roundtrip('N-neg', '{"N": "-3.14"}'), '{"N": "-3.14"}', 'N: negative fraction');
SELECT is(pg_temp.typed_roundtrip('N-38', '{"N": "12345678901234567890123456789012345678"}'),
          '{"N": "12345678901234567890123456789012345678"}', 'N: 38 digits');
SELECT is(pg_temp.typed_roundtrip('N-38-frac', '{"N": "-0.12345678901234567890123456789012345678"}'),
          '{"N": "-0.12345678901234567890123456789012345678"}', 'N: 38 fractional digits');
SELECT is(pg_temp.typed_roundtrip('N-max', jsonb_build_object('N', repeat('9', 38) || repeat('0', 88))),
          jsonb_build_object('N', repeat('9', 38) || repeat('0', 88)), 'N: largest magnitude');
SELECT is(pg_temp.typed_roundtrip('N-min', jsonb_build_object('N', '0.' || repeat('0', 129) || '1')),
          jsonb_build_object('N', '0.' || repeat('0', 129) || '1'), 'N: smallest magnitude');
SELECT is(pg_temp.typed_roundtrip('N-norm', '{"N": "0001.2300e2"}'), '{"N": "123"}', 'N: normalised');
SELECT is(pg_temp.typed_roundtrip('B', '{"B": "3q2+7w=="}'), '{"B": "3q2+7w=="}', 'B');
SELECT is(pg_temp.typed_roundtrip('B-all', jsonb_build_object('B', pg_temp.all_bytes())),
          jsonb_build_object('B', pg_temp.all_bytes()), 'B: bytes 0x00..0xFF');
SELECT is(pg_temp.typed_roundtrip('B-empty', '{"B": ""}'), '{"B": ""}', 'B: empty');
SELECT is(pg_temp.typed_roundtrip('BOOL-t', '{"BOOL": true}'), '{"BOOL": true}', 'BOOL true');
SELECT is(pg_temp.typed_roundtrip('BOOL-f', '{"BOOL": false}'), '{"BOOL": false}', 'BOOL false');
SELECT is(pg_temp.typed_roundtrip('NULL', '{"NULL": true}'), '{"NULL": true}', 'NULL');
SELECT is(pg_temp.typed_roundtrip('M', '{"M": {"a": {"S": "x"}, "b": {"M": {"c": {"L": [{"N": "1"}, {"NULL": true}]}}}}}'),
          '{"M": {"a": {"S": "x"}, "b": {"M": {"c": {"L": [{"N": "1"}, {"NULL": true}]}}}}}', 'M: nested');
SELECT is(pg_temp.typed_roundtrip('M-empty', '{"M": {}}'), '{"M": {}}', 'M: empty');
SELECT is(pg_temp.typed_roundtrip('M-tag', '{"M": {"$SS": {"SS": ["x"]}}}'), '{"M": {"$SS": {"SS": ["x"]}}}', 'M: single key named like a tag');
SELECT is(pg_temp.typed_roundtrip('M-tags', '{"M": {"$M": {"M": {"$B": {"B": "AA=="}}}}}'), '{"M": {"$M": {"M": {"$B": {"B": "AA=="}}}}}', 'M: tags within tags');
SELECT is(pg_temp.typed_roundtrip('L', '{"L": [{"S": "a"}, {"N": "1"}, {"B": "AA=="}, {"BOOL": false}, {"NULL": true}, {"L": []}, {"M": {}}, {"SS": ["s"]}]}'),
          '{"L": [{"S": "a"}, {"N": "1"}, {"B": "AA=="}, {"BOOL": false}, {"NULL": true}, {"L": []}, {"M": {}}, {"SS": ["s"]}]}', 'L: every type, in order');
SELECT is(pg_temp.typed_roundtrip('L-empty', '{"L": []}'), '{"L": []}', 'L: empty');
SELECT is(pg_temp.typed_roundtrip('SS', '{"SS": ["Z", "a", "é", "😀"]}'), '{"SS": ["Z", "a", "é", "😀"]}', 'SS');
SELECT is(pg_temp.typed_roundtrip('NS', '{"NS": ["-1.5", "0", "12345678901234567890123456789012345678"]}'),
          '{"NS": ["-1.5", "0", "12345678901234567890123456789012345678"]}', 'NS');
SELECT is(pg_temp.typed_roundtrip('BS', '{"BS": ["AA==", "fw==", "gA==", "/w=="]}'), '{"BS": ["AA==", "fw==", "gA==", "/w=="]}', 'BS');
-- sets are sets: any order in, the same members out
SELECT set_eq($$SELECT jsonb_array_elements_text(pg_temp.typed_roundtrip('SS-any', '{"SS": ["c", "a", "b"]}') -> 'SS')$$,
              ARRAY['a', 'b', 'c'], 'SS in any order');
SELECT set_eq($$SELECT jsonb_array_elements_text(pg_temp.typed_roundtrip('NS-any', '{"NS": ["10", "-2", "3.5"]}') -> 'NS')$$,
              ARRAY['-2', '3.5', '10'], 'NS in any order');

-- a whole item with every type at once, keys included
SELECT lives_ok($$SELECT dynamo.execute('PutItem', '{"TableName": "tap_roundtrip", "Item": {
    "pk": {"S": "whole 中 😀"}, "s": {"S": "ü"}, "n": {"N": "-0.5"}, "b": {"B": "AP8="}, "t": {"BOOL": true},
    "z": {"NULL": true}, "m": {"M": {"k": {"SS": ["a"]}}}, "l": {"L": [{"NS": ["1"]}]},
    "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2"]}, "bs": {"BS": ["AA==", "AQ=="]}}}')$$, 'put a whole item');
SELECT is(dynamo.execute('GetItem', '{"TableName": "tap_roundtrip", "Key": {"pk": {"S": "whole 中 😀"}}}') -> 'Item',
          '{"pk": {"S": "whole 中 😀"}, "s": {"S": "ü"}, "n": {"N": "-0.5"}, "b": {"B": "AP8="}, "t": {"BOOL": true},
            "z": {"NULL": true}, "m": {"M": {"k": {"SS": ["a"]}}}, "l": {"L": [{"NS": ["1"]}]},
            "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2"]}, "bs": {"BS": ["AA==", "AQ=="]}}', 'get the whole item back');
-- ...and the plain door reads what the typed door wrote
SELECT is(dynamo.get_item('tap_roundtrip', '{"pk": "whole 中 😀"}'),
          dynamo.unmarshall(dynamo.execute('GetItem', '{"TableName": "tap_roundtrip", "Key": {"pk": {"S": "whole 中 😀"}}}') -> 'Item'),
          'get_item reads what PutItem wrote');

-- plain JSON through put_item and get_item
SELECT is(pg_temp.plain_roundtrip('S', '"héllo 中文 😀"'), '"héllo 中文 😀"', 'plain S, multi-byte');
SELECT is(pg_temp.plain_roundtrip('N', '12345678901234567890123456789012345678'), '12345678901234567890123456789012345678', 'plain N, 38 digits');
SELECT is(pg_temp.plain_roundtrip('N-frac', '-1.5'), '-1.5', 'plain N, fraction');
SELECT is(pg_temp.plain_roundtrip('B', jsonb_build_object('$B', pg_temp.all_bytes())), jsonb_build_object('$B', pg_temp.all_bytes()), 'plain B, bytes 0x00..0xFF');
SELECT is(pg_temp.plain_roundtrip('BOOL', 'false'), 'false', 'plain BOOL');
SELECT is(pg_temp.plain_roundtrip('NULL', 'null'), 'null', 'plain NULL');
SELECT is(pg_temp.plain_roundtrip('M', '{"a": [1, {"b": null}], "c": {}}'), '{"a": [1, {"b": null}], "c": {}}', 'plain M');
SELECT is(pg_temp.plain_roundtrip('M-tag', '{"$M": {"$B": "not binary"}}'), '{"$M": {"$B": "not binary"}}', 'plain M wrapped in $M');
SELECT is(pg_temp.plain_roundtrip('sets', '[{"$SS": ["a", "b"]}, {"$NS": [1, 2]}, {"$BS": ["AA==", "AQ=="]}]'),
          '[{"$SS": ["a", "b"]}, {"$NS": [1, 2]}, {"$BS": ["AA==", "AQ=="]}]', 'plain sets');
-- and the typed door reads what the plain door wrote
SELECT is(dynamo.execute('GetItem', '{"TableName": "tap_roundtrip", "Key": {"pk": {"S": "plain-M"}}}') -> 'Item',
          dynamo.marshall(dynamo.get_item('tap_roundtrip', '{"pk": "plain-M"}')), 'GetItem reads what put_item wrote');

SELECT * FROM finish();
ROLLBACK;
