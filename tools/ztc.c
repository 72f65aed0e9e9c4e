/*
 * ztc - the zhtext table compiler.
 *
 *   ztc DATA_DIR OUT.c
 *
 * Reads DATA_DIR/configs.tsv (one OpenCC configuration per line, see
 * tools/opencc_configs.py) and the text dictionaries it names in
 * DATA_DIR/dict/, builds one trie per dictionary expression with the
 * library's own builder, and writes them as const C arrays together with the
 * configuration table (lib/configs.h).  The library links the result, so
 * conversion needs no data files and no start-up parsing.
 *
 * A dictionary file that does not exist is compiled as empty: that is how the
 * import script bootstraps the one dictionary that needs a converter to be
 * made (STPhrases_GeneratedFromRegionalPhrases).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "configs.h"
#include "dictfile.h"
#include "trie.h"

static const char *g_dir;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "ztc: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    zt_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (zt_buf_append(&b, tmp, n) != ZT_OK)
            die("out of memory", NULL);
    fclose(f);
    zt_buf_append(&b, "", 1);
    *len = b.len - 1;
    return b.data;
}

/* ---- tries, one per distinct expression --------------------------------- */

typedef struct named_trie {
    char *expr;  /* "A" or "A|B" */
    char *ident; /* C identifier */
    zt_trie *t;
} named_trie;

static named_trie g_tries[64];
static int g_ntries;

static int trie_for(const char *expr)
{
    for (int i = 0; i < g_ntries; i++)
        if (strcmp(g_tries[i].expr, expr) == 0)
            return i;
    if (g_ntries == 64)
        die("too many dictionaries", NULL);
    zt_trie_builder *b = zt_trie_builder_new(ZT_DUP_FIRST);
    char *copy = strdup(expr);
    for (char *save = NULL, *name = strtok_r(copy, "|", &save); name;
         name = strtok_r(NULL, "|", &save)) {
        char path[4096];
        snprintf(path, sizeof path, "%s/dict/%s.txt", g_dir, name);
        size_t len;
        char *data = read_file(path, &len);
        if (!data) {
            if (errno != ENOENT)
                die("cannot read", path);
            fprintf(stderr, "ztc: note: %s missing, compiled as empty\n", path);
            continue;
        }
        size_t line = 0;
        if (zt_dictfile_parse(data, len, b, &line) != ZT_OK) {
            fprintf(stderr, "ztc: %s:%zu: malformed entry\n", path, line);
            exit(1);
        }
        free(data);
    }
    free(copy);
    named_trie *nt = &g_tries[g_ntries];
    nt->expr = strdup(expr);
    nt->ident = strdup(expr);
    for (char *p = nt->ident; *p; p++)
        if (*p == '|')
            *p = '_';
    if (zt_trie_build(b, nt->expr, &nt->t) != ZT_OK)
        die("cannot build", expr);
    return g_ntries++;
}

/* ---- output ------------------------------------------------------------- */

static void emit_u32(FILE *o, const char *type, const char *ident,
                     const char *field, const uint32_t *a, size_t n)
{
    fprintf(o, "static const %s %s_%s[%zu] = {", type, ident, field, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(o, "%s%u,", i % 16 ? "" : "\n", a[i]);
    fprintf(o, "%s};\n", n ? "\n" : "0");
}

static void emit_trie(FILE *o, const named_trie *nt)
{
    const zt_trie *t = nt->t;
    const char *id = nt->ident;
    uint32_t *tmp = malloc(sizeof(uint32_t) * (t->nnodes * 3 + ZT_TRIE_HI + 1));
    for (size_t i = 0; i < ZT_TRIE_HI; i++)
        tmp[i] = t->hi[i];
    emit_u32(o, "uint16_t", id, "hi", tmp, ZT_TRIE_HI);
    emit_u32(o, "uint32_t", id, "pages", t->pages, (size_t)t->npages * 256);
    fprintf(o, "static const zt_trie_node %s_nodes[%u] = {", id, t->nnodes);
    for (uint32_t i = 0; i < t->nnodes; i++)
        fprintf(o, "%s{%u,%u,%u},", i % 6 ? "" : "\n", t->nodes[i].val,
                t->nodes[i].kids, t->nodes[i].nkids);
    fprintf(o, "\n};\n");
    emit_u32(o, "uint32_t", id, "cps", t->cps, t->nnodes);
    emit_u32(o, "uint32_t", id, "voff", t->voff, t->nvals + 1);
    /* Values as one string literal: compiles much faster than a byte array. */
    fprintf(o, "static const char %s_vals[] =\n\"", id);
    uint32_t total = t->voff[t->nvals];
    for (uint32_t i = 0; i < total; i++) {
        fprintf(o, "\\%03o", (unsigned char)t->vals[i]);
        if (i % 40 == 39 && i + 1 < total)
            fprintf(o, "\"\n\"");
    }
    /* 7 NULs plus the literal's own: fmm() in convert.c may read 8 bytes
     * of a value. */
    fprintf(o, "\\0\\0\\0\\0\\0\\0\\0\";\n");
    fprintf(o, "static const uint64_t %s_keychars[1024] = {", id);
    for (int i = 0; i < 1024; i++)
        fprintf(o, "%s0x%llxu,", i % 8 ? "" : "\n",
                (unsigned long long)t->keychars[i]);
    fprintf(o, "\n};\n");
    int has_pairs = t->pairs != NULL;
    if (has_pairs) {
        emit_u32(o, "uint32_t", id, "pairs", t->pairs,
                 (size_t)3 << t->pair_bits);
        size_t fw = ((size_t)1 << ZT_PAIRF_BITS) / 64;
        fprintf(o, "static const uint64_t %s_pairf[%zu] = {", id, fw);
        for (size_t i = 0; i < fw; i++)
            fprintf(o, "%s0x%llxu,", i % 8 ? "" : "\n",
                    (unsigned long long)t->pairf[i]);
        fprintf(o, "\n};\n");
    }
    fprintf(o,
            "static const zt_trie %s = {\"%s\", %s_hi, %s_pages, %s_nodes, "
            "%s_cps, %s_voff, %s_vals, %s_keychars, %u, %u, %u, %u, %u, %u, "
            "%u, %s%s, %u, %s%s};\n\n",
            id, nt->expr, id, id, id, id, id, id, id, t->npages, t->nnodes,
            t->nvals, t->nkeys, t->maxval, t->ratio, t->nonbmp_keys,
            has_pairs ? id : "NULL", has_pairs ? "_pairs" : "", t->pair_bits,
            has_pairs ? id : "NULL", has_pairs ? "_pairf" : "");
    free(tmp);
}

/* A stage: "A|B,C" -> alternatives {A|B, C}. */
typedef struct stage {
    int nalt;
    int alt[ZT_MAX_ALT];
} stage;

static stage parse_stage(const char *s)
{
    stage st = {0};
    char *copy = strdup(s);
    for (char *save = NULL, *a = strtok_r(copy, ",", &save); a;
         a = strtok_r(NULL, ",", &save)) {
        if (st.nalt == ZT_MAX_ALT)
            die("too many alternatives in", s);
        st.alt[st.nalt++] = trie_for(a);
    }
    free(copy);
    return st;
}

static int parse_chain(const char *s, stage *out)
{
    int n = 0;
    if (strcmp(s, "-") == 0)
        return 0;
    char *copy = strdup(s);
    for (char *save = NULL, *a = strtok_r(copy, ";", &save); a;
         a = strtok_r(NULL, ";", &save)) {
        if (n == ZT_MAX_STAGES)
            die("too many stages in", s);
        out[n++] = parse_stage(a);
    }
    free(copy);
    return n;
}

static void emit_stage(FILE *o, const stage *st)
{
    fprintf(o, "{%d, {", st->nalt);
    for (int i = 0; i < st->nalt; i++)
        fprintf(o, "&%s, ", g_tries[st->alt[i]].ident);
    fprintf(o, "}}");
}

static void emit_cstr(FILE *o, const char *s)
{
    fputc('"', o);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', o);
        fputc(*s, o);
    }
    fputc('"', o);
}

typedef struct config {
    char *name, *desc;
    int nnorm, has_seg, nchain;
    stage norm[ZT_MAX_STAGES], seg, chain[ZT_MAX_STAGES];
} config;

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: ztc DATA_DIR OUT.c\n");
        return 2;
    }
    g_dir = argv[1];
    char path[4096];
    snprintf(path, sizeof path, "%s/configs.tsv", g_dir);
    size_t len;
    char *tsv = read_file(path, &len);
    if (!tsv)
        die("cannot read", path);
    config cfg[32];
    int ncfg = 0;
    for (char *save = NULL, *line = strtok_r(tsv, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[5];
        int nf = 0;
        for (char *p = line; nf < 5; nf++) {
            f[nf] = p;
            char *t = strchr(p, '\t');
            if (!t) {
                nf++;
                break;
            }
            *t = 0;
            p = t + 1;
        }
        if (nf != 5 || ncfg == 32)
            die("malformed configs.tsv line", line);
        config *c = &cfg[ncfg++];
        c->name = f[0];
        c->desc = f[1];
        c->nnorm = parse_chain(f[2], c->norm);
        stage seg[ZT_MAX_STAGES];
        int nseg = parse_chain(f[3], seg);
        if (nseg > 1)
            die("segmentation must be one dictionary expression", f[3]);
        c->has_seg = nseg;
        if (nseg)
            c->seg = seg[0];
        c->nchain = parse_chain(f[4], c->chain);
        if (c->nchain == 0)
            die("empty conversion chain", c->name);
    }

    FILE *o = fopen(argv[2], "w");
    if (!o)
        die("cannot write", argv[2]);
    fprintf(o, "/* Generated by tools/ztc from %s. Do not edit. */\n", path);
    fprintf(o, "#include \"configs.h\"\n\n");
    for (int i = 0; i < g_ntries; i++)
        emit_trie(o, &g_tries[i]);
    fprintf(o, "const zt_config_def zt_configs[] = {\n");
    for (int i = 0; i < ncfg; i++) {
        config *c = &cfg[i];
        fprintf(o, "{");
        emit_cstr(o, c->name);
        fprintf(o, ", ");
        emit_cstr(o, c->desc);
        fprintf(o, ",\n %d, {", c->nnorm);
        for (int k = 0; k < c->nnorm; k++) {
            emit_stage(o, &c->norm[k]);
            fprintf(o, ", ");
        }
        fprintf(o, "},\n %d, ", c->has_seg);
        if (c->has_seg)
            emit_stage(o, &c->seg);
        else
            fprintf(o, "{0, {0}}");
        fprintf(o, ",\n %d, {", c->nchain);
        for (int k = 0; k < c->nchain; k++) {
            emit_stage(o, &c->chain[k]);
            fprintf(o, ", ");
        }
        fprintf(o, "}},\n");
    }
    fprintf(o, "};\nconst size_t zt_nconfigs = %d;\n", ncfg);
    if (fclose(o) != 0)
        die("cannot write", argv[2]);
    for (int i = 0; i < g_ntries; i++)
        zt_trie_free(g_tries[i].t);
    free(tsv);
    return 0;
}
