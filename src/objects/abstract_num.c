/*
 * abstract_num.c — operator dispatch for the number protocol: binary
 * operators with reflected operands and the subclass-first rule, the sequence
 * fallbacks of + and *, in-place operators, three-argument pow, and the unary
 * operators, each with CPython's TypeError when nothing applies.
 */
#include <stddef.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/str.h"
#include "objects/type.h"

const char *const kr_nb_op_symbols[KR_NB_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

#define NB_SLOT(t, off) (*(KrBinaryFunc *)((char *)(t) + (off)))

// Tries the slot at `off` of both operands' types.  Returns NotImplemented
// (a new reference) when neither applies.
static KrObject *binary_op1(KrThreadState *ts, KrObject *v, KrObject *w, size_t off) {
    KrTypeObject *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    KrBinaryFunc slotv = NB_SLOT(tv, off), slotw = NULL;
    if (tw != tv) {
        slotw = NB_SLOT(tw, off);
        if (slotw == slotv) slotw = NULL;
    }
    KrObject *x;
    if (slotv) {
        if (slotw && krType_is_subtype(tw, tv)) {
            x = slotw(ts, v, w);
            if (x != KR_NOTIMPLEMENTED) return x;
            kr_decref(x);
            slotw = NULL;
        }
        x = slotv(ts, v, w);
        if (x != KR_NOTIMPLEMENTED) return x;
        kr_decref(x);
    }
    if (slotw) return slotw(ts, v, w);
    return kr_newref(KR_NOTIMPLEMENTED);
}

static KrObject *binop_type_error(KrThreadState *ts, KrObject *v, KrObject *w, const char *sym) {
    if (sym[0] == '>' && sym[1] == '>' && sym[2] == 0 && krCFunction_is_print(v)) {
        return krErr_format(ts, &KrExc_TypeError,
                            "unsupported operand type(s) for %s: '%s' and '%s'. Did you mean \"print(<message>, "
                            "file=<output_stream>)\"?",
                            sym, krType_name(KR_TYPE(v)), krType_name(KR_TYPE(w)));
    }
    return krErr_format(ts, &KrExc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                        krType_name(KR_TYPE(v)), krType_name(KR_TYPE(w)));
}

static KrObject *binary_op(KrThreadState *ts, KrObject *v, KrObject *w, size_t off, const char *sym) {
    KrObject *r = binary_op1(ts, v, w, off);
    if (r != KR_NOTIMPLEMENTED) return r;
    kr_decref(r);
    return binop_type_error(ts, v, w, sym);
}

static KrObject *sequence_repeat(KrThreadState *ts, KrSsizeArgFunc repeat, KrObject *seq, KrObject *n) {
    if (!krNum_is_index(n))
        return krErr_format(ts, &KrExc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            krType_name(KR_TYPE(n)));
    KrSsize count = krNum_as_ssize(ts, n, &KrExc_OverflowError);
    if (count == -1 && krErr_occurred(ts)) return NULL;
    return repeat(ts, seq, count);
}

#define OFF(f) offsetof(KrTypeObject, f)

KrObject *krNum_add(KrThreadState *ts, KrObject *v, KrObject *w) {
    KrObject *r = binary_op1(ts, v, w, OFF(nb_add));
    if (r != KR_NOTIMPLEMENTED) return r;
    kr_decref(r);
    KrBinaryFunc concat = KR_TYPE(v)->sq_concat;
    if (concat) return concat(ts, v, w);
    return binop_type_error(ts, v, w, "+");
}

KrObject *krNum_multiply(KrThreadState *ts, KrObject *v, KrObject *w) {
    KrObject *r = binary_op1(ts, v, w, OFF(nb_multiply));
    if (r != KR_NOTIMPLEMENTED) return r;
    kr_decref(r);
    if (KR_TYPE(v)->sq_repeat) return sequence_repeat(ts, KR_TYPE(v)->sq_repeat, v, w);
    if (KR_TYPE(w)->sq_repeat) return sequence_repeat(ts, KR_TYPE(w)->sq_repeat, w, v);
    return binop_type_error(ts, v, w, "*");
}

KrObject *krNum_subtract(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_subtract), "-"); }
KrObject *krNum_matmul(KrThreadState *ts, KrObject *a, KrObject *b) {
    return binary_op(ts, a, b, OFF(nb_matrix_multiply), "@");
}
KrObject *krNum_true_divide(KrThreadState *ts, KrObject *a, KrObject *b) {
    return binary_op(ts, a, b, OFF(nb_true_divide), "/");
}
KrObject *krNum_floor_divide(KrThreadState *ts, KrObject *a, KrObject *b) {
    return binary_op(ts, a, b, OFF(nb_floor_divide), "//");
}
KrObject *krNum_remainder(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_remainder), "%"); }
KrObject *krNum_divmod(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_divmod), "divmod()"); }
KrObject *krNum_lshift(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_lshift), "<<"); }
KrObject *krNum_rshift(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_rshift), ">>"); }
KrObject *krNum_and(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_and), "&"); }
KrObject *krNum_or(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_or), "|"); }
KrObject *krNum_xor(KrThreadState *ts, KrObject *a, KrObject *b) { return binary_op(ts, a, b, OFF(nb_xor), "^"); }

// Three-argument dispatch for ** and pow().
static KrObject *ternary_op(KrThreadState *ts, KrObject *v, KrObject *w, KrObject *z, size_t off, const char *sym) {
    KrTypeObject *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    KrTernaryFunc slotv = *(KrTernaryFunc *)((char *)tv + off), slotw = NULL;
    if (tw != tv) {
        slotw = *(KrTernaryFunc *)((char *)tw + off);
        if (slotw == slotv) slotw = NULL;
    }
    KrObject *x;
    if (slotv) {
        if (slotw && krType_is_subtype(tw, tv)) {
            x = slotw(ts, v, w, z);
            if (x != KR_NOTIMPLEMENTED) return x;
            kr_decref(x);
            slotw = NULL;
        }
        x = slotv(ts, v, w, z);
        if (x != KR_NOTIMPLEMENTED) return x;
        kr_decref(x);
    }
    if (slotw) {
        x = slotw(ts, v, w, z);
        if (x != KR_NOTIMPLEMENTED) return x;
        kr_decref(x);
    }
    if (z != KR_NONE) {
        KrTernaryFunc slotz = *(KrTernaryFunc *)((char *)KR_TYPE(z) + off);
        if (slotz && slotz != slotv && slotz != slotw) {
            x = slotz(ts, v, w, z);
            if (x != KR_NOTIMPLEMENTED) return x;
            kr_decref(x);
        }
        return krErr_format(ts, &KrExc_TypeError, "unsupported operand type(s) for %s: '%s', '%s', '%s'", sym,
                            krType_name(tv), krType_name(tw), krType_name(KR_TYPE(z)));
    }
    return krErr_format(ts, &KrExc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                        krType_name(tv), krType_name(tw));
}

KrObject *krNum_power(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *mod) {
    return ternary_op(ts, a, b, mod, OFF(nb_power), "** or pow()");
}

// In-place: the in-place slot of the left operand, then the ordinary operator.
static KrObject *inplace_op(KrThreadState *ts, KrObject *v, KrObject *w, size_t ioff, size_t off, const char *sym) {
    KrBinaryFunc islot = NB_SLOT(KR_TYPE(v), ioff);
    if (islot) {
        KrObject *x = islot(ts, v, w);
        if (x != KR_NOTIMPLEMENTED) return x;
        kr_decref(x);
    }
    KrObject *r = binary_op1(ts, v, w, off);
    if (r != KR_NOTIMPLEMENTED) return r;
    kr_decref(r);
    KrTypeObject *tv = KR_TYPE(v);
    if (off == OFF(nb_add)) {
        if (tv->sq_inplace_concat) return tv->sq_inplace_concat(ts, v, w);
        if (tv->sq_concat) return tv->sq_concat(ts, v, w);
    } else if (off == OFF(nb_multiply)) {
        if (tv->sq_inplace_repeat) return sequence_repeat(ts, tv->sq_inplace_repeat, v, w);
        if (tv->sq_repeat) return sequence_repeat(ts, tv->sq_repeat, v, w);
        if (KR_TYPE(w)->sq_repeat) return sequence_repeat(ts, KR_TYPE(w)->sq_repeat, w, v);
    }
    return binop_type_error(ts, v, w, sym);
}

static KrObject *inplace_power(KrThreadState *ts, KrObject *v, KrObject *w) {
    KrTernaryFunc islot = KR_TYPE(v)->nb_inplace_power;
    if (islot) {
        KrObject *x = islot(ts, v, w, KR_NONE);
        if (x != KR_NOTIMPLEMENTED) return x;
        kr_decref(x);
    }
    return ternary_op(ts, v, w, KR_NONE, OFF(nb_power), "**=");
}

static const size_t binop_offsets[13] = {
    OFF(nb_add), OFF(nb_and), OFF(nb_floor_divide), OFF(nb_lshift), OFF(nb_matrix_multiply), OFF(nb_multiply),
    OFF(nb_remainder), OFF(nb_or), OFF(nb_power), OFF(nb_rshift), OFF(nb_subtract), OFF(nb_true_divide),
    OFF(nb_xor),
};
static const size_t inplace_offsets[13] = {
    OFF(nb_inplace_add), OFF(nb_inplace_and), OFF(nb_inplace_floor_divide), OFF(nb_inplace_lshift),
    OFF(nb_inplace_matrix_multiply), OFF(nb_inplace_multiply), OFF(nb_inplace_remainder), OFF(nb_inplace_or),
    OFF(nb_inplace_power), OFF(nb_inplace_rshift), OFF(nb_inplace_subtract), OFF(nb_inplace_true_divide),
    OFF(nb_inplace_xor),
};

KrObject *krNum_binary_op(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    switch (op) {
    case KR_NB_ADD: return krNum_add(ts, a, b);
    case KR_NB_MULTIPLY: return krNum_multiply(ts, a, b);
    case KR_NB_POWER: return krNum_power(ts, a, b, KR_NONE);
    case KR_NB_INPLACE_POWER: return inplace_power(ts, a, b);
    default: break;
    }
    if (op < KR_NB_INPLACE_ADD) return binary_op(ts, a, b, binop_offsets[op], kr_nb_op_symbols[op]);
    int base = op - KR_NB_INPLACE_ADD;
    return inplace_op(ts, a, b, inplace_offsets[base], binop_offsets[base], kr_nb_op_symbols[op]);
}

// ---------------------------------------------------------------------------
// Unary operators

static KrObject *unary_op(KrThreadState *ts, KrObject *o, KrUnaryFunc f, const char *what) {
    if (f) return f(ts, o);
    return krErr_format(ts, &KrExc_TypeError, "bad operand type for %s: '%s'", what, krType_name(KR_TYPE(o)));
}

KrObject *krNum_negative(KrThreadState *ts, KrObject *a) { return unary_op(ts, a, KR_TYPE(a)->nb_negative, "unary -"); }
KrObject *krNum_positive(KrThreadState *ts, KrObject *a) { return unary_op(ts, a, KR_TYPE(a)->nb_positive, "unary +"); }
KrObject *krNum_invert(KrThreadState *ts, KrObject *a) { return unary_op(ts, a, KR_TYPE(a)->nb_invert, "unary ~"); }
KrObject *krNum_absolute(KrThreadState *ts, KrObject *a) { return unary_op(ts, a, KR_TYPE(a)->nb_absolute, "abs()"); }
