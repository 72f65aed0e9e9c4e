/*
 * test_pinyin.c - the pinyin engine, styles, annotation and HTML mode.
 */
#include "testutil.h"

#include "pinyin_internal.h" /* styles are checked for every syllable */

static zt_pinyin *make(zt_pinyin_style style)
{
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = style;
    zt_pinyin *p = NULL;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    return p;
}

static char *py(const zt_pinyin *p, const char *in)
{
    char *out;
    size_t n;
    assert_int_equal(zt_pinyin_text_alloc(p, in, strlen(in), NULL, &out, &n), ZT_OK);
    assert_int_equal(strlen(out), n);
    return out;
}

static void expect_py(const zt_pinyin *p, const char *in, const char *want)
{
    char *got = py(p, in);
    if (strcmp(got, want) != 0)
        fail_msg("'%s': got '%s', want '%s'", in, got, want);
    zt_free(got);
}

static char *ann(const zt_pinyin *p, const zt_annotate_options *o, const char *in, size_t len)
{
    char *out;
    size_t n;
    assert_int_equal(zt_annotate_alloc(p, o, in, len, &out, &n), ZT_OK);
    return out;
}

/* ---- every style for every syllable ------------------------------------- */

static void put(zt_pinyin_style style, int u_form, unsigned r, char *buf, size_t cap)
{
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = style;
    o.u_form = u_form;
    zt_py_sink k = {buf, cap - 1, 0};
    zt_py_put_reading(&k, &o, r);
    assert_true(k.len < cap);
    buf[k.len] = 0;
}

static void test_styles_every_syllable(void **state)
{
    (void)state;
    size_t zhuyin_shared = 0;
    for (unsigned r = 0; r < zt_py_nsyl * 5; r++) {
        char b[64], n[16];
        const char *want = zt_py_rd[r];
        /* num is the tone-number string itself */
        put(ZT_PINYIN_NUM, 0, r, b, sizeof b);
        assert_string_equal(b, want);
        /* tone marks (ü, and v with a combining mark) read back */
        put(ZT_PINYIN_TONE, 0, r, b, sizeof b);
        size_t l = zt_pinyin_normalize(b, strlen(b), n, sizeof n);
        if (zt_py_tone(r) == 5) { /* no mark: read back without a tone */
            assert_true(l > 0);
            assert_memory_equal(n, want, strlen(want) - 1);
        } else if (l == 0 || strcmp(n, want) != 0) {
            fail_msg("tone style of %s is '%s', reads back as '%s'", want, b, l ? n : "");
        }
        put(ZT_PINYIN_TONE, ZT_PINYIN_U_V, r, b, sizeof b);
        l = zt_pinyin_normalize(b, strlen(b), n, sizeof n);
        assert_true(l > 0);
        /* zhuyin reads back, except where two syllables share a spelling
         * (er and the rare syllabic r are both ㄦ) */
        put(ZT_PINYIN_ZHUYIN, 0, r, b, sizeof b);
        l = zt_pinyin_normalize(b, strlen(b), n, sizeof n);
        if (l == 0)
            fail_msg("zhuyin of %s is '%s', not read back", want, b);
        if (strcmp(n, want) != 0) {
            char z2[64];
            int syl = zt_py_find_syl(n, strlen(n) - 1);
            assert_true(syl >= 0);
            size_t zl = zt_py_zhuyin((unsigned)syl * 5 + zt_py_tone(r) - 1, z2, sizeof z2);
            assert_true(zl > 0);
            assert_string_equal(z2, b);
            zhuyin_shared++;
        }
        /* none/initial/final/first: consistent pieces of the syllable */
        char none[16], ini[16], fin[16], first[16];
        put(ZT_PINYIN_NONE, 0, r, none, sizeof none);
        put(ZT_PINYIN_INITIAL, 0, r, ini, sizeof ini);
        put(ZT_PINYIN_FINAL, 0, r, fin, sizeof fin);
        put(ZT_PINYIN_FIRST, 0, r, first, sizeof first);
        assert_memory_equal(none, want, strlen(want) - 1);
        assert_int_equal(strncmp(none, ini, strlen(ini)), 0);
        assert_int_equal(first[0], none[0]);
        assert_int_equal(strlen(first), 1);
        assert_true(strlen(fin) > 0);
    }
    assert_true(zhuyin_shared <= 5 * 2);
}

static void test_styles_examples(void **state)
{
    (void)state;
    static const struct {
        zt_pinyin_style style;
        const char *want;
    } cases[] = {
        {ZT_PINYIN_TONE, "zhōng guó lǜ nǚ ér yōu jiǔ"},
        {ZT_PINYIN_NUM, "zhong1 guo2 lv4 nv3 er2 you1 jiu3"},
        {ZT_PINYIN_NONE, "zhong guo lv nv er you jiu"},
        {ZT_PINYIN_INITIAL, "zh g l n   j"},
        {ZT_PINYIN_FINAL, "ong uo v v er iou iou"},
        {ZT_PINYIN_FIRST, "z g l n e y j"},
        {ZT_PINYIN_ZHUYIN, "ㄓㄨㄥ ㄍㄨㄛˊ ㄌㄩˋ ㄋㄩˇ ㄦˊ ㄧㄡ ㄐㄧㄡˇ"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zt_pinyin *p = make(cases[i].style);
        expect_py(p, "中国绿女儿优久", cases[i].want);
        zt_pinyin_free(p);
    }
    /* pypinyin's names are aliases */
    static const char *names[] = {"TONE", "TONE3", "NORMAL", "INITIALS", "FINALS",
                                  "FIRST_LETTER", "BOPOMOFO"};
    for (size_t i = 0; i < 7; i++) {
        zt_pinyin_style s;
        assert_int_equal(zt_pinyin_style_parse(names[i], &s), ZT_OK);
        assert_int_equal(s, (zt_pinyin_style)i);
    }
    zt_pinyin_style s;
    assert_int_equal(zt_pinyin_style_parse("tone3x", &s), ZT_ESTYLE);
    /* options: ü forms, omitting the neutral 5 */
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = ZT_PINYIN_NUM;
    o.u_form = ZT_PINYIN_U_UMLAUT;
    o.omit_neutral = 1;
    zt_pinyin *p;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "绿的", "lü4 de");
    zt_pinyin_free(p);
    o.style = ZT_PINYIN_TONE;
    o.u_form = ZT_PINYIN_U_V;
    o.omit_neutral = 0;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "绿", "lv\xCC\x80");
    zt_pinyin_free(p);
    o.style = (zt_pinyin_style)42;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_ESTYLE);
}

/* ---- readings in context ------------------------------------------------- */

static void test_polyphones_in_words(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    expect_py(p, "银行行长", "yin2 hang2 hang2 zhang3");
    expect_py(p, "他长大了", "ta1 zhang3 da4 le5");
    expect_py(p, "长城", "chang2 cheng2");
    expect_py(p, "重庆很重要", "chong2 qing4 hen3 zhong4 yao4");
    expect_py(p, "音乐让人快乐", "yin1 yue4 rang4 ren2 kuai4 le4");
    expect_py(p, "睡觉觉得", "shui4 jiao4 jue2 de5");
    expect_py(p, "我们的朋友", "wo3 men5 de5 peng2 you5");
    expect_py(p, "这儿", "zhe4 er5");
    zt_pinyin_free(p);
}

static void test_polyphones_in_context(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    /* lone characters decided by the context model */
    expect_py(p, "他了解了", "ta1 liao3 jie3 le5");
    expect_py(p, "都是", "dou1 shi4");
    char *s = py(p, "好好学习，天天向上");
    assert_non_null(strstr(s, "hao3 hao3"));
    zt_free(s);
    zt_pinyin_free(p);
}

static void test_traditional(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    static const char *pairs[][2] = {
        {"银行行长说了算", "銀行行長說了算"},
        {"他们长大了", "他們長大了"},
        {"重庆的长城", "重慶的長城"},
        {"音乐会", "音樂會"},
        {"哪吒", "哪吒"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *a = py(p, pairs[i][0]), *b = py(p, pairs[i][1]);
        if (strcmp(a, b) != 0)
            fail_msg("%s -> %s but %s -> %s", pairs[i][0], a, pairs[i][1], b);
        zt_free(a);
        zt_free(b);
    }
    /* Traditional characters that start words as written */
    expect_py(p, "乾隆瞭望", "qian2 long2 liao4 wang4");
    expect_py(p, "乾燥", "gan1 zao4");
    /* annotation keeps the original characters */
    zt_annotate_options o;
    zt_annotate_options_init(&o);
    char *s = ann(p, &o, "長大", 6);
    assert_string_equal(s, "長(zhang3)大(da4)");
    zt_free(s);
    zt_pinyin_free(p);
}

static void test_heteronym(void **state)
{
    (void)state;
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = ZT_PINYIN_NUM;
    o.heteronym = 1;
    zt_pinyin *p;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "中", "zhong1/zhong4");
    expect_py(p, "银行", "yin2 hang2/xing2/heng2/hang4/xing4");
    expect_py(p, "我", "wo3");
    zt_pinyin_free(p);
}

static void test_sandhi(void **state)
{
    (void)state;
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = ZT_PINYIN_NUM;
    zt_pinyin *p;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "一个不是", "yi1 ge4 bu4 shi4"); /* off by default */
    zt_pinyin_free(p);
    o.sandhi = 1;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "一个不是一天", "yi2 ge4 bu2 shi4 yi4 tian1");
    expect_py(p, "第一，十一，一九八四", "di4 yi1，shi2 yi1，yi1 jiu3 ba1 si4");
    expect_py(p, "不好", "bu4 hao3");
    expect_py(p, "你好", "ni3 hao3");
    zt_pinyin_free(p);
    o.sandhi = 0;
    o.spoken = 1;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    expect_py(p, "你好", "ni2 hao3");
    expect_py(p, "一样", "yi2 yang4");
    expect_py(p, "你好展览馆", "ni2 hao3 zhan2 lan2 guan3");
    zt_pinyin_free(p);
}

static void test_passthrough(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    expect_py(p, "", "");
    expect_py(p, "abc, 123!", "abc, 123!");
    expect_py(p, "Hello世界2024年", "Hello shi4 jie4 2024 nian2");
    expect_py(p, "中\n文\n", "zhong1\nwen2\n");
    expect_py(p, "カタカナ한국어", "カタカナ한국어");
    /* invalid UTF-8 and NUL bytes pass through byte for byte */
    const char bad[] = "\xFF\xE4\xB8中\x00\xC0\x80";
    char *out;
    size_t n;
    assert_int_equal(zt_pinyin_text_alloc(p, bad, sizeof bad - 1, NULL, &out, &n), ZT_OK);
    assert_int_equal(n, 3 + 6 + 3);
    assert_memory_equal(out, "\xFF\xE4\xB8zhong1\x00\xC0\x80", n);
    zt_free(out);
    /* separator */
    char buf[64];
    assert_int_equal(zt_pinyin_text(p, "中文", 6, "-", buf, sizeof buf, &n), ZT_OK);
    assert_int_equal(n, 11);
    assert_memory_equal(buf, "zhong1-wen2", 11);
    /* too small a buffer: ZT_ESPACE and the size needed */
    assert_int_equal(zt_pinyin_text(p, "中文", 6, NULL, buf, 4, &n), ZT_ESPACE);
    assert_int_equal(n, 11);
    assert_int_equal(zt_pinyin_text(p, "中文", 6, NULL, NULL, 0, &n), ZT_ESPACE);
    assert_int_equal(zt_pinyin_text(NULL, "x", 1, NULL, buf, 4, &n), ZT_EINVAL);
    zt_pinyin_free(p);
    zt_pinyin_free(NULL);
}

/* A long run of Han text with no punctuation is read in pieces; the output
 * still has one reading per character. */
static void test_long_run(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    size_t reps = 3000;
    char *in = malloc(reps * 6 + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(in + 6 * i, "中国", 6);
    in[reps * 6] = 0;
    char *out = py(p, in);
    size_t words = 1;
    for (char *c = out; *c; c++)
        words += *c == ' ';
    assert_int_equal(words, reps * 2);
    zt_free(out);
    free(in);
    zt_pinyin_free(p);
}

/* ---- annotation ---------------------------------------------------------- */

static void test_annotate(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    zt_annotate_options o;
    zt_annotate_options_init(&o);
    char *s = ann(p, &o, "我爱abc中国!", 16);
    assert_string_equal(s, "我(wo3)爱(ai4)abc中(zhong1)国(guo2)!");
    zt_free(s);
    o.format = ZT_ANNOTATE_RUBY;
    s = ann(p, &o, "字a", 4);
    assert_string_equal(s, "<ruby>字<rp>(</rp><rt>zi4</rt><rp>)</rp></ruby>a");
    zt_free(s);
    o.format = ZT_ANNOTATE_INLINE;
    o.which = ZT_ANNOTATE_POLYPHONIC;
    s = ann(p, &o, "银行我", 9);
    assert_string_equal(s, "银行(hang2)我");
    zt_free(s);
    o.which = ZT_ANNOTATE_LIST;
    o.chars = "長";
    o.nchars = 3;
    s = ann(p, &o, "长大的長城", 15);
    assert_string_equal(s, "长(zhang3)大的長(chang2)城");
    zt_free(s);
    o.which = 7;
    size_t n;
    assert_int_equal(zt_annotate_alloc(p, &o, "x", 1, &s, &n), ZT_ESTYLE);
    zt_pinyin_free(p);
}

/* Removing every "(reading)" after a Han character gives the input back:
 * the evaluation contract of `annotate --format inline -s num`. */
static void test_annotate_contract(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    zt_annotate_options o;
    zt_annotate_options_init(&o);
    const char in[] = "（中文）: 「測試」 (x) 1.5元\xFF\xFE 𠮷野家 行";
    char *s = ann(p, &o, in, sizeof in - 1);
    char back[256];
    size_t bl = 0;
    for (const char *c = s; *c;) {
        if (*c == '(' && c > s && ((unsigned char)c[-1] & 0xC0) == 0x80) {
            const char *e = strchr(c, ')');
            assert_non_null(e);
            for (const char *k = c + 1; k < e; k++)
                assert_true((*k >= 'a' && *k <= 'z') || (*k >= '1' && *k <= '5'));
            c = e + 1;
            continue;
        }
        back[bl++] = *c++;
    }
    assert_int_equal(bl, sizeof in - 1);
    assert_memory_equal(back, in, bl);
    zt_free(s);
    zt_pinyin_free(p);
}

/* ---- HTML ---------------------------------------------------------------- */

static void test_html(void **state)
{
    (void)state;
    zt_pinyin *p = make(ZT_PINYIN_TONE);
    zt_annotate_options o;
    zt_annotate_options_init(&o);
    o.html = 1;
    o.format = ZT_ANNOTATE_RUBY;
    const char *in =
        "<!DOCTYPE html><html><head><title>中文</title>"
        "<style>p::before{content:\"中\"}</style>"
        "<script>var s = \"<b>中</b>\";</script></head>"
        "<body><p class=\"中\" title='长 > 短'>你好&amp;人&#20013;</p>"
        "<!-- 注释 --><textarea>字</textarea>a < b 中</body></html>";
    char *s = ann(p, &o, in, strlen(in));
    const char *want =
        "<!DOCTYPE html><html><head><title>中文</title>"
        "<style>p::before{content:\"中\"}</style>"
        "<script>var s = \"<b>中</b>\";</script></head>"
        "<body><p class=\"中\" title='长 > 短'>"
        "<ruby>你<rp>(</rp><rt>nǐ</rt><rp>)</rp></ruby>"
        "<ruby>好<rp>(</rp><rt>hǎo</rt><rp>)</rp></ruby>&amp;"
        "<ruby>人<rp>(</rp><rt>rén</rt><rp>)</rp></ruby>&#20013;</p>"
        "<!-- 注释 --><textarea>字</textarea>a < b "
        "<ruby>中<rp>(</rp><rt>zhōng</rt><rp>)</rp></ruby></body></html>";
    assert_string_equal(s, want);
    zt_free(s);
    zt_pinyin_free(p);
}

typedef struct {
    char buf[4096];
    size_t len;
    int text_pieces;
} collect;

static void c_text(void *ctx, const char *s, size_t n)
{
    collect *c = ctx;
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    c->text_pieces++;
}

static void c_markup(void *ctx, const char *s, size_t n)
{
    collect *c = ctx;
    memcpy(c->buf + c->len, s, n);
    c->len += n;
}

/* Broken HTML: every piece is handed out exactly once, in order. */
static void test_html_broken(void **state)
{
    (void)state;
    static const char *cases[] = {
        "<p", "<", "<<<>>>", "a<b", "<p title=\"unclosed>text", "<!--", "<!-- x",
        "<script>never closed 中", "&", "&amp", "&#;", "&#x4e2d;", "</", "<?php",
        "<a href='x'", "中<", "<scriptx>中</scriptx>", "<SCRIPT>中</SCRIPT>中",
        "<p title=\"a\" title2='b>中",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collect c = {.len = 0};
        zt_html_cb cb = {c_text, c_markup, &c};
        zt_html_walk(cases[i], strlen(cases[i]), &cb);
        assert_int_equal(c.len, strlen(cases[i]));
        assert_memory_equal(c.buf, cases[i], c.len);
    }
    /* the text of "<SCRIPT>中</SCRIPT>中" is only the last 中 */
    zt_pinyin *p = make(ZT_PINYIN_NUM);
    zt_annotate_options o;
    zt_annotate_options_init(&o);
    o.html = 1;
    char *s = ann(p, &o, "<SCRIPT>中</SCRIPT>中", 23);
    assert_string_equal(s, "<SCRIPT>中</SCRIPT>中(zhong1)");
    zt_free(s);
    /* a huge attribute */
    size_t big = 1 << 20;
    char *h = malloc(big + 16);
    memcpy(h, "<p title=\"", 10);
    memset(h + 10, 'x', big);
    memcpy(h + 10 + big, "\">中", 5);
    size_t n;
    assert_int_equal(zt_annotate_alloc(p, &o, h, big + 15, &s, &n), ZT_OK);
    assert_int_equal(n, big + 15 + 8);
    zt_free(s);
    free(h);
    zt_pinyin_free(p);
}

/* ---- user dictionaries ---------------------------------------------------- */

static void test_user_dict(void **state)
{
    (void)state;
    const char *text = "# user words\n重庆\tzhong4 qing4\n行\txíng\n长城\tCHANG2 cheng2\n";
    zt_dict *d;
    size_t line;
    assert_int_equal(zt_dict_load_mem(text, strlen(text), &d, &line), ZT_OK);
    zt_pinyin_options o;
    zt_pinyin_options_init(&o);
    o.style = ZT_PINYIN_NUM;
    const zt_dict *ds[] = {d};
    o.dicts = ds;
    o.ndicts = 1;
    zt_pinyin *p;
    assert_int_equal(zt_pinyin_new(&o, &p), ZT_OK);
    zt_dict_free(d); /* the handle keeps what it needs */
    expect_py(p, "重庆银行", "zhong4 qing4 yin2 xing2");
    expect_py(p, "重慶", "zhong4 qing4"); /* Traditional finds it too */
    zt_pinyin_free(p);
    /* bad readings and wrong syllable counts are refused */
    static const char *bad[] = {"中国\tzhong1\n", "中\tzhong1 guo2\n", "中\txyz1\n"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(zt_dict_load_mem(bad[i], strlen(bad[i]), &d, &line), ZT_OK);
        ds[0] = d;
        assert_int_equal(zt_pinyin_new(&o, &p), ZT_EDICT);
        zt_dict_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_styles_every_syllable),
        cmocka_unit_test(test_styles_examples),
        cmocka_unit_test(test_polyphones_in_words),
        cmocka_unit_test(test_polyphones_in_context),
        cmocka_unit_test(test_traditional),
        cmocka_unit_test(test_heteronym),
        cmocka_unit_test(test_sandhi),
        cmocka_unit_test(test_passthrough),
        cmocka_unit_test(test_long_run),
        cmocka_unit_test(test_annotate),
        cmocka_unit_test(test_annotate_contract),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_broken),
        cmocka_unit_test(test_user_dict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
