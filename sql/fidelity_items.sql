--
-- fidelity_items: the item operations check their requests in DynamoDB's
-- order, with its messages: Booleans read from strings, numbers read
-- before the types are counted, ExpressionAttributeValues naming the
-- placeholder of an invalid value, the item size before the table, and an
-- update expression's checks in the order DynamoDB makes them.
--

\i sql/include/execute.sql

SELECT dynamo.create_table('FiH', 'Id') IS NOT NULL AS created;

-- Booleans: the strings true/yes/1 and false/no/0 are read as Booleans,
-- any other string is refused by the parser
SELECT pg_temp.try('PutItem', '{"TableName":"FiH","Item":{"Id":{"S":"b"},"t":{"BOOL":"yes"},"f":{"BOOL":"0"},"n":{"NULL":"1"},"m":{"NULL":"TRUE"}}}');
SELECT pg_temp.try('GetItem', '{"TableName":"FiH","Key":{"Id":{"S":"b"}},"ConsistentRead":"true"}');
SELECT pg_temp.try('PutItem', '{"TableName":"FiH","Item":{"Id":{"S":"b"},"n":{"NULL":"no"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"FiH","Item":{"Id":{"S":"b"},"n":{"BOOL":"23"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"FiH","Item":{"Id":{"S":"b"},"n":{"BOOL":"maybe"}}}');

-- numbers are read before the types are counted
SELECT pg_temp.try('PutItem', '{"TableName":"nope","Item":{"a":{"S":"","N":""}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"nope","Item":{"a":{"S":"a","N":"b"}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"nope","Item":{"a":{"S":"a","NS":["1","x"]}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"nope","Item":{"a":{"S":"a","N":"1"}}}');
SELECT pg_temp.try('GetItem', '{"TableName":"nope","Key":{"a":{"NULL":"no"}}}');

-- ExpressionAttributeValues: the placeholders' syntax first, then each
-- value, its error naming the placeholder
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"a":""},"b":{"S":"a"}},"UpdateExpression":""}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"L":[{}]}},"UpdateExpression":""}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"NULL":"no"}},"ConditionExpression":""}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"SS":["a","a"]}},"ConditionExpression":""}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"S":"a","N":"b"}},"ConditionExpression":""}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":a":{"S":"a"},":b":{"S":"a","N":"1"}},"ConditionExpression":""}');
-- a serialization error is not reworded
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ExpressionAttributeValues":{":b":{"S":1}},"ConditionExpression":""}');

-- an item over 400 KB is refused before the table is looked up, and
-- before its Expected is read; one of exactly 400 KB reaches the table
SELECT pg_temp.try('PutItem', format('{"TableName":"nope","Item":{"a":{"S":"k"},"b":{"S":"%s"}},"Expected":{"a":{}}}',
                                     repeat('x', 409600))::jsonb);
SELECT pg_temp.try('PutItem', format('{"TableName":"nope","Item":{"a":{"S":"k"},"b":{"S":"%s"}}}',
                                     repeat('x', 409597))::jsonb);

-- an empty key value: a Key's message differs from an Item's
SELECT pg_temp.try('GetItem', '{"TableName":"FiH","Key":{"Id":{"S":""}}}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"FiH","Key":{"Id":{"S":""}}}');
SELECT pg_temp.try('PutItem', '{"TableName":"FiH","Item":{"Id":{"S":""}}}');

-- BatchGetItem: a key given twice (numbers compared by value) before the table
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{"nope":{"Keys":[{"a":{"S":"x"},"b":{"N":"1"}},{"b":{"N":"1.0"},"a":{"S":"x"}}]}}}');
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{"nope":{"Keys":[{"a":{"S":"x"}},{"a":{"S":"y"}}]}}}');

-- RequestItems' constraints reported with the request's others
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{"a":{}},"ReturnConsumedCapacity":"hi"}');
SELECT pg_temp.try('BatchGetItem', '{"RequestItems":{"a":{"Keys":[]}}}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{"a":[]},"ReturnConsumedCapacity":"hi","ReturnItemCollectionMetrics":"hi"}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{"aa;":[{"PutRequest":{},"DeleteRequest":{}}]},"ReturnConsumedCapacity":"hi"}');
SELECT pg_temp.try('BatchWriteItem', '{"RequestItems":{}}');
-- the SQL functions check the same
SELECT dynamo.batch_write_item('{"ab":[{"PutRequest":{}}]}');

-- an update expression: reserved words and function names before a
-- repeated section
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":" set #c = :c set abOrt = true "}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set #c = if_not_exist(:c) set c = d"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set a = #c set c = :d"}');
-- undefined placeholders before a function's operands
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"SET #c = if_not_exists(:c)","ExpressionAttributeNames":{"#a":"a"}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"SET #a = if_not_exists(:c)","ExpressionAttributeNames":{"#a":"a"}}');
-- overlapping paths before conflicting ones, both before a function's operands
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)","ExpressionAttributeNames":{"#c":"c"}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set #c[3].#d = a, #c.#d[3] = if_not_exists(a)","ExpressionAttributeNames":{"#c":"c","#d":"[3]"}}');
-- ADD's operand before list_append's and if_not_exists' checks
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set b = list_append(:a, a), c = if_not_exists(a) add a.b :a","ExpressionAttributeValues":{":a":{"S":"a"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set b = list_append(:a, a), c = if_not_exists(a)","ExpressionAttributeValues":{":a":{"S":"a"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set a = if_not_exists(c)"}');
-- the same text again (from the cache) gives the same answers
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"SET #c = if_not_exists(:c)","ExpressionAttributeNames":{"#a":"a"}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"UpdateExpression":"set a = if_not_exists(c)"}');

-- a projection's overlaps before its conflicts
SELECT pg_temp.try('GetItem', '{"TableName":"nope","Key":{},"ProjectionExpression":"b[1], b.a, a.b, a"}');

-- parentheses around a SET value and its operands
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiH","Key":{"Id":{"S":"p"}},"UpdateExpression":"set b = :b, c = :c","ExpressionAttributeValues":{":b":{"M":{"a":{"N":"1"},"b":{"N":"2"}}},":c":{"L":[{"N":"1"},{"N":"3"}]}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiH","Key":{"Id":{"S":"p"}},"UpdateExpression":"set b.c=((c[1])+(b.a)), b.d = (:n), b.e = (b.a) - :n","ExpressionAttributeValues":{":n":{"N":"5"}},"ReturnValues":"UPDATED_NEW"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiH","Key":{"Id":{"S":"p"}},"UpdateExpression":"set b.c = ((:n))","ExpressionAttributeValues":{":n":{"N":"5"}}}');

-- an updated item over 400 KB has a message of its own
SELECT pg_temp.try('UpdateItem', format('{"TableName":"FiH","Key":{"Id":{"S":"big"}},"AttributeUpdates":{"b":{"Action":"PUT","Value":{"S":"%s"}}}}',
                                        repeat('x', 409600))::jsonb);

-- the parameters mixed: UpdateItem names its UpdateExpression first;
-- AttributeUpdates are read before Expected
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{"a":{}},"Expected":{"a":{}},"AttributeUpdates":{},"ConditionExpression":"","UpdateExpression":""}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"nope","Key":{},"Expected":{"a":{}},"AttributeUpdates":{"a":{"x":"whatever"}}}');

-- BETWEEN's bounds quoted as DynamoDB quotes them
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ConditionExpression":"a between :b and :a","ExpressionAttributeValues":{":a":{"S":"a"},":b":{"N":"1"}}}');
SELECT pg_temp.try('DeleteItem', '{"TableName":"nope","Key":{},"ConditionExpression":"a between :b and :a","ExpressionAttributeValues":{":a":{"S":"a"},":b":{"S":"b"}}}');

-- secondary index keys (c: S in an LSI and a GSI, d: S in an LSI)
SELECT pg_temp.try('CreateTable', '{"TableName":"FiIdx","BillingMode":"PAY_PER_REQUEST",
  "AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"S"},
                          {"AttributeName":"c","AttributeType":"S"},{"AttributeName":"d","AttributeType":"S"}],
  "KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"}],
  "LocalSecondaryIndexes":[{"IndexName":"index1","KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"c","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},
                           {"IndexName":"index2","KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"d","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "GlobalSecondaryIndexes":[{"IndexName":"index3","KeySchema":[{"AttributeName":"c","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}') LIKE '{"TableDescription"%' AS created;
-- the table's keys first
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set d[1] = :a add b.b :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"AttributeUpdates":{"d":{"Value":{"N":"1"}},"b":{"Value":{"S":"x"}}}}');
-- then a type the request decides written to an index key
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"AttributeUpdates":{"d":{"Value":{"N":"1"}},"c":{"Value":{"N":"2"}}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set d.a = a add c :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set e = c[1], c = a + :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set d = list_append(:l, :l)","ExpressionAttributeValues":{":l":{"L":[]}}}');
-- then a path into an index key, written or read
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"add d.b :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set d[1] = :a","ExpressionAttributeValues":{":a":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set e = list_append(a, b), f = d[1]"}');
-- a type only the item decides: DynamoDB's message names no attribute
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set e = :n","ExpressionAttributeValues":{":n":{"N":"1"}}}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set c = e"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set d = if_not_exists(d, e)"}');
SELECT pg_temp.try('UpdateItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"UpdateExpression":"set c = :s, d = :s","ExpressionAttributeValues":{":s":{"S":"ok"}},"ReturnValues":"ALL_NEW"}');
-- GetItem's projection cannot reach into a key of the table or an index
SELECT pg_temp.try('GetItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"ProjectionExpression":"#a.b.c","ExpressionAttributeNames":{"#a":"a"}}');
SELECT pg_temp.try('GetItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"ProjectionExpression":"e, b[0]"}');
SELECT pg_temp.try('GetItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"ProjectionExpression":"#d[0]","ExpressionAttributeNames":{"#d":"d"}}');
SELECT pg_temp.try('GetItem', '{"TableName":"FiIdx","Key":{"a":{"S":"1"},"b":{"S":"1"}},"ProjectionExpression":"a, c, e"}');

-- the PartiQL batches are deserialized whole before their constraints
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":[],"ReturnConsumedCapacity":5}');
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":{"a":1}}');
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":[5]}');
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":[{"Statement":"SELECT * FROM FiH","Parameters":[{"S":1}]}]}');
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":[{"Statement":"SELECT * FROM FiH","ConsistentRead":"23"}]}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[{"Statement":"SELECT * FROM FiH","Parameters":{}}]}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[],"ClientRequestToken":5}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[{"Statement":true}]}');

SELECT dynamo.delete_table('FiIdx') IS NOT NULL AS dropped;
SELECT dynamo.delete_table('FiH') IS NOT NULL AS dropped;
