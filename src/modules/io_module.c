/*
 * io_module.c — the io module: open() (also the builtin open), the
 * constants, and the classes of io_*.c under their public names.
 *
 * open() stacks the layers as CPython does: FileIO, then a buffered object
 * chosen by the mode (unless buffering=0 in binary mode), then a
 * TextIOWrapper for text modes, whose `mode` attribute is the mode given.
 */
#include <string.h>

#include "modules/io.h"
#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    bool creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static int parse_open_mode(KrThreadState *ts, KrObject *modeobj, OpenMode *m) {
    memset(m, 0, sizeof *m);
    const char *mode = krStr_utf8(modeobj);
    for (const char *s = mode; *s; s++) {
        bool *flag;
        switch (*s) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (!flag || *flag || strchr(s + 1, *s)) {
            krErr_format(ts, &KrExc_ValueError, "invalid mode: %R", modeobj);
            return -1;
        }
        *flag = true;
    }
    if (m->text && m->binary) {
        krErr_set_string(ts, &KrExc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (m->creating + m->reading + m->writing + m->appending != 1) {
        krErr_set_string(ts, &KrExc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

static KrObject *call_bool_method(KrThreadState *ts, KrObject *o, const char *name, int *out) {
    KrObject *r = krObj_call_method(ts, o, krStr_intern_cstr(ts, name), NULL);
    if (!r) return NULL;
    *out = krObj_is_true(ts, r);
    kr_decref(r);
    return *out < 0 ? NULL : KR_NONE;
}

KrObject *krIO_open(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                                        "opener"};
    KrObject *a[8];
    if (krArg_parse(ts, "open", args, nargs, kwnames, names, 8, 0, 8, 1, a) < 0) return NULL;
    KrObject *file = a[0], *modeobj = a[1] ? a[1] : krStr_intern_cstr(ts, "r");
    if (!krStr_check(modeobj))
        return krErr_format(ts, &KrExc_TypeError, "open() argument 'mode' must be str, not %s",
                            krArg_type_name(modeobj));
    KrSsize buffering = -1;
    if (a[2]) {
        if (krFloat_check(a[2])) return krErr_format(ts, &KrExc_TypeError, "'float' object cannot be interpreted as an integer");
        buffering = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
        if (buffering == -1 && krErr_occurred(ts)) return NULL;
    }
    for (int i = 3; i <= 5; i++) {
        if (a[i] && a[i] != KR_NONE && !krStr_check(a[i]))
            return krErr_format(ts, &KrExc_TypeError, "open() argument '%s' must be str or None, not %s", names[i],
                                krArg_type_name(a[i]));
    }
    KrObject *encoding = a[3] && a[3] != KR_NONE ? a[3] : NULL;
    KrObject *errors = a[4] && a[4] != KR_NONE ? a[4] : NULL;
    KrObject *newline = a[5] && a[5] != KR_NONE ? a[5] : NULL;
    if (!krInt_check(file)) {
        KrObject *p = krOS_fspath(ts, file);
        if (!p) return NULL;
        kr_decref(p);
    }
    OpenMode m;
    if (parse_open_mode(ts, modeobj, &m) < 0) return NULL;
    if (m.binary && encoding) return krErr_format(ts, &KrExc_ValueError, "binary mode doesn't take an encoding argument");
    if (m.binary && errors) return krErr_format(ts, &KrExc_ValueError, "binary mode doesn't take an errors argument");
    if (m.binary && newline) return krErr_format(ts, &KrExc_ValueError, "binary mode doesn't take a newline argument");
    if (!m.binary && buffering == 0) return krErr_format(ts, &KrExc_ValueError, "can't have unbuffered text I/O");
    if (newline) {
        const char *nl = krStr_utf8(newline);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return krErr_format(ts, &KrExc_ValueError, "illegal newline value: %U", newline);
    }
    char rawmode[4], *rm = rawmode;
    *rm++ = m.creating ? 'x' : m.reading ? 'r' : m.writing ? 'w' : 'a';
    if (m.updating) *rm++ = '+';
    *rm = 0;
    KrObject *fargs[4] = {file, krStr_intern_cstr(ts, rawmode), a[6] ? a[6] : KR_TRUE, a[7] ? a[7] : KR_NONE};
    KrObject *raw = krObj_vectorcall(ts, (KrObject *)&KrFileIO_Type, fargs, 4, NULL);
    if (!raw) return NULL;
    KrObject *result = raw, *buffer = NULL;
    bool line_buffering = false;
    if (buffering == 1 || buffering < 0) {
        int tty;
        if (!call_bool_method(ts, raw, "isatty", &tty)) goto fail;
        if (buffering == 1 || tty) {
            buffering = -1;
            line_buffering = true;
        }
    }
    if (buffering < 0) buffering = KR_IO_DEFAULT_BUFFER_SIZE;
    if (buffering == 0) return raw;  // binary, unbuffered
    KrTypeObject *btype = m.updating ? &KrBufferedRandom_Type
                          : (m.creating || m.writing || m.appending) ? &KrBufferedWriter_Type
                                                                       : &KrBufferedReader_Type;
    KrObject *bargs[2] = {raw, krInt_from_ssize(ts, buffering)};
    buffer = krObj_vectorcall(ts, (KrObject *)btype, bargs, 2, NULL);
    if (!buffer) goto fail;
    result = buffer;
    if (m.binary) {
        kr_decref(raw);
        return buffer;
    }
    KrObject *targs[5] = {buffer, encoding ? encoding : KR_NONE, errors ? errors : KR_NONE,
                          newline ? newline : KR_NONE, kr_bool(line_buffering)};
    KrObject *text = krObj_vectorcall(ts, (KrObject *)&KrTextIOWrapper_Type, targs, 5, NULL);
    if (!text) goto fail;
    result = text;
    if (krObj_setattr_cstr(ts, text, "mode", modeobj) < 0) goto fail;
    kr_decref(raw);
    kr_decref(buffer);
    return text;
fail: {
    // Close what was opened, keeping the original error.
    KrObject *exc = krErr_fetch(ts);
    KrObject *r = krObj_call_method(ts, result, KR_ID(close), NULL);
    if (r) kr_decref(r);
    else krErr_clear(ts);
    krErr_restore(ts, exc);
    if (result != raw && result != buffer) kr_decref(result);
    kr_xdecref(buffer);
    kr_decref(raw);
    return NULL;
}
}

static KrObject *io_text_encoding(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "text_encoding", nargs, 1, 2) < 0) return NULL;
    if (args[0] != KR_NONE) return kr_newref(args[0]);
    return krStr_intern_cstr(ts, "utf-8");  // UTF-8 mode
}

static KrObject *io_open_code(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    if (krArg_parse(ts, "open_code", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    if (!krStr_check(a[0]))
        return krErr_format(ts, &KrExc_TypeError, "open_code() argument 'path' must be str, not %s",
                            krArg_type_name(a[0]));
    KrObject *oargs[2] = {a[0], krStr_intern_cstr(ts, "rb")};
    return krIO_open(ts, NULL, oargs, 2, NULL);
}

static const KrMethodDef io_methods[] = {
    {"text_encoding", KR_CFUNC(io_text_encoding), KR_METH_FAST, "A helper function to choose the text encoding."},
    {"open_code", KR_CFUNC(io_open_code), KR_METH_FASTKW, "Opens the provided file with the intent to import the contents."},
    {NULL},
};

static int add_alias(KrThreadState *ts, KrObject *m, const char *name, KrTypeObject *type) {
    return krModule_add_object(ts, m, name, (KrObject *)type);
}

static int io_exec(KrThreadState *ts, KrObject *m) {
    KrTypeObject *unsupported = krIO_unsupported(ts);
    if (!unsupported) return -1;
    // The same object as the builtin, so that `io.open is open`.
    KrObject *open = krDict_get_cstr(ts, ts->interp->builtins, "open");
    if (!open || krModule_add_object(ts, m, "open", open) < 0) return -1;
    if (krModule_add_int(ts, m, "DEFAULT_BUFFER_SIZE", KR_IO_DEFAULT_BUFFER_SIZE) < 0 ||
        krModule_add_int(ts, m, "SEEK_SET", 0) < 0 || krModule_add_int(ts, m, "SEEK_CUR", 1) < 0 ||
        krModule_add_int(ts, m, "SEEK_END", 2) < 0 ||
        krModule_add_object(ts, m, "UnsupportedOperation", (KrObject *)unsupported) < 0 ||
        krModule_add_object(ts, m, "BlockingIOError", (KrObject *)&KrExc_BlockingIOError) < 0)
        return -1;
    struct { const char *name; KrTypeObject *type; } types[] = {
        {"_IOBase", &KrIOBase_Type}, {"IOBase", &KrIOBase_Type},
        {"_RawIOBase", &KrRawIOBase_Type}, {"RawIOBase", &KrRawIOBase_Type},
        {"_BufferedIOBase", &KrBufferedIOBase_Type}, {"BufferedIOBase", &KrBufferedIOBase_Type},
        {"_TextIOBase", &KrTextIOBase_Type}, {"TextIOBase", &KrTextIOBase_Type},
        {"FileIO", &KrFileIO_Type}, {"BytesIO", &KrBytesIO_Type}, {"StringIO", &KrStringIO_Type},
        {"BufferedReader", &KrBufferedReader_Type}, {"BufferedWriter", &KrBufferedWriter_Type},
        {"BufferedRandom", &KrBufferedRandom_Type}, {"TextIOWrapper", &KrTextIOWrapper_Type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (add_alias(ts, m, types[i].name, types[i].type) < 0) return -1;
    return 0;
}

const KrModuleDef kr_io_module_def = {
    "io",
    "The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this "
    "module.",
    io_methods,
    io_exec,
};
