/*
 * driver.h - the engine behind every subcommand.
 *
 * A subcommand (convert, pinyin, annotate, repair, detect) parses its own
 * options, describes its work as a cli_job and calls cli_run().  The driver
 * owns everything else: the input files or standard input, plain text or
 * JSONL (--jsonl --field PATH --id PATH --strict), worker threads (-T N),
 * the progress bar, the output file, and reports.  So every subcommand gets
 * the same I/O behaviour, and improving the driver improves them all.
 *
 * The contract a job relies on:
 *   - apply() is called with one *unit* of text and appends its result to
 *     `out`.  What a unit is depends on job->unit and the input mode:
 *       plain text, CLI_UNIT_STREAM: consecutive pieces of the input cut
 *            where job->cut() allows (conversion: its safe cuts);
 *       plain text, CLI_UNIT_LINES: one or more whole lines (with their
 *            '\n'); the job must give one output line per input line;
 *       plain text, CLI_UNIT_DOC: a whole input file, or, past 8 MiB,
 *            consecutive pieces of it cut at line ends (t->part counts
 *            them, t->last marks the final one, t->offset and t->lineno
 *            place each in the file);
 *       JSONL, any unit: the decoded string value of the field, one per
 *            line (the driver re-encodes the result into the line).
 *   - apply() may also append one report line (no newline) to `report`,
 *     e.g. repair's JSON report; unit->id is the raw JSON text of the --id
 *     field (NULL if none) so the job can carry it into the report.
 *   - Workers are made once per thread with worker_new() and never shared.
 *   - Units reach apply() in input order within a worker, but with threads
 *     different workers see different units; outputs are written in input
 *     order by the driver.
 *
 * What the driver guarantees in return (see driver.c):
 *   - The output does not depend on -T: batches are written in input order
 *     and at most 2T+1 of them are in flight, so memory is bounded.
 *   - JSONL: a line that is not an object, lacks the field, has a
 *     non-string field or is longer than 16 MiB is written unchanged (for
 *     report_is_output jobs too), with a message naming its line; apply()
 *     never sees it.  A value that apply() gives back unchanged keeps its
 *     original spelling in the line.
 */
#ifndef ZT_DRIVER_H
#define ZT_DRIVER_H

#include <stddef.h>

#include "cli.h"

/* A growable output buffer handed to jobs. */
typedef struct cli_buf {
    char *data;
    size_t len, cap;
} cli_buf;

void cli_buf_append(cli_buf *b, const void *p, size_t n); /* exits on ENOMEM */
void cli_buf_reserve(cli_buf *b, size_t n); /* room for n more bytes */
void cli_buf_free(cli_buf *b);

typedef enum cli_unit {
    CLI_UNIT_STREAM, /* any piece the job's cut() allows */
    CLI_UNIT_LINES,  /* whole lines */
    CLI_UNIT_DOC     /* a whole file is one document */
} cli_unit;

typedef struct cli_text {
    const char *data;   /* the unit's bytes (not NUL-terminated) */
    size_t len;
    const char *id;     /* raw JSON of the --id field, or NULL */
    size_t idlen;
    const char *source; /* file name ("standard input" for stdin) */
    size_t lineno;      /* 1-based line number of the unit's first line */
    int last;           /* plain text: this unit ends its input */
    size_t offset;      /* plain text: byte offset of the unit in its input */
    size_t part;        /* plain text: units of this input before this one */
} cli_text;

/* Is t one of several pieces of a plain-text file (one past 8 MiB)? */
static inline int cli_text_is_part(const cli_text *t)
{
    return t->part || !t->last;
}

typedef struct cli_job {
    const char *name; /* for messages: "convert" */
    cli_unit unit;
    void *settings;   /* handed to worker_new */
    /* Per-thread state: worker_new returns NULL for out of memory.  Leave
     * both NULL when settings is an immutable handle that the threads can
     * share: it is then handed to apply() as the worker. */
    void *(*worker_new)(void *settings);
    void (*worker_free)(void *worker);
    /* Transform one unit.  Return 0, or non-zero after cli_warn()ing: the
     * unit's input is then passed through unchanged and counted as failed. */
    int (*apply)(void *worker, const cli_text *unit, cli_buf *out,
                 cli_buf *report);
    /* CLI_UNIT_STREAM only: the largest position p in (0, n] at which
     * s[0..n) may be cut so that applying both sides separately gives the
     * same result as applying the whole; 0 if there is none yet. */
    size_t (*cut)(void *worker, const char *s, size_t n);
    /* Report lines go to the main output instead of the text (detect). */
    int report_is_output;
} cli_job;

typedef struct cli_io {
    const char **files; /* NULL-terminated; none means standard input */
    size_t nfiles;
    const char *output; /* -o; NULL = standard output */
    const char *report; /* --report FILE; NULL = none */
    int jsonl;          /* --jsonl */
    const char *field;  /* --field PATH (default "text") */
    const char *id;     /* --id PATH */
    int strict;         /* --strict: exit 1 if any line was malformed */
    int threads;        /* -T N; 0 = all cores; default 1 */
    int progress;       /* -1 auto (stderr is a terminal), 0 no, 1 yes */
} cli_io;

/* Initialise with the defaults. */
void cli_io_init(cli_io *io, int argc);

/* If argv[*i] is one of the common I/O options (-o, --report, --jsonl,
 * --field, --id, --strict, -T/--threads, --progress, --no-progress), a
 * file operand or "--" (after which every argument is a file), consume it
 * (advancing *i past what it took) and return 1. */
int cli_io_option(cli_io *io, int argc, char **argv, int *i);

/* Help text for the common options, for the subcommands' --help. */
extern const char cli_io_help[];

/* Run the job over the inputs.  Returns the process exit status. */
int cli_run(const cli_job *job, const cli_io *io);

#endif
