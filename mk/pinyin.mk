# mk/pinyin.mk - the pinyin module: readings, segmentation, context model,
# styles, annotation, and the HTML text-node walker.
PINYIN_DATA ?= data/pinyin
GEN_SRCS += $(BUILD)/gen/pinyin_tables.c

$(BUILD)/gen/pinyin_tables.c: tools/pinyin/gen_tables.py $(wildcard $(PINYIN_DATA)/*.txt) tools/pinyin/model_keys.py tools/pinyin/word_fixes.py $(OPENCC_DATA)/dict/TSCharacters.txt
	@mkdir -p $(dir $@)
	$(PYTHON) tools/pinyin/gen_tables.py $(PINYIN_DATA) $(OPENCC_DATA)/dict/TSCharacters.txt $@

$(BUILD)/obj/gen/pinyin_tables.o: lib/pinyin_tables.h

TESTS += test_pinyin_basic test_pinyin test_pinyin_cpp
SCRIPT_TESTS += tests/pinyin_cli.sh
FUZZERS += fuzz_html fuzz_pinyin_dict
