/*
 * _zhtext.c - the CPython extension over libzhtext.
 *
 * Thin on purpose: each object owns one immutable library handle and
 * releases the GIL while the library works, so Python threads (or Dask's
 * threaded workers) convert in parallel.  Objects pickle as their settings
 * (the configuration name and user dictionary contents), never as handles,
 * so they travel to other processes and machines and are rebuilt there.
 *
 * JSONL shards are transformed here too, with the CLI's own field scanner
 * (programs/jsonl.c), so a cluster run gives the CLI's bytes exactly.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "zhtext.h"

/* ---- a growable buffer that reports failure instead of exiting ------- */

typedef struct pbuf {
    char *data;
    size_t len, cap;
} pbuf;

static int pbuf_reserve(pbuf *b, size_t n)
{
    if (b->cap - b->len >= n)
        return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d)
        return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

static int pbuf_append(pbuf *b, const void *p, size_t n)
{
    if (pbuf_reserve(b, n))
        return -1;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

/* A transformation of one piece of text, as the JSONL loop sees it: it
 * appends the text to `out` and, if it has one, a report line (no newline)
 * to `rep`; `id` is the raw JSON of the id field or NULL.  Returns ZT_OK or
 * a status; called without the GIL. */
typedef zt_status (*xform_fn)(void *self, const char *in, size_t n,
                              const char *id, size_t idlen, pbuf *out,
                              pbuf *rep);

static PyObject *raise_status(zt_status st)
{
    if (st == ZT_ENOMEM)
        return PyErr_NoMemory();
    PyErr_SetString(PyExc_ValueError, zt_strerror(st));
    return NULL;
}

/* Text arguments: str in, str out; bytes (or bytearray) in, bytes out.
 * A str is used through its UTF-8 form, which the str object owns and keeps
 * for its lifetime, so it may be read with the GIL released. */
typedef struct textarg {
    const char *s;
    Py_ssize_t n;
    int is_bytes;
    Py_buffer view;
    int has_view;
} textarg;

static int get_text(PyObject *o, textarg *t)
{
    memset(t, 0, sizeof *t);
    if (PyUnicode_Check(o)) {
        t->s = PyUnicode_AsUTF8AndSize(o, &t->n);
        return t->s ? 0 : -1;
    }
    if (PyObject_GetBuffer(o, &t->view, PyBUF_SIMPLE) == 0) {
        t->has_view = 1;
        t->is_bytes = 1;
        t->s = t->view.buf;
        t->n = t->view.len;
        return 0;
    }
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "expected str or bytes, not %.100s",
                 Py_TYPE(o)->tp_name);
    return -1;
}

static void put_text(textarg *t)
{
    if (t->has_view)
        PyBuffer_Release(&t->view);
}

static PyObject *make_result(const textarg *t, const char *s, size_t n)
{
    if (t->is_bytes)
        return PyBytes_FromStringAndSize(s, (Py_ssize_t)n);
    /* Valid UTF-8 in gives valid UTF-8 out, so strict decoding holds. */
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "surrogateescape");
}

/* Run fn over one text argument with the GIL released. */
static PyObject *run_text(xform_fn fn, void *self, PyObject *arg)
{
    textarg t;
    if (get_text(arg, &t))
        return NULL;
    pbuf out = {0}, rep = {0};
    zt_status st = ZT_OK;
    Py_BEGIN_ALLOW_THREADS
    /* Most results are about as long as the text: one allocation instead
     * of a series of doublings, each copying everything so far. */
    if (pbuf_reserve(&out, (size_t)t.n + (size_t)t.n / 8 + 64))
        st = ZT_ENOMEM;
    if (st == ZT_OK)
        st = fn(self, t.s, (size_t)t.n, NULL, 0, &out, &rep);
    Py_END_ALLOW_THREADS
    free(rep.data);
    PyObject *r = st == ZT_OK ? make_result(&t, out.data ? out.data : "",
                                            out.len)
                              : raise_status(st);
    free(out.data);
    put_text(&t);
    return r;
}

/* ---- JSONL ----------------------------------------------------------- */

/* The CLI's rules (programs/driver.c, process_line): a bad line or one the
 * transformation fails on passes through unchanged and is counted; a value
 * that comes back unchanged keeps its original spelling; otherwise the
 * string's contents are replaced and every other byte is kept.  Report lines
 * go to `rep`, or replace the text when report_is_output (detect), where a
 * bad line still gives one output line: itself. */
typedef struct jsonl_ctx {
    xform_fn fn;
    void *self;
    int report_is_output;
    cli_jsonl_path field, id;
    int has_id;
    pbuf dec, tmp, trep;
} jsonl_ctx;

static int jsonl_line(jsonl_ctx *c, const char *line, size_t n, pbuf *out,
                      pbuf *rep, size_t *bad)
{
    pbuf *text = c->report_is_output ? rep : out;
    cli_jsonl_span f, id;
    if (cli_jsonl_scan(line, n, &c->field, c->has_id ? &c->id : NULL, &f, &id,
                       NULL) != CLI_JSONL_OK) {
        ++*bad;
        return pbuf_append(text, line, n);
    }
    const char *val = line + f.off;
    size_t vlen = f.len;
    if (f.escaped) {
        c->dec.len = 0;
        if (pbuf_reserve(&c->dec, vlen))
            return -1;
        vlen = cli_jsonl_decode(val, vlen, c->dec.data);
        val = c->dec.data;
    }
    c->tmp.len = c->trep.len = 0;
    zt_status st = c->fn(c->self, val, vlen, id.found ? line + id.off : NULL,
                         id.found ? id.len : 0, &c->tmp, &c->trep);
    if (st == ZT_ENOMEM)
        return -1;
    if (st != ZT_OK) {
        ++*bad;
        return pbuf_append(text, line, n);
    }
    if (c->report_is_output)
        return c->trep.len ? pbuf_append(rep, c->trep.data, c->trep.len)
                           : pbuf_append(rep, line, n);
    if (c->trep.len && (pbuf_append(rep, c->trep.data, c->trep.len) ||
                        pbuf_append(rep, "\n", 1)))
        return -1;
    if (c->tmp.len == vlen &&
        (vlen == 0 || memcmp(c->tmp.data, val, vlen) == 0))
        return pbuf_append(out, line, n);
    size_t bound = cli_jsonl_encode_bound(c->tmp.len);
    if ((!bound && c->tmp.len) ||
        pbuf_reserve(out, f.off + bound + (n - f.off - f.len)))
        return -1;
    memcpy(out->data + out->len, line, f.off);
    out->len += f.off;
    out->len += cli_jsonl_encode(c->tmp.data, c->tmp.len,
                                 out->data + out->len);
    memcpy(out->data + out->len, line + f.off + f.len, n - f.off - f.len);
    out->len += n - f.off - f.len;
    return 0;
}

/* jsonl(data, field="text", id=None) -> (text, reports, bad_lines) */
static PyObject *run_jsonl(xform_fn fn, void *self, int report_is_output,
                           PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"data", "field", "id", NULL};
    Py_buffer in;
    const char *fieldname = "text", *idname = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "y*|sz:jsonl", kwlist, &in,
                                     &fieldname, &idname))
        return NULL;
    jsonl_ctx c;
    memset(&c, 0, sizeof c);
    c.fn = fn;
    c.self = self;
    c.report_is_output = report_is_output;
    if (cli_jsonl_path_parse(&c.field, fieldname) ||
        (idname && cli_jsonl_path_parse(&c.id, idname))) {
        cli_jsonl_path_free(&c.field);
        PyBuffer_Release(&in);
        PyErr_Format(PyExc_ValueError, "bad field path '%s'",
                     idname ? idname : fieldname);
        return NULL;
    }
    c.has_id = idname != NULL;
    pbuf out = {0}, rep = {0};
    size_t bad = 0;
    int err = 0;
    Py_BEGIN_ALLOW_THREADS
    const char *p = in.buf, *end = p + in.len;
    err = pbuf_reserve(report_is_output ? &rep : &out, (size_t)in.len + 64);
    while (!err && p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
        err = jsonl_line(&c, p, n, &out, &rep, &bad);
        if (!err && e)
            err = pbuf_append(report_is_output ? &rep : &out, "\n", 1);
        p += n + (e ? 1 : 0);
    }
    Py_END_ALLOW_THREADS
    PyObject *r = NULL;
    if (err)
        PyErr_NoMemory();
    else
        r = Py_BuildValue("(y#y#n)", out.data ? out.data : "",
                          (Py_ssize_t)out.len, rep.data ? rep.data : "",
                          (Py_ssize_t)rep.len, (Py_ssize_t)bad);
    free(out.data);
    free(rep.data);
    free(c.dec.data);
    free(c.tmp.data);
    free(c.trep.data);
    cli_jsonl_path_free(&c.field);
    cli_jsonl_path_free(&c.id);
    PyBuffer_Release(&in);
    return r;
}

/* User dictionaries from a tuple of bytes; NULL with an exception set. */
static zt_dict **load_dicts(PyObject *dt)
{
    Py_ssize_t nd = PyTuple_GET_SIZE(dt);
    zt_dict **d = calloc((size_t)nd + 1, sizeof *d);
    if (!d) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nd; i++) {
        PyObject *o = PyTuple_GET_ITEM(dt, i);
        size_t line = 0;
        zt_status st;
        if (!PyBytes_Check(o)) {
            PyErr_SetString(PyExc_TypeError,
                            "dicts must be bytes (dictionary contents)");
            goto fail;
        }
        st = zt_dict_load_mem(PyBytes_AS_STRING(o),
                              (size_t)PyBytes_GET_SIZE(o), &d[i], &line);
        if (st == ZT_EDICT) {
            PyErr_Format(PyExc_ValueError, "user dictionary %zd, line %zu: %s",
                         i, line, zt_strerror(st));
            goto fail;
        }
        if (st != ZT_OK) {
            raise_status(st);
            goto fail;
        }
    }
    return d;
fail:
    for (Py_ssize_t i = 0; i < nd; i++)
        zt_dict_free(d[i]);
    free(d);
    return NULL;
}

static void free_dicts(zt_dict **d, Py_ssize_t nd)
{
    for (Py_ssize_t i = 0; d && i < nd; i++)
        zt_dict_free(d[i]);
    free(d);
}

/* ---- Converter ------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    zt_converter *conv;
    PyObject *config; /* str */
    PyObject *dicts;  /* tuple of bytes: user dictionary contents */
} ConverterObject;

/* Large texts are converted in pieces cut where zt_convert_cut() allows, as
 * the CLI does: the result is the same as converting the whole, and the
 * library's working memory stays small and warm instead of growing to the
 * size of the text (which made a 100 MB text a third slower). */
#define CONV_PIECE ((size_t)1 << 20)

static zt_status conv_fn(void *self, const char *in, size_t n,
                         const char *id, size_t idlen, pbuf *out, pbuf *rep)
{
    (void)id;
    (void)idlen;
    (void)rep;
    const zt_converter *c = ((ConverterObject *)self)->conv;
    do {
        size_t piece = n > CONV_PIECE ? zt_convert_cut(c, in, n) : n;
        if (piece == 0)
            piece = n;
        size_t need = zt_convert_bound(c, piece);
        if (need == (size_t)-1 || pbuf_reserve(out, need))
            return ZT_ENOMEM;
        size_t got;
        zt_status st = zt_convert(c, in, piece, out->data + out->len,
                                  out->cap - out->len, &got);
        if (st != ZT_OK)
            return st;
        out->len += got;
        in += piece;
        n -= piece;
    } while (n > 0);
    return ZT_OK;
}

static int Converter_init(ConverterObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"config", "dicts", NULL};
    PyObject *config, *dicts = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "U|O:Converter", kwlist,
                                     &config, &dicts))
        return -1;
    PyObject *dt = dicts ? PySequence_Tuple(dicts) : PyTuple_New(0);
    if (!dt)
        return -1;
    Py_ssize_t nd = PyTuple_GET_SIZE(dt);
    zt_dict **d = load_dicts(dt);
    const char *name = d ? PyUnicode_AsUTF8(config) : NULL;
    if (!name) {
        free_dicts(d, nd);
        Py_DECREF(dt);
        return -1;
    }
    zt_converter *conv = NULL;
    zt_status st = zt_converter_new(name, (const zt_dict *const *)d,
                                    (size_t)nd, &conv);
    free_dicts(d, nd);
    if (st != ZT_OK) {
        Py_DECREF(dt);
        if (st == ZT_ECONFIG)
            PyErr_Format(PyExc_ValueError, "unknown configuration '%s'", name);
        else
            raise_status(st);
        return -1;
    }
    zt_converter_free(self->conv);
    self->conv = conv;
    Py_XSETREF(self->dicts, dt);
    Py_XSETREF(self->config,
               PyUnicode_FromString(zt_converter_config(conv)));
    return self->config ? 0 : -1;
}

static void Converter_dealloc(ConverterObject *self)
{
    zt_converter_free(self->conv);
    Py_XDECREF(self->config);
    Py_XDECREF(self->dicts);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Is the object's handle made (__init__ ran and succeeded)?  Else raise
 * "WHAT was not initialised". */
static int initialised(const void *handle, const char *what)
{
    if (handle)
        return 1;
    PyErr_Format(PyExc_RuntimeError, "%s was not initialised", what);
    return 0;
}

static int ready(ConverterObject *self)
{
    return initialised(self->conv, "Converter");
}

static PyObject *Converter_convert(ConverterObject *self, PyObject *text)
{
    return ready(self) ? run_text(conv_fn, self, text) : NULL;
}

static PyObject *Converter_jsonl(ConverterObject *self, PyObject *args,
                                 PyObject *kw)
{
    return ready(self) ? run_jsonl(conv_fn, self, 0, args, kw) : NULL;
}

static PyObject *Converter_reduce(ConverterObject *self,
                                  PyObject *Py_UNUSED(ignored))
{
    if (!ready(self))
        return NULL;
    return Py_BuildValue("(O(OO))", Py_TYPE(self), self->config, self->dicts);
}

static PyObject *Converter_repr(ConverterObject *self)
{
    return PyUnicode_FromFormat("zhtext.Converter(%R)",
                                self->config ? self->config : Py_None);
}

static PyObject *Converter_get_config(ConverterObject *self, void *c)
{
    (void)c;
    if (!ready(self))
        return NULL;
    Py_INCREF(self->config);
    return self->config;
}

static PyMethodDef Converter_methods[] = {
    {"convert", (PyCFunction)Converter_convert, METH_O,
     "convert(text) -> text: str gives str, bytes give bytes (invalid "
     "UTF-8 passes through)."},
    {"jsonl", (PyCFunction)(void (*)(void))Converter_jsonl,
     METH_VARARGS | METH_KEYWORDS,
     "jsonl(data: bytes, field='text', id=None) -> (bytes, b'', bad_lines): "
     "convert one string field of each JSON line as `zhtext convert --jsonl` "
     "does."},
    {"__reduce__", (PyCFunction)Converter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef Converter_getset[] = {
    {"config", (getter)Converter_get_config, NULL,
     "the canonical configuration name", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyTypeObject ConverterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "zhtext._zhtext.Converter",
    .tp_basicsize = sizeof(ConverterObject),
    .tp_dealloc = (destructor)Converter_dealloc,
    .tp_repr = (reprfunc)Converter_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Converter(config, dicts=()) - Simplified/Traditional "
              "conversion with OpenCC's answers; dicts are user dictionary "
              "contents (bytes).  Immutable, thread-safe, picklable.",
    .tp_methods = Converter_methods,
    .tp_getset = Converter_getset,
    .tp_init = (initproc)Converter_init,
    .tp_new = PyType_GenericNew,
};

/* ---- Pinyin (pinyin and annotate) -------------------------------------- */

typedef struct {
    PyObject_HEAD
    zt_pinyin *p;
    zt_annotate_options ann;
    char *sep;       /* owned copy */
    char *chars;     /* owned copy, annotate --chars */
    PyObject *args;  /* the normalised settings, for pickling */
} PinyinObject;

static int enum_arg(const char *what, const char *v, const char *const *names,
                    int *out)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return 0;
        }
    PyErr_Format(PyExc_ValueError, "unknown %s '%s'", what, v);
    return -1;
}

static char *dupstr(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int Pinyin_init(PinyinObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"style", "heteronym", "sandhi", "spoken", "u",
                             "omit_neutral", "dicts", "sep", "format",
                             "which", "chars", "html", NULL};
    static const char *const u_names[] = {"auto", "v", "umlaut", NULL};
    static const char *const fmt_names[] = {"inline", "ruby", NULL};
    static const char *const which_names[] = {"all", "polyphonic", NULL};
    const char *style = "tone", *u = "auto", *fmt = "inline", *which = "all";
    const char *chars = NULL;
    int heteronym = 0, sandhi = 0, spoken = 0, omit = 0, html = 0;
    PyObject *dicts = NULL, *sepobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|spppspOUsszp:Pinyin", kwlist,
                                     &style, &heteronym, &sandhi, &spoken, &u,
                                     &omit, &dicts, &sepobj, &fmt, &which,
                                     &chars, &html))
        return -1;
    zt_pinyin_options po;
    zt_pinyin_options_init(&po);
    zt_annotate_options ann;
    zt_annotate_options_init(&ann);
    int v;
    if (zt_pinyin_style_parse(style, &po.style) != ZT_OK) {
        PyErr_Format(PyExc_ValueError, "unknown style '%s'", style);
        return -1;
    }
    if (enum_arg("u form", u, u_names, &po.u_form) ||
        enum_arg("format", fmt, fmt_names, &ann.format) ||
        enum_arg("which", which, which_names, &v))
        return -1;
    ann.which = v;
    ann.html = html;
    po.heteronym = heteronym;
    po.sandhi = sandhi;
    po.spoken = spoken;
    po.omit_neutral = omit;
    Py_ssize_t seplen = 1;
    const char *sep = sepobj ? PyUnicode_AsUTF8AndSize(sepobj, &seplen) : " ";
    if (!sep)
        return -1;
    if (strlen(sep) != (size_t)seplen) {
        PyErr_SetString(PyExc_ValueError, "sep must not contain NUL");
        return -1;
    }
    PyObject *dt = dicts ? PySequence_Tuple(dicts) : PyTuple_New(0);
    if (!dt)
        return -1;
    Py_ssize_t nd = PyTuple_GET_SIZE(dt);
    zt_dict **d = load_dicts(dt);
    if (!d) {
        Py_DECREF(dt);
        return -1;
    }
    po.dicts = (const zt_dict *const *)d;
    po.ndicts = (size_t)nd;
    zt_pinyin *pin = NULL;
    zt_status st = zt_pinyin_new(&po, &pin);
    free_dicts(d, nd);
    if (st != ZT_OK) {
        Py_DECREF(dt);
        raise_status(st);
        return -1;
    }
    char *sepc = dupstr(sep, (size_t)seplen);
    char *charsc = chars ? dupstr(chars, strlen(chars)) : NULL;
    PyObject *norm = Py_BuildValue("(siiisiOssssi)", style, heteronym, sandhi,
                                   spoken, u, omit, dt, sep, fmt, which,
                                   chars, html);
    Py_DECREF(dt);
    if (!sepc || (chars && !charsc) || !norm) {
        zt_pinyin_free(pin);
        free(sepc);
        free(charsc);
        Py_XDECREF(norm);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        return -1;
    }
    if (charsc) {
        ann.which = ZT_ANNOTATE_LIST;
        ann.chars = charsc;
        ann.nchars = strlen(charsc);
    }
    zt_pinyin_free(self->p);
    free(self->sep);
    free(self->chars);
    self->p = pin;
    self->ann = ann;
    self->sep = sepc;
    self->chars = charsc;
    Py_XSETREF(self->args, norm);
    return 0;
}

static void Pinyin_dealloc(PinyinObject *self)
{
    zt_pinyin_free(self->p);
    free(self->sep);
    free(self->chars);
    Py_XDECREF(self->args);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* As programs/cmd_pinyin.c's apply: grow until the result fits. */
static zt_status pinyin_any(PinyinObject *self, int annotate, const char *in,
                            size_t n, pbuf *out)
{
    size_t got;
    if (n > ((size_t)-1 - 64) / 4 || pbuf_reserve(out, n * 4 + 64))
        return ZT_ENOMEM;
    for (;;) {
        zt_status st =
            annotate ? zt_annotate(self->p, &self->ann, in, n,
                                   out->data + out->len, out->cap - out->len,
                                   &got)
                     : zt_pinyin_text(self->p, in, n, self->sep,
                                      out->data + out->len,
                                      out->cap - out->len, &got);
        if (st != ZT_ESPACE) {
            if (st == ZT_OK)
                out->len += got;
            return st;
        }
        if (pbuf_reserve(out, got))
            return ZT_ENOMEM;
    }
}

static zt_status pinyin_fn(void *self, const char *in, size_t n,
                           const char *id, size_t idlen, pbuf *out, pbuf *rep)
{
    (void)id, (void)idlen, (void)rep;
    return pinyin_any(self, 0, in, n, out);
}

static zt_status annotate_fn(void *self, const char *in, size_t n,
                             const char *id, size_t idlen, pbuf *out,
                             pbuf *rep)
{
    (void)id, (void)idlen, (void)rep;
    return pinyin_any(self, 1, in, n, out);
}

static int pinyin_ready(PinyinObject *self)
{
    return initialised(self->p, "object");
}

static PyObject *Pinyin_pinyin(PinyinObject *self, PyObject *text)
{
    return pinyin_ready(self) ? run_text(pinyin_fn, self, text) : NULL;
}

static PyObject *Pinyin_annotate(PinyinObject *self, PyObject *text)
{
    return pinyin_ready(self) ? run_text(annotate_fn, self, text) : NULL;
}

static PyObject *Pinyin_jsonl_pinyin(PinyinObject *self, PyObject *args,
                                     PyObject *kw)
{
    return pinyin_ready(self) ? run_jsonl(pinyin_fn, self, 0, args, kw) : NULL;
}

static PyObject *Pinyin_jsonl_annotate(PinyinObject *self, PyObject *args,
                                       PyObject *kw)
{
    return pinyin_ready(self) ? run_jsonl(annotate_fn, self, 0, args, kw)
                              : NULL;
}

static PyObject *Pinyin_reduce(PinyinObject *self, PyObject *Py_UNUSED(x))
{
    if (!pinyin_ready(self))
        return NULL;
    return Py_BuildValue("(OO)", Py_TYPE(self), self->args);
}

static PyMethodDef Pinyin_methods[] = {
    {"pinyin", (PyCFunction)Pinyin_pinyin, METH_O,
     "pinyin(text) -> text: readings of the Han characters, as "
     "`zhtext pinyin`."},
    {"annotate", (PyCFunction)Pinyin_annotate, METH_O,
     "annotate(text) -> text with readings attached, as `zhtext annotate`."},
    {"jsonl_pinyin", (PyCFunction)(void (*)(void))Pinyin_jsonl_pinyin,
     METH_VARARGS | METH_KEYWORDS,
     "jsonl_pinyin(data, field='text', id=None) -> (bytes, b'', bad)"},
    {"jsonl_annotate", (PyCFunction)(void (*)(void))Pinyin_jsonl_annotate,
     METH_VARARGS | METH_KEYWORDS,
     "jsonl_annotate(data, field='text', id=None) -> (bytes, b'', bad)"},
    {"__reduce__", (PyCFunction)Pinyin_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyTypeObject PinyinType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "zhtext._zhtext.Pinyin",
    .tp_basicsize = sizeof(PinyinObject),
    .tp_dealloc = (destructor)Pinyin_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Pinyin(style='tone', heteronym=False, sandhi=False, "
              "spoken=False, u='auto', omit_neutral=False, dicts=(), "
              "sep=' ', format='inline', which='all', chars=None, "
              "html=False)",
    .tp_methods = Pinyin_methods,
    .tp_init = (initproc)Pinyin_init,
    .tp_new = PyType_GenericNew,
};

/* ---- Repairer (repair and detect) --------------------------------------- */

typedef struct {
    PyObject_HEAD
    zt_repairer *r;
    PyObject *args;
} RepairerObject;

static int Repairer_init(RepairerObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"strip", "script", "boilerplate", "lone", "margin",
                             NULL};
    static const char *const strip_names[] = {"auto", "all", "none", NULL};
    static const char *const script_names[] = {"simplified", "traditional",
                                               "keep", NULL};
    static const char *const bp_names[] = {"keep", "mark", "drop", NULL};
    static const char *const lone_names[] = {"search", "leave", NULL};
    const char *strip = "auto", *script = "simplified", *bp = "keep";
    const char *lone = "search";
    double margin = ZT_REPAIR_MARGIN;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|ssssd:Repairer", kwlist, &strip,
                                     &script, &bp, &lone, &margin))
        return -1;
    if (!(margin >= 0 && margin <= 50)) {
        PyErr_SetString(PyExc_ValueError, "margin must be from 0 to 50");
        return -1;
    }
    zt_repair_options o;
    zt_repair_options_init(&o);
    int a, b, c, l;
    if (enum_arg("strip mode", strip, strip_names, &a) ||
        enum_arg("script", script, script_names, &b) ||
        enum_arg("boilerplate mode", bp, bp_names, &c) ||
        enum_arg("lone mode", lone, lone_names, &l))
        return -1;
    o.strip = (zt_strip_mode)a;
    o.script = (zt_script)b;
    o.boilerplate = (zt_boilerplate_mode)c;
    o.lone = (zt_lone_mode)l;
    o.margin = (float)margin;
    zt_repairer *r = NULL;
    zt_status st = zt_repairer_new(&o, &r);
    if (st != ZT_OK) {
        raise_status(st);
        return -1;
    }
    PyObject *norm = Py_BuildValue("(ssssd)", strip, script, bp, lone, margin);
    if (!norm) {
        zt_repairer_free(r);
        return -1;
    }
    zt_repairer_free(self->r);
    self->r = r;
    Py_XSETREF(self->args, norm);
    return 0;
}

static void Repairer_dealloc(RepairerObject *self)
{
    zt_repairer_free(self->r);
    Py_XDECREF(self->args);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* As programs/cmd_repair.c's apply: the text, and the JSON report. */
static zt_status repair_fn(void *self, const char *in, size_t n,
                           const char *id, size_t idlen, pbuf *out, pbuf *rep)
{
    const zt_repairer *r = ((RepairerObject *)self)->r;
    zt_repair_report report;
    zt_repair_report_init(&report);
    char *res = NULL, *js = NULL;
    size_t rn = 0, jn = 0;
    zt_status st = zt_repair_alloc(r, in, n, &res, &rn, &report);
    if (st == ZT_OK)
        st = zt_repair_report_json(&report, id, id ? idlen : 0, &js, &jn);
    zt_repair_report_free(&report);
    if (st == ZT_OK && (pbuf_append(out, res, rn) || pbuf_append(rep, js, jn)))
        st = ZT_ENOMEM;
    zt_free(res);
    zt_free(js);
    return st;
}

/* As programs/cmd_detect.c's apply: {"id":...,"score":0.123}. */
static zt_status detect_fn(void *self, const char *in, size_t n,
                           const char *id, size_t idlen, pbuf *out, pbuf *rep)
{
    (void)out;
    double score;
    zt_status st = zt_repair_detect(((RepairerObject *)self)->r, in, n, &score);
    if (st != ZT_OK)
        return st;
    char tmp[64];
    int k = snprintf(tmp, sizeof tmp, "\"score\":%.3f}", score);
    if (pbuf_append(rep, "{", 1) ||
        (id && (pbuf_append(rep, "\"id\":", 5) || pbuf_append(rep, id, idlen) ||
                pbuf_append(rep, ",", 1))) ||
        pbuf_append(rep, tmp, (size_t)k))
        return ZT_ENOMEM;
    return ZT_OK;
}

static int repair_ready(RepairerObject *self)
{
    return initialised(self->r, "object");
}

/* repair(text) -> (text, report JSON as str) */
static PyObject *Repairer_repair(RepairerObject *self, PyObject *arg)
{
    if (!repair_ready(self))
        return NULL;
    textarg t;
    if (get_text(arg, &t))
        return NULL;
    pbuf out = {0}, rep = {0};
    zt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = repair_fn(self, t.s, (size_t)t.n, NULL, 0, &out, &rep);
    Py_END_ALLOW_THREADS
    PyObject *r = NULL;
    if (st != ZT_OK) {
        raise_status(st);
    } else {
        PyObject *text = make_result(&t, out.data ? out.data : "", out.len);
        PyObject *js = text ? PyUnicode_DecodeUTF8(rep.data ? rep.data : "",
                                                   (Py_ssize_t)rep.len,
                                                   "surrogateescape")
                            : NULL;
        if (text && js)
            r = PyTuple_Pack(2, text, js);
        Py_XDECREF(text);
        Py_XDECREF(js);
    }
    free(out.data);
    free(rep.data);
    put_text(&t);
    return r;
}

static PyObject *Repairer_detect(RepairerObject *self, PyObject *arg)
{
    if (!repair_ready(self))
        return NULL;
    textarg t;
    if (get_text(arg, &t))
        return NULL;
    double score = 0;
    zt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = zt_repair_detect(self->r, t.s, (size_t)t.n, &score);
    Py_END_ALLOW_THREADS
    put_text(&t);
    if (st != ZT_OK)
        return raise_status(st);
    return PyFloat_FromDouble(score);
}

static PyObject *Repairer_jsonl_repair(RepairerObject *self, PyObject *args,
                                       PyObject *kw)
{
    return repair_ready(self) ? run_jsonl(repair_fn, self, 0, args, kw) : NULL;
}

static PyObject *Repairer_jsonl_detect(RepairerObject *self, PyObject *args,
                                       PyObject *kw)
{
    return repair_ready(self) ? run_jsonl(detect_fn, self, 1, args, kw) : NULL;
}

static PyObject *Repairer_reduce(RepairerObject *self, PyObject *Py_UNUSED(x))
{
    if (!repair_ready(self))
        return NULL;
    return Py_BuildValue("(OO)", Py_TYPE(self), self->args);
}

static PyMethodDef Repairer_methods[] = {
    {"repair", (PyCFunction)Repairer_repair, METH_O,
     "repair(text) -> (text, report_json): as `zhtext repair`."},
    {"detect", (PyCFunction)Repairer_detect, METH_O,
     "detect(text) -> injection score 0..1, as `zhtext detect`."},
    {"jsonl_repair", (PyCFunction)(void (*)(void))Repairer_jsonl_repair,
     METH_VARARGS | METH_KEYWORDS,
     "jsonl_repair(data, field='text', id=None) -> (bytes, reports, bad)"},
    {"jsonl_detect", (PyCFunction)(void (*)(void))Repairer_jsonl_detect,
     METH_VARARGS | METH_KEYWORDS,
     "jsonl_detect(data, field='text', id=None) -> (b'', reports, bad)"},
    {"__reduce__", (PyCFunction)Repairer_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyTypeObject RepairerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "zhtext._zhtext.Repairer",
    .tp_basicsize = sizeof(RepairerObject),
    .tp_dealloc = (destructor)Repairer_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Repairer(strip='auto', script='simplified', boilerplate='keep')",
    .tp_methods = Repairer_methods,
    .tp_init = (initproc)Repairer_init,
    .tp_new = PyType_GenericNew,
};

/* ---- module ---------------------------------------------------------- */

static PyObject *mod_configs(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    (void)m;
    size_t n = zt_config_count();
    PyObject *l = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; l && i < n; i++) {
        PyObject *t = Py_BuildValue("(ss)", zt_config_name(i),
                                    zt_config_description(i));
        if (!t) {
            Py_CLEAR(l);
            break;
        }
        PyList_SET_ITEM(l, (Py_ssize_t)i, t);
    }
    return l;
}

static PyMethodDef module_methods[] = {
    {"configs", mod_configs, METH_NOARGS,
     "configs() -> [(name, description)] of the built-in configurations"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_zhtext",
    "The C core of the zhtext package (use `import zhtext`).", -1,
    module_methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__zhtext(void)
{
    if (PyType_Ready(&ConverterType) < 0 || PyType_Ready(&PinyinType) < 0 ||
        PyType_Ready(&RepairerType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    Py_INCREF(&ConverterType);
    Py_INCREF(&PinyinType);
    Py_INCREF(&RepairerType);
    if (PyModule_AddObject(m, "Converter", (PyObject *)&ConverterType) < 0 ||
        PyModule_AddObject(m, "Pinyin", (PyObject *)&PinyinType) < 0 ||
        PyModule_AddObject(m, "Repairer", (PyObject *)&RepairerType) < 0 ||
        PyModule_AddStringConstant(m, "__version__", zt_version()) < 0) {
        Py_DECREF(&ConverterType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
