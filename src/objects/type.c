/*
 * type.c — type objects: readying static types, version tags and the method
 * cache, MRO lookup, calling a type, attribute access on types, and the
 * Python-visible attributes of `type`.
 *
 * Version tags: every type gets a non-zero tp_version lazily; krType_modified
 * resets it to 0 for the type and all its subclasses whenever a dict along an
 * MRO changes.  The global method cache (below) and the eval loop's inline
 * caches store the version they saw, so a stale entry simply never matches.
 *
 * Subclass lists are arrays of borrowed pointers; a heap type removes itself
 * from its bases' lists when it dies, so no weak references are needed.
 *
 * Related: typenew.c (class creation, MRO), typeslots.c (special methods <->
 * slots), shape.c (instance attributes), baseobject.c (`object`).
 */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/type.h"
#include "objects/typeslots.h"

// ---------------------------------------------------------------------------
// Version tags and the method cache

static uint32_t next_version = 1;

#define METHOD_CACHE_BITS 12
#define METHOD_CACHE_SIZE (1u << METHOD_CACHE_BITS)

typedef struct {
    uint32_t version;
    KrObject *name;     // borrowed, an interned str
    KrObject *value;    // borrowed from a dict of the MRO, or NULL for "absent"
} MethodCacheEntry;

static MethodCacheEntry method_cache[METHOD_CACHE_SIZE];

static inline size_t cache_index(uint32_t version, KrObject *name) {
    return ((uintptr_t)name >> 4 ^ version * 2654435761u) & (METHOD_CACHE_SIZE - 1);
}

uint32_t krType_version(KrTypeObject *type) {
    if (type->tp_version) return type->tp_version;
    if (next_version == UINT32_MAX) return 0;  // exhausted: caches are simply not used
    // A version is only valid if every type of the MRO has one too, because a
    // change to any of them must be seen as a change of this type.
    KrObject *mro = type->tp_mro;
    if (mro) {
        for (KrSsize i = 1; i < KR_TUPLE_SIZE(mro); i++)
            if (!krType_version((KrTypeObject *)KR_TUPLE_GET(mro, i))) return 0;
    }
    type->tp_version = next_version++;
    return type->tp_version;
}

typedef struct {
    KrSsize n, cap;
    KrTypeObject *items[];
} SubclassList;

void krType_modified(KrTypeObject *type) {
    if (!type->tp_version) return;  // no cache can hold it, nor (by the rule above) any subclass
    type->tp_version = 0;
    SubclassList *subs = type->tp_subclasses_list;
    if (subs)
        for (KrSsize i = 0; i < subs->n; i++) krType_modified(subs->items[i]);
}

int krType_add_subclass(KrTypeObject *base, KrTypeObject *type) {
    SubclassList *subs = base->tp_subclasses_list;
    if (!subs || subs->n == subs->cap) {
        KrSsize cap = subs ? subs->cap * 2 : 4;
        SubclassList *n = krMem_realloc(subs, sizeof(SubclassList) + (size_t)cap * sizeof(KrTypeObject *));
        if (!n) return -1;
        if (!subs) n->n = 0;
        n->cap = cap;
        base->tp_subclasses_list = subs = n;
    }
    subs->items[subs->n++] = type;
    return 0;
}

void krType_remove_subclass(KrTypeObject *base, KrTypeObject *type) {
    SubclassList *subs = base->tp_subclasses_list;
    if (!subs) return;
    for (KrSsize i = 0; i < subs->n; i++) {
        if (subs->items[i] == type) {
            memmove(&subs->items[i], &subs->items[i + 1], (size_t)(subs->n - i - 1) * sizeof(KrTypeObject *));
            subs->n--;
            return;
        }
    }
}

KrSsize krType_subclasses(KrTypeObject *type, KrTypeObject ***items) {
    SubclassList *subs = type->tp_subclasses_list;
    if (!subs) return 0;
    *items = subs->items;
    return subs->n;
}

static KrObject *lookup_uncached(KrTypeObject *type, KrObject *name) {
    KrObject *mro = type->tp_mro;
    if (!mro) return type->tp_dict ? krDict_get_str(type->tp_dict, name) : NULL;
    KrSsize n = KR_TUPLE_SIZE(mro);
    for (KrSsize i = 0; i < n; i++) {
        KrTypeObject *t = (KrTypeObject *)KR_TUPLE_GET(mro, i);
        if (!t->tp_dict) continue;
        KrObject *v = krDict_get_str(t->tp_dict, name);
        if (v) return v;
    }
    return NULL;
}

KrObject *krType_lookup(KrTypeObject *type, KrObject *name) {
    if (!(((KrStrObject *)name)->flags & KR_STR_INTERNED)) return lookup_uncached(type, name);
    uint32_t version = krType_version(type);
    if (!version) return lookup_uncached(type, name);
    MethodCacheEntry *e = &method_cache[cache_index(version, name)];
    if (e->version == version && e->name == name) return e->value;
    KrObject *v = lookup_uncached(type, name);
    e->version = version;
    e->name = name;
    e->value = v;
    return v;
}

// ---------------------------------------------------------------------------
// Names

const char *krType_name(KrTypeObject *type) {
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) return krStr_utf8(((KrHeapTypeObject *)type)->ht_name);
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

KrObject *krType_qualname(KrThreadState *ts, KrTypeObject *type) {
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) return kr_newref(((KrHeapTypeObject *)type)->ht_qualname);
    return krStr_intern_cstr(ts, krType_name(type));
}

KrObject *krType_module(KrThreadState *ts, KrTypeObject *type) {
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) {
        KrObject *m = krDict_get_str(type->tp_dict, KR_ID(__module__));
        if (m) return kr_newref(m);
        return krErr_format(ts, &KrExc_AttributeError, "__module__");
    }
    const char *dot = strrchr(type->tp_name, '.');
    if (dot) return krStr_intern_utf8(ts, type->tp_name, dot - type->tp_name);
    return krStr_intern_cstr(ts, "builtins");
}

// ---------------------------------------------------------------------------
// Subtype checks

bool krType_is_subtype(KrTypeObject *t, KrTypeObject *base) {
    if (t == base) return true;
    KrObject *mro = t->tp_mro;
    if (mro) {
        KrSsize n = KR_TUPLE_SIZE(mro);
        for (KrSsize i = 0; i < n; i++)
            if ((KrTypeObject *)KR_TUPLE_GET(mro, i) == base) return true;
        return false;
    }
    // Not ready yet: follow the layout chain.
    for (; t; t = t->tp_base)
        if (t == base) return true;
    return base == &KrBaseObject_Type;
}

// ---------------------------------------------------------------------------
// Readying static types

// Inherits every slot the type leaves NULL from its base.
static void inherit_slots(KrTypeObject *type, KrTypeObject *base) {
    if (!type->tp_hash && !type->tp_richcompare) {
        type->tp_hash = base->tp_hash;
        type->tp_richcompare = base->tp_richcompare;
    }
    krTypeSlots_inherit(type, base);
    if (!type->tp_dealloc) type->tp_dealloc = base->tp_dealloc;
    if ((type->tp_flags & KR_TPFLAGS_HAVE_GC) && (base->tp_flags & KR_TPFLAGS_HAVE_GC) && !type->tp_traverse &&
        !type->tp_clear) {
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
    if (!type->tp_init) type->tp_init = base->tp_init;
    if (!type->tp_basicsize) type->tp_basicsize = base->tp_basicsize;
    if (!type->tp_itemsize) type->tp_itemsize = base->tp_itemsize;
    if (!type->tp_dictoffset) type->tp_dictoffset = base->tp_dictoffset;
    if (!type->tp_weaklistoffset) type->tp_weaklistoffset = base->tp_weaklistoffset;
    const uint32_t inherited = KR_TPFLAGS_INT_SUBCLASS | KR_TPFLAGS_LIST_SUBCLASS | KR_TPFLAGS_TUPLE_SUBCLASS |
                               KR_TPFLAGS_BYTES_SUBCLASS | KR_TPFLAGS_STR_SUBCLASS | KR_TPFLAGS_DICT_SUBCLASS |
                               KR_TPFLAGS_BASE_EXC_SUBCLASS | KR_TPFLAGS_TYPE_SUBCLASS | KR_TPFLAGS_SEQUENCE |
                               KR_TPFLAGS_MAPPING | KR_TPFLAGS_MANAGED_ATTRS;
    type->tp_flags |= base->tp_flags & inherited;
}

static int add_tables(KrThreadState *ts, KrTypeObject *type) {
    KrObject *dict = type->tp_dict;
    for (const KrMethodDef *m = type->tp_methods; m && m->name; m++) {
        KrObject *name = krStr_intern_cstr(ts, m->name);
        if (!name) return -1;
        if (!(m->flags & KR_METH_COEXIST) && krDict_get_str(dict, name)) continue;
        KrObject *d;
        if (m->flags & KR_METH_CLASS)
            d = krDescr_new_classmethod(ts, type, m);
        else if (m->flags & KR_METH_STATIC) {
            KrObject *f = krCFunction_new(ts, m, NULL, NULL);
            if (!f) return -1;
            d = krStaticMethod_new(ts, f);
            kr_decref(f);
        } else
            d = krDescr_new_method(ts, type, m);
        if (!d || krDict_set_steal(ts, dict, name, d) < 0) return -1;
    }
    for (const KrMemberDef *m = type->tp_members; m && m->name; m++) {
        KrObject *name = krStr_intern_cstr(ts, m->name);
        if (!name) return -1;
        KrObject *d = krDescr_new_member(ts, type, m);
        if (!d || krDict_set_steal(ts, dict, name, d) < 0) return -1;
    }
    for (const KrGetSetDef *g = type->tp_getset; g && g->name; g++) {
        KrObject *name = krStr_intern_cstr(ts, g->name);
        if (!name) return -1;
        if (krDict_get_str(dict, name)) continue;
        KrObject *d = krDescr_new_getset(ts, type, g);
        if (!d || krDict_set_steal(ts, dict, name, d) < 0) return -1;
    }
    return 0;
}

static int set_mro_static(KrThreadState *ts, KrTypeObject *type) {
    KrTypeObject *base = type->tp_base;
    KrSsize nbase = base ? KR_TUPLE_SIZE(base->tp_mro) : 0;
    KrObject *mro = krTuple_new(ts, nbase + 1);
    if (!mro) return -1;
    KR_TUPLE_SET(mro, 0, kr_newref((KrObject *)type));
    for (KrSsize i = 0; i < nbase; i++) KR_TUPLE_SET(mro, i + 1, kr_newref(KR_TUPLE_GET(base->tp_mro, i)));
    type->tp_mro = mro;
    return 0;
}

int krType_ready(KrThreadState *ts, KrTypeObject *type) {
    if (type->tp_flags & KR_TPFLAGS_READY) return 0;
    if (!type->ob_base.ob_type) type->ob_base.ob_type = &KrType_Type;
    if (!type->tp_base && type != &KrBaseObject_Type) type->tp_base = &KrBaseObject_Type;
    KrTypeObject *base = type->tp_base;
    if (base && krType_ready(ts, base) < 0) return -1;
    if (!type->tp_bases) {
        type->tp_bases = base ? krTuple_pack(ts, 1, (KrObject *)base) : krTuple_new(ts, 0);
        if (!type->tp_bases) return -1;
    }
    if (!type->tp_dict && !(type->tp_dict = krDict_new(ts))) return -1;
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE)) type->tp_flags |= KR_TPFLAGS_IMMUTABLETYPE;

    // tp_new: a static type directly below object that defines none cannot be
    // instantiated from Python.
    if (!type->tp_new && base == &KrBaseObject_Type) type->tp_flags |= KR_TPFLAGS_DISALLOW_INSTANTIATION;
    if (type->tp_flags & KR_TPFLAGS_DISALLOW_INSTANTIATION) {
        type->tp_new = NULL;
    } else if (type->tp_new) {
        if (krTypeSlots_add_new(ts, type) < 0) return -1;
    } else if (base) {
        type->tp_new = base->tp_new;
    }

    // CPython's order: __new__, the slot wrappers, methods, members, getsets, __doc__.
    if (krTypeSlots_add_wrappers(ts, type) < 0) return -1;
    if (add_tables(ts, type) < 0) return -1;
    if (!krDict_get_str(type->tp_dict, KR_ID(__doc__))) {
        KrObject *doc = type->tp_doc ? krStr_from_cstr(ts, type->tp_doc) : kr_newref(KR_NONE);
        if (!doc || krDict_set_steal(ts, type->tp_dict, KR_ID(__doc__), doc) < 0) return -1;
    }
    if (type->tp_hash == krObj_hash_not_implemented &&
        krDict_set(ts, type->tp_dict, KR_ID(__hash__), KR_NONE) < 0)
        return -1;
    if (set_mro_static(ts, type) < 0) return -1;
    if (base) {
        inherit_slots(type, base);
        if (krType_add_subclass(base, type) < 0) return krErr_no_memory(ts), -1;
    }
    type->tp_flags |= KR_TPFLAGS_READY;
    return 0;
}

// ---------------------------------------------------------------------------
// Calling a type: type(x) and instance creation

static KrObject *type_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                           KrObject *kwnames) {
    KrTypeObject *type = (KrTypeObject *)callable;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (type == &KrType_Type) {
        // Only `type` itself has the one-argument form.
        if (nargs == 1) {
            if (nkw) return krErr_format(ts, &KrExc_TypeError, "type() takes no keyword arguments");
            return kr_newref((KrObject *)KR_TYPE(args[0]));
        }
        if (nargs != 3) return krErr_format(ts, &KrExc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!type->tp_new) {
        return krErr_format(ts, &KrExc_TypeError, "cannot create '%s' instances", type->tp_name);
    }
    KrObject *obj = type->tp_new(ts, type, args, nargs, kwnames);
    if (!obj) return NULL;
    // __init__ runs only when __new__ returned an instance of the type.
    if (!kr_type_check(obj, type)) return obj;
    KrTypeObject *t = KR_TYPE(obj);
    if (t->tp_init && t->tp_init(ts, obj, args, nargs, kwnames) < 0) {
        kr_decref(obj);
        return NULL;
    }
    return obj;
}

// ---------------------------------------------------------------------------
// Attribute access on types

static KrObject *type_getattro(KrThreadState *ts, KrObject *self, KrObject *name) {
    KrTypeObject *type = (KrTypeObject *)self;
    KrTypeObject *meta = KR_TYPE(self);
    KrObject *meta_attr = krType_lookup(meta, name);
    KrDescrGetFunc meta_get = NULL;
    if (meta_attr) {
        meta_get = KR_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && KR_TYPE(meta_attr)->tp_descr_set) return meta_get(ts, meta_attr, self, (KrObject *)meta);
    }
    KrObject *attr = krType_lookup(type, name);
    if (attr) {
        KrDescrGetFunc get = KR_TYPE(attr)->tp_descr_get;
        if (get) return get(ts, attr, NULL, self);
        return kr_newref(attr);
    }
    if (meta_get) return meta_get(ts, meta_attr, self, (KrObject *)meta);
    if (meta_attr) return kr_newref(meta_attr);
    krErr_format(ts, &KrExc_AttributeError, "type object '%s' has no attribute '%U'", krType_name(type), name);
    return NULL;
}

static int type_setattro(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *value) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (type->tp_flags & KR_TPFLAGS_IMMUTABLETYPE) {
        krErr_format(ts, &KrExc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    // Data descriptors on the metatype (e.g. __name__, __doc__) come first.
    KrTypeObject *meta = KR_TYPE(self);
    KrObject *meta_attr = krType_lookup(meta, name);
    if (meta_attr && KR_TYPE(meta_attr)->tp_descr_set)
        return KR_TYPE(meta_attr)->tp_descr_set(ts, meta_attr, self, value);
    KrObject *key = kr_newref(name);
    krStr_intern_inplace(ts, &key);
    int r;
    if (value) {
        r = krDict_set(ts, type->tp_dict, key, value);
    } else {
        r = krDict_del(ts, type->tp_dict, key);
        if (r < 0 && krErr_matches(ts, &KrExc_KeyError)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_AttributeError, "type object '%s' has no attribute '%U'", krType_name(type),
                         name);
        }
    }
    if (r == 0) r = krType_attribute_changed(ts, type, key);
    kr_decref(key);
    return r;
}

int krType_attribute_changed(KrThreadState *ts, KrTypeObject *type, KrObject *name) {
    krType_modified(type);
    return krTypeSlots_update(ts, type, name);
}

// ---------------------------------------------------------------------------
// Python-visible attributes of types

static KrObject *type_get_name(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) return kr_newref(((KrHeapTypeObject *)type)->ht_name);
    return krStr_intern_cstr(ts, krType_name(type));
}

static int check_set_special(KrThreadState *ts, KrTypeObject *type, KrObject *value, const char *name) {
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE) || (type->tp_flags & KR_TPFLAGS_IMMUTABLETYPE)) {
        krErr_format(ts, &KrExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    if (!value) {
        krErr_format(ts, &KrExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
                     type->tp_name);
        return -1;
    }
    return 0;
}

static int type_set_name(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (check_set_special(ts, type, value, "__name__") < 0) return -1;
    if (!krStr_check(value)) {
        krErr_format(ts, &KrExc_TypeError, "can only assign string to %s.__name__, not '%T'", type->tp_name, value);
        return -1;
    }
    if (strlen(krStr_utf8(value)) != (size_t)krStr_size(value)) {
        krErr_set_string(ts, &KrExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    KrHeapTypeObject *ht = (KrHeapTypeObject *)type;
    kr_setref(&ht->ht_name, kr_newref(value));
    type->tp_name = krStr_utf8(value);
    return 0;
}

static KrObject *type_get_qualname(KrThreadState *ts, KrObject *self, void *c) {
    return krType_qualname(ts, (KrTypeObject *)self);
}

static int type_set_qualname(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (check_set_special(ts, type, value, "__qualname__") < 0) return -1;
    if (!krStr_check(value)) {
        krErr_format(ts, &KrExc_TypeError, "can only assign string to %s.__qualname__, not '%T'", type->tp_name,
                     value);
        return -1;
    }
    kr_setref(&((KrHeapTypeObject *)type)->ht_qualname, kr_newref(value));
    return 0;
}

static KrObject *type_get_module(KrThreadState *ts, KrObject *self, void *c) {
    return krType_module(ts, (KrTypeObject *)self);
}

static int type_set_module(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (check_set_special(ts, type, value, "__module__") < 0) return -1;
    krType_modified(type);
    return krDict_set(ts, type->tp_dict, KR_ID(__module__), value);
}

static KrObject *type_get_bases(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(((KrTypeObject *)self)->tp_bases);
}

static int type_set_bases(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (check_set_special(ts, type, value, "__bases__") < 0) return -1;
    return krType_set_bases(ts, type, value);
}

// The members CPython exposes as read-only T_OBJECT/T_PYSSIZET members, whose
// assignment says just "readonly attribute".
static int type_set_readonly(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    krErr_set_string(ts, &KrExc_AttributeError, "readonly attribute");
    return -1;
}

static KrObject *type_get_base(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *b = ((KrTypeObject *)self)->tp_base;
    return kr_newref(b ? (KrObject *)b : KR_NONE);
}

static KrObject *type_get_mro(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *mro = ((KrTypeObject *)self)->tp_mro;
    return kr_newref(mro ? mro : KR_NONE);
}

static KrObject *type_get_dict(KrThreadState *ts, KrObject *self, void *c) {
    return krMappingProxy_new(ts, ((KrTypeObject *)self)->tp_dict);
}

static KrObject *type_get_doc(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    // A built-in type's own __doc__ entry may be a descriptor for its
    // instances' doc (property.__doc__): the type's doc is tp_doc.
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE))
        return type->tp_doc ? krStr_from_cstr(ts, type->tp_doc) : kr_newref(KR_NONE);
    KrObject *doc = krDict_get_str(type->tp_dict, KR_ID(__doc__));
    if (!doc) return kr_newref(KR_NONE);
    KrDescrGetFunc get = KR_TYPE(doc)->tp_descr_get;
    if (get) return get(ts, doc, NULL, self);
    return kr_newref(doc);
}

static int type_set_doc(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (check_set_special(ts, type, value, "__doc__") < 0) return -1;
    krType_modified(type);
    return krDict_set(ts, type->tp_dict, KR_ID(__doc__), value);
}

static KrObject *type_get_abstractmethods(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    KrObject *v = type != &KrType_Type ? krDict_get_str(type->tp_dict, KR_ID(__abstractmethods__)) : NULL;
    if (!v) return krErr_format(ts, &KrExc_AttributeError, "__abstractmethods__");
    return kr_newref(v);
}

static int type_set_abstractmethods(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    int abstract, r;
    if (value) {
        abstract = krObj_is_true(ts, value);
        if (abstract < 0) return -1;
        r = krDict_set(ts, type->tp_dict, KR_ID(__abstractmethods__), value);
    } else {
        abstract = 0;
        r = krDict_del(ts, type->tp_dict, KR_ID(__abstractmethods__));
        if (r < 0 && krErr_matches(ts, &KrExc_KeyError)) {
            krErr_clear(ts);
            krErr_set_string(ts, &KrExc_AttributeError, "__abstractmethods__");
        }
    }
    if (r < 0) return -1;
    krType_modified(type);
    if (abstract)
        type->tp_flags |= KR_TPFLAGS_ABSTRACT;
    else
        type->tp_flags &= ~KR_TPFLAGS_ABSTRACT;
    return 0;
}

static KrObject *type_get_annotations(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE))
        return krErr_format(ts, &KrExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                            krType_name(type));
    KrObject *ann = krDict_get_str(type->tp_dict, KR_ID(__annotations__));
    if (ann) {
        KrDescrGetFunc get = KR_TYPE(ann)->tp_descr_get;
        return get ? get(ts, ann, NULL, self) : kr_newref(ann);
    }
    ann = krDict_new(ts);
    if (ann && krDict_set(ts, type->tp_dict, KR_ID(__annotations__), ann) < 0) KR_CLEAR(ann);
    krType_modified(type);
    return ann;
}

static int type_set_annotations(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (type->tp_flags & KR_TPFLAGS_IMMUTABLETYPE) {
        krErr_format(ts, &KrExc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    int r = value ? krDict_set(ts, type->tp_dict, KR_ID(__annotations__), value)
                  : krDict_del(ts, type->tp_dict, KR_ID(__annotations__));
    krType_modified(type);
    if (r < 0 && !value && krErr_matches(ts, &KrExc_KeyError)) {
        krErr_clear(ts);
        krErr_set_string(ts, &KrExc_AttributeError, "__annotations__");
    }
    return r;
}

static KrObject *type_get_basicsize(KrThreadState *ts, KrObject *self, void *c) {
    return krInt_from_ssize(ts, ((KrTypeObject *)self)->tp_basicsize);
}

static KrObject *type_get_itemsize(KrThreadState *ts, KrObject *self, void *c) {
    return krInt_from_ssize(ts, ((KrTypeObject *)self)->tp_itemsize);
}

static KrObject *type_get_dictoffset(KrThreadState *ts, KrObject *self, void *c) {
    KrTypeObject *type = (KrTypeObject *)self;
    // Managed instance dicts live before the object, as CPython's -1 says.
    return krInt_from_ssize(ts, type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS ? -1 : type->tp_dictoffset);
}

static KrObject *type_get_weakrefoffset(KrThreadState *ts, KrObject *self, void *c) {
    return krInt_from_ssize(ts, ((KrTypeObject *)self)->tp_weaklistoffset);
}

// __flags__ uses CPython's bit numbers, so that Python code testing them
// (Py_TPFLAGS_HEAPTYPE = 1 << 9, ...) works.
static KrObject *type_get_flags(KrThreadState *ts, KrObject *self, void *c) {
    static const struct {
        uint32_t krait;
        int bit;
    } map[] = {
        {KR_TPFLAGS_SEQUENCE, 5}, {KR_TPFLAGS_MAPPING, 6}, {KR_TPFLAGS_DISALLOW_INSTANTIATION, 7},
        {KR_TPFLAGS_IMMUTABLETYPE, 8}, {KR_TPFLAGS_HEAPTYPE, 9}, {KR_TPFLAGS_BASETYPE, 10},
        {KR_TPFLAGS_READY, 12}, {KR_TPFLAGS_HAVE_GC, 14}, {KR_TPFLAGS_METHOD_DESCRIPTOR, 17},
        {KR_TPFLAGS_ABSTRACT, 20}, {KR_TPFLAGS_INT_SUBCLASS, 24}, {KR_TPFLAGS_LIST_SUBCLASS, 25},
        {KR_TPFLAGS_TUPLE_SUBCLASS, 26}, {KR_TPFLAGS_BYTES_SUBCLASS, 27}, {KR_TPFLAGS_STR_SUBCLASS, 28},
        {KR_TPFLAGS_DICT_SUBCLASS, 29}, {KR_TPFLAGS_BASE_EXC_SUBCLASS, 30}, {KR_TPFLAGS_TYPE_SUBCLASS, 31},
    };
    KrTypeObject *type = (KrTypeObject *)self;
    uint64_t flags = 0;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (type->tp_flags & map[i].krait) flags |= (uint64_t)1 << map[i].bit;
    if ((type->tp_flags & KR_TPFLAGS_HEAPTYPE) && (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) &&
        type->tp_dictoffset == 0)
        flags |= 1u << 4;  // Py_TPFLAGS_MANAGED_DICT
    if (type->tp_version) flags |= 1u << 19;  // Py_TPFLAGS_VALID_VERSION_TAG
    return krInt_from_i64(ts, (int64_t)flags);
}

static KrObject *type_get_text_signature(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(KR_NONE);  // Krait's docstrings carry no signature line
}

static const KrGetSetDef type_getset[] = {
    // CPython's members first, then its getsets (the order of type.__dict__).
    {"__basicsize__", type_get_basicsize, type_set_readonly, NULL, NULL},
    {"__itemsize__", type_get_itemsize, type_set_readonly, NULL, NULL},
    {"__flags__", type_get_flags, type_set_readonly, NULL, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, type_set_readonly, NULL, NULL},
    {"__base__", type_get_base, type_set_readonly, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, type_set_readonly, NULL, NULL},
    {"__mro__", type_get_mro, type_set_readonly, NULL, NULL},
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {NULL},
};

// type.mro(): the C3 linearisation (typenew.c).
static KrObject *type_mro_method(KrThreadState *ts, KrObject *self) {
    KrObject *t = krType_c3_mro(ts, (KrTypeObject *)self);
    if (!t) return NULL;
    KrObject *l = krSeq_list(ts, t);
    kr_decref(t);
    return l;
}

static KrObject *type_subclasses(KrThreadState *ts, KrObject *self) {
    SubclassList *subs = ((KrTypeObject *)self)->tp_subclasses_list;
    KrSsize n = subs ? subs->n : 0;
    KrObject *list = krList_new(ts, n);
    if (!list) return NULL;
    for (KrSsize i = 0; i < n; i++) KR_LIST_SET(list, i, kr_newref((KrObject *)subs->items[i]));
    return list;
}

static KrObject *type_instancecheck(KrThreadState *ts, KrObject *self, KrObject *inst) {
    int r = krObj_isinstance_default(ts, inst, self);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *type_subclasscheck(KrThreadState *ts, KrObject *self, KrObject *sub) {
    int r = krObj_issubclass_default(ts, sub, self);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *type_prepare(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return krDict_new(ts);
}

static KrObject *type_dir(KrThreadState *ts, KrObject *self) {
    // The names in the dicts along the MRO, merged.
    KrObject *result = krDict_new(ts);
    if (!result) return NULL;
    KrObject *mro = ((KrTypeObject *)self)->tp_mro;
    for (KrSsize i = KR_TUPLE_SIZE(mro); --i >= 0;) {
        KrTypeObject *t = (KrTypeObject *)KR_TUPLE_GET(mro, i);
        if (krDict_update(ts, result, t->tp_dict) < 0) {
            kr_decref(result);
            return NULL;
        }
    }
    KrObject *keys = krDict_keys(ts, result);
    kr_decref(result);
    return keys;
}

static KrObject *type_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, (KrSsize)sizeof(KrHeapTypeObject));
}

static const KrMethodDef type_methods[] = {
    {"mro", KR_CFUNC(type_mro_method), KR_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", KR_CFUNC(type_subclasses), KR_METH_NOARGS, "Return a list of immediate subclasses."},
    {"__prepare__", KR_CFUNC(type_prepare), KR_METH_FASTKW | KR_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", KR_CFUNC(type_instancecheck), KR_METH_O, "Check if an object is an instance."},
    {"__subclasscheck__", KR_CFUNC(type_subclasscheck), KR_METH_O, "Check if a class is a subclass."},
    {"__dir__", KR_CFUNC(type_dir), KR_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", KR_CFUNC(type_sizeof), KR_METH_NOARGS, "Return memory consumption of the type object."},
    {NULL},
};

static KrObject *type_repr(KrThreadState *ts, KrObject *self) {
    KrTypeObject *type = (KrTypeObject *)self;
    KrObject *mod = krType_module(ts, type);
    if (!mod) krErr_clear(ts);
    KrObject *qual = krType_qualname(ts, type);
    if (!qual) {
        kr_xdecref(mod);
        return NULL;
    }
    KrObject *r;
    if (mod && krStr_check(mod) && !krStr_eq_cstr(mod, "builtins"))
        r = krStr_from_format(ts, "<class '%U.%U'>", mod, qual);
    else
        r = krStr_from_format(ts, "<class '%U'>", qual);
    kr_xdecref(mod);
    kr_decref(qual);
    return r;
}

static int type_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrTypeObject *type = (KrTypeObject *)self;
    KR_VISIT(type->tp_dict);
    KR_VISIT(type->tp_bases);
    KR_VISIT(type->tp_mro);
    KR_VISIT((KrObject *)type->tp_base);
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) KR_VISIT(((KrHeapTypeObject *)type)->ht_module);
    return 0;
}

static int type_clear(KrObject *self) {
    KrTypeObject *type = (KrTypeObject *)self;
    krType_modified(type);
    if (type->tp_dict) krDict_clear(type->tp_dict);
    KR_CLEAR(type->tp_mro);
    return 0;
}

KrTypeObject KrType_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "type",
    .tp_basicsize = sizeof(KrHeapTypeObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .tp_new = krType_tp_new,
    .tp_init = krType_tp_init,
    .tp_dealloc = krType_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_repr = type_repr,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .nb_or = krUnion_type_or,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(KrTypeObject, tp_dict),
};
