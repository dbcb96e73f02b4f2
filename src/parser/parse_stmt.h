/*
 * parse_stmt.h — statement rules shared by parse_stmt.c (simple statements,
 * blocks), parse_compound.c (compound statements) and parse_pattern.c
 * (match).  Internal to src/parser.
 */
#ifndef KR_PARSE_STMT_H
#define KR_PARSE_STMT_H

#include "parser/parser_internal.h"

KrAstStmtSeq *krParse_simple_stmts(KrParser *p);
KrAstStmt *krParse_compound_stmt(KrParser *p);
KrToken *krParse_expect_forced(KrParser *p, KrTokenKind kind);
KrAstStmtSeq *krParse_colon_block(KrParser *p, const KrToken *kw, const char *what);

#endif
