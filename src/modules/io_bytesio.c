/*
 * io_bytesio.c — io.BytesIO: a binary stream over a growable byte buffer.
 * The position may lie past the end; writing there zero-fills the gap.
 */
#include <string.h>

#include "modules/io.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/type.h"

typedef struct {
    KrIOBaseObject base;
    char *buf;
    KrSsize size, cap, pos;
    bool closed;
} BytesIO;

#define BIO(o) ((BytesIO *)(o))

static int check_closed(KrThreadState *ts, BytesIO *b) {
    if (b->closed) return krIO_closed_error(ts), -1;
    return 0;
}

static int reserve(KrThreadState *ts, BytesIO *b, KrSsize need) {
    if (need <= b->cap) return 0;
    if (need > KR_SSIZE_MAX / 2) return krErr_no_memory(ts), -1;
    KrSsize ncap = need + need / 4 + 64;
    char *nb = krMem_realloc(b->buf, (size_t)ncap);
    if (!nb) return krErr_no_memory(ts), -1;
    b->buf = nb;
    b->cap = ncap;
    return 0;
}

static int write_data(KrThreadState *ts, BytesIO *b, const char *data, KrSsize n) {
    if (n == 0) return 0;
    if (b->pos > KR_SSIZE_MAX - n) return krErr_no_memory(ts), -1;
    KrSsize end = b->pos + n;
    if (reserve(ts, b, end) < 0) return -1;
    if (b->pos > b->size) memset(b->buf + b->size, 0, (size_t)(b->pos - b->size));
    krIO_copy(b->buf + b->pos, data, (size_t)n);
    b->pos = end;
    if (end > b->size) b->size = end;
    return 0;
}

static int bytesio_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"initial_bytes"};
    KrObject *a[1];
    BytesIO *b = BIO(self);
    if (krArg_parse(ts, "BytesIO", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return -1;
    b->size = b->pos = 0;
    b->closed = false;
    if (a[0] && a[0] != KR_NONE) {
        const char *data;
        KrSsize n;
        if (krBytes_as_buffer(ts, a[0], &data, &n) < 0 || write_data(ts, b, data, n) < 0) return -1;
        b->pos = 0;
    }
    return 0;
}

static KrObject *bytesio_getvalue(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return krBytes_from_data(ts, BIO(self)->buf ? BIO(self)->buf : "", BIO(self)->size);
}

static KrObject *bytesio_getbuffer(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return krErr_format(ts, &KrExc_NotImplementedError, "BytesIO.getbuffer() needs memoryview, which Krait lacks");
}

static KrObject *read_bytes(KrThreadState *ts, BytesIO *b, KrSsize n) {
    KrSsize avail = b->size > b->pos ? b->size - b->pos : 0;
    if (n < 0 || n > avail) n = avail;
    KrObject *r = krBytes_from_data(ts, n ? b->buf + b->pos : "", n);
    if (r) b->pos += n;
    return r;
}

static KrObject *bytesio_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0 || check_closed(ts, BIO(self)) < 0) return NULL;
    return read_bytes(ts, BIO(self), n);
}

static KrObject *bytesio_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    BytesIO *b = BIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "readline", &n) < 0 || check_closed(ts, b) < 0) return NULL;
    KrSsize avail = b->size > b->pos ? b->size - b->pos : 0;
    const char *nl = avail ? krIO_find(b->buf + b->pos, '\n', (size_t)avail) : NULL;
    KrSsize len = nl ? nl - (b->buf + b->pos) + 1 : avail;
    if (n >= 0 && n < len) len = n;
    return read_bytes(ts, b, len);
}

static KrObject *bytesio_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line = bytesio_readline(ts, self, NULL, 0);
    if (line && krBytes_size(line) == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

static KrObject *bytesio_readinto(KrThreadState *ts, KrObject *self, KrObject *buf) {
    BytesIO *b = BIO(self);
    if (check_closed(ts, b) < 0) return NULL;
    if (!krByteArray_check(buf))
        return krErr_format(ts, &KrExc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                            krType_name(KR_TYPE(buf)));
    KrSsize avail = b->size > b->pos ? b->size - b->pos : 0, n = KR_SIZE(buf);
    if (n > avail) n = avail;
    krIO_copy(((KrByteArrayObject *)buf)->data, b->buf + b->pos, (size_t)n);
    b->pos += n;
    return krInt_from_ssize(ts, n);
}

static KrObject *bytesio_write(KrThreadState *ts, KrObject *self, KrObject *arg) {
    BytesIO *b = BIO(self);
    if (check_closed(ts, b) < 0) return NULL;
    const char *data;
    KrSsize n;
    if (krBytes_as_buffer(ts, arg, &data, &n) < 0 || write_data(ts, b, data, n) < 0) return NULL;
    return krInt_from_ssize(ts, n);
}

static KrObject *bytesio_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    BytesIO *b = BIO(self);
    if (krArg_check_positional(ts, "seek", nargs, 1, 2) < 0) return NULL;
    KrSsize pos = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (pos == -1 && krErr_occurred(ts)) return NULL;
    KrSsize whence = 0;
    if (nargs == 2) {
        whence = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (whence == -1 && krErr_occurred(ts)) return NULL;
    }
    if (check_closed(ts, b) < 0) return NULL;
    if (whence == 0 && pos < 0) return krErr_format(ts, &KrExc_ValueError, "negative seek value %zd", pos);
    if (whence == 1) pos = pos > KR_SSIZE_MAX - b->pos ? KR_SSIZE_MAX : b->pos + pos;
    else if (whence == 2) pos = pos > KR_SSIZE_MAX - b->size ? KR_SSIZE_MAX : b->size + pos;
    else if (whence != 0)
        return krErr_format(ts, &KrExc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    b->pos = pos < 0 ? 0 : pos;
    return krInt_from_ssize(ts, b->pos);
}

static KrObject *bytesio_tell(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return krInt_from_ssize(ts, BIO(self)->pos);
}

static KrObject *bytesio_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    BytesIO *b = BIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "truncate", &n) < 0 || check_closed(ts, b) < 0) return NULL;
    if (nargs == 0 || args[0] == KR_NONE) n = b->pos;
    else if (n < 0) return krErr_format(ts, &KrExc_ValueError, "negative size value %zd", n);
    if (n < b->size) b->size = n;
    return krInt_from_ssize(ts, n);
}

static KrObject *bytesio_close(KrThreadState *ts, KrObject *self) {
    BytesIO *b = BIO(self);
    b->closed = true;
    b->base.iobase_closed = true;
    krMem_free(b->buf);
    b->buf = NULL;
    b->size = b->cap = 0;
    return kr_newref(KR_NONE);
}

static KrObject *bytesio_true(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return kr_newref(KR_TRUE);
}

static KrObject *bytesio_false(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return kr_newref(KR_FALSE);
}

static KrObject *bytesio_flush(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *bytesio_readlines(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (check_closed(ts, BIO(self)) < 0) return NULL;
    return krIO_readlines(ts, self, args, nargs);
}

static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) { return kr_bool(BIO(self)->closed); }

static KrObject *bytesio_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, (KrSsize)sizeof(BytesIO) + BIO(self)->cap);
}

static void bytesio_dealloc(KrObject *self) {
    krGC_untrack(self);
    krMem_free(BIO(self)->buf);
    krIO_clear_base(self);
    krObj_free(self);
}

static int bytesio_clear(KrObject *self) {
    krIO_clear_base(self);
    return 0;
}

static const KrGetSetDef bytesio_getset[] = {
    {"closed", get_closed, NULL, "True if the file is closed.", NULL},
    {NULL},
};

static const KrMethodDef bytesio_methods[] = {
    {"getvalue", KR_CFUNC(bytesio_getvalue), KR_METH_NOARGS, "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", KR_CFUNC(bytesio_getbuffer), KR_METH_NOARGS, "Get a read-write view over the contents of the BytesIO object."},
    {"read", KR_CFUNC(bytesio_read), KR_METH_FAST, NULL},
    {"read1", KR_CFUNC(bytesio_read), KR_METH_FAST, NULL},
    {"readline", KR_CFUNC(bytesio_readline), KR_METH_FAST, NULL},
    {"readlines", KR_CFUNC(bytesio_readlines), KR_METH_FAST, NULL},
    {"readinto", KR_CFUNC(bytesio_readinto), KR_METH_O, NULL},
    {"write", KR_CFUNC(bytesio_write), KR_METH_O, NULL},
    {"seek", KR_CFUNC(bytesio_seek), KR_METH_FAST, NULL},
    {"tell", KR_CFUNC(bytesio_tell), KR_METH_NOARGS, NULL},
    {"truncate", KR_CFUNC(bytesio_truncate), KR_METH_FAST, NULL},
    {"close", KR_CFUNC(bytesio_close), KR_METH_NOARGS, NULL},
    {"flush", KR_CFUNC(bytesio_flush), KR_METH_NOARGS, NULL},
    {"readable", KR_CFUNC(bytesio_true), KR_METH_NOARGS, NULL},
    {"writable", KR_CFUNC(bytesio_true), KR_METH_NOARGS, NULL},
    {"seekable", KR_CFUNC(bytesio_true), KR_METH_NOARGS, NULL},
    {"isatty", KR_CFUNC(bytesio_false), KR_METH_NOARGS, NULL},
    {"__sizeof__", KR_CFUNC(bytesio_sizeof), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrBytesIO_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(BytesIO),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_base = &KrBufferedIOBase_Type,
    .tp_new = krIO_generic_new,
    .tp_init = bytesio_init,
    .tp_dealloc = bytesio_dealloc,
    .tp_traverse = krIO_traverse_base,
    .tp_clear = bytesio_clear,
    .tp_iter = krIO_iter,
    .tp_iternext = bytesio_iternext,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(KrIOBaseObject, dict),
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
};
