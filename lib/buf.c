/* buf.c - the growable byte buffer used for all intermediate output. */
#include <stdlib.h>

#include "internal.h"

zt_status zt_buf_reserve(zt_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return ZT_OK;
    if (b->fixed)
        return ZT_ESPACE;
    if (extra > SIZE_MAX - b->len - 64)
        return ZT_ENOMEM;
    size_t want = b->len + extra;
    /* Grow by half again so that a long series of small appends stays
     * linear, and never below 256 bytes so tiny inputs do not realloc
     * repeatedly. */
    size_t cap = b->cap < 256 ? 256 : b->cap;
    while (cap < want)
        cap = cap > SIZE_MAX / 3 * 2 ? want : cap + cap / 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return ZT_ENOMEM;
    b->data = p;
    b->cap = cap;
    return ZT_OK;
}

zt_status zt_buf_append(zt_buf *b, const void *p, size_t n)
{
    if (n == 0)
        return ZT_OK;
    zt_status st = zt_buf_need(b, n);
    if (st != ZT_OK)
        return st;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return ZT_OK;
}

void zt_buf_free(zt_buf *b)
{
    if (!b->fixed)
        free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
