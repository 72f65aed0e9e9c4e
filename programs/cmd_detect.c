/* cmd_detect.c - zhtext detect: the injection score of each document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

static const char usage[] =
    "Usage: zhtext detect [OPTIONS] [FILE...]\n"
    "Print one JSON object per document with its pinyin-injection score, from\n"
    "0 (clean) to 1 (injected), for corpus filters: {\"score\":0.912}, with\n"
    "\"id\" first under --id.  A file is one document (past 8 MiB, one object\n"
    "per part, with \"part\":K); with --jsonl, each line.\n"
    "  -h, --help   show this help\n";

static int apply(void *w, const cli_text *t, cli_buf *out, cli_buf *report)
{
    (void)out;
    double score;
    zt_status st = zt_repair_detect(w, t->data, t->len, &score);
    if (st != ZT_OK) {
        cli_warn("%s:%zu: %s", t->source, t->lineno, zt_strerror(st));
        return 1;
    }
    char tmp[96];
    int n;
    if (cli_text_is_part(t))
        n = snprintf(tmp, sizeof tmp, "\"score\":%.3f,\"part\":%zu}", score,
                     t->part);
    else
        n = snprintf(tmp, sizeof tmp, "\"score\":%.3f}", score);
    cli_buf_append(report, "{", 1);
    if (t->id) {
        cli_buf_append(report, "\"id\":", 5);
        cli_buf_append(report, t->id, t->idlen);
        cli_buf_append(report, ",", 1);
    }
    cli_buf_append(report, tmp, (size_t)n);
    return 0;
}

int cmd_detect(int argc, char **argv)
{
    cli_io io;
    cli_io_init(&io, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            fputs(cli_io_help, stdout);
            free(io.files); /* the help exits early */
            return 0;
        } else if (!cli_io_option(&io, argc, argv, &i)) {
            cli_usage_error("unknown option '%s'", a);
        }
    }
    zt_repair_options opt;
    zt_repair_options_init(&opt);
    opt.script = ZT_SCRIPT_KEEP;
    zt_repairer *r;
    zt_status st = zt_repairer_new(&opt, &r);
    if (st != ZT_OK)
        cli_fail("%s", zt_strerror(st));
    cli_job job = {
        .name = "detect",
        .unit = CLI_UNIT_DOC,
        .settings = r,
        .apply = apply,
        .report_is_output = 1,
    };
    int rc = cli_run(&job, &io);
    zt_repairer_free(r);
    free(io.files);
    return rc;
}
