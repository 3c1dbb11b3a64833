-- wrk script of bench/http.sh: DynamoDB requests over HTTP, one operation
-- per run (OP = GetItem, PutItem or Query), keys drawn at random from the
-- benchmark's 1,000 partitions x 10 items.  The Authorization header is
-- well formed but not signed: pg_dynamo runs with http_auth = none here,
-- dynalite checks no signature.
local op = os.getenv("OP") or "GetItem"
local pad = string.rep("x", 80)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810." .. op
wrk.headers["X-Amz-Date"] = "20260101T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00"

-- Seed each thread differently
function setup(thread)
	thread:set("seed", math.random(1, 1000000))
end

function init(args)
	math.randomseed(seed or os.time())
end

-- One request body
function request()
	local p = math.random(0, 999)
	local s = math.random(0, 9)
	local body
	if op == "GetItem" then
		body = string.format('{"TableName":"Bench","Key":{"pk":{"S":"p%d"},"sk":{"N":"%d"}}}', p, s)
	elseif op == "PutItem" then
		body = string.format('{"TableName":"Bench","Item":{"pk":{"S":"p%d"},"sk":{"N":"%d"},"data":{"S":"%s"}}}', p, s, pad)
	else
		body = string.format('{"TableName":"Bench","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p%d"}}}', p)
	end
	return wrk.format(nil, "/", nil, body)
end
