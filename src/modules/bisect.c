/*
 * bisect.c — the _bisect module: binary search and insertion in sorted
 * sequences (bisect_left/right, insort_left/right, with key=).  Comparisons
 * use only `<`, as CPython's do, so results agree for any ordering.
 * lib/bisect.py adds the bisect/insort aliases.
 */
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

// Binds (a, x, lo=0, hi=None, *, key=None) and checks lo/hi.  Borrowed
// references in out[]; -1 on error.
static int parse_args(KrThreadState *ts, const char *name, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                      KrObject **out, KrSsize *lo, KrSsize *hi) {
    static const char *const names[] = {"a", "x", "lo", "hi", "key"};
    if (krArg_parse(ts, name, args, nargs, kwnames, names, 5, 0, 4, 2, out) < 0) return -1;
    *lo = 0;
    *hi = -1;
    if (out[2]) {
        if (!krNum_is_index(out[2])) {
            krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer", krType_name(KR_TYPE(out[2])));
            return -1;
        }
        *lo = krNum_as_ssize(ts, out[2], &KrExc_OverflowError);
        if (*lo == -1 && krErr_occurred(ts)) return -1;
    }
    if (out[3] && out[3] != KR_NONE) {
        if (!krNum_is_index(out[3])) {
            krErr_format(ts, &KrExc_TypeError, "argument should be integer or None, not '%s'", krArg_type_name(out[3]));
            return -1;
        }
        *hi = krNum_as_ssize(ts, out[3], &KrExc_OverflowError);
        if (*hi == -1 && krErr_occurred(ts)) return -1;
    }
    if (*lo < 0) {
        krErr_set_string(ts, &KrExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (*hi == -1) {
        *hi = krObj_length(ts, out[0]);
        if (*hi < 0) return -1;
    }
    if (out[4] == KR_NONE) out[4] = NULL;
    return 0;
}

// a[i] (new reference), fast for exact lists.
static KrObject *seq_item(KrThreadState *ts, KrObject *a, KrSsize i) {
    if (krList_check_exact(a) && i < KR_LIST_SIZE(a)) return kr_newref(KR_LIST_GET(a, i));
    KrObject *idx = krInt_from_ssize(ts, i);
    if (!idx) return NULL;
    KrObject *r = krObj_getitem(ts, a, idx);
    kr_decref(idx);
    return r;
}

// The insertion point for x in a[lo:hi]: leftmost when `left`, else after
// any entries equal to x.  -1 on error.
static KrSsize bisect(KrThreadState *ts, KrObject *a, KrObject *x, KrSsize lo, KrSsize hi, KrObject *key, bool left) {
    while (lo < hi) {
        KrSsize mid = (KrSsize)(((size_t)lo + (size_t)hi) / 2);
        KrObject *item = seq_item(ts, a, mid);
        if (!item) return -1;
        if (key) {
            KrObject *k = krObj_call1(ts, key, item);
            kr_decref(item);
            if (!k) return -1;
            item = k;
        }
        int res = left ? krObj_richcompare_bool(ts, item, x, KR_LT) : krObj_richcompare_bool(ts, x, item, KR_LT);
        kr_decref(item);
        if (res < 0) return -1;
        if (res == left) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static KrObject *do_bisect(KrThreadState *ts, const char *name, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames, bool left) {
    KrObject *a[5];
    KrSsize lo, hi;
    if (parse_args(ts, name, args, nargs, kwnames, a, &lo, &hi) < 0) return NULL;
    KrSsize r = bisect(ts, a[0], a[1], lo, hi, a[4], left);
    return r < 0 ? NULL : krInt_from_ssize(ts, r);
}

static KrObject *do_insort(KrThreadState *ts, const char *name, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames, bool left) {
    KrObject *a[5];
    KrSsize lo, hi;
    if (parse_args(ts, name, args, nargs, kwnames, a, &lo, &hi) < 0) return NULL;
    KrObject *x = a[1], *kx = x;
    if (a[4]) {
        kx = krObj_call1(ts, a[4], x);
        if (!kx) return NULL;
    } else {
        kr_incref(kx);
    }
    KrSsize r = bisect(ts, a[0], kx, lo, hi, a[4], left);
    kr_decref(kx);
    if (r < 0) return NULL;
    if (krList_check_exact(a[0])) {
        if (krList_insert(ts, a[0], r, x) < 0) return NULL;
    } else {
        KrObject *idx = krInt_from_ssize(ts, r);
        if (!idx) return NULL;
        KrObject *res = krObj_call_method(ts, a[0], krStr_intern_cstr(ts, "insert"), idx, x, NULL);
        kr_decref(idx);
        if (!res) return NULL;
        kr_decref(res);
    }
    return kr_newref(KR_NONE);
}

static KrObject *bisect_right(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return do_bisect(ts, "bisect_right", args, nargs, kw, false);
}
static KrObject *bisect_left(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return do_bisect(ts, "bisect_left", args, nargs, kw, true);
}
static KrObject *insort_right(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return do_insort(ts, "insort_right", args, nargs, kw, false);
}
static KrObject *insort_left(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return do_insort(ts, "insort_left", args, nargs, kw, true);
}

static const KrMethodDef bisect_methods[] = {
    {"bisect_right", KR_CFUNC(bisect_right), KR_METH_FASTKW,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just after the rightmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_right", KR_CFUNC(insort_right), KR_METH_FASTKW,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"bisect_left", KR_CFUNC(bisect_left), KR_METH_FASTKW,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_left", KR_CFUNC(insort_left), KR_METH_FASTKW,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {NULL},
};

const KrModuleDef kr__bisect_module_def = {
    .name = "_bisect",
    .doc = "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\n"
           "having to sort the list after each insertion. For long lists of items with\n"
           "expensive comparison operations, this can be an improvement over the more\n"
           "common approach.\n",
    .methods = bisect_methods,
};
