/*
 * cli.h - what the zhtext command's subcommands share: messages, output,
 * input files.
 */
#ifndef ZT_CLI_H
#define ZT_CLI_H

#include <stdio.h>
#include <stddef.h>

#include "zhtext.h"

extern const char *cli_prog; /* "zhtext" or "zhtext convert", for messages */

/* Print "zhtext: message" to stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the message and exit with status 2 (usage) or 1 (failure). */
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Buffered output to a file descriptor.  A reader that went away (EPIPE)
 * ends the process quietly with status 0, as filters do; any other write
 * error (a full disk) is reported and exits with status 1. */
typedef struct cli_out {
    int fd;
    const char *name;
    char *buf;
    size_t len, cap;
} cli_out;

void cli_out_open(cli_out *o, const char *path); /* NULL or "-": stdout */
void cli_out_write(cli_out *o, const void *p, size_t n);
void cli_out_flush(cli_out *o);
void cli_out_close(cli_out *o);

/* Input: open a path ("-" = stdin); exits with a message if it cannot. */
int cli_open_input(const char *path);
/* read() that retries on EINTR; exits with a message on error. */
size_t cli_read(int fd, const char *name, char *buf, size_t cap);

/* Load user dictionaries (-d FILE...), exiting with a message naming the
 * file (and line) on failure.  Free with cli_free_dicts. */
zt_dict **cli_load_dicts(const char *const *paths, size_t n);
void cli_free_dicts(zt_dict **dicts, size_t n);

/* Subcommands. */
int cmd_convert(int argc, char **argv);
int cmd_pinyin(int argc, char **argv);
int cmd_annotate(int argc, char **argv);
int cmd_repair(int argc, char **argv);
int cmd_detect(int argc, char **argv);

#endif
