/*
 * error.h — raising, inspecting and clearing exceptions.
 *
 * Convention: a function that fails returns NULL (pointer results) or -1 (int
 * results) and leaves exactly one exception in `ts->curexc`.  The exception is
 * always a normalised instance; there is no (type, value, traceback) triple.
 * NULL from tp_iternext WITHOUT an exception means "exhausted".
 *
 * Related: src/objects/exc.h (the exception types and objects).
 */
#ifndef KR_ERROR_H
#define KR_ERROR_H

#include <stdarg.h>
#include "objects/object.h"
#include "runtime/state.h"
#include "objects/exc.h"

// True when an exception is set.  Never fails.
static inline bool krErr_occurred(KrThreadState *ts) { return ts->curexc != NULL; }
// The pending exception, borrowed, or NULL.
static inline KrObject *krErr_peek(KrThreadState *ts) { return ts->curexc; }

// Raises `exc`, an exception instance.  Steals `exc`.  Never fails.
void krErr_set_exc(KrThreadState *ts, KrObject *exc);
// Raises `type` called with the single argument `arg` (NULL: no arguments).
// Never fails (if building the exception fails, that failure is raised instead).
void krErr_set_object(KrThreadState *ts, KrTypeObject *type, KrObject *arg);
void krErr_set_none(KrThreadState *ts, KrTypeObject *type);
// Raises `type(msg)`; `msg` is UTF-8.
void krErr_set_string(KrThreadState *ts, KrTypeObject *type, const char *msg);
// Raises `type(message)` built from a printf-like format.  Always returns NULL.
// Conversions: %s (UTF-8 C string, precision allowed: %.200s), %c (int code
// point), %d %i %u %x %ld %lu %lld %llu %zd %zu, %p, %%, and for objects:
//   %S  str(obj)    %R  repr(obj)    %A  ascii(obj)
//   %U  obj, which is a str          %T  the type name of obj ("int")
//   %N  the name of a type object
KrObject *krErr_format(KrThreadState *ts, KrTypeObject *type, const char *fmt, ...);
KrObject *krErr_vformat(KrThreadState *ts, KrTypeObject *type, const char *fmt, va_list va);

// Shorthands.  All return NULL (or set the exception and return NULL).
KrObject *krErr_no_memory(KrThreadState *ts);
// SystemError for an internal misuse at file:line.
KrObject *krErr_bad_internal_call_at(KrThreadState *ts, const char *file, int line);
#define krErr_bad_internal_call(ts) krErr_bad_internal_call_at((ts), __FILE__, __LINE__)
// OSError subclass from errno (with filename, may be NULL).
KrObject *krErr_from_errno(KrThreadState *ts, KrTypeObject *type, KrObject *filename);

// 1 when the pending exception is an instance of `type` (a class, or a tuple of
// classes), else 0.  Never fails.
int krErr_matches(KrThreadState *ts, KrTypeObject *type);
// 1 when exception instance or class `given` matches `exc` (class or tuple).
int krErr_given_matches(KrObject *given, KrObject *exc);

// Takes the pending exception out of the thread state: new reference or NULL.
static inline KrObject *krErr_fetch(KrThreadState *ts) {
    KrObject *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}
// Puts back an exception taken by krErr_fetch (steals `exc`, may be NULL).
void krErr_restore(KrThreadState *ts, KrObject *exc);
void krErr_clear(KrThreadState *ts);

// Sets `exc.__context__` to the exception being handled, if any, the way `raise`
// inside an `except` block does.  Used when C code raises while handling.
void krErr_chain_context(KrThreadState *ts, KrObject *exc);

// Prints "Exception ignored in: <obj repr>" and the traceback of the pending
// exception to sys.stderr and clears it (errors in __del__, callbacks...).
void krErr_write_unraisable(KrThreadState *ts, KrObject *obj);

// Prints the pending exception with its traceback to sys.stderr and clears it.
// Handles SystemExit by the caller, not here.
void krErr_print(KrThreadState *ts);

// The exception being handled (sys.exc_info()[1]): borrowed, or NULL for none.
KrObject *krErr_get_handled(KrThreadState *ts);

// Recursion guards for C code that re-enters Python (repr of nested containers,
// comparisons...).  Enter returns -1 with RecursionError when too deep.  Each
// guard takes one unit of the recursion limit (shared with Python frames, as
// CPython's single counter) and one of a fixed C-depth bound.
int krErr_enter_recursive_call(KrThreadState *ts, const char *where);
static inline void krErr_leave_recursive_call(KrThreadState *ts) {
    ts->c_recursion_remaining++;
    ts->py_recursion_remaining++;
}

#endif
