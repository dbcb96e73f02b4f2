/*
 * import.c — the import statement: sys.modules, built-in modules, and
 * modules and packages written in Python found on sys.path (the script's
 * directory first).  Relative imports resolve against __package__ /
 * __name__.  A module is put in sys.modules before its code runs (so
 * circular imports see the partial module) and removed if the code fails.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler/compile.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import.h"
#include "vm/eval.h"

// Reads a whole file.  Returns a malloc'd NUL-terminated buffer or NULL with
// errno set.
static char *read_file(const char *path, KrSsize *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = krMem_malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *nb = krMem_realloc(buf, cap * 2);
            if (!nb) {
                krMem_free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = (KrSsize)n;
    }
    return buf;
}

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

KrObject *krImport_exec_source_module(KrThreadState *ts, KrObject *name, const char *path, KrObject *pkgpath) {
    KrSsize len;
    char *src = read_file(path, &len);
    if (!src) {
        KrObject *p = krStr_from_cstr(ts, path);
        krErr_from_errno(ts, &KrExc_OSError, p);
        kr_xdecref(p);
        return NULL;
    }
    KrObject *module = krModule_new(ts, name);
    KrObject *filename = krStr_from_cstr(ts, path);
    KrObject *code = NULL;
    if (!module || !filename) goto fail;
    KrObject *dict = krModule_dict(module);
    if (krDict_set(ts, dict, KR_ID(__file__), filename) < 0 ||
        krDict_set(ts, dict, KR_ID(__builtins__), ts->interp->builtins_module) < 0)
        goto fail;
    if (pkgpath) {
        if (krDict_set(ts, dict, KR_ID(__path__), pkgpath) < 0 || krDict_set(ts, dict, KR_ID(__package__), name) < 0)
            goto fail;
    } else {
        const char *n = krStr_utf8(name);
        const char *dot = strrchr(n, '.');
        KrObject *pkg = dot ? krStr_from_utf8(ts, n, dot - n) : kr_newref(krStr_empty());
        if (!pkg || krDict_set(ts, dict, KR_ID(__package__), pkg) < 0) {
            kr_xdecref(pkg);
            goto fail;
        }
        kr_decref(pkg);
    }
    if (!(code = krCompile_source(ts, src, len, filename, KR_PARSE_EXEC, 0, -1))) goto fail;
    krMem_free(src);
    src = NULL;
    if (krDict_set(ts, ts->interp->modules, name, module) < 0) goto fail;
    KrObject *r = krEval_code(ts, code, dict, dict);
    if (!r) {
        // A failed import leaves no trace in sys.modules.
        KrObject *exc = krErr_fetch(ts);
        if (krDict_pop(ts, ts->interp->modules, name, NULL) < 0) krErr_clear(ts);
        krErr_restore(ts, exc);
        goto fail;
    }
    kr_decref(r);
    kr_decref(code);
    kr_decref(filename);
    // The module may have replaced itself in sys.modules.
    KrObject *final = krDict_get(ts, ts->interp->modules, name);
    if (final) {
        kr_incref(final);
        kr_decref(module);
        return final;
    }
    return module;
fail:
    krMem_free(src);
    kr_xdecref(code);
    kr_xdecref(filename);
    kr_xdecref(module);
    return NULL;
}

// Looks for `leaf` (a module name without dots) in the directories of `paths`
// (a list of str) and loads it as `fullname`.  Returns NULL without an
// exception when not found.
static KrObject *find_and_load(KrThreadState *ts, KrObject *fullname, const char *leaf, KrObject *paths) {
    if (!paths || !krList_check(paths)) return NULL;
    char buf[4096];
    for (KrSsize i = 0; i < KR_LIST_SIZE(paths); i++) {
        KrObject *dir = KR_LIST_GET(paths, i);
        if (!krStr_check(dir)) continue;
        const char *d = krStr_size(dir) ? krStr_utf8(dir) : ".";
        snprintf(buf, sizeof buf, "%s/%s", d, leaf);
        if (is_dir(buf)) {
            char init[4200];
            snprintf(init, sizeof init, "%s/__init__.py", buf);
            if (is_file(init)) {
                KrObject *pkgdir = krStr_from_cstr(ts, buf);
                KrObject *pkgpath = pkgdir ? krList_new(ts, 1) : NULL;
                if (!pkgpath) {
                    kr_xdecref(pkgdir);
                    return NULL;
                }
                KR_LIST_SET(pkgpath, 0, pkgdir);
                KrObject *m = krImport_exec_source_module(ts, fullname, init, pkgpath);
                kr_decref(pkgpath);
                return m;
            }
        }
        snprintf(buf, sizeof buf, "%s/%s.py", d, leaf);
        if (is_file(buf)) return krImport_exec_source_module(ts, fullname, buf, NULL);
    }
    return NULL;
}

static KrObject *load_builtin(KrThreadState *ts, KrObject *name) {
    for (const KrBuiltinModule *b = kr_builtin_modules; b->name; b++) {
        if (!b->def || !krStr_eq_cstr(name, b->name)) continue;
        KrObject *m = krModule_from_def(ts, b->def);
        if (!m) return NULL;
        if (krDict_set(ts, ts->interp->modules, name, m) < 0) {
            kr_decref(m);
            return NULL;
        }
        return m;
    }
    return NULL;
}

// Imports one fully qualified module whose parent (if any) is imported.
static KrObject *import_one(KrThreadState *ts, KrObject *fullname, KrObject *parent) {
    KrObject *m = krDict_get(ts, ts->interp->modules, fullname);
    if (m) {
        if (m == KR_NONE)
            return krErr_format(ts, &KrExc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
        return kr_newref(m);
    }
    if (krErr_occurred(ts)) return NULL;
    const char *full = krStr_utf8(fullname);
    const char *dot = strrchr(full, '.');
    KrObject *paths = NULL;
    if (parent) {
        if (krObj_lookup_attr(ts, parent, KR_ID(__path__), &paths) < 0) return NULL;
        if (!paths) {
            KrObject *pname = krStr_from_utf8(ts, full, dot - full);
            krErr_format(ts, &KrExc_ModuleNotFoundError, "No module named '%U'; '%U' is not a package", fullname,
                         pname);
            kr_xdecref(pname);
            return NULL;
        }
    } else {
        if (!(m = load_builtin(ts, fullname)) && krErr_occurred(ts)) return NULL;
        if (m) return m;
        paths = krDict_get_str(ts->interp->sysdict, KR_ID(path));
        kr_xincref(paths);
    }
    m = find_and_load(ts, fullname, dot ? dot + 1 : full, paths);
    kr_xdecref(paths);
    if (!m && !krErr_occurred(ts)) {
        krErr_format(ts, &KrExc_ModuleNotFoundError, "No module named '%U'", fullname);
        KrObject *exc = krErr_peek(ts);
        if (exc) kr_setref(&((KrImportErrorObject *)exc)->name, kr_newref(fullname));
        return NULL;
    }
    if (m && parent) {
        // Bind the submodule as an attribute of its package.
        KrObject *leaf = krStr_from_cstr(ts, dot + 1);
        int r = leaf ? krObj_setattr(ts, parent, leaf, m) : -1;
        kr_xdecref(leaf);
        if (r < 0) {
            kr_decref(m);
            return NULL;
        }
    }
    return m;
}

// Imports every package along a dotted name; returns the last module.
static KrObject *import_dotted(KrThreadState *ts, KrObject *name, KrObject **top) {
    const char *s = krStr_utf8(name);
    KrSsize n = krStr_size(name);
    KrObject *parent = NULL;
    *top = NULL;
    for (KrSsize i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') continue;
        KrObject *prefix = i == n ? kr_newref(name) : krStr_from_utf8(ts, s, i);
        if (!prefix) goto fail;
        krStr_intern_inplace(ts, &prefix);
        KrObject *m = import_one(ts, prefix, parent);
        kr_decref(prefix);
        if (!m) goto fail;
        if (!*top) *top = kr_newref(m);
        kr_xdecref(parent);
        parent = m;
    }
    return parent;
fail:
    kr_xdecref(parent);
    KR_CLEAR(*top);
    return NULL;
}

// The package that a relative import of `level` dots in `globals` refers to.
static KrObject *resolve_package(KrThreadState *ts, KrObject *globals, int level) {
    KrObject *pkg = globals && krDict_check(globals) ? krDict_get_str(globals, KR_ID(__package__)) : NULL;
    if (pkg && pkg != KR_NONE) {
        if (!krStr_check(pkg)) return krErr_format(ts, &KrExc_TypeError, "package must be a string");
        kr_incref(pkg);
    } else {
        KrObject *name = globals && krDict_check(globals) ? krDict_get_str(globals, KR_ID(__name__)) : NULL;
        if (!name || !krStr_check(name))
            return krErr_format(ts, &KrExc_ImportError, "attempted relative import with no known parent package");
        if (globals && krDict_get_str(globals, KR_ID(__path__))) {
            pkg = kr_newref(name);
        } else {
            const char *n = krStr_utf8(name);
            const char *dot = strrchr(n, '.');
            pkg = dot ? krStr_from_utf8(ts, n, dot - n) : kr_newref(krStr_empty());
            if (!pkg) return NULL;
        }
    }
    if (krStr_size(pkg) == 0) {
        kr_decref(pkg);
        return krErr_format(ts, &KrExc_ImportError, "attempted relative import with no known parent package");
    }
    // Go up level-1 packages.
    const char *p = krStr_utf8(pkg);
    KrSsize end = krStr_size(pkg);
    for (int i = 1; i < level; i++) {
        while (end > 0 && p[end - 1] != '.') end--;
        if (end == 0) {
            kr_decref(pkg);
            return krErr_format(ts, &KrExc_ImportError, "attempted relative import beyond top-level package");
        }
        end--;
    }
    KrObject *base = krStr_from_utf8(ts, p, end);
    kr_decref(pkg);
    return base;
}

KrObject *krImport_import_module_level(KrThreadState *ts, KrObject *name, KrObject *globals, KrObject *locals,
                                       KrObject *fromlist, int level) {
    if (level < 0) return krErr_format(ts, &KrExc_ValueError, "level must be >= 0");
    KrObject *absname;
    if (level > 0) {
        KrObject *base = resolve_package(ts, globals, level);
        if (!base) return NULL;
        absname = krStr_size(name) ? krStr_from_format(ts, "%U.%U", base, name) : kr_newref(base);
        kr_decref(base);
        if (!absname) return NULL;
    } else {
        if (krStr_size(name) == 0) return krErr_format(ts, &KrExc_ValueError, "Empty module name");
        absname = kr_newref(name);
    }
    KrObject *top;
    KrObject *m = import_dotted(ts, absname, &top);
    if (!m) {
        kr_decref(absname);
        return NULL;
    }
    bool has_from = fromlist && fromlist != KR_NONE && krObj_is_true(ts, fromlist) > 0;
    if (!has_from) {
        kr_decref(m);
        kr_decref(absname);
        if (level == 0) return top;
        // `import .a.b` is not valid syntax; `from . import x` has a fromlist.
        return top;
    }
    kr_decref(top);
    // from package import submodule: import the submodules named.
    KrObject *path;
    if (krObj_lookup_attr(ts, m, KR_ID(__path__), &path) < 0) goto fail;
    if (path) {
        kr_decref(path);
        KrObject *seq = krSeq_fast(ts, fromlist, NULL);
        if (!seq) goto fail;
        KrSsize n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
        KrObject *const *items = krList_check(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
        for (KrSsize i = 0; i < n; i++) {
            KrObject *item = items[i];
            if (!krStr_check(item) || krStr_eq_cstr(item, "*")) continue;
            int has = krObj_hasattr(ts, m, item);
            if (has < 0) {
                kr_decref(seq);
                goto fail;
            }
            if (has) continue;
            KrObject *sub = krStr_from_format(ts, "%U.%U", absname, item);
            KrObject *top2 = NULL;
            KrObject *sm = sub ? import_dotted(ts, sub, &top2) : NULL;
            kr_xdecref(top2);
            kr_xdecref(sub);
            if (sm) {
                kr_decref(sm);
            } else if (krErr_matches(ts, &KrExc_ModuleNotFoundError)) {
                krErr_clear(ts);  // IMPORT_FROM reports the missing name
            } else {
                kr_decref(seq);
                goto fail;
            }
        }
        kr_decref(seq);
    }
    kr_decref(absname);
    return m;
fail:
    kr_decref(absname);
    kr_decref(m);
    return NULL;
}

KrObject *krImport_import(KrThreadState *ts, const char *name) {
    KrObject *n = krStr_intern_cstr(ts, name);
    return n ? krImport_import_module_level(ts, n, NULL, NULL, NULL, 0) : NULL;
}

KrObject *krImport_from(KrThreadState *ts, KrObject *module, KrObject *name) {
    KrObject *r;
    int found = krObj_lookup_attr(ts, module, name, &r);
    if (found != 0) return found > 0 ? r : NULL;
    // A submodule imported after the package ran (circular imports).
    KrObject *pkgname;
    if (krObj_lookup_attr(ts, module, KR_ID(__name__), &pkgname) < 0) return NULL;
    if (pkgname && krStr_check(pkgname)) {
        KrObject *full = krStr_from_format(ts, "%U.%U", pkgname, name);
        KrObject *m = full ? krDict_get(ts, ts->interp->modules, full) : NULL;
        kr_xdecref(full);
        if (m) {
            kr_decref(pkgname);
            return kr_newref(m);
        }
    }
    KrObject *file = NULL;
    if (krObj_lookup_attr(ts, module, KR_ID(__file__), &file) < 0) krErr_clear(ts);
    KrObject *shown = pkgname && krStr_check(pkgname) ? pkgname : krStr_intern_cstr(ts, "<unknown module name>");
    if (file && krStr_check(file))
        krErr_format(ts, &KrExc_ImportError, "cannot import name '%U' from '%U' (%U)", name, shown, file);
    else
        krErr_format(ts, &KrExc_ImportError, "cannot import name '%U' from '%U' (unknown location)", name, shown);
    KrObject *exc = krErr_peek(ts);
    if (exc && kr_type_check(exc, &KrExc_ImportError)) {
        KrImportErrorObject *ie = (KrImportErrorObject *)exc;
        kr_setref(&ie->name, kr_xnewref(pkgname));
        kr_setref(&ie->path, kr_xnewref(file));
    }
    kr_xdecref(file);
    kr_xdecref(pkgname);
    return NULL;
}

int krImport_star(KrThreadState *ts, KrObject *module, KrObject *locals) {
    KrObject *all;
    if (krObj_lookup_attr(ts, module, krStr_intern_cstr(ts, "__all__"), &all) < 0) return -1;
    bool skip_private = false;
    if (!all) {
        KrObject *dict;
        if (krObj_lookup_attr(ts, module, KR_ID(__dict__), &dict) <= 0) {
            if (!krErr_occurred(ts))
                krErr_set_string(ts, &KrExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = krDict_check(dict) ? krDict_keys(ts, dict) : krSeq_list(ts, dict);
        kr_decref(dict);
        if (!all) return -1;
        skip_private = true;
    }
    KrObject *it = krObj_get_iter(ts, all);
    kr_decref(all);
    if (!it) return -1;
    KrObject *name;
    int r = 0;
    while (r == 0 && (name = krIter_next(ts, it))) {
        if (!krStr_check(name)) {
            krErr_format(ts, &KrExc_TypeError, "%s in %U.%s must be str, not %s", skip_private ? "Key" : "Item",
                         KR_ID(__name__), skip_private ? "__dict__" : "__all__", krType_name(KR_TYPE(name)));
            r = -1;
        } else if (!(skip_private && krStr_utf8(name)[0] == '_')) {
            KrObject *v = krObj_getattr(ts, module, name);
            r = v ? krObj_setitem(ts, locals, name, v) : -1;
            kr_xdecref(v);
        }
        kr_decref(name);
    }
    kr_decref(it);
    if (r == 0 && krErr_occurred(ts)) r = -1;
    return r;
}
