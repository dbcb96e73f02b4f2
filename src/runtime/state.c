/*
 * state.c — creating and destroying the runtime, interpreters and thread
 * states, in the order start-up needs: hash key, interned identifiers, static
 * types, the preallocated MemoryError, then the sys and builtins modules.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/atexit.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/import.h"
#include "runtime/runtime.h"
#include "runtime/state.h"

KrRuntime kr_runtime;
_Thread_local KrThreadState *kr_current_thread_state;

// Default depth limits.  Python frames live on the frame stack, so only C
// re-entries (a C function calling back into Python) use the C stack.
#define KR_DEFAULT_RECURSION_LIMIT 1000
#define KR_C_RECURSION_LIMIT 4000

// PYTHONHASHSEED: unset or "random" draws a random key; an integer seeds the
// same linear congruential generator CPython uses, so every hash matches
// CPython's for the same seed (0 gives the all-zero key).
static int init_hash_key(const char *env) {
    uint8_t secret[24];
    memset(secret, 0, sizeof secret);
    if (env && *env && strcmp(env, "random") != 0) {
        char *end;
        unsigned long long seed = strtoull(env, &end, 10);
        if (*end || seed > 4294967295ULL) {
            fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\n");
            return -1;
        }
        kr_runtime.hash_seed = seed;
        if (seed != 0) {
            uint32_t x = (uint32_t)seed;
            for (size_t i = 0; i < sizeof secret; i++) {
                x = x * 214013 + 2531011;
                secret[i] = (uint8_t)((x >> 16) & 0xff);
            }
        }
    } else {
        kr_runtime.hash_randomized = true;
        int fd = open("/dev/urandom", O_RDONLY);
        if (fd < 0 || read(fd, secret, sizeof secret) != (ssize_t)sizeof secret) {
            if (fd >= 0) close(fd);
            fprintf(stderr, "Fatal Krait error: cannot read /dev/urandom\n");
            return -1;
        }
        close(fd);
    }
    memcpy(&kr_runtime.hash_key[0], secret, 8);
    memcpy(&kr_runtime.hash_key[1], secret + 8, 8);
    return 0;
}

KrThreadState *krThread_new(KrInterp *interp) {
    KrThreadState *ts = krMem_calloc(1, sizeof(KrThreadState));
    if (!ts) return NULL;
    ts->interp = interp;
    ts->exc_info = &ts->exc_state;
    ts->py_recursion_remaining = interp->recursion_limit;
    ts->c_recursion_remaining = KR_C_RECURSION_LIMIT;
    ts->next = interp->threads;
    if (interp->threads) interp->threads->prev = ts;
    interp->threads = ts;
    return ts;
}

void krThread_delete(KrThreadState *ts) {
    KrInterp *interp = ts->interp;
    if (ts->prev) ts->prev->next = ts->next;
    else interp->threads = ts->next;
    if (ts->next) ts->next->prev = ts->prev;
    KR_CLEAR(ts->curexc);
    KR_CLEAR(ts->exc_state.exc_value);
    KR_CLEAR(ts->async_exc);
    KR_CLEAR(ts->trace_func);
    KR_CLEAR(ts->profile_func);
    KR_CLEAR(ts->dict);
    KR_CLEAR(ts->repr_stack);
    krFloat_clear_freelist(ts);
    krMem_free(ts->trash_queue);
    for (KrStackChunk *c = ts->datastack_chunk; c;) {
        KrStackChunk *prev = c->previous;
        krMem_free(c);
        c = prev;
    }
    if (kr_current_thread_state == ts) kr_current_thread_state = NULL;
    krMem_free(ts);
}

static int init_modules(KrThreadState *ts) {
    KrInterp *interp = ts->interp;
    if (!(interp->modules = krDict_new(ts))) return -1;
    KrObject *builtins = krMod_builtins_create(ts);
    if (!builtins) return -1;
    interp->builtins_module = builtins;
    interp->builtins = krModule_dict(builtins);
    kr_incref(interp->builtins);
    if (krDict_set(ts, interp->modules, KR_ID(builtins), builtins) < 0) return -1;
    KrObject *sys = krMod_sys_create(ts);
    if (!sys) return -1;
    interp->sys_module = sys;
    interp->sysdict = krModule_dict(sys);
    kr_incref(interp->sysdict);
    if (krDict_set(ts, interp->modules, KR_ID(sys), sys) < 0) return -1;
    KrObject *mainmod = krModule_new(ts, KR_ID(__main__));
    if (!mainmod) return -1;
    interp->main_module = mainmod;
    if (krDict_set(ts, krModule_dict(mainmod), KR_ID(__builtins__), builtins) < 0) return -1;
    if (krDict_set(ts, interp->modules, KR_ID(__main__), mainmod) < 0) return -1;
    return krImport_init(ts);
}

KrThreadState *krRuntime_init(const char *hash_seed_env) {
    if (init_hash_key(hash_seed_env) < 0) return NULL;
    pthread_mutex_init(&kr_runtime.lock, NULL);
    KrInterp *interp = krMem_calloc(1, sizeof(KrInterp));
    if (!interp) kr_fatal("out of memory during start-up");
    interp->runtime = &kr_runtime;
    interp->recursion_limit = KR_DEFAULT_RECURSION_LIMIT;
    interp->int_max_str_digits = KR_INT_MAX_STR_DIGITS_DEFAULT;
    kr_runtime.main_interp = kr_runtime.interpreters = interp;
    KrThreadState *ts = krThread_new(interp);
    if (!ts) kr_fatal("out of memory during start-up");
    kr_current_thread_state = ts;

    if (krStr_init_identifiers(ts) < 0 || krTypes_init(ts) < 0 || krExcGroup_init_types(ts) < 0) goto fail;
    kr_runtime.types_ready = true;
    if (krErr_init(ts) < 0 || init_modules(ts) < 0) goto fail;
    krEval_install_signal_handlers();
    // As CPython: a write to a closed pipe raises BrokenPipeError instead of
    // killing the process, and so does exceeding the file size limit.
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    return ts;
fail:
    if (krErr_occurred(ts)) krErr_print(ts);
    fprintf(stderr, "Fatal Krait error: initialisation failed\n");
    return NULL;
}

// Flushes sys.stdout and sys.stderr, reporting a failure of stdout like
// CPython ("Exception ignored ... BrokenPipeError").  Returns -1 when flushing
// stdout failed.
static int flush_std_files(KrThreadState *ts) {
    int status = 0;
    KrObject *names[2] = {KR_ID(stdout), KR_ID(stderr)};
    for (int i = 0; i < 2; i++) {
        KrObject *f = ts->interp->sysdict ? krDict_get_str(ts->interp->sysdict, names[i]) : NULL;
        if (!f || f == KR_NONE) continue;
        // A stream the program closed is not flushed (CPython's file_is_closed).
        KrObject *closed = krObj_getattr(ts, f, KR_ID(closed));
        int is_closed = closed ? krObj_is_true(ts, closed) : -1;
        kr_xdecref(closed);
        if (is_closed < 0) krErr_clear(ts);
        if (is_closed > 0) continue;
        KrObject *r = krObj_call_method(ts, f, KR_ID(flush), NULL);
        if (r) {
            kr_decref(r);
        } else {
            if (i == 0) {
                krErr_write_unraisable(ts, f);
                status = -1;
            } else {
                krErr_clear(ts);
            }
        }
    }
    return status;
}

int krRuntime_fini(KrThreadState *ts) {
    krAtexit_run(ts);
    int r = flush_std_files(ts);
    fflush(stdout);
    fflush(stderr);
    return r;
}
