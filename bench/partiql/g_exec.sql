\set p random(1, 200)
\set s random(1, 100)
SELECT dynamo.execute('GetItem', format('{"TableName": "Bench", "Key": {"pk": {"S": "user#%s"}, "sk": {"N": "%s"}}}', :p::int, :s::int)::jsonb);
