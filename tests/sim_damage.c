/*
 * sim_damage.c - the damage simulator as a filter, for bench/repair.sh and
 * tools/repair_tune.sh (test code; see sim_damage.h):
 *   sim_damage [-u] < traditional.txt > damaged.txt
 *   sim_damage [-u] -d LINES [-p RATE] < traditional.txt > damaged.jsonl
 * -u    decode as Python's errors="replace" (U+FFFD per bad byte);
 * -d N  pages of N lines: one JSON object {"text": ...} per page, each page
 *       damaged with its own table;
 * -p R  each page's table keeps each Traditional character with
 *       probability R (default 1: the whole table, as without -d);
 * -f    fold full-width forms to ASCII after decoding (as the real pages);
 * -x    a pair in GBK's user-defined areas vanishes (as on real pages 011
 *       and 018) instead of showing as '?'.
 */
#include <stdio.h>

#include "sim_damage.h"

/* Append s[0..n) as the inside of a JSON string. */
static void json_str(char **o, size_t *len, size_t *cap, const char *s,
                     size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char e[8];
        if (c == '"' || c == '\\') {
            e[0] = '\\';
            e[1] = (char)c;
            sim_put(o, len, cap, e, 2);
        } else if (c < 0x20) {
            snprintf(e, sizeof e, "\\u%04x", c);
            sim_put(o, len, cap, e, 6);
        } else {
            sim_put(o, len, cap, s + i, 1);
        }
    }
}

int main(int argc, char **argv)
{
    sim s;
    if (sim_init(&s) != 0) {
        fprintf(stderr, "sim_damage: cannot initialise\n");
        return 1;
    }
    long page = 0;
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-u") == 0) {
            s.each = 1;
        } else if (strcmp(argv[a], "-d") == 0 && a + 1 < argc) {
            page = strtol(argv[++a], NULL, 10);
        } else if (strcmp(argv[a], "-f") == 0) {
            s.fold = 1;
        } else if (strcmp(argv[a], "-x") == 0) {
            s.drop = 1;
        } else if (strcmp(argv[a], "-p") == 0 && a + 1 < argc) {
            s.rate = strtod(argv[++a], NULL);
        } else {
            fprintf(stderr, "usage: sim_damage [-u] [-f] [-x] [-d LINES [-p RATE]]\n");
            return 2;
        }
    }
    size_t cap = 1 << 20, n = 0, r;
    char *in = malloc(cap);
    while (in && (r = fread(in + n, 1, cap - n, stdin)) > 0) {
        n += r;
        if (n == cap)
            in = realloc(in, cap *= 2);
    }
    if (!in) {
        fprintf(stderr, "sim_damage: out of memory\n");
        return 1;
    }
    if (page <= 0) {
        size_t olen;
        char *out = sim_damage(&s, in, n, &olen);
        fwrite(out, 1, olen, stdout);
        free(out);
    } else {
        /* One page of `page` lines at a time, each its own document. */
        size_t pos = 0;
        while (pos < n) {
            size_t end = pos;
            for (long k = 0; k < page && end < n; k++) {
                const char *nl = memchr(in + end, '\n', n - end);
                end = nl ? (size_t)(nl - in) + 1 : n;
            }
            size_t tl = end - pos - (in[end - 1] == '\n');
            size_t olen, jlen = 0, jcap = 0;
            char *out = sim_damage(&s, in + pos, tl, &olen), *j = NULL;
            sim_put(&j, &jlen, &jcap, "{\"text\":\"", 9);
            json_str(&j, &jlen, &jcap, out, olen);
            sim_put(&j, &jlen, &jcap, "\"}\n", 3);
            fwrite(j, 1, jlen, stdout);
            free(out);
            free(j);
            s.doc++;
            pos = end;
        }
    }
    free(in);
    sim_free(&s);
    return 0;
}
