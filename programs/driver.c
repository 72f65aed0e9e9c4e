/*
 * driver.c - runs a cli_job over the inputs (see driver.h).
 *
 * This is the plain-text, single-threaded driver.  Units are formed from
 * input read in 1 MiB chunks; memory stays bounded because no unit is ever
 * larger than a few MiB: over-long lines and documents are handed to the
 * job in pieces (see MAX_UNIT).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"

#define IN_CHUNK ((size_t)1 << 20)
/* LINES and DOC units larger than this are split (at a line end when there
 * is one, else at a character boundary): a 100 MB line must not need 100 MB. */
#define MAX_UNIT ((size_t)8 << 20)
/* STREAM and LINES jobs are called once this much is pending. */
#define BATCH ((size_t)256 << 10)

const char cli_io_help[] =
    "  -o, --output FILE    write to FILE instead of standard output\n";

void cli_buf_reserve(cli_buf *b, size_t n)
{
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len < n)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            cli_fail("out of memory");
        b->data = d;
        b->cap = cap;
    }
}

void cli_buf_append(cli_buf *b, const void *p, size_t n)
{
    cli_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

void cli_buf_free(cli_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void cli_io_init(cli_io *io, int argc)
{
    memset(io, 0, sizeof *io);
    io->files = calloc((size_t)argc + 1, sizeof *io->files);
    if (!io->files)
        cli_fail("out of memory");
    io->field = "text";
    io->threads = 1;
    io->progress = -1;
}

static const char *opt_value(int argc, char **argv, int *i, const char *s,
                             const char *l)
{
    const char *a = argv[*i];
    size_t ll = strlen(l);
    if (strcmp(a, l) == 0 || (s && strcmp(a, s) == 0)) {
        if (*i + 1 >= argc)
            cli_usage_error("option %s needs a value", a);
        return argv[++*i];
    }
    if (strncmp(a, l, ll) == 0 && a[ll] == '=')
        return a + ll + 1;
    return NULL;
}

int cli_io_option(cli_io *io, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *v;
    if (a[0] != '-' || strcmp(a, "-") == 0) {
        io->files[io->nfiles++] = a;
        return 1;
    }
    if ((v = opt_value(argc, argv, i, "-o", "--output"))) {
        io->output = v;
        return 1;
    }
    return 0;
}

/* ---- the plain-text loop ------------------------------------------------ */

typedef struct run {
    const cli_job *job;
    void *worker;
    cli_out out;
    cli_out rep;
    int has_rep;
    cli_buf obuf, rbuf;
    size_t failed;
} run;

static void emit(run *r, const cli_text *t)
{
    r->obuf.len = 0;
    r->rbuf.len = 0;
    if (r->job->apply(r->worker, t, &r->obuf, &r->rbuf) != 0) {
        r->failed++;
        r->obuf.len = 0;
        cli_buf_append(&r->obuf, t->data, t->len);
    }
    if (r->job->report_is_output) {
        if (r->rbuf.len) {
            cli_out_write(&r->out, r->rbuf.data, r->rbuf.len);
            cli_out_write(&r->out, "\n", 1);
        }
        return;
    }
    cli_out_write(&r->out, r->obuf.data, r->obuf.len);
    if (r->has_rep && r->rbuf.len) {
        cli_out_write(&r->rep, r->rbuf.data, r->rbuf.len);
        cli_out_write(&r->rep, "\n", 1);
    }
}

static size_t count_lines(const char *s, size_t n)
{
    size_t k = 0;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++)
        k++;
    return k;
}

/* The end of the unit to cut from pending[0..n), or 0 to wait for more. */
static size_t unit_end(run *r, const char *s, size_t n, int eof)
{
    cli_unit u = r->job->unit;
    if (u == CLI_UNIT_STREAM) {
        if (eof)
            return n;
        if (n < BATCH)
            return 0;
        return r->job->cut(r->worker, s, n);
    }
    if (u == CLI_UNIT_LINES && !eof && n < BATCH)
        return 0;
    if (u == CLI_UNIT_DOC && !eof && n < MAX_UNIT)
        return 0;
    if (eof && n <= MAX_UNIT)
        return n;
    /* Whole lines, up to MAX_UNIT. */
    size_t lim = n < MAX_UNIT ? n : MAX_UNIT;
    const char *nl = NULL;
    for (size_t k = lim; k > 0; k--)
        if (s[k - 1] == '\n') {
            nl = s + k;
            break;
        }
    if (nl)
        return (size_t)(nl - s);
    if (n < MAX_UNIT)
        return 0;
    /* One line longer than MAX_UNIT: cut at a character boundary. */
    size_t p = MAX_UNIT;
    while (p > MAX_UNIT - 3 && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    return p;
}

static void run_plain(run *r, int fd, const char *name)
{
    cli_buf pend = {0};
    size_t lineno = 1;
    int eof = 0;
    while (!eof || pend.len) {
        if (!eof) {
            char tmp[65536];
            size_t got = cli_read(fd, name, tmp, sizeof tmp);
            if (got == 0)
                eof = 1;
            else
                cli_buf_append(&pend, tmp, got);
        }
        size_t e;
        while (pend.len && (e = unit_end(r, pend.data, pend.len, eof)) > 0) {
            cli_text t = {pend.data, e, NULL, 0, name, lineno,
                          eof && e == pend.len};
            emit(r, &t);
            lineno += count_lines(pend.data, e);
            memmove(pend.data, pend.data + e, pend.len - e);
            pend.len -= e;
        }
        if (eof && pend.len == 0)
            break;
    }
    cli_buf_free(&pend);
}

int cli_run(const cli_job *job, const cli_io *io)
{
    const char *stdin_only[] = {"-", NULL};
    const char **files = io->nfiles ? io->files : stdin_only;
    size_t nfiles = io->nfiles ? io->nfiles : 1;
    int *fds = calloc(nfiles, sizeof *fds);
    if (!fds)
        cli_fail("out of memory");
    /* Open every input first: a missing file is reported before -o
     * truncates anything. */
    for (size_t i = 0; i < nfiles; i++)
        fds[i] = cli_open_input(files[i]);
    if (io->jsonl)
        cli_fail("--jsonl is not available in this build");
    run r = {0};
    r.job = job;
    r.worker = job->worker_new(job->settings);
    if (!r.worker)
        cli_fail("out of memory");
    cli_out_open(&r.out, io->output);
    if (io->report) {
        cli_out_open(&r.rep, io->report);
        r.has_rep = 1;
    }
    for (size_t i = 0; i < nfiles; i++) {
        const char *name =
            strcmp(files[i], "-") ? files[i] : "standard input";
        run_plain(&r, fds[i], name);
        if (fds[i] != 0)
            close(fds[i]);
    }
    cli_out_close(&r.out);
    if (r.has_rep)
        cli_out_close(&r.rep);
    job->worker_free(r.worker);
    cli_buf_free(&r.obuf);
    cli_buf_free(&r.rbuf);
    free(fds);
    return 0;
}
