#!/usr/bin/env bash
# Instructions per PutItem (or GetItem) in an HTTP worker, counted by callgrind:
# insensitive to the machine's load, so before/after figures of a change to
# the HTTP door or the write path compare even on a busy machine.
#
#   PG_DYNAMO_PGBIN=... bench/profile/http_callgrind.sh [REQUESTS] [durable|async] [PutItem|GetItem]
#
# Starts a throwaway instance with the library preloaded (one HTTP worker,
# http_auth = none, fsync on; synchronous_commit on or off), loads
# bench/http.sh's data (1,000 partitions x 10 items) through the endpoint,
# restarts the instance under valgrind, sends a warm-up of 50 PutItems,
# then REQUESTS (default 300) PutItems (or GetItems) of bench/http.sh's items over one
# keep-alive connection, each batch ended by a ListTables request: callgrind
# dumps its counts on entering ListTables (--dump-before), so the second
# dump holds exactly the timed requests.  Prints their instructions per
# request; HTTP_CALLGRIND_KEEP=FILE keeps the counts of those requests by
# function (for callgrind_annotate).  Needs valgrind, curl and
# python3-boto3; as root, runs the server as `postgres`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$(dirname "$here")")
n=${1:-300}
mode=${2:-durable}
op=${3:-PutItem}
PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
# shellcheck source=scripts/cluster.sh
. "$root/scripts/cluster.sh"
# shellcheck source=bench/http/lib.bash
. "$root/bench/http/lib.bash"

# n PutItem (or GetItem) requests, in order, over one keep-alive connection
put_items() {
	/usr/bin/python3 - "$port" "$1" "$op" <<'PY'
import http.client, random, sys
port, n, op = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
c = http.client.HTTPConnection("127.0.0.1", port)
h = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + op,
     "X-Amz-Date": "20260101T000000Z",
     "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/dynamodb/aws4_request, "
                      "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00"}
random.seed(7)
for i in range(n):
    if op == "GetItem":
        body = '{"TableName":"Bench","Key":{"pk":{"S":"p%d"},"sk":{"N":"%d"}}}' % (
            random.randint(0, 999), random.randint(0, 9))
    else:
        body = '{"TableName":"Bench","Item":{"pk":{"S":"p%d"},"sk":{"N":"%d"},"data":{"S":"%s"}}}' % (
            random.randint(0, 999), random.randint(0, 9), "x" * 80)
    c.request("POST", "/", body, h)
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit("http_callgrind: %s answered %d" % (op, r.status))
PY
}

# One ListTables request: callgrind dumps its counts as it starts
list_tables() {
	curl -s -o /dev/null -H 'Content-Type: application/x-amz-json-1.0' \
		-H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'X-Amz-Date: 20260101T000000Z' \
		-H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00' \
		-d '{}' "$endpoint/"
}

port=$(free_port)
endpoint=http://127.0.0.1:$port
sync=on
[ "$mode" = async ] && sync=off
bench_http_instance "$port" "fsync = on
synchronous_commit = $sync
full_page_writes = on
pg_dynamo.http_workers = 1" >/dev/null
trap 'pgd_stop' EXIT
psql=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At)
wait_http "$endpoint" 240
/usr/bin/python3 "$root/bench/http/load.py" "$endpoint" >/dev/null
"${psql[@]}" -c 'VACUUM ANALYZE dynamo_data."Bench"'

# The same instance again, under valgrind
pgd_as_owner "$PGBIN/pg_ctl" -D "$PGD_DIR/data" -m fast -w stop >/dev/null
out=$PGD_DIR/callgrind
mkdir -p "$out"
[ "$(id -u)" -eq 0 ] && chown postgres "$out"
pgd_as_owner valgrind --tool=callgrind --trace-children=yes --dump-before=dynamo_list_tables \
	--callgrind-out-file="$out/cg.%p" "$PGBIN/postgres" -D "$PGD_DIR/data" >"$PGD_DIR/valgrind.log" 2>&1 &
wait_http "$endpoint" 240
put_items 50
worker=$("${psql[@]}" -c "SELECT pid FROM pg_stat_activity WHERE backend_type LIKE 'pg_dynamo http%'")
list_tables
put_items "$n"
list_tables
sleep 1
total=$(awk '/^totals:/ { print $2 }' "$out/cg.$worker.2")
echo "$op over HTTP ($mode commit): $((total / n)) instructions per request in the worker (callgrind, $n requests)"
if [ -n "${HTTP_CALLGRIND_KEEP:-}" ]; then
	cp "$out/cg.$worker.2" "$HTTP_CALLGRIND_KEEP"
	[ "$(id -u)" -eq 0 ] && chmod a+r "$HTTP_CALLGRIND_KEEP"
fi
pgd_as_owner "$PGBIN/pg_ctl" -D "$PGD_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
