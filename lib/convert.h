/*
 * convert.h - the conversion engine shared by the one-shot and streaming
 * front ends (convert.c, stream.c).
 */
#ifndef ZT_CONVERT_H
#define ZT_CONVERT_H

#include "configs.h"

/* Input is converted in pieces no longer than this, cut where a cut cannot
 * change the result (see zt_conv_find_cut); this is what bounds memory. */
#define ZT_PIECE_MAX ((size_t)1 << 20)

typedef struct zt_stage {
    uint32_t nalt;
    const zt_trie *alt[ZT_MAX_ALT];
    /* lead[b] is 1 when a character whose first UTF-8 byte is b can start a
     * key of some alternative (or an ideographic description sequence):
     * every other byte is copied in bulk without decoding. */
    uint8_t lead[256];
    /* tab[cp] for every BMP code point, so that most characters cost one
     * load: bit 27 + a is set when alternative a has a key of two or more
     * characters starting with cp (ZT_TAB_MULTI: any of them), and the
     * first alternative that has cp itself as a key is in bits 24-26 (its
     * index + 1; 0 if none) with that value's index in bits 0-23. */
    uint32_t *tab;
    uint32_t maxval;   /* longest value of any alternative, in bytes */
    uint32_t ratio;    /* max value bytes per key byte, rounded up */
    /* One bit per hash of every alternative's first two key characters
     * (ZT_PAIRF_BITS bits): one test rejects most adjacent pairs before
     * any alternative's pair table is probed. */
    uint64_t *pairf;
    uint8_t rare_leads[4]; /* the lead bytes of keys, when there are few */
    uint32_t nrare;        /* how many; 0 = many (see stage_may_apply) */
    int sparse;            /* few keys among CJK: see fmm_sparse */
} zt_stage;

#define ZT_TAB_MULTI 0x78000000u
#define ZT_TAB_MULTI_ALT(a) (0x08000000u << (a))
#define ZT_TAB_ALT(e) (((e) >> 24) & 7u)
#define ZT_TAB_VAL(e) ((e) & 0x00FFFFFFu)

/* Scratch memory for one conversion; reusable across calls, one thread. */
typedef struct zt_work {
    zt_buf a, b, c;
    uint32_t *bar;
    size_t nbar, barcap;
} zt_work;

struct zt_converter {
    const zt_config_def *def;
    uint32_t nnorm, has_seg, nchain;
    zt_stage norm[ZT_MAX_STAGES];
    zt_stage seg;
    zt_stage chain[ZT_MAX_STAGES];
    zt_trie *user; /* merged user dictionaries, or NULL */
    zt_stage user_stage;
    /* Union of every dictionary's key characters (BMP bitmap), and whether
     * any key has a non-BMP character. */
    uint64_t keychars[1024];
    int nonbmp_keys;
    size_t ratio; /* output bytes per input byte, at most */
    size_t slack; /* room a stage may ask for beyond that (longest value + 8) */
    int fused;    /* segmentation comes from the first stage (convert.c) */
};

ZT_HIDDEN void zt_work_free(zt_work *w);

/* Convert one piece (any text; a piece boundary is treated as the end of
 * the text) and append the result to out. */
ZT_HIDDEN zt_status zt_conv_piece(const zt_converter *c, zt_work *w,
                                  const uint8_t *s, size_t n, zt_buf *out);

/* Where to cut s[0..n) (n <= ZT_PIECE_MAX is the window) so that converting
 * the two sides separately gives the same result as converting the whole:
 * the last position p in (0, n] that follows a character occurring in no
 * dictionary key, with no ideographic description operator in the 64
 * characters before it.  Returns 0 when there is none. */
ZT_HIDDEN size_t zt_conv_find_cut(const zt_converter *c, const uint8_t *s,
                                  size_t n);
/* The same, looking only at positions after `from` (the caller knows there
 * is none at or before it): keeps a stream fed in tiny chunks linear. */
ZT_HIDDEN size_t zt_conv_find_cut_from(const zt_converter *c,
                                       const uint8_t *s, size_t n,
                                       size_t from);

/* The forced cut used when a whole window has no safe position: the last
 * character boundary at or before n (n > 3; s[n] must be readable). */
ZT_HIDDEN size_t zt_conv_force_cut(const uint8_t *s, size_t n);

#endif
