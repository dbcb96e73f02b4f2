/*
 * baseobject.c — `object`, the root of every class: creation and the
 * argument rules of object.__new__/__init__, the default repr/str/hash/
 * comparisons/format, attribute access, __class__ assignment, __dir__,
 * __init_subclass__ and __subclasshook__.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

static int excess_args(KrSsize nargs, KrObject *kwnames) {
    return nargs > 0 || (kwnames && KR_TUPLE_SIZE(kwnames) > 0);
}

static int object_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                       KrObject *kwnames);

static KrObject *object_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (type->tp_new != object_new) {
            krErr_set_string(ts, &KrExc_TypeError,
                             "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            krErr_format(ts, &KrExc_TypeError, "%s() takes no arguments", krType_name(type));
            return NULL;
        }
    }
    if (type->tp_flags & KR_TPFLAGS_ABSTRACT) {
        KrObject *am = krDict_get_str(type->tp_dict, KR_ID(__abstractmethods__));
        KrObject *sorted = am ? krSeq_list(ts, am) : NULL;
        if (!sorted || krList_sort(ts, sorted, NULL, false) < 0) {
            kr_xdecref(sorted);
            return NULL;
        }
        KrObject *sep = krStr_from_cstr(ts, ", ");
        KrObject *joined = sep ? krStr_join(ts, sep, sorted) : NULL;
        kr_xdecref(sep);
        if (joined)
            krErr_format(ts, &KrExc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                         krType_name(type), KR_LIST_SIZE(sorted) > 1 ? "s" : "", joined);
        kr_xdecref(joined);
        kr_decref(sorted);
        return NULL;
    }
    return krType_generic_alloc(ts, type, 0);
}

static int object_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                       KrObject *kwnames) {
    if (excess_args(nargs, kwnames)) {
        KrTypeObject *type = KR_TYPE(self);
        if (type->tp_init != object_init) {
            krErr_set_string(ts, &KrExc_TypeError,
                             "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            krErr_format(ts, &KrExc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(KrObject *self) { krObj_free(self); }

static KrObject *object_repr(KrThreadState *ts, KrObject *self) {
    KrTypeObject *type = KR_TYPE(self);
    KrObject *mod = krType_module(ts, type);
    if (!mod) krErr_clear(ts);
    KrObject *qual = krType_qualname(ts, type);
    if (!qual) {
        kr_xdecref(mod);
        return NULL;
    }
    KrObject *r;
    if (mod && krStr_check(mod) && !krStr_eq_cstr(mod, "builtins"))
        r = krStr_from_format(ts, "<%U.%U object at %p>", mod, qual, (void *)self);
    else
        r = krStr_from_format(ts, "<%s object at %p>", type->tp_name, (void *)self);
    kr_xdecref(mod);
    kr_decref(qual);
    return r;
}

static KrObject *object_str(KrThreadState *ts, KrObject *self) { return krObj_repr(ts, self); }

KrHash krObj_hash_pointer(const void *p) {
    // Rotate by 4 bits: the low bits of an aligned address carry no entropy.
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    KrHash h = (KrHash)y;
    return h == -1 ? -2 : h;
}

static KrHash object_hash(KrThreadState *ts, KrObject *self) { return krObj_hash_pointer(self); }

static KrObject *object_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    switch (op) {
    case KR_EQ:
        // Identity is equality; anything else is for the other operand to decide.
        return kr_newref(self == other ? KR_TRUE : KR_NOTIMPLEMENTED);
    case KR_NE: {
        // By default, != inverts == unless == is not implemented.
        KrRichCmpFunc eq = KR_TYPE(self)->tp_richcompare;
        if (!eq) return kr_newref(KR_NOTIMPLEMENTED);
        KrObject *r = eq(ts, self, other, KR_EQ);
        if (!r || r == KR_NOTIMPLEMENTED) return r;
        int t = krObj_is_true(ts, r);
        kr_decref(r);
        return t < 0 ? NULL : kr_bool(!t);
    }
    default:
        return kr_newref(KR_NOTIMPLEMENTED);
    }
}

// ---------------------------------------------------------------------------
// __class__

static KrObject *object_get_class(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref((KrObject *)KR_TYPE(self));
}

static int object_set_class(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!kr_type_check(value, &KrType_Type)) {
        krErr_format(ts, &KrExc_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    KrTypeObject *newto = (KrTypeObject *)value, *oldto = KR_TYPE(self);
    bool modules = krType_is_subtype(newto, &KrModule_Type) && krType_is_subtype(oldto, &KrModule_Type);
    if (!modules && ((newto->tp_flags | oldto->tp_flags) & KR_TPFLAGS_IMMUTABLETYPE)) {
        krErr_set_string(ts, &KrExc_TypeError,
                         "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (krType_check_compatible(ts, oldto, newto, "__class__") < 0) return -1;
    // Shapes belong to a class's shape tree; leave shape mode before moving.
    if ((oldto->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) && !krAttrs_dict(ts, self)) return -1;
    kr_incref(value);
    self->ob_type = newto;
    kr_decref((KrObject *)oldto);
    return 0;
}

static KrObject *object_get_dict(KrThreadState *ts, KrObject *self, void *c) {
    if (!(KR_TYPE(self)->tp_flags & KR_TPFLAGS_MANAGED_ATTRS))
        return krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    KrObject *d = krAttrs_dict(ts, self);
    return kr_xnewref(d);
}

static int object_set_dict(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!(KR_TYPE(self)->tp_flags & KR_TPFLAGS_MANAGED_ATTRS)) {
        krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute '__dict__'", self);
        return -1;
    }
    return krAttrs_set_dict(ts, self, value);
}

static const KrGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL},
};

// The __dict__ descriptor every class with managed attributes gets (typenew.c
// adds it to the class dict through this table's entry).
const KrGetSetDef kr_managed_dict_getset = {"__dict__", object_get_dict, object_set_dict,
                                            "dictionary for instance variables", NULL};

static KrObject *object_get_weakref(KrThreadState *ts, KrObject *self, void *c) {
    KrObject **slot = krObj_weaklist_slot(self);
    return kr_newref(slot && *slot ? *slot : KR_NONE);
}

// The __weakref__ descriptor of classes that add a weak reference list.
const KrGetSetDef kr_weakref_getset = {"__weakref__", object_get_weakref, NULL,
                                       "list of weak references to the object", NULL};

// ---------------------------------------------------------------------------
// Methods

static KrObject *object_format(KrThreadState *ts, KrObject *self, KrObject *spec) {
    if (!krStr_check(spec))
        return krErr_format(ts, &KrExc_TypeError, "__format__() argument must be str, not %T", spec);
    if (krStr_size(spec) > 0)
        return krErr_format(ts, &KrExc_TypeError, "unsupported format string passed to %s.__format__",
                            krType_name(KR_TYPE(self)));
    return krObj_str(ts, self);
}

static KrObject *object_sizeof(KrThreadState *ts, KrObject *self) {
    KrTypeObject *t = KR_TYPE(self);
    KrSsize size = t->tp_basicsize;
    if (t->tp_itemsize) size += t->tp_itemsize * KR_SIZE(self);
    return krInt_from_ssize(ts, size);
}

static KrObject *object_dir(KrThreadState *ts, KrObject *self) {
    KrObject *result = krDict_new(ts);
    if (!result) return NULL;
    KrObject *d = NULL;
    if (krObj_lookup_attr(ts, self, KR_ID(__dict__), &d) < 0) goto fail;
    if (d && krDict_check(d) && krDict_update(ts, result, d) < 0) goto fail;
    KR_CLEAR(d);
    KrObject *mro = KR_TYPE(self)->tp_mro;
    for (KrSsize i = KR_TUPLE_SIZE(mro); --i >= 0;)
        if (krDict_update(ts, result, ((KrTypeObject *)KR_TUPLE_GET(mro, i))->tp_dict) < 0) goto fail;
    KrObject *keys = krDict_keys(ts, result);
    kr_decref(result);
    return keys;
fail:
    kr_xdecref(d);
    kr_decref(result);
    return NULL;
}

static KrObject *object_init_subclass(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                                      KrObject *kwnames) {
    if (nargs || (kwnames && KR_TUPLE_SIZE(kwnames))) {
        krErr_format(ts, &KrExc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     krType_name((KrTypeObject *)cls));
        return NULL;
    }
    return kr_newref(KR_NONE);
}

static KrObject *object_subclasshook(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs) {
    return kr_newref(KR_NOTIMPLEMENTED);
}

static const KrMethodDef object_methods[] = {
    {"__format__", KR_CFUNC(object_format), KR_METH_O, "Default object formatter."},
    {"__sizeof__", KR_CFUNC(object_sizeof), KR_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", KR_CFUNC(object_dir), KR_METH_NOARGS, "Default dir() implementation."},
    {"__init_subclass__", KR_CFUNC(object_init_subclass), KR_METH_FASTKW | KR_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", KR_CFUNC(object_subclasshook), KR_METH_FAST | KR_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__reduce_ex__", KR_CFUNC(krObj_reduce_ex_method), KR_METH_O, "Helper for pickle."},
    {"__reduce__", KR_CFUNC(krObj_reduce_method), KR_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", KR_CFUNC(krObj_getstate_method), KR_METH_NOARGS, "Helper for pickle."},
    {NULL},
};

KrTypeObject KrBaseObject_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "object",
    .tp_basicsize = sizeof(KrObject),
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n"
    "\n"
    "When called, it accepts no arguments and returns a new featureless\n"
    "instance that has no instance attributes and cannot be given any.\n"
    "",
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
};
