/* dictfile.c - parse OpenCC's text dictionary format (see dictfile.h). */
#include "dictfile.h"

zt_status zt_dictfile_parse(const char *data, size_t len, zt_trie_builder *b,
                            size_t *errline)
{
    size_t pos = 0, line = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        line++;
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl != NULL);
        if (n && s[n - 1] == '\r')
            n--;
        if (n == 0 || s[0] == '#')
            continue;
        const char *tab = memchr(s, '\t', n);
        if (!tab || tab == s) {
            if (errline)
                *errline = line;
            return ZT_EDICT;
        }
        const char *v = tab + 1, *end = s + n;
        const char *sp = memchr(v, ' ', (size_t)(end - v));
        size_t vlen = sp ? (size_t)(sp - v) : (size_t)(end - v);
        zt_status st = zt_trie_builder_add(b, s, (size_t)(tab - s), v, vlen);
        if (st != ZT_OK) {
            if (errline)
                *errline = line;
            return st == ZT_EINVAL ? ZT_EDICT : st;
        }
    }
    return ZT_OK;
}
