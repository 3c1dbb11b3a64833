# pg_dynamo — PGXS build

# Fresh machine: PGXS (postgresql-server-dev-15) must exist before this
# Makefile can even be read, so the demo and test targets first install the
# missing packages (scripts/install-deps.sh does nothing when all are there).
ifneq ($(filter demo check-all bench,$(MAKECMDGOALS)),)
ifeq ($(wildcard $(shell $(or $(PG_CONFIG),pg_config) --pgxs 2>/dev/null)),)
$(info Installing dependencies: scripts/install-deps.sh)
$(shell scripts/install-deps.sh >&2)
ifneq ($(.SHELLSTATUS),0)
$(error scripts/install-deps.sh failed)
endif
endif
endif

EXTENSION = pg_dynamo
EXTVERSION = 0.1.0

MODULE_big = pg_dynamo
SRCS = $(filter-out %_gram.c %_scan.c,$(sort $(wildcard src/*.c src/expr/*.c)))
GRAMMARS = $(wildcard src/expr/*_gram.y)
OBJS = $(SRCS:.c=.o) $(GRAMMARS:.y=.o) $(GRAMMARS:_gram.y=_scan.o)

# The install script is assembled from one file per feature, in name order
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
EXTRA_CLEAN = $(GRAMMARS:.y=.c) $(GRAMMARS:.y=.h) $(GRAMMARS:_gram.y=_scan.c)

PG_CPPFLAGS = -I$(srcdir)/src -I$(srcdir)/src/expr
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

REGRESS = $(sort $(patsubst sql/%.sql,%,$(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=pg_dynamo

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard src/sql/*.sql))
	cat $^ > $@

# Grammars: bison and flex through PGXS's own rules, as contrib/cube does
%_gram.c: BISONFLAGS += -d
%_gram.h: %_gram.c ;
$(GRAMMARS:_gram.y=_scan.o): $(GRAMMARS:.y=.h)
$(SRCS:.c=.o): $(wildcard $(GRAMMARS:.y=.h))
# Every object depends on every header: a struct change rebuilds all
$(OBJS): $(wildcard src/*.h src/expr/*.h)

.PHONY: demo check-all bench
# The main job: a throwaway instance with a walk-through of both query styles
demo:
	scripts/demo.sh

# The whole test suite (pg_regress + pgTAP) on a throwaway instance
check-all:
	scripts/test.sh

bench:
	scripts/bench.sh
