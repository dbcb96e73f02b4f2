/*
 * parse_expr.c — expressions, from `expression` down to `atom`.
 *
 * Each function is named after the rule of CPython's Grammar/python.gram it
 * implements, and binary operators use one loop per precedence level instead
 * of the grammar's left recursion.  Displays, comprehensions and call
 * arguments live in parse_display.c; lambda and def parameters in
 * parse_params.c.
 *
 * Checks guarded by `p->call_invalid` run only in the second pass and raise
 * the specific messages of the grammar's invalid_* rules.
 */
#include "parser/parse_expr.h"

#include <stdint.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Small helpers

KrAstExpr *krParse_name_expr(KrParser *p, const KrToken *t, KrAstExprContext ctx) {
    const char *id = krParse_name(p, t);
    if (!id) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Name, krPos_tok(t));
    if (!e) return NULL;
    e->v.Name.id = id;
    e->v.Name.ctx = ctx;
    return e;
}

static KrAstExpr *constant(KrParser *p, KrAstConstantKind kind, KrPos pos) {
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Constant, pos);
    if (e) e->v.Constant.value.kind = kind;
    return e;
}

// A BinOp spanning from `start` to the last consumed token (so parentheses
// around the operands are included, as CPython's positions do).
KrAstExpr *krParse_binop(KrParser *p, KrPos start, KrAstExpr *l, KrAstOperator op, KrAstExpr *r) {
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_BinOp, krParse_span_pos(p, start));
    if (!e) return NULL;
    e->v.BinOp.left = l;
    e->v.BinOp.op = op;
    e->v.BinOp.right = r;
    return e;
}

// Whether the next token can start an expression (used only by lookaheads
// of the second pass).
int krParse_starts_expression(KrParser *p) {
    switch (krParse_peek(p)->kind) {
    case KR_TOK_NAME: case KR_TOK_NUMBER: case KR_TOK_STRING: case KR_TOK_LPAR:
    case KR_TOK_LSQB: case KR_TOK_LBRACE: case KR_TOK_MINUS: case KR_TOK_PLUS:
    case KR_TOK_TILDE: case KR_TOK_ELLIPSIS: case KR_TOK_NOT: case KR_TOK_LAMBDA:
    case KR_TOK_AWAIT: case KR_TOK_TRUE: case KR_TOK_FALSE: case KR_TOK_NONE:
        return 1;
    default:
        return 0;
    }
}

// ---------------------------------------------------------------------------
// expression

static int is_legacy_name(const KrAstExpr *e) {
    return e->kind == KR_EXPR_Name && (strcmp(e->v.Name.id, "print") == 0 ||
                                       strcmp(e->v.Name.id, "exec") == 0);
}

// invalid_legacy_expression: `print x`.
static void invalid_legacy_expression(KrParser *p) {
    KrToken *t = krParse_peek(p);
    if (t->kind != KR_TOK_NAME) return;
    if (!krParse_tok_is_name(t, "print") && !krParse_tok_is_name(t, "exec")) return;
    int mark = p->pos;
    p->pos++;
    if (krParse_at(p, KR_TOK_LPAR)) { p->pos = mark; return; }
    int saved = p->call_invalid;
    p->call_invalid = 0;
    KrAstExpr *b = krParse_star_expressions(p);
    p->call_invalid = saved;
    if (b) {
        int n = (int)(t->end - t->start);
        krParse_error_range(p, krPos_tok(t), KR_POS(b),
                            "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                            n, t->start, n, t->start);
    }
    p->pos = mark;
}

// invalid_expression: two expressions in a row inside brackets ("Perhaps you
// forgot a comma?"), and a conditional expression without 'else'.
static void invalid_expression(KrParser *p) {
    KrToken *t0 = krParse_peek(p);
    if (t0->kind == KR_TOK_NAME) {
        KrToken *t1 = krParse_peek_at(p, 1);
        if (t1->kind == KR_TOK_STRING || krParse_tok_is_name(t0, "match") ||
            krParse_tok_is_name(t0, "case") || krParse_tok_is_name(t0, "_")) goto conditional;
    }
    int mark = p->pos;
    int saved = p->call_invalid;
    p->call_invalid = 0;
    KrAstExpr *a = krParse_disjunction(p);
    p->call_invalid = saved;
    if (a && !is_legacy_name(a) && krParse_last(p)->level > 0) {
        int m2 = p->pos;
        p->call_invalid = 0;
        KrAstExpr *b = krParse_expression(p);
        p->call_invalid = saved;
        if (b) {
            p->pos = mark;
            krParse_error_range(p, KR_POS(a), KR_POS(b), "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
        p->pos = m2;
    }
    p->pos = mark;
conditional:
    mark = p->pos;
    saved = p->call_invalid;
    p->call_invalid = 0;
    a = krParse_disjunction(p);
    if (a && krParse_accept(p, KR_TOK_IF)) {
        KrAstExpr *b = krParse_disjunction(p);
        if (b && !krParse_at(p, KR_TOK_ELSE) && !krParse_at(p, KR_TOK_COLON)) {
            p->call_invalid = saved;
            krParse_error_range(p, KR_POS(a), KR_POS(b), "expected 'else' after 'if' expression");
        }
    }
    p->call_invalid = saved;
    p->pos = mark;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
KrAstExpr *krParse_expression(KrParser *p) {
    if (p->call_invalid) {
        invalid_expression(p);
        invalid_legacy_expression(p);
        if (p->error) return NULL;
    }
    if (krParse_at(p, KR_TOK_LAMBDA)) return krParse_lambdef(p);
    if (!krParse_enter(p)) return NULL;
    KrToken *start = krParse_peek(p);
    KrAstExpr *body = krParse_disjunction(p);
    if (body && krParse_at(p, KR_TOK_IF)) {
        int mark = p->pos;
        p->pos++;
        KrAstExpr *test = krParse_disjunction(p);
        KrAstExpr *orelse = NULL;
        if (test && krParse_accept(p, KR_TOK_ELSE)) orelse = krParse_expression(p);
        if (!orelse) {
            p->pos = mark;
        } else {
            KrAstExpr *e = krParse_expr_node(p, KR_EXPR_IfExp, krParse_span_from(p, start));
            if (e) {
                e->v.IfExp.test = test;
                e->v.IfExp.body = body;
                e->v.IfExp.orelse = orelse;
            }
            body = e;
        }
    }
    krParse_leave(p);
    return body;
}

// expressions: expression (',' expression)* [','] -> Tuple when there is a comma
KrAstExpr *krParse_expressions(KrParser *p) {
    KrToken *start = krParse_peek(p);
    KrAstExpr *first = krParse_expression(p);
    if (!first || !krParse_at(p, KR_TOK_COMMA)) return first;
    KrVec elts = {0};
    if (krVec_push(p, &elts, first) < 0) return NULL;
    while (krParse_accept(p, KR_TOK_COMMA)) {
        int mark = p->pos;
        KrAstExpr *e = krParse_expression(p);
        if (!e) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (krVec_push(p, &elts, e) < 0) return NULL;
    }
    KrAstExpr *t = krParse_expr_node(p, KR_EXPR_Tuple, krParse_span_from(p, start));
    if (t) {
        t->v.Tuple.elts = krVec_seq(p, &elts);
        t->v.Tuple.ctx = KR_CTX_Load;
    }
    return t;
}

// star_expression: '*' bitwise_or | expression
static KrAstExpr *star_expression(KrParser *p) {
    KrToken *star = krParse_accept(p, KR_TOK_STAR);
    if (!star) return krParse_expression(p);
    KrAstExpr *v = krParse_bitwise_or(p);
    if (!v) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Starred, krParse_span_from(p, star));
    if (e) {
        e->v.Starred.value = v;
        e->v.Starred.ctx = KR_CTX_Load;
    }
    return e;
}

// A comma-separated sequence of `item`s, a Tuple when there is a comma.
// Elements after a comma are optional (a trailing comma).
static KrAstExpr *tuple_of(KrParser *p, KrAstExpr *(*item)(KrParser *)) {
    KrToken *start = krParse_peek(p);
    KrAstExpr *first = item(p);
    if (!first || !krParse_at(p, KR_TOK_COMMA)) return first;
    KrVec elts = {0};
    if (krVec_push(p, &elts, first) < 0) return NULL;
    while (krParse_accept(p, KR_TOK_COMMA)) {
        int mark = p->pos;
        KrAstExpr *e = item(p);
        if (!e) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (krVec_push(p, &elts, e) < 0) return NULL;
    }
    KrAstExpr *t = krParse_expr_node(p, KR_EXPR_Tuple, krParse_span_from(p, start));
    if (t) {
        t->v.Tuple.elts = krVec_seq(p, &elts);
        t->v.Tuple.ctx = KR_CTX_Load;
    }
    return t;
}

KrAstExpr *krParse_star_expressions(KrParser *p) { return tuple_of(p, star_expression); }

KrAstExpr *krParse_star_named_expressions_tuple(KrParser *p) {
    return tuple_of(p, krParse_star_named_expression);
}

// star_named_expression: '*' bitwise_or | named_expression
KrAstExpr *krParse_star_named_expression(KrParser *p) {
    KrToken *star = krParse_accept(p, KR_TOK_STAR);
    if (!star) return krParse_named_expression(p);
    KrAstExpr *v = krParse_bitwise_or(p);
    if (!v) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Starred, krParse_span_from(p, star));
    if (e) {
        e->v.Starred.value = v;
        e->v.Starred.ctx = KR_CTX_Load;
    }
    return e;
}

// assignment_expression: NAME ':=' ~ expression
KrAstExpr *krParse_assignment_expression(KrParser *p) {
    KrToken *name = krParse_peek(p);
    if (name->kind != KR_TOK_NAME || krParse_peek_at(p, 1)->kind != KR_TOK_COLONEQUAL) return NULL;
    p->pos += 2;
    KrAstExpr *value = krParse_expression(p);
    if (!value) return NULL;   // the cut: no other alternative is tried
    KrAstExpr *target = krParse_name_expr(p, name, KR_CTX_Store);
    if (!target) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_NamedExpr, krPos_span(KR_POS(target), KR_POS(value)));
    if (e) {
        e->v.NamedExpr.target = target;
        e->v.NamedExpr.value = value;
    }
    return e;
}

// invalid_named_expression, tried before `expression !':='` in the second pass.
static void invalid_named_expression(KrParser *p) {
    int mark = p->pos, saved = p->call_invalid;
    p->call_invalid = 0;
    KrAstExpr *a = krParse_expression(p);
    if (a && krParse_accept(p, KR_TOK_COLONEQUAL) && krParse_expression(p)) {
        p->call_invalid = saved;
        krParse_error_node(p, KR_POS(a), "cannot use assignment expressions with %s",
                           krParse_expr_name(a));
        return;
    }
    p->pos = mark;
    KrToken *t = krParse_peek(p);
    if (t->kind == KR_TOK_NAME && krParse_peek_at(p, 1)->kind == KR_TOK_EQUAL) {
        p->pos += 2;
        KrAstExpr *b = krParse_bitwise_or(p);
        if (b && !krParse_at(p, KR_TOK_EQUAL) && !krParse_at(p, KR_TOK_COLONEQUAL)) {
            p->call_invalid = saved;
            krParse_error_range(p, krPos_tok(t), KR_POS(b),
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        p->pos = mark;
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or '=' bitwise_or !('='|':=')
    int excluded = t->kind == KR_TOK_TRUE || t->kind == KR_TOK_NONE || t->kind == KR_TOK_FALSE;
    if (!excluded && (t->kind == KR_TOK_LSQB || t->kind == KR_TOK_LPAR)) {
        KrAstExpr *atom = krParse_atom(p);
        excluded = atom && (atom->kind == KR_EXPR_List || atom->kind == KR_EXPR_Tuple ||
                            atom->kind == KR_EXPR_GeneratorExp);
        p->pos = mark;
    }
    if (!excluded) {
        a = krParse_bitwise_or(p);
        if (a && krParse_accept(p, KR_TOK_EQUAL) && krParse_bitwise_or(p) &&
            !krParse_at(p, KR_TOK_EQUAL) && !krParse_at(p, KR_TOK_COLONEQUAL)) {
            p->call_invalid = saved;
            krParse_error_node(p, KR_POS(a), "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               krParse_expr_name(a));
            return;
        }
    }
    p->call_invalid = saved;
    p->pos = mark;
}

// named_expression: assignment_expression | expression !':='
KrAstExpr *krParse_named_expression(KrParser *p) {
    KrAstExpr *e = krParse_assignment_expression(p);
    if (e || p->error) return e;
    if (p->call_invalid) {
        invalid_named_expression(p);
        if (p->error) return NULL;
    }
    int mark = p->pos;
    e = krParse_expression(p);
    if (e && krParse_at(p, KR_TOK_COLONEQUAL)) {
        p->pos = mark;
        return NULL;
    }
    return e;
}

// ---------------------------------------------------------------------------
// Boolean operators and comparisons

static KrAstExpr *boolop(KrParser *p, KrTokenKind kw, KrAstBoolop op, KrAstExpr *(*operand)(KrParser *)) {
    KrToken *start = krParse_peek(p);
    KrAstExpr *first = operand(p);
    if (!first || !krParse_at(p, kw)) return first;
    KrVec values = {0};
    if (krVec_push(p, &values, first) < 0) return NULL;
    KrAstExpr *last = first;
    while (krParse_at(p, kw)) {
        int mark = p->pos;
        p->pos++;
        KrAstExpr *e = operand(p);
        if (!e) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (krVec_push(p, &values, e) < 0) return NULL;
        last = e;
    }
    if (values.n == 1) return first;
    (void)last;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_BoolOp, krParse_span_from(p, start));
    if (e) {
        e->v.BoolOp.op = op;
        e->v.BoolOp.values = krVec_seq(p, &values);
    }
    return e;
}

static KrAstExpr *comparison(KrParser *p);

// inversion: 'not' inversion | comparison
static KrAstExpr *inversion(KrParser *p) {
    KrToken *t = krParse_peek(p);
    if (t->kind != KR_TOK_NOT) return comparison(p);
    if (!krParse_enter(p)) return NULL;
    p->pos++;
    KrAstExpr *operand = inversion(p);
    krParse_leave(p);
    if (!operand) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_UnaryOp, krParse_span_from(p, t));
    if (e) {
        e->v.UnaryOp.op = KR_UNARY_Not;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

static KrAstExpr *conjunction(KrParser *p) { return boolop(p, KR_TOK_AND, KR_BOOL_And, inversion); }

KrAstExpr *krParse_disjunction(KrParser *p) { return boolop(p, KR_TOK_OR, KR_BOOL_Or, conjunction); }

// The comparison operator at the current position (consuming it), or 0.
static int compare_op(KrParser *p) {
    KrToken *t = krParse_peek(p);
    switch (t->kind) {
    case KR_TOK_EQEQUAL: p->pos++; return KR_CMP_Eq;
    case KR_TOK_NOTEQUAL:
        // '<>' is only allowed under `from __future__ import barry_as_FLUFL`.
        if (t->start[0] == '<') return 0;
        p->pos++;
        return KR_CMP_NotEq;
    case KR_TOK_LESS: p->pos++; return KR_CMP_Lt;
    case KR_TOK_LESSEQUAL: p->pos++; return KR_CMP_LtE;
    case KR_TOK_GREATER: p->pos++; return KR_CMP_Gt;
    case KR_TOK_GREATEREQUAL: p->pos++; return KR_CMP_GtE;
    case KR_TOK_IN: p->pos++; return KR_CMP_In;
    case KR_TOK_NOT:
        if (krParse_peek_at(p, 1)->kind != KR_TOK_IN) return 0;
        p->pos += 2;
        return KR_CMP_NotIn;
    case KR_TOK_IS:
        p->pos++;
        if (krParse_accept(p, KR_TOK_NOT)) return KR_CMP_IsNot;
        return KR_CMP_Is;
    default:
        return 0;
    }
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
static KrAstExpr *comparison(KrParser *p) {
    KrToken *start = krParse_peek(p);
    KrAstExpr *left = krParse_bitwise_or(p);
    if (!left) return NULL;
    KrVec ops = {0}, comparators = {0};
    for (;;) {
        int mark = p->pos;
        int op = compare_op(p);
        if (!op) break;
        KrAstExpr *right = krParse_bitwise_or(p);
        if (!right) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (krVec_push(p, &ops, (void *)(intptr_t)op) < 0 || krVec_push(p, &comparators, right) < 0)
            return NULL;
    }
    if (ops.n == 0) return left;
    KrAstIntSeq *opseq = krParse_alloc(p, sizeof(KrAstIntSeq) + (size_t)ops.n * sizeof(int));
    if (!opseq) return NULL;
    opseq->size = ops.n;
    for (int i = 0; i < ops.n; i++) opseq->items[i] = (int)(intptr_t)ops.items[i];
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Compare, krParse_span_from(p, start));
    if (e) {
        e->v.Compare.left = left;
        e->v.Compare.ops = opseq;
        e->v.Compare.comparators = krVec_seq(p, &comparators);
    }
    return e;
}

// ---------------------------------------------------------------------------
// Arithmetic

typedef struct { KrTokenKind tok; KrAstOperator op; } OpMap;

// One left-associative precedence level: operand (op operand)*.
static KrAstExpr *binary_level(KrParser *p, const OpMap *ops, int nops,
                               KrAstExpr *(*operand)(KrParser *)) {
    KrPos start = krPos_tok(krParse_peek(p));
    KrAstExpr *left = operand(p);
    while (left) {
        KrTokenKind k = krParse_peek(p)->kind;
        int i;
        for (i = 0; i < nops && ops[i].tok != k; i++) {}
        if (i == nops) break;
        int mark = p->pos;
        p->pos++;
        KrAstExpr *right = operand(p);
        if (!right) {
            if (!p->error) p->pos = mark;
            break;
        }
        left = krParse_binop(p, start, left, ops[i].op, right);
    }
    return p->error ? NULL : left;
}

static KrAstExpr *factor(KrParser *p);

static KrAstExpr *term(KrParser *p) {
    static const OpMap ops[] = {
        {KR_TOK_STAR, KR_BINOP_Mult}, {KR_TOK_SLASH, KR_BINOP_Div},
        {KR_TOK_DOUBLESLASH, KR_BINOP_FloorDiv}, {KR_TOK_PERCENT, KR_BINOP_Mod},
        {KR_TOK_AT, KR_BINOP_MatMult},
    };
    return binary_level(p, ops, 5, factor);
}

static KrAstExpr *sum(KrParser *p) {
    static const OpMap ops[] = {{KR_TOK_PLUS, KR_BINOP_Add}, {KR_TOK_MINUS, KR_BINOP_Sub}};
    return binary_level(p, ops, 2, term);
}

static KrAstExpr *shift_expr(KrParser *p) {
    static const OpMap ops[] = {{KR_TOK_LEFTSHIFT, KR_BINOP_LShift}, {KR_TOK_RIGHTSHIFT, KR_BINOP_RShift}};
    return binary_level(p, ops, 2, sum);
}

static KrAstExpr *bitwise_and(KrParser *p) {
    static const OpMap ops[] = {{KR_TOK_AMPER, KR_BINOP_BitAnd}};
    return binary_level(p, ops, 1, shift_expr);
}

static KrAstExpr *bitwise_xor(KrParser *p) {
    static const OpMap ops[] = {{KR_TOK_CIRCUMFLEX, KR_BINOP_BitXor}};
    return binary_level(p, ops, 1, bitwise_and);
}

KrAstExpr *krParse_bitwise_or(KrParser *p) {
    static const OpMap ops[] = {{KR_TOK_VBAR, KR_BINOP_BitOr}};
    if (!krParse_enter(p)) return NULL;
    KrAstExpr *e = binary_level(p, ops, 1, bitwise_xor);
    krParse_leave(p);
    return e;
}

static KrAstExpr *power(KrParser *p);

// factor: '+' factor | '-' factor | '~' factor | power
static KrAstExpr *factor(KrParser *p) {
    KrToken *t = krParse_peek(p);
    KrAstUnaryop op;
    switch (t->kind) {
    case KR_TOK_PLUS: op = KR_UNARY_UAdd; break;
    case KR_TOK_MINUS: op = KR_UNARY_USub; break;
    case KR_TOK_TILDE: op = KR_UNARY_Invert; break;
    default: return power(p);
    }
    if (!krParse_enter(p)) return NULL;
    p->pos++;
    KrAstExpr *operand = factor(p);
    krParse_leave(p);
    if (!operand) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_UnaryOp, krParse_span_from(p, t));
    if (e) {
        e->v.UnaryOp.op = op;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

// await_primary: AWAIT primary | primary
static KrAstExpr *await_primary(KrParser *p) {
    KrToken *t = krParse_accept(p, KR_TOK_AWAIT);
    if (!t) return krParse_primary(p);
    KrAstExpr *v = krParse_primary(p);
    if (!v) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Await, krParse_span_from(p, t));
    if (e) e->v.Await.value = v;
    return e;
}

// power: await_primary '**' factor | await_primary
static KrAstExpr *power(KrParser *p) {
    KrPos start = krPos_tok(krParse_peek(p));
    KrAstExpr *left = await_primary(p);
    if (!left || !krParse_at(p, KR_TOK_DOUBLESTAR)) return left;
    int mark = p->pos;
    p->pos++;
    KrAstExpr *right = factor(p);
    if (!right) {
        if (p->error) return NULL;
        p->pos = mark;
        return left;
    }
    return krParse_binop(p, start, left, KR_BINOP_Pow, right);
}

// ---------------------------------------------------------------------------
// Primaries

static KrAstExpr *attribute(KrParser *p, KrPos start, KrAstExpr *value) {
    KrToken *name = krParse_peek_at(p, 1);
    if (name->kind != KR_TOK_NAME) return NULL;
    p->pos += 2;
    const char *attr = krParse_name(p, name);
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Attribute, krParse_span_pos(p, start));
    if (!e || !attr) return NULL;
    e->v.Attribute.value = value;
    e->v.Attribute.attr = attr;
    e->v.Attribute.ctx = KR_CTX_Load;
    return e;
}

static KrAstExpr *subscript(KrParser *p, KrPos start, KrAstExpr *value) {
    int mark = p->pos;
    p->pos++;
    KrAstExpr *slice = krParse_slices(p);
    if (!slice || !krParse_accept(p, KR_TOK_RSQB)) {
        if (!p->error) p->pos = mark;
        return NULL;
    }
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Subscript, krParse_span_pos(p, start));
    if (!e) return NULL;
    e->v.Subscript.value = value;
    e->v.Subscript.slice = slice;
    e->v.Subscript.ctx = KR_CTX_Load;
    return e;
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
KrAstExpr *krParse_primary(KrParser *p) {
    KrPos start = krPos_tok(krParse_peek(p));
    KrAstExpr *e = krParse_atom(p);
    while (e) {
        KrTokenKind k = krParse_peek(p)->kind;
        KrAstExpr *next;
        if (k == KR_TOK_DOT) next = attribute(p, start, e);
        else if (k == KR_TOK_LPAR) next = krParse_call(p, start, e);
        else if (k == KR_TOK_LSQB) next = subscript(p, start, e);
        else break;
        if (!next) return p->error ? NULL : e;
        e = next;
    }
    return e;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
static KrAstExpr *slice(KrParser *p) {
    KrToken *start = krParse_peek(p);
    int mark = p->pos;
    KrAstExpr *lower = NULL;
    if (!krParse_at(p, KR_TOK_COLON)) {
        lower = krParse_expression(p);
        if (!krParse_at(p, KR_TOK_COLON)) {
            p->pos = mark;
            return p->error ? NULL : krParse_named_expression(p);
        }
    }
    p->pos++;   // ':'
    KrAstExpr *upper = NULL, *step = NULL;
    KrTokenKind k = krParse_peek(p)->kind;
    if (k != KR_TOK_COLON && k != KR_TOK_COMMA && k != KR_TOK_RSQB) {
        upper = krParse_expression(p);
        if (!upper && p->error) return NULL;
    }
    if (krParse_accept(p, KR_TOK_COLON)) {
        k = krParse_peek(p)->kind;
        if (k != KR_TOK_COMMA && k != KR_TOK_RSQB) {
            step = krParse_expression(p);
            if (!step && p->error) return NULL;
        }
    }
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Slice, krParse_span_from(p, start));
    if (e) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

// starred_expression: '*' expression
KrAstExpr *krParse_starred_expression(KrParser *p) {
    KrToken *star = krParse_accept(p, KR_TOK_STAR);
    if (!star) return NULL;
    KrAstExpr *v = krParse_expression(p);
    if (!v) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Starred, krParse_span_from(p, star));
    if (e) {
        e->v.Starred.value = v;
        e->v.Starred.ctx = KR_CTX_Load;
    }
    return e;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [','] -> Tuple
KrAstExpr *krParse_slices(KrParser *p) {
    KrToken *start = krParse_peek(p);
    KrAstExpr *first = start->kind == KR_TOK_STAR ? krParse_starred_expression(p) : slice(p);
    if (!first) return NULL;
    if (!krParse_at(p, KR_TOK_COMMA) && first->kind != KR_EXPR_Starred) return first;
    KrVec elts = {0};
    if (krVec_push(p, &elts, first) < 0) return NULL;
    while (krParse_accept(p, KR_TOK_COMMA)) {
        if (krParse_at(p, KR_TOK_RSQB)) break;
        KrAstExpr *e = krParse_at(p, KR_TOK_STAR) ? krParse_starred_expression(p) : slice(p);
        if (!e || krVec_push(p, &elts, e) < 0) return NULL;
    }
    KrAstExpr *t = krParse_expr_node(p, KR_EXPR_Tuple, krParse_span_from(p, start));
    if (t) {
        t->v.Tuple.elts = krVec_seq(p, &elts);
        t->v.Tuple.ctx = KR_CTX_Load;
    }
    return t;
}

// ---------------------------------------------------------------------------
// Atoms

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
//     | (tuple | group | genexp) | (list | listcomp)
//     | (dict | set | dictcomp | setcomp) | '...'
KrAstExpr *krParse_atom(KrParser *p) {
    KrToken *t = krParse_peek(p);
    switch (t->kind) {
    case KR_TOK_NAME:
        p->pos++;
        return krParse_name_expr(p, t, KR_CTX_Load);
    case KR_TOK_TRUE: p->pos++; return constant(p, KR_CONST_TRUE, krPos_tok(t));
    case KR_TOK_FALSE: p->pos++; return constant(p, KR_CONST_FALSE, krPos_tok(t));
    case KR_TOK_NONE: p->pos++; return constant(p, KR_CONST_NONE, krPos_tok(t));
    case KR_TOK_ELLIPSIS: p->pos++; return constant(p, KR_CONST_ELLIPSIS, krPos_tok(t));
    case KR_TOK_STRING: return krParse_strings(p);
    case KR_TOK_NUMBER: p->pos++; return krParse_number(p, t);
    case KR_TOK_LPAR: return krParse_paren_atom(p);
    case KR_TOK_LSQB: return krParse_list_atom(p);
    case KR_TOK_LBRACE: return krParse_brace_atom(p);
    default: return NULL;
    }
}

// NUMBER -> Constant.  The value is kept as text (see KrAstConstant).
KrAstExpr *krParse_number(KrParser *p, const KrToken *t) {
    size_t len = (size_t)(t->end - t->start);
    char *buf = krArena_alloc(p->arena, len + 1);
    if (!buf) return krParse_nomem(p);
    size_t n = 0;
    int is_float = 0, is_imag = 0, radix = 0;
    if (len > 1 && t->start[0] == '0' && strchr("xXoObB", t->start[1])) radix = 1;
    for (size_t i = 0; i < len; i++) {
        char c = t->start[i];
        if (c == '_') continue;
        if (!radix && (c == '.' || c == 'e' || c == 'E')) is_float = 1;
        if (!radix && (c == 'j' || c == 'J')) { is_imag = 1; continue; }
        buf[n++] = c;
    }
    buf[n] = '\0';
    KrAstExpr *e = constant(p, is_imag ? KR_CONST_IMAG : is_float ? KR_CONST_FLOAT : KR_CONST_INT,
                            krPos_tok(t));
    if (e) {
        e->v.Constant.value.data = buf;
        e->v.Constant.value.len = n;
    }
    return e;
}

// ---------------------------------------------------------------------------
// Targets for 'for', comprehensions and 'with ... as'

// star_target: '*' (!'*' star_target) | target_with_star_atom
// The target is parsed as an expression (bitwise_or stops before 'in') and
// then checked; see targets.c.
KrAstExpr *krParse_star_target(KrParser *p) {
    KrToken *star = krParse_peek(p);
    if (star->kind == KR_TOK_STAR) {
        if (krParse_peek_at(p, 1)->kind == KR_TOK_STAR) return NULL;
        p->pos++;
        if (!krParse_enter(p)) return NULL;
        KrAstExpr *v = krParse_star_target(p);
        krParse_leave(p);
        if (!v) return NULL;
        KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Starred, krParse_span_from(p, star));
        if (e) {
            e->v.Starred.value = v;
            e->v.Starred.ctx = KR_CTX_Store;
        }
        return e;
    }
    return krParse_bitwise_or(p);
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
// Returns the target with Store context, or NULL (second pass: raises the
// "cannot assign to" error).
KrAstExpr *krParse_star_targets(KrParser *p) {
    KrAstExpr *t = tuple_of(p, krParse_star_target);
    if (!t) return NULL;
    KrAstExpr *bad = krParse_invalid_target(t, KR_TARGETS_STAR);
    if (bad) {
        if (p->call_invalid) krParse_raise_invalid_target(p, KR_TARGETS_FOR, t);
        return NULL;
    }
    krParse_set_context(t, KR_CTX_Store);
    return t;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
KrAstExpr *krParse_yield_expr(KrParser *p) {
    KrToken *y = krParse_accept(p, KR_TOK_YIELD);
    if (!y) return NULL;
    if (krParse_accept(p, KR_TOK_FROM)) {
        KrAstExpr *v = krParse_expression(p);
        if (!v) return NULL;
        KrAstExpr *e = krParse_expr_node(p, KR_EXPR_YieldFrom, krParse_span_from(p, y));
        if (e) e->v.YieldFrom.value = v;
        return e;
    }
    int mark = p->pos;
    KrAstExpr *v = krParse_star_expressions(p);
    if (!v) {
        if (p->error) return NULL;
        p->pos = mark;
    }
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Yield, krParse_span_from(p, y));
    if (e) e->v.Yield.value = v;
    return e;
}
