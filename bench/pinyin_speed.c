/*
 * pinyin_speed.c - in-process throughput of zt_pinyin_text / zt_annotate on
 * a file, line by line (as the CLI feeds it), for bench/pinyin.sh.
 * Usage: pinyin_speed FILE [pinyin|annotate] [STYLE]
 * Prints: bytes seconds MB/s peak-RSS-KiB
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "zhtext.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: pinyin_speed FILE [pinyin|annotate] [STYLE]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)sz + 1);
    if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz)
        return 1;
    fclose(f);
    int annotate = argc > 2 && strcmp(argv[2], "annotate") == 0;
    zt_pinyin_options po;
    zt_pinyin_options_init(&po);
    if (argc > 3 && zt_pinyin_style_parse(argv[3], &po.style) != ZT_OK)
        return 2;
    zt_pinyin *p;
    if (zt_pinyin_new(&po, &p) != ZT_OK)
        return 1;
    zt_annotate_options ao;
    zt_annotate_options_init(&ao);
    size_t cap = 1 << 20;
    char *out = malloc(cap);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t total = 0;
    for (size_t i = 0; i < (size_t)sz;) {
        char *nl = memchr(buf + i, '\n', (size_t)sz - i);
        size_t len = nl ? (size_t)(nl - (buf + i)) + 1 : (size_t)sz - i;
        size_t n;
        zt_status st;
        for (;;) {
            st = annotate ? zt_annotate(p, &ao, buf + i, len, out, cap, &n)
                          : zt_pinyin_text(p, buf + i, len, NULL, out, cap, &n);
            if (st != ZT_ESPACE)
                break;
            cap = n * 2;
            out = realloc(out, cap);
        }
        total += n;
        i += len;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%ld %.3f %.1f %ld\n", sz, s, (double)sz / s / 1e6, ru.ru_maxrss);
    zt_pinyin_free(p);
    free(out);
    free(buf);
    return total == 0;
}
