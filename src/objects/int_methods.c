/*
 * int_methods.c — int's constructor, methods and attributes: int(x, base),
 * bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, __round__,
 * __trunc__/__floor__/__ceil__, __format__, __sizeof__, __getnewargs__,
 * real/imag/numerator/denominator.
 *
 * Every method returns an exact int even when called on a bool or an int
 * subclass, as CPython's do.
 *
 * Related: int.c (the type object), int_format.c (parsing, formatting).
 */
#include "objects/int_impl.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// int(x=0, /, base=10)

// The value of int(x, base) as an exact int; `base` may be NULL.
static KrObject *int_value(KrThreadState *ts, KrObject *x, KrObject *base_obj) {
    if (!x) {
        if (base_obj) {
            krErr_set_string(ts, &KrExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return kr_smallint(0);
    }
    if (!base_obj) return krNum_int(ts, x);
    KrSsize base = krNum_as_ssize(ts, base_obj, NULL);
    if (base == -1 && krErr_occurred(ts)) return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        krErr_set_string(ts, &KrExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (krStr_check(x)) return krInt_from_str_object(ts, x, (int)base);
    if (krBytes_check(x) || krByteArray_check(x)) {
        const char *data;
        KrSsize size;
        if (krBytes_as_buffer(ts, x, &data, &size) < 0) return NULL;
        return krInt_from_bytes_literal(ts, data, size, (int)base);
    }
    krErr_set_string(ts, &KrExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

// An instance of int subclass `type` with the value of exact int `v` (stolen).
static KrObject *subclass_instance(KrThreadState *ts, KrTypeObject *type, KrObject *v) {
    KrObject *o = krType_generic_alloc(ts, type, 0);
    if (o) {
        KrIntView view;
        mpz_init_set(((KrIntObject *)o)->z, krInt_view(v, &view));
    }
    kr_decref(v);
    return o;
}

KrObject *krInt_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                       KrObject *kwnames) {
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        krErr_format(ts, &KrExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    KrObject *x = nargs > 0 ? args[0] : NULL, *base = nargs > 1 ? args[1] : NULL;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_GET(kwnames, i);
        if (!krStr_eq_cstr(name, "base")) {
            krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for int()", name);
            return NULL;
        }
        if (base) {
            krErr_set_string(ts, &KrExc_TypeError, "argument for int() given by name ('base') and position (2)");
            return NULL;
        }
        base = args[nargs + i];
    }
    KrObject *v = int_value(ts, x, base);
    if (!v || type == &KrInt_Type) return v;
    return subclass_instance(ts, type, v);
}

// ---------------------------------------------------------------------------
// Simple methods

static KrObject *int_bit_length(KrThreadState *ts, KrObject *self) {
    return krInt_from_u64(ts, krInt_bit_length(self));
}

static KrObject *int_bit_count(KrThreadState *ts, KrObject *self) {
    if (kr_is_smallint(self)) {
        int64_t v = kr_smallint_value(self);
        return kr_smallint(__builtin_popcountll(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v));
    }
    mpz_srcptr z = ((KrIntObject *)self)->z;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    uint64_t n = mpz_popcount(a);
    mpz_clear(a);
    return krInt_from_u64(ts, n);
}

static KrObject *int_as_integer_ratio(KrThreadState *ts, KrObject *self) {
    KrObject *n = krInt_exact(ts, self);
    if (!n) return NULL;
    KrObject *items[2] = {n, kr_smallint(1)};
    return krTuple_from_array_steal(ts, items, 2);
}

static KrObject *int_getnewargs(KrThreadState *ts, KrObject *self) {
    KrObject *n = krInt_exact(ts, self);
    if (!n) return NULL;
    return krTuple_from_array_steal(ts, &n, 1);
}

// CPython's size: a 24-byte header plus one 4-byte digit per 30 bits (at least one).
static KrObject *int_sizeof(KrThreadState *ts, KrObject *self) {
    size_t digits = (krInt_bit_length(self) + 29) / 30;
    if (digits == 0) digits = 1;
    return krInt_from_u64(ts, 24 + 4 * digits);
}

static KrObject *int_format_method(KrThreadState *ts, KrObject *self, KrObject *spec) {
    if (!krStr_check(spec)) {
        krErr_format(ts, &KrExc_TypeError, "__format__() argument must be str, not %.200s", krArg_type_name(spec));
        return NULL;
    }
    return krInt_format(ts, self, spec);
}

// round(self, ndigits): for ndigits < 0, round half to even at 10**-ndigits.
static KrObject *round_negative(KrThreadState *ts, KrObject *self, KrObject *nd) {
    KrIntView vs;
    mpz_srcptr a = krInt_view(self, &vs);
    int64_t n;
    // |self| < 10**(n-1) rounds to 0, whatever else: no need to build 10**n.
    if (!krInt_to_i64(nd, &n) || -n > (int64_t)mpz_sizeinbase(a, 10) + 1) return kr_smallint(0);
    n = -n;
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)n);
    mpz_fdiv_qr(q, r, a, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, twice, NULL);
    return krInt_from_mpz_steal(ts, q);
}

static KrObject *int_round(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return krInt_exact(ts, self);   // (round() turns ndigits=None into no argument)
    KrObject *nd = krNum_index(ts, args[0]);
    if (!nd) return NULL;
    KrObject *r = krInt_sign(nd) >= 0 ? krInt_exact(ts, self) : round_negative(ts, self, nd);
    kr_decref(nd);
    return r;
}

// ---------------------------------------------------------------------------
// to_bytes / from_bytes

// Reads the byteorder argument: 1 for big, 0 for little, -1 on error.
static int parse_byteorder(KrThreadState *ts, KrObject *o, const char *fname) {
    if (!o) return 1;
    if (!krStr_check(o)) {
        krErr_format(ts, &KrExc_TypeError, "%s() argument 'byteorder' must be str, not %.200s", fname,
                     krArg_type_name(o));
        return -1;
    }
    if (krStr_eq_cstr(o, "big")) return 1;
    if (krStr_eq_cstr(o, "little")) return 0;
    krErr_set_string(ts, &KrExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// Fills `out` (len bytes) with the two's complement of `v` modulo 256**len.
static void export_bytes(mpz_srcptr v, unsigned char *out, KrSsize len, bool big) {
    mpz_t t;
    mpz_init(t);
    mpz_fdiv_r_2exp(t, v, (mp_bitcnt_t)len * 8);   // non-negative
    size_t count = 0;
    memset(out, 0, (size_t)len);
    size_t need = (mpz_sizeinbase(t, 2) + 7) / 8;
    if (mpz_sgn(t)) {
        unsigned char *dst = big ? out + len - (KrSsize)need : out;
        mpz_export(dst, &count, big ? 1 : -1, 1, 0, 0, t);
    }
    mpz_clear(t);
}

static KrObject *int_to_bytes(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed"};
    KrObject *a[3];
    if (krArg_parse(ts, "to_bytes", args, nargs, kwnames, names, 3, 0, 2, 0, a) < 0) return NULL;
    KrSsize len = 1;
    if (a[0]) {
        len = krNum_as_ssize(ts, a[0], &KrExc_OverflowError);
        if (len == -1 && krErr_occurred(ts)) return NULL;
        if (len < 0) {
            krErr_set_string(ts, &KrExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int big = parse_byteorder(ts, a[1], "to_bytes");
    if (big < 0) return NULL;
    int is_signed = a[2] ? krObj_is_true(ts, a[2]) : 0;
    if (is_signed < 0) return NULL;
    KrIntView vs;
    mpz_srcptr v = krInt_view(self, &vs);
    size_t bits = krInt_bit_length(self);
    if (!is_signed && mpz_sgn(v) < 0) {
        krErr_set_string(ts, &KrExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    if (is_signed && mpz_sgn(v) > 0) bits++;   // room for the sign bit
    if (is_signed && mpz_sgn(v) < 0) {
        mpz_t t;   // -v - 1 needs as many bits as v's two's complement, less the sign
        mpz_init(t);
        mpz_com(t, v);
        bits = (mpz_sgn(t) ? mpz_sizeinbase(t, 2) : 0) + 1;
        mpz_clear(t);
    }
    // (CPython lets -1 through as zero bytes: there is no sign bit to disagree.)
    if (bits > (uint64_t)len * 8 && !(is_signed && len == 0 && mpz_cmp_si(v, -1) == 0)) {
        krErr_set_string(ts, &KrExc_OverflowError, "int too big to convert");
        return NULL;
    }
    KrObject *b = krBytes_from_data(ts, NULL, len);
    if (!b) return NULL;
    export_bytes(v, (unsigned char *)krBytes_data(b), len, big);
    return b;
}

// The bytes of `o` for from_bytes: bytes-like objects directly, anything else
// through bytes(o).  Sets *owned to a reference to release, or NULL.
static int bytes_of(KrThreadState *ts, KrObject *o, const char **data, KrSsize *size, KrObject **owned) {
    *owned = NULL;
    if (krBytes_check(o) || krByteArray_check(o)) return krBytes_as_buffer(ts, o, data, size);
    if (krStr_check(o) || krInt_check(o) || krFloat_check(o)) {
        krErr_format(ts, &KrExc_TypeError, "cannot convert '%.200s' object to bytes", krType_name(KR_TYPE(o)));
        return -1;
    }
    KrObject *b = krObj_call1(ts, (KrObject *)&KrBytes_Type, o);
    if (!b) return -1;
    *owned = b;
    return krBytes_as_buffer(ts, b, data, size);
}

static KrObject *int_from_bytes(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    KrObject *a[3];
    if (krArg_parse(ts, "from_bytes", args, nargs, kwnames, names, 3, 0, 2, 1, a) < 0) return NULL;
    int big = parse_byteorder(ts, a[1], "from_bytes");
    if (big < 0) return NULL;
    int is_signed = a[2] ? krObj_is_true(ts, a[2]) : 0;
    if (is_signed < 0) return NULL;
    const char *data;
    KrSsize size;
    KrObject *owned;
    if (bytes_of(ts, a[0], &data, &size, &owned) < 0) {
        kr_xdecref(owned);
        return NULL;
    }
    if ((uint64_t)size > KR_INT_MAX_BITS / 8) {
        kr_xdecref(owned);
        return krErr_no_memory(ts);
    }
    mpz_t z;
    mpz_init(z);
    if (size) mpz_import(z, (size_t)size, big ? 1 : -1, 1, 0, 0, data);
    if (is_signed && size && (data[big ? 0 : size - 1] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, (mp_bitcnt_t)size * 8);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    kr_xdecref(owned);
    KrObject *v = krInt_from_mpz_steal(ts, z);
    if (!v || cls == (KrObject *)&KrInt_Type) return v;
    KrObject *r = krObj_call1(ts, cls, v);
    kr_decref(v);
    return r;
}

// ---------------------------------------------------------------------------
// Attributes

static KrObject *int_get_self(KrThreadState *ts, KrObject *self, void *closure) { return krInt_exact(ts, self); }
static KrObject *int_get_zero(KrThreadState *ts, KrObject *self, void *closure) { return kr_smallint(0); }
static KrObject *int_get_one(KrThreadState *ts, KrObject *self, void *closure) { return kr_smallint(1); }

const KrGetSetDef krInt_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const KrMethodDef krInt_methods[] = {
    {"conjugate", KR_CFUNC(krInt_exact), KR_METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", KR_CFUNC(int_bit_length), KR_METH_NOARGS, "Number of bits necessary to represent self in binary.\n"
        "\n"
        ">>> bin(37)\n"
        "'0b100101'\n"
        ">>> (37).bit_length()\n"
        "6"},
    {"bit_count", KR_CFUNC(int_bit_count), KR_METH_NOARGS, "Number of ones in the binary representation of the absolute value of self.\n"
        "\n"
        "Also known as the population count.\n"
        "\n"
        ">>> bin(13)\n"
        "'0b1101'\n"
        ">>> (13).bit_count()\n"
        "3"},
    {"to_bytes", KR_CFUNC(int_to_bytes), KR_METH_FASTKW, "Return an array of bytes representing an integer.\n"
        "\n"
        "  length\n"
        "    Length of bytes object to use.  An OverflowError is raised if the\n"
        "    integer is not representable with the given number of bytes.  Default\n"
        "    is length 1.\n"
        "  byteorder\n"
        "    The byte order used to represent the integer.  If byteorder is 'big',\n"
        "    the most significant byte is at the beginning of the byte array.  If\n"
        "    byteorder is 'little', the most significant byte is at the end of the\n"
        "    byte array.  To request the native byte order of the host system, use\n"
        "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n"
        "  signed\n"
        "    Determines whether two's complement is used to represent the integer.\n"
        "    If signed is False and a negative integer is given, an OverflowError\n"
        "    is raised."},
    {"from_bytes", KR_CFUNC(int_from_bytes), KR_METH_FASTKW | KR_METH_CLASS, "Return the integer represented by the given array of bytes.\n"
        "\n"
        "  bytes\n"
        "    Holds the array of bytes to convert.  The argument must either\n"
        "    support the buffer protocol or be an iterable object producing bytes.\n"
        "    Bytes and bytearray are examples of built-in objects that support the\n"
        "    buffer protocol.\n"
        "  byteorder\n"
        "    The byte order used to represent the integer.  If byteorder is 'big',\n"
        "    the most significant byte is at the beginning of the byte array.  If\n"
        "    byteorder is 'little', the most significant byte is at the end of the\n"
        "    byte array.  To request the native byte order of the host system, use\n"
        "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n"
        "  signed\n"
        "    Indicates whether two's complement is used to represent the integer."},
    {"as_integer_ratio", KR_CFUNC(int_as_integer_ratio), KR_METH_NOARGS, "Return integer ratio.\n"
        "\n"
        "Return a pair of integers, whose ratio is exactly equal to the original int\n"
        "and with a positive denominator.\n"
        "\n"
        ">>> (10).as_integer_ratio()\n"
        "(10, 1)\n"
        ">>> (-10).as_integer_ratio()\n"
        "(-10, 1)\n"
        ">>> (0).as_integer_ratio()\n"
        "(0, 1)"},
    {"__trunc__", KR_CFUNC(krInt_exact), KR_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", KR_CFUNC(krInt_exact), KR_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", KR_CFUNC(krInt_exact), KR_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", KR_CFUNC(int_round), KR_METH_FAST, "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", KR_CFUNC(int_getnewargs), KR_METH_NOARGS, NULL},
    {"__format__", KR_CFUNC(int_format_method), KR_METH_O, NULL},
    {"__sizeof__", KR_CFUNC(int_sizeof), KR_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};
