/*
 * module.c — module objects: a namespace dict with a name, attribute access
 * with the module-level __getattr__ hook (PEP 562), and the helpers that
 * build built-in modules from their KrModuleDef.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import.h"

static int init_dict(KrThreadState *ts, KrObject *dict, KrObject *name, KrObject *doc) {
    if (krDict_set(ts, dict, KR_ID(__name__), name) < 0 || krDict_set(ts, dict, KR_ID(__doc__), doc) < 0 ||
        krDict_set(ts, dict, KR_ID(__package__), KR_NONE) < 0 ||
        krDict_set(ts, dict, KR_ID(__loader__), KR_NONE) < 0 || krDict_set(ts, dict, KR_ID(__spec__), KR_NONE) < 0)
        return -1;
    return 0;
}

KrObject *krModule_new(KrThreadState *ts, KrObject *name) {
    KrModuleObject *m = (KrModuleObject *)krObj_alloc(ts, &KrModule_Type, 0);
    if (!m) return NULL;
    if (!(m->md_dict = krDict_new(ts)) || init_dict(ts, m->md_dict, name, KR_NONE) < 0) {
        kr_decref((KrObject *)m);
        return NULL;
    }
    krGC_track((KrObject *)m);
    return (KrObject *)m;
}

KrObject *krModule_from_def(KrThreadState *ts, const KrModuleDef *def) {
    KrObject *name = krStr_intern_cstr(ts, def->name);
    if (!name) return NULL;
    KrObject *m = krModule_new(ts, name);
    if (!m) return NULL;
    ((KrModuleObject *)m)->md_def = def;
    KrObject *dict = krModule_dict(m);
    if (def->doc) {
        KrObject *doc = krStr_from_cstr(ts, def->doc);
        if (!doc || krDict_set_steal(ts, dict, KR_ID(__doc__), doc) < 0) goto fail;
    }
    for (const KrMethodDef *md = def->methods; md && md->name; md++) {
        KrObject *f = krCFunction_new(ts, md, m, name);
        if (!f || krDict_set_steal(ts, dict, krStr_intern_cstr(ts, md->name), f) < 0) goto fail;
    }
    if (def->exec && def->exec(ts, m) < 0) goto fail;
    return m;
fail:
    kr_decref(m);
    return NULL;
}

int krModule_add_object(KrThreadState *ts, KrObject *module, const char *name, KrObject *value) {
    KrObject *key = krStr_intern_cstr(ts, name);
    return key ? krDict_set(ts, krModule_dict(module), key, value) : -1;
}

int krModule_add_object_steal(KrThreadState *ts, KrObject *module, const char *name, KrObject *value) {
    if (!value) return -1;
    int r = krModule_add_object(ts, module, name, value);
    kr_decref(value);
    return r;
}

int krModule_add_int(KrThreadState *ts, KrObject *module, const char *name, int64_t value) {
    return krModule_add_object_steal(ts, module, name, krInt_from_i64(ts, value));
}

int krModule_add_string(KrThreadState *ts, KrObject *module, const char *name, const char *value) {
    return krModule_add_object_steal(ts, module, name, krStr_from_cstr(ts, value));
}

int krModule_add_type(KrThreadState *ts, KrObject *module, KrTypeObject *type) {
    if (krType_ready(ts, type) < 0) return -1;
    return krModule_add_object(ts, module, krType_name(type), (KrObject *)type);
}

// ---------------------------------------------------------------------------
// The module type

static KrObject *module_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    KrModuleObject *m = (KrModuleObject *)krObj_alloc(ts, type, 0);
    if (!m) return NULL;
    if (!(m->md_dict = krDict_new(ts))) {
        kr_decref((KrObject *)m);
        return NULL;
    }
    krGC_track((KrObject *)m);
    return (KrObject *)m;
}

static int module_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                       KrObject *kwnames) {
    static const char *const names[] = {"name", "doc"};
    KrObject *a[2];
    if (krArg_parse(ts, "module", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return -1;
    if (!krStr_check(a[0])) {
        krErr_format(ts, &KrExc_TypeError, "module() argument 'name' must be str, not %T", a[0]);
        return -1;
    }
    return init_dict(ts, krModule_dict(self), a[0], a[1] ? a[1] : KR_NONE);
}

static void module_dealloc(KrObject *self) {
    krGC_untrack(self);
    kr_xdecref(((KrModuleObject *)self)->md_dict);
    krObj_free(self);
}

static int module_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrModuleObject *)self)->md_dict);
    return 0;
}

static int module_clear(KrObject *self) {
    KrObject *d = ((KrModuleObject *)self)->md_dict;
    if (d) krDict_clear(d);
    return 0;
}

// CPython's module repr comes from importlib (__spec__, __loader__, __file__).
static KrObject *module_repr(KrThreadState *ts, KrObject *self) { return krImport_module_repr(ts, self); }

static KrObject *module_getattro(KrThreadState *ts, KrObject *self, KrObject *name) {
    KrObject *r = krObj_generic_getattr(ts, self, name);
    if (r || !krErr_matches(ts, &KrExc_AttributeError)) return r;
    krErr_clear(ts);
    KrObject *dict = ((KrModuleObject *)self)->md_dict;
    KrObject *getattr = dict ? krDict_get_str(dict, KR_ID(__getattr__)) : NULL;
    if (getattr) return krObj_call1(ts, getattr, name);
    KrObject *modname = dict ? krDict_get_str(dict, KR_ID(__name__)) : NULL;
    if (!modname || !krStr_check(modname))
        return krErr_format(ts, &KrExc_AttributeError, "module has no attribute '%U'", name);
    // The import system's state explains errors during circular imports.
    KrObject *spec = krDict_get_str(dict, KR_ID(__spec__));
    if (krImport_spec_is_initializing(ts, spec))
        krErr_format(ts, &KrExc_AttributeError,
                     "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                     modname, name);
    else if (krImport_spec_is_uninitialized_submodule(ts, spec, name))
        krErr_format(ts, &KrExc_AttributeError,
                     "cannot access submodule '%U' of module '%U' (most likely due to a circular import)", name,
                     modname);
    else
        krErr_format(ts, &KrExc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    KrObject *exc = krErr_peek(ts);
    if (exc && kr_type_check(exc, &KrExc_AttributeError)) {
        kr_setref(&((KrAttributeErrorObject *)exc)->name, kr_newref(name));
        kr_setref(&((KrAttributeErrorObject *)exc)->obj, kr_newref(self));
    }
    return NULL;
}

static KrObject *module_dir(KrThreadState *ts, KrObject *self) {
    KrObject *dict = ((KrModuleObject *)self)->md_dict;
    KrObject *dirfunc = krDict_get_str(dict, KR_ID(__dir__));
    if (dirfunc) return krObj_call0(ts, dirfunc);
    return krDict_keys(ts, dict);
}

static KrObject *module_get_annotations(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *dict = ((KrModuleObject *)self)->md_dict;
    KrObject *ann = krDict_get_str(dict, KR_ID(__annotations__));
    if (ann) return kr_newref(ann);
    ann = krDict_new(ts);
    if (ann && krDict_set(ts, dict, KR_ID(__annotations__), ann) < 0) KR_CLEAR(ann);
    return ann;
}

static int module_set_annotations(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrObject *dict = ((KrModuleObject *)self)->md_dict;
    if (value) return krDict_set(ts, dict, KR_ID(__annotations__), value);
    if (krDict_del(ts, dict, KR_ID(__annotations__)) == 0) return 0;
    if (krErr_matches(ts, &KrExc_KeyError)) {
        krErr_clear(ts);
        krErr_set_string(ts, &KrExc_AttributeError, "__annotations__");
    }
    return -1;
}

static const KrMemberDef module_members[] = {
    {"__dict__", KR_MEMBER_OBJECT, offsetof(KrModuleObject, md_dict), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static const KrGetSetDef module_getset[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL},
};

static const KrMethodDef module_methods[] = {
    {"__dir__", KR_CFUNC(module_dir), KR_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL},
};

KrTypeObject KrModule_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "module",
    .tp_basicsize = sizeof(KrModuleObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .tp_new = module_tp_new,
    .tp_init = module_init,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = krObj_generic_setattr,
    .tp_members = module_members,
    .tp_getset = module_getset,
    .tp_methods = module_methods,
    .tp_dictoffset = offsetof(KrModuleObject, md_dict),
    .tp_weaklistoffset = offsetof(KrModuleObject, md_weaklist),
};
