/*
 * call.c — calling Python functions: binding arguments to parameters.
 *
 * krCall_push_frame pushes the callee's frame and stores the arguments in its
 * fast slots, in CPython 3.11's order of checks, so that the TypeErrors come
 * out the same: positional arguments, then *args, then keywords (unexpected,
 * duplicated), then "takes N positional arguments", then missing positional
 * arguments (after defaults), then missing keyword-only arguments.  Messages
 * name the function by its __qualname__.
 *
 * The common case — exactly the positional parameters, no keywords, no
 * star-parameters and no keyword-only parameters — moves the references straight
 * into the frame.  The general case copies (increfs) what it keeps and
 * releases all the arguments at the end, so failure paths stay simple.
 */
#include "vm/eval_internal.h"

#include <stdio.h>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "vm/eval.h"

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" from a list of names.  New
// reference.
static KrObject *format_names(KrThreadState *ts, KrObject *const *names, KrSsize n) {
    KrStrBuilder sb;
    krSB_init(&sb);
    for (KrSsize i = 0; i < n; i++) {
        if (i > 0) {
            const char *sep = (n == 2) ? " and " : (i == n - 1 ? ", and " : ", ");
            if (krSB_append_cstr(ts, &sb, sep) < 0) goto fail;
        }
        if (krSB_append_obj_repr(ts, &sb, names[i]) < 0) goto fail;
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

// "f() missing 2 required positional arguments: 'a' and 'b'" for the unset
// slots in [start, end).
static void missing_arguments(KrThreadState *ts, KrFunctionObject *func, KrObject **slots, int start, int end,
                              const char *kind) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    KrObject *names[256];
    KrObject **buf = names;
    KrSsize n = 0;
    if (end - start > 256) {
        buf = krMem_malloc(sizeof(KrObject *) * (size_t)(end - start));
        if (buf == NULL) {
            krErr_no_memory(ts);
            return;
        }
    }
    for (int i = start; i < end; i++)
        if (slots[i] == NULL) buf[n++] = KR_TUPLE_GET(co->co_localsplusnames, i);
    KrObject *list = format_names(ts, buf, n);
    if (buf != names) krMem_free(buf);
    if (list == NULL) return;
    krErr_format(ts, &KrExc_TypeError, "%U() missing %zd required %s argument%s: %U", func->func_qualname, n, kind,
                 n == 1 ? "" : "s", list);
    kr_decref(list);
}

// "f() takes 2 positional arguments but 3 were given" and its variants.
static void too_many_positional(KrThreadState *ts, KrFunctionObject *func, KrObject **slots, KrSsize given) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    KrSsize kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (slots[i] != NULL) kwonly_given++;
    KrSsize defcount = func->func_defaults ? KR_TUPLE_SIZE(func->func_defaults) : 0;
    char sig[64], kwsig[96];
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %zd to %d", (KrSsize)co->co_argcount - defcount, co->co_argcount);
    } else {
        plural = co->co_argcount != 1;
        snprintf(sig, sizeof sig, "%d", co->co_argcount);
    }
    kwsig[0] = '\0';
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zd keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    krErr_format(ts, &KrExc_TypeError, "%U() takes %s positional argument%s but %zd%s %s given", func->func_qualname,
                 sig, plural ? "s" : "", given, kwsig, (given == 1 && !kwonly_given) ? "was" : "were");
}

// When a keyword names a positional-only parameter (and there is no
// **kwargs to absorb it): "f() got some positional-only arguments passed as
// keyword arguments: 'a'".  Returns true when it raised.
static bool posonly_passed_as_keyword(KrThreadState *ts, KrFunctionObject *func, KrObject *kwnames) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    KrObject *found[256];
    KrSsize n = 0;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        KrObject *pname = KR_TUPLE_GET(co->co_localsplusnames, k);
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(kwnames); i++) {
            KrObject *kw = KR_TUPLE_GET(kwnames, i);
            if (krStr_check(kw) && krStr_eq(kw, pname)) {
                if (n < 256) found[n++] = pname;
                break;
            }
        }
    }
    if (n == 0) return false;
    KrStrBuilder sb;
    krSB_init(&sb);
    for (KrSsize i = 0; i < n; i++) {
        if ((i > 0 && krSB_append_cstr(ts, &sb, ", ") < 0) || krSB_append_str(ts, &sb, found[i]) < 0) {
            krSB_discard(&sb);
            return true;
        }
    }
    KrObject *list = krSB_finish(ts, &sb);
    if (list == NULL) return true;
    krErr_format(ts, &KrExc_TypeError,
                 "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                 func->func_qualname, list);
    kr_decref(list);
    return true;
}

// Index of the parameter named `kw` among the ones that may be passed by
// keyword, or -1.
static int find_keyword(KrCodeObject *co, KrObject *kw) {
    int total = co->co_argcount + co->co_kwonlyargcount;
    KrObject *const *names = KR_TUPLE_ITEMS(co->co_localsplusnames);
    // Keyword names are normally interned: compare pointers first.
    for (int j = co->co_posonlyargcount; j < total; j++)
        if (names[j] == kw) return j;
    for (int j = co->co_posonlyargcount; j < total; j++)
        if (krStr_eq(names[j], kw)) return j;
    return -1;
}

static int bind_keywords(KrThreadState *ts, KrFunctionObject *func, KrObject **slots, KrObject *const *kwvalues,
                         KrObject *kwnames, KrObject *kwdict) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(kwnames); i++) {
        KrObject *kw = KR_TUPLE_GET(kwnames, i);
        KrObject *value = kwvalues[i];
        if (!krStr_check(kw)) {
            krErr_format(ts, &KrExc_TypeError, "%U() keywords must be strings", func->func_qualname);
            return -1;
        }
        int j = find_keyword(co, kw);
        if (j < 0) {
            if (kwdict == NULL) {
                if (co->co_posonlyargcount && posonly_passed_as_keyword(ts, func, kwnames)) return -1;
                krErr_format(ts, &KrExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                             func->func_qualname, kw);
                return -1;
            }
            if (krDict_set(ts, kwdict, kw, value) < 0) return -1;
            continue;
        }
        if (slots[j] != NULL) {
            krErr_format(ts, &KrExc_TypeError, "%U() got multiple values for argument '%S'", func->func_qualname,
                         kw);
            return -1;
        }
        slots[j] = kr_newref(value);
    }
    return 0;
}

static int fill_defaults(KrThreadState *ts, KrFunctionObject *func, KrObject **slots, KrSsize nargs) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    int argcount = co->co_argcount;
    if (nargs < argcount) {
        KrSsize defcount = func->func_defaults ? KR_TUPLE_SIZE(func->func_defaults) : 0;
        KrSsize m = argcount - defcount;
        for (KrSsize i = nargs; i < m; i++) {
            if (slots[i] == NULL) {
                missing_arguments(ts, func, slots, 0, (int)m, "positional");
                return -1;
            }
        }
        for (KrSsize i = (nargs > m ? nargs - m : 0); i < defcount; i++)
            if (slots[m + i] == NULL) slots[m + i] = kr_newref(KR_TUPLE_GET(func->func_defaults, i));
    }
    int total = argcount + co->co_kwonlyargcount;
    bool missing = false;
    for (int i = argcount; i < total; i++) {
        if (slots[i] != NULL) continue;
        if (func->func_kwdefaults != NULL) {
            KrObject *def = krDict_get(ts, func->func_kwdefaults, KR_TUPLE_GET(co->co_localsplusnames, i));
            if (def != NULL) {
                slots[i] = kr_newref(def);
                continue;
            }
            if (krErr_occurred(ts)) return -1;
        }
        missing = true;
    }
    if (missing) {
        missing_arguments(ts, func, slots, argcount, total, "keyword-only");
        return -1;
    }
    return 0;
}

// The general binder: args are borrowed here.
static int bind_general(KrThreadState *ts, KrFunctionObject *func, KrObject **slots, KrObject *const *args,
                        KrSsize nargs, KrObject *kwnames) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    int argcount = co->co_argcount;
    int total = argcount + co->co_kwonlyargcount;
    KrObject *kwdict = NULL;
    if (co->co_flags & KR_CO_VARKEYWORDS) {
        kwdict = krDict_new(ts);
        if (kwdict == NULL) return -1;
        slots[total + ((co->co_flags & KR_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    KrSsize n = nargs < argcount ? nargs : argcount;
    for (KrSsize j = 0; j < n; j++) slots[j] = kr_newref(args[j]);
    if (co->co_flags & KR_CO_VARARGS) {
        KrObject *rest = krTuple_from_array(ts, args + n, nargs - n);
        if (rest == NULL) return -1;
        slots[total] = rest;
    }
    if (kwnames != NULL && bind_keywords(ts, func, slots, args + nargs, kwnames, kwdict) < 0) return -1;
    if (nargs > argcount && !(co->co_flags & KR_CO_VARARGS)) {
        too_many_positional(ts, func, slots, nargs);
        return -1;
    }
    return fill_defaults(ts, func, slots, nargs);
}

KrFrame *krCall_push_frame(KrThreadState *ts, KrFunctionObject *func, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    KrCodeObject *co = (KrCodeObject *)func->func_code;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrFrame *f = krFrame_push(ts, co, (KrObject *)func, func->func_globals, func->func_builtins, NULL);
    if (f != NULL && nkw == 0 && nargs == co->co_argcount && co->co_kwonlyargcount == 0 &&
        !(co->co_flags & (KR_CO_VARARGS | KR_CO_VARKEYWORDS))) {
        for (KrSsize i = 0; i < nargs; i++) f->localsplus[i] = args[i];
        return f;
    }
    int err = f ? bind_general(ts, func, f->localsplus, args, nargs, kwnames) : -1;
    for (KrSsize i = 0; i < nargs + nkw; i++) kr_decref(args[i]);
    if (err < 0) {
        if (f != NULL) krFrame_pop(ts, f);
        return NULL;
    }
    return f;
}

KrFrame *krCall_push_frame_ex(KrThreadState *ts, KrFunctionObject *func, KrObject *args, KrObject *kwargs) {
    KrSsize nargs = KR_TUPLE_SIZE(args);
    KrSsize nkw = kwargs ? krDict_size(kwargs) : 0;
    KrObject *small[16];
    KrObject **stack = small;
    KrObject *kwnames = NULL;
    if (nargs + nkw > 16) {
        stack = krMem_malloc(sizeof(KrObject *) * (size_t)(nargs + nkw));
        if (stack == NULL) {
            krErr_no_memory(ts);
            return NULL;
        }
    }
    for (KrSsize i = 0; i < nargs; i++) stack[i] = kr_newref(KR_TUPLE_GET(args, i));
    if (nkw > 0) {
        kwnames = krTuple_new(ts, nkw);
        if (kwnames == NULL) goto fail;
        KrSsize pos = 0, i = 0;
        KrObject *key, *value;
        while (i < nkw && krDict_next(kwargs, &pos, &key, &value)) {
            if (!krStr_check(key)) {
                krErr_set_string(ts, &KrExc_TypeError, "keywords must be strings");
                for (KrSsize j = nargs; j < nargs + i; j++) kr_decref(stack[j]);
                goto fail;
            }
            KR_TUPLE_SET(kwnames, i, kr_newref(key));
            stack[nargs + i] = kr_newref(value);
            i++;
        }
        // Fill any remaining names so the tuple is valid even if the dict
        // shrank meanwhile (it cannot: nothing above runs Python code).
        for (; i < nkw; i++) {
            KR_TUPLE_SET(kwnames, i, kr_newref(KR_NONE));
            stack[nargs + i] = kr_newref(KR_NONE);
        }
    }
    KrFrame *f = krCall_push_frame(ts, func, stack, nargs, kwnames);
    kr_xdecref(kwnames);
    if (stack != small) krMem_free(stack);
    return f;
fail:
    for (KrSsize i = 0; i < nargs; i++) kr_decref(stack[i]);
    kr_xdecref(kwnames);
    if (stack != small) krMem_free(stack);
    return NULL;
}

KrObject *krFunction_vectorcall(KrThreadState *ts, KrObject *func, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    KrSsize total = nargs + (kwnames ? KR_TUPLE_SIZE(kwnames) : 0);
    // The binder consumes references; ours are borrowed.
    for (KrSsize i = 0; i < total; i++) kr_incref(args[i]);
    KrFrame *f = krCall_push_frame(ts, (KrFunctionObject *)func, args, nargs, kwnames);
    if (f == NULL) return NULL;
    return krEval_frame(ts, f);
}
