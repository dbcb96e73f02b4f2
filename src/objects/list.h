/*
 * list.h — Python's list: a resizable array of strong references.
 * Owner of: list.c (incl. the stable merge sort used by list.sort and sorted).
 */
#ifndef KR_LIST_H
#define KR_LIST_H

#include "objects/object.h"

typedef struct {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of items
    KrObject **items;              // strong references; `allocated` slots
    KrSsize allocated;
} KrListObject;

extern KrTypeObject KrList_Type;

static inline bool krList_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_LIST_SUBCLASS) != 0;
}
static inline bool krList_check_exact(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrList_Type; }
#define KR_LIST_ITEMS(o) (((KrListObject *)(o))->items)
#define KR_LIST_SIZE(o) (((KrVarObject *)(o))->ob_size)
#define KR_LIST_GET(o, i) (((KrListObject *)(o))->items[(i)])
// Initialises item i of a list made by krList_new(n); steals `v`.
#define KR_LIST_SET(o, i, v) (((KrListObject *)(o))->items[(i)] = (v))

// A list of `n` NULL items for the caller to fill with KR_LIST_SET.  New reference.
KrObject *krList_new(KrThreadState *ts, KrSsize n);
KrObject *krList_from_array(KrThreadState *ts, KrObject *const *items, KrSsize n);
// Appends `v` (increfed).  0 or -1 (MemoryError).
int krList_append(KrThreadState *ts, KrObject *list, KrObject *v);
// list.extend(iterable).  0 or -1.
int krList_extend(KrThreadState *ts, KrObject *list, KrObject *iterable);
int krList_insert(KrThreadState *ts, KrObject *list, KrSsize i, KrObject *v);
// Sorts in place like list.sort(key=key, reverse=reverse); key may be NULL.  0 or -1.
int krList_sort(KrThreadState *ts, KrObject *list, KrObject *key, bool reverse);
void krList_reverse(KrObject *list);
KrObject *krList_as_tuple(KrThreadState *ts, KrObject *list);
KrObject *krList_slice(KrThreadState *ts, KrObject *list, KrSsize start, KrSsize stop);

#endif
