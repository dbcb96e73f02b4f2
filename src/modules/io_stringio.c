/*
 * io_stringio.c — io.StringIO: a text stream over an in-memory string.
 *
 * The text is kept as UTF-8 (Krait's str representation) with its length
 * in code points; positions are code points.  While the text is all ASCII
 * a position is a byte offset; otherwise offsets are found by scanning
 * (from the cached offset of the current position when moving forward).
 *
 * Newlines follow CPython: newline=None translates "\r\n" and "\r" to "\n"
 * when writing; "\r" or "\r\n" replace written "\n"s; readline splits on
 * the newline given ("" splits on all three).
 */
#include <string.h>

#include "modules/io.h"
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

typedef struct {
    KrIOBaseObject base;
    char *buf;                     // UTF-8 text
    KrSsize size, cap;             // bytes
    KrSsize length;                // code points
    KrSsize pos;                   // code point position (may be past the end)
    KrSsize pos_byte;              // byte offset of pos when pos <= length
    bool ascii, closed, ok;
    bool readuniversal, readtranslate;
    const char *writenl;           // "\r" / "\r\n" for "\n", or NULL
    const char *readnl;            // line end when !readuniversal
    int seennl;
} StringIO;

#define SIO(o) ((StringIO *)(o))

static int check(KrThreadState *ts, StringIO *s) {
    if (!s->ok) return krErr_set_string(ts, &KrExc_ValueError, "I/O operation on uninitialized object"), -1;
    if (s->closed) return krErr_set_string(ts, &KrExc_ValueError, "I/O operation on closed file"), -1;
    return 0;
}

static KrSsize char_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Byte offset of code point `cp` (<= length).
static KrSsize byte_at(StringIO *s, KrSsize cp) {
    if (s->ascii) return cp;
    KrSsize i = 0, c = 0;
    if (cp >= s->pos && s->pos <= s->length) {
        i = s->pos_byte;
        c = s->pos;
    }
    while (c < cp) {
        i += char_len((unsigned char)s->buf[i]);
        c++;
    }
    return i;
}

static void set_pos(StringIO *s, KrSsize cp) {
    s->pos_byte = cp <= s->length ? byte_at(s, cp) : s->size;
    s->pos = cp;
}

static int reserve(KrThreadState *ts, StringIO *s, KrSsize need) {
    if (need <= s->cap) return 0;
    if (need > KR_SSIZE_MAX / 2) return krErr_no_memory(ts), -1;
    KrSsize ncap = need + need / 4 + 64;
    char *nb = krMem_realloc(s->buf, (size_t)ncap);
    if (!nb) return krErr_no_memory(ts), -1;
    s->buf = nb;
    s->cap = ncap;
    return 0;
}

// Writes UTF-8 text `p` (n bytes, nchars code points) at the position.
static int write_utf8(KrThreadState *ts, StringIO *s, const char *p, KrSsize n, KrSsize nchars, bool ascii) {
    if (s->pos > s->length) {
        // Pad the gap with NULs first.
        KrSsize gap = s->pos - s->length;
        if (reserve(ts, s, s->size + gap) < 0) return -1;
        memset(s->buf + s->size, 0, (size_t)gap);
        s->size += gap;
        s->length += gap;
        s->pos_byte = s->size;
    }
    KrSsize start = s->pos_byte;
    KrSsize end_cp = s->pos + nchars < s->length ? s->pos + nchars : s->length;
    KrSsize old_end = end_cp == s->length ? s->size : byte_at(s, end_cp);
    KrSsize replaced = end_cp - s->pos;
    KrSsize newsize = s->size - (old_end - start) + n;
    if (reserve(ts, s, newsize) < 0) return -1;
    krIO_copy(s->buf + start + n, s->buf + old_end, (size_t)(s->size - old_end));
    krIO_copy(s->buf + start, p, (size_t)n);
    s->size = newsize;
    s->length += nchars - replaced;
    s->ascii = s->ascii && ascii;
    s->pos += nchars;
    s->pos_byte = start + n;
    return 0;
}

// Applies the write-side newline rules to `text`.  New reference.
static KrObject *translate(KrThreadState *ts, StringIO *s, KrObject *text) {
    const char *p = krStr_utf8(text), *end = p + krStr_size(text);
    bool need = s->readtranslate ? krIO_find(p, '\r', (size_t)(end - p)) != NULL
                                 : s->writenl && krIO_find(p, '\n', (size_t)(end - p)) != NULL;
    if (s->readuniversal) {
        // Track the kinds of line endings for .newlines.
        for (const char *q = p; q < end; q++) {
            if (*q == '\n') s->seennl |= SEEN_LF;
            else if (*q == '\r') {
                if (q + 1 < end && q[1] == '\n') {
                    s->seennl |= SEEN_CRLF;
                    q++;
                } else {
                    s->seennl |= SEEN_CR;
                }
            }
        }
    }
    if (!need) return kr_newref(text);
    KrStrBuilder sb;
    krSB_init(&sb);
    while (p < end) {
        const char *stop = p;
        if (s->readtranslate) {
            while (stop < end && *stop != '\r') stop++;
        } else {
            while (stop < end && *stop != '\n') stop++;
        }
        if (krSB_append(ts, &sb, p, stop - p) < 0) goto fail;
        if (stop == end) break;
        if (s->readtranslate) {
            if (krSB_append(ts, &sb, "\n", 1) < 0) goto fail;
            p = stop + 1 < end && stop[1] == '\n' ? stop + 2 : stop + 1;
        } else {
            if (krSB_append_cstr(ts, &sb, s->writenl) < 0) goto fail;
            p = stop + 1;
        }
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

static int write_str(KrThreadState *ts, StringIO *s, KrObject *text) {
    KrObject *t = translate(ts, s, text);
    if (!t) return -1;
    int r = write_utf8(ts, s, krStr_utf8(t), krStr_size(t), krStr_len(t), krStr_is_ascii(t));
    kr_decref(t);
    return r;
}

static int stringio_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"initial_value", "newline"};
    KrObject *a[2];
    StringIO *s = SIO(self);
    if (krArg_parse(ts, "StringIO", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return -1;
    const char *nl = "\n";
    if (a[1] && a[1] != KR_NONE) {
        if (!krStr_check(a[1])) {
            krErr_format(ts, &KrExc_TypeError, "newline must be str or None, not %s", krType_name(KR_TYPE(a[1])));
            return -1;
        }
        nl = krStr_utf8(a[1]);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            krErr_format(ts, &KrExc_ValueError, "illegal newline value: %R", a[1]);
            return -1;
        }
    } else if (a[1] == KR_NONE) {
        nl = NULL;
    }
    KrObject *init = a[0] && a[0] != KR_NONE ? a[0] : NULL;
    if (init && !krStr_check(init)) {
        krErr_format(ts, &KrExc_TypeError, "initial_value must be str or None, not %s", krType_name(KR_TYPE(init)));
        return -1;
    }
    s->readuniversal = !nl || !*nl;
    s->readtranslate = !nl;
    s->writenl = nl && (!strcmp(nl, "\r") || !strcmp(nl, "\r\n")) ? (nl[1] ? "\r\n" : "\r") : NULL;
    s->readnl = !nl ? "\n" : !strcmp(nl, "\r") ? "\r" : !strcmp(nl, "\r\n") ? "\r\n" : "\n";
    s->size = s->length = s->pos = s->pos_byte = 0;
    s->ascii = true;
    s->closed = false;
    s->seennl = 0;
    s->ok = true;
    if (init && krStr_size(init)) {
        if (write_str(ts, s, init) < 0) return -1;
        set_pos(s, 0);
    }
    return 0;
}

static KrObject *text_range(KrThreadState *ts, StringIO *s, KrSsize endbyte, KrSsize nchars) {
    KrObject *r = krStr_from_utf8(ts, s->buf + s->pos_byte, endbyte - s->pos_byte);
    if (r) {
        s->pos += nchars;
        s->pos_byte = endbyte;
    }
    return r;
}

static KrObject *stringio_getvalue(KrThreadState *ts, KrObject *self) {
    StringIO *s = SIO(self);
    if (check(ts, s) < 0) return NULL;
    return krStr_from_utf8(ts, s->buf ? s->buf : "", s->size);
}

static KrObject *stringio_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    StringIO *s = SIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0 || check(ts, s) < 0) return NULL;
    if (s->pos >= s->length) return kr_newref(krStr_empty());
    KrSsize avail = s->length - s->pos;
    if (n < 0 || n > avail) n = avail;
    KrSsize end = n == avail ? s->size : byte_at(s, s->pos + n);
    return text_range(ts, s, end, n);
}

// End byte of the line starting at the position, within `limit` chars.
static KrObject *read_line(KrThreadState *ts, StringIO *s, KrSsize limit) {
    if (s->pos >= s->length) return kr_newref(krStr_empty());
    const char *p = s->buf + s->pos_byte, *end = s->buf + s->size;
    KrSsize nchars = 0;
    const char *q = p;
    while (q < end && (limit < 0 || nchars < limit)) {
        char c = *q;
        q += char_len((unsigned char)c);
        nchars++;
        if (s->readuniversal && !s->readtranslate) {
            if (c == '\n') break;
            if (c == '\r') {
                if (q < end && *q == '\n' && (limit < 0 || nchars < limit)) {
                    q++;
                    nchars++;
                }
                break;
            }
        } else if (c == s->readnl[0]) {
            if (!s->readnl[1]) break;
            if (q < end && *q == s->readnl[1] && (limit < 0 || nchars < limit)) {
                q++;
                nchars++;
                break;
            }
        }
    }
    return text_range(ts, s, q - s->buf, nchars);
}

static KrObject *stringio_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "readline", &n) < 0 || check(ts, SIO(self)) < 0) return NULL;
    return read_line(ts, SIO(self), n);
}

static KrObject *stringio_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line;
    if (KR_TYPE(self) == &KrStringIO_Type) {
        if (check(ts, SIO(self)) < 0) return NULL;
        line = read_line(ts, SIO(self), -1);
    } else {
        line = krObj_call_method(ts, self, krStr_intern_cstr(ts, "readline"), NULL);
        if (line && !krStr_check(line)) {
            krErr_format(ts, &KrExc_OSError, "readline() should have returned a str object, not '%s'",
                         krType_name(KR_TYPE(line)));
            KR_CLEAR(line);
        }
    }
    if (line && krStr_size(line) == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

static KrObject *stringio_write(KrThreadState *ts, KrObject *self, KrObject *arg) {
    StringIO *s = SIO(self);
    if (check(ts, s) < 0) return NULL;
    if (!krStr_check(arg))
        return krErr_format(ts, &KrExc_TypeError, "string argument expected, got '%s'", krType_name(KR_TYPE(arg)));
    KrSsize n = krStr_len(arg);
    if (n > 0 && write_str(ts, s, arg) < 0) return NULL;
    return krInt_from_ssize(ts, n);
}

static KrObject *stringio_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    StringIO *s = SIO(self);
    if (krArg_check_positional(ts, "seek", nargs, 1, 2) < 0) return NULL;
    KrSsize pos = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (pos == -1 && krErr_occurred(ts)) return NULL;
    KrSsize whence = 0;
    if (nargs == 2) {
        whence = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (whence == -1 && krErr_occurred(ts)) return NULL;
    }
    if (check(ts, s) < 0) return NULL;
    if (whence != 0 && whence != 1 && whence != 2)
        return krErr_format(ts, &KrExc_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0) return krErr_format(ts, &KrExc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0) return krErr_format(ts, &KrExc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 1) pos = s->pos;
    else if (whence == 2) pos = s->length;
    set_pos(s, pos);
    return krInt_from_ssize(ts, pos);
}

static KrObject *stringio_tell(KrThreadState *ts, KrObject *self) {
    if (check(ts, SIO(self)) < 0) return NULL;
    return krInt_from_ssize(ts, SIO(self)->pos);
}

static KrObject *stringio_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    StringIO *s = SIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "truncate", &n) < 0 || check(ts, s) < 0) return NULL;
    if (nargs == 0 || args[0] == KR_NONE) n = s->pos;
    else if (n < 0) return krErr_format(ts, &KrExc_ValueError, "Negative size value %zd", n);
    if (n < s->length) {
        KrSsize b = byte_at(s, n);
        s->size = b;
        s->length = n;
        if (s->pos > n) s->pos_byte = s->size;  // the position stays, past the end
    }
    return krInt_from_ssize(ts, n);
}

static KrObject *stringio_close(KrThreadState *ts, KrObject *self) {
    StringIO *s = SIO(self);
    s->closed = true;
    s->base.iobase_closed = true;
    krMem_free(s->buf);
    s->buf = NULL;
    s->size = s->cap = s->length = 0;
    return kr_newref(KR_NONE);
}

static KrObject *stringio_true(KrThreadState *ts, KrObject *self) {
    if (check(ts, SIO(self)) < 0) return NULL;
    return kr_newref(KR_TRUE);
}

static KrObject *stringio_flush(KrThreadState *ts, KrObject *self) {
    if (check(ts, SIO(self)) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *stringio_readlines(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (check(ts, SIO(self)) < 0) return NULL;
    return krIO_readlines(ts, self, args, nargs);
}

static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) { return kr_bool(SIO(self)->closed); }
static KrObject *get_line_buffering(KrThreadState *ts, KrObject *self, void *c) {
    if (check(ts, SIO(self)) < 0) return NULL;
    return kr_newref(KR_FALSE);
}
static KrObject *get_newlines(KrThreadState *ts, KrObject *self, void *c) {
    StringIO *s = SIO(self);
    if (check(ts, s) < 0) return NULL;
    int seen = s->readuniversal ? s->seennl : 0;
    KrObject *items[3];
    int n = 0;
    if (seen & SEEN_CR) items[n++] = krStr_ascii_char('\r');
    if (seen & SEEN_LF) items[n++] = krStr_ascii_char('\n');
    if (seen & SEEN_CRLF) items[n++] = krStr_intern_cstr(ts, "\r\n");
    if (n == 0) return kr_newref(KR_NONE);
    if (n == 1) return kr_newref(items[0]);
    return krTuple_from_array(ts, items, n);
}

static void stringio_dealloc(KrObject *self) {
    krGC_untrack(self);
    krMem_free(SIO(self)->buf);
    krIO_clear_base(self);
    krObj_free(self);
}

static int stringio_clear(KrObject *self) {
    krIO_clear_base(self);
    return 0;
}

static const KrGetSetDef stringio_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {"newlines", get_newlines, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef stringio_methods[] = {
    {"getvalue", KR_CFUNC(stringio_getvalue), KR_METH_NOARGS, "Retrieve the entire contents of the object."},
    {"read", KR_CFUNC(stringio_read), KR_METH_FAST, NULL},
    {"readline", KR_CFUNC(stringio_readline), KR_METH_FAST, NULL},
    {"readlines", KR_CFUNC(stringio_readlines), KR_METH_FAST, NULL},
    {"write", KR_CFUNC(stringio_write), KR_METH_O, NULL},
    {"seek", KR_CFUNC(stringio_seek), KR_METH_FAST, NULL},
    {"tell", KR_CFUNC(stringio_tell), KR_METH_NOARGS, NULL},
    {"truncate", KR_CFUNC(stringio_truncate), KR_METH_FAST, NULL},
    {"close", KR_CFUNC(stringio_close), KR_METH_NOARGS, NULL},
    {"flush", KR_CFUNC(stringio_flush), KR_METH_NOARGS, NULL},
    {"readable", KR_CFUNC(stringio_true), KR_METH_NOARGS, NULL},
    {"writable", KR_CFUNC(stringio_true), KR_METH_NOARGS, NULL},
    {"seekable", KR_CFUNC(stringio_true), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrStringIO_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(StringIO),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_base = &KrTextIOBase_Type,
    .tp_new = krIO_generic_new,
    .tp_init = stringio_init,
    .tp_dealloc = stringio_dealloc,
    .tp_traverse = krIO_traverse_base,
    .tp_clear = stringio_clear,
    .tp_iter = krIO_iter,
    .tp_iternext = stringio_iternext,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(KrIOBaseObject, dict),
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
};
