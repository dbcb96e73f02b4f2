/*
 * itertools_comb.c — the itertools iterators with more state: groupby (and
 * its _grouper), tee (shared buffers of _tee_dataobject links), product,
 * permutations, combinations and combinations_with_replacement.
 *
 * The combinatoric iterators keep their current result tuple and, when the
 * caller has dropped it (refcount 1), update it in place instead of building
 * a new one, as CPython does; a result still referenced elsewhere is copied.
 */
#include "modules/itertools.h"

#include "objects/abstract.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// groupby

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong
    KrObject *keyfunc;             // strong or NULL
    KrObject *tgtkey;              // strong or NULL: the key of the current group
    KrObject *currkey;             // strong or NULL: the key of currvalue
    KrObject *currvalue;           // strong or NULL: the item read ahead
    KrObject *currgrouper;         // borrowed: the only _grouper still allowed to advance
} GroupByObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *parent;              // strong groupby
    KrObject *tgtkey;              // strong
} GrouperObject;

static KrObject *groupby_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"iterable", "key"};
    KrObject *a[2];
    if (krArg_parse(ts, "groupby", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, a[0]);
    if (!it) return NULL;
    GroupByObject *g = (GroupByObject *)krItertools_alloc(ts, type, &KrGroupBy_Type);
    if (!g) {
        kr_decref(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = a[1] && a[1] != KR_NONE ? kr_newref(a[1]) : NULL;
    krItertools_track((KrObject *)g);
    return (KrObject *)g;
}

static void groupby_dealloc(KrObject *self) {
    GroupByObject *g = (GroupByObject *)self;
    krGC_untrack(self);
    KR_CLEAR(g->it);
    KR_CLEAR(g->keyfunc);
    KR_CLEAR(g->tgtkey);
    KR_CLEAR(g->currkey);
    KR_CLEAR(g->currvalue);
    krObj_free(self);
}

static int groupby_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    GroupByObject *g = (GroupByObject *)self;
    KR_VISIT(g->it);
    KR_VISIT(g->keyfunc);
    KR_VISIT(g->tgtkey);
    KR_VISIT(g->currkey);
    KR_VISIT(g->currvalue);
    return 0;
}

// Reads the next item and its key into currvalue/currkey.  0, or -1 when
// exhausted (no exception) or on error.
static int groupby_step(KrThreadState *ts, GroupByObject *g) {
    KrObject *value = krIter_next(ts, g->it);
    if (!value) return -1;
    KrObject *key = value;
    if (g->keyfunc) {
        key = krObj_call1(ts, g->keyfunc, value);
        if (!key) {
            kr_decref(value);
            return -1;
        }
    } else {
        kr_incref(key);
    }
    kr_setref(&g->currvalue, value);
    kr_setref(&g->currkey, key);
    return 0;
}

static KrObject *groupby_next(KrThreadState *ts, KrObject *self) {
    GroupByObject *g = (GroupByObject *)self;
    g->currgrouper = NULL;
    // Skip the rest of the current group.
    for (;;) {
        if (g->currkey) {
            if (!g->tgtkey) break;
            int eq = krObj_richcompare_bool(ts, g->tgtkey, g->currkey, KR_EQ);
            if (eq < 0) return NULL;
            if (eq == 0) break;
        }
        if (groupby_step(ts, g) < 0) return NULL;
    }
    kr_setref(&g->tgtkey, kr_newref(g->currkey));
    GrouperObject *gr = (GrouperObject *)krObj_alloc(ts, &KrGrouper_Type, 0);
    if (!gr) return NULL;
    gr->parent = kr_newref(self);
    gr->tgtkey = kr_newref(g->tgtkey);
    krGC_track((KrObject *)gr);
    g->currgrouper = (KrObject *)gr;
    KrObject *r = krTuple_new(ts, 2);
    if (!r) {
        kr_decref((KrObject *)gr);
        return NULL;
    }
    KR_TUPLE_SET(r, 0, kr_newref(g->currkey));
    KR_TUPLE_SET(r, 1, (KrObject *)gr);
    return r;
}

KrTypeObject KrGroupBy_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools.groupby",
    .tp_basicsize = sizeof(GroupByObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "make an iterator that returns consecutive keys and groups from the iterable\n\n"
              "  iterable\n    Elements to divide into groups according to the key function.\n"
              "  key\n    A function for computing the group category for each element.\n"
              "    If the key function is not specified or is None, the element itself\n"
              "    is used for grouping.",
    .tp_new = groupby_new,
    .tp_dealloc = groupby_dealloc,
    .tp_traverse = groupby_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = groupby_next,
};

static void grouper_dealloc(KrObject *self) {
    GrouperObject *gr = (GrouperObject *)self;
    krGC_untrack(self);
    KR_CLEAR(gr->parent);
    KR_CLEAR(gr->tgtkey);
    krObj_free(self);
}

static int grouper_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    GrouperObject *gr = (GrouperObject *)self;
    KR_VISIT(gr->parent);
    KR_VISIT(gr->tgtkey);
    return 0;
}

static KrObject *grouper_next(KrThreadState *ts, KrObject *self) {
    GrouperObject *gr = (GrouperObject *)self;
    GroupByObject *g = (GroupByObject *)gr->parent;
    if (g->currgrouper != self) return NULL;
    if (!g->currvalue && groupby_step(ts, g) < 0) return NULL;
    int eq = krObj_richcompare_bool(ts, gr->tgtkey, g->currkey, KR_EQ);
    if (eq <= 0) return NULL;
    KrObject *r = g->currvalue;
    g->currvalue = NULL;
    KR_CLEAR(g->currkey);
    return r;
}

KrTypeObject KrGrouper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(GrouperObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = grouper_dealloc,
    .tp_traverse = grouper_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = grouper_next,
};

// ---------------------------------------------------------------------------
// tee: the iterators share a linked list of buffers, each link holding up to
// LINKCELLS items read from the source; each _tee walks it at its own pace.

#define LINKCELLS 57

typedef struct TeeData {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong source iterator
    int numread;                   // items stored in values
    bool running;                  // guards against re-entrant reads
    struct TeeData *nextlink;      // strong or NULL
    KrObject *values[LINKCELLS];   // strong
} TeeData;

typedef struct {
    KR_OBJECT_HEAD;
    TeeData *dataobj;              // strong
    int index;                     // next position in dataobj
} TeeObject;

static TeeData *teedata_new(KrThreadState *ts, KrObject *it) {
    TeeData *d = (TeeData *)krObj_alloc(ts, &KrTeeData_Type, 0);
    if (!d) return NULL;
    d->it = kr_newref(it);
    krGC_track((KrObject *)d);
    return d;
}

static TeeData *teedata_jumplink(KrThreadState *ts, TeeData *d) {
    if (!d->nextlink) d->nextlink = teedata_new(ts, d->it);
    if (d->nextlink) kr_incref((KrObject *)d->nextlink);
    return d->nextlink;
}

// Item i of link d, reading from the source when needed.  New reference.
static KrObject *teedata_getitem(KrThreadState *ts, TeeData *d, int i) {
    if (i < d->numread) return kr_newref(d->values[i]);
    if (d->running) return krErr_format(ts, &KrExc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    KrObject *value = krIter_next(ts, d->it);
    d->running = false;
    if (!value) return NULL;
    d->numread++;
    d->values[i] = value;
    return kr_newref(value);
}

static void teedata_clear_values(TeeData *d) {
    int n = d->numread;
    d->numread = 0;
    for (int i = 0; i < n; i++) KR_CLEAR(d->values[i]);
    KR_CLEAR(d->it);
}

static void teedata_dealloc(KrObject *self) {
    krGC_untrack(self);
    TeeData *d = (TeeData *)self;
    teedata_clear_values(d);
    // Free a long chain of links iteratively, not recursively.
    TeeData *next = d->nextlink;
    d->nextlink = NULL;
    krObj_free(self);
    while (next && next->ob_base.ob_refcnt == 1) {
        TeeData *after = next->nextlink;
        next->nextlink = NULL;
        kr_decref((KrObject *)next);
        next = after;
    }
    kr_xdecref((KrObject *)next);
}

static int teedata_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    TeeData *d = (TeeData *)self;
    KR_VISIT(d->it);
    for (int i = 0; i < d->numread; i++) KR_VISIT(d->values[i]);
    KR_VISIT((KrObject *)d->nextlink);
    return 0;
}

static int teedata_clear(KrObject *self) {
    TeeData *d = (TeeData *)self;
    teedata_clear_values(d);
    KrObject *next = (KrObject *)d->nextlink;
    d->nextlink = NULL;
    kr_xdecref(next);
    return 0;
}

KrTypeObject KrTeeData_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(TeeData),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
    .tp_dealloc = teedata_dealloc,
    .tp_traverse = teedata_traverse,
    .tp_clear = teedata_clear,
    .tp_getattro = krObj_generic_getattr,
};

static KrObject *tee_from_data(KrThreadState *ts, TeeData *d, int index) {
    TeeObject *t = (TeeObject *)krObj_alloc(ts, &KrTee_Type, 0);
    if (!t) return NULL;
    t->dataobj = d;
    kr_incref((KrObject *)d);
    t->index = index;
    krGC_track((KrObject *)t);
    return (KrObject *)t;
}

static KrObject *tee_copy(KrThreadState *ts, KrObject *self) {
    TeeObject *t = (TeeObject *)self;
    return tee_from_data(ts, t->dataobj, t->index);
}

// A _tee over `iterable`; an existing _tee is copied instead.
static KrObject *tee_fromiterable(KrThreadState *ts, KrObject *iterable) {
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) return NULL;
    KrObject *r;
    if (KR_TYPE(it) == &KrTee_Type) {
        r = tee_copy(ts, it);
    } else {
        TeeData *d = teedata_new(ts, it);
        r = d ? tee_from_data(ts, d, 0) : NULL;
        kr_xdecref((KrObject *)d);
    }
    kr_decref(it);
    return r;
}

static KrObject *tee_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "_tee", kwnames) < 0 || krArg_check_positional(ts, "_tee", nargs, 1, 1) < 0) return NULL;
    return tee_fromiterable(ts, args[0]);
}

static void tee_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((TeeObject *)self)->dataobj);
    krObj_free(self);
}

static int tee_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT((KrObject *)((TeeObject *)self)->dataobj);
    return 0;
}

static int tee_clear(KrObject *self) {
    KR_CLEAR(((TeeObject *)self)->dataobj);
    return 0;
}

static KrObject *tee_next(KrThreadState *ts, KrObject *self) {
    TeeObject *t = (TeeObject *)self;
    if (!t->dataobj) return NULL;
    if (t->index >= LINKCELLS) {
        TeeData *link = teedata_jumplink(ts, t->dataobj);
        if (!link) return NULL;
        kr_setref((KrObject **)&t->dataobj, (KrObject *)link);
        t->index = 0;
    }
    KrObject *value = teedata_getitem(ts, t->dataobj, t->index);
    if (!value) return NULL;
    t->index++;
    return value;
}

static const KrMethodDef tee_methods[] = {
    {"__copy__", KR_CFUNC(tee_copy), KR_METH_NOARGS, "Returns an independent iterator."},
    {NULL},
};

KrTypeObject KrTee_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(TeeObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Iterator wrapped to make it copyable.",
    .tp_new = tee_new,
    .tp_dealloc = tee_dealloc,
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
};

KrObject *krItertools_tee(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "tee", nargs, 1, 2) < 0) return NULL;
    KrSsize n = 2;
    if (nargs == 2) {
        if (!krNum_is_index(args[1]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(args[1])));
        n = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (n == -1 && krErr_occurred(ts)) return NULL;
    }
    if (n < 0) return krErr_format(ts, &KrExc_ValueError, "n must be >= 0");
    KrObject *result = krTuple_new(ts, n);
    if (!result || n == 0) return result;
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(result, i, kr_newref(KR_NONE));
    KrObject *it = krObj_get_iter(ts, args[0]);
    if (!it) goto fail;
    // An iterator that knows how to copy itself is copied; others are wrapped in a _tee.
    KrObject *copyfunc;
    int has = krObj_lookup_attr(ts, it, KR_ID(__copy__), &copyfunc);
    if (has < 0) {
        kr_decref(it);
        goto fail;
    }
    KrObject *first;
    if (has) {
        first = it;
    } else {
        first = tee_fromiterable(ts, it);
        kr_decref(it);
        if (!first) goto fail;
        if (krObj_lookup_attr(ts, first, KR_ID(__copy__), &copyfunc) <= 0) {
            kr_decref(first);
            goto fail;
        }
    }
    kr_setref(&KR_TUPLE_ITEMS(result)[0], first);
    for (KrSsize i = 1; i < n; i++) {
        KrObject *c = krObj_call0(ts, copyfunc);
        if (!c) {
            kr_decref(copyfunc);
            goto fail;
        }
        kr_setref(&KR_TUPLE_ITEMS(result)[i], c);
        if (i + 1 < n) {
            kr_decref(copyfunc);
            if (krObj_lookup_attr(ts, c, KR_ID(__copy__), &copyfunc) <= 0) {
                if (!krErr_occurred(ts))
                    krErr_format(ts, &KrExc_AttributeError, "'%s' object has no attribute '__copy__'",
                                 krType_name(KR_TYPE(c)));
                goto fail;
            }
        }
    }
    kr_decref(copyfunc);
    return result;
fail:
    kr_decref(result);
    return NULL;
}

// ---------------------------------------------------------------------------
// Combinatoric iterators

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *pool;                // strong tuple (product: tuple of pool tuples)
    KrSsize *indices;              // owned
    KrSsize *cycles;               // owned (permutations only)
    KrObject *result;              // strong or NULL before the first result
    KrSsize r;                     // result length
    bool stopped;
} CombObject;

static void comb_dealloc(KrObject *self) {
    CombObject *c = (CombObject *)self;
    krGC_untrack(self);
    KR_CLEAR(c->pool);
    KR_CLEAR(c->result);
    krMem_free(c->indices);
    krMem_free(c->cycles);
    krObj_free(self);
}

static int comb_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    CombObject *c = (CombObject *)self;
    KR_VISIT(c->pool);
    KR_VISIT(c->result);
    return 0;
}

static KrObject *comb_alloc(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base, KrObject *pool, KrSsize r,
                            KrSsize nindices, bool with_cycles) {
    CombObject *c = (CombObject *)krItertools_alloc(ts, type, base);
    if (!c) {
        kr_decref(pool);
        return NULL;
    }
    c->pool = pool;
    c->r = r;
    if ((size_t)nindices > KR_SSIZE_MAX / sizeof(KrSsize) || (size_t)r > KR_SSIZE_MAX / sizeof(KrSsize)) goto nomem;
    c->indices = krMem_calloc((size_t)(nindices ? nindices : 1), sizeof(KrSsize));
    if (!c->indices) goto nomem;
    if (with_cycles && !(c->cycles = krMem_calloc((size_t)(r ? r : 1), sizeof(KrSsize)))) goto nomem;
    return (KrObject *)c;
nomem:
    kr_decref((KrObject *)c);
    return krErr_no_memory(ts);
}

// Makes c->result safe to update in place: copies it when someone else
// still holds it.  0 or -1.
static int comb_own_result(KrThreadState *ts, CombObject *c) {
    KrObject *res = c->result;
    if (res->ob_refcnt > 1) {
        KrObject *copy = krTuple_from_array(ts, KR_TUPLE_ITEMS(res), KR_TUPLE_SIZE(res));
        if (!copy) return -1;
        kr_setref(&c->result, copy);
    }
    return 0;
}

static inline void result_set(KrObject *result, KrSsize i, KrObject *v) {
    kr_setref(&KR_TUPLE_ITEMS(result)[i], kr_newref(v));
}

// The first result: pool[indices[i]] for each position.  0 or -1.
static int comb_first(KrThreadState *ts, CombObject *c, KrObject *pool) {
    KrObject *res = krTuple_new(ts, c->r);
    if (!res) return -1;
    for (KrSsize i = 0; i < c->r; i++) KR_TUPLE_SET(res, i, kr_newref(KR_TUPLE_GET(pool, c->indices[i])));
    c->result = res;
    return 0;
}

static KrObject *comb_result(CombObject *c) { return kr_newref(c->result); }

static KrObject *comb_stop(CombObject *c) {
    c->stopped = true;
    return NULL;
}

// r from an argument: __index__ with CPython's message.  -1 with an exception on error.
static KrSsize get_r(KrThreadState *ts, KrObject *o) {
    if (!krNum_is_index(o)) {
        krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer", krType_name(KR_TYPE(o)));
        return -1;
    }
    KrSsize r = krNum_as_ssize(ts, o, &KrExc_OverflowError);
    if (r == -1 && krErr_occurred(ts)) return -1;
    if (r < 0) {
        krErr_set_string(ts, &KrExc_ValueError, "r must be non-negative");
        return -1;
    }
    return r;
}

// product

static KrObject *product_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    KrSsize repeat = 1;
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        static const char *const names[] = {"repeat"};
        KrObject *a[1];
        if (krArg_parse(ts, "product", args + nargs, 0, kwnames, names, 1, 0, 0, 0, a) < 0) return NULL;
        if (a[0]) {
            if (!krNum_is_index(a[0]))
                return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                    krType_name(KR_TYPE(a[0])));
            repeat = krNum_as_ssize(ts, a[0], &KrExc_OverflowError);
            if (repeat == -1 && krErr_occurred(ts)) return NULL;
            if (repeat < 0) return krErr_format(ts, &KrExc_ValueError, "repeat argument cannot be negative");
        }
    }
    KrSsize npools;
    if (repeat == 0) nargs = 0;   // the iterables are not even consumed
    if (nargs && repeat > KR_SSIZE_MAX / (KrSsize)sizeof(KrObject *) / nargs)
        return krErr_format(ts, &KrExc_OverflowError, "repeat argument too large");
    npools = nargs * repeat;
    KrObject *pools = krTuple_new(ts, npools);
    if (!pools) return NULL;
    for (KrSsize i = 0; i < npools; i++) KR_TUPLE_SET(pools, i, NULL);
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *pool = krSeq_tuple(ts, args[i]);
        if (!pool) {
            for (KrSsize j = i; j < npools; j++) KR_TUPLE_SET(pools, j, kr_newref(KR_NONE));
            kr_decref(pools);
            return NULL;
        }
        // With repeat=0 there are no pools, but the arguments are still
        // converted (for their errors).
        if (i < npools) KR_TUPLE_SET(pools, i, pool);
        else kr_decref(pool);
    }
    for (KrSsize i = nargs; i < npools; i++) KR_TUPLE_SET(pools, i, kr_newref(KR_TUPLE_GET(pools, i - nargs)));
    KrObject *c = comb_alloc(ts, type, &KrProduct_Type, pools, npools, npools, false);
    if (c) krItertools_track(c);
    return c;
}

static KrObject *product_next(KrThreadState *ts, KrObject *self) {
    CombObject *c = (CombObject *)self;
    KrObject *pools = c->pool;
    KrSsize npools = KR_TUPLE_SIZE(pools);
    if (c->stopped) return NULL;
    if (!c->result) {
        KrObject *res = krTuple_new(ts, npools);
        if (!res) return comb_stop(c);
        for (KrSsize i = 0; i < npools; i++) {
            KrObject *pool = KR_TUPLE_GET(pools, i);
            if (KR_TUPLE_SIZE(pool) == 0) {
                for (KrSsize j = i; j < npools; j++) KR_TUPLE_SET(res, j, kr_newref(KR_NONE));
                kr_decref(res);
                return comb_stop(c);
            }
            KR_TUPLE_SET(res, i, kr_newref(KR_TUPLE_GET(pool, 0)));
        }
        c->result = res;
        return comb_result(c);
    }
    if (comb_own_result(ts, c) < 0) return comb_stop(c);
    // Advance like an odometer, rightmost pool first.
    KrSsize i;
    for (i = npools - 1; i >= 0; i--) {
        KrObject *pool = KR_TUPLE_GET(pools, i);
        if (++c->indices[i] == KR_TUPLE_SIZE(pool)) {
            c->indices[i] = 0;
            result_set(c->result, i, KR_TUPLE_GET(pool, 0));
        } else {
            result_set(c->result, i, KR_TUPLE_GET(pool, c->indices[i]));
            break;
        }
    }
    if (i < 0) return comb_stop(c);
    return comb_result(c);
}

KrTypeObject KrProduct_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools.product",
    .tp_basicsize = sizeof(CombObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "product(*iterables, repeat=1) --> product object\n\n"
              "Cartesian product of input iterables.  Equivalent to nested for-loops.",
    .tp_new = product_new,
    .tp_dealloc = comb_dealloc,
    .tp_traverse = comb_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = product_next,
};

// combinations

static KrObject *combinations_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    static const char *const names[] = {"iterable", "r"};
    KrObject *a[2];
    if (krArg_parse(ts, "combinations", args, nargs, kwnames, names, 2, 0, 2, 2, a) < 0) return NULL;
    KrObject *pool = krSeq_tuple(ts, a[0]);
    if (!pool) return NULL;
    KrSsize r = get_r(ts, a[1]);
    if (r < 0) {
        kr_decref(pool);
        return NULL;
    }
    KrSsize n = KR_TUPLE_SIZE(pool);
    CombObject *c = (CombObject *)comb_alloc(ts, type, &KrCombinations_Type, pool, r, r, false);
    if (!c) return NULL;
    for (KrSsize i = 0; i < r; i++) c->indices[i] = i;
    c->stopped = r > n;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static KrObject *combinations_next(KrThreadState *ts, KrObject *self) {
    CombObject *c = (CombObject *)self;
    KrObject *pool = c->pool;
    KrSsize n = KR_TUPLE_SIZE(pool), r = c->r;
    KrSsize *idx = c->indices;
    if (c->stopped) return NULL;
    if (!c->result) {
        if (comb_first(ts, c, pool) < 0) return comb_stop(c);
        return comb_result(c);
    }
    if (comb_own_result(ts, c) < 0) return comb_stop(c);
    // The rightmost index not yet at its maximum (i + n - r) moves up; those
    // after it follow consecutively.
    KrSsize i;
    for (i = r - 1; i >= 0 && idx[i] == i + n - r; i--) {
    }
    if (i < 0) return comb_stop(c);
    idx[i]++;
    for (KrSsize j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    for (; i < r; i++) result_set(c->result, i, KR_TUPLE_GET(pool, idx[i]));
    return comb_result(c);
}

KrTypeObject KrCombinations_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools.combinations",
    .tp_basicsize = sizeof(CombObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return successive r-length combinations of elements in the iterable.\n\n"
              "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
    .tp_new = combinations_new,
    .tp_dealloc = comb_dealloc,
    .tp_traverse = comb_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = combinations_next,
};

// combinations_with_replacement

static KrObject *cwr_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"iterable", "r"};
    KrObject *a[2];
    if (krArg_parse(ts, "combinations_with_replacement", args, nargs, kwnames, names, 2, 0, 2, 2, a) < 0)
        return NULL;
    KrObject *pool = krSeq_tuple(ts, a[0]);
    if (!pool) return NULL;
    KrSsize r = get_r(ts, a[1]);
    if (r < 0) {
        kr_decref(pool);
        return NULL;
    }
    KrSsize n = KR_TUPLE_SIZE(pool);
    CombObject *c = (CombObject *)comb_alloc(ts, type, &KrCwr_Type, pool, r, r, false);
    if (!c) return NULL;
    c->stopped = n == 0 && r > 0;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static KrObject *cwr_next(KrThreadState *ts, KrObject *self) {
    CombObject *c = (CombObject *)self;
    KrObject *pool = c->pool;
    KrSsize n = KR_TUPLE_SIZE(pool), r = c->r;
    KrSsize *idx = c->indices;
    if (c->stopped) return NULL;
    if (!c->result) {
        if (comb_first(ts, c, pool) < 0) return comb_stop(c);
        return comb_result(c);
    }
    if (comb_own_result(ts, c) < 0) return comb_stop(c);
    KrSsize i;
    for (i = r - 1; i >= 0 && idx[i] == n - 1; i--) {
    }
    if (i < 0) return comb_stop(c);
    KrSsize index = idx[i] + 1;
    KrObject *elem = KR_TUPLE_GET(pool, index);
    for (; i < r; i++) {
        idx[i] = index;
        result_set(c->result, i, elem);
    }
    return comb_result(c);
}

KrTypeObject KrCwr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools.combinations_with_replacement",
    .tp_basicsize = sizeof(CombObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\n"
              "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')",
    .tp_new = cwr_new,
    .tp_dealloc = comb_dealloc,
    .tp_traverse = comb_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = cwr_next,
};

// permutations

static KrObject *permutations_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    static const char *const names[] = {"iterable", "r"};
    KrObject *a[2];
    if (krArg_parse(ts, "permutations", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrObject *pool = krSeq_tuple(ts, a[0]);
    if (!pool) return NULL;
    KrSsize n = KR_TUPLE_SIZE(pool), r = n;
    if (a[1] && a[1] != KR_NONE) {
        if (!krInt_check(a[1])) {
            kr_decref(pool);
            return krErr_format(ts, &KrExc_TypeError, "Expected int as r");
        }
        r = get_r(ts, a[1]);
        if (r < 0) {
            kr_decref(pool);
            return NULL;
        }
    }
    CombObject *c = (CombObject *)comb_alloc(ts, type, &KrPermutations_Type, pool, r, n, true);
    if (!c) return NULL;
    for (KrSsize i = 0; i < n; i++) c->indices[i] = i;
    for (KrSsize i = 0; i < r; i++) c->cycles[i] = n - i;
    c->stopped = r > n;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static KrObject *permutations_next(KrThreadState *ts, KrObject *self) {
    CombObject *c = (CombObject *)self;
    KrObject *pool = c->pool;
    KrSsize n = KR_TUPLE_SIZE(pool), r = c->r;
    KrSsize *idx = c->indices, *cycles = c->cycles;
    if (c->stopped) return NULL;
    if (!c->result) {
        if (comb_first(ts, c, pool) < 0) return comb_stop(c);
        return comb_result(c);
    }
    if (n == 0) return comb_stop(c);
    if (comb_own_result(ts, c) < 0) return comb_stop(c);
    KrSsize i;
    for (i = r - 1; i >= 0; i--) {
        if (--cycles[i] == 0) {
            // Rotate indices[i:] left by one.
            KrSsize first = idx[i];
            for (KrSsize j = i; j < n - 1; j++) idx[j] = idx[j + 1];
            idx[n - 1] = first;
            cycles[i] = n - i;
        } else {
            KrSsize j = cycles[i];
            KrSsize t = idx[i];
            idx[i] = idx[n - j];
            idx[n - j] = t;
            for (KrSsize k = i; k < r; k++) result_set(c->result, k, KR_TUPLE_GET(pool, idx[k]));
            break;
        }
    }
    if (i < 0) return comb_stop(c);
    return comb_result(c);
}

KrTypeObject KrPermutations_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "itertools.permutations",
    .tp_basicsize = sizeof(CombObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return successive r-length permutations of elements in the iterable.\n\n"
              "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
    .tp_new = permutations_new,
    .tp_dealloc = comb_dealloc,
    .tp_traverse = comb_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = krItertools_self,
    .tp_iternext = permutations_next,
};
