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
    "\n"
    "Options:\n"
    "  -h, --help     show this help (zhtext COMMAND --help for a command)\n"
    "  -V, --version  show the version\n";

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
    if (strcmp(cmd, "convert") == 0) {
        cli_prog = "zhtext convert";
        return cmd_convert(argc - 1, argv + 1);
    }
    cli_usage_error("unknown command '%s'", cmd);
}
