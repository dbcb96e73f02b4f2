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

// iter(seq) for an object with __getitem__ but no __iter__.  New reference.
KrObject *krSeqIter_new(KrThreadState *ts, KrObject *seq);
// iter(callable, sentinel).  New reference.
KrObject *krCallIter_new(KrThreadState *ts, KrObject *callable, KrObject *sentinel);

#endif
