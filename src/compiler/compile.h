/*
 * compile.h — the compiler's public entry points: source or AST in, code
 * object out.  Parser and compiler errors are raised as SyntaxError,
 * IndentationError or TabError with CPython's attributes.
 */
#ifndef KR_COMPILE_H
#define KR_COMPILE_H

#include "objects/object.h"
#include "parser/parser.h"

// Compiles `len` bytes of UTF-8 source (a BOM and a coding declaration are
// honoured).  `mode` is KR_PARSE_EXEC, KR_PARSE_EVAL or KR_PARSE_SINGLE;
// `flags` are compile() flags (CO_FUTURE_* and PyCF_* values); `optimize` is
// -1 (the interpreter's level), 0, 1 or 2.  Returns a new code object, or NULL
// with an exception.
KrObject *krCompile_source(KrThreadState *ts, const char *src, KrSsize len, KrObject *filename, int mode, int flags,
                           int optimize);

// Compiles an already parsed module.  The AST is borrowed (its arena stays the
// caller's).  New reference or NULL.
KrObject *krCompile_ast(KrThreadState *ts, KrAstMod *mod, KrObject *filename, int mode, int flags, int optimize);

#endif
