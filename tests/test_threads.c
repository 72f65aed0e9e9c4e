/*
 * test_threads.c - one converter, shared by several threads at once, gives
 * every thread exactly the single-threaded result (the handle is immutable;
 * all scratch memory is per call or per stream).
 */
#include <pthread.h>

#include "testutil.h"

#define NTHREADS 4

typedef struct job {
    const zt_converter *conv;
    const char *in;
    size_t len;
    const char *want;
    size_t wantlen;
    int ok;
    int use_stream;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    j->ok = 1;
    for (int round = 0; round < 3 && j->ok; round++) {
        char *out = NULL;
        size_t n = 0;
        if (!j->use_stream) {
            if (zt_convert_alloc(j->conv, j->in, j->len, &out, &n) != ZT_OK)
                j->ok = 0;
        } else {
            zt_stream *s;
            const char *o;
            size_t ol;
            if (zt_stream_new(j->conv, &s) != ZT_OK) {
                j->ok = 0;
                break;
            }
            out = malloc(j->wantlen + 1);
            for (size_t pos = 0; pos < j->len && j->ok;) {
                size_t k = j->len - pos < 4099 ? j->len - pos : 4099;
                if (zt_stream_push(s, j->in + pos, k, &o, &ol) != ZT_OK ||
                    n + ol > j->wantlen)
                    j->ok = 0;
                else
                    memcpy(out + n, o, ol), n += ol;
                pos += k;
            }
            if (j->ok && (zt_stream_finish(s, &o, &ol) != ZT_OK ||
                          n + ol > j->wantlen))
                j->ok = 0;
            else if (j->ok)
                memcpy(out + n, o, ol), n += ol;
            zt_stream_free(s);
        }
        if (j->ok && (n != j->wantlen || memcmp(out, j->want, n) != 0))
            j->ok = 0;
        if (j->use_stream)
            free(out);
        else
            zt_free(out);
    }
    return NULL;
}

static void run_shared(const char *config, const char *in, size_t len)
{
    zt_converter *c;
    assert_int_equal(zt_converter_new(config, NULL, 0, &c), ZT_OK);
    char *want;
    size_t wantlen;
    assert_int_equal(zt_convert_alloc(c, in, len, &want, &wantlen), ZT_OK);
    pthread_t th[NTHREADS];
    job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i] = (job){c, in, len, want, wantlen, 0, i % 2};
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_true(jobs[i].ok);
    }
    zt_free(want);
    zt_converter_free(c);
}

static void test_shared_converter(void **state)
{
    (void)state;
    /* Text of our own: phrases, segmentation, normalization, IDS, bytes. */
    static const char *parts[] = {"头发", "发展", "鼠标和软件", "。", "\xEF\xA4\x80",
                                  "⿰发发", "\xFF", "abc\n", "著名", "着力"};
    size_t cap = 200000, len = 0;
    char *in = malloc(cap);
    uint64_t seed = 7;
    while (len + 32 < cap) {
        const char *p = parts[test_rand(&seed) % 10];
        memcpy(in + len, p, strlen(p));
        len += strlen(p);
    }
    run_shared("s2twp", in, len);
    run_shared("tw2sp", in, len);
    free(in);
    if (!have_shared("threads on golden input"))
        return;
    size_t glen;
    char *g = read_all(SHARED_DIR "/opencc/golden/input/simp.txt", &glen);
    assert_non_null(g);
    run_shared("s2t", g, glen);
    free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_converter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
