/*
 * typeslots.c — special method names <-> type slots.
 *
 * SLOTDEFS below is the single table.  Each entry names a special method, the
 * slot it maps to, the function a class's slot gets when the class defines the
 * method in Python ("heap slot function"), and the wrapper that exposes a
 * built-in slot as a method.  Several names can share a slot (__add__ and
 * __radd__ both live in nb_add; __setitem__ and __delitem__ in
 * mp_ass_subscript), and one name can feed several slots (__add__ is also
 * sq_concat for built-in sequences).
 *
 * Binary operator slots receive their operands in either order (the
 * dispatcher in abstract.c calls both operands' slots), so the heap slot
 * functions work out whether `self` is the left or the right operand, as
 * CPython's SLOT1BINFULL does.
 */
#include <stddef.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

typedef KrObject *(*WrapperFunc)(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 void *wrapped, const char *name);

typedef struct SlotDef {
    const char *name;
    size_t offset;        // of the slot in KrTypeObject
    void *heap_func;      // slot function for classes, or NULL
    WrapperFunc wrapper;  // wraps the built-in slot, or NULL
    KrObject **name_obj;  // interned name, filled at start-up
} SlotDef;

#define SLOT_PTR(type, off) ((void **)((char *)(type) + (off)))

// ---------------------------------------------------------------------------
// Calling special methods from slots

// Looks up `name` on the type of self and calls it bound to self.  *found is
// set to 0 (and NULL returned without exception) when the type lacks it.
static KrObject *call_special(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *const *args,
                              KrSsize nargs, int *found) {
    return krObj_call_special(ts, self, name, args, nargs, found);
}

static KrObject *call_special_required(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *const *args,
                                       KrSsize nargs) {
    int found;
    KrObject *r = call_special(ts, self, name, args, nargs, &found);
    if (!found) krErr_set_object(ts, &KrExc_AttributeError, name);
    return r;
}

// Calls `name` if the type has it, else NotImplemented.
static KrObject *call_maybe(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *other) {
    int found;
    KrObject *r = call_special(ts, self, name, &other, 1, &found);
    if (!found) return kr_newref(KR_NOTIMPLEMENTED);
    return r;
}

// Does type(right) define `name` differently from type(left)?
static bool method_is_overloaded(KrObject *left, KrObject *right, KrObject *name) {
    KrObject *b = krType_lookup(KR_TYPE(right), name);
    if (!b) return false;
    return krType_lookup(KR_TYPE(left), name) != b;
}

static KrObject *binary_slot(KrThreadState *ts, KrObject *self, KrObject *other, size_t off, void *func,
                             KrObject *opname, KrObject *ropname) {
    KrTypeObject *ts_self = KR_TYPE(self), *ts_other = KR_TYPE(other);
    bool do_other = ts_self != ts_other && *SLOT_PTR(ts_other, off) == func;
    if (*SLOT_PTR(ts_self, off) == func) {
        if (do_other && krType_is_subtype(ts_other, ts_self) && method_is_overloaded(self, other, ropname)) {
            KrObject *r = call_maybe(ts, other, ropname, self);
            if (r != KR_NOTIMPLEMENTED) return r;
            kr_decref(r);
            do_other = false;
        }
        KrObject *r = call_maybe(ts, self, opname, other);
        if (r != KR_NOTIMPLEMENTED || ts_other == ts_self) return r;
        kr_decref(r);
    }
    if (do_other) return call_maybe(ts, other, ropname, self);
    return kr_newref(KR_NOTIMPLEMENTED);
}

#define BINARY_SLOT(FUNC, FIELD, OP, ROP)                                                              \
    static KrObject *FUNC(KrThreadState *ts, KrObject *self, KrObject *other) {                        \
        return binary_slot(ts, self, other, offsetof(KrTypeObject, FIELD), (void *)FUNC, KR_ID(OP),   \
                           KR_ID(ROP));                                                                \
    }

BINARY_SLOT(slot_nb_add, nb_add, __add__, __radd__)
BINARY_SLOT(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
BINARY_SLOT(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
BINARY_SLOT(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
BINARY_SLOT(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
BINARY_SLOT(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
BINARY_SLOT(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
BINARY_SLOT(slot_nb_and, nb_and, __and__, __rand__)
BINARY_SLOT(slot_nb_xor, nb_xor, __xor__, __rxor__)
BINARY_SLOT(slot_nb_or, nb_or, __or__, __ror__)
BINARY_SLOT(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
BINARY_SLOT(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
BINARY_SLOT(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)

// Three-argument pow only dispatches on the left operand, as in CPython.
static KrObject *slot_nb_power(KrThreadState *ts, KrObject *self, KrObject *other, KrObject *mod) {
    if (mod == KR_NONE)
        return binary_slot(ts, self, other, offsetof(KrTypeObject, nb_power), (void *)slot_nb_power,
                           KR_ID(__pow__), KR_ID(__rpow__));
    if (KR_TYPE(self)->nb_power == slot_nb_power) {
        KrObject *args[2] = {other, mod};
        int found;
        KrObject *r = call_special(ts, self, KR_ID(__pow__), args, 2, &found);
        if (found) return r;
    }
    return kr_newref(KR_NOTIMPLEMENTED);
}

#define INPLACE_SLOT(FUNC, OP)                                                        \
    static KrObject *FUNC(KrThreadState *ts, KrObject *self, KrObject *other) {       \
        return call_maybe(ts, self, KR_ID(OP), other);                                \
    }

INPLACE_SLOT(slot_nb_inplace_add, __iadd__)
INPLACE_SLOT(slot_nb_inplace_subtract, __isub__)
INPLACE_SLOT(slot_nb_inplace_multiply, __imul__)
INPLACE_SLOT(slot_nb_inplace_remainder, __imod__)
INPLACE_SLOT(slot_nb_inplace_lshift, __ilshift__)
INPLACE_SLOT(slot_nb_inplace_rshift, __irshift__)
INPLACE_SLOT(slot_nb_inplace_and, __iand__)
INPLACE_SLOT(slot_nb_inplace_xor, __ixor__)
INPLACE_SLOT(slot_nb_inplace_or, __ior__)
INPLACE_SLOT(slot_nb_inplace_floor_divide, __ifloordiv__)
INPLACE_SLOT(slot_nb_inplace_true_divide, __itruediv__)
INPLACE_SLOT(slot_nb_inplace_matrix_multiply, __imatmul__)

static KrObject *slot_nb_inplace_power(KrThreadState *ts, KrObject *self, KrObject *other, KrObject *mod) {
    return call_maybe(ts, self, KR_ID(__ipow__), other);
}

#define UNARY_SLOT(FUNC, OP)                                                  \
    static KrObject *FUNC(KrThreadState *ts, KrObject *self) {                \
        return call_special_required(ts, self, KR_ID(OP), NULL, 0);           \
    }

UNARY_SLOT(slot_nb_negative, __neg__)
UNARY_SLOT(slot_nb_positive, __pos__)
UNARY_SLOT(slot_nb_absolute, __abs__)
UNARY_SLOT(slot_nb_invert, __invert__)
UNARY_SLOT(slot_nb_int, __int__)
UNARY_SLOT(slot_nb_float, __float__)
UNARY_SLOT(slot_nb_index, __index__)
UNARY_SLOT(slot_am_await, __await__)
UNARY_SLOT(slot_am_aiter, __aiter__)
UNARY_SLOT(slot_am_anext, __anext__)

static KrObject *slot_tp_iter(KrThreadState *ts, KrObject *self) {
    KrObject *func = krType_lookup(KR_TYPE(self), KR_ID(__iter__));
    if (func == KR_NONE || (!func && !krType_lookup(KR_TYPE(self), KR_ID(__getitem__))))
        return krErr_format(ts, &KrExc_TypeError, "'%T' object is not iterable", self);
    if (!func) return krSeqIter_new(ts, self);  // __iter__ deleted: the __getitem__ protocol
    kr_incref(func);
    KrObject *r = krObj_call_bound(ts, func, self, NULL, 0, NULL);
    kr_decref(func);
    return r;
}

static KrObject *slot_tp_repr(KrThreadState *ts, KrObject *self) {
    int found;
    KrObject *r = call_special(ts, self, KR_ID(__repr__), NULL, 0, &found);
    if (found) return r;
    return krStr_from_format(ts, "<%s object at %p>", krType_name(KR_TYPE(self)), (void *)self);
}

static KrObject *slot_tp_str(KrThreadState *ts, KrObject *self) {
    return call_special_required(ts, self, KR_ID(__str__), NULL, 0);
}

static KrObject *slot_tp_iternext(KrThreadState *ts, KrObject *self) {
    return call_special_required(ts, self, KR_ID(__next__), NULL, 0);
}

static int slot_nb_bool(KrThreadState *ts, KrObject *self) {
    int found;
    KrObject *r = call_special(ts, self, KR_ID(__bool__), NULL, 0, &found);
    if (!found) {
        // __bool__ was deleted after the slot was set: fall back to __len__.
        r = call_special(ts, self, KR_ID(__len__), NULL, 0, &found);
        if (!found) return 1;
        if (!r) return -1;
        int t = krObj_is_true(ts, r);
        kr_decref(r);
        return t;
    }
    if (!r) return -1;
    if (!krBool_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__bool__ should return bool, returned %T", r);
        kr_decref(r);
        return -1;
    }
    return r == KR_TRUE;
}

static KrSsize slot_mp_length(KrThreadState *ts, KrObject *self) {
    KrObject *r = call_special_required(ts, self, KR_ID(__len__), NULL, 0);
    if (!r) return -1;
    if (!krNum_is_index(r)) {
        krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        kr_decref(r);
        return -1;
    }
    KrObject *idx = krNum_index(ts, r);
    kr_decref(r);
    if (!idx) return -1;
    if (krInt_sign(idx) < 0) {
        kr_decref(idx);
        krErr_set_string(ts, &KrExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    KrSsize n = krNum_as_ssize(ts, idx, &KrExc_OverflowError);
    kr_decref(idx);
    return n;
}

static KrObject *slot_mp_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    return call_special_required(ts, self, KR_ID(__getitem__), &key, 1);
}

static int slot_mp_ass_subscript(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    KrObject *args[2] = {key, value};
    KrObject *r = value ? call_special_required(ts, self, KR_ID(__setitem__), args, 2)
                        : call_special_required(ts, self, KR_ID(__delitem__), args, 1);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int slot_sq_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrObject *func = krType_lookup(KR_TYPE(self), KR_ID(__contains__));
    if (func == KR_NONE) {
        krErr_format(ts, &KrExc_TypeError, "'%T' object is not a container", self);
        return -1;
    }
    int found;
    KrObject *r = call_special(ts, self, KR_ID(__contains__), &key, 1, &found);
    if (!found) return krObj_contains_by_iteration(ts, self, key);
    if (!r) return -1;
    int t = krObj_is_true(ts, r);
    kr_decref(r);
    return t;
}

static KrHash slot_tp_hash(KrThreadState *ts, KrObject *self) {
    KrObject *func = krType_lookup(KR_TYPE(self), KR_ID(__hash__));
    if (!func || func == KR_NONE) return krObj_hash_not_implemented(ts, self);
    int found;
    KrObject *r = call_special(ts, self, KR_ID(__hash__), NULL, 0, &found);
    if (!r) return -1;
    if (!krInt_check(r)) {
        kr_decref(r);
        krErr_set_string(ts, &KrExc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    // A result that fits in a Py_ssize_t is used as it is; bigger ones are
    // reduced with the numeric hash, as CPython does.
    int64_t v;
    KrHash h = krInt_to_i64(r, &v) ? (KrHash)v : krInt_hash(r);
    kr_decref(r);
    return h == -1 ? -2 : h;
}

static KrObject *slot_tp_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    KrObject *meth = krType_lookup(KR_TYPE(self), KR_ID(__call__));
    if (!meth) return krErr_format(ts, &KrExc_TypeError, "'%T' object is not callable", self);
    return krObj_call_bound(ts, meth, self, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *slot_tp_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    static KrObject **const names[] = {&KR_ID(__lt__), &KR_ID(__le__), &KR_ID(__eq__),
                                       &KR_ID(__ne__), &KR_ID(__gt__), &KR_ID(__ge__)};
    return call_maybe(ts, self, *names[op], other);
}

// __getattribute__ plus the __getattr__ fallback.
static KrObject *slot_tp_getattr_hook(KrThreadState *ts, KrObject *self, KrObject *name) {
    KrTypeObject *tp = KR_TYPE(self);
    KrObject *getattr = krType_lookup(tp, KR_ID(__getattr__));
    KrObject *getattribute = krType_lookup(tp, KR_ID(__getattribute__));
    KrObject *r;
    if (!getattribute || (KR_TYPE(getattribute) == &KrWrapperDescr_Type &&
                          krWrapperDescr_wrapped(getattribute) == (void *)krObj_generic_getattr)) {
        r = krObj_generic_getattr(ts, self, name);
    } else {
        r = krObj_call_bound(ts, getattribute, self, &name, 1, NULL);
    }
    if (!r && getattr && krErr_matches(ts, &KrExc_AttributeError)) {
        krErr_clear(ts);
        r = krObj_call_bound(ts, getattr, self, &name, 1, NULL);
    }
    return r;
}

static int slot_tp_setattro(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *value) {
    KrObject *args[2] = {name, value};
    KrObject *r = value ? call_special_required(ts, self, KR_ID(__setattr__), args, 2)
                        : call_special_required(ts, self, KR_ID(__delattr__), args, 1);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static KrObject *slot_tp_descr_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    KrObject *get = krType_lookup(KR_TYPE(self), KR_ID(__get__));
    if (!get) return kr_newref(self);
    KrObject *args[2] = {obj ? obj : KR_NONE, type ? type : KR_NONE};
    return krObj_call_bound(ts, get, self, args, 2, NULL);
}

static int slot_tp_descr_set(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *value) {
    KrObject *args[2] = {obj, value};
    KrObject *r = value ? call_special_required(ts, self, KR_ID(__set__), args, 2)
                        : call_special_required(ts, self, KR_ID(__delete__), args, 1);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int slot_tp_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    KrObject *meth = krType_lookup(KR_TYPE(self), KR_ID(__init__));
    if (!meth) return 0;
    KrObject *r = krObj_call_bound(ts, meth, self, args, nargs, kwnames);
    if (!r) return -1;
    if (r != KR_NONE) {
        krErr_format(ts, &KrExc_TypeError, "__init__() should return None, not '%T'", r);
        kr_decref(r);
        return -1;
    }
    kr_decref(r);
    return 0;
}

static KrObject *slot_tp_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    // __new__ is a static method: call it with the class prepended, whatever
    // kind of callable it is (a function, or a built-in such as object.__new__
    // assigned to the class after its creation).
    KrObject *func = krObj_getattr(ts, (KrObject *)type, KR_ID(__new__));
    if (!func) return NULL;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrSsize total = 1 + nargs + nkw;
    KrObject *small[8];
    KrObject **stack = total <= 8 ? small : krMem_malloc((size_t)total * sizeof(KrObject *));
    if (!stack) {
        kr_decref(func);
        return krErr_no_memory(ts);
    }
    stack[0] = (KrObject *)type;
    for (KrSsize i = 0; i < nargs + nkw; i++) stack[i + 1] = args[i];
    KrObject *r = krObj_vectorcall(ts, func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small) krMem_free(stack);
    kr_decref(func);
    return r;
}

static void slot_tp_finalize(KrThreadState *ts, KrObject *self) {
    KrObject *saved = krErr_fetch(ts);
    int found;
    KrObject *r = call_special(ts, self, KR_ID(__del__), NULL, 0, &found);
    if (r)
        kr_decref(r);
    else if (found) {
        KrObject *del = krType_lookup(KR_TYPE(self), KR_ID(__del__));
        krErr_write_unraisable(ts, del ? del : self);
    }
    krErr_restore(ts, saved);
}

// ---------------------------------------------------------------------------
// Wrappers: built-in slots as methods

static int check_nargs(KrThreadState *ts, KrSsize nargs, KrSsize want, const char *name) {
    if (nargs == want) return 0;
    krErr_format(ts, &KrExc_TypeError, "expected %zd argument%s, got %zd", want, want == 1 ? "" : "s", nargs);
    return -1;
}

// CPython unpacks these with PyArg_UnpackTuple(args, "", 1, 2): hence the
// messages' leading space.
static int check_nargs_1_2(KrThreadState *ts, KrSsize nargs) {
    if (nargs < 1)
        krErr_format(ts, &KrExc_TypeError, " expected at least 1 argument, got %zd", nargs);
    else if (nargs > 2)
        krErr_format(ts, &KrExc_TypeError, " expected at most 2 arguments, got %zd", nargs);
    else
        return 0;
    return -1;
}

static KrObject *wrap_unary(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    return ((KrUnaryFunc)wrapped)(ts, self);
}

static KrObject *wrap_binary_l(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    return ((KrBinaryFunc)wrapped)(ts, self, args[0]);
}

static KrObject *wrap_binary_r(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    return ((KrBinaryFunc)wrapped)(ts, args[0], self);
}

static KrObject *wrap_ternary_l(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                void *wrapped, const char *name) {
    if (check_nargs_1_2(ts, nargs) < 0) return NULL;
    return ((KrTernaryFunc)wrapped)(ts, self, args[0], nargs == 2 ? args[1] : KR_NONE);
}

static KrObject *wrap_ternary_r(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                void *wrapped, const char *name) {
    if (check_nargs_1_2(ts, nargs) < 0) return NULL;
    return ((KrTernaryFunc)wrapped)(ts, args[0], self, nargs == 2 ? args[1] : KR_NONE);
}

static KrObject *wrap_inquiry(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    int r = ((KrInquiry)wrapped)(ts, self);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *wrap_len(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    KrSsize n = ((KrLenFunc)wrapped)(ts, self);
    return n < 0 ? NULL : krInt_from_ssize(ts, n);
}

static KrObject *wrap_hash(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    KrHash h = ((KrHashFunc)wrapped)(ts, self);
    return h == -1 ? NULL : krInt_from_i64(ts, h);
}

static KrObject *wrap_next(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    KrObject *r = ((KrUnaryFunc)wrapped)(ts, self);
    if (!r && !krErr_occurred(ts)) krErr_set_none(ts, &KrExc_StopIteration);
    return r;
}

static KrObject *wrap_objobjarg(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 2, name) < 0) return NULL;
    if (((KrObjObjArgProc)wrapped)(ts, self, args[0], args[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_delitem(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    if (((KrObjObjArgProc)wrapped)(ts, self, args[0], NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_contains(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    int r = ((KrObjObjProc)wrapped)(ts, self, args[0]);
    return r < 0 ? NULL : kr_bool(r);
}

static KrObject *wrap_repeat(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    KrSsize n = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    return ((KrSsizeArgFunc)wrapped)(ts, self, n);
}

static int slot_tp_setattro(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *value);

// object.__setattr__(x, ...) must not bypass a C-level __setattr__ that x's
// type (or a base between it and the wrapper's type) defines, e.g. type's.
static int hackcheck(KrThreadState *ts, KrObject *self, void *func, const char *what) {
    KrTypeObject *type = KR_TYPE(self);
    KrObject *mro = type->tp_mro;
    if (!mro) return 0;
    KrTypeObject *defining = type;
    for (KrSsize i = KR_TUPLE_SIZE(mro) - 1; i >= 0; i--) {
        KrTypeObject *base = (KrTypeObject *)KR_TUPLE_GET(mro, i);
        if (base->tp_setattro != slot_tp_setattro && base->tp_setattro == type->tp_setattro) {
            defining = base;
            break;
        }
    }
    for (KrTypeObject *base = defining; base; base = base->tp_base) {
        if ((void *)base->tp_setattro == func) break;
        if (base->tp_setattro != slot_tp_setattro) {
            krErr_format(ts, &KrExc_TypeError, "can't apply this %s to %s object", what, type->tp_name);
            return -1;
        }
    }
    return 0;
}

static KrObject *wrap_setattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 2, name) < 0) return NULL;
    if (!krStr_check(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%T'", args[0]);
    if (hackcheck(ts, self, wrapped, "__setattr__") < 0) return NULL;
    if (((KrSetAttrFunc)wrapped)(ts, self, args[0], args[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_delattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    if (!krStr_check(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%T'", args[0]);
    if (hackcheck(ts, self, wrapped, "__delattr__") < 0) return NULL;
    if (((KrSetAttrFunc)wrapped)(ts, self, args[0], NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_getattr(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    if (!krStr_check(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "attribute name must be string, not '%T'", args[0]);
    return ((KrGetAttrFunc)wrapped)(ts, self, args[0]);
}

#define WRAP_RICHCMP(NAME, OP)                                                                          \
    static KrObject *NAME(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,     \
                          void *wrapped, const char *name) {                                            \
        if (check_nargs(ts, nargs, 1, name) < 0) return NULL;                                           \
        return ((KrRichCmpFunc)wrapped)(ts, self, args[0], OP);                                         \
    }
WRAP_RICHCMP(wrap_lt, KR_LT)
WRAP_RICHCMP(wrap_le, KR_LE)
WRAP_RICHCMP(wrap_eq, KR_EQ)
WRAP_RICHCMP(wrap_ne, KR_NE)
WRAP_RICHCMP(wrap_gt, KR_GT)
WRAP_RICHCMP(wrap_ge, KR_GE)

static KrObject *wrap_descr_get(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                void *wrapped, const char *name) {
    if (check_nargs_1_2(ts, nargs) < 0) return NULL;
    KrObject *obj = args[0] == KR_NONE ? NULL : args[0];
    KrObject *type = nargs == 2 && args[1] != KR_NONE ? args[1] : NULL;
    if (!obj && !type) {
        krErr_set_string(ts, &KrExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((KrDescrGetFunc)wrapped)(ts, self, obj, type);
}

static KrObject *wrap_descr_set(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 2, name) < 0) return NULL;
    if (((KrDescrSetFunc)wrapped)(ts, self, args[0], args[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_descr_delete(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                   void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 1, name) < 0) return NULL;
    if (((KrDescrSetFunc)wrapped)(ts, self, args[0], NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *wrap_del(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          void *wrapped, const char *name) {
    if (check_nargs(ts, nargs, 0, name) < 0) return NULL;
    ((void (*)(KrThreadState *, KrObject *))wrapped)(ts, self);
    if (krErr_occurred(ts)) return NULL;
    return kr_newref(KR_NONE);
}

// __init__ and __call__ take keywords; their wrappers are special-cased in
// wrapper_call (they need kwnames), marked by these sentinels.
static KrObject *wrap_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           void *wrapped, const char *name) {
    return NULL;
}
static KrObject *wrap_call(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           void *wrapped, const char *name) {
    return NULL;
}

// ---------------------------------------------------------------------------
// The table, in CPython's order (it decides the order of a built-in type's
// dict, where the wrappers come first)

#define OFF(f) offsetof(KrTypeObject, f)
#define E(NAME, FIELD, HEAP, WRAP) {#NAME, OFF(FIELD), (void *)(HEAP), WRAP, &KR_ID(NAME)},

static SlotDef slotdefs[] = {
    E(__repr__, tp_repr, slot_tp_repr, wrap_unary)
    E(__hash__, tp_hash, slot_tp_hash, wrap_hash)
    E(__call__, tp_call, slot_tp_call, wrap_call)
    E(__str__, tp_str, slot_tp_str, wrap_unary)
    E(__getattribute__, tp_getattro, slot_tp_getattr_hook, wrap_getattr)
    E(__getattr__, tp_getattro, slot_tp_getattr_hook, NULL)
    E(__setattr__, tp_setattro, slot_tp_setattro, wrap_setattr)
    E(__delattr__, tp_setattro, slot_tp_setattro, wrap_delattr)
    E(__lt__, tp_richcompare, slot_tp_richcompare, wrap_lt)
    E(__le__, tp_richcompare, slot_tp_richcompare, wrap_le)
    E(__eq__, tp_richcompare, slot_tp_richcompare, wrap_eq)
    E(__ne__, tp_richcompare, slot_tp_richcompare, wrap_ne)
    E(__gt__, tp_richcompare, slot_tp_richcompare, wrap_gt)
    E(__ge__, tp_richcompare, slot_tp_richcompare, wrap_ge)
    E(__iter__, tp_iter, slot_tp_iter, wrap_unary)
    E(__next__, tp_iternext, slot_tp_iternext, wrap_next)
    E(__get__, tp_descr_get, slot_tp_descr_get, wrap_descr_get)
    E(__set__, tp_descr_set, slot_tp_descr_set, wrap_descr_set)
    E(__delete__, tp_descr_set, slot_tp_descr_set, wrap_descr_delete)
    E(__init__, tp_init, slot_tp_init, wrap_init)
    E(__del__, tp_finalize, slot_tp_finalize, wrap_del)
    E(__await__, am_await, slot_am_await, wrap_unary)
    E(__aiter__, am_aiter, slot_am_aiter, wrap_unary)
    E(__anext__, am_anext, slot_am_anext, wrap_unary)

    E(__add__, nb_add, slot_nb_add, wrap_binary_l)
    E(__radd__, nb_add, slot_nb_add, wrap_binary_r)
    E(__sub__, nb_subtract, slot_nb_subtract, wrap_binary_l)
    E(__rsub__, nb_subtract, slot_nb_subtract, wrap_binary_r)
    E(__mul__, nb_multiply, slot_nb_multiply, wrap_binary_l)
    E(__rmul__, nb_multiply, slot_nb_multiply, wrap_binary_r)
    E(__mod__, nb_remainder, slot_nb_remainder, wrap_binary_l)
    E(__rmod__, nb_remainder, slot_nb_remainder, wrap_binary_r)
    E(__divmod__, nb_divmod, slot_nb_divmod, wrap_binary_l)
    E(__rdivmod__, nb_divmod, slot_nb_divmod, wrap_binary_r)
    E(__pow__, nb_power, slot_nb_power, wrap_ternary_l)
    E(__rpow__, nb_power, slot_nb_power, wrap_ternary_r)
    E(__neg__, nb_negative, slot_nb_negative, wrap_unary)
    E(__pos__, nb_positive, slot_nb_positive, wrap_unary)
    E(__abs__, nb_absolute, slot_nb_absolute, wrap_unary)
    E(__bool__, nb_bool, slot_nb_bool, wrap_inquiry)
    E(__invert__, nb_invert, slot_nb_invert, wrap_unary)
    E(__lshift__, nb_lshift, slot_nb_lshift, wrap_binary_l)
    E(__rlshift__, nb_lshift, slot_nb_lshift, wrap_binary_r)
    E(__rshift__, nb_rshift, slot_nb_rshift, wrap_binary_l)
    E(__rrshift__, nb_rshift, slot_nb_rshift, wrap_binary_r)
    E(__and__, nb_and, slot_nb_and, wrap_binary_l)
    E(__rand__, nb_and, slot_nb_and, wrap_binary_r)
    E(__xor__, nb_xor, slot_nb_xor, wrap_binary_l)
    E(__rxor__, nb_xor, slot_nb_xor, wrap_binary_r)
    E(__or__, nb_or, slot_nb_or, wrap_binary_l)
    E(__ror__, nb_or, slot_nb_or, wrap_binary_r)
    E(__int__, nb_int, slot_nb_int, wrap_unary)
    E(__float__, nb_float, slot_nb_float, wrap_unary)
    E(__iadd__, nb_inplace_add, slot_nb_inplace_add, wrap_binary_l)
    E(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binary_l)
    E(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binary_l)
    E(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binary_l)
    E(__ipow__, nb_inplace_power, slot_nb_inplace_power, wrap_ternary_l)
    E(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binary_l)
    E(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binary_l)
    E(__iand__, nb_inplace_and, slot_nb_inplace_and, wrap_binary_l)
    E(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, wrap_binary_l)
    E(__ior__, nb_inplace_or, slot_nb_inplace_or, wrap_binary_l)
    E(__floordiv__, nb_floor_divide, slot_nb_floor_divide, wrap_binary_l)
    E(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide, wrap_binary_r)
    E(__truediv__, nb_true_divide, slot_nb_true_divide, wrap_binary_l)
    E(__rtruediv__, nb_true_divide, slot_nb_true_divide, wrap_binary_r)
    E(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide, wrap_binary_l)
    E(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binary_l)
    E(__index__, nb_index, slot_nb_index, wrap_unary)
    E(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply, wrap_binary_l)
    E(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, wrap_binary_r)
    E(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, wrap_binary_l)

    E(__len__, mp_length, slot_mp_length, wrap_len)
    E(__getitem__, mp_subscript, slot_mp_subscript, wrap_binary_l)
    E(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjarg)
    E(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem)
    E(__add__, sq_concat, NULL, wrap_binary_l)
    E(__mul__, sq_repeat, NULL, wrap_repeat)
    E(__rmul__, sq_repeat, NULL, wrap_repeat)
    E(__contains__, sq_contains, slot_sq_contains, wrap_contains)
    E(__iadd__, sq_inplace_concat, NULL, wrap_binary_l)
    E(__imul__, sq_inplace_repeat, NULL, wrap_repeat)
};
#undef E
#undef OFF

#define NSLOTDEFS (sizeof(slotdefs) / sizeof(slotdefs[0]))

// Every distinct slot offset, for inheritance.
static const size_t inheritable[] = {
#define OFF(f) offsetof(KrTypeObject, f),
    OFF(tp_repr) OFF(tp_str) OFF(tp_call) OFF(tp_getattro) OFF(tp_setattro) OFF(tp_iter) OFF(tp_iternext)
    OFF(tp_descr_get) OFF(tp_descr_set) OFF(tp_finalize) OFF(am_await) OFF(am_aiter) OFF(am_anext)
    OFF(nb_add) OFF(nb_subtract) OFF(nb_multiply) OFF(nb_remainder) OFF(nb_divmod) OFF(nb_power)
    OFF(nb_negative) OFF(nb_positive) OFF(nb_absolute) OFF(nb_bool) OFF(nb_invert) OFF(nb_lshift)
    OFF(nb_rshift) OFF(nb_and) OFF(nb_xor) OFF(nb_or) OFF(nb_int) OFF(nb_float) OFF(nb_index)
    OFF(nb_floor_divide) OFF(nb_true_divide) OFF(nb_matrix_multiply) OFF(nb_inplace_add)
    OFF(nb_inplace_subtract) OFF(nb_inplace_multiply) OFF(nb_inplace_remainder) OFF(nb_inplace_power)
    OFF(nb_inplace_lshift) OFF(nb_inplace_rshift) OFF(nb_inplace_and) OFF(nb_inplace_xor)
    OFF(nb_inplace_or) OFF(nb_inplace_floor_divide) OFF(nb_inplace_true_divide)
    OFF(nb_inplace_matrix_multiply) OFF(mp_length) OFF(mp_subscript) OFF(mp_ass_subscript)
    OFF(sq_contains) OFF(sq_concat) OFF(sq_repeat) OFF(sq_inplace_concat) OFF(sq_inplace_repeat)
#undef OFF
};

void krTypeSlots_inherit(KrTypeObject *type, KrTypeObject *base) {
    for (size_t i = 0; i < sizeof(inheritable) / sizeof(inheritable[0]); i++) {
        void **dst = SLOT_PTR(type, inheritable[i]);
        if (!*dst) *dst = *SLOT_PTR(base, inheritable[i]);
    }
}

bool krTypeSlots_is_special(KrObject *name) {
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (*slotdefs[i].name_obj == name) return true;
    return false;
}

// ---------------------------------------------------------------------------
// Wrapper descriptors (int.__add__) and method-wrappers ((1).__add__)

typedef struct {
    KR_OBJECT_HEAD;
    KrTypeObject *d_type;
    KrObject *d_name;
    const SlotDef *d_base;
    void *d_wrapped;
} WrapperDescrObject;

typedef struct {
    KR_OBJECT_HEAD;
    WrapperDescrObject *descr;     // strong
    KrObject *self;                // strong
} MethodWrapperObject;

void *krWrapperDescr_wrapped(KrObject *descr) { return ((WrapperDescrObject *)descr)->d_wrapped; }

static KrObject *wrapper_invoke(KrThreadState *ts, WrapperDescrObject *d, KrObject *self, KrObject *const *args,
                                KrSsize nargs, KrObject *kwnames) {
    WrapperFunc w = d->d_base->wrapper;
    if (w == wrap_init) {
        if (((KrInitFunc)d->d_wrapped)(ts, self, args, nargs, kwnames) < 0) return NULL;
        return kr_newref(KR_NONE);
    }
    if (w == wrap_call) {
        size_t nargsf = (size_t)nargs;
        return ((KrVectorcallFunc)d->d_wrapped)(ts, self, args, nargsf, kwnames);
    }
    if (kwnames && KR_TUPLE_SIZE(kwnames))
        return krErr_format(ts, &KrExc_TypeError, "wrapper %U() takes no keyword arguments", d->d_name);
    return w(ts, self, args, nargs, d->d_wrapped, d->d_base->name);
}

static int check_self(KrThreadState *ts, WrapperDescrObject *d, KrObject *self) {
    if (kr_type_check(self, d->d_type)) return 0;
    krErr_format(ts, &KrExc_TypeError, "descriptor '%U' requires a '%s' object but received a '%T'", d->d_name,
                 d->d_type->tp_name, self);
    return -1;
}

static KrObject *wrapperdescr_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    WrapperDescrObject *d = (WrapperDescrObject *)callable;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->d_name,
                            d->d_type->tp_name);
    if (check_self(ts, d, args[0]) < 0) return NULL;
    return wrapper_invoke(ts, d, args[0], args + 1, nargs - 1, kwnames);
}

static KrObject *wrapperdescr_get(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type) {
    if (!obj) return kr_newref(descr);
    WrapperDescrObject *d = (WrapperDescrObject *)descr;
    if (!kr_type_check(obj, d->d_type))
        return krErr_format(ts, &KrExc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                            d->d_name, d->d_type->tp_name, KR_TYPE(obj)->tp_name);
    MethodWrapperObject *mw = (MethodWrapperObject *)krObj_alloc(ts, &KrMethodWrapper_Type, 0);
    if (!mw) return NULL;
    mw->descr = (WrapperDescrObject *)kr_newref(descr);
    mw->self = kr_newref(obj);
    krGC_track((KrObject *)mw);
    return (KrObject *)mw;
}

static KrObject *wrapperdescr_repr(KrThreadState *ts, KrObject *self) {
    WrapperDescrObject *d = (WrapperDescrObject *)self;
    return krStr_from_format(ts, "<slot wrapper '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static void wrapperdescr_dealloc(KrObject *self) {
    WrapperDescrObject *d = (WrapperDescrObject *)self;
    kr_xdecref(d->d_name);
    krObj_free(self);
}

static KrObject *descr_get_name(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(((WrapperDescrObject *)self)->d_name);
}
static KrObject *descr_get_objclass(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref((KrObject *)((WrapperDescrObject *)self)->d_type);
}
static KrObject *descr_get_qualname(KrThreadState *ts, KrObject *self, void *c) {
    WrapperDescrObject *d = (WrapperDescrObject *)self;
    return krStr_from_format(ts, "%s.%U", krType_name(d->d_type), d->d_name);
}

static const KrGetSetDef wrapperdescr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrWrapperDescr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(WrapperDescrObject),
    .tp_flags = KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = wrapperdescr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_descr_get = wrapperdescr_get,
    .tp_getset = wrapperdescr_getset,
};

static KrObject *methodwrapper_call(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                                    KrObject *kwnames) {
    MethodWrapperObject *mw = (MethodWrapperObject *)callable;
    return wrapper_invoke(ts, mw->descr, mw->self, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *methodwrapper_repr(KrThreadState *ts, KrObject *self) {
    MethodWrapperObject *mw = (MethodWrapperObject *)self;
    return krStr_from_format(ts, "<method-wrapper '%U' of %s object at %p>", mw->descr->d_name,
                             krType_name(KR_TYPE(mw->self)), (void *)mw->self);
}

static void methodwrapper_dealloc(KrObject *self) {
    MethodWrapperObject *mw = (MethodWrapperObject *)self;
    krGC_untrack(self);
    kr_decref((KrObject *)mw->descr);
    kr_decref(mw->self);
    krObj_free(self);
}

static int methodwrapper_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    MethodWrapperObject *mw = (MethodWrapperObject *)self;
    KR_VISIT(mw->descr);
    KR_VISIT(mw->self);
    return 0;
}

static KrObject *methodwrapper_get_self(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(((MethodWrapperObject *)self)->self);
}
static KrObject *methodwrapper_get_name(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(((MethodWrapperObject *)self)->descr->d_name);
}

static KrObject *methodwrapper_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &KrMethodWrapper_Type) return kr_newref(KR_NOTIMPLEMENTED);
    MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return kr_bool(op == KR_EQ ? eq : !eq);
}

static KrHash methodwrapper_hash(KrThreadState *ts, KrObject *self) {
    MethodWrapperObject *mw = (MethodWrapperObject *)self;
    KrHash h = (KrHash)((uintptr_t)mw->self >> 4) ^ (KrHash)((uintptr_t)mw->descr >> 4);
    return h == -1 ? -2 : h;
}

static KrObject *methodwrapper_get_qualname(KrThreadState *ts, KrObject *self, void *c) {
    return descr_get_qualname(ts, (KrObject *)((MethodWrapperObject *)self)->descr, NULL);
}
static KrObject *methodwrapper_get_objclass(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref((KrObject *)((MethodWrapperObject *)self)->descr->d_type);
}

static const KrGetSetDef methodwrapper_getset[] = {
    {"__self__", methodwrapper_get_self, NULL, NULL, NULL},
    {"__name__", methodwrapper_get_name, NULL, NULL, NULL},
    {"__qualname__", methodwrapper_get_qualname, NULL, NULL, NULL},
    {"__objclass__", methodwrapper_get_objclass, NULL, NULL, NULL},
    {NULL},
};

KrTypeObject KrMethodWrapper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(MethodWrapperObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = methodwrapper_dealloc,
    .tp_traverse = methodwrapper_traverse,
    .tp_repr = methodwrapper_repr,
    .tp_call = methodwrapper_call,
    .tp_richcompare = methodwrapper_richcompare,
    .tp_hash = methodwrapper_hash,
    .tp_getset = methodwrapper_getset,
};

// ---------------------------------------------------------------------------
// Filling dicts of built-in types, and slots of classes

int krTypeSlots_add_wrappers(KrThreadState *ts, KrTypeObject *type) {
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        void *fn = *SLOT_PTR(type, sd->offset);
        if (!fn || !sd->wrapper) continue;
        KrObject *name = *sd->name_obj;
        if (krDict_get_str(type->tp_dict, name)) continue;
        if (sd->offset == offsetof(KrTypeObject, tp_hash) && fn == (void *)krObj_hash_not_implemented) {
            if (krDict_set(ts, type->tp_dict, name, KR_NONE) < 0) return -1;  // unhashable: __hash__ = None
            continue;
        }
        WrapperDescrObject *d = (WrapperDescrObject *)krObj_alloc(ts, &KrWrapperDescr_Type, 0);
        if (!d) return -1;
        d->d_type = type;
        d->d_name = kr_newref(name);
        d->d_base = sd;
        d->d_wrapped = fn;
        if (krDict_set_steal(ts, type->tp_dict, name, (KrObject *)d) < 0) return -1;
    }
    return 0;
}

// __new__ of a built-in type: called as T.__new__(S, ...) where S must be a
// subtype of T whose layout T's tp_new can build.
static KrObject *tp_new_wrapper(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    KrTypeObject *type = (KrTypeObject *)self;
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
    KrObject *arg0 = args[0];
    if (!kr_type_check(arg0, &KrType_Type))
        return krErr_format(ts, &KrExc_TypeError, "%s.__new__(X): X is not a type object (%T)", type->tp_name,
                            arg0);
    KrTypeObject *subtype = (KrTypeObject *)arg0;
    if (!krType_is_subtype(subtype, type))
        return krErr_format(ts, &KrExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name,
                            subtype->tp_name, subtype->tp_name, type->tp_name);
    // The most derived base that is not a class defined in Python must be
    // `type` itself, otherwise T.__new__ would build the wrong layout.
    KrTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_new == slot_tp_new)) staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return krErr_format(ts, &KrExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->tp_name,
                            subtype->tp_name, staticbase->tp_name);
    return type->tp_new(ts, subtype, args + 1, nargs - 1, kwnames);
}

static const KrMethodDef tp_new_def = {"__new__", KR_CFUNC(tp_new_wrapper), KR_METH_FASTKW,
                                       "Create and return a new object.  See help(type) for accurate signature."};

int krTypeSlots_add_new(KrThreadState *ts, KrTypeObject *type) {
    if (krDict_get_str(type->tp_dict, KR_ID(__new__))) return 0;
    KrObject *f = krCFunction_new(ts, &tp_new_def, (KrObject *)type, NULL);
    if (!f) return -1;
    return krDict_set_steal(ts, type->tp_dict, KR_ID(__new__), f);
}

// Decides the value of one slot of a class from the names that map to it.
static void *resolve_slot(KrTypeObject *type, size_t off) {
    void *specific = NULL, *generic = NULL;
    bool use_generic = false;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        if (sd->offset != off) continue;
        KrObject *descr = krType_lookup(type, *sd->name_obj);
        if (!descr) continue;
        if (sd->heap_func) generic = sd->heap_func;
        if (KR_TYPE(descr) == &KrWrapperDescr_Type && ((WrapperDescrObject *)descr)->d_base->offset == off) {
            void *w = ((WrapperDescrObject *)descr)->d_wrapped;
            if (!specific || specific == w)
                specific = w;
            else
                use_generic = true;
        } else if (off == offsetof(KrTypeObject, tp_hash) && descr == KR_NONE) {
            specific = (void *)krObj_hash_not_implemented;
        } else if (off == offsetof(KrTypeObject, tp_getattro) && sd->name_obj == &KR_ID(__getattr__)) {
            use_generic = true;
        } else {
            use_generic = true;
        }
    }
    if (use_generic && generic) return generic;
    if (specific) return specific;
    return use_generic ? generic : NULL;
}

static void fixup_one(KrTypeObject *type, size_t off) {
    *SLOT_PTR(type, off) = resolve_slot(type, off);
}

// __new__: a Python-level __new__ anywhere before the first built-in one wins.
static void fixup_new(KrTypeObject *type) {
    KrObject *mro = type->tp_mro;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(mro); i++) {
        KrTypeObject *t = (KrTypeObject *)KR_TUPLE_GET(mro, i);
        if (!krDict_get_str(t->tp_dict, KR_ID(__new__))) continue;
        if (t->tp_flags & KR_TPFLAGS_HEAPTYPE) {
            type->tp_new = slot_tp_new;
        } else {
            type->tp_new = t->tp_new;
        }
        break;
    }
}

int krTypeSlots_fixup(KrThreadState *ts, KrTypeObject *type) {
    for (size_t i = 0; i < sizeof(inheritable) / sizeof(inheritable[0]); i++) fixup_one(type, inheritable[i]);
    fixup_one(type, offsetof(KrTypeObject, tp_hash));
    fixup_one(type, offsetof(KrTypeObject, tp_richcompare));
    fixup_one(type, offsetof(KrTypeObject, tp_init));
    fixup_new(type);
    return 0;
}

static void update_new_recursive(KrTypeObject *type) {
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE)) return;
    fixup_new(type);
    KrTypeObject **subs;
    KrSsize n = krType_subclasses(type, &subs);
    for (KrSsize i = 0; i < n; i++) update_new_recursive(subs[i]);
}

static void update_recursive(KrTypeObject *type, size_t off) {
    fixup_one(type, off);
    KrTypeObject **subs;
    KrSsize n = krType_subclasses(type, &subs);
    for (KrSsize i = 0; i < n; i++) update_recursive(subs[i], off);
}

int krTypeSlots_update(KrThreadState *ts, KrTypeObject *type, KrObject *name) {
    if (!(type->tp_flags & KR_TPFLAGS_HEAPTYPE)) return 0;
    if (name == KR_ID(__new__)) {
        update_new_recursive(type);
        return 0;
    }
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (*slotdefs[i].name_obj == name) update_recursive(type, slotdefs[i].offset);
    return 0;
}
