# fuzz/fuzz.mk - libFuzzer targets (clang).  Modules add FUZZERS += NAME for
# fuzz/NAME.c, which defines LLVMFuzzerTestOneInput and may use the library.
#   make fuzz FUZZ_TIME=600     run each target for FUZZ_TIME seconds
#   make fuzz-build             build them only (also done by `make test`)
FUZZERS   += fuzz_convert fuzz_dict
FUZZ_TIME ?= 60
FUZZ_CC   ?= clang
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_BUILD)/lib/libzhtext.a: FORCE
	$(MAKE) --no-print-directory CC=$(FUZZ_CC) BUILD=$(FUZZ_BUILD)/lib OPT=-O1 \
	    CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	    $(FUZZ_BUILD)/lib/libzhtext.a

$(FUZZ_BUILD)/%: fuzz/%.c $(FUZZ_BUILD)/lib/libzhtext.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -Iinclude -Ilib -Iprograms -o $@ $< $(FUZZ_EXTRA_$*) $(FUZZ_BUILD)/lib/libzhtext.a $(LIB_LIBS) -lpthread -lm

.PHONY: fuzz fuzz-build FORCE
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
