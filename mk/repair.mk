# mk/repair.mk - the repair module: undo injected pinyin and GBK byte damage,
# normalise the script, flag boilerplate (lib/repair*.c, lib/gbk.h).
REPAIR_DATA ?= data/repair
GEN_SRCS += $(BUILD)/gen/gbk_tables.c

# glibc's GBK table, asked of iconv at build time (see tools/gbkgen.c).
$(BUILD)/gbkgen: tools/gbkgen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 $(WARN) -D_POSIX_C_SOURCE=200809L -o $@ $<

$(BUILD)/gen/gbk_tables.c: $(BUILD)/gbkgen $(REPAIR_DATA)/mainland_t2s.txt
	@mkdir -p $(dir $@)
	$(BUILD)/gbkgen $@ $(REPAIR_DATA)/mainland_t2s.txt

TESTS += test_repair test_repair_sim
SCRIPT_TESTS += tests/repair_cli.sh
FUZZERS += fuzz_repair

$(BUILD)/sim_damage: tests/sim_damage.c tests/sim_damage.h $(BUILD)/libzhtext.a
	$(CC) $(ZT_CFLAGS) -Itests -o $@ $< $(BUILD)/libzhtext.a $(LIB_LIBS) $(LDLIBS)
