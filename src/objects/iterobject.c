/*
 * iterobject.c — the general-purpose iterator types: the sequence iterator
 * (iter() over __getitem__), the callable iterator (iter(f, sentinel)), and the
 * built-in types enumerate, zip, map, filter and reversed.
 *
 * Every type here holds strong references to what it iterates (GC-tracked);
 * an exhausted sequence/callable/reversed iterator drops them at once, so it
 * stays exhausted even if the underlying object grows later.
 *
 * Related: iter.h, abstract.h (krObj_get_iter, krIter_next).
 */
#include "objects/genericalias.h"
#include "objects/iter.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

// Allocates an instance of a built-in iterator type or of a subclass of it.
static KrObject *alloc_iter(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base) {
    return type == base ? krObj_alloc(ts, type, 0) : krType_generic_alloc(ts, type, 0);
}

// After a NULL from tp_iternext: true when it meant "exhausted" (clearing a
// StopIteration), false when a real error is pending.
static bool exhausted_not_error(KrThreadState *ts) {
    if (!krErr_occurred(ts)) return true;
    if (krErr_matches(ts, &KrExc_StopIteration)) {
        krErr_clear(ts);
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Sequence iterator

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;
    KrObject *seq;                 // strong; NULL once exhausted
} SeqIterObject;

KrObject *krSeqIter_new(KrThreadState *ts, KrObject *seq) {
    SeqIterObject *it = (SeqIterObject *)krObj_alloc(ts, &KrSeqIter_Type, 0);
    if (!it) return NULL;
    it->index = 0;
    it->seq = kr_newref(seq);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static void seqiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((SeqIterObject *)self)->seq);
    krObj_free(self);
}

static int seqiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((SeqIterObject *)self)->seq);
    return 0;
}

static KrObject *seqiter_next(KrThreadState *ts, KrObject *self) {
    SeqIterObject *it = (SeqIterObject *)self;
    KrObject *seq = it->seq;
    if (!seq) return NULL;
    if (it->index == KR_SSIZE_MAX) {
        krErr_set_string(ts, &KrExc_OverflowError, "iter index too large");
        return NULL;
    }
    KrObject *item = krObj_getitem(ts, seq, kr_smallint(it->index));
    if (item) {
        it->index++;
        return item;
    }
    if (krErr_matches(ts, &KrExc_IndexError) || krErr_matches(ts, &KrExc_StopIteration)) {
        krErr_clear(ts);
        it->seq = NULL;
        kr_decref(seq);
    }
    return NULL;
}

static KrObject *seqiter_length_hint(KrThreadState *ts, KrObject *self) {
    SeqIterObject *it = (SeqIterObject *)self;
    if (!it->seq) return kr_smallint(0);
    if (!KR_TYPE(it->seq)->mp_length) return KR_NOTIMPLEMENTED;
    KrSsize n = krObj_length(ts, it->seq);
    if (n < 0) return NULL;
    n -= it->index;
    return krInt_from_ssize(ts, n < 0 ? 0 : n);
}

static const KrMethodDef seqiter_methods[] = {
    {"__length_hint__", KR_CFUNC(seqiter_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrSeqIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

// ---------------------------------------------------------------------------
// Callable iterator

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;                // strong; NULL once exhausted
    KrObject *sentinel;            // strong; NULL once exhausted
} CallIterObject;

KrObject *krCallIter_new(KrThreadState *ts, KrObject *callable, KrObject *sentinel) {
    CallIterObject *it = (CallIterObject *)krObj_alloc(ts, &KrCallIter_Type, 0);
    if (!it) return NULL;
    it->func = kr_newref(callable);
    it->sentinel = kr_newref(sentinel);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static void calliter_dealloc(KrObject *self) {
    CallIterObject *it = (CallIterObject *)self;
    krGC_untrack(self);
    KR_CLEAR(it->func);
    KR_CLEAR(it->sentinel);
    krObj_free(self);
}

static int calliter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    CallIterObject *it = (CallIterObject *)self;
    KR_VISIT(it->func);
    KR_VISIT(it->sentinel);
    return 0;
}

static KrObject *calliter_next(KrThreadState *ts, KrObject *self) {
    CallIterObject *it = (CallIterObject *)self;
    if (!it->func) return NULL;
    KrObject *result = krObj_call0(ts, it->func);
    if (result) {
        int ok = krObj_richcompare_bool(ts, it->sentinel, result, KR_EQ);
        if (ok == 0) return result;
        kr_decref(result);
        if (ok > 0) {
            KR_CLEAR(it->func);
            KR_CLEAR(it->sentinel);
        }
    } else if (krErr_matches(ts, &KrExc_StopIteration)) {
        krErr_clear(ts);
        KR_CLEAR(it->func);
        KR_CLEAR(it->sentinel);
    }
    return NULL;
}

KrTypeObject KrCallIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = calliter_next,
};

// ---------------------------------------------------------------------------
// enumerate

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;                 // next index while it fits
    KrObject *iter;                // strong
    KrObject *longindex;           // strong int once index passed KR_SSIZE_MAX, else NULL
} EnumerateObject;

// Whether keyword kwnames[i] is `name`; raises the TypeError if not.
static bool enumerate_check_keyword(KrThreadState *ts, KrObject *kwnames, KrSsize i, const char *name) {
    KrObject *key = KR_TUPLE_GET(kwnames, i);
    if (krStr_eq_cstr(key, name)) return true;
    krErr_format(ts, &KrExc_TypeError, "'%S' is an invalid keyword argument for enumerate()", key);
    return false;
}

// Binds enumerate(iterable, start=0) when called on the exact type.  CPython
// handles this call shape by hand, with its own messages (no "(pos 1)"); the
// subclass path goes through the generic parser.  out[0] and out[1] are borrowed.
static int enumerate_bind_exact(KrThreadState *ts, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                                KrObject **out) {
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw == 2) {
        if (nkw == 1 && !enumerate_check_keyword(ts, kwnames, 0, "start")) return -1;
        if (nkw == 2) {
            if (krStr_eq_cstr(KR_TUPLE_GET(kwnames, 0), "start")) {
                if (!enumerate_check_keyword(ts, kwnames, 1, "iterable")) return -1;
                out[0] = args[1];
                out[1] = args[0];
                return 0;
            }
            if (!enumerate_check_keyword(ts, kwnames, 0, "iterable") ||
                !enumerate_check_keyword(ts, kwnames, 1, "start"))
                return -1;
        }
        out[0] = args[0];
        out[1] = args[1];
        return 0;
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !enumerate_check_keyword(ts, kwnames, 0, "iterable")) return -1;
        out[0] = args[0];
        return 0;
    }
    if (nargs == 0) {
        krErr_set_string(ts, &KrExc_TypeError, "enumerate() missing required argument 'iterable'");
        return -1;
    }
    krErr_format(ts, &KrExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs + nkw);
    return -1;
}

static KrObject *enumerate_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"iterable", "start"};
    KrObject *out[2] = {NULL, NULL};
    if (type == &KrEnumerate_Type) {
        if (enumerate_bind_exact(ts, args, nargs, kwnames, out) < 0) return NULL;
    } else if (krArg_parse(ts, "enumerate", args, nargs, kwnames, names, 2, 0, 2, 1, out) < 0) {
        return NULL;
    }
    KrSsize start = 0;
    KrObject *longstart = NULL;
    if (out[1]) {
        KrObject *s = krNum_index(ts, out[1]);
        if (!s) return NULL;
        int64_t v;
        if (krInt_to_i64(s, &v) && v <= KR_SSIZE_MAX - 1 && v >= KR_SSIZE_MIN) {
            start = (KrSsize)v;
            kr_decref(s);
        } else {
            longstart = s;
        }
    }
    KrObject *it = krObj_get_iter(ts, out[0]);
    if (!it) {
        kr_xdecref(longstart);
        return NULL;
    }
    EnumerateObject *en = (EnumerateObject *)alloc_iter(ts, type, &KrEnumerate_Type);
    if (!en) {
        kr_decref(it);
        kr_xdecref(longstart);
        return NULL;
    }
    en->index = start;
    en->iter = it;
    en->longindex = longstart;
    kr_gc_track_once((KrObject *)en);
    return (KrObject *)en;
}

static void enumerate_dealloc(KrObject *self) {
    EnumerateObject *en = (EnumerateObject *)self;
    krGC_untrack(self);
    KR_CLEAR(en->iter);
    KR_CLEAR(en->longindex);
    krObj_free(self);
}

static int enumerate_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    EnumerateObject *en = (EnumerateObject *)self;
    KR_VISIT(en->iter);
    KR_VISIT(en->longindex);
    return 0;
}

static KrObject *enumerate_next(KrThreadState *ts, KrObject *self) {
    EnumerateObject *en = (EnumerateObject *)self;
    KrObject *item = krIter_next(ts, en->iter);
    if (!item) return NULL;
    KrObject *index;
    if (!en->longindex && en->index == KR_SSIZE_MAX) {
        en->longindex = krInt_from_ssize(ts, KR_SSIZE_MAX);
        if (!en->longindex) goto error;
    }
    if (en->longindex) {
        KrObject *next = krInt_add(ts, en->longindex, kr_smallint(1));
        if (!next) goto error;
        index = en->longindex;
        en->longindex = next;
    } else {
        index = krInt_from_ssize(ts, en->index);
        if (!index) goto error;
        en->index++;
    }
    KrObject *t = krTuple_new(ts, 2);
    if (!t) {
        kr_decref(index);
        goto error;
    }
    KR_TUPLE_SET(t, 0, index);
    KR_TUPLE_SET(t, 1, item);
    return t;
error:
    kr_decref(item);
    return NULL;
}

static const KrMethodDef enumerate_methods[] = {
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL},
};

KrTypeObject KrEnumerate_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumerateObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_new = enumerate_new,
    .tp_dealloc = enumerate_dealloc,
    .tp_traverse = enumerate_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = enumerate_next,
    .tp_methods = enumerate_methods,
};

// ---------------------------------------------------------------------------
// zip

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *iters;               // strong tuple of iterators
    bool strict;
} ZipObject;

static KrObject *zip_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    bool strict = false;
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        // Only the keywords go through the parser (CPython parses them against an
        // empty positional tuple, hence "takes at most 1 keyword argument").
        static const char *const names[] = {"strict"};
        KrObject *out[1];
        if (krArg_parse(ts, "zip", args + nargs, 0, kwnames, names, 1, 0, 0, 0, out) < 0) return NULL;
        int t = krObj_is_true(ts, out[0]);
        if (t < 0) return NULL;
        strict = t;
    }
    KrObject *iters = krTuple_new(ts, nargs);
    if (!iters) return NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *it = krObj_get_iter(ts, args[i]);
        if (!it) {
            kr_decref(iters);
            return NULL;
        }
        KR_TUPLE_SET(iters, i, it);
    }
    ZipObject *z = (ZipObject *)alloc_iter(ts, type, &KrZip_Type);
    if (!z) {
        kr_decref(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    kr_gc_track_once((KrObject *)z);
    return (KrObject *)z;
}

static void zip_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((ZipObject *)self)->iters);
    krObj_free(self);
}

static int zip_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((ZipObject *)self)->iters);
    return 0;
}

// Argument `i` (0-based) ran out first in strict mode: check the others.
static KrObject *zip_strict_end(KrThreadState *ts, ZipObject *z, KrSsize i) {
    if (!exhausted_not_error(ts)) return NULL;
    if (i) {
        return krErr_format(ts, &KrExc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1,
                            i == 1 ? " " : "s 1-", i);
    }
    KrSsize n = KR_TUPLE_SIZE(z->iters);
    for (i = 1; i < n; i++) {
        KrObject *it = KR_TUPLE_GET(z->iters, i);
        KrObject *item = krIter_next(ts, it);
        if (item) {
            kr_decref(item);
            return krErr_format(ts, &KrExc_ValueError, "zip() argument %zd is longer than argument%s%zd", i + 1,
                                i == 1 ? " " : "s 1-", i);
        }
        if (!exhausted_not_error(ts)) return NULL;
    }
    return NULL;
}

static KrObject *zip_next(KrThreadState *ts, KrObject *self) {
    ZipObject *z = (ZipObject *)self;
    KrSsize n = KR_TUPLE_SIZE(z->iters);
    if (n == 0) return NULL;
    KrObject *result = krTuple_new(ts, n);
    if (!result) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *it = KR_TUPLE_GET(z->iters, i);
        KrObject *item = krIter_next(ts, it);
        if (!item) {
            // Fill the rest so the half-built tuple can be released.
            for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(result, j, kr_newref(KR_NONE));
            kr_decref(result);
            if (z->strict) return zip_strict_end(ts, z, i);
            return NULL;
        }
        KR_TUPLE_SET(result, i, item);
    }
    return result;
}

KrTypeObject KrZip_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
              "   >>> list(zip('abcdefg', range(3), range(4)))\n"
              "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.",
    .tp_new = zip_new,
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = zip_next,
};

// ---------------------------------------------------------------------------
// map

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;                // strong
    KrObject *iters;               // strong tuple of iterators
} MapObject;

static KrObject *map_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    if (type == &KrMap_Type && krArg_no_kwargs(ts, "map", kwnames) < 0) return NULL;
    if (nargs < 2) return krErr_format(ts, &KrExc_TypeError, "map() must have at least two arguments.");
    KrObject *iters = krTuple_new(ts, nargs - 1);
    if (!iters) return NULL;
    for (KrSsize i = 1; i < nargs; i++) {
        KrObject *it = krObj_get_iter(ts, args[i]);
        if (!it) {
            kr_decref(iters);
            return NULL;
        }
        KR_TUPLE_SET(iters, i - 1, it);
    }
    MapObject *m = (MapObject *)alloc_iter(ts, type, &KrMap_Type);
    if (!m) {
        kr_decref(iters);
        return NULL;
    }
    m->func = kr_newref(args[0]);
    m->iters = iters;
    kr_gc_track_once((KrObject *)m);
    return (KrObject *)m;
}

static void map_dealloc(KrObject *self) {
    MapObject *m = (MapObject *)self;
    krGC_untrack(self);
    KR_CLEAR(m->func);
    KR_CLEAR(m->iters);
    krObj_free(self);
}

static int map_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    MapObject *m = (MapObject *)self;
    KR_VISIT(m->func);
    KR_VISIT(m->iters);
    return 0;
}

#define MAP_SMALL_ARGS 5

static KrObject *map_next(KrThreadState *ts, KrObject *self) {
    MapObject *m = (MapObject *)self;
    KrSsize n = KR_TUPLE_SIZE(m->iters), i;
    KrObject *small[MAP_SMALL_ARGS], **stack = small, *result = NULL;
    if (n > MAP_SMALL_ARGS) {
        stack = krMem_malloc((size_t)n * sizeof(KrObject *));
        if (!stack) return krErr_no_memory(ts);
    }
    for (i = 0; i < n; i++) {
        KrObject *it = KR_TUPLE_GET(m->iters, i);
        KrObject *item = krIter_next(ts, it);
        if (!item) goto done;
        stack[i] = item;
    }
    result = krObj_vectorcall(ts, m->func, stack, (size_t)n, NULL);
done:
    for (KrSsize j = 0; j < i; j++) kr_decref(stack[j]);
    if (stack != small) krMem_free(stack);
    return result;
}

KrTypeObject KrMap_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "map",
    .tp_basicsize = sizeof(MapObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_new = map_new,
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = map_next,
};

// ---------------------------------------------------------------------------
// filter

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;                // strong (None or bool: test truth directly)
    KrObject *iter;                // strong
} FilterObject;

static KrObject *filter_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    if (type == &KrFilter_Type && krArg_no_kwargs(ts, "filter", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "filter", nargs, 2, 2) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, args[1]);
    if (!it) return NULL;
    FilterObject *f = (FilterObject *)alloc_iter(ts, type, &KrFilter_Type);
    if (!f) {
        kr_decref(it);
        return NULL;
    }
    f->func = kr_newref(args[0]);
    f->iter = it;
    kr_gc_track_once((KrObject *)f);
    return (KrObject *)f;
}

static void filter_dealloc(KrObject *self) {
    FilterObject *f = (FilterObject *)self;
    krGC_untrack(self);
    KR_CLEAR(f->func);
    KR_CLEAR(f->iter);
    krObj_free(self);
}

static int filter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    FilterObject *f = (FilterObject *)self;
    KR_VISIT(f->func);
    KR_VISIT(f->iter);
    return 0;
}

static KrObject *filter_next(KrThreadState *ts, KrObject *self) {
    FilterObject *f = (FilterObject *)self;
    bool direct = f->func == KR_NONE || f->func == (KrObject *)&KrBool_Type;
    for (;;) {
        KrObject *item = krIter_next(ts, f->iter);
        if (!item) return NULL;
        int ok;
        if (direct) {
            ok = krObj_is_true(ts, item);
        } else {
            KrObject *good = krObj_call1(ts, f->func, item);
            if (!good) {
                kr_decref(item);
                return NULL;
            }
            ok = krObj_is_true(ts, good);
            kr_decref(good);
        }
        if (ok > 0) return item;
        kr_decref(item);
        if (ok < 0) return NULL;
    }
}

KrTypeObject KrFilter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_new = filter_new,
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = filter_next,
};

// ---------------------------------------------------------------------------
// reversed

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize index;                 // next index to produce (-1: done)
    KrObject *seq;                 // strong; NULL once exhausted
} ReversedObject;

// True if `o` supports the sequence protocol (__getitem__, not a dict).
static bool is_sequence(KrObject *o) {
    return KR_TYPE(o)->mp_subscript != NULL && !krDict_check(o);
}

static KrObject *reversed_make(KrThreadState *ts, KrTypeObject *type, KrObject *seq) {
    KrObject *meth = krType_lookup(KR_TYPE(seq), KR_ID(__reversed__));
    if (meth == KR_NONE)
        return krErr_format(ts, &KrExc_TypeError, "'%.200s' object is not reversible", KR_TYPE(seq)->tp_name);
    if (meth) {
        int found = 0;
        KrObject *r = krObj_call_special(ts, seq, KR_ID(__reversed__), NULL, 0, &found);
        if (found) return r;
    }
    if (!is_sequence(seq))
        return krErr_format(ts, &KrExc_TypeError, "'%.200s' object is not reversible", KR_TYPE(seq)->tp_name);
    KrSsize n = krObj_length(ts, seq);
    if (n < 0) return NULL;
    ReversedObject *ro = (ReversedObject *)alloc_iter(ts, type, &KrReversed_Type);
    if (!ro) return NULL;
    ro->index = n - 1;
    ro->seq = kr_newref(seq);
    kr_gc_track_once((KrObject *)ro);
    return (KrObject *)ro;
}

KrObject *krReversed_new(KrThreadState *ts, KrObject *seq) { return reversed_make(ts, &KrReversed_Type, seq); }

static KrObject *reversed_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    if (type == &KrReversed_Type && krArg_no_kwargs(ts, "reversed", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "reversed", nargs, 1, 1) < 0) return NULL;
    return reversed_make(ts, type, args[0]);
}

static void reversed_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((ReversedObject *)self)->seq);
    krObj_free(self);
}

static int reversed_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((ReversedObject *)self)->seq);
    return 0;
}

static KrObject *reversed_next(KrThreadState *ts, KrObject *self) {
    ReversedObject *ro = (ReversedObject *)self;
    KrSsize index = ro->index;
    if (index >= 0 && ro->seq) {
        KrObject *item = krObj_getitem(ts, ro->seq, kr_smallint(index));
        if (item) {
            ro->index--;
            return item;
        }
        if (!krErr_matches(ts, &KrExc_IndexError) && !krErr_matches(ts, &KrExc_StopIteration)) return NULL;
        krErr_clear(ts);
    }
    ro->index = -1;
    KR_CLEAR(ro->seq);
    return NULL;
}

static KrObject *reversed_length_hint(KrThreadState *ts, KrObject *self) {
    ReversedObject *ro = (ReversedObject *)self;
    if (!ro->seq) return kr_smallint(0);
    KrSsize n = krObj_length(ts, ro->seq);
    if (n < 0) return NULL;
    KrSsize position = ro->index + 1;
    return krInt_from_ssize(ts, n < position ? 0 : position);
}

static const KrMethodDef reversed_methods[] = {
    {"__length_hint__", KR_CFUNC(reversed_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrReversed_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_new = reversed_new,
    .tp_dealloc = reversed_dealloc,
    .tp_traverse = reversed_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
};
