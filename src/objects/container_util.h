/*
 * container_util.h — helpers shared by the container files (tuple.c, list.c,
 * dict.c, dictviews.c, set.c, range.c, iterobject.c).  Internal: nothing outside
 * those files should include it.
 *
 * The "trash" mechanism bounds the C recursion of deallocating deeply nested
 * containers (`a = []` then `a = [a]` a million times, then `del a`): past a
 * nesting depth, a container's deallocation is deferred to a pending list that
 * the outermost deallocation drains iteratively.  Implemented in list.c.
 */
#ifndef KR_CONTAINER_UTIL_H
#define KR_CONTAINER_UTIL_H

#include "objects/object.h"

// krTrash_begin/krTrash_end (object.h) bound the depth of nested
// deallocations: call begin after krGC_untrack and return at once when it
// says false.

// Tracks a GC object unless it already is (krType_generic_alloc may track the
// instances of heap types itself).  Never fails.
static inline void kr_gc_track_once(KrObject *o) {
    if (!krGC_is_tracked(o)) krGC_track(o);
}

// Index `i` of a sequence of length `n` as Python sees it (negative from the
// end); returns -1 when out of range (after adjustment).  Never fails.
static inline KrSsize kr_seq_adjust_index(KrSsize i, KrSsize n) {
    if (i < 0) i += n;
    return (i < 0 || i >= n) ? -1 : i;
}

// Converts the start/stop arguments of index()/count()-style methods
// (CPython's "slice index" converter: __index__, clamped, None rejected).  On
// success stores into *out and returns 0; -1 with TypeError "slice indices must
// be integers or have an __index__ method".
int kr_slice_index_arg(KrThreadState *ts, KrObject *o, KrSsize *out);
// Same but None leaves *out unchanged (slice objects' converter).
int kr_slice_index_or_none(KrThreadState *ts, KrObject *o, KrSsize *out);

#endif
