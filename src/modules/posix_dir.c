/*
 * posix_dir.c — directory listing for the posix module: listdir(), and
 * scandir() with its iterator and DirEntry objects.
 *
 * A DirEntry keeps the d_type the kernel reported, so is_dir()/is_file()/
 * is_symlink() usually need no system call; stat() results are cached per
 * entry (one for follow_symlinks=True, one for False), as CPython does.
 * The iterator closes its DIR when exhausted, on close() / __exit__, and in
 * dealloc.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// Opens the directory of a converted path (or fd).  NULL with OSError.
static DIR *open_dir(KrThreadState *ts, KrPathArg *p) {
    DIR *d;
    if (p->fd >= 0) {
        int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
        if (fd < 0) return krOS_error(ts, errno, NULL, NULL), NULL;
        d = fdopendir(fd);
        if (!d) {
            int e = errno;
            close(fd);
            return krOS_error(ts, e, p->object, NULL), NULL;
        }
        rewinddir(d);
        return d;
    }
    d = opendir(p->narrow ? p->narrow : ".");
    if (!d) krOS_error(ts, errno, p->narrow ? p->object : krStr_intern_cstr(ts, "."), NULL);
    return d;
}

static bool is_dot(const char *name) {
    return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

KrObject *krPosix_listdir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    KrPathArg p;
    if (krArg_parse(ts, "listdir", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0 ||
        krPath_arg(ts, &p, "listdir", "path", a[0] ? a[0] : KR_NONE, true, true) < 0)
        return NULL;
    DIR *d = open_dir(ts, &p);
    KrObject *list = d ? krList_new(ts, 0) : NULL;
    if (!list) goto done;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno) {
                krOS_error(ts, errno, p.object, NULL);
                KR_CLEAR(list);
            }
            break;
        }
        if (is_dot(e->d_name)) continue;
        KrObject *name = krOS_decode_name(ts, e->d_name, (KrSsize)strlen(e->d_name), p.is_bytes);
        if (!name || krList_append(ts, list, name) < 0) {
            kr_xdecref(name);
            KR_CLEAR(list);
            break;
        }
        kr_decref(name);
    }
done:
    if (d) closedir(d);
    krPath_release(&p);
    return list;
}

// ---------------------------------------------------------------------------
// DirEntry

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *name;                // strong str or bytes
    KrObject *path;                // strong str or bytes: the directory joined with name
    KrObject *stat;                // strong cached stat result (following links) or NULL
    KrObject *lstat;               // strong cached lstat result or NULL
    unsigned char d_type;          // DT_* from readdir
    ino_t ino;
} DirEntry;

KrTypeObject KrDirEntry_Type;

static KrObject *entry_do_stat(KrThreadState *ts, DirEntry *e, bool follow) {
    KrObject **slot = follow ? &e->stat : &e->lstat;
    if (*slot) return kr_newref(*slot);
    if (follow && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) return entry_do_stat(ts, e, false);
    KrPathArg p;
    if (krPath_arg(ts, &p, "stat", "path", e->path, false, false) < 0) return NULL;
    struct stat st;
    int r = follow ? stat(p.narrow, &st) : lstat(p.narrow, &st);
    KrObject *res = r < 0 ? krOS_error(ts, errno, e->path, NULL) : krOS_stat_result(ts, &st);
    krPath_release(&p);
    if (res) *slot = kr_newref(res);
    if (res && !follow && e->d_type != DT_LNK && !e->stat) e->stat = kr_newref(res);
    return res;
}

static int follow_arg(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs,
                      KrObject *kwnames, bool *follow) {
    static const char *const names[] = {"follow_symlinks"};
    KrObject *a[1];
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 1, 0, 0, 0, a) < 0) return -1;
    *follow = true;
    if (a[0]) {
        int t = krObj_is_true(ts, a[0]);
        if (t < 0) return -1;
        *follow = t;
    }
    return 0;
}

static KrObject *entry_stat(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    bool follow;
    if (follow_arg(ts, "stat", args, nargs, kwnames, &follow) < 0) return NULL;
    return entry_do_stat(ts, (DirEntry *)self, follow);
}

// Is the entry of file type `dt` / stat mode `mode`?  1, 0, -1.
static int entry_test(KrThreadState *ts, DirEntry *e, bool follow, unsigned char dt, mode_t mode) {
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) return e->d_type == dt;
    KrObject *st = entry_do_stat(ts, e, follow);
    if (!st) {
        // A missing target (broken link, removed file) is just "not that kind".
        if (krErr_matches(ts, &KrExc_FileNotFoundError)) {
            krErr_clear(ts);
            return 0;
        }
        return -1;
    }
    KrObject *m = KR_TUPLE_GET(st, 0);
    int r = kr_is_smallint(m) && ((mode_t)kr_smallint_value(m) & S_IFMT) == mode;
    kr_decref(st);
    return r;
}

static KrObject *entry_is_dir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    bool follow;
    if (follow_arg(ts, "is_dir", args, nargs, kwnames, &follow) < 0) return NULL;
    int r = entry_test(ts, (DirEntry *)self, follow, DT_DIR, S_IFDIR);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *entry_is_file(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    bool follow;
    if (follow_arg(ts, "is_file", args, nargs, kwnames, &follow) < 0) return NULL;
    int r = entry_test(ts, (DirEntry *)self, follow, DT_REG, S_IFREG);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *entry_is_symlink(KrThreadState *ts, KrObject *self) {
    int r = entry_test(ts, (DirEntry *)self, false, DT_LNK, S_IFLNK);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *entry_inode(KrThreadState *ts, KrObject *self) {
    return krInt_from_u64(ts, ((DirEntry *)self)->ino);
}

static KrObject *entry_fspath(KrThreadState *ts, KrObject *self) { return kr_newref(((DirEntry *)self)->path); }

static KrObject *entry_repr(KrThreadState *ts, KrObject *self) {
    return krStr_from_format(ts, "<DirEntry %R>", ((DirEntry *)self)->name);
}

static KrObject *entry_class_getitem(KrThreadState *ts, KrObject *cls, KrObject *arg) { return kr_newref(cls); }

static void entry_dealloc(KrObject *self) {
    DirEntry *e = (DirEntry *)self;
    krGC_untrack(self);
    KR_CLEAR(e->name);
    KR_CLEAR(e->path);
    KR_CLEAR(e->stat);
    KR_CLEAR(e->lstat);
    krObj_free(self);
}

static int entry_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    DirEntry *e = (DirEntry *)self;
    KR_VISIT(e->stat);
    KR_VISIT(e->lstat);
    return 0;
}

static const KrMethodDef entry_methods[] = {
    {"stat", KR_CFUNC(entry_stat), KR_METH_FASTKW, "Return stat_result object for the entry; cached per entry."},
    {"is_dir", KR_CFUNC(entry_is_dir), KR_METH_FASTKW, "Return True if the entry is a directory; cached per entry."},
    {"is_file", KR_CFUNC(entry_is_file), KR_METH_FASTKW, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", KR_CFUNC(entry_is_symlink), KR_METH_NOARGS, "Return True if the entry is a symbolic link; cached per entry."},
    {"inode", KR_CFUNC(entry_inode), KR_METH_NOARGS, "Return inode of the entry; cached per entry."},
    {"__fspath__", KR_CFUNC(entry_fspath), KR_METH_NOARGS, "Returns the path for the entry."},
    {"__class_getitem__", KR_CFUNC(entry_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL},
};

static const KrMemberDef entry_members[] = {
    {"name", KR_MEMBER_OBJECT, offsetof(DirEntry, name), KR_MEMBER_READONLY, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", KR_MEMBER_OBJECT, offsetof(DirEntry, path), KR_MEMBER_READONLY, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {NULL},
};

KrTypeObject KrDirEntry_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = entry_dealloc,
    .tp_traverse = entry_traverse,
    .tp_repr = entry_repr,
    .tp_methods = entry_methods,
    .tp_members = entry_members,
};

// ---------------------------------------------------------------------------
// The scandir iterator

typedef struct {
    KR_OBJECT_HEAD;
    DIR *dir;                      // NULL once closed
    KrPathArg path;
    KrObject *prefix;              // strong str/bytes: the path with a trailing '/', or NULL for "."/fd
} ScandirIter;

KrTypeObject KrScandirIter_Type;

static void iter_close(ScandirIter *it) {
    if (it->dir) {
        closedir(it->dir);
        it->dir = NULL;
    }
}

static KrObject *make_entry(KrThreadState *ts, ScandirIter *it, struct dirent *de) {
    DirEntry *e = (DirEntry *)krObj_alloc(ts, &KrDirEntry_Type, 0);
    if (!e) return NULL;
    e->d_type = de->d_type;
    e->ino = de->d_ino;
    KrSsize n = (KrSsize)strlen(de->d_name);
    e->name = krOS_decode_name(ts, de->d_name, n, it->path.is_bytes);
    if (!e->name) goto fail;
    if (it->prefix) {
        e->path = it->path.is_bytes ? krNum_add(ts, it->prefix, e->name) : krStr_concat(ts, it->prefix, e->name);
        if (!e->path) goto fail;
    } else {
        e->path = kr_newref(e->name);
    }
    krGC_track((KrObject *)e);
    return (KrObject *)e;
fail:
    kr_decref((KrObject *)e);
    return NULL;
}

static KrObject *iter_next(KrThreadState *ts, KrObject *self) {
    ScandirIter *it = (ScandirIter *)self;
    while (it->dir) {
        errno = 0;
        struct dirent *de = readdir(it->dir);
        if (!de) {
            int err = errno;
            iter_close(it);
            if (err) krOS_error(ts, err, it->path.object, NULL);
            return NULL;
        }
        if (!is_dot(de->d_name)) return make_entry(ts, it, de);
    }
    return NULL;
}

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static KrObject *iter_close_method(KrThreadState *ts, KrObject *self) {
    iter_close((ScandirIter *)self);
    return kr_newref(KR_NONE);
}

static KrObject *iter_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    iter_close((ScandirIter *)self);
    return kr_newref(KR_NONE);
}

static void iter_dealloc(KrObject *self) {
    ScandirIter *it = (ScandirIter *)self;
    iter_close(it);
    krPath_release(&it->path);
    KR_CLEAR(it->prefix);
    krObj_free(self);
}

static const KrMethodDef iter_methods[] = {
    {"close", KR_CFUNC(iter_close_method), KR_METH_NOARGS, NULL},
    {"__enter__", KR_CFUNC(iter_self), KR_METH_NOARGS, NULL},
    {"__exit__", KR_CFUNC(iter_exit), KR_METH_FAST, NULL},
    {NULL},
};

KrTypeObject KrScandirIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIter),
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = iter_next,
    .tp_methods = iter_methods,
};

// The directory as given, with a '/' appended unless it already ends in one.
static KrObject *make_prefix(KrThreadState *ts, KrObject *path, bool is_bytes) {
    KrObject *fs = krOS_fspath(ts, path);
    if (!fs) return NULL;
    const char *data = is_bytes ? krBytes_data(fs) : krStr_utf8(fs);
    KrSsize n = is_bytes ? krBytes_size(fs) : krStr_size(fs);
    if (n > 0 && data[n - 1] == '/') return fs;
    KrObject *r = is_bytes ? krBytes_from_data(ts, NULL, n + 1) : NULL;
    if (is_bytes) {
        if (r) {
            memcpy(krBytes_data(r), data, (size_t)n);
            krBytes_data(r)[n] = '/';
        }
    } else {
        r = krStr_concat(ts, fs, krStr_ascii_char('/'));
    }
    kr_decref(fs);
    return r;
}

KrObject *krPosix_scandir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    static const char *const names[] = {"path"};
    KrObject *a[1];
    if (krArg_parse(ts, "scandir", args, nargs, kwnames, names, 1, 0, 1, 0, a) < 0) return NULL;
    ScandirIter *it = (ScandirIter *)krObj_alloc(ts, &KrScandirIter_Type, 0);
    if (!it) return NULL;
    if (krPath_arg(ts, &it->path, "scandir", "path", a[0] ? a[0] : KR_NONE, true, true) < 0) {
        it->path.object = it->path.keep = NULL;
        kr_decref((KrObject *)it);
        return NULL;
    }
    if (it->path.narrow && !(it->prefix = make_prefix(ts, it->path.object, it->path.is_bytes))) goto fail;
    if (!(it->dir = open_dir(ts, &it->path))) goto fail;
    return (KrObject *)it;
fail:
    kr_decref((KrObject *)it);
    return NULL;
}

int krMod_posix_dir_exec(KrThreadState *ts, KrObject *m) {
    return krModule_add_object(ts, m, "DirEntry", (KrObject *)&KrDirEntry_Type);
}
