--
-- items: put_item, get_item, delete_item with plain JSON; ReturnValues; key
-- validation and limits; DynamoDB's 400 KB item size, counted by DynamoDB's
-- rules; the items as SQL sees them.
--
-- DynamoDB's documented behaviour is the expected output.
--

-- An error as one line (SQLSTATE: message), for checks on part of a message
\i sql/include/statement.sql

-- base64 of some bytes, on one line
CREATE FUNCTION pg_temp.b64(b bytea) RETURNS text LANGUAGE sql AS $$
    SELECT translate(encode(b, 'base64'), E'\n', '')
$$;

SELECT dynamo.create_table('it_s', 'pk') IS NOT NULL AS created;
SELECT dynamo.create_table('it_n', 'pk', 'N') IS NOT NULL AS created;
SELECT dynamo.create_table('it_b', 'pk', 'B') IS NOT NULL AS created;
SELECT dynamo.create_table('it_ss', 'pk', 'S', 'sk', 'S') IS NOT NULL AS created;
SELECT dynamo.create_table('it_nn', 'pk', 'N', 'sk', 'N') IS NOT NULL AS created;
SELECT dynamo.create_table('it_sb', 'pk', 'S', 'sk', 'B') IS NOT NULL AS created;

------------------------------------------------------------------------
-- put_item, get_item, delete_item
------------------------------------------------------------------------
SELECT dynamo.put_item('it_s', '{"pk": "a", "Name": "Alice", "Age": 30, "Tags": {"$SS": ["y", "x"]},
    "Nested": {"list": [1, "two", null, true, {"deep": [[]]}], "empty": {}}, "Pic": {"$B": "AAEC"}}') AS put;
SELECT dynamo.get_item('it_s', '{"pk": "a"}') AS got;
-- a missing item is NULL
SELECT dynamo.get_item('it_s', '{"pk": "nobody"}') IS NULL AS missing;
-- a put replaces the whole item; ALL_OLD returns what it replaced
SELECT dynamo.put_item('it_s', '{"pk": "a", "Only": 1}', return_values => 'ALL_OLD') AS old;
SELECT dynamo.get_item('it_s', '{"pk": "a"}') AS got;
SELECT dynamo.put_item('it_s', '{"pk": "a", "Only": 2}', return_values => 'ALL_OLD') AS old;
-- ALL_OLD on a new item, and NONE: nothing to return
SELECT dynamo.put_item('it_s', '{"pk": "b", "v": 1}', return_values => 'ALL_OLD') IS NULL AS nothing_returned;
SELECT dynamo.put_item('it_s', '{"pk": "c", "v": 1}', return_values => 'NONE') IS NULL AS nothing_returned;
SELECT dynamo.put_item('it_s', '{"pk": "c", "v": 2}', return_values => 'NONE') IS NULL AS nothing_returned;
-- delete_item: ALL_OLD returns the deleted item; a missing item is no error
SELECT dynamo.delete_item('it_s', '{"pk": "c"}', return_values => 'ALL_OLD') AS deleted;
SELECT dynamo.delete_item('it_s', '{"pk": "c"}', return_values => 'ALL_OLD') IS NULL AS nothing_deleted;
SELECT dynamo.delete_item('it_s', '{"pk": "b"}') IS NULL AS deleted_quietly;
SELECT dynamo.delete_item('it_s', '{"pk": "nobody"}') IS NULL AS nothing_deleted;
SELECT dynamo.get_item('it_s', '{"pk": "b"}') IS NULL AS gone;
-- ReturnValues PutItem and DeleteItem do not take, and values that are none
SELECT dynamo.put_item('it_s', '{"pk": "d"}', return_values => 'ALL_NEW');
SELECT dynamo.put_item('it_s', '{"pk": "d"}', return_values => 'UPDATED_OLD');
SELECT dynamo.put_item('it_s', '{"pk": "d"}', return_values => 'UPDATED_NEW');
SELECT dynamo.put_item('it_s', '{"pk": "d"}', return_values => 'all_old');
SELECT dynamo.put_item('it_s', '{"pk": "d"}', return_values => 'EVERYTHING');
SELECT dynamo.delete_item('it_s', '{"pk": "a"}', return_values => 'ALL_NEW');
SELECT dynamo.delete_item('it_s', '{"pk": "a"}', return_values => 'BOTH');
SELECT dynamo.get_item('it_s', '{"pk": "d"}') IS NULL AS not_written;
SELECT dynamo.get_item('it_s', '{"pk": "a"}') AS not_deleted;
-- NULL arguments, missing tables, bad table names
SELECT dynamo.put_item('it_s', NULL);
SELECT dynamo.get_item('it_s', NULL);
SELECT dynamo.delete_item('it_s', NULL);
SELECT dynamo.put_item('it_missing', '{"pk": "a"}');
SELECT dynamo.get_item('it_missing', '{"pk": "a"}');
SELECT dynamo.delete_item('it_missing', '{"pk": "a"}');
SELECT dynamo.put_item('ab', '{"pk": "a"}');
SELECT dynamo.get_item('a b', '{"pk": "a"}');
SELECT dynamo.delete_item(NULL, '{"pk": "a"}');
-- items must be objects
SELECT dynamo.put_item('it_s', '[{"pk": "a"}]');
SELECT dynamo.put_item('it_s', '"pk"');

------------------------------------------------------------------------
-- Number keys: compared as numbers, stored normalised
------------------------------------------------------------------------
SELECT dynamo.put_item('it_n', '{"pk": 1.50, "v": "one and a half"}');
SELECT dynamo.get_item('it_n', '{"pk": 1.5}') AS got;
SELECT dynamo.get_item('it_n', '{"pk": 15e-1}') AS got;
SELECT dynamo.put_item('it_n', '{"pk": 1e3, "v": "thousand"}');
SELECT dynamo.put_item('it_n', '{"pk": 1000.000, "v": "thousand again"}', return_values => 'ALL_OLD') AS old;
SELECT dynamo.put_item('it_n', '{"pk": -0, "v": "zero"}');
SELECT dynamo.get_item('it_n', '{"pk": 0}') AS got;
SELECT dynamo.put_item('it_n', '{"pk": -12345678901234567890123456789012345678, "v": "38 digits"}');
SELECT dynamo.get_item('it_n', '{"pk": -12345678901234567890123456789012345678}') AS got;
SELECT dynamo.put_item('it_n', '{"pk": 123456789012345678901234567890123456789}');
SELECT dynamo.get_item('it_n', '{"pk": 123456789012345678901234567890123456789}');

------------------------------------------------------------------------
-- Binary keys: compared as bytes, base64 in JSON
------------------------------------------------------------------------
SELECT dynamo.put_item('it_b', '{"pk": {"$B": "AAEC"}, "v": 1}');
SELECT dynamo.put_item('it_b', '{"pk": {"$B": "/w=="}, "v": 2}');
SELECT dynamo.get_item('it_b', '{"pk": {"$B": "AAEC"}}') AS got;
SELECT dynamo.delete_item('it_b', '{"pk": {"$B": "/w=="}}', return_values => 'ALL_OLD') AS deleted;

------------------------------------------------------------------------
-- Sort keys
------------------------------------------------------------------------
SELECT dynamo.put_item('it_ss', '{"pk": "user1", "sk": "order#2", "total": 20}');
SELECT dynamo.put_item('it_ss', '{"pk": "user1", "sk": "order#1", "total": 10}');
SELECT dynamo.put_item('it_ss', '{"pk": "user1", "sk": "profile", "name": "Ann"}');
SELECT dynamo.put_item('it_ss', '{"pk": "user2", "sk": "profile", "name": "Bob"}');
SELECT dynamo.get_item('it_ss', '{"pk": "user1", "sk": "order#1"}') AS got;
SELECT dynamo.get_item('it_ss', '{"sk": "profile", "pk": "user2"}') AS got;
SELECT dynamo.get_item('it_ss', '{"pk": "user2", "sk": "order#1"}') IS NULL AS missing;
SELECT dynamo.delete_item('it_ss', '{"pk": "user1", "sk": "order#2"}', return_values => 'ALL_OLD') AS deleted;
SELECT dynamo.put_item('it_nn', '{"pk": 1, "sk": 2.5, "v": "a"}');
SELECT dynamo.put_item('it_nn', '{"pk": 1, "sk": -3, "v": "b"}');
SELECT dynamo.get_item('it_nn', '{"pk": 1.0, "sk": 2.50}') AS got;
SELECT dynamo.put_item('it_sb', '{"pk": "p", "sk": {"$B": "AP8="}}');
SELECT dynamo.get_item('it_sb', '{"pk": "p", "sk": {"$B": "AP8="}}') AS got;

------------------------------------------------------------------------
-- The items as SQL sees them: typed key columns, the whole item in jsonb
------------------------------------------------------------------------
SELECT pk, item FROM dynamo_data.it_s ORDER BY pk;
SELECT pk, item FROM dynamo_data.it_n ORDER BY pk;
SELECT pk, item FROM dynamo_data.it_b ORDER BY pk;
SELECT pk, sk, item FROM dynamo_data.it_ss ORDER BY pk, sk;
SELECT pk, sk, item FROM dynamo_data.it_nn ORDER BY pk, sk;
SELECT pk, sk, item FROM dynamo_data.it_sb ORDER BY pk, sk;
SELECT pk, item ->> 'name' AS name FROM dynamo_data.it_ss WHERE sk = 'profile' ORDER BY pk;
-- a row whose key columns disagree with its item is refused
SELECT pg_temp.err($$INSERT INTO dynamo_data.it_s (pk, item) VALUES ('zz', '{"pk": "other"}')$$) <> 'no error' AS mismatch_refused;
SELECT pg_temp.err($$UPDATE dynamo_data.it_s SET item = '{"pk": "changed"}' WHERE pk = 'a'$$) <> 'no error' AS mismatch_refused;
SELECT dynamo.get_item('it_s', '{"pk": "a"}') AS still_intact;

------------------------------------------------------------------------
-- Key validation on put: missing keys, wrong types, empty values
------------------------------------------------------------------------
SELECT dynamo.put_item('it_s', '{"x": 1}');
SELECT dynamo.put_item('it_s', '{}');
SELECT dynamo.put_item('it_ss', '{"pk": "a"}');
SELECT dynamo.put_item('it_ss', '{"sk": "a"}');
SELECT dynamo.put_item('it_s', '{"pk": 1}');
SELECT dynamo.put_item('it_s', '{"pk": true}');
SELECT dynamo.put_item('it_s', '{"pk": null}');
SELECT dynamo.put_item('it_s', '{"pk": {"$SS": ["a"]}}');
SELECT dynamo.put_item('it_s', '{"pk": ["a"]}');
SELECT dynamo.put_item('it_s', '{"pk": {"a": "b"}}');
SELECT dynamo.put_item('it_n', '{"pk": "1"}');
SELECT dynamo.put_item('it_n', '{"pk": {"$NS": [1]}}');
SELECT dynamo.put_item('it_b', '{"pk": "AAEC"}');
SELECT dynamo.put_item('it_ss', '{"pk": "a", "sk": false}');
SELECT dynamo.put_item('it_sb', '{"pk": "a", "sk": "AAEC"}');
SELECT dynamo.put_item('it_s', '{"pk": ""}');
SELECT dynamo.put_item('it_ss', '{"pk": "a", "sk": ""}');
SELECT dynamo.put_item('it_ss', '{"pk": "", "sk": ""}');
SELECT dynamo.put_item('it_b', '{"pk": {"$B": ""}}');
SELECT dynamo.put_item('it_sb', '{"pk": "a", "sk": {"$B": ""}}');
-- empty strings and binaries are fine outside the key
SELECT dynamo.put_item('it_s', '{"pk": "e", "s": "", "b": {"$B": ""}, "l": [""], "m": {"x": ""}}');
SELECT dynamo.get_item('it_s', '{"pk": "e"}') AS got;

------------------------------------------------------------------------
-- Key validation on get and delete: exactly the key attributes
------------------------------------------------------------------------
SELECT dynamo.get_item('it_s', '{"pk": "a", "x": 1}');
SELECT dynamo.get_item('it_s', '{"pk": 1}');
SELECT dynamo.get_item('it_s', '{"x": "a"}');
SELECT dynamo.get_item('it_s', '{}');
SELECT dynamo.get_item('it_s', '{"pk": ""}');
SELECT dynamo.get_item('it_ss', '{"pk": "user1"}');
SELECT dynamo.get_item('it_ss', '{"pk": "user1", "sk": 1}');
SELECT dynamo.get_item('it_ss', '{"pk": "user1", "sk": "order#1", "total": 10}');
SELECT dynamo.get_item('it_n', '{"pk": "1.5"}');
SELECT dynamo.get_item('it_b', '{"pk": "AAEC"}');
SELECT dynamo.get_item('it_b', '{"pk": {"$B": ""}}');
SELECT dynamo.delete_item('it_s', '{"pk": "a", "x": 1}');
SELECT dynamo.delete_item('it_ss', '{"pk": "user1"}');
SELECT dynamo.delete_item('it_n', '{"pk": "1.5"}');
SELECT dynamo.get_item('it_s', '{"pk": "a"}') IS NOT NULL AS not_deleted;

------------------------------------------------------------------------
-- Key sizes: partition key up to 2048 bytes, sort key up to 1024 bytes
-- (UTF-8 bytes of strings, raw bytes of binaries)
------------------------------------------------------------------------
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', repeat('k', 2048))) IS NULL AS put_2048;
SELECT dynamo.get_item('it_s', jsonb_build_object('pk', repeat('k', 2048))) = jsonb_build_object('pk', repeat('k', 2048)) AS got_2048;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', repeat('é', 1024))) IS NULL AS put_2048_bytes;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', repeat('k', 2049)));
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', repeat('é', 1024) || 'k'));
SELECT dynamo.get_item('it_s', jsonb_build_object('pk', repeat('k', 2049)));
SELECT dynamo.delete_item('it_s', jsonb_build_object('pk', repeat('k', 2049)));
SELECT dynamo.put_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('s', 1024))) IS NULL AS put_1024;
SELECT dynamo.get_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('s', 1024))) IS NOT NULL AS got_1024;
SELECT dynamo.put_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('€', 341) || 's')) IS NULL AS put_1024_bytes;
SELECT dynamo.put_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('s', 1025)));
SELECT dynamo.put_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('€', 341) || 'ss'));
SELECT dynamo.get_item('it_ss', jsonb_build_object('pk', 'a', 'sk', repeat('s', 1025)));
-- a 2048-byte partition key and a 1024-byte sort key together
SELECT dynamo.put_item('it_ss', jsonb_build_object('pk', repeat('p', 2048), 'sk', repeat('s', 1024))) IS NULL AS put_both;
-- binary keys count their bytes, not their base64
SELECT dynamo.put_item('it_b', jsonb_build_object('pk', jsonb_build_object('$B', pg_temp.b64(decode(repeat('ab', 2048), 'hex'))))) IS NULL AS put_2048;
SELECT dynamo.put_item('it_b', jsonb_build_object('pk', jsonb_build_object('$B', pg_temp.b64(decode(repeat('ab', 2049), 'hex')))));
SELECT dynamo.put_item('it_sb', jsonb_build_object('pk', 'p', 'sk', jsonb_build_object('$B', pg_temp.b64(decode(repeat('cd', 1024), 'hex'))))) IS NULL AS put_1024;
SELECT dynamo.put_item('it_sb', jsonb_build_object('pk', 'p', 'sk', jsonb_build_object('$B', pg_temp.b64(decode(repeat('cd', 1025), 'hex')))));
SELECT length(pk) AS pk_bytes FROM dynamo_data.it_b ORDER BY 1;
SELECT octet_length(sk) AS sk_bytes FROM dynamo_data.it_ss WHERE pk = 'a' ORDER BY 1;

------------------------------------------------------------------------
-- Item size: at most 400 KB = 409600 bytes, counted as DynamoDB counts:
-- each attribute's name (UTF-8 bytes) plus its value; strings by UTF-8
-- bytes, binaries by raw bytes, numbers 1 byte per 2 significant digits + 1,
-- BOOL and NULL 1 byte, maps and lists 3 bytes + 1 byte per element + the
-- elements (with their names, in a map).
------------------------------------------------------------------------
-- "pk" (2) + "k" (1) + "data" (4) + 409593 = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'data', repeat('x', 409593))) IS NULL AS put_409600;
SELECT length(dynamo.get_item('it_s', '{"pk": "k"}') ->> 'data') AS data_length;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'data', repeat('x', 409594)));
-- two-byte characters: "pk" (2) + "k" (1) + "d" (1) + 2 * 204798 = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'd', repeat('é', 204798))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'd', repeat('é', 204798) || 'x'));
-- names count too: "pk" (2) + "k" (1) + "ñ" (2) + 409595 = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'ñ', repeat('x', 409595))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'ñ', repeat('x', 409596)));
-- a number: "n" (1) + 12345 (3 + 1); 3 + 5 + "data" (4) + 409588 = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'n', 12345, 'data', repeat('x', 409588))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'n', 12345, 'data', repeat('x', 409589)));
-- trailing zeros are not significant: 1234500000 is as big as 12345
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'n', 1234500000, 'data', repeat('x', 409588))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'n', 1234500000, 'data', repeat('x', 409589)));
-- BOOL and NULL: 3 + ("t" 1 + 1) + ("z" 1 + 1) + "d" (1) + 409592 = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 't', true, 'z', NULL, 'd', repeat('x', 409592))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 't', true, 'z', NULL, 'd', repeat('x', 409593)));
-- a binary: 3 + "b" (1) + 409596 bytes = 409600
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'b', jsonb_build_object('$B', pg_temp.b64(decode(repeat('00', 409596), 'hex'))))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'b', jsonb_build_object('$B', pg_temp.b64(decode(repeat('00', 409597), 'hex')))));
-- a map: 3 + "m" (1) + [3 + ("a" 1 + value + 1)] = value + 9
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'm', jsonb_build_object('a', repeat('x', 409591)))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'm', jsonb_build_object('a', repeat('x', 409592))));
-- a list: 3 + "l" (1) + [3 + (value + 1)] = value + 8
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'l', jsonb_build_array(repeat('x', 409592)))) IS NULL AS put_409600;
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'l', jsonb_build_array(repeat('x', 409593))));
-- a list of 100000 NULLs: 3 + "l" (1) + 3 + 100000 * 2 = 200007, fine
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'l', (SELECT jsonb_agg(NULL::int) FROM generate_series(1, 100000)))) IS NULL AS put_200007;
-- 204797 of them: 7 + 409594 = 409601
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'k', 'l', (SELECT jsonb_agg(NULL::int) FROM generate_series(1, 204797))));
-- the failed puts left the last good item
SELECT jsonb_array_length(dynamo.get_item('it_s', '{"pk": "k"}') -> 'l') AS list_length;
-- attribute names: up to 65535 bytes
SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'longname', repeat('n', 65535), 1)) IS NULL AS put_65535;
SELECT pg_temp.err($$SELECT dynamo.put_item('it_s', jsonb_build_object('pk', 'longname', repeat('n', 65536), 1))$$) ~ '^DY001: .*6553[56]' AS name_65536_rejected;

------------------------------------------------------------------------
-- Clean up
------------------------------------------------------------------------
SELECT dynamo.delete_table(t) ->> 'TableStatus' AS status
FROM unnest(ARRAY['it_s', 'it_n', 'it_b', 'it_ss', 'it_nn', 'it_sb']) AS t;
