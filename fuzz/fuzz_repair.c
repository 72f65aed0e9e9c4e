/* fuzz_repair.c - the repair path on any bytes: no crash, no hang, the
 * report always formats, and the line count is kept (boilerplate kept). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* strip x script (the diagonal), and --lone leave with the defaults */
    static zt_repairer *r[4];
    if (!r[0]) {
        for (int i = 0; i < 4; i++) {
            zt_repair_options o;
            zt_repair_options_init(&o);
            o.strip = (zt_strip_mode)(i % 3);
            o.script = (zt_script)(i % 3);
            o.lone = i == 3 ? ZT_LONE_LEAVE : ZT_LONE_SEARCH;
            if (zt_repairer_new(&o, &r[i]) != ZT_OK)
                abort();
        }
    }
    int which = size ? data[0] % 4 : 0;
    zt_repair_report rep;
    zt_repair_report_init(&rep);
    char *out = NULL, *js = NULL;
    size_t n, jn;
    if (zt_repair_alloc(r[which], (const char *)data, size, &out, &n, &rep) != ZT_OK)
        abort();
    size_t lin = 0, lout = 0;
    for (size_t i = 0; i < size; i++)
        lin += data[i] == '\n';
    for (size_t i = 0; i < n; i++)
        lout += out[i] == '\n';
    if (lin != lout)
        abort();
    if (zt_repair_report_json(&rep, NULL, 0, &js, &jn) != ZT_OK)
        abort();
    double s;
    if (zt_repair_detect(r[which], (const char *)data, size, &s) != ZT_OK ||
        s < 0 || s > 1)
        abort();
    zt_free(out);
    zt_free(js);
    zt_repair_report_free(&rep);
    return 0;
}
