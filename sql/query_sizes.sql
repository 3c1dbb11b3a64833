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
