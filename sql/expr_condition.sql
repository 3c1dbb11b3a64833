-- Condition and filter expressions: dynamo.eval_condition()
-- Items and values are plain JSON (the stored form of pg_dynamo).

CREATE TEMP TABLE items (id int PRIMARY KEY, item jsonb);
INSERT INTO items VALUES
 (1, '{"pk": "a", "n": 1, "s": "apple", "b": {"$B": "AQID"}, "flag": true, "nul": null,
       "m": {"x": 1, "y": {"z": "deep"}}, "l": [1, "two", {"three": 3}, [4]],
       "ss": {"$SS": ["blue", "red"]}, "ns": {"$NS": [1, 2.5]}, "bs": {"$BS": ["AQ==", "Ag=="]}}'),
 (2, '{"pk": "b", "n": 10, "s": "banana", "b": {"$B": "AgM="}, "flag": false,
       "m": {"x": 2}, "l": [], "ss": {"$SS": ["green"]}}'),
 (3, '{"pk": "c", "n": -2.5, "s": "Apple", "m": {}, "l": [1]}'),
 (4, '{"pk": "d", "n": "10", "s": 5}'),
 (5, '{"pk": "e"}');

-- Run a condition over every item; list the ids it holds for
CREATE FUNCTION matching(cond text, vals jsonb DEFAULT NULL, names jsonb DEFAULT NULL)
RETURNS int[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg(id ORDER BY id), '{}')
  FROM items WHERE dynamo.eval_condition(item, cond, names, vals)
$$;

-- Comparators on numbers, strings and binaries
SELECT matching('n = :v', '{":v": 10}');
SELECT matching('n <> :v', '{":v": 10}');           -- missing and other types: <> holds
SELECT matching('n < :v', '{":v": 1}');
SELECT matching('n <= :v', '{":v": 1}');
SELECT matching('n > :v', '{":v": 1}');
SELECT matching('n >= :v', '{":v": -2.5}');
SELECT matching('n = :v', '{":v": 1.0}');          -- numbers compare numerically
SELECT matching('n = :v', '{":v": "10"}');         -- a string is not a number
SELECT matching('s < :v', '{":v": "apple"}');      -- UTF-8 byte order: "A" < "a"
SELECT matching('s >= :v', '{":v": "b"}');
SELECT matching('b < :v', '{":v": {"$B": "AgM="}}');
SELECT matching('b = :v', '{":v": {"$B": "AgM="}}');
SELECT matching(':v < n', '{":v": 1}');            -- value on the left
SELECT matching('n > s', NULL);                   -- two paths, types differ: false
SELECT matching('m.x < n', NULL);                 -- two paths of one type

-- Equality is deep for maps, lists and sets (sets ignore order)
SELECT matching('m = :v', '{":v": {"y": {"z": "deep"}, "x": 1}}');
SELECT matching('l = :v', '{":v": [1, "two", {"three": 3}, [4]]}');
SELECT matching('l = :v', '{":v": ["two", 1, {"three": 3}, [4]]}');
SELECT matching('ss = :v', '{":v": {"$SS": ["red", "blue"]}}');
SELECT matching('ns = :v', '{":v": {"$NS": [2.50, 1]}}');
SELECT matching('flag = :t', '{":t": true}');
SELECT matching('nul = :n', '{":n": null}');
SELECT matching('flag <> :t', '{":t": true}');

-- BETWEEN and IN
SELECT matching('n BETWEEN :lo AND :hi', '{":lo": 0, ":hi": 10}');
SELECT matching('n BETWEEN :lo AND :hi', '{":lo": 1, ":hi": 1}');
SELECT matching('s BETWEEN :lo AND :hi', '{":lo": "a", ":hi": "b"}');
SELECT matching('n IN (:a, :b, :c)', '{":a": 10, ":b": -2.5, ":c": "x"}');
SELECT matching('pk IN (:a)', '{":a": "e"}');
SELECT matching('n IN (m.x, :a)', '{":a": 99}');

-- Functions
SELECT matching('attribute_exists(m.y.z)');
SELECT matching('attribute_not_exists(n)');
SELECT matching('attribute_exists(l[2].three)');
SELECT matching('attribute_exists(l[4])');
SELECT matching('attribute_type(n, :t)', '{":t": "N"}');
SELECT matching('attribute_type(n, :t)', '{":t": "S"}');
SELECT matching('attribute_type(m, :t) AND attribute_type(l, :u)', '{":t": "M", ":u": "L"}');
SELECT matching('attribute_type(ss, :a) AND attribute_type(ns, :b) AND attribute_type(bs, :c)',
                '{":a": "SS", ":b": "NS", ":c": "BS"}');
SELECT matching('attribute_type(flag, :a) OR attribute_type(nul, :b) OR attribute_type(b, :c)',
                '{":a": "BOOL", ":b": "NULL", ":c": "B"}');
SELECT matching('begins_with(s, :p)', '{":p": "app"}');
SELECT matching('begins_with(s, :p)', '{":p": ""}');
SELECT matching('begins_with(b, :p)', '{":p": {"$B": "AQ=="}}');
SELECT matching('begins_with(n, :p)', '{":p": "1"}');
SELECT matching('contains(s, :p)', '{":p": "an"}');
SELECT matching('contains(ss, :p)', '{":p": "red"}');
SELECT matching('contains(ns, :p)', '{":p": 2.5}');
SELECT matching('contains(bs, :p)', '{":p": {"$B": "Ag=="}}');
SELECT matching('contains(l, :p)', '{":p": "two"}');
SELECT matching('contains(l, :p)', '{":p": {"three": 3}}');
SELECT matching('contains(l, :p)', '{":p": [4]}');
SELECT matching('contains(ss, :p)', '{":p": 1}');  -- member of another type
SELECT matching('size(s) = :n', '{":n": 5}');
SELECT matching('size(b) = :n', '{":n": 3}');
SELECT matching('size(l) = :n', '{":n": 4}');
SELECT matching('size(m) > :n', '{":n": 1}');
SELECT matching('size(ss) = :n AND size(ns) = :n AND size(bs) = :n', '{":n": 2}');
SELECT matching('size(n) >= :n', '{":n": 0}');      -- numbers have no size
SELECT matching('size(m.y.z) BETWEEN :a AND :b', '{":a": 4, ":b": 4}');
SELECT matching('size(l) IN (:a, :b)', '{":a": 0, ":b": 1}');
SELECT dynamo.eval_condition('{"s": "héllo wörld"}', 'size(s) = :n', NULL, '{":n": 11}');

-- Precedence: NOT binds tighter than AND, AND than OR; parentheses group
SELECT matching('n = :one OR n = :ten AND s = :banana', '{":one": 1, ":ten": 10, ":banana": "banana"}');
SELECT matching('(n = :one OR n = :ten) AND s = :banana', '{":one": 1, ":ten": 10, ":banana": "banana"}');
SELECT matching('NOT n = :one AND attribute_exists(l)', '{":one": 1}');
SELECT matching('NOT (n = :one AND attribute_exists(l))', '{":one": 1}');
SELECT matching('NOT NOT attribute_exists(b)');
SELECT matching('attribute_exists(b) AND NOT begins_with(s, :a) OR n < :z', '{":a": "b", ":z": 0}');
SELECT matching('n = :v and s = :w or NOT attribute_exists(n)', '{":v": 1, ":w": "apple"}');  -- keywords in any case

-- Placeholders: names for reserved words, odd characters and dots; values
SELECT matching('#name = :v', '{":v": "c"}', '{"#name": "pk"}');
SELECT dynamo.eval_condition('{"a.b": 1, "a": {"b": 2}}', '#ab = :v', '{"#ab": "a.b"}', '{":v": 1}');
SELECT dynamo.eval_condition('{"a.b": 1, "a": {"b": 2}}', 'a.b = :v', NULL, '{":v": 2}');
SELECT dynamo.eval_condition('{"my-attr": 1}', '#a = :v', '{"#a": "my-attr"}', '{":v": 1}');
SELECT dynamo.eval_condition('{"Size": {"Name": "x"}}', '#s.#n = :v', '{"#s": "Size", "#n": "Name"}', '{":v": "x"}');
SELECT dynamo.eval_condition('{"a": 1, "A": 2}', 'A = :v', NULL, '{":v": 2}');  -- names are case-sensitive
SELECT dynamo.eval_condition('{"a": [[1, [2, 3]]]}', 'a[0][1][1] = :v', NULL, '{":v": 3}');
SELECT dynamo.eval_condition('{"a": 1}', 'a = :v AND a = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a_1": 1}', 'a_1 = :v_1', NULL, '{":v_1": 1}');

-- No item at all (NULL): only attribute_not_exists and <> hold
SELECT dynamo.eval_condition(NULL, 'attribute_not_exists(pk)');
SELECT dynamo.eval_condition(NULL, 'attribute_exists(pk)');
SELECT dynamo.eval_condition(NULL, 'pk <> :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition(NULL, 'pk = :v', NULL, '{":v": 1}');

-- Syntax errors quote the offending token and its neighbours
SELECT dynamo.eval_condition('{}', 'a =');
SELECT dynamo.eval_condition('{}', 'a = :v AND', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'first-name = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = 5');
SELECT dynamo.eval_condition('{}', 'a == :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = "x"');
SELECT dynamo.eval_condition('{}', 'a = :v b = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', '(a = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v)', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', '(a) = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a IN ()');
SELECT dynamo.eval_condition('{}', 'a BETWEEN :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a[-1] = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a[x] = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a.[1] = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', '[1] = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', '# = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v AND AND b = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'NOT', NULL, NULL);
SELECT dynamo.eval_condition('{}', 'a = :v ; DROP TABLE items', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'é = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a < :v < :w', NULL, '{":v": 1, ":w": 2}');
SELECT dynamo.eval_condition('{}', 'SET a = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v,', NULL, '{":v": 1}');

-- Empty and oversized expressions, redundant parentheses, too many operators
SELECT dynamo.eval_condition('{}', '');
SELECT dynamo.eval_condition('{}', '  ');
SELECT dynamo.eval_condition('{}', 'attribute_exists(a) OR ' || repeat('x', 4100));
SELECT dynamo.eval_condition('{}', '((a = :v))', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'b = :v AND ((a = :v))', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}', '(a = :v)', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}', '(a = :v) AND (NOT (a <> :v))', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}',
  (SELECT string_agg('a = :v', ' AND ') FROM generate_series(1, 151)), NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}',
  (SELECT string_agg('a = :v', ' AND ') FROM generate_series(1, 150)), NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}',
  'a IN (' || (SELECT string_agg(':v', ', ') FROM generate_series(1, 101)) || ')', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}',
  'a IN (' || (SELECT string_agg(':v', ', ') FROM generate_series(1, 100)) || ')', NULL, '{":v": 1}');

-- Reserved words must go through ExpressionAttributeNames
SELECT dynamo.eval_condition('{}', 'name = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a.Status = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'attribute_exists(data)');
SELECT dynamo.eval_condition('{}', 'SIZE = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v AND year > :v', NULL, '{":v": 1}');

-- Functions: unknown, misplaced, wrong arguments
SELECT dynamo.eval_condition('{}', 'foo(a)');
SELECT dynamo.eval_condition('{}', 'Attribute_Exists(a)');
SELECT dynamo.eval_condition('{}', 'size(a)');
SELECT dynamo.eval_condition('{}', 'a = attribute_exists(b)');
SELECT dynamo.eval_condition('{}', 'if_not_exists(a, :v) = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'list_append(a, :v)', NULL, '{":v": [1]}');
SELECT dynamo.eval_condition('{}', 'begins_with(a)');
SELECT dynamo.eval_condition('{}', 'attribute_exists(a, b)');
SELECT dynamo.eval_condition('{}', 'size(a, b) = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'contains(:v, a)', NULL, '{":v": "x"}');
SELECT dynamo.eval_condition('{}', 'attribute_exists(:v)', NULL, '{":v": "x"}');
SELECT dynamo.eval_condition('{}', 'size(:v) = :v', NULL, '{":v": "x"}');
SELECT dynamo.eval_condition('{}', 'begins_with(size(a), :v)', NULL, '{":v": "x"}');

-- Operand types of values: ordering needs S, N or B
SELECT dynamo.eval_condition('{}', 'a < :v', NULL, '{":v": {"x": 1}}');
SELECT dynamo.eval_condition('{}', 'a >= :v', NULL, '{":v": [1]}');
SELECT dynamo.eval_condition('{}', ':v > a', NULL, '{":v": true}');
SELECT dynamo.eval_condition('{}', 'a <= :v', NULL, '{":v": null}');
SELECT dynamo.eval_condition('{}', 'a > :v', NULL, '{":v": {"$SS": ["x"]}}');
SELECT dynamo.eval_condition('{}', 'a BETWEEN :v AND :w', NULL, '{":v": {"$NS": [1]}, ":w": 2}');
SELECT dynamo.eval_condition('{}', 'a BETWEEN :v AND :w', NULL, '{":v": 5, ":w": 1}');
SELECT dynamo.eval_condition('{}', 'a BETWEEN :v AND :w', NULL, '{":v": "b", ":w": "a"}');
SELECT dynamo.eval_condition('{}', 'a BETWEEN :v AND :w', NULL, '{":v": 1, ":w": "a"}');
SELECT dynamo.eval_condition('{}', 'begins_with(a, :v)', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'begins_with(a, :v)', NULL, '{":v": {"$SS": ["x"]}}');
SELECT dynamo.eval_condition('{}', 'attribute_type(a, :v)', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'attribute_type(a, :v)', NULL, '{":v": "STRING"}');
SELECT dynamo.eval_condition('{}', 'attribute_type(a, :v)', NULL, '{":v": "s"}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{":v": {"x": 1}}');  -- = takes any type

-- ExpressionAttributeNames / Values: undefined, unused, empty, malformed
SELECT dynamo.eval_condition('{}', 'a = :x', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :x');
SELECT dynamo.eval_condition('{}', '#n = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a.#n = :v', '{"#m": "x"}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{":v": 1, ":b": 2}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{":v": 1, ":c": 2, ":b": 3}');
SELECT dynamo.eval_condition('{}', 'a = :v', '{"#n": "x"}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', '{"#n": "x"}', '{":v": 1, ":w": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', '{}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{"v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{":v": 1, ":a-b": 2}');
SELECT dynamo.eval_condition('{}', '#n = :v', '{"n": "x"}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', '#n = :v', '{"#n": ""}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', '#n = :v', '{"#n": 1}', '{":v": 1}');
SELECT dynamo.eval_condition('{}', 'a = :v', NULL, '{":v": {"$SS": []}}');

-- Errors are ValidationExceptions: SQLSTATE DY001
\set VERBOSITY sqlstate
SELECT dynamo.eval_condition('{}', 'a =');
SELECT dynamo.eval_condition('{}', 'a = :x');
\set VERBOSITY default
DO $$
BEGIN
  PERFORM dynamo.eval_condition('{}', 'name = :v', NULL, '{":v": 1}');
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END
$$;

-- The same text with other values: the cached tree is bound afresh
SELECT dynamo.eval_condition('{"a": 1}', 'a = :v', NULL, '{":v": 1}');
SELECT dynamo.eval_condition('{"a": 1}', 'a = :v', NULL, '{":v": 2}');
SELECT dynamo.eval_condition('{"a": 1}', 'a = :v', NULL, '{":w": 2}');
SELECT dynamo.eval_condition('{"x": 1}', '#a = :v', '{"#a": "x"}', '{":v": 1}');
SELECT dynamo.eval_condition('{"x": 1}', '#a = :v', '{"#a": "y"}', '{":v": 1}');
-- Many distinct texts (more than the cache holds) in one transaction
SELECT count(*) FILTER (WHERE dynamo.eval_condition('{"a": 1}', format('a = :v OR x%s = :v', i), NULL, '{":v": 1}'))
FROM generate_series(1, 2500) i;
SELECT dynamo.eval_condition('{"a": 1}', 'a = :v OR x1 = :v', NULL, '{":v": 2}');

DROP FUNCTION matching(text, jsonb, jsonb);
