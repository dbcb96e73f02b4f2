/*
 * import_finders.c — the finders of importlib.machinery: BuiltinImporter,
 * FrozenImporter and WindowsRegistryFinder (meta path finders with class
 * methods only), PathFinder (sys.path, sys.path_hooks and
 * sys.path_importer_cache), and FileFinder, which finds modules and packages
 * in one directory.
 *
 * FileFinder caches the directory's listing and refreshes it when the
 * directory's modification time changes (or after invalidate_caches()), as
 * CPython's does; a lookup then costs a stat of the directory and set
 * lookups, plus a stat of the file found.
 *
 * The import statement calls the C functions here directly when it meets
 * these classes on sys.meta_path and FileFinders in sys.path_importer_cache;
 * subclasses and user finders go through their Python-visible methods.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import_internal.h"

const KrBuiltinModule *krImport_find_builtin(KrObject *name) {
    if (!krStr_check(name)) return NULL;
    for (const KrBuiltinModule *b = kr_builtin_modules; b->name; b++)
        if (krStr_eq_cstr(name, b->name)) return b;
    return NULL;
}

// ---------------------------------------------------------------------------
// BuiltinImporter

static KrObject *builtin_origin(KrThreadState *ts) { return krStr_intern_cstr(ts, "built-in"); }

KrObject *krBuiltinImporter_find_spec(KrThreadState *ts, KrObject *fullname) {
    if (!krImport_find_builtin(fullname)) return kr_newref(KR_NONE);
    return krSpec_new(ts, fullname, (KrObject *)&KrBuiltinImporter_Type, builtin_origin(ts), NULL, false);
}

static KrObject *bi_find_spec(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path", "target"};
    KrObject *a[3];
    if (krArg_parse(ts, "find_spec", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    if (!krImport_find_builtin(a[0])) return kr_newref(KR_NONE);
    if (cls == (KrObject *)&KrBuiltinImporter_Type) return krBuiltinImporter_find_spec(ts, a[0]);
    return krSpec_from_loader(ts, a[0], cls, builtin_origin(ts), NULL);
}

static KrObject *bi_find_module(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path"};
    KrObject *a[2];
    if (krArg_parse(ts, "find_module", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    if (!krImport_find_builtin(a[0])) return kr_newref(KR_NONE);
    return kr_newref(cls);
}

static KrObject *not_builtin(KrThreadState *ts, KrObject *name) {
    return krImport_errorf(ts, &KrExc_ImportError, name, NULL, "%R is not a built-in module", name);
}

static KrObject *bi_create_module(KrThreadState *ts, KrObject *unused, KrObject *spec) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
    if (!name) return NULL;
    const KrBuiltinModule *b = krImport_find_builtin(name);
    KrObject *m;
    if (!b) m = not_builtin(ts, name);
    else if (strcmp(b->name, "sys") == 0) m = kr_newref(ts->interp->sys_module);
    else if (strcmp(b->name, "builtins") == 0) m = kr_newref(ts->interp->builtins_module);
    else if (!b->def) m = not_builtin(ts, name);
    else m = krModule_from_def(ts, b->def);
    kr_decref(name);
    return m;
}

// Built-in modules are complete once created.
static KrObject *bi_exec_module(KrThreadState *ts, KrObject *unused, KrObject *module) {
    return kr_newref(KR_NONE);
}

static KrObject *bi_returns_none(KrThreadState *ts, KrObject *cls, KrObject *fullname) {
    if (!krImport_find_builtin(fullname)) return not_builtin(ts, fullname);
    return kr_newref(KR_NONE);
}

static KrObject *bi_is_package(KrThreadState *ts, KrObject *cls, KrObject *fullname) {
    if (!krImport_find_builtin(fullname)) return not_builtin(ts, fullname);
    return kr_newref(KR_FALSE);
}

static KrObject *bi_module_repr(KrThreadState *ts, KrObject *unused, KrObject *module) {
    KrObject *name = krObj_getattr(ts, module, KR_ID(__name__));
    if (!name) return NULL;
    KrObject *r = krStr_from_format(ts, "<module %R (built-in)>", name);
    kr_decref(name);
    return r;
}

// load_module(fullname), the deprecated loader API (_load_module_shim).
static KrObject *load_module_shim(KrThreadState *ts, KrObject *loader, KrObject *fullname) {
    KrObject *spec = krSpec_from_loader(ts, fullname, loader, NULL, NULL);
    if (!spec) return NULL;
    KrObject *m = krDict_get(ts, ts->interp->modules, fullname);
    KrObject *res;
    if (m) {
        kr_incref(m);
        res = krImport_exec_spec(ts, spec, m);
        kr_decref(m);
        kr_xdecref(res);
        res = res ? krDict_get(ts, ts->interp->modules, fullname) : NULL;
        if (res) kr_incref(res);
        else if (!krErr_occurred(ts)) krErr_set_key_error(ts, fullname);
    } else {
        res = krErr_occurred(ts) ? NULL : krImport_load_spec(ts, spec);
    }
    kr_decref(spec);
    return res;
}

static KrObject *bi_load_module(KrThreadState *ts, KrObject *cls, KrObject *fullname) {
    return load_module_shim(ts, cls, fullname);
}

static const KrMethodDef builtin_importer_methods[] = {
    {"find_spec", KR_CFUNC(bi_find_spec), KR_METH_FASTKW | KR_METH_CLASS, NULL},
    {"find_module", KR_CFUNC(bi_find_module), KR_METH_FASTKW | KR_METH_CLASS,
     "Find the built-in module.\n\nIf 'path' is ever specified then the search is considered a failure.\n\nThis "
     "method is deprecated.  Use find_spec() instead."},
    {"create_module", KR_CFUNC(bi_create_module), KR_METH_O | KR_METH_STATIC, "Create a built-in module"},
    {"exec_module", KR_CFUNC(bi_exec_module), KR_METH_O | KR_METH_STATIC, "Exec a built-in module"},
    {"get_code", KR_CFUNC(bi_returns_none), KR_METH_O | KR_METH_CLASS,
     "Return None as built-in modules do not have code objects."},
    {"get_source", KR_CFUNC(bi_returns_none), KR_METH_O | KR_METH_CLASS,
     "Return None as built-in modules do not have source code."},
    {"is_package", KR_CFUNC(bi_is_package), KR_METH_O | KR_METH_CLASS,
     "Return False as built-in modules are never packages."},
    {"module_repr", KR_CFUNC(bi_module_repr), KR_METH_O | KR_METH_STATIC, "Return repr for the module."},
    {"load_module", KR_CFUNC(bi_load_module), KR_METH_O | KR_METH_CLASS, "Load the specified module into sys.modules and return it."},
    {NULL},
};

KrTypeObject KrBuiltinImporter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib.BuiltinImporter",
    .tp_basicsize = sizeof(KrImpInstance),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Meta path import for built-in modules.\n\n    All methods are either class or static methods to "
              "avoid the need to\n    instantiate the class.\n\n    ",
    .tp_new = krImp_inst_new,
    .tp_dealloc = krImp_inst_dealloc,
    .tp_traverse = krImp_inst_traverse,
    .tp_clear = krImp_inst_clear,
    .tp_methods = builtin_importer_methods,
    .tp_getset = krImp_inst_getset,
    .tp_dictoffset = offsetof(KrImpInstance, dict),
};    

// ---------------------------------------------------------------------------
// FrozenImporter and WindowsRegistryFinder: Krait has no frozen modules and
// no registry, so they never find anything.

static KrObject *none_find(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path", "target"};
    KrObject *a[3];
    if (krArg_parse(ts, "find_spec", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *not_frozen(KrThreadState *ts, KrObject *cls, KrObject *fullname) {
    return krImport_errorf(ts, &KrExc_ImportError, fullname, NULL, "%R is not a frozen module", fullname);
}

static KrObject *frozen_create_module(KrThreadState *ts, KrObject *unused, KrObject *spec) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
    if (!name) return NULL;
    not_frozen(ts, NULL, name);
    kr_decref(name);
    return NULL;
}

static const KrMethodDef frozen_importer_methods[] = {
    {"find_spec", KR_CFUNC(none_find), KR_METH_FASTKW | KR_METH_CLASS, NULL},
    {"find_module", KR_CFUNC(none_find), KR_METH_FASTKW | KR_METH_CLASS, "Find a frozen module."},
    {"create_module", KR_CFUNC(frozen_create_module), KR_METH_O | KR_METH_STATIC, "Set __file__, if able."},
    {"exec_module", KR_CFUNC(frozen_create_module), KR_METH_O | KR_METH_STATIC, NULL},
    {"get_code", KR_CFUNC(not_frozen), KR_METH_O | KR_METH_CLASS, "Return the code object for the frozen module."},
    {"get_source", KR_CFUNC(not_frozen), KR_METH_O | KR_METH_CLASS, "Return None as frozen modules do not have source code."},
    {"is_package", KR_CFUNC(not_frozen), KR_METH_O | KR_METH_CLASS, "Return True if the frozen module is a package."},
    {"load_module", KR_CFUNC(not_frozen), KR_METH_O | KR_METH_CLASS, "Load a frozen module."},
    {NULL},
};

KrTypeObject KrFrozenImporter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib.FrozenImporter",
    .tp_basicsize = sizeof(KrImpInstance),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Meta path import for frozen modules.\n\n    All methods are either class or static methods to avoid "
              "the need to\n    instantiate the class.\n\n    ",
    .tp_new = krImp_inst_new,
    .tp_dealloc = krImp_inst_dealloc,
    .tp_traverse = krImp_inst_traverse,
    .tp_clear = krImp_inst_clear,
    .tp_methods = frozen_importer_methods,
    .tp_getset = krImp_inst_getset,
    .tp_dictoffset = offsetof(KrImpInstance, dict),
};

static const KrMethodDef registry_finder_methods[] = {
    {"find_spec", KR_CFUNC(none_find), KR_METH_FASTKW | KR_METH_CLASS, NULL},
    {"find_module", KR_CFUNC(none_find), KR_METH_FASTKW | KR_METH_CLASS, NULL},
    {NULL},
};

KrTypeObject KrWindowsRegistryFinder_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.WindowsRegistryFinder",
    .tp_basicsize = sizeof(KrImpInstance),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Meta path finder for modules declared in the Windows registry.",
    .tp_new = krImp_inst_new,
    .tp_dealloc = krImp_inst_dealloc,
    .tp_traverse = krImp_inst_traverse,
    .tp_clear = krImp_inst_clear,
    .tp_methods = registry_finder_methods,
    .tp_getset = krImp_inst_getset,
    .tp_dictoffset = offsetof(KrImpInstance, dict),
};

// ---------------------------------------------------------------------------
// FileFinder

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong or NULL: other attributes
    KrObject *path;                // strong: the directory (absolute when made by the finder)
    KrObject *loaders;             // strong list of (suffix, loader class) tuples
    KrObject *path_cache;          // strong set of the directory's entries
    KrObject *relaxed_path_cache;  // strong set (case-insensitive platforms only; empty here)
    int64_t mtime_ns;              // of the directory when path_cache was filled
    bool cache_valid;
} KrFileFinderObject;

// Fills the finder's fields.  `details` are (loader, suffixes) pairs.
static int finder_setup(KrThreadState *ts, KrFileFinderObject *f, KrObject *path, KrObject *const *details,
                        KrSsize ndetails) {
    KrObject *loaders = krList_new(ts, 0);
    if (!loaders) return -1;
    for (KrSsize i = 0; i < ndetails; i++) {
        KrObject *pair = krSeq_tuple(ts, details[i]);
        if (!pair) goto fail;
        if (KR_TUPLE_SIZE(pair) != 2) {
            krErr_format(ts, &KrExc_ValueError, "too many values to unpack (expected 2)");
            kr_decref(pair);
            goto fail;
        }
        KrObject *suffixes = krSeq_tuple(ts, KR_TUPLE_GET(pair, 1));
        for (KrSsize j = 0; suffixes && j < KR_TUPLE_SIZE(suffixes); j++) {
            KrObject *entry = krTuple_pack(ts, 2, KR_TUPLE_GET(suffixes, j), KR_TUPLE_GET(pair, 0));
            if (!entry || krList_append(ts, loaders, entry) < 0) KR_CLEAR(suffixes);
            kr_xdecref(entry);
        }
        kr_decref(pair);
        if (!suffixes) goto fail;
        kr_decref(suffixes);
    }
    KrObject *p;
    if (!krStr_check(path) || krStr_size(path) == 0 || krStr_eq_cstr(path, ".")) {
        if (!krStr_check(path) && path != KR_NONE && krObj_is_true(ts, path))
            p = krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute 'startswith'", path);
        else
            p = krImport_getcwd(ts);
    } else if (krStr_utf8(path)[0] != '/') {
        KrObject *cwd = krImport_getcwd(ts);
        p = cwd ? krImport_path_join(ts, cwd, path) : NULL;
        kr_xdecref(cwd);
    } else {
        p = kr_newref(path);
    }
    if (!p) goto fail;
    KrObject *cache = krSet_new(ts, NULL), *relaxed = cache ? krSet_new(ts, NULL) : NULL;
    if (!relaxed) {
        kr_xdecref(cache);
        kr_decref(p);
        goto fail;
    }
    kr_setref(&f->path, p);
    kr_setref(&f->loaders, loaders);
    kr_setref(&f->path_cache, cache);
    kr_setref(&f->relaxed_path_cache, relaxed);
    f->cache_valid = false;
    return 0;
fail:
    kr_decref(loaders);
    return -1;
}

static int finder_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "FileFinder", kwnames) < 0) return -1;
    if (nargs < 1) {
        krErr_set_string(ts, &KrExc_TypeError, "FileFinder.__init__() missing 1 required positional argument: 'path'");
        return -1;
    }
    return finder_setup(ts, (KrFileFinderObject *)self, args[0], args + 1, nargs - 1);
}

static void finder_dealloc(KrObject *self) {
    KrFileFinderObject *f = (KrFileFinderObject *)self;
    krGC_untrack(self);
    KR_CLEAR(f->dict);
    KR_CLEAR(f->path);
    KR_CLEAR(f->loaders);
    KR_CLEAR(f->path_cache);
    KR_CLEAR(f->relaxed_path_cache);
    krObj_free(self);
}

static int finder_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrFileFinderObject *f = (KrFileFinderObject *)self;
    KR_VISIT(f->dict);
    KR_VISIT(f->path);
    KR_VISIT(f->loaders);
    KR_VISIT(f->path_cache);
    KR_VISIT(f->relaxed_path_cache);
    return 0;
}

static int finder_clear(KrObject *self) {
    KrFileFinderObject *f = (KrFileFinderObject *)self;
    KR_CLEAR(f->dict);
    KR_CLEAR(f->loaders);
    return 0;
}

// _fill_cache(): the directory's entries (an unreadable or missing
// directory gives an empty cache).  0 or -1.
static int fill_cache(KrThreadState *ts, KrFileFinderObject *f) {
    KrObject *cache = krSet_new(ts, NULL);
    if (!cache) return -1;
    KrObject *dirpath = f->path && krStr_check(f->path) && krStr_size(f->path) ? kr_newref(f->path) : krImport_getcwd(ts);
    if (!dirpath) {
        kr_decref(cache);
        return -1;
    }
    DIR *d = strlen(krStr_utf8(dirpath)) == (size_t)krStr_size(dirpath) ? opendir(krStr_utf8(dirpath)) : NULL;
    kr_decref(dirpath);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            KrObject *s = krStr_decode_utf8(ts, e->d_name, (KrSsize)strlen(e->d_name), "surrogateescape");
            if (!s || krSet_add(ts, cache, s) < 0) {
                kr_xdecref(s);
                closedir(d);
                kr_decref(cache);
                return -1;
            }
            kr_decref(s);
        }
        closedir(d);
    }
    kr_setref(&f->path_cache, cache);
    return 0;
}

// A spec from loader class `cls` for the file `full` (_get_spec).
static KrObject *finder_get_spec(KrThreadState *ts, KrObject *cls, KrObject *fullname, KrObject *full, KrObject *smsl) {
    KrObject *loader;
    if (cls == (KrObject *)&KrSourceFileLoader_Type || cls == (KrObject *)&KrSourcelessFileLoader_Type) {
        loader = krFileLoader_new(ts, (KrTypeObject *)cls, fullname, full);
    } else {
        KrObject *args[2] = {fullname, full};
        loader = krObj_vectorcall(ts, cls, args, 2, NULL);
    }
    if (!loader) return NULL;
    KrObject *spec = krSpec_from_file_location(ts, fullname, full, loader, smsl ? smsl : KR_NONE);
    kr_decref(loader);
    return spec;
}

static int cache_has(KrThreadState *ts, KrObject *cache, KrObject *name) {
    return krAnySet_check(cache) ? krSet_contains(ts, cache, name) : krObj_contains(ts, cache, name);
}

// Brings the directory cache up to date.  0 or -1.
static int refresh_cache(KrThreadState *ts, KrFileFinderObject *f) {
    KrStat st;
    KrObject *dirpath = f->path && krStr_check(f->path) && krStr_size(f->path) ? kr_newref(f->path) : krImport_getcwd(ts);
    if (!dirpath) return -1;
    int64_t mtime = krImport_stat(dirpath, &st) == 0 ? st.mtime_ns : -1;
    kr_decref(dirpath);
    if (f->cache_valid && mtime == f->mtime_ns && f->path_cache) return 0;
    if (fill_cache(ts, f) < 0) return -1;
    f->mtime_ns = mtime;
    f->cache_valid = true;
    return 0;
}

// The package `tail` in the directory, or NULL with *is_namespace.
static KrObject *find_package(KrThreadState *ts, KrObject *dirpath, KrObject *loaders, KrObject *fullname,
                              KrObject *tail, bool *is_namespace) {
    KrObject *base = krImport_path_join(ts, dirpath, tail);
    if (!base) return NULL;
    KrObject *init = krStr_intern_cstr(ts, "__init__");
    for (KrSsize i = 0; i < KR_LIST_SIZE(loaders); i++) {
        KrObject *entry = KR_LIST_GET(loaders, i);
        if (!krTuple_check(entry) || KR_TUPLE_SIZE(entry) != 2 || !krStr_check(KR_TUPLE_GET(entry, 0))) continue;
        KrObject *fname = krStr_concat(ts, init, KR_TUPLE_GET(entry, 0));
        KrObject *full = fname ? krImport_path_join(ts, base, fname) : NULL;
        kr_xdecref(fname);
        if (!full) goto fail;
        if (krImport_isfile(full)) {
            KrObject *smsl = krList_new(ts, 1);
            KrObject *spec = NULL;
            if (smsl) {
                KR_LIST_SET(smsl, 0, kr_newref(base));
                kr_incref(entry);
                spec = finder_get_spec(ts, KR_TUPLE_GET(entry, 1), fullname, full, smsl);
                kr_decref(entry);
                kr_decref(smsl);
            }
            kr_decref(full);
            kr_decref(base);
            return spec;
        }
        kr_decref(full);
    }
    *is_namespace = krImport_isdir(base);
    kr_decref(base);
    return NULL;
fail:
    kr_decref(base);
    return NULL;
}

// FileFinder.find_spec(fullname): new reference, None when not here.
static KrObject *finder_find_spec_c(KrThreadState *ts, KrFileFinderObject *f, KrObject *fullname) {
    if (!krStr_check(fullname)) return krErr_format(ts, &KrExc_TypeError, "module name must be str, not %T", fullname);
    if (!f->path || !krStr_check(f->path) || !f->loaders || !krList_check(f->loaders))
        return krErr_format(ts, &KrExc_TypeError, "FileFinder is not initialised");
    if (refresh_cache(ts, f) < 0) return NULL;
    const char *n = krStr_utf8(fullname);
    const char *dot = strrchr(n, '.');
    KrObject *tail = dot ? krStr_from_utf8(ts, dot + 1, krStr_size(fullname) - (dot + 1 - n)) : kr_newref(fullname);
    if (!tail) return NULL;
    KrObject *spec = NULL;
    bool is_namespace = false;
    // Loader classes are Python code that may replace the finder's fields.
    KrObject *cache = kr_newref(f->path_cache), *loaders = kr_newref(f->loaders), *dirpath = kr_newref(f->path);
    int has = cache_has(ts, cache, tail);
    if (has < 0) goto done;
    if (has) {
        spec = find_package(ts, dirpath, loaders, fullname, tail, &is_namespace);
        if (spec || krErr_occurred(ts)) goto done;
    }
    for (KrSsize i = 0; i < KR_LIST_SIZE(loaders); i++) {
        KrObject *entry = KR_LIST_GET(loaders, i);
        if (!krTuple_check(entry) || KR_TUPLE_SIZE(entry) != 2 || !krStr_check(KR_TUPLE_GET(entry, 0))) continue;
        KrObject *fname = krStr_concat(ts, tail, KR_TUPLE_GET(entry, 0));
        if (!fname) goto done;
        has = cache_has(ts, cache, fname);
        KrObject *full = has > 0 ? krImport_path_join(ts, dirpath, fname) : NULL;
        kr_decref(fname);
        if (has < 0 || (has > 0 && !full)) goto done;
        if (full && krImport_isfile(full)) {
            kr_incref(entry);
            spec = finder_get_spec(ts, KR_TUPLE_GET(entry, 1), fullname, full, NULL);
            kr_decref(entry);
            kr_decref(full);
            goto done;
        }
        kr_xdecref(full);
    }
    if (is_namespace) {
        KrObject *base = krImport_path_join(ts, dirpath, tail);
        KrObject *smsl = base ? krList_new(ts, 1) : NULL;
        if (smsl) {
            KR_LIST_SET(smsl, 0, kr_newref(base));
            spec = krSpec_new(ts, fullname, NULL, NULL, smsl, false);
            kr_decref(smsl);
        }
        kr_xdecref(base);
        goto done;
    }
    spec = kr_newref(KR_NONE);
done:
    kr_decref(cache);
    kr_decref(loaders);
    kr_decref(dirpath);
    kr_decref(tail);
    return spec;
}

static KrObject *finder_find_spec(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    static const char *const names[] = {"fullname", "target"};
    KrObject *a[2];
    if (krArg_parse(ts, "find_spec", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    return finder_find_spec_c(ts, (KrFileFinderObject *)self, a[0]);
}

static KrObject *finder_find_loader(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *spec = krObj_call_method(ts, self, IMP_ID(find_spec), fullname, NULL);
    if (!spec) return NULL;
    KrObject *res = NULL;
    if (spec == KR_NONE) {
        KrObject *empty = krList_new(ts, 0);
        res = empty ? krTuple_pack(ts, 2, KR_NONE, empty) : NULL;
        kr_xdecref(empty);
    } else {
        KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
        KrObject *smsl = loader ? krObj_getattr(ts, spec, IMP_ID(submodule_search_locations)) : NULL;
        int t = smsl ? krObj_is_true(ts, smsl) : -1;
        if (t == 0) kr_setref(&smsl, krList_new(ts, 0));
        if (t >= 0 && smsl) res = krTuple_pack(ts, 2, loader, smsl);
        kr_xdecref(loader);
        kr_xdecref(smsl);
    }
    kr_decref(spec);
    return res;
}

// find_module(fullname): self.find_loader(fullname)[0] (_find_module_shim).
static KrObject *finder_find_module(KrThreadState *ts, KrObject *self, KrObject *fullname) {
    KrObject *pair = krObj_call_method(ts, self, IMP_ID(find_loader), fullname, NULL);
    if (!pair) return NULL;
    KrObject *loader = krObj_getitem(ts, pair, kr_smallint(0));
    kr_decref(pair);
    return loader;
}

static KrObject *finder_invalidate_caches(KrThreadState *ts, KrObject *self) {
    ((KrFileFinderObject *)self)->cache_valid = false;
    return kr_newref(KR_NONE);
}

static KrObject *finder_fill_cache(KrThreadState *ts, KrObject *self) {
    return fill_cache(ts, (KrFileFinderObject *)self) < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *finder_method_get_spec(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_get_spec", nargs, 5, 5) < 0) return NULL;
    return finder_get_spec(ts, args[0], args[1], args[2], args[3]);
}

static KrObject *finder_repr(KrThreadState *ts, KrObject *self) {
    KrObject *path = krObj_getattr(ts, self, KR_ID(path));
    if (!path) return NULL;
    KrObject *r = krStr_from_format(ts, "FileFinder(%R)", path);
    kr_decref(path);
    return r;
}

// The closure returned by FileFinder.path_hook(*loader_details): its self
// is the tuple (cls, loader_details).
static KrObject *path_hook_for_filefinder(KrThreadState *ts, KrObject *self, KrObject *path) {
    if (!krStr_check(path) || !krImport_isdir(krStr_size(path) ? path : KR_ID(dot)))
        return krImport_errorf(ts, &KrExc_ImportError, NULL, path, "only directories are supported");
    KrObject *cls = KR_TUPLE_GET(self, 0), *details = KR_TUPLE_GET(self, 1);
    if (cls == (KrObject *)&KrFileFinder_Type) {
        if (krImport_ready_types(ts) < 0) return NULL;
        KrObject *f = krType_generic_alloc(ts, &KrFileFinder_Type, 0);
        if (f && finder_setup(ts, (KrFileFinderObject *)f, path, KR_TUPLE_ITEMS(details), KR_TUPLE_SIZE(details)) < 0)
            KR_CLEAR(f);
        return f;
    }
    KrSsize n = KR_TUPLE_SIZE(details);
    KrObject **args = krMem_malloc(sizeof(KrObject *) * (size_t)(n + 1));
    if (!args) return krErr_no_memory(ts);
    args[0] = path;
    for (KrSsize i = 0; i < n; i++) args[i + 1] = KR_TUPLE_GET(details, i);
    KrObject *r = krObj_vectorcall(ts, cls, args, (size_t)(n + 1), NULL);
    krMem_free(args);
    return r;
}

static const KrMethodDef path_hook_def = {"path_hook_for_FileFinder", KR_CFUNC(path_hook_for_filefinder), KR_METH_O,
                                          "Path hook for importlib.machinery.FileFinder."};

static KrObject *make_path_hook(KrThreadState *ts, KrObject *cls, KrObject *details) {
    KrObject *self = krTuple_pack(ts, 2, cls, details);
    if (!self) return NULL;
    KrObject *modname = krStr_intern_cstr(ts, "_frozen_importlib_external");
    KrObject *f = modname ? krCFunction_new(ts, &path_hook_def, self, modname) : NULL;
    kr_decref(self);
    return f;
}

static KrObject *finder_path_hook(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs) {
    KrObject *details = krTuple_from_array(ts, args, nargs);
    if (!details) return NULL;
    KrObject *r = make_path_hook(ts, cls, details);
    kr_decref(details);
    return r;
}

KrObject *krFileFinder_default_hook(KrThreadState *ts) {
    KrImportState *st = krImport_state(ts);
    KrObject *details = krSeq_tuple(ts, st->file_loaders);
    if (!details) return NULL;
    KrObject *r = make_path_hook(ts, (KrObject *)&KrFileFinder_Type, details);
    kr_decref(details);
    return r;
}

static KrObject *finder_get_mtime(KrThreadState *ts, KrObject *self, void *c) {
    KrFileFinderObject *f = (KrFileFinderObject *)self;
    if (!f->cache_valid || f->mtime_ns < 0) return kr_smallint(-1);
    return krFloat_new(ts, (double)f->mtime_ns / 1e9);
}

static int finder_set_mtime(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    // Any assignment makes the next lookup re-read the directory.
    ((KrFileFinderObject *)self)->cache_valid = false;
    return 0;
}

static KrObject *finder_get_dict(KrThreadState *ts, KrObject *self, void *c) {
    KrFileFinderObject *f = (KrFileFinderObject *)self;
    if (!f->dict && !(f->dict = krDict_new(ts))) return NULL;
    return kr_newref(f->dict);
}

static const KrMethodDef finder_methods[] = {
    {"find_spec", KR_CFUNC(finder_find_spec), KR_METH_FASTKW,
     "Try to find a spec for the specified module.\n\n        Returns the matching spec, or None if not found.\n        "},
    {"find_loader", KR_CFUNC(finder_find_loader), KR_METH_O,
     "Try to find a loader for the specified module, or the namespace\n        package portions. Returns (loader, "
     "list-of-portions).\n\n        This method is deprecated.  Use find_spec() instead.\n\n        "},
    {"find_module", KR_CFUNC(finder_find_module), KR_METH_O,
     "Try to find a loader for the specified module by delegating to\n    self.find_loader().\n\n    This method is "
     "deprecated in favor of finder.find_spec().\n\n    "},
    {"invalidate_caches", KR_CFUNC(finder_invalidate_caches), KR_METH_NOARGS, "Invalidate the directory mtime."},
    {"_fill_cache", KR_CFUNC(finder_fill_cache), KR_METH_NOARGS,
     "Fill the cache of potential modules and packages for this directory."},
    {"_get_spec", KR_CFUNC(finder_method_get_spec), KR_METH_FAST, NULL},
    {"path_hook", KR_CFUNC(finder_path_hook), KR_METH_FAST | KR_METH_CLASS,
     "A class method which returns a closure to use on sys.path_hook\n        which will return an instance using "
     "the specified loaders and the path\n        called on the closure.\n\n        If the path called on the "
     "closure is not a directory, ImportError is\n        raised.\n\n        "},
    {NULL},
};

#define FF_OFF(f) ((KrSsize)offsetof(KrFileFinderObject, f))
static const KrMemberDef finder_members[] = {
    {"path", KR_MEMBER_OBJECT, FF_OFF(path), 0, NULL},
    {"_loaders", KR_MEMBER_OBJECT, FF_OFF(loaders), 0, NULL},
    {"_path_cache", KR_MEMBER_OBJECT, FF_OFF(path_cache), 0, NULL},
    {"_relaxed_path_cache", KR_MEMBER_OBJECT, FF_OFF(relaxed_path_cache), 0, NULL},
    {NULL},
};

static const KrGetSetDef finder_getset[] = {
    {"_path_mtime", finder_get_mtime, finder_set_mtime, NULL, NULL},
    {"__dict__", finder_get_dict, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrFileFinder_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.FileFinder",
    .tp_basicsize = sizeof(KrFileFinderObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "File-based finder.\n\n    Interactions with the file system are cached for performance, being\n    "
              "refreshed when the directory the finder is handling has been modified.\n\n    ",
    .tp_new = krImp_inst_new,
    .tp_init = finder_init,
    .tp_dealloc = finder_dealloc,
    .tp_traverse = finder_traverse,
    .tp_clear = finder_clear,
    .tp_repr = finder_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = finder_methods,
    .tp_members = finder_members,
    .tp_getset = finder_getset,
    .tp_dictoffset = offsetof(KrFileFinderObject, dict),
};

// ---------------------------------------------------------------------------
// PathFinder

// Runs sys.path_hooks on `path`: the first finder a hook returns, or None.
static KrObject *path_hooks(KrThreadState *ts, KrObject *path) {
    KrObject *hooks = krDict_get_str(ts->interp->sysdict, IMP_ID(path_hooks));
    if (!hooks) return krErr_format(ts, &KrExc_RuntimeError, "lost sys.path_hooks");
    KrObject *it = krObj_get_iter(ts, hooks);
    if (!it) return NULL;
    KrObject *hook, *finder = NULL;
    KrObject *default_hook = krImport_state(ts)->path_hook;
    while ((hook = krIter_next(ts, it))) {
        // The default hook on a non-directory would raise ImportError only to
        // have it swallowed: skip that.
        if (hook == default_hook && !krImport_isdir(path)) {
            kr_decref(hook);
            continue;
        }
        finder = krObj_call1(ts, hook, path);
        kr_decref(hook);
        if (finder) break;
        if (!krErr_matches(ts, &KrExc_ImportError)) break;
        krErr_clear(ts);
    }
    kr_decref(it);
    if (!finder && !krErr_occurred(ts)) finder = kr_newref(KR_NONE);
    return finder;
}

// PathFinder._path_importer_cache(path): the cached finder for a path
// entry, computing and caching it on a miss.  New reference (None: no finder).
static KrObject *path_importer_cache(KrThreadState *ts, KrObject *path) {
    KrObject *entry = kr_newref(path);
    if (krStr_size(path) == 0) {
        KrObject *cwd = krImport_getcwd(ts);
        kr_decref(entry);
        if (!cwd) {
            // The current directory may be valid again later: cache nothing.
            if (!krErr_matches(ts, &KrExc_FileNotFoundError)) return NULL;
            krErr_clear(ts);
            return kr_newref(KR_NONE);
        }
        entry = cwd;
    }
    KrObject *cache = krDict_get_str(ts->interp->sysdict, IMP_ID(path_importer_cache));
    KrObject *finder = NULL;
    if (!cache) {
        krErr_format(ts, &KrExc_RuntimeError, "lost sys.path_importer_cache");
        goto done;
    }
    if (krDict_check_exact(cache)) {
        finder = krDict_get(ts, cache, entry);
        if (finder) {
            kr_incref(finder);
            goto done;
        }
        if (krErr_occurred(ts)) goto done;
    } else {
        finder = krObj_getitem(ts, cache, entry);
        if (finder || !krErr_matches(ts, &KrExc_KeyError)) goto done;
        krErr_clear(ts);
    }
    finder = path_hooks(ts, entry);
    if (finder && krObj_setitem(ts, cache, entry, finder) < 0) KR_CLEAR(finder);
done:
    kr_decref(entry);
    return finder;
}

// _legacy_get_spec(fullname, finder) for finders without find_spec.
static KrObject *legacy_get_spec(KrThreadState *ts, KrObject *fullname, KrObject *finder) {
    KrObject *loader = NULL, *portions = NULL, *spec = NULL;
    int has = 0;
    KrObject *meth;
    if (krObj_lookup_attr(ts, finder, IMP_ID(find_loader), &meth) < 0) return NULL;
    if (meth) {
        has = 1;
        KrObject *pair = krObj_call1(ts, meth, fullname);
        kr_decref(meth);
        if (!pair) return NULL;
        KrObject *t = krSeq_tuple(ts, pair);
        kr_decref(pair);
        if (!t) return NULL;
        if (KR_TUPLE_SIZE(t) != 2) {
            kr_decref(t);
            return krErr_format(ts, &KrExc_ValueError, "too many values to unpack (expected 2)");
        }
        loader = kr_newref(KR_TUPLE_GET(t, 0));
        portions = kr_newref(KR_TUPLE_GET(t, 1));
        kr_decref(t);
    } else {
        loader = krObj_call_method(ts, finder, IMP_ID(find_module), fullname, NULL);
        if (!loader) return NULL;
        portions = krList_new(ts, 0);
    }
    (void)has;
    if (!portions) goto done;
    if (loader != KR_NONE) {
        spec = krSpec_from_loader(ts, fullname, loader, NULL, NULL);
    } else {
        spec = krSpec_new(ts, fullname, NULL, NULL, portions, false);
    }
done:
    kr_xdecref(loader);
    kr_xdecref(portions);
    return spec;
}

// One path entry's answer for `fullname`: new reference (None when nothing).
static KrObject *entry_find_spec(KrThreadState *ts, KrObject *finder, KrObject *fullname, KrObject *target) {
    if (KR_TYPE(finder) == &KrFileFinder_Type) return finder_find_spec_c(ts, (KrFileFinderObject *)finder, fullname);
    KrObject *find;
    if (krObj_lookup_attr(ts, finder, IMP_ID(find_spec), &find) < 0) return NULL;
    if (!find) return legacy_get_spec(ts, fullname, finder);
    KrObject *args[2] = {fullname, target ? target : KR_NONE};
    KrObject *spec = krObj_vectorcall(ts, find, args, 2, NULL);
    kr_decref(find);
    return spec;
}

KrObject *krPathFinder_get_spec(KrThreadState *ts, KrObject *fullname, KrObject *path, KrObject *target) {
    KrObject *namespace_path = krList_new(ts, 0);
    if (!namespace_path) return NULL;
    KrObject *it = krObj_get_iter(ts, path), *entry, *spec = NULL;
    if (!it) goto fail;
    while ((entry = krIter_next(ts, it))) {
        if (!krStr_check(entry)) {
            kr_decref(entry);
            continue;
        }
        KrObject *finder = path_importer_cache(ts, entry);
        kr_decref(entry);
        if (!finder) goto fail;
        if (finder == KR_NONE) {
            kr_decref(finder);
            continue;
        }
        spec = entry_find_spec(ts, finder, fullname, target);
        kr_decref(finder);
        if (!spec) goto fail;
        if (spec == KR_NONE) {
            KR_CLEAR(spec);
            continue;
        }
        KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
        if (!loader) goto fail;
        kr_decref(loader);
        if (loader != KR_NONE) {
            kr_decref(it);
            kr_decref(namespace_path);
            return spec;
        }
        // A portion of a namespace package: remember it and go on.
        KrObject *portions = krObj_getattr(ts, spec, IMP_ID(submodule_search_locations));
        KR_CLEAR(spec);
        if (!portions) goto fail;
        if (portions == KR_NONE) {
            kr_decref(portions);
            krErr_set_string(ts, &KrExc_ImportError, "spec missing loader");
            goto fail;
        }
        int r = krList_extend(ts, namespace_path, portions);
        kr_decref(portions);
        if (r < 0) goto fail;
    }
    if (krErr_occurred(ts)) goto fail;
    kr_decref(it);
    spec = krSpec_new(ts, fullname, NULL, NULL, namespace_path, false);
    kr_decref(namespace_path);
    return spec;
fail:
    kr_xdecref(spec);
    kr_xdecref(it);
    kr_decref(namespace_path);
    return NULL;
}

KrObject *krPathFinder_find_spec(KrThreadState *ts, KrObject *fullname, KrObject *path, KrObject *target) {
    if (!path || path == KR_NONE) {
        path = krDict_get_str(ts->interp->sysdict, KR_ID(path));
        if (!path) return krErr_format(ts, &KrExc_RuntimeError, "lost sys.path");
    }
    kr_incref(path);
    KrObject *spec = krPathFinder_get_spec(ts, fullname, path, target);
    kr_decref(path);
    if (!spec) return NULL;
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    if (!loader) goto fail;
    kr_decref(loader);
    if (loader != KR_NONE) return spec;
    KrObject *ns = krObj_getattr(ts, spec, IMP_ID(submodule_search_locations));
    if (!ns) goto fail;
    int t = krObj_is_true(ts, ns);
    if (t <= 0) {
        kr_decref(ns);
        kr_decref(spec);
        return t < 0 ? NULL : kr_newref(KR_NONE);
    }
    // A namespace package: its __path__ follows the parent's path.
    KrObject *get_spec = krObj_getattr(ts, (KrObject *)&KrPathFinder_Type, krStr_intern_cstr(ts, "_get_spec"));
    KrObject *nspath = get_spec ? krNamespacePath_new(ts, fullname, ns, get_spec) : NULL;
    kr_xdecref(get_spec);
    kr_decref(ns);
    if (!nspath || krObj_setattr(ts, spec, IMP_ID(origin), KR_NONE) < 0 ||
        krObj_setattr(ts, spec, IMP_ID(submodule_search_locations), nspath) < 0) {
        kr_xdecref(nspath);
        goto fail;
    }
    kr_decref(nspath);
    return spec;
fail:
    kr_decref(spec);
    return NULL;
}

int krPathFinder_invalidate_caches(KrThreadState *ts) {
    KrObject *cache = krDict_get_str(ts->interp->sysdict, IMP_ID(path_importer_cache));
    if (cache) {
        KrObject *items = krDict_check(cache) ? krDict_items(ts, cache) : krObj_call_method(ts, cache, KR_ID(items), NULL);
        KrObject *list = items ? krSeq_list(ts, items) : NULL;
        kr_xdecref(items);
        if (!list) return -1;
        for (KrSsize i = 0; i < KR_LIST_SIZE(list); i++) {
            KrObject *pair = KR_LIST_GET(list, i);
            KrObject *name = KR_TUPLE_GET(pair, 0), *finder = KR_TUPLE_GET(pair, 1);
            int r = 0;
            bool absolute = krStr_check(name) && krStr_utf8(name)[0] == '/';
            if (finder == KR_NONE || !absolute) {
                r = krObj_delitem(ts, cache, name);
            } else {
                KrObject *meth;
                r = krObj_lookup_attr(ts, finder, IMP_ID(invalidate_caches), &meth);
                if (r > 0) {
                    KrObject *res = krObj_call0(ts, meth);
                    kr_decref(meth);
                    r = res ? 0 : -1;
                    kr_xdecref(res);
                }
            }
            if (r < 0) {
                kr_decref(list);
                return -1;
            }
        }
        kr_decref(list);
    }
    krImport_state(ts)->namespace_epoch++;
    return 0;
}

static KrObject *pf_invalidate_caches(KrThreadState *ts, KrObject *unused) {
    return krPathFinder_invalidate_caches(ts) < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *pf_path_hooks(KrThreadState *ts, KrObject *unused, KrObject *path) { return path_hooks(ts, path); }

static KrObject *pf_path_importer_cache(KrThreadState *ts, KrObject *cls, KrObject *path) {
    if (!krStr_check(path)) return krErr_format(ts, &KrExc_TypeError, "path entry must be str, not %T", path);
    return path_importer_cache(ts, path);
}

static KrObject *pf_legacy_get_spec(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_legacy_get_spec", nargs, 2, 2) < 0) return NULL;
    return legacy_get_spec(ts, args[0], args[1]);
}

static KrObject *pf_get_spec(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path", "target"};
    KrObject *a[3];
    if (krArg_parse(ts, "_get_spec", args, nargs, kwnames, names, 3, 0, 3, 2, a) < 0) return NULL;
    return krPathFinder_get_spec(ts, a[0], a[1], a[2]);
}

static KrObject *pf_find_spec(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path", "target"};
    KrObject *a[3];
    if (krArg_parse(ts, "find_spec", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    return krPathFinder_find_spec(ts, a[0], a[1], a[2]);
}

static KrObject *pf_find_module(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"fullname", "path"};
    KrObject *a[2];
    if (krArg_parse(ts, "find_module", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrObject *spec = krPathFinder_find_spec(ts, a[0], a[1], NULL);
    if (!spec || spec == KR_NONE) return spec;
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    kr_decref(spec);
    return loader;
}

static KrObject *pf_find_distributions(KrThreadState *ts, KrObject *unused, KrObject *const *args, KrSsize nargs,
                                       KrObject *kwnames) {
    KrObject *m = krImport_import(ts, "importlib.metadata");
    if (!m) return NULL;
    KrObject *finder = krObj_getattr_cstr(ts, m, "MetadataPathFinder");
    kr_decref(m);
    if (!finder) return NULL;
    KrObject *f = krObj_getattr_cstr(ts, finder, "find_distributions");
    kr_decref(finder);
    if (!f) return NULL;
    KrObject *r = krObj_vectorcall(ts, f, args, (size_t)nargs, kwnames);
    kr_decref(f);
    return r;
}

static const KrMethodDef path_finder_methods[] = {
    {"invalidate_caches", KR_CFUNC(pf_invalidate_caches), KR_METH_NOARGS | KR_METH_STATIC,
     "Call the invalidate_caches() method on all path entry finders\n        stored in sys.path_importer_caches "
     "(where implemented)."},
    {"_path_hooks", KR_CFUNC(pf_path_hooks), KR_METH_O | KR_METH_STATIC, "Search sys.path_hooks for a finder for 'path'."},
    {"_path_importer_cache", KR_CFUNC(pf_path_importer_cache), KR_METH_O | KR_METH_CLASS,
     "Get the finder for the path entry from sys.path_importer_cache.\n\n        If the path entry is not in the "
     "cache, find the appropriate finder\n        and cache it. If no finder is available, store None.\n\n        "},
    {"_legacy_get_spec", KR_CFUNC(pf_legacy_get_spec), KR_METH_FAST | KR_METH_CLASS, NULL},
    {"_get_spec", KR_CFUNC(pf_get_spec), KR_METH_FASTKW | KR_METH_CLASS,
     "Find the loader or namespace_path for this module/package name."},
    {"find_spec", KR_CFUNC(pf_find_spec), KR_METH_FASTKW | KR_METH_CLASS,
     "Try to find a spec for 'fullname' on sys.path or 'path'.\n\n        The search is based on sys.path_hooks and "
     "sys.path_importer_cache.\n        "},
    {"find_module", KR_CFUNC(pf_find_module), KR_METH_FASTKW | KR_METH_CLASS,
     "find the module on sys.path or 'path' based on sys.path_hooks and\n        sys.path_importer_cache.\n\n        "
     "This method is deprecated.  Use find_spec() instead.\n\n        "},
    {"find_distributions", KR_CFUNC(pf_find_distributions), KR_METH_FASTKW | KR_METH_STATIC,
     "\n        Find distributions.\n\n        Return an iterable of all Distribution instances capable of\n        "
     "loading the metadata for packages matching ``context.name``\n        (or all names if ``None`` indicated) "
     "along the paths in the list\n        of directories ``context.path``.\n        "},
    {NULL},
};

KrTypeObject KrPathFinder_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib_external.PathFinder",
    .tp_basicsize = sizeof(KrImpInstance),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Meta path finder for sys.path and package __path__ attributes.",
    .tp_new = krImp_inst_new,
    .tp_dealloc = krImp_inst_dealloc,
    .tp_traverse = krImp_inst_traverse,
    .tp_clear = krImp_inst_clear,
    .tp_methods = path_finder_methods,
    .tp_getset = krImp_inst_getset,
    .tp_dictoffset = offsetof(KrImpInstance, dict),
};
