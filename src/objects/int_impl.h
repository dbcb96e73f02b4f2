/*
 * int_impl.h — what the files of the int implementation (int.c, int_ops.c,
 * int_methods.c, int_format.c, bool.c) share and nobody else needs.
 */
#ifndef KR_INT_IMPL_H
#define KR_INT_IMPL_H

#include "objects/int.h"

// The method and attribute tables of int (int_methods.c).
extern const KrMethodDef krInt_methods[];
extern const KrGetSetDef krInt_getset[];

// int.__new__ (int_methods.c).
KrObject *krInt_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                       KrObject *kwnames);
// repr(int) (int_format.c).
KrObject *krInt_repr(KrThreadState *ts, KrObject *o);

// Python's floor division and modulo of two tagged values (b != 0).
static inline int64_t kr_floordiv_i64(int64_t a, int64_t b) {
    int64_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t kr_mod_i64(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

#endif
