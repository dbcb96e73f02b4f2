/*
 * dictviews.c — dict.keys()/values()/items() views, the dict iterators
 * (forward and reversed, over keys, values or items).
 *
 * A view holds a strong reference to its dict.  keys and items views are
 * set-like: comparisons with sets and other set-like views, `& | - ^`,
 * isdisjoint; their results are sets, built in the order CPython builds them.
 *
 * An iterator remembers the dict's size when it started: a different size at
 * any step raises "dictionary changed size during iteration" (and stays
 * exhausted); finding more entries than the starting size raises "dictionary
 * keys changed during iteration".
 *
 * Related: dict.c, dict_internal.h, set.c.
 */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/dict_internal.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "runtime/error.h"

static KrObject *iter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

// ---------------------------------------------------------------------------
// Iterators

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong; NULL once exhausted
    KrSsize used;                  // the dict's size when iteration started (-1: failed)
    KrSsize pos;                   // next entry index (reversed: current index, going down)
    KrSsize len;                   // items not yet produced
} DictIterObject;

static bool is_reversed_iter(KrTypeObject *t) {
    return t == &KrDictRevKeyIter_Type || t == &KrDictRevValueIter_Type || t == &KrDictRevItemIter_Type;
}

KrObject *krDictIter_new(KrThreadState *ts, KrObject *dict, KrTypeObject *type) {
    DictIterObject *di = (DictIterObject *)krObj_alloc(ts, type, 0);
    if (!di) return NULL;
    di->dict = kr_newref(dict);
    di->used = krDict_size(dict);
    di->len = di->used;
    di->pos = is_reversed_iter(type) ? kr_dict_keys(dict)->nentries - 1 : 0;
    krGC_track((KrObject *)di);
    return (KrObject *)di;
}

static void dictiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((DictIterObject *)self)->dict);
    krObj_free(self);
}

static int dictiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((DictIterObject *)self)->dict);
    return 0;
}

// Finds the next entry; NULL (with or without an exception) when done.
static KrDictEntry *dictiter_step(KrThreadState *ts, DictIterObject *di) {
    KrObject *d = di->dict;
    if (!d) return NULL;
    if (di->used != krDict_size(d)) {
        krErr_set_string(ts, &KrExc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;  // stay failed
        return NULL;
    }
    KrDictKeys *dk = kr_dict_keys(d);
    KrDictEntry *ep0 = kr_dk_entries(dk);
    KrSsize i = di->pos, n = dk->nentries;
    if (is_reversed_iter(KR_TYPE((KrObject *)di))) {
        if (i >= n) i = n - 1;
        while (i >= 0 && ep0[i].value == NULL) i--;
        if (i < 0) goto fail;
        di->pos = i - 1;
    } else {
        while (i < n && ep0[i].value == NULL) i++;
        if (i >= n) goto fail;
        di->pos = i + 1;
    }
    if (di->len == 0) {
        krErr_set_string(ts, &KrExc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->len--;
    return &ep0[i];
fail:
    di->dict = NULL;
    kr_decref(d);
    return NULL;
}

static KrObject *dictiter_next_key(KrThreadState *ts, KrObject *self) {
    KrDictEntry *ep = dictiter_step(ts, (DictIterObject *)self);
    return ep ? kr_newref(ep->key) : NULL;
}

static KrObject *dictiter_next_value(KrThreadState *ts, KrObject *self) {
    KrDictEntry *ep = dictiter_step(ts, (DictIterObject *)self);
    return ep ? kr_newref(ep->value) : NULL;
}

static KrObject *dictiter_next_item(KrThreadState *ts, KrObject *self) {
    KrDictEntry *ep = dictiter_step(ts, (DictIterObject *)self);
    if (!ep) return NULL;
    // Take references before allocating: the allocation may run code.
    KrObject *key = kr_newref(ep->key), *value = kr_newref(ep->value);
    KrObject *t = krTuple_new(ts, 2);
    if (!t) {
        kr_decref(key);
        kr_decref(value);
        return NULL;
    }
    KR_TUPLE_SET(t, 0, key);
    KR_TUPLE_SET(t, 1, value);
    return t;
}

static KrObject *dictiter_length_hint(KrThreadState *ts, KrObject *self) {
    DictIterObject *di = (DictIterObject *)self;
    KrSsize n = (di->dict && di->used == krDict_size(di->dict)) ? di->len : 0;
    return krInt_from_ssize(ts, n);
}

static const KrMethodDef dictiter_methods[] = {
    {"__length_hint__", KR_CFUNC(dictiter_length_hint), KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, nextfn)                                   \
    KrTypeObject cname = {                                                      \
        KR_STATIC_HEAD(&KrType_Type),                                           \
        .tp_name = pyname,                                                      \
        .tp_basicsize = sizeof(DictIterObject),                                 \
        .tp_flags = KR_TPFLAGS_HAVE_GC,                                         \
        .tp_dealloc = dictiter_dealloc,                                         \
        .tp_traverse = dictiter_traverse,                                       \
        .tp_getattro = krObj_generic_getattr,                                   \
        .tp_iter = iter_self,                                                   \
        .tp_iternext = nextfn,                                                  \
        .tp_methods = dictiter_methods,                                         \
    }

DICT_ITER_TYPE(KrDictKeyIter_Type, "dict_keyiterator", dictiter_next_key);
DICT_ITER_TYPE(KrDictValueIter_Type, "dict_valueiterator", dictiter_next_value);
DICT_ITER_TYPE(KrDictItemIter_Type, "dict_itemiterator", dictiter_next_item);
DICT_ITER_TYPE(KrDictRevKeyIter_Type, "dict_reversekeyiterator", dictiter_next_key);
DICT_ITER_TYPE(KrDictRevValueIter_Type, "dict_reversevalueiterator", dictiter_next_value);
DICT_ITER_TYPE(KrDictRevItemIter_Type, "dict_reverseitemiterator", dictiter_next_item);

// ---------------------------------------------------------------------------
// Views: common parts

KrObject *krDictView_new(KrThreadState *ts, KrObject *dict, KrTypeObject *type) {
    KrDictViewObject *dv = (KrDictViewObject *)krObj_alloc(ts, type, 0);
    if (!dv) return NULL;
    dv->dict = kr_newref(dict);
    krGC_track((KrObject *)dv);
    return (KrObject *)dv;
}

static void dictview_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((KrDictViewObject *)self)->dict);
    krObj_free(self);
}

static int dictview_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrDictViewObject *)self)->dict);
    return 0;
}

static KrSsize dictview_len(KrThreadState *ts, KrObject *self) {
    return krDict_size(((KrDictViewObject *)self)->dict);
}

static KrObject *dictview_repr(KrThreadState *ts, KrObject *self) {
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_cstr(ts, "...") : NULL;
    KrObject *result = NULL, *seq = krSeq_list(ts, self);
    if (seq) {
        result = krStr_from_format(ts, "%s(%R)", KR_TYPE(self)->tp_name, seq);
        kr_decref(seq);
    }
    krRepr_leave(ts, self);
    return result;
}

static KrObject *dictview_mapping(KrThreadState *ts, KrObject *self, void *closure) {
    return krMappingProxy_new(ts, ((KrDictViewObject *)self)->dict);
}

static const KrGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrObject *view_dict(KrObject *self) { return ((KrDictViewObject *)self)->dict; }

static KrObject *dictkeys_iter(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictKeyIter_Type);
}
static KrObject *dictvalues_iter(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictValueIter_Type);
}
static KrObject *dictitems_iter(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictItemIter_Type);
}
static KrObject *dictkeys_reversed(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictRevKeyIter_Type);
}
static KrObject *dictvalues_reversed(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictRevValueIter_Type);
}
static KrObject *dictitems_reversed(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, view_dict(self), &KrDictRevItemIter_Type);
}

static int dictkeys_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    return krDict_contains(ts, view_dict(self), key);
}

static int dictitems_contains(KrThreadState *ts, KrObject *self, KrObject *obj) {
    if (!krTuple_check(obj) || KR_TUPLE_SIZE(obj) != 2) return 0;
    KrObject *key = KR_TUPLE_GET(obj, 0), *value = KR_TUPLE_GET(obj, 1);
    KrObject *found = krDict_get(ts, view_dict(self), key);
    if (!found) return krErr_occurred(ts) ? -1 : 0;
    kr_incref(found);
    int r = krObj_eq(ts, found, value);
    kr_decref(found);
    return r;
}

static bool is_set_like_view(KrObject *o) {
    return !kr_is_smallint(o) && (KR_TYPE(o) == &KrDictKeys_Type || KR_TYPE(o) == &KrDictItems_Type);
}

// 1 if every item of `self` is in `other`, 0 if not, -1 on error.
static int all_contained_in(KrThreadState *ts, KrObject *self, KrObject *other) {
    KrObject *it = krObj_get_iter(ts, self), *item;
    if (!it) return -1;
    int ok = 1;
    while ((item = krIter_next(ts, it)) != NULL) {
        ok = krObj_contains(ts, other, item);
        kr_decref(item);
        if (ok <= 0) break;
    }
    kr_decref(it);
    if (ok > 0 && krErr_occurred(ts)) ok = -1;
    return ok;
}

static KrObject *dictview_richcompare(KrThreadState *ts, KrObject *self, KrObject *other, int op) {
    if (!krAnySet_check(other) && !is_set_like_view(other)) return KR_NOTIMPLEMENTED;
    KrSsize len_self = krObj_length(ts, self);
    if (len_self < 0) return NULL;
    KrSsize len_other = krObj_length(ts, other);
    if (len_other < 0) return NULL;
    int ok = 0;
    switch (op) {
    case KR_NE:
    case KR_EQ:
        if (len_self == len_other) ok = all_contained_in(ts, self, other);
        if (op == KR_NE && ok >= 0) ok = !ok;
        break;
    case KR_LT:
        if (len_self < len_other) ok = all_contained_in(ts, self, other);
        break;
    case KR_LE:
        if (len_self <= len_other) ok = all_contained_in(ts, self, other);
        break;
    case KR_GT:
        if (len_self > len_other) ok = all_contained_in(ts, other, self);
        break;
    default:
        if (len_self >= len_other) ok = all_contained_in(ts, other, self);
        break;
    }
    if (ok < 0) return NULL;
    return kr_bool(ok);
}

// set(self), using the dict directly for a keys view of an exact dict.
static KrObject *dictview_to_set(KrThreadState *ts, KrObject *self) {
    KrObject *left = self;
    if (!kr_is_smallint(self) && KR_TYPE(self) == &KrDictKeys_Type && krDict_check_exact(view_dict(self)))
        left = view_dict(self);
    return krSet_new(ts, left);
}

static KrObject *dictviews_and(KrThreadState *ts, KrObject *self, KrObject *other) {
    // The operands arrive in either order.
    if (!is_set_like_view(self)) {
        KrObject *tmp = other;
        other = self;
        self = tmp;
    }
    KrSsize len_self = dictview_len(ts, self);
    if (!kr_is_smallint(other) && KR_TYPE(other) == &KrSet_Type) {
        KrSsize len_other = krSet_size(other);
        if (len_self <= len_other) return krSet_intersection(ts, other, self);
    }
    if (is_set_like_view(other) && dictview_len(ts, other) > len_self) {
        KrObject *tmp = other;
        other = self;
        self = tmp;
    }
    KrObject *result = krSet_new(ts, NULL);
    if (!result) return NULL;
    KrObject *it = krObj_get_iter(ts, other), *key;
    if (!it) {
        kr_decref(result);
        return NULL;
    }
    int (*contains)(KrThreadState *, KrObject *, KrObject *) =
        KR_TYPE(self) == &KrDictKeys_Type ? dictkeys_contains : dictitems_contains;
    while ((key = krIter_next(ts, it)) != NULL) {
        int rv = contains(ts, self, key);
        if (rv > 0) rv = krSet_add(ts, result, key);
        kr_decref(key);
        if (rv < 0) goto error;
    }
    if (krErr_occurred(ts)) goto error;
    kr_decref(it);
    return result;
error:
    kr_decref(it);
    kr_decref(result);
    return NULL;
}

static KrObject *dictviews_or(KrThreadState *ts, KrObject *self, KrObject *other) {
    KrObject *result = krSet_new(ts, self);
    if (result && krSet_update(ts, result, other) < 0) KR_CLEAR(result);
    return result;
}

static KrObject *dictviews_sub(KrThreadState *ts, KrObject *self, KrObject *other) {
    KrObject *result = dictview_to_set(ts, self);
    if (result && krSet_difference_update(ts, result, other) < 0) KR_CLEAR(result);
    return result;
}

// items ^ items, as CPython computes it (the result order depends on it).
static KrObject *dictitems_xor(KrThreadState *ts, KrObject *self, KrObject *other) {
    KrObject *d2 = view_dict(other), *key, *val2;
    KrObject *temp = krDict_copy(ts, view_dict(self));
    if (!temp) return NULL;
    KrObject *result = krSet_new(ts, NULL);
    if (!result) goto error;
    KrSsize pos = 0;
    KrHash hash;
    while (krDict_next_hash(d2, &pos, &key, &val2, &hash)) {
        kr_incref(key);
        kr_incref(val2);
        KrObject *val1;
        KrSsize ix = krDict_lookup(ts, temp, key, hash, &val1);
        int to_delete = 0, err = 0;
        if (ix == DKIX_ERROR) {
            err = -1;
        } else if (val1) {
            kr_incref(val1);
            to_delete = krObj_eq(ts, val1, val2);
            kr_decref(val1);
            if (to_delete < 0) err = -1;
        }
        if (!err) {
            if (to_delete) {
                err = krDict_del_hash(ts, temp, key, hash);
            } else {
                KrObject *pair = krTuple_pack(ts, 2, key, val2);
                err = pair ? krSet_add(ts, result, pair) : -1;
                kr_xdecref(pair);
            }
        }
        kr_decref(key);
        kr_decref(val2);
        if (err < 0) goto error;
    }
    KrObject *rest = krDictView_new(ts, temp, &KrDictItems_Type);
    if (!rest) goto error;
    int r = krSet_update(ts, result, rest);
    kr_decref(rest);
    if (r < 0) goto error;
    kr_decref(temp);
    return result;
error:
    kr_decref(temp);
    kr_xdecref(result);
    return NULL;
}

static KrObject *dictviews_xor(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!kr_is_smallint(self) && !kr_is_smallint(other) && KR_TYPE(self) == &KrDictItems_Type &&
        KR_TYPE(other) == &KrDictItems_Type)
        return dictitems_xor(ts, self, other);
    KrObject *result = dictview_to_set(ts, self);
    if (result && krSet_symmetric_difference_update(ts, result, other) < 0) KR_CLEAR(result);
    return result;
}

static KrObject *dictviews_isdisjoint(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (self == other) return kr_bool(dictview_len(ts, self) == 0);
    // Iterate over the shorter one when the other is a set-like container.
    if (krAnySet_check(other) || is_set_like_view(other)) {
        KrSsize len_self = dictview_len(ts, self), len_other = krObj_length(ts, other);
        if (len_other < 0) return NULL;
        if (len_other > len_self) {
            KrObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    KrObject *it = krObj_get_iter(ts, other), *item;
    if (!it) return NULL;
    while ((item = krIter_next(ts, it)) != NULL) {
        int contains = krObj_contains(ts, self, item);
        kr_decref(item);
        if (contains != 0) {
            kr_decref(it);
            return contains < 0 ? NULL : KR_FALSE;
        }
    }
    kr_decref(it);
    if (krErr_occurred(ts)) return NULL;
    return KR_TRUE;
}

static const KrMethodDef dictkeys_methods[] = {
    {"isdisjoint", KR_CFUNC(dictviews_isdisjoint), KR_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", KR_CFUNC(dictkeys_reversed), KR_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static const KrMethodDef dictitems_methods[] = {
    {"isdisjoint", KR_CFUNC(dictviews_isdisjoint), KR_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", KR_CFUNC(dictitems_reversed), KR_METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static const KrMethodDef dictvalues_methods[] = {
    {"__reversed__", KR_CFUNC(dictvalues_reversed), KR_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrDictKeys_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(KrDictViewObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
    .mp_length = dictview_len,
    .sq_contains = dictkeys_contains,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
};

KrTypeObject KrDictItems_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(KrDictViewObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
    .mp_length = dictview_len,
    .sq_contains = dictitems_contains,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
};

KrTypeObject KrDictValues_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(KrDictViewObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = dictview_dealloc,
    .tp_traverse = dictview_traverse,
    .tp_repr = dictview_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = dictvalues_iter,
    .mp_length = dictview_len,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
};
