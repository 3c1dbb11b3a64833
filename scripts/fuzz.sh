#!/usr/bin/env bash
# make fuzz: build, install, start a throwaway instance and fuzz it
# (test/fuzz/fuzz.sh; FUZZ_SEED, FUZZ_REQUESTS (default 100,000) and the
# other settings described there), then stop it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
. scripts/cluster.sh
pg_config=$PGD_BIN/pg_config
make -s --no-print-directory PG_CONFIG="$pg_config"
make -s --no-print-directory PG_CONFIG="$pg_config" install
pgd_start
"$PGD_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE pg_dynamo_fuzz"
"$PGD_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d pg_dynamo_fuzz -c "CREATE EXTENSION pg_dynamo"
PGDATABASE=pg_dynamo_fuzz PG_DYNAMO_PGBIN=$PGD_BIN test/fuzz/fuzz.sh
