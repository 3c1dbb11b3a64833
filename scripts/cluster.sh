#!/usr/bin/env bash
# A throwaway PostgreSQL 15 instance for pg_dynamo's demo and tests.
#
# The instance lives in one folder (default: a fresh
# ${TMPDIR:-/tmp}/pg_dynamo.XXXXXX) holding data/, postgres.log and the Unix
# socket; it listens on no TCP address, only on that socket, on a private
# port (default 54329, or the next free one). Durability is off (fsync,
# synchronous_commit, full_page_writes): it exists to be thrown away.
# Authentication is trust, superuser `postgres`. PostgreSQL refuses to run as
# root, so as root the server runs as the `postgres` system user (created if
# missing); clients may stay root and connect with -U postgres.
#
# Two ways to use it:
#   Sourced, from another script:
#       . scripts/cluster.sh
#       pgd_start          # start; exports PGHOST PGPORT PGUSER PGDATABASE
#                          # and PGD_DIR; stops and deletes it on EXIT
#       pgd_start keep     # start and leave it running after the script
#       pgd_stop           # stop it now and delete its folder
#     A caller that needs its own EXIT trap sets it after pgd_start and calls
#     pgd_stop from it.
#   Executed:
#       eval "$(scripts/cluster.sh start)"   # start, keep, print exports
#       scripts/cluster.sh stop DIR          # stop the instance in DIR, delete DIR
#
# Environment (all optional):
#   PG_DYNAMO_PGBIN  server binaries     (default /usr/lib/postgresql/15/bin)
#   PG_DYNAMO_DIR    instance folder     (default a new mktemp folder); an
#                    earlier instance found there is stopped and replaced
#   PG_DYNAMO_PORT   port; used as given (default: first free from 54329)
#   PG_DYNAMO_CONF   extra postgresql.conf lines, e.g.
#                    "shared_preload_libraries = 'pg_dynamo'"
#   PG_DYNAMO_KEEP   1 = never stop the instance on exit (for debugging)

PGD_BIN=${PG_DYNAMO_PGBIN:-/usr/lib/postgresql/15/bin}
PGD_MARKER=PG_DYNAMO_INSTANCE   # file that marks a folder as ours to delete
PGD_DIR=
PGD_KEEP=${PG_DYNAMO_KEEP:-0}

# Run a command as the server's owner: `postgres` when we are root
pgd_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		# cd first: postgres may not be allowed into the caller's folder
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# Make sure the `postgres` system user exists (root only)
pgd_ensure_owner() {
	[ "$(id -u)" -eq 0 ] || return 0
	id postgres >/dev/null 2>&1 && return 0
	echo "cluster: creating system user postgres" >&2
	useradd --system --user-group --no-create-home --home-dir / \
		--shell /usr/sbin/nologin postgres
}

# Say whether a port already serves PostgreSQL somewhere we can see
pgd_port_busy() {
	local port=$1 dir
	for dir in /var/run/postgresql /tmp "${TMPDIR:-/tmp}"/pg_dynamo.*; do
		[ -S "$dir/.s.PGSQL.$port" ] && return 0
	done
	# A TCP listener on that port (a server that does listen on TCP)
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
	return 1
}

# Pick the port: PG_DYNAMO_PORT as given, else the first free from 54329
pgd_pick_port() {
	if [ -n "${PG_DYNAMO_PORT:-}" ]; then
		echo "$PG_DYNAMO_PORT"
		return 0
	fi
	local port
	for port in $(seq 54329 54428); do
		if ! pgd_port_busy "$port"; then
			echo "$port"
			return 0
		fi
	done
	echo "cluster: no free port in 54329-54428; set PG_DYNAMO_PORT" >&2
	return 1
}

# Stop the instance in a folder of ours (if running) and delete the folder
pgd_destroy() {
	local dir=$1
	[ -e "$dir" ] || return 0
	if [ ! -e "$dir/$PGD_MARKER" ]; then
		echo "cluster: $dir is not a pg_dynamo instance folder; not touching it" >&2
		return 1
	fi
	if [ -f "$dir/data/postmaster.pid" ]; then
		pgd_as_owner "$PGD_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

# Create and start the instance; `keep` leaves it running after exit
pgd_start() {
	local keep=${1:-} port locale
	[ "$keep" = keep ] && PGD_KEEP=1

	pgd_ensure_owner
	if [ -n "${PG_DYNAMO_DIR:-}" ]; then
		PGD_DIR=$PG_DYNAMO_DIR
		if [ -e "$PGD_DIR" ] && [ -n "$(ls -A "$PGD_DIR")" ]; then
			pgd_destroy "$PGD_DIR"
		fi
		mkdir -p "$PGD_DIR"
	else
		PGD_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pg_dynamo.XXXXXX")
	fi
	PGD_DIR=$(cd "$PGD_DIR" && pwd -P)
	echo "pg_dynamo throwaway instance; delete freely" >"$PGD_DIR/$PGD_MARKER"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$PGD_DIR"
		chmod 700 "$PGD_DIR"
		if ! runuser -u postgres -- test -w "$PGD_DIR"; then
			echo "cluster: user postgres cannot reach $PGD_DIR; use a TMPDIR or" \
				"PG_DYNAMO_DIR it can enter (e.g. under /tmp)" >&2
			return 1
		fi
	fi

	port=$(pgd_pick_port) || return 1
	locale=C
	locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && locale=C.UTF-8

	if ! pgd_as_owner "$PGD_BIN/initdb" -D "$PGD_DIR/data" -U postgres \
		--auth=trust --encoding=UTF8 --locale="$locale" --no-sync \
		--no-instructions >"$PGD_DIR/initdb.log" 2>&1; then
		cat "$PGD_DIR/initdb.log" >&2
		echo "cluster: initdb failed" >&2
		return 1
	fi

	pgd_as_owner tee -a "$PGD_DIR/data/postgresql.conf" >/dev/null <<-EOF

		# pg_dynamo throwaway instance (scripts/cluster.sh)
		listen_addresses = ''
		port = $port
		unix_socket_directories = '$PGD_DIR'
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		lc_messages = 'C'
		${PG_DYNAMO_CONF:-}
	EOF

	if ! pgd_as_owner "$PGD_BIN/pg_ctl" -D "$PGD_DIR/data" -l "$PGD_DIR/postgres.log" \
		-w -t 60 start >/dev/null; then
		cat "$PGD_DIR/postgres.log" >&2 || true
		echo "cluster: the server did not start" >&2
		return 1
	fi

	export PGHOST=$PGD_DIR PGPORT=$port PGUSER=postgres PGDATABASE=postgres
	export PGD_DIR
	# Nothing may send our clients elsewhere
	unset PGHOSTADDR PGSERVICE
	echo "cluster: PostgreSQL 15 running in $PGD_DIR, port $port" >&2

	if [ "$PGD_KEEP" != 1 ]; then
		trap pgd_stop EXIT
		trap 'exit 130' INT
		trap 'exit 143' TERM
	fi
}

# Stop the instance started by pgd_start and delete its folder
pgd_stop() {
	[ -n "$PGD_DIR" ] || return 0
	if [ "$PGD_KEEP" = 1 ]; then
		echo "cluster: keeping the instance in $PGD_DIR (PG_DYNAMO_KEEP=1)" >&2
		return 0
	fi
	pgd_destroy "$PGD_DIR" && echo "cluster: stopped and removed $PGD_DIR" >&2
	PGD_DIR=
}

# Executed rather than sourced: subcommands
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	case "${1:-}" in
	start)
		pgd_start keep
		printf 'export PGHOST=%q PGPORT=%q PGUSER=%q PGDATABASE=%q\n' \
			"$PGHOST" "$PGPORT" "$PGUSER" "$PGDATABASE"
		echo "cluster: stop it with: $0 stop $PGD_DIR" >&2
		;;
	stop)
		[ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
		pgd_destroy "$2"
		;;
	*)
		echo "usage: $0 start | $0 stop DIR" >&2
		exit 2
		;;
	esac
fi
