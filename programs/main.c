/* main.c - the zhtext command: dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: zhtext COMMAND [OPTIONS] [FILE...]\n"
    "Chinese text script work: conversion, pinyin and repair of web text.\n"
    "\n"
    "Commands:\n"
    "  convert   Simplified <-> Traditional conversion with OpenCC's answers\n"
    "  pinyin    Hanyu Pinyin of Chinese text, the right reading in context\n"
    "  annotate  annotate text with its readings: 字(zì) or HTML <ruby>\n"
    "  repair    clean text of pages damaged by injected pinyin: 會(huì) -> 会\n"
    "  detect    pinyin-injection score (0..1) of each document\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help (zhtext COMMAND --help for a command)\n"
    "  -V, --version  show the version\n";

/* One line per subcommand; modules add theirs here. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"convert", cmd_convert},
    {"pinyin", cmd_pinyin},
    {"annotate", cmd_annotate},
    {"repair", cmd_repair},
    {"detect", cmd_detect},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("zhtext %s\n", zt_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(cmd, commands[i].name) == 0) {
            static char prog[64];
            snprintf(prog, sizeof prog, "zhtext %s", cmd);
            cli_prog = prog;
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    cli_usage_error("unknown command '%s'", cmd);
}
