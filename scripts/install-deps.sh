#!/usr/bin/env bash
# Install what pg_dynamo needs to build, install, demo and test on Debian
# (bookworm): the PostgreSQL 15 server and its PGXS headers, pgTAP and
# pg_prove, bison, flex and a C compiler.
#
# Idempotent and fast: when every package is already installed it exits at
# once without touching apt. Otherwise it runs `apt-get update` once and
# installs only the missing packages, non-interactively (safe in CI, no
# stdin needed). Needs root, or sudo when run as another user.
#
# Installing postgresql-15 lets Debian create its usual system cluster
# (15/main); pg_dynamo's scripts never use it, they start their own
# throwaway instance (see scripts/cluster.sh).
#
# Usage: scripts/install-deps.sh
set -euo pipefail

packages=(
	postgresql-15                          # server: initdb, pg_ctl, postgres
	postgresql-server-dev-15               # PGXS, server headers, pg_config
	postgresql-15-pgtap                    # the pgtap extension
	libtap-parser-sourcehandler-pgtap-perl # pg_prove
	bison
	flex
	make
	gcc
	libc6-dev                              # C headers (only a Recommends of gcc)
)

# Say whether a Debian package is installed
is_installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for pkg in "${packages[@]}"; do
	is_installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2

if [ "$(id -u)" -eq 0 ]; then
	as_root=()
elif command -v sudo >/dev/null 2>&1; then
	as_root=(sudo)
else
	echo "install-deps: missing packages and not root; as root run:" >&2
	echo "  apt-get install ${missing[*]}" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q </dev/null >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2
