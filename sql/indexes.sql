--
-- Secondary indexes: GSIs and LSIs as PostgreSQL indexes on the item table
--
SET client_min_messages = warning;

-- CreateTable with a GSI (KEYS_ONLY), a GSI (INCLUDE) and an LSI (ALL)
SELECT d->'GlobalSecondaryIndexes' AS gsis, d->'LocalSecondaryIndexes' AS lsis,
       d->'AttributeDefinitions' AS defs
FROM (SELECT dynamo.execute('CreateTable', '{"TableName":"Songs",
  "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},{"AttributeName":"Song","AttributeType":"S"},
     {"AttributeName":"Year","AttributeType":"N"},{"AttributeName":"Genre","AttributeType":"S"},
     {"AttributeName":"Code","AttributeType":"B"}],
  "GlobalSecondaryIndexes":[
    {"IndexName":"ByGenre","KeySchema":[{"AttributeName":"Genre","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],
     "Projection":{"ProjectionType":"KEYS_ONLY"}},
    {"IndexName":"ByCode","KeySchema":[{"AttributeName":"Code","KeyType":"HASH"}],
     "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Album"]}}],
  "LocalSecondaryIndexes":[
    {"IndexName":"ArtistYear","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],
     "Projection":{"ProjectionType":"ALL"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription' AS d) s;

-- Each index is a real PostgreSQL index, partial on its key attributes
SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) AS definition
FROM pg_index WHERE indrelid = 'dynamo_data."Songs"'::regclass ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = 'dynamo_data."Songs"'::regclass AND contype = 'c' ORDER BY 1;
SELECT table_name, index_name, local, partition_key, partition_key_type, sort_key, sort_key_type,
       projection_type, non_key_attributes, relation_name FROM dynamo.indexes ORDER BY 1, 2;

-- Items: some sparse (no Genre, or no Year), several sharing an index key
SELECT count(*) FILTER (WHERE dynamo.put_item('Songs', jsonb_strip_nulls(jsonb_build_object(
         'Artist', 'a' || (i % 3), 'Song', 's' || lpad(i::text, 2, '0'),
         'Year', CASE WHEN i % 7 = 0 THEN NULL ELSE 2000 + i % 4 END,
         'Genre', CASE WHEN i % 5 = 0 THEN NULL ELSE 'rock' END,
         'Code', CASE WHEN i % 2 = 0 THEN jsonb_build_object('$B', 'AAE=') END,
         'Album', 'al' || i, 'Extra', i))) IS NULL) AS put
FROM generate_series(1, 20) i;

-- KEYS_ONLY: index keys and table keys only, by Year then the table key
SELECT * FROM dynamo.query('Songs', 'Genre = :g', expression_attribute_values => '{":g":"rock"}',
                           index_name => 'ByGenre');
-- the same selection in SQL
SELECT item->>'Song' AS song, item->'Year' AS year FROM dynamo_data."Songs"
WHERE item->>'Genre' = 'rock' AND item ? 'Year' ORDER BY (item->'Year')::numeric, pk, sk;
-- INCLUDE: keys and Album; B index key
SELECT * FROM dynamo.query('Songs', 'Code = :c', expression_attribute_values => '{":c":{"$B":"AAE="}}',
                           index_name => 'ByCode', "limit" => 3);
-- LSI (ALL): every attribute, newest first
SELECT * FROM dynamo.query('Songs', 'Artist = :a AND #y BETWEEN :lo AND :hi',
                           expression_attribute_names => '{"#y":"Year"}',
                           expression_attribute_values => '{":a":"a1",":lo":2001,":hi":2002}',
                           index_name => 'ArtistYear', scan_index_forward => false);
-- a filter and a projection; on a GSI they see the projected attributes only
SELECT * FROM dynamo.query('Songs', 'Genre = :g AND #y = :y', filter_expression => 'attribute_exists(Album) OR Song > :s',
                           projection_expression => 'Song',
                           expression_attribute_names => '{"#y":"Year"}',
                           expression_attribute_values => '{":g":"rock",":y":2001,":s":"s10"}', index_name => 'ByGenre');
-- an LSI fetches unprojected attributes from the table
SELECT * FROM dynamo.query('Songs', 'Artist = :a', projection_expression => 'Extra',
                           expression_attribute_values => '{":a":"a2"}', index_name => 'ArtistYear', "limit" => 2);

-- Paging over duplicate index keys: every item exactly once, in order
CREATE TEMP TABLE walk (page int, item jsonb);
DO $$
DECLARE
  page jsonb;
  start jsonb := NULL;
  n int := 0;
BEGIN
  LOOP
    page := dynamo.query_page('Songs', 'Genre = :g', expression_attribute_values => '{":g":"rock"}',
                              index_name => 'ByGenre', "limit" => 3, exclusive_start_key => start);
    n := n + 1;
    INSERT INTO walk SELECT n, i FROM jsonb_array_elements(page->'Items') i;
    start := page->'LastEvaluatedKey';
    EXIT WHEN start IS NULL OR n > 20;
  END LOOP;
END $$;
SELECT page, item->>'Song' AS song, item->'Year' AS year FROM walk ORDER BY page, (item->'Year')::numeric, item->>'Artist', item->>'Song';
SELECT count(*) AS items, count(DISTINCT item) AS distinct_items, max(page) AS pages FROM walk;
-- backwards, through execute()
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g",
  "ExpressionAttributeValues":{":g":{"S":"rock"}},"ScanIndexForward":false,"Limit":2}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g",
  "ExpressionAttributeValues":{":g":{"S":"rock"}},"ScanIndexForward":false,"Limit":2,
  "ExclusiveStartKey":{"Song":{"S":"s19"},"Year":{"N":"2003"},"Genre":{"S":"rock"},"Artist":{"S":"a1"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g",
  "ExpressionAttributeValues":{":g":{"S":"rock"}},"Select":"COUNT"}');

-- Scan of an index: only the items in it; parallel segments cover it
SELECT count(*) AS in_index FROM dynamo.scan('Songs', index_name => 'ByGenre');
SELECT count(*) FILTER (WHERE item ? 'Genre' AND item ? 'Year') AS expected FROM dynamo_data."Songs";
SELECT sum(n) AS by_segments FROM (
  SELECT (SELECT count(*) FROM dynamo.scan('Songs', index_name => 'ByGenre', segment => s, total_segments => 3)) AS n
  FROM generate_series(0, 2) s) x;
SELECT dynamo.scan_page('Songs', index_name => 'ByCode', "limit" => 2) - 'Items';

-- Items moving into, within and out of an index
SELECT dynamo.update_item('Songs', '{"Artist":"a0","Song":"s15"}', 'SET Genre = :g', expression_attribute_values => '{":g":"jazz"}');
SELECT * FROM dynamo.query('Songs', 'Genre = :g', expression_attribute_values => '{":g":"jazz"}', index_name => 'ByGenre');
SELECT dynamo.update_item('Songs', '{"Artist":"a0","Song":"s15"}', 'SET #y = :y', expression_attribute_names => '{"#y":"Year"}',
                          expression_attribute_values => '{":y":1999}');
SELECT * FROM dynamo.query('Songs', 'Genre = :g AND #y < :y', expression_attribute_names => '{"#y":"Year"}',
                           expression_attribute_values => '{":g":"jazz",":y":2000}', index_name => 'ByGenre');
SELECT dynamo.update_item('Songs', '{"Artist":"a0","Song":"s15"}', 'REMOVE Genre');
SELECT count(*) AS jazz FROM dynamo.query('Songs', 'Genre = :g', expression_attribute_values => '{":g":"jazz"}', index_name => 'ByGenre');
SELECT dynamo.delete_item('Songs', '{"Artist":"a1","Song":"s01"}');
SELECT count(*) AS rock_after_delete FROM dynamo.query('Songs', 'Genre = :g', expression_attribute_values => '{":g":"rock"}', index_name => 'ByGenre');
-- plain SQL writes keep the index right
UPDATE dynamo_data."Songs" SET item = item || '{"Genre":"blues"}' WHERE pk = 'a2' AND sk = 's02';
SELECT * FROM dynamo.query('Songs', 'Genre = :g', expression_attribute_values => '{":g":"blues"}', index_name => 'ByGenre');

-- Wrong-typed or empty index keys: refused at write time, naming the index
SELECT dynamo.put_item('Songs', '{"Artist":"x","Song":"y","Year":"1999"}');
SELECT dynamo.put_item('Songs', '{"Artist":"x","Song":"y","Genre":""}');
SELECT dynamo.put_item('Songs', '{"Artist":"x","Song":"y","Code":{"$B":""}}');
SELECT dynamo.update_item('Songs', '{"Artist":"a1","Song":"s04"}', 'SET Genre = :g', expression_attribute_values => '{":g":7}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems":{"Songs":[{"PutRequest":{"Item":{"Artist":{"S":"x"},"Song":{"S":"y"},"Genre":{"N":"1"}}}}]}}');
-- index keys over DynamoDB's key sizes, or too large together for a PostgreSQL index entry
SELECT dynamo.put_item('Songs', jsonb_build_object('Artist', 'x', 'Song', 'y', 'Genre', repeat('g', 2049)));
SELECT dynamo.put_item('Songs', jsonb_build_object('Artist', 'x', 'Song', 'y', 'Genre', 'g', 'Year', 1, 'Code', jsonb_build_object('$B', translate(encode(decode(repeat('ab', 2100), 'hex'), 'base64'), E'\n', ''))));
SELECT dynamo.put_item('Songs', jsonb_build_object('Artist', repeat('a', 1000), 'Song', repeat('s', 1000), 'Genre', repeat('g', 1000), 'Year', 1));
-- and by the constraint for SQL writes
INSERT INTO dynamo_data."Songs" VALUES ('x', 'y', '{"Artist":"x","Song":"y","Genre":5}');
UPDATE dynamo_data."Songs" SET item = item || '{"Year":"soon"}' WHERE pk = 'a1' AND sk = 's04';

-- Query errors
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"Nope","KeyConditionExpression":"Genre = :g","ExpressionAttributeValues":{":g":{"S":"rock"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g","ExpressionAttributeValues":{":g":{"S":"rock"}},"ConsistentRead":true}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ArtistYear","KeyConditionExpression":"Artist = :a","ExpressionAttributeValues":{":a":{"S":"a1"}},"ConsistentRead":true,"Select":"COUNT"}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g","ExpressionAttributeValues":{":g":{"S":"rock"}},"Select":"ALL_ATTRIBUTES"}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Artist = :g","ExpressionAttributeValues":{":g":{"S":"rock"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g","FilterExpression":"#y > :g","ExpressionAttributeNames":{"#y":"Year"},"ExpressionAttributeValues":{":g":{"S":"rock"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g","ExpressionAttributeValues":{":g":{"S":"rock"}},"ExclusiveStartKey":{"Genre":{"S":"rock"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g","ExpressionAttributeValues":{":g":{"S":"rock"}},"ExclusiveStartKey":{"Song":{"S":"s1"},"Year":{"N":"1"},"Genre":{"S":"pop"},"Artist":{"S":"a1"}}}');
SELECT dynamo.execute('Query', '{"TableName":"Songs","KeyConditionExpression":"Artist = :a","ExpressionAttributeValues":{":a":{"S":"a1"}},"Select":"ALL_PROJECTED_ATTRIBUTES"}');
SELECT dynamo.execute('Scan', '{"TableName":"Songs","IndexName":"x"}');

-- to_sql prints the statement over the index; EXPLAIN shows the index scan
SELECT dynamo.to_sql('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g AND #y > :y",
  "ExpressionAttributeNames":{"#y":"Year"},"ExpressionAttributeValues":{":g":{"S":"rock"},":y":{"N":"2001"}}}');
SET enable_seqscan = off;
SELECT dynamo.to_sql('Query', '{"TableName":"Songs","IndexName":"ByGenre","KeyConditionExpression":"Genre = :g",
  "ExpressionAttributeValues":{":g":{"S":"rock"}}}') AS q \gset
EXPLAIN (COSTS OFF) :q;
RESET enable_seqscan;

-- UpdateTable: a new GSI over the existing items (backfill), ACTIVE on return
SELECT d->'GlobalSecondaryIndexes' FROM (SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs",
  "AttributeDefinitions":[{"AttributeName":"Album","AttributeType":"S"}],
  "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByAlbum",
    "KeySchema":[{"AttributeName":"Album","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}')->'TableDescription' AS d) s;
SELECT * FROM dynamo.query('Songs', 'Album = :a', expression_attribute_values => '{":a":"al4"}', index_name => 'ByAlbum');
SELECT dynamo.execute('Query', '{"TableName":"Songs","IndexName":"ByAlbum","KeyConditionExpression":"Album = :a","ExpressionAttributeValues":{":a":{"S":"al8"}},"Select":"ALL_ATTRIBUTES"}')->'Count';
-- the ergonomic form, with an item of the wrong type written before the index
SELECT dynamo.put_item('Songs', '{"Artist":"z","Song":"z","Rank":"high"}');
SELECT jsonb_path_query(dynamo.create_index('Songs', 'ByRank', partition_key => 'Rank', partition_key_type => 'N',
                        projection => 'KEYS_ONLY'), '$.GlobalSecondaryIndexes[*].IndexName');
SELECT dynamo.put_item('Songs', '{"Artist":"z","Song":"y","Rank":1}');
SELECT * FROM dynamo.query('Songs', '#r = :r', expression_attribute_names => '{"#r":"Rank"}',
                           expression_attribute_values => '{":r":1}', index_name => 'ByRank');
SELECT dynamo.put_item('Songs', '{"Artist":"z","Song":"x","Rank":"low"}');
SELECT jsonb_path_query(dynamo.delete_index('Songs', 'ByRank'), '$.GlobalSecondaryIndexes[*].IndexName');
SELECT dynamo.put_item('Songs', '{"Artist":"z","Song":"x","Rank":"low"}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"ByAlbum"}}]}')
       ->'TableDescription'->'GlobalSecondaryIndexes' @? '$[*] ? (@.IndexName == "ByAlbum" && @.IndexStatus != "DELETING")' AS still_there;
SELECT count(*) AS pg_indexes FROM pg_index WHERE indrelid = 'dynamo_data."Songs"'::regclass;

-- UpdateTable errors
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs"}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"NoSuchTable","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"ByAlbum"}}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"ByAlbum"}}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"ByGenre"}},{"Update":{"IndexName":"ByGenre","ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByGenre","KeySchema":[{"AttributeName":"Genre","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}],"AttributeDefinitions":[{"AttributeName":"Genre","AttributeType":"S"}]}');
SELECT dynamo.execute('UpdateTable', '{"TableName":"Songs","GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByMood","KeySchema":[{"AttributeName":"Mood","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}');

-- a new index key attribute keeps the type the table gives it
SELECT dynamo.create_index('Songs', 'ByYearText', 'Year', 'S');
SELECT dynamo.create_index('Songs', 'BySongNumber', 'Song', 'N');

-- CreateTable validation, with DynamoDB's messages
CREATE FUNCTION pg_temp.ct(indexes text, defs text DEFAULT '{"AttributeName":"G","AttributeType":"S"}') RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dynamo.execute('CreateTable', format('{"TableName":"Bad","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"R","KeyType":"RANGE"}],
    "AttributeDefinitions":[{"AttributeName":"P","AttributeType":"S"},{"AttributeName":"R","AttributeType":"S"},%s],
    "BillingMode":"PAY_PER_REQUEST",%s}', defs, indexes)::jsonb);
  RETURN 'created';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"ix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"i x","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"H","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"SOME"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL","NonKeyAttributes":["a"]}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}]}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}},{"IndexName":"gix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[{"IndexName":"gix","KeySchema":[{"AttributeName":"P","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[' || string_agg(format('{"IndexName":"gsi%s","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}', i), ',') || ']')
FROM generate_series(1, 21) i;
SELECT pg_temp.ct('"GlobalSecondaryIndexes":[' || string_agg(format('{"IndexName":"gsi%s","KeySchema":[{"AttributeName":"G","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":[%s]}}', i,
                  (SELECT string_agg(format('"a%s"', j), ',') FROM generate_series(1, 11) j)), ',') || ']')
FROM generate_series(1, 10) i;
SELECT pg_temp.ct('"LocalSecondaryIndexes":[{"IndexName":"lix","KeySchema":[{"AttributeName":"G","KeyType":"HASH"},{"AttributeName":"R","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"LocalSecondaryIndexes":[{"IndexName":"lix","KeySchema":[{"AttributeName":"P","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]');
SELECT pg_temp.ct('"LocalSecondaryIndexes":[' || string_agg(format('{"IndexName":"lsi%s","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"G","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}', i), ',') || ']')
FROM generate_series(1, 6) i;
SELECT pg_temp.ct('"LocalSecondaryIndexes":[{"IndexName":"lix","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"G","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]');
-- LSIs need a table with a sort key; UpdateTable cannot add them
SELECT dynamo.execute('CreateTable', '{"TableName":"NoRange","KeySchema":[{"AttributeName":"P","KeyType":"HASH"}],
  "AttributeDefinitions":[{"AttributeName":"P","AttributeType":"S"},{"AttributeName":"G","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
  "LocalSecondaryIndexes":[{"IndexName":"lix","KeySchema":[{"AttributeName":"P","KeyType":"HASH"},{"AttributeName":"G","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}');

-- DeleteTable drops the indexes with the table
SELECT dynamo.delete_table('Bad') IS NOT NULL AS deleted;
SELECT dynamo.delete_table('Songs') IS NOT NULL AS deleted;
SELECT count(*) AS index_rows FROM dynamo.indexes;
SELECT count(*) AS pg_indexes FROM pg_class WHERE relname LIKE 'Songs:%';
