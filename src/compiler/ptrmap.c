/*
 * ptrmap.c — insertion-ordered pointer maps and the C-string intern table
 * used throughout the compiler (see ptrmap.h).
 *
 * KrPtrMap keeps entries in a dense array (so iteration follows insertion
 * order, which the symbol table relies on to report errors in source order)
 * and an open-addressing index of entry numbers.  Removal leaves a hole in the
 * entry array and a tombstone in the index; holes are squeezed out when the
 * index is rebuilt.
 */
#include "compiler/ptrmap.h"

#include <stdlib.h>
#include <string.h>

#include "objects/object.h"

static inline uint64_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

// Rebuilds the index with room for `need` live entries, compacting removed ones.
static int rebuild(KrPtrMap *m, int need) {
    int size = 8;
    while (size < need * 2) size *= 2;
    int32_t *index = krMem_malloc(sizeof(int32_t) * (size_t)size);
    if (!index) return -1;
    memset(index, 0xff, sizeof(int32_t) * (size_t)size);
    if (need > m->capacity) {
        int cap = m->capacity ? m->capacity : 8;
        while (cap < need) cap *= 2;
        const void **keys = krMem_realloc(m->keys, sizeof(void *) * (size_t)cap);
        if (!keys) { krMem_free(index); return -1; }
        m->keys = keys;
        intptr_t *values = krMem_realloc(m->values, sizeof(intptr_t) * (size_t)cap);
        if (!values) { krMem_free(index); return -1; }
        m->values = values;
        m->capacity = cap;
    }
    int n = 0;
    for (int i = 0; i < m->count; i++) {
        if (!m->keys[i]) continue;
        m->keys[n] = m->keys[i];
        m->values[n] = m->values[i];
        uint64_t h = hash_ptr(m->keys[n]) & (uint64_t)(size - 1);
        while (index[h] != -1) h = (h + 1) & (uint64_t)(size - 1);
        index[h] = n;
        n++;
    }
    m->count = n;
    m->live = n;
    krMem_free(m->index);
    m->index = index;
    m->index_size = size;
    return 0;
}

static int find_slot(const KrPtrMap *m, const void *key) {
    if (!m->index_size) return -1;
    uint64_t mask = (uint64_t)(m->index_size - 1);
    uint64_t h = hash_ptr(key) & mask;
    for (;;) {
        int32_t e = m->index[h];
        if (e == -1) return -1;
        if (e >= 0 && m->keys[e] == key) return (int)h;
        h = (h + 1) & mask;
    }
}

int krPtrMap_set(KrPtrMap *m, const void *key, intptr_t value) {
    int slot = find_slot(m, key);
    if (slot >= 0) {
        m->values[m->index[slot]] = value;
        return 0;
    }
    if (m->count + 1 > m->capacity || (m->count + 1) * 2 > m->index_size) {
        if (rebuild(m, m->live + 1) < 0) return -1;
    }
    uint64_t mask = (uint64_t)(m->index_size - 1);
    uint64_t h = hash_ptr(key) & mask;
    while (m->index[h] >= 0) h = (h + 1) & mask;
    m->index[h] = m->count;
    m->keys[m->count] = key;
    m->values[m->count] = value;
    m->count++;
    m->live++;
    return 0;
}

bool krPtrMap_get(const KrPtrMap *m, const void *key, intptr_t *value) {
    int slot = find_slot(m, key);
    if (slot < 0) return false;
    if (value) *value = m->values[m->index[slot]];
    return true;
}

intptr_t krPtrMap_lookup(const KrPtrMap *m, const void *key, intptr_t dflt) {
    intptr_t v;
    return krPtrMap_get(m, key, &v) ? v : dflt;
}

bool krPtrMap_remove(KrPtrMap *m, const void *key) {
    int slot = find_slot(m, key);
    if (slot < 0) return false;
    m->keys[m->index[slot]] = NULL;
    m->index[slot] = -2;
    m->live--;
    return true;
}

int krPtrMap_update(KrPtrMap *dst, const KrPtrMap *src) {
    for (int i = 0; i < src->count; i++) {
        if (src->keys[i] && krPtrMap_set(dst, src->keys[i], src->values[i]) < 0) return -1;
    }
    return 0;
}

int krPtrMap_copy(KrPtrMap *dst, const KrPtrMap *src) {
    *dst = (KrPtrMap)KR_PTRMAP_INIT;
    return krPtrMap_update(dst, src);
}

void krPtrMap_clear(KrPtrMap *m) {
    krMem_free(m->keys);
    krMem_free(m->values);
    krMem_free(m->index);
    *m = (KrPtrMap)KR_PTRMAP_INIT;
}

bool krPtrMap_next(const KrPtrMap *m, int *pos, const void **key, intptr_t *value) {
    while (*pos < m->count) {
        int i = (*pos)++;
        if (m->keys[i]) {
            if (key) *key = m->keys[i];
            if (value) *value = m->values[i];
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Intern table

static uint64_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void krNames_init(KrNames *t, KrArena *arena) {
    t->arena = arena;
    t->slots = NULL;
    t->size = 0;
    t->used = 0;
}

void krNames_fini(KrNames *t) {
    krMem_free(t->slots);
    t->slots = NULL;
    t->size = t->used = 0;
}

static int names_grow(KrNames *t) {
    int size = t->size ? t->size * 2 : 64;
    const char **slots = krMem_calloc((size_t)size, sizeof(char *));
    if (!slots) return -1;
    for (int i = 0; i < t->size; i++) {
        const char *s = t->slots[i];
        if (!s) continue;
        uint64_t h = hash_bytes(s, strlen(s)) & (uint64_t)(size - 1);
        while (slots[h]) h = (h + 1) & (uint64_t)(size - 1);
        slots[h] = s;
    }
    krMem_free(t->slots);
    t->slots = slots;
    t->size = size;
    return 0;
}

const char *krNames_find(const KrNames *t, const char *s, size_t len) {
    if (!t->size) return NULL;
    uint64_t mask = (uint64_t)(t->size - 1);
    for (uint64_t h = hash_bytes(s, len) & mask; t->slots[h]; h = (h + 1) & mask) {
        const char *e = t->slots[h];
        if (strncmp(e, s, len) == 0 && e[len] == '\0') return e;
    }
    return NULL;
}

const char *krNames_intern(KrNames *t, const char *s, size_t len) {
    if ((t->used + 1) * 2 > t->size && names_grow(t) < 0) return NULL;
    uint64_t mask = (uint64_t)(t->size - 1);
    uint64_t h = hash_bytes(s, len) & mask;
    for (;;) {
        const char *e = t->slots[h];
        if (!e) break;
        if (strncmp(e, s, len) == 0 && e[len] == '\0') return e;
        h = (h + 1) & mask;
    }
    char *copy = krArena_strndup(t->arena, s, len);
    if (!copy) return NULL;
    t->slots[h] = copy;
    t->used++;
    return copy;
}
