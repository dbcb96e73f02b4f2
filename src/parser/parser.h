/*
 * parser.h — Python 3.11 source to AST.
 *
 * One call parses one source text into a tree (ast.h) allocated in an arena
 * the caller provides.  The parser has no global state and does not touch the
 * object system, so it can run on any thread and before the VM exists.
 *
 * Ownership: the returned tree, and every string, identifier and constant it
 * points to, belongs to `arena`; free the arena to free the tree.  The source
 * buffer is not retained (the tokenizer works on a decoded copy in the arena).
 *
 * Errors: exactly the ones CPython's `ast.parse` (= compile(..., PyCF_ONLY_AST))
 * raises: SyntaxError, IndentationError and TabError, with CPython 3.11's
 * messages and locations.  Checks CPython leaves to its compiler ('return'
 * outside function, 'await' outside async function, duplicate arguments...)
 * are not made here.
 *
 * Related: ast.h, arena.h, ast_dump.h, src/lexer/lexer.h,
 * docs/internals/parser.md.
 */
#ifndef KR_PARSER_H
#define KR_PARSER_H

#include <stddef.h>

#include "lexer/lexer.h"
#include "parser/arena.h"
#include "parser/ast.h"

typedef enum {
    KR_PARSE_EXEC,        // a module: Module(body)          compile(..., "exec")
    KR_PARSE_EVAL,        // one expression: Expression(body) compile(..., "eval")
    KR_PARSE_SINGLE,      // one interactive statement: Interactive(body)
    KR_PARSE_FUNC_TYPE,   // a signature type comment "(int, str) -> bool": FunctionType
} KrParseMode;

// Parses `len` bytes of source at `src` (UTF-8 unless a BOM or a coding
// declaration says otherwise; it need not be NUL-terminated).
//
// Returns the tree, allocated in `arena` (see above), or NULL with `*err`
// filled: err->kind says SyntaxError, IndentationError, TabError, or
// KR_SYNERR_NOMEM when memory ran out.  `filename` is used in messages only
// and may be NULL.  `err` is always written (kind KR_SYNERR_NONE on success).
KrAstMod *krParse_source(KrArena *arena, const char *src, size_t len, const char *filename,
                         KrParseMode mode, KrSyntaxError *err);

#endif
