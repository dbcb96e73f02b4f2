/*
 * state.h — runtime, interpreter and thread states.
 *
 * All mutable state lives in one tree: the runtime owns interpreters, an
 * interpreter owns its thread states, a thread state owns its frame stack.  The
 * only thread-local is the pointer to the current thread state.  Every internal
 * function receives `ts` (or an interpreter) as its first argument instead of
 * reaching for globals; deallocators, which have no `ts` parameter, use
 * krThread_current().
 *
 * Built-in type objects, the interned-string table and the immortal singletons
 * are shared by every interpreter of the process; they are immutable from Python.
 *
 * Related: error.h (the exception state of a thread), src/vm/frame.h.
 */
#ifndef KR_STATE_H
#define KR_STATE_H

#include <pthread.h>
#include "objects/object.h"

typedef struct KrFrame KrFrame;
typedef struct KrRuntime KrRuntime;

// One entry of the stack of exceptions being handled (sys.exc_info()).  Each
// generator owns one, linked in while the generator runs.
typedef struct KrExcInfo {
    KrObject *exc_value;            // strong; NULL or None when nothing is handled
    struct KrExcInfo *previous;
} KrExcInfo;

// A chunk of the per-thread frame stack.  Frames are bump-allocated from the
// current chunk; a new chunk is linked when one fills.
typedef struct KrStackChunk {
    struct KrStackChunk *previous;
    size_t size;                    // bytes, including this header
    KrObject **top;                 // first free word when this chunk is not current
    KrObject *data[];
} KrStackChunk;

// Bits of the eval-breaker word, checked at backward jumps and calls.
enum {
    KR_BREAK_SIGNALS = 1u << 0,     // a signal handler ran (e.g. SIGINT)
    KR_BREAK_GIL_DROP = 1u << 1,    // another thread asked for the GIL
    KR_BREAK_ASYNC_EXC = 1u << 2,   // an asynchronous exception is pending
    KR_BREAK_PENDING = 1u << 3,     // pending calls
    KR_BREAK_GC = 1u << 4,          // the cycle collector wants to run
};

struct KrThreadState {
    KrInterp *interp;
    KrThreadState *prev, *next;     // in interp->threads
    KrObject *curexc;               // strong; the exception being raised, or NULL
    KrExcInfo *exc_info;            // top of the handled-exception stack
    KrExcInfo exc_state;            // the bottom entry, owned by the thread
    KrFrame *frame;                 // innermost running frame, or NULL
    KrStackChunk *datastack_chunk;
    KrObject **datastack_top;       // first free word of the current chunk
    KrObject **datastack_limit;     // end of the current chunk
    int py_recursion_remaining;     // Python frames still allowed
    int c_recursion_remaining;      // C re-entries into the eval loop still allowed
    int recursion_headroom;         // > 0 while handling a RecursionError (allows some extra depth)
    uintptr_t c_stack_limit;        // lowest C stack address at which the eval loop may be
                                    // entered (0: not computed yet; see vm/eval.c)
    uint64_t thread_id;
    KrObject *async_exc;            // strong; raised at the next eval-breaker check
    KrObject *trace_func, *profile_func;  // strong; sys.settrace / sys.setprofile
    bool tracing;                   // inside a trace/profile call
    KrObject *dict;                 // strong; per-thread dict (threading.local), or NULL
    KrObject *repr_stack;           // strong list of objects being repr'ed (krRepr_enter)
    // Deferred deallocation of deeply nested containers (krTrash_begin/end).
    int trash_depth;
    KrObject **trash_queue;         // objects whose deallocation was deferred
    KrSsize trash_len, trash_cap;
    // Exact floats kept for reuse (src/objects/float.c), linked through ob_type.
    KrObject *float_freelist;
    int float_freelist_len;
};

struct KrInterp {
    KrRuntime *runtime;
    KrInterp *next;
    KrThreadState *threads;
    KrObject *modules;              // sys.modules (dict)
    KrObject *sysdict;              // sys.__dict__
    KrObject *builtins;             // builtins.__dict__
    KrObject *builtins_module;
    KrObject *sys_module;
    KrObject *main_module;
    int recursion_limit;            // sys.getrecursionlimit()
    int64_t int_max_str_digits;     // sys.get_int_max_str_digits(); 0 = unlimited
    volatile uint32_t eval_breaker; // KR_BREAK_* bits
    volatile int pending_signals[65];
    void *gil;                      // struct KrGIL (src/runtime/gil.c); NULL until threads start
    void *gc;                       // struct KrGCState (src/runtime/gc.c)
    void *import_state;             // src/runtime/import.c
    KrObject *argv;                 // list, sys.argv
    KrObject *script_dir;           // str: directory of the main script (sys.path[0]) or NULL
    int dont_write_bytecode;
    int verbose;
    int inspect;
    int isolated;
    int unbuffered;
    int ignore_environment;
    int no_site;                    // -S
    int no_user_site;               // -s, -I, PYTHONNOUSERSITE
    int safe_path;                  // -P, -I, PYTHONSAFEPATH: no script directory on sys.path
};

struct KrRuntime {
    KrInterp *main_interp;
    KrInterp *interpreters;
    pthread_mutex_t lock;           // guards the interpreter list
    uint64_t hash_key[2];           // SipHash key (zero when PYTHONHASHSEED=0)
    bool hash_randomized;
    uint64_t hash_seed;             // the PYTHONHASHSEED value, or 0
    bool types_ready;               // every static type has been readied
};

extern KrRuntime kr_runtime;

extern _Thread_local KrThreadState *kr_current_thread_state;

// The thread state of the calling thread (NULL when the thread has none).  Never fails.
static inline KrThreadState *krThread_current(void) { return kr_current_thread_state; }

// Creates the runtime, the main interpreter and its first thread state, and
// initialises every built-in type and module.  Returns the thread state, or
// NULL after printing a fatal error.  `hash_seed_env` is PYTHONHASHSEED or NULL.
KrThreadState *krRuntime_init(const char *hash_seed_env);
// Finalises the interpreter: flushes stdout/stderr, runs atexit hooks.
// Returns -1 when flushing sys.stdout failed (the exit status becomes 120).
int krRuntime_fini(KrThreadState *ts);

// Creates a thread state for `interp` (not yet current).  NULL on memory exhaustion.
KrThreadState *krThread_new(KrInterp *interp);
void krThread_delete(KrThreadState *ts);

// Prints `msg` and aborts: for broken invariants only.
_Noreturn void kr_fatal(const char *msg);

#if KR_DEBUG
#define krAssert(cond) ((cond) ? (void)0 : kr_assert_fail(#cond, __FILE__, __LINE__))
_Noreturn void kr_assert_fail(const char *expr, const char *file, int line);
#else
#define krAssert(cond) ((void)0)
#endif

#endif
