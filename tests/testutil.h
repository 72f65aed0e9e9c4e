/*
 * testutil.h - small helpers shared by the cmocka test programs.
 */
#ifndef ZT_TESTUTIL_H
#define ZT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "zhtext.h"

/* Where ../shared is, relative to the repository root (tests run there). */
#define SHARED_DIR "../shared/data"

static inline int have_shared(const char *what)
{
    struct stat st;
    if (stat(SHARED_DIR, &st) == 0)
        return 1;
    printf("SKIP %s: ../shared/data not found\n", what);
    return 0;
}

/* Read a whole file; NULL if it cannot be read.  Caller frees. */
static inline char *read_all(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap + 1);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = 0;
    *len = n;
    return buf;
}

/* Deterministic pseudo-random numbers (xorshift), so failures reproduce. */
static inline uint64_t test_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Convert with a fresh converter; asserts success. Caller frees result. */
static inline char *conv_str(const char *config, const char *in, size_t len,
                             size_t *outlen)
{
    zt_converter *c = NULL;
    assert_int_equal(zt_converter_new(config, NULL, 0, &c), ZT_OK);
    char *out = NULL;
    assert_int_equal(zt_convert_alloc(c, in, len, &out, outlen), ZT_OK);
    zt_converter_free(c);
    return out;
}

#endif
