/*
 * test_pinyin_basic.c - per-character readings and syllable normalisation
 * (zt_pinyin_readings, zt_pinyin_normalize), and the word data's filters.
 */
#include "testutil.h"

#include "pinyin_tables.h"
#include "utf8.h"

static void expect_readings(uint32_t cp, const char *want)
{
    const char *r[32];
    size_t n = zt_pinyin_readings(cp, r, 32);
    char got[256] = "";
    for (size_t i = 0; i < n && i < 32; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, r[i]);
    }
    assert_string_equal(got, want);
}

static void test_readings(void **state)
{
    (void)state;
    expect_readings(0x4E2D, "zhong1 zhong4");        /* 中 */
    expect_readings(0x4E86, "le5 liao3 liao4");      /* 了: neutral first */
    expect_readings(0x7EFF, "lv4 lu4");              /* 绿: ü as v */
    expect_readings(0x5417, "ma5 ma2 ma3");          /* 吗 */
    /* Traditional characters: their Simplified form's order. */
    expect_readings(0x9577, "zhang3 chang2 zhang4"); /* 長 like 长 */
    const char *a[4], *b[4];
    size_t na = zt_pinyin_readings(0x70BA, a, 4);    /* 為 */
    size_t nb = zt_pinyin_readings(0x4E3A, b, 4);    /* 为 */
    assert_true(na >= 2 && nb >= 2);
    assert_string_equal(a[0], b[0]);
    /* No readings: ASCII, kana, an unassigned code point, out of range. */
    assert_int_equal(zt_pinyin_readings('a', a, 4), 0);
    assert_int_equal(zt_pinyin_readings(0x3042, a, 4), 0);
    assert_int_equal(zt_pinyin_readings(0x10FFFF, a, 4), 0);
    assert_int_equal(zt_pinyin_readings(0xFFFFFFFF, a, 4), 0);
    /* max smaller than the count: only max stored, total returned. */
    a[1] = NULL;
    assert_int_equal(zt_pinyin_readings(0x4E86, a, 1), 3);
    assert_null(a[1]);
    assert_int_equal(zt_pinyin_readings(0x4E86, NULL, 0), 3);
}

static void expect_norm(const char *in, const char *want)
{
    char out[16];
    size_t n = zt_pinyin_normalize(in, strlen(in), out, sizeof out);
    if (!want) {
        if (n != 0)
            fail_msg("'%s' should be refused, got '%s'", in, out);
        return;
    }
    if (n == 0)
        fail_msg("'%s' refused, want '%s'", in, want);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_normalize(void **state)
{
    (void)state;
    expect_norm("zhōng", "zhong1");
    expect_norm("zhong1", "zhong1");
    expect_norm("ZHONG", "zhong");
    expect_norm("Zhōng", "zhong1");
    expect_norm("lü4", "lv4");
    expect_norm("lu:4", "lv4");
    expect_norm("lv", "lv");
    expect_norm("nǚ", "nv3");
    expect_norm("NǙ", "nv3");
    expect_norm("lüè", "lve4");
    expect_norm("lue4", "lve4");
    expect_norm("ma0", "ma5");
    expect_norm("ma5", "ma5");
    expect_norm("zhuāng", "zhuang1");
    expect_norm("hng", "hng");
    expect_norm("ń", "n2");
    expect_norm("ê", "e");
    /* combining marks: u + U+0308 + U+030C */
    expect_norm("nu\xCC\x88\xCC\x8C", "nv3");
    expect_norm("a\xCC\x80", "a4");
    /* refused */
    expect_norm("", NULL);
    expect_norm("hello", NULL);
    expect_norm("xyz1", NULL);
    expect_norm("zhong16", NULL);
    expect_norm("zhōng1", NULL);   /* two tones */
    expect_norm("1zhong", NULL);
    expect_norm("zh ong", NULL);
    expect_norm("zhong7", NULL);
    expect_norm("\xFF", NULL);
    expect_norm("中", NULL);
    expect_norm("zhuangzhuang", NULL);
    /* too small a buffer */
    char small[4];
    assert_int_equal(zt_pinyin_normalize("zhong1", 6, small, sizeof small), 0);
    char fit[7];
    assert_int_equal(zt_pinyin_normalize("zhong1", 6, fit, sizeof fit), 6);
}

/* Every reading the table knows normalises to itself, and so does its
 * tone-marked form (checked for the common vowels only). */
static void test_all_readings_normalize(void **state)
{
    (void)state;
    size_t count = 0;
    for (uint32_t cp = 0x3400; cp < 0x30000; cp++) {
        const char *r[64];
        size_t n = zt_pinyin_readings(cp, r, 64);
        for (size_t i = 0; i < n && i < 64; i++) {
            char out[16];
            size_t l = zt_pinyin_normalize(r[i], strlen(r[i]), out, sizeof out);
            if (l == 0 || strcmp(out, r[i]) != 0)
                fail_msg("U+%04X reading '%s' does not normalise to itself", cp, r[i]);
            count++;
        }
    }
    assert_true(count > 40000);
}

/* The filters over the word data may say yes wrongly, never no: for every
 * word of data/pinyin/words.txt, its first two characters pass the bigram
 * filter, every three in a row the trigram filter, and its last two the
 * word-end filter (repair's search drops a path's words on a no). */
static void test_word_filters(void **state)
{
    (void)state;
    FILE *f = fopen("data/pinyin/words.txt", "r");
    assert_non_null(f);
    char line[512];
    size_t words = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        uint32_t w[64];
        size_t n = 0;
        const uint8_t *s = (const uint8_t *)line;
        size_t len = strcspn(line, "\t\n");
        for (size_t i = 0; i < len && n < 64;)
            i += zt_utf8_decode(s + i, len - i, &w[n++]);
        if (n < 2)
            continue;
        words++;
        if (!zt_py_bigram(w[0], w[1]))
            fail_msg("bigram filter refuses the start of %.*s", (int)len, line);
        for (size_t i = 2; i < n; i++)
            if (!zt_py_trigram(w[i - 2], w[i - 1], w[i]))
                fail_msg("trigram filter refuses %.*s at %zu", (int)len, line, i);
        if (!zt_py_endpair_in(zt_py_endpair_of(w[n - 2]), w[n - 1]))
            fail_msg("word-end filter refuses the end of %.*s", (int)len, line);
    }
    fclose(f);
    assert_true(words > 300000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_all_readings_normalize),
        cmocka_unit_test(test_word_filters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
