/*
 * formatspec.h — the format-specification mini-language
 * ([[fill]align][sign][z][#][0][width][grouping][.precision][type]), parsed
 * once and shared by int, float, complex and str __format__, and the padding
 * helper they all use.
 * Owner of: formatspec.c.
 */
#ifndef KR_FORMATSPEC_H
#define KR_FORMATSPEC_H

#include "objects/object.h"
#include "objects/str.h"

typedef struct KrFormatSpec {
    uint32_t fill;                 // code point, default ' '
    char align;                    // '<', '>', '=', '^', or 0 (type's default)
    char sign;                     // '+', '-', ' ', or 0
    bool no_neg_zero;              // 'z'
    bool alternate;                // '#'
    bool zero_pad;                 // '0' before width
    KrSsize width;                 // -1 when absent
    char grouping;                 // ',', '_', or 0
    KrSsize precision;             // -1 when absent
    uint32_t type;                 // presentation type code point, or 0
} KrFormatSpec;

// Parses `spec` (a str; NULL means "").  `default_align` is '<' for strings and
// '>' for numbers.  0, or -1 with ValueError ("Invalid format specifier",
// "Format specifier missing precision", ...).
int krFormatSpec_parse(KrThreadState *ts, KrObject *spec, char default_align, KrFormatSpec *out);
// Appends `body` (UTF-8, `len` code points) padded to spec->width with the fill
// and alignment (for '=' the `prefix_len` leading bytes — sign and base prefix —
// go before the padding).  0 or -1.
int krFormatSpec_pad(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const char *body,
                     KrSsize size, KrSsize len, KrSsize prefix_size);
// Raises ValueError "Unknown format code 'x' for object of type 'str'".  Returns -1.
int krFormatSpec_unknown_code(KrThreadState *ts, const KrFormatSpec *spec, const char *type_name);

#endif
