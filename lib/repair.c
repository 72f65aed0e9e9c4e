/*
 * repair.c - zt_repairer and the per-document pipeline.
 *
 *   1. strip (repair_line.c), line by line: readings out, '?' holes filled;
 *   2. decide for the whole document whether its readings were injected or
 *      are a reading aid (every character or word annotated on purpose);
 *      under --strip auto an aid keeps its readings;
 *   3. script: t2s with mainland corrections (著力 -> 着力), or s2t;
 *   4. boilerplate lines: listed, marked or dropped.
 * The document is the unit because step 2 needs all of it.
 */
#include <stdlib.h>

#include "configs.h"
#include "repair.h"

ZT_HIDDEN extern const char zt_rp_mainland_t2s[];
ZT_HIDDEN extern const unsigned long zt_rp_mainland_t2s_len;

void zt_repair_options_init(zt_repair_options *opt)
{
    if (opt) {
        opt->strip = ZT_STRIP_AUTO;
        opt->script = ZT_SCRIPT_SIMPLIFIED;
        opt->boilerplate = ZT_BOILERPLATE_KEEP;
        opt->lone = ZT_LONE_SEARCH;
        opt->margin = ZT_REPAIR_MARGIN;
    }
}

/* A built-in table by configuration and name (merged tables are named
 * "A|B"; the first part is enough). */
static const zt_trie *find_trie(const char *config, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < zt_nconfigs; i++) {
        const zt_config_def *c = &zt_configs[i];
        if (strcmp(c->name, config) != 0)
            continue;
        for (uint32_t s = 0; s < c->nchain; s++)
            for (uint32_t a = 0; a < c->chain[s].nalt; a++)
                if (strncmp(c->chain[s].alt[a]->name, name, nl) == 0 &&
                    (c->chain[s].alt[a]->name[nl] == '\0' ||
                     c->chain[s].alt[a]->name[nl] == '|'))
                    return c->chain[s].alt[a];
    }
    return NULL;
}

zt_status zt_repairer_new(const zt_repair_options *opt, zt_repairer **out)
{
    if (!opt || !out || (unsigned)opt->strip > ZT_STRIP_NONE ||
        (unsigned)opt->script > ZT_SCRIPT_KEEP ||
        (unsigned)opt->boilerplate > ZT_BOILERPLATE_DROP ||
        (unsigned)opt->lone > ZT_LONE_LEAVE ||
        !(opt->margin >= 0.0f && opt->margin <= 50.0f)) /* (NaN too) */
        return ZT_EINVAL;
    zt_repairer *r = calloc(1, sizeof *r);
    if (!r)
        return ZT_ENOMEM;
    r->opt = *opt;
    r->ts_chars = find_trie("t2s", "TSCharacters");
    r->st_chars = find_trie("s2t", "STCharacters");
    r->words = find_trie("s2t", "STPhrases");
    zt_status st = ZT_OK;
    uint8_t *cls = malloc(65536);
    if (!cls) {
        free(r);
        return ZT_ENOMEM;
    }
    zt_rp_classes(r, cls);
    r->cls = cls;
    st = zt_rp_stab_new(r);
    if (st == ZT_OK)
        st = zt_converter_new("s2t", NULL, 0, &r->s2t);
    if (st != ZT_OK) {
        zt_repairer_free(r);
        return st;
    }
    if (opt->script == ZT_SCRIPT_SIMPLIFIED) {
        zt_dict *fix;
        st = zt_dict_load_mem(zt_rp_mainland_t2s, zt_rp_mainland_t2s_len,
                              &fix, NULL);
        if (st == ZT_OK) {
            const zt_dict *d = fix;
            st = zt_converter_new("t2s", &d, 1, &r->to_script);
            zt_dict_free(fix);
        }
    } else if (opt->script == ZT_SCRIPT_TRADITIONAL) {
        st = zt_converter_new("s2t", NULL, 0, &r->to_script);
    }
    if (st != ZT_OK) {
        zt_repairer_free(r);
        return st == ZT_EDICT ? ZT_EINVAL : st;
    }
    *out = r;
    return ZT_OK;
}

void zt_repairer_free(zt_repairer *r)
{
    if (!r)
        return;
    zt_converter_free(r->to_script);
    zt_converter_free(r->s2t);
    free(r->cls);
    zt_rp_stab_free(r);
    free(r);
}

/* Does the line p..e end in a reading after a wide character, "處(chù)"?
 * Its ')' is no ASCII punctuation of the text. */
static int ends_in_reading(const uint8_t *p, const uint8_t *e)
{
    if (e[-1] != ')')
        return 0;
    const uint8_t *q = e - 1;
    while (q > p && e - q < 24 && q[-1] != '(' &&
           (q[-1] >= 0x80 || (q[-1] >= 'a' && q[-1] <= 'z') ||
            (q[-1] >= '1' && q[-1] <= '5')))
        q--;
    return q - p >= 2 && q < e - 1 && q[-1] == '(' && q[-2] >= 0x80;
}

/* How the lines of in[0..len) end (d->ascii_ends, open_ends, wide_ends).
 * Do many end in ASCII punctuation after a wide character?  At least 20
 * lines ending in either, and 5% of them in ASCII: from there on, that a
 * '?' ending a line swallowed such a byte is no longer e^3 (the decision
 * margin) less likely than not.  Lines ending in a reading count as neither:
 * Debian's manual pages 16%, its HTML manuals 3%, the benchmark's reviews
 * and news 1.4%. */
#ifndef ZT_RP_ASCII_ENDS
#define ZT_RP_ASCII_ENDS 2
#endif
static void line_ends(zt_rp_doc *d, const char *in, size_t len)
{
    const uint8_t *s = (const uint8_t *)in, *end = s + len;
    size_t ascii = 0, wide = 0;
    memset(d->open_ends, 0, sizeof d->open_ends);
    for (const uint8_t *p = s; p <= end;) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *e = nl ? nl : end; /* the line is p..e */
        if (e - p >= 2 && e[-2] >= 0x80 && memchr(".,:;!)\"'", e[-1], 8) &&
            !ends_in_reading(p, e)) {
            ascii++;
        } else if (e - p >= 1 && e[-1] >= 0x80) {
            wide++;
            /* The last character, if it is a three-byte one. */
            if (e - p >= 3 && (e[-3] & 0xF0) == 0xE0) {
                uint32_t cp = (uint32_t)(e[-3] & 0x0F) << 12 |
                              (uint32_t)(e[-2] & 0x3F) << 6 | (e[-1] & 0x3F);
                int o = zt_rp_opener(cp);
                if (o >= 0)
                    d->open_ends[o]++;
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    d->ascii_ends = ascii >= ZT_RP_ASCII_ENDS && ascii * 100 >= (ascii + wide) * 5;
    d->wide_ends = (uint32_t)(ascii + wide);
}

/* Strip every line of in[0..len) into out (NULL: count only).  What the
 * whole document says (line_ends, zt_rp_page_scan) is read when the first
 * line with something to repair comes: only such lines use it, and most
 * documents of a corpus have none (on undamaged text, reading it was a
 * quarter to a third of the time of --script keep). */
static zt_status strip_doc(zt_rp_doc *d, const char *in, size_t len,
                           zt_buf *out)
{
    size_t pos = 0;
    int ready = !out; /* (detect: d is zeroed, and no line end is read) */
    while (pos < len) {
        const char *nl = memchr(in + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (in + pos)) : len - pos;
        const uint8_t *l = (const uint8_t *)in + pos;
        zt_status st = ZT_OK;
        if (zt_rp_line_plain(l, n)) {
            if (out)
                st = zt_rp_line_copy(d, l, n, out);
        } else {
            if (!ready) {
                ready = 1;
                line_ends(d, in, len);
                if ((st = zt_rp_page_scan(d, in, len)) != ZT_OK)
                    return st;
            }
            st = zt_rp_line(d, l, n, pos, out);
        }
        if (st == ZT_OK && nl && out)
            st = zt_buf_append(out, "\n", 1);
        if (st != ZT_OK)
            return st;
        pos += n + (nl ? 1 : 0);
    }
    return ZT_OK;
}

/*
 * Injected or a reading aid?  The injector annotated only the characters of
 * its table (Traditional ones), never all of them, and worked on bytes, so
 * it leaves '?' holes.  A reading aid annotates (nearly) every character or
 * word, the common ones too, and has no holes.
 */
static int is_reading_aid(const zt_rp_doc *d)
{
    if (d->holes || d->ann < 4)
        return 0;
    size_t other = d->ann - d->ann_trad;
    return d->han_read * 10 >= d->han * 6 ||
           (other * 2 > d->ann && d->han_read * 20 >= d->han * 7);
}

static double score_of(const zt_rp_doc *d, int aid)
{
    double inj = (double)d->ann_trad + 0.5 * (double)(d->ann - d->ann_trad) +
                 2.0 * (double)d->holes;
    double s = inj / (inj + 3.0);
    return aid ? s * 0.1 : s;
}

/* Boilerplate: list, mark or drop each furniture line of in into out. */
static zt_status boiler_doc(const zt_repairer *r, const char *in, size_t len,
                            zt_buf *out, zt_repair_report *rep)
{
    size_t pos = 0, line = 0;
    zt_status st = ZT_OK;
    while (pos < len && st == ZT_OK) {
        const char *nl = memchr(in + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (in + pos)) : len - pos;
        size_t full = n + (nl ? 1 : 0);
        line++;
        const char *kind = zt_rp_boiler((const uint8_t *)in + pos, n);
        if (kind && rep)
            st = zt_rp_add_boiler(rep, line, kind);
        if (st != ZT_OK)
            break;
        if (kind && r->opt.boilerplate == ZT_BOILERPLATE_DROP) {
            /* left out */
        } else {
            if (kind && r->opt.boilerplate == ZT_BOILERPLATE_MARK)
                st = zt_buf_append(out, ZT_BOILERPLATE_MARKER,
                                   sizeof ZT_BOILERPLATE_MARKER - 1);
            if (st == ZT_OK)
                st = zt_buf_append(out, in + pos, full);
        }
        pos += full;
    }
    return st;
}

zt_status zt_repair_alloc(const zt_repairer *r, const char *in, size_t len,
                          char **out, size_t *outlen, zt_repair_report *rep)
{
    if (!r || (!in && len) || !out)
        return ZT_EINVAL;
    if (!in)
        in = "";
    if (rep)
        zt_rp_report_reset(rep);
    zt_rp_doc d = {0};
    d.r = r;
    d.rep = rep;
    zt_buf a = {0}, b = {0};
    const char *text = in;
    size_t tlen = len;
    zt_status st = ZT_OK;
    int aid = 0;

    if (r->opt.strip != ZT_STRIP_NONE) {
        st = strip_doc(&d, in, len, &a);
        if (st != ZT_OK)
            goto fail;
        aid = is_reading_aid(&d);
        if (aid && r->opt.strip == ZT_STRIP_AUTO) {
            if (rep) {
                rep->aids_kept = d.ann;
                rep->nunresolved = 0;
            }
        } else {
            text = a.data ? a.data : "";
            tlen = a.len;
            if (rep) {
                rep->annotations = d.ann;
                rep->recovered = d.recovered;
            }
        }
    }
    if (rep) {
        rep->reading_aid = aid;
        rep->score = score_of(&d, aid);
    }
    if (r->to_script) {
        char *conv;
        size_t clen;
        st = zt_convert_alloc(r->to_script, text, tlen, &conv, &clen);
        if (st != ZT_OK)
            goto fail;
        zt_buf_free(&a);
        a.data = conv;
        a.len = clen;
        a.cap = clen + 1;
        text = conv;
        tlen = clen;
    }
    if (!rep && r->opt.boilerplate == ZT_BOILERPLATE_KEEP && text == a.data) {
        /* Nobody asks which lines are furniture: the text is the output
         * (a tenth of the time of a repair went into looking). */
        st = zt_buf_append(&a, "", 1); /* NUL terminator */
        if (st != ZT_OK)
            goto fail;
        b = a;
        a = (zt_buf){0};
    } else {
        st = boiler_doc(r, text, tlen, &b, rep);
        if (st == ZT_OK)
            st = zt_buf_append(&b, "", 1); /* NUL terminator */
        if (st != ZT_OK)
            goto fail;
    }
    zt_buf_free(&a);
    zt_rp_doc_free(&d);
    *out = b.data;
    if (outlen)
        *outlen = b.len - 1;
    return ZT_OK;
fail:
    zt_buf_free(&a);
    zt_buf_free(&b);
    zt_rp_doc_free(&d);
    return st;
}

zt_status zt_repair_detect(const zt_repairer *r, const char *in, size_t len,
                           double *score)
{
    if (!r || (!in && len) || !score)
        return ZT_EINVAL;
    zt_rp_doc d = {0};
    d.r = r;
    zt_status st = in ? strip_doc(&d, in, len, NULL) : ZT_OK;
    zt_rp_doc_free(&d);
    if (st != ZT_OK)
        return st;
    *score = score_of(&d, is_reading_aid(&d));
    return ZT_OK;
}
