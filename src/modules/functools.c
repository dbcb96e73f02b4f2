/*
 * functools.c — the _functools module: partial (with nested partials
 * flattened, a __dict__, vectorcall), reduce, cmp_to_key's KeyWrapper, and
 * _lru_cache_wrapper, the C core of functools.lru_cache.
 *
 * The LRU cache maps keys to link objects kept in a circular doubly-linked
 * list in recency order (the wrapper's `root` is the sentinel): a hit moves
 * the link to the tail, a miss on a full cache reuses the oldest link.  The
 * dict owns the links; the list pointers are borrowed.  As in CPython, the
 * user function may re-enter the cache, so after calling it the cache is
 * checked again before the result is stored.
 *
 * lib/functools.py builds the public module.
 */
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

extern KrTypeObject KrPartial_Type, KrKeyWrapper_Type, KrLruCache_Type, KrLruLink_Type;

// ---------------------------------------------------------------------------
// __dict__ of the objects with a tp_dictoffset field (partial, the LRU wrapper)

static KrObject **dict_slot(KrObject *self) { return (KrObject **)((char *)self + KR_TYPE(self)->tp_dictoffset); }

static KrObject *get_instance_dict(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject **slot = dict_slot(self);
    if (!*slot && !(*slot = krDict_new(ts))) return NULL;
    return kr_newref(*slot);
}

static int set_instance_dict(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!krDict_check(value)) {
        krErr_format(ts, &KrExc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", krType_name(KR_TYPE(value)));
        return -1;
    }
    kr_setref(dict_slot(self), kr_newref(value));
    return 0;
}

static const KrGetSetDef dict_getset[] = {
    {"__dict__", get_instance_dict, set_instance_dict, NULL, NULL},
    {NULL},
};

// ---------------------------------------------------------------------------
// partial

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *fn;                  // strong
    KrObject *args;                // strong tuple
    KrObject *kw;                  // strong dict
    KrObject *dict;                // strong or NULL: __dict__
    KrVectorcallFunc vectorcall;
} PartialObject;

static KrObject *partial_vectorcall(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                    KrObject *kwnames);

static KrObject *partial_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "type 'partial' takes at least one argument");
    KrObject *func = args[0];
    KrObject *pargs = NULL, *pkw = NULL;
    // partial(partial(f, *a, **k), ...) becomes partial(f, *a, ..., **k, ...)
    // unless the inner one carries attributes of its own.
    if (KR_TYPE(func)->tp_call == partial_vectorcall) {
        PartialObject *inner = (PartialObject *)func;
        if (!inner->dict || krDict_size(inner->dict) == 0) {
            pargs = inner->args;
            pkw = inner->kw;
            func = inner->fn;
        }
    }
    if (!krObj_callable(func)) return krErr_format(ts, &KrExc_TypeError, "the first argument must be callable");
    KrObject *newargs = krTuple_new(ts, (pargs ? KR_TUPLE_SIZE(pargs) : 0) + nargs - 1);
    if (!newargs) return NULL;
    KrSsize k = 0;
    for (KrSsize i = 0; pargs && i < KR_TUPLE_SIZE(pargs); i++) KR_TUPLE_SET(newargs, k++, kr_newref(KR_TUPLE_GET(pargs, i)));
    for (KrSsize i = 1; i < nargs; i++) KR_TUPLE_SET(newargs, k++, kr_newref(args[i]));
    KrObject *kw = pkw ? krDict_copy(ts, pkw) : krDict_new(ts);
    if (!kw) {
        kr_decref(newargs);
        return NULL;
    }
    for (KrSsize i = 0; kwnames && i < KR_TUPLE_SIZE(kwnames); i++) {
        if (krDict_set(ts, kw, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
            kr_decref(newargs);
            kr_decref(kw);
            return NULL;
        }
    }
    PartialObject *p = (PartialObject *)(type == &KrPartial_Type ? krObj_alloc(ts, type, 0)
                                                                 : krType_generic_alloc(ts, type, 0));
    if (!p) {
        kr_decref(newargs);
        kr_decref(kw);
        return NULL;
    }
    p->fn = kr_newref(func);
    p->args = newargs;
    p->kw = kw;
    p->vectorcall = partial_vectorcall;
    if (!krGC_is_tracked((KrObject *)p)) krGC_track((KrObject *)p);
    return (KrObject *)p;
}

static void partial_dealloc(KrObject *self) {
    PartialObject *p = (PartialObject *)self;
    krGC_untrack(self);
    KR_CLEAR(p->fn);
    KR_CLEAR(p->args);
    KR_CLEAR(p->kw);
    KR_CLEAR(p->dict);
    krObj_free(self);
}

static int partial_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    PartialObject *p = (PartialObject *)self;
    KR_VISIT(p->fn);
    KR_VISIT(p->args);
    KR_VISIT(p->kw);
    KR_VISIT(p->dict);
    return 0;
}

static int partial_clear(KrObject *self) {
    PartialObject *p = (PartialObject *)self;
    KR_CLEAR(p->fn);
    KR_CLEAR(p->args);
    KR_CLEAR(p->kw);
    KR_CLEAR(p->dict);
    return 0;
}

// Calls fn(*self.args, *args, **self.keywords, **kwargs).
static KrObject *partial_vectorcall(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                    KrObject *kwnames) {
    PartialObject *p = (PartialObject *)self;
    if (!p->fn) return krErr_format(ts, &KrExc_TypeError, "partial object is not initialized");
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    KrSsize npargs = KR_TUPLE_SIZE(p->args), nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrSsize npkw = krDict_size(p->kw);
    if (npkw == 0) {
        if (npargs == 0) return krObj_vectorcall(ts, p->fn, args, nargsf, kwnames);
        // Only positional arguments are added: one array, no dicts.
        KrSsize total = npargs + nargs + nkw;
        KrObject *stack[8], **buf = stack;
        if (total > 8 && !(buf = krMem_malloc((size_t)total * sizeof(KrObject *)))) return krErr_no_memory(ts);
        memcpy(buf, KR_TUPLE_ITEMS(p->args), (size_t)npargs * sizeof(KrObject *));
        memcpy(buf + npargs, args, (size_t)(nargs + nkw) * sizeof(KrObject *));
        KrObject *r = krObj_vectorcall(ts, p->fn, buf, (size_t)(npargs + nargs), kwnames);
        if (buf != stack) krMem_free(buf);
        return r;
    }
    // Keywords: merge the stored ones with the call's (the call's win).
    KrObject *kw = krDict_copy(ts, p->kw);
    if (!kw) return NULL;
    for (KrSsize i = 0; i < nkw; i++) {
        if (krDict_set(ts, kw, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
            kr_decref(kw);
            return NULL;
        }
    }
    KrObject *pos = krTuple_new(ts, npargs + nargs);
    if (!pos) {
        kr_decref(kw);
        return NULL;
    }
    for (KrSsize i = 0; i < npargs; i++) KR_TUPLE_SET(pos, i, kr_newref(KR_TUPLE_GET(p->args, i)));
    for (KrSsize i = 0; i < nargs; i++) KR_TUPLE_SET(pos, npargs + i, kr_newref(args[i]));
    KrObject *r = krObj_call(ts, p->fn, pos, kw);
    kr_decref(pos);
    kr_decref(kw);
    return r;
}

static KrObject *partial_repr(KrThreadState *ts, KrObject *self) {
    PartialObject *p = (PartialObject *)self;
    int status = krRepr_enter(ts, self);
    if (status != 0) return status > 0 ? krStr_from_cstr(ts, "...") : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    // The stored function, arguments and keywords are held across the reprs,
    // which may run code that changes the partial.
    KrObject *fn = kr_newref(p->fn), *pargs = kr_newref(p->args), *kw = krDict_copy(ts, p->kw);
    bool ok = kw && krSB_append_cstr(ts, &sb, KR_TYPE(self)->tp_name) == 0 && krSB_append_char(ts, &sb, '(') == 0 &&
              krSB_append_obj_repr(ts, &sb, fn) == 0;
    for (KrSsize i = 0; ok && i < KR_TUPLE_SIZE(pargs); i++)
        ok = krSB_append_cstr(ts, &sb, ", ") == 0 && krSB_append_obj_repr(ts, &sb, KR_TUPLE_GET(pargs, i)) == 0;
    KrSsize pos = 0;
    KrObject *k, *v;
    while (ok && krDict_next(kw, &pos, &k, &v)) {
        ok = krSB_append_cstr(ts, &sb, ", ") == 0 && krSB_append_obj_str(ts, &sb, k) == 0 &&
             krSB_append_char(ts, &sb, '=') == 0 && krSB_append_obj_repr(ts, &sb, v) == 0;
    }
    ok = ok && krSB_append_char(ts, &sb, ')') == 0;
    kr_decref(fn);
    kr_decref(pargs);
    kr_xdecref(kw);
    krRepr_leave(ts, self);
    if (!ok) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

static KrObject *partial_reduce(KrThreadState *ts, KrObject *self) {
    PartialObject *p = (PartialObject *)self;
    KrObject *state = krTuple_pack(ts, 4, p->fn, p->args, p->kw, p->dict ? p->dict : KR_NONE);
    if (!state) return NULL;
    KrObject *fnargs = krTuple_pack(ts, 1, p->fn);
    KrObject *r = fnargs ? krTuple_pack(ts, 3, (KrObject *)KR_TYPE(self), fnargs, state) : NULL;
    kr_xdecref(fnargs);
    kr_decref(state);
    return r;
}

static KrObject *partial_setstate(KrThreadState *ts, KrObject *self, KrObject *state) {
    PartialObject *p = (PartialObject *)self;
    if (!krTuple_check(state) || KR_TUPLE_SIZE(state) != 4)
        return krErr_format(ts, &KrExc_TypeError, "argument to __setstate__ must be a tuple");
    KrObject *fn = KR_TUPLE_GET(state, 0), *fnargs = KR_TUPLE_GET(state, 1), *kw = KR_TUPLE_GET(state, 2),
             *dict = KR_TUPLE_GET(state, 3);
    if (!krObj_callable(fn) || !krTuple_check(fnargs) || (kw != KR_NONE && !krDict_check(kw)))
        return krErr_format(ts, &KrExc_TypeError, "invalid partial state");
    KrObject *newargs = krTuple_check_exact(fnargs) ? kr_newref(fnargs)
                                                    : krTuple_from_array(ts, KR_TUPLE_ITEMS(fnargs), KR_TUPLE_SIZE(fnargs));
    if (!newargs) return NULL;
    KrObject *newkw = kw == KR_NONE ? krDict_new(ts) : krDict_copy(ts, kw);
    if (!newkw) {
        kr_decref(newargs);
        return NULL;
    }
    kr_setref(&p->fn, kr_newref(fn));
    kr_setref(&p->args, newargs);
    kr_setref(&p->kw, newkw);
    kr_setref(&p->dict, dict == KR_NONE ? NULL : kr_newref(dict));
    return kr_newref(KR_NONE);
}

static const KrMethodDef partial_methods[] = {
    {"__reduce__", KR_CFUNC(partial_reduce), KR_METH_NOARGS, NULL},
    {"__setstate__", KR_CFUNC(partial_setstate), KR_METH_O, NULL},
    {NULL},
};

static const KrMemberDef partial_members[] = {
    {"func", KR_MEMBER_OBJECT, offsetof(PartialObject, fn), KR_MEMBER_READONLY, "function object to use in future partial calls"},
    {"args", KR_MEMBER_OBJECT, offsetof(PartialObject, args), KR_MEMBER_READONLY, "tuple of arguments to future partial calls"},
    {"keywords", KR_MEMBER_OBJECT, offsetof(PartialObject, kw), KR_MEMBER_READONLY, "dictionary of keyword arguments to future partial calls"},
    {NULL},
};

KrTypeObject KrPartial_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(PartialObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
              "    of the given arguments and keywords.\n",
    .tp_new = partial_new,
    .tp_dealloc = partial_dealloc,
    .tp_traverse = partial_traverse,
    .tp_clear = partial_clear,
    .tp_repr = partial_repr,
    .tp_call = partial_vectorcall,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(PartialObject, dict),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = dict_getset,
};

// ---------------------------------------------------------------------------
// reduce

static KrObject *functools_reduce(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "reduce", nargs, 2, 3) < 0) return NULL;
    KrObject *func = args[0];
    KrObject *it = krObj_get_iter(ts, args[1]);
    if (!it) {
        if (krErr_matches(ts, &KrExc_TypeError)) {
            krErr_clear(ts);
            krErr_set_string(ts, &KrExc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    KrObject *result = nargs == 3 ? kr_newref(args[2]) : NULL, *item;
    while ((item = krIter_next(ts, it))) {
        if (!result) {
            result = item;
            continue;
        }
        KrObject *pair[2] = {result, item};
        KrObject *next = krObj_vectorcall(ts, func, pair, 2, NULL);
        kr_decref(result);
        kr_decref(item);
        result = next;
        if (!result) break;
    }
    kr_decref(it);
    if (krErr_occurred(ts)) {
        kr_xdecref(result);
        return NULL;
    }
    if (!result)
        return krErr_format(ts, &KrExc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

// ---------------------------------------------------------------------------
// cmp_to_key

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *cmp;                 // strong
    KrObject *object;              // strong or NULL
} KeyWrapperObject;

static void keyobject_dealloc(KrObject *self) {
    KeyWrapperObject *k = (KeyWrapperObject *)self;
    krGC_untrack(self);
    KR_CLEAR(k->cmp);
    KR_CLEAR(k->object);
    krObj_free(self);
}

static int keyobject_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KeyWrapperObject *k = (KeyWrapperObject *)self;
    KR_VISIT(k->cmp);
    KR_VISIT(k->object);
    return 0;
}

static int keyobject_clear(KrObject *self) {
    KeyWrapperObject *k = (KeyWrapperObject *)self;
    KR_CLEAR(k->cmp);
    KR_CLEAR(k->object);
    return 0;
}

static KrObject *keyobject_make(KrThreadState *ts, KrObject *cmp, KrObject *object) {
    KeyWrapperObject *k = (KeyWrapperObject *)krObj_alloc(ts, &KrKeyWrapper_Type, 0);
    if (!k) return NULL;
    k->cmp = kr_newref(cmp);
    k->object = kr_xnewref(object);
    krGC_track((KrObject *)k);
    return (KrObject *)k;
}

// K(obj): wraps obj for comparison with the same cmp.
static KrObject *keyobject_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    static const char *const names[] = {"obj"};
    KrObject *a[1];
    if (krArg_parse(ts, "K", args, kr_vectorcall_nargs(nargsf), kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    return keyobject_make(ts, ((KeyWrapperObject *)self)->cmp, a[0]);
}

static KrObject *keyobject_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (KR_TYPE(b) != &KrKeyWrapper_Type)
        return krErr_format(ts, &KrExc_TypeError, "other argument must be K instance");
    KeyWrapperObject *x = (KeyWrapperObject *)a, *y = (KeyWrapperObject *)b;
    if (!x->object || !y->object) return krErr_format(ts, &KrExc_AttributeError, "object");
    KrObject *pair[2] = {x->object, y->object};
    KrObject *res = krObj_vectorcall(ts, x->cmp, pair, 2, NULL);
    if (!res) return NULL;
    KrObject *r = krObj_richcompare(ts, res, kr_smallint(0), op);
    kr_decref(res);
    return r;
}

static const KrMemberDef keyobject_members[] = {
    {"obj", KR_MEMBER_OBJECT_EX, offsetof(KeyWrapperObject, object), 0, "Value wrapped by a key function."},
    {NULL},
};

KrTypeObject KrKeyWrapper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(KeyWrapperObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = keyobject_dealloc,
    .tp_traverse = keyobject_traverse,
    .tp_clear = keyobject_clear,
    .tp_hash = krObj_hash_not_implemented,
    .tp_call = keyobject_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_richcompare = keyobject_richcompare,
    .tp_members = keyobject_members,
};

static KrObject *functools_cmp_to_key(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                      KrObject *kwnames) {
    static const char *const names[] = {"mycmp"};
    KrObject *a[1];
    if (krArg_parse(ts, "cmp_to_key", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    return keyobject_make(ts, a[0], NULL);
}

// ---------------------------------------------------------------------------
// LRU cache

typedef struct LruLink {
    KR_OBJECT_HEAD;
    struct LruLink *prev, *next;   // borrowed: the recency list
    KrObject *key;                 // strong
    KrObject *result;              // strong
} LruLink;

typedef struct {
    KR_OBJECT_HEAD;
    LruLink root;                  // sentinel of the recency list (not an object of its own)
    KrObject *func;                // strong
    KrObject *cache;               // strong dict: key -> LruLink (bounded) or result (unbounded)
    KrObject *cache_info_type;     // strong
    KrObject *dict;                // strong or NULL: __dict__
    KrObject *kwd_mark;            // strong: separates positional and keyword parts of keys
    KrSsize maxsize;               // -1: unbounded
    bool typed;
    KrSsize hits, misses;
} LruCacheObject;

static void lrulink_dealloc(KrObject *self) {
    LruLink *l = (LruLink *)self;
    krGC_untrack(self);
    KR_CLEAR(l->key);
    KR_CLEAR(l->result);
    krObj_free(self);
}

static int lrulink_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    LruLink *l = (LruLink *)self;
    KR_VISIT(l->key);
    KR_VISIT(l->result);
    return 0;
}

KrTypeObject KrLruLink_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(LruLink),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = lrulink_dealloc,
    .tp_traverse = lrulink_traverse,
    .tp_getattro = krObj_generic_getattr,
};

static void link_extract(LruLink *l) {
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void link_append(LruCacheObject *c, LruLink *l) {
    LruLink *last = c->root.prev;
    last->next = l;
    c->root.prev = l;
    l->prev = last;
    l->next = &c->root;
}

// The cache key of a call: args itself when there are no keywords, (one
// exact int or str argument: that argument); else args + (kwd_mark,) + the
// keyword names and values [+ the types when typed].  New reference.
static KrObject *make_key(KrThreadState *ts, LruCacheObject *c, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    if (!c->typed && nkw == 0) {
        if (nargs == 1 && (krInt_check_exact(args[0]) || krStr_check_exact(args[0]))) return kr_newref(args[0]);
        return krTuple_from_array(ts, args, nargs);
    }
    KrSsize size = nargs + (nkw ? 2 * nkw + 1 : 0) + (c->typed ? nargs + nkw : 0);
    KrObject *key = krTuple_new(ts, size);
    if (!key) return NULL;
    KrSsize k = 0;
    for (KrSsize i = 0; i < nargs; i++) KR_TUPLE_SET(key, k++, kr_newref(args[i]));
    if (nkw) {
        KR_TUPLE_SET(key, k++, kr_newref(c->kwd_mark));
        for (KrSsize i = 0; i < nkw; i++) {
            KR_TUPLE_SET(key, k++, kr_newref(KR_TUPLE_GET(kwnames, i)));
            KR_TUPLE_SET(key, k++, kr_newref(args[nargs + i]));
        }
    }
    if (c->typed) {
        for (KrSsize i = 0; i < nargs + nkw; i++) KR_TUPLE_SET(key, k++, kr_newref((KrObject *)KR_TYPE(args[i])));
    }
    return key;
}

static KrObject *lru_call_uncached(KrThreadState *ts, LruCacheObject *c, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    c->misses++;
    return krObj_vectorcall(ts, c->func, args, nargsf, kwnames);
}

static KrObject *lru_call_unbounded(KrThreadState *ts, LruCacheObject *c, KrObject *const *args, KrSsize nargs,
                                    KrObject *kwnames) {
    KrObject *key = make_key(ts, c, args, nargs, kwnames);
    if (!key) return NULL;
    KrObject *result = krDict_get(ts, c->cache, key);
    if (result) {
        c->hits++;
        kr_decref(key);
        return kr_newref(result);
    }
    if (krErr_occurred(ts)) {
        kr_decref(key);
        return NULL;
    }
    c->misses++;
    result = krObj_vectorcall(ts, c->func, args, (size_t)nargs, kwnames);
    if (!result || krDict_set(ts, c->cache, key, result) < 0) KR_CLEAR(result);
    kr_decref(key);
    return result;
}

static KrObject *lru_call_bounded(KrThreadState *ts, LruCacheObject *c, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    KrObject *key = make_key(ts, c, args, nargs, kwnames);
    if (!key) return NULL;
    LruLink *link = (LruLink *)krDict_get(ts, c->cache, key);
    if (link) {
        link_extract(link);
        link_append(c, link);
        c->hits++;
        kr_decref(key);
        return kr_newref(link->result);
    }
    if (krErr_occurred(ts)) goto fail_key;
    c->misses++;
    KrObject *result = krObj_vectorcall(ts, c->func, args, (size_t)nargs, kwnames);
    if (!result) goto fail_key;
    // The call may have cached this key already (recursion, other threads).
    KrObject *again = krDict_get(ts, c->cache, key);
    if (again || krErr_occurred(ts)) {
        kr_decref(key);
        if (!again) KR_CLEAR(result);
        return result;
    }
    if (krDict_size(c->cache) < c->maxsize || c->root.next == &c->root) {
        LruLink *l = (LruLink *)krObj_alloc(ts, &KrLruLink_Type, 0);
        if (!l) goto fail_result;
        l->key = key;
        l->result = kr_newref(result);
        krGC_track((KrObject *)l);
        if (krDict_set(ts, c->cache, key, (KrObject *)l) < 0) {
            kr_decref((KrObject *)l);
            kr_decref(result);
            return NULL;
        }
        link_append(c, l);
        kr_decref((KrObject *)l);   // the dict owns it
        return result;
    }
    // Full: reuse the oldest link for the new entry.
    LruLink *old = c->root.next;
    kr_incref((KrObject *)old);
    link_extract(old);
    KrObject *popped;
    int found = krDict_pop(ts, c->cache, old->key, &popped);
    if (found <= 0) {
        // Already removed meanwhile (the link is an orphan now), or an error.
        kr_decref((KrObject *)old);
        kr_decref(key);
        if (found < 0) KR_CLEAR(result);
        return result;
    }
    kr_decref(popped);
    KrObject *oldkey = old->key, *oldresult = old->result;
    old->key = key;
    old->result = kr_newref(result);
    int r = krDict_set(ts, c->cache, key, (KrObject *)old);
    if (r == 0) link_append(c, old);
    kr_decref((KrObject *)old);
    kr_decref(oldkey);
    kr_decref(oldresult);
    if (r < 0) KR_CLEAR(result);
    return result;
fail_result:
    kr_decref(result);
fail_key:
    kr_decref(key);
    return NULL;
}

static KrObject *lru_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf, KrObject *kwnames) {
    LruCacheObject *c = (LruCacheObject *)self;
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    if (c->maxsize == 0) return lru_call_uncached(ts, c, args, nargsf, kwnames);
    if (c->maxsize < 0) return lru_call_unbounded(ts, c, args, nargs, kwnames);
    return lru_call_bounded(ts, c, args, nargs, kwnames);
}

static KrObject *lru_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"user_function", "maxsize", "typed", "cache_info_type"};
    KrObject *a[4];
    if (krArg_parse(ts, "lru_cache", args, nargs, kwnames, names, 4, 0, 4, 4, a) < 0) return NULL;
    if (!krObj_callable(a[0])) return krErr_format(ts, &KrExc_TypeError, "the first argument must be callable");
    KrSsize maxsize;
    if (a[1] == KR_NONE) {
        maxsize = -1;
    } else if (krInt_check(a[1])) {
        maxsize = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (maxsize == -1 && krErr_occurred(ts)) return NULL;
        if (maxsize < 0) maxsize = 0;
    } else {
        return krErr_format(ts, &KrExc_TypeError, "maxsize should be integer or None");
    }
    int typed = krObj_is_true(ts, a[2]);
    if (typed < 0) return NULL;
    KrObject *cache = krDict_new(ts);
    if (!cache) return NULL;
    KrObject *mark = krObj_call0(ts, (KrObject *)&KrBaseObject_Type);
    if (!mark) {
        kr_decref(cache);
        return NULL;
    }
    LruCacheObject *c = (LruCacheObject *)(type == &KrLruCache_Type ? krObj_alloc(ts, type, 0)
                                                                     : krType_generic_alloc(ts, type, 0));
    if (!c) {
        kr_decref(cache);
        kr_decref(mark);
        return NULL;
    }
    c->root.prev = c->root.next = &c->root;
    c->func = kr_newref(a[0]);
    c->cache = cache;
    c->cache_info_type = kr_newref(a[3]);
    c->kwd_mark = mark;
    c->maxsize = maxsize;
    c->typed = typed;
    if (!krGC_is_tracked((KrObject *)c)) krGC_track((KrObject *)c);
    return (KrObject *)c;
}

static void lru_clear_cache(KrThreadState *ts, LruCacheObject *c) {
    // Unlink everything first: dropping the dict's references may run code.
    c->root.prev = c->root.next = &c->root;
    KrObject *old = c->cache;
    c->cache = NULL;
    KrObject *fresh = krDict_new(ts);
    if (!fresh) {
        // Keep a usable (empty) cache even without memory for a new dict.
        krErr_clear(ts);
        krDict_clear(old);
        c->cache = old;
        return;
    }
    c->cache = fresh;
    kr_decref(old);
}

static void lru_dealloc(KrObject *self) {
    LruCacheObject *c = (LruCacheObject *)self;
    krGC_untrack(self);
    c->root.prev = c->root.next = &c->root;
    KR_CLEAR(c->cache);
    KR_CLEAR(c->func);
    KR_CLEAR(c->cache_info_type);
    KR_CLEAR(c->dict);
    KR_CLEAR(c->kwd_mark);
    krObj_free(self);
}

static int lru_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    LruCacheObject *c = (LruCacheObject *)self;
    KR_VISIT(c->cache);
    KR_VISIT(c->func);
    KR_VISIT(c->cache_info_type);
    KR_VISIT(c->dict);
    KR_VISIT(c->kwd_mark);
    return 0;
}

static int lru_gc_clear(KrObject *self) {
    LruCacheObject *c = (LruCacheObject *)self;
    c->root.prev = c->root.next = &c->root;
    KR_CLEAR(c->cache);
    KR_CLEAR(c->func);
    KR_CLEAR(c->cache_info_type);
    KR_CLEAR(c->dict);
    return 0;
}

static KrObject *lru_descr_get(KrThreadState *ts, KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj || obj == KR_NONE) return kr_newref(self);
    return krMethod_new(ts, self, obj);
}

static KrObject *lru_cache_info(KrThreadState *ts, KrObject *self) {
    LruCacheObject *c = (LruCacheObject *)self;
    KrObject *v[4];
    v[0] = krInt_from_ssize(ts, c->hits);
    v[1] = krInt_from_ssize(ts, c->misses);
    v[2] = c->maxsize < 0 ? kr_newref(KR_NONE) : krInt_from_ssize(ts, c->maxsize);
    v[3] = c->cache ? krInt_from_ssize(ts, krDict_size(c->cache)) : kr_smallint(0);
    KrObject *r = NULL;
    if (v[0] && v[1] && v[2] && v[3]) r = krObj_vectorcall(ts, c->cache_info_type, v, 4, NULL);
    for (int i = 0; i < 4; i++) kr_xdecref(v[i]);
    return r;
}

static KrObject *lru_cache_clear(KrThreadState *ts, KrObject *self) {
    LruCacheObject *c = (LruCacheObject *)self;
    c->hits = c->misses = 0;
    lru_clear_cache(ts, c);
    return kr_newref(KR_NONE);
}

// Pickled by reference: the qualified name.
static KrObject *lru_reduce(KrThreadState *ts, KrObject *self) {
    return krObj_getattr_cstr(ts, self, "__qualname__");
}

static KrObject *lru_copy(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static KrObject *lru_deepcopy(KrThreadState *ts, KrObject *self, KrObject *memo) { return kr_newref(self); }

static const KrMethodDef lru_methods[] = {
    {"cache_info", KR_CFUNC(lru_cache_info), KR_METH_NOARGS, "Report cache statistics"},
    {"cache_clear", KR_CFUNC(lru_cache_clear), KR_METH_NOARGS, "Clear the cache and cache statistics"},
    {"__reduce__", KR_CFUNC(lru_reduce), KR_METH_NOARGS, NULL},
    {"__copy__", KR_CFUNC(lru_copy), KR_METH_NOARGS, NULL},
    {"__deepcopy__", KR_CFUNC(lru_deepcopy), KR_METH_O, NULL},
    {NULL},
};

KrTypeObject KrLruCache_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(LruCacheObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a cached callable that wraps another function.\n\n"
              "user_function:      the function being cached\n\n"
              "maxsize:  0         for no caching\n"
              "          None      for unlimited cache size\n"
              "          n         for a bounded cache\n\n"
              "typed:    False     cache f(3) and f(3.0) as identical calls\n"
              "          True      cache f(3) and f(3.0) as distinct calls\n\n"
              "cache_info_type:    namedtuple class with the fields:\n"
              "                        hits misses currsize maxsize\n",
    .tp_new = lru_new,
    .tp_dealloc = lru_dealloc,
    .tp_traverse = lru_traverse,
    .tp_clear = lru_gc_clear,
    .tp_call = lru_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_descr_get = lru_descr_get,
    .tp_dictoffset = offsetof(LruCacheObject, dict),
    .tp_methods = lru_methods,
    .tp_getset = dict_getset,
};

// ---------------------------------------------------------------------------
// Module

static const KrMethodDef functools_methods[] = {
    {"reduce", KR_CFUNC(functools_reduce), KR_METH_FAST,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence\n"
     "or iterable, from left to right, so as to reduce the iterable to a single\n"
     "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n"
     "((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\n"
     "of the iterable in the calculation, and serves as a default when the\n"
     "iterable is empty."},
    {"cmp_to_key", KR_CFUNC(functools_cmp_to_key), KR_METH_FASTKW, "Convert a cmp= function into a key= function."},
    {NULL},
};

static int functools_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrPartial_Type) < 0 || krModule_add_type(ts, m, &KrLruCache_Type) < 0 ||
        krModule_add_type(ts, m, &KrKeyWrapper_Type) < 0)
        return -1;
    return 0;
}

const KrModuleDef kr__functools_module_def = {
    .name = "_functools",
    .doc = "Tools that operate on functions.",
    .methods = functools_methods,
    .exec = functools_exec,
};
