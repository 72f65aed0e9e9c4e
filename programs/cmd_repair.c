/* cmd_repair.c - zhtext repair: undo injected pinyin and GBK damage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

static const char usage[] =
    "Usage: zhtext repair [--strip MODE] [--script SCRIPT] [--boilerplate MODE]\n"
    "                     [--lone MODE] [--margin N] [--report FILE] [OPTIONS]\n"
    "                     [FILE...]\n"
    "Give back the clean text of web pages damaged by a pinyin-injecting tool:\n"
    "'會(huì)議' -> '会议', '日?qǐng)?bào)' -> '日报'.  In plain-text mode a file is one\n"
    "document (past 8 MiB it is repaired and reported in parts cut at line\n"
    "ends, each report with \"part\":K and offsets from the file's start);\n"
    "with --jsonl each line's field is one.\n"
    "\n"
    "  --strip auto|all|none         remove injected readings; auto leaves a\n"
    "                                document annotated on purpose alone (auto)\n"
    "  --script simplified|traditional|keep   script of the result (simplified)\n"
    "  --boilerplate keep|mark|drop  page furniture lines (keep); mark prefixes\n"
    "                                them with '" ZT_BOILERPLATE_MARKER "'\n"
    "  --lone search|leave           a lone '?' hiding two bytes: search them\n"
    "                                (search), or leave its run as it was and\n"
    "                                report it, 'unsearched' (several times\n"
    "                                faster, for filters that drop such lines)\n"
    "  --margin N                    write a reading of hidden bytes only where\n"
    "                                it is e^N times as likely as all others\n"
    "                                together (N + 0.5 where only holes are\n"
    "                                in doubt), else report the spot; lower\n"
    "                                recovers more and is more often wrong\n"
    "                                unreported (0 to 50, default 4.75)\n"
    "  --report FILE                 one JSON object per document: readings\n"
    "                                removed, bytes recovered, unresolved spots\n"
    "                                (byte offsets), boilerplate lines, score\n"
    "  -h, --help                    show this help\n";

typedef struct repair_job {
    zt_repairer *r;
    int report; /* --report was given: build the report (else skip it, and
                   the furniture check that only it would show) */
} repair_job;

/* Repair one document.  A plain-text file past 8 MiB comes in pieces (the
 * driver keeps memory bounded); each gets its own report object, with its
 * offsets and line numbers counted from the start of the file and
 * "part":K added, so that the objects of one file add up. */
static int apply(void *w, const cli_text *t, cli_buf *out, cli_buf *report)
{
    const repair_job *job = w;
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *res = NULL, *js = NULL;
    size_t n = 0, jn = 0;
    zt_status st = zt_repair_alloc(job->r, t->data, t->len, &res, &n,
                                   job->report ? &rep : NULL);
    if (st == ZT_OK && job->report) {
        for (size_t k = 0; k < rep.nunresolved; k++)
            rep.unresolved[k].offset += t->offset;
        for (size_t k = 0; t->part && k < rep.nboilerplate; k++)
            rep.boilerplate[k].line += t->lineno - 1;
        st = zt_repair_report_json(&rep, t->id, t->id ? t->idlen : 0, &js, &jn);
    }
    zt_repair_report_free(&rep);
    if (st != ZT_OK) {
        zt_free(res);
        cli_warn("%s:%zu: %s", t->source, t->lineno, zt_strerror(st));
        return 1;
    }
    cli_buf_append(out, res, n);
    if (!js) {
        /* no report asked for */
    } else if (cli_text_is_part(t) && jn && js[jn - 1] == '}') {
        char part[48];
        int pn = snprintf(part, sizeof part, ",\"part\":%zu}", t->part);
        cli_buf_append(report, js, jn - 1);
        cli_buf_append(report, part, (size_t)pn);
    } else {
        cli_buf_append(report, js, jn);
    }
    zt_free(res);
    zt_free(js);
    return 0;
}

static int parse_enum(const char *opt, const char *v, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0)
            return i;
    cli_usage_error("bad value '%s' for %s", v, opt);
}

/* --margin's value: a number from 0 to 50. */
static float parse_margin(const char *v)
{
    char *end;
    double m = strtod(v, &end);
    if (end == v || *end != '\0' || !(m >= 0 && m <= 50))
        cli_usage_error("--margin: '%s' is not a number from 0 to 50", v);
    return (float)m;
}

int cmd_repair(int argc, char **argv)
{
    static const char *const strips[] = {"auto", "all", "none", NULL};
    static const char *const scripts[] = {"simplified", "traditional", "keep", NULL};
    static const char *const boilers[] = {"keep", "mark", "drop", NULL};
    static const char *const lones[] = {"search", "leave", NULL};
    zt_repair_options opt;
    zt_repair_options_init(&opt);
    cli_io io;
    cli_io_init(&io, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            fputs(cli_io_help, stdout);
            free(io.files); /* the help exits early */
            return 0;
        }
        const char *name = NULL;
        if (strcmp(a, "--strip") == 0 || strcmp(a, "--script") == 0 ||
            strcmp(a, "--boilerplate") == 0 || strcmp(a, "--lone") == 0 ||
            strcmp(a, "--margin") == 0) {
            if (++i >= argc)
                cli_usage_error("option %s needs a value", a);
            name = a;
            v = argv[i];
        } else if (strncmp(a, "--strip=", 8) == 0) {
            name = "--strip", v = a + 8;
        } else if (strncmp(a, "--script=", 9) == 0) {
            name = "--script", v = a + 9;
        } else if (strncmp(a, "--boilerplate=", 14) == 0) {
            name = "--boilerplate", v = a + 14;
        } else if (strncmp(a, "--lone=", 7) == 0) {
            name = "--lone", v = a + 7;
        } else if (strncmp(a, "--margin=", 9) == 0) {
            name = "--margin", v = a + 9;
        } else if (!cli_io_option(&io, argc, argv, &i)) {
            cli_usage_error("unknown option '%s'", a);
        }
        if (!name)
            continue;
        if (strcmp(name, "--strip") == 0)
            opt.strip = (zt_strip_mode)parse_enum(name, v, strips);
        else if (strcmp(name, "--script") == 0)
            opt.script = (zt_script)parse_enum(name, v, scripts);
        else if (strcmp(name, "--lone") == 0)
            opt.lone = (zt_lone_mode)parse_enum(name, v, lones);
        else if (strcmp(name, "--margin") == 0)
            opt.margin = parse_margin(v);
        else
            opt.boilerplate = (zt_boilerplate_mode)parse_enum(name, v, boilers);
    }
    zt_repairer *r;
    zt_status st = zt_repairer_new(&opt, &r);
    if (st != ZT_OK)
        cli_fail("%s", zt_strerror(st));
    repair_job rj = {r, io.report != NULL};
    cli_job job = {
        .name = "repair",
        .unit = CLI_UNIT_DOC,
        .settings = &rj,
        .apply = apply,
    };
    int rc = cli_run(&job, &io);
    zt_repairer_free(r);
    free(io.files);
    return rc;
}
