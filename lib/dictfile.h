/*
 * dictfile.h - the OpenCC text dictionary format, shared by tools/ztc (the
 * built-in dictionaries) and zt_dict_load_* (user dictionaries).
 *
 * A line is "key<TAB>value[ value...]"; the first value is the one used.
 * Lines that are empty or start with '#' are skipped, a UTF-8 BOM at the
 * start and a '\r' before '\n' are ignored.
 */
#ifndef ZT_DICTFILE_H
#define ZT_DICTFILE_H

#include "trie.h"

/* Add every entry of data[0..len) to b.  On a malformed line returns
 * ZT_EDICT with its 1-based number in *errline. */
ZT_HIDDEN zt_status zt_dictfile_parse(const char *data, size_t len,
                                      zt_trie_builder *b, size_t *errline);

/* The text a user dictionary was loaded from (dict.c): pinyin reads every
 * syllable of a value, where conversion uses only the first candidate. */
ZT_HIDDEN const char *zt_dict_source(const zt_dict *d, size_t *len);

#endif
