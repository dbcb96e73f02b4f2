/*
 * object.h — the object model every other file builds on.
 *
 * A value is one machine word, `KrObject *`.  Small ints are tagged inline: when
 * the low bit is 1 the word is not a pointer but a 63-bit two's-complement
 * integer shifted left by one.  Everything else points at a heap object whose
 * header is a reference count and a type pointer.  `KR_TYPE(o)` hides the
 * difference; incref/decref of a tagged int is a single not-taken branch.
 *
 * Invariant: an exact `int` whose value fits the tagged range is ALWAYS tagged.
 * Heap `KrIntObject`s of exact type int hold only values outside that range, so
 * two exact ints are equal iff their words are equal, or both are heap ints with
 * equal GMP values.  (bool and int subclasses are heap objects whatever their value.)
 *
 * Reference-count convention (STYLE.md §7): arguments are borrowed unless the
 * prototype says "steals"; every function returning `KrObject *` says whether the
 * result is a new or a borrowed reference.  Fallible functions return NULL / -1
 * with an exception set on the thread state (src/runtime/error.h).
 *
 * Every function takes the thread state `ts` it works on as its first argument.
 * Deallocators do not: they may fetch the current one with krThread_current().
 *
 * Type objects carry one flat table of slots (no tp_as_number indirection), so the
 * number protocol costs one load.  For user classes the slots are filled from the
 * class dict by src/objects/typeslots.c; for built-in types the dict is filled
 * from the slots (wrapper descriptors) — so `a + b` dispatches through one slot for
 * built-in and user types alike.
 *
 * Related: type.h (type objects, class creation), abstract.h (the protocols:
 * getattr, call, binary ops, iteration…), src/runtime/state.h, src/runtime/error.h.
 */
#ifndef KR_OBJECT_H
#define KR_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "krait/config.h"

_Static_assert(sizeof(void *) == 8, "Krait needs a 64-bit platform");

typedef ptrdiff_t KrSsize;           // signed size, like Py_ssize_t
typedef int64_t KrHash;              // hash value; -1 is reserved for "error"

typedef struct KrObject KrObject;
typedef struct KrTypeObject KrTypeObject;
typedef struct KrThreadState KrThreadState;
typedef struct KrInterp KrInterp;

// ---------------------------------------------------------------------------
// Headers

struct KrObject {
    KrSsize ob_refcnt;
    KrTypeObject *ob_type;
};

typedef struct {
    KrObject ob_base;
    KrSsize ob_size;                 // number of items (meaning is per type)
} KrVarObject;

// Put first in every object struct: `typedef struct { KR_OBJECT_HEAD; double v; } ...`
#define KR_OBJECT_HEAD KrObject ob_base
#define KR_OBJECT_VAR_HEAD KrVarObject ob_base

// Reference count given to statically allocated objects.  Large enough that it
// never reaches zero, small enough that increments never overflow.
#define KR_IMMORTAL_REFCNT ((KrSsize)1 << 60)

// Static initialiser for the header of a statically allocated object.
#define KR_STATIC_HEAD(type) { KR_IMMORTAL_REFCNT, (type) }
#define KR_STATIC_VAR_HEAD(type, size) { KR_STATIC_HEAD(type), (size) }

// ---------------------------------------------------------------------------
// Tagged small ints

#define KR_SMALLINT_BITS 62
#define KR_SMALLINT_MAX ((int64_t)(((uint64_t)1 << KR_SMALLINT_BITS) - 1))
#define KR_SMALLINT_MIN (-(int64_t)((uint64_t)1 << KR_SMALLINT_BITS))

static inline bool kr_is_smallint(const KrObject *o) { return ((uintptr_t)o & 1) != 0; }
static inline bool kr_smallint_fits(int64_t v) { return v >= KR_SMALLINT_MIN && v <= KR_SMALLINT_MAX; }
// The value of a tagged int.  `o` must be tagged.
static inline int64_t kr_smallint_value(const KrObject *o) { return (int64_t)(intptr_t)o >> 1; }
// Tag `v`, which must satisfy kr_smallint_fits().  Never fails, no reference to own.
static inline KrObject *kr_smallint(int64_t v) { return (KrObject *)(uintptr_t)(((uint64_t)v << 1) | 1); }

extern KrTypeObject KrInt_Type;

static inline KrTypeObject *KR_TYPE(const KrObject *o) {
    return kr_is_smallint(o) ? &KrInt_Type : o->ob_type;
}
#define KR_SIZE(o) (((KrVarObject *)(o))->ob_size)
#define KR_CAST(T, o) ((T *)(o))

// ---------------------------------------------------------------------------
// Reference counting

// Frees `o` through its type's tp_dealloc.  Called when the count reaches zero.
void kr_dealloc(KrObject *o);

static inline void kr_incref(KrObject *o) {
    if (!kr_is_smallint(o)) o->ob_refcnt++;
}
static inline void kr_decref(KrObject *o) {
    if (!kr_is_smallint(o) && --o->ob_refcnt == 0) kr_dealloc(o);
}
static inline void kr_xincref(KrObject *o) { if (o) kr_incref(o); }
static inline void kr_xdecref(KrObject *o) { if (o) kr_decref(o); }
// Returns `o` after increfing it: `return kr_newref(x);`
static inline KrObject *kr_newref(KrObject *o) { kr_incref(o); return o; }
static inline KrObject *kr_xnewref(KrObject *o) { kr_xincref(o); return o; }
// Stores `value` (stolen) in `*slot`, then releases the old value.  Store first,
// then decref: the decref can run arbitrary code that may look at the slot.
static inline void kr_setref(KrObject **slot, KrObject *value) {
    KrObject *old = *slot;
    *slot = value;
    kr_xdecref(old);
}
#define KR_CLEAR(slot) do { KrObject *tmp__ = (KrObject *)(slot); (slot) = NULL; kr_xdecref(tmp__); } while (0)

// ---------------------------------------------------------------------------
// Slot signatures

typedef void (*KrDeallocFunc)(KrObject *self);
typedef KrObject *(*KrUnaryFunc)(KrThreadState *ts, KrObject *self);
typedef KrObject *(*KrBinaryFunc)(KrThreadState *ts, KrObject *a, KrObject *b);
typedef KrObject *(*KrTernaryFunc)(KrThreadState *ts, KrObject *a, KrObject *b, KrObject *c);
// Truth / predicate: 1, 0, or -1 with an exception.
typedef int (*KrInquiry)(KrThreadState *ts, KrObject *self);
typedef KrSsize (*KrLenFunc)(KrThreadState *ts, KrObject *self);
typedef KrObject *(*KrSsizeArgFunc)(KrThreadState *ts, KrObject *self, KrSsize n);
// Set (value != NULL) or delete (value == NULL) self[key] / self.key.  0 or -1.
typedef int (*KrObjObjArgProc)(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value);
// `key in self`: 1, 0, or -1.
typedef int (*KrObjObjProc)(KrThreadState *ts, KrObject *self, KrObject *key);
typedef KrHash (*KrHashFunc)(KrThreadState *ts, KrObject *self);
typedef KrObject *(*KrRichCmpFunc)(KrThreadState *ts, KrObject *a, KrObject *b, int op);
// `name` is always an exact str.
typedef KrObject *(*KrGetAttrFunc)(KrThreadState *ts, KrObject *self, KrObject *name);
typedef int (*KrSetAttrFunc)(KrThreadState *ts, KrObject *self, KrObject *name, KrObject *value);
// `obj` may be NULL (access through the class); `type` may be NULL.
typedef KrObject *(*KrDescrGetFunc)(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *type);
// value == NULL means __delete__.
typedef int (*KrDescrSetFunc)(KrThreadState *ts, KrObject *descr, KrObject *obj, KrObject *value);

// The one calling convention ("vectorcall"): `args[0..nargs)` positional
// arguments followed by the keyword values whose names are the tuple `kwnames`
// (NULL when there are none).  `nargsf` may have KR_VECTORCALL_ARGS_OFFSET set,
// which promises that args[-1] may be overwritten temporarily (to prepend self
// without copying).  Arguments are borrowed.  Returns a new reference or NULL.
typedef KrObject *(*KrVectorcallFunc)(KrThreadState *ts, KrObject *callable, KrObject *const *args,
                                      size_t nargsf, KrObject *kwnames);
#define KR_VECTORCALL_ARGS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline KrSsize kr_vectorcall_nargs(size_t nargsf) { return (KrSsize)(nargsf & ~KR_VECTORCALL_ARGS_OFFSET); }

// tp_new and tp_init take vectorcall-style arguments too.
typedef KrObject *(*KrNewFunc)(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames);
typedef int (*KrInitFunc)(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames);

// GC support: traverse visits every strong reference held; clear drops them.
typedef int (*KrVisitProc)(KrObject *o, void *arg);
typedef int (*KrTraverseProc)(KrObject *self, KrVisitProc visit, void *arg);
typedef int (*KrClearProc)(KrObject *self);
// Visit a possibly-NULL, possibly-tagged member from inside a traverse function.
#define KR_VISIT(o)                                                          \
    do {                                                                     \
        KrObject *vo__ = (KrObject *)(o);                                    \
        if (vo__ && !kr_is_smallint(vo__)) {                                 \
            int vr__ = visit(vo__, arg);                                     \
            if (vr__) return vr__;                                           \
        }                                                                    \
    } while (0)

// Rich comparison operators, in CPython's order (also COMPARE_OP's argument).
enum { KR_LT = 0, KR_LE = 1, KR_EQ = 2, KR_NE = 3, KR_GT = 4, KR_GE = 5 };

// ---------------------------------------------------------------------------
// Method, member and getset tables for built-in types and modules

// Built-in function calling conventions, selected by KrMethodDef.flags.
typedef void (*KrCFunc)(void);                                          // generic: cast to one below
typedef KrObject *(*KrCFuncNoArgs)(KrThreadState *ts, KrObject *self);   // KR_METH_NOARGS
typedef KrObject *(*KrCFuncO)(KrThreadState *ts, KrObject *self, KrObject *arg);  // KR_METH_O
typedef KrObject *(*KrCFuncFast)(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);  // KR_METH_FAST
typedef KrObject *(*KrCFuncFastKw)(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                   KrObject *kwnames);                  // KR_METH_FASTKW
#define KR_CFUNC(f) ((KrCFunc)(void (*)(void))(f))

enum {
    KR_METH_NOARGS = 1 << 0,   // f(ts, self); "takes no arguments (N given)" checked for you
    KR_METH_O = 1 << 1,        // f(ts, self, arg); exactly one positional argument
    KR_METH_FAST = 1 << 2,     // f(ts, self, args, nargs); keywords rejected for you
    KR_METH_FASTKW = 1 << 3,   // f(ts, self, args, nargs, kwnames)
    KR_METH_CLASS = 1 << 4,    // classmethod: `self` is the class
    KR_METH_STATIC = 1 << 5,   // staticmethod: `self` is NULL
    KR_METH_COEXIST = 1 << 6,  // define even when a slot wrapper of the same name exists
};

typedef struct KrMethodDef {
    const char *name;
    KrCFunc func;
    uint32_t flags;
    const char *doc;           // may be NULL
} KrMethodDef;

enum KrMemberType {
    KR_MEMBER_OBJECT,          // KrObject *, None when NULL
    KR_MEMBER_OBJECT_EX,       // KrObject *, AttributeError when NULL
    KR_MEMBER_INT,             // int
    KR_MEMBER_SSIZE,           // KrSsize
    KR_MEMBER_BOOL,            // bool
    KR_MEMBER_DOUBLE,          // double
};
enum { KR_MEMBER_READONLY = 1 };

typedef struct KrMemberDef {
    const char *name;
    int type;                  // enum KrMemberType
    KrSsize offset;
    int flags;                 // KR_MEMBER_READONLY
    const char *doc;
} KrMemberDef;

typedef KrObject *(*KrGetter)(KrThreadState *ts, KrObject *self, void *closure);
// value == NULL means delete.  0 or -1.
typedef int (*KrSetter)(KrThreadState *ts, KrObject *self, KrObject *value, void *closure);

typedef struct KrGetSetDef {
    const char *name;
    KrGetter get;
    KrSetter set;              // NULL: read-only
    const char *doc;
    void *closure;
} KrGetSetDef;

// ---------------------------------------------------------------------------
// Type objects

enum {
    KR_TPFLAGS_HEAPTYPE = 1u << 0,       // created by a class statement or type()
    KR_TPFLAGS_BASETYPE = 1u << 1,       // may be subclassed
    KR_TPFLAGS_READY = 1u << 2,          // krType_ready() done
    KR_TPFLAGS_HAVE_GC = 1u << 3,        // instances carry a GC header
    KR_TPFLAGS_IMMUTABLETYPE = 1u << 4,  // attributes cannot be set on the type
    KR_TPFLAGS_ABSTRACT = 1u << 5,       // has abstract methods
    KR_TPFLAGS_METHOD_DESCRIPTOR = 1u << 6, // descr_get(obj) binds like a function (LOAD_METHOD may skip it)
    KR_TPFLAGS_SEQUENCE = 1u << 7,       // matches sequence patterns
    KR_TPFLAGS_MAPPING = 1u << 8,        // matches mapping patterns
    KR_TPFLAGS_HAS_FINALIZER = 1u << 9,  // tp_finalize must run before dealloc
    KR_TPFLAGS_DISALLOW_INSTANTIATION = 1u << 10,
    // Fast subclass checks: set on the built-in type and inherited by subclasses.
    KR_TPFLAGS_INT_SUBCLASS = 1u << 20,
    KR_TPFLAGS_LIST_SUBCLASS = 1u << 21,
    KR_TPFLAGS_TUPLE_SUBCLASS = 1u << 22,
    KR_TPFLAGS_BYTES_SUBCLASS = 1u << 23,
    KR_TPFLAGS_STR_SUBCLASS = 1u << 24,
    KR_TPFLAGS_DICT_SUBCLASS = 1u << 25,
    KR_TPFLAGS_BASE_EXC_SUBCLASS = 1u << 26,
    KR_TPFLAGS_TYPE_SUBCLASS = 1u << 27,
};

struct KrTypeObject {
    KR_OBJECT_HEAD;
    const char *tp_name;          // "int", "collections.OrderedDict"; heap types: UTF-8 of __name__
    KrSsize tp_basicsize;         // size of an instance without items
    KrSsize tp_itemsize;          // size of one item for variable-size instances
    uint32_t tp_flags;
    uint32_t tp_version;          // changes whenever the type or a base is mutated; 0 = no valid version
    const char *tp_doc;

    // Lifecycle
    KrNewFunc tp_new;
    KrInitFunc tp_init;
    KrDeallocFunc tp_dealloc;
    KrTraverseProc tp_traverse;   // required when KR_TPFLAGS_HAVE_GC
    KrClearProc tp_clear;
    void (*tp_finalize)(KrThreadState *ts, KrObject *self);  // __del__

    // Basic protocol
    KrUnaryFunc tp_repr;
    KrUnaryFunc tp_str;
    KrHashFunc tp_hash;           // NULL after krType_ready means unhashable
    KrVectorcallFunc tp_call;
    KrGetAttrFunc tp_getattro;
    KrSetAttrFunc tp_setattro;
    KrRichCmpFunc tp_richcompare;
    KrUnaryFunc tp_iter;
    KrUnaryFunc tp_iternext;      // NULL without an exception set means "exhausted"
    KrDescrGetFunc tp_descr_get;
    KrDescrSetFunc tp_descr_set;

    // Number protocol (nb_* return NotImplemented, borrowed-immortal, when they do not apply)
    KrBinaryFunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    KrTernaryFunc nb_power;
    KrUnaryFunc nb_negative, nb_positive, nb_absolute;
    KrInquiry nb_bool;
    KrUnaryFunc nb_invert;
    KrBinaryFunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    KrUnaryFunc nb_int, nb_float, nb_index;
    KrBinaryFunc nb_floor_divide, nb_true_divide, nb_matrix_multiply;
    KrBinaryFunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder;
    KrTernaryFunc nb_inplace_power;
    KrBinaryFunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or;
    KrBinaryFunc nb_inplace_floor_divide, nb_inplace_true_divide, nb_inplace_matrix_multiply;

    // Sequence and mapping protocol
    KrLenFunc mp_length;          // len(); sequences use it too
    KrBinaryFunc mp_subscript;    // self[key]
    KrObjObjArgProc mp_ass_subscript;  // self[key] = v / del self[key]
    KrObjObjProc sq_contains;
    KrBinaryFunc sq_concat;       // seq + seq, tried after nb_add (CPython's error messages need it)
    KrSsizeArgFunc sq_repeat;     // seq * n
    KrBinaryFunc sq_inplace_concat;
    KrSsizeArgFunc sq_inplace_repeat;

    // Async protocol
    KrUnaryFunc am_await, am_aiter, am_anext;

    // Tables used by krType_ready() to fill tp_dict
    const KrMethodDef *tp_methods;
    const KrMemberDef *tp_members;
    const KrGetSetDef *tp_getset;

    // Inheritance and attributes
    KrTypeObject *tp_base;        // the "solid" base (layout parent); NULL only for object
    KrObject *tp_bases;           // tuple of bases
    KrObject *tp_mro;             // tuple, method resolution order
    KrObject *tp_dict;            // dict; for built-in types a read-only view is exposed
    void *tp_subclasses_list;     // borrowed pointers to direct subclasses (type.c), or NULL
    KrSsize tp_dictoffset;        // offset of a `KrObject *` __dict__ field in instances; 0 = none
                                  // (classes defined in Python use KR_TPFLAGS_MANAGED_ATTRS instead)
    KrSsize tp_weaklistoffset;    // offset of the weak reference list; 0 = not weakly referenceable
    KrObject *tp_name_obj;        // str __name__ (set by krType_ready for static types)
    KrObject *tp_qualname;        // str __qualname__
    KrObject *tp_module;          // str __module__ for static types (NULL: "builtins")
};

// Type flags tests.
static inline bool kr_type_has_flag(const KrTypeObject *t, uint32_t f) { return (t->tp_flags & f) != 0; }
static inline bool kr_check_flag(const KrObject *o, uint32_t f) { return (KR_TYPE(o)->tp_flags & f) != 0; }

extern KrTypeObject KrType_Type, KrBaseObject_Type;

// Is `t` `base` or a subclass of it (by MRO; no __subclasscheck__).  Never fails.
bool krType_is_subtype(KrTypeObject *t, KrTypeObject *base);
// isinstance(o, type) without hooks.  Never fails.
static inline bool kr_type_check(const KrObject *o, KrTypeObject *type) {
    KrTypeObject *t = KR_TYPE(o);
    return t == type || krType_is_subtype(t, type);
}

// The NotImplemented, None, Ellipsis singletons, and the two bools.
extern KrObject kr_none_struct, kr_notimplemented_struct, kr_ellipsis_struct;
#define KR_NONE (&kr_none_struct)
#define KR_NOTIMPLEMENTED (&kr_notimplemented_struct)
#define KR_ELLIPSIS (&kr_ellipsis_struct)
extern struct KrIntObject kr_true_struct, kr_false_struct;
#define KR_TRUE ((KrObject *)&kr_true_struct)
#define KR_FALSE ((KrObject *)&kr_false_struct)
// Returns a new reference to True or False.
static inline KrObject *kr_bool(bool b) { return b ? KR_TRUE : KR_FALSE; }  // immortal, no incref needed
static inline KrObject *kr_none(void) { return KR_NONE; }                    // immortal

// ---------------------------------------------------------------------------
// Allocation of objects (src/objects/object.c).  GC-tracked types get a
// KrGCHead in front of the object; `KR_TYPE(o)->tp_flags & KR_TPFLAGS_HAVE_GC`
// says whether it is there.

typedef struct KrGCHead {
    struct KrGCHead *gc_next;
    struct KrGCHead *gc_prev;     // low bits carry collector flags
} KrGCHead;

#define KR_GC_HEAD(o) ((KrGCHead *)(o) - 1)
#define KR_FROM_GC(g) ((KrObject *)((KrGCHead *)(g) + 1))

// Allocates an instance of `type` with room for `nitems` items, refcount 1,
// type set (and increfed for heap types), the rest zeroed; for GC types the
// object is not yet tracked.  New reference.  Raises MemoryError.
KrObject *krObj_alloc(KrThreadState *ts, KrTypeObject *type, KrSsize nitems);
// Releases the memory of an object whose fields have been cleared (the inverse
// of krObj_alloc; also drops the heap type's reference).  Never fails.
void krObj_free(KrObject *o);
// Start/stop letting the cycle collector see a GC object.  Never fail.
void krGC_track(KrObject *o);
void krGC_untrack(KrObject *o);
bool krGC_is_tracked(const KrObject *o);
// The "finalizer has run" mark of PEP 442 (bit 0 of gc_prev).  Never fail.
static inline bool krGC_is_finalized(const KrObject *o) { return ((uintptr_t)KR_GC_HEAD(o)->gc_prev & 1) != 0; }
static inline void krGC_set_finalized(KrObject *o) {
    KrGCHead *g = KR_GC_HEAD(o);
    g->gc_prev = (KrGCHead *)((uintptr_t)g->gc_prev | 1);
}
#define KR_GC_PREV(g) ((KrGCHead *)((uintptr_t)(g)->gc_prev & ~(uintptr_t)3))

// Bounded-depth deallocation of nested containers.  A container's dealloc
// calls krTrash_begin after krGC_untrack: false means the object (refcount 0)
// was queued and the dealloc must return at once; true means go on, and call
// krTrash_end at the end (the outermost one drains the queue).  Never fail.
bool krTrash_begin(KrObject *o);
void krTrash_end(void);

// Raw memory (may return NULL without setting an exception; callers raise).
void *krMem_malloc(size_t n);
void *krMem_calloc(size_t count, size_t n);
void *krMem_realloc(void *p, size_t n);
void krMem_free(void *p);

#endif
