# Shared helpers of the concurrency scripts (sourced, not run).
# The suite runner exports PGHOST, PGPORT, PGUSER and PGDATABASE, with
# pg_dynamo created in that database.
set -euo pipefail

PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
CLIENTS=${CLIENTS:-8}

psql_q() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"
}

# Run a pgbench script file with CLIENTS clients, TX transactions each;
# fail unless every transaction of every client completed.
bench() {
	local script=$1 tx=$2 out
	out=$("$PGBIN/pgbench" -n -c "$CLIENTS" -j 2 -t "$tx" -f "$script" 2>&1) || {
		echo "$out"
		echo "FAIL: pgbench reported errors"
		exit 1
	}
	local want=$((CLIENTS * tx))
	if ! grep -q "number of transactions actually processed: $want/$want" <<<"$out"; then
		echo "$out"
		echo "FAIL: not every transaction completed"
		exit 1
	fi
	grep -E "^(tps|latency average)" <<<"$out" || true
}

# Compare an observed value with the expected one
expect() {
	local what=$1 got=$2 want=$3
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: got $got, want $want"
		exit 1
	fi
	echo "ok: $what = $got"
}

# A check: GOT must match the extended regex PATTERN
expect_match() {
	local what=$1 got=$2 pattern=$3
	if grep -Eq -- "$pattern" <<<"$got"; then
		echo "ok - $what"
	else
		echo "FAILED - $what"
		echo "    expected to match: $pattern"
		echo "    got: $got"
		exit 1
	fi
}

# Session A: one long-lived psql, a coprocess named A whose backend (and
# its caches) lives through the whole script; a script that starts it calls
# session_a_stop from its EXIT trap
session_a_start() {
	coproc A { exec "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=0 2>&1; }
	A_SHELL_PID=$A_PID
}

session_a_stop() {
	if kill -0 "$A_SHELL_PID" 2>/dev/null; then
		printf '\\q\n' >&"${A[1]}" 2>/dev/null || true
		wait "$A_SHELL_PID" 2>/dev/null || true
	fi
}

# Run one statement in session A (session_a_start); its output (results and
# errors) goes to $A_OUT.  (Not through $(...): a subshell has no access to
# the coprocess.)
A_OUT=
a() {
	local marker="__qa_done_${RANDOM}_${RANDOM}__" line
	A_OUT=
	printf '%s;\n\\echo %s\n' "$1" "$marker" >&"${A[1]}"
	while IFS= read -r -t 60 line <&"${A[0]}"; do
		if [ "$line" = "$marker" ]; then
			A_OUT=${A_OUT%$'\n'}
			return 0
		fi
		A_OUT+="$line"$'\n'
	done
	echo "session A did not answer: $1" >&2
	exit 1
}

# A free TCP port in 20000-40000
free_port() {
	local port
	for _ in $(seq 50); do
		port=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
	done
	return 1
}
