/*
 * slice.c — slice objects and the index arithmetic every sequence shares.
 *
 * A slice holds three strong references (start, stop, step; None when
 * omitted).  krSlice_unpack turns them into C sizes with CPython's clamping
 * (so `a[-10**100:]` works), and krSlice_adjust_indices fits them to a length.
 * slice.indices() works on arbitrary ints.  Slices are unhashable in 3.11.
 *
 * Related: slice.h, range.c (range objects), container_util.h.
 */
#include "objects/slice.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

KrObject *krSlice_new(KrThreadState *ts, KrObject *start, KrObject *stop, KrObject *step) {
    KrSliceObject *s = (KrSliceObject *)krObj_alloc(ts, &KrSlice_Type, 0);
    if (!s) return NULL;
    s->start = kr_newref(start ? start : KR_NONE);
    s->stop = kr_newref(stop ? stop : KR_NONE);
    s->step = kr_newref(step ? step : KR_NONE);
    krGC_track((KrObject *)s);
    return (KrObject *)s;
}

// CPython's _PyEval_SliceIndex: None keeps *out, ints are clamped.
static int slice_index(KrThreadState *ts, KrObject *o, KrSsize *out, const char *msg) {
    if (kr_is_smallint(o)) {
        *out = (KrSsize)kr_smallint_value(o);
        return 0;
    }
    if (!krNum_is_index(o)) {
        krErr_set_string(ts, &KrExc_TypeError, msg);
        return -1;
    }
    KrSsize v = krNum_as_ssize(ts, o, NULL);
    if (v == -1 && krErr_occurred(ts)) return -1;
    *out = v;
    return 0;
}

int kr_slice_index_or_none(KrThreadState *ts, KrObject *o, KrSsize *out) {
    if (o == KR_NONE) return 0;
    return slice_index(ts, o, out, "slice indices must be integers or None or have an __index__ method");
}

int kr_slice_index_arg(KrThreadState *ts, KrObject *o, KrSsize *out) {
    return slice_index(ts, o, out, "slice indices must be integers or have an __index__ method");
}

int krSlice_unpack(KrThreadState *ts, KrObject *slice, KrSsize *start, KrSsize *stop, KrSsize *step) {
    KrSliceObject *s = (KrSliceObject *)slice;
    *step = 1;
    if (s->step != KR_NONE) {
        if (kr_slice_index_or_none(ts, s->step, step) < 0) return -1;
        if (*step == 0) {
            krErr_set_string(ts, &KrExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        // Keep -step representable: the adjustments below negate it.
        if (*step < -KR_SSIZE_MAX) *step = -KR_SSIZE_MAX;
    }
    *start = *step < 0 ? KR_SSIZE_MAX : 0;
    if (kr_slice_index_or_none(ts, s->start, start) < 0) return -1;
    *stop = *step < 0 ? KR_SSIZE_MIN : KR_SSIZE_MAX;
    if (kr_slice_index_or_none(ts, s->stop, stop) < 0) return -1;
    return 0;
}

KrSsize krSlice_adjust_indices(KrSsize length, KrSsize *start, KrSsize *stop, KrSsize step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// slice.indices() on arbitrary ints

// index(o) for a slice field, with the slice-specific TypeError.  New reference.
static KrObject *long_slice_index(KrThreadState *ts, KrObject *o) {
    if (!krNum_is_index(o))
        return krErr_format(ts, &KrExc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
    return krNum_index(ts, o);
}

// Clamps `v` (stolen) for slice.indices(): negative values count from the end,
// then the result lies in [lower, upper].  New reference.
static KrObject *clamp_index(KrThreadState *ts, KrObject *v, KrObject *length, KrObject *lower, KrObject *upper) {
    if (krInt_sign(v) < 0) {
        KrObject *t = krInt_add(ts, v, length);
        kr_decref(v);
        if (!t) return NULL;
        v = t;
        if (krInt_compare(v, lower) < 0) {
            kr_decref(v);
            return kr_newref(lower);
        }
    } else if (krInt_compare(v, upper) > 0) {
        kr_decref(v);
        return kr_newref(upper);
    }
    return v;
}

KrObject *krSlice_indices(KrThreadState *ts, KrObject *self, KrObject *len_arg) {
    KrSliceObject *s = (KrSliceObject *)self;
    KrObject *length = NULL, *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    KrObject *result = NULL;
    length = krNum_index(ts, len_arg);
    if (!length) return NULL;
    if (krInt_sign(length) < 0) {
        krErr_set_string(ts, &KrExc_ValueError, "length should not be negative");
        goto done;
    }
    step = s->step == KR_NONE ? kr_smallint(1) : long_slice_index(ts, s->step);
    if (!step) goto done;
    int sign = krInt_sign(step);
    if (sign == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "slice step cannot be zero");
        goto done;
    }
    if (sign < 0) {
        lower = kr_smallint(-1);
        upper = krInt_add(ts, length, lower);
        if (!upper) goto done;
    } else {
        lower = kr_smallint(0);
        upper = kr_newref(length);
    }
    if (s->start == KR_NONE) {
        start = kr_newref(sign < 0 ? upper : lower);
    } else {
        start = long_slice_index(ts, s->start);
        if (!start || !(start = clamp_index(ts, start, length, lower, upper))) goto done;
    }
    if (s->stop == KR_NONE) {
        stop = kr_newref(sign < 0 ? lower : upper);
    } else {
        stop = long_slice_index(ts, s->stop);
        if (!stop || !(stop = clamp_index(ts, stop, length, lower, upper))) goto done;
    }
    result = krTuple_pack(ts, 3, start, stop, step);
done:
    kr_xdecref(length);
    kr_xdecref(step);
    kr_xdecref(upper);
    kr_xdecref(start);
    kr_xdecref(stop);
    return result;
}

// ---------------------------------------------------------------------------
// Slots

static void slice_dealloc(KrObject *self) {
    KrSliceObject *s = (KrSliceObject *)self;
    krGC_untrack(self);
    KR_CLEAR(s->start);
    KR_CLEAR(s->stop);
    KR_CLEAR(s->step);
    krObj_free(self);
}

static int slice_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrSliceObject *s = (KrSliceObject *)self;
    KR_VISIT(s->start);
    KR_VISIT(s->stop);
    KR_VISIT(s->step);
    return 0;
}

static KrObject *slice_repr(KrThreadState *ts, KrObject *self) {
    KrSliceObject *s = (KrSliceObject *)self;
    return krStr_from_format(ts, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static KrObject *slice_richcompare(KrThreadState *ts, KrObject *v, KrObject *w, int op) {
    if (!krSlice_check(v) || !krSlice_check(w)) return KR_NOTIMPLEMENTED;
    if (v == w) return kr_bool(op == KR_EQ || op == KR_LE || op == KR_GE);
    KrSliceObject *a = (KrSliceObject *)v, *b = (KrSliceObject *)w;
    KrObject *t1 = krTuple_pack(ts, 3, a->start, a->stop, a->step);
    if (!t1) return NULL;
    KrObject *t2 = krTuple_pack(ts, 3, b->start, b->stop, b->step);
    if (!t2) {
        kr_decref(t1);
        return NULL;
    }
    KrObject *r = krObj_richcompare(ts, t1, t2, op);
    kr_decref(t1);
    kr_decref(t2);
    return r;
}

static KrObject *slice_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "slice", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "slice", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return krSlice_new(ts, NULL, args[0], NULL);
    return krSlice_new(ts, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static KrObject *slice_reduce(KrThreadState *ts, KrObject *self) {
    KrSliceObject *s = (KrSliceObject *)self;
    KrObject *args = krTuple_pack(ts, 3, s->start, s->stop, s->step);
    if (!args) return NULL;
    KrObject *r = krTuple_pack(ts, 2, (KrObject *)&KrSlice_Type, args);
    kr_decref(args);
    return r;
}

static const KrMethodDef slice_methods[] = {
    {"indices", KR_CFUNC(krSlice_indices), KR_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", KR_CFUNC(slice_reduce), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KrMemberDef slice_members[] = {
    {"start", KR_MEMBER_OBJECT, offsetof(KrSliceObject, start), KR_MEMBER_READONLY, NULL},
    {"stop", KR_MEMBER_OBJECT, offsetof(KrSliceObject, stop), KR_MEMBER_READONLY, NULL},
    {"step", KR_MEMBER_OBJECT, offsetof(KrSliceObject, step), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

KrTypeObject KrSlice_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "slice",
    .tp_basicsize = sizeof(KrSliceObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_new = slice_new,
    .tp_dealloc = slice_dealloc,
    .tp_traverse = slice_traverse,
    .tp_repr = slice_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
};
