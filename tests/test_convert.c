/*
 * test_convert.c - conversion gives OpenCC's answers, and the API keeps its
 * promises.
 *
 * Against ../shared (skipped, saying so, when it is absent):
 *   - every case of OpenCC's own testcases.json, for every config it lists;
 *   - every golden file: OpenCC's output on ~1 MB of real text per config.
 * Without ../shared: hand-checked examples of each config, the API's error
 * paths, and byte-exact pass-through of input OpenCC never sees.
 */
#include <jansson.h>

#include "testutil.h"

static void expect_conv(const char *config, const char *in, const char *want)
{
    size_t n;
    char *out = conv_str(config, in, strlen(in), &n);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
    zt_free(out);
}

/* ---- OpenCC's own test cases ------------------------------------------- */

static void test_opencc_testcases(void **state)
{
    (void)state;
    if (!have_shared("OpenCC testcases.json"))
        return;
    json_error_t err;
    json_t *root = json_load_file(SHARED_DIR "/opencc/testcases.json", 0, &err);
    assert_non_null(root);
    json_t *cases = json_object_get(root, "cases");
    assert_true(json_is_array(cases));
    zt_converter *conv[32] = {0};
    size_t checked = 0, failed = 0, ncases = json_array_size(cases);
    for (size_t i = 0; i < ncases; i++) {
        json_t *c = json_array_get(cases, i);
        const char *input = json_string_value(json_object_get(c, "input"));
        json_t *exp = json_object_get(c, "expected");
        const char *cfg;
        json_t *want;
        json_object_foreach(exp, cfg, want)
        {
            size_t k = 0;
            while (k < zt_config_count() && strcmp(zt_config_name(k), cfg))
                k++;
            assert_true(k < zt_config_count()); /* every config is known */
            if (!conv[k])
                assert_int_equal(zt_converter_new(cfg, NULL, 0, &conv[k]), ZT_OK);
            char *out;
            size_t n;
            assert_int_equal(zt_convert_alloc(conv[k], input, strlen(input), &out, &n), ZT_OK);
            if (strcmp(out, json_string_value(want)) != 0) {
                failed++;
                printf("case %s (%s): got %s want %s\n",
                       json_string_value(json_object_get(c, "id")), cfg, out,
                       json_string_value(want));
            }
            checked++;
            zt_free(out);
        }
    }
    printf("testcases.json: %zu cases, %zu expectations, %zu failed\n", ncases,
           checked, failed);
    assert_int_equal(ncases, 232);
    assert_int_equal(failed, 0);
    for (size_t k = 0; k < 32; k++)
        zt_converter_free(conv[k]);
    json_decref(root);
}

/* ---- golden files: OpenCC's output on real text ----------------------- */

static const struct {
    const char *config, *input;
} goldens[] = {
    {"s2t", "simp"},  {"s2tw", "simp"}, {"s2twp", "simp"}, {"s2hk", "simp"},
    {"s2hkp", "simp"}, {"t2s", "trad"}, {"t2tw", "trad"},  {"t2hk", "trad"},
    {"t2jp", "trad"}, {"tw2s", "tw"},   {"tw2t", "tw"},    {"tw2sp", "twp"},
    {"hk2s", "hk"},   {"hk2sp", "hk"},  {"hk2t", "hk"},    {"jp2t", "jp"},
};

static void test_golden_files(void **state)
{
    (void)state;
    if (!have_shared("OpenCC golden files"))
        return;
    for (size_t i = 0; i < sizeof goldens / sizeof goldens[0]; i++) {
        char path[256];
        size_t inlen = 0, wantlen = 0, outlen = 0;
        snprintf(path, sizeof path, SHARED_DIR "/opencc/golden/input/%s.txt",
                 goldens[i].input);
        char *in = read_all(path, &inlen);
        assert_non_null(in);
        snprintf(path, sizeof path, SHARED_DIR "/opencc/golden/expected/%s.txt",
                 goldens[i].config);
        char *want = read_all(path, &wantlen);
        assert_non_null(want);
        char *out = conv_str(goldens[i].config, in, inlen, &outlen);
        int same = outlen == wantlen && memcmp(out, want, outlen) == 0;
        if (!same) {
            size_t k = 0;
            while (k < outlen && k < wantlen && out[k] == want[k])
                k++;
            printf("golden %s differs at byte %zu\n", goldens[i].config, k);
        } else {
            printf("golden %s: %zu bytes identical\n", goldens[i].config, outlen);
        }
        assert_true(same);
        free(in);
        free(want);
        zt_free(out);
    }
}

/* ---- examples that need no data files ---------------------------------- */

static void test_examples(void **state)
{
    (void)state;
    expect_conv("s2t", "汉字", "漢字");
    expect_conv("s2t", "头发发展", "頭髮發展");
    expect_conv("t2s", "漢字頭髮發展", "汉字头发发展");
    expect_conv("s2tw", "着", "著");
    expect_conv("s2twp", "鼠标和软件", "滑鼠和軟體");
    expect_conv("tw2sp", "滑鼠和軟體", "鼠标和软件");
    expect_conv("s2hk", "着", "着");
    expect_conv("t2jp", "國", "国");
    expect_conv("jp2t", "国", "國");
    /* CJK compatibility ideographs are normalised first (U+F900 -> 豈). */
    expect_conv("t2s", "\xEF\xA4\x80", "岂");
    expect_conv("s2t.json", "发", "發");
    expect_conv("/usr/share/opencc/t2s.json", "發", "发");
}

/* An ideographic description sequence is copied as one unit, unconverted,
 * as OpenCC does; an incomplete one is not a unit. */
static void test_ids(void **state)
{
    (void)state;
    expect_conv("s2t", "⿰发发", "⿰发发");
    expect_conv("s2t", "⿰发", "⿰發");
    expect_conv("s2t", "发⿱发⿰发发发", "發⿱发⿰发发發");
}

/* ---- input OpenCC never sees ------------------------------------------- */

static void test_passthrough(void **state)
{
    (void)state;
    /* Invalid UTF-8 (stray continuation, truncated sequence, overlong,
     * surrogate, > U+10FFFF), NUL and CRLF: all bytes kept. */
    static const char in[] =
        "a\x80" "b\xE6\xB1" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF4\x90\x80\x80"
        "f\0g\r\n\xFF\xFE";
    static const char want[] =
        "a\x80" "b\xE6\xB1" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF4\x90\x80\x80"
        "f\0g\r\n\xFF\xFE";
    size_t n;
    char *out = conv_str("s2twp", in, sizeof in - 1, &n);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(out, want, n);
    zt_free(out);
    /* Chinese around invalid bytes is still converted. */
    static const char in2[] = "汉\xFF字\xE6\xB1发";
    static const char want2[] = "漢\xFF字\xE6\xB1發";
    out = conv_str("s2t", in2, sizeof in2 - 1, &n);
    assert_int_equal(n, sizeof want2 - 1);
    assert_memory_equal(out, want2, n);
    zt_free(out);
    /* Empty input. */
    out = conv_str("s2t", "", 0, &n);
    assert_int_equal(n, 0);
    assert_string_equal(out, "");
    zt_free(out);
}

/* ---- the API's contracts ------------------------------------------------ */

static void test_api(void **state)
{
    (void)state;
    zt_converter *c = NULL;
    assert_int_equal(zt_converter_new("nope", NULL, 0, &c), ZT_ECONFIG);
    assert_null(c);
    assert_int_equal(zt_converter_new(NULL, NULL, 0, &c), ZT_EINVAL);
    assert_int_equal(zt_config_count(), 16);
    assert_string_equal(zt_config_name(0), "s2t");
    assert_null(zt_config_name(16));
    for (size_t i = 0; i < zt_config_count(); i++) {
        zt_converter *k;
        assert_int_equal(zt_converter_new(zt_config_name(i), NULL, 0, &k), ZT_OK);
        assert_string_equal(zt_converter_config(k), zt_config_name(i));
        assert_non_null(zt_config_description(i));
        zt_converter_free(k);
    }
    assert_int_equal(zt_converter_new("s2t", NULL, 0, &c), ZT_OK);
    const char *in = "头发";
    char small[4], big[64];
    size_t n = 0;
    assert_int_equal(zt_convert(c, in, strlen(in), small, sizeof small, &n), ZT_ESPACE);
    assert_int_equal(n, strlen("頭髮"));
    assert_true(zt_convert_bound(c, strlen(in)) >= n);
    assert_int_equal(zt_convert(c, in, strlen(in), big, sizeof big, &n), ZT_OK);
    assert_memory_equal(big, "頭髮", n);
    assert_int_equal(zt_convert(c, NULL, 0, big, sizeof big, &n), ZT_OK);
    assert_int_equal(n, 0);
    zt_converter_free(c);
    zt_converter_free(NULL);
    assert_string_equal(zt_strerror(ZT_ECONFIG), "unknown conversion configuration");
    assert_non_null(zt_strerror((zt_status)999));
    assert_string_equal(zt_version(), ZT_VERSION_STRING);
}

/* Text longer than one piece (1 MiB) whose every character occurs in some
 * dictionary key, so the converter must use a forced cut: the result is
 * still the character-by-character conversion except around the cut. */
static void test_long_text(void **state)
{
    (void)state;
    const char *unit = "发展头发"; /* 12 bytes */
    size_t reps = (3u << 20) / 12, len = reps * 12;
    char *in = malloc(len);
    for (size_t i = 0; i < reps; i++)
        memcpy(in + i * 12, unit, 12);
    size_t n;
    char *out = conv_str("s2t", in, len, &n);
    assert_int_equal(n, len);
    size_t bad = 0;
    for (size_t i = 0; i < reps; i++)
        bad += memcmp(out + i * 12, "發展頭髮", 12) != 0;
    assert_true(bad <= 3); /* at most one unit per forced cut */
    zt_free(out);
    free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_passthrough),
        cmocka_unit_test(test_api),
        cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_opencc_testcases),
        cmocka_unit_test(test_golden_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
