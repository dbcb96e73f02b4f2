/*
 * abstract.h — the object protocols, for any object: attributes, calls,
 * operators, comparisons, hashing, truth, iteration, containers, conversions.
 *
 * These are what the eval loop's generic paths and the built-in functions call.
 * Each dispatches through the type's slots with CPython's rules (reflected
 * operands, the subclass-first rule, NotImplemented, the fallback from
 * __iter__ to __getitem__) and raises CPython's TypeErrors.
 *
 * Results are new references unless stated; arguments are borrowed.
 */
#ifndef KR_ABSTRACT_H
#define KR_ABSTRACT_H

#include "objects/object.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Attributes.  `name` must be a str.

KrObject *krObj_getattr(KrThreadState *ts, KrObject *o, KrObject *name);
KrObject *krObj_getattr_cstr(KrThreadState *ts, KrObject *o, const char *name);
// Like getattr, but an AttributeError is swallowed: returns 1 and a new
// reference in *result, 0 and NULL when missing, -1 on other errors.
int krObj_lookup_attr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject **result);
int krObj_setattr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value);
int krObj_setattr_cstr(KrThreadState *ts, KrObject *o, const char *name, KrObject *value);
int krObj_delattr(KrThreadState *ts, KrObject *o, KrObject *name);
// 1/0, or -1 on an error other than AttributeError.
int krObj_hasattr(KrThreadState *ts, KrObject *o, KrObject *name);

// object.__getattribute__ / __setattr__: descriptors, instance attributes, class attributes.
KrObject *krObj_generic_getattr(KrThreadState *ts, KrObject *o, KrObject *name);
int krObj_generic_setattr(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value);
// For LOAD_METHOD: when `name` resolves to a plain function-like descriptor on the
// type that is not shadowed by the instance, stores the unbound descriptor in
// *method (new ref) and returns 1, so the call can pass `o` as self without
// creating a bound method.  Otherwise stores the attribute value and returns 0.
// -1 on error.
int krObj_get_method(KrThreadState *ts, KrObject *o, KrObject *name, KrObject **method);

// ---------------------------------------------------------------------------
// Calls

// Calls with vectorcall arguments (see KrVectorcallFunc).  New reference.
KrObject *krObj_vectorcall(KrThreadState *ts, KrObject *callable, KrObject *const *args, size_t nargsf,
                           KrObject *kwnames);
// Calls with a tuple of positional arguments and a dict of keywords (may be NULL).
KrObject *krObj_call(KrThreadState *ts, KrObject *callable, KrObject *args, KrObject *kwargs);
// Convenience forms.
KrObject *krObj_call0(KrThreadState *ts, KrObject *callable);
KrObject *krObj_call1(KrThreadState *ts, KrObject *callable, KrObject *a);
KrObject *krObj_call2(KrThreadState *ts, KrObject *callable, KrObject *a, KrObject *b);
// Calls `o.name(args...)`; the argument list ends at NULL.
KrObject *krObj_call_method(KrThreadState *ts, KrObject *o, KrObject *name, ...);
// Looks `name` up on the TYPE of `o` (special method lookup, skipping the
// instance) and calls it bound to `o`.  Returns NULL with no exception set when
// the type has no such attribute (set *found = 0), else *found = 1.
KrObject *krObj_call_special(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *const *args,
                             KrSsize nargs, int *found);
// Calls `func` — an attribute found on the type of `self` — as a method of
// `self`: functions and method descriptors get `self` prepended, other
// descriptors are bound with __get__ first.  New reference.
KrObject *krObj_call_bound(KrThreadState *ts, KrObject *func, KrObject *self, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames);
// 1 if `o` is callable.  Never fails.
int krObj_callable(KrObject *o);

// ---------------------------------------------------------------------------
// Representation, hashing, truth

KrObject *krObj_repr(KrThreadState *ts, KrObject *o);
KrObject *krObj_str(KrThreadState *ts, KrObject *o);
KrObject *krObj_ascii(KrThreadState *ts, KrObject *o);
// format(o, spec); spec is a str or NULL for "".
KrObject *krObj_format(KrThreadState *ts, KrObject *o, KrObject *spec);
KrHash krObj_hash(KrThreadState *ts, KrObject *o);
// Raises "unhashable type: 'X'" and returns -1.
KrHash krObj_hash_not_implemented(KrThreadState *ts, KrObject *o);
// Truth value: 1, 0, -1.
int krObj_is_true(KrThreadState *ts, KrObject *o);
int krObj_not(KrThreadState *ts, KrObject *o);

// Guards repr() of self-containing containers: returns 1 when `o` is already
// being repr'ed on this thread (print "[...]" then), 0 after marking it, -1 on
// error.  Pair every 0 with krRepr_leave.
int krRepr_enter(KrThreadState *ts, KrObject *o);
void krRepr_leave(KrThreadState *ts, KrObject *o);

// ---------------------------------------------------------------------------
// Comparisons.  `op` is KR_LT..KR_GE.

KrObject *krObj_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op);
// As a truth value: 1, 0, -1.  For KR_EQ/KR_NE, identity implies equality.
int krObj_richcompare_bool(KrThreadState *ts, KrObject *a, KrObject *b, int op);
static inline int krObj_eq(KrThreadState *ts, KrObject *a, KrObject *b) {
    return a == b ? 1 : krObj_richcompare_bool(ts, a, b, KR_EQ);
}

// isinstance / issubclass with __instancecheck__ / __subclasscheck__: 1, 0, -1.
int krObj_isinstance(KrThreadState *ts, KrObject *inst, KrObject *cls);
int krObj_issubclass(KrThreadState *ts, KrObject *derived, KrObject *cls);

// ---------------------------------------------------------------------------
// Numbers.  These implement the binary-operator dispatch (nb_* of both
// operands, reflected, subclass first, then the sequence slots) and raise
// "unsupported operand type(s) for +: 'A' and 'B'".

KrObject *krNum_add(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_subtract(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_multiply(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_matmul(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_true_divide(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_floor_divide(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_remainder(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_divmod(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_power(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *mod);  // mod: None for 2-arg
KrObject *krNum_lshift(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_rshift(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_and(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_or(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_xor(KrThreadState *ts, KrObject *a, KrObject *b);
KrObject *krNum_negative(KrThreadState *ts, KrObject *a);
KrObject *krNum_positive(KrThreadState *ts, KrObject *a);
KrObject *krNum_invert(KrThreadState *ts, KrObject *a);
KrObject *krNum_absolute(KrThreadState *ts, KrObject *a);

// Binary operator numbers, as BINARY_OP's argument (CPython 3.11's order).
enum {
    KR_NB_ADD, KR_NB_AND, KR_NB_FLOOR_DIVIDE, KR_NB_LSHIFT, KR_NB_MATRIX_MULTIPLY, KR_NB_MULTIPLY,
    KR_NB_REMAINDER, KR_NB_OR, KR_NB_POWER, KR_NB_RSHIFT, KR_NB_SUBTRACT, KR_NB_TRUE_DIVIDE, KR_NB_XOR,
    KR_NB_INPLACE_ADD, KR_NB_INPLACE_AND, KR_NB_INPLACE_FLOOR_DIVIDE, KR_NB_INPLACE_LSHIFT,
    KR_NB_INPLACE_MATRIX_MULTIPLY, KR_NB_INPLACE_MULTIPLY, KR_NB_INPLACE_REMAINDER, KR_NB_INPLACE_OR,
    KR_NB_INPLACE_POWER, KR_NB_INPLACE_RSHIFT, KR_NB_INPLACE_SUBTRACT, KR_NB_INPLACE_TRUE_DIVIDE,
    KR_NB_INPLACE_XOR,
    KR_NB_COUNT
};
// Applies binary operator `op` (KR_NB_*), in-place forms included.
KrObject *krNum_binary_op(KrThreadState *ts, KrObject *a, KrObject *b, int op);
// "+", "+=", ...
extern const char *const kr_nb_op_symbols[KR_NB_COUNT];

// operator.index(o): an int (new reference) or TypeError
// "'X' object cannot be interpreted as an integer".
KrObject *krNum_index(KrThreadState *ts, KrObject *o);
// o.__index__() as a C ssize.  On overflow raises `overflow_exc` (e.g.
// IndexError "cannot fit 'int' into an index-sized integer"), or, when it is
// NULL, clamps to KR_SSIZE_MIN/MAX.  -1 with an exception on error.
KrSsize krNum_as_ssize(KrThreadState *ts, KrObject *o, KrTypeObject *overflow_exc);
#define KR_SSIZE_MAX PTRDIFF_MAX
#define KR_SSIZE_MIN PTRDIFF_MIN
// int(o) and float(o) as the built-ins do.
KrObject *krNum_int(KrThreadState *ts, KrObject *o);
KrObject *krNum_float(KrThreadState *ts, KrObject *o);
// True if o has __index__ (nb_index).
static inline bool krNum_is_index(KrObject *o) { return kr_is_smallint(o) || KR_TYPE(o)->nb_index != NULL; }

// ---------------------------------------------------------------------------
// Containers

// len(o): >= 0, or -1 with TypeError "object of type 'X' has no len()".
KrSsize krObj_length(KrThreadState *ts, KrObject *o);
// len(o) if it has a length, else o.__length_hint__(), else `dflt`.  -1 on error.
KrSsize krObj_length_hint(KrThreadState *ts, KrObject *o, KrSsize dflt);
KrObject *krObj_getitem(KrThreadState *ts, KrObject *o, KrObject *key);
int krObj_setitem(KrThreadState *ts, KrObject *o, KrObject *key, KrObject *value);
int krObj_delitem(KrThreadState *ts, KrObject *o, KrObject *key);
// `key in o`: 1, 0, -1.
int krObj_contains(KrThreadState *ts, KrObject *o, KrObject *key);
// `key in o` by iterating o (the fallback without __contains__): 1, 0, -1.
int krObj_contains_by_iteration(KrThreadState *ts, KrObject *o, KrObject *key);

// ---------------------------------------------------------------------------
// Iteration

// iter(o).  TypeError "'X' object is not iterable".
KrObject *krObj_get_iter(KrThreadState *ts, KrObject *o);
// next(it): new reference, or NULL with no exception when exhausted, or NULL
// with an exception on error.  A StopIteration raised by a Python __next__ is
// swallowed (reported as exhaustion).
KrObject *krIter_next(KrThreadState *ts, KrObject *it);
// True if `o` is an iterator (has tp_iternext).
static inline bool krIter_check(KrObject *o) { return KR_TYPE(o)->tp_iternext != NULL; }

// list(iterable) / tuple(iterable): new references.
KrObject *krSeq_list(KrThreadState *ts, KrObject *iterable);
KrObject *krSeq_tuple(KrThreadState *ts, KrObject *iterable);
// A tuple or list with the items of `o`, fast for list and tuple (new reference).
// `errmsg` (or NULL) is the TypeError message for non-iterables.
KrObject *krSeq_fast(KrThreadState *ts, KrObject *o, const char *errmsg);

// ---------------------------------------------------------------------------
// Argument parsing for built-in functions (src/objects/getargs.c).

// Binds `args`/`kwnames` to the `nparams` parameters named in `names`.  The
// first `nposonly` parameters are positional-only, those from `kwonly_start`
// (or nparams when none) on are keyword-only; the first `nrequired` are
// required.  out[i] receives a borrowed reference, or NULL when not given.
// Raises CPython's TypeErrors ("f() missing required argument 'x' (pos 1)",
// "f() takes at most 2 arguments (3 given)", "f() got an unexpected keyword
// argument 'y'", ...).  `fname` is used in messages ("sorted", "str.split").
int krArg_parse(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                const char *const *names, int nparams, int nposonly, int kwonly_start, int nrequired,
                KrObject **out);
// Checks min <= nargs <= max for a positional-only function: 0 or -1.
int krArg_check_positional(KrThreadState *ts, const char *fname, KrSsize nargs, KrSsize min, KrSsize max);
// Rejects keywords ("f() takes no keyword arguments"): 0 or -1.
int krArg_no_kwargs(KrThreadState *ts, const char *fname, KrObject *kwnames);
// The name argument-conversion errors give o's type: "None" for None, else the
// type's name ("f() argument 'x' must be str, not None"; CPython's converterr).
const char *krArg_type_name(KrObject *o);

#endif
