/* utf8.c - whole-buffer UTF-8 checks. */
#include "utf8.h"

int zt_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = zt_utf8_decode(s + i, n - i, &cp);
        if (cp == ZT_INVALID_CP)
            return 0;
        i += l;
    }
    return 1;
}
