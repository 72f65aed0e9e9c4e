/* cmd_convert.c - zhtext convert: Simplified/Traditional conversion. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: zhtext convert -c CONFIG [-d USERDICT]... [-o OUT] [FILE...]\n"
    "       zhtext convert --list\n"
    "Convert between Simplified and Traditional Chinese with OpenCC's answers.\n"
    "Reads the FILEs (or standard input, also for '-') and writes the result.\n"
    "\n"
    "  -c, --config CONFIG  s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp\n"
    "                       t2tw tw2t t2hk hk2t t2jp jp2t ('s2t.json' also works)\n"
    "  -d, --dict FILE      user phrase dictionary, key<TAB>value lines; its\n"
    "                       entries take precedence (repeatable; later wins)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "      --list           list the configurations and exit\n"
    "  -h, --help           show this help\n";

#define IN_CHUNK (1u << 20)

static void list_configs(void)
{
    for (size_t i = 0; i < zt_config_count(); i++)
        printf("%-6s %s\n", zt_config_name(i), zt_config_description(i));
}

static void convert_fd(zt_stream *s, int fd, const char *name, char *buf,
                       cli_out *out)
{
    const char *o;
    size_t olen, n;
    while ((n = cli_read(fd, name, buf, IN_CHUNK)) > 0) {
        zt_status st = zt_stream_push(s, buf, n, &o, &olen);
        if (st != ZT_OK)
            cli_fail("%s: %s", name, zt_strerror(st));
        cli_out_write(out, o, olen);
    }
    zt_status st = zt_stream_finish(s, &o, &olen);
    if (st != ZT_OK)
        cli_fail("%s: %s", name, zt_strerror(st));
    cli_out_write(out, o, olen);
}

int cmd_convert(int argc, char **argv)
{
    const char *config = NULL, *output = NULL;
    const char **dictpaths = calloc((size_t)argc + 1, sizeof *dictpaths);
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t ndicts = 0, nfiles = 0;
    int opts_done = 0;
    if (!dictpaths || !files)
        cli_fail("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define OPT_ARG(shortname, longname)                                          \
    ((strcmp(a, shortname) == 0 || strcmp(a, longname) == 0)                  \
         ? (i + 1 < argc ? (val = argv[++i], 1)                               \
                         : (cli_usage_error("option %s needs a value", a), 0)) \
     : (strncmp(a, longname "=", sizeof(longname)) == 0)                      \
         ? (val = a + sizeof(longname), 1)                                    \
         : 0)
        if (opts_done || a[0] != '-' || strcmp(a, "-") == 0)
            files[nfiles++] = a;
        else if (strcmp(a, "--") == 0)
            opts_done = 1;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--list") == 0) {
            list_configs();
            return 0;
        } else if (OPT_ARG("-c", "--config"))
            config = val;
        else if (OPT_ARG("-d", "--dict"))
            dictpaths[ndicts++] = val;
        else if (OPT_ARG("-o", "--output"))
            output = val;
        else
            cli_usage_error("convert: unknown option '%s'", a);
#undef OPT_ARG
    }
    if (!config)
        cli_usage_error("convert: -c CONFIG is required (see 'zhtext convert --list')");

    zt_dict **dicts = calloc(ndicts + 1, sizeof *dicts);
    if (!dicts)
        cli_fail("out of memory");
    for (size_t i = 0; i < ndicts; i++) {
        size_t line = 0;
        zt_status st = zt_dict_load_file(dictpaths[i], &dicts[i], &line);
        if (st == ZT_EDICT)
            cli_fail("%s:%zu: %s", dictpaths[i], line, zt_strerror(st));
        if (st != ZT_OK)
            cli_fail("cannot load dictionary %s: %s", dictpaths[i],
                     zt_strerror(st));
    }
    zt_converter *conv;
    zt_status st = zt_converter_new(config, (const zt_dict *const *)dicts,
                                    ndicts, &conv);
    if (st == ZT_ECONFIG)
        cli_fail("unknown configuration '%s' (see 'zhtext convert --list')", config);
    if (st != ZT_OK)
        cli_fail("%s", zt_strerror(st));
    for (size_t i = 0; i < ndicts; i++)
        zt_dict_free(dicts[i]);
    free(dicts);

    /* Open every input before writing anything, so that a missing file is
     * reported before -o truncates anything. */
    if (nfiles == 0)
        files[nfiles++] = "-";
    int *fds = calloc(nfiles, sizeof *fds);
    if (!fds)
        cli_fail("out of memory");
    for (size_t i = 0; i < nfiles; i++)
        fds[i] = cli_open_input(files[i]);

    cli_out out;
    cli_out_open(&out, output);
    zt_stream *s;
    if (zt_stream_new(conv, &s) != ZT_OK)
        cli_fail("out of memory");
    char *buf = malloc(IN_CHUNK);
    if (!buf)
        cli_fail("out of memory");
    for (size_t i = 0; i < nfiles; i++) {
        const char *name = strcmp(files[i], "-") ? files[i] : "standard input";
        convert_fd(s, fds[i], name, buf, &out);
        if (fds[i] != 0)
            close(fds[i]);
    }
    cli_out_close(&out);
    free(buf);
    free(fds);
    zt_stream_free(s);
    zt_converter_free(conv);
    free(files);
    free(dictpaths);
    return 0;
}
