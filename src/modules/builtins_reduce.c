/*
 * builtins_reduce.c — built-ins that consume an iterable: min, max, sum,
 * sorted.
 */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

// min() and max(): one iterable, or two or more positional arguments.
static KrObject *min_max(KrThreadState *ts, KrObject *const *args, KrSsize nargs, KrObject *kwnames, int op,
                         const char *name) {
    KrObject *key = NULL, *dflt = NULL;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i);
        if (krStr_eq_cstr(k, "key")) key = args[nargs + i];
        else if (krStr_eq_cstr(k, "default")) dflt = args[nargs + i];
        else return krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for %s()", k, name);
    }
    if (nargs == 0) return krErr_format(ts, &KrExc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (key == KR_NONE) key = NULL;
    KrObject *it;
    if (nargs == 1) {
        it = krObj_get_iter(ts, args[0]);
    } else {
        if (dflt)
            return krErr_format(ts, &KrExc_TypeError,
                                "Cannot specify a default for %s() with multiple positional arguments", name);
        KrObject *t = krTuple_from_array(ts, args, nargs);
        if (!t) return NULL;
        it = krObj_get_iter(ts, t);
        kr_decref(t);
    }
    if (!it) return NULL;
    KrObject *best = NULL, *bestkey = NULL, *item;
    while ((item = krIter_next(ts, it))) {
        KrObject *k = key ? krObj_call1(ts, key, item) : kr_newref(item);
        if (!k) {
            kr_decref(item);
            goto fail;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int cmp = krObj_richcompare_bool(ts, k, bestkey, op);
        if (cmp < 0) {
            kr_decref(item);
            kr_decref(k);
            goto fail;
        }
        if (cmp) {
            kr_setref(&best, item);
            kr_setref(&bestkey, k);
        } else {
            kr_decref(item);
            kr_decref(k);
        }
    }
    if (krErr_occurred(ts)) goto fail;
    kr_decref(it);
    kr_xdecref(bestkey);
    if (best) return best;
    if (dflt) return kr_newref(dflt);
    return krErr_format(ts, &KrExc_ValueError, "%s() arg is an empty sequence", name);
fail:
    kr_decref(it);
    kr_xdecref(best);
    kr_xdecref(bestkey);
    return NULL;
}

static KrObject *builtin_min(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    return min_max(ts, args, nargs, kwnames, KR_LT, "min");
}

static KrObject *builtin_max(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    return min_max(ts, args, nargs, kwnames, KR_GT, "max");
}

// sum(): exact int and float fast paths, then the generic +.
static KrObject *builtin_sum(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"iterable", "start"};
    KrObject *a[2];
    if (krArg_parse(ts, "sum", args, nargs, kwnames, names, 2, 1, 2, 1, a) < 0) return NULL;
    KrObject *result = a[1] ? a[1] : kr_smallint(0);
    if (krStr_check(result))
        return krErr_format(ts, &KrExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (KR_TYPE(result) == &KrBytes_Type)
        return krErr_format(ts, &KrExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (kr_type_check(result, &KrByteArray_Type))
        return krErr_format(ts, &KrExc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    KrObject *it = krObj_get_iter(ts, a[0]);
    if (!it) return NULL;
    kr_incref(result);
    // Small-int accumulation without allocation.
    if (kr_is_smallint(result)) {
        int64_t acc = kr_smallint_value(result);
        KrObject *item;
        for (;;) {
            item = krIter_next(ts, it);
            if (!item) break;
            int64_t v;
            if (kr_is_smallint(item) && !__builtin_add_overflow(acc, kr_smallint_value(item), &v) &&
                kr_smallint_fits(v)) {
                acc = v;
                continue;
            }
            result = krInt_from_i64(ts, acc);
            if (!result) {
                kr_decref(item);
                kr_decref(it);
                return NULL;
            }
            KrObject *r = krNum_add(ts, result, item);
            kr_decref(result);
            kr_decref(item);
            result = r;
            goto generic;
        }
        kr_decref(it);
        if (krErr_occurred(ts)) return NULL;
        return krInt_from_i64(ts, acc);
    }
generic:
    for (;;) {
        if (!result) {
            kr_decref(it);
            return NULL;
        }
        // Float accumulation without allocation while items are floats/ints.
        if (krFloat_check_exact(result)) {
            double f = krFloat_value(result);
            KrObject *item;
            bool done = true;
            while ((item = krIter_next(ts, it))) {
                if (krFloat_check_exact(item)) {
                    f += krFloat_value(item);
                    kr_decref(item);
                    continue;
                }
                if (kr_is_smallint(item)) {
                    f += (double)kr_smallint_value(item);
                    kr_decref(item);
                    continue;
                }
                kr_decref(result);
                result = krFloat_new(ts, f);
                KrObject *r = result ? krNum_add(ts, result, item) : NULL;
                kr_xdecref(result);
                kr_decref(item);
                result = r;
                done = false;
                break;
            }
            if (done) {
                kr_decref(result);
                kr_decref(it);
                return krErr_occurred(ts) ? NULL : krFloat_new(ts, f);
            }
            continue;
        }
        KrObject *item = krIter_next(ts, it);
        if (!item) break;
        KrObject *r = krNum_add(ts, result, item);
        kr_decref(result);
        kr_decref(item);
        result = r;
    }
    kr_decref(it);
    if (krErr_occurred(ts)) {
        kr_decref(result);
        return NULL;
    }
    return result;
}

static KrObject *builtin_sorted(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    if (nargs != 1) return krErr_format(ts, &KrExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    KrObject *key = NULL;
    bool reverse = false;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i), *v = args[nargs + i];
        if (krStr_eq_cstr(k, "key")) {
            key = v == KR_NONE ? NULL : v;
        } else if (krStr_eq_cstr(k, "reverse")) {
            int t = krObj_is_true(ts, v);
            if (t < 0) return NULL;
            reverse = t;
        } else {
            return krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for sort()", k);
        }
    }
    KrObject *list = krSeq_list(ts, args[0]);
    if (!list) return NULL;
    // CPython calls list.sort through its method-descriptor entry, which
    // counts against the recursion limit.
    if (krErr_enter_recursive_call(ts, " while calling a Python object") < 0) {
        kr_decref(list);
        return NULL;
    }
    int r = krList_sort(ts, list, key, reverse);
    krErr_leave_recursive_call(ts);
    if (r < 0) {
        kr_decref(list);
        return NULL;
    }
    return list;
}

const KrMethodDef kr_builtins_reduce_methods[] = {
    {"max", KR_CFUNC(builtin_max), KR_METH_FASTKW, "With a single iterable argument, return its biggest item."},
    {"min", KR_CFUNC(builtin_min), KR_METH_FASTKW, "With a single iterable argument, return its smallest item."},
    {"sum", KR_CFUNC(builtin_sum), KR_METH_FASTKW, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"sorted", KR_CFUNC(builtin_sorted), KR_METH_FASTKW, "Return a new list containing all items from the iterable in ascending order."},
    {NULL},
};
