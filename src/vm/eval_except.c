/*
 * eval_except.c — slow paths of the instructions around exceptions and
 * context managers: `except` clause matching, `except*` (exception groups),
 * `with` / `async with` entry and exit.  CPython 3.11's semantics and
 * messages.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
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

static inline bool is_group(KrObject *exc) { return kr_type_check(exc, &KrExc_BaseExceptionGroup); }

// ExceptionGroup(msg, excs).  New reference.
static KrObject *make_group(KrThreadState *ts, const char *msg, KrObject *excs) {
    KrObject *m = krStr_from_cstr(ts, msg);
    if (m == NULL) return NULL;
    KrObject *res = krObj_call2(ts, (KrObject *)&KrExc_ExceptionGroup, m, excs);
    kr_decref(m);
    return res;
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
    if (krErr_given_matches(exc, type)) {
        // The whole exception matches; a naked one is wrapped in a group.
        if (is_group(exc)) {
            *match = kr_newref(exc);
        } else {
            KrObject *excs = krTuple_pack(ts, 1, exc);
            if (excs == NULL) return -1;
            KrObject *wrapped = make_group(ts, "", excs);
            kr_decref(excs);
            if (wrapped == NULL) return -1;
            *match = wrapped;
        }
        *rest = kr_none();
        return 0;
    }
    if (is_group(exc)) {
        KrObject *split = krStr_intern_cstr(ts, "split");
        KrObject *pair = split ? krObj_call_method(ts, exc, split, type, NULL) : NULL;
        if (pair == NULL) return -1;
        if (!krTuple_check(pair) || KR_TUPLE_SIZE(pair) != 2) {
            kr_decref(pair);
            krErr_set_string(ts, &KrExc_TypeError, "split must return a 2-tuple");
            return -1;
        }
        *match = kr_newref(KR_TUPLE_GET(pair, 0));
        *rest = kr_newref(KR_TUPLE_GET(pair, 1));
        kr_decref(pair);
        return 0;
    }
    *match = kr_none();
    *rest = kr_none();
    return 0;
}

// ---------------------------------------------------------------------------
// PREP_RERAISE_STAR: what an except* statement re-raises.

// Adds the ids of the leaf exceptions of `exc` to `ids`.
static int collect_leaf_ids(KrThreadState *ts, KrObject *exc, KrObject *ids) {
    if (exc == KR_NONE) return 0;
    if (!is_group(exc)) {
        KrObject *id = krInt_from_u64(ts, (uint64_t)(uintptr_t)exc);
        if (id == NULL) return -1;
        int r = krSet_add(ts, ids, id);
        kr_decref(id);
        return r;
    }
    KrObject *excs = krObj_getattr(ts, exc, KR_ID(exceptions));
    if (excs == NULL) return -1;
    int r = 0;
    if (krErr_enter_recursive_call(ts, " in collect_exception_group_leaf_ids") < 0) {
        kr_decref(excs);
        return -1;
    }
    for (KrSsize i = 0; r == 0 && krTuple_check(excs) && i < KR_TUPLE_SIZE(excs); i++)
        r = collect_leaf_ids(ts, KR_TUPLE_GET(excs, i), ids);
    krErr_leave_recursive_call(ts);
    kr_decref(excs);
    return r;
}

// The split predicate: is the leaf's id in the set bound as `self`?
static KrObject *leaf_in_ids(KrThreadState *ts, KrObject *ids, KrObject *exc) {
    KrObject *id = krInt_from_u64(ts, (uint64_t)(uintptr_t)exc);
    if (id == NULL) return NULL;
    int r = krSet_contains(ts, ids, id);
    kr_decref(id);
    if (r < 0) return NULL;
    return kr_bool(r);
}

static const KrMethodDef leaf_in_ids_def = {"_leaf_in_ids", KR_CFUNC(leaf_in_ids), KR_METH_O, NULL};

// The part of group `eg` made of the leaves found in the groups of `keep`,
// with eg's structure and metadata (None when nothing is kept).
static KrObject *group_projection(KrThreadState *ts, KrObject *eg, KrObject *keep) {
    KrObject *ids = krSet_new(ts, NULL);
    if (ids == NULL) return NULL;
    for (KrSsize i = 0; i < KR_LIST_SIZE(keep); i++) {
        if (collect_leaf_ids(ts, KR_LIST_GET(keep, i), ids) < 0) {
            kr_decref(ids);
            return NULL;
        }
    }
    KrObject *pred = krCFunction_new(ts, &leaf_in_ids_def, ids, NULL);
    kr_decref(ids);
    if (pred == NULL) return NULL;
    KrObject *split = krStr_intern_cstr(ts, "split");
    KrObject *pair = split ? krObj_call_method(ts, eg, split, pred, NULL) : NULL;
    kr_decref(pred);
    if (pair == NULL) return NULL;
    if (!krTuple_check(pair) || KR_TUPLE_SIZE(pair) != 2) {
        kr_decref(pair);
        krErr_set_string(ts, &KrExc_TypeError, "split must return a 2-tuple");
        return NULL;
    }
    KrObject *match = kr_newref(KR_TUPLE_GET(pair, 0));
    kr_decref(pair);
    return match;
}

// Was `e` re-raised from `orig` (same traceback, cause, context and notes)?
static bool same_metadata(KrObject *e, KrObject *orig) {
    KrBaseExceptionObject *a = (KrBaseExceptionObject *)e, *b = (KrBaseExceptionObject *)orig;
    return a->notes == b->notes && a->traceback == b->traceback && a->cause == b->cause && a->context == b->context;
}

KrObject *krEval_prep_reraise_star(KrThreadState *ts, KrObject *orig, KrObject *excs) {
    KrSsize n = KR_LIST_SIZE(excs);
    if (n == 0) return kr_none();
    if (!is_group(orig)) {
        // A naked exception was caught (and wrapped): at most one clause ran.
        return kr_newref(KR_LIST_GET(excs, 0));
    }
    KrObject *raised = krList_new(ts, 0), *reraised = krList_new(ts, 0), *result = NULL, *reraised_eg = NULL;
    if (raised == NULL || reraised == NULL) goto done;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *e = KR_LIST_GET(excs, i);
        if (e == KR_NONE) continue;
        if (krList_append(ts, same_metadata(e, orig) ? reraised : raised, e) < 0) goto done;
    }
    reraised_eg = group_projection(ts, orig, reraised);
    if (reraised_eg == NULL) goto done;
    if (KR_LIST_SIZE(raised) == 0) {
        result = kr_newref(reraised_eg);
        goto done;
    }
    if (reraised_eg != KR_NONE && krList_append(ts, raised, reraised_eg) < 0) goto done;
    if (KR_LIST_SIZE(raised) > 1)
        result = make_group(ts, "", raised);
    else
        result = kr_newref(KR_LIST_GET(raised, 0));
done:
    kr_xdecref(raised);
    kr_xdecref(reraised);
    kr_xdecref(reraised_eg);
    return result;
}
