/*
 * pinyin_engine.c - the reading of each character of a run of Han text.
 *
 * Four steps, each cheap and table-driven:
 *   1. user words: wherever a user dictionary word occurs (longest first,
 *      left to right) its readings are taken as they are;
 *   2. segmentation of the rest by maximum probability over the word graph
 *      (jieba's rule: the path whose word probabilities multiply to the
 *      most), with the built-in dictionary of about 349,000 words, looked
 *      up through the characters' Simplified forms so that Traditional text
 *      reads like its Simplified form;
 *   3. every word of two or more characters gives its own readings (neutral
 *      tones and erhua included); a single character takes its most common
 *      reading, or, if it has several, the context model's choice;
 *   4. optional tone changes: 一 and 不 (--sandhi) and, in spoken mode,
 *      third-tone sandhi.
 */
#include <float.h>

#include "pinyin_internal.h"

#define CP_YI 0x4E00  /* 一 */
#define CP_BU 0x4E0D  /* 不 */
#define CP_ER 0x513F  /* 儿 */
#define CP_ER_T 0x5152 /* 兒 */

ZT_INLINE unsigned first_reading(uint32_t rec)
{
    return zt_py_rlist[zt_py_roff[rec]];
}

/* Step 1: if a user word starts at u[i], take its readings and return its
 * length in characters; else return 0. */
static size_t user_word(const zt_pinyin *p, zt_py_unit *u, size_t n, size_t i)
{
    const zt_trie *t = p->user;
    uint32_t node = zt_trie_root(t, u[i].simp);
    size_t best = 0;
    uint32_t val = 0;
    for (size_t j = i; node;) {
        if (t->nodes[node].val) {
            best = j + 1 - i;
            val = t->nodes[node].val - 1;
        }
        if (++j >= n || !t->nodes[node].nkids)
            break;
        node = zt_trie_child(t, node, u[j].simp);
    }
    if (!best)
        return 0;
    /* The value holds one code point (reading id + 1) per character; the
     * dictionary was checked when the handle was made. */
    const uint8_t *v = (const uint8_t *)t->vals + t->voff[val];
    size_t vn = t->voff[val + 1] - t->voff[val], off = 0;
    for (size_t k = 0; k < best && off < vn; k++) {
        uint32_t cp;
        off += zt_utf8_decode(v + off, vn - off, &cp);
        u[i + k].rd = (uint16_t)(cp - 1);
        u[i + k].user = 1;
    }
    u[i].wlen = (uint8_t)(best > 255 ? 255 : best);
    return best;
}

/* The hot-table slot of the pair (a, b), or NULL if it is not there. */
ZT_INLINE const zt_py_whot *hot_pair(uint32_t a, uint32_t b)
{
    uint64_t ab = ((uint64_t)a << 21) | b;
    uint32_t bits = zt_py_w_hot_bits, mask = (1u << bits) - 1;
    uint32_t h = (uint32_t)((ab * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    for (;; h = (h + 1) & mask) {
        uint64_t k = zt_py_w_hot[h].key;
        if (!k)
            return NULL;
        if ((k >> 22) == ab)
            return &zt_py_w_hot[h];
    }
}

/* One step down the word trie from `node`, the prefix ending in the code
 * points *a, *b, to u: the Simplified form first; then the character as
 * written, because the character-level mapping also maps characters that
 * are in Simplified use themselves (哪吒 is not 哪咤).  The trigram filter
 * answers most misses (the common case past two characters) without
 * touching the node's child list; on success *a, *b move along. */
ZT_INLINE uint32_t step(uint32_t node, const zt_py_unit *u, uint32_t *a,
                        uint32_t *b)
{
    uint32_t next = 0, c = u->simp;
    if (zt_py_trigram(*a, *b, c))
        next = zt_py_word_child(node, c);
    if (!next && u->cp != u->simp && zt_py_trigram(*a, *b, u->cp)) {
        c = u->cp;
        next = zt_py_word_child(node, c);
    }
    if (next) {
        *a = *b;
        *b = c;
    }
    return next;
}

/* The best word starting at u[i] from the root `node` of the code point
 * `first`: improves *b (log probability of the best path from i), *bo
 * (its readings) and *bl (its length) when a word beats them. */
static void words_from(const zt_py_unit *u, size_t n, size_t i, uint32_t first,
                       uint32_t node, const float *best, float *b, uint32_t *bo,
                       size_t *bl)
{
    uint32_t next = 0, pa = first, pb; /* the path's last two code points */
    size_t j = i + 1;
    if (!node || j >= n)
        return;
    pb = u[j].simp;
    const zt_py_whot *h = hot_pair(first, u[j].simp);
    if (h) {
        if (h->roff != ZT_PY_NOWORD) {
            float c = h->logp + best[j + 1];
            if (c > *b) {
                *b = c;
                *bo = h->roff;
                *bl = 2;
            }
        }
        uint32_t kids = (uint32_t)(h->key & ZT_PY_HOT_NODE);
        if (!kids || ++j >= n)
            return;
        next = step(kids, &u[j], &pa, &pb);
    } else {
        /* Most other pairs start no word: the bigram filter (a bit in 512
         * KiB) says so before the pair hash is probed. */
        if (zt_py_bigram(first, u[j].simp))
            next = zt_py_pair_node(first, u[j].simp);
        if (!next && u[j].cp != u[j].simp && zt_py_bigram(first, u[j].cp)) {
            next = zt_py_pair_node(first, u[j].cp);
            pb = u[j].cp;
        }
    }
    /* node ends the prefix u[i..j] */
    while ((node = next) != 0) {
        if (zt_py_w_nodes[node].roff != ZT_PY_NOWORD) {
            float c = zt_py_w_nodes[node].logp + best[j + 1];
            if (c > *b) {
                *b = c;
                *bo = zt_py_w_nodes[node].roff;
                *bl = j + 1 - i;
            }
        }
        if (++j >= n || !zt_py_w_nodes[node].nkids)
            break;
        next = step(node, &u[j], &pa, &pb);
    }
}

/* Step 2 and 3 on u[0..n), which holds no user word. */
static void segment(zt_py_unit *u, size_t n)
{
    float best[ZT_PY_RUN + 1];
    uint32_t roff[ZT_PY_RUN];   /* readings of the chosen word */
    uint8_t wlen[ZT_PY_RUN];
    best[n] = 0;
    for (size_t i = n; i-- > 0;) {
        const zt_py_rseg *r = &zt_py_r_seg[u[i].rec];
        float b = r->logp + best[i + 1];
        size_t bl = 1;
        uint32_t bo = 0;
        words_from(u, n, i, r->wfirst, r->wnode, best, &b, &bo, &bl);
        if (ZT_UNLIKELY(r->wnode2 != 0))
            words_from(u, n, i, u[i].cp, r->wnode2, best, &b, &bo, &bl);
        best[i] = b;
        roff[i] = bo;
        wlen[i] = (uint8_t)bl;
    }
    for (size_t i = 0; i < n;) {
        size_t l = wlen[i];
        u[i].wlen = (uint8_t)l;
        if (l > 1) {
            const uint16_t *r = zt_py_wrd + roff[i];
            for (size_t k = 0; k < l; k++)
                u[i + k].rd = r[k];
        } else {
            u[i].rd = (uint16_t)first_reading(u[i].rec);
        }
        i += l;
    }
}

/* A single character with several readings goes to the context model.
 * 儿 right after another character and in no word with it is the erhua
 * suffix (玩儿 wánr), read er5. */
static void single_chars(zt_py_unit *u, size_t n)
{
    for (size_t i = 0; i < n; i += u[i].wlen ? u[i].wlen : 1) {
        if (u[i].wlen != 1 || u[i].user)
            continue;
        if (zt_py_rn[u[i].rec] > 1)
            u[i].rd = (uint16_t)zt_py_model_choose(u, n, i, u[i].rd);
        if ((u[i].simp == CP_ER || u[i].cp == CP_ER_T) && i > 0)
            u[i].rd = (uint16_t)zt_py_with_tone(u[i].rd, 5);
    }
}

static int is_numeral(uint32_t cp)
{
    static const uint32_t nums[] = {0x3007, 0x4E00, 0x4E03, 0x4E07, 0x4E09,
                                    0x4E5D, 0x4E8C, 0x4E94, 0x516B, 0x516D,
                                    0x5341, 0x5343, 0x56DB, 0x767E, 0x96F6};
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
        if (nums[k] == cp)
            return 1;
    return 0;
}

/* Step 4a: 一 is yí before a fourth tone and yì before the others, but keeps
 * yī in numbers (十一, 一九八四, 第一) and at the end; 不 is bú before a
 * fourth tone. */
static void sandhi_yi_bu(zt_py_unit *u, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned next = zt_py_tone(u[i + 1].rd);
        if (u[i].simp == CP_YI && u[i].rd == zt_py_with_tone(u[i].rd, 1)) {
            if ((i > 0 && (is_numeral(u[i - 1].simp) || u[i - 1].simp == 0x7B2C)) ||
                (is_numeral(u[i + 1].simp) && u[i + 1].simp != 0x767E &&
                 u[i + 1].simp != 0x5343 && u[i + 1].simp != 0x4E07))
                continue;
            if (next == 4)
                u[i].rd = (uint16_t)zt_py_with_tone(u[i].rd, 2);
            else if (next != 5)
                u[i].rd = (uint16_t)zt_py_with_tone(u[i].rd, 4);
        } else if (u[i].simp == CP_BU && zt_py_tone(u[i].rd) == 4 && next == 4) {
            u[i].rd = (uint16_t)zt_py_with_tone(u[i].rd, 2);
        }
    }
}

/* Step 4b: third-tone sandhi, the everyday simplification: inside a word a
 * third tone before another third tone becomes second (你好 ní hǎo,
 * 展览馆 zhán lán guǎn), and so does a one-character word before a third
 * tone (我很好 wó hén hǎo); the tones compared are the original ones. */
static void sandhi_third(zt_py_unit *u, size_t n)
{
    uint8_t t[ZT_PY_RUN];
    for (size_t i = 0; i < n; i++)
        t[i] = (uint8_t)zt_py_tone(u[i].rd);
    size_t start = 0, end = 0; /* the word holding i */
    for (size_t i = 0; i + 1 < n; i++) {
        if (i >= end) {
            start = i;
            end = i + (u[i].wlen ? u[i].wlen : 1);
        }
        if (t[i] == 3 && t[i + 1] == 3 && (i + 1 < end || end - start == 1))
            u[i].rd = (uint16_t)zt_py_with_tone(u[i].rd, 2);
    }
}

void zt_py_read_run(const zt_pinyin *p, zt_py_unit *u, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++)
        u[i].wlen = u[i].user = 0;
    if (p->have_user) {
        for (size_t i = 0; i < n;) {
            size_t l = user_word(p, u, n, i);
            if (!l) {
                i++;
                continue;
            }
            if (i > start)
                segment(u + start, i - start);
            i += l;
            start = i;
        }
    }
    if (n > start)
        segment(u + start, n - start);
    single_chars(u, n);
    if (p->opt.sandhi || p->opt.spoken)
        sandhi_yi_bu(u, n);
    if (p->opt.spoken)
        sandhi_third(u, n);
}
