/*
 * int.h — Python's int: tagged small ints (object.h) and GMP-backed heap ints,
 * one type with two representations invisible to Python code.  bool is a
 * subclass whose two instances are static heap ints.
 *
 * Every big-int operation bounds the size of its result before asking GMP for
 * memory (GMP aborts when allocation fails): results above KR_INT_MAX_BITS
 * raise MemoryError (or OverflowError where CPython does).
 *
 * Owner of: int.c (arithmetic, conversions), int_format.c (str/format), bool.c.
 */
#ifndef KR_INT_H
#define KR_INT_H

#include <gmp.h>
#include "objects/object.h"
#include "objects/str.h"

typedef struct KrIntObject {
    KR_OBJECT_HEAD;
    mpz_t z;                    // the value (any size for bool/subclasses; out of tagged range for exact int)
} KrIntObject;

extern KrTypeObject KrInt_Type, KrBool_Type;

// Results with more bits than this (512 MiB of limbs) raise MemoryError
// instead of reaching GMP, which would abort when its allocation fails.
#define KR_INT_MAX_BITS ((size_t)1 << 32)

// Any int, bool or int subclass instance.
static inline bool krInt_check(const KrObject *o) {
    return kr_is_smallint(o) || (KR_TYPE(o)->tp_flags & KR_TPFLAGS_INT_SUBCLASS) != 0;
}
static inline bool krInt_check_exact(const KrObject *o) { return kr_is_smallint(o) || KR_TYPE(o) == &KrInt_Type; }
static inline bool krBool_check(const KrObject *o) { return o == KR_TRUE || o == KR_FALSE; }

// Constructors: new references (a tagged int when it fits).  Raise MemoryError.
KrObject *krInt_from_i64(KrThreadState *ts, int64_t v);
KrObject *krInt_from_u64(KrThreadState *ts, uint64_t v);
KrObject *krInt_from_ssize(KrThreadState *ts, KrSsize v);
// Copies `z` (normalising to a tagged int when it fits).
KrObject *krInt_from_mpz(KrThreadState *ts, const mpz_t z);
// Like from_mpz but takes over `z`'s limbs: afterwards `z` must be neither
// used nor cleared (also on failure).  Raises MemoryError.
KrObject *krInt_from_mpz_steal(KrThreadState *ts, mpz_t z);
KrObject *krInt_from_double(KrThreadState *ts, double d);   // int(d): OverflowError/ValueError for inf/nan
// Parses an int literal the way int(s, base) does (whitespace, sign, '_',
// prefixes when base is 0 or matches).  `s` need not be NUL-terminated.
// ValueError "invalid literal for int() with base 10: 'x'".
KrObject *krInt_from_string(KrThreadState *ts, const char *s, KrSsize len, int base);

// int(str, base) for a str object / int(bytes, base) for raw bytes (no
// Unicode mapping), with CPython's messages: ValueError "invalid literal for
// int() with base 10: 'x'", "int() base must be >= 2 and <= 36, or 0", and
// the max-str-digits limit.
KrObject *krInt_from_str_object(KrThreadState *ts, KrObject *str, int base);
KrObject *krInt_from_bytes_literal(KrThreadState *ts, const char *data, KrSsize size, int base);
// Maps UTF-8 text to ASCII the way CPython does before parsing a number: any
// Unicode decimal digit becomes its ASCII digit, any Unicode space ' ', any
// other non-ASCII character '?'.  Returns a NUL-terminated buffer to release
// with krMem_free (length in *out_len), or NULL with MemoryError.
char *krNum_text_to_ascii(KrThreadState *ts, const char *s, KrSsize size, KrSsize *out_len);

// Conversions.  Any int-like (int, bool, subclass) accepted; no __index__ calls.
// -1 with OverflowError "Python int too large to convert to C long" when out of range.
int64_t krInt_as_i64(KrThreadState *ts, KrObject *o);
KrSsize krInt_as_ssize(KrThreadState *ts, KrObject *o);
// Value as an int64 if it fits (returns true), without raising.
bool krInt_to_i64(KrObject *o, int64_t *out);
double krInt_as_double(KrThreadState *ts, KrObject *o);   // OverflowError "int too large to convert to float"
// Loads the value into the initialised `out`.  Never fails.
void krInt_to_mpz(KrObject *o, mpz_t out);
// Sign: -1, 0, 1.  Never fails.
int krInt_sign(KrObject *o);
// Compares two ints: <0, 0, >0.  Never fails.
int krInt_compare(KrObject *a, KrObject *b);
// The exact-int value of an int subclass or bool (new reference).
KrObject *krInt_exact(KrThreadState *ts, KrObject *o);

// Arithmetic on ints (any int-likes; raise ZeroDivisionError etc.).  New references.
KrObject *krInt_add(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_sub(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_mul(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_floordiv(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_mod(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_neg(KrThreadState *ts, KrObject *a);
KrHash krInt_hash(KrObject *o);   // CPython's numeric hash (mod 2**61-1).  Never fails.
KrObject *krInt_divmod(KrThreadState *ts, KrObject *a, KrObject *b);   // (q, r) tuple
// a / b correctly rounded to a float (OverflowError "integer division result
// too large for a float", ZeroDivisionError "division by zero").
KrObject *krInt_truediv(KrThreadState *ts, KrObject *a, KrObject *b);
double krInt_truediv_double(KrThreadState *ts, KrObject *a, KrObject *b);   // -1.0 + exception on error
// a ** b, or pow(a, b, m) when `m` is not NULL; a negative `b` without `m`
// gives a float, with `m` a modular inverse.
KrObject *krInt_pow(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *m);
KrObject *krInt_lshift(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_rshift(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_and(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_or(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_xor(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krInt_invert(KrThreadState *ts, KrObject *a);
KrObject *krInt_abs(KrThreadState *ts, KrObject *a);
// Rich comparison of an int with an int or a float (exact); NotImplemented
// for anything else.  Never fails except MemoryError.
KrObject *krInt_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op);
// Number of bits of |o| (0 for 0).  Never fails.
size_t krInt_bit_length(KrObject *o);

// str(int) in base 10 honouring sys.set_int_max_str_digits (ValueError "Exceeds
// the limit (4300 digits) for integer string conversion; use
// sys.set_int_max_str_digits() to increase the limit").  New reference.
KrObject *krInt_to_decimal_str(KrThreadState *ts, KrObject *o);
// bin/oct/hex: base 2, 8, 16 with the "0b"/"0o"/"0x" prefix.
KrObject *krInt_to_base_str(KrThreadState *ts, KrObject *o, int base);

// The value of `cp` as a decimal digit (ASCII or any Unicode Nd character, as
// int() and format widths accept them), or -1.  Never fails.
int krInt_decimal_digit_value(uint32_t cp);

// str(o) (or format with 'd') in base 2..36 without prefix or limit checks,
// appended to `sb`; `upper` selects A-F digits.  0 or -1.
int krInt_append_digits(KrThreadState *ts, KrStrBuilder *sb, KrObject *o, int base, bool upper);
// format(o, spec) for ints (and bools).  New reference.
KrObject *krInt_format(KrThreadState *ts, KrObject *o, KrObject *spec);

// ---------------------------------------------------------------------------
// For the files of the int implementation (and fast paths elsewhere).

// A read-only mpz view of any int-like, without allocating: tagged ints are
// viewed through a limb inside the struct, so keep the struct alive while the
// view is used.
typedef struct KrIntView {
    mpz_t z;
    mp_limb_t limb;
} KrIntView;
static inline mpz_srcptr krInt_view(KrObject *o, KrIntView *v) {
    if (!kr_is_smallint(o)) return ((KrIntObject *)o)->z;
    int64_t x = kr_smallint_value(o);
    v->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
    // What mpz_roinit_n does, inline: a read-only mpz over one limb.
    v->z->_mp_alloc = 0;
    v->z->_mp_size = x < 0 ? -1 : (x != 0);
    v->z->_mp_d = &v->limb;
    return v->z;
}
// Raises MemoryError when a result of `bits` bits would be too large.  0 or -1.
int krInt_check_bits(KrThreadState *ts, size_t bits);

#define KR_INT_MAX_STR_DIGITS_DEFAULT 4300
#define KR_INT_MAX_STR_DIGITS_THRESHOLD 640

#endif
