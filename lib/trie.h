/*
 * trie.h - the dictionary table format and its longest-prefix matcher.
 *
 * Every dictionary (built-in or loaded at run time) is a trie over Unicode
 * code points laid out in flat arrays, so that the built-in ones can be
 * emitted as `const` C arrays by tools/ztc and linked into the library with
 * no parsing or allocation at start-up (the utf8proc approach).
 *
 *   root:  a two-level table from a key's first code point to its node.
 *          hi[cp >> 8] selects a 256-entry page of `pages`; page 0 is all
 *          zeros, so characters that start no key cost two loads.
 *   nodes: node n has a value (val = value index + 1, 0 for none) and its
 *          children at nodes[kids .. kids + nkids), sorted by code point,
 *          with the code points in cps[] (parallel to nodes) so that the
 *          child search touches one dense array.
 *   vals:  the values' UTF-8 bytes; value i is vals[voff[i] .. voff[i+1]).
 *
 * Only a value's first candidate is kept: that is the one OpenCC writes.
 */
#ifndef ZT_TRIE_H
#define ZT_TRIE_H

#include "internal.h"
#include "utf8.h"

#define ZT_TRIE_HI 0x1100 /* (0x10FFFF >> 8) + 1 */

typedef struct zt_trie_node {
    uint32_t val;   /* value index + 1; 0 = no key ends here */
    uint32_t kids;  /* index of the first child */
    uint32_t nkids; /* number of children */
} zt_trie_node;

typedef struct zt_trie {
    const char *name;
    const uint16_t *hi;         /* ZT_TRIE_HI page numbers */
    const uint32_t *pages;      /* npages * 256 node indices */
    const zt_trie_node *nodes;  /* nnodes; node 0 is the root */
    const uint32_t *cps;        /* nnodes code points */
    const uint32_t *voff;       /* nvals + 1 offsets */
    const char *vals;
    /* Every BMP code point that occurs anywhere in a key: a character that
     * occurs in no key of any dictionary can never be inside a match, so the
     * stream may cut the text after it (see stream.c). */
    const uint64_t *keychars;   /* 1024 words */
    uint32_t npages, nnodes, nvals, nkeys;
    uint32_t maxval;            /* longest value in bytes */
    uint32_t ratio;             /* max over entries of ceil(value/key bytes) */
    uint32_t nonbmp_keys;       /* some key contains a non-BMP character */
    /* Every key of two or more characters, by its first two characters:
     * an open-addressing table of 2^pair_bits slots, each {cp0, cp1, node}
     * where node is the trie node after those two characters (0 = empty
     * slot).  Most pairs of adjacent characters in text start no key; this
     * answers that, or finds the node, with one probe instead of a search
     * among a root node's children, which is where conversion spent most of
     * its time.  NULL when the trie has no such keys. */
    const uint32_t *pairs;
    uint32_t pair_bits;
    /* The same pairs as a 2^ZT_PAIRF_BITS-bit filter (NULL when there are
     * none), so that a converter ORs its stages' filters together at
     * start-up instead of reading every pair table. */
    const uint64_t *pairf;
} zt_trie;

#define ZT_PAIRF_BITS 18
ZT_INLINE uint32_t zt_pairf_hash(uint32_t a, uint32_t b)
{
    return (a * 0x85EBCA77u ^ b * 0xC2B2AE3Du) >> (32 - ZT_PAIRF_BITS);
}

ZT_INLINE uint32_t zt_pair_hash(uint32_t a, uint32_t b, uint32_t bits)
{
    return (a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ (a >> 7)) >> (32 - bits);
}

/* The node after the two characters a, b; 0 if no key starts with them. */
ZT_INLINE uint32_t zt_trie_pair(const zt_trie *t, uint32_t a, uint32_t b)
{
    if (!t->pairs)
        return 0;
    uint32_t mask = (1u << t->pair_bits) - 1;
    for (uint32_t h = zt_pair_hash(a, b, t->pair_bits);; h = (h + 1) & mask) {
        const uint32_t *e = t->pairs + 3 * (size_t)h;
        if (!e[2])
            return 0;
        if (e[0] == a && e[1] == b)
            return e[2];
    }
}

/* Node index of the first character cp, 0 if no key starts with it. */
ZT_INLINE uint32_t zt_trie_root(const zt_trie *t, uint32_t cp)
{
    if (ZT_UNLIKELY(cp > 0x10FFFF))
        return 0;
    return t->pages[((uint32_t)t->hi[cp >> 8] << 8) | (cp & 0xFF)];
}

/* Child of node n for code point cp, 0 if none. */
ZT_INLINE uint32_t zt_trie_child(const zt_trie *t, uint32_t n, uint32_t cp)
{
    const zt_trie_node *nd = &t->nodes[n];
    return zt_sorted_find(t->cps, nd->kids, nd->kids + nd->nkids, cp);
}

/*
 * Longest key of t that is a prefix of s[0..n), given that s starts with the
 * character cp of length l (already decoded by the caller).  Returns the
 * key's length in bytes, or 0, and the value through *val.
 */
ZT_INLINE size_t zt_trie_longest(const zt_trie *t, const uint8_t *s, size_t n,
                                 uint32_t cp, size_t l, uint32_t *val)
{
    uint32_t node = zt_trie_root(t, cp);
    if (!node)
        return 0;
    size_t best = 0, pos = l;
    if (t->nodes[node].val) {
        best = l;
        *val = t->nodes[node].val - 1;
    }
    if (!t->nodes[node].nkids || pos >= n)
        return best;
    uint32_t c;
    size_t cl = zt_utf8_decode(s + pos, n - pos, &c);
    int first = 1;
    for (;;) {
        if (c == ZT_INVALID_CP)
            break;
        if (first && t->pairs) {
            node = zt_trie_pair(t, cp, c);
            first = 0;
        } else {
            node = zt_trie_child(t, node, c);
        }
        if (!node)
            break;
        pos += cl;
        if (t->nodes[node].val) {
            best = pos;
            *val = t->nodes[node].val - 1;
        }
        if (!t->nodes[node].nkids || pos >= n)
            break;
        cl = zt_utf8_decode(s + pos, n - pos, &c);
    }
    return best;
}

ZT_INLINE int zt_trie_keychar(const zt_trie *t, uint32_t cp)
{
    if (cp < 0x10000)
        return (int)((t->keychars[cp >> 6] >> (cp & 63)) & 1);
    return t->nonbmp_keys != 0;
}

/* ---- building (lib/trie_build.c; used by tools/ztc and user dicts) ---- */

typedef struct zt_trie_builder zt_trie_builder;

/* When two entries have the same key: keep the first added (OpenCC's rule
 * for union groups) or the last added (user dictionaries). */
enum { ZT_DUP_FIRST = 0, ZT_DUP_LAST = 1 };

ZT_HIDDEN zt_trie_builder *zt_trie_builder_new(int dup_policy);
/* Key and value must be valid, non-empty UTF-8.  Returns ZT_EINVAL if not. */
ZT_HIDDEN zt_status zt_trie_builder_add(zt_trie_builder *b, const char *key,
                                        size_t klen, const char *val,
                                        size_t vlen);
/* Build a heap trie (free with zt_trie_free).  The builder is consumed. */
ZT_HIDDEN zt_status zt_trie_build(zt_trie_builder *b, const char *name,
                                  zt_trie **out);
ZT_HIDDEN void zt_trie_builder_free(zt_trie_builder *b);
ZT_HIDDEN void zt_trie_free(zt_trie *t);

#endif
