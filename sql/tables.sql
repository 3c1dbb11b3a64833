--
-- tables: CreateTable, DescribeTable, ListTables, DeleteTable, both through
-- the SQL functions and through dynamo.execute(); the item tables as SQL
-- sees them; malformed requests with DynamoDB's errors.
--
-- DynamoDB's documented behaviour is the expected output.  Volatile members
-- (CreationDateTime, TableSizeBytes, TableId) are stripped.  Tables created here are
-- dropped at the end; names are prefixed so other tests' tables cannot
-- disturb the listings.
--

-- An error as one line (SQLSTATE: message), for checks on part of a message
\i sql/include/statement.sql

------------------------------------------------------------------------
-- create_table: partition key S (the default type), N, B; with sort keys
------------------------------------------------------------------------
SELECT jsonb_pretty(dynamo.create_table('tbl_s', 'id') - 'CreationDateTime' - 'TableSizeBytes' - 'TableId' #- '{BillingModeSummary,LastUpdateToPayPerRequestDateTime}') AS created;
SELECT c -> 'KeySchema' AS key_schema, c -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.create_table('tbl_n', 'id', 'N') AS c;
SELECT c -> 'KeySchema' AS key_schema, c -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.create_table('tbl_b', 'id', 'B') AS c;
SELECT jsonb_pretty(dynamo.create_table('tbl_ss', 'pk', 'S', 'sk', 'S') - 'CreationDateTime' - 'TableSizeBytes' - 'TableId' #- '{BillingModeSummary,LastUpdateToPayPerRequestDateTime}') AS created;
SELECT c -> 'KeySchema' AS key_schema, c -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.create_table('tbl_nb', 'pk', 'N', 'sk', 'B') AS c;
-- named arguments; the sort key type defaults to S like the partition key's
SELECT c -> 'KeySchema' AS key_schema, c -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.create_table(table_name => 'tbl.named-args_1', partition_key => 'Pk', sort_key => 'Sk') AS c;
SELECT c -> 'KeySchema' AS key_schema, c -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.create_table(table_name => 'tbl_bn', partition_key => 'Pk', partition_key_type => 'B',
                         sort_key => 'Sk', sort_key_type => 'N') AS c;
-- names at the limits: 3 and 255 characters, every allowed character
SELECT dynamo.create_table('tb3', 'k') ->> 'TableName' AS created;
SELECT dynamo.create_table('tbl_' || repeat('x', 251), 'k') ->> 'TableName' = 'tbl_' || repeat('x', 251) AS created_255;
SELECT dynamo.create_table('tbl-AZaz09_.-', 'k') ->> 'TableName' AS created;
SELECT dynamo.create_table('Tbl_upper', 'k') ->> 'TableName' AS created;
-- key attribute names: 1 and 255 bytes, any characters
SELECT dynamo.create_table('tbl_keynames', 'k', 'S', repeat('s', 255), 'N') -> 'KeySchema' -> 1 ->> 'AttributeName' = repeat('s', 255) AS sort_key_255;
SELECT dynamo.create_table('tbl_keynames2', 'clé du 🔑', 'S') -> 'KeySchema' AS key_schema;

------------------------------------------------------------------------
-- describe_table and list_tables
------------------------------------------------------------------------
SELECT jsonb_pretty(dynamo.describe_table('tbl_nb') - 'CreationDateTime' - 'TableSizeBytes' - 'TableId' #- '{BillingModeSummary,LastUpdateToPayPerRequestDateTime}') AS described;
SELECT d ->> 'TableArn' AS arn, d -> 'KeySchema' AS key_schema, d -> 'AttributeDefinitions' AS attribute_definitions
FROM dynamo.describe_table('tbl.named-args_1') AS d;
-- the creation time is the time of creation, in epoch seconds
SELECT (dynamo.describe_table('tbl_s') ->> 'CreationDateTime')::numeric
       BETWEEN extract(epoch FROM now()) - 3600 AND extract(epoch FROM now()) + 1 AS creation_time_ok;
-- an on-demand table has been on demand since its creation
SELECT d -> 'BillingModeSummary' -> 'LastUpdateToPayPerRequestDateTime' = d -> 'CreationDateTime' AS on_demand_since_creation
FROM dynamo.describe_table('tbl_s') AS d;
-- every TableDescription carries a TableId (a UUID)
SELECT dynamo.describe_table('tbl_s') ->> 'TableId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' AS has_table_id;
-- item count follows the items
SELECT dynamo.put_item('tbl_s', '{"id":"a"}');
SELECT dynamo.put_item('tbl_s', '{"id":"b"}');
SELECT dynamo.describe_table('tbl_s') -> 'ItemCount' AS item_count;
-- names in byte order: upper case before lower case, then '3' < 'l' and '-' < '.' < '_'
SELECT t FROM dynamo.list_tables() AS t WHERE t ILIKE 'tb%' AND length(t) < 64;
SELECT count(*) FROM dynamo.list_tables() AS t WHERE t = 'tbl_' || repeat('x', 251);

------------------------------------------------------------------------
-- The item tables: ordinary PostgreSQL tables in schema dynamo_data
------------------------------------------------------------------------
\d dynamo_data.tbl_s
\d dynamo_data.tbl_nb
\d dynamo_data."tbl.named-args_1"
SELECT obj_description('dynamo_data."tbl_bn"'::regclass, 'pg_class') AS comment;
-- the catalog
SELECT table_name, relation, partition_key, partition_key_type, left(sort_key, 12) AS sort_key, sort_key_type
FROM dynamo.tables WHERE table_name ILIKE 'tb%' AND length(table_name) < 64 ORDER BY table_name;
-- a name longer than a PostgreSQL identifier gets a shortened, hashed relation name
SELECT c.relnamespace::regnamespace AS schema, length(c.relname) <= 63 AS fits,
       c.relname ~ '^tbl_x{50}#[0-9a-f]{8}$' AS shortened
FROM dynamo.tables AS t JOIN pg_class AS c ON c.oid = t.relation
WHERE t.table_name = 'tbl_' || repeat('x', 251);
-- two long names sharing their first 63 characters get two relations
SELECT dynamo.create_table('tbl_' || repeat('x', 250) || 'y', 'k') IS NOT NULL AS created;
SELECT count(DISTINCT relation) AS relations FROM dynamo.tables WHERE table_name LIKE 'tbl\_xxxxxxxx%';

------------------------------------------------------------------------
-- execute(): CreateTable, DescribeTable, ListTables with paging, DeleteTable
------------------------------------------------------------------------
SELECT jsonb_pretty(dynamo.execute('CreateTable', '{
    "TableName": "zzzz_qa_list_1",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "sk", "AttributeType": "N"}, {"AttributeName": "pk", "AttributeType": "B"}],
    "BillingMode": "PAY_PER_REQUEST"}') #- '{TableDescription,CreationDateTime}' #- '{TableDescription,BillingModeSummary,LastUpdateToPayPerRequestDateTime}' #- '{TableDescription,TableSizeBytes}' #- '{TableDescription,TableId}') AS response;
SELECT jsonb_pretty(dynamo.execute('DescribeTable', '{"TableName": "zzzz_qa_list_1"}')
       #- '{Table,CreationDateTime}' #- '{Table,BillingModeSummary,LastUpdateToPayPerRequestDateTime}' #- '{Table,TableSizeBytes}' #- '{Table,TableId}') AS response;
SELECT dynamo.execute('CreateTable', format('{"TableName": "%s", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}', n)::jsonb)
       -> 'TableDescription' ->> 'TableName' AS created
FROM unnest(ARRAY['zzzz_qa_list_2', 'zzzz_qa_list_3', 'zzzz_qa_list_4', 'zzzz_qa_list_5']) AS n;
-- pages of two, from just before our names to the very end
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_0", "Limit": 2}') AS page1;
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_2", "Limit": 2}') AS page2;
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_4", "Limit": 2}') AS page3;
-- a full last page has no LastEvaluatedTableName when nothing follows
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_3", "Limit": 2}') AS last_full_page;
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_5"}') AS past_the_end;
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_1", "Limit": 100}') AS limit_100;
-- without a Limit: at most 100 names, all of ours among them
SELECT jsonb_array_length(r -> 'TableNames') <= 100 AS at_most_100,
       (r -> 'TableNames') @> '["zzzz_qa_list_1", "tbl_s"]' AS ours_listed
FROM dynamo.execute('ListTables', '{}') AS r;
-- DeleteTable: the last description, DELETING; DynamoDB's answer carries
-- neither the key schema nor the attribute definitions nor the creation time
SELECT r -> 'TableDescription' ->> 'TableName' AS name,
       r -> 'TableDescription' ->> 'TableStatus' AS status,
       r -> 'TableDescription' ->> 'TableArn' AS arn,
       r -> 'TableDescription' ?| ARRAY['KeySchema', 'AttributeDefinitions', 'CreationDateTime'] AS has_schema
FROM dynamo.execute('DeleteTable', '{"TableName": "zzzz_qa_list_5"}') AS r;
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "zzzz_qa_list_3"}') AS after_delete;
SELECT dynamo.execute('DescribeTable', '{"TableName": "zzzz_qa_list_5"}');
-- delete_table: the same through SQL; the item table goes with it
SELECT d ->> 'TableName' AS name, d ->> 'TableStatus' AS status,
       d ?| ARRAY['KeySchema', 'AttributeDefinitions', 'CreationDateTime'] AS has_schema
FROM dynamo.delete_table('tbl_n') AS d;
SELECT to_regclass('dynamo_data.tbl_n') AS item_table;
SELECT count(*) FROM dynamo.tables WHERE table_name = 'tbl_n';
-- the name can be used again, with another key schema
SELECT dynamo.create_table('tbl_n', 'other', 'S', 'sk', 'N') -> 'KeySchema' AS key_schema;
SELECT dynamo.put_item('tbl_n', '{"other":"x","sk":1}');
SELECT pk, sk, item FROM dynamo_data.tbl_n;

------------------------------------------------------------------------
-- Malformed requests: table names
------------------------------------------------------------------------
SELECT dynamo.create_table('ab', 'k');
SELECT dynamo.create_table('', 'k');
SELECT dynamo.create_table('tbl_' || repeat('x', 252), 'k');
SELECT dynamo.create_table('bad name', 'k');
SELECT dynamo.create_table('bad/name', 'k');
SELECT dynamo.create_table('bad;', 'k');
SELECT dynamo.create_table('ümlaut', 'k');
SELECT dynamo.create_table(NULL, 'k');
SELECT dynamo.describe_table('ab');
SELECT dynamo.describe_table('bad name');
SELECT dynamo.describe_table(NULL);
SELECT dynamo.delete_table('ab');
SELECT dynamo.delete_table(repeat('x', 256));
-- existing and missing tables
SELECT dynamo.create_table('tbl_s', 'id');
SELECT dynamo.create_table('tbl_s', 'other', 'N');
SELECT dynamo.describe_table('tbl_missing');
SELECT dynamo.delete_table('tbl_missing');
-- table names are case-sensitive
SELECT dynamo.describe_table('TBL_S');

------------------------------------------------------------------------
-- Malformed requests: key schema through the SQL function
------------------------------------------------------------------------
SELECT dynamo.create_table('tbl_bad', NULL);
SELECT dynamo.create_table('tbl_bad', '');
SELECT dynamo.create_table('tbl_bad', repeat('k', 256));
SELECT dynamo.create_table('tbl_bad', 'k', 'S', repeat('s', 256));
SELECT dynamo.create_table('tbl_bad', 'k', 'S', '');
SELECT dynamo.create_table('tbl_bad', 'k', 'X');
SELECT dynamo.create_table('tbl_bad', 'k', 's');
SELECT dynamo.create_table('tbl_bad', 'k', 'SS');
SELECT dynamo.create_table('tbl_bad', 'k', 'BOOL');
SELECT dynamo.create_table('tbl_bad', 'k', 'S', 'sk', 'M');
SELECT dynamo.create_table('tbl_bad', 'k', 'S', 'k', 'S');
SELECT dynamo.describe_table('tbl_bad');

------------------------------------------------------------------------
-- Malformed requests through execute('CreateTable')
------------------------------------------------------------------------
-- TableName
SELECT dynamo.execute('CreateTable', '{"KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "ab", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "abc;", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": 123, "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_s", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
-- KeySchema and AttributeDefinitions missing, empty, too long
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT pg_temp.err($$SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}, {"AttributeName": "c", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}')$$)
    LIKE 'DY001: 1 validation error detected: Value ''[%]'' at ''keySchema'' failed to satisfy constraint: Member must have length less than or equal to 2' AS three_keys_rejected;
-- KeySchema elements: members missing, wrong KeyType, wrong order
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "PRIMARY"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "hash"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "RANGE"}, {"AttributeName": "b", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "RANGE"}, {"AttributeName": "b", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": ["k"],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
-- the same attribute twice
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "a", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "a", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "a", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT pg_temp.err($$SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "xyz", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "xyz", "AttributeType": "S"}, {"AttributeName": "xyz", "AttributeType": "N"}],
    "BillingMode": "PAY_PER_REQUEST"}')$$) ~ '^DY001: .*[Dd]uplicate.*xyz' AS duplicate_definition_named;
-- AttributeDefinitions: bad types, undefined key attributes, extra definitions
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "SS"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "s"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "b", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "b", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad",
    "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bad", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
    "AttributeDefinitions": {"AttributeName": "a", "AttributeType": "S"}, "BillingMode": "PAY_PER_REQUEST"}');
-- BillingMode and ProvisionedThroughput (a missing BillingMode means PROVISIONED)
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bill1", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "FREE"}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bill2", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}]}');
SELECT dynamo.execute('CreateTable', '{"TableName": "tbl_bill3", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
    "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST",
    "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}');
-- a request that is not an object
SELECT dynamo.execute('CreateTable', '[]');
SELECT dynamo.execute('CreateTable', NULL);
-- none of these created anything
SELECT count(*) AS bad_tables FROM dynamo.tables WHERE table_name IN ('tbl_bad', 'ab', 'abc;', 'tbl_bill1', 'tbl_bill2', 'tbl_bill3');

------------------------------------------------------------------------
-- Malformed requests: DescribeTable, DeleteTable, ListTables
------------------------------------------------------------------------
SELECT dynamo.execute('DescribeTable', '{}');
SELECT dynamo.execute('DescribeTable', '{"TableName": "ab"}');
SELECT dynamo.execute('DescribeTable', '{"TableName": "abc;"}');
SELECT dynamo.execute('DescribeTable', '{"TableName": "tbl_missing"}');
SELECT dynamo.execute('DeleteTable', '{}');
SELECT dynamo.execute('DeleteTable', '{"TableName": "tbl_missing"}');
SELECT dynamo.execute('ListTables', '{"Limit": 0}');
SELECT dynamo.execute('ListTables', '{"Limit": -1}');
SELECT dynamo.execute('ListTables', '{"Limit": 101}');
SELECT dynamo.execute('ListTables', '{"Limit": "5"}');
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "ab"}');
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": "abc;"}');
SELECT dynamo.execute('ListTables', '{"ExclusiveStartTableName": 5}');

------------------------------------------------------------------------
-- Clean up
------------------------------------------------------------------------
SELECT dynamo.delete_table(table_name) ->> 'TableStatus' AS status, count(*)
FROM dynamo.tables
WHERE table_name ILIKE 'tb%' OR table_name LIKE 'zzzz\_qa\_list\_%'
GROUP BY 1;
SELECT count(*) AS left_over FROM dynamo.tables WHERE table_name ILIKE 'tb%' OR table_name LIKE 'zzzz\_qa\_list\_%';
