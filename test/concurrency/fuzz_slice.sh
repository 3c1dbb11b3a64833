#!/usr/bin/env bash
# fuzz_slice: a short fixed-seed slice of the fuzz harness (test/fuzz/fuzz.sh)
# for `make check-all`: FUZZ_REQUESTS (default 10,000) requests of seed 1.
# `make fuzz` runs the long one.
set -euo pipefail
. "$(dirname "$0")/lib.bash"
FUZZ_SEED=${FUZZ_SEED:-1} FUZZ_REQUESTS=${FUZZ_REQUESTS:-10000} PG_DYNAMO_PGBIN=$PGBIN \
	"$(dirname "$0")/../fuzz/fuzz.sh"
