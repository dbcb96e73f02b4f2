/*
 * dict_internal.h — the layout of a dict's table, shared by dict.c and
 * dictviews.c only.
 *
 * A KrDictKeys is one allocation: the header, then the index table of
 * 2**log2_size slots (1, 2, 4 or 8 bytes each, chosen by the table size), then
 * the dense entry array with room for USABLE_FRACTION(2**log2_size) entries.
 * An index slot holds -1 (never used), -2 (deleted), or the position of an
 * entry.  Entries are appended in insertion order; a deleted entry keeps its
 * place with key and value NULL until the next resize compacts the array.
 *
 * `str_only` stays true while every key ever inserted is an exact str, which
 * lets lookups by str skip rich comparison (str equality cannot run code).
 */
#ifndef KR_DICT_INTERNAL_H
#define KR_DICT_INTERNAL_H

#include "objects/dict.h"

typedef struct {
    KrHash hash;
    KrObject *key;                 // strong, NULL for a deleted entry
    KrObject *value;               // strong, NULL for a deleted entry
} KrDictEntry;

struct KrDictKeys {
    uint8_t log2_size;             // index table has 2**log2_size slots
    uint8_t log2_index_bytes;      // index table size in bytes, log2
    bool str_only;
    KrSsize usable;                // entries that can still be appended before a resize
    KrSsize nentries;              // entries used so far, deleted ones included
    char indices[];                // index table, then the entries
};

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

static inline KrDictEntry *kr_dk_entries(KrDictKeys *dk) {
    return (KrDictEntry *)(dk->indices + ((size_t)1 << dk->log2_index_bytes));
}

static inline KrDictKeys *kr_dict_keys(KrObject *d) { return ((KrDictObject *)d)->keys; }

// Looks `key` (with its hash) up in `d`: the entry index (>= 0) with *value
// set to the borrowed value, DKIX_EMPTY when absent, DKIX_ERROR on error.
KrSsize krDict_lookup(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash, KrObject **value);
// Hash of a key as dicts compute it (cached for str).  -1 on error.
KrHash krDict_hash_key(KrThreadState *ts, KrObject *key);
// Like krDict_next but also gives the stored hash.
bool krDict_next_hash(KrObject *d, KrSsize *pos, KrObject **key, KrObject **value, KrHash *hash);
// Deletes `key` known to hash to `hash`: 0, or -1 with KeyError / error.
int krDict_del_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash);
// d[key] = value with a known hash; neither stolen.  0 or -1.
int krDict_set_hash(KrThreadState *ts, KrObject *d, KrObject *key, KrHash hash, KrObject *value);

// The views and iterators (dictviews.c).  New references.
KrObject *krDictView_new(KrThreadState *ts, KrObject *dict, KrTypeObject *type);
KrObject *krDictIter_new(KrThreadState *ts, KrObject *dict, KrTypeObject *type);

#endif
