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
extern const uint8_t zt_py_syl_len[]; /* strlen of each syllable */
/* zt_py_find_syl's hash: slot (syllable as a big-endian 64-bit number *
 * 0x9E3779B97F4A7C15) >> (64 - zt_py_syl_bits), linear probing, holds the
 * syllable's index + 1 (0: empty). */
extern const unsigned zt_py_syl_bits;
extern const uint16_t zt_py_syl_slot[];

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

/* Words (the segmentation dictionary with readings): a trie over code
 * points.  The root is a page table like the characters' (zt_py_w_hi,
 * zt_py_w_pages: first code point -> node); node n's children are nodes
 * kids .. kids + nkids - 1, their code points in zt_py_w_cps (sorted).  A
 * node that ends a word has roff != UINT32_MAX: the word's log probability
 * and its readings at zt_py_wrd[roff ..] (one per character), kept in the
 * node so that one cache line serves the segmenter.  zt_py_unk_logp is
 * the log probability of a character the dictionary does not list. */
typedef struct zt_py_wnode {
    uint32_t kids;
    uint32_t nkids;
    float logp;
    uint32_t roff;
} zt_py_wnode;
#define ZT_PY_NOWORD UINT32_MAX
extern const uint32_t zt_py_nwords;
extern const float zt_py_unk_logp;
extern const uint16_t zt_py_w_hi[];
extern const uint32_t zt_py_w_pages[];
extern const uint32_t zt_py_w_npages;
extern const uint32_t zt_py_w_nnodes;
extern const zt_py_wnode zt_py_w_nodes[];
extern const uint32_t zt_py_w_cps[];
/* The trie's second level by hash: slot of (first << 32 | second) by
 * Fibonacci hashing to zt_py_w2_bits bits, linear probing; each slot is
 * first << 43 | second << 22 | node in one word (0 = empty), so that a
 * probe is one memory access. */
extern const uint32_t zt_py_w2_bits;
extern const uint64_t zt_py_w2[];
extern const uint16_t zt_py_wrd[];
/* The pairs that start the dictionary's most frequent words, again, in a
 * table small enough to stay in cache: slot of (first << 21 | second) by
 * Fibonacci hashing to zt_py_w_hot_bits bits, linear probing, key 0 =
 * empty.  key = first << 43 | second << 22 | node, node being the pair's
 * trie node if it has children, else 0; logp and roff are the pair's own
 * word as in zt_py_wnode (roff ZT_PY_NOWORD if the pair is no word).  A
 * pair not found here may still start words (the tables above know). */
typedef struct zt_py_whot {
    uint64_t key;
    float logp;
    uint32_t roff;
} zt_py_whot;
#define ZT_PY_HOT_NODE 0x3FFFFFu
extern const uint32_t zt_py_w_hot_bits;
extern const zt_py_whot zt_py_w_hot[];
/* One bit per hash of the first two characters of each word (22 bits):
 * clear means no word starts with the pair. */
extern const uint64_t zt_py_w_bigram[];
/* Word classes, for repair's decisions (tools/pinyin/import_tags.py):
 * zt_py_w_cls[node] is the class of the node's word (its part-of-speech
 * tag in jieba, one character or longer; ZT_PY_NOCLS if none), and
 * zt_py_cls_pmi[a * zt_py_ncls + b] what a word of class b after one of
 * class a adds to the unigram score, log P(b | a) - log P(b), with row
 * a = zt_py_ncls for no word before. */
#define ZT_PY_NOCLS 255u
extern const uint32_t zt_py_ncls;
extern const uint8_t zt_py_w_cls[];
extern const float zt_py_cls_pmi[];
/* Per character record: its root node in the word trie (0 if no word
 * starts with it), the code point that node is for (its Simplified form,
 * or itself when only that starts words), for a Traditional character that
 * also starts words as written the root of those (else 0), and its log
 * probability as a one-character word (zt_py_unk_logp if it is none). */
extern const uint32_t zt_py_r_wnode[];
extern const uint32_t zt_py_r_wfirst[];
extern const uint32_t zt_py_r_wnode2[];
extern const float zt_py_r_logp[];
/* The log probability of each record's character anywhere in the word
 * data, inside words too (per character of text). */
extern const float zt_py_r_logpc[];
/* The same four, together: the segmenter needs all of them for every
 * character, and one 16-byte record is one cache line instead of four. */
typedef struct zt_py_rseg {
    uint32_t wnode, wfirst, wnode2;
    float logp;
} zt_py_rseg;
extern const zt_py_rseg zt_py_r_seg[];

ZT_INLINE uint32_t zt_py_pair_hash(uint32_t a, uint32_t b)
{
    uint32_t h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u);
    return (h * 0xC2B2AE35u) >> 10;
}

ZT_INLINE int zt_py_bigram(uint32_t a, uint32_t b)
{
    uint32_t h = zt_py_pair_hash(a, b);
    return (int)((zt_py_w_bigram[h >> 6] >> (h & 63)) & 1);
}
/* The word-end filter (repair's search, lib/repair_solve.c): for each
 * character a, a region of zt_py_w_endpair with one bit per hash of each b
 * that some word ends in "a b"; a clear bit means no word does.  A record's
 * region is (offset in words << 5 | log2 of its bits), 0 if no word ends
 * in its character and another.  Per character, so that the ~100
 * candidates the search tries after one path's last character share a few
 * cache lines (tools/pinyin/gen_tables.py says more). */
extern const uint64_t zt_py_w_endpair[];
extern const uint32_t zt_py_r_endpair[];

/* Whether a word may end in "a b", for a's region reg. */
ZT_INLINE int zt_py_endpair_in(uint32_t reg, uint32_t b)
{
    if (!reg)
        return 0;
    uint32_t h = (b * 0x85EBCA77u) >> (32 - (reg & 31));
    return (int)((zt_py_w_endpair[(reg >> 5) + (h >> 6)] >> (h & 63)) & 1);
}
/* One bit per hash of every three consecutive characters of each word (23
 * bits, 1 MiB): clear means the trie node reached by ..a b has no child c,
 * which the segmenter learns here without reading the node's child list. */
extern const uint64_t zt_py_w_trigram[];

ZT_INLINE int zt_py_trigram(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (c * 0xC2B2AE3Du);
    h = (h * 0x27D4EB2Fu) >> 9;
    return (int)((zt_py_w_trigram[h >> 6] >> (h & 63)) & 1);
}

/* Context model (lib/pinyin_model.c, trained by tools/pinyin/train_model.py).
 * zt_py_rprior, parallel to zt_py_rlist: the word dictionary's share of
 * each reading as a -log2 bucket (low 4 bits), 0x10 on its favourite.
 * Feature weights: zt_py_m_keys sorted; key k has the (reading, weight)
 * pairs zt_py_m_rd/zt_py_m_w[zt_py_m_off[k] .. zt_py_m_off[k + 1]).
 * Shared weights of a candidate: by rank (capped at 4), by prior bucket,
 * and for the favourite. */
extern const uint8_t zt_py_rprior[];
/* Per record: 1 if the character is polyphonic in modern use (at least two
 * readings each making 0.4% of its uses in the word dictionary). */
extern const uint8_t zt_py_r_poly[];
extern const uint32_t zt_py_m_nkeys;
extern const uint32_t zt_py_m_keys[];
/* Open addressing over the keys: slot (key & hmask), linear probing;
 * zt_py_m_hash[slot] = key index + 1, 0 = empty. */
extern const uint32_t zt_py_m_hmask;
extern const uint32_t zt_py_m_hash[];
extern const uint32_t zt_py_m_off[];
extern const uint16_t zt_py_m_rd[];
extern const int32_t zt_py_m_w[];
extern const int32_t zt_py_m_rank[];
extern const int32_t zt_py_m_dictp[];
extern const int32_t zt_py_m_top;

/* Record index + 1 of cp, 0 if it has no reading. */
ZT_INLINE uint32_t zt_py_char(uint32_t cp)
{
    if (ZT_UNLIKELY(cp > 0x10FFFF))
        return 0;
    return zt_py_pages[((uint32_t)zt_py_hi[cp >> 8] << 8) | (cp & 0xFF)];
}

/* The word-end region of character a (zt_py_w_endpair). */
ZT_INLINE uint32_t zt_py_endpair_of(uint32_t a)
{
    uint32_t rec = zt_py_char(a);
    return rec ? zt_py_r_endpair[rec - 1] : 0;
}

/* The word trie's node for the two characters (a, b) (its second level is
 * a hash), 0 if no word starts so. */
ZT_INLINE uint32_t zt_py_pair_node(uint32_t a, uint32_t b)
{
    if (ZT_UNLIKELY(a > 0x10FFFF || b > 0x10FFFF))
        return 0;
    uint64_t key = ((uint64_t)a << 32) | b;
    uint32_t mask = (1u << zt_py_w2_bits) - 1;
    uint32_t h = (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - zt_py_w2_bits));
    uint64_t want = (uint64_t)a << 43 | (uint64_t)b << 22;
    for (;; h = (h + 1) & mask) {
        uint64_t v = zt_py_w2[h];
        if (!v)
            return 0;
        if ((v & ~(uint64_t)0x3FFFFF) == want)
            return (uint32_t)(v & 0x3FFFFF);
    }
}

/* Child of word-trie node n for code point cp, 0 if none. */
ZT_INLINE uint32_t zt_py_word_child(uint32_t n, uint32_t cp)
{
    uint32_t lo = zt_py_w_nodes[n].kids;
    return zt_sorted_find(zt_py_w_cps, lo, lo + zt_py_w_nodes[n].nkids, cp);
}

ZT_INLINE unsigned zt_py_tone(unsigned r) { return r % 5 + 1; }
ZT_INLINE unsigned zt_py_sylof(unsigned r) { return r / 5; }
ZT_INLINE unsigned zt_py_with_tone(unsigned r, unsigned tone)
{
    return r - r % 5 + tone - 1;
}

/* Index of a toneless syllable (len bytes, lowercase, ü as v), or -1. */
ZT_HIDDEN int zt_py_find_syl(const char *s, size_t len);
/* The syllable (index into zt_py_syl) of written pinyin or zhuyin s[0..n)
 * in any form, and its tone in *tone (0 = none written, 5 = neutral), as
 * zt_pinyin_normalize() reads it; -1 if s is not one syllable. */
ZT_HIDDEN int zt_py_syl_id(const char *s, size_t n, unsigned *tone);

#endif
