/*
 * ast.c — Python-level names of AST node kinds and operators.
 */
#include "parser/ast.h"

static const char *const mod_names[] = {
#define KR_AST_MOD(Name) #Name,
#include "parser/ast_kinds.def"
};
static const char *const stmt_names[] = {
#define KR_AST_STMT(Name) #Name,
#include "parser/ast_kinds.def"
};
static const char *const expr_names[] = {
#define KR_AST_EXPR(Name) #Name,
#include "parser/ast_kinds.def"
};
static const char *const pattern_names[] = {
#define KR_AST_PATTERN(Name) #Name,
#include "parser/ast_kinds.def"
};
static const char *const context_names[] = {"?", "Load", "Store", "Del"};
static const char *const boolop_names[] = {"?", "And", "Or"};
static const char *const operator_names[] = {
    "?", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift",
    "BitOr", "BitXor", "BitAnd", "FloorDiv",
};
static const char *const unaryop_names[] = {"?", "Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {
    "?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};

#define NAME_OF(table, i) \
    ((unsigned)(i) < sizeof(table) / sizeof((table)[0]) ? (table)[(unsigned)(i)] : "?")

const char *krAst_mod_name(KrAstModKind kind) { return NAME_OF(mod_names, kind); }
const char *krAst_stmt_name(KrAstStmtKind kind) { return NAME_OF(stmt_names, kind); }
const char *krAst_expr_name(KrAstExprKind kind) { return NAME_OF(expr_names, kind); }
const char *krAst_pattern_name(KrAstPatternKind kind) { return NAME_OF(pattern_names, kind); }
const char *krAst_context_name(KrAstExprContext ctx) { return NAME_OF(context_names, ctx); }
const char *krAst_boolop_name(KrAstBoolop op) { return NAME_OF(boolop_names, op); }
const char *krAst_operator_name(KrAstOperator op) { return NAME_OF(operator_names, op); }
const char *krAst_unaryop_name(KrAstUnaryop op) { return NAME_OF(unaryop_names, op); }
const char *krAst_cmpop_name(KrAstCmpop op) { return NAME_OF(cmpop_names, op); }
