/* cmd_annotate.c - zhtext annotate: its options are pinyin's plus the
 * annotation ones, so cmd_pinyin.c parses both. */
#include "cli.h"

int cli_pinyin_main(int argc, char **argv, int annotate);

int cmd_annotate(int argc, char **argv)
{
    return cli_pinyin_main(argc, argv, 1);
}
