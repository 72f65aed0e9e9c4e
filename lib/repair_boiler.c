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
#include "repair.h"
#include "utf8.h"

#define SHORT_LINE 240 /* bytes: about 80 characters */

/* Which characters a line holds, as 1024 hash bits: most phrases are
 * ruled out by their first character without searching the line (a plain
 * byte search is slow on Chinese UTF-8, where most characters share their
 * first byte). */
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

/* memmem() is a GNU extension; this is all we need of it. */
static int has(const sig *g, const uint8_t *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    const uint8_t *p = s, *end = s + n;
    uint32_t cp;
    zt_utf8_decode((const uint8_t *)w, wl, &cp);
    unsigned h = sig_bit(cp);
    if (!(g->b[h >> 6] >> (h & 63) & 1))
        return 0;
    while (wl && (size_t)(end - p) >= wl) {
        p = memchr(p, (uint8_t)w[0], (size_t)(end - p) - wl + 1);
        if (!p)
            return 0;
        if (memcmp(p, w, wl) == 0)
            return 1;
        p++;
    }
    return 0;
}

static int has_any(const sig *g, const uint8_t *s, size_t n,
                   const char *const *ws)
{
    for (; *ws; ws++)
        if (has(g, s, n, *ws))
            return 1;
    return 0;
}

static size_t count_any(const sig *g, const uint8_t *s, size_t n,
                        const char *const *ws)
{
    size_t c = 0;
    for (; *ws; ws++)
        if (has(g, s, n, *ws))
            c++;
    return c;
}

static const char *const police[] = {"公网安备", "公網安備", "网安备", "網安備", NULL};
static const char *const icp_mark[] = {"备", "備", "证", "證", NULL};
static const char *const sponsor[] = {"主办单位", "主辦單位", "承办单位", "承辦單位",
                                      "协办单位", "協辦單位", "主办：", "主辦：",
                                      "承办：", "承辦：", "主办:", "主辦:", NULL};
static const char *const support[] = {"技术支持", "技術支持", "网站建设：", "網站建設：", NULL};
static const char *const copyright[] = {"版权所有", "版權所有", "Copyright", "COPYRIGHT",
                                        "copyright", "©", "版权声明", "版權聲明", NULL};
static const char *const counter[] = {"您是第", "访问量", "訪問量", "访客数", "訪客數",
                                      "访问人数", "訪問人數", "浏览次数", "瀏覽次數", NULL};
static const char *const location[] = {"当前位置", "當前位置", "您的位置", "您所在的位置",
                                       "您现在的位置", "您現在的位置", "所在位置", NULL};
static const char *const share[] = {"分享到", "分享至", "一键分享", "一鍵分享", NULL};
static const char *const spam[] = {"无码", "無碼", "一区二区", "一區二區", "久久", "毛片",
                                   "av", "AV", "国产", "國產", "精品", "亚洲", "亞洲",
                                   "熟妇", "熟婦", "人妻", "少妇", "少婦", "欧美", "歐美",
                                   "日韩", "日韓", "在线观看", "在線觀看", "视频", "視頻",
                                   "高清", "偷拍", "激情", "色", NULL};
static const char *const sentence_end[] = {"。", "！", "？", NULL};

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
    sig g;
    sig_make(&g, s, n);
    if (n <= SHORT_LINE) {
        if (has_any(&g, s, n, police))
            return "police";
        if ((has(&g, s, n, "ICP") || has(&g, s, n, "icp")) && has_any(&g, s, n, icp_mark))
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
            (memchr(s, '>', n) || has(&g, s, n, "首页") || has(&g, s, n, "首頁") ||
             has(&g, s, n, "»") || has(&g, s, n, "＞")))
            return "location";
        if (has_any(&g, s, n, share))
            return "share";
    }
    if (!has_any(&g, s, n, sentence_end) &&
        phrase_list(s, n) && count_any(&g, s, n, spam) >= 3)
        return "spam";
    return NULL;
}
