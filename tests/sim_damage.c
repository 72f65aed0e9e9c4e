/*
 * sim_damage.c - the damage simulator as a filter, for bench/repair.sh:
 *   sim_damage [-u] < traditional.txt > damaged.txt
 * (test code; see sim_damage.h).
 */
#include <stdio.h>

#include "sim_damage.h"

int main(int argc, char **argv)
{
    size_t cap = 1 << 20, n = 0, r;
    char *in = malloc(cap);
    while (in && (r = fread(in + n, 1, cap - n, stdin)) > 0) {
        n += r;
        if (n == cap)
            in = realloc(in, cap *= 2);
    }
    sim s;
    if (!in || sim_init(&s) != 0) {
        fprintf(stderr, "sim_damage: cannot initialise\n");
        return 1;
    }
    /* -u: decode as Python's errors="replace" (U+FFFD per bad byte). */
    s.each = argc > 1 && strcmp(argv[1], "-u") == 0;
    size_t olen;
    char *out = sim_damage(&s, in, n, &olen);
    fwrite(out, 1, olen, stdout);
    free(out);
    free(in);
    sim_free(&s);
    return 0;
}
