/*
 * int_format.c — ints to text and back: repr/str, bin/oct/hex, int(str,
 * base) parsing, and int.__format__.
 *
 * Conversions in bases that are not powers of two are limited to
 * `interp->int_max_str_digits` digits (sys.set_int_max_str_digits), with
 * CPython's messages; both directions use GMP's subquadratic algorithms.
 *
 * Parsing follows CPython: the text is first mapped to ASCII (any Unicode
 * decimal digit becomes its ASCII digit, any Unicode space a ' ', anything
 * else non-ASCII a '?'), then read as: spaces, sign, optional prefix (with one
 * '_' allowed after it), digits with single '_' between them, spaces.
 *
 * Related: int.c, formatspec.c (layout of formatted numbers), float_format.c
 * (int formats e/f/g/% go through float).
 */
#include "objects/int_impl.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/formatspec.h"
#include "objects/type.h"
#include "runtime/error.h"

#define MAX_STR_DIGITS_TO_STR                                                                           \
    "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to " \
    "increase the limit"
#define MAX_STR_DIGITS_TO_INT                                                                            \
    "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; use "            \
    "sys.set_int_max_str_digits() to increase the limit"

static int64_t max_str_digits(KrThreadState *ts) { return ts->interp ? ts->interp->int_max_str_digits : 0; }

// Raises ValueError when |z| has more decimal digits than the limit.  0 or -1.
static int check_decimal_limit(KrThreadState *ts, mpz_srcptr z) {
    int64_t limit = max_str_digits(ts);
    if (limit <= 0) return 0;
    size_t n = mpz_sizeinbase(z, 10);   // exact, or one too many
    if (n <= (uint64_t)limit) return 0;
    if (n == (uint64_t)limit + 1) {
        mpz_t p;
        mpz_init(p);
        mpz_ui_pow_ui(p, 10, (unsigned long)limit);
        int c = mpz_cmpabs(z, p);
        mpz_clear(p);
        if (c < 0) return 0;
    }
    krErr_format(ts, &KrExc_ValueError, MAX_STR_DIGITS_TO_STR, (int)limit);
    return -1;
}

// Writes the digits of a tagged value's magnitude, right-aligned ending at `end`.
static char *u64_digits(uint64_t u, int base, bool upper, char *end) {
    const char *alphabet = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    do {
        *--end = alphabet[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    return end;
}

// Appends the digits of o (with '-' when negative) in `base`; `prefix`
// ("0x"...) goes after the sign.  Checks the decimal limit when `limited`.
static int append_int(KrThreadState *ts, KrStrBuilder *sb, KrObject *o, int base, bool upper, const char *prefix,
                      bool limited) {
    if (kr_is_smallint(o)) {
        int64_t v = kr_smallint_value(o);
        char buf[72];
        char *end = buf + sizeof buf;
        char *p = u64_digits(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, base, upper, end);
        if (prefix) {
            size_t n = strlen(prefix);
            p -= n;
            memcpy(p, prefix, n);
        }
        if (v < 0) *--p = '-';
        return krSB_append(ts, sb, p, end - p);
    }
    mpz_srcptr z = ((KrIntObject *)o)->z;
    if (limited && base == 10 && check_decimal_limit(ts, z) < 0) return -1;
    size_t n = mpz_sizeinbase(z, base) + 2;
    char *buf = krMem_malloc(n);
    if (!buf) {
        krErr_no_memory(ts);
        return -1;
    }
    mpz_get_str(buf, upper ? -base : base, z);
    const char *digits = buf;
    int r = 0;
    if (*digits == '-') {
        r = krSB_append(ts, sb, "-", 1);
        digits++;
    }
    if (r == 0 && prefix) r = krSB_append_cstr(ts, sb, prefix);
    if (r == 0) r = krSB_append_cstr(ts, sb, digits);
    krMem_free(buf);
    return r;
}

int krInt_append_digits(KrThreadState *ts, KrStrBuilder *sb, KrObject *o, int base, bool upper) {
    return append_int(ts, sb, o, base, upper, NULL, false);
}

KrObject *krInt_to_decimal_str(KrThreadState *ts, KrObject *o) {
    if (kr_is_smallint(o)) {
        char buf[24];
        char *end = buf + sizeof buf;
        int64_t v = kr_smallint_value(o);
        char *p = u64_digits(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, 10, false, end);
        if (v < 0) *--p = '-';
        return krStr_from_utf8(ts, p, end - p);
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    if (append_int(ts, &sb, o, 10, false, NULL, true) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

KrObject *krInt_repr(KrThreadState *ts, KrObject *o) { return krInt_to_decimal_str(ts, o); }

KrObject *krInt_to_base_str(KrThreadState *ts, KrObject *o, int base) {
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    if (append_int(ts, &sb, o, base, false, prefix, true) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

// ---------------------------------------------------------------------------
// Parsing

static bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

typedef struct {
    int base;              // the base asked for (0: from the prefix)
    bool invalid;          // not a literal: the caller raises ValueError
} ParseState;

// Reads the prefix-less digits at *p into `clean` (underscores dropped);
// returns the digit count, or -1 for a misplaced underscore.
static KrSsize scan_digits(const char **p, const char *end, int base, char *clean) {
    KrSsize n = 0;
    char prev = 0;
    const char *s = *p;
    while (s < end && (digit_value(*s) < base || *s == '_')) {
        if (*s == '_') {
            if (prev == '_') return -1;
        } else {
            clean[n++] = *s;
        }
        prev = *s++;
    }
    if (prev == '_') return -1;
    *p = s;
    clean[n] = 0;
    return n;
}

// Parses ASCII `s`.  Returns a new reference; or NULL with st->invalid set
// (no exception) for a malformed literal; or NULL with an exception.
static KrObject *parse_ascii(KrThreadState *ts, const char *s, KrSsize len, ParseState *st) {
    const char *p = s, *end = s + len;
    int base = st->base, sign = 1;
    bool error_if_nonzero = false;
    while (p < end && is_ascii_space(*p)) p++;
    if (p < end && (*p == '+' || *p == '-')) sign = *p++ == '-' ? -1 : 1;
    char c1 = p + 1 < end ? (char)(p[1] | 0x20) : 0;
    if (base == 0) {
        if (p >= end || *p != '0') base = 10;
        else if (c1 == 'x') base = 16;
        else if (c1 == 'o') base = 8;
        else if (c1 == 'b') base = 2;
        else {
            error_if_nonzero = true;   // an old-style octal literal: only zero is valid
            base = 10;
        }
    }
    if (p < end && *p == '0' && ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b'))) {
        p += 2;
        if (p < end && *p == '_') p++;
    }
    if (p < end && *p == '_') return st->invalid = true, NULL;
    char *clean = krMem_malloc((size_t)(end - p) + 1);
    if (!clean) return krErr_no_memory(ts);
    KrSsize ndigits = scan_digits(&p, end, base, clean);
    KrObject *result = NULL;
    if (ndigits < 0) {
        st->invalid = true;
        goto done;
    }
    int64_t limit = max_str_digits(ts);
    if ((base & (base - 1)) != 0 && ndigits > KR_INT_MAX_STR_DIGITS_THRESHOLD && limit > 0 && ndigits > limit) {
        krErr_format(ts, &KrExc_ValueError, MAX_STR_DIGITS_TO_INT, (int)limit, ndigits);
        goto done;
    }
    while (p < end && is_ascii_space(*p)) p++;
    if (ndigits == 0 || p != end) {
        st->invalid = true;
        goto done;
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, clean, base);   // cannot fail: `clean` holds only valid digits
    if (error_if_nonzero && mpz_sgn(z) != 0) {
        mpz_clear(z);
        st->invalid = true;
        goto done;
    }
    if (sign < 0) mpz_neg(z, z);
    result = krInt_from_mpz_steal(ts, z);
done:
    krMem_free(clean);
    return result;
}

static int check_base(KrThreadState *ts, int base) {
    if ((base != 0 && base < 2) || base > 36) {
        krErr_set_string(ts, &KrExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return -1;
    }
    return 0;
}

// Raises "invalid literal for int() with base B: <repr of what>" (repr cut
// to 200 characters, as CPython's %.200R).
static KrObject *invalid_literal(KrThreadState *ts, int base, KrObject *what) {
    KrObject *r = krObj_repr(ts, what);
    if (!r) return NULL;
    if (krStr_len(r) > 200) {
        KrObject *cut = krStr_substring(ts, r, 0, 200);
        kr_decref(r);
        if (!cut) return NULL;
        r = cut;
    }
    krErr_format(ts, &KrExc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    kr_decref(r);
    return NULL;
}

// int(str, base): `str` is a str object.
KrObject *krInt_from_str_object(KrThreadState *ts, KrObject *str, int base) {
    if (check_base(ts, base) < 0) return NULL;
    KrSsize n;
    char *ascii = krNum_text_to_ascii(ts, krStr_utf8(str), krStr_size(str), &n);
    if (!ascii) return NULL;
    ParseState st = {base, false};
    KrObject *r = parse_ascii(ts, ascii, n, &st);
    krMem_free(ascii);
    if (!r && st.invalid) return invalid_literal(ts, base, str);
    return r;
}

// int(bytes, base): the bytes are parsed as they are (no Unicode mapping).
KrObject *krInt_from_bytes_literal(KrThreadState *ts, const char *data, KrSsize size, int base) {
    if (check_base(ts, base) < 0) return NULL;
    ParseState st = {base, false};
    KrObject *r = parse_ascii(ts, data, size, &st);
    if (!r && st.invalid) {
        KrObject *b = krBytes_from_data(ts, data, size);
        if (!b) return NULL;
        invalid_literal(ts, base, b);
        kr_decref(b);
    }
    return r;
}

KrObject *krInt_from_string(KrThreadState *ts, const char *s, KrSsize len, int base) {
    KrObject *str = krStr_from_utf8(ts, s, len);
    if (!str) return NULL;
    KrObject *r = krInt_from_str_object(ts, str, base);
    kr_decref(str);
    return r;
}

// ---------------------------------------------------------------------------
// __format__

static int format_char(KrThreadState *ts, KrStrBuilder *sb, KrObject *o, const KrFormatSpec *spec) {
    if (spec->sign) {
        krErr_set_string(ts, &KrExc_ValueError, "Sign not allowed with integer format specifier 'c'");
        return -1;
    }
    if (spec->alternate) {
        krErr_set_string(ts, &KrExc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        return -1;
    }
    int64_t v = krInt_as_i64(ts, o);
    if (v == -1 && krErr_occurred(ts)) return -1;
    if (v < 0 || v > 0x10FFFF) {
        krErr_set_string(ts, &KrExc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    char buf[4];
    int n = krUtf8_encode((uint32_t)v, buf);
    return krFormatSpec_pad(ts, sb, spec, buf, n, 1, 0);
}

static int format_integer(KrThreadState *ts, KrStrBuilder *sb, KrObject *o, const KrFormatSpec *spec) {
    if (spec->precision != -1) {
        krErr_set_string(ts, &KrExc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (spec->no_neg_zero) {
        krErr_set_string(ts, &KrExc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (spec->type == 'c') return format_char(ts, sb, o, spec);
    int base = 10;
    const char *prefix = NULL;
    switch (spec->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    KrStrBuilder digits;
    krSB_init(&digits);
    KrObject *mag = krInt_abs(ts, o);
    if (!mag || append_int(ts, &digits, mag, base, false, NULL, true) < 0) {
        kr_xdecref(mag);
        krSB_discard(&digits);
        return -1;
    }
    KrNumberParts parts = {
        .negative = krInt_sign(o) < 0,
        .prefix = spec->alternate ? prefix : NULL,
        .digits = digits.buf,
        .ndigits = digits.size,
        .upper = spec->type == 'X',
    };
    int r = krFormatSpec_number(ts, sb, spec, &parts);
    kr_decref(mag);
    krSB_discard(&digits);
    return r;
}

KrObject *krInt_format(KrThreadState *ts, KrObject *o, KrObject *spec) {
    if (!spec || krStr_len(spec) == 0) {
        if (krInt_check_exact(o)) return krInt_to_decimal_str(ts, o);
        return krObj_str(ts, o);
    }
    KrFormatSpec fs;
    if (krFormatSpec_parse(ts, spec, o, 'd', '>', &fs) < 0) return NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    int r;
    switch (fs.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        r = format_integer(ts, &sb, o, &fs);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = krInt_as_double(ts, o);
        r = (d == -1.0 && krErr_occurred(ts)) ? -1 : krFloat_format_spec_double(ts, &sb, d, &fs);
        break;
    }
    default:
        r = krFormatSpec_unknown_code(ts, &fs, krType_name(KR_TYPE(o)));
        break;
    }
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}
