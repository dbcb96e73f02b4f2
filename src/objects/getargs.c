/*
 * getargs.c — binding the arguments of built-in functions to parameters, with
 * CPython's error messages (which differ between the positional-only checker
 * and the keyword-aware parser; both forms are reproduced).
 */
#include "objects/abstract.h"
#include "objects/str.h"
#include "objects/tuple.h"

int krArg_check_positional(KrThreadState *ts, const char *fname, KrSsize nargs, KrSsize min, KrSsize max) {
    if (nargs < min) {
        krErr_format(ts, &KrExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (max == 0)
            krErr_format(ts, &KrExc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
        else
            krErr_format(ts, &KrExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int krArg_no_kwargs(KrThreadState *ts, const char *fname, KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

// Index of the parameter named `key` among names[from..n), or -1.
static int find_param(KrObject *key, const char *const *names, int from, int n) {
    for (int i = from; i < n; i++)
        if (krStr_eq_cstr(key, names[i])) return i;
    return -1;
}

int krArg_parse(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                const char *const *names, int nparams, int nposonly, int kwonly_start, int nrequired,
                KrObject **out) {
    int maxpos = kwonly_start < 0 || kwonly_start > nparams ? nparams : kwonly_start;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    for (int i = 0; i < nparams; i++) out[i] = NULL;

    if (nargs + nkw > nparams) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname, nparams,
                     nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            krErr_format(ts, &KrExc_TypeError, "%s() takes no positional arguments", fname);
        else
            krErr_format(ts, &KrExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                         nrequired < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (KrSsize i = 0; i < nargs; i++) out[i] = args[i];

    for (KrSsize k = 0; k < nkw; k++) {
        KrObject *key = KR_TUPLE_GET(kwnames, k);
        int idx = find_param(key, names, nposonly, nparams);
        if (idx < 0) {
            krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (out[idx]) {
            krErr_format(ts, &KrExc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[idx], idx + 1);
            return -1;
        }
        out[idx] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            if (i < nposonly || i >= nargs) {
                krErr_format(ts, &KrExc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i],
                             i + 1);
                return -1;
            }
        }
    }
    return 0;
}
