/*
 * itertools.c — the itertools module and its simpler iterators: count,
 * cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
 * filterfalse, islice, pairwise, starmap, zip_longest.  groupby, tee and
 * the combinatoric iterators are in itertools_comb.c.
 *
 * Every iterator holds strong references to its inputs (GC-tracked) and
 * drops its source iterator once exhausted where CPython does, so that an
 * exhausted iterator stays exhausted.  All types may be subclassed.
 */
#include "modules/itertools.h"

#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

KrObject *krItertools_alloc(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base) {
    return type == base ? krObj_alloc(ts, type, 0) : krType_generic_alloc(ts, type, 0);
}

void krItertools_track(KrObject *o) {
    if (!krGC_is_tracked(o)) krGC_track(o);
}

KrObject *krItertools_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

int krItertools_no_kwargs(KrThreadState *ts, const char *name, KrObject *kwnames) {
    return krArg_no_kwargs(ts, name, kwnames);
}

// Positional-only constructors of the exact type reject keywords; subclasses
// may take them in their own __init__.
static int no_kwargs_exact(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base, const char *name,
                           KrObject *kwnames) {
    if (type == base || type->tp_init == base->tp_init) return krArg_no_kwargs(ts, name, kwnames);
    return 0;
}

#define DEFINE_ITER_TYPE(var, name, structtype, doc_, newf, deallocf, traversef, nextf, extra...) \
    KrTypeObject var = {                                                                         \
        KR_STATIC_HEAD(&KrType_Type),                                                            \
        .tp_name = "itertools." name,                                                            \
        .tp_basicsize = sizeof(structtype),                                                      \
        .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,                                    \
        .tp_doc = doc_,                                                                          \
        .tp_new = newf,                                                                          \
        .tp_dealloc = deallocf,                                                                  \
        .tp_traverse = traversef,                                                                \
        .tp_getattro = krObj_generic_getattr,                                                    \
        .tp_iter = krItertools_self,                                                             \
        .tp_iternext = nextf,                                                                    \
        extra};

// ---------------------------------------------------------------------------
// Iterators over one source with one callable: dropwhile, takewhile,
// filterfalse, starmap.  `flag` is dropwhile's "started" / takewhile's "stopped".

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;                // strong (None for filterfalse's identity)
    KrObject *it;                  // strong
    bool flag;
} FuncIterObject;

extern KrTypeObject KrDropWhile_Type, KrTakeWhile_Type, KrFilterFalse_Type, KrStarMap_Type;

static KrObject *funciter_new(KrThreadState *ts, KrTypeObject *type, KrTypeObject *base, const char *name,
                              KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (no_kwargs_exact(ts, type, base, name, kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, name, nargs, 2, 2) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, args[1]);
    if (!it) return NULL;
    FuncIterObject *f = (FuncIterObject *)krItertools_alloc(ts, type, base);
    if (!f) {
        kr_decref(it);
        return NULL;
    }
    f->func = kr_newref(args[0]);
    f->it = it;
    krItertools_track((KrObject *)f);
    return (KrObject *)f;
}

static void funciter_dealloc(KrObject *self) {
    FuncIterObject *f = (FuncIterObject *)self;
    krGC_untrack(self);
    KR_CLEAR(f->func);
    KR_CLEAR(f->it);
    krObj_free(self);
}

static int funciter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    FuncIterObject *f = (FuncIterObject *)self;
    KR_VISIT(f->func);
    KR_VISIT(f->it);
    return 0;
}

// The truth of func(item): 1, 0, -1.
static int call_predicate(KrThreadState *ts, KrObject *func, KrObject *item) {
    if (func == KR_NONE) return krObj_is_true(ts, item);
    KrObject *r = krObj_call1(ts, func, item);
    if (!r) return -1;
    int t = krObj_is_true(ts, r);
    kr_decref(r);
    return t;
}

static KrObject *dropwhile_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    return funciter_new(ts, type, &KrDropWhile_Type, "dropwhile", args, nargs, kwnames);
}

static KrObject *dropwhile_next(KrThreadState *ts, KrObject *self) {
    FuncIterObject *f = (FuncIterObject *)self;
    KrObject *item;
    while ((item = krIter_next(ts, f->it))) {
        if (f->flag) return item;
        int t = call_predicate(ts, f->func, item);
        if (t < 0) {
            kr_decref(item);
            return NULL;
        }
        if (!t) {
            f->flag = true;
            return item;
        }
        kr_decref(item);
    }
    return NULL;
}

DEFINE_ITER_TYPE(KrDropWhile_Type, "dropwhile", FuncIterObject,
                 "Drop items from the iterable while predicate(item) is true.\n\n"
                 "Afterwards, return every element until the iterable is exhausted.",
                 dropwhile_new, funciter_dealloc, funciter_traverse, dropwhile_next)

static KrObject *takewhile_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    return funciter_new(ts, type, &KrTakeWhile_Type, "takewhile", args, nargs, kwnames);
}

static KrObject *takewhile_next(KrThreadState *ts, KrObject *self) {
    FuncIterObject *f = (FuncIterObject *)self;
    if (f->flag) return NULL;
    KrObject *item = krIter_next(ts, f->it);
    if (!item) return NULL;
    int t = call_predicate(ts, f->func, item);
    if (t > 0) return item;
    kr_decref(item);
    if (t == 0) f->flag = true;
    return NULL;
}

DEFINE_ITER_TYPE(KrTakeWhile_Type, "takewhile", FuncIterObject,
                 "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
                 takewhile_new, funciter_dealloc, funciter_traverse, takewhile_next)

static KrObject *filterfalse_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    return funciter_new(ts, type, &KrFilterFalse_Type, "filterfalse", args, nargs, kwnames);
}

static KrObject *filterfalse_next(KrThreadState *ts, KrObject *self) {
    FuncIterObject *f = (FuncIterObject *)self;
    KrObject *item;
    while ((item = krIter_next(ts, f->it))) {
        int t = f->func == (KrObject *)&KrBool_Type ? krObj_is_true(ts, item) : call_predicate(ts, f->func, item);
        if (t == 0) return item;
        kr_decref(item);
        if (t < 0) return NULL;
    }
    return NULL;
}

DEFINE_ITER_TYPE(KrFilterFalse_Type, "filterfalse", FuncIterObject,
                 "Return those items of iterable for which function(item) is false.\n\n"
                 "If function is None, return the items that are false.",
                 filterfalse_new, funciter_dealloc, funciter_traverse, filterfalse_next)

static KrObject *starmap_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    return funciter_new(ts, type, &KrStarMap_Type, "starmap", args, nargs, kwnames);
}

static KrObject *starmap_next(KrThreadState *ts, KrObject *self) {
    FuncIterObject *f = (FuncIterObject *)self;
    KrObject *item = krIter_next(ts, f->it);
    if (!item) return NULL;
    KrObject *targs = krTuple_check(item) ? kr_newref(item) : krSeq_tuple(ts, item);
    kr_decref(item);
    if (!targs) return NULL;
    KrObject *r = krObj_vectorcall(ts, f->func, KR_TUPLE_ITEMS(targs), (size_t)KR_TUPLE_SIZE(targs), NULL);
    kr_decref(targs);
    return r;
}

DEFINE_ITER_TYPE(KrStarMap_Type, "starmap", FuncIterObject,
                 "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
                 starmap_new, funciter_dealloc, funciter_traverse, starmap_next)

// ---------------------------------------------------------------------------
// count

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize cnt;                   // fast mode: the next value
    KrObject *long_cnt;            // slow mode: strong next value; NULL in fast mode
    KrObject *step;                // strong
} CountObject;

extern KrTypeObject KrCount_Type;

// CPython's PyNumber_Check: int, float, complex, or anything with __index__,
// __int__ or __float__.
static bool is_number(KrObject *o) {
    KrTypeObject *t = KR_TYPE(o);
    return kr_is_smallint(o) || t->nb_index || t->nb_int || t->nb_float || krComplex_check(o);
}

static bool is_int_one(KrObject *o) {
    int64_t v;
    return krInt_check(o) && krInt_to_i64(o, &v) && v == 1;
}

static KrObject *count_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    static const char *const names[] = {"start", "step"};
    KrObject *a[2];
    if (krArg_parse(ts, "count", args, nargs, kwnames, names, 2, 0, 2, 0, a) < 0) return NULL;
    KrObject *start = a[0], *step = a[1] ? a[1] : kr_smallint(1);
    if ((start && !is_number(start)) || !is_number(step))
        return krErr_format(ts, &KrExc_TypeError, "a number is required");
    CountObject *c = (CountObject *)krItertools_alloc(ts, type, &KrCount_Type);
    if (!c) return NULL;
    int64_t v = 0;
    bool fast = (!start || (krInt_check(start) && krInt_to_i64(start, &v))) && is_int_one(step);
    if (fast) {
        c->cnt = (KrSsize)v;
    } else {
        c->long_cnt = kr_newref(start ? start : kr_smallint(0));
    }
    c->step = kr_newref(step);
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static void count_dealloc(KrObject *self) {
    CountObject *c = (CountObject *)self;
    krGC_untrack(self);
    KR_CLEAR(c->long_cnt);
    KR_CLEAR(c->step);
    krObj_free(self);
}

static int count_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    CountObject *c = (CountObject *)self;
    KR_VISIT(c->long_cnt);
    KR_VISIT(c->step);
    return 0;
}

static KrObject *count_next(KrThreadState *ts, KrObject *self) {
    CountObject *c = (CountObject *)self;
    if (!c->long_cnt) {
        if (c->cnt != KR_SSIZE_MAX && kr_smallint_fits(c->cnt)) return kr_smallint(c->cnt++);
        // Leave fast mode before the counter overflows.
        c->long_cnt = krInt_from_ssize(ts, c->cnt);
        if (!c->long_cnt) return NULL;
    }
    KrObject *next = krNum_add(ts, c->long_cnt, c->step);
    if (!next) return NULL;
    KrObject *r = c->long_cnt;
    c->long_cnt = next;
    return r;
}

static KrObject *count_repr(KrThreadState *ts, KrObject *self) {
    CountObject *c = (CountObject *)self;
    const char *name = krType_name(KR_TYPE(self));
    if (!c->long_cnt) return krStr_from_format(ts, "%s(%zd)", name, c->cnt);
    if (krInt_check(c->step) && is_int_one(c->step)) return krStr_from_format(ts, "%s(%R)", name, c->long_cnt);
    return krStr_from_format(ts, "%s(%R, %R)", name, c->long_cnt, c->step);
}

DEFINE_ITER_TYPE(KrCount_Type, "count", CountObject,
                 "Return a count object whose .__next__() method returns consecutive values.\n\n"
                 "Equivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n"
                 "        while 1:\n            yield x\n            x += step",
                 count_new, count_dealloc, count_traverse, count_next, .tp_repr = count_repr)

// ---------------------------------------------------------------------------
// cycle

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong; NULL after the first pass
    KrObject *saved;               // strong list
    KrSsize index;
} CycleObject;

extern KrTypeObject KrCycle_Type;

static KrObject *cycle_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (no_kwargs_exact(ts, type, &KrCycle_Type, "cycle", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "cycle", nargs, 1, 1) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, args[0]);
    if (!it) return NULL;
    KrObject *saved = krList_new(ts, 0);
    CycleObject *c = saved ? (CycleObject *)krItertools_alloc(ts, type, &KrCycle_Type) : NULL;
    if (!c) {
        kr_decref(it);
        kr_xdecref(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static void cycle_dealloc(KrObject *self) {
    CycleObject *c = (CycleObject *)self;
    krGC_untrack(self);
    KR_CLEAR(c->it);
    KR_CLEAR(c->saved);
    krObj_free(self);
}

static int cycle_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    CycleObject *c = (CycleObject *)self;
    KR_VISIT(c->it);
    KR_VISIT(c->saved);
    return 0;
}

static KrObject *cycle_next(KrThreadState *ts, KrObject *self) {
    CycleObject *c = (CycleObject *)self;
    if (c->it) {
        KrObject *item = krIter_next(ts, c->it);
        if (item) {
            if (krList_append(ts, c->saved, item) < 0) {
                kr_decref(item);
                return NULL;
            }
            return item;
        }
        if (krErr_occurred(ts)) return NULL;
        KR_CLEAR(c->it);
    }
    KrSsize n = KR_LIST_SIZE(c->saved);
    if (n == 0) return NULL;
    if (c->index >= n) c->index = 0;
    return kr_newref(KR_LIST_GET(c->saved, c->index++));
}

DEFINE_ITER_TYPE(KrCycle_Type, "cycle", CycleObject,
                 "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
                 cycle_new, cycle_dealloc, cycle_traverse, cycle_next)

// ---------------------------------------------------------------------------
// repeat

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *element;             // strong
    KrSsize cnt;                   // remaining, or -1 for forever
} RepeatObject;

extern KrTypeObject KrRepeat_Type;

static KrObject *repeat_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"object", "times"};
    KrObject *a[2];
    if (krArg_parse(ts, "repeat", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrSsize cnt = -1;
    if (a[1]) {
        if (!krNum_is_index(a[1]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(a[1])));
        cnt = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (cnt == -1 && krErr_occurred(ts)) return NULL;
        if (cnt < 0) cnt = 0;
    }
    RepeatObject *r = (RepeatObject *)krItertools_alloc(ts, type, &KrRepeat_Type);
    if (!r) return NULL;
    r->element = kr_newref(a[0]);
    r->cnt = cnt;
    krItertools_track((KrObject *)r);
    return (KrObject *)r;
}

static void repeat_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((RepeatObject *)self)->element);
    krObj_free(self);
}

static int repeat_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((RepeatObject *)self)->element);
    return 0;
}

static KrObject *repeat_next(KrThreadState *ts, KrObject *self) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt == 0) return NULL;
    if (r->cnt > 0) r->cnt--;
    return kr_newref(r->element);
}

static KrObject *repeat_repr(KrThreadState *ts, KrObject *self) {
    RepeatObject *r = (RepeatObject *)self;
    const char *name = krType_name(KR_TYPE(self));
    if (r->cnt == -1) return krStr_from_format(ts, "%s(%R)", name, r->element);
    return krStr_from_format(ts, "%s(%R, %zd)", name, r->element, r->cnt);
}

static KrObject *repeat_length_hint(KrThreadState *ts, KrObject *self) {
    RepeatObject *r = (RepeatObject *)self;
    if (r->cnt == -1) return krErr_format(ts, &KrExc_TypeError, "len() of unsized object");
    return krInt_from_ssize(ts, r->cnt);
}

static const KrMethodDef repeat_methods[] = {
    {"__length_hint__", KR_CFUNC(repeat_length_hint), KR_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

DEFINE_ITER_TYPE(KrRepeat_Type, "repeat", RepeatObject,
                 "repeat(object [,times]) -> create an iterator which returns the object\n"
                 "for the specified number of times.  If not specified, returns the object\nendlessly.",
                 repeat_new, repeat_dealloc, repeat_traverse, repeat_next, .tp_repr = repeat_repr,
                 .tp_methods = repeat_methods)

// ---------------------------------------------------------------------------
// accumulate

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong
    KrObject *func;                // strong or NULL (addition)
    KrObject *total;               // strong or NULL before the first item
    KrObject *initial;             // strong or NULL; yielded first, then cleared
} AccumulateObject;

extern KrTypeObject KrAccumulate_Type;

static KrObject *accumulate_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"iterable", "func", "initial"};
    KrObject *a[3];
    if (krArg_parse(ts, "accumulate", args, nargs, kwnames, names, 3, 0, 2, 1, a) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, a[0]);
    if (!it) return NULL;
    AccumulateObject *acc = (AccumulateObject *)krItertools_alloc(ts, type, &KrAccumulate_Type);
    if (!acc) {
        kr_decref(it);
        return NULL;
    }
    acc->it = it;
    acc->func = a[1] && a[1] != KR_NONE ? kr_newref(a[1]) : NULL;
    acc->initial = a[2] && a[2] != KR_NONE ? kr_newref(a[2]) : NULL;
    krItertools_track((KrObject *)acc);
    return (KrObject *)acc;
}

static void accumulate_dealloc(KrObject *self) {
    AccumulateObject *acc = (AccumulateObject *)self;
    krGC_untrack(self);
    KR_CLEAR(acc->it);
    KR_CLEAR(acc->func);
    KR_CLEAR(acc->total);
    KR_CLEAR(acc->initial);
    krObj_free(self);
}

static int accumulate_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    AccumulateObject *acc = (AccumulateObject *)self;
    KR_VISIT(acc->it);
    KR_VISIT(acc->func);
    KR_VISIT(acc->total);
    KR_VISIT(acc->initial);
    return 0;
}

static KrObject *accumulate_next(KrThreadState *ts, KrObject *self) {
    AccumulateObject *acc = (AccumulateObject *)self;
    if (acc->initial) {
        acc->total = acc->initial;
        acc->initial = NULL;
        return kr_newref(acc->total);
    }
    KrObject *item = krIter_next(ts, acc->it);
    if (!item) return NULL;
    if (!acc->total) {
        acc->total = item;
        return kr_newref(item);
    }
    KrObject *next = acc->func ? krObj_call2(ts, acc->func, acc->total, item) : krNum_add(ts, acc->total, item);
    kr_decref(item);
    if (!next) return NULL;
    kr_setref(&acc->total, kr_newref(next));
    return next;
}

DEFINE_ITER_TYPE(KrAccumulate_Type, "accumulate", AccumulateObject, "Return series of accumulated sums (or other binary function results).",
                 accumulate_new, accumulate_dealloc, accumulate_traverse, accumulate_next)

// ---------------------------------------------------------------------------
// chain

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *source;              // strong iterator over the iterables, or NULL when done
    KrObject *active;              // strong iterator of the current iterable, or NULL
} ChainObject;

extern KrTypeObject KrChain_Type;

static KrObject *chain_make(KrThreadState *ts, KrTypeObject *type, KrObject *source) {
    ChainObject *c = (ChainObject *)krItertools_alloc(ts, type, &KrChain_Type);
    if (!c) {
        kr_decref(source);
        return NULL;
    }
    c->source = source;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static KrObject *chain_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (no_kwargs_exact(ts, type, &KrChain_Type, "chain", kwnames) < 0) return NULL;
    KrObject *t = krTuple_from_array(ts, args, nargs);
    if (!t) return NULL;
    KrObject *source = krObj_get_iter(ts, t);
    kr_decref(t);
    return source ? chain_make(ts, type, source) : NULL;
}

static KrObject *chain_from_iterable(KrThreadState *ts, KrObject *cls, KrObject *iterable) {
    KrObject *source = krObj_get_iter(ts, iterable);
    return source ? chain_make(ts, (KrTypeObject *)cls, source) : NULL;
}

static void chain_dealloc(KrObject *self) {
    ChainObject *c = (ChainObject *)self;
    krGC_untrack(self);
    KR_CLEAR(c->source);
    KR_CLEAR(c->active);
    krObj_free(self);
}

static int chain_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    ChainObject *c = (ChainObject *)self;
    KR_VISIT(c->source);
    KR_VISIT(c->active);
    return 0;
}

static KrObject *chain_next(KrThreadState *ts, KrObject *self) {
    ChainObject *c = (ChainObject *)self;
    while (c->source) {
        if (!c->active) {
            KrObject *iterable = krIter_next(ts, c->source);
            if (!iterable) {
                if (!krErr_occurred(ts)) KR_CLEAR(c->source);
                return NULL;
            }
            c->active = krObj_get_iter(ts, iterable);
            kr_decref(iterable);
            if (!c->active) return NULL;
        }
        KrObject *item = krIter_next(ts, c->active);
        if (item || krErr_occurred(ts)) return item;
        KR_CLEAR(c->active);
    }
    return NULL;
}

static const KrMethodDef chain_methods[] = {
    {"from_iterable", KR_CFUNC(chain_from_iterable), KR_METH_O | KR_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {NULL},
};

DEFINE_ITER_TYPE(KrChain_Type, "chain", ChainObject,
                 "chain(*iterables) --> chain object\n\n"
                 "Return a chain object whose .__next__() method returns elements from the\n"
                 "first iterable until it is exhausted, then elements from the next\n"
                 "iterable, until all of the iterables are exhausted.",
                 chain_new, chain_dealloc, chain_traverse, chain_next, .tp_methods = chain_methods)

// ---------------------------------------------------------------------------
// compress

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *data;                // strong iterator
    KrObject *selectors;           // strong iterator
} CompressObject;

extern KrTypeObject KrCompress_Type;

static KrObject *compress_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"data", "selectors"};
    KrObject *a[2];
    if (krArg_parse(ts, "compress", args, nargs, kwnames, names, 2, 0, 2, 2, a) < 0) return NULL;
    KrObject *data = krObj_get_iter(ts, a[0]);
    if (!data) return NULL;
    KrObject *sel = krObj_get_iter(ts, a[1]);
    CompressObject *c = sel ? (CompressObject *)krItertools_alloc(ts, type, &KrCompress_Type) : NULL;
    if (!c) {
        kr_decref(data);
        kr_xdecref(sel);
        return NULL;
    }
    c->data = data;
    c->selectors = sel;
    krItertools_track((KrObject *)c);
    return (KrObject *)c;
}

static void compress_dealloc(KrObject *self) {
    CompressObject *c = (CompressObject *)self;
    krGC_untrack(self);
    KR_CLEAR(c->data);
    KR_CLEAR(c->selectors);
    krObj_free(self);
}

static int compress_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    CompressObject *c = (CompressObject *)self;
    KR_VISIT(c->data);
    KR_VISIT(c->selectors);
    return 0;
}

static KrObject *compress_next(KrThreadState *ts, KrObject *self) {
    CompressObject *c = (CompressObject *)self;
    for (;;) {
        KrObject *datum = krIter_next(ts, c->data);
        if (!datum) return NULL;
        KrObject *sel = krIter_next(ts, c->selectors);
        if (!sel) {
            kr_decref(datum);
            return NULL;
        }
        int t = krObj_is_true(ts, sel);
        kr_decref(sel);
        if (t > 0) return datum;
        kr_decref(datum);
        if (t < 0) return NULL;
    }
}

DEFINE_ITER_TYPE(KrCompress_Type, "compress", CompressObject,
                 "Return data elements corresponding to true selector elements.\n\n"
                 "Forms a shorter iterator from selected data elements using the selectors to\n"
                 "choose the data elements.",
                 compress_new, compress_dealloc, compress_traverse, compress_next)

// ---------------------------------------------------------------------------
// islice

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong; NULL when exhausted
    KrSsize next, stop, step, cnt; // stop == -1: no limit
} ISliceObject;

extern KrTypeObject KrISlice_Type;

// An islice index: None keeps *out; an int that fits a ssize is stored;
// anything else (including overflow) stores -1, which every caller rejects.
static void islice_index(KrThreadState *ts, KrObject *o, KrSsize *out) {
    if (o == KR_NONE) return;
    KrSsize v = -1;
    if (krNum_is_index(o)) {
        v = krNum_as_ssize(ts, o, &KrExc_OverflowError);
        if (v == -1 && krErr_occurred(ts)) krErr_clear(ts);
    }
    *out = v;
}

static KrObject *islice_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    if (no_kwargs_exact(ts, type, &KrISlice_Type, "islice", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "islice", nargs, 2, 4) < 0) return NULL;
    KrSsize start = 0, stop = -1, step = 1;
    static const char stop_msg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    KrObject *stop_arg = args[nargs == 2 ? 1 : 2];
    if (nargs > 2) islice_index(ts, args[1], &start);
    islice_index(ts, stop_arg, &stop);
    if (stop_arg != KR_NONE && stop == -1) {
        krErr_set_string(ts, &KrExc_ValueError, stop_msg);
        return NULL;
    }
    if (start < 0 || stop < -1) {
        krErr_set_string(ts, &KrExc_ValueError,
                         "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (nargs == 4) islice_index(ts, args[3], &step);
    if (step < 1) {
        krErr_set_string(ts, &KrExc_ValueError, "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    KrObject *it = krObj_get_iter(ts, args[0]);
    if (!it) return NULL;
    ISliceObject *s = (ISliceObject *)krItertools_alloc(ts, type, &KrISlice_Type);
    if (!s) {
        kr_decref(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    s->cnt = 0;
    krItertools_track((KrObject *)s);
    return (KrObject *)s;
}

static void islice_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((ISliceObject *)self)->it);
    krObj_free(self);
}

static int islice_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((ISliceObject *)self)->it);
    return 0;
}

static KrObject *islice_next(KrThreadState *ts, KrObject *self) {
    ISliceObject *s = (ISliceObject *)self;
    if (!s->it) return NULL;
    KrObject *item;
    while (s->cnt < s->next) {
        item = krIter_next(ts, s->it);
        if (!item) goto empty;
        kr_decref(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    item = krIter_next(ts, s->it);
    if (!item) goto empty;
    s->cnt++;
    KrSsize old = s->next;
    s->next = (KrSsize)((size_t)s->next + (size_t)s->step);
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
empty:
    KR_CLEAR(s->it);
    return NULL;
}

DEFINE_ITER_TYPE(KrISlice_Type, "islice", ISliceObject,
                 "islice(iterable, stop) --> islice object\n"
                 "islice(iterable, start, stop[, step]) --> islice object\n\n"
                 "Return an iterator whose next() method returns selected values from an\n"
                 "iterable.  If start is specified, will skip all preceding elements;\n"
                 "otherwise, start defaults to zero.  Step defaults to one.  If\n"
                 "specified as another value, step determines how many values are\n"
                 "skipped between successive calls.  Works like a slice() on a list\n"
                 "but returns an iterator.",
                 islice_new, islice_dealloc, islice_traverse, islice_next)

// ---------------------------------------------------------------------------
// pairwise

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;                  // strong; NULL when exhausted
    KrObject *old;                 // strong; the previous item
} PairwiseObject;

extern KrTypeObject KrPairwise_Type;

static KrObject *pairwise_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    if (no_kwargs_exact(ts, type, &KrPairwise_Type, "pairwise", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "pairwise", nargs, 1, 1) < 0) return NULL;
    KrObject *it = krObj_get_iter(ts, args[0]);
    if (!it) return NULL;
    PairwiseObject *p = (PairwiseObject *)krItertools_alloc(ts, type, &KrPairwise_Type);
    if (!p) {
        kr_decref(it);
        return NULL;
    }
    p->it = it;
    krItertools_track((KrObject *)p);
    return (KrObject *)p;
}

static void pairwise_dealloc(KrObject *self) {
    PairwiseObject *p = (PairwiseObject *)self;
    krGC_untrack(self);
    KR_CLEAR(p->it);
    KR_CLEAR(p->old);
    krObj_free(self);
}

static int pairwise_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    PairwiseObject *p = (PairwiseObject *)self;
    KR_VISIT(p->it);
    KR_VISIT(p->old);
    return 0;
}

static KrObject *pairwise_next(KrThreadState *ts, KrObject *self) {
    PairwiseObject *p = (PairwiseObject *)self;
    if (!p->it) return NULL;
    if (!p->old) {
        p->old = krIter_next(ts, p->it);
        if (!p->old) {
            KR_CLEAR(p->it);
            return NULL;
        }
    }
    KrObject *item = krIter_next(ts, p->it);
    if (!item) {
        KR_CLEAR(p->it);
        KR_CLEAR(p->old);
        return NULL;
    }
    KrObject *t = krTuple_new(ts, 2);
    if (!t) {
        kr_decref(item);
        return NULL;
    }
    KR_TUPLE_SET(t, 0, p->old);
    KR_TUPLE_SET(t, 1, kr_newref(item));
    p->old = item;
    return t;
}

DEFINE_ITER_TYPE(KrPairwise_Type, "pairwise", PairwiseObject,
                 "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
                 "    s -> (s0,s1), (s1,s2), (s2, s3), ...",
                 pairwise_new, pairwise_dealloc, pairwise_traverse, pairwise_next)

// ---------------------------------------------------------------------------
// zip_longest

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *iters;               // strong tuple; exhausted entries become None
    KrSsize numactive;
    KrObject *fillvalue;           // strong
} ZipLongestObject;

extern KrTypeObject KrZipLongest_Type;

static KrObject *zip_longest_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    KrObject *fill = KR_NONE;
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        if (KR_TUPLE_SIZE(kwnames) != 1 || !krStr_eq_cstr(KR_TUPLE_GET(kwnames, 0), "fillvalue"))
            return krErr_format(ts, &KrExc_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs];
    }
    KrObject *iters = krTuple_new(ts, nargs);
    if (!iters) return NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *it = krObj_get_iter(ts, args[i]);
        if (!it) {
            for (KrSsize j = i; j < nargs; j++) KR_TUPLE_SET(iters, j, kr_newref(KR_NONE));
            kr_decref(iters);
            return NULL;
        }
        KR_TUPLE_SET(iters, i, it);
    }
    ZipLongestObject *z = (ZipLongestObject *)krItertools_alloc(ts, type, &KrZipLongest_Type);
    if (!z) {
        kr_decref(iters);
        return NULL;
    }
    z->iters = iters;
    z->numactive = nargs;
    z->fillvalue = kr_newref(fill);
    krItertools_track((KrObject *)z);
    return (KrObject *)z;
}

static void zip_longest_dealloc(KrObject *self) {
    ZipLongestObject *z = (ZipLongestObject *)self;
    krGC_untrack(self);
    KR_CLEAR(z->iters);
    KR_CLEAR(z->fillvalue);
    krObj_free(self);
}

static int zip_longest_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    ZipLongestObject *z = (ZipLongestObject *)self;
    KR_VISIT(z->iters);
    KR_VISIT(z->fillvalue);
    return 0;
}

static KrObject *zip_longest_next(KrThreadState *ts, KrObject *self) {
    ZipLongestObject *z = (ZipLongestObject *)self;
    KrSsize n = KR_TUPLE_SIZE(z->iters);
    if (n == 0 || z->numactive == 0) return NULL;
    KrObject *result = krTuple_new(ts, n);
    if (!result) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *it = KR_TUPLE_GET(z->iters, i), *item;
        if (it == KR_NONE) {
            item = kr_newref(z->fillvalue);
        } else {
            item = krIter_next(ts, it);
            if (!item) {
                if (krErr_occurred(ts) || --z->numactive == 0) {
                    z->numactive = 0;
                    for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(result, j, kr_newref(KR_NONE));
                    kr_decref(result);
                    return NULL;
                }
                item = kr_newref(z->fillvalue);
                KR_TUPLE_SET(z->iters, i, kr_newref(KR_NONE));
                kr_decref(it);
            }
        }
        KR_TUPLE_SET(result, i, item);
    }
    return result;
}

DEFINE_ITER_TYPE(KrZipLongest_Type, "zip_longest", ZipLongestObject,
                 "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\n"
                 "Return a zip_longest object whose .__next__() method returns a tuple where\n"
                 "the i-th element comes from the i-th iterable argument.  The .__next__()\n"
                 "method continues until the longest iterable in the argument sequence\n"
                 "is exhausted and then it raises StopIteration.  When the shorter iterables\n"
                 "are exhausted, the fillvalue is substituted in their place.  The fillvalue\n"
                 "defaults to None or can be specified by a keyword argument.",
                 zip_longest_new, zip_longest_dealloc, zip_longest_traverse, zip_longest_next)

// ---------------------------------------------------------------------------
// Module

static const KrMethodDef itertools_methods[] = {
    {"tee", KR_CFUNC(krItertools_tee), KR_METH_FAST, "Returns a tuple of n independent iterators."},
    {NULL},
};

static int itertools_exec(KrThreadState *ts, KrObject *m) {
    KrTypeObject *types[] = {
        &KrAccumulate_Type, &KrCombinations_Type, &KrCwr_Type, &KrCycle_Type, &KrDropWhile_Type,
        &KrTakeWhile_Type, &KrISlice_Type, &KrStarMap_Type, &KrChain_Type, &KrCompress_Type, &KrFilterFalse_Type,
        &KrCount_Type, &KrZipLongest_Type, &KrPairwise_Type, &KrPermutations_Type, &KrProduct_Type,
        &KrRepeat_Type, &KrGroupBy_Type, &KrGrouper_Type, &KrTee_Type, &KrTeeData_Type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (krModule_add_type(ts, m, types[i]) < 0) return -1;
    return 0;
}

const KrModuleDef kr_itertools_module_def = {
    .name = "itertools",
    .doc = "Functional tools for creating and using iterators.",
    .methods = itertools_methods,
    .exec = itertools_exec,
};
