/*
 * driver.c - runs a cli_job over the inputs (see driver.h).
 *
 * The main thread reads the inputs, cuts them into *batches* and writes the
 * results; worker threads (-T) transform batches.  A batch is one plain-text
 * unit (a stream piece, some whole lines or a document) or, in JSONL mode, a
 * run of whole lines.  Batches live in a ring of a fixed number of slots and
 * are written strictly in the order they were read, so the output never
 * depends on the thread count, and memory is bounded by the ring whatever
 * the input size: the reader waits for the oldest slot to be written before
 * it reuses it.  With one thread there is no ring and no locking at all.
 *
 * Messages about bad JSONL lines are collected in the batch and printed by
 * the main thread when the batch is written, so they come out in line order
 * and never tear a progress line.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "driver.h"
#include "jsonl.h"
#include "progress.h"

/* LINES and DOC units larger than this are split (at a line end when there
 * is one, else at a character boundary): a 100 MB line must not need 100 MB. */
#define MAX_UNIT ((size_t)8 << 20)
/* Batches are cut once this much input is pending: big enough that the
 * per-batch costs (a lock, a wake-up, a write) vanish, small enough that
 * a few in flight per thread stay far below the memory target. */
#define BATCH ((size_t)256 << 10)
/* A JSONL line longer than this is passed through unchanged, in pieces,
 * rather than held in memory whole. */
#define MAX_LINE ((size_t)16 << 20)
/* How many bad-line messages are printed before they are only counted. */
#define MAX_MESSAGES 20
#define READ_SIZE ((size_t)256 << 10)
/* Buffers that grew past this for one big batch are given back. */
#define KEEP_CAP ((size_t)4 << 20)
#define MAX_THREADS 256

const char cli_io_help[] =
    "Input and output (every command):\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "      --report FILE    write the command's report lines to FILE\n"
    "      --jsonl          the input is JSON Lines: transform one string field\n"
    "                       of each object and leave every other byte of the\n"
    "                       line as it is; bad lines pass through unchanged\n"
    "      --field PATH     the field to transform (default: text; a.b for a\n"
    "                       nested object)\n"
    "      --id PATH        with --jsonl: a field carried into report lines\n"
    "      --strict         exit with status 1 if any line was malformed, lacked\n"
    "                       the field or could not be transformed\n"
    "  -T, --threads N      worker threads (default 1; 0 = one per core); the\n"
    "                       output is the same for any N\n"
    "      --progress       show progress on standard error\n"
    "      --no-progress    never show progress (default: shown only when\n"
    "                       standard error is a terminal)\n";

void cli_buf_reserve(cli_buf *b, size_t n)
{
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len < n) {
            if (cap > SIZE_MAX / 2)
                cli_fail("out of memory");
            cap *= 2;
        }
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

/* Keep a reused buffer from holding on to one outsized batch's memory. */
static void buf_trim(cli_buf *b)
{
    if (b->cap > KEEP_CAP)
        cli_buf_free(b);
    b->len = 0;
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
    /* -T4 */
    if (s && s[2] == '\0' && strncmp(a, s, 2) == 0 && a[2] != '\0')
        return a + 2;
    return NULL;
}

int cli_io_option(cli_io *io, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *v;
    if (strcmp(a, "--") == 0) { /* the rest are files, even "-x" */
        while (*i + 1 < argc)
            io->files[io->nfiles++] = argv[++*i];
        return 1;
    }
    if (a[0] != '-' || strcmp(a, "-") == 0) {
        io->files[io->nfiles++] = a;
        return 1;
    }
    if ((v = opt_value(argc, argv, i, "-o", "--output"))) {
        io->output = v;
    } else if ((v = opt_value(argc, argv, i, NULL, "--report"))) {
        io->report = v;
    } else if (strcmp(a, "--jsonl") == 0) {
        io->jsonl = 1;
    } else if ((v = opt_value(argc, argv, i, NULL, "--field"))) {
        io->field = v;
    } else if ((v = opt_value(argc, argv, i, NULL, "--id"))) {
        io->id = v;
    } else if (strcmp(a, "--strict") == 0) {
        io->strict = 1;
    } else if ((v = opt_value(argc, argv, i, "-T", "--threads"))) {
        char *end;
        errno = 0;
        long t = strtol(v, &end, 10);
        if (errno || *end || end == v || t < 0 || t > MAX_THREADS)
            cli_usage_error("-T needs a number from 0 to %d, not '%s'",
                            MAX_THREADS, v);
        io->threads = (int)t;
    } else if (strcmp(a, "--progress") == 0) {
        io->progress = 1;
    } else if (strcmp(a, "--no-progress") == 0) {
        io->progress = 0;
    } else {
        return 0;
    }
    return 1;
}

/* ---- batches --------------------------------------------------------- */

enum { B_UNIT, B_JSONL, B_RAW };
enum { S_FREE, S_READY, S_DONE };

typedef struct batch {
    int kind;
    int state;           /* S_*, under the pool's lock when threaded */
    cli_buf in;          /* the input bytes */
    cli_buf out, rep;    /* the results, written in this order */
    cli_buf msg;         /* messages, one per line, printed when written */
    const char *source;
    size_t lineno;       /* line number of the first byte */
    size_t nlines;       /* newlines in `in` */
    int last;            /* B_UNIT: the last piece of its input */
    size_t offset;       /* B_UNIT: byte offset in its input */
    size_t part;         /* B_UNIT: units of its input before this one */
    size_t bad;          /* JSONL lines passed through as bad */
    size_t failed;       /* units the job failed on */
    size_t units;        /* JSONL lines in the batch */
} batch;

/* What one thread needs: the job's worker and scratch buffers. */
typedef struct wctx {
    void *worker;
    cli_buf dec, o, r;
} wctx;

struct targ;

typedef struct run {
    const cli_job *job;
    const cli_io *io;
    cli_jsonl_path field, id;
    int has_id;
    cli_out out, rep;
    int has_rep;
    cli_progress prog;
    size_t bad, failed, units, messages;
    wctx main;           /* the main thread's worker: cut(), and -T 1 */

    /* Threads (nthreads > 1). */
    int nthreads;
    wctx *wc;
    pthread_t *th;
    struct targ *targs;
    batch *slots;
    size_t nslots;
    size_t submitted, taken, written;
    int quit;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} run;

static void bmsg(batch *b, size_t lineno, const char *fmt, const char *a,
                 const char *c)
{
    char tmp[512];
    int k = snprintf(tmp, sizeof tmp, "%s:%zu: ", b->source, lineno);
    if (k > 0)
        cli_buf_append(&b->msg, tmp, (size_t)k < sizeof tmp ? (size_t)k
                                                           : sizeof tmp - 1);
    k = snprintf(tmp, sizeof tmp, fmt, a, c);
    if (k > 0)
        cli_buf_append(&b->msg, tmp, (size_t)k < sizeof tmp ? (size_t)k
                                                           : sizeof tmp - 1);
    cli_buf_append(&b->msg, "\n", 1);
}

static void process_unit(run *r, wctx *w, batch *b)
{
    cli_text t = {b->in.data, b->in.len, NULL, 0, b->source, b->lineno,
                  b->last, b->offset, b->part};
    if (r->job->apply(w->worker, &t, &b->out, &b->rep) != 0) {
        b->failed++;
        b->out.len = 0;
        cli_buf_append(&b->out, t.data, t.len);
    }
    if (b->rep.len)
        cli_buf_append(&b->rep, "\n", 1);
}

/* One JSONL line (without its newline, which is appended as `nl`). */
static void process_line(run *r, wctx *w, batch *b, const char *line,
                         size_t n, const char *nl, size_t lineno)
{
    const cli_job *job = r->job;
    cli_buf *text = job->report_is_output ? &b->rep : &b->out;
    cli_jsonl_span f, id;
    size_t erroff = 0;
    cli_jsonl_status st = cli_jsonl_scan(line, n, &r->field,
                                         r->has_id ? &r->id : NULL, &f, &id,
                                         &erroff);
    if (st != CLI_JSONL_OK) {
        b->bad++;
        if (st == CLI_JSONL_SYNTAX && erroff >= n) {
            bmsg(b, lineno, "%s%s, passed through unchanged",
                 n ? "truncated JSON" : "empty line", "");
        } else if (st == CLI_JSONL_SYNTAX) {
            char at[64];
            snprintf(at, sizeof at, "%zu", erroff + 1);
            bmsg(b, lineno, "%s at byte %s, passed through unchanged",
                 cli_jsonl_strerror(st), at);
        } else {
            bmsg(b, lineno, "%s (field '%s'), passed through unchanged",
                 cli_jsonl_strerror(st), r->io->field);
        }
        cli_buf_append(text, line, n);
        cli_buf_append(text, nl, *nl ? 1 : 0);
        return;
    }
    const char *val = line + f.off;
    size_t vlen = f.len;
    if (f.escaped) {
        w->dec.len = 0;
        cli_buf_reserve(&w->dec, vlen);
        vlen = cli_jsonl_decode(val, vlen, w->dec.data);
        val = w->dec.data;
    }
    cli_text t = {val, vlen, id.found ? line + id.off : NULL,
                  id.found ? id.len : 0, b->source, lineno, 1, 0, 0};
    w->o.len = 0;
    w->r.len = 0;
    if (job->apply(w->worker, &t, &w->o, &w->r) != 0) {
        b->failed++;
        cli_buf_append(text, line, n);
    } else if (job->report_is_output) {
        cli_buf_append(&b->rep, w->r.data, w->r.len);
        if (!w->r.len) /* one output line per input line, always */
            cli_buf_append(&b->rep, line, n);
    } else {
        if (w->o.len == vlen && memcmp(w->o.data, val, vlen) == 0) {
            /* Unchanged text keeps its original spelling and escapes. */
            cli_buf_append(&b->out, line, n);
        } else {
            size_t bound = cli_jsonl_encode_bound(w->o.len);
            if (!bound && w->o.len)
                cli_fail("out of memory");
            cli_buf_reserve(&b->out, f.off + bound + (n - f.off - f.len));
            cli_buf_append(&b->out, line, f.off);
            b->out.len += cli_jsonl_encode(w->o.data, w->o.len,
                                           b->out.data + b->out.len);
            cli_buf_append(&b->out, line + f.off + f.len, n - f.off - f.len);
        }
        if (w->r.len) {
            cli_buf_append(&b->rep, w->r.data, w->r.len);
            cli_buf_append(&b->rep, "\n", 1);
        }
    }
    cli_buf_append(text, nl, *nl ? 1 : 0);
}

static void process(run *r, wctx *w, batch *b)
{
    if (b->kind == B_UNIT) {
        process_unit(r, w, b);
        return;
    }
    if (b->kind == B_RAW) {
        cli_buf *text = r->job->report_is_output ? &b->rep : &b->out;
        cli_buf_append(text, b->in.data, b->in.len);
        return;
    }
    const char *p = b->in.data, *end = p + b->in.len;
    size_t lineno = b->lineno;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        const char *nl = e ? "\n" : "";
        if (!e)
            e = end;
        process_line(r, w, b, p, (size_t)(e - p), nl, lineno++);
        b->units++;
        p = e + (*nl ? 1 : 0);
    }
}

/* Write a processed batch; main thread only. */
static void write_batch(run *r, batch *b)
{
    if (b->msg.len) {
        cli_progress_clear(&r->prog);
        const char *p = b->msg.data, *end = p + b->msg.len;
        while (p < end) {
            const char *e = memchr(p, '\n', (size_t)(end - p));
            if (r->messages++ < MAX_MESSAGES)
                cli_warn("%.*s", (int)(e - p), p);
            else if (r->messages == MAX_MESSAGES + 1)
                cli_warn("further messages about bad lines are only counted");
            p = e + 1;
        }
    }
    if (r->job->report_is_output) {
        cli_out_write(&r->out, b->rep.data, b->rep.len);
    } else {
        cli_out_write(&r->out, b->out.data, b->out.len);
        if (r->has_rep)
            cli_out_write(&r->rep, b->rep.data, b->rep.len);
    }
    r->bad += b->bad;
    r->failed += b->failed;
    r->units += b->units;
    cli_progress_add(&r->prog, b->in.len, b->nlines);
    buf_trim(&b->in);
    buf_trim(&b->out);
    buf_trim(&b->rep);
    buf_trim(&b->msg);
}

/* ---- the thread pool ------------------------------------------------- */

typedef struct targ {
    run *r;
    wctx *w;
} targ;

static void *thread_main(void *arg)
{
    targ *a = arg;
    run *r = a->r;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->quit && r->taken == r->submitted)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->taken == r->submitted)
            break;
        batch *b = &r->slots[r->taken++ % r->nslots];
        pthread_mutex_unlock(&r->mu);
        process(r, a->w, b);
        pthread_mutex_lock(&r->mu);
        b->state = S_DONE;
        pthread_cond_broadcast(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Write finished batches in order; with `wait`, block for the oldest. */
static void drain(run *r, int wait)
{
    for (;;) {
        pthread_mutex_lock(&r->mu);
        if (r->written == r->submitted) {
            pthread_mutex_unlock(&r->mu);
            return;
        }
        batch *b = &r->slots[r->written % r->nslots];
        while (wait && b->state != S_DONE)
            pthread_cond_wait(&r->done, &r->mu);
        int ready = b->state == S_DONE;
        pthread_mutex_unlock(&r->mu);
        if (!ready)
            return;
        write_batch(r, b); /* a DONE slot is the main thread's alone */
        pthread_mutex_lock(&r->mu);
        b->state = S_FREE;
        r->written++;
        pthread_mutex_unlock(&r->mu);
        wait = 0;
    }
}

/* A free batch to fill; in threaded mode it waits for the ring. */
static batch *batch_get(run *r)
{
    if (r->nthreads <= 1)
        return &r->slots[0];
    while (r->submitted - r->written >= r->nslots)
        drain(r, 1);
    return &r->slots[r->submitted % r->nslots];
}

static void batch_submit(run *r, batch *b)
{
    if (r->nthreads <= 1) {
        process(r, &r->main, b);
        write_batch(r, b);
        return;
    }
    pthread_mutex_lock(&r->mu);
    b->state = S_READY;
    r->submitted++;
    pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->mu);
    drain(r, 0);
}

/* A batch to fill, its results and counts cleared. */
static batch *batch_new(run *r, int kind, const char *s, size_t n,
                        const char *source, size_t lineno, size_t nlines,
                        int last)
{
    batch *b = batch_get(r);
    b->kind = kind;
    b->in.len = b->out.len = b->rep.len = b->msg.len = 0;
    cli_buf_append(&b->in, s, n);
    b->source = source;
    b->lineno = lineno;
    b->nlines = nlines;
    b->last = last;
    b->offset = b->part = 0;
    b->bad = b->failed = b->units = 0;
    return b;
}

/* ---- reading --------------------------------------------------------- */

/* Newlines in s[0..n): sixteen bytes at a time where SSE2 is there (every
 * x86-64), since the reader counts every byte of the input. */
static size_t count_lines(const char *s, size_t n)
{
    size_t k = 0, i = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        k += (size_t)__builtin_popcount(
            (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)));
    }
#endif
    for (const char *p = s + i; (p = memchr(p, '\n', (size_t)(s + n - p)));
         p++)
        k++;
    return k;
}

static size_t char_boundary(const char *s, size_t p)
{
    size_t q = p;
    while (q > p - 3 && ((unsigned char)s[q] & 0xC0) == 0x80)
        q--;
    return q;
}

/* The end of the plain-text unit to cut from s[0..n), or 0 to wait. */
static size_t unit_end(run *r, const char *s, size_t n, int eof)
{
    cli_unit u = r->job->unit;
    if (u == CLI_UNIT_STREAM) {
        if (eof && n <= MAX_UNIT)
            return n;
        if (n < BATCH)
            return 0;
        size_t c = r->job->cut(r->main.worker, s, n < MAX_UNIT ? n : MAX_UNIT);
        if (!c && n >= MAX_UNIT) /* the job found no cut: memory first */
            c = char_boundary(s, MAX_UNIT);
        return c;
    }
    if (u == CLI_UNIT_LINES && !eof && n < BATCH)
        return 0;
    if (u == CLI_UNIT_DOC && !eof && n < MAX_UNIT)
        return 0;
    if (eof && n <= MAX_UNIT)
        return n;
    /* Whole lines, up to MAX_UNIT. */
    size_t lim = n < MAX_UNIT ? n : MAX_UNIT;
    for (size_t k = lim; k > 0; k--)
        if (s[k - 1] == '\n')
            return k;
    if (n < MAX_UNIT)
        return 0;
    /* One line longer than MAX_UNIT: cut at a character boundary. */
    return char_boundary(s, MAX_UNIT);
}

/* The end of the run of whole JSONL lines to batch from s[0..n). */
static size_t jsonl_end(const char *s, size_t n, int eof)
{
    if (!eof && n < BATCH)
        return 0;
    if (eof && n <= BATCH)
        return n;
    size_t lim = n < BATCH ? n : BATCH;
    const char *nl = NULL;
    for (size_t k = lim; k > 0; k--)
        if (s[k - 1] == '\n') {
            nl = s + k;
            break;
        }
    if (nl)
        return (size_t)(nl - s);
    /* The first line is longer than a batch: take it whole if it ends. */
    nl = memchr(s, '\n', n);
    if (nl)
        return (size_t)(nl - s) + 1;
    return eof ? n : 0;
}

static void run_input(run *r, int fd, const char *name)
{
    cli_buf pend = {0};
    size_t pos = 0, lineno = 1, offset = 0, part = 0;
    int eof = 0;
    int long_line = 0; /* JSONL: inside a line longer than MAX_LINE */
    while (!eof || pos < pend.len) {
        if (!eof) {
            /* Compact, then read straight into the pending buffer. */
            if (pos) {
                memmove(pend.data, pend.data + pos, pend.len - pos);
                pend.len -= pos;
                pos = 0;
            }
            cli_buf_reserve(&pend, READ_SIZE);
            size_t got = cli_read(fd, name, pend.data + pend.len, READ_SIZE);
            if (got == 0)
                eof = 1;
            pend.len += got;
        }
        for (;;) {
            const char *s = pend.data + pos;
            size_t n = pend.len - pos, e;
            int kind = B_UNIT;
            if (n == 0)
                break;
            if (r->io->jsonl && long_line) {
                const char *nl = memchr(s, '\n', n);
                e = nl ? (size_t)(nl - s) + 1 : n;
                if (nl)
                    long_line = 0;
                kind = B_RAW;
            } else if (r->io->jsonl) {
                e = jsonl_end(s, n, eof);
                kind = B_JSONL;
                if ((!e && n > MAX_LINE) || e > MAX_LINE + 1) {
                    /* Pass the line through in pieces, saying so first
                     * (or whole, if its end came with the same read). */
                    size_t take = e ? e : n;
                    batch *b = batch_new(r, B_RAW, s, take, name, lineno,
                                         e ? 1 : 0, 0);
                    char lim[32];
                    snprintf(lim, sizeof lim, "%zu", MAX_LINE >> 20);
                    bmsg(b, lineno, "line longer than %s MiB, passed "
                         "through unchanged%s", lim, "");
                    b->bad = b->units = 1;
                    batch_submit(r, b);
                    pos += take;
                    lineno += e ? 1 : 0;
                    long_line = !e;
                    continue;
                }
            } else {
                e = unit_end(r, s, n, eof);
            }
            if (e == 0)
                break;
            size_t nl = count_lines(s, e);
            batch *b = batch_new(r, kind, s, e, name, lineno, nl, eof && e == n);
            b->offset = offset;
            b->part = part++;
            batch_submit(r, b);
            lineno += nl;
            offset += e;
            pos += e;
        }
        if (eof && pos >= pend.len)
            break;
    }
    cli_buf_free(&pend);
}

/* ---- setting up and tearing down ------------------------------------- */

static void wctx_init(run *r, wctx *w)
{
    memset(w, 0, sizeof *w);
    /* No worker_new: the settings are an immutable handle that every
     * thread shares (all the built-in commands). */
    w->worker = r->job->worker_new ? r->job->worker_new(r->job->settings)
                                   : r->job->settings;
    if (!w->worker)
        cli_fail("out of memory");
}

static void wctx_free(run *r, wctx *w)
{
    if (r->job->worker_free)
        r->job->worker_free(w->worker);
    cli_buf_free(&w->dec);
    cli_buf_free(&w->o);
    cli_buf_free(&w->r);
}

static int ncores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static void start_threads(run *r)
{
    /* Two batches per thread keep every thread busy while the main thread
     * reads and writes; one more lets the reader run ahead. */
    r->nslots = 2 * (size_t)r->nthreads + 1;
    r->slots = calloc(r->nslots, sizeof *r->slots);
    r->wc = calloc((size_t)r->nthreads, sizeof *r->wc);
    r->th = calloc((size_t)r->nthreads, sizeof *r->th);
    targ *args = calloc((size_t)r->nthreads, sizeof *args);
    if (!r->slots || !r->wc || !r->th || !args)
        cli_fail("out of memory");
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->work, NULL);
    pthread_cond_init(&r->done, NULL);
    for (int i = 0; i < r->nthreads; i++) {
        wctx_init(r, &r->wc[i]);
        args[i].r = r;
        args[i].w = &r->wc[i];
    }
    for (int i = 0; i < r->nthreads; i++) {
        int e = pthread_create(&r->th[i], NULL, thread_main, &args[i]);
        if (e)
            cli_fail("cannot start a thread: %s", strerror(e));
    }
    r->targs = args; /* the threads use them until they are joined */
}

static void stop_threads(run *r)
{
    pthread_mutex_lock(&r->mu);
    r->quit = 1;
    pthread_cond_broadcast(&r->work);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < r->nthreads; i++)
        pthread_join(r->th[i], NULL);
    for (int i = 0; i < r->nthreads; i++)
        wctx_free(r, &r->wc[i]);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->work);
    pthread_cond_destroy(&r->done);
    free(r->wc);
    free(r->th);
    free(r->targs);
}

/* The input size for the ETA: known only if every input is a file. */
static uint64_t input_size(const int *fds, size_t n)
{
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (fstat(fds[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (uint64_t)st.st_size;
    }
    return total;
}

int cli_run(const cli_job *job, const cli_io *io)
{
    const char *stdin_only[] = {"-", NULL};
    const char **files = io->nfiles ? io->files : stdin_only;
    size_t nfiles = io->nfiles ? io->nfiles : 1;
    int *fds = calloc(nfiles, sizeof *fds);
    if (!fds)
        cli_fail("out of memory");
    run r;
    memset(&r, 0, sizeof r);
    r.job = job;
    r.io = io;
    if (io->jsonl) {
        if (cli_jsonl_path_parse(&r.field, io->field) != 0)
            cli_usage_error("bad field path '%s'", io->field);
        if (io->id) {
            if (cli_jsonl_path_parse(&r.id, io->id) != 0)
                cli_usage_error("bad id path '%s'", io->id);
            r.has_id = 1;
        }
    } else if (io->id) {
        cli_usage_error("--id needs --jsonl");
    }
    /* Open every input first: a missing file is reported before -o
     * truncates anything. */
    for (size_t i = 0; i < nfiles; i++)
        fds[i] = cli_open_input(files[i]);
    r.nthreads = io->threads == 0 ? ncores() : io->threads;
    wctx_init(&r, &r.main);
    if (r.nthreads > 1) {
        start_threads(&r);
    } else {
        r.nslots = 1;
        r.slots = calloc(1, sizeof *r.slots);
        if (!r.slots)
            cli_fail("out of memory");
    }
    cli_out_open(&r.out, io->output);
    if (io->report && !job->report_is_output) {
        cli_out_open(&r.rep, io->report);
        r.has_rep = 1;
    }
    cli_progress_start(&r.prog, io->progress, input_size(fds, nfiles));
    for (size_t i = 0; i < nfiles; i++) {
        const char *name =
            strcmp(files[i], "-") ? files[i] : "standard input";
        run_input(&r, fds[i], name);
        if (fds[i] != 0)
            close(fds[i]);
    }
    if (r.nthreads > 1) {
        drain(&r, 1);
        while (r.written < r.submitted)
            drain(&r, 1);
        stop_threads(&r);
    }
    cli_out_close(&r.out);
    if (r.has_rep)
        cli_out_close(&r.rep);
    cli_progress_end(&r.prog);
    if (r.bad)
        cli_warn("%zu of %zu lines were malformed or had no string field "
                 "'%s' and were passed through unchanged",
                 r.bad, r.units, io->field);
    if (r.failed)
        cli_warn("%zu %s could not be transformed and were passed through "
                 "unchanged", r.failed, io->jsonl ? "lines" : "pieces");
    for (size_t i = 0; i < r.nslots; i++) {
        cli_buf_free(&r.slots[i].in);
        cli_buf_free(&r.slots[i].out);
        cli_buf_free(&r.slots[i].rep);
        cli_buf_free(&r.slots[i].msg);
    }
    free(r.slots);
    wctx_free(&r, &r.main);
    cli_jsonl_path_free(&r.field);
    cli_jsonl_path_free(&r.id);
    free(fds);
    return io->strict && (r.bad || r.failed) ? 1 : 0;
}
