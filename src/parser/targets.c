/*
 * targets.c — turning parsed expressions into assignment and deletion
 * targets, and describing the ones that cannot be.
 *
 * Targets (`a, b.c, *d[0] = ...`, `del x`, `for x in`) are parsed as
 * expressions and then checked here, rather than by a separate target
 * grammar: the accepted forms are the same, and the failing sub-expression is
 * exactly what CPython's error messages name ("cannot assign to function
 * call").
 */
#include "parser/parser_internal.h"

KrAstExpr *krParse_invalid_target(KrAstExpr *e, KrTargetsKind kind) {
    switch (e->kind) {
    case KR_EXPR_List:
    case KR_EXPR_Tuple: {
        KrAstExprSeq *elts = e->kind == KR_EXPR_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < KR_AST_LEN(elts); i++) {
            KrAstExpr *bad = krParse_invalid_target(elts->items[i], kind);
            if (bad) return bad;
        }
        return NULL;
    }
    case KR_EXPR_Starred:
        if (kind == KR_TARGETS_DEL) return e;
        return krParse_invalid_target(e->v.Starred.value, kind);
    case KR_EXPR_Compare:
        // `for a in b` reaches here parsed as the comparison `a in b`: the
        // target is its left side.
        if (kind == KR_TARGETS_FOR) {
            if (e->v.Compare.ops->items[0] == KR_CMP_In)
                return krParse_invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case KR_EXPR_Name:
    case KR_EXPR_Subscript:
    case KR_EXPR_Attribute:
        return NULL;
    default:
        return e;
    }
}

void krParse_set_context(KrAstExpr *e, KrAstExprContext ctx) {
    switch (e->kind) {
    case KR_EXPR_Name: e->v.Name.ctx = ctx; break;
    case KR_EXPR_Attribute: e->v.Attribute.ctx = ctx; break;
    case KR_EXPR_Subscript: e->v.Subscript.ctx = ctx; break;
    case KR_EXPR_Starred:
        e->v.Starred.ctx = ctx;
        krParse_set_context(e->v.Starred.value, ctx);
        break;
    case KR_EXPR_List:
    case KR_EXPR_Tuple: {
        KrAstExprSeq *elts = e->kind == KR_EXPR_List ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == KR_EXPR_List) e->v.List.ctx = ctx;
        else e->v.Tuple.ctx = ctx;
        for (int i = 0; i < KR_AST_LEN(elts); i++) krParse_set_context(elts->items[i], ctx);
        break;
    }
    default:
        break;
    }
}

const char *krParse_expr_name(const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_Attribute: return "attribute";
    case KR_EXPR_Subscript: return "subscript";
    case KR_EXPR_Starred: return "starred";
    case KR_EXPR_Name: return "name";
    case KR_EXPR_List: return "list";
    case KR_EXPR_Tuple: return "tuple";
    case KR_EXPR_Lambda: return "lambda";
    case KR_EXPR_Call: return "function call";
    case KR_EXPR_BoolOp:
    case KR_EXPR_BinOp:
    case KR_EXPR_UnaryOp: return "expression";
    case KR_EXPR_GeneratorExp: return "generator expression";
    case KR_EXPR_Yield:
    case KR_EXPR_YieldFrom: return "yield expression";
    case KR_EXPR_Await: return "await expression";
    case KR_EXPR_ListComp: return "list comprehension";
    case KR_EXPR_SetComp: return "set comprehension";
    case KR_EXPR_DictComp: return "dict comprehension";
    case KR_EXPR_Dict: return "dict literal";
    case KR_EXPR_Set: return "set display";
    case KR_EXPR_JoinedStr:
    case KR_EXPR_FormattedValue: return "f-string expression";
    case KR_EXPR_Constant:
        switch (e->v.Constant.value.kind) {
        case KR_CONST_NONE: return "None";
        case KR_CONST_FALSE: return "False";
        case KR_CONST_TRUE: return "True";
        case KR_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case KR_EXPR_Compare: return "comparison";
    case KR_EXPR_IfExp: return "conditional expression";
    case KR_EXPR_NamedExpr: return "named expression";
    default: return "expression";
    }
}

void *krParse_raise_invalid_target(KrParser *p, KrTargetsKind kind, KrAstExpr *e) {
    KrAstExpr *bad = krParse_invalid_target(e, kind);
    if (!bad) return krParse_error_last(p, KR_SYNERR_SYNTAX, "invalid syntax");
    return krParse_error_node(p, KR_POS(bad), kind == KR_TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                              krParse_expr_name(bad));
}
