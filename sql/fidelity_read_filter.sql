--
-- fidelity_read_filter: a filter's checks in DynamoDB's order, with its
-- messages.  Operands may stand in parentheses; before the placeholders
-- are bound, each over the whole expression in turn: redundant
-- parentheses, function names, where functions stand, reserved words;
-- then the undefined placeholder that comes first in the text; then
-- operand counts and the rest.
--

\i sql/include/execute.sql
-- A Scan of a table that does not exist: the filter's error, or the table's
CREATE FUNCTION pg_temp.f(filter text, extra jsonb DEFAULT '{}') RETURNS text LANGUAGE sql AS $$
    SELECT pg_temp.try('Scan', jsonb_build_object('TableName', 'nosuch', 'FilterExpression', filter) || extra)
$$;

-- parenthesised operands
SELECT n, pg_temp.f(e, x) AS result
FROM (VALUES (1, '(size(b)) = :b', '{"ExpressionAttributeValues": {":b": {"N": "3"}}}'::jsonb),
             (2, '((size(b)) = :b) AND c = :b', '{"ExpressionAttributeValues": {":b": {"N": "3"}}}'),
             (3, '(a)between(b)and(c)', '{}'), (4, 'a IN ((b), c)', '{}'),
             (5, '(attribute_exists(a))', '{}'), (6, 'contains((a), (b))', '{}')) v(n, e, x)
ORDER BY n;

-- redundant parentheses first, then function names, then where functions
-- stand, then reserved words
SELECT n, pg_temp.f(e) AS error
FROM (VALUES (1, 'a=a and a > ((views))'), (2, 'a > whatever((:things), ((a)))'),
             (3, 'a=a AND ((a=a AND a=a)) AND a=a'), (4, 'a=a and whatever((:things)) > a'),
             (5, 'attRIbute_exIsts((views), #a)'), (6, 'a=a and attribute_exists((views), (#a)) > b'),
             (7, 'a between b and attribute_exists(things)'), (8, 'size(things)'),
             (9, 'attribute_exists(views, #a)'), (10, ':a < abOrT')) v(n, e)
ORDER BY n;

-- then the placeholders, the first undefined one in the text; then the
-- operand counts
SELECT n, pg_temp.f(e) AS error
FROM (VALUES (1, 'attribute_exists(#Pictures.RearView, :a) and a=a'), (2, 'begins_with(:hello, #a, #b)'),
             (3, '(a)between(b.c[45].#d)and(:a)'), (4, ':a < :b'),
             (5, 'attribute_exists(things, a) and a=a'), (6, 'begins_with(things, size(a), b)')) v(n, e)
ORDER BY n;

-- attribute_type's valid types, as DynamoDB lists them
SELECT pg_temp.f('attribute_type(a, :a)', '{"ExpressionAttributeValues": {":a": {"S": "1"}}}');

-- once bound, node by node, each node's operands before the node itself:
-- an undefined placeholder, an attribute repeating the first operand of a
-- comparison, contains, begins_with or attribute_type (names resolved),
-- the node's own checks, its values' types; two values may repeat
SELECT n, pg_temp.f(e, x) AS error
FROM (VALUES (1, 'a = a AND #a = b AND :views > a', '{"ExpressionAttributeNames": {"#a": "a"}}'::jsonb),
             (2, '#a <> a', '{"ExpressionAttributeNames": {"#a": "a"}}'),
             (3, 'contains(ab.bc[1].a, ab.bc[1].#a)', '{"ExpressionAttributeNames": {"#a": "a"}}'),
             (4, 'attribute_type(ab.bc[1].#a, ab.bc[1].a)', '{"ExpressionAttributeNames": {"#a": "a"}}'),
             (5, 'attribute_type(a, size(a)) and a=a and a=:a', '{"ExpressionAttributeValues": {":a": {"N": "1"}}}'),
             (6, 'attribute_not_exists(size(:a))', '{"ExpressionAttributeValues": {":a": {"N": "1"}}}'),
             (7, 'attribute_not_exists(size(:a))', '{"ExpressionAttributeValues": {":a": {"S": "1"}}}'),
             (8, ':a > :a', '{"ExpressionAttributeValues": {":a": {"S": "1"}}}'),
             (9, 'a.b[1] = a.b[2] AND a.b >= a.c', '{}')) v(n, e, x)
ORDER BY n;

-- a path in parentheses may be dereferenced, "(b.c).d" is b.c.d; two pairs
-- around it, or around a part of it, are redundant
SELECT dynamo.execute('PutItem', '{"TableName": "crf_paths", "Item": {"a": {"S": "k"},
    "b": {"M": {"c": {"M": {"d": {"N": "5"}}}, "l": {"L": [{"N": "5"}]}}}}}')
FROM (SELECT dynamo.create_table('crf_paths', partition_key => 'a')) t;
SELECT dynamo.execute('Scan', '{"TableName": "crf_paths",
    "FilterExpression": "(b.c).d = :v AND ((b).c).d > :w AND (b.l)[0] = :v AND size((b).l) = :one",
    "ExpressionAttributeValues": {":v": {"N": "5"}, ":w": {"N": "1"}, ":one": {"N": "1"}}}');
SELECT n, pg_temp.f(e) AS error
FROM (VALUES (1, '(a)between(((b.c)).d)and(c)'), (2, 'a = (((b).c)).d'), (3, '(((b.c).d)) = a'),
             (4, '((b.c).d) = a'), (5, '(b)[1].#c = a')) v(n, e)
ORDER BY n;
-- but not in an update's value: a syntax error at the dereference
SELECT dynamo.execute('UpdateItem', '{"TableName": "crf_paths", "Key": {"a": {"S": "k"}},
    "UpdateExpression": "SET z = (b.c).d"}');
SELECT dynamo.execute('UpdateItem', '{"TableName": "crf_paths", "Key": {"a": {"S": "k"}},
    "UpdateExpression": "SET z = (b.l)[0] + :v", "ExpressionAttributeValues": {":v": {"N": "1"}}}');
SELECT dynamo.delete_table('crf_paths') ->> 'TableStatus' AS deleted;
