/*
 * arena.h — a bump allocator that owns everything one parse produces.
 *
 * The parser allocates every AST node, sequence, identifier and constant in a
 * KrArena and never frees anything individually: a tree is released with the
 * arena that holds it.  This makes error paths trivial (a failed parse simply
 * abandons its partial tree) and keeps node allocation to a pointer bump.
 *
 * An arena is not thread-safe; one parse uses one arena at a time.  Several
 * parses may share an arena, and their trees then live until it is freed.
 */
#ifndef KR_ARENA_H
#define KR_ARENA_H

#include <stddef.h>

typedef struct KrArena KrArena;

// A new, empty arena, or NULL when out of memory.
KrArena *krArena_new(void);
// Frees the arena and everything allocated in it.  `arena` may be NULL.
void krArena_free(KrArena *arena);

// `size` bytes aligned for any type, uninitialised; NULL when out of memory.
void *krArena_alloc(KrArena *arena, size_t size);
// Like krArena_alloc, but zero-filled.
void *krArena_calloc(KrArena *arena, size_t size);
// A NUL-terminated copy of the `len` bytes at `s`; NULL when out of memory.
char *krArena_strndup(KrArena *arena, const char *s, size_t len);

// Total bytes handed out so far (for statistics and tests).  Never fails.
size_t krArena_used(const KrArena *arena);

#endif
