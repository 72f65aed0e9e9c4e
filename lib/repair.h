/*
 * repair.h - what the repair module's files share (lib/repair*.c).
 *
 *   repair.c          the handle, the per-document pipeline, the decision
 *                     "injected or reading aid", the score
 *   repair_reading.c  does "(zhòng)" spell a reading of what precedes it?
 *   repair_line.c     one line in GBK bytes: strip readings, restore the
 *                     bytes hidden by '?', decode so that runs realign
 *   repair_solve.c    the search for the hidden bytes (repair_search.h:
 *                     with repair_tables.c and repair_score.c)
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
    /* s2t, phrases and all: which variant OpenCC writes in context (委託 but
     * 托運), where the document shows none. */
    zt_converter *s2t;
    const zt_trie *ts_chars;     /* TSCharacters: is a character Traditional? */
    const zt_trie *st_chars;     /* STCharacters */
    const zt_trie *words;        /* STPhrases: a Simplified word list */
    /* Per BMP code point: ZT_RP_TRAD if t2s changes it (Traditional only),
     * ZT_RP_SIMP if s2t changes it and t2s does not (Simplified only). */
    uint8_t *cls;
    /* Tables of the byte search (repair_solve.c), built once so that its
     * inner loop does one load where it would do several lookups. */
    struct zt_rp_stab *stab;
};
#define ZT_RP_TRAD 1
#define ZT_RP_SIMP 2

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
    /* How often each character of U+3400..U+9FFF was written so far
     * (saturating): which variant, 爲 or 為, the document writes.  Built at
     * the first choice between variants from the output before the line
     * (most documents never need it), then kept up to date line by line. */
    uint16_t *seen;
    size_t line_out; /* where the output of the line being repaired starts */
    /* Many of the document's lines end in ASCII punctuation after a wide
     * character (man pages: "輸出."), so that a '?' ending a line may also
     * have swallowed such a byte (see zt_rp_line). */
    int ascii_ends;
    /* How many of the document's lines end in each opening mark （“《「【
     * (zt_rp_opener), of how many that end in a wide character or in ASCII
     * punctuation after one: a document whose lines were cut inside a
     * quote (text taken from HTML at its tags) ends many in 「, which a
     * '?' at a line end may then hide as well as a 。. */
    uint32_t open_ends[5];
    uint32_t wide_ends;
    /* Scratch for one line, reused (see repair_line.c). */
    uint16_t *ob;
    uint32_t *osrc;
    size_t ocap;
    /* The search's buffers (repair_solve.c), kept from line to line: most
     * lines need the solver, and ~200 KiB allocated and freed per line
     * went back to the kernel and were faulted in again each time. */
    struct zt_rp_smem *smem;
    /* What the document shows of the injector's table (repair_page.c):
     * NULL unless the document has damage or readings. */
    struct zt_rp_page *page;
} zt_rp_doc;

/* ---- repair_reading.c ---------------------------------------------------- */

enum { ZT_RP_NOMATCH = 0, ZT_RP_MATCH = 1 };

/* Which opening mark cp is, （“《「【 = 0..4, or -1. */
ZT_INLINE int zt_rp_opener(uint32_t cp)
{
    switch (cp) {
    case 0xFF08: return 0;
    case 0x201C: return 1;
    case 0x300A: return 2;
    case 0x300C: return 3;
    case 0x3010: return 4;
    default: return -1;
    }
}

/* Is cp a Han ideograph (the only thing the injector annotated)? */
ZT_INLINE int zt_rp_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Is c an ASCII letter or digit? */
ZT_INLINE int zt_rp_ascii_alnum(uint32_t c)
{
    return (c | 0x20) - 'a' < 26u || c - '0' < 10u;
}

/* Does body[0..n) spell readings of cps[0..k), one syllable each, in any
 * written form (tone marks, digits, none; separators allowed between
 * syllables)? */
ZT_HIDDEN int zt_rp_reads_as(const char *body, size_t n, const uint32_t *cps,
                             size_t k);

/* The length of an annotation body starting at s (the bytes after the
 * opening bracket) up to, not including, the closing bracket `close`
 * (")" or "）"), or 0 if what follows is not a plausible body closed within
 * a short distance: lowercase pinyin letters, tone marks or digits. */
ZT_HIDDEN size_t zt_rp_body_len(const uint8_t *s, size_t n, int fullwidth);

/* Is cp a Traditional-only character (one that t2s changes)? */
ZT_HIDDEN int zt_rp_is_trad(const zt_repairer *r, uint32_t cp);
/* Fill r->cls (65536 bytes). */
ZT_HIDDEN void zt_rp_classes(const zt_repairer *r, uint8_t *cls);

/* 2 for a common character (GB2312 level 1, or the Traditional form of
 * one), 1 for any other character, 0 for none. */
ZT_HIDDEN int zt_rp_common(const zt_repairer *r, uint32_t cp);
/* Is cp the form OpenCC's s2t writes for its Simplified form (爲 for 为,
 * not 為), or no Traditional variant at all (and not Simplified only)? */
ZT_HIDDEN int zt_rp_standard(const zt_repairer *r, uint32_t cp);
/* What s2t writes for the Simplified character s on its own. */
ZT_HIDDEN uint32_t zt_rp_st_char(const zt_repairer *r, uint32_t s);

/* Is cp what misaligned GBK bytes typically decode to in Traditional text:
 * a Simplified-only character, or a Han character outside the common set? */
ZT_HIDDEN int zt_rp_garbage(const zt_repairer *r, uint32_t cp);

/* Is a..b (two characters) a word of the word list, in Simplified? */
ZT_HIDDEN int zt_rp_word2(const zt_repairer *r, uint32_t a, uint32_t b);

/* ---- repair_line.c / repair_solve.c -------------------------------------- */

/* A line in GBK bytes: each element is a byte, or a marker. */
#define ZT_OB_OPAQUE 0x100 /* a character GBK lacks (or invalid UTF-8) */
#define ZT_OB_HOLE 0x200   /* the byte a "?reading)" hides */
#define ZT_OB_Q1 0x300     /* a '?' not followed by a reading: first ... */
#define ZT_OB_Q2 0x400     /* ... and second byte it may have swallowed */
#define ZT_OB_V1 0x500     /* two bytes may have vanished here: first ... */
#define ZT_OB_V2 0x600     /* ... and second (repair_solve.c, expand_v1) */
#define ZT_OB_KIND 0x700
#define ZT_OB_START 0x800  /* first element of a character of the input */
#define ZT_OB_CON 0x1000   /* (previous byte, this one) has a reading */
#define ZT_OB_ANN 0x2000   /* a reading followed this byte */

/* A reading constraint on the pair that ends at element `at`: a syllable
 * (index into zt_py_syl) and tone (0: any).  For a hole, `end` is the
 * source offset just past its ")" (the spot is src .. end). */
typedef struct zt_rp_con {
    uint32_t at, end;
    uint16_t syl;
    uint8_t tone;
} zt_rp_con;

typedef struct zt_rp_lw {
    const uint8_t *s; /* the line */
    size_t n, base;
    uint16_t *ob;
    uint32_t *osrc; /* source offset of each element */
    size_t len;
    zt_rp_con *con;
    size_t ncon, concap;
    size_t nholes;
    /* What marks a character in doubt in the output: '?', or U+FFFD where
     * the line's damage is marked so (a decoder that replaces each bad
     * byte by it). */
    uint32_t doubt;
} zt_rp_lw;

/* Parse a one-syllable reading into c (syl, tone); 0 if it is none. */
ZT_HIDDEN int zt_rp_con_parse(const char *body, size_t n, zt_rp_con *c);
/* Is cp read as c? */
ZT_HIDDEN int zt_rp_con_fits(const zt_rp_con *c, uint32_t cp);
/* The same, for the first max readings of cp only (1: its first reading,
 * the one an injector writes). */
ZT_HIDDEN int zt_rp_con_fits_n(const zt_rp_con *c, uint32_t cp, unsigned max);

/* The line s[0..n) has nothing to repair: zt_rp_line_copy, not
 * zt_rp_line, takes it. */
ZT_HIDDEN int zt_rp_line_plain(const uint8_t *s, size_t n);
/* Append such a line to out as it is (and count its characters). */
ZT_HIDDEN zt_status zt_rp_line_copy(zt_rp_doc *d, const uint8_t *s, size_t n,
                                    zt_buf *out);
/* Repair one line s[0..n) (without its '\n') that is not plain, which
 * starts at byte `base` of the document; append the result to out (out
 * NULL: count only). */
ZT_HIDDEN zt_status zt_rp_line(zt_rp_doc *d, const uint8_t *s, size_t n,
                               size_t base, zt_buf *out);
ZT_HIDDEN void zt_rp_doc_free(zt_rp_doc *d);
/* How often the three bytes w[0..3) (a character in UTF-8) occur in
 * s[0..n). */
ZT_HIDDEN size_t zt_rp_count3(const uint8_t *s, size_t n, const char *w);
/* Write the lone mark at w->s[at] as the input had it, '?' or U+FFFD; a
 * U+FFFD (a byte lost for good) is also reported to rep (may be NULL). */
ZT_HIDDEN zt_status zt_rp_put_mark(const zt_rp_lw *w, size_t at, zt_buf *out,
                                   zt_repair_report *rep);
/* Build d->seen from the document's output before the current line,
 * out[0..d->line_out). */
ZT_HIDDEN zt_status zt_rp_seen_init(zt_rp_doc *d, const char *out);

/* Build / free r->stab (the search's per-repairer tables). */
ZT_HIDDEN zt_status zt_rp_stab_new(zt_repairer *r);
ZT_HIDDEN void zt_rp_stab_free(zt_repairer *r);

/* Solve a line that has holes: choose the hidden bytes so that the line
 * decodes as valid GBK, the readings fit and the words read best; emit
 * each stretch that one solution explains and leave the others as they
 * were (reported). */
ZT_HIDDEN zt_status zt_rp_solve(zt_rp_doc *d, zt_rp_lw *w, zt_buf *out);
/* Frees what zt_rp_solve keeps in d->smem (zt_rp_doc_free calls it). */
ZT_HIDDEN void zt_rp_solve_free(zt_rp_doc *d);

/* ---- repair_page.c ------------------------------------------------------ */

/* The log prior of a Traditional-only character in the table: for one
 * that no reading follows, ZT_RP_TP_IN (the page annotates it elsewhere:
 * it would carry its reading here too), 0 (the page shows it bare), or
 * log P(not in the table) for one the page does not show, no lower than
 * ZT_RP_TP_IN.  Without a scan: ZT_RP_TP_UNSEEN. */
#define ZT_RP_TP_IN (-5.0f)
#define ZT_RP_TP_UNSEEN (-0.7f)
/* For the pair a reading was inserted after (it spelled a character of the
 * table): ZT_RP_TP_BONUS for one the page annotates, 0 for one it shows
 * bare, ZT_RP_TP_BONUS + log P(in the table) for one it does not show. */
#define ZT_RP_TP_BONUS 3.0f

/* Learn what the document in[0..len) shows of the table and whether it
 * was folded (only if it has a '?', U+FFFD or ')': nothing else reads it). */
ZT_HIDDEN zt_status zt_rp_page_scan(zt_rp_doc *d, const char *in, size_t len);
ZT_HIDDEN float zt_rp_page_bare(const zt_rp_doc *d, uint32_t cp);
ZT_HIDDEN float zt_rp_page_read(const zt_rp_doc *d, uint32_t cp);
/* How much a pair the page has says: 1 for a page of up to
 * ZT_RP_CACHE_PAIRS pairs, less in proportion beyond (in a document of
 * megabytes most pairs of common characters occur somewhere, so that one
 * more says little); 0 without pairs, or with more than 131,072 (no
 * page: repair_page.c keeps none). */
#ifndef ZT_RP_CACHE_PAIRS
#define ZT_RP_CACHE_PAIRS 20000
#endif
ZT_HIDDEN float zt_rp_page_pairs_weight(const zt_rp_doc *d);
/* Does the page have the pair a, b (in Simplified) in its aligned text? */
ZT_HIDDEN int zt_rp_page_pair(const zt_rp_doc *d, uint32_t a, uint32_t b);
ZT_HIDDEN void zt_rp_page_free(zt_rp_doc *d);
/* Does the page fold full-width forms to ASCII?  Then fold out[from..]
 * alike (U+FF01..FF5E to ASCII, U+3000 to a space). */
ZT_HIDDEN int zt_rp_page_folded(const zt_rp_doc *d);
ZT_HIDDEN void zt_rp_page_fold(zt_buf *out, size_t from);
/* Did the page lose the pairs of GBK's user-defined areas (a folded page
 * that does not show them as '?')? */
ZT_HIDDEN int zt_rp_page_vanish(const zt_rp_doc *d);

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
