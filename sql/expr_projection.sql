-- Projection expressions: dynamo.project()

-- Top-level attributes; missing ones are left out
SELECT dynamo.project('{"a": 1, "b": "x", "c": [1, 2]}', 'a, c');
SELECT dynamo.project('{"a": 1, "b": "x", "c": [1, 2]}', 'a,c,zz');
SELECT dynamo.project('{"a": 1}', 'zz');
SELECT dynamo.project(NULL, 'a');

-- Nested paths keep the maps and lists that lead to them
SELECT dynamo.project('{"m": {"x": 1, "y": {"z": 2, "w": 3}}, "k": 1}', 'm.y.z');
SELECT dynamo.project('{"m": {"x": 1, "y": {"z": 2, "w": 3}}, "k": 1}', 'm.y.z, m.x, k');
SELECT dynamo.project('{"m": {"x": 1}}', 'm.nope, m.x.deeper');

-- List elements keep their order in the list, whatever the projection order
SELECT dynamo.project('{"l": ["a", "b", "c", "d"]}', 'l[3], l[1]');
SELECT dynamo.project('{"l": ["a", "b", "c", "d"]}', 'l[9], l[2]');
SELECT dynamo.project('{"l": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}', 'l[1].y, l[0].x');
SELECT dynamo.project('{"l": [[1, 2, 3], [4, 5]]}', 'l[0][2], l[1][0]');
SELECT dynamo.project('{"l": {"0": "map, not list"}}', 'l[0]');
SELECT dynamo.project('{"m": [1]}', 'm.x');

-- Sets, binaries and tagged maps come out in the stored form
SELECT dynamo.project('{"ss": {"$SS": ["a", "b"]}, "b": {"$B": "AQI="}, "t": {"$M": {"$SS": 1}}}', 'ss, b, t');
SELECT dynamo.project('{"m": {"$SS": {"$M": {"$B": 1}}, "other": 2}}', 'm.#t', '{"#t": "$SS"}');
SELECT dynamo.project('{"t": {"$M": {"$B": {"x": 1}}}}', 't.#b.x', '{"#b": "$B"}');

-- Placeholders for reserved words, dots and other characters
SELECT dynamo.project('{"name": "n", "a.b": 1, "a": {"b": 2}}', '#n, #ab', '{"#n": "name", "#ab": "a.b"}');
SELECT dynamo.project('{"name": "n", "a.b": 1, "a": {"b": 2}}', 'a.b');
SELECT dynamo.project('{"Name": 1}', '#n', '{"#n": "Name"}');

-- Overlapping and conflicting paths
SELECT dynamo.project('{}', 'a, a.b');
SELECT dynamo.project('{}', 'a.b, a');
SELECT dynamo.project('{}', 'a, a');
SELECT dynamo.project('{}', 'a, #a', '{"#a": "a"}');
SELECT dynamo.project('{}', 'a[0], a[0].b');
SELECT dynamo.project('{}', 'a.b, a[0]');
SELECT dynamo.project('{}', 'x, a[1].c, a[1].d, a[1].c.e');
SELECT dynamo.project('{"a": {"b": 1, "c": 2}}', 'a.b, a.c');

-- Malformed projections
SELECT dynamo.project('{}', '');
SELECT dynamo.project('{}', 'a,');
SELECT dynamo.project('{}', ',a');
SELECT dynamo.project('{}', 'a b');
SELECT dynamo.project('{}', 'a.');
SELECT dynamo.project('{}', 'a[');
SELECT dynamo.project('{}', 'a[1');
SELECT dynamo.project('{}', 'a[]');
SELECT dynamo.project('{}', 'a[-1]');
SELECT dynamo.project('{}', 'first-name');
SELECT dynamo.project('{}', 'size(a)');
SELECT dynamo.project('{}', ':v');
SELECT dynamo.project('{}', 'a = b');
SELECT dynamo.project('{}', '#');
SELECT dynamo.project('{}', 'name');
SELECT dynamo.project('{}', 'a, Comment');
SELECT dynamo.project('{}', 'AND');
SELECT dynamo.project('{}', 'a.ttl');
SELECT dynamo.project('{}', '#n');
SELECT dynamo.project('{}', 'a', '{"#n": "x"}');
SELECT dynamo.project('{}', 'a', '{}');
SELECT dynamo.project('{}', '#n', '{"n": "x"}');
SELECT dynamo.project('{}', repeat('a', 4097));
\set VERBOSITY sqlstate
SELECT dynamo.project('{}', 'a, a.b');
\set VERBOSITY default
