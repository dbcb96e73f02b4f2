/*
 * eval.c — the eval loop: runs the bytecode of code objects.
 *
 * One C activation of run() executes a whole tree of Python calls: CALL of a
 * Python function pushes the callee's frame on the thread's frame stack and
 * continues in it; RETURN_VALUE pops it and continues in the caller.
 * Generators resumed by FOR_ITER or SEND are linked above the current frame
 * the same way and unlinked by YIELD_VALUE or their return.  The C stack
 * grows only when C code calls back into Python (krFunction_vectorcall,
 * krEval_resume from gen.send...): every such entry marks its frame
 * `is_entry`, and returning from an entry frame leaves run().  Those C
 * re-entries are counted in ts->c_recursion_remaining; Python frames, and
 * the calls CPython counts with them, in ts->py_recursion_remaining.
 *
 * Registers: `frame` (running frame), `next_instr` (next code unit), `sp`
 * (value-stack pointer).  frame->instr_ptr is stored at every dispatch, one
 * past the executing instruction, so krFrame_lasti() always names the
 * instruction that raised; handlers skip their inline caches through
 * `next_instr` only.  While a frame runs, frame->stacktop covers only its
 * fast slots; SAVE_FRAME writes the real depth back before the frame is left.
 *
 * Errors: every failing handler jumps to `error`, which adds a traceback
 * entry and looks the instruction up in the code's exception table
 * (zero-cost exceptions).  A handler found: the value stack is cut to the
 * handler's depth, lasti is pushed when the entry says so, then the
 * exception; otherwise the frame is popped and the search continues in the
 * caller.  Re-raises (RERAISE, bare `raise`, END_ASYNC_FOR) enter at
 * `exception_unwind` and add no traceback entry.  Operands of a failing
 * instruction may stay on the stack (or be replaced by NULL): unwinding uses
 * kr_xdecref.
 *
 * Dispatch: computed goto through a table generated from opcodes.def, or a
 * switch (KR_USE_COMPUTED_GOTO, include/krait/config.h).  Specialised
 * instructions (SPEC entries of opcodes.def, installed by specialize.c) get
 * table slots automatically; their handlers go next to their generic forms
 * and fall back with DEOPT_IF.  Slow paths live in eval_helpers.c,
 * eval_except.c, eval_async.c and eval_match.c, argument binding in call.c.
 * docs/internals/eval.md has the overview.
 */
#include "vm/eval.h"

#include <pthread.h>

#include "compiler/opcode.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/frameobject.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/state.h"
#include "vm/eval_internal.h"
#include "vm/gen.h"
#include "vm/specialize.h"

// Inline cache units after each instruction, from opcodes.def: CACHE_CALL...
enum {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) CACHE_##NAME = (CACHE),
#include "compiler/opcodes.def"
#undef OP
};

// ---------------------------------------------------------------------------
// The macros of the loop (the only ones).

// TARGET(NAME) starts the handler of KR_OP_NAME.  Handlers sit inside one
// switch in both dispatch modes; with computed gotos they also carry a label
// for the dispatch table.
#if KR_USE_COMPUTED_GOTO
#define TARGET(name) op_##name: case KR_OP_##name:
#define GO_TO_OPCODE(op) goto *dispatch_table[(op)]
#else
#define TARGET(name) case KR_OP_##name:
#define GO_TO_OPCODE(op) do { opcode = (op); goto dispatch_switch; } while (0)
#endif

// Fetches the next instruction and jumps to its handler.
#define DISPATCH()                                \
    do {                                          \
        KrCodeUnit word_ = *next_instr++;         \
        frame->instr_ptr = next_instr;            \
        opcode = KR_UNIT_OP(word_);               \
        oparg = KR_UNIT_ARG(word_);               \
        GO_TO_OPCODE(opcode);                     \
    } while (0)

// The running frame's value stack.  PEEK(1) is the top; PEEK(n) is an lvalue.
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-(n)])

// Relative jump in code units, counted from after the instruction's caches.
#define JUMPBY(n) (next_instr += (n))

// In a specialised handler, before its caches are skipped: when a guard
// fails, turn the instruction back into its generic form and run that.
#define DEOPT_IF(cond, BASE)                                   \
    do {                                                       \
        if (__builtin_expect((cond), 0)) {                     \
            krSpec_deopt(next_instr - 1, KR_OP_##BASE);        \
            GO_TO_OPCODE(KR_OP_##BASE);                        \
        }                                                      \
    } while (0)

// Signals, asynchronous exceptions and other requests are noticed here.
#define CHECK_BREAKER()                                                         \
    do {                                                                        \
        if (ts->interp->eval_breaker && krEval_handle_breaker(ts) < 0) goto error; \
    } while (0)

// Moves the registers out of / into the running frame (when switching frames).
#define SAVE_FRAME() (frame->instr_ptr = next_instr, frame->stacktop = (int)(sp - frame->localsplus))
#define LOAD_FRAME()                                                       \
    (next_instr = frame->instr_ptr, sp = frame->localsplus + frame->stacktop, \
     frame->stacktop = frame->code->co_nlocalsplus)

// ---------------------------------------------------------------------------
// Fast paths

// a <op> b on two tagged ints when the result is a tagged int; NULL when the
// generic path must decide (overflow, division by zero, true division...).
static inline KrObject *smallint_binop(int op, KrObject *a, KrObject *b) {
    int64_t x = kr_smallint_value(a), y = kr_smallint_value(b), r;
    if (op >= KR_NB_INPLACE_ADD) op -= KR_NB_INPLACE_ADD;  // ints are immutable
    switch (op) {
    case KR_NB_ADD: r = x + y; break;
    case KR_NB_SUBTRACT: r = x - y; break;
    case KR_NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r)) return NULL;
        break;
    case KR_NB_AND: return kr_smallint(x & y);
    case KR_NB_OR: return kr_smallint(x | y);
    case KR_NB_XOR: return kr_smallint(x ^ y);
    case KR_NB_FLOOR_DIVIDE:
        if (y == 0) return NULL;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
        break;
    case KR_NB_REMAINDER:
        if (y == 0) return NULL;
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case KR_NB_LSHIFT:
        if (y < 0 || y > 62) return NULL;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) return NULL;
        break;
    case KR_NB_RSHIFT:
        if (y < 0) return NULL;
        r = y > 62 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    default: return NULL;
    }
    if (!kr_smallint_fits(r)) return NULL;
    return kr_smallint(r);
}

// a <op> b on two doubles for the operators that cannot raise; false when
// the generic path must decide.
static inline bool float_binop(int op, double x, double y, double *out) {
    if (op >= KR_NB_INPLACE_ADD) op -= KR_NB_INPLACE_ADD;
    switch (op) {
    case KR_NB_ADD: *out = x + y; return true;
    case KR_NB_SUBTRACT: *out = x - y; return true;
    case KR_NB_MULTIPLY: *out = x * y; return true;
    case KR_NB_TRUE_DIVIDE:
        if (y == 0.0) return false;
        *out = x / y;
        return true;
    default: return false;
    }
}

static inline bool compare_i64(int op, int64_t x, int64_t y) {
    switch (op) {
    case KR_LT: return x < y;
    case KR_LE: return x <= y;
    case KR_EQ: return x == y;
    case KR_NE: return x != y;
    case KR_GT: return x > y;
    default: return x >= y;
    }
}

static inline bool compare_double(int op, double x, double y) {
    switch (op) {
    case KR_LT: return x < y;
    case KR_LE: return x <= y;
    case KR_EQ: return x == y;
    case KR_NE: return x != y;
    case KR_GT: return x > y;
    default: return x >= y;
    }
}

// container[sub] for an exact list or tuple and a tagged int index in range:
// borrowed, or NULL (the generic path then decides).
static inline KrObject *seq_item_fast(KrObject *container, KrObject *sub) {
    if (!kr_is_smallint(sub)) return NULL;
    int64_t i = kr_smallint_value(sub);
    if (krList_check_exact(container)) {
        KrSsize n = KR_LIST_SIZE(container);
        if (i < 0) i += n;
        return (i >= 0 && i < n) ? KR_LIST_GET(container, i) : NULL;
    }
    if (krTuple_check_exact(container)) {
        KrSsize n = KR_TUPLE_SIZE(container);
        if (i < 0) i += n;
        return (i >= 0 && i < n) ? KR_TUPLE_GET(container, i) : NULL;
    }
    return NULL;
}

// A bound of a slice with step 1 over a sequence of length n: None gives
// `dflt`, a tagged int counts from the end when negative and is clamped to
// [0, n].  false for anything else (the generic path then decides).
static inline bool slice_bound(KrObject *v, KrSsize n, KrSsize dflt, KrSsize *out) {
    if (v == KR_NONE) {
        *out = dflt;
        return true;
    }
    if (!kr_is_smallint(v)) return false;
    int64_t i = kr_smallint_value(v);
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    } else if (i > n) {
        i = n;
    }
    *out = (KrSsize)i;
    return true;
}

// container[start:stop] for an exact list, tuple or str and bounds that are
// tagged ints or None, without making the slice object: true with *res (NULL
// on memory exhaustion), or false when the fast path does not apply.
static inline bool slice_fast(KrThreadState *ts, KrObject *container, KrObject *start, KrObject *stop,
                              KrObject **res) {
    if (kr_is_smallint(container)) return false;
    KrTypeObject *t = KR_TYPE(container);
    KrSsize n;
    if (t == &KrList_Type) n = KR_LIST_SIZE(container);
    else if (t == &KrTuple_Type) n = KR_TUPLE_SIZE(container);
    else if (t == &KrStr_Type) n = krStr_len(container);
    else return false;
    KrSsize lo, hi;
    if (!slice_bound(start, n, 0, &lo) || !slice_bound(stop, n, n, &hi)) return false;
    if (hi < lo) hi = lo;
    *res = t == &KrList_Type    ? krList_slice(ts, container, lo, hi)
           : t == &KrTuple_Type ? krTuple_slice(ts, container, lo, hi)
                                : krStr_substring(ts, container, lo, hi);
    return true;
}

// Calls a built-in method descriptor (list.append and the like, reached
// through LOAD_METHOD) on self = args[0] directly, skipping the descriptor's
// generic call path.  Returns false when the fast path does not apply.
static inline bool call_method_descr(KrThreadState *ts, KrObject *callable, KrObject *const *args, KrSsize nargs,
                                     KrObject **res) {
    KrMethodDescrObject *d = (KrMethodDescrObject *)callable;
    if (nargs < 1 || !kr_type_check(args[0], d->d_type)) return false;
    const KrMethodDef *def = d->d_method;
    switch (def->flags & (KR_METH_NOARGS | KR_METH_O | KR_METH_FAST | KR_METH_FASTKW)) {
    case KR_METH_O:
        if (nargs != 2) return false;
        *res = ((KrCFuncO)def->func)(ts, args[0], args[1]);
        return true;
    case KR_METH_NOARGS:
        if (nargs != 1) return false;
        *res = ((KrCFuncNoArgs)def->func)(ts, args[0]);
        return true;
    case KR_METH_FAST:
        *res = ((KrCFuncFast)def->func)(ts, args[0], args + 1, nargs - 1);
        return true;
    case KR_METH_FASTKW:
        *res = ((KrCFuncFastKw)def->func)(ts, args[0], args + 1, nargs - 1, NULL);
        return true;
    default:
        return false;
    }
}

// For a call of `type`: its __init__ when the call can be run as
// object.__new__ followed by a Python __init__ (metaclass `type`, no
// __new__ of its own), else NULL.  Borrowed.  Never fails.
static inline KrObject *class_init_function(KrTypeObject *type) {
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE) || type->tp_new != KrBaseObject_Type.tp_new) return NULL;
    KrObject *init = krType_lookup(type, KR_ID(__init__));
    return (init != NULL && krFunction_check(init)) ? init : NULL;
}

// Calls a built-in function (len, isinstance...) directly with its C
// convention.  Returns false when the fast path does not apply.
static inline bool call_builtin(KrThreadState *ts, KrObject *callable, KrObject *const *args, KrSsize nargs,
                                KrObject *kw, KrObject **res) {
    KrCFunctionObject *f = (KrCFunctionObject *)callable;
    const KrMethodDef *def = f->def;
    uint32_t kind = def->flags & (KR_METH_NOARGS | KR_METH_O | KR_METH_FAST | KR_METH_FASTKW);
    if (kw != NULL) {
        if (kind != KR_METH_FASTKW) return false;
        *res = ((KrCFuncFastKw)def->func)(ts, f->self, args, nargs, kw);
        return true;
    }
    switch (kind) {
    case KR_METH_O:
        if (nargs != 1) return false;
        *res = ((KrCFuncO)def->func)(ts, f->self, args[0]);
        return true;
    case KR_METH_FAST:
        *res = ((KrCFuncFast)def->func)(ts, f->self, args, nargs);
        return true;
    case KR_METH_FASTKW:
        *res = ((KrCFuncFastKw)def->func)(ts, f->self, args, nargs, NULL);
        return true;
    default:
        return false;
    }
}

// Pushes the frame for calling the Python function `fn`, moving the
// arguments into it (stolen, also on failure).  NULL with an exception.
static inline KrFrame *push_function_frame(KrThreadState *ts, KrFunctionObject *fn, KrObject *const *args,
                                           KrSsize npos, KrObject *kw) {
    KrCodeObject *co = (KrCodeObject *)fn->func_code;
    if (kw == NULL && npos == co->co_argcount && co->co_kwonlyargcount == 0 &&
        !(co->co_flags & (KR_CO_VARARGS | KR_CO_VARKEYWORDS))) {
        KrFrame *f = krFrame_push_fast(ts, co, (KrObject *)fn, fn->func_globals, fn->func_builtins);
        if (f != NULL) {
            for (KrSsize i = 0; i < npos; i++) f->localsplus[i] = args[i];
            return f;
        }
    }
    return krCall_push_frame(ts, fn, args, npos, kw);
}

// A class call run inline: base is [NULL, class, args...].  Allocates the
// instance (object.__new__ semantics) into base[0] and pushes the frame of
// `init` with self = the instance and the arguments (stolen); base[1] is
// overwritten, the caller still owns the class.  Like CPython, the class
// call counts one level of recursion on top of the __init__ frame (given back
// when the frame is popped).  NULL with an exception, the stack then holding
// only base[0] (the instance, or NULL).
static KrFrame *push_init_frame(KrThreadState *ts, KrObject **base, KrObject *init, KrSsize npos, KrObject *kw) {
    KrTypeObject *type = (KrTypeObject *)base[1];
    if (krFrame_enter_recursion_where(ts, KR_CALL_RECURSION_WHERE) < 0) goto fail;
    KrObject *obj = type->tp_new(ts, type, base + 2, npos, kw);
    if (obj == NULL) {
        krFrame_leave_recursion(ts);
        goto fail;
    }
    base[0] = obj;
    base[1] = kr_newref(obj);
    KrFrame *f = krCall_push_frame(ts, (KrFunctionObject *)init, base + 1, npos + 1, kw);
    if (f == NULL) {
        krFrame_leave_recursion(ts);
        return NULL;
    }
    f->is_init = 1;
    return f;
fail:
    // Release the arguments (the caller releases the class).
    for (KrSsize i = 0; i < npos + (kw ? KR_TUPLE_SIZE(kw) : 0); i++) kr_decref(base[2 + i]);
    return NULL;
}

// Takes a unit of the recursion limit for a call (the common case inline).
static inline int enter_call_unit(KrThreadState *ts) {
    if (__builtin_expect(ts->py_recursion_remaining > 0, 1)) {
        ts->py_recursion_remaining--;
        return 0;
    }
    return krFrame_enter_recursion_where(ts, KR_CALL_RECURSION_WHERE);
}

// Calls any object other than a Python function: built-in functions and
// method descriptors directly, everything else through its tp_call.  The
// call takes a unit of the recursion limit where CPython's would (`warm`:
// the calling code has warmed up, see krEval_call_counts).
__attribute__((always_inline)) static inline KrObject *call_object(KrThreadState *ts, KrObject *callable,
                                                                  KrObject *const *args, KrSsize npos,
                                                                  KrObject *kw, bool warm) {
    KrObject *res;
    KrTypeObject *ctype = KR_TYPE(callable);
    bool cfunc = ctype == &KrCFunction_Type;
    if (cfunc || ctype == &KrMethodDescr_Type) {
        // A method descriptor with keywords goes through the generic entry,
        // which counts the call itself.
        if (!cfunc && kw != NULL)
            return krObj_vectorcall(ts, callable, args, (size_t)npos | KR_VECTORCALL_ARGS_OFFSET, kw);
        const KrMethodDef *def =
            cfunc ? ((KrCFunctionObject *)callable)->def : ((KrMethodDescrObject *)callable)->d_method;
        bool counted = !warm || krEval_builtin_call_counts(callable, def, cfunc);
        if (counted && enter_call_unit(ts) < 0) return NULL;
        bool done = cfunc ? call_builtin(ts, callable, args, npos, kw, &res)
                          : call_method_descr(ts, callable, args, npos, &res);
        if (counted) krFrame_leave_recursion(ts);
        if (done) return res;
        return krObj_vectorcall(ts, callable, args, (size_t)npos | KR_VECTORCALL_ARGS_OFFSET, kw);
    }
    bool counted = krEval_call_counts(callable, npos, kw, !warm);
    if (counted && enter_call_unit(ts) < 0) return NULL;
    res = krObj_vectorcall(ts, callable, args, (size_t)npos | KR_VECTORCALL_ARGS_OFFSET, kw);
    if (counted) krFrame_leave_recursion(ts);
    return res;
}

// Counts a RESUME or backward jump of code that is not warm yet; when code
// first warms up, the exceptions krEval_call_counts needs are loaded.
static void warm_up(KrThreadState *ts, KrCodeObject *code) {
    krSpec_warmup(code);
    if (krSpec_is_warm(code) && !kr_call_exceptions.ready) krEval_load_call_exceptions(ts);
}

// Truth of `cond`, consuming the reference: 1, 0, or -1 with an exception.
static inline int pop_truth(KrThreadState *ts, KrObject *cond) {
    if (cond == KR_TRUE) return 1;
    if (cond == KR_FALSE) return 0;
    int t = krObj_is_true(ts, cond);
    kr_decref(cond);
    return t;
}

// ---------------------------------------------------------------------------
// Generators run inline

// Can the loop resume `o` inline for FOR_ITER / SEND with `value`?
static inline bool gen_inlinable(KrObject *o, KrObject *value) {
    if (!krGen_check(o) && !krCoro_check(o)) return false;
    KrGenObject *gen = (KrGenObject *)o;
    if (gen->gi_frame_state == KR_GEN_SUSPENDED) return true;
    return gen->gi_frame_state == KR_GEN_CREATED && value == KR_NONE;
}

// Links `gen`'s frame above `caller` and pushes `value` (stolen on success)
// as the result of its pending yield.  NULL with RecursionError.
static KrFrame *gen_push_inline(KrThreadState *ts, KrGenObject *gen, KrFrame *caller, KrObject *value, int kind,
                                int jump) {
    if (krFrame_enter_recursion(ts) < 0) return NULL;
    KrFrame *gf = &gen->gi_frame;
    gf->localsplus[gf->stacktop++] = value;
    gen->gi_frame_state = KR_GEN_RUNNING;
    gen->gi_resume_kind = (uint8_t)kind;
    gen->gi_exit_jump = jump;
    gen->gi_exc_state.previous = ts->exc_info;
    ts->exc_info = &gen->gi_exc_state;
    gf->previous = caller;
    gf->is_entry = 0;
    return gf;
}

// The generator's frame yielded: it stops running, its frame stays.
static void gen_suspend(KrThreadState *ts, KrGenObject *gen) {
    gen->gi_frame_state = KR_GEN_SUSPENDED;
    ts->exc_info = gen->gi_exc_state.previous;
    gen->gi_exc_state.previous = NULL;
    gen->gi_frame.previous = NULL;
    gen->gi_frame.is_entry = 0;
    krFrame_leave_recursion(ts);
}

// The generator's frame returned or raised: it is finished for good.
static void gen_finish(KrThreadState *ts, KrGenObject *gen) {
    gen->gi_frame_state = KR_GEN_COMPLETED;
    ts->exc_info = gen->gi_exc_state.previous;
    gen->gi_exc_state.previous = NULL;
    KR_CLEAR(gen->gi_exc_state.exc_value);
    krFrame_leave_recursion(ts);
    krFrame_clear(&gen->gi_frame);
    gen->gi_frame.previous = NULL;
    gen->gi_frame.is_entry = 0;
}

// PEP 479: a StopIteration escaping a generator (or StopAsyncIteration an
// async generator) becomes RuntimeError, caused by it.
static void gen_convert_stop_iteration(KrThreadState *ts, KrGenObject *gen) {
    const char *msg;
    if (krErr_matches(ts, &KrExc_StopIteration)) {
        msg = krCoro_check((KrObject *)gen)       ? "coroutine raised StopIteration"
              : krAsyncGen_check((KrObject *)gen) ? "async generator raised StopIteration"
                                                  : "generator raised StopIteration";
    } else if (krAsyncGen_check((KrObject *)gen) && krErr_matches(ts, &KrExc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    } else {
        return;
    }
    KrObject *cause = krErr_fetch(ts);
    krErr_set_string(ts, &KrExc_RuntimeError, msg);
    KrObject *exc = krErr_peek(ts);
    if (exc != NULL && krExc_check(exc)) {
        krExc_set_cause(exc, kr_newref(cause));
        ((KrBaseExceptionObject *)exc)->suppress_context = true;
        krExc_set_context(exc, cause);
    } else {
        kr_decref(cause);
    }
}

// ---------------------------------------------------------------------------
// The loop

static KrObject *run(KrThreadState *ts, KrFrame *entry, bool throwing) {
#if KR_USE_COMPUTED_GOTO
    static const void *const dispatch_table[256] = {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) [KR_OP_##NAME] = &&op_##NAME,
#define SPEC(NAME, BASE) [KR_OP_##NAME] = &&op_##NAME,
#include "compiler/opcodes.def"
#undef SPEC
#undef OP
        [KR_OP__NREAL] = &&op_unknown,
        [KR_OP__NEXEC... 255] = &&op_unknown,
    };
#endif
    KrFrame *const entry_prev = entry->previous;
    KrFrame *frame = entry;
    KrCodeUnit *next_instr;
    KrObject **sp;
    int opcode = 0, oparg = 0;
    KrObject *kwnames = NULL;   // set by KW_NAMES for the next CALL (borrowed)
    KrSsize restored_lasti = -1; // set by RERAISE for exception_unwind
    KrFrame *callee = NULL;      // a frame to enter (enter_callee)
    KrObject *result;

    LOAD_FRAME();
    if (throwing) goto error_thrown;
    DISPATCH();

#if !KR_USE_COMPUTED_GOTO
dispatch_switch:
#endif
    switch (opcode) {

        TARGET(NOP) {
            DISPATCH();
        }

        TARGET(POP_TOP) {
            KrObject *v = POP();
            kr_xdecref(v);
            DISPATCH();
        }

        TARGET(PUSH_NULL) {
            PUSH(NULL);
            DISPATCH();
        }

        TARGET(RESUME) {
            if (__builtin_expect(!krSpec_is_warm(frame->code), 0)) warm_up(ts, frame->code);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(COPY) {
            KrObject *v = PEEK(oparg);
            kr_xincref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(SWAP) {
            KrObject *top = PEEK(1);
            PEEK(1) = PEEK(oparg);
            PEEK(oparg) = top;
            DISPATCH();
        }

        TARGET(EXTENDED_ARG) {
            KrCodeUnit word = *next_instr++;
            frame->instr_ptr = next_instr;
            opcode = KR_UNIT_OP(word);
            oparg = oparg << 8 | KR_UNIT_ARG(word);
            GO_TO_OPCODE(opcode);
        }

        // ---- unary and binary operators

        TARGET(UNARY_POSITIVE) {
            KrObject *v = PEEK(1);
            KrObject *res = kr_is_smallint(v) ? v : krNum_positive(ts, v);
            kr_decref(v);
            PEEK(1) = res;
            if (res == NULL) goto error;
            DISPATCH();
        }

        TARGET(UNARY_NEGATIVE) {
            KrObject *v = PEEK(1), *res;
            if (kr_is_smallint(v) && kr_smallint_fits(-kr_smallint_value(v))) {
                res = kr_smallint(-kr_smallint_value(v));
            } else {
                res = krNum_negative(ts, v);
                kr_decref(v);
            }
            PEEK(1) = res;
            if (res == NULL) goto error;
            DISPATCH();
        }

        TARGET(UNARY_NOT) {
            KrObject *v = PEEK(1);
            int t = (v == KR_TRUE) ? 1 : (v == KR_FALSE) ? 0 : krObj_is_true(ts, v);
            if (t < 0) goto error;
            kr_decref(v);
            PEEK(1) = kr_bool(!t);
            DISPATCH();
        }

        TARGET(UNARY_INVERT) {
            KrObject *v = PEEK(1), *res;
            if (kr_is_smallint(v)) {
                res = kr_smallint(~kr_smallint_value(v));
            } else {
                res = krNum_invert(ts, v);
                kr_decref(v);
            }
            PEEK(1) = res;
            if (res == NULL) goto error;
            DISPATCH();
        }

        TARGET(BINARY_OP) {
            KrObject *rhs = PEEK(1), *lhs = PEEK(2), *res;
            if (kr_is_smallint(lhs) && kr_is_smallint(rhs)) {
                res = smallint_binop(oparg, lhs, rhs);
                if (res != NULL) {
                    sp--;
                    PEEK(1) = res;
                    JUMPBY(CACHE_BINARY_OP);
                    DISPATCH();
                }
            } else if (krFloat_check_exact(lhs) && krFloat_check_exact(rhs)) {
                double r;
                if (float_binop(oparg, krFloat_value(lhs), krFloat_value(rhs), &r)) {
                    res = krFloat_new(ts, r);
                    if (res == NULL) goto error;
                    sp--;
                    kr_decref(lhs);
                    kr_decref(rhs);
                    PEEK(1) = res;
                    JUMPBY(CACHE_BINARY_OP);
                    DISPATCH();
                }
            }
            res = krNum_binary_op(ts, lhs, rhs, oparg);
            sp--;
            kr_decref(lhs);
            kr_decref(rhs);
            PEEK(1) = res;
            if (res == NULL) goto error;
            JUMPBY(CACHE_BINARY_OP);
            DISPATCH();
        }

        TARGET(COMPARE_OP) {
            KrObject *rhs = PEEK(1), *lhs = PEEK(2), *res;
            if (kr_is_smallint(lhs) && kr_is_smallint(rhs)) {
                res = kr_bool(compare_i64(oparg, kr_smallint_value(lhs), kr_smallint_value(rhs)));
            } else if (krFloat_check_exact(lhs) && krFloat_check_exact(rhs)) {
                res = kr_bool(compare_double(oparg, krFloat_value(lhs), krFloat_value(rhs)));
                kr_decref(lhs);
                kr_decref(rhs);
            } else {
                res = krObj_richcompare(ts, lhs, rhs, oparg);
                kr_decref(lhs);
                kr_decref(rhs);
            }
            sp--;
            PEEK(1) = res;
            if (res == NULL) goto error;
            JUMPBY(CACHE_COMPARE_OP);
            DISPATCH();
        }

        TARGET(IS_OP) {
            KrObject *rhs = POP(), *lhs = PEEK(1);
            bool r = (lhs == rhs) ^ (oparg != 0);
            kr_xdecref(rhs);
            kr_xdecref(lhs);
            PEEK(1) = kr_bool(r);
            DISPATCH();
        }

        TARGET(CONTAINS_OP) {
            KrObject *rhs = PEEK(1), *lhs = PEEK(2);
            int r = krObj_contains(ts, rhs, lhs);
            if (r < 0) goto error;
            sp--;
            kr_decref(rhs);
            kr_decref(lhs);
            PEEK(1) = kr_bool(r ^ (oparg != 0));
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR) {
            KrObject *sub = PEEK(1), *container = PEEK(2);
            KrObject *res = seq_item_fast(container, sub);
            if (res != NULL) {
                kr_incref(res);
            } else if (krDict_check_exact(container) && (res = krDict_get(ts, container, sub)) != NULL) {
                kr_incref(res);
            } else {
                if (krErr_occurred(ts)) goto error;
                res = krObj_getitem(ts, container, sub);
                if (res == NULL) goto error;
            }
            sp--;
            kr_decref(sub);
            kr_decref(container);
            PEEK(1) = res;
            JUMPBY(CACHE_BINARY_SUBSCR);
            DISPATCH();
        }

        TARGET(STORE_SUBSCR) {
            KrObject *sub = PEEK(1), *container = PEEK(2), *v = PEEK(3);
            if (kr_is_smallint(sub) && krList_check_exact(container)) {
                int64_t i = kr_smallint_value(sub);
                KrSsize n = KR_LIST_SIZE(container);
                if (i < 0) i += n;
                if (i >= 0 && i < n) {
                    KrObject *old = KR_LIST_GET(container, i);
                    KR_LIST_SET(container, i, v);
                    sp -= 3;
                    kr_decref(old);
                    kr_decref(container);
                    JUMPBY(CACHE_STORE_SUBSCR);
                    DISPATCH();
                }
            }
            int err = krDict_check_exact(container) ? krDict_set(ts, container, sub, v)
                                                    : krObj_setitem(ts, container, sub, v);
            if (err) goto error;
            sp -= 3;
            kr_decref(sub);
            kr_decref(container);
            kr_decref(v);
            JUMPBY(CACHE_STORE_SUBSCR);
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR) {
            KrObject *sub = PEEK(1), *container = PEEK(2);
            if (krObj_delitem(ts, container, sub) < 0) goto error;
            sp -= 2;
            kr_decref(sub);
            kr_decref(container);
            DISPATCH();
        }

        TARGET(BUILD_SLICE) {
            KrObject *res;
            if (oparg == 2 && KR_UNIT_OP(*next_instr) == KR_OP_BINARY_SUBSCR &&
                slice_fast(ts, PEEK(3), PEEK(2), PEEK(1), &res)) {
                // container[a:b] with the BINARY_SUBSCR that follows done here.
                kr_decref(PEEK(1));
                kr_decref(PEEK(2));
                kr_decref(PEEK(3));
                sp -= 2;
                PEEK(1) = res;
                if (res == NULL) goto error;
                JUMPBY(1 + CACHE_BINARY_SUBSCR);
                DISPATCH();
            }
            KrObject *step = oparg == 3 ? POP() : NULL;
            KrObject *stop = POP(), *start = PEEK(1);
            KrObject *slice = krSlice_new(ts, start, stop, step);
            kr_decref(start);
            kr_decref(stop);
            kr_xdecref(step);
            PEEK(1) = slice;
            if (slice == NULL) goto error;
            DISPATCH();
        }

        // ---- names

        TARGET(LOAD_CONST) {
            KrObject *v = KR_TUPLE_GET(frame->code->co_consts, oparg);
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_FAST) {
            KrObject *v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_FAST) {
            KrObject *v = POP();
            kr_setref(&frame->localsplus[oparg], v);
            DISPATCH();
        }

        // Superinstructions: the second instruction's unit follows; it is
        // fetched here, and becomes the current instruction for errors.
        TARGET(LOAD_FAST__LOAD_FAST) {
            KrObject *v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            oparg = KR_UNIT_ARG(*next_instr);
            frame->instr_ptr = ++next_instr;
            v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_FAST__LOAD_CONST) {
            KrObject *v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            oparg = KR_UNIT_ARG(*next_instr);
            frame->instr_ptr = ++next_instr;
            v = KR_TUPLE_GET(frame->code->co_consts, oparg);
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_CONST__LOAD_FAST) {
            KrObject *v = KR_TUPLE_GET(frame->code->co_consts, oparg);
            kr_incref(v);
            PUSH(v);
            oparg = KR_UNIT_ARG(*next_instr);
            frame->instr_ptr = ++next_instr;
            v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_FAST__LOAD_FAST) {
            KrObject *v = POP();
            kr_setref(&frame->localsplus[oparg], v);
            oparg = KR_UNIT_ARG(*next_instr);
            frame->instr_ptr = ++next_instr;
            v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_FAST__STORE_FAST) {
            KrObject *v = POP();
            kr_setref(&frame->localsplus[oparg], v);
            oparg = KR_UNIT_ARG(*next_instr);
            frame->instr_ptr = ++next_instr;
            v = POP();
            kr_setref(&frame->localsplus[oparg], v);
            DISPATCH();
        }

        TARGET(DELETE_FAST) {
            KrObject *v = frame->localsplus[oparg];
            if (v == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            frame->localsplus[oparg] = NULL;
            kr_decref(v);
            DISPATCH();
        }

        TARGET(LOAD_NAME) {
            KrObject *name = KR_TUPLE_GET(frame->code->co_names, oparg);
            KrObject *v = NULL;
            if (frame->locals != NULL && krDict_check_exact(frame->locals)) v = krDict_get_str(frame->locals, name);
            if (v != NULL) {
                kr_incref(v);
            } else {
                v = krEval_load_name(ts, frame, name);
                if (v == NULL) goto error;
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_NAME) {
            KrObject *name = KR_TUPLE_GET(frame->code->co_names, oparg);
            KrObject *v = PEEK(1);
            int err = (frame->locals != NULL && krDict_check_exact(frame->locals))
                          ? krDict_set(ts, frame->locals, name, v)
                          : krEval_store_name(ts, frame, name, v);
            if (err) goto error;
            sp--;
            kr_decref(v);
            DISPATCH();
        }

        TARGET(DELETE_NAME) {
            if (krEval_delete_name(ts, frame, KR_TUPLE_GET(frame->code->co_names, oparg)) < 0) goto error;
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL) {
            KrObject *name = KR_TUPLE_GET(frame->code->co_names, oparg >> 1);
            KrObject *v;
            if (next_instr[0] == 0)
                krSpec_load_global(frame, next_instr - 1, name);
            else
                next_instr[0]--;
            if (krDict_check_exact(frame->globals) && krDict_check_exact(frame->builtins)) {
                v = krDict_get_str(frame->globals, name);
                if (v == NULL) v = krDict_get_str(frame->builtins, name);
                if (v == NULL) {
                    krEval_name_error(ts, name);
                    goto error;
                }
                kr_incref(v);
            } else {
                v = krEval_load_global(ts, frame, name);
                if (v == NULL) goto error;
            }
            if (oparg & 1) PUSH(NULL);
            PUSH(v);
            JUMPBY(CACHE_LOAD_GLOBAL);
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL_MODULE) {
            KrObject *g = frame->globals;
            DEOPT_IF(((KrDictObject *)g)->keys_version != krSpec_read_u32(next_instr + 2), LOAD_GLOBAL);
            KrObject *v = krDict_value_at(g, next_instr[1]);
            DEOPT_IF(v == NULL, LOAD_GLOBAL);
            kr_incref(v);
            if (oparg & 1) PUSH(NULL);
            PUSH(v);
            JUMPBY(CACHE_LOAD_GLOBAL);
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL_BUILTIN) {
            KrObject *g = frame->globals, *b = frame->builtins;
            DEOPT_IF(((KrDictObject *)g)->keys_version != krSpec_read_u32(next_instr + 2), LOAD_GLOBAL);
            DEOPT_IF(!krDict_check(b) || ((KrDictObject *)b)->keys_version != next_instr[0], LOAD_GLOBAL);
            KrObject *v = krDict_value_at(b, next_instr[1]);
            DEOPT_IF(v == NULL, LOAD_GLOBAL);
            kr_incref(v);
            if (oparg & 1) PUSH(NULL);
            PUSH(v);
            JUMPBY(CACHE_LOAD_GLOBAL);
            DISPATCH();
        }

        TARGET(STORE_GLOBAL) {
            KrObject *v = PEEK(1);
            if (krDict_set(ts, frame->globals, KR_TUPLE_GET(frame->code->co_names, oparg), v) < 0) goto error;
            sp--;
            kr_decref(v);
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL) {
            if (krEval_delete_global(ts, frame, KR_TUPLE_GET(frame->code->co_names, oparg)) < 0) goto error;
            DISPATCH();
        }

        TARGET(MAKE_CELL) {
            KrObject *cell = krCell_new(ts, frame->localsplus[oparg]);
            if (cell == NULL) goto error;
            kr_setref(&frame->localsplus[oparg], cell);
            DISPATCH();
        }

        TARGET(LOAD_CLOSURE) {
            KrObject *cell = frame->localsplus[oparg];
            if (cell == NULL) {
                krEval_unbound_local_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(cell);
            PUSH(cell);
            DISPATCH();
        }

        TARGET(LOAD_DEREF) {
            KrObject *v = ((KrCellObject *)frame->localsplus[oparg])->ref;
            if (v == NULL) {
                krEval_unbound_deref_error(ts, frame->code, oparg);
                goto error;
            }
            kr_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_DEREF) {
            KrObject *v = POP();
            kr_setref(&((KrCellObject *)frame->localsplus[oparg])->ref, v);
            DISPATCH();
        }

        TARGET(DELETE_DEREF) {
            KrCellObject *cell = (KrCellObject *)frame->localsplus[oparg];
            if (cell->ref == NULL) {
                krEval_unbound_deref_error(ts, frame->code, oparg);
                goto error;
            }
            KR_CLEAR(cell->ref);
            DISPATCH();
        }

        TARGET(LOAD_CLASSDEREF) {
            KrObject *v = krEval_load_classderef(ts, frame, oparg);
            if (v == NULL) goto error;
            PUSH(v);
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS) {
            KrObject *closure = ((KrFunctionObject *)frame->func)->func_closure;
            int offset = frame->code->co_nlocalsplus - oparg;
            for (int i = 0; i < oparg; i++) frame->localsplus[offset + i] = kr_newref(KR_TUPLE_GET(closure, i));
            DISPATCH();
        }

        // ---- attributes

        TARGET(LOAD_ATTR) {
            KrObject *owner = PEEK(1), *name = KR_TUPLE_GET(frame->code->co_names, oparg);
            if (next_instr[0] == 0)
                krSpec_load_attr(owner, next_instr - 1, name);
            else
                next_instr[0]--;
            KrObject *res = krObj_getattr(ts, owner, name);
            kr_decref(owner);
            PEEK(1) = res;
            if (res == NULL) goto error;
            JUMPBY(CACHE_LOAD_ATTR);
            DISPATCH();
        }

        TARGET(STORE_ATTR) {
            KrObject *owner = PEEK(1), *v = PEEK(2), *name = KR_TUPLE_GET(frame->code->co_names, oparg);
            if (krObj_setattr(ts, owner, name, v) < 0) goto error;
            // Specialise after the store: the attribute now exists in the shape.
            if (next_instr[0] == 0)
                krSpec_store_attr(owner, next_instr - 1, name);
            else
                next_instr[0]--;
            sp -= 2;
            kr_decref(owner);
            kr_decref(v);
            JUMPBY(CACHE_STORE_ATTR);
            DISPATCH();
        }

        TARGET(LOAD_ATTR_INSTANCE_VALUE) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner)->tp_version != krSpec_read_u32(next_instr + 1), LOAD_ATTR);
            KrInstAttrs *attrs = krObj_attrs(owner);
            DEOPT_IF(attrs->shape == NULL || attrs->shape->id != krSpec_read_u32(next_instr + 3), LOAD_ATTR);
            KrObject *res = attrs->values[next_instr[5]];
            DEOPT_IF(res == NULL, LOAD_ATTR);
            kr_incref(res);
            PEEK(1) = res;
            kr_decref(owner);
            JUMPBY(CACHE_LOAD_ATTR);
            DISPATCH();
        }

        TARGET(LOAD_ATTR_PROPERTY) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner)->tp_version != krSpec_read_u32(next_instr + 1), LOAD_ATTR);
            KrFunctionObject *fget = krSpec_read_ptr(next_instr + 3);
            JUMPBY(CACHE_LOAD_ATTR);
            // The getter's result replaces the owner, which becomes its argument.
            sp--;
            callee = push_function_frame(ts, fget, sp, 1, NULL);
            if (callee == NULL) goto error;
            goto enter_callee;
        }

        TARGET(LOAD_ATTR_MODULE) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner) != &KrModule_Type, LOAD_ATTR);
            KrObject *dict = krModule_dict(owner);
            DEOPT_IF(((KrDictObject *)dict)->keys_version != krSpec_read_u32(next_instr + 1), LOAD_ATTR);
            KrObject *res = krDict_value_at(dict, next_instr[3]);
            DEOPT_IF(res == NULL, LOAD_ATTR);
            kr_incref(res);
            PEEK(1) = res;
            kr_decref(owner);
            JUMPBY(CACHE_LOAD_ATTR);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_MODULE) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner) != &KrModule_Type, LOAD_METHOD);
            KrObject *dict = krModule_dict(owner);
            DEOPT_IF(((KrDictObject *)dict)->keys_version != krSpec_read_u32(next_instr + 1), LOAD_METHOD);
            KrObject *res = krDict_value_at(dict, next_instr[3]);
            DEOPT_IF(res == NULL, LOAD_METHOD);
            kr_incref(res);
            PEEK(1) = NULL;      // [NULL, attribute]
            PUSH(res);
            kr_decref(owner);
            JUMPBY(CACHE_LOAD_METHOD);
            DISPATCH();
        }

        TARGET(STORE_ATTR_INSTANCE_VALUE) {
            KrObject *owner = PEEK(1), *v = PEEK(2);
            DEOPT_IF(KR_TYPE(owner)->tp_version != (uint32_t)next_instr[3], STORE_ATTR);
            KrInstAttrs *attrs = krObj_attrs(owner);
            DEOPT_IF(attrs->shape == NULL || attrs->shape->id != krSpec_read_u32(next_instr), STORE_ATTR);
            KrObject **slot = &attrs->values[next_instr[2]];
            KrObject *old = *slot;
            *slot = v;
            sp -= 2;
            kr_xdecref(old);
            kr_decref(owner);
            JUMPBY(CACHE_STORE_ATTR);
            DISPATCH();
        }

        TARGET(DELETE_ATTR) {
            KrObject *owner = PEEK(1);
            if (krObj_delattr(ts, owner, KR_TUPLE_GET(frame->code->co_names, oparg)) < 0) goto error;
            sp--;
            kr_decref(owner);
            DISPATCH();
        }

        TARGET(LOAD_METHOD) {
            KrObject *owner = PEEK(1), *meth = NULL, *name = KR_TUPLE_GET(frame->code->co_names, oparg);
            if (next_instr[0] == 0)
                krSpec_load_method(owner, next_instr - 1, name);
            else
                next_instr[0]--;
            int found = krObj_get_method(ts, owner, name, &meth);
            if (found < 0) goto error;
            if (found) {
                PEEK(1) = meth;      // [method, self]
                PUSH(owner);
            } else {
                PEEK(1) = NULL;      // [NULL, attribute]
                PUSH(meth);
                kr_decref(owner);
            }
            JUMPBY(CACHE_LOAD_METHOD);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_WITH_VALUES) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner)->tp_version != krSpec_read_u32(next_instr), LOAD_METHOD);
            KrInstAttrs *attrs = krObj_attrs(owner);
            uint32_t shape_id = attrs->shape ? attrs->shape->id : 0;
            DEOPT_IF(attrs->dict != NULL || shape_id != krSpec_read_u32(next_instr + 2), LOAD_METHOD);
            KrObject *meth = krSpec_read_ptr(next_instr + 4);
            kr_incref(meth);
            PEEK(1) = meth;
            PUSH(owner);
            JUMPBY(CACHE_LOAD_METHOD);
            DISPATCH();
        }

        TARGET(LOAD_METHOD_NO_DICT) {
            KrObject *owner = PEEK(1);
            DEOPT_IF(KR_TYPE(owner)->tp_version != krSpec_read_u32(next_instr), LOAD_METHOD);
            KrObject *meth = krSpec_read_ptr(next_instr + 4);
            kr_incref(meth);
            PEEK(1) = meth;
            PUSH(owner);
            JUMPBY(CACHE_LOAD_METHOD);
            DISPATCH();
        }

        // ---- containers

        TARGET(BUILD_TUPLE) {
            KrObject *t = krTuple_from_array_steal(ts, sp - oparg, oparg);
            sp -= oparg;
            PUSH(t);
            if (t == NULL) goto error;
            DISPATCH();
        }

        TARGET(BUILD_LIST) {
            KrObject *list = krList_new(ts, oparg);
            if (list == NULL) goto error;
            for (int i = oparg - 1; i >= 0; i--) KR_LIST_SET(list, i, POP());
            PUSH(list);
            DISPATCH();
        }

        TARGET(BUILD_SET) {
            KrObject *set = krEval_build_set(ts, sp - oparg, oparg);
            for (int i = 0; i < oparg; i++) kr_decref(POP());
            PUSH(set);
            if (set == NULL) goto error;
            DISPATCH();
        }

        TARGET(BUILD_MAP) {
            KrObject *map = krEval_build_map(ts, sp - 2 * oparg, oparg);
            for (int i = 0; i < 2 * oparg; i++) kr_decref(POP());
            PUSH(map);
            if (map == NULL) goto error;
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP) {
            KrObject *keys = POP();
            KrObject *map = krEval_build_const_key_map(ts, sp - oparg, keys);
            kr_decref(keys);
            for (int i = 0; i < oparg; i++) kr_decref(POP());
            PUSH(map);
            if (map == NULL) goto error;
            DISPATCH();
        }

        TARGET(BUILD_STRING) {
            KrObject *s = krEval_build_string(ts, sp - oparg, oparg);
            for (int i = 0; i < oparg; i++) kr_decref(POP());
            PUSH(s);
            if (s == NULL) goto error;
            DISPATCH();
        }

        TARGET(LIST_APPEND) {
            KrObject *v = POP();
            int err = krList_append(ts, PEEK(oparg), v);
            kr_decref(v);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(SET_ADD) {
            KrObject *v = POP();
            int err = krSet_add(ts, PEEK(oparg), v);
            kr_decref(v);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(MAP_ADD) {
            KrObject *value = POP(), *key = POP();
            int err = krDict_set(ts, PEEK(oparg), key, value);
            kr_decref(key);
            kr_decref(value);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(LIST_EXTEND) {
            KrObject *iterable = POP();
            int err = krEval_list_extend(ts, PEEK(oparg), iterable);
            kr_decref(iterable);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(SET_UPDATE) {
            KrObject *iterable = POP();
            int err = krSet_update(ts, PEEK(oparg), iterable);
            kr_decref(iterable);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(DICT_UPDATE) {
            KrObject *update = POP();
            int err = krEval_dict_update(ts, PEEK(oparg), update);
            kr_decref(update);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(DICT_MERGE) {
            KrObject *update = POP();
            int err = krEval_dict_merge(ts, PEEK(oparg + 2), PEEK(oparg), update);
            kr_decref(update);
            if (err) goto error;
            DISPATCH();
        }

        TARGET(LIST_TO_TUPLE) {
            KrObject *list = PEEK(1);
            KrObject *t = krList_as_tuple(ts, list);
            kr_decref(list);
            PEEK(1) = t;
            if (t == NULL) goto error;
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE) {
            KrObject *seq = POP();
            if (krTuple_check_exact(seq) && KR_TUPLE_SIZE(seq) == oparg) {
                for (int i = oparg - 1; i >= 0; i--) PUSH(kr_newref(KR_TUPLE_GET(seq, i)));
            } else if (krList_check_exact(seq) && KR_LIST_SIZE(seq) == oparg) {
                for (int i = oparg - 1; i >= 0; i--) PUSH(kr_newref(KR_LIST_GET(seq, i)));
            } else {
                int err = krEval_unpack(ts, seq, oparg, -1, sp);
                if (err < 0) {
                    kr_decref(seq);
                    goto error;
                }
                sp += oparg;
            }
            kr_decref(seq);
            JUMPBY(CACHE_UNPACK_SEQUENCE);
            DISPATCH();
        }

        TARGET(UNPACK_EX) {
            KrObject *seq = POP();
            int before = oparg & 0xFF, after = oparg >> 8;
            int err = krEval_unpack(ts, seq, before, after, sp);
            kr_decref(seq);
            if (err < 0) goto error;
            sp += before + 1 + after;
            DISPATCH();
        }

        // ---- jumps

        TARGET(JUMP_FORWARD) {
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD) {
            if (__builtin_expect(!krSpec_is_warm(frame->code), 0)) warm_up(ts, frame->code);
            JUMPBY(-oparg);
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
            JUMPBY(-oparg);
            DISPATCH();
        }

        TARGET(POP_JUMP_FORWARD_IF_FALSE) {
            int t = pop_truth(ts, POP());
            if (t < 0) goto error;
            if (!t) JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(POP_JUMP_FORWARD_IF_TRUE) {
            int t = pop_truth(ts, POP());
            if (t < 0) goto error;
            if (t) JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(POP_JUMP_FORWARD_IF_NONE) {
            KrObject *v = POP();
            if (v == KR_NONE) JUMPBY(oparg);
            kr_decref(v);
            DISPATCH();
        }

        TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) {
            KrObject *v = POP();
            if (v != KR_NONE) JUMPBY(oparg);
            kr_decref(v);
            DISPATCH();
        }

        TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
            int t = pop_truth(ts, POP());
            if (t < 0) goto error;
            if (!t) {
                JUMPBY(-oparg);
                CHECK_BREAKER();
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
            int t = pop_truth(ts, POP());
            if (t < 0) goto error;
            if (t) {
                JUMPBY(-oparg);
                CHECK_BREAKER();
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_BACKWARD_IF_NONE) {
            KrObject *v = POP();
            kr_decref(v);
            if (v == KR_NONE) {
                JUMPBY(-oparg);
                CHECK_BREAKER();
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
            KrObject *v = POP();
            bool jump = v != KR_NONE;
            kr_decref(v);
            if (jump) {
                JUMPBY(-oparg);
                CHECK_BREAKER();
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_FALSE_OR_POP) {
            KrObject *cond = PEEK(1);
            int t = (cond == KR_TRUE) ? 1 : (cond == KR_FALSE) ? 0 : krObj_is_true(ts, cond);
            if (t < 0) goto error;
            if (!t) {
                JUMPBY(oparg);
            } else {
                sp--;
                kr_decref(cond);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_TRUE_OR_POP) {
            KrObject *cond = PEEK(1);
            int t = (cond == KR_TRUE) ? 1 : (cond == KR_FALSE) ? 0 : krObj_is_true(ts, cond);
            if (t < 0) goto error;
            if (t) {
                JUMPBY(oparg);
            } else {
                sp--;
                kr_decref(cond);
            }
            DISPATCH();
        }

        // ---- iteration

        TARGET(GET_ITER) {
            KrObject *iterable = PEEK(1);
            KrObject *it = krObj_get_iter(ts, iterable);
            kr_decref(iterable);
            PEEK(1) = it;
            if (it == NULL) goto error;
            DISPATCH();
        }

        TARGET(FOR_ITER) {
            KrObject *iter = PEEK(1);
            if (krGen_check(iter) && gen_inlinable(iter, KR_NONE)) {
                KrFrame *gf = gen_push_inline(ts, (KrGenObject *)iter, frame, KR_NONE, KR_RESUME_FOR_ITER, oparg);
                if (gf == NULL) goto error;
                SAVE_FRAME();
                frame = gf;
                ts->frame = frame;
                LOAD_FRAME();
                DISPATCH();
            }
            KrObject *next = KR_TYPE(iter)->tp_iternext(ts, iter);
            if (next != NULL) {
                PUSH(next);
                DISPATCH();
            }
            if (krErr_occurred(ts)) {
                if (!krErr_matches(ts, &KrExc_StopIteration)) goto error;
                krErr_clear(ts);
            }
            sp--;
            kr_decref(iter);
            JUMPBY(oparg);
            DISPATCH();
        }

        // ---- calls

        TARGET(KW_NAMES) {
            kwnames = KR_TUPLE_GET(frame->code->co_consts, oparg);
            DISPATCH();
        }

        TARGET(CALL) {
            KrObject **base = sp - oparg - 2;   // [NULL, callable, args...] or [method, self, args...]
            if (base[0] == NULL && krMethod_check(base[1])) {
                // Unpack a bound method into [function, self] so a Python
                // function runs inline.
                KrMethodObject *m = (KrMethodObject *)base[1];
                base[0] = kr_newref(m->im_func);
                base[1] = kr_newref(m->im_self);
                kr_decref((KrObject *)m);
            }
            bool method = base[0] != NULL;
            KrObject *callable = method ? base[0] : base[1];
            KrObject **args = method ? base + 1 : base + 2;
            KrSsize total = oparg + method;
            KrObject *kw = kwnames;
            kwnames = NULL;
            KrSsize npos = total - (kw ? KR_TUPLE_SIZE(kw) : 0);
            JUMPBY(CACHE_CALL);
            if (krFunction_check(callable)) {
                callee = push_function_frame(ts, (KrFunctionObject *)callable, args, npos, kw);
                sp = base;
                kr_decref(callable);
                if (callee == NULL) goto error;
                goto enter_callee;
            }
            KrObject *init;
            if (!method && KR_TYPE(callable) == &KrType_Type &&
                (init = class_init_function((KrTypeObject *)callable)) != NULL) {
                // The instance waits in the NULL slot and becomes the result.
                callee = push_init_frame(ts, base, init, npos, kw);
                sp = base + 1;
                kr_decref(callable);
                if (callee == NULL) goto error;
                goto enter_callee;
            }
            KrObject *res = call_object(ts, callable, args, npos, kw, krSpec_is_warm(frame->code));
            for (KrSsize i = 0; i < total; i++) kr_decref(args[i]);
            kr_decref(callable);
            sp = base;
            PUSH(res);
            if (res == NULL) goto error;
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(CALL_FUNCTION_EX) {
            int has_kw = oparg & 1;
            KrObject **base = sp - 3 - has_kw;  // [NULL, callable, args, kwargs?]
            KrObject *func = base[1];
            if (!krTuple_check_exact(base[2])) {
                KrObject *t = krEval_ex_args_tuple(ts, func, base[2]);
                if (t == NULL) goto error;
                kr_setref(&base[2], t);
            }
            if (has_kw && !krDict_check_exact(base[3])) {
                KrObject *d = krEval_ex_kwargs_dict(ts, func, base[3]);
                if (d == NULL) goto error;
                kr_setref(&base[3], d);
            }
            KrObject *callargs = base[2], *kwargs = has_kw ? base[3] : NULL;
            KrObject *res = NULL;
            if (krFunction_check(func)) {
                callee = krCall_push_frame_ex(ts, (KrFunctionObject *)func, callargs, kwargs);
            } else {
                // (Built-ins count in their generic entry.)
                KrTypeObject *ft = KR_TYPE(func);
                bool counted = ft != &KrCFunction_Type && ft != &KrMethodDescr_Type &&
                               krEval_call_counts(func, KR_TUPLE_SIZE(callargs), kwargs, true);
                if (!counted || krFrame_enter_recursion_where(ts, KR_CALL_RECURSION_WHERE) == 0) {
                    res = krObj_call(ts, func, callargs, kwargs);
                    if (counted) krFrame_leave_recursion(ts);
                }
            }
            bool python = krFunction_check(func);
            sp = base;
            kr_decref(func);
            kr_decref(callargs);
            kr_xdecref(kwargs);
            if (python) {
                if (callee == NULL) goto error;
                goto enter_callee;
            }
            PUSH(res);
            if (res == NULL) goto error;
            CHECK_BREAKER();
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION) {
            KrObject *code = PEEK(1);
            KrFunctionObject *func = (KrFunctionObject *)krFunction_new(ts, code, frame->globals);
            if (func == NULL) goto error;
            sp--;
            kr_decref(code);
            if (oparg & 0x08) func->func_closure = POP();
            if (oparg & 0x04) func->func_annotations = POP();
            if (oparg & 0x02) func->func_kwdefaults = POP();
            if (oparg & 0x01) func->func_defaults = POP();
            PUSH((KrObject *)func);
            DISPATCH();
        }

        TARGET(RETURN_VALUE) {
            KrObject *retval = POP();
            SAVE_FRAME();
            KrFrame *caller = frame->previous;
            bool entry_frame = frame->is_entry;
            ts->frame = caller;
            if (frame->owner == KR_FRAME_OWNED_BY_GENERATOR) {
                KrGenObject *gen = krGen_from_frame(frame);
                int kind = gen->gi_resume_kind, jump = gen->gi_exit_jump;
                gen_finish(ts, gen);
                if (entry_frame) {
                    result = retval;
                    goto exit_loop;
                }
                frame = caller;
                LOAD_FRAME();
                if (kind == KR_RESUME_FOR_ITER) {
                    // The loop ends; the return value is dropped.
                    kr_decref(retval);
                    KrObject *it = POP();
                    kr_decref(it);
                } else {
                    // `yield from` / await evaluates to the return value.
                    KrObject *receiver = PEEK(1);
                    PEEK(1) = retval;
                    kr_decref(receiver);
                }
                JUMPBY(jump);
                DISPATCH();
            }
            bool init_frame = frame->is_init;
            if (init_frame) krFrame_leave_recursion(ts);
            krFrame_pop_fast(ts, frame);
            if (entry_frame) {
                result = retval;
                goto exit_loop;
            }
            frame = caller;
            LOAD_FRAME();
            if (init_frame) {
                // The instance is already in place; __init__ must return None.
                if (retval != KR_NONE) {
                    krErr_format(ts, &KrExc_TypeError, "__init__() should return None, not '%T'", retval);
                    kr_decref(retval);
                    goto error;
                }
                DISPATCH();
            }
            PUSH(retval);
            DISPATCH();
        }

        TARGET(RETURN_GENERATOR) {
            SAVE_FRAME();
            KrObject *gen = krGen_new_from_frame(ts, frame);
            if (gen == NULL) goto error;
            KrFrame *caller = frame->previous;
            bool entry_frame = frame->is_entry;
            ts->frame = caller;
            krFrame_pop(ts, frame);
            if (entry_frame) {
                result = gen;
                goto exit_loop;
            }
            frame = caller;
            LOAD_FRAME();
            PUSH(gen);
            DISPATCH();
        }

        TARGET(YIELD_VALUE) {
            KrObject *value = POP();
            SAVE_FRAME();
            KrFrame *caller = frame->previous;
            bool entry_frame = frame->is_entry;
            ts->frame = caller;
            gen_suspend(ts, krGen_from_frame(frame));
            if (entry_frame) {
                result = value;
                goto exit_loop;
            }
            frame = caller;
            LOAD_FRAME();
            PUSH(value);
            DISPATCH();
        }

        TARGET(SEND) {
            KrObject *v = PEEK(1), *receiver = PEEK(2);
            if (gen_inlinable(receiver, v)) {
                KrFrame *gf = gen_push_inline(ts, (KrGenObject *)receiver, frame, v, KR_RESUME_SEND, oparg);
                if (gf == NULL) goto error;
                sp--;   // the value moved to the generator
                SAVE_FRAME();
                frame = gf;
                ts->frame = frame;
                LOAD_FRAME();
                DISPATCH();
            }
            KrObject *res;
            sp--;
            int r = krEval_send(ts, receiver, v, &res);
            if (r < 0) goto error;
            if (r == 0) {
                PEEK(1) = res;
                kr_decref(receiver);
                JUMPBY(oparg);
            } else {
                PUSH(res);
            }
            DISPATCH();
        }

        TARGET(GET_YIELD_FROM_ITER) {
            KrObject *iterable = PEEK(1);
            KrObject *it = krEval_get_yield_from_iter(ts, frame, iterable);
            kr_decref(iterable);
            PEEK(1) = it;
            if (it == NULL) goto error;
            DISPATCH();
        }

        TARGET(GET_AWAITABLE) {
            KrObject *iterable = PEEK(1);
            KrObject *it = krEval_get_awaitable(ts, iterable, oparg);
            kr_decref(iterable);
            PEEK(1) = it;
            if (it == NULL) goto error;
            DISPATCH();
        }

        TARGET(GET_AITER) {
            KrObject *obj = PEEK(1);
            KrObject *it = krEval_get_aiter(ts, obj);
            kr_decref(obj);
            PEEK(1) = it;
            if (it == NULL) goto error;
            DISPATCH();
        }

        TARGET(GET_ANEXT) {
            KrObject *awaitable = krEval_get_anext(ts, PEEK(1));
            PUSH(awaitable);
            if (awaitable == NULL) goto error;
            DISPATCH();
        }

        TARGET(END_ASYNC_FOR) {
            KrObject *exc = POP();
            if (krErr_given_matches(exc, (KrObject *)&KrExc_StopAsyncIteration)) {
                kr_decref(exc);
                kr_decref(POP());
                DISPATCH();
            }
            krErr_restore(ts, exc);
            goto exception_unwind;
        }

        TARGET(BEFORE_ASYNC_WITH) {
            KrObject *mgr = PEEK(1), *exit = NULL;
            KrObject *res = krEval_before_with(ts, mgr, &exit, true);
            if (res == NULL) goto error;
            PEEK(1) = exit;
            kr_decref(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(ASYNC_GEN_WRAP) {
            KrObject *v = PEEK(1);
            KrObject *w = krAsyncGen_wrap_value(ts, v);
            kr_decref(v);
            PEEK(1) = w;
            if (w == NULL) goto error;
            DISPATCH();
        }

        // ---- exceptions

        TARGET(RAISE_VARARGS) {
            KrObject *cause = NULL, *exc = NULL;
            if (oparg >= 2) cause = POP();
            if (oparg >= 1) exc = POP();
            if (krEval_do_raise(ts, exc, cause)) goto exception_unwind;
            goto error;
        }

        TARGET(RERAISE) {
            if (oparg) {
                // The frame's lasti goes back to the instruction that first
                // raised (f_lineno, and the lasti pushed for outer handlers);
                // the handler search still starts from this instruction.
                KrObject *lasti = PEEK(oparg + 1);
                if (!kr_is_smallint(lasti)) {
                    krErr_set_string(ts, &KrExc_SystemError, "lasti is not an int");
                    goto error;
                }
                restored_lasti = kr_smallint_value(lasti);
            }
            krErr_restore(ts, POP());
            goto exception_unwind;
        }

        TARGET(PUSH_EXC_INFO) {
            KrObject *value = PEEK(1);
            KrExcInfo *info = ts->exc_info;
            PEEK(1) = info->exc_value != NULL ? info->exc_value : kr_none();
            info->exc_value = kr_newref(value);
            PUSH(value);
            DISPATCH();
        }

        TARGET(POP_EXCEPT) {
            KrExcInfo *info = ts->exc_info;
            KrObject *old = info->exc_value;
            info->exc_value = POP();
            kr_xdecref(old);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH) {
            KrObject *type = PEEK(1);
            int r = krEval_check_exc_match(ts, PEEK(2), type);
            if (r < 0) goto error;
            kr_decref(type);
            PEEK(1) = kr_bool(r);
            DISPATCH();
        }

        TARGET(CHECK_EG_MATCH) {
            KrObject *type = PEEK(1), *exc = PEEK(2), *match, *rest;
            if (krEval_check_eg_match(ts, exc, type, &match, &rest) < 0) goto error;
            kr_decref(type);
            if (match == KR_NONE) {
                // No match: [exc, None].
                kr_decref(rest);
                PEEK(1) = match;
            } else {
                // [rest, match]; the matched part is the handled exception.
                PEEK(2) = rest;
                PEEK(1) = match;
                kr_decref(exc);
                kr_setref(&ts->exc_info->exc_value, kr_newref(match));
            }
            DISPATCH();
        }

        TARGET(PREP_RERAISE_STAR) {
            KrObject *excs = PEEK(1), *orig = PEEK(2);
            KrObject *res = krExcGroup_prep_reraise_star(ts, orig, excs);
            if (res == NULL) goto error;
            sp--;
            kr_decref(excs);
            kr_decref(orig);
            PEEK(1) = res;
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR) {
            PUSH(kr_newref((KrObject *)&KrExc_AssertionError));
            DISPATCH();
        }

        TARGET(BEFORE_WITH) {
            KrObject *mgr = PEEK(1), *exit = NULL;
            KrObject *res = krEval_before_with(ts, mgr, &exit, false);
            if (res == NULL) goto error;
            PEEK(1) = exit;
            kr_decref(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START) {
            KrObject *res = krEval_with_except_start(ts, PEEK(4), PEEK(1));
            if (res == NULL) goto error;
            PUSH(res);
            DISPATCH();
        }

        // ---- pattern matching

        TARGET(GET_LEN) {
            KrSsize n = krObj_length(ts, PEEK(1));
            if (n < 0) goto error;
            KrObject *len = krInt_from_ssize(ts, n);
            if (len == NULL) goto error;
            PUSH(len);
            DISPATCH();
        }

        TARGET(MATCH_MAPPING) {
            bool is_mapping = kr_check_flag(PEEK(1), KR_TPFLAGS_MAPPING);
            PUSH(kr_bool(is_mapping));
            DISPATCH();
        }

        TARGET(MATCH_SEQUENCE) {
            bool is_sequence = kr_check_flag(PEEK(1), KR_TPFLAGS_SEQUENCE);
            PUSH(kr_bool(is_sequence));
            DISPATCH();
        }

        TARGET(MATCH_KEYS) {
            KrObject *values = krEval_match_keys(ts, PEEK(2), PEEK(1));
            if (values == NULL) goto error;
            PUSH(values);
            DISPATCH();
        }

        TARGET(MATCH_CLASS) {
            KrObject *names = PEEK(1), *type = PEEK(2), *subject = PEEK(3);
            KrObject *attrs = krEval_match_class(ts, subject, type, oparg, names);
            if (attrs == NULL) goto error;
            sp -= 2;
            kr_decref(names);
            kr_decref(type);
            kr_decref(subject);
            PEEK(1) = attrs;
            DISPATCH();
        }

        // ---- modules, classes, formatting

        TARGET(IMPORT_NAME) {
            KrObject *fromlist = PEEK(1), *level = PEEK(2);
            KrObject *module =
                krEval_import_name(ts, frame, KR_TUPLE_GET(frame->code->co_names, oparg), fromlist, level);
            if (module == NULL) goto error;
            sp--;
            kr_decref(fromlist);
            kr_decref(level);
            PEEK(1) = module;
            DISPATCH();
        }

        TARGET(IMPORT_FROM) {
            KrObject *v = krImport_from(ts, PEEK(1), KR_TUPLE_GET(frame->code->co_names, oparg));
            if (v == NULL) goto error;
            PUSH(v);
            DISPATCH();
        }

        TARGET(IMPORT_STAR) {
            KrObject *module = PEEK(1);
            if (krEval_import_star(ts, frame, module) < 0) goto error;
            sp--;
            kr_decref(module);
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS) {
            KrObject *bc = krEval_load_build_class(ts, frame);
            if (bc == NULL) goto error;
            PUSH(bc);
            DISPATCH();
        }

        TARGET(SETUP_ANNOTATIONS) {
            if (krEval_setup_annotations(ts, frame) < 0) goto error;
            DISPATCH();
        }

        TARGET(PRINT_EXPR) {
            KrObject *v = PEEK(1);
            if (krEval_print_expr(ts, v) < 0) goto error;
            sp--;
            kr_decref(v);
            DISPATCH();
        }

        TARGET(FORMAT_VALUE) {
            KrObject *spec = (oparg & 4) ? POP() : NULL;
            KrObject *value = PEEK(1), *res;
            if ((oparg & 3) == 0 && spec == NULL && krStr_check_exact(value)) {
                res = value;
            } else {
                res = krEval_format_value(ts, value, oparg & 3, spec);
                kr_xdecref(spec);
                kr_decref(value);
            }
            PEEK(1) = res;
            if (res == NULL) goto error;
            DISPATCH();
        }

        TARGET(CACHE) {
            krErr_set_string(ts, &KrExc_SystemError, "executed a CACHE unit");
            goto error;
        }

#if KR_USE_COMPUTED_GOTO
    op_unknown:
#endif
        default:
            krErr_format(ts, &KrExc_SystemError, "unknown opcode %d", opcode);
            goto error;
    }

enter_callee:
    // Continue in the frame `callee` just pushed for a call: no C recursion.
    SAVE_FRAME();
    callee->previous = frame;
    frame = callee;
    ts->frame = frame;
    LOAD_FRAME();
    DISPATCH();

error:
    // A C function may have failed without saying why.
    if (!krErr_occurred(ts)) krErr_set_string(ts, &KrExc_SystemError, "error return without exception set");
error_thrown:
    krTraceback_add(ts, krErr_peek(ts), frame, krFrame_lasti(frame));
exception_unwind: {
    KrSsize here = krFrame_lasti(frame);
    if (restored_lasti >= 0) {
        frame->instr_ptr = frame->code->co_code_adaptive + restored_lasti + 1;
        restored_lasti = -1;
    }
    KrObject **stack_base = frame->localsplus + frame->code->co_nlocalsplus;
    KrSsize target;
    int depth;
    bool push_lasti;
    kwnames = NULL;
    if (here >= 0 && krSpec_find_handler(frame->code, here, &target, &depth, &push_lasti)) {
        while (sp > stack_base + depth) {
            KrObject *v = POP();
            kr_xdecref(v);
        }
        if (push_lasti) PUSH(kr_smallint(krFrame_lasti(frame)));
        PUSH(krErr_fetch(ts));
        next_instr = frame->code->co_code_adaptive + target;
        DISPATCH();
    }
    // No handler here: leave the frame and keep unwinding in the caller.
    while (sp > stack_base) {
        KrObject *v = POP();
        kr_xdecref(v);
    }
    SAVE_FRAME();
    KrFrame *caller = frame->previous;
    bool entry_frame = frame->is_entry;
    ts->frame = caller;
    if (frame->owner == KR_FRAME_OWNED_BY_GENERATOR) {
        KrGenObject *gen = krGen_from_frame(frame);
        gen_convert_stop_iteration(ts, gen);
        gen_finish(ts, gen);
    } else {
        if (frame->is_init) krFrame_leave_recursion(ts);
        krFrame_pop(ts, frame);
    }
    if (entry_frame) {
        result = NULL;
        goto exit_loop;
    }
    frame = caller;
    LOAD_FRAME();
    goto error;
}

exit_loop:
    ts->frame = entry_prev;
    return result;
}

// ---------------------------------------------------------------------------
// Entry points

// Room left below the eval loop's entry for the C code that runs between
// two entries (sorting, formatting, imports...): a quarter of the stack, at
// most this much.
#define C_STACK_MARGIN ((uintptr_t)512 * 1024)

// The lowest address at which the loop may still be entered on this thread.
static uintptr_t compute_stack_limit(void) {
    pthread_attr_t attr;
    void *low = NULL;
    size_t size = 0;
    uintptr_t limit = 1;   // unknown: rely on the counter alone
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &low, &size) == 0 && size > 0) {
            uintptr_t margin = size / 4 < C_STACK_MARGIN ? size / 4 : C_STACK_MARGIN;
            limit = (uintptr_t)low + margin;
        }
        pthread_attr_destroy(&attr);
    }
    return limit;
}

// Counts a C-level entry into the loop: 0, or -1 with RecursionError.  Both
// the count and the C stack actually left are checked: frames of C code
// between two entries (a sort's key function, a __repr__...) differ in size.
static int enter_c_recursion(KrThreadState *ts) {
    char here;
    if (ts->c_stack_limit == 0) ts->c_stack_limit = compute_stack_limit();
    if (ts->c_recursion_remaining <= 0 || (uintptr_t)&here < ts->c_stack_limit) {
        krErr_set_string(ts, &KrExc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    ts->c_recursion_remaining--;
    return 0;
}

KrObject *krEval_frame(KrThreadState *ts, KrFrame *f) {
    if (enter_c_recursion(ts) < 0) {
        krFrame_pop(ts, f);
        return NULL;
    }
    f->previous = ts->frame;
    f->is_entry = 1;
    ts->frame = f;
    KrObject *res = run(ts, f, false);
    ts->c_recursion_remaining++;
    return res;
}

KrObject *krEval_resume(KrThreadState *ts, KrFrame *f, KrObject *value) {
    KrGenObject *gen = krGen_from_frame(f);
    if (enter_c_recursion(ts) < 0) {
        kr_xdecref(value);
        return NULL;
    }
    if (krFrame_enter_recursion(ts) < 0) {
        ts->c_recursion_remaining++;
        kr_xdecref(value);
        return NULL;
    }
    if (value != NULL) f->localsplus[f->stacktop++] = value;
    gen->gi_frame_state = KR_GEN_RUNNING;
    gen->gi_resume_kind = KR_RESUME_FROM_C;
    gen->gi_exc_state.previous = ts->exc_info;
    ts->exc_info = &gen->gi_exc_state;
    f->previous = ts->frame;
    f->is_entry = 1;
    ts->frame = f;
    KrObject *res = run(ts, f, value == NULL);
    ts->c_recursion_remaining++;
    return res;
}

KrObject *krEval_code(KrThreadState *ts, KrObject *code, KrObject *globals, KrObject *locals) {
    KrCodeObject *co = (KrCodeObject *)code;
    if (locals == NULL) locals = globals;
    if (co->co_nfreevars > 0) {
        krErr_set_string(ts, &KrExc_TypeError, "code object passed to exec() may not contain free variables");
        return NULL;
    }
    // Module and exec code runs in a throw-away function object, which keeps
    // the globals and builtins alive for the frame (see frame.h).
    KrFunctionObject *func = (KrFunctionObject *)krFunction_new(ts, code, globals);
    if (func == NULL) return NULL;
    KrFrame *f = krFrame_push(ts, co, (KrObject *)func, func->func_globals, func->func_builtins, locals);
    kr_decref((KrObject *)func);
    if (f == NULL) return NULL;
    return krEval_frame(ts, f);
}

KrObject *krEval_class_body(KrThreadState *ts, KrObject *func, KrObject *ns) {
    KrFrame *f = krCall_push_frame(ts, (KrFunctionObject *)func, NULL, 0, NULL);
    if (f == NULL) return NULL;
    f->locals = kr_newref(ns);
    return krEval_frame(ts, f);
}

KrObject *krEval_get_globals(KrThreadState *ts) { return ts->frame ? ts->frame->globals : NULL; }

KrObject *krEval_get_builtins(KrThreadState *ts) {
    return ts->frame ? ts->frame->builtins : ts->interp->builtins;
}

KrObject *krEval_get_locals(KrThreadState *ts) {
    if (ts->frame == NULL) {
        krErr_set_string(ts, &KrExc_SystemError, "frame does not exist");
        return NULL;
    }
    KrObject *locals = krFrame_fast_to_locals(ts, ts->frame);
    return locals ? kr_newref(locals) : NULL;
}
