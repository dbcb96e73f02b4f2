/*
 * shape.c — instance attributes of classes defined in Python.
 *
 * Shape mode: KrInstAttrs.values holds the attribute values in the order of
 * shape->keys; instances that received the same attributes in the same order
 * share the shape (found by following transitions from the class's root
 * shape).  There are never holes: deleting an attribute switches the instance
 * to dict mode.
 *
 * Dict mode: KrInstAttrs.dict is the instance's __dict__ and the only storage.
 * An instance enters it when its __dict__ is requested, an attribute is
 * deleted, or it grows past KR_SHAPE_MAX_KEYS attributes; it never leaves.
 *
 * An instance whose pre-header is all zero (shape, values and dict NULL) has
 * no attributes: that is how every instance starts.
 *
 * Capacity of a values array is a function of its length (at least 4, the
 * next power of two), so it need not be stored.
 */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/type.h"

#define KR_SHAPE_MAX_KEYS 64

static uint32_t next_shape_id = 1;

static KrSsize capacity_for(KrSsize n) {
    KrSsize cap = 4;
    while (cap < n) cap *= 2;
    return cap;
}

static KrShape *shape_new(KrShape *parent, KrObject *key) {
    KrShape *s = krMem_calloc(1, sizeof(KrShape));
    if (!s) return NULL;
    s->parent = parent;
    s->key = key;
    s->id = next_shape_id++;
    if (parent) {
        s->nkeys = parent->nkeys + 1;
        s->keys = krMem_malloc((size_t)s->nkeys * sizeof(KrObject *));
        if (!s->keys) {
            krMem_free(s);
            return NULL;
        }
        if (parent->nkeys) memcpy(s->keys, parent->keys, (size_t)parent->nkeys * sizeof(KrObject *));
        s->keys[parent->nkeys] = key;
    }
    return s;
}

void krShape_free_tree(KrShape *root) {
    if (!root) return;
    for (uint32_t i = 0; i < root->nchildren; i++) krShape_free_tree(root->children[i]);
    krMem_free(root->children);
    krMem_free(root->keys);
    krMem_free(root);
}

KrSsize krShape_index(const KrShape *shape, KrObject *name) {
    KrObject *const *keys = shape->keys;
    for (KrSsize i = shape->nkeys; --i >= 0;)
        if (keys[i] == name) return i;
    if (((KrStrObject *)name)->flags & KR_STR_INTERNED) return -1;
    // A name built at run time (setattr with a computed string): compare text.
    for (KrSsize i = shape->nkeys; --i >= 0;)
        if (krStr_eq(keys[i], name)) return i;
    return -1;
}

static KrShape *root_shape(KrTypeObject *type) {
    KrHeapTypeObject *ht = (KrHeapTypeObject *)type;
    if (!ht->ht_root_shape) ht->ht_root_shape = shape_new(NULL, NULL);
    return ht->ht_root_shape;
}

// The shape after adding `key` (interned) to `shape`.  NULL on memory exhaustion.
static KrShape *transition(KrShape *shape, KrObject *key) {
    for (uint32_t i = 0; i < shape->nchildren; i++)
        if (shape->children[i]->key == key) return shape->children[i];
    if (shape->nchildren == shape->capchildren) {
        uint32_t cap = shape->capchildren ? shape->capchildren * 2 : 2;
        KrShape **c = krMem_realloc(shape->children, cap * sizeof(KrShape *));
        if (!c) return NULL;
        shape->children = c;
        shape->capchildren = cap;
    }
    KrShape *child = shape_new(shape, key);
    if (!child) return NULL;
    shape->children[shape->nchildren++] = child;
    return child;
}

KrObject *krAttrs_get(KrObject *o, KrObject *name) {
    KrInstAttrs *a = krObj_attrs(o);
    if (a->dict) return krDict_get_str(a->dict, name);
    if (!a->shape) return NULL;
    KrSsize i = krShape_index(a->shape, name);
    return i >= 0 ? a->values[i] : NULL;
}

// Moves the attributes into a new dict.  0 or -1.
static int to_dict_mode(KrThreadState *ts, KrInstAttrs *a) {
    KrSsize n = a->shape ? a->shape->nkeys : 0;
    KrObject *dict = krDict_new_presized(ts, n);
    if (!dict) return -1;
    for (KrSsize i = 0; i < n; i++) {
        if (krDict_set(ts, dict, a->shape->keys[i], a->values[i]) < 0) {
            kr_decref(dict);
            return -1;
        }
    }
    for (KrSsize i = 0; i < n; i++) kr_decref(a->values[i]);
    krMem_free(a->values);
    a->values = NULL;
    a->shape = NULL;
    a->dict = dict;
    return 0;
}

static int add_attr(KrThreadState *ts, KrObject *o, KrInstAttrs *a, KrObject *name, KrObject *value) {
    KrShape *shape = a->shape ? a->shape : root_shape(KR_TYPE(o));
    if (!shape) return krErr_no_memory(ts), -1;
    if (shape->nkeys >= KR_SHAPE_MAX_KEYS) {
        a->shape = shape;
        if (to_dict_mode(ts, a) < 0) return -1;
        return krDict_set(ts, a->dict, name, value);
    }
    KrObject *key = kr_newref(name);
    krStr_intern_inplace(ts, &key);   // shapes compare keys by pointer
    KrShape *next = transition(shape, key);
    kr_decref(key);  // interned strings are immortal: the shape may keep the pointer
    if (!next) return krErr_no_memory(ts), -1;
    KrSsize n = shape->nkeys;
    if (n == 0 || capacity_for(n) == n) {
        KrObject **v = krMem_realloc(a->values, (size_t)capacity_for(n + 1) * sizeof(KrObject *));
        if (!v) return krErr_no_memory(ts), -1;
        a->values = v;
    }
    a->values[n] = kr_newref(value);
    a->shape = next;
    return 0;
}

int krAttrs_set(KrThreadState *ts, KrObject *o, KrObject *name, KrObject *value) {
    KrInstAttrs *a = krObj_attrs(o);
    if (!a->dict) {
        KrSsize i = a->shape ? krShape_index(a->shape, name) : -1;
        if (i >= 0 && value) {
            kr_setref(&a->values[i], kr_newref(value));
            return 0;
        }
        if (value) return add_attr(ts, o, a, name, value);
        if (i < 0) {
            krErr_set_object(ts, &KrExc_AttributeError, name);
            return -1;
        }
        if (to_dict_mode(ts, a) < 0) return -1;
    }
    if (value) return krDict_set(ts, a->dict, name, value);
    if (krDict_del(ts, a->dict, name) == 0) return 0;
    if (krErr_matches(ts, &KrExc_KeyError)) {
        krErr_clear(ts);
        krErr_set_object(ts, &KrExc_AttributeError, name);
    }
    return -1;
}

KrObject *krAttrs_dict(KrThreadState *ts, KrObject *o) {
    KrInstAttrs *a = krObj_attrs(o);
    if (!a->dict && to_dict_mode(ts, a) < 0) return NULL;
    return a->dict;
}

KrObject *krAttrs_copy(KrThreadState *ts, KrObject *o) {
    KrInstAttrs *a = krObj_attrs(o);
    if (a->dict) return krDict_copy(ts, a->dict);
    KrSsize n = a->shape ? a->shape->nkeys : 0;
    KrObject *dict = krDict_new_presized(ts, n);
    for (KrSsize i = 0; dict && i < n; i++)
        if (krDict_set(ts, dict, a->shape->keys[i], a->values[i]) < 0) KR_CLEAR(dict);
    return dict;
}

KrSsize krAttrs_count(KrObject *o) {
    KrInstAttrs *a = krObj_attrs(o);
    if (a->dict) return krDict_size(a->dict);
    return a->shape ? a->shape->nkeys : 0;
}

int krAttrs_set_dict(KrThreadState *ts, KrObject *o, KrObject *dict) {
    if (!dict) {
        krErr_set_string(ts, &KrExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!krDict_check(dict)) {
        krErr_format(ts, &KrExc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", dict);
        return -1;
    }
    KrInstAttrs *a = krObj_attrs(o);
    KrObject *old_dict = a->dict;
    KrObject **old_values = a->values;
    KrSsize n = a->shape ? a->shape->nkeys : 0;
    a->dict = kr_newref(dict);
    a->values = NULL;
    a->shape = NULL;
    for (KrSsize i = 0; i < n; i++) kr_decref(old_values[i]);
    krMem_free(old_values);
    kr_xdecref(old_dict);
    return 0;
}

void krAttrs_clear(KrObject *o) {
    KrInstAttrs *a = krObj_attrs(o);
    KrSsize n = a->shape ? a->shape->nkeys : 0;
    KrObject **values = a->values;
    KrObject *dict = a->dict;
    a->values = NULL;
    a->shape = NULL;
    a->dict = NULL;
    for (KrSsize i = 0; i < n; i++) kr_decref(values[i]);
    krMem_free(values);
    kr_xdecref(dict);
}

int krAttrs_traverse(KrObject *o, KrVisitProc visit, void *arg) {
    KrInstAttrs *a = krObj_attrs(o);
    KR_VISIT(a->dict);
    if (a->shape)
        for (KrSsize i = 0; i < a->shape->nkeys; i++) KR_VISIT(a->values[i]);
    return 0;
}
