# fuzz/fuzz.mk - libFuzzer targets (clang).  Modules add FUZZERS += NAME for
# fuzz/NAME.c, which defines LLVMFuzzerTestOneInput and may use the library.
#   make fuzz FUZZ_TIME=600     run each target for FUZZ_TIME seconds
#   make fuzz-build             build them only
#   make fuzz-smoke             build them and run each for FUZZ_SMOKE seconds
#                               (part of `make test`, so every target keeps
#                               building and survives its seeds)
FUZZERS   += fuzz_convert fuzz_dict
FUZZ_TIME ?= 60
FUZZ_SMOKE ?= 5
FUZZ_CC   ?= clang
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_BUILD)/lib/libzhtext.a: FORCE
	$(MAKE) --no-print-directory CC=$(FUZZ_CC) BUILD=$(FUZZ_BUILD)/lib OPT=-O1 \
	    CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	    $(FUZZ_BUILD)/lib/libzhtext.a

$(FUZZ_BUILD)/%: fuzz/%.c $(FUZZ_BUILD)/lib/libzhtext.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -Iinclude -Ilib -Iprograms -o $@ $< $(FUZZ_EXTRA_$*) $(FUZZ_BUILD)/lib/libzhtext.a $(LIB_LIBS) -lpthread -lm

.PHONY: fuzz fuzz-build fuzz-smoke FORCE
FORCE:
fuzz-build: $(addprefix $(FUZZ_BUILD)/,$(FUZZERS))

fuzz: fuzz-build
	@for f in $(FUZZERS); do \
	    mkdir -p fuzz/corpus-$$f; \
	    seeds=; [ -d fuzz/seeds/$$f ] && seeds=fuzz/seeds/$$f; \
	    echo "fuzzing $$f for $(FUZZ_TIME) s"; \
	    $(FUZZ_BUILD)/$$f -max_total_time=$(FUZZ_TIME) -rss_limit_mb=2048 \
	        -print_final_stats=1 fuzz/corpus-$$f $$seeds 2>&1 | tail -n 12 || exit 1; \
	done

fuzz-smoke: fuzz-build
	@for f in $(FUZZERS); do \
	    seeds=; [ -d fuzz/seeds/$$f ] && seeds=fuzz/seeds/$$f; \
	    d=$$(mktemp -d); \
	    if $(FUZZ_BUILD)/$$f -max_total_time=$(FUZZ_SMOKE) -rss_limit_mb=2048 \
	        -artifact_prefix=$$d/ $$d $$seeds > $$d/log 2>&1; then \
	        echo "PASS fuzz $$f ($$(grep -o 'Done [0-9]* runs' $$d/log))"; rm -rf $$d; \
	    else echo "FAIL fuzz $$f"; tail -n 30 $$d/log; exit 1; fi; \
	done
