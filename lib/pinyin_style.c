/*
 * pinyin_style.c - writing a reading in each style.
 *
 * A reading is a syllable index and a tone, so every style is a little
 * string work on the syllable's ASCII spelling (with v for ü):
 *   tone    the mark goes on a or e if present, on the o of "ou", else on
 *           the last vowel (the standard rule); m and n syllables carry it
 *           themselves (ń, ňg, hm̄)
 *   initial, final, zhuyin  from one decomposition into initial and the
 *           final's full form (you = y + iou, gui = g + uei, ju = j + v)
 */
#include <stdlib.h>
#include <strings.h>

#include "pinyin_internal.h"

/* Tone-marked letters, tones 1-4.  Some have no precomposed character and
 * use the base letter with a combining mark. */
static const char *const marks[][4] = {
    {"\xC4\x81", "\xC3\xA1", "\xC7\x8E", "\xC3\xA0"}, /* a */
    {"\xC4\x93", "\xC3\xA9", "\xC4\x9B", "\xC3\xA8"}, /* e */
    {"\xC4\xAB", "\xC3\xAD", "\xC7\x90", "\xC3\xAC"}, /* i */
    {"\xC5\x8D", "\xC3\xB3", "\xC7\x92", "\xC3\xB2"}, /* o */
    {"\xC5\xAB", "\xC3\xBA", "\xC7\x94", "\xC3\xB9"}, /* u */
    {"\xC7\x96", "\xC7\x98", "\xC7\x9A", "\xC7\x9C"}, /* ü */
    {"n\xCC\x84", "\xC5\x84", "\xC5\x88", "\xC7\xB9"}, /* n */
    {"m\xCC\x84", "\xE1\xB8\xBF", "m\xCC\x8C", "m\xCC\x80"}, /* m */
    {"v\xCC\x84", "v\xCC\x81", "v\xCC\x8C", "v\xCC\x80"}, /* v (ü as v) */
};
static const char vowels[] = "aeiouvnm";

#define UMLAUT "\xC3\xBC" /* ü */

static size_t sylstr(unsigned r, const char **s)
{
    *s = zt_py_syl[zt_py_sylof(r)];
    return zt_py_syl_len[zt_py_sylof(r)];
}

/* Where the tone mark goes in s[0..n): an index, or n for none. */
static size_t mark_pos(const char *s, size_t n)
{
    const char *a = memchr(s, 'a', n), *e = memchr(s, 'e', n);
    if (a)
        return (size_t)(a - s);
    if (e)
        return (size_t)(e - s);
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == 'o' && s[i + 1] == 'u')
            return i;
    for (size_t i = n; i-- > 0;)
        if (strchr("iouv", s[i]))
            return i;
    for (size_t i = 0; i < n; i++) /* m, n, ng, hm, hng */
        if (s[i] == 'm' || s[i] == 'n')
            return i;
    return n - 1; /* syllabic r: a combining mark on it */
}

/* ---- decomposition ------------------------------------------------------ */

static const char *const initials[] = {
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
    "j", "q", "x", "r", "z", "c", "s",
};

/* Split syllable s into its initial (length *il, 0 for none; y and w are
 * not initials) and the full form of its final, written to fin. */
static void decompose(const char *s, size_t n, size_t *il, char *fin,
                      size_t cap)
{
    static const struct {
        const char *from, *to;
    } yw[] = {
        {"yi", "i"}, {"ya", "ia"}, {"ye", "ie"}, {"yao", "iao"}, {"you", "iou"},
        {"yan", "ian"}, {"yin", "in"}, {"yang", "iang"}, {"ying", "ing"},
        {"yong", "iong"}, {"yu", "v"}, {"yue", "ve"}, {"yuan", "van"},
        {"yun", "vn"}, {"yo", "io"}, {"yai", "iai"}, {"wong", "ueng"}, {"wu", "u"}, {"wa", "ua"},
        {"wo", "uo"}, {"wai", "uai"}, {"wei", "uei"}, {"wan", "uan"},
        {"wen", "uen"}, {"wang", "uang"}, {"weng", "ueng"},
    };
    *il = 0;
    fin[0] = '\0';
    if (n == 0 || n >= cap)
        return;
    if (s[0] == 'y' || s[0] == 'w') {
        for (size_t k = 0; k < sizeof yw / sizeof yw[0]; k++)
            if (strlen(yw[k].from) == n && memcmp(yw[k].from, s, n) == 0) {
                strcpy(fin, yw[k].to);
                return;
            }
        memcpy(fin, s, n);
        fin[n] = '\0';
        return;
    }
    /* m, n, ng, hm, hng: syllabic nasals have no initial/final split */
    if ((n <= 2 && (s[0] == 'm' || s[0] == 'n') && (n == 1 || s[1] == 'g')) ||
        (s[0] == 'h' && (n == 2 || n == 3) && (s[1] == 'm' || s[1] == 'n') &&
         (n == 2 || s[2] == 'g'))) {
        memcpy(fin, s, n);
        fin[n] = '\0';
        return;
    }
    for (size_t k = 0; k < sizeof initials / sizeof initials[0]; k++) {
        size_t l = strlen(initials[k]);
        if (l < n && memcmp(initials[k], s, l) == 0) {
            *il = l;
            break;
        }
    }
    const char *f = s + *il;
    size_t fl = n - *il;
    int jqx = *il == 1 && (s[0] == 'j' || s[0] == 'q' || s[0] == 'x');
    if (jqx && f[0] == 'u') {
        fin[0] = 'v';
        memcpy(fin + 1, f + 1, fl - 1);
        fin[fl] = '\0';
        return;
    }
    if (*il && fl == 2 && memcmp(f, "iu", 2) == 0)
        strcpy(fin, "iou");
    else if (*il && fl == 2 && memcmp(f, "ui", 2) == 0)
        strcpy(fin, "uei");
    else if (*il && fl == 2 && memcmp(f, "un", 2) == 0)
        strcpy(fin, "uen");
    else {
        memcpy(fin, f, fl);
        fin[fl] = '\0';
    }
}

/* ---- zhuyin ------------------------------------------------------------- */

static const struct {
    const char *py, *zy;
} zy_initials[] = {
    {"b", "ㄅ"}, {"p", "ㄆ"}, {"m", "ㄇ"}, {"f", "ㄈ"}, {"d", "ㄉ"}, {"t", "ㄊ"},
    {"n", "ㄋ"}, {"l", "ㄌ"}, {"g", "ㄍ"}, {"k", "ㄎ"}, {"h", "ㄏ"}, {"j", "ㄐ"},
    {"q", "ㄑ"}, {"x", "ㄒ"}, {"zh", "ㄓ"}, {"ch", "ㄔ"}, {"sh", "ㄕ"},
    {"r", "ㄖ"}, {"z", "ㄗ"}, {"c", "ㄘ"}, {"s", "ㄙ"},
};

static const struct {
    const char *py, *zy;
} zy_finals[] = {
    {"a", "ㄚ"}, {"o", "ㄛ"}, {"e", "ㄜ"}, {"ai", "ㄞ"}, {"ei", "ㄟ"},
    {"ao", "ㄠ"}, {"ou", "ㄡ"}, {"an", "ㄢ"}, {"en", "ㄣ"}, {"ang", "ㄤ"},
    {"eng", "ㄥ"}, {"er", "ㄦ"}, {"ong", "ㄨㄥ"}, {"i", "ㄧ"}, {"ia", "ㄧㄚ"},
    {"ie", "ㄧㄝ"}, {"iao", "ㄧㄠ"}, {"iou", "ㄧㄡ"}, {"ian", "ㄧㄢ"},
    {"in", "ㄧㄣ"}, {"iang", "ㄧㄤ"}, {"ing", "ㄧㄥ"}, {"iong", "ㄩㄥ"},
    {"io", "ㄧㄛ"}, {"iai", "ㄧㄞ"}, {"u", "ㄨ"}, {"ua", "ㄨㄚ"}, {"uo", "ㄨㄛ"},
    {"uai", "ㄨㄞ"}, {"uei", "ㄨㄟ"}, {"uan", "ㄨㄢ"}, {"uen", "ㄨㄣ"},
    {"uang", "ㄨㄤ"}, {"ueng", "ㄨㄥ"}, {"v", "ㄩ"}, {"ve", "ㄩㄝ"},
    {"van", "ㄩㄢ"}, {"vn", "ㄩㄣ"}, {"m", "ㄇ"}, {"n", "ㄋ"}, {"ng", "ㄫ"},
    {"hm", "ㄏㄇ"}, {"hng", "ㄏㄫ"}, {"r", "ㄦ"},
};

static const char *const zy_tones[] = {"", "ˊ", "ˇ", "ˋ", "˙"};

size_t zt_py_zhuyin(unsigned r, char *out, size_t cap)
{
    const char *s;
    size_t n = sylstr(r, &s), il;
    char fin[16];
    char buf[64];
    size_t len = 0;
    unsigned tone = zt_py_tone(r);
    decompose(s, n, &il, fin, sizeof fin);
    if (tone == 5) {
        memcpy(buf, zy_tones[4], strlen(zy_tones[4]));
        len += strlen(zy_tones[4]);
    }
    for (size_t k = 0; il && k < sizeof zy_initials / sizeof zy_initials[0]; k++)
        if (strlen(zy_initials[k].py) == il && memcmp(zy_initials[k].py, s, il) == 0) {
            memcpy(buf + len, zy_initials[k].zy, strlen(zy_initials[k].zy));
            len += strlen(zy_initials[k].zy);
        }
    /* zhi chi shi ri zi ci si: the initial alone */
    int bare = strcmp(fin, "i") == 0 &&
               (il == 2 || (il == 1 && strchr("rzcs", s[0])));
    if (!bare) {
        size_t k;
        for (k = 0; k < sizeof zy_finals / sizeof zy_finals[0]; k++)
            if (strcmp(zy_finals[k].py, fin) == 0)
                break;
        const char *z = k < sizeof zy_finals / sizeof zy_finals[0] ? zy_finals[k].zy : fin;
        memcpy(buf + len, z, strlen(z));
        len += strlen(z);
    }
    if (tone >= 2 && tone <= 4) {
        memcpy(buf + len, zy_tones[tone - 1], strlen(zy_tones[tone - 1]));
        len += strlen(zy_tones[tone - 1]);
    }
    if (len + 1 > cap)
        return 0;
    memcpy(out, buf, len);
    out[len] = '\0';
    return len;
}

/* ---- writing ------------------------------------------------------------ */

static int use_v(const zt_pinyin_options *o)
{
    if (o->u_form == ZT_PINYIN_U_V)
        return 1;
    if (o->u_form == ZT_PINYIN_U_UMLAUT)
        return 0;
    return o->style != ZT_PINYIN_TONE;
}

/* Copy s[0..n) writing v as ü unless v is wanted. */
static void put_letters(zt_py_sink *k, const char *s, size_t n, int v)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'v' && !v) {
            zt_py_put(k, s + start, i - start);
            zt_py_put(k, UMLAUT, 2);
            start = i + 1;
        }
    }
    zt_py_put(k, s + start, n - start);
}

void zt_py_put_reading(zt_py_sink *k, const zt_pinyin_options *o, unsigned r)
{
    const char *s;
    size_t n = sylstr(r, &s);
    unsigned tone = zt_py_tone(r);
    int v = use_v(o);
    switch (o->style) {
    case ZT_PINYIN_TONE: {
        size_t m = tone == 5 ? n : mark_pos(s, n);
        if (m >= n) {
            put_letters(k, s, n, v);
            return;
        }
        put_letters(k, s, m, v);
        const char *vw = strchr(vowels, s[m]);
        if (!vw) { /* no precomposed letter: the letter, then the mark */
            static const char *const comb[] = {"\xCC\x84", "\xCC\x81", "\xCC\x8C", "\xCC\x80"};
            zt_py_put(k, s + m, 1);
            zt_py_put(k, comb[tone - 1], 2);
        } else {
            size_t which = (size_t)(vw - vowels);
            if (s[m] == 'v' && v)
                which = 8;
            const char *mk = marks[which][tone - 1];
            zt_py_put(k, mk, strlen(mk));
        }
        put_letters(k, s + m + 1, n - m - 1, v);
        return;
    }
    case ZT_PINYIN_NUM:
        if (v && (tone != 5 || !o->omit_neutral)) { /* the common case */
            zt_py_put(k, zt_py_rd[r], n + 1);
            return;
        }
        put_letters(k, s, n, v);
        if (tone != 5 || !o->omit_neutral) {
            char d = (char)('0' + tone);
            zt_py_put(k, &d, 1);
        }
        return;
    case ZT_PINYIN_NONE:
        put_letters(k, s, n, v);
        return;
    case ZT_PINYIN_INITIAL:
    case ZT_PINYIN_FINAL: {
        size_t il;
        char fin[16];
        decompose(s, n, &il, fin, sizeof fin);
        if (o->style == ZT_PINYIN_INITIAL)
            zt_py_put(k, s, il);
        else
            put_letters(k, fin, strlen(fin), v);
        return;
    }
    case ZT_PINYIN_FIRST:
        zt_py_put(k, s, 1);
        return;
    case ZT_PINYIN_ZHUYIN: {
        char buf[64];
        size_t l = zt_py_zhuyin(r, buf, sizeof buf);
        zt_py_put(k, buf, l);
        return;
    }
    }
}

void zt_py_style_table(zt_pinyin *p)
{
    size_t nr = (size_t)zt_py_nsyl * 5;
    zt_py_rstr *t = malloc(nr * sizeof *t);
    if (!t)
        return;
    for (size_t r = 0; r < nr; r++) {
        zt_py_sink k = {t[r].s, sizeof t[r].s, 0};
        zt_py_put_reading(&k, &p->opt, (unsigned)r);
        if (k.len > k.cap) {
            free(t);
            return;
        }
        t[r].len = (uint8_t)k.len;
    }
    p->rstr = t;
}

ZT_INLINE void put_rd(zt_py_sink *k, const zt_pinyin *p, unsigned r)
{
    if (ZT_LIKELY(p->rstr != NULL)) {
        const zt_py_rstr *t = &p->rstr[r];
        /* A fixed 16-byte copy is a pair of moves where a copy of len
         * bytes is a call; the bytes past len are overwritten next or lie
         * beyond the output's end, inside the caller's buffer. */
        if (t->len <= 16 && k->len <= k->cap && k->cap - k->len >= 16) {
            memcpy(k->buf + k->len, t->s, 16);
            k->len += t->len;
        } else {
            zt_py_put(k, t->s, t->len);
        }
    } else
        zt_py_put_reading(k, &p->opt, r);
}

void zt_py_put_unit(zt_py_sink *k, const zt_pinyin *p, const zt_py_unit *u)
{
    put_rd(k, p, u->rd);
    if (!p->opt.heteronym)
        return;
    const uint16_t *r = zt_py_rlist + zt_py_roff[u->rec];
    for (size_t i = 0; i < zt_py_rn[u->rec]; i++) {
        if (r[i] == u->rd)
            continue;
        zt_py_put(k, "/", 1);
        put_rd(k, p, r[i]);
    }
}

zt_status zt_pinyin_style_parse(const char *name, zt_pinyin_style *out)
{
    static const struct {
        const char *name;
        zt_pinyin_style style;
    } names[] = {
        {"tone", ZT_PINYIN_TONE}, {"num", ZT_PINYIN_NUM},
        {"none", ZT_PINYIN_NONE}, {"initial", ZT_PINYIN_INITIAL},
        {"final", ZT_PINYIN_FINAL}, {"first", ZT_PINYIN_FIRST},
        {"zhuyin", ZT_PINYIN_ZHUYIN}, {"TONE3", ZT_PINYIN_NUM},
        {"NORMAL", ZT_PINYIN_NONE}, {"INITIALS", ZT_PINYIN_INITIAL},
        {"FINALS", ZT_PINYIN_FINAL}, {"FIRST_LETTER", ZT_PINYIN_FIRST},
        {"BOPOMOFO", ZT_PINYIN_ZHUYIN}, {"numbers", ZT_PINYIN_NUM},
        {"bopomofo", ZT_PINYIN_ZHUYIN}, {"TONE", ZT_PINYIN_TONE},
    };
    if (!name || !out)
        return ZT_EINVAL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(names[i].name, name) == 0) {
            *out = names[i].style;
            return ZT_OK;
        }
    return ZT_ESTYLE;
}
