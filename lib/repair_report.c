/*
 * repair_report.c - the repair report: its storage and its JSON form (one
 * object per document, for --report files and corpus filters).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "repair.h"

void zt_repair_report_init(zt_repair_report *rep)
{
    if (rep)
        memset(rep, 0, sizeof *rep);
}

void zt_repair_report_free(zt_repair_report *rep)
{
    if (!rep)
        return;
    free(rep->unresolved);
    free(rep->boilerplate);
    memset(rep, 0, sizeof *rep);
}

void zt_rp_report_reset(zt_repair_report *rep)
{
    rep->annotations = rep->aids_kept = rep->recovered = 0;
    rep->reading_aid = 0;
    rep->score = 0;
    rep->nunresolved = rep->nboilerplate = 0;
}

zt_status zt_rp_add_spot(zt_repair_report *rep, size_t off, zt_spot_kind kind)
{
    if (rep->nunresolved == rep->cap_unresolved) {
        size_t nc = rep->cap_unresolved ? rep->cap_unresolved * 2 : 8;
        zt_repair_spot *p = realloc(rep->unresolved, nc * sizeof *p);
        if (!p)
            return ZT_ENOMEM;
        rep->unresolved = p;
        rep->cap_unresolved = nc;
    }
    rep->unresolved[rep->nunresolved].offset = off;
    rep->unresolved[rep->nunresolved].kind = kind;
    rep->nunresolved++;
    return ZT_OK;
}

zt_status zt_rp_add_boiler(zt_repair_report *rep, size_t line, const char *kind)
{
    if (rep->nboilerplate == rep->cap_boilerplate) {
        size_t nc = rep->cap_boilerplate ? rep->cap_boilerplate * 2 : 8;
        zt_repair_boiler *p = realloc(rep->boilerplate, nc * sizeof *p);
        if (!p)
            return ZT_ENOMEM;
        rep->boilerplate = p;
        rep->cap_boilerplate = nc;
    }
    rep->boilerplate[rep->nboilerplate].line = line;
    rep->boilerplate[rep->nboilerplate].kind = kind;
    rep->nboilerplate++;
    return ZT_OK;
}

static const char *spot_name(zt_spot_kind k)
{
    switch (k) {
    case ZT_SPOT_AMBIGUOUS: return "ambiguous";
    case ZT_SPOT_NOFIT: return "nofit";
    case ZT_SPOT_LOST: return "lost";
    case ZT_SPOT_UNSEARCHED: return "unsearched";
    }
    return "unknown";
}

static zt_status putf(zt_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static zt_status putf(zt_buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return ZT_EINVAL;
    return zt_buf_append(b, tmp, (size_t)n);
}

zt_status zt_repair_report_json(const zt_repair_report *rep, const char *id,
                                size_t idlen, char **out, size_t *outlen)
{
    if (!rep || !out || (!id && idlen))
        return ZT_EINVAL;
    zt_buf b = {0};
    zt_status st = zt_buf_append(&b, "{", 1);
    if (st == ZT_OK && id) {
        st = zt_buf_append(&b, "\"id\":", 5);
        if (st == ZT_OK)
            st = zt_buf_append(&b, id, idlen);
        if (st == ZT_OK)
            st = zt_buf_append(&b, ",", 1);
    }
    if (st == ZT_OK)
        st = putf(&b, "\"score\":%.3f,\"reading_aid\":%s,\"annotations\":%zu,"
                      "\"aids_kept\":%zu,\"recovered\":%zu,\"unresolved\":[",
                  rep->score, rep->reading_aid ? "true" : "false",
                  rep->annotations, rep->aids_kept, rep->recovered);
    for (size_t i = 0; st == ZT_OK && i < rep->nunresolved; i++)
        st = putf(&b, "%s{\"offset\":%zu,\"kind\":\"%s\"}", i ? "," : "",
                  rep->unresolved[i].offset, spot_name(rep->unresolved[i].kind));
    if (st == ZT_OK)
        st = zt_buf_append(&b, "],\"boilerplate\":[", 17);
    for (size_t i = 0; st == ZT_OK && i < rep->nboilerplate; i++)
        st = putf(&b, "%s{\"line\":%zu,\"kind\":\"%s\"}", i ? "," : "",
                  rep->boilerplate[i].line, rep->boilerplate[i].kind);
    if (st == ZT_OK)
        st = zt_buf_append(&b, "]}", 3); /* with the NUL */
    if (st != ZT_OK) {
        zt_buf_free(&b);
        return st;
    }
    *out = b.data;
    if (outlen)
        *outlen = b.len - 1;
    return ZT_OK;
}
