/*
 * frame.c — the per-thread frame stack.
 *
 * Frames are bump-allocated from chunks of memory linked through
 * KrStackChunk.previous (ts->datastack_chunk is the current one).  Pushing a
 * frame that does not fit starts a new chunk, big enough for it; popping the
 * first frame of a chunk frees that chunk and makes the previous one current
 * again.  Frames are strictly LIFO, so a frame's memory is reclaimed by
 * moving ts->datastack_top back to it.
 *
 * The recursion depth is counted here: every pushed frame takes one unit of
 * ts->py_recursion_remaining and gives it back when popped (the counter is
 * shared with the C-level steps CPython also counts, see frame.h).  Deep
 * recursion therefore ends in RecursionError long before memory runs out, and
 * it never consumes C stack (Python-to-Python calls do not recurse in C).
 *
 * Related: frame.h (the frame layout), src/objects/frameobject.c (frame
 * objects and the take-over of popped frames), eval.c (linking frames).
 */
#include "vm/frame.h"

#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frameobject.h"
#include "objects/func.h"
#include "objects/tuple.h"
#include "objects/bytes.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "compiler/opcode.h"

// Chunks start at this size and are larger only for frames that need more.
#define CHUNK_MIN_BYTES ((size_t)64 * 1024)

// Extra frames allowed while a RecursionError is being handled.
#define RECURSION_HEADROOM 50

int krFrame_enter_recursion_where(KrThreadState *ts, const char *where) {
    if (ts->py_recursion_remaining > 0) {
        ts->py_recursion_remaining--;
        return 0;
    }
    // While a RecursionError is being raised and handled, allow a few more
    // units so the handler can run; past that, raise again.
    if (ts->recursion_headroom > 0 && ts->py_recursion_remaining > -RECURSION_HEADROOM) {
        ts->py_recursion_remaining--;
        return 0;
    }
    ts->recursion_headroom++;
    krErr_format(ts, &KrExc_RecursionError, "maximum recursion depth exceeded%s", where);
    ts->recursion_headroom--;
    return -1;
}

int krFrame_enter_recursion(KrThreadState *ts) { return krFrame_enter_recursion_where(ts, ""); }

// Makes a new chunk current, with room for at least `words` words, and
// allocates them.  NULL when memory is exhausted (no exception set).
static KrObject **push_chunk(KrThreadState *ts, size_t words) {
    size_t need = sizeof(KrStackChunk) + words * sizeof(KrObject *);
    size_t bytes = CHUNK_MIN_BYTES;
    while (bytes < need) bytes *= 2;
    KrStackChunk *chunk = krMem_malloc(bytes);
    if (chunk == NULL) return NULL;
    chunk->previous = ts->datastack_chunk;
    chunk->size = bytes;
    chunk->top = NULL;
    if (ts->datastack_chunk) ts->datastack_chunk->top = ts->datastack_top;
    ts->datastack_chunk = chunk;
    ts->datastack_limit = (KrObject **)((char *)chunk + bytes);
    ts->datastack_top = chunk->data + words;
    return chunk->data;
}

// Returns the memory of `f`, the most recently pushed frame.
static void pop_memory(KrThreadState *ts, KrFrame *f) {
    KrObject **base = (KrObject **)f;
    KrStackChunk *chunk = ts->datastack_chunk;
    if (base == chunk->data && chunk->previous != NULL) {
        KrStackChunk *prev = chunk->previous;
        ts->datastack_chunk = prev;
        ts->datastack_top = prev->top;
        ts->datastack_limit = (KrObject **)((char *)prev + prev->size);
        krMem_free(chunk);
        return;
    }
    ts->datastack_top = base;
}

KrFrame *krFrame_push(KrThreadState *ts, KrCodeObject *code, KrObject *func, KrObject *globals,
                      KrObject *builtins, KrObject *locals) {
    KrFrame *fast = krFrame_push_fast(ts, code, func, globals, builtins);
    if (fast != NULL) {
        fast->locals = kr_xnewref(locals);
        return fast;
    }
    if (krFrame_enter_recursion(ts) < 0) return NULL;
    size_t words = krFrame_size_words(code);
    KrObject **mem = ts->datastack_top;
    if (mem != NULL && (size_t)(ts->datastack_limit - mem) >= words) {
        ts->datastack_top = mem + words;
    } else {
        mem = push_chunk(ts, words);
        if (mem == NULL) {
            krFrame_leave_recursion(ts);
            krErr_no_memory(ts);
            return NULL;
        }
    }
    KrFrame *f = (KrFrame *)mem;
    f->code = (KrCodeObject *)kr_newref((KrObject *)code);
    f->previous = NULL;
    f->func = kr_newref(func);
    f->globals = globals;
    f->builtins = builtins;
    f->locals = kr_xnewref(locals);
    f->frame_obj = NULL;
    f->instr_ptr = code->co_code_adaptive;
    f->stacktop = code->co_nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->is_init = 0;
    for (int i = 0; i < code->co_nlocalsplus; i++) f->localsplus[i] = NULL;
    return f;
}

void krFrame_clear(KrFrame *f) {
    if (f->frame_obj != NULL) {
        KrThreadState *ts = krThread_current();
        if (krFrameObject_take_over(ts, f)) return;
        KrFrameObject *fo = f->frame_obj;
        f->frame_obj = NULL;
        kr_decref((KrObject *)fo);
    }
    for (int i = 0; i < f->stacktop; i++) KR_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    KR_CLEAR(f->locals);
    KR_CLEAR(f->func);
    KrObject *code = (KrObject *)f->code;
    f->code = NULL;
    kr_xdecref(code);
}

void krFrame_pop(KrThreadState *ts, KrFrame *f) {
    krFrame_clear(f);
    krFrame_leave_recursion(ts);
    pop_memory(ts, f);
}

KrFrameObject *krFrame_get_object(KrThreadState *ts, KrFrame *f) {
    if (f->frame_obj != NULL) return f->frame_obj;
    return krFrameObject_new(ts, f);
}

int krFrame_lineno(const KrFrame *f) {
    KrSsize lasti = krFrame_lasti(f);
    if (lasti < 0) return f->code->co_firstlineno;
    return krCode_addr2line(f->code, lasti);
}

void krFrame_free_stack(KrThreadState *ts) {
    KrStackChunk *chunk = ts->datastack_chunk;
    while (chunk != NULL) {
        KrStackChunk *prev = chunk->previous;
        krMem_free(chunk);
        chunk = prev;
    }
    ts->datastack_chunk = NULL;
    ts->datastack_top = NULL;
    ts->datastack_limit = NULL;
}

// Has the MAKE_CELL for slot `slot` already run in `f`?  (Before it runs, a
// parameter that is also a cell holds the plain argument value.)
static bool make_cell_ran(const KrFrame *f, int slot) {
    const KrCodeUnit *code = f->code->co_code_adaptive;
    KrSsize lasti = krFrame_lasti(f);
    for (KrSsize i = 0; i <= lasti && i < f->code->co_ncodeunits; i++) {
        int op = KR_UNIT_OP(code[i]);
        if (op == KR_OP_MAKE_CELL && KR_UNIT_ARG(code[i]) == slot) return true;
        // MAKE_CELL instructions only appear in the prologue.
        if (op != KR_OP_MAKE_CELL && op != KR_OP_COPY_FREE_VARS && op != KR_OP_EXTENDED_ARG &&
            op != KR_OP_RETURN_GENERATOR && op != KR_OP_POP_TOP && op != KR_OP_NOP)
            return false;
    }
    return false;
}

// Stores or removes `name` in the locals mapping.  0 or -1.
static int sync_local(KrThreadState *ts, KrObject *locals, KrObject *name, KrObject *value) {
    if (value != NULL) return krDict_set(ts, locals, name, value);
    int r = krDict_pop(ts, locals, name, NULL);
    return r < 0 ? -1 : 0;
}

KrObject *krFrame_fast_to_locals(KrThreadState *ts, KrFrame *f) {
    KrCodeObject *co = f->code;
    if (f->locals == NULL) {
        f->locals = krDict_new(ts);
        if (f->locals == NULL) return NULL;
    }
    if (!(co->co_flags & KR_CO_OPTIMIZED)) {
        // Module, class and exec code: the mapping is the namespace itself;
        // only free variables of class bodies are not part of it.
        return f->locals;
    }
    if (!krDict_check(f->locals)) return f->locals;
    const uint8_t *kinds = (const uint8_t *)krBytes_data(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        int kind = kinds[i];
        KrObject *name = KR_TUPLE_GET(co->co_localsplusnames, i);
        KrObject *value = f->localsplus[i];
        if (kind & KR_FAST_FREE) {
            value = (value != NULL && krCell_check(value)) ? ((KrCellObject *)value)->ref : NULL;
        } else if ((kind & KR_FAST_CELL) && value != NULL && krCell_check(value)) {
            if (!(kind & KR_FAST_LOCAL) || make_cell_ran(f, i)) value = ((KrCellObject *)value)->ref;
        }
        if (sync_local(ts, f->locals, name, value) < 0) return NULL;
    }
    return f->locals;
}

KrObject *krFrame_getframe(KrThreadState *ts, int depth) {
    KrFrame *f = ts->frame;
    while (depth > 0 && f != NULL) {
        f = f->previous;
        depth--;
    }
    if (f == NULL) {
        krErr_set_string(ts, &KrExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    KrFrameObject *fo = krFrame_get_object(ts, f);
    return fo ? kr_newref((KrObject *)fo) : NULL;
}
