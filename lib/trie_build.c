/*
 * trie_build.c - build a zt_trie from key/value pairs.
 *
 * Used twice: by tools/ztc at build time (whose output is then written out as
 * C arrays) and by zt_dict_load_* at run time for user dictionaries, so the
 * two can never disagree about the format.
 */
#include <stdlib.h>

#include "trie.h"

typedef struct bentry {
    uint32_t koff, klen; /* key code points in b->cps */
    uint32_t voff, vlen; /* value bytes in b->vbytes */
    uint32_t order;      /* insertion order, for the duplicate policy */
    uint32_t kbytes;     /* key length in bytes */
} bentry;

struct zt_trie_builder {
    int dup;
    bentry *e;
    size_t n, cap;
    uint32_t *cps;
    size_t ncps, cpscap;
    zt_buf vbytes;
};

zt_trie_builder *zt_trie_builder_new(int dup_policy)
{
    zt_trie_builder *b = calloc(1, sizeof *b);
    if (b)
        b->dup = dup_policy;
    return b;
}

void zt_trie_builder_free(zt_trie_builder *b)
{
    if (!b)
        return;
    free(b->e);
    free(b->cps);
    zt_buf_free(&b->vbytes);
    free(b);
}

zt_status zt_trie_builder_add(zt_trie_builder *b, const char *key, size_t klen,
                              const char *val, size_t vlen)
{
    if (klen == 0 || vlen == 0 || klen > UINT32_MAX / 2 || vlen > UINT32_MAX / 2)
        return ZT_EINVAL;
    if (!zt_utf8_valid((const uint8_t *)key, klen) ||
        !zt_utf8_valid((const uint8_t *)val, vlen))
        return ZT_EINVAL;
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 1024;
        bentry *ne = realloc(b->e, nc * sizeof *ne);
        if (!ne)
            return ZT_ENOMEM;
        b->e = ne;
        b->cap = nc;
    }
    if (b->cpscap - b->ncps < klen) {
        size_t nc = b->cpscap ? b->cpscap * 2 : 4096;
        while (nc - b->ncps < klen)
            nc *= 2;
        uint32_t *np = realloc(b->cps, nc * sizeof *np);
        if (!np)
            return ZT_ENOMEM;
        b->cps = np;
        b->cpscap = nc;
    }
    if (b->vbytes.len + vlen > UINT32_MAX)
        return ZT_ENOMEM;
    bentry *e = &b->e[b->n];
    e->koff = (uint32_t)b->ncps;
    e->klen = 0;
    for (size_t i = 0; i < klen;) {
        uint32_t cp;
        i += zt_utf8_decode((const uint8_t *)key + i, klen - i, &cp);
        b->cps[b->ncps++] = cp;
        e->klen++;
    }
    e->voff = (uint32_t)b->vbytes.len;
    e->vlen = (uint32_t)vlen;
    e->kbytes = (uint32_t)klen;
    e->order = (uint32_t)b->n;
    if (zt_buf_append(&b->vbytes, val, vlen) != ZT_OK) {
        b->ncps = e->koff;
        return ZT_ENOMEM;
    }
    b->n++;
    return ZT_OK;
}

/* qsort has no context argument in C11, so each sorted item carries a
 * pointer to its own key code points; nothing is shared between builders.
*/
typedef struct sitem {
    const uint32_t *k;
    uint32_t klen, order, idx;
} sitem;

static int cmp_item(const void *a, const void *b)
{
    const sitem *x = a, *y = b;
    uint32_t n = x->klen < y->klen ? x->klen : y->klen;
    for (uint32_t i = 0; i < n; i++)
        if (x->k[i] != y->k[i])
            return x->k[i] < y->k[i] ? -1 : 1;
    if (x->klen != y->klen)
        return x->klen < y->klen ? -1 : 1;
    return x->order < y->order ? -1 : (x->order > y->order);
}

typedef struct heap_trie {
    zt_trie t; /* must be first: zt_trie_free casts back */
    uint16_t *hi;
    uint32_t *pages;
    zt_trie_node *nodes;
    uint32_t *cps;
    uint32_t *voff;
    char *vals;
    uint64_t *keychars;
    uint32_t *pairs;
    uint64_t *pairf;
} heap_trie;

void zt_trie_free(zt_trie *t)
{
    heap_trie *h = (heap_trie *)t;
    if (!h)
        return;
    free(h->hi);
    free(h->pages);
    free(h->nodes);
    free(h->cps);
    free(h->voff);
    free(h->vals);
    free(h->keychars);
    free(h->pairs);
    free(h->pairf);
    free(h);
}

typedef struct qitem {
    uint32_t node, lo, hi, depth; /* items [lo,hi) share `depth` code points */
} qitem;

zt_status zt_trie_build(zt_trie_builder *b, const char *name, zt_trie **out)
{
    zt_status st = ZT_ENOMEM;
    sitem *it = NULL;
    qitem *q = NULL;
    heap_trie *h = calloc(1, sizeof *h);
    if (!h)
        goto done;
    size_t n = b->n;
    it = malloc((n ? n : 1) * sizeof *it);
    if (!it)
        goto done;
    for (size_t i = 0; i < n; i++) {
        it[i].k = b->cps + b->e[i].koff;
        it[i].klen = b->e[i].klen;
        it[i].order = b->e[i].order;
        it[i].idx = (uint32_t)i;
    }
    qsort(it, n, sizeof *it, cmp_item);

    /* Each entry's code points are a path; the number of nodes is at most
     * the total number of code points plus the root. */
    size_t maxnodes = b->ncps + 1;
    h->nodes = calloc(maxnodes, sizeof *h->nodes);
    h->cps = calloc(maxnodes, sizeof *h->cps);
    h->voff = malloc((n + 1) * sizeof *h->voff);
    /* 8 bytes of padding: fmm() in convert.c copies short values as one
     * 8-byte word. */
    h->vals = calloc(b->vbytes.len + 8, 1);
    h->keychars = calloc(1024, sizeof *h->keychars);
    h->hi = calloc(ZT_TRIE_HI, sizeof *h->hi);
    q = malloc(maxnodes * sizeof *q);
    if (!h->nodes || !h->cps || !h->voff || !h->vals || !h->keychars ||
        !h->hi || !q)
        goto done;

    uint32_t nnodes = 1, nvals = 0, maxval = 0, ratio = 1, nonbmp = 0;
    size_t vpos = 0;
    size_t qh = 0, qt = 0;
    q[qt++] = (qitem){0, 0, (uint32_t)n, 0};
    while (qh < qt) {
        qitem c = q[qh++];
        uint32_t i = c.lo;
        /* Entries whose key ends here: the sort put them first, in
         * insertion order; the policy picks one. */
        if (i < c.hi && it[i].klen == c.depth) {
            uint32_t j = i;
            while (j < c.hi && it[j].klen == c.depth)
                j++;
            const bentry *e = &b->e[it[b->dup == ZT_DUP_FIRST ? i : j - 1].idx];
            h->voff[nvals] = (uint32_t)vpos;
            memcpy(h->vals + vpos, b->vbytes.data + e->voff, e->vlen);
            vpos += e->vlen;
            if (e->vlen > maxval)
                maxval = e->vlen;
            uint32_t r = (e->vlen + e->kbytes - 1) / e->kbytes;
            if (r > ratio)
                ratio = r;
            h->nodes[c.node].val = ++nvals;
            i = j;
        }
        /* Group the rest by their next code point: one child each. */
        h->nodes[c.node].kids = nnodes;
        while (i < c.hi) {
            uint32_t cp = it[i].k[c.depth];
            uint32_t j = i;
            while (j < c.hi && it[j].k[c.depth] == cp) {
                uint32_t kc = it[j].k[c.depth];
                if (kc < 0x10000)
                    h->keychars[kc >> 6] |= (uint64_t)1 << (kc & 63);
                else
                    nonbmp = 1;
                j++;
            }
            uint32_t child = nnodes++;
            h->cps[child] = cp;
            h->nodes[c.node].nkids++;
            q[qt++] = (qitem){child, i, j, c.depth + 1};
            i = j;
        }
    }
    h->voff[nvals] = (uint32_t)vpos;

    /* Root pages: the root's children are nodes 1..k in code point order. */
    uint32_t npages = 1;
    const zt_trie_node *root = &h->nodes[0];
    for (uint32_t k = 0; k < root->nkids; k++) {
        uint32_t cp = h->cps[root->kids + k];
        if (!h->hi[cp >> 8])
            h->hi[cp >> 8] = (uint16_t)npages++;
    }
    h->pages = calloc((size_t)npages * 256, sizeof *h->pages);
    if (!h->pages)
        goto done;
    for (uint32_t k = 0; k < root->nkids; k++) {
        uint32_t node = root->kids + k, cp = h->cps[node];
        h->pages[((uint32_t)h->hi[cp >> 8] << 8) | (cp & 0xFF)] = node;
    }

    /* The pair table (see trie.h): the depth-2 nodes are exactly the
     * children of the root's children; at most half full. */
    size_t npairs = 0;
    for (uint32_t k = 0; k < root->nkids; k++)
        npairs += h->nodes[root->kids + k].nkids;
    uint32_t bits = 0;
    if (npairs) {
        bits = 4;
        while (((size_t)1 << bits) < npairs * 2)
            bits++;
        h->pairs = calloc((size_t)3 << bits, sizeof *h->pairs);
        h->pairf = calloc(((size_t)1 << ZT_PAIRF_BITS) / 64, sizeof *h->pairf);
        if (!h->pairs || !h->pairf)
            goto done;
        uint32_t mask = (1u << bits) - 1;
        for (uint32_t k = 0; k < root->nkids; k++) {
            uint32_t n1 = root->kids + k;
            const zt_trie_node *nd = &h->nodes[n1];
            for (uint32_t j = 0; j < nd->nkids; j++) {
                uint32_t n2 = nd->kids + j, a = h->cps[n1], c = h->cps[n2];
                uint32_t hh = zt_pair_hash(a, c, bits);
                while (h->pairs[3 * (size_t)hh + 2])
                    hh = (hh + 1) & mask;
                h->pairs[3 * (size_t)hh] = a;
                h->pairs[3 * (size_t)hh + 1] = c;
                h->pairs[3 * (size_t)hh + 2] = n2;
                uint32_t f = zt_pairf_hash(a, c);
                h->pairf[f >> 6] |= (uint64_t)1 << (f & 63);
            }
        }
    }

    h->t.name = name;
    h->t.hi = h->hi;
    h->t.pages = h->pages;
    h->t.nodes = h->nodes;
    h->t.cps = h->cps;
    h->t.voff = h->voff;
    h->t.vals = h->vals;
    h->t.keychars = h->keychars;
    h->t.npages = npages;
    h->t.nnodes = nnodes;
    h->t.nvals = nvals;
    h->t.nkeys = nvals;
    h->t.maxval = maxval;
    h->t.ratio = ratio;
    h->t.nonbmp_keys = nonbmp;
    h->t.pairs = h->pairs;
    h->t.pairf = h->pairf;
    h->t.pair_bits = bits;
    *out = &h->t;
    h = NULL;
    st = ZT_OK;
done:
    free(it);
    free(q);
    if (h)
        zt_trie_free(&h->t);
    zt_trie_builder_free(b);
    return st;
}
