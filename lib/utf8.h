/*
 * utf8.h - strict UTF-8 decoding for the matchers.
 *
 * Strict means RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF.  A byte that does not start a valid sequence is reported as a
 * one-byte invalid unit; callers copy such bytes through unchanged, which is
 * how every transformation in zhtext preserves invalid input byte for byte.
 */
#ifndef ZT_UTF8_H
#define ZT_UTF8_H

#include "internal.h"

#define ZT_INVALID_CP 0xFFFFFFFFu

/* Decode the character at s (n > 0 bytes available).  Returns its length
 * (1-4) and stores the code point, or returns 1 and stores ZT_INVALID_CP
 * when s[0] does not start a complete valid sequence within n bytes. */
ZT_INLINE size_t zt_utf8_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    /* Three-byte sequences first: that is where CJK text lives.  E1..EC and
     * EE..EF cannot be overlong or surrogates, so only the continuation
     * bytes need checking. */
    if ((uint8_t)(b0 - 0xE1) <= 0x0E && b0 != 0xED && n >= 3) {
        uint32_t b1 = s[1], b2 = s[2];
        if ((((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80)) == 0) {
            *cp = ((uint32_t)(b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) |
                  (b2 & 0x3F);
            return 3;
        }
        *cp = ZT_INVALID_CP;
        return 1;
    }
    if (b0 < 0xE0) {
        if (b0 >= 0xC2 && n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((uint32_t)(b0 & 0x1F) << 6) | (s[1] & 0x3F);
            return 2;
        }
    } else if (b0 < 0xF0) {
        if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
            uint32_t c = ((uint32_t)(b0 & 0x0F) << 12) |
                         ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
                *cp = c;
                return 3;
            }
        }
    } else if (b0 < 0xF5) {
        if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
            (s[3] & 0xC0) == 0x80) {
            uint32_t c = ((uint32_t)(b0 & 0x07) << 18) |
                         ((uint32_t)(s[1] & 0x3F) << 12) |
                         ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
            if (c >= 0x10000 && c <= 0x10FFFF) {
                *cp = c;
                return 4;
            }
        }
    }
    *cp = ZT_INVALID_CP;
    return 1;
}

/* Encode cp (must be valid) into out (4 bytes room); returns the length. */
ZT_INLINE size_t zt_utf8_encode(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | (cp >> 6));
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (cp >> 12));
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

/* Append cp (valid) to b as UTF-8: one character at a time without a
 * call, for writers that produce text character by character. */
ZT_INLINE zt_status zt_buf_put_utf8(zt_buf *b, uint32_t cp)
{
    zt_status st = zt_buf_need(b, 4);
    if (ZT_LIKELY(st == ZT_OK))
        b->len += zt_utf8_encode(cp, (uint8_t *)b->data + b->len);
    return st;
}

/* Is s[0..n) entirely valid UTF-8? */
ZT_HIDDEN int zt_utf8_valid(const uint8_t *s, size_t n);

#endif
