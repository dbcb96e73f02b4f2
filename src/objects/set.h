/*
 * set.h — set and frozenset.  The hash table follows CPython's setobject.c
 * (linear probes then perturbation, the same growth policy), so iteration order
 * for the same insertions equals CPython's.
 * Owner of: set.c.
 */
#ifndef KR_SET_H
#define KR_SET_H

#include "objects/object.h"

#define KR_SET_MINSIZE 8

typedef struct {
    KrObject *key;                 // NULL: empty; kr_set_dummy: deleted
    KrHash hash;
} KrSetEntry;

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize fill;                  // active + dummy entries
    KrSsize used;                  // active entries
    KrSsize mask;                  // table size - 1
    KrSetEntry *table;             // smalltable or heap
    KrHash hash;                   // frozenset only; -1 until computed
    KrSsize finger;                // pop() position
    KrSetEntry smalltable[KR_SET_MINSIZE];
    KrObject *weakreflist;
} KrSetObject;

extern KrTypeObject KrSet_Type, KrFrozenSet_Type;

static inline bool krAnySet_check(const KrObject *o) {
    return kr_type_check(o, &KrSet_Type) || kr_type_check(o, &KrFrozenSet_Type);
}
static inline bool krFrozenSet_check(const KrObject *o) { return kr_type_check(o, &KrFrozenSet_Type); }
static inline KrSsize krSet_size(const KrObject *s) { return ((const KrSetObject *)s)->used; }

// New set/frozenset from an iterable (NULL: empty).  New reference.
KrObject *krSet_new(KrThreadState *ts, KrObject *iterable);
KrObject *krFrozenSet_new(KrThreadState *ts, KrObject *iterable);
int krSet_add(KrThreadState *ts, KrObject *set, KrObject *key);        // 0 or -1
int krSet_contains(KrThreadState *ts, KrObject *set, KrObject *key);   // 1, 0, -1
int krSet_discard(KrThreadState *ts, KrObject *set, KrObject *key);    // 1 found, 0 not, -1 error
int krSet_update(KrThreadState *ts, KrObject *set, KrObject *iterable); // 0 or -1
// In-place operations with any iterable, as the methods of the same names.  0 or -1.
int krSet_difference_update(KrThreadState *ts, KrObject *set, KrObject *other);
int krSet_symmetric_difference_update(KrThreadState *ts, KrObject *set, KrObject *other);
// set & other for any iterable `other` (a new set of set's type).  New reference.
KrObject *krSet_intersection(KrThreadState *ts, KrObject *set, KrObject *other);
// Iteration like krDict_next; borrowed key.
bool krSet_next(KrObject *set, KrSsize *pos, KrObject **key, KrHash *hash);

#endif
