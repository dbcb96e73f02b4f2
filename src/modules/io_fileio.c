/*
 * io_fileio.c — io.FileIO: unbuffered binary I/O on a file descriptor.
 *
 * The file name given to the constructor is kept as the instance attribute
 * `name` (in the __dict__, as in CPython, so it can be reassigned).  System
 * calls interrupted by a signal run the eval breaker and are retried.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/io.h"
#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/type.h"
#include "vm/eval.h"

typedef KrFileIOObject FileIO;

#define FIO(o) ((FileIO *)(o))

static KrObject *err_closed(KrThreadState *ts) {
    return krErr_format(ts, &KrExc_ValueError, "I/O operation on closed file");
}

static KrObject *err_mode(KrThreadState *ts, const char *action) {
    KrTypeObject *t = krIO_unsupported(ts);
    if (t) krErr_format(ts, t, "File not open for %s", action);
    return NULL;
}

KrSsize krFileIO_read_into(KrThreadState *ts, KrObject *raw, char *buf, KrSsize n) {
    for (;;) {
        ssize_t r = read(FIO(raw)->fd, buf, (size_t)n);
        if (r >= 0) return r;
        if (errno == EAGAIN) return -2;
        if (errno != EINTR) return krOS_error(ts, errno, NULL, NULL), -1;
        if (krEval_handle_breaker(ts) < 0) return -1;
    }
}

KrSsize krFileIO_write_from(KrThreadState *ts, KrObject *raw, const char *buf, KrSsize n) {
    for (;;) {
        ssize_t r = write(FIO(raw)->fd, buf, (size_t)n);
        if (r >= 0) return r;
        if (errno == EAGAIN) return -2;
        if (errno != EINTR) return krOS_error(ts, errno, NULL, NULL), -1;
        if (krEval_handle_breaker(ts) < 0) return -1;
    }
}

// ---------------------------------------------------------------------------
// Construction

static int parse_mode(KrThreadState *ts, FileIO *f, KrObject *modeobj, int *flags) {
    const char *mode = krStr_utf8(modeobj);
    bool rwa = false, plus = false;
    *flags = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x': case 'r': case 'w': case 'a':
            if (rwa) goto bad;
            rwa = true;
            if (*s == 'x') {
                f->created = f->writable = true;
                *flags |= O_EXCL | O_CREAT;
            } else if (*s == 'r') {
                f->readable = true;
            } else if (*s == 'w') {
                f->writable = true;
                *flags |= O_CREAT | O_TRUNC;
            } else {
                f->writable = f->appending = true;
                *flags |= O_APPEND | O_CREAT;
            }
            break;
        case 'b':
            break;
        case '+':
            if (plus) goto bad;
            f->readable = f->writable = true;
            plus = true;
            break;
        default:
            krErr_format(ts, &KrExc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa) goto bad;
    *flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags |= O_CLOEXEC;
    return 0;
bad:
    krErr_set_string(ts, &KrExc_ValueError,
                     "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

static int fileio_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"file", "mode", "closefd", "opener"};
    KrObject *a[4];
    FileIO *f = FIO(self);
    if (krArg_parse(ts, "FileIO", args, nargs, kwnames, names, 4, 0, 4, 1, a) < 0) return -1;
    if (f->fd >= 0) {
        if (f->closefd) close(f->fd);
        f->fd = -1;
    }
    KrObject *nameobj = a[0];
    KrObject *modeobj = a[1] ? a[1] : krStr_intern_cstr(ts, "r");
    if (!krStr_check(modeobj)) {
        krErr_format(ts, &KrExc_TypeError, "FileIO() argument 'mode' must be str, not %s", krArg_type_name(modeobj));
        return -1;
    }
    int closefd = 1;
    if (a[2] && (closefd = krObj_is_true(ts, a[2])) < 0) return -1;
    KrObject *opener = a[3] && a[3] != KR_NONE ? a[3] : NULL;
    f->created = f->readable = f->writable = f->appending = false;
    f->seekable = -1;
    f->blksize = 0;
    int flags;
    if (parse_mode(ts, f, modeobj, &flags) < 0) return -1;
    int fd = -1;
    if (krFloat_check(nameobj)) {
        krErr_set_string(ts, &KrExc_TypeError, "integer argument expected, got float");
        return -1;
    }
    if (krInt_check(nameobj)) {
        int64_t v;
        if (!krInt_to_i64(nameobj, &v) || v > INT32_MAX) {
            krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        if (v < 0) {
            krErr_set_string(ts, &KrExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    } else {
        if (!closefd) {
            krErr_set_string(ts, &KrExc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        KrPathArg p;
        if (krPath_arg(ts, &p, "FileIO", "file", nameobj, false, false) < 0) return -1;
        if (opener) {
            KrObject *r = krObj_call2(ts, opener, nameobj, kr_smallint(flags));
            krPath_release(&p);
            if (!r) return -1;
            if (!krInt_check(r)) {
                kr_decref(r);
                krErr_set_string(ts, &KrExc_TypeError, "expected integer from opener");
                return -1;
            }
            fd = (int)kr_smallint_value(r);
            kr_decref(r);
            if (fd < 0) {
                krErr_format(ts, &KrExc_ValueError, "opener returned %d", fd);
                return -1;
            }
        } else {
            for (;;) {
                fd = open(p.narrow, flags, 0666);
                if (fd >= 0 || errno != EINTR) break;
                if (krEval_handle_breaker(ts) < 0) {
                    krPath_release(&p);
                    return -1;
                }
            }
            if (fd < 0) {
                krOS_error(ts, errno, nameobj, NULL);
                krPath_release(&p);
                return -1;
            }
            krPath_release(&p);
        }
    }
    f->fd = fd;
    f->closefd = closefd;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        if (errno == EBADF) {
            krOS_error(ts, errno, NULL, NULL);
            goto fail;
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            krOS_error(ts, EISDIR, nameobj, NULL);
            goto fail;
        }
        f->blksize = st.st_blksize > 1 ? st.st_blksize : 0;
    }
    if (krObj_setattr_cstr(ts, self, "name", nameobj) < 0) goto fail;
    if (f->appending) lseek(fd, 0, SEEK_END);
    return 0;
fail:
    if (f->closefd && f->fd >= 0) close(f->fd);
    f->fd = -1;
    return -1;
}

static KrObject *fileio_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    KrObject *self = krType_generic_alloc(ts, type, 0);
    if (!self) return NULL;
    FIO(self)->fd = -1;
    FIO(self)->closefd = true;
    FIO(self)->seekable = -1;
    return self;
}

static void fileio_dealloc(KrObject *self) {
    if (!krIO_dealloc_finalize(self)) return;
    krGC_untrack(self);
    FileIO *f = FIO(self);
    if (f->fd >= 0 && f->closefd) close(f->fd);
    f->fd = -1;
    krIO_clear_base(self);
    krObj_free(self);
}

static int fileio_clear(KrObject *self) {
    krIO_clear_base(self);
    return 0;
}

// ---------------------------------------------------------------------------
// Methods

static KrObject *fileio_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);

static KrObject *fileio_readall(KrThreadState *ts, KrObject *self) {
    FileIO *f = FIO(self);
    if (f->fd < 0) return err_closed(ts);
    KrSsize cap = 8192, len = 0;
    struct stat st;
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos) cap = (KrSsize)(st.st_size - pos) + 1;
    }
    char *buf = krMem_malloc((size_t)cap);
    if (!buf) return krErr_no_memory(ts);
    for (;;) {
        if (len == cap) {
            KrSsize ncap = cap + cap / 2 + 8192;
            char *nb = krMem_realloc(buf, (size_t)ncap);
            if (!nb) {
                krMem_free(buf);
                return krErr_no_memory(ts);
            }
            buf = nb;
            cap = ncap;
        }
        KrSsize r = krFileIO_read_into(ts, self, buf + len, cap - len);
        if (r == -2) {
            if (len == 0) {
                krMem_free(buf);
                return kr_newref(KR_NONE);
            }
            break;
        }
        if (r < 0) {
            krMem_free(buf);
            return NULL;
        }
        if (r == 0) break;
        len += r;
    }
    KrObject *res = krBytes_from_data(ts, buf, len);
    krMem_free(buf);
    return res;
}

static KrObject *fileio_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    FileIO *f = FIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0) return NULL;
    if (f->fd < 0) return err_closed(ts);
    if (!f->readable) return err_mode(ts, "reading");
    if (n < 0) return fileio_readall(ts, self);
    KrObject *b = krBytes_from_data(ts, NULL, n);
    if (!b) return NULL;
    KrSsize r = krFileIO_read_into(ts, self, krBytes_data(b), n);
    if (r < 0) {
        kr_decref(b);
        return r == -2 ? kr_newref(KR_NONE) : NULL;
    }
    if (r == n) return b;
    KrObject *s = krBytes_from_data(ts, krBytes_data(b), r);
    kr_decref(b);
    return s;
}

static KrObject *fileio_readinto(KrThreadState *ts, KrObject *self, KrObject *buf) {
    FileIO *f = FIO(self);
    if (f->fd < 0) return err_closed(ts);
    if (!f->readable) return err_mode(ts, "reading");
    if (!krByteArray_check(buf))
        return krErr_format(ts, &KrExc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                            krType_name(KR_TYPE(buf)));
    KrSsize r = krFileIO_read_into(ts, self, ((KrByteArrayObject *)buf)->data, KR_SIZE(buf));
    if (r < 0) return r == -2 ? kr_newref(KR_NONE) : NULL;
    return krInt_from_ssize(ts, r);
}

static KrObject *fileio_write(KrThreadState *ts, KrObject *self, KrObject *b) {
    FileIO *f = FIO(self);
    if (f->fd < 0) return err_closed(ts);
    if (!f->writable) return err_mode(ts, "writing");
    const char *data;
    KrSsize size;
    if (krBytes_as_buffer(ts, b, &data, &size) < 0) return NULL;
    KrSsize r = krFileIO_write_from(ts, self, data, size);
    if (r < 0) return r == -2 ? kr_newref(KR_NONE) : NULL;
    return krInt_from_ssize(ts, r);
}

static KrObject *fileio_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    FileIO *f = FIO(self);
    if (krArg_check_positional(ts, "seek", nargs, 1, 2) < 0) return NULL;
    if (f->fd < 0) return err_closed(ts);
    if (krFloat_check(args[0])) return krErr_format(ts, &KrExc_TypeError, "an integer is required");
    KrObject *posobj = krNum_index(ts, args[0]);
    if (!posobj) return NULL;
    int64_t pos;
    bool ok = krInt_to_i64(posobj, &pos);
    kr_decref(posobj);
    if (!ok) return krErr_format(ts, &KrExc_OverflowError, "Python int too large to convert to C long");
    int whence = 0;
    if (nargs == 2) {
        KrSsize w = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (w == -1 && krErr_occurred(ts)) return NULL;
        whence = (int)w;
    }
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    f->seekable = 1;
    return krInt_from_i64(ts, r);
}

static KrObject *fileio_tell(KrThreadState *ts, KrObject *self) {
    FileIO *f = FIO(self);
    if (f->fd < 0) return err_closed(ts);
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    return krInt_from_i64(ts, r);
}

static KrObject *fileio_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    FileIO *f = FIO(self);
    if (krArg_check_positional(ts, "truncate", nargs, 0, 1) < 0) return NULL;
    if (f->fd < 0) return err_closed(ts);
    if (!f->writable) return err_mode(ts, "writing");
    int64_t size;
    if (nargs == 0 || args[0] == KR_NONE) {
        size = lseek(f->fd, 0, SEEK_CUR);
        if (size < 0) return krOS_error(ts, errno, NULL, NULL);
    } else {
        KrObject *i = krNum_index(ts, args[0]);
        if (!i) return NULL;
        bool ok = krInt_to_i64(i, &size);
        kr_decref(i);
        if (!ok) return krErr_format(ts, &KrExc_OverflowError, "Python int too large to convert to C long");
    }
    if (ftruncate(f->fd, (off_t)size) < 0) return krOS_error(ts, errno, NULL, NULL);
    return krInt_from_i64(ts, size);
}

static KrObject *fileio_close(KrThreadState *ts, KrObject *self) {
    FileIO *f = FIO(self);
    // IOBase.close flushes (nothing to flush here) and marks the base closed.
    f->base.iobase_closed = true;
    if (f->fd < 0) return kr_newref(KR_NONE);
    int fd = f->fd;
    f->fd = -1;
    if (f->closefd && close(fd) < 0 && errno != EINTR) return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *fileio_fileno(KrThreadState *ts, KrObject *self) {
    if (FIO(self)->fd < 0) return err_closed(ts);
    return kr_smallint(FIO(self)->fd);
}

static KrObject *fileio_isatty(KrThreadState *ts, KrObject *self) {
    if (FIO(self)->fd < 0) return err_closed(ts);
    return kr_bool(isatty(FIO(self)->fd));
}

static KrObject *fileio_readable(KrThreadState *ts, KrObject *self) {
    if (FIO(self)->fd < 0) return err_closed(ts);
    return kr_bool(FIO(self)->readable);
}

static KrObject *fileio_writable(KrThreadState *ts, KrObject *self) {
    if (FIO(self)->fd < 0) return err_closed(ts);
    return kr_bool(FIO(self)->writable);
}

static KrObject *fileio_seekable(KrThreadState *ts, KrObject *self) {
    FileIO *f = FIO(self);
    if (f->fd < 0) return err_closed(ts);
    if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return kr_bool(f->seekable);
}

static const char *mode_string(FileIO *f) {
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

static KrObject *fileio_repr(KrThreadState *ts, KrObject *self) {
    FileIO *f = FIO(self);
    const char *tname = KR_TYPE(self)->tp_name, *prefix = "";
    if (f->fd < 0) return krStr_from_format(ts, "<%s%s [closed]>", prefix, tname);
    KrObject *name;
    if (krObj_lookup_attr(ts, self, krStr_intern_cstr(ts, "name"), &name) < 0) return NULL;
    KrObject *r;
    if (name) {
        r = krStr_from_format(ts, "<%s%s name=%R mode='%s' closefd=%s>", prefix, tname, name, mode_string(f),
                              f->closefd ? "True" : "False");
        kr_decref(name);
    } else {
        r = krStr_from_format(ts, "<%s%s fd=%d mode='%s' closefd=%s>", prefix, tname, f->fd, mode_string(f),
                              f->closefd ? "True" : "False");
    }
    return r;
}

static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) { return kr_bool(FIO(self)->fd < 0); }
static KrObject *get_closefd(KrThreadState *ts, KrObject *self, void *c) { return kr_bool(FIO(self)->closefd); }
static KrObject *get_mode(KrThreadState *ts, KrObject *self, void *c) {
    return krStr_from_cstr(ts, mode_string(FIO(self)));
}
static KrObject *get_blksize(KrThreadState *ts, KrObject *self, void *c) {
    return kr_smallint(FIO(self)->blksize);
}

static const KrGetSetDef fileio_getset[] = {
    {"closed", get_closed, NULL, "True if the file is closed", NULL},
    {"closefd", get_closefd, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", get_mode, NULL, "String giving the file mode", NULL},
    {"_blksize", get_blksize, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef fileio_methods[] = {
    {"read", KR_CFUNC(fileio_read), KR_METH_FAST, "Read at most size bytes, returned as bytes."},
    {"readall", KR_CFUNC(fileio_readall), KR_METH_NOARGS, "Read all data from the file, returned as bytes."},
    {"readinto", KR_CFUNC(fileio_readinto), KR_METH_O, "Same as RawIOBase.readinto()."},
    {"write", KR_CFUNC(fileio_write), KR_METH_O, "Write buffer b to file, return number of bytes written."},
    {"seek", KR_CFUNC(fileio_seek), KR_METH_FAST, "Move to new file position and return the file position."},
    {"tell", KR_CFUNC(fileio_tell), KR_METH_NOARGS, "Current file position."},
    {"truncate", KR_CFUNC(fileio_truncate), KR_METH_FAST, "Truncate the file to at most size bytes."},
    {"close", KR_CFUNC(fileio_close), KR_METH_NOARGS, "Close the file."},
    {"fileno", KR_CFUNC(fileio_fileno), KR_METH_NOARGS, "Return the underlying file descriptor (an integer)."},
    {"isatty", KR_CFUNC(fileio_isatty), KR_METH_NOARGS, "True if the file is connected to a TTY device."},
    {"readable", KR_CFUNC(fileio_readable), KR_METH_NOARGS, "True if file was opened in a read mode."},
    {"writable", KR_CFUNC(fileio_writable), KR_METH_NOARGS, "True if file was opened in a write mode."},
    {"seekable", KR_CFUNC(fileio_seekable), KR_METH_NOARGS, "True if file supports random-access."},
    {NULL},
};

KrTypeObject KrFileIO_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(FileIO),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_HAS_FINALIZER,
    .tp_base = &KrRawIOBase_Type,
    .tp_new = fileio_new,
    .tp_init = fileio_init,
    .tp_dealloc = fileio_dealloc,
    .tp_traverse = krIO_traverse_base,
    .tp_clear = fileio_clear,
    .tp_finalize = krIO_finalize,
    .tp_repr = fileio_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(KrIOBaseObject, dict),
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
};
