-- The placeholders of an expression in one jsonb argument, told apart by
-- DynamoDB's sigils: ":" values, "#" names (src/functions/sql_args.c)
SELECT dynamo.create_table('SigilOrders', partition_key => 'CustomerId', sort_key => 'OrderDate') IS NOT NULL AS created;

-- put_item: the condition's placeholders in the argument after it
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-01","Price":10,"Status":"OPEN"}',
  'attribute_not_exists(#k)', '{"#k":"CustomerId"}');
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-02","Price":20,"Status":"OPEN"}',
  'attribute_not_exists(CustomerId) OR #s <> :s', '{"#s":"Status",":s":"SHIPPED"}');
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c2","OrderDate":"2024-03","Price":30}', NULL, NULL);
-- the condition fails: the values did arrive
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-02","Price":99}',
  '#t = :t', '{"#t":"Price",":t":99}');

-- query: values only, then values and names together
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1"}');
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c AND #d > :d', '{":c":"c1","#d":"OrderDate",":d":"2024-01"}');
SELECT dynamo.query_page('SigilOrders', 'CustomerId = :c', '{":c":"c1","#t":"Price",":t":15}',
  filter_expression => '#t > :t');
-- scan: filter, then its placeholders
SELECT * FROM dynamo.scan('SigilOrders', '#t >= :t', '{"#t":"Price",":t":20}');
SELECT dynamo.scan_page('SigilOrders', 'Price > :t', '{":t":25}');

-- update_item: update and condition, one placeholders argument
SELECT dynamo.update_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-01"}',
  'SET #t = #t + :n, #s = :s', '#s = :open', '{"#t":"Price","#s":"Status",":n":5,":s":"SHIPPED",":open":"OPEN"}',
  return_values => 'UPDATED_NEW');
-- get_item: the projection's names
SELECT dynamo.get_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-01"}', '#t, #s', '{"#t":"Price","#s":"Status"}');
-- delete_item: condition with values only
SELECT dynamo.delete_item('SigilOrders', '{"CustomerId":"c2","OrderDate":"2024-03"}', 'Price = :t', '{":t":30}',
  return_values => 'ALL_OLD');

-- values in both arguments merge; the same placeholder twice with the same value is fine
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1","#t":"Price"}',
  expression_attribute_values => '{":t":15}', filter_expression => '#t > :t');
SELECT count(*) FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1"}',
  expression_attribute_values => '{":c":"c1"}');
SELECT dynamo.update_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-02"}', 'SET Price = :a + :b', NULL,
  '{":a":1}', '{":b":2}', 'UPDATED_NEW');

-- errors: a placeholder given twice with different values; a key with neither sigil
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1"}',
  expression_attribute_values => '{":c":"c2"}');
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1","x":"y"}');
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c3","OrderDate":"x"}', '#n <> :n', '{"#n":"Note","n":1}');
-- a value nobody uses is DynamoDB's own error, as with the named argument
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c', '{":c":"c1",":unused":1}');
-- names passed as values still fail, with the hint
SELECT dynamo.put_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"x"}', '#n <> :n',
  expression_attribute_values => '{"#n":"Note"}');

-- the named-argument forms are unchanged
SELECT * FROM dynamo.query('SigilOrders', 'CustomerId = :c AND #d >= :d',
  expression_attribute_names => '{"#d":"OrderDate"}', expression_attribute_values => '{":c":"c1",":d":"2024-02"}');
SELECT dynamo.get_item('SigilOrders', '{"CustomerId":"c1","OrderDate":"2024-01"}', projection_expression => '#t',
  expression_attribute_names => '{"#t":"Price"}');
SELECT dynamo.delete_table('SigilOrders') IS NOT NULL AS deleted;
