--
-- fidelity_legacy: the legacy comparison operators (KeyConditions,
-- QueryFilter, ScanFilter, Expected) validated as DynamoDB validates them:
-- operand count, one type, the types each operator takes, BETWEEN's bounds
-- in order, unknown operators; a bad Expected entry is a
-- ValidationException, never a ConditionalCheckFailedException.
--

-- A request through execute(), or the error as "Exception: message"
\i sql/include/execute.sql

SELECT dynamo.create_table('LegN', 'P', 'S', 'S', 'N') IS NOT NULL AS created;
SELECT dynamo.create_table('LegS', 'P', 'S', 'S', 'S') IS NOT NULL AS created;
SELECT dynamo.create_table('LegB', 'P', 'S', 'S', 'B') IS NOT NULL AS created;
SELECT dynamo.put_item('LegN', '{"P":"p","S":12,"a":"hello"}');
SELECT dynamo.put_item('LegN', '{"P":"p","S":1,"a":"x"}');
SELECT dynamo.put_item('LegS', '{"P":"p","S":"abc","a":"hello"}');
SELECT dynamo.put_item('LegB', '{"P":"p","S":{"$B":"AQI="},"a":"hello"}');

-- The crash: BEGINS_WITH with a Number on a Number sort key (both ways)
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"N":"1"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditionExpression":"P = :p AND begins_with(S, :n)","ExpressionAttributeValues":{":p":{"S":"p"},":n":{"N":"1"}}}');
-- and with a String on a Number sort key, a Number on a String one
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"1"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegS","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"N":"1"}]}}}');
-- BEGINS_WITH on S and B sort keys works
SELECT pg_temp.try('Query', '{"TableName":"LegS","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"ab"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegB","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"B":"AQ=="}]}}}');

-- Every operator with every type of operand, one value each: the filters
-- and Expected agree (EQ and NE take every type; LT..GE, CONTAINS,
-- NOT_CONTAINS, IN and BETWEEN S, N, B; BEGINS_WITH S and B only)
CREATE TEMP TABLE operands(t text, v jsonb);
INSERT INTO operands VALUES
  ('S', '{"S":"a"}'), ('N', '{"N":"1"}'), ('B', '{"B":"AQ=="}'), ('BOOL', '{"BOOL":true}'),
  ('NULL', '{"NULL":true}'), ('M', '{"M":{}}'), ('L', '{"L":[]}'), ('SS', '{"SS":["a"]}'),
  ('NS', '{"NS":["1"]}'), ('BS', '{"BS":["AQ=="]}');
CREATE TEMP TABLE operators(op text, n int);
INSERT INTO operators VALUES ('EQ', 1), ('NE', 1), ('LE', 1), ('LT', 1), ('GE', 1), ('GT', 1),
  ('CONTAINS', 1), ('NOT_CONTAINS', 1), ('BEGINS_WITH', 1), ('IN', 1), ('BETWEEN', 2);
SELECT op, t,
       regexp_replace(pg_temp.try('Scan', jsonb_build_object('TableName', 'LegN', 'Select', 'COUNT',
         'ScanFilter', jsonb_build_object('a', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', CASE n WHEN 2 THEN jsonb_build_array(v, v) ELSE jsonb_build_array(v) END)))),
         '"Count": [0-9]+', 'ok') AS scan_filter,
       pg_temp.try('Query', jsonb_build_object('TableName', 'LegN', 'Select', 'COUNT',
         'KeyConditions', '{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}}'::jsonb,
         'QueryFilter', jsonb_build_object('a', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', CASE n WHEN 2 THEN jsonb_build_array(v, v) ELSE jsonb_build_array(v) END))))
         = pg_temp.try('Scan', jsonb_build_object('TableName', 'LegN', 'Select', 'COUNT',
         'ScanFilter', jsonb_build_object('a', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', CASE n WHEN 2 THEN jsonb_build_array(v, v) ELSE jsonb_build_array(v) END))))
         AS query_filter_same,
       regexp_replace(pg_temp.try('PutItem', jsonb_build_object('TableName', 'LegS',
         'Item', '{"P":{"S":"q"},"S":{"S":"1"}}'::jsonb,
         'Expected', jsonb_build_object('a', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', CASE n WHEN 2 THEN jsonb_build_array(v, v) ELSE jsonb_build_array(v) END)))),
         '^\{\}$|^ConditionalCheckFailedException.*', 'ok') AS expected
FROM operators, operands ORDER BY op, t;

-- Operand counts: NULL and NOT_NULL none, IN one or more, BETWEEN two,
-- the others one; Expected's Value counts as one
SELECT op, n, pg_temp.try('Scan', jsonb_build_object('TableName', 'LegN', 'Select', 'COUNT',
         'ScanFilter', jsonb_build_object('a', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', (SELECT coalesce(jsonb_agg('{"S":"a"}'::jsonb), '[]') FROM generate_series(1, n))))))
FROM unnest(ARRAY['EQ', 'NULL', 'NOT_NULL', 'IN', 'BETWEEN', 'CONTAINS']) AS op, generate_series(0, 3) AS n
ORDER BY op, n;
SELECT pg_temp.try('Scan', '{"TableName":"LegN","Select":"COUNT","ScanFilter":{"a":{"ComparisonOperator":"NULL"}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","Select":"COUNT","ScanFilter":{"a":{"ComparisonOperator":"EQ"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"EQ"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"NULL","Value":{"S":"x"}}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"BEGINS_WITH","Value":{"N":"1"}}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"a"},{"S":"b"}]}}}');

-- One type for all values; BETWEEN's bounds in order (equal is fine)
SELECT pg_temp.try('Scan', '{"TableName":"LegN","ScanFilter":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"a"},{"N":"1"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","ScanFilter":{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"S":"a"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","ScanFilter":{"S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"2"},{"N":"1"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","Select":"COUNT","ScanFilter":{"S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"1"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"S":"b"},{"S":"a"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"b"},{"N":"1"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"12"},{"N":"2"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"12"}]}}}');

-- Unknown or missing operators: the enum constraint, naming the value and
-- the member
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"eq","AttributeValueList":[{"S":"p"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"AttributeValueList":[{"S":"p"}]}}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}},"QueryFilter":{"a":{"ComparisonOperator":"DOG","AttributeValueList":[{"S":"p"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","ScanFilter":{"a":{"ComparisonOperator":"LIKE","AttributeValueList":[{"S":"p"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"SAME","AttributeValueList":[{"S":"p"}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"LegN","ConditionalOperator":"XOR","ScanFilter":{"a":{"ComparisonOperator":"NULL"},"b":{"ComparisonOperator":"NULL"}}}');

-- KeyConditions: every operator on the sort key, by sort key type
SELECT tbl, op,
       pg_temp.try('Query', jsonb_build_object('TableName', tbl, 'Select', 'COUNT',
         'KeyConditions', jsonb_build_object('P', '{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}'::jsonb,
           'S', jsonb_build_object('ComparisonOperator', op, 'AttributeValueList',
             CASE WHEN op IN ('NULL', 'NOT_NULL') THEN '[]'::jsonb
                  WHEN op = 'BETWEEN' THEN jsonb_build_array(v, v) ELSE jsonb_build_array(v) END))))
FROM (VALUES ('LegN', '{"N":"1"}'::jsonb), ('LegS', '{"S":"a"}'), ('LegB', '{"B":"AQ=="}')) AS k(tbl, v),
     unnest(ARRAY['EQ', 'NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'BEGINS_WITH', 'IN', 'BETWEEN', 'NULL', 'NOT_NULL']) AS op
ORDER BY tbl, op;
-- empty and over-long KeyConditions
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{}}');
SELECT pg_temp.try('Query', '{"TableName":"LegN","KeyConditions":{"P":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"S":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]},"a":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}}}');

-- Expected's own rules
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"Exists":true}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"Exists":false,"Value":{"S":"x"}}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"Value":{"S":"x"},"AttributeValueList":[{"S":"x"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"AttributeValueList":[{"S":"x"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"q"},"S":{"N":"1"}},"Expected":{"a":{"Exists":false,"ComparisonOperator":"NULL"}}}');
-- a failed, well-formed Expected is a condition failure
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"p"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"y"}]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"LegN","Item":{"P":{"S":"p"},"S":{"N":"1"}},"Expected":{"a":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"x"}]}}}');
SELECT count(*) FROM dynamo.scan('LegN');
