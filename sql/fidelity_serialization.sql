--
-- fidelity_serialization: DynamoDB deserializes a whole request before it
-- validates it, so a member of the wrong JSON kind anywhere answers
-- SerializationException, in today's wording, before any
-- ValidationException (a missing TableName, a bad enum, an empty list).
-- Every error below but the last is a SerializationException.
--

-- Type errors win over missing and invalid members
SELECT dynamo.execute('GetItem', '{"ExclusiveStartKey": "x", "Key": true}');
SELECT dynamo.execute('GetItem', '{"TableName": true}');
SELECT dynamo.execute('GetItem', '{"ReturnConsumedCapacity": "WRONG", "ConsistentRead": "23"}');
SELECT dynamo.execute('Query', '{"Limit": "23"}');
SELECT dynamo.execute('Query', '{"Limit": 0, "ScanIndexForward": 1}');
SELECT dynamo.execute('Scan', '{"TotalSegments": 1.5, "Segment": true}');
SELECT dynamo.execute('PutItem', '{"Item": []}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": 1}}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": []}}');
SELECT dynamo.execute('UpdateItem', '{"AttributeUpdates": {"a": "x"}}');
SELECT dynamo.execute('DeleteItem', '{"Expected": []}');
SELECT dynamo.execute('DeleteItem', '{"Expected": {"a": {"Exists": "maybe"}}}');
SELECT dynamo.execute('Query', '{"KeyConditions": {"a": {"AttributeValueList": [1]}}}');
SELECT dynamo.execute('Scan', '{"ExpressionAttributeNames": []}');
SELECT dynamo.execute('Scan', '{"AttributesToGet": [23]}');
-- Inside attribute values, before any validation of them
SELECT dynamo.execute('PutItem', '{"Item": {"a": {"S": 1}}}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": {"S": "x", "NS": ["1", 2]}}}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": {"B": "+/+="}}}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": {"BS": ["23456"]}}}');
SELECT dynamo.execute('PutItem', '{"Item": {"a": {"M": {"b": {"L": [3]}}}}}');
SELECT dynamo.execute('DeleteItem', '{"Expected": {"a": {"Value": 3}}}');
-- Nested members of the batch operations
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": []}');
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {"t": true}}');
SELECT dynamo.execute('BatchGetItem', '{"RequestItems": {"t": {"Keys": [1]}}}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"t": "x"}}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"t": [{"PutRequest": {"Item": {"a": 2}}}]}}');
SELECT dynamo.execute('BatchWriteItem', '{"RequestItems": {"t": [{"DeleteRequest": 2}]}}');
-- Table operations
SELECT dynamo.execute('CreateTable', '{"KeySchema": ["k"]}');
SELECT dynamo.execute('CreateTable', '{"ProvisionedThroughput": {"ReadCapacityUnits": "1"}}');
SELECT dynamo.execute('CreateTable', '{"ProvisionedThroughput": 5}');
SELECT dynamo.execute('CreateTable', '{"GlobalSecondaryIndexes": [{"Projection": {"NonKeyAttributes": [false]}}]}');
SELECT dynamo.execute('CreateTable', '{"Tags": [[]]}');
SELECT dynamo.execute('UpdateTable', '{"GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": {}}}]}');
SELECT dynamo.execute('ListTables', '{"Limit": "1", "ExclusiveStartTableName": ""}');
-- Transactions and PartiQL
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [{"Put": {"Item": {"a": {"N": 1}}}}]}');
SELECT dynamo.execute('TransactWriteItems', '{"TransactItems": [{"Update": "x"}]}');
SELECT dynamo.execute('TransactGetItems', '{"TransactItems": [{"Get": {"Key": {"a": []}}}]}');
SELECT dynamo.execute('ExecuteStatement', '{"Parameters": [{"S": true}]}');
-- Tags
SELECT dynamo.execute('TagResource', '{"ResourceArn": true, "Tags": []}');
SELECT dynamo.execute('UntagResource', '{"TagKeys": [1]}');
SELECT dynamo.execute('ListTagsOfResource', '{"ResourceArn": []}');
-- A well-typed request goes on to validation
SELECT dynamo.execute('GetItem', '{"Key": {"a": {"S": "x"}}}');
-- Two type errors in one structure: the first in the shape's order wins,
-- whatever the order of the members in the request
SELECT dynamo.execute('PutItem', '{"Item": 2, "TableName": 1}');
SELECT dynamo.execute('Query', '{"Limit": "y", "ConsistentRead": "x"}');
SELECT dynamo.execute('PutItem', '{"TableName": "abc", "Item": {"a": {"SS": 5, "NULL": "x"}}}');
SELECT dynamo.execute('UpdateItem', '{"AttributeUpdates": {"a": {"Value": {"S": 1}, "Action": 2}}, "Key": 3}');
