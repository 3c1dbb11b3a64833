# pg_dynamo — PGXS build

# Fresh machine: PGXS (postgresql-server-dev-15) must exist before this
# Makefile can even be read, so the demo and test targets first install the
# missing packages (scripts/install-deps.sh does nothing when all are there).
ifneq ($(filter demo check-all bench fuzz,$(MAKECMDGOALS)),)
ifeq ($(wildcard $(shell $(or $(PG_CONFIG),pg_config) --pgxs 2>/dev/null)),)
$(info Installing dependencies: scripts/install-deps.sh)
$(shell scripts/install-deps.sh >&2)
ifneq ($(.SHELLSTATUS),0)
$(error scripts/install-deps.sh failed)
endif
endif
endif

EXTENSION = pg_dynamo
EXTVERSION = 0.2.0

# Sources: every .c of src/ and its layer folders (see the README's tree);
# a grammar is a <name>_gram.y with its scanner <name>_scan.l beside it
MODULE_big = pg_dynamo
SRCS = $(filter-out %_gram.c %_scan.c,$(sort $(wildcard src/*.c src/*/*.c)))
GRAMMARS = $(wildcard src/*/*_gram.y)
OBJS = $(SRCS:.c=.o) $(GRAMMARS:.y=.o) $(GRAMMARS:_gram.y=_scan.o)
SRCDIRS = $(sort $(patsubst %/,%,$(dir $(wildcard src/*/*.h))))
INCLUDE_ALL = $(wildcard src/*.h src/*/*.h)

# The install script of this version is assembled from one file per
# feature (src/sql/NN_*.sql), in name order; released install scripts and
# upgrade scripts are kept as they shipped (src/sql/pg_dynamo--*.sql)
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard src/sql/$(EXTENSION)--*.sql)
EXTRA_CLEAN = $(GRAMMARS:.y=.c) $(GRAMMARS:.y=.h) $(GRAMMARS:_gram.y=_scan.c) exports.map

PG_CPPFLAGS = -I$(srcdir)/src $(addprefix -I$(srcdir)/,$(SRCDIRS))
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

# The library is loaded into every backend: only the SQL entry points (the
# PG_FUNCTION_INFO_V1 names of src/functions/), the background workers' main
# functions (declared PGDLLEXPORT void <name>(Datum ...) in src/workers/) and
# PostgreSQL's module hooks are exported; every other symbol stays local
SHLIB_LINK += -Wl,--version-script=exports.map
# The HTTP door's server (Debian's libmicrohttpd-dev)
SHLIB_LINK += -lmicrohttpd
# Compressed request bodies (zlib, which PostgreSQL's server links too)
SHLIB_LINK += -lz

REGRESS = $(sort $(patsubst sql/%.sql,%,$(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=pg_dynamo

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard src/sql/[0-9][0-9]_*.sql))
	cat $^ > $@

exports.map: $(wildcard src/functions/*.c src/workers/*.c)
	{ echo '{ global: Pg_magic_func; _PG_init;'; \
	  sed -n 's/^PG_FUNCTION_INFO_V1(\([a-z_0-9]*\));/\1; pg_finfo_\1;/p' $(wildcard src/functions/*.c); \
	  sed -n 's/^PGDLLEXPORT void \([a-z_0-9]*\)(Datum.*/\1;/p' $(wildcard src/workers/*.c); \
	  echo 'local: *; };'; } > $@

$(shlib): exports.map

# Grammars: bison and flex through PGXS's own rules, as contrib/cube does
%_gram.c: BISONFLAGS += -d
%_gram.h: %_gram.c ;
$(GRAMMARS:_gram.y=_scan.o): $(GRAMMARS:.y=.h)
$(SRCS:.c=.o): $(GRAMMARS:.y=.h)
# Every object depends on every header: a struct change rebuilds all
$(OBJS): $(INCLUDE_ALL)

.PHONY: demo check-all bench fuzz
# The main job: a throwaway instance with a walk-through of both query styles
demo:
	scripts/demo.sh

# The whole test suite (pg_regress + pgTAP) on a throwaway instance
check-all:
	scripts/test.sh

bench:
	scripts/bench.sh

# Mutated and random requests to every door (test/fuzz/fuzz.sh; FUZZ_SEED,
# FUZZ_REQUESTS, default 100,000)
fuzz:
	scripts/fuzz.sh
