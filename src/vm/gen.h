/*
 * gen.h — generators, coroutines and asynchronous generators.
 *
 * A generator object embeds the frame of its code (KrGenObject.gi_frame, a
 * variable-size tail) and owns it (owner KR_FRAME_OWNED_BY_GENERATOR).  It is
 * created by RETURN_GENERATOR, which moves the freshly bound frame from the
 * thread's frame stack into it.
 *
 * Resuming: next()/send()/throw() from C go through krGen_send (which calls
 * krEval_resume and runs the frame as an entry frame).  The eval loop itself
 * resumes exact generators and coroutines *inline* from FOR_ITER and SEND: it
 * links the generator's frame above the current one and keeps going, with no
 * C recursion; gi_resume_kind / gi_exit_jump then record what the caller must
 * do when the generator returns instead of yielding.
 *
 * While a generator runs, its gi_exc_state is linked on top of ts->exc_info
 * (sys.exc_info() inside the generator sees its own handled exception).
 *
 * Owner of: gen.c (generator, coroutine, coroutine_wrapper) and asyncgen.c
 * (async_generator and its asend/athrow awaitables).
 */
#ifndef KR_GEN_H
#define KR_GEN_H

#include "objects/object.h"
#include "runtime/state.h"
#include "vm/frame.h"

// gi_frame_state
enum { KR_GEN_CREATED, KR_GEN_SUSPENDED, KR_GEN_RUNNING, KR_GEN_COMPLETED };

// gi_resume_kind: how an inline resumption by the eval loop continues in the
// caller when the generator returns.
enum { KR_RESUME_FROM_C, KR_RESUME_FOR_ITER, KR_RESUME_SEND };

typedef struct KrGenObject {
    KR_OBJECT_HEAD;
    KrObject *gi_code;             // strong code object (kept after the frame is cleared)
    KrObject *gi_name;             // strong str
    KrObject *gi_qualname;         // strong str
    KrObject *gi_weakreflist;
    KrExcInfo gi_exc_state;        // the generator's handled-exception entry
    KrObject *ag_finalizer;        // async generators: strong or NULL (sys.set_asyncgen_hooks)
    int8_t gi_frame_state;         // KR_GEN_*
    uint8_t gi_resume_kind;        // KR_RESUME_*, valid while running
    bool ag_hooks_inited;          // async generators
    bool ag_closed;                // async generators: aclose() done / exhausted
    bool ag_running_async;         // async generators: an asend/athrow is in progress
    int32_t gi_exit_jump;          // code units the caller jumps by when the generator returns
    KrFrame gi_frame;              // must be last: followed by its slots
} KrGenObject;

extern KrTypeObject KrGen_Type, KrCoro_Type, KrCoroWrapper_Type, KrAsyncGen_Type, KrAsyncGenASend_Type,
    KrAsyncGenAThrow_Type, KrAsyncGenWrappedValue_Type;

static inline bool krGen_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrGen_Type; }
static inline bool krCoro_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrCoro_Type; }
static inline bool krAsyncGen_check(const KrObject *o) {
    return !kr_is_smallint(o) && o->ob_type == &KrAsyncGen_Type;
}
// Any of the three (they share the KrGenObject layout).
static inline bool krGen_any_check(const KrObject *o) {
    return krGen_check(o) || krCoro_check(o) || krAsyncGen_check(o);
}
// The generator owning frame `f` (which must be owned by a generator).
static inline KrGenObject *krGen_from_frame(KrFrame *f) {
    return (KrGenObject *)((char *)f - offsetof(KrGenObject, gi_frame));
}

// Creates the generator / coroutine / async generator (by the code's flags)
// for the thread-owned frame `f`, moving the frame's contents into it.  `f`
// is left empty (its references moved); the caller pops it.  New reference.
KrObject *krGen_new_from_frame(KrThreadState *ts, KrFrame *f);

// Result of resuming a generator.
typedef enum { KR_GEN_NEXT = 1, KR_GEN_RETURN = 0, KR_GEN_ERROR = -1 } KrGenSendResult;

// Resumes `gen` sending `arg` (NULL means None, as next() does).  Stores the
// yielded value (NEXT) or the return value (RETURN) in *result (new
// reference); ERROR leaves *result NULL with an exception set.  No
// StopIteration is raised for a return.
KrGenSendResult krGen_send(KrThreadState *ts, KrObject *gen, KrObject *arg, KrObject **result);
// gen.send(arg) semantics: the yielded value, or NULL with StopIteration(value)
// when the generator returns (StopAsyncIteration for async generators).
KrObject *krGen_send_value(KrThreadState *ts, KrObject *gen, KrObject *arg);
// The iterator a suspended generator is delegating to (`yield from` / await),
// or NULL.  New reference.  Never fails.
KrObject *krGen_yield_from(KrGenObject *gen);
// gen.close().  0 or -1.
int krGen_close(KrThreadState *ts, KrObject *gen);
// gen.throw(type[, value[, tb]]) (a KR_METH_FAST method of all three kinds).
KrObject *krGen_throw_method(KrThreadState *ts, KrObject *gen, KrObject *const *args, KrSsize nargs);
// The throw machinery; `close_on_genexit` false lets a GeneratorExit thrown
// into an async generator's delegate run through its awaits.  New reference.
KrObject *krGen_throw_impl(KrThreadState *ts, KrObject *gen, bool close_on_genexit, KrObject *typ, KrObject *val,
                           KrObject *tb);

// The awaitable iterator for `o` in an await expression (a coroutine, or what
// __await__ returns), with CPython's TypeErrors.  New reference.
KrObject *krCoro_get_awaitable_iter(KrThreadState *ts, KrObject *o);
// ASYNC_GEN_WRAP: wraps a value yielded by an async generator.  New reference.
KrObject *krAsyncGen_wrap_value(KrThreadState *ts, KrObject *value);
// am_anext of async generators (GET_ANEXT's fast path).  New reference.
KrObject *krAsyncGen_anext(KrThreadState *ts, KrObject *gen);

// Lifecycle slots shared by the three generator types (gen.c).
void krGen_tp_dealloc(KrObject *self);
int krGen_tp_traverse(KrObject *self, KrVisitProc visit, void *arg);
int krGen_tp_clear(KrObject *self);
void krGen_tp_finalize(KrThreadState *ts, KrObject *self);
KrObject *krGen_tp_repr(KrThreadState *ts, KrObject *self);

#endif
