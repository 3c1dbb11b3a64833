#!/usr/bin/env bash
# `make demo`: build and install pg_dynamo, start a throwaway PostgreSQL 15
# instance that stays up afterwards, create the database `demo` with the
# extension, and run the walk-through examples/demo.sql in it, printing every
# statement and its result. Ends with how to connect to the instance and how
# to stop it.
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
		Stop it:
		    ${as_owner}$PGD_BIN/pg_ctl -D $PGD_DIR/data stop
		or stop it and delete its folder:
		    scripts/cluster.sh stop $PGD_DIR
	EOF
}

pgd_start keep
trap instance_help EXIT   # also after a failure: the instance stays up

psql=("$PGD_BIN/psql" -X -q -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c 'CREATE DATABASE demo'
export PGDATABASE=demo
"${psql[@]}" -c 'CREATE EXTENSION pg_dynamo'

echo
"${psql[@]}" -e -P pager=off -f examples/demo.sql
