/*
 * pinyin_tables.h - the pinyin tables generated from data/pinyin/ by
 * tools/pinyin/gen_tables.py (build/gen/pinyin_tables.c), and the inline
 * lookups every pinyin file uses.
 *
 * Readings are small integers: reading r is syllable r / 5 (an index into
 * zt_py_syl, sorted) with tone r % 5 + 1, 5 being the neutral tone, so tone
 * changes and style changes are arithmetic, and zt_py_rd[r] is the reading's
 * tone-number string ("zhong1"), which is what zt_pinyin_readings() returns.
 */
#ifndef ZT_PINYIN_TABLES_H
#define ZT_PINYIN_TABLES_H

#include "internal.h"

#define ZT_PY_HI 0x1100 /* (0x10FFFF >> 8) + 1 */

extern const uint32_t zt_py_nsyl;
extern const char zt_py_syl[][8];   /* toneless syllables, sorted */
extern const char zt_py_rd[][8];    /* zt_py_nsyl * 5 tone-number strings */

/* Characters: zt_py_pages[(zt_py_hi[cp >> 8] << 8) | (cp & 0xFF)] is the
 * record index + 1 (0: not a character with readings).  Record i has the
 * readings zt_py_rlist[zt_py_roff[i] .. + zt_py_rn[i]) (most common first)
 * and zt_py_simp[i], the code point of its Simplified form (itself if it
 * has none), through which Traditional text finds words and the model. */
extern const uint32_t zt_py_nchars;
extern const uint16_t zt_py_hi[];
extern const uint32_t zt_py_pages[];
extern const uint32_t zt_py_roff[];
extern const uint8_t zt_py_rn[];
extern const uint16_t zt_py_rlist[];
extern const uint32_t zt_py_simp[];

/* Record index + 1 of cp, 0 if it has no reading. */
ZT_INLINE uint32_t zt_py_char(uint32_t cp)
{
    if (ZT_UNLIKELY(cp > 0x10FFFF))
        return 0;
    return zt_py_pages[((uint32_t)zt_py_hi[cp >> 8] << 8) | (cp & 0xFF)];
}

ZT_INLINE unsigned zt_py_tone(unsigned r) { return r % 5 + 1; }
ZT_INLINE unsigned zt_py_sylof(unsigned r) { return r / 5; }
ZT_INLINE unsigned zt_py_with_tone(unsigned r, unsigned tone)
{
    return r - r % 5 + tone - 1;
}

/* Index of a toneless syllable (len bytes, lowercase, ü as v), or -1. */
ZT_HIDDEN int zt_py_find_syl(const char *s, size_t len);

#endif
