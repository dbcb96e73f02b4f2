/*
 * eval_except.c — slow paths of the instructions around exceptions and
 * context managers: `except` clause matching, `except*` (exception groups),
 * `with` / `async with` entry and exit.  CPython 3.11's semantics and
 * messages.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"

// ---------------------------------------------------------------------------
// with

// type(o).name bound to o (special method lookup).  New reference, or NULL
// with no exception when the type has no such attribute.
static KrObject *lookup_special(KrThreadState *ts, KrObject *o, KrObject *name) {
    KrObject *descr = krType_lookup(KR_TYPE(o), name);
    if (descr == NULL) return NULL;
    KrDescrGetFunc get = KR_TYPE(descr)->tp_descr_get;
    if (get == NULL) return kr_newref(descr);
    kr_incref(descr);
    KrObject *res = get(ts, descr, o, (KrObject *)KR_TYPE(o));
    kr_decref(descr);
    return res;
}

KrObject *krEval_before_with(KrThreadState *ts, KrObject *mgr, KrObject **exit, bool async) {
    const char *what = async ? "asynchronous context manager" : "context manager";
    KrObject *enter = lookup_special(ts, mgr, async ? KR_ID(__aenter__) : KR_ID(__enter__));
    if (enter == NULL) {
        if (!krErr_occurred(ts))
            krErr_format(ts, &KrExc_TypeError, "'%.200s' object does not support the %s protocol",
                         KR_TYPE(mgr)->tp_name, what);
        return NULL;
    }
    KrObject *ex = lookup_special(ts, mgr, async ? KR_ID(__aexit__) : KR_ID(__exit__));
    if (ex == NULL) {
        if (!krErr_occurred(ts))
            krErr_format(ts, &KrExc_TypeError, "'%.200s' object does not support the %s protocol (missed %s method)",
                         KR_TYPE(mgr)->tp_name, what, async ? "__aexit__" : "__exit__");
        kr_decref(enter);
        return NULL;
    }
    KrObject *res = krObj_call0(ts, enter);
    kr_decref(enter);
    if (res == NULL) {
        kr_decref(ex);
        return NULL;
    }
    *exit = ex;
    return res;
}

KrObject *krEval_with_except_start(KrThreadState *ts, KrObject *exit, KrObject *exc) {
    KrObject *tb = krExc_check(exc) ? krExc_traceback(exc) : NULL;
    KrObject *args[3] = {(KrObject *)KR_TYPE(exc), exc, tb ? tb : KR_NONE};
    return krObj_vectorcall(ts, exit, args, 3, NULL);
}

// ---------------------------------------------------------------------------
// except

static const char CANNOT_CATCH_MSG[] = "catching classes that do not inherit from BaseException is not allowed";

static int check_except_type_valid(KrThreadState *ts, KrObject *type) {
    if (krTuple_check(type)) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(type); i++) {
            if (!krExc_is_class(KR_TUPLE_GET(type, i))) {
                krErr_set_string(ts, &KrExc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
    } else if (!krExc_is_class(type)) {
        krErr_set_string(ts, &KrExc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

int krEval_check_exc_match(KrThreadState *ts, KrObject *exc, KrObject *type) {
    if (check_except_type_valid(ts, type) < 0) return -1;
    return krErr_given_matches(exc, type);
}

static bool is_group_class(KrObject *cls) {
    return krExc_is_class(cls) && krType_is_subtype((KrTypeObject *)cls, &KrExc_BaseExceptionGroup);
}

int krEval_check_eg_match(KrThreadState *ts, KrObject *exc, KrObject *type, KrObject **match, KrObject **rest) {
    if (check_except_type_valid(ts, type) < 0) return -1;
    bool rejects = false;
    if (krTuple_check(type)) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(type); i++) rejects |= is_group_class(KR_TUPLE_GET(type, i));
    } else {
        rejects = is_group_class(type);
    }
    if (rejects) {
        krErr_set_string(ts, &KrExc_TypeError,
                         "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    if (exc == KR_NONE) {
        *match = kr_none();
        *rest = kr_none();
        return 0;
    }
    if (krExcGroup_match_star(ts, exc, type, match, rest) < 0) return -1;
    if (*match == NULL) *match = kr_none();
    if (*rest == NULL) *rest = kr_none();
    return 0;
}
