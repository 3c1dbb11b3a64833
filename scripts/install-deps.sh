#!/usr/bin/env bash
# Install what pg_dynamo needs to build, install, demo and test on Debian
# (bookworm): the PostgreSQL 15 server and its PGXS headers, pgTAP and
# pg_prove, bison, flex and a C compiler; for the HTTP door libmicrohttpd,
# and the clients its tests drive (awscli, python3-boto3, curl, wrk, and
# Node.js with npm when there is no `node`), then the AWS SDK for
# JavaScript from npm into test/http/node (package-lock.json pins it).
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
	libmicrohttpd-dev                      # the HTTP door's server
	zlib1g-dev                             # the HTTP door: compressed request bodies
	awscli                                 # HTTP door tests and demo
	python3-boto3
	curl
	wrk                                    # make bench: HTTP load generator
)
# Node.js for the AWS SDK for JavaScript, unless a node is already there
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# The AWS SDK for JavaScript of the HTTP door's tests, as package-lock.json pins it
install_node_modules() {
	[ -d "$root/test/http/node/node_modules" ] && return 0
	echo "install-deps: npm ci in test/http/node" >&2
	(cd "$root/test/http/node" && npm ci --no-audit --no-fund >&2)
}

# Say whether a Debian package is installed
is_installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for pkg in "${packages[@]}"; do
	is_installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
	install_node_modules
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
install_node_modules
