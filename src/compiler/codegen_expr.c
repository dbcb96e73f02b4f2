/*
 * codegen_expr.c — code generation for expressions: operators, comparisons
 * (chained ones included), boolean operators and conditional jumps, calls
 * (method calls with LOAD_METHOD, keyword names with KW_NAMES, star-args with
 * CALL_FUNCTION_EX), container displays and unpacking, subscripts and
 * slices, f-strings, yield / await, and comprehensions (nested functions
 * called with the iterator as argument `.0`).
 *
 * Calls use Krait's layout [NULL or method, callable or self, args...] and a
 * single CALL (CPython 3.11's PRECALL does not exist here).
 */
#include <string.h>

#include "compiler/compiler.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/type.h"
#include "vm/gen.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

int cg_visit_exprs(KrCompiler *c, KrAstExprSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++) CG_CHECK(cg_visit_expr(c, seq->items[i]));
    return 0;
}

int cg_binop_arg(KrAstOperator op, bool inplace) {
    int arg;
    switch (op) {
    case KR_BINOP_Add: arg = KR_NB_ADD; break;
    case KR_BINOP_Sub: arg = KR_NB_SUBTRACT; break;
    case KR_BINOP_Mult: arg = KR_NB_MULTIPLY; break;
    case KR_BINOP_MatMult: arg = KR_NB_MATRIX_MULTIPLY; break;
    case KR_BINOP_Div: arg = KR_NB_TRUE_DIVIDE; break;
    case KR_BINOP_Mod: arg = KR_NB_REMAINDER; break;
    case KR_BINOP_Pow: arg = KR_NB_POWER; break;
    case KR_BINOP_LShift: arg = KR_NB_LSHIFT; break;
    case KR_BINOP_RShift: arg = KR_NB_RSHIFT; break;
    case KR_BINOP_BitOr: arg = KR_NB_OR; break;
    case KR_BINOP_BitXor: arg = KR_NB_XOR; break;
    case KR_BINOP_BitAnd: arg = KR_NB_AND; break;
    default: arg = KR_NB_FLOOR_DIVIDE; break;
    }
    return inplace ? arg + (KR_NB_INPLACE_ADD - KR_NB_ADD) : arg;
}

void cg_update_start_location_to_match_attr(KrCompiler *c, KrAstExpr *attr) {
    KrLoc *l = &c->u->loc;
    if (l->lineno == attr->end_lineno) return;
    l->lineno = attr->end_lineno;
    int len = (int)strlen(attr->v.Attribute.attr);
    if (len <= attr->end_col_offset) {
        l->col = attr->end_col_offset - len;
    } else {
        // A hand-made AST with inconsistent columns: drop them.
        l->col = -1;
        l->end_col = -1;
    }
    if (l->end_lineno < l->lineno) l->end_lineno = l->lineno;
    if (l->lineno == l->end_lineno && l->end_col < l->col) l->end_col = l->col;
}

// ---------------------------------------------------------------------------
// Compile-time warnings about likely mistakes (CPython's check_* functions)

// The type an expression certainly has, by its syntax; NULL when unknown.
static KrTypeObject *infer_type(KrCompiler *c, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_Tuple: return &KrTuple_Type;
    case KR_EXPR_List:
    case KR_EXPR_ListComp: return &KrList_Type;
    case KR_EXPR_Dict:
    case KR_EXPR_DictComp: return &KrDict_Type;
    case KR_EXPR_Set:
    case KR_EXPR_SetComp: return &KrSet_Type;
    case KR_EXPR_GeneratorExp: return &KrGen_Type;
    case KR_EXPR_Lambda: return &KrFunction_Type;
    case KR_EXPR_JoinedStr:
    case KR_EXPR_FormattedValue: return &KrStr_Type;
    case KR_EXPR_Constant: {
        KrObject *v = krConst_of(c, e);
        if (!v) {
            krErr_clear(c->ts);
            return NULL;
        }
        return KR_TYPE(v);
    }
    default: return NULL;
    }
}

// A literal on either side of `is` / `is not`, other than None, True, False, `...`.
static bool is_named_singleton_or_not_const(KrCompiler *c, KrAstExpr *e) {
    if (e->kind != KR_EXPR_Constant) return true;
    KrObject *v = krConst_of(c, e);
    if (!v) {
        krErr_clear(c->ts);
        return true;
    }
    return v == KR_NONE || v == KR_FALSE || v == KR_TRUE || v == KR_ELLIPSIS;
}

static int check_compare(KrCompiler *c, KrAstExpr *e) {
    bool left = is_named_singleton_or_not_const(c, e->v.Compare.left);
    for (int i = 0; i < e->v.Compare.ops->size; i++) {
        int op = e->v.Compare.ops->items[i];
        bool right = is_named_singleton_or_not_const(c, e->v.Compare.comparators->items[i]);
        if ((op == KR_CMP_Is || op == KR_CMP_IsNot) && (!right || !left)) {
            return krCompiler_warn(c, op == KR_CMP_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                      : "\"is not\" with a literal. Did you mean \"!=\"?");
        }
        left = right;
    }
    return 0;
}

static int check_caller(KrCompiler *c, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_Constant:
    case KR_EXPR_Tuple:
    case KR_EXPR_List:
    case KR_EXPR_ListComp:
    case KR_EXPR_Dict:
    case KR_EXPR_DictComp:
    case KR_EXPR_Set:
    case KR_EXPR_SetComp:
    case KR_EXPR_GeneratorExp:
    case KR_EXPR_JoinedStr:
    case KR_EXPR_FormattedValue: {
        KrTypeObject *t = infer_type(c, e);
        if (!t) return 0;
        return krCompiler_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?", krType_name(t));
    }
    default:
        return 0;
    }
}

static int check_subscripter(KrCompiler *c, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_Constant: {
        KrObject *v = krConst_of(c, e);
        if (!v) {
            krErr_clear(c->ts);
            return 0;
        }
        if (!(v == KR_NONE || v == KR_ELLIPSIS || krInt_check(v) || krFloat_check(v) || krComplex_check(v) ||
              krAnySet_check(v)))
            return 0;
    }
        // fall through
    case KR_EXPR_Set:
    case KR_EXPR_SetComp:
    case KR_EXPR_GeneratorExp:
    case KR_EXPR_Lambda:
        return krCompiler_warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                               krType_name(infer_type(c, e)));
    default:
        return 0;
    }
}

static int check_index(KrCompiler *c, KrAstExpr *e, KrAstExpr *s) {
    KrTypeObject *index_type = infer_type(c, s);
    if (!index_type || (index_type->tp_flags & KR_TPFLAGS_INT_SUBCLASS) || index_type == &KrSlice_Type) return 0;
    switch (e->kind) {
    case KR_EXPR_Constant: {
        KrObject *v = krConst_of(c, e);
        if (!v) {
            krErr_clear(c->ts);
            return 0;
        }
        if (!(krStr_check(v) || krBytes_check(v) || krTuple_check(v))) return 0;
    }
        // fall through
    case KR_EXPR_Tuple:
    case KR_EXPR_List:
    case KR_EXPR_ListComp:
    case KR_EXPR_JoinedStr:
    case KR_EXPR_FormattedValue:
        return krCompiler_warn(c, "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                               krType_name(infer_type(c, e)), krType_name(index_type));
    default:
        return 0;
    }
}

static int addop_compare(KrCompiler *c, int op) {
    switch (op) {
    case KR_CMP_Eq: ADDOP_I(c, COMPARE_OP, KR_EQ); break;
    case KR_CMP_NotEq: ADDOP_I(c, COMPARE_OP, KR_NE); break;
    case KR_CMP_Lt: ADDOP_I(c, COMPARE_OP, KR_LT); break;
    case KR_CMP_LtE: ADDOP_I(c, COMPARE_OP, KR_LE); break;
    case KR_CMP_Gt: ADDOP_I(c, COMPARE_OP, KR_GT); break;
    case KR_CMP_GtE: ADDOP_I(c, COMPARE_OP, KR_GE); break;
    case KR_CMP_Is: ADDOP_I(c, IS_OP, 0); break;
    case KR_CMP_IsNot: ADDOP_I(c, IS_OP, 1); break;
    case KR_CMP_In: ADDOP_I(c, CONTAINS_OP, 0); break;
    default: ADDOP_I(c, CONTAINS_OP, 1); break;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Conditions

int cg_jump_if(KrCompiler *c, KrAstExpr *e, KrBlock *next, bool cond) {
    switch (e->kind) {
    case KR_EXPR_UnaryOp:
        if (e->v.UnaryOp.op == KR_UNARY_Not) return cg_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        break;
    case KR_EXPR_BoolOp: {
        KrAstExprSeq *s = e->v.BoolOp.values;
        int n = s->size - 1;
        bool cond2 = e->v.BoolOp.op == KR_BOOL_Or;
        KrBlock *next2 = next;
        if (cond2 != cond && !(next2 = cg_new_block(c))) return -1;
        for (int i = 0; i < n; i++) CG_CHECK(cg_jump_if(c, s->items[i], next2, cond2));
        CG_CHECK(cg_jump_if(c, s->items[n], next, cond));
        if (next2 != next) cg_use_next_block(c, next2);
        return 0;
    }
    case KR_EXPR_IfExp: {
        KrBlock *end = cg_new_block(c), *next2 = cg_new_block(c);
        if (!end || !next2) return -1;
        CG_CHECK(cg_jump_if(c, e->v.IfExp.test, next2, false));
        CG_CHECK(cg_jump_if(c, e->v.IfExp.body, next, cond));
        ADDOP_JUMP_NOLINE(c, JUMP, end);
        cg_use_next_block(c, next2);
        CG_CHECK(cg_jump_if(c, e->v.IfExp.orelse, next, cond));
        cg_use_next_block(c, end);
        return 0;
    }
    case KR_EXPR_Compare: {
        // The test's own position, kept for what follows (as CPython 3.11).
        SET_LOC(c, e);
        int n = e->v.Compare.ops->size - 1;
        if (n > 0) {
            CG_CHECK(check_compare(c, e));
            KrBlock *cleanup = cg_new_block(c), *end = cg_new_block(c);
            if (!cleanup || !end) return -1;
            VISIT(c, e->v.Compare.left);
            for (int i = 0; i < n; i++) {
                VISIT(c, e->v.Compare.comparators->items[i]);
                ADDOP_I(c, SWAP, 2);
                ADDOP_I(c, COPY, 2);
                CG_CHECK(addop_compare(c, e->v.Compare.ops->items[i]));
                ADDOP_JUMP(c, POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT(c, e->v.Compare.comparators->items[n]);
            CG_CHECK(addop_compare(c, e->v.Compare.ops->items[n]));
            CG_CHECK(cg_addop_jump(c, cond ? KR_OP_POP_JUMP_IF_TRUE : KR_OP_POP_JUMP_IF_FALSE, next));
            ADDOP_JUMP_NOLINE(c, JUMP, end);
            cg_use_next_block(c, cleanup);
            ADDOP(c, POP_TOP);
            if (!cond) ADDOP_JUMP_NOLINE(c, JUMP, next);
            cg_use_next_block(c, end);
            return 0;
        }
        break;
    }
    default:
        break;
    }
    VISIT(c, e);
    return cg_addop_jump(c, cond ? KR_OP_POP_JUMP_IF_TRUE : KR_OP_POP_JUMP_IF_FALSE, next);
}

static int compile_boolop(KrCompiler *c, KrAstExpr *e) {
    int jump = e->v.BoolOp.op == KR_BOOL_And ? KR_OP_JUMP_IF_FALSE_OR_POP : KR_OP_JUMP_IF_TRUE_OR_POP;
    KrBlock *end = cg_new_block(c);
    if (!end) return -1;
    KrAstExprSeq *s = e->v.BoolOp.values;
    int n = s->size - 1;
    for (int i = 0; i < n; i++) {
        VISIT(c, s->items[i]);
        CG_CHECK(cg_addop_jump(c, jump, end));
    }
    VISIT(c, s->items[n]);
    cg_use_next_block(c, end);
    return 0;
}

static int compile_ifexp(KrCompiler *c, KrAstExpr *e) {
    KrBlock *end = cg_new_block(c), *next = cg_new_block(c);
    if (!end || !next) return -1;
    CG_CHECK(cg_jump_if(c, e->v.IfExp.test, next, false));
    VISIT(c, e->v.IfExp.body);
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    cg_use_next_block(c, next);
    VISIT(c, e->v.IfExp.orelse);
    cg_use_next_block(c, end);
    return 0;
}

static int compile_compare(KrCompiler *c, KrAstExpr *e) {
    CG_CHECK(check_compare(c, e));
    VISIT(c, e->v.Compare.left);
    int n = e->v.Compare.ops->size - 1;
    if (n == 0) {
        VISIT(c, e->v.Compare.comparators->items[0]);
        return addop_compare(c, e->v.Compare.ops->items[0]);
    }
    KrBlock *cleanup = cg_new_block(c), *end = cg_new_block(c);
    if (!cleanup || !end) return -1;
    for (int i = 0; i < n; i++) {
        VISIT(c, e->v.Compare.comparators->items[i]);
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, COPY, 2);
        CG_CHECK(addop_compare(c, e->v.Compare.ops->items[i]));
        ADDOP_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    VISIT(c, e->v.Compare.comparators->items[n]);
    CG_CHECK(addop_compare(c, e->v.Compare.ops->items[n]));
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    cg_use_next_block(c, cleanup);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);
    cg_use_next_block(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// Containers

static bool all_const(KrAstExprSeq *elts, int begin, int end) {
    for (int i = begin; i < end; i++)
        if (!elts->items[i] || elts->items[i]->kind != KR_EXPR_Constant) return false;
    return true;
}

static bool has_starred(KrAstExprSeq *elts) {
    for (int i = 0; i < KR_AST_LEN(elts); i++)
        if (elts->items[i]->kind == KR_EXPR_Starred) return true;
    return false;
}

// A tuple of the constant values of elts[begin:end].  New reference.
static KrObject *const_tuple(KrCompiler *c, KrAstExprSeq *elts, int begin, int end) {
    KrObject *t = krTuple_new(c->ts, end - begin);
    if (!t) return NULL;
    for (int i = begin; i < end; i++) {
        KrObject *v = krConst_of(c, elts->items[i]);
        if (!v) {
            for (int j = i; j < end; j++) KR_TUPLE_SET(t, j - begin, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, i - begin, kr_newref(v));
    }
    return t;
}

// Builds a list / tuple / set from `elts` (with *starred items), `pushed`
// items being already on the stack.
static int starunpack_helper(KrCompiler *c, KrAstExprSeq *elts, int pushed, int build, int add, int extend,
                             bool tuple) {
    int n = KR_AST_LEN(elts);
    if (n > 2 && all_const(elts, 0, n)) {
        KrObject *folded = const_tuple(c, elts, 0, n);
        if (!folded) return -1;
        if (tuple && !pushed) return cg_load_const_new(c, folded);
        if (add == KR_OP_SET_ADD) {
            KrObject *fs = krFrozenSet_new(c->ts, folded);
            kr_decref(folded);
            if (!fs) return -1;
            folded = fs;
        }
        if (cg_addop(c, build, pushed) < 0) {
            kr_decref(folded);
            return -1;
        }
        CG_CHECK(cg_load_const_new(c, folded));
        CG_CHECK(cg_addop(c, extend, 1));
        if (tuple) ADDOP(c, LIST_TO_TUPLE);
        return 0;
    }
    bool big = n + pushed > KR_STACK_USE_GUIDELINE;
    bool seen_star = has_starred(elts);
    if (!seen_star && !big) {
        CG_CHECK(cg_visit_exprs(c, elts));
        if (tuple) ADDOP_I(c, BUILD_TUPLE, n + pushed);
        else CG_CHECK(cg_addop(c, build, n + pushed));
        return 0;
    }
    bool built = false;
    if (big) {
        CG_CHECK(cg_addop(c, build, pushed));
        built = true;
    }
    for (int i = 0; i < n; i++) {
        KrAstExpr *elt = elts->items[i];
        if (elt->kind == KR_EXPR_Starred) {
            if (!built) {
                CG_CHECK(cg_addop(c, build, i + pushed));
                built = true;
            }
            VISIT(c, elt->v.Starred.value);
            CG_CHECK(cg_addop(c, extend, 1));
        } else {
            VISIT(c, elt);
            if (built) CG_CHECK(cg_addop(c, add, 1));
        }
    }
    if (tuple) ADDOP(c, LIST_TO_TUPLE);
    return 0;
}

static int unpack_helper(KrCompiler *c, KrAstExprSeq *elts) {
    int n = KR_AST_LEN(elts);
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        KrAstExpr *elt = elts->items[i];
        if (elt->kind == KR_EXPR_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 23))
                return krCompiler_error(c, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == KR_EXPR_Starred) {
            return krCompiler_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, n);
    return 0;
}

static int assignment_helper(KrCompiler *c, KrAstExprSeq *elts) {
    CG_CHECK(unpack_helper(c, elts));
    for (int i = 0; i < KR_AST_LEN(elts); i++) {
        KrAstExpr *elt = elts->items[i];
        VISIT(c, elt->kind != KR_EXPR_Starred ? elt : elt->v.Starred.value);
    }
    return 0;
}

static int compile_list_or_tuple(KrCompiler *c, KrAstExpr *e, bool tuple) {
    KrAstExprSeq *elts = e->v.List.elts;
    switch (e->v.List.ctx) {
    case KR_CTX_Store: return assignment_helper(c, elts);
    case KR_CTX_Load:
        return starunpack_helper(c, elts, 0, KR_OP_BUILD_LIST, KR_OP_LIST_APPEND, KR_OP_LIST_EXTEND, tuple);
    default: return cg_visit_exprs(c, elts);
    }
}

static int compile_subdict(KrCompiler *c, KrAstExpr *e, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > KR_STACK_USE_GUIDELINE;
    KrAstExprSeq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    if (n > 1 && !big && all_const(keys, begin, end)) {
        for (int i = begin; i < end; i++) VISIT(c, values->items[i]);
        CG_CHECK(cg_load_const_new(c, const_tuple(c, keys, begin, end)));
        ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
        return 0;
    }
    if (big) ADDOP_I(c, BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        VISIT(c, keys->items[i]);
        VISIT(c, values->items[i]);
        if (big) ADDOP_I(c, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, BUILD_MAP, n);
    return 0;
}

static int compile_dict(KrCompiler *c, KrAstExpr *e) {
    int n = KR_AST_LEN(e->v.Dict.values), elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (!e->v.Dict.keys->items[i]) {   // **mapping
            if (elements) {
                CG_CHECK(compile_subdict(c, e, i - elements, i));
                if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, BUILD_MAP, 0);
                have_dict = true;
            }
            VISIT(c, e->v.Dict.values->items[i]);
            ADDOP_I(c, DICT_UPDATE, 1);
        } else if (elements * 2 > KR_STACK_USE_GUIDELINE) {
            CG_CHECK(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        CG_CHECK(compile_subdict(c, e, n - elements, n));
        if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict) ADDOP_I(c, BUILD_MAP, 0);
    return 0;
}

// ---------------------------------------------------------------------------
// Calls

static int validate_keywords(KrCompiler *c, KrAstKeywordSeq *keywords) {
    int n = KR_AST_LEN(keywords);
    for (int i = 0; i < n; i++) {
        KrAstKeyword *key = keywords->items[i];
        if (!key->arg) continue;
        CG_CHECK(cg_forbidden_name(c, key->arg, KR_CTX_Store));
        for (int j = i + 1; j < n; j++) {
            KrAstKeyword *other = keywords->items[j];
            if (other->arg && strcmp(key->arg, other->arg) == 0) {
                c->u->loc = KR_LOC_OF(other);
                return krCompiler_error(c, "keyword argument repeated: %s", key->arg);
            }
        }
    }
    return 0;
}

static int kw_names(KrCompiler *c, KrAstKeywordSeq *keywords, int begin, int end, bool as_kw_names) {
    KrObject *names = krTuple_new(c->ts, end - begin);
    if (!names) return -1;
    for (int i = begin; i < end; i++) {
        KrObject *k = krConst_name(c, keywords->items[i]->arg);
        if (!k) {
            for (int j = i; j < end; j++) KR_TUPLE_SET(names, j - begin, kr_newref(KR_NONE));
            kr_decref(names);
            return -1;
        }
        KR_TUPLE_SET(names, i - begin, k);
    }
    if (!as_kw_names) return cg_load_const_new(c, names);
    int idx = krConst_add(c, &c->u->consts, names);
    kr_decref(names);
    if (idx < 0) return -1;
    return cg_addop(c, KR_OP_KW_NAMES, idx);
}

// keywords[begin:end] (all named) as a dict.
static int compile_subkwargs(KrCompiler *c, KrAstKeywordSeq *keywords, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > KR_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++) VISIT(c, keywords->items[i]->value);
        CG_CHECK(kw_names(c, keywords, begin, end, false));
        ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
        return 0;
    }
    if (big) ADDOP_NOLINE(c, BUILD_MAP);
    for (int i = begin; i < end; i++) {
        CG_CHECK(cg_load_const_new(c, krConst_name(c, keywords->items[i]->arg)));
        VISIT(c, keywords->items[i]->value);
        if (big) CG_CHECK(cg_addop_noline(c, KR_OP_MAP_ADD, 1));
    }
    if (!big) ADDOP_I(c, BUILD_MAP, n);
    return 0;
}

// The arguments and the CALL / CALL_FUNCTION_EX; `n` arguments are already pushed.
int cg_call_helper(KrCompiler *c, int n, KrAstExprSeq *args, KrAstKeywordSeq *keywords) {
    CG_CHECK(validate_keywords(c, keywords));
    int nelts = KR_AST_LEN(args), nkw = KR_AST_LEN(keywords);
    bool ex_call = nelts + nkw * 2 > KR_STACK_USE_GUIDELINE || has_starred(args);
    for (int i = 0; i < nkw && !ex_call; i++)
        if (!keywords->items[i]->arg) ex_call = true;
    if (!ex_call) {
        CG_CHECK(cg_visit_exprs(c, args));
        if (nkw) {
            for (int i = 0; i < nkw; i++) VISIT(c, keywords->items[i]->value);
            CG_CHECK(kw_names(c, keywords, 0, nkw, true));
        }
        ADDOP_I(c, CALL, n + nelts + nkw);
        return 0;
    }
    // Positional arguments as one tuple.
    if (n == 0 && nelts == 1 && args->items[0]->kind == KR_EXPR_Starred) {
        VISIT(c, args->items[0]->v.Starred.value);
    } else {
        CG_CHECK(starunpack_helper(c, args, n, KR_OP_BUILD_LIST, KR_OP_LIST_APPEND, KR_OP_LIST_EXTEND, true));
    }
    // Keyword arguments as one dict.
    if (nkw) {
        bool have_dict = false;
        int nseen = 0;
        for (int i = 0; i < nkw; i++) {
            KrAstKeyword *kw = keywords->items[i];
            if (!kw->arg) {
                if (nseen) {
                    CG_CHECK(compile_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, BUILD_MAP, 0);
                    have_dict = true;
                }
                VISIT(c, kw->value);
                ADDOP_I(c, DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            CG_CHECK(compile_subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
        }
    }
    ADDOP_I(c, CALL_FUNCTION_EX, nkw > 0);
    return 0;
}

// Names bound by a module-level import: `mod.f()` then stays LOAD_ATTR, as in
// CPython (module attributes are not methods).
static bool is_import_originated(KrCompiler *c, KrAstExpr *e) {
    if (e->kind != KR_EXPR_Name) return false;
    const char *name = krCompiler_intern(c, e->v.Name.id, strlen(e->v.Name.id));
    return name && (krSym_flags(c->st.top, name) & KR_DEF_IMPORT);
}

// obj.meth(args) as LOAD_METHOD + CALL.  Returns 1 when handled.
static int maybe_method_call(KrCompiler *c, KrAstExpr *e) {
    KrAstExpr *meth = e->v.Call.func;
    KrAstExprSeq *args = e->v.Call.args;
    KrAstKeywordSeq *kwds = e->v.Call.keywords;
    if (meth->kind != KR_EXPR_Attribute || meth->v.Attribute.ctx != KR_CTX_Load) return 0;
    if (is_import_originated(c, meth->v.Attribute.value)) return 0;
    int argsl = KR_AST_LEN(args), kwdsl = KR_AST_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= KR_STACK_USE_GUIDELINE) return 0;
    if (has_starred(args)) return 0;
    for (int i = 0; i < kwdsl; i++)
        if (!kwds->items[i]->arg) return 0;
    CG_CHECK(validate_keywords(c, kwds));
    VISIT(c, meth->v.Attribute.value);
    KrLoc saved = c->u->loc;
    SET_LOC(c, meth);
    cg_update_start_location_to_match_attr(c, meth);
    ADDOP_NAME(c, LOAD_METHOD, meth->v.Attribute.attr);
    CG_CHECK(cg_visit_exprs(c, args));
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++) VISIT(c, kwds->items[i]->value);
        CG_CHECK(kw_names(c, kwds, 0, kwdsl, true));
    }
    c->u->loc = saved;
    cg_update_start_location_to_match_attr(c, meth);
    ADDOP_I(c, CALL, argsl + kwdsl);
    c->u->loc = saved;
    return 1;
}

static int compile_call(KrCompiler *c, KrAstExpr *e) {
    int r = maybe_method_call(c, e);
    if (r != 0) return r < 0 ? -1 : 0;
    CG_CHECK(check_caller(c, e->v.Call.func));
    SET_LOC(c, e->v.Call.func);
    ADDOP(c, PUSH_NULL);
    SET_LOC(c, e);
    VISIT(c, e->v.Call.func);
    return cg_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

// ---------------------------------------------------------------------------
// f-strings

static int compile_joined_str(KrCompiler *c, KrAstExpr *e) {
    KrAstExprSeq *values = e->v.JoinedStr.values;
    int n = KR_AST_LEN(values);
    if (n > KR_STACK_USE_GUIDELINE) {
        // ''.join([...]) keeps the stack small.
        ADDOP_LOAD_CONST(c, krStr_empty());
        ADDOP_NAME(c, LOAD_METHOD, c->id_join);
        ADDOP_I(c, BUILD_LIST, 0);
        for (int i = 0; i < n; i++) {
            VISIT(c, values->items[i]);
            ADDOP_I(c, LIST_APPEND, 1);
        }
        ADDOP_I(c, CALL, 1);
        return 0;
    }
    CG_CHECK(cg_visit_exprs(c, values));
    if (n != 1) ADDOP_I(c, BUILD_STRING, n);
    return 0;
}

static int compile_formatted_value(KrCompiler *c, KrAstExpr *e) {
    VISIT(c, e->v.FormattedValue.value);
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default:
        krErr_format(c->ts, &KrExc_SystemError, "Unrecognized conversion character %d", e->v.FormattedValue.conversion);
        return -1;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, e->v.FormattedValue.format_spec);
        oparg |= 4;
    }
    ADDOP_I(c, FORMAT_VALUE, oparg);
    return 0;
}

int cg_annotation_expr(KrCompiler *c, KrAstExpr *e) {
    if (c->flags & KR_CO_FUTURE_ANNOTATIONS) return cg_load_const_new(c, krAst_unparse_annotation(c, e));
    return cg_visit_expr(c, e);
}

// ---------------------------------------------------------------------------
// Comprehensions

static int comprehension_generator(KrCompiler *c, KrAstComprehensionSeq *gens, int gen_index, int depth,
                                   KrAstExpr *elt, KrAstExpr *val, int type);

static int comprehension_element(KrCompiler *c, KrAstExpr *elt, KrAstExpr *val, int type, int depth) {
    switch (type) {
    case COMP_GENEXP:
        VISIT(c, elt);
        CG_CHECK(cg_addop_yield(c));
        ADDOP(c, POP_TOP);
        return 0;
    case COMP_LISTCOMP:
        VISIT(c, elt);
        ADDOP_I(c, LIST_APPEND, depth + 1);
        return 0;
    case COMP_SETCOMP:
        VISIT(c, elt);
        ADDOP_I(c, SET_ADD, depth + 1);
        return 0;
    default:
        // {k: v}: the key is evaluated first.
        VISIT(c, elt);
        VISIT(c, val);
        ADDOP_I(c, MAP_ADD, depth + 1);
        return 0;
    }
}

static int sync_comprehension_generator(KrCompiler *c, KrAstComprehensionSeq *gens, int gen_index, int depth,
                                        KrAstExpr *elt, KrAstExpr *val, int type) {
    KrBlock *start = cg_new_block(c), *if_cleanup = cg_new_block(c), *anchor = cg_new_block(c);
    if (!start || !if_cleanup || !anchor) return -1;
    KrAstComprehension *gen = gens->items[gen_index];
    if (gen_index == 0) {
        // The outermost iterator is the implicit argument .0.
        c->u->argcount = 1;
        ADDOP_I(c, LOAD_FAST, 0);
    } else {
        // `for y in [f(x)]` binds without a loop.
        KrAstExprSeq *elts = NULL;
        if (gen->iter->kind == KR_EXPR_List || gen->iter->kind == KR_EXPR_Tuple) elts = gen->iter->v.List.elts;
        if (KR_AST_LEN(elts) == 1 && elts->items[0]->kind != KR_EXPR_Starred) {
            VISIT(c, elts->items[0]);
            start = NULL;
        } else {
            VISIT(c, gen->iter);
            ADDOP(c, GET_ITER);
        }
    }
    if (start) {
        depth++;
        cg_use_next_block(c, start);
        ADDOP_JUMP(c, FOR_ITER, anchor);
    }
    VISIT(c, gen->target);
    for (int i = 0; i < KR_AST_LEN(gen->ifs); i++) CG_CHECK(cg_jump_if(c, gen->ifs->items[i], if_cleanup, false));
    if (++gen_index < gens->size)
        CG_CHECK(comprehension_generator(c, gens, gen_index, depth, elt, val, type));
    if (gen_index >= gens->size) CG_CHECK(comprehension_element(c, elt, val, type, depth));
    cg_use_next_block(c, if_cleanup);
    if (start) {
        ADDOP_JUMP(c, JUMP, start);
        cg_use_next_block(c, anchor);
    }
    return 0;
}

static int async_comprehension_generator(KrCompiler *c, KrAstComprehensionSeq *gens, int gen_index, int depth,
                                         KrAstExpr *elt, KrAstExpr *val, int type) {
    KrBlock *start = cg_new_block(c), *except = cg_new_block(c), *if_cleanup = cg_new_block(c);
    if (!start || !except || !if_cleanup) return -1;
    KrAstComprehension *gen = gens->items[gen_index];
    if (gen_index == 0) {
        c->u->argcount = 1;
        ADDOP_I(c, LOAD_FAST, 0);
    } else {
        VISIT(c, gen->iter);
        ADDOP(c, GET_AITER);
    }
    cg_use_next_block(c, start);
    CG_CHECK(cg_push_fblock(c, KR_FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL));
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    ADDOP_LOAD_CONST(c, KR_NONE);
    CG_CHECK(cg_add_yield_from(c, true));
    ADDOP(c, POP_BLOCK);
    VISIT(c, gen->target);
    for (int i = 0; i < KR_AST_LEN(gen->ifs); i++) CG_CHECK(cg_jump_if(c, gen->ifs->items[i], if_cleanup, false));
    depth++;
    if (++gen_index < gens->size)
        CG_CHECK(comprehension_generator(c, gens, gen_index, depth, elt, val, type));
    if (gen_index >= gens->size) CG_CHECK(comprehension_element(c, elt, val, type, depth));
    cg_use_next_block(c, if_cleanup);
    ADDOP_JUMP(c, JUMP, start);
    cg_pop_fblock(c, KR_FB_ASYNC_COMPREHENSION_GENERATOR, start);
    cg_use_next_block(c, except);
    ADDOP(c, END_ASYNC_FOR);
    return 0;
}

static int comprehension_generator(KrCompiler *c, KrAstComprehensionSeq *gens, int gen_index, int depth,
                                   KrAstExpr *elt, KrAstExpr *val, int type) {
    if (gens->items[gen_index]->is_async)
        return async_comprehension_generator(c, gens, gen_index, depth, elt, val, type);
    return sync_comprehension_generator(c, gens, gen_index, depth, elt, val, type);
}

static int comprehension_body(KrCompiler *c, KrAstExpr *e, int type, KrScopeType outer_scope, bool top_level_await,
                              KrAstComprehensionSeq *gens, KrAstExpr *elt, KrAstExpr *val) {
    SET_LOC(c, e);
    bool is_async_generator = c->u->ste->coroutine;
    if (is_async_generator && type != COMP_GENEXP && outer_scope != KR_SCOPE_ASYNC_FUNCTION &&
        outer_scope != KR_SCOPE_COMPREHENSION && !top_level_await)
        return krCompiler_error(c, "asynchronous comprehension outside of an asynchronous function");
    if (type == COMP_LISTCOMP) ADDOP_I(c, BUILD_LIST, 0);
    else if (type == COMP_SETCOMP) ADDOP_I(c, BUILD_SET, 0);
    else if (type == COMP_DICTCOMP) ADDOP_I(c, BUILD_MAP, 0);
    CG_CHECK(comprehension_generator(c, gens, 0, 0, elt, val, type));
    if (type != COMP_GENEXP) ADDOP(c, RETURN_VALUE);
    return 0;
}

int cg_comprehension(KrCompiler *c, KrAstExpr *e) {
    int type;
    const char *name;
    KrAstComprehensionSeq *gens;
    KrAstExpr *elt, *val = NULL;
    switch (e->kind) {
    case KR_EXPR_GeneratorExp:
        type = COMP_GENEXP, name = c->id_genexpr, gens = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
        break;
    case KR_EXPR_ListComp:
        type = COMP_LISTCOMP, name = c->id_listcomp, gens = e->v.ListComp.generators, elt = e->v.ListComp.elt;
        break;
    case KR_EXPR_SetComp:
        type = COMP_SETCOMP, name = c->id_setcomp, gens = e->v.SetComp.generators, elt = e->v.SetComp.elt;
        break;
    default:
        type = COMP_DICTCOMP, name = c->id_dictcomp, gens = e->v.DictComp.generators, elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        break;
    }
    KrScopeType outer_scope = c->u->scope_type;
    bool top_level_await = cg_is_top_level_await(c);
    KrAstComprehension *outermost = gens->items[0];
    if (cg_enter_scope(c, name, KR_SCOPE_COMPREHENSION, e, e->lineno) < 0) return -1;
    bool is_async_generator = c->u->ste->coroutine;
    if (comprehension_body(c, e, type, outer_scope, top_level_await, gens, elt, val) < 0) {
        cg_exit_scope(c);
        return -1;
    }
    KrObject *co = krAssemble(c, true);
    cg_exit_scope(c);
    if (top_level_await && is_async_generator) c->u->ste->coroutine = 1;
    if (!co) return -1;
    int r = cg_make_closure(c, co, 0, NULL);
    kr_decref(co);
    CG_CHECK(r);
    VISIT(c, outermost->iter);
    if (outermost->is_async) ADDOP(c, GET_AITER);
    else ADDOP(c, GET_ITER);
    // [function, iterator]: CALL 0 calls function(iterator).
    ADDOP_I(c, CALL, 0);
    if (is_async_generator && type != COMP_GENEXP) {
        ADDOP_I(c, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, KR_NONE);
        CG_CHECK(cg_add_yield_from(c, true));
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Expressions

static int compile_yield(KrCompiler *c, KrAstExpr *e) {
    if (c->u->ste->type != KR_BLOCK_FUNCTION) return krCompiler_error(c, "'yield' outside function");
    if (e->kind == KR_EXPR_Yield) {
        if (e->v.Yield.value) VISIT(c, e->v.Yield.value);
        else ADDOP_LOAD_CONST(c, KR_NONE);
        return cg_addop_yield(c);
    }
    if (c->u->scope_type == KR_SCOPE_ASYNC_FUNCTION) return krCompiler_error(c, "'yield from' inside async function");
    VISIT(c, e->v.YieldFrom.value);
    ADDOP(c, GET_YIELD_FROM_ITER);
    ADDOP_LOAD_CONST(c, KR_NONE);
    return cg_add_yield_from(c, false);
}

static int compile_await(KrCompiler *c, KrAstExpr *e) {
    if (!cg_is_top_level_await(c)) {
        if (c->u->ste->type != KR_BLOCK_FUNCTION) return krCompiler_error(c, "'await' outside function");
        if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION && c->u->scope_type != KR_SCOPE_COMPREHENSION)
            return krCompiler_error(c, "'await' outside async function");
    }
    VISIT(c, e->v.Await.value);
    ADDOP_I(c, GET_AWAITABLE, 0);
    ADDOP_LOAD_CONST(c, KR_NONE);
    return cg_add_yield_from(c, true);
}

static int compile_attribute(KrCompiler *c, KrAstExpr *e) {
    VISIT(c, e->v.Attribute.value);
    cg_update_start_location_to_match_attr(c, e);
    switch (e->v.Attribute.ctx) {
    case KR_CTX_Load: ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr); break;
    case KR_CTX_Store:
        CG_CHECK(cg_forbidden_name(c, e->v.Attribute.attr, KR_CTX_Store));
        ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr);
        break;
    default: ADDOP_NAME(c, DELETE_ATTR, e->v.Attribute.attr); break;
    }
    return 0;
}

static int compile_subscript(KrCompiler *c, KrAstExpr *e) {
    if (e->v.Subscript.ctx == KR_CTX_Load) {
        CG_CHECK(check_subscripter(c, e->v.Subscript.value));
        CG_CHECK(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
    }
    VISIT(c, e->v.Subscript.value);
    VISIT(c, e->v.Subscript.slice);
    switch (e->v.Subscript.ctx) {
    case KR_CTX_Load: ADDOP(c, BINARY_SUBSCR); break;
    case KR_CTX_Store: ADDOP(c, STORE_SUBSCR); break;
    default: ADDOP(c, DELETE_SUBSCR); break;
    }
    return 0;
}

static int compile_slice(KrCompiler *c, KrAstExpr *e) {
    int n = 2;
    if (e->v.Slice.lower) VISIT(c, e->v.Slice.lower);
    else ADDOP_LOAD_CONST(c, KR_NONE);
    if (e->v.Slice.upper) VISIT(c, e->v.Slice.upper);
    else ADDOP_LOAD_CONST(c, KR_NONE);
    if (e->v.Slice.step) {
        n++;
        VISIT(c, e->v.Slice.step);
    }
    ADDOP_I(c, BUILD_SLICE, n);
    return 0;
}

static int visit_expr1(KrCompiler *c, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_NamedExpr:
        VISIT(c, e->v.NamedExpr.value);
        ADDOP_I(c, COPY, 1);
        VISIT(c, e->v.NamedExpr.target);
        return 0;
    case KR_EXPR_BoolOp: return compile_boolop(c, e);
    case KR_EXPR_BinOp:
        VISIT(c, e->v.BinOp.left);
        VISIT(c, e->v.BinOp.right);
        return cg_addop(c, KR_OP_BINARY_OP, cg_binop_arg(e->v.BinOp.op, false));
    case KR_EXPR_UnaryOp: {
        VISIT(c, e->v.UnaryOp.operand);
        static const int ops[] = {
            [KR_UNARY_Invert] = KR_OP_UNARY_INVERT, [KR_UNARY_Not] = KR_OP_UNARY_NOT,
            [KR_UNARY_UAdd] = KR_OP_UNARY_POSITIVE, [KR_UNARY_USub] = KR_OP_UNARY_NEGATIVE,
        };
        return cg_addop(c, ops[e->v.UnaryOp.op], 0);
    }
    case KR_EXPR_Lambda: return cg_lambda(c, e);
    case KR_EXPR_IfExp: return compile_ifexp(c, e);
    case KR_EXPR_Dict: return compile_dict(c, e);
    case KR_EXPR_Set:
        return starunpack_helper(c, e->v.Set.elts, 0, KR_OP_BUILD_SET, KR_OP_SET_ADD, KR_OP_SET_UPDATE, false);
    case KR_EXPR_GeneratorExp:
    case KR_EXPR_ListComp:
    case KR_EXPR_SetComp:
    case KR_EXPR_DictComp:
        return cg_comprehension(c, e);
    case KR_EXPR_Yield:
    case KR_EXPR_YieldFrom:
        return compile_yield(c, e);
    case KR_EXPR_Await: return compile_await(c, e);
    case KR_EXPR_Compare: return compile_compare(c, e);
    case KR_EXPR_Call: return compile_call(c, e);
    case KR_EXPR_Constant: {
        KrObject *k = krConst_of(c, e);
        if (!k) return -1;
        return cg_load_const(c, k);
    }
    case KR_EXPR_JoinedStr: return compile_joined_str(c, e);
    case KR_EXPR_FormattedValue: return compile_formatted_value(c, e);
    case KR_EXPR_Attribute: return compile_attribute(c, e);
    case KR_EXPR_Subscript: return compile_subscript(c, e);
    case KR_EXPR_Starred:
        if (e->v.Starred.ctx == KR_CTX_Store)
            return krCompiler_error(c, "starred assignment target must be in a list or tuple");
        return krCompiler_error(c, "can't use starred expression here");
    case KR_EXPR_Slice: return compile_slice(c, e);
    case KR_EXPR_Name: return cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case KR_EXPR_List: return compile_list_or_tuple(c, e, false);
    case KR_EXPR_Tuple: return compile_list_or_tuple(c, e, true);
    }
    return 0;
}

int cg_visit_expr(KrCompiler *c, KrAstExpr *e) {
    KrLoc saved = c->u->loc;
    SET_LOC(c, e);
    int r = visit_expr1(c, e);
    c->u->loc = saved;
    return r;
}
