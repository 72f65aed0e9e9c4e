# mk/scale.mk - corpus scale: JSONL/threads tests, the Python binding, the
# Dask runner test, the man page check, the JSONL fuzzer and the benchmark.
#
#   make python [PYTHON=/usr/bin/python3]   build the extension in python/zhtext
#   make bench-scale                        bench/scale.sh (needs ../shared)

# Fragments are included before the Makefile's `all` rule, so the first rule
# in any fragment would otherwise become the default goal.
.DEFAULT_GOAL := all

TESTS        += test_jsonl
SCRIPT_TESTS += tests/cli_jsonl.sh tests/cli_threads.sh tests/python.sh \
                tests/dask.sh tests/man.sh
FUZZERS      += fuzz_jsonl
FUZZ_EXTRA_fuzz_jsonl = programs/jsonl.c

# The JSONL scanner lives with the CLI (programs/), not in the library.
$(BUILD)/tests/test_jsonl: tests/test_jsonl.c programs/jsonl.c programs/jsonl.h \
        $(BUILD)/libzhtext.a
	@mkdir -p $(dir $@)
	$(CC) $(ZT_CFLAGS) -Itests -Iprograms -o $@ $< programs/jsonl.c \
	    $(BUILD)/libzhtext.a $(LIB_LIBS) -lcmocka $(LDLIBS)

# ---- the Python extension ---------------------------------------------------
# Built with the interpreter's own headers; no downloads, no setuptools needed
# (python/setup.py does the same for `pip install ./python`).  The tests use
# Debian's interpreter, which has python3-distributed for the Dask test.
TEST_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,$(PYTHON))
PY_SYSCONFIG = $(shell $(1) -c 'import sysconfig as s; print(s.get_paths()["include"], s.get_config_var("EXT_SUFFIX"))' 2>/dev/null)

define pyext_rule
# $(1): output directory for the zhtext package, $(2): interpreter
$(1)/zhtext/_zhtext$$(word 2,$$(call PY_SYSCONFIG,$(2))): python/src/_zhtext.c \
        programs/jsonl.c programs/jsonl.h include/zhtext.h $$(BUILD)/libzhtext.a
	@mkdir -p $(1)/zhtext
	@test -f "$$(word 1,$$(call PY_SYSCONFIG,$(2)))/Python.h" || \
	    { echo "no Python.h for $(2): install python3-dev"; exit 1; }
	$$(CC) $$(ZT_CFLAGS) -shared -I$$(word 1,$$(call PY_SYSCONFIG,$(2))) \
	    -Iprograms -o $$@ python/src/_zhtext.c programs/jsonl.c \
	    $$(BUILD)/libzhtext.a $$(LIB_LIBS) $$(LDLIBS)
endef

.PHONY: python python-test-ext bench-scale
ifneq ($(filter python,$(MAKECMDGOALS)),)
$(eval $(call pyext_rule,python,$(PYTHON)))
python: python/zhtext/_zhtext$(word 2,$(call PY_SYSCONFIG,$(PYTHON)))
endif

# For the tests, a copy of the package next to this build's library (the
# sanitizer pass gets a sanitized extension).  Skipped when the interpreter
# has no headers: tests/python.sh then says SKIP.
ifneq ($(filter test%,$(MAKECMDGOALS)),)
PY_TEST_SYS := $(call PY_SYSCONFIG,$(TEST_PYTHON))
ifneq ($(wildcard $(word 1,$(PY_TEST_SYS))/Python.h),)
$(eval $(call pyext_rule,$(BUILD)/python,$(TEST_PYTHON)))
PY_TEST_EXT := $(BUILD)/python/zhtext/_zhtext$(word 2,$(PY_TEST_SYS))
python-test-ext: $(PY_TEST_EXT)
	@cp python/zhtext/*.py $(BUILD)/python/zhtext/
test-run: python-test-ext
endif
endif

bench-scale: all
	sh bench/scale.sh $(BUILD)
