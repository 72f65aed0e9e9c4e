/*
 * fuzz_dict - the user-dictionary loader never crashes on any bytes, and a
 * dictionary it accepts works in a converter (its own text converted both
 * ways: one-shot and through the stream).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zt_dict *d = NULL;
    size_t line = 0;
    zt_status st = zt_dict_load_mem((const char *)data, size, &d, &line);
    if (st != ZT_OK) {
        if (d || (st == ZT_EDICT && line == 0))
            abort();
        return 0;
    }
    zt_converter *c;
    const zt_dict *ds[1] = {d};
    if (zt_converter_new("s2twp", ds, 1, &c) != ZT_OK)
        abort();
    zt_dict_free(d); /* the converter must not need it any more */
    char *out;
    size_t n;
    if (zt_convert_alloc(c, (const char *)data, size, &out, &n) != ZT_OK)
        abort();
    zt_stream *s;
    if (zt_stream_new(c, &s) != ZT_OK)
        abort();
    const char *o;
    size_t ol, got = 0;
    for (size_t pos = 0; pos < size; pos += 3) {
        size_t k = size - pos < 3 ? size - pos : 3;
        if (zt_stream_push(s, (const char *)data + pos, k, &o, &ol) != ZT_OK)
            abort();
        if (got + ol > n || memcmp(out + got, o, ol) != 0)
            abort();
        got += ol;
    }
    if (zt_stream_finish(s, &o, &ol) != ZT_OK || got + ol != n ||
        memcmp(out + got, o, ol) != 0)
        abort();
    zt_stream_free(s);
    zt_free(out);
    zt_converter_free(c);
    return 0;
}
