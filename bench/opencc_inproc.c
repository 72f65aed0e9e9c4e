/*
 * opencc_inproc - in-process throughput of Debian's OpenCC (libopencc 1.1.6)
 * through its C API, for bench/convert.sh.
 *
 *   opencc_inproc CONFIG.json FILE
 *
 * Converts FILE line by line, as OpenCC's own command-line tool does, and
 * prints "MB/s seconds" excluding start-up and file reading.
 */
#define _POSIX_C_SOURCE 200809L
#include <opencc/opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    FILE *f = fopen(argv[2], "rb");
    if (!f)
        return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        return 1;
    buf[n] = 0;
    fclose(f);
    opencc_t od = opencc_open(argv[1]);
    if (od == (opencc_t)-1)
        return 1;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    size_t total = 0;
    for (char *p = buf, *e; *p; p = e + 1) {
        e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        char *o = opencc_convert_utf8(od, p, (size_t)(e - p));
        total += strlen(o);
        opencc_convert_utf8_free(o);
        if (!*e)
            break;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double t = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.2f %.3f\n", n / t / 1e6, t);
    opencc_close(od);
    free(buf);
    return total == 0;
}
