#!/usr/bin/env bash
# `make check-all`: the whole test suite on a throwaway PostgreSQL 15 instance.
#
#   1. install missing packages (scripts/install-deps.sh)
#   2. clean build and install; any compiler "warning:" fails the run
#   3. start a throwaway instance (scripts/cluster.sh), stopped at the end
#   4. pg_regress: `make installcheck` over sql/ and expected/
#   5. pgTAP: pg_prove over test/*.sql in a database with pgtap and pg_dynamo
#   6. concurrency: each test/concurrency/*.sh, in a fresh database with
#      pg_dynamo, with PGHOST PGPORT PGUSER PGDATABASE set; non-zero = failure
#
# Exits non-zero on any failure. The last line is "N passed, M failed",
# counting pg_regress tests, pgTAP files and concurrency scripts; a failed
# step that is not a test (build, warnings, instance start) counts as one
# failure. PG_DYNAMO_KEEP=1 keeps the instance for a post-mortem; other
# settings: see scripts/cluster.sh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
# shellcheck source=scripts/cluster.sh
. scripts/cluster.sh

passed=0
failed=0
workdir=$(mktemp -d "${TMPDIR:-/tmp}/pg_dynamo-test.XXXXXX")

# Stop the instance, then print the summary as the very last line
finish() {
	local status=$?
	if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
		failed=1   # stopped by an unexpected error
	fi
	pgd_stop || true
	rm -rf "$workdir"
	echo
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] || exit 1
	exit "$status"
}
trap finish EXIT

# Print a section heading
step() {
	printf '\n=== %s\n' "$*"
}

# Give up now: count one failure and exit (the summary still prints)
abort() {
	echo "test: $*" >&2
	failed=$((failed + 1))
	exit 1
}

step "dependencies"
scripts/install-deps.sh || abort "installing dependencies failed"

pg_config=$PGD_BIN/pg_config

step "build (warnings are failures)"
make PG_CONFIG="$pg_config" clean >/dev/null
if ! make PG_CONFIG="$pg_config" 2>&1 | tee "$workdir/build.log"; then
	abort "build failed"
fi
if grep -q 'warning:' "$workdir/build.log"; then
	echo "test: the build printed warnings:" >&2
	grep 'warning:' "$workdir/build.log" >&2
	failed=$((failed + 1))
fi
make PG_CONFIG="$pg_config" install >/dev/null || abort "make install failed"

step "throwaway instance"
pgd_start
trap finish EXIT   # pgd_start set its own; ours calls pgd_stop

psql=("$PGD_BIN/psql" -X -q -v ON_ERROR_STOP=1)

# Create a fresh database holding the given extensions
fresh_db() {
	local db=$1 ext
	shift
	"${psql[@]}" -d postgres -c "SET client_min_messages = warning" \
		-c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" || return 1
	for ext in "$@"; do
		"${psql[@]}" -d "$db" -c "CREATE EXTENSION \"$ext\"" || return 1
	done
}

step "pg_regress (sql/, expected/)"
shopt -s nullglob
regress=(sql/*.sql)
if [ ${#regress[@]} -eq 0 ]; then
	echo "no tests in sql/; skipped"
else
	rm -f regression.diffs regression.out
	status=0
	make PG_CONFIG="$pg_config" installcheck 2>&1 | tee "$workdir/regress.log" || status=$?
	ok=$(grep -cE '\.\.\. ok( |$)' "$workdir/regress.log" || true)
	bad=$(grep -cE '\.\.\. FAILED( |$)' "$workdir/regress.log" || true)
	if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		# pg_regress stopped before running its tests: all unrun ones fail
		bad=$((${#regress[@]} - ok))
		[ "$bad" -gt 0 ] || bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ -s regression.diffs ]; then
		echo "--- regression.diffs"
		cat regression.diffs
	fi
fi

step "pgTAP (test/*.sql)"
taps=(test/*.sql)
if [ ${#taps[@]} -eq 0 ]; then
	echo "no tests in test/; skipped"
elif ! fresh_db pg_dynamo_tap pgtap pg_dynamo; then
	echo "test: could not create the pgTAP database; ${#taps[@]} files not run" >&2
	failed=$((failed + ${#taps[@]}))
else
	for t in "${taps[@]}"; do
		if pg_prove --psql-bin "$PGD_BIN/psql" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" \
			-d pg_dynamo_tap --failures --nocolor "$t"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	done
fi

step "concurrency (test/concurrency/*.sh)"
scripts=(test/concurrency/*.sh)
if [ ${#scripts[@]} -eq 0 ]; then
	echo "no scripts in test/concurrency/; skipped"
else
	for s in "${scripts[@]}"; do
		echo "--- $s"
		if ! fresh_db pg_dynamo_concurrency pg_dynamo; then
			failed=$((failed + 1))
			continue
		fi
		runner=()
		[ -x "$s" ] || runner=(bash)   # a lost executable bit must not skip a test
		if PGDATABASE=pg_dynamo_concurrency "${runner[@]}" "./$s"; then
			echo "--- $s: ok"
			passed=$((passed + 1))
		else
			echo "--- $s: FAILED"
			failed=$((failed + 1))
		fi
	done
fi

if [ "$failed" -ne 0 ]; then
	echo
	echo "--- last lines of the server log ($PGD_DIR/postgres.log)"
	tail -n 40 "$PGD_DIR/postgres.log" || true
fi
