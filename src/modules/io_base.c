/*
 * io_base.c — the abstract io classes (_IOBase, _RawIOBase,
 * _BufferedIOBase, _TextIOBase), io.UnsupportedOperation and the helpers
 * the concrete types share (finalization, size arguments, iteration).
 *
 * The generic methods talk to `self` through Python-level calls (self.read,
 * self.closed, self.flush...), because Python subclasses implement only
 * some of them; the concrete C types override what they can do directly.
 */
#include <string.h>

#include "modules/io.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/runtime.h"

static KrObject *unsupported_type;  // strong, made once per process

KrTypeObject *krIO_unsupported(KrThreadState *ts) {
    if (unsupported_type) return (KrTypeObject *)unsupported_type;
    KrObject *name = krStr_from_cstr(ts, "UnsupportedOperation");
    KrObject *bases = krTuple_pack(ts, 2, (KrObject *)&KrExc_OSError, (KrObject *)&KrExc_ValueError);
    KrObject *ns = krDict_new(ts);
    KrObject *mod = krStr_intern_cstr(ts, "io");
    if (name && bases && ns && mod && krDict_set(ts, ns, KR_ID(__module__), mod) == 0) {
        KrObject *args[3] = {name, bases, ns};
        unsupported_type = krObj_vectorcall(ts, (KrObject *)&KrType_Type, args, 3, NULL);
    }
    kr_xdecref(name);
    kr_xdecref(bases);
    kr_xdecref(ns);
    return (KrTypeObject *)unsupported_type;
}

KrObject *krIO_raise_unsupported(KrThreadState *ts, const char *msg) {
    KrTypeObject *t = krIO_unsupported(ts);
    if (t) krErr_set_string(ts, t, msg);
    return NULL;
}

KrObject *krIO_closed_error(KrThreadState *ts) {
    return krErr_format(ts, &KrExc_ValueError, "I/O operation on closed file.");
}

// ---------------------------------------------------------------------------
// Finalization and GC

void krIO_finalize(KrThreadState *ts, KrObject *self) {
    KrObject *saved = krErr_fetch(ts);
    KrObject *closed = krObj_getattr(ts, self, KR_ID(closed));
    int is_closed = closed ? krObj_is_true(ts, closed) : -1;
    kr_xdecref(closed);
    if (is_closed < 0) {
        // An object whose constructor failed half-way has no usable state.
        krErr_clear(ts);
    } else if (!is_closed) {
        KrObject *r = krObj_call_method(ts, self, KR_ID(close), NULL);
        if (r) kr_decref(r);
        else krErr_write_unraisable(ts, self);
    }
    krErr_restore(ts, saved);
}

bool krIO_dealloc_finalize(KrObject *self) {
    if (krGC_is_finalized(self)) return true;
    KrThreadState *ts = krThread_current();
    if (!ts || !KR_TYPE(self)->tp_finalize) return true;
    krGC_set_finalized(self);
    self->ob_refcnt = 1;
    KR_TYPE(self)->tp_finalize(ts, self);
    return --self->ob_refcnt == 0;
}

KrObject *krIO_generic_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    return krType_generic_alloc(ts, type, 0);
}

int krIO_traverse_base(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrIOBaseObject *)self)->dict);
    return 0;
}

void krIO_clear_base(KrObject *self) { KR_CLEAR(((KrIOBaseObject *)self)->dict); }

static void iobase_dealloc(KrObject *self) {
    if (!krIO_dealloc_finalize(self)) return;
    krGC_untrack(self);
    krIO_clear_base(self);
    krObj_free(self);
}

static int iobase_clear(KrObject *self) {
    krIO_clear_base(self);
    return 0;
}

// ---------------------------------------------------------------------------
// Helpers

int krIO_size_arg(KrThreadState *ts, KrObject *const *args, KrSsize nargs, const char *fname, KrSsize *out) {
    if (krArg_check_positional(ts, fname, nargs, 0, 1) < 0) return -1;
    *out = -1;
    if (nargs == 0 || args[0] == KR_NONE) return 0;
    if (!krNum_is_index(args[0])) {
        krErr_format(ts, &KrExc_TypeError, "argument should be integer or None, not '%s'",
                     krType_name(KR_TYPE(args[0])));
        return -1;
    }
    *out = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    return *out == -1 && krErr_occurred(ts) ? -1 : 0;
}

// self.closed as a truth value: 1, 0, -1.
static int is_closed(KrThreadState *ts, KrObject *self) {
    KrObject *c = krObj_getattr(ts, self, KR_ID(closed));
    if (!c) return -1;
    int r = krObj_is_true(ts, c);
    kr_decref(c);
    return r;
}

static int check_closed(KrThreadState *ts, KrObject *self) {
    int c = is_closed(ts, self);
    if (c > 0) krIO_closed_error(ts);
    return c ? -1 : 0;
}

// ---------------------------------------------------------------------------
// _IOBase

static KrObject *iobase_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "seek");
}

static KrObject *iobase_tell(KrThreadState *ts, KrObject *self) {
    KrObject *a0 = kr_smallint(0), *a1 = kr_smallint(1);
    return krObj_call_method(ts, self, krStr_intern_cstr(ts, "seek"), a0, a1, NULL);
}

static KrObject *iobase_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "truncate");
}

static KrObject *iobase_fileno(KrThreadState *ts, KrObject *self) { return krIO_raise_unsupported(ts, "fileno"); }

static KrObject *iobase_flush(KrThreadState *ts, KrObject *self) {
    if (((KrIOBaseObject *)self)->iobase_closed) return krIO_closed_error(ts);
    return kr_newref(KR_NONE);
}

static KrObject *iobase_close(KrThreadState *ts, KrObject *self) {
    KrIOBaseObject *b = (KrIOBaseObject *)self;
    if (b->iobase_closed) return kr_newref(KR_NONE);
    KrObject *r = krObj_call_method(ts, self, KR_ID(flush), NULL);
    b->iobase_closed = true;
    if (!r) return NULL;
    kr_decref(r);
    return kr_newref(KR_NONE);
}

static KrObject *iobase_closed_get(KrThreadState *ts, KrObject *self, void *c) {
    return kr_bool(((KrIOBaseObject *)self)->iobase_closed);
}

static KrObject *iobase_false(KrThreadState *ts, KrObject *self) { return kr_newref(KR_FALSE); }

static KrObject *iobase_isatty(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, self) < 0) return NULL;
    return kr_newref(KR_FALSE);
}

static KrObject *iobase_check_closed(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (check_closed(ts, self) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// _checkReadable() and friends: UnsupportedOperation when self.X() is false.
static KrObject *check_ability(KrThreadState *ts, KrObject *self, KrObject *name, const char *msg) {
    KrObject *r = krObj_call_method(ts, self, name, NULL);
    if (!r) return NULL;
    int t = krObj_is_true(ts, r);
    kr_decref(r);
    if (t < 0) return NULL;
    if (!t) return krIO_raise_unsupported(ts, msg);
    return kr_newref(KR_NONE);
}

static KrObject *iobase_check_readable(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return check_ability(ts, self, KR_ID(readable), "File or stream is not readable.");
}
static KrObject *iobase_check_writable(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return check_ability(ts, self, KR_ID(writable), "File or stream is not writable.");
}
static KrObject *iobase_check_seekable(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return check_ability(ts, self, KR_ID(seekable), "File or stream is not seekable.");
}

KrObject *krIO_enter(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, self) < 0) return NULL;
    return kr_newref(self);
}

KrObject *krIO_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krObj_call_method(ts, self, KR_ID(close), NULL);
}

KrObject *krIO_iter(KrThreadState *ts, KrObject *self) {
    if (check_closed(ts, self) < 0) return NULL;
    return kr_newref(self);
}

KrObject *krIO_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line = krObj_call_method(ts, self, krStr_intern_cstr(ts, "readline"), NULL);
    if (!line) return NULL;
    KrSsize n;
    if (krStr_check(line)) n = krStr_size(line);
    else if (krBytes_check(line)) n = krBytes_size(line);
    else if (krByteArray_check(line)) n = KR_SIZE(line);
    else {
        krErr_format(ts, &KrExc_OSError, "readline() should have returned a str object, not '%s'",
                     krType_name(KR_TYPE(line)));
        kr_decref(line);
        return NULL;
    }
    if (n == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

// IOBase.readline: one byte at a time through self.read(1), or through
// self.peek() when the object has it.
static KrObject *iobase_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize limit;
    if (krIO_size_arg(ts, args, nargs, "readline", &limit) < 0) return NULL;
    KrObject *acc = krByteArray_from_data(ts, "", 0);
    if (!acc) return NULL;
    KrObject *read_name = krStr_intern_cstr(ts, "read");
    while (limit < 0 || KR_SIZE(acc) < limit) {
        KrObject *b = krObj_call_method(ts, self, read_name, kr_smallint(1), NULL);
        if (!b) goto fail;
        const char *data;
        KrSsize n;
        if (b == KR_NONE) {
            kr_decref(b);
            break;
        }
        if (!krBytes_check(b)) {
            krErr_format(ts, &KrExc_OSError, "read() should have returned a bytes object, not '%s'",
                         krType_name(KR_TYPE(b)));
            kr_decref(b);
            goto fail;
        }
        data = krBytes_data(b);
        n = krBytes_size(b);
        if (n == 0) {
            kr_decref(b);
            break;
        }
        KrObject *r = krNum_binary_op(ts, acc, b, KR_NB_INPLACE_ADD);
        kr_decref(b);
        if (!r) goto fail;
        kr_decref(r);
        if (data[n - 1] == '\n') break;
    }
    KrObject *res = krBytes_from_data(ts, ((KrByteArrayObject *)acc)->data, KR_SIZE(acc));
    kr_decref(acc);
    return res;
fail:
    kr_decref(acc);
    return NULL;
}

KrObject *krIO_readlines(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize hint;
    if (krIO_size_arg(ts, args, nargs, "readlines", &hint) < 0) return NULL;
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    KrObject *it = krObj_get_iter(ts, self);
    if (!it) goto fail;
    KrSsize total = 0;
    for (;;) {
        KrObject *line = krIter_next(ts, it);
        if (!line) break;
        int r = krList_append(ts, list, line);
        KrSsize len = krObj_length(ts, line);
        kr_decref(line);
        if (r < 0 || len < 0) break;
        total += len;
        if (hint > 0 && total >= hint) break;
    }
    kr_decref(it);
    if (krErr_occurred(ts)) goto fail;
    return list;
fail:
    kr_decref(list);
    return NULL;
}

KrObject *krIO_writelines(KrThreadState *ts, KrObject *self, KrObject *lines) {
    if (check_closed(ts, self) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, lines);
    if (!it) return NULL;
    KrObject *line;
    while ((line = krIter_next(ts, it))) {
        KrObject *r = krObj_call_method(ts, self, KR_ID(write), line, NULL);
        kr_decref(line);
        if (!r) break;
        kr_decref(r);
    }
    kr_decref(it);
    return krErr_occurred(ts) ? NULL : kr_newref(KR_NONE);
}

static KrObject *iobase_dict_get(KrThreadState *ts, KrObject *self, void *c) {
    KrIOBaseObject *b = (KrIOBaseObject *)self;
    if (!b->dict && !(b->dict = krDict_new(ts))) return NULL;
    return kr_newref(b->dict);
}

static const KrGetSetDef iobase_getset[] = {
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {"__dict__", iobase_dict_get, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef iobase_methods[] = {
    {"seek", KR_CFUNC(iobase_seek), KR_METH_FAST, "Change the stream position to the given byte offset."},
    {"tell", KR_CFUNC(iobase_tell), KR_METH_NOARGS, "Return current stream position."},
    {"truncate", KR_CFUNC(iobase_truncate), KR_METH_FAST, "Truncate file to size bytes."},
    {"flush", KR_CFUNC(iobase_flush), KR_METH_NOARGS, "Flush write buffers, if applicable."},
    {"close", KR_CFUNC(iobase_close), KR_METH_NOARGS, "Flush and close the IO object."},
    {"seekable", KR_CFUNC(iobase_false), KR_METH_NOARGS, "Return whether object supports random access."},
    {"readable", KR_CFUNC(iobase_false), KR_METH_NOARGS, "Return whether object was opened for reading."},
    {"writable", KR_CFUNC(iobase_false), KR_METH_NOARGS, "Return whether object was opened for writing."},
    {"fileno", KR_CFUNC(iobase_fileno), KR_METH_NOARGS, "Returns underlying file descriptor if one exists."},
    {"isatty", KR_CFUNC(iobase_isatty), KR_METH_NOARGS, "Return whether this is an 'interactive' stream."},
    {"_checkClosed", KR_CFUNC(iobase_check_closed), KR_METH_FAST, NULL},
    {"_checkReadable", KR_CFUNC(iobase_check_readable), KR_METH_FAST, NULL},
    {"_checkWritable", KR_CFUNC(iobase_check_writable), KR_METH_FAST, NULL},
    {"_checkSeekable", KR_CFUNC(iobase_check_seekable), KR_METH_FAST, NULL},
    {"__enter__", KR_CFUNC(krIO_enter), KR_METH_NOARGS, NULL},
    {"__exit__", KR_CFUNC(krIO_exit), KR_METH_FAST, NULL},
    {"readline", KR_CFUNC(iobase_readline), KR_METH_FAST, "Read and return a line from the stream."},
    {"readlines", KR_CFUNC(krIO_readlines), KR_METH_FAST, "Return a list of lines from the stream."},
    {"writelines", KR_CFUNC(krIO_writelines), KR_METH_O, "Write a list of lines to stream."},
    {NULL},
};

#define IO_ABSTRACT_TYPE(var, name, base, methods, getset)                                      \
    KrTypeObject var = {                                                                        \
        KR_STATIC_HEAD(&KrType_Type),                                                           \
        .tp_name = name,                                                                        \
        .tp_basicsize = sizeof(KrIOBaseObject),                                                 \
        .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_HAS_FINALIZER,        \
        .tp_base = base,                                                                        \
        .tp_new = krIO_generic_new,                                                           \
        .tp_dealloc = iobase_dealloc,                                                           \
        .tp_traverse = krIO_traverse_base,                                                      \
        .tp_clear = iobase_clear,                                                               \
        .tp_finalize = krIO_finalize,                                                           \
        .tp_iter = krIO_iter,                                                                   \
        .tp_iternext = krIO_iternext,                                                           \
        .tp_getattro = krObj_generic_getattr,                                                   \
        .tp_setattro = krObj_generic_setattr,                                                   \
        .tp_dictoffset = offsetof(KrIOBaseObject, dict),                                        \
        .tp_methods = methods,                                                                  \
        .tp_getset = getset,                                                                    \
    }

IO_ABSTRACT_TYPE(KrIOBase_Type, "_io._IOBase", NULL, iobase_methods, iobase_getset);

// ---------------------------------------------------------------------------
// _RawIOBase

static KrObject *rawiobase_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0) return NULL;
    if (n < 0) return krObj_call_method(ts, self, krStr_intern_cstr(ts, "readall"), NULL);
    KrObject *b = krByteArray_from_data(ts, NULL, n);
    if (!b) return NULL;
    KrObject *r = krObj_call_method(ts, self, KR_ID(readinto), b, NULL);
    if (!r || r == KR_NONE) {
        kr_decref(b);
        return r;
    }
    KrSsize got = krNum_as_ssize(ts, r, &KrExc_OverflowError);
    kr_decref(r);
    if (got == -1 && krErr_occurred(ts)) {
        kr_decref(b);
        return NULL;
    }
    if (got < 0 || got > n) {
        kr_decref(b);
        return krErr_format(ts, &KrExc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
    }
    KrObject *res = krBytes_from_data(ts, ((KrByteArrayObject *)b)->data, got);
    kr_decref(b);
    return res;
}

static KrObject *rawiobase_readall(KrThreadState *ts, KrObject *self) {
    KrObject *acc = krByteArray_from_data(ts, "", 0);
    if (!acc) return NULL;
    KrObject *read_name = krStr_intern_cstr(ts, "read");
    for (;;) {
        KrObject *b = krObj_call_method(ts, self, read_name, kr_smallint(KR_IO_DEFAULT_BUFFER_SIZE), NULL);
        if (!b) {
            kr_decref(acc);
            return NULL;
        }
        if (b == KR_NONE) {
            kr_decref(b);
            if (KR_SIZE(acc) == 0) {
                kr_decref(acc);
                return kr_newref(KR_NONE);
            }
            break;
        }
        if (!krBytes_check(b)) {
            kr_decref(b);
            kr_decref(acc);
            return krErr_format(ts, &KrExc_TypeError, "read() should return bytes");
        }
        KrSsize n = krBytes_size(b);
        KrObject *r = n ? krNum_binary_op(ts, acc, b, KR_NB_INPLACE_ADD) : kr_newref(KR_NONE);
        kr_decref(b);
        if (!r) {
            kr_decref(acc);
            return NULL;
        }
        kr_decref(r);
        if (n == 0) break;
    }
    KrObject *res = krBytes_from_data(ts, ((KrByteArrayObject *)acc)->data, KR_SIZE(acc));
    kr_decref(acc);
    return res;
}

static KrObject *not_implemented(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krErr_format(ts, &KrExc_NotImplementedError, "");
}

static const KrMethodDef rawiobase_methods[] = {
    {"read", KR_CFUNC(rawiobase_read), KR_METH_FAST, NULL},
    {"readall", KR_CFUNC(rawiobase_readall), KR_METH_NOARGS, "Read until EOF, using multiple read() call."},
    {"readinto", KR_CFUNC(not_implemented), KR_METH_FAST, NULL},
    {"write", KR_CFUNC(not_implemented), KR_METH_FAST, NULL},
    {NULL},
};

IO_ABSTRACT_TYPE(KrRawIOBase_Type, "_io._RawIOBase", &KrIOBase_Type, rawiobase_methods, NULL);

// ---------------------------------------------------------------------------
// _BufferedIOBase and _TextIOBase

static KrObject *bufbase_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "read");
}
static KrObject *bufbase_read1(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "read1");
}
static KrObject *bufbase_write(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "write");
}
static KrObject *bufbase_detach(KrThreadState *ts, KrObject *self) { return krIO_raise_unsupported(ts, "detach"); }
static KrObject *textbase_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krIO_raise_unsupported(ts, "readline");
}

// readinto(b) through self.read(len(b)) (or read1), copying into the bytearray.
static KrObject *readinto_generic(KrThreadState *ts, KrObject *self, KrObject *buf, const char *method) {
    if (!krByteArray_check(buf))
        return krErr_format(ts, &KrExc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                            krType_name(KR_TYPE(buf)));
    KrSsize n = KR_SIZE(buf);
    KrObject *data = krObj_call_method(ts, self, krStr_intern_cstr(ts, method), krInt_from_ssize(ts, n), NULL);
    if (!data) return NULL;
    if (!krBytes_check(data)) {
        kr_decref(data);
        return krErr_format(ts, &KrExc_TypeError, "read() should return bytes");
    }
    KrSsize got = krBytes_size(data);
    if (got > n) {
        kr_decref(data);
        return krErr_format(ts, &KrExc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                            n, got);
    }
    krIO_copy(((KrByteArrayObject *)buf)->data, krBytes_data(data), (size_t)got);
    kr_decref(data);
    return krInt_from_ssize(ts, got);
}

static KrObject *bufbase_readinto(KrThreadState *ts, KrObject *self, KrObject *buf) {
    return readinto_generic(ts, self, buf, "read");
}
static KrObject *bufbase_readinto1(KrThreadState *ts, KrObject *self, KrObject *buf) {
    return readinto_generic(ts, self, buf, "read1");
}

static const KrMethodDef bufbase_methods[] = {
    {"read", KR_CFUNC(bufbase_read), KR_METH_FAST, NULL},
    {"read1", KR_CFUNC(bufbase_read1), KR_METH_FAST, NULL},
    {"readinto", KR_CFUNC(bufbase_readinto), KR_METH_O, NULL},
    {"readinto1", KR_CFUNC(bufbase_readinto1), KR_METH_O, NULL},
    {"write", KR_CFUNC(bufbase_write), KR_METH_FAST, NULL},
    {"detach", KR_CFUNC(bufbase_detach), KR_METH_NOARGS, NULL},
    {NULL},
};

IO_ABSTRACT_TYPE(KrBufferedIOBase_Type, "_io._BufferedIOBase", &KrIOBase_Type, bufbase_methods, NULL);

static KrObject *none_get(KrThreadState *ts, KrObject *self, void *c) { return kr_newref(KR_NONE); }

static const KrGetSetDef textbase_getset[] = {
    {"encoding", none_get, NULL, "Encoding of the text stream.", NULL},
    {"newlines", none_get, NULL, "Line endings translated so far.", NULL},
    {"errors", none_get, NULL, "The error setting of the decoder or encoder.", NULL},
    {NULL},
};

static const KrMethodDef textbase_methods[] = {
    {"read", KR_CFUNC(bufbase_read), KR_METH_FAST, NULL},
    {"readline", KR_CFUNC(textbase_readline), KR_METH_FAST, NULL},
    {"write", KR_CFUNC(bufbase_write), KR_METH_FAST, NULL},
    {"detach", KR_CFUNC(bufbase_detach), KR_METH_NOARGS, NULL},
    {NULL},
};

IO_ABSTRACT_TYPE(KrTextIOBase_Type, "_io._TextIOBase", &KrIOBase_Type, textbase_methods, textbase_getset);
