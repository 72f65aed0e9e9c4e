/*
 * repair_solve.c - find the bytes hidden by '?' on one line, jointly.
 *
 * The line is a list of elements (repair_line.c): known GBK bytes, holes
 * (one hidden byte X, with (previous byte, X) read as the hole's reading),
 * lone '?' (a literal '?', or a lead byte and the byte the decoder
 * swallowed with it) and characters GBK lacks.  The original line was
 * valid GBK, so we search the hidden bytes left to right, keeping only
 * choices under which the bytes decode without an invalid pair and every
 * reading constraint holds.  That alone decides most spots; a chain of
 * holes ("日?qǐng)?bào)") or a run that swallowed bytes is solved as one.
 *
 * The search is a Viterbi over (last byte, "is it a pending lead byte"),
 * keeping the best few paths per state, each scored by the best
 * segmentation of its characters into dictionary words (every new character
 * looks for words ending in it along the path), plus what the bytes say
 * about script and punctuation.  Known text from an aligned point decodes
 * one way only and is written straight out; a lone '?' (two hidden bytes,
 * ~126 x ~94 readings) is kept cheap by letting paths meet per class of
 * lead byte.  Whenever all paths meet in one aligned state the
 * stretch since the last such point (a chunk) is decided: one path left
 * means it is the answer; several are rescored by the word dictionary
 * (best segmentation of the chunk with a few characters of context) and
 * the best wins only by a clear margin.  Otherwise, and where no path
 * survives, the chunk is written as the input had it and its spots are
 * reported: we never guess silently.
 */
#include <math.h>
#include <stdlib.h>
/* -DZT_RP_DEBUG prints the undecided spots to stderr, -DZT_RP_DEBUG_CANDS
 * every chunk's candidates too (development builds only). */
#if defined(ZT_RP_DEBUG_CANDS) && !defined(ZT_RP_DEBUG)
#define ZT_RP_DEBUG
#endif
#ifdef ZT_RP_DEBUG
#include <stdio.h>
#endif

#include "gbk.h"
#include "repair_search.h"
#include "utf8.h"

/* Paths kept per state.  More keep the right reading alive more often, so
 * fewer wrong ones win unnoticed: on the tuning set, 73 silent errors with
 * 4, 43 with 8; time on lone-'?' lines grows about linearly. */
#ifndef KBEST
#define KBEST 8
#endif
#define V_OPQ 0x100  /* the element is a character GBK lacks */
#define V_WILD 0x101 /* an unknown ASCII byte the decoder swallowed */
#define V_EPS 0x102  /* nothing: Q2 of a literal '?' */
#define K_NONE 0x100 /* key: no byte before (line start, opaque, wild) */
#define K_ANY 0x1FF  /* key: aligned, and what comes next ignores the byte */
#define K_PEND 0x200 /* key flag: the last byte is a lead waiting */
#define K_VX 0x400   /* key flag: the last byte began a vanished pair */
#define NKEYS 0x800
/* Pairs of Han characters the page has elsewhere (repair_page.c): each
 * one a reading forms gains this much at the decision (times the page's
 * weight, zt_rp_page_pairs_weight).  Tuning sets (tools/repair_tune.sh,
 * both forms of both sets), lines wrong / silent: 7759 / 72 without, 7390 /
 * 80 at 1, 7122 / 91 at 2; at 1 with the weight, 7484 / 78 (the pages
 * forms unchanged; on the benchmark's one-document form, silent 306
 * without the weight, 255 with it, 244 without the pairs).  In the search
 * too (each new pair looked up): 7391 / 77, for a fifth more time. */
#ifndef ZT_RP_CACHE
#define ZT_RP_CACHE 1.0f
#endif
#define MAX_NODES (1u << 22)
#define CTX 4
#define PRUNE 30.0f /* natural log */
#define CN_SELF (-2) /* add_path: the new node completes a character */
#define WBACK 5      /* words of up to WBACK + 1 characters end in a path */
/* Bounds of what a word can still add to a path (lower: faster, since
 * fewer candidates get their words looked up, but a rare character that a
 * word would carry can be cut).  Neither is a strict bound (字符串 adds
 * 10.5 to 串).  On both tuning sets (tools/repair_tune.sh) WGAIN 5 and
 * WMAXGAIN 10 are no worse than 6 and 12 on any count (characters 4346 /
 * 2830 wrong instead of 4353 / 2836, lines and silent errors the same),
 * and lone-'?' lines take 15-18% less time; at 4 the help set has one silent
 * error more, at 3 more characters are wrong. */
#ifndef WGAIN
#define WGAIN 5.0f /* assumed most a word adds to a character's score */
#endif
#ifndef WMAXGAIN
#define WMAXGAIN 10.0f /* ... where the word data has the pair */
#endif
#define NOT_FIRST 8.0f /* a hole's reading that is not the character's first */

typedef struct node {
    int32_t parent;
    uint16_t val;
    uint16_t key;
    float score;     /* seg + the priors and penalties along the path */
    uint32_t lastcp; /* the last character completed, 0 after a break */
    int32_t cnode;   /* the node where it was completed, -1 after a break */
    float seg;       /* best segmentation of the path's characters so far */
    float h;         /* look-ahead part of score (fwd_bonus), not carried */
} node;

typedef struct state {
    uint16_t key;
    uint8_t n;
    uint8_t minat;    /* when n == KBEST: the first path of lowest score */
    int32_t id[KBEST];
    float sc[KBEST];  /* the paths' scores (pool[id[k]].score), at hand */
} state;

/* The first k of lowest score, as add_path has always chosen it. */
static uint8_t min_at(const state *st)
{
    uint8_t at = 0;
    for (uint8_t k = 1; k < KBEST; k++)
        if (st->sc[k] < st->sc[at])
            at = k;
    return at;
}

typedef struct solver {
    zt_rp_doc *d;
    zt_rp_lw *w;
    zt_buf *out;
    node *pool;
    size_t npool, poolcap;
    state *cur, *nxt;
    size_t ncur, nnxt;
    int16_t slot[NKEYS];
    uint32_t ctx[CTX]; /* the last characters written, for rescoring */
    size_t nctx;
    struct q2ent *ents; /* expand_q2: the best KBEST paths of each class */
    uint8_t ntop[256];  /* how many of them */
    uint8_t used[256];  /* the classes seen */
    /* fwd_bonus: the known characters from element fj on, and their best
     * segmentation, read once per element. */
    size_t fj;
    size_t fn;
    uint32_t fc[CTX + 1];
    float fbest[CTX + 2]; /* zt_rp_seg_suffix of fc[1..fn] at fbest[1..] */
    float fbase;
} solver;

static const zt_rp_con *con_at(const zt_rp_lw *w, size_t i)
{
    size_t lo = 0, hi = w->ncon;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->con[mid].at < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->ncon && w->con[lo].at == i ? &w->con[lo] : NULL;
}

/* What the character c, completed by element i, says about the reading of
 * the bytes: the text is Traditional, so a Simplified-only character is
 * unlikely; the injector annotated every character of its table, so a
 * Traditional-only one that no reading follows is as likely as the page
 * says it is out of the table (repair_page.c; an earlier pass can have
 * split its bytes, hence a penalty, not a rule); and where a reading
 * constrains the character, it is its first reading. */
static float prior(const zt_rp_doc *d, const zt_rp_lw *w, size_t i,
                   uint32_t c)
{
    if (c >= 0x10000)
        return 0;
    uint8_t k = d->r->cls[c];
    /* A reading after its lead byte split the character's bytes, so that
     * the injector's pass for it found nothing to annotate (盃賽: 獨 = A0 D9
     * was annotated across 盃 and 賽, D9 90). */
    if ((k & ZT_RP_TRAD) &&
        ((w->ob[i] & ZT_OB_ANN) || (i > 0 && (w->ob[i - 1] & ZT_OB_ANN))))
        k &= (uint8_t)~ZT_RP_TRAD;
    float p = zt_rp_prior_cls(k);
    if (k & ZT_RP_TRAD)
        p += zt_rp_page_bare(d, c);
    if (w->ob[i] & ZT_OB_CON) {
        const zt_rp_con *con = con_at(w, i);
        /* The injector wrote one fixed reading per character, and on the
         * real pages it is the first reading in the data (569 of 569
         * annotations): a hole whose reading is another reading of a
         * candidate is most unlikely to hide that candidate. */
        if (con && con->tone <= 5 && !zt_rp_con_fits_n(con, c, 1))
            p -= NOT_FIRST;
    }
    return p;
}

/* ---- the search -------------------------------------------------------- */

static unsigned kind_of(const zt_rp_lw *w, size_t i)
{
    return w->ob[i] & ZT_OB_KIND;
}

/* Put a path into the state of its key (next step), if it is among the
 * state's best KBEST.  Inlined, as extend() is: each runs some two million
 * times per megabyte of lines with a lone '?', and the calls alone were a
 * tenth of the instructions there. */
ZT_INLINE int add_path(solver *S, int32_t parent, unsigned v, uint16_t key,
                    uint32_t cp, float score, int32_t cnode, float seg, float h)
{
    state *st;
    if (S->slot[key] < 0) {
        S->slot[key] = (int16_t)S->nnxt;
        st = &S->nxt[S->nnxt++];
        st->key = key;
        st->n = 0;
    } else {
        st = &S->nxt[S->slot[key]];
    }
    int at;
    if (st->n < KBEST) {
        at = st->n++;
    } else {
        /* Most candidates lose to a full state: one comparison. */
        at = st->minat;
        if (st->sc[at] >= score)
            return 1;
    }
    if (S->npool == S->poolcap) {
        if (S->poolcap >= MAX_NODES)
            return 0;
        size_t nc = S->poolcap ? S->poolcap * 2 : 1024;
        node *np = realloc(S->pool, nc * sizeof *np);
        if (!np)
            return 0;
        S->pool = np;
        S->poolcap = nc;
    }
    int32_t id = (int32_t)S->npool++;
    S->pool[id] = (node){parent, (uint16_t)v, key, score, cp,
                         cnode == CN_SELF ? id : cnode, seg, h};
    st->id[at] = id;
    st->sc[at] = score;
    if (st->n == KBEST)
        st->minat = min_at(st);
    return 1;
}

/* The last characters of the path ending at node p, most recent first:
 * ch[k] and before[k], the segmentation score of the path before it.
 * Stops at a break or a character that is not Han. */
static size_t path_chars(const solver *S, const node *p, uint32_t *ch,
                         float *before)
{
    size_t n = 0;
    for (int32_t x = p->cnode; x >= 0 && n < WBACK;) {
        const node *q = &S->pool[x];
        if (!q->lastcp || !zt_rp_is_han(q->lastcp) || q->parent < 0)
            break;
        ch[n] = q->lastcp;
        before[n++] = S->pool[q->parent].seg;
        x = S->pool[q->parent].cnode;
    }
    return n;
}

typedef struct trans {
    uint16_t v, key;
    uint32_t c;  /* the character completed, 0 if none */
    float add;   /* score independent of the path */
    float cs;    /* zt_rp_char_score(c) */
    uint32_t sc; /* zt_rp_simp_of(c), for the word lookups */
    int han;     /* c is Han (a word can end in it) */
    float h;     /* fwd_bonus of c */
} trans;

/* The candidate values of element i after a path in state `key`, in the
 * order the search tries them (ascending byte, then the marker), into v;
 * *checked is set when they are known to fit the reading constraint. */
static size_t candidates(const solver *S, size_t i, unsigned kind,
                         const zt_rp_con *con, uint16_t key, uint16_t *v,
                         int *checked)
{
    const zt_rp_lw *w = S->w;
    unsigned last = key & 0x1FF;
    int pend = (key & K_PEND) != 0;
    unsigned lo = 1, hi = 0, extra = 0;
    size_t n = 0;
    *checked = 0;
    if (kind == 0) {
        lo = hi = w->ob[i] & 0xFF;
    } else if (kind == ZT_OB_OPAQUE) {
        extra = V_OPQ;
    } else if (kind == ZT_OB_HOLE) {
        if (con && con->tone <= 5) {
            /* Only a lead byte before the hole can make a character with
             * the hole's reading; the table lists those characters. */
            *checked = 1;
            if (last < 0x81 || last > 0xFE)
                return 0;
            const struct zt_rp_stab *t = S->d->r->stab;
            uint32_t k = (uint32_t)con->syl * 5 + (con->tone == 5 ? 0 : con->tone);
            const uint16_t *c = t->code + t->off[k], *e = t->code + t->off[k + 1];
            uint16_t want = (uint16_t)(last << 8);
            while (e - c > 8) { /* lower bound of want */
                const uint16_t *m = c + (e - c) / 2;
                if (*m < want)
                    c = m + 1;
                else
                    e = m;
            }
            e = t->code + t->off[k + 1];
            for (; c < e && (*c >> 8) <= last; c++)
                if ((*c >> 8) == last)
                    v[n++] = *c & 0xFF;
            return n;
        }
        lo = 0x81, hi = 0xFE;
    } else if (kind == ZT_OB_Q1) {
        if (!pend) {
            lo = hi = '?';
        } else {
            /* Only a byte that completes the pending lead can follow it
             * (the search would drop the others).  A U+FFFD alone (no
             * second byte swallowed) is a byte the decoder could not pair
             * with the known byte after it, or it would have. */
            const struct zt_rp_stab *t = S->d->r->stab;
            unsigned nb = i + 1 < w->len && kind_of(w, i + 1) == 0
                              ? w->ob[i + 1] & 0xFF : 0;
            for (unsigned k = 0; k < t->nvalid[last]; k++)
                if (!nb || !zt_gbk_pair(t->valid[last][k], nb))
                    v[n++] = t->valid[last][k];
            return n;
        }
    } else { /* Q2 */
        if (last == '?' || i + 1 == w->len || last > 0xFF) {
            extra = V_EPS;
        } else {
            /* The decoder would have paired the others with `last`. */
            const struct zt_rp_stab *t = S->d->r->stab;
            for (unsigned k = 0; k < t->ninvalid[last]; k++)
                v[n++] = t->invalid[last][k];
            v[n++] = V_WILD;
            return n;
        }
    }
    for (unsigned b = lo; b <= hi; b++)
        v[n++] = (uint16_t)b;
    if (extra)
        v[n++] = (uint16_t)extra;
    return n;
}

/* The character that known bytes make from element i on, read as aligned
 * there, into *cp: its length in elements (1 or 2), or 0 where there is
 * none (an element with a bit of `stop` set, or an invalid pair). */
static size_t known_char(const zt_rp_lw *w, size_t i, uint16_t stop,
                         uint32_t *cp)
{
    if (i >= w->len || (w->ob[i] & stop))
        return 0;
    unsigned b = w->ob[i] & 0xFF;
    if (b < 0x81) {
        *cp = b == 0x80 ? 0x20AC : b;
        return 1;
    }
    if (i + 1 >= w->len || (w->ob[i + 1] & stop))
        return 0;
    *cp = zt_gbk_pair(b, w->ob[i + 1] & 0xFF);
    return *cp ? 2 : 0;
}

/* A few characters after element i, decoded as known bytes from an
 * aligned start, for context. */
static size_t right_ctx(const solver *S, size_t i, uint32_t *cps, size_t cap)
{
    size_t n = 0, l;
    while (n < cap) {
        while (i < S->w->len && kind_of(S->w, i) >= ZT_OB_V1)
            i++; /* (nothing, where the text is aligned) */
        if ((l = known_char(S->w, i, ZT_OB_KIND, &cps[n])) == 0)
            break;
        n++;
        i += l;
    }
    return n;
}

/* What the known text from element j on adds to a path whose last
 * character is c, by the words that start with c: the paths of one state
 * share what follows, but a rare character that begins a word with it
 * (瀑 before 布) would lose its place among the state's best few to common
 * ones before the word is seen.  This part of a path's score looks ahead
 * only: the next character completed replaces it by what the words really
 * give, and decide() rescores with the text on both sides. */
static float fwd_bonus(solver *S, size_t j, uint32_t c)
{
    const struct zt_rp_stab *t = S->d->r->stab;
    if (S->fj != j) {
        S->fj = j;
        S->fn = right_ctx(S, j, S->fc + 1, CTX);
        S->fbase = S->fn ? zt_rp_seg_suffix(t, S->fc + 1, S->fn, S->fbest + 1) : 0;
    }
    if (!S->fn || !zt_rp_is_han(S->fc[1]))
        return 0;
    /* As zt_rp_seg_score looks words up: most characters start none. */
    uint32_t rec = zt_py_char(c), s1 = zt_rp_simp_bmp(t, S->fc[1]);
    if (!rec || !zt_py_r_wnode[rec - 1])
        return 0;
    uint32_t first = zt_py_r_wfirst[rec - 1];
    if (!zt_py_bigram(first, s1) &&
        !(s1 != S->fc[1] && zt_py_bigram(first, S->fc[1])))
        return 0;
    S->fc[0] = c;
    /* The text after j is segmented once (fbest); only the words that
     * start with c are new. */
    float b = zt_rp_seg_front(t, S->fc, S->fn + 1, S->fbest) - zt_rp_cs(t, c) - S->fbase;
    return b > 0 ? b : 0;
}

static float line_end(const solver *S, uint32_t c);
static float line_end_max(const solver *S);

/* A path before the second byte of a lone '?', for expand_q2. */
struct q2ent {
    float sc;
    int32_t id;
    uint8_t b;
};

/* Put en among the best KBEST of top[0..*n) (the first come on ties). */
static void keep_best(struct q2ent *top, uint8_t *n, struct q2ent en)
{
    if (*n < KBEST) {
        top[(*n)++] = en;
        return;
    }
    int at = 0;
    for (int q = 1; q < KBEST; q++)
        if (top[q].sc < top[at].sc)
            at = q;
    if (top[at].sc < en.sc)
        top[at] = en;
}

/* Element i is the second byte of a lone '?' after its first byte b: any
 * byte that does not pair with b, each starting a character (a pending
 * lead), or an unknown ASCII byte.  Every path could go to each of ~94
 * leads; but the paths whose b is in one class (same invalid bytes) go to
 * the same leads, so after the best KBEST of a class, by score, the rest of
 * it cannot get into any of them.  Same result as the general expansion,
 * with at most classes x KBEST x 94 moves instead of paths x 94. */
static int expand_q2(solver *S, size_t i, int collapse)
{
    const zt_rp_lw *w = S->w;
    const struct zt_rp_stab *tab = S->d->r->stab;
    size_t ne = 0;
    uint16_t wild = collapse ? K_ANY : K_NONE;
    for (size_t si = 0; si < S->ncur; si++) {
        const state *st = &S->cur[si];
        unsigned last = st->key & 0x1FF;
        for (int k = 0; k < st->n; k++) {
            const node p = S->pool[st->id[k]];
            if (last == '?' || last > 0xFF) {
                /* A literal '?' (or no byte to pair with): nothing. */
                uint16_t key = collapse && !(st->key & K_PEND) ? K_ANY : st->key;
                if (!add_path(S, st->id[k], V_EPS, key, p.lastcp, p.score,
                              p.cnode, p.seg, p.h))
                    return 0;
                continue;
            }
            if (!add_path(S, st->id[k], V_WILD, wild, 0,
                          p.score - p.h - 8.0f, -1, p.seg, 0))
                return 0;
            /* Keep the class's best KBEST. */
            uint8_t cl = tab->qclass[last];
            if (S->ntop[cl] == 0)
                S->used[ne++] = cl;
            keep_best(S->ents + (size_t)cl * KBEST, &S->ntop[cl],
                      (struct q2ent){p.score, st->id[k], (uint8_t)last});
        }
    }
    /* All the kept paths, best first (an insertion sort of at most a few
     * dozen), so that each lead byte's state takes the best at once. */
    struct q2ent all[256 * KBEST];
    size_t na = 0;
    uint8_t rep[256]; /* a byte of each class seen */
    for (size_t u = 0; u < ne; u++) {
        uint8_t cl = S->used[u];
        rep[u] = S->ents[(size_t)cl * KBEST].b;
        for (uint8_t e = 0; e < S->ntop[cl]; e++) {
            struct q2ent en = S->ents[(size_t)cl * KBEST + e];
            size_t at = na++;
            for (; at > 0 && all[at - 1].sc < en.sc; at--)
                all[at] = all[at - 1];
            all[at] = en;
        }
        S->ntop[cl] = 0;
    }
    /* When a known byte follows, each lead byte x makes one character with
     * it, and all of them go to one state that keeps KBEST: a lead whose
     * best path, with its character and at most WGAIN from a word, cannot
     * reach the KBEST-th best lower bound is not worth its paths (the
     * general step would refuse them one by one). */
    uint8_t skip[256] = {0};
    if (na && i + 1 < w->len && kind_of(w, i + 1) == 0 &&
        !(w->ob[i + 1] & ZT_OB_CON)) {
        unsigned tb = w->ob[i + 1] & 0xFF;
        float in[256], base[256];
        uint8_t seen[256] = {0};
        for (size_t e = 0; e < na; e++) {
            uint8_t b = all[e].b;
            for (unsigned x = 0; x < tab->ninvalid[b]; x++) {
                unsigned v = tab->invalid[b][x];
                if (!seen[v]) {
                    seen[v] = 1;
                    in[v] = all[e].sc;
                }
            }
        }
        float lb[KBEST];
        int nlb = 0;
        for (unsigned v = 0x81; v <= 0xFE; v++) {
            if (!seen[v])
                continue;
            uint32_t c = zt_gbk_pair(v, tb);
            if (!c) {
                skip[v] = 1;
                continue;
            }
            base[v] = in[v] + prior(S->d, w, i + 1, c) + zt_rp_cs(tab, c);
            if (i + 2 == w->len)
                base[v] += line_end(S, c);
            else if (kind_of(w, i + 2) == 0 && zt_rp_is_han(c))
                base[v] += fwd_bonus(S, i + 2, c);
            /* The KBEST best lower bounds so far, lb[] ascending (a mark
             * after a mark loses up to 4). */
            float low = base[v] - (zt_rp_punct_kind(c) ? 4.0f : 0.0f);
            if (nlb < KBEST) {
                int at = nlb++;
                for (; at > 0 && lb[at - 1] > low; at--)
                    lb[at] = lb[at - 1];
                lb[at] = low;
            } else if (low > lb[0]) {
                int at = 0;
                for (; at + 1 < KBEST && lb[at + 1] < low; at++)
                    lb[at] = lb[at + 1];
                lb[at] = low;
            }
        }
        if (nlb == KBEST)
            for (unsigned v = 0x81; v <= 0xFE; v++)
                if (seen[v] && !skip[v]) {
                    uint32_t c = zt_gbk_pair(v, tb);
                    float up = base[v] + (zt_rp_is_han(c) ? WGAIN : 0.0f);
                    if (up < lb[0])
                        skip[v] = 1;
                }
    }
    /* Best first, each lead byte's state is full after its first KBEST
     * paths, and no later one can get in: skip it from then on.  Once
     * every lead byte the kept paths can go to is skipped, the rest of
     * them have nowhere to go (the bytes of a class share their invalid
     * set, so the classes seen give all such lead bytes). */
    uint8_t open[256] = {0};
    unsigned nopen = 0;
    for (size_t u = 0; u < ne; u++) {
        uint8_t b = rep[u];
        for (unsigned x = 0; x < tab->ninvalid[b]; x++) {
            unsigned v = tab->invalid[b][x];
            if (!skip[v] && !open[v]) {
                open[v] = 1;
                nopen++;
            }
        }
    }
    uint8_t got[256] = {0};
    for (size_t e = 0; e < na && nopen; e++) {
        const struct q2ent *en = &all[e];
        uint8_t b = en->b;
        const node p = S->pool[en->id];
        for (unsigned x = 0; x < tab->ninvalid[b]; x++) {
            unsigned v = tab->invalid[b][x];
            if (skip[v])
                continue;
            if (!add_path(S, en->id, v, (uint16_t)(v | K_PEND), p.lastcp,
                          p.score, p.cnode, p.seg, p.h))
                return 0;
            if (++got[v] == KBEST) {
                skip[v] = 1;
                nopen--;
            }
        }
    }
    return 1;
}

/* A path's last characters, for words: read once per path, when first
 * needed (nh < 0: not yet). */
typedef struct pcache {
    int nh;
    uint32_t s0; /* Simplified form of ch[0] */
    uint32_t ch[WBACK];
    float before[WBACK];
    uint32_t e0, e1; /* word-end regions of s0 and of ch[0] (0 if the same) */
} pcache;

/* Extend the path p (node pid) by move t; 0 if out of memory. */
ZT_INLINE int extend(solver *S, const node *p, int32_t pid, const trans *t,
                  pcache *pc)
{
    const struct zt_rp_stab *tab = S->d->r->stab;
    float pri = p->score - p->seg - p->h + t->add, seg = p->seg, h = p->h;
    uint32_t ncp = p->lastcp;
    int32_t cn = p->cnode;
    if (t->c) {
        h = t->h;
        int han = p->lastcp && zt_rp_is_han(p->lastcp);
        seg += t->cs;
        if (!t->han && !han)
            pri += zt_rp_punct_pair(p->lastcp, t->c);
        if (han && t->han) {
            /* No word ends in c unless some word ends in the last
             * character and c (the word-end filter; 字符串 ends in 串
             * although no word starts with 符串), in either's Simplified
             * or written form.  The word lookups are skipped when even a
             * word would not get the path into the full state it goes to. */
            int sl = S->slot[t->key];
            float mn = sl >= 0 && S->nxt[sl].n == KBEST
                           ? S->nxt[sl].sc[S->nxt[sl].minat] : -1e30f;
            if (mn >= pri + seg + h + WMAXGAIN)
                return 1;
            if (pc->nh < 0) {
                pc->nh = (int)path_chars(S, p, pc->ch, pc->before);
                pc->s0 = pc->nh > 0 ? zt_rp_simp_bmp(tab, pc->ch[0]) : 0;
                pc->e0 = pc->nh > 0 ? zt_py_endpair_of(pc->s0) : 0;
                pc->e1 = pc->nh > 0 && pc->ch[0] != pc->s0
                             ? zt_py_endpair_of(pc->ch[0]) : 0;
            }
            if ((pc->e0 | pc->e1) &&
                (zt_py_endpair_in(pc->e0, t->sc) ||
                 (t->sc != t->c && zt_py_endpair_in(pc->e0, t->c)) ||
                 zt_py_endpair_in(pc->e1, t->sc) ||
                 (t->sc != t->c && zt_py_endpair_in(pc->e1, t->c)))) {
                seg = zt_rp_word_end(tab, pc->ch, pc->before, (size_t)pc->nh, t->c,
                               t->sc, seg);
            } else if (mn >= pri + seg + h) {
                return 1;
            }
        }
        ncp = t->c;
        cn = CN_SELF;
    } else if (t->v == V_WILD || t->v == V_OPQ) {
        ncp = 0;
        cn = -1;
        h = 0;
    }
    return add_path(S, pid, t->v, t->key, ncp, pri + seg + h, cn, seg, h);
}

/* Element i is the first byte of a lone '?'.  After a pending lead L it is
 * any trail t, each making a character, going to the state of t's class
 * (the second byte comes next).  The characters of L are listed by class,
 * best first, so that once a class's state is full, the scan of that class
 * stops where even the best path of L could no longer get in; and the best
 * states go first, so that their paths fill the states early.  Where no
 * lead is pending the '?' is itself. */
static int expand_q1(solver *S, size_t i)
{
    const struct zt_rp_stab *tab = S->d->r->stab;
    /* A '?' ending the line: its character ends the line too, and what a
     * line end adds (line_end) can lift a character over those before it in
     * its class's order, so the scans below stop that much later. */
    int at_end = i + 2 == S->w->len;
    float slack = at_end ? line_end_max(S) : 0.0f;
    uint16_t ord[NKEYS];
    float pm[NKEYS];
    size_t no = 0;
    for (size_t si = 0; si < S->ncur; si++) {
        const state *st = &S->cur[si];
        unsigned last = st->key & 0x1FF;
        if (!(st->key & K_PEND) || last < 0x81 || last > 0xFE) {
            trans t = {'?', '?', 0, 0, 0, 0, 0, 0};
            if (st->key & K_PEND)
                continue; /* nothing completes it */
            for (int k = 0; k < st->n; k++) {
                const node p = S->pool[st->id[k]];
                pcache pc = {.nh = -1};
                if (!extend(S, &p, st->id[k], &t, &pc))
                    return 0;
            }
            continue;
        }
        float b = st->sc[0];
        for (int k = 1; k < st->n; k++)
            if (st->sc[k] > b)
                b = st->sc[k];
        size_t at = no++;
        for (; at > 0 && pm[at - 1] < b; at--) {
            ord[at] = ord[at - 1];
            pm[at] = pm[at - 1];
        }
        ord[at] = (uint16_t)si;
        pm[at] = b;
    }
    for (size_t o = 0; o < no; o++) {
        const state *st = &S->cur[ord[o]];
        unsigned l = (st->key & 0xFF) - 0x81;
        const struct q1ent *e = tab->q1 + l * 126;
        /* The state's paths, best first. */
        node p[KBEST];
        int32_t pid[KBEST];
        pcache pc[KBEST];
        for (int k = 0; k < st->n; k++) {
            node x = S->pool[st->id[k]];
            int at = k;
            for (; at > 0 && p[at - 1].score < x.score; at--) {
                p[at] = p[at - 1];
                pid[at] = pid[at - 1];
            }
            p[at] = x;
            pid[at] = st->id[k];
            pc[k].nh = -1;
        }
        for (unsigned g = 0; g < tab->q1ng[l]; g++) {
            for (unsigned x = tab->q1goff[l][g]; x < tab->q1goff[l][g + 1]; x++) {
                int han = zt_rp_is_han(e[x].c);
                int sl = S->slot[e[x].key];
                /* sc is the order and a bound; a Traditional-only
                 * character's page prior (repair_page.c) comes on top. */
                float esc = e[x].sc + (e[x].trad ? zt_rp_page_bare(S->d, e[x].c) : 0.0f);
                if (sl >= 0 && S->nxt[sl].n == KBEST) {
                    float mn = S->nxt[sl].sc[S->nxt[sl].minat];
                    if (mn >= pm[o] + e[x].sc + WGAIN + slack)
                        break; /* nor any later one of this class */
                    if (mn >= pm[o] + esc + (han ? WGAIN : 0.0f) + slack)
                        continue;
                }
                trans t = {e[x].t, e[x].key, e[x].c, esc - tab->cs[e[x].c],
                           tab->cs[e[x].c], tab->simp[e[x].c], han, 0};
                if (at_end)
                    t.add += line_end(S, e[x].c);
                float mn = sl >= 0 && S->nxt[sl].n == KBEST
                               ? S->nxt[sl].sc[S->nxt[sl].minat] : -1e30f;
                for (int k = 0; k < st->n; k++) {
                    /* Paths are best first: once one cannot get in even
                     * with a word, none after it can. */
                    if (mn >= p[k].score + esc + slack + (han ? WGAIN : 0.0f))
                        break;
                    if (!extend(S, &p[k], pid[k], &t, &pc[k]))
                        return 0;
                }
            }
        }
    }
    return 1;
}

/*
 * A pair of bytes that vanished.  Real pages lost the pairs of GBK's
 * user-defined areas (AAA1..AFFE, F8A1..FEFE, A140..A7A0) from runs read
 * one byte late: Windows' code page 936 decodes them to private-use
 * characters, which the pages then lost (011: FA BB, 018: FE B2), where
 * our model expects a lone '?'.  In such a run nearly every lone '?' would
 * be one of them.  So on a folded page (the real pages' pipeline), after a
 * hole, repair_line.c (may_vanish) puts V1 V2 where a run read one byte
 * late can have lost a pair: right after the hole, between two wide
 * characters, before an ASCII byte that can be a trail byte (代碼 is B4 FA
 * B4 61) and before a '?' that ends the line (a lead byte alone).  Where a
 * lead byte L is pending there, V1 may be a byte X of those areas' lead
 * bytes, completing (L, X), and V2 then a lead byte Y with (X, Y) in the
 * areas; otherwise both are nothing.  The extra character pays its own
 * score, and ZT_RP_VANISH more.  Where the bytes are aligned (no lead
 * pending), nothing vanished.
 * On the tuning sets (tools/repair_tune.sh, man + help, all four forms, at
 * margin 4.25), lines wrong / silent: ZT_RP_VANISH 0 17749 / 120, -1 17379
 * / 126, -2 17230 / 129, -3 17128 / 141, -4 17076 / 157.  The step from -3
 * to -2 costs 9 lines per silent error avoided, the next ones more than 40
 * (50, 62): -2, by the rule of the margin (decide()).  (When V1 V2 stood
 * between wide characters only, the same rule gave 0: 8966 / 246 on the
 * folded forms, -2 8734 / 271.)
 */
#ifndef ZT_RP_VANISH
#define ZT_RP_VANISH (-2.0f)
#endif
static const uint8_t ud_lead[] = {0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7,
                                  0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xF8,
                                  0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE};

static int expand_v1(solver *S, size_t i)
{
    const struct zt_rp_stab *tab = S->d->r->stab;
    for (size_t si = 0; si < S->ncur; si++) {
        const state *st = &S->cur[si];
        unsigned last = st->key & 0x1FF;
        int pend = (st->key & K_PEND) && last >= 0x81 && last <= 0xFE;
        trans tr[sizeof ud_lead];
        size_t nt = 0;
        for (size_t x = 0; pend && x < sizeof ud_lead; x++) {
            uint32_t c = zt_gbk_pair(last, ud_lead[x]);
            if (!c)
                continue;
            trans t = {ud_lead[x], (uint16_t)(ud_lead[x] | K_VX), c,
                       prior(S->d, S->w, i, c) + ZT_RP_VANISH, tab->cs[c],
                       tab->simp[c], zt_rp_is_han(c), 0};
            tr[nt++] = t;
        }
        for (int k = 0; k < st->n; k++) {
            const node p = S->pool[st->id[k]];
            if (!add_path(S, st->id[k], V_EPS, st->key, p.lastcp, p.score,
                          p.cnode, p.seg, p.h))
                return 0;
            pcache pc = {.nh = -1};
            for (size_t t = 0; t < nt; t++)
                if (!extend(S, &p, st->id[k], &tr[t], &pc))
                    return 0;
        }
    }
    return 1;
}

/* V2 after V1 = X: each lead Y with (X, Y) in the user-defined areas (Y >=
 * A1 after AA..AF and F8..FE, Y <= A0 after A1..A7), pending; the paths of
 * each of the two kinds of X go to the same leads, so only the best KBEST
 * of each kind are kept (as expand_q2 does per class).  A lead that makes
 * no character with the known byte after it is left out. */
static int expand_v2(solver *S, size_t i)
{
    const zt_rp_lw *w = S->w;
    struct q2ent top[2][KBEST];
    uint8_t ntop[2] = {0, 0};
    for (size_t si = 0; si < S->ncur; si++) {
        const state *st = &S->cur[si];
        for (int k = 0; k < st->n; k++) {
            const node p = S->pool[st->id[k]];
            if (!(st->key & K_VX)) {
                if (!add_path(S, st->id[k], V_EPS, st->key, p.lastcp,
                              p.score, p.cnode, p.seg, p.h))
                    return 0;
                continue;
            }
            int hi = (st->key & 0xFF) >= 0xAA;
            keep_best(top[hi], &ntop[hi],
                      (struct q2ent){p.score, st->id[k], (uint8_t)(st->key & 0xFF)});
        }
    }
    unsigned nb = i + 1 < w->len && kind_of(w, i + 1) == 0 &&
                          !(w->ob[i + 1] & ZT_OB_CON) ? w->ob[i + 1] & 0xFF : 0;
    /* With the known byte after it, each lead makes one character, and all
     * of them go to one state of KBEST paths: as in expand_q2, a lead whose
     * best path, with its character and WGAIN from a word, stays below the
     * KBEST-th best of the leads' best paths with their characters alone
     * is left out. */
    const struct zt_rp_stab *tab = S->d->r->stab;
    float lb[256], cut = -1e30f;
    if (nb) {
        struct q2ent best[KBEST];
        uint8_t nbest = 0;
        for (int hi = 0; hi < 2; hi++) {
            if (!ntop[hi])
                continue;
            float top1 = top[hi][0].sc;
            for (int e = 1; e < ntop[hi]; e++)
                if (top[hi][e].sc > top1)
                    top1 = top[hi][e].sc;
            unsigned lo = hi ? 0xA1 : 0x81, up = hi ? 0xFE : 0xA0;
            for (unsigned y = lo; y <= up; y++) {
                uint32_t c = zt_gbk_pair(y, nb);
                lb[y] = c ? top1 + tab->cs[c] + prior(S->d, w, i + 1, c) : -1e30f;
                if (c)
                    keep_best(best, &nbest, (struct q2ent){lb[y], 0, 0});
            }
        }
        for (int q = 0; nbest == KBEST && q < KBEST; q++)
            if (q == 0 || best[q].sc < cut)
                cut = best[q].sc;
    }
    for (int hi = 0; hi < 2; hi++) {
        unsigned lo = hi ? 0xA1 : 0x81, up = hi ? 0xFE : 0xA0;
        for (unsigned y = lo; ntop[hi] && y <= up; y++) {
            if (nb && (lb[y] <= -1e29f || lb[y] + WGAIN < cut))
                continue;
            for (int e = 0; e < ntop[hi]; e++) {
                const node p = S->pool[top[hi][e].id];
                if (!add_path(S, top[hi][e].id, y, (uint16_t)(y | K_PEND),
                              p.lastcp, p.score, p.cnode, p.seg, p.h))
                    return 0;
            }
        }
    }
    return 1;
}

/* Extend every path by element i.  The moves depend only on the state, so
 * they are listed once per state, then applied to its paths. */
static int advance(solver *S, size_t i)
{
    const zt_rp_lw *w = S->w;
    const zt_repairer *r = S->d->r;
    const struct zt_rp_stab *tab = r->stab;
    unsigned kind = kind_of(w, i);
    const zt_rp_con *con = (w->ob[i] & ZT_OB_CON) ? con_at(w, i) : NULL;
    int last_elem = i + 1 == w->len;
    /* Before the second byte of a lone '?' only the class of the last byte
     * matters (which bytes it leaves unpaired): paths meet per class. */
    int q2_next = !last_elem && kind_of(w, i + 1) == ZT_OB_Q2;
    /* Paths that differ only in a last byte nobody looks at again meet. */
    int collapse = last_elem ||
                   ((kind_of(w, i + 1) == 0 || kind_of(w, i + 1) == ZT_OB_OPAQUE ||
                     kind_of(w, i + 1) == ZT_OB_Q1 || kind_of(w, i + 1) == ZT_OB_V1) &&
                    !(w->ob[i + 1] & ZT_OB_CON));
    trans tr[260];
    uint16_t cand[260];
    S->nnxt = 0;
    if (kind == ZT_OB_Q1 && !con && q2_next) {
        if (!expand_q1(S, i))
            return 0;
        goto moved;
    }
    if (kind == ZT_OB_Q2 && !con && !last_elem) {
        if (!expand_q2(S, i, collapse))
            return 0;
        goto moved;
    }
    if (kind == ZT_OB_V1) {
        if (!expand_v1(S, i))
            return 0;
        goto moved;
    }
    if (kind == ZT_OB_V2) {
        if (!expand_v2(S, i))
            return 0;
        goto moved;
    }
    for (size_t si = 0; si < S->ncur; si++) {
        const state *st = &S->cur[si];
        unsigned last = st->key & 0x1FF;
        int pend = (st->key & K_PEND) != 0;
        int checked;
        float pmax = st->sc[0];
        for (int k = 1; k < st->n; k++)
            if (st->sc[k] > pmax)
                pmax = st->sc[k];
        size_t ncand = candidates(S, i, kind, con, st->key, cand, &checked);
        size_t nt = 0;
        for (size_t ci = 0; ci < ncand; ci++) {
            unsigned val = cand[ci];
            if (con && !checked) {
                uint32_t c = last <= 0xFF && val <= 0xFF ? zt_gbk_pair(last, val) : 0;
                if (!c || !zt_rp_con_fits(con, c))
                    continue;
            }
            trans t = {(uint16_t)val, 0, 0, 0, 0, 0, 0, 0};
            if (val == V_EPS) {
                t.key = st->key;
            } else if (pend) {
                t.c = val <= 0xFF ? zt_gbk_pair(last, val) : 0;
                if (!t.c)
                    continue;
                t.key = (uint16_t)(q2_next ? tab->qrep[val] : val);
                t.add = prior(S->d, w, i, t.c);
                if (last_elem)
                    t.add += line_end(S, t.c);
                t.cs = tab->cs[t.c];
                t.han = zt_rp_is_han(t.c);
                t.sc = tab->simp[t.c];
                if (t.han && !last_elem && kind_of(w, i + 1) == 0)
                    t.h = fwd_bonus(S, i + 1, t.c);
            } else if (val == V_WILD) {
                t.key = K_NONE;
                t.add = -8.0f;
            } else if (val == V_OPQ) {
                t.key = K_NONE;
            } else if (val >= 0x81) {
                t.key = (uint16_t)(val | K_PEND);
            } else {
                t.key = (uint16_t)val;
            }
            if (collapse && !(t.key & K_PEND))
                t.key = K_ANY;
            /* A full state only raises its lowest score, so a move that
             * even this state's best path cannot get into the state it goes
             * to now is refused for all of them: leave it out. */
            int sl = S->slot[t.key];
            if (sl >= 0 && S->nxt[sl].n == KBEST) {
                float ub = pmax + t.add + t.h;
                if (t.c)
                    ub += t.han ? t.cs + WGAIN : t.cs;
                if (S->nxt[sl].sc[S->nxt[sl].minat] >= ub)
                    continue;
            }
            tr[nt++] = t;
        }
        for (int k = 0; k < st->n; k++) {
            /* A copy: add_path may move the pool. */
            const node p = S->pool[st->id[k]];
            pcache pc = {.nh = -1};
            for (size_t ti = 0; ti < nt; ti++)
                if (!extend(S, &p, st->id[k], &tr[ti], &pc))
                    return 0;
        }
    }
moved:
    for (size_t si = 0; si < S->nnxt; si++)
        S->slot[S->nxt[si].key] = -1;
    /* A reading of the bytes that is far behind the best one (several
     * characters of garbage) is dropped, so that the paths can meet. */
    if (S->nnxt > 1) {
        float top = -1e30f;
        for (size_t si = 0; si < S->nnxt; si++)
            for (int k = 0; k < S->nxt[si].n; k++)
                if (S->nxt[si].sc[k] > top)
                    top = S->nxt[si].sc[k];
        size_t o = 0;
        for (size_t si = 0; si < S->nnxt; si++) {
            float b = -1e30f;
            for (int k = 0; k < S->nxt[si].n; k++)
                if (S->nxt[si].sc[k] > b)
                    b = S->nxt[si].sc[k];
            if (b >= top - PRUNE)
                S->nxt[o++] = S->nxt[si];
        }
        S->nnxt = o;
    }
    state *t = S->cur;
    S->cur = S->nxt;
    S->nxt = t;
    S->ncur = S->nnxt;
    return 1;
}

/* Start a chunk at a point where the line's bytes are aligned, on one
 * path through the characters last written (so that a word can end in the
 * chunk after starting before it), each scored as a word of its own. */
static void restart(solver *S, uint16_t key)
{
    const struct zt_rp_stab *t = S->d->r->stab;
    S->pool[0] = (node){-1, 0, key, 0.0f, 0, -1, 0.0f, 0.0f};
    S->npool = 1;
    for (size_t k = 0; k < S->nctx; k++) {
        uint32_t c = S->ctx[k];
        float seg = S->pool[k].seg + zt_rp_cs(t, c);
        S->pool[k + 1] = (node){(int32_t)k, 0, key, seg, c, (int32_t)k + 1, seg,
                                0.0f};
        S->npool++;
    }
    int32_t last = (int32_t)S->npool - 1;
    S->ncur = 1;
    S->cur[0].key = key;
    S->cur[0].n = 1;
    S->cur[0].id[0] = last;
    S->cur[0].sc[0] = S->pool[last].score;
}

static void remember(solver *S, uint32_t cp)
{
    if (S->nctx == CTX) {
        /* By hand: runs per character written, and memmove is a call. */
        for (size_t k = 1; k < CTX; k++)
            S->ctx[k - 1] = S->ctx[k];
        S->nctx--;
    }
    S->ctx[S->nctx++] = cp;
}

/* The values of elements c0..c1-1 on the path ending at node id. */
static void path_vals(const solver *S, int32_t id, size_t c0, size_t c1,
                      uint16_t *vals)
{
    for (size_t i = c1; i-- > c0;) {
        vals[i - c0] = S->pool[id].val;
        id = S->pool[id].parent;
    }
}

/* Decode the chunk's values: characters into cps (if not NULL) and the
 * text into S->out (if emit). */
static zt_status decode_vals_q(solver *S, size_t c0, size_t c1,
                               const uint16_t *vals, uint32_t *cps,
                               size_t *ncps, size_t cap, int emit, float *pr,
                               const uint8_t *qmark, size_t nq);

static zt_status decode_vals(solver *S, size_t c0, size_t c1,
                             const uint16_t *vals, uint32_t *cps, size_t *ncps,
                             size_t cap, int emit, float *pr)
{
    return decode_vals_q(S, c0, c1, vals, cps, ncps, cap, emit, pr, NULL, 0);
}

/* decode_vals, writing '?' instead of the k-th character where qmark[k]
 * (k < nq) is set: the characters the best readings disagree on. */
static zt_status decode_vals_q(solver *S, size_t c0, size_t c1,
                               const uint16_t *vals, uint32_t *cps,
                               size_t *ncps, size_t cap, int emit, float *pr,
                               const uint8_t *qmark, size_t nq)
{
    size_t nout = 0;
    const zt_rp_lw *w = S->w;
    unsigned pend = 0;
    zt_status st = ZT_OK;
    *ncps = 0;
    for (size_t i = c0; i < c1 && st == ZT_OK; i++) {
        unsigned v = vals[i - c0];
        uint32_t cp = 0;
        const uint8_t *raw = NULL;
        size_t rawlen = 0;
        if (v == V_EPS)
            continue;
        if (pr && kind_of(w, i) == ZT_OB_V1)
            *pr += ZT_RP_VANISH;
        if (pend) {
            cp = zt_gbk_pair(pend, v);
            pend = 0;
            if (pr && cp)
                *pr += prior(S->d, w, i, cp);
        } else if (v == V_OPQ) {
            raw = w->s + w->osrc[i];
            rawlen = zt_utf8_decode(raw, w->n - w->osrc[i], &cp);
            if (cp == ZT_INVALID_CP)
                cp = 0xFFFD;
        } else if (v == V_WILD) {
            cp = '?';
            if (emit && S->d->rep)
                st = zt_rp_add_spot(S->d->rep, w->base + w->osrc[i],
                                    ZT_SPOT_LOST);
        } else if (v >= 0x81) {
            pend = v;
            continue;
        } else if (v == '?' && kind_of(w, i) == ZT_OB_Q1) {
            /* The mark itself, '?' or U+FFFD, as the input had it; a
             * U+FFFD is a byte lost for good. */
            raw = w->s + w->osrc[i];
            rawlen = raw[0] == '?' ? 1 : 3;
            cp = raw[0] == '?' ? '?' : 0xFFFD;
            if (emit && cp == 0xFFFD && S->d->rep)
                st = zt_rp_add_spot(S->d->rep, w->base + w->osrc[i],
                                    ZT_SPOT_LOST);
        } else {
            cp = v == 0x80 ? 0x20AC : v;
        }
        if (cps && *ncps < cap)
            cps[(*ncps)++] = cp;
        if (qmark && nout < nq && qmark[nout]) {
            cp = w->doubt;
            raw = NULL;
        }
        nout++;
        if (emit && st == ZT_OK) {
            remember(S, cp);
            if (raw) {
                st = zt_buf_append(S->out, raw, rawlen);
            } else {
                st = zt_buf_put_utf8(S->out, cp);
            }
        }
    }
    return st;
}

/* Write elements c0..c1-1 as the input had them and report their spots. */
static zt_status leave(solver *S, size_t c0, size_t c1, zt_spot_kind why)
{
    const zt_rp_lw *w = S->w;
    zt_status st = ZT_OK;
    for (size_t i = c0; i < c1 && st == ZT_OK; i++) {
        unsigned kind = kind_of(w, i);
        size_t at = w->osrc[i];
        if (!(w->ob[i] & ZT_OB_START))
            continue;
        if (kind == ZT_OB_HOLE) {
            const zt_rp_con *c = con_at(w, i);
            size_t end = c ? c->end : at + 1;
            st = zt_buf_append(S->out, w->s + at, end - at);
            if (st == ZT_OK && S->d->rep)
                st = zt_rp_add_spot(S->d->rep, w->base + at, why);
            remember(S, '?');
        } else if (kind == ZT_OB_Q1) {
            /* Left unsearched, the mark is reported as that (and only
             * once); otherwise a U+FFFD is reported as a lost byte. */
            int uns = why == ZT_SPOT_UNSEARCHED;
            st = zt_rp_put_mark(w, at, S->out, uns ? NULL : S->d->rep);
            if (st == ZT_OK && uns && S->d->rep)
                st = zt_rp_add_spot(S->d->rep, w->base + at, why);
            remember(S, '?');
        } else {
            uint32_t cp;
            size_t l = zt_utf8_decode(w->s + at, w->n - at, &cp);
            st = zt_buf_append(S->out, w->s + at, l);
            remember(S, cp);
        }
    }
    return st;
}

/* The injector's table held Traditional characters: a hole whose pair is
 * one (t2s changes it) is likelier than one whose pair is not, unless the
 * page shows that character bare (repair_page.c). */
static float table_bonus(const solver *S, size_t c0, size_t c1,
                         const uint16_t *vals)
{
    float b = 0;
    for (size_t i = c0; i < c1; i++) {
        if (kind_of(S->w, i) != ZT_OB_HOLE)
            continue;
        unsigned prev = i > c0 ? vals[i - c0 - 1] : (S->pool[0].key & 0x1FF);
        uint32_t cp = prev <= 0xFF && vals[i - c0] <= 0xFF
                          ? zt_gbk_pair(prev, vals[i - c0]) : 0;
        if (cp && zt_rp_is_trad(S->d->r, cp))
            b += zt_rp_page_read(S->d, cp);
    }
    return b;
}

/* Brackets and quotes come in pairs: a （ that no ） follows on the line,
 * or a ） that no （ precedes, is unlikely (on the tuning set, 8% of （ and
 * 6% of ） are unpaired on their line, man pages split some; 3% of “ and 5%
 * of ”), and one that pairs a mark left open is likely.  This tells ， from
 * （ where a '?' hid the trail byte of either, and 。 from ” at a line end
 * after an open “.  The line as the input has it is searched: the brackets
 * of the text are full-width, and those of injected readings, when
 * full-width, only weaken the rule.  (The bonus, on the benchmark: 36 fewer
 * lines wrong without a report, 100 fewer lines right: close calls are
 * written as '?'.) */
#define UNPAIRED (-2.5f)
#define PAIRS 2.5f

static const struct {
    uint32_t open, close;
    char o8[4], c8[4];
} pairs[] = {
    {0xFF08, 0xFF09, "\xEF\xBC\x88", "\xEF\xBC\x89"}, /* （ ） */
    {0x201C, 0x201D, "\xE2\x80\x9C", "\xE2\x80\x9D"}, /* “ ” */
    {0x300A, 0x300B, "\xE3\x80\x8A", "\xE3\x80\x8B"}, /* 《 》 */
    {0x300C, 0x300D, "\xE3\x80\x8C", "\xE3\x80\x8D"}, /* 「 」 */
    {0x3010, 0x3011, "\xE3\x80\x90", "\xE3\x80\x91"}, /* 【 】 */
};

/* What an opening mark c (opener o) ending the line adds, instead of
 * UNPAIRED: the document's own rate of lines ending in it, where that is
 * higher than the rate UNPAIRED implies (e^(score of c + UNPAIRED): ~0.02%
 * of lines on the tuning set and the benchmark), smoothed towards it as if
 * OPEN_PRIOR lines more had ended at that rate.  A document cut into lines
 * at HTML tags may end one line in ten with 「 (Debian's LibreOffice and
 * GIMP help, extracted that way); there 「 and 。 at a line end become a
 * close call instead of a silent 。. */
#define OPEN_PRIOR 100.0f
static float open_end(const solver *S, uint32_t c, size_t o)
{
    const zt_rp_doc *d = S->d;
    if (!d->open_ends[o])
        return UNPAIRED;
    float cs = zt_rp_cs(d->r->stab, c);
    float g = expf(cs + UNPAIRED);
    float rate = ((float)d->open_ends[o] + OPEN_PRIOR * g) /
                 ((float)d->wide_ends + OPEN_PRIOR);
    float b = logf(rate) - cs;
    return b > UNPAIRED ? b : UNPAIRED;
}

/* What c adds as the last character of the line, in the search: as
 * zt_rp_line_end, and for an opening mark what the document's rate adds to
 * it (decide() weighs the rate instead of UNPAIRED). */
static float line_end(const solver *S, uint32_t c)
{
    int o = zt_rp_opener(c);
    return zt_rp_line_end(c) +
           (o >= 0 ? open_end(S, c, (size_t)o) - UNPAIRED : 0.0f);
}

/* The most line_end() gives any character (for bounds). */
static float line_end_max(const solver *S)
{
    float m = ZT_RP_LE_STOP > ZT_RP_LE_EXCL ? ZT_RP_LE_STOP : ZT_RP_LE_EXCL;
    for (size_t o = 0; o < sizeof pairs / sizeof *pairs; o++) {
        float b = open_end(S, pairs[o].open, o) - UNPAIRED;
        if (b > m)
            m = b;
    }
    return m;
}

/* How far brackets() and variant_key() look for marks and characters on
 * either side of a chunk, in bytes.  Both run for every reading of every
 * chunk in doubt; over the whole line they made a line of megabytes of
 * damage take quadratic time (a 3.4 MB line of folded pages: 1.22 s, 0.14 s
 * with the window).  Lines shorter than this read the same. */
#define SCAN_WINDOW 8192

/* The chunk c0..c1-1's bytes in the line, [from, to), and the window
 * around them, [lo, hi). */
typedef struct span {
    size_t lo, from, to, hi;
} span;

static span chunk_span(const solver *S, size_t c0, size_t c1)
{
    const zt_rp_lw *w = S->w;
    span sp;
    sp.from = c0 < w->len ? w->osrc[c0] : w->n;
    sp.to = c1 < w->len ? w->osrc[c1] : w->n;
    sp.lo = sp.from > SCAN_WINDOW ? sp.from - SCAN_WINDOW : 0;
    sp.hi = w->n - sp.to > SCAN_WINDOW ? sp.to + SCAN_WINDOW : w->n;
    return sp;
}

static float brackets(const solver *S, size_t c0, size_t c1,
                      const uint32_t *cps, size_t n)
{
    const zt_rp_lw *w = S->w;
    span sp = chunk_span(S, c0, c1);
    float b = 0;
    for (size_t k = 0; k < n; k++) {
        if (cps[k] < 0x201C || cps[k] > 0xFF09)
            continue;
        for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
            const char *mine, *other;
            const uint8_t *at;
            size_t len;
            if (cps[k] == pairs[p].open) {
                mine = pairs[p].o8, other = pairs[p].c8;
                at = w->s + sp.to, len = sp.hi - sp.to;
            } else if (cps[k] == pairs[p].close) {
                mine = pairs[p].c8, other = pairs[p].o8;
                at = w->s + sp.lo, len = sp.from - sp.lo;
            } else {
                continue;
            }
            /* The marks it could pair with, on its side of the line, less
             * those paired there already. */
            size_t free = zt_rp_count3(at, len, other), taken = zt_rp_count3(at, len, mine);
            if (!free && k + 1 == n && c1 == w->len && cps[k] == pairs[p].open)
                b += open_end(S, cps[k], p); /* pairs[] in opener order */
            else if (!free)
                b += UNPAIRED;
            else if (free > taken)
                b += PAIRS;
        }
    }
    return b;
}

#ifndef PHRASE_FORM
#define PHRASE_FORM 5.0f
#endif
/* What OpenCC's s2t writes for the Simplified form of chunk[0..n), between
 * the characters written before it and after[0..na): into want[0..n), 1 if
 * it could tell (one character out for each in). */
static int s2t_forms(const solver *S, const uint32_t *chunk, size_t n,
                     const uint32_t *after, size_t na, uint32_t *want)
{
    const struct zt_rp_stab *t = S->d->r->stab;
    uint8_t in[4 * (CTX + 64 + CTX)];
    size_t len = 0, total = S->nctx + n + na;
    if (n > 64)
        return 0;
    for (size_t k = 0; k < total; k++) {
        uint32_t c = k < S->nctx ? S->ctx[k]
                     : k < S->nctx + n ? chunk[k - S->nctx]
                                       : after[k - S->nctx - n];
        len += zt_utf8_encode(zt_rp_simp_bmp(t, c), in + len);
    }
    char out[4 * sizeof in]; /* what does not fit is no one-for-one answer */
    size_t olen = 0, got = 0;
    if (zt_convert(S->d->r->s2t, (const char *)in, len, out, sizeof out, &olen) != ZT_OK)
        return 0;
    for (size_t i = 0; i < olen && got <= total;) {
        uint32_t c;
        i += zt_utf8_decode((const uint8_t *)out + i, olen - i, &c);
        if (got >= S->nctx && got < S->nctx + n)
            want[got - S->nctx] = c;
        got++;
    }
    return got == total;
}

/* A key of the Simplified form of a chunk's characters cps[0..n), and in
 * *pref (if not NULL) how well its variants fit the document: the sum over
 * its Han characters of log(times the document wrote it, + 1 if OpenCC's
 * s2t would write it, + 0.5 otherwise), where the line as the input has it
 * counts as once more.  The readings compared have the same characters
 * but where they differ, so only those decide; a character that is its
 * own Simplified form counts too (工具 against 工俱: 俱 is 具 in Simplified
 * by OpenCC's first choice, but 具 is what the document writes). */
static uint64_t variant_key(const solver *S, size_t c0, size_t c1,
                            const uint32_t *cps, size_t n, float *pref,
                            const uint32_t *want)
{
    const zt_rp_lw *w = S->w;
    span sp = chunk_span(S, c0, c1);
    const zt_repairer *r = S->d->r;
    const uint16_t *seen = S->d->seen;
    uint64_t h = 0xcbf29ce484222325ull;
    if (pref)
        *pref = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = cps[k], s = zt_rp_simp_bmp(r->stab, c);
        h = (h ^ s) * 0x100000001b3ull;
        if (!pref || c < 0x3400 || c >= 0xA000)
            continue;
        uint8_t u[4];
        size_t l = zt_utf8_encode(c, u);
        float times = (seen ? seen[c - 0x3400] : 0) +
                      (l == 3 && zt_rp_count3(w->s + sp.lo, sp.hi - sp.lo, (const char *)u) > 0);
        if (want && want[k] != zt_rp_st_char(r, s)) {
            /* s2t's phrases chose this form for the word in context
             * (委託, although 托 on its own): here that decides, whatever
             * the counts. */
            *pref += want[k] == c ? PHRASE_FORM : 0.0f;
            continue;
        }
        int s2t = want ? want[k] == c : zt_rp_standard(r, c);
        *pref += logf(times + (s2t ? 1.0f : 0.5f));
    }
    return h;
}

#ifdef ZT_RP_DEBUG
/* Debug builds (-DZT_RP_DEBUG): prefix, then cps[0..n) as UTF-8. */
static void dbg_cps(const char *pre, const uint32_t *cps, size_t n)
{
    fputs(pre, stderr);
    for (size_t k = 0; k < n; k++) {
        uint8_t u[4];
        fwrite(u, 1, zt_utf8_encode(cps[k], u), stderr);
    }
}
#endif

/* Two readings of a chunk scored too close to choose.  When they decode
 * to the same number of characters and differ in at most four of them (a
 * hidden byte with several homophones, or two), write the rest, which both
 * agree on, with '?' for the characters in doubt, and report those spots;
 * the run after the hole is then realigned instead of left garbled (on
 * the tuning set: 2% fewer wrong characters than with two, no more silent
 * errors).  Otherwise leave the chunk as the input had it. */
#define QMAX 256
/* The first element of c0..end-1 where the reading vals (of the chunk
 * from c0) has a vanished pair, or end. */
static size_t first_vanished(const zt_rp_lw *w, size_t c0, size_t end,
                             const uint16_t *vals)
{
    for (size_t i = c0; i < end; i++)
        if (kind_of(w, i) == ZT_OB_V1 && vals[i - c0] != V_EPS)
            return i;
    return end;
}

static zt_status undecided_q(solver *S, size_t c0, size_t c1, uint16_t *vals,
                             const uint8_t *q, size_t na, size_t diff);
static zt_status undecided(solver *S, size_t c0, size_t c1, uint16_t *vals,
                           int32_t best, int32_t second)
{
    uint32_t a[QMAX], b[QMAX];
    uint8_t q[QMAX];
    size_t na, nb;
    const zt_rp_lw *w = S->w;
    /* The first place where either reading has a vanished pair: reported,
     * since nothing in the text marks it. */
    path_vals(S, second, c0, c1, vals);
    size_t vspot = first_vanished(w, c0, c1, vals);
    decode_vals(S, c0, c1, vals, b, &nb, QMAX, 0, NULL);
    path_vals(S, best, c0, c1, vals);
    vspot = first_vanished(w, c0, vspot, vals);
    decode_vals(S, c0, c1, vals, a, &na, QMAX, 0, NULL);
    size_t nspots = S->d->rep ? S->d->rep->nunresolved : 0;
    size_t diff = 0;
    if (na == nb && na < QMAX)
        for (size_t k = 0; k < na; k++)
            diff += (q[k] = a[k] != b[k]);
#ifdef ZT_RP_DEBUG
    /* "UND diff n: <differing pairs> |<context>[<best>] [<second>]<after>" */
    fprintf(stderr, "UND %zu %zu:", diff, na);
    for (size_t k = 0; k < na && k < nb; k++)
        if (a[k] != b[k]) {
            dbg_cps(" ", &a[k], 1);
            dbg_cps("", &b[k], 1);
        }
    uint32_t rc[CTX];
    size_t nr = right_ctx(S, c1, rc, CTX);
    dbg_cps(" |", S->ctx, S->nctx);
    dbg_cps("[", a, na);
    dbg_cps("] [", b, nb);
    dbg_cps("]", rc, nr);
    fputs(c1 == S->w->len ? "$\n" : " \n", stderr);
#endif
    zt_status st;
    if (na != nb || na >= QMAX || diff == 0 || diff > 4) {
        st = leave(S, c0, c1, ZT_SPOT_AMBIGUOUS);
    } else {
        st = undecided_q(S, c0, c1, vals, q, na, diff);
    }
    if (st == ZT_OK && vspot < c1 && S->d->rep) {
        /* In order of offset among the chunk's spots. */
        zt_repair_report *rep = S->d->rep;
        st = zt_rp_add_spot(rep, w->base + w->osrc[vspot], ZT_SPOT_AMBIGUOUS);
        for (size_t k = rep->nunresolved - 1;
             st == ZT_OK && k > nspots &&
             rep->unresolved[k - 1].offset > rep->unresolved[k].offset; k--) {
            zt_repair_spot t = rep->unresolved[k];
            rep->unresolved[k] = rep->unresolved[k - 1];
            rep->unresolved[k - 1] = t;
        }
    }
    return st;
}

/* undecided(): the readings agree but on diff characters, q[k] set for
 * those: write '?' there and report the chunk's holes. */
static zt_status undecided_q(solver *S, size_t c0, size_t c1, uint16_t *vals,
                             const uint8_t *q, size_t na, size_t diff)
{
    const zt_rp_lw *w = S->w;
    size_t holes = 0;
    for (size_t i = c0; i < c1; i++)
        if (kind_of(w, i) == ZT_OB_HOLE) {
            holes++;
            if (S->d->rep) {
                zt_status st = zt_rp_add_spot(S->d->rep, w->base + w->osrc[i],
                                              ZT_SPOT_AMBIGUOUS);
                if (st != ZT_OK)
                    return st;
            }
        }
    S->d->recovered += holes > diff ? holes - diff : 0;
    size_t n;
    return decode_vals_q(S, c0, c1, vals, NULL, &n, 0, 1, NULL, q, na);
}

static float cache_bonus(const solver *S, const uint32_t *cps, size_t n)
{
    float w = ZT_RP_CACHE * zt_rp_page_pairs_weight(S->d), b = 0;
    for (size_t k = 0; w > 0 && k + 1 < n; k++)
        if (zt_rp_is_han(cps[k]) && zt_rp_is_han(cps[k + 1]) &&
            zt_rp_page_pair(S->d, cps[k], cps[k + 1]))
            b += w;
    return b;
}

static int fw_alnum(uint32_t c)
{
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A);
}

static int alnum(uint32_t c)
{
    return fw_alnum(c) || zt_rp_ascii_alnum(c);
}

/* Does the reading vals of c0..c1-1 make a full-width letter or digit
 * that stands alone (no letter or digit either side) where the input has
 * none?  A pair A3 xx is one, and it is what a run read one byte late
 * makes of the 0xA3 of '，' (A3 AC) whose AC and the next lead byte
 * vanished (a user-defined pair, repair_page.c): the reading then has
 * "解釋Ｄ檔" where "，包含文檔" lost three pairs, more than the search
 * restores.  Text has such a letter alone between Chinese characters
 * seldom, and only this reading accounts for the bytes: the chunk is left
 * and reported, not written wrong.  On the tuning sets (tools/repair_tune.sh,
 * all forms, margin 4.25) lines wrong / silent went from 17661 / 222 to
 * 17664 / 203; the three lines more are a manual's "高位爲０的", a digit
 * alone in the text itself. */
static int lone_alnum(solver *S, size_t c0, size_t c1, const uint16_t *vals)
{
    /* The chunk's first 64 characters, between their context. */
    uint32_t cps[CTX + 65];
    size_t left = S->nctx, n;
    memcpy(cps, S->ctx, left * sizeof *cps);
    decode_vals(S, c0, c1, vals, cps + left, &n, 64, 0, NULL);
    size_t end = left + n, made = 0;
    for (size_t k = left; k < end; k++)
        made += fw_alnum(cps[k]);
    if (!made)
        return 0;
    /* The input's own full-width letters and digits in the chunk (a page
     * that was not folded) are no sign. */
    const zt_rp_lw *w = S->w;
    size_t from = w->osrc[c0], to = c1 < w->len ? w->osrc[c1] : w->n;
    size_t had = 0;
    for (size_t i = from; i < to;) {
        uint32_t c;
        i += zt_utf8_decode(w->s + i, to - i, &c);
        had += fw_alnum(c);
    }
    if (made <= had)
        return 0;
    n = end + right_ctx(S, c1, cps + end, 1);
    for (size_t k = left; k < end; k++)
        if (fw_alnum(cps[k]) && (k == 0 || !alnum(cps[k - 1])) &&
            (k + 1 >= n || !alnum(cps[k + 1])))
            return 1;
    return 0;
}

/* A chunk with no lone '?' (holes only, and places where a pair may have
 * vanished) must win by this much more than the margin (from any margin
 * above 0).  Its readings are fewer, and its wrong ones are mostly a
 * character dropped or added where a pair vanished, which the word data
 * scores too well.  On the tuning sets at margin 4.75 (lines wrong /
 * silent, man + help, all forms): 0 17723 / 110, 0.25 17792 / 107, 0.5
 * 17871 / 97, 0.75 17953 / 96, 1 18052 / 95: each step up to 0.5 costs
 * fewer than 40 lines per silent error avoided (23, 8), the next 82.  On
 * the held-out set (tools/repair_tune.sh, CHECK=1): 1818 / 22 without, 1837
 * / 19 with.  With it the margin's sweep still gives 4.75 (4.5 17638 / 109,
 * 5 18128 / 95), and ZT_RP_VANISH still -2 (-1 18212 / 96, -3 17739 / 108). */
#ifndef ZT_RP_HOLES_ONLY
#define ZT_RP_HOLES_ONLY 0.5f
#endif

static int has_lone(const zt_rp_lw *w, size_t c0, size_t c1)
{
    for (size_t i = c0; i < c1; i++)
        if (kind_of(w, i) == ZT_OB_Q1)
            return 1;
    return 0;
}

/* The decision margin (zt_repair_options.margin): by default the best
 * reading must be e^4.75 ~ 115x likelier than all the others together.
 * Chosen on simulated damage of text the benchmark does not contain
 * (tools/repair_tune.sh repeats it with --margin): both tuning sets in all
 * their forms (one document; pages, each with its own table; folded pages;
 * folded pages that lost the user-defined pairs).  Lines wrong / lines
 * wrong without a report, summed:
 *   margin  3.75         4            4.25         4.5
 *           16508 / 167  16972 / 143  17230 / 129  17523 / 120
 *   margin  4.75         5
 *           17725 / 113  17970 / 109
 * Each step up to 4.75 costs fewer than 40 lines per silent error avoided
 * (19, 18, 33, 29 lines), the next one 61: the rule since the first sweep.
 * It had chosen 3 on the one-document form alone, 3.75 on the first three
 * forms, 4.25 with the fourth; 4.75 since the search for vanished pairs
 * looks in more places (expand_v1), which removed half the silent errors
 * at every margin and left fewer that a margin can remove cheaply.  (These
 * sums are without ZT_RP_HOLES_ONLY; with it, 4.5 17638 / 109, 4.75 17871 /
 * 97, 5 18128 / 95: 4.75 still.)  The held-out set (CHECK=1) agrees: 4
 * 1739 / 34, 4.5 1803 / 25, 4.75 1837 / 19 (6 lines per silent error
 * avoided by the last step). */
/* Decide the chunk c0..c1-1, whose paths all end in S->cur[0]. */
static zt_status decide(solver *S, size_t c0, size_t c1, uint16_t *vals,
                        int has_unknown)
{
    state *st = &S->cur[0];
    int best = 0;
    if (st->n > 1) {
        uint32_t cps[64], after[CTX];
        float sc[KBEST];
        uint64_t vh[KBEST];
        float vp[KBEST];
        size_t ncps, nafter = right_ctx(S, c1, after, CTX);
        for (int k = 0; k < st->n; k++) {
            size_t left = S->nctx;
            memcpy(cps, S->ctx, left * sizeof *cps);
            path_vals(S, st->id[k], c0, c1, vals);
            float pr = 0;
            decode_vals(S, c0, c1, vals, cps + left, &ncps, 64 - CTX - left,
                        0, &pr);
            pr += brackets(S, c0, c1, cps + left, ncps);
            vh[k] = variant_key(S, c0, c1, cps + left, ncps, NULL, NULL);
            ncps += left;
            memcpy(cps + ncps, after, nafter * sizeof *after);
            ncps += nafter;
            sc[k] = zt_rp_seg_score_cls(S->d->r->stab, cps, ncps) +
                    table_bonus(S, c0, c1, vals) + cache_bonus(S, cps, ncps) + pr;
            if (c1 == S->w->len && ncps)
                sc[k] += zt_rp_line_end(cps[ncps - 1]);
#ifdef ZT_RP_DEBUG_CANDS
            fprintf(stderr, "cand %d %.2f (pr %.2f uni %.2f cls %.2f): ", k, sc[k], pr, zt_rp_seg_score(S->d->r->stab, cps, ncps), zt_rp_seg_score_cls(S->d->r->stab, cps, ncps));
            dbg_cps("", cps, ncps);
            fputc('\n', stderr);
#endif
        }
        best = 0;
        for (int k = 1; k < st->n; k++)
            if (sc[k] > sc[best])
                best = k;
        /* The best against all the others together: five readings each
         * e^4 behind are no clear choice, although each alone would be.
         * Readings that differ only in variants (爲 and 為: one Simplified
         * text) are one reading here; which variant, is chosen below. */
        float others = 0;
        for (int k = 0; k < st->n; k++)
            if (vh[k] != vh[best])
                others += expf(sc[k] - sc[best]);
        float margin = S->d->r->opt.margin;
        if (margin > 0 && !has_lone(S->w, c0, c1))
            margin += ZT_RP_HOLES_ONLY;
        if (others > 0 && -logf(others) < margin) {
            int second = -1;
            for (int k = 0; k < st->n; k++)
                if (vh[k] != vh[best] && (second < 0 || sc[k] > sc[second]))
                    second = k;
            return undecided(S, c0, c1, vals, st->id[best], st->id[second]);
        }
        /* Among the variants: those the document writes most (where it
         * shows none, the forms OpenCC's s2t writes), then the score. */
        int group = 0;
        for (int k = 0; k < st->n; k++)
            group += vh[k] == vh[best];
        if (group > 1) {
            /* Without the counts (out of memory), the s2t forms decide:
             * those of the words in context where s2t can tell them. */
            (void)zt_rp_seen_init(S->d, S->out->data);
            uint32_t want[64];
            int have_want = -1;
            size_t nwant = 0;
            for (int k = 0; k < st->n; k++) {
                if (vh[k] != vh[best])
                    continue;
                path_vals(S, st->id[k], c0, c1, vals);
                decode_vals(S, c0, c1, vals, cps, &ncps, 64, 0, NULL);
                if (have_want < 0) { /* the same Simplified text for all */
                    have_want = s2t_forms(S, cps, ncps, after, nafter, want);
                    nwant = ncps;
                }
                variant_key(S, c0, c1, cps, ncps, &vp[k],
                            have_want && ncps == nwant ? want : NULL);
            }
            int b0 = best;
            for (int k = 0; k < st->n; k++)
                if (k != best && vh[k] == vh[b0] &&
                    (vp[k] > vp[best] || (vp[k] == vp[best] && sc[k] > sc[best])))
                    best = k;
        }
    }
    path_vals(S, st->id[best], c0, c1, vals);
    if (has_unknown && lone_alnum(S, c0, c1, vals))
        return leave(S, c0, c1, ZT_SPOT_LOST);
    if (has_unknown)
        for (size_t i = c0; i < c1; i++)
            if (kind_of(S->w, i) == ZT_OB_HOLE)
                S->d->recovered++;
    size_t ncps;
    return decode_vals(S, c0, c1, vals, NULL, &ncps, 0, 1, NULL);
}

static int any_pending(const solver *S)
{
    for (size_t si = 0; si < S->ncur; si++)
        if (S->cur[si].key & K_PEND)
            return 1;
    return 0;
}

/* From an aligned point with one path, known bytes decode one way only:
 * write whole characters straight out, as the search would, as long as
 * what follows each is another known byte, a character GBK lacks or a lone
 * '?' (where the search would let the paths meet anyway).  Most of a
 * damaged line is such text.  Returns the element after the last one
 * written (i if none). */
static size_t fast_run(solver *S, size_t i, zt_status *st)
{
    const zt_rp_lw *w = S->w;
    size_t j = i;
    while (*st == ZT_OK) {
        uint32_t cp;
        size_t len = known_char(w, j, ZT_OB_KIND | ZT_OB_CON, &cp);
        if (!len)
            break;
        /* A vanished pair cannot be where the bytes are aligned. */
        size_t skip = j + len + 1 < w->len &&
                      kind_of(w, j + len) == ZT_OB_V1 ? 2 : 0;
        if (j + len + skip < w->len) {
            uint16_t nx = w->ob[j + len + skip];
            unsigned k = nx & ZT_OB_KIND;
            if ((nx & ZT_OB_CON) || !(nx & ZT_OB_START) ||
                (k != 0 && k != ZT_OB_OPAQUE && k != ZT_OB_Q1))
                break;
        }
        *st = zt_buf_put_utf8(S->out, cp);
        remember(S, cp);
        j += len + skip;
    }
    return j;
}

/* The known text after a chunk decodes one way from where its paths met.
 * If it still reads as misaligned bytes do (two of its next three
 * characters are garbage), the damage did not end where the chunk says:
 * bytes were lost that no reading accounts for (a page that also dropped a
 * '?', or turned full-width Ｉ into I).  Then nothing the chunk's holes
 * could hide is trustworthy: the caller leaves the chunk as the input had
 * it and reports its holes as lost. */
static int garbled_after(const solver *S, size_t c0, size_t c1)
{
    const zt_rp_lw *w = S->w;
    size_t hole = c0;
    while (hole < c1 && kind_of(w, hole) != ZT_OB_HOLE)
        hole++;
    if (hole == c1)
        return 0;
    uint32_t next[3];
    size_t n = right_ctx(S, c1, next, 3), bad = 0;
    for (size_t k = 0; k < n; k++)
        bad += zt_rp_garbage(S->d->r, next[k]);
    return n == 3 && bad >= 2;
}

/* The buffers of the search, kept in the document from line to line. */
struct zt_rp_smem {
    state *cur, *nxt;
    struct q2ent *ents;
    node *pool;
    size_t poolcap;
    uint16_t *vals;
    size_t valcap;
};

/* A pool grown past this for one odd line is not kept for the next. */
#define KEEP_NODES (1u << 16)

void zt_rp_solve_free(zt_rp_doc *d)
{
    struct zt_rp_smem *m = d->smem;
    if (!m)
        return;
    free(m->cur);
    free(m->nxt);
    free(m->ents);
    free(m->pool);
    free(m->vals);
    free(m);
    d->smem = NULL;
}

static struct zt_rp_smem *smem_get(zt_rp_doc *d, size_t len)
{
    struct zt_rp_smem *m = d->smem;
    if (!m) {
        m = calloc(1, sizeof *m);
        if (!m)
            return NULL;
        d->smem = m;
        m->cur = malloc(NKEYS * sizeof *m->cur);
        m->nxt = malloc(NKEYS * sizeof *m->nxt);
        m->ents = malloc(256 * KBEST * sizeof *m->ents);
        m->poolcap = 1024;
        m->pool = malloc(m->poolcap * sizeof *m->pool);
        if (!m->cur || !m->nxt || !m->ents || !m->pool) {
            zt_rp_solve_free(d);
            return NULL;
        }
    }
    if (m->valcap < len + 1) {
        size_t nc = len + 1 > 2 * m->valcap ? len + 1 : 2 * m->valcap;
        uint16_t *v = realloc(m->vals, nc * sizeof *v);
        if (!v)
            return NULL;
        m->vals = v;
        m->valcap = nc;
    }
    return m;
}

zt_status zt_rp_solve(zt_rp_doc *d, zt_rp_lw *w, zt_buf *out)
{
    solver S;
    memset(&S, 0, sizeof S);
    S.d = d;
    S.w = w;
    S.out = out;
    zt_status st = ZT_OK;
    struct zt_rp_smem *m = smem_get(d, w->len);
    if (!m)
        return ZT_ENOMEM;
    uint16_t *vals = m->vals;
    S.cur = m->cur;
    S.nxt = m->nxt;
    S.ents = m->ents;
    S.pool = m->pool;
    S.poolcap = m->poolcap;
    for (size_t k = 0; k < NKEYS; k++)
        S.slot[k] = -1;
    S.fj = SIZE_MAX;
    restart(&S, K_NONE);
    size_t c0 = 0;
    int unknown = 0;
    int leave_lone = d->r->opt.lone == ZT_LONE_LEAVE;
    for (size_t i = 0; i < w->len && st == ZT_OK;) {
        if (c0 == i && S.ncur == 1 && S.cur[0].n == 1 &&
            !(S.cur[0].key & K_PEND)) {
            size_t j = fast_run(&S, i, &st);
            if (j > i) {
                restart(&S, K_ANY);
                c0 = i = j;
                continue;
            }
        }
        unsigned kind = kind_of(w, i);
        if (kind == ZT_OB_HOLE || kind == ZT_OB_Q1 || kind == ZT_OB_Q2)
            unknown = 1;
        /* ZT_LONE_LEAVE: a lone '?' that may hide two bytes (a lead byte
         * is pending before it) is not searched; after aligned text it can
         * only be a '?' of the text, which costs nothing to read. */
        int unsearched = leave_lone && kind == ZT_OB_Q1 && i + 1 < w->len &&
                         kind_of(w, i + 1) == ZT_OB_Q2 && any_pending(&S);
        if (unsearched || !advance(&S, i) || S.ncur == 0) {
            /* No way to read these bytes (or too many, or not asked to):
             * leave the text up to the next point where GBK is surely
             * aligned, a known ASCII byte below 0x40 or a character GBK
             * lacks. */
            size_t j = i + 1;
            for (; j < w->len; j++) {
                unsigned k = kind_of(w, j - 1);
                int anchor = k == ZT_OB_OPAQUE ||
                             (k == 0 && (w->ob[j - 1] & 0xFF) < 0x40 &&
                              (w->ob[j - 1] & ZT_OB_START));
                if (anchor && (w->ob[j] & ZT_OB_START))
                    break;
            }
            st = leave(&S, c0, j, unsearched ? ZT_SPOT_UNSEARCHED : ZT_SPOT_NOFIT);
            uint16_t key = K_NONE;
            if (j < w->len && kind_of(w, j - 1) == 0)
                key = w->ob[j - 1] & 0xFF;
            restart(&S, key);
            c0 = i = j;
            unknown = 0;
            continue;
        }
        i++;
        if (S.ncur == 1 && !(S.cur[0].key & K_PEND) &&
            (i == w->len || (w->ob[i] & ZT_OB_START))) {
            if (unknown && garbled_after(&S, c0, i))
                st = leave(&S, c0, i, ZT_SPOT_LOST);
            else
                st = decide(&S, c0, i, vals, unknown);
            restart(&S, S.cur[0].key);
            c0 = i;
            unknown = 0;
        }
    }
    if (st == ZT_OK && c0 < w->len) {
        /* The paths never met in an aligned state at the end. */
        st = leave(&S, c0, w->len, ZT_SPOT_NOFIT);
    }
    /* advance() swaps cur and nxt; add_path may have moved the pool. */
    m->cur = S.cur;
    m->nxt = S.nxt;
    m->pool = S.pool;
    m->poolcap = S.poolcap;
    if (m->poolcap > KEEP_NODES) {
        node *np = realloc(m->pool, KEEP_NODES * sizeof *np);
        if (np) {
            m->pool = np;
            m->poolcap = KEEP_NODES;
        }
    }
    return st;
}
