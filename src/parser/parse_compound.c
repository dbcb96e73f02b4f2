/*
 * parse_compound.c — compound statements: if, while, for, with, try, def,
 * class and decorators (match is in parse_pattern.c).
 *
 * Each statement spans from its first keyword ('async' included, decorators
 * excluded) to the end of its last block.
 */
#include "parser/parse_expr.h"
#include "parser/parse_stmt.h"

// else_block: 'else' &&':' block
static KrAstStmtSeq *else_block(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    if (!krParse_expect_forced(p, KR_TOK_COLON)) return NULL;
    return krParse_block(p, kw, "'else' statement");
}

// if_stmt / elif_stmt: ('if' | 'elif') named_expression ':' block (elif_stmt | [else_block])
static KrAstStmt *if_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *test = krParse_named_expression(p);
    if (!test) return NULL;
    KrAstStmtSeq *body = krParse_colon_block(p, kw, kw->kind == KR_TOK_IF ? "'if' statement" : "'elif' statement");
    if (!body) return NULL;
    KrAstStmtSeq *orelse = NULL;
    if (krParse_at(p, KR_TOK_ELIF)) {
        KrAstStmt *elif = if_stmt(p);
        if (!elif || !(orelse = krParse_seq1(p, elif))) return NULL;
    } else if (krParse_at(p, KR_TOK_ELSE)) {
        if (!(orelse = else_block(p))) return NULL;
    }
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_If, krParse_span_from(p, kw));
    if (s) {
        s->v.If.test = test;
        s->v.If.body = body;
        s->v.If.orelse = orelse;
    }
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
static KrAstStmt *while_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *test = krParse_named_expression(p);
    if (!test) return NULL;
    KrAstStmtSeq *body = krParse_colon_block(p, kw, "'while' statement"), *orelse = NULL;
    if (!body) return NULL;
    if (krParse_at(p, KR_TOK_ELSE) && !(orelse = else_block(p))) return NULL;
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_While, krParse_span_from(p, kw));
    if (s) {
        s->v.While.test = test;
        s->v.While.body = body;
        s->v.While.orelse = orelse;
    }
    return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
static KrAstStmt *for_stmt(KrParser *p, const KrToken *start) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *target = krParse_star_targets(p);
    if (!target || !krParse_accept(p, KR_TOK_IN)) return NULL;
    KrAstExpr *iter = krParse_star_expressions(p);
    if (!iter) return NULL;
    KrAstStmtSeq *body = krParse_colon_block(p, kw, "'for' statement"), *orelse = NULL;
    if (!body) return NULL;
    if (krParse_at(p, KR_TOK_ELSE) && !(orelse = else_block(p))) return NULL;
    int is_async = start->kind == KR_TOK_ASYNC;
    KrAstStmt *s = krParse_stmt_node(p, is_async ? KR_STMT_AsyncFor : KR_STMT_For, krParse_span_from(p, start));
    if (s) {
        s->v.For.target = target;
        s->v.For.iter = iter;
        s->v.For.body = body;
        s->v.For.orelse = orelse;
    }
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
static KrAstWithitem *with_item(KrParser *p) {
    KrAstExpr *ctx = krParse_expression(p), *vars = NULL;
    if (!ctx) return NULL;
    if (krParse_accept(p, KR_TOK_AS)) {
        vars = krParse_star_target(p);
        if (!vars) return NULL;
        KrTokenKind k = krParse_peek(p)->kind;
        if (k != KR_TOK_COMMA && k != KR_TOK_RPAR && k != KR_TOK_COLON) return NULL;
        if (krParse_invalid_target(vars, KR_TARGETS_STAR)) {
            if (p->call_invalid) krParse_raise_invalid_target(p, KR_TARGETS_STAR, vars);
            return NULL;
        }
        krParse_set_context(vars, KR_CTX_Store);
    }
    KrAstWithitem *w = krParse_alloc(p, sizeof *w);
    if (w) {
        w->context_expr = ctx;
        w->optional_vars = vars;
    }
    return w;
}

// The items of a parenthesised with statement: '(' ','.with_item+ ','? ')' ':'
static KrAstWithitemSeq *paren_with_items(KrParser *p) {
    int mark = p->pos;
    p->pos++;
    KrVec items = {0};
    do {
        if (items.n && krParse_at(p, KR_TOK_RPAR)) break;
        KrAstWithitem *w = with_item(p);
        if (!w || krVec_push(p, &items, w) < 0) goto fail;
    } while (krParse_accept(p, KR_TOK_COMMA));
    if (krParse_accept(p, KR_TOK_RPAR) && krParse_at(p, KR_TOK_COLON)) return krVec_seq(p, &items);
fail:
    if (!p->error) p->pos = mark;
    return NULL;
}

// with_stmt: [ASYNC] 'with' ( '(' ','.with_item+ ','? ')' | ','.with_item+ ) ':' block
static KrAstStmt *with_stmt(KrParser *p, const KrToken *start) {
    KrToken *kw = krParse_advance(p);
    KrAstWithitemSeq *items = NULL;
    if (krParse_at(p, KR_TOK_LPAR)) items = paren_with_items(p);
    if (!items) {
        if (p->error) return NULL;
        KrVec v = {0};
        do {
            KrAstWithitem *w = with_item(p);
            if (!w || krVec_push(p, &v, w) < 0) return NULL;
        } while (krParse_accept(p, KR_TOK_COMMA));
        items = krVec_seq(p, &v);
    }
    KrAstStmtSeq *body = krParse_colon_block(p, kw, "'with' statement");
    if (!body) return NULL;
    int is_async = start->kind == KR_TOK_ASYNC;
    KrAstStmt *s = krParse_stmt_node(p, is_async ? KR_STMT_AsyncWith : KR_STMT_With, krParse_span_from(p, start));
    if (s) {
        s->v.With.items = items;
        s->v.With.body = body;
    }
    return s;
}

// except_block: 'except' [expression ['as' NAME]] ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
static KrAstExcepthandler *except_block(KrParser *p, int *star) {
    KrToken *kw = krParse_advance(p);
    *star = krParse_accept(p, KR_TOK_STAR) != NULL;
    KrAstExpr *type = NULL;
    const char *name = NULL;
    if (!krParse_at(p, KR_TOK_COLON) || *star) {
        if (*star && p->call_invalid && (krParse_at(p, KR_TOK_NEWLINE) || krParse_at(p, KR_TOK_COLON)))
            return krParse_error_last(p, KR_SYNERR_SYNTAX, "expected 'except' or 'finally' block");
        type = krParse_expression(p);
        if (!type) return NULL;
        if (p->call_invalid && krParse_at(p, KR_TOK_COMMA)) {
            int mark = p->pos;
            p->pos++;
            if (krParse_expressions(p)) {
                int m2 = p->pos;
                if (krParse_accept(p, KR_TOK_AS)) krParse_accept(p, KR_TOK_NAME);
                if (krParse_at(p, KR_TOK_COLON)) {
                    KrToken *last = krParse_last(p);
                    return krParse_error_at(p, KR_SYNERR_SYNTAX, type->lineno, type->col_offset,
                                            last->end_lineno, last->end_col_offset,
                                            "multiple exception types must be parenthesized");
                }
                p->pos = m2;
            }
            p->pos = mark;
        }
        if (krParse_accept(p, KR_TOK_AS)) {
            KrToken *n = krParse_accept(p, KR_TOK_NAME);
            if (!n || !(name = krParse_name(p, n))) return NULL;
        }
    }
    KrAstStmtSeq *body = krParse_colon_block(p, kw, *star ? "'except*' statement" : "'except' statement");
    if (!body) return NULL;
    KrAstExcepthandler *h = krParse_alloc(p, sizeof *h);
    if (!h) return NULL;
    h->type = type;
    h->name = name;
    h->body = body;
    KrPos pos = krParse_span_from(p, kw);
    KR_SET_POS(h, pos);
    return h;
}

// The handlers of a try statement; `*star` says whether they are except*.
static KrAstExcepthandlerSeq *handlers(KrParser *p, int *star) {
    KrVec v = {0};
    while (krParse_at(p, KR_TOK_EXCEPT)) {
        KrToken *kw = krParse_peek(p);
        int this_star;
        KrAstExcepthandler *h = except_block(p, &this_star);
        if (!h) return NULL;
        if (v.n && this_star != *star) {
            if (p->call_invalid)
                krParse_error_node(p, krPos_tok(kw), "cannot have both 'except' and 'except*' on the same 'try'");
            return NULL;
        }
        *star = this_star;
        if (krVec_push(p, &v, h) < 0) return NULL;
    }
    return krVec_seq(p, &v);
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block]
//                              | except_star_block+ [else_block] [finally_block])
static KrAstStmt *try_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    if (!krParse_expect_forced(p, KR_TOK_COLON)) return NULL;
    KrAstStmtSeq *body = krParse_block(p, kw, "'try' statement");
    if (!body) return NULL;
    int star = 0;
    KrAstExcepthandlerSeq *hs = handlers(p, &star);
    if (!hs && p->error) return NULL;
    KrAstStmtSeq *orelse = NULL, *finalbody = NULL;
    if (hs && krParse_at(p, KR_TOK_ELSE) && !(orelse = else_block(p))) return NULL;
    if (krParse_at(p, KR_TOK_FINALLY)) {
        KrToken *fk = krParse_advance(p);
        if (!krParse_expect_forced(p, KR_TOK_COLON)) return NULL;
        if (!(finalbody = krParse_block(p, fk, "'finally' statement"))) return NULL;
    }
    if (!hs && !finalbody) {
        if (p->call_invalid) krParse_error_last(p, KR_SYNERR_SYNTAX, "expected 'except' or 'finally' block");
        return NULL;
    }
    KrAstStmt *s = krParse_stmt_node(p, star ? KR_STMT_TryStar : KR_STMT_Try, krParse_span_from(p, kw));
    if (s) {
        s->v.Try.body = body;
        s->v.Try.handlers = hs;
        s->v.Try.orelse = orelse;
        s->v.Try.finalbody = finalbody;
    }
    return s;
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
static KrAstStmt *function_def(KrParser *p, const KrToken *start, KrAstExprSeq *decorators) {
    KrToken *kw = krParse_advance(p);
    KrToken *name = krParse_accept(p, KR_TOK_NAME);
    if (!name || !krParse_expect_forced(p, KR_TOK_LPAR)) return NULL;
    KrAstArguments *args = krParse_params(p);
    if (!args || !krParse_accept(p, KR_TOK_RPAR)) return NULL;
    KrAstExpr *returns = NULL;
    if (krParse_accept(p, KR_TOK_RARROW) && !(returns = krParse_expression(p))) return NULL;
    if (!krParse_expect_forced(p, KR_TOK_COLON)) return NULL;
    KrAstStmtSeq *body = krParse_block(p, kw, "function definition");
    if (!body) return NULL;
    int is_async = start->kind == KR_TOK_ASYNC;
    KrAstStmt *s = krParse_stmt_node(p, is_async ? KR_STMT_AsyncFunctionDef : KR_STMT_FunctionDef,
                                     krParse_span_from(p, start));
    if (s) {
        s->v.FunctionDef.name = krParse_name(p, name);
        s->v.FunctionDef.args = args;
        s->v.FunctionDef.body = body;
        s->v.FunctionDef.decorator_list = decorators;
        s->v.FunctionDef.returns = returns;
    }
    return s;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
static KrAstStmt *class_def(KrParser *p, KrAstExprSeq *decorators) {
    KrToken *kw = krParse_advance(p);
    KrToken *name = krParse_accept(p, KR_TOK_NAME);
    if (!name) return NULL;
    KrAstExprSeq *bases = NULL;
    KrAstKeywordSeq *keywords = NULL;
    if (krParse_at(p, KR_TOK_LPAR) && krParse_call_arguments(p, &bases, &keywords) < 0) return NULL;
    KrAstStmtSeq *body = krParse_colon_block(p, kw, "class definition");
    if (!body) return NULL;
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_ClassDef, krParse_span_from(p, kw));
    if (s) {
        s->v.ClassDef.name = krParse_name(p, name);
        s->v.ClassDef.bases = bases;
        s->v.ClassDef.keywords = keywords;
        s->v.ClassDef.body = body;
        s->v.ClassDef.decorator_list = decorators;
    }
    return s;
}

// decorators: ('@' named_expression NEWLINE)+, then a def or class.
static KrAstStmt *decorated(KrParser *p) {
    KrVec decorators = {0};
    while (krParse_accept(p, KR_TOK_AT)) {
        KrAstExpr *d = krParse_named_expression(p);
        if (!d || !krParse_accept(p, KR_TOK_NEWLINE) || krVec_push(p, &decorators, d) < 0) return NULL;
    }
    KrAstExprSeq *seq = krVec_seq(p, &decorators);
    KrToken *t = krParse_peek(p);
    if (t->kind == KR_TOK_CLASS) return class_def(p, seq);
    if (t->kind == KR_TOK_DEF) return function_def(p, t, seq);
    if (t->kind == KR_TOK_ASYNC && krParse_peek_at(p, 1)->kind == KR_TOK_DEF) {
        p->pos++;
        return function_def(p, t, seq);
    }
    return NULL;
}

// async_stmt: ASYNC (function_def | with_stmt | for_stmt)
static KrAstStmt *async_stmt(KrParser *p) {
    KrToken *start = krParse_advance(p);
    switch (krParse_peek(p)->kind) {
    case KR_TOK_DEF: return function_def(p, start, NULL);
    case KR_TOK_WITH: return with_stmt(p, start);
    case KR_TOK_FOR: return for_stmt(p, start);
    default: return NULL;
    }
}

KrAstStmt *krParse_compound_stmt(KrParser *p) {
    KrToken *t = krParse_peek(p);
    if (!krParse_enter(p)) return NULL;
    KrAstStmt *s = NULL;
    switch (t->kind) {
    case KR_TOK_DEF: s = function_def(p, t, NULL); break;
    case KR_TOK_AT: s = decorated(p); break;
    case KR_TOK_ASYNC: s = async_stmt(p); break;
    case KR_TOK_IF: s = if_stmt(p); break;
    case KR_TOK_CLASS: s = class_def(p, NULL); break;
    case KR_TOK_WITH: s = with_stmt(p, t); break;
    case KR_TOK_FOR: s = for_stmt(p, t); break;
    case KR_TOK_TRY: s = try_stmt(p); break;
    case KR_TOK_WHILE: s = while_stmt(p); break;
    case KR_TOK_NAME:
        if (krParse_tok_is_name(t, "match")) s = krParse_match_stmt(p);
        break;
    default: break;
    }
    krParse_leave(p);
    return s;
}
