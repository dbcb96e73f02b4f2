/*
 * atexit.c — the atexit module: functions to call at interpreter exit.
 * The registry is a list of (func, args, kwargs) tuples, run in reverse
 * order by krAtexit_run from krRuntime_fini, before the standard streams
 * are flushed.  atexit._run_exitfuncs() runs and empties it early.
 */
#include "modules/atexit.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"

static KrObject *callbacks;  // strong list, or NULL before the first register

// Writes `s` to sys.stderr, ignoring failures (we are reporting one already).
static void write_stderr(KrThreadState *ts, KrObject *s) {
    KrObject *err = krDict_get_str(ts->interp->sysdict, KR_ID(stderr));
    if (!err || err == KR_NONE) return;
    KrObject *r = krObj_call_method(ts, err, KR_ID(write), s, NULL);
    if (r) kr_decref(r);
    else krErr_clear(ts);
}

static void report(KrThreadState *ts, KrObject *func) {
    KrObject *exc = krErr_fetch(ts);
    // What the program printed comes first, as with CPython's error display.
    KrObject *out = krDict_get_str(ts->interp->sysdict, KR_ID(stdout));
    if (out && out != KR_NONE) {
        KrObject *r = krObj_call_method(ts, out, KR_ID(flush), NULL);
        if (r) kr_decref(r);
        else krErr_clear(ts);
    }
    KrObject *msg = krStr_from_format(ts, "Exception ignored in atexit callback: %R\n", func);
    if (msg) {
        write_stderr(ts, msg);
        kr_decref(msg);
    } else {
        krErr_clear(ts);
    }
    if (krTraceback_print_exception(ts, exc, NULL) < 0) krErr_clear(ts);
    kr_decref(exc);
}

void krAtexit_run(KrThreadState *ts) {
    if (!callbacks) return;
    // Functions registered while these run are not called, as in CPython.
    KrObject *list = callbacks;
    callbacks = NULL;
    for (KrSsize i = KR_LIST_SIZE(list) - 1; i >= 0; i--) {
        if (i >= KR_LIST_SIZE(list)) continue;
        KrObject *entry = kr_newref(KR_LIST_GET(list, i));
        KrObject *func = KR_TUPLE_GET(entry, 0), *args = KR_TUPLE_GET(entry, 1), *kwargs = KR_TUPLE_GET(entry, 2);
        KrObject *r = krObj_call(ts, func, args, kwargs == KR_NONE ? NULL : kwargs);
        if (r) kr_decref(r);
        else report(ts, func);
        kr_decref(entry);
    }
    kr_decref(list);
    KR_CLEAR(callbacks);
}

static KrObject *atexit_register(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!krObj_callable(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "the first argument must be callable");
    if (!callbacks && !(callbacks = krList_new(ts, 0))) return NULL;
    KrObject *pos = krTuple_from_array(ts, args + 1, nargs - 1);
    if (!pos) return NULL;
    KrObject *kw = KR_NONE;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (nkw) {
        if (!(kw = krDict_new(ts))) goto fail;
        for (KrSsize i = 0; i < nkw; i++)
            if (krDict_set(ts, kw, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) goto fail;
    } else {
        kr_incref(kw);
    }
    KrObject *entry = krTuple_pack(ts, 3, args[0], pos, kw);
    kr_decref(pos);
    kr_decref(kw);
    if (!entry) return NULL;
    int r = krList_append(ts, callbacks, entry);
    kr_decref(entry);
    return r < 0 ? NULL : kr_newref(args[0]);
fail:
    kr_decref(pos);
    if (kw != KR_NONE) kr_xdecref(kw);
    return NULL;
}

static KrObject *atexit_unregister(KrThreadState *ts, KrObject *self, KrObject *func) {
    if (!callbacks) return kr_newref(KR_NONE);
    for (KrSsize i = KR_LIST_SIZE(callbacks) - 1; i >= 0; i--) {
        if (i >= KR_LIST_SIZE(callbacks)) continue;  // an __eq__ shrank the list
        KrObject *f = kr_newref(KR_TUPLE_GET(KR_LIST_GET(callbacks, i), 0));
        int eq = krObj_eq(ts, f, func);
        kr_decref(f);
        if (eq < 0) return NULL;
        if (eq && i < KR_LIST_SIZE(callbacks)) {
            KrObject *idx = kr_smallint(i);
            if (krObj_delitem(ts, callbacks, idx) < 0) return NULL;
        }
    }
    return kr_newref(KR_NONE);
}

static KrObject *atexit_run_exitfuncs(KrThreadState *ts, KrObject *self) {
    krAtexit_run(ts);
    return kr_newref(KR_NONE);
}

static KrObject *atexit_clear(KrThreadState *ts, KrObject *self) {
    KR_CLEAR(callbacks);
    return kr_newref(KR_NONE);
}

static KrObject *atexit_ncallbacks(KrThreadState *ts, KrObject *self) {
    return kr_smallint(callbacks ? KR_LIST_SIZE(callbacks) : 0);
}

static const KrMethodDef atexit_methods[] = {
    {"register", KR_CFUNC(atexit_register), KR_METH_FASTKW, "Register a function to be executed upon normal program termination"},
    {"unregister", KR_CFUNC(atexit_unregister), KR_METH_O, "Unregister an exit function which was previously registered using atexit.register"},
    {"_run_exitfuncs", KR_CFUNC(atexit_run_exitfuncs), KR_METH_NOARGS, "Run all registered exit functions."},
    {"_clear", KR_CFUNC(atexit_clear), KR_METH_NOARGS, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", KR_CFUNC(atexit_ncallbacks), KR_METH_NOARGS, "Return the number of registered exit functions."},
    {NULL},
};

const KrModuleDef kr_atexit_module_def = {
    "atexit",
    "allow programmer to define multiple exit functions to be executed\nupon normal program termination.",
    atexit_methods,
    NULL,
};
