/*
 * pinyin_annotate.c - zt_annotate(): the text with readings attached.
 *
 * Every input byte is written in order; after (inline) or around (ruby) each
 * selected Han character go its readings in the handle's style.  In HTML
 * mode the text goes through zt_html_walk() first and only text nodes are
 * annotated, so markup, entities, scripts and styles pass byte for byte.
 */
#include <stdlib.h>

#include "pinyin_internal.h"

typedef struct ann_job {
    const zt_pinyin *p;
    const zt_annotate_options *o;
    const char *in;
    size_t len;
    const uint32_t *list; /* sorted Simplified code points (LIST mode) */
    size_t nlist;
} ann_job;

typedef struct ann_ctx {
    const ann_job *job;
    zt_py_sink *k;
} ann_ctx;

static int in_list(const ann_job *j, uint32_t cp)
{
    size_t lo = 0, hi = j->nlist;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (j->list[mid] == cp)
            return 1;
        if (j->list[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int selected(const ann_job *j, const zt_py_unit *u)
{
    switch (j->o->which) {
    case ZT_ANNOTATE_POLYPHONIC:
        return zt_py_r_poly[u->rec];
    case ZT_ANNOTATE_LIST:
        return in_list(j, u->simp) || in_list(j, u->cp);
    default:
        return 1;
    }
}

static void ann_other(void *ctx, const char *s, size_t n)
{
    ann_ctx *c = ctx;
    zt_py_put(c->k, s, n);
}

static void ann_run(void *ctx, const char *in, zt_py_unit *u, size_t n)
{
    ann_ctx *c = ctx;
    const ann_job *j = c->job;
    zt_py_read_run(j->p, u, n);
    for (size_t i = 0; i < n; i++) {
        const char *ch = in + u[i].off;
        if (!selected(j, &u[i])) {
            zt_py_put(c->k, ch, u[i].len);
            continue;
        }
        if (j->o->format == ZT_ANNOTATE_RUBY) {
            zt_py_put(c->k, "<ruby>", 6);
            zt_py_put(c->k, ch, u[i].len);
            zt_py_put(c->k, "<rp>(</rp><rt>", 14);
            zt_py_put_unit(c->k, j->p, &u[i]);
            zt_py_put(c->k, "</rt><rp>)</rp></ruby>", 22);
        } else {
            zt_py_put(c->k, ch, u[i].len);
            zt_py_put(c->k, "(", 1);
            zt_py_put_unit(c->k, j->p, &u[i]);
            zt_py_put(c->k, ")", 1);
        }
    }
}

/* HTML mode: text nodes are scanned, markup is copied. */
static void html_text(void *ctx, const char *s, size_t n)
{
    ann_ctx *c = ctx;
    zt_py_scan_cb cb = {ann_other, ann_run, c};
    zt_py_scan(c->job->p, s, n, &cb);
}

static void ann_work(const void *arg, zt_py_sink *k)
{
    const ann_job *j = arg;
    ann_ctx c = {j, k};
    if (j->o->html) {
        zt_html_cb cb = {html_text, ann_other, &c};
        zt_html_walk(j->in, j->len, &cb);
    } else {
        html_text(&c, j->in, j->len);
    }
}

void zt_annotate_options_init(zt_annotate_options *o)
{
    if (o)
        memset(o, 0, sizeof *o);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Check the options; in LIST mode build the sorted character list (each
 * character and its Simplified form), which the caller frees. */
static zt_status setup(ann_job *j, const zt_pinyin *p,
                       const zt_annotate_options *o, const char *in,
                       size_t len)
{
    memset(j, 0, sizeof *j);
    if (!p || !o || (!in && len) || (o->which == ZT_ANNOTATE_LIST && !o->chars && o->nchars))
        return ZT_EINVAL;
    if (o->format < 0 || o->format > ZT_ANNOTATE_RUBY || o->which < 0 ||
        o->which > ZT_ANNOTATE_LIST)
        return ZT_ESTYLE;
    j->p = p;
    j->o = o;
    j->in = in ? in : "";
    j->len = len;
    if (o->which == ZT_ANNOTATE_LIST && o->nchars) {
        uint32_t *l = malloc(2 * o->nchars * sizeof *l);
        if (!l)
            return ZT_ENOMEM;
        size_t n = 0;
        for (size_t i = 0; i < o->nchars;) {
            uint32_t cp;
            i += zt_utf8_decode((const uint8_t *)o->chars + i, o->nchars - i, &cp);
            if (cp == ZT_INVALID_CP)
                continue;
            l[n++] = cp;
            uint32_t rec = zt_py_char(cp);
            if (rec)
                l[n++] = zt_py_simp[rec - 1];
        }
        qsort(l, n, sizeof *l, cmp_u32);
        j->list = l;
        j->nlist = n;
    }
    return ZT_OK;
}

zt_status zt_annotate(const zt_pinyin *p, const zt_annotate_options *o,
                      const char *in, size_t len, char *out, size_t cap,
                      size_t *outlen)
{
    ann_job j;
    if (!outlen)
        return ZT_EINVAL;
    zt_status st = setup(&j, p, o, in, len);
    if (st == ZT_OK)
        st = zt_py_to_buffer(ann_work, &j, out, cap, outlen);
    free((void *)j.list);
    return st;
}

zt_status zt_annotate_alloc(const zt_pinyin *p, const zt_annotate_options *o,
                            const char *in, size_t len, char **out,
                            size_t *outlen)
{
    ann_job j;
    if (!out || !outlen)
        return ZT_EINVAL;
    zt_status st = setup(&j, p, o, in, len);
    if (st == ZT_OK)
        st = zt_py_to_alloc(ann_work, &j, len * 4 + 16, out, outlen);
    free((void *)j.list);
    return st;
}
