/*
 * typenew.c — creating classes: type(name, bases, dict), the metaclass and
 * layout rules, __slots__, the C3 method resolution order, and the life cycle
 * of instances of classes (allocation, deallocation, GC traversal).
 *
 * Layout: a class's instances have the layout of its "solid base" (the most
 * derived base that adds C fields) plus one word per __slots__ member.  Unless
 * __slots__ says otherwise, they also carry a KrInstAttrs pre-header
 * (KR_TPFLAGS_MANAGED_ATTRS) for their attributes.
 */
#include <string.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "vm/eval.h"

// ---------------------------------------------------------------------------
// C3 linearisation

static int tail_contains(KrObject *list, KrSsize start, KrObject *o) {
    for (KrSsize i = start; i < KR_LIST_SIZE(list); i++)
        if (KR_LIST_GET(list, i) == o) return 1;
    return 0;
}

static void set_mro_error(KrThreadState *ts, KrObject **seqs, KrSsize *pos, KrSsize n) {
    KrStrBuilder sb;
    krSB_init(&sb);
    KrObject *seen = krSet_new(ts, NULL);
    bool first = true;
    for (KrSsize i = 0; i < n && seen; i++) {
        if (pos[i] >= KR_LIST_SIZE(seqs[i])) continue;
        KrObject *t = KR_LIST_GET(seqs[i], pos[i]);
        int c = krSet_contains(ts, seen, t);
        if (c != 0) continue;
        krSet_add(ts, seen, t);
        if (!first) krSB_append_cstr(ts, &sb, ", ");
        krSB_append_cstr(ts, &sb, krType_name((KrTypeObject *)t));
        first = false;
    }
    kr_xdecref(seen);
    KrObject *names = krSB_finish(ts, &sb);
    if (!names) return;
    krErr_format(ts, &KrExc_TypeError,
                 "Cannot create a consistent method resolution\norder (MRO) for bases %U", names);
    kr_decref(names);
}

KrObject *krType_c3_mro(KrThreadState *ts, KrTypeObject *type) {
    KrObject *bases = type->tp_bases;
    KrSsize nb = KR_TUPLE_SIZE(bases);
    // Fast path: single inheritance.
    if (nb == 1) {
        KrObject *bmro = ((KrTypeObject *)KR_TUPLE_GET(bases, 0))->tp_mro;
        KrObject *mro = krTuple_new(ts, KR_TUPLE_SIZE(bmro) + 1);
        if (!mro) return NULL;
        KR_TUPLE_SET(mro, 0, kr_newref((KrObject *)type));
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(bmro); i++) KR_TUPLE_SET(mro, i + 1, kr_newref(KR_TUPLE_GET(bmro, i)));
        return mro;
    }
    for (KrSsize i = 0; i < nb; i++) {
        for (KrSsize j = i + 1; j < nb; j++) {
            if (KR_TUPLE_GET(bases, i) == KR_TUPLE_GET(bases, j))
                return krErr_format(ts, &KrExc_TypeError, "duplicate base class %s",
                                    krType_name((KrTypeObject *)KR_TUPLE_GET(bases, i)));
        }
    }
    KrSsize n = nb + 1;
    KrObject **seqs = krMem_calloc((size_t)n, sizeof(KrObject *));
    KrSsize *pos = krMem_calloc((size_t)n, sizeof(KrSsize));
    KrObject *result = krList_new(ts, 0);
    if (!seqs || !pos || !result) {
        krMem_free(seqs);
        krMem_free(pos);
        kr_xdecref(result);
        return krErr_no_memory(ts);
    }
    KrObject *mro = NULL;
    for (KrSsize i = 0; i < nb; i++) {
        seqs[i] = krSeq_list(ts, ((KrTypeObject *)KR_TUPLE_GET(bases, i))->tp_mro);
        if (!seqs[i]) goto done;
    }
    if (!(seqs[nb] = krSeq_list(ts, bases))) goto done;
    if (krList_append(ts, result, (KrObject *)type) < 0) goto done;
    for (;;) {
        bool empty = true, found = false;
        for (KrSsize i = 0; i < n; i++) {
            if (pos[i] >= KR_LIST_SIZE(seqs[i])) continue;
            empty = false;
            KrObject *cand = KR_LIST_GET(seqs[i], pos[i]);
            bool in_tail = false;
            for (KrSsize j = 0; j < n && !in_tail; j++) in_tail = tail_contains(seqs[j], pos[j] + 1, cand);
            if (in_tail) continue;
            if (krList_append(ts, result, cand) < 0) goto done;
            for (KrSsize j = 0; j < n; j++)
                if (pos[j] < KR_LIST_SIZE(seqs[j]) && KR_LIST_GET(seqs[j], pos[j]) == cand) pos[j]++;
            found = true;
            break;
        }
        if (empty) break;
        if (!found) {
            set_mro_error(ts, seqs, pos, n);
            goto done;
        }
    }
    mro = krList_as_tuple(ts, result);
done:
    for (KrSsize i = 0; i < n; i++) kr_xdecref(seqs[i]);
    krMem_free(seqs);
    krMem_free(pos);
    kr_decref(result);
    return mro;
}

KrObject *krType_compute_mro(KrThreadState *ts, KrTypeObject *type) {
    KrTypeObject *meta = KR_TYPE((KrObject *)type);
    if (meta != &KrType_Type) {
        KrObject *mro_meth = krType_lookup(meta, KR_ID(mro));
        KrObject *base_meth = krType_lookup(&KrType_Type, KR_ID(mro));
        if (mro_meth && mro_meth != base_meth) {
            KrObject *r = krObj_call_bound(ts, mro_meth, (KrObject *)type, NULL, 0, NULL);
            if (!r) return NULL;
            KrObject *t = krSeq_tuple(ts, r);
            kr_decref(r);
            if (!t) return NULL;
            for (KrSsize i = 0; i < KR_TUPLE_SIZE(t); i++) {
                if (!kr_type_check(KR_TUPLE_GET(t, i), &KrType_Type)) {
                    krErr_format(ts, &KrExc_TypeError, "mro() returned a non-class ('%T')", KR_TUPLE_GET(t, i));
                    kr_decref(t);
                    return NULL;
                }
            }
            return t;
        }
    }
    return krType_c3_mro(ts, type);
}

// ---------------------------------------------------------------------------
// Metaclass and layout

KrTypeObject *krType_calculate_metaclass(KrThreadState *ts, KrTypeObject *meta, KrObject *bases) {
    KrTypeObject *winner = meta;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(bases); i++) {
        KrTypeObject *t = KR_TYPE(KR_TUPLE_GET(bases, i));
        if (krType_is_subtype(winner, t)) continue;
        if (krType_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        krErr_set_string(ts, &KrExc_TypeError,
                         "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                         "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static bool extra_ivars(KrTypeObject *type, KrTypeObject *base) {
    KrSsize t_size = type->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize) return t_size != base->tp_basicsize || type->tp_itemsize != base->tp_itemsize;
    // A weak reference list a class added at the end is no layout of its own.
    if ((type->tp_flags & KR_TPFLAGS_HEAPTYPE) && type->tp_weaklistoffset > 0 && base->tp_weaklistoffset == 0 &&
        type->tp_weaklistoffset + (KrSsize)sizeof(KrObject *) == t_size)
        t_size -= (KrSsize)sizeof(KrObject *);
    return t_size != base->tp_basicsize;
}

static KrTypeObject *solid_base(KrTypeObject *type) {
    KrTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &KrBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

static KrTypeObject *best_base(KrThreadState *ts, KrObject *bases) {
    KrTypeObject *base = NULL, *winner = NULL;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(bases); i++) {
        KrObject *b = KR_TUPLE_GET(bases, i);
        if (!kr_type_check(b, &KrType_Type)) {
            krErr_set_string(ts, &KrExc_TypeError, "bases must be types");
            return NULL;
        }
        KrTypeObject *bt = (KrTypeObject *)b;
        if (!(bt->tp_flags & KR_TPFLAGS_BASETYPE)) {
            krErr_format(ts, &KrExc_TypeError, "type '%s' is not an acceptable base type", bt->tp_name);
            return NULL;
        }
        KrTypeObject *cand = solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        } else if (krType_is_subtype(winner, cand)) {
        } else if (krType_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            krErr_set_string(ts, &KrExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

// ---------------------------------------------------------------------------
// Instances of classes

static KrTypeObject *static_base(KrTypeObject *type) {
    while (type->tp_flags & KR_TPFLAGS_HEAPTYPE) type = type->tp_base;
    return type;
}

// Clears the __slots__ members a class and its Python-defined bases added.
static void clear_slots(KrObject *self) {
    for (KrTypeObject *t = KR_TYPE(self); t->tp_flags & KR_TPFLAGS_HEAPTYPE; t = t->tp_base) {
        for (const KrMemberDef *m = t->tp_members; m && m->name; m++) {
            KrObject **slot = (KrObject **)((char *)self + m->offset);
            KR_CLEAR(*slot);
        }
    }
}

static void subtype_dealloc(KrObject *self) {
    KrTypeObject *type = self->ob_type;
    if (type->tp_flags & KR_TPFLAGS_HAVE_GC) krGC_untrack(self);
    if (type->tp_finalize && !krGC_is_finalized(self)) {
        // PEP 442: run __del__ once; it may resurrect the object.
        KrThreadState *ts = krThread_current();
        self->ob_refcnt = 1;
        krGC_set_finalized(self);
        type->tp_finalize(ts, self);
        if (--self->ob_refcnt != 0) {
            if (type->tp_flags & KR_TPFLAGS_HAVE_GC) krGC_track(self);
            return;
        }
    }
    // Long chains of instances (linked lists) must not recurse without bound.
    if (!krTrash_begin(self)) return;
    if (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) krAttrs_clear(self);
    clear_slots(self);
    // The built-in base frees the object (krObj_free looks at the real type
    // to find the allocation, and drops the class reference).
    static_base(type)->tp_dealloc(self);
    krTrash_end();
}

static int subtype_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrTypeObject *type = KR_TYPE(self);
    KR_VISIT((KrObject *)type);
    if (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) {
        int r = krAttrs_traverse(self, visit, arg);
        if (r) return r;
    }
    for (KrTypeObject *t = type; t->tp_flags & KR_TPFLAGS_HEAPTYPE; t = t->tp_base) {
        for (const KrMemberDef *m = t->tp_members; m && m->name; m++) KR_VISIT(*(KrObject **)((char *)self + m->offset));
    }
    KrTypeObject *base = static_base(type);
    if (base->tp_traverse) return base->tp_traverse(self, visit, arg);
    return 0;
}

static int subtype_clear(KrObject *self) {
    KrTypeObject *type = KR_TYPE(self);
    if (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) krAttrs_clear(self);
    clear_slots(self);
    KrTypeObject *base = static_base(type);
    if (base->tp_clear) return base->tp_clear(self);
    return 0;
}

KrObject *krType_generic_alloc(KrThreadState *ts, KrTypeObject *type, KrSsize nitems) {
    KrObject *o = krObj_alloc(ts, type, nitems);
    if (!o) return NULL;
    if (type->tp_flags & KR_TPFLAGS_HAVE_GC) krGC_track(o);
    return o;
}

// ---------------------------------------------------------------------------
// __slots__

static KrObject *mangle(KrThreadState *ts, KrObject *classname, KrObject *name) {
    const char *n = krStr_utf8(name);
    KrSsize len = krStr_size(name);
    if (len < 2 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') || strchr(n, '.'))
        return kr_newref(name);
    const char *c = krStr_utf8(classname);
    while (*c == '_') c++;
    if (!*c) return kr_newref(name);
    return krStr_from_format(ts, "_%s%U", c, name);
}

// Does CPython's counterpart of `t` have variable-size instances?  That decides
// whether classes may add __slots__ members and __weakref__.  (Krait's int
// keeps its digits out of line and its str inline, the other way round.)
static bool varsize_layout(const KrTypeObject *t) {
    if (t->tp_flags & (KR_TPFLAGS_INT_SUBCLASS | KR_TPFLAGS_TYPE_SUBCLASS)) return true;
    return t->tp_itemsize != 0 && !(t->tp_flags & KR_TPFLAGS_STR_SUBCLASS);
}

typedef struct {
    KrObject *names;      // sorted tuple of the slot names to create members for (mangled)
    KrObject *decl;       // the __slots__ items as a tuple
    bool may_add_dict, may_add_weak;
    bool add_dict, add_weak;
} SlotsInfo;

static int check_slot_name(KrThreadState *ts, KrObject *s) {
    if (!krStr_check(s)) {
        krErr_format(ts, &KrExc_TypeError, "__slots__ items must be strings, not '%T'", s);
        return -1;
    }
    if (!krStr_is_identifier(s)) {
        krErr_set_string(ts, &KrExc_TypeError, "__slots__ must be identifiers");
        return -1;
    }
    return 0;
}

// Validates __slots__ (CPython's order of checks) and collects the member
// names, mangled and sorted.  0 or -1.
static int parse_slots(KrThreadState *ts, KrObject *slots, KrObject *name, KrObject *dict, KrTypeObject *base,
                       SlotsInfo *info) {
    KrObject *seq = krStr_check(slots) ? krTuple_pack(ts, 1, slots) : krSeq_tuple(ts, slots);
    if (!seq) return -1;
    info->decl = seq;
    KrSsize n = KR_TUPLE_SIZE(seq);
    if (n > 0 && (varsize_layout(base) || base->tp_itemsize)) {
        krErr_format(ts, &KrExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
        return -1;
    }
    for (KrSsize i = 0; i < n; i++) {
        KrObject *s = KR_TUPLE_GET(seq, i);
        if (check_slot_name(ts, s) < 0) return -1;
        if (krStr_eq_cstr(s, "__dict__")) {
            if (!info->may_add_dict || info->add_dict) {
                krErr_set_string(ts, &KrExc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            info->add_dict = true;
        } else if (krStr_eq_cstr(s, "__weakref__")) {
            if (!info->may_add_weak || info->add_weak) {
                krErr_set_string(ts, &KrExc_TypeError,
                                 "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return -1;
            }
            info->add_weak = true;
        }
    }
    KrObject *list = krList_new(ts, 0);
    if (!list) return -1;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *s = KR_TUPLE_GET(seq, i);
        if (krStr_eq_cstr(s, "__dict__") || krStr_eq_cstr(s, "__weakref__")) continue;
        KrObject *m = mangle(ts, name, s);
        if (!m) goto fail;
        krStr_intern_inplace(ts, &m);
        // __qualname__ and __classcell__ are removed from the namespace later.
        if (krDict_get_str(dict, m) && m != KR_ID(__qualname__) && m != KR_ID(__classcell__)) {
            krErr_format(ts, &KrExc_ValueError, "%R in __slots__ conflicts with class variable", m);
            kr_decref(m);
            goto fail;
        }
        int r = krList_append(ts, list, m);
        kr_decref(m);
        if (r < 0) goto fail;
    }
    if (krList_sort(ts, list, NULL, false) < 0) goto fail;
    info->names = krList_as_tuple(ts, list);
    kr_decref(list);
    return info->names ? 0 : -1;
fail:
    kr_decref(list);
    return -1;
}

// Creates the member table and descriptors for the slots (and a body word
// for the weak reference list when the instances have no pre-header).  0 or -1.
static int add_slot_members(KrThreadState *ts, KrTypeObject *type, KrObject *names, bool body_weaklist) {
    KrSsize n = KR_TUPLE_SIZE(names);
    KrSsize off = type->tp_base->tp_basicsize;
    ((KrHeapTypeObject *)type)->ht_slots = kr_newref(names);
    if (n > 0) {
        KrMemberDef *members = krMem_calloc((size_t)n + 1, sizeof(KrMemberDef));
        if (!members) return krErr_no_memory(ts), -1;
        for (KrSsize i = 0; i < n; i++) {
            members[i].name = krStr_utf8(KR_TUPLE_GET(names, i));  // interned: immortal
            members[i].type = KR_MEMBER_OBJECT_EX;
            members[i].offset = off + i * (KrSsize)sizeof(KrObject *);
        }
        type->tp_members = members;
        ((KrHeapTypeObject *)type)->ht_nslots = n;
        for (KrSsize i = 0; i < n; i++) {
            KrObject *d = krDescr_new_member(ts, type, &members[i]);
            if (!d || krDict_set_steal(ts, type->tp_dict, KR_TUPLE_GET(names, i), d) < 0) return -1;
        }
    }
    type->tp_basicsize = off + n * (KrSsize)sizeof(KrObject *);
    if (body_weaklist) {
        type->tp_weaklistoffset = type->tp_basicsize;
        type->tp_basicsize += (KrSsize)sizeof(KrObject *);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// type.__new__

static int wrap_special_methods(KrThreadState *ts, KrObject *dict) {
    KrObject *f = krDict_get_str(dict, KR_ID(__new__));
    if (f && krFunction_check(f)) {
        KrObject *sm = krStaticMethod_new(ts, f);
        if (!sm || krDict_set_steal(ts, dict, KR_ID(__new__), sm) < 0) return -1;
    }
    KrObject *names[2] = {KR_ID(__init_subclass__), KR_ID(__class_getitem__)};
    for (int i = 0; i < 2; i++) {
        f = krDict_get_str(dict, names[i]);
        if (f && krFunction_check(f)) {
            KrObject *cm = krClassMethod_new(ts, f);
            if (!cm || krDict_set_steal(ts, dict, names[i], cm) < 0) return -1;
        }
    }
    return 0;
}

static int set_module(KrThreadState *ts, KrObject *dict) {
    if (krDict_get_str(dict, KR_ID(__module__))) return 0;
    KrObject *globals = krEval_get_globals(ts);
    KrObject *modname = globals ? krDict_get_str(globals, KR_ID(__name__)) : NULL;
    return modname ? krDict_set(ts, dict, KR_ID(__module__), modname) : 0;
}

// The entries CPython's type_ready appends after the class body's: the
// __dict__ and __weakref__ descriptors, __doc__, and __hash__ = None for a
// class that defines __eq__ but not __hash__.
static int add_implicit_entries(KrThreadState *ts, KrTypeObject *type, bool add_dict, bool add_weak) {
    KrObject *dict = type->tp_dict;
    if (add_dict && !krDict_get_str(dict, KR_ID(__dict__))) {
        KrObject *d = krDescr_new_getset(ts, type, &kr_managed_dict_getset);
        if (!d || krDict_set_steal(ts, dict, KR_ID(__dict__), d) < 0) return -1;
    }
    if (add_weak && !krDict_get_str(dict, KR_ID(__weakref__))) {
        KrObject *d = krDescr_new_getset(ts, type, &kr_weakref_getset);
        if (!d || krDict_set_steal(ts, dict, KR_ID(__weakref__), d) < 0) return -1;
    }
    if (!krDict_get_str(dict, KR_ID(__doc__)) && krDict_set(ts, dict, KR_ID(__doc__), KR_NONE) < 0) return -1;
    if (krDict_get_str(dict, KR_ID(__eq__)) && !krDict_get_str(dict, KR_ID(__hash__)) &&
        krDict_set(ts, dict, KR_ID(__hash__), KR_NONE) < 0)
        return -1;
    return 0;
}

// Makes `cause` (stolen) the __cause__ and __context__ of the pending exception.
static void chain_cause(KrThreadState *ts, KrObject *cause) {
    KrObject *exc = krErr_peek(ts);
    if (!exc || !cause) {
        kr_xdecref(cause);
        return;
    }
    krExc_set_context(exc, kr_newref(cause));
    krExc_set_cause(exc, cause);
    ((KrBaseExceptionObject *)exc)->suppress_context = true;
}

static int call_set_names(KrThreadState *ts, KrTypeObject *type) {
    KrObject *items = krDict_items(ts, type->tp_dict);
    if (!items) return -1;
    for (KrSsize i = 0; i < KR_LIST_SIZE(items); i++) {
        KrObject *pair = KR_LIST_GET(items, i);
        KrObject *key = KR_TUPLE_GET(pair, 0), *value = KR_TUPLE_GET(pair, 1);
        KrObject *set_name = krType_lookup(KR_TYPE(value), KR_ID(__set_name__));
        if (!set_name) continue;
        KrObject *args[2] = {(KrObject *)type, key};
        KrObject *r = krObj_call_bound(ts, set_name, value, args, 2, NULL);
        if (!r) {
            // 3.11 wraps the error, chaining the original as the cause.
            KrObject *cause = krErr_fetch(ts);
            krErr_format(ts, &KrExc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                         krType_name(KR_TYPE(value)), key, krType_name(type));
            chain_cause(ts, cause);
            kr_decref(items);
            return -1;
        }
        kr_decref(r);
    }
    kr_decref(items);
    return 0;
}

static int call_init_subclass(KrThreadState *ts, KrTypeObject *type, KrObject *const *kwvalues, KrObject *kwnames) {
    // super(type, type).__init_subclass__(**kwargs): search the MRO after type.
    KrObject *mro = type->tp_mro;
    KrObject *func = NULL;
    for (KrSsize i = 1; i < KR_TUPLE_SIZE(mro) && !func; i++)
        func = krDict_get_str(((KrTypeObject *)KR_TUPLE_GET(mro, i))->tp_dict, KR_ID(__init_subclass__));
    if (!func) return 0;
    KrDescrGetFunc get = KR_TYPE(func)->tp_descr_get;
    KrObject *bound = get ? get(ts, func, NULL, (KrObject *)type) : kr_newref(func);
    if (!bound) return -1;
    KrObject *r = krObj_vectorcall(ts, bound, kwvalues, 0, kwnames);
    kr_decref(bound);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int set_class_cell(KrThreadState *ts, KrTypeObject *type) {
    KrObject *cell = krDict_get_str(type->tp_dict, KR_ID(__classcell__));
    if (!cell) return 0;
    if (!krCell_check(cell)) {
        krErr_format(ts, &KrExc_TypeError, "__classcell__ must be a nonlocal cell, not %R", (KrObject *)KR_TYPE(cell));
        return -1;
    }
    kr_setref(&((KrCellObject *)cell)->ref, kr_newref((KrObject *)type));
    return krDict_del(ts, type->tp_dict, KR_ID(__classcell__));
}

static const uint32_t inherited_flags = KR_TPFLAGS_INT_SUBCLASS | KR_TPFLAGS_LIST_SUBCLASS |
                                       KR_TPFLAGS_TUPLE_SUBCLASS | KR_TPFLAGS_BYTES_SUBCLASS |
                                       KR_TPFLAGS_STR_SUBCLASS | KR_TPFLAGS_DICT_SUBCLASS |
                                       KR_TPFLAGS_BASE_EXC_SUBCLASS | KR_TPFLAGS_TYPE_SUBCLASS;

// Decides the instance layout of a new class from its solid base and
// __slots__ (the dict and slots are already in the class dict).  0 or -1.
static int set_layout(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base, SlotsInfo *slots,
                      bool has_slots) {
    if (!has_slots) {
        slots->add_dict = slots->may_add_dict;
        slots->add_weak = slots->may_add_weak;
    }
    if ((base->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) || slots->add_dict) type->tp_flags |= KR_TPFLAGS_MANAGED_ATTRS;
    type->tp_basicsize = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_dictoffset = base->tp_dictoffset;
    type->tp_weaklistoffset = base->tp_weaklistoffset;
    bool managed = (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) != 0;
    bool body_weak = slots->add_weak && !managed;
    if (body_weak && type->tp_itemsize) {
        // Krait's str keeps its text inline: no room for a word after it.
        krErr_set_string(ts, &KrExc_TypeError,
                         "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        return -1;
    }
    KrObject *names = slots->names ? slots->names : krTuple_new(ts, 0);
    if (!names) return -1;
    int r = has_slots || body_weak ? add_slot_members(ts, type, names, body_weak) : 0;
    if (!slots->names) kr_decref(names);
    if (r < 0) return -1;
    if (!has_slots) KR_CLEAR(((KrHeapTypeObject *)type)->ht_slots);
    if (slots->add_weak && managed) type->tp_weaklistoffset = KR_WEAKLIST_MANAGED;
    return add_implicit_entries(ts, type, slots->add_dict, slots->add_weak);
}

// Everything after the layout: MRO, inherited slots and flags, special
// method slots, subclass registration.  0 or -1.
static int finish_class(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base) {
    if (!(type->tp_mro = krType_compute_mro(ts, type))) return -1;
    for (KrSsize i = 1; i < KR_TUPLE_SIZE(type->tp_mro); i++) {
        KrTypeObject *b = (KrTypeObject *)KR_TUPLE_GET(type->tp_mro, i);
        krTypeSlots_inherit(type, b);
        type->tp_flags |= b->tp_flags & inherited_flags;
    }
    type->tp_flags |= base->tp_flags & (KR_TPFLAGS_SEQUENCE | KR_TPFLAGS_MAPPING);
    type->tp_new = base->tp_new;
    type->tp_init = base->tp_init;
    if (krTypeSlots_fixup(ts, type) < 0) return -1;
    if (!type->tp_finalize)
        type->tp_flags &= ~KR_TPFLAGS_HAS_FINALIZER;
    else
        type->tp_flags |= KR_TPFLAGS_HAS_FINALIZER;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(type->tp_bases); i++) {
        if (krType_add_subclass((KrTypeObject *)KR_TUPLE_GET(type->tp_bases, i), type) < 0) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    return 0;
}

static KrObject *type_new_impl(KrThreadState *ts, KrTypeObject *meta, KrObject *name, KrObject *bases,
                               KrObject *orig_dict, KrObject *const *kwvalues, KrObject *kwnames) {
    if (KR_TUPLE_SIZE(bases) == 0) {
        bases = krTuple_pack(ts, 1, (KrObject *)&KrBaseObject_Type);
    } else {
        kr_incref(bases);
    }
    if (!bases) return NULL;
    KrHeapTypeObject *ht = NULL;
    KrObject *dict = NULL;
    SlotsInfo slots = {NULL, NULL, false, false, false, false};
    KrTypeObject *base = best_base(ts, bases);
    if (!base || !(dict = krDict_copy(ts, orig_dict))) goto fail;
    if (set_module(ts, dict) < 0 || wrap_special_methods(ts, dict) < 0) goto fail;

    KrObject *qualname = krDict_get_str(dict, KR_ID(__qualname__));
    if (qualname && !krStr_check(qualname)) {
        krErr_format(ts, &KrExc_TypeError, "type __qualname__ must be a str, not %T", qualname);
        goto fail;
    }
    slots.may_add_dict = !base->tp_dictoffset && !(base->tp_flags & KR_TPFLAGS_MANAGED_ATTRS);
    slots.may_add_weak = !base->tp_weaklistoffset && !varsize_layout(base);
    KrObject *slots_decl = krDict_get_str(dict, KR_ID(__slots__));
    if (slots_decl && parse_slots(ts, slots_decl, name, dict, base, &slots) < 0) goto fail;

    ht = (KrHeapTypeObject *)krObj_alloc(ts, meta, 0);
    if (!ht) goto fail;
    KrTypeObject *type = &ht->type;
    ht->ht_name = kr_newref(name);
    krStr_intern_inplace(ts, &ht->ht_name);
    ht->ht_qualname = kr_newref(qualname ? qualname : name);
    if (qualname && krDict_del(ts, dict, KR_ID(__qualname__)) < 0) goto fail;
    type->tp_name = krStr_utf8(ht->ht_name);
    type->tp_flags = KR_TPFLAGS_HEAPTYPE | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC;
    type->tp_base = (KrTypeObject *)kr_newref((KrObject *)base);
    type->tp_bases = bases;
    bases = NULL;
    type->tp_dict = dict;
    dict = NULL;
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    // The GC header of classes (instances of `type`) is already in place;
    // track the class once it is consistent.
    if (set_layout(ts, type, base, &slots, slots_decl != NULL) < 0 || finish_class(ts, type, base) < 0)
        goto fail_type;
    type->tp_flags |= KR_TPFLAGS_READY;
    krGC_track((KrObject *)type);
    kr_xdecref(slots.names);
    kr_xdecref(slots.decl);
    if (set_class_cell(ts, type) < 0 || call_set_names(ts, type) < 0 ||
        call_init_subclass(ts, type, kwvalues, kwnames) < 0) {
        kr_decref((KrObject *)type);
        return NULL;
    }
    return (KrObject *)type;

fail_type:
    kr_xdecref(slots.names);
    kr_xdecref(slots.decl);
    kr_decref((KrObject *)ht);
    return NULL;
fail:
    kr_xdecref(slots.names);
    kr_xdecref(slots.decl);
    kr_xdecref(bases);
    kr_xdecref(dict);
    kr_xdecref((KrObject *)ht);
    return NULL;
}

// ---------------------------------------------------------------------------
// Layout compatibility (__class__ and __bases__ assignment)

// Do instances of `child` have exactly the layout of its tp_base's?
static bool same_layout_as_base(KrTypeObject *child) {
    KrTypeObject *parent = child->tp_base;
    return parent && child->tp_basicsize == parent->tp_basicsize && child->tp_itemsize == parent->tp_itemsize &&
           child->tp_dictoffset == parent->tp_dictoffset &&
           child->tp_weaklistoffset == parent->tp_weaklistoffset &&
           (child->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) == (parent->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) &&
           (child->tp_dealloc == subtype_dealloc || child->tp_dealloc == parent->tp_dealloc);
}

// Did two classes with the same tp_base add the same __slots__ the same way?
static int same_slots_added(KrThreadState *ts, KrTypeObject *a, KrTypeObject *b) {
    if (!(a->tp_flags & KR_TPFLAGS_HEAPTYPE) || !(b->tp_flags & KR_TPFLAGS_HEAPTYPE)) return 0;
    if (a->tp_basicsize != b->tp_basicsize || a->tp_weaklistoffset != b->tp_weaklistoffset ||
        a->tp_dictoffset != b->tp_dictoffset)
        return 0;
    KrObject *sa = ((KrHeapTypeObject *)a)->ht_slots, *sb = ((KrHeapTypeObject *)b)->ht_slots;
    if (sa && sb) return krObj_richcompare_bool(ts, sa, sb, KR_EQ);
    return 1;
}

int krType_check_compatible(KrThreadState *ts, KrTypeObject *oldto, KrTypeObject *newto, const char *attr) {
    KrTypeObject *newbase = newto, *oldbase = oldto;
    while (same_layout_as_base(newbase)) newbase = newbase->tp_base;
    while (same_layout_as_base(oldbase)) oldbase = oldbase->tp_base;
    int same = 1;
    if (newbase != oldbase) {
        same = newbase->tp_base == oldbase->tp_base ? same_slots_added(ts, newbase, oldbase) : 0;
        if (same < 0) return -1;
    }
    const uint32_t layout = KR_TPFLAGS_MANAGED_ATTRS | KR_TPFLAGS_HAVE_GC;
    if (same && (oldto->tp_flags & layout) == (newto->tp_flags & layout)) return 0;
    krErr_format(ts, &KrExc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, newto->tp_name,
                 oldto->tp_name);
    return -1;
}

// Recomputes the MRO and the slots of `type` and of every subclass after a
// __bases__ change, recording (class, previous MRO) pairs in `undo`.  0 or -1.
static int mro_hierarchy(KrThreadState *ts, KrTypeObject *type, KrObject *undo) {
    KrObject *old = type->tp_mro ? type->tp_mro : KR_NONE;
    KrObject *pair = krTuple_pack(ts, 2, (KrObject *)type, old);
    if (!pair) return -1;
    int r = krList_append(ts, undo, pair);
    kr_decref(pair);
    if (r < 0) return -1;
    KrObject *mro = krType_compute_mro(ts, type);
    if (!mro) return -1;
    kr_setref(&type->tp_mro, mro);
    krType_modified(type);
    if (krTypeSlots_fixup(ts, type) < 0) return -1;
    // Strong references: an mro() override may run any code.
    KrTypeObject **subs;
    KrSsize n = krType_subclasses(type, &subs);
    KrObject *list = krList_new(ts, n);
    if (!list) return -1;
    for (KrSsize i = 0; i < n; i++) KR_LIST_SET(list, i, kr_newref((KrObject *)subs[i]));
    r = 0;
    for (KrSsize i = 0; i < KR_LIST_SIZE(list) && r == 0; i++)
        r = mro_hierarchy(ts, (KrTypeObject *)KR_LIST_GET(list, i), undo);
    kr_decref(list);
    return r;
}

// Puts back the MROs (and slots) recorded by mro_hierarchy, newest first.
static void mro_undo(KrThreadState *ts, KrObject *undo) {
    for (KrSsize i = KR_LIST_SIZE(undo); --i >= 0;) {
        KrObject *pair = KR_LIST_GET(undo, i);
        KrTypeObject *cls = (KrTypeObject *)KR_TUPLE_GET(pair, 0);
        KrObject *old = KR_TUPLE_GET(pair, 1);
        kr_setref(&cls->tp_mro, old == KR_NONE ? NULL : kr_newref(old));
        krType_modified(cls);
        if (cls->tp_mro) krTypeSlots_fixup(ts, cls);
    }
}

static int check_new_bases(KrThreadState *ts, KrTypeObject *type, KrObject *value) {
    if (!krTuple_check(value)) {
        krErr_format(ts, &KrExc_TypeError, "can only assign tuple to %s.__bases__, not %T", type->tp_name, value);
        return -1;
    }
    if (KR_TUPLE_SIZE(value) == 0) {
        krErr_format(ts, &KrExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(value); i++) {
        KrObject *b = KR_TUPLE_GET(value, i);
        if (!kr_type_check(b, &KrType_Type)) {
            krErr_format(ts, &KrExc_TypeError, "%s.__bases__ must be tuple of classes, not '%T'", type->tp_name, b);
            return -1;
        }
        KrTypeObject *bt = (KrTypeObject *)b;
        bool cycle = krType_is_subtype(bt, type);
        for (KrTypeObject *t = bt; t && !cycle; t = t->tp_base) cycle = t == type;
        if (cycle) {
            krErr_set_string(ts, &KrExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    return 0;
}

// Moves `type` from the subclass lists of old_bases to those of new_bases.  0 or -1.
static int move_subclass(KrThreadState *ts, KrTypeObject *type, KrObject *old_bases, KrObject *new_bases) {
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(old_bases); i++)
        krType_remove_subclass((KrTypeObject *)KR_TUPLE_GET(old_bases, i), type);
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(new_bases); i++) {
        if (krType_add_subclass((KrTypeObject *)KR_TUPLE_GET(new_bases, i), type) < 0) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    return 0;
}

int krType_set_bases(KrThreadState *ts, KrTypeObject *type, KrObject *value) {
    if (check_new_bases(ts, type, value) < 0) return -1;
    KrTypeObject *new_base = best_base(ts, value);
    if (!new_base || krType_check_compatible(ts, type->tp_base, new_base, "__bases__") < 0) return -1;
    KrObject *old_bases = type->tp_bases;
    KrTypeObject *old_base = type->tp_base;
    type->tp_bases = kr_newref(value);
    type->tp_base = (KrTypeObject *)kr_newref((KrObject *)new_base);
    int r = 0;
    // A class still being created (its mro() override assigning __bases__)
    // gets its MRO and subclass registration from the creation code.
    if (type->tp_flags & KR_TPFLAGS_READY) {
        KrObject *undo = krList_new(ts, 0);
        r = undo ? mro_hierarchy(ts, type, undo) : -1;
        // An mro() override may itself have assigned __bases__ meanwhile: then
        // that assignment's outcome stands.
        if (type->tp_bases == value) {
            if (r < 0) {
                KrObject *exc = krErr_fetch(ts);
                if (undo) mro_undo(ts, undo);
                krErr_restore(ts, exc);
                kr_setref(&type->tp_bases, old_bases);
                kr_setref((KrObject **)&type->tp_base, (KrObject *)old_base);
                kr_xdecref(undo);
                return -1;
            }
            r = move_subclass(ts, type, old_bases, value);
        }
        kr_xdecref(undo);
    }
    kr_decref(old_bases);
    kr_decref((KrObject *)old_base);
    return r;
}

KrObject *krType_tp_new(KrThreadState *ts, KrTypeObject *meta, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    if (nargs != 3)
        return krErr_format(ts, &KrExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
    KrObject *name = args[0], *bases = args[1], *dict = args[2];
    if (!krStr_check(name))
        return krErr_format(ts, &KrExc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    if (strlen(krStr_utf8(name)) != (size_t)krStr_size(name))
        return krErr_format(ts, &KrExc_ValueError, "type name must not contain null characters");
    if (!krTuple_check(bases))
        return krErr_format(ts, &KrExc_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases);
    if (!krDict_check(dict))
        return krErr_format(ts, &KrExc_TypeError, "type.__new__() argument 3 must be dict, not %T", dict);
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(bases); i++) {
        KrObject *b = KR_TUPLE_GET(bases, i);
        if (kr_type_check(b, &KrType_Type)) continue;
        int r = krObj_hasattr(ts, b, KR_ID(__mro_entries__));
        if (r < 0) return NULL;
        if (r)
            return krErr_format(ts, &KrExc_TypeError,
                                "type() doesn't support MRO entry resolution; use types.new_class()");
    }
    KrTypeObject *winner = krType_calculate_metaclass(ts, meta, bases);
    if (!winner) return NULL;
    if (winner != meta && winner->tp_new != krType_tp_new) return winner->tp_new(ts, winner, args, nargs, kwnames);
    return type_new_impl(ts, winner, name, bases, dict, args + 3, kwnames);
}

int krType_tp_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (nargs == 1 && nkw != 0) {
        krErr_set_string(ts, &KrExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        krErr_set_string(ts, &KrExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

void krType_dealloc(KrObject *self) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE)) kr_fatal("deallocating a static type");
    KrHeapTypeObject *ht = (KrHeapTypeObject *)type;
    krGC_untrack(self);
    krType_modified(type);
    if (type->tp_bases)
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(type->tp_bases); i++)
            krType_remove_subclass((KrTypeObject *)KR_TUPLE_GET(type->tp_bases, i), type);
    kr_xdecref(type->tp_dict);
    kr_xdecref(type->tp_bases);
    kr_xdecref(type->tp_mro);
    kr_xdecref((KrObject *)type->tp_base);
    kr_xdecref(ht->ht_name);
    kr_xdecref(ht->ht_qualname);
    kr_xdecref(ht->ht_module);
    kr_xdecref(ht->ht_slots);
    krShape_free_tree(ht->ht_root_shape);
    krMem_free((void *)type->tp_members);
    krMem_free((void *)type->tp_getset);
    krMem_free(type->tp_subclasses_list);
    krObj_free(self);
}
