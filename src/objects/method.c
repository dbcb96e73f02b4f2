/*
 * method.c — bound methods: a function paired with the object it was looked
 * up on.  Calling one prepends `self` to the arguments; when the caller
 * allows it (KR_VECTORCALL_ARGS_OFFSET) the slot before the arguments is
 * borrowed for that, so no copy is made.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static KrObject *method_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                             KrObject *kwnames) {
    KrMethodObject *m = (KrMethodObject *)callable;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    KrSsize total = nargs + (kwnames ? KR_TUPLE_SIZE(kwnames) : 0);
    if (nargsf & KR_VECTORCALL_ARGS_OFFSET) {
        KrObject **slot = (KrObject **)args - 1;
        KrObject *saved = *slot;
        *slot = m->im_self;
        KrObject *r = krObj_vectorcall(ts, m->im_func, slot, (size_t)(nargs + 1), kwnames);
        *slot = saved;
        return r;
    }
    KrObject *small[8];
    KrObject **stack = total + 1 <= 8 ? small : krMem_malloc((size_t)(total + 1) * sizeof(KrObject *));
    if (!stack) return krErr_no_memory(ts);
    stack[0] = m->im_self;
    for (KrSsize i = 0; i < total; i++) stack[i + 1] = args[i];
    KrObject *r = krObj_vectorcall(ts, m->im_func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small) krMem_free(stack);
    return r;
}

KrObject *krMethod_new(KrThreadState *ts, KrObject *func, KrObject *self) {
    KrMethodObject *m = (KrMethodObject *)krObj_alloc(ts, &KrMethod_Type, 0);
    if (!m) return NULL;
    m->im_func = kr_newref(func);
    m->im_self = kr_newref(self);
    m->vectorcall = method_call;
    krGC_track((KrObject *)m);
    return (KrObject *)m;
}

static KrObject *method_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "method", kwnames) < 0 || krArg_check_positional(ts, "method", nargs, 2, 2) < 0)
        return NULL;
    if (!krObj_callable(args[0])) return krErr_format(ts, &KrExc_TypeError, "first argument must be callable");
    if (args[1] == KR_NONE) return krErr_format(ts, &KrExc_TypeError, "instance must not be None");
    return krMethod_new(ts, args[0], args[1]);
}

static void method_dealloc(KrObject *self) {
    KrMethodObject *m = (KrMethodObject *)self;
    krGC_untrack(self);
    kr_decref(m->im_func);
    kr_decref(m->im_self);
    krObj_free(self);
}

static int method_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrMethodObject *m = (KrMethodObject *)self;
    KR_VISIT(m->im_func);
    KR_VISIT(m->im_self);
    return 0;
}

static KrObject *method_repr(KrThreadState *ts, KrObject *self) {
    KrMethodObject *m = (KrMethodObject *)self;
    KrObject *name;
    if (krObj_lookup_attr(ts, m->im_func, KR_ID(__qualname__), &name) < 0) return NULL;
    if (!name && krObj_lookup_attr(ts, m->im_func, KR_ID(__name__), &name) < 0) return NULL;
    KrObject *r;
    if (name && krStr_check(name))
        r = krStr_from_format(ts, "<bound method %U of %R>", name, m->im_self);
    else
        r = krStr_from_format(ts, "<bound method ? of %R>", m->im_self);
    kr_xdecref(name);
    return r;
}

static KrObject *method_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &KrMethod_Type) return kr_newref(KR_NOTIMPLEMENTED);
    KrMethodObject *x = (KrMethodObject *)a, *y = (KrMethodObject *)b;
    int eq = krObj_eq(ts, x->im_func, y->im_func);
    if (eq < 0) return NULL;
    eq = eq && x->im_self == y->im_self;
    return kr_bool(op == KR_EQ ? eq : !eq);
}

static KrHash method_hash(KrThreadState *ts, KrObject *self) {
    KrMethodObject *m = (KrMethodObject *)self;
    KrHash h = krObj_hash(ts, m->im_func);
    if (h == -1) return -1;
    h ^= krObj_hash_pointer(m->im_self);
    return h == -1 ? -2 : h;
}

// Other attributes are forwarded to the function (__name__, __doc__, ...).
static KrObject *method_getattro(KrThreadState *ts, KrObject *self, KrObject *name) {
    KrTypeObject *tp = KR_TYPE(self);
    KrObject *descr = krType_lookup(tp, name);
    if (descr) {
        KrDescrGetFunc get = KR_TYPE(descr)->tp_descr_get;
        if (get) return get(ts, descr, self, (KrObject *)tp);
        return kr_newref(descr);
    }
    return krObj_getattr(ts, ((KrMethodObject *)self)->im_func, name);
}

static KrObject *method_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    return kr_newref(self);  // bound methods are not rebound
}

static KrObject *method_reduce(KrThreadState *ts, KrObject *self) {
    KrMethodObject *m = (KrMethodObject *)self;
    KrObject *getattr = krDict_get_cstr(ts, ts->interp->builtins, "getattr");
    KrObject *name = getattr ? krObj_getattr(ts, m->im_func, KR_ID(__name__)) : NULL;
    if (!name) return NULL;
    KrObject *args = krTuple_pack(ts, 2, m->im_self, name);
    kr_decref(name);
    if (!args) return NULL;
    KrObject *r = krTuple_pack(ts, 2, getattr, args);
    kr_decref(args);
    return r;
}

static const KrMemberDef method_members[] = {
    {"__func__", KR_MEMBER_OBJECT, offsetof(KrMethodObject, im_func), KR_MEMBER_READONLY, NULL},
    {"__self__", KR_MEMBER_OBJECT, offsetof(KrMethodObject, im_self), KR_MEMBER_READONLY, NULL},
    {NULL},
};

// The bound method's __doc__ is its function's, as in CPython (the type's
// own docstring would otherwise shadow the forwarding in method_getattro).
static KrObject *method_get_doc(KrThreadState *ts, KrObject *self, void *closure) {
    return krObj_getattr(ts, ((KrMethodObject *)self)->im_func, KR_ID(__doc__));
}

static const KrGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL},
};

static const KrMethodDef method_methods[] = {
    {"__reduce__", KR_CFUNC(method_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrMethod_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "method",
    .tp_doc = "Create a bound instance method object.",
    .tp_basicsize = sizeof(KrMethodObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_new = method_new,
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_richcompare = method_richcompare,
    .tp_hash = method_hash,
    .tp_getattro = method_getattro,
    .tp_descr_get = method_get,
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_methods = method_methods,
};
