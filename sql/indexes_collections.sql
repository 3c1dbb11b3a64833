--
-- Item collections of tables with an LSI: ItemCollectionMetrics and the
-- size limit (pg_dynamo.item_collection_size_limit, DynamoDB's 10 GB)
--
SET client_min_messages = warning;
SELECT dynamo.execute('CreateTable', '{"TableName":"Coll","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"S","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"P","AttributeType":"S"},{"AttributeName":"S","AttributeType":"N"},{"AttributeName":"L","AttributeType":"S"}],
  "LocalSecondaryIndexes":[{"IndexName":"ByL","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"L","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}') IS NOT NULL AS created;
SELECT dynamo.create_table('NoLsi', 'P', 'S', 'S', 'N') IS NOT NULL AS created;
SHOW pg_dynamo.item_collection_size_limit;

-- ReturnItemCollectionMetrics SIZE: the collection's key and size range in GB
SELECT dynamo.execute('PutItem', '{"TableName":"Coll","Item":{"P":{"S":"a"},"S":{"N":"1"},"L":{"S":"x"}},"ReturnItemCollectionMetrics":"SIZE"}');
SELECT dynamo.execute('UpdateItem', '{"TableName":"Coll","Key":{"P":{"S":"a"},"S":{"N":"1"}},"UpdateExpression":"SET Z = :z",
  "ExpressionAttributeValues":{":z":{"S":"zz"}},"ReturnItemCollectionMetrics":"SIZE","ReturnValues":"UPDATED_NEW"}');
SELECT dynamo.execute('DeleteItem', '{"TableName":"Coll","Key":{"P":{"S":"a"},"S":{"N":"1"}},"ReturnItemCollectionMetrics":"SIZE"}');
SELECT dynamo.execute('PutItem', '{"TableName":"Coll","Item":{"P":{"S":"a"},"S":{"N":"1"}},"ReturnItemCollectionMetrics":"NONE"}');
-- none for a table without an LSI
SELECT dynamo.execute('PutItem', '{"TableName":"NoLsi","Item":{"P":{"S":"a"},"S":{"N":"1"}},"ReturnItemCollectionMetrics":"SIZE"}');
SELECT dynamo.execute('PutItem', '{"TableName":"Coll","Item":{"P":{"S":"a"},"S":{"N":"1"}},"ReturnItemCollectionMetrics":"BAD"}');

-- The limit: writes that would take a collection past it are refused
SET pg_dynamo.item_collection_size_limit = '1kB';
SELECT count(*) AS puts FROM (SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', i, 'Pad', repeat('x', 200)))
                              FROM generate_series(1, 3) i) x;
SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', 4, 'Pad', repeat('x', 200)));
SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', 5, 'Pad', repeat('x', 200)));
SELECT dynamo.execute('UpdateItem', '{"TableName":"Coll","Key":{"P":{"S":"b"},"S":{"N":"1"}},"UpdateExpression":"SET Pad2 = :p",
  "ExpressionAttributeValues":{":p":{"S":"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"}}}');
SELECT * FROM dynamo.exceptions() WHERE sqlstate = 'DY009';
-- replacing an item by one of the same size still fits; other collections are not concerned
SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', 1, 'Pad', repeat('z', 200)));
SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'c', 'S', 1, 'Pad', repeat('z', 200)));
SELECT dynamo.delete_item('Coll', '{"P":"b","S":2}');
SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', 5, 'Pad', repeat('x', 200)));
-- a table without an LSI has no item collection limit
SELECT count(*) AS puts FROM (SELECT dynamo.put_item('NoLsi', jsonb_build_object('P', 'b', 'S', i, 'Pad', repeat('x', 200)))
                              FROM generate_series(1, 10) i) x;
RESET pg_dynamo.item_collection_size_limit;
SELECT count(*) AS puts FROM (SELECT dynamo.put_item('Coll', jsonb_build_object('P', 'b', 'S', i, 'Pad', repeat('x', 200)))
                              FROM generate_series(6, 10) i) x;
-- far from the limit a write does not read its collection: the primary key
-- index is scanned by the write alone; near it, once more for the sum
CREATE FUNCTION pg_temp.pk_scans() RETURNS bigint LANGUAGE sql AS $$
  SELECT pg_stat_get_xact_numscans(indexrelid) FROM pg_index
  WHERE indrelid = 'dynamo_data."Coll"'::regclass AND indisprimary $$;
BEGIN;
CREATE TEMP TABLE scans AS SELECT pg_temp.pk_scans() AS n;
SELECT dynamo.put_item('Coll', '{"P": "d", "S": 1}') IS NULL AS put_far;
SELECT pg_temp.pk_scans() - n AS scans_far FROM scans;
SET LOCAL pg_dynamo.item_collection_size_limit = '1MB';
UPDATE scans SET n = pg_temp.pk_scans();
SELECT dynamo.put_item('Coll', '{"P": "d", "S": 2}') IS NULL AS put_near;
SELECT pg_temp.pk_scans() - n AS scans_near FROM scans;
COMMIT;
SELECT dynamo.delete_table('Coll') IS NOT NULL AS deleted, dynamo.delete_table('NoLsi') IS NOT NULL AS deleted;
