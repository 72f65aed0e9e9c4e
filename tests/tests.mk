# tests/tests.mk - how `make test` finds and runs tests.
#
# A module registers tests from its mk/*.mk fragment:
#   TESTS        += NAME       tests/NAME.c, a cmocka program linked with the
#                              static library; run from the repository root.
#   SCRIPT_TESTS += FILE.sh    run as `sh FILE.sh BUILD_DIR` from the root;
#                              exit 0 = pass, 77 = skipped, else failure.
# Tests that read ../shared must skip cleanly (saying so) when it is absent.
#
# `make test` builds and runs everything, then does it all again with
# AddressSanitizer and UndefinedBehaviorSanitizer in build/asan.

TESTS        += test_convert test_stream test_dict test_threads
SCRIPT_TESTS += tests/cli_convert.sh tests/install.sh

TEST_PROGS = $(addprefix $(BUILD)/tests/,$(TESTS))

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(BUILD)/libzhtext.a
	@mkdir -p $(dir $@)
	$(CC) $(ZT_CFLAGS) -Itests -o $@ $< $(BUILD)/libzhtext.a $(LIB_LIBS) -lcmocka -ljansson $(LDLIBS)

.PHONY: test-run
test-run: all $(TEST_PROGS)
	@sh tests/run.sh $(BUILD) "$(TESTS)" "$(SCRIPT_TESTS)"

SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

test-sanitize:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan OPT=-O1 \
	    CFLAGS="$(SAN_FLAGS)" LDLIBS="$(SAN_FLAGS) -lpthread -lm" ZT_SANITIZE=1 test-run

.PHONY: deps
deps:
	@sh tools/deps.sh

# deps first: on a fresh machine it installs what the tests need (as root).
# The sanitizer run goes last: its summary line closes the output.
test: deps
	@$(MAKE) --no-print-directory test-run
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory test-sanitize
