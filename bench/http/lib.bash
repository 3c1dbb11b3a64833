# Shared by the HTTP benchmarks (bench/http.sh, bench/profile/http_callgrind.sh;
# sourced, not run, after scripts/cluster.sh): a free port, waiting for an
# endpoint, and the throwaway instance whose HTTP door they measure.

# A free TCP port in 20000-40000
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
	done
}

# Wait until the endpoint $1 answers GET /, trying $2 times (default 120)
# half a second apart
wait_http() {
	for _ in $(seq "${2:-120}"); do
		curl -s -o /dev/null "$1/" && return 0
		sleep 0.5
	done
	echo "bench: $1 does not answer" >&2
	return 1
}

# Start a throwaway instance (pgd_start) with the library preloaded, the
# HTTP door on port $1 without signatures (http_auth = none) under the role
# bench, and the postgresql.conf lines $2; create the extension and the role
bench_http_instance() {
	PG_DYNAMO_DIR='' PG_DYNAMO_PORT='' PG_DYNAMO_CONF="$2
shared_preload_libraries = 'pg_dynamo'
pg_dynamo.http_port = $1
pg_dynamo.http_auth = none
pg_dynamo.http_role = bench" pgd_start
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_dynamo;
CREATE ROLE bench;
GRANT CREATE ON SCHEMA dynamo_data TO bench;
-- CreateTable writes the catalog's tables (settings, tags, streams, ...)
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA dynamo TO bench;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA dynamo TO bench;
SQL
}
