/*
 * ast_dump.c — printing a tree exactly as Python's `ast.dump` does, for
 * tests and debugging (see ast_dump.h).
 *
 * ast.dump prints every field in ASDL order, omits optional fields that are
 * None, always prints lists (even empty), and prints values with repr().  So
 * this file needs Python's repr of ints (GMP turns any literal into decimal),
 * floats (the shortest string that reads back to the same double), complex
 * numbers, str and bytes.
 */
#include "parser/ast_dump.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/decode.h"
#include "lexer/lexer_internal.h"

typedef struct {
    FILE *out;
    int attrs;       // print positions
    int nfields;     // fields printed in the current node
} Dumper;

// ---------------------------------------------------------------------------
// repr of constants

static void repr_int(FILE *out, const char *s) {
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2;
    if (base != 10) s += 2;
    mpz_t z;
    if (mpz_init_set_str(z, s, base) != 0) mpz_set_ui(z, 0);
    mpz_out_str(out, 10, z);
    mpz_clear(z);
}

// Python's repr of a double ('r' format); `add_dot_0` for floats, not for
// the imaginary part of a complex.
void krAst_format_double(char *buf, size_t cap, double v, int add_dot_0) {
    if (isinf(v)) { snprintf(buf, cap, v > 0 ? "inf" : "-inf"); return; }
    if (isnan(v)) { snprintf(buf, cap, "nan"); return; }
    char tmp[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    // tmp is "-d.ddde[+-]XX": split digits and exponent.
    char digits[32];
    int nd = 0, neg = tmp[0] == '-';
    const char *q = tmp + neg;
    for (; *q && *q != 'e'; q++) if (*q != '.') digits[nd++] = *q;
    int exp = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = '\0';
    char *o = buf;
    size_t left = cap;
#define PUT(...) do { int n_ = snprintf(o, left, __VA_ARGS__); o += n_; left -= (size_t)n_; } while (0)
    if (neg) PUT("-");
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            PUT("0.");
            for (int i = 0; i < -exp - 1; i++) PUT("0");
            PUT("%s", digits);
        } else {
            for (int i = 0; i <= exp; i++) PUT("%c", i < nd ? digits[i] : '0');
            if (nd > exp + 1) PUT(".%s", digits + exp + 1);
            else if (add_dot_0) PUT(".0");
        }
    } else {
        PUT("%c", digits[0]);
        if (nd > 1) PUT(".%s", digits + 1);
        PUT("e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
#undef PUT
}

// Decodes generalised UTF-8 (surrogates allowed) at *s.
static unsigned next_cp(const unsigned char **s, const unsigned char *end) {
    const unsigned char *p = *s;
    unsigned c = *p;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (end - p < n) n = 1;
    unsigned v = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int i = 1; i < n; i++) v = (v << 6) | (p[i] & 0x3F);
    *s = p + n;
    return v;
}

static int cp_printable(unsigned cp) {
    if (cp < 0x20 || cp == 0x7F) return 0;
    if (cp < 0x7F) return 1;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return krLex_is_printable(cp);
}

static void repr_str(FILE *out, const char *data, size_t len, int bytes) {
    int has_single = memchr(data, '\'', len) != NULL, has_double = memchr(data, '"', len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    if (bytes) fputc('b', out);
    fputc(quote, out);
    const unsigned char *s = (const unsigned char *)data, *end = s + len;
    while (s < end) {
        unsigned cp = bytes ? *s++ : next_cp(&s, end);
        if (cp == (unsigned)quote || cp == '\\') fprintf(out, "\\%c", (char)cp);
        else if (cp == '\t') fputs("\\t", out);
        else if (cp == '\n') fputs("\\n", out);
        else if (cp == '\r') fputs("\\r", out);
        else if (bytes ? (cp < 0x20 || cp >= 0x7F) : !cp_printable(cp)) {
            if (cp < 0x100) fprintf(out, "\\x%02x", cp);
            else if (cp < 0x10000) fprintf(out, "\\u%04x", cp);
            else fprintf(out, "\\U%08x", cp);
        } else {
            char buf[4];
            fwrite(buf, 1, (size_t)krLex_utf8_encode(cp, buf), out);
        }
    }
    fputc(quote, out);
}

void krAst_repr_constant(FILE *out, const KrAstConstant *c) {
    char buf[64];
    switch (c->kind) {
    case KR_CONST_NONE: fputs("None", out); break;
    case KR_CONST_TRUE: fputs("True", out); break;
    case KR_CONST_FALSE: fputs("False", out); break;
    case KR_CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case KR_CONST_INT: repr_int(out, c->data); break;
    case KR_CONST_FLOAT:
        krAst_format_double(buf, sizeof buf, strtod(c->data, NULL), 1);
        fputs(buf, out);
        break;
    case KR_CONST_IMAG:
        krAst_format_double(buf, sizeof buf, strtod(c->data, NULL), 0);
        fprintf(out, "%sj", buf);
        break;
    case KR_CONST_STR: repr_str(out, c->data, c->len, 0); break;
    case KR_CONST_BYTES: repr_str(out, c->data, c->len, 1); break;
    }
}

// ---------------------------------------------------------------------------
// Nodes

static void open_node(Dumper *d, const char *name) {
    fprintf(d->out, "%s(", name);
    d->nfields = 0;
}

static void field(Dumper *d, const char *name) {
    fprintf(d->out, "%s%s=", d->nfields++ ? ", " : "", name);
}

// Fields are printed as `name=value`; nested nodes save and restore the count.
#define NESTED(d, call) do { int saved_ = (d)->nfields; call; (d)->nfields = saved_; } while (0)

static void dump_expr(Dumper *d, const KrAstExpr *e);
static void dump_stmts(Dumper *d, const char *name, const KrAstStmtSeq *s);
static void dump_pattern(Dumper *d, const KrAstPattern *pat);

static void close_node(Dumper *d, int lineno, int col, int end_lineno, int end_col) {
    if (d->attrs) {
        fprintf(d->out, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                d->nfields ? ", " : "", lineno, col, end_lineno, end_col);
    }
    fputc(')', d->out);
}
#define CLOSE(d, n) close_node((d), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)

static void close_plain(Dumper *d) { fputc(')', d->out); }

static void simple_node(Dumper *d, const char *name) { fprintf(d->out, "%s()", name); }

static void f_expr(Dumper *d, const char *name, const KrAstExpr *e) {
    field(d, name);
    if (e) NESTED(d, dump_expr(d, e));
    else fputs("None", d->out);
}

static void f_opt_expr(Dumper *d, const char *name, const KrAstExpr *e) {
    if (e) f_expr(d, name, e);
}

static void f_exprs(Dumper *d, const char *name, const KrAstExprSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        if (s->items[i]) NESTED(d, dump_expr(d, s->items[i]));
        else fputs("None", d->out);
    }
    fputc(']', d->out);
}

static void f_str(Dumper *d, const char *name, const char *s) {
    field(d, name);
    repr_str(d->out, s, strlen(s), 0);
}

static void f_opt_str(Dumper *d, const char *name, const char *s) {
    if (s) f_str(d, name, s);
}

static void f_names(Dumper *d, const char *name, const KrAstIdentifierSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        repr_str(d->out, s->items[i], strlen(s->items[i]), 0);
    }
    fputc(']', d->out);
}

static void f_ctx(Dumper *d, KrAstExprContext ctx) {
    field(d, "ctx");
    simple_node(d, krAst_context_name(ctx));
}

static void f_int(Dumper *d, const char *name, int v) {
    field(d, name);
    fprintf(d->out, "%d", v);
}

static void dump_arg(Dumper *d, const KrAstArg *a) {
    open_node(d, "arg");
    f_str(d, "arg", a->arg);
    f_opt_expr(d, "annotation", a->annotation);
    f_opt_str(d, "type_comment", a->type_comment);
    CLOSE(d, a);
}

static void f_args(Dumper *d, const char *name, const KrAstArgSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        NESTED(d, dump_arg(d, s->items[i]));
    }
    fputc(']', d->out);
}

static void dump_arguments(Dumper *d, const KrAstArguments *a) {
    open_node(d, "arguments");
    f_args(d, "posonlyargs", a->posonlyargs);
    f_args(d, "args", a->args);
    if (a->vararg) { field(d, "vararg"); NESTED(d, dump_arg(d, a->vararg)); }
    f_args(d, "kwonlyargs", a->kwonlyargs);
    f_exprs(d, "kw_defaults", a->kw_defaults);
    if (a->kwarg) { field(d, "kwarg"); NESTED(d, dump_arg(d, a->kwarg)); }
    f_exprs(d, "defaults", a->defaults);
    close_plain(d);
}

static void f_keywords(Dumper *d, const char *name, const KrAstKeywordSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        const KrAstKeyword *k = s->items[i];
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "keyword");
        f_opt_str(d, "arg", k->arg);
        f_expr(d, "value", k->value);
        CLOSE(d, k);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void f_comprehensions(Dumper *d, const KrAstComprehensionSeq *s) {
    field(d, "generators");
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        const KrAstComprehension *c = s->items[i];
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "comprehension");
        f_expr(d, "target", c->target);
        f_expr(d, "iter", c->iter);
        f_exprs(d, "ifs", c->ifs);
        f_int(d, "is_async", c->is_async);
        close_plain(d);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void dump_expr_fields(Dumper *d, const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_BoolOp:
        field(d, "op"); simple_node(d, krAst_boolop_name(e->v.BoolOp.op));
        f_exprs(d, "values", e->v.BoolOp.values);
        break;
    case KR_EXPR_NamedExpr:
        f_expr(d, "target", e->v.NamedExpr.target);
        f_expr(d, "value", e->v.NamedExpr.value);
        break;
    case KR_EXPR_BinOp:
        f_expr(d, "left", e->v.BinOp.left);
        field(d, "op"); simple_node(d, krAst_operator_name(e->v.BinOp.op));
        f_expr(d, "right", e->v.BinOp.right);
        break;
    case KR_EXPR_UnaryOp:
        field(d, "op"); simple_node(d, krAst_unaryop_name(e->v.UnaryOp.op));
        f_expr(d, "operand", e->v.UnaryOp.operand);
        break;
    case KR_EXPR_Lambda:
        field(d, "args"); NESTED(d, dump_arguments(d, e->v.Lambda.args));
        f_expr(d, "body", e->v.Lambda.body);
        break;
    case KR_EXPR_IfExp:
        f_expr(d, "test", e->v.IfExp.test);
        f_expr(d, "body", e->v.IfExp.body);
        f_expr(d, "orelse", e->v.IfExp.orelse);
        break;
    case KR_EXPR_Dict:
        f_exprs(d, "keys", e->v.Dict.keys);
        f_exprs(d, "values", e->v.Dict.values);
        break;
    case KR_EXPR_Set: f_exprs(d, "elts", e->v.Set.elts); break;
    case KR_EXPR_ListComp: case KR_EXPR_SetComp: case KR_EXPR_GeneratorExp:
        f_expr(d, "elt", e->v.ListComp.elt);
        f_comprehensions(d, e->v.ListComp.generators);
        break;
    case KR_EXPR_DictComp:
        f_expr(d, "key", e->v.DictComp.key);
        f_expr(d, "value", e->v.DictComp.value);
        f_comprehensions(d, e->v.DictComp.generators);
        break;
    case KR_EXPR_Await: f_expr(d, "value", e->v.Await.value); break;
    case KR_EXPR_Yield: f_opt_expr(d, "value", e->v.Yield.value); break;
    case KR_EXPR_YieldFrom: f_expr(d, "value", e->v.YieldFrom.value); break;
    case KR_EXPR_Compare:
        f_expr(d, "left", e->v.Compare.left);
        field(d, "ops");
        fputc('[', d->out);
        for (int i = 0; i < KR_AST_LEN(e->v.Compare.ops); i++) {
            if (i) fputs(", ", d->out);
            simple_node(d, krAst_cmpop_name(e->v.Compare.ops->items[i]));
        }
        fputc(']', d->out);
        f_exprs(d, "comparators", e->v.Compare.comparators);
        break;
    case KR_EXPR_Call:
        f_expr(d, "func", e->v.Call.func);
        f_exprs(d, "args", e->v.Call.args);
        f_keywords(d, "keywords", e->v.Call.keywords);
        break;
    case KR_EXPR_FormattedValue:
        f_expr(d, "value", e->v.FormattedValue.value);
        f_int(d, "conversion", e->v.FormattedValue.conversion);
        f_opt_expr(d, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case KR_EXPR_JoinedStr: f_exprs(d, "values", e->v.JoinedStr.values); break;
    case KR_EXPR_Constant:
        field(d, "value"); krAst_repr_constant(d->out, &e->v.Constant.value);
        f_opt_str(d, "kind", e->v.Constant.kind);
        break;
    case KR_EXPR_Attribute:
        f_expr(d, "value", e->v.Attribute.value);
        f_str(d, "attr", e->v.Attribute.attr);
        f_ctx(d, e->v.Attribute.ctx);
        break;
    case KR_EXPR_Subscript:
        f_expr(d, "value", e->v.Subscript.value);
        f_expr(d, "slice", e->v.Subscript.slice);
        f_ctx(d, e->v.Subscript.ctx);
        break;
    case KR_EXPR_Starred:
        f_expr(d, "value", e->v.Starred.value);
        f_ctx(d, e->v.Starred.ctx);
        break;
    case KR_EXPR_Name:
        f_str(d, "id", e->v.Name.id);
        f_ctx(d, e->v.Name.ctx);
        break;
    case KR_EXPR_List: case KR_EXPR_Tuple:
        f_exprs(d, "elts", e->v.List.elts);
        f_ctx(d, e->v.List.ctx);
        break;
    case KR_EXPR_Slice:
        f_opt_expr(d, "lower", e->v.Slice.lower);
        f_opt_expr(d, "upper", e->v.Slice.upper);
        f_opt_expr(d, "step", e->v.Slice.step);
        break;
    }
}

static void dump_expr(Dumper *d, const KrAstExpr *e) {
    open_node(d, krAst_expr_name(e->kind));
    dump_expr_fields(d, e);
    CLOSE(d, e);
}

static void f_patterns(Dumper *d, const char *name, const KrAstPatternSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        NESTED(d, dump_pattern(d, s->items[i]));
    }
    fputc(']', d->out);
}

static void dump_pattern(Dumper *d, const KrAstPattern *pat) {
    open_node(d, krAst_pattern_name(pat->kind));
    switch (pat->kind) {
    case KR_PAT_MatchValue: f_expr(d, "value", pat->v.MatchValue.value); break;
    case KR_PAT_MatchSingleton:
        field(d, "value"); krAst_repr_constant(d->out, &pat->v.MatchSingleton.value);
        break;
    case KR_PAT_MatchSequence: f_patterns(d, "patterns", pat->v.MatchSequence.patterns); break;
    case KR_PAT_MatchMapping:
        f_exprs(d, "keys", pat->v.MatchMapping.keys);
        f_patterns(d, "patterns", pat->v.MatchMapping.patterns);
        f_opt_str(d, "rest", pat->v.MatchMapping.rest);
        break;
    case KR_PAT_MatchClass:
        f_expr(d, "cls", pat->v.MatchClass.cls);
        f_patterns(d, "patterns", pat->v.MatchClass.patterns);
        f_names(d, "kwd_attrs", pat->v.MatchClass.kwd_attrs);
        f_patterns(d, "kwd_patterns", pat->v.MatchClass.kwd_patterns);
        break;
    case KR_PAT_MatchStar: f_opt_str(d, "name", pat->v.MatchStar.name); break;
    case KR_PAT_MatchAs:
        if (pat->v.MatchAs.pattern) { field(d, "pattern"); NESTED(d, dump_pattern(d, pat->v.MatchAs.pattern)); }
        f_opt_str(d, "name", pat->v.MatchAs.name);
        break;
    case KR_PAT_MatchOr: f_patterns(d, "patterns", pat->v.MatchOr.patterns); break;
    }
    CLOSE(d, pat);
}

static void dump_handlers(Dumper *d, const KrAstExcepthandlerSeq *s) {
    field(d, "handlers");
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        const KrAstExcepthandler *h = s->items[i];
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "ExceptHandler");
        f_opt_expr(d, "type", h->type);
        f_opt_str(d, "name", h->name);
        dump_stmts(d, "body", h->body);
        CLOSE(d, h);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void dump_withitems(Dumper *d, const KrAstWithitemSeq *s) {
    field(d, "items");
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "withitem");
        f_expr(d, "context_expr", s->items[i]->context_expr);
        f_opt_expr(d, "optional_vars", s->items[i]->optional_vars);
        close_plain(d);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void dump_aliases(Dumper *d, const KrAstAliasSeq *s) {
    field(d, "names");
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        const KrAstAlias *a = s->items[i];
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "alias");
        f_str(d, "name", a->name);
        f_opt_str(d, "asname", a->asname);
        CLOSE(d, a);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void dump_cases(Dumper *d, const KrAstMatchCaseSeq *s) {
    field(d, "cases");
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        const KrAstMatchCase *c = s->items[i];
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, "match_case");
        field(d, "pattern");
        NESTED(d, dump_pattern(d, c->pattern));
        f_opt_expr(d, "guard", c->guard);
        dump_stmts(d, "body", c->body);
        close_plain(d);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

static void dump_stmt_fields(Dumper *d, const KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FunctionDef: case KR_STMT_AsyncFunctionDef:
        f_str(d, "name", s->v.FunctionDef.name);
        field(d, "args"); NESTED(d, dump_arguments(d, s->v.FunctionDef.args));
        dump_stmts(d, "body", s->v.FunctionDef.body);
        f_exprs(d, "decorator_list", s->v.FunctionDef.decorator_list);
        f_opt_expr(d, "returns", s->v.FunctionDef.returns);
        f_opt_str(d, "type_comment", s->v.FunctionDef.type_comment);
        break;
    case KR_STMT_ClassDef:
        f_str(d, "name", s->v.ClassDef.name);
        f_exprs(d, "bases", s->v.ClassDef.bases);
        f_keywords(d, "keywords", s->v.ClassDef.keywords);
        dump_stmts(d, "body", s->v.ClassDef.body);
        f_exprs(d, "decorator_list", s->v.ClassDef.decorator_list);
        break;
    case KR_STMT_Return: f_opt_expr(d, "value", s->v.Return.value); break;
    case KR_STMT_Delete: f_exprs(d, "targets", s->v.Delete.targets); break;
    case KR_STMT_Assign:
        f_exprs(d, "targets", s->v.Assign.targets);
        f_expr(d, "value", s->v.Assign.value);
        f_opt_str(d, "type_comment", s->v.Assign.type_comment);
        break;
    case KR_STMT_AugAssign:
        f_expr(d, "target", s->v.AugAssign.target);
        field(d, "op"); simple_node(d, krAst_operator_name(s->v.AugAssign.op));
        f_expr(d, "value", s->v.AugAssign.value);
        break;
    case KR_STMT_AnnAssign:
        f_expr(d, "target", s->v.AnnAssign.target);
        f_expr(d, "annotation", s->v.AnnAssign.annotation);
        f_opt_expr(d, "value", s->v.AnnAssign.value);
        f_int(d, "simple", s->v.AnnAssign.simple);
        break;
    case KR_STMT_For: case KR_STMT_AsyncFor:
        f_expr(d, "target", s->v.For.target);
        f_expr(d, "iter", s->v.For.iter);
        dump_stmts(d, "body", s->v.For.body);
        dump_stmts(d, "orelse", s->v.For.orelse);
        f_opt_str(d, "type_comment", s->v.For.type_comment);
        break;
    case KR_STMT_While: case KR_STMT_If:
        f_expr(d, "test", s->v.If.test);
        dump_stmts(d, "body", s->v.If.body);
        dump_stmts(d, "orelse", s->v.If.orelse);
        break;
    case KR_STMT_With: case KR_STMT_AsyncWith:
        dump_withitems(d, s->v.With.items);
        dump_stmts(d, "body", s->v.With.body);
        f_opt_str(d, "type_comment", s->v.With.type_comment);
        break;
    case KR_STMT_Match:
        f_expr(d, "subject", s->v.Match.subject);
        dump_cases(d, s->v.Match.cases);
        break;
    case KR_STMT_Raise:
        f_opt_expr(d, "exc", s->v.Raise.exc);
        f_opt_expr(d, "cause", s->v.Raise.cause);
        break;
    case KR_STMT_Try: case KR_STMT_TryStar:
        dump_stmts(d, "body", s->v.Try.body);
        dump_handlers(d, s->v.Try.handlers);
        dump_stmts(d, "orelse", s->v.Try.orelse);
        dump_stmts(d, "finalbody", s->v.Try.finalbody);
        break;
    case KR_STMT_Assert:
        f_expr(d, "test", s->v.Assert.test);
        f_opt_expr(d, "msg", s->v.Assert.msg);
        break;
    case KR_STMT_Import: dump_aliases(d, s->v.Import.names); break;
    case KR_STMT_ImportFrom:
        f_opt_str(d, "module", s->v.ImportFrom.module);
        dump_aliases(d, s->v.ImportFrom.names);
        f_int(d, "level", s->v.ImportFrom.level);
        break;
    case KR_STMT_Global: case KR_STMT_Nonlocal: f_names(d, "names", s->v.Global.names); break;
    case KR_STMT_Expr: f_expr(d, "value", s->v.Expr.value); break;
    case KR_STMT_Pass: case KR_STMT_Break: case KR_STMT_Continue: break;
    }
}

static void dump_stmts(Dumper *d, const char *name, const KrAstStmtSeq *s) {
    field(d, name);
    fputc('[', d->out);
    for (int i = 0; i < KR_AST_LEN(s); i++) {
        if (i) fputs(", ", d->out);
        int saved = d->nfields;
        open_node(d, krAst_stmt_name(s->items[i]->kind));
        dump_stmt_fields(d, s->items[i]);
        CLOSE(d, s->items[i]);
        d->nfields = saved;
    }
    fputc(']', d->out);
}

void krAst_dump(FILE *out, const KrAstMod *mod, int include_attributes) {
    Dumper d = {out, include_attributes, 0};
    open_node(&d, krAst_mod_name(mod->kind));
    switch (mod->kind) {
    case KR_MOD_Module:
        dump_stmts(&d, "body", mod->v.Module.body);
        field(&d, "type_ignores");
        fputs("[]", out);
        break;
    case KR_MOD_Interactive: dump_stmts(&d, "body", mod->v.Interactive.body); break;
    case KR_MOD_Expression: f_expr(&d, "body", mod->v.Expression.body); break;
    case KR_MOD_FunctionType:
        f_exprs(&d, "argtypes", mod->v.FunctionType.argtypes);
        f_expr(&d, "returns", mod->v.FunctionType.returns);
        break;
    }
    close_plain(&d);
}
