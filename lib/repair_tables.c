/*
 * repair_tables.c - the tables the search for hidden bytes reads: made once
 * per repairer (zt_repairer_new), read-only afterwards, so that one repairer
 * serves any number of threads.
 */
#include <stdlib.h>

#include "gbk.h"
#include "repair_search.h"

/* Add code to key's list (fill: store it, else count it), once per key. */
static void hole_add(struct zt_rp_stab *t, uint32_t *n, uint16_t *lastc,
                     uint32_t key, uint16_t code, int fill)
{
    if (n[key] && lastc[key] == code)
        return;
    lastc[key] = code;
    if (fill)
        t->code[t->off[key] + n[key]] = code;
    n[key]++;
}

/* The keys of zt_rp_con_fits for each code, in code order; the tone rule
 * (neutral or none written: any tone; 一 and 不: any tone) is the same. */
static void hole_pass(struct zt_rp_stab *t, uint32_t *n, uint16_t *lastc,
                      int fill)
{
    for (unsigned lead = 0x81; lead <= 0xFE; lead++)
        for (unsigned trail = 0x81; trail <= 0xFE; trail++) {
            uint32_t cp = zt_gbk_pair(lead, trail);
            uint32_t rec = cp ? zt_py_char(cp) : 0;
            if (!rec)
                continue;
            rec--;
            uint16_t code = (uint16_t)(lead << 8 | trail);
            int sandhi = cp == 0x4E00 || cp == 0x4E0D;
            const uint16_t *r = zt_py_rlist + zt_py_roff[rec];
            for (unsigned i = 0; i < zt_py_rn[rec]; i++) {
                uint32_t syl = zt_py_sylof(r[i]), tone = zt_py_tone(r[i]);
                hole_add(t, n, lastc, syl * 5, code, fill);
                for (uint32_t k = 1; k <= 4; k++)
                    if (k == tone || sandhi)
                        hole_add(t, n, lastc, syl * 5 + k, code, fill);
            }
        }
}

/* The q1 lists: per lead, its characters by class of trail, best first. */
static int q1_build(struct zt_rp_stab *t, const uint8_t *cls)
{
    t->q1 = malloc(126 * 126 * sizeof *t->q1);
    if (!t->q1)
        return 0;
    for (unsigned l = 0x81; l <= 0xFE; l++) {
        struct q1ent *e = t->q1 + (l - 0x81) * 126;
        unsigned n = 0, ng = 0;
        for (unsigned cl = 0; cl < t->nclass; cl++) {
            unsigned start = n;
            for (unsigned k = 0; k < t->nvalid[l]; k++) {
                unsigned v = t->valid[l][k];
                if (t->qclass[v] != cl)
                    continue;
                uint32_t c = zt_gbk_pair(l, v);
                struct q1ent x = {t->cs[c] + (c < 0x10000 ? zt_rp_prior_cls(cls[c]) : 0),
                                  c, (uint8_t)v, t->qrep[v],
                                  (uint8_t)(c < 0x10000 && (cls[c] & ZT_RP_TRAD))};
                unsigned at = n++;
                for (; at > start && e[at - 1].sc < x.sc; at--)
                    e[at] = e[at - 1];
                e[at] = x;
            }
            if (n > start)
                t->q1goff[l - 0x81][ng++] = (uint8_t)start;
        }
        t->q1goff[l - 0x81][ng] = (uint8_t)n;
        t->q1ng[l - 0x81] = (uint8_t)ng;
    }
    return 1;
}

zt_status zt_rp_stab_new(zt_repairer *r)
{
    struct zt_rp_stab *t = calloc(1, sizeof *t);
    size_t nkeys = (size_t)zt_py_nsyl * 5;
    uint32_t *n = calloc(nkeys, sizeof *n);
    uint16_t *lastc = calloc(nkeys, sizeof *lastc);
    if (t)
        t->off = calloc(nkeys + 1, sizeof *t->off);
    if (!t || !n || !lastc || !t->off)
        goto fail;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        t->cs[cp] = zt_rp_char_score(cp);
        t->simp[cp] = zt_rp_simp_of(cp);
    }
    for (unsigned b = 0; b < 256; b++)
        for (unsigned v = 0x81; v <= 0xFE; v++) {
            if (zt_gbk_pair(b, v))
                t->valid[b][t->nvalid[b]++] = (uint8_t)v;
            else
                t->invalid[b][t->ninvalid[b]++] = (uint8_t)v;
        }
    /* Classes: compare each byte's list with the first byte of each class
     * so far (GBK has a dozen). */
    uint8_t rep[256];
    t->nclass = 0;
    for (unsigned b = 0; b < 256; b++) {
        unsigned k = 0;
        while (k < t->nclass &&
               !(t->ninvalid[rep[k]] == t->ninvalid[b] &&
                 !memcmp(t->invalid[rep[k]], t->invalid[b], t->ninvalid[b])))
            k++;
        if (k == t->nclass)
            rep[t->nclass++] = (uint8_t)b;
        t->qclass[b] = (uint8_t)k;
        t->qrep[b] = rep[k];
    }
    if (!q1_build(t, r->cls))
        goto fail;
    hole_pass(t, n, lastc, 0);
    for (size_t k = 0; k < nkeys; k++) {
        t->off[k + 1] = t->off[k] + n[k];
        n[k] = 0;
    }
    t->code = malloc((t->off[nkeys] + 1) * sizeof *t->code);
    if (!t->code)
        goto fail;
    hole_pass(t, n, lastc, 1);
    free(n);
    free(lastc);
    r->stab = t;
    return ZT_OK;
fail:
    free(n);
    free(lastc);
    if (t) {
        free(t->off);
        free(t->q1);
        free(t);
    }
    return ZT_ENOMEM;
}

void zt_rp_stab_free(zt_repairer *r)
{
    if (r->stab) {
        free(r->stab->off);
        free(r->stab->code);
        free(r->stab->q1);
        free(r->stab);
        r->stab = NULL;
    }
}
