/*
 * math.c — the math module: libm wrappers with CPython's error rules, and the
 * functions that need more than libm (exact fsum, isqrt, factorial/comb/perm
 * on GMP, gcd/lcm, log of big ints, hypot/dist with CPython's vector norm,
 * gamma/lgamma by the same Lanczos approximation CPython uses, so results
 * agree to the last bit).
 *
 * Error rules (CPython's math_1/math_2): a NaN result from non-NaN arguments
 * is ValueError "math domain error"; an infinite result from finite arguments
 * is OverflowError "math range error" for functions that can overflow, else
 * ValueError (a singularity).  Helpers that know better report through errno
 * (EDOM / ERANGE), checked by math_errno.
 *
 * Related: cmath.c (complex versions), src/objects/float.h, int.h.
 */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "modules/mathutil.h"
#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// Argument conversion and error reporting

int krMath_to_double(KrThreadState *ts, KrObject *o, double *out) {
    if (kr_is_smallint(o)) {
        *out = (double)kr_smallint_value(o);
        return 0;
    }
    if (o->ob_type == &KrFloat_Type) {
        *out = krFloat_value(o);
        return 0;
    }
    double d = krFloat_as_double(ts, o);
    if (d == -1.0 && krErr_occurred(ts)) return -1;
    *out = d;
    return 0;
}

// Turns errno (set by a helper or libm) into an exception.  Returns -1 when
// one was raised, 0 when the result stands (underflow is not an error).
static int math_errno(KrThreadState *ts, double r) {
    if (errno == EDOM) {
        krErr_set_string(ts, &KrExc_ValueError, "math domain error");
        return -1;
    }
    if (errno == ERANGE) {
        // libm may flag underflow too; results near zero (or expm1's -1) stand.
        if (fabs(r) < 1.5) return 0;
        krErr_set_string(ts, &KrExc_OverflowError, "math range error");
        return -1;
    }
    krErr_set_string(ts, &KrExc_ValueError, strerror(errno));
    return -1;
}

static KrObject *math_1(KrThreadState *ts, KrObject *arg, double (*func)(double), bool can_overflow) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x)) {
        krErr_set_string(ts, &KrExc_ValueError, "math domain error");
        return NULL;
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) krErr_set_string(ts, &KrExc_OverflowError, "math range error");
        else krErr_set_string(ts, &KrExc_ValueError, "math domain error");
        return NULL;
    }
    if (isfinite(r) && errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

// For functions that report their own errors through errno.
static KrObject *math_1a(KrThreadState *ts, KrObject *arg, double (*func)(double)) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

static KrObject *math_2(KrThreadState *ts, KrObject *const *args, KrSsize nargs, double (*func)(double, double),
                        const char *name) {
    if (krArg_check_positional(ts, name, nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (krMath_to_double(ts, args[0], &x) < 0 || krMath_to_double(ts, args[1], &y) < 0) return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r)) errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    else if (isinf(r)) errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    if (errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

// ---------------------------------------------------------------------------
// Real functions not (reliably) in libm

static const double m_pi = 3.141592653589793238462643383279502884197;
static const double m_logpi = 1.144729885849400174143427351353058711647;

// sin(pi*x), exact at integers and half-integers; for the gamma reflection formula.
static double m_sinpi(double x) {
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0: r = sin(m_pi * y); break;
    case 1: r = cos(m_pi * (y - 0.5)); break;
    // sin(pi*(1-y)), not -sin(pi*(y-1)): the latter is -0.0 at y == 1.
    case 2: r = sin(m_pi * (1.0 - y)); break;
    case 3: r = -cos(m_pi * (y - 1.5)); break;
    default: r = sin(m_pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

// Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (Boost's
// parameters), as a rational function: numerator and denominator
// coefficients, the denominator being x(x+1)...(x+11).
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den[LANCZOS_N] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                              45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                              1925.0,   66.0,       1.0};

// Exact gamma values for 1..23.
static const double gamma_integral[] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
    1124000727777607680000.0,
};
#define NGAMMA_INTEGRAL ((int)(sizeof(gamma_integral) / sizeof(gamma_integral[0])))

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    // For large x evaluate as a rational function of 1/x, avoiding overflow.
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

static double m_tgamma(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r)) errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half;
    // z: the rounding error of y, scaled; corrects pow(y, ...)/exp(y) below.
    volatile double q;
    double z;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -m_pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double m_lgamma(double x) {
    if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = m_logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r)) errno = ERANGE;
    return r;
}

double krMath_atan2(double y, double x) {
    if (isnan(x) || isnan(y)) return NAN;
    if (isinf(y)) {
        if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * m_pi : 0.75 * m_pi, y);
        return copysign(0.5 * m_pi, y);
    }
    if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : m_pi, y);
    return atan2(y, x);
}

// IEEE remainder: x - n*y with n the nearest integer to x/y, ties to even.
static double m_remainder(double x, double y) {
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0) return NAN;
        double absx = fabs(x), absy = fabs(y);
        double m = fmod(absx, absy);
        // Compare m with absy - m rather than with 0.5*absy, which may not be
        // representable; absy - m is exact whenever it matters (Sterbenz).
        double c = absy - m, r;
        if (m < c) r = m;
        else if (m > c) r = -c;
        else r = m - 2.0 * fmod(0.5 * (absx - m), absy);   // tie: pick the even multiple
        return copysign(1.0, x) * r;
    }
    if (isnan(x)) return x;
    if (isnan(y)) return y;
    if (isinf(x)) return NAN;
    return x;
}

double krMath_log(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double m_log2(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0) return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

double krMath_log10(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

// log1p keeping the sign of a zero argument.
static double m_log1p(double x) { return x == 0.0 ? x : log1p(x); }

// ---------------------------------------------------------------------------
// One-argument wrappers

#define MATH_FUNC1(name, func, can_overflow) \
    static KrObject *math_##name(KrThreadState *ts, KrObject *self, KrObject *x) { \
        return math_1(ts, x, func, can_overflow); \
    }
#define MATH_FUNC1A(name, func) \
    static KrObject *math_##name(KrThreadState *ts, KrObject *self, KrObject *x) { return math_1a(ts, x, func); }
#define MATH_FUNC2(name, func) \
    static KrObject *math_##name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) { \
        return math_2(ts, args, nargs, func, #name); \
    }

MATH_FUNC1(acos, acos, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1A(erf, erf)
MATH_FUNC1A(erfc, erfc)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1A(gamma, m_tgamma)
MATH_FUNC1A(lgamma, m_lgamma)
MATH_FUNC1(log1p, m_log1p, false)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(tanh, tanh, false)
MATH_FUNC2(atan2, krMath_atan2)
MATH_FUNC2(copysign, copysign)
MATH_FUNC2(remainder, m_remainder)

// ---------------------------------------------------------------------------
// Rounding to integers

// floor/ceil: exact floats directly, else the type's __floor__/__ceil__, else
// through float().
static KrObject *floor_ceil(KrThreadState *ts, KrObject *x, KrObject *special, double (*func)(double)) {
    double d;
    if (krFloat_check_exact(x)) {
        d = krFloat_value(x);
    } else {
        if (kr_is_smallint(x)) return x;
        int found;
        KrObject *r = krObj_call_special(ts, x, special, NULL, 0, &found);
        if (found) return r;
        if (krErr_occurred(ts)) return NULL;
        if (krMath_to_double(ts, x, &d) < 0) return NULL;
    }
    return krInt_from_double(ts, func(d));
}

static KrObject *math_floor(KrThreadState *ts, KrObject *self, KrObject *x) {
    return floor_ceil(ts, x, KR_ID(__floor__), floor);
}

static KrObject *math_ceil(KrThreadState *ts, KrObject *self, KrObject *x) {
    return floor_ceil(ts, x, KR_ID(__ceil__), ceil);
}

static KrObject *math_trunc(KrThreadState *ts, KrObject *self, KrObject *x) {
    if (krFloat_check_exact(x)) return krInt_from_double(ts, krFloat_value(x));
    if (kr_is_smallint(x)) return x;
    int found;
    KrObject *r = krObj_call_special(ts, x, KR_ID(__trunc__), NULL, 0, &found);
    if (found || krErr_occurred(ts)) return r;
    return krErr_format(ts, &KrExc_TypeError, "type %s doesn't define __trunc__ method", krType_name(KR_TYPE(x)));
}

// ---------------------------------------------------------------------------
// Decomposition and scaling

static KrObject *math_frexp(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    int e = 0;
    if (isfinite(x) && x != 0.0) x = frexp(x, &e);
    KrObject *m = krFloat_new(ts, x);
    if (!m) return NULL;
    KrObject *t = krTuple_new(ts, 2);
    if (!t) {
        kr_decref(m);
        return NULL;
    }
    KR_TUPLE_SET(t, 0, m);
    KR_TUPLE_SET(t, 1, kr_smallint(e));
    return t;
}

static KrObject *math_ldexp(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "ldexp", nargs, 2, 2) < 0) return NULL;
    double x;
    if (krMath_to_double(ts, args[0], &x) < 0) return NULL;
    if (!krInt_check(args[1])) {
        krErr_set_string(ts, &KrExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t exp;
    if (!krInt_to_i64(args[1], &exp)) exp = krInt_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    double r;
    errno = 0;
    if (x == 0. || !isfinite(x)) {
        r = x;
    } else if (exp > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (exp < INT_MIN) {
        r = copysign(0., x);
    } else {
        r = ldexp(x, (int)exp);
        errno = isinf(r) ? ERANGE : 0;
    }
    if (errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

static KrObject *float_pair(KrThreadState *ts, double a, double b) {
    KrObject *fa = krFloat_new(ts, a);
    if (!fa) return NULL;
    KrObject *fb = krFloat_new(ts, b);
    if (!fb) {
        kr_decref(fa);
        return NULL;
    }
    KrObject *t = krTuple_new(ts, 2);
    if (!t) {
        kr_decref(fa);
        kr_decref(fb);
        return NULL;
    }
    KR_TUPLE_SET(t, 0, fa);
    KR_TUPLE_SET(t, 1, fb);
    return t;
}

static KrObject *math_modf(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x, ip;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    if (isinf(x)) return float_pair(ts, copysign(0., x), x);
    if (isnan(x)) return float_pair(ts, x, x);
    x = modf(x, &ip);
    return float_pair(ts, x, ip);
}

static KrObject *math_fmod(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "fmod", nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (krMath_to_double(ts, args[0], &x) < 0 || krMath_to_double(ts, args[1], &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return krFloat_new(ts, x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r)) errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    if (errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

static KrObject *math_pow(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "pow", nargs, 2, 2) < 0) return NULL;
    double x, y, r = 0.;
    if (krMath_to_double(ts, args[0], &x) < 0 || krMath_to_double(ts, args[1], &y) < 0) return NULL;
    errno = 0;
    // IEEE special values are handled here so every platform agrees (C99 Annex F).
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) {
            r = y == 0. ? 1. : x;
        } else if (isnan(y)) {
            r = x == 1. ? 1. : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0) r = 1.;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
    } else {
        r = pow(x, y);
        if (isnan(r)) errno = EDOM;                      // negative ** non-integer
        else if (isinf(r)) errno = x == 0. ? EDOM : ERANGE;  // 0 ** negative, or overflow
    }
    if (errno && math_errno(ts, r) < 0) return NULL;
    return krFloat_new(ts, r);
}

static KrObject *math_degrees(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    return krFloat_new(ts, x * (180.0 / m_pi));
}

static KrObject *math_radians(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    return krFloat_new(ts, x * (m_pi / 180.0));
}

static KrObject *math_isfinite(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    return kr_bool(isfinite(x));
}

static KrObject *math_isnan(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    return kr_bool(isnan(x));
}

static KrObject *math_isinf(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    return kr_bool(isinf(x));
}

static KrObject *math_isclose(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    KrObject *a[4];
    if (krArg_parse(ts, "isclose", args, nargs, kwnames, names, 4, 0, 2, 2, a) < 0) return NULL;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (krMath_to_double(ts, a[0], &x) < 0 || krMath_to_double(ts, a[1], &y) < 0) return NULL;
    if (a[2] && krMath_to_double(ts, a[2], &rel_tol) < 0) return NULL;
    if (a[3] && krMath_to_double(ts, a[3], &abs_tol) < 0) return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        krErr_set_string(ts, &KrExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y) return kr_bool(true);
    if (isinf(x) || isinf(y)) return kr_bool(false);
    double diff = fabs(y - x);
    return kr_bool(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol);
}

static KrObject *math_nextafter(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "nextafter", nargs, 2, 2) < 0) return NULL;
    double x, y;
    if (krMath_to_double(ts, args[0], &x) < 0 || krMath_to_double(ts, args[1], &y) < 0) return NULL;
    return krFloat_new(ts, nextafter(x, y));
}

static KrObject *math_ulp(KrThreadState *ts, KrObject *self, KrObject *arg) {
    double x;
    if (krMath_to_double(ts, arg, &x) < 0) return NULL;
    if (isnan(x)) return krFloat_new(ts, x);
    x = fabs(x);
    if (isinf(x)) return krFloat_new(ts, x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) return krFloat_new(ts, x - nextafter(x, -INFINITY));   // x is the largest float
    return krFloat_new(ts, x2 - x);
}

// ---------------------------------------------------------------------------
// Logarithms (big ints handled without converting to float)

// Splits a positive int too large for a double into m * 2**e, 0.5 <= m < 1,
// m correctly rounded to 53 bits.
static double int_frexp(KrObject *o, int64_t *e) {
    KrIntView v;
    mpz_srcptr z = krInt_view(o, &v);
    size_t nbits = mpz_sizeinbase(z, 2);
    // Keep 55 bits plus a sticky bit so that the conversion below rounds
    // exactly as a correctly rounded division would.
    size_t shift = nbits - (DBL_MANT_DIG + 2);
    mpz_t q;
    mpz_init(q);
    mpz_tdiv_q_2exp(q, z, shift);
    uint64_t top = mpz_get_ui(q);
    mpz_clear(q);
    if (mpz_scan1(z, 0) < shift) top |= 1;
    double m = ldexp((double)top, -(DBL_MANT_DIG + 2));
    *e = (int64_t)nbits;
    if (m == 1.0) {
        m = 0.5;
        (*e)++;
    }
    return m;
}

static KrObject *loghelper(KrThreadState *ts, KrObject *arg, double (*func)(double)) {
    if (krInt_check(arg)) {
        if (krInt_sign(arg) <= 0) {
            krErr_set_string(ts, &KrExc_ValueError, "math domain error");
            return NULL;
        }
        if (kr_is_smallint(arg)) return krFloat_new(ts, func((double)kr_smallint_value(arg)));
        double x = krInt_as_double(ts, arg);
        if (x == -1.0 && krErr_occurred(ts)) {
            if (!krErr_matches(ts, &KrExc_OverflowError)) return NULL;
            krErr_clear(ts);
            int64_t e;
            x = int_frexp(arg, &e);
            return krFloat_new(ts, func(x) + func(2.0) * (double)e);
        }
        return krFloat_new(ts, func(x));
    }
    return math_1(ts, arg, func, false);
}

static KrObject *math_log(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (nargs < 1 || nargs > 2) {
        krErr_set_string(ts, &KrExc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    KrObject *num = loghelper(ts, args[0], krMath_log);
    if (!num || nargs == 1) return num;
    KrObject *den = loghelper(ts, args[1], krMath_log);
    if (!den) {
        kr_decref(num);
        return NULL;
    }
    KrObject *r = krNum_true_divide(ts, num, den);
    kr_decref(num);
    kr_decref(den);
    return r;
}

static KrObject *math_log2(KrThreadState *ts, KrObject *self, KrObject *x) { return loghelper(ts, x, m_log2); }
static KrObject *math_log10(KrThreadState *ts, KrObject *self, KrObject *x) {
    return loghelper(ts, x, krMath_log10);
}

// ---------------------------------------------------------------------------
// Sums and norms

// Full-precision summation (Shewchuk's algorithm): `partials` holds
// non-overlapping partial sums in increasing magnitude, whose exact sum is
// the exact sum so far; the final result is correctly rounded.
static KrObject *math_fsum(KrThreadState *ts, KrObject *self, KrObject *seq) {
    KrObject *it = krObj_get_iter(ts, seq);
    if (!it) return NULL;
    double stack[32], *p = stack;
    KrSsize n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    KrObject *item, *result = NULL;
    while ((item = krIter_next(ts, it))) {
        double x, y, t;
        int bad = krMath_to_double(ts, item, &x);
        kr_decref(item);
        if (bad < 0) goto done;
        double xsave = x;
        KrSsize i = 0;
        for (KrSsize j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0) continue;
        if (!isfinite(x)) {
            // From an inf/nan summand, or from intermediate overflow.
            if (isfinite(xsave)) {
                krErr_set_string(ts, &KrExc_OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave)) inf_sum += xsave;
            special_sum += xsave;
            n = 0;
        } else {
            if (n >= cap) {
                double *np = p == stack ? krMem_malloc(sizeof(double) * (size_t)cap * 2)
                                        : krMem_realloc(p, sizeof(double) * (size_t)cap * 2);
                if (!np) {
                    krErr_set_string(ts, &KrExc_MemoryError, "math.fsum partials");
                    goto done;
                }
                if (p == stack) memcpy(np, stack, sizeof(stack));
                p = np;
                cap *= 2;
            }
            p[n++] = x;
        }
    }
    if (krErr_occurred(ts)) goto done;
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) krErr_set_string(ts, &KrExc_ValueError, "-inf + inf in fsum");
        else result = krFloat_new(ts, special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        // Add from the top while the sum stays exact.
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        // Round half-even across partials: a remaining partial of the same
        // sign as `lo` breaks a tie.
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = krFloat_new(ts, hi);
done:
    kr_decref(it);
    if (p != stack) krMem_free(p);
    return result;
}

// sqrt(sum(x**2 for x in vec)) without overflow or underflow, nearly always
// correctly rounded: power-of-two scaling, Veltkamp-Dekker splitting for
// exact squares, compensated summation, and a final differential correction
// of the square root.  `max` is the largest |x|.
static double vector_norm(KrSsize n, const double *vec, double max, bool found_nan) {
    const double T27 = 134217729.0;   // 2**27 + 1
    double x, csum = 1.0, oldcsum, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e >= -1023) {
        double scale = ldexp(1.0, -max_e);
        // csum starts at 1.0 (subtracted at the end) so that it always
        // dominates the addends and the cheap form of Neumaier's algorithm works.
        for (KrSsize i = 0; i < n; i++) {
            x = vec[i] * scale;
            double t = x * T27;
            double hi = t - (t - x);
            double lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        double h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        double t = x * T27;
        double hi = t - (t - x);
        double lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal max: ldexp(1.0, -max_e) would overflow, so divide by max instead.
    for (KrSsize i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

static KrObject *math_hypot(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    double stack[16], *coords = stack, max = 0.0;
    bool found_nan = false;
    if (nargs > 16 && !(coords = krMem_malloc(sizeof(double) * (size_t)nargs))) return krErr_no_memory(ts);
    KrObject *result = NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        double x;
        if (krMath_to_double(ts, args[i], &x) < 0) goto done;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    result = krFloat_new(ts, vector_norm(nargs, coords, max, found_nan));
done:
    if (coords != stack) krMem_free(coords);
    return result;
}

static KrObject *math_dist(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "dist", nargs, 2, 2) < 0) return NULL;
    KrObject *p = krTuple_check(args[0]) ? kr_newref(args[0]) : krSeq_tuple(ts, args[0]);
    if (!p) return NULL;
    KrObject *q = krTuple_check(args[1]) ? kr_newref(args[1]) : krSeq_tuple(ts, args[1]);
    if (!q) {
        kr_decref(p);
        return NULL;
    }
    KrObject *result = NULL;
    double stack[16], *diffs = stack, max = 0.0;
    bool found_nan = false;
    KrSsize n = KR_TUPLE_SIZE(p);
    if (n != KR_TUPLE_SIZE(q)) {
        krErr_set_string(ts, &KrExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16 && !(diffs = krMem_malloc(sizeof(double) * (size_t)n))) {
        diffs = stack;
        krErr_no_memory(ts);
        goto done;
    }
    for (KrSsize i = 0; i < n; i++) {
        double px, qx;
        if (krMath_to_double(ts, KR_TUPLE_GET(p, i), &px) < 0 || krMath_to_double(ts, KR_TUPLE_GET(q, i), &qx) < 0)
            goto done;
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    result = krFloat_new(ts, vector_norm(n, diffs, max, found_nan));
done:
    if (diffs != stack) krMem_free(diffs);
    kr_decref(p);
    kr_decref(q);
    return result;
}

// prod(iterable, *, start=1): products of small ints and floats stay in C
// while they can; anything else goes through the * operator.
static KrObject *math_prod(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    static const char *const names[] = {"", "start"};
    KrObject *a[2];
    if (krArg_parse(ts, "prod", args, nargs, kwnames, names, 2, 1, 1, 1, a) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, a[0]);
    if (!it) return NULL;
    KrObject *result = kr_newref(a[1] ? a[1] : kr_smallint(1)), *item;
    while ((item = krIter_next(ts, it))) {
        if (kr_is_smallint(result) && kr_is_smallint(item)) {
            int64_t r;
            if (!__builtin_mul_overflow(kr_smallint_value(result), kr_smallint_value(item), &r) &&
                kr_smallint_fits(r)) {
                result = kr_smallint(r);
                continue;
            }
        } else if (krFloat_check_exact(result) && result->ob_refcnt == 1 &&
                   (krFloat_check_exact(item) || kr_is_smallint(item))) {
            // We own the only reference to the running product: update in place.
            double f = krFloat_check_exact(item) ? krFloat_value(item) : (double)kr_smallint_value(item);
            ((KrFloatObject *)result)->value *= f;
            kr_decref(item);
            continue;
        }
        KrObject *t = krNum_multiply(ts, result, item);
        kr_decref(item);
        kr_decref(result);
        result = t;
        if (!result) break;
    }
    kr_decref(it);
    if (result && krErr_occurred(ts)) KR_CLEAR(result);
    return result;
}

// ---------------------------------------------------------------------------
// Integer functions

static KrObject *math_isqrt(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrObject *n = krNum_index(ts, arg);
    if (!n) return NULL;
    if (krInt_sign(n) < 0) {
        kr_decref(n);
        krErr_set_string(ts, &KrExc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    KrIntView v;
    mpz_t r;
    mpz_init(r);
    mpz_sqrt(r, krInt_view(n, &v));
    kr_decref(n);
    return krInt_from_mpz_steal(ts, r);
}

// gcd / lcm of any number of integers (via __index__).
static KrObject *gcd_lcm(KrThreadState *ts, KrObject *const *args, KrSsize nargs, bool lcm) {
    mpz_t acc;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *x = krNum_index(ts, args[i]);
        if (!x) {
            mpz_clear(acc);
            return NULL;
        }
        KrIntView v;
        mpz_srcptr z = krInt_view(x, &v);
        if (lcm) {
            if (mpz_sizeinbase(acc, 2) + mpz_sizeinbase(z, 2) > KR_INT_MAX_BITS) {
                kr_decref(x);
                mpz_clear(acc);
                return krErr_no_memory(ts);
            }
            mpz_lcm(acc, acc, z);
        } else if (mpz_cmp_ui(acc, 1) != 0) {
            mpz_gcd(acc, acc, z);
        }
        kr_decref(x);
    }
    return krInt_from_mpz_steal(ts, acc);
}

static KrObject *math_gcd(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (nargs == 2 && kr_is_smallint(args[0]) && kr_is_smallint(args[1])) {
        uint64_t a = (uint64_t)llabs(kr_smallint_value(args[0])), b = (uint64_t)llabs(kr_smallint_value(args[1]));
        while (b) {
            uint64_t t = a % b;
            a = b;
            b = t;
        }
        return krInt_from_u64(ts, a);
    }
    return gcd_lcm(ts, args, nargs, false);
}

static KrObject *math_lcm(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return gcd_lcm(ts, args, nargs, true);
}

static KrObject *math_factorial(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrObject *n = krNum_index(ts, arg);
    if (!n) return NULL;
    int64_t x;
    bool fits = krInt_to_i64(n, &x);
    int sign = krInt_sign(n);
    kr_decref(n);
    if (sign < 0) {
        krErr_set_string(ts, &KrExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (!fits) return krErr_format(ts, &KrExc_OverflowError, "factorial() argument should not exceed %lld",
                                   (long long)INT64_MAX);
    if (x < 21) {
        uint64_t r = 1;
        for (int64_t i = 2; i <= x; i++) r *= (uint64_t)i;
        return krInt_from_u64(ts, r);
    }
    // log2(x!) < x * log2(x): refuse results GMP could not allocate.
    if ((double)x * log2((double)x) > (double)KR_INT_MAX_BITS) return krErr_no_memory(ts);
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)x);
    return krInt_from_mpz_steal(ts, r);
}

// Converts n and k with __index__ and checks their signs; new references in
// *pn and *pk.  0 or -1.
static int perm_comb_args(KrThreadState *ts, KrObject *n, KrObject *k, KrObject **pn, KrObject **pk) {
    *pn = krNum_index(ts, n);
    if (!*pn) return -1;
    *pk = krNum_index(ts, k);
    if (!*pk) {
        kr_decref(*pn);
        return -1;
    }
    const char *msg = krInt_sign(*pn) < 0 ? "n must be a non-negative integer"
                      : krInt_sign(*pk) < 0 ? "k must be a non-negative integer" : NULL;
    if (msg) {
        krErr_set_string(ts, &KrExc_ValueError, msg);
        kr_decref(*pn);
        kr_decref(*pk);
        return -1;
    }
    return 0;
}

static KrObject *math_comb(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "comb", nargs, 2, 2) < 0) return NULL;
    KrObject *n, *k;
    if (perm_comb_args(ts, args[0], args[1], &n, &k) < 0) return NULL;
    KrObject *result = NULL;
    KrIntView vn, vk;
    mpz_srcptr zn = krInt_view(n, &vn), zk = krInt_view(k, &vk);
    if (mpz_cmp(zk, zn) > 0) {
        result = kr_smallint(0);
        goto done;
    }
    // k = min(k, n - k)
    mpz_t kk;
    mpz_init(kk);
    mpz_sub(kk, zn, zk);
    if (mpz_cmp(kk, zk) > 0) mpz_set(kk, zk);
    if (!mpz_fits_slong_p(kk)) {
        mpz_clear(kk);
        krErr_format(ts, &KrExc_OverflowError, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
        goto done;
    }
    unsigned long ki = mpz_get_ui(kk);
    mpz_clear(kk);
    size_t nbits = mpz_sizeinbase(zn, 2);
    // comb(n, k) < 2**n and < n**k.
    double bound = (double)ki * (double)nbits;
    if (ki > 1 && bound > (double)KR_INT_MAX_BITS && !(nbits < 40 && mpz_get_ui(zn) <= KR_INT_MAX_BITS)) {
        krErr_no_memory(ts);
        goto done;
    }
    mpz_t r;
    mpz_init(r);
    mpz_bin_ui(r, zn, ki);
    result = krInt_from_mpz_steal(ts, r);
done:
    kr_decref(n);
    kr_decref(k);
    return result;
}

static KrObject *math_perm(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "perm", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1 || args[1] == KR_NONE) return math_factorial(ts, self, args[0]);
    KrObject *n, *k;
    if (perm_comb_args(ts, args[0], args[1], &n, &k) < 0) return NULL;
    KrObject *result = NULL;
    KrIntView vn, vk;
    mpz_srcptr zn = krInt_view(n, &vn), zk = krInt_view(k, &vk);
    if (mpz_cmp(zn, zk) < 0) {
        result = kr_smallint(0);
        goto done;
    }
    if (!mpz_fits_slong_p(zk)) {
        krErr_format(ts, &KrExc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
        goto done;
    }
    unsigned long ki = mpz_get_ui(zk);
    if ((double)ki * (double)mpz_sizeinbase(zn, 2) > (double)KR_INT_MAX_BITS) {
        krErr_no_memory(ts);
        goto done;
    }
    // n! / (n-k)! as the product n (n-1) ... (n-k+1), split in halves so GMP
    // multiplies numbers of similar size.
    mpz_t r, lo;
    mpz_init(r);
    mpz_init(lo);
    mpz_sub_ui(lo, zn, ki);
    mpz_add_ui(lo, lo, 1);
    krMath_range_product(r, lo, ki);
    mpz_clear(lo);
    result = krInt_from_mpz_steal(ts, r);
done:
    kr_decref(n);
    kr_decref(k);
    return result;
}

void krMath_range_product(mpz_t r, mpz_srcptr lo, unsigned long count) {
    if (count == 0) {
        mpz_set_ui(r, 1);
        return;
    }
    if (count <= 16) {
        mpz_set(r, lo);
        mpz_t f;
        mpz_init_set(f, lo);
        for (unsigned long i = 1; i < count; i++) {
            mpz_add_ui(f, f, 1);
            mpz_mul(r, r, f);
        }
        mpz_clear(f);
        return;
    }
    unsigned long half = count / 2;
    mpz_t a, mid;
    mpz_init(a);
    mpz_init(mid);
    krMath_range_product(a, lo, half);
    mpz_add_ui(mid, lo, half);
    krMath_range_product(r, mid, count - half);
    mpz_mul(r, r, a);
    mpz_clear(a);
    mpz_clear(mid);
}

// ---------------------------------------------------------------------------
// Module

static const KrMethodDef math_methods[] = {
    {"acos", KR_CFUNC(math_acos), KR_METH_O, "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."},
    {"acosh", KR_CFUNC(math_acosh), KR_METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", KR_CFUNC(math_asin), KR_METH_O, "Return the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"asinh", KR_CFUNC(math_asinh), KR_METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", KR_CFUNC(math_atan), KR_METH_O, "Return the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"atan2", KR_CFUNC(math_atan2), KR_METH_FAST, "Return the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."},
    {"atanh", KR_CFUNC(math_atanh), KR_METH_O, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", KR_CFUNC(math_cbrt), KR_METH_O, "Return the cube root of x."},
    {"ceil", KR_CFUNC(math_ceil), KR_METH_O, "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."},
    {"comb", KR_CFUNC(math_comb), KR_METH_FAST, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", KR_CFUNC(math_copysign), KR_METH_FAST, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", KR_CFUNC(math_cos), KR_METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", KR_CFUNC(math_cosh), KR_METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", KR_CFUNC(math_degrees), KR_METH_O, "Convert angle x from radians to degrees."},
    {"dist", KR_CFUNC(math_dist), KR_METH_FAST, "Return the Euclidean distance between two points p and q."},
    {"erf", KR_CFUNC(math_erf), KR_METH_O, "Error function at x."},
    {"erfc", KR_CFUNC(math_erfc), KR_METH_O, "Complementary error function at x."},
    {"exp", KR_CFUNC(math_exp), KR_METH_O, "Return e raised to the power of x."},
    {"exp2", KR_CFUNC(math_exp2), KR_METH_O, "Return 2 raised to the power of x."},
    {"expm1", KR_CFUNC(math_expm1), KR_METH_O, "Return exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."},
    {"fabs", KR_CFUNC(math_fabs), KR_METH_O, "Return the absolute value of the float x."},
    {"factorial", KR_CFUNC(math_factorial), KR_METH_O, "Find x!.\n\nRaise a ValueError if x is negative or non-integral."},
    {"floor", KR_CFUNC(math_floor), KR_METH_O, "Return the floor of x as an Integral.\n\nThis is the largest integer <= x."},
    {"fmod", KR_CFUNC(math_fmod), KR_METH_FAST, "Return fmod(x, y), according to platform C.\n\nx % y may differ."},
    {"frexp", KR_CFUNC(math_frexp), KR_METH_O, "Return the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."},
    {"fsum", KR_CFUNC(math_fsum), KR_METH_O, "Return an accurate floating point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating point arithmetic."},
    {"gamma", KR_CFUNC(math_gamma), KR_METH_O, "Gamma function at x."},
    {"gcd", KR_CFUNC(math_gcd), KR_METH_FAST, "Greatest Common Divisor."},
    {"hypot", KR_CFUNC(math_hypot), KR_METH_FAST, "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."},
    {"isclose", KR_CFUNC(math_isclose), KR_METH_FASTKW, "Determine whether two floating point numbers are close in value."},
    {"isfinite", KR_CFUNC(math_isfinite), KR_METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", KR_CFUNC(math_isinf), KR_METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", KR_CFUNC(math_isnan), KR_METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", KR_CFUNC(math_isqrt), KR_METH_O, "Return the integer part of the square root of the input."},
    {"lcm", KR_CFUNC(math_lcm), KR_METH_FAST, "Least Common Multiple."},
    {"ldexp", KR_CFUNC(math_ldexp), KR_METH_FAST, "Return x * (2**i).\n\nThis is essentially the inverse of frexp()."},
    {"lgamma", KR_CFUNC(math_lgamma), KR_METH_O, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", KR_CFUNC(math_log), KR_METH_FAST, "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of x."},
    {"log1p", KR_CFUNC(math_log1p), KR_METH_O, "Return the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero."},
    {"log10", KR_CFUNC(math_log10), KR_METH_O, "Return the base 10 logarithm of x."},
    {"log2", KR_CFUNC(math_log2), KR_METH_O, "Return the base 2 logarithm of x."},
    {"modf", KR_CFUNC(math_modf), KR_METH_O, "Return the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats."},
    {"pow", KR_CFUNC(math_pow), KR_METH_FAST, "Return x**y (x to the power of y)."},
    {"radians", KR_CFUNC(math_radians), KR_METH_O, "Convert angle x from degrees to radians."},
    {"remainder", KR_CFUNC(math_remainder), KR_METH_FAST, "Difference between x and the closest integer multiple of y."},
    {"sin", KR_CFUNC(math_sin), KR_METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", KR_CFUNC(math_sinh), KR_METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", KR_CFUNC(math_sqrt), KR_METH_O, "Return the square root of x."},
    {"tan", KR_CFUNC(math_tan), KR_METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", KR_CFUNC(math_tanh), KR_METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", KR_CFUNC(math_trunc), KR_METH_O, "Truncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method."},
    {"prod", KR_CFUNC(math_prod), KR_METH_FASTKW, "Calculate the product of all the elements in the input iterable.\n\nThe default start value for the product is 1."},
    {"perm", KR_CFUNC(math_perm), KR_METH_FAST, "Number of ways to choose k items from n items without repetition and with order."},
    {"nextafter", KR_CFUNC(math_nextafter), KR_METH_FAST, "Return the next floating-point value after x towards y."},
    {"ulp", KR_CFUNC(math_ulp), KR_METH_O, "Return the value of the least significant bit of the float x."},
    {NULL},
};

static int math_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_object_steal(ts, m, "pi", krFloat_new(ts, m_pi)) < 0) return -1;
    if (krModule_add_object_steal(ts, m, "e", krFloat_new(ts, 2.718281828459045235360287471352662498)) < 0) return -1;
    if (krModule_add_object_steal(ts, m, "tau", krFloat_new(ts, 6.283185307179586476925286766559005768)) < 0) return -1;
    if (krModule_add_object_steal(ts, m, "inf", krFloat_new(ts, INFINITY)) < 0) return -1;
    if (krModule_add_object_steal(ts, m, "nan", krFloat_new(ts, fabs(NAN))) < 0) return -1;
    return 0;
}

const KrModuleDef kr_math_module_def = {
    .name = "math",
    .doc = "This module provides access to the mathematical functions\ndefined by the C standard.",
    .methods = math_methods,
    .exec = math_exec,
};
