/*
 * fuzz_convert - conversion never crashes, and streaming in arbitrary
 * chunks always equals one-shot conversion.
 *
 * Input: byte 0 picks the configuration, byte 1 seeds the chunk sizes, the
 * rest is the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhtext.h"

static zt_converter *convs[16];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t k = data[0] % zt_config_count();
    if (!convs[k] && zt_converter_new(zt_config_name(k), NULL, 0, &convs[k]) != ZT_OK)
        abort();
    const zt_converter *c = convs[k];
    unsigned seed = data[1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    char *whole;
    size_t wlen;
    if (zt_convert_alloc(c, text, len, &whole, &wlen) != ZT_OK)
        abort();
    if (wlen > zt_convert_bound(c, len))
        abort();

    zt_stream *s;
    if (zt_stream_new(c, &s) != ZT_OK)
        abort();
    char *acc = malloc(wlen + 1);
    size_t alen = 0, pos = 0;
    const char *o;
    size_t ol;
    while (pos < len) {
        seed = seed * 1103515245u + 12345u;
        size_t step = 1 + (seed >> 16) % 17;
        if (step > len - pos)
            step = len - pos;
        if (zt_stream_push(s, text + pos, step, &o, &ol) != ZT_OK)
            abort();
        if (alen + ol > wlen || memcmp(whole + alen, o, ol) != 0)
            abort();
        memcpy(acc + alen, o, ol);
        alen += ol;
        pos += step;
    }
    if (zt_stream_finish(s, &o, &ol) != ZT_OK)
        abort();
    if (alen + ol != wlen || memcmp(whole + alen, o, ol) != 0)
        abort();
    zt_stream_free(s);
    free(acc);
    zt_free(whole);
    return 0;
}
