/*
 * import.c — the import statement and the core of importlib._bootstrap:
 * __import__ (PyImport_ImportModuleLevelObject), _find_and_load, _find_spec
 * over sys.meta_path, module_from_spec, _load_unlocked, _handle_fromlist,
 * IMPORT_FROM and IMPORT_STAR, and the module repr.
 *
 * Fast paths: a module already in sys.modules costs a dict lookup; on
 * sys.meta_path the default finders (BuiltinImporter, FrozenImporter,
 * PathFinder) and loaders (BuiltinImporter, SourceFileLoader) are recognised
 * and called directly in C.  Everything else goes through the Python-level
 * protocol (find_spec / create_module / exec_module), so user finders,
 * loaders and path hooks behave as in CPython.
 *
 * A module is put in sys.modules before its code runs, with
 * spec._initializing true, so circular imports see the partial module (and
 * get "partially initialized module" errors); it is removed if its code
 * fails.  Krait has no threads yet, so there are no per-module import locks.
 */
#include <stdarg.h>
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

KrImportIds kr_import_ids;

KrImportState *krImport_state(KrThreadState *ts) { return (KrImportState *)ts->interp->import_state; }

int krImport_ready_types(KrThreadState *ts) {
    static KrTypeObject *const lazy[] = {&KrWindowsRegistryFinder_Type, &KrFileFinder_Type, &KrLoaderBasics_Type,
                                         &KrSourceLoader_Type, &KrFileLoader_Type, &KrSourceFileLoader_Type,
                                         &KrSourcelessFileLoader_Type, &KrExtensionFileLoader_Type,
                                         &KrNamespaceLoader_Type, &KrNamespacePath_Type};
    if (KrNamespacePath_Type.tp_flags & KR_TPFLAGS_READY) return 0;
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++)
        if (!(lazy[i]->tp_flags & KR_TPFLAGS_READY) && krType_ready(ts, lazy[i]) < 0) return -1;
    return krLoader_set_bases(ts);
}

// ---------------------------------------------------------------------------
// Errors

KrObject *krImport_error(KrThreadState *ts, KrTypeObject *type, KrObject *msg, KrObject *name, KrObject *path) {
    KrObject *exc = krObj_call1(ts, (KrObject *)type, msg);
    if (!exc) return NULL;
    if (kr_type_check(exc, &KrExc_ImportError)) {
        KrImportErrorObject *ie = (KrImportErrorObject *)exc;
        if (name) kr_setref(&ie->name, kr_newref(name));
        if (path) kr_setref(&ie->path, kr_newref(path));
    }
    krErr_set_exc(ts, exc);
    return NULL;
}

KrObject *krImport_errorf(KrThreadState *ts, KrTypeObject *type, KrObject *name, KrObject *path, const char *fmt,
                          ...) {
    va_list va;
    va_start(va, fmt);
    KrObject *msg = krStr_vfrom_format(ts, fmt, va);
    va_end(va);
    if (!msg) return NULL;
    krImport_error(ts, type, msg, name, path);
    kr_decref(msg);
    return NULL;
}

// "No module named 'x'" (ModuleNotFoundError with name).
static KrObject *not_found(KrThreadState *ts, KrObject *name) {
    return krImport_errorf(ts, &KrExc_ModuleNotFoundError, name, NULL, "No module named %R", name);
}

// ---------------------------------------------------------------------------
// Attribute helpers

// getattr(o, name, None): new reference, NULL only on errors other than
// AttributeError.
static KrObject *getattr_or_none(KrThreadState *ts, KrObject *o, KrObject *name) {
    KrObject *v;
    if (krObj_lookup_attr(ts, o, name, &v) < 0) return NULL;
    return v ? v : kr_newref(KR_NONE);
}

// Plain module objects keep these attributes in their dict: reading and
// writing it directly skips building AttributeErrors for missing ones.
static bool plain_module(KrObject *o) { return KR_TYPE(o) == &KrModule_Type; }

// setattr that ignores AttributeError (modules that refuse attributes).
static int setattr_quiet(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value) {
    if (plain_module(o)) return krDict_set(ts, krModule_dict(o), name, value);
    if (krObj_setattr(ts, o, name, value) == 0) return 0;
    if (!krErr_matches(ts, &KrExc_AttributeError)) return -1;
    krErr_clear(ts);
    return 0;
}

// Is getattr(module, name, None) None (or must it be set anyway)?  1, 0, -1.
static int needs_attr(KrThreadState *ts, KrObject *module, KrObject *name, bool override) {
    if (override) return 1;
    if (plain_module(module)) {
        KrObject *v = krDict_get_str(krModule_dict(module), name);
        return !v || v == KR_NONE;
    }
    KrObject *v = getattr_or_none(ts, module, name);
    if (!v) return -1;
    int r = v == KR_NONE;
    kr_decref(v);
    return r;
}

// ---------------------------------------------------------------------------
// module_from_spec

// The NamespaceLoader given to a namespace package's module (the "backward
// compatibility hack" of _init_module_attrs): new reference.
static KrObject *namespace_loader_for(KrThreadState *ts, KrObject *spec, KrObject *smsl) {
    if (krImport_ready_types(ts) < 0) return NULL;
    KrObject *loader = krType_generic_alloc(ts, &KrNamespaceLoader_Type, 0);
    if (!loader) return NULL;
    if (krObj_setattr(ts, loader, IMP_ID(_path), smsl) < 0 || krObj_setattr(ts, spec, IMP_ID(loader), loader) < 0)
        KR_CLEAR(loader);
    return loader;
}

static int set_loader_attr(KrThreadState *ts, KrObject *spec, KrObject *module, bool override) {
    int need = needs_attr(ts, module, KR_ID(__loader__), override);
    if (need <= 0) return need;
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    if (!loader) return -1;
    if (loader == KR_NONE) {
        KrObject *smsl = krObj_getattr(ts, spec, IMP_ID(submodule_search_locations));
        if (!smsl) goto fail;
        if (smsl != KR_NONE) {
            kr_decref(loader);
            loader = namespace_loader_for(ts, spec, smsl);
            // Namespace packages have no location, so __file__ is None.
            if (!loader || krObj_setattr(ts, module, KR_ID(__file__), KR_NONE) < 0) {
                kr_decref(smsl);
                goto fail;
            }
        }
        kr_decref(smsl);
    }
    int r = setattr_quiet(ts, module, KR_ID(__loader__), loader);
    kr_decref(loader);
    return r;
fail:
    kr_xdecref(loader);
    return -1;
}

// Sets spec.<attr> on module.<name> when needed.
static int copy_attr(KrThreadState *ts, KrObject *spec, KrObject *attr, KrObject *module, KrObject *name,
                     bool override, bool skip_none) {
    int need = needs_attr(ts, module, name, override);
    if (need <= 0) return need;
    KrObject *v = krObj_getattr(ts, spec, attr);
    if (!v) return -1;
    int r = skip_none && v == KR_NONE ? 0 : setattr_quiet(ts, module, name, v);
    kr_decref(v);
    return r;
}

int krImport_init_module_attrs(KrThreadState *ts, KrObject *spec, KrObject *module, bool override) {
    if (copy_attr(ts, spec, KR_ID(name), module, KR_ID(__name__), override, false) < 0 ||
        set_loader_attr(ts, spec, module, override) < 0 ||
        copy_attr(ts, spec, IMP_ID(parent), module, KR_ID(__package__), override, false) < 0 ||
        setattr_quiet(ts, module, KR_ID(__spec__), spec) < 0 ||
        copy_attr(ts, spec, IMP_ID(submodule_search_locations), module, KR_ID(__path__), override, true) < 0)
        return -1;
    KrObject *loc = krObj_getattr(ts, spec, IMP_ID(has_location));
    int has = loc ? krObj_is_true(ts, loc) : -1;
    kr_xdecref(loc);
    if (has <= 0) return has;
    if (copy_attr(ts, spec, IMP_ID(origin), module, KR_ID(__file__), override, false) < 0 ||
        copy_attr(ts, spec, IMP_ID(cached), module, IMP_ID(__cached__), override, true) < 0)
        return -1;
    return 0;
}

KrObject *krImport_module_from_spec(KrThreadState *ts, KrObject *spec) {
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    if (!loader) return NULL;
    KrObject *module = NULL;
    if (loader == (KrObject *)&KrSourceFileLoader_Type || KR_TYPE(loader) == &KrSourceFileLoader_Type) {
        // SourceFileLoader.create_module returns None.
    } else {
        KrObject *create;
        if (krObj_lookup_attr(ts, loader, IMP_ID(create_module), &create) < 0) goto done;
        if (create) {
            module = krObj_call1(ts, create, spec);
            kr_decref(create);
            if (!module) goto done;
            if (module == KR_NONE) KR_CLEAR(module);
        } else {
            int has = krObj_hasattr(ts, loader, IMP_ID(exec_module));
            if (has < 0) goto done;
            if (has) {
                krErr_set_string(ts, &KrExc_ImportError,
                                 "loaders that define exec_module() must also define create_module()");
                goto done;
            }
        }
    }
    if (!module) {
        KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
        if (!name) goto done;
        if (!krStr_check(name)) {
            krErr_format(ts, &KrExc_TypeError, "module.__init__() argument 'name' must be str, not %T", name);
            kr_decref(name);
            goto done;
        }
        module = krModule_new(ts, name);
        kr_decref(name);
        if (!module) goto done;
    }
    if (krImport_init_module_attrs(ts, spec, module, false) < 0) KR_CLEAR(module);
done:
    kr_decref(loader);
    return module;
}

// ---------------------------------------------------------------------------
// Loading

// Moves sys.modules[name] to the end (insertion order reflects completion).
// New reference to the module there; KeyError when it vanished.
static KrObject *move_to_end(KrThreadState *ts, KrObject *name) {
    KrObject *modules = ts->interp->modules, *m;
    int r = krDict_pop(ts, modules, name, &m);
    if (r < 0) return NULL;
    if (r == 0) {
        krErr_set_key_error(ts, name);
        return NULL;
    }
    if (krDict_set(ts, modules, name, m) < 0) KR_CLEAR(m);
    return m;
}

static int spec_set_initializing(KrThreadState *ts, KrObject *spec, bool value) {
    return krObj_setattr(ts, spec, IMP_ID(_initializing), kr_bool(value));
}

// Runs the loader for a module already in sys.modules.  0 or -1.
static int exec_with_loader(KrThreadState *ts, KrObject *spec, KrObject *module) {
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
    if (!loader) return -1;
    int r = 0;
    if (loader == KR_NONE) {
        KrObject *smsl = krObj_getattr(ts, spec, IMP_ID(submodule_search_locations));
        if (!smsl) r = -1;
        else if (smsl == KR_NONE) {
            KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
            if (name) krImport_errorf(ts, &KrExc_ImportError, name, NULL, "missing loader");
            kr_xdecref(name);
            r = -1;
        }
        kr_xdecref(smsl);
    } else if (KR_TYPE(loader) == &KrSourceFileLoader_Type) {
        r = krLoader_exec_module(ts, loader, module);
    } else if (loader != (KrObject *)&KrBuiltinImporter_Type) {
        KrObject *res = krObj_call_method(ts, loader, IMP_ID(exec_module), module, NULL);
        r = res ? 0 : -1;
        kr_xdecref(res);
    }
    kr_decref(loader);
    return r;
}

// _load_backward_compatible(spec): loaders with only load_module().
static KrObject *load_backward_compatible(KrThreadState *ts, KrObject *spec, KrObject *loader, KrObject *name) {
    KrObject *r = krObj_call_method(ts, loader, IMP_ID(load_module), name, NULL);
    if (!r) {
        KrObject *exc = krErr_fetch(ts);
        int in = krDict_contains(ts, ts->interp->modules, name);
        KrObject *m = in > 0 ? move_to_end(ts, name) : NULL;
        kr_xdecref(m);
        if (krErr_occurred(ts)) krErr_clear(ts);
        krErr_restore(ts, exc);
        return NULL;
    }
    kr_decref(r);
    KrObject *module = move_to_end(ts, name);
    if (!module) return NULL;
    if (needs_attr(ts, module, KR_ID(__loader__), false) > 0 && setattr_quiet(ts, module, KR_ID(__loader__), loader) < 0)
        goto fail;
    int need = needs_attr(ts, module, KR_ID(__package__), false);
    if (need < 0) goto fail;
    if (need) {
        int haspath = krObj_hasattr(ts, module, KR_ID(__path__));
        if (haspath < 0) goto fail;
        KrObject *pkg = haspath ? krObj_getattr(ts, module, KR_ID(__name__)) : krObj_getattr(ts, spec, IMP_ID(parent));
        if (!pkg) goto fail;
        int rr = setattr_quiet(ts, module, KR_ID(__package__), pkg);
        kr_decref(pkg);
        if (rr < 0) goto fail;
    }
    if (needs_attr(ts, module, KR_ID(__spec__), false) > 0 && setattr_quiet(ts, module, KR_ID(__spec__), spec) < 0)
        goto fail;
    if (krErr_occurred(ts)) goto fail;
    return module;
fail:
    kr_decref(module);
    return NULL;
}

KrObject *krImport_load_spec(KrThreadState *ts, KrObject *spec) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
    if (!name) return NULL;
    KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader)), *module = NULL;
    if (!loader) goto done;
    if (loader != KR_NONE && KR_TYPE(loader) != &KrSourceFileLoader_Type &&
        loader != (KrObject *)&KrBuiltinImporter_Type) {
        int has = krObj_hasattr(ts, loader, IMP_ID(exec_module));
        if (has < 0) goto done;
        if (!has) {
            module = load_backward_compatible(ts, spec, loader, name);
            goto done;
        }
    }
    if (!(module = krImport_module_from_spec(ts, spec))) goto done;
    // _initializing must be set before the module is in sys.modules.
    if (spec_set_initializing(ts, spec, true) < 0) goto fail;
    int r = krDict_set(ts, ts->interp->modules, name, module);
    if (r == 0 && exec_with_loader(ts, spec, module) < 0) {
        KrObject *exc = krErr_fetch(ts);
        if (krDict_pop(ts, ts->interp->modules, name, NULL) < 0) krErr_clear(ts);
        krErr_restore(ts, exc);
        r = -1;
    }
    if (r == 0) {
        // The module may have replaced itself in sys.modules.
        kr_setref(&module, move_to_end(ts, name));
        if (!module) r = -1;
    }
    KrObject *exc = krErr_fetch(ts);
    if (spec_set_initializing(ts, spec, false) < 0) {
        kr_xdecref(exc);
        goto fail;
    }
    krErr_restore(ts, exc);
    if (r < 0) goto fail;
    goto done;
fail:
    KR_CLEAR(module);
done:
    kr_decref(name);
    kr_xdecref(loader);
    return module;
}

KrObject *krImport_exec_spec(KrThreadState *ts, KrObject *spec, KrObject *module) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name));
    if (!name) return NULL;
    KrObject *cur = krDict_get(ts, ts->interp->modules, name);
    if (cur != module) {
        if (!krErr_occurred(ts)) krImport_errorf(ts, &KrExc_ImportError, name, NULL, "module %R not in sys.modules", name);
        kr_decref(name);
        return NULL;
    }
    int r = krImport_init_module_attrs(ts, spec, module, true);
    if (r == 0) {
        KrObject *loader = krObj_getattr(ts, spec, IMP_ID(loader));
        if (!loader) {
            r = -1;
        } else if (loader == KR_NONE) {
            r = exec_with_loader(ts, spec, module);
        } else {
            int has = krObj_hasattr(ts, loader, IMP_ID(exec_module));
            KrObject *res = has < 0 ? NULL
                            : has   ? (exec_with_loader(ts, spec, module) < 0 ? NULL : kr_newref(KR_NONE))
                                    : krObj_call_method(ts, loader, IMP_ID(load_module), name, NULL);
            r = res ? 0 : -1;
            kr_xdecref(res);
        }
        kr_xdecref(loader);
    }
    KrObject *exc = krErr_fetch(ts);
    KrObject *m = move_to_end(ts, name);
    kr_decref(name);
    if (exc) {
        kr_xdecref(m);
        if (krErr_occurred(ts)) krErr_clear(ts);
        krErr_restore(ts, exc);
        return NULL;
    }
    return m;
}

// ---------------------------------------------------------------------------
// Finding

// _find_spec_legacy(finder, name, path): finder.find_module().
static KrObject *find_spec_legacy(KrThreadState *ts, KrObject *finder, KrObject *name, KrObject *path) {
    KrObject *args[2] = {name, path ? path : KR_NONE};
    KrObject *meth = krObj_getattr(ts, finder, IMP_ID(find_module));
    if (!meth) return NULL;
    KrObject *loader = krObj_vectorcall(ts, meth, args, 2, NULL);
    kr_decref(meth);
    if (!loader || loader == KR_NONE) return loader;
    KrObject *spec = krSpec_from_loader(ts, name, loader, NULL, NULL);
    kr_decref(loader);
    return spec;
}

// One meta path finder's answer: new reference (None when it has none).
static KrObject *finder_find_spec(KrThreadState *ts, KrObject *finder, KrObject *name, KrObject *path,
                                  KrObject *target) {
    if (finder == (KrObject *)&KrBuiltinImporter_Type) return krBuiltinImporter_find_spec(ts, name);
    if (finder == (KrObject *)&KrPathFinder_Type) return krPathFinder_find_spec(ts, name, path, target);
    if (finder == (KrObject *)&KrFrozenImporter_Type) return kr_newref(KR_NONE);
    KrObject *find;
    if (krObj_lookup_attr(ts, finder, IMP_ID(find_spec), &find) < 0) return NULL;
    if (!find) return find_spec_legacy(ts, finder, name, path);
    KrObject *args[3] = {name, path ? path : KR_NONE, target ? target : KR_NONE};
    KrObject *spec = krObj_vectorcall(ts, find, args, 3, NULL);
    kr_decref(find);
    return spec;
}

KrObject *krImport_find_spec(KrThreadState *ts, KrObject *name, KrObject *path, KrObject *target) {
    KrObject *meta_path = krDict_get_str(ts->interp->sysdict, IMP_ID(meta_path));
    if (!meta_path || meta_path == KR_NONE)
        return krErr_format(ts, &KrExc_ImportError, "sys.meta_path is None, Python is likely shutting down");
    int is_reload = krDict_contains(ts, ts->interp->modules, name);
    if (is_reload < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, meta_path), *finder;
    if (!it) return NULL;
    KrObject *spec = NULL;
    while ((finder = krIter_next(ts, it))) {
        spec = finder_find_spec(ts, finder, name, path, target);
        kr_decref(finder);
        if (!spec) break;
        if (spec != KR_NONE) break;
        KR_CLEAR(spec);
    }
    kr_decref(it);
    if (!spec) return krErr_occurred(ts) ? NULL : kr_newref(KR_NONE);
    // The parent's import may have imported this module meanwhile: prefer
    // the spec of the module that won.
    KrObject *module = is_reload ? NULL : krDict_get(ts, ts->interp->modules, name);
    if (module) {
        KrObject *mspec;
        if (krObj_lookup_attr(ts, module, KR_ID(__spec__), &mspec) < 0) {
            kr_decref(spec);
            return NULL;
        }
        if (mspec && mspec != KR_NONE) {
            kr_decref(spec);
            return mspec;
        }
        kr_xdecref(mspec);
    }
    return krErr_occurred(ts) ? (kr_decref(spec), NULL) : spec;
}

static KrObject *find_and_load(KrThreadState *ts, KrObject *name);

// _find_and_load_unlocked(name).
static KrObject *find_and_load_unlocked(KrThreadState *ts, KrObject *name) {
    const char *n = krStr_utf8(name), *dot = strrchr(n, '.');
    KrObject *parent = NULL, *child = NULL, *path = NULL, *parent_spec = NULL, *spec = NULL, *module = NULL;
    if (dot && dot != n) {
        if (!(parent = krStr_from_utf8(ts, n, dot - n))) return NULL;
        krStr_intern_inplace(ts, &parent);
        int in = krDict_contains(ts, ts->interp->modules, parent);
        if (in < 0) goto done;
        if (!in) {
            KrObject *p = find_and_load(ts, parent);
            if (!p) goto done;
            kr_decref(p);
        }
        // Crazy side-effects: importing the parent may have imported us.
        module = krDict_get(ts, ts->interp->modules, name);
        if (module) {
            kr_incref(module);
            goto done;
        }
        if (krErr_occurred(ts)) goto done;
        KrObject *pmod = krObj_getitem(ts, ts->interp->modules, parent);
        if (!pmod) goto done;
        int found = krObj_lookup_attr(ts, pmod, KR_ID(__path__), &path);
        if (found <= 0) {
            kr_decref(pmod);
            if (found == 0)
                krImport_errorf(ts, &KrExc_ModuleNotFoundError, name, NULL, "No module named %R; %R is not a package",
                                name, parent);
            goto done;
        }
        parent_spec = krObj_getattr(ts, pmod, KR_ID(__spec__));
        kr_decref(pmod);
        if (!parent_spec) goto done;
        if (!(child = krStr_from_cstr(ts, dot + 1))) goto done;
        krStr_intern_inplace(ts, &child);
    }
    if (!(spec = krImport_find_spec(ts, name, path, NULL))) goto done;
    if (spec == KR_NONE) {
        not_found(ts, name);
        goto done;
    }
    // While the child loads, the parent's spec lists it, for the "cannot
    // access submodule" error of circular imports.
    KrObject *subs = NULL;
    if (parent_spec && parent_spec != KR_NONE) {
        if (!(subs = krObj_getattr(ts, parent_spec, IMP_ID(_uninitialized_submodules)))) goto done;
        KrObject *r = krObj_call_method(ts, subs, KR_ID(append), child, NULL);
        if (!r) {
            kr_decref(subs);
            goto done;
        }
        kr_decref(r);
    }
    module = krImport_load_spec(ts, spec);
    if (subs) {
        KrObject *exc = krErr_fetch(ts);
        KrObject *r = krObj_call_method(ts, subs, krStr_intern_cstr(ts, "pop"), NULL);
        kr_decref(subs);
        if (!r) {
            kr_xdecref(exc);
            KR_CLEAR(module);
            goto done;
        }
        kr_decref(r);
        krErr_restore(ts, exc);
    }
    if (module && parent) {
        // Bind the module as an attribute of its parent package.
        KrObject *pmod = krObj_getitem(ts, ts->interp->modules, parent);
        if (!pmod || setattr_quiet(ts, pmod, child, module) < 0) KR_CLEAR(module);
        kr_xdecref(pmod);
    }
done:
    kr_xdecref(parent);
    kr_xdecref(child);
    kr_xdecref(path);
    kr_xdecref(parent_spec);
    kr_xdecref(spec);
    return module;
}

// _find_and_load(name): sys.modules[name], importing it if needed.
static KrObject *find_and_load(KrThreadState *ts, KrObject *name) {
    KrObject *module = krDict_get(ts, ts->interp->modules, name);
    if (!module) return krErr_occurred(ts) ? NULL : find_and_load_unlocked(ts, name);
    if (module == KR_NONE)
        return krImport_errorf(ts, &KrExc_ModuleNotFoundError, name, NULL, "import of %U halted; None in sys.modules",
                               name);
    return kr_newref(module);
}

// ---------------------------------------------------------------------------
// __import__

// The package a relative import of `level` in `globals` is relative to,
// joined with `name` (resolve_name in CPython's import.c).  New reference.
static KrObject *resolve_name(KrThreadState *ts, KrObject *name, KrObject *globals, int level) {
    if (!globals) return krErr_format(ts, &KrExc_KeyError, "'__name__' not in globals");
    if (!krDict_check(globals)) return krErr_format(ts, &KrExc_TypeError, "globals must be a dict");
    KrObject *package = krDict_get_str(globals, KR_ID(__package__));
    KrObject *spec = krDict_get_str(globals, KR_ID(__spec__));
    if (package == KR_NONE) package = NULL;
    if (package) {
        if (!krStr_check(package)) return krErr_format(ts, &KrExc_TypeError, "package must be a string");
        kr_incref(package);
    } else if (spec && spec != KR_NONE) {
        if (!(package = krObj_getattr(ts, spec, IMP_ID(parent)))) return NULL;
        if (!krStr_check(package)) {
            kr_decref(package);
            return krErr_format(ts, &KrExc_TypeError, "__spec__.parent must be a string");
        }
    } else {
        package = krDict_get_str(globals, KR_ID(__name__));
        if (!package) return krErr_format(ts, &KrExc_KeyError, "'__name__' not in globals");
        if (!krStr_check(package)) return krErr_format(ts, &KrExc_TypeError, "__name__ must be a string");
        if (krDict_get_str(globals, KR_ID(__path__))) {
            kr_incref(package);
        } else {
            const char *p = krStr_utf8(package), *dot = strrchr(p, '.');
            if (!dot) goto no_parent;
            if (!(package = krStr_from_utf8(ts, p, dot - p))) return NULL;
        }
    }
    const char *p = krStr_utf8(package);
    KrSsize last_dot = krStr_size(package);
    if (last_dot == 0) {
        kr_decref(package);
        goto no_parent;
    }
    for (int up = 1; up < level; up++) {
        while (last_dot > 0 && p[last_dot - 1] != '.') last_dot--;
        if (last_dot == 0) {
            kr_decref(package);
            return krErr_format(ts, &KrExc_ImportError, "attempted relative import beyond top-level package");
        }
        last_dot--;
    }
    KrObject *base = krStr_from_utf8(ts, p, last_dot);
    kr_decref(package);
    if (!base || krStr_size(name) == 0) return base;
    KrObject *abs = krStr_from_format(ts, "%U.%U", base, name);
    kr_decref(base);
    return abs;
no_parent:
    return krErr_format(ts, &KrExc_ImportError, "attempted relative import with no known parent package");
}

// The module __import__ returns when there is no fromlist: the top-level
// package of `name` (relative to the imported module for relative imports).
static KrObject *import_top(KrThreadState *ts, KrObject *name, KrObject *abs_name, KrObject *mod, int level) {
    const char *n = krStr_utf8(name), *dot = strchr(n, '.');
    if ((level != 0 && krStr_size(name) == 0) || !dot) return kr_newref(mod);
    if (level == 0) {
        KrObject *front = krStr_from_utf8(ts, n, dot - n);
        if (!front) return NULL;
        krStr_intern_inplace(ts, &front);
        KrObject *r = krImport_import_module_level(ts, front, NULL, NULL, NULL, 0);
        kr_decref(front);
        return r;
    }
    KrSsize cut_off = krStr_size(name) - (dot - n);
    KrObject *to_return = krStr_from_utf8(ts, krStr_utf8(abs_name), krStr_size(abs_name) - cut_off);
    if (!to_return) return NULL;
    KrObject *r = krDict_get(ts, ts->interp->modules, to_return);
    if (r) kr_incref(r);
    else if (!krErr_occurred(ts)) krErr_format(ts, &KrExc_KeyError, "%R not in sys.modules as expected", to_return);
    kr_decref(to_return);
    return r;
}

KrObject *krImport_import_module_level(KrThreadState *ts, KrObject *name, KrObject *globals, KrObject *locals,
                                       KrObject *fromlist, int level) {
    if (!name) return krErr_format(ts, &KrExc_ValueError, "Empty module name");
    if (!krStr_check(name)) return krErr_format(ts, &KrExc_TypeError, "module name must be a string");
    if (level < 0) return krErr_format(ts, &KrExc_ValueError, "level must be >= 0");
    KrObject *abs_name;
    if (level > 0) {
        if (!(abs_name = resolve_name(ts, name, globals, level))) return NULL;
    } else {
        if (krStr_size(name) == 0) return krErr_format(ts, &KrExc_ValueError, "Empty module name");
        abs_name = kr_newref(name);
    }
    // The fast path: already imported.
    KrObject *mod = krDict_get(ts, ts->interp->modules, abs_name);
    if (mod && mod != KR_NONE) kr_incref(mod);
    else if (krErr_occurred(ts)) mod = NULL;
    else mod = find_and_load(ts, abs_name);
    KrObject *final = NULL;
    if (!mod) goto done;
    int has_from = fromlist && fromlist != KR_NONE ? krObj_is_true(ts, fromlist) : 0;
    if (has_from < 0) goto done;
    if (!has_from) {
        final = import_top(ts, name, abs_name, mod, level);
    } else {
        KrObject *path;
        if (krObj_lookup_attr(ts, mod, KR_ID(__path__), &path) < 0) goto done;
        if (path) {
            kr_decref(path);
            final = krImport_handle_fromlist(ts, mod, fromlist, false);
        } else {
            final = kr_newref(mod);
        }
    }
done:
    kr_xdecref(mod);
    kr_decref(abs_name);
    return final;
}

KrObject *krImport_handle_fromlist(KrThreadState *ts, KrObject *module, KrObject *fromlist, bool recursive) {
    KrObject *it = krObj_get_iter(ts, fromlist), *x;
    if (!it) return NULL;
    while ((x = krIter_next(ts, it))) {
        int r = 0;
        if (!krStr_check(x)) {
            if (recursive) {
                KrObject *mname = krObj_getattr(ts, module, KR_ID(__name__));
                if (mname)
                    krErr_format(ts, &KrExc_TypeError, "Item in %S.__all__ must be str, not %s", mname,
                                 krType_name(KR_TYPE(x)));
                kr_xdecref(mname);
            } else {
                krErr_format(ts, &KrExc_TypeError, "Item in ``from list'' must be str, not %s", krType_name(KR_TYPE(x)));
            }
            r = -1;
        } else if (krStr_eq_cstr(x, "*")) {
            KrObject *all;
            r = recursive ? 0 : krObj_lookup_attr(ts, module, IMP_ID(__all__), &all);
            if (r > 0) {
                KrObject *res = krImport_handle_fromlist(ts, module, all, true);
                kr_decref(all);
                r = res ? 0 : -1;
                kr_xdecref(res);
            }
        } else if ((r = krObj_hasattr(ts, module, x)) == 0) {
            KrObject *mname = krObj_getattr(ts, module, KR_ID(__name__));
            KrObject *from_name = mname ? krStr_from_format(ts, "%S.%U", mname, x) : NULL;
            kr_xdecref(mname);
            KrObject *sub = from_name ? find_and_load(ts, from_name) : NULL;
            r = sub ? 0 : -1;
            kr_xdecref(sub);
            if (!sub && from_name && krErr_matches(ts, &KrExc_ModuleNotFoundError)) {
                // A missing submodule is reported by IMPORT_FROM instead, unless
                // something else failed or it was blocked with None.
                KrImportErrorObject *exc = (KrImportErrorObject *)krErr_peek(ts);
                int same = exc->name ? krObj_richcompare_bool(ts, exc->name, from_name, KR_EQ) : 0;
                KrObject *cur = same > 0 ? krDict_get(ts, ts->interp->modules, from_name) : NULL;
                if (same > 0 && cur != KR_NONE) {
                    krErr_clear(ts);
                    r = 0;
                }
            }
            kr_xdecref(from_name);
        }
        kr_decref(x);
        if (r < 0) {
            kr_decref(it);
            return NULL;
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? NULL : kr_newref(module);
}

KrObject *krImport_resolve_relative(KrThreadState *ts, KrObject *name, KrObject *package, int level) {
    // package.rsplit('.', level - 1)[0], then ".name" when name is not empty.
    const char *p = krStr_utf8(package);
    KrSsize end = krStr_size(package);
    for (int i = 1; i < level; i++) {
        while (end > 0 && p[end - 1] != '.') end--;
        if (end == 0) return krErr_format(ts, &KrExc_ImportError, "attempted relative import beyond top-level package");
        end--;
    }
    KrObject *base = krStr_from_utf8(ts, p, end);
    KrObject *abs = base && krStr_size(name) ? krStr_from_format(ts, "%U.%U", base, name) : kr_xnewref(base);
    kr_xdecref(base);
    return abs;
}

KrObject *krImport_gcd_import(KrThreadState *ts, KrObject *name, KrObject *package, int level) {
    if (!krStr_check(name)) {
        KrObject *t = krObj_repr(ts, (KrObject *)KR_TYPE(name));
        if (t) krErr_format(ts, &KrExc_TypeError, "module name must be str, not %U", t);
        kr_xdecref(t);
        return NULL;
    }
    if (level < 0) return krErr_format(ts, &KrExc_ValueError, "level must be >= 0");
    KrObject *abs = NULL;
    if (level > 0) {
        if (!package || !krStr_check(package)) return krErr_format(ts, &KrExc_TypeError, "__package__ not set to a string");
        if (krStr_size(package) == 0)
            return krErr_format(ts, &KrExc_ImportError, "attempted relative import with no known parent package");
        abs = krImport_resolve_relative(ts, name, package, level);
    } else {
        if (krStr_size(name) == 0) return krErr_format(ts, &KrExc_ValueError, "Empty module name");
        abs = kr_newref(name);
    }
    if (!abs) return NULL;
    KrObject *m = find_and_load(ts, abs);
    kr_decref(abs);
    return m;
}

KrObject *krImport_import(KrThreadState *ts, const char *name) {
    KrObject *n = krStr_intern_cstr(ts, name);
    return n ? krImport_gcd_import(ts, n, NULL, 0) : NULL;
}

// ---------------------------------------------------------------------------
// IMPORT_FROM and IMPORT_STAR

// __file__ of a module object (PyModule_GetFilenameObject): new reference or NULL.
static KrObject *module_filename(KrThreadState *ts, KrObject *module) {
    if (!krModule_check(module)) return NULL;
    KrObject *f = krDict_get_str(krModule_dict(module), KR_ID(__file__));
    return f && krStr_check(f) ? kr_newref(f) : NULL;
}

KrObject *krImport_from(KrThreadState *ts, KrObject *module, KrObject *name) {
    KrObject *x;
    int found = krObj_lookup_attr(ts, module, name, &x);
    if (found != 0) return found > 0 ? x : NULL;
    // A circular relative import: the submodule may be in sys.modules
    // before it was bound on the package.
    KrObject *pkgname = krObj_getattr(ts, module, KR_ID(__name__));
    if (pkgname && !krStr_check(pkgname)) KR_CLEAR(pkgname);
    if (pkgname) {
        KrObject *full = krStr_from_format(ts, "%U.%U", pkgname, name);
        if (!full) {
            kr_decref(pkgname);
            return NULL;
        }
        x = krDict_get(ts, ts->interp->modules, full);
        kr_decref(full);
        if (x) {
            kr_decref(pkgname);
            return kr_newref(x);
        }
        if (krErr_occurred(ts)) {
            kr_decref(pkgname);
            return NULL;
        }
    }
    krErr_clear(ts);
    KrObject *shown = pkgname ? pkgname : krStr_intern_cstr(ts, "<unknown module name>");
    KrObject *path = module_filename(ts, module);
    if (!path) {
        krImport_errorf(ts, &KrExc_ImportError, pkgname, NULL, "cannot import name %R from %R (unknown location)", name,
                        shown);
    } else {
        KrObject *spec;
        if (krObj_lookup_attr(ts, module, KR_ID(__spec__), &spec) < 0) krErr_clear(ts);
        bool init = krSpec_is_initializing(ts, spec);
        kr_xdecref(spec);
        if (init)
            krImport_errorf(ts, &KrExc_ImportError, pkgname, path,
                            "cannot import name %R from partially initialized module %R (most likely due to a circular "
                            "import) (%S)",
                            name, shown, path);
        else
            krImport_errorf(ts, &KrExc_ImportError, pkgname, path, "cannot import name %R from %R (%S)", name, shown, path);
    }
    kr_xdecref(path);
    kr_xdecref(pkgname);
    return NULL;
}

// Reports a non-str name in __all__ / __dict__ for `from m import *`.
static void star_type_error(KrThreadState *ts, KrObject *module, KrObject *name, bool from_dict) {
    KrObject *modname = krObj_getattr(ts, module, KR_ID(__name__));
    if (!modname) return;
    if (!krStr_check(modname))
        krErr_format(ts, &KrExc_TypeError, "module __name__ must be a string, not %s", krType_name(KR_TYPE(modname)));
    else
        krErr_format(ts, &KrExc_TypeError, "%s in %U.%s must be str, not %s", from_dict ? "Key" : "Item", modname,
                     from_dict ? "__dict__" : "__all__", krType_name(KR_TYPE(name)));
    kr_decref(modname);
}

int krImport_star(KrThreadState *ts, KrObject *module, KrObject *locals) {
    KrObject *all;
    if (krObj_lookup_attr(ts, module, IMP_ID(__all__), &all) < 0) return -1;
    bool from_dict = false;
    if (!all) {
        KrObject *dict;
        if (krObj_lookup_attr(ts, module, KR_ID(__dict__), &dict) < 0) return -1;
        if (!dict) {
            krErr_set_string(ts, &KrExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = krDict_check(dict) ? krDict_keys(ts, dict) : krObj_call_method(ts, dict, KR_ID(keys), NULL);
        kr_decref(dict);
        if (!all) return -1;
        from_dict = true;
    }
    int err = 0;
    for (KrSsize pos = 0;; pos++) {
        KrObject *name = krObj_getitem(ts, all, kr_smallint(pos));
        if (!name) {
            if (krErr_matches(ts, &KrExc_IndexError)) krErr_clear(ts);
            else err = -1;
            break;
        }
        if (!krStr_check(name)) {
            star_type_error(ts, module, name, from_dict);
            kr_decref(name);
            err = -1;
            break;
        }
        if (from_dict && krStr_utf8(name)[0] == '_') {
            kr_decref(name);
            continue;
        }
        KrObject *value = krObj_getattr(ts, module, name);
        err = value ? (krDict_check_exact(locals) ? krDict_set(ts, locals, name, value)
                                                  : krObj_setitem(ts, locals, name, value))
                    : -1;
        kr_decref(name);
        kr_xdecref(value);
        if (err) break;
    }
    kr_decref(all);
    return err;
}

// ---------------------------------------------------------------------------
// Module repr and spec queries for module.c

bool krImport_spec_is_initializing(KrThreadState *ts, KrObject *spec) { return krSpec_is_initializing(ts, spec); }

bool krImport_spec_is_uninitialized_submodule(KrThreadState *ts, KrObject *spec, KrObject *name) {
    return krSpec_is_uninitialized_submodule(ts, spec, name);
}

static KrObject *repr_from_spec(KrThreadState *ts, KrObject *spec) {
    KrObject *name = krObj_getattr(ts, spec, KR_ID(name)), *origin = NULL, *loader = NULL, *r = NULL;
    if (!name || !(origin = krObj_getattr(ts, spec, IMP_ID(origin)))) goto done;
    KrObject *shown = name == KR_NONE ? krStr_intern_cstr(ts, "?") : name;
    if (origin == KR_NONE) {
        if (!(loader = krObj_getattr(ts, spec, IMP_ID(loader)))) goto done;
        r = loader == KR_NONE ? krStr_from_format(ts, "<module %R>", shown)
                              : krStr_from_format(ts, "<module %R (%R)>", shown, loader);
    } else {
        KrObject *loc = krObj_getattr(ts, spec, IMP_ID(has_location));
        int t = loc ? krObj_is_true(ts, loc) : -1;
        kr_xdecref(loc);
        if (t > 0) r = krStr_from_format(ts, "<module %R from %R>", shown, origin);
        else if (t == 0) r = krStr_from_format(ts, "<module %R (%S)>", name, origin);
    }
done:
    kr_xdecref(name);
    kr_xdecref(origin);
    kr_xdecref(loader);
    return r;
}

KrObject *krImport_module_repr(KrThreadState *ts, KrObject *module) {
    KrObject *loader = getattr_or_none(ts, module, KR_ID(__loader__));
    if (!loader) return NULL;
    KrObject *spec = getattr_or_none(ts, module, KR_ID(__spec__)), *r = NULL;
    if (!spec) goto done;
    int t = krObj_is_true(ts, spec);
    if (t < 0) goto done;
    if (t) {
        r = repr_from_spec(ts, spec);
        goto done;
    }
    KrObject *meth;
    if (krObj_lookup_attr(ts, loader, krStr_intern_cstr(ts, "module_repr"), &meth) < 0) goto done;
    if (meth) {
        r = krObj_call1(ts, meth, module);
        kr_decref(meth);
        if (r) goto done;
        if (!krErr_matches(ts, &KrExc_Exception)) goto done;
        krErr_clear(ts);
    }
    KrObject *name, *file;
    if (krObj_lookup_attr(ts, module, KR_ID(__name__), &name) < 0) goto done;
    if (!name) name = kr_newref(krStr_intern_cstr(ts, "?"));
    if (krObj_lookup_attr(ts, module, KR_ID(__file__), &file) < 0) {
        kr_decref(name);
        goto done;
    }
    if (file) r = krStr_from_format(ts, "<module %R from %R>", name, file);
    else if (loader == KR_NONE) r = krStr_from_format(ts, "<module %R>", name);
    else r = krStr_from_format(ts, "<module %R (%R)>", name, loader);
    kr_decref(name);
    kr_xdecref(file);
done:
    kr_decref(loader);
    kr_xdecref(spec);
    return r;
}

// ---------------------------------------------------------------------------
// Start-up

// Gives a module created at start-up the spec of a built-in module.
static int set_builtin_spec(KrThreadState *ts, KrObject *module) {
    KrObject *name = krDict_get_str(krModule_dict(module), KR_ID(__name__));
    KrObject *spec = name ? krBuiltinImporter_find_spec(ts, name) : NULL;
    if (!spec) return name ? -1 : 0;
    int r = krImport_init_module_attrs(ts, spec, module, true);
    kr_decref(spec);
    return r;
}

// The default file loaders: [(ExtensionFileLoader, []), (SourceFileLoader,
// ['.py']), (SourcelessFileLoader, ['.pyc'])].
static KrObject *default_loaders(KrThreadState *ts) {
    KrTypeObject *types[3] = {&KrExtensionFileLoader_Type, &KrSourceFileLoader_Type, &KrSourcelessFileLoader_Type};
    const char *suffix[3] = {NULL, ".py", ".pyc"};
    KrObject *list = krList_new(ts, 0);
    for (int i = 0; list && i < 3; i++) {
        KrObject *sfx = krList_new(ts, 0), *s = suffix[i] ? krStr_intern_cstr(ts, suffix[i]) : NULL;
        if (sfx && s && krList_append(ts, sfx, s) < 0) KR_CLEAR(sfx);
        KrObject *pair = sfx ? krTuple_pack(ts, 2, (KrObject *)types[i], sfx) : NULL;
        kr_xdecref(sfx);
        if (!pair || krList_append(ts, list, pair) < 0) KR_CLEAR(list);
        kr_xdecref(pair);
    }
    return list;
}

int krImport_init(KrThreadState *ts) {
    if (!kr_import_ids.loader) {
#define X(n) if (!(kr_import_ids.n = krStr_intern_cstr(ts, #n))) return -1;
        KR_IMPORT_IDS(X)
#undef X
    }
    KrImportState *st = krMem_calloc(1, sizeof(KrImportState));
    if (!st) {
        krErr_no_memory(ts);
        return -1;
    }
    ts->interp->import_state = st;
    KrObject *sysdict = ts->interp->sysdict;
    if (!(st->file_loaders = default_loaders(ts)) || !(st->path_hook = krFileFinder_default_hook(ts))) return -1;
    // Class attributes the Python classes have.
    if (krDict_set(ts, KrBuiltinImporter_Type.tp_dict, IMP_ID(_ORIGIN), krStr_intern_cstr(ts, "built-in")) < 0 ||
        krDict_set(ts, KrFrozenImporter_Type.tp_dict, IMP_ID(_ORIGIN), krStr_intern_cstr(ts, "frozen")) < 0)
        return -1;
    KrObject *meta = krList_new(ts, 3), *hooks = krList_new(ts, 1);
    if (!meta || !hooks) {
        kr_xdecref(meta);
        kr_xdecref(hooks);
        return -1;
    }
    KR_LIST_SET(meta, 0, kr_newref((KrObject *)&KrBuiltinImporter_Type));
    KR_LIST_SET(meta, 1, kr_newref((KrObject *)&KrFrozenImporter_Type));
    KR_LIST_SET(meta, 2, kr_newref((KrObject *)&KrPathFinder_Type));
    KR_LIST_SET(hooks, 0, kr_newref(st->path_hook));
    int r = krDict_set_steal(ts, sysdict, IMP_ID(meta_path), meta) < 0 ||
                    krDict_set_steal(ts, sysdict, IMP_ID(path_hooks), hooks) < 0
                ? -1
                : 0;
    if (r < 0) return -1;
    if (set_builtin_spec(ts, ts->interp->sys_module) < 0 || set_builtin_spec(ts, ts->interp->builtins_module) < 0)
        return -1;
    // __main__ starts as CPython's does: annotations and the built-in loader.
    KrObject *main_dict = krModule_dict(ts->interp->main_module);
    if (krDict_set_steal(ts, main_dict, KR_ID(__annotations__), krDict_new(ts)) < 0 ||
        krDict_set(ts, main_dict, KR_ID(__loader__), (KrObject *)&KrBuiltinImporter_Type) < 0)
        return -1;
    return 0;
}
