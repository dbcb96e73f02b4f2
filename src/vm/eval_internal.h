/*
 * eval_internal.h — what the eval loop shares with its companion files:
 * argument binding (call.c), the slow paths of instructions
 * (eval_helpers.c, eval_match.c) and generator resumption (gen.c).
 * Not for use outside src/vm and the runtime objects owned by the same
 * engineer (func.c, frameobject.c, traceback.c).
 */
#ifndef KR_EVAL_INTERNAL_H
#define KR_EVAL_INTERNAL_H

#include "objects/object.h"
#include "objects/func.h"
#include "objects/descr.h"
#include "runtime/state.h"
#include "vm/frame.h"

// ---------------------------------------------------------------------------
// call.c

// Pushes a frame for calling the Python function `func` and binds the
// vectorcall arguments args[0 .. nargs + len(kwnames)) to its parameters,
// raising CPython's TypeErrors.  STEALS the references to all the arguments,
// on success and on failure; `func` is borrowed (the frame takes its own
// reference).  Returns the frame (not yet linked or running) or NULL.
KrFrame *krCall_push_frame(KrThreadState *ts, KrFunctionObject *func, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames);
// Same with the arguments as a tuple and a dict of keywords (may be NULL);
// both borrowed.  For CALL_FUNCTION_EX.
KrFrame *krCall_push_frame_ex(KrThreadState *ts, KrFunctionObject *func, KrObject *args, KrObject *kwargs);

// ---------------------------------------------------------------------------
// eval.c

// Resumes the generator frame `f` (owned by a generator, not running) from C,
// as an entry frame.  When `value` is non-NULL it is pushed as the result of
// the pending yield (stolen); when NULL, the pending exception is raised at the
// suspension point (gen.throw).  Returns the yielded or returned value (the
// generator's state says which), or NULL with an exception.
KrObject *krEval_resume(KrThreadState *ts, KrFrame *f, KrObject *value);

// ---------------------------------------------------------------------------
// eval_helpers.c: slow paths.  All return NULL / -1 with an exception set on
// failure; ownership as stated.

// RAISE_VARARGS: raises `exc` (class or instance; NULL = re-raise) with
// `cause` (NULL = none given).  Steals exc and cause.  Returns 1 for a
// re-raise (do not add a traceback entry), 0 otherwise; an exception is set
// in both cases.
int krEval_do_raise(KrThreadState *ts, KrObject *exc, KrObject *cause);

// ---------------------------------------------------------------------------
// Which calls count against the recursion limit
//
// CPython 3.11 checks the recursion limit on calls of built-in functions and
// method descriptors (in their vectorcall entries) and of objects without a
// vectorcall entry (classes other than a few built-in ones, instances with
// __call__, slot wrappers); Python functions and bound methods count through
// their frame only.  Its specialised call instructions, which exist once the
// calling code has warmed up, skip the check for METH_FASTCALL built-ins,
// len(), list.append, type(x), str(x), tuple(x).  Krait counts the same
// calls, so that deep recursion stops at the same depth with the same
// message.

// Where a counted call reports running out of the recursion limit.
#define KR_CALL_RECURSION_WHERE " while calling a Python object"

// The exceptions to the rules by calling convention: method definitions and
// built-in classes, in a small open-addressing set of pointers.
#define KR_CALL_EXCEPTIONS_SIZE 128
typedef struct {
    bool ready;
    const void *keys[KR_CALL_EXCEPTIONS_SIZE];
} KrCallExceptions;
extern KrCallExceptions kr_call_exceptions;
// Fills kr_call_exceptions (once the built-ins exist).  Called when code first
// warms up.  Never fails.
void krEval_load_call_exceptions(KrThreadState *ts);

static inline size_t krEval_call_exception_hash(const void *key) {
    // Fibonacci hashing: neighbouring pointers (entries of one method table)
    // land far apart.  The top 7 bits index the 128 slots.
    return (size_t)(((uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull) >> 57);
}

__attribute__((always_inline)) static inline bool krEval_call_exception(const void *key) {
    for (size_t h = krEval_call_exception_hash(key); kr_call_exceptions.keys[h] != NULL;
         h = (h + 1) & (KR_CALL_EXCEPTIONS_SIZE - 1))
        if (kr_call_exceptions.keys[h] == key) return true;
    return false;
}

// krEval_call_counts for a class.
bool krEval_class_call_counts(KrTypeObject *type, KrSsize npos, KrObject *kw, bool generic);

// krEval_call_counts for a built-in function or method descriptor whose
// method definition is `def`, called from warm code (without keywords for a
// method descriptor); `cfunc` tells which.
__attribute__((always_inline)) static inline bool krEval_builtin_call_counts(KrObject *callable,
                                                                             const KrMethodDef *def, bool cfunc) {
    uint32_t flags = def->flags;
    if (flags & KR_METH_NOARGS) return true;
    bool listed = krEval_call_exception(def);
    if (flags & KR_METH_O) return !listed;
    if (listed || !cfunc) return listed;
    // A class method of a built-in class (dict.fromkeys) is checked.
    KrObject *self = ((KrCFunctionObject *)callable)->self;
    return self != NULL && KR_TYPE(self) == &KrType_Type;
}

// Whether calling `callable` (with npos positional arguments and keyword
// names kw) takes a unit of the recursion limit the way CPython 3.11 counts
// it; `generic` for call sites CPython has not specialised (code not yet warm,
// CALL_FUNCTION_EX).  Never fails.  krEval_load_call_exceptions must have
// run when `generic` is false.
static inline bool krEval_call_counts(KrObject *callable, KrSsize npos, KrObject *kw, bool generic) {
    KrTypeObject *t = KR_TYPE(callable);
    if (t == &KrFunction_Type || t == &KrMethod_Type) return false;
    bool cfunc = t == &KrCFunction_Type;
    if (cfunc || t == &KrMethodDescr_Type) {
        if (generic || (kw != NULL && !cfunc)) return true;
        const KrMethodDef *def =
            cfunc ? ((KrCFunctionObject *)callable)->def : ((KrMethodDescrObject *)callable)->d_method;
        return krEval_builtin_call_counts(callable, def, cfunc);
    }
    if (t == &KrType_Type) return krEval_class_call_counts((KrTypeObject *)callable, npos, kw, generic);
    return true;
}
// value.__context__ = handled (an exception, or NULL/None for nothing), the
// way raising while handling does it (no reference cycle is created).
void krEval_set_context(KrThreadState *ts, KrObject *value, KrObject *handled);
// NameError "name 'x' is not defined" (with .name set), UnboundLocalError and
// the free-variable NameError for fast slot `slot` of `code`.
void krEval_name_error(KrThreadState *ts, KrObject *name);
void krEval_unbound_local_error(KrThreadState *ts, KrCodeObject *code, int slot);
void krEval_unbound_deref_error(KrThreadState *ts, KrCodeObject *code, int slot);

// LOAD_NAME / LOAD_GLOBAL / LOAD_CLASSDEREF lookups.  New reference.
KrObject *krEval_load_name(KrThreadState *ts, KrFrame *f, KrObject *name);
KrObject *krEval_load_global(KrThreadState *ts, KrFrame *f, KrObject *name);
KrObject *krEval_load_classderef(KrThreadState *ts, KrFrame *f, int slot);
int krEval_store_name(KrThreadState *ts, KrFrame *f, KrObject *name, KrObject *value);
int krEval_delete_name(KrThreadState *ts, KrFrame *f, KrObject *name);
int krEval_delete_global(KrThreadState *ts, KrFrame *f, KrObject *name);
int krEval_setup_annotations(KrThreadState *ts, KrFrame *f);
KrObject *krEval_load_build_class(KrThreadState *ts, KrFrame *f);
int krEval_print_expr(KrThreadState *ts, KrObject *value);

// IMPORT_NAME: `level` and `fromlist` borrowed.  New reference.
KrObject *krEval_import_name(KrThreadState *ts, KrFrame *f, KrObject *name, KrObject *fromlist, KrObject *level);
int krEval_import_star(KrThreadState *ts, KrFrame *f, KrObject *module);

// UNPACK_SEQUENCE / UNPACK_EX: pushes the items of `seq` into `sp` so that the
// first ends on top (the caller moves its stack pointer by the count).
// `before`/`after` as UNPACK_EX's argument; after < 0 for UNPACK_SEQUENCE.
int krEval_unpack(KrThreadState *ts, KrObject *seq, int before, int after, KrObject **sp);
// LIST_EXTEND / SET_UPDATE / DICT_UPDATE / DICT_MERGE with CPython's messages.
// `func` is the callable for the DICT_MERGE message.
int krEval_list_extend(KrThreadState *ts, KrObject *list, KrObject *iterable);
int krEval_dict_update(KrThreadState *ts, KrObject *dict, KrObject *update);
int krEval_dict_merge(KrThreadState *ts, KrObject *func, KrObject *dict, KrObject *update);
// BUILD_MAP / BUILD_CONST_KEY_MAP / BUILD_STRING / BUILD_SET from `n` items.
KrObject *krEval_build_map(KrThreadState *ts, KrObject *const *items, KrSsize n);
KrObject *krEval_build_const_key_map(KrThreadState *ts, KrObject *const *values, KrObject *keys);
KrObject *krEval_build_string(KrThreadState *ts, KrObject *const *items, KrSsize n);
KrObject *krEval_build_set(KrThreadState *ts, KrObject *const *items, KrSsize n);
// FORMAT_VALUE: steals neither.  `spec` may be NULL.
KrObject *krEval_format_value(KrThreadState *ts, KrObject *value, int conversion, KrObject *spec);
// CALL_FUNCTION_EX: the positional arguments as a tuple (new reference, with
// CPython's "argument after * must be an iterable" message) and the call.
KrObject *krEval_ex_args_tuple(KrThreadState *ts, KrObject *func, KrObject *args);
KrObject *krEval_ex_kwargs_dict(KrThreadState *ts, KrObject *func, KrObject *kwargs);

// BEFORE_WITH / BEFORE_ASYNC_WITH: *exit = bound __exit__ (new ref); returns
// the result of __enter__() / __aenter__().
KrObject *krEval_before_with(KrThreadState *ts, KrObject *mgr, KrObject **exit, bool async);
// WITH_EXCEPT_START: exit(type(exc), exc, exc.__traceback__).
KrObject *krEval_with_except_start(KrThreadState *ts, KrObject *exit, KrObject *exc);
// CHECK_EXC_MATCH: 1 / 0 / -1 (TypeError for a bad except clause type).
int krEval_check_exc_match(KrThreadState *ts, KrObject *exc, KrObject *type);
// CHECK_EG_MATCH: checks the except* clause's type, then 0 with *match and
// *rest (new refs; None when nothing matched / nothing is left), or -1.
int krEval_check_eg_match(KrThreadState *ts, KrObject *exc, KrObject *type, KrObject **match, KrObject **rest);

// Async: GET_AWAITABLE / GET_AITER / GET_ANEXT / GET_YIELD_FROM_ITER.
KrObject *krEval_get_awaitable(KrThreadState *ts, KrObject *iterable, int where);
KrObject *krEval_get_aiter(KrThreadState *ts, KrObject *obj);
KrObject *krEval_get_anext(KrThreadState *ts, KrObject *aiter);
KrObject *krEval_get_yield_from_iter(KrThreadState *ts, KrFrame *f, KrObject *iterable);
// SEND on a receiver that is not resumed inline.  Returns 1 (yielded) or 0
// (returned) with *result set, or -1.  Steals `value`.
int krEval_send(KrThreadState *ts, KrObject *receiver, KrObject *value, KrObject **result);

// Pattern matching (eval_match.c).
KrObject *krEval_match_class(KrThreadState *ts, KrObject *subject, KrObject *type, KrSsize nargs,
                             KrObject *kwnames);
KrObject *krEval_match_keys(KrThreadState *ts, KrObject *map, KrObject *keys);

#endif
