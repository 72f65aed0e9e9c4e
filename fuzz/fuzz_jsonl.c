/*
 * fuzz_jsonl.c - the JSONL field scanner, decoder and encoder.
 *
 * Any bytes: the scanner must not crash or read outside the line, a found
 * field must lie inside it, and decode(encode(decode(field))) must give the
 * decoded field back (what the driver's re-encoding relies on).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *paths[] = {"text", "a.b", "text.x", "id"};
    if (size < 1)
        return 0;
    cli_jsonl_path field, id;
    if (cli_jsonl_path_parse(&field, paths[data[0] & 3]) ||
        cli_jsonl_path_parse(&id, paths[(data[0] >> 2) & 3]))
        abort();
    /* A copy of exactly the line, so reading past it is caught. */
    size_t n = size - 1;
    char *line = malloc(n ? n : 1);
    memcpy(line, data + 1, n);
    cli_jsonl_span f, is;
    size_t erroff = 0;
    cli_jsonl_status st = cli_jsonl_scan(line, n, &field, &id, &f, &is,
                                         &erroff);
    if (st == CLI_JSONL_SYNTAX && erroff > n)
        abort();
    if (is.found && (is.off > n || is.len > n - is.off))
        abort();
    if (st == CLI_JSONL_OK) {
        if (f.off > n || f.len > n - f.off)
            abort();
        char *dec = malloc(f.len + 1);
        size_t dn = cli_jsonl_decode(line + f.off, f.len, dec);
        if (dn > f.len)
            abort();
        char *enc = malloc(cli_jsonl_encode_bound(dn) + 1);
        size_t en = cli_jsonl_encode(dec, dn, enc);
        char *back = malloc(en + 1);
        size_t bn = cli_jsonl_decode(enc, en, back);
        /* Raw surrogate bytes (invalid UTF-8, ED A0..BF) next to an
         * escaped surrogate would pair up; JSON cannot say otherwise. */
        int raw_surrogate = 0;
        for (size_t k = 0; k + 1 < f.len; k++)
            if ((unsigned char)line[f.off + k] == 0xED &&
                ((unsigned char)line[f.off + k + 1] & 0xE0) == 0xA0)
                raw_surrogate = 1;
        if (!raw_surrogate && (bn != dn || memcmp(back, dec, dn) != 0))
            abort();
        /* The re-encoded line is valid JSON with the field in place. */
        size_t ln = f.off + en + (n - f.off - f.len);
        char *nl = malloc(ln + 1);
        memcpy(nl, line, f.off);
        memcpy(nl + f.off, enc, en);
        memcpy(nl + f.off + en, line + f.off + f.len, n - f.off - f.len);
        cli_jsonl_span f2, i2;
        if (cli_jsonl_scan(nl, ln, &field, NULL, &f2, &i2, NULL) !=
                CLI_JSONL_OK ||
            f2.off != f.off || f2.len != en)
            abort();
        free(nl);
        free(back);
        free(enc);
        free(dec);
    }
    free(line);
    cli_jsonl_path_free(&field);
    cli_jsonl_path_free(&id);
    return 0;
}
