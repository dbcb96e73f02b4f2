/*
 * collections.c — the _collections module: deque (deque.c), defaultdict (a
 * dict subclass with a default_factory called by __missing__), the
 * _tuplegetter descriptor behind namedtuple fields, and _count_elements,
 * Counter's counting loop.  lib/collections/ builds the public package.
 */
#include "modules/collections.h"

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// defaultdict

typedef struct {
    KrDictObject dict;
    KrObject *default_factory;     // strong or NULL (None)
} DefaultDictObject;

#define DD(o) ((DefaultDictObject *)(o))

// The factory, or NULL when there is none (NULL or None: the member may be
// set to None from Python).  Borrowed.
static KrObject *factory_of(KrObject *self) {
    KrObject *f = DD(self)->default_factory;
    return f == KR_NONE ? NULL : f;
}

static int defdict_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    KrObject *factory = NULL;
    if (nargs > 0) {
        factory = args[0];
        if (factory != KR_NONE && !krObj_callable(factory)) {
            krErr_set_string(ts, &KrExc_TypeError, "first argument must be callable or None");
            return -1;
        }
        if (factory == KR_NONE) factory = NULL;
    }
    kr_setref(&DD(self)->default_factory, kr_xnewref(factory));
    return KrDict_Type.tp_init(ts, self, nargs > 0 ? args + 1 : args, nargs > 0 ? nargs - 1 : 0, kwnames);
}

static void defdict_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(DD(self)->default_factory);
    KrDict_Type.tp_dealloc(self);
}

static int defdict_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(DD(self)->default_factory);
    return KrDict_Type.tp_traverse(self, visit, arg);
}

static int defdict_clear(KrObject *self) {
    KR_CLEAR(DD(self)->default_factory);
    return KrDict_Type.tp_clear(self);
}

static KrObject *defdict_missing(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrObject *factory = factory_of(self);
    if (!factory) {
        krErr_set_object(ts, &KrExc_KeyError, key);
        return NULL;
    }
    KrObject *value = krObj_call0(ts, factory);
    if (!value) return NULL;
    if (krObj_setitem(ts, self, key, value) < 0) {
        kr_decref(value);
        return NULL;
    }
    return value;
}

// type(self)(default_factory, arg): how copy() and | build their results.
static KrObject *new_defdict(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrObject *factory = factory_of(self);
    return krObj_call2(ts, (KrObject *)KR_TYPE(self), factory ? factory : KR_NONE, arg);
}

static KrObject *defdict_copy(KrThreadState *ts, KrObject *self) { return new_defdict(ts, self, self); }

static KrObject *defdict_reduce(KrThreadState *ts, KrObject *self) {
    KrObject *factory = factory_of(self);
    KrObject *args = factory ? krTuple_pack(ts, 1, factory) : kr_newref(krTuple_empty());
    if (!args) return NULL;
    KrObject *items = krObj_call_method(ts, self, KR_ID(items), NULL);
    KrObject *it = items ? krObj_get_iter(ts, items) : NULL;
    kr_xdecref(items);
    KrObject *r = it ? krTuple_pack(ts, 5, (KrObject *)KR_TYPE(self), args, KR_NONE, KR_NONE, it) : NULL;
    kr_decref(args);
    kr_xdecref(it);
    return r;
}

static KrObject *defdict_repr(KrThreadState *ts, KrObject *self) {
    KrObject *base = KrDict_Type.tp_repr(ts, self);
    if (!base) return NULL;
    KrObject *factory = factory_of(self), *frepr;
    if (!factory) {
        frepr = krStr_from_cstr(ts, "None");
    } else {
        int status = krRepr_enter(ts, factory);
        if (status < 0) {
            kr_decref(base);
            return NULL;
        }
        if (status > 0) {
            frepr = krStr_from_cstr(ts, "...");
        } else {
            frepr = krObj_repr(ts, factory);
            krRepr_leave(ts, factory);
        }
    }
    KrObject *r = frepr ? krStr_from_format(ts, "%s(%U, %U)", krType_name(KR_TYPE(self)), frepr, base) : NULL;
    kr_xdecref(frepr);
    kr_decref(base);
    return r;
}

static KrObject *defdict_or(KrThreadState *ts, KrObject *left, KrObject *right) {
    bool left_is_dd = kr_type_check(left, &KrDefaultDict_Type);
    KrObject *self = left_is_dd ? left : right, *other = left_is_dd ? right : left;
    if (!krDict_check(other)) return kr_newref(KR_NOTIMPLEMENTED);
    KrObject *result = new_defdict(ts, self, left);
    if (!result) return NULL;
    if (krDict_update(ts, result, right) < 0) {
        kr_decref(result);
        return NULL;
    }
    return result;
}

static const KrMethodDef defdict_methods[] = {
    {"__missing__", KR_CFUNC(defdict_missing), KR_METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", KR_CFUNC(defdict_copy), KR_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", KR_CFUNC(defdict_copy), KR_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", KR_CFUNC(defdict_reduce), KR_METH_NOARGS, "Return state information for pickling."},
    {NULL},
};

static const KrMemberDef defdict_members[] = {
    {"default_factory", KR_MEMBER_OBJECT, offsetof(DefaultDictObject, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL},
};

KrTypeObject KrDefaultDict_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(DefaultDictObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_DICT_SUBCLASS | KR_TPFLAGS_MAPPING,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_base = &KrDict_Type,
    .tp_init = defdict_init,
    .tp_dealloc = defdict_dealloc,
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_clear,
    .tp_repr = defdict_repr,
    .nb_or = defdict_or,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
};

// ---------------------------------------------------------------------------
// _tuplegetter: the descriptor of a namedtuple field (obj[index]).

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;
    KrObject *doc;                 // strong
} TupleGetterObject;

static KrObject *tuplegetter_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "_tuplegetter", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "_tuplegetter", nargs, 2, 2) < 0) return NULL;
    if (!krNum_is_index(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(args[0])));
    KrSsize index = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (index == -1 && krErr_occurred(ts)) return NULL;
    TupleGetterObject *g = (TupleGetterObject *)(type == &KrTupleGetter_Type ? krObj_alloc(ts, type, 0)
                                                                             : krType_generic_alloc(ts, type, 0));
    if (!g) return NULL;
    g->index = index;
    g->doc = kr_newref(args[1]);
    if (!krGC_is_tracked((KrObject *)g)) krGC_track((KrObject *)g);
    return (KrObject *)g;
}

static void tuplegetter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((TupleGetterObject *)self)->doc);
    krObj_free(self);
}

static int tuplegetter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((TupleGetterObject *)self)->doc);
    return 0;
}

static int tuplegetter_clear(KrObject *self) {
    KR_CLEAR(((TupleGetterObject *)self)->doc);
    return 0;
}

static KrObject *tuplegetter_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    KrSsize index = ((TupleGetterObject *)self)->index;
    if (!obj || obj == KR_NONE) return kr_newref(self);
    if (!krTuple_check(obj))
        return krErr_format(ts, &KrExc_TypeError,
                            "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object", index,
                            KR_TYPE(obj)->tp_name);
    if (index < 0 || index >= KR_TUPLE_SIZE(obj)) return krErr_format(ts, &KrExc_IndexError, "tuple index out of range");
    return kr_newref(KR_TUPLE_GET(obj, index));
}

static KrObject *tuplegetter_repr(KrThreadState *ts, KrObject *self) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    return krStr_from_format(ts, "%s(%zd, %R)", krType_name(KR_TYPE(self)), g->index, g->doc);
}

static int tuplegetter_set(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *value) {
    krErr_set_string(ts, &KrExc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static KrObject *tuplegetter_reduce(KrThreadState *ts, KrObject *self) {
    TupleGetterObject *g = (TupleGetterObject *)self;
    KrObject *idx = krInt_from_ssize(ts, g->index);
    if (!idx) return NULL;
    KrObject *args = krTuple_pack(ts, 2, idx, g->doc);
    kr_decref(idx);
    if (!args) return NULL;
    KrObject *r = krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), args);
    kr_decref(args);
    return r;
}

static const KrMethodDef tuplegetter_methods[] = {
    {"__reduce__", KR_CFUNC(tuplegetter_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

static const KrMemberDef tuplegetter_members[] = {
    {"__doc__", KR_MEMBER_OBJECT, offsetof(TupleGetterObject, doc), 0, NULL},
    {NULL},
};

KrTypeObject KrTupleGetter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_new = tuplegetter_new,
    .tp_dealloc = tuplegetter_dealloc,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_repr = tuplegetter_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
};

// ---------------------------------------------------------------------------
// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1
// for each x, directly on the dict when mapping's get/__setitem__ are dict's.

static KrObject *count_elements(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_count_elements", nargs, 2, 2) < 0) return NULL;
    KrObject *mapping = args[0];
    KrObject *it = krObj_get_iter(ts, args[1]);
    if (!it) return NULL;
    KrTypeObject *t = KR_TYPE(mapping);
    bool fast = krDict_check(mapping) &&
                krType_lookup(t, KR_ID(get)) == krType_lookup(&KrDict_Type, KR_ID(get)) &&
                krType_lookup(t, KR_ID(__setitem__)) == krType_lookup(&KrDict_Type, KR_ID(__setitem__));
    KrObject *bound_get = NULL, *key;
    if (!fast && !(bound_get = krObj_getattr(ts, mapping, KR_ID(get)))) goto error;
    while ((key = krIter_next(ts, it))) {
        KrObject *old, *new;
        if (fast) {
            old = krDict_get(ts, mapping, key);
            if (!old && krErr_occurred(ts)) goto error_key;
            new = old ? krNum_add(ts, old, kr_smallint(1)) : kr_smallint(1);
        } else {
            old = krObj_call2(ts, bound_get, key, kr_smallint(0));
            if (!old) goto error_key;
            new = krNum_add(ts, old, kr_smallint(1));
            kr_decref(old);
        }
        if (!new) goto error_key;
        int r = fast ? krDict_set(ts, mapping, key, new) : krObj_setitem(ts, mapping, key, new);
        kr_decref(new);
        kr_decref(key);
        if (r < 0) goto error;
    }
    if (krErr_occurred(ts)) goto error;
    kr_xdecref(bound_get);
    kr_decref(it);
    return kr_newref(KR_NONE);
error_key:
    kr_decref(key);
error:
    kr_xdecref(bound_get);
    kr_decref(it);
    return NULL;
}

// ---------------------------------------------------------------------------
// Module

static const KrMethodDef collections_methods[] = {
    {"_count_elements", KR_CFUNC(count_elements), KR_METH_FAST, "Count elements in the iterable, updating the mapping"},
    {NULL},
};

static int collections_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrDeque_Type) < 0 || krModule_add_type(ts, m, &KrDefaultDict_Type) < 0 ||
        krModule_add_type(ts, m, &KrTupleGetter_Type) < 0 ||
        krModule_add_object(ts, m, "_deque_iterator", (KrObject *)&KrDequeIter_Type) < 0 ||
        krModule_add_object(ts, m, "_deque_reverse_iterator", (KrObject *)&KrDequeRevIter_Type) < 0)
        return -1;
    // deque is unhashable (its tp_hash only supplies CPython's message).
    if (krDict_get_str(KrDeque_Type.tp_dict, KR_ID(__hash__)) != KR_NONE) {
        if (krDict_set(ts, KrDeque_Type.tp_dict, KR_ID(__hash__), KR_NONE) < 0) return -1;
        krType_modified(&KrDeque_Type);
    }
    return 0;
}

const KrModuleDef kr__collections_module_def = {
    .name = "_collections",
    .doc = "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n"
           "- defaultdict:  dict subclass with a default value factory\n",
    .methods = collections_methods,
    .exec = collections_exec,
};
