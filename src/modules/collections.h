/*
 * collections.h — the types of the _collections module, shared by its
 * files: deque.c (deque and its iterators) and collections.c (the module,
 * defaultdict, _tuplegetter, _count_elements).
 */
#ifndef KR_COLLECTIONS_H
#define KR_COLLECTIONS_H

#include "objects/object.h"

extern KrTypeObject KrDeque_Type, KrDequeIter_Type, KrDequeRevIter_Type, KrDefaultDict_Type, KrTupleGetter_Type;

#endif
