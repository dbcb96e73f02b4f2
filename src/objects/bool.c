/*
 * bool.c — bool, the subclass of int with exactly two instances.
 *
 * True and False are static, immortal heap ints whose GMP values point at
 * static limbs, so they are ready before any allocator exists and are never
 * freed.  bool cannot be subclassed.  Everything but repr, the constructor
 * and & | ^ (which stay bool between bools) is int's.
 *
 * Related: int.c, object.h (KR_TRUE / KR_FALSE, kr_bool).
 */
#include "objects/int_impl.h"
#include "objects/abstract.h"
#include "runtime/error.h"
#include "objects/exc.h"
#include "objects/tuple.h"

static mp_limb_t true_limb = 1, false_limb = 0;

KrIntObject kr_true_struct = {KR_STATIC_HEAD(&KrBool_Type), {{._mp_alloc = 1, ._mp_size = 1, ._mp_d = &true_limb}}};
KrIntObject kr_false_struct = {KR_STATIC_HEAD(&KrBool_Type), {{._mp_alloc = 1, ._mp_size = 0, ._mp_d = &false_limb}}};

static KrObject *bool_repr(KrThreadState *ts, KrObject *self) {
    return krStr_intern_cstr(ts, self == KR_TRUE ? "True" : "False");   // immortal
}

static KrObject *bool_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        krErr_set_string(ts, &KrExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        krErr_format(ts, &KrExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0) return KR_FALSE;
    int t = krObj_is_true(ts, args[0]);
    if (t < 0) return NULL;
    return kr_bool(t);
}

static KrObject *bool_and(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (krBool_check(a) && krBool_check(b)) return kr_bool(a == KR_TRUE && b == KR_TRUE);
    if (!krInt_check(a) || !krInt_check(b)) return KR_NOTIMPLEMENTED;
    return krInt_and(ts, a, b);
}

static KrObject *bool_or(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (krBool_check(a) && krBool_check(b)) return kr_bool(a == KR_TRUE || b == KR_TRUE);
    if (!krInt_check(a) || !krInt_check(b)) return KR_NOTIMPLEMENTED;
    return krInt_or(ts, a, b);
}

static KrObject *bool_xor(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (krBool_check(a) && krBool_check(b)) return kr_bool(a != b);
    if (!krInt_check(a) || !krInt_check(b)) return KR_NOTIMPLEMENTED;
    return krInt_xor(ts, a, b);
}

KrTypeObject KrBool_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "bool",
    .tp_basicsize = sizeof(KrIntObject),
    .tp_flags = KR_TPFLAGS_INT_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_new = bool_new,
    .tp_repr = bool_repr,
    .nb_and = bool_and,
    .nb_or = bool_or,
    .nb_xor = bool_xor,
    .tp_base = &KrInt_Type,
};
