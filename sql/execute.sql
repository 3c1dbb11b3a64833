--
-- execute: PutItem, GetItem, DeleteItem with DynamoDB's typed JSON request
-- and response shapes; ReturnValues; ReturnConsumedCapacity; errors;
-- execute_text and strings holding U+0000.
--
-- DynamoDB's documented behaviour is the expected output.
--

-- The outcome of a statement: 'ok', or the SQLSTATE and DynamoDB exception
\i sql/include/statement.sql

SELECT dynamo.execute('CreateTable', '{"TableName": "ex_s", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}') -> 'TableDescription' ->> 'TableStatus' AS status;
SELECT dynamo.execute('CreateTable', '{"TableName": "ex_ns", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "N"}, {"AttributeName": "at", "AttributeType": "S"}]}') -> 'TableDescription' ->> 'TableStatus' AS status;
SELECT dynamo.execute('CreateTable', '{"TableName": "ex_b", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "B"}]}') -> 'TableDescription' ->> 'TableStatus' AS status;

------------------------------------------------------------------------
-- PutItem and GetItem: every type, exactly as written (sets in any order)
------------------------------------------------------------------------
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {
    "pk": {"S": "all"}, "s": {"S": "héllo"}, "n": {"N": "42"}, "b": {"B": "AAEC"},
    "t": {"BOOL": true}, "z": {"NULL": true}, "m": {"M": {"a": {"N": "1"}, "$B": {"S": "x"}}},
    "l": {"L": [{"S": "x"}, {"N": "2"}, {"L": []}, {"M": {}}]}, "ss": {"SS": ["a", "b"]},
    "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AA==", "AQ=="]}}}') AS response;
SELECT jsonb_pretty(dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "all"}}}')) AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "all"}}, "ConsistentRead": true}') -> 'Item' -> 'm' AS m;
-- a missing item: no Item member at all
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nobody"}}}') AS response;
-- the same item through the SQL functions, in plain JSON
SELECT dynamo.get_item('ex_s', '{"pk": "all"}') AS plain;
-- numbers come back normalised
SELECT dynamo.execute('PutItem', '{"TableName": "ex_ns", "Item": {"id": {"N": "1.50"}, "at": {"S": "t1"}, "v": {"N": "1E+3"}}}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_ns", "Key": {"id": {"N": "1.5"}, "at": {"S": "t1"}}}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_ns", "Key": {"at": {"S": "t1"}, "id": {"N": "15E-1"}}}') AS response;
-- binary keys
SELECT dynamo.execute('PutItem', '{"TableName": "ex_b", "Item": {"k": {"B": "3q2+7w=="}, "v": {"S": "beef"}}}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_b", "Key": {"k": {"B": "3q2+7w=="}}}') AS response;

------------------------------------------------------------------------
-- ReturnValues
------------------------------------------------------------------------
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}, "v": {"N": "1"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}, "v": {"N": "2"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}, "v": {"N": "3"}}, "ReturnValues": "NONE"}') AS response;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}, "w": {"N": "4"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}}, "ReturnValues": "ALL_NEW"}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}}, "ReturnValues": "UPDATED_OLD"}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}}, "ReturnValues": "UPDATED_NEW"}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}}, "ReturnValues": "EVERYTHING"}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "rv"}}, "ReturnValues": "all_old"}');
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}, "ReturnValues": "ALL_NEW"}');
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}, "ReturnValues": "UPDATED_OLD"}');
-- the failed requests changed nothing
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}}') AS response;
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "rv"}}}') AS response;

------------------------------------------------------------------------
-- ReturnConsumedCapacity: writes 1 unit per KB of the larger of the old
-- and new item, reads 1 unit per 4 KB (half when eventually consistent)
------------------------------------------------------------------------
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL", "ConsistentRead": true}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nobody"}}, "ReturnConsumedCapacity": "TOTAL"}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "NONE"}') AS response;
-- "pk" (2) + "cap" (3) + "d" (1) + 1018 = 1024 bytes: one write unit; one more byte: two
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'ex_s', 'ReturnConsumedCapacity', 'TOTAL',
    'Item', jsonb_build_object('pk', '{"S": "cap"}'::jsonb, 'd', jsonb_build_object('S', repeat('x', 1018))))) -> 'ConsumedCapacity' AS capacity;
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'ex_s', 'ReturnConsumedCapacity', 'TOTAL',
    'Item', jsonb_build_object('pk', '{"S": "cap"}'::jsonb, 'd', jsonb_build_object('S', repeat('x', 1019))))) -> 'ConsumedCapacity' AS capacity;
-- replacing a 1025-byte item with a small one still writes 2 units
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') -> 'ConsumedCapacity' AS capacity;
-- 4096 bytes: 1 read unit (0.5 eventually consistent); 4097 bytes: 2 (1)
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'ex_s',
    'Item', jsonb_build_object('pk', '{"S": "cap"}'::jsonb, 'd', jsonb_build_object('S', repeat('x', 4090))))) AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL", "ConsistentRead": true}') -> 'ConsumedCapacity' AS capacity;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') -> 'ConsumedCapacity' AS capacity;
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'ex_s',
    'Item', jsonb_build_object('pk', '{"S": "cap"}'::jsonb, 'd', jsonb_build_object('S', repeat('x', 4091))))) AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL", "ConsistentRead": true}') -> 'ConsumedCapacity' AS capacity;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') -> 'ConsumedCapacity' AS capacity;
-- deletes: by the deleted item's size (4097 bytes: 5 units), one unit when there is none
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') AS response;
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL"}') AS again;
SELECT dynamo.execute('PutItem', jsonb_build_object('TableName', 'ex_s',
    'Item', jsonb_build_object('pk', '{"S": "cap"}'::jsonb, 'd', jsonb_build_object('S', repeat('x', 4091))))) AS response;
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "TOTAL",
    "ReturnValues": "ALL_OLD"}') -> 'ConsumedCapacity' AS capacity;
-- ALL_OLD and capacity together
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "cap"}, "v": {"N": "1"}}}') AS response;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "cap"}, "v": {"N": "2"}},
    "ReturnValues": "ALL_OLD", "ReturnConsumedCapacity": "TOTAL"}') AS response;
-- INDEXES adds the table's own share
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "INDEXES", "ConsistentRead": true}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "cap"}}, "ReturnConsumedCapacity": "ALL"}');

------------------------------------------------------------------------
-- Malformed requests
------------------------------------------------------------------------
SELECT pg_temp.outcome($$SELECT dynamo.execute('Frobnicate', '{}')$$) AS unknown;
SELECT pg_temp.outcome($$SELECT dynamo.execute('putitem', '{"TableName": "ex_s", "Item": {"pk": {"S": "x"}}}')$$) AS lower_case;
SELECT pg_temp.outcome($$SELECT dynamo.execute('', '{}')$$) AS empty_name;
SELECT pg_temp.outcome($$SELECT dynamo.execute(NULL, '{}')$$) AS null_name;
SELECT pg_temp.outcome($$SELECT dynamo.execute_text('Frobnicate', '{}')$$) AS unknown_text;
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s"}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": null}');
SELECT dynamo.execute('PutItem', '{"Item": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s"}');
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s"}');
SELECT dynamo.execute('GetItem', '{"Key": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_missing", "Item": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ex_missing", "Key": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_missing", "Key": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ab", "Key": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex s", "Item": {"pk": {"S": "x"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "x"}, "v": {"N": "1"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"N": "1"}}}');
SELECT dynamo.execute('GetItem', '{"TableName": "ex_ns", "Key": {"id": {"N": "1"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_ns", "Item": {"id": {"N": "1"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_ns", "Item": {"id": {"S": "1"}, "at": {"S": "x"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": ""}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "x"}, "v": {"N": "abc"}}}');
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "x"}, "v": {}}}');
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": [{"pk": {"S": "x"}}]}')$$) AS item_as_list;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": "x"}}')$$) AS plain_item;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "x"}}, "ReturnValues": 1}')$$) AS return_values_number;
SELECT pg_temp.outcome($$SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "x"}}, "ConsistentRead": 1}')$$) AS consistent_read_number;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '[]')$$) AS request_list;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', '"x"')$$) AS request_string;
SELECT pg_temp.outcome($$SELECT dynamo.execute('PutItem', NULL)$$) AS request_null;
SELECT pg_temp.outcome($$SELECT dynamo.execute_text('PutItem', '{"TableName": ')$$) AS request_not_json;
SELECT pg_temp.outcome($$SELECT dynamo.execute_text('PutItem', NULL)$$) AS request_null_text;
-- nothing was written by them
SELECT count(*) AS items FROM dynamo_data.ex_s WHERE pk IN ('x', '');

------------------------------------------------------------------------
-- execute_text: strings holding U+0000 and U+0001 travel exactly
------------------------------------------------------------------------
SELECT dynamo.execute_text('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "nul\u0000key"},
    "s": {"S": "a\u0000b\u0001c"}, "ss": {"SS": ["\u0001", "\u0000", "x"]}, "m": {"M": {"k\u0000": {"S": "\u0000"}}},
    "l": {"L": [{"S": "\u0000\u0000"}]}, "lit": {"S": "a\\u0000"}}}') AS response;
SELECT dynamo.execute_text('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nul\u0000key"}}}') AS response;
-- the stored row holds the escape: U+0000 -> U+0001 U+0001, U+0001 -> U+0001 U+0002
SELECT pk = E'nul\x01\x01key' AS pk_escaped,
       item ->> 's' = E'a\x01\x01b\x01\x02c' AS s_escaped,
       item -> 'ss' = jsonb_build_object('$SS', jsonb_build_array(E'\x01\x01', E'\x01\x02', 'x')) AS ss_escaped_in_byte_order,
       item -> 'm' ? E'k\x01\x01' AS name_escaped,
       item ->> 'lit' = 'a\u0000' AS literal_backslash_kept
FROM dynamo_data.ex_s WHERE pk LIKE 'nul%';
-- a jsonb string holding U+0001 U+0001 is not the escape of U+0000: another key
SELECT dynamo.execute('GetItem', jsonb_build_object('TableName', 'ex_s', 'Key', jsonb_build_object('pk', jsonb_build_object('S', E'nul\x01\x01key')))) AS response;
-- jsonb cannot hold U+0000: a jsonb request cannot name it...
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nul\u0000key"}}}');
-- ...and jsonb answers cannot carry it: execute() and get_item() on such an item fail
SELECT dynamo.execute_text('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "nulval"}, "s": {"S": "a\u0000b"}}}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nulval"}}}');
SELECT dynamo.get_item('ex_s', '{"pk": "nulval"}');
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nulval"}}, "ReturnValues": "ALL_OLD"}');
SELECT dynamo.execute_text('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nulval"}}}') AS response;
-- (the failed delete was rolled back with its statement; without ALL_OLD it works)
SELECT dynamo.execute('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nulval"}}}') AS response;
-- a string holding U+0001 (but no U+0000) is fine in jsonb
SELECT dynamo.execute('PutItem', '{"TableName": "ex_s", "Item": {"pk": {"S": "one\u0001"}, "v": {"S": "\u0001\u0002"}}}') AS response;
SELECT dynamo.execute('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "one\u0001"}}}') AS response;
SELECT dynamo.execute_text('GetItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "one\u0001"}}}') AS response;
SELECT pk = E'one\x01\x02' AS pk_escaped, item ->> 'v' = E'\x01\x02\x02' AS v_escaped FROM dynamo_data.ex_s WHERE pk LIKE 'one%';
SELECT dynamo.get_item('ex_s', '{"pk": "one\u0001"}') = '{"pk": "one\u0001", "v": "\u0001\u0002"}' AS plain_ok;
-- and the text door answers plain items as they are
SELECT dynamo.execute_text('GetItem', '{"TableName": "ex_b", "Key": {"k": {"B": "3q2+7w=="}}}') AS response;
SELECT dynamo.execute_text('DeleteItem', '{"TableName": "ex_s", "Key": {"pk": {"S": "nul\u0000key"}}, "ReturnValues": "ALL_OLD"}') AS response;
SELECT count(*) AS left_over FROM dynamo_data.ex_s WHERE pk LIKE 'nul%';

------------------------------------------------------------------------
-- Clean up
------------------------------------------------------------------------
SELECT dynamo.execute('DeleteTable', jsonb_build_object('TableName', t)) -> 'TableDescription' ->> 'TableStatus' AS status
FROM unnest(ARRAY['ex_s', 'ex_ns', 'ex_b']) AS t;
