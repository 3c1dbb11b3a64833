\set p random(1, 200)
SELECT dynamo.execute('ExecuteStatement', format('{"Statement": "SELECT * FROM \"Bench\" WHERE pk = ?", "Parameters": [{"S": "user#%s"}], "Limit": 100}', :p::int)::jsonb);
