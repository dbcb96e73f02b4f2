/*
 * float_parse.c — text to float: float(str) and float(bytes), the literal
 * reader complex() shares, and float.hex() / float.fromhex().
 *
 * float(s) follows CPython: map the text to ASCII (Unicode digits and spaces,
 * see krNum_text_to_ascii), strip spaces, check and drop underscores (each
 * must sit between two digits), then the whole rest must be one literal:
 * [sign] (digits [. digits] | . digits) [e [sign] digits], or inf, infinity,
 * nan in any case.  The validated literal is converted by glibc's strtod,
 * which rounds correctly.  (Formatting and parsing assume the C locale's '.'.)
 *
 * Related: float.c, float_format.c, complex.c, number.c.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "objects/float.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "objects/exc.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Case-insensitive match of the lower-case ASCII `word` at [p, end).
static bool match_word(const char *p, const char *end, const char *word) {
    for (; *word; word++, p++)
        if (p >= end || (*p | 0x20) != *word) return false;
    return true;
}

int krFloat_parse_prefix(KrThreadState *ts, const char *s, const char *end, const char **endp, double *out) {
    const char *p = s;
    bool negative = false;
    *endp = s;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    if (match_word(p, end, "inf")) {
        p += match_word(p, end, "infinity") ? 8 : 3;
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        *endp = p;
        return 0;
    }
    if (match_word(p, end, "nan")) {
        *out = negative ? -NAN : NAN;
        *endp = p + 3;
        return 0;
    }
    int ndigits = 0;
    while (p < end && is_digit(*p)) p++, ndigits++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && is_digit(*p)) p++, ndigits++;
    }
    if (ndigits == 0) return 0;
    if (p < end && (*p | 0x20) == 'e') {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) q++;
        if (q < end && is_digit(*q)) {
            while (q < end && is_digit(*q)) q++;
            p = q;
        }
    }
    // strtod needs a NUL-terminated copy.
    size_t n = (size_t)(p - s);
    char local[128];
    char *copy = n < sizeof local ? local : krMem_malloc(n + 1);
    if (!copy) {
        krErr_no_memory(ts);
        return -1;
    }
    memcpy(copy, s, n);
    copy[n] = 0;
    *out = strtod(copy, NULL);
    if (copy != local) krMem_free(copy);
    *endp = p;
    return 0;
}

KrSsize krFloat_remove_underscores(const char *s, KrSsize len, char *out) {
    char prev = 0;
    KrSsize n = 0;
    for (KrSsize i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            if (!is_digit(prev)) return -1;   // only after a digit
        } else {
            if (prev == '_' && !is_digit(c)) return -1;   // and only before one
            out[n++] = c;
        }
        prev = c;
    }
    if (prev == '_') return -1;
    return n;
}

// Parses ASCII [s, s+len) as float() does.  Returns 1 and *out on success, 0
// when it is not a float literal, -1 on MemoryError.
static int parse_ascii(KrThreadState *ts, const char *s, KrSsize len, double *out) {
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    if (s == end) return 0;
    char *clean = NULL;
    if (memchr(s, '_', (size_t)(end - s))) {
        clean = krMem_malloc((size_t)(end - s));
        if (!clean) {
            krErr_no_memory(ts);
            return -1;
        }
        KrSsize n = krFloat_remove_underscores(s, end - s, clean);
        if (n < 0) {
            krMem_free(clean);
            return 0;
        }
        s = clean;
        end = clean + n;
    }
    const char *stop;
    int r = krFloat_parse_prefix(ts, s, end, &stop, out);
    if (r == 0) r = (stop == end && stop != s) ? 1 : 0;
    krMem_free(clean);
    return r;
}

static KrObject *cannot_convert(KrThreadState *ts, KrObject *o) {
    krErr_format(ts, &KrExc_ValueError, "could not convert string to float: %R", o);
    return NULL;
}

// float(text) for UTF-8 `s`; `orig` (may be NULL) is shown in the error.
static KrObject *from_text(KrThreadState *ts, const char *s, KrSsize size, KrObject *orig) {
    KrSsize n;
    char *ascii = krNum_text_to_ascii(ts, s, size, &n);
    if (!ascii) return NULL;
    double v;
    int r = parse_ascii(ts, ascii, n, &v);
    krMem_free(ascii);
    if (r < 0) return NULL;
    if (r == 0) {
        if (orig) return cannot_convert(ts, orig);
        KrObject *str = krStr_from_utf8(ts, s, size);
        if (str) {
            cannot_convert(ts, str);
            kr_decref(str);
        }
        return NULL;
    }
    return krFloat_new(ts, v);
}

KrObject *krFloat_from_string(KrThreadState *ts, const char *s, KrSsize len) { return from_text(ts, s, len, NULL); }

KrObject *krFloat_from_str_object(KrThreadState *ts, KrObject *o) {
    if (krStr_check(o)) return from_text(ts, krStr_utf8(o), krStr_size(o), o);
    const char *data;
    KrSsize size;
    if (krBytes_check(o) || krByteArray_check(o) || krBytes_as_buffer(ts, o, &data, &size) == 0) {
        if (krBytes_as_buffer(ts, o, &data, &size) < 0) return NULL;
        double v;
        int r = parse_ascii(ts, data, size, &v);
        if (r < 0) return NULL;
        return r ? krFloat_new(ts, v) : cannot_convert(ts, o);
    }
    if (!krErr_matches(ts, &KrExc_TypeError)) return NULL;
    krErr_clear(ts);
    krErr_format(ts, &KrExc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                 krType_name(KR_TYPE(o)));
    return NULL;
}

// ---------------------------------------------------------------------------
// Exact scaling of big integers

int krFloat_from_scaled_mpz(mpz_srcptr m, int64_t e2, double *out) {
    int64_t nbits = (int64_t)mpz_sizeinbase(m, 2);
    int64_t top = nbits - 1 + e2;   // 2**top <= m * 2**e2 < 2**(top+1)
    if (top >= DBL_MAX_EXP) return -1;
    if (top < DBL_MIN_EXP - DBL_MANT_DIG - 1) {   // below half the smallest subnormal
        *out = 0.0;
        return 0;
    }
    int64_t lsb = top - (DBL_MANT_DIG - 1);
    if (lsb < DBL_MIN_EXP - DBL_MANT_DIG) lsb = DBL_MIN_EXP - DBL_MANT_DIG;   // subnormals keep fewer bits
    int64_t shift = lsb - e2;
    if (shift <= 0) {
        *out = ldexp(mpz_get_d(m), (int)e2);   // at most 53 bits: exact
        return 0;
    }
    mpz_t q;
    mpz_init(q);
    mpz_fdiv_q_2exp(q, m, (mp_bitcnt_t)shift);
    bool half = mpz_tstbit(m, (mp_bitcnt_t)shift - 1);
    bool sticky = (int64_t)mpz_scan1(m, 0) < shift - 1;
    if (half && (sticky || mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    double d = ldexp(mpz_get_d(q), (int)lsb);
    mpz_clear(q);
    if (isinf(d)) return -1;
    *out = d;
    return 0;
}

// ---------------------------------------------------------------------------
// hex / fromhex

KrObject *krFloat_hex(KrThreadState *ts, double x) {
    if (isnan(x) || isinf(x)) return krFloat_repr_str(ts, x);
    if (x == 0.0) return krStr_from_cstr(ts, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    const char *hex = "0123456789abcdef";
    s[si++] = hex[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hex[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    return krStr_from_format(ts, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static KrObject *hex_error(KrThreadState *ts) {
    krErr_set_string(ts, &KrExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

// The value of hex digits [start, stop) (a '.' among them is skipped) times
// 2**e2, correctly rounded.
static KrObject *hex_value_of(KrThreadState *ts, const char *start, const char *stop, int64_t e2, bool negative) {
    char *digits = krMem_malloc((size_t)(stop - start) + 1);
    if (!digits) return krErr_no_memory(ts);
    size_t n = 0;
    for (const char *p = start; p < stop; p++)
        if (*p != '.') digits[n++] = *p;
    digits[n] = 0;
    mpz_t m;
    mpz_init(m);
    mpz_set_str(m, digits, 16);
    krMem_free(digits);
    double v = 0.0;
    int r = mpz_sgn(m) ? krFloat_from_scaled_mpz(m, e2, &v) : 0;
    mpz_clear(m);
    if (r < 0) {
        krErr_set_string(ts, &KrExc_OverflowError, "hexadecimal value too large to represent as a float");
        return NULL;
    }
    return krFloat_new(ts, negative ? -v : v);
}

// Parses [s, end) after leading spaces; returns the float or NULL.
static KrObject *parse_hex(KrThreadState *ts, const char *s, const char *end) {
    const char *p = s;
    bool negative = false;
    if (p < end && (*p == '-' || *p == '+')) negative = *p++ == '-';
    if (match_word(p, end, "inf") || match_word(p, end, "nan")) {
        double special = match_word(p, end, "nan") ? NAN : negative ? -HUGE_VAL : HUGE_VAL;
        p += match_word(p, end, "infinity") ? 8 : 3;
        while (p < end && is_space(*p)) p++;
        return p == end ? krFloat_new(ts, special) : hex_error(ts);
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
    const char *coeff = p;
    int64_t ndigits = 0, fdigits = 0;
    while (p < end && hex_value(*p) >= 0) p++, ndigits++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && hex_value(*p) >= 0) p++, ndigits++, fdigits++;
    }
    const char *coeff_end = p;
    if (ndigits == 0) return hex_error(ts);
    int64_t exp = 0;
    if (p < end && (*p | 0x20) == 'p') {
        p++;
        bool eneg = false;
        if (p < end && (*p == '-' || *p == '+')) eneg = *p++ == '-';
        if (p >= end || !is_digit(*p)) return hex_error(ts);
        for (; p < end && is_digit(*p); p++)
            if (exp < ((int64_t)1 << 50)) exp = exp * 10 + (*p - '0');   // beyond any finite result anyway
        if (eneg) exp = -exp;
    }
    while (p < end && is_space(*p)) p++;
    if (p != end) return hex_error(ts);
    return hex_value_of(ts, coeff, coeff_end, exp - 4 * fdigits, negative);
}

KrObject *krFloat_fromhex(KrThreadState *ts, KrObject *str) {
    if (!krStr_check(str)) {
        krErr_set_string(ts, &KrExc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    const char *s = krStr_utf8(str), *end = s + krStr_size(str);
    while (s < end && is_space(*s)) s++;
    return parse_hex(ts, s, end);
}
