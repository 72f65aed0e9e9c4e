/* progress.c - a one-line progress display on standard error. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

/* Redraw interval: often enough to look alive, rarely enough to cost
 * nothing and not to flood a slow terminal. */
#define REDRAW 0.25

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, int mode, uint64_t total)
{
    p->on = mode > 0 || (mode < 0 && isatty(2));
    p->drawn = 0;
    p->total = total;
    p->bytes = p->lines = 0;
    p->start = p->last = now();
}

static void human(char *buf, size_t cap, double b)
{
    const char *unit[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (b >= 1000 && u < 4) {
        b /= 1000;
        u++;
    }
    snprintf(buf, cap, u ? "%.1f %s" : "%.0f %s", b, unit[u]);
}

static void draw(cli_progress *p, double t)
{
    double el = t - p->start;
    double rate = el > 0 ? (double)p->bytes / el : 0;
    char done[32], tot[32];
    human(done, sizeof done, (double)p->bytes);
    /* \r and "erase to end of line" redraw in place on a terminal. */
    fprintf(stderr, "\r\033[K%s", done);
    if (p->total) {
        human(tot, sizeof tot, (double)p->total);
        fprintf(stderr, " / %s (%.0f%%)", tot,
                100.0 * (double)p->bytes / (double)p->total);
    }
    fprintf(stderr, "  %llu lines  %.1f MB/s", (unsigned long long)p->lines,
            rate / 1e6);
    if (p->total && rate > 0 && p->bytes < p->total) {
        unsigned long eta = (unsigned long)((double)(p->total - p->bytes) / rate);
        fprintf(stderr, "  ETA %lu:%02lu:%02lu", eta / 3600, eta / 60 % 60,
                eta % 60);
    }
    p->drawn = 1;
}

void cli_progress_add(cli_progress *p, uint64_t bytes, uint64_t lines)
{
    p->bytes += bytes;
    p->lines += lines;
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < REDRAW)
        return;
    p->last = t;
    draw(p, t);
}

void cli_progress_clear(cli_progress *p)
{
    if (p->on && p->drawn) {
        fputs("\r\033[K", stderr);
        p->drawn = 0;
    }
}

void cli_progress_end(cli_progress *p)
{
    if (!p->on)
        return;
    draw(p, now());
    fputc('\n', stderr);
    p->drawn = 0;
}
