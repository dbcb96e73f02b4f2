/*
 * heapq.c — the _heapq module: the heap operations on lists (min-heaps, and
 * the _max variants used by heapq.merge/nlargest).  They compare with `<`
 * only and sift exactly as CPython does, so heaps end up identical.  A
 * comparison may run Python code that resizes the list; that is detected
 * and raises RuntimeError.
 * lib/heapq.py adds merge, nlargest and nsmallest.
 */
#include "objects/abstract.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/type.h"

// a < b, or b < a for max-heaps: 1, 0, -1.
static int less(KrThreadState *ts, KrObject *a, KrObject *b, bool max) {
    kr_incref(a);
    kr_incref(b);
    int r = max ? krObj_richcompare_bool(ts, b, a, KR_LT) : krObj_richcompare_bool(ts, a, b, KR_LT);
    kr_decref(a);
    kr_decref(b);
    return r;
}

// Moves the item at `pos` up towards `startpos` while it is smaller than its
// parent.  0 or -1.
static int siftdown(KrThreadState *ts, KrObject *heap, KrSsize startpos, KrSsize pos, bool max) {
    KrSsize size = KR_LIST_SIZE(heap);
    KrObject **items = KR_LIST_ITEMS(heap);
    KrObject *newitem = items[pos];
    while (pos > startpos) {
        KrSsize parentpos = (pos - 1) >> 1;
        KrObject *parent = items[parentpos];
        int cmp = less(ts, newitem, parent, max);
        if (cmp < 0) return -1;
        if (size != KR_LIST_SIZE(heap)) {
            krErr_set_string(ts, &KrExc_RuntimeError, "list changed size during iteration");
            return -1;
        }
        if (cmp == 0) break;
        items = KR_LIST_ITEMS(heap);
        parent = items[parentpos];
        newitem = items[pos];
        items[parentpos] = newitem;
        items[pos] = parent;
        pos = parentpos;
    }
    return 0;
}

// Moves the smaller child up until a leaf is reached, puts the item at
// `pos` there, then sifts it back down: fewer comparisons than the
// textbook version, and the arrangement CPython produces.  0 or -1.
static int siftup(KrThreadState *ts, KrObject *heap, KrSsize pos, bool max) {
    KrSsize endpos = KR_LIST_SIZE(heap), startpos = pos;
    if (pos >= endpos) {
        krErr_set_string(ts, &KrExc_IndexError, "index out of range");
        return -1;
    }
    KrSsize limit = endpos >> 1;
    while (pos < limit) {
        KrSsize childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            KrObject **items = KR_LIST_ITEMS(heap);
            int cmp = less(ts, items[childpos], items[childpos + 1], max);
            if (cmp < 0) return -1;
            childpos += (cmp ^ 1);
            if (endpos != KR_LIST_SIZE(heap)) {
                krErr_set_string(ts, &KrExc_RuntimeError, "list changed size during iteration");
                return -1;
            }
        }
        KrObject **items = KR_LIST_ITEMS(heap);
        KrObject *t = items[childpos];
        items[childpos] = items[pos];
        items[pos] = t;
        pos = childpos;
    }
    return siftdown(ts, heap, startpos, pos, max);
}

static bool check_list(KrThreadState *ts, KrObject *o, const char *fname) {
    if (krList_check(o)) return true;
    krErr_format(ts, &KrExc_TypeError, "%s() argument 1 must be list, not %s", fname, krArg_type_name(o));
    return false;
}

static KrObject *heapq_heappush(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "heappush", nargs, 2, 2) < 0) return NULL;
    if (!check_list(ts, args[0], "heappush")) return NULL;
    KrObject *heap = args[0];
    if (krList_append(ts, heap, args[1]) < 0) return NULL;
    if (siftdown(ts, heap, 0, KR_LIST_SIZE(heap) - 1, false) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *heappop_common(KrThreadState *ts, KrObject *heap, const char *fname, bool max) {
    if (!krList_check(heap))
        return krErr_format(ts, &KrExc_TypeError, "%s() argument must be list, not %s", fname, krArg_type_name(heap));
    KrSsize n = KR_LIST_SIZE(heap);
    if (n == 0) return krErr_format(ts, &KrExc_IndexError, "index out of range");
    KrObject *last = KR_LIST_GET(heap, n - 1);
    KR_SIZE(heap) = n - 1;   // pop the last item (its reference moves to `last`)
    if (n == 1) return last;
    KrObject *result = KR_LIST_GET(heap, 0);
    KR_LIST_SET(heap, 0, last);
    if (siftup(ts, heap, 0, max) < 0) {
        kr_decref(result);
        return NULL;
    }
    return result;
}

static KrObject *heapq_heappop(KrThreadState *ts, KrObject *m, KrObject *heap) {
    return heappop_common(ts, heap, "heappop", false);
}

static KrObject *heapq_heappop_max(KrThreadState *ts, KrObject *m, KrObject *heap) {
    return heappop_common(ts, heap, "_heappop_max", true);
}

static KrObject *heapreplace_common(KrThreadState *ts, KrObject *const *args, KrSsize nargs, const char *fname,
                                    bool max) {
    if (krArg_check_positional(ts, fname, nargs, 2, 2) < 0) return NULL;
    if (!check_list(ts, args[0], fname)) return NULL;
    KrObject *heap = args[0];
    if (KR_LIST_SIZE(heap) == 0) return krErr_format(ts, &KrExc_IndexError, "index out of range");
    KrObject *result = KR_LIST_GET(heap, 0);
    KR_LIST_SET(heap, 0, kr_newref(args[1]));
    if (siftup(ts, heap, 0, max) < 0) {
        kr_decref(result);
        return NULL;
    }
    return result;
}

static KrObject *heapq_heapreplace(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return heapreplace_common(ts, args, nargs, "heapreplace", false);
}

static KrObject *heapq_heapreplace_max(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    return heapreplace_common(ts, args, nargs, "_heapreplace_max", true);
}

static KrObject *heapq_heappushpop(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "heappushpop", nargs, 2, 2) < 0) return NULL;
    if (!check_list(ts, args[0], "heappushpop")) return NULL;
    KrObject *heap = args[0], *item = args[1];
    if (KR_LIST_SIZE(heap) == 0) return kr_newref(item);
    int cmp = less(ts, KR_LIST_GET(heap, 0), item, false);
    if (cmp < 0) return NULL;
    if (cmp == 0) return kr_newref(item);
    if (KR_LIST_SIZE(heap) == 0) return krErr_format(ts, &KrExc_IndexError, "index out of range");
    KrObject *top = KR_LIST_GET(heap, 0);
    KR_LIST_SET(heap, 0, kr_newref(item));
    if (siftup(ts, heap, 0, false) < 0) {
        kr_decref(top);
        return NULL;
    }
    return top;
}

static KrObject *heapify_common(KrThreadState *ts, KrObject *heap, const char *fname, bool max) {
    if (!krList_check(heap))
        return krErr_format(ts, &KrExc_TypeError, "%s() argument must be list, not %s", fname, krArg_type_name(heap));
    // Sift every node that has children, the last one first.
    for (KrSsize i = KR_LIST_SIZE(heap) / 2 - 1; i >= 0; i--)
        if (siftup(ts, heap, i, max) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *heapq_heapify(KrThreadState *ts, KrObject *m, KrObject *heap) {
    return heapify_common(ts, heap, "heapify", false);
}

static KrObject *heapq_heapify_max(KrThreadState *ts, KrObject *m, KrObject *heap) {
    return heapify_common(ts, heap, "_heapify_max", true);
}

static const KrMethodDef heapq_methods[] = {
    {"heappush", KR_CFUNC(heapq_heappush), KR_METH_FAST, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", KR_CFUNC(heapq_heappushpop), KR_METH_FAST,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\na separate call to heappop()."},
    {"heappop", KR_CFUNC(heapq_heappop), KR_METH_O, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", KR_CFUNC(heapq_heapreplace), KR_METH_FAST,
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\n"
     "this routine unless written as part of a conditional replacement:\n\n"
     "    if item > heap[0]:\n        item = heapreplace(heap, item)"},
    {"heapify", KR_CFUNC(heapq_heapify), KR_METH_O, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", KR_CFUNC(heapq_heappop_max), KR_METH_O, "Maxheap variant of heappop."},
    {"_heapreplace_max", KR_CFUNC(heapq_heapreplace_max), KR_METH_FAST, "Maxheap variant of heapreplace."},
    {"_heapify_max", KR_CFUNC(heapq_heapify_max), KR_METH_O, "Maxheap variant of heapify."},
    {NULL},
};

const KrModuleDef kr__heapq_module_def = {
    .name = "_heapq",
    .doc = "Heap queue algorithm (a.k.a. priority queue).\n\n"
           "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
           "all k, counting elements from 0.  For the sake of comparison,\n"
           "non-existing elements are considered to be infinite.  The interesting\n"
           "property of a heap is that a[0] is always its smallest element.",
    .methods = heapq_methods,
};
