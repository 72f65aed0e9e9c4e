/*
 * repair_reading.c - is "(zhòng)" a reading of what precedes it?
 *
 * The injector wrote one fixed reading per character, so a reading that is
 * wrong in context still counts: the test is only "is this one of the
 * character's readings", in whatever form it is written (tone marks, tone
 * digits, none).  Word-level annotations, "词语(ciyu)", spell one syllable
 * per character; the syllables may run together, so the body is matched
 * against the characters by a small search rather than split first.
 */
#include "gbk.h"
#include "pinyin_tables.h"
#include "repair.h"
#include "utf8.h"

#define MAX_READINGS 16

typedef struct char_readings {
    uint32_t cp;
    size_t n;
    const char *r[MAX_READINGS];
} char_readings;

/* One written syllable against the character's readings.  The tone must be
 * one of the character's unless none or the neutral tone is written; 一 and
 * 不 change tone with context (yí, bú), so any tone goes for them. */
static int syllable_fits(const char *syl, size_t len, const char_readings *c)
{
    int tone = 0;
    if (len && syl[len - 1] >= '0' && syl[len - 1] <= '9')
        tone = syl[--len] - '0';
    int sandhi = c->cp == 0x4E00 || c->cp == 0x4E0D;
    for (size_t i = 0; i < c->n && i < MAX_READINGS; i++) {
        const char *r = c->r[i];
        size_t rl = strlen(r);
        int rt = 0;
        if (rl && r[rl - 1] >= '0' && r[rl - 1] <= '9')
            rt = r[--rl] - '0';
        if (rl != len || memcmp(r, syl, len) != 0)
            continue;
        if (tone == 0 || tone == 5 || tone == rt || sandhi)
            return 1;
    }
    return 0;
}

static int is_sep(uint8_t c)
{
    return c == ' ' || c == '\'' || c == '-' || c == '\t';
}

/* Match body[p..n) against chars[i..k). */
static int match_from(const char *body, size_t n, size_t p,
                      const char_readings *chars, size_t i, size_t k)
{
    while (p < n && is_sep((uint8_t)body[p]))
        p++;
    if (i == k)
        return p == n;
    if (p == n)
        return 0;
    /* A syllable is at most 6 letters, a tone mark adds up to 2 bytes
     * (precomposed) or 3 (combining), a tone digit 1. */
    size_t maxl = n - p < 12 ? n - p : 12;
    for (size_t l = 1; l <= maxl; l++) {
        uint8_t next = p + l < n ? (uint8_t)body[p + l] : 0;
        if ((next & 0xC0) == 0x80)
            continue; /* not at a character boundary */
        if (next >= 0xCC && next <= 0xCD)
            continue; /* a combining mark belongs to this syllable */
        char syl[8];
        size_t sl = zt_pinyin_normalize(body + p, l, syl, sizeof syl);
        if (!sl || !syllable_fits(syl, sl, &chars[i]))
            continue;
        if (match_from(body, n, p + l, chars, i + 1, k))
            return 1;
    }
    return 0;
}

int zt_rp_reads_as(const char *body, size_t n, const uint32_t *cps, size_t k)
{
    char_readings chars[8];
    if (k == 0 || k > 8)
        return ZT_RP_NOMATCH;
    if (k == 1) {
        /* The common case: the whole body is one syllable. */
        zt_rp_con c;
        if (zt_rp_con_parse(body, n, &c))
            return zt_rp_con_fits_n(&c, cps[0], MAX_READINGS);
    }
    for (size_t i = 0; i < k; i++) {
        chars[i].cp = cps[i];
        chars[i].n = zt_pinyin_readings(cps[i], chars[i].r, MAX_READINGS);
        if (!chars[i].n)
            return ZT_RP_NOMATCH;
    }
    return match_from(body, n, 0, chars, 0, k) ? ZT_RP_MATCH : ZT_RP_NOMATCH;
}

size_t zt_rp_body_len(const uint8_t *s, size_t n, int fullwidth)
{
    size_t i = 0, letters = 0;
    if (n > 64)
        n = 64;
    while (i < n) {
        uint8_t c = s[i];
        if (!fullwidth && c == ')')
            return letters ? i : 0;
        if (fullwidth && c == 0xEF && i + 2 < n && s[i + 1] == 0xBC &&
            s[i + 2] == 0x89)
            return letters ? i : 0;
        if (c >= 'a' && c <= 'z') {
            letters++;
            i++;
        } else if (c >= 'A' && c <= 'Z') {
            /* The injector writes lowercase; "華為(HUAWEI)", "拉尼那(LaNina)"
             * are names that happen to spell the reading. */
            return 0;
        } else if ((c >= '0' && c <= '5') || is_sep(c) || c == ':') {
            i++;
        } else if (c >= 0x80) {
            /* Latin letters with tone marks (U+00C0..U+024F) and combining
             * diacritics (U+0300..U+036F). */
            uint32_t cp;
            size_t l = zt_utf8_decode(s + i, n - i, &cp);
            if (!((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x300 && cp <= 0x36F)))
                return 0;
            letters++;
            i += l;
        } else {
            return 0;
        }
    }
    return 0;
}

/* The value of a one-character key of t, as a code point, 0 if none. */
static uint32_t char_value(const zt_trie *t, uint32_t cp)
{
    if (!t)
        return 0;
    uint32_t node = zt_trie_root(t, cp);
    if (!node || !t->nodes[node].val)
        return 0;
    uint32_t v = t->nodes[node].val - 1, vo = t->voff[v];
    uint32_t out;
    zt_utf8_decode((const uint8_t *)t->vals + vo, t->voff[v + 1] - vo, &out);
    return out == ZT_INVALID_CP ? 0 : out;
}

int zt_rp_is_trad(const zt_repairer *r, uint32_t cp)
{
    if (r->cls && cp < 0x10000)
        return r->cls[cp] & ZT_RP_TRAD;
    uint32_t s = char_value(r->ts_chars, cp);
    return s && s != cp;
}

void zt_rp_classes(const zt_repairer *r, uint8_t *cls)
{
    memset(cls, 0, 65536);
    for (uint32_t cp = 0x3400; cp < 0x10000; cp++) {
        if (!zt_rp_is_han(cp))
            continue;
        uint32_t t = char_value(r->ts_chars, cp);
        if (t && t != cp) {
            cls[cp] = ZT_RP_TRAD;
            continue;
        }
        uint32_t s = char_value(r->st_chars, cp);
        if (s && s != cp)
            cls[cp] = ZT_RP_SIMP;
    }
}

static int level1(uint32_t cp)
{
    unsigned code = zt_gbk_code(cp);
    return code >= 0xB0A1 && code <= 0xD7F9 && (code & 0xFF) >= 0xA1;
}

uint32_t zt_rp_st_char(const zt_repairer *r, uint32_t s)
{
    uint32_t t = char_value(r->st_chars, s);
    return t ? t : s;
}

int zt_rp_standard(const zt_repairer *r, uint32_t cp)
{
    if (cp < 0x10000 && r->cls && (r->cls[cp] & ZT_RP_SIMP))
        return 0;
    /* The Simplified form by OpenCC's first candidate that differs (as the
     * word lookups see it: 俱 "俱 具" is 具), and back by s2t. */
    uint32_t rec = zt_py_char(cp);
    uint32_t s = rec ? zt_py_simp[rec - 1] : cp;
    if (s == cp)
        return 1; /* not a Traditional form of something else */
    uint32_t t = char_value(r->st_chars, s);
    return !t || t == cp;
}

int zt_rp_common(const zt_repairer *r, uint32_t cp)
{
    if (!cp)
        return 0;
    if (level1(cp))
        return 2;
    uint32_t s = char_value(r->ts_chars, cp);
    if (s && s != cp && level1(s))
        return 2;
    return 1;
}

int zt_rp_garbage(const zt_repairer *r, uint32_t cp)
{
    if (!zt_rp_is_han(cp))
        return 0;
    if (cp < 0x10000 && (r->cls[cp] & ZT_RP_SIMP))
        return 1;
    return zt_rp_common(r, cp) < 2;
}

static uint32_t simp(const zt_repairer *r, uint32_t cp)
{
    uint32_t s = char_value(r->ts_chars, cp);
    return s ? s : cp;
}

int zt_rp_word2(const zt_repairer *r, uint32_t a, uint32_t b)
{
    const zt_trie *t = r->words;
    if (!t || !a || !b)
        return 0;
    uint32_t node = zt_trie_root(t, simp(r, a));
    if (!node)
        return 0;
    node = zt_trie_child(t, node, simp(r, b));
    return node && t->nodes[node].val;
}

/* ---- reading constraints as numbers (for the byte search) ---------------- */

int zt_rp_con_parse(const char *body, size_t n, zt_rp_con *c)
{
    while (n && is_sep((uint8_t)body[0]))
        body++, n--;
    while (n && is_sep((uint8_t)body[n - 1]))
        n--;
    unsigned tone = 0;
    int syl = n ? zt_py_syl_id(body, n, &tone) : -1;
    if (syl < 0)
        return 0;
    c->syl = (uint16_t)syl;
    c->tone = (uint8_t)tone;
    return 1;
}

int zt_rp_con_fits_n(const zt_rp_con *c, uint32_t cp, unsigned max)
{
    uint32_t rec = zt_py_char(cp);
    if (!rec)
        return 0;
    rec--;
    int anytone = c->tone == 0 || c->tone == 5 || cp == 0x4E00 || cp == 0x4E0D;
    const uint16_t *r = zt_py_rlist + zt_py_roff[rec];
    for (unsigned i = 0; i < zt_py_rn[rec] && i < max; i++)
        if (zt_py_sylof(r[i]) == c->syl &&
            (anytone || zt_py_tone(r[i]) == c->tone))
            return 1;
    return 0;
}

int zt_rp_con_fits(const zt_rp_con *c, uint32_t cp)
{
    return zt_rp_con_fits_n(c, cp, UINT32_MAX);
}
