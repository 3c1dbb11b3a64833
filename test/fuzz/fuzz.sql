-- The fuzz harness's functions (schema fuzz), loaded by test/fuzz/fuzz.sh
-- into a database with pg_dynamo.  Requests are seeded mutations of valid
-- ones, sent to execute(), execute_text() and the ergonomic functions; every
-- outcome's SQLSTATE is recorded.  Reproducible: batch b of seed s draws
-- its random numbers after setseed() of (s, b) alone.
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS fuzz CASCADE;
CREATE SCHEMA fuzz;

-- Outcomes: one row per request that did not succeed
CREATE TABLE fuzz.outcomes (
    batch integer, n integer, door text, operation text, sqlstate text, message text, request text);

-- A random integer in [0, n)
CREATE FUNCTION fuzz.r(n integer) RETURNS integer LANGUAGE sql AS
$$ SELECT floor(random() * n)::integer $$;

-- A random element of an array
CREATE FUNCTION fuzz.pick(a anyarray) RETURNS anyelement LANGUAGE sql AS
$$ SELECT a[1 + fuzz.r(cardinality(a))] $$;

-- A random value: typed AttributeValues valid and not, JSON of every kind,
-- strings that look like expressions, placeholders and tags
CREATE FUNCTION fuzz.value(depth integer DEFAULT 0) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  k integer := fuzz.r(40);
BEGIN
  IF depth < 3 AND k < 4 THEN
    RETURN CASE k
      WHEN 0 THEN jsonb_build_object('M', jsonb_build_object(fuzz.pick(ARRAY['a','pk','sk','$SS','#n','']), fuzz.value(depth + 1)))
      WHEN 1 THEN jsonb_build_object('L', jsonb_build_array(fuzz.value(depth + 1), fuzz.value(depth + 1)))
      WHEN 2 THEN jsonb_build_array(fuzz.value(depth + 1))
      ELSE jsonb_build_object(fuzz.pick(ARRAY['S','N','B','M','L','SS','NS','BS','BOOL','NULL','X']), fuzz.value(depth + 1))
    END;
  END IF;
  RETURN fuzz.pick(ARRAY[
    '{"S": "x"}', '{"S": ""}', '{"S": "\u0001\u0002"}', '{"N": "1"}', '{"N": "-0.000"}', '{"N": "1e126"}',
    '{"N": "1e-131"}', '{"N": "NaN"}', '{"N": "12345678901234567890123456789012345678901"}', '{"N": " 1"}',
    '{"N": "1e999999999"}', '{"N": ""}', '{"B": "AAE="}', '{"B": "AAF="}', '{"B": "!"}', '{"B": ""}',
    '{"SS": []}', '{"SS": ["a", "a"]}', '{"SS": ["b", "a"]}', '{"NS": ["1", "1.0"]}', '{"NS": ["x"]}',
    '{"BS": ["AA==", "AQ=="]}', '{"BS": [1]}', '{"M": {}}', '{"M": {"$SS": {"S": "x"}}}', '{"L": []}',
    '{"NULL": true}', '{"NULL": false}', '{"BOOL": "yes"}', '{"BOOL": true}', '{"S": "a", "N": "1"}',
    '{}', '[]', 'null', '0', '-1', '1e308', '2147483648', '"str"', 'true', '"a = :v"', '"SET #a = :v"',
    '"#n"', '":v"', '"ALL_OLD"', '"UPDATED_NEW"', '"TOTAL"', '"INDEXES"', '"SPECIFIC_ATTRIBUTES"',
    '{"$SS": ["a"]}', '{"$B": "AAE="}', '{"$M": {"x": 1}}', '{"$NS": []}',
    '{"S": "pk = :v AND begins_with(sk, :p)"}', '"attribute_not_exists(pk)"', '"a[1].b.c"',
    '"size(a) > :v OR contains(a, :v) AND NOT a IN (:v, :v)"', '"REMOVE a[0], b SET c = list_append(c, :l) ADD d :n DELETE e :s"'
  ])::jsonb
    || CASE WHEN fuzz.r(60) = 0 THEN jsonb_build_object('S', repeat('y', 70000)) ELSE '{}'::jsonb END;
EXCEPTION WHEN OTHERS THEN
  RETURN 'null'::jsonb;   -- || on a scalar: keep it simple
END $$;

-- A typed document as plain JSON, when it converts; else as it is
CREATE FUNCTION fuzz.plain(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN dynamo.unmarshall(doc);
EXCEPTION WHEN OTHERS THEN
  RETURN doc;
END $$;

-- Is a text valid UTF-8?
CREATE FUNCTION fuzz.is_utf8(t text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM convert_from(textsend(t), 'UTF8');
  RETURN true;
EXCEPTION WHEN OTHERS THEN
  RETURN false;
END $$;

-- Every path of a document (objects by key, arrays by index)
CREATE FUNCTION fuzz.paths(doc jsonb, prefix text[] DEFAULT '{}') RETURNS SETOF text[] LANGUAGE plpgsql AS $$
DECLARE
  k text;
  i integer;
BEGIN
  IF jsonb_typeof(doc) = 'object' THEN
    FOR k IN SELECT jsonb_object_keys(doc) LOOP
      RETURN NEXT prefix || k;
      RETURN QUERY SELECT * FROM fuzz.paths(doc -> k, prefix || k);
    END LOOP;
  ELSIF jsonb_typeof(doc) = 'array' THEN
    FOR i IN 0 .. jsonb_array_length(doc) - 1 LOOP
      RETURN NEXT prefix || i::text;
      RETURN QUERY SELECT * FROM fuzz.paths(doc -> i, prefix || i::text);
    END LOOP;
  END IF;
END $$;

-- One to four structural mutations of a document
CREATE FUNCTION fuzz.mutate(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  paths text[][];
  p text[];
  members text[] := ARRAY['TableName', 'Key', 'Item', 'ConditionExpression', 'UpdateExpression',
    'ExpressionAttributeNames', 'ExpressionAttributeValues', 'ReturnValues', 'KeyConditionExpression',
    'FilterExpression', 'ProjectionExpression', 'Limit', 'ExclusiveStartKey', 'ScanIndexForward',
    'Select', 'ConsistentRead', 'AttributesToGet', 'RequestItems', 'TransactItems', 'ClientRequestToken',
    'ReturnConsumedCapacity', 'Segment', 'TotalSegments', 'Expected', 'KeyConditions', 'ScanFilter',
    'AttributeUpdates', 'ConditionalOperator', 'ExclusiveStartTableName', 'KeySchema', 'AttributeDefinitions',
    'ReturnValuesOnConditionCheckFailure', 'ReturnItemCollectionMetrics', 'IndexName', 'Put', 'Delete', 'Update'];
BEGIN
  FOR m IN 1 .. 1 + fuzz.r(4) LOOP
    SELECT array_agg(x) INTO paths FROM (SELECT array_to_string(x, chr(31)) AS x FROM fuzz.paths(doc) AS x) AS s;
    p := CASE WHEN paths IS NULL THEN '{}'::text[] ELSE string_to_array(fuzz.pick(paths), chr(31)) END;
    CASE fuzz.r(5)
      WHEN 0, 1 THEN
        IF cardinality(p) > 0 THEN doc := jsonb_set(doc, p, fuzz.value()); END IF;
      WHEN 2 THEN
        IF cardinality(p) > 0 THEN doc := doc #- p; END IF;
      WHEN 3 THEN
        IF jsonb_typeof(doc #> p) = 'object' THEN
          doc := jsonb_set(doc, p || fuzz.pick(members), fuzz.value());
        ELSIF jsonb_typeof(doc) = 'object' THEN
          doc := doc || jsonb_build_object(fuzz.pick(members), fuzz.value());
        END IF;
      ELSE
        IF cardinality(p) > 0 THEN doc := jsonb_set(doc, p, jsonb_build_array(doc #> p, doc #> p)); END IF;
    END CASE;
  END LOOP;
  RETURN doc;
EXCEPTION WHEN OTHERS THEN
  RETURN doc;
END $$;

-- A valid typed AttributeValue of any type
CREATE FUNCTION fuzz.valid_value(depth integer DEFAULT 0) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  IF depth < 3 AND fuzz.r(6) = 0 THEN
    RETURN CASE fuzz.r(2)
      WHEN 0 THEN jsonb_build_object('M', jsonb_build_object(fuzz.pick(ARRAY['a', 'n', '$SS', 'ss']), fuzz.valid_value(depth + 1)))
      ELSE jsonb_build_object('L', jsonb_build_array(fuzz.valid_value(depth + 1), fuzz.valid_value(depth + 1)))
    END;
  END IF;
  RETURN fuzz.pick(ARRAY[
    '{"S": "a"}', '{"S": "b"}', '{"S": ""}', '{"S": "é\u0000"}', '{"N": "1"}', '{"N": "-2.50"}', '{"N": "1E+125"}',
    '{"N": "0.0000000000000000000000000000000000001"}', '{"B": "AAE="}', '{"B": ""}', '{"SS": ["a", "c"]}',
    '{"NS": ["1", "3"]}', '{"BS": ["AQ=="]}', '{"BOOL": false}', '{"NULL": true}', '{"L": []}', '{"M": {}}'
  ])::jsonb;
END $$;

-- A mild mutation: one typed value replaced by another valid one, so the
-- request gets past validation into the engine
CREATE FUNCTION fuzz.mutate_mild(doc jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  paths text[];
BEGIN
  SELECT array_agg(array_to_string(p, chr(31))) INTO paths FROM fuzz.paths(doc) AS p
  WHERE jsonb_typeof(doc #> p) = 'object'
    AND (SELECT array_agg(k) FROM jsonb_object_keys(doc #> p) AS k) <@ ARRAY['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'BOOL', 'NULL']
    AND (SELECT count(*) FROM jsonb_object_keys(doc #> p)) = 1;
  IF paths IS NULL THEN
    RETURN doc;
  END IF;
  RETURN jsonb_set(doc, string_to_array(fuzz.pick(paths), chr(31)), fuzz.valid_value());
EXCEPTION WHEN OTHERS THEN
  RETURN doc;
END $$;

-- Character mutations of JSON text: deletions, insertions, replacements
CREATE FUNCTION fuzz.mutate_text(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  pos integer;
  bits text[] := ARRAY['{', '}', '[', ']', '"', ',', ':', '\', '\u0000', '\ud800', '\u0001', 'e9999',
    '-', '0', ' ', 'null', '"S"', '{"N":"1"}', 'é', '€', '😀', '\n', '\"'];
BEGIN
  FOR m IN 1 .. 1 + fuzz.r(3) LOOP
    pos := 1 + fuzz.r(greatest(length(t), 1));
    t := CASE fuzz.r(3)
      WHEN 0 THEN overlay(t PLACING '' FROM pos FOR 1 + fuzz.r(3))
      WHEN 1 THEN overlay(t PLACING fuzz.pick(bits) FROM pos FOR 0)
      ELSE overlay(t PLACING fuzz.pick(bits) FROM pos FOR 1)
    END;
  END LOOP;
  RETURN t;
END $$;

-- The valid requests mutations start from, by operation
CREATE TABLE fuzz.seeds (operation text, request jsonb);
INSERT INTO fuzz.seeds VALUES
('PutItem', '{"TableName": "fz_s", "Item": {"pk": {"S": "a"}, "n": {"N": "1"}, "l": {"L": [{"S": "x"}]}, "m": {"M": {"b": {"B": "AAE="}}}, "ss": {"SS": ["a", "b"]}}, "ReturnValues": "ALL_OLD"}'),
('PutItem', '{"TableName": "fz_ns", "Item": {"pk": {"N": "1"}, "sk": {"S": "a"}, "v": {"NS": ["1", "2"]}}, "ConditionExpression": "attribute_not_exists(pk) OR #v = :v", "ExpressionAttributeNames": {"#v": "v"}, "ExpressionAttributeValues": {":v": {"NS": ["1", "2"]}}}'),
('GetItem', '{"TableName": "fz_s", "Key": {"pk": {"S": "a"}}, "ProjectionExpression": "n, l[0], m.b", "ConsistentRead": true, "ReturnConsumedCapacity": "TOTAL"}'),
('GetItem', '{"TableName": "fz_b", "Key": {"pk": {"B": "AAE="}, "sk": {"N": "1"}}, "AttributesToGet": ["pk"]}'),
('DeleteItem', '{"TableName": "fz_s", "Key": {"pk": {"S": "b"}}, "ConditionExpression": "size(l) > :z", "ExpressionAttributeValues": {":z": {"N": "0"}}, "ReturnValues": "ALL_OLD"}'),
('UpdateItem', '{"TableName": "fz_s", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET n = n + :one, l = list_append(l, :l) REMOVE m.b ADD ss :s DELETE ss :d", "ExpressionAttributeValues": {":one": {"N": "1"}, ":l": {"L": [{"N": "2"}]}, ":s": {"SS": ["c"]}, ":d": {"SS": ["a"]}}, "ReturnValues": "UPDATED_NEW"}'),
('UpdateItem', '{"TableName": "fz_ns", "Key": {"pk": {"N": "1"}, "sk": {"S": "a"}}, "AttributeUpdates": {"v": {"Action": "ADD", "Value": {"NS": ["3"]}}}, "Expected": {"v": {"Exists": false}}}'),
('Query', '{"TableName": "fz_ns", "KeyConditionExpression": "pk = :p AND begins_with(sk, :s)", "FilterExpression": "attribute_exists(v)", "ExpressionAttributeValues": {":p": {"N": "1"}, ":s": {"S": "a"}}, "Limit": 5, "ScanIndexForward": false, "Select": "ALL_ATTRIBUTES"}'),
('Query', '{"TableName": "fz_b", "KeyConditions": {"pk": {"AttributeValueList": [{"B": "AAE="}], "ComparisonOperator": "EQ"}, "sk": {"AttributeValueList": [{"N": "1"}, {"N": "9"}], "ComparisonOperator": "BETWEEN"}}, "ExclusiveStartKey": {"pk": {"B": "AAE="}, "sk": {"N": "2"}}}'),
('Scan', '{"TableName": "fz_s", "FilterExpression": "contains(ss, :a) OR n IN (:a, :b)", "ExpressionAttributeValues": {":a": {"S": "a"}, ":b": {"N": "1"}}, "Segment": 0, "TotalSegments": 2, "Limit": 10, "Select": "COUNT"}'),
('BatchGetItem', '{"RequestItems": {"fz_s": {"Keys": [{"pk": {"S": "a"}}, {"pk": {"S": "b"}}], "ProjectionExpression": "pk"}, "fz_ns": {"Keys": [{"pk": {"N": "1"}, "sk": {"S": "a"}}]}}}'),
('BatchWriteItem', '{"RequestItems": {"fz_s": [{"PutRequest": {"Item": {"pk": {"S": "c"}}}}, {"DeleteRequest": {"Key": {"pk": {"S": "d"}}}}]}}'),
('TransactGetItems', '{"TransactItems": [{"Get": {"TableName": "fz_s", "Key": {"pk": {"S": "a"}}}}, {"Get": {"TableName": "fz_b", "Key": {"pk": {"B": "AAE="}, "sk": {"N": "1"}}}}]}'),
('TransactWriteItems', '{"ClientRequestToken": "fz", "TransactItems": [{"Put": {"TableName": "fz_s", "Item": {"pk": {"S": "t"}}}}, {"Update": {"TableName": "fz_ns", "Key": {"pk": {"N": "1"}, "sk": {"S": "a"}}, "UpdateExpression": "SET x = :x", "ExpressionAttributeValues": {":x": {"S": "y"}}}}, {"ConditionCheck": {"TableName": "fz_s", "Key": {"pk": {"S": "a"}}, "ConditionExpression": "attribute_exists(pk)"}}, {"Delete": {"TableName": "fz_s", "Key": {"pk": {"S": "z"}}}}]}'),
('DescribeTable', '{"TableName": "fz_s"}'),
('ListTables', '{"Limit": 2, "ExclusiveStartTableName": "fz_b"}'),
('CreateTable', '{"TableName": "fz_new", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}], "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "B"}], "BillingMode": "PAY_PER_REQUEST"}'),
('DeleteTable', '{"TableName": "fz_new"}');

-- The ergonomic functions, as statements with $1 (a table), $2 and $3
-- (plain JSON) and $4 (an expression text)
CREATE TABLE fuzz.ergonomic (statement text);
INSERT INTO fuzz.ergonomic VALUES
('SELECT dynamo.put_item($1, $2, condition_expression => $4, expression_attribute_values => $3, return_values => ''ALL_OLD'')'),
('SELECT dynamo.get_item($1, $2, projection_expression => $4)'),
('SELECT dynamo.delete_item($1, $2, condition_expression => $4, expression_attribute_values => $3)'),
('SELECT dynamo.update_item($1, $2, $4, expression_attribute_values => $3, return_values => ''ALL_NEW'')'),
('SELECT count(*) FROM dynamo.query($1, $4, expression_attribute_values => $3)'),
('SELECT count(*) FROM dynamo.scan($1, $4, expression_attribute_values => $3)'),
('SELECT dynamo.batch_write_item(jsonb_build_object($1, jsonb_build_array(jsonb_build_object(''PutRequest'', jsonb_build_object(''Item'', $2)))))'),
('SELECT dynamo.batch_get_item(jsonb_build_object($1, jsonb_build_object(''Keys'', jsonb_build_array($2))))'),
('SELECT dynamo.transact_write_items(jsonb_build_array(jsonb_build_object(''Put'', jsonb_build_object(''TableName'', $1, ''Item'', $2))))'),
('SELECT dynamo.transact_get_items(jsonb_build_array(jsonb_build_object(''Get'', jsonb_build_object(''TableName'', $1, ''Key'', $2))))'),
('SELECT dynamo.marshall($2)'), ('SELECT dynamo.unmarshall($2)'),
('SELECT dynamo.eval_condition($2, $4, expression_attribute_values => $3)'),
('SELECT dynamo.apply_update($2, $4, expression_attribute_values => $3)'),
('SELECT dynamo.project($2, $4)'),
('SELECT dynamo.describe_table($1)'),
('SELECT dynamo.put_item(NULL, $2)'), ('SELECT dynamo.get_item($1, NULL)'), ('SELECT dynamo.update_item($1, $2, NULL)');

-- Run requests first .. first + count - 1 of a batch; record each failure
CREATE FUNCTION fuzz.run(seed integer, batch integer, count integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  s record;
  door text;
  op text;
  req jsonb;
  body text;
  stmt text;
  code text;
  msg text;
  exprs text[] := ARRAY['pk = :v', 'attribute_not_exists(pk)', 'SET a = :v', 'a, b[0], c.d', 'begins_with(pk, :v)',
    'size(a) > :v', 'REMOVE a', 'ADD n :v', 'pk = :v AND sk BETWEEN :v AND :v', 'a.b[1] = :v OR NOT c <> :v',
    'SET a = if_not_exists(a, :v) + :v', 'contains(a, :v)', 'attribute_type(a, :v)'];
BEGIN
  PERFORM setseed(((seed::bigint * 1000003 + batch) % 2000000000) / 2000000000.0);
  FOR n IN 1 .. count LOOP
    SELECT * INTO s FROM fuzz.seeds ORDER BY random() LIMIT 1;
    op := CASE WHEN fuzz.r(40) = 0 THEN fuzz.pick(ARRAY['Nope', '', 'getitem', 'GetItem ', 'Query']) ELSE s.operation END;
    req := CASE WHEN fuzz.r(3) = 0 THEN fuzz.mutate_mild(s.request) ELSE fuzz.mutate(s.request) END;
    door := fuzz.pick(ARRAY['execute', 'execute', 'execute', 'execute_text', 'ergonomic']);
    BEGIN
      IF door = 'execute' THEN
        body := req::text;
        PERFORM dynamo.execute(op, req);
      ELSIF door = 'execute_text' THEN
        body := fuzz.mutate_text(req::text);
        PERFORM dynamo.execute_text(op, body);
      ELSE
        SELECT statement INTO stmt FROM fuzz.ergonomic ORDER BY random() LIMIT 1;
        op := stmt;
        body := jsonb_build_array(req -> 'Item', req -> 'Key', req -> 'ExpressionAttributeValues')::text;
        EXECUTE stmt USING fuzz.pick(ARRAY['fz_s', 'fz_ns', 'fz_b', 'fz_none', 'x']),
          fuzz.plain(fuzz.mutate(coalesce(req -> 'Item', req -> 'Key', '{"pk": {"S": "a"}}'))),
          fuzz.plain(fuzz.mutate(coalesce(req -> 'ExpressionAttributeValues', '{":v": {"S": "a"}}'))),
          CASE WHEN fuzz.r(3) = 0 THEN fuzz.mutate_text(fuzz.pick(exprs)) ELSE fuzz.pick(exprs) END;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      -- a message must be text a client can read: valid UTF-8
      IF NOT fuzz.is_utf8(msg) THEN
        code := 'UTF-8';
        msg := encode(textsend(msg), 'escape');
      END IF;
      INSERT INTO fuzz.outcomes VALUES (batch, n, door, op, code, left(msg, 200),
        left(encode(textsend(body), 'escape'), 2000));
    END;
  END LOOP;
  RETURN count;
END $$;
