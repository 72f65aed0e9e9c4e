/*
 * pinyin_model.c - the context model for a polyphonic character that no
 * word decided.
 *
 * A linear model per character (an averaged perceptron trained offline by
 * tools/pinyin/train_model.py on CPP's dev split, see data/pinyin/
 * SOURCES.md).  A candidate reading's score is the sum of
 *   - the weights of the context features that fire for it: the character
 *     itself (a learned prior), the characters one and two places to either
 *     side, three pairs of them, the words (segments) just before and
 *     just after, and those two words together; a feature is a multiplicative hash of (character, feature type,
 *     code points) looked up in one sorted table;
 *   - shared weights of the candidate itself, learned across all
 *     characters: its rank in Unihan's list and how often the word
 *     dictionary reads the character so.  These let the model choose well
 *     for characters it never saw in training.
 * The highest score wins; a tie keeps the earlier (more common) reading.
 */
#include "pinyin_internal.h"

enum { F_BIAS, F_L1, F_R1, F_L2, F_R2, F_L1R1, F_L2L1, F_R1R2, F_LW, F_RW,
       F_LWRW = 13 };
/* Between the left and the right word in the F_LWRW key (model_keys.py). */
#define LWRW_SEP 0xFFFFu

#define MAX_CANDS 32
#define EDGE 0

/* One 32-bit word into the feature hash (model_keys.py's fnv()): a word at
 * a time, one multiply, since a dozen keys are hashed per character. */
static uint32_t fnv_word(uint32_t h, uint32_t w)
{
    h = (h ^ w) * 0x9E3779B1u;
    return h ^ (h >> 15);
}

static uint32_t key_start(uint32_t target, uint32_t type)
{
    return fnv_word(fnv_word(0x811C9DC5u, target), type);
}

/* Index of feature `key` in the table, or zt_py_m_nkeys. */
static size_t find_key(uint32_t key)
{
    for (uint32_t h = key & zt_py_m_hmask;; h = (h + 1) & zt_py_m_hmask) {
        uint32_t v = zt_py_m_hash[h];
        if (!v)
            return zt_py_m_nkeys;
        if (zt_py_m_keys[v - 1] == key)
            return v - 1;
    }
}

static int has_key(uint32_t key)
{
    return find_key(key) < zt_py_m_nkeys;
}

/* Add the weights of feature `key` to the candidates' scores. */
static void add_feature(uint32_t key, const uint16_t *cand, size_t nc,
                        int32_t *score)
{
    size_t lo = find_key(key);
    if (lo == zt_py_m_nkeys)
        return;
    for (uint32_t e = zt_py_m_off[lo]; e < zt_py_m_off[lo + 1]; e++)
        for (size_t k = 0; k < nc; k++)
            if (cand[k] == zt_py_m_rd[e])
                score[k] += zt_py_m_w[e];
}

/* The segment containing u[j] as [start, end). */
static void segment_of(const zt_py_unit *u, size_t j, size_t *s, size_t *e)
{
    size_t k = j;
    while (k > 0 && u[k].wlen == 0)
        k--;
    *s = k;
    *e = k + (u[k].wlen ? u[k].wlen : 1);
}

unsigned zt_py_model_choose(const zt_py_unit *u, size_t n, size_t i,
                            unsigned fallback)
{
    /* The model knows characters by their Simplified form, except those it
     * was trained on as written (閤, which the mapping would make 阁). */
    uint32_t c = u[i].simp, rec;
    if (u[i].cp != c && has_key(key_start(u[i].cp, F_BIAS)))
        c = u[i].cp;
    rec = zt_py_char(c);
    if (!rec)
        return fallback;
    rec--;
    size_t nc = zt_py_rn[rec];
    if (nc < 2)
        return fallback;
    if (nc > MAX_CANDS)
        nc = MAX_CANDS;
    const uint16_t *cand = zt_py_rlist + zt_py_roff[rec];
    const uint8_t *prior = zt_py_rprior + zt_py_roff[rec];
    int32_t score[MAX_CANDS];
    for (size_t k = 0; k < nc; k++) {
        score[k] = zt_py_m_rank[k < 4 ? k : 4] + zt_py_m_dictp[prior[k] & 15];
        if (prior[k] & 0x10)
            score[k] += zt_py_m_top;
    }
    uint32_t l1 = i >= 1 ? u[i - 1].simp : EDGE, l2 = i >= 2 ? u[i - 2].simp : EDGE;
    uint32_t r1 = i + 1 < n ? u[i + 1].simp : EDGE;
    uint32_t r2 = i + 2 < n ? u[i + 2].simp : EDGE;
    /* Every character trained on has a bias weight; one that has none
     * has no context weights either, and the shared ones decide. */
    if (!has_key(key_start(c, F_BIAS)))
        goto choose;
    add_feature(key_start(c, F_BIAS), cand, nc, score);
    add_feature(fnv_word(key_start(c, F_L1), l1), cand, nc, score);
    add_feature(fnv_word(key_start(c, F_R1), r1), cand, nc, score);
    add_feature(fnv_word(key_start(c, F_L2), l2), cand, nc, score);
    add_feature(fnv_word(key_start(c, F_R2), r2), cand, nc, score);
    add_feature(fnv_word(fnv_word(key_start(c, F_L1R1), l1), r1), cand, nc, score);
    add_feature(fnv_word(fnv_word(key_start(c, F_L2L1), l2), l1), cand, nc, score);
    add_feature(fnv_word(fnv_word(key_start(c, F_R1R2), r1), r2), cand, nc, score);
    size_t s, e;
    uint32_t both = key_start(c, F_LWRW);
    segment_of(u, i, &s, &e);
    if (s > 0) {
        size_t ls, le;
        segment_of(u, s - 1, &ls, &le);
        uint32_t h = key_start(c, F_LW);
        for (size_t k = ls; k < le; k++) {
            h = fnv_word(h, u[k].simp);
            both = fnv_word(both, u[k].simp);
        }
        add_feature(h, cand, nc, score);
    }
    both = fnv_word(both, LWRW_SEP);
    if (e < n) {
        size_t rs = e, re = e + (u[e].wlen ? u[e].wlen : 1);
        uint32_t h = key_start(c, F_RW);
        for (size_t k = rs; k < re && k < n; k++) {
            h = fnv_word(h, u[k].simp);
            both = fnv_word(both, u[k].simp);
        }
        add_feature(h, cand, nc, score);
    }
    add_feature(both, cand, nc, score);
choose:;
    size_t best = 0;
    for (size_t k = 1; k < nc; k++)
        if (score[k] > score[best])
            best = k;
    /* A Traditional character keeps its own reading list: map the choice
     * back through the syllable if the lists differ. */
    unsigned r = cand[best];
    if (u[i].rec != rec) {
        const uint16_t *own = zt_py_rlist + zt_py_roff[u[i].rec];
        for (size_t k = 0; k < zt_py_rn[u[i].rec]; k++)
            if (own[k] == r)
                return r;
        return fallback;
    }
    return r;
}
