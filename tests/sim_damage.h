/*
 * sim_damage.h - a damage simulator for the repair tests and benchmark
 * (test code, not a product feature).
 *
 * It reproduces the injector described in ../shared/README.md: Traditional
 * text -> GBK bytes -> for each table character, in table order, every
 * occurrence of its two bytes (with no regard for character boundaries) is
 * followed by "(reading)" -> decoded with '?' for each invalid pair (the
 * pair's two bytes become one '?'; or, with sim.each, U+FFFD for each
 * byte that starts no valid pair, as Python's errors="replace" decodes).  The table is every Traditional-only
 * character GBK has (one that t2s changes), with its first reading in tone
 * marks.  Lines are damaged one at a time.
 *
 * Real pages do not annotate that whole table: each page annotates its own
 * subset (../shared/data/injected: within a page a character is annotated
 * everywhere or nowhere, and a page annotates 33% (median) to 39% (mean)
 * of the Traditional-only characters it has, 43% of their occurrences;
 * 國 in 1 page of 8, 關 in 10 of 11).  sim.rate < 1 keeps each table
 * character with that probability, drawn per document (sim.doc) by a hash,
 * so that a run is reproducible.
 *
 * Header-only (static functions) so that a test and a tool can both use it;
 * it reads the library's internal GBK table and the public pinyin API.
 */
#ifndef SIM_DAMAGE_H
#define SIM_DAMAGE_H

#include <stdlib.h>
#include <string.h>

#include "gbk.h"
#include "utf8.h"
#include "zhtext.h"

/* Tone-number syllable ("hui4", "lv3") -> tone marks ("huì", "lǚ"). */
static size_t sim_marks(const char *r, char *out)
{
    static const char *const marks[6][5] = {
        /* a e i o u */
        {"a", "e", "i", "o", "u"},
        {"ā", "ē", "ī", "ō", "ū"},
        {"á", "é", "í", "ó", "ú"},
        {"ǎ", "ě", "ǐ", "ǒ", "ǔ"},
        {"à", "è", "ì", "ò", "ù"},
        {"a", "e", "i", "o", "u"},
    };
    static const char *const umarks[6] = {"ü", "ǖ", "ǘ", "ǚ", "ǜ", "ü"};
    size_t n = strlen(r);
    int tone = 5;
    if (n && r[n - 1] >= '1' && r[n - 1] <= '5')
        tone = r[--n] - '0';
    /* Which vowel carries the mark: a or e if present, o in "ou", else the
     * last vowel. */
    int at = -1;
    for (size_t i = 0; i < n; i++)
        if (r[i] == 'a' || r[i] == 'e')
            at = (int)i;
    if (at < 0)
        for (size_t i = 0; i + 1 < n; i++)
            if (r[i] == 'o' && r[i + 1] == 'u')
                at = (int)i;
    if (at < 0)
        for (size_t i = 0; i < n; i++)
            if (strchr("iouv", r[i]))
                at = (int)i;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = NULL;
        if (r[i] == 'v')
            p = umarks[(int)i == at ? tone : 0];
        else if ((int)i == at)
            p = marks[tone][strchr("aeiou", r[i]) - "aeiou"];
        if (p) {
            memcpy(out + o, p, strlen(p));
            o += strlen(p);
        } else {
            out[o++] = r[i];
        }
    }
    out[o] = 0;
    return o;
}


/* The annotation bytes "(reading)" in GBK for each table code, built
 * lazily into a flat store. */
typedef struct sim {
    int32_t *rank;             /* 65536 entries */
    uint8_t (*ann)[32];        /* 65536 entries: len byte + bytes */
    /* Decode as Python's errors="replace" does: each byte that does not
     * start a valid pair becomes U+FFFD, and the next byte is read again
     * (nothing swallowed), instead of '?' for the pair. */
    int each;
    /* The page's table: each character kept with probability rate (1: all),
     * drawn anew for each value of doc. */
    double rate;
    uint32_t doc;
    /* Fold full-width forms after decoding (U+FF01..FF5E to ASCII, U+3000
     * to a space), as the real pages were: none of them has a ， or （,
     * though 、 and 。 abound. */
    int fold;
    /* A pair in GBK's user-defined areas (AAA1..AFFE, F8A1..FEFE,
     * A140..A7A0) vanishes instead of showing as '?', as on two real pages:
     * 011 lost FA BB (between 'I' and 钪) and 018 FE B2 (between 闭 and 咴).
     * Windows' code page 936 decodes these pairs to private-use characters,
     * which the pages then lost, and shows '?' for a lead byte with a bad
     * trail byte, swallowing both, as the pages' "?qǐng)" show.  The other
     * pairs GBK leaves unassigned (202 gaps in the symbol rows A2..A9)
     * still show '?'.  In a run read one byte late, nearly every '?' of a
     * well-formed pair is a user-defined one (1,446 of the 1,648 pairs of
     * two bytes >= 0x81 that GBK leaves unassigned). */
    int drop;
} sim;

/* Is (a, b) in GBK's user-defined areas (see sim.drop)? */
static int sim_user_defined(unsigned a, unsigned b)
{
    int trail = b >= 0x40 && b <= 0xFE && b != 0x7F;
    return trail && (((a >= 0xAA && a <= 0xAF) || (a >= 0xF8 && a <= 0xFE))
                         ? b >= 0xA1
                         : a >= 0xA1 && a <= 0xA7 && b <= 0xA0);
}

/* Is the table character `code` in the current document's table? */
static int sim_member(const sim *s, uint32_t code)
{
    if (s->rate >= 1.0)
        return 1;
    uint64_t h = ((uint64_t)s->doc << 16 | code) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return (double)(uint32_t)h < s->rate * 4294967296.0;
}

static int sim_is_trad(uint32_t cp, const zt_converter *t2s)
{
    char in[8], out[32];
    size_t n = zt_utf8_encode(cp, (uint8_t *)in), on;
    if (zt_convert(t2s, in, n, out, sizeof out, &on) != ZT_OK)
        return 0;
    return on != n || memcmp(in, out, n) != 0;
}

static int sim_init(sim *s)
{
    zt_converter *t2s;
    if (zt_converter_new("t2s", NULL, 0, &t2s) != ZT_OK)
        return -1;
    s->each = 0;
    s->rate = 1.0;
    s->doc = 0;
    s->fold = 0;
    s->drop = 0;
    s->rank = malloc(65536 * sizeof *s->rank);
    s->ann = calloc(65536, sizeof *s->ann);
    if (!s->rank || !s->ann)
        return -1;
    int32_t next = 0;
    for (uint32_t code = 0; code < 65536; code++) {
        s->rank[code] = -1;
        uint32_t cp = zt_gbk_pair(code >> 8, code & 0xFF);
        if (!cp || cp < 0x3400 || !sim_is_trad(cp, t2s))
            continue;
        const char *rd[1];
        if (!zt_pinyin_readings(cp, rd, 1))
            continue;
        char marked[32];
        size_t ml = sim_marks(rd[0], marked);
        uint8_t *a = s->ann[code];
        size_t o = 1;
        a[o++] = '(';
        for (size_t i = 0; i < ml;) {
            uint32_t c;
            size_t l = zt_utf8_decode((const uint8_t *)marked + i, ml - i, &c);
            unsigned g = zt_gbk_code(c);
            if (g > 0xFF)
                a[o++] = (uint8_t)(g >> 8);
            a[o++] = (uint8_t)g;
            i += l;
        }
        a[o++] = ')';
        a[0] = (uint8_t)(o - 1);
        s->rank[code] = next++;
    }
    zt_converter_free(t2s);
    return 0;
}

static void sim_free(sim *s)
{
    free(s->rank);
    free(s->ann);
}

typedef struct sim_match {
    int32_t rank;
    uint32_t pos;
} sim_match;

static int sim_cmp(const void *a, const void *b)
{
    const sim_match *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void sim_put(char **o, size_t *len, size_t *cap, const void *p,
                    size_t n)
{
    if (*len + n + 1 > *cap) {
        while (*len + n + 1 > *cap)
            *cap = *cap ? *cap * 2 : 1024;
        *o = realloc(*o, *cap);
        if (!*o)
            abort();
    }
    memcpy(*o + *len, p, n);
    *len += n;
}

/* Damage one line (no '\n'); append to the output. */
static void sim_line(const sim *s, const uint8_t *l, size_t n, char **o,
                     size_t *olen, size_t *ocap)
{
    /* GBK bytes; characters GBK lacks are kept as UTF-8 with marker 0x100
     * so that they never match and decode back as they were. */
    uint16_t *b = malloc((n + 1) * sizeof *b);
    uint32_t *src = malloc((n + 1) * sizeof *src);
    sim_match *m = malloc((n + 1) * sizeof *m);
    uint8_t *ins = calloc(n + 1, 1);      /* an insertion after byte i */
    uint32_t *insc = calloc(n + 1, sizeof *insc);
    if (!b || !src || !m || !ins || !insc)
        abort();
    size_t bl = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t cl = zt_utf8_decode(l + i, n - i, &cp);
        unsigned g = cp != ZT_INVALID_CP && cp ? zt_gbk_code(cp) : 0;
        if (g > 0xFF) {
            b[bl++] = (uint16_t)(g >> 8);
            b[bl++] = (uint16_t)(g & 0xFF);
        } else if (g) {
            b[bl++] = (uint16_t)g;
        } else {
            src[bl] = (uint32_t)i;
            b[bl++] = (uint16_t)(0x100 | cl);
        }
        i += cl;
    }
    size_t nm = 0;
    for (size_t i = 0; i + 1 < bl; i++) {
        if (b[i] > 0xFF || b[i + 1] > 0xFF)
            continue;
        int32_t r = s->rank[b[i] << 8 | b[i + 1]];
        if (r >= 0 && sim_member(s, (uint32_t)(b[i] << 8 | b[i + 1])))
            m[nm++] = (sim_match){r, (uint32_t)i};
    }
    qsort(m, nm, sizeof *m, sim_cmp);
    int32_t cur = -1;
    size_t last_end = 0;
    for (size_t k = 0; k < nm; k++) {
        size_t i = m[k].pos;
        if (m[k].rank != cur) {
            cur = m[k].rank;
            last_end = 0;
        }
        /* The two bytes must still be adjacent, and a pass scans on from
         * the end of its previous replacement. */
        if (ins[i] || i < last_end)
            continue;
        ins[i + 1] = 1;
        insc[i + 1] = b[i] << 8 | b[i + 1];
        last_end = i + 2;
    }
    /* The damaged byte string, then its decoding. */
    size_t dl = 0, dcap = bl * 4 + 16;
    uint16_t *d = malloc(dcap * sizeof *d);
    uint32_t *dsrc = malloc(dcap * sizeof *dsrc);
    if (!d || !dsrc)
        abort();
    for (size_t i = 0; i < bl; i++) {
        if (dl + 40 > dcap) {
            dcap *= 2;
            d = realloc(d, dcap * sizeof *d);
            dsrc = realloc(dsrc, dcap * sizeof *dsrc);
            if (!d || !dsrc)
                abort();
        }
        dsrc[dl] = src[i];
        d[dl++] = b[i];
        if (ins[i]) {
            const uint8_t *a = s->ann[insc[i]];
            for (size_t k = 1; k <= a[0]; k++)
                d[dl++] = a[k];
        }
    }
    for (size_t i = 0; i < dl;) {
        unsigned v = d[i];
        if (v > 0xFF) {
            sim_put(o, olen, ocap, l + dsrc[i], v & 0xFF);
            i++;
        } else if (v < 0x80) {
            char c = (char)v;
            sim_put(o, olen, ocap, &c, 1);
            i++;
        } else if (v == 0x80) {
            sim_put(o, olen, ocap, "\xE2\x82\xAC", 3);
            i++;
        } else {
            uint32_t cp = i + 1 < dl && d[i + 1] <= 0xFF ? zt_gbk_pair(v, d[i + 1]) : 0;
            if (cp) {
                uint8_t u[4];
                if (s->fold && cp >= 0xFF01 && cp <= 0xFF5E)
                    cp -= 0xFEE0;
                else if (s->fold && cp == 0x3000)
                    cp = ' ';
                sim_put(o, olen, ocap, u, zt_utf8_encode(cp, u));
                i += 2;
            } else if (s->drop && i + 1 < dl && sim_user_defined(v, d[i + 1])) {
                i += 2;
            } else if (s->each) {
                sim_put(o, olen, ocap, "\xEF\xBF\xBD", 3);
                i++;
            } else {
                sim_put(o, olen, ocap, "?", 1);
                i += i + 1 < dl && d[i + 1] <= 0xFF ? 2 : 1;
            }
        }
    }
    free(b);
    free(src);
    free(m);
    free(ins);
    free(insc);
    free(d);
    free(dsrc);
}

/* Damage a whole text, line by line.  Returns malloc'd NUL-terminated. */
static char *sim_damage(const sim *s, const char *t, size_t n, size_t *outlen)
{
    char *o = NULL;
    size_t olen = 0, ocap = 0;
    sim_put(&o, &olen, &ocap, "", 0);
    for (size_t pos = 0; pos < n;) {
        const char *nl = memchr(t + pos, '\n', n - pos);
        size_t ln = nl ? (size_t)(nl - (t + pos)) : n - pos;
        sim_line(s, (const uint8_t *)t + pos, ln, &o, &olen, &ocap);
        if (nl)
            sim_put(&o, &olen, &ocap, "\n", 1);
        pos += ln + (nl ? 1 : 0);
    }
    o[olen] = 0;
    *outlen = olen;
    return o;
}

#endif
