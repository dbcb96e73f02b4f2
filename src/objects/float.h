/*
 * float.h — Python's float (a boxed double, allocated from a free list) and
 * complex.  repr is the shortest string that round-trips, as CPython's.
 *
 * Owner of: float.c, float_format.c (repr, format specs), complex.c.
 */
#ifndef KR_FLOAT_H
#define KR_FLOAT_H

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
// float(x) value of any number (float, int, __float__, __index__): -1.0 with an
// exception set on failure (check krErr_occurred).
double krFloat_as_double(KrThreadState *ts, KrObject *o);
// Parses like float(str): ValueError "could not convert string to float: 'x'".
KrObject *krFloat_from_string(KrThreadState *ts, const char *s, KrSsize len);
// Writes Python's repr of `v` ("1.0", "1e+100", "inf", "nan") into buf (>= 32 bytes).  Returns length.
int krFloat_repr_buf(double v, char *buf);
KrObject *krFloat_repr_str(KrThreadState *ts, double v);
KrHash krFloat_hash_double(double v);   // CPython's numeric hash.  Never fails.

static inline bool krComplex_check(const KrObject *o) {
    return kr_type_check(o, &KrComplex_Type);
}
KrObject *krComplex_new(KrThreadState *ts, double real, double imag);

#endif
