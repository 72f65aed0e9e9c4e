/* dict.c - user dictionaries (zt_dict_*). */
#include <stdio.h>
#include <stdlib.h>

#include "dictfile.h"
#include "internal.h"
#include "trie.h"

/* A user dictionary keeps its source text: converters merge several
 * dictionaries into one trie of their own, so they re-read the entries
 * rather than keep references to the zt_dict. */
struct zt_dict {
    char *data;
    size_t len;
    size_t nentries;
};

static zt_status count_entries(const char *data, size_t len, size_t *n,
                               size_t *errline)
{
    zt_trie_builder *b = zt_trie_builder_new(ZT_DUP_LAST);
    if (!b)
        return ZT_ENOMEM;
    zt_status st = zt_dictfile_parse(data, len, b, errline);
    if (st == ZT_OK) {
        zt_trie *t;
        st = zt_trie_build(b, "user", &t);
        if (st == ZT_OK) {
            *n = t->nkeys;
            zt_trie_free(t);
        }
    } else {
        zt_trie_builder_free(b);
    }
    return st;
}

zt_status zt_dict_load_mem(const char *data, size_t len, zt_dict **out,
                           size_t *errline)
{
    if ((!data && len) || !out)
        return ZT_EINVAL;
    zt_dict *d = calloc(1, sizeof *d);
    if (!d)
        return ZT_ENOMEM;
    d->data = malloc(len ? len : 1);
    if (!d->data) {
        free(d);
        return ZT_ENOMEM;
    }
    if (len)
        memcpy(d->data, data, len);
    d->len = len;
    zt_status st = count_entries(d->data, len, &d->nentries, errline);
    if (st != ZT_OK) {
        zt_dict_free(d);
        return st;
    }
    *out = d;
    return ZT_OK;
}

zt_status zt_dict_load_file(const char *path, zt_dict **out, size_t *errline)
{
    if (!path || !out)
        return ZT_EINVAL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ZT_EIO;
    zt_buf b = {0};
    char tmp[65536];
    size_t n;
    zt_status st = ZT_OK;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        if ((st = zt_buf_append(&b, tmp, n)) != ZT_OK)
            break;
    if (st == ZT_OK && ferror(f))
        st = ZT_EIO;
    fclose(f);
    if (st == ZT_OK)
        st = zt_dict_load_mem(b.data, b.len, out, errline);
    zt_buf_free(&b);
    return st;
}

const char *zt_dict_source(const zt_dict *d, size_t *len)
{
    *len = d->len;
    return d->data;
}

size_t zt_dict_size(const zt_dict *d)
{
    return d ? d->nentries : 0;
}

void zt_dict_free(zt_dict *d)
{
    if (!d)
        return;
    free(d->data);
    free(d);
}

ZT_HIDDEN zt_status zt_dict_merge(const zt_dict *const *dicts, size_t n,
                                  zt_trie **out);

zt_status zt_dict_merge(const zt_dict *const *dicts, size_t n, zt_trie **out)
{
    zt_trie_builder *b = zt_trie_builder_new(ZT_DUP_LAST);
    if (!b)
        return ZT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!dicts[i]) {
            zt_trie_builder_free(b);
            return ZT_EINVAL;
        }
        zt_status st = zt_dictfile_parse(dicts[i]->data, dicts[i]->len, b, NULL);
        if (st != ZT_OK) {
            zt_trie_builder_free(b);
            return st;
        }
    }
    return zt_trie_build(b, "user", out);
}
