/*
 * parse_stmt.c — statements: the simple ones, blocks, and the compound
 * statements except `match` (parse_pattern.c).
 *
 * A statement's end position is that of its last token that is not NEWLINE,
 * INDENT or DEDENT (krParse_last skips those), so a compound statement ends
 * where its last nested statement ends, as in CPython.
 */
#include "parser/parse_expr.h"
#include "parser/parse_stmt.h"

#include <string.h>

// ---------------------------------------------------------------------------
// Helpers

// A forced token (the grammar's &&'x'): its absence is an immediate error,
// in either pass, at the token found instead.
KrToken *krParse_expect_forced(KrParser *p, KrTokenKind kind) {
    KrToken *t = krParse_accept(p, kind);
    if (t) return t;
    t = krParse_peek(p);
    if (t->kind == KR_TOK_FAILED) return NULL;
    krParse_error_at(p, KR_SYNERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                     "expected '%s'", krLex_token_text(kind));
    return NULL;
}

// ':' block, for the header of a compound statement; `kw` is its keyword and
// `what` names it in the indentation error ("'if' statement").  In the
// second pass a header ending the line without ':' gives "expected ':'".
KrAstStmtSeq *krParse_colon_block(KrParser *p, const KrToken *kw, const char *what) {
    if (!krParse_accept(p, KR_TOK_COLON)) {
        if (p->call_invalid && krParse_at(p, KR_TOK_NEWLINE))
            krParse_error_last(p, KR_SYNERR_SYNTAX, "expected ':'");
        return NULL;
    }
    return krParse_block(p, kw, what);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
KrAstStmtSeq *krParse_block(KrParser *p, const KrToken *kw, const char *what) {
    if (krParse_accept(p, KR_TOK_NEWLINE)) {
        if (!krParse_accept(p, KR_TOK_INDENT)) {
            if (p->call_invalid) {
                if (what)
                    krParse_error_last(p, KR_SYNERR_INDENTATION, "expected an indented block after %s on line %d",
                                       what, kw->lineno);
                else
                    krParse_error_last(p, KR_SYNERR_INDENTATION, "expected an indented block");
            }
            return NULL;
        }
        KrAstStmtSeq *body = krParse_statements(p);
        if (!body || !krParse_accept(p, KR_TOK_DEDENT)) return NULL;
        return body;
    }
    return krParse_simple_stmts(p);
}

static KrAstStmt *simple(KrParser *p, KrAstStmtKind kind) {
    KrToken *t = krParse_advance(p);
    return krParse_stmt_node(p, kind, krPos_tok(t));
}

// ---------------------------------------------------------------------------
// Assignments and expression statements

static int is_augassign(KrTokenKind k, KrAstOperator *op) {
    switch (k) {
    case KR_TOK_PLUSEQUAL: *op = KR_BINOP_Add; return 1;
    case KR_TOK_MINEQUAL: *op = KR_BINOP_Sub; return 1;
    case KR_TOK_STAREQUAL: *op = KR_BINOP_Mult; return 1;
    case KR_TOK_ATEQUAL: *op = KR_BINOP_MatMult; return 1;
    case KR_TOK_SLASHEQUAL: *op = KR_BINOP_Div; return 1;
    case KR_TOK_PERCENTEQUAL: *op = KR_BINOP_Mod; return 1;
    case KR_TOK_AMPEREQUAL: *op = KR_BINOP_BitAnd; return 1;
    case KR_TOK_VBAREQUAL: *op = KR_BINOP_BitOr; return 1;
    case KR_TOK_CIRCUMFLEXEQUAL: *op = KR_BINOP_BitXor; return 1;
    case KR_TOK_LEFTSHIFTEQUAL: *op = KR_BINOP_LShift; return 1;
    case KR_TOK_RIGHTSHIFTEQUAL: *op = KR_BINOP_RShift; return 1;
    case KR_TOK_DOUBLESTAREQUAL: *op = KR_BINOP_Pow; return 1;
    case KR_TOK_DOUBLESLASHEQUAL: *op = KR_BINOP_FloorDiv; return 1;
    default: return 0;
    }
}

// annotated_rhs: yield_expr | star_expressions
static KrAstExpr *annotated_rhs(KrParser *p) {
    if (krParse_at(p, KR_TOK_YIELD)) return krParse_yield_expr(p);
    return krParse_star_expressions(p);
}

// NAME ':' expression ['=' annotated_rhs], and the same with a single
// attribute, subscript or parenthesised target (simple = 0).
static KrAstStmt *ann_assign(KrParser *p, const KrToken *start, KrAstExpr *target, int simple) {
    if (target->kind != KR_EXPR_Name && target->kind != KR_EXPR_Attribute &&
        target->kind != KR_EXPR_Subscript) {
        if (p->call_invalid) {
            KrAstExpr *at = target;
            // An unparenthesised tuple is reported at its first element.
            if (target->kind == KR_EXPR_Tuple && KR_AST_LEN(target->v.Tuple.elts) &&
                target->v.Tuple.elts->items[0]->col_offset == target->col_offset)
                at = target->v.Tuple.elts->items[0];
            if (target->kind == KR_EXPR_Tuple || target->kind == KR_EXPR_List)
                krParse_error_node(p, KR_POS(at), "only single target (not %s) can be annotated",
                                   target->kind == KR_EXPR_Tuple ? "tuple" : "list");
            else
                krParse_error_node(p, KR_POS(target), "illegal target for annotation");
        }
        return NULL;
    }
    p->pos++;   // ':'
    KrAstExpr *annotation = krParse_expression(p), *value = NULL;
    if (!annotation) return NULL;
    if (krParse_accept(p, KR_TOK_EQUAL)) {
        value = annotated_rhs(p);
        if (!value) return NULL;
    }
    krParse_set_context(target, KR_CTX_Store);
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_AnnAssign, krParse_span_from(p, start));
    if (!s) return NULL;
    s->v.AnnAssign.target = target;
    s->v.AnnAssign.annotation = annotation;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = simple;
    return s;
}

static KrAstStmt *aug_assign(KrParser *p, const KrToken *start, KrAstExpr *target, KrAstOperator op) {
    if (target->kind != KR_EXPR_Name && target->kind != KR_EXPR_Attribute &&
        target->kind != KR_EXPR_Subscript) {
        if (p->call_invalid)
            krParse_error_node(p, KR_POS(target), "'%s' is an illegal expression for augmented assignment",
                               krParse_expr_name(target));
        return NULL;
    }
    p->pos++;
    KrAstExpr *value = annotated_rhs(p);
    if (!value) return NULL;
    krParse_set_context(target, KR_CTX_Store);
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_AugAssign, krParse_span_from(p, start));
    if (!s) return NULL;
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = op;
    s->v.AugAssign.value = value;
    return s;
}

// Whether `e` is an expression the grammar's bitwise_or can produce.
static int is_bitwise_or_level(const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_BoolOp: case KR_EXPR_Compare: case KR_EXPR_IfExp: case KR_EXPR_Lambda:
    case KR_EXPR_NamedExpr: case KR_EXPR_Starred: case KR_EXPR_Yield: case KR_EXPR_YieldFrom:
    case KR_EXPR_Await:
        return 0;
    case KR_EXPR_UnaryOp:
        return e->v.UnaryOp.op != KR_UNARY_Not;
    default:
        return 1;
    }
}

// The second pass's diagnosis of `targets = value` where some target is
// invalid; `eq` is the index of the first '=' token.
static void invalid_assignment(KrParser *p, KrVec *targets, int eq) {
    KrAstExpr *first = targets->items[0];
    KrAstExpr *e = first;
    if (first->kind == KR_EXPR_Tuple && KR_AST_LEN(first->v.Tuple.elts) &&
        first->v.Tuple.elts->items[0]->col_offset == first->col_offset &&
        first->v.Tuple.elts->items[0]->lineno == first->lineno)
        e = first->v.Tuple.elts->items[first->v.Tuple.elts->size - 1];
    // invalid_named_expression on the element before the first '='.
    int excluded = e->kind == KR_EXPR_List || e->kind == KR_EXPR_Tuple || e->kind == KR_EXPR_GeneratorExp ||
                   (e->kind == KR_EXPR_Constant && e->v.Constant.value.kind <= KR_CONST_FALSE);
    if (e->kind != KR_EXPR_Name && !excluded && is_bitwise_or_level(e)) {
        int mark = p->pos;
        p->pos = eq + 1;
        int saved = p->call_invalid;
        p->call_invalid = 0;
        KrAstExpr *v = krParse_bitwise_or(p);
        p->call_invalid = saved;
        if (v && !krParse_at(p, KR_TOK_EQUAL) && !krParse_at(p, KR_TOK_COLONEQUAL)) {
            krParse_error_node(p, KR_POS(e), "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               krParse_expr_name(e));
            return;
        }
        p->pos = mark;
    }
    for (int i = 0; i < targets->n; i++) {
        KrAstExpr *t = targets->items[i];
        if (t->kind == KR_EXPR_Yield || t->kind == KR_EXPR_YieldFrom) {
            krParse_error_node(p, KR_POS(t), "assignment to yield expression not possible");
            return;
        }
        if (krParse_invalid_target(t, KR_TARGETS_STAR)) {
            krParse_raise_invalid_target(p, KR_TARGETS_STAR, t);
            return;
        }
    }
}

// (star_targets '=')+ (yield_expr | star_expressions) !'='
static KrAstStmt *assign(KrParser *p, const KrToken *start, KrAstExpr *first) {
    KrVec targets = {0};
    KrAstExpr *value = first;
    int eq = p->pos;
    while (krParse_accept(p, KR_TOK_EQUAL)) {
        if (krVec_push(p, &targets, value) < 0) return NULL;
        value = annotated_rhs(p);
        if (!value) return NULL;
    }
    for (int i = 0; i < targets.n; i++) {
        KrAstExpr *t = targets.items[i];
        if (krParse_invalid_target(t, KR_TARGETS_STAR)) {
            if (p->call_invalid) invalid_assignment(p, &targets, eq);
            return NULL;
        }
    }
    for (int i = 0; i < targets.n; i++) krParse_set_context(targets.items[i], KR_CTX_Store);
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Assign, krParse_span_from(p, start));
    if (!s) return NULL;
    s->v.Assign.targets = krVec_seq(p, &targets);
    s->v.Assign.value = value;
    return s;
}

// assignment | star_expressions (as an Expr statement)
static KrAstStmt *expression_stmt(KrParser *p) {
    KrToken *start = krParse_peek(p);
    if (start->kind == KR_TOK_NAME && krParse_peek_at(p, 1)->kind == KR_TOK_COLON) {
        KrAstExpr *target = krParse_name_expr(p, start, KR_CTX_Store);
        p->pos++;
        return target ? ann_assign(p, start, target, 1) : NULL;
    }
    KrAstExpr *first = annotated_rhs(p);
    if (!first) return NULL;
    KrTokenKind k = krParse_peek(p)->kind;
    KrAstOperator op;
    if (k == KR_TOK_COLON) return ann_assign(p, start, first, 0);
    if (is_augassign(k, &op)) return aug_assign(p, start, first, op);
    if (k == KR_TOK_EQUAL) return assign(p, start, first);
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Expr, krParse_span_from(p, start));
    if (s) s->v.Expr.value = first;
    return s;
}

// ---------------------------------------------------------------------------
// Other simple statements

// 'return' [star_expressions]
static KrAstStmt *return_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *value = NULL;
    KrTokenKind k = krParse_peek(p)->kind;
    if (k != KR_TOK_NEWLINE && k != KR_TOK_SEMI) {
        value = krParse_star_expressions(p);
        if (!value) return NULL;
    }
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Return, krParse_span_from(p, kw));
    if (s) s->v.Return.value = value;
    return s;
}

// 'raise' expression ['from' expression] | 'raise'
static KrAstStmt *raise_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *exc = NULL, *cause = NULL;
    int mark = p->pos;
    exc = krParse_expression(p);
    if (exc && krParse_accept(p, KR_TOK_FROM)) {
        cause = krParse_expression(p);
        if (!cause) return NULL;
    } else if (!exc) {
        if (p->error) return NULL;
        p->pos = mark;
    }
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Raise, krParse_span_from(p, kw));
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

// 'del' del_targets &(';' | NEWLINE)
static KrAstStmt *del_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    int mark = p->pos;
    KrVec targets = {0};
    KrAstExpr *e = krParse_star_expressions(p);
    if (e && !krParse_at(p, KR_TOK_SEMI) && !krParse_at(p, KR_TOK_NEWLINE)) e = NULL;
    if (e && !krParse_invalid_target(e, KR_TARGETS_DEL)) {
        // An unparenthesised tuple is the list of targets itself.
        int bare = e->kind == KR_EXPR_Tuple && KR_AST_LEN(e->v.Tuple.elts) &&
                   e->v.Tuple.elts->items[0]->col_offset == e->col_offset &&
                   e->v.Tuple.elts->items[0]->lineno == e->lineno;
        if (bare) {
            for (int i = 0; i < e->v.Tuple.elts->size; i++)
                if (krVec_push(p, &targets, e->v.Tuple.elts->items[i]) < 0) return NULL;
        } else if (krVec_push(p, &targets, e) < 0) {
            return NULL;
        }
        for (int i = 0; i < targets.n; i++) krParse_set_context(targets.items[i], KR_CTX_Del);
        KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Delete, krParse_span_from(p, kw));
        if (s) s->v.Delete.targets = krVec_seq(p, &targets);
        return s;
    }
    if (p->call_invalid && !p->error) {
        p->pos = mark;
        int saved = p->call_invalid;
        p->call_invalid = 0;
        KrAstExpr *a = krParse_star_expressions(p);
        p->call_invalid = saved;
        if (a) krParse_raise_invalid_target(p, KR_TARGETS_DEL, a);
    }
    return NULL;
}

// 'assert' expression [',' expression]
static KrAstStmt *assert_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *test = krParse_expression(p), *msg = NULL;
    if (!test) return NULL;
    if (krParse_accept(p, KR_TOK_COMMA)) {
        msg = krParse_expression(p);
        if (!msg) return NULL;
    }
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Assert, krParse_span_from(p, kw));
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

// 'global' ','.NAME+ and 'nonlocal' ','.NAME+
static KrAstStmt *global_stmt(KrParser *p, KrAstStmtKind kind) {
    KrToken *kw = krParse_advance(p);
    KrVec names = {0};
    do {
        KrToken *n = krParse_accept(p, KR_TOK_NAME);
        if (!n) return NULL;
        const char *id = krParse_name(p, n);
        if (!id || krVec_push(p, &names, (void *)id) < 0) return NULL;
    } while (krParse_accept(p, KR_TOK_COMMA));
    KrAstStmt *s = krParse_stmt_node(p, kind, krParse_span_from(p, kw));
    if (s) s->v.Global.names = krVec_seq(p, &names);
    return s;
}

// ---------------------------------------------------------------------------
// Imports

// dotted_name: dotted_name '.' NAME | NAME.  Returns the interned text.
static const char *dotted_name(KrParser *p) {
    KrToken *first = krParse_accept(p, KR_TOK_NAME);
    if (!first) return NULL;
    char buf[1024];
    size_t n = 0;
    const KrToken *t = first;
    for (;;) {
        size_t len = (size_t)(t->end - t->start);
        if (n + len + 1 >= sizeof buf) return krParse_error_last(p, KR_SYNERR_SYNTAX, "name too long");
        memcpy(buf + n, t->start, len);
        n += len;
        if (!krParse_at(p, KR_TOK_DOT) || krParse_peek_at(p, 1)->kind != KR_TOK_NAME) break;
        p->pos++;
        t = krParse_advance(p);
        buf[n++] = '.';
    }
    return krParse_intern(p, buf, n);
}

// dotted_name ['as' NAME] (dotted = 1), or NAME ['as' NAME].
static KrAstAlias *alias(KrParser *p, int dotted) {
    KrToken *start = krParse_peek(p);
    const char *name;
    if (dotted) {
        name = dotted_name(p);
    } else {
        KrToken *t = krParse_accept(p, KR_TOK_NAME);
        name = t ? krParse_name(p, t) : NULL;
    }
    if (!name) return NULL;
    const char *asname = NULL;
    if (krParse_accept(p, KR_TOK_AS)) {
        KrToken *t = krParse_accept(p, KR_TOK_NAME);
        if (!t || !(asname = krParse_name(p, t))) return NULL;
    }
    KrAstAlias *a = krParse_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->name = name;
    a->asname = asname;
    KrPos pos = krParse_span_from(p, start);
    KR_SET_POS(a, pos);
    return a;
}

// 'import' dotted_as_names
static KrAstStmt *import_name(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrVec names = {0};
    do {
        KrAstAlias *a = alias(p, 1);
        if (!a || krVec_push(p, &names, a) < 0) return NULL;
    } while (krParse_accept(p, KR_TOK_COMMA));
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Import, krParse_span_from(p, kw));
    if (s) s->v.Import.names = krVec_seq(p, &names);
    return s;
}

// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
static KrAstAliasSeq *import_from_targets(KrParser *p) {
    KrToken *star = krParse_accept(p, KR_TOK_STAR);
    if (star) {
        KrAstAlias *a = krParse_alloc(p, sizeof *a);
        if (!a) return NULL;
        a->name = krParse_intern(p, "*", 1);
        KrPos pos = krPos_tok(star);
        KR_SET_POS(a, pos);
        return krParse_seq1(p, a);
    }
    int paren = krParse_accept(p, KR_TOK_LPAR) != NULL;
    KrVec names = {0};
    do {
        if (paren && names.n && krParse_at(p, KR_TOK_RPAR)) break;
        KrAstAlias *a = alias(p, 0);
        if (!a || krVec_push(p, &names, a) < 0) return NULL;
    } while (krParse_accept(p, KR_TOK_COMMA));
    if (paren && !krParse_accept(p, KR_TOK_RPAR)) return NULL;
    if (!paren && krParse_last(p)->kind == KR_TOK_COMMA) {
        if (p->call_invalid && krParse_at(p, KR_TOK_NEWLINE))
            krParse_error_last(p, KR_SYNERR_SYNTAX, "trailing comma not allowed without surrounding parentheses");
        return NULL;
    }
    return krVec_seq(p, &names);
}

// 'from' ('.' | '...')* dotted_name 'import' import_from_targets
// | 'from' ('.' | '...')+ 'import' import_from_targets
static KrAstStmt *import_from(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    int level = 0;
    for (;;) {
        if (krParse_accept(p, KR_TOK_DOT)) level++;
        else if (krParse_accept(p, KR_TOK_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = NULL;
    if (!krParse_at(p, KR_TOK_IMPORT)) {
        module = dotted_name(p);
        if (!module) return NULL;
    } else if (level == 0) {
        return NULL;
    }
    if (!krParse_accept(p, KR_TOK_IMPORT)) return NULL;
    KrAstAliasSeq *names = import_from_targets(p);
    if (!names) return NULL;
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_ImportFrom, krParse_span_from(p, kw));
    if (s) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names = names;
        s->v.ImportFrom.level = level;
    }
    return s;
}

// ---------------------------------------------------------------------------
// Simple statement lists

static KrAstStmt *simple_stmt(KrParser *p) {
    if (!krParse_enter(p)) return NULL;
    KrAstStmt *s;
    switch (krParse_peek(p)->kind) {
    case KR_TOK_RETURN: s = return_stmt(p); break;
    case KR_TOK_IMPORT: s = import_name(p); break;
    case KR_TOK_FROM: s = import_from(p); break;
    case KR_TOK_RAISE: s = raise_stmt(p); break;
    case KR_TOK_PASS: s = simple(p, KR_STMT_Pass); break;
    case KR_TOK_BREAK: s = simple(p, KR_STMT_Break); break;
    case KR_TOK_CONTINUE: s = simple(p, KR_STMT_Continue); break;
    case KR_TOK_DEL: s = del_stmt(p); break;
    case KR_TOK_ASSERT: s = assert_stmt(p); break;
    case KR_TOK_GLOBAL: s = global_stmt(p, KR_STMT_Global); break;
    case KR_TOK_NONLOCAL: s = global_stmt(p, KR_STMT_Nonlocal); break;
    default: s = expression_stmt(p); break;
    }
    krParse_leave(p);
    return s;
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
KrAstStmtSeq *krParse_simple_stmts(KrParser *p) {
    KrVec stmts = {0};
    for (;;) {
        KrAstStmt *s = simple_stmt(p);
        if (!s || krVec_push(p, &stmts, s) < 0) return NULL;
        if (!krParse_accept(p, KR_TOK_SEMI)) break;
        if (krParse_at(p, KR_TOK_NEWLINE)) break;
    }
    if (!krParse_accept(p, KR_TOK_NEWLINE)) return NULL;
    return krVec_seq(p, &stmts);
}

// statement: compound_stmt | simple_stmts.  Appends to `out`.
static int statement(KrParser *p, KrVec *out) {
    int mark = p->pos;
    KrAstStmt *c = krParse_compound_stmt(p);
    if (c) return krVec_push(p, out, c);
    if (p->error) return -1;
    p->pos = mark;
    KrAstStmtSeq *ss = krParse_simple_stmts(p);
    if (!ss) return -1;
    for (int i = 0; i < ss->size; i++)
        if (krVec_push(p, out, ss->items[i]) < 0) return -1;
    return 0;
}

// statements: statement+  (NULL when there is none)
KrAstStmtSeq *krParse_statements(KrParser *p) {
    KrVec out = {0};
    for (;;) {
        KrTokenKind k = krParse_peek(p)->kind;
        if (k == KR_TOK_ENDMARKER || k == KR_TOK_DEDENT || k == KR_TOK_FAILED) break;
        int mark = p->pos;
        if (statement(p, &out) < 0) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
    }
    return krVec_seq(p, &out);
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
KrAstStmtSeq *krParse_statement_newline(KrParser *p) {
    int mark = p->pos;
    KrAstStmt *c = krParse_compound_stmt(p);
    if (c) {
        // The NEWLINE is optional here: a compound statement read from a
        // string already ends with its block's NEWLINE.
        krParse_accept(p, KR_TOK_NEWLINE);
        return krParse_seq1(p, c);
    }
    if (p->error) return NULL;
    p->pos = mark;
    if (krParse_at(p, KR_TOK_NEWLINE) || krParse_at(p, KR_TOK_ENDMARKER)) return NULL;
    return krParse_simple_stmts(p);
}
