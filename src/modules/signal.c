/*
 * signal.c — the signal module: Python-level signal handlers.
 *
 * The C handler only records the signal (interp->pending_signals) and sets
 * the eval breaker; the eval loop then calls krEval_signal_hook, which this
 * module sets on import, to run the Python handler between bytecodes with
 * (signum, frame).  SIG_DFL and SIG_IGN are the ints 0 and 1 (CPython's
 * Handlers enum members compare equal to them).  Importing the module
 * installs the hook; until then the eval loop turns SIGINT into
 * KeyboardInterrupt itself.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "modules/posixmodule.h"
#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "vm/eval.h"
#include "vm/frame.h"

#define NSIG_KR 65

// Strong references: the handler of each signal as Python sees it (an int
// SIG_DFL/SIG_IGN, a callable, or None for handlers not installed by Python).
static KrObject *handlers[NSIG_KR];
static KrObject *default_int_handler;  // strong: the module's function

static void on_signal(int sig) {
    KrInterp *interp = kr_runtime.main_interp;
    if (interp == NULL || sig <= 0 || sig >= NSIG_KR) return;
    interp->pending_signals[sig] = 1;
    __atomic_fetch_or(&interp->eval_breaker, (uint32_t)KR_BREAK_SIGNALS, __ATOMIC_SEQ_CST);
}

// Runs the Python handler of `sig` (the eval breaker's hook).  0 or -1.
static int run_handler(KrThreadState *ts, int sig) {
    KrObject *h = sig > 0 && sig < NSIG_KR ? handlers[sig] : NULL;
    if (!h || kr_is_smallint(h) || h == KR_NONE) return 0;
    KrObject *frame = ts->frame ? (KrObject *)krFrame_get_object(ts, ts->frame) : KR_NONE;
    if (!frame) return -1;
    kr_incref(h);
    KrObject *r = krObj_call2(ts, h, kr_smallint(sig), frame);
    kr_decref(h);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int signum_arg(KrThreadState *ts, KrObject *o, int *sig) {
    if (krFloat_check(o)) {
        krErr_set_string(ts, &KrExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KrObject *i = krNum_index(ts, o);
    if (!i) return -1;
    int64_t v;
    bool ok = krInt_to_i64(i, &v);
    kr_decref(i);
    if (!ok || v < 1 || v >= NSIG_KR) {
        krErr_set_string(ts, &KrExc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static KrObject *signal_signal(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int sig;
    if (krArg_check_positional(ts, "signal", nargs, 2, 2) < 0 || signum_arg(ts, args[0], &sig) < 0) return NULL;
    KrObject *h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (kr_is_smallint(h) && (kr_smallint_value(h) == 0 || kr_smallint_value(h) == 1)) {
        sa.sa_handler = kr_smallint_value(h) == 0 ? SIG_DFL : SIG_IGN;
    } else if (krObj_callable(h)) {
        sa.sa_handler = on_signal;
    } else {
        return krErr_format(ts, &KrExc_TypeError,
                            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    // No SA_RESTART: blocking calls return EINTR so handlers run promptly.
    if (sigaction(sig, &sa, NULL) < 0) return krOS_error(ts, errno, NULL, NULL);
    KrObject *old = handlers[sig] ? handlers[sig] : KR_NONE;
    handlers[sig] = kr_newref(h);
    return old;  // the table's reference passes to the caller
}

static KrObject *signal_getsignal(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int sig;
    if (signum_arg(ts, arg, &sig) < 0) return NULL;
    return kr_newref(handlers[sig] ? handlers[sig] : KR_NONE);
}

static KrObject *signal_default_int_handler(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    krErr_set_none(ts, &KrExc_KeyboardInterrupt);
    return NULL;
}

static KrObject *signal_alarm(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrObject *i = krNum_index(ts, arg);
    if (!i) return NULL;
    int64_t v = krInt_as_i64(ts, i);
    kr_decref(i);
    if (v == -1 && krErr_occurred(ts)) return NULL;
    return kr_smallint(alarm((unsigned)v));
}

static KrObject *signal_raise_signal(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int sig;
    if (signum_arg(ts, arg, &sig) < 0) return NULL;
    if (raise(sig) != 0) return krOS_error(ts, errno, NULL, NULL);
    if (ts->interp->eval_breaker && krEval_handle_breaker(ts) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *signal_pause(KrThreadState *ts, KrObject *self) {
    pause();
    if (ts->interp->eval_breaker && krEval_handle_breaker(ts) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *signal_strsignal(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int sig;
    if (signum_arg(ts, arg, &sig) < 0) return NULL;
    const char *s = strsignal(sig);
    if (!s || !strncmp(s, "Unknown signal", 14) || !strncmp(s, "Real-time signal", 16)) return kr_newref(KR_NONE);
    return krStr_from_cstr(ts, s);
}

static KrObject *signal_valid_signals(KrThreadState *ts, KrObject *self) {
    KrObject *set = krSet_new(ts, NULL);
    if (!set) return NULL;
    sigset_t all;
    sigfillset(&all);
    for (int sig = 1; sig < NSIG_KR; sig++) {
        if (sigismember(&all, sig) != 1) continue;
        if (krSet_add(ts, set, kr_smallint(sig)) < 0) {
            kr_decref(set);
            return NULL;
        }
    }
    return set;
}

static KrObject *signal_siginterrupt(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int sig;
    if (krArg_check_positional(ts, "siginterrupt", nargs, 2, 2) < 0 || signum_arg(ts, args[0], &sig) < 0) return NULL;
    int flag = krObj_is_true(ts, args[1]);
    if (flag < 0) return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return krOS_error(ts, errno, NULL, NULL);
    if (flag) sa.sa_flags &= ~SA_RESTART;
    else sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0) return krOS_error(ts, errno, NULL, NULL);
    return kr_newref(KR_NONE);
}

static const KrMethodDef signal_methods[] = {
    {"signal", KR_CFUNC(signal_signal), KR_METH_FAST, "Set the action for the given signal."},
    {"getsignal", KR_CFUNC(signal_getsignal), KR_METH_O, "Return the current action for the given signal."},
    {"default_int_handler", KR_CFUNC(signal_default_int_handler), KR_METH_FAST, "The default handler for SIGINT installed by Python."},
    {"alarm", KR_CFUNC(signal_alarm), KR_METH_O, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"raise_signal", KR_CFUNC(signal_raise_signal), KR_METH_O, "Send a signal to the executing process."},
    {"pause", KR_CFUNC(signal_pause), KR_METH_NOARGS, "Wait until a signal arrives."},
    {"strsignal", KR_CFUNC(signal_strsignal), KR_METH_O, "Return the system description of the given signal."},
    {"valid_signals", KR_CFUNC(signal_valid_signals), KR_METH_NOARGS, "Return a set of valid signal numbers on this platform."},
    {"siginterrupt", KR_CFUNC(signal_siginterrupt), KR_METH_FAST, "Change system call restart behaviour."},
    {NULL},
};

static int add_constants(KrThreadState *ts, KrObject *m) {
    static const struct { const char *name; int value; } consts[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
        {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL},
        {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},
        {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},
        {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
        {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
        {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
        {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS},
        {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG_KR},
        {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (krModule_add_int(ts, m, consts[i].name, consts[i].value) < 0) return -1;
    if (krModule_add_int(ts, m, "SIGRTMIN", SIGRTMIN) < 0 || krModule_add_int(ts, m, "SIGRTMAX", SIGRTMAX) < 0)
        return -1;
    return 0;
}

static int signal_exec(KrThreadState *ts, KrObject *m) {
    if (add_constants(ts, m) < 0) return -1;
    KrObject *dih = krObj_getattr_cstr(ts, m, "default_int_handler");
    if (!dih) return -1;
    kr_setref(&default_int_handler, dih);
    // Describe the handlers in place now, as CPython does at start-up.
    for (int sig = 1; sig < NSIG_KR; sig++) {
        if (handlers[sig]) continue;
        struct sigaction sa;
        if (sigaction(sig, NULL, &sa) < 0) continue;
        if (sig == SIGINT && sa.sa_handler != SIG_IGN && sa.sa_handler != SIG_DFL)
            handlers[sig] = kr_newref(default_int_handler);
        else if (sa.sa_handler == SIG_DFL)
            handlers[sig] = kr_smallint(0);
        else if (sa.sa_handler == SIG_IGN)
            handlers[sig] = kr_smallint(1);
    }
    krEval_signal_hook = run_handler;
    return 0;
}

const KrModuleDef kr_signal_module_def = {
    "signal",
    "This module provides mechanisms to use signal handlers in Python.",
    signal_methods,
    signal_exec,
};
