/*
 * parse_params.c — parameter lists of `def` and `lambda`, and lambda itself.
 *
 * The grammar spells the legal orders out as alternatives (positional-only
 * before '/', defaults after non-defaults, keyword-only after '*', '**' last).
 * We read the list left to right with a little state instead, and detect an
 * illegal order at the parameter that breaks it — which is also where the
 * grammar's invalid_parameters rules put their messages.
 */
#include "parser/parse_expr.h"

typedef struct {
    KrVec posonly, args, defaults, kwonly, kw_defaults;
    KrAstArg *vararg, *kwarg;
    int seen_slash, seen_star, seen_default;
    int is_lambda;
    KrTokenKind close;
} ParamState;

// Fails the rule; in the second pass, raises `msg` at `pos` first.
static int param_error(KrParser *p, KrPos pos, const char *msg) {
    if (p->call_invalid) krParse_error_node(p, pos, "%s", msg);
    return -1;
}

// param: NAME [annotation]; `star` allows `*args: *Ts`.
static KrAstArg *param(KrParser *p, ParamState *st, int star) {
    KrToken *name = krParse_accept(p, KR_TOK_NAME);
    if (!name) return NULL;
    KrAstExpr *annotation = NULL;
    if (!st->is_lambda && krParse_accept(p, KR_TOK_COLON)) {
        if (star && krParse_at(p, KR_TOK_STAR)) {
            KrToken *s = krParse_advance(p);
            KrAstExpr *v = krParse_bitwise_or(p);
            if (!v) return NULL;
            annotation = krParse_expr_node(p, KR_EXPR_Starred, krParse_span_from(p, s));
            if (!annotation) return NULL;
            annotation->v.Starred.value = v;
            annotation->v.Starred.ctx = KR_CTX_Load;
        } else {
            annotation = krParse_expression(p);
            if (!annotation) return NULL;
        }
    }
    KrAstArg *a = krParse_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->arg = krParse_name(p, name);
    a->annotation = annotation;
    KrPos pos = krParse_span_from(p, name);
    KR_SET_POS(a, pos);
    return a;
}

static int slash(KrParser *p, ParamState *st) {
    KrToken *t = krParse_advance(p);
    if (st->seen_star) return param_error(p, krPos_tok(t), "/ must be ahead of *");
    if (st->seen_slash) return param_error(p, krPos_tok(t), "/ may appear only once");
    if (st->args.n == 0) return param_error(p, krPos_tok(t), "at least one argument must precede /");
    st->posonly = st->args;
    st->args = (KrVec){0};
    st->seen_slash = 1;
    return 0;
}

static int star(KrParser *p, ParamState *st) {
    KrToken *t = krParse_advance(p);
    if (st->seen_star) return param_error(p, krPos_tok(t), "* argument may appear only once");
    st->seen_star = 1;
    if (krParse_at(p, KR_TOK_COMMA)) {
        KrTokenKind next = krParse_peek_at(p, 1)->kind;
        if (next == st->close || next == KR_TOK_DOUBLESTAR)
            return param_error(p, krPos_tok(t), "named arguments must follow bare *");
        return 0;
    }
    if (krParse_at(p, st->close)) return param_error(p, krPos_tok(t), "named arguments must follow bare *");
    st->vararg = param(p, st, 1);
    if (!st->vararg) return -1;
    if (krParse_at(p, KR_TOK_EQUAL))
        return param_error(p, krPos_tok(krParse_peek(p)), "var-positional argument cannot have default value");
    return 0;
}

static int double_star(KrParser *p, ParamState *st) {
    krParse_advance(p);
    st->kwarg = param(p, st, 0);
    if (!st->kwarg) return -1;
    if (krParse_at(p, KR_TOK_EQUAL))
        return param_error(p, krPos_tok(krParse_peek(p)), "var-keyword argument cannot have default value");
    if (krParse_at(p, KR_TOK_COMMA)) {
        KrToken *n = krParse_peek_at(p, 1);
        if (n->kind == KR_TOK_NAME) {
            int mark = p->pos;
            p->pos++;
            KrAstArg *a = param(p, st, 0);
            p->pos = mark;
            if (a) return param_error(p, KR_POS(a), "arguments cannot follow var-keyword argument");
        } else if (n->kind == KR_TOK_STAR || n->kind == KR_TOK_DOUBLESTAR || n->kind == KR_TOK_SLASH) {
            return param_error(p, krPos_tok(n), "arguments cannot follow var-keyword argument");
        }
    }
    return 0;
}

// A plain parameter with an optional default.
static int plain(KrParser *p, ParamState *st) {
    KrAstArg *a = param(p, st, 0);
    if (!a) return -1;
    KrAstExpr *def = NULL;
    if (krParse_accept(p, KR_TOK_EQUAL)) {
        def = krParse_expression(p);
        if (!def) return -1;
    }
    if (st->seen_star) {
        if (krVec_push(p, &st->kwonly, a) < 0 || krVec_push(p, &st->kw_defaults, def) < 0) return -1;
        return 0;
    }
    if (def) {
        st->seen_default = 1;
        if (krVec_push(p, &st->defaults, def) < 0) return -1;
    } else if (st->seen_default) {
        return param_error(p, KR_POS(a), "non-default argument follows default argument");
    }
    return krVec_push(p, &st->args, a);
}

static KrAstArguments *finish(KrParser *p, ParamState *st) {
    KrAstArguments *args = krParse_alloc(p, sizeof *args);
    if (!args) return NULL;
    args->posonlyargs = krVec_seq(p, &st->posonly);
    args->args = krVec_seq(p, &st->args);
    args->vararg = st->vararg;
    args->kwonlyargs = krVec_seq(p, &st->kwonly);
    args->kwarg = st->kwarg;
    args->defaults = krVec_seq(p, &st->defaults);
    // kw_defaults may hold NULLs, which krVec_seq keeps.
    args->kw_defaults = krVec_seq(p, &st->kw_defaults);
    return args;
}

// Parameters up to (not including) `close`.  Always returns an arguments
// node on success, empty when there are no parameters.
static KrAstArguments *parameters(KrParser *p, int is_lambda, KrTokenKind close) {
    ParamState st = {0};
    st.is_lambda = is_lambda;
    st.close = close;
    while (!krParse_at(p, close)) {
        if (st.kwarg) return NULL;
        KrTokenKind k = krParse_peek(p)->kind;
        int rc;
        if (k == KR_TOK_SLASH) rc = slash(p, &st);
        else if (k == KR_TOK_STAR) rc = star(p, &st);
        else if (k == KR_TOK_DOUBLESTAR) rc = double_star(p, &st);
        else if (k == KR_TOK_NAME) rc = plain(p, &st);
        else return NULL;
        if (rc < 0) return NULL;
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    if (!krParse_at(p, close)) return NULL;
    return finish(p, &st);
}

KrAstArguments *krParse_params(KrParser *p) { return parameters(p, 0, KR_TOK_RPAR); }

KrAstArguments *krParse_lambda_params(KrParser *p) { return parameters(p, 1, KR_TOK_COLON); }

// lambdef: 'lambda' [lambda_params] ':' expression
KrAstExpr *krParse_lambdef(KrParser *p) {
    KrToken *kw = krParse_advance(p);
    KrAstArguments *args = krParse_lambda_params(p);
    if (!args || !krParse_accept(p, KR_TOK_COLON)) return NULL;
    KrAstExpr *body = krParse_expression(p);
    if (!body) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Lambda, krParse_span_from(p, kw));
    if (e) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}
