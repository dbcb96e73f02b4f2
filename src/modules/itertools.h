/*
 * itertools.h — shared between the two files of the itertools module:
 * itertools.c (the module, infinite and filtering iterators, islice, chain,
 * zip_longest...) and itertools_comb.c (groupby, tee and the combinatoric
 * iterators).
 */
#ifndef KR_ITERTOOLS_H
#define KR_ITERTOOLS_H

#include "objects/object.h"

extern KrTypeObject KrGroupBy_Type, KrGrouper_Type, KrTee_Type, KrTeeData_Type, KrProduct_Type,
    KrPermutations_Type, KrCombinations_Type, KrCwr_Type;

// An instance of `type` (the built-in `base` or a subclass of it) with zeroed
// fields, not yet GC-tracked.  New reference.
KrObject *krItertools_alloc(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base);
// Tracks a fully initialised object unless it already is.  Never fails.
void krItertools_track(KrObject *o);
// tp_iter of every itertools iterator: returns self.
KrObject *krItertools_self(KrThreadState *ts, KrObject *self);
// Rejects keywords for `name` (CPython's _PyArg_NoKeywords): 0 or -1.
int krItertools_no_kwargs(KrThreadState *ts, const char *name, KrObject *kwnames);

// tee(iterable, n=2), for the module table.
KrObject *krItertools_tee(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs);

#endif
