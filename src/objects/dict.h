/*
 * dict.h — Python's dict: insertion-ordered and compact, as CPython's (an index
 * table of 1/2/4/8-byte slots into a dense entry array, open addressing with
 * the perturbation probe).
 *
 * Version numbers serve the eval loop's caches: every dict has a *keys
 * version*, which changes whenever a key is added or removed (not when a value
 * is replaced).  A cache that remembers (keys version, entry index) can read the
 * value at that index without hashing (krDict_value_at).
 *
 * Owner of: dict.c (the table, methods), dictviews.c (keys/values/items views).
 */
#ifndef KR_DICT_H
#define KR_DICT_H

#include "objects/object.h"

typedef struct KrDictKeys KrDictKeys;   // private to dict.c

typedef struct {
    KR_OBJECT_HEAD;
    KrSsize used;                  // number of items
    KrDictKeys *keys;
    uint32_t keys_version;         // 0 = not assigned yet (see krDict_keys_version)
} KrDictObject;

extern KrTypeObject KrDict_Type;
// The views dict.keys(), dict.values(), dict.items() (dictviews.c).
extern KrTypeObject KrDictKeys_Type, KrDictValues_Type, KrDictItems_Type;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong; the viewed dict
} KrDictViewObject;

static inline bool krDict_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_DICT_SUBCLASS) != 0;
}
static inline bool krDict_check_exact(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrDict_Type; }
static inline KrSsize krDict_size(const KrObject *d) { return ((const KrDictObject *)d)->used; }

KrObject *krDict_new(KrThreadState *ts);                    // new reference
KrObject *krDict_new_presized(KrThreadState *ts, KrSsize n);

// d[key]: BORROWED reference, or NULL with no exception when missing, or NULL
// with an exception when hashing/comparing failed.
KrObject *krDict_get(KrThreadState *ts, KrObject *d, KrObject *key);
// Same with a precomputed hash.
KrObject *krDict_get_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash);
// Lookup by an exact str key: borrowed or NULL.  Never fails.
KrObject *krDict_get_str(KrObject *d, KrObject *key);
KrObject *krDict_get_cstr(KrThreadState *ts, KrObject *d, const char *key);
// d[key] = value (neither stolen).  0 or -1.
int krDict_set(KrThreadState *ts, KrObject *d, KrObject *key, KrObject *value);
int krDict_set_cstr(KrThreadState *ts, KrObject *d, const char *key, KrObject *value);
// Steals `value` (also on failure).
int krDict_set_steal(KrThreadState *ts, KrObject *d, KrObject *key, KrObject *value);
// del d[key]: 0, or -1 with KeyError (or a hashing error).
int krDict_del(KrThreadState *ts, KrObject *d, KrObject *key);
// Removes key if present: 1 and *value = the removed value (new ref; NULL
// allowed to discard), 0 when absent, -1 on error.
int krDict_pop(KrThreadState *ts, KrObject *d, KrObject *key, KrObject **value);
// 1, 0, -1.
int krDict_contains(KrThreadState *ts, KrObject *d, KrObject *key);
void krDict_clear(KrObject *d);
KrObject *krDict_copy(KrThreadState *ts, KrObject *d);
// d.update(other) for a mapping or iterable of pairs.  0 or -1.
int krDict_update(KrThreadState *ts, KrObject *d, KrObject *other);
// Merge a mapping into d; when `override` is 0, existing keys are kept; when 2,
// a duplicate key raises KeyError(key) (for f(**a, **b)).  0 or -1.
int krDict_merge(KrThreadState *ts, KrObject *d, KrObject *other, int override);
// Iteration: *pos starts at 0.  Returns true and borrowed key/value (either
// pointer may be NULL) while items remain.  The dict must not change meanwhile.
bool krDict_next(KrObject *d, KrSsize *pos, KrObject **key, KrObject **value);
// New lists.
KrObject *krDict_keys(KrThreadState *ts, KrObject *d);
KrObject *krDict_values(KrThreadState *ts, KrObject *d);
KrObject *krDict_items(KrThreadState *ts, KrObject *d);

// Caching support.  The keys version (assigned lazily, never 0; changes when
// keys are added or removed).  Never fails.
uint32_t krDict_keys_version(KrObject *d);
// Index of the entry holding `key` (an exact str), or -1.  Never fails.
KrSsize krDict_index_of_str(KrObject *d, KrObject *key);
// Value of entry `index` (borrowed, may be NULL for a deleted entry).  The
// caller has checked the keys version.  Never fails.
KrObject *krDict_value_at(KrObject *d, KrSsize index);

#endif
