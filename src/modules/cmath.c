/*
 * cmath.c — the cmath module: the elementary functions on complex numbers,
 * with the C99 Annex G special values (tables indexed by the kind of the
 * real and imaginary parts) and the overflow-avoiding formulas CPython uses,
 * so results agree with CPython's bit for bit.
 *
 * Each function reports through errno: EDOM becomes ValueError "math domain
 * error", ERANGE OverflowError "math range error".
 */
#include <errno.h>
#include <float.h>
#include <math.h>

#include "modules/mathutil.h"
#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    double re, im;
} Cx;

static const double PI = 3.141592653589793238462643383279502884197;
static const double E_ = 2.718281828459045235360287471352662498;
static const double LN2 = 0.6931471805599453094;
static const double LN10 = 2.302585092994045684;

// Overflow thresholds of the formulas (CM_LARGE_DOUBLE and its root/log).
#define LARGE_DOUBLE (DBL_MAX / 4.)
#define SQRT_LARGE_DOUBLE (sqrt(LARGE_DOUBLE))
#define LOG_LARGE_DOUBLE (log(LARGE_DOUBLE))
#define SQRT_DBL_MIN (sqrt(DBL_MIN))
// 2**SCALE_UP turns a subnormal into a normal; SCALE_DOWN undoes its root.
#define SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)

// ---------------------------------------------------------------------------
// Special values

enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_type(double d) {
    if (isfinite(d)) {
        if (d != 0) return copysign(1., d) == 1. ? ST_POS : ST_NEG;
        return copysign(1., d) == 1. ? ST_PZERO : ST_NZERO;
    }
    if (isnan(d)) return ST_NAN;
    return copysign(1., d) == 1. ? ST_PINF : ST_NINF;
}

#define P PI
#define P14 (0.25 * PI)
#define P12 (0.5 * PI)
#define P34 (0.75 * PI)
#define INF INFINITY
#define N NAN
#define U 0.0   // never used: finite arguments do not read the tables
#define C(a, b) {a, b}

// Rows: the real part's kind (-inf, neg, -0, +0, pos, +inf, nan); columns
// the imaginary part's.
static const Cx acos_sv[7][7] = {
    {C(P34, INF), C(P, INF), C(P, INF), C(P, -INF), C(P, -INF), C(P34, -INF), C(N, INF)},
    {C(P12, INF), C(U, U), C(U, U), C(U, U), C(U, U), C(P12, -INF), C(N, N)},
    {C(P12, INF), C(U, U), C(P12, 0.), C(P12, -0.), C(U, U), C(P12, -INF), C(P12, N)},
    {C(P12, INF), C(U, U), C(P12, 0.), C(P12, -0.), C(U, U), C(P12, -INF), C(P12, N)},
    {C(P12, INF), C(U, U), C(U, U), C(U, U), C(U, U), C(P12, -INF), C(N, N)},
    {C(P14, INF), C(0., INF), C(0., INF), C(0., -INF), C(0., -INF), C(P14, -INF), C(N, INF)},
    {C(N, INF), C(N, N), C(N, N), C(N, N), C(N, N), C(N, -INF), C(N, N)},
};

static const Cx acosh_sv[7][7] = {
    {C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)},
    {C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(0., -P12), C(0., P12), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(0., -P12), C(0., P12), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)},
};

static const Cx asinh_sv[7][7] = {
    {C(-INF, -P14), C(-INF, -0.), C(-INF, -0.), C(-INF, 0.), C(-INF, 0.), C(-INF, P14), C(-INF, N)},
    {C(-INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(-INF, P12), C(N, N)},
    {C(-INF, -P12), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(-INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(INF, N), C(N, N)},
};

static const Cx atanh_sv[7][7] = {
    {C(-0., -P12), C(-0., -P12), C(-0., -P12), C(-0., P12), C(-0., P12), C(-0., P12), C(-0., N)},
    {C(-0., -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(-0., P12), C(N, N)},
    {C(-0., -P12), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(-0., P12), C(-0., N)},
    {C(0., -P12), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., P12), C(0., N)},
    {C(0., -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(0., P12), C(N, N)},
    {C(0., -P12), C(0., -P12), C(0., -P12), C(0., P12), C(0., P12), C(0., P12), C(0., N)},
    {C(0., -P12), C(N, N), C(N, N), C(N, N), C(N, N), C(0., P12), C(N, N)},
};

static const Cx cosh_sv[7][7] = {
    {C(INF, N), C(U, U), C(INF, 0.), C(INF, -0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(N, 0.), C(U, U), C(1., 0.), C(1., -0.), C(U, U), C(N, 0.), C(N, 0.)},
    {C(N, 0.), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, 0.), C(N, 0.)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const Cx exp_sv[7][7] = {
    {C(0., 0.), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., 0.), C(0., 0.)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const Cx log_sv[7][7] = {
    {C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)},
    {C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(-INF, -P), C(-INF, P), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(-INF, -0.), C(-INF, 0.), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)},
    {C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)},
    {C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)},
};

static const Cx sinh_sv[7][7] = {
    {C(INF, N), C(U, U), C(-INF, -0.), C(-INF, 0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(0., N), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(0., N), C(0., N)},
    {C(0., N), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., N), C(0., N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const Cx sqrt_sv[7][7] = {
    {C(INF, -INF), C(0., -INF), C(0., -INF), C(0., INF), C(0., INF), C(INF, INF), C(N, INF)},
    {C(INF, -INF), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, INF), C(N, N)},
    {C(INF, -INF), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, INF), C(N, N)},
    {C(INF, -INF), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, INF), C(N, N)},
    {C(INF, -INF), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, INF), C(N, N)},
    {C(INF, -INF), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, INF), C(INF, N)},
    {C(INF, -INF), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, INF), C(N, N)},
};

static const Cx tanh_sv[7][7] = {
    {C(-1., 0.), C(U, U), C(-1., -0.), C(-1., 0.), C(U, U), C(-1., 0.), C(-1., 0.)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(N, N), C(N, N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(1., 0.), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(1., 0.), C(1., 0.)},
    {C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

static const Cx rect_sv[7][7] = {
    {C(INF, N), C(U, U), C(-INF, 0.), C(-INF, -0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(0., 0.), C(U, U), C(-0., 0.), C(-0., -0.), C(U, U), C(0., 0.), C(0., 0.)},
    {C(0., 0.), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., 0.), C(0., 0.)},
    {C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)},
    {C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)},
    {C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)},
};

#undef C

static Cx special(const Cx table[7][7], Cx z) {
    errno = 0;
    return table[special_type(z.re)][special_type(z.im)];
}

static bool nonfinite(Cx z) { return !isfinite(z.re) || !isfinite(z.im); }

static double m_log1p(double x) { return x == 0.0 ? x : log1p(x); }

// ---------------------------------------------------------------------------
// The functions (each sets errno)

static Cx c_sqrt(Cx z) {
    if (nonfinite(z)) return special(sqrt_sv, z);
    errno = 0;
    if (z.re == 0. && z.im == 0.) return (Cx){0., z.im};
    double ax = fabs(z.re), ay = fabs(z.im), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        // hypot of subnormals loses precision: scale up first.
        ax = ldexp(ax, SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        // x/8 and y/8 keep x + hypot(x, y) from overflowing.
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.re >= 0.) return (Cx){s, copysign(d, z.im)};
    return (Cx){d, copysign(s, z.im)};
}

static Cx c_acos(Cx z) {
    if (nonfinite(z)) return special(acos_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = atan2(fabs(z.im), z.re);
        double l = log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2.;
        r.im = z.re < 0. ? -copysign(l, z.im) : copysign(l, -z.im);
    } else {
        Cx s1 = c_sqrt((Cx){1. - z.re, -z.im});
        Cx s2 = c_sqrt((Cx){1. + z.re, z.im});
        r.re = 2. * atan2(s1.re, s2.re);
        r.im = asinh(s2.re * s1.im - s2.im * s1.re);
    }
    errno = 0;
    return r;
}

static Cx c_acosh(Cx z) {
    if (nonfinite(z)) return special(acosh_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2.;
        r.im = atan2(z.im, z.re);
    } else {
        Cx s1 = c_sqrt((Cx){z.re - 1., z.im});
        Cx s2 = c_sqrt((Cx){z.re + 1., z.im});
        r.re = asinh(s1.re * s2.re + s1.im * s2.im);
        r.im = 2. * atan2(s1.im, s2.re);
    }
    errno = 0;
    return r;
}

static Cx c_asinh(Cx z) {
    if (nonfinite(z)) return special(asinh_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        double l = log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2.;
        r.re = z.im >= 0. ? copysign(l, z.re) : -copysign(l, -z.re);
        r.im = atan2(z.im, fabs(z.re));
    } else {
        Cx s1 = c_sqrt((Cx){1. + z.im, -z.re});
        Cx s2 = c_sqrt((Cx){1. - z.im, z.re});
        r.re = asinh(s1.re * s2.im - s2.re * s1.im);
        r.im = atan2(z.im, s1.re * s2.re - s1.im * s2.im);
    }
    errno = 0;
    return r;
}

// asin(z) = -i asinh(iz)
static Cx c_asin(Cx z) {
    Cx s = c_asinh((Cx){-z.im, z.re});
    return (Cx){s.im, -s.re};
}

static Cx c_atanh(Cx z) {
    if (nonfinite(z)) return special(atanh_sv, z);
    if (z.re < 0.) {
        // atanh(z) = -atanh(-z)
        Cx r = c_atanh((Cx){-z.re, -z.im});
        return (Cx){-r.re, -r.im};
    }
    Cx r;
    double ay = fabs(z.im);
    if (z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
        // Large |z|: atanh(z) ~ 1/z +/- i pi/2.
        double h = hypot(z.re / 2., z.im / 2.);
        r.re = z.re / 4. / h / h;
        r.im = -copysign(PI / 2., -z.im);
        errno = 0;
    } else if (z.re == 1. && ay < SQRT_DBL_MIN) {
        if (ay == 0.) {
            r.re = INFINITY;
            r.im = z.im;
            errno = EDOM;
        } else {
            r.re = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.im = copysign(atan2(2., -ay) / 2, z.im);
            errno = 0;
        }
    } else {
        r.re = m_log1p(4. * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.;
        r.im = -atan2(-2. * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.;
        errno = 0;
    }
    return r;
}

// atan(z) = -i atanh(iz)
static Cx c_atan(Cx z) {
    Cx s = c_atanh((Cx){-z.im, z.re});
    return (Cx){s.im, -s.re};
}

static Cx c_cosh(Cx z) {
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = copysign(INFINITY, cos(z.im));
            r.im = z.re > 0 ? copysign(INFINITY, sin(z.im)) : -copysign(INFINITY, sin(z.im));
        } else {
            r = cosh_sv[special_type(z.re)][special_type(z.im)];
        }
        errno = isinf(z.im) && !isnan(z.re) ? EDOM : 0;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        // cosh(x) may overflow where cosh(z) does not.
        double x1 = z.re - copysign(1., z.re);
        r.re = cos(z.im) * cosh(x1) * E_;
        r.im = sin(z.im) * sinh(x1) * E_;
    } else {
        r.re = cos(z.im) * cosh(z.re);
        r.im = sin(z.im) * sinh(z.re);
    }
    errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
    return r;
}

// cos(z) = cosh(iz)
static Cx c_cos(Cx z) { return c_cosh((Cx){-z.im, z.re}); }

static Cx c_sinh(Cx z) {
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = z.re > 0 ? copysign(INFINITY, cos(z.im)) : -copysign(INFINITY, cos(z.im));
            r.im = copysign(INFINITY, sin(z.im));
        } else {
            r = sinh_sv[special_type(z.re)][special_type(z.im)];
        }
        errno = isinf(z.im) && !isnan(z.re) ? EDOM : 0;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        double x1 = z.re - copysign(1., z.re);
        r.re = cos(z.im) * sinh(x1) * E_;
        r.im = sin(z.im) * cosh(x1) * E_;
    } else {
        r.re = cos(z.im) * sinh(z.re);
        r.im = sin(z.im) * cosh(z.re);
    }
    errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
    return r;
}

// sin(z) = -i sinh(iz)
static Cx c_sin(Cx z) {
    Cx s = c_sinh((Cx){-z.im, z.re});
    return (Cx){s.im, -s.re};
}

static Cx c_tanh(Cx z) {
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = z.re > 0 ? 1.0 : -1.0;
            r.im = copysign(0., 2. * sin(z.im) * cos(z.im));
        } else {
            r = tanh_sv[special_type(z.re)][special_type(z.im)];
        }
        errno = isinf(z.im) && isfinite(z.re) ? EDOM : 0;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        // 1 - tanh(x)**2 ~ 4 exp(-2|x|) here.
        r.re = copysign(1., z.re);
        r.im = 4. * sin(z.im) * cos(z.im) * exp(-2. * fabs(z.re));
    } else {
        double tx = tanh(z.re), ty = tan(z.im), cx = 1. / cosh(z.re);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.re = tx * (1. + ty * ty) / denom;
        r.im = ((ty / denom) * cx) * cx;
    }
    errno = 0;
    return r;
}

// tan(z) = -i tanh(iz)
static Cx c_tan(Cx z) {
    Cx s = c_tanh((Cx){-z.im, z.re});
    return (Cx){s.im, -s.re};
}

static Cx c_exp(Cx z) {
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            if (z.re > 0) {
                r.re = copysign(INFINITY, cos(z.im));
                r.im = copysign(INFINITY, sin(z.im));
            } else {
                r.re = copysign(0., cos(z.im));
                r.im = copysign(0., sin(z.im));
            }
        } else {
            r = exp_sv[special_type(z.re)][special_type(z.im)];
        }
        errno = isinf(z.im) && (isfinite(z.re) || (isinf(z.re) && z.re > 0)) ? EDOM : 0;
        return r;
    }
    double l;
    if (z.re > LOG_LARGE_DOUBLE) {
        l = exp(z.re - 1.);
        r.re = l * cos(z.im) * E_;
        r.im = l * sin(z.im) * E_;
    } else {
        l = exp(z.re);
        r.re = l * cos(z.im);
        r.im = l * sin(z.im);
    }
    errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
    return r;
}

static Cx c_log(Cx z) {
    if (nonfinite(z)) return special(log_sv, z);
    Cx r;
    double ax = fabs(z.re), ay = fabs(z.im);
    if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
        r.re = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            // hypot would be subnormal: rescale.
            r.re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
        } else {
            r.re = -INFINITY;
            r.im = atan2(z.im, z.re);
            errno = EDOM;
            return r;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            // Near |z| = 1 log1p keeps the precision.
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.re = m_log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.re = log(h);
        }
    }
    r.im = atan2(z.im, z.re);
    errno = 0;
    return r;
}

static Cx c_log10(Cx z) {
    Cx r = c_log(z);
    int saved = errno;
    r.re /= LN10;
    r.im /= LN10;
    errno = saved;
    return r;
}

// a / b by Smith's method; errno = EDOM for division by zero.
static Cx c_quot(Cx a, Cx b) {
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0) {
            errno = EDOM;
            return (Cx){0.0, 0.0};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (Cx){NAN, NAN};
}

// |z| with C99's rules (an infinite part wins over a NaN); ERANGE on overflow.
static double c_abs(Cx z) {
    if (nonfinite(z)) {
        errno = 0;
        if (isinf(z.re)) return fabs(z.re);
        if (isinf(z.im)) return fabs(z.im);
        return NAN;
    }
    double r = hypot(z.re, z.im);
    errno = isfinite(r) ? 0 : ERANGE;
    return r;
}

// ---------------------------------------------------------------------------
// Python glue

// A complex argument: a complex, an object with __complex__, or a real number.
static int to_complex(KrThreadState *ts, KrObject *o, Cx *out) {
    if (krComplex_check(o)) {
        KrComplexObject *c = (KrComplexObject *)o;
        *out = (Cx){c->real, c->imag};
        return 0;
    }
    if (!kr_is_smallint(o) && !krFloat_check(o)) {
        int found;
        KrObject *r = krObj_call_special(ts, o, KR_ID(dunder_complex), NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            if (!krComplex_check(r)) {
                krErr_format(ts, &KrExc_TypeError, "__complex__ returned non-complex (type %s)",
                             krType_name(KR_TYPE(r)));
                kr_decref(r);
                return -1;
            }
            KrComplexObject *c = (KrComplexObject *)r;
            *out = (Cx){c->real, c->imag};
            kr_decref(r);
            return 0;
        }
        if (krErr_occurred(ts)) return -1;
    }
    double d;
    if (krMath_to_double(ts, o, &d) < 0) return -1;
    *out = (Cx){d, 0.0};
    return 0;
}

static KrObject *math_error(KrThreadState *ts) {
    if (errno == EDOM) krErr_set_string(ts, &KrExc_ValueError, "math domain error");
    else if (errno == ERANGE) krErr_set_string(ts, &KrExc_OverflowError, "math range error");
    else krErr_set_string(ts, &KrExc_ValueError, "unexpected math error");
    return NULL;
}

static KrObject *cmath_1(KrThreadState *ts, KrObject *arg, Cx (*func)(Cx)) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    errno = 0;
    z = func(z);
    if (errno) return math_error(ts);
    return krComplex_new(ts, z.re, z.im);
}

#define CMATH_FUNC1(name) \
    static KrObject *cmath_##name(KrThreadState *ts, KrObject *m, KrObject *z) { return cmath_1(ts, z, c_##name); }

CMATH_FUNC1(acos)
CMATH_FUNC1(acosh)
CMATH_FUNC1(asin)
CMATH_FUNC1(asinh)
CMATH_FUNC1(atan)
CMATH_FUNC1(atanh)
CMATH_FUNC1(cos)
CMATH_FUNC1(cosh)
CMATH_FUNC1(exp)
CMATH_FUNC1(log10)
CMATH_FUNC1(sin)
CMATH_FUNC1(sinh)
CMATH_FUNC1(sqrt)
CMATH_FUNC1(tan)
CMATH_FUNC1(tanh)

static KrObject *cmath_log(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "log", nargs, 1, 2) < 0) return NULL;
    Cx x, y;
    if (to_complex(ts, args[0], &x) < 0) return NULL;
    errno = 0;
    x = c_log(x);
    if (nargs == 2) {
        // As CPython: only the base's log and the division decide errno.
        if (to_complex(ts, args[1], &y) < 0) return NULL;
        y = c_log(y);
        x = c_quot(x, y);
    }
    if (errno) return math_error(ts);
    return krComplex_new(ts, x.re, x.im);
}

// atan2 with C99's special values (as math.atan2).
static double c_phase(Cx z) { return krMath_atan2(z.im, z.re); }

static KrObject *cmath_phase(KrThreadState *ts, KrObject *m, KrObject *arg) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    return krFloat_new(ts, c_phase(z));
}

static KrObject *cmath_polar(KrThreadState *ts, KrObject *m, KrObject *arg) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    double phi = c_phase(z);
    double r = c_abs(z);
    if (errno) return math_error(ts);
    KrObject *a = krFloat_new(ts, r), *b = a ? krFloat_new(ts, phi) : NULL;
    KrObject *t = b ? krTuple_pack(ts, 2, a, b) : NULL;
    kr_xdecref(a);
    kr_xdecref(b);
    return t;
}

static KrObject *cmath_rect(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "rect", nargs, 2, 2) < 0) return NULL;
    double r, phi;
    if (krMath_to_double(ts, args[0], &r) < 0 || krMath_to_double(ts, args[1], &phi) < 0) return NULL;
    Cx z;
    errno = 0;
    if (!isfinite(r) || !isfinite(phi)) {
        // Like exp(log(r) + i phi), with the sign of r applied.
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            double s = r > 0 ? 1. : -1.;
            z.re = s * copysign(INFINITY, cos(phi));
            z.im = s * copysign(INFINITY, sin(phi));
        } else {
            z = rect_sv[special_type(r)][special_type(phi)];
        }
        errno = r != 0. && !isnan(r) && isinf(phi) ? EDOM : 0;
    } else if (phi == 0.0) {
        z.re = r;
        z.im = r * phi;
    } else {
        z.re = r * cos(phi);
        z.im = r * sin(phi);
    }
    if (errno) return math_error(ts);
    return krComplex_new(ts, z.re, z.im);
}

static KrObject *cmath_isfinite(KrThreadState *ts, KrObject *m, KrObject *arg) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    return kr_bool(isfinite(z.re) && isfinite(z.im));
}

static KrObject *cmath_isnan(KrThreadState *ts, KrObject *m, KrObject *arg) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    return kr_bool(isnan(z.re) || isnan(z.im));
}

static KrObject *cmath_isinf(KrThreadState *ts, KrObject *m, KrObject *arg) {
    Cx z;
    if (to_complex(ts, arg, &z) < 0) return NULL;
    return kr_bool(isinf(z.re) || isinf(z.im));
}

static KrObject *cmath_isclose(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    KrObject *a[4];
    if (krArg_parse(ts, "isclose", args, nargs, kwnames, names, 4, 0, 2, 2, a) < 0) return NULL;
    Cx x, y;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (to_complex(ts, a[0], &x) < 0 || to_complex(ts, a[1], &y) < 0) return NULL;
    if (a[2] && krMath_to_double(ts, a[2], &rel_tol) < 0) return NULL;
    if (a[3] && krMath_to_double(ts, a[3], &abs_tol) < 0) return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        krErr_set_string(ts, &KrExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x.re == y.re && x.im == y.im) return kr_bool(true);
    if (isinf(x.re) || isinf(x.im) || isinf(y.re) || isinf(y.im)) return kr_bool(false);
    double diff = c_abs((Cx){x.re - y.re, x.im - y.im});
    return kr_bool(diff <= rel_tol * c_abs(y) || diff <= rel_tol * c_abs(x) || diff <= abs_tol);
}

static const KrMethodDef cmath_methods[] = {
    {"acos", KR_CFUNC(cmath_acos), KR_METH_O, "Return the arc cosine of z."},
    {"acosh", KR_CFUNC(cmath_acosh), KR_METH_O, "Return the inverse hyperbolic cosine of z."},
    {"asin", KR_CFUNC(cmath_asin), KR_METH_O, "Return the arc sine of z."},
    {"asinh", KR_CFUNC(cmath_asinh), KR_METH_O, "Return the inverse hyperbolic sine of z."},
    {"atan", KR_CFUNC(cmath_atan), KR_METH_O, "Return the arc tangent of z."},
    {"atanh", KR_CFUNC(cmath_atanh), KR_METH_O, "Return the inverse hyperbolic tangent of z."},
    {"cos", KR_CFUNC(cmath_cos), KR_METH_O, "Return the cosine of z."},
    {"cosh", KR_CFUNC(cmath_cosh), KR_METH_O, "Return the hyperbolic cosine of z."},
    {"exp", KR_CFUNC(cmath_exp), KR_METH_O, "Return the exponential value e**z."},
    {"isclose", KR_CFUNC(cmath_isclose), KR_METH_FASTKW, "Determine whether two complex numbers are close in value."},
    {"isfinite", KR_CFUNC(cmath_isfinite), KR_METH_O, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", KR_CFUNC(cmath_isinf), KR_METH_O, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", KR_CFUNC(cmath_isnan), KR_METH_O, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", KR_CFUNC(cmath_log), KR_METH_FAST, "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of z."},
    {"log10", KR_CFUNC(cmath_log10), KR_METH_O, "Return the base-10 logarithm of z."},
    {"phase", KR_CFUNC(cmath_phase), KR_METH_O, "Return argument, also known as the phase angle, of a complex."},
    {"polar", KR_CFUNC(cmath_polar), KR_METH_O, "Convert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle."},
    {"rect", KR_CFUNC(cmath_rect), KR_METH_FAST, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", KR_CFUNC(cmath_sin), KR_METH_O, "Return the sine of z."},
    {"sinh", KR_CFUNC(cmath_sinh), KR_METH_O, "Return the hyperbolic sine of z."},
    {"sqrt", KR_CFUNC(cmath_sqrt), KR_METH_O, "Return the square root of z."},
    {"tan", KR_CFUNC(cmath_tan), KR_METH_O, "Return the tangent of z."},
    {"tanh", KR_CFUNC(cmath_tanh), KR_METH_O, "Return the hyperbolic tangent of z."},
    {NULL},
};

static int cmath_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_object_steal(ts, m, "pi", krFloat_new(ts, PI)) < 0 ||
        krModule_add_object_steal(ts, m, "e", krFloat_new(ts, E_)) < 0 ||
        krModule_add_object_steal(ts, m, "tau", krFloat_new(ts, 2 * PI)) < 0 ||
        krModule_add_object_steal(ts, m, "inf", krFloat_new(ts, INFINITY)) < 0 ||
        krModule_add_object_steal(ts, m, "infj", krComplex_new(ts, 0.0, INFINITY)) < 0 ||
        krModule_add_object_steal(ts, m, "nan", krFloat_new(ts, fabs(NAN))) < 0 ||
        krModule_add_object_steal(ts, m, "nanj", krComplex_new(ts, 0.0, fabs(NAN))) < 0)
        return -1;
    return 0;
}

const KrModuleDef kr_cmath_module_def = {
    .name = "cmath",
    .doc = "This module provides access to mathematical functions for complex\nnumbers.",
    .methods = cmath_methods,
    .exec = cmath_exec,
};
