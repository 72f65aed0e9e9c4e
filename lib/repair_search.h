/*
 * repair_search.h - what the search for the bytes hidden by '?' shares.
 *
 *   repair_tables.c  per-repairer tables the search reads, built once
 *   repair_score.c   how likely a reading is: characters, words
 *   repair_solve.c   the search itself (a Viterbi over GBK bytes)
 */
#ifndef ZT_REPAIR_SEARCH_H
#define ZT_REPAIR_SEARCH_H

#include "pinyin_tables.h"
#include "repair.h"

/* The per-repairer tables.  The search's inner loop runs per (path,
 * candidate byte); these tables turn its lookups (character records,
 * readings, Simplified forms) into one load each. */

/* One character (L, t) of a lead byte L, for the lone-'?' expansion. */
struct q1ent {
    float sc;    /* its score + the prior of a character no reading follows,
                  * as far as it does not depend on the page: an upper bound */
    uint32_t c;
    uint8_t t;   /* the trail byte */
    uint8_t key; /* qrep[t] */
    uint8_t trad; /* Traditional-only: the page's prior is still to add */
};

struct zt_rp_stab {
    float cs[65536];      /* zt_rp_char_score of each BMP code point */
    uint32_t simp[65536]; /* zt_rp_simp_of of each BMP code point */
    /* The hole candidates: for reading key syl * 5 + tone (tone 0: any),
     * the two-byte codes (lead << 8 | trail, trail 0x81..0xFE, sorted)
     * whose character has that reading, at code[off[key] .. off[key + 1]). */
    uint32_t *off;
    uint16_t *code;
    /* For each byte b before a lone '?': the bytes 0x81..0xFE that pair
     * with it (valid[b], nvalid[b] of them), and those that do not
     * (invalid[b]), ascending: what the '?' can hide. */
    uint8_t nvalid[256], ninvalid[256];
    uint8_t valid[256][126], invalid[256][126];
    /* Bytes with the same invalid[] list share a class (GBK has a dozen);
     * qrep[b] is the first byte of b's class. */
    uint8_t qclass[256], qrep[256];
    unsigned nclass;
    /* For each lead byte L (0x81..0xFE): the characters (L, t), grouped by
     * the class of t and best first within a group, for expand_q1. */
    struct q1ent *q1;   /* 126 x 126 */
    uint8_t q1goff[126][127]; /* group starts: at most 126 groups, + end */
    uint8_t q1ng[126];
};

/* The Simplified form of cp (by the pinyin module's character records). */
ZT_HIDDEN uint32_t zt_rp_simp_of(uint32_t cp);
/* The log probability of cp as a word of its own. */
ZT_HIDDEN float zt_rp_char_score(uint32_t cp);
/* The best segmentation of cps[0..n) into dictionary words (at most 64). */
ZT_HIDDEN float zt_rp_seg_score(const struct zt_rp_stab *t, const uint32_t *cps,
                                size_t n);
/* The same as a suffix table: best[i] = the best segmentation of
 * cps[i..n) (best[n] = 0, n + 1 entries), so that a character put in front
 * is scored by zt_rp_seg_front() from best[1..n] with one more step. */
ZT_HIDDEN float zt_rp_seg_suffix(const struct zt_rp_stab *t,
                                 const uint32_t *cps, size_t n, float *best);
ZT_HIDDEN float zt_rp_seg_front(const struct zt_rp_stab *t,
                                const uint32_t *cps, size_t n, float *best);
/* The same with the word classes' steps (part of speech): for decisions. */
ZT_HIDDEN float zt_rp_seg_score_cls(const struct zt_rp_stab *t,
                                    const uint32_t *cps, size_t n);
/* The best segmentation score of a path's characters (ch[0] the last,
 * before[k] the score before ch[k], n of them) followed by c (Simplified
 * form sc), given seg1, the score with c as a word of its own. */
ZT_HIDDEN float zt_rp_word_end(const struct zt_rp_stab *t, const uint32_t *ch,
                               const float *before, size_t n, uint32_t c,
                               uint32_t sc, float seg1);

ZT_INLINE uint32_t zt_rp_simp_bmp(const struct zt_rp_stab *t, uint32_t cp)
{
    return cp < 0x10000 ? t->simp[cp] : zt_rp_simp_of(cp);
}

ZT_INLINE float zt_rp_cs(const struct zt_rp_stab *t, uint32_t cp)
{
    return cp < 0x10000 ? t->cs[cp] : zt_rp_char_score(cp);
}

/* The prior of a character by its class: in Traditional text a
 * Simplified-only character is unlikely.  (Whether a Traditional-only one
 * that no reading follows is, depends on the page's table: repair_page.c,
 * added where the document is known.) */
ZT_INLINE float zt_rp_prior_cls(uint8_t k)
{
    return (k & ZT_RP_SIMP) ? -6.0f : 0.0f;
}

/* Punctuation in context, where the word data says nothing.  Two marks in
 * a row are rare ("，，", "，。"; "。。" and "！？" do occur) and a line
 * seldom ends in a comma or 、 but often in 。: on manpages-zh, 2 such pairs
 * in 31,583 marks, and lines ending in 。 outnumber those ending in ， ten to
 * one and those ending in ” or … by more than fifty. */
ZT_INLINE int zt_rp_punct_kind(uint32_t cp)
{
    switch (cp) {
    case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A: /* ，、；： */
        return 1;
    case 0x3002: case 0xFF01: case 0xFF1F: /* 。！？ */
        return 2;
    default:
        return 0;
    }
}

ZT_INLINE float zt_rp_punct_pair(uint32_t a, uint32_t b)
{
    int ka = zt_rp_punct_kind(a), kb = zt_rp_punct_kind(b);
    return ka && kb && (ka == 1 || kb == 1) ? -4.0f : 0.0f;
}

/* At a line end, against each character's frequency: on the tuning set
 * (tools/repair_tune.sh) 。 ends 32% of lines and is 1.9% of characters
 * (e^2.8), ？ e^2.9, a Han character e^-0.7 on average.  (， at line ends is
 * common in wrapped man pages, not in the sentences of web pages: kept
 * rare.)  Tuning set, lines right / silent: 88.98% / 41 before these
 * three, 89.22% / 43 after. */
#define ZT_RP_LE_STOP 2.8f
#define ZT_RP_LE_EXCL 2.0f
#define ZT_RP_LE_HAN (-0.7f)
ZT_INLINE float zt_rp_line_end(uint32_t cp)
{
    switch (cp) {
    case 0xFF0C: case 0x3001: /* ，、 */
        return -2.5f;
    case 0x3002: /* 。 */
        return ZT_RP_LE_STOP;
    case 0xFF01: case 0xFF1F: /* ！？ */
        return ZT_RP_LE_EXCL;
    default:
        return cp >= 0x3400 && cp <= 0x9FFF ? ZT_RP_LE_HAN : 0.0f;
    }
}

#endif
