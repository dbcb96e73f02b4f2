/*
 * eval_async.c — slow paths of the instructions of `yield from`, await,
 * `async for`: GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, GET_ANEXT and
 * SEND on receivers the loop does not resume inline.  CPython 3.11's
 * messages.
 */
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"
#include "vm/gen.h"

KrObject *krEval_get_awaitable(KrThreadState *ts, KrObject *iterable, int where) {
    KrObject *iter = krCoro_get_awaitable_iter(ts, iterable);
    if (iter == NULL) {
        KrTypeObject *t = KR_TYPE(iterable);
        if (t->am_await == NULL && (where == 1 || where == 2)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError,
                         "'async with' received an object from %s that does not implement __await__: %.100s",
                         where == 1 ? "__aenter__" : "__aexit__", t->tp_name);
        }
        return NULL;
    }
    if (krCoro_check(iter)) {
        KrObject *yf = krGen_yield_from((KrGenObject *)iter);
        if (yf != NULL) {
            kr_decref(yf);
            kr_decref(iter);
            krErr_set_string(ts, &KrExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iter;
}

KrObject *krEval_get_aiter(KrThreadState *ts, KrObject *obj) {
    KrTypeObject *t = KR_TYPE(obj);
    if (t->am_aiter == NULL) {
        krErr_format(ts, &KrExc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                     t->tp_name);
        return NULL;
    }
    KrObject *iter = t->am_aiter(ts, obj);
    if (iter == NULL) return NULL;
    if (KR_TYPE(iter)->am_anext == NULL) {
        krErr_format(ts, &KrExc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                     KR_TYPE(iter)->tp_name);
        kr_decref(iter);
        return NULL;
    }
    return iter;
}

KrObject *krEval_get_anext(KrThreadState *ts, KrObject *aiter) {
    KrTypeObject *t = KR_TYPE(aiter);
    if (krAsyncGen_check(aiter)) return krAsyncGen_anext(ts, aiter);
    if (t->am_anext == NULL) {
        krErr_format(ts, &KrExc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s",
                     t->tp_name);
        return NULL;
    }
    KrObject *next = t->am_anext(ts, aiter);
    if (next == NULL) return NULL;
    KrObject *awaitable = krCoro_get_awaitable_iter(ts, next);
    if (awaitable == NULL) {
        // Raised "from" the reason __anext__'s result is not awaitable.
        KrObject *cause = krErr_fetch(ts);
        krErr_format(ts, &KrExc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                     KR_TYPE(next)->tp_name);
        KrObject *exc = krErr_peek(ts);
        if (exc != NULL && cause != NULL) {
            krExc_set_cause(exc, kr_newref(cause));
            ((KrBaseExceptionObject *)exc)->suppress_context = true;
            krExc_set_context(exc, cause);
        } else {
            kr_xdecref(cause);
        }
    }
    kr_decref(next);
    return awaitable;
}

KrObject *krEval_get_yield_from_iter(KrThreadState *ts, KrFrame *f, KrObject *iterable) {
    if (krCoro_check(iterable)) {
        if (!(f->code->co_flags & (KR_CO_COROUTINE | KR_CO_ITERABLE_COROUTINE))) {
            krErr_set_string(ts, &KrExc_TypeError,
                             "cannot 'yield from' a coroutine object in a non-coroutine generator");
            return NULL;
        }
        return kr_newref(iterable);
    }
    if (krGen_check(iterable)) return kr_newref(iterable);
    return krObj_get_iter(ts, iterable);
}

int krEval_send(KrThreadState *ts, KrObject *receiver, KrObject *value, KrObject **result) {
    *result = NULL;
    if (krGen_check(receiver) || krCoro_check(receiver)) {
        KrGenSendResult r = krGen_send(ts, receiver, value, result);
        kr_decref(value);
        return r == KR_GEN_NEXT ? 1 : r == KR_GEN_RETURN ? 0 : -1;
    }
    KrObject *res;
    if (value == KR_NONE && KR_TYPE(receiver)->tp_iternext != NULL)
        res = KR_TYPE(receiver)->tp_iternext(ts, receiver);
    else
        res = krObj_call_method(ts, receiver, KR_ID(send), value, NULL);
    kr_decref(value);
    if (res != NULL) {
        *result = res;
        return 1;
    }
    // Finished: the value of StopIteration (or None) is the result.
    if (!krErr_occurred(ts)) {
        *result = kr_none();
        return 0;
    }
    if (!krErr_matches(ts, &KrExc_StopIteration)) return -1;
    KrObject *stop = krErr_fetch(ts);
    *result = krExc_stopiteration_value(ts, stop);
    kr_decref(stop);
    return *result ? 0 : -1;
}
