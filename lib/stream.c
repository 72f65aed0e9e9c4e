/*
 * stream.c - chunked conversion whose result does not depend on the chunks.
 *
 * Input accumulates in `pending`.  Once there is enough of it, the stream
 * converts a prefix that ends at a safe cut (zt_conv_find_cut: after a
 * character that is in no dictionary key, so no match can span the cut) and
 * keeps the rest.  A safe cut does not change the result, so it does not
 * matter which one is taken.  Only when a whole ZT_PIECE_MAX window has no
 * safe cut is a forced cut made, at the window's end; the window starts at
 * the previous cut, which is then the last safe position before such a
 * window (or the previous forced cut), so forced cuts fall on the same bytes
 * however the input was chunked, and zt_convert() uses the same rule.
 */
#include <stdlib.h>

#include "convert.h"

/* Convert once this much is pending: big enough to amortise the call, small
 * enough to keep latency and memory low. */
#define STREAM_BATCH ((size_t)64 << 10)

struct zt_stream {
    const zt_converter *conv;
    zt_buf pending;
    zt_buf out;
    zt_work work;
    /* pending[0..noscan] is known to hold no safe cut: a cut found later
     * is past it (a rejected position never becomes a cut, since bytes
     * added at the end change neither the character before it nor the
     * 256 bytes before it). */
    size_t noscan;
};

zt_status zt_stream_new(const zt_converter *c, zt_stream **out)
{
    if (!c || !out)
        return ZT_EINVAL;
    zt_stream *s = calloc(1, sizeof *s);
    if (!s)
        return ZT_ENOMEM;
    s->conv = c;
    *out = s;
    return ZT_OK;
}

void zt_stream_free(zt_stream *s)
{
    if (!s)
        return;
    zt_buf_free(&s->pending);
    zt_buf_free(&s->out);
    zt_work_free(&s->work);
    free(s);
}

/* Convert pending[0..cut) and drop it from pending. */
static zt_status flush_to(zt_stream *s, size_t cut)
{
    zt_status st = zt_conv_piece(s->conv, &s->work,
                                 (const uint8_t *)s->pending.data, cut, &s->out);
    if (st != ZT_OK)
        return st;
    if (cut < s->pending.len) /* data may be NULL when nothing is pending */
        memmove(s->pending.data, s->pending.data + cut, s->pending.len - cut);
    s->pending.len -= cut;
    s->noscan = 0;
    return ZT_OK;
}

zt_status zt_stream_push(zt_stream *s, const char *in, size_t len,
                         const char **out, size_t *outlen)
{
    if (!s || (!in && len) || !out || !outlen)
        return ZT_EINVAL;
    s->out.len = 0;
    /* Feed large inputs a window at a time so pending stays bounded. */
    while (1) {
        size_t room = ZT_PIECE_MAX + STREAM_BATCH - s->pending.len;
        size_t take = len < room ? len : room;
        if (zt_buf_append(&s->pending, in, take) != ZT_OK)
            return ZT_ENOMEM;
        in += take;
        len -= take;
        while (s->pending.len >= STREAM_BATCH) {
            const uint8_t *p = (const uint8_t *)s->pending.data;
            size_t win = s->pending.len < ZT_PIECE_MAX ? s->pending.len
                                                       : ZT_PIECE_MAX;
            size_t cut = zt_conv_find_cut_from(s->conv, p, win, s->noscan);
            if (!cut) {
                s->noscan = win;
                if (s->pending.len <= ZT_PIECE_MAX)
                    break; /* wait for more input */
                cut = zt_conv_force_cut(p, ZT_PIECE_MAX);
            }
            zt_status st = flush_to(s, cut);
            if (st != ZT_OK)
                return st;
            if (cut < STREAM_BATCH / 4 && s->pending.len < ZT_PIECE_MAX)
                break; /* only a short piece was safe; wait for more */
        }
        if (len == 0)
            break;
    }
    *out = s->out.data ? s->out.data : "";
    *outlen = s->out.len;
    return ZT_OK;
}

zt_status zt_stream_finish(zt_stream *s, const char **out, size_t *outlen)
{
    if (!s || !out || !outlen)
        return ZT_EINVAL;
    s->out.len = 0;
    zt_status st = ZT_OK;
    while (st == ZT_OK && s->pending.len > ZT_PIECE_MAX) {
        const uint8_t *p = (const uint8_t *)s->pending.data;
        size_t cut = zt_conv_find_cut(s->conv, p, ZT_PIECE_MAX);
        if (!cut)
            cut = zt_conv_force_cut(p, ZT_PIECE_MAX);
        st = flush_to(s, cut);
    }
    if (st == ZT_OK)
        st = flush_to(s, s->pending.len);
    if (st != ZT_OK)
        return st;
    *out = s->out.data ? s->out.data : "";
    *outlen = s->out.len;
    return ZT_OK;
}
