/*
 * slice.h — slice objects, range objects, and the index arithmetic shared by
 * every sequence type.  Owner of: slice.c, range.c.
 */
#ifndef KR_SLICE_H
#define KR_SLICE_H

#include "objects/object.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *start, *stop, *step;   // strong; None when omitted
} KrSliceObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *start, *stop, *step;   // strong ints
    KrObject *length;                // strong int
} KrRangeObject;

extern KrTypeObject KrSlice_Type, KrRange_Type;

static inline bool krSlice_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrSlice_Type; }
static inline bool krRange_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrRange_Type; }

// slice(start, stop, step); NULL arguments mean None.  New reference.
KrObject *krSlice_new(KrThreadState *ts, KrObject *start, KrObject *stop, KrObject *step);
// Converts the slice's fields to C integers (clamped, __index__ honoured,
// "slice step cannot be zero").  0 or -1.
int krSlice_unpack(KrThreadState *ts, KrObject *slice, KrSsize *start, KrSsize *stop, KrSsize *step);
// Clamps unpacked indices to a sequence of `length`; returns the slice length.  Never fails.
KrSsize krSlice_adjust_indices(KrSsize length, KrSsize *start, KrSsize *stop, KrSsize step);

// slice.indices(length) on ints of any size: a new (start, stop, step) tuple.
KrObject *krSlice_indices(KrThreadState *ts, KrObject *slice, KrObject *length);

// range(start, stop, step) of C integers.  New reference.
KrObject *krRange_new_ssize(KrThreadState *ts, KrSsize start, KrSsize stop, KrSsize step);

#endif
