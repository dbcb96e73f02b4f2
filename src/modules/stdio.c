/*
 * stdio.c — the text streams behind sys.stdin, sys.stdout and sys.stderr:
 * UTF-8 over a file descriptor, with CPython's buffering (stdout is line
 * buffered on a terminal and block buffered otherwise; stderr is line
 * buffered).  Since str is UTF-8 inside, writing is a copy into the buffer.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "modules/stdio.h"
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"

#define OUTBUF_SIZE 8192

typedef struct {
    KR_OBJECT_HEAD;
    int fd;
    bool readable, writable, line_buffered, closed, eof;
    char *buf;                     // output buffer (writable) or read-ahead (readable)
    KrSsize len, pos, cap;
    const char *name;              // "<stdout>"
} StdFile;

KrTypeObject KrStdFile_Type;

static int write_all(KrThreadState *ts, int fd, const char *p, KrSsize n) {
    while (n > 0) {
        ssize_t w = write(fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR) continue;
            krErr_from_errno(ts, &KrExc_OSError, NULL);
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

static int flush_buffer(KrThreadState *ts, StdFile *f) {
    if (f->len == 0) return 0;
    KrSsize n = f->len;
    f->len = 0;  // dropped even on error, as a failed flush must not repeat forever
    return write_all(ts, f->fd, f->buf, n);
}

// Lone surrogates cannot be encoded to UTF-8 strictly.
static int check_surrogates(KrThreadState *ts, KrObject *s) {
    if (krStr_is_ascii(s)) return 0;
    const unsigned char *p = (const unsigned char *)krStr_utf8(s), *end = p + krStr_size(s);
    KrSsize idx = 0;
    while (p < end) {
        if (p[0] == 0xED && p + 1 < end && p[1] >= 0xA0) {
            uint32_t cp = 0xD000 | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            KrObject *exc_args[5];
            exc_args[0] = krStr_intern_cstr(ts, "utf-8");
            exc_args[1] = s;
            exc_args[2] = kr_smallint(idx);
            exc_args[3] = kr_smallint(idx + 1);
            exc_args[4] = krStr_intern_cstr(ts, "surrogates not allowed");
            KrObject *e = krObj_vectorcall(ts, (KrObject *)&KrExc_UnicodeEncodeError, exc_args, 5, NULL);
            (void)cp;
            if (e) krErr_set_exc(ts, e);
            return -1;
        }
        unsigned char c = *p;
        p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        idx++;
    }
    return 0;
}

int krStdFile_write_utf8(KrThreadState *ts, KrObject *file, const char *data, KrSsize n) {
    StdFile *f = (StdFile *)file;
    if (f->closed) {
        krErr_set_string(ts, &KrExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    if (f->len + n > f->cap) {
        if (flush_buffer(ts, f) < 0) return -1;
        if (n >= f->cap) return write_all(ts, f->fd, data, n);
    }
    memcpy(f->buf + f->len, data, (size_t)n);
    f->len += n;
    if (f->line_buffered && memchr(data, '\n', (size_t)n)) return flush_buffer(ts, f);
    return 0;
}

int krStdFile_write_str(KrThreadState *ts, KrObject *file, KrObject *s) {
    if (check_surrogates(ts, s) < 0) return -1;
    return krStdFile_write_utf8(ts, file, krStr_utf8(s), krStr_size(s));
}

bool krStdFile_check(KrObject *o) { return KR_TYPE(o) == &KrStdFile_Type; }

static KrObject *stdfile_write(KrThreadState *ts, KrObject *self, KrObject *s) {
    StdFile *f = (StdFile *)self;
    if (!f->writable) return krErr_format(ts, &KrExc_OSError, "not writable");
    if (!krStr_check(s)) return krErr_format(ts, &KrExc_TypeError, "write() argument must be str, not %T", s);
    if (krStdFile_write_str(ts, self, s) < 0) return NULL;
    return krInt_from_ssize(ts, krStr_len(s));
}

static KrObject *stdfile_flush(KrThreadState *ts, KrObject *self) {
    StdFile *f = (StdFile *)self;
    if (f->closed) return krErr_format(ts, &KrExc_ValueError, "I/O operation on closed file.");
    if (f->writable && flush_buffer(ts, f) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// Reads more input into the buffer; returns bytes read (0 at EOF) or -1.
static KrSsize fill(KrThreadState *ts, StdFile *f) {
    if (f->pos > 0) {
        memmove(f->buf, f->buf + f->pos, (size_t)(f->len - f->pos));
        f->len -= f->pos;
        f->pos = 0;
    }
    if (f->len == f->cap) {
        char *nb = krMem_realloc(f->buf, (size_t)f->cap * 2);
        if (!nb) return krErr_no_memory(ts), -1;
        f->buf = nb;
        f->cap *= 2;
    }
    for (;;) {
        ssize_t r = read(f->fd, f->buf + f->len, (size_t)(f->cap - f->len));
        if (r < 0 && errno == EINTR) {
            if (krEval_handle_breaker(ts) < 0) return -1;
            continue;
        }
        if (r < 0) {
            krErr_from_errno(ts, &KrExc_OSError, NULL);
            return -1;
        }
        f->len += r;
        if (r == 0) f->eof = true;
        return r;
    }
}

KrObject *krStdFile_readline(KrThreadState *ts, KrObject *self, KrSsize limit) {
    StdFile *f = (StdFile *)self;
    if (!f->readable) return krErr_format(ts, &KrExc_OSError, "not readable");
    for (;;) {
        char *start = f->buf + f->pos;
        KrSsize avail = f->len - f->pos;
        char *nl = memchr(start, '\n', (size_t)avail);
        KrSsize n = nl ? nl - start + 1 : -1;
        if (n < 0 && (f->eof || (limit >= 0 && avail >= limit))) n = avail;
        if (n >= 0) {
            if (limit >= 0 && n > limit) n = limit;
            KrObject *s = krStr_decode_utf8(ts, start, n, "strict");
            if (s) f->pos += n;
            return s;
        }
        if (fill(ts, f) < 0) return NULL;
    }
}

static KrObject *stdfile_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "readline", nargs, 0, 1) < 0) return NULL;
    KrSsize limit = -1;
    if (nargs == 1 && args[0] != KR_NONE) {
        limit = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (limit == -1 && krErr_occurred(ts)) return NULL;
    }
    return krStdFile_readline(ts, self, limit);
}

static KrObject *stdfile_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    StdFile *f = (StdFile *)self;
    if (krArg_check_positional(ts, "read", nargs, 0, 1) < 0) return NULL;
    if (!f->readable) return krErr_format(ts, &KrExc_OSError, "not readable");
    KrSsize limit = -1;
    if (nargs == 1 && args[0] != KR_NONE) {
        limit = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (limit == -1 && krErr_occurred(ts)) return NULL;
    }
    while (!f->eof && (limit < 0 || f->len - f->pos < limit))
        if (fill(ts, f) < 0) return NULL;
    KrSsize n = f->len - f->pos;
    if (limit >= 0 && n > limit) n = limit;
    KrObject *s = krStr_decode_utf8(ts, f->buf + f->pos, n, "strict");
    if (s) f->pos += n;
    return s;
}

static KrObject *stdfile_readlines(KrThreadState *ts, KrObject *self) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    for (;;) {
        KrObject *line = krStdFile_readline(ts, self, -1);
        if (!line) {
            kr_decref(list);
            return NULL;
        }
        if (krStr_size(line) == 0) {
            kr_decref(line);
            return list;
        }
        int r = krList_append(ts, list, line);
        kr_decref(line);
        if (r < 0) {
            kr_decref(list);
            return NULL;
        }
    }
}

static KrObject *stdfile_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line = krStdFile_readline(ts, self, -1);
    if (line && krStr_size(line) == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

static KrObject *stdfile_iter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static KrObject *stdfile_fileno(KrThreadState *ts, KrObject *self) { return kr_smallint(((StdFile *)self)->fd); }
static KrObject *stdfile_isatty(KrThreadState *ts, KrObject *self) { return kr_bool(isatty(((StdFile *)self)->fd)); }
static KrObject *stdfile_readable(KrThreadState *ts, KrObject *self) { return kr_bool(((StdFile *)self)->readable); }
static KrObject *stdfile_writable(KrThreadState *ts, KrObject *self) { return kr_bool(((StdFile *)self)->writable); }
static KrObject *stdfile_seekable(KrThreadState *ts, KrObject *self) { return kr_newref(KR_FALSE); }

static KrObject *stdfile_close(KrThreadState *ts, KrObject *self) {
    StdFile *f = (StdFile *)self;
    if (f->closed) return kr_newref(KR_NONE);
    if (f->writable && flush_buffer(ts, f) < 0) return NULL;
    f->closed = true;
    return kr_newref(KR_NONE);
}

static KrObject *stdfile_enter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }
static KrObject *stdfile_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return stdfile_close(ts, self);
}

static KrObject *stdfile_repr(KrThreadState *ts, KrObject *self) {
    StdFile *f = (StdFile *)self;
    return krStr_from_format(ts, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", f->name,
                             f->writable ? "w" : "r");
}

static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) { return kr_bool(((StdFile *)self)->closed); }
static KrObject *get_encoding(KrThreadState *ts, KrObject *self, void *c) { return krStr_intern_cstr(ts, "utf-8"); }
static KrObject *get_errors(KrThreadState *ts, KrObject *self, void *c) {
    return krStr_intern_cstr(ts, ((StdFile *)self)->fd == 2 ? "backslashreplace" : "strict");
}
static KrObject *get_name(KrThreadState *ts, KrObject *self, void *c) {
    return krStr_from_cstr(ts, ((StdFile *)self)->name);
}
static KrObject *get_mode(KrThreadState *ts, KrObject *self, void *c) {
    return krStr_intern_cstr(ts, ((StdFile *)self)->writable ? "w" : "r");
}
static KrObject *get_line_buffering(KrThreadState *ts, KrObject *self, void *c) {
    return kr_bool(((StdFile *)self)->line_buffered);
}

static const KrGetSetDef stdfile_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef stdfile_methods[] = {
    {"write", KR_CFUNC(stdfile_write), KR_METH_O, NULL},
    {"flush", KR_CFUNC(stdfile_flush), KR_METH_NOARGS, NULL},
    {"readline", KR_CFUNC(stdfile_readline), KR_METH_FAST, NULL},
    {"read", KR_CFUNC(stdfile_read), KR_METH_FAST, NULL},
    {"readlines", KR_CFUNC(stdfile_readlines), KR_METH_NOARGS, NULL},
    {"fileno", KR_CFUNC(stdfile_fileno), KR_METH_NOARGS, NULL},
    {"isatty", KR_CFUNC(stdfile_isatty), KR_METH_NOARGS, NULL},
    {"readable", KR_CFUNC(stdfile_readable), KR_METH_NOARGS, NULL},
    {"writable", KR_CFUNC(stdfile_writable), KR_METH_NOARGS, NULL},
    {"seekable", KR_CFUNC(stdfile_seekable), KR_METH_NOARGS, NULL},
    {"close", KR_CFUNC(stdfile_close), KR_METH_NOARGS, NULL},
    {"__enter__", KR_CFUNC(stdfile_enter), KR_METH_NOARGS, NULL},
    {"__exit__", KR_CFUNC(stdfile_exit), KR_METH_FAST, NULL},
    {NULL},
};

static void stdfile_dealloc(KrObject *self) {
    StdFile *f = (StdFile *)self;
    if (f->writable && f->len) {
        KrThreadState *ts = krThread_current();
        if (ts && flush_buffer(ts, f) < 0) krErr_clear(ts);
    }
    krMem_free(f->buf);
    krObj_free(self);
}

KrTypeObject KrStdFile_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(StdFile),
    .tp_dealloc = stdfile_dealloc,
    .tp_repr = stdfile_repr,
    .tp_iter = stdfile_iter,
    .tp_iternext = stdfile_iternext,
    .tp_methods = stdfile_methods,
    .tp_getset = stdfile_getset,
};

KrObject *krStdFile_new(KrThreadState *ts, int fd, bool writable, bool unbuffered) {
    StdFile *f = (StdFile *)krObj_alloc(ts, &KrStdFile_Type, 0);
    if (!f) return NULL;
    f->fd = fd;
    f->writable = writable;
    f->readable = !writable;
    f->name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
    f->cap = OUTBUF_SIZE;
    f->buf = krMem_malloc((size_t)f->cap);
    if (!f->buf) {
        kr_decref((KrObject *)f);
        return krErr_no_memory(ts);
    }
    f->line_buffered = writable && (unbuffered || fd == 2 || isatty(fd));
    if (unbuffered && writable) f->cap = 1;  // -u: every write goes straight out
    return (KrObject *)f;
}
