/*
 * zhtext.h - the one public header of libzhtext.
 *
 * libzhtext does Chinese script work on UTF-8 text: Simplified/Traditional
 * conversion with OpenCC's exact answers, Hanyu Pinyin, and repair of
 * damaged web text.  Everything it needs is compiled into the library: there
 * are no data files or paths to configure.
 *
 * Conventions (they hold for every function below):
 *   - Every public name starts with zt_ (functions, types) or ZT_ (macros,
 *     enum values).
 *   - Handles are opaque.  A function that creates one returns ZT_OK and
 *     stores it in *out; the caller owns it and releases it with the
 *     matching _free function (which accepts NULL).
 *   - Functions that can fail return a zt_status; zt_strerror() turns it into
 *     a message.  Output parameters are left untouched on failure unless the
 *     function says otherwise.
 *   - Text is UTF-8 given as (pointer, length); it need not be NUL-terminated
 *     and may contain NUL bytes.  Bytes that are not valid UTF-8 are copied to
 *     the output unchanged.
 *   - Memory returned by an _alloc function belongs to the caller, who frees
 *     it with zt_free().
 *   - The library never prints, never exits and keeps no global mutable
 *     state.  Immutable handles (zt_converter, zt_dict, ...) may be shared by
 *     any number of threads; a zt_stream belongs to one thread at a time.
 */
#ifndef ZHTEXT_H
#define ZHTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define ZT_API __attribute__((visibility("default")))
#else
#define ZT_API
#endif

#define ZT_VERSION_MAJOR 0
#define ZT_VERSION_MINOR 1
#define ZT_VERSION_PATCH 0
#define ZT_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

typedef enum zt_status {
    ZT_OK = 0,
    ZT_ENOMEM = 1,   /* out of memory */
    ZT_EINVAL = 2,   /* invalid argument (NULL handle, bad option value) */
    ZT_ECONFIG = 3,  /* unknown conversion configuration name */
    ZT_EDICT = 4,    /* malformed user dictionary */
    ZT_EIO = 5,      /* a file could not be opened or read */
    ZT_ESPACE = 6,   /* the caller's output buffer is too small */
    ZT_ESTATE = 7,   /* call not allowed in the object's current state */
    ZT_ESTYLE = 8,   /* unknown pinyin style or annotation option */
    ZT_EFORMAT = 9   /* malformed input of a structured kind (JSON, ...) */
} zt_status;

/* A static, human-readable message for a status code. Never NULL. */
ZT_API const char *zt_strerror(zt_status status);

/* The library's version string, e.g. "0.1.0". */
ZT_API const char *zt_version(void);

/* Free memory returned by any zt_*_alloc function. Accepts NULL. */
ZT_API void zt_free(void *ptr);

/* ------------------------------------------------------------------------ */
/* User dictionaries                                                        */
/* ------------------------------------------------------------------------ */

/*
 * A user dictionary: lines of "key<TAB>value".  Empty lines and lines that
 * start with '#' are ignored; a trailing '\r' is ignored; when the value
 * holds several space-separated candidates the first one is used (OpenCC's
 * text format).  A later line with the same key replaces an earlier one.
 * Keys and values must be valid UTF-8 and non-empty.
 *
 * A zt_dict is immutable once loaded and may be shared between threads and
 * between converters; converters keep their own reference, so the caller may
 * free it as soon as the converters that use it are made.
 */
typedef struct zt_dict zt_dict;

/* Load from a file.  On ZT_EDICT, *errline (if not NULL) gets the 1-based
 * number of the first bad line. */
ZT_API zt_status zt_dict_load_file(const char *path, zt_dict **out,
                                   size_t *errline);
ZT_API zt_status zt_dict_load_mem(const char *data, size_t len, zt_dict **out,
                                  size_t *errline);
ZT_API size_t zt_dict_size(const zt_dict *dict); /* number of entries */
ZT_API void zt_dict_free(zt_dict *dict);

/* ------------------------------------------------------------------------ */
/* Simplified / Traditional conversion (OpenCC-compatible)                  */
/* ------------------------------------------------------------------------ */

/* The built-in configurations, in a fixed order: s2t t2s s2tw tw2s s2twp
 * tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t. */
ZT_API size_t zt_config_count(void);
ZT_API const char *zt_config_name(size_t index);        /* NULL if out of range */
ZT_API const char *zt_config_description(size_t index); /* NULL if out of range */

typedef struct zt_converter zt_converter;

/*
 * Make a converter for a configuration.  `config` is a name such as "s2t";
 * OpenCC's file names ("s2t.json", also with a directory) are accepted.
 * `dicts` (may be NULL when ndicts is 0) are user phrase dictionaries that
 * take precedence over the built-in ones: wherever one of their keys occurs
 * (longest key first, scanning left to right), its value is written as is and
 * the built-in conversion applies to the text between such matches.  When
 * several user dictionaries have the same key, the later one wins.
 *
 * The converter is immutable and safe to share between threads.
 */
ZT_API zt_status zt_converter_new(const char *config,
                                  const zt_dict *const *dicts, size_t ndicts,
                                  zt_converter **out);
ZT_API void zt_converter_free(zt_converter *conv);
/* The canonical name of the configuration ("s2t"). */
ZT_API const char *zt_converter_config(const zt_converter *conv);

/* An upper bound of the output size for `len` bytes of input. */
ZT_API size_t zt_convert_bound(const zt_converter *conv, size_t len);

/*
 * Convert into the caller's buffer.  On ZT_OK *outlen is the output length.
 * If the output does not fit, returns ZT_ESPACE and sets *outlen to the size
 * needed (the buffer's contents are then unspecified).  A buffer of
 * zt_convert_bound() bytes always fits, and is converted into directly;
 * the bytes of out[0..cap) past *outlen may then have been written to.
 */
ZT_API zt_status zt_convert(const zt_converter *conv, const char *in,
                            size_t len, char *out, size_t cap, size_t *outlen);

/* Convert into newly allocated memory (free with zt_free).  The result is
 * NUL-terminated for convenience; *outlen excludes the terminator. */
ZT_API zt_status zt_convert_alloc(const zt_converter *conv, const char *in,
                                  size_t len, char **out, size_t *outlen);

/*
 * Where converted pieces may be cut, for callers that split the input
 * themselves (threads, chunked I/O).  Returns p in (0, n] such that
 * converting s[0..p) and s[p..) separately gives exactly what zt_convert()
 * gives for the whole input; the caller then continues from s + p.  Returns
 * 0 when no such p is known from these n bytes yet (give it more text, or
 * convert the rest as the final piece).  Cuts come from the first 1 MiB, so
 * pieces stay small.
 */
ZT_API size_t zt_convert_cut(const zt_converter *conv, const char *s,
                             size_t n);

/*
 * Streaming conversion.  Push input in chunks of any size, split anywhere
 * (even inside a UTF-8 sequence); each call hands back the output that is
 * final so far, and finish() hands back the rest.  The concatenated output
 * never depends on where the chunks were split, and equals zt_convert() on
 * the whole input.  Memory stays bounded whatever the input size: the stream
 * holds back at most about 1 MiB of input.
 *
 * The returned pointer is owned by the stream and valid until the next call
 * on it.  After finish() the stream is ready for a new input.
 */
typedef struct zt_stream zt_stream;

ZT_API zt_status zt_stream_new(const zt_converter *conv, zt_stream **out);
ZT_API zt_status zt_stream_push(zt_stream *s, const char *in, size_t len,
                                const char **out, size_t *outlen);
ZT_API zt_status zt_stream_finish(zt_stream *s, const char **out,
                                  size_t *outlen);
ZT_API void zt_stream_free(zt_stream *s);

/* ---- pinyin: section owned by the pinyin module (lib/pinyin*) ---------- */

/* ------------------------------------------------------------------------ */
/* Hanyu Pinyin                                                             */
/* ------------------------------------------------------------------------ */

/*
 * Every known reading of the character cp, most common first, in
 * tone-number form: lowercase ASCII, ü written as "v", tone digit 1-5
 * (5 = neutral), e.g. "lv4", "ma5".  A Traditional character lists the
 * readings of its Simplified form first.  Stores up to `max` pointers to
 * static strings in out (which may be NULL when max is 0); returns the total
 * number of readings (0 if cp has none).
 */
ZT_API size_t zt_pinyin_readings(uint32_t cp, const char **out, size_t max);

/*
 * Normalise one written syllable in any common form ("zhōng", "zhong1",
 * "ZHONG", "lü4", "lu:4", "lv", "nǚ", "ma0") to tone-number form ("zhong1";
 * "zhong" when no tone is written; neutral as 5).  Writes a NUL-terminated
 * string of at most 8 bytes; returns its length, or 0 if s is not a pinyin
 * syllable (the letters must spell a syllable some character is read as) or
 * it does not fit in cap bytes.
 */
ZT_API size_t zt_pinyin_normalize(const char *s, size_t n, char *out,
                                  size_t cap);
/* Output styles.  The examples are for 中 (zhong1) and 绿 (lv4). */
typedef enum zt_pinyin_style {
    ZT_PINYIN_TONE = 0,   /* zhōng lǜ (pypinyin TONE) */
    ZT_PINYIN_NUM = 1,    /* zhong1 lv4; neutral tone as 5 (TONE3) */
    ZT_PINYIN_NONE = 2,   /* zhong lv (NORMAL) */
    ZT_PINYIN_INITIAL = 3,/* zh l; "" for syllables without one (INITIALS) */
    ZT_PINYIN_FINAL = 4,  /* ong v, in full form: liu -> iou (FINALS) */
    ZT_PINYIN_FIRST = 5,  /* z l (FIRST_LETTER) */
    ZT_PINYIN_ZHUYIN = 6  /* ㄓㄨㄥ ㄌㄩˋ (BOPOMOFO) */
} zt_pinyin_style;

/* A style by name: tone num none initial final first zhuyin, or pypinyin's
 * TONE TONE3 NORMAL INITIALS FINALS FIRST_LETTER BOPOMOFO (any case).
 * Returns ZT_ESTYLE for an unknown name. */
ZT_API zt_status zt_pinyin_style_parse(const char *name, zt_pinyin_style *out);

/* How ü is written: AUTO writes ü with tone marks and in zhuyin, v in the
 * ASCII styles (num, none, final), as pypinyin does. */
enum { ZT_PINYIN_U_AUTO = 0, ZT_PINYIN_U_V = 1, ZT_PINYIN_U_UMLAUT = 2 };

typedef struct zt_pinyin_options {
    zt_pinyin_style style;
    int u_form;        /* ZT_PINYIN_U_* */
    int omit_neutral;  /* num style: write ma, not ma5, for the neutral tone */
    int heteronym;     /* every reading of each character, chosen first,
                          joined by '/' (zhong1/zhong4) */
    int sandhi;        /* tone changes of 一 and 不 (一个 yí gè, 不是 bú shì) */
    int spoken;        /* sandhi plus third-tone sandhi (你好 ní hǎo) */
    /* User dictionaries: lines "词语<TAB>ci2 yu3" (one syllable per
     * character, in any form zt_pinyin_normalize accepts).  Their words
     * take precedence over the built-in ones; a later dictionary wins. */
    const zt_dict *const *dicts;
    size_t ndicts;
} zt_pinyin_options;

/* Fill *o with the defaults: tone style, no tone changes. */
ZT_API void zt_pinyin_options_init(zt_pinyin_options *o);

/*
 * A pinyin reader.  Immutable; may be shared between threads.  The caller
 * may free the options' dictionaries as soon as this returns.  Returns
 * ZT_EDICT if a user dictionary entry has a reading that is not pinyin or
 * the wrong number of syllables, ZT_ESTYLE for a bad style or u_form.
 */
typedef struct zt_pinyin zt_pinyin;
ZT_API zt_status zt_pinyin_new(const zt_pinyin_options *o, zt_pinyin **out);
ZT_API void zt_pinyin_free(zt_pinyin *p);

/*
 * Text to pinyin.  Each Han character (Simplified or Traditional) becomes
 * its reading in context; readings of consecutive Han characters are
 * separated by `sep` (NULL means " "), as are a reading and a Latin letter
 * or digit next to it; every other byte passes through unchanged (invalid
 * UTF-8 included), so line structure is kept.  Buffer conventions as for
 * zt_convert(): ZT_ESPACE with the needed size in *outlen.
 */
ZT_API zt_status zt_pinyin_text(const zt_pinyin *p, const char *in, size_t len,
                                const char *sep, char *out, size_t cap,
                                size_t *outlen);
ZT_API zt_status zt_pinyin_text_alloc(const zt_pinyin *p, const char *in,
                                      size_t len, const char *sep, char **out,
                                      size_t *outlen);

/* Annotation: the original text with readings attached. */
enum {
    ZT_ANNOTATE_INLINE = 0, /* 字(zì) */
    ZT_ANNOTATE_RUBY = 1    /* <ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby> */
};
enum {
    ZT_ANNOTATE_ALL = 0,        /* every Han character */
    ZT_ANNOTATE_POLYPHONIC = 1, /* characters with more than one reading in
                                   modern use (each at least 0.4% of the
                                   character's uses in the word dictionary;
                                   a neutral-tone variant does not count) */
    ZT_ANNOTATE_LIST = 2        /* the characters in `chars` */
};

typedef struct zt_annotate_options {
    int format;        /* ZT_ANNOTATE_INLINE or _RUBY */
    int which;         /* ZT_ANNOTATE_ALL, _POLYPHONIC or _LIST */
    const char *chars; /* _LIST: UTF-8 characters to annotate (either
                          script matches both) */
    size_t nchars;     /* its length in bytes */
    int html;          /* the input is HTML: only text nodes are annotated;
                          tags, attributes, comments, entities and the content
                          of <script>, <style> and the like pass byte for byte
                          (see zt_html_walk) */
} zt_annotate_options;

ZT_API void zt_annotate_options_init(zt_annotate_options *o);

/* Annotate text with p's readings and style.  Every byte of the input is
 * kept in order; annotations are inserted after (inline) or around (ruby)
 * the selected characters.  Buffer conventions as for zt_pinyin_text(). */
ZT_API zt_status zt_annotate(const zt_pinyin *p, const zt_annotate_options *o,
                             const char *in, size_t len, char *out,
                             size_t cap, size_t *outlen);
ZT_API zt_status zt_annotate_alloc(const zt_pinyin *p,
                                   const zt_annotate_options *o,
                                   const char *in, size_t len, char **out,
                                   size_t *outlen);

/*
 * The HTML text-node walker used by annotate (and meant for convert) in
 * HTML mode.  Calls text(ctx, s, n) for each stretch of character data that
 * may be rewritten and markup(ctx, s, n) for everything else: tags with
 * their attributes, comments, doctype, CDATA and processing instructions,
 * character references (&amp; &#20013;), and the whole content of script,
 * style, textarea, title, xmp, iframe, noembed, noframes and noscript.
 * The pieces come in order and cover the input exactly, so writing them all
 * back unchanged reproduces it byte for byte.  Never fails: broken HTML
 * (unclosed tags or comments, a stray '<', huge attributes) is split
 * somewhere sensible (an unclosed tag runs to the end as markup); time is
 * linear and memory constant.
 */
typedef struct zt_html_cb {
    void (*text)(void *ctx, const char *s, size_t n);
    void (*markup)(void *ctx, const char *s, size_t n);
    void *ctx;
} zt_html_cb;
ZT_API void zt_html_walk(const char *in, size_t len, const zt_html_cb *cb);

/* ---- end pinyin ---------------------------------------------------------- */

/* ---- repair: section owned by the repair module (lib/repair*) ---------- */

/* ------------------------------------------------------------------------ */
/* Repair of damaged web text                                               */
/* ------------------------------------------------------------------------ */

/*
 * Web pages run through a pinyin-injecting tool carry readings after
 * Traditional characters, "會(huì)議", and, because the tool worked on GBK
 * bytes, some characters lost as "?" with a run of wrongly paired characters
 * after them ("日?qǐng)?bào)" was "日報").  A repairer strips the injected
 * readings, restores the hidden bytes so that the run realigns, converts the
 * script and recognises page furniture (ICP numbers, location bars, ...).
 *
 * A zt_repairer is immutable and may be shared by any number of threads.
 */
typedef enum zt_strip_mode {
    ZT_STRIP_AUTO = 0, /* strip, unless the document is a reading aid */
    ZT_STRIP_ALL = 1,  /* strip every validated reading, aids included */
    ZT_STRIP_NONE = 2  /* touch no reading and no '?' spot */
} zt_strip_mode;

typedef enum zt_script {
    ZT_SCRIPT_SIMPLIFIED = 0, /* mainland Simplified (default) */
    ZT_SCRIPT_TRADITIONAL = 1,
    ZT_SCRIPT_KEEP = 2
} zt_script;

typedef enum zt_boilerplate_mode {
    ZT_BOILERPLATE_KEEP = 0, /* keep the lines (still listed in the report) */
    ZT_BOILERPLATE_MARK = 1, /* prefix them with ZT_BOILERPLATE_MARKER */
    ZT_BOILERPLATE_DROP = 2  /* leave them out */
} zt_boilerplate_mode;

#define ZT_BOILERPLATE_MARKER "[boilerplate] "

/*
 * A lone '?' (no reading after it) hides two bytes that only the context
 * can tell: searching them is three quarters of the time of a repair, and
 * most wrong characters a repair writes without reporting them come from
 * there.  A corpus filter that drops lines with unresolved spots anyway can
 * leave them: each such run (up to where the bytes surely realign) is then
 * written as it was and reported as ZT_SPOT_UNSEARCHED.
 */
typedef enum zt_lone_mode {
    ZT_LONE_SEARCH = 0, /* recover the hidden bytes where context decides */
    ZT_LONE_LEAVE = 1   /* leave the run as it was and report it */
} zt_lone_mode;

/*
 * How sure repair must be before it writes a reading of hidden bytes: the
 * best reading must be e^margin times as likely as all the others together
 * (e^(margin + 0.5) where the stretch has holes only, no lone '?', and the
 * margin is above 0), or the spot is left as it was and reported.  Lower
 * recovers more lines and writes more wrong characters without a report;
 * the default is where, on the tuning sets, one more such character cost
 * 40 lines recovered (README, "How repair decides", has the figures).
 * 0 to 50.
 */
#define ZT_REPAIR_MARGIN 4.75f

typedef struct zt_repair_options {
    zt_strip_mode strip;
    zt_script script;
    zt_boilerplate_mode boilerplate;
    zt_lone_mode lone;
    float margin; /* ZT_REPAIR_MARGIN */
} zt_repair_options;

/* The defaults: strip auto, script simplified, boilerplate keep, lone
 * search, margin ZT_REPAIR_MARGIN.  Start from these: a zeroed struct asks
 * for margin 0 (always the best reading, however close the others). */
ZT_API void zt_repair_options_init(zt_repair_options *opt);

typedef struct zt_repairer zt_repairer;
/* ZT_EINVAL for an out-of-range option. */
ZT_API zt_status zt_repairer_new(const zt_repair_options *opt,
                                 zt_repairer **out);
ZT_API void zt_repairer_free(zt_repairer *r);

/* Why a spot was left as it was. */
typedef enum zt_spot_kind {
    ZT_SPOT_AMBIGUOUS = 1, /* several bytes fit the reading; nothing decided */
    ZT_SPOT_NOFIT = 2,     /* "?reading)" but no byte gives that reading */
    ZT_SPOT_LOST = 3,      /* bytes were lost: a run ended in "X?", the
                              text after a hole never realigned, or a '?'
                              ending a line may have swallowed a '.' */
    ZT_SPOT_UNSEARCHED = 4 /* ZT_LONE_LEAVE: a lone '?', or a spot in the
                              run it left as it was */
} zt_spot_kind;

typedef struct zt_repair_spot {
    size_t offset; /* byte offset of the '?' in the input document */
    zt_spot_kind kind;
} zt_repair_spot;

typedef struct zt_repair_boiler {
    size_t line;      /* 1-based line number in the input document */
    const char *kind; /* static: "icp", "police", "sponsor", "support",
                         "copyright", "counter", "location", "share",
                         "spam" (keyword-spam title line) */
} zt_repair_boiler;

/*
 * What zt_repair() did to one document.  Initialise with
 * zt_repair_report_init(), release with zt_repair_report_free(); a report
 * may be reused for many documents (each call resets it).
 */
typedef struct zt_repair_report {
    size_t annotations;   /* injected readings removed */
    size_t aids_kept;     /* readings kept because the text is a reading aid */
    size_t recovered;     /* '?' spots whose hidden byte was restored */
    int reading_aid;      /* 1 if the document was judged a reading aid */
    double score;         /* injection score, 0 (clean) .. 1 (injected) */
    zt_repair_spot *unresolved;
    size_t nunresolved;
    zt_repair_boiler *boilerplate;
    size_t nboilerplate;
    size_t cap_unresolved, cap_boilerplate; /* internal */
} zt_repair_report;

ZT_API void zt_repair_report_init(zt_repair_report *rep);
ZT_API void zt_repair_report_free(zt_repair_report *rep);

/*
 * Repair one document into newly allocated memory (NUL-terminated; free with
 * zt_free).  `rep` may be NULL.  Bytes that are not valid UTF-8 pass through
 * unchanged; every input line gives one output line unless boilerplate mode
 * is DROP.
 */
ZT_API zt_status zt_repair_alloc(const zt_repairer *r, const char *in,
                                 size_t len, char **out, size_t *outlen,
                                 zt_repair_report *rep);

/*
 * The report as one JSON object, no newline, into newly allocated memory.
 * `id`, if not NULL, is raw JSON (e.g. "\"doc-7\"" or 42) written as the
 * "id" member.
 */
ZT_API zt_status zt_repair_report_json(const zt_repair_report *rep,
                                       const char *id, size_t idlen,
                                       char **out, size_t *outlen);

/* The injection score alone (0..1), without building the repaired text. */
ZT_API zt_status zt_repair_detect(const zt_repairer *r, const char *in,
                                  size_t len, double *score);
/* ---- end repair ---------------------------------------------------------- */

#ifdef __cplusplus
}
#endif

#endif /* ZHTEXT_H */
