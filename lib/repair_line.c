/*
 * repair_line.c - undo the injector on one line, in GBK bytes.
 *
 * The injector replaced, one table character at a time, every occurrence of
 * the character's two GBK bytes by the same bytes plus "(reading)", with no
 * regard for character boundaries, and its output was decoded with "?" for
 * each invalid pair.  So a reading can sit in the middle of two characters
 * (日報 = C8 D5 | 88 F3, the pass for 請 = D5 88 gives C8 D5 88 (qǐng) F3),
 * where the decoder shows the lead byte 88 and the swallowed "(" as one
 * "?", and the bytes after it pair up wrongly until something realigns them.
 *
 * We work in the same byte world.  Pass 1 re-encodes the line to GBK and
 * drops every reading whose preceding bytes spell a character (or word)
 * read that way; a "?reading)" becomes a hole: one unknown byte X such that
 * (previous byte, X) is a character with that reading.  Pass 2 fills the
 * holes, choosing by context when several bytes fit and leaving the spot as
 * it was (reported) when nothing decides.  Pass 3 decodes the bytes from the
 * start of the line, which realigns every run whose hole was filled.
 *
 * A line in which nothing was stripped or filled is copied unchanged, so the
 * GBK round trip can never alter undamaged text.
 */
#include <stdlib.h>

#include "gbk.h"
#include "repair.h"
#include "utf8.h"

/* An element of the byte array: a GBK byte, or one of these markers. */
#define OB_OPAQUE 0x100 /* a character GBK lacks (or invalid UTF-8) */
#define OB_HOLE 0x200   /* a '?' spot; osrc indexes the hole list */
#define OB_KIND 0x3FF
#define OB_START 0x400  /* first byte of a character as the input had it */

typedef struct hole {
    size_t at;              /* index in ob */
    uint32_t src, end;      /* the spot "?reading)" in the line */
    uint32_t body, blen;    /* the reading */
    /* A second reading may follow the byte after the hole, "?qū)W(xué)":
     * then (X, trail) is a character read as body2 (學 = 8C 57, 'W'). */
    int has2;
    unsigned trail;
    uint32_t body2, blen2;
} hole;

typedef struct line_work {
    uint16_t *ob;
    uint32_t *osrc; /* source offset of each element (hole: its index) */
    size_t len;
    hole *holes;
    size_t nholes, holecap;
} line_work;

static int real_byte(uint16_t v)
{
    return (v & OB_KIND) < 0x100;
}

static unsigned byte_of(uint16_t v)
{
    return v & 0xFF;
}

/* Does the reading s[b..b+bl) fit the bytes or characters that end ob? */
static int reading_fits(const zt_repairer *r, const line_work *w,
                        const uint8_t *s, size_t b, size_t bl, size_t *nchars,
                        uint32_t *first)
{
    (void)r;
    const char *body = (const char *)s + b;
    size_t len = w->len;
    const uint16_t *ob = w->ob;
    /* One character: the last two bytes, whatever the alignment, since the
     * injector matched bytes. */
    if (len >= 2 && real_byte(ob[len - 2]) && real_byte(ob[len - 1])) {
        uint32_t cp = zt_gbk_pair(byte_of(ob[len - 2]), byte_of(ob[len - 1]));
        if (cp && zt_rp_is_han(cp) && zt_rp_reads_as(body, bl, &cp, 1)) {
            *nchars = 1;
            *first = cp;
            return 1;
        }
    }
    /* A word: the last k characters as the input had them. */
    uint32_t cps[6];
    size_t pos = len, k = 0;
    while (k < 6 && pos >= 2 && real_byte(ob[pos - 1]) &&
           real_byte(ob[pos - 2]) && (ob[pos - 2] & OB_START) &&
           !(ob[pos - 1] & OB_START)) {
        uint32_t cp = zt_gbk_pair(byte_of(ob[pos - 2]), byte_of(ob[pos - 1]));
        if (!cp || !zt_rp_is_han(cp))
            break;
        pos -= 2;
        k++;
        /* cps holds the word in text order, rebuilt for each k. */
        for (size_t i = k - 1; i > 0; i--)
            cps[i] = cps[i - 1];
        cps[0] = cp;
        if (k >= 2 && zt_rp_reads_as(body, bl, cps, k)) {
            *nchars = k;
            *first = 0;
            return 1;
        }
    }
    return 0;
}

static zt_status grow(zt_rp_doc *d, size_t n)
{
    if (d->ocap >= n)
        return ZT_OK;
    size_t nc = d->ocap ? d->ocap : 256;
    while (nc < n)
        nc *= 2;
    uint16_t *ob = realloc(d->ob, nc * sizeof *ob);
    if (!ob)
        return ZT_ENOMEM;
    d->ob = ob;
    uint32_t *os = realloc(d->osrc, nc * sizeof *os);
    if (!os)
        return ZT_ENOMEM;
    d->osrc = os;
    d->ocap = nc;
    return ZT_OK;
}

static zt_status add_hole(line_work *w, const hole *h)
{
    if (w->nholes == w->holecap) {
        size_t nc = w->holecap ? w->holecap * 2 : 16;
        hole *nh = realloc(w->holes, nc * sizeof *nh);
        if (!nh)
            return ZT_ENOMEM;
        w->holes = nh;
        w->holecap = nc;
    }
    w->holes[w->nholes++] = *h;
    return ZT_OK;
}

/* Can hole h take a byte X such that (P, X) reads as its reading and
 * (X, trail) as s[b..b+bl)?  If so, remember the second reading. */
static int hole_takes(line_work *w, hole *h, const uint8_t *s, unsigned trail,
                      size_t b, size_t bl)
{
    if (h->has2 || h->at == 0 || !real_byte(w->ob[h->at - 1]))
        return 0;
    unsigned p = byte_of(w->ob[h->at - 1]);
    char s1[8], s2[8];
    size_t l1 = zt_rp_syllable((const char *)s + h->body, h->blen, s1, sizeof s1);
    size_t l2 = zt_rp_syllable((const char *)s + b, bl, s2, sizeof s2);
    if (!l1 || !l2 || !zt_gbk_lead(p))
        return 0;
    for (unsigned x = 0x81; x <= 0xFE; x++) {
        uint32_t a = zt_gbk_pair(p, x), c = zt_gbk_pair(x, trail);
        if (a && c && zt_rp_syl_fits(s1, l1, a) && zt_rp_syl_fits(s2, l2, c)) {
            h->has2 = 1;
            h->trail = trail;
            h->body2 = (uint32_t)b;
            h->blen2 = (uint32_t)bl;
            return 1;
        }
    }
    return 0;
}

/* The character that starts at ob[j] as the line decodes now, 0 if none. */
static uint32_t char_at(const line_work *w, size_t j)
{
    if (j + 1 >= w->len || !real_byte(w->ob[j]) || !real_byte(w->ob[j + 1]))
        return 0;
    return zt_gbk_pair(byte_of(w->ob[j]), byte_of(w->ob[j + 1]));
}

/*
 * Fill hole h if exactly one byte is best.  `lead` says how the decoder
 * sees the byte before the hole: 1 if it starts a character (then the
 * filled pair is itself a character), 0 if it ends one (then X starts the
 * next character, paired with the byte after the reading).
 */
static int fill_hole(const zt_repairer *r, line_work *w, const uint8_t *s,
                     const hole *h, int p_is_lead, size_t prev_start,
                     zt_spot_kind *why)
{
    size_t at = h->at;
    *why = ZT_SPOT_NOFIT;
    if (at == 0 || !real_byte(w->ob[at - 1]))
        return -1;
    unsigned p = byte_of(w->ob[at - 1]);
    if (!zt_gbk_lead(p))
        return -1;
    int best = -1, nbest = 0, bestx = -1;
    int ncand = 0;
    char syl[8], syl2[8];
    size_t sl = zt_rp_syllable((const char *)s + h->body, h->blen, syl, sizeof syl);
    size_t sl2 = h->has2 ? zt_rp_syllable((const char *)s + h->body2, h->blen2,
                                          syl2, sizeof syl2) : 0;
    if (!sl)
        return -1;
    for (unsigned x = 0x81; x <= 0xFE; x++) {
        uint32_t cp = zt_gbk_pair(p, x);
        if (!cp || !zt_rp_is_han(cp) || !zt_rp_syl_fits(syl, sl, cp))
            continue;
        if (h->has2) {
            uint32_t c2 = zt_gbk_pair(x, h->trail);
            if (!c2 || !zt_rp_syl_fits(syl2, sl2, c2))
                continue;
        }
        ncand++;
        /* The injector's table held Traditional characters. */
        int score = zt_rp_is_trad(r, cp) ? 8 : 0;
        uint32_t c, before = 0, after = 0;
        if (p_is_lead) {
            c = cp;
            if (prev_start != (size_t)-1)
                before = char_at(w, prev_start);
            after = char_at(w, at + 1);
        } else {
            unsigned nx = at + 1 < w->len && real_byte(w->ob[at + 1])
                              ? byte_of(w->ob[at + 1]) : 0;
            c = nx ? zt_gbk_pair(x, nx) : 0;
            if (nx && !c)
                continue; /* X would start no character */
            before = prev_start != (size_t)-1 ? char_at(w, prev_start) : 0;
            after = char_at(w, at + 2);
        }
        if (c) {
            score += 2 * zt_rp_common(r, c);
            score += 3 * (zt_rp_word2(r, before, c) + zt_rp_word2(r, c, after));
        }
        if (score > best) {
            best = score;
            nbest = 1;
            bestx = (int)x;
        } else if (score == best) {
            nbest++;
        }
    }
    if (ncand == 0 || bestx < 0)
        return -1;
    if (nbest > 1) {
        *why = ZT_SPOT_AMBIGUOUS;
        return -1;
    }
    return bestx;
}

static zt_status emit_cp(zt_buf *out, uint32_t cp)
{
    uint8_t u[4];
    return zt_buf_append(out, u, zt_utf8_encode(cp, u));
}

zt_status zt_rp_line(zt_rp_doc *d, const uint8_t *s, size_t n, size_t base,
                     zt_buf *out)
{
    const zt_repairer *r = d->r;
    if (n > UINT32_MAX / 2)
        return out ? zt_buf_append(out, s, n) : ZT_OK;
    if (!memchr(s, ')', n) && !memchr(s, 0x89, n))
        return out ? zt_buf_append(out, s, n) : ZT_OK; /* no ")" or "）" */
    zt_status st = grow(d, n + 1);
    if (st != ZT_OK)
        return st;
    line_work w = {d->ob, d->osrc, 0, NULL, 0, 0};
    size_t changed = 0, han = 0, han_read = 0;

    /* Pass 1: bytes, readings stripped, holes marked. */
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        int fw = c == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] == 0x88;
        if (c == '(' || c == '?' || fw) {
            size_t open = fw ? 3 : 1;
            size_t bl = zt_rp_body_len(s + i + open, n - i - open, fw);
            if (bl) {
                size_t end = i + open + bl + (fw ? 3 : 1);
                size_t k;
                uint32_t cp;
                if (c == '?') {
                    hole h = {w.len, (uint32_t)i, (uint32_t)end,
                              (uint32_t)(i + 1), (uint32_t)bl, 0, 0, 0, 0};
                    if ((st = add_hole(&w, &h)) != ZT_OK)
                        goto done;
                    w.osrc[w.len] = (uint32_t)(w.nholes - 1);
                    w.ob[w.len++] = OB_HOLE;
                    d->holes++;
                    i = end;
                    continue;
                }
                if (w.len >= 2 && (w.ob[w.len - 2] & OB_KIND) == OB_HOLE &&
                    real_byte(w.ob[w.len - 1]) &&
                    hole_takes(&w, &w.holes[w.osrc[w.len - 2]], s,
                               byte_of(w.ob[w.len - 1]), i + open, bl)) {
                    d->ann++;
                    d->ann_trad++;
                    han_read++;
                    changed++;
                    i = end;
                    continue;
                }
                if (reading_fits(r, &w, s, i + open, bl, &k, &cp)) {
                    d->ann++;
                    if (k == 1 && zt_rp_is_trad(r, cp))
                        d->ann_trad++;
                    if (k > 1)
                        d->ann_word++;
                    han_read += k;
                    changed++;
                    i = end;
                    continue;
                }
            }
        }
        uint32_t cp;
        size_t l = zt_utf8_decode(s + i, n - i, &cp);
        unsigned code = cp != ZT_INVALID_CP ? zt_gbk_code(cp) : 0;
        if (cp != ZT_INVALID_CP && zt_rp_is_han(cp))
            han++;
        if (code && code < 0x100) {
            w.osrc[w.len] = (uint32_t)i;
            w.ob[w.len++] = (uint16_t)(code | OB_START);
        } else if (code) {
            w.osrc[w.len] = (uint32_t)i;
            w.ob[w.len++] = (uint16_t)((code >> 8) | OB_START);
            w.osrc[w.len] = (uint32_t)i;
            w.ob[w.len++] = (uint16_t)(code & 0xFF);
        } else {
            w.osrc[w.len] = (uint32_t)i;
            w.ob[w.len++] = OB_OPAQUE | OB_START;
        }
        i += l;
    }
    if (han_read) {
        d->han += han;
        d->han_read += han_read;
    }

    /* Pass 2: fill the holes, left to right, so that a hole right after
     * another ("日?qǐng)?bào)") sees its filled neighbour.  Track how the
     * decoder pairs the bytes: `j` walks character starts. */
    size_t j = 0, prev_start = (size_t)-1;
    for (size_t hi = 0; hi < w.nholes; hi++) {
        hole *h = &w.holes[hi];
        while (j < h->at) {
            uint16_t v = w.ob[j];
            size_t step = 1;
            if (real_byte(v) && zt_gbk_lead(byte_of(v)) && j + 1 < h->at &&
                real_byte(w.ob[j + 1]) &&
                zt_gbk_pair(byte_of(v), byte_of(w.ob[j + 1])))
                step = 2;
            prev_start = j;
            j += step;
        }
        /* j == at: the byte before the hole ends a character (or is a
         * lone lead, which the hole completes: j == at happens then too, so
         * tell the cases apart by the pair). */
        int p_is_lead = 0;
        if (prev_start != (size_t)-1 && prev_start == h->at - 1 &&
            h->at >= 1 && real_byte(w.ob[h->at - 1]) &&
            zt_gbk_lead(byte_of(w.ob[h->at - 1])))
            p_is_lead = 1;
        size_t before = p_is_lead ? (size_t)-1 : prev_start;
        if (!p_is_lead && prev_start != (size_t)-1 && prev_start + 2 == h->at)
            before = prev_start;
        zt_spot_kind why;
        int x = fill_hole(r, &w, s, h, p_is_lead,
                          p_is_lead ? (prev_start >= 2 ? prev_start - 2 : (size_t)-1)
                                    : before,
                          &why);
        if (x >= 0) {
            w.ob[h->at] = (uint16_t)x;
            w.osrc[h->at] = h->src;
            d->recovered++;
            changed++;
            /* The filled byte is part of the character the walk is in. */
            if (p_is_lead) {
                j = h->at + 1;
            }
        } else {
            if (d->rep && (st = zt_rp_add_spot(d->rep, base + h->src, why)) != ZT_OK)
                goto done;
            j = h->at + 1;
            prev_start = (size_t)-1;
        }
    }

    if (!out)
        goto done;
    if (!changed) {
        st = zt_buf_append(out, s, n);
        goto done;
    }
    /* Pass 3: decode from the start of the line. */
    for (size_t k = 0; k < w.len;) {
        uint16_t v = w.ob[k] & OB_KIND;
        if (v == OB_OPAQUE) {
            uint32_t cp;
            size_t at = w.osrc[k];
            size_t l = zt_utf8_decode(s + at, n - at, &cp);
            if ((st = zt_buf_append(out, s + at, l)) != ZT_OK)
                goto done;
            k++;
        } else if (v == OB_HOLE) {
            const hole *h = &w.holes[w.osrc[k]];
            if ((st = zt_buf_append(out, s + h->src, h->end - h->src)) != ZT_OK)
                goto done;
            k++;
        } else if (v < 0x80) {
            char ch = (char)v;
            if ((st = zt_buf_append(out, &ch, 1)) != ZT_OK)
                goto done;
            k++;
        } else if (v == 0x80) {
            if ((st = emit_cp(out, 0x20AC)) != ZT_OK)
                goto done;
            k++;
        } else {
            uint32_t cp = k + 1 < w.len && real_byte(w.ob[k + 1])
                              ? zt_gbk_pair(v, byte_of(w.ob[k + 1])) : 0;
            if (cp) {
                if ((st = emit_cp(out, cp)) != ZT_OK)
                    goto done;
                k += 2;
                continue;
            }
            /* A byte whose partner was lost: the run ended in "X?" (a lead
             * byte and the byte after it decoded as one '?'), or a line
             * end.  Show one '?' as the input did, and report it. */
            size_t at = w.osrc[k];
            k++;
            if (k < w.len && w.ob[k] == ('?' | OB_START)) {
                at = w.osrc[k];
                k++;
            }
            if ((st = zt_buf_append(out, "?", 1)) != ZT_OK)
                goto done;
            if (d->rep && (st = zt_rp_add_spot(d->rep, base + at, ZT_SPOT_LOST)) != ZT_OK)
                goto done;
        }
    }
done:
    free(w.holes);
    return st;
}

void zt_rp_doc_free(zt_rp_doc *d)
{
    free(d->ob);
    free(d->osrc);
    d->ob = NULL;
    d->osrc = NULL;
    d->ocap = 0;
}
