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
 */
#ifndef KR_FRAME_H
#define KR_FRAME_H

#include "objects/object.h"
#include "objects/code.h"

typedef struct KrFrameObject KrFrameObject;

// Who owns the memory of a frame.
enum { KR_FRAME_OWNED_BY_THREAD, KR_FRAME_OWNED_BY_GENERATOR, KR_FRAME_OWNED_BY_FRAME_OBJECT };

struct KrFrame {
    KrCodeObject *code;            // strong
    struct KrFrame *previous;      // caller (NULL for the outermost, or while a generator is suspended)
    KrObject *func;                // strong function object (NULL for module/exec code)
    KrObject *globals;             // borrowed from func or from the caller of exec
    KrObject *builtins;            // borrowed
    KrObject *locals;              // strong mapping for module/class/exec code, else NULL
    KrFrameObject *frame_obj;      // strong, the Python-visible frame, or NULL
    KrCodeUnit *instr_ptr;         // next instruction to execute (saved when not running)
    int stacktop;                  // saved value-stack depth (index into localsplus)
    uint8_t owner;                 // KR_FRAME_OWNED_BY_*
    uint8_t is_entry;              // returning from this frame leaves the eval loop
    KrObject *localsplus[];
};

// Index in code units of the instruction being executed (f_lasti / 2).
static inline KrSsize krFrame_lasti(const struct KrFrame *f) {
    return (f->instr_ptr - f->code->co_code_adaptive) - 1;
}

// Pushes a frame for `code` on ts's frame stack with all slots NULL.  Takes a
// new reference to code and func.  Returns NULL with MemoryError or
// RecursionError.
struct KrFrame *krFrame_push(KrThreadState *ts, KrCodeObject *code, KrObject *func, KrObject *globals,
                             KrObject *builtins, KrObject *locals);
// Releases every reference the frame holds and pops it.  Never fails.
void krFrame_pop(KrThreadState *ts, struct KrFrame *f);
// Releases the references of a frame's slots and header fields (generators).
void krFrame_clear(struct KrFrame *f);
// The Python-visible frame object for `f` (created on first use).  Borrowed.
KrFrameObject *krFrame_get_object(KrThreadState *ts, struct KrFrame *f);
// Current line of the frame.
int krFrame_lineno(const struct KrFrame *f);

#endif
