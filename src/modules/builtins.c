/*
 * builtins.c — the builtins module: the built-in functions, the built-in
 * types and constants under their Python names, and __build_class__.
 * exec/eval/compile and the reductions (min, max, sum, sorted) are in
 * builtins_exec.c and builtins_reduce.c.
 */
#include <string.h>

#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "runtime/import.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

// ---------------------------------------------------------------------------
// __build_class__(func, name, *bases, metaclass=None, **kwds)

// PEP 560: replace bases that define __mro_entries__ by what it returns.
static KrObject *update_bases(KrThreadState *ts, KrObject *bases, bool *changed) {
    *changed = false;
    KrObject *list = NULL;
    KrSsize n = KR_TUPLE_SIZE(bases);
    for (KrSsize i = 0; i < n; i++) {
        KrObject *base = KR_TUPLE_GET(bases, i);
        KrObject *meth = NULL;
        if (!kr_type_check(base, &KrType_Type)) {
            if (krObj_lookup_attr(ts, base, KR_ID(__mro_entries__), &meth) < 0) goto fail;
        }
        if (!meth) {
            if (list && krList_append(ts, list, base) < 0) goto fail;
            continue;
        }
        KrObject *entries = krObj_call1(ts, meth, bases);
        kr_decref(meth);
        if (!entries) goto fail;
        if (!krTuple_check(entries)) {
            kr_decref(entries);
            krErr_set_string(ts, &KrExc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!list) {
            if (!(list = krList_from_array(ts, KR_TUPLE_ITEMS(bases), i))) {
                kr_decref(entries);
                goto fail;
            }
        }
        int r = krList_extend(ts, list, entries);
        kr_decref(entries);
        if (r < 0) goto fail;
    }
    if (!list) return kr_newref(bases);
    *changed = true;
    KrObject *t = krList_as_tuple(ts, list);
    kr_decref(list);
    return t;
fail:
    kr_xdecref(list);
    return NULL;
}

// Splits keyword arguments into `metaclass` and a kwnames tuple of the rest.
static int split_class_kwargs(KrThreadState *ts, KrObject *const *kwvalues, KrObject *kwnames, KrObject **meta,
                              KrObject **rest_values, KrObject **rest_names) {
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0, n = 0;
    *meta = NULL;
    *rest_names = NULL;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i);
        if (krStr_eq_cstr(k, "metaclass")) *meta = kwvalues[i];
        else rest_values[n++] = kwvalues[i];
    }
    if (n == 0) return 0;
    if (!(*rest_names = krTuple_new(ts, n))) return -1;
    n = 0;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i);
        if (!krStr_eq_cstr(k, "metaclass")) KR_TUPLE_SET(*rest_names, n++, kr_newref(k));
    }
    return 0;
}

static KrObject *call_prepare(KrThreadState *ts, KrObject *meta, KrObject *name, KrObject *bases,
                              KrObject *const *kwvalues, KrObject *kwnames) {
    KrObject *prep;
    int r = krObj_lookup_attr(ts, meta, KR_ID(__prepare__), &prep);
    if (r < 0) return NULL;
    if (r == 0) return krDict_new(ts);
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrObject *stack[2 + 64];
    if (nkw > 64) {
        kr_decref(prep);
        return krErr_format(ts, &KrExc_TypeError, "too many keyword arguments");
    }
    stack[0] = name;
    stack[1] = bases;
    for (KrSsize i = 0; i < nkw; i++) stack[2 + i] = kwvalues[i];
    KrObject *ns = krObj_vectorcall(ts, prep, stack, 2, kwnames);
    kr_decref(prep);
    if (ns && !KR_TYPE(ns)->mp_subscript) {
        krErr_format(ts, &KrExc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                     kr_type_check(meta, &KrType_Type) ? krType_name((KrTypeObject *)meta) : "<metaclass>", ns);
        kr_decref(ns);
        return NULL;
    }
    return ns;
}

static KrObject *builtin_build_class(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    if (nargs < 2) return krErr_format(ts, &KrExc_TypeError, "__build_class__: not enough arguments");
    KrObject *func = args[0], *name = args[1];
    if (!krFunction_check(func)) return krErr_format(ts, &KrExc_TypeError, "__build_class__: func must be a function");
    if (!krStr_check(name)) return krErr_format(ts, &KrExc_TypeError, "__build_class__: name is not a string");
    KrObject *orig_bases = krTuple_from_array(ts, args + 2, nargs - 2);
    if (!orig_bases) return NULL;
    KrObject *meta = NULL, *kwrest_names = NULL, *ns = NULL, *cls = NULL, *cell = NULL, *bases = NULL;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrObject **kwrest = krMem_malloc((size_t)(nkw + 3) * sizeof(KrObject *));
    if (!kwrest) {
        kr_decref(orig_bases);
        return krErr_no_memory(ts);
    }
    bool changed;
    if (!(bases = update_bases(ts, orig_bases, &changed))) goto done;
    if (split_class_kwargs(ts, args + nargs, kwnames, &meta, kwrest + 3, &kwrest_names) < 0) goto done;
    if (!meta)
        meta = KR_TUPLE_SIZE(bases) ? (KrObject *)KR_TYPE(KR_TUPLE_GET(bases, 0)) : (KrObject *)&KrType_Type;
    if (kr_type_check(meta, &KrType_Type)) {
        KrTypeObject *winner = krType_calculate_metaclass(ts, (KrTypeObject *)meta, bases);
        if (!winner) goto done;
        meta = (KrObject *)winner;
    }
    kr_incref(meta);
    if (!(ns = call_prepare(ts, meta, name, bases, kwrest + 3, kwrest_names))) goto done_meta;
    if (changed && krObj_setitem(ts, ns, KR_ID(__orig_bases__), orig_bases) < 0) goto done_meta;
    if (!(cell = krEval_class_body(ts, func, ns))) goto done_meta;
    kwrest[0] = name;
    kwrest[1] = bases;
    kwrest[2] = ns;
    cls = krObj_vectorcall(ts, meta, kwrest, 3, kwrest_names);
    if (cls && krCell_check(cell) && kr_type_check(cls, &KrType_Type)) {
        KrObject *cell_cls = ((KrCellObject *)cell)->ref;
        if (cell_cls != cls) {
            if (!cell_cls)
                krErr_format(ts, &KrExc_RuntimeError,
                             "__class__ not set defining %R as %R. Was __classcell__ propagated to type.__new__?",
                             name, cls);
            else
                krErr_format(ts, &KrExc_TypeError, "__class__ set to %R defining %R as %R", cell_cls, name, cls);
            KR_CLEAR(cls);
        }
    }
done_meta:
    kr_decref(meta);
done:
    kr_xdecref(cell);
    kr_xdecref(ns);
    kr_xdecref(bases);
    kr_xdecref(kwrest_names);
    kr_decref(orig_bases);
    krMem_free(kwrest);
    return cls;
}

// ---------------------------------------------------------------------------
// Simple functions

static KrObject *builtin_abs(KrThreadState *ts, KrObject *self, KrObject *x) { return krNum_absolute(ts, x); }

static KrObject *builtin_all(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) return NULL;
    KrObject *item;
    while ((item = krIter_next(ts, it))) {
        int t = krObj_is_true(ts, item);
        kr_decref(item);
        if (t <= 0) {
            kr_decref(it);
            return t < 0 ? NULL : kr_newref(KR_FALSE);
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? NULL : kr_newref(KR_TRUE);
}

static KrObject *builtin_any(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) return NULL;
    KrObject *item;
    while ((item = krIter_next(ts, it))) {
        int t = krObj_is_true(ts, item);
        kr_decref(item);
        if (t != 0) {
            kr_decref(it);
            return t < 0 ? NULL : kr_newref(KR_TRUE);
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? NULL : kr_newref(KR_FALSE);
}

static KrObject *builtin_ascii(KrThreadState *ts, KrObject *self, KrObject *o) { return krObj_ascii(ts, o); }

static KrObject *base_str(KrThreadState *ts, KrObject *o, int base) {
    KrObject *i = krNum_index(ts, o);
    if (!i) return NULL;
    KrObject *r = krInt_to_base_str(ts, i, base);
    kr_decref(i);
    return r;
}
static KrObject *builtin_bin(KrThreadState *ts, KrObject *self, KrObject *o) { return base_str(ts, o, 2); }
static KrObject *builtin_oct(KrThreadState *ts, KrObject *self, KrObject *o) { return base_str(ts, o, 8); }
static KrObject *builtin_hex(KrThreadState *ts, KrObject *self, KrObject *o) { return base_str(ts, o, 16); }

static KrObject *builtin_callable(KrThreadState *ts, KrObject *self, KrObject *o) {
    return kr_bool(krObj_callable(o));
}

static KrObject *builtin_chr(KrThreadState *ts, KrObject *self, KrObject *o) {
    if (!krInt_check(o)) {
        if (krFloat_check(o)) return krErr_format(ts, &KrExc_TypeError, "integer argument expected, got float");
        if (!krNum_is_index(o))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(o)));
    }
    KrObject *i = krNum_index(ts, o);
    if (!i) return NULL;
    int64_t v;
    bool fits = krInt_to_i64(i, &v);
    kr_decref(i);
    if (!fits) return krErr_format(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
    if (v < INT32_MIN || v > INT32_MAX) return krErr_format(ts, &KrExc_OverflowError, "signed integer is %s than %s",
                                                            v < 0 ? "less" : "greater", v < 0 ? "minimum" : "maximum");
    if (v < 0 || v > 0x10FFFF) return krErr_format(ts, &KrExc_ValueError, "chr() arg not in range(0x110000)");
    return krStr_from_codepoint(ts, (uint32_t)v);
}

static KrObject *builtin_ord(KrThreadState *ts, KrObject *self, KrObject *o) {
    if (krStr_check(o)) {
        if (krStr_len(o) != 1)
            return krErr_format(ts, &KrExc_TypeError, "ord() expected a character, but string of length %zd found",
                                krStr_len(o));
        const char *p = krStr_utf8(o);
        return kr_smallint(krUtf8_decode(&p));
    }
    if (krBytes_check(o) || krByteArray_check(o)) {
        const char *data;
        KrSsize size;
        if (krBytes_as_buffer(ts, o, &data, &size) < 0) return NULL;
        if (size != 1)
            return krErr_format(ts, &KrExc_TypeError, "ord() expected a character, but string of length %zd found",
                                size);
        return kr_smallint((unsigned char)data[0]);
    }
    return krErr_format(ts, &KrExc_TypeError, "ord() expected string of length 1, but %s found",
                        krType_name(KR_TYPE(o)));
}

static KrObject *builtin_divmod(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "divmod", nargs, 2, 2) < 0) return NULL;
    return krNum_divmod(ts, args[0], args[1]);
}

static KrObject *builtin_format(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "format", nargs, 1, 2) < 0) return NULL;
    if (nargs == 2 && !krStr_check(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "format() argument 2 must be str, not %s",
                            krArg_type_name(args[1]));
    return krObj_format(ts, args[0], nargs == 2 ? args[1] : NULL);
}

static KrObject *builtin_getattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "getattr", nargs, 2, 3) < 0) return NULL;
    if (!krStr_check(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%s'",
                            krType_name(KR_TYPE(args[1])));
    if (nargs == 2) return krObj_getattr(ts, args[0], args[1]);
    KrObject *r;
    int found = krObj_lookup_attr(ts, args[0], args[1], &r);
    if (found < 0) return NULL;
    return found ? r : kr_newref(args[2]);
}

static KrObject *builtin_setattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "setattr", nargs, 3, 3) < 0) return NULL;
    if (krObj_setattr(ts, args[0], args[1], args[2]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *builtin_delattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "delattr", nargs, 2, 2) < 0) return NULL;
    if (krObj_delattr(ts, args[0], args[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *builtin_hasattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "hasattr", nargs, 2, 2) < 0) return NULL;
    if (!krStr_check(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%s'",
                            krType_name(KR_TYPE(args[1])));
    int r = krObj_hasattr(ts, args[0], args[1]);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *builtin_hash(KrThreadState *ts, KrObject *self, KrObject *o) {
    KrHash h = krObj_hash(ts, o);
    return h == -1 ? NULL : krInt_from_i64(ts, h);
}

static KrObject *builtin_id(KrThreadState *ts, KrObject *self, KrObject *o) {
    return krInt_from_u64(ts, (uint64_t)(uintptr_t)o);
}

static KrObject *builtin_isinstance(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "isinstance", nargs, 2, 2) < 0) return NULL;
    int r = krObj_isinstance(ts, args[0], args[1]);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *builtin_issubclass(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "issubclass", nargs, 2, 2) < 0) return NULL;
    int r = krObj_issubclass(ts, args[0], args[1]);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *builtin_iter(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return krObj_get_iter(ts, args[0]);
    if (!krObj_callable(args[0])) return krErr_format(ts, &KrExc_TypeError, "iter(v, w): v must be callable");
    return krCallIter_new(ts, args[0], args[1]);
}

static KrObject *builtin_next(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "next", nargs, 1, 2) < 0) return NULL;
    KrObject *it = args[0];
    if (!krIter_check(it))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object is not an iterator", krType_name(KR_TYPE(it)));
    KrObject *r = KR_TYPE(it)->tp_iternext(ts, it);
    if (r) return r;
    if (krErr_occurred(ts)) {
        if (nargs < 2 || !krErr_matches(ts, &KrExc_StopIteration)) return NULL;
        krErr_clear(ts);
    }
    if (nargs == 2) return kr_newref(args[1]);
    krErr_set_none(ts, &KrExc_StopIteration);
    return NULL;
}

static KrObject *builtin_len(KrThreadState *ts, KrObject *self, KrObject *o) {
    KrSsize n = krObj_length(ts, o);
    return n < 0 ? NULL : krInt_from_ssize(ts, n);
}

static KrObject *builtin_pow(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"base", "exp", "mod"};
    KrObject *a[3];
    if (krArg_parse(ts, "pow", args, nargs, kwnames, names, 3, 0, 3, 2, a) < 0) return NULL;
    return krNum_power(ts, a[0], a[1], a[2] ? a[2] : KR_NONE);
}

static KrObject *builtin_repr(KrThreadState *ts, KrObject *self, KrObject *o) { return krObj_repr(ts, o); }

static KrObject *builtin_round(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"number", "ndigits"};
    KrObject *a[2];
    if (krArg_parse(ts, "round", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    int found;
    KrObject *r = (a[1] && a[1] != KR_NONE) ? krObj_call_special(ts, a[0], KR_ID(__round__), &a[1], 1, &found)
                                            : krObj_call_special(ts, a[0], KR_ID(__round__), NULL, 0, &found);
    if (!found)
        return krErr_format(ts, &KrExc_TypeError, "type %s doesn't define __round__ method",
                            krType_name(KR_TYPE(a[0])));
    return r;
}

static KrObject *builtin_vars(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return krEval_get_locals(ts);
    KrObject *d;
    int r = krObj_lookup_attr(ts, args[0], KR_ID(__dict__), &d);
    if (r == 0) krErr_set_string(ts, &KrExc_TypeError, "vars() argument must have __dict__ attribute");
    return r > 0 ? d : NULL;
}

static KrObject *builtin_dir(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "dir", nargs, 0, 1) < 0) return NULL;
    KrObject *result;
    if (nargs == 0) {
        KrObject *locals = krEval_get_locals(ts);
        if (!locals) return NULL;
        result = krDict_check(locals) ? krDict_keys(ts, locals) : krSeq_list(ts, locals);
        kr_decref(locals);
    } else {
        int found;
        KrObject *r = krObj_call_special(ts, args[0], KR_ID(__dir__), NULL, 0, &found);
        if (!found) return krErr_format(ts, &KrExc_TypeError, "object does not provide __dir__");
        if (!r) return NULL;
        result = krSeq_list(ts, r);
        kr_decref(r);
    }
    if (result && krList_sort(ts, result, NULL, false) < 0) KR_CLEAR(result);
    return result;
}

static KrObject *builtin_globals(KrThreadState *ts, KrObject *self) {
    KrObject *g = krEval_get_globals(ts);
    return kr_newref(g ? g : KR_NONE);
}

static KrObject *builtin_locals(KrThreadState *ts, KrObject *self) { return krEval_get_locals(ts); }

static KrObject *builtin_import(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    KrObject *a[5];
    if (krArg_parse(ts, "__import__", args, nargs, kwnames, names, 5, 0, 5, 1, a) < 0) return NULL;
    int level = 0;
    if (a[4]) {
        KrSsize l = krNum_as_ssize(ts, a[4], &KrExc_OverflowError);
        if (l == -1 && krErr_occurred(ts)) return NULL;
        level = (int)l;
    }
    return krImport_import_module_level(ts, a[0], a[1], a[2], a[3], level);
}

static const KrMethodDef builtin_methods[] = {
    {"__build_class__", KR_CFUNC(builtin_build_class), KR_METH_FASTKW,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", KR_CFUNC(builtin_import), KR_METH_FASTKW, "Import a module."},
    {"abs", KR_CFUNC(builtin_abs), KR_METH_O, "Return the absolute value of the argument."},
    {"all", KR_CFUNC(builtin_all), KR_METH_O, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", KR_CFUNC(builtin_any), KR_METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", KR_CFUNC(builtin_ascii), KR_METH_O, "Return an ASCII-only representation of an object."},
    {"bin", KR_CFUNC(builtin_bin), KR_METH_O, "Return the binary representation of an integer."},
    {"callable", KR_CFUNC(builtin_callable), KR_METH_O, "Return whether the object is callable."},
    {"chr", KR_CFUNC(builtin_chr), KR_METH_O, "Return a Unicode string of one character with ordinal i."},
    {"delattr", KR_CFUNC(builtin_delattr), KR_METH_FAST, "Deletes the named attribute from the given object."},
    {"dir", KR_CFUNC(builtin_dir), KR_METH_FAST, "Show attributes of an object."},
    {"divmod", KR_CFUNC(builtin_divmod), KR_METH_FAST, "Return the tuple (x//y, x%y)."},
    {"format", KR_CFUNC(builtin_format), KR_METH_FAST, "Return value.__format__(format_spec)"},
    {"getattr", KR_CFUNC(builtin_getattr), KR_METH_FAST, "Get a named attribute from an object."},
    {"globals", KR_CFUNC(builtin_globals), KR_METH_NOARGS, "Return the dictionary containing the current scope's global variables."},
    {"hasattr", KR_CFUNC(builtin_hasattr), KR_METH_FAST, "Return whether the object has an attribute with the given name."},
    {"hash", KR_CFUNC(builtin_hash), KR_METH_O, "Return the hash value for the given object."},
    {"hex", KR_CFUNC(builtin_hex), KR_METH_O, "Return the hexadecimal representation of an integer."},
    {"id", KR_CFUNC(builtin_id), KR_METH_O, "Return the identity of an object."},
    {"isinstance", KR_CFUNC(builtin_isinstance), KR_METH_FAST, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", KR_CFUNC(builtin_issubclass), KR_METH_FAST, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", KR_CFUNC(builtin_iter), KR_METH_FAST, "Get an iterator from an object."},
    {"len", KR_CFUNC(builtin_len), KR_METH_O, "Return the number of items in a container."},
    {"locals", KR_CFUNC(builtin_locals), KR_METH_NOARGS, "Return a dictionary containing the current scope's local variables."},
    {"next", KR_CFUNC(builtin_next), KR_METH_FAST, "Return the next item from the iterator."},
    {"oct", KR_CFUNC(builtin_oct), KR_METH_O, "Return the octal representation of an integer."},
    {"ord", KR_CFUNC(builtin_ord), KR_METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", KR_CFUNC(builtin_pow), KR_METH_FASTKW, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"repr", KR_CFUNC(builtin_repr), KR_METH_O, "Return the canonical string representation of the object."},
    {"round", KR_CFUNC(builtin_round), KR_METH_FASTKW, "Round a number to a given precision in decimal digits."},
    {"setattr", KR_CFUNC(builtin_setattr), KR_METH_FAST, "Sets the named attribute on the given object to the specified value."},
    {"vars", KR_CFUNC(builtin_vars), KR_METH_FAST, "Show vars."},
    {NULL},
};

// ---------------------------------------------------------------------------
// The module

static int add_types_and_constants(KrThreadState *ts, KrObject *m) {
    struct { const char *name; KrObject *value; } entries[] = {
        {"None", KR_NONE}, {"Ellipsis", KR_ELLIPSIS}, {"NotImplemented", KR_NOTIMPLEMENTED},
        {"True", KR_TRUE}, {"False", KR_FALSE}, {"__debug__", KR_TRUE},
        {"bool", (KrObject *)&KrBool_Type}, {"bytearray", (KrObject *)&KrByteArray_Type},
        {"bytes", (KrObject *)&KrBytes_Type}, {"classmethod", (KrObject *)&KrClassMethod_Type},
        {"complex", (KrObject *)&KrComplex_Type}, {"dict", (KrObject *)&KrDict_Type},
        {"enumerate", (KrObject *)&KrEnumerate_Type}, {"filter", (KrObject *)&KrFilter_Type},
        {"float", (KrObject *)&KrFloat_Type}, {"frozenset", (KrObject *)&KrFrozenSet_Type},
        {"property", (KrObject *)&KrProperty_Type}, {"int", (KrObject *)&KrInt_Type},
        {"list", (KrObject *)&KrList_Type}, {"map", (KrObject *)&KrMap_Type},
        {"object", (KrObject *)&KrBaseObject_Type}, {"range", (KrObject *)&KrRange_Type},
        {"reversed", (KrObject *)&KrReversed_Type}, {"set", (KrObject *)&KrSet_Type},
        {"slice", (KrObject *)&KrSlice_Type}, {"staticmethod", (KrObject *)&KrStaticMethod_Type},
        {"str", (KrObject *)&KrStr_Type}, {"super", (KrObject *)&KrSuper_Type},
        {"tuple", (KrObject *)&KrTuple_Type}, {"type", (KrObject *)&KrType_Type},
        {"zip", (KrObject *)&KrZip_Type},
        {"EnvironmentError", (KrObject *)&KrExc_OSError}, {"IOError", (KrObject *)&KrExc_OSError},
    };
    for (size_t i = 0; i < sizeof(entries) / sizeof(entries[0]); i++)
        if (krModule_add_object(ts, m, entries[i].name, entries[i].value) < 0) return -1;
#define ADD_EXC(name) \
    if (krModule_add_object(ts, m, #name, (KrObject *)&KrExc_##name) < 0) return -1;
    KR_FOR_EACH_EXCEPTION(ADD_EXC)
#undef ADD_EXC
    return 0;
}

static int builtins_exec(KrThreadState *ts, KrObject *m) {
    if (add_types_and_constants(ts, m) < 0) return -1;
    KrObject *name = krStr_intern_cstr(ts, "builtins");
    for (const KrMethodDef *const *table = kr_builtins_extra_methods; *table; table++) {
        for (const KrMethodDef *md = *table; md->name; md++) {
            KrObject *f = krCFunction_new(ts, md, m, name);
            if (!f || krModule_add_object_steal(ts, m, md->name, f) < 0) return -1;
        }
    }
    return 0;
}

const KrMethodDef *const kr_builtins_extra_methods[] = {
    kr_builtins_reduce_methods,
    kr_builtins_io_methods,
    kr_builtins_exec_methods,
    NULL,
};

const KrModuleDef kr_builtins_module_def = {
    "builtins",
    "Built-in functions, types, exceptions, and other objects.",
    builtin_methods,
    builtins_exec,
};

KrObject *krMod_builtins_create(KrThreadState *ts) { return krModule_from_def(ts, &kr_builtins_module_def); }
