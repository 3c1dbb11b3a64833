#!/usr/bin/env bash
# Instructions per call of one side of a pair of bench/pairs.txt, counted by
# callgrind: insensitive to the machine's load, so before/after figures of a
# change compare even on a busy machine.
#
#   BENCH_KEEP=1 BENCH_QUICK=1 bench/compare.sh   # once: a kept database
#   pg_ctl -D DATA stop                           # single-user mode needs it stopped
#   bench/profile/callgrind.sh DATA PAIR SIDE [CALLS]     # e.g. bench/profile/callgrind.sh /tmp/pgd/data get_item ergonomic
#
# Runs the side's statement as a prepared EXECUTE, CALLS and 3 x CALLS times
# (default 1000), in a single-user backend (postgres --single) of the
# instance in DATA under valgrind, on the database pg_dynamo_bench, and
# prints the difference per call: the statement's cost with start-up and
# shut-down taken out.  Keys are spread over the first 1,000 partitions;
# a pair that counts :n (fresh keys) gets keys never used before.  Needs
# valgrind; as root, runs the backend as the data folder's owner.
set -euo pipefail

[ $# -ge 3 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
data=$1 pair=$2 side=$3 calls=${4:-1000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
PGBIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The side's statement on one line, :p and :s as the parameters $1 and $2
stmt=$(awk -v pair="$pair" -v side="$side" '
	/^== / { in_pair = ($2 == pair); next }
	/^-- (sql|ergonomic|execute)$/ { in_side = in_pair && ($2 == side); next }
	/^(#|\\)/ { if (in_pair && /^\\set n /) fresh = 1; next }
	in_side { printf "%s ", $0 }
	END { if (fresh) printf "\n#fresh" }' "$here/../pairs.txt")
[ -n "$stmt" ] || { echo "callgrind: no side $side in pair $pair" >&2; exit 2; }
fresh=0
grep -q '^#fresh' <<<"$stmt" && fresh=$(($(date +%s) * 1000))
stmt=$(head -1 <<<"$stmt" | sed 's/:p\b/$1/g; s/:s\b/$2/g')

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u "$(stat -c %U "$data")" -- "$@"; else "$@"; fi
}

# The backend writes its counts into $work
[ "$(id -u)" -eq 0 ] && chown "$(stat -c %U "$data")" "$work"

# Instructions of a single-user run of n calls
count() {
	local n=$1 base=$2 out=$work/callgrind.$1
	{
		echo "PREPARE x(int, bigint) AS $stmt"
		for i in $(seq 1 "$n"); do
			if [ "$fresh" != 0 ]; then s=$((base + i)); else s=$((i * 31 % 100 + 1)); fi
			echo "EXECUTE x($((i * 7919 % 1000 + 1)), $s);"
		done
	} >"$work/calls.sql"
	as_owner valgrind --tool=callgrind --callgrind-out-file="$out" \
		"$PGBIN/postgres" --single -D "$data" -c jit=off pg_dynamo_bench \
		<"$work/calls.sql" >"$work/log.$n" 2>&1
	if grep -q 'ERROR' "$work/log.$n"; then
		grep -m1 'ERROR' "$work/log.$n" >&2
		exit 1
	fi
	sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out"
}

a=$(count "$calls" "$fresh")
b=$(count $((3 * calls)) $((fresh + 10 * calls)))
echo "$pair $side: $(((b - a) / (2 * calls))) instructions per call"
