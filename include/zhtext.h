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
 * zt_convert_bound() bytes always fits.
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
/* ---- end pinyin ---------------------------------------------------------- */

/* ---- repair: section owned by the repair module (lib/repair*) ---------- */
/* ---- end repair ---------------------------------------------------------- */

#ifdef __cplusplus
}
#endif

#endif /* ZHTEXT_H */
