/*
 * pinyin.c - the zt_pinyin handle, user dictionaries, the scanner that
 * gathers runs of Han text, and zt_pinyin_text().
 */
#include <stdlib.h>

#include "dictfile.h"
#include "pinyin_internal.h"

void zt_pinyin_options_init(zt_pinyin_options *o)
{
    if (o)
        memset(o, 0, sizeof *o);
}

/* Reading id of syllable s[0..n) (any written form) for character rec:
 * with a tone as written; without one, the character's first reading of
 * that syllable, else the neutral tone.  -1 if s is not pinyin. */
static int parse_syllable(const char *s, size_t n, uint32_t rec)
{
    char norm[16];
    size_t l = zt_pinyin_normalize(s, n, norm, sizeof norm);
    if (!l)
        return -1;
    int tone = norm[l - 1] >= '1' && norm[l - 1] <= '5' ? norm[l - 1] - '0' : 0;
    int syl = zt_py_find_syl(norm, tone ? l - 1 : l);
    if (syl < 0)
        return -1;
    if (tone)
        return syl * 5 + tone - 1;
    if (rec) {
        const uint16_t *r = zt_py_rlist + zt_py_roff[rec - 1];
        for (size_t i = 0; i < zt_py_rn[rec - 1]; i++)
            if ((int)zt_py_sylof(r[i]) == syl)
                return r[i];
    }
    return syl * 5 + 4;
}

/* One line "key<TAB>syllables": add it to b keyed by the Simplified forms
 * of the key's characters (so one entry serves both scripts). */
static zt_status add_line(zt_trie_builder *b, const char *line, size_t n)
{
    const char *tab = memchr(line, '\t', n);
    if (!tab || tab == line)
        return ZT_EDICT;
    size_t kl = (size_t)(tab - line);
    const char *v = tab + 1, *vend = line + n;
    char key[4 * 64], val[4 * 64];
    size_t keyl = 0, vall = 0, nk = 0;
    for (size_t i = 0; i < kl;) {
        uint32_t cp;
        i += zt_utf8_decode((const uint8_t *)line + i, kl - i, &cp);
        if (cp == ZT_INVALID_CP || nk >= 64)
            return ZT_EDICT;
        uint32_t rec = zt_py_char(cp);
        uint32_t s = rec ? zt_py_simp[rec - 1] : cp;
        /* the syllable for this character */
        while (v < vend && *v == ' ')
            v++;
        const char *e = v;
        while (e < vend && *e != ' ')
            e++;
        if (e == v)
            return ZT_EDICT;
        int r = parse_syllable(v, (size_t)(e - v), rec);
        if (r < 0)
            return ZT_EDICT;
        v = e;
        keyl += zt_utf8_encode(s, (uint8_t *)key + keyl);
        vall += zt_utf8_encode((uint32_t)r + 1, (uint8_t *)val + vall);
        nk++;
    }
    while (v < vend && *v == ' ')
        v++;
    if (v != vend) /* more syllables than characters */
        return ZT_EDICT;
    return zt_trie_builder_add(b, key, keyl, val, vall) == ZT_OK ? ZT_OK : ZT_EDICT;
}

static zt_status load_user(zt_pinyin *p)
{
    zt_trie_builder *b = zt_trie_builder_new(ZT_DUP_LAST);
    if (!b)
        return ZT_ENOMEM;
    size_t entries = 0;
    for (size_t d = 0; d < p->opt.ndicts; d++) {
        if (!p->opt.dicts[d]) {
            zt_trie_builder_free(b);
            return ZT_EINVAL;
        }
        /* Every syllable of a value counts here, so read the dictionary's
         * own text rather than a trie that keeps the first candidate. */
        size_t dlen;
        const char *src = zt_dict_source(p->opt.dicts[d], &dlen);
        const char *s = src, *end = src + dlen;
        if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3;
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *le = nl ? nl : end;
            size_t n = (size_t)(le - s);
            if (n && s[n - 1] == '\r')
                n--;
            if (n && s[0] != '#') {
                zt_status st = add_line(b, s, n);
                if (st != ZT_OK) {
                    zt_trie_builder_free(b);
                    return st;
                }
                entries++;
            }
            s = nl ? nl + 1 : end;
        }
    }
    if (!entries) {
        zt_trie_builder_free(b);
        return ZT_OK;
    }
    zt_status st = zt_trie_build(b, "pinyin-user", &p->user);
    if (st == ZT_OK)
        p->have_user = 1;
    return st;
}

zt_status zt_pinyin_new(const zt_pinyin_options *o, zt_pinyin **out)
{
    zt_pinyin_options def;
    if (!out || (o && o->ndicts && !o->dicts))
        return ZT_EINVAL;
    if (!o) {
        zt_pinyin_options_init(&def);
        o = &def;
    }
    if ((unsigned)o->style > ZT_PINYIN_ZHUYIN || o->u_form < 0 || o->u_form > 2)
        return ZT_ESTYLE;
    zt_pinyin *p = calloc(1, sizeof *p);
    if (!p)
        return ZT_ENOMEM;
    p->opt = *o;
    zt_status st = load_user(p);
    /* the handle keeps no reference to the caller's dictionaries */
    p->opt.dicts = NULL;
    p->opt.ndicts = 0;
    if (st == ZT_OK)
        zt_py_style_table(p);
    if (st != ZT_OK) {
        zt_pinyin_free(p);
        return st;
    }
    *out = p;
    return ZT_OK;
}

void zt_pinyin_free(zt_pinyin *p)
{
    if (!p)
        return;
    zt_trie_free(p->user);
    free(p->rstr);
    free(p);
}

/* ---- the scanner --------------------------------------------------------- */

void zt_py_scan(const zt_pinyin *p, const char *in, size_t len,
                const zt_py_scan_cb *cb)
{
    (void)p;
    zt_py_unit u[ZT_PY_RUN];
    size_t n = 0, other = 0; /* start of the pending non-Han bytes */
    const uint8_t *s = (const uint8_t *)in;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) { /* ASCII is never Han: skip it quickly */
            if (n) {
                cb->run(cb->ctx, in, u, n);
                n = 0;
                other = i;
            }
            while (i < len && s[i] < 0x80)
                i++;
            continue;
        }
        uint32_t cp;
        size_t l = zt_utf8_decode(s + i, len - i, &cp);
        uint32_t rec = cp == ZT_INVALID_CP ? 0 : zt_py_char(cp);
        if (!rec) {
            if (n) {
                cb->run(cb->ctx, in, u, n);
                n = 0;
                other = i;
            }
            i += l;
            continue;
        }
        if (i > other && !n)
            cb->other(cb->ctx, in + other, i - other);
        if (n == ZT_PY_RUN) {
            cb->run(cb->ctx, in, u, n);
            n = 0;
        }
        u[n].cp = cp;
        u[n].rec = rec - 1;
        u[n].simp = zt_py_simp[rec - 1];
        u[n].off = i;
        u[n].len = (uint8_t)l;
        n++;
        i += l;
        other = i;
    }
    if (n)
        cb->run(cb->ctx, in, u, n);
    if (len > other)
        cb->other(cb->ctx, in + other, len - other);
}

/* ---- output helpers ------------------------------------------------------ */

zt_status zt_py_to_buffer(zt_py_job job, const void *arg, char *out,
                          size_t cap, size_t *outlen)
{
    zt_py_sink k = {out, out ? cap : 0, 0};
    job(arg, &k);
    *outlen = k.len;
    return k.len > k.cap ? ZT_ESPACE : ZT_OK;
}

zt_status zt_py_to_alloc(zt_py_job job, const void *arg, size_t guess,
                         char **out, size_t *outlen)
{
    zt_py_sink k = {malloc(guess + 1), guess, 0};
    if (!k.buf)
        return ZT_ENOMEM;
    job(arg, &k);
    if (k.len > guess) {
        size_t need = k.len;
        free(k.buf);
        k.buf = malloc(need + 1);
        if (!k.buf)
            return ZT_ENOMEM;
        k.cap = need;
        k.len = 0;
        job(arg, &k);
    }
    k.buf[k.len] = '\0';
    *out = k.buf;
    *outlen = k.len;
    return ZT_OK;
}

/* ---- zt_pinyin_text ------------------------------------------------------ */

typedef struct text_job {
    const zt_pinyin *p;
    const char *in;
    size_t len;
    const char *sep;
    size_t seplen;
} text_job;

typedef struct text_ctx {
    const text_job *job;
    zt_py_sink *k;
    int last; /* what was written last: 0 nothing/other, 1 a reading,
                 2 other text ending in a letter or digit */
} text_ctx;

static int is_alnum(uint8_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static void text_other(void *ctx, const char *s, size_t n)
{
    text_ctx *c = ctx;
    if (c->last == 1 && is_alnum((uint8_t)s[0]))
        zt_py_put(c->k, c->job->sep, c->job->seplen);
    zt_py_put(c->k, s, n);
    c->last = is_alnum((uint8_t)s[n - 1]) ? 2 : 0;
}

static void text_run(void *ctx, const char *in, zt_py_unit *u, size_t n)
{
    text_ctx *c = ctx;
    (void)in;
    zt_py_read_run(c->job->p, u, n);
    for (size_t i = 0; i < n; i++) {
        if (c->last) {
            if (c->job->seplen == 1 && c->k->len < c->k->cap) /* no call */
                c->k->buf[c->k->len++] = c->job->sep[0];
            else
                zt_py_put(c->k, c->job->sep, c->job->seplen);
        }
        zt_py_put_unit(c->k, c->job->p, &u[i]);
        c->last = 1;
    }
}

static void text_work(const void *arg, zt_py_sink *k)
{
    const text_job *j = arg;
    text_ctx c = {j, k, 0};
    zt_py_scan_cb cb = {text_other, text_run, &c};
    zt_py_scan(j->p, j->in, j->len, &cb);
}

static zt_status text_setup(text_job *j, const zt_pinyin *p, const char *in,
                            size_t len, const char *sep)
{
    if (!p || (!in && len))
        return ZT_EINVAL;
    j->p = p;
    j->in = in ? in : "";
    j->len = len;
    j->sep = sep ? sep : " ";
    j->seplen = strlen(j->sep);
    return ZT_OK;
}

zt_status zt_pinyin_text(const zt_pinyin *p, const char *in, size_t len,
                         const char *sep, char *out, size_t cap,
                         size_t *outlen)
{
    text_job j;
    zt_status st = text_setup(&j, p, in, len, sep);
    if (st != ZT_OK || !outlen)
        return st != ZT_OK ? st : ZT_EINVAL;
    return zt_py_to_buffer(text_work, &j, out, cap, outlen);
}

zt_status zt_pinyin_text_alloc(const zt_pinyin *p, const char *in, size_t len,
                               const char *sep, char **out, size_t *outlen)
{
    text_job j;
    zt_status st = text_setup(&j, p, in, len, sep);
    if (st != ZT_OK || !out || !outlen)
        return st != ZT_OK ? st : ZT_EINVAL;
    return zt_py_to_alloc(text_work, &j, len * 3 + 16, out, outlen);
}
