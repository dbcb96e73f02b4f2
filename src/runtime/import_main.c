/*
 * import_main.c — running a module as the main program, as CPython's runpy
 * does for `python -m name` and `python directory/`: finding the module
 * (a package runs its __main__ submodule), getting its code from its loader,
 * and running it in the __main__ module's namespace with __name__,
 * __file__, __cached__, __loader__, __package__ and __spec__ set.
 *
 * Lookup failures are runpy's _Error: they end the program with
 * SystemExit("<sys.executable>: <message>"), so the message goes to stderr
 * and the exit status is 1.  Errors raised by the module's own code (or
 * its parent package's) propagate as usual.
 *
 * Also importlib.util.find_spec, which runpy's lookup is built on.
 */
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import_internal.h"
#include "vm/eval.h"

KrObject *krImport_util_find_spec(KrThreadState *ts, KrObject *fullname) {
    KrObject *module = krDict_get(ts, ts->interp->modules, fullname);
    if (module) {
        if (module == KR_NONE) return kr_newref(KR_NONE);
        KrObject *spec;
        if (krObj_lookup_attr(ts, module, KR_ID(__spec__), &spec) < 0) return NULL;
        if (!spec) return krErr_format(ts, &KrExc_ValueError, "%U.__spec__ is not set", fullname);
        if (spec == KR_NONE) {
            kr_decref(spec);
            return krErr_format(ts, &KrExc_ValueError, "%U.__spec__ is None", fullname);
        }
        return spec;
    }
    if (krErr_occurred(ts)) return NULL;
    const char *n = krStr_utf8(fullname), *dot = strrchr(n, '.');
    KrObject *parent_path = NULL;
    if (dot) {
        KrObject *parent_name = krStr_from_utf8(ts, n, dot - n);
        KrObject *parent = parent_name ? krImport_gcd_import(ts, parent_name, NULL, 0) : NULL;
        if (!parent) {
            kr_xdecref(parent_name);
            return NULL;
        }
        int found = krObj_lookup_attr(ts, parent, KR_ID(__path__), &parent_path);
        kr_decref(parent);
        if (found == 0) {
            // CPython chains the AttributeError ("from e").
            KrObject *cause = krObj_call1(ts, (KrObject *)&KrExc_AttributeError, krStr_intern_cstr(ts, "__path__"));
            krImport_errorf(ts, &KrExc_ModuleNotFoundError, fullname, NULL,
                            "__path__ attribute not found on %R while trying to find %R", parent_name, fullname);
            KrObject *exc = krErr_peek(ts);
            if (exc && cause && kr_type_check(exc, &KrExc_ModuleNotFoundError)) {
                krExc_set_context(exc, kr_newref(cause));
                krExc_set_cause(exc, cause);
                ((KrBaseExceptionObject *)exc)->suppress_context = true;
            } else {
                kr_xdecref(cause);
            }
        }
        kr_decref(parent_name);
        if (found <= 0) return NULL;
    }
    KrObject *spec = krImport_find_spec(ts, fullname, parent_path, NULL);
    kr_xdecref(parent_path);
    return spec;
}

// ---------------------------------------------------------------------------
// runpy._get_module_details

// Result of get_module_details: the spec and code, or a lookup failure
// (*msg, no exception), or an exception.
enum { DETAILS_ERROR = -1, DETAILS_OK = 0, DETAILS_BUILTIN = 1 };

// Is the pending ImportError about `pkg_name` or one of its ancestors
// (which find_spec will then report)?  Never fails.
static bool error_is_about(KrThreadState *ts, KrObject *pkg_name) {
    if (!krErr_matches(ts, &KrExc_ImportError)) return false;
    KrObject *ename = ((KrImportErrorObject *)krErr_peek(ts))->name;
    if (!ename || ename == KR_NONE || !krStr_check(ename)) return false;
    if (krStr_eq(ename, pkg_name)) return true;
    KrSsize n = krStr_size(ename);
    return krStr_size(pkg_name) > n && memcmp(krStr_utf8(pkg_name), krStr_utf8(ename), (size_t)n) == 0 &&
           krStr_utf8(pkg_name)[n] == '.';
}

static bool ends_with(KrObject *s, const char *suffix) {
    size_t n = (size_t)krStr_size(s), k = strlen(suffix);
    return n >= k && memcmp(krStr_utf8(s) + n - k, suffix, k) == 0;
}

// The spec of `mod_name` for running it (find_spec with runpy's errors).
static int details_spec(KrThreadState *ts, KrObject *mod_name, KrObject **spec, KrObject **msg) {
    *spec = krImport_util_find_spec(ts, mod_name);
    if (*spec) return 0;
    if (!krErr_matches(ts, &KrExc_ImportError) && !krErr_matches(ts, &KrExc_AttributeError) &&
        !krErr_matches(ts, &KrExc_TypeError) && !krErr_matches(ts, &KrExc_ValueError))
        return -1;
    KrObject *exc = krErr_fetch(ts);
    KrObject *text = krObj_str(ts, exc);
    if (text) {
        *msg = krStr_from_format(ts, "Error while finding module specification for %R (%s: %U)", mod_name,
                                 krType_name(KR_TYPE(exc)), text);
        if (*msg && ends_with(mod_name, ".py")) {
            KrObject *stem = krStr_from_utf8(ts, krStr_utf8(mod_name), krStr_size(mod_name) - 3);
            KrObject *m = stem ? krStr_from_format(ts, "%U. Try using '%U' instead of '%U' as the module name.", *msg,
                                                   stem, mod_name)
                               : NULL;
            kr_xdecref(stem);
            kr_setref(msg, m);
        }
    }
    kr_xdecref(text);
    kr_decref(exc);
    return -1;
}

static int get_module_details(KrThreadState *ts, KrObject *mod_name, KrObject **spec_out, KrObject **code_out,
                              KrObject **msg);

// A package: run its __main__ submodule.
static int package_details(KrThreadState *ts, KrObject *mod_name, KrObject **spec_out, KrObject **code_out,
                           KrObject **msg) {
    if (krStr_eq_cstr(mod_name, "__main__") || ends_with(mod_name, ".__main__")) {
        *msg = krStr_from_cstr(ts, "Cannot use package as __main__ module");
        return DETAILS_ERROR;
    }
    KrObject *main_name = krStr_from_format(ts, "%U.__main__", mod_name);
    if (!main_name) return DETAILS_ERROR;
    int r = get_module_details(ts, main_name, spec_out, code_out, msg);
    kr_decref(main_name);
    if (r == DETAILS_ERROR && *msg) {
        int in = krDict_contains(ts, ts->interp->modules, mod_name);
        if (in > 0) kr_setref(msg, krStr_from_format(ts, "%U; %R is a package and cannot be directly executed", *msg, mod_name));
        if (in < 0) KR_CLEAR(*msg);
    }
    return r;
}

// The code of a module found by `spec`.
static int spec_code(KrThreadState *ts, KrObject *mod_name, KrObject *spec, KrObject **code_out, KrObject **msg) {
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    if (!loader) return DETAILS_ERROR;
    if (loader == KR_NONE) {
        kr_decref(loader);
        *msg = krStr_from_format(ts, "%R is a namespace package and cannot be executed", mod_name);
        return DETAILS_ERROR;
    }
    KrObject *code = krLoader_get_code(ts, loader, mod_name);
    bool builtin = loader == (KrObject *)&KrBuiltinImporter_Type;
    kr_decref(loader);
    if (!code) {
        if (!krErr_matches(ts, &KrExc_ImportError)) return DETAILS_ERROR;
        KrObject *exc = krErr_fetch(ts);
        *msg = krObj_str(ts, exc);
        kr_decref(exc);
        return DETAILS_ERROR;
    }
    if (code == KR_NONE) {
        kr_decref(code);
        // A built-in module may offer a _main() entry point instead (dis).
        if (builtin) return DETAILS_BUILTIN;
        *msg = krStr_from_format(ts, "No code object available for %U", mod_name);
        return DETAILS_ERROR;
    }
    *code_out = code;
    return DETAILS_OK;
}

static int get_module_details(KrThreadState *ts, KrObject *mod_name, KrObject **spec_out, KrObject **code_out,
                              KrObject **msg) {
    const char *n = krStr_utf8(mod_name), *dot = strrchr(n, '.');
    if (n[0] == '.') {
        *msg = krStr_from_cstr(ts, "Relative module names not supported");
        return DETAILS_ERROR;
    }
    if (dot) {
        // Import the parent first, so its own errors are not mistaken for
        // "not found".
        KrObject *pkg_name = krStr_from_utf8(ts, n, dot - n);
        if (!pkg_name) return DETAILS_ERROR;
        KrObject *pkg = krImport_gcd_import(ts, pkg_name, NULL, 0);
        if (pkg) {
            kr_decref(pkg);
        } else if (error_is_about(ts, pkg_name)) {
            krErr_clear(ts);
        } else {
            kr_decref(pkg_name);
            return DETAILS_ERROR;
        }
        kr_decref(pkg_name);
    }
    KrObject *spec;
    if (details_spec(ts, mod_name, &spec, msg) < 0) return DETAILS_ERROR;
    if (spec == KR_NONE) {
        kr_decref(spec);
        *msg = krStr_from_format(ts, "No module named %U", mod_name);
        return DETAILS_ERROR;
    }
    KrObject *smsl = krObj_getattr(ts, spec, IMP_ID(submodule_search_locations));
    if (!smsl) {
        kr_decref(spec);
        return DETAILS_ERROR;
    }
    int r;
    if (smsl != KR_NONE) {
        kr_decref(spec);
        spec = NULL;
        r = package_details(ts, mod_name, &spec, code_out, msg);
    } else {
        r = spec_code(ts, mod_name, spec, code_out, msg);
    }
    kr_decref(smsl);
    if (r == DETAILS_ERROR) KR_CLEAR(spec);
    *spec_out = spec;
    return r;
}

// ---------------------------------------------------------------------------
// Running

// runpy._run_code: sets the module attributes from the spec in `globals`
// and runs the code there.  0 or -1.
static int run_code(KrThreadState *ts, KrObject *code, KrObject *globals, KrObject *spec) {
    KrObject *vals[7] = {NULL};
    KrObject *names[7] = {KR_ID(__name__), KR_ID(__file__), IMP_ID(__cached__), KR_ID(__doc__), KR_ID(__loader__),
                          KR_ID(__package__), KR_ID(__spec__)};
    int r = -1;
    vals[0] = kr_newref(KR_ID(__main__));
    if (!(vals[1] = krObj_getattr(ts, spec, IMP_ID(origin))) || !(vals[2] = krObj_getattr(ts, spec, IMP_ID(cached))))
        goto done;
    vals[3] = kr_newref(KR_NONE);
    if (!(vals[4] = krObj_getattr(ts, spec, IMP_ID(loader))) || !(vals[5] = krObj_getattr(ts, spec, IMP_ID(parent))))
        goto done;
    vals[6] = kr_newref(spec);
    for (int i = 0; i < 7; i++)
        if (krDict_set(ts, globals, names[i], vals[i]) < 0) goto done;
    KrObject *res = krEval_code(ts, code, globals, globals);
    if (res) {
        kr_decref(res);
        r = 0;
    }
done:
    for (int i = 0; i < 7; i++) kr_xdecref(vals[i]);
    return r;
}

// Ends the program the way runpy does for a lookup failure.
static int usage_exit(KrThreadState *ts, KrObject *msg) {
    KrObject *exe = krDict_get_cstr(ts, ts->interp->sysdict, "executable");
    KrObject *text = exe && krStr_check(exe) ? krStr_from_format(ts, "%U: %U", exe, msg) : kr_newref(msg);
    if (text) {
        krErr_set_object(ts, &KrExc_SystemExit, text);
        kr_decref(text);
    }
    return -1;
}

// Runs a built-in module's _main().
static int run_builtin_main(KrThreadState *ts, KrObject *mod_name) {
    KrObject *m = krImport_gcd_import(ts, mod_name, NULL, 0);
    if (!m) return -1;
    KrObject *mainfunc;
    int r = krObj_lookup_attr(ts, m, krStr_intern_cstr(ts, "_main"), &mainfunc);
    kr_decref(m);
    if (r <= 0) {
        if (r < 0) return -1;
        KrObject *msg = krStr_from_format(ts, "No code object available for %U", mod_name);
        r = msg ? usage_exit(ts, msg) : -1;
        kr_xdecref(msg);
        return r;
    }
    KrObject *res = krObj_call0(ts, mainfunc);
    kr_decref(mainfunc);
    kr_xdecref(res);
    return res ? 0 : -1;
}

static KrObject *main_globals(KrThreadState *ts) {
    KrObject *main = krObj_getitem(ts, ts->interp->modules, KR_ID(__main__));
    if (!main) return NULL;
    KrObject *d = krObj_getattr(ts, main, KR_ID(__dict__));
    kr_decref(main);
    return d;
}

int krImport_run_module_as_main(KrThreadState *ts, const char *name) {
    KrObject *mod_name = krStr_from_cstr(ts, name);
    if (!mod_name) return -1;
    KrObject *spec = NULL, *code = NULL, *msg = NULL, *globals = NULL;
    int r = get_module_details(ts, mod_name, &spec, &code, &msg);
    if (r == DETAILS_ERROR) {
        r = msg ? usage_exit(ts, msg) : -1;
        goto done;
    }
    if (r == DETAILS_BUILTIN) {
        r = run_builtin_main(ts, mod_name);
        goto done;
    }
    r = -1;
    if (!(globals = main_globals(ts))) goto done;
    KrObject *origin = krObj_getattr(ts, spec, IMP_ID(origin));
    KrObject *argv = krDict_get_str(ts->interp->sysdict, KR_ID(argv));
    int set = origin && argv ? krObj_setitem(ts, argv, kr_smallint(0), origin) : -1;
    kr_xdecref(origin);
    if (set == 0) r = run_code(ts, code, globals, spec);
done:
    kr_decref(mod_name);
    kr_xdecref(spec);
    kr_xdecref(code);
    kr_xdecref(msg);
    kr_xdecref(globals);
    return r;
}

int krImport_run_main_from_path(KrThreadState *ts) {
    // Finds __main__ through sys.path[0] with the real __main__ module set
    // aside, as runpy._get_main_module_details does.
    KrObject *saved = NULL, *spec = NULL, *code = NULL, *msg = NULL, *globals = NULL;
    if (krDict_pop(ts, ts->interp->modules, KR_ID(__main__), &saved) <= 0) {
        if (!krErr_occurred(ts)) krErr_set_key_error(ts, KR_ID(__main__));
        return -1;
    }
    int r = get_module_details(ts, KR_ID(__main__), &spec, &code, &msg);
    KrObject *exc = krErr_fetch(ts);
    if (krDict_set(ts, ts->interp->modules, KR_ID(__main__), saved) < 0) {
        kr_xdecref(exc);
        r = DETAILS_ERROR;
        goto done;
    }
    krErr_restore(ts, exc);
    if (r == DETAILS_ERROR) {
        // Here runpy's lookup raises plain ImportErrors; those that mention
        // __main__ become "can't find '__main__' module in <path>".
        if (!msg && krErr_matches(ts, &KrExc_ImportError)) {
            KrObject *e = krErr_fetch(ts);
            msg = krObj_str(ts, e);
            if (msg && !strstr(krStr_utf8(msg), "__main__")) {
                krErr_restore(ts, e);
                goto done;
            }
            kr_decref(e);
        }
        if (msg && strstr(krStr_utf8(msg), "__main__")) {
            KrObject *path = krDict_get_str(ts->interp->sysdict, KR_ID(path));
            KrObject *first = path && krList_check(path) && KR_LIST_SIZE(path) ? KR_LIST_GET(path, 0) : KR_NONE;
            KrObject *m = krStr_from_format(ts, "can't find '__main__' module in %R", first);
            if (m) usage_exit(ts, m);
            kr_xdecref(m);
        } else if (msg) {
            krImport_error(ts, &KrExc_ImportError, msg, NULL, NULL);
        }
        goto done;
    }
    r = -1;
    if ((globals = main_globals(ts))) r = run_code(ts, code, globals, spec);
done:
    kr_decref(saved);
    kr_xdecref(spec);
    kr_xdecref(code);
    kr_xdecref(msg);
    kr_xdecref(globals);
    return r < 0 ? -1 : 0;
}

int krImport_set_main_loader(KrThreadState *ts, const char *path) {
    KrObject *dict = krModule_dict(ts->interp->main_module), *loader;
    if (path) {
        KrObject *p = krStr_decode_utf8(ts, path, (KrSsize)strlen(path), "surrogateescape");
        if (!p) return -1;
        loader = krFileLoader_new(ts, &KrSourceFileLoader_Type, KR_ID(__main__), p);
        kr_decref(p);
        if (!loader) return -1;
    } else {
        loader = kr_newref((KrObject *)&KrBuiltinImporter_Type);
    }
    if (krDict_set_steal(ts, dict, KR_ID(__loader__), loader) < 0) return -1;
    return path ? krDict_set(ts, dict, IMP_ID(__cached__), KR_NONE) : 0;
}
