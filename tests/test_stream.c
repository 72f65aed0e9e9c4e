/*
 * test_stream.c - streaming output never depends on where the chunks split.
 *
 * Property: for random chunkings of the same input (including splits inside
 * UTF-8 sequences and one-byte chunks), the concatenated stream output is
 * identical to zt_convert() of the whole.  Checked on real text (OpenCC's
 * golden inputs, when ../shared exists), on generated text mixing every kind
 * of input, and on text with no safe cut for megabytes (forced cuts), and
 * with zt_convert_cut() as a caller's cutter.
 */
#include "testutil.h"

static char *stream_convert(const zt_converter *c, const char *in, size_t len,
                            uint64_t seed, size_t maxchunk, size_t *outlen)
{
    zt_stream *s;
    assert_int_equal(zt_stream_new(c, &s), ZT_OK);
    size_t cap = zt_convert_bound(c, len) + 1, n = 0;
    char *res = malloc(cap);
    const char *o;
    size_t ol;
    size_t pos = 0;
    while (pos < len) {
        size_t k = 1 + test_rand(&seed) % maxchunk;
        if (k > len - pos)
            k = len - pos;
        assert_int_equal(zt_stream_push(s, in + pos, k, &o, &ol), ZT_OK);
        assert_true(n + ol <= cap);
        memcpy(res + n, o, ol);
        n += ol;
        pos += k;
    }
    assert_int_equal(zt_stream_finish(s, &o, &ol), ZT_OK);
    memcpy(res + n, o, ol);
    n += ol;
    zt_stream_free(s);
    *outlen = n;
    return res;
}

static void check_property(const char *config, const char *in, size_t len,
                           int rounds)
{
    zt_converter *c;
    assert_int_equal(zt_converter_new(config, NULL, 0, &c), ZT_OK);
    char *want;
    size_t wantlen;
    assert_int_equal(zt_convert_alloc(c, in, len, &want, &wantlen), ZT_OK);
    static const size_t maxchunks[] = {1, 7, 4096, 100000, 3u << 20};
    uint64_t seed = 0x9E3779B97F4A7C15ull ^ len;
    for (int r = 0; r < rounds; r++) {
        size_t mc = maxchunks[r % 5];
        if (mc == 1 && len > (64u << 10))
            mc = 3; /* one-byte chunks over megabytes only cost time */
        size_t n;
        char *got = stream_convert(c, in, len, test_rand(&seed), mc, &n);
        if (n != wantlen || memcmp(got, want, n) != 0)
            fail_msg("%s: chunked output differs (round %d, maxchunk %zu)",
                     config, r, mc);
        free(got);
    }
    /* A caller cutting with zt_convert_cut gets the same result too. */
    char *buf = malloc(wantlen + 1);
    size_t pos = 0, n = 0;
    while (pos < len) {
        size_t cut = zt_convert_cut(c, in + pos, len - pos);
        if (!cut)
            cut = len - pos;
        char *part;
        size_t pl;
        assert_int_equal(zt_convert_alloc(c, in + pos, cut, &part, &pl), ZT_OK);
        assert_true(n + pl <= wantlen);
        memcpy(buf + n, part, pl);
        n += pl;
        pos += cut;
        zt_free(part);
    }
    assert_int_equal(n, wantlen);
    assert_memory_equal(buf, want, n);
    free(buf);
    zt_free(want);
    zt_converter_free(c);
}

static void test_real_text(void **state)
{
    (void)state;
    if (!have_shared("stream property on golden inputs"))
        return;
    static const struct { const char *cfg, *file; } cases[] = {
        {"s2twp", "simp"}, {"t2s", "trad"}, {"tw2sp", "twp"}, {"s2hk", "simp"},
    };
    for (size_t i = 0; i < 4; i++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, SHARED_DIR "/opencc/golden/input/%s.txt",
                 cases[i].file);
        char *in = read_all(path, &len);
        assert_non_null(in);
        check_property(cases[i].cfg, in, len, 5);
        free(in);
    }
}

/* Generated text: phrases, punctuation, ASCII, invalid bytes, NUL, IDS,
 * compatibility ideographs, non-BMP characters, CRLF. */
static void test_generated(void **state)
{
    (void)state;
    static const char *parts[] = {
        "头发", "发展", "干净", "软件", "鼠标", "。", "，", " ", "abc", "\n",
        "\r\n", "\xFF", "\xE6\xB1", "\0", "⿰发发", "⿱", "\xEF\xA4\x80",
        "𠀀", "SQL注入", "PN结", "彼得·杰克逊", "著", "着", "么", "面",
    };
    size_t np = sizeof parts / sizeof parts[0];
    uint64_t seed = 42;
    size_t cap = 256 << 10, len = 0;
    char *in = malloc(cap);
    while (len + 32 < cap) {
        size_t k = test_rand(&seed) % np;
        size_t pl = k == 13 ? 1 : strlen(parts[k]);
        memcpy(in + len, parts[k], pl);
        len += pl;
    }
    for (size_t i = 0; i < zt_config_count(); i++)
        check_property(zt_config_name(i), in, len, 3);
    free(in);
}

/* Megabytes with no safe cut at all: forced cuts must fall on the same
 * bytes whatever the chunking. */
static void test_no_safe_cut(void **state)
{
    (void)state;
    const char *unit = "发展头发干";
    size_t ul = strlen(unit), reps = (3u << 20) / ul, len = reps * ul;
    char *in = malloc(len);
    for (size_t i = 0; i < reps; i++)
        memcpy(in + i * ul, unit, ul);
    check_property("s2t", in, len, 5);
    check_property("s2twp", in, len, 3);
    free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_no_safe_cut),
        cmocka_unit_test(test_real_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
