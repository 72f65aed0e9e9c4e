/*
 * pinyin_data.c - per-character readings: zt_pinyin_readings().
 *
 * The readings come from Unihan (data/pinyin/chars.txt, most common first);
 * a Traditional character lists its Simplified form's readings first, in
 * that order, so both scripts agree on the default reading.
 */
#include "pinyin_tables.h"

size_t zt_pinyin_readings(uint32_t cp, const char **out, size_t max)
{
    uint32_t rec = zt_py_char(cp);
    if (!rec)
        return 0;
    rec--;
    size_t n = zt_py_rn[rec];
    const uint16_t *r = zt_py_rlist + zt_py_roff[rec];
    for (size_t i = 0; i < n && i < max && out; i++)
        out[i] = zt_py_rd[r[i]];
    return n;
}
