/*
 * posixmodule.c — the posix module (what lib/os.py builds os on): path
 * arguments, stat results, files and directories, file descriptors, process
 * facts, the environment as bytes.  Directory listing (listdir, scandir,
 * DirEntry) is in posix_dir.c.
 *
 * Path arguments follow CPython: str, bytes or os.PathLike (and an int fd
 * where the function allows one); str names are encoded as UTF-8 with
 * surrogateescape, names coming back from the OS are decoded the same way,
 * and a bytes argument gives bytes results.  Errors are OSError subclasses
 * chosen by errno, carrying the filename(s) as given.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

extern char **environ;

// Struct sequence types made when the module is executed (one interpreter).
static KrObject *stat_result_type, *terminal_size_type, *times_result_type, *uname_result_type, *statvfs_result_type;

// ---------------------------------------------------------------------------
// Paths and errors

KrObject *krOS_error(KrThreadState *ts, int err, KrObject *filename, KrObject *filename2) {
    if (err == ENOMEM) return krErr_no_memory(ts);
    KrObject *args[5];
    args[0] = kr_smallint(err);
    args[1] = krStr_from_cstr(ts, strerror(err));
    if (!args[1]) return NULL;
    args[2] = filename ? filename : KR_NONE;
    args[3] = kr_smallint(0);
    args[4] = filename2;
    KrSsize n = filename2 ? 5 : filename ? 3 : 2;
    KrObject *exc = krObj_vectorcall(ts, (KrObject *)&KrExc_OSError, args, n, NULL);
    kr_decref(args[1]);
    if (exc) krErr_set_exc(ts, exc);
    return NULL;
}

KrObject *krOS_fspath(KrThreadState *ts, KrObject *o) {
    if (krStr_check(o) || krBytes_check(o)) return kr_newref(o);
    int found;
    KrObject *r = krObj_call_special(ts, o, KR_ID(__fspath__), NULL, 0, &found);
    if (!found)
        return krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                            krType_name(KR_TYPE(o)));
    if (!r) return NULL;
    if (!krStr_check(r) && !krBytes_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                     krType_name(KR_TYPE(o)), krType_name(KR_TYPE(r)));
        kr_decref(r);
        return NULL;
    }
    return r;
}

KrObject *krOS_decode_name(KrThreadState *ts, const char *s, KrSsize n, bool as_bytes) {
    if (as_bytes) return krBytes_from_data(ts, s, n);
    return krStr_decode_utf8(ts, s, n, "surrogateescape");
}

static KrObject *path_type_error(KrThreadState *ts, KrPathArg *p, KrObject *o) {
    const char *allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                          : p->allow_fd              ? "string, bytes, os.PathLike or integer"
                          : p->nullable              ? "string, bytes, os.PathLike or None"
                                                     : "string, bytes or os.PathLike";
    return krErr_format(ts, &KrExc_TypeError, "%s: %s should be %s, not %s", p->func, p->argname, allowed,
                        krType_name(KR_TYPE(o)));
}

int krPath_convert(KrThreadState *ts, KrObject *o, KrPathArg *p) {
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = false;
    p->keep = NULL;
    p->object = kr_newref(o);
    if (o == KR_NONE && p->nullable) return 0;
    if (p->allow_fd && krInt_check(o) && !krStr_check(o)) {
        int64_t v;
        if (!krInt_to_i64(o, &v) || v > INT32_MAX) {
            krErr_set_string(ts, &KrExc_OverflowError, "fd is greater than maximum");
            return -1;
        }
        if (v < INT32_MIN) {
            krErr_set_string(ts, &KrExc_OverflowError, "fd is less than minimum");
            return -1;
        }
        p->fd = (int)v;
        return 0;
    }
    KrObject *path;
    if (krStr_check(o) || krBytes_check(o)) {
        path = kr_newref(o);
    } else {
        int found;
        path = krObj_call_special(ts, o, KR_ID(__fspath__), NULL, 0, &found);
        if (!found) return path_type_error(ts, p, o), -1;
        if (!path) return -1;
        if (!krStr_check(path) && !krBytes_check(path)) {
            krErr_format(ts, &KrExc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                         krType_name(KR_TYPE(o)), krType_name(KR_TYPE(path)));
            kr_decref(path);
            return -1;
        }
    }
    const char *data;
    KrSsize size;
    if (krBytes_check(path)) {
        p->is_bytes = true;
        p->keep = path;
        data = krBytes_data(path);
        size = krBytes_size(path);
    } else if (krStr_is_ascii(path)) {
        p->keep = path;
        data = krStr_utf8(path);
        size = krStr_size(path);
    } else {
        p->keep = krStr_encode(ts, path, "utf-8", "surrogateescape");
        kr_decref(path);
        if (!p->keep) return -1;
        data = krBytes_data(p->keep);
        size = krBytes_size(p->keep);
    }
    if ((KrSsize)strlen(data) != size) {
        krErr_set_string(ts, &KrExc_ValueError, "embedded null byte");
        return -1;
    }
    p->narrow = data;
    return 0;
}

void krPath_release(KrPathArg *p) {
    KR_CLEAR(p->object);
    KR_CLEAR(p->keep);
}

// Parses one path argument `o` for `func`.  0 or -1 (then released).
int krPath_arg(KrThreadState *ts, KrPathArg *p, const char *func, const char *argname, KrObject *o,
                    bool allow_fd, bool nullable) {
    p->func = func;
    p->argname = argname;
    p->allow_fd = allow_fd;
    p->nullable = nullable;
    if (krPath_convert(ts, o, p) < 0) {
        krPath_release(p);
        return -1;
    }
    return 0;
}

static KrObject *path_error(KrThreadState *ts, KrPathArg *p) { return krOS_error(ts, errno, p->object, NULL); }

// An int argument that must fit a C int ("fd", "mode", "flags").
static int int_arg(KrThreadState *ts, KrObject *o, int *out) {
    if (krFloat_check(o)) {
        krErr_format(ts, &KrExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KrObject *i = krNum_index(ts, o);
    if (!i) return -1;
    int64_t v;
    bool ok = krInt_to_i64(i, &v);
    kr_decref(i);
    if (!ok || v > INT32_MAX || v < INT32_MIN) {
        krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int i64_arg(KrThreadState *ts, KrObject *o, int64_t *out) {
    KrObject *i = krNum_index(ts, o);
    if (!i) return -1;
    bool ok = krInt_to_i64(i, out);
    kr_decref(i);
    if (!ok) {
        krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

// dir_fd must be None here (no *at() variants beyond the plain calls).
static int no_dir_fd(KrThreadState *ts, const char *func, KrObject *dir_fd) {
    if (!dir_fd || dir_fd == KR_NONE) return 0;
    krErr_format(ts, &KrExc_NotImplementedError, "%s: dir_fd unavailable on this platform", func);
    return -1;
}

// ---------------------------------------------------------------------------
// stat

static KrObject *ns_time(KrThreadState *ts, const struct timespec *t) {
    return krInt_from_i64(ts, (int64_t)t->tv_sec * 1000000000 + t->tv_nsec);
}

static KrObject *make_stat_result(KrThreadState *ts, const struct stat *st) {
    KrObject *v[19];
    v[0] = krInt_from_i64(ts, st->st_mode);
    v[1] = krInt_from_u64(ts, st->st_ino);
    v[2] = krInt_from_u64(ts, st->st_dev);
    v[3] = krInt_from_u64(ts, st->st_nlink);
    v[4] = krInt_from_i64(ts, st->st_uid);
    v[5] = krInt_from_i64(ts, st->st_gid);
    v[6] = krInt_from_i64(ts, st->st_size);
    v[7] = krInt_from_i64(ts, st->st_atim.tv_sec);
    v[8] = krInt_from_i64(ts, st->st_mtim.tv_sec);
    v[9] = krInt_from_i64(ts, st->st_ctim.tv_sec);
    v[10] = krFloat_new(ts, (double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9);
    v[11] = krFloat_new(ts, (double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9);
    v[12] = krFloat_new(ts, (double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9);
    v[13] = ns_time(ts, &st->st_atim);
    v[14] = ns_time(ts, &st->st_mtim);
    v[15] = ns_time(ts, &st->st_ctim);
    v[16] = krInt_from_i64(ts, st->st_blksize);
    v[17] = krInt_from_i64(ts, st->st_blocks);
    v[18] = krInt_from_u64(ts, st->st_rdev);
    bool ok = true;
    for (int i = 0; i < 19; i++) ok = ok && v[i];
    if (!ok) {
        for (int i = 0; i < 19; i++) kr_xdecref(v[i]);
        return NULL;
    }
    return krStructSeq_new(ts, stat_result_type, v);
}

KrObject *krOS_stat_result(KrThreadState *ts, const struct stat *st) { return make_stat_result(ts, st); }

static KrObject *do_stat(KrThreadState *ts, const char *func, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames, bool follow_default) {
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks"};
    KrObject *a[3];
    if (krArg_parse(ts, func, args, nargs, kwnames, names, 3, 0, 1, 1, a) < 0) return NULL;
    if (no_dir_fd(ts, func, a[1]) < 0) return NULL;
    bool follow = follow_default;
    if (a[2]) {
        int t = krObj_is_true(ts, a[2]);
        if (t < 0) return NULL;
        follow = t;
    }
    KrPathArg p;
    if (krPath_arg(ts, &p, func, "path", a[0], true, false) < 0) return NULL;
    struct stat st;
    int r = p.fd >= 0 ? fstat(p.fd, &st) : follow ? stat(p.narrow, &st) : lstat(p.narrow, &st);
    KrObject *res = r < 0 ? path_error(ts, &p) : make_stat_result(ts, &st);
    krPath_release(&p);
    return res;
}

static KrObject *posix_stat(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    return do_stat(ts, "stat", args, nargs, kwnames, true);
}

static KrObject *posix_lstat(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    return do_stat(ts, "lstat", args, nargs, kwnames, false);
}

static KrObject *posix_fstat(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"fd"};
    KrObject *a[1];
    int fd;
    if (krArg_parse(ts, "fstat", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 || int_arg(ts, a[0], &fd) < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return krOS_error(ts, errno, NULL, NULL);
    return make_stat_result(ts, &st);
}

static KrObject *posix_statvfs(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    KrPathArg p;
    if (krArg_parse(ts, "statvfs", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 ||
        krPath_arg(ts, &p, "statvfs", "path", a[0], true, false) < 0)
        return NULL;
    struct statvfs st;
    int r = p.fd >= 0 ? fstatvfs(p.fd, &st) : statvfs(p.narrow, &st);
    if (r < 0) {
        path_error(ts, &p);
        krPath_release(&p);
        return NULL;
    }
    krPath_release(&p);
    uint64_t f[11] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files,
                      st.f_ffree, st.f_favail, st.f_flag, st.f_namemax, st.f_fsid};
    KrObject *v[11];
    for (int i = 0; i < 11; i++) {
        v[i] = krInt_from_u64(ts, f[i]);
        if (!v[i]) {
            for (int j = 0; j < i; j++) kr_decref(v[j]);
            return NULL;
        }
    }
    return krStructSeq_new(ts, statvfs_result_type, v);
}

// ---------------------------------------------------------------------------
// Files and directories by name

static KrObject *posix_getcwd(KrThreadState *ts, KrObject *self) {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return krOS_error(ts, errno, NULL, NULL);
    return krOS_decode_name(ts, buf, (KrSsize)strlen(buf), false);
}

static KrObject *posix_getcwdb(KrThreadState *ts, KrObject *self) {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return krOS_error(ts, errno, NULL, NULL);
    return krBytes_from_data(ts, buf, (KrSsize)strlen(buf));
}

static KrObject *posix_chdir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    KrPathArg p;
    if (krArg_parse(ts, "chdir", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 ||
        krPath_arg(ts, &p, "chdir", "path", a[0], true, false) < 0)
        return NULL;
    int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.narrow);
    KrObject *res = r < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

static KrObject *posix_mkdir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"path", "mode", "dir_fd"};
    KrObject *a[3];
    int mode = 0777;
    KrPathArg p;
    if (krArg_parse(ts, "mkdir", args, nargs, kwnames, names, 3, 0, 2, 1, a) < 0 ||
        (a[1] && int_arg(ts, a[1], &mode) < 0) || no_dir_fd(ts, "mkdir", a[2]) < 0 ||
        krPath_arg(ts, &p, "mkdir", "path", a[0], false, false) < 0)
        return NULL;
    KrObject *res = mkdir(p.narrow, (mode_t)mode) < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

// Functions of one path with a dir_fd keyword: rmdir, remove, unlink.
static KrObject *one_path_call(KrThreadState *ts, const char *func, int (*op)(const char *), KrObject *const *args,
                               KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"path", "dir_fd"};
    KrObject *a[2];
    KrPathArg p;
    if (krArg_parse(ts, func, args, nargs, kwnames, names, 2, 0, 1, 1, a) < 0 || no_dir_fd(ts, func, a[1]) < 0 ||
        krPath_arg(ts, &p, func, "path", a[0], false, false) < 0)
        return NULL;
    KrObject *res = op(p.narrow) < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

static KrObject *posix_rmdir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    return one_path_call(ts, "rmdir", rmdir, args, nargs, kwnames);
}
static KrObject *posix_remove(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return one_path_call(ts, "remove", unlink, args, nargs, kwnames);
}
static KrObject *posix_unlink(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return one_path_call(ts, "unlink", unlink, args, nargs, kwnames);
}

// Two-path functions: rename, replace, link, symlink.
static KrObject *two_path_call(KrThreadState *ts, const char *func, int (*op)(const char *, const char *),
                               KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    KrObject *a[4];
    if (krArg_parse(ts, func, args, nargs, kwnames, names, 4, 0, 2, 2, a) < 0 || no_dir_fd(ts, func, a[2]) < 0 ||
        no_dir_fd(ts, func, a[3]) < 0)
        return NULL;
    KrPathArg src, dst;
    if (krPath_arg(ts, &src, func, "src", a[0], false, false) < 0) return NULL;
    if (krPath_arg(ts, &dst, func, "dst", a[1], false, false) < 0) {
        krPath_release(&src);
        return NULL;
    }
    KrObject *res = NULL;
    if (op(src.narrow, dst.narrow) < 0)
        krOS_error(ts, errno, src.object, dst.object);
    else
        res = kr_newref(KR_NONE);
    krPath_release(&src);
    krPath_release(&dst);
    return res;
}

static KrObject *posix_rename(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return two_path_call(ts, "rename", rename, args, nargs, kwnames);
}
static KrObject *posix_replace(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    return two_path_call(ts, "replace", rename, args, nargs, kwnames);
}
static KrObject *posix_link(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    return two_path_call(ts, "link", link, args, nargs, kwnames);
}

static KrObject *posix_symlink(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"src", "dst", "target_is_directory", "dir_fd"};
    KrObject *a[4];
    if (krArg_parse(ts, "symlink", args, nargs, kwnames, names, 4, 0, 3, 2, a) < 0 ||
        no_dir_fd(ts, "symlink", a[3]) < 0)
        return NULL;
    KrPathArg src, dst;
    if (krPath_arg(ts, &src, "symlink", "src", a[0], false, false) < 0) return NULL;
    if (krPath_arg(ts, &dst, "symlink", "dst", a[1], false, false) < 0) {
        krPath_release(&src);
        return NULL;
    }
    KrObject *res = NULL;
    if (symlink(src.narrow, dst.narrow) < 0)
        krOS_error(ts, errno, src.object, dst.object);
    else
        res = kr_newref(KR_NONE);
    krPath_release(&src);
    krPath_release(&dst);
    return res;
}

static KrObject *posix_readlink(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"path", "dir_fd"};
    KrObject *a[2];
    KrPathArg p;
    if (krArg_parse(ts, "readlink", args, nargs, kwnames, names, 2, 0, 1, 1, a) < 0 ||
        no_dir_fd(ts, "readlink", a[1]) < 0 || krPath_arg(ts, &p, "readlink", "path", a[0], false, false) < 0)
        return NULL;
    char buf[4096];
    ssize_t n = readlink(p.narrow, buf, sizeof buf);
    KrObject *res = n < 0 ? path_error(ts, &p) : krOS_decode_name(ts, buf, n, p.is_bytes);
    krPath_release(&p);
    return res;
}

static KrObject *posix_access(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"};
    KrObject *a[5];
    int mode;
    KrPathArg p;
    if (krArg_parse(ts, "access", args, nargs, kwnames, names, 5, 0, 2, 2, a) < 0 || int_arg(ts, a[1], &mode) < 0 ||
        no_dir_fd(ts, "access", a[2]) < 0 || krPath_arg(ts, &p, "access", "path", a[0], false, false) < 0)
        return NULL;
    int r = access(p.narrow, mode);
    krPath_release(&p);
    return kr_bool(r == 0);
}

static KrObject *posix_chmod(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    KrObject *a[4];
    int mode;
    KrPathArg p;
    if (krArg_parse(ts, "chmod", args, nargs, kwnames, names, 4, 0, 2, 2, a) < 0 || int_arg(ts, a[1], &mode) < 0 ||
        no_dir_fd(ts, "chmod", a[2]) < 0 || krPath_arg(ts, &p, "chmod", "path", a[0], true, false) < 0)
        return NULL;
    int r = p.fd >= 0 ? fchmod(p.fd, (mode_t)mode) : chmod(p.narrow, (mode_t)mode);
    KrObject *res = r < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

// One utime time (int or float seconds) as a timespec.
static int seconds_to_timespec(KrThreadState *ts, KrObject *o, struct timespec *t) {
    if (krFloat_check(o)) {
        double d = krFloat_value(o), s = floor(d);
        t->tv_sec = (time_t)s;
        t->tv_nsec = (long)((d - s) * 1e9);
        return 0;
    }
    int64_t v;
    if (!krInt_check(o)) {
        krErr_format(ts, &KrExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        return -1;
    }
    if (i64_arg(ts, o, &v) < 0) return -1;
    t->tv_sec = (time_t)v;
    t->tv_nsec = 0;
    return 0;
}

static int ns_to_timespec(KrThreadState *ts, KrObject *o, struct timespec *t) {
    int64_t v;
    if (i64_arg(ts, o, &v) < 0) return -1;
    t->tv_sec = (time_t)(v / 1000000000);
    t->tv_nsec = (long)(v % 1000000000);
    if (t->tv_nsec < 0) {
        t->tv_nsec += 1000000000;
        t->tv_sec--;
    }
    return 0;
}

static KrObject *posix_utime(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    KrObject *a[5];
    if (krArg_parse(ts, "utime", args, nargs, kwnames, names, 5, 0, 2, 1, a) < 0 || no_dir_fd(ts, "utime", a[3]) < 0)
        return NULL;
    struct timespec tv[2];
    struct timespec *tp = NULL;
    KrObject *times = a[1] && a[1] != KR_NONE ? a[1] : NULL;
    if (times && a[2])
        return krErr_format(ts, &KrExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (times) {
        if (!krTuple_check(times) || KR_TUPLE_SIZE(times) != 2)
            return krErr_format(ts, &KrExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        if (seconds_to_timespec(ts, KR_TUPLE_GET(times, 0), &tv[0]) < 0 ||
            seconds_to_timespec(ts, KR_TUPLE_GET(times, 1), &tv[1]) < 0)
            return NULL;
        tp = tv;
    } else if (a[2]) {
        if (!krTuple_check(a[2]) || KR_TUPLE_SIZE(a[2]) != 2)
            return krErr_format(ts, &KrExc_TypeError, "utime: 'ns' must be a tuple of two ints");
        if (ns_to_timespec(ts, KR_TUPLE_GET(a[2], 0), &tv[0]) < 0 ||
            ns_to_timespec(ts, KR_TUPLE_GET(a[2], 1), &tv[1]) < 0)
            return NULL;
        tp = tv;
    }
    bool follow = true;
    if (a[4]) {
        int t = krObj_is_true(ts, a[4]);
        if (t < 0) return NULL;
        follow = t;
    }
    KrPathArg p;
    if (krPath_arg(ts, &p, "utime", "path", a[0], true, false) < 0) return NULL;
    int r = p.fd >= 0 ? futimens(p.fd, tp) : utimensat(AT_FDCWD, p.narrow, tp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    KrObject *res = r < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

static KrObject *posix_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"path", "length"};
    KrObject *a[2];
    int64_t len;
    KrPathArg p;
    if (krArg_parse(ts, "truncate", args, nargs, kwnames, names, 2, 0, 2, 2, a) < 0 || i64_arg(ts, a[1], &len) < 0 ||
        krPath_arg(ts, &p, "truncate", "path", a[0], true, false) < 0)
        return NULL;
    int r = p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.narrow, (off_t)len);
    KrObject *res = r < 0 ? path_error(ts, &p) : kr_newref(KR_NONE);
    krPath_release(&p);
    return res;
}

static KrObject *posix_fspath(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    if (krArg_parse(ts, "fspath", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    return krOS_fspath(ts, a[0]);
}

// ---------------------------------------------------------------------------
// File descriptors

static KrObject *posix_open(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"path", "flags", "mode", "dir_fd"};
    KrObject *a[4];
    int flags, mode = 0777;
    KrPathArg p;
    if (krArg_parse(ts, "open", args, nargs, kwnames, names, 4, 0, 3, 2, a) < 0 || int_arg(ts, a[1], &flags) < 0 ||
        (a[2] && int_arg(ts, a[2], &mode) < 0) || no_dir_fd(ts, "open", a[3]) < 0 ||
        krPath_arg(ts, &p, "open", "path", a[0], false, false) < 0)
        return NULL;
    int fd;
    for (;;) {
        fd = open(p.narrow, flags | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EINTR) break;
        if (krEval_handle_breaker(ts) < 0) {
            krPath_release(&p);
            return NULL;
        }
    }
    KrObject *res = fd < 0 ? path_error(ts, &p) : kr_smallint(fd);
    krPath_release(&p);
    return res;
}

static KrObject *posix_close(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"fd"};
    KrObject *a[1];
    int fd;
    if (krArg_parse(ts, "close", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 || int_arg(ts, a[0], &fd) < 0)
        return NULL;
    if (close(fd) < 0 && errno != EINTR) return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *posix_closerange(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int lo, hi;
    if (krArg_check_positional(ts, "closerange", nargs, 2, 2) < 0 || int_arg(ts, args[0], &lo) < 0 ||
        int_arg(ts, args[1], &hi) < 0)
        return NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) close(fd);
    return kr_newref(KR_NONE);
}

static KrObject *posix_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd;
    if (krArg_check_positional(ts, "read", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0) return NULL;
    KrSsize n = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    if (n < 0) return krOS_error(ts, EINVAL, NULL, NULL);
    KrObject *b = krBytes_from_data(ts, NULL, n);
    if (!b) return NULL;
    ssize_t r;
    for (;;) {
        r = read(fd, krBytes_data(b), (size_t)n);
        if (r >= 0 || errno != EINTR) break;
        if (krEval_handle_breaker(ts) < 0) {
            kr_decref(b);
            return NULL;
        }
    }
    if (r < 0) {
        kr_decref(b);
        return krOS_error(ts, errno, NULL, NULL);
    }
    if (r == n) return b;
    KrObject *s = krBytes_from_data(ts, krBytes_data(b), r);
    kr_decref(b);
    return s;
}

static KrObject *posix_write(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd;
    const char *data;
    KrSsize size;
    if (krArg_check_positional(ts, "write", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        krBytes_as_buffer(ts, args[1], &data, &size) < 0)
        return NULL;
    ssize_t r;
    for (;;) {
        r = write(fd, data, (size_t)size);
        if (r >= 0 || errno != EINTR) break;
        if (krEval_handle_breaker(ts) < 0) return NULL;
    }
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    return krInt_from_ssize(ts, r);
}

static KrObject *posix_lseek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd, how;
    int64_t pos;
    if (krArg_check_positional(ts, "lseek", nargs, 3, 3) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        i64_arg(ts, args[1], &pos) < 0 || int_arg(ts, args[2], &how) < 0)
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    return krInt_from_i64(ts, r);
}

static KrObject *posix_pipe(KrThreadState *ts, KrObject *self) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return krOS_error(ts, errno, NULL, NULL);
    return krTuple_pack(ts, 2, kr_smallint(fds[0]), kr_smallint(fds[1]));
}

static KrObject *posix_dup(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int fd;
    if (int_arg(ts, arg, &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_smallint(r);
}

static KrObject *posix_dup2(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"fd", "fd2", "inheritable"};
    KrObject *a[3];
    int fd, fd2;
    if (krArg_parse(ts, "dup2", args, nargs, kwnames, names, 3, 0, 3, 2, a) < 0 || int_arg(ts, a[0], &fd) < 0 ||
        int_arg(ts, a[1], &fd2) < 0)
        return NULL;
    int inheritable = 1;
    if (a[2] && (inheritable = krObj_is_true(ts, a[2])) < 0) return NULL;
    int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_smallint(r);
}

static KrObject *posix_fsync(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int fd;
    int found;
    if (!krInt_check(arg)) {
        KrObject *f = krObj_call_special(ts, arg, KR_ID(fileno), NULL, 0, &found);
        if (!found) return krErr_format(ts, &KrExc_TypeError, "argument must be an int, or have a fileno() method.");
        if (!f) return NULL;
        int r = int_arg(ts, f, &fd);
        kr_decref(f);
        if (r < 0) return NULL;
    } else if (int_arg(ts, arg, &fd) < 0) {
        return NULL;
    }
    if (fsync(fd) < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *posix_ftruncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd;
    int64_t len;
    if (krArg_check_positional(ts, "ftruncate", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        i64_arg(ts, args[1], &len) < 0)
        return NULL;
    if (ftruncate(fd, (off_t)len) < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *posix_isatty(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int fd;
    if (int_arg(ts, arg, &fd) < 0) return NULL;
    return kr_bool(isatty(fd));
}

static KrObject *posix_get_inheritable(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int fd;
    if (int_arg(ts, arg, &fd) < 0) return NULL;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_bool(!(flags & FD_CLOEXEC));
}

static KrObject *posix_set_inheritable(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd, inh;
    if (krArg_check_positional(ts, "set_inheritable", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        int_arg(ts, args[1], &inh) < 0)
        return NULL;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || fcntl(fd, F_SETFD, inh ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) < 0)
        return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *posix_get_blocking(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int fd;
    if (int_arg(ts, arg, &fd) < 0) return NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_bool(!(flags & O_NONBLOCK));
}

static KrObject *posix_set_blocking(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd, blocking;
    if (krArg_check_positional(ts, "set_blocking", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        int_arg(ts, args[1], &blocking) < 0)
        return NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK) < 0)
        return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static KrObject *posix_device_encoding(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                       KrObject *kwnames) {
    static const char *const names[] = {"fd"};
    KrObject *a[1];
    int fd;
    if (krArg_parse(ts, "device_encoding", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 ||
        int_arg(ts, a[0], &fd) < 0)
        return NULL;
    return isatty(fd) ? krStr_intern_cstr(ts, "UTF-8") : kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// Process and system facts

static KrObject *posix_getpid(KrThreadState *ts, KrObject *self) { return kr_smallint(getpid()); }
static KrObject *posix_getppid(KrThreadState *ts, KrObject *self) { return kr_smallint(getppid()); }
static KrObject *posix_getuid(KrThreadState *ts, KrObject *self) { return kr_smallint(getuid()); }
static KrObject *posix_geteuid(KrThreadState *ts, KrObject *self) { return kr_smallint(geteuid()); }
static KrObject *posix_getgid(KrThreadState *ts, KrObject *self) { return kr_smallint(getgid()); }
static KrObject *posix_getegid(KrThreadState *ts, KrObject *self) { return kr_smallint(getegid()); }
static KrObject *posix_getpgrp(KrThreadState *ts, KrObject *self) { return kr_smallint(getpgrp()); }

static KrObject *posix_getlogin(KrThreadState *ts, KrObject *self) {
    const char *name = getlogin();
    if (!name) return krOS_error(ts, errno ? errno : ENOTTY, NULL, NULL);
    return krOS_decode_name(ts, name, (KrSsize)strlen(name), false);
}

static KrObject *posix_urandom(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrSsize n = krNum_as_ssize(ts, arg, &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    if (n < 0) return krErr_format(ts, &KrExc_ValueError, "negative argument not allowed");
    KrObject *b = krBytes_from_data(ts, NULL, n);
    if (!b) return NULL;
    char *p = krBytes_data(b);
    KrSsize done = 0;
    while (done < n) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR) {
                if (krEval_handle_breaker(ts) < 0) break;
                continue;
            }
            krOS_error(ts, errno, NULL, NULL);
            break;
        }
        done += r;
    }
    if (done < n) {
        kr_decref(b);
        return NULL;
    }
    return b;
}

static KrObject *posix_cpu_count(KrThreadState *ts, KrObject *self) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? kr_newref(KR_NONE) : kr_smallint(n);
}

static KrObject *posix_kill(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int pid, sig;
    if (krArg_check_positional(ts, "kill", nargs, 2, 2) < 0 || int_arg(ts, args[0], &pid) < 0 ||
        int_arg(ts, args[1], &sig) < 0)
        return NULL;
    if (kill(pid, sig) < 0) return krOS_error(ts, errno, NULL, NULL);
    // A signal sent to ourselves is handled before returning, as in CPython.
    if (ts->interp->eval_breaker && krEval_handle_breaker(ts) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *posix_times(KrThreadState *ts, KrObject *self) {
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return krOS_error(ts, errno, NULL, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    KrObject *v[5] = {krFloat_new(ts, t.tms_utime / tick), krFloat_new(ts, t.tms_stime / tick),
                      krFloat_new(ts, t.tms_cutime / tick), krFloat_new(ts, t.tms_cstime / tick),
                      krFloat_new(ts, c / tick)};
    for (int i = 0; i < 5; i++)
        if (!v[i]) {
            for (int j = 0; j < 5; j++) kr_xdecref(v[j]);
            return NULL;
        }
    return krStructSeq_new(ts, times_result_type, v);
}

static KrObject *posix_uname(KrThreadState *ts, KrObject *self) {
    struct utsname u;
    if (uname(&u) < 0) return krOS_error(ts, errno, NULL, NULL);
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    KrObject *v[5];
    for (int i = 0; i < 5; i++) {
        v[i] = krOS_decode_name(ts, f[i], (KrSsize)strlen(f[i]), false);
        if (!v[i]) {
            for (int j = 0; j < i; j++) kr_decref(v[j]);
            return NULL;
        }
    }
    return krStructSeq_new(ts, uname_result_type, v);
}

static KrObject *posix_strerror(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int code;
    if (int_arg(ts, arg, &code) < 0) return NULL;
    return krStr_from_cstr(ts, strerror(code));
}

static KrObject *posix_umask(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int mask;
    if (int_arg(ts, arg, &mask) < 0) return NULL;
    return kr_smallint(umask((mode_t)mask));
}

static KrObject *posix_system(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"command"};
    KrObject *a[1];
    KrPathArg p;
    if (krArg_parse(ts, "system", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    if (!krStr_check(a[0]) && !krBytes_check(a[0]))
        return krErr_format(ts, &KrExc_TypeError, "system() argument 'command' must be str, not %s",
                            krArg_type_name(a[0]));
    if (krPath_arg(ts, &p, "system", "command", a[0], false, false) < 0) return NULL;
    // Output written by Python code so far must come before the command's.
    fflush(NULL);
    int r = system(p.narrow);
    krPath_release(&p);
    return kr_smallint(r);
}

static KrObject *posix_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"status"};
    KrObject *a[1];
    int status;
    if (krArg_parse(ts, "_exit", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 || int_arg(ts, a[0], &status) < 0)
        return NULL;
    _exit(status);
}

static KrObject *posix_get_terminal_size(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int fd = 1;
    if (krArg_check_positional(ts, "get_terminal_size", nargs, 0, 1) < 0 || (nargs && int_arg(ts, args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return krOS_error(ts, errno, NULL, NULL);
    KrObject *v[2] = {kr_smallint(w.ws_col), kr_smallint(w.ws_row)};
    return krStructSeq_new(ts, terminal_size_type, v);
}

static KrObject *posix_waitstatus_to_exitcode(KrThreadState *ts, KrObject *self, KrObject *const *args,
                                              KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"status"};
    KrObject *a[1];
    int status;
    if (krArg_parse(ts, "waitstatus_to_exitcode", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0 ||
        int_arg(ts, a[0], &status) < 0)
        return NULL;
    if (WIFEXITED(status)) return kr_smallint(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return kr_smallint(-WTERMSIG(status));
    return krErr_format(ts, &KrExc_ValueError, "invalid wait status: %d", status);
}

// ---------------------------------------------------------------------------
// Environment (bytes; os.environ decodes)

static KrObject *posix_putenv(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "putenv", nargs, 2, 2) < 0) return NULL;
    KrPathArg k, v;
    if (krPath_arg(ts, &k, "putenv", "name", args[0], false, false) < 0) return NULL;
    if (krPath_arg(ts, &v, "putenv", "value", args[1], false, false) < 0) {
        krPath_release(&k);
        return NULL;
    }
    KrObject *res = NULL;
    if (k.narrow[0] == 0 || strchr(k.narrow, '='))
        krErr_set_string(ts, &KrExc_ValueError, "illegal environment variable name");
    else if (setenv(k.narrow, v.narrow, 1) < 0)
        krOS_error(ts, errno, NULL, NULL);
    else
        res = kr_newref(KR_NONE);
    krPath_release(&k);
    krPath_release(&v);
    return res;
}

static KrObject *posix_unsetenv(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrPathArg k;
    if (krPath_arg(ts, &k, "unsetenv", "name", arg, false, false) < 0) return NULL;
    KrObject *res = NULL;
    if (k.narrow[0] == 0 || strchr(k.narrow, '='))
        krErr_set_string(ts, &KrExc_ValueError, "illegal environment variable name");
    else if (unsetenv(k.narrow) < 0)
        krOS_error(ts, errno, NULL, NULL);
    else
        res = kr_newref(KR_NONE);
    krPath_release(&k);
    return res;
}

// posix.environ: a dict of bytes to bytes, as the process started with it.
static KrObject *make_environ(KrThreadState *ts) {
    KrObject *d = krDict_new(ts);
    if (!d) return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        KrObject *k = krBytes_from_data(ts, *e, eq - *e);
        KrObject *v = k ? krBytes_from_data(ts, eq + 1, (KrSsize)strlen(eq + 1)) : NULL;
        int r = -1;
        if (v) {
            r = krDict_contains(ts, d, k);
            if (r == 0) r = krDict_set(ts, d, k, v);
        }
        kr_xdecref(k);
        kr_xdecref(v);
        if (r < 0) {
            kr_decref(d);
            return NULL;
        }
    }
    return d;
}

// ---------------------------------------------------------------------------
// The module


#define FASTKW(name, doc) {#name, KR_CFUNC(posix_##name), KR_METH_FASTKW, doc}
static const KrMethodDef posix_methods[] = {
    {"listdir", KR_CFUNC(krPosix_listdir), KR_METH_FASTKW, "Return a list containing the names of the files in the directory."},
    {"scandir", KR_CFUNC(krPosix_scandir), KR_METH_FASTKW, "Return an iterator of DirEntry objects for given path."},
    FASTKW(stat, "Perform a stat system call on the given path."),
    FASTKW(lstat, "Perform a stat system call on the given path, without following symbolic links."),
    FASTKW(fstat, "Perform a stat system call on the given file descriptor."),
    FASTKW(statvfs, "Perform a statvfs system call on the given path."),
    {"getcwd", KR_CFUNC(posix_getcwd), KR_METH_NOARGS, "Return a unicode string representing the current working directory."},
    {"getcwdb", KR_CFUNC(posix_getcwdb), KR_METH_NOARGS, "Return a bytes string representing the current working directory."},
    FASTKW(chdir, "Change the current working directory to the specified path."),
    FASTKW(mkdir, "Create a directory."),
    FASTKW(rmdir, "Remove a directory."),
    FASTKW(remove, "Remove a file (same as unlink())."),
    FASTKW(unlink, "Remove a file (same as remove())."),
    FASTKW(rename, "Rename a file or directory."),
    FASTKW(replace, "Rename a file or directory, overwriting the destination."),
    FASTKW(link, "Create a hard link to a file."),
    FASTKW(symlink, "Create a symbolic link pointing to src named dst."),
    FASTKW(readlink, "Return a string representing the path to which the symbolic link points."),
    FASTKW(access, "Use the real uid/gid to test for access to a path."),
    FASTKW(chmod, "Change the access permissions of a file."),
    FASTKW(utime, "Set the access and modified time of path."),
    FASTKW(truncate, "Truncate a file, specified by path, to a specific length."),
    FASTKW(fspath, "Return the file system path representation of the object."),
    FASTKW(open, "Open a file for low level IO.  Returns a file descriptor (integer)."),
    FASTKW(close, "Close a file descriptor."),
    {"closerange", KR_CFUNC(posix_closerange), KR_METH_FAST, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", KR_CFUNC(posix_read), KR_METH_FAST, "Read from a file descriptor.  Returns a bytes object."},
    {"write", KR_CFUNC(posix_write), KR_METH_FAST, "Write a bytes object to a file descriptor."},
    {"lseek", KR_CFUNC(posix_lseek), KR_METH_FAST, "Set the position of a file descriptor.  Return the new position."},
    {"pipe", KR_CFUNC(posix_pipe), KR_METH_NOARGS, "Create a pipe."},
    {"dup", KR_CFUNC(posix_dup), KR_METH_O, "Return a duplicate of a file descriptor."},
    FASTKW(dup2, "Duplicate file descriptor."),
    {"fsync", KR_CFUNC(posix_fsync), KR_METH_O, "Force write of fd to disk."},
    {"ftruncate", KR_CFUNC(posix_ftruncate), KR_METH_FAST, "Truncate a file, specified by file descriptor, to a specific length."},
    {"isatty", KR_CFUNC(posix_isatty), KR_METH_O, "Return True if the fd is connected to a terminal."},
    {"get_inheritable", KR_CFUNC(posix_get_inheritable), KR_METH_O, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", KR_CFUNC(posix_set_inheritable), KR_METH_FAST, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", KR_CFUNC(posix_get_blocking), KR_METH_O, "Get the blocking mode of the file descriptor."},
    {"set_blocking", KR_CFUNC(posix_set_blocking), KR_METH_FAST, "Set the blocking mode of the specified file descriptor."},
    FASTKW(device_encoding, "Return a string describing the encoding of a terminal's file descriptor."),
    {"getpid", KR_CFUNC(posix_getpid), KR_METH_NOARGS, "Return the current process id."},
    {"getppid", KR_CFUNC(posix_getppid), KR_METH_NOARGS, "Return the parent's process id."},
    {"getuid", KR_CFUNC(posix_getuid), KR_METH_NOARGS, "Return the current process's user id."},
    {"geteuid", KR_CFUNC(posix_geteuid), KR_METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", KR_CFUNC(posix_getgid), KR_METH_NOARGS, "Return the current process's group id."},
    {"getegid", KR_CFUNC(posix_getegid), KR_METH_NOARGS, "Return the current process's effective group id."},
    {"getpgrp", KR_CFUNC(posix_getpgrp), KR_METH_NOARGS, "Return the current process group id."},
    {"getlogin", KR_CFUNC(posix_getlogin), KR_METH_NOARGS, "Return the actual login name."},
    {"urandom", KR_CFUNC(posix_urandom), KR_METH_O, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", KR_CFUNC(posix_cpu_count), KR_METH_NOARGS, "Return the number of CPUs in the system; return None if indeterminable."},
    {"kill", KR_CFUNC(posix_kill), KR_METH_FAST, "Kill a process with a signal."},
    {"times", KR_CFUNC(posix_times), KR_METH_NOARGS, "Return a collection containing process timing information."},
    {"uname", KR_CFUNC(posix_uname), KR_METH_NOARGS, "Return an object identifying the current operating system."},
    {"strerror", KR_CFUNC(posix_strerror), KR_METH_O, "Translate an error code to a message string."},
    {"umask", KR_CFUNC(posix_umask), KR_METH_O, "Set the current numeric umask and return the previous umask."},
    FASTKW(system, "Execute the command in a subshell."),
    {"_exit", KR_CFUNC(posix_exit), KR_METH_FASTKW, "Exit to the system with specified status, without normal exit processing."},
    {"get_terminal_size", KR_CFUNC(posix_get_terminal_size), KR_METH_FAST, "Return the size of the terminal window as (columns, lines)."},
    FASTKW(waitstatus_to_exitcode, "Convert a wait status to an exit code."),
    {"putenv", KR_CFUNC(posix_putenv), KR_METH_FAST, "Change or add an environment variable."},
    {"unsetenv", KR_CFUNC(posix_unsetenv), KR_METH_O, "Delete an environment variable."},
    {NULL},
};

static int add_int_constants(KrThreadState *ts, KrObject *m) {
    static const struct { const char *name; int64_t value; } consts[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
        {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY},
        {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
        {"O_ACCMODE", O_ACCMODE}, {"O_TMPFILE", O_TMPFILE}, {"O_NOATIME", O_NOATIME}, {"O_PATH", O_PATH},
        {"O_ASYNC", O_ASYNC}, {"O_LARGEFILE", O_LARGEFILE}, {"O_DIRECT", O_DIRECT},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
        {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_NOUSER", 67},
        {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70}, {"EX_OSERR", 71}, {"EX_OSFILE", 72},
        {"EX_CANTCREAT", 73}, {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77},
        {"EX_CONFIG", 78},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
        {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (krModule_add_int(ts, m, consts[i].name, consts[i].value) < 0) return -1;
    return 0;
}

static KrObject *new_structseq_type(KrThreadState *ts, KrObject *m, const KrStructSeqDesc *desc) {
    KrObject *t = krStructSeq_new_type(ts, desc);
    if (!t) return NULL;
    if (krModule_add_object(ts, m, desc->name, t) < 0) {
        kr_decref(t);
        return NULL;
    }
    return t;
}

static int add_types(KrThreadState *ts, KrObject *m) {
    static const char *const stat_fields[] = {
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime",
        "st_ctime", "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
        "st_blksize", "st_blocks", "st_rdev", NULL};
    static const KrStructSeqDesc stat_desc = {"os", "stat_result", stat_fields, .n_in_sequence = 10};
    static const char *const ts_fields[] = {"columns", "lines", NULL};
    static const KrStructSeqDesc ts_desc = {"os", "terminal_size", ts_fields,};
    static const char *const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed",
                                               NULL};
    static const KrStructSeqDesc times_desc = {"posix", "times_result", times_fields,};
    static const char *const uname_fields[] = {"sysname", "nodename", "release", "version", "machine", NULL};
    static const KrStructSeqDesc uname_desc = {"posix", "uname_result", uname_fields,};
    static const char *const vfs_fields[] = {"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                                             "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid", NULL};
    static const KrStructSeqDesc vfs_desc = {"os", "statvfs_result", vfs_fields, .n_in_sequence = 10};
    KR_CLEAR(statvfs_result_type);
    if (!(statvfs_result_type = new_structseq_type(ts, m, &vfs_desc))) return -1;
    KR_CLEAR(stat_result_type);
    KR_CLEAR(terminal_size_type);
    KR_CLEAR(times_result_type);
    KR_CLEAR(uname_result_type);
    if (!(stat_result_type = new_structseq_type(ts, m, &stat_desc)) ||
        !(terminal_size_type = new_structseq_type(ts, m, &ts_desc)) ||
        !(times_result_type = new_structseq_type(ts, m, &times_desc)) ||
        !(uname_result_type = new_structseq_type(ts, m, &uname_desc)))
        return -1;
    return 0;
}

static int posix_exec(KrThreadState *ts, KrObject *m) {
    if (add_int_constants(ts, m) < 0 || add_types(ts, m) < 0 || krMod_posix_dir_exec(ts, m) < 0) return -1;
    return krModule_add_object_steal(ts, m, "environ", make_environ(ts));
}

const KrModuleDef kr_posix_module_def = {
    "posix",
    "This module provides access to operating system functionality that is\nstandardized by the C Standard and "
    "the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix "
    "manual entries for more information on calls.",
    posix_methods,
    posix_exec,
};
