# Krait build. One Makefile, no configure step.
#
#   make            build/krait (optimised)
#   make test       build, then run the whole test suite
#   make asan       build/asan/krait with AddressSanitizer + UBSan, run the suite with it
#   make debug      build/debug/krait with assertions and no optimisation
#   make clean
#
# WERROR=1 turns warnings into errors (CI sets it).

CC      ?= cc
MODE    ?= release
BUILD   ?= build

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter -Wno-missing-field-initializers -Wvla -Wformat=2 \
           -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN    += -Werror
endif

# MALLOC=mimalloc (release default) or system (sanitizer and debug builds).
ifeq ($(MODE),release)
MALLOC  ?= mimalloc
else
MALLOC  ?= system
endif

CSTD    := -std=c11 -D_GNU_SOURCE
INCS    := -Iinclude -Isrc
ifeq ($(MODE),release)
OPT     := -O2 -DNDEBUG -fno-strict-aliasing -fno-plt
else ifeq ($(MODE),asan)
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined -fno-strict-aliasing -DKR_DEBUG=1
LDASAN  := -fsanitize=address,undefined
else
OPT     := -O0 -g -fno-strict-aliasing -DKR_DEBUG=1
endif

ifeq ($(MALLOC),mimalloc)
MALLOC_DEFS := -DKR_USE_MIMALLOC=1
MALLOC_LIBS := -lmimalloc
endif

CFLAGS_ALL  := $(CSTD) $(OPT) $(WARN) $(INCS) $(MALLOC_DEFS) $(CFLAGS)
LDLIBS_ALL  := -lgmp -lutf8proc -lpcre2-8 $(MALLOC_LIBS) -lm -lpthread $(LDLIBS)
LDFLAGS_ALL := $(LDASAN) $(LDFLAGS)

# Everything under src/ except the program entry point forms libkrait.a, so the
# C unit tests in tests/c/ link only the parts they use.
LIB_SRCS  := $(filter-out src/main.c,$(shell find src -name '*.c' | sort))
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
DEPS      := $(LIB_OBJS:.o=.d) $(BUILD)/obj/src/main.d
CTEST_SRCS := $(wildcard tests/c/*.c)
CTESTS    := $(CTEST_SRCS:tests/c/%.c=$(BUILD)/ctest/%)

.PHONY: all test asan debug clean ctests deps-check

all: deps-check $(BUILD)/krait $(CTESTS)

# A missing library stops the build with the Debian package that provides it.
deps-check:
	@printf '#include <gmp.h>\nint main(void){return 0;}\n' | $(CC) -x c - -o /dev/null -lgmp 2>/dev/null \
	  || { echo "error: GMP not found; install the Debian package libgmp-dev (apt-get install -y libgmp-dev)"; exit 1; }
	@if [ "$(MALLOC)" = mimalloc ]; then printf '#include <mimalloc.h>\nint main(void){return 0;}\n' | $(CC) -x c - -o /dev/null -lmimalloc 2>/dev/null \
	  || { echo "error: mimalloc not found; install the Debian package libmimalloc-dev (apt-get install -y libmimalloc-dev), or build with MALLOC=system"; exit 1; }; fi
	@printf '#include <utf8proc.h>\nint main(void){return 0;}\n' | $(CC) -x c - -o /dev/null -lutf8proc 2>/dev/null \
	  || { echo "error: utf8proc not found; install the Debian package libutf8proc-dev (apt-get install -y libutf8proc-dev)"; exit 1; }
	@printf '#define PCRE2_CODE_UNIT_WIDTH 8\n#include <pcre2.h>\nint main(void){return 0;}\n' | $(CC) -x c - -o /dev/null -lpcre2-8 2>/dev/null \
	  || { echo "error: PCRE2 not found; install the Debian package libpcre2-dev (apt-get install -y libpcre2-dev)"; exit 1; }

$(BUILD)/libkrait.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/krait: $(BUILD)/obj/src/main.o $(BUILD)/libkrait.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/ctest/%: tests/c/%.c $(BUILD)/libkrait.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(BUILD)/libkrait.a $(LDLIBS_ALL)

# Objects are rebuilt when the compiler flags change (MODE, MALLOC, CFLAGS...).
$(BUILD)/flags.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CFLAGS_ALL)' | cmp -s - $@ || echo '$(CFLAGS_ALL)' > $@

.PHONY: FORCE
FORCE:

$(BUILD)/obj/%.o: %.c $(BUILD)/flags.stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

test: all
	python3 tools/runtests.py --krait $(BUILD)/krait --ctest-dir $(BUILD)/ctest

asan:
	$(MAKE) MODE=asan BUILD=build/asan all
	ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 python3 tools/runtests.py --krait build/asan/krait --ctest-dir build/asan/ctest --timeout-scale 5

debug:
	$(MAKE) MODE=debug BUILD=build/debug all

clean:
	rm -rf build

-include $(DEPS)
