/*
 * pinyin_internal.h - what the pinyin files share: the handle, the unit of
 * work (one Han character in a run), the engine and the output sink.
 *
 * The flow: a scanner (pinyin_text.c, pinyin_annotate.c) walks the input,
 * gathers each run of consecutive characters that have readings into an
 * array of zt_py_unit, hands the run to zt_py_read_run() (segmentation, word
 * readings, context model, tone changes: pinyin_engine.c) and writes the
 * result through a zt_py_sink in the requested style (pinyin_style.c).
 */
#ifndef ZT_PINYIN_INTERNAL_H
#define ZT_PINYIN_INTERNAL_H

#include "pinyin_tables.h"
#include "trie.h"

/* Longest run handed to the engine at once.  Longer runs of Han text with
 * no punctuation at all are read in pieces of this size; it bounds the
 * engine's memory (it lives on the stack) whatever the input. */
#define ZT_PY_RUN 256

typedef struct zt_py_unit {
    uint32_t cp;     /* the character as written */
    uint32_t simp;   /* its Simplified form (for words and the model) */
    uint32_t rec;    /* character record index (zt_py_char() - 1) */
    size_t off;      /* byte offset in the input */
    uint16_t rd;     /* chosen reading id */
    uint8_t len;     /* byte length in the input */
    uint8_t wlen;    /* length in characters of the word it starts, else 0 */
    uint8_t user;    /* its reading comes from a user dictionary */
} zt_py_unit;

/* A reading as the handle writes it (see zt_pinyin.rstr). */
typedef struct zt_py_rstr {
    uint8_t len;
    char s[23];
} zt_py_rstr;

struct zt_pinyin {
    zt_pinyin_options opt;
    zt_trie *user;   /* user words (values: reading id + 1 as code points) */
    int have_user;
    /* Every reading (zt_py_nsyl * 5 of them) written once in the handle's
     * style when the handle is made, so writing one is a copy rather than
     * the style's string work per character; NULL if one did not fit. */
    zt_py_rstr *rstr;
};

/* Choose readings for u[0..n) (n <= ZT_PY_RUN): sets every rd and wlen. */
ZT_HIDDEN void zt_py_read_run(const zt_pinyin *p, zt_py_unit *u, size_t n);

/* The context model: the reading of the polyphonic character u[i] that no
 * word decided, or `fallback` when the model has nothing to say. */
ZT_HIDDEN unsigned zt_py_model_choose(const zt_py_unit *u, size_t n, size_t i,
                                      unsigned fallback);

/* Output that counts what does not fit: writes while there is room and
 * always advances len, so one pass both fills a caller's buffer and learns
 * the size it needed. */
typedef struct zt_py_sink {
    char *buf;
    size_t cap, len;
} zt_py_sink;

ZT_INLINE void zt_py_put(zt_py_sink *s, const void *p, size_t n)
{
    if (n && s->len <= s->cap && n <= s->cap - s->len)
        memcpy(s->buf + s->len, p, n);
    s->len += n;
}

/* Write reading r in the handle's style (pinyin_style.c). */
ZT_HIDDEN void zt_py_put_reading(zt_py_sink *s, const zt_pinyin_options *o,
                                 unsigned r);
/* Reading r in zhuyin (ㄓㄨㄥ, neutral ˙ first); returns the length or 0
 * if it does not fit in cap (64 is always enough). */
ZT_HIDDEN size_t zt_py_zhuyin(unsigned r, char *out, size_t cap);
/* Write the readings of u: r in the style, or with heteronym every reading
 * of the character (r first) joined by '/'. */
ZT_HIDDEN void zt_py_put_unit(zt_py_sink *s, const zt_pinyin *p,
                              const zt_py_unit *u);
/* Fill p->rstr from p->opt (NULL if a reading does not fit or no memory:
 * the writer then works each one out as before). */
ZT_HIDDEN void zt_py_style_table(zt_pinyin *p);

/* Gather runs of Han units from in[0..len) and call back for each run and
 * each stretch of other bytes (pinyin_text.c). */
typedef struct zt_py_scan_cb {
    void (*other)(void *ctx, const char *s, size_t n);
    void (*run)(void *ctx, const char *in, zt_py_unit *u, size_t n);
    void *ctx;
} zt_py_scan_cb;
ZT_HIDDEN void zt_py_scan(const zt_pinyin *p, const char *in, size_t len,
                          const zt_py_scan_cb *cb);

/* Run a sink-writing job into a caller buffer or new memory. */
typedef void (*zt_py_job)(const void *arg, zt_py_sink *s);
ZT_HIDDEN zt_status zt_py_to_buffer(zt_py_job job, const void *arg, char *out,
                                    size_t cap, size_t *outlen);
ZT_HIDDEN zt_status zt_py_to_alloc(zt_py_job job, const void *arg,
                                   size_t guess, char **out, size_t *outlen);

#endif
