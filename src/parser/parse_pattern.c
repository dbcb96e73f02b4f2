/*
 * parse_pattern.c — the match statement and its patterns (PEP 634).
 *
 * `match` and `case` are soft keywords: a statement starting with the name
 * `match` is tried as a match statement first and, if that fails without an
 * error, re-parsed as an ordinary statement (`match = 1`, `match(x)`).
 */
#include "parser/parse_expr.h"
#include "parser/parse_stmt.h"

#include <string.h>

static KrAstPattern *pattern(KrParser *p);
static KrAstPattern *closed_pattern(KrParser *p);

// ---------------------------------------------------------------------------
// Literals and values

// signed_number: NUMBER | '-' NUMBER
static KrAstExpr *signed_number(KrParser *p) {
    KrToken *minus = krParse_accept(p, KR_TOK_MINUS);
    KrToken *num = krParse_accept(p, KR_TOK_NUMBER);
    if (!num) return NULL;
    KrAstExpr *e = krParse_number(p, num);
    if (!e || !minus) return e;
    KrAstExpr *u = krParse_expr_node(p, KR_EXPR_UnaryOp, krParse_span_from(p, minus));
    if (u) {
        u->v.UnaryOp.op = KR_UNARY_USub;
        u->v.UnaryOp.operand = e;
    }
    return u;
}

static int is_imag(const KrAstExpr *e) {
    if (e->kind == KR_EXPR_UnaryOp) e = e->v.UnaryOp.operand;
    return e->kind == KR_EXPR_Constant && e->v.Constant.value.kind == KR_CONST_IMAG;
}

// signed_number !('+' | '-') | complex_number | strings | None | True | False,
// as an expression (literal_expr).  Sets `*singleton` for None/True/False.
static KrAstExpr *literal_expr(KrParser *p, int *singleton) {
    KrToken *t = krParse_peek(p);
    *singleton = 0;
    if (t->kind == KR_TOK_STRING) return krParse_strings(p);
    if (t->kind == KR_TOK_NONE || t->kind == KR_TOK_TRUE || t->kind == KR_TOK_FALSE) {
        *singleton = 1;
        return krParse_atom(p);
    }
    if (t->kind != KR_TOK_NUMBER && t->kind != KR_TOK_MINUS) return NULL;
    KrPos start = krPos_tok(t);
    KrAstExpr *real = signed_number(p);
    if (!real) return NULL;
    KrToken *op = krParse_peek(p);
    if (op->kind != KR_TOK_PLUS && op->kind != KR_TOK_MINUS) return real;
    p->pos++;
    KrToken *num = krParse_accept(p, KR_TOK_NUMBER);
    if (!num) return NULL;
    KrAstExpr *imag = krParse_number(p, num);
    if (!imag) return NULL;
    if (is_imag(real)) return krParse_error_node(p, KR_POS(real), "real number required in complex literal");
    if (!is_imag(imag)) return krParse_error_node(p, KR_POS(imag), "imaginary number required in complex literal");
    return krParse_binop(p, start, real, op->kind == KR_TOK_PLUS ? KR_BINOP_Add : KR_BINOP_Sub, imag);
}

// name_or_attr: NAME ('.' NAME)*
static KrAstExpr *name_or_attr(KrParser *p) {
    KrToken *t = krParse_accept(p, KR_TOK_NAME);
    if (!t) return NULL;
    KrAstExpr *e = krParse_name_expr(p, t, KR_CTX_Load);
    while (e && krParse_at(p, KR_TOK_DOT) && krParse_peek_at(p, 1)->kind == KR_TOK_NAME) {
        p->pos++;
        KrToken *n = krParse_advance(p);
        KrAstExpr *a = krParse_expr_node(p, KR_EXPR_Attribute, krParse_span_pos(p, KR_POS(e)));
        if (!a) return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = krParse_name(p, n);
        a->v.Attribute.ctx = KR_CTX_Load;
        e = a;
    }
    return e;
}

static KrAstPattern *match_as(KrParser *p, KrAstPattern *pat, const char *name, KrPos pos) {
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchAs, pos);
    if (r) {
        r->v.MatchAs.pattern = pat;
        r->v.MatchAs.name = name;
    }
    return r;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
static KrToken *capture_target(KrParser *p) {
    KrToken *t = krParse_peek(p);
    if (t->kind != KR_TOK_NAME || krParse_tok_is_name(t, "_")) return NULL;
    KrTokenKind n = krParse_peek_at(p, 1)->kind;
    if (n == KR_TOK_DOT || n == KR_TOK_LPAR || n == KR_TOK_EQUAL) return NULL;
    p->pos++;
    return t;
}

// ---------------------------------------------------------------------------
// Sequences, mappings, classes

// star_pattern: '*' (pattern_capture_target | wildcard_pattern)
static KrAstPattern *maybe_star_pattern(KrParser *p) {
    KrToken *star = krParse_accept(p, KR_TOK_STAR);
    if (!star) return pattern(p);
    const char *name = NULL;
    KrToken *t = capture_target(p);
    if (t) name = krParse_name(p, t);
    else if (!krParse_at_name(p, "_") || !krParse_advance(p)) return NULL;
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchStar, krParse_span_from(p, star));
    if (r) r->v.MatchStar.name = name;
    return r;
}

// ','.maybe_star_pattern+ ','? up to `close`; `first` may be already parsed.
static KrAstPatternSeq *pattern_list(KrParser *p, KrAstPattern *first, KrTokenKind close) {
    KrVec v = {0};
    if (first && krVec_push(p, &v, first) < 0) return NULL;
    if (first && !krParse_accept(p, KR_TOK_COMMA)) return krVec_seq(p, &v);
    while (!krParse_at(p, close)) {
        KrAstPattern *q = maybe_star_pattern(p);
        if (!q || krVec_push(p, &v, q) < 0) return NULL;
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    return v.n ? krVec_seq(p, &v) : NULL;
}

static KrAstPattern *sequence(KrParser *p, const KrToken *open, KrAstPatternSeq *pats) {
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchSequence, krParse_span_from(p, open));
    if (r) r->v.MatchSequence.patterns = pats;
    return r;
}

// '(' pattern ')' | '(' [open_sequence_pattern] ')'
static KrAstPattern *paren_pattern(KrParser *p) {
    KrToken *open = krParse_advance(p);
    if (krParse_accept(p, KR_TOK_RPAR)) return sequence(p, open, NULL);
    KrAstPattern *first = maybe_star_pattern(p);
    if (!first) return NULL;
    if (first->kind != KR_PAT_MatchStar && krParse_accept(p, KR_TOK_RPAR)) return first;
    if (!krParse_at(p, KR_TOK_COMMA)) return NULL;
    KrAstPatternSeq *pats = pattern_list(p, first, KR_TOK_RPAR);
    if (!pats || !krParse_accept(p, KR_TOK_RPAR)) return NULL;
    return sequence(p, open, pats);
}

// '[' [maybe_sequence_pattern] ']'
static KrAstPattern *list_pattern(KrParser *p) {
    KrToken *open = krParse_advance(p);
    KrAstPatternSeq *pats = NULL;
    if (!krParse_at(p, KR_TOK_RSQB) && !(pats = pattern_list(p, NULL, KR_TOK_RSQB))) return NULL;
    if (!krParse_accept(p, KR_TOK_RSQB)) return NULL;
    return sequence(p, open, pats);
}

// mapping_pattern: '{' [items_pattern] [double_star_pattern] ','? '}'
static KrAstPattern *mapping_pattern(KrParser *p) {
    KrToken *open = krParse_advance(p);
    KrVec keys = {0}, pats = {0};
    const char *rest = NULL;
    while (!krParse_at(p, KR_TOK_RBRACE)) {
        if (krParse_accept(p, KR_TOK_DOUBLESTAR)) {
            KrToken *t = capture_target(p);
            if (!t || !(rest = krParse_name(p, t))) return NULL;
            krParse_accept(p, KR_TOK_COMMA);
            break;
        }
        int singleton;
        KrAstExpr *key = literal_expr(p, &singleton);
        if (!key && !p->error) {
            key = name_or_attr(p);
            if (key && key->kind == KR_EXPR_Name) return NULL;   // a bare name is not a key
        }
        if (!key || !krParse_accept(p, KR_TOK_COLON)) return NULL;
        KrAstPattern *v = pattern(p);
        if (!v || krVec_push(p, &keys, key) < 0 || krVec_push(p, &pats, v) < 0) return NULL;
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    if (!krParse_accept(p, KR_TOK_RBRACE)) return NULL;
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchMapping, krParse_span_from(p, open));
    if (r) {
        r->v.MatchMapping.keys = krVec_seq(p, &keys);
        r->v.MatchMapping.patterns = krVec_seq(p, &pats);
        r->v.MatchMapping.rest = rest;
    }
    return r;
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'
static KrAstPattern *class_pattern(KrParser *p, KrAstExpr *cls) {
    p->pos++;   // '('
    KrVec pos = {0}, names = {0}, kwpats = {0};
    while (!krParse_at(p, KR_TOK_RPAR)) {
        KrToken *t = krParse_peek(p);
        if (t->kind == KR_TOK_NAME && krParse_peek_at(p, 1)->kind == KR_TOK_EQUAL) {
            p->pos += 2;
            KrAstPattern *v = pattern(p);
            if (!v || krVec_push(p, &names, (void *)krParse_name(p, t)) < 0 || krVec_push(p, &kwpats, v) < 0)
                return NULL;
        } else {
            KrAstPattern *v = pattern(p);
            if (!v) return NULL;
            if (names.n) {
                if (p->call_invalid) {
                    KrAstPattern *last = v;
                    while (krParse_accept(p, KR_TOK_COMMA) && !krParse_at(p, KR_TOK_RPAR)) {
                        if (krParse_at(p, KR_TOK_NAME) && krParse_peek_at(p, 1)->kind == KR_TOK_EQUAL) break;
                        KrAstPattern *w = pattern(p);
                        if (!w) break;
                        last = w;
                    }
                    krParse_error_range(p, KR_POS(v), KR_POS(last), "positional patterns follow keyword patterns");
                }
                return NULL;
            }
            if (krVec_push(p, &pos, v) < 0) return NULL;
        }
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    if (!krParse_accept(p, KR_TOK_RPAR)) return NULL;
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchClass, krParse_span_pos(p, KR_POS(cls)));
    if (r) {
        r->v.MatchClass.cls = cls;
        r->v.MatchClass.patterns = krVec_seq(p, &pos);
        r->v.MatchClass.kwd_attrs = krVec_seq(p, &names);
        r->v.MatchClass.kwd_patterns = krVec_seq(p, &kwpats);
    }
    return r;
}

// capture, wildcard, value and class patterns: those starting with a NAME.
static KrAstPattern *name_pattern(KrParser *p) {
    KrToken *t = krParse_peek(p);
    KrTokenKind next = krParse_peek_at(p, 1)->kind;
    if (next != KR_TOK_DOT && next != KR_TOK_LPAR && next != KR_TOK_EQUAL) {
        p->pos++;
        if (krParse_tok_is_name(t, "_")) return match_as(p, NULL, NULL, krPos_tok(t));
        return match_as(p, NULL, krParse_name(p, t), krPos_tok(t));
    }
    KrAstExpr *e = name_or_attr(p);
    if (!e) return NULL;
    if (krParse_at(p, KR_TOK_LPAR)) return class_pattern(p, e);
    KrTokenKind k = krParse_peek(p)->kind;
    if (e->kind != KR_EXPR_Attribute || k == KR_TOK_DOT || k == KR_TOK_EQUAL) return NULL;
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchValue, KR_POS(e));
    if (r) r->v.MatchValue.value = e;
    return r;
}

static KrAstPattern *closed_pattern(KrParser *p) {
    KrToken *t = krParse_peek(p);
    switch (t->kind) {
    case KR_TOK_NAME: return name_pattern(p);
    case KR_TOK_LPAR: return paren_pattern(p);
    case KR_TOK_LSQB: return list_pattern(p);
    case KR_TOK_LBRACE: return mapping_pattern(p);
    default: break;
    }
    int singleton;
    KrAstExpr *e = literal_expr(p, &singleton);
    if (!e) return NULL;
    if (e->kind == KR_EXPR_UnaryOp || (e->kind == KR_EXPR_Constant && !singleton)) {
        KrTokenKind k = krParse_peek(p)->kind;
        if (k == KR_TOK_PLUS || k == KR_TOK_MINUS) return NULL;
    }
    if (singleton) {
        KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchSingleton, KR_POS(e));
        if (r) r->v.MatchSingleton.value = e->v.Constant.value;
        return r;
    }
    KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchValue, KR_POS(e));
    if (r) r->v.MatchValue.value = e;
    return r;
}

// or_pattern: '|'.closed_pattern+
static KrAstPattern *or_pattern(KrParser *p) {
    if (!krParse_enter(p)) return NULL;
    KrAstPattern *first = closed_pattern(p);
    KrVec v = {0};
    if (first && krParse_at(p, KR_TOK_VBAR)) {
        if (krVec_push(p, &v, first) < 0) first = NULL;
        while (first && krParse_accept(p, KR_TOK_VBAR)) {
            KrAstPattern *q = closed_pattern(p);
            if (!q || krVec_push(p, &v, q) < 0) first = NULL;
        }
        if (first) {
            KrAstPattern *last = v.items[v.n - 1];
            KrAstPattern *r = krParse_pattern_node(p, KR_PAT_MatchOr, krPos_span(KR_POS(first), KR_POS(last)));
            if (r) r->v.MatchOr.patterns = krVec_seq(p, &v);
            first = r;
        }
    }
    krParse_leave(p);
    return first;
}

// pattern: or_pattern 'as' pattern_capture_target | or_pattern
static KrAstPattern *pattern(KrParser *p) {
    KrToken *start = krParse_peek(p);
    KrAstPattern *pat = or_pattern(p);
    if (!pat || !krParse_at(p, KR_TOK_AS)) return pat;
    p->pos++;
    KrToken *t = capture_target(p);
    if (!t) {
        if (p->call_invalid) {
            if (krParse_at_name(p, "_"))
                return krParse_error_node(p, krPos_tok(krParse_peek(p)), "cannot use '_' as a target");
            int mark = p->pos;
            KrAstExpr *e = krParse_at(p, KR_TOK_NAME) ? NULL : krParse_expression(p);
            if (e) return krParse_error_node(p, KR_POS(e), "invalid pattern target");
            p->pos = mark;
        }
        return NULL;
    }
    return match_as(p, pat, krParse_name(p, t), krParse_span_from(p, start));
}

// patterns: open_sequence_pattern | pattern
static KrAstPattern *patterns(KrParser *p) {
    KrToken *start = krParse_peek(p);
    KrAstPattern *first = maybe_star_pattern(p);
    if (!first) return NULL;
    if (!krParse_at(p, KR_TOK_COMMA)) {
        if (first->kind == KR_PAT_MatchStar) return NULL;
        return first;
    }
    KrAstPatternSeq *pats = pattern_list(p, first, KR_TOK_COLON);
    if (!pats) return NULL;
    return sequence(p, start, pats);
}

// ---------------------------------------------------------------------------
// The statement

// case_block: "case" patterns guard? ':' block
static KrAstMatchCase *case_block(KrParser *p) {
    KrToken *kw = krParse_peek(p);
    if (!krParse_tok_is_name(kw, "case")) return NULL;
    p->pos++;
    KrAstPattern *pat = patterns(p);
    if (!pat) return NULL;
    KrAstExpr *guard = NULL;
    if (krParse_accept(p, KR_TOK_IF) && !(guard = krParse_named_expression(p))) return NULL;
    KrAstStmtSeq *body = krParse_colon_block(p, kw, "'case' statement");
    if (!body) return NULL;
    KrAstMatchCase *c = krParse_alloc(p, sizeof *c);
    if (c) {
        c->pattern = pat;
        c->guard = guard;
        c->body = body;
    }
    return c;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
static KrAstExpr *subject_expr(KrParser *p) {
    int mark = p->pos;
    KrAstExpr *first = krParse_star_named_expression(p);
    if (first && krParse_at(p, KR_TOK_COMMA)) {
        p->pos = mark;
        return krParse_star_named_expressions_tuple(p);
    }
    p->pos = mark;
    return p->error ? NULL : krParse_named_expression(p);
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
KrAstStmt *krParse_match_stmt(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstExpr *subject = subject_expr(p);
    if (!subject) return NULL;
    if (!krParse_accept(p, KR_TOK_COLON)) {
        if (p->call_invalid && krParse_at(p, KR_TOK_NEWLINE))
            krParse_error_last(p, KR_SYNERR_SYNTAX, "expected ':'");
        return NULL;
    }
    if (!krParse_accept(p, KR_TOK_NEWLINE)) return NULL;
    if (!krParse_accept(p, KR_TOK_INDENT)) {
        if (p->call_invalid)
            krParse_error_last(p, KR_SYNERR_INDENTATION,
                               "expected an indented block after 'match' statement on line %d", kw->lineno);
        return NULL;
    }
    KrVec cases = {0};
    while (!krParse_at(p, KR_TOK_DEDENT)) {
        KrAstMatchCase *c = case_block(p);
        if (!c || krVec_push(p, &cases, c) < 0) return NULL;
    }
    if (!cases.n || !krParse_accept(p, KR_TOK_DEDENT)) return NULL;
    KrAstStmt *s = krParse_stmt_node(p, KR_STMT_Match, krParse_span_from(p, kw));
    if (s) {
        s->v.Match.subject = subject;
        s->v.Match.cases = krVec_seq(p, &cases);
    }
    return s;
}
