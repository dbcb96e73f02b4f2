/*
 * astopt.c — constant folding on the AST, as CPython 3.11's ast_opt.c:
 *
 *   - unary and binary operators on constants (`-1`, `2**10`, `'a' + 'b'`),
 *     with CPython's size limits so that folding never builds huge objects
 *     (ints up to 128 bits from * ** <<, strings up to 4096 characters,
 *     collections up to 256 items);
 *   - tuples of constants, subscripts of constants (`'abc'[1]`);
 *   - `not (a is b)` -> `a is not b` (and in / not in);
 *   - a list or set display iterated by `for` or tested with `in` becomes a
 *     tuple or frozenset (a constant when all items are);
 *   - `__debug__` -> True (False with optimize >= 1).
 *
 * A folded node becomes a Constant node whose value lives in c->constvals.
 * An operation that raises (1/0) is simply not folded: the error happens at
 * run time, as in CPython.  Annotations are left alone under
 * `from __future__ import annotations` (they are turned back into source).
 */
#include <gmp.h>
#include <stdio.h>
#include <string.h>

#include "compiler/compiler.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define MAX_INT_SIZE 128          // bits
#define MAX_COLLECTION_SIZE 256   // items
#define MAX_STR_SIZE 4096         // characters
#define MAX_TOTAL_ITEMS 1024      // including nested collections

typedef struct {
    KrCompiler *c;
    int depth;
} Opt;

static int fold_expr(Opt *o, KrAstExpr *e);
static int fold_stmts(Opt *o, KrAstStmtSeq *seq);

static bool is_const(KrAstExpr *e) { return e->kind == KR_EXPR_Constant; }

// Installs `val` as the value of `node`.  NULL means "not folded": the error
// is dropped, except KeyboardInterrupt and MemoryError.
static int make_const(Opt *o, KrAstExpr *node, KrObject *val) {
    KrThreadState *ts = o->c->ts;
    if (!val) {
        if (!krErr_occurred(ts)) return 0;
        if (krErr_matches(ts, &KrExc_KeyboardInterrupt) || krErr_matches(ts, &KrExc_MemoryError)) return -1;
        krErr_clear(ts);
        return 0;
    }
    return krConst_set(o->c, node, val);
}

static KrObject *value_of(Opt *o, KrAstExpr *e) { return krConst_of(o->c, e); }

// Number of bits of abs(int v).
static size_t int_bits(KrObject *v) {
    mpz_t z;
    mpz_init(z);
    krInt_to_mpz(v, z);
    size_t bits = mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
    mpz_clear(z);
    return bits;
}

static bool int_nonzero(KrObject *v) { return krInt_sign(v) != 0; }

// The value of int `v` as a size, or -1 when negative or too large.
static int64_t int_as_size(KrObject *v) {
    int64_t x;
    if (!krInt_to_i64(v, &x) || x < 0) return -1;
    return x;
}

static KrSsize check_complexity(KrObject *obj, KrSsize limit) {
    if (krTuple_check(obj)) {
        limit -= KR_TUPLE_SIZE(obj);
        for (KrSsize i = 0; limit >= 0 && i < KR_TUPLE_SIZE(obj); i++)
            limit = check_complexity(KR_TUPLE_GET(obj, i), limit);
    } else if (krFrozenSet_check(obj)) {
        limit -= krSet_size(obj);
        KrSsize pos = 0;
        KrObject *item;
        KrHash h;
        while (limit >= 0 && krSet_next(obj, &pos, &item, &h)) limit = check_complexity(item, limit);
    }
    return limit;
}

static KrObject *safe_multiply(KrThreadState *ts, KrObject *v, KrObject *w) {
    if (krInt_check(v) && krInt_check(w) && int_nonzero(v) && int_nonzero(w)) {
        if (int_bits(v) + int_bits(w) > MAX_INT_SIZE) return NULL;
    } else if (krInt_check(v) && (krTuple_check(w) || krFrozenSet_check(w))) {
        KrSsize size = krTuple_check(w) ? KR_TUPLE_SIZE(w) : krSet_size(w);
        if (size) {
            int64_t n = int_as_size(v);
            if (n < 0 || n > MAX_COLLECTION_SIZE / size) return NULL;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0) return NULL;
        }
    } else if (krInt_check(v) && (krStr_check(w) || krBytes_check(w))) {
        KrSsize size = krStr_check(w) ? krStr_len(w) : krBytes_size(w);
        if (size) {
            int64_t n = int_as_size(v);
            if (n < 0 || n > MAX_STR_SIZE / size) return NULL;
        }
    } else if (krInt_check(w) && (krTuple_check(v) || krFrozenSet_check(v) || krStr_check(v) || krBytes_check(v))) {
        return safe_multiply(ts, w, v);
    }
    return krNum_multiply(ts, v, w);
}

static KrObject *safe_power(KrThreadState *ts, KrObject *v, KrObject *w) {
    if (krInt_check(v) && krInt_check(w) && int_nonzero(v) && krInt_sign(w) > 0) {
        int64_t wbits = int_as_size(w);
        if (wbits < 0) return NULL;
        if (int_bits(v) > (size_t)(MAX_INT_SIZE / wbits)) return NULL;
    }
    return krNum_binary_op(ts, v, w, KR_NB_POWER);
}

static KrObject *safe_lshift(KrThreadState *ts, KrObject *v, KrObject *w) {
    if (krInt_check(v) && krInt_check(w) && int_nonzero(v) && int_nonzero(w)) {
        int64_t wbits = int_as_size(w);
        if (wbits < 0) return NULL;
        size_t vbits = int_bits(v);
        if (wbits > MAX_INT_SIZE || vbits > (size_t)(MAX_INT_SIZE - wbits)) return NULL;
    }
    return krNum_binary_op(ts, v, w, KR_NB_LSHIFT);
}

// ---------------------------------------------------------------------------
// 'fmt' % (a, b): %s, %r and %a with optional width and precision become an
// f-string, as CPython 3.11 does.

static KrAstExpr *new_node(Opt *o, KrAstExprKind kind, int lineno, int col, int end_lineno, int end_col) {
    KrAstExpr *e = krArena_calloc(o->c->arena, sizeof(KrAstExpr));
    if (!e) {
        krErr_no_memory(o->c->ts);
        return NULL;
    }
    e->kind = kind;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

// A Constant node (without position) holding `value` (stolen).
static KrAstExpr *new_const(Opt *o, KrObject *value) {
    if (!value) return NULL;
    KrAstExpr *e = new_node(o, KR_EXPR_Constant, -1, -1, -1, -1);
    if (!e) {
        kr_decref(value);
        return NULL;
    }
    return krConst_set(o->c, e, value) < 0 ? NULL : e;
}

static bool has_starred(KrAstExprSeq *elts);

// The literal text up to the next lone '%' ("%%" becomes "%"); NULL (and no
// error) when there is none.
static KrAstExpr *parse_literal(Opt *o, const char *fmt, size_t size, size_t *ppos, bool *error) {
    size_t start = *ppos, pos = start;
    while (pos < size) {
        if (fmt[pos] != '%') pos++;
        else if (pos + 1 < size && fmt[pos + 1] == '%') pos += 2;
        else break;
    }
    *ppos = pos;
    if (pos == start) return NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    for (size_t i = start; i < pos; i++) {
        if (krSB_append(o->c->ts, &sb, &fmt[i], 1) < 0) {
            krSB_discard(&sb);
            *error = true;
            return NULL;
        }
        if (fmt[i] == '%') i++;
    }
    KrAstExpr *e = new_const(o, krSB_finish(o->c->ts, &sb));
    if (!e) *error = true;
    return e;
}

// One conversion: [flags][width][.precision](s|r|a).  NULL when unsupported.
static KrAstExpr *parse_format(Opt *o, const char *fmt, size_t size, size_t *ppos, KrAstExpr *arg, bool *error) {
    size_t pos = *ppos;
    int width = -1, prec = -1;
    bool ljust = false;
    char ch;
#define NEXTC do { if (pos >= size) return NULL; ch = fmt[pos++]; } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') ljust = true;
        else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (width > 99) return NULL;   // CPython takes at most two digits
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (prec > 99) return NULL;
        }
    }
#undef NEXTC
    *ppos = pos;
    if (ch != 's' && ch != 'r' && ch != 'a') return NULL;
    char buf[32], *p = buf;
    if (!ljust && width > 0) *p++ = '>';
    if (width >= 0) p += snprintf(p, 12, "%d", width);
    if (prec >= 0) p += snprintf(p, 12, ".%d", prec);
    KrAstExpr *spec = NULL;
    if (p != buf && !(spec = new_const(o, krStr_from_utf8(o->c->ts, buf, p - buf)))) {
        *error = true;
        return NULL;
    }
    KrAstExpr *fv = new_node(o, KR_EXPR_FormattedValue, arg->lineno, arg->col_offset, arg->end_lineno,
                             arg->end_col_offset);
    if (!fv) {
        *error = true;
        return NULL;
    }
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = ch;
    fv->v.FormattedValue.format_spec = spec;
    return fv;
}

static int optimize_format(Opt *o, KrAstExpr *node, KrObject *fmtobj, KrAstExprSeq *elts) {
    const char *fmt = krStr_utf8(fmtobj);
    size_t size = (size_t)krStr_size(fmtobj), pos = 0;
    int nelts = KR_AST_LEN(elts), cnt = 0;
    KrAstExprSeq *seq = krArena_alloc(o->c->arena, sizeof(KrAstExprSeq) + sizeof(KrAstExpr *) * (size_t)(nelts * 2 + 1));
    if (!seq) {
        krErr_no_memory(o->c->ts);
        return -1;
    }
    seq->size = 0;
    bool error = false;
    for (;;) {
        KrAstExpr *lit = parse_literal(o, fmt, size, &pos, &error);
        if (error) return -1;
        if (lit) seq->items[seq->size++] = lit;
        if (pos >= size) break;
        if (cnt >= nelts) return 0;   // more conversions than items
        pos++;                        // the '%'
        KrAstExpr *fv = parse_format(o, fmt, size, &pos, elts->items[cnt], &error);
        cnt++;
        if (!fv) return error ? -1 : 0;
        seq->items[seq->size++] = fv;
    }
    if (cnt < nelts) return 0;   // more items than conversions
    node->kind = KR_EXPR_JoinedStr;
    node->v.JoinedStr.values = seq;
    return 0;
}

KR_NOINLINE static int fold_binop(Opt *o, KrAstExpr *node) {
    KrAstExpr *lhs = node->v.BinOp.left, *rhs = node->v.BinOp.right;
    if (!is_const(lhs)) return 0;
    KrObject *lv = value_of(o, lhs);
    if (!lv) return -1;
    if (node->v.BinOp.op == KR_BINOP_Mod && rhs->kind == KR_EXPR_Tuple && krStr_check(lv) &&
        !has_starred(rhs->v.Tuple.elts))
        return optimize_format(o, node, lv, rhs->v.Tuple.elts);
    if (!is_const(rhs)) return 0;
    KrObject *rv = value_of(o, rhs);
    if (!rv) return -1;
    KrThreadState *ts = o->c->ts;
    KrObject *newval = NULL;
    switch (node->v.BinOp.op) {
    case KR_BINOP_Add: newval = krNum_add(ts, lv, rv); break;
    case KR_BINOP_Sub: newval = krNum_subtract(ts, lv, rv); break;
    case KR_BINOP_Mult: newval = safe_multiply(ts, lv, rv); break;
    case KR_BINOP_Div: newval = krNum_true_divide(ts, lv, rv); break;
    case KR_BINOP_FloorDiv: newval = krNum_floor_divide(ts, lv, rv); break;
    case KR_BINOP_Mod:
        // '%' on strings is formatting, which may depend on run-time state.
        if (krStr_check(lv) || krBytes_check(lv)) return 0;
        newval = krNum_remainder(ts, lv, rv);
        break;
    case KR_BINOP_Pow: newval = safe_power(ts, lv, rv); break;
    case KR_BINOP_LShift: newval = safe_lshift(ts, lv, rv); break;
    case KR_BINOP_RShift: newval = krNum_binary_op(ts, lv, rv, KR_NB_RSHIFT); break;
    case KR_BINOP_BitOr: newval = krNum_binary_op(ts, lv, rv, KR_NB_OR); break;
    case KR_BINOP_BitXor: newval = krNum_binary_op(ts, lv, rv, KR_NB_XOR); break;
    case KR_BINOP_BitAnd: newval = krNum_binary_op(ts, lv, rv, KR_NB_AND); break;
    case KR_BINOP_MatMult: return 0;
    }
    return make_const(o, node, newval);
}

KR_NOINLINE static int fold_unaryop(Opt *o, KrAstExpr *node) {
    KrAstExpr *arg = node->v.UnaryOp.operand;
    if (!is_const(arg)) {
        // not (a is b) -> a is not b; likewise in.  The other comparisons
        // cannot be inverted safely (__eq__/__ne__ pairs, set ordering).
        if (node->v.UnaryOp.op == KR_UNARY_Not && arg->kind == KR_EXPR_Compare && arg->v.Compare.ops->size == 1) {
            int op = arg->v.Compare.ops->items[0];
            int inv = op == KR_CMP_Is ? KR_CMP_IsNot : op == KR_CMP_IsNot ? KR_CMP_Is
                      : op == KR_CMP_In ? KR_CMP_NotIn : op == KR_CMP_NotIn ? KR_CMP_In : 0;
            if (inv) {
                arg->v.Compare.ops->items[0] = inv;
                *node = *arg;
            }
        }
        return 0;
    }
    KrObject *v = value_of(o, arg);
    if (!v) return -1;
    KrThreadState *ts = o->c->ts;
    KrObject *newval = NULL;
    switch (node->v.UnaryOp.op) {
    case KR_UNARY_Invert: newval = krNum_invert(ts, v); break;
    case KR_UNARY_Not: {
        int r = krObj_not(ts, v);
        newval = r < 0 ? NULL : kr_newref(kr_bool(r));
        break;
    }
    case KR_UNARY_UAdd: newval = krNum_positive(ts, v); break;
    case KR_UNARY_USub: newval = krNum_negative(ts, v); break;
    }
    return make_const(o, node, newval);
}

// A tuple of the values of `elts` if all are constants; NULL (no error) otherwise.
static KrObject *make_const_tuple(Opt *o, KrAstExprSeq *elts) {
    for (int i = 0; i < KR_AST_LEN(elts); i++)
        if (!is_const(elts->items[i])) return NULL;
    KrObject *t = krTuple_new(o->c->ts, KR_AST_LEN(elts));
    if (!t) return NULL;
    for (int i = 0; i < KR_AST_LEN(elts); i++) {
        KrObject *v = value_of(o, elts->items[i]);
        if (!v) {
            for (int j = i; j < KR_AST_LEN(elts); j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, i, kr_newref(v));
    }
    return t;
}

KR_NOINLINE static int fold_tuple(Opt *o, KrAstExpr *node) {
    if (node->v.Tuple.ctx != KR_CTX_Load) return 0;
    return make_const(o, node, make_const_tuple(o, node->v.Tuple.elts));
}

KR_NOINLINE static int fold_subscr(Opt *o, KrAstExpr *node) {
    KrAstExpr *arg = node->v.Subscript.value, *idx = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != KR_CTX_Load || !is_const(arg) || !is_const(idx)) return 0;
    KrObject *a = value_of(o, arg), *i = a ? value_of(o, idx) : NULL;
    if (!i) return -1;
    return make_const(o, node, krObj_getitem(o->c->ts, a, i));
}

static bool has_starred(KrAstExprSeq *elts) {
    for (int i = 0; i < KR_AST_LEN(elts); i++)
        if (elts->items[i]->kind == KR_EXPR_Starred) return true;
    return false;
}

// `for x in [a, b]` / `x in {a, b}`: a tuple or a frozenset.
static int fold_iter(Opt *o, KrAstExpr *arg) {
    KrObject *newval;
    if (arg->kind == KR_EXPR_List) {
        if (has_starred(arg->v.List.elts)) return 0;
        arg->kind = KR_EXPR_Tuple;   // same layout as List
        newval = make_const_tuple(o, arg->v.Tuple.elts);
    } else if (arg->kind == KR_EXPR_Set) {
        newval = make_const_tuple(o, arg->v.Set.elts);
        if (newval) {
            KrObject *fs = krFrozenSet_new(o->c->ts, newval);
            kr_decref(newval);
            newval = fs;
        }
    } else {
        return 0;
    }
    return make_const(o, arg, newval);
}

KR_NOINLINE static int fold_compare(Opt *o, KrAstExpr *node) {
    int i = node->v.Compare.ops->size - 1;
    int op = node->v.Compare.ops->items[i];
    if (op == KR_CMP_In || op == KR_CMP_NotIn) return fold_iter(o, node->v.Compare.comparators->items[i]);
    return 0;
}

// ---------------------------------------------------------------------------
// The walk

static int fold_exprs(Opt *o, KrAstExprSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++)
        if (seq->items[i] && fold_expr(o, seq->items[i]) < 0) return -1;
    return 0;
}

static bool future_annotations(Opt *o) { return (o->c->flags & KR_CO_FUTURE_ANNOTATIONS) != 0; }

static int fold_annotation(Opt *o, KrAstExpr *e) {
    if (!e || future_annotations(o)) return 0;
    return fold_expr(o, e);
}

static int fold_args(Opt *o, KrAstArgSeq *args) {
    for (int i = 0; i < KR_AST_LEN(args); i++)
        if (fold_annotation(o, args->items[i]->annotation) < 0) return -1;
    return 0;
}

static int fold_arguments(Opt *o, KrAstArguments *a) {
    if (fold_args(o, a->posonlyargs) < 0 || fold_args(o, a->args) < 0) return -1;
    if (a->vararg && fold_annotation(o, a->vararg->annotation) < 0) return -1;
    if (fold_args(o, a->kwonlyargs) < 0 || fold_exprs(o, a->kw_defaults) < 0) return -1;
    if (a->kwarg && fold_annotation(o, a->kwarg->annotation) < 0) return -1;
    return fold_exprs(o, a->defaults);
}

static int fold_comprehensions(Opt *o, KrAstComprehensionSeq *gens) {
    for (int i = 0; i < KR_AST_LEN(gens); i++) {
        KrAstComprehension *g = gens->items[i];
        if (fold_expr(o, g->target) < 0 || fold_expr(o, g->iter) < 0 || fold_exprs(o, g->ifs) < 0) return -1;
        if (fold_iter(o, g->iter) < 0) return -1;
    }
    return 0;
}

static int fold_keywords(Opt *o, KrAstKeywordSeq *kws) {
    for (int i = 0; i < KR_AST_LEN(kws); i++)
        if (fold_expr(o, kws->items[i]->value) < 0) return -1;
    return 0;
}

static int fold_expr_body(Opt *o, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_BoolOp: return fold_exprs(o, e->v.BoolOp.values);
    case KR_EXPR_BinOp:
        if (fold_expr(o, e->v.BinOp.left) < 0 || fold_expr(o, e->v.BinOp.right) < 0) return -1;
        return fold_binop(o, e);
    case KR_EXPR_UnaryOp:
        if (fold_expr(o, e->v.UnaryOp.operand) < 0) return -1;
        return fold_unaryop(o, e);
    case KR_EXPR_Lambda:
        if (fold_arguments(o, e->v.Lambda.args) < 0) return -1;
        return fold_expr(o, e->v.Lambda.body);
    case KR_EXPR_IfExp:
        if (fold_expr(o, e->v.IfExp.test) < 0 || fold_expr(o, e->v.IfExp.body) < 0) return -1;
        return fold_expr(o, e->v.IfExp.orelse);
    case KR_EXPR_Dict:
        if (fold_exprs(o, e->v.Dict.keys) < 0) return -1;
        return fold_exprs(o, e->v.Dict.values);
    case KR_EXPR_Set: return fold_exprs(o, e->v.Set.elts);
    case KR_EXPR_ListComp:
    case KR_EXPR_SetComp:
    case KR_EXPR_GeneratorExp:
        if (fold_expr(o, e->v.ListComp.elt) < 0) return -1;
        return fold_comprehensions(o, e->v.ListComp.generators);
    case KR_EXPR_DictComp:
        if (fold_expr(o, e->v.DictComp.key) < 0 || fold_expr(o, e->v.DictComp.value) < 0) return -1;
        return fold_comprehensions(o, e->v.DictComp.generators);
    case KR_EXPR_Await:
    case KR_EXPR_YieldFrom:
        return fold_expr(o, e->v.Await.value);
    case KR_EXPR_Yield: return e->v.Yield.value ? fold_expr(o, e->v.Yield.value) : 0;
    case KR_EXPR_Compare:
        if (fold_expr(o, e->v.Compare.left) < 0 || fold_exprs(o, e->v.Compare.comparators) < 0) return -1;
        return fold_compare(o, e);
    case KR_EXPR_Call:
        if (fold_expr(o, e->v.Call.func) < 0 || fold_exprs(o, e->v.Call.args) < 0) return -1;
        return fold_keywords(o, e->v.Call.keywords);
    case KR_EXPR_FormattedValue:
        if (fold_expr(o, e->v.FormattedValue.value) < 0) return -1;
        return e->v.FormattedValue.format_spec ? fold_expr(o, e->v.FormattedValue.format_spec) : 0;
    case KR_EXPR_JoinedStr: return fold_exprs(o, e->v.JoinedStr.values);
    case KR_EXPR_Attribute: return fold_expr(o, e->v.Attribute.value);
    case KR_EXPR_Subscript:
        if (fold_expr(o, e->v.Subscript.value) < 0 || fold_expr(o, e->v.Subscript.slice) < 0) return -1;
        return fold_subscr(o, e);
    case KR_EXPR_Starred: return fold_expr(o, e->v.Starred.value);
    case KR_EXPR_Slice:
        if (e->v.Slice.lower && fold_expr(o, e->v.Slice.lower) < 0) return -1;
        if (e->v.Slice.upper && fold_expr(o, e->v.Slice.upper) < 0) return -1;
        return e->v.Slice.step ? fold_expr(o, e->v.Slice.step) : 0;
    case KR_EXPR_List: return fold_exprs(o, e->v.List.elts);
    case KR_EXPR_Tuple:
        if (fold_exprs(o, e->v.Tuple.elts) < 0) return -1;
        return fold_tuple(o, e);
    case KR_EXPR_Name:
        if (e->v.Name.ctx == KR_CTX_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            return krConst_set(o->c, e, kr_newref(kr_bool(!o->c->optimize)));
        return 0;
    case KR_EXPR_NamedExpr: return fold_expr(o, e->v.NamedExpr.value);
    case KR_EXPR_Constant: return 0;
    }
    return 0;
}

static int fold_expr(Opt *o, KrAstExpr *e) {
    if (++o->depth > o->c->depth_limit) return krCompiler_too_deep(o->c);
    int r = fold_expr_body(o, e);
    o->depth--;
    return r;
}

// A docstring made by folding (`'a' + 'b'` as the first statement) is not a
// docstring: wrap it in a JoinedStr, as CPython does.
static int fold_body(Opt *o, KrAstStmtSeq *stmts) {
    KrCompiler *c = o->c;
    bool had_doc = KR_AST_LEN(stmts) && stmts->items[0]->kind == KR_STMT_Expr &&
                   krConst_is_str(c, stmts->items[0]->v.Expr.value);
    if (fold_stmts(o, stmts) < 0) return -1;
    if (!had_doc && KR_AST_LEN(stmts) && stmts->items[0]->kind == KR_STMT_Expr &&
        krConst_is_str(c, stmts->items[0]->v.Expr.value)) {
        KrAstStmt *st = stmts->items[0];
        KrAstExprSeq *values = krArena_alloc(c->arena, sizeof(KrAstExprSeq) + sizeof(KrAstExpr *));
        KrAstExpr *js = krArena_calloc(c->arena, sizeof(KrAstExpr));
        if (!values || !js) {
            krErr_no_memory(c->ts);
            return -1;
        }
        values->size = 1;
        values->items[0] = st->v.Expr.value;
        js->kind = KR_EXPR_JoinedStr;
        js->v.JoinedStr.values = values;
        js->lineno = st->lineno;
        js->col_offset = st->col_offset;
        js->end_lineno = st->end_lineno;
        js->end_col_offset = st->end_col_offset;
        st->v.Expr.value = js;
    }
    return 0;
}

static int fold_pattern(Opt *o, KrAstPattern *p);

static int fold_patterns(Opt *o, KrAstPatternSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++)
        if (fold_pattern(o, seq->items[i]) < 0) return -1;
    return 0;
}

static int fold_pattern(Opt *o, KrAstPattern *p) {
    switch (p->kind) {
    case KR_PAT_MatchValue: return fold_expr(o, p->v.MatchValue.value);
    case KR_PAT_MatchSequence: return fold_patterns(o, p->v.MatchSequence.patterns);
    case KR_PAT_MatchMapping:
        if (fold_exprs(o, p->v.MatchMapping.keys) < 0) return -1;
        return fold_patterns(o, p->v.MatchMapping.patterns);
    case KR_PAT_MatchClass:
        if (fold_expr(o, p->v.MatchClass.cls) < 0 || fold_patterns(o, p->v.MatchClass.patterns) < 0) return -1;
        return fold_patterns(o, p->v.MatchClass.kwd_patterns);
    case KR_PAT_MatchAs: return p->v.MatchAs.pattern ? fold_pattern(o, p->v.MatchAs.pattern) : 0;
    case KR_PAT_MatchOr: return fold_patterns(o, p->v.MatchOr.patterns);
    default: return 0;
    }
}

static int fold_handlers(Opt *o, KrAstExcepthandlerSeq *hs) {
    for (int i = 0; i < KR_AST_LEN(hs); i++) {
        KrAstExcepthandler *h = hs->items[i];
        if (h->type && fold_expr(o, h->type) < 0) return -1;
        if (fold_stmts(o, h->body) < 0) return -1;
    }
    return 0;
}

static int fold_stmt(Opt *o, KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FunctionDef:
    case KR_STMT_AsyncFunctionDef:
        if (fold_arguments(o, s->v.FunctionDef.args) < 0 || fold_body(o, s->v.FunctionDef.body) < 0) return -1;
        if (fold_exprs(o, s->v.FunctionDef.decorator_list) < 0) return -1;
        return fold_annotation(o, s->v.FunctionDef.returns);
    case KR_STMT_ClassDef:
        if (fold_exprs(o, s->v.ClassDef.bases) < 0 || fold_keywords(o, s->v.ClassDef.keywords) < 0) return -1;
        if (fold_body(o, s->v.ClassDef.body) < 0) return -1;
        return fold_exprs(o, s->v.ClassDef.decorator_list);
    case KR_STMT_Return: return s->v.Return.value ? fold_expr(o, s->v.Return.value) : 0;
    case KR_STMT_Delete: return fold_exprs(o, s->v.Delete.targets);
    case KR_STMT_Assign:
        if (fold_exprs(o, s->v.Assign.targets) < 0) return -1;
        return fold_expr(o, s->v.Assign.value);
    case KR_STMT_AugAssign:
        if (fold_expr(o, s->v.AugAssign.target) < 0) return -1;
        return fold_expr(o, s->v.AugAssign.value);
    case KR_STMT_AnnAssign:
        if (fold_expr(o, s->v.AnnAssign.target) < 0 || fold_annotation(o, s->v.AnnAssign.annotation) < 0) return -1;
        return s->v.AnnAssign.value ? fold_expr(o, s->v.AnnAssign.value) : 0;
    case KR_STMT_For:
        if (fold_expr(o, s->v.For.target) < 0 || fold_expr(o, s->v.For.iter) < 0) return -1;
        if (fold_stmts(o, s->v.For.body) < 0 || fold_stmts(o, s->v.For.orelse) < 0) return -1;
        return fold_iter(o, s->v.For.iter);
    case KR_STMT_AsyncFor:
        if (fold_expr(o, s->v.For.target) < 0 || fold_expr(o, s->v.For.iter) < 0) return -1;
        if (fold_stmts(o, s->v.For.body) < 0) return -1;
        return fold_stmts(o, s->v.For.orelse);
    case KR_STMT_While:
    case KR_STMT_If:
        if (fold_expr(o, s->v.If.test) < 0 || fold_stmts(o, s->v.If.body) < 0) return -1;
        return fold_stmts(o, s->v.If.orelse);
    case KR_STMT_With:
    case KR_STMT_AsyncWith:
        for (int i = 0; i < KR_AST_LEN(s->v.With.items); i++) {
            KrAstWithitem *w = s->v.With.items->items[i];
            if (fold_expr(o, w->context_expr) < 0) return -1;
            if (w->optional_vars && fold_expr(o, w->optional_vars) < 0) return -1;
        }
        return fold_stmts(o, s->v.With.body);
    case KR_STMT_Match:
        if (fold_expr(o, s->v.Match.subject) < 0) return -1;
        for (int i = 0; i < KR_AST_LEN(s->v.Match.cases); i++) {
            KrAstMatchCase *m = s->v.Match.cases->items[i];
            if (fold_pattern(o, m->pattern) < 0) return -1;
            if (m->guard && fold_expr(o, m->guard) < 0) return -1;
            if (fold_stmts(o, m->body) < 0) return -1;
        }
        return 0;
    case KR_STMT_Raise:
        if (s->v.Raise.exc && fold_expr(o, s->v.Raise.exc) < 0) return -1;
        return s->v.Raise.cause ? fold_expr(o, s->v.Raise.cause) : 0;
    case KR_STMT_Try:
    case KR_STMT_TryStar:
        if (fold_stmts(o, s->v.Try.body) < 0 || fold_handlers(o, s->v.Try.handlers) < 0) return -1;
        if (fold_stmts(o, s->v.Try.orelse) < 0) return -1;
        return fold_stmts(o, s->v.Try.finalbody);
    case KR_STMT_Assert:
        if (fold_expr(o, s->v.Assert.test) < 0) return -1;
        return s->v.Assert.msg ? fold_expr(o, s->v.Assert.msg) : 0;
    case KR_STMT_Expr: return fold_expr(o, s->v.Expr.value);
    default: return 0;
    }
}

static int fold_stmts(Opt *o, KrAstStmtSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++) {
        if (++o->depth > o->c->depth_limit) return krCompiler_too_deep(o->c);
        int r = fold_stmt(o, seq->items[i]);
        o->depth--;
        if (r < 0) return -1;
    }
    return 0;
}

int krAstOpt_module(KrCompiler *c, KrAstMod *mod) {
    Opt o = {c, c->depth_start};
    switch (mod->kind) {
    case KR_MOD_Module: return fold_body(&o, mod->v.Module.body);
    case KR_MOD_Interactive: return fold_stmts(&o, mod->v.Interactive.body);
    case KR_MOD_Expression: return fold_expr(&o, mod->v.Expression.body);
    default: return 0;
    }
}
