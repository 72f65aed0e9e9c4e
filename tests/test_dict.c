/*
 * test_dict.c - user dictionaries: format, errors, precedence.
 */
#include "testutil.h"

static zt_dict *load(const char *text)
{
    zt_dict *d = NULL;
    size_t line = 0;
    assert_int_equal(zt_dict_load_mem(text, strlen(text), &d, &line), ZT_OK);
    return d;
}

static char *conv_with(const char *config, zt_dict **d, size_t nd,
                       const char *in)
{
    zt_converter *c;
    assert_int_equal(zt_converter_new(config, (const zt_dict *const *)d, nd, &c), ZT_OK);
    char *out;
    size_t n;
    assert_int_equal(zt_convert_alloc(c, in, strlen(in), &out, &n), ZT_OK);
    zt_converter_free(c);
    return out;
}

static void test_format(void **state)
{
    (void)state;
    /* BOM, comments, blank lines, CRLF, several candidates (first wins). */
    zt_dict *d = load("\xEF\xBB\xBF# comment\n\n软件\t软体 軟件\r\n计算机\t電腦\n");
    assert_int_equal(zt_dict_size(d), 2);
    char *out = conv_with("s2t", &d, 1, "软件和计算机");
    assert_string_equal(out, "软体和電腦");
    zt_free(out);
    zt_dict_free(d);
}

static void test_errors(void **state)
{
    (void)state;
    zt_dict *d = NULL;
    size_t line = 0;
    assert_int_equal(zt_dict_load_mem("a\tb\nno tab here\n", 16, &d, &line), ZT_EDICT);
    assert_int_equal(line, 2);
    assert_null(d);
    const char bad[] = "ok\tfine\n\xFF\tx\n";
    assert_int_equal(zt_dict_load_mem(bad, sizeof bad - 1, &d, &line), ZT_EDICT);
    assert_int_equal(line, 2);
    assert_int_equal(zt_dict_load_mem("\tvalue\n", 7, &d, &line), ZT_EDICT);
    assert_int_equal(line, 1);
    assert_int_equal(zt_dict_load_mem("key\t\n", 5, &d, &line), ZT_EDICT);
    assert_int_equal(zt_dict_load_file("/nonexistent/zhtext.txt", &d, &line), ZT_EIO);
    /* An empty dictionary is fine and changes nothing. */
    d = load("");
    assert_int_equal(zt_dict_size(d), 0);
    char *out = conv_with("s2t", &d, 1, "头发");
    assert_string_equal(out, "頭髮");
    zt_free(out);
    zt_dict_free(d);
}

static void test_precedence(void **state)
{
    (void)state;
    /* User entries beat built-in phrases, longest user key first; text
     * between matches is converted normally; a later dictionary wins. */
    zt_dict *d[2];
    d[0] = load("头发\tHAIR\n发展\tdev\n");
    d[1] = load("发展\tDEVELOP\n");
    char *out = conv_with("s2t", d, 2, "头发发展干净");
    assert_string_equal(out, "HAIRDEVELOP乾淨");
    zt_free(out);
    /* The converter keeps no reference to the dictionaries. */
    zt_converter *c;
    assert_int_equal(zt_converter_new("s2twp", (const zt_dict *const *)d, 2, &c), ZT_OK);
    zt_dict_free(d[0]);
    zt_dict_free(d[1]);
    size_t n;
    assert_int_equal(zt_convert_alloc(c, "发展软件", 12, &out, &n), ZT_OK);
    assert_string_equal(out, "DEVELOP軟體");
    zt_free(out);
    zt_converter_free(c);
    /* ASCII keys work, and do not disturb the stream's cuts. */
    zt_dict *a = load("AI\t人工智能\n");
    out = conv_with("s2t", &a, 1, "AI发展 and MAIL");
    assert_string_equal(out, "人工智能發展 and M人工智能L");
    zt_free(out);
    zt_dict_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_precedence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
