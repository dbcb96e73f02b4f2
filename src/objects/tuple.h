/*
 * tuple.h — Python's tuple: an immutable array of strong references inline
 * after the header.  The empty tuple is a shared immortal singleton.
 * Owner of: tuple.c.
 */
#ifndef KR_TUPLE_H
#define KR_TUPLE_H

#include "objects/object.h"

typedef struct {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of items
    KrObject *items[];             // strong references
} KrTupleObject;

extern KrTypeObject KrTuple_Type;

static inline bool krTuple_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_TUPLE_SUBCLASS) != 0;
}
static inline bool krTuple_check_exact(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrTuple_Type; }
#define KR_TUPLE_ITEMS(o) (((KrTupleObject *)(o))->items)
#define KR_TUPLE_SIZE(o) (((KrVarObject *)(o))->ob_size)
#define KR_TUPLE_GET(o, i) (((KrTupleObject *)(o))->items[(i)])
// Initialises item i of a tuple being built; steals `v`.
#define KR_TUPLE_SET(o, i, v) (((KrTupleObject *)(o))->items[(i)] = (v))

// A tuple of `n` NULL items for the caller to fill with KR_TUPLE_SET before it
// escapes.  New reference (the empty tuple when n == 0).  Raises MemoryError.
KrObject *krTuple_new(KrThreadState *ts, KrSsize n);
// A tuple of the `n` objects (increfed).  New reference.
KrObject *krTuple_from_array(KrThreadState *ts, KrObject *const *items, KrSsize n);
// Same, but steals the references in `items` (also on failure).
KrObject *krTuple_from_array_steal(KrThreadState *ts, KrObject *const *items, KrSsize n);
// krTuple_pack(ts, 2, a, b): tuple of the given objects (increfed).
KrObject *krTuple_pack(KrThreadState *ts, KrSsize n, ...);
KrObject *krTuple_slice(KrThreadState *ts, KrObject *t, KrSsize start, KrSsize stop);
KrObject *krTuple_empty(void);     // borrowed, immortal
// tuple(iterable): new reference (the same object for an exact tuple).
KrObject *krTuple_from_iterable(KrThreadState *ts, KrObject *iterable);
// The hash a tuple of these `n` items has (CPython 3.11's xxHash-based
// algorithm).  -1 with an exception when an item is unhashable.
KrHash krTuple_hash_items(KrThreadState *ts, KrObject *const *items, KrSsize n);

#endif
