/*
 * mathutil.h — helpers of the math module shared with cmath and other
 * numeric modules (math.c owns them).
 */
#ifndef KR_MATHUTIL_H
#define KR_MATHUTIL_H

#include <gmp.h>

#include "objects/object.h"

// float(o) for a math function argument, with fast paths for floats and
// small ints: 0, or -1 with TypeError "must be real number, not X".
int krMath_to_double(KrThreadState *ts, KrObject *o, double *out);
// atan2/log/log10 with C99 Annex F special values on every platform; log and
// log10 set errno = EDOM for arguments <= 0.  Never fail.
double krMath_atan2(double y, double x);
double krMath_log(double x);
double krMath_log10(double x);
// r = lo * (lo+1) * ... * (lo+count-1), by balanced splitting.  Never fails
// (the caller bounds the size).
void krMath_range_product(mpz_t r, mpz_srcptr lo, unsigned long count);

#endif
