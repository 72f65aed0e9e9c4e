/*
 * convert.c - OpenCC-compatible conversion.
 *
 * OpenCC's semantics, which this file reproduces exactly:
 *   1. normalization: each stage converts the whole text by forward maximum
 *      matching (FMM): at each position take the longest key, write its
 *      value, move past it; where nothing matches, copy one character.
 *   2. segmentation (some configs): FMM with the segmentation dictionary
 *      splits the text into matched words and runs of unmatched characters.
 *   3. the conversion chain: every segment goes through every stage on its
 *      own, so no match of any stage crosses a segment boundary.
 * A stage is a short-circuit group: the first alternative that has any match
 * at a position wins, with its longest match.  An unmatched ideographic
 * description sequence (U+2FF0..U+2FFF and its operands, e.g. "⿰氵青") is
 * copied as one unit, as OpenCC does.
 *
 * Differences from OpenCC, both on input OpenCC rejects or never sees: bytes
 * that are not valid UTF-8 are copied unchanged (OpenCC throws), and text is
 * converted in pieces of at most ZT_PIECE_MAX bytes cut where the result
 * cannot change (zt_conv_find_cut); only a megabyte of text in which every
 * character occurs in some dictionary key would get a forced cut.
 */
#include <stdlib.h>

#include "convert.h"

/* ---- ideographic description sequences ---------------------------------- */

static int ids_arity(uint32_t cp)
{
    if (cp < 0x2FF0 || cp > 0x2FFF)
        return 0;
    if (cp == 0x2FF2 || cp == 0x2FF3)
        return 3;
    if (cp == 0x2FFE || cp == 0x2FFF)
        return 1;
    return 2;
}

/* Length of the complete sequence at s, 0 if it is not complete (too deep,
 * over 64 code points, invalid or cut off by the end of the text). */
static size_t ids_len(const uint8_t *s, size_t n, int depth, size_t *ncp)
{
    if (n == 0 || depth == 0 || *ncp >= 64)
        return 0;
    uint32_t cp;
    size_t l = zt_utf8_decode(s, n, &cp);
    if (cp == ZT_INVALID_CP)
        return 0;
    ++*ncp;
    int arity = ids_arity(cp);
    size_t off = l;
    for (int i = 0; i < arity; i++) {
        size_t k = ids_len(s + off, n - off, depth - 1, ncp);
        if (!k)
            return 0;
        off += k;
    }
    return off;
}

/* ---- one stage over one segment ----------------------------------------- */

/* Longest match of the stage at s (first alternative with any match). */
ZT_INLINE size_t stage_match(const zt_stage *st, const uint8_t *s, size_t n,
                             uint32_t cp, size_t l, const zt_trie **t,
                             uint32_t *val)
{
    for (uint32_t a = 0; a < st->nalt; a++) {
        size_t m = zt_trie_longest(st->alt[a], s, n, cp, l, val);
        if (m) {
            *t = st->alt[a];
            return m;
        }
    }
    return 0;
}

/* The length of the token at s that no dictionary matched: an ideographic
 * description sequence or one character (l bytes). */
ZT_INLINE size_t unmatched_len(const uint8_t *s, size_t n, uint32_t cp,
                               size_t l)
{
    if (ZT_UNLIKELY(cp >= 0x2FF0 && cp <= 0x2FFF)) {
        size_t ncp = 0, k = ids_len(s, n, 16, &ncp);
        if (k)
            return k;
    }
    return l;
}

/* The longest key of t that continues from node2, the node after the two
 * characters s[0..pos2); 0 if none. */
static size_t walk_from(const zt_trie *t, uint32_t node, const uint8_t *s,
                        size_t pos, size_t n, uint32_t *val)
{
    size_t best = 0;
    for (;;) {
        if (t->nodes[node].val) {
            best = pos;
            *val = t->nodes[node].val - 1;
        }
        if (!t->nodes[node].nkids || pos >= n)
            return best;
        uint32_t c;
        size_t cl = zt_utf8_decode(s + pos, n - pos, &c);
        if (c == ZT_INVALID_CP || !(node = zt_trie_child(t, node, c)))
            return best;
        pos += cl;
    }
}

static zt_status push_bar(zt_work *w, size_t pos)
{
    if (w->nbar == w->barcap) {
        size_t nc = w->barcap ? w->barcap * 2 : 1024;
        uint32_t *nb = realloc(w->bar, nc * sizeof *nb);
        if (!nb)
            return ZT_ENOMEM;
        w->bar = nb;
        w->barcap = nc;
    }
    w->bar[w->nbar++] = (uint32_t)pos;
    return ZT_OK;
}

/* Segment boundaries handed between the passes of a segmented config.
 * bar[0..nbar) are the ends of the segments, ascending, the last one at the
 * end of the text: no match may cross one.  fmm() rewrites each as the
 * matching position of its output, for the next stage. */
typedef struct bars {
    uint32_t *bar;
    size_t nbar;
} bars;

/* Forward maximum matching of one stage over s[0..n), appended to out.
 *
 * b (may be NULL): segment ends that no match may cross, mapped in place to
 * output positions.  seg (may be NULL): instead record, in w, the segments
 * that the stage's first alternative defines (its matches, and the runs
 * between them) as output positions: that is the segmentation of a config
 * whose segmentation dictionary is this stage's first alternative (see
 * zt_converter.fused), obtained without a pass of its own. */
ZT_INLINE zt_status fmm_impl(const zt_stage *st, const uint8_t *s, size_t n,
                             zt_buf *out, bars *b, zt_work *seg)
{
    /* The stage's tables in locals, and the output as (od, olen, ocap):
     * stores through a char pointer may alias anything, so fields read
     * through st or out would be reloaded after every byte written. */
    const uint8_t *const lead = st->lead;
    const uint32_t *const tab = st->tab;
    const uint64_t *const pairf = st->pairf;
    const uint32_t nalt = st->nalt;
    const zt_trie *const alt0 = st->alt[0];
    const size_t slack = (size_t)st->maxval + 8;
    /* Room for the whole output up front when values are never much
     * longer than their keys (all built-in dictionaries): then no token
     * needs a check of its own. */
    const int checked = st->ratio > 4;
    if (!checked && zt_buf_reserve(out, n * st->ratio + slack) != ZT_OK)
        return ZT_ENOMEM;
    char *od = out->data;
    size_t olen = out->len, ocap = out->cap;
#define OUT_SYNC() (out->len = olen)
#define OUT_LOAD() (od = out->data, olen = out->len, ocap = out->cap)
    size_t i = 0, bi = 0;
    size_t limit = b && b->nbar ? b->bar[0] : n;
    size_t run = olen; /* seg: where the current unmatched run began */
    /* The character after the current one, when it has been decoded
     * already (at position ahead_i), so it is decoded once, not twice. */
    size_t ahead_i = (size_t)-1, ahead_l = 0;
    uint32_t ahead_cp = 0;
#define SEG_WORD_BEGIN()                                                      \
    do {                                                                      \
        if (seg && run < olen) {                                              \
            OUT_SYNC();                                                       \
            if (push_bar(seg, olen) != ZT_OK)                                 \
                return ZT_ENOMEM;                                             \
        }                                                                     \
    } while (0)
#define SEG_WORD_END()                                                        \
    do {                                                                      \
        if (seg) {                                                            \
            if (push_bar(seg, olen) != ZT_OK)                                 \
                return ZT_ENOMEM;                                             \
            run = olen;                                                       \
        }                                                                     \
    } while (0)
#define EMIT(t, v)                                                            \
    do {                                                                      \
        const zt_trie *et_ = (t);                                             \
        uint32_t vo_ = et_->voff[v], vl_ = et_->voff[(v) + 1] - vo_;          \
        if (ZT_LIKELY(vl_ <= 8)) {                                            \
            uint64_t x_;                                                      \
            memcpy(&x_, et_->vals + vo_, 8);                                  \
            memcpy(od + olen, &x_, 8);                                        \
        } else {                                                              \
            memcpy(od + olen, et_->vals + vo_, vl_);                          \
        }                                                                     \
        olen += vl_;                                                          \
    } while (0)
    while (i < n) {
        while (ZT_UNLIKELY(i == limit)) {
            b->bar[bi++] = (uint32_t)olen;
            limit = bi < b->nbar ? b->bar[bi] : n;
        }
        if (!lead[s[i]]) {
            /* A run of bytes that start no key: copy it in one go. */
            size_t j = i + 1;
            while (j < limit && !lead[s[j]])
                j++;
            OUT_SYNC();
            if (zt_buf_append(out, s + i, j - i) != ZT_OK)
                return ZT_ENOMEM;
            OUT_LOAD();
            i = j;
            continue;
        }
        if (checked && ocap - olen < slack) {
            OUT_SYNC();
            if (zt_buf_reserve(out, slack + (n - i) + (n - i) / 4) != ZT_OK)
                return ZT_ENOMEM;
            OUT_LOAD();
        }
        uint32_t cp;
        size_t l;
        if (ahead_i == i) {
            cp = ahead_cp;
            l = ahead_l;
        } else {
            l = zt_utf8_decode(s + i, limit - i, &cp);
        }
        if (ZT_LIKELY(cp < 0x10000)) {
            /* The common case, decided by the table and, where a longer
             * key could start here, by the pair tables. */
            uint32_t e = tab[cp];
            uint32_t first = ZT_TAB_ALT(e); /* alternative + 1, or 0 */
            if ((e & ZT_TAB_MULTI) && i + l < limit) {
                uint32_t c;
                size_t cl = zt_utf8_decode(s + i + l, limit - i - l, &c);
                ahead_i = i + l;
                ahead_cp = c;
                ahead_l = cl;
                uint32_t h = zt_pairf_hash(cp, c);
                if (c != ZT_INVALID_CP && ((pairf[h >> 6] >> (h & 63)) & 1)) {
                    /* Short-circuit order: alternative a is asked for a
                     * longer key only if no earlier one matched at all,
                     * i.e. while a < first - 1 or a is `first - 1`. */
                    uint32_t last = first ? first - 1 : nalt - 1;
                    for (uint32_t a = 0; a <= last; a++) {
                        if (!(e & ZT_TAB_MULTI_ALT(a)))
                            continue;
                        const zt_trie *t = st->alt[a];
                        uint32_t node2 = zt_trie_pair(t, cp, c), v;
                        if (!node2)
                            continue;
                        size_t m = walk_from(t, node2, s + i, l + cl,
                                             limit - i, &v);
                        if (m) {
                            if (a == 0)
                                SEG_WORD_BEGIN();
                            EMIT(t, v);
                            if (a == 0)
                                SEG_WORD_END();
                            i += m;
                            goto next;
                        }
                    }
                }
            }
            if (first) {
                if (first == 1)
                    SEG_WORD_BEGIN();
                EMIT(first == 1 ? alt0 : st->alt[first - 1], ZT_TAB_VAL(e));
                if (first == 1)
                    SEG_WORD_END();
                i += l;
                continue;
            }
            if (ZT_UNLIKELY(cp >= 0x2FF0 && cp <= 0x2FFF))
                goto general;
            /* l is 1 to 3 here; fixed-size copies beat a call to memcpy. */
            if (l == 3)
                memcpy(od + olen, s + i, 3);
            else
                for (size_t k = 0; k < l; k++)
                    od[olen + k] = (char)s[i + k];
            olen += l;
            i += l;
            continue;
        }
        if (cp == ZT_INVALID_CP) {
            od[olen++] = (char)s[i++];
            continue;
        }
    general:;
        /* Non-BMP characters and ideographic description sequences: the
         * full search. */
        uint32_t v;
        const zt_trie *t;
        size_t m = stage_match(st, s + i, limit - i, cp, l, &t, &v);
        if (m) {
            int word = t == alt0;
            if (word)
                SEG_WORD_BEGIN();
            EMIT(t, v);
            if (word)
                SEG_WORD_END();
            i += m;
            continue;
        }
        m = unmatched_len(s + i, limit - i, cp, l);
        OUT_SYNC();
        if (zt_buf_append(out, s + i, m) != ZT_OK)
            return ZT_ENOMEM;
        OUT_LOAD();
        i += m;
    next:;
    }
    OUT_SYNC();
    if (b)
        while (bi < b->nbar)
            b->bar[bi++] = (uint32_t)olen;
    if (seg && run < olen)
        return push_bar(seg, olen);
    return ZT_OK;
#undef SEG_WORD_BEGIN
#undef SEG_WORD_END
#undef EMIT
#undef OUT_SYNC
#undef OUT_LOAD
}

/* fmm_impl specialised for each use, so that the plain case carries no
 * tests for segments it does not have. */
static zt_status fmm_plain(const zt_stage *st, const uint8_t *s, size_t n,
                           zt_buf *out)
{
    return fmm_impl(st, s, n, out, NULL, NULL);
}

static zt_status fmm_bars(const zt_stage *st, const uint8_t *s, size_t n,
                          zt_buf *out, bars *b)
{
    return fmm_impl(st, s, n, out, b, NULL);
}

static zt_status fmm_seg(const zt_stage *st, const uint8_t *s, size_t n,
                         zt_buf *out, zt_work *seg)
{
    return fmm_impl(st, s, n, out, NULL, seg);
}

/* Can the character at s (a lead byte E3..E9: U+3000..U+9FFF, most of
 * CJK) be copied without a look at the stage's dictionaries?  Only when it
 * is complete and the table says nothing about it. */
ZT_INLINE int copyable3(const uint32_t *tab, const uint8_t *s, size_t n)
{
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    uint32_t c = ((uint32_t)(s[0] & 0x0F) << 12) |
                 ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return tab[c] == 0;
}

/*
 * FMM for a stage with few keys (Taiwan/Hong Kong/Japanese variants): most
 * characters start no key, so runs of them are copied whole, and only the
 * characters that may start one are looked up, one token at a time.
 * Skipping a character that starts no key leaves FMM where it would have
 * been, so the result is the same.  b (may be NULL) only bounds
 * the matches here: the last stage of a chain does not map segment ends.
 */
static zt_status fmm_sparse(const zt_stage *st, const uint8_t *s, size_t n,
                            zt_buf *out, bars *b, int map)
{
    const uint8_t *lead = st->lead;
    const uint32_t *tab = st->tab;
    size_t i = 0, bi = 0;
    while (i < n) {
        size_t j = i;
        for (;;) {
            while (j < n && !lead[s[j]])
                j++;
            if (j < n && s[j] >= 0xE3 && s[j] <= 0xE9 &&
                copyable3(tab, s + j, n - j))
                j += 3;
            else
                break;
        }
        if (j > i) {
            /* Copied byte for byte: a segment end inside the run moves by
             * the same offset. */
            if (map)
                for (; bi < b->nbar && b->bar[bi] <= j; bi++)
                    b->bar[bi] = (uint32_t)(out->len + (b->bar[bi] - i));
            if (zt_buf_append(out, s + i, j - i) != ZT_OK)
                return ZT_ENOMEM;
            i = j;
            continue;
        }
        size_t lim = n;
        if (b) {
            while (bi < b->nbar && b->bar[bi] <= i) {
                if (map) /* ends exactly here: the output so far */
                    b->bar[bi] = (uint32_t)out->len;
                bi++;
            }
            if (bi < b->nbar)
                lim = b->bar[bi];
        }
        /* One token, as fmm_impl's full search would take it. */
        uint32_t cp, v;
        const zt_trie *t;
        size_t l = zt_utf8_decode(s + i, lim - i, &cp), m;
        if (cp == ZT_INVALID_CP) {
            m = 1;
        } else if ((m = stage_match(st, s + i, lim - i, cp, l, &t, &v)) != 0) {
            if (zt_buf_append(out, t->vals + t->voff[v],
                              t->voff[v + 1] - t->voff[v]) != ZT_OK)
                return ZT_ENOMEM;
            i += m;
            continue;
        } else {
            m = unmatched_len(s + i, lim - i, cp, l);
        }
        if (zt_buf_append(out, s + i, m) != ZT_OK)
            return ZT_ENOMEM;
        i += m;
    }
    if (map)
        for (; bi < b->nbar; bi++)
            b->bar[bi] = (uint32_t)out->len;
    return ZT_OK;
}

/* last: the stage's output is the result, so segment ends need no
 * mapping to its positions. */
static zt_status fmm(const zt_stage *st, const uint8_t *s, size_t n,
                     zt_buf *out, bars *b, zt_work *seg, int last)
{
    if (seg)
        return fmm_seg(st, s, n, out, seg);
    if (st->sparse)
        return fmm_sparse(st, s, n, out, b, b && !last);
    if (b)
        return fmm_bars(st, s, n, out, b);
    return fmm_plain(st, s, n, out);
}

static int may_apply_at(const zt_stage *st, const uint8_t *p, size_t left)
{
    uint32_t cp;
    zt_utf8_decode(p, left, &cp);
    if (cp < 0x10000)
        return st->tab[cp] != 0;
    if (cp != ZT_INVALID_CP)
        for (uint32_t a = 0; a < st->nalt; a++)
            if (zt_trie_root(st->alt[a], cp))
                return 1;
    return 0;
}

/* Can the stage change anything in s[0..n)?  Only asked of stages whose
 * keys all start with one of a few rare lead bytes (the compatibility
 * ideographs of the normalization stage start with EF A4..AB or F0 AF):
 * a memchr per lead byte then skips the whole pass for nearly every text. */
static int stage_may_apply(const zt_stage *st, const uint8_t *s, size_t n)
{
    if (!st->nrare)
        return 1;
    for (uint32_t k = 0; k < st->nrare; k++) {
        const uint8_t *p = s, *end = s + n;
        while ((p = memchr(p, st->rare_leads[k], (size_t)(end - p))) != NULL) {
            if (may_apply_at(st, p, (size_t)(end - p)))
                return 1;
            p++;
        }
    }
    return 0;
}

/* ---- segmentation -------------------------------------------------------- */

/* Fill w->bar with the end of every segment: each matched word is a
 * segment, and so is each maximal run of unmatched characters. */
static zt_status segment(const zt_stage *st, zt_work *w, const uint8_t *s,
                         size_t n)
{
    const uint8_t *lead = st->lead;
    size_t i = 0, run = 0;
    w->nbar = 0;
    while (i < n) {
        if (!lead[s[i]]) {
            i++;
            continue;
        }
        uint32_t cp, v;
        size_t l = zt_utf8_decode(s + i, n - i, &cp), m;
        const zt_trie *t;
        if (cp != ZT_INVALID_CP &&
            (m = stage_match(st, s + i, n - i, cp, l, &t, &v)) != 0) {
            if (run < i && push_bar(w, i) != ZT_OK)
                return ZT_ENOMEM;
            if (push_bar(w, i + m) != ZT_OK)
                return ZT_ENOMEM;
            i += m;
            run = i;
            continue;
        }
        i += cp == ZT_INVALID_CP ? 1 : unmatched_len(s + i, n - i, cp, l);
    }
    if (run < n)
        return push_bar(w, n);
    return ZT_OK;
}

/* ---- the built-in pipeline ----------------------------------------------- */

static zt_status convert_builtin(const zt_converter *c, zt_work *w,
                                 const uint8_t *s, size_t n, zt_buf *out)
{
    zt_buf *tmp[2] = {&w->a, &w->b};
    int t = 0;
    for (uint32_t k = 0; k < c->nnorm; k++) {
        if (!stage_may_apply(&c->norm[k], s, n))
            continue;
        zt_buf *o = tmp[t];
        o->len = 0;
        if (fmm(&c->norm[k], s, n, o, NULL, NULL, 0) != ZT_OK)
            return ZT_ENOMEM;
        s = (const uint8_t *)o->data;
        n = o->len;
        t ^= 1;
    }
    /* With segmentation, the segment ends travel from stage to stage in
     * w->bar; a fused config gets them from its first stage. */
    bars bb = {NULL, 0}, *b = NULL;
    uint32_t k0 = 0;
    if (c->has_seg) {
        w->nbar = 0;
        if (c->fused) {
            zt_buf *o = c->nchain == 1 ? out : tmp[t];
            if (c->nchain > 1)
                o->len = 0;
            if (fmm(&c->chain[0], s, n, o, NULL, w, 0) != ZT_OK)
                return ZT_ENOMEM;
            if (c->nchain == 1)
                return ZT_OK;
            s = (const uint8_t *)o->data;
            n = o->len;
            t ^= 1;
            k0 = 1;
        } else if (segment(&c->seg, w, s, n) != ZT_OK) {
            return ZT_ENOMEM;
        }
        bb.bar = w->bar;
        bb.nbar = w->nbar;
        b = &bb;
    }
    for (uint32_t k = k0; k + 1 < c->nchain; k++) {
        zt_buf *o = tmp[t];
        o->len = 0;
        if (fmm(&c->chain[k], s, n, o, b, NULL, 0) != ZT_OK)
            return ZT_ENOMEM;
        s = (const uint8_t *)o->data;
        n = o->len;
        t ^= 1;
    }
    /* The last stage appends to out, after earlier pieces: the segment
     * ends it writes back are not used any more. */
    return fmm(&c->chain[c->nchain - 1], s, n, out, b, NULL, 1);
}

zt_status zt_conv_piece(const zt_converter *c, zt_work *w, const uint8_t *s,
                        size_t n, zt_buf *out)
{
    if (n == 0)
        return ZT_OK;
    if (!c->user)
        return convert_builtin(c, w, s, n, out);
    /* User dictionaries first: their matches are written as they are, and
     * the text between them goes through the built-in pipeline. */
    const zt_stage *st = &c->user_stage;
    size_t i = 0, run = 0;
    while (i < n) {
        if (!st->lead[s[i]]) {
            i++;
            continue;
        }
        uint32_t cp, v;
        size_t l = zt_utf8_decode(s + i, n - i, &cp), m;
        const zt_trie *t;
        /* Most characters start no user key (the table says so without a
         * trie walk): on undamaged pages, asking the trie of repair's small
         * dictionary of fixes about each was a tenth of its instructions. */
        if (cp < 0x10000 && !st->tab[cp] && !(cp >= 0x2FF0 && cp <= 0x2FFF)) {
            i += l;
            continue;
        }
        if (cp != ZT_INVALID_CP &&
            (m = stage_match(st, s + i, n - i, cp, l, &t, &v)) != 0) {
            if (run < i && convert_builtin(c, w, s + run, i - run, out) != ZT_OK)
                return ZT_ENOMEM;
            if (zt_buf_append(out, t->vals + t->voff[v],
                              t->voff[v + 1] - t->voff[v]) != ZT_OK)
                return ZT_ENOMEM;
            i += m;
            run = i;
            continue;
        }
        i += cp == ZT_INVALID_CP ? 1 : unmatched_len(s + i, n - i, cp, l);
    }
    if (run < n)
        return convert_builtin(c, w, s + run, n - run, out);
    return ZT_OK;
}

void zt_work_free(zt_work *w)
{
    /* Called once per conversion; most never needed scratch memory. */
    if (!w->a.data && !w->b.data && !w->c.data && !w->bar)
        return;
    zt_buf_free(&w->a);
    zt_buf_free(&w->b);
    zt_buf_free(&w->c);
    free(w->bar);
    memset(w, 0, sizeof *w);
}

/* ---- safe cuts ----------------------------------------------------------- */

static int inert(const zt_converter *c, uint32_t cp)
{
    if (cp < 0x10000)
        return !((c->keychars[cp >> 6] >> (cp & 63)) & 1);
    return !c->nonbmp_keys;
}

static int ids_near(const uint8_t *s, size_t p)
{
    /* 64 code points are at most 256 bytes; U+2FF0..U+2FFF is E2 BF B0..BF. */
    size_t from = p > 256 ? p - 256 : 0;
    for (size_t i = from; i + 3 <= p; i++)
        if (s[i] == 0xE2 && s[i + 1] == 0xBF && (s[i + 2] & 0xF0) == 0xB0)
            return 1;
    return 0;
}

size_t zt_conv_find_cut(const zt_converter *c, const uint8_t *s, size_t n)
{
    return zt_conv_find_cut_from(c, s, n, 0);
}

size_t zt_conv_find_cut_from(const zt_converter *c, const uint8_t *s, size_t n,
                             size_t from)
{
    for (size_t p = n; p > from; p--) {
        uint8_t b = s[p - 1];
        uint32_t cp;
        if (b < 0x80) {
            cp = b;
        } else if ((b & 0xC0) == 0x80) {
            /* The last byte of a multi-byte character: find its start and
             * make sure it decodes to exactly p. */
            size_t q = p - 1, k = 0;
            while (q > 0 && k < 3 && (s[q] & 0xC0) == 0x80) {
                q--;
                k++;
            }
            if (zt_utf8_decode(s + q, n - q, &cp) != p - q ||
                cp == ZT_INVALID_CP)
                continue;
        } else {
            continue;
        }
        if (inert(c, cp) && !ids_near(s, p))
            return p;
    }
    return 0;
}

/* s[0..n] must be readable: the byte at n tells whether n is inside a
 * character. */
size_t zt_conv_force_cut(const uint8_t *s, size_t n)
{
    size_t p = n;
    while (p > n - 3 && (s[p] & 0xC0) == 0x80)
        p--;
    return p;
}

/* ---- construction -------------------------------------------------------- */

static zt_status stage_init(zt_stage *st, const zt_stage_def *d)
{
    st->nalt = d->nalt;
    memset(st->lead, 0, sizeof st->lead);
    for (uint32_t a = 0; a < d->nalt; a++)
        if (d->alt[a]->nvals >= (1u << 24))
            return ZT_ENOMEM; /* a user dictionary of 16M entries */
    st->tab = calloc(0x10000, sizeof *st->tab);
    st->pairf = calloc(((size_t)1 << ZT_PAIRF_BITS) / 64, sizeof *st->pairf);
    if (!st->tab || !st->pairf)
        return ZT_ENOMEM;
    for (uint32_t a = 0; a < d->nalt; a++) {
        const uint64_t *f = d->alt[a]->pairf;
        if (f)
            for (size_t k = 0; k < ((size_t)1 << ZT_PAIRF_BITS) / 64; k++)
                st->pairf[k] |= f[k];
    }
    st->maxval = 0;
    st->ratio = 1;
    for (uint32_t a = 0; a < d->nalt; a++)
        if (d->alt[a]->ratio > st->ratio)
            st->ratio = d->alt[a]->ratio;
    /* Later alternatives first, so that an earlier one's one-character
     * result overwrites theirs: short-circuit order. */
    for (uint32_t a = d->nalt; a-- > 0;) {
        const zt_trie *t = d->alt[a];
        st->alt[a] = t;
        if (t->maxval > st->maxval)
            st->maxval = t->maxval;
        for (uint32_t h = 0; h < ZT_TRIE_HI; h++) {
            if (!t->hi[h])
                continue;
            const uint32_t *page = t->pages + ((uint32_t)t->hi[h] << 8);
            for (uint32_t k = 0; k < 256; k++) {
                uint32_t node = page[k], cp = (h << 8) | k;
                if (!node)
                    continue;
                uint8_t enc[4];
                zt_utf8_encode(cp, enc);
                st->lead[enc[0]] = 1;
                if (cp >= 0x10000)
                    continue;
                const zt_trie_node *nd = &t->nodes[node];
                if (nd->nkids)
                    st->tab[cp] |= ZT_TAB_MULTI_ALT(a);
                if (nd->val)
                    st->tab[cp] = (st->tab[cp] & ZT_TAB_MULTI) |
                                  ((a + 1) << 24) | (nd->val - 1);
            }
        }
    }
    /* Few lead bytes (not counting ASCII): remember them for
     * stage_may_apply. */
    st->nrare = 0;
    for (int b = 0; b < 256; b++) {
        if (!st->lead[b])
            continue;
        if (b < 0x80 || st->nrare == 4) {
            st->nrare = 0;
            break;
        }
        st->rare_leads[st->nrare++] = (uint8_t)b;
    }
    st->lead[0xE2] = 1; /* ideographic description operators */
    /* Few keys among the common CJK characters: fmm_sparse pays off.  For
     * dense stages (s2t's first) it would only add a look per character. */
    size_t used = 0;
    for (uint32_t c = 0x3000; c < 0xA000; c++)
        used += st->tab[c] != 0;
    st->sparse = used < 300;
    return ZT_OK;
}

static void add_keychars(zt_converter *c, const zt_trie *t, size_t *ratio)
{
    for (int i = 0; i < 1024; i++)
        c->keychars[i] |= t->keychars[i];
    if (t->nonbmp_keys)
        c->nonbmp_keys = 1;
    if (t->ratio > *ratio)
        *ratio = t->ratio;
}

static size_t stage_keys(zt_converter *c, const zt_stage *st)
{
    size_t r = 1;
    for (uint32_t a = 0; a < st->nalt; a++)
        add_keychars(c, st->alt[a], &r);
    return r;
}

size_t zt_config_count(void)
{
    return zt_nconfigs;
}

const char *zt_config_name(size_t i)
{
    return i < zt_nconfigs ? zt_configs[i].name : NULL;
}

const char *zt_config_description(size_t i)
{
    return i < zt_nconfigs ? zt_configs[i].desc : NULL;
}

/* "s2t", "s2t.json", "/usr/share/opencc/s2t.json" all name s2t. */
static const zt_config_def *find_config(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0)
        n -= 5;
    for (size_t i = 0; i < zt_nconfigs; i++)
        if (strlen(zt_configs[i].name) == n &&
            memcmp(zt_configs[i].name, base, n) == 0)
            return &zt_configs[i];
    return NULL;
}

/* From dict.c: build one trie from several user dictionaries. */
ZT_HIDDEN zt_status zt_dict_merge(const zt_dict *const *dicts, size_t n,
                                  zt_trie **out);

zt_status zt_converter_new(const char *config, const zt_dict *const *dicts,
                           size_t ndicts, zt_converter **out)
{
    if (!config || !out || (ndicts && !dicts))
        return ZT_EINVAL;
    const zt_config_def *d = find_config(config);
    if (!d)
        return ZT_ECONFIG;
    zt_converter *c = calloc(1, sizeof *c);
    if (!c)
        return ZT_ENOMEM;
    c->def = d;
    c->nnorm = d->nnorm;
    c->has_seg = d->has_seg;
    c->nchain = d->nchain;
    size_t ratio = 1;
    zt_status st = ZT_OK;
    for (uint32_t k = 0; k < d->nnorm && st == ZT_OK; k++) {
        st = stage_init(&c->norm[k], &d->norm[k]);
        ratio *= stage_keys(c, &c->norm[k]);
    }
    if (d->has_seg && st == ZT_OK) {
        st = stage_init(&c->seg, &d->seg);
        stage_keys(c, &c->seg);
    }
    for (uint32_t k = 0; k < d->nchain && st == ZT_OK; k++) {
        st = stage_init(&c->chain[k], &d->chain[k]);
        ratio *= stage_keys(c, &c->chain[k]);
    }
    if (ndicts && st == ZT_OK) {
        st = zt_dict_merge(dicts, ndicts, &c->user);
        if (st == ZT_OK) {
            zt_stage_def ud = {1, {c->user}};
            st = stage_init(&c->user_stage, &ud);
            size_t r = stage_keys(c, &c->user_stage);
            if (r > ratio)
                ratio = r;
        }
    }
    if (st != ZT_OK) {
        zt_converter_free(c);
        return st;
    }
    /* Segmentation by the first stage's first alternative, where every other
     * alternative of that stage has only one-character keys, visits exactly
     * the positions that stage visits and so cuts exactly where its matches
     * by that alternative begin and end: fmm() records that and the
     * segmentation pass is saved (s2tw, s2twp, s2hk, s2hkp). */
    if (d->has_seg && d->seg.nalt == 1 && d->seg.alt[0] == d->chain[0].alt[0]) {
        c->fused = 1;
        for (uint32_t a = 1; a < d->chain[0].nalt; a++)
            if (d->chain[0].alt[a]->pairs) /* a key of two or more characters */
                c->fused = 0;
    }
    c->ratio = ratio;
    c->slack = 8;
    for (uint32_t k = 0; k < c->nchain; k++)
        if (c->chain[k].maxval + (size_t)8 > c->slack)
            c->slack = c->chain[k].maxval + (size_t)8;
    *out = c;
    return ZT_OK;
}

void zt_converter_free(zt_converter *c)
{
    if (!c)
        return;
    for (uint32_t k = 0; k < ZT_MAX_STAGES; k++) {
        free(c->norm[k].tab);
        free(c->norm[k].pairf);
        free(c->chain[k].tab);
        free(c->chain[k].pairf);
    }
    free(c->seg.tab);
    free(c->seg.pairf);
    free(c->user_stage.tab);
    free(c->user_stage.pairf);
    zt_trie_free(c->user);
    free(c);
}

const char *zt_converter_config(const zt_converter *c)
{
    return c ? c->def->name : NULL;
}

/* ---- one-shot API -------------------------------------------------------- */

size_t zt_convert_cut(const zt_converter *c, const char *s, size_t n)
{
    if (!c || !s || n == 0)
        return 0;
    size_t win = n < ZT_PIECE_MAX ? n : ZT_PIECE_MAX;
    size_t cut = zt_conv_find_cut(c, (const uint8_t *)s, win);
    if (!cut && n > ZT_PIECE_MAX)
        cut = zt_conv_force_cut((const uint8_t *)s, ZT_PIECE_MAX);
    return cut;
}

size_t zt_convert_bound(const zt_converter *c, size_t len)
{
    if (!c)
        return 0;
    /* The last stage reserves its input times its ratio plus a slack for
     * word-sized copies before it writes; the bound covers that, so that
     * zt_convert() can write straight into a buffer of this size. */
    if (len > (SIZE_MAX - 64 - c->slack) / c->ratio)
        return SIZE_MAX;
    return len * c->ratio + c->slack + 16;
}

static zt_status convert_all(const zt_converter *c, const uint8_t *s,
                             size_t n, zt_buf *out)
{
    zt_work w = {0};
    zt_status st = ZT_OK;
    while (st == ZT_OK && n > ZT_PIECE_MAX) {
        size_t cut = zt_conv_find_cut(c, s, ZT_PIECE_MAX);
        if (!cut)
            cut = zt_conv_force_cut(s, ZT_PIECE_MAX);
        st = zt_conv_piece(c, &w, s, cut, out);
        s += cut;
        n -= cut;
    }
    if (st == ZT_OK)
        st = zt_conv_piece(c, &w, s, n, out);
    zt_work_free(&w);
    return st;
}

zt_status zt_convert_alloc(const zt_converter *c, const char *in, size_t len,
                           char **out, size_t *outlen)
{
    if (!c || (!in && len) || !out)
        return ZT_EINVAL;
    zt_buf b = {0};
    zt_status st = zt_buf_reserve(&b, len + len / 4 + 16);
    if (st == ZT_OK)
        st = convert_all(c, (const uint8_t *)in, len, &b);
    if (st == ZT_OK)
        st = zt_buf_append(&b, "", 1);
    if (st != ZT_OK) {
        zt_buf_free(&b);
        return st;
    }
    *out = b.data;
    if (outlen)
        *outlen = b.len - 1;
    return ZT_OK;
}

zt_status zt_convert(const zt_converter *c, const char *in, size_t len,
                     char *out, size_t cap, size_t *outlen)
{
    if (!c || (!in && len) || (!out && cap) || !outlen)
        return ZT_EINVAL;
    if (cap >= zt_convert_bound(c, len) && cap) {
        /* Room for any output: convert in place, no copy.  Should a stage
         * still want more room (it cannot for built-in dictionaries), fall
         * back to the general path below. */
        zt_buf fb = {out, 0, cap, 1};
        zt_status fst = convert_all(c, (const uint8_t *)in, len, &fb);
        if (fst == ZT_OK) {
            *outlen = fb.len;
            return ZT_OK;
        }
        if (fst != ZT_ESPACE && fst != ZT_ENOMEM)
            return fst;
    }
    zt_buf b = {0};
    zt_status st = convert_all(c, (const uint8_t *)in, len, &b);
    if (st != ZT_OK) {
        zt_buf_free(&b);
        return st;
    }
    *outlen = b.len;
    if (b.len > cap) {
        zt_buf_free(&b);
        return ZT_ESPACE;
    }
    if (b.len)
        memcpy(out, b.data, b.len);
    zt_buf_free(&b);
    return ZT_OK;
}
