#!/usr/bin/env bash
# make bench: build, install, start a throwaway instance, run every
# benchmark in bench/*.sh against it, and stop it.
#
# The instance runs with PostgreSQL's default settings, durability included
# (scripts/cluster.sh turns fsync, synchronous_commit and full_page_writes
# off for tests; they are turned back on here).  BENCH_SETTINGS=fast keeps
# them off, to see the CPU cost of writes without the WAL flush.  Each
# benchmark prints the settings it ran with; see bench/compare.sh for its
# own settings (BENCH_QUICK=1 for a quick run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${BENCH_SETTINGS:-default} in
default)
	PG_DYNAMO_CONF="fsync = on
synchronous_commit = on
full_page_writes = on
${PG_DYNAMO_CONF:-}"
	export PG_DYNAMO_CONF
	;;
fast) ;;
*)
	echo "bench: BENCH_SETTINGS is default or fast" >&2
	exit 2
	;;
esac

scripts/install-deps.sh
. scripts/cluster.sh
pg_config=$PGD_BIN/pg_config
make -s --no-print-directory PG_CONFIG="$pg_config"
make -s --no-print-directory PG_CONFIG="$pg_config" install
pgd_start

for b in bench/*.sh; do
	echo
	echo "== $b"
	"$b"
done
