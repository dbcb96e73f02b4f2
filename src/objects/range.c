/*
 * range.c — range objects and their iterators.
 *
 * A range holds its start, stop, step and length as ints of any size (strong
 * references); operations take an int64 fast path when the values allow it
 * and fall back to arbitrary-precision arithmetic otherwise, so
 * range(10**30)[10**29] works.  Ranges compare and hash as the sequences they
 * describe (range(0) == range(5, 5), hash as CPython's (len, start, step)
 * tuple).  Membership of an int is O(1).
 *
 * Iterators: range_iterator works on int64 when start, stop, step and the
 * length all fit (the common case); longrange_iterator uses ints otherwise.
 *
 * Related: slice.h (declares the type), slice.c.
 */
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// The number of items of range(start, stop, step), as an int.  New reference.
static KrObject *compute_range_length(KrThreadState *ts, KrObject *start, KrObject *stop, KrObject *step) {
    // CPython 3.11 compares the bounds with PyObject_RichCompareBool here,
    // which counts against the recursion limit: so that deep recursion ends
    // the same way ("... in comparison"), take and give back that unit.
    if (krErr_enter_recursive_call(ts, " in comparison") < 0) return NULL;
    krErr_leave_recursive_call(ts);
    int64_t a, b, s;
    if (krInt_to_i64(start, &a) && krInt_to_i64(stop, &b) && krInt_to_i64(step, &s)) {
        // Differences may overflow int64: use unsigned arithmetic like CPython's get_len_of_range.
        uint64_t n = 0;
        if (s > 0 && a < b) n = ((uint64_t)b - (uint64_t)a - 1) / (uint64_t)s + 1;
        else if (s < 0 && b < a) n = ((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)s) + 1;
        return krInt_from_u64(ts, n);
    }
    KrObject *lo, *hi, *st;
    if (krInt_sign(step) > 0) {
        lo = start;
        hi = stop;
        st = kr_newref(step);
    } else {
        lo = stop;
        hi = start;
        st = krInt_neg(ts, step);
        if (!st) return NULL;
    }
    KrObject *result = NULL, *diff = NULL, *q = NULL;
    if (krInt_compare(lo, hi) >= 0) {
        result = kr_smallint(0);
        goto done;
    }
    // (hi - lo - 1) // step + 1
    diff = krInt_sub(ts, hi, lo);
    if (!diff) goto done;
    KrObject *d1 = krInt_sub(ts, diff, kr_smallint(1));
    if (!d1) goto done;
    q = krInt_floordiv(ts, d1, st);
    kr_decref(d1);
    if (!q) goto done;
    result = krInt_add(ts, q, kr_smallint(1));
done:
    kr_xdecref(diff);
    kr_xdecref(q);
    kr_decref(st);
    return result;
}

// Steals start, stop, step.  New reference.
static KrObject *make_range(KrThreadState *ts, KrObject *start, KrObject *stop, KrObject *step) {
    KrObject *length = compute_range_length(ts, start, stop, step);
    KrRangeObject *r = length ? (KrRangeObject *)krObj_alloc(ts, &KrRange_Type, 0) : NULL;
    if (!r) {
        kr_xdecref(length);
        kr_decref(start);
        kr_decref(stop);
        kr_decref(step);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (KrObject *)r;
}

KrObject *krRange_new_ssize(KrThreadState *ts, KrSsize start, KrSsize stop, KrSsize step) {
    if (step == 0) return krErr_format(ts, &KrExc_ValueError, "range() arg 3 must not be zero");
    KrObject *a = krInt_from_ssize(ts, start), *b = a ? krInt_from_ssize(ts, stop) : NULL;
    KrObject *c = b ? krInt_from_ssize(ts, step) : NULL;
    if (!c) {
        kr_xdecref(a);
        kr_xdecref(b);
        return NULL;
    }
    return make_range(ts, a, b, c);
}

static KrObject *range_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "range", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "range", nargs, 1, 3) < 0) return NULL;
    KrObject *start, *stop, *step;
    if (nargs == 1) {
        stop = krNum_index(ts, args[0]);
        if (!stop) return NULL;
        return make_range(ts, kr_smallint(0), stop, kr_smallint(1));
    }
    start = krNum_index(ts, args[0]);
    if (!start) return NULL;
    stop = krNum_index(ts, args[1]);
    if (!stop) {
        kr_decref(start);
        return NULL;
    }
    step = nargs == 3 ? krNum_index(ts, args[2]) : kr_smallint(1);
    if (!step || krInt_sign(step) == 0) {
        if (step) {
            kr_decref(step);
            krErr_set_string(ts, &KrExc_ValueError, "range() arg 3 must not be zero");
        }
        kr_decref(start);
        kr_decref(stop);
        return NULL;
    }
    return make_range(ts, start, stop, step);
}

static void range_dealloc(KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    KR_CLEAR(r->start);
    KR_CLEAR(r->stop);
    KR_CLEAR(r->step);
    KR_CLEAR(r->length);
    krObj_free(self);
}

static KrObject *range_repr(KrThreadState *ts, KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    if (r->step == kr_smallint(1)) return krStr_from_format(ts, "range(%R, %R)", r->start, r->stop);
    return krStr_from_format(ts, "range(%R, %R, %R)", r->start, r->stop, r->step);
}

static KrSsize range_length(KrThreadState *ts, KrObject *self) {
    KrObject *len = ((KrRangeObject *)self)->length;
    int64_t n;
    if (krInt_to_i64(len, &n) && n <= KR_SSIZE_MAX) return (KrSsize)n;
    krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_bool(KrThreadState *ts, KrObject *self) {
    return krInt_sign(((KrRangeObject *)self)->length) != 0;
}

// start + i * step for an int i in range.  New reference.
static KrObject *compute_item(KrThreadState *ts, KrRangeObject *r, KrObject *i) {
    int64_t a, s, k, prod, sum;
    if (krInt_to_i64(r->start, &a) && krInt_to_i64(r->step, &s) && krInt_to_i64(i, &k) &&
        !__builtin_mul_overflow(k, s, &prod) && !__builtin_add_overflow(a, prod, &sum))
        return krInt_from_i64(ts, sum);
    KrObject *p = krInt_mul(ts, i, r->step);
    if (!p) return NULL;
    KrObject *res = krInt_add(ts, r->start, p);
    kr_decref(p);
    return res;
}

// r[i] for an int i (negative counts from the end).  New reference.
static KrObject *range_item_at(KrThreadState *ts, KrRangeObject *r, KrObject *i) {
    KrObject *idx = kr_newref(i);
    if (krInt_sign(idx) < 0) {
        KrObject *t = krInt_add(ts, idx, r->length);
        kr_decref(idx);
        if (!t) return NULL;
        idx = t;
    }
    if (krInt_sign(idx) < 0 || krInt_compare(idx, r->length) >= 0) {
        kr_decref(idx);
        return krErr_format(ts, &KrExc_IndexError, "range object index out of range");
    }
    KrObject *res = compute_item(ts, r, idx);
    kr_decref(idx);
    return res;
}

static KrObject *range_slice(KrThreadState *ts, KrRangeObject *r, KrObject *slice) {
    KrObject *indices = krSlice_indices(ts, slice, r->length);
    if (!indices) return NULL;
    KrObject *istart = KR_TUPLE_GET(indices, 0), *istop = KR_TUPLE_GET(indices, 1),
             *istep = KR_TUPLE_GET(indices, 2);
    KrObject *start = compute_item(ts, r, istart), *stop = start ? compute_item(ts, r, istop) : NULL;
    KrObject *step = stop ? krInt_mul(ts, r->step, istep) : NULL;
    kr_decref(indices);
    if (!step) {
        kr_xdecref(start);
        kr_xdecref(stop);
        return NULL;
    }
    return make_range(ts, start, stop, step);
}

static KrObject *range_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrRangeObject *r = (KrRangeObject *)self;
    if (krNum_is_index(key)) {
        KrObject *i = krNum_index(ts, key);
        if (!i) return NULL;
        KrObject *res = range_item_at(ts, r, i);
        kr_decref(i);
        return res;
    }
    if (krSlice_check(key)) return range_slice(ts, r, key);
    return krErr_format(ts, &KrExc_TypeError, "range indices must be integers or slices, not %.200s",
                        KR_TYPE(key)->tp_name);
}

// `ob in r` for an int ob: 1, 0, -1.
static int range_contains_long(KrThreadState *ts, KrRangeObject *r, KrObject *ob) {
    int64_t a, b, s, v;
    if (krInt_to_i64(r->start, &a) && krInt_to_i64(r->stop, &b) && krInt_to_i64(r->step, &s) &&
        krInt_to_i64(ob, &v)) {
        if (s > 0 ? !(a <= v && v < b) : !(b < v && v <= a)) return 0;
        uint64_t diff = (uint64_t)v - (uint64_t)a;
        uint64_t st = s > 0 ? (uint64_t)s : 0 - (uint64_t)s;
        if (s < 0) diff = (uint64_t)a - (uint64_t)v;
        return diff % st == 0;
    }
    bool in_range = krInt_sign(r->step) > 0 ? (krInt_compare(r->start, ob) <= 0 && krInt_compare(ob, r->stop) < 0)
                                            : (krInt_compare(r->stop, ob) < 0 && krInt_compare(ob, r->start) <= 0);
    if (!in_range) return 0;
    KrObject *diff = krInt_sub(ts, ob, r->start);
    if (!diff) return -1;
    KrObject *rem = krInt_mod(ts, diff, r->step);
    kr_decref(diff);
    if (!rem) return -1;
    int res = krInt_sign(rem) == 0;
    kr_decref(rem);
    return res;
}

static bool is_exact_int_or_bool(KrObject *o) { return krInt_check_exact(o) || krBool_check(o); }

// Linear search for non-int values: count of matches or the first index
// (`want_index`), -1 on error / not found (ValueError raised for index).
static KrSsize range_iter_search(KrThreadState *ts, KrObject *self, KrObject *ob, bool want_index) {
    KrObject *it = krObj_get_iter(ts, self), *item;
    if (!it) return -1;
    KrSsize n = 0, i = 0;
    while ((item = krIter_next(ts, it)) != NULL) {
        int cmp = krObj_eq(ts, item, ob);
        kr_decref(item);
        if (cmp < 0) goto error;
        if (cmp) {
            if (want_index) {
                kr_decref(it);
                return i;
            }
            n++;
        }
        i++;
    }
    if (krErr_occurred(ts)) goto error;
    kr_decref(it);
    if (want_index) {
        krErr_set_string(ts, &KrExc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return n;
error:
    kr_decref(it);
    return -1;
}

static int range_contains(KrThreadState *ts, KrObject *self, KrObject *ob) {
    if (is_exact_int_or_bool(ob)) return range_contains_long(ts, (KrRangeObject *)self, ob);
    KrSsize n = range_iter_search(ts, self, ob, true);
    if (n >= 0) return 1;
    if (krErr_matches(ts, &KrExc_ValueError)) {
        krErr_clear(ts);
        return 0;
    }
    return -1;
}

static KrObject *range_count(KrThreadState *ts, KrObject *self, KrObject *ob) {
    if (is_exact_int_or_bool(ob)) {
        int r = range_contains_long(ts, (KrRangeObject *)self, ob);
        return r < 0 ? NULL : kr_smallint(r);
    }
    KrSsize n = range_iter_search(ts, self, ob, false);
    return n < 0 ? NULL : krInt_from_ssize(ts, n);
}

static KrObject *range_index(KrThreadState *ts, KrObject *self, KrObject *ob) {
    KrRangeObject *r = (KrRangeObject *)self;
    if (!is_exact_int_or_bool(ob)) {
        KrSsize i = range_iter_search(ts, self, ob, true);
        return i < 0 ? NULL : krInt_from_ssize(ts, i);
    }
    int c = range_contains_long(ts, r, ob);
    if (c < 0) return NULL;
    if (!c) return krErr_format(ts, &KrExc_ValueError, "%R is not in range", ob);
    KrObject *diff = krInt_sub(ts, ob, r->start);
    if (!diff) return NULL;
    KrObject *res = krInt_floordiv(ts, diff, r->step);
    kr_decref(diff);
    return res;
}

// Two ranges are equal when they describe the same sequence.
static int range_equals(KrRangeObject *a, KrRangeObject *b) {
    if (a == b) return 1;
    if (krInt_compare(a->length, b->length) != 0) return 0;
    int s = krInt_sign(a->length);
    if (s == 0) return 1;
    if (krInt_compare(a->start, b->start) != 0) return 0;
    if (krInt_compare(a->length, kr_smallint(1)) == 0) return 1;
    return krInt_compare(a->step, b->step) == 0;
}

static KrObject *range_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    if (!krRange_check(other) || (op != KR_EQ && op != KR_NE)) return KR_NOTIMPLEMENTED;
    int eq = range_equals((KrRangeObject *)self, (KrRangeObject *)other);
    return kr_bool((eq == 1) == (op == KR_EQ));
}

static KrHash range_hash(KrThreadState *ts, KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    KrObject *items[3] = {r->length, KR_NONE, KR_NONE};
    if (krInt_sign(r->length) != 0) {
        items[1] = r->start;
        if (krInt_compare(r->length, kr_smallint(1)) != 0) items[2] = r->step;
    }
    return krTuple_hash_items(ts, items, 3);
}

static KrObject *range_reduce(KrThreadState *ts, KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    KrObject *args = krTuple_pack(ts, 3, r->start, r->stop, r->step);
    if (!args) return NULL;
    KrObject *res = krTuple_pack(ts, 2, (KrObject *)&KrRange_Type, args);
    kr_decref(args);
    return res;
}

// ---------------------------------------------------------------------------
// Iterators

typedef struct {
    KR_OBJECT_HEAD;
    int64_t start, step;
    uint64_t len;                  // items left
} RangeIterObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *start, *step, *len;  // strong ints; len = items left
} LongRangeIterObject;

// An iterator producing len items start, start+step, ...  Steals nothing.
static KrObject *make_range_iter(KrThreadState *ts, KrObject *start, KrObject *step, KrObject *len) {
    int64_t a, s, n, last;
    if (krInt_to_i64(start, &a) && krInt_to_i64(step, &s) && krInt_to_i64(len, &n) &&
        (n == 0 || (!__builtin_mul_overflow(n - 1, s, &last) && !__builtin_add_overflow(a, last, &last)))) {
        RangeIterObject *it = (RangeIterObject *)krObj_alloc(ts, &KrRangeIter_Type, 0);
        if (!it) return NULL;
        it->start = a;
        it->step = s;
        it->len = (uint64_t)n;
        return (KrObject *)it;
    }
    LongRangeIterObject *it = (LongRangeIterObject *)krObj_alloc(ts, &KrLongRangeIter_Type, 0);
    if (!it) return NULL;
    it->start = kr_newref(start);
    it->step = kr_newref(step);
    it->len = kr_newref(len);
    return (KrObject *)it;
}

static KrObject *range_iter(KrThreadState *ts, KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    return make_range_iter(ts, r->start, r->step, r->length);
}

static KrObject *range_reversed(KrThreadState *ts, KrObject *self) {
    KrRangeObject *r = (KrRangeObject *)self;
    // Last item: start + (len - 1) * step, walking by -step.
    KrObject *lenm1 = krInt_sub(ts, r->length, kr_smallint(1));
    if (!lenm1) return NULL;
    KrObject *last = krInt_sign(r->length) == 0 ? kr_newref(r->start) : compute_item(ts, r, lenm1);
    kr_decref(lenm1);
    if (!last) return NULL;
    KrObject *negstep = krInt_neg(ts, r->step);
    KrObject *res = negstep ? make_range_iter(ts, last, negstep, r->length) : NULL;
    kr_decref(last);
    kr_xdecref(negstep);
    return res;
}

static KrObject *rangeiter_next(KrThreadState *ts, KrObject *self) {
    RangeIterObject *it = (RangeIterObject *)self;
    if (it->len == 0) return NULL;
    int64_t v = it->start;
    it->start = (int64_t)((uint64_t)it->start + (uint64_t)it->step);
    it->len--;
    if (kr_smallint_fits(v)) return kr_smallint(v);
    return krInt_from_i64(ts, v);
}

static KrObject *rangeiter_length_hint(KrThreadState *ts, KrObject *self) {
    return krInt_from_u64(ts, ((RangeIterObject *)self)->len);
}

static void longrangeiter_dealloc(KrObject *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    KR_CLEAR(it->start);
    KR_CLEAR(it->step);
    KR_CLEAR(it->len);
    krObj_free(self);
}

static KrObject *longrangeiter_next(KrThreadState *ts, KrObject *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    if (krInt_sign(it->len) <= 0) return NULL;
    KrObject *next = krInt_add(ts, it->start, it->step);
    if (!next) return NULL;
    KrObject *newlen = krInt_sub(ts, it->len, kr_smallint(1));
    if (!newlen) {
        kr_decref(next);
        return NULL;
    }
    KrObject *result = it->start;
    it->start = next;
    kr_setref(&it->len, newlen);
    return result;
}

static KrObject *longrangeiter_length_hint(KrThreadState *ts, KrObject *self) {
    return kr_newref(((LongRangeIterObject *)self)->len);
}

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef rangeiter_methods[] = {
    {"__length_hint__", KR_CFUNC(rangeiter_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static const KrMethodDef longrangeiter_methods[] = {
    {"__length_hint__", KR_CFUNC(longrangeiter_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrRangeIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIterObject),
    .tp_dealloc = krObj_free,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

KrTypeObject KrLongRangeIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIterObject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

static const KrMethodDef range_methods[] = {
    {"__reversed__", KR_CFUNC(range_reversed), KR_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", KR_CFUNC(range_reduce), KR_METH_NOARGS, NULL},
    {"count", KR_CFUNC(range_count), KR_METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", KR_CFUNC(range_index), KR_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static const KrMemberDef range_members[] = {
    {"start", KR_MEMBER_OBJECT, offsetof(KrRangeObject, start), KR_MEMBER_READONLY, NULL},
    {"stop", KR_MEMBER_OBJECT, offsetof(KrRangeObject, stop), KR_MEMBER_READONLY, NULL},
    {"step", KR_MEMBER_OBJECT, offsetof(KrRangeObject, step), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

KrTypeObject KrRange_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "range",
    .tp_basicsize = sizeof(KrRangeObject),
    .tp_flags = KR_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_new = range_new,
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .nb_bool = range_bool,
    .mp_length = range_length,
    .mp_subscript = range_subscript,
    .sq_contains = range_contains,
    .tp_methods = range_methods,
    .tp_members = range_members,
};
