/*
 * repair_page.c - what a document says about the injector's table.
 *
 * The injector annotated the characters of a table, and each page has its
 * own: on the real pages (../shared/data/injected) a Traditional-only
 * character is annotated everywhere on its page or nowhere, and a page
 * annotates about 40% of the Traditional-only characters it has (國 on 1
 * page of 8, 關 on 10 of 11).  So whether a character hidden by '?' was in
 * the table, i.e. whether it would carry a reading, is a fact about the
 * page, which its undamaged text shows:
 *   - a character with its reading after it is in the table;
 *   - a Traditional-only character with none, where the bytes are surely
 *     aligned (a line with no '?' or U+FFFD, or before its first one: every
 *     insertion leaves a '?' behind, since '(' is no trail byte), is not;
 *   - of the others we know the share the page's table has, estimated from
 *     the two counts.
 * The same aligned text also says which words the page uses: its pairs of
 * Han characters (in Simplified, across readings) are kept, and a reading
 * of hidden bytes that forms a pair the page has elsewhere gains (a cache
 * model: 一定要 against 一定能 in a page that says 一定要 elsewhere).
 * And it shows whether the page was folded to ASCII after the damage, as
 * the real pages were (zt_rp_page_folded).  Built once per document with
 * damage or readings, when its first line with a reading comes (repair.c).
 */
#include <math.h>
#include <stdlib.h>

#include "repair_search.h"
#include "utf8.h"

#define TP_BITS (65536 / 64)
/* A folded page with this many lone '?' before garbage shows the pairs of
 * GBK's user-defined areas as '?' (see the end of zt_rp_page_scan). */
#ifndef ZT_RP_SHOWN
#define ZT_RP_SHOWN 3
#endif
/* At most this many slots (1 MiB), half of them used: a page has a few
 * thousand pairs.  A document with more (some 500 KB of text) is no page,
 * and its pairs say little (zt_rp_page_pairs_weight): it keeps none, and
 * building them stops there (in a document of megabytes, that was a third
 * of the time of --lone leave). */
#define TP_MAXSLOTS (1u << 18)

struct zt_rp_page {
    uint64_t in[TP_BITS];  /* seen with its reading */
    uint64_t out[TP_BITS]; /* seen aligned without one */
    float unknown;         /* log P(not in the table) of an unseen one */
    float unknown_in;      /* log P(in the table) of an unseen one */
    uint32_t *pairs;       /* open addressing: a << 16 | b, 0 empty */
    size_t mask, npairs;
    int full;              /* more pairs than TP_MAXSLOTS / 2: none kept */
    size_t nin;            /* bits set in in[] */
    int fold;              /* full-width forms folded to ASCII (see scan) */
    int vanish;            /* pairs of the user-defined areas vanished */
    uint16_t *lout;        /* the characters set in out[] */
    size_t nout, outcap;
};

static size_t pair_slot(uint32_t key, size_t mask)
{
    return (size_t)((key * 0x9E3779B1u) >> 7) & mask;
}

/* Keep the pair a, b (Simplified forms, BMP Han). */
static zt_status pair_add(struct zt_rp_page *p, uint32_t a, uint32_t b)
{
    uint32_t key = a << 16 | b;
    if ((p->npairs + 1) * 2 > p->mask + 1) {
        size_t slots = p->pairs ? (p->mask + 1) * 2 : 1024;
        if (slots > TP_MAXSLOTS) {
            p->full = 1;
            return ZT_OK;
        }
        uint32_t *t = calloc(slots, sizeof *t);
        if (!t)
            return ZT_ENOMEM;
        for (size_t i = 0; p->pairs && i <= p->mask; i++) {
            if (!p->pairs[i])
                continue;
            size_t j = pair_slot(p->pairs[i], slots - 1);
            while (t[j])
                j = (j + 1) & (slots - 1);
            t[j] = p->pairs[i];
        }
        free(p->pairs);
        p->pairs = t;
        p->mask = slots - 1;
    }
    size_t j = pair_slot(key, p->mask);
    while (p->pairs[j]) {
        if (p->pairs[j] == key)
            return ZT_OK;
        j = (j + 1) & p->mask;
    }
    p->pairs[j] = key;
    p->npairs++;
    return ZT_OK;
}

float zt_rp_page_pairs_weight(const zt_rp_doc *d)
{
    const struct zt_rp_page *p = d->page;
    if (!p || !p->npairs || p->full)
        return 0;
    return p->npairs <= ZT_RP_CACHE_PAIRS ? 1.0f
           : (float)ZT_RP_CACHE_PAIRS / (float)p->npairs;
}

int zt_rp_page_pair(const zt_rp_doc *d, uint32_t a, uint32_t b)
{
    const struct zt_rp_page *p = d->page;
    if (!p || !p->npairs || a >= 0x10000 || b >= 0x10000)
        return 0;
    const struct zt_rp_stab *t = d->r->stab;
    uint32_t key = t->simp[a] << 16 | t->simp[b];
    for (size_t j = pair_slot(key, p->mask); p->pairs[j]; j = (j + 1) & p->mask)
        if (p->pairs[j] == key)
            return 1;
    return 0;
}

static int bit(const uint64_t *b, uint32_t cp)
{
    return (int)(b[cp >> 6] >> (cp & 63) & 1);
}

/* Set cp's bit; 1 if it was not set. */
static int set(uint64_t *b, uint32_t cp)
{
    uint64_t m = (uint64_t)1 << (cp & 63);
    if (b[cp >> 6] & m)
        return 0;
    b[cp >> 6] |= m;
    return 1;
}

/* The length of what looks like a reading at s[0..n), "(zhòng)" or
 * "（zhong）", or 0; its body at s[*body .. *body + *bl). */
static size_t reading_len(const uint8_t *s, size_t n, size_t *body, size_t *bl)
{
    int fw = n >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x88;
    size_t open = fw ? 3 : n >= 1 && s[0] == '(' ? 1 : 0;
    *body = open;
    *bl = open ? zt_rp_body_len(s + open, n - open, fw) : 0;
    return *bl ? open + *bl + open : 0; /* the closing bracket is as wide */
}

/* The length of a reading of cp at s[0..n), or 0 if none is there. */
static size_t read_after(const uint8_t *s, size_t n, uint32_t cp)
{
    size_t body, bl, len = reading_len(s, n, &body, &bl);
    return len && zt_rp_reads_as((const char *)s + body, bl, &cp, 1) ? len : 0;
}

/* Where U+FFFD first is in s[0..n), or n. */
static size_t find_fffd(const uint8_t *s, size_t n)
{
    for (const uint8_t *q = s; (q = memchr(q, 0xEF, n - (size_t)(q - s)));
         q++)
        if (n - (size_t)(q - s) >= 3 && q[1] == 0xBF && q[2] == 0xBD)
            return (size_t)(q - s);
    return n;
}

/* The first damage mark of the line s[0..n), '?' or U+FFFD, or n. */
static size_t first_mark(const uint8_t *s, size_t n)
{
    const uint8_t *q = memchr(s, '?', n);
    return find_fffd(s, q ? (size_t)(q - s) : n);
}

zt_status zt_rp_page_scan(zt_rp_doc *d, const char *in, size_t len)
{
    const uint8_t *s = (const uint8_t *)in;
    /* Nothing to search and no reading to strip: nothing needs the page.
     * (Readings need it on a folded page: ",m(fà)" is 琺 = AC 6D, across
     * '，' and m.) */
    if (!memchr(s, '?', len) && !memchr(s, ')', len) && find_fffd(s, len) == len)
        return ZT_OK;
    if (d->page)
        return ZT_OK; /* (once per document) */
    struct zt_rp_page *p = d->page = calloc(1, sizeof *p);
    if (!p)
        return ZT_ENOMEM;
    const uint8_t *cls = d->r->cls;
    const uint32_t *simp = d->r->stab->simp;
    size_t wide_forms = 0, folded_holes = 0, ascii_punct = 0, shown = 0;
    for (size_t pos = 0; pos < len;) {
        const uint8_t *nl = memchr(s + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;
        const uint8_t *l = s + pos;
        size_t aligned = first_mark(l, n);
        uint32_t prev = 0; /* the Han character before, aligned */
        for (size_t i = 0; i < n; i++) {
            /* Only three-byte characters can be Han of the BMP. */
            if (i + 2 >= n || (l[i] & 0xF0) != 0xE0 ||
                (l[i + 1] & 0xC0) != 0x80 || (l[i + 2] & 0xC0) != 0x80) {
                /* Signs of folding (see the end): ASCII punctuation after
                 * a Han character, and ",?ěr)", a hole after ',' (only the
                 * lead byte of a character can come before one, so this
                 * ',' was '，'). */
                int punct = l[i] == ',' || l[i] == ';' || l[i] == ':' || l[i] == '!';
                if (punct && i >= 3 && (l[i - 3] & 0xF0) == 0xE0)
                    ascii_punct++; /* (after a wide character) */
                if (punct && i + 2 < n && l[i + 1] == '?' &&
                    zt_rp_body_len(l + i + 2, n - i - 2, 0))
                    folded_holes++;
                /* A lone '?' before a character of garbage: a pair shown
                 * as '?' in a run read one byte late (see the end). */
                uint32_t g;
                if (l[i] == '?' && i + 3 < n &&
                    zt_utf8_decode(l + i + 1, n - i - 1, &g) == 3 &&
                    g != ZT_INVALID_CP && !zt_rp_body_len(l + i + 1, n - i - 1, 0))
                    shown += zt_rp_garbage(d->r, g);
                prev = 0;
                continue;
            }
            uint32_t cp = (uint32_t)(l[i] & 0x0F) << 12 |
                          (uint32_t)(l[i + 1] & 0x3F) << 6 | (l[i + 2] & 0x3F);
            if ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000)
                wide_forms++;
            int han = zt_rp_is_han(cp), bare = i + 3 <= aligned;
            if (han && prev && bare && !p->full) {
                zt_status st = pair_add(p, simp[prev], simp[cp]);
                if (st != ZT_OK)
                    return st;
            }
            prev = han && bare ? cp : 0;
            /* Past a reading, the next character follows this one.  (A
             * character known to be in the table is not checked again:
             * most readings are of a few hundred characters.) */
            size_t rl = 0;
            if (han && i + 3 < n && (l[i + 3] == '(' || l[i + 3] == 0xEF)) {
                size_t body, bl;
                rl = (cls[cp] & ZT_RP_TRAD) && bit(p->in, cp)
                         ? reading_len(l + i + 3, n - i - 3, &body, &bl)
                         : read_after(l + i + 3, n - i - 3, cp);
            }
            if (rl) {
                if ((cls[cp] & ZT_RP_TRAD) && set(p->in, cp))
                    p->nin++;
            } else if ((cls[cp] & ZT_RP_TRAD) && bare && set(p->out, cp)) {
                if (p->nout == p->outcap) {
                    size_t cap = p->outcap ? 2 * p->outcap : 256;
                    uint16_t *grown = realloc(p->lout, cap * sizeof *grown);
                    if (!grown)
                        return ZT_ENOMEM;
                    p->lout = grown;
                    p->outcap = cap;
                }
                p->lout[p->nout++] = (uint16_t)cp;
            }
            i += 2 + rl;
        }
        pos += n + (nl ? 1 : 0);
    }
    size_t nin = p->nin, nout = 0;
    for (size_t k = 0; k < p->nout; k++) {
        uint32_t cp = p->lout[k];
        /* Annotated anywhere wins: an earlier pass can have split the bytes
         * of one occurrence, which then went without its reading. */
        if (bit(p->in, cp))
            p->out[cp >> 6] &= ~((uint64_t)1 << (cp & 63));
        else
            nout++;
    }
    /* The table's share, with half a character of each kind as the prior. */
    double share = ((double)nin + 0.5) / ((double)nin + (double)nout + 1.0);
    /* Real pages came through a step that folds full-width forms to ASCII
     * after the damage (none of them has a ， or （, while 、 and 。 abound).
     * A page with no full-width form, and ASCII punctuation after a wide
     * character or a hole after a ',' (only a '，' explains one), is taken
     * as folded: its ',' next to wide characters are read as '，' and what
     * repair writes is folded the same way. */
    p->fold = wide_forms == 0 && (ascii_punct > 0 || folded_holes > 0);
    /* Such pages also lost the pairs of GBK's user-defined areas, which
     * their decoder made private-use characters (repair_solve.c,
     * expand_v1), unless the page shows them as '?': a lone '?' before
     * garbage, the rest of a run read one byte late.  On the tuning sets
     * (tools/repair_tune.sh, man + help, folded pages with and without the
     * pairs dropped), lines wrong / silent: the search on every folded
     * page 8966 / 246; off where the page shows 1, 2, 3 such '?': 8858 /
     * 270, 8902 / 249, 8924 / 247.  (Measured on the benchmark's folded
     * pages, which show more of them: lines right 89.69% -> 89.83%, silent
     * 184 -> 159; without the search 90.40% and 144.) */
    p->vanish = p->fold && shown < ZT_RP_SHOWN;
    p->unknown = (float)log(1.0 - share);
    p->unknown_in = (float)log(share);
    return ZT_OK;
}

int zt_rp_page_folded(const zt_rp_doc *d)
{
    return d->page && d->page->fold;
}

int zt_rp_page_vanish(const zt_rp_doc *d)
{
    return d->page && d->page->vanish;
}

void zt_rp_page_fold(zt_buf *out, size_t from)
{
    uint8_t *s = (uint8_t *)out->data;
    size_t o = from;
    for (size_t i = from; i < out->len;) {
        if (i + 2 < out->len && s[i] == 0xEF &&
            ((s[i + 1] == 0xBC && s[i + 2] >= 0x81) ||
             (s[i + 1] == 0xBD && s[i + 2] <= 0x9E))) {
            /* U+FF01..FF5E: EF BC 81..BF, EF BD 80..9E */
            s[o++] = (uint8_t)(((s[i + 1] & 1) << 6 | (s[i + 2] & 0x3F)) + 0x20);
            i += 3;
        } else if (i + 2 < out->len && s[i] == 0xE3 && s[i + 1] == 0x80 &&
                   s[i + 2] == 0x80) {
            s[o++] = ' ';
            i += 3;
        } else {
            s[o++] = s[i++];
        }
    }
    out->len = o;
}

float zt_rp_page_bare(const zt_rp_doc *d, uint32_t cp)
{
    const struct zt_rp_page *p = d->page;
    if (!p)
        return ZT_RP_TP_UNSEEN;
    if (bit(p->in, cp))
        return ZT_RP_TP_IN;
    if (bit(p->out, cp))
        return 0;
    return p->unknown < ZT_RP_TP_IN ? ZT_RP_TP_IN : p->unknown;
}

float zt_rp_page_read(const zt_rp_doc *d, uint32_t cp)
{
    const struct zt_rp_page *p = d->page;
    if (!p)
        return ZT_RP_TP_BONUS;
    if (bit(p->in, cp))
        return ZT_RP_TP_BONUS;
    if (bit(p->out, cp))
        return 0;
    float b = ZT_RP_TP_BONUS + p->unknown_in;
    return b > 0 ? b : 0;
}

void zt_rp_page_free(zt_rp_doc *d)
{
    if (d->page) {
        free(d->page->pairs);
        free(d->page->lout);
    }
    free(d->page);
    d->page = NULL;
}
