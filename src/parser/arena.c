/*
 * arena.c — chunked bump allocation for AST memory (see arena.h).
 *
 * Memory comes from a singly linked list of chunks.  Allocation bumps a pointer
 * in the newest chunk; a request that does not fit starts a new chunk of at
 * least twice the previous size, so a parse of n bytes of tree makes O(log n)
 * calls to malloc.  Requests larger than a chunk get a chunk of their own.
 */
#include "parser/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_CHUNK_SIZE 8192
#define MAX_CHUNK_SIZE (1u << 20)

typedef struct Chunk {
    struct Chunk *prev;
    size_t size;               // usable bytes in data[]
    alignas(max_align_t) unsigned char data[];
} Chunk;

struct KrArena {
    Chunk *chunk;              // newest chunk, or NULL before the first allocation
    size_t used;               // bytes used in `chunk`
    size_t total;              // bytes handed out over the arena's life
    size_t next_size;          // size of the next chunk to allocate
};

KrArena *krArena_new(void) {
    KrArena *arena = malloc(sizeof *arena);
    if (!arena) return NULL;
    arena->chunk = NULL;
    arena->used = 0;
    arena->total = 0;
    arena->next_size = FIRST_CHUNK_SIZE;
    return arena;
}

void krArena_free(KrArena *arena) {
    if (!arena) return;
    Chunk *c = arena->chunk;
    while (c) {
        Chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(arena);
}

static int new_chunk(KrArena *arena, size_t need) {
    size_t size = arena->next_size;
    if (size < need) size = need;
    Chunk *c = malloc(sizeof(Chunk) + size);
    if (!c) return -1;
    c->prev = arena->chunk;
    c->size = size;
    arena->chunk = c;
    arena->used = 0;
    if (arena->next_size < MAX_CHUNK_SIZE) arena->next_size *= 2;
    return 0;
}

void *krArena_alloc(KrArena *arena, size_t size) {
    const size_t align = alignof(max_align_t);
    size_t rounded = (size + align - 1) & ~(align - 1);
    if (rounded < size) return NULL;    // overflow
    if (!arena->chunk || arena->chunk->size - arena->used < rounded) {
        if (new_chunk(arena, rounded) < 0) return NULL;
    }
    void *p = arena->chunk->data + arena->used;
    arena->used += rounded;
    arena->total += rounded;
    return p;
}

void *krArena_calloc(KrArena *arena, size_t size) {
    void *p = krArena_alloc(arena, size);
    if (p) memset(p, 0, size);
    return p;
}

char *krArena_strndup(KrArena *arena, const char *s, size_t len) {
    char *p = krArena_alloc(arena, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

size_t krArena_used(const KrArena *arena) { return arena->total; }
