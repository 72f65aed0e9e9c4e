/*
 * internal.h - definitions shared by the library's source files and the
 * table compiler.  Nothing here is part of the public API.
 */
#ifndef ZT_INTERNAL_H
#define ZT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "zhtext.h"

#if defined(__GNUC__)
#define ZT_LIKELY(x) __builtin_expect(!!(x), 1)
#define ZT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ZT_INLINE static inline __attribute__((always_inline))
#define ZT_HIDDEN __attribute__((visibility("hidden")))
#else
#define ZT_LIKELY(x) (x)
#define ZT_UNLIKELY(x) (x)
#define ZT_INLINE static inline
#define ZT_HIDDEN
#endif

/* ---- growable byte buffer (lib/buf.c) ---------------------------------- */

/* A plain growable buffer.  `cap` never shrinks; the memory is released by
 * zt_buf_free().  All appends that can fail return ZT_ENOMEM and leave the
 * buffer as it was. */
typedef struct zt_buf {
    char *data;
    size_t len;
    size_t cap;
    /* Set for a buffer that wraps the caller's memory: it never grows
     * (a reserve beyond cap fails with ZT_ESPACE) and is never freed. */
    int fixed;
} zt_buf;

ZT_HIDDEN zt_status zt_buf_reserve(zt_buf *b, size_t extra);
ZT_HIDDEN zt_status zt_buf_append(zt_buf *b, const void *p, size_t n);
ZT_HIDDEN void zt_buf_free(zt_buf *b);

/* Ensure room for `extra` more bytes without a call in the common case. */
ZT_INLINE zt_status zt_buf_need(zt_buf *b, size_t extra)
{
    if (ZT_LIKELY(b->cap - b->len >= extra))
        return ZT_OK;
    return zt_buf_reserve(b, extra);
}

/* Index of cp in the ascending cps[lo..hi), 0 if absent (index 0 is never
 * a child: both tries keep their root there).  Children lists are short,
 * so a binary search narrows to 8 and a scan finishes. */
ZT_INLINE uint32_t zt_sorted_find(const uint32_t *cps, uint32_t lo,
                                  uint32_t hi, uint32_t cp)
{
    while (hi - lo > 8) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cps[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    for (; lo < hi; lo++)
        if (cps[lo] >= cp)
            return cps[lo] == cp ? lo : 0;
    return 0;
}

#endif
