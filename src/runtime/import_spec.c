/*
 * import_spec.c — ModuleSpec (importlib.machinery.ModuleSpec), the
 * spec_from_loader / spec_from_file_location factories, and the instance
 * layout shared by the machinery's types.
 *
 * A ModuleSpec keeps its state in its instance dict exactly as CPython's
 * Python class does (name, loader, origin, loader_state,
 * submodule_search_locations, _uninitialized_submodules, _set_fileattr,
 * _cached; _initializing while the module runs), so code that inspects or
 * adjusts specs sees what it expects.  The C import path reads those entries
 * directly from the dict.
 */
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import_internal.h"

// ---------------------------------------------------------------------------
// Dict-only instances

KrObject *krImp_inst_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    // Subclasses that are ABCs with abstract methods (importlib.abc) cannot
    // be instantiated: object.__new__ reports that.
    if (type->tp_flags & KR_TPFLAGS_ABSTRACT) return KrBaseObject_Type.tp_new(ts, type, NULL, 0, NULL);
    return krType_generic_alloc(ts, type, 0);
}

void krImp_inst_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((KrImpInstance *)self)->dict);
    krObj_free(self);
}

int krImp_inst_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrImpInstance *)self)->dict);
    return 0;
}

int krImp_inst_clear(KrObject *self) {
    KR_CLEAR(((KrImpInstance *)self)->dict);
    return 0;
}

KrObject *krImp_inst_dict(KrThreadState *ts, KrObject *self) {
    KrImpInstance *o = (KrImpInstance *)self;
    if (!o->dict) o->dict = krDict_new(ts);
    return o->dict;
}

// ---------------------------------------------------------------------------
// ModuleSpec

// Stores the attributes of a new spec in CPython's order.  Borrowed
// arguments; NULL means None.
static int spec_fill(KrThreadState *ts, KrObject *spec, KrObject *name, KrObject *loader, KrObject *origin,
                     KrObject *loader_state, KrObject *smsl, bool location) {
    KrObject *d = krImp_inst_dict(ts, spec);
    if (!d) return -1;
    KrObject *subs = krList_new(ts, 0);
    if (!subs) return -1;
    int r = krDict_set(ts, d, KR_ID(name), name) < 0 || krDict_set(ts, d, IMP_ID(loader), loader ? loader : KR_NONE) < 0 ||
                    krDict_set(ts, d, IMP_ID(origin), origin ? origin : KR_NONE) < 0 ||
                    krDict_set(ts, d, IMP_ID(loader_state), loader_state ? loader_state : KR_NONE) < 0 ||
                    krDict_set(ts, d, IMP_ID(submodule_search_locations), smsl ? smsl : KR_NONE) < 0 ||
                    krDict_set(ts, d, IMP_ID(_uninitialized_submodules), subs) < 0 ||
                    krDict_set(ts, d, IMP_ID(_set_fileattr), kr_bool(location)) < 0 ||
                    krDict_set(ts, d, IMP_ID(_cached), KR_NONE) < 0
                ? -1
                : 0;
    kr_decref(subs);
    return r;
}

KrObject *krSpec_new(KrThreadState *ts, KrObject *name, KrObject *loader, KrObject *origin, KrObject *smsl,
                     bool location) {
    KrObject *spec = krType_generic_alloc(ts, &KrModuleSpec_Type, 0);
    if (spec && spec_fill(ts, spec, name, loader, origin, NULL, smsl, location) < 0) KR_CLEAR(spec);
    return spec;
}

// ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None)
static int spec_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"name", "loader", "origin", "loader_state", "is_package"};
    KrObject *a[5];
    if (krArg_parse(ts, "ModuleSpec", args, nargs, kwnames, names, 5, 0, 2, 2, a) < 0) return -1;
    int pkg = a[4] ? krObj_is_true(ts, a[4]) : 0;
    if (pkg < 0) return -1;
    KrObject *smsl = pkg ? krList_new(ts, 0) : NULL;
    if (pkg && !smsl) return -1;
    int r = spec_fill(ts, self, a[0], a[1], a[2], a[3], smsl, false);
    kr_xdecref(smsl);
    return r;
}

// getattr(spec, name) for the repr and comparisons: new reference or NULL.
static KrObject *attr(KrThreadState *ts, KrObject *o, KrObject *name) { return krObj_getattr(ts, o, name); }

static KrObject *spec_repr(KrThreadState *ts, KrObject *self) {
    KrStrBuilder sb;
    krSB_init(&sb);
    KrObject *name = NULL, *loader = NULL, *origin = NULL, *smsl = NULL;
    if (!(name = attr(ts, self, KR_ID(name))) || !(loader = attr(ts, self, IMP_ID(loader))) ||
        !(origin = attr(ts, self, IMP_ID(origin))) || !(smsl = attr(ts, self, IMP_ID(submodule_search_locations))))
        goto fail;
    if (krSB_append_cstr(ts, &sb, krType_name(KR_TYPE(self))) < 0 || krSB_append_cstr(ts, &sb, "(name=") < 0 ||
        krSB_append_obj_repr(ts, &sb, name) < 0 || krSB_append_cstr(ts, &sb, ", loader=") < 0 ||
        krSB_append_obj_repr(ts, &sb, loader) < 0)
        goto fail;
    if (origin != KR_NONE &&
        (krSB_append_cstr(ts, &sb, ", origin=") < 0 || krSB_append_obj_repr(ts, &sb, origin) < 0))
        goto fail;
    if (smsl != KR_NONE && (krSB_append_cstr(ts, &sb, ", submodule_search_locations=") < 0 ||
                            krSB_append_obj_str(ts, &sb, smsl) < 0))
        goto fail;
    if (krSB_append_cstr(ts, &sb, ")") < 0) goto fail;
    kr_decref(name);
    kr_decref(loader);
    kr_decref(origin);
    kr_decref(smsl);
    return krSB_finish(ts, &sb);
fail:
    kr_xdecref(name);
    kr_xdecref(loader);
    kr_xdecref(origin);
    kr_xdecref(smsl);
    krSB_discard(&sb);
    return NULL;
}

// __eq__: name, loader, origin, submodule_search_locations, cached and
// has_location all equal; NotImplemented when `other` lacks one of them.
static KrObject *spec_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    if (op != KR_EQ && op != KR_NE) return kr_newref(KR_NOTIMPLEMENTED);
    KrObject *const names[6] = {KR_ID(name), IMP_ID(loader), IMP_ID(origin), IMP_ID(submodule_search_locations),
                                IMP_ID(cached), IMP_ID(has_location)};
    int eq = 1;
    for (int i = 0; i < 6 && eq == 1; i++) {
        KrObject *a = attr(ts, self, names[i]);
        if (!a) return NULL;
        KrObject *b = attr(ts, other, names[i]);
        if (!b) {
            kr_decref(a);
            if (!krErr_matches(ts, &KrExc_AttributeError)) return NULL;
            krErr_clear(ts);
            return kr_newref(KR_NOTIMPLEMENTED);
        }
        eq = krObj_richcompare_bool(ts, a, b, KR_EQ);
        kr_decref(a);
        kr_decref(b);
        if (eq < 0) return NULL;
    }
    return kr_newref(kr_bool(op == KR_EQ ? eq : !eq));
}

static KrObject *spec_get_cached(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *cached = attr(ts, self, IMP_ID(_cached));
    if (!cached || cached != KR_NONE) return cached;
    kr_decref(cached);
    KrObject *origin = attr(ts, self, IMP_ID(origin));
    if (!origin) return NULL;
    KrObject *fileattr = origin != KR_NONE ? attr(ts, self, IMP_ID(_set_fileattr)) : NULL;
    int set = fileattr ? krObj_is_true(ts, fileattr) : 0;
    kr_xdecref(fileattr);
    if (origin == KR_NONE || set <= 0) {
        kr_decref(origin);
        return set < 0 ? NULL : kr_newref(KR_NONE);
    }
    // _get_cached(origin): the cache path of a source file, a bytecode file
    // itself, or None.
    KrObject *res;
    if (!krStr_check(origin)) {
        res = krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute 'endswith'", origin);
    } else {
        const char *o = krStr_utf8(origin);
        size_t n = (size_t)krStr_size(origin);
        if (n >= 3 && strcmp(o + n - 3, ".py") == 0) res = krPycache_from_source(ts, origin, NULL);
        else if (n >= 4 && strcmp(o + n - 4, ".pyc") == 0) res = kr_newref(origin);
        else res = kr_newref(KR_NONE);
    }
    kr_decref(origin);
    if (res && krObj_setattr(ts, self, IMP_ID(_cached), res) < 0) KR_CLEAR(res);
    return res;
}

static int spec_set_cached(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_AttributeError, "can't delete attribute");
        return -1;
    }
    return krObj_setattr(ts, self, IMP_ID(_cached), value);
}

static KrObject *spec_get_parent(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *smsl = attr(ts, self, IMP_ID(submodule_search_locations));
    if (!smsl) return NULL;
    KrObject *name = attr(ts, self, KR_ID(name));
    bool pkg = smsl != KR_NONE;
    kr_decref(smsl);
    if (!name || pkg) return name;
    if (!krStr_check(name)) {
        kr_decref(name);
        return krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute 'rpartition'", name);
    }
    const char *n = krStr_utf8(name);
    const char *dot = strrchr(n, '.');
    KrObject *parent = dot ? krStr_from_utf8(ts, n, dot - n) : kr_newref(krStr_empty());
    kr_decref(name);
    return parent;
}

static KrObject *spec_get_has_location(KrThreadState *ts, KrObject *self, void *c) {
    return attr(ts, self, IMP_ID(_set_fileattr));
}

static int spec_set_has_location(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_AttributeError, "can't delete attribute");
        return -1;
    }
    int t = krObj_is_true(ts, value);
    return t < 0 ? -1 : krObj_setattr(ts, self, IMP_ID(_set_fileattr), kr_bool(t));
}

static KrObject *inst_get_dict(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *d = krImp_inst_dict(ts, self);
    return d ? kr_newref(d) : NULL;
}

static const KrGetSetDef spec_getset[] = {
    {"cached", spec_get_cached, spec_set_cached, NULL, NULL},
    {"parent", spec_get_parent, NULL, "The name of the module's parent.", NULL},
    {"has_location", spec_get_has_location, spec_set_has_location, NULL, NULL},
    {"__dict__", inst_get_dict, NULL, NULL, NULL},
    {NULL},
};

const KrGetSetDef krImp_inst_getset[] = {
    {"__dict__", inst_get_dict, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrModuleSpec_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_frozen_importlib.ModuleSpec",
    .tp_basicsize = sizeof(KrImpInstance),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "The specification for a module, used for loading.\n\nA module's spec is the source for information "
              "about the module.  For\ndata associated with the module, including source, use the spec's\nloader.",
    .tp_new = krImp_inst_new,
    .tp_init = spec_init,
    .tp_dealloc = krImp_inst_dealloc,
    .tp_traverse = krImp_inst_traverse,
    .tp_clear = krImp_inst_clear,
    .tp_repr = spec_repr,
    .tp_richcompare = spec_richcompare,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_getset = spec_getset,
    .tp_dictoffset = offsetof(KrImpInstance, dict),
};

bool krSpec_is_initializing(KrThreadState *ts, KrObject *spec) {
    if (!spec || spec == KR_NONE) return false;
    KrObject *v;
    if (KR_TYPE(spec) == &KrModuleSpec_Type) {
        v = krImp_inst_get(spec, IMP_ID(_initializing));
        return v && v != KR_FALSE && krObj_is_true(ts, v) > 0;
    }
    if (krObj_lookup_attr(ts, spec, IMP_ID(_initializing), &v) <= 0) {
        krErr_clear(ts);
        return false;
    }
    int t = krObj_is_true(ts, v);
    kr_decref(v);
    if (t < 0) krErr_clear(ts);
    return t > 0;
}

bool krSpec_is_uninitialized_submodule(KrThreadState *ts, KrObject *spec, KrObject *name) {
    if (!spec || spec == KR_NONE) return false;
    KrObject *subs;
    if (krObj_lookup_attr(ts, spec, IMP_ID(_uninitialized_submodules), &subs) <= 0) {
        krErr_clear(ts);
        return false;
    }
    int r = krObj_contains(ts, subs, name);
    kr_decref(subs);
    if (r < 0) krErr_clear(ts);
    return r > 0;
}

// ---------------------------------------------------------------------------
// Factories

// hasattr() that propagates errors other than AttributeError: 1, 0, -1.
static int has_attr(KrThreadState *ts, KrObject *o, KrObject *name) {
    KrObject *v;
    int r = krObj_lookup_attr(ts, o, name, &v);
    kr_xdecref(v);
    return r;
}

KrObject *krSpec_from_loader(KrThreadState *ts, KrObject *name, KrObject *loader, KrObject *origin,
                             KrObject *is_package) {
    KrObject *orig = NULL, *res = NULL;
    if (origin && origin != KR_NONE) {
        orig = kr_newref(origin);
    } else if (krObj_lookup_attr(ts, loader, IMP_ID(_ORIGIN), &orig) < 0) {
        return NULL;
    }
    int t = orig ? krObj_is_true(ts, orig) : 0;
    if (t < 0) goto done;
    if (!t) {
        int has = has_attr(ts, loader, IMP_ID(get_filename));
        if (has < 0) goto done;
        if (has) {
            KrObject *smsl = NULL;
            if (is_package && is_package != KR_NONE) {
                int pkg = krObj_is_true(ts, is_package);
                if (pkg < 0) goto done;
                smsl = pkg ? krList_new(ts, 0) : kr_newref(KR_NONE);
                if (!smsl) goto done;
            }
            res = krSpec_from_file_location(ts, name, NULL, loader, smsl);
            kr_xdecref(smsl);
            goto done;
        }
    }
    int pkg = 0;
    if (is_package && is_package != KR_NONE) {
        pkg = krObj_is_true(ts, is_package);
    } else {
        int has = has_attr(ts, loader, IMP_ID(is_package));
        if (has < 0) goto done;
        if (has) {
            KrObject *r = krObj_call_method(ts, loader, IMP_ID(is_package), name, NULL);
            if (r) {
                pkg = krObj_is_true(ts, r);
                kr_decref(r);
            } else if (krErr_matches(ts, &KrExc_ImportError)) {
                krErr_clear(ts);
            } else {
                goto done;
            }
        }
    }
    if (pkg < 0) goto done;
    KrObject *smsl = pkg ? krList_new(ts, 0) : NULL;
    if (pkg && !smsl) goto done;
    res = krSpec_new(ts, name, loader, orig, smsl, false);
    kr_xdecref(smsl);
done:
    kr_xdecref(orig);
    return res;
}

// The loader spec_from_file_location picks for `location` by suffix
// (_get_supported_file_loaders): new reference, or None.
static KrObject *loader_for_location(KrThreadState *ts, KrObject *name, KrObject *location) {
    const char *l = krStr_utf8(location);
    size_t n = (size_t)krStr_size(location);
    KrTypeObject *cls = NULL;
    if (n >= 3 && strcmp(l + n - 3, ".py") == 0) cls = &KrSourceFileLoader_Type;
    else if (n >= 4 && strcmp(l + n - 4, ".pyc") == 0) cls = &KrSourcelessFileLoader_Type;
    return cls ? krFileLoader_new(ts, cls, name, location) : kr_newref(KR_NONE);
}

// `location` made absolute (os.fspath, then joined to the current directory).
static KrObject *absolute_location(KrThreadState *ts, KrObject *location) {
    if (!krStr_check(location))
        return krErr_format(ts, &KrExc_TypeError, "expected str, bytes or os.PathLike object, not %T", location);
    if (krStr_utf8(location)[0] == '/') return kr_newref(location);
    KrObject *cwd = krImport_getcwd(ts);
    if (!cwd) {
        if (!krErr_matches(ts, &KrExc_OSError)) return NULL;
        krErr_clear(ts);
        return kr_newref(location);
    }
    KrObject *r = krImport_path_join(ts, cwd, location);
    kr_decref(cwd);
    return r;
}

// `location` when given, else loader.get_filename(name) or '<unknown>'.
static KrObject *spec_location(KrThreadState *ts, KrObject *name, KrObject *location, KrObject *loader) {
    if (location && location != KR_NONE) return absolute_location(ts, location);
    KrObject *res = krStr_from_cstr(ts, "<unknown>");
    int has = loader ? has_attr(ts, loader, IMP_ID(get_filename)) : 0;
    if (has < 0) KR_CLEAR(res);
    if (!res || has <= 0) return res;
    KrObject *f = krObj_call_method(ts, loader, IMP_ID(get_filename), name, NULL);
    if (f) {
        kr_setref(&res, f);
    } else if (krErr_matches(ts, &KrExc_ImportError)) {
        krErr_clear(ts);
    } else {
        KR_CLEAR(res);
    }
    return res;
}

// Fills submodule_search_locations as spec_from_file_location does.  0 or -1.
static int spec_file_smsl(KrThreadState *ts, KrObject *spec, KrObject *name, KrObject *location, KrObject *loader,
                          KrObject *smsl) {
    KrObject *d = ((KrImpInstance *)spec)->dict;
    if (!smsl) {
        int has = has_attr(ts, loader, IMP_ID(is_package));
        if (has < 0) return -1;
        if (has) {
            KrObject *r = krObj_call_method(ts, loader, IMP_ID(is_package), name, NULL);
            if (!r) {
                if (!krErr_matches(ts, &KrExc_ImportError)) return -1;
                krErr_clear(ts);
            } else {
                int t = krObj_is_true(ts, r);
                kr_decref(r);
                if (t < 0) return -1;
                KrObject *empty = t ? krList_new(ts, 0) : NULL;
                if (t && (!empty || krDict_set_steal(ts, d, IMP_ID(submodule_search_locations), empty) < 0))
                    return -1;
            }
        }
    } else if (krDict_set(ts, d, IMP_ID(submodule_search_locations), smsl) < 0) {
        return -1;
    }
    // An empty list gets the location's directory.
    KrObject *cur = krDict_get_str(d, IMP_ID(submodule_search_locations));
    if (cur && krList_check_exact(cur) && KR_LIST_SIZE(cur) == 0 && krStr_check(location) && krStr_size(location)) {
        KrObject *head, *tail;
        if (krImport_path_split(ts, location, &head, &tail) < 0) return -1;
        kr_decref(tail);
        int r = krList_append(ts, cur, head);
        kr_decref(head);
        return r;
    }
    return 0;
}

KrObject *krSpec_from_file_location(KrThreadState *ts, KrObject *name, KrObject *location, KrObject *loader,
                                    KrObject *smsl) {
    KrObject *loc = spec_location(ts, name, location, loader && loader != KR_NONE ? loader : NULL);
    if (!loc) return NULL;
    KrObject *own_loader = NULL, *spec = NULL;
    if (!loader || loader == KR_NONE) {
        if (!(own_loader = loader_for_location(ts, name, loc))) goto fail;
        if (own_loader == KR_NONE) {
            kr_decref(loc);
            return own_loader;
        }
        loader = own_loader;
    }
    if (!(spec = krSpec_new(ts, name, loader, loc, NULL, true))) goto fail;
    if (spec_file_smsl(ts, spec, name, loc, loader, smsl) < 0) goto fail;
    kr_xdecref(own_loader);
    kr_decref(loc);
    return spec;
fail:
    kr_xdecref(spec);
    kr_xdecref(own_loader);
    kr_decref(loc);
    return NULL;
}
