/*
 * frame.h — the internal frame: one activation of a code object.
 *
 * Frames live on the thread's frame stack (src/vm/frame.c), not on the C stack
 * and not on the heap: a Python-to-Python call pushes a frame and the eval loop
 * continues in it, with no C recursion.  A generator's frame is embedded in the
 * generator object and copied in and out of nothing: the generator owns it.
 *
 * Layout: the header, then `localsplus`: co_nlocalsplus fast slots (locals,
 * cells, frees) followed by the value stack (co_stacksize slots).  All strong
 * references.
 *
 * Python-visible frame objects (sys._getframe, tracebacks) are made lazily and
 * point back at the frame; when the frame is popped its contents move into the
 * frame object (src/objects/frameobject.c).
 *
 * Invariants:
 *  - `func` is always a function object: krEval_code wraps module and exec code
 *    in a throw-away function, so `globals` and `builtins` (borrowed from it)
 *    stay alive as long as the frame does.
 *  - While a frame is not executing, `instr_ptr` is the next instruction and
 *    `localsplus[0 .. stacktop)` holds valid references.  While it executes,
 *    the eval loop keeps the stack pointer in a register and `stacktop` only
 *    covers the fast slots (so a collector may traverse a running
 *    generator's frame safely).
 *  - The recursion counter `ts->py_recursion_remaining` is decremented by
 *    krFrame_push (and by the eval loop when it resumes a generator) and given
 *    back by krFrame_pop (and when the generator stops running).
 */
#ifndef KR_FRAME_H
#define KR_FRAME_H

#include "objects/object.h"
#include "objects/code.h"
#include "runtime/state.h"

typedef struct KrFrameObject KrFrameObject;

// Who owns the memory of a frame.
enum { KR_FRAME_OWNED_BY_THREAD, KR_FRAME_OWNED_BY_GENERATOR, KR_FRAME_OWNED_BY_FRAME_OBJECT };

struct KrFrame {
    KrCodeObject *code;            // strong
    struct KrFrame *previous;      // caller (NULL for the outermost, or while a generator is suspended)
    KrObject *func;                // strong function object (see the invariants above)
    KrObject *globals;             // borrowed from func
    KrObject *builtins;            // borrowed from func
    KrObject *locals;              // strong mapping for module/class/exec code; for
                                   // function code a cached locals() dict, or NULL
    KrFrameObject *frame_obj;      // strong, the Python-visible frame, or NULL (borrowed
                                   // back-pointer once the frame object owns the frame)
    KrCodeUnit *instr_ptr;         // next instruction to execute (saved when not running)
    int stacktop;                  // saved value-stack depth (index into localsplus)
    uint8_t owner;                 // KR_FRAME_OWNED_BY_*
    uint8_t is_entry;              // returning from this frame leaves the eval loop
    uint8_t is_init;               // an __init__ run inline for a class call: its result
                                   // must be None; the new instance is on the caller's stack
    KrObject *localsplus[];
};

// The recursion budget ts->py_recursion_remaining is CPython 3.11's single
// counter: every running Python frame takes one unit, and so do the C-level
// steps CPython checks (calls of built-in functions and of objects without a
// vectorcall entry, repr(), comparisons... through krErr_enter_recursive_call).
//
// Takes one unit: 0, or -1 with RecursionError ("maximum recursion depth
// exceeded" followed by `where`, e.g. " while calling a Python object").
int krFrame_enter_recursion_where(KrThreadState *ts, const char *where);
// The same for a Python frame (no suffix).
int krFrame_enter_recursion(KrThreadState *ts);
static inline void krFrame_leave_recursion(KrThreadState *ts) { ts->py_recursion_remaining++; }

// Words of frame-stack memory a frame for `code` takes.
static inline size_t krFrame_size_words(const KrCodeObject *code) {
    return (sizeof(struct KrFrame) + sizeof(KrObject *) - 1) / sizeof(KrObject *) + (size_t)code->co_framesize;
}

// Index in code units of the instruction being executed (f_lasti / 2).
static inline KrSsize krFrame_lasti(const struct KrFrame *f) {
    return (f->instr_ptr - f->code->co_code_adaptive) - 1;
}

// Pushes a frame for `code` on ts's frame stack with all slots NULL.  Takes a
// new reference to code and func (which must be a function object).  Returns
// NULL with MemoryError or RecursionError ("maximum recursion depth exceeded").
struct KrFrame *krFrame_push(KrThreadState *ts, KrCodeObject *code, KrObject *func, KrObject *globals,
                             KrObject *builtins, KrObject *locals);
// Releases every reference the frame holds and pops it (its contents move into
// its frame object when that outlives it).  Never fails.
void krFrame_pop(KrThreadState *ts, struct KrFrame *f);

// The common case of krFrame_push, for the eval loop: room in the current
// chunk and depth to spare.  Returns NULL, with nothing raised and nothing
// done, when krFrame_push must be used instead.
static inline struct KrFrame *krFrame_push_fast(KrThreadState *ts, KrCodeObject *code, KrObject *func,
                                                KrObject *globals, KrObject *builtins) {
    size_t words = krFrame_size_words(code);
    KrObject **mem = ts->datastack_top;
    if (ts->py_recursion_remaining <= 0 || mem == NULL || (size_t)(ts->datastack_limit - mem) < words) return NULL;
    ts->datastack_top = mem + words;
    ts->py_recursion_remaining--;
    struct KrFrame *f = (struct KrFrame *)mem;
    f->code = code;
    kr_incref((KrObject *)code);
    f->previous = NULL;
    f->func = func;
    kr_incref(func);
    f->globals = globals;
    f->builtins = builtins;
    f->locals = NULL;
    f->frame_obj = NULL;
    f->instr_ptr = code->co_code_adaptive;
    f->stacktop = code->co_nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->is_init = 0;
    for (int i = 0; i < code->co_nlocalsplus; i++) f->localsplus[i] = NULL;
    return f;
}

// krFrame_pop for the eval loop: the common case inline.
static inline void krFrame_pop_fast(KrThreadState *ts, struct KrFrame *f) {
    if (f->frame_obj != NULL || f->locals != NULL || (KrObject **)f == ts->datastack_chunk->data) {
        krFrame_pop(ts, f);
        return;
    }
    for (int i = 0; i < f->stacktop; i++) kr_xdecref(f->localsplus[i]);
    kr_decref(f->func);
    kr_decref((KrObject *)f->code);
    ts->py_recursion_remaining++;
    ts->datastack_top = (KrObject **)f;
}
// Releases the references of a frame's slots and header fields (generators);
// the contents move into the frame object when that outlives it.  Never fails.
void krFrame_clear(struct KrFrame *f);
// The Python-visible frame object for `f` (created on first use).  Borrowed;
// NULL with MemoryError.
KrFrameObject *krFrame_get_object(KrThreadState *ts, struct KrFrame *f);
// Current line of the frame (-1 when unknown).  Never fails.
int krFrame_lineno(const struct KrFrame *f);

// Frees the thread's frame-stack chunks (thread teardown; no frame may be
// live).  Never fails.
void krFrame_free_stack(KrThreadState *ts);

// The locals mapping of `f` as locals() returns it: for module and class code
// the locals mapping itself; for function code a dict snapshot of the fast
// slots and cells (cached in f->locals and refreshed on every call).  Borrowed;
// NULL on error.
KrObject *krFrame_fast_to_locals(KrThreadState *ts, struct KrFrame *f);

// sys._getframe(depth): the frame object `depth` calls below the current one.
// New reference; ValueError "call stack is not deep enough".
KrObject *krFrame_getframe(KrThreadState *ts, int depth);

#endif
