#!/usr/bin/env bash
# `make demo`: build and install pg_dynamo, start a throwaway PostgreSQL 15
# instance that stays up afterwards, create the database `demo` with the
# extension, and run the walk-through examples/demo.sql in it, printing every
# statement and its result. Ends with how to connect to the instance and how
# to stop it. The instance also serves DynamoDB's HTTP protocol (pg_dynamo
# preloaded, pg_dynamo.http_port set): the AWS CLI and the AWS SDK for
# JavaScript's DocumentClient put and get the same Users items, shown next
# to them in SQL.
#
# The instance lives in ${TMPDIR:-/tmp}/pg_dynamo.demo (or PG_DYNAMO_DIR);
# running the demo again replaces the previous demo instance. Other settings:
# see scripts/cluster.sh (PG_DYNAMO_PORT, PG_DYNAMO_CONF, PG_DYNAMO_PGBIN).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

scripts/install-deps.sh
export PG_DYNAMO_DIR=${PG_DYNAMO_DIR:-${TMPDIR:-/tmp}/pg_dynamo.demo}
# shellcheck source=scripts/cluster.sh
. scripts/cluster.sh

pg_config=$PGD_BIN/pg_config
make -s --no-print-directory PG_CONFIG="$pg_config"
make -s --no-print-directory PG_CONFIG="$pg_config" install

# Say where the instance is, how to connect and how to stop it
instance_help() {
	local as_owner=
	[ "$(id -u)" -ne 0 ] || as_owner="runuser -u postgres -- "
	cat <<-EOF

		The demo instance is running (PostgreSQL 15, port $PGPORT, socket in $PGD_DIR).
		Connect:
		    psql -h $PGD_DIR -p $PGPORT -U postgres -d demo
		DynamoDB's HTTP endpoint (access key of role demo_app: SELECT * FROM dynamo.create_access_key('demo_app')):
		    aws dynamodb --endpoint-url $endpoint list-tables
		Stop it:
		    ${as_owner}$PGD_BIN/pg_ctl -D $PGD_DIR/data stop
		or stop it and delete its folder:
		    scripts/cluster.sh stop $PGD_DIR
	EOF
}

# A free TCP port for the HTTP endpoint, from 8000
http_port=8000
while (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; do
	http_port=$((http_port + 1))
done
endpoint=http://127.0.0.1:$http_port
# the workers connect to `demo` once it exists (until then they retry)
PG_DYNAMO_CONF="shared_preload_libraries = 'pg_dynamo'
pg_dynamo.http_port = $http_port
pg_dynamo.http_database = 'demo'
${PG_DYNAMO_CONF:-}"
pgd_start keep
trap instance_help EXIT   # also after a failure: the instance stays up

psql=("$PGD_BIN/psql" -X -q -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c 'CREATE DATABASE demo'
export PGDATABASE=demo
"${psql[@]}" -c 'CREATE EXTENSION pg_dynamo'

echo
"${psql[@]}" -e -P pager=off -f examples/demo.sql

echo
echo "=== The HTTP endpoint: DynamoDB's wire protocol, served by PostgreSQL at $endpoint"
keys=$("${psql[@]}" -At -F ' ' <<-'SQL'
	CREATE ROLE demo_app;
	GRANT SELECT, INSERT, UPDATE, DELETE ON dynamo_data."Users" TO demo_app;
	SELECT * FROM dynamo.create_access_key('demo_app');
SQL
)
read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY <<<"$keys"
export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null ENDPOINT=$endpoint
echo "    access key $AWS_ACCESS_KEY_ID of role demo_app: SELECT * FROM dynamo.create_access_key('demo_app')"
for _ in $(seq 60); do
	curl -sf "$endpoint/" >/dev/null && break
	sleep 0.5
done
aws=(/usr/bin/aws dynamodb --endpoint-url "$endpoint")
echo "\$ aws dynamodb put-item --table-name Users --item '{\"UserId\":{\"S\":\"127\"},\"Name\":{\"S\":\"Erin\"},\"Age\":{\"N\":\"29\"}}'"
"${aws[@]}" put-item --table-name Users --item '{"UserId":{"S":"127"},"Name":{"S":"Erin"},"Age":{"N":"29"}}'
echo "\$ aws dynamodb get-item --table-name Users --key '{\"UserId\":{\"S\":\"123\"}}'"
"${aws[@]}" get-item --table-name Users --key '{"UserId":{"S":"123"}}'
echo "\$ node test/http/node/users_demo.mjs   # the SDK's DocumentClient: put Frank, get Erin"
node test/http/node/users_demo.mjs
echo
echo "The same rows in SQL:"
"${psql[@]}" -e -P pager=off -c "SELECT pk AS user_id, item->>'Name' AS name, (item->>'Age')::int AS age FROM dynamo_data.\"Users\" ORDER BY pk"
