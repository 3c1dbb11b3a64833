--
-- fidelity_contains: contains() and the legacy CONTAINS / NOT_CONTAINS with
-- a Binary operand (bytes within bytes, a member of a BS, an element of an
-- L), in conditions, filters and Expected, next to the other types.
--

\i sql/include/execute.sql

SELECT dynamo.create_table('ContB', 'Id') IS NOT NULL AS created;
-- b: bytes 68 69 20 74 68 65 72 65 ("hi there"); bs: a set; l: a list
SELECT dynamo.execute('PutItem', '{"TableName":"ContB","Item":{"Id":{"S":"1"},"b":{"B":"aGkgdGhlcmU="},"bs":{"BS":["AQI=","AwQ="]},"l":{"L":[{"B":"AQI="},{"S":"x"}]},"s":{"S":"hello"}}}');
SELECT dynamo.execute('PutItem', '{"TableName":"ContB","Item":{"Id":{"S":"2"},"s":{"S":"other"}}}');

-- The ids a Scan with a FilterExpression returns
CREATE FUNCTION pg_temp.ids(filter text, vals jsonb) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(i->>'Id', ',' ORDER BY i->>'Id'), '-')
    FROM dynamo.scan('ContB', filter_expression => filter, expression_attribute_values => vals) AS i
$$;
SELECT f, v, pg_temp.ids(f, v::jsonb)
FROM (VALUES
  ('contains(b, :v)', '{":v":{"$B":"aGVyZQ=="}}'),     -- "here": inside
  ('contains(b, :v)', '{":v":{"$B":"aGk="}}'),         -- "hi": a prefix
  ('contains(b, :v)', '{":v":{"$B":"ZXJl"}}'),         -- "ere": a suffix
  ('contains(b, :v)', '{":v":{"$B":"aGkgdGhlcmU="}}'), -- all of it
  ('contains(b, :v)', '{":v":{"$B":"ZG9n"}}'),         -- "dog": not inside
  ('contains(b, :v)', '{":v":"here"}'),                -- a string: other type
  ('NOT contains(b, :v)', '{":v":{"$B":"ZG9n"}}'),
  ('contains(bs, :v)', '{":v":{"$B":"AwQ="}}'),
  ('contains(bs, :v)', '{":v":{"$B":"Aw=="}}'),
  ('contains(l, :v)', '{":v":{"$B":"AQI="}}'),
  ('contains(l, :v)', '{":v":{"$B":"AQ=="}}'),
  ('contains(s, :v)', '{":v":"ell"}')
) AS t(f, v);

-- The same through execute()'s typed values
SELECT pg_temp.try('Scan', '{"TableName":"ContB","FilterExpression":"contains(b, :v)","ExpressionAttributeValues":{":v":{"B":"aGVyZQ=="}},"ProjectionExpression":"Id"}');
-- ConditionExpression: a write that holds, one that fails
SELECT pg_temp.try('UpdateItem', '{"TableName":"ContB","Key":{"Id":{"S":"1"}},"UpdateExpression":"SET ok = :t","ConditionExpression":"contains(b, :v)","ExpressionAttributeValues":{":v":{"B":"dGhl"},":t":{"BOOL":true}},"ReturnValues":"UPDATED_NEW"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"ContB","Key":{"Id":{"S":"1"}},"UpdateExpression":"SET ok = :t","ConditionExpression":"contains(b, :v)","ExpressionAttributeValues":{":v":{"B":"dGhlbQ=="},":t":{"BOOL":false}}}');

-- Legacy CONTAINS / NOT_CONTAINS with a B value: ScanFilter, QueryFilter,
-- Expected; a missing attribute is neither
SELECT op, v, pg_temp.try('Scan', jsonb_build_object('TableName', 'ContB', 'Select', 'COUNT',
         'ScanFilter', jsonb_build_object('b', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', jsonb_build_array(jsonb_build_object('B', v)))))) AS scan_filter,
       pg_temp.try('Query', jsonb_build_object('TableName', 'ContB', 'Select', 'COUNT',
         'KeyConditions', '{"Id":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"1"}]}}'::jsonb,
         'QueryFilter', jsonb_build_object('b', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', jsonb_build_array(jsonb_build_object('B', v)))))) AS query_filter,
       pg_temp.try('UpdateItem', jsonb_build_object('TableName', 'ContB', 'Key', '{"Id":{"S":"1"}}'::jsonb,
         'AttributeUpdates', '{"n":{"Action":"ADD","Value":{"N":"1"}}}'::jsonb,
         'Expected', jsonb_build_object('b', jsonb_build_object('ComparisonOperator', op,
           'AttributeValueList', jsonb_build_array(jsonb_build_object('B', v)))))) AS expected
FROM unnest(ARRAY['CONTAINS', 'NOT_CONTAINS']) AS op, unnest(ARRAY['aGVyZQ==', 'ZG9n']) AS v
ORDER BY op, v;
SELECT dynamo.get_item('ContB', '{"Id":"1"}') -> 'n' AS expected_passed;
-- on the set
SELECT pg_temp.try('Scan', '{"TableName":"ContB","Select":"COUNT","ScanFilter":{"bs":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"B":"AQI="}]}}}');
SELECT pg_temp.try('Scan', '{"TableName":"ContB","Select":"COUNT","ScanFilter":{"bs":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"B":"AQI="}]}}}');
