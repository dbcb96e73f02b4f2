/*
 * super.c — super(): attribute lookup that starts after a given class in the
 * MRO of an object's type.  The zero-argument form takes the class from the
 * function's __class__ cell and the object from its first argument.
 */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/frame.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *type;            // strong: the class to start after
    KrObject *obj;                 // strong: the instance or class, or NULL (unbound)
    KrTypeObject *obj_type;        // strong: the type whose MRO is searched, or NULL
} SuperObject;

// The type whose MRO super() searches, for super(type, obj).
static KrTypeObject *supercheck(KrThreadState *ts, KrTypeObject *type, KrObject *obj) {
    if (kr_type_check(obj, &KrType_Type) && krType_is_subtype((KrTypeObject *)obj, type))
        return (KrTypeObject *)kr_newref(obj);
    if (krType_is_subtype(KR_TYPE(obj), type)) return (KrTypeObject *)kr_newref((KrObject *)KR_TYPE(obj));
    // obj.__class__ may differ from type(obj) (proxies).
    KrObject *cls;
    int r = krObj_lookup_attr(ts, obj, KR_ID(__class__), &cls);
    if (r < 0) return NULL;
    if (r > 0) {
        if (kr_type_check(cls, &KrType_Type) && cls != (KrObject *)KR_TYPE(obj) &&
            krType_is_subtype((KrTypeObject *)cls, type))
            return (KrTypeObject *)cls;
        kr_decref(cls);
    }
    krErr_set_string(ts, &KrExc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

// Zero-argument super(): find __class__ and the first argument in the caller.
static int super_from_frame(KrThreadState *ts, KrTypeObject **type, KrObject **obj) {
    KrFrame *f = ts->frame;
    if (!f) {
        krErr_set_string(ts, &KrExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    KrCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        krErr_set_string(ts, &KrExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    KrObject *first = f->localsplus[0];
    // The first argument may have been turned into a cell (captured by a closure).
    if (first && krCell_check(first) &&
        (((const uint8_t *)krBytes_data(co->co_localspluskinds))[0] & KR_FAST_CELL))
        first = ((KrCellObject *)first)->ref;
    if (!first) {
        krErr_set_string(ts, &KrExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    KrSsize n = KR_TUPLE_SIZE(co->co_localsplusnames);
    const uint8_t *kinds = (const uint8_t *)krBytes_data(co->co_localspluskinds);
    for (KrSsize i = 0; i < n; i++) {
        if (!(kinds[i] & KR_FAST_FREE) || !krStr_eq_cstr(KR_TUPLE_GET(co->co_localsplusnames, i), "__class__"))
            continue;
        KrObject *cell = f->localsplus[i];
        KrObject *cls = cell && krCell_check(cell) ? ((KrCellObject *)cell)->ref : NULL;
        if (!cls) {
            krErr_set_string(ts, &KrExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!kr_type_check(cls, &KrType_Type)) {
            krErr_format(ts, &KrExc_RuntimeError, "super(): __class__ is not a type (%s)", krType_name(KR_TYPE(cls)));
            return -1;
        }
        *type = (KrTypeObject *)cls;
        *obj = first;
        return 0;
    }
    krErr_set_string(ts, &KrExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int super_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "super", kwnames) < 0 || krArg_check_positional(ts, "super", nargs, 0, 2) < 0) return -1;
    KrTypeObject *type;
    KrObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(ts, &type, &obj) < 0) return -1;
    } else {
        if (!kr_type_check(args[0], &KrType_Type)) {
            krErr_format(ts, &KrExc_TypeError, "super() argument 1 must be a type, not %s",
                         krType_name(KR_TYPE(args[0])));
            return -1;
        }
        type = (KrTypeObject *)args[0];
        if (nargs == 2 && args[1] != KR_NONE) obj = args[1];
    }
    KrTypeObject *obj_type = NULL;
    if (obj && !(obj_type = supercheck(ts, type, obj))) return -1;
    SuperObject *su = (SuperObject *)self;
    kr_setref((KrObject **)&su->type, kr_newref((KrObject *)type));
    kr_setref(&su->obj, kr_xnewref(obj));
    kr_setref((KrObject **)&su->obj_type, (KrObject *)obj_type);
    return 0;
}

static KrObject *super_getattro(KrThreadState *ts, KrObject *self, KrObject *name) {
    SuperObject *su = (SuperObject *)self;
    KrTypeObject *start = su->obj_type;
    // super().__class__ is the super type itself.
    if (start && !krStr_eq_cstr(name, "__class__")) {
        KrObject *mro = start->tp_mro;
        KrSsize n = KR_TUPLE_SIZE(mro), i = 0;
        while (i < n && KR_TUPLE_GET(mro, i) != (KrObject *)su->type) i++;
        for (i++; i < n; i++) {
            KrTypeObject *t = (KrTypeObject *)KR_TUPLE_GET(mro, i);
            KrObject *res = krDict_get_str(t->tp_dict, name);
            if (!res) continue;
            KrDescrGetFunc get = KR_TYPE(res)->tp_descr_get;
            if (!get) return kr_newref(res);
            // A class-level super binds to the class (obj == obj_type).
            KrObject *inst = su->obj == (KrObject *)start ? NULL : su->obj;
            return get(ts, res, inst, (KrObject *)start);
        }
    }
    return krObj_generic_getattr(ts, self, name);
}

static KrObject *super_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    SuperObject *su = (SuperObject *)self;
    if (!obj || obj == KR_NONE || su->obj) return kr_newref(self);
    KrObject *args[2] = {(KrObject *)su->type, obj};
    return krObj_vectorcall(ts, (KrObject *)KR_TYPE(self), args, 2, NULL);
}

static KrObject *super_repr(KrThreadState *ts, KrObject *self) {
    SuperObject *su = (SuperObject *)self;
    if (su->obj_type)
        return krStr_from_format(ts, "<super: <class '%s'>, <%s object>>", krType_name(su->type),
                                 krType_name(su->obj_type));
    return krStr_from_format(ts, "<super: <class '%s'>, NULL>", su->type ? krType_name(su->type) : "NULL");
}

static void super_dealloc(KrObject *self) {
    SuperObject *su = (SuperObject *)self;
    krGC_untrack(self);
    kr_xdecref((KrObject *)su->type);
    kr_xdecref(su->obj);
    kr_xdecref((KrObject *)su->obj_type);
    krObj_free(self);
}

static int super_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    SuperObject *su = (SuperObject *)self;
    KR_VISIT(su->type);
    KR_VISIT(su->obj);
    KR_VISIT(su->obj_type);
    return 0;
}

static KrObject *super_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    return krType_generic_alloc(ts, type, 0);
}

static const KrMemberDef super_members[] = {
    {"__thisclass__", KR_MEMBER_OBJECT, offsetof(SuperObject, type), KR_MEMBER_READONLY, "the class invoking super()"},
    {"__self__", KR_MEMBER_OBJECT, offsetof(SuperObject, obj), KR_MEMBER_READONLY, "the instance invoking super(); may be None"},
    {"__self_class__", KR_MEMBER_OBJECT, offsetof(SuperObject, obj_type), KR_MEMBER_READONLY, "the type of the instance invoking super(); may be None"},
    {NULL},
};

static const char super_doc[] =
    "super() -> same as super(__class__, <first argument>)\n"
    "super(type) -> unbound super object\n"
    "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
    "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
    "Typical use to call a cooperative superclass method:\n"
    "class C(B):\n"
    "    def meth(self, arg):\n"
    "        super().meth(arg)\n"
    "This works for class methods too:\n"
    "class C(B):\n"
    "    @classmethod\n"
    "    def cmeth(cls, arg):\n"
    "        super().cmeth(arg)\n"
    "";

KrTypeObject KrSuper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "super",
    .tp_basicsize = sizeof(SuperObject),
    .tp_doc = super_doc,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_new = super_new,
    .tp_init = super_init,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_get,
    .tp_members = super_members,
};
