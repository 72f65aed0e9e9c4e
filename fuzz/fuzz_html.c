/* fuzz_html.c - the HTML text-node walker and annotate --html on any bytes:
 * no crash, no hang; the walker hands out every byte exactly once, in
 * order; removing ruby/inline annotations from annotate's output gives the
 * input back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhtext.h"

typedef struct {
    const uint8_t *in;
    size_t len, pos;
} check;

static void piece(void *ctx, const char *s, size_t n)
{
    check *c = ctx;
    if (n == 0 || c->pos + n > c->len || s != (const char *)c->in + c->pos)
        abort();
    c->pos += n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static zt_pinyin *p;
    if (!p) {
        zt_pinyin_options o;
        zt_pinyin_options_init(&o);
        o.style = ZT_PINYIN_NUM;
        if (zt_pinyin_new(&o, &p) != ZT_OK)
            abort();
    }
    check c = {data, size, 0};
    zt_html_cb cb = {piece, piece, &c};
    zt_html_walk((const char *)data, size, &cb);
    if (c.pos != size)
        abort();

    zt_annotate_options ao;
    zt_annotate_options_init(&ao);
    ao.html = 1;
    ao.format = size && (data[0] & 1) ? ZT_ANNOTATE_RUBY : ZT_ANNOTATE_INLINE;
    char *out;
    size_t n;
    if (zt_annotate_alloc(p, &ao, (const char *)data, size, &out, &n) != ZT_OK)
        abort();
    if (n < size)
        abort();
    /* inline: every "(reading)" inserted is ASCII letters and digits, so
     * dropping them must give the input back */
    if (ao.format == ZT_ANNOTATE_INLINE && !memchr(data, '(', size)) {
        size_t i = 0, j = 0;
        while (i < size && j < n) {
            if (data[i] == (uint8_t)out[j]) {
                i++;
                j++;
                continue;
            }
            if (out[j] != '(')
                abort();
            while (j < n && out[j] != ')')
                j++;
            j++;
        }
        if (i != size)
            abort();
    }
    free(out);
    return 0;
}
