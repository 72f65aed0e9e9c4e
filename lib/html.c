/*
 * html.c - zt_html_walk(): split HTML into text nodes and markup.
 *
 * The walker does not build a tree and keeps no state beyond its position,
 * so memory is constant and any input, however broken, is walked in one
 * pass.  It follows the HTML tokenizer only as far as deciding which bytes
 * are character data:
 *   - '<' starts markup only when followed by a letter, '/', '!' or '?'
 *     (as in browsers); "a < b" is text.
 *   - A tag ends at the first '>' outside quoted attribute values; if the
 *     quotes never close, at the first '>'; if there is no '>' at all, the
 *     rest of the input is treated as markup (never rewrite what might be
 *     an attribute).
 *   - Comments run to "-->", other "<!" and "<?" constructs to '>'.
 *   - The contents of script, style, textarea, title, xmp, iframe, noembed,
 *     noframes and noscript are passed as markup up to their end tag:
 *     they are code or places where inserted markup would be shown as text.
 *   - Character references (&amp; &#20013; &#x4E2D;) are markup, so that
 *     callers never split or rewrite them.
 */
#include <ctype.h>

#include "internal.h"

static const char *const raw_tags[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
    "noframes", "noscript",
};

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Case-insensitive search for needle (lowercase ASCII) in s[0..n). */
static size_t find_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        if (s[i] != '<')
            continue;
        size_t k = 1;
        while (k < m && tolower((unsigned char)s[i + k]) == needle[k])
            k++;
        if (k == m)
            return i;
    }
    return n;
}

/* End (one past '>') of the tag at s[0] == '<', or 0 if it has no '>'. */
static size_t tag_end(const char *s, size_t n)
{
    char q = 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (q) {
            if (c == q)
                q = 0;
        } else if (c == '"' || c == '\'') {
            q = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    const char *gt = memchr(s, '>', n);
    return gt ? (size_t)(gt - s) + 1 : 0;
}

/* Length of a character reference at s[0] == '&', 0 if it is not one. */
static size_t entity_len(const char *s, size_t n)
{
    size_t i = 1;
    if (i < n && s[i] == '#')
        i++;
    size_t start = i;
    while (i < n && i < 40 && isalnum((unsigned char)s[i]))
        i++;
    if (i == start || i >= n || s[i] != ';')
        return 0;
    return i + 1;
}

/* If the start tag s[0..n) names a raw-text element, its lowercase end tag
 * prefix ("</script") in buf; otherwise 0. */
static int raw_end_tag(const char *s, size_t n, char *buf, size_t cap)
{
    for (size_t t = 0; t < sizeof raw_tags / sizeof raw_tags[0]; t++) {
        size_t m = strlen(raw_tags[t]);
        if (n < m + 2)
            continue;
        size_t k = 0;
        while (k < m && tolower((unsigned char)s[1 + k]) == raw_tags[t][k])
            k++;
        if (k < m)
            continue;
        char c = s[1 + m];
        if (c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' &&
            c != '\r' && c != '\f')
            continue;
        if (m + 3 > cap)
            return 0;
        buf[0] = '<';
        buf[1] = '/';
        memcpy(buf + 2, raw_tags[t], m + 1);
        return 1;
    }
    return 0;
}

void zt_html_walk(const char *in, size_t len, const zt_html_cb *cb)
{
    if (!in || !cb || !cb->text || !cb->markup)
        return;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        /* Text up to the next '<' or '&' that starts markup.  The next '<'
         * and '&' are remembered so that text full of one of them is not
         * rescanned for the other (no quadratic time). */
        size_t lt = i, amp = i;
        while (j < len) {
            if (in[j] == '<' && j + 1 < len &&
                (is_alpha((unsigned char)in[j + 1]) || in[j + 1] == '/' ||
                 in[j + 1] == '!' || in[j + 1] == '?'))
                break;
            if (in[j] == '&' && entity_len(in + j, len - j))
                break;
            if (lt <= j) {
                const char *p = memchr(in + j + 1, '<', len - j - 1);
                lt = p ? (size_t)(p - in) : len;
            }
            if (amp <= j) {
                const char *p = memchr(in + j + 1, '&', len - j - 1);
                amp = p ? (size_t)(p - in) : len;
            }
            j = lt < amp ? lt : amp;
        }
        if (j > i)
            cb->text(cb->ctx, in + i, j - i);
        if (j >= len)
            break;
        i = j;
        const char *s = in + i;
        size_t n = len - i, m;
        if (s[0] == '&') {
            m = entity_len(s, n);
        } else if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
            m = n;
            for (size_t k = 4; k + 3 <= n; k++)
                if (memcmp(s + k, "-->", 3) == 0) {
                    m = k + 3;
                    break;
                }
        } else {
            m = tag_end(s, n);
            if (m == 0)
                m = n;
            char end[16];
            if (is_alpha((unsigned char)s[1]) && raw_end_tag(s, m, end, sizeof end)) {
                /* the element's content, up to its end tag, is markup */
                size_t k = find_ci(s + m, n - m, end);
                m += k;
            }
        }
        cb->markup(cb->ctx, s, m);
        i += m;
    }
}
