#!/usr/bin/env bash
# make bench: build, install, start a throwaway instance, run every
# benchmark in bench/*.sh against it, and stop it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
. scripts/cluster.sh
pg_config=$PGD_BIN/pg_config
make -s --no-print-directory PG_CONFIG="$pg_config"
make -s --no-print-directory PG_CONFIG="$pg_config" install
pgd_start

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $("$PGD_BIN/postgres" --version)"
for b in bench/*.sh; do
	echo
	echo "== $b"
	"$b"
done
