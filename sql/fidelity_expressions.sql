--
-- fidelity_expressions: what DynamoDB's expressions accept and refuse —
-- a :value as the first operand of attribute_type, begins_with, contains
-- and size; attribute_exists and attribute_not_exists need a path;
-- attribute_type's type is a value, never a path; document paths nested
-- beyond 32 levels; REMOVE of a key attribute, item or no item.
--

\i sql/include/execute.sql

SELECT dynamo.create_table('ExprF', 'Id') IS NOT NULL AS created;
SELECT dynamo.put_item('ExprF', '{"Id":"a","s":"hello","n":5,"l":[1,2]}');
SELECT dynamo.put_item('ExprF', '{"Id":"b","s":"world","n":3}');

-- A :value first: filters (the Ids that pass)
CREATE FUNCTION pg_temp.ids(f text, vals jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    SELECT coalesce(string_agg(i->>'Id', ',' ORDER BY i->>'Id'), '-') INTO r
    FROM dynamo.scan('ExprF', filter_expression => f, expression_attribute_values => vals) AS i;
    RETURN r;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLERRM;
END $$;
SELECT f, v, pg_temp.ids(f, v::jsonb)
FROM (VALUES
  ('attribute_type(:v, :t)', '{":v":"x",":t":"S"}'),
  ('attribute_type(:v, :t)', '{":v":"x",":t":"N"}'),
  ('attribute_type(:v, :t) AND n > :z', '{":v":[1],":t":"L",":z":4}'),
  ('begins_with(:s, s)', '{":s":"hello world"}'),
  ('begins_with(:s, s)', '{":s":"worldwide"}'),
  ('begins_with(:s, :p)', '{":s":"abc",":p":"ab"}'),
  ('size(:v) = n', '{":v":"abcde"}'),
  ('size(:v) = n', '{":v":[1,2,3]}'),
  ('size(:v) > size(l)', '{":v":{"$SS":["x","y","z"]}}'),
  ('contains(:v, n)', '{":v":{"$NS":[3,4]}}'),
  ('contains(:v, s)', '{":v":"say hello"}'),
  -- refused: a number has no size, no prefix; attribute_exists needs a path
  ('size(:v) = n', '{":v":5}'),
  ('size(:v) = n', '{":v":true}'),
  ('begins_with(:v, s)', '{":v":1}'),
  ('attribute_exists(:v)', '{":v":"x"}'),
  ('attribute_not_exists(:v)', '{":v":"x"}'),
  -- refused: attribute_type's type operand is a path
  ('attribute_type(s, n)', NULL),
  ('attribute_type(s, size(l))', NULL),
  ('attribute_type(:v, s)', '{":v":"x"}')
) AS t(f, v);
-- the same through execute(), in a ConditionExpression
SELECT pg_temp.try('PutItem', '{"TableName":"ExprF","Item":{"Id":{"S":"c"}},"ConditionExpression":"attribute_type(:v, :t)","ExpressionAttributeValues":{":v":{"SS":["x"]},":t":{"S":"SS"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"ExprF","Item":{"Id":{"S":"c"}},"ConditionExpression":"begins_with(:v, :p)","ExpressionAttributeValues":{":v":{"B":"AQID"},":p":{"B":"AQI="}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"ExprF","Item":{"Id":{"S":"c"}},"ConditionExpression":"size(:v) = :two","ExpressionAttributeValues":{":v":{"L":[{"N":"1"}]},":two":{"N":"2"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"ExprF","Item":{"Id":{"S":"c"}},"ConditionExpression":"attribute_exists(:v)","ExpressionAttributeValues":{":v":{"S":"x"}}}');
-- in a key condition the key attribute must still come first
SELECT pg_temp.try('Query', '{"TableName":"ExprF","KeyConditionExpression":"Id = :i AND begins_with(:s, Id)","ExpressionAttributeValues":{":i":{"S":"a"},":s":{"S":"a"}}}');

-- Document paths: 32 levels are fine, 33 are refused (projections,
-- conditions, updates)
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', 'ExprF', 'Key', '{"Id":{"S":"a"}}'::jsonb,
       'ProjectionExpression', 'l' || repeat('.x', 31)));
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', 'ExprF', 'Key', '{"Id":{"S":"a"}}'::jsonb,
       'ProjectionExpression', 'l' || repeat('.x', 32)));
SELECT pg_temp.try('GetItem', jsonb_build_object('TableName', 'ExprF', 'Key', '{"Id":{"S":"a"}}'::jsonb,
       'ProjectionExpression', 'l' || repeat('[0]', 32)));
SELECT pg_temp.try('PutItem', jsonb_build_object('TableName', 'ExprF', 'Item', '{"Id":{"S":"a"}}'::jsonb,
       'ConditionExpression', 'attribute_exists(l' || repeat('.x', 32) || ')'));
SELECT pg_temp.try('UpdateItem', jsonb_build_object('TableName', 'ExprF', 'Key', '{"Id":{"S":"a"}}'::jsonb,
       'UpdateExpression', 'REMOVE l' || repeat('.x', 32)));

-- REMOVE (or AttributeUpdates DELETE) of a key attribute is refused, also
-- when the item does not exist; nothing is written
SELECT pg_temp.try('UpdateItem', '{"TableName":"ExprF","Key":{"Id":{"S":"a"}},"UpdateExpression":"REMOVE Id"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"ExprF","Key":{"Id":{"S":"none"}},"UpdateExpression":"REMOVE Id"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"ExprF","Key":{"Id":{"S":"none"}},"UpdateExpression":"REMOVE x, #k","ExpressionAttributeNames":{"#k":"Id"}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"ExprF","Key":{"Id":{"S":"none"}},"AttributeUpdates":{"Id":{"Action":"DELETE"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"ExprF","Key":{"Id":{"S":"none"}},"UpdateExpression":"REMOVE x"}');
SELECT dynamo.get_item('ExprF', '{"Id":"none"}') IS NULL AS none_missing;
