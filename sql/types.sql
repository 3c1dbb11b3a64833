--
-- types: DynamoDB's ten attribute types through dynamo.marshall (plain JSON
-- to typed) and dynamo.unmarshall (typed to plain JSON, the stored form):
-- round trips, the tagging of B/SS/NS/BS/$M, canonical sets, numbers as
-- DynamoDB normalises and limits them, and malformed attribute values.
--
-- DynamoDB's documented behaviour is the expected output.
--

-- The outcome of a statement: 'ok', or the SQLSTATE and DynamoDB exception;
-- an error as one line (SQLSTATE: message)
\i sql/include/statement.sql

-- A value nested in n maps (typed and plain), and in n lists
CREATE FUNCTION pg_temp.typed_maps(n int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN n = 0 THEN '{"S": "leaf"}'::jsonb
           ELSE jsonb_build_object('M', jsonb_build_object('n', pg_temp.typed_maps(n - 1))) END
$$;
CREATE FUNCTION pg_temp.typed_lists(n int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN n = 0 THEN '{"S": "leaf"}'::jsonb
           ELSE jsonb_build_object('L', jsonb_build_array(pg_temp.typed_lists(n - 1))) END
$$;
CREATE FUNCTION pg_temp.plain_maps(n int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN n = 0 THEN '"leaf"'::jsonb
           ELSE jsonb_build_object('n', pg_temp.plain_maps(n - 1)) END
$$;
CREATE FUNCTION pg_temp.plain_lists(n int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN n = 0 THEN '"leaf"'::jsonb
           ELSE jsonb_build_array(pg_temp.plain_lists(n - 1)) END
$$;

------------------------------------------------------------------------
-- All ten types, plain -> typed -> plain
------------------------------------------------------------------------
SELECT key, value FROM jsonb_each(dynamo.marshall('{
    "s": "text é 中 😀", "n": 1.50, "b": {"$B": "AAEC"}, "t": true, "f": false, "z": null,
    "m": {"a": 1, "b": "x", "c": {}}, "l": [1, "x", null, [], {}],
    "ss": {"$SS": ["b", "a"]}, "ns": {"$NS": [10, 2.5, -1]}, "bs": {"$BS": ["AQ==", "AA=="]}}')) ORDER BY key;
SELECT key, value FROM jsonb_each(dynamo.unmarshall(dynamo.marshall('{
    "s": "text é 中 😀", "n": 1.50, "b": {"$B": "AAEC"}, "t": true, "f": false, "z": null,
    "m": {"a": 1, "b": "x", "c": {}}, "l": [1, "x", null, [], {}],
    "ss": {"$SS": ["b", "a"]}, "ns": {"$NS": [10, 2.5, -1]}, "bs": {"$BS": ["AQ==", "AA=="]}}'))) ORDER BY key;

------------------------------------------------------------------------
-- All ten types, typed -> plain (the stored form) -> typed
------------------------------------------------------------------------
SELECT key, value FROM jsonb_each(dynamo.unmarshall('{
    "s": {"S": "text"}, "n": {"N": "-0.250"}, "b": {"B": "3q2+7w=="}, "t": {"BOOL": true}, "f": {"BOOL": false},
    "z": {"NULL": true}, "m": {"M": {"k": {"S": "v"}, "e": {"M": {}}}}, "l": {"L": [{"N": "1"}, {"S": "x"}, {"L": []}]},
    "ss": {"SS": ["b", "a"]}, "ns": {"NS": ["10", "2.5", "-1"]}, "bs": {"BS": ["AQ==", "AA=="]}}')) ORDER BY key;
SELECT key, value FROM jsonb_each(dynamo.marshall(dynamo.unmarshall('{
    "s": {"S": "text"}, "n": {"N": "-0.250"}, "b": {"B": "3q2+7w=="}, "t": {"BOOL": true}, "f": {"BOOL": false},
    "z": {"NULL": true}, "m": {"M": {"k": {"S": "v"}, "e": {"M": {}}}}, "l": {"L": [{"N": "1"}, {"S": "x"}, {"L": []}]},
    "ss": {"SS": ["b", "a"]}, "ns": {"NS": ["10", "2.5", "-1"]}, "bs": {"BS": ["AQ==", "AA=="]}}'))) ORDER BY key;
-- nested maps and lists
SELECT dynamo.marshall('{"a": {"b": {"c": [{"d": [1, {"e": "f"}, [true, null]]}]}}}') AS typed;
SELECT dynamo.unmarshall(dynamo.marshall('{"a": {"b": {"c": [{"d": [1, {"e": "f"}, [true, null]]}]}}}')) AS plain;
-- an empty item
SELECT dynamo.marshall('{}') AS typed, dynamo.unmarshall('{}') AS plain;
SELECT dynamo.marshall(NULL) IS NULL AS strict, dynamo.unmarshall(NULL) IS NULL AS strict;

------------------------------------------------------------------------
-- The stored tagging
------------------------------------------------------------------------
SELECT dynamo.unmarshall('{"b": {"B": "AAEC"}, "e": {"B": ""}}') AS binary;
SELECT dynamo.unmarshall('{"ss": {"SS": ["x"]}, "ns": {"NS": ["1"]}, "bs": {"BS": ["AA=="]}}') AS sets;
-- a map whose single key is a tag is wrapped in $M, at any depth
SELECT dynamo.unmarshall('{"m": {"M": {"$B": {"S": "not binary"}}}}') AS wrapped;
SELECT dynamo.unmarshall('{"m": {"M": {"$SS": {"L": []}}}, "l": {"L": [{"M": {"$M": {"N": "1"}}}]}}') AS wrapped;
SELECT dynamo.marshall('{"m": {"$M": {"$B": "not binary"}}}') AS typed;
SELECT dynamo.marshall('{"m": {"$M": {"$M": {"$NS": [1]}}}}') AS typed;
-- ...and only such a map: other keys, or more than one key, need no wrapping
SELECT dynamo.unmarshall('{"m": {"M": {"$X": {"S": "x"}}}, "two": {"M": {"$B": {"S": "x"}, "c": {"N": "1"}}}}') AS unwrapped;
SELECT dynamo.marshall('{"m": {"$X": "x"}, "two": {"$B": "x", "c": 1}, "dollar": {"$": 1}}') AS typed;
-- a needless $M is accepted and dropped
SELECT dynamo.unmarshall(dynamo.marshall('{"m": {"$M": {"a": 1, "b": 2}}}')) AS canonical;
-- top-level attribute names are names, not tags
SELECT dynamo.marshall('{"$B": "x", "$SS": [1], "$M": {}}') AS typed;
SELECT dynamo.unmarshall('{"$B": {"S": "x"}}') AS plain;

------------------------------------------------------------------------
-- Sets: canonical order, duplicates, emptiness
------------------------------------------------------------------------
-- SS by UTF-8 bytes, NS numerically, BS by unsigned bytes
SELECT dynamo.unmarshall('{"ss": {"SS": ["b", "é", "a", "Z", "B", "aa", "中", "😀"]}}') AS ss;
SELECT dynamo.unmarshall('{"ns": {"NS": ["10", "9", "-1.5", "1e2", "0", "-100", "0.001"]}}') AS ns;
SELECT dynamo.marshall('{"ns": {"$NS": [10, "9", -1.5, 1e2]}}') AS ns;
SELECT dynamo.unmarshall('{"bs": {"BS": ["/w==", "AA==", "gA==", "fw==", "AAA=", "AQ=="]}}') AS bs;
-- the same set in any order is the same stored value
SELECT dynamo.unmarshall('{"s": {"SS": ["x", "y", "z"]}}') = dynamo.unmarshall('{"s": {"SS": ["z", "x", "y"]}}') AS same;
-- duplicates ("1" and "1.0" are the same number)
SELECT dynamo.unmarshall('{"ss": {"SS": ["a", "b", "a"]}}');
SELECT dynamo.unmarshall('{"ss": {"SS": ["a", "a"]}}');
SELECT dynamo.unmarshall('{"ns": {"NS": ["1", "1"]}}');
SELECT dynamo.unmarshall('{"ns": {"NS": ["1", "1.0"]}}');
SELECT dynamo.unmarshall('{"ns": {"NS": ["100", "1e2"]}}');
SELECT dynamo.marshall('{"ns": {"$NS": [1, 1.0]}}');
SELECT dynamo.unmarshall('{"bs": {"BS": ["Yg==", "Yg=="]}}');
SELECT dynamo.marshall('{"ss": {"$SS": ["x", "x"]}}');
-- empty sets
SELECT dynamo.unmarshall('{"ss": {"SS": []}}');
SELECT dynamo.unmarshall('{"ns": {"NS": []}}');
SELECT dynamo.unmarshall('{"bs": {"BS": []}}');
SELECT dynamo.marshall('{"ss": {"$SS": []}}');
SELECT dynamo.marshall('{"ns": {"$NS": []}}');
SELECT dynamo.marshall('{"bs": {"$BS": []}}');
-- bad members
SELECT dynamo.unmarshall('{"ns": {"NS": ["1", "b"]}}');
SELECT dynamo.unmarshall('{"ns": {"NS": ["1", ""]}}');
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"ss": {"SS": ["a", 1]}}')$$) AS ss_with_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"ns": {"NS": [1]}}')$$) AS ns_with_json_number;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"ss": {"$SS": ["a", 1]}}')$$) AS plain_ss_with_number;

------------------------------------------------------------------------
-- Numbers: normalised as DynamoDB does, 38 significant digits,
-- magnitudes from 1E-130 to below 1E+126
------------------------------------------------------------------------
SELECT t.n AS input, dynamo.marshall(dynamo.unmarshall(jsonb_build_object('x', jsonb_build_object('N', t.n)))) -> 'x' ->> 'N' AS normalised
FROM (VALUES ('1.50'), ('1e3'), ('1E+3'), ('-0'), ('0.0'), ('-0.0e10'), ('0e1000'), ('007'), ('0001.23'), ('.5'), ('5.'), ('+5'),
             ('-17.4E37'), ('123.4560000'), ('1.00000000000000000000000000000000000000000000e-5'),
             ('12345678901234567890123456789012345678'), ('-1234567890123456789012345678901234567.8'),
             ('1234567890123456789012345678901234567800000'), ('0.00012345678901234567890123456789012345678'),
             ('9.9999999999999999999999999999999999999E+125'), ('-9.9999999999999999999999999999999999999E+125'),
             ('1E-130'), ('-1E-130'), ('1.5E-129')) AS t(n);
-- out of range, too precise
SELECT dynamo.unmarshall('{"x": {"N": "123456789012345678901234567890123456789"}}');
SELECT dynamo.unmarshall('{"x": {"N": "-1.23456789012345678901234567890123456789"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1.000000000000000000000000000000000000001e-5"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1E+126"}}');
SELECT dynamo.unmarshall('{"x": {"N": "-1E+126"}}');
SELECT dynamo.unmarshall('{"x": {"N": "11E+125"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1e5000"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1E-131"}}');
SELECT dynamo.unmarshall('{"x": {"N": "0.9E-130"}}');
SELECT dynamo.unmarshall('{"x": {"N": "-1e-5000"}}');
-- not numbers
SELECT dynamo.unmarshall('{"x": {"N": "abc"}}');
SELECT dynamo.unmarshall('{"x": {"N": ""}}');
SELECT dynamo.unmarshall('{"x": {"N": "1e"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1e+"}}');
SELECT dynamo.unmarshall('{"x": {"N": "."}}');
SELECT dynamo.unmarshall('{"x": {"N": "-"}}');
SELECT dynamo.unmarshall('{"x": {"N": " 5"}}');
SELECT dynamo.unmarshall('{"x": {"N": "5 "}}');
SELECT dynamo.unmarshall('{"x": {"N": "NaN"}}');
SELECT dynamo.unmarshall('{"x": {"N": "Infinity"}}');
SELECT dynamo.unmarshall('{"x": {"N": "-Infinity"}}');
SELECT dynamo.unmarshall('{"x": {"N": "0x10"}}');
SELECT dynamo.unmarshall('{"x": {"N": "1,5"}}');
SELECT dynamo.unmarshall('{"x": {"N": "--1"}}');
-- plain JSON numbers
SELECT dynamo.marshall('{"a": 1.50, "b": 1e3, "c": -0, "d": 12345678901234567890123456789012345678, "e": 1E-130, "f": 0.10}') AS typed;
SELECT dynamo.marshall('{"x": 123456789012345678901234567890123456789}');
SELECT dynamo.marshall('{"x": 1E+126}');
SELECT dynamo.marshall('{"x": 1E-131}');
SELECT dynamo.marshall('{"x": {"$NS": [1, "1e-131"]}}');

------------------------------------------------------------------------
-- Binary: base64, canonical on the way out
------------------------------------------------------------------------
SELECT dynamo.unmarshall('{"b": {"B": "AAECAwQFBgcICQoLDA0ODw=="}}') AS plain;
SELECT dynamo.unmarshall('{"x": {"B": "AAA"}}');
SELECT dynamo.unmarshall('{"x": {"B": "A"}}');
SELECT dynamo.unmarshall('{"x": {"BS": ["AA==", "AAA"]}}');
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"B": "AA!A"}}')$$) AS bad_character;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"B": "A=AA"}}')$$) AS misplaced_padding;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"x": {"$B": "AAA"}}')$$) AS plain_bad_length;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"x": {"$BS": ["AA=", "AA=="]}}')$$) AS plain_bad_member;

------------------------------------------------------------------------
-- Malformed attribute values
------------------------------------------------------------------------
SELECT dynamo.unmarshall('{"x": {"NULL": false}}');
SELECT dynamo.unmarshall('{"x": {"S": "a", "N": "1"}}');
SELECT dynamo.unmarshall('{"x": {"S": "a", "BOOL": true, "NULL": true}}');
SELECT dynamo.unmarshall('{"x": {}}');
SELECT dynamo.unmarshall('{"x": {"X": "1"}}');
SELECT dynamo.unmarshall('{"x": {"s": "lower case"}}');
SELECT dynamo.unmarshall('{"x": {"S": null}}');
SELECT dynamo.unmarshall('{"l": {"L": [{}]}}');
SELECT dynamo.unmarshall('{"m": {"M": {"k": {}}}}');
-- members DynamoDB does not know are ignored, and so are null members
SELECT dynamo.unmarshall('{"x": {"S": "a", "X": "1"}}') AS plain;
SELECT dynamo.unmarshall('{"x": {"S": "a", "N": null}}') AS plain;
-- wrong JSON kinds are SerializationException
SELECT dynamo.unmarshall('{"x": {"S": {}}}');
SELECT dynamo.unmarshall('{"x": {"S": {"a": 1}}}');
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"N": 123}}')$$) AS n_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"S": 1}}')$$) AS s_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"S": ["a"]}}')$$) AS s_as_list;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"L": "x"}}')$$) AS l_as_string;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"L": {}}}')$$) AS l_as_object;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"M": []}}')$$) AS m_as_array;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"M": "x"}}')$$) AS m_as_string;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"SS": "a"}}')$$) AS ss_as_string;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"BOOL": 1}}')$$) AS bool_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"NULL": 1}}')$$) AS null_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": {"B": 1}}')$$) AS b_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": "plain"}')$$) AS value_not_an_object;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('{"x": [{"S": "a"}]}')$$) AS value_an_array;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"x": {"$B": 1}}')$$) AS plain_b_as_number;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"x": {"$SS": "a"}}')$$) AS plain_ss_as_string;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('{"x": {"$M": []}}')$$) AS plain_m_as_array;

------------------------------------------------------------------------
-- Nesting: 32 levels, counting the attribute as the first (31 nested
-- documents around a scalar); 33 levels are refused
------------------------------------------------------------------------
SELECT dynamo.unmarshall(jsonb_build_object('x', pg_temp.typed_maps(31))) -> 'x' #> array_fill('n'::text, ARRAY[31]) AS maps_31;
SELECT dynamo.unmarshall(jsonb_build_object('x', pg_temp.typed_lists(31))) -> 'x' #> array_fill('0'::text, ARRAY[31]) AS lists_31;
SELECT dynamo.marshall(jsonb_build_object('x', pg_temp.plain_maps(31))) = jsonb_build_object('x', pg_temp.typed_maps(31)) AS plain_maps_31;
SELECT dynamo.marshall(jsonb_build_object('x', pg_temp.plain_lists(31))) = jsonb_build_object('x', pg_temp.typed_lists(31)) AS plain_lists_31;
SELECT pg_temp.err(format($$SELECT dynamo.unmarshall(%L)$$, jsonb_build_object('x', pg_temp.typed_maps(32)))) ~ '^DY001: Nesting Levels have exceeded supported limits' AS maps_32_refused;
SELECT pg_temp.err(format($$SELECT dynamo.unmarshall(%L)$$, jsonb_build_object('x', pg_temp.typed_lists(32)))) ~ '^DY001: Nesting Levels have exceeded supported limits' AS lists_32_refused;
SELECT pg_temp.err(format($$SELECT dynamo.marshall(%L)$$, jsonb_build_object('x', pg_temp.plain_maps(32)))) ~ '^DY001: Nesting Levels have exceeded supported limits' AS plain_maps_32_refused;
SELECT pg_temp.err(format($$SELECT dynamo.unmarshall(%L)$$, jsonb_build_object('x', pg_temp.typed_maps(33)))) ~ '^DY001: Nesting Levels have exceeded supported limits' AS maps_33_refused;
SELECT pg_temp.err(format($$SELECT dynamo.marshall(%L)$$, jsonb_build_object('x', pg_temp.plain_lists(33)))) ~ '^DY001: Nesting Levels have exceeded supported limits' AS plain_lists_33_refused;
-- a $M wrapper is not a level
SELECT dynamo.unmarshall(dynamo.marshall(jsonb_build_object('x', jsonb_build_object('$M', jsonb_build_object('$B', pg_temp.plain_maps(30)))))) IS NOT NULL AS wrapped_31;

------------------------------------------------------------------------
-- Items that are not objects
------------------------------------------------------------------------
SELECT pg_temp.outcome($$SELECT dynamo.marshall('[]')$$) AS array_item;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('"x"')$$) AS string_item;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('1')$$) AS number_item;
SELECT pg_temp.outcome($$SELECT dynamo.marshall('null')$$) AS null_item;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('[{"S": "x"}]')$$) AS array_item;
SELECT pg_temp.outcome($$SELECT dynamo.unmarshall('true')$$) AS bool_item;
