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

/* A transformation of one piece of text, as the JSONL loop sees it.
 * Returns ZT_OK or a status; called without the GIL. */
typedef zt_status (*xform_fn)(void *self, const char *in, size_t n, pbuf *out);

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
    pbuf out = {0};
    zt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fn(self, t.s, (size_t)t.n, &out);
    Py_END_ALLOW_THREADS
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
 * string's contents are replaced and every other byte is kept. */
static int jsonl_line(xform_fn fn, void *self, const cli_jsonl_path *field,
                      const char *line, size_t n, pbuf *dec, pbuf *tmp,
                      pbuf *out, size_t *bad)
{
    cli_jsonl_span f;
    if (cli_jsonl_scan(line, n, field, NULL, &f, NULL, NULL) != CLI_JSONL_OK) {
        ++*bad;
        return pbuf_append(out, line, n);
    }
    const char *val = line + f.off;
    size_t vlen = f.len;
    if (f.escaped) {
        dec->len = 0;
        if (pbuf_reserve(dec, vlen))
            return -1;
        vlen = cli_jsonl_decode(val, vlen, dec->data);
        val = dec->data;
    }
    tmp->len = 0;
    zt_status st = fn(self, val, vlen, tmp);
    if (st == ZT_ENOMEM)
        return -1;
    if (st != ZT_OK) {
        ++*bad;
        return pbuf_append(out, line, n);
    }
    if (tmp->len == vlen && (vlen == 0 || memcmp(tmp->data, val, vlen) == 0))
        return pbuf_append(out, line, n);
    size_t bound = cli_jsonl_encode_bound(tmp->len);
    if ((!bound && tmp->len) ||
        pbuf_reserve(out, f.off + bound + (n - f.off - f.len)))
        return -1;
    memcpy(out->data + out->len, line, f.off);
    out->len += f.off;
    out->len += cli_jsonl_encode(tmp->data, tmp->len, out->data + out->len);
    memcpy(out->data + out->len, line + f.off + f.len, n - f.off - f.len);
    out->len += n - f.off - f.len;
    return 0;
}

static PyObject *run_jsonl(xform_fn fn, void *self, PyObject *args,
                           PyObject *kw)
{
    static char *kwlist[] = {"data", "field", NULL};
    Py_buffer in;
    const char *fieldname = "text";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "y*|s:jsonl", kwlist, &in,
                                     &fieldname))
        return NULL;
    cli_jsonl_path field;
    if (cli_jsonl_path_parse(&field, fieldname)) {
        PyBuffer_Release(&in);
        PyErr_Format(PyExc_ValueError, "bad field path '%s'", fieldname);
        return NULL;
    }
    pbuf out = {0}, dec = {0}, tmp = {0};
    size_t bad = 0;
    int err = 0;
    Py_BEGIN_ALLOW_THREADS
    const char *p = in.buf, *end = p + in.len;
    err = pbuf_reserve(&out, (size_t)in.len + 64);
    while (!err && p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
        err = jsonl_line(fn, self, &field, p, n, &dec, &tmp, &out, &bad);
        if (!err && e)
            err = pbuf_append(&out, "\n", 1);
        p += n + (e ? 1 : 0);
    }
    Py_END_ALLOW_THREADS
    PyObject *r = NULL;
    if (err)
        PyErr_NoMemory();
    else
        r = Py_BuildValue("(y#n)", out.data ? out.data : "",
                          (Py_ssize_t)out.len, (Py_ssize_t)bad);
    free(out.data);
    free(dec.data);
    free(tmp.data);
    cli_jsonl_path_free(&field);
    PyBuffer_Release(&in);
    return r;
}

/* ---- Converter ------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    zt_converter *conv;
    PyObject *config; /* str */
    PyObject *dicts;  /* tuple of bytes: user dictionary contents */
} ConverterObject;

static zt_status conv_fn(void *self, const char *in, size_t n, pbuf *out)
{
    const zt_converter *c = ((ConverterObject *)self)->conv;
    size_t need = zt_convert_bound(c, n);
    if (need == (size_t)-1 || pbuf_reserve(out, need))
        return ZT_ENOMEM;
    size_t got;
    zt_status st = zt_convert(c, in, n, out->data + out->len,
                              out->cap - out->len, &got);
    if (st == ZT_OK)
        out->len += got;
    return st;
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
    zt_dict **d = calloc((size_t)nd + 1, sizeof *d);
    if (!d) {
        Py_DECREF(dt);
        PyErr_NoMemory();
        return -1;
    }
    zt_status st = ZT_OK;
    Py_ssize_t i;
    for (i = 0; i < nd && st == ZT_OK; i++) {
        PyObject *o = PyTuple_GET_ITEM(dt, i);
        if (!PyBytes_Check(o)) {
            PyErr_SetString(PyExc_TypeError,
                            "dicts must be bytes (dictionary contents)");
            goto fail;
        }
        size_t line = 0;
        st = zt_dict_load_mem(PyBytes_AS_STRING(o),
                              (size_t)PyBytes_GET_SIZE(o), &d[i], &line);
        if (st == ZT_EDICT) {
            PyErr_Format(PyExc_ValueError,
                         "user dictionary %zd, line %zu: %s", i, line,
                         zt_strerror(st));
            goto fail;
        }
    }
    const char *name = PyUnicode_AsUTF8(config);
    if (!name)
        goto fail;
    zt_converter *conv = NULL;
    if (st == ZT_OK)
        st = zt_converter_new(name, (const zt_dict *const *)d, (size_t)nd,
                              &conv);
    if (st == ZT_ECONFIG) {
        PyErr_Format(PyExc_ValueError, "unknown configuration '%s'", name);
        goto fail;
    }
    if (st != ZT_OK) {
        raise_status(st);
        goto fail;
    }
    for (i = 0; i < nd; i++)
        zt_dict_free(d[i]);
    free(d);
    zt_converter_free(self->conv);
    self->conv = conv;
    Py_XSETREF(self->dicts, dt);
    Py_XSETREF(self->config,
               PyUnicode_FromString(zt_converter_config(conv)));
    return self->config ? 0 : -1;
fail:
    for (i = 0; i < nd; i++)
        zt_dict_free(d[i]);
    free(d);
    Py_DECREF(dt);
    return -1;
}

static void Converter_dealloc(ConverterObject *self)
{
    zt_converter_free(self->conv);
    Py_XDECREF(self->config);
    Py_XDECREF(self->dicts);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int ready(ConverterObject *self)
{
    if (self->conv)
        return 1;
    PyErr_SetString(PyExc_RuntimeError, "Converter was not initialised");
    return 0;
}

static PyObject *Converter_convert(ConverterObject *self, PyObject *text)
{
    return ready(self) ? run_text(conv_fn, self, text) : NULL;
}

static PyObject *Converter_jsonl(ConverterObject *self, PyObject *args,
                                 PyObject *kw)
{
    return ready(self) ? run_jsonl(conv_fn, self, args, kw) : NULL;
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
     "jsonl(data: bytes, field='text') -> (bytes, bad_lines): convert one "
     "string field of each JSON line as `zhtext convert --jsonl` does."},
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
    if (PyType_Ready(&ConverterType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    Py_INCREF(&ConverterType);
    if (PyModule_AddObject(m, "Converter", (PyObject *)&ConverterType) < 0 ||
        PyModule_AddStringConstant(m, "__version__", zt_version()) < 0) {
        Py_DECREF(&ConverterType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
