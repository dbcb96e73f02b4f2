/*
 * int.c — Python's int: the type object, construction and normalisation,
 * conversions to C types and to float, comparison, hashing, and the four
 * basic arithmetic operations with their division relatives.
 *
 * Two representations, one type.  A value in the tagged range is always a
 * tagged word (object.h); an exact int outside it is a KrIntObject holding a
 * GMP integer.  bool and int subclasses are always heap objects, whatever
 * their value.  Every result leaves here normalised: exact int, tagged when it
 * fits.  Operations on two tagged values never allocate unless the result
 * overflows the tagged range (detected with __builtin_*_overflow).
 *
 * GMP aborts when it cannot allocate, so operations whose result can be much
 * larger than their inputs (multiplication here; shifts and powers in
 * int_ops.c) check the result's size first (krInt_check_bits).
 *
 * Related: int.h (the contract), int_ops.c (powers, shifts, bitwise),
 * int_methods.c (methods, constructor), int_format.c (text), bool.c, float.c.
 */
#include <float.h>
#include <math.h>

#include "objects/int_impl.h"
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// The modulus of Python's numeric hash, 2**61 - 1.
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

// ---------------------------------------------------------------------------
// Construction

int krInt_check_bits(KrThreadState *ts, size_t bits) {
    if (bits > KR_INT_MAX_BITS) {
        krErr_no_memory(ts);
        return -1;
    }
    return 0;
}

static KrObject *alloc_heap_int(KrThreadState *ts) { return krObj_alloc(ts, &KrInt_Type, 0); }

KrObject *krInt_from_i64(KrThreadState *ts, int64_t v) {
    if (kr_smallint_fits(v)) return kr_smallint(v);
    KrObject *o = alloc_heap_int(ts);
    if (!o) return NULL;
    mpz_init_set_si(((KrIntObject *)o)->z, v);
    return o;
}

KrObject *krInt_from_u64(KrThreadState *ts, uint64_t v) {
    if (v <= (uint64_t)KR_SMALLINT_MAX) return kr_smallint((int64_t)v);
    KrObject *o = alloc_heap_int(ts);
    if (!o) return NULL;
    mpz_init_set_ui(((KrIntObject *)o)->z, v);
    return o;
}

KrObject *krInt_from_ssize(KrThreadState *ts, KrSsize v) { return krInt_from_i64(ts, (int64_t)v); }

// The value of `z` if it fits the tagged range.
static bool mpz_to_small(mpz_srcptr z, int64_t *out) {
    if (!mpz_fits_slong_p(z)) return false;
    long v = mpz_get_si(z);
    if (!kr_smallint_fits(v)) return false;
    *out = v;
    return true;
}

KrObject *krInt_from_mpz(KrThreadState *ts, const mpz_t z) {
    int64_t v;
    if (mpz_to_small(z, &v)) return kr_smallint(v);
    if (krInt_check_bits(ts, mpz_sizeinbase(z, 2)) < 0) return NULL;
    KrObject *o = alloc_heap_int(ts);
    if (!o) return NULL;
    mpz_init_set(((KrIntObject *)o)->z, z);
    return o;
}

KrObject *krInt_from_mpz_steal(KrThreadState *ts, mpz_t z) {
    int64_t v;
    if (mpz_to_small(z, &v)) {
        mpz_clear(z);
        return kr_smallint(v);
    }
    KrObject *o = alloc_heap_int(ts);
    if (!o) {
        mpz_clear(z);
        return NULL;
    }
    ((KrIntObject *)o)->z[0] = z[0];
    return o;
}

KrObject *krInt_from_double(KrThreadState *ts, double d) {
    if (isinf(d)) {
        krErr_set_string(ts, &KrExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        krErr_set_string(ts, &KrExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (d > -4611686018427387904.0 && d < 4611686018427387904.0) return kr_smallint((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);   // truncates toward zero, exactly
    return krInt_from_mpz_steal(ts, z);
}

KrObject *krInt_exact(KrThreadState *ts, KrObject *o) {
    if (krInt_check_exact(o)) return kr_newref(o);
    return krInt_from_mpz(ts, ((KrIntObject *)o)->z);
}

// ---------------------------------------------------------------------------
// Conversions

bool krInt_to_i64(KrObject *o, int64_t *out) {
    if (kr_is_smallint(o)) {
        *out = kr_smallint_value(o);
        return true;
    }
    mpz_srcptr z = ((KrIntObject *)o)->z;
    if (!mpz_fits_slong_p(z)) return false;
    *out = mpz_get_si(z);
    return true;
}

int64_t krInt_as_i64(KrThreadState *ts, KrObject *o) {
    int64_t v;
    if (krInt_to_i64(o, &v)) return v;
    krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C long");
    return -1;
}

KrSsize krInt_as_ssize(KrThreadState *ts, KrObject *o) {
    int64_t v;
    if (krInt_to_i64(o, &v)) return (KrSsize)v;
    krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

void krInt_to_mpz(KrObject *o, mpz_t out) {
    KrIntView v;
    mpz_set(out, krInt_view(o, &v));
}

int krInt_sign(KrObject *o) {
    if (kr_is_smallint(o)) {
        int64_t v = kr_smallint_value(o);
        return (v > 0) - (v < 0);
    }
    return mpz_sgn(((KrIntObject *)o)->z);
}

size_t krInt_bit_length(KrObject *o) {
    if (kr_is_smallint(o)) {
        int64_t v = kr_smallint_value(o);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return u ? 64 - (size_t)__builtin_clzll(u) : 0;
    }
    mpz_srcptr z = ((KrIntObject *)o)->z;
    return mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
}

// |z| rounded half-to-even to a double, or HUGE_VAL when it overflows.  `z`
// has more than 64 bits: keep its top 64, remember whether anything below is
// set, and round by hand (mpz_get_d truncates).
static double big_to_double(mpz_srcptr z) {
    size_t nbits = mpz_sizeinbase(z, 2);
    if (nbits > DBL_MAX_EXP) return HUGE_VAL;
    size_t shift = nbits - 64, idx = shift / 64, off = shift % 64;
    uint64_t top = mpz_getlimbn(z, (mp_size_t)idx) >> off;
    if (off) top |= mpz_getlimbn(z, (mp_size_t)idx + 1) << (64 - off);
    bool sticky = mpz_scan1(z, 0) < shift;   // the lowest set bit is the same for z and -z
    uint64_t low = top & 0x7FF;
    top >>= 11;
    if (low > 0x400 || (low == 0x400 && (sticky || (top & 1)))) top++;
    return ldexp((double)top, (int)(shift + 11));
}

// The double nearest to `o`, with *overflow set when it is out of range.
static double int_to_double(KrObject *o, bool *overflow) {
    *overflow = false;
    if (kr_is_smallint(o)) return (double)kr_smallint_value(o);
    mpz_srcptr z = ((KrIntObject *)o)->z;
    if (mpz_sizeinbase(z, 2) <= 64) {
        double d = (double)mpz_getlimbn(z, 0);   // the conversion rounds half-to-even
        return mpz_sgn(z) < 0 ? -d : d;
    }
    double d = big_to_double(z);
    if (isinf(d)) *overflow = true;
    return mpz_sgn(z) < 0 ? -d : d;
}

double krInt_as_double(KrThreadState *ts, KrObject *o) {
    bool overflow;
    double d = int_to_double(o, &overflow);
    if (overflow) {
        krErr_set_string(ts, &KrExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

// ---------------------------------------------------------------------------
// Comparison and hashing

int krInt_compare(KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b)) {
        int64_t x = kr_smallint_value(a), y = kr_smallint_value(b);
        return (x > y) - (x < y);
    }
    KrIntView va, vb;
    int c = mpz_cmp(krInt_view(a, &va), krInt_view(b, &vb));
    return (c > 0) - (c < 0);
}

static bool cmp_result(int c, int op) {
    switch (op) {
    case KR_LT: return c < 0;
    case KR_LE: return c <= 0;
    case KR_EQ: return c == 0;
    case KR_NE: return c != 0;
    case KR_GT: return c > 0;
    default: return c >= 0;
    }
}

KrObject *krInt_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (krInt_check(b)) return kr_bool(cmp_result(krInt_compare(a, b), op));
    if (krFloat_check(b)) {
        double d = krFloat_value(b);
        if (isnan(d)) return kr_bool(op == KR_NE);
        KrIntView va;
        int c = mpz_cmp_d(krInt_view(a, &va), d);   // exact, infinities included
        return kr_bool(cmp_result((c > 0) - (c < 0), op));
    }
    return KR_NOTIMPLEMENTED;
}

KrHash krInt_hash(KrObject *o) {
    uint64_t h;
    int sign;
    if (kr_is_smallint(o)) {
        int64_t v = kr_smallint_value(o);
        sign = v < 0 ? -1 : 1;
        h = (v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v) % HASH_MODULUS;
    } else {
        mpz_srcptr z = ((KrIntObject *)o)->z;
        sign = mpz_sgn(z) < 0 ? -1 : 1;
        h = mpz_tdiv_ui(z, HASH_MODULUS);   // the remainder of |z|
    }
    KrHash r = sign * (KrHash)h;
    return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------------------
// Arithmetic

// Applies `fn` to the values of a and b into a fresh mpz and normalises.
static KrObject *mpz_binary(KrThreadState *ts, KrObject *a, KrObject *b,
                            void (*fn)(mpz_ptr, mpz_srcptr, mpz_srcptr)) {
    KrIntView va, vb;
    mpz_t r;
    mpz_init(r);
    fn(r, krInt_view(a, &va), krInt_view(b, &vb));
    return krInt_from_mpz_steal(ts, r);
}

KrObject *krInt_add(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b))   // 63-bit operands: the int64 sum cannot overflow
        return krInt_from_i64(ts, kr_smallint_value(a) + kr_smallint_value(b));
    return mpz_binary(ts, a, b, mpz_add);
}

KrObject *krInt_sub(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b))
        return krInt_from_i64(ts, kr_smallint_value(a) - kr_smallint_value(b));
    return mpz_binary(ts, a, b, mpz_sub);
}

KrObject *krInt_mul(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(kr_smallint_value(a), kr_smallint_value(b), &r)) return krInt_from_i64(ts, r);
    }
    if (krInt_check_bits(ts, krInt_bit_length(a) + krInt_bit_length(b)) < 0) return NULL;
    return mpz_binary(ts, a, b, mpz_mul);
}

static bool is_zero(KrObject *o) { return krInt_sign(o) == 0; }

KrObject *krInt_floordiv(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (is_zero(b)) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (kr_is_smallint(a) && kr_is_smallint(b))
        return krInt_from_i64(ts, kr_floordiv_i64(kr_smallint_value(a), kr_smallint_value(b)));
    return mpz_binary(ts, a, b, mpz_fdiv_q);
}

KrObject *krInt_mod(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (is_zero(b)) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    if (kr_is_smallint(a) && kr_is_smallint(b))
        return kr_smallint(kr_mod_i64(kr_smallint_value(a), kr_smallint_value(b)));
    return mpz_binary(ts, a, b, mpz_fdiv_r);
}

static KrObject *pair_steal(KrThreadState *ts, KrObject *q, KrObject *r) {
    if (!q || !r) {
        kr_xdecref(q);
        kr_xdecref(r);
        return NULL;
    }
    KrObject *items[2] = {q, r};
    return krTuple_from_array_steal(ts, items, 2);
}

KrObject *krInt_divmod(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (is_zero(b)) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (kr_is_smallint(a) && kr_is_smallint(b)) {
        int64_t x = kr_smallint_value(a), y = kr_smallint_value(b);
        return pair_steal(ts, krInt_from_i64(ts, kr_floordiv_i64(x, y)), kr_smallint(kr_mod_i64(x, y)));
    }
    KrIntView va, vb;
    mpz_t q, r;
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, krInt_view(a, &va), krInt_view(b, &vb));
    KrObject *qo = krInt_from_mpz_steal(ts, q);
    return pair_steal(ts, qo, krInt_from_mpz_steal(ts, r));
}

KrObject *krInt_neg(KrThreadState *ts, KrObject *a) {
    if (kr_is_smallint(a)) return krInt_from_i64(ts, -kr_smallint_value(a));
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, ((KrIntObject *)a)->z);
    return krInt_from_mpz_steal(ts, r);
}

KrObject *krInt_abs(KrThreadState *ts, KrObject *a) {
    if (krInt_sign(a) < 0) return krInt_neg(ts, a);
    return krInt_exact(ts, a);
}

KrObject *krInt_invert(KrThreadState *ts, KrObject *a) {
    if (kr_is_smallint(a)) return kr_smallint(~kr_smallint_value(a));
    mpz_t r;
    mpz_init(r);
    mpz_com(r, ((KrIntObject *)a)->z);
    return krInt_from_mpz_steal(ts, r);
}

// ---------------------------------------------------------------------------
// True division, correctly rounded (the method of CPython's long_true_divide:
// scale so the quotient keeps DBL_MANT_DIG + 2 bits, fold the remainder into
// a sticky bit, round half-to-even by hand, then scale back with ldexp).

static double overflow_div(KrThreadState *ts) {
    krErr_set_string(ts, &KrExc_OverflowError, "integer division result too large for a float");
    return -1.0;
}

// |a| / |b| for b != 0, a != 0, both large; `negative` gives the sign.
static double big_truediv(KrThreadState *ts, mpz_srcptr a, mpz_srcptr b, bool negative) {
    int64_t diff = (int64_t)mpz_sizeinbase(a, 2) - (int64_t)mpz_sizeinbase(b, 2);
    if (diff > DBL_MAX_EXP) return overflow_div(ts);
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negative ? -0.0 : 0.0;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t num, den, q;
    mpz_init(num);
    mpz_init(den);
    mpz_init(q);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (shift >= 0) mpz_mul_2exp(den, den, (mp_bitcnt_t)shift);
    else mpz_mul_2exp(num, num, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(q, num, num, den);
    bool inexact = mpz_sgn(num) != 0;
    uint64_t x = mpz_get_ui(q);   // fewer than DBL_MANT_DIG + 4 bits
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(q);
    int x_size = 64 - __builtin_clzll(x);
    int extra = (x_size > DBL_MIN_EXP - shift ? x_size : (int)(DBL_MIN_EXP - shift)) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = x | inexact;
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    x = low & ~(2 * mask - 1);
    double dx = (double)x;
    if (shift + x_size >= DBL_MAX_EXP && (shift + x_size > DBL_MAX_EXP || dx == ldexp(1.0, x_size)))
        return overflow_div(ts);
    double r = ldexp(dx, (int)shift);
    return negative ? -r : r;
}

double krInt_truediv_double(KrThreadState *ts, KrObject *a, KrObject *b) {
    int sb = krInt_sign(b), sa = krInt_sign(a);
    if (sb == 0) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "division by zero");
        return -1.0;
    }
    if (sa == 0) return sb < 0 ? -0.0 : 0.0;
    // Both exactly representable: the hardware division is correctly rounded.
    const int64_t lim = (int64_t)1 << DBL_MANT_DIG;
    int64_t x, y;
    if (krInt_to_i64(a, &x) && krInt_to_i64(b, &y) && x >= -lim && x <= lim && y >= -lim && y <= lim)
        return (double)x / (double)y;
    KrIntView va, vb;
    return big_truediv(ts, krInt_view(a, &va), krInt_view(b, &vb), (sa < 0) != (sb < 0));
}

KrObject *krInt_truediv(KrThreadState *ts, KrObject *a, KrObject *b) {
    double d = krInt_truediv_double(ts, a, b);
    if (d == -1.0 && krErr_occurred(ts)) return NULL;
    return krFloat_new(ts, d);
}

// ---------------------------------------------------------------------------
// Slots

#define BOTH_INTS(a, b) \
    if (!krInt_check(a) || !krInt_check(b)) return KR_NOTIMPLEMENTED

static KrObject *int_nb_add(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_add(ts, a, b);
}
static KrObject *int_nb_sub(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_sub(ts, a, b);
}
static KrObject *int_nb_mul(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_mul(ts, a, b);
}
static KrObject *int_nb_floordiv(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_floordiv(ts, a, b);
}
static KrObject *int_nb_mod(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_mod(ts, a, b);
}
static KrObject *int_nb_divmod(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_divmod(ts, a, b);
}
static KrObject *int_nb_truediv(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_truediv(ts, a, b);
}
static KrObject *int_nb_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m) {
    BOTH_INTS(a, b);
    if (m == KR_NONE) m = NULL;
    else if (m && !krInt_check(m)) return KR_NOTIMPLEMENTED;
    return krInt_pow(ts, a, b, m);
}
static KrObject *int_nb_lshift(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_lshift(ts, a, b);
}
static KrObject *int_nb_rshift(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_rshift(ts, a, b);
}
static KrObject *int_nb_and(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_and(ts, a, b);
}
static KrObject *int_nb_or(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_or(ts, a, b);
}
static KrObject *int_nb_xor(KrThreadState *ts, KrObject *a, KrObject *b) {
    BOTH_INTS(a, b);
    return krInt_xor(ts, a, b);
}
static KrObject *int_nb_float(KrThreadState *ts, KrObject *a) {
    double d = krInt_as_double(ts, a);
    if (d == -1.0 && krErr_occurred(ts)) return NULL;
    return krFloat_new(ts, d);
}
static int int_nb_bool(KrThreadState *ts, KrObject *a) { return krInt_sign(a) != 0; }
static KrHash int_tp_hash(KrThreadState *ts, KrObject *a) { return krInt_hash(a); }
// Only int with int: float's slot compares floats with ints (exactly).
static KrObject *int_tp_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krInt_check(a) || !krInt_check(b)) return KR_NOTIMPLEMENTED;
    return kr_bool(cmp_result(krInt_compare(a, b), op));
}

static void int_dealloc(KrObject *self) {
    mpz_clear(((KrIntObject *)self)->z);
    krObj_free(self);
}

KrTypeObject KrInt_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "int",
    .tp_basicsize = sizeof(KrIntObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_INT_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\n"
        "int(x, base=10) -> integer\n"
        "\n"
        "Convert a number or string to an integer, or return 0 if no arguments\n"
        "are given.  If x is a number, return x.__int__().  For floating point\n"
        "numbers, this truncates towards zero.\n"
        "\n"
        "If x is not a number or if base is given, then x must be a string,\n"
        "bytes, or bytearray instance representing an integer literal in the\n"
        "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
        "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
        "Base 0 means to interpret the base from the string as an integer literal.\n"
        ">>> int('0b100', base=0)\n"
        "4",
    .tp_new = krInt_tp_new,
    .tp_dealloc = int_dealloc,
    .tp_repr = krInt_repr,
    .tp_hash = int_tp_hash,
    .tp_richcompare = int_tp_richcompare,
    .nb_add = int_nb_add,
    .nb_subtract = int_nb_sub,
    .nb_multiply = int_nb_mul,
    .nb_remainder = int_nb_mod,
    .nb_divmod = int_nb_divmod,
    .nb_power = int_nb_pow,
    .nb_negative = krInt_neg,
    .nb_positive = krInt_exact,
    .nb_absolute = krInt_abs,
    .nb_bool = int_nb_bool,
    .nb_invert = krInt_invert,
    .nb_lshift = int_nb_lshift,
    .nb_rshift = int_nb_rshift,
    .nb_and = int_nb_and,
    .nb_xor = int_nb_xor,
    .nb_or = int_nb_or,
    .nb_int = krInt_exact,
    .nb_float = int_nb_float,
    .nb_index = krInt_exact,
    .nb_floor_divide = int_nb_floordiv,
    .nb_true_divide = int_nb_truediv,
    .tp_methods = krInt_methods,
    .tp_getset = krInt_getset,
    .tp_base = &KrBaseObject_Type,
};
