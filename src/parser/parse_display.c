/*
 * parse_display.c — bracketed atoms (tuples, groups, lists, dicts, sets and
 * the four comprehensions) and call arguments.
 *
 * All of them start by parsing a first element generally, then decide from
 * the token after it which construct they are in (`for` makes a
 * comprehension, `:` a dict, `,` a tuple...), which is how the grammar's
 * ordered alternatives resolve too.
 */
#include "parser/parse_expr.h"

static KrAstExpr *seq_node(KrParser *p, KrAstExprKind kind, KrPos pos, KrVec *elts) {
    KrAstExpr *e = krParse_expr_node(p, kind, pos);
    if (!e) return NULL;
    if (kind == KR_EXPR_Set) {
        e->v.Set.elts = krVec_seq(p, elts);
    } else {
        e->v.List.elts = krVec_seq(p, elts);   // List and Tuple share the layout
        e->v.List.ctx = KR_CTX_Load;
    }
    return e;
}

static int at_for(KrParser *p) {
    KrTokenKind k = krParse_peek(p)->kind;
    return k == KR_TOK_FOR || (k == KR_TOK_ASYNC && krParse_peek_at(p, 1)->kind == KR_TOK_FOR);
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
static KrAstComprehension *for_if_clause(KrParser *p) {
    int is_async = krParse_accept(p, KR_TOK_ASYNC) != NULL;
    if (!krParse_accept(p, KR_TOK_FOR)) return NULL;
    KrAstExpr *target = krParse_star_targets(p);
    if (!target || !krParse_accept(p, KR_TOK_IN)) return NULL;
    KrAstExpr *iter = krParse_disjunction(p);
    if (!iter) return NULL;
    KrVec ifs = {0};
    while (krParse_at(p, KR_TOK_IF)) {
        int mark = p->pos;
        p->pos++;
        KrAstExpr *cond = krParse_disjunction(p);
        if (!cond) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (krVec_push(p, &ifs, cond) < 0) return NULL;
    }
    KrAstComprehension *c = krParse_alloc(p, sizeof *c);
    if (!c) return NULL;
    c->target = target;
    c->iter = iter;
    c->ifs = krVec_seq(p, &ifs);
    c->is_async = is_async;
    return c;
}

KrAstComprehensionSeq *krParse_for_if_clauses(KrParser *p) {
    KrVec gens = {0};
    while (at_for(p)) {
        KrAstComprehension *c = for_if_clause(p);
        if (!c || krVec_push(p, &gens, c) < 0) return NULL;
    }
    return krVec_seq(p, &gens);
}

// A comprehension of `kind` whose element(s) are parsed and whose
// for_if_clauses start at the current token; `open` is the opening bracket.
static KrAstExpr *comprehension(KrParser *p, KrAstExprKind kind, const KrToken *open,
                                KrAstExpr *elt, KrAstExpr *value, KrTokenKind close) {
    if (p->call_invalid && elt->kind == KR_EXPR_Starred)
        return krParse_error_node(p, KR_POS(elt), "iterable unpacking cannot be used in comprehension");
    KrAstComprehensionSeq *gens = krParse_for_if_clauses(p);
    if (!gens || !krParse_accept(p, close)) return NULL;
    if (elt->kind == KR_EXPR_Starred) return NULL;
    KrAstExpr *e = krParse_expr_node(p, kind, krParse_span_from(p, open));
    if (!e) return NULL;
    if (kind == KR_EXPR_DictComp) {
        e->v.DictComp.key = elt;
        e->v.DictComp.value = value;
        e->v.DictComp.generators = gens;
    } else {
        e->v.ListComp.elt = elt;            // ListComp, SetComp, GeneratorExp share the layout
        e->v.ListComp.generators = gens;
    }
    return e;
}

// Parses the elements after `first` up to `close` (not consumed), for lists,
// tuples and sets.  Second pass: a comprehension after several elements
// means parentheses were forgotten around the target.
static int more_elements(KrParser *p, KrVec *elts, KrAstExpr *first, KrTokenKind close) {
    if (krVec_push(p, elts, first) < 0) return -1;
    while (krParse_accept(p, KR_TOK_COMMA)) {
        if (krParse_at(p, close)) break;
        if (p->call_invalid && at_for(p) && close != KR_TOK_RPAR) {
            krParse_error_range(p, KR_POS(first), krPos_tok(krParse_last(p)),
                                "did you forget parentheses around the comprehension target?");
            return -1;
        }
        KrAstExpr *e = krParse_star_named_expression(p);
        if (!e || krVec_push(p, elts, e) < 0) return -1;
    }
    if (p->call_invalid && at_for(p) && close != KR_TOK_RPAR && elts->n > 1) {
        KrAstExpr *last = elts->items[elts->n - 1];
        krParse_error_range(p, KR_POS(first), KR_POS(last),
                            "did you forget parentheses around the comprehension target?");
        return -1;
    }
    return 0;
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
static void invalid_group(KrParser *p) {
    int mark = p->pos;
    p->pos++;
    KrToken *t = krParse_peek(p);
    if (t->kind == KR_TOK_STAR) {
        KrAstExpr *a = krParse_starred_expression(p);
        if (a && krParse_at(p, KR_TOK_RPAR))
            krParse_error_node(p, KR_POS(a), "cannot use starred expression here");
    } else if (t->kind == KR_TOK_DOUBLESTAR) {
        p->pos++;
        if (krParse_expression(p) && krParse_at(p, KR_TOK_RPAR))
            krParse_error_node(p, krPos_tok(t), "cannot use double starred expression here");
    }
    if (!p->error) p->pos = mark;
}

// tuple | group | genexp
KrAstExpr *krParse_paren_atom(KrParser *p) {
    KrToken *open = krParse_advance(p);
    if (krParse_accept(p, KR_TOK_RPAR)) {
        KrVec none = {0};
        return seq_node(p, KR_EXPR_Tuple, krParse_span_from(p, open), &none);
    }
    if (krParse_at(p, KR_TOK_YIELD)) {
        KrAstExpr *y = krParse_yield_expr(p);
        if (!y || !krParse_accept(p, KR_TOK_RPAR)) return NULL;
        return y;
    }
    if (p->call_invalid) {
        p->pos--;
        invalid_group(p);
        p->pos++;
        if (p->error) return NULL;
    }
    if (!krParse_enter(p)) return NULL;
    KrAstExpr *first = krParse_star_named_expression(p), *r = NULL;
    if (first && at_for(p)) {
        r = comprehension(p, KR_EXPR_GeneratorExp, open, first, NULL, KR_TOK_RPAR);
    } else if (first && krParse_accept(p, KR_TOK_RPAR)) {
        r = first->kind == KR_EXPR_Starred ? NULL : first;
    } else if (first && krParse_at(p, KR_TOK_COMMA)) {
        KrVec elts = {0};
        if (more_elements(p, &elts, first, KR_TOK_RPAR) == 0 && krParse_accept(p, KR_TOK_RPAR))
            r = seq_node(p, KR_EXPR_Tuple, krParse_span_from(p, open), &elts);
    }
    krParse_leave(p);
    return r;
}

// list | listcomp
KrAstExpr *krParse_list_atom(KrParser *p) {
    KrToken *open = krParse_advance(p);
    KrVec elts = {0};
    if (krParse_accept(p, KR_TOK_RSQB)) return seq_node(p, KR_EXPR_List, krParse_span_from(p, open), &elts);
    if (!krParse_enter(p)) return NULL;
    KrAstExpr *first = krParse_star_named_expression(p), *r = NULL;
    if (first && at_for(p)) {
        r = comprehension(p, KR_EXPR_ListComp, open, first, NULL, KR_TOK_RSQB);
    } else if (first && more_elements(p, &elts, first, KR_TOK_RSQB) == 0 &&
               krParse_accept(p, KR_TOK_RSQB)) {
        r = seq_node(p, KR_EXPR_List, krParse_span_from(p, open), &elts);
    }
    krParse_leave(p);
    return r;
}

// The second pass's checks on a dictionary item whose key is parsed and
// which did not continue as `':' expression`.
static void invalid_kvpair(KrParser *p, KrAstExpr *key) {
    KrToken *t = krParse_peek(p);
    if (t->kind != KR_TOK_COLON) {
        krParse_error_at(p, KR_SYNERR_SYNTAX, key->lineno, key->end_col_offset - 1,
                         key->end_lineno, -2, "':' expected after dictionary key");
        return;
    }
    KrToken *n = krParse_peek_at(p, 1);
    if (n->kind == KR_TOK_STAR) {
        p->pos += 2;
        if (krParse_bitwise_or(p))
            krParse_error_node(p, krPos_tok(n), "cannot use a starred expression in a dictionary value");
        return;
    }
    if (n->kind == KR_TOK_RBRACE || n->kind == KR_TOK_COMMA)
        krParse_error_node(p, krPos_tok(t), "expression expected after dictionary key and ':'");
}

// double_starred_kvpair: '**' bitwise_or | expression ':' expression
static int kvpair(KrParser *p, KrVec *keys, KrVec *values) {
    if (krParse_accept(p, KR_TOK_DOUBLESTAR)) {
        KrAstExpr *v = krParse_bitwise_or(p);
        if (!v) return -1;
        return krVec_push(p, keys, NULL) < 0 || krVec_push(p, values, v) < 0 ? -1 : 0;
    }
    KrAstExpr *k = krParse_expression(p);
    if (!k) return -1;
    int mark = p->pos;
    KrAstExpr *v = krParse_accept(p, KR_TOK_COLON) ? krParse_expression(p) : NULL;
    if (!v) {
        if (p->call_invalid && !p->error) {
            p->pos = mark;
            invalid_kvpair(p, k);
        }
        return -1;
    }
    return krVec_push(p, keys, k) < 0 || krVec_push(p, values, v) < 0 ? -1 : 0;
}

static KrAstExpr *dict_rest(KrParser *p, const KrToken *open, KrVec *keys, KrVec *values) {
    while (krParse_accept(p, KR_TOK_COMMA)) {
        if (krParse_at(p, KR_TOK_RBRACE)) break;
        if (kvpair(p, keys, values) < 0) return NULL;
    }
    if (!krParse_accept(p, KR_TOK_RBRACE)) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Dict, krParse_span_from(p, open));
    if (e) {
        e->v.Dict.keys = krVec_seq(p, keys);
        e->v.Dict.values = krVec_seq(p, values);
    }
    return e;
}

static KrAstExpr *brace_contents(KrParser *p, const KrToken *open) {
    KrVec keys = {0}, values = {0}, elts = {0};
    if (krParse_at(p, KR_TOK_DOUBLESTAR)) {
        if (kvpair(p, &keys, &values) < 0) return NULL;
        if (p->call_invalid && at_for(p))
            return krParse_error_node(p, krPos_tok(open + 1), "dict unpacking cannot be used in dict comprehension");
        return dict_rest(p, open, &keys, &values);
    }
    int mark = p->pos;
    KrAstExpr *first = krParse_star_named_expression(p);
    if (!first) return NULL;
    if (krParse_at(p, KR_TOK_COLON) && first->kind != KR_EXPR_Starred) {
        // A dict: re-parse the key as `expression` (no walrus).
        p->pos = mark;
        KrAstExpr *key = krParse_expression(p);
        if (!key || !krParse_at(p, KR_TOK_COLON)) return NULL;
        int m2 = p->pos;
        p->pos++;
        KrAstExpr *value = krParse_expression(p);
        if (!value) {
            if (p->call_invalid && !p->error) {
                p->pos = m2;
                invalid_kvpair(p, key);
            }
            return NULL;
        }
        if (at_for(p)) return comprehension(p, KR_EXPR_DictComp, open, key, value, KR_TOK_RBRACE);
        if (krVec_push(p, &keys, key) < 0 || krVec_push(p, &values, value) < 0) return NULL;
        return dict_rest(p, open, &keys, &values);
    }
    if (at_for(p)) return comprehension(p, KR_EXPR_SetComp, open, first, NULL, KR_TOK_RBRACE);
    if (p->call_invalid && !krParse_at(p, KR_TOK_COMMA) && !krParse_at(p, KR_TOK_RBRACE) &&
        first->kind != KR_EXPR_Starred) {
        p->pos = mark;
        KrAstExpr *key = krParse_expression(p);
        if (key && !krParse_at(p, KR_TOK_COLON)) {
            invalid_kvpair(p, key);
            if (p->error) return NULL;
        }
        p->pos = mark;
        krParse_star_named_expression(p);
    }
    if (more_elements(p, &elts, first, KR_TOK_RBRACE) < 0 || !krParse_accept(p, KR_TOK_RBRACE))
        return NULL;
    return seq_node(p, KR_EXPR_Set, krParse_span_from(p, open), &elts);
}

// dict | set | dictcomp | setcomp
KrAstExpr *krParse_brace_atom(KrParser *p) {
    KrToken *open = krParse_advance(p);
    if (krParse_accept(p, KR_TOK_RBRACE)) {
        KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Dict, krParse_span_from(p, open));
        return e;
    }
    if (!krParse_enter(p)) return NULL;
    KrAstExpr *r = brace_contents(p, open);
    krParse_leave(p);
    return r;
}

// ---------------------------------------------------------------------------
// Call arguments

typedef struct {
    KrVec args, keywords;
    int seen_keyword, seen_double_star;
    KrPos first;           // position of the first argument
} ArgState;

static KrAstKeyword *new_keyword(KrParser *p, const char *arg, KrAstExpr *value, KrPos pos) {
    KrAstKeyword *k = krParse_alloc(p, sizeof *k);
    if (!k) return NULL;
    k->arg = arg;
    k->value = value;
    KR_SET_POS(k, pos);
    return k;
}

// NAME '=' expression, or `**` expression.
static int keyword_argument(KrParser *p, ArgState *st) {
    KrToken *t = krParse_advance(p);
    if (t->kind == KR_TOK_DOUBLESTAR) {
        KrAstExpr *v = krParse_expression(p);
        if (!v) return -1;
        st->seen_double_star = 1;
        KrAstKeyword *k = new_keyword(p, NULL, v, krParse_span_from(p, t));
        return k ? krVec_push(p, &st->keywords, k) : -1;
    }
    KrToken *eq = krParse_advance(p);
    KrAstExpr *v = krParse_expression(p);
    if (!v) return -1;
    if (p->call_invalid && at_for(p)) {
        krParse_error_range(p, krPos_tok(t), krPos_tok(eq),
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return -1;
    }
    st->seen_keyword = 1;
    const char *name = krParse_name(p, t);
    KrAstKeyword *k = name ? new_keyword(p, name, v, krParse_span_from(p, t)) : NULL;
    return k ? krVec_push(p, &st->keywords, k) : -1;
}

// A positional argument: expression, walrus, or a generator expression when it
// is the only argument.
static int positional_argument(KrParser *p, ArgState *st, const KrToken *open) {
    KrAstExpr *e = krParse_assignment_expression(p);
    if (!e && !p->error) {
        e = krParse_expression(p);
        if (e && krParse_at(p, KR_TOK_COLONEQUAL)) e = NULL;
    }
    if (!e) return -1;
    if (krParse_at(p, KR_TOK_EQUAL)) {
        if (p->call_invalid)
            krParse_error_range(p, KR_POS(e), krPos_tok(krParse_peek(p)),
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
        return -1;
    }
    if (at_for(p)) {
        int sole = st->args.n == 0 && st->keywords.n == 0;
        KrAstComprehensionSeq *gens = krParse_for_if_clauses(p);
        if (!gens) return -1;
        if (!sole || !krParse_at(p, KR_TOK_RPAR)) {
            if (p->call_invalid) {
                KrAstComprehension *lastc = gens->items[gens->size - 1];
                KrAstExpr *end = KR_AST_LEN(lastc->ifs) ? lastc->ifs->items[lastc->ifs->size - 1] : lastc->iter;
                krParse_error_range(p, KR_POS(e), KR_POS(end), "Generator expression must be parenthesized");
            }
            return -1;
        }
        KrAstExpr *g = krParse_expr_node(p, KR_EXPR_GeneratorExp, krParse_span_from(p, open));
        if (!g) return -1;
        // The span ends at the ')' the caller consumes.
        KrToken *close = krParse_peek(p);
        g->end_lineno = close->end_lineno;
        g->end_col_offset = close->end_col_offset;
        g->v.GeneratorExp.elt = e;
        g->v.GeneratorExp.generators = gens;
        e = g;
    }
    if (st->seen_keyword || st->seen_double_star) {
        if (p->call_invalid)
            krParse_error_last(p, KR_SYNERR_SYNTAX, st->seen_double_star
                               ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument");
        return -1;
    }
    return krVec_push(p, &st->args, e);
}

static int one_argument(KrParser *p, ArgState *st, const KrToken *open) {
    KrToken *t = krParse_peek(p);
    if (t->kind == KR_TOK_STAR) {
        KrAstExpr *e = krParse_starred_expression(p);
        if (!e) return -1;
        if (st->seen_double_star) {
            if (p->call_invalid)
                krParse_error_node(p, st->first, "iterable argument unpacking follows keyword argument unpacking");
            return -1;
        }
        return krVec_push(p, &st->args, e);
    }
    if (t->kind == KR_TOK_DOUBLESTAR) return keyword_argument(p, st);
    KrToken *n = krParse_peek_at(p, 1);
    if (n->kind == KR_TOK_EQUAL) {
        if (t->kind == KR_TOK_NAME) return keyword_argument(p, st);
        if (t->kind == KR_TOK_TRUE || t->kind == KR_TOK_FALSE || t->kind == KR_TOK_NONE) {
            if (p->call_invalid)
                krParse_error_range(p, krPos_tok(t), krPos_tok(n), "cannot assign to %s", krLex_token_text(t->kind));
            return -1;
        }
    }
    return positional_argument(p, st, open);
}

// '(' [arguments] ')' with the '(' at the current position.
static int arguments(KrParser *p, ArgState *st) {
    KrToken *open = krParse_advance(p);
    st->first = krPos_tok(krParse_peek(p));
    while (!krParse_at(p, KR_TOK_RPAR)) {
        if (one_argument(p, st, open) < 0) return -1;
        KrAstExpr *lastarg = st->args.n ? st->args.items[st->args.n - 1] : NULL;
        if (lastarg && lastarg->kind == KR_EXPR_GeneratorExp && krParse_at(p, KR_TOK_RPAR)) break;
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    return krParse_accept(p, KR_TOK_RPAR) ? 0 : -1;
}

KrAstExpr *krParse_call(KrParser *p, KrPos start, KrAstExpr *func) {
    int mark = p->pos;
    ArgState st = {0};
    if (!krParse_enter(p)) return NULL;
    int rc = arguments(p, &st);
    krParse_leave(p);
    if (rc < 0) {
        if (!p->error) p->pos = mark;
        return NULL;
    }
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Call, krParse_span_pos(p, start));
    if (!e) return NULL;
    e->v.Call.func = func;
    e->v.Call.args = krVec_seq(p, &st.args);
    e->v.Call.keywords = krVec_seq(p, &st.keywords);
    return e;
}

int krParse_call_arguments(KrParser *p, KrAstExprSeq **args, KrAstKeywordSeq **keywords) {
    ArgState st = {0};
    if (arguments(p, &st) < 0) return -1;
    *args = krVec_seq(p, &st.args);
    *keywords = krVec_seq(p, &st.keywords);
    return 0;
}
