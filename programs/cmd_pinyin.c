/*
 * cmd_pinyin.c - zhtext pinyin and zhtext annotate.
 *
 * The two commands share their options (style, tone changes, user
 * dictionaries) and differ only in the call they make per unit, so both are
 * parsed here; cmd_annotate.c is the annotate entry point.
 */
#include <stdlib.h>
#include <string.h>

#include "driver.h"

static const char pinyin_usage[] =
    "Usage: zhtext pinyin [-s STYLE] [--heteronym] [--sandhi|--spoken] [--sep SEP]\n"
    "                     [-d USERDICT]... [OPTIONS] [FILE...]\n"
    "Write the Hanyu Pinyin of Chinese text (Simplified or Traditional), with\n"
    "the reading each polyphonic character has in context.  Text that is not\n"
    "Han passes through unchanged; one output line per input line.\n"
    "\n"
    "      --sep SEP       between syllables (default: a space)\n";

static const char annotate_usage[] =
    "Usage: zhtext annotate [--format inline|ruby] [-s STYLE] [--which all|polyphonic]\n"
    "                       [--chars LIST] [--html] [-d USERDICT]... [OPTIONS] [FILE...]\n"
    "Annotate Chinese text with its readings: 字(zì) inline, or HTML\n"
    "<ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>.  Every other byte is kept.\n"
    "\n"
    "      --format F      inline (default) or ruby\n"
    "      --which W       all (default): every Han character; polyphonic: only\n"
    "                      characters with several readings\n"
    "      --chars LIST    only the characters in LIST (either script matches)\n"
    "      --html          the input is HTML: only text nodes are annotated;\n"
    "                      tags, comments, entities, scripts and styles are kept\n";

static const char common_usage[] =
    "  -s, --style STYLE   tone (zhōng, default), num (zhong1), none (zhong),\n"
    "                      initial, final, first, zhuyin (ㄓㄨㄥ); pypinyin's\n"
    "                      TONE TONE3 NORMAL INITIALS FINALS FIRST_LETTER BOPOMOFO\n"
    "  -v, --v             write ü as v in every style\n"
    "      --u             write ü as ü in every style (default: ü with tone\n"
    "                      marks and zhuyin, v in the ASCII styles)\n"
    "      --omit-neutral  num style: no 5 for the neutral tone\n"
    "      --heteronym     every reading of each character, the chosen one\n"
    "                      first, joined by '/'\n"
    "      --sandhi        tone changes of 一 and 不 (一个 yí gè)\n"
    "      --spoken        --sandhi and third-tone sandhi (你好 ní hǎo)\n"
    "  -d, --dict FILE     user dictionary: 词语<TAB>ci2 yu3 lines, taking\n"
    "                      precedence over built-in words (repeatable)\n"
    "  -h, --help          show this help\n";

typedef struct settings {
    zt_pinyin *p;
    zt_annotate_options ann;
    const char *sep;
    int annotate;
} settings;

static int apply(void *w, const cli_text *t, cli_buf *out, cli_buf *report)
{
    (void)report;
    const settings *s = w;
    size_t n;
    zt_status st;
    cli_buf_reserve(out, t->len * 4 + 64);
    for (;;) {
        if (s->annotate)
            st = zt_annotate(s->p, &s->ann, t->data, t->len,
                             out->data + out->len, out->cap - out->len, &n);
        else
            st = zt_pinyin_text(s->p, t->data, t->len, s->sep,
                                out->data + out->len, out->cap - out->len, &n);
        if (st != ZT_ESPACE)
            break;
        cli_buf_reserve(out, n);
    }
    if (st != ZT_OK) {
        cli_warn("%s:%zu: %s", t->source, t->lineno, zt_strerror(st));
        return 1;
    }
    out->len += n;
    return 0;
}

static const char *value(int argc, char **argv, int *i, const char *name)
{
    if (++*i >= argc)
        cli_usage_error("option %s needs a value", name);
    return argv[*i];
}

int cli_pinyin_main(int argc, char **argv, int annotate);

int cli_pinyin_main(int argc, char **argv, int annotate)
{
    zt_pinyin_options po;
    settings s;
    memset(&s, 0, sizeof s);
    zt_pinyin_options_init(&po);
    zt_annotate_options_init(&s.ann);
    s.annotate = annotate;
    s.sep = " ";
    const char **dictpaths = calloc((size_t)argc + 1, sizeof *dictpaths);
    size_t ndicts = 0;
    const char *chars = NULL;
    cli_io io;
    cli_io_init(&io, argc);
    if (!dictpaths)
        cli_fail("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(annotate ? annotate_usage : pinyin_usage, stdout);
            fputs(common_usage, stdout);
            fputs(cli_io_help, stdout);
            free(io.files); /* the help exits early */
            free(dictpaths);
            return 0;
        } else if (strcmp(a, "-s") == 0 || strcmp(a, "--style") == 0 ||
                   strncmp(a, "--style=", 8) == 0) {
            v = a[1] == 's' || a[7] == '\0' ? value(argc, argv, &i, a) : a + 8;
            if (zt_pinyin_style_parse(v, &po.style) != ZT_OK)
                cli_usage_error("unknown style '%s'", v);
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--v") == 0) {
            po.u_form = ZT_PINYIN_U_V;
        } else if (strcmp(a, "--u") == 0) {
            po.u_form = ZT_PINYIN_U_UMLAUT;
        } else if (strcmp(a, "--omit-neutral") == 0) {
            po.omit_neutral = 1;
        } else if (strcmp(a, "--heteronym") == 0) {
            po.heteronym = 1;
        } else if (strcmp(a, "--sandhi") == 0) {
            po.sandhi = 1;
        } else if (strcmp(a, "--spoken") == 0) {
            po.spoken = 1;
        } else if (!annotate && strcmp(a, "--sep") == 0) {
            s.sep = value(argc, argv, &i, a);
        } else if (!annotate && strncmp(a, "--sep=", 6) == 0) {
            s.sep = a + 6;
        } else if (strcmp(a, "-d") == 0 || strcmp(a, "--dict") == 0) {
            dictpaths[ndicts++] = value(argc, argv, &i, a);
        } else if (strncmp(a, "--dict=", 7) == 0) {
            dictpaths[ndicts++] = a + 7;
        } else if (annotate && (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0)) {
            v = a[8] ? a + 9 : value(argc, argv, &i, a);
            if (strcmp(v, "inline") == 0)
                s.ann.format = ZT_ANNOTATE_INLINE;
            else if (strcmp(v, "ruby") == 0)
                s.ann.format = ZT_ANNOTATE_RUBY;
            else
                cli_usage_error("unknown format '%s' (inline or ruby)", v);
        } else if (annotate && (strcmp(a, "--which") == 0 || strncmp(a, "--which=", 8) == 0)) {
            v = a[7] ? a + 8 : value(argc, argv, &i, a);
            if (strcmp(v, "all") == 0)
                s.ann.which = ZT_ANNOTATE_ALL;
            else if (strcmp(v, "polyphonic") == 0)
                s.ann.which = ZT_ANNOTATE_POLYPHONIC;
            else
                cli_usage_error("unknown --which '%s' (all or polyphonic)", v);
        } else if (annotate && (strcmp(a, "--chars") == 0 || strncmp(a, "--chars=", 8) == 0)) {
            chars = a[7] ? a + 8 : value(argc, argv, &i, a);
        } else if (annotate && strcmp(a, "--html") == 0) {
            s.ann.html = 1;
        } else if (!cli_io_option(&io, argc, argv, &i)) {
            cli_usage_error("unknown option '%s'", a);
        }
    }
    if (chars) {
        s.ann.which = ZT_ANNOTATE_LIST;
        s.ann.chars = chars;
        s.ann.nchars = strlen(chars);
    }
    zt_dict **dicts = cli_load_dicts((const char *const *)dictpaths, ndicts);
    po.dicts = (const zt_dict *const *)dicts;
    po.ndicts = ndicts;
    zt_status st = zt_pinyin_new(&po, &s.p);
    if (st == ZT_EDICT)
        cli_fail("a user dictionary has a reading that is not pinyin, or not one "
                 "syllable per character");
    if (st != ZT_OK)
        cli_fail("%s", zt_strerror(st));
    cli_free_dicts(dicts, ndicts);
    free(dictpaths);

    cli_job job = {
        .name = annotate ? "annotate" : "pinyin",
        /* HTML elements span lines (a <script> block): the walker must see
         * the whole document.  Annotation adds no line breaks either way. */
        .unit = annotate && s.ann.html ? CLI_UNIT_DOC : CLI_UNIT_LINES,
        .settings = &s,
        .apply = apply,
    };
    int rc = cli_run(&job, &io);
    zt_pinyin_free(s.p);
    free(io.files);
    return rc;
}

int cmd_pinyin(int argc, char **argv)
{
    return cli_pinyin_main(argc, argv, 0);
}
