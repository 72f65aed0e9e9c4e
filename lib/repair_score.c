/*
 * repair_score.c - how likely a reading of the hidden bytes is.
 *
 * A character scores as a word of its own (the pinyin module's word data,
 * which also gives each character's frequency); punctuation and the symbols
 * misaligned bytes decode to have fixed scores; a run of characters scores
 * as its best segmentation into dictionary words; for decisions, the steps
 * between the words' parts of speech count too.  No model of which
 * character follows which: the word list, with its frequencies and tags,
 * is all the data there is.
 */
#include <math.h>

#include "repair_search.h"

uint32_t zt_rp_simp_of(uint32_t cp)
{
    uint32_t rec = zt_py_char(cp);
    return rec ? zt_py_simp[rec - 1] : cp;
}

/* A character that is not a word of its own: punctuation is ordinary,
 * other symbols (box drawing, kana, Cyrillic...) are what misaligned bytes
 * decode to, so they are unlikely. */
static float symbol_score(uint32_t cp)
{
    switch (cp) {
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
        return -3.5f;
    case 0x3001: /* 、 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1A: /* ： */
    case 0xFF1B: /* ； */
    case 0x201C: case 0x201D: case 0x300A: case 0x300B: /* “ ” 《 》 */
    case 0xFF08: case 0xFF09: /* （ ） */
        return -6.0f;
    case 0x2026: case 0x2014: case 0xB7: case 0x2018: case 0x2019:
    case 0x300C: case 0x300D: case 0x3010: case 0x3011:
        return -8.0f;
    default:
        break;
    }
    if (cp < 0x80)
        return -6.0f;
    if ((cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2000 && cp <= 0x206F) ||
        (cp >= 0x3000 && cp <= 0x301F))
        return -12.0f; /* other full-width signs, letters and digits */
    return -16.0f;
}

/* A character that makes no word with its neighbours is a word of its own
 * or a piece of a word the data lacks (a name above all: 陳偉, where 偉 is
 * a rarer one-character word than 偽 in the data, although it is twice as
 * common inside words).  So its score mixes P(c as a word) with
 * ZT_RP_OOV x P(c anywhere in the words).  On the tuning sets (tools/repair_tune.sh; man + help,
 * lines wrong / silent): without 4076 / 22; 0.02 4112 / 21; 0.05 4093 / 18;
 * 0.1 4123 / 16; 0.2 4212 / 17.  For comparison, the same silent errors
 * by a wider margin (3.25 instead of 3) cost 4163 / 16: the mix is the
 * cheaper caution. */
#ifndef ZT_RP_OOV
#define ZT_RP_OOV 0.1f
#endif
/* The log probability of cp as a word of its own (or of an unknown one). */
float zt_rp_char_score(uint32_t cp)
{
    if (!zt_rp_is_han(cp))
        return symbol_score(cp);
    uint32_t rec = zt_py_char(cp);
    if (!rec)
        return zt_py_unk_logp;
    float w = zt_py_r_logp[rec - 1];
    if (ZT_RP_OOV > 0)
        return logf(expf(w) + ZT_RP_OOV * expf(zt_py_r_logpc[rec - 1]));
    return w;
}

/* The dictionary words of two or more characters that start at cps[i]
 * (record rec, which starts some word): node[k] ends at cps[end[k] - 1].
 * At most 7 (words of up to 8 characters).  The bigram filter answers most
 * misses without the hash. */
static size_t words_from(const struct zt_rp_stab *t, const uint32_t *cps,
                         size_t n, size_t i, uint32_t rec, uint32_t *node,
                         size_t *end)
{
    size_t k = 0;
    if (i + 1 >= n || !zt_rp_is_han(cps[i + 1]))
        return 0;
    uint32_t first = zt_py_r_wfirst[rec - 1];
    uint32_t s1 = zt_rp_simp_bmp(t, cps[i + 1]), nd = 0;
    if (zt_py_bigram(first, s1))
        nd = zt_py_pair_node(first, s1);
    if (!nd && s1 != cps[i + 1] && zt_py_bigram(first, cps[i + 1]))
        nd = zt_py_pair_node(first, cps[i + 1]);
    for (size_t j = i + 1; nd;) {
        if (zt_py_w_nodes[nd].roff != ZT_PY_NOWORD) {
            node[k] = nd;
            end[k++] = j + 1;
        }
        if (++j >= n || j >= i + 8 || !zt_rp_is_han(cps[j]) ||
            !zt_py_w_nodes[nd].nkids)
            break;
        uint32_t sj = zt_rp_simp_bmp(t, cps[j]);
        uint32_t next = zt_py_word_child(nd, sj);
        if (!next && sj != cps[j])
            next = zt_py_word_child(nd, cps[j]);
        nd = next;
    }
    return k;
}

/* What the marks in a row cost (zt_rp_punct_pair) over cps[0..n). */
static float punct_pairs(const uint32_t *cps, size_t n)
{
    float pp = 0;
    for (size_t i = 1; i < n; i++)
        pp += zt_rp_punct_pair(cps[i - 1], cps[i]);
    return pp;
}

/* best[i] from best[i + 1..n]: the best segmentation of cps[i..n). */
static float seg_at(const struct zt_rp_stab *t, const uint32_t *cps, size_t n,
                    size_t i, const float *best)
{
    float b = zt_rp_cs(t, cps[i]) + best[i + 1];
    uint32_t rec = zt_rp_is_han(cps[i]) ? zt_py_char(cps[i]) : 0;
    if (rec && zt_py_r_wnode[rec - 1]) {
        uint32_t node[8];
        size_t end[8], nw = words_from(t, cps, n, i, rec, node, end);
        for (size_t k = 0; k < nw; k++) {
            float c = zt_py_w_nodes[node[k]].logp + best[end[k]];
            if (c > b)
                b = c;
        }
    }
    return b;
}

float zt_rp_seg_suffix(const struct zt_rp_stab *t, const uint32_t *cps,
                       size_t n, float *best)
{
    best[n] = 0;
    for (size_t i = n; i-- > 0;)
        best[i] = seg_at(t, cps, n, i, best);
    return best[0] + punct_pairs(cps, n);
}

float zt_rp_seg_front(const struct zt_rp_stab *t, const uint32_t *cps,
                      size_t n, float *best)
{
    best[0] = seg_at(t, cps, n, 0, best);
    return best[0] + punct_pairs(cps, n);
}

/* The best segmentation of cps[0..n) into dictionary words. */
float zt_rp_seg_score(const struct zt_rp_stab *t, const uint32_t *cps,
                       size_t n)
{
    float best[64 + 1];
    if (n > 64)
        n = 64;
    return zt_rp_seg_suffix(t, cps, n, best);
}

/* The class model (zt_rp_seg_score_cls): what a step from a word of class
 * a to one of class b adds, times ZT_RP_CLS_WEIGHT, at most ZT_RP_CLS_CAP
 * either way.  On the tuning set (tools/repair_tune.sh, margin 3), lines
 * right / silent errors: no classes 89.335% / 7; weight 0.5 89.541% / 5,
 * 1 89.663% / 7, 1.5 89.757% / 10 (no cap); weight 1 with cap 1, 2, 3:
 * 89.614% / 7, 89.649% / 5, 89.673% / 5. */
#ifndef ZT_RP_CLS_WEIGHT
#define ZT_RP_CLS_WEIGHT 1.0f
#endif
#ifndef ZT_RP_CLS_CAP
#define ZT_RP_CLS_CAP 2.0f
#endif
#define CLS_KEEP 12 /* classes kept per position */

/* One position of the class Viterbi: the best score of the text before it
 * for each class of the word that ends there (zt_py_ncls: none, a mark or
 * an unknown character, after which the next word starts afresh). */
typedef struct clspos {
    int n;
    uint8_t cls[CLS_KEEP];
    float sc[CLS_KEEP];
} clspos;

static void cls_put(clspos *p, unsigned c, float v)
{
    for (int k = 0; k < p->n; k++)
        if (p->cls[k] == c) {
            if (v > p->sc[k])
                p->sc[k] = v;
            return;
        }
    if (p->n < CLS_KEEP) {
        p->cls[p->n] = (uint8_t)c;
        p->sc[p->n++] = v;
        return;
    }
    int lo = 0;
    for (int k = 1; k < CLS_KEEP; k++)
        if (p->sc[k] < p->sc[lo])
            lo = k;
    if (v > p->sc[lo]) {
        p->cls[lo] = (uint8_t)c;
        p->sc[lo] = v;
    }
}

/* A word of class c (ZT_PY_NOCLS: none) with log probability lp from
 * position from to position to. */
static void cls_step(const clspos *from, clspos *to, unsigned c, float lp)
{
    unsigned nc = zt_py_ncls;
    for (int k = 0; k < from->n; k++) {
        float v = from->sc[k] + lp;
        if (c != ZT_PY_NOCLS) {
            float pmi = zt_py_cls_pmi[from->cls[k] * nc + c];
            pmi = pmi > ZT_RP_CLS_CAP ? ZT_RP_CLS_CAP
                  : pmi < -ZT_RP_CLS_CAP ? -ZT_RP_CLS_CAP : pmi;
            v += ZT_RP_CLS_WEIGHT * pmi;
        }
        cls_put(to, c == ZT_PY_NOCLS ? nc : c, v);
    }
}

/* As zt_rp_seg_score, with the word classes: the best segmentation of
 * cps[0..n) under P(w | previous word) = P(w) P(class | previous class) /
 * P(class), jieba's part-of-speech steps over the word data's frequencies.
 * The unigram alone hardly tells 聰明的，他會 from 聰明的，名會 (e^2.7
 * apart, with five more like 名 close behind); a pronoun before a verb is
 * a common step, a classifier (名 is tagged q) before one a rare step:
 * e^4.4 apart.  Each step is held to +-ZT_RP_CLS_CAP: jieba's tags are
 * noisy (很 is "zg"), and an unseen step would otherwise cost e^10.  Used
 * where readings compete (decide), not in the search (tried there too:
 * no better on the tuning set, 89.605% of lines right, 6 silent). */
float zt_rp_seg_score_cls(const struct zt_rp_stab *t, const uint32_t *cps,
                          size_t n)
{
    clspos pos[64 + 1];
    if (n > 64)
        n = 64;
    pos[0].n = 1;
    pos[0].cls[0] = (uint8_t)zt_py_ncls;
    pos[0].sc[0] = 0;
    for (size_t i = 1; i <= n; i++)
        pos[i].n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!pos[i].n)
            continue;
        uint32_t rec = zt_rp_is_han(cps[i]) ? zt_py_char(cps[i]) : 0;
        uint32_t root = rec ? zt_py_r_wnode[rec - 1] : 0;
        unsigned c1 = root && zt_py_w_nodes[root].roff != ZT_PY_NOWORD
                          ? zt_py_w_cls[root] : ZT_PY_NOCLS;
        cls_step(&pos[i], &pos[i + 1], c1, zt_rp_cs(t, cps[i]));
        if (!root)
            continue;
        uint32_t node[8];
        size_t end[8], nw = words_from(t, cps, n, i, rec, node, end);
        for (size_t k = 0; k < nw; k++)
            cls_step(&pos[i], &pos[end[k]], zt_py_w_cls[node[k]],
                     zt_py_w_nodes[node[k]].logp);
    }
    float best = -1e30f;
    for (int k = 0; k < pos[n].n; k++)
        if (pos[n].sc[k] > best)
            best = pos[n].sc[k];
    return (n ? best : 0) + punct_pairs(cps, n);
}

/* The word-trie node reached from the root of ch[m] along ch[m-1] .. ch[0]
 * and then c (Simplified form first, as seg_score), 0 if none. */
static uint32_t word_walk(const struct zt_rp_stab *t, const uint32_t *ch,
                          size_t m, uint32_t c)
{
    uint32_t rec = zt_py_char(ch[m]);
    if (!rec || !zt_py_r_wnode[rec - 1])
        return 0;
    uint32_t first = zt_py_r_wfirst[rec - 1], node = 0;
    for (size_t k = m + 1; k-- > 0;) {
        uint32_t x = k ? ch[k - 1] : c;
        uint32_t sx = zt_rp_simp_bmp(t, x);
        uint32_t next;
        if (k == m) {
            next = zt_py_pair_node(first, sx);
            if (!next && sx != x)
                next = zt_py_pair_node(first, x);
        } else {
            if (!zt_py_w_nodes[node].nkids)
                return 0;
            next = zt_py_word_child(node, sx);
            if (!next && sx != x)
                next = zt_py_word_child(node, x);
        }
        if (!next)
            return 0;
        node = next;
    }
    return node;
}

/* The best segmentation score of the path's characters followed by c,
 * given seg1, the score with c as a word of its own: any dictionary word
 * ending in c that starts at most WBACK characters back may beat it.  The
 * bigram and trigram filters of the word data rule out most candidates
 * before the trie is touched. */
float zt_rp_word_end(const struct zt_rp_stab *t, const uint32_t *ch,
                      const float *before, size_t n, uint32_t c, uint32_t sc,
                      float seg1)
{
    uint32_t s0 = zt_rp_simp_bmp(t, ch[0]);
    float best = seg1;
    uint32_t node = word_walk(t, ch, 0, c);
    if (node && zt_py_w_nodes[node].roff != ZT_PY_NOWORD &&
        before[0] + zt_py_w_nodes[node].logp > best)
        best = before[0] + zt_py_w_nodes[node].logp;
    if (n < 2)
        return best;
    uint32_t s1 = zt_rp_simp_bmp(t, ch[1]);
    if (!zt_py_trigram(s1, s0, sc) && !(sc != c && zt_py_trigram(s1, s0, c)))
        return best;
    for (size_t m = 1; m < n; m++) {
        node = word_walk(t, ch, m, c);
        if (node && zt_py_w_nodes[node].roff != ZT_PY_NOWORD &&
            before[m] + zt_py_w_nodes[node].logp > best)
            best = before[m] + zt_py_w_nodes[node].logp;
    }
    return best;
}
