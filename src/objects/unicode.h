/*
 * unicode.h — character classification and case mapping with CPython 3.11's
 * semantics (str.isalpha, str.upper, ...), built on utf8proc's tables plus the
 * generated exception tables of unicode_tables.h where Python's definitions
 * (Unicode 14 derived properties, full SpecialCasing mappings) differ.
 *
 * All functions take a code point (surrogates allowed) and never fail.
 * ASCII has an inline fast path through kr_ascii_ctype.
 * Owner of: unicode.c.
 */
#ifndef KR_UNICODE_H
#define KR_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

enum {
    KR_CT_ALPHA = 1 << 0, KR_CT_DIGIT = 1 << 1, KR_CT_SPACE = 1 << 2, KR_CT_LOWER = 1 << 3,
    KR_CT_UPPER = 1 << 4, KR_CT_PRINT = 1 << 5, KR_CT_IDSTART = 1 << 6, KR_CT_IDCONT = 1 << 7,
};
// Flags of each ASCII character (Python's semantics for str).
extern const uint8_t kr_ascii_ctype[128];

bool krUnicode_isalpha_slow(uint32_t c);
bool krUnicode_isdecimal(uint32_t c);
bool krUnicode_isdigit(uint32_t c);
bool krUnicode_isnumeric(uint32_t c);
bool krUnicode_isspace_slow(uint32_t c);
bool krUnicode_isprintable(uint32_t c);
bool krUnicode_islower(uint32_t c);       // the Lowercase property
bool krUnicode_isupper(uint32_t c);       // the Uppercase property
bool krUnicode_istitle(uint32_t c);       // category Lt
bool krUnicode_iscased(uint32_t c);
bool krUnicode_iscase_ignorable(uint32_t c);
bool krUnicode_isxid_start(uint32_t c);   // includes '_'
bool krUnicode_isxid_continue(uint32_t c);
bool krUnicode_isalnum(uint32_t c);
// Line boundaries of str.splitlines (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029).
bool krUnicode_islinebreak(uint32_t c);
// Decimal digit value (0-9) of a Unicode decimal digit, or -1.
int krUnicode_decimal(uint32_t c);
// Digit value (0-9) of a character with the digit property, or -1.
int krUnicode_digit(uint32_t c);

static inline bool krUnicode_isspace(uint32_t c) {
    return c < 128 ? (kr_ascii_ctype[c] & KR_CT_SPACE) != 0 : krUnicode_isspace_slow(c);
}
static inline bool krUnicode_isalpha(uint32_t c) {
    return c < 128 ? (kr_ascii_ctype[c] & KR_CT_ALPHA) != 0 : krUnicode_isalpha_slow(c);
}

// Full case mappings (one code point may map to up to 3): write into `out`
// and return the count.
int krUnicode_lower_full(uint32_t c, uint32_t out[3]);
int krUnicode_upper_full(uint32_t c, uint32_t out[3]);
int krUnicode_title_full(uint32_t c, uint32_t out[3]);
int krUnicode_fold_full(uint32_t c, uint32_t out[3]);
// Simple (one to one) mappings.
uint32_t krUnicode_tolower(uint32_t c);
uint32_t krUnicode_toupper(uint32_t c);

#endif
