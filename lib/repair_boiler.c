/*
 * repair_boiler.c - page furniture lines.
 *
 * Corpus builders want the article, not the filing numbers, visitor
 * counters and location bars around it.  Each kind is recognised by the
 * phrases that give it away, in both scripts (the check runs before or
 * after script conversion alike), and only on short lines: an article
 * paragraph that mentions 版权所有 is not furniture.  Keyword-spam title
 * lines (hacked sites) are lists of short phrases with no sentence
 * punctuation and several spam words.
 */
#include <pthread.h>

#include "repair.h"
#include "utf8.h"

#define SHORT_LINE 240 /* bytes: about 80 characters */

/* Which characters a line holds, as 1024 hash bits (see phrase). */
typedef struct sig {
    uint64_t b[16];
} sig;

static unsigned sig_bit(uint32_t cp)
{
    return (unsigned)((cp * 0x9E3779B1u) >> 22);
}

static void sig_make(sig *g, const uint8_t *s, size_t n)
{
    memset(g, 0, sizeof *g);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += zt_utf8_decode(s + i, n - i, &cp);
        unsigned h = sig_bit(cp);
        g->b[h >> 6] |= 1ull << (h & 63);
    }
}

/* A phrase to look for, with the signature bits of all its characters:
 * a line lacking any of them cannot hold it (a two-character phrase passes
 * a line of 50 distinct characters about once in 400), so that the byte
 * search, slow on Chinese UTF-8 where most characters share their first
 * byte, runs on almost no line. */
typedef struct phrase {
    const char *w;
    uint8_t len, nbits;
    uint16_t bits[8];
} phrase;

static int has(const sig *g, const uint8_t *s, size_t n, const phrase *ph)
{
    for (unsigned k = 0; k < ph->nbits; k++)
        if (!(g->b[ph->bits[k] >> 6] >> (ph->bits[k] & 63) & 1))
            return 0;
    const uint8_t *p = s, *end = s + n;
    size_t wl = ph->len;
    /* memmem() is a GNU extension; this is all we need of it. */
    while (wl && (size_t)(end - p) >= wl) {
        p = memchr(p, (uint8_t)ph->w[0], (size_t)(end - p) - wl + 1);
        if (!p)
            return 0;
        if (memcmp(p, ph->w, wl) == 0)
            return 1;
        p++;
    }
    return 0;
}

static int has_any(const sig *g, const uint8_t *s, size_t n, const phrase *ws)
{
    for (; ws->w; ws++)
        if (has(g, s, n, ws))
            return 1;
    return 0;
}

static size_t count_any(const sig *g, const uint8_t *s, size_t n,
                        const phrase *ws)
{
    size_t c = 0;
    for (; ws->w; ws++)
        if (has(g, s, n, ws))
            c++;
    return c;
}

static phrase police[] = {
    {.w = "公网安备"}, {.w = "公網安備"}, {.w = "网安备"}, {.w = "網安備"}, {.w = NULL}
};
static phrase icp_mark[] = {
    {.w = "备"}, {.w = "備"}, {.w = "证"}, {.w = "證"}, {.w = NULL}
};
static phrase sponsor[] = {
    {.w = "主办单位"}, {.w = "主辦單位"}, {.w = "承办单位"}, {.w = "承辦單位"},
    {.w = "协办单位"}, {.w = "協辦單位"}, {.w = "主办："}, {.w = "主辦："}, {.w = "承办："},
    {.w = "承辦："}, {.w = "主办:"}, {.w = "主辦:"}, {.w = NULL}
};
static phrase support[] = {
    {.w = "技术支持"}, {.w = "技術支持"}, {.w = "网站建设："}, {.w = "網站建設："}, {.w = NULL}
};
static phrase copyright[] = {
    {.w = "版权所有"}, {.w = "版權所有"}, {.w = "Copyright"}, {.w = "COPYRIGHT"},
    {.w = "copyright"}, {.w = "©"}, {.w = "版权声明"}, {.w = "版權聲明"}, {.w = NULL}
};
static phrase counter[] = {
    {.w = "您是第"}, {.w = "访问量"}, {.w = "訪問量"}, {.w = "访客数"}, {.w = "訪客數"},
    {.w = "访问人数"}, {.w = "訪問人數"}, {.w = "浏览次数"}, {.w = "瀏覽次數"}, {.w = NULL}
};
static phrase location[] = {
    {.w = "当前位置"}, {.w = "當前位置"}, {.w = "您的位置"}, {.w = "您所在的位置"},
    {.w = "您现在的位置"}, {.w = "您現在的位置"}, {.w = "所在位置"}, {.w = NULL}
};
static phrase share[] = {
    {.w = "分享到"}, {.w = "分享至"}, {.w = "一键分享"}, {.w = "一鍵分享"}, {.w = NULL}
};
static phrase spam[] = {
    {.w = "无码"}, {.w = "無碼"}, {.w = "一区二区"}, {.w = "一區二區"}, {.w = "久久"},
    {.w = "毛片"}, {.w = "av"}, {.w = "AV"}, {.w = "国产"}, {.w = "國產"},
    {.w = "精品"}, {.w = "亚洲"}, {.w = "亞洲"}, {.w = "熟妇"}, {.w = "熟婦"},
    {.w = "人妻"}, {.w = "少妇"}, {.w = "少婦"}, {.w = "欧美"}, {.w = "歐美"},
    {.w = "日韩"}, {.w = "日韓"}, {.w = "在线观看"}, {.w = "在線觀看"}, {.w = "视频"},
    {.w = "視頻"}, {.w = "高清"}, {.w = "偷拍"}, {.w = "激情"}, {.w = "色"},
    {.w = NULL}
};
static phrase icp_word[] = {
    {.w = "ICP"}, {.w = "icp"}, {.w = NULL}
};
static phrase home[] = {
    {.w = "首页"}, {.w = "首頁"}, {.w = "»"}, {.w = "＞"}, {.w = NULL}
};
static phrase sentence_end[] = {
    {.w = "。"}, {.w = "！"}, {.w = "？"}, {.w = NULL}
};

static phrase *const lists[] = {police, icp_mark, sponsor, support, copyright,
                                counter, location, share, spam, icp_word,
                                home, sentence_end};

/* The phrases' lengths and bits, once per process. */
static void init_phrases(void)
{
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (phrase *ph = lists[l]; ph->w; ph++) {
            size_t n = strlen(ph->w);
            ph->len = (uint8_t)n;
            for (size_t i = 0; i < n && ph->nbits < 8;) {
                uint32_t cp;
                i += zt_utf8_decode((const uint8_t *)ph->w + i, n - i, &cp);
                ph->bits[ph->nbits++] = (uint16_t)sig_bit(cp);
            }
        }
}
static pthread_once_t phrases_once = PTHREAD_ONCE_INIT;

/* A list of short phrases: several separators, short pieces. */
static int phrase_list(const uint8_t *s, size_t n)
{
    size_t seps = 0, chars = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = zt_utf8_decode(s + i, n - i, &cp);
        if (cp == ',' || cp == '_' || cp == '|' || cp == 0xFF0C || cp == 0x3001)
            seps++;
        else if (cp != ' ')
            chars++;
        i += l;
    }
    return seps >= 3 && chars <= (seps + 1) * 16;
}

const char *zt_rp_boiler(const uint8_t *s, size_t n)
{
    if (n == 0 || n > 4 * SHORT_LINE)
        return NULL;
    pthread_once(&phrases_once, init_phrases);
    sig g;
    sig_make(&g, s, n);
    if (n <= SHORT_LINE) {
        if (has_any(&g, s, n, police))
            return "police";
        if (has_any(&g, s, n, icp_word) && has_any(&g, s, n, icp_mark))
            return "icp";
        if (has_any(&g, s, n, sponsor))
            return "sponsor";
        if (has_any(&g, s, n, support))
            return "support";
        if (has_any(&g, s, n, copyright))
            return "copyright";
        if (has_any(&g, s, n, counter))
            return "counter";
        if (has_any(&g, s, n, location) &&
            (memchr(s, '>', n) || has_any(&g, s, n, home)))
            return "location";
        if (has_any(&g, s, n, share))
            return "share";
    }
    if (!has_any(&g, s, n, sentence_end) &&
        phrase_list(s, n) && count_any(&g, s, n, spam) >= 3)
        return "spam";
    return NULL;
}
