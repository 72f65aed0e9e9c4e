/*
 * jsonl.h - find, decode and re-encode one string field of a JSON line.
 *
 * JSONL mode must change the bytes of one string value and nothing else:
 * key order, spacing, number spellings and escapes elsewhere in the line are
 * the corpus builder's business.  A JSON library that parses into a tree and
 * serialises it again cannot promise that, and the one measured (jansson
 * 2.14, json_loadb per line) parsed a JSONL copy of the corpus at 54 MB/s,
 * slower than the conversion itself.  So this is a single-pass validating
 * scanner that only records where the wanted values are.
 *
 * It is plain C with no dependency on the CLI, so that the Python binding
 * compiles the same file and gives byte-identical results.
 */
#ifndef ZT_JSONL_H
#define ZT_JSONL_H

#include <stddef.h>

/* Nesting deeper than this is reported as malformed rather than followed:
 * the scanner keeps one bit per level and never recurses. */
#define CLI_JSONL_MAX_DEPTH 1024

/* A dotted field path ("text", "meta.lang"), split into its keys. */
typedef struct cli_jsonl_path {
    char *buf;          /* the keys, NUL-separated */
    const char **key;   /* nkeys pointers into buf */
    size_t *keylen;
    size_t nkeys;
} cli_jsonl_path;

/* Returns 0, or -1 if out of memory or the path has an empty key. */
int cli_jsonl_path_parse(cli_jsonl_path *p, const char *dotted);
void cli_jsonl_path_free(cli_jsonl_path *p);

typedef enum cli_jsonl_status {
    CLI_JSONL_OK = 0,
    CLI_JSONL_SYNTAX,     /* not valid JSON */
    CLI_JSONL_DEEP,       /* nested deeper than CLI_JSONL_MAX_DEPTH */
    CLI_JSONL_NOT_OBJECT, /* valid JSON, but not an object */
    CLI_JSONL_MISSING,    /* the field is absent */
    CLI_JSONL_NOT_STRING  /* the field is present but not a string */
} cli_jsonl_status;

/* Where a value is in the line.  For the text field, [off, off + len) is the
 * string's contents without the quotes. */
typedef struct cli_jsonl_span {
    size_t off, len;
    int found;
    int escaped;        /* the contents hold a backslash */
} cli_jsonl_span;

/*
 * Validate line[0..n) (without its '\n') as one JSON object and find the
 * field and, if `id` is not NULL, the id value (any JSON type; its raw text).
 * When a key occurs twice the last one counts, as with most parsers.
 * Returns CLI_JSONL_OK when the line is valid and the field is a string; the
 * id is optional (idspan->found says whether it was there).  On a syntax
 * error *erroff (if not NULL) is the byte offset where it was seen.
 */
cli_jsonl_status cli_jsonl_scan(const char *line, size_t n,
                                const cli_jsonl_path *field,
                                const cli_jsonl_path *id,
                                cli_jsonl_span *fspan, cli_jsonl_span *idspan,
                                size_t *erroff);

const char *cli_jsonl_strerror(cli_jsonl_status st);

/*
 * Decode the contents of a string that cli_jsonl_scan() accepted into out,
 * which must have room for n bytes (decoding never grows).  Returns the
 * decoded length.  A \u escape of a lone surrogate becomes its three-byte
 * generalised UTF-8 form (ED A0..BF xx), which the library passes through as
 * invalid UTF-8 and cli_jsonl_encode() turns back into the same escape, so
 * such text survives the round trip.  (Raw surrogate bytes in the line,
 * which are invalid UTF-8 and so not JSON, may pair up with an escaped
 * surrogate next to them on the way back: nothing in JSON can say otherwise.)
 */
size_t cli_jsonl_decode(const char *s, size_t n, char *out);

/* Room cli_jsonl_encode() needs for n bytes (0 if that overflows). */
size_t cli_jsonl_encode_bound(size_t n);

/* Encode s[0..n) as the contents of a JSON string (no quotes): '"', '\\'
 * and control characters are escaped, lone-surrogate sequences become \u
 * escapes, every other byte is copied.  Returns the length written. */
size_t cli_jsonl_encode(const char *s, size_t n, char *out);

#endif
