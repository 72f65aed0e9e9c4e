/* cmd_convert.c - zhtext convert: Simplified/Traditional conversion. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"

static const char usage[] =
    "Usage: zhtext convert -c CONFIG [-d USERDICT]... [OPTIONS] [FILE...]\n"
    "       zhtext convert --list\n"
    "Convert between Simplified and Traditional Chinese with OpenCC's answers.\n"
    "Reads the FILEs (or standard input, also for '-') and writes the result.\n"
    "\n"
    "  -c, --config CONFIG  s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp\n"
    "                       t2tw tw2t t2hk hk2t t2jp jp2t ('s2t.json' also works)\n"
    "  -d, --dict FILE      user phrase dictionary, key<TAB>value lines; its\n"
    "                       entries take precedence (repeatable; later wins)\n"
    "      --html           the input is HTML: convert text nodes only; tags,\n"
    "                       attributes, comments, entities, <script> and <style>\n"
    "                       stay byte for byte (a file is one document)\n"
    "      --list           list the configurations and exit\n"
    "  -h, --help           show this help\n";

static void list_configs(void)
{
    for (size_t i = 0; i < zt_config_count(); i++)
        printf("%-6s %s\n", zt_config_name(i), zt_config_description(i));
}

static int apply(void *w, const cli_text *t, cli_buf *out, cli_buf *report)
{
    (void)report;
    const zt_converter *conv = w;
    size_t need = zt_convert_bound(conv, t->len);
    cli_buf_reserve(out, need);
    size_t n;
    zt_status st = zt_convert(conv, t->data, t->len, out->data + out->len,
                              out->cap - out->len, &n);
    if (st != ZT_OK) {
        cli_warn("%s:%zu: %s", t->source, t->lineno, zt_strerror(st));
        return 1;
    }
    out->len += n;
    return 0;
}

/* HTML mode: convert each text node, copy all markup unchanged.  A text
 * node is converted on its own, so no phrase spans a tag. */
typedef struct html_ctx {
    const zt_converter *conv;
    cli_buf *out;
    int failed;
} html_ctx;

static void html_text(void *ctx, const char *s, size_t n)
{
    html_ctx *h = ctx;
    size_t need = zt_convert_bound(h->conv, n), got;
    cli_buf_reserve(h->out, need);
    if (zt_convert(h->conv, s, n, h->out->data + h->out->len, need, &got) != ZT_OK) {
        h->failed = 1;
        return;
    }
    h->out->len += got;
}

static void html_markup(void *ctx, const char *s, size_t n)
{
    html_ctx *h = ctx;
    cli_buf_append(h->out, s, n);
}

static int apply_html(void *w, const cli_text *t, cli_buf *out, cli_buf *report)
{
    (void)report;
    html_ctx h = {w, out, 0};
    zt_html_cb cb = {html_text, html_markup, &h};
    zt_html_walk(t->data, t->len, &cb);
    if (h.failed) {
        cli_warn("%s:%zu: %s", t->source, t->lineno, zt_strerror(ZT_ENOMEM));
        return 1;
    }
    return 0;
}

static size_t cut(void *w, const char *s, size_t n)
{
    return zt_convert_cut(w, s, n);
}

int cmd_convert(int argc, char **argv)
{
    const char *config = NULL;
    const char **dictpaths = calloc((size_t)argc + 1, sizeof *dictpaths);
    size_t ndicts = 0;
    int html = 0;
    cli_io io;
    cli_io_init(&io, argc);
    if (!dictpaths)
        cli_fail("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        size_t l;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            fputs(cli_io_help, stdout);
            free(io.files);
            free(dictpaths);
            return 0;
        } else if (strcmp(a, "--html") == 0) {
            html = 1;
        } else if (strcmp(a, "--list") == 0) {
            list_configs();
            free(io.files);
            free(dictpaths);
            return 0;
        } else if (strcmp(a, "-c") == 0 || strcmp(a, "--config") == 0) {
            if (++i >= argc)
                cli_usage_error("option %s needs a value", a);
            config = argv[i];
        } else if (strncmp(a, "--config=", l = 9) == 0) {
            config = a + l;
        } else if (strcmp(a, "-d") == 0 || strcmp(a, "--dict") == 0) {
            if (++i >= argc)
                cli_usage_error("option %s needs a value", a);
            dictpaths[ndicts++] = argv[i];
        } else if (strncmp(a, "--dict=", l = 7) == 0) {
            dictpaths[ndicts++] = a + l;
        } else if (!cli_io_option(&io, argc, argv, &i)) {
            cli_usage_error("unknown option '%s'", a);
        }
    }
    if (!config)
        cli_usage_error("-c CONFIG is required (see 'zhtext convert --list')");

    zt_dict **dicts = cli_load_dicts((const char *const *)dictpaths, ndicts);
    zt_converter *conv;
    zt_status st = zt_converter_new(config, (const zt_dict *const *)dicts,
                                    ndicts, &conv);
    if (st == ZT_ECONFIG)
        cli_fail("unknown configuration '%s' (see 'zhtext convert --list')",
                 config);
    if (st != ZT_OK)
        cli_fail("%s", zt_strerror(st));
    cli_free_dicts(dicts, ndicts);
    free(dictpaths);

    cli_job job = {
        .name = "convert",
        .unit = html ? CLI_UNIT_DOC : CLI_UNIT_STREAM,
        .settings = conv,
        .apply = html ? apply_html : apply,
        .cut = cut,
    };
    int rc = cli_run(&job, &io);
    zt_converter_free(conv);
    free(io.files);
    return rc;
}
