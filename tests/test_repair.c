/*
 * test_repair.c - zhtext repair: stripping, '?' recovery, script,
 * boilerplate, report, detect; the real pages in ../shared/data/injected.
 */
#include <math.h>

#include "testutil.h"

#include "repair.h"

static zt_repairer *make(zt_strip_mode strip, zt_script script,
                         zt_boilerplate_mode bp)
{
    zt_repair_options o;
    zt_repair_options_init(&o);
    o.strip = strip;
    o.script = script;
    o.boilerplate = bp;
    zt_repairer *r = NULL;
    assert_int_equal(zt_repairer_new(&o, &r), ZT_OK);
    return r;
}

/* A --script keep repairer deciding at margin m. */
static zt_repairer *make_margin(float m)
{
    zt_repair_options o;
    zt_repair_options_init(&o);
    o.script = ZT_SCRIPT_KEEP;
    o.margin = m;
    zt_repairer *r = NULL;
    assert_int_equal(zt_repairer_new(&o, &r), ZT_OK);
    return r;
}

/* Repair s with r; returns malloc'd text, fills rep. */
static char *fix(const zt_repairer *r, const char *s, zt_repair_report *rep)
{
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(zt_repair_alloc(r, s, strlen(s), &out, &n, rep), ZT_OK);
    assert_int_equal(strlen(out), n);
    return out;
}

static void expect(const zt_repairer *r, const char *in, const char *want)
{
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(r, in, &rep);
    assert_string_equal(got, want);
    zt_free(got);
    zt_repair_report_free(&rep);
}

/* As expect, and nothing is reported unresolved. */
static void expect_sure(const zt_repairer *r, const char *in, const char *want)
{
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(r, in, &rep);
    assert_string_equal(got, want);
    assert_int_equal(rep.nunresolved, 0);
    zt_free(got);
    zt_repair_report_free(&rep);
}

/* The repair of in starts with want (what follows is another test's). */
static void expect_start(const zt_repairer *r, const char *in, const char *want)
{
    char *got = fix(r, in, NULL);
    assert_memory_equal(got, want, strlen(want));
    zt_free(got);
}

/* `line` after 20 lines alternating a and b: its repair ends the output as
 * want, with exactly one unresolved spot, of that kind (at the line's last
 * byte if at_end). */
static void expect_after(const zt_repairer *r, const char *a, const char *b,
                         const char *line, const char *want,
                         zt_spot_kind kind, int at_end)
{
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char doc[4096] = "";
    for (int i = 0; i < 20; i++)
        strcat(doc, i % 2 ? b : a);
    size_t at = strlen(doc) + strlen(line) - 1;
    strcat(doc, line);
    char *got = fix(r, doc, &rep);
    assert_true(strlen(got) >= strlen(want));
    assert_string_equal(got + strlen(got) - strlen(want), want);
    assert_int_equal(rep.nunresolved, 1);
    assert_int_equal(rep.unresolved[0].kind, kind);
    if (at_end)
        assert_int_equal(rep.unresolved[0].offset, at);
    zt_free(got);
    zt_repair_report_free(&rep);
}

static void test_strip(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    expect(k, "省委常委會(huì)會(huì)議", "省委常委會會議");
    /* Names that spell the reading stay: the injector writes lowercase. */
    expect(k, "會(huì)議在華為(HUAWEI)總部", "會議在華為(HUAWEI)總部");
    expect(k, "會(huì)議說拉尼那（LaNina）現象", "會議說拉尼那（LaNina）現象");
    /* Tone numbers, toneless, full-width brackets, doubled, after a word. */
    expect(k, "發(fa1)展", "發展");
    expect(k, "發(fa)展", "發展");
    expect(k, "發（fā）展", "發展");
    expect(k, "中(zhong)(zhong)國", "中國");
    expect(k, "這些詞語(ciyu)", "這些詞語");
    /* A reading wrong in context still counts: 協調(diào). */
    expect(k, "協調(diào)", "協調");
    /* Real parentheses stay. */
    expect(k, "(全媒體記者 劉燕娟)", "(全媒體記者 劉燕娟)");
    expect(k, "中國(China)隊", "中國(China)隊");
    expect(k, "增長(3%)了", "增長(3%)了");
    expect(k, "他說(shuo)", "他說");
    expect(k, "他說(ma)", "他說(ma)");
    zt_repairer_free(k);
}

static void test_gbk_recovery(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(k, "湖南日?qǐng)?bào)", &rep);
    assert_string_equal(got, "湖南日報");
    assert_int_equal(rep.recovered, 2);
    assert_int_equal(rep.nunresolved, 0);
    zt_free(got);
    /* Made by the test simulator.  The lone '?' after ， hides its trail
     * byte and the lead of 不 (B2 BB); ~90 characters share the trail BB,
     * and the words 不由得 (不 is a word too) decide, 一由得 is not one.
     * (吸 after 倒 is a close call: 为了 is a word, but 为 is Simplified.) */
    expect_start(k, "堅(jiān)守的陣(zhèn)?lóng)匾豢矗?挥傻玫刮?艘豢诶錃?qì)打了一個(gè)寒戰(zhàn)",
                 "堅守的陣地一看，不由得倒");
    /* After ，? the next character's lead is hidden and its trail (D9)
     * known: 80 characters fit, and 瀑, rare on its own, is the one that
     * makes a word with the 布 after it.  It has to outlive the common
     * ones (百, 再, 少...) before 布 is read: the search looks ahead. */
    expect(k, "依瀑布的外觀(guān)和地形的?liǎn)?gòu)?qiáng)欤?俨加卸喾N(zhǒng)分類(lèi)：",
           "依瀑布的外觀和地形的構造，瀑布有多種分類：");
    /* 字符串，指 (B7 FB B4 AE A3 AC D6 B8) shifted by the hole before:
     * three lone '?' hide six bytes.  符 is known, 串 hidden, and no word
     * starts with 符串: the word 字符串 must still be found where the
     * search reaches 串.  (，or 他 after it stays a close call.) */
    expect_start(k, "一個(gè)格?jiā)阶址???付〞r(shí)間(jiān)", "一個格式字符串");
    /* After 聰明的 the lone '?' hides ， (A3 AC) and the lead of 他 (CB FB):
     * ，他 or ，名, ，欲, ，果 ... all make words, too close for the word
     * frequencies alone.  The word classes make ，他 the best (a pronoun
     * before the verb 會 is the common step), but by less than the margin:
     * the character in doubt is written as '?' and reported (made by the
     * test simulator from a sentence of ours). */
    expect(k, "這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到更多的朋友。",
           "這種做法是聰明的，?會由此得到更多的朋友。");
    /* The hole reads qǐ after 起: 啓 and 啟 both fit, and both are 启 in
     * Simplified, so this is no ambiguity of the text, only of its form:
     * without other evidence, the form OpenCC's s2t writes... */
    expect_sure(k, "等級(jí)制度在百度貼(tiē)吧全面?tǎng)?qǐ)用。",
                "等級制度在百度貼吧全面啓用。");
    /* ... and where the document writes one of them, that one. */
    expect(k, "開啟新篇章\n等級(jí)制度在百度貼(tiē)吧全面?tǎng)?qǐ)用。",
           "開啟新篇章\n等級制度在百度貼吧全面啟用。");
    /* 幹, 乾 (and 干) are all 干 in Simplified; which one, s2t's phrases
     * say in context: 乾燥.  And 工具, not 工俱 (OpenCC's t2s keeps 俱,
     * but the word lookups read it as 具: the two tie on the words). */
    expect(k, "繃(bēng)?dāng)??gān)燥後(hòu)?pō)?huì)變(biàn)硬。", "繃帶乾燥後會變硬。");
    const char *tool = "便?xiān)y(xié)式?gěng)?dài)寬(kuān)監(jiān)視(shì)器和網(wǎng)速估計(jì)?xián)ぞ?";
    /* (工就 and the others come about e^4.45 behind them together: written
     * at margin 4.25, left as '?' and reported at the default 4.75.) */
    zt_repairer *k45 = make_margin(4.25f);
    expect(k45, tool, "便攜式帶寬監視器和網速估計工具");
    zt_repairer_free(k45);
    expect(k, tool, "便攜式帶寬監視器和網速估計工?");
    /* ， or （ (A3 AC, A3 A8) where a '?' hid the trail: a （ that no ）
     * follows on the line is unlikely. */
    expect_sure(k, "洗了頭(tóu)髮(fà)?zhuān)?^(tóu)皮癢(yǎng)的慌！", "洗了頭髮，頭皮癢的慌！");
    /* 盃賽12 = B0 A0 D9 90 31 32: 獨 (A0 D9, dú) was annotated across 盃
     * and 賽, so 賽's own pass found nothing; then 90 swallowed the '1'.
     * 賽 lacking its reading is no evidence against it here. */
    expect_start(k, "這(zhè)是該(gāi)隊(duì)離(lí)別(bié)世界盃(bēi)?dú)?2年後(hòu)的第一場(chǎng)比賽(sài)",
                 "這是該隊離別世界盃賽");
    /* A lone '?' at a line end after 虧 (A1 A3 lost): 。 ends lines. */
    expect(k, "都曾經(jīng)喫(chī)過(guò)虧(kuī)?xún)?", "都曾經喫過虧。");
    /* The run after the '?' realigns: 因為 = D2 F2 9E E9, 驗 = F2 9E. */
    expect(k, "因?yàn)?wèi)天氣(qì)變(biàn)化", "因為天氣變化");
    expect(k, "我們三個(gè)人一起參(cān)加了?qióng)?huì)議(yì)。", "我們三個人一起參加了會議。");
    /* Decoded by a decoder that replaces each bad byte by U+FFFD and
     * swallows nothing (Python's errors="replace"): the same holes with
     * their '(' kept, and a U+FFFD alone is one byte that did not pair with
     * the next; a real parenthesis after U+FFFD stays. */
    expect_sure(k, "湖南日\xEF\xBF\xBD(qǐng)\xEF\xBF\xBD(bào)", "湖南日報");
    expect_sure(k, "因\xEF\xBF\xBD(yàn)\xEF\xBF\xBD(wèi)天氣(qì)變(biàn)化", "因為天氣變化");
    expect_sure(k, "一個(gè)格\xEF\xBF\xBD(jiā)阶址\xEF\xBF\xBD串，指定時(shí)間(jiān)",
                "一個格式字符串，指定時間");
    expect(k, "\xEF\xBF\xBD(全媒體記者)", "\xEF\xBF\xBD(全媒體記者)");
    /* A U+FFFD nothing explains stays, reported as a byte lost. */
    got = fix(k, "他們\xEF\xBF\xBD走了(le)", &rep);
    assert_string_equal(got, "他們\xEF\xBF\xBD走了");
    assert_int_equal(rep.nunresolved, 1);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_LOST);
    assert_int_equal(rep.unresolved[0].offset, 6);
    zt_free(got);
    /* 爲止 = A0 91 D6 B9: the hole (jù) hides D6 (91 D6 is a character
     * read jù), the U+FFFD alone B9; several pairs fit as well as 止.  In
     * doubt, the character is written as the input marked it, U+FFFD, not
     * '?'. */
    got = fix(k, "他說(shuō)到這(zhè)裏(lǐ)爲(wèi)\xEF\xBF\xBD(jù)\xEF\xBF\xBD.", &rep);
    assert_string_equal(got, "他說到這裏爲\xEF\xBF\xBD.");
    assert_int_equal(rep.nunresolved, 1);
    zt_free(got);
    /* A '?' that is no damage stays: a question mark, and "?x)" that no
     * byte can explain is left and reported. */
    got = fix(k, "是嗎?好(hǎo)", &rep);
    assert_string_equal(got, "是嗎?好");
    assert_int_equal(rep.nunresolved, 0);
    zt_free(got);
    got = fix(k, "abc?zhōng)", &rep);
    assert_string_equal(got, "abc?zhōng)");
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
}

/* A '?' ending a line: a byte of its last character with nothing after
 * it, or one that swallowed a '.'.  The text is written without the '?'
 * either way; where the document's lines often end in ASCII punctuation
 * after a wide character (man pages), the spot is also reported. */
static void test_line_end_ascii(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    const char *line = "設(shè)置冗餘(yú)級(jí)別(bié),4級(jí)打印出每?zǒng)€(gè)請(qǐng)求"
                       "標(biāo)頭(tóu)的詳(xiáng)細(xì)?sān)畔?";
    const char *want = "設置冗餘級別,4級打印出每個請求標頭的詳細信息";
    expect_sure(k, line, want);
    /* The same line in a document of lines like "顯示詳細信息." */
    expect_after(k, "顯示詳細信息.\n", "顯示詳細信息.\n", line, want,
                 ZT_SPOT_LOST, 1);
    /* A page of three lines, two of them so, is enough to say so. */
    char doc[512];
    snprintf(doc, sizeof doc, "顯示詳細信息.\n打印出來.\n%s", line);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(k, doc, &rep);
    size_t gl = strlen(got), wl = strlen(want);
    assert_true(gl > wl && got[gl - wl - 1] == '\n');
    assert_string_equal(got + gl - wl, want);
    assert_int_equal(rep.nunresolved, 1);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_LOST);
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
}

/* A lone '?' ending a line after 在 hides 。 (A1 A3) or 「 (A1 B8) alike:
 * 。 ends lines, 「 seldom does... unless the document's lines end in it
 * often (text cut into lines at HTML tags: 請在「<b>工具</b>」): then it is a
 * close call, reported, not a silent 。. */
static void test_line_end_open(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    const char *line = "如果要保存文件，請(qǐng)?jiān)凇?";
    expect_sure(k, line, "如果要保存文件，請在。");
    expect_after(k, "選擇所需的格式。\n", "要打開文件，請點擊「\n", line,
                 "如果要保存文件，請在?", ZT_SPOT_AMBIGUOUS, 0);
    zt_repairer_free(k);
}

/* Each page has its own table (repair_page.c).  在會議 read one byte late
 * is 跁 and a lone '?' that hides 議's trail byte: where the page shows 議
 * bare on an undamaged line, it was not in the table, so the '?' may hide
 * it; where the page annotates it, it would carry its reading here too,
 * and the spot stays unresolved.  And the pairs of characters the page has
 * elsewhere decide close calls: 一定要 or 一定能.  (The sentences are the
 * project's own, damaged by the test simulator.) */
static void test_page_table(void **state)
{
    (void)state;
    /* At margin 3.75: the page's evidence lifts 會議 above the others by
     * more than that, though not by the default 4.75. */
    zt_repair_options o;
    zt_repair_options_init(&o);
    o.script = ZT_SCRIPT_KEEP;
    o.margin = 3.75f;
    zt_repairer *k = NULL;
    assert_int_equal(zt_repairer_new(&o, &k), ZT_OK);
    const char *line = "我們?cè)跁?h上討論了明年的工作計(jì)劃，大家都發表了自己的意見。";
    char doc[512];
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    snprintf(doc, sizeof doc, "議。\n%s", line);
    char *got = fix(k, doc, &rep);
    assert_string_equal(got, "議。\n我們在會議上討論了明年的工作計劃，大家都發表了自己的意見。");
    assert_int_equal(rep.nunresolved, 0);
    zt_free(got);
    snprintf(doc, sizeof doc, "議(yì)。\n%s", line);
    got = fix(k, doc, &rep);
    assert_string_equal(got, "議。\n我們在會?上討論了明年的工作計劃，大家都發表了自己的意見。");
    assert_int_equal(rep.nunresolved, 1);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_AMBIGUOUS);
    zt_free(got);
    line = "老師告訴(sù)我們(men)，考試(shì)?chuò)耙欢ㄒ?J(rèn)真複(fù)習，不要臨(lín)時抱佛腳(jiǎo)。";
    snprintf(doc, sizeof doc, "你一定能來。\n%s", line);
    got = fix(k, doc, &rep);
    assert_string_equal(got, "你一定能來。\n老師告訴我們，考試前一定?認真複習，不要臨時抱佛腳。");
    assert_int_equal(rep.nunresolved, 1);
    zt_free(got);
    snprintf(doc, sizeof doc, "你一定要來。\n%s", line);
    got = fix(k, doc, &rep);
    assert_string_equal(got, "你一定要來。\n老師告訴我們，考試前一定要認真複習，不要臨時抱佛腳。");
    assert_int_equal(rep.nunresolved, 0);
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
}

/* Real pages were folded to ASCII after the damage (，-> ,): "了,?yíng)Q"
 * is a hole after '，' (A3 AC; AC 93 is 瑩, yíng, in the table; 換 is
 * 93 51, and 51 alone is the Q), which a ',' cannot explain.  On a page
 * with no full-width form the ',' is read as '，' and the output folded
 * back; on a page that writes '，' elsewhere, the ',' is itself, and the
 * spot does not fit (reported, left as it was). */
static void test_folded_page(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    /* (The reading of 換 (93 51) after Q tells it from 據稱 (93 FE 95 51),
     * which a vanished pair FE 95 would give.) */
    const char *line = "這(zhè)雙(shuāng)鞋太小了,?yíng)Q(huàn)一雙(shuāng)大的吧。";
    expect_sure(k, line, "這雙鞋太小了,換一雙大的吧。");
    char doc[256];
    snprintf(doc, sizeof doc, "好，很好\n%s", line);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(k, doc, &rep);
    assert_string_equal(got, "好，很好\n這雙鞋太小了,?yíng)Q一雙大的吧。");
    assert_int_equal(rep.nunresolved, 1);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_NOFIT);
    zt_free(got);
    /* A pair of bytes GBK leaves unassigned can vanish from the page (as on
     * page 011): 一定要認 (... D2 AA D5 4A) read one byte late gives ㄒ
     * (A8 D2), then AA D5 (user-defined: gone) and J (4A), and the reading
     * of 認 (D5 4A) follows.  The search puts the pair back before J (an
     * ASCII byte can be a trail byte): 一定要認真.  要 (D2 AA) is not the
     * only character a vanished pair can make there (一定引, D2 FD), and
     * not by the margin: it is written '?', and both the hole and the place
     * of the pair are reported.  (Before the search looked before ASCII
     * bytes, the bytes paired into 一定襃 and the line was left.) */
    const char *in011[] = {"好,很好,真好\n考試?chuò)耙欢ㄒJ(rèn)真複習。",
                           /* the same without the reading of 認 */
                           "好,很好,真好\n考試(shì)?chuò)耙欢ㄒJ真複習。"};
    for (size_t t = 0; t < 2; t++) {
        got = fix(k, in011[t], &rep);
        assert_string_equal(got, "好,很好,真好\n考試前一定?認真複習。");
        assert_int_equal(rep.nunresolved, 2);
        assert_int_equal(rep.unresolved[0].offset, strstr(in011[t], "?chuò") - in011[t]);
        assert_int_equal(rep.unresolved[1].offset, strstr(in011[t], "J") - in011[t]);
        assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_AMBIGUOUS);
        assert_int_equal(rep.unresolved[1].kind, ZT_SPOT_AMBIGUOUS);
        zt_free(got);
    }
    /* A reading after a ',' on a folded page: ",m(fà)" is 琺 = AC 6D,
     * across '，' (A3 AC) and m, the reading of 話 between them. */
    expect_sure(k, "好,很好,真好\n如果不行的話(huà),m(fà)smtp 會提示你",
                "好,很好,真好\n如果不行的話,msmtp 會提示你");
    /* Misaligned bytes can decode to full-width signs, which the folding
     * made ASCII, so that the run is no longer what the bytes were (來非常方
     * 81 ED B7 C7 B3 A3 B7 BD read one byte late gives 矸 浅 ７, and the
     * page shows 矸浅7).  Reading such a sign both ways would realign the
     * run, but real pages also lose pairs of bytes (a pair GBK leaves
     * unassigned vanishes), and then the same freedom reads garbage as text
     * (011: 日常生活 -> 日常深中): the run is left as it is and reported.
     * (Tried again with a cost and a wider margin, branch exp-fold: on data
     * it was not tuned on, one more silent error per 12-22 lines gained.) */
    got = fix(k, "好,很好,真好\n這(zhè)個(gè)軟件的界面設計得很清楚,用起?kuì)矸浅7奖恪?", &rep);
    assert_string_equal(got, "好,很好,真好\n這個軟件的界面設計得很清楚,用起?kuì)矸浅7奖恪?");
    assert_int_equal(rep.nunresolved, 2); /* the hole, and the '?' at the end */
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
}

/* A pair of bytes of GBK's user-defined areas vanished from a run read one
 * byte late (as on real pages 011 and 018).  建成的，大大 is ... B5 C4 A3 AC
 * B4 F3 B4 F3 ...; after the hole, read one byte late, C4 A3 is 模, AC B4
 * (user-defined) is gone, F3 B4 is 蟠: "建成的s大" if nothing vanished.  On
 * a folded page the search lets a pair vanish between any two characters
 * after a hole, and the words decide.  Sentences of this project, damaged
 * by the test simulator (sim_damage -f -x). */
static void test_vanished_pair(void **state)
{
    (void)state;
    zt_repair_options o;
    zt_repair_options_init(&o);
    o.script = ZT_SCRIPT_KEEP;
    zt_repairer *k = NULL;
    assert_int_equal(zt_repairer_new(&o, &k), ZT_OK);
    const char *lines =
        "\n這座?è)蚴侨ツ杲ǔ傻模蟠罂s(suō)短了兩岸居民的出行時間。"
        "\n他說(shuō)這本書?wū)懙煤苡幸馑迹ㄗh大家都去圖書館借來(lái)看一看。";
    char doc[1024];
    snprintf(doc, sizeof doc, "好,很好%s", lines);
    /* 建成的,大大 wins by e^4.6 over 建成的ｓ大, what the bytes say if no
     * pair vanished: written at margin 4 (a chunk with holes only must win
     * by 0.5 more: 4.5), reported at the default 4.75 (5.25).  (ｓ alone is
     * never written: lone_alnum.) */
    zt_repairer *k45 = make_margin(4.0f);
    expect_sure(k45, doc, "好,很好\n這座橋是去年建成的,大大縮短了兩岸居民的出行時間。"
                          "\n他說這本書寫得很有意思,建議大家都去圖書館借來看一看。");
    zt_repairer_free(k45);
    expect_start(k, doc, "好,很好\n這座?è)蚴侨ツ杲ǔ傻模蟠罂s短了兩岸居民的出行時間。"
                         "\n他說這本書寫得很有意思,建議大家都去圖書館借來看一看。");
    /* A word's reading after a hole is still a word's reading (the places
     * where a pair may have vanished hold no bytes of the input). */
    expect(k, "好,很好\n我們今天開會?lùn)討論這個問題,會議(huìyì)很成功。",
           "好,很好\n我們今天開會?lùn)討論這個問題,會議很成功。");
    /* Wide characters after a hole, each a ',' read as '，' (A3 AC): no
     * place for a vanished pair before those (a fuzzer's find: four
     * elements for one byte overran the line's buffer). */
    char many[512] = "好,很好\n這(zhè)?è)蚴字";
    for (int i = 0; i < 300; i++)
        strcat(many, ",");
    char *got = fix(k, many, NULL);
    assert_non_null(strstr(got, "字,,,,,,,,"));
    zt_free(got);
    /* A page with a full-width form was not folded: no pair vanishes
     * there, as in the benchmark's other forms.  The only reading left,
     * 建成的ｓ大縮短, makes a full-width letter between Chinese characters
     * that the line does not have: the run is left and reported. */
    snprintf(doc, sizeof doc, "好，很好%s", lines);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    got = fix(k, doc, &rep);
    assert_non_null(strstr(got, "\n這座?è)蚴侨ツ杲ǔ傻模蟠罂s短"));
    assert_true(rep.nunresolved >= 1);
    assert_int_equal(rep.unresolved[0].offset, strstr(doc, "?è)") - doc);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_LOST);
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
    /* --lone leave searches no lone '?', nor vanished pairs: the same. */
    o.lone = ZT_LONE_LEAVE;
    assert_int_equal(zt_repairer_new(&o, &k), ZT_OK);
    snprintf(doc, sizeof doc, "好,很好%s", lines);
    expect_start(k, doc, "好,很好\n這座?è)蚴侨ツ杲ǔ傻模蟠罂s短");
    zt_repairer_free(k);
}

/* Where else a run read one byte late can lose a pair (may_vanish in
 * repair_line.c).  Each line below was damaged by this project's
 * simulator's rules with a table of one or two characters, pairs of the
 * user-defined areas dropped, on a folded page; before the search looked at
 * these places, each came out wrong without a report. */
static void test_vanish_places(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    static const struct {
        const char *in, *want; /* the line after "好,很好\n" */
        const char *spots[3];  /* where the report points, in order */
    } cases[] = {
        /* Right after a hole: 數據透視表 is 94 B5 | 93 FE | CD B8 | D2 95,
         * the hole hides 93, then FE CD vanished (before: 數摳視表, 93 B8).
         * 據 is back; 透 is one of several that fit, and is reported. */
        {"打開數?lù)敢?shì)表,選擇一個單元格。", "打開數據?視表,選擇一個單元格。",
         {"?lù)", "敢", "?shì)"}},
        /* Before an ASCII byte, which can be a trail byte: 代碼 is B4 FA
         * B4 61, and FA B4 vanished (before: 重寫碼).  寫碼 against 寫代碼
         * is no clear choice: left and reported. */
        {"我們需要重?chū)懘a,然後再測試。", "我們需要重?chū)懘a,然後再測試。",
         {"?chū)", "a,", NULL}},
        /* Before a '?' that ends the line (the lead byte of 。 alone):
         * 數據。 lost FE A1 (before: 數據, the 。 gone). */
        {"我們需要更多的數?lù)?", "我們需要更多的數?lù)?", {"?lù)", "?", NULL}},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        char doc[256], want[256];
        snprintf(doc, sizeof doc, "好,很好\n%s", cases[t].in);
        snprintf(want, sizeof want, "好,很好\n%s", cases[t].want);
        zt_repair_report rep;
        zt_repair_report_init(&rep);
        char *got = fix(k, doc, &rep);
        assert_string_equal(got, want);
        size_t n = 0, from = 0;
        for (; n < 3 && cases[t].spots[n]; n++) {
            /* (the last '?' of the line for the line-end case) */
            const char *at = strcmp(cases[t].spots[n], "?") == 0
                                 ? strrchr(doc, '?')
                                 : strstr(doc + from, cases[t].spots[n]);
            assert_non_null(at);
            assert_int_equal(rep.unresolved[n].offset, at - doc);
            assert_int_equal(rep.unresolved[n].kind, ZT_SPOT_AMBIGUOUS);
            from = (size_t)(at - doc) + 1;
        }
        assert_int_equal(rep.nunresolved, n);
        zt_free(got);
        zt_repair_report_free(&rep);
    }
    /* A ',' after a character whose trail byte is ASCII (碼, B4 61) was a
     * '，' too: ",m(fà)" is 琺 (AC 6D), and the reading is stripped. */
    expect_sure(k, "好,很好\n如果不指定密碼,m(fà)smtp 會提示你",
                "好,很好\n如果不指定密碼,msmtp 會提示你");
    /* A reading left after an ASCII byte that ends a character: 串。這 is
     * B4 AE A1 A3 DF 40, and read one byte late AE A1 vanished, A3 DF
     * (＿) was folded to '_', and 這's reading follows its trail byte '@'.
     * The only reading of the bytes, 字確@, is written, and reported. */
    {
        const char *in = "好,很好\n輸?dí)鲎执_@(zhè)是例子。";
        zt_repair_report rep;
        zt_repair_report_init(&rep);
        char *got = fix(k, in, &rep);
        assert_string_equal(got, "好,很好\n輸出字確@(zhè)是例子。");
        assert_int_equal(rep.nunresolved, 1);
        assert_int_equal(rep.unresolved[0].offset, strstr(in, "?dí") - in);
        assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_LOST);
        zt_free(got);
        zt_repair_report_free(&rep);
    }
    /* ... and after a ')' that was a '）' itself: the reading of (AC, m)
     * after the ',' says so. */
    expect_sure(k, "好,很好\n如果文件是一短橫(-),m(fà)smtp 就把記錄輸出",
                "好,很好\n如果文件是一短橫(-),msmtp 就把記錄輸出");
    zt_repairer_free(k);
}

/* --lone leave: a lone '?' after a pending lead byte is not searched; its
 * run, up to where the bytes surely realign (an ASCII sign below 0x40),
 * is written as it was and each of its spots reported as unsearched.  The
 * holes before and after such a run, and a '?' of the text after aligned
 * text, are read as always. */
static void test_lone_leave(void **state)
{
    (void)state;
    zt_repair_options o;
    zt_repair_options_init(&o);
    assert_int_equal(o.lone, ZT_LONE_SEARCH);
    o.script = ZT_SCRIPT_KEEP;
    o.lone = ZT_LONE_LEAVE;
    zt_repairer *k = NULL;
    assert_int_equal(zt_repairer_new(&o, &k), ZT_OK);
    const char *in = "這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到。\n"
                     "是嗎?好(hǎo)\n"
                     "湖南日?qǐng)?bào)記者, 都曾經(jīng)喫(chī)過(guò)虧(kuī)?xún)?";
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(k, in, &rep);
    assert_string_equal(got, "這種做法是聰?xiào)鞯模?麜?huì)由此得到。\n"
                             "是嗎?好\n"
                             "湖南日報記者, 都曾經喫過虧?xún)?");
    /* the hole, the lone '?' and the hole of line 1; the hole and the
     * lone '?' ending line 3 */
    size_t want[] = {strstr(in, "?xiào") - in, strstr(in, "?麜") - in,
                     strstr(in, "?huì") - in, strstr(in, "?xún") - in,
                     strlen(in) - 1};
    assert_int_equal(rep.nunresolved, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(rep.unresolved[i].offset, want[i]);
        assert_int_equal(rep.unresolved[i].kind, ZT_SPOT_UNSEARCHED);
    }
    assert_int_equal(rep.recovered, 2);
    zt_free(got);
    /* The report names the kind. */
    char *js = NULL;
    size_t jn = 0;
    assert_int_equal(zt_repair_report_json(&rep, NULL, 0, &js, &jn), ZT_OK);
    assert_non_null(strstr(js, "\"kind\":\"unsearched\""));
    zt_free(js);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
    o.lone = (zt_lone_mode)2;
    assert_int_equal(zt_repairer_new(&o, &k), ZT_EINVAL);
}

/* The decision margin: in "聰明的，?會" the lone '?' hides ， and the lead of
 * 他, which the context prefers to 你 and the others, but not by e^4.75 (the default); a
 * lower margin writes it, a higher one also leaves the 。 that a '?'
 * ending the second line hides (the page is folded: its ", " after 記者). */
static void test_margin(void **state)
{
    (void)state;
    const char *in = "這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到。\n"
                     "湖南日?qǐng)?bào)記者, 都曾經(jīng)喫(chī)過(guò)虧(kuī)?xún)?";
    zt_repair_options o;
    zt_repair_options_init(&o);
    assert_true(o.margin == ZT_REPAIR_MARGIN);
    o.script = ZT_SCRIPT_KEEP;
    static const struct {
        float margin;
        const char *want;
        size_t nunresolved, recovered;
    } cases[] = {
        {0.0f, "這種做法是聰明的,他會由此得到。\n湖南日報記者, 都曾經喫過虧。", 0, 5},
        {2.0f, "這種做法是聰明的,他會由此得到。\n湖南日報記者, 都曾經喫過虧。", 0, 5},
        {ZT_REPAIR_MARGIN, "這種做法是聰明的,?會由此得到。\n湖南日報記者, 都曾經喫過虧。", 2, 4},
        {10.0f, "這種做法是聰明的,?會由此得到。\n湖南日報記者, 都曾經喫過虧?", 3, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        o.margin = cases[i].margin;
        zt_repairer *r = NULL;
        assert_int_equal(zt_repairer_new(&o, &r), ZT_OK);
        zt_repair_report rep;
        zt_repair_report_init(&rep);
        char *got = fix(r, in, &rep);
        assert_string_equal(got, cases[i].want);
        assert_int_equal(rep.nunresolved, cases[i].nunresolved);
        assert_int_equal(rep.recovered, cases[i].recovered);
        zt_free(got);
        zt_repair_report_free(&rep);
        zt_repairer_free(r);
    }
    zt_repairer *r = NULL;
    float bad[] = {-0.5f, 50.5f, NAN};
    for (size_t i = 0; i < 3; i++) {
        o.margin = bad[i];
        assert_int_equal(zt_repairer_new(&o, &r), ZT_EINVAL);
    }
}

static void test_script(void **state)
{
    (void)state;
    zt_repairer *s = make(ZT_STRIP_AUTO, ZT_SCRIPT_SIMPLIFIED, ZT_BOILERPLATE_KEEP);
    /* OpenCC's t2s keeps 著 in 著力; mainland text writes 着力. */
    expect(s, "著(zhù)力推進", "着力推进");
    expect(s, "看著", "看着");
    expect(s, "著作和顯著", "著作和显著");
    zt_repairer_free(s);
    zt_repairer *t = make(ZT_STRIP_AUTO, ZT_SCRIPT_TRADITIONAL, ZT_BOILERPLATE_KEEP);
    expect(t, "发(fā)展", "發展");
    zt_repairer_free(t);
}

static void test_aid(void **state)
{
    (void)state;
    const char *aid = "兔(tù)子(zi)的(de)尾(wěi)巴(ba)长(cháng)不(bù)了(liǎo)";
    zt_repairer *a = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(a, aid, &rep);
    assert_string_equal(got, aid);
    assert_true(rep.reading_aid);
    assert_int_equal(rep.annotations, 0);
    assert_int_equal(rep.aids_kept, 8);
    zt_free(got);
    zt_repairer_free(a);
    zt_repairer *all = make(ZT_STRIP_ALL, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    got = fix(all, aid, &rep);
    assert_string_equal(got, "兔子的尾巴长不了");
    zt_free(got);
    zt_repairer_free(all);
    zt_repairer *none = make(ZT_STRIP_NONE, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    got = fix(none, "會(huì)議", &rep);
    assert_string_equal(got, "會(huì)議");
    zt_free(got);
    zt_repairer_free(none);
    zt_repair_report_free(&rep);
}

static void test_boilerplate(void **state)
{
    (void)state;
    const char *doc = "当前位置：首页 > 新闻\n正文第一段。\n京ICP备12345678号\n"
                      "您是第 1234 位访客\n正文第二段。";
    zt_repairer *m = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_MARK);
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(m, doc, &rep);
    assert_int_equal(rep.nboilerplate, 3);
    assert_int_equal(rep.boilerplate[0].line, 1);
    assert_string_equal(rep.boilerplate[0].kind, "location");
    assert_string_equal(rep.boilerplate[1].kind, "icp");
    assert_string_equal(rep.boilerplate[2].kind, "counter");
    assert_non_null(strstr(got, ZT_BOILERPLATE_MARKER "京ICP"));
    zt_free(got);
    zt_repairer_free(m);
    zt_repairer *d = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_DROP);
    got = fix(d, doc, &rep);
    assert_string_equal(got, "正文第一段。\n正文第二段。");
    zt_free(got);
    char *js = NULL;
    size_t jn;
    assert_int_equal(zt_repair_report_json(&rep, "\"a\"", 3, &js, &jn), ZT_OK);
    assert_non_null(strstr(js, "\"id\":\"a\","));
    assert_non_null(strstr(js, "{\"line\":3,\"kind\":\"icp\"}"));
    zt_free(js);
    zt_repair_report_free(&rep);
    zt_repairer_free(d);
}

static void test_bad_input(void **state)
{
    (void)state;
    zt_repairer *s = make(ZT_STRIP_AUTO, ZT_SCRIPT_SIMPLIFIED, ZT_BOILERPLATE_KEEP);
    const char in[] = "會(huì)\xff\xfe?(\xe4)\n\n?qǐng)\x80\n";
    char *out = NULL;
    size_t n;
    assert_int_equal(zt_repair_alloc(s, in, sizeof in - 1, &out, &n, NULL), ZT_OK);
    int found = 0;
    for (size_t i = 0; i + 6 <= n; i++)
        found |= memcmp(out + i, "\xff\xfe?(\xe4)", 6) == 0;
    assert_true(found);
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += out[i] == '\n';
    assert_int_equal(lines, 3);
    zt_free(out);
    assert_int_equal(zt_repair_alloc(s, NULL, 0, &out, &n, NULL), ZT_OK);
    assert_int_equal(n, 0);
    zt_free(out);
    /* NUL and invalid UTF-8 (a surrogate, stray bytes) pass through. */
    const char raw[] = "a\0b\xff\xfe\n\xed\xa0\x80\xe4\n";
    assert_int_equal(zt_repair_alloc(s, raw, sizeof raw - 1, &out, &n, NULL), ZT_OK);
    assert_int_equal(n, sizeof raw - 1);
    assert_memory_equal(out, raw, n);
    zt_free(out);
    double sc;
    assert_int_equal(zt_repair_detect(s, "會(huì)議發(fā)展", 24, &sc), ZT_OK);
    assert_true(sc > 0.3 && sc <= 1.0);
    assert_int_equal(zt_repair_detect(s, "正常的文本。", 18, &sc), ZT_OK);
    assert_true(sc == 0.0);
    zt_repair_options o;
    zt_repair_options_init(&o);
    o.script = (zt_script)7;
    zt_repairer *bad = NULL;
    assert_int_equal(zt_repairer_new(&o, &bad), ZT_EINVAL);
    zt_repairer_free(s);
}

/* Every real page: no validated reading left (a second pass finds none),
 * the reading aids unchanged, the '?' runs recovered. */
static void test_real_pages(void **state)
{
    (void)state;
    if (!have_shared("test_repair real pages"))
        return;
    static const char *const pages[] = {"001", "002", "003", "004", "005", "006",
        "007", "008", "009", "010", "011", "012", "014", "016", "017", "018",
        "020", "021", "023", "025", "026", "027", "028", "030", "031", NULL};
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    size_t recovered = 0;
    for (int i = 0; pages[i]; i++) {
        char path[128];
        snprintf(path, sizeof path, SHARED_DIR "/injected/%s.txt", pages[i]);
        size_t len;
        char *raw = read_all(path, &len);
        if (!raw) {
            printf("SKIP %s: cannot read\n", path);
            continue;
        }
        /* The first lines starting with "# " are notes. */
        char *text = raw;
        while (strncmp(text, "# ", 2) == 0 && strchr(text, '\n'))
            text = strchr(text, '\n') + 1;
        size_t tlen = len - (size_t)(text - raw);
        zt_repair_report rep, rep2;
        zt_repair_report_init(&rep);
        zt_repair_report_init(&rep2);
        char *out = NULL, *out2 = NULL;
        size_t n, n2;
        assert_int_equal(zt_repair_alloc(k, text, tlen, &out, &n, &rep), ZT_OK);
        int aid = !strcmp(pages[i], "025") || !strcmp(pages[i], "026") ||
                  !strcmp(pages[i], "027");
        if (aid) {
            assert_true(rep.reading_aid);
            assert_int_equal(n, tlen);
            assert_memory_equal(out, text, n);
        } else if (strcmp(pages[i], "028") != 0) {
            assert_false(rep.reading_aid);
            assert_true(rep.annotations > 0);
            assert_true(rep.score > 0.5);
            assert_int_equal(zt_repair_alloc(k, out, n, &out2, &n2, &rep2), ZT_OK);
            if (rep2.annotations)
                printf("%s: %zu readings left\n", pages[i], rep2.annotations);
            assert_int_equal(rep2.annotations, 0);
            zt_free(out2);
        }
        recovered += rep.recovered;
        zt_free(out);
        zt_repair_report_free(&rep);
        zt_repair_report_free(&rep2);
        free(raw);
    }
    printf("real pages: %zu '?' spots recovered\n", recovered);
    /* 7: the holes of 011's and 018's runs that never realign (the pages
     * lost bytes themselves) are left and reported, not counted. */
    assert_true(recovered >= 6);
    zt_repairer_free(k);
}

/* Specific runs in the real pages, recovered exactly. */
static void test_real_runs(void **state)
{
    (void)state;
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    /* 016: 我們?nèi)齻€(gè) = 我們三個 (們 = 82 83, 內 = 83 C8). */
    expect(k, "我們?nèi)齻€(gè)一起做新東方。", "我們三個一起做新東方。");
    /* 020: 運(yùn)輸?shù)某鞘幸研纬闪溯^完整 = 運輸的城市已形成了較完整. */
    expect(k, "運(yùn)輸?shù)某鞘幸研纬闪溯^完整", "運輸的城市已形成了較完整");
    /* 011: 人們日常生活中描述時間點, where the page also dropped the pair
     * (FA BB) and turned Ｉ (A3 C9) into I: the hole fits only 日, but the
     * text after it still reads as misaligned bytes, so the spot is left as
     * it was and reported, not passed off as repaired. */
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *got = fix(k, "符合人們?nèi)粘I钪忻枋鰰r(shí)間點(diǎn)的方式", &rep);
    assert_string_equal(got, "符合人們?nèi)粘I钪忻枋鰰r間點的方式");
    assert_true(rep.nunresolved >= 1);
    assert_int_equal(rep.unresolved[0].kind, ZT_SPOT_LOST);
    assert_int_equal(rep.recovered, 0);
    zt_free(got);
    zt_repair_report_free(&rep);
    zt_repairer_free(k);
}

/* The gate before the repair of a line: a line goes through only if one of
 * its ')' or "）" ends a reading; brackets of real text (4.4% of the
 * benchmark's lines) pass untouched without the page being read. */
static int plain(const char *s)
{
    return zt_rp_line_plain((const uint8_t *)s, strlen(s));
}

static void test_line_plain(void **state)
{
    (void)state;
    assert_true(plain(""));
    assert_true(plain("沒有括號的一行"));
    assert_true(plain("(全媒體記者 劉燕娟)"));
    assert_true(plain("華為(HUAWEI)發佈"));
    assert_true(plain("a) 第一條；b) 第二條"));
    assert_true(plain("（注：見上文）"));
    assert_true(plain("好(笑)?"));
    assert_true(plain(")開頭和(結尾"));
    assert_false(plain("會(huì)議"));
    assert_false(plain("日?qǐng)?bào)"));
    assert_false(plain("中(zhong)(zhong)"));
    assert_false(plain("字（zì）"));
    assert_false(plain("協調(xie2tiao2)"));
    assert_false(plain("日\xEF\xBF\xBD(qǐng)"));
    assert_false(plain("(全媒體記者) 會(huì)議"));
    assert_false(plain("）（zì）"));
    /* As the repair sees it: the bracket line is kept byte for byte on a
     * damaged page, and the damaged line is repaired. */
    zt_repairer *k = make(ZT_STRIP_AUTO, ZT_SCRIPT_KEEP, ZT_BOILERPLATE_KEEP);
    const char *in = "(全媒體記者 劉燕娟)\n湖南日?qǐng)?bào)\n";
    char *got = NULL;
    assert_int_equal(zt_repair_alloc(k, in, strlen(in), &got, NULL, NULL), ZT_OK);
    assert_string_equal(got, "(全媒體記者 劉燕娟)\n湖南日報\n");
    zt_free(got);
    zt_repairer_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strip),
        cmocka_unit_test(test_gbk_recovery),
        cmocka_unit_test(test_line_end_ascii),
        cmocka_unit_test(test_line_end_open),
        cmocka_unit_test(test_page_table),
        cmocka_unit_test(test_folded_page),
        cmocka_unit_test(test_vanished_pair),
        cmocka_unit_test(test_vanish_places),
        cmocka_unit_test(test_lone_leave),
        cmocka_unit_test(test_margin),
        cmocka_unit_test(test_line_plain),
        cmocka_unit_test(test_script),
        cmocka_unit_test(test_aid),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_real_pages),
        cmocka_unit_test(test_real_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
