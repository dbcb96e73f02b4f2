/*
 * operator.c — the _operator module: the operators as functions (add, lt,
 * getitem, iadd...), and the callable types itemgetter, attrgetter (dotted
 * names) and methodcaller.  lib/operator.py re-exports them with the dunder
 * aliases (__add__...).
 *
 * The getter types hold strong references to their items / names /
 * arguments (GC-tracked).
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import.h"

// ---------------------------------------------------------------------------
// The operators

#define BINARY_OP(name, expr) \
    static KrObject *op_##name(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) { \
        if (krArg_check_positional(ts, #name, nargs, 2, 2) < 0) return NULL; \
        KrObject *a = args[0], *b = args[1]; \
        return expr; \
    }
#define INPLACE_OP(name, nb) BINARY_OP(name, krNum_binary_op(ts, a, b, nb))
#define COMPARE_OP(name, op) BINARY_OP(name, krObj_richcompare(ts, a, b, op))

BINARY_OP(add, krNum_add(ts, a, b))
BINARY_OP(sub, krNum_subtract(ts, a, b))
BINARY_OP(mul, krNum_multiply(ts, a, b))
BINARY_OP(matmul, krNum_matmul(ts, a, b))
BINARY_OP(truediv, krNum_true_divide(ts, a, b))
BINARY_OP(floordiv, krNum_floor_divide(ts, a, b))
BINARY_OP(mod, krNum_remainder(ts, a, b))
BINARY_OP(pow, krNum_power(ts, a, b, KR_NONE))
BINARY_OP(lshift, krNum_lshift(ts, a, b))
BINARY_OP(rshift, krNum_rshift(ts, a, b))
BINARY_OP(and_, krNum_and(ts, a, b))
BINARY_OP(or_, krNum_or(ts, a, b))
BINARY_OP(xor, krNum_xor(ts, a, b))
BINARY_OP(getitem, krObj_getitem(ts, a, b))
BINARY_OP(is_, kr_bool(a == b))
BINARY_OP(is_not, kr_bool(a != b))
INPLACE_OP(iadd, KR_NB_INPLACE_ADD)
INPLACE_OP(isub, KR_NB_INPLACE_SUBTRACT)
INPLACE_OP(imul, KR_NB_INPLACE_MULTIPLY)
INPLACE_OP(imatmul, KR_NB_INPLACE_MATRIX_MULTIPLY)
INPLACE_OP(itruediv, KR_NB_INPLACE_TRUE_DIVIDE)
INPLACE_OP(ifloordiv, KR_NB_INPLACE_FLOOR_DIVIDE)
INPLACE_OP(imod, KR_NB_INPLACE_REMAINDER)
INPLACE_OP(ipow, KR_NB_INPLACE_POWER)
INPLACE_OP(ilshift, KR_NB_INPLACE_LSHIFT)
INPLACE_OP(irshift, KR_NB_INPLACE_RSHIFT)
INPLACE_OP(iand, KR_NB_INPLACE_AND)
INPLACE_OP(ior, KR_NB_INPLACE_OR)
INPLACE_OP(ixor, KR_NB_INPLACE_XOR)
COMPARE_OP(lt, KR_LT)
COMPARE_OP(le, KR_LE)
COMPARE_OP(eq, KR_EQ)
COMPARE_OP(ne, KR_NE)
COMPARE_OP(gt, KR_GT)
COMPARE_OP(ge, KR_GE)

static KrObject *op_neg(KrThreadState *ts, KrObject *m, KrObject *a) { return krNum_negative(ts, a); }
static KrObject *op_pos(KrThreadState *ts, KrObject *m, KrObject *a) { return krNum_positive(ts, a); }
static KrObject *op_abs(KrThreadState *ts, KrObject *m, KrObject *a) { return krNum_absolute(ts, a); }
static KrObject *op_inv(KrThreadState *ts, KrObject *m, KrObject *a) { return krNum_invert(ts, a); }
static KrObject *op_index(KrThreadState *ts, KrObject *m, KrObject *a) { return krNum_index(ts, a); }

static KrObject *op_truth(KrThreadState *ts, KrObject *m, KrObject *a) {
    int t = krObj_is_true(ts, a);
    return t < 0 ? NULL : kr_bool(t);
}

static KrObject *op_not_(KrThreadState *ts, KrObject *m, KrObject *a) {
    int t = krObj_not(ts, a);
    return t < 0 ? NULL : kr_bool(t);
}

static KrObject *op_contains(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "contains", nargs, 2, 2) < 0) return NULL;
    int r = krObj_contains(ts, args[0], args[1]);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *op_setitem(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "setitem", nargs, 3, 3) < 0) return NULL;
    if (krObj_setitem(ts, args[0], args[1], args[2]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *op_delitem(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "delitem", nargs, 2, 2) < 0) return NULL;
    if (krObj_delitem(ts, args[0], args[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// Sequences can be concatenated: they have __getitem__ and are not mappings.
static bool is_sequence(KrObject *o) {
    KrTypeObject *t = KR_TYPE(o);
    return t->mp_subscript != NULL && !krDict_check(o);
}

static KrObject *concat(KrThreadState *ts, KrObject *const *args, KrSsize nargs, const char *name, int nb) {
    if (krArg_check_positional(ts, name, nargs, 2, 2) < 0) return NULL;
    if (!is_sequence(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object can't be concatenated",
                            krType_name(KR_TYPE(args[0])));
    return krNum_binary_op(ts, args[0], args[1], nb);
}

static KrObject *op_concat(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return concat(ts, args, nargs, "concat", KR_NB_ADD);
}

static KrObject *op_iconcat(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return concat(ts, args, nargs, "iconcat", KR_NB_INPLACE_ADD);
}

// countOf / indexOf: by iteration, identity or equality.
static KrObject *count_or_index(KrThreadState *ts, KrObject *const *args, KrSsize nargs, bool index) {
    if (krArg_check_positional(ts, index ? "indexOf" : "countOf", nargs, 2, 2) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, args[0]);
    if (!it) {
        if (krErr_matches(ts, &KrExc_TypeError)) {
            krErr_clear(ts);
            krErr_format(ts, &KrExc_TypeError, "argument of type '%s' is not iterable", krType_name(KR_TYPE(args[0])));
        }
        return NULL;
    }
    KrSsize n = 0, i = 0;
    KrObject *item;
    while ((item = krIter_next(ts, it))) {
        int eq = item == args[1] ? 1 : krObj_richcompare_bool(ts, item, args[1], KR_EQ);
        kr_decref(item);
        if (eq < 0) goto error;
        if (eq) {
            if (index) {
                kr_decref(it);
                return krInt_from_ssize(ts, i);
            }
            n++;
        }
        i++;
    }
    if (krErr_occurred(ts)) goto error;
    kr_decref(it);
    if (index) return krErr_format(ts, &KrExc_ValueError, "sequence.index(x): x not in sequence");
    return krInt_from_ssize(ts, n);
error:
    kr_decref(it);
    return NULL;
}

static KrObject *op_countOf(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return count_or_index(ts, args, nargs, false);
}

static KrObject *op_indexOf(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return count_or_index(ts, args, nargs, true);
}

static KrObject *op_length_hint(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "length_hint", nargs, 1, 2) < 0) return NULL;
    KrSsize dflt = 0;
    if (nargs == 2) {
        if (!krInt_check(args[1]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(args[1])));
        dflt = krInt_as_ssize(ts, args[1]);
        if (dflt == -1 && krErr_occurred(ts)) return NULL;
    }
    KrSsize r = krObj_length_hint(ts, args[0], dflt);
    if (r == -1 && krErr_occurred(ts)) return NULL;
    return krInt_from_ssize(ts, r);
}

static KrObject *op_call(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "call expected at least 1 argument, got 0");
    return krObj_vectorcall(ts, args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

// Constant-time comparison of two ASCII strs or two bytes-like objects.
static KrObject *op_compare_digest(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_compare_digest", nargs, 2, 2) < 0) return NULL;
    const char *a, *b;
    KrSsize na, nb;
    if (krStr_check(args[0]) && krStr_check(args[1])) {
        if (!krStr_is_ascii(args[0]) || !krStr_is_ascii(args[1]))
            return krErr_format(ts, &KrExc_TypeError, "comparing strings with non-ASCII characters is not supported");
        a = krStr_utf8(args[0]);
        na = krStr_size(args[0]);
        b = krStr_utf8(args[1]);
        nb = krStr_size(args[1]);
    } else {
        if (krStr_check(args[0]) || krStr_check(args[1]) || krBytes_as_buffer(ts, args[0], &a, &na) < 0 ||
            krBytes_as_buffer(ts, args[1], &b, &nb) < 0) {
            krErr_clear(ts);
            return krErr_format(ts, &KrExc_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                                krType_name(KR_TYPE(args[0])), krType_name(KR_TYPE(args[1])));
        }
    }
    // Always walk the whole of `b` so the time depends only on its length.
    unsigned diff = na != nb;
    const char *left = na == nb ? a : b;
    for (KrSsize i = 0; i < nb; i++) diff |= (unsigned char)left[i] ^ (unsigned char)b[i];
    return kr_bool(diff == 0);
}

// ---------------------------------------------------------------------------
// itemgetter

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *items;               // strong tuple (length >= 1)
} GetterObject;                    // also attrgetter (items: tuple of name tuples)

extern KrTypeObject KrItemGetter_Type, KrAttrGetter_Type, KrMethodCaller_Type;

static void getter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((GetterObject *)self)->items);
    krObj_free(self);
}

static int getter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((GetterObject *)self)->items);
    return 0;
}

static int getter_clear(KrObject *self) {
    KR_CLEAR(((GetterObject *)self)->items);
    return 0;
}

static KrObject *getter_alloc(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base, KrObject *items) {
    GetterObject *g = (GetterObject *)(type == base ? krObj_alloc(ts, type, 0) : krType_generic_alloc(ts, type, 0));
    if (!g) {
        kr_decref(items);
        return NULL;
    }
    g->items = items;
    if (!krGC_is_tracked((KrObject *)g)) krGC_track((KrObject *)g);
    return (KrObject *)g;
}

static KrObject *itemgetter_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "itemgetter", kwnames) < 0) return NULL;
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "itemgetter expected 1 argument, got 0");
    KrObject *items = krTuple_from_array(ts, args, nargs);
    if (!items) return NULL;
    return getter_alloc(ts, type, &KrItemGetter_Type, items);
}

// The call protocol shared by the getters: exactly one positional argument.
static int getter_check_args(KrThreadState *ts, const char *name, size_t nargsf, KrObject *kwnames) {
    if (krArg_no_kwargs(ts, name, kwnames) < 0) return -1;
    return krArg_check_positional(ts, name, kr_vectorcall_nargs(nargsf), 1, 1);
}

static KrObject *itemgetter_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    if (getter_check_args(ts, "itemgetter", nargsf, kwnames) < 0) return NULL;
    KrObject *items = ((GetterObject *)self)->items, *obj = args[0];
    KrSsize n = KR_TUPLE_SIZE(items);
    if (n == 1) {
        KrObject *key = KR_TUPLE_GET(items, 0);
        // Fast path: a small int index into an exact list or tuple.
        if (kr_is_smallint(key) && (krTuple_check_exact(obj) || krList_check_exact(obj))) {
            int64_t i = kr_smallint_value(key);
            KrSsize len = KR_SIZE(obj);
            if (i < 0) i += len;
            if (i >= 0 && i < len)
                return kr_newref(krTuple_check_exact(obj) ? KR_TUPLE_GET(obj, i) : KR_LIST_GET(obj, i));
        }
        return krObj_getitem(ts, obj, key);
    }
    KrObject *result = krTuple_new(ts, n);
    if (!result) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *v = krObj_getitem(ts, obj, KR_TUPLE_GET(items, i));
        if (!v) {
            for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(result, j, kr_newref(KR_NONE));
            kr_decref(result);
            return NULL;
        }
        KR_TUPLE_SET(result, i, v);
    }
    return result;
}

// "operator.itemgetter(1, 2)": the type's name and the reprs of `args`.
static KrObject *getter_repr(KrThreadState *ts, KrObject *self, KrObject *args, KrObject *kwargs) {
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_format(ts, "%s(...)", KR_TYPE(self)->tp_name) : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    KrObject *qn = krType_qualname(ts, KR_TYPE(self));
    KrObject *mod = qn ? krType_module(ts, KR_TYPE(self)) : NULL;
    if (!mod) goto fail;
    if (krSB_append_str(ts, &sb, mod) < 0 || krSB_append_char(ts, &sb, '.') < 0 || krSB_append_str(ts, &sb, qn) < 0 ||
        krSB_append_char(ts, &sb, '(') < 0)
        goto fail;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(args); i++) {
        if ((i && krSB_append_cstr(ts, &sb, ", ") < 0) || krSB_append_obj_repr(ts, &sb, KR_TUPLE_GET(args, i)) < 0)
            goto fail;
    }
    KrSsize pos = 0;
    KrObject *k, *v;
    bool first = KR_TUPLE_SIZE(args) == 0;
    while (kwargs && krDict_next(kwargs, &pos, &k, &v)) {
        if ((!first && krSB_append_cstr(ts, &sb, ", ") < 0) || krSB_append_str(ts, &sb, k) < 0 ||
            krSB_append_char(ts, &sb, '=') < 0 || krSB_append_obj_repr(ts, &sb, v) < 0)
            goto fail;
        first = false;
    }
    if (krSB_append_char(ts, &sb, ')') < 0) goto fail;
    kr_decref(qn);
    kr_decref(mod);
    krRepr_leave(ts, self);
    return krSB_finish(ts, &sb);
fail:
    kr_xdecref(qn);
    kr_xdecref(mod);
    krSB_discard(&sb);
    krRepr_leave(ts, self);
    return NULL;
}

static KrObject *itemgetter_repr(KrThreadState *ts, KrObject *self) {
    return getter_repr(ts, self, ((GetterObject *)self)->items, NULL);
}

static KrObject *itemgetter_reduce(KrThreadState *ts, KrObject *self) {
    return krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), ((GetterObject *)self)->items);
}

static const KrMethodDef itemgetter_methods[] = {
    {"__reduce__", KR_CFUNC(itemgetter_reduce), KR_METH_NOARGS, "Return state information for pickling"},
    {NULL},
};

KrTypeObject KrItemGetter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(GetterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "itemgetter(item, ...) --> itemgetter object\n\n"
              "Return a callable object that fetches the given item(s) from its operand.\n"
              "After f = itemgetter(2), the call f(r) returns r[2].\n"
              "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    .tp_new = itemgetter_new,
    .tp_dealloc = getter_dealloc,
    .tp_traverse = getter_traverse,
    .tp_clear = getter_clear,
    .tp_repr = itemgetter_repr,
    .tp_call = itemgetter_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = itemgetter_methods,
};

// ---------------------------------------------------------------------------
// attrgetter: items is a tuple with, per attribute, a tuple of the interned
// parts of its dotted name.

static KrObject *split_dotted(KrThreadState *ts, KrObject *name) {
    const char *s = krStr_utf8(name);
    KrSsize n = krStr_size(name), parts = 1;
    for (KrSsize i = 0; i < n; i++) parts += s[i] == '.';
    KrObject *t = krTuple_new(ts, parts);
    if (!t) return NULL;
    KrSsize start = 0, k = 0;
    for (KrSsize i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') continue;
        KrObject *part = krStr_intern_utf8(ts, s + start, i - start);
        if (!part) {
            for (; k < parts; k++) KR_TUPLE_SET(t, k, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, k++, kr_newref(part));
        start = i + 1;
    }
    return t;
}

static KrObject *attrgetter_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "attrgetter", kwnames) < 0) return NULL;
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "attrgetter expected 1 argument, got 0");
    KrObject *items = krTuple_new(ts, nargs);
    if (!items) return NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *parts = NULL;
        if (!krStr_check(args[i])) krErr_set_string(ts, &KrExc_TypeError, "attribute name must be a string");
        else parts = split_dotted(ts, args[i]);
        if (!parts) {
            for (KrSsize j = i; j < nargs; j++) KR_TUPLE_SET(items, j, kr_newref(KR_NONE));
            kr_decref(items);
            return NULL;
        }
        KR_TUPLE_SET(items, i, parts);
    }
    return getter_alloc(ts, type, &KrAttrGetter_Type, items);
}

static KrObject *dotted_getattr(KrThreadState *ts, KrObject *obj, KrObject *parts) {
    KrObject *cur = kr_newref(obj);
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(parts); i++) {
        KrObject *next = krObj_getattr(ts, cur, KR_TUPLE_GET(parts, i));
        kr_decref(cur);
        if (!next) return NULL;
        cur = next;
    }
    return cur;
}

static KrObject *attrgetter_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    if (getter_check_args(ts, "attrgetter", nargsf, kwnames) < 0) return NULL;
    KrObject *items = ((GetterObject *)self)->items;
    KrSsize n = KR_TUPLE_SIZE(items);
    if (n == 1) return dotted_getattr(ts, args[0], KR_TUPLE_GET(items, 0));
    KrObject *result = krTuple_new(ts, n);
    if (!result) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *v = dotted_getattr(ts, args[0], KR_TUPLE_GET(items, i));
        if (!v) {
            for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(result, j, kr_newref(KR_NONE));
            kr_decref(result);
            return NULL;
        }
        KR_TUPLE_SET(result, i, v);
    }
    return result;
}

// The attribute names as given ("a.b"), a new tuple.
static KrObject *attrgetter_names(KrThreadState *ts, KrObject *self) {
    KrObject *items = ((GetterObject *)self)->items;
    KrObject *names = krTuple_new(ts, KR_TUPLE_SIZE(items));
    if (!names) return NULL;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(items); i++) {
        KrObject *dot = krStr_intern_cstr(ts, ".");
        KrObject *s = dot ? krStr_join(ts, dot, KR_TUPLE_GET(items, i)) : NULL;
        if (!s) {
            for (KrSsize j = i; j < KR_TUPLE_SIZE(items); j++) KR_TUPLE_SET(names, j, kr_newref(KR_NONE));
            kr_decref(names);
            return NULL;
        }
        KR_TUPLE_SET(names, i, s);
    }
    return names;
}

static KrObject *attrgetter_repr(KrThreadState *ts, KrObject *self) {
    KrObject *names = attrgetter_names(ts, self);
    if (!names) return NULL;
    KrObject *r = getter_repr(ts, self, names, NULL);
    kr_decref(names);
    return r;
}

static KrObject *attrgetter_reduce(KrThreadState *ts, KrObject *self) {
    KrObject *names = attrgetter_names(ts, self);
    if (!names) return NULL;
    KrObject *r = krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), names);
    kr_decref(names);
    return r;
}

static const KrMethodDef attrgetter_methods[] = {
    {"__reduce__", KR_CFUNC(attrgetter_reduce), KR_METH_NOARGS, "Return state information for pickling"},
    {NULL},
};

KrTypeObject KrAttrGetter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(GetterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "attrgetter(attr, ...) --> attrgetter object\n\n"
              "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.\n"
              "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
              "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
              "(r.name.first, r.name.last).",
    .tp_new = attrgetter_new,
    .tp_dealloc = getter_dealloc,
    .tp_traverse = getter_traverse,
    .tp_clear = getter_clear,
    .tp_repr = attrgetter_repr,
    .tp_call = attrgetter_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = attrgetter_methods,
};

// ---------------------------------------------------------------------------
// methodcaller

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *name;                // strong interned str
    KrObject *args;                // strong tuple
    KrObject *kwargs;              // strong dict
} MethodCallerObject;

static KrObject *methodcaller_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "methodcaller needs at least one argument, the method name");
    if (!krStr_check(args[0])) return krErr_format(ts, &KrExc_TypeError, "method name must be a string");
    KrObject *name = kr_newref(args[0]);
    krStr_intern_inplace(ts, &name);
    KrObject *pargs = krTuple_from_array(ts, args + 1, nargs - 1);
    KrObject *kwargs = pargs ? krDict_new(ts) : NULL;
    if (!kwargs) goto fail;
    for (KrSsize i = 0; kwnames && i < KR_TUPLE_SIZE(kwnames); i++)
        if (krDict_set(ts, kwargs, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) goto fail;
    MethodCallerObject *mc = (MethodCallerObject *)(type == &KrMethodCaller_Type ? krObj_alloc(ts, type, 0)
                                                                                 : krType_generic_alloc(ts, type, 0));
    if (!mc) goto fail;
    mc->name = name;
    mc->args = pargs;
    mc->kwargs = kwargs;
    if (!krGC_is_tracked((KrObject *)mc)) krGC_track((KrObject *)mc);
    return (KrObject *)mc;
fail:
    kr_decref(name);
    kr_xdecref(pargs);
    kr_xdecref(kwargs);
    return NULL;
}

static void methodcaller_dealloc(KrObject *self) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    krGC_untrack(self);
    KR_CLEAR(mc->name);
    KR_CLEAR(mc->args);
    KR_CLEAR(mc->kwargs);
    krObj_free(self);
}

static int methodcaller_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    KR_VISIT(mc->args);
    KR_VISIT(mc->kwargs);
    return 0;
}

static int methodcaller_clear(KrObject *self) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    KR_CLEAR(mc->args);
    KR_CLEAR(mc->kwargs);
    return 0;
}

static KrObject *methodcaller_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    if (getter_check_args(ts, "methodcaller", nargsf, kwnames) < 0) return NULL;
    MethodCallerObject *mc = (MethodCallerObject *)self;
    KrObject *method = krObj_getattr(ts, args[0], mc->name);
    if (!method) return NULL;
    KrObject *r = krObj_call(ts, method, mc->args, krDict_size(mc->kwargs) ? mc->kwargs : NULL);
    kr_decref(method);
    return r;
}

static KrObject *methodcaller_repr(KrThreadState *ts, KrObject *self) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    KrSsize n = KR_TUPLE_SIZE(mc->args);
    KrObject *all = krTuple_new(ts, n + 1);
    if (!all) return NULL;
    KR_TUPLE_SET(all, 0, kr_newref(mc->name));
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(all, i + 1, kr_newref(KR_TUPLE_GET(mc->args, i)));
    KrObject *r = getter_repr(ts, self, all, mc->kwargs);
    kr_decref(all);
    return r;
}

// Without keywords: (type, (name, *args)); with keywords the arguments are
// bound by a functools.partial of the type.
static KrObject *methodcaller_reduce(KrThreadState *ts, KrObject *self) {
    MethodCallerObject *mc = (MethodCallerObject *)self;
    KrSsize n = KR_TUPLE_SIZE(mc->args);
    if (krDict_size(mc->kwargs) == 0) {
        KrObject *all = krTuple_new(ts, n + 1);
        if (!all) return NULL;
        KR_TUPLE_SET(all, 0, kr_newref(mc->name));
        for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(all, i + 1, kr_newref(KR_TUPLE_GET(mc->args, i)));
        KrObject *r = krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), all);
        kr_decref(all);
        return r;
    }
    KrObject *functools = krImport_import(ts, "functools");
    KrObject *partial = functools ? krObj_getattr_cstr(ts, functools, "partial") : NULL;
    kr_xdecref(functools);
    if (!partial) return NULL;
    KrObject *pargs[2] = {(KrObject *)KR_TYPE(self), mc->name};
    KrObject *tup = krTuple_from_array(ts, pargs, 2);
    KrObject *p = tup ? krObj_call(ts, partial, tup, mc->kwargs) : NULL;
    kr_xdecref(tup);
    kr_decref(partial);
    if (!p) return NULL;
    KrObject *r = krTuple_pack(ts, 2, p, mc->args);
    kr_decref(p);
    return r;
}

static const KrMethodDef methodcaller_methods[] = {
    {"__reduce__", KR_CFUNC(methodcaller_reduce), KR_METH_NOARGS, "Return state information for pickling"},
    {NULL},
};

KrTypeObject KrMethodCaller_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(MethodCallerObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "methodcaller(name, ...) --> methodcaller object\n\n"
              "Return a callable object that calls the given method on its operand.\n"
              "After f = methodcaller('name'), the call f(r) returns r.name().\n"
              "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
              "r.name('date', foo=1).",
    .tp_new = methodcaller_new,
    .tp_dealloc = methodcaller_dealloc,
    .tp_traverse = methodcaller_traverse,
    .tp_clear = methodcaller_clear,
    .tp_repr = methodcaller_repr,
    .tp_call = methodcaller_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = methodcaller_methods,
};

// ---------------------------------------------------------------------------
// Module

#define FAST(name, doc) {#name, KR_CFUNC(op_##name), KR_METH_FAST, doc}
#define ONE(name, doc) {#name, KR_CFUNC(op_##name), KR_METH_O, doc}

static const KrMethodDef operator_methods[] = {
    ONE(truth, "Return True if a is true, False otherwise."),
    FAST(contains, "Same as b in a (note reversed operands)."),
    FAST(indexOf, "Return the first index of b in a."),
    FAST(countOf, "Return the number of items in a which are, or which equal, b."),
    FAST(is_, "Same as a is b."),
    FAST(is_not, "Same as a is not b."),
    ONE(index, "Same as a.__index__()"),
    FAST(add, "Same as a + b."),
    FAST(sub, "Same as a - b."),
    FAST(mul, "Same as a * b."),
    FAST(matmul, "Same as a @ b."),
    FAST(floordiv, "Same as a // b."),
    FAST(truediv, "Same as a / b."),
    FAST(mod, "Same as a % b."),
    ONE(neg, "Same as -a."),
    ONE(pos, "Same as +a."),
    ONE(abs, "Same as abs(a)."),
    ONE(inv, "Same as ~a."),
    {"invert", KR_CFUNC(op_inv), KR_METH_O, "Same as ~a."},
    FAST(lshift, "Same as a << b."),
    FAST(rshift, "Same as a >> b."),
    ONE(not_, "Same as not a."),
    FAST(and_, "Same as a & b."),
    FAST(xor, "Same as a ^ b."),
    FAST(or_, "Same as a | b."),
    FAST(iadd, "Same as a += b."),
    FAST(isub, "Same as a -= b."),
    FAST(imul, "Same as a *= b."),
    FAST(imatmul, "Same as a @= b."),
    FAST(ifloordiv, "Same as a //= b."),
    FAST(itruediv, "Same as a /= b."),
    FAST(imod, "Same as a %= b."),
    FAST(ilshift, "Same as a <<= b."),
    FAST(irshift, "Same as a >>= b."),
    FAST(iand, "Same as a &= b."),
    FAST(ixor, "Same as a ^= b."),
    FAST(ior, "Same as a |= b."),
    FAST(concat, "Same as a + b, for a and b sequences."),
    FAST(iconcat, "Same as a += b, for a and b sequences."),
    FAST(getitem, "Same as a[b]."),
    FAST(setitem, "Same as a[b] = c."),
    FAST(delitem, "Same as del a[b]."),
    FAST(pow, "Same as a ** b."),
    FAST(ipow, "Same as a **= b."),
    FAST(eq, "Same as a == b."),
    FAST(ne, "Same as a != b."),
    FAST(lt, "Same as a < b."),
    FAST(le, "Same as a <= b."),
    FAST(gt, "Same as a > b."),
    FAST(ge, "Same as a >= b."),
    {"_compare_digest", KR_CFUNC(op_compare_digest), KR_METH_FAST, "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography."},
    {"length_hint", KR_CFUNC(op_length_hint), KR_METH_FAST, "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."},
    {"call", KR_CFUNC(op_call), KR_METH_FASTKW, "Same as obj(*args, **kwargs)."},
    {NULL},
};

static int operator_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrItemGetter_Type) < 0 || krModule_add_type(ts, m, &KrAttrGetter_Type) < 0 ||
        krModule_add_type(ts, m, &KrMethodCaller_Type) < 0)
        return -1;
    return 0;
}

const KrModuleDef kr__operator_module_def = {
    .name = "_operator",
    .doc = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n"
           "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
           "is equivalent to the expression x+y.  The function names are those\n"
           "used for special methods; variants without leading and trailing\n"
           "'__' are also provided for convenience.",
    .methods = operator_methods,
    .exec = operator_exec,
};
