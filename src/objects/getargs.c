/*
 * getargs.c — binding the arguments of built-in functions to parameters, with
 * CPython's error messages (which differ between the positional-only checker
 * and the keyword-aware parser; both forms are reproduced).
 */
#include "objects/abstract.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

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

const char *krArg_type_name(KrObject *o) {
    return o == KR_NONE ? "None" : krType_name(KR_TYPE(o));
}

// The keyword argument named names[idx] among kwnames, or NULL.  Borrowed.
static KrObject *find_keyword(KrObject *const *kwargs, KrObject *kwnames, KrSsize nkw, const char *name) {
    for (KrSsize k = 0; k < nkw; k++)
        if (krStr_eq_cstr(KR_TUPLE_GET(kwnames, k), name)) return kwargs[k];
    return NULL;
}

// Reports why `nkw` keywords were not all consumed: a parameter given both by
// position and by name, else the first keyword naming no parameter.  Always -1.
static int keyword_error(KrThreadState *ts, const char *fname, KrObject *const *kwargs, KrObject *kwnames,
                         KrSsize nkw, const char *const *names, int nparams, int nposonly, KrSsize nargs) {
    for (int i = nposonly; i < nargs; i++) {
        if (find_keyword(kwargs, kwnames, nkw, names[i])) {
            krErr_format(ts, &KrExc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[i], i + 1);
            return -1;
        }
    }
    for (KrSsize k = 0; k < nkw; k++) {
        KrObject *key = KR_TUPLE_GET(kwnames, k);
        bool known = false;
        for (int i = nposonly; i < nparams && !known; i++) known = krStr_eq_cstr(key, names[i]);
        if (!known) {
            krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
    }
    krErr_format(ts, &KrExc_TypeError, "%s() got multiple values for a keyword argument", fname);
    return -1;
}

// The checks run in CPython's order (argument clinic and
// PyArg_ParseTupleAndKeywords agree on it): counts, missing positional-only
// arguments, then each parameter in turn (missing required ones), and only then
// keywords given twice or naming no parameter.
int krArg_parse(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                const char *const *names, int nparams, int nposonly, int kwonly_start, int nrequired,
                KrObject **out) {
    int maxpos = kwonly_start < 0 || kwonly_start > nparams ? nparams : kwonly_start;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrObject *const *kwargs = args + nargs;
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
    int minposonly = nposonly < nrequired ? nposonly : nrequired;
    if (nargs < minposonly) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                     minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (KrSsize i = 0; i < nargs; i++) out[i] = args[i];

    KrSsize used = 0;
    for (int i = nargs > nposonly ? (int)nargs : nposonly; i < nparams; i++) {
        out[i] = used < nkw ? find_keyword(kwargs, kwnames, nkw, names[i]) : NULL;
        if (out[i]) {
            used++;
        } else if (i < nrequired) {
            krErr_format(ts, &KrExc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i],
                         i + 1);
            return -1;
        }
    }
    if (used < nkw) return keyword_error(ts, fname, kwargs, kwnames, nkw, names, nparams, nposonly, nargs);
    return 0;
}
