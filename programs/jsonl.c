/*
 * jsonl.c - find, decode and re-encode one string field of a JSON line
 * (see jsonl.h for why this is not a JSON library).
 *
 * The scanner is a loop over an explicit state, not a recursive descent:
 * a line of a million '[' must cost a message, not the stack.  Containers
 * are remembered one bit per level (object or array).  For each wanted path
 * it tracks how deep the chain of enclosing objects still follows the path,
 * which is all that is needed to recognise the wanted value when its key
 * comes by; everything else is validated and skipped.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "jsonl.h"

int cli_jsonl_path_parse(cli_jsonl_path *p, const char *dotted)
{
    memset(p, 0, sizeof *p);
    size_t n = strlen(dotted), k = 1;
    for (size_t i = 0; i < n; i++)
        k += dotted[i] == '.';
    p->buf = malloc(n + 1);
    p->key = malloc(k * sizeof *p->key);
    p->keylen = malloc(k * sizeof *p->keylen);
    if (!p->buf || !p->key || !p->keylen) {
        cli_jsonl_path_free(p);
        return -1;
    }
    memcpy(p->buf, dotted, n + 1);
    char *s = p->buf;
    for (;;) {
        char *dot = strchr(s, '.');
        if (dot)
            *dot = '\0';
        p->key[p->nkeys] = s;
        p->keylen[p->nkeys] = strlen(s);
        if (p->keylen[p->nkeys++] == 0) {
            cli_jsonl_path_free(p);
            return -1;
        }
        if (!dot)
            break;
        s = dot + 1;
    }
    return 0;
}

void cli_jsonl_path_free(cli_jsonl_path *p)
{
    free(p->buf);
    free(p->key);
    free(p->keylen);
    memset(p, 0, sizeof *p);
}

const char *cli_jsonl_strerror(cli_jsonl_status st)
{
    switch (st) {
    case CLI_JSONL_OK: return "ok";
    case CLI_JSONL_SYNTAX: return "malformed JSON";
    case CLI_JSONL_DEEP: return "JSON nested too deeply";
    case CLI_JSONL_NOT_OBJECT: return "not a JSON object";
    case CLI_JSONL_MISSING: return "field missing";
    case CLI_JSONL_NOT_STRING: return "field is not a string";
    }
    return "unknown error";
}

/* Byte classes inside a string: 0 plain, 1 quote, 2 backslash, 3 control. */
static const unsigned char str_class[256] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
};

/* Eight bytes at a time: does the word hold a quote, a backslash or a
 * control byte?  (The classic "has zero byte" trick, as in strlen.)  Most
 * of a line is string contents, so this is where the scanner spends its
 * time. */
#define ONES ((uint64_t)0x0101010101010101ull)
#define HIGHS ((uint64_t)0x8080808080808080ull)

static inline uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline int has_zero(uint64_t v)
{
    return ((v - ONES) & ~v & HIGHS) != 0;
}

static inline int has_special(uint64_t v)
{
    /* Bytes below 0x20 (ASCII only: a high byte never counts). */
    uint64_t ctl = (v - ONES * 0x20) & ~v & HIGHS;
    return ctl != 0 || has_zero(v ^ (ONES * '"')) ||
           has_zero(v ^ (ONES * '\\'));
}

/* How many bytes from p on (at most n) hold no quote, backslash or control
 * byte, and (with ed) no 0xED: sixteen at a time with SSE2, which every
 * x86-64 has, else eight at a time. */
static size_t plain_run(const unsigned char *p, size_t n, int ed)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(0x1F),
                  edb = _mm_set1_epi8((char)(ed ? 0xED : '"'));
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bs)),
            _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl),
                         _mm_cmpeq_epi8(v, edb)));
        unsigned mask = (unsigned)_mm_movemask_epi8(m);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t v = load64(p + i);
        if (has_special(v) || (ed && has_zero(v ^ (ONES * 0xED))))
            break;
        i += 8;
    }
    return i;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* s[*i] is the opening quote.  On success *i is just past the closing
 * quote and *esc says whether there was a backslash. */
static int scan_string(const unsigned char *s, size_t n, size_t *i, int *esc)
{
    size_t p = *i + 1;
    *esc = 0;
    for (;;) {
        p += plain_run(s + p, n - p, 0);
        while (p < n && str_class[s[p]] == 0)
            p++;
        if (p >= n)
            goto bad;
        switch (str_class[s[p]]) {
        case 1:
            *i = p + 1;
            return 0;
        case 2:
            *esc = 1;
            if (p + 1 >= n)
                goto bad;
            switch (s[p + 1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n':
            case 'r': case 't':
                p += 2;
                break;
            case 'u':
                if (p + 6 > n || hexval(s[p + 2]) < 0 || hexval(s[p + 3]) < 0 ||
                    hexval(s[p + 4]) < 0 || hexval(s[p + 5]) < 0)
                    goto bad;
                p += 6;
                break;
            default:
                goto bad;
            }
            break;
        default:
            goto bad;
        }
    }
bad:
    *i = p < n ? p : n;
    return -1;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* RFC 8259 number grammar; *i is just past it on success. */
static int scan_number(const unsigned char *s, size_t n, size_t *i)
{
    size_t p = *i;
    if (p < n && s[p] == '-')
        p++;
    if (p >= n || !is_digit(s[p]))
        goto bad;
    if (s[p] == '0')
        p++;
    else
        while (p < n && is_digit(s[p]))
            p++;
    if (p < n && s[p] == '.') {
        p++;
        if (p >= n || !is_digit(s[p]))
            goto bad;
        while (p < n && is_digit(s[p]))
            p++;
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            p++;
        if (p >= n || !is_digit(s[p]))
            goto bad;
        while (p < n && is_digit(s[p]))
            p++;
    }
    *i = p;
    return 0;
bad:
    *i = p;
    return -1;
}

/* Does the raw key s[0..n) (with escapes if esc) equal want[0..wn)? */
static int key_equals(const char *s, size_t n, int esc, const char *want,
                      size_t wn)
{
    if (!esc)
        return n == wn && memcmp(s, want, n) == 0;
    /* An escaped key decodes to at most n bytes and at least n / 6. */
    if (wn > n || wn < n / 6)
        return 0;
    char small[256];
    char *d = n <= sizeof small ? small : malloc(n);
    if (!d)
        return 0;
    size_t dn = cli_jsonl_decode(s, n, d);
    int eq = dn == wn && memcmp(d, want, wn) == 0;
    if (d != small)
        free(d);
    return eq;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Per wanted path: how deep the chain of open objects follows it, and
 * whether the key just read selects the wanted value. */
typedef struct track {
    const cli_jsonl_path *path;
    cli_jsonl_span *span;
    size_t onpath;     /* containers 1..onpath follow the path */
    int keyhit;        /* the current key continues the path */
    size_t open_depth; /* a container value being recorded, its depth */
    int is_string;     /* the recorded value is a string */
} track;

cli_jsonl_status cli_jsonl_scan(const char *line, size_t n,
                                const cli_jsonl_path *field,
                                const cli_jsonl_path *id,
                                cli_jsonl_span *fspan, cli_jsonl_span *idspan,
                                size_t *erroff)
{
    const unsigned char *s = (const unsigned char *)line;
    uint64_t kind[CLI_JSONL_MAX_DEPTH / 64] = {0}; /* bit set: object */
    size_t depth = 0, i = 0, nt = id ? 2 : 1;
    track t[2] = {{field, fspan, 0, 0, 0, 0}, {id, idspan, 0, 0, 0, 0}};
    cli_jsonl_status st = CLI_JSONL_SYNTAX;
    int top_object = 0;
    memset(fspan, 0, sizeof *fspan);
    if (idspan)
        memset(idspan, 0, sizeof *idspan);

    /* States: expecting a value; after a value; after '{' or '['. */
    enum { VALUE, AFTER, OPENED } state = VALUE;
    for (;;) {
        while (i < n && is_ws(s[i]))
            i++;
        if (state == AFTER) {
            if (depth == 0) {
                if (i != n)
                    goto out;
                break;
            }
            if (i >= n)
                goto out;
            int obj = (kind[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1;
            if (s[i] == ',') {
                i++;
                if (obj)
                    goto key;
                state = VALUE;
                continue;
            }
            if (s[i] != (obj ? '}' : ']'))
                goto out;
        close:
            i++;
            for (size_t k = 0; k < nt; k++) {
                if (t[k].onpath == depth)
                    t[k].onpath = depth - 1;
                if (t[k].open_depth == depth) {
                    t[k].span->len = i - t[k].span->off;
                    t[k].open_depth = 0;
                }
            }
            depth--;
            state = AFTER;
            continue;
        }
        if (state == OPENED) {
            int obj = (kind[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1;
            if (i < n && s[i] == (obj ? '}' : ']'))
                goto close;
            if (!obj) {
                state = VALUE;
                continue;
            }
        key:
            /* An object member: "key" ws ':' then the value. */
            while (i < n && is_ws(s[i]))
                i++;
            if (i >= n || s[i] != '"')
                goto out;
            {
                size_t k0 = i;
                int esc;
                if (scan_string(s, n, &i, &esc) != 0)
                    goto out;
                for (size_t k = 0; k < nt; k++) {
                    const cli_jsonl_path *p = t[k].path;
                    t[k].keyhit = t[k].onpath == depth && depth <= p->nkeys &&
                                  key_equals(line + k0 + 1, i - k0 - 2, esc,
                                             p->key[depth - 1],
                                             p->keylen[depth - 1]);
                }
            }
            while (i < n && is_ws(s[i]))
                i++;
            if (i >= n || s[i] != ':')
                goto out;
            i++;
            while (i < n && is_ws(s[i]))
                i++;
            state = VALUE;
        }

        /* A value starts at i. */
        if (i >= n)
            goto out;
        size_t v0 = i;
        int target[2] = {0, 0};
        for (size_t k = 0; k < nt; k++) {
            target[k] = t[k].keyhit && depth == t[k].path->nkeys;
            /* A later duplicate key replaces an earlier value, also when
             * it is the key of an enclosing object on the path. */
            if (t[k].keyhit) {
                memset(t[k].span, 0, sizeof *t[k].span);
                t[k].open_depth = 0;
                t[k].is_string = 0;
            }
            if (target[k]) {
                t[k].span->found = 1;
                t[k].span->off = v0;
            }
        }
        unsigned char c = s[i];
        if (c == '{' || c == '[') {
            if (depth == CLI_JSONL_MAX_DEPTH) {
                st = CLI_JSONL_DEEP;
                goto out;
            }
            if (depth == 0)
                top_object = c == '{';
            uint64_t bit = (uint64_t)1 << (depth % 64);
            if (c == '{')
                kind[depth / 64] |= bit;
            else
                kind[depth / 64] &= ~bit;
            for (size_t k = 0; k < nt; k++) {
                /* The top-level object is on every path; a member object
                 * continues it when its key did. */
                if (c == '{' && t[k].onpath == depth &&
                    (depth == 0 || (t[k].keyhit && depth < t[k].path->nkeys)))
                    t[k].onpath = depth + 1;
                t[k].keyhit = 0;
                if (target[k])
                    t[k].open_depth = depth + 1;
            }
            depth++;
            i++;
            state = OPENED;
            continue;
        }
        int esc = 0, is_str = 0;
        if (c == '"') {
            if (scan_string(s, n, &i, &esc) != 0)
                goto out;
            is_str = 1;
        } else if (c == '-' || is_digit(c)) {
            if (scan_number(s, n, &i) != 0)
                goto out;
        } else if (n - i >= 4 && memcmp(s + i, "true", 4) == 0) {
            i += 4;
        } else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0) {
            i += 5;
        } else if (n - i >= 4 && memcmp(s + i, "null", 4) == 0) {
            i += 4;
        } else {
            goto out;
        }
        for (size_t k = 0; k < nt; k++) {
            t[k].keyhit = 0;
            if (target[k]) {
                t[k].span->len = i - v0;
                t[k].is_string = is_str;
                t[k].span->escaped = esc;
            }
        }
        state = AFTER;
    }

    /* Valid JSON.  The text field is reported as its contents. */
    if (!top_object)
        return CLI_JSONL_NOT_OBJECT;
    if (!fspan->found)
        return CLI_JSONL_MISSING;
    if (!t[0].is_string)
        return CLI_JSONL_NOT_STRING;
    fspan->off += 1;
    fspan->len -= 2;
    return CLI_JSONL_OK;
out:
    if (erroff)
        *erroff = i;
    return st;
}

/* Append code point cp as (generalised) UTF-8; surrogates are allowed. */
static size_t put_utf8(char *o, uint32_t cp)
{
    unsigned char *u = (unsigned char *)o;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (cp >> 18));
    u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static uint32_t hex4(const char *s)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++)
        v = v << 4 | (uint32_t)hexval((unsigned char)s[k]);
    return v;
}

size_t cli_jsonl_decode(const char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (i >= n)
            break;
        /* The scanner has checked the escapes; stay safe if it has not. */
        if (i + 1 >= n) {
            out[o++] = s[i++];
            break;
        }
        char e = s[i + 1];
        switch (e) {
        case 'b': out[o++] = '\b'; i += 2; continue;
        case 'f': out[o++] = '\f'; i += 2; continue;
        case 'n': out[o++] = '\n'; i += 2; continue;
        case 'r': out[o++] = '\r'; i += 2; continue;
        case 't': out[o++] = '\t'; i += 2; continue;
        case 'u': break;
        default: out[o++] = e; i += 2; continue;
        }
        if (i + 6 > n) {
            out[o++] = s[i++];
            continue;
        }
        uint32_t cp = hex4(s + i + 2);
        i += 6;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n && s[i] == '\\' &&
            s[i + 1] == 'u') {
            uint32_t lo = hex4(s + i + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        o += put_utf8(out + o, cp);
    }
    return o;
}

size_t cli_jsonl_encode_bound(size_t n)
{
    return n > SIZE_MAX / 6 ? 0 : n * 6;
}

static const char hexdig[] = "0123456789abcdef";

/* Bytes that need attention when encoding: 1 escape, 2 maybe a surrogate. */
static const unsigned char enc_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    [0xED] = 2,
};

size_t cli_jsonl_encode(const char *s, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        size_t j = i + plain_run(u + i, n - i, 1);
        while (j < n && enc_class[u[j]] == 0)
            j++;
        memcpy(out + o, s + i, j - i);
        o += j - i;
        i = j;
        if (i >= n)
            break;
        unsigned char c = u[i];
        if (c == 0xED) {
            /* ED A0..BF xx is a surrogate, which only a \u escape can
             * carry in JSON; anything else after ED is copied. */
            if (i + 2 < n && u[i + 1] >= 0xA0 && u[i + 1] <= 0xBF &&
                (u[i + 2] & 0xC0) == 0x80) {
                uint32_t cp = 0xD000 | (uint32_t)(u[i + 1] & 0x3F) << 6 |
                              (u[i + 2] & 0x3F);
                out[o++] = '\\';
                out[o++] = 'u';
                out[o++] = hexdig[(cp >> 12) & 15];
                out[o++] = hexdig[(cp >> 8) & 15];
                out[o++] = hexdig[(cp >> 4) & 15];
                out[o++] = hexdig[cp & 15];
                i += 3;
            } else {
                out[o++] = (char)c;
                i++;
            }
            continue;
        }
        out[o++] = '\\';
        switch (c) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '\b': out[o++] = 'b'; break;
        case '\f': out[o++] = 'f'; break;
        case '\n': out[o++] = 'n'; break;
        case '\r': out[o++] = 'r'; break;
        case '\t': out[o++] = 't'; break;
        default:
            out[o++] = 'u';
            out[o++] = '0';
            out[o++] = '0';
            out[o++] = hexdig[c >> 4];
            out[o++] = hexdig[c & 15];
        }
        i++;
    }
    return o;
}
