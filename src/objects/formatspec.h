/*
 * formatspec.h — the format-specification mini-language
 * ([[fill]align][sign][z][#][0][width][grouping][.precision][type]), parsed
 * once and shared by int, float, complex and str __format__, and the padding
 * helpers they all use.
 *
 * Numbers are laid out as CPython does:
 *   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
 * where only one of the paddings is non-empty, and with fill '0' and '='
 * alignment the padding becomes leading zeros of the grouped digits
 * (format(1234, '010,') == '00,001,234').
 *
 * Formatting always uses the C locale: 'n' groups nothing and uses '.'.
 * Owner of: formatspec.c.
 */
#ifndef KR_FORMATSPEC_H
#define KR_FORMATSPEC_H

#include "objects/object.h"
#include "objects/str.h"

typedef struct KrFormatSpec {
    uint32_t fill;                 // code point, default ' '
    char align;                    // '<', '>', '=', '^' (the caller's default when not given)
    bool align_given;              // an alignment character was present
    char sign;                     // '+', '-', ' ', or 0
    bool no_neg_zero;              // 'z'
    bool alternate;                // '#'
    bool zero_pad;                 // '0' before width
    KrSsize width;                 // -1 when absent
    char grouping;                 // ',', '_', or 0
    int group_size;                // 3, or 4 for '_' with b/o/x/X
    KrSsize precision;             // -1 when absent
    uint32_t type;                 // presentation type code point (the caller's default when absent)
} KrFormatSpec;

// Parses `spec` (a str; NULL means "") for formatting `obj`, whose type name
// appears in "Invalid format specifier 'x' for object of type 'T'".
// `default_type` is the presentation type used when none is given ('s' for
// str, 'd' for int, 0 for float and complex) — it matters for the grouping
// checks; `default_align` is '<' for strings and '>' for numbers.  0, or -1
// with ValueError ("Invalid format specifier ...", "Format specifier missing
// precision", "Cannot specify ',' with 's'.", "Too many decimal digits in
// format string", ...).
int krFormatSpec_parse(KrThreadState *ts, KrObject *spec, KrObject *obj, uint32_t default_type, char default_align,
                       KrFormatSpec *out);
// Appends `body` (UTF-8, `size` bytes, `len` code points) padded to
// spec->width with the fill and alignment ('<': pad right, '>': pad left, '^':
// centre with the extra fill on the right; '=': the `prefix_size` leading bytes
// — sign and base prefix — go before the padding).  0 or -1 (MemoryError).
int krFormatSpec_pad(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const char *body,
                     KrSsize size, KrSsize len, KrSsize prefix_size);
// Raises ValueError "Unknown format code 'x' for object of type 'str'".  Returns -1.
int krFormatSpec_unknown_code(KrThreadState *ts, const KrFormatSpec *spec, const char *type_name);

// The pieces of a formatted number, all ASCII.
typedef struct KrNumberParts {
    bool negative;                 // the sign to show is '-'
    const char *prefix;            // "0x", "0b", "0o" or NULL
    const char *digits;            // integer-part digits (grouped); may be empty for 'c'
    KrSsize ndigits;
    bool has_decimal;              // a '.' follows the digits
    const char *remainder;         // what follows the '.': fraction, exponent, '%' (or NULL)
    KrSsize nremainder;
    bool upper;                    // upper-case prefix and digits ('X')
} KrNumberParts;
// Appends the number laid out by `spec` (sign option, grouping, width, fill,
// alignment, zero padding).  0 or -1 (MemoryError).
int krFormatSpec_number(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const KrNumberParts *parts);
// Appends `len` copies of code point `cp`.  0 or -1.
int krFormatSpec_fill(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp, KrSsize len);

#endif
