/*
 * repair.h - what the repair module's files share (lib/repair*.c).
 *
 *   repair.c          the handle, the per-document pipeline, the decision
 *                     "injected or reading aid", the score
 *   repair_reading.c  does "(zhòng)" spell a reading of what precedes it?
 *   repair_line.c     one line in GBK bytes: strip readings, restore the
 *                     bytes hidden by '?', decode so that runs realign
 *   repair_boiler.c   page furniture lines (ICP numbers, location bars, ...)
 *   repair_report.c   the report's storage and its JSON form
 */
#ifndef ZT_REPAIR_H
#define ZT_REPAIR_H

#include "convert.h"
#include "internal.h"
#include "trie.h"

struct zt_repairer {
    zt_repair_options opt;
    zt_converter *to_script;     /* t2s with the mainland fixes, or s2t */
    const zt_trie *ts_chars;     /* TSCharacters: is a character Traditional? */
    const zt_trie *st_chars;     /* STCharacters */
    const zt_trie *words;        /* STPhrases: a Simplified word list */
};

/* Per-document counters and the spots found; one per zt_repair call. */
typedef struct zt_rp_doc {
    const zt_repairer *r;
    size_t ann;        /* validated readings (stripped unless an aid) */
    size_t ann_trad;   /* ... after one Traditional-only character */
    size_t ann_word;   /* ... after a word of two or more characters */
    size_t han;        /* Han characters on lines that carry readings */
    size_t han_read;   /* Han characters covered by a validated reading */
    size_t recovered;  /* '?' spots restored */
    size_t holes;      /* '?reading)' spots seen, restored or not */
    zt_repair_report *rep; /* spots go here (may be NULL) */
    /* Scratch for one line, reused (see repair_line.c). */
    uint16_t *ob;
    uint32_t *osrc;
    size_t ocap;
} zt_rp_doc;

/* ---- repair_reading.c ---------------------------------------------------- */

enum { ZT_RP_NOMATCH = 0, ZT_RP_MATCH = 1 };

/* Is cp a Han ideograph (the only thing the injector annotated)? */
ZT_INLINE int zt_rp_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Does body[0..n) spell readings of cps[0..k), one syllable each, in any
 * written form (tone marks, digits, none; separators allowed between
 * syllables)? */
ZT_HIDDEN int zt_rp_reads_as(const char *body, size_t n, const uint32_t *cps,
                             size_t k);

/* The body as one normalised syllable ("zhong1", "zhong") into out (8
 * bytes), returning its length, or 0 if it is not one syllable. */
ZT_HIDDEN size_t zt_rp_syllable(const char *body, size_t n, char *out,
                                size_t cap);
/* Is the normalised syllable one of cp's readings? */
ZT_HIDDEN int zt_rp_syl_fits(const char *syl, size_t len, uint32_t cp);

/* The length of an annotation body starting at s (the bytes after the
 * opening bracket) up to, not including, the closing bracket `close`
 * (")" or "）"), or 0 if what follows is not a plausible body closed within
 * a short distance. */
ZT_HIDDEN size_t zt_rp_body_len(const uint8_t *s, size_t n, int fullwidth);

/* Is cp a Traditional-only character (one that t2s changes)? */
ZT_HIDDEN int zt_rp_is_trad(const zt_repairer *r, uint32_t cp);

/* 2 for a common character (GB2312 level 1, or the Traditional form of
 * one), 1 for any other character, 0 for none. */
ZT_HIDDEN int zt_rp_common(const zt_repairer *r, uint32_t cp);

/* Is a..b (two characters) a word of the word list, in Simplified? */
ZT_HIDDEN int zt_rp_word2(const zt_repairer *r, uint32_t a, uint32_t b);

/* ---- repair_line.c ------------------------------------------------------- */

/* Repair one line s[0..n) (without its '\n'), which starts at byte `base`
 * of the document; append the result to out (out NULL: count only). */
ZT_HIDDEN zt_status zt_rp_line(zt_rp_doc *d, const uint8_t *s, size_t n,
                               size_t base, zt_buf *out);
ZT_HIDDEN void zt_rp_doc_free(zt_rp_doc *d);

/* ---- repair_boiler.c ----------------------------------------------------- */

/* The kind of page furniture line s[0..n) is ("icp", ...), or NULL. */
ZT_HIDDEN const char *zt_rp_boiler(const uint8_t *s, size_t n);

/* ---- repair_report.c ----------------------------------------------------- */

ZT_HIDDEN zt_status zt_rp_add_spot(zt_repair_report *rep, size_t off,
                                   zt_spot_kind kind);
ZT_HIDDEN zt_status zt_rp_add_boiler(zt_repair_report *rep, size_t line,
                                     const char *kind);
ZT_HIDDEN void zt_rp_report_reset(zt_repair_report *rep);

#endif
