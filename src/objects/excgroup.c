/*
 * excgroup.c — BaseExceptionGroup and ExceptionGroup (PEP 654): creation
 * rules, derive/subgroup/split, and the two operations `except*` needs:
 * splitting a raised exception by a handler's type, and combining what the
 * handlers raised into the exception to re-raise.
 *
 * Splitting keeps the tree shape: each nested group is split recursively and
 * empty parts disappear; new groups are made with derive() and get the
 * original's __traceback__, __cause__, __context__ and __notes__.
 */
#include "objects/genericalias.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

#define EG(o) ((KrExceptionGroupObject *)(o))

static bool is_group(KrObject *o) { return kr_type_check(o, &KrExc_BaseExceptionGroup); }

static KrObject *eg_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames))
        return krErr_format(ts, &KrExc_TypeError, "%s() takes no keyword arguments", krType_name(type));
    if (nargs != 2)
        return krErr_format(ts, &KrExc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                            nargs);
    KrObject *msg = args[0], *seq = args[1];
    if (!krStr_check(msg)) return krErr_format(ts, &KrExc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %T", msg);
    if (!krList_check(seq) && !krTuple_check(seq) && !KR_TYPE(seq)->mp_subscript)
        return krErr_format(ts, &KrExc_TypeError, "second argument (exceptions) must be a sequence");
    KrObject *excs = krSeq_tuple(ts, seq);
    if (!excs) return NULL;
    KrSsize n = KR_TUPLE_SIZE(excs);
    if (n == 0) {
        kr_decref(excs);
        return krErr_format(ts, &KrExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    bool nested_base = false;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *e = KR_TUPLE_GET(excs, i);
        if (!krExc_check(e)) {
            kr_decref(excs);
            return krErr_format(ts, &KrExc_ValueError, "Item %zd of second argument (exceptions) is not an exception",
                                i);
        }
        if (!kr_type_check(e, &KrExc_Exception)) nested_base = true;
    }
    if (type == &KrExc_BaseExceptionGroup) {
        if (!nested_base) type = &KrExc_ExceptionGroup;
    } else if (type == &KrExc_ExceptionGroup) {
        if (nested_base) {
            kr_decref(excs);
            return krErr_format(ts, &KrExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && krType_is_subtype(type, &KrExc_Exception)) {
        kr_decref(excs);
        return krErr_format(ts, &KrExc_TypeError, "Cannot nest BaseExceptions in '%s'", krType_name(type));
    }
    KrObject *self = krObj_alloc(ts, type, 0);
    if (!self) {
        kr_decref(excs);
        return NULL;
    }
    EG(self)->base.args = krTuple_pack(ts, 2, msg, seq);
    EG(self)->msg = kr_newref(msg);
    EG(self)->excs = excs;
    if (!EG(self)->base.args) {
        kr_decref(self);
        return NULL;
    }
    krGC_track(self);
    return self;
}

static int eg_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    return 0;  // everything is done in __new__; subclasses may take other arguments
}

static int eg_clear(KrObject *self) {
    KR_CLEAR(EG(self)->msg);
    KR_CLEAR(EG(self)->excs);
    KrBaseExceptionObject *e = &EG(self)->base;
    KR_CLEAR(e->dict);
    KR_CLEAR(e->args);
    KR_CLEAR(e->notes);
    KR_CLEAR(e->traceback);
    KR_CLEAR(e->context);
    KR_CLEAR(e->cause);
    return 0;
}

static void eg_dealloc(KrObject *self) {
    krGC_untrack(self);
    eg_clear(self);
    krObj_free(self);
}

static int eg_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrBaseExceptionObject *e = &EG(self)->base;
    KR_VISIT(EG(self)->msg);
    KR_VISIT(EG(self)->excs);
    KR_VISIT(e->dict);
    KR_VISIT(e->args);
    KR_VISIT(e->notes);
    KR_VISIT(e->traceback);
    KR_VISIT(e->context);
    KR_VISIT(e->cause);
    return 0;
}

static KrObject *eg_str(KrThreadState *ts, KrObject *self) {
    KrSsize n = EG(self)->excs ? KR_TUPLE_SIZE(EG(self)->excs) : 0;
    return krStr_from_format(ts, "%S (%zd sub-exception%s)", EG(self)->msg ? EG(self)->msg : KR_NONE, n,
                             n == 1 ? "" : "s");
}

static KrObject *eg_derive(KrThreadState *ts, KrObject *self, KrObject *excs) {
    KrObject *args[2] = {EG(self)->msg, excs};
    return eg_new(ts, &KrExc_BaseExceptionGroup, args, 2, NULL);
}

// Calls self.derive(excs) and copies the metadata of `self` onto the result.
static KrObject *derive_and_copy(KrThreadState *ts, KrObject *self, KrObject *excs) {
    KrObject *r = krObj_call_method(ts, self, krStr_intern_cstr(ts, "derive"), excs, NULL);
    if (!r) return NULL;
    if (!is_group(r)) {
        kr_decref(r);
        return krErr_format(ts, &KrExc_TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    KrBaseExceptionObject *src = (KrBaseExceptionObject *)self;
    krExc_set_traceback(r, kr_xnewref(src->traceback));
    krExc_set_cause(r, kr_xnewref(src->cause));
    krExc_set_context(r, kr_xnewref(src->context));
    KrObject *notes;
    KrObject *key = krStr_intern_cstr(ts, "__notes__");
    int found = krObj_lookup_attr(ts, self, key, &notes);
    if (found < 0 || (found && krObj_setattr(ts, r, key, notes) < 0)) {
        kr_xdecref(notes);
        kr_decref(r);
        return NULL;
    }
    kr_xdecref(notes);
    return r;
}

// The matcher: a type, a tuple of types, a predicate, or (internally) a set
// of leaf exceptions to keep.
typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_INSTANCES } MatchKind;

static int check_matcher(KrThreadState *ts, KrObject *value, MatchKind *kind) {
    if (kr_type_check(value, &KrType_Type) && krType_is_subtype((KrTypeObject *)value, &KrExc_BaseException)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (krTuple_check(value)) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(value); i++) {
            KrObject *t = KR_TUPLE_GET(value, i);
            if (!kr_type_check(t, &KrType_Type) || !krType_is_subtype((KrTypeObject *)t, &KrExc_BaseException))
                goto bad;
        }
        *kind = MATCH_TYPE;
        return 0;
    }
    if (krObj_callable(value)) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
bad:
    krErr_set_string(ts, &KrExc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static int matches(KrThreadState *ts, KrObject *exc, MatchKind kind, KrObject *value) {
    switch (kind) {
    case MATCH_TYPE: return krErr_given_matches(exc, value);
    case MATCH_PREDICATE: {
        KrObject *r = krObj_call1(ts, value, exc);
        if (!r) return -1;
        int t = krObj_is_true(ts, r);
        kr_decref(r);
        return t;
    }
    case MATCH_INSTANCES: return krSet_contains(ts, value, exc);
    }
    return 0;
}

// Splits `exc` into the part that matches and the rest (each NULL when empty).
static int split_rec(KrThreadState *ts, KrObject *exc, MatchKind kind, KrObject *value, bool want_rest,
                     KrObject **match, KrObject **rest) {
    *match = *rest = NULL;
    int m = matches(ts, exc, kind, value);
    if (m < 0) return -1;
    if (m) {
        *match = kr_newref(exc);
        return 0;
    }
    if (!is_group(exc)) {
        if (want_rest) *rest = kr_newref(exc);
        return 0;
    }
    KrObject *mlist = krList_new(ts, 0), *rlist = want_rest ? krList_new(ts, 0) : NULL;
    if (!mlist || (want_rest && !rlist)) goto fail;
    KrObject *excs = EG(exc)->excs;
    if (krErr_enter_recursive_call(ts, " in split_exception_group") < 0) goto fail;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(excs); i++) {
        KrObject *sm, *sr;
        int r = split_rec(ts, KR_TUPLE_GET(excs, i), kind, value, want_rest, &sm, &sr);
        if (r == 0 && sm) r = krList_append(ts, mlist, sm);
        if (r == 0 && sr) r = krList_append(ts, rlist, sr);
        kr_xdecref(sm);
        kr_xdecref(sr);
        if (r < 0) {
            krErr_leave_recursive_call(ts);
            goto fail;
        }
    }
    krErr_leave_recursive_call(ts);
    if (KR_LIST_SIZE(mlist) && !(*match = derive_and_copy(ts, exc, mlist))) goto fail;
    if (rlist && KR_LIST_SIZE(rlist) && !(*rest = derive_and_copy(ts, exc, rlist))) {
        KR_CLEAR(*match);
        goto fail;
    }
    kr_decref(mlist);
    kr_xdecref(rlist);
    return 0;
fail:
    kr_xdecref(mlist);
    kr_xdecref(rlist);
    return -1;
}

static KrObject *eg_split(KrThreadState *ts, KrObject *self, KrObject *cond) {
    MatchKind kind;
    if (check_matcher(ts, cond, &kind) < 0) return NULL;
    KrObject *m, *r;
    if (split_rec(ts, self, kind, cond, true, &m, &r) < 0) return NULL;
    KrObject *t = krTuple_pack(ts, 2, m ? m : KR_NONE, r ? r : KR_NONE);
    kr_xdecref(m);
    kr_xdecref(r);
    return t;
}

static KrObject *eg_subgroup(KrThreadState *ts, KrObject *self, KrObject *cond) {
    MatchKind kind;
    if (check_matcher(ts, cond, &kind) < 0) return NULL;
    KrObject *m, *r;
    if (split_rec(ts, self, kind, cond, false, &m, &r) < 0) return NULL;
    return m ? m : kr_newref(KR_NONE);
}

static const KrMemberDef eg_members[] = {
    {"message", KR_MEMBER_OBJECT, offsetof(KrExceptionGroupObject, msg), KR_MEMBER_READONLY, "exception message"},
    {"exceptions", KR_MEMBER_OBJECT, offsetof(KrExceptionGroupObject, excs), KR_MEMBER_READONLY,
     "nested exceptions"},
    {NULL},
};

static const KrMethodDef eg_methods[] = {
    {"derive", KR_CFUNC(eg_derive), KR_METH_O, NULL},
    {"split", KR_CFUNC(eg_split), KR_METH_O, NULL},
    {"subgroup", KR_CFUNC(eg_subgroup), KR_METH_O, NULL},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL},
};

KrTypeObject KrExc_BaseExceptionGroup = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "BaseExceptionGroup",
    .tp_basicsize = sizeof(KrExceptionGroupObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "A combination of multiple unrelated exceptions.",
    .tp_base = &KrExc_BaseException,
    .tp_new = eg_new,
    .tp_init = eg_init,
    .tp_dealloc = eg_dealloc,
    .tp_traverse = eg_traverse,
    .tp_clear = eg_clear,
    .tp_str = eg_str,
    .tp_members = eg_members,
    .tp_methods = eg_methods,
};

// ExceptionGroup(BaseExceptionGroup, Exception): its layout is the group's.
KrTypeObject KrExc_ExceptionGroup = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(KrExceptionGroupObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &KrExc_BaseExceptionGroup,
};

int krExcGroup_init_types(KrThreadState *ts) {
    // ExceptionGroup has two bases; give it the full MRO by hand:
    // ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object.
    KrTypeObject *t = &KrExc_ExceptionGroup;
    if (krType_ready(ts, t) < 0) return -1;
    KrObject *bases = krTuple_pack(ts, 2, (KrObject *)&KrExc_BaseExceptionGroup, (KrObject *)&KrExc_Exception);
    KrObject *mro = krTuple_pack(ts, 5, (KrObject *)t, (KrObject *)&KrExc_BaseExceptionGroup,
                                 (KrObject *)&KrExc_Exception, (KrObject *)&KrExc_BaseException,
                                 (KrObject *)&KrBaseObject_Type);
    if (!bases || !mro) {
        kr_xdecref(bases);
        kr_xdecref(mro);
        return -1;
    }
    kr_setref(&t->tp_bases, bases);
    kr_setref(&t->tp_mro, mro);
    krType_modified(t);
    return krType_add_subclass(&KrExc_Exception, t) < 0 ? (krErr_no_memory(ts), -1) : 0;
}

// ---------------------------------------------------------------------------
// except* support

int krExcGroup_match_star(KrThreadState *ts, KrObject *exc, KrObject *match_type, KrObject **match, KrObject **rest) {
    *match = *rest = NULL;
    if (!is_group(exc)) {
        if (!krErr_given_matches(exc, match_type)) {
            *rest = kr_newref(exc);
            return 0;
        }
        // A naked exception caught by except* is wrapped in a group.
        KrObject *list = krList_new(ts, 1);
        if (!list) return -1;
        KR_LIST_SET(list, 0, kr_newref(exc));
        KrObject *args[2] = {krStr_empty(), list};
        KrObject *eg = krObj_vectorcall(ts, (KrObject *)&KrExc_BaseExceptionGroup, args, 2, NULL);
        kr_decref(list);
        if (!eg) return -1;
        krExc_set_traceback(eg, kr_xnewref(krExc_traceback(exc)));
        *match = eg;
        return 0;
    }
    return split_rec(ts, exc, MATCH_TYPE, match_type, true, match, rest);
}

// Adds every leaf exception of `e` to the set.
static int collect_leaves(KrThreadState *ts, KrObject *e, KrObject *set) {
    if (!is_group(e)) return krSet_add(ts, set, e);
    KrObject *excs = EG(e)->excs;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(excs); i++)
        if (collect_leaves(ts, KR_TUPLE_GET(excs, i), set) < 0) return -1;
    return 0;
}

static bool same_metadata(KrObject *a, KrObject *b) {
    KrBaseExceptionObject *x = (KrBaseExceptionObject *)a, *y = (KrBaseExceptionObject *)b;
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

KrObject *krExcGroup_prep_reraise_star(KrThreadState *ts, KrObject *orig, KrObject *excs) {
    KrSsize n = KR_LIST_SIZE(excs);
    if (!is_group(orig)) {
        // Only one handler can have run: re-raise what it raised, if anything.
        for (KrSsize i = 0; i < n; i++)
            if (KR_LIST_GET(excs, i) != KR_NONE) return kr_newref(KR_LIST_GET(excs, i));
        return kr_newref(KR_NONE);
    }
    KrObject *raised = krList_new(ts, 0), *keep = krSet_new(ts, NULL), *result = NULL;
    if (!raised || !keep) goto done;
    bool any_reraised = false;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *e = KR_LIST_GET(excs, i);
        if (e == KR_NONE) continue;
        if (is_group(e) && same_metadata(e, orig)) {
            if (collect_leaves(ts, e, keep) < 0) goto done;
            any_reraised = true;
        } else if (krList_append(ts, raised, e) < 0) {
            goto done;
        }
    }
    if (any_reraised) {
        KrObject *m, *r;
        if (split_rec(ts, orig, MATCH_INSTANCES, keep, false, &m, &r) < 0) goto done;
        if (m) {
            int a = krList_append(ts, raised, m);
            kr_decref(m);
            if (a < 0) goto done;
        }
    }
    if (KR_LIST_SIZE(raised) == 0) {
        result = kr_newref(KR_NONE);
    } else if (KR_LIST_SIZE(raised) == 1) {
        result = kr_newref(KR_LIST_GET(raised, 0));
    } else {
        KrObject *args[2] = {krStr_empty(), raised};
        result = krObj_vectorcall(ts, (KrObject *)&KrExc_BaseExceptionGroup, args, 2, NULL);
    }
done:
    kr_xdecref(raised);
    kr_xdecref(keep);
    return result;
}
