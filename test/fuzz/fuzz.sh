#!/usr/bin/env bash
# Fuzz pg_dynamo: mutated and random requests to execute(), execute_text()
# and the ergonomic functions (test/fuzz/fuzz.sql), in batches; fails on a
# backend crash, a hang, XX000, or a SQLSTATE outside class DY that is not
# on the documented list below.
#
#   test/fuzz/fuzz.sh            against the instance of PGHOST PGPORT PGUSER
#                                PGDATABASE (a database with pg_dynamo)
#   make fuzz                    builds, installs and starts a throwaway
#                                instance first (scripts/fuzz.sh)
#
# Environment: FUZZ_SEED (default 1), FUZZ_REQUESTS (default 100000),
# FUZZ_BATCH (requests per transaction, default 500), FUZZ_TIMEOUT (seconds
# a batch may take before it counts as a hang, default 300).  The same seed
# sends the same requests: a failure names its seed and batch, and
# FUZZ_SEED=s FUZZ_FIRST_BATCH=b FUZZ_REQUESTS=<batch size> replays it.
#
# SQLSTATEs a request may end with besides DynamoDB's (class DY): none; and
# every message must be valid UTF-8 (else the outcome counts as "UTF-8").
# Errors that say something about the server rather than the request
# (57014 query cancel or statement_timeout, 53200 out of memory, 42501
# permission denied) are allowed by ALLOWED but do not occur in a run as
# superuser without time limits.
set -euo pipefail

PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
seed=${FUZZ_SEED:-1}
requests=${FUZZ_REQUESTS:-100000}
batch=${FUZZ_BATCH:-500}
timeout=${FUZZ_TIMEOUT:-300}
first=${FUZZ_FIRST_BATCH:-1}
ALLOWED=${FUZZ_ALLOWED:-"57014 53200 42501"}

psql_q() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"
}

psql_q -f "$here/fuzz.sql" >/dev/null
psql_q >/dev/null <<'SQL'
SET client_min_messages = warning;
SELECT dynamo.delete_table(t) FROM unnest(ARRAY['fz_s', 'fz_ns', 'fz_b', 'fz_new']) AS t
WHERE t IN (SELECT table_name FROM dynamo.tables);
SELECT dynamo.create_table('fz_s', 'pk');
SELECT dynamo.create_table('fz_ns', 'pk', 'N', 'sk', 'S');
SELECT dynamo.create_table('fz_b', 'pk', 'B', 'sk', 'N');
SELECT dynamo.put_item('fz_s', '{"pk": "a", "n": 1, "l": ["x"], "m": {"b": {"$B": "AAE="}}, "ss": {"$SS": ["a", "b"]}}');
SELECT dynamo.put_item('fz_ns', '{"pk": 1, "sk": "a", "v": {"$NS": [1, 2]}}');
SELECT dynamo.put_item('fz_b', jsonb_build_object('pk', '{"$B": "AAE="}'::jsonb, 'sk', i)) FROM generate_series(1, 5) AS i;
SQL

batches=$(((requests + batch - 1) / batch))
echo "fuzz: seed $seed, $requests requests in $batches batches of $batch"
start=$SECONDS
for b in $(seq "$first" $((first + batches - 1))); do
	n=$batch
	[ $((b - first + 1)) -eq "$batches" ] && n=$((requests - (batches - 1) * batch))
	if ! out=$(psql_q -c "SET statement_timeout = '${timeout}s'" -c "SELECT fuzz.run($seed, $b, $n)" 2>&1); then
		if ! psql_q -c "SELECT 1" >/dev/null 2>&1 || grep -q 'server closed the connection' <<<"$out"; then
			echo "FAIL: the backend crashed in batch $b (seed $seed): $out"
		elif grep -q 'statement timeout' <<<"$out"; then
			echo "FAIL: batch $b (seed $seed) hung for ${timeout}s"
		else
			echo "FAIL: batch $b (seed $seed): $out"
		fi
		exit 1
	fi
done
echo "fuzz: $requests requests in $((SECONDS - start)) s"
psql_q -c "SELECT sqlstate, count(*) FROM fuzz.outcomes GROUP BY 1 ORDER BY 2 DESC" | sed 's/^/  /'
allowed_list=$(printf "'%s'," $ALLOWED)
bad=$(psql_q -c "SELECT count(*) FROM fuzz.outcomes
	WHERE sqlstate NOT LIKE 'DY%' AND sqlstate NOT IN (${allowed_list%,})")
if [ "$bad" -ne 0 ]; then
	echo "FAIL: $bad requests ended with a SQLSTATE outside class DY and the documented list:"
	psql_q -F ' | ' -c "SELECT DISTINCT ON (sqlstate, message) batch, n, door, operation, sqlstate, message, left(request, 300)
		FROM fuzz.outcomes WHERE sqlstate NOT LIKE 'DY%' AND sqlstate NOT IN (${allowed_list%,})
		ORDER BY sqlstate, message, batch, n LIMIT 30"
	exit 1
fi
echo "fuzz: ok ($requests requests, no crash, no hang, no raw error)"
