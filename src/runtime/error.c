/*
 * error.c — the exception state of a thread: raising, matching, fetching,
 * chaining, and reporting exceptions that cannot propagate.
 *
 * The pending exception is always a normalised instance in ts->curexc.
 * krErr_set_exc chains the exception being handled as __context__ (what a
 * `raise` inside an `except` block does); krErr_restore puts an exception back
 * untouched (re-raising).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"
#include "runtime/error.h"

// Preallocated so that running out of memory can always be reported.
static KrObject *memory_error_instance;

KrObject *krErr_get_handled(KrThreadState *ts) {
    for (KrExcInfo *ei = ts->exc_info; ei; ei = ei->previous) {
        if (ei->exc_value && ei->exc_value != KR_NONE) return ei->exc_value;
    }
    return NULL;
}

// Sets exc.__context__ to the handled exception, breaking any cycle that
// would create (the handled exception's own context chain may contain exc).
void krErr_chain_context(KrThreadState *ts, KrObject *exc) {
    KrObject *handled = krErr_get_handled(ts);
    if (!handled || handled == exc || !krExc_check(exc)) return;
    // Walk handled's context chain; cut it where it reaches exc.  Floyd's
    // tortoise-and-hare guards against pre-existing cycles.
    KrObject *o = handled, *slow = handled;
    bool move_slow = false;
    for (;;) {
        KrObject *ctx = krExc_context(o);
        if (!ctx) break;
        if (ctx == exc) {
            krExc_set_context(o, NULL);
            break;
        }
        o = ctx;
        if (o == slow) break;
        if (move_slow) slow = krExc_context(slow);
        move_slow = !move_slow;
    }
    krExc_set_context(exc, kr_newref(handled));
}

void krErr_set_exc(KrThreadState *ts, KrObject *exc) {
    krErr_chain_context(ts, exc);
    kr_setref(&ts->curexc, exc);
}

void krErr_restore(KrThreadState *ts, KrObject *exc) { kr_setref(&ts->curexc, exc); }

void krErr_clear(KrThreadState *ts) { KR_CLEAR(ts->curexc); }

void krErr_set_object(KrThreadState *ts, KrTypeObject *type, KrObject *arg) {
    KrObject *exc;
    if (arg && krExc_check(arg) && kr_type_check(arg, type)) {
        exc = kr_newref(arg);
    } else {
        // Build the exception in a clean state: a failure while building it
        // must not be mistaken for the pending error.
        KrObject *saved = krErr_fetch(ts);
        exc = krObj_vectorcall(ts, (KrObject *)type, arg ? &arg : NULL, arg ? 1 : 0, NULL);
        if (!exc) {
            kr_xdecref(saved);
            return;  // the constructor's exception is pending instead
        }
        kr_xdecref(saved);
        if (!krExc_check(exc)) {
            kr_decref(exc);
            krErr_format(ts, &KrExc_TypeError, "calling %N should have returned an instance of BaseException, not %T",
                         type, exc);
            return;
        }
    }
    krErr_set_exc(ts, exc);
}

void krErr_set_none(KrThreadState *ts, KrTypeObject *type) { krErr_set_object(ts, type, NULL); }

void krErr_set_string(KrThreadState *ts, KrTypeObject *type, const char *msg) {
    KrObject *s = krStr_from_cstr(ts, msg);
    if (!s) return;
    krErr_set_object(ts, type, s);
    kr_decref(s);
}

KrObject *krErr_vformat(KrThreadState *ts, KrTypeObject *type, const char *fmt, va_list va) {
    KrObject *s = krStr_vfrom_format(ts, fmt, va);
    if (!s) return NULL;
    krErr_set_object(ts, type, s);
    kr_decref(s);
    return NULL;
}

KrObject *krErr_format(KrThreadState *ts, KrTypeObject *type, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    krErr_vformat(ts, type, fmt, va);
    va_end(va);
    return NULL;
}

KrObject *krErr_no_memory(KrThreadState *ts) {
    if (!memory_error_instance) {
        // Start-up has not finished: nothing sensible can be raised.
        kr_fatal("out of memory during start-up");
    }
    krExc_set_traceback(memory_error_instance, NULL);
    krExc_set_context(memory_error_instance, NULL);
    krExc_set_cause(memory_error_instance, NULL);
    kr_setref(&ts->curexc, kr_newref(memory_error_instance));
    return NULL;
}

int krErr_init(KrThreadState *ts);
int krErr_init(KrThreadState *ts) {
    KrObject *args = krTuple_new(ts, 0);
    if (!args) return -1;
    memory_error_instance = krExc_new(ts, &KrExc_MemoryError, args);
    kr_decref(args);
    return memory_error_instance ? 0 : -1;
}

KrObject *krErr_bad_internal_call_at(KrThreadState *ts, const char *file, int line) {
    return krErr_format(ts, &KrExc_SystemError, "%s:%d: bad argument to internal function", file, line);
}

KrObject *krErr_from_errno(KrThreadState *ts, KrTypeObject *type, KrObject *filename) {
    int err = errno;
    if (err == ENOMEM) return krErr_no_memory(ts);
    KrObject *args[3];
    args[0] = kr_smallint(err);
    args[1] = krStr_from_cstr(ts, strerror(err));
    if (!args[1]) return NULL;
    args[2] = filename;
    KrObject *exc = krObj_vectorcall(ts, (KrObject *)type, args, filename ? 3 : 2, NULL);
    kr_decref(args[1]);
    if (exc) krErr_set_exc(ts, exc);
    return NULL;
}

int krErr_given_matches(KrObject *given, KrObject *exc) {
    if (!given || !exc) return 0;
    if (krTuple_check(exc)) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(exc); i++)
            if (krErr_given_matches(given, KR_TUPLE_GET(exc, i))) return 1;
        return 0;
    }
    KrTypeObject *gtype = krExc_check(given) ? KR_TYPE(given) : (KrTypeObject *)given;
    if (!krExc_is_class(exc) || !krExc_is_class((KrObject *)gtype)) return given == exc;
    return krType_is_subtype(gtype, (KrTypeObject *)exc);
}

int krErr_matches(KrThreadState *ts, KrTypeObject *type) {
    return krErr_given_matches(ts->curexc, (KrObject *)type);
}

// Writes a C string to sys.stderr, falling back to the C stream.
static void write_stderr(KrThreadState *ts, const char *s) {
    KrObject *file = ts->interp->sysdict ? krDict_get_str(ts->interp->sysdict, KR_ID(stderr)) : NULL;
    if (file && file != KR_NONE) {
        KrObject *str = krStr_from_cstr(ts, s);
        if (str) {
            KrObject *r = krObj_call_method(ts, file, KR_ID(write), str, NULL);
            kr_decref(str);
            if (r) {
                kr_decref(r);
                return;
            }
        }
        krErr_clear(ts);
    }
    fputs(s, stderr);
}

void krErr_write_unraisable(KrThreadState *ts, KrObject *obj) {
    KrObject *exc = krErr_fetch(ts);
    if (!exc) return;
    if (obj) {
        KrObject *r = krObj_repr(ts, obj);
        write_stderr(ts, "Exception ignored in: ");
        if (r) {
            write_stderr(ts, krStr_utf8(r));
            kr_decref(r);
        } else {
            krErr_clear(ts);
            write_stderr(ts, "<object repr() failed>");
        }
        write_stderr(ts, "\n");
    }
    if (krTraceback_print_exception(ts, exc, NULL) < 0) krErr_clear(ts);
    kr_decref(exc);
}

void krErr_print(KrThreadState *ts) {
    KrObject *exc = krErr_fetch(ts);
    if (!exc) return;
    if (krTraceback_print_exception(ts, exc, NULL) < 0) {
        krErr_clear(ts);
        fputs("Error in printing the exception\n", stderr);
    }
    kr_decref(exc);
}

int krErr_enter_recursive_call(KrThreadState *ts, const char *where) {
    // The C-depth bound, whatever sys.setrecursionlimit says...
    if (--ts->c_recursion_remaining < 0) {
        ts->c_recursion_remaining++;
        krErr_format(ts, &KrExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    // ...and one unit of the recursion limit, shared with Python frames as
    // in CPython (whose messages depend on which step runs out).
    if (ts->py_recursion_remaining > 0) {
        ts->py_recursion_remaining--;
        return 0;
    }
    if (krFrame_enter_recursion_where(ts, where) < 0) {
        ts->c_recursion_remaining++;
        return -1;
    }
    return 0;
}

_Noreturn void kr_fatal(const char *msg) {
    fprintf(stderr, "Fatal Krait error: %s\n", msg);
    fflush(stderr);
    abort();
}

#if KR_DEBUG
_Noreturn void kr_assert_fail(const char *expr, const char *file, int line) {
    fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, expr);
    fflush(stderr);
    abort();
}
#endif
