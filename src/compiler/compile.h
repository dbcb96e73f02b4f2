/*
 * compile.h — the compiler's public entry points: source or AST in, code
 * object out.  Parser and compiler errors are raised as SyntaxError,
 * IndentationError or TabError with CPython's attributes.
 *
 * Owner of: compile.c (entry points), and through it the whole compiler in
 * src/compiler/ (see compiler.h for the passes).
 */
#ifndef KR_COMPILE_H
#define KR_COMPILE_H

#include "objects/object.h"
#include "parser/parser.h"

// compile() flags, with CPython's values (others are accepted and ignored).
enum {
    KR_CF_SOURCE_IS_UTF8 = 0x0100,
    KR_CF_DONT_IMPLY_DEDENT = 0x0200,
    KR_CF_ONLY_AST = 0x0400,
    KR_CF_TOP_LEVEL_AWAIT = 0x2000,         // allow `await` at module level (asyncio REPL)
    KR_CF_FUTURE_ANNOTATIONS = 0x1000000,   // as if `from __future__ import annotations`
};

// Compiles `len` bytes of UTF-8 source (a BOM and a coding declaration are
// honoured).  `mode` is KR_PARSE_EXEC, KR_PARSE_EVAL or KR_PARSE_SINGLE;
// `flags` are compile() flags (CO_FUTURE_* and PyCF_* values); `optimize` is
// -1 (the interpreter's level), 0, 1 or 2 (1 drops asserts and makes
// __debug__ False, 2 also drops docstrings).  Returns a new code object, or
// NULL with an exception: SyntaxError / IndentationError / TabError for the
// parser's and the compiler's errors ('return' outside function, ...),
// MemoryError, RecursionError for too deeply nested code.
KrObject *krCompile_source(KrThreadState *ts, const char *src, KrSsize len, KrObject *filename, int mode, int flags,
                           int optimize);

// Compiles an already parsed module (arguments as above).  The AST is
// borrowed (its arena stays the caller's) but modified in place: constant
// expressions are folded into Constant nodes.  New reference or NULL.
KrObject *krCompile_ast(KrThreadState *ts, KrAstMod *mod, KrObject *filename, int mode, int flags, int optimize);

#endif
