/*
 * iter.h — the built-in iterator types: sequence iterators (the __getitem__
 * fallback), callable iterators (iter(f, sentinel)), enumerate, zip, map,
 * filter, reversed, and the iterators of list/tuple/str/range/dict/set which
 * their own files define.
 * Owner of: iterobject.c (seqiter, calliter, enumerate, zip, map, filter, reversed).
 */
#ifndef KR_ITER_H
#define KR_ITER_H

#include "objects/object.h"

extern KrTypeObject KrSeqIter_Type, KrCallIter_Type, KrEnumerate_Type, KrZip_Type, KrMap_Type,
    KrFilter_Type, KrReversed_Type;

// Iterators of the container types (defined in tuple.c, list.c, dict.c /
// dictviews.c, set.c, range.c).  None of them can be instantiated from Python.
extern KrTypeObject KrTupleIter_Type, KrListIter_Type, KrListRevIter_Type, KrSetIter_Type,
    KrRangeIter_Type, KrLongRangeIter_Type, KrDictKeyIter_Type, KrDictValueIter_Type, KrDictItemIter_Type,
    KrDictRevKeyIter_Type, KrDictRevValueIter_Type, KrDictRevItemIter_Type;

// iter(seq) for an object with __getitem__ but no __iter__.  New reference.
KrObject *krSeqIter_new(KrThreadState *ts, KrObject *seq);
// iter(callable, sentinel).  New reference.
KrObject *krCallIter_new(KrThreadState *ts, KrObject *callable, KrObject *sentinel);
// reversed(seq): seq.__reversed__() when defined, else a reverse sequence
// iterator over __len__/__getitem__.  New reference.
KrObject *krReversed_new(KrThreadState *ts, KrObject *seq);

#endif
