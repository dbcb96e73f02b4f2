/*
 * unparse.c — expressions back to source text, for annotations under
 * `from __future__ import annotations` (PEP 563), with the spelling of
 * CPython 3.11's ast_unparse.c: minimal parentheses from operator precedence,
 * ", " separators, repr() for constants (infinities as 1e309), f-strings
 * rebuilt and re-quoted.
 */
#include <math.h>
#include <string.h>

#include "compiler/compiler.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT,
    PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM,
};

typedef struct {
    KrCompiler *c;
    KrStrBuilder *sb;
    int depth;
} Unparser;

static int expr(Unparser *u, KrAstExpr *e, int level);

static int str(Unparser *u, const char *s) { return krSB_append_cstr(u->c->ts, u->sb, s); }
static int str_if(Unparser *u, bool cond, const char *s) { return cond ? str(u, s) : 0; }

#define CHECK(x) do { if ((x) < 0) return -1; } while (0)

// repr(obj), with "inf" spelled 1e309 for floats and complex numbers.
static int append_repr(Unparser *u, KrObject *obj) {
    KrThreadState *ts = u->c->ts;
    KrObject *repr = krObj_repr(ts, obj);
    if (!repr) return -1;
    int r;
    if ((krFloat_check_exact(obj) && isinf(krFloat_value(obj))) || krComplex_check(obj)) {
        const char *s = krStr_utf8(repr);
        r = 0;
        for (const char *p = s; *p && r == 0;) {
            if (strncmp(p, "inf", 3) == 0) {
                r = krSB_append_cstr(ts, u->sb, "1e309");
                p += 3;
            } else {
                r = krSB_append(ts, u->sb, p, 1);
                p++;
            }
        }
    } else {
        r = krSB_append_str(ts, u->sb, repr);
    }
    kr_decref(repr);
    return r;
}

static int append_constant_obj(Unparser *u, KrObject *v) {
    if (krTuple_check_exact(v)) {
        CHECK(str(u, "("));
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(v); i++) {
            CHECK(str_if(u, i > 0, ", "));
            CHECK(append_constant_obj(u, KR_TUPLE_GET(v, i)));
        }
        CHECK(str_if(u, KR_TUPLE_SIZE(v) == 1, ","));
        return str(u, ")");
    }
    return append_repr(u, v);
}

static int constant(Unparser *u, KrAstExpr *e) {
    KrObject *v = krConst_of(u->c, e);
    if (!v) return -1;
    if (v == KR_ELLIPSIS) return str(u, "...");
    if (e->v.Constant.kind) CHECK(str(u, e->v.Constant.kind));
    return append_constant_obj(u, v);
}

static int boolop(Unparser *u, KrAstExpr *e, int level) {
    bool and_ = e->v.BoolOp.op == KR_BOOL_And;
    int pr = and_ ? PR_AND : PR_OR;
    CHECK(str_if(u, level > pr, "("));
    for (int i = 0; i < KR_AST_LEN(e->v.BoolOp.values); i++) {
        CHECK(str_if(u, i > 0, and_ ? " and " : " or "));
        CHECK(expr(u, e->v.BoolOp.values->items[i], pr + 1));
    }
    return str_if(u, level > pr, ")");
}

static int binop(Unparser *u, KrAstExpr *e, int level) {
    const char *op;
    int pr;
    bool rassoc = false;
    switch (e->v.BinOp.op) {
    case KR_BINOP_Add: op = " + "; pr = PR_ARITH; break;
    case KR_BINOP_Sub: op = " - "; pr = PR_ARITH; break;
    case KR_BINOP_Mult: op = " * "; pr = PR_TERM; break;
    case KR_BINOP_MatMult: op = " @ "; pr = PR_TERM; break;
    case KR_BINOP_Div: op = " / "; pr = PR_TERM; break;
    case KR_BINOP_Mod: op = " % "; pr = PR_TERM; break;
    case KR_BINOP_LShift: op = " << "; pr = PR_SHIFT; break;
    case KR_BINOP_RShift: op = " >> "; pr = PR_SHIFT; break;
    case KR_BINOP_BitOr: op = " | "; pr = PR_BOR; break;
    case KR_BINOP_BitXor: op = " ^ "; pr = PR_BXOR; break;
    case KR_BINOP_BitAnd: op = " & "; pr = PR_BAND; break;
    case KR_BINOP_FloorDiv: op = " // "; pr = PR_TERM; break;
    default: op = " ** "; pr = PR_POWER; rassoc = true; break;
    }
    CHECK(str_if(u, level > pr, "("));
    CHECK(expr(u, e->v.BinOp.left, pr + rassoc));
    CHECK(str(u, op));
    CHECK(expr(u, e->v.BinOp.right, pr + !rassoc));
    return str_if(u, level > pr, ")");
}

static int unaryop(Unparser *u, KrAstExpr *e, int level) {
    const char *op;
    int pr = PR_FACTOR;
    switch (e->v.UnaryOp.op) {
    case KR_UNARY_Invert: op = "~"; break;
    case KR_UNARY_Not: op = "not "; pr = PR_NOT; break;
    case KR_UNARY_UAdd: op = "+"; break;
    default: op = "-"; break;
    }
    CHECK(str_if(u, level > pr, "("));
    CHECK(str(u, op));
    CHECK(expr(u, e->v.UnaryOp.operand, pr));
    return str_if(u, level > pr, ")");
}

static int arg(Unparser *u, KrAstArg *a) {
    CHECK(str(u, a->arg));
    if (a->annotation) {
        CHECK(str(u, ": "));
        CHECK(expr(u, a->annotation, PR_TEST));
    }
    return 0;
}

static int args(Unparser *u, KrAstArguments *a) {
    bool first = true;
    int nposonly = KR_AST_LEN(a->posonlyargs), nargs = KR_AST_LEN(a->args), ndefaults = KR_AST_LEN(a->defaults);
    for (int i = 0; i < nposonly + nargs; i++) {
        CHECK(str_if(u, !first, ", "));
        first = false;
        CHECK(arg(u, i < nposonly ? a->posonlyargs->items[i] : a->args->items[i - nposonly]));
        int di = i - nposonly - nargs + ndefaults;
        if (di >= 0) {
            CHECK(str(u, "="));
            CHECK(expr(u, a->defaults->items[di], PR_TEST));
        }
        if (nposonly && i + 1 == nposonly) CHECK(str(u, ", /"));
    }
    if (a->vararg || KR_AST_LEN(a->kwonlyargs)) {
        CHECK(str_if(u, !first, ", "));
        first = false;
        CHECK(str(u, "*"));
        if (a->vararg) CHECK(arg(u, a->vararg));
    }
    int nkw = KR_AST_LEN(a->kwonlyargs), nkwdefaults = KR_AST_LEN(a->kw_defaults);
    for (int i = 0; i < nkw; i++) {
        CHECK(str_if(u, !first, ", "));
        first = false;
        CHECK(arg(u, a->kwonlyargs->items[i]));
        int di = i - nkw + nkwdefaults;
        if (di >= 0 && a->kw_defaults->items[di]) {
            CHECK(str(u, "="));
            CHECK(expr(u, a->kw_defaults->items[di], PR_TEST));
        }
    }
    if (a->kwarg) {
        CHECK(str_if(u, !first, ", "));
        CHECK(str(u, "**"));
        CHECK(arg(u, a->kwarg));
    }
    return 0;
}

static int comprehensions(Unparser *u, KrAstComprehensionSeq *gens) {
    for (int i = 0; i < KR_AST_LEN(gens); i++) {
        KrAstComprehension *g = gens->items[i];
        CHECK(str(u, g->is_async ? " async for " : " for "));
        CHECK(expr(u, g->target, PR_TUPLE));
        CHECK(str(u, " in "));
        CHECK(expr(u, g->iter, PR_TEST + 1));
        for (int j = 0; j < KR_AST_LEN(g->ifs); j++) {
            CHECK(str(u, " if "));
            CHECK(expr(u, g->ifs->items[j], PR_TEST + 1));
        }
    }
    return 0;
}

static int seq(Unparser *u, KrAstExprSeq *elts, const char *open, const char *close) {
    CHECK(str(u, open));
    for (int i = 0; i < KR_AST_LEN(elts); i++) {
        CHECK(str_if(u, i > 0, ", "));
        CHECK(expr(u, elts->items[i], PR_TEST));
    }
    return str(u, close);
}

static int genexp(Unparser *u, KrAstExpr *e) {
    CHECK(str(u, "("));
    CHECK(expr(u, e->v.GeneratorExp.elt, PR_TEST));
    CHECK(comprehensions(u, e->v.GeneratorExp.generators));
    return str(u, ")");
}

static int call(Unparser *u, KrAstExpr *e) {
    CHECK(expr(u, e->v.Call.func, PR_ATOM));
    int nargs = KR_AST_LEN(e->v.Call.args), nkw = KR_AST_LEN(e->v.Call.keywords);
    if (nargs == 1 && nkw == 0 && e->v.Call.args->items[0]->kind == KR_EXPR_GeneratorExp)
        return genexp(u, e->v.Call.args->items[0]);
    CHECK(str(u, "("));
    bool first = true;
    for (int i = 0; i < nargs; i++) {
        CHECK(str_if(u, !first, ", "));
        first = false;
        CHECK(expr(u, e->v.Call.args->items[i], PR_TEST));
    }
    for (int i = 0; i < nkw; i++) {
        KrAstKeyword *kw = e->v.Call.keywords->items[i];
        CHECK(str_if(u, !first, ", "));
        first = false;
        if (kw->arg) {
            CHECK(str(u, kw->arg));
            CHECK(str(u, "="));
        } else {
            CHECK(str(u, "**"));
        }
        CHECK(expr(u, kw->value, PR_TEST));
    }
    return str(u, ")");
}

static int compare(Unparser *u, KrAstExpr *e, int level) {
    static const char *const ops[] = {
        [KR_CMP_Eq] = " == ", [KR_CMP_NotEq] = " != ", [KR_CMP_Lt] = " < ", [KR_CMP_LtE] = " <= ",
        [KR_CMP_Gt] = " > ", [KR_CMP_GtE] = " >= ", [KR_CMP_Is] = " is ", [KR_CMP_IsNot] = " is not ",
        [KR_CMP_In] = " in ", [KR_CMP_NotIn] = " not in ",
    };
    CHECK(str_if(u, level > PR_CMP, "("));
    CHECK(expr(u, e->v.Compare.left, PR_CMP + 1));
    for (int i = 0; i < KR_AST_LEN(e->v.Compare.comparators); i++) {
        CHECK(str(u, ops[e->v.Compare.ops->items[i]]));
        CHECK(expr(u, e->v.Compare.comparators->items[i], PR_CMP + 1));
    }
    return str_if(u, level > PR_CMP, ")");
}

// --- f-strings ---

static int fstring_element(Unparser *u, KrAstExpr *e, bool is_format_spec);

static int formatted_value(Unparser *u, KrAstExpr *e) {
    KrThreadState *ts = u->c->ts;
    KrStrBuilder inner, *saved = u->sb;
    krSB_init(&inner);
    u->sb = &inner;
    // Parenthesise a lambda: its ':' would end the field.
    int r = expr(u, e->v.FormattedValue.value, PR_TEST + 1);
    u->sb = saved;
    KrObject *text = r < 0 ? NULL : krSB_finish(ts, &inner);
    if (!text) {
        krSB_discard(&inner);
        return -1;
    }
    // A field starting with a brace is separated from the outer one.
    r = str(u, krStr_utf8(text)[0] == '{' ? "{ " : "{");
    if (r == 0) r = krSB_append_str(ts, u->sb, text);
    kr_decref(text);
    CHECK(r);
    switch (e->v.FormattedValue.conversion) {
    case 'a': CHECK(str(u, "!a")); break;
    case 'r': CHECK(str(u, "!r")); break;
    case 's': CHECK(str(u, "!s")); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        CHECK(str(u, ":"));
        CHECK(fstring_element(u, e->v.FormattedValue.format_spec, true));
    }
    return str(u, "}");
}

static int joinedstr(Unparser *u, KrAstExpr *e, bool is_format_spec) {
    KrThreadState *ts = u->c->ts;
    KrStrBuilder body, *saved = u->sb;
    krSB_init(&body);
    u->sb = &body;
    int r = 0;
    for (int i = 0; i < KR_AST_LEN(e->v.JoinedStr.values) && r == 0; i++)
        r = fstring_element(u, e->v.JoinedStr.values->items[i], is_format_spec);
    u->sb = saved;
    KrObject *text = r < 0 ? NULL : krSB_finish(ts, &body);
    if (!text) {
        krSB_discard(&body);
        return -1;
    }
    if (is_format_spec) {
        r = krSB_append_str(ts, u->sb, text);
    } else {
        r = str(u, "f");
        if (r == 0) r = append_repr(u, text);
    }
    kr_decref(text);
    return r;
}

static int fstring_element(Unparser *u, KrAstExpr *e, bool is_format_spec) {
    switch (e->kind) {
    case KR_EXPR_Constant: {
        KrObject *v = krConst_of(u->c, e);
        if (!v) return -1;
        if (!krStr_check(v)) return append_repr(u, v);
        // Braces are doubled inside an f-string.
        const char *s = krStr_utf8(v);
        for (KrSsize i = 0; i < krStr_size(v); i++) {
            char ch = s[i];
            CHECK(krSB_append(u->c->ts, u->sb, &s[i], 1));
            if (ch == '{' || ch == '}') CHECK(krSB_append(u->c->ts, u->sb, &s[i], 1));
        }
        return 0;
    }
    case KR_EXPR_JoinedStr: return joinedstr(u, e, is_format_spec);
    case KR_EXPR_FormattedValue: return formatted_value(u, e);
    default:
        krErr_set_string(u->c->ts, &KrExc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
}

static int expr_body(Unparser *u, KrAstExpr *e, int level) {
    switch (e->kind) {
    case KR_EXPR_BoolOp: return boolop(u, e, level);
    case KR_EXPR_BinOp: return binop(u, e, level);
    case KR_EXPR_UnaryOp: return unaryop(u, e, level);
    case KR_EXPR_Lambda: {
        KrAstArguments *a = e->v.Lambda.args;
        CHECK(str_if(u, level > PR_TEST, "("));
        CHECK(str(u, KR_AST_LEN(a->args) + KR_AST_LEN(a->posonlyargs) ? "lambda " : "lambda"));
        CHECK(args(u, a));
        CHECK(str(u, ": "));
        CHECK(expr(u, e->v.Lambda.body, PR_TEST));
        return str_if(u, level > PR_TEST, ")");
    }
    case KR_EXPR_IfExp:
        CHECK(str_if(u, level > PR_TEST, "("));
        CHECK(expr(u, e->v.IfExp.body, PR_TEST + 1));
        CHECK(str(u, " if "));
        CHECK(expr(u, e->v.IfExp.test, PR_TEST + 1));
        CHECK(str(u, " else "));
        CHECK(expr(u, e->v.IfExp.orelse, PR_TEST));
        return str_if(u, level > PR_TEST, ")");
    case KR_EXPR_Dict:
        CHECK(str(u, "{"));
        for (int i = 0; i < KR_AST_LEN(e->v.Dict.values); i++) {
            CHECK(str_if(u, i > 0, ", "));
            KrAstExpr *k = e->v.Dict.keys->items[i];
            if (k) {
                CHECK(expr(u, k, PR_TEST));
                CHECK(str(u, ": "));
                CHECK(expr(u, e->v.Dict.values->items[i], PR_TEST));
            } else {
                CHECK(str(u, "**"));
                CHECK(expr(u, e->v.Dict.values->items[i], PR_EXPR));
            }
        }
        return str(u, "}");
    case KR_EXPR_Set: return seq(u, e->v.Set.elts, "{", "}");
    case KR_EXPR_GeneratorExp: return genexp(u, e);
    case KR_EXPR_ListComp:
    case KR_EXPR_SetComp:
        CHECK(str(u, e->kind == KR_EXPR_ListComp ? "[" : "{"));
        CHECK(expr(u, e->v.ListComp.elt, PR_TEST));
        CHECK(comprehensions(u, e->v.ListComp.generators));
        return str(u, e->kind == KR_EXPR_ListComp ? "]" : "}");
    case KR_EXPR_DictComp:
        CHECK(str(u, "{"));
        CHECK(expr(u, e->v.DictComp.key, PR_TEST));
        CHECK(str(u, ": "));
        CHECK(expr(u, e->v.DictComp.value, PR_TEST));
        CHECK(comprehensions(u, e->v.DictComp.generators));
        return str(u, "}");
    case KR_EXPR_Yield:
        if (!e->v.Yield.value) return str(u, "(yield)");
        CHECK(str(u, "(yield "));
        CHECK(expr(u, e->v.Yield.value, PR_TEST));
        return str(u, ")");
    case KR_EXPR_YieldFrom:
        CHECK(str(u, "(yield from "));
        CHECK(expr(u, e->v.YieldFrom.value, PR_TEST));
        return str(u, ")");
    case KR_EXPR_Await:
        CHECK(str_if(u, level > PR_AWAIT, "("));
        CHECK(str(u, "await "));
        CHECK(expr(u, e->v.Await.value, PR_ATOM));
        return str_if(u, level > PR_AWAIT, ")");
    case KR_EXPR_Compare: return compare(u, e, level);
    case KR_EXPR_Call: return call(u, e);
    case KR_EXPR_Constant: return constant(u, e);
    case KR_EXPR_JoinedStr: return joinedstr(u, e, false);
    case KR_EXPR_FormattedValue: return formatted_value(u, e);
    case KR_EXPR_Attribute: {
        KrAstExpr *v = e->v.Attribute.value;
        CHECK(expr(u, v, PR_ATOM));
        // `1 .real`: an int needs a space before the dot.
        bool int_const = false;
        if (v->kind == KR_EXPR_Constant) {
            KrObject *k = krConst_of(u->c, v);
            if (!k) return -1;
            int_const = krInt_check_exact(k);
        }
        CHECK(str(u, int_const ? " ." : "."));
        return str(u, e->v.Attribute.attr);
    }
    case KR_EXPR_Subscript:
        CHECK(expr(u, e->v.Subscript.value, PR_ATOM));
        CHECK(str(u, "["));
        CHECK(expr(u, e->v.Subscript.slice, PR_TUPLE));
        return str(u, "]");
    case KR_EXPR_Starred:
        CHECK(str(u, "*"));
        return expr(u, e->v.Starred.value, PR_EXPR);
    case KR_EXPR_Slice:
        if (e->v.Slice.lower) CHECK(expr(u, e->v.Slice.lower, PR_TEST));
        CHECK(str(u, ":"));
        if (e->v.Slice.upper) CHECK(expr(u, e->v.Slice.upper, PR_TEST));
        if (e->v.Slice.step) {
            CHECK(str(u, ":"));
            CHECK(expr(u, e->v.Slice.step, PR_TEST));
        }
        return 0;
    case KR_EXPR_Name: return str(u, e->v.Name.id);
    case KR_EXPR_List: return seq(u, e->v.List.elts, "[", "]");
    case KR_EXPR_Tuple: {
        int n = KR_AST_LEN(e->v.Tuple.elts);
        if (n == 0) return str(u, "()");
        CHECK(str_if(u, level > PR_TUPLE, "("));
        for (int i = 0; i < n; i++) {
            CHECK(str_if(u, i > 0, ", "));
            CHECK(expr(u, e->v.Tuple.elts->items[i], PR_TEST));
        }
        CHECK(str_if(u, n == 1, ","));
        return str_if(u, level > PR_TUPLE, ")");
    }
    case KR_EXPR_NamedExpr:
        CHECK(str_if(u, level > PR_TUPLE, "("));
        CHECK(expr(u, e->v.NamedExpr.target, PR_ATOM));
        CHECK(str(u, " := "));
        CHECK(expr(u, e->v.NamedExpr.value, PR_ATOM));
        return str_if(u, level > PR_TUPLE, ")");
    }
    krErr_set_string(u->c->ts, &KrExc_SystemError, "unknown expression kind");
    return -1;
}

static int expr(Unparser *u, KrAstExpr *e, int level) {
    if (++u->depth > u->c->depth_limit) return krCompiler_too_deep(u->c);
    int r = expr_body(u, e, level);
    u->depth--;
    return r;
}

KrObject *krAst_unparse_annotation(KrCompiler *c, KrAstExpr *e) {
    KrStrBuilder sb;
    krSB_init(&sb);
    Unparser u = {c, &sb, c->depth_start};
    if (expr(&u, e, PR_TEST) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(c->ts, &sb);
}
