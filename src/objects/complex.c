/*
 * complex.c — Python's complex: two doubles.  Construction from numbers and
 * strings, arithmetic with CPython 3.11's algorithms (Smith's division,
 * repeated squaring for small integer powers, polar form otherwise, and the
 * errno-driven errors those raise), ==/!= only, the numeric hash, repr and
 * __format__.
 *
 * Binary slots accept complex, float or int operands on either side.
 *
 * Related: float.h (declarations), float.c (a negative float to a fractional
 * power lands in krComplex_pow_values), float_format.c, float_parse.c.
 */
#include <errno.h>
#include <float.h>
#include <math.h>

#include "objects/float.h"
#include "objects/abstract.h"
#include "objects/formatspec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "objects/exc.h"

typedef struct {
    double real, imag;
} Complex;

static inline Complex cval(KrObject *o) {
    KrComplexObject *c = (KrComplexObject *)o;
    return (Complex){c->real, c->imag};
}

KrObject *krComplex_new(KrThreadState *ts, double real, double imag) {
    KrComplexObject *c = (KrComplexObject *)krObj_alloc(ts, &KrComplex_Type, 0);
    if (!c) return NULL;
    c->real = real;
    c->imag = imag;
    return (KrObject *)c;
}

static KrObject *complex_of(KrThreadState *ts, Complex z) { return krComplex_new(ts, z.real, z.imag); }

// An operand as a complex: 1, 0 when it is not a number we take
// (NotImplemented), -1 on OverflowError from a huge int.
static int operand(KrThreadState *ts, KrObject *o, Complex *out) {
    if (krComplex_check(o)) {
        *out = cval(o);
        return 1;
    }
    if (krFloat_check(o)) {
        *out = (Complex){krFloat_value(o), 0.0};
        return 1;
    }
    if (krInt_check(o)) {
        double d = krInt_as_double(ts, o);
        if (d == -1.0 && krErr_occurred(ts)) return -1;
        *out = (Complex){d, 0.0};
        return 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                                     \
    Complex x, y;                                                \
    do {                                                         \
        int ra_ = operand(ts, a, &x);                            \
        if (ra_ <= 0) return ra_ ? NULL : KR_NOTIMPLEMENTED;     \
        int rb_ = operand(ts, b, &y);                            \
        if (rb_ <= 0) return rb_ ? NULL : KR_NOTIMPLEMENTED;     \
    } while (0)

// ---------------------------------------------------------------------------
// Arithmetic on values

static Complex c_prod(Complex a, Complex b) {
    return (Complex){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// a / b by Smith's method: divide through by the larger part of b.  Sets
// errno = EDOM when b is zero.
static Complex c_quot(Complex a, Complex b) {
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    Complex r;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {   // a NaN in b
        r.real = r.imag = NAN;
    }
    return r;
}

static Complex c_pow(Complex a, Complex b) {
    Complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) errno = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Complex c_powu(Complex x, long n) {
    Complex r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Complex c_powi(Complex x, long n) {
    if (n > 0) return c_powu(x, n);
    return c_quot((Complex){1.0, 0.0}, c_powu(x, -n));
}

KrObject *krComplex_pow_values(KrThreadState *ts, double ar, double ai, double br, double bi) {
    Complex a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    // Small integral exponents by repeated multiplication: faster and more accurate.
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) p = c_powi(a, (long)b.real);
    else p = c_pow(a, b);
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        krErr_set_string(ts, &KrExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return complex_of(ts, p);
}

// ---------------------------------------------------------------------------
// Slots

static KrObject *complex_add(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return krComplex_new(ts, x.real + y.real, x.imag + y.imag);
}

static KrObject *complex_sub(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return krComplex_new(ts, x.real - y.real, x.imag - y.imag);
}

static KrObject *complex_mul(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return complex_of(ts, c_prod(x, y));
}

static KrObject *complex_div(KrThreadState *ts, KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    errno = 0;
    Complex q = c_quot(x, y);
    if (errno == EDOM) {
        krErr_set_string(ts, &KrExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return complex_of(ts, q);
}

static KrObject *complex_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m) {
    OPERANDS(a, b, x, y);
    if (m && m != KR_NONE) {
        krErr_set_string(ts, &KrExc_ValueError, "complex modulo");
        return NULL;
    }
    return krComplex_pow_values(ts, x.real, x.imag, y.real, y.imag);
}

static KrObject *complex_neg(KrThreadState *ts, KrObject *a) {
    Complex z = cval(a);
    return krComplex_new(ts, -z.real, -z.imag);
}

static KrObject *complex_pos(KrThreadState *ts, KrObject *a) {
    if (!kr_is_smallint(a) && a->ob_type == &KrComplex_Type) return kr_newref(a);
    return complex_of(ts, cval(a));
}

static KrObject *complex_abs(KrThreadState *ts, KrObject *a) {
    Complex z = cval(a);
    double r;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        // An infinite part wins over a NaN, as in C99.
        if (isinf(z.real)) r = fabs(z.real);
        else if (isinf(z.imag)) r = fabs(z.imag);
        else r = NAN;
        return krFloat_new(ts, r);
    }
    r = hypot(z.real, z.imag);
    if (!isfinite(r)) {
        krErr_set_string(ts, &KrExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return krFloat_new(ts, r);
}

static int complex_bool(KrThreadState *ts, KrObject *a) {
    Complex z = cval(a);
    return z.real != 0.0 || z.imag != 0.0;
}

static KrHash complex_hash(KrThreadState *ts, KrObject *self) {
    Complex z = cval(self);
    uint64_t hr = (uint64_t)(isnan(z.real) ? krFloat_hash_pointer(self) : krFloat_hash_double(z.real));
    uint64_t hi = (uint64_t)(isnan(z.imag) ? krFloat_hash_pointer(self) : krFloat_hash_double(z.imag));
    KrHash h = (KrHash)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

static KrObject *complex_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || !krComplex_check(a)) return KR_NOTIMPLEMENTED;
    Complex z = cval(a);
    bool equal;
    if (krInt_check(b)) {
        if (z.imag != 0.0) {
            equal = false;
        } else {
            KrObject *f = krFloat_new(ts, z.real);
            if (!f) return NULL;
            KrObject *r = krObj_richcompare(ts, f, b, op);
            kr_decref(f);
            return r;
        }
    } else if (krFloat_check(b)) {
        equal = z.real == krFloat_value(b) && z.imag == 0.0;
    } else if (krComplex_check(b)) {
        Complex w = cval(b);
        equal = z.real == w.real && z.imag == w.imag;
    } else {
        return KR_NOTIMPLEMENTED;
    }
    return kr_bool(equal == (op == KR_EQ));
}

static KrObject *complex_repr(KrThreadState *ts, KrObject *self) {
    Complex z = cval(self);
    char *re = NULL, *im = NULL;
    KrObject *r = NULL;
    if (z.real == 0.0 && !signbit(z.real)) {   // +0 real part: just the imaginary part, no parentheses
        im = krFloat_to_string(ts, z.imag, 'r', 0, 0, NULL);
        if (im) r = krStr_from_format(ts, "%sj", im);
    } else {
        re = krFloat_to_string(ts, z.real, 'r', 0, 0, NULL);
        im = re ? krFloat_to_string(ts, z.imag, 'r', 0, KR_DTSF_SIGN, NULL) : NULL;
        if (im) r = krStr_from_format(ts, "(%s%sj)", re, im);
    }
    krMem_free(re);
    krMem_free(im);
    return r;
}

// ---------------------------------------------------------------------------
// __format__ (CPython's format_complex_internal)

// Appends one part, formatted by `spec` but without width or padding.
static int append_part(KrThreadState *ts, KrStrBuilder *sb, const char *s, const KrFormatSpec *spec) {
    KrNumberParts parts = {0};
    const char *p = s;
    if (*p == '-') {
        parts.negative = true;
        p++;
    }
    parts.digits = p;
    while (*p >= '0' && *p <= '9') p++;
    parts.ndigits = p - parts.digits;
    if (*p == '.') {
        parts.has_decimal = true;
        p++;
    }
    parts.remainder = p;
    parts.nremainder = (KrSsize)strlen(p);
    return krFormatSpec_number(ts, sb, spec, &parts);
}

static int format_complex(KrThreadState *ts, KrStrBuilder *out, Complex z, const KrFormatSpec *spec) {
    if (spec->precision > INT32_MAX) {
        krErr_set_string(ts, &KrExc_ValueError, "precision too big");
        return -1;
    }
    if (spec->fill == '0') {
        krErr_set_string(ts, &KrExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (spec->align == '=') {
        krErr_set_string(ts, &KrExc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    int precision = (int)spec->precision, default_precision = 6, flags = 0;
    uint32_t type = spec->type;
    bool skip_re = false, parens = false;
    if (spec->alternate) flags |= KR_DTSF_ALT;
    if (spec->no_neg_zero) flags |= KR_DTSF_NO_NEG_0;
    if (type == 0) {   // like str(self)
        type = 'r';
        default_precision = 0;
        if (z.real == 0.0 && !signbit(z.real)) skip_re = true;
        else parens = true;
    }
    if (type == 'n') type = 'g';
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    char *re = krFloat_to_string(ts, z.real, (char)type, precision, flags, NULL);
    char *im = re ? krFloat_to_string(ts, z.imag, (char)type, precision, flags, NULL) : NULL;
    KrStrBuilder body;
    krSB_init(&body);
    KrFormatSpec part = *spec;   // no padding inside the parts
    part.width = -1;
    part.align = '<';
    int r = im ? 0 : -1;
    if (r == 0 && parens) r = krSB_append(ts, &body, "(", 1);
    if (r == 0 && !skip_re) r = append_part(ts, &body, re, &part);
    if (!skip_re) part.sign = '+';
    if (r == 0) r = append_part(ts, &body, im, &part);
    if (r == 0) r = krSB_append(ts, &body, parens ? "j)" : "j", parens ? 2 : 1);
    if (r == 0) r = krFormatSpec_pad(ts, out, spec, body.buf, body.size, body.length, 0);
    krSB_discard(&body);
    krMem_free(re);
    krMem_free(im);
    return r;
}

static KrObject *complex_format_method(KrThreadState *ts, KrObject *self, KrObject *spec) {
    if (!krStr_check(spec)) {
        krErr_format(ts, &KrExc_TypeError, "__format__() argument must be str, not %.200s", krArg_type_name(spec));
        return NULL;
    }
    if (krStr_len(spec) == 0) return krObj_str(ts, self);
    KrFormatSpec fs;
    if (krFormatSpec_parse(ts, spec, self, 0, '>', &fs) < 0) return NULL;
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        krFormatSpec_unknown_code(ts, &fs, krType_name(KR_TYPE(self)));
        return NULL;
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    if (format_complex(ts, &sb, cval(self), &fs) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

// ---------------------------------------------------------------------------
// Construction

// complex(str): [spaces] ['('] [spaces] number [spaces] [')'] [spaces].
static int parse_complex(KrThreadState *ts, const char *s, const char *end, Complex *out) {
    const char *p = s, *q;
    double x = 0.0, y = 0.0, z;
    bool bracket = false;
#define SPACES() while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++
#define IS_J() (p < end && (*p == 'j' || *p == 'J'))
    SPACES();
    if (p < end && *p == '(') {
        bracket = true;
        p++;
        SPACES();
    }
    if (krFloat_parse_prefix(ts, p, end, &q, &z) < 0) return -1;
    if (q != p) {
        p = q;
        if (p < end && (*p == '+' || *p == '-')) {   // <float><signed-float>j or <float><sign>j
            x = z;
            if (krFloat_parse_prefix(ts, p, end, &q, &y) < 0) return -1;
            if (q != p) p = q;
            else y = *p++ == '+' ? 1.0 : -1.0;
            if (!IS_J()) return 0;
            p++;
        } else if (IS_J()) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {   // <sign>j or j
        if (p < end && (*p == '+' || *p == '-')) y = *p++ == '+' ? 1.0 : -1.0;
        else y = 1.0;
        if (!IS_J()) return 0;
        p++;
    }
    SPACES();
    if (bracket) {
        if (p >= end || *p != ')') return 0;
        p++;
        SPACES();
    }
#undef SPACES
#undef IS_J
    if (p != end) return 0;
    *out = (Complex){x, y};
    return 1;
}

static int complex_from_str(KrThreadState *ts, KrObject *str, Complex *out) {
    KrSsize n;
    char *ascii = krNum_text_to_ascii(ts, krStr_utf8(str), krStr_size(str), &n);
    if (!ascii) return -1;
    int r = 1;
    if (memchr(ascii, '_', (size_t)n)) {
        n = krFloat_remove_underscores(ascii, n, ascii);
        if (n < 0) {
            krErr_format(ts, &KrExc_ValueError, "could not convert string to complex: %R", str);
            r = -1;
        }
    }
    if (r == 1) {
        r = parse_complex(ts, ascii, ascii + n, out);
        if (r == 0) {
            krErr_set_string(ts, &KrExc_ValueError, "complex() arg is a malformed string");
            r = -1;
        }
    }
    krMem_free(ascii);
    return r < 0 ? -1 : 0;
}

// o.__complex__() if the type defines it: 1 with a new reference in *res,
// 0 when it does not, -1 on error.
static int complex_special(KrThreadState *ts, KrObject *o, KrObject **res) {
    int found;
    KrObject *r = krObj_call_special(ts, o, KR_ID(dunder_complex), NULL, 0, &found);
    *res = r;
    if (!found) return krErr_occurred(ts) ? -1 : 0;
    if (!r) return -1;
    if (!krComplex_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__complex__ returned non-complex (type %.200s)", krType_name(KR_TYPE(r)));
        kr_decref(r);
        return -1;
    }
    return 1;
}

static bool is_number(KrObject *o) {
    KrTypeObject *t = KR_TYPE(o);
    return t->nb_float || t->nb_index || krComplex_check(o);
}

// The value of `o` as a number: complex parts, or a float in re.real.
static int number_value(KrThreadState *ts, KrObject *o, Complex *out, bool *is_complex) {
    *is_complex = krComplex_check(o);
    if (*is_complex) {
        *out = cval(o);
        return 0;
    }
    KrObject *f = krNum_float(ts, o);
    if (!f) return -1;
    *out = (Complex){krFloat_value(f), 0.0};
    kr_decref(f);
    return 0;
}

static int complex_args(KrThreadState *ts, KrObject *r, KrObject *i, Complex *out) {
    if (krStr_check(r)) {
        if (i) {
            krErr_set_string(ts, &KrExc_TypeError, "complex() can't take second arg if first is a string");
            return -1;
        }
        return complex_from_str(ts, r, out);
    }
    if (i && krStr_check(i)) {
        krErr_set_string(ts, &KrExc_TypeError, "complex() second arg can't be a string");
        return -1;
    }
    KrObject *special;
    int s = complex_special(ts, r, &special);
    if (s < 0) return -1;
    KrObject *real = s ? special : r;
    int rc = -1;
    Complex cr, ci = {0.0, 0.0};
    bool cr_complex, ci_complex = false;
    if (!is_number(real)) {
        krErr_format(ts, &KrExc_TypeError, "complex() first argument must be a string or a number, not '%.200s'",
                     krType_name(KR_TYPE(real)));
    } else if (i && !is_number(i)) {
        krErr_format(ts, &KrExc_TypeError, "complex() second argument must be a number, not '%.200s'",
                     krType_name(KR_TYPE(i)));
    } else if (number_value(ts, real, &cr, &cr_complex) == 0 && (!i || number_value(ts, i, &ci, &ci_complex) == 0)) {
        // real + imag*1j where either part may itself be complex.
        double re = cr.real, im = i ? ci.real : cr.imag;
        if (ci_complex) re -= ci.imag;
        if (cr_complex && i) im += cr.imag;
        *out = (Complex){re, im};
        rc = 0;
    }
    kr_xdecref(special);
    return rc;
}

static KrObject *complex_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"real", "imag"};
    KrObject *a[2];
    if (krArg_parse(ts, "complex", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    KrObject *r = a[0] ? a[0] : kr_smallint(0);
    if (!a[1] && type == &KrComplex_Type && !kr_is_smallint(r) && r->ob_type == &KrComplex_Type)
        return kr_newref(r);
    Complex z;
    if (complex_args(ts, r, a[1], &z) < 0) return NULL;
    if (type == &KrComplex_Type) return complex_of(ts, z);
    KrObject *o = krType_generic_alloc(ts, type, 0);
    if (o) {
        ((KrComplexObject *)o)->real = z.real;
        ((KrComplexObject *)o)->imag = z.imag;
    }
    return o;
}

// ---------------------------------------------------------------------------
// Methods

static KrObject *complex_conjugate(KrThreadState *ts, KrObject *self) {
    Complex z = cval(self);
    return krComplex_new(ts, z.real, -z.imag);
}

static KrObject *complex_getnewargs(KrThreadState *ts, KrObject *self) {
    Complex z = cval(self);
    KrObject *items[2] = {krFloat_new(ts, z.real), krFloat_new(ts, z.imag)};
    if (!items[0] || !items[1]) {
        kr_xdecref(items[0]);
        kr_xdecref(items[1]);
        return NULL;
    }
    return krTuple_from_array_steal(ts, items, 2);
}

static const KrMethodDef complex_methods[] = {
    {"conjugate", KR_CFUNC(complex_conjugate), KR_METH_NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", KR_CFUNC(complex_pos), KR_METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", KR_CFUNC(complex_getnewargs), KR_METH_NOARGS, NULL},
    {"__format__", KR_CFUNC(complex_format_method), KR_METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static const KrMemberDef complex_members[] = {
    {"real", KR_MEMBER_DOUBLE, offsetof(KrComplexObject, real), KR_MEMBER_READONLY, "the real part of a complex number"},
    {"imag", KR_MEMBER_DOUBLE, offsetof(KrComplexObject, imag), KR_MEMBER_READONLY, "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

KrTypeObject KrComplex_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "complex",
    .tp_basicsize = sizeof(KrComplexObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_new = complex_tp_new,
    .tp_dealloc = krObj_free,
    .tp_repr = complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_base = &KrBaseObject_Type,
};
