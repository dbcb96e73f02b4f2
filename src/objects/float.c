/*
 * float.c — Python's float: a boxed double.  The type object, allocation
 * (exact floats are recycled through a small free list in the thread state,
 * since arithmetic makes and drops them constantly), arithmetic with CPython's
 * special cases and messages, exact comparison with ints, the numeric hash,
 * and the methods.
 *
 * Binary slots accept a float or an int on either side (ints are converted
 * with OverflowError "int too large to convert to float"), and return
 * NotImplemented otherwise — complex handles float-complex mixes.
 *
 * Related: float.h, float_format.c (repr, format), float_parse.c (float(str),
 * hex), complex.c, int.c (int-float comparison).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/float.h"
#include "objects/formatspec.h"
#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "objects/exc.h"

// ---------------------------------------------------------------------------
// Allocation.  Each thread state keeps a short list of freed exact floats
// (linked through ob_type), so the common make-and-drop costs no allocator
// call and needs no lock.

#define FREELIST_MAX 100

KrObject *krFloat_new(KrThreadState *ts, double v) {
    KrFloatObject *f = (KrFloatObject *)ts->float_freelist;
    if (f) {
        ts->float_freelist = (KrObject *)f->ob_base.ob_type;
        ts->float_freelist_len--;
        f->ob_base.ob_type = &KrFloat_Type;
        f->ob_base.ob_refcnt = 1;
    } else {
        f = (KrFloatObject *)krObj_alloc(ts, &KrFloat_Type, 0);
        if (!f) return NULL;
    }
    f->value = v;
    return (KrObject *)f;
}

static void float_dealloc(KrObject *self) {
    KrThreadState *ts = krThread_current();
    if (ts && self->ob_type == &KrFloat_Type && ts->float_freelist_len < FREELIST_MAX) {
        self->ob_type = (KrTypeObject *)ts->float_freelist;
        ts->float_freelist = self;
        ts->float_freelist_len++;
        return;
    }
    krObj_free(self);
}

void krFloat_clear_freelist(KrThreadState *ts) {
    while (ts->float_freelist) {
        KrObject *f = ts->float_freelist;
        ts->float_freelist = (KrObject *)f->ob_type;
        f->ob_type = &KrFloat_Type;
        krObj_free(f);
    }
    ts->float_freelist_len = 0;
}

// ---------------------------------------------------------------------------
// Conversions

double krFloat_as_double(KrThreadState *ts, KrObject *o) {
    if (krFloat_check(o)) return krFloat_value(o);
    KrTypeObject *t = KR_TYPE(o);
    if (!t->nb_float) {
        if (t->nb_index) {
            KrObject *i = krNum_index(ts, o);
            if (!i) return -1.0;
            double d = krInt_as_double(ts, i);
            kr_decref(i);
            return d;
        }
        krErr_format(ts, &KrExc_TypeError, "must be real number, not %.50s", krType_name(t));
        return -1.0;
    }
    KrObject *r = t->nb_float(ts, o);
    if (!r) return -1.0;
    if (!krFloat_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", krType_name(t),
                     krType_name(KR_TYPE(r)));
        kr_decref(r);
        return -1.0;
    }
    double d = krFloat_value(r);
    kr_decref(r);
    return d;
}

// The double value of a float or int operand: 1 with *out set, 0 when `o`
// is neither (the slot returns NotImplemented), -1 on OverflowError.
static int operand(KrThreadState *ts, KrObject *o, double *out) {
    if (krFloat_check(o)) {
        *out = krFloat_value(o);
        return 1;
    }
    if (krInt_check(o)) {
        *out = krInt_as_double(ts, o);
        return (*out == -1.0 && krErr_occurred(ts)) ? -1 : 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                          \
    double x, y;                                      \
    do {                                              \
        int ra_ = operand(ts, a, &x);                 \
        if (ra_ <= 0) return ra_ ? NULL : KR_NOTIMPLEMENTED; \
        int rb_ = operand(ts, b, &y);                 \
        if (rb_ <= 0) return rb_ ? NULL : KR_NOTIMPLEMENTED; \
    } while (0)

// ---------------------------------------------------------------------------
// Hash and comparison

KrHash krFloat_hash_double(double v) {
    if (!isfinite(v)) return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // Accumulate 28 bits of the mantissa at a time, reducing mod P.
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    KrHash h = (KrHash)x * sign;
    return h == -1 ? -2 : h;
}

// The hash CPython gives a NaN: derived from the object's address.
KrHash krFloat_hash_pointer(const void *p) {
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    KrHash h = (KrHash)y;
    return h == -1 ? -2 : h;
}

static KrHash float_hash(KrThreadState *ts, KrObject *self) {
    double v = krFloat_value(self);
    if (isnan(v)) return krFloat_hash_pointer(self);
    return krFloat_hash_double(v);
}

static const int swapped_op[6] = {KR_GT, KR_GE, KR_EQ, KR_NE, KR_LT, KR_LE};

static KrObject *float_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krFloat_check(a)) return KR_NOTIMPLEMENTED;
    if (krInt_check(b)) return krInt_richcompare(ts, b, a, swapped_op[op]);
    if (!krFloat_check(b)) return KR_NOTIMPLEMENTED;
    double x = krFloat_value(a), y = krFloat_value(b);
    bool r;
    switch (op) {
    case KR_LT: r = x < y; break;
    case KR_LE: r = x <= y; break;
    case KR_EQ: r = x == y; break;
    case KR_NE: r = x != y; break;
    case KR_GT: r = x > y; break;
    default: r = x >= y; break;
    }
    return kr_bool(r);
}

// ---------------------------------------------------------------------------
// Arithmetic

static KrObject *float_add(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return krFloat_new(ts, x + y);
}

static KrObject *float_sub(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return krFloat_new(ts, x - y);
}

static KrObject *float_mul(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return krFloat_new(ts, x * y);
}

static KrObject *float_div(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return krFloat_new(ts, x / y);
}

// Python's x % y for y != 0: the sign follows y, and a zero remainder too.
static double py_fmod(double x, double y) {
    double mod = fmod(x, y);
    if (mod) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return mod;
}

// Python's divmod for y != 0, with the quotient snapped to an integer.
static void py_divmod(double x, double y, double *q, double *r) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    if (div) {
        double f = floor(div);
        if (div - f > 0.5) f += 1.0;
        *q = f;
    } else {
        *q = copysign(0.0, x / y);
    }
    *r = mod;
}

static KrObject *float_mod(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    return krFloat_new(ts, py_fmod(x, y));
}

static KrObject *float_floordiv(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    double q, r;
    py_divmod(x, y, &q, &r);
    return krFloat_new(ts, q);
}

static KrObject *float_divmod(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double q, r;
    py_divmod(x, y, &q, &r);
    KrObject *items[2] = {krFloat_new(ts, q), krFloat_new(ts, r)};
    if (!items[0] || !items[1]) {
        kr_xdecref(items[0]);
        kr_xdecref(items[1]);
        return NULL;
    }
    return krTuple_from_array_steal(ts, items, 2);
}

static bool is_odd_integer(double y) { return fmod(fabs(y), 2.0) == 1.0; }

// Raises OverflowError(34, 'Numerical result out of range'), as CPython does
// from errno ERANGE.
KrObject *krFloat_range_error(KrThreadState *ts) {
    KrObject *msg = krStr_from_cstr(ts, "Numerical result out of range");
    if (!msg) return NULL;
    KrObject *items[2] = {kr_smallint(ERANGE), msg};
    KrObject *args = krTuple_from_array_steal(ts, items, 2);
    if (!args) return NULL;
    KrObject *exc = krExc_new(ts, &KrExc_OverflowError, args);
    kr_decref(args);
    if (exc) krErr_set_exc(ts, exc);
    return NULL;
}

// pow() for the special cases C's pow() gets wrong or Python defines
// differently; returns true with *out set when `x ** y` is one of them.
static bool pow_special(double x, double y, double *out) {
    if (y == 0) return *out = 1.0, true;
    if (isnan(x)) return *out = x, true;
    if (isnan(y)) return *out = x == 1.0 ? 1.0 : y, true;
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) *out = 1.0;
        else if ((y > 0.0) == (ax > 1.0)) *out = fabs(y);
        else *out = 0.0;
        return true;
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0.0) *out = odd ? x : fabs(x);
        else *out = odd ? copysign(0.0, x) : 0.0;
        return true;
    }
    return false;
}

KrObject *krFloat_pow_values(KrThreadState *ts, double x, double y) {
    double r;
    if (pow_special(x, y, &r)) return krFloat_new(ts, r);
    bool negate = false;
    if (x == 0.0) {
        if (y < 0.0) {
            krErr_set_string(ts, &KrExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return krFloat_new(ts, is_odd_integer(y) ? x : 0.0);
    }
    if (x < 0.0) {
        if (y != floor(y)) return krComplex_pow_values(ts, x, 0.0, y, 0.0);   // a complex result
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) return krFloat_new(ts, negate ? -1.0 : 1.0);
    errno = 0;
    r = pow(x, y);
    if (isinf(r)) return krFloat_range_error(ts);
    return krFloat_new(ts, negate ? -r : r);
}

static KrObject *float_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m) {
    if (m && m != KR_NONE) {
        krErr_set_string(ts, &KrExc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    OPERANDS(a, b, x, y);
    return krFloat_pow_values(ts, x, y);
}

static KrObject *float_neg(KrThreadState *ts, KrObject *a) { return krFloat_new(ts, -krFloat_value(a)); }
static KrObject *float_abs(KrThreadState *ts, KrObject *a) { return krFloat_new(ts, fabs(krFloat_value(a))); }
static int float_bool(KrThreadState *ts, KrObject *a) { return krFloat_value(a) != 0.0; }

// float(self) as an exact float.
static KrObject *float_float(KrThreadState *ts, KrObject *a) {
    if (krFloat_check_exact(a)) return kr_newref(a);
    return krFloat_new(ts, krFloat_value(a));
}

static KrObject *float_trunc(KrThreadState *ts, KrObject *a) { return krInt_from_double(ts, krFloat_value(a)); }

static KrObject *float_repr(KrThreadState *ts, KrObject *a) { return krFloat_repr_str(ts, krFloat_value(a)); }


// ---------------------------------------------------------------------------
// Methods

static KrObject *float_floor(KrThreadState *ts, KrObject *a) { return krInt_from_double(ts, floor(krFloat_value(a))); }
static KrObject *float_ceil(KrThreadState *ts, KrObject *a) { return krInt_from_double(ts, ceil(krFloat_value(a))); }

static KrObject *float_is_integer(KrThreadState *ts, KrObject *a) {
    double x = krFloat_value(a);
    return kr_bool(isfinite(x) && x == floor(x));
}

// x = M * 2**E with M an odd integer (or zero).
static void split_double(double x, int64_t *m, int *e) {
    int ex;
    double f = frexp(fabs(x), &ex);
    int64_t mant = (int64_t)ldexp(f, DBL_MANT_DIG);
    ex -= DBL_MANT_DIG;
    if (mant) {
        int tz = __builtin_ctzll((uint64_t)mant);
        mant >>= tz;
        ex += tz;
    } else {
        ex = 0;
    }
    *m = x < 0 ? -mant : mant;
    *e = ex;
}

static KrObject *float_as_integer_ratio(KrThreadState *ts, KrObject *a) {
    double x = krFloat_value(a);
    if (isinf(x)) {
        krErr_set_string(ts, &KrExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        krErr_set_string(ts, &KrExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int64_t m;
    int e;
    split_double(x, &m, &e);
    mpz_t num, den;
    mpz_init_set_si(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    KrObject *items[2];
    items[0] = krInt_from_mpz_steal(ts, num);
    items[1] = krInt_from_mpz_steal(ts, den);
    if (!items[0] || !items[1]) {
        kr_xdecref(items[0]);
        kr_xdecref(items[1]);
        return NULL;
    }
    return krTuple_from_array_steal(ts, items, 2);
}

// round(x, n) for n < 0: round half to even at 10**-n, exactly.
static KrObject *round_negative_digits(KrThreadState *ts, double x, int n) {
    int64_t m;
    int e;
    split_double(fabs(x), &m, &e);
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_set_si(num, m);
    mpz_ui_pow_ui(den, 10, (unsigned long)n);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_ui_pow_ui(den, 10, (unsigned long)n);
    mpz_mul(q, q, den);
    double d = 0.0;
    int overflow = mpz_sgn(q) ? krFloat_from_scaled_mpz(q, 0, &d) : 0;
    mpz_clears(num, den, q, r, NULL);
    if (overflow) {
        krErr_set_string(ts, &KrExc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    return krFloat_new(ts, copysign(d, x));
}

// round(x, n) for finite x and -308 <= n <= 323: the decimal rounded half to
// even at n digits (printf converts exactly), read back.
static KrObject *round_digits(KrThreadState *ts, double x, int n) {
    if (n < 0) return round_negative_digits(ts, x, n == INT32_MIN ? 0 : -n);
    char buf[720];
    snprintf(buf, sizeof buf, "%.*f", n, x);
    return krFloat_new(ts, strtod(buf, NULL));
}

static KrObject *float_round(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "__round__", nargs, 0, 1) < 0) return NULL;
    double x = krFloat_value(self);
    if (nargs == 0 || args[0] == KR_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);   // ties to even
        return krInt_from_double(ts, r);
    }
    KrSsize nd = krNum_as_ssize(ts, args[0], NULL);
    if (nd == -1 && krErr_occurred(ts)) return NULL;
    // Beyond these every finite double rounds to itself / to zero.
    const int ndigits_max = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int ndigits_min = -(int)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x) || nd > ndigits_max) return krFloat_new(ts, x);
    if (nd < ndigits_min) return krFloat_new(ts, 0.0 * x);
    return round_digits(ts, x, (int)nd);
}

static KrObject *float_getnewargs(KrThreadState *ts, KrObject *self) {
    KrObject *v = krFloat_new(ts, krFloat_value(self));
    if (!v) return NULL;
    return krTuple_from_array_steal(ts, &v, 1);
}

static KrObject *float_hex_method(KrThreadState *ts, KrObject *self) { return krFloat_hex(ts, krFloat_value(self)); }

static KrObject *float_fromhex_method(KrThreadState *ts, KrObject *cls, KrObject *arg) {
    KrObject *v = krFloat_fromhex(ts, arg);
    if (!v || cls == (KrObject *)&KrFloat_Type) return v;
    KrObject *r = krObj_call1(ts, cls, v);
    kr_decref(v);
    return r;
}

static KrObject *float_getformat(KrThreadState *ts, KrObject *cls, KrObject *arg) {
    if (!krStr_check(arg)) {
        krErr_format(ts, &KrExc_TypeError, "__getformat__() argument must be str, not %.200s",
                     krArg_type_name(arg));
        return NULL;
    }
    if (!krStr_eq_cstr(arg, "double") && !krStr_eq_cstr(arg, "float")) {
        krErr_set_string(ts, &KrExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return krStr_from_cstr(ts, "IEEE, little-endian");
}

static KrObject *float_format_method(KrThreadState *ts, KrObject *self, KrObject *spec) {
    if (!krStr_check(spec)) {
        krErr_format(ts, &KrExc_TypeError, "__format__() argument must be str, not %.200s", krArg_type_name(spec));
        return NULL;
    }
    if (krStr_len(spec) == 0) return krObj_str(ts, self);
    KrFormatSpec fs;
    if (krFormatSpec_parse(ts, spec, self, 0, '>', &fs) < 0) return NULL;
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        krFormatSpec_unknown_code(ts, &fs, krType_name(KR_TYPE(self)));
        return NULL;
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krFloat_format_spec_double(ts, &sb, krFloat_value(self), &fs) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

static KrObject *float_get_real(KrThreadState *ts, KrObject *self, void *closure) { return float_float(ts, self); }
static KrObject *float_get_imag(KrThreadState *ts, KrObject *self, void *closure) { return krFloat_new(ts, 0.0); }

static const KrGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMethodDef float_methods[] = {
    {"conjugate", KR_CFUNC(float_float), KR_METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", KR_CFUNC(float_trunc), KR_METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", KR_CFUNC(float_floor), KR_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", KR_CFUNC(float_ceil), KR_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", KR_CFUNC(float_round), KR_METH_FAST, "Return the Integral closest to x, rounding half toward even.\n"
        "\n"
        "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", KR_CFUNC(float_as_integer_ratio), KR_METH_NOARGS, "Return integer ratio.\n"
        "\n"
        "Return a pair of integers, whose ratio is exactly equal to the original float\n"
        "and with a positive denominator.\n"
        "\n"
        "Raise OverflowError on infinities and a ValueError on NaNs.\n"
        "\n"
        ">>> (10.0).as_integer_ratio()\n"
        "(10, 1)\n"
        ">>> (0.0).as_integer_ratio()\n"
        "(0, 1)\n"
        ">>> (-.25).as_integer_ratio()\n"
        "(-1, 4)"},
    {"fromhex", KR_CFUNC(float_fromhex_method), KR_METH_O | KR_METH_CLASS, "Create a floating-point number from a hexadecimal string.\n"
        "\n"
        ">>> float.fromhex('0x1.ffffp10')\n"
        "2047.984375\n"
        ">>> float.fromhex('-0x1p-1074')\n"
        "-5e-324"},
    {"hex", KR_CFUNC(float_hex_method), KR_METH_NOARGS, "Return a hexadecimal representation of a floating-point number.\n"
        "\n"
        ">>> (-0.1).hex()\n"
        "'-0x1.999999999999ap-4'\n"
        ">>> 3.14159.hex()\n"
        "'0x1.921f9f01b866ep+1'"},
    {"is_integer", KR_CFUNC(float_is_integer), KR_METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", KR_CFUNC(float_getnewargs), KR_METH_NOARGS, NULL},
    {"__getformat__", KR_CFUNC(float_getformat), KR_METH_O | KR_METH_CLASS, "You probably don't want to use this function.\n"
        "\n"
        "  typestr\n"
        "    Must be 'double' or 'float'.\n"
        "\n"
        "It exists mainly to be used in Python's test suite.\n"
        "\n"
        "This function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\n"
        "little-endian' best describes the format of floating point numbers used by the\n"
        "C type named by typestr."},
    {"__format__", KR_CFUNC(float_format_method), KR_METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Construction: float(x=0.0, /)

static KrObject *float_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        krErr_set_string(ts, &KrExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        krErr_format(ts, &KrExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    KrObject *v;
    if (nargs == 0) v = krFloat_new(ts, 0.0);
    else if (krStr_check_exact(args[0])) v = krFloat_from_str_object(ts, args[0]);
    else v = krNum_float(ts, args[0]);
    if (!v || type == &KrFloat_Type) return v;
    KrObject *o = krType_generic_alloc(ts, type, 0);
    if (o) ((KrFloatObject *)o)->value = krFloat_value(v);
    kr_decref(v);
    return o;
}

KrTypeObject KrFloat_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "float",
    .tp_basicsize = sizeof(KrFloatObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_new = float_tp_new,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_trunc,
    .nb_float = float_float,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_base = &KrBaseObject_Type,
};
