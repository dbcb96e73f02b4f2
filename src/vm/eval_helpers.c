/*
 * eval_helpers.c — the slow paths of the eval loop's instructions: name
 * lookups through non-dict namespaces, raising and implicit exception
 * chaining, imports, unpacking, container building with CPython's error
 * messages, calls with * and **, and the eval breaker (signals).
 *
 * Everything here follows CPython 3.11's ceval.c semantics and messages.
 * The loop calls these only when its inline fast paths do not apply.
 */
#include <signal.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/slice.h"
#include "objects/iter.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/runtime.h"
#include "runtime/state.h"
#include "vm/eval.h"
#include "vm/eval_internal.h"

// ---------------------------------------------------------------------------
// Exceptions: raise, chaining, NameError and friends

void krEval_set_context(KrThreadState *ts, KrObject *value, KrObject *handled) {
    if (handled == NULL || handled == KR_NONE || handled == value || !krExc_check(handled)) return;
    // Cut `value` out of the handled exception's context chain so no cycle is
    // created; Floyd's algorithm guards against cycles already there.
    KrObject *o = handled, *slow = handled, *ctx;
    bool advance_slow = false;
    while ((ctx = krExc_context(o)) != NULL) {
        if (ctx == value) {
            krExc_set_context(o, NULL);
            break;
        }
        o = ctx;
        if (o == slow) break;
        if (advance_slow) slow = krExc_context(slow);
        advance_slow = !advance_slow;
    }
    krExc_set_context(value, kr_newref(handled));
}

int krEval_do_raise(KrThreadState *ts, KrObject *exc, KrObject *cause) {
    if (exc == NULL) {
        // Bare `raise`: re-raise the handled exception with its traceback.
        KrObject *handled = krErr_get_handled(ts);
        if (handled == NULL) {
            krErr_set_string(ts, &KrExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        krErr_restore(ts, kr_newref(handled));
        return 1;
    }
    KrObject *value;
    if (krExc_is_class(exc)) {
        // Instantiating the class counts as a call, as in CPython.
        if (krFrame_enter_recursion_where(ts, KR_CALL_RECURSION_WHERE) < 0) goto fail;
        value = krObj_call0(ts, exc);
        krFrame_leave_recursion(ts);
        if (value == NULL) goto fail;
        if (!krExc_check(value)) {
            krErr_format(ts, &KrExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                         exc, (KrObject *)KR_TYPE(value));
            kr_decref(value);
            goto fail;
        }
        kr_decref(exc);
    } else if (krExc_check(exc)) {
        value = exc;
    } else {
        krErr_set_string(ts, &KrExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause != NULL) {
        KrObject *fixed = NULL;
        if (krExc_is_class(cause)) {
            if (krFrame_enter_recursion_where(ts, KR_CALL_RECURSION_WHERE) == 0) {
                fixed = krObj_call0(ts, cause);
                krFrame_leave_recursion(ts);
            }
            kr_decref(cause);
            if (fixed == NULL) {
                kr_decref(value);
                return 0;
            }
        } else if (krExc_check(cause)) {
            fixed = cause;
        } else if (cause == KR_NONE) {
            kr_decref(cause);
        } else {
            krErr_set_string(ts, &KrExc_TypeError, "exception causes must derive from BaseException");
            kr_decref(cause);
            kr_decref(value);
            return 0;
        }
        krExc_set_cause(value, fixed);
        ((KrBaseExceptionObject *)value)->suppress_context = true;
    }
    krErr_set_exc(ts, value);   // chains the handled exception as __context__
    return 0;
fail:
    kr_decref(exc);
    kr_xdecref(cause);
    return 0;
}

void krEval_name_error(KrThreadState *ts, KrObject *name) {
    krErr_format(ts, &KrExc_NameError, "name '%U' is not defined", name);
    // Record the name (for "Did you mean" suggestions in tracebacks).
    KrObject *exc = krErr_fetch(ts);
    if (exc != NULL && KR_TYPE(exc) == &KrExc_NameError) {
        if (krObj_setattr(ts, exc, KR_ID(name), name) < 0) krErr_clear(ts);
    }
    krErr_restore(ts, exc);
}

void krEval_unbound_local_error(KrThreadState *ts, KrCodeObject *code, int slot) {
    krErr_format(ts, &KrExc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                 KR_TUPLE_GET(code->co_localsplusnames, slot));
}

void krEval_unbound_deref_error(KrThreadState *ts, KrCodeObject *code, int slot) {
    const uint8_t *kinds = (const uint8_t *)krBytes_data(code->co_localspluskinds);
    if (kinds[slot] & KR_FAST_FREE) {
        krErr_format(ts, &KrExc_NameError,
                     "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                     KR_TUPLE_GET(code->co_localsplusnames, slot));
    } else {
        krEval_unbound_local_error(ts, code, slot);
    }
}

// ---------------------------------------------------------------------------
// Names

// mapping[name] for any mapping: 1 with *value (new ref), 0 when missing
// (KeyError swallowed), -1 on error.
static int mapping_lookup(KrThreadState *ts, KrObject *mapping, KrObject *name, KrObject **value) {
    if (krDict_check_exact(mapping)) {
        KrObject *v = krDict_get(ts, mapping, name);
        if (v == NULL) return krErr_occurred(ts) ? -1 : 0;
        *value = kr_newref(v);
        return 1;
    }
    KrObject *v = krObj_getitem(ts, mapping, name);
    if (v != NULL) {
        *value = v;
        return 1;
    }
    if (!krErr_matches(ts, &KrExc_KeyError)) return -1;
    krErr_clear(ts);
    return 0;
}

// globals (a dict, maybe a subclass: no __missing__) then builtins.
static KrObject *load_global_or_builtin(KrThreadState *ts, KrFrame *f, KrObject *name) {
    KrObject *v = krDict_get(ts, f->globals, name);
    if (v != NULL) return kr_newref(v);
    if (krErr_occurred(ts)) return NULL;
    int r = mapping_lookup(ts, f->builtins, name, &v);
    if (r > 0) return v;
    if (r == 0) krEval_name_error(ts, name);
    return NULL;
}

KrObject *krEval_load_name(KrThreadState *ts, KrFrame *f, KrObject *name) {
    if (f->locals == NULL) {
        krErr_format(ts, &KrExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    KrObject *v;
    int r = mapping_lookup(ts, f->locals, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    return load_global_or_builtin(ts, f, name);
}

KrObject *krEval_load_global(KrThreadState *ts, KrFrame *f, KrObject *name) {
    return load_global_or_builtin(ts, f, name);
}

KrObject *krEval_load_classderef(KrThreadState *ts, KrFrame *f, int slot) {
    KrObject *name = KR_TUPLE_GET(f->code->co_localsplusnames, slot);
    if (f->locals != NULL) {
        KrObject *v;
        int r = mapping_lookup(ts, f->locals, name, &v);
        if (r > 0) return v;
        if (r < 0) return NULL;
    }
    KrObject *v = ((KrCellObject *)f->localsplus[slot])->ref;
    if (v == NULL) {
        krEval_unbound_deref_error(ts, f->code, slot);
        return NULL;
    }
    return kr_newref(v);
}

int krEval_store_name(KrThreadState *ts, KrFrame *f, KrObject *name, KrObject *value) {
    if (f->locals == NULL) {
        krErr_format(ts, &KrExc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (krDict_check_exact(f->locals)) return krDict_set(ts, f->locals, name, value);
    return krObj_setitem(ts, f->locals, name, value);
}

int krEval_delete_name(KrThreadState *ts, KrFrame *f, KrObject *name) {
    if (f->locals == NULL) {
        krErr_format(ts, &KrExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (krObj_delitem(ts, f->locals, name) < 0) {
        krErr_clear(ts);
        krEval_name_error(ts, name);
        return -1;
    }
    return 0;
}

int krEval_delete_global(KrThreadState *ts, KrFrame *f, KrObject *name) {
    if (krDict_del(ts, f->globals, name) < 0) {
        if (krErr_matches(ts, &KrExc_KeyError)) {
            krErr_clear(ts);
            krEval_name_error(ts, name);
        }
        return -1;
    }
    return 0;
}

int krEval_setup_annotations(KrThreadState *ts, KrFrame *f) {
    if (f->locals == NULL) {
        krErr_set_string(ts, &KrExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    KrObject *ann;
    int r = mapping_lookup(ts, f->locals, KR_ID(__annotations__), &ann);
    if (r < 0) return -1;
    if (r > 0) {
        kr_decref(ann);
        return 0;
    }
    ann = krDict_new(ts);
    if (ann == NULL) return -1;
    int err = krDict_check_exact(f->locals) ? krDict_set(ts, f->locals, KR_ID(__annotations__), ann)
                                            : krObj_setitem(ts, f->locals, KR_ID(__annotations__), ann);
    kr_decref(ann);
    return err;
}

KrObject *krEval_load_build_class(KrThreadState *ts, KrFrame *f) {
    KrObject *bc;
    int r = mapping_lookup(ts, f->builtins, KR_ID(__build_class__), &bc);
    if (r > 0) return bc;
    if (r == 0) krErr_set_string(ts, &KrExc_NameError, "__build_class__ not found");
    return NULL;
}

int krEval_print_expr(KrThreadState *ts, KrObject *value) {
    KrObject *hook = ts->interp->sysdict ? krDict_get_cstr(ts, ts->interp->sysdict, "displayhook") : NULL;
    if (hook == NULL) {
        if (!krErr_occurred(ts)) krErr_set_string(ts, &KrExc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    KrObject *res = krObj_call1(ts, hook, value);
    if (res == NULL) return -1;
    kr_decref(res);
    return 0;
}

// ---------------------------------------------------------------------------
// Imports

// Is `f` the built-in __import__ (so the import machinery can be called
// directly)?
static bool is_builtin_import(KrObject *f) {
    if (KR_TYPE(f) != &KrCFunction_Type) return false;
    return strcmp(((KrCFunctionObject *)f)->def->name, "__import__") == 0;
}

KrObject *krEval_import_name(KrThreadState *ts, KrFrame *f, KrObject *name, KrObject *fromlist, KrObject *level) {
    KrObject *import_func;
    int r = mapping_lookup(ts, f->builtins, KR_ID(__import__), &import_func);
    if (r <= 0) {
        if (r == 0) krErr_set_string(ts, &KrExc_ImportError, "__import__ not found");
        return NULL;
    }
    KrObject *locals = f->locals ? f->locals : KR_NONE;
    KrObject *res;
    if (is_builtin_import(import_func)) {
        int64_t ilevel = krInt_as_i64(ts, level);
        if (ilevel == -1 && krErr_occurred(ts)) {
            kr_decref(import_func);
            return NULL;
        }
        res = krImport_import_module_level(ts, name, f->globals, locals, fromlist, (int)ilevel);
    } else {
        KrObject *args[5] = {name, f->globals, locals, fromlist, level};
        res = krObj_vectorcall(ts, import_func, args, 5, NULL);
    }
    kr_decref(import_func);
    return res;
}

int krEval_import_star(KrThreadState *ts, KrFrame *f, KrObject *module) {
    KrObject *locals = krFrame_fast_to_locals(ts, f);
    if (locals == NULL) {
        if (!krErr_occurred(ts)) krErr_set_string(ts, &KrExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    return krImport_star(ts, module, locals);
}

// ---------------------------------------------------------------------------
// Unpacking and containers

// Has `o` __getitem__ without being a mapping (CPython's PySequence_Check)?
static bool is_sequence_like(KrObject *o) {
    return KR_TYPE(o)->mp_subscript != NULL && !krDict_check(o);
}

int krEval_unpack(KrThreadState *ts, KrObject *seq, int before, int after, KrObject **sp) {
    KrObject *it = krObj_get_iter(ts, seq);
    if (it == NULL) {
        if (krErr_matches(ts, &KrExc_TypeError) && KR_TYPE(seq)->tp_iter == NULL && !is_sequence_like(seq)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError, "cannot unpack non-iterable %.200s object", KR_TYPE(seq)->tp_name);
        }
        return -1;
    }
    int total = before + (after >= 0 ? 1 + after : 0);
    KrObject **top = sp + total;   // items are stored downwards: the first ends on top
    for (int i = 0; i < before; i++) {
        KrObject *w = krIter_next(ts, it);
        if (w == NULL) {
            if (!krErr_occurred(ts)) {
                if (after < 0)
                    krErr_format(ts, &KrExc_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
                else
                    krErr_format(ts, &KrExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                 before + after, i);
            }
            goto fail;
        }
        *--top = w;
    }
    if (after < 0) {
        KrObject *w = krIter_next(ts, it);
        if (w == NULL) {
            if (krErr_occurred(ts)) goto fail;
            kr_decref(it);
            return 0;
        }
        kr_decref(w);
        krErr_format(ts, &KrExc_ValueError, "too many values to unpack (expected %d)", before);
        goto fail;
    }
    KrObject *rest = krSeq_list(ts, it);
    if (rest == NULL) goto fail;
    *--top = rest;
    KrSsize n = KR_LIST_SIZE(rest);
    if (n < after) {
        krErr_format(ts, &KrExc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                     before + after, before + n);
        goto fail;
    }
    // Move the last `after` items of the list onto the stack.
    for (int j = after; j > 0; j--) *--top = KR_LIST_GET(rest, n - j);
    KR_SIZE(rest) = n - after;
    kr_decref(it);
    return 0;
fail:
    while (top < sp + total) kr_decref(*top++);
    kr_decref(it);
    return -1;
}

int krEval_list_extend(KrThreadState *ts, KrObject *list, KrObject *iterable) {
    if (krList_extend(ts, list, iterable) == 0) return 0;
    if (krErr_matches(ts, &KrExc_TypeError) && KR_TYPE(iterable)->tp_iter == NULL && !is_sequence_like(iterable)) {
        krErr_clear(ts);
        krErr_format(ts, &KrExc_TypeError, "Value after * must be an iterable, not %.200s", KR_TYPE(iterable)->tp_name);
    }
    return -1;
}

// Is `o` usable as a mapping by dict merging (a dict, or has keys())?
static int has_keys(KrThreadState *ts, KrObject *o) {
    if (krDict_check(o)) return 1;
    return krObj_hasattr(ts, o, KR_ID(keys));
}

int krEval_dict_update(KrThreadState *ts, KrObject *dict, KrObject *update) {
    int ok = has_keys(ts, update);
    if (ok < 0) return -1;
    if (ok == 0 || krDict_merge(ts, dict, update, 1) < 0) {
        if (ok == 0 || krErr_matches(ts, &KrExc_AttributeError)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError, "'%.200s' object is not a mapping", KR_TYPE(update)->tp_name);
        }
        return -1;
    }
    return 0;
}

// "f()", "m.C.f()" for call error messages (CPython's _PyObject_FunctionStr).
static KrObject *function_str(KrThreadState *ts, KrObject *func) {
    KrObject *qualname = NULL, *module = NULL, *res;
    int r = krObj_lookup_attr(ts, func, KR_ID(__qualname__), &qualname);
    if (r < 0) return NULL;
    if (r == 0) return krObj_str(ts, func);
    r = krObj_lookup_attr(ts, func, KR_ID(__module__), &module);
    if (r < 0) {
        kr_decref(qualname);
        return NULL;
    }
    if (module != NULL && module != KR_NONE && !(krStr_check(module) && krStr_eq_cstr(module, "builtins")))
        res = krStr_from_format(ts, "%S.%S()", module, qualname);
    else
        res = krStr_from_format(ts, "%S()", qualname);
    kr_decref(qualname);
    kr_xdecref(module);
    return res;
}

// Rewrites the errors of merging `kwargs` into a call's keyword dict.
static void format_kwargs_error(KrThreadState *ts, KrObject *func, KrObject *kwargs, bool not_mapping) {
    if (not_mapping || krErr_matches(ts, &KrExc_AttributeError)) {
        krErr_clear(ts);
        KrObject *fs = function_str(ts, func);
        if (fs == NULL) return;
        krErr_format(ts, &KrExc_TypeError, "%U argument after ** must be a mapping, not %.200s", fs,
                     KR_TYPE(kwargs)->tp_name);
        kr_decref(fs);
    } else if (krErr_matches(ts, &KrExc_KeyError)) {
        KrObject *exc = krErr_fetch(ts);
        KrObject *args = krExc_args(exc);
        if (args == NULL || !krTuple_check(args) || KR_TUPLE_SIZE(args) != 1) {
            krErr_restore(ts, exc);
            return;
        }
        KrObject *fs = function_str(ts, func);
        if (fs != NULL) {
            krErr_format(ts, &KrExc_TypeError, "%U got multiple values for keyword argument '%S'", fs,
                         KR_TUPLE_GET(args, 0));
            kr_decref(fs);
        }
        kr_decref(exc);
    }
}

int krEval_dict_merge(KrThreadState *ts, KrObject *func, KrObject *dict, KrObject *update) {
    int ok = has_keys(ts, update);
    if (ok < 0) return -1;
    if (ok == 0 || krDict_merge(ts, dict, update, 2) < 0) {
        format_kwargs_error(ts, func, update, ok == 0);
        return -1;
    }
    return 0;
}

KrObject *krEval_build_map(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    KrObject *map = krDict_new_presized(ts, n);
    if (map == NULL) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        if (krDict_set(ts, map, items[2 * i], items[2 * i + 1]) < 0) {
            kr_decref(map);
            return NULL;
        }
    }
    return map;
}

KrObject *krEval_build_const_key_map(KrThreadState *ts, KrObject *const *values, KrObject *keys) {
    KrSsize n = KR_TUPLE_SIZE(keys);
    KrObject *map = krDict_new_presized(ts, n);
    if (map == NULL) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        if (krDict_set(ts, map, KR_TUPLE_GET(keys, i), values[i]) < 0) {
            kr_decref(map);
            return NULL;
        }
    }
    return map;
}

KrObject *krEval_build_string(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    if (n == 0) return kr_newref(krStr_empty());
    if (n == 1) return kr_newref(items[0]);
    KrStrBuilder sb;
    krSB_init(&sb);
    for (KrSsize i = 0; i < n; i++) {
        if (krSB_append_str(ts, &sb, items[i]) < 0) {
            krSB_discard(&sb);
            return NULL;
        }
    }
    return krSB_finish(ts, &sb);
}

KrObject *krEval_build_set(KrThreadState *ts, KrObject *const *items, KrSsize n) {
    KrObject *set = krSet_new(ts, NULL);
    if (set == NULL) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        if (krSet_add(ts, set, items[i]) < 0) {
            kr_decref(set);
            return NULL;
        }
    }
    return set;
}

KrObject *krEval_format_value(KrThreadState *ts, KrObject *value, int conversion, KrObject *spec) {
    KrObject *v;
    switch (conversion) {
    case 1: v = krObj_str(ts, value); break;
    case 2: v = krObj_repr(ts, value); break;
    case 3: v = krObj_ascii(ts, value); break;
    default: v = kr_newref(value); break;
    }
    if (v == NULL) return NULL;
    if (spec == NULL && krStr_check_exact(v)) return v;
    KrObject *res = krObj_format(ts, v, spec);
    kr_decref(v);
    return res;
}

KrObject *krEval_ex_args_tuple(KrThreadState *ts, KrObject *func, KrObject *args) {
    if (KR_TYPE(args)->tp_iter == NULL && !is_sequence_like(args)) {
        KrObject *fs = function_str(ts, func);
        if (fs == NULL) return NULL;
        krErr_format(ts, &KrExc_TypeError, "%U argument after * must be an iterable, not %.200s", fs,
                     KR_TYPE(args)->tp_name);
        kr_decref(fs);
        return NULL;
    }
    return krSeq_tuple(ts, args);
}

KrObject *krEval_ex_kwargs_dict(KrThreadState *ts, KrObject *func, KrObject *kwargs) {
    KrObject *d = krDict_new(ts);
    if (d == NULL) return NULL;
    if (krEval_dict_merge(ts, func, d, kwargs) < 0) {
        kr_decref(d);
        return NULL;
    }
    return d;
}

// ---------------------------------------------------------------------------
// The eval breaker, signals, the recursion limit

// Set from the signal handler; only async-signal-safe operations here.
static void on_signal(int sig) {
    KrInterp *interp = kr_runtime.main_interp;
    if (interp == NULL || sig <= 0 || sig >= 65) return;
    interp->pending_signals[sig] = 1;
    __atomic_fetch_or(&interp->eval_breaker, (uint32_t)KR_BREAK_SIGNALS, __ATOMIC_SEQ_CST);
}

void krEval_install_signal_handlers(void) {
    struct sigaction sa, old;
    // A SIGINT ignored by the parent (background jobs) stays ignored, as in CPython.
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: a blocking read is interrupted (EINTR) so that Ctrl-C is
    // noticed promptly, as in CPython.
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
}

int (*krEval_signal_hook)(KrThreadState *ts, int sig);

int krEval_handle_breaker(KrThreadState *ts) {
    KrInterp *interp = ts->interp;
    uint32_t bits = interp->eval_breaker;
    if (bits & KR_BREAK_SIGNALS) {
        __atomic_fetch_and(&interp->eval_breaker, ~(uint32_t)KR_BREAK_SIGNALS, __ATOMIC_SEQ_CST);
        bool interrupted = false;
        for (int sig = 1; sig < 65; sig++) {
            if (interp->pending_signals[sig]) {
                interp->pending_signals[sig] = 0;
                if (krEval_signal_hook) {
                    if (krEval_signal_hook(ts, sig) < 0) {
                        // Signals still pending are handled at the next check.
                        __atomic_fetch_or(&interp->eval_breaker, (uint32_t)KR_BREAK_SIGNALS, __ATOMIC_SEQ_CST);
                        return -1;
                    }
                } else if (sig == SIGINT) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            krErr_set_none(ts, &KrExc_KeyboardInterrupt);
            return -1;
        }
    }
    if (bits & KR_BREAK_ASYNC_EXC) {
        __atomic_fetch_and(&interp->eval_breaker, ~(uint32_t)KR_BREAK_ASYNC_EXC, __ATOMIC_SEQ_CST);
        KrObject *exc = ts->async_exc;
        if (exc != NULL) {
            ts->async_exc = NULL;
            if (krExc_is_class(exc)) {
                krErr_set_none(ts, (KrTypeObject *)exc);
                kr_decref(exc);
            } else {
                krErr_set_exc(ts, exc);
            }
            return -1;
        }
    }
    // KR_BREAK_GIL_DROP, KR_BREAK_PENDING and KR_BREAK_GC belong to the
    // subsystems that set them (GIL, pending calls, collector); they hook in
    // here when they exist.
    return 0;
}

// ---------------------------------------------------------------------------
// Which calls count against the recursion limit (see krEval_call_counts)

extern KrTypeObject KrSuper_Type;   // super.c has no header

KrCallExceptions kr_call_exceptions;

static const KrMethodDef *cfunction_def_of(KrObject *o) {
    if (o == NULL) return NULL;
    if (KR_TYPE(o) == &KrCFunction_Type) return ((KrCFunctionObject *)o)->def;
    if (KR_TYPE(o) == &KrMethodDescr_Type) return ((KrMethodDescrObject *)o)->d_method;
    return NULL;
}

static void add_exception(const void *key) {
    if (key == NULL) return;
    size_t h = krEval_call_exception_hash(key);
    while (kr_call_exceptions.keys[h] != NULL && kr_call_exceptions.keys[h] != key)
        h = (h + 1) & (KR_CALL_EXCEPTIONS_SIZE - 1);
    kr_call_exceptions.keys[h] = key;
}

void krEval_load_call_exceptions(KrThreadState *ts) {
    KrObject *builtins = ts->interp->builtins;
    if (kr_call_exceptions.ready || builtins == NULL) return;
    // Built-ins: len and list.append (METH_O, but CPython's specialised calls
    // of them are unchecked) and those CPython defines with METH_VARARGS
    // (never specialised, so always checked).
    static const struct {
        KrTypeObject *type;   // NULL: a built-in function
        const char *name;
    } defs[] = {
        {NULL, "len"},          {&KrList_Type, "append"}, {NULL, "min"},
        {NULL, "max"},          {NULL, "dir"},            {NULL, "vars"},
        {&KrStr_Type, "format"}, {&KrDict_Type, "update"}, {&KrSet_Type, "update"},
        {&KrSet_Type, "union"}, {&KrSet_Type, "intersection"}, {&KrSet_Type, "difference"},
        {&KrSet_Type, "intersection_update"}, {&KrSet_Type, "difference_update"},
    };
    // Built-in classes CPython calls through a vectorcall entry (unchecked).
    static KrTypeObject *const classes[] = {
        &KrList_Type, &KrTuple_Type, &KrDict_Type, &KrSet_Type, &KrFrozenSet_Type, &KrFloat_Type, &KrBool_Type,
        &KrRange_Type, &KrEnumerate_Type, &KrMap_Type, &KrFilter_Type, &KrReversed_Type, &KrSuper_Type,
    };
    KrObject *exc = krErr_fetch(ts);
    if (krDict_get_cstr(ts, builtins, "len") != NULL) {   // else not filled in yet
        for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
            KrObject *d = defs[i].type ? defs[i].type->tp_dict : builtins;
            if (d != NULL) add_exception(cfunction_def_of(krDict_get_cstr(ts, d, defs[i].name)));
        }
        for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) add_exception(classes[i]);
        kr_call_exceptions.ready = true;
    }
    krErr_clear(ts);
    if (exc != NULL) krErr_restore(ts, exc);
}

bool krEval_class_call_counts(KrTypeObject *type, KrSsize npos, KrObject *kw, bool generic) {
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) return true;
    bool one_arg = npos == 1 && kw == NULL;
    if (type == &KrType_Type) return !one_arg;
    if ((type == &KrStr_Type || type == &KrTuple_Type) && one_arg && !generic) return false;
    return !krEval_call_exception(type);
}
