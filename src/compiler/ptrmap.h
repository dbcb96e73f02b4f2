/*
 * ptrmap.h — the two small containers the compiler is built on:
 *
 *  - KrPtrMap: an insertion-ordered hash map from pointers to integers, with
 *    removal.  The compiler uses it for symbol tables, name sets and index
 *    tables (name -> co_names index), always keyed by interned names.
 *  - KrNames: an intern table for C strings.  Every identifier the compiler
 *    handles goes through it, so two equal names are the same pointer and the
 *    maps above can compare keys by address.
 *
 * Neither raises: allocation failures return -1 / NULL and the caller raises
 * MemoryError.  Both are plain C data with no object references.
 *
 * Owner of: ptrmap.c.
 */
#ifndef KR_PTRMAP_H
#define KR_PTRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parser/arena.h"

typedef struct KrPtrMap {
    const void **keys;             // entries in insertion order; NULL marks a removed entry
    intptr_t *values;
    int count;                     // entries used, removed ones included
    int live;                      // entries present
    int capacity;
    int32_t *index;                // open-addressing table of entry numbers (-1 empty, -2 removed)
    int index_size;                // power of two, or 0
} KrPtrMap;

#define KR_PTRMAP_INIT {NULL, NULL, 0, 0, 0, NULL, 0}

// Sets map[key] = value (key must not be NULL).  0, or -1 when out of memory.
int krPtrMap_set(KrPtrMap *m, const void *key, intptr_t value);
// Finds `key`: true and *value (when value is not NULL) if present.  Never fails.
bool krPtrMap_get(const KrPtrMap *m, const void *key, intptr_t *value);
static inline bool krPtrMap_has(const KrPtrMap *m, const void *key) { return krPtrMap_get(m, key, NULL); }
// Value of `key`, or `dflt` when absent.  Never fails.
intptr_t krPtrMap_lookup(const KrPtrMap *m, const void *key, intptr_t dflt);
// Removes `key`; returns whether it was present.  Never fails.
bool krPtrMap_remove(KrPtrMap *m, const void *key);
// Adds every key of `src` (with its value) to `dst`.  0 or -1.
int krPtrMap_update(KrPtrMap *dst, const KrPtrMap *src);
// A copy of `src` into the empty map `dst`.  0 or -1.
int krPtrMap_copy(KrPtrMap *dst, const KrPtrMap *src);
// Releases the map's memory and leaves it empty (reusable).  Never fails.
void krPtrMap_clear(KrPtrMap *m);
static inline int krPtrMap_size(const KrPtrMap *m) { return m->live; }

// Iteration in insertion order: for (int i = 0; krPtrMap_next(m, &i, &k, &v);)
bool krPtrMap_next(const KrPtrMap *m, int *pos, const void **key, intptr_t *value);

// Intern table.  Strings live in `arena`.
typedef struct KrNames {
    KrArena *arena;
    const char **slots;            // open addressing, NULL = empty
    int size;                      // power of two
    int used;
} KrNames;

void krNames_init(KrNames *t, KrArena *arena);
void krNames_fini(KrNames *t);
// The canonical copy of the `len` bytes at `s` (NUL-terminated), or NULL when
// out of memory.
const char *krNames_intern(KrNames *t, const char *s, size_t len);
// The canonical copy of the string, or NULL when it was never interned.  Never fails.
const char *krNames_find(const KrNames *t, const char *s, size_t len);
static inline const char *krNames_intern_cstr(KrNames *t, const char *s) {
    return krNames_intern(t, s, strlen(s));
}

#endif
