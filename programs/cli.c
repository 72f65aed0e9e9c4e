/* cli.c - messages, buffered output and input helpers for the CLI. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_prog = "zhtext";

static void vmsg(const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", cli_prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
}

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'zhtext --help' for more information.\n");
    exit(2);
}

void cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(fmt, ap);
    va_end(ap);
    exit(1);
}

#define OUT_BUF (1u << 20)

void cli_out_open(cli_out *o, const char *path)
{
    /* A closed pipe must come back as EPIPE from write(), not kill us. */
    signal(SIGPIPE, SIG_IGN);
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fd = 1;
        o->name = "standard output";
    } else {
        o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (o->fd < 0)
            cli_fail("cannot write %s: %s", path, strerror(errno));
        o->name = path;
    }
    o->cap = OUT_BUF;
    o->buf = malloc(o->cap);
    if (!o->buf)
        cli_fail("out of memory");
}

static void write_all(cli_out *o, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(o->fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE)
                exit(0);
            cli_fail("write error on %s: %s", o->name, strerror(errno));
        }
        p += w;
        n -= (size_t)w;
    }
}

void cli_out_flush(cli_out *o)
{
    write_all(o, o->buf, o->len);
    o->len = 0;
}

void cli_out_write(cli_out *o, const void *p, size_t n)
{
    if (n >= o->cap) {
        cli_out_flush(o);
        write_all(o, p, n);
        return;
    }
    if (o->cap - o->len < n)
        cli_out_flush(o);
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

void cli_out_close(cli_out *o)
{
    cli_out_flush(o);
    if (o->fd != 1 && close(o->fd) != 0)
        cli_fail("write error on %s: %s", o->name, strerror(errno));
    free(o->buf);
    o->buf = NULL;
}

int cli_open_input(const char *path)
{
    if (strcmp(path, "-") == 0)
        return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        cli_fail("cannot open %s: %s", path, strerror(errno));
    return fd;
}

size_t cli_read(int fd, const char *name, char *buf, size_t cap)
{
    for (;;) {
        ssize_t r = read(fd, buf, cap);
        if (r >= 0)
            return (size_t)r;
        if (errno != EINTR)
            cli_fail("cannot read %s: %s", name, strerror(errno));
    }
}

zt_dict **cli_load_dicts(const char *const *paths, size_t n)
{
    zt_dict **dicts = calloc(n + 1, sizeof *dicts);
    if (!dicts)
        cli_fail("out of memory");
    for (size_t i = 0; i < n; i++) {
        size_t line = 0;
        zt_status st = zt_dict_load_file(paths[i], &dicts[i], &line);
        if (st == ZT_EDICT)
            cli_fail("%s:%zu: %s", paths[i], line, zt_strerror(st));
        if (st != ZT_OK)
            cli_fail("cannot load dictionary %s: %s", paths[i], zt_strerror(st));
    }
    return dicts;
}

void cli_free_dicts(zt_dict **dicts, size_t n)
{
    for (size_t i = 0; dicts && i < n; i++)
        zt_dict_free(dicts[i]);
    free(dicts);
}
