/*
 * zt_bench - in-process throughput of the library, for the bench scripts.
 *
 *   zt_bench convert CONFIG FILE [REPEAT]
 *
 * Reads FILE into memory, makes the converter, converts the whole buffer
 * REPEAT times (default 3) and prints the best time as MB/s (input bytes,
 * 10^6), excluding start-up and file reading.  Also prints the converter's
 * creation time, which is zhtext's whole start-up cost.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zhtext.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(1);
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "convert") != 0) {
        fprintf(stderr, "usage: zt_bench convert CONFIG FILE [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 4 ? atoi(argv[4]) : 3;
    size_t len;
    char *in = slurp(argv[3], &len);
    double t0 = now();
    zt_converter *c;
    if (zt_converter_new(argv[2], NULL, 0, &c) != ZT_OK) {
        fprintf(stderr, "bad config %s\n", argv[2]);
        return 1;
    }
    double tnew = now() - t0;
    size_t cap = zt_convert_bound(c, len);
    char *out = malloc(cap);
    double best = 1e9;
    size_t outlen = 0;
    for (int r = 0; r < repeat; r++) {
        t0 = now();
        if (zt_convert(c, in, len, out, cap, &outlen) != ZT_OK)
            return 1;
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("%s %.1f MB/s in-process (%.3f s for %zu bytes; converter made in %.3f ms)\n",
           argv[2], len / best / 1e6, best, len, tnew * 1e3);
    zt_converter_free(c);
    free(out);
    free(in);
    return 0;
}
