/*
 * dict.c — Python's dict: the compact, insertion-ordered hash table and the
 * dict type's methods.
 *
 * The table (dict_internal.h) follows CPython 3.11: an index array probed with
 * the perturbation scheme (i = 5*i + 1 + perturb, perturb >>= 5) pointing into
 * a dense entry array kept in insertion order.  Sizes are powers of two, at
 * most 2/3 of the index slots are usable, a full table is resized to fit
 * 3*used, and an empty dict shares one static, never-written table.
 *
 * Mutation safety: comparing keys may run Python code that mutates the dict.
 * A generic lookup therefore re-checks, after each comparison, that the table
 * and the entry are unchanged, and restarts otherwise.  Values are replaced
 * before the old value is released.
 *
 * Caching support: `keys_version` is reset to 0 whenever a key is added or
 * removed and handed out lazily from a counter, so an unchanged version
 * guarantees every entry index still holds the same key.
 *
 * Related: dict.h, dict_internal.h, dictviews.c (views and iterators).
 */
#include "objects/genericalias.h"
#include "objects/dict.h"

#include "objects/abstract.h"
#include "objects/container_util.h"
#include "objects/dict_internal.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

#define PERTURB_SHIFT 5
#define DICT_LOG_MINSIZE 3
#define USABLE_FRACTION(n) (((n) << 1) / 3)
// Largest table we ever try to allocate (log2 of the index slots).
#define DICT_LOG_MAXSIZE 40

// The shared table of every empty dict: 8 slots, all -1, nothing usable, so
// the first insertion always resizes into a table of the dict's own.
static struct {
    KrDictKeys keys;
    char indices[8];
} empty_keys_storage = {
    {DICT_LOG_MINSIZE, DICT_LOG_MINSIZE, true, 0, 0},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.keys)

// Source of keys versions; see the file comment.  Accessed under the GIL.
static uint32_t next_keys_version = 1;

uint32_t krDict_keys_version(KrObject *d) {
    KrDictObject *mp = (KrDictObject *)d;
    if (mp->keys_version == 0) {
        mp->keys_version = next_keys_version++;
        if (next_keys_version == 0) next_keys_version = 1;
    }
    return mp->keys_version;
}

static inline void keys_changed(KrDictObject *mp) { mp->keys_version = 0; }

// ---------------------------------------------------------------------------
// Index table

static inline KrSsize dk_get_index(const KrDictKeys *dk, size_t i) {
    uint8_t log2 = dk->log2_size;
    if (log2 < 8) return ((const int8_t *)dk->indices)[i];
    if (log2 < 16) return ((const int16_t *)dk->indices)[i];
    if (log2 < 32) return ((const int32_t *)dk->indices)[i];
    return ((const int64_t *)dk->indices)[i];
}

static inline void dk_set_index(KrDictKeys *dk, size_t i, KrSsize ix) {
    uint8_t log2 = dk->log2_size;
    if (log2 < 8) ((int8_t *)dk->indices)[i] = (int8_t)ix;
    else if (log2 < 16) ((int16_t *)dk->indices)[i] = (int16_t)ix;
    else if (log2 < 32) ((int32_t *)dk->indices)[i] = (int32_t)ix;
    else ((int64_t *)dk->indices)[i] = (int64_t)ix;
}

static inline size_t dk_mask(const KrDictKeys *dk) { return ((size_t)1 << dk->log2_size) - 1; }

static uint8_t log2_index_bytes(uint8_t log2_size) {
    if (log2_size < 8) return log2_size;
    if (log2_size < 16) return (uint8_t)(log2_size + 1);
    if (log2_size < 32) return (uint8_t)(log2_size + 2);
    return (uint8_t)(log2_size + 3);
}

// Smallest log2 size whose table has at least `minsize` slots.
static uint8_t calculate_log2_keysize(KrSsize minsize) {
    uint8_t log2 = DICT_LOG_MINSIZE;
    while (((KrSsize)1 << log2) < minsize && log2 < 62) log2++;
    return log2;
}

// Log2 size of a table that holds `n` entries without resizing.
static uint8_t estimate_log2_keysize(KrSsize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

static KrDictKeys *new_keys_object(KrThreadState *ts, uint8_t log2_size) {
    if (log2_size > DICT_LOG_MAXSIZE) {
        krErr_no_memory(ts);
        return NULL;
    }
    KrSsize usable = USABLE_FRACTION((KrSsize)1 << log2_size);
    uint8_t log2_bytes = log2_index_bytes(log2_size);
    size_t size = sizeof(KrDictKeys) + ((size_t)1 << log2_bytes) + (size_t)usable * sizeof(KrDictEntry);
    KrDictKeys *dk = krMem_malloc(size);
    if (!dk) {
        krErr_no_memory(ts);
        return NULL;
    }
    dk->log2_size = log2_size;
    dk->log2_index_bytes = log2_bytes;
    dk->str_only = true;
    dk->usable = usable;
    dk->nentries = 0;
    memset(dk->indices, 0xff, (size_t)1 << log2_bytes);
    memset(kr_dk_entries(dk), 0, (size_t)usable * sizeof(KrDictEntry));
    return dk;
}

static void free_keys_object(KrDictKeys *dk) {
    if (dk != EMPTY_KEYS) krMem_free(dk);
}

// Index slot for a new entry with `hash` (unused or deleted).
static size_t find_empty_slot(KrDictKeys *dk, KrHash hash) {
    size_t mask = dk_mask(dk), i = (size_t)hash & mask, perturb = (size_t)hash;
    while (dk_get_index(dk, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Index slot that points at entry `index`.
static size_t lookdict_index(KrDictKeys *dk, KrHash hash, KrSsize index) {
    size_t mask = dk_mask(dk), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        KrSsize ix = dk_get_index(dk, i);
        if (ix == index) return i;
        if (ix == DKIX_EMPTY) kr_fatal("dict: entry missing from its index table");
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Rebuilds `mp` with a table of 2**log2_newsize slots, compacting entries.
// 0 or -1 (MemoryError; the dict is unchanged).
static int dictresize(KrThreadState *ts, KrDictObject *mp, uint8_t log2_newsize) {
    KrDictKeys *oldkeys = mp->keys;
    if (log2_newsize < DICT_LOG_MINSIZE) log2_newsize = DICT_LOG_MINSIZE;
    KrDictKeys *newkeys = new_keys_object(ts, log2_newsize);
    if (!newkeys) return -1;
    KrSsize numentries = mp->used;
    KrDictEntry *oldentries = kr_dk_entries(oldkeys), *newentries = kr_dk_entries(newkeys);
    if (oldkeys->nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(KrDictEntry));
    } else {
        KrDictEntry *ep = oldentries;
        for (KrSsize i = 0; i < numentries; i++) {
            while (ep->value == NULL) ep++;
            newentries[i] = *ep++;
        }
    }
    newkeys->str_only = oldkeys->str_only;
    size_t mask = dk_mask(newkeys);
    for (KrSsize ix = 0; ix < numentries; ix++) {
        KrHash hash = newentries[ix].hash;
        size_t i = (size_t)hash & mask, perturb = (size_t)hash;
        while (dk_get_index(newkeys, i) != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        dk_set_index(newkeys, i, ix);
    }
    newkeys->usable -= numentries;
    newkeys->nentries = numentries;
    mp->keys = newkeys;
    free_keys_object(oldkeys);
    return 0;
}

static int insertion_resize(KrThreadState *ts, KrDictObject *mp) {
    return dictresize(ts, mp, calculate_log2_keysize(mp->used * 3));
}

// ---------------------------------------------------------------------------
// Lookup

KrHash krDict_hash_key(KrThreadState *ts, KrObject *key) {
    if (kr_is_smallint(key)) return krInt_hash(key);
    if (key->ob_type == &KrStr_Type) {
        KrHash h = ((KrStrObject *)key)->hash;
        return h != -1 ? h : krStr_hash(key);
    }
    return krObj_hash(ts, key);
}

// Lookup in a table whose keys are all exact strs, for an exact str key.
static KrSsize lookup_str(KrDictKeys *dk, KrObject *key, KrHash hash) {
    KrDictEntry *ep0 = kr_dk_entries(dk);
    size_t mask = dk_mask(dk), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        KrSsize ix = dk_get_index(dk, i);
        if (ix >= 0) {
            KrDictEntry *ep = &ep0[ix];
            if (ep->key == key || (ep->hash == hash && krStr_eq(ep->key, key))) return ix;
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Lookup that only considers exact str keys (never runs code).
static KrSsize lookup_str_any(KrDictKeys *dk, KrObject *key, KrHash hash) {
    if (dk->str_only) return lookup_str(dk, key, hash);
    KrDictEntry *ep0 = kr_dk_entries(dk);
    size_t mask = dk_mask(dk), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        KrSsize ix = dk_get_index(dk, i);
        if (ix >= 0) {
            KrDictEntry *ep = &ep0[ix];
            if (ep->key == key) return ix;
            if (ep->hash == hash && krStr_check_exact(ep->key) && krStr_eq(ep->key, key)) return ix;
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

KrSsize krDict_lookup(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash, KrObject **value) {
    KrDictObject *mp = (KrDictObject *)d;
    bool key_is_str = !kr_is_smallint(key) && key->ob_type == &KrStr_Type;
restart:;
    KrDictKeys *dk = mp->keys;
    if (key_is_str && dk->str_only) {
        KrSsize ix = lookup_str(dk, key, hash);
        *value = ix >= 0 ? kr_dk_entries(dk)[ix].value : NULL;
        return ix;
    }
    size_t mask = dk_mask(dk), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        KrSsize ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            KrDictEntry *ep = &kr_dk_entries(dk)[ix];
            KrObject *startkey = ep->key;
            if (startkey == key) {
                *value = ep->value;
                return ix;
            }
            // Two tagged ints are equal only when identical; two exact strs
            // compare without running code.
            if (ep->hash == hash && !(kr_is_smallint(startkey) && kr_is_smallint(key))) {
                if (key_is_str && krStr_check_exact(startkey)) {
                    if (krStr_eq(startkey, key)) {
                        *value = ep->value;
                        return ix;
                    }
                } else {
                    kr_incref(startkey);
                    int cmp = krObj_richcompare_bool(ts, startkey, key, KR_EQ);
                    kr_decref(startkey);
                    if (cmp < 0) {
                        *value = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->keys || ep->key != startkey) goto restart;
                    if (cmp > 0) {
                        *value = ep->value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

KrObject *krDict_get_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash) {
    KrObject *value;
    (void)krDict_lookup(ts, d, key, hash, &value);
    return value;
}

KrObject *krDict_get(KrThreadState *ts, KrObject *d, KrObject *key) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return NULL;
    return krDict_get_hash(ts, d, key, hash);
}

KrObject *krDict_get_str(KrObject *d, KrObject *key) {
    KrDictKeys *dk = ((KrDictObject *)d)->keys;
    KrSsize ix = lookup_str_any(dk, key, krStr_hash(key));
    return ix >= 0 ? kr_dk_entries(dk)[ix].value : NULL;
}

KrObject *krDict_get_cstr(KrThreadState *ts, KrObject *d, const char *key) {
    KrObject *k = krStr_from_cstr(ts, key);
    if (!k) return NULL;
    KrObject *v = krDict_get_str(d, k);
    kr_decref(k);
    return v;
}

KrSsize krDict_index_of_str(KrObject *d, KrObject *key) {
    KrDictKeys *dk = ((KrDictObject *)d)->keys;
    KrSsize ix = lookup_str_any(dk, key, krStr_hash(key));
    return ix >= 0 ? ix : -1;
}

KrObject *krDict_value_at(KrObject *d, KrSsize index) {
    KrDictKeys *dk = ((KrDictObject *)d)->keys;
    if (index < 0 || index >= dk->nentries) return NULL;
    return kr_dk_entries(dk)[index].value;
}

int krDict_contains(KrThreadState *ts, KrObject *d, KrObject *key) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return -1;
    KrObject *value;
    KrSsize ix = krDict_lookup(ts, d, key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    return ix >= 0 && value != NULL;
}

// ---------------------------------------------------------------------------
// Insertion and deletion

// d[key] = value; steals both `key` and `value` (also on failure).  0 or -1.
static int insertdict(KrThreadState *ts, KrDictObject *mp, KrObject *key, KrHash hash, KrObject *value) {
    KrObject *old_value;
    KrSsize ix = krDict_lookup(ts, (KrObject *)mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) goto fail;
    if (ix == DKIX_EMPTY) {
        if (mp->keys->usable <= 0 && insertion_resize(ts, mp) < 0) goto fail;
        KrDictKeys *dk = mp->keys;
        size_t slot = find_empty_slot(dk, hash);
        dk_set_index(dk, slot, dk->nentries);
        KrDictEntry *ep = &kr_dk_entries(dk)[dk->nentries];
        ep->key = key;
        ep->hash = hash;
        ep->value = value;
        if (dk->str_only && (kr_is_smallint(key) || key->ob_type != &KrStr_Type)) dk->str_only = false;
        dk->usable--;
        dk->nentries++;
        mp->used++;
        keys_changed(mp);
        return 0;
    }
    kr_dk_entries(mp->keys)[ix].value = value;
    kr_xdecref(old_value);
    kr_decref(key);
    return 0;
fail:
    kr_decref(key);
    kr_decref(value);
    return -1;
}

int krDict_set_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash, KrObject *value) {
    kr_incref(key);
    kr_incref(value);
    return insertdict(ts, (KrDictObject *)d, key, hash, value);
}

int krDict_set(KrThreadState *ts, KrObject *d, KrObject *key, KrObject *value) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return -1;
    return krDict_set_hash(ts, d, key, hash, value);
}

int krDict_set_steal(KrThreadState *ts, KrObject *d, KrObject *key, KrObject *value) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) {
        kr_decref(value);
        return -1;
    }
    kr_incref(key);
    return insertdict(ts, (KrDictObject *)d, key, hash, value);
}

int krDict_set_cstr(KrThreadState *ts, KrObject *d, const char *key, KrObject *value) {
    KrObject *k = krStr_intern_cstr(ts, key);
    if (!k) return -1;
    return krDict_set(ts, d, k, value);
}

// Removes entry `ix` (found under `hash`); releases key and value after the
// dict is consistent.  Never fails.
static void delitem_common(KrDictObject *mp, KrHash hash, KrSsize ix) {
    KrDictKeys *dk = mp->keys;
    size_t slot = lookdict_index(dk, hash, ix);
    dk_set_index(dk, slot, DKIX_DUMMY);
    KrDictEntry *ep = &kr_dk_entries(dk)[ix];
    KrObject *old_key = ep->key, *old_value = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    mp->used--;
    keys_changed(mp);
    kr_decref(old_key);
    kr_decref(old_value);
}

int krDict_del_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash) {
    KrObject *value;
    KrSsize ix = krDict_lookup(ts, d, key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || value == NULL) {
        krErr_set_key_error(ts, key);
        return -1;
    }
    delitem_common((KrDictObject *)d, hash, ix);
    return 0;
}

int krDict_del(KrThreadState *ts, KrObject *d, KrObject *key) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return -1;
    return krDict_del_hash(ts, d, key, hash);
}

int krDict_pop(KrThreadState *ts, KrObject *d, KrObject *key, KrObject **value) {
    KrDictObject *mp = (KrDictObject *)d;
    if (value) *value = NULL;
    if (mp->used == 0) return 0;
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return -1;
    KrObject *old;
    KrSsize ix = krDict_lookup(ts, d, key, hash, &old);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || old == NULL) return 0;
    kr_incref(old);
    delitem_common(mp, hash, ix);
    if (value) *value = old;
    else kr_decref(old);
    return 1;
}

void krDict_clear(KrObject *d) {
    KrDictObject *mp = (KrDictObject *)d;
    KrDictKeys *oldkeys = mp->keys;
    if (oldkeys == EMPTY_KEYS) return;
    // Empty the dict first: releasing the entries may run code that uses it.
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    keys_changed(mp);
    KrDictEntry *ep = kr_dk_entries(oldkeys);
    for (KrSsize i = 0, n = oldkeys->nentries; i < n; i++) {
        kr_xdecref(ep[i].key);
        kr_xdecref(ep[i].value);
    }
    free_keys_object(oldkeys);
}

// ---------------------------------------------------------------------------
// Iteration, copies, merging

bool krDict_next_hash(KrObject *d, KrSsize *pos, KrObject **key, KrObject **value, KrHash *hash) {
    KrDictKeys *dk = ((KrDictObject *)d)->keys;
    KrSsize i = *pos, n = dk->nentries;
    KrDictEntry *ep = kr_dk_entries(dk);
    while (i < n && ep[i].value == NULL) i++;
    if (i >= n) return false;
    *pos = i + 1;
    if (key) *key = ep[i].key;
    if (value) *value = ep[i].value;
    if (hash) *hash = ep[i].hash;
    return true;
}

bool krDict_next(KrObject *d, KrSsize *pos, KrObject **key, KrObject **value) {
    return krDict_next_hash(d, pos, key, value, NULL);
}

static KrObject *new_dict_with_keys(KrThreadState *ts, KrTypeObject *type, KrDictKeys *keys) {
    KrDictObject *mp;
    if (type == &KrDict_Type) mp = (KrDictObject *)krObj_alloc(ts, type, 0);
    else mp = (KrDictObject *)krType_generic_alloc(ts, type, 0);
    if (!mp) {
        free_keys_object(keys);
        return NULL;
    }
    mp->keys = keys;
    mp->used = 0;
    mp->keys_version = 0;
    kr_gc_track_once((KrObject *)mp);
    return (KrObject *)mp;
}

KrObject *krDict_new(KrThreadState *ts) { return new_dict_with_keys(ts, &KrDict_Type, EMPTY_KEYS); }

KrObject *krDict_new_presized(KrThreadState *ts, KrSsize n) {
    if (n <= USABLE_FRACTION((KrSsize)1 << DICT_LOG_MINSIZE)) return krDict_new(ts);
    if (n > ((KrSsize)1 << (DICT_LOG_MAXSIZE - 1))) return krErr_no_memory(ts);
    KrDictKeys *keys = new_keys_object(ts, estimate_log2_keysize(n));
    if (!keys) return NULL;
    return new_dict_with_keys(ts, &KrDict_Type, keys);
}

KrObject *krDict_copy(KrThreadState *ts, KrObject *d) {
    KrDictObject *src = (KrDictObject *)d;
    if (src->used == 0) return krDict_new(ts);
    KrDictKeys *sk = src->keys;
    if (sk->nentries == src->used) {
        // No deleted entries: clone the table as it is.
        size_t size = sizeof(KrDictKeys) + ((size_t)1 << sk->log2_index_bytes) +
                      (size_t)USABLE_FRACTION((KrSsize)1 << sk->log2_size) * sizeof(KrDictEntry);
        KrDictKeys *keys = krMem_malloc(size);
        if (!keys) return krErr_no_memory(ts);
        memcpy(keys, sk, size);
        KrDictEntry *ep = kr_dk_entries(keys);
        for (KrSsize i = 0; i < keys->nentries; i++) {
            kr_incref(ep[i].key);
            kr_incref(ep[i].value);
        }
        KrObject *r = new_dict_with_keys(ts, &KrDict_Type, keys);
        if (r) ((KrDictObject *)r)->used = src->used;
        return r;
    }
    KrObject *r = krDict_new_presized(ts, src->used);
    if (r && krDict_merge(ts, r, d, 1) < 0) KR_CLEAR(r);
    return r;
}

// Merges dict `b` (whose iteration is the plain dict one) into `a`.
static int merge_from_dict(KrThreadState *ts, KrDictObject *a, KrDictObject *b, int override) {
    if (b == a || b->used == 0) return 0;
    if (USABLE_FRACTION((KrSsize)1 << a->keys->log2_size) < b->used &&
        dictresize(ts, a, estimate_log2_keysize(a->used + b->used)) < 0)
        return -1;
    KrDictKeys *bk = b->keys;
    KrSsize n = bk->nentries;
    for (KrSsize i = 0; i < n; i++) {
        KrDictEntry *ep = &kr_dk_entries(bk)[i];
        KrObject *key = ep->key, *value = ep->value;
        if (!value) continue;
        KrHash hash = ep->hash;
        kr_incref(key);
        kr_incref(value);
        int err = 0;
        if (override == 1) {
            kr_incref(key);
            err = insertdict(ts, a, key, hash, value);
        } else {
            KrObject *existing;
            KrSsize ix = krDict_lookup(ts, (KrObject *)a, key, hash, &existing);
            if (ix == DKIX_ERROR) {
                err = -1;
            } else if (ix == DKIX_EMPTY) {
                kr_incref(key);
                err = insertdict(ts, a, key, hash, value);
            } else {
                if (override == 2) {
                    krErr_set_key_error(ts, key);
                    err = -1;
                }
                kr_decref(value);
            }
        }
        kr_decref(key);
        if (err < 0) return -1;
        if (bk != b->keys || n != bk->nentries) {
            krErr_set_string(ts, &KrExc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

// Merges any mapping `b` through b.keys() and b[key].
static int merge_from_mapping(KrThreadState *ts, KrObject *a, KrObject *b, int override) {
    KrObject *keys = krObj_call_method(ts, b, KR_ID(keys), NULL);
    if (!keys) return -1;
    KrObject *it = krObj_get_iter(ts, keys);
    kr_decref(keys);
    if (!it) return -1;
    KrObject *key;
    while ((key = krIter_next(ts, it)) != NULL) {
        if (override != 1) {
            int r = krDict_contains(ts, a, key);
            if (r != 0) {
                if (r > 0 && override == 2) {
                    krErr_set_key_error(ts, key);
                    r = -1;
                }
                kr_decref(key);
                if (r < 0) goto error;
                continue;
            }
        }
        KrObject *value = krObj_getitem(ts, b, key);
        if (!value) {
            kr_decref(key);
            goto error;
        }
        int r = krDict_set_steal(ts, a, key, value);
        kr_decref(key);
        if (r < 0) goto error;
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
error:
    kr_decref(it);
    return -1;
}

static KrObject *dict_iter(KrThreadState *ts, KrObject *self);

int krDict_merge(KrThreadState *ts, KrObject *a, KrObject *b, int override) {
    if (krDict_check(b) && KR_TYPE(b)->tp_iter == dict_iter)
        return merge_from_dict(ts, (KrDictObject *)a, (KrDictObject *)b, override);
    return merge_from_mapping(ts, a, b, override);
}

// d.update(seq2) for an iterable of key/value pairs.
static int merge_from_seq2(KrThreadState *ts, KrObject *d, KrObject *seq2) {
    KrObject *it = krObj_get_iter(ts, seq2);
    if (!it) return -1;
    KrObject *item;
    KrSsize i = 0;
    for (; (item = krIter_next(ts, it)) != NULL; i++) {
        KrObject *fast = NULL;
        if (krTuple_check_exact(item) || krList_check_exact(item)) {
            fast = kr_newref(item);
        } else {
            KrObject *iter2 = krObj_get_iter(ts, item);
            if (!iter2) {
                if (krErr_matches(ts, &KrExc_TypeError)) {
                    krErr_clear(ts);
                    krErr_format(ts, &KrExc_TypeError,
                                 "cannot convert dictionary update sequence element #%zd to a sequence", i);
                }
                kr_decref(item);
                goto error;
            }
            kr_decref(iter2);
            fast = krTuple_from_iterable(ts, item);
        }
        kr_decref(item);
        if (!fast) goto error;
        KrSsize n = krTuple_check(fast) ? KR_TUPLE_SIZE(fast) : KR_LIST_SIZE(fast);
        if (n != 2) {
            krErr_format(ts, &KrExc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required",
                         i, n);
            kr_decref(fast);
            goto error;
        }
        KrObject **pair = krTuple_check(fast) ? KR_TUPLE_ITEMS(fast) : KR_LIST_ITEMS(fast);
        KrObject *key = kr_newref(pair[0]), *value = kr_newref(pair[1]);
        kr_decref(fast);
        int r = krDict_set_steal(ts, d, key, value);
        kr_decref(key);
        if (r < 0) goto error;
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
error:
    kr_decref(it);
    return -1;
}

int krDict_update(KrThreadState *ts, KrObject *d, KrObject *other) {
    if (krDict_check_exact(other)) return krDict_merge(ts, d, other, 1);
    KrObject *keys;
    int r = krObj_lookup_attr(ts, other, KR_ID(keys), &keys);
    if (r < 0) return -1;
    if (r > 0) {
        kr_decref(keys);
        return krDict_merge(ts, d, other, 1);
    }
    return merge_from_seq2(ts, d, other);
}

// The shared body of dict(...) and d.update(...).
static int update_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames, const char *fname) {
    if (krArg_check_positional(ts, fname, nargs, 0, 1) < 0) return -1;
    if (nargs == 1 && krDict_update(ts, self, args[0]) < 0) return -1;
    if (kwnames) {
        KrSsize nkw = KR_TUPLE_SIZE(kwnames);
        for (KrSsize i = 0; i < nkw; i++)
            if (krDict_set(ts, self, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static KrObject *list_of(KrThreadState *ts, KrObject *d, int which) {
    KrDictObject *mp = (KrDictObject *)d;
    for (;;) {
        KrSsize n = mp->used;
        KrObject *l = krList_new(ts, n);
        if (!l) return NULL;
        // Allocating the tuples of items() may run the collector, which may
        // change the dict: start over if its size changed.
        if (n != mp->used) {
            kr_decref(l);
            continue;
        }
        KrSsize pos = 0, j = 0;
        KrObject *key, *value;
        while (krDict_next(d, &pos, &key, &value)) {
            KrObject *x;
            if (j >= n) break;
            if (which == 0) x = kr_newref(key);
            else if (which == 1) x = kr_newref(value);
            else if (!(x = krTuple_pack(ts, 2, key, value))) {
                kr_decref(l);
                return NULL;
            }
            KR_LIST_SET(l, j++, x);
        }
        if (j != n || n != mp->used) {
            kr_decref(l);
            continue;
        }
        return l;
    }
}

KrObject *krDict_keys(KrThreadState *ts, KrObject *d) { return list_of(ts, d, 0); }
KrObject *krDict_values(KrThreadState *ts, KrObject *d) { return list_of(ts, d, 1); }
KrObject *krDict_items(KrThreadState *ts, KrObject *d) { return list_of(ts, d, 2); }

// ---------------------------------------------------------------------------
// Slots

static void dict_dealloc(KrObject *self) {
    KrDictObject *mp = (KrDictObject *)self;
    krGC_untrack(self);
    bool exact = KR_TYPE(self) == &KrDict_Type;
    if (exact && !krTrash_begin(self)) return;
    KrDictKeys *dk = mp->keys;
    if (dk && dk != EMPTY_KEYS) {
        KrDictEntry *ep = kr_dk_entries(dk);
        for (KrSsize i = 0, n = dk->nentries; i < n; i++) {
            kr_xdecref(ep[i].key);
            kr_xdecref(ep[i].value);
        }
        free_keys_object(dk);
    }
    krObj_free(self);
    if (exact) krTrash_end();
}

static int dict_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrDictKeys *dk = ((KrDictObject *)self)->keys;
    if (!dk) return 0;
    KrDictEntry *ep = kr_dk_entries(dk);
    for (KrSsize i = 0, n = dk->nentries; i < n; i++) {
        if (ep[i].value) {
            KR_VISIT(ep[i].key);
            KR_VISIT(ep[i].value);
        }
    }
    return 0;
}

static int dict_gc_clear(KrObject *self) {
    krDict_clear(self);
    return 0;
}

static KrObject *dict_repr(KrThreadState *ts, KrObject *self) {
    if (((KrDictObject *)self)->used == 0) return krStr_from_cstr(ts, "{}");
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_cstr(ts, "{...}") : NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    KrSsize pos = 0;
    KrObject *key, *value;
    bool first = true;
    if (krSB_append(ts, &sb, "{", 1) < 0) goto error;
    while (krDict_next(self, &pos, &key, &value)) {
        kr_incref(key);
        kr_incref(value);
        int rr = (first ? 0 : krSB_append(ts, &sb, ", ", 2));
        if (rr == 0) rr = krSB_append_obj_repr(ts, &sb, key);
        if (rr == 0) rr = krSB_append(ts, &sb, ": ", 2);
        if (rr == 0) rr = krSB_append_obj_repr(ts, &sb, value);
        kr_decref(key);
        kr_decref(value);
        if (rr < 0) goto error;
        first = false;
    }
    if (krSB_append(ts, &sb, "}", 1) < 0) goto error;
    krRepr_leave(ts, self);
    return krSB_finish(ts, &sb);
error:
    krSB_discard(&sb);
    krRepr_leave(ts, self);
    return NULL;
}

static KrSsize dict_length(KrThreadState *ts, KrObject *self) { return ((KrDictObject *)self)->used; }

static KrObject *dict_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return NULL;
    KrObject *value;
    KrSsize ix = krDict_lookup(ts, self, key, hash, &value);
    if (ix == DKIX_ERROR) return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        if (!krDict_check_exact(self)) {
            // Subclasses may define __missing__.
            int found = 0;
            KrObject *r = krObj_call_special(ts, self, KR_ID(__missing__), &key, 1, &found);
            if (found) return r;
        }
        krErr_set_key_error(ts, key);
        return NULL;
    }
    return kr_newref(value);
}

static int dict_ass_sub(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    if (value) return krDict_set(ts, self, key, value);
    return krDict_del(ts, self, key);
}

static int dict_sq_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    return krDict_contains(ts, self, key);
}

// 1 if the dicts have the same items, 0 if not, -1 on error.
static int dict_equal(KrThreadState *ts, KrDictObject *a, KrDictObject *b) {
    if (a->used != b->used) return 0;
    for (KrSsize i = 0; i < a->keys->nentries; i++) {
        KrDictEntry *ep = &kr_dk_entries(a->keys)[i];
        KrObject *aval = ep->value;
        if (!aval) continue;
        KrObject *key = ep->key, *bval;
        KrHash hash = ep->hash;
        kr_incref(aval);
        kr_incref(key);
        KrSsize ix = krDict_lookup(ts, (KrObject *)b, key, hash, &bval);
        if (ix == DKIX_ERROR || ix == DKIX_EMPTY || !bval) {
            kr_decref(key);
            kr_decref(aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        kr_incref(bval);
        int cmp = krObj_eq(ts, aval, bval);
        kr_decref(key);
        kr_decref(aval);
        kr_decref(bval);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

static KrObject *dict_richcompare(KrThreadState *ts, KrObject *v, KrObject *w, int op) {
    if (!krDict_check(v) || !krDict_check(w) || (op != KR_EQ && op != KR_NE)) return KR_NOTIMPLEMENTED;
    int cmp = dict_equal(ts, (KrDictObject *)v, (KrDictObject *)w);
    if (cmp < 0) return NULL;
    return kr_bool((cmp == 1) == (op == KR_EQ));
}

static KrObject *dict_or(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krDict_check(self) || !krDict_check(other)) return KR_NOTIMPLEMENTED;
    KrObject *r = krDict_copy(ts, self);
    if (r && krDict_update(ts, r, other) < 0) KR_CLEAR(r);
    return r;
}

static KrObject *dict_ior(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!krDict_check(self)) return KR_NOTIMPLEMENTED;
    if (krDict_update(ts, self, other) < 0) return NULL;
    return kr_newref(self);
}

static KrObject *dict_iter(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, self, &KrDictKeyIter_Type);
}

static KrObject *dict_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    return new_dict_with_keys(ts, type, EMPTY_KEYS);
}

static int dict_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    return update_common(ts, self, args, nargs, kwnames, "dict");
}

// ---------------------------------------------------------------------------
// Methods

static KrObject *dict_get(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "get", nargs, 1, 2) < 0) return NULL;
    KrHash hash = krDict_hash_key(ts, args[0]);
    if (hash == -1) return NULL;
    KrObject *value;
    if (krDict_lookup(ts, self, args[0], hash, &value) == DKIX_ERROR) return NULL;
    if (!value) value = nargs == 2 ? args[1] : KR_NONE;
    return kr_newref(value);
}

static KrObject *dict_setdefault(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "setdefault", nargs, 1, 2) < 0) return NULL;
    KrObject *key = args[0], *dflt = nargs == 2 ? args[1] : KR_NONE;
    KrHash hash = krDict_hash_key(ts, key);
    if (hash == -1) return NULL;
    KrObject *value;
    if (krDict_lookup(ts, self, key, hash, &value) == DKIX_ERROR) return NULL;
    if (value) return kr_newref(value);
    if (krDict_set_hash(ts, self, key, hash, dflt) < 0) return NULL;
    return kr_newref(dflt);
}

static KrObject *dict_pop_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "pop", nargs, 1, 2) < 0) return NULL;
    KrObject *value;
    int r = krDict_pop(ts, self, args[0], &value);
    if (r < 0) return NULL;
    if (r > 0) return value;
    if (nargs == 2) return kr_newref(args[1]);
    krErr_set_key_error(ts, args[0]);
    return NULL;
}

static KrObject *dict_popitem(KrThreadState *ts, KrObject *self) {
    KrDictObject *mp = (KrDictObject *)self;
    // Allocate the result first: that may run code, never while the dict is half-changed.
    KrObject *res = krTuple_new(ts, 2);
    if (!res) return NULL;
    if (mp->used == 0) {
        kr_decref(res);
        krErr_set_string(ts, &KrExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    KrDictKeys *dk = mp->keys;
    KrDictEntry *ep0 = kr_dk_entries(dk);
    KrSsize i = dk->nentries - 1;
    while (i >= 0 && ep0[i].value == NULL) i--;
    size_t slot = lookdict_index(dk, ep0[i].hash, i);
    dk_set_index(dk, slot, DKIX_DUMMY);
    KR_TUPLE_SET(res, 0, ep0[i].key);
    KR_TUPLE_SET(res, 1, ep0[i].value);
    ep0[i].key = NULL;
    ep0[i].value = NULL;
    // The slot stays a dummy, so `usable` is not given back.
    dk->nentries = i;
    mp->used--;
    keys_changed(mp);
    return res;
}

static KrObject *dict_keys_meth(KrThreadState *ts, KrObject *self) {
    return krDictView_new(ts, self, &KrDictKeys_Type);
}

static KrObject *dict_values_meth(KrThreadState *ts, KrObject *self) {
    return krDictView_new(ts, self, &KrDictValues_Type);
}

static KrObject *dict_items_meth(KrThreadState *ts, KrObject *self) {
    return krDictView_new(ts, self, &KrDictItems_Type);
}

static KrObject *dict_update_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    if (update_common(ts, self, args, nargs, kwnames, "update") < 0) return NULL;
    return KR_NONE;
}

static KrObject *dict_clear_meth(KrThreadState *ts, KrObject *self) {
    krDict_clear(self);
    return KR_NONE;
}

static KrObject *dict_copy_meth(KrThreadState *ts, KrObject *self) { return krDict_copy(ts, self); }

static KrObject *dict_fromkeys(KrThreadState *ts, KrObject *cls, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "fromkeys", nargs, 1, 2) < 0) return NULL;
    KrObject *iterable = args[0], *value = nargs == 2 ? args[1] : KR_NONE;
    KrObject *d = krObj_call0(ts, cls);
    if (!d) return NULL;
    bool exact = krDict_check_exact(d);
    if (exact && ((KrDictObject *)d)->used == 0 && (krDict_check_exact(iterable) || (krAnySet_check(iterable) && (KR_TYPE(iterable) == &KrSet_Type || KR_TYPE(iterable) == &KrFrozenSet_Type)))) {
        // Known hashes: no hashing, one resize.
        bool is_dict = krDict_check_exact(iterable);
        KrSsize n = is_dict ? krDict_size(iterable) : krSet_size(iterable);
        if (dictresize(ts, (KrDictObject *)d, estimate_log2_keysize(n)) < 0) goto error;
        KrSsize pos = 0;
        KrObject *key;
        KrHash hash;
        while (is_dict ? krDict_next_hash(iterable, &pos, &key, NULL, &hash) : krSet_next(iterable, &pos, &key, &hash))
            if (krDict_set_hash(ts, d, key, hash, value) < 0) goto error;
        return d;
    }
    KrObject *it = krObj_get_iter(ts, iterable);
    if (!it) goto error;
    KrObject *key;
    while ((key = krIter_next(ts, it)) != NULL) {
        int r = exact ? krDict_set(ts, d, key, value) : krObj_setitem(ts, d, key, value);
        kr_decref(key);
        if (r < 0) {
            kr_decref(it);
            goto error;
        }
    }
    kr_decref(it);
    if (krErr_occurred(ts)) goto error;
    return d;
error:
    kr_decref(d);
    return NULL;
}

static KrObject *dict_getitem_meth(KrThreadState *ts, KrObject *self, KrObject *key) {
    return dict_subscript(ts, self, key);
}

static KrObject *dict_contains_meth(KrThreadState *ts, KrObject *self, KrObject *key) {
    int r = krDict_contains(ts, self, key);
    if (r < 0) return NULL;
    return kr_bool(r);
}

static KrObject *dict_reversed(KrThreadState *ts, KrObject *self) {
    return krDictIter_new(ts, self, &KrDictRevKeyIter_Type);
}

static KrObject *dict_sizeof(KrThreadState *ts, KrObject *self) {
    KrDictKeys *dk = ((KrDictObject *)self)->keys;
    KrSsize size = KR_TYPE(self)->tp_basicsize;
    if (dk != EMPTY_KEYS)
        size += (KrSsize)sizeof(KrDictKeys) + ((KrSsize)1 << dk->log2_index_bytes) +
                USABLE_FRACTION((KrSsize)1 << dk->log2_size) * (KrSsize)sizeof(KrDictEntry);
    return krInt_from_ssize(ts, size);
}

static const KrMethodDef dict_methods[] = {
    {"__contains__", KR_CFUNC(dict_contains_meth), KR_METH_O | KR_METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", KR_CFUNC(dict_getitem_meth), KR_METH_O | KR_METH_COEXIST, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", KR_CFUNC(dict_sizeof), KR_METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", KR_CFUNC(dict_get), KR_METH_FAST,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", KR_CFUNC(dict_setdefault), KR_METH_FAST,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", KR_CFUNC(dict_pop_meth), KR_METH_FAST,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", KR_CFUNC(dict_popitem), KR_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", KR_CFUNC(dict_keys_meth), KR_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", KR_CFUNC(dict_items_meth), KR_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", KR_CFUNC(dict_values_meth), KR_METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"update", KR_CFUNC(dict_update_meth), KR_METH_FASTKW,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", KR_CFUNC(dict_fromkeys), KR_METH_FAST | KR_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", KR_CFUNC(dict_clear_meth), KR_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", KR_CFUNC(dict_copy_meth), KR_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", KR_CFUNC(dict_reversed), KR_METH_NOARGS, "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", KR_CFUNC(krGenericAlias_class_getitem), KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrDict_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "dict",
    .tp_basicsize = sizeof(KrDictObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DICT_SUBCLASS | KR_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_dealloc = dict_dealloc,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_gc_clear,
    .tp_repr = dict_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
    .sq_contains = dict_sq_contains,
    .tp_methods = dict_methods,
};
