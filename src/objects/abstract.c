/*
 * abstract.c — the object protocols for any object: attributes, calls,
 * repr/str/hash/truth, rich comparison, isinstance/issubclass, containers and
 * iteration.  The number protocol is abstract_num.c.
 *
 * Each function dispatches through the type's slots and raises CPython's
 * TypeErrors when a slot is missing.
 */
#include <stdarg.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

// ---------------------------------------------------------------------------
// Attributes

static int check_name(KrThreadState *ts, KrObject *name) {
    if (krStr_check(name)) return 0;
    krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

void krErr_set_attribute_error(KrThreadState *ts, KrObject *obj, KrObject *name) {
    krErr_format(ts, &KrExc_AttributeError, "'%T' object has no attribute '%U'", obj, name);
    KrObject *exc = krErr_peek(ts);
    if (exc && kr_type_check(exc, &KrExc_AttributeError)) {
        KrAttributeErrorObject *ae = (KrAttributeErrorObject *)exc;
        kr_setref(&ae->name, kr_newref(name));
        kr_setref(&ae->obj, kr_newref(obj));
    }
}

KrObject *krObj_getattr(KrThreadState *ts, KrObject *o, KrObject *name) {
    if (check_name(ts, name) < 0) return NULL;
    KrGetAttrFunc get = KR_TYPE(o)->tp_getattro;
    if (!get) {
        krErr_set_attribute_error(ts, o, name);
        return NULL;
    }
    return get(ts, o, name);
}

KrObject *krObj_getattr_cstr(KrThreadState *ts, KrObject *o, const char *name) {
    KrObject *n = krStr_intern_cstr(ts, name);
    return n ? krObj_getattr(ts, o, n) : NULL;
}

int krObj_lookup_attr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject **result) {
    *result = krObj_getattr(ts, o, name);
    if (*result) return 1;
    if (krErr_matches(ts, &KrExc_AttributeError)) {
        krErr_clear(ts);
        return 0;
    }
    return -1;
}

int krObj_hasattr(KrThreadState *ts, KrObject *o, KrObject *name) {
    KrObject *r;
    int found = krObj_lookup_attr(ts, o, name, &r);
    kr_xdecref(r);
    return found;
}

int krObj_setattr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value) {
    if (check_name(ts, name) < 0) return -1;
    KrSetAttrFunc set = KR_TYPE(o)->tp_setattro;
    if (set) {
        kr_incref(name);
        int r = set(ts, o, name, value);
        kr_decref(name);
        return r;
    }
    if (KR_TYPE(o)->tp_getattro)
        krErr_format(ts, &KrExc_AttributeError, "'%T' object attribute '%U' is read-only", o, name);
    else
        krErr_set_attribute_error(ts, o, name);
    return -1;
}

int krObj_setattr_cstr(KrThreadState *ts, KrObject *o, const char *name, KrObject *value) {
    KrObject *n = krStr_intern_cstr(ts, name);
    return n ? krObj_setattr(ts, o, n, value) : -1;
}

int krObj_delattr(KrThreadState *ts, KrObject *o, KrObject *name) { return krObj_setattr(ts, o, name, NULL); }

// The instance dict of a built-in object with tp_dictoffset (or NULL).
static KrObject **dict_slot(KrObject *o) {
    KrSsize off = KR_TYPE(o)->tp_dictoffset;
    return off ? (KrObject **)((char *)o + off) : NULL;
}

// Looks `name` up in the object's own storage: borrowed or NULL.  Never fails.
static KrObject *own_attr(KrObject *o, KrTypeObject *tp, KrObject *name) {
    if (tp->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) return krAttrs_get(o, name);
    KrObject **dp = dict_slot(o);
    if (dp && *dp) return krStr_check_exact(name) ? krDict_get_str(*dp, name) : NULL;
    return NULL;
}

KrObject *krObj_generic_getattr(KrThreadState *ts, KrObject *o, KrObject *name) {
    KrTypeObject *tp = KR_TYPE(o);
    KrObject *descr = krType_lookup(tp, name);
    KrDescrGetFunc get = NULL;
    if (descr) {
        kr_incref(descr);  // a __get__ or a dict change may otherwise free it
        get = KR_TYPE(descr)->tp_descr_get;
        if (get && KR_TYPE(descr)->tp_descr_set) {
            KrObject *r = get(ts, descr, o, (KrObject *)tp);
            kr_decref(descr);
            return r;
        }
    }
    KrObject *v = own_attr(o, tp, name);
    if (v) {
        kr_xdecref(descr);
        return kr_newref(v);
    }
    if (get) {
        KrObject *r = get(ts, descr, o, (KrObject *)tp);
        kr_decref(descr);
        return r;
    }
    if (descr) return descr;
    krErr_set_attribute_error(ts, o, name);
    return NULL;
}

int krObj_generic_setattr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value) {
    KrTypeObject *tp = KR_TYPE(o);
    KrObject *descr = krType_lookup(tp, name);
    if (descr) {
        KrDescrSetFunc set = KR_TYPE(descr)->tp_descr_set;
        if (set) {
            kr_incref(descr);
            int r = set(ts, descr, o, value);
            kr_decref(descr);
            return r;
        }
    }
    if (tp->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) {
        KrObject *key = krStr_check_exact(name) ? kr_newref(name) : krStr_from_utf8(ts, krStr_utf8(name), krStr_size(name));
        if (!key) return -1;
        int r = krAttrs_set(ts, o, key, value);
        if (r < 0 && !value && krErr_matches(ts, &KrExc_AttributeError)) {
            krErr_clear(ts);
            krErr_set_attribute_error(ts, o, name);
        }
        kr_decref(key);
        return r;
    }
    KrObject **dp = dict_slot(o);
    if (dp) {
        if (!*dp) {
            if (!value) goto missing;
            if (!(*dp = krDict_new(ts))) return -1;
        }
        if (value) return krDict_set(ts, *dp, name, value);
        if (krDict_del(ts, *dp, name) == 0) return 0;
        if (!krErr_matches(ts, &KrExc_KeyError)) return -1;
        krErr_clear(ts);
        goto missing;
    }
    if (descr) {
        krErr_format(ts, &KrExc_AttributeError, "'%T' object attribute '%U' is read-only", o, name);
        return -1;
    }
missing:
    krErr_set_attribute_error(ts, o, name);
    return -1;
}

int krObj_get_method(KrThreadState *ts, KrObject *o, KrObject *name, KrObject **method) {
    KrTypeObject *tp = KR_TYPE(o);
    *method = NULL;
    if (tp->tp_getattro != krObj_generic_getattr || !krStr_check_exact(name)) {
        *method = krObj_getattr(ts, o, name);
        return *method ? 0 : -1;
    }
    KrObject *descr = krType_lookup(tp, name);
    bool meth_found = false;
    KrDescrGetFunc get = NULL;
    if (descr) {
        if (KR_TYPE(descr)->tp_flags & KR_TPFLAGS_METHOD_DESCRIPTOR) {
            meth_found = true;
        } else {
            get = KR_TYPE(descr)->tp_descr_get;
            if (get && KR_TYPE(descr)->tp_descr_set) {
                kr_incref(descr);
                *method = get(ts, descr, o, (KrObject *)tp);
                kr_decref(descr);
                return *method ? 0 : -1;
            }
        }
    }
    KrObject *v = own_attr(o, tp, name);
    if (v) {
        *method = kr_newref(v);
        return 0;
    }
    if (meth_found) {
        *method = kr_newref(descr);
        return 1;
    }
    if (get) {
        kr_incref(descr);
        *method = get(ts, descr, o, (KrObject *)tp);
        kr_decref(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = kr_newref(descr);
        return 0;
    }
    krErr_set_attribute_error(ts, o, name);
    return -1;
}

// ---------------------------------------------------------------------------
// Calls

KrObject *krObj_vectorcall(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                           KrObject *kwnames) {
    KrVectorcallFunc call = KR_TYPE(callable)->tp_call;
    if (!call) return krErr_format(ts, &KrExc_TypeError, "'%T' object is not callable", callable);
    KrObject *r = call(ts, callable, args, nargsf, kwnames);
#if KR_DEBUG
    if (!r && !krErr_occurred(ts)) {
        krErr_format(ts, &KrExc_SystemError, "%R returned NULL without setting an exception", callable);
    } else if (r && krErr_occurred(ts)) {
        kr_decref(r);
        KrObject *e = krErr_fetch(ts);
        krErr_format(ts, &KrExc_SystemError, "%R returned a result with an exception set", callable);
        kr_decref(e);
        return NULL;
    }
#endif
    return r;
}

KrObject *krObj_call(KrThreadState *ts, KrObject *callable, KrObject *args, KrObject *kwargs) {
    KrSsize nargs = args ? KR_TUPLE_SIZE(args) : 0;
    KrSsize nkw = kwargs ? krDict_size(kwargs) : 0;
    if (nkw == 0) return krObj_vectorcall(ts, callable, args ? KR_TUPLE_ITEMS(args) : NULL, (size_t)nargs, NULL);
    KrObject **stack = krMem_malloc((size_t)(nargs + nkw) * sizeof(KrObject *));
    KrObject *kwnames = krTuple_new(ts, nkw);
    if (!stack || !kwnames) {
        krMem_free(stack);
        kr_xdecref(kwnames);
        return stack ? NULL : krErr_no_memory(ts);
    }
    for (KrSsize i = 0; i < nargs; i++) stack[i] = KR_TUPLE_GET(args, i);
    KrSsize pos = 0, i = 0;
    KrObject *key, *value;
    while (krDict_next(kwargs, &pos, &key, &value)) {
        if (!krStr_check(key)) {
            krErr_set_string(ts, &KrExc_TypeError, "keywords must be strings");
            krMem_free(stack);
            kr_decref(kwnames);
            return NULL;
        }
        KR_TUPLE_SET(kwnames, i, kr_newref(key));
        stack[nargs + i] = value;
        i++;
    }
    KrObject *r = krObj_vectorcall(ts, callable, stack, (size_t)nargs, kwnames);
    krMem_free(stack);
    kr_decref(kwnames);
    return r;
}

KrObject *krObj_call0(KrThreadState *ts, KrObject *callable) { return krObj_vectorcall(ts, callable, NULL, 0, NULL); }
KrObject *krObj_call1(KrThreadState *ts, KrObject *callable, KrObject *a) {
    return krObj_vectorcall(ts, callable, &a, 1, NULL);
}
KrObject *krObj_call2(KrThreadState *ts, KrObject *callable, KrObject *a, KrObject *b) {
    KrObject *args[2] = {a, b};
    return krObj_vectorcall(ts, callable, args, 2, NULL);
}

KrObject *krObj_call_bound(KrThreadState *ts, KrObject *func, KrObject *self, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    KrTypeObject *ft = KR_TYPE(func);
    if (ft->tp_flags & KR_TPFLAGS_METHOD_DESCRIPTOR) {
        KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
        KrSsize total = 1 + nargs + nkw;
        KrObject *small[8];
        KrObject **stack = total <= 8 ? small : krMem_malloc((size_t)total * sizeof(KrObject *));
        if (!stack) return krErr_no_memory(ts);
        stack[0] = self;
        for (KrSsize i = 0; i < nargs + nkw; i++) stack[i + 1] = args[i];
        KrObject *r = krObj_vectorcall(ts, func, stack, (size_t)(nargs + 1), kwnames);
        if (stack != small) krMem_free(stack);
        return r;
    }
    if (ft->tp_descr_get) {
        KrObject *bound = ft->tp_descr_get(ts, func, self, (KrObject *)KR_TYPE(self));
        if (!bound) return NULL;
        KrObject *r = krObj_vectorcall(ts, bound, args, (size_t)nargs, kwnames);
        kr_decref(bound);
        return r;
    }
    return krObj_vectorcall(ts, func, args, (size_t)nargs, kwnames);
}

KrObject *krObj_call_special(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *const *args, KrSsize nargs,
                             int *found) {
    KrObject *f = krType_lookup(KR_TYPE(o), name);
    if (!f) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    kr_incref(f);
    KrObject *r = krObj_call_bound(ts, f, o, args, nargs, NULL);
    kr_decref(f);
    return r;
}

KrObject *krObj_call_method(KrThreadState *ts, KrObject *o, KrObject *name, ...) {
    KrObject *args[16];
    KrSsize n = 0;
    va_list va;
    va_start(va, name);
    for (KrObject *a; (a = va_arg(va, KrObject *)) != NULL && n < 16;) args[n++] = a;
    va_end(va);
    KrObject *meth;
    int unbound = krObj_get_method(ts, o, name, &meth);
    if (unbound < 0) return NULL;
    KrObject *r = unbound ? krObj_call_bound(ts, meth, o, args, n, NULL)
                          : krObj_vectorcall(ts, meth, args, (size_t)n, NULL);
    kr_decref(meth);
    return r;
}

int krObj_callable(KrObject *o) { return KR_TYPE(o)->tp_call != NULL; }

// ---------------------------------------------------------------------------
// repr, str, format, hash, truth

KrObject *krObj_repr(KrThreadState *ts, KrObject *o) {
    KrUnaryFunc repr = KR_TYPE(o)->tp_repr;
    if (!repr) return krStr_from_format(ts, "<%s object at %p>", KR_TYPE(o)->tp_name, (void *)o);
    if (krErr_enter_recursive_call(ts, " while getting the repr of an object") < 0) return NULL;
    KrObject *r = repr(ts, o);
    krErr_leave_recursive_call(ts);
    if (r && !krStr_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__repr__ returned non-string (type %s)", KR_TYPE(r)->tp_name);
        kr_decref(r);
        return NULL;
    }
    return r;
}

KrObject *krObj_str(KrThreadState *ts, KrObject *o) {
    if (krStr_check_exact(o)) return kr_newref(o);
    KrUnaryFunc str = KR_TYPE(o)->tp_str;
    if (!str) return krObj_repr(ts, o);
    if (krErr_enter_recursive_call(ts, " while getting the str of an object") < 0) return NULL;
    KrObject *r = str(ts, o);
    krErr_leave_recursive_call(ts);
    if (r && !krStr_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__str__ returned non-string (type %s)", KR_TYPE(r)->tp_name);
        kr_decref(r);
        return NULL;
    }
    return r;
}

KrObject *krObj_ascii(KrThreadState *ts, KrObject *o) {
    KrObject *r = krObj_repr(ts, o);
    if (!r || krStr_is_ascii(r)) return r;
    KrObject *a = krStr_ascii_escape(ts, r);
    kr_decref(r);
    return a;
}

KrObject *krObj_format(KrThreadState *ts, KrObject *o, KrObject *spec) {
    bool empty = !spec || krStr_size(spec) == 0;
    if (empty) {
        if (krStr_check_exact(o)) return kr_newref(o);
        if (krInt_check_exact(o)) return krObj_str(ts, o);
    }
    KrObject *empty_str = NULL;
    if (!spec) spec = empty_str = krStr_empty();
    int found;
    KrObject *r = krObj_call_special(ts, o, KR_ID(__format__), &spec, 1, &found);
    if (!found) {
        return krErr_format(ts, &KrExc_TypeError, "Type %s doesn't define __format__", KR_TYPE(o)->tp_name);
    }
    if (r && !krStr_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__format__ must return a str, not %T", r);
        kr_decref(r);
        return NULL;
    }
    (void)empty_str;
    return r;
}

KrHash krObj_hash_not_implemented(KrThreadState *ts, KrObject *o) {
    krErr_format(ts, &KrExc_TypeError, "unhashable type: '%s'", krType_name(KR_TYPE(o)));
    return -1;
}

KrHash krObj_hash(KrThreadState *ts, KrObject *o) {
    if (kr_is_smallint(o)) return krInt_hash(o);
    KrHashFunc h = o->ob_type->tp_hash;
    if (!h) return krObj_hash_not_implemented(ts, o);
    return h(ts, o);
}

int krObj_is_true(KrThreadState *ts, KrObject *o) {
    if (o == KR_TRUE) return 1;
    if (o == KR_FALSE || o == KR_NONE) return 0;
    if (kr_is_smallint(o)) return kr_smallint_value(o) != 0;
    KrTypeObject *tp = o->ob_type;
    if (tp->nb_bool) return tp->nb_bool(ts, o);
    if (tp->mp_length) {
        KrSsize n = tp->mp_length(ts, o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int krObj_not(KrThreadState *ts, KrObject *o) {
    int r = krObj_is_true(ts, o);
    return r < 0 ? r : !r;
}

// ---------------------------------------------------------------------------
// Rich comparison

static const int swapped_op[] = {KR_GT, KR_GE, KR_EQ, KR_NE, KR_LT, KR_LE};
static const char *const op_strings[] = {"<", "<=", "==", "!=", ">", ">="};

static KrObject *do_richcompare(KrThreadState *ts, KrObject *v, KrObject *w, int op) {
    KrTypeObject *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    bool checked_reverse = false;
    KrRichCmpFunc f;
    KrObject *r;
    if (tv != tw && krType_is_subtype(tw, tv) && (f = tw->tp_richcompare)) {
        checked_reverse = true;
        r = f(ts, w, v, swapped_op[op]);
        if (r != KR_NOTIMPLEMENTED) return r;
        kr_decref(r);
    }
    if ((f = tv->tp_richcompare)) {
        r = f(ts, v, w, op);
        if (r != KR_NOTIMPLEMENTED) return r;
        kr_decref(r);
    }
    if (!checked_reverse && (f = tw->tp_richcompare)) {
        r = f(ts, w, v, swapped_op[op]);
        if (r != KR_NOTIMPLEMENTED) return r;
        kr_decref(r);
    }
    switch (op) {
    case KR_EQ: return kr_bool(v == w);
    case KR_NE: return kr_bool(v != w);
    default:
        return krErr_format(ts, &KrExc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                            op_strings[op], krType_name(tv), krType_name(tw));
    }
}

KrObject *krObj_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (krErr_enter_recursive_call(ts, " in comparison") < 0) return NULL;
    KrObject *r = do_richcompare(ts, a, b, op);
    krErr_leave_recursive_call(ts);
    return r;
}

int krObj_richcompare_bool(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (a == b) {
        if (op == KR_EQ) return 1;
        if (op == KR_NE) return 0;
    }
    KrObject *r = krObj_richcompare(ts, a, b, op);
    if (!r) return -1;
    int t = r == KR_TRUE ? 1 : r == KR_FALSE ? 0 : krObj_is_true(ts, r);
    kr_decref(r);
    return t;
}

// ---------------------------------------------------------------------------
// isinstance / issubclass

static int get_bases(KrThreadState *ts, KrObject *cls, KrObject **bases) {
    int r = krObj_lookup_attr(ts, cls, KR_ID(__bases__), bases);
    if (r > 0 && !krTuple_check(*bases)) {
        KR_CLEAR(*bases);
        return 0;
    }
    return r;
}

static int abstract_issubclass(KrThreadState *ts, KrObject *derived, KrObject *cls) {
    for (;;) {
        if (derived == cls) return 1;
        KrObject *bases;
        int r = get_bases(ts, derived, &bases);
        if (r <= 0) return r;
        KrSsize n = KR_TUPLE_SIZE(bases);
        if (n == 0) {
            kr_decref(bases);
            return 0;
        }
        if (n == 1) {
            // Avoid recursion in the common single-inheritance case.
            derived = KR_TUPLE_GET(bases, 0);
            kr_decref(bases);
            continue;
        }
        if (krErr_enter_recursive_call(ts, " in __issubclass__") < 0) {
            kr_decref(bases);
            return -1;
        }
        int found = 0;
        for (KrSsize i = 0; i < n && found == 0; i++) found = abstract_issubclass(ts, KR_TUPLE_GET(bases, i), cls);
        krErr_leave_recursive_call(ts);
        kr_decref(bases);
        return found;
    }
}

static int check_class(KrThreadState *ts, KrObject *cls, const char *msg) {
    KrObject *bases;
    int r = get_bases(ts, cls, &bases);
    kr_xdecref(bases);
    if (r == 0) krErr_set_string(ts, &KrExc_TypeError, msg);
    return r;
}

int krObj_isinstance_default(KrThreadState *ts, KrObject *inst, KrObject *cls) {
    if (kr_type_check(cls, &KrType_Type)) {
        if (kr_type_check(inst, (KrTypeObject *)cls)) return 1;
        KrObject *icls;
        int r = krObj_lookup_attr(ts, inst, KR_ID(__class__), &icls);
        if (r <= 0) return r;
        int res = 0;
        if (icls != (KrObject *)KR_TYPE(inst) && kr_type_check(icls, &KrType_Type))
            res = krType_is_subtype((KrTypeObject *)icls, (KrTypeObject *)cls);
        kr_decref(icls);
        return res;
    }
    if (check_class(ts, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") <= 0) return -1;
    KrObject *icls;
    int r = krObj_lookup_attr(ts, inst, KR_ID(__class__), &icls);
    if (r <= 0) return r;
    r = abstract_issubclass(ts, icls, cls);
    kr_decref(icls);
    return r;
}

int krObj_issubclass_default(KrThreadState *ts, KrObject *derived, KrObject *cls) {
    if (kr_type_check(cls, &KrType_Type) && kr_type_check(derived, &KrType_Type))
        return krType_is_subtype((KrTypeObject *)derived, (KrTypeObject *)cls);
    if (check_class(ts, derived, "issubclass() arg 1 must be a class") <= 0) return -1;
    if (!krTuple_check(cls) &&
        check_class(ts, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") <= 0)
        return -1;
    return abstract_issubclass(ts, derived, cls);
}

int krObj_isinstance(KrThreadState *ts, KrObject *inst, KrObject *cls) {
    if ((KrObject *)KR_TYPE(inst) == cls) return 1;
    if (KR_TYPE(cls) == &KrType_Type) return krObj_isinstance_default(ts, inst, cls);
    if (krUnion_check(cls)) cls = krUnion_args(cls);
    if (krTuple_check(cls)) {
        if (krErr_enter_recursive_call(ts, " in __instancecheck__") < 0) return -1;
        int r = 0;
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(cls) && r == 0; i++) r = krObj_isinstance(ts, inst, KR_TUPLE_GET(cls, i));
        krErr_leave_recursive_call(ts);
        return r;
    }
    int found;
    if (krErr_enter_recursive_call(ts, " in __instancecheck__") < 0) return -1;
    KrObject *r = krObj_call_special(ts, cls, KR_ID(__instancecheck__), &inst, 1, &found);
    krErr_leave_recursive_call(ts);
    if (!found) return krObj_isinstance_default(ts, inst, cls);
    if (!r) return -1;
    int t = krObj_is_true(ts, r);
    kr_decref(r);
    return t;
}

int krObj_issubclass(KrThreadState *ts, KrObject *derived, KrObject *cls) {
    if (KR_TYPE(cls) == &KrType_Type) {
        if (derived == cls) return 1;
        return krObj_issubclass_default(ts, derived, cls);
    }
    if (krUnion_check(cls)) cls = krUnion_args(cls);
    if (krTuple_check(cls)) {
        if (krErr_enter_recursive_call(ts, " in __subclasscheck__") < 0) return -1;
        int r = 0;
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(cls) && r == 0; i++)
            r = krObj_issubclass(ts, derived, KR_TUPLE_GET(cls, i));
        krErr_leave_recursive_call(ts);
        return r;
    }
    int found;
    if (krErr_enter_recursive_call(ts, " in __subclasscheck__") < 0) return -1;
    KrObject *r = krObj_call_special(ts, cls, KR_ID(__subclasscheck__), &derived, 1, &found);
    krErr_leave_recursive_call(ts);
    if (!found) return krObj_issubclass_default(ts, derived, cls);
    if (!r) return -1;
    int t = krObj_is_true(ts, r);
    kr_decref(r);
    return t;
}

// ---------------------------------------------------------------------------
// Containers

KrSsize krObj_length(KrThreadState *ts, KrObject *o) {
    KrLenFunc len = KR_TYPE(o)->mp_length;
    if (!len) {
        krErr_format(ts, &KrExc_TypeError, "object of type '%s' has no len()", krType_name(KR_TYPE(o)));
        return -1;
    }
    return len(ts, o);
}

KrSsize krObj_length_hint(KrThreadState *ts, KrObject *o, KrSsize dflt) {
    if (KR_TYPE(o)->mp_length) {
        KrSsize n = KR_TYPE(o)->mp_length(ts, o);
        if (n >= 0) return n;
        if (!krErr_matches(ts, &KrExc_TypeError)) return -1;
        krErr_clear(ts);
    }
    int found;
    KrObject *r = krObj_call_special(ts, o, KR_ID(__length_hint__), NULL, 0, &found);
    if (!found) return dflt;
    if (!r) {
        if (!krErr_matches(ts, &KrExc_TypeError)) return -1;
        krErr_clear(ts);
        return dflt;
    }
    if (r == KR_NOTIMPLEMENTED) {
        kr_decref(r);
        return dflt;
    }
    if (!krInt_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__length_hint__ must be an integer, not %s", krType_name(KR_TYPE(r)));
        kr_decref(r);
        return -1;
    }
    KrSsize n = krInt_as_ssize(ts, r);
    kr_decref(r);
    if (n == -1 && krErr_occurred(ts)) return -1;
    if (n < 0) {
        krErr_set_string(ts, &KrExc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

KrObject *krObj_getitem(KrThreadState *ts, KrObject *o, KrObject *key) {
    KrBinaryFunc sub = KR_TYPE(o)->mp_subscript;
    if (sub) return sub(ts, o, key);
    if (kr_type_check(o, &KrType_Type)) {
        // type[int] is an alias, but str[int] must fail: only `type` itself.
        if (o == (KrObject *)&KrType_Type) return krGenericAlias_new(ts, o, key);
        KrObject *meth;
        int r = krObj_lookup_attr(ts, o, KR_ID(__class_getitem__), &meth);
        if (r < 0) return NULL;
        if (r > 0) {
            KrObject *res = krObj_call1(ts, meth, key);
            kr_decref(meth);
            return res;
        }
        return krErr_format(ts, &KrExc_TypeError, "type '%s' is not subscriptable",
                            krType_name((KrTypeObject *)o));
    }
    return krErr_format(ts, &KrExc_TypeError, "'%s' object is not subscriptable", krType_name(KR_TYPE(o)));
}

int krObj_setitem(KrThreadState *ts, KrObject *o, KrObject *key, KrObject *value) {
    KrObjObjArgProc set = KR_TYPE(o)->mp_ass_subscript;
    if (set) return set(ts, o, key, value);
    krErr_format(ts, &KrExc_TypeError, "'%s' object does not support item assignment", krType_name(KR_TYPE(o)));
    return -1;
}

int krObj_delitem(KrThreadState *ts, KrObject *o, KrObject *key) {
    KrObjObjArgProc set = KR_TYPE(o)->mp_ass_subscript;
    if (set) return set(ts, o, key, NULL);
    // CPython words it differently when the sequence protocol's deletion
    // (PySequence_DelItem) is what failed: types with sequence slots (every
    // class defined in Python has them) and an integer key.
    KrTypeObject *tp = KR_TYPE(o);
    bool seq = (tp->tp_flags & KR_TPFLAGS_HEAPTYPE) || tp->sq_contains || tp->sq_concat || tp->sq_repeat ||
               (tp->mp_length && tp->mp_subscript);
    krErr_format(ts, &KrExc_TypeError, "'%s' object %s support item deletion", krType_name(tp),
                 seq && krNum_is_index(key) ? "doesn't" : "does not");
    return -1;
}

int krObj_contains_by_iteration(KrThreadState *ts, KrObject *o, KrObject *key) {
    KrObject *it = krObj_get_iter(ts, o);
    if (!it) {
        if (krErr_matches(ts, &KrExc_TypeError)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError, "argument of type '%s' is not iterable", krType_name(KR_TYPE(o)));
        }
        return -1;
    }
    int found = 0;
    KrObject *item;
    while ((item = krIter_next(ts, it))) {
        found = krObj_eq(ts, item, key);
        kr_decref(item);
        if (found != 0) break;
    }
    kr_decref(it);
    if (found == 0 && krErr_occurred(ts)) return -1;
    return found;
}

int krObj_contains(KrThreadState *ts, KrObject *o, KrObject *key) {
    KrObjObjProc contains = KR_TYPE(o)->sq_contains;
    if (contains) return contains(ts, o, key);
    return krObj_contains_by_iteration(ts, o, key);
}

// ---------------------------------------------------------------------------
// Iteration

KrObject *krObj_get_iter(KrThreadState *ts, KrObject *o) {
    KrTypeObject *tp = KR_TYPE(o);
    KrUnaryFunc iter = tp->tp_iter;
    if (!iter) {
        if (tp->mp_subscript && !(tp->tp_flags & KR_TPFLAGS_DICT_SUBCLASS) && tp != &KrType_Type)
            return krSeqIter_new(ts, o);
        return krErr_format(ts, &KrExc_TypeError, "'%s' object is not iterable", krType_name(tp));
    }
    KrObject *it = iter(ts, o);
    if (it && !krIter_check(it)) {
        krErr_format(ts, &KrExc_TypeError, "iter() returned non-iterator of type '%s'", krType_name(KR_TYPE(it)));
        kr_decref(it);
        return NULL;
    }
    return it;
}

KrObject *krIter_next(KrThreadState *ts, KrObject *it) {
    KrObject *r = KR_TYPE(it)->tp_iternext(ts, it);
    if (!r && krErr_occurred(ts) && krErr_matches(ts, &KrExc_StopIteration)) krErr_clear(ts);
    return r;
}

KrObject *krSeq_list(KrThreadState *ts, KrObject *iterable) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    if (krList_extend(ts, list, iterable) < 0) {
        kr_decref(list);
        return NULL;
    }
    return list;
}

KrObject *krSeq_tuple(KrThreadState *ts, KrObject *iterable) {
    if (krTuple_check_exact(iterable)) return kr_newref(iterable);
    if (krList_check_exact(iterable)) return krList_as_tuple(ts, iterable);
    KrObject *list = krSeq_list(ts, iterable);
    if (!list) return NULL;
    KrObject *t = krList_as_tuple(ts, list);
    kr_decref(list);
    return t;
}

KrObject *krSeq_fast(KrThreadState *ts, KrObject *o, const char *errmsg) {
    if (krList_check_exact(o) || krTuple_check_exact(o)) return kr_newref(o);
    KrObject *it = krObj_get_iter(ts, o);
    if (!it) {
        if (errmsg && krErr_matches(ts, &KrExc_TypeError)) {
            krErr_clear(ts);
            krErr_set_string(ts, &KrExc_TypeError, errmsg);
        }
        return NULL;
    }
    KrObject *list = krSeq_list(ts, it);
    kr_decref(it);
    return list;
}
