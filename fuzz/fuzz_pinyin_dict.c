/* fuzz_pinyin_dict.c - user pinyin dictionaries on any bytes: loading
 * either succeeds or fails cleanly (ZT_EDICT), and a handle made from one
 * reads text without crashing; the text is then also read with the input
 * itself, which exercises the engine on arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zt_dict *d = NULL;
    size_t line;
    zt_status st = zt_dict_load_mem((const char *)data, size, &d, &line);
    if (st != ZT_OK) {
        if (st != ZT_EDICT)
            abort();
        return 0;
    }
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = size ? (zt_pinyin_style)(data[0] % 7) : ZT_PINYIN_TONE;
    o.heteronym = size > 1 && (data[1] & 1);
    o.spoken = size > 1 && (data[1] & 2);
    const zt_dict *ds[1] = {d};
    o.dicts = ds;
    o.ndicts = 1;
    zt_pinyin *p = NULL;
    st = zt_pinyin_new(&o, &p);
    zt_dict_free(d);
    if (st != ZT_OK) {
        if (st != ZT_EDICT)
            abort();
        return 0;
    }
    char *out;
    size_t n;
    if (zt_pinyin_text_alloc(p, (const char *)data, size, NULL, &out, &n) != ZT_OK)
        abort();
    free(out);
    zt_pinyin_free(p);
    return 0;
}
