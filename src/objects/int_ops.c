/*
 * int_ops.c — int powers (plain, modular, modular inverse), shifts and the
 * bitwise operators.
 *
 * These are the operations whose result can dwarf their operands
 * (2 ** 10**12, 1 << 10**12), so each computes the size of its result before
 * GMP sees it and raises MemoryError (or CPython's OverflowError "too many
 * digits in integer" for shift counts beyond any possible size) instead.
 *
 * Related: int.c, float.c (a negative exponent without modulus goes to float
 * pow), int.h.
 */
#include <math.h>

#include "objects/int_impl.h"
#include "objects/abstract.h"
#include "runtime/error.h"
#include "objects/exc.h"
#include "objects/float.h"

// CPython's largest possible int, in 30-bit digits; sizes beyond it raise
// OverflowError rather than MemoryError.
#define CPYTHON_MAX_DIGITS (((uint64_t)KR_SSIZE_MAX - 24) / 4)

// ---------------------------------------------------------------------------
// Powers

// a ** b for tagged a, b with 0 <= b; false when the result leaves the tagged range.
static bool small_pow(int64_t a, int64_t b, int64_t *out) {
    int64_t result = 1;
    while (b > 0) {
        if (b & 1) {
            if (__builtin_mul_overflow(result, a, &result) || !kr_smallint_fits(result)) return false;
        }
        b >>= 1;
        if (b == 0) break;
        if (__builtin_mul_overflow(a, a, &a) || !kr_smallint_fits(a)) return false;
    }
    *out = result;
    return true;
}

static KrObject *mod_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m) {
    int msign = krInt_sign(m);
    if (msign == 0) {
        krErr_set_string(ts, &KrExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    KrIntView va, vb, vm;
    mpz_t mod, base, exp, r;
    mpz_init(mod);
    mpz_abs(mod, krInt_view(m, &vm));
    if (mpz_cmp_ui(mod, 1) == 0) {
        mpz_clear(mod);
        return kr_smallint(0);
    }
    mpz_init_set(base, krInt_view(a, &va));
    mpz_init_set(exp, krInt_view(b, &vb));
    mpz_init(r);
    if (mpz_sgn(exp) < 0) {
        mpz_neg(exp, exp);
        if (!mpz_invert(base, base, mod)) {
            mpz_clears(mod, base, exp, r, NULL);
            krErr_set_string(ts, &KrExc_ValueError, "base is not invertible for the given modulus");
            return NULL;
        }
    }
    mpz_powm(r, base, exp, mod);   // in [0, |m|)
    if (msign < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
    mpz_clears(mod, base, exp, NULL);
    return krInt_from_mpz_steal(ts, r);
}

KrObject *krInt_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m) {
    if (m) return mod_pow(ts, a, b, m);
    if (krInt_sign(b) < 0) {
        // CPython computes int ** negative int as float ** float.
        double x = krInt_as_double(ts, a);
        if (x == -1.0 && krErr_occurred(ts)) return NULL;
        double y = krInt_as_double(ts, b);
        if (y == -1.0 && krErr_occurred(ts)) return NULL;
        return krFloat_pow_values(ts, x, y);
    }
    int64_t x, y, r;
    if (kr_is_smallint(a) && kr_is_smallint(b)) {
        x = kr_smallint_value(a);
        y = kr_smallint_value(b);
        if (small_pow(x, y, &r)) return kr_smallint(r);
    }
    // Bases 0, 1 and -1 stay small whatever the exponent.
    if (krInt_to_i64(a, &x) && x >= -1 && x <= 1) {
        if (x == 0) return kr_smallint(krInt_sign(b) == 0 ? 1 : 0);
        if (x == 1) return kr_smallint(1);
        KrIntView vb;
        return kr_smallint(mpz_odd_p(krInt_view(b, &vb)) ? -1 : 1);
    }
    if (!krInt_to_i64(b, &y)) return krErr_no_memory(ts);
    size_t abits = krInt_bit_length(a);
    if ((uint64_t)y > KR_INT_MAX_BITS / abits) return krErr_no_memory(ts);
    if (krInt_check_bits(ts, abits * (size_t)y) < 0) return NULL;
    KrIntView va;
    mpz_t z;
    mpz_init(z);
    mpz_pow_ui(z, krInt_view(a, &va), (unsigned long)y);
    return krInt_from_mpz_steal(ts, z);
}

// ---------------------------------------------------------------------------
// Shifts

static KrObject *negative_shift(KrThreadState *ts) {
    krErr_set_string(ts, &KrExc_ValueError, "negative shift count");
    return NULL;
}

KrObject *krInt_lshift(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (krInt_sign(b) < 0) return negative_shift(ts);
    if (krInt_sign(a) == 0) return kr_smallint(0);
    size_t abits = krInt_bit_length(a);
    int64_t s;
    if (!krInt_to_i64(b, &s) || (uint64_t)s / 30 + abits / 30 + 2 > CPYTHON_MAX_DIGITS) {
        KrIntView vb;
        mpz_t w;
        mpz_init(w);
        mpz_fdiv_q_ui(w, krInt_view(b, &vb), 30);
        bool too_many = mpz_cmp_ui(w, CPYTHON_MAX_DIGITS - abits / 30 - 2) > 0;
        mpz_clear(w);
        if (too_many) {
            krErr_set_string(ts, &KrExc_OverflowError, "too many digits in integer");
            return NULL;
        }
        return krErr_no_memory(ts);
    }
    if (abits + (uint64_t)s <= KR_SMALLINT_BITS && kr_is_smallint(a))
        return kr_smallint((int64_t)((uint64_t)kr_smallint_value(a) << s));
    if (krInt_check_bits(ts, abits + (size_t)s) < 0) return NULL;
    KrIntView va;
    mpz_t z;
    mpz_init(z);
    mpz_mul_2exp(z, krInt_view(a, &va), (mp_bitcnt_t)s);
    return krInt_from_mpz_steal(ts, z);
}

KrObject *krInt_rshift(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (krInt_sign(b) < 0) return negative_shift(ts);
    int64_t s;
    if (!krInt_to_i64(b, &s) || (uint64_t)s >= krInt_bit_length(a))
        return kr_smallint(krInt_sign(a) < 0 ? -1 : 0);   // every bit shifted out
    if (kr_is_smallint(a)) return kr_smallint(kr_smallint_value(a) >> s);   // arithmetic shift: floor
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_q_2exp(z, ((KrIntObject *)a)->z, (mp_bitcnt_t)s);
    return krInt_from_mpz_steal(ts, z);
}

// ---------------------------------------------------------------------------
// Bitwise operators.  GMP's and/ior/xor/com use two's complement semantics
// for negative values, as Python does.  On tagged values the 64-bit
// operations keep results inside the tagged range.

static KrObject *bitwise(KrThreadState *ts, KrObject *a, KrObject *b, void (*fn)(mpz_ptr, mpz_srcptr, mpz_srcptr)) {
    KrIntView va, vb;
    mpz_t z;
    mpz_init(z);
    fn(z, krInt_view(a, &va), krInt_view(b, &vb));
    return krInt_from_mpz_steal(ts, z);
}

KrObject *krInt_and(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b)) return kr_smallint(kr_smallint_value(a) & kr_smallint_value(b));
    return bitwise(ts, a, b, mpz_and);
}

KrObject *krInt_or(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b)) return kr_smallint(kr_smallint_value(a) | kr_smallint_value(b));
    return bitwise(ts, a, b, mpz_ior);
}

KrObject *krInt_xor(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (kr_is_smallint(a) && kr_is_smallint(b)) return kr_smallint(kr_smallint_value(a) ^ kr_smallint_value(b));
    return bitwise(ts, a, b, mpz_xor);
}
