/*
 * parser_internal.h — the parser's state and the helpers its files share
 * (parser.c: tokens, errors, node construction; parse_expr.c: expressions;
 * parse_stmt.c: statements; parse_pattern.c: match patterns; string.c:
 * literals and f-strings; targets.c: assignment targets).
 *
 * Error strategy (CPython's, see docs/internals/parser.md): a first pass parses
 * without looking for specific mistakes.  If it fails, a second pass re-parses
 * the same tokens with `call_invalid` set, and the checks guarded by it raise
 * the precise messages ("expected ':'", "cannot assign to literal"...).  If
 * none fires, the error is a plain "invalid syntax" at the furthest token the
 * first pass looked at.
 *
 * Parse functions return NULL when their rule does not match.  Once an error
 * has been raised `p->error` is set, the token stream yields only
 * KR_TOK_FAILED, and every rule fails, so errors propagate without checks at
 * each call.
 */
#ifndef KR_PARSER_INTERNAL_H
#define KR_PARSER_INTERNAL_H

#include <stdarg.h>

#include "parser/parser.h"

typedef struct {
    const char **slots;          // open addressing; NULL is empty
    size_t cap, count;
} KrNameTable;

typedef struct KrParser {
    KrArena *arena;
    KrLexer lx;
    KrSyntaxError *err;
    // Tokens read so far, in chunks of KR_TOK_CHUNK that never move, so a
    // KrToken * stays valid for the whole parse.
    KrToken **tokchunks;         // malloc'd array of malloc'd chunks
    int ntoks, nchunks;
    int pos;                     // index of the next token
    int call_invalid;            // second pass: look for specific errors
    int error;                   // an error has been raised
    int depth;                   // recursion depth, against stack overflow
    int fstring_depth;           // nesting of f-string replacement fields
    KrNameTable names;
    const char *filename;
    // While parsing an f-string replacement field, its expression is a
    // separate token stream: errors get the "f-string: " prefix.
    int in_fstring;
    int fstring_mode;            // parse `star_expressions` only
    int line_delta, col_delta;   // shift applied to the nested tokens
} KrParser;

typedef struct { int lineno, col_offset, end_lineno, end_col_offset; } KrPos;

#define KR_TOK_CHUNK 1024
// Token number `i` (< p->ntoks).
static inline KrToken *krParse_tok(KrParser *p, int i) {
    return &p->tokchunks[i / KR_TOK_CHUNK][i % KR_TOK_CHUNK];
}

// --- tokens (parser.c) ---
KrToken *krParse_peek(KrParser *p);            // the next token, not consumed
KrToken *krParse_peek_at(KrParser *p, int n);  // n tokens ahead (0 = next)
KrToken *krParse_last(KrParser *p);            // the last consumed token
KrToken *krParse_advance(KrParser *p);         // consumes and returns the next token
// Consumes the next token if it is of `kind`; returns it, or NULL.
KrToken *krParse_accept(KrParser *p, KrTokenKind kind);
// True when the next token is `kind` / the soft keyword or name `name`.
int krParse_at(KrParser *p, KrTokenKind kind);
int krParse_at_name(KrParser *p, const char *name);
int krParse_tok_is_name(const KrToken *t, const char *name);

// --- errors (parser.c) ---
// Raise at 0-based byte columns, as CPython's RAISE_ERROR_KNOWN_LOCATION; an
// end column of -1 means "unknown".  Always return NULL.
void *krParse_error_at(KrParser *p, KrSyntaxErrorKind kind, int lineno, int col,
                       int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void *krParse_error_range(KrParser *p, KrPos a, KrPos b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *krParse_error_node(KrParser *p, KrPos a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// At the last token read from the tokenizer (CPython's RAISE_SYNTAX_ERROR).
void *krParse_error_last(KrParser *p, KrSyntaxErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void *krParse_nomem(KrParser *p);
// Guards recursion; returns 0 when too deep (error raised).
int krParse_enter(KrParser *p);
static inline void krParse_leave(KrParser *p) { p->depth--; }

// --- allocation (parser.c) ---
void *krParse_alloc(KrParser *p, size_t size);         // zeroed; NULL + error on OOM
const char *krParse_intern(KrParser *p, const char *s, size_t len);
const char *krParse_name(KrParser *p, const KrToken *t);  // identifier of a NAME token

// Growable list of pointers, turned into an AST sequence at the end.
typedef struct { void **items; int n, cap; } KrVec;
int krVec_push(KrParser *p, KrVec *v, void *item);
// A KrAst*Seq holding v's items (all sequence types share this layout), or
// NULL when empty.
void *krVec_seq(KrParser *p, KrVec *v);
void *krParse_seq1(KrParser *p, void *item);

// --- positions ---
static inline KrPos krPos_tok(const KrToken *t) {
    KrPos r = {t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
    return r;
}
#define KR_POS(node) ((KrPos){(node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset})
static inline KrPos krPos_span(KrPos a, KrPos b) {
    KrPos r = {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
    return r;
}
// From token `start` to the last consumed token.
KrPos krParse_span_from(KrParser *p, const KrToken *start);
KrPos krParse_span_pos(KrParser *p, KrPos start);

KrAstExpr *krParse_expr_node(KrParser *p, KrAstExprKind kind, KrPos pos);
KrAstStmt *krParse_stmt_node(KrParser *p, KrAstStmtKind kind, KrPos pos);
KrAstPattern *krParse_pattern_node(KrParser *p, KrAstPatternKind kind, KrPos pos);
#define KR_SET_POS(node, pos) do { \
        (node)->lineno = (pos).lineno; (node)->col_offset = (pos).col_offset; \
        (node)->end_lineno = (pos).end_lineno; (node)->end_col_offset = (pos).end_col_offset; \
    } while (0)

// --- expressions (parse_expr.c) ---
KrAstExpr *krParse_expression(KrParser *p);
KrAstExpr *krParse_named_expression(KrParser *p);
KrAstExpr *krParse_star_expressions(KrParser *p);
KrAstExpr *krParse_star_named_expression(KrParser *p);
KrAstExpr *krParse_star_named_expressions_tuple(KrParser *p);  // elements, no parens
KrAstExpr *krParse_yield_expr(KrParser *p);
KrAstExpr *krParse_disjunction(KrParser *p);
KrAstExpr *krParse_bitwise_or(KrParser *p);
KrAstExpr *krParse_primary(KrParser *p);
KrAstExpr *krParse_atom(KrParser *p);
KrAstExpr *krParse_expressions(KrParser *p);
KrAstExpr *krParse_star_targets(KrParser *p);
KrAstExpr *krParse_star_target(KrParser *p);
KrAstComprehensionSeq *krParse_for_if_clauses(KrParser *p);
KrAstArguments *krParse_lambda_params(KrParser *p);
KrAstArguments *krParse_params(KrParser *p);
KrAstExpr *krParse_slices(KrParser *p);

// --- targets (targets.c) ---
// Sets the context of `e` to Store/Del for use as an assignment target and
// returns NULL, or returns the sub-expression that cannot be a target.
typedef enum { KR_TARGETS_STAR, KR_TARGETS_DEL, KR_TARGETS_FOR } KrTargetsKind;
KrAstExpr *krParse_invalid_target(KrAstExpr *e, KrTargetsKind kind);
void krParse_set_context(KrAstExpr *e, KrAstExprContext ctx);
// Python's description of an expression in errors: "function call", "literal"...
const char *krParse_expr_name(const KrAstExpr *e);
// Raises "cannot assign to X" / "cannot delete X" for the invalid part of `e`.
void *krParse_raise_invalid_target(KrParser *p, KrTargetsKind kind, KrAstExpr *e);

// --- statements (parse_stmt.c) and patterns (parse_pattern.c) ---
KrAstStmtSeq *krParse_statements(KrParser *p);
KrAstStmtSeq *krParse_block(KrParser *p, const KrToken *kw, const char *what);
KrAstStmt *krParse_match_stmt(KrParser *p);
KrAstStmtSeq *krParse_statement_newline(KrParser *p);

// --- literals (string.c, number in parse_expr.c) ---
// The atom made of the consecutive STRING tokens at the current position.
KrAstExpr *krParse_strings(KrParser *p);
// Parses `len` bytes at `src` ("(expression)") as a replacement field of an
// f-string, with token lines moved by `line_delta` and first-line columns by
// `col_delta`.  Errors are raised on `p`.
KrAstExpr *krParse_fstring_expr(KrParser *p, const char *src, size_t len, int line_delta, int col_delta);

#endif
