/*
 * pinyin_syllable.c - reading written pinyin: zt_pinyin_normalize().
 *
 * People write a syllable in many ways: with tone marks (precomposed "ǚ" or
 * "u" plus combining marks), with a tone digit, with "v" or "u:" for ü, in
 * capitals, without a tone.  All reduce to one form, lowercase ASCII with
 * an optional tone digit, and the letters must spell a syllable that some
 * character is read as (the inventory in the generated tables), so that
 * "hello" or "xyz1" are refused.
 */
#include "pinyin_internal.h"
#include "utf8.h"

/* Eight bytes as a big-endian number, as tools/pinyin/gen_tables.py hashes
 * them. */
static uint64_t key64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#elif !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
    v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | (uint8_t)p[i];
#endif
    return v;
}

int zt_py_find_syl(const char *s, size_t len)
{
    if (len == 0 || len > 7)
        return -1;
    uint64_t k = 0; /* key64 of s padded with NULs, without a copy */
    for (size_t i = 0; i < 8; i++)
        k = k << 8 | (i < len ? (uint8_t)s[i] : 0u);
    unsigned mask = (1u << zt_py_syl_bits) - 1;
    unsigned h = (unsigned)((k * 0x9E3779B97F4A7C15u) >> (64 - zt_py_syl_bits));
    for (; zt_py_syl_slot[h]; h = (h + 1) & mask) {
        unsigned i = zt_py_syl_slot[h] - 1u;
        if (key64(zt_py_syl[i]) == k)
            return (int)i;
    }
    return -1;
}

/* A precomposed letter with a tone mark (or ü / ê): its base letter and
 * tone (0 = none).  Lowercase and capital forms both appear. */
static const struct {
    uint16_t cp;
    char base;
    uint8_t tone;
} marked[] = {
    {0x00C0, 'a', 4}, {0x00C1, 'a', 2}, {0x00C8, 'e', 4}, {0x00C9, 'e', 2},
    {0x00CA, 'e', 0}, {0x00CC, 'i', 4}, {0x00CD, 'i', 2}, {0x00D2, 'o', 4},
    {0x00D3, 'o', 2}, {0x00D9, 'u', 4}, {0x00DA, 'u', 2}, {0x00DC, 'v', 0},
    {0x00E0, 'a', 4}, {0x00E1, 'a', 2}, {0x00E8, 'e', 4}, {0x00E9, 'e', 2},
    {0x00EA, 'e', 0}, {0x00EC, 'i', 4}, {0x00ED, 'i', 2}, {0x00F2, 'o', 4},
    {0x00F3, 'o', 2}, {0x00F9, 'u', 4}, {0x00FA, 'u', 2}, {0x00FC, 'v', 0},
    {0x0100, 'a', 1}, {0x0101, 'a', 1}, {0x0112, 'e', 1}, {0x0113, 'e', 1},
    {0x011A, 'e', 3}, {0x011B, 'e', 3}, {0x012A, 'i', 1}, {0x012B, 'i', 1},
    {0x0143, 'n', 2}, {0x0144, 'n', 2}, {0x0147, 'n', 3}, {0x0148, 'n', 3},
    {0x014C, 'o', 1}, {0x014D, 'o', 1}, {0x016A, 'u', 1}, {0x016B, 'u', 1},
    {0x01CD, 'a', 3}, {0x01CE, 'a', 3}, {0x01CF, 'i', 3}, {0x01D0, 'i', 3},
    {0x01D1, 'o', 3}, {0x01D2, 'o', 3}, {0x01D3, 'u', 3}, {0x01D4, 'u', 3},
    {0x01D5, 'v', 1}, {0x01D6, 'v', 1}, {0x01D7, 'v', 2}, {0x01D8, 'v', 2},
    {0x01D9, 'v', 3}, {0x01DA, 'v', 3}, {0x01DB, 'v', 4}, {0x01DC, 'v', 4},
    {0x01F8, 'n', 4}, {0x01F9, 'n', 4}, {0x0251, 'a', 0}, {0x0261, 'g', 0},
    {0x1E3E, 'm', 2}, {0x1E3F, 'm', 2}, {0x1EBE, 'e', 2}, {0x1EBF, 'e', 2},
    {0x1EC0, 'e', 4}, {0x1EC1, 'e', 4},
};

static int find_marked(uint32_t cp, char *base, unsigned *tone)
{
    size_t lo = 0, hi = sizeof marked / sizeof marked[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (marked[mid].cp == cp) {
            *base = marked[mid].base;
            *tone = marked[mid].tone;
            return 1;
        }
        if (marked[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Zhuyin (ㄓㄨㄥ, ˙ㄇㄚ, ㄌㄩˋ): the tone from its mark (none = first), the
 * syllable by comparing the symbols with each syllable's zhuyin.  Returns
 * the syllable's index as zt_py_syl_id() does. */
static int zhuyin_id(const char *s, size_t n, unsigned *tone_out)
{
    unsigned tone = 1;
    /* neutral: ˙ (U+02D9) before or after */
    if (n >= 2 && memcmp(s, "\xCB\x99", 2) == 0) {
        tone = 5;
        s += 2;
        n -= 2;
    } else if (n >= 2 && memcmp(s + n - 2, "\xCB\x99", 2) == 0) {
        tone = 5;
        n -= 2;
    }
    if (tone == 1 && n >= 2 && (uint8_t)s[n - 2] == 0xCB) {
        uint8_t b = (uint8_t)s[n - 1];
        tone = b == 0x8A ? 2 : b == 0x87 ? 3 : b == 0x8B ? 4 : 0;
        if (!tone)
            return -1;
        n -= 2;
    }
    if (n == 0 || n > 12)
        return -1;
    for (uint32_t syl = 0; syl < zt_py_nsyl; syl++) {
        char z[64];
        size_t zl = zt_py_zhuyin(syl * 5, z, sizeof z);
        if (zl == n && memcmp(z, s, n) == 0) {
            *tone_out = tone;
            return (int)syl;
        }
    }
    return -1;
}

int zt_py_syl_id(const char *s, size_t n, unsigned *tone_out)
{
    char w[12];
    size_t wl = 0;
    unsigned tone = 0;
    int digit = 0; /* a tone digit was seen: nothing may follow it */
    if (!s)
        return -1;
    /* Zhuyin starts with a symbol of the Bopomofo block or with ˙. */
    if (n >= 3 && (((uint8_t)s[0] == 0xE3 && ((uint8_t)s[1] == 0x84 ||
                                             (uint8_t)s[1] == 0x86)) ||
                   memcmp(s, "\xCB\x99", 2) == 0))
        return zhuyin_id(s, n, tone_out);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += zt_utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (digit || wl >= 8)
            return -1;
        unsigned t = 0;
        char b;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
            w[wl++] = (char)(cp | 0x20);
            continue;
        } else if (cp >= '0' && cp <= '5') {
            if (wl == 0 || tone)
                return -1;
            tone = cp == '0' ? 5 : cp - '0';
            digit = 1;
            continue;
        } else if (cp == ':') {
            /* "lu:4": the colon turns the u before it into ü */
            if (wl == 0 || w[wl - 1] != 'u')
                return -1;
            w[wl - 1] = 'v';
            continue;
        } else if (cp == 0x0308) { /* combining diaeresis */
            if (wl == 0 || w[wl - 1] != 'u')
                return -1;
            w[wl - 1] = 'v';
            continue;
        } else if (cp == 0x0302) { /* combining circumflex: ê */
            if (wl == 0 || w[wl - 1] != 'e')
                return -1;
            continue;
        } else if (cp == 0x0304 || cp == 0x0301 || cp == 0x030C ||
                   cp == 0x0300) { /* combining tone marks */
            t = cp == 0x0304 ? 1 : cp == 0x0301 ? 2 : cp == 0x030C ? 3 : 4;
            if (wl == 0)
                return -1;
        } else if (find_marked(cp, &b, &t)) {
            w[wl++] = b;
        } else {
            return -1;
        }
        if (t) {
            if (tone)
                return -1;
            tone = t;
        }
    }
    if (wl == 0)
        return -1;
    /* "lue"/"nue" are common misspellings of lüe/nüe (the ü dots are only
     * optional after j, q, x, y). */
    if (wl == 3 && (w[0] == 'l' || w[0] == 'n') && w[1] == 'u' && w[2] == 'e')
        w[1] = 'v';
    int id = zt_py_find_syl(w, wl);
    if (id >= 0)
        *tone_out = tone;
    return id;
}

size_t zt_pinyin_normalize(const char *s, size_t n, char *out, size_t cap)
{
    unsigned tone = 0;
    int id = zt_py_syl_id(s, n, &tone);
    if (id < 0)
        return 0;
    size_t wl = zt_py_syl_len[id];
    if (wl + (tone != 0) + 1 > cap || !out)
        return 0;
    memcpy(out, zt_py_syl[id], wl);
    if (tone)
        out[wl++] = (char)('0' + tone);
    out[wl] = '\0';
    return wl;
}
