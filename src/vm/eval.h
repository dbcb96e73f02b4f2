/*
 * eval.h — running code: the eval loop and its entry points.
 * Owner of: eval.c (the loop), eval_helpers.c and eval_match.c (its slow
 * paths), call.c (calling Python functions from C), gen.c (generators and
 * coroutines).
 */
#ifndef KR_EVAL_H
#define KR_EVAL_H

#include "objects/object.h"
#include "vm/frame.h"

// Runs `code` (module, class body or exec/eval code) with the given globals and
// locals mapping (locals may equal globals; NULL means globals).  The
// builtins come from globals['__builtins__'] or the interpreter's.  New reference.
KrObject *krEval_code(KrThreadState *ts, KrObject *code, KrObject *globals, KrObject *locals);

// Runs frame `f` (already pushed, arguments bound) until it returns; pops it.
// New reference, or NULL with an exception.
KrObject *krEval_frame(KrThreadState *ts, KrFrame *f);

// The vectorcall entry of Python functions: binds arguments (raising CPython's
// TypeErrors), pushes a frame and runs it.
KrObject *krFunction_vectorcall(KrThreadState *ts, KrObject *func, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames);

// Runs the body of a class statement: the code of `func` (a function made by
// the compiler for the class body) with `ns` as its locals mapping.  Returns
// the value the body returns (the __class__ cell, or None).  New reference.
KrObject *krEval_class_body(KrThreadState *ts, KrObject *func, KrObject *ns);

// Globals, locals and builtins of the innermost running Python frame
// (borrowed; NULL when no frame is running).  Never fail except locals(),
// which may build a dict (new reference, NULL on error).
KrObject *krEval_get_globals(KrThreadState *ts);
KrObject *krEval_get_builtins(KrThreadState *ts);
KrObject *krEval_get_locals(KrThreadState *ts);

// Handles the eval-breaker bits: signals (KeyboardInterrupt), async
// exceptions, GIL drop requests.  0 or -1.
int krEval_handle_breaker(KrThreadState *ts);

// Runs the Python-level handler of signal `sig` when it is pending: set by
// the signal module when imported (src/modules/signal.c); NULL before, when
// SIGINT raises KeyboardInterrupt directly.  0 or -1.
extern int (*krEval_signal_hook)(KrThreadState *ts, int sig);

#endif
