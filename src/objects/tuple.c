/*
 * tuple.c — Python's tuple and its iterator.
 *
 * A tuple is an immutable array of strong references stored inline after the
 * header (KrTupleObject.items).  The empty tuple is one immortal static object
 * (with a GC header in front, so the collector may treat it as any other
 * untracked GC object).  Tuples are GC-tracked from creation; a tuple being
 * filled by its creator has NULL items, which traverse skips.
 *
 * The hash is CPython 3.11's xxHash-based tuple hash, bit for bit, so that
 * dicts and sets keyed by tuples order and hash exactly as CPython's.
 *
 * Related: tuple.h, container_util.h (trash), list.c (shares the iterator pattern).
 */
#include "objects/genericalias.h"
#include "objects/tuple.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/error.h"

// The empty tuple, with a zeroed (untracked) GC header in front of it.
static struct {
    KrGCHead gc;
    KrTupleObject tuple;
} empty_tuple_storage = {
    {NULL, NULL},
    {KR_STATIC_VAR_HEAD(&KrTuple_Type, 0)},
};
#define EMPTY_TUPLE ((KrObject *)&empty_tuple_storage.tuple)

KrObject *krTuple_empty(void) { return EMPTY_TUPLE; }

// Largest item count whose allocation size does not overflow.
#define TUPLE_MAX_ITEMS ((KR_SSIZE_MAX - (KrSsize)sizeof(KrTupleObject) - 64) / (KrSsize)sizeof(KrObject *))

KrObject *krTuple_new(KrThreadState *ts, KrSsize n) {
    if (n == 0) return EMPTY_TUPLE;
    if (n < 0) return krErr_bad_internal_call(ts);
    if (n > TUPLE_MAX_ITEMS) return krErr_no_memory(ts);
    KrObject *t = krObj_alloc(ts, &KrTuple_Type, n);
    if (!t) return NULL;
    KR_SIZE(t) = n;
    krGC_track(t);
    return t;
}

KrObject *krTuple_from_array(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    KrObject *t = krTuple_new(ts, n);
    if (!t) return NULL;
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, kr_newref(items[i]));
    return t;
}

KrObject *krTuple_from_array_steal(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    KrObject *t = krTuple_new(ts, n);
    if (!t) {
        for (KrSsize i = 0; i < n; i++) kr_decref(items[i]);
        return NULL;
    }
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, items[i]);
    return t;
}

KrObject *krTuple_pack(KrThreadState *ts, KrSsize n, ...) {
    KrObject *t = krTuple_new(ts, n);
    if (!t) return NULL;
    va_list va;
    va_start(va, n);
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, kr_newref(va_arg(va, KrObject *)));
    va_end(va);
    return t;
}

KrObject *krTuple_slice(KrThreadState *ts, KrObject *t, KrSsize start, KrSsize stop) {
    KrSsize n = KR_TUPLE_SIZE(t);
    if (start < 0) start = 0;
    if (stop > n) stop = n;
    if (stop < start) stop = start;
    if (start == 0 && stop == n && krTuple_check_exact(t)) return kr_newref(t);
    return krTuple_from_array(ts, KR_TUPLE_ITEMS(t) + start, stop - start);
}

KrObject *krTuple_from_iterable(KrThreadState *ts, KrObject *iterable) {
    if (krTuple_check_exact(iterable)) return kr_newref(iterable);
    if (krList_check_exact(iterable)) return krList_as_tuple(ts, iterable);
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    if (krList_extend(ts, list, iterable) < 0) {
        kr_decref(list);
        return NULL;
    }
    KrObject *t = krList_as_tuple(ts, list);
    kr_decref(list);
    return t;
}

// ---------------------------------------------------------------------------
// Slots

static void tuple_dealloc(KrObject *self) {
    krGC_untrack(self);
    bool exact = KR_TYPE(self) == &KrTuple_Type;
    if (exact && !krTrash_begin(self)) return;
    KrSsize n = KR_SIZE(self);
    for (KrSsize i = n - 1; i >= 0; i--) kr_xdecref(KR_TUPLE_GET(self, i));
    krObj_free(self);
    if (exact) krTrash_end();
}

static int tuple_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    for (KrSsize i = KR_SIZE(self) - 1; i >= 0; i--) KR_VISIT(KR_TUPLE_GET(self, i));
    return 0;
}

static KrObject *tuple_repr(KrThreadState *ts, KrObject *self) {
    KrSsize n = KR_SIZE(self);
    if (n == 0) return krStr_from_cstr(ts, "()");
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_cstr(ts, "(...)") : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append(ts, &sb, "(", 1) < 0) goto error;
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        if (i > 0 && krSB_append(ts, &sb, ", ", 2) < 0) goto error;
        if (krSB_append_obj_repr(ts, &sb, KR_TUPLE_GET(self, i)) < 0) goto error;
    }
    if (n == 1 && krSB_append(ts, &sb, ",", 1) < 0) goto error;
    if (krSB_append(ts, &sb, ")", 1) < 0) goto error;
    krRepr_leave(ts, self);
    return krSB_finish(ts, &sb);
error:
    krSB_discard(&sb);
    krRepr_leave(ts, self);
    return NULL;
}

// CPython 3.11's tuple hash: an xxHash-style accumulation over the item hashes.
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

KrHash krTuple_hash_items(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    uint64_t acc = XXPRIME_5;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *it = items[i];
        uint64_t lane;
        if (kr_is_smallint(it)) {
            lane = (uint64_t)krInt_hash(it);
        } else {
            KrHash h = krObj_hash(ts, it);
            if (h == -1) return -1;
            lane = (uint64_t)h;
        }
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (KrHash)acc;
}

static KrHash tuple_hash(KrThreadState *ts, KrObject *self) {
    return krTuple_hash_items(ts, KR_TUPLE_ITEMS(self), KR_SIZE(self));
}

static KrSsize tuple_length(KrThreadState *ts, KrObject *self) { return KR_SIZE(self); }

static int tuple_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        int r = krObj_eq(ts, KR_TUPLE_GET(self, i), key);
        if (r != 0) return r;
    }
    return 0;
}

static KrObject *tuple_richcompare(KrThreadState *ts, KrObject *v, KrObject *w, int op) {
    if (!krTuple_check(v) || !krTuple_check(w)) return KR_NOTIMPLEMENTED;
    KrSsize vlen = KR_SIZE(v), wlen = KR_SIZE(w), i;
    // Find the first index where the items differ.  Items are re-read after
    // each comparison: tuples are immutable, but their size is fixed anyway.
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = krObj_eq(ts, KR_TUPLE_GET(v, i), KR_TUPLE_GET(w, i));
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= vlen || i >= wlen) {
        bool r;
        switch (op) {
        case KR_LT: r = vlen < wlen; break;
        case KR_LE: r = vlen <= wlen; break;
        case KR_EQ: r = vlen == wlen; break;
        case KR_NE: r = vlen != wlen; break;
        case KR_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return kr_bool(r);
    }
    if (op == KR_EQ) return KR_FALSE;
    if (op == KR_NE) return KR_TRUE;
    return krObj_richcompare(ts, KR_TUPLE_GET(v, i), KR_TUPLE_GET(w, i), op);
}

static KrObject *tuple_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krTuple_check(b) || !krTuple_check(a)) {
        KrObject *other = krTuple_check(a) ? b : a;
        return krErr_format(ts, &KrExc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                            KR_TYPE(other)->tp_name);
    }
    KrSsize na = KR_SIZE(a), nb = KR_SIZE(b);
    if (nb == 0 && krTuple_check_exact(a)) return kr_newref(a);
    if (na == 0 && krTuple_check_exact(b)) return kr_newref(b);
    if (na > TUPLE_MAX_ITEMS - nb) return krErr_no_memory(ts);
    KrObject *t = krTuple_new(ts, na + nb);
    if (!t) return NULL;
    for (KrSsize i = 0; i < na; i++) KR_TUPLE_SET(t, i, kr_newref(KR_TUPLE_GET(a, i)));
    for (KrSsize i = 0; i < nb; i++) KR_TUPLE_SET(t, na + i, kr_newref(KR_TUPLE_GET(b, i)));
    return t;
}

static KrObject *tuple_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize size = KR_SIZE(self);
    if (size == 0 || n <= 0) return EMPTY_TUPLE;
    if (n == 1 && krTuple_check_exact(self)) return kr_newref(self);
    if (size > TUPLE_MAX_ITEMS / n) return krErr_no_memory(ts);
    KrObject *t = krTuple_new(ts, size * n);
    if (!t) return NULL;
    KrObject **dst = KR_TUPLE_ITEMS(t);
    for (KrSsize j = 0; j < n; j++)
        for (KrSsize i = 0; i < size; i++) *dst++ = kr_newref(KR_TUPLE_GET(self, i));
    return t;
}

static KrObject *tuple_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrSsize n = KR_SIZE(self);
    if (kr_is_smallint(key)) {
        int64_t i = kr_smallint_value(key);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return krErr_format(ts, &KrExc_IndexError, "tuple index out of range");
        return kr_newref(KR_TUPLE_GET(self, i));
    }
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
        i = kr_seq_adjust_index(i, n);
        if (i < 0) return krErr_format(ts, &KrExc_IndexError, "tuple index out of range");
        return kr_newref(KR_TUPLE_GET(self, i));
    }
    if (krSlice_check(key)) {
        KrSsize start, stop, step;
        if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
        KrSsize len = krSlice_adjust_indices(n, &start, &stop, step);
        if (len <= 0) return EMPTY_TUPLE;
        if (step == 1) return krTuple_slice(ts, self, start, stop);
        KrObject *t = krTuple_new(ts, len);
        if (!t) return NULL;
        for (KrSsize i = 0, cur = start; i < len; i++, cur += step)
            KR_TUPLE_SET(t, i, kr_newref(KR_TUPLE_GET(self, cur)));
        return t;
    }
    return krErr_format(ts, &KrExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                        KR_TYPE(key)->tp_name);
}

static KrObject *tuple_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames);

static KrObject *tuple_iter(KrThreadState *ts, KrObject *self);

// ---------------------------------------------------------------------------
// Methods

static KrObject *tuple_count(KrThreadState *ts, KrObject *self, KrObject *value) {
    KrSsize count = 0;
    for (KrSsize i = 0; i < KR_SIZE(self); i++) {
        int r = krObj_eq(ts, KR_TUPLE_GET(self, i), value);
        if (r < 0) return NULL;
        count += r;
    }
    return krInt_from_ssize(ts, count);
}

static KrObject *tuple_index(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "index", nargs, 1, 3) < 0) return NULL;
    KrSsize start = 0, stop = KR_SSIZE_MAX, n = KR_SIZE(self);
    if (nargs >= 2 && kr_slice_index_arg(ts, args[1], &start) < 0) return NULL;
    if (nargs >= 3 && kr_slice_index_arg(ts, args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) stop += n;
    for (KrSsize i = start; i < stop && i < KR_SIZE(self); i++) {
        int r = krObj_eq(ts, KR_TUPLE_GET(self, i), args[0]);
        if (r < 0) return NULL;
        if (r) return krInt_from_ssize(ts, i);
    }
    return krErr_format(ts, &KrExc_ValueError, "tuple.index(x): x not in tuple");
}

static KrObject *tuple_getnewargs(KrThreadState *ts, KrObject *self) {
    KrObject *copy = krTuple_from_array(ts, KR_TUPLE_ITEMS(self), KR_SIZE(self));
    if (!copy) return NULL;
    KrObject *r = krTuple_pack(ts, 1, copy);
    kr_decref(copy);
    return r;
}

static KrObject *tuple_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, KR_TYPE(self)->tp_basicsize + KR_SIZE(self) * (KrSsize)sizeof(KrObject *));
}

static const KrMethodDef tuple_methods[] = {
    {"__getnewargs__", KR_CFUNC(tuple_getnewargs), KR_METH_NOARGS, NULL},
    {"index", KR_CFUNC(tuple_index), KR_METH_FAST,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", KR_CFUNC(tuple_count), KR_METH_O, "Return number of occurrences of value."},
    {"__sizeof__", KR_CFUNC(tuple_sizeof), KR_METH_NOARGS, NULL},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrTuple_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(KrTupleObject),
    .tp_itemsize = sizeof(KrObject *),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_TUPLE_SUBCLASS | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_new = tuple_new,
    .tp_dealloc = tuple_dealloc,
    .tp_traverse = tuple_traverse,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
    .sq_contains = tuple_contains,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .tp_methods = tuple_methods,
};

static KrObject *tuple_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (type == &KrTuple_Type && krArg_no_kwargs(ts, "tuple", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "tuple", nargs, 0, 1) < 0) return NULL;
    KrObject *base = nargs ? krTuple_from_iterable(ts, args[0]) : kr_newref(EMPTY_TUPLE);
    if (!base || type == &KrTuple_Type) return base;
    // A subclass instance: copy the items into an instance of `type`.
    KrSsize n = KR_SIZE(base);
    KrObject *t = krType_generic_alloc(ts, type, n);
    if (t) {
        KR_SIZE(t) = n;
        for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, kr_newref(KR_TUPLE_GET(base, i)));
        kr_gc_track_once(t);
    }
    kr_decref(base);
    return t;
}

// ---------------------------------------------------------------------------
// Iterator

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;
    KrObject *seq;                 // strong; NULL once exhausted
} TupleIterObject;

static KrObject *tuple_iter(KrThreadState *ts, KrObject *self) {
    TupleIterObject *it = (TupleIterObject *)krObj_alloc(ts, &KrTupleIter_Type, 0);
    if (!it) return NULL;
    it->index = 0;
    it->seq = kr_newref(self);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static void tupleiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((TupleIterObject *)self)->seq);
    krObj_free(self);
}

static int tupleiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((TupleIterObject *)self)->seq);
    return 0;
}

static KrObject *tupleiter_next(KrThreadState *ts, KrObject *self) {
    TupleIterObject *it = (TupleIterObject *)self;
    KrObject *seq = it->seq;
    if (!seq) return NULL;
    if (it->index < KR_SIZE(seq)) return kr_newref(KR_TUPLE_GET(seq, it->index++));
    it->seq = NULL;
    kr_decref(seq);
    return NULL;
}

static KrObject *tupleiter_length_hint(KrThreadState *ts, KrObject *self) {
    TupleIterObject *it = (TupleIterObject *)self;
    KrSsize n = it->seq ? KR_SIZE(it->seq) - it->index : 0;
    return krInt_from_ssize(ts, n < 0 ? 0 : n);
}

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef tupleiter_methods[] = {
    {"__length_hint__", KR_CFUNC(tupleiter_length_hint), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrTupleIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
