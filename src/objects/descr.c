/*
 * descr.c — callables and descriptors implemented in C: built-in functions
 * and bound built-in methods, method descriptors (list.append), class-method
 * descriptors (dict.fromkeys), member and getset descriptors, and
 * types.MappingProxyType (what `SomeClass.__dict__` returns).
 *
 * Calling conventions are checked here once (KR_METH_NOARGS/O/FAST/FASTKW),
 * so C method implementations never count their own arguments.
 */
#include <stdio.h>
#include <string.h>

#include "objects/genericalias.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "vm/frame.h"

// ---------------------------------------------------------------------------
// Calling a method definition

KrObject *krMethodDef_call(KrThreadState *ts, const KrMethodDef *def, KrObject *self, KrObject *const *args,
                           KrSsize nargs, KrObject *kwnames, const char *qualname) {
    uint32_t kind = def->flags & (KR_METH_NOARGS | KR_METH_O | KR_METH_FAST | KR_METH_FASTKW);
    if (kind != KR_METH_FASTKW && kwnames && KR_TUPLE_SIZE(kwnames) > 0)
        return krErr_format(ts, &KrExc_TypeError, "%s() takes no keyword arguments", qualname);
    switch (kind) {
    case KR_METH_NOARGS:
        if (nargs != 0)
            return krErr_format(ts, &KrExc_TypeError, "%s() takes no arguments (%zd given)", qualname, nargs);
        return ((KrCFuncNoArgs)def->func)(ts, self);
    case KR_METH_O:
        if (nargs != 1)
            return krErr_format(ts, &KrExc_TypeError, "%s() takes exactly one argument (%zd given)", qualname,
                                nargs);
        return ((KrCFuncO)def->func)(ts, self, args[0]);
    case KR_METH_FAST:
        return ((KrCFuncFast)def->func)(ts, self, args, nargs);
    case KR_METH_FASTKW:
        return ((KrCFuncFastKw)def->func)(ts, self, args, nargs, kwnames);
    default:
        return krErr_bad_internal_call(ts);
    }
}

// "list.append" for methods, "len" for functions.  Writes into buf.
static const char *qualified(char *buf, size_t size, KrTypeObject *type, const KrMethodDef *def) {
    if (!type) return def->name;
    snprintf(buf, size, "%s.%s", krType_name(type), def->name);
    return buf;
}

// ---------------------------------------------------------------------------
// Built-in functions (and built-in methods bound to an object)

static KrObject *cfunction_call_unchecked(KrThreadState *ts, KrObject *callable, KrObject *const *args,
                                          size_t nargsf, KrObject *kwnames) {
    KrCFunctionObject *f = (KrCFunctionObject *)callable;
    const KrMethodDef *def = f->def;
    uint32_t kind = def->flags & (KR_METH_NOARGS | KR_METH_O | KR_METH_FAST | KR_METH_FASTKW);
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    // Fast paths before any message formatting.
    if (!kwnames || KR_TUPLE_SIZE(kwnames) == 0) {
        if (kind == KR_METH_O && nargs == 1) return ((KrCFuncO)def->func)(ts, f->self, args[0]);
        if (kind == KR_METH_FAST) return ((KrCFuncFast)def->func)(ts, f->self, args, nargs);
        if (kind == KR_METH_NOARGS && nargs == 0) return ((KrCFuncNoArgs)def->func)(ts, f->self);
    }
    if (kind == KR_METH_FASTKW) return ((KrCFuncFastKw)def->func)(ts, f->self, args, nargs, kwnames);
    char buf[256];
    KrTypeObject *owner = f->self && !krModule_check(f->self) ? KR_TYPE(f->self) : NULL;
    if (owner == &KrType_Type) owner = (KrTypeObject *)f->self;
    const char *qn = qualified(buf, sizeof buf, owner, def);
    // Functions of modules other than builtins are named "math.sqrt", as CPython's
    // _PyObject_FunctionStr does.
    if (!owner && f->module && krStr_check(f->module) && !krStr_eq_cstr(f->module, "builtins")) {
        snprintf(buf, sizeof buf, "%s.%s", krStr_utf8(f->module), def->name);
        qn = buf;
    }
    return krMethodDef_call(ts, def, f->self, args, nargs, kwnames, qn);
}

// As in CPython, a call of a built-in through its generic entry counts
// against the recursion limit ("... while calling a Python object"); the
// eval loop's direct calls do their own accounting.
static KrObject *cfunction_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    if (krFrame_enter_recursion_where(ts, " while calling a Python object") < 0) return NULL;
    KrObject *r = cfunction_call_unchecked(ts, callable, args, nargsf, kwnames);
    krFrame_leave_recursion(ts);
    return r;
}

KrObject *krCFunction_new(KrThreadState *ts, const KrMethodDef *def, KrObject *self, KrObject *module) {
    KrCFunctionObject *f = (KrCFunctionObject *)krObj_alloc(ts, &KrCFunction_Type, 0);
    if (!f) return NULL;
    f->def = def;
    f->self = kr_xnewref(self);
    f->module = kr_xnewref(module);
    f->vectorcall = cfunction_call;
    krGC_track((KrObject *)f);
    return (KrObject *)f;
}

bool krCFunction_is_print(KrObject *o) {
    return KR_TYPE(o) == &KrCFunction_Type && strcmp(((KrCFunctionObject *)o)->def->name, "print") == 0 &&
           ((KrCFunctionObject *)o)->self && krModule_check(((KrCFunctionObject *)o)->self);
}

static void cfunction_dealloc(KrObject *self) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    krGC_untrack(self);
    kr_xdecref(f->self);
    kr_xdecref(f->module);
    krObj_free(self);
}

static int cfunction_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    KR_VISIT(f->self);
    KR_VISIT(f->module);
    return 0;
}

static KrObject *cfunction_repr(KrThreadState *ts, KrObject *self) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    if (!f->self || krModule_check(f->self)) return krStr_from_format(ts, "<built-in function %s>", f->def->name);
    return krStr_from_format(ts, "<built-in method %s of %s object at %p>", f->def->name,
                             krType_name(KR_TYPE(f->self)), (void *)f->self);
}

static KrObject *cfunction_get_name(KrThreadState *ts, KrObject *self, void *c) {
    return krStr_from_cstr(ts, ((KrCFunctionObject *)self)->def->name);
}

static KrObject *cfunction_get_qualname(KrThreadState *ts, KrObject *self, void *c) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    if (!f->self || krModule_check(f->self)) return krStr_from_cstr(ts, f->def->name);
    KrTypeObject *t = kr_type_check(f->self, &KrType_Type) ? (KrTypeObject *)f->self : KR_TYPE(f->self);
    KrObject *q = krType_qualname(ts, t);
    if (!q) return NULL;
    KrObject *r = krStr_from_format(ts, "%U.%s", q, f->def->name);
    kr_decref(q);
    return r;
}

static KrObject *cfunction_get_self(KrThreadState *ts, KrObject *self, void *c) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    return kr_newref(f->self ? f->self : KR_NONE);
}

static KrObject *cfunction_get_module(KrThreadState *ts, KrObject *self, void *c) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    if (f->module) return kr_newref(f->module);
    if (f->self && krModule_check(f->self)) {
        KrObject *n = krDict_get_str(krModule_dict(f->self), KR_ID(__name__));
        if (n) return kr_newref(n);
    }
    return kr_newref(KR_NONE);
}

static KrObject *cfunction_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    const char *doc = ((KrCFunctionObject *)self)->def->doc;
    return doc ? krStr_from_cstr(ts, doc) : kr_newref(KR_NONE);
}

static KrObject *none_getter(KrThreadState *ts, KrObject *self, void *c) { return kr_newref(KR_NONE); }

static const KrGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__text_signature__", none_getter, NULL, NULL, NULL},
    {NULL},
};

static KrObject *cfunction_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &KrCFunction_Type) return kr_newref(KR_NOTIMPLEMENTED);
    KrCFunctionObject *x = (KrCFunctionObject *)a, *y = (KrCFunctionObject *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return kr_bool(op == KR_EQ ? eq : !eq);
}

static KrHash cfunction_hash(KrThreadState *ts, KrObject *self) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    KrHash h = krObj_hash_pointer(f->def) ^ krObj_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

static KrObject *cfunction_reduce(KrThreadState *ts, KrObject *self) {
    KrCFunctionObject *f = (KrCFunctionObject *)self;
    if (!f->self || krModule_check(f->self)) return krStr_from_cstr(ts, f->def->name);
    KrObject *getattr = krDict_get_cstr(ts, ts->interp->builtins, "getattr");
    if (!getattr) return NULL;
    KrObject *name = krStr_from_cstr(ts, f->def->name);
    if (!name) return NULL;
    KrObject *args = krTuple_pack(ts, 2, f->self, name);
    kr_decref(name);
    if (!args) return NULL;
    KrObject *r = krTuple_pack(ts, 2, getattr, args);
    kr_decref(args);
    return r;
}

static const KrMethodDef cfunction_methods[] = {
    {"__reduce__", KR_CFUNC(cfunction_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrCFunction_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(KrCFunctionObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = cfunction_dealloc,
    .tp_traverse = cfunction_traverse,
    .tp_repr = cfunction_repr,
    .tp_call = cfunction_call,
    .tp_richcompare = cfunction_richcompare,
    .tp_hash = cfunction_hash,
    .tp_getset = cfunction_getset,
    .tp_methods = cfunction_methods,
};

// ---------------------------------------------------------------------------
// Method descriptors

static int descr_check(KrThreadState *ts, KrTypeObject *type, KrObject *name, KrObject *obj) {
    if (kr_type_check(obj, type)) return 0;
    krErr_format(ts, &KrExc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object", name,
                 type->tp_name, KR_TYPE(obj)->tp_name);
    return -1;
}

static KrObject *methoddescr_call_unchecked(KrThreadState *ts, KrObject *callable, KrObject *const *args,
                                            size_t nargsf, KrObject *kwnames) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)callable;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    char buf[256];
    const char *qn = qualified(buf, sizeof buf, d->d_type, d->d_method);
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "unbound method %s() needs an argument", qn);
    if (descr_check(ts, d->d_type, d->d_name, args[0]) < 0) return NULL;
    const KrMethodDef *def = d->d_method;
    uint32_t kind = def->flags & (KR_METH_NOARGS | KR_METH_O | KR_METH_FAST | KR_METH_FASTKW);
    if (!kwnames || KR_TUPLE_SIZE(kwnames) == 0) {
        if (kind == KR_METH_O && nargs == 2) return ((KrCFuncO)def->func)(ts, args[0], args[1]);
        if (kind == KR_METH_FAST) return ((KrCFuncFast)def->func)(ts, args[0], args + 1, nargs - 1);
        if (kind == KR_METH_NOARGS && nargs == 1) return ((KrCFuncNoArgs)def->func)(ts, args[0]);
    }
    return krMethodDef_call(ts, def, args[0], args + 1, nargs - 1, kwnames, qn);
}

// Counted against the recursion limit like cfunction_call.
static KrObject *methoddescr_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                                  KrObject *kwnames) {
    if (krFrame_enter_recursion_where(ts, " while calling a Python object") < 0) return NULL;
    KrObject *r = methoddescr_call_unchecked(ts, callable, args, nargsf, kwnames);
    krFrame_leave_recursion(ts);
    return r;
}

static KrObject *methoddescr_get(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)descr;
    if (!obj) return kr_newref(descr);
    if (descr_check(ts, d->d_type, d->d_name, obj) < 0) return NULL;
    return krCFunction_new(ts, d->d_method, obj, NULL);
}

static KrObject *classmethoddescr_get(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)descr;
    if (!type) type = (KrObject *)KR_TYPE(obj);
    if (!kr_type_check(type, &KrType_Type) || !krType_is_subtype((KrTypeObject *)type, d->d_type))
        return krErr_format(ts, &KrExc_TypeError, "descriptor '%U' for type '%s' needs a subtype of '%s', not '%T'",
                            d->d_name, d->d_type->tp_name, d->d_type->tp_name, type);
    return krCFunction_new(ts, d->d_method, type, NULL);
}

static KrObject *classmethoddescr_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                                       KrObject *kwnames) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)callable;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->d_name,
                            d->d_type->tp_name);
    KrObject *bound = classmethoddescr_get(ts, callable, NULL, args[0]);
    if (!bound) return NULL;
    KrObject *r = krObj_vectorcall(ts, bound, args + 1, (size_t)(nargs - 1), kwnames);
    kr_decref(bound);
    return r;
}

static void descr_dealloc(KrObject *self) {
    kr_xdecref(((KrMethodDescrObject *)self)->d_name);
    krObj_free(self);
}

static KrObject *methoddescr_repr(KrThreadState *ts, KrObject *self) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)self;
    return krStr_from_format(ts, "<method '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

// All descriptor layouts start with d_type and d_name after the header.
typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *d_type;
    KrObject *d_name;
} DescrCommon;

static KrObject *descr_get_name(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(((DescrCommon *)self)->d_name);
}
static KrObject *descr_get_qualname(KrThreadState *ts, KrObject *self, void *c) {
    DescrCommon *d = (DescrCommon *)self;
    KrObject *q = krType_qualname(ts, d->d_type);
    if (!q) return NULL;
    KrObject *r = krStr_from_format(ts, "%U.%U", q, d->d_name);
    kr_decref(q);
    return r;
}
static KrObject *descr_get_objclass(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref((KrObject *)((DescrCommon *)self)->d_type);
}
static KrObject *methoddescr_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    const char *doc = ((KrMethodDescrObject *)self)->d_method->doc;
    return doc ? krStr_from_cstr(ts, doc) : kr_newref(KR_NONE);
}

static const KrGetSetDef methoddescr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", methoddescr_get_doc, NULL, NULL, NULL},
    {"__text_signature__", none_getter, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrMethodDescr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(KrMethodDescrObject),
    .tp_flags = KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = descr_dealloc,
    .tp_repr = methoddescr_repr,
    .tp_call = methoddescr_call,
    .tp_descr_get = methoddescr_get,
    .tp_getset = methoddescr_getset,
};

KrTypeObject KrClassMethodDescr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(KrMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = methoddescr_repr,
    .tp_call = classmethoddescr_call,
    .tp_descr_get = classmethoddescr_get,
    .tp_getset = methoddescr_getset,
};

static KrObject *new_method_descr(KrThreadState *ts, KrTypeObject *dtype, KrTypeObject *type,
                                  const KrMethodDef *def) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)krObj_alloc(ts, dtype, 0);
    if (!d) return NULL;
    d->d_type = type;
    d->d_method = def;
    d->d_name = krStr_intern_cstr(ts, def->name);
    if (!d->d_name) {
        kr_decref((KrObject *)d);
        return NULL;
    }
    return (KrObject *)d;
}

KrObject *krDescr_new_method(KrThreadState *ts, KrTypeObject *type, const KrMethodDef *def) {
    return new_method_descr(ts, &KrMethodDescr_Type, type, def);
}

KrObject *krDescr_new_classmethod(KrThreadState *ts, KrTypeObject *type, const KrMethodDef *def) {
    return new_method_descr(ts, &KrClassMethodDescr_Type, type, def);
}

// ---------------------------------------------------------------------------
// Member descriptors

static KrObject *member_get(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type) {
    KrMemberDescrObject *d = (KrMemberDescrObject *)descr;
    if (!obj) return kr_newref(descr);
    if (descr_check(ts, d->d_type, d->d_name, obj) < 0) return NULL;
    const KrMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case KR_MEMBER_OBJECT: {
        KrObject *v = *(KrObject **)addr;
        return kr_newref(v ? v : KR_NONE);
    }
    case KR_MEMBER_OBJECT_EX: {
        KrObject *v = *(KrObject **)addr;
        if (!v) {
            krErr_set_attribute_error(ts, obj, d->d_name);
            return NULL;
        }
        return kr_newref(v);
    }
    case KR_MEMBER_INT: return krInt_from_i64(ts, *(int *)addr);
    case KR_MEMBER_SSIZE: return krInt_from_ssize(ts, *(KrSsize *)addr);
    case KR_MEMBER_BOOL: return kr_bool(*(bool *)addr);
    case KR_MEMBER_DOUBLE: return krFloat_new(ts, *(double *)addr);
    default: return krErr_bad_internal_call(ts);
    }
}

static int member_set(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *value) {
    KrMemberDescrObject *d = (KrMemberDescrObject *)descr;
    if (descr_check(ts, d->d_type, d->d_name, obj) < 0) return -1;
    const KrMemberDef *m = d->d_member;
    if (m->flags & KR_MEMBER_READONLY) {
        krErr_format(ts, &KrExc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case KR_MEMBER_OBJECT:
    case KR_MEMBER_OBJECT_EX: {
        KrObject **slot = (KrObject **)addr;
        if (!value && m->type == KR_MEMBER_OBJECT_EX && !*slot) {
            krErr_set_object(ts, &KrExc_AttributeError, d->d_name);
            return -1;
        }
        kr_setref(slot, kr_xnewref(value));
        return 0;
    }
    default:
        break;
    }
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case KR_MEMBER_INT:
    case KR_MEMBER_SSIZE: {
        if (!krInt_check(value)) {
            krErr_set_string(ts, &KrExc_TypeError, "attribute value type must be int");
            return -1;
        }
        KrSsize v = krInt_as_ssize(ts, value);
        if (v == -1 && krErr_occurred(ts)) return -1;
        if (m->type == KR_MEMBER_INT) *(int *)addr = (int)v;
        else *(KrSsize *)addr = v;
        return 0;
    }
    case KR_MEMBER_BOOL:
        if (!krBool_check(value)) {
            krErr_set_string(ts, &KrExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(bool *)addr = value == KR_TRUE;
        return 0;
    case KR_MEMBER_DOUBLE: {
        double v = krFloat_as_double(ts, value);
        if (v == -1.0 && krErr_occurred(ts)) return -1;
        *(double *)addr = v;
        return 0;
    }
    default:
        krErr_bad_internal_call(ts);
        return -1;
    }
}

static KrObject *member_repr(KrThreadState *ts, KrObject *self) {
    DescrCommon *d = (DescrCommon *)self;
    return krStr_from_format(ts, "<member '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static KrObject *member_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    const char *doc = ((KrMemberDescrObject *)self)->d_member->doc;
    return doc ? krStr_from_cstr(ts, doc) : kr_newref(KR_NONE);
}

static const KrGetSetDef member_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrMemberDescr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(KrMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = member_getset,
};

KrObject *krDescr_new_member(KrThreadState *ts, KrTypeObject *type, const KrMemberDef *def) {
    KrMemberDescrObject *d = (KrMemberDescrObject *)krObj_alloc(ts, &KrMemberDescr_Type, 0);
    if (!d) return NULL;
    d->d_type = type;
    d->d_member = def;
    if (!(d->d_name = krStr_intern_cstr(ts, def->name))) {
        kr_decref((KrObject *)d);
        return NULL;
    }
    return (KrObject *)d;
}

// ---------------------------------------------------------------------------
// Getset descriptors

static KrObject *getset_get(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type) {
    KrGetSetDescrObject *d = (KrGetSetDescrObject *)descr;
    if (!obj) return kr_newref(descr);
    if (descr_check(ts, d->d_type, d->d_name, obj) < 0) return NULL;
    if (!d->d_getset->get)
        return krErr_format(ts, &KrExc_AttributeError, "attribute '%U' of '%s' objects is not readable", d->d_name,
                            d->d_type->tp_name);
    return d->d_getset->get(ts, obj, d->d_getset->closure);
}

static int getset_set(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *value) {
    KrGetSetDescrObject *d = (KrGetSetDescrObject *)descr;
    if (descr_check(ts, d->d_type, d->d_name, obj) < 0) return -1;
    if (!d->d_getset->set) {
        krErr_format(ts, &KrExc_AttributeError, "attribute '%U' of '%s' objects is not writable", d->d_name,
                     d->d_type->tp_name);
        return -1;
    }
    return d->d_getset->set(ts, obj, value, d->d_getset->closure);
}

static KrObject *getset_repr(KrThreadState *ts, KrObject *self) {
    DescrCommon *d = (DescrCommon *)self;
    return krStr_from_format(ts, "<attribute '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static KrObject *getset_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    const char *doc = ((KrGetSetDescrObject *)self)->d_getset->doc;
    return doc ? krStr_from_cstr(ts, doc) : kr_newref(KR_NONE);
}

static const KrGetSetDef getset_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrGetSetDescr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(KrGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = getset_getset,
};

KrObject *krDescr_new_getset(KrThreadState *ts, KrTypeObject *type, const KrGetSetDef *def) {
    KrGetSetDescrObject *d = (KrGetSetDescrObject *)krObj_alloc(ts, &KrGetSetDescr_Type, 0);
    if (!d) return NULL;
    d->d_type = type;
    d->d_getset = def;
    if (!(d->d_name = krStr_intern_cstr(ts, def->name))) {
        kr_decref((KrObject *)d);
        return NULL;
    }
    return (KrObject *)d;
}

// ---------------------------------------------------------------------------
// mappingproxy: a read-only view of a mapping

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *mapping;   // strong
} MappingProxyObject;

KrTypeObject KrMappingProxy_Type;

KrObject *krMappingProxy_new(KrThreadState *ts, KrObject *mapping) {
    MappingProxyObject *p = (MappingProxyObject *)krObj_alloc(ts, &KrMappingProxy_Type, 0);
    if (!p) return NULL;
    p->mapping = kr_newref(mapping);
    krGC_track((KrObject *)p);
    return (KrObject *)p;
}

static KrObject *mappingproxy_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    static const char *const names[] = {"mapping"};
    KrObject *mapping;
    if (krArg_parse(ts, "mappingproxy", args, nargs, kwnames, names, 1, 0, 1, 1, &mapping) < 0) return NULL;
    if (!KR_TYPE(mapping)->mp_subscript || krList_check(mapping) || krTuple_check(mapping))
        return krErr_format(ts, &KrExc_TypeError, "mappingproxy() argument must be a mapping, not %T", mapping);
    return krMappingProxy_new(ts, mapping);
}

static void mappingproxy_dealloc(KrObject *self) {
    krGC_untrack(self);
    kr_decref(((MappingProxyObject *)self)->mapping);
    krObj_free(self);
}

static int mappingproxy_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((MappingProxyObject *)self)->mapping);
    return 0;
}

#define PROXIED(o) (((MappingProxyObject *)(o))->mapping)

static KrSsize mappingproxy_len(KrThreadState *ts, KrObject *self) { return krObj_length(ts, PROXIED(self)); }
static KrObject *mappingproxy_getitem(KrThreadState *ts, KrObject *self, KrObject *key) {
    return krObj_getitem(ts, PROXIED(self), key);
}
static int mappingproxy_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (krDict_check_exact(PROXIED(self))) return krDict_contains(ts, PROXIED(self), key);
    return krObj_contains(ts, PROXIED(self), key);
}
static KrObject *mappingproxy_iter(KrThreadState *ts, KrObject *self) { return krObj_get_iter(ts, PROXIED(self)); }
static KrObject *mappingproxy_str(KrThreadState *ts, KrObject *self) { return krObj_str(ts, PROXIED(self)); }
static KrObject *mappingproxy_repr(KrThreadState *ts, KrObject *self) {
    return krStr_from_format(ts, "mappingproxy(%R)", PROXIED(self));
}
static KrObject *mappingproxy_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    return krObj_richcompare(ts, PROXIED(a), b, op);
}

static KrObject *mappingproxy_get(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "get", nargs, 1, 2) < 0) return NULL;
    KrObject *getname = krStr_intern_cstr(ts, "get");
    return krObj_call_method(ts, PROXIED(self), getname, args[0], nargs > 1 ? args[1] : KR_NONE, NULL);
}
static KrObject *mappingproxy_keys(KrThreadState *ts, KrObject *self) {
    return krObj_call_method(ts, PROXIED(self), KR_ID(keys), NULL);
}
static KrObject *mappingproxy_values(KrThreadState *ts, KrObject *self) {
    return krObj_call_method(ts, PROXIED(self), KR_ID(values), NULL);
}
static KrObject *mappingproxy_items(KrThreadState *ts, KrObject *self) {
    return krObj_call_method(ts, PROXIED(self), KR_ID(items), NULL);
}
static KrObject *mappingproxy_copy(KrThreadState *ts, KrObject *self) {
    return krObj_call_method(ts, PROXIED(self), krStr_intern_cstr(ts, "copy"), NULL);
}

static const KrMethodDef mappingproxy_methods[] = {
    {"get", KR_CFUNC(mappingproxy_get), KR_METH_FAST, NULL},
    {"keys", KR_CFUNC(mappingproxy_keys), KR_METH_NOARGS, NULL},
    {"values", KR_CFUNC(mappingproxy_values), KR_METH_NOARGS, NULL},
    {"items", KR_CFUNC(mappingproxy_items), KR_METH_NOARGS, NULL},
    {"copy", KR_CFUNC(mappingproxy_copy), KR_METH_NOARGS, NULL},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL},
};

KrTypeObject KrMappingProxy_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MappingProxyObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_MAPPING,
    .tp_new = mappingproxy_new,
    .tp_dealloc = mappingproxy_dealloc,
    .tp_traverse = mappingproxy_traverse,
    .tp_repr = mappingproxy_repr,
    .tp_str = mappingproxy_str,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_iter,
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
    .sq_contains = mappingproxy_contains,
    .tp_methods = mappingproxy_methods,
};
