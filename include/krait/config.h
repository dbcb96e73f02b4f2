/*
 * config.h — the few compile-time options of Krait.  Each is documented here and
 * built in CI.  Keep this file short.
 */
#ifndef KRAIT_CONFIG_H
#define KRAIT_CONFIG_H

// KR_DEBUG: 1 enables internal assertions (krAssert) and the checks that a
// function returning NULL has set an exception and one returning a value has not.
// Set by `make debug` and `make asan`.
#ifndef KR_DEBUG
#define KR_DEBUG 0
#endif

// KR_USE_COMPUTED_GOTO: 1 dispatches the eval loop through a table of label
// addresses (GCC/Clang "labels as values"); 0 uses a plain switch.
#ifndef KR_USE_COMPUTED_GOTO
#if defined(__GNUC__)
#define KR_USE_COMPUTED_GOTO 1
#else
#define KR_USE_COMPUTED_GOTO 0
#endif
#endif

// KR_USE_MIMALLOC: 1 allocates objects with mimalloc (libmimalloc-dev); 0 with
// the C library's malloc, which sanitizers and valgrind understand.  The
// Makefile sets it from MALLOC=mimalloc|system.
#ifndef KR_USE_MIMALLOC
#define KR_USE_MIMALLOC 0
#endif

#define KR_VERSION "0.1.0"
// The Python language version Krait implements.
#define KR_PY_VERSION "3.11.7"
#define KR_PY_MAJOR 3
#define KR_PY_MINOR 11
#define KR_PY_MICRO 7

#endif
