--
-- query_sizes: a read sizes each item it scans (DynamoDB's item size, for
-- capacity and dynamo.usage) in place: numbers by their significant
-- digits, strings by their bytes once the U+0001/U+0000 escape is undone,
-- maps and lists with their overhead, sets, binaries.  An item holding the
-- escape still comes back in its plain form.
--
SET client_min_messages = warning;
SELECT dynamo.create_table('SizeCheck', 'pk', 'S', 'sk', 'N') IS NOT NULL AS created;

-- sizes: names 2 (pk) + 2 (sk) + 2 x 6; values 1 (a) + 2 (sk 1) and
-- n1..n6: 0 -> 1, 0.001 -> 2, 100.5 -> 3, 12300 -> 3, -1E-130 -> 2,
-- 38 nines -> 20: 16 + 34 = 50 bytes
SELECT dynamo.execute('PutItem', '{"TableName": "SizeCheck", "Item": {"pk": {"S": "a"}, "sk": {"N": "1"},
  "n1": {"N": "0"}, "n2": {"N": "0.001"}, "n3": {"N": "100.5"}, "n4": {"N": "12300"},
  "n5": {"N": "-1E-130"}, "n6": {"N": "9.9999999999999999999999999999999999999E+125"}}}') AS put_numbers;
-- 4 + 1 + 2 (keys), m 1 + 17, ss 2 + 3, b 1 + 2, bo 2 + 1, nu 2 + 1,
-- e 1 + 3 (x, U+0001, y): 43 bytes
SELECT dynamo.execute('PutItem', '{"TableName": "SizeCheck", "Item": {"pk": {"S": "a"}, "sk": {"N": "2"},
  "m": {"M": {"a": {"S": "xy"}, "l": {"L": [{"N": "1"}, {"S": "z"}]}}},
  "ss": {"SS": ["ab", "c"]}, "b": {"B": "AQI="}, "bo": {"BOOL": true}, "nu": {"NULL": true},
  "e": {"S": "x\u0001y"}}}') AS put_nested;

SELECT dynamo.usage_reset();
SELECT * FROM dynamo.query('SizeCheck', 'pk = :p', expression_attribute_values => '{":p": "a"}');
-- 50 + 43 bytes
SELECT operation, items_read, bytes FROM dynamo.usage WHERE table_name = 'SizeCheck';
-- the same through execute(), typed, each item alone: 43, then 50 bytes
SELECT dynamo.usage_reset();
SELECT dynamo.execute('Query', '{"TableName": "SizeCheck", "KeyConditionExpression": "pk = :p AND sk = :s",
  "ExpressionAttributeValues": {":p": {"S": "a"}, ":s": {"N": "2"}}}')->'Items' AS typed;
SELECT dynamo.execute('Query', '{"TableName": "SizeCheck", "KeyConditionExpression": "pk = :p AND sk < :s",
  "ExpressionAttributeValues": {":p": {"S": "a"}, ":s": {"N": "2"}}, "ScanIndexForward": false}')->'Count' AS first_only;
SELECT operation, calls, items_read, bytes FROM dynamo.usage WHERE table_name = 'SizeCheck';
SELECT dynamo.delete_table('SizeCheck') IS NOT NULL AS deleted;

-- the escape found wherever it sits: strings are checked a word at a time
-- (16, 8 or 4 bytes), strings stored back to back (keys, then the string
-- values up to a number or a map) as one run.  Each item of partition e has
-- U+0001 at position p of its string s (length n, 1..40), in m.q and in
-- the name of an attribute; partition c has 'c' in its place.  Both read
-- back as written, and both have the same size.
SELECT dynamo.create_table('EscapeScan', 'pk', 'S', 'sk', 'N') IS NOT NULL AS created;
CREATE FUNCTION escape_scan_item(part text, n int, p int) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('pk', part, 'sk', n * 100 + p, 'n', 1, 'z', NULL, 'u', '', 't', 'after',
    's', repeat('a', p - 1) || CASE part WHEN 'e' THEN chr(1) ELSE 'c' END || repeat('b', n - p),
    'm', jsonb_build_object('q', CASE part WHEN 'e' THEN chr(1) ELSE 'c' END || repeat('d', n)),
    'k' || CASE part WHEN 'e' THEN chr(1) ELSE 'c' END, true)
$$;
SELECT count(*) AS put FROM (SELECT dynamo.put_item('EscapeScan', escape_scan_item(part, n, p))
  FROM (VALUES ('e'), ('c')) v(part), generate_series(1, 40) n, generate_series(1, n) p) puts;
SELECT part, count(*) AS items,
       bool_and(item = escape_scan_item(part, (item->>'sk')::int / 100, (item->>'sk')::int % 100)) AS read_back
  FROM (VALUES ('e'), ('c')) v(part),
       LATERAL dynamo.query('EscapeScan', 'pk = :p', expression_attribute_values => jsonb_build_object(':p', part)) item
 GROUP BY part ORDER BY part;
SELECT dynamo.usage_reset();
SELECT count(*) FROM dynamo.query('EscapeScan', 'pk = :p', expression_attribute_values => '{":p": "e"}');
SELECT bytes AS escaped_bytes FROM dynamo.usage WHERE table_name = 'EscapeScan' \gset
SELECT dynamo.usage_reset();
SELECT count(*) FROM dynamo.query('EscapeScan', 'pk = :p', expression_attribute_values => '{":p": "c"}');
SELECT bytes = :escaped_bytes AS same_size, bytes FROM dynamo.usage WHERE table_name = 'EscapeScan';
DROP FUNCTION escape_scan_item;
SELECT dynamo.delete_table('EscapeScan') IS NOT NULL AS deleted;
