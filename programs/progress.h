/*
 * progress.h - a one-line progress display on standard error.
 *
 * Shown only when asked (--progress) or when standard error is a terminal
 * and not turned off (--no-progress): a filter in a pipeline or a cluster
 * job must keep its stderr for messages.  Redrawn at most a few times a
 * second, so calling cli_progress_update() per batch costs a clock read.
 */
#ifndef ZT_PROGRESS_H
#define ZT_PROGRESS_H

#include <stdint.h>

typedef struct cli_progress {
    int on;
    int drawn;           /* a line is on the screen */
    uint64_t total;      /* input size, 0 if unknown (a pipe) */
    uint64_t bytes, lines;
    double start, last;  /* seconds, monotonic */
} cli_progress;

/* mode: 1 always, 0 never, -1 when stderr is a terminal. */
void cli_progress_start(cli_progress *p, int mode, uint64_t total);
/* Add to the counts; redraw if it is time. */
void cli_progress_add(cli_progress *p, uint64_t bytes, uint64_t lines);
/* Take the line off the screen before a message is printed. */
void cli_progress_clear(cli_progress *p);
/* Draw the final figures and end the line. */
void cli_progress_end(cli_progress *p);

#endif
