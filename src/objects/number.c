/*
 * number.c — the number conversions of abstract.h: operator.index(),
 * __index__ as a C size, int(x) and float(x) for arbitrary objects, and the
 * Unicode decimal-digit lookup shared by int(), float() and format specs.
 *
 * Related: int.c, float.c, abstract.h.
 */
#include <utf8proc.h>

#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/exc.h"

int krInt_decimal_digit_value(uint32_t cp) {
    if (cp < 128) return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    if (utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_ND) return -1;
    // Unicode assigns Nd characters in contiguous runs of ten, 0 to 9, so the
    // value is the distance from the start of the run modulo ten.
    uint32_t start = cp;
    while (start > 0 && utf8proc_category((utf8proc_int32_t)(start - 1)) == UTF8PROC_CATEGORY_ND) start--;
    return (int)((cp - start) % 10);
}
