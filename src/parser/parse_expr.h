/*
 * parse_expr.h — expression-level rules shared between parse_expr.c,
 * parse_display.c (displays, comprehensions, calls), parse_params.c
 * (parameters, lambda) and the statement parser.  Internal to src/parser.
 */
#ifndef KR_PARSE_EXPR_H
#define KR_PARSE_EXPR_H

#include "parser/parser_internal.h"

KrAstExpr *krParse_name_expr(KrParser *p, const KrToken *t, KrAstExprContext ctx);
KrAstExpr *krParse_binop(KrParser *p, KrPos start, KrAstExpr *l, KrAstOperator op, KrAstExpr *r);
KrAstExpr *krParse_number(KrParser *p, const KrToken *t);
KrAstExpr *krParse_assignment_expression(KrParser *p);
KrAstExpr *krParse_starred_expression(KrParser *p);
int krParse_starts_expression(KrParser *p);

// parse_display.c
KrAstExpr *krParse_paren_atom(KrParser *p);    // tuple | group | genexp
KrAstExpr *krParse_list_atom(KrParser *p);     // list | listcomp
KrAstExpr *krParse_brace_atom(KrParser *p);    // dict | set | dictcomp | setcomp
// primary '(' [arguments] ')' and primary genexp, with `func` parsed.
KrAstExpr *krParse_call(KrParser *p, KrPos start, KrAstExpr *func);
// '(' [arguments] ')' for class definitions: fills bases and keywords.
int krParse_call_arguments(KrParser *p, KrAstExprSeq **args, KrAstKeywordSeq **keywords);

// parse_params.c
KrAstExpr *krParse_lambdef(KrParser *p);

#endif
