/* test_jsonl.c - the JSONL field scanner, decoder and encoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jsonl.h"

static cli_jsonl_status scan2(const char *line, const char *field,
                              const char *id, cli_jsonl_span *f,
                              cli_jsonl_span *idspan)
{
    cli_jsonl_path fp, ip;
    assert_int_equal(cli_jsonl_path_parse(&fp, field), 0);
    if (id)
        assert_int_equal(cli_jsonl_path_parse(&ip, id), 0);
    cli_jsonl_status st = cli_jsonl_scan(line, strlen(line), &fp,
                                         id ? &ip : NULL, f, idspan, NULL);
    cli_jsonl_path_free(&fp);
    if (id)
        cli_jsonl_path_free(&ip);
    return st;
}

static cli_jsonl_status scan(const char *line, const char *field,
                             cli_jsonl_span *f)
{
    return scan2(line, field, NULL, f, NULL);
}

/* The field's contents as a string (raw, still escaped). */
static void assert_field(const char *line, const char *field,
                         const char *want)
{
    cli_jsonl_span f;
    assert_int_equal(scan(line, field, &f), CLI_JSONL_OK);
    assert_int_equal(f.len, strlen(want));
    assert_memory_equal(line + f.off, want, f.len);
}

static void test_finds_fields(void **state)
{
    (void)state;
    assert_field("{\"text\":\"abc\"}", "text", "abc");
    assert_field(" { \"a\" : 1 , \"text\" : \"x y\" , \"b\":[1,{\"text\":\"no\"}]} ",
                 "text", "x y");
    assert_field("{\"text\":\"\"}", "text", "");
    assert_field("{\"meta\":{\"text\":\"in\"},\"text\":\"out\"}", "text", "out");
    assert_field("{\"meta\":{\"lang\":\"zh\",\"t\":{\"x\":\"deep\"}}}", "meta.t.x",
                 "deep");
    assert_field("{\"a\":{\"b\":1},\"x\":{\"a\":{\"b\":\"no\"}},\"a\":{\"b\":\"yes\"}}",
                 "a.b", "yes");
    /* The last of duplicate keys counts, as with Python's json. */
    assert_field("{\"text\":\"one\",\"text\":\"two\"}", "text", "two");
    /* So does the last of duplicate enclosing objects. */
    cli_jsonl_span g;
    assert_int_equal(scan("{\"a\":{\"b\":\"x\"},\"a\":1}", "a.b", &g),
                     CLI_JSONL_MISSING);
    assert_int_equal(scan("{\"a\":{\"b\":\"x\"},\"a\":{\"c\":1}}", "a.b", &g),
                     CLI_JSONL_MISSING);
    assert_int_equal(scan("{\"text\":\"x\",\"text\":[\"y\"]}", "text", &g),
                     CLI_JSONL_NOT_STRING);
    /* Keys spelt with escapes still match. */
    assert_field("{\"t\\u0065xt\":\"esc\"}", "text", "esc");
    assert_field("{\"text\":\"a\\\"b\\\\\"}", "text", "a\\\"b\\\\");
    /* Arrays do not continue a dotted path. */
    cli_jsonl_span f;
    assert_int_equal(scan("{\"a\":[{\"b\":\"x\"}]}", "a.b", &f),
                     CLI_JSONL_MISSING);
}

static void test_statuses(void **state)
{
    (void)state;
    cli_jsonl_span f;
    assert_int_equal(scan("{\"text\":5}", "text", &f), CLI_JSONL_NOT_STRING);
    assert_int_equal(scan("{\"text\":null}", "text", &f), CLI_JSONL_NOT_STRING);
    assert_int_equal(scan("{\"text\":{\"a\":\"b\"}}", "text", &f),
                     CLI_JSONL_NOT_STRING);
    assert_int_equal(scan("{\"other\":\"x\"}", "text", &f), CLI_JSONL_MISSING);
    assert_int_equal(scan("{}", "text", &f), CLI_JSONL_MISSING);
    assert_int_equal(scan("[\"text\"]", "text", &f), CLI_JSONL_NOT_OBJECT);
    assert_int_equal(scan("\"text\"", "text", &f), CLI_JSONL_NOT_OBJECT);
    assert_int_equal(scan("12", "text", &f), CLI_JSONL_NOT_OBJECT);
    const char *bad[] = {
        "", " ", "{", "}", "{\"text\":\"abc\"", "{\"text\":\"abc}",
        "{\"text\" \"abc\"}", "{\"text\":\"a\"} x", "{\"text\":\"a\"}{}",
        "{\"text\":\"a\",}", "{,\"text\":\"a\"}", "{\"a\":[1,]}",
        "{\"a\":[1 2]}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":01}",
        "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":.5}", "{\"a\":+1}",
        "{\"text\":\"\\x\"}", "{\"text\":\"\\u12\"}", "{\"text\":\"\\u12g4\"}",
        "{\"text\":\"tab\there\"}", "{\"text\":\"a\\\"}", "{a:1}",
        "{'text':'a'}", "{\"a\":]", "{\"a\":[}", "{\"a\":{]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cli_jsonl_status st = scan(bad[i], "text", &f);
        if (st != CLI_JSONL_SYNTAX)
            fail_msg("accepted: %s", bad[i]);
    }
    /* A NUL byte after the object is not whitespace. */
    cli_jsonl_path fp;
    assert_int_equal(cli_jsonl_path_parse(&fp, "text"), 0);
    assert_int_equal(cli_jsonl_scan("{\"text\":\"a\"}\0", 13, &fp, NULL, &f,
                                    NULL, NULL),
                     CLI_JSONL_SYNTAX);
    assert_int_equal(cli_jsonl_scan("{\"text\":\"a\0\"}", 13, &fp, NULL, &f,
                                    NULL, NULL),
                     CLI_JSONL_SYNTAX);
    cli_jsonl_path_free(&fp);
    /* Valid odd numbers and literals. */
    assert_field("{\"a\":[-0,0.5e+3,1E-2,true,false,null,\"\"],\"text\":\"ok\"}",
                 "text", "ok");
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t n = 200000;
    char *s = malloc(2 * n + 32);
    assert_non_null(s);
    /* Valid but too deep: reported, not followed down the stack. */
    size_t k = 0;
    k += (size_t)sprintf(s, "{\"a\":");
    for (size_t i = 0; i < n; i++)
        s[k++] = '[';
    for (size_t i = 0; i < n; i++)
        s[k++] = ']';
    s[k++] = '}';
    cli_jsonl_path fp;
    cli_jsonl_span f;
    assert_int_equal(cli_jsonl_path_parse(&fp, "text"), 0);
    assert_int_equal(cli_jsonl_scan(s, k, &fp, NULL, &f, NULL, NULL),
                     CLI_JSONL_DEEP);
    /* Just under the limit is fine. */
    k = 0;
    k += (size_t)sprintf(s, "{\"text\":\"x\",\"a\":");
    for (size_t i = 0; i < CLI_JSONL_MAX_DEPTH - 1; i++)
        s[k++] = '[';
    for (size_t i = 0; i < CLI_JSONL_MAX_DEPTH - 1; i++)
        s[k++] = ']';
    s[k++] = '}';
    assert_int_equal(cli_jsonl_scan(s, k, &fp, NULL, &f, NULL, NULL),
                     CLI_JSONL_OK);
    cli_jsonl_path_free(&fp);
    free(s);
}

static void test_id(void **state)
{
    (void)state;
    cli_jsonl_span f, id;
    const char *line = "{\"id\":{\"doc\":[1,\"x\"]},\"text\":\"t\",\"n\":7}";
    assert_int_equal(scan2(line, "text", "id", &f, &id), CLI_JSONL_OK);
    assert_true(id.found);
    assert_int_equal(id.len, strlen("{\"doc\":[1,\"x\"]}"));
    assert_memory_equal(line + id.off, "{\"doc\":[1,\"x\"]}", id.len);
    assert_int_equal(scan2(line, "text", "n", &f, &id), CLI_JSONL_OK);
    assert_memory_equal(line + id.off, "7", id.len);
    assert_int_equal(scan2(line, "text", "id.doc", &f, &id), CLI_JSONL_OK);
    assert_memory_equal(line + id.off, "[1,\"x\"]", id.len);
    assert_int_equal(scan2(line, "text", "none", &f, &id), CLI_JSONL_OK);
    assert_false(id.found);
}

static void roundtrip(const char *raw, const char *decoded, size_t dlen)
{
    char out[256], back[1024];
    size_t n = cli_jsonl_decode(raw, strlen(raw), out);
    assert_int_equal(n, dlen);
    assert_memory_equal(out, decoded, dlen);
    /* Encoding the decoded text and decoding again gives it back. */
    size_t e = cli_jsonl_encode(out, n, back);
    assert_true(e <= cli_jsonl_encode_bound(n));
    char again[1024];
    size_t m = cli_jsonl_decode(back, e, again);
    assert_int_equal(m, n);
    assert_memory_equal(again, out, n);
}

static void test_decode_encode(void **state)
{
    (void)state;
    roundtrip("plain", "plain", 5);
    roundtrip("\\u6c49\\u5b57", "\xe6\xb1\x89\xe5\xad\x97", 6);
    roundtrip("\\\"\\\\\\/\\b\\f\\n\\r\\t", "\"\\/\b\f\n\r\t", 8);
    roundtrip("\\ud83d\\ude00", "\xf0\x9f\x98\x80", 4);
    roundtrip("\\u0000", "\0", 1);
    /* A lone surrogate survives as its generalised UTF-8 form... */
    roundtrip("a\\ud800b", "a\xed\xa0\x80" "b", 5);
    roundtrip("\\udc00", "\xed\xb0\x80", 3);
    roundtrip("\\ud800\\u0041", "\xed\xa0\x80" "A", 4);
    /* ...and is escaped again on output. */
    char out[64];
    size_t n = cli_jsonl_encode("\xed\xa0\x80", 3, out);
    assert_int_equal(n, 6);
    assert_memory_equal(out, "\\ud800", 6);
    n = cli_jsonl_encode("a\"b\\c\n\x01\x7f\xe6\xb1\x89", 11, out);
    assert_memory_equal(out, "a\\\"b\\\\c\\n\\u0001\x7f\xe6\xb1\x89", n);
    /* Invalid UTF-8 is copied as it is. */
    n = cli_jsonl_encode("\xff\xed\x41", 3, out);
    assert_int_equal(n, 3);
    assert_memory_equal(out, "\xff\xed\x41", 3);
}

static void test_paths(void **state)
{
    (void)state;
    cli_jsonl_path p;
    assert_int_equal(cli_jsonl_path_parse(&p, "a.bc.d"), 0);
    assert_int_equal(p.nkeys, 3);
    assert_string_equal(p.key[1], "bc");
    cli_jsonl_path_free(&p);
    assert_int_equal(cli_jsonl_path_parse(&p, ""), -1);
    assert_int_equal(cli_jsonl_path_parse(&p, "a..b"), -1);
    assert_int_equal(cli_jsonl_path_parse(&p, "a."), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_finds_fields),
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_id),
        cmocka_unit_test(test_decode_encode),
        cmocka_unit_test(test_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
