\set p random(1, 200)
SELECT dynamo.execute('Query', format(E'{"TableName": "Bench", "KeyConditionExpression": "pk = \x3ap", "ExpressionAttributeValues": {"\x3ap": {"S": "user#%s"}}, "Limit": 100}', :p::int)::jsonb);
