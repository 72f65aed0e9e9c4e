# zhtext - build, test, install.
#
#   make            build/zhtext, build/libzhtext.a, build/libzhtext.so, zhtext.pc
#   make demo       run the main job on the bundled sample
#   make test       every test (also under ASan/UBSan)
#   make fuzz       run each libFuzzer target for FUZZ_TIME seconds (clang)
#   make install PREFIX=/usr/local
#
# Modules (pinyin, repair, ...) add their sources and tests through
# mk/*.mk fragments, included below, so that each can grow on its own.

CC       ?= cc
BUILD    ?= build
OPENCC_DATA ?= data/opencc
PREFIX   ?= /usr/local
PYTHON   ?= python3
OPT      ?= -O3
CFLAGS   ?=
WARN     := -Wall -Wextra -Werror
ZT_CFLAGS = -std=c11 $(OPT) -g $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -fPIC -fvisibility=hidden -Iinclude -Ilib -I$(BUILD)/gen $(CFLAGS)
LDLIBS   += -lpthread -lm

SONAME   := libzhtext.so.0
VERSION  := 0.1.0

# Library sources: lib/*.c plus whatever the modules add; generated tables
# are appended to GEN_SRCS by their rules.
LIB_SRCS  := $(wildcard lib/*.c)
GEN_SRCS  := $(BUILD)/gen/opencc_tables.c
PROG_SRCS := $(wildcard programs/*.c)
TEST_BINS :=
TEST_RUNS :=
LIB_LIBS  :=

-include mk/*.mk

LIB_OBJS  = $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) \
            $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen/%.o,$(GEN_SRCS))
PROG_OBJS = $(patsubst %.c,$(BUILD)/obj/%.o,$(PROG_SRCS))

.PHONY: all lib demo test test-unit test-sanitize fuzz install clean bench
.DELETE_ON_ERROR:

all: $(BUILD)/zhtext $(BUILD)/libzhtext.a $(BUILD)/libzhtext.so $(BUILD)/zhtext.pc

# ---- the table compiler and the embedded tables -------------------------
ZTC_SRCS := tools/ztc.c lib/trie_build.c lib/dictfile.c lib/utf8.c lib/buf.c
$(BUILD)/ztc: $(ZTC_SRCS) lib/*.h include/zhtext.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Ilib -o $@ $(ZTC_SRCS)

$(BUILD)/gen/opencc_tables.c: $(BUILD)/ztc $(wildcard $(OPENCC_DATA)/dict/*.txt) $(OPENCC_DATA)/configs.tsv
	@mkdir -p $(dir $@)
	$(BUILD)/ztc $(OPENCC_DATA) $@

# ---- objects --------------------------------------------------------------
$(BUILD)/obj/%.o: %.c $(wildcard lib/*.h lib/*/*.h programs/*.h) include/zhtext.h
	@mkdir -p $(dir $@)
	$(CC) $(ZT_CFLAGS) -c -o $@ $<

# Generated tables are big and need no optimisation passes to speak of.
$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c lib/trie.h lib/configs.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -g,$(ZT_CFLAGS)) -O1 -c -o $@ $<

$(BUILD)/libzhtext.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libzhtext.so: $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $(BUILD)/$(SONAME) $^ $(LIB_LIBS) $(LDLIBS)
	ln -sf $(SONAME) $@

# The CLI links the static library: one self-contained binary.
$(BUILD)/zhtext: $(PROG_OBJS) $(BUILD)/libzhtext.a
	$(CC) $(ZT_CFLAGS) -o $@ $(PROG_OBJS) $(BUILD)/libzhtext.a $(LIB_LIBS) $(LDLIBS)

$(BUILD)/zhtext.pc: zhtext.pc.in
	@mkdir -p $(dir $@)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@LIBS_PRIVATE@|$(LIB_LIBS) $(LDLIBS)|g' $< > $@

# ---- tests ----------------------------------------------------------------
include tests/tests.mk

# ---- demo -----------------------------------------------------------------
demo: all
	@sh examples/demo.sh $(BUILD)/zhtext

# ---- fuzzing (clang + libFuzzer) ------------------------------------------
include fuzz/fuzz.mk

# ---- install --------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/zhtext $(DESTDIR)$(PREFIX)/bin/zhtext
	install -m 644 $(BUILD)/libzhtext.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/$(SONAME) $(DESTDIR)$(PREFIX)/lib/
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libzhtext.so
	install -m 644 include/zhtext.h $(DESTDIR)$(PREFIX)/include/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@LIBS_PRIVATE@|$(LIB_LIBS) $(LDLIBS)|g' zhtext.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/zhtext.pc
	@if [ -f doc/zhtext.1 ]; then install -m 644 doc/zhtext.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

clean:
	rm -rf $(BUILD)
