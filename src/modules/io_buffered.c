/*
 * io_buffered.c — BufferedReader, BufferedWriter and BufferedRandom: one
 * implementation over a raw stream, with a read buffer and a write buffer.
 *
 * Invariant: at most one of the two holds data.  A read flushes pending
 * writes first; a write drops read-ahead after moving the raw position back
 * over it (BufferedRandom), so the raw position always equals the logical
 * position plus read-ahead minus pending writes.
 *
 * When the raw stream is an exact FileIO the system calls are made
 * directly (the fast path behind open() and the standard streams);
 * otherwise raw.read / raw.write / raw.seek are called.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "modules/io.h"
#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/type.h"

typedef KrBufferedObject Buffered;

#define BUF(o) ((Buffered *)(o))

bool krBuffered_check_exact(KrObject *o) {
    KrTypeObject *t = KR_TYPE(o);
    return t == &KrBufferedWriter_Type || t == &KrBufferedReader_Type || t == &KrBufferedRandom_Type;
}

// ---------------------------------------------------------------------------
// Checks

static int check_ok(KrThreadState *ts, Buffered *b) {
    if (b->ok && b->raw) return 0;
    if (b->detached) krErr_set_string(ts, &KrExc_ValueError, "raw stream has been detached");
    else krErr_set_string(ts, &KrExc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

// 1 if the raw stream is closed, 0 if not, -1 on error.
static int raw_closed(KrThreadState *ts, Buffered *b) {
    if (b->fast) return krFileIO_fd(b->raw) < 0;
    KrObject *c = krObj_getattr(ts, b->raw, KR_ID(closed));
    if (!c) return -1;
    int r = krObj_is_true(ts, c);
    kr_decref(c);
    return r;
}

int krBuffered_closed(KrThreadState *ts, KrObject *self) {
    if (check_ok(ts, BUF(self)) < 0) return -1;
    return raw_closed(ts, BUF(self));
}

// Fails with "<what> of closed file" when the stream is closed.
static int check_open(KrThreadState *ts, Buffered *b, const char *what) {
    if (check_ok(ts, b) < 0) return -1;
    int c = raw_closed(ts, b);
    if (c > 0) krErr_format(ts, &KrExc_ValueError, "%s of closed file", what);
    return c ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Raw operations

// A closed FileIO's own error (without the final period of the text layer's).
static int raw_closed_error(KrThreadState *ts) {
    krErr_set_string(ts, &KrExc_ValueError, "I/O operation on closed file");
    return -1;
}

// Reads up to n bytes into buf: count, 0 at EOF, -2 would block, -1 error.
static KrSsize raw_read(KrThreadState *ts, Buffered *b, char *buf, KrSsize n) {
    if (b->fast) {
        if (krFileIO_fd(b->raw) < 0) return raw_closed_error(ts);
        return krFileIO_read_into(ts, b->raw, buf, n);
    }
    KrObject *r = krObj_call_method(ts, b->raw, krStr_intern_cstr(ts, "read"), krInt_from_ssize(ts, n), NULL);
    if (!r) return -1;
    if (r == KR_NONE) return -2;
    if (!krBytes_check(r)) {
        kr_decref(r);
        krErr_format(ts, &KrExc_TypeError, "read() should return bytes");
        return -1;
    }
    KrSsize got = krBytes_size(r);
    if (got > n) {
        kr_decref(r);
        krErr_format(ts, &KrExc_OSError, "raw read() returned invalid length %zd (should have been between 0 and %zd)",
                     got, n);
        return -1;
    }
    krIO_copy(buf, krBytes_data(r), (size_t)got);
    kr_decref(r);
    return got;
}

static KrSsize raw_write(KrThreadState *ts, Buffered *b, const char *data, KrSsize n) {
    if (b->fast) {
        if (krFileIO_fd(b->raw) < 0) return raw_closed_error(ts);
        return krFileIO_write_from(ts, b->raw, data, n);
    }
    KrObject *bytes = krBytes_from_data(ts, data, n);
    if (!bytes) return -1;
    KrObject *r = krObj_call_method(ts, b->raw, KR_ID(write), bytes, NULL);
    kr_decref(bytes);
    if (!r) return -1;
    if (r == KR_NONE) return -2;
    KrSsize w = krNum_as_ssize(ts, r, &KrExc_OverflowError);
    kr_decref(r);
    if (w == -1 && krErr_occurred(ts)) return -1;
    if (w < 0 || w > n) {
        krErr_format(ts, &KrExc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                     w, n);
        return -1;
    }
    return w;
}

// raw.seek(pos, whence): the new position or -1.
static int64_t raw_seek(KrThreadState *ts, Buffered *b, int64_t pos, int whence) {
    if (b->fast) {
        int fd = krFileIO_fd(b->raw);
        if (fd < 0) return raw_closed_error(ts);
        off_t r = lseek(fd, (off_t)pos, whence);
        if (r < 0) return krOS_error(ts, errno, NULL, NULL), -1;
        return r;
    }
    KrObject *p = krInt_from_i64(ts, pos);
    if (!p) return -1;
    KrObject *r = krObj_call_method(ts, b->raw, krStr_intern_cstr(ts, "seek"), p, kr_smallint(whence), NULL);
    kr_decref(p);
    if (!r) return -1;
    int64_t v = krInt_as_i64(ts, r);
    kr_decref(r);
    if (v < 0 && !krErr_occurred(ts)) krErr_format(ts, &KrExc_OSError, "Raw stream returned invalid position %lld",
                                                   (long long)v);
    return krErr_occurred(ts) ? -1 : v;
}

// Writes out the write buffer.  0 or -1.
static int flush_writes(KrThreadState *ts, Buffered *b) {
    KrSsize done = 0;
    while (done < b->wlen) {
        KrSsize w = raw_write(ts, b, b->wbuf + done, b->wlen - done);
        if (w == -2) {
            krErr_format(ts, &KrExc_BlockingIOError, "write could not complete without blocking");
            w = -1;
        }
        if (w < 0) {
            krIO_copy(b->wbuf, b->wbuf + done, (size_t)(b->wlen - done));
            b->wlen -= done;
            return -1;
        }
        done += w;
    }
    b->wlen = 0;
    return 0;
}

// Gives back read-ahead to the raw stream (before writing or seeking raw).
static int drop_readahead(KrThreadState *ts, Buffered *b) {
    KrSsize ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead > 0 && raw_seek(ts, b, -ahead, SEEK_CUR) < 0) return -1;
    return 0;
}

// Refills the read buffer (which must be empty): count, 0 EOF, -2, -1.
static KrSsize fill(KrThreadState *ts, Buffered *b) {
    b->rpos = b->rlen = 0;
    KrSsize r = raw_read(ts, b, b->rbuf, b->size);
    if (r > 0) b->rlen = r;
    return r;
}

// ---------------------------------------------------------------------------
// Reading

// Reads n bytes (n >= 0), fewer at EOF.  New reference (None if it would
// block with nothing read).
static KrObject *read_n(KrThreadState *ts, Buffered *b, KrSsize n) {
    KrSsize avail = b->rlen - b->rpos;
    if (n <= avail) {
        KrObject *r = krBytes_from_data(ts, b->rbuf + b->rpos, n);
        if (r) b->rpos += n;
        return r;
    }
    KrObject *res = krBytes_from_data(ts, NULL, n);
    if (!res) return NULL;
    char *out = krBytes_data(res);
    krIO_copy(out, b->rbuf + b->rpos, (size_t)avail);
    KrSsize have = avail;
    b->rpos = b->rlen = 0;
    while (have < n) {
        KrSsize r;
        if (n - have >= b->size) {
            r = raw_read(ts, b, out + have, n - have);
        } else {
            r = fill(ts, b);
            if (r > 0) {
                KrSsize take = r < n - have ? r : n - have;
                krIO_copy(out + have, b->rbuf, (size_t)take);
                b->rpos = take;
                r = take;
            }
        }
        if (r == -1) {
            kr_decref(res);
            return NULL;
        }
        if (r == -2 && have == 0) {
            kr_decref(res);
            return kr_newref(KR_NONE);
        }
        if (r <= 0) break;
        have += r;
    }
    if (have == n) return res;
    KrObject *s = krBytes_from_data(ts, out, have);
    kr_decref(res);
    return s;
}

static KrObject *read_all(KrThreadState *ts, Buffered *b) {
    KrSsize avail = b->rlen - b->rpos, cap = avail + b->size, len = avail;
    char *buf = krMem_malloc((size_t)cap);
    if (!buf) return krErr_no_memory(ts);
    krIO_copy(buf, b->rbuf + b->rpos, (size_t)avail);
    b->rpos = b->rlen = 0;
    for (;;) {
        if (cap - len < b->size) {
            KrSsize ncap = cap * 2;
            char *nb = krMem_realloc(buf, (size_t)ncap);
            if (!nb) {
                krMem_free(buf);
                return krErr_no_memory(ts);
            }
            buf = nb;
            cap = ncap;
        }
        KrSsize r = raw_read(ts, b, buf + len, cap - len);
        if (r == -1) {
            krMem_free(buf);
            return NULL;
        }
        if (r == -2 && len == 0) {
            krMem_free(buf);
            return kr_newref(KR_NONE);
        }
        if (r <= 0) break;
        len += r;
    }
    KrObject *res = krBytes_from_data(ts, buf, len);
    krMem_free(buf);
    return res;
}

static int prepare_read(KrThreadState *ts, Buffered *b, const char *what) {
    if (check_open(ts, b, what) < 0) return -1;
    if (!b->readable) return krIO_raise_unsupported(ts, "read"), -1;
    if (b->wlen && flush_writes(ts, b) < 0) return -1;
    return 0;
}

static KrObject *buffered_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0) return NULL;
    if (n < -1) return krErr_format(ts, &KrExc_ValueError, "read length must be non-negative or -1");
    if (prepare_read(ts, BUF(self), "read") < 0) return NULL;
    return n < 0 ? read_all(ts, BUF(self)) : read_n(ts, BUF(self), n);
}

KrObject *krBuffered_read_chunk(KrThreadState *ts, KrObject *self, KrSsize n) {
    Buffered *b = BUF(self);
    if (prepare_read(ts, b, "read") < 0) return NULL;
    if (b->rlen == b->rpos) {
        KrSsize r = fill(ts, b);
        if (r == -1) return NULL;
        if (r <= 0) return krBytes_from_data(ts, "", 0);
    }
    KrSsize avail = b->rlen - b->rpos;
    if (n < 0 || n > avail) n = avail;
    KrObject *res = krBytes_from_data(ts, b->rbuf + b->rpos, n);
    if (res) b->rpos += n;
    return res;
}

static KrObject *buffered_read1(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read1", &n) < 0) return NULL;
    if (n == 0) {
        if (prepare_read(ts, BUF(self), "read") < 0) return NULL;
        return krBytes_from_data(ts, "", 0);
    }
    return krBuffered_read_chunk(ts, self, n);
}

static KrObject *buffered_peek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    Buffered *b = BUF(self);
    if (krArg_check_positional(ts, "peek", nargs, 0, 1) < 0 || prepare_read(ts, b, "peek") < 0) return NULL;
    if (b->rlen == b->rpos && fill(ts, b) == -1) return NULL;
    return krBytes_from_data(ts, b->rbuf + b->rpos, b->rlen - b->rpos);
}

static KrObject *buffered_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    Buffered *b = BUF(self);
    KrSsize limit;
    if (krIO_size_arg(ts, args, nargs, "readline", &limit) < 0 || prepare_read(ts, b, "readline") < 0) return NULL;
    char *acc = NULL;
    KrSsize len = 0, cap = 0;
    for (;;) {
        KrSsize avail = b->rlen - b->rpos;
        if (limit >= 0 && avail > limit - len) avail = limit - len;
        const char *nl = krIO_find(b->rbuf + b->rpos, '\n', (size_t)avail);
        KrSsize take = nl ? nl - (b->rbuf + b->rpos) + 1 : avail;
        if (len + take > cap) {
            KrSsize ncap = (len + take) * 2 + 64;
            char *na = krMem_realloc(acc, (size_t)ncap);
            if (!na) {
                krMem_free(acc);
                return krErr_no_memory(ts);
            }
            acc = na;
            cap = ncap;
        }
        krIO_copy(acc + len, b->rbuf + b->rpos, (size_t)take);
        len += take;
        b->rpos += take;
        if (nl || (limit >= 0 && len >= limit)) break;
        KrSsize r = fill(ts, b);
        if (r == -1) {
            krMem_free(acc);
            return NULL;
        }
        if (r <= 0) break;
    }
    KrObject *res = krBytes_from_data(ts, acc ? acc : "", len);
    krMem_free(acc);
    return res;
}

static KrObject *buffered_readinto(KrThreadState *ts, KrObject *self, KrObject *buf) {
    if (!krByteArray_check(buf))
        return krErr_format(ts, &KrExc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                            krType_name(KR_TYPE(buf)));
    if (prepare_read(ts, BUF(self), "readinto") < 0) return NULL;
    KrObject *data = read_n(ts, BUF(self), KR_SIZE(buf));
    if (!data || data == KR_NONE) return data;
    KrSsize n = krBytes_size(data);
    krIO_copy(((KrByteArrayObject *)buf)->data, krBytes_data(data), (size_t)n);
    kr_decref(data);
    return krInt_from_ssize(ts, n);
}

static KrObject *buffered_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line = buffered_readline(ts, self, NULL, 0);
    if (line && krBytes_size(line) == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

// ---------------------------------------------------------------------------
// Writing

int krBuffered_write_data(KrThreadState *ts, KrObject *self, const char *data, KrSsize n) {
    Buffered *b = BUF(self);
    if (check_open(ts, b, "write to") < 0) return -1;
    if (!b->writable) return krIO_raise_unsupported(ts, "write"), -1;
    if (b->rlen > b->rpos || b->rlen) {
        if (drop_readahead(ts, b) < 0) return -1;
    }
    if (b->wlen + n <= b->size) {
        krIO_copy(b->wbuf + b->wlen, data, (size_t)n);
        b->wlen += n;
        return 0;
    }
    if (flush_writes(ts, b) < 0) return -1;
    if (n <= b->size) {
        krIO_copy(b->wbuf, data, (size_t)n);
        b->wlen = n;
        return 0;
    }
    while (n > 0) {
        KrSsize w = raw_write(ts, b, data, n);
        if (w == -2) {
            krErr_format(ts, &KrExc_BlockingIOError, "write could not complete without blocking");
            return -1;
        }
        if (w < 0) return -1;
        data += w;
        n -= w;
    }
    return 0;
}

int krBuffered_flush_data(KrThreadState *ts, KrObject *self) {
    Buffered *b = BUF(self);
    if (check_open(ts, b, "flush of") < 0) return -1;
    if (b->wlen) return flush_writes(ts, b);
    return 0;
}

static KrObject *buffered_write(KrThreadState *ts, KrObject *self, KrObject *arg) {
    const char *data;
    KrSsize n;
    if (krBytes_as_buffer(ts, arg, &data, &n) < 0) return NULL;
    if (krBuffered_write_data(ts, self, data, n) < 0) return NULL;
    return krInt_from_ssize(ts, n);
}

static KrObject *buffered_flush(KrThreadState *ts, KrObject *self) {
    if (krBuffered_flush_data(ts, self) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// Positioning

static int64_t raw_tell(KrThreadState *ts, Buffered *b) { return raw_seek(ts, b, 0, SEEK_CUR); }

static KrObject *buffered_tell(KrThreadState *ts, KrObject *self) {
    Buffered *b = BUF(self);
    if (check_ok(ts, b) < 0) return NULL;
    int64_t pos = raw_tell(ts, b);
    if (pos < 0) return NULL;
    pos = pos - (b->rlen - b->rpos) + b->wlen;
    return krInt_from_i64(ts, pos < 0 ? 0 : pos);
}

static KrObject *buffered_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    Buffered *b = BUF(self);
    if (krArg_check_positional(ts, "seek", nargs, 1, 2) < 0) return NULL;
    if (krFloat_check(args[0])) return krErr_format(ts, &KrExc_TypeError, "an integer is required");
    KrObject *p = krNum_index(ts, args[0]);
    if (!p) return NULL;
    int64_t pos = krInt_as_i64(ts, p);
    kr_decref(p);
    if (pos == -1 && krErr_occurred(ts)) return NULL;
    int whence = 0;
    if (nargs == 2) {
        KrSsize w = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (w == -1 && krErr_occurred(ts)) return NULL;
        if (w < 0 || w > 4) return krErr_format(ts, &KrExc_ValueError, "whence value %zd unsupported", w);
        whence = (int)w;
    }
    if (check_open(ts, b, "seek") < 0) return NULL;
    if (b->wlen && flush_writes(ts, b) < 0) return NULL;
    // A seek inside the read-ahead only moves within the buffer.
    if ((whence == SEEK_SET || whence == SEEK_CUR) && b->rlen > 0) {
        int64_t cur = raw_tell(ts, b);
        if (cur < 0) return NULL;
        int64_t start = cur - b->rlen, target = whence == SEEK_SET ? pos : cur - (b->rlen - b->rpos) + pos;
        if (target >= start && target <= cur) {
            b->rpos = (KrSsize)(target - start);
            return krInt_from_i64(ts, target);
        }
        if (whence == SEEK_CUR) pos -= b->rlen - b->rpos;
    }
    b->rpos = b->rlen = 0;
    int64_t r = raw_seek(ts, b, pos, whence);
    return r < 0 ? NULL : krInt_from_i64(ts, r);
}

static KrObject *buffered_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    Buffered *b = BUF(self);
    if (krArg_check_positional(ts, "truncate", nargs, 0, 1) < 0 || check_open(ts, b, "truncate") < 0) return NULL;
    if (!b->writable) return krIO_raise_unsupported(ts, "truncate");
    if (b->wlen && flush_writes(ts, b) < 0) return NULL;
    if (drop_readahead(ts, b) < 0) return NULL;
    KrObject *pos = nargs && args[0] != KR_NONE ? kr_newref(args[0]) : buffered_tell(ts, self);
    if (!pos) return NULL;
    KrObject *r = krObj_call_method(ts, b->raw, krStr_intern_cstr(ts, "truncate"), pos, NULL);
    kr_decref(pos);
    return r;
}

// ---------------------------------------------------------------------------
// Closing and delegation to raw

static KrObject *buffered_close(KrThreadState *ts, KrObject *self) {
    Buffered *b = BUF(self);
    if (check_ok(ts, b) < 0) return NULL;
    int c = raw_closed(ts, b);
    if (c < 0) return NULL;
    if (c) return kr_newref(KR_NONE);
    b->base.iobase_closed = true;
    int fr = b->wlen ? flush_writes(ts, b) : 0;
    KrObject *flush_exc = fr < 0 ? krErr_fetch(ts) : NULL;
    b->wlen = 0;
    KrObject *r = krObj_call_method(ts, b->raw, KR_ID(close), NULL);
    if (!r) {
        if (flush_exc) {
            KrObject *e = krErr_fetch(ts);
            krExc_set_context(e, flush_exc);
            krErr_restore(ts, e);
        }
        return NULL;
    }
    kr_decref(r);
    if (flush_exc) {
        krErr_restore(ts, flush_exc);
        return NULL;
    }
    return kr_newref(KR_NONE);
}

static KrObject *buffered_detach(KrThreadState *ts, KrObject *self) {
    Buffered *b = BUF(self);
    if (check_ok(ts, b) < 0) return NULL;
    if (b->wlen && flush_writes(ts, b) < 0) return NULL;
    KrObject *raw = b->raw;
    b->raw = NULL;
    b->detached = true;
    return raw;
}

static KrObject *delegate(KrThreadState *ts, KrObject *self, const char *name) {
    if (check_ok(ts, BUF(self)) < 0) return NULL;
    return krObj_call_method(ts, BUF(self)->raw, krStr_intern_cstr(ts, name), NULL);
}

static KrObject *buffered_fileno(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "fileno"); }
static KrObject *buffered_isatty(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "isatty"); }
static KrObject *buffered_seekable(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "seekable"); }
static KrObject *buffered_readable(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "readable"); }
static KrObject *buffered_writable(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "writable"); }

static KrObject *raw_attr(KrThreadState *ts, KrObject *self, const char *name) {
    if (check_ok(ts, BUF(self)) < 0) return NULL;
    return krObj_getattr_cstr(ts, BUF(self)->raw, name);
}
static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) { return raw_attr(ts, self, "closed"); }
static KrObject *get_name(KrThreadState *ts, KrObject *self, void *c) { return raw_attr(ts, self, "name"); }
static KrObject *get_mode(KrThreadState *ts, KrObject *self, void *c) { return raw_attr(ts, self, "mode"); }
static KrObject *get_raw(KrThreadState *ts, KrObject *self, void *c) {
    if (check_ok(ts, BUF(self)) < 0) return NULL;
    return kr_newref(BUF(self)->raw);
}

static KrObject *buffered_repr(KrThreadState *ts, KrObject *self) {
    KrObject *name = NULL;
    if (BUF(self)->raw && krObj_lookup_attr(ts, BUF(self)->raw, krStr_intern_cstr(ts, "name"), &name) < 0) {
        if (!krErr_matches(ts, &KrExc_ValueError)) return NULL;
        krErr_clear(ts);
    }
    KrObject *r = name ? krStr_from_format(ts, "<%s name=%R>", KR_TYPE(self)->tp_name, name)
                       : krStr_from_format(ts, "<%s>", KR_TYPE(self)->tp_name);
    kr_xdecref(name);
    return r;
}

// ---------------------------------------------------------------------------
// Construction

static int buffered_init_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames, const char *fname, bool readable, bool writable) {
    static const char *const names[] = {"raw", "buffer_size"};
    KrObject *a[2];
    Buffered *b = BUF(self);
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return -1;
    KrSsize size = KR_IO_DEFAULT_BUFFER_SIZE;
    if (a[1]) {
        size = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (size == -1 && krErr_occurred(ts)) return -1;
        if (size <= 0) {
            krErr_set_string(ts, &KrExc_ValueError, "buffer size must be strictly positive");
            return -1;
        }
    }
    static const char *const checks[2] = {"readable", "writable"};
    bool need[2] = {readable, writable};
    for (int i = 0; i < 2; i++) {
        if (!need[i]) continue;
        KrObject *r = krObj_call_method(ts, a[0], krStr_intern_cstr(ts, checks[i]), NULL);
        if (!r) return -1;
        int t = krObj_is_true(ts, r);
        kr_decref(r);
        if (t < 0) return -1;
        if (!t) {
            krErr_format(ts, &KrExc_OSError, "\"raw\" argument must be %s.", checks[i]);
            return -1;
        }
    }
    b->ok = false;
    kr_setref(&b->raw, kr_newref(a[0]));
    b->fast = KR_TYPE(a[0]) == &KrFileIO_Type;
    b->readable = readable;
    b->writable = writable;
    b->size = size;
    krMem_free(b->rbuf);
    krMem_free(b->wbuf);
    b->rbuf = readable ? krMem_malloc((size_t)size) : NULL;
    b->wbuf = writable ? krMem_malloc((size_t)size) : NULL;
    b->rpos = b->rlen = b->wlen = 0;
    if ((readable && !b->rbuf) || (writable && !b->wbuf)) {
        krErr_no_memory(ts);
        return -1;
    }
    b->ok = true;
    return 0;
}

static int reader_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    return buffered_init_common(ts, self, args, nargs, kwnames, "BufferedReader", true, false);
}
static int writer_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    return buffered_init_common(ts, self, args, nargs, kwnames, "BufferedWriter", false, true);
}
static int random_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    KrObject *raw = nargs > 0 ? args[0] : NULL;
    if (raw) {
        KrObject *r = krObj_call_method(ts, raw, KR_ID(seekable), NULL);
        if (!r) return -1;
        int t = krObj_is_true(ts, r);
        kr_decref(r);
        if (t <= 0) {
            if (t == 0) krErr_format(ts, &KrExc_OSError, "\"raw\" argument must be seekable.");
            return -1;
        }
    }
    return buffered_init_common(ts, self, args, nargs, kwnames, "BufferedRandom", true, true);
}

static void buffered_dealloc(KrObject *self) {
    if (!krIO_dealloc_finalize(self)) return;
    krGC_untrack(self);
    Buffered *b = BUF(self);
    KR_CLEAR(b->raw);
    krMem_free(b->rbuf);
    krMem_free(b->wbuf);
    krIO_clear_base(self);
    krObj_free(self);
}

static int buffered_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(BUF(self)->raw);
    return krIO_traverse_base(self, visit, arg);
}

static int buffered_clear(KrObject *self) {
    BUF(self)->ok = false;
    KR_CLEAR(BUF(self)->raw);
    krIO_clear_base(self);
    return 0;
}

static KrObject *buffered_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, (KrSsize)sizeof(Buffered) + BUF(self)->size * (BUF(self)->readable + BUF(self)->writable));
}

static const KrGetSetDef buffered_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"raw", get_raw, NULL, NULL, NULL},
    {NULL},
};

#define COMMON_METHODS                                                                      \
    {"flush", KR_CFUNC(buffered_flush), KR_METH_NOARGS, NULL},                              \
    {"close", KR_CFUNC(buffered_close), KR_METH_NOARGS, NULL},                              \
    {"detach", KR_CFUNC(buffered_detach), KR_METH_NOARGS, NULL},                            \
    {"seek", KR_CFUNC(buffered_seek), KR_METH_FAST, NULL},                                  \
    {"tell", KR_CFUNC(buffered_tell), KR_METH_NOARGS, NULL},                                \
    {"truncate", KR_CFUNC(buffered_truncate), KR_METH_FAST, NULL},                          \
    {"fileno", KR_CFUNC(buffered_fileno), KR_METH_NOARGS, NULL},                            \
    {"isatty", KR_CFUNC(buffered_isatty), KR_METH_NOARGS, NULL},                            \
    {"seekable", KR_CFUNC(buffered_seekable), KR_METH_NOARGS, NULL},                        \
    {"readable", KR_CFUNC(buffered_readable), KR_METH_NOARGS, NULL},                        \
    {"writable", KR_CFUNC(buffered_writable), KR_METH_NOARGS, NULL},                        \
    {"__sizeof__", KR_CFUNC(buffered_sizeof), KR_METH_NOARGS, NULL}

#define READ_METHODS                                                                        \
    {"read", KR_CFUNC(buffered_read), KR_METH_FAST, NULL},                                  \
    {"read1", KR_CFUNC(buffered_read1), KR_METH_FAST, NULL},                                \
    {"peek", KR_CFUNC(buffered_peek), KR_METH_FAST, NULL},                                  \
    {"readline", KR_CFUNC(buffered_readline), KR_METH_FAST, NULL},                          \
    {"readinto", KR_CFUNC(buffered_readinto), KR_METH_O, NULL},                             \
    {"readinto1", KR_CFUNC(buffered_readinto), KR_METH_O, NULL}

#define WRITE_METHODS {"write", KR_CFUNC(buffered_write), KR_METH_O, NULL}

static const KrMethodDef reader_methods[] = {COMMON_METHODS, READ_METHODS, {NULL}};
static const KrMethodDef writer_methods[] = {COMMON_METHODS, WRITE_METHODS, {NULL}};
static const KrMethodDef random_methods[] = {COMMON_METHODS, READ_METHODS, WRITE_METHODS, {NULL}};

#define BUFFERED_TYPE(var, name, init, methods, iternext)                                   \
    KrTypeObject var = {                                                                    \
        KR_STATIC_HEAD(&KrType_Type),                                                       \
        .tp_name = name,                                                                    \
        .tp_basicsize = sizeof(Buffered),                                                   \
        .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_HAS_FINALIZER,    \
        .tp_base = &KrBufferedIOBase_Type,                                                  \
        .tp_new = krIO_generic_new,                                                       \
        .tp_init = init,                                                                    \
        .tp_dealloc = buffered_dealloc,                                                     \
        .tp_traverse = buffered_traverse,                                                   \
        .tp_clear = buffered_clear,                                                         \
        .tp_finalize = krIO_finalize,                                                       \
        .tp_repr = buffered_repr,                                                           \
        .tp_iter = krIO_iter,                                                               \
        .tp_iternext = iternext,                                                            \
        .tp_getattro = krObj_generic_getattr,                                               \
        .tp_setattro = krObj_generic_setattr,                                               \
        .tp_dictoffset = offsetof(KrIOBaseObject, dict),                                    \
        .tp_methods = methods,                                                              \
        .tp_getset = buffered_getset,                                                       \
    }

BUFFERED_TYPE(KrBufferedReader_Type, "_io.BufferedReader", reader_init, reader_methods, buffered_iternext);
BUFFERED_TYPE(KrBufferedWriter_Type, "_io.BufferedWriter", writer_init, writer_methods, krIO_iternext);
BUFFERED_TYPE(KrBufferedRandom_Type, "_io.BufferedRandom", random_init, random_methods, buffered_iternext);
