\set p random(1, 200)
\set s random(1, 100)
SELECT dynamo.execute('ExecuteStatement', format('{"Statement": "SELECT * FROM \"Bench\" WHERE pk = ? AND sk = ?", "Parameters": [{"S": "user#%s"}, {"N": "%s"}]}', :p::int, :s::int)::jsonb);
