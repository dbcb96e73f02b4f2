/*
 * float.h — Python's float (a boxed double, allocated from a free list) and
 * complex.  repr is the shortest string that round-trips, as CPython's.
 *
 * Owner of: float.c, float_format.c (repr, format specs), complex.c.
 */
#ifndef KR_FLOAT_H
#define KR_FLOAT_H

#include <gmp.h>

#include "objects/object.h"

typedef struct {
    KR_OBJECT_HEAD;
    double value;
} KrFloatObject;

typedef struct {
    KR_OBJECT_HEAD;
    double real, imag;
} KrComplexObject;

extern KrTypeObject KrFloat_Type, KrComplex_Type;

static inline bool krFloat_check(const KrObject *o) {
    return kr_type_check(o, &KrFloat_Type);
}
static inline bool krFloat_check_exact(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrFloat_Type; }
static inline double krFloat_value(const KrObject *o) { return ((const KrFloatObject *)o)->value; }

// New reference.  Raises MemoryError.
KrObject *krFloat_new(KrThreadState *ts, double v);
// Frees the floats kept for reuse by `ts` (call before deleting a thread
// state).  Never fails.
void krFloat_clear_freelist(KrThreadState *ts);
// float(x) value of any number (float, int, __float__, __index__): -1.0 with an
// exception set on failure (check krErr_occurred).
double krFloat_as_double(KrThreadState *ts, KrObject *o);
// Parses like float(str) (`s` is UTF-8 text): ValueError "could not convert
// string to float: 'x'".
KrObject *krFloat_from_string(KrThreadState *ts, const char *s, KrSsize len);
// float(o) for a str, bytes, bytearray or other bytes-like object; TypeError
// "float() argument must be a string or a real number, not 'X'" otherwise.
KrObject *krFloat_from_str_object(KrThreadState *ts, KrObject *o);
// Reads a float literal without underscores or leading spaces at the start of
// ASCII [s, end) ([sign] digits [. digits] [e [sign] digits], inf, infinity,
// nan): *endp is where it stopped (s when there is none), *out the value.
// 0, or -1 with MemoryError.
int krFloat_parse_prefix(KrThreadState *ts, const char *s, const char *end, const char **endp, double *out);
// Copies [s, s+len) to `out` without its underscores, checking that each '_'
// sits between two digits.  Returns the new length, or -1 if one does not.
KrSsize krFloat_remove_underscores(const char *s, KrSsize len, char *out);
// m * 2**e2 correctly rounded (half-to-even, subnormals included) for m > 0;
// -1 when it overflows, else 0.  Never fails otherwise.
int krFloat_from_scaled_mpz(mpz_srcptr m, int64_t e2, double *out);
// float.hex() / float.fromhex() of a str.  New references.
KrObject *krFloat_hex(KrThreadState *ts, double v);
KrObject *krFloat_fromhex(KrThreadState *ts, KrObject *str);
// Flags and result types of krFloat_to_string (CPython's Py_DTSF_* / Py_DTST_*).
enum { KR_DTSF_SIGN = 1, KR_DTSF_ADD_DOT_0 = 2, KR_DTSF_ALT = 4, KR_DTSF_NO_NEG_0 = 8 };
enum { KR_DTST_FINITE, KR_DTST_INFINITE, KR_DTST_NAN };
// `v` as text the way CPython's PyOS_double_to_string does: `code` is 'e',
// 'E', 'f', 'F', 'g', 'G' (with `precision`) or 'r' (shortest round-trip,
// precision 0); flags KR_DTSF_*.  *type (may be NULL) receives KR_DTST_*.
// Returns a NUL-terminated buffer to release with krMem_free, or NULL with
// MemoryError.  For % formatting and format specs.
char *krFloat_to_string(KrThreadState *ts, double v, char code, int precision, int flags, int *type);
// Writes Python's repr of `v` ("1.0", "1e+100", "inf", "nan") into buf (>= 32 bytes).  Returns length.
int krFloat_repr_buf(double v, char *buf);
KrObject *krFloat_repr_str(KrThreadState *ts, double v);
KrHash krFloat_hash_double(double v);   // CPython's numeric hash.  Never fails.
// x ** y with float semantics (ZeroDivisionError "0.0 cannot be raised to a
// negative power", a complex result for a negative base and non-integral
// exponent, OverflowError "(34, 'Numerical result out of range')").  New reference.
KrObject *krFloat_pow_values(KrThreadState *ts, double x, double y);

// Appends `v` formatted by a parsed format spec (types e E f F g G n % and
// none, all flags).  0 or -1.
struct KrFormatSpec;
struct KrStrBuilder;
int krFloat_format_spec_double(KrThreadState *ts, struct KrStrBuilder *sb, double v, const struct KrFormatSpec *spec);

static inline bool krComplex_check(const KrObject *o) {
    return kr_type_check(o, &KrComplex_Type);
}
KrObject *krComplex_new(KrThreadState *ts, double real, double imag);
// (ar + ai j) ** (br + bi j) with CPython's algorithm and errors.  New reference.
KrObject *krComplex_pow_values(KrThreadState *ts, double ar, double ai, double br, double bi);
// Raises OverflowError(34, 'Numerical result out of range').  Returns NULL.
KrObject *krFloat_range_error(KrThreadState *ts);
// hash() of a NaN held by object `p` (CPython hashes NaNs by identity).
KrHash krFloat_hash_pointer(const void *p);

#endif
