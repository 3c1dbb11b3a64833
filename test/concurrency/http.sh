#!/usr/bin/env bash
# The HTTP door: a second throwaway instance with pg_dynamo preloaded and an
# HTTP port, two workers; the AWS CLI, boto3 and the AWS SDK for JavaScript
# against it (test/http/), then CORS, 413, a SIGHUP reload and workers
# killed with pg_terminate_backend.
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd -P)
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"

# Wait until a command succeeds (at most about 30 s)
eventually() {
	for _ in $(seq 60); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	"$@"
}

http_port=$(free_port)
ENDPOINT=http://127.0.0.1:$http_port
export ENDPOINT
# DynamoDB serves bodies of a JSON type only (404 otherwise)
amz_json='Content-Type: application/x-amz-json-1.0'
# our own instance, never the suite's (its folder and port are chosen anew);
# synchronous_commit on, so responses wait for the flush (group commit)
PG_DYNAMO_DIR='' PG_DYNAMO_PORT='' PG_DYNAMO_CONF="shared_preload_libraries = 'pg_dynamo'
synchronous_commit = on
pg_dynamo.http_port = $http_port
pg_dynamo.http_workers = 2
pg_dynamo.http_allowed_origins = 'http://app.example'" pgd_start
eventually curl -sf "$ENDPOINT/"
expect "GET / health line names the host asked" "$(curl -sf "$ENDPOINT/")" "healthy: 127.0.0.1:$http_port "
expect "GET of another path: 404" "$(curl -s -o /dev/null -w '%{http_code}' "$ENDPOINT/index.htm")" 404

# Roles and keys: app may create tables; nogrant has no privileges
keys=$(psql_q -F ' ' <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_dynamo;
CREATE ROLE app;
CREATE ROLE nogrant;
GRANT CREATE ON SCHEMA dynamo_data TO app;
GRANT INSERT, UPDATE, DELETE ON dynamo.tables, dynamo.table_settings, dynamo.tags, dynamo.indexes TO app;
-- an item table whose trigger raises: an unexpected error for the engine
SELECT dynamo.create_table('HttpBoom', 'Id') IS NULL;
CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'boom'; END$$;
CREATE TRIGGER boom BEFORE INSERT ON dynamo_data."HttpBoom" FOR EACH ROW EXECUTE FUNCTION boom();
GRANT ALL ON dynamo_data."HttpBoom" TO app;
SELECT * FROM dynamo.create_access_key('app');
SELECT * FROM dynamo.create_access_key('nogrant');
SELECT * FROM dynamo.create_access_key('postgres');
SQL
)
read -r APP_KEY APP_SECRET NOGRANT_KEY NOGRANT_SECRET SUPER_KEY SUPER_SECRET <<<"$(echo $keys | cut -d' ' -f2-)"
export APP_KEY APP_SECRET NOGRANT_KEY NOGRANT_SECRET SUPER_KEY SUPER_SECRET
expect "keys listed without secrets" "$(psql_q -c "SELECT count(*) FROM dynamo.access_keys")" 3

echo "--- AWS CLI"
AWS_ACCESS_KEY_ID=$APP_KEY AWS_SECRET_ACCESS_KEY=$APP_SECRET "$root/test/http/cli.sh"
echo "--- boto3"
/usr/bin/python3 "$root/test/http/boto.py"
echo "--- AWS SDK for JavaScript v3"
node "$root/test/http/node/sdk.mjs"

# The usage figures count the clients' requests under their access key
expect "usage figures under the app's access key" "$(psql_q -c "SELECT count(*) > 0 AND bool_and(counted = 'server')
	FROM dynamo.usage WHERE access_key = '$APP_KEY' AND operation IN ('PutItem', 'GetItem')")" t
# The workers report their statistics while they run (autovacuum needs them)
stats_reported() {
	[ "$(psql_q -c "SELECT n_tup_ins > 0 FROM pg_stat_user_tables WHERE relid = 'dynamo_data.\"CliUsers\"'::regclass")" = t ]
}
eventually stats_reported
echo "ok: the workers' writes are counted in pg_stat_user_tables"
psql_q -c "SELECT dynamo.create_table('HttpUsageSql', 'Id')" \
	-c "SELECT dynamo.put_item('HttpUsageSql', '{\"Id\":\"x\"}')" >/dev/null
expect "no access key on figures of SQL calls" "$(psql_q -c "SELECT count(*) FROM dynamo.usage
	WHERE table_name = 'HttpUsageSql' AND operation = 'PutItem' AND access_key IS NULL")" 1

echo "--- protocol"
expect "CORS preflight" "$(curl -s -X OPTIONS -H 'Origin: http://app.example' \
	-H 'Access-Control-Request-Method: POST' -D - -o /dev/null "$ENDPOINT/" |
	grep -i '^Access-Control-Allow-Origin:' | tr -d '\r')" "Access-Control-Allow-Origin: http://app.example"
expect "CORS: other origins get no header" "$(curl -s -X OPTIONS -H 'Origin: http://evil.example' \
	-D - -o /dev/null "$ENDPOINT/" | grep -ci '^Access-Control-Allow-Origin:' || true)" 0
expect "body over 16 MB" "$(head -c 16777300 /dev/zero | curl -s -o /dev/null -w '%{http_code}' \
	-H 'X-Amz-Target: DynamoDB_20120810.ListTables' --data-binary @- "$ENDPOINT/")" 413
# read to its end first (curl would fail writing to a closed connection), sent in chunks
expect "body over 16 MB: read, then a chunked 413" "$(head -c 16777300 /dev/zero | curl -sS -D - -o /dev/null \
	-H 'X-Amz-Target: DynamoDB_20120810.ListTables' --data-binary @- "$ENDPOINT/" 2>&1 |
	tr -d '\r' | grep -E '^(HTTP/1.1 4|Transfer-Encoding|curl)' | tr '\n' ' ')" \
	"HTTP/1.1 413 Content Too Large Transfer-Encoding: chunked "
# DynamoDB's order before an operation runs: a JSON body, a known target, then the signature
ask() {
	curl -s "$@" | tr -d '\r'
}
expect "PUT: 404, DynamoDB's body" "$(ask -X PUT -w '%{http_code}' "$ENDPOINT/" | tr '\n' ' ')" "<UnknownOperationException/> 404"
expect "OPTIONS without an Origin: 404" "$(ask -X OPTIONS -o /dev/null -w '%{http_code}' "$ENDPOINT/")" 404
expect "a body of no JSON type: 404" "$(ask -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-amz-json-1.1' \
	-H 'X-Amz-Target: DynamoDB_20120810.ListTables' -d '{}' "$ENDPOINT/")" 404
expect "malformed JSON before an unknown target" "$(ask -H 'Content-Type: application/json; charset=utf-8' -d 'hi' "$ENDPOINT/")" \
	'{"__type":"com.amazon.coral.service#SerializationException"}'
expect "malformed JSON before a missing signature" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -d '{' "$ENDPOINT/")" \
	'{"__type":"com.amazon.coral.service#SerializationException"}'
expect "JSON nested too deep before an unknown target" "$(head -c 300000 /dev/zero | tr '\0' '[' |
	ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.Nothing' --data-binary @- "$ENDPOINT/")" \
	'{"__type":"com.amazon.coral.service#SerializationException"}'
expect "JSON nested too deep before a missing signature" "$(head -c 300000 /dev/zero | tr '\0' '[' |
	ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' --data-binary @- "$ENDPOINT/")" \
	'{"__type":"com.amazon.coral.service#SerializationException"}'
expect "an unknown operation before a missing signature" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTable' -d '{}' "$ENDPOINT/")" \
	'{"__type":"com.amazon.coral.service#UnknownOperationException"}'
expect "answered as application/json without a Content-Type" "$(ask -D - -o /dev/null "$ENDPOINT/" -X POST | grep -i '^Content-Type:')" \
	"Content-Type: application/json"
expect "no AWS4- scheme: no token" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Authorization: AWS4' -d '{}' "$ENDPOINT/" |
	grep -o MissingAuthenticationTokenException)" MissingAuthenticationTokenException
expect "the missing parts of an Authorization header" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Date: a' \
	-H 'Authorization: AWS4- Signature=b, Credential=a' -d '{}' "$ENDPOINT/")" \
	"{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\"Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a\"}"
expect "an unreadable date" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 2026' \
	-H 'Authorization: AWS4-HMAC-SHA256 Signature=b, Credential=a, SignedHeaders=host' -d '{}' "$ENDPOINT/" | grep -o "ISO-8601 'basic format'. Got '2026'")" \
	"ISO-8601 'basic format'. Got '2026'"
expect "query-string signature and Authorization header" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Authorization: X' \
	-d '{}' "$ENDPOINT/?X-Amz-Algorithm" | grep -o "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")" \
	"Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."
expect "the missing query-string parameters" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -d '{}' \
	"$ENDPOINT/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d" | grep -o '"message":.*')" \
	"\"message\":\"AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.\"}"
# the clock before the Credential's scope, as AWS checks them
expect "an expired signature, before its scope" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
	-H 'X-Amz-Date: 20170101T010101Z' -H 'Authorization: AWS4-HMAC-SHA256 Credential=k/2/3/4/aws4_request SignedHeaders=host Signature=1' \
	-d '{}' "$ENDPOINT/" | grep -o 'InvalidSignatureException","message":"Signature expired: 20170101T010101Z is now earlier than')" \
	'InvalidSignatureException","message":"Signature expired: 20170101T010101Z is now earlier than'
expect "a signature from the future, before its scope" "$(ask -H "$amz_json" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
	-H 'X-Amz-Date: 30200101T010101Z' -H 'Authorization: AWS4-HMAC-SHA256 Credential=k/2/3/4/aws4_request SignedHeaders=host Signature=1' \
	-d '{}' "$ENDPOINT/" | grep -o 'InvalidSignatureException","message":"Signature not yet current: 30200101T010101Z is still later than')" \
	'InvalidSignatureException","message":"Signature not yet current: 30200101T010101Z is still later than'
expect "request line over 16 KB" "$(curl -s -o /dev/null -w '%{http_code}' "$ENDPOINT/$(head -c 17000 /dev/zero | tr '\0' x)")" 400
expect "headers over 16 KB" "$(curl -s -o /dev/null -w '%{http_code}' -H "X-One: $(head -c 8200 /dev/zero | tr '\0' x)" \
	-H "X-Two: $(head -c 8200 /dev/zero | tr '\0' y)" "$ENDPOINT/")" 400

# Superuser keys: refused, until a reload (SIGHUP) allows them
superuser_lists() {
	/usr/bin/python3 -c 'import boto3, os; boto3.client("dynamodb", endpoint_url=os.environ["ENDPOINT"],
region_name="us-east-1", aws_access_key_id=os.environ["SUPER_KEY"],
aws_secret_access_key=os.environ["SUPER_SECRET"]).list_tables()'
}
psql_q -c "ALTER SYSTEM SET pg_dynamo.http_allow_superuser = on" -c "SELECT pg_reload_conf()" >/dev/null
eventually superuser_lists
echo "ok: superuser key served after SIGHUP with http_allow_superuser = on"

# Development mode: any well-formed signature, run as http_role
fake_auth='Authorization: AWS4-HMAC-SHA256 Credential=AKIDANY/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00'
unsigned_lists() {
	curl -sf -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 20260101T000000Z' \
		-H "$fake_auth" -H "$amz_json" -d '{}' "$ENDPOINT/" | grep -q CliUsers
}
psql_q -c "ALTER SYSTEM SET pg_dynamo.http_auth = none" -c "ALTER SYSTEM SET pg_dynamo.http_role = app" \
	-c "SELECT pg_reload_conf()" >/dev/null
eventually unsigned_lists
echo "ok: http_auth = none serves an unchecked signature"
expect "a request sent as application/json is answered so" "$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" -H "$amz_json" -d '{}' "$ENDPOINT/" |
	tr -d '\r' | grep -i '^Content-Type:')" "Content-Type: application/json"
expect "an empty service in the Credential scope is refused" "$(curl -s -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 20260101T000000Z' \
	-H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDANY/20260101/us-east-1//aws4_request, SignedHeaders=host, Signature=00' \
	-H "$amz_json" -d '{}' "$ENDPOINT/" | grep -o "scoped to correct service: 'dynamodb'")" "scoped to correct service: 'dynamodb'"
expect "DescribeEndpoints names the Host asked" "$(curl -s -H 'X-Amz-Target: DynamoDB_20120810.DescribeEndpoints' -H 'X-Amz-Date: 20260101T000000Z' \
	-H "$fake_auth" -H "$amz_json" -d '{}' "$ENDPOINT/")" "{\"Endpoints\":[{\"Address\":\"127.0.0.1:$http_port\",\"CachePeriodInMinutes\":1440}]}"
expect "TagResource answers an empty body" "$(curl -s -w '%{http_code}' -H 'X-Amz-Target: DynamoDB_20120810.TagResource' -H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" -H "$amz_json" \
	-d '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/HttpBoom", "Tags": [{"Key": "k", "Value": "v"}]}' "$ENDPOINT/")" 200
expect "Server header, as DynamoDB's" "$(curl -s -D - -o /dev/null "$ENDPOINT/" | tr -d '\r' | grep -i '^Server:')" "Server: Server"
# CreationDateTime is the request's time (a worker's transactions take each request's start)
sleep 1.2
before=$(date +%s)
expect "CreationDateTime of an HTTP CreateTable is not before the request" "$(curl -s -H 'X-Amz-Target: DynamoDB_20120810.CreateTable' \
	-H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" -H "$amz_json" -d '{"TableName": "HttpClock", "BillingMode": "PAY_PER_REQUEST",
	"KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}]}' \
	"$ENDPOINT/" | /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['TableDescription']['CreationDateTime'] >= $before - 1)")" True
# Responses are compact JSON, as DynamoDB's: no space after ':' or ',' but in strings
dynamo_call() {
	curl -s -H "X-Amz-Target: DynamoDB_20120810.$1" -H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" -H "$amz_json" -d "$2" "$ENDPOINT/"
}
dynamo_call PutItem '{"TableName": "HttpClock", "Item": {"Id": {"S": "a: b, c"}, "n": {"N": "1"}}}' >/dev/null
expect "compact JSON responses" "$(dynamo_call GetItem '{"TableName": "HttpClock", "Key": {"Id": {"S": "a: b, c"}}}')" \
	'{"Item":{"n":{"N":"1"},"Id":{"S":"a: b, c"}}}'
expect "compact JSON in an error's item" "$(dynamo_call PutItem '{"TableName": "HttpClock", "Item": {"Id": {"S": "a: b, c"}},
	"ConditionExpression": "attribute_not_exists(Id)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}')" \
	'{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"n":{"N":"1"},"Id":{"S":"a: b, c"}}}'
# Responses of 4 KB or more compressed as Accept-Encoding asks, read as DynamoDB reads it
big=$(head -c 5000 /dev/zero | tr '\0' x)
dynamo_call PutItem "{\"TableName\": \"HttpClock\", \"Item\": {\"Id\": {\"S\": \"big\"}, \"x\": {\"S\": \"$big\"}}}" >/dev/null
encoded_as() {
	curl -s -D - -o /dev/null -H 'X-Amz-Target: DynamoDB_20120810.GetItem' -H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" \
		-H "$amz_json" -H "Accept-Encoding: $1" -d "{\"TableName\": \"HttpClock\", \"Key\": {\"Id\": {\"S\": \"$2\"}}}" "$ENDPOINT/" |
		tr -d '\r' | grep -i '^Content-Encoding:' || echo none
}
expect "Accept-Encoding: the first coding of the highest quality" "$(encoded_as 'br, identity, deflate, gzip' big)" "Content-Encoding: deflate"
expect "Accept-Encoding: q=0 refuses, a parameter 'q =' is none" "$(encoded_as 'br, gzip;q=0, deflate; q = 0.5 , identity;q=0' big)" \
	"Content-Encoding: deflate"
expect "Accept-Encoding: a coding named beats the same quality by '*'" "$(encoded_as '*, deflate' big)" "Content-Encoding: deflate"
expect "Accept-Encoding: a quality not a number counts as 1" "$(encoded_as 'deflate;q=0.5,gzip;q=0.x' big)" "Content-Encoding: gzip"
expect "Accept-Encoding: x-gzip, identity: not compressed" "$(encoded_as 'x-gzip, identity' big)" none
expect "Accept-Encoding: '*;q=0': not compressed" "$(encoded_as '*;q=0' big)" none
expect "a response under 4 KB: not compressed" "$(encoded_as gzip 'a: b, c')" none
expect "a gzip response inflates to the item" "$(curl -s --compressed -H 'X-Amz-Target: DynamoDB_20120810.GetItem' \
	-H 'X-Amz-Date: 20260101T000000Z' -H "$fake_auth" -H "$amz_json" -H 'Accept-Encoding: gzip' \
	-d '{"TableName": "HttpClock", "Key": {"Id": {"S": "big"}}}' "$ENDPOINT/" |
	/usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["Item"]["x"]["S"]))')" 5000
expect "POST to another path: 404" "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 20260101T000000Z' \
	-H "$fake_auth" -H "$amz_json" -d '{}' "$ENDPOINT/garbage")" 404
expect "http_auth = none still needs an Authorization header" "$(curl -s \
	-H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H "$amz_json" -d '{}' "$ENDPOINT/" | grep -o MissingAuthenticationTokenException)" \
	MissingAuthenticationTokenException

# CORS for any origin (*, the default), as DynamoDB answers
psql_q -c "ALTER SYSTEM SET pg_dynamo.http_allowed_origins = '*'" -c "SELECT pg_reload_conf()" >/dev/null
cors_any() {
	curl -s -X OPTIONS -H 'Origin: http://other.example' -H 'Access-Control-Request-Method: PUT' -D - -o /dev/null "$ENDPOINT/" |
		tr -d '\r' | grep -i '^Access-Control-Allow-\(Origin\|Methods\):' | sort | tr '\n' ' '
}
cors_any_ready() {
	cors_any | grep -q 'Origin: [*]'
}
eventually cors_any_ready
expect "CORS default: any origin, the requested method" "$(cors_any)" "Access-Control-Allow-Methods: PUT Access-Control-Allow-Origin: * "

# Workers killed: restarted by the postmaster, requests served again
before=$(psql_q -c "SELECT string_agg(pid::text, ',' ORDER BY pid) FROM pg_stat_activity WHERE backend_type = 'pg_dynamo http'")
expect "terminated workers" "$(psql_q -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'pg_dynamo http'")" 2
eventually superuser_lists
echo "ok: served after pg_terminate_backend"
workers_back() {
	[ "$(psql_q -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_dynamo http' AND pid <> ALL ('{$before}'::int[])")" = 2 ]
}
eventually workers_back
echo "ok: both workers restarted"
