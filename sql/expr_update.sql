-- Update expressions: dynamo.apply_update()

-- SET: new and replaced attributes, values of every type
SELECT dynamo.apply_update('{"a": 1}', 'SET b = :v', NULL, '{":v": "x"}');
SELECT dynamo.apply_update('{"a": 1}', 'SET a = :v', NULL, '{":v": {"$SS": ["y", "x"]}}');
SELECT dynamo.apply_update('{"a": 1}', 'SET a = :m, b = :l, c = :b, d = :t, e = :n',
  NULL, '{":m": {"k": [1]}, ":l": [true, null], ":b": {"$B": "AQI="}, ":t": false, ":n": null}');
SELECT dynamo.apply_update(NULL, 'SET a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": 1}', 'set b = :v', NULL, '{":v": 2}');   -- keywords in any case
SELECT dynamo.apply_update('{"a": 1}', 'SET #n = :v', '{"#n": "name"}', '{":v": "x"}');

-- SET from other attributes: right-hand sides read the item before the update
SELECT dynamo.apply_update('{"a": 1, "b": 2}', 'SET a = b, b = a');
SELECT dynamo.apply_update('{"a": {"x": [10, 20]}}', 'SET c = a.x[1], a.x[0] = :v', NULL, '{":v": 0}');

-- Arithmetic: exact decimal, normalised, within DynamoDB's 38 digits
SELECT dynamo.apply_update('{"a": 0.1}', 'SET a = a + :v', NULL, '{":v": 0.2}');
SELECT dynamo.apply_update('{"a": 1.5}', 'SET a = a - :v', NULL, '{":v": 0.5}');
SELECT dynamo.apply_update('{"a": 5}', 'SET b = :x - a', NULL, '{":x": 3}');
SELECT dynamo.apply_update('{"a": 5}', 'SET b = a + a');
SELECT dynamo.apply_update('{}', 'SET b = :x + :y', NULL, '{":x": 1e10, ":y": -1e-10}');
SELECT dynamo.apply_update('{"a": 12345678901234567890123456789012345678}', 'SET a = a - :v', NULL,
  '{":v": 12345678901234567890123456789012345677}');
SELECT dynamo.apply_update('{"a": 1234567890123456789012345678901234567.8}', 'SET a = a + :v', NULL, '{":v": 0.1}');
SELECT dynamo.apply_update('{"a": 12345678901234567890123456789012345678}', 'SET a = a + :v', NULL, '{":v": 0.1}');
SELECT dynamo.apply_update('{"a": 9e125}', 'SET a = a + a');
SELECT dynamo.apply_update('{"n": 1}', 'SET c = if_not_exists(c, :zero) + :one, n = if_not_exists(n, :zero) + :one',
  NULL, '{":zero": 0, ":one": 1}');

-- if_not_exists and list_append
SELECT dynamo.apply_update('{"a": 1}', 'SET a = if_not_exists(a, :v), b = if_not_exists(b, :v)', NULL, '{":v": 9}');
SELECT dynamo.apply_update('{"l": [1, 2]}', 'SET l = list_append(l, :v)', NULL, '{":v": [3, 4]}');
SELECT dynamo.apply_update('{"l": [1, 2]}', 'SET l = list_append(:v, l)', NULL, '{":v": [0]}');
SELECT dynamo.apply_update('{}', 'SET l = list_append(if_not_exists(l, :e), :v)', NULL, '{":e": [], ":v": ["x"]}');
SELECT dynamo.apply_update('{"l": [1]}', 'SET m = list_append(l, l)');

-- Nested paths in maps and lists; an index past the end appends (in index order)
SELECT dynamo.apply_update('{"m": {"x": 1}}', 'SET m.y = :v, m.x = :w', NULL, '{":v": 2, ":w": 3}');
SELECT dynamo.apply_update('{"m": {"n": {"o": 1}}}', 'SET m.n.p = :v', NULL, '{":v": true}');
SELECT dynamo.apply_update('{"l": ["a", "b", "c"]}', 'SET l[1] = :v', NULL, '{":v": "B"}');
SELECT dynamo.apply_update('{"l": ["a", "b", "c"]}', 'SET l[10] = :v', NULL, '{":v": "z"}');
SELECT dynamo.apply_update('{"l": ["a"]}', 'SET l[7] = :x, l[5] = :y', NULL, '{":x": "x", ":y": "y"}');
SELECT dynamo.apply_update('{"l": [{"x": 1}, {"x": 2}]}', 'SET l[1].y = :v', NULL, '{":v": 3}');
SELECT dynamo.apply_update('{"l": [[0, 1], [2]]}', 'SET l[0][1] = :v, l[1][1] = :v', NULL, '{":v": 9}');
-- A map whose one key looks like a tag keeps the $M wrapper
SELECT dynamo.apply_update('{"m": {"a": 1}}', 'SET m.#t = :v REMOVE m.a', '{"#t": "$SS"}', '{":v": ["x"]}');
SELECT dynamo.apply_update('{"m": {"$M": {"$B": 1}}}', 'SET m.c = :v', NULL, '{":v": 2}');
SELECT dynamo.apply_update('{"m": {"$M": {"$B": 1}}}', 'SET m.#b = :v', '{"#b": "$B"}', '{":v": 2}');

-- Parents must exist and be of the right type
SELECT dynamo.apply_update('{"a": 1}', 'SET x.y = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": 1}', 'SET a.y = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": {"b": 1}}', 'SET a[0] = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": [1]}', 'SET a.b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": [1]}', 'SET a[3].b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update(NULL, 'SET a.b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": 1}', 'REMOVE x.y');
SELECT dynamo.apply_update('{"a": 1}', 'ADD x.y :v', NULL, '{":v": 1}');

-- Right-hand sides that do not exist or have the wrong type
SELECT dynamo.apply_update('{"a": 1}', 'SET b = c');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = c + :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = list_append(c, :v)', NULL, '{":v": [1]}');
SELECT dynamo.apply_update('{"a": "s"}', 'SET b = a + :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = list_append(a, :v)', NULL, '{":v": [1]}');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = a + :v', NULL, '{":v": "x"}');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = :v - a', NULL, '{":v": {"$NS": [1]}}');
SELECT dynamo.apply_update('{"a": 1}', 'SET b = list_append(:v, a)', NULL, '{":v": {"k": 1}}');

-- REMOVE: attributes, nested members, list elements by their original index
SELECT dynamo.apply_update('{"a": 1, "b": 2}', 'REMOVE a');
SELECT dynamo.apply_update('{"a": 1}', 'REMOVE a, zz');
SELECT dynamo.apply_update('{"m": {"x": 1, "y": 2}}', 'REMOVE m.x, m.zz');
SELECT dynamo.apply_update('{"l": [0, 1, 2, 3, 4, 5]}', 'REMOVE l[1], l[3], l[9]');
SELECT dynamo.apply_update('{"l": [0, 1, 2, 3, 4, 5]}', 'REMOVE l[3], l[1]');
SELECT dynamo.apply_update('{"l": [0, 1, 2]}', 'SET l[2] = :v REMOVE l[0]', NULL, '{":v": "two"}');
SELECT dynamo.apply_update('{"l": [{"a": 1, "b": 2}]}', 'REMOVE l[0].a');
SELECT dynamo.apply_update('{"a": 1}', 'REMOVE a');

-- ADD: numbers (a missing one starts at 0) and sets (union)
SELECT dynamo.apply_update('{"n": 5}', 'ADD n :v', NULL, '{":v": -7.5}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": 3}');
SELECT dynamo.apply_update('{"s": {"$SS": ["b", "d"]}}', 'ADD s :v', NULL, '{":v": {"$SS": ["a", "d", "e"]}}');
SELECT dynamo.apply_update('{"s": {"$NS": [10, 2]}}', 'ADD s :v', NULL, '{":v": {"$NS": [1, 2, 30]}}');
SELECT dynamo.apply_update('{"s": {"$BS": ["AQ=="]}}', 'ADD s :v', NULL, '{":v": {"$BS": ["AA==", "AQ==", "/w=="]}}');
SELECT dynamo.apply_update('{}', 'ADD s :v', NULL, '{":v": {"$SS": ["x"]}}');
SELECT dynamo.apply_update('{"m": {}}', 'ADD m.n :v, m.s :w', NULL, '{":v": 1, ":w": {"$NS": [1]}}');
SELECT dynamo.apply_update('{"n": "1"}', 'ADD n :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{"s": {"$SS": ["1"]}}', 'ADD s :v', NULL, '{":v": {"$NS": [1]}}');
SELECT dynamo.apply_update('{"n": 1}', 'ADD n :v', NULL, '{":v": {"$NS": [1]}}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": "x"}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": [1]}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": {"m": 1}}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": true}');
SELECT dynamo.apply_update('{}', 'ADD n :v', NULL, '{":v": {"$B": "AA=="}}');
SELECT dynamo.apply_update('{}', 'ADD n b', NULL, NULL);

-- DELETE: members from sets; an emptied set is removed
SELECT dynamo.apply_update('{"s": {"$SS": ["a", "b", "c"]}}', 'DELETE s :v', NULL, '{":v": {"$SS": ["a", "c", "zz"]}}');
SELECT dynamo.apply_update('{"s": {"$NS": [1, 2]}, "k": 1}', 'DELETE s :v', NULL, '{":v": {"$NS": [2, 1]}}');
SELECT dynamo.apply_update('{"s": {"$BS": ["AA==", "AQ=="]}}', 'DELETE s :v', NULL, '{":v": {"$BS": ["AA=="]}}');
SELECT dynamo.apply_update('{"k": 1}', 'DELETE s :v', NULL, '{":v": {"$SS": ["a"]}}');
SELECT dynamo.apply_update('{"s": {"$SS": ["1"]}}', 'DELETE s :v', NULL, '{":v": {"$NS": [1]}}');
SELECT dynamo.apply_update('{"s": [1]}', 'DELETE s :v', NULL, '{":v": {"$NS": [1]}}');
SELECT dynamo.apply_update('{}', 'DELETE s :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'DELETE s :v', NULL, '{":v": ["a"]}');

-- Several clauses, in any order, each at most once
SELECT dynamo.apply_update('{"a": 1, "b": 2, "n": 1, "s": {"$SS": ["x", "y"]}}',
  'DELETE s :d ADD n :one REMOVE b SET c = :c', NULL,
  '{":d": {"$SS": ["x"]}, ":one": 1, ":c": "new"}');
SELECT dynamo.apply_update('{}', 'SET a = :v SET b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'REMOVE a REMOVE b');
SELECT dynamo.apply_update('{}', 'ADD a :v SET b = :v ADD c :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'DELETE a :v DELETE b :v', NULL, '{":v": {"$SS": ["x"]}}');

-- Overlapping and conflicting paths, within and across clauses
SELECT dynamo.apply_update('{}', 'SET a = :v, a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v REMOVE a.b', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a.b = :v REMOVE a[0]', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'REMOVE a[1], a[1].b');
SELECT dynamo.apply_update('{}', 'SET #a = :v ADD a :v', '{"#a": "a"}', '{":v": 1}');
SELECT dynamo.apply_update('{"a": {}}', 'SET a.b = :v, a.c = :v', NULL, '{":v": 1}');

-- Malformed updates
SELECT dynamo.apply_update('{}', '');
SELECT dynamo.apply_update('{}', 'SET');
SELECT dynamo.apply_update('{}', 'SET a');
SELECT dynamo.apply_update('{}', 'SET a =');
SELECT dynamo.apply_update('{}', 'SET a = :v,', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v, REMOVE b', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'UPDATE a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v + :v + :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = (:v)', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a + :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v * :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'REMOVE :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'REMOVE a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'ADD a', NULL, NULL);
SELECT dynamo.apply_update('{}', 'ADD a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'DELETE a', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET a = :v AND b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = b, c', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET name = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = #name', '{"#name": "x"}', NULL);
SELECT dynamo.apply_update('{}', 'REMOVE size');
SELECT dynamo.apply_update('{}', 'SET a = size(b)', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET a = attribute_exists(b)', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET a = foo(b)', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET a = if_not_exists(:v, b)', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = if_not_exists(b)', NULL, NULL);
SELECT dynamo.apply_update('{}', 'SET a = list_append(:v)', NULL, '{":v": [1]}');
SELECT dynamo.apply_update('{}', 'SET a = :x', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v', NULL, '{":v": 1, ":w": 2}');
SELECT dynamo.apply_update('{}', 'SET a = :v', '{"#a": "a"}', '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET #a = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v', NULL, '{":v": 1e126}');
\set VERBOSITY sqlstate
SELECT dynamo.apply_update('{"a": 1}', 'SET a.b = :v', NULL, '{":v": 1}');
SELECT dynamo.apply_update('{}', 'SET a = :v, a = :v', NULL, '{":v": 1}');
\set VERBOSITY default
