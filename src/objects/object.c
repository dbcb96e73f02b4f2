/*
 * object.c — allocation and deallocation of objects, GC tracking, the
 * singletons None / NotImplemented / Ellipsis and their types, and the repr
 * recursion guard.
 *
 * Memory layout of an object, from low to high addresses:
 *
 *     [KrInstAttrs]  only for types with KR_TPFLAGS_MANAGED_ATTRS
 *     [KrGCHead]     only for types with KR_TPFLAGS_HAVE_GC
 *     object         the pointer everyone holds
 *
 * so the prefix size depends only on the type's flags, and krObj_free can find
 * the start of the block from the object's type.
 *
 * The cycle collector (src/runtime/gc.c) walks the list of tracked objects;
 * until it runs, tracking only links the object in.
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/state.h"

// ---------------------------------------------------------------------------
// Raw memory

// KR_USE_MIMALLOC (include/krait/config.h) routes every object allocation
// through mimalloc; sanitizer and valgrind builds use the C library's malloc
// so the tools see each block.
#if KR_USE_MIMALLOC
#include <mimalloc.h>
#include <sys/sysinfo.h>

// mimalloc reserves huge blocks lazily, so `'a' * 10**12` would "succeed" and
// the process would die writing into it.  Like the C library's overcommit
// heuristic, refuse any single request larger than RAM plus swap.
#define KR_BIG_ALLOC ((size_t)1 << 28)

static bool too_big(size_t n) {
    static size_t limit;
    if (n < KR_BIG_ALLOC) return false;
    if (!limit) {
        struct sysinfo si;
        limit = sysinfo(&si) == 0 ? (size_t)(si.totalram + si.totalswap) * si.mem_unit : (size_t)1 << 40;
    }
    return n > limit;
}

void *krMem_malloc(size_t n) { return too_big(n) ? NULL : mi_malloc(n ? n : 1); }
void *krMem_calloc(size_t count, size_t n) {
    size_t total;
    if (__builtin_mul_overflow(count, n, &total) || too_big(total)) return NULL;
    return mi_calloc(count ? count : 1, n ? n : 1);
}
void *krMem_realloc(void *p, size_t n) { return too_big(n) ? NULL : mi_realloc(p, n ? n : 1); }
void krMem_free(void *p) { mi_free(p); }
#else
void *krMem_malloc(size_t n) { return malloc(n ? n : 1); }
void *krMem_calloc(size_t count, size_t n) { return calloc(count ? count : 1, n ? n : 1); }
void *krMem_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void krMem_free(void *p) { free(p); }
#endif

// ---------------------------------------------------------------------------
// Objects

static size_t prefix_size(const KrTypeObject *type) {
    size_t n = 0;
    if (type->tp_flags & KR_TPFLAGS_HAVE_GC) n += sizeof(KrGCHead);
    if (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) n += sizeof(KrInstAttrs);
    return n;
}

KrObject *krObj_alloc(KrThreadState *ts, KrTypeObject *type, KrSsize nitems) {
    size_t size = (size_t)type->tp_basicsize;
    if (nitems < 0) return krErr_bad_internal_call(ts);
    if (nitems > 0) {
        size_t extra;
        if (__builtin_mul_overflow((size_t)nitems, (size_t)type->tp_itemsize, &extra) ||
            __builtin_add_overflow(size, extra, &size) || size > (size_t)PTRDIFF_MAX / 2)
            return krErr_no_memory(ts);
    }
    // Listed in src/runtime/types.def?  (Start-up allocates before readying.)
    krAssert((type->tp_flags & KR_TPFLAGS_READY) || !kr_runtime.types_ready);
    size_t pre = prefix_size(type);
    char *mem = krMem_calloc(1, pre + size);
    if (!mem) return krErr_no_memory(ts);
    KrObject *o = (KrObject *)(mem + pre);
    o->ob_refcnt = 1;
    o->ob_type = type;
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) kr_incref((KrObject *)type);
    return o;
}

void krObj_free(KrObject *o) {
    KrTypeObject *type = o->ob_type;
    char *mem = (char *)o - prefix_size(type);
    krMem_free(mem);
    if (type->tp_flags & KR_TPFLAGS_HEAPTYPE) kr_decref((KrObject *)type);
}

void kr_dealloc(KrObject *o) {
    KrDeallocFunc dealloc = o->ob_type->tp_dealloc;
#if KR_DEBUG
    if (!dealloc) kr_fatal("object without tp_dealloc reached refcount zero");
#endif
    dealloc(o);
}

// ---------------------------------------------------------------------------
// Deferred deallocation ("trashcan").  Freeing a container releases its
// items, which may free containers in turn: a million nested lists would
// recurse a million C frames deep.  Past TRASH_DEPTH_LIMIT nested deallocs,
// further ones are queued on the thread state and run iteratively by the
// outermost.

#define TRASH_DEPTH_LIMIT 50

bool krTrash_begin(KrObject *o) {
    KrThreadState *ts = krThread_current();
    if (!ts || ts->trash_depth < TRASH_DEPTH_LIMIT) {
        if (ts) ts->trash_depth++;
        return true;
    }
    if (ts->trash_len == ts->trash_cap) {
        KrSsize ncap = ts->trash_cap ? ts->trash_cap * 2 : 64;
        KrObject **q = krMem_realloc(ts->trash_queue, (size_t)ncap * sizeof(KrObject *));
        if (!q) {
            // No memory to defer: deallocate now (deeper C recursion, but correct).
            ts->trash_depth++;
            return true;
        }
        ts->trash_queue = q;
        ts->trash_cap = ncap;
    }
    ts->trash_queue[ts->trash_len++] = o;
    return false;
}

void krTrash_end(void) {
    KrThreadState *ts = krThread_current();
    if (!ts || --ts->trash_depth != 0) return;
    while (ts->trash_len > 0) {
        KrObject *o = ts->trash_queue[--ts->trash_len];
        KR_TYPE(o)->tp_dealloc(o);
    }
    if (ts->trash_cap > 4096) {
        krMem_free(ts->trash_queue);
        ts->trash_queue = NULL;
        ts->trash_cap = 0;
    }
}

// ---------------------------------------------------------------------------
// GC tracking.  The list head lives in the runtime; the collector proper is
// src/runtime/gc.c.

static KrGCHead gc_tracked = {&gc_tracked, &gc_tracked};

// gc_prev keeps flag bits in its low bits (see KR_GC_PREV); the list head's
// never has any.
static void set_prev(KrGCHead *g, KrGCHead *prev) {
    g->gc_prev = (KrGCHead *)((uintptr_t)prev | ((uintptr_t)g->gc_prev & 3));
}

void krGC_track(KrObject *o) {
    KrGCHead *g = KR_GC_HEAD(o);
    if (g->gc_next) return;
    KrGCHead *last = KR_GC_PREV(&gc_tracked);
    g->gc_next = &gc_tracked;
    set_prev(g, last);
    last->gc_next = g;
    set_prev(&gc_tracked, g);
}

void krGC_untrack(KrObject *o) {
    KrGCHead *g = KR_GC_HEAD(o);
    if (!g->gc_next) return;
    KrGCHead *prev = KR_GC_PREV(g);
    prev->gc_next = g->gc_next;
    set_prev(g->gc_next, prev);
    g->gc_next = NULL;
    g->gc_prev = (KrGCHead *)((uintptr_t)g->gc_prev & 3);
}

bool krGC_is_tracked(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_HAVE_GC) && KR_GC_HEAD(o)->gc_next != NULL;
}

// ---------------------------------------------------------------------------
// The repr recursion guard: a per-thread list of the objects whose repr is in
// progress.  Linear search is fine: the list is as deep as the nesting.

int krRepr_enter(KrThreadState *ts, KrObject *o) {
    if (!ts->repr_stack) {
        ts->repr_stack = krList_new(ts, 0);
        if (!ts->repr_stack) return -1;
    }
    KrObject *stack = ts->repr_stack;
    for (KrSsize i = KR_LIST_SIZE(stack); --i >= 0;)
        if (KR_LIST_GET(stack, i) == o) return 1;
    return krList_append(ts, stack, o) < 0 ? -1 : 0;
}

void krRepr_leave(KrThreadState *ts, KrObject *o) {
    KrObject *stack = ts->repr_stack;
    if (!stack) return;
    for (KrSsize i = KR_LIST_SIZE(stack); --i >= 0;) {
        if (KR_LIST_GET(stack, i) == o) {
            // Remove by shifting down; the list holds a reference to o.
            KrObject **items = KR_LIST_ITEMS(stack);
            memmove(&items[i], &items[i + 1], (size_t)(KR_LIST_SIZE(stack) - i - 1) * sizeof(KrObject *));
            KR_LIST_SIZE(stack)--;
            kr_decref(o);
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// None, NotImplemented, Ellipsis

static KrObject *none_repr(KrThreadState *ts, KrObject *self) { return krStr_intern_cstr(ts, "None"); }
static int none_bool(KrThreadState *ts, KrObject *self) { return 0; }
static KrHash singleton_hash(KrThreadState *ts, KrObject *self) {
    // CPython hashes these by address; any stable value will do.
    return (KrHash)((uintptr_t)self >> 4);
}
static void singleton_dealloc(KrObject *self) { kr_fatal("deallocating an immortal singleton"); }

static KrObject *none_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    if (nargs || (kwnames && KR_SIZE(kwnames)))
        return krErr_set_string(ts, &KrExc_TypeError, "NoneType takes no arguments"), NULL;
    return KR_NONE;
}

KrTypeObject KrNone_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(KrObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_hash = singleton_hash,
    .tp_new = none_new,
    .nb_bool = none_bool,
};
KrObject kr_none_struct = KR_STATIC_HEAD(&KrNone_Type);

static KrObject *notimpl_repr(KrThreadState *ts, KrObject *self) { return krStr_intern_cstr(ts, "NotImplemented"); }
static KrObject *notimpl_reduce(KrThreadState *ts, KrObject *self) {
    return krStr_intern_cstr(ts, "NotImplemented");
}
static int notimpl_bool(KrThreadState *ts, KrObject *self) {
    // CPython 3.11 warns (DeprecationWarning) and returns True.
    return 1;
}
static KrObject *notimpl_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    if (nargs || (kwnames && KR_SIZE(kwnames)))
        return krErr_set_string(ts, &KrExc_TypeError, "NotImplementedType takes no arguments"), NULL;
    return KR_NOTIMPLEMENTED;
}
static const KrMethodDef notimpl_methods[] = {
    {"__reduce__", KR_CFUNC(notimpl_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrNotImplemented_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(KrObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimpl_repr,
    .tp_hash = singleton_hash,
    .tp_new = notimpl_new,
    .tp_methods = notimpl_methods,
    .nb_bool = notimpl_bool,
};
KrObject kr_notimplemented_struct = KR_STATIC_HEAD(&KrNotImplemented_Type);

static KrObject *ellipsis_repr(KrThreadState *ts, KrObject *self) { return krStr_intern_cstr(ts, "Ellipsis"); }
static KrObject *ellipsis_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    if (nargs || (kwnames && KR_SIZE(kwnames)))
        return krErr_set_string(ts, &KrExc_TypeError, "ellipsis takes no arguments"), NULL;
    return KR_ELLIPSIS;
}
static const KrMethodDef ellipsis_methods[] = {
    {"__reduce__", KR_CFUNC(ellipsis_repr), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrEllipsis_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(KrObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_hash = singleton_hash,
    .tp_new = ellipsis_new,
    .tp_methods = ellipsis_methods,
};
KrObject kr_ellipsis_struct = KR_STATIC_HEAD(&KrEllipsis_Type);
