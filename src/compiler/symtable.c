/*
 * symtable.c — the symbol table: which block each name belongs to.
 *
 * Two passes, as in CPython 3.11's symtable.c.  The first walks the AST and
 * records, per block (module, class, function, lambda, comprehension), the
 * flags of every name (assigned, used, parameter, global, nonlocal, imported,
 * annotated).  The second (analyze_*) decides each name's scope:
 *
 *   LOCAL            bound in a function block
 *   GLOBAL_EXPLICIT  declared global
 *   GLOBAL_IMPLICIT  free and not bound in any enclosing function
 *   FREE             bound in an enclosing function (or nonlocal)
 *   CELL             local here and free in a nested block
 *
 * Class blocks are transparent to nested functions (their bindings are not
 * visible inside methods), except `__class__`, which a class provides as a
 * cell when a method uses it (or calls super()).
 *
 * Comprehensions are function blocks with the iterator as parameter `.0`; a
 * walrus inside one binds in the nearest enclosing function or module.
 *
 * All names are interned (compiler.h), so sets and maps key on pointers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compiler/compiler.h"
#include "runtime/error.h"
#include "objects/exc.h"


static int no_memory(KrCompiler *c) {
    krErr_no_memory(c->ts);
    return -1;
}

static int grow(KrCompiler *c, void **items, int *cap, int need, size_t size) {
    if (need <= *cap) return 0;
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) ncap *= 2;
    void *p = krMem_realloc(*items, (size_t)ncap * size);
    if (!p) return no_memory(c);
    *items = p;
    *cap = ncap;
    return 0;
}

// ---------------------------------------------------------------------------
// Entries

static KrSymEntry *ste_new(KrCompiler *c, const char *name, KrBlockType type, const void *key, KrLoc loc) {
    KrSymtable *st = &c->st;
    KrSymEntry *ste = krArena_calloc(c->arena, sizeof(KrSymEntry));
    if (!ste) {
        no_memory(c);
        return NULL;
    }
    ste->name = name;
    ste->type = type;
    ste->key = key;
    ste->loc = loc;
    ste->all_next = st->all;
    st->all = ste;
    if (st->cur && (st->cur->nested || st->cur->type == KR_BLOCK_FUNCTION)) ste->nested = 1;
    if (krPtrMap_set(&st->blocks, key, (intptr_t)ste) < 0) {
        no_memory(c);
        return NULL;
    }
    return ste;
}

static void ste_free(KrSymEntry *ste) {
    krPtrMap_clear(&ste->symbols);
    krMem_free(ste->varnames);
    krMem_free(ste->children);
    krMem_free(ste->directives);
}

void krSym_free(KrSymtable *st) {
    for (KrSymEntry *e = st->all; e; e = e->all_next) ste_free(e);
    krMem_free(st->stack);
    krPtrMap_clear(&st->blocks);
    st->all = NULL;
    st->stack = NULL;
    st->nstack = st->capstack = 0;
}

KrSymEntry *krSym_lookup(KrSymtable *st, const void *key) {
    intptr_t v;
    return krPtrMap_get(&st->blocks, key, &v) ? (KrSymEntry *)v : NULL;
}

long krSym_flags(const KrSymEntry *ste, const char *name) {
    return (long)krPtrMap_lookup(&ste->symbols, name, 0);
}

int krSym_scope(const KrSymEntry *ste, const char *name) {
    return (int)((krSym_flags(ste, name) >> KR_SCOPE_OFFSET) & KR_SCOPE_MASK);
}

static int enter_block(KrCompiler *c, const char *name, KrBlockType type, const void *key, KrLoc loc) {
    KrSymtable *st = &c->st;
    KrSymEntry *prev = st->cur;
    KrSymEntry *ste = ste_new(c, name, type, key, loc);
    if (!ste) return -1;
    if (grow(c, (void **)&st->stack, &st->capstack, st->nstack + 1, sizeof(KrSymEntry *)) < 0) return -1;
    st->stack[st->nstack++] = ste;
    // bpo-37757: no assignment expressions anywhere in the outermost iterable
    // of a comprehension, even inside a nested lambda or comprehension.
    if (prev) ste->comp_iter_expr = prev->comp_iter_expr;
    st->cur = ste;
    // Annotation blocks (future annotations) have no effect on scoping: the
    // annotations become strings.
    if (type == KR_BLOCK_ANNOTATION) return 0;
    if (type == KR_BLOCK_MODULE) st->top = ste;
    if (prev) {
        if (grow(c, (void **)&prev->children, &prev->capchildren, prev->nchildren + 1, sizeof(KrSymEntry *)) < 0)
            return -1;
        prev->children[prev->nchildren++] = ste;
    }
    return 0;
}

static void exit_block(KrCompiler *c) {
    KrSymtable *st = &c->st;
    st->nstack--;
    st->cur = st->nstack > 0 ? st->stack[st->nstack - 1] : NULL;
}

// ---------------------------------------------------------------------------
// Recording names

static int error_at(KrCompiler *c, KrLoc loc, const char *fmt, const char *name) {
    return krCompiler_error_at(c, loc, fmt, name);
}

static int add_def_helper(KrCompiler *c, const char *name, long flag, KrSymEntry *ste, KrLoc loc) {
    const char *mangled = krCompiler_mangle(c, c->st.private_name, name);
    if (!mangled) return -1;
    intptr_t val;
    if (krPtrMap_get(&ste->symbols, mangled, &val)) {
        if ((flag & KR_DEF_PARAM) && (val & KR_DEF_PARAM))
            return error_at(c, loc, "duplicate argument '%s' in function definition", name);
        val |= flag;
    } else {
        val = flag;
    }
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension: it may not also be a walrus target.
        if (val & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL))
            return error_at(c, loc, "comprehension inner loop cannot rebind assignment expression target '%s'",
                            name);
        val |= KR_DEF_COMP_ITER;
    }
    if (krPtrMap_set(&ste->symbols, mangled, val) < 0) return no_memory(c);
    if (flag & KR_DEF_PARAM) {
        if (grow(c, (void **)&ste->varnames, &ste->capvarnames, ste->nvarnames + 1, sizeof(char *)) < 0) return -1;
        ste->varnames[ste->nvarnames++] = mangled;
    } else if (flag & KR_DEF_GLOBAL) {
        KrPtrMap *g = &c->st.top->symbols;
        intptr_t gv = flag | krPtrMap_lookup(g, mangled, 0);
        if (krPtrMap_set(g, mangled, gv) < 0) return no_memory(c);
    }
    return 0;
}

static int add_def(KrCompiler *c, const char *name, long flag, KrLoc loc) {
    return add_def_helper(c, name, flag, c->st.cur, loc);
}

static long lookup(KrCompiler *c, const char *name) {
    const char *mangled = krCompiler_mangle(c, c->st.private_name, name);
    if (!mangled) return -1;
    return krSym_flags(c->st.cur, mangled);
}

static int record_directive(KrCompiler *c, const char *name, KrLoc loc) {
    KrSymEntry *ste = c->st.cur;
    const char *mangled = krCompiler_mangle(c, c->st.private_name, name);
    if (!mangled) return -1;
    if (grow(c, (void **)&ste->directives, &ste->capdirectives, ste->ndirectives + 1, sizeof(KrDirective)) < 0)
        return -1;
    ste->directives[ste->ndirectives++] = (KrDirective){mangled, loc};
    return 0;
}

// ---------------------------------------------------------------------------
// The AST walk

static int visit_stmt(KrCompiler *c, KrAstStmt *s);
static int visit_expr(KrCompiler *c, KrAstExpr *e);
static int visit_pattern(KrCompiler *c, KrAstPattern *p);

static int visit_stmts(KrCompiler *c, KrAstStmtSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++)
        if (visit_stmt(c, seq->items[i]) < 0) return -1;
    return 0;
}

static int visit_exprs(KrCompiler *c, KrAstExprSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++)
        if (seq->items[i] && visit_expr(c, seq->items[i]) < 0) return -1;
    return 0;
}

// Identifiers that are not names (attributes, keywords) are interned too, as
// CPython's parser does; consts.c asks whether a string was.
static int note_identifier(KrCompiler *c, const char *id) {
    return id && !krCompiler_intern(c, id, strlen(id)) ? -1 : 0;
}

static int visit_keywords(KrCompiler *c, KrAstKeywordSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++) {
        if (note_identifier(c, seq->items[i]->arg) < 0) return -1;
        if (visit_expr(c, seq->items[i]->value) < 0) return -1;
    }
    return 0;
}

static int visit_params(KrCompiler *c, KrAstArgSeq *args) {
    for (int i = 0; i < KR_AST_LEN(args); i++) {
        KrAstArg *a = args->items[i];
        if (add_def(c, a->arg, KR_DEF_PARAM, KR_LOC_OF(a)) < 0) return -1;
    }
    return 0;
}

static int visit_arguments(KrCompiler *c, KrAstArguments *a) {
    if (visit_params(c, a->posonlyargs) < 0 || visit_params(c, a->args) < 0 || visit_params(c, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def(c, a->vararg->arg, KR_DEF_PARAM, KR_LOC_OF(a->vararg)) < 0) return -1;
        c->st.cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(c, a->kwarg->arg, KR_DEF_PARAM, KR_LOC_OF(a->kwarg)) < 0) return -1;
        c->st.cur->varkeywords = 1;
    }
    return 0;
}

static bool future_annotations(KrCompiler *c) { return (c->flags & KR_CO_FUTURE_ANNOTATIONS) != 0; }

static int visit_annotation(KrCompiler *c, KrAstExpr *ann) {
    bool fut = future_annotations(c);
    if (fut && enter_block(c, krCompiler_intern(c, "_annotation", 11), KR_BLOCK_ANNOTATION, ann, KR_LOC_OF(ann)) < 0)
        return -1;
    if (visit_expr(c, ann) < 0) return -1;
    if (fut) exit_block(c);
    return 0;
}

static int visit_argannotations(KrCompiler *c, KrAstArgSeq *args) {
    for (int i = 0; i < KR_AST_LEN(args); i++) {
        KrAstArg *a = args->items[i];
        if (a->annotation && visit_expr(c, a->annotation) < 0) return -1;
    }
    return 0;
}

static int visit_annotations(KrCompiler *c, KrAstStmt *s, KrAstArguments *a, KrAstExpr *returns) {
    bool fut = future_annotations(c);
    if (fut && enter_block(c, krCompiler_intern(c, "_annotation", 11), KR_BLOCK_ANNOTATION, s, KR_LOC_OF(s)) < 0)
        return -1;
    if (visit_argannotations(c, a->posonlyargs) < 0 || visit_argannotations(c, a->args) < 0) return -1;
    if (a->vararg && a->vararg->annotation && visit_expr(c, a->vararg->annotation) < 0) return -1;
    if (a->kwarg && a->kwarg->annotation && visit_expr(c, a->kwarg->annotation) < 0) return -1;
    if (visit_argannotations(c, a->kwonlyargs) < 0) return -1;
    if (fut) exit_block(c);
    if (returns && visit_annotation(c, returns) < 0) return -1;
    return 0;
}

static int visit_function(KrCompiler *c, KrAstStmt *s, bool is_async) {
    KrAstArguments *args = s->v.FunctionDef.args;
    if (add_def(c, s->v.FunctionDef.name, KR_DEF_LOCAL, KR_LOC_OF(s)) < 0) return -1;
    if (visit_exprs(c, args->defaults) < 0 || visit_exprs(c, args->kw_defaults) < 0) return -1;
    if (visit_annotations(c, s, args, s->v.FunctionDef.returns) < 0) return -1;
    if (visit_exprs(c, s->v.FunctionDef.decorator_list) < 0) return -1;
    const char *name = krCompiler_intern(c, s->v.FunctionDef.name, strlen(s->v.FunctionDef.name));
    if (!name || enter_block(c, name, KR_BLOCK_FUNCTION, s, KR_LOC_OF(s)) < 0) return -1;
    if (is_async) c->st.cur->coroutine = 1;
    if (visit_arguments(c, args) < 0 || visit_stmts(c, s->v.FunctionDef.body) < 0) return -1;
    exit_block(c);
    return 0;
}

static int visit_class(KrCompiler *c, KrAstStmt *s) {
    if (add_def(c, s->v.ClassDef.name, KR_DEF_LOCAL, KR_LOC_OF(s)) < 0) return -1;
    if (visit_exprs(c, s->v.ClassDef.bases) < 0 || visit_keywords(c, s->v.ClassDef.keywords) < 0) return -1;
    if (visit_exprs(c, s->v.ClassDef.decorator_list) < 0) return -1;
    const char *name = krCompiler_intern(c, s->v.ClassDef.name, strlen(s->v.ClassDef.name));
    if (!name || enter_block(c, name, KR_BLOCK_CLASS, s, KR_LOC_OF(s)) < 0) return -1;
    const char *saved = c->st.private_name;
    c->st.private_name = name;
    if (visit_stmts(c, s->v.ClassDef.body) < 0) return -1;
    c->st.private_name = saved;
    exit_block(c);
    return 0;
}

static int visit_annassign(KrCompiler *c, KrAstStmt *s) {
    KrAstExpr *target = s->v.AnnAssign.target;
    if (target->kind == KR_EXPR_Name) {
        long cur = lookup(c, target->v.Name.id);
        if (cur < 0) return -1;
        if ((cur & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL)) && c->st.cur != c->st.top && s->v.AnnAssign.simple) {
            return error_at(c, KR_LOC_OF(s),
                            (cur & KR_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                  : "annotated name '%s' can't be nonlocal",
                            target->v.Name.id);
        }
        if (s->v.AnnAssign.simple) {
            if (add_def(c, target->v.Name.id, KR_DEF_ANNOT | KR_DEF_LOCAL, KR_LOC_OF(target)) < 0) return -1;
        } else if (s->v.AnnAssign.value) {
            if (add_def(c, target->v.Name.id, KR_DEF_LOCAL, KR_LOC_OF(target)) < 0) return -1;
        }
    } else if (visit_expr(c, target) < 0) {
        return -1;
    }
    if (visit_annotation(c, s->v.AnnAssign.annotation) < 0) return -1;
    if (s->v.AnnAssign.value && visit_expr(c, s->v.AnnAssign.value) < 0) return -1;
    return 0;
}

static int visit_global(KrCompiler *c, KrAstStmt *s, bool nonlocal) {
    KrAstIdentifierSeq *names = s->v.Global.names;
    for (int i = 0; i < KR_AST_LEN(names); i++) {
        const char *name = names->items[i];
        long cur = lookup(c, name);
        if (cur < 0) return -1;
        if (cur & (KR_DEF_PARAM | KR_DEF_LOCAL | KR_USE | KR_DEF_ANNOT)) {
            const char *msg;
            if (cur & KR_DEF_PARAM)
                msg = nonlocal ? "name '%s' is parameter and nonlocal" : "name '%s' is parameter and global";
            else if (cur & KR_USE)
                msg = nonlocal ? "name '%s' is used prior to nonlocal declaration"
                               : "name '%s' is used prior to global declaration";
            else if (cur & KR_DEF_ANNOT)
                msg = nonlocal ? "annotated name '%s' can't be nonlocal" : "annotated name '%s' can't be global";
            else
                msg = nonlocal ? "name '%s' is assigned to before nonlocal declaration"
                               : "name '%s' is assigned to before global declaration";
            return error_at(c, KR_LOC_OF(s), msg, name);
        }
        if (add_def(c, name, nonlocal ? KR_DEF_NONLOCAL : KR_DEF_GLOBAL, KR_LOC_OF(s)) < 0) return -1;
        if (record_directive(c, name, KR_LOC_OF(s)) < 0) return -1;
    }
    return 0;
}

static int visit_alias(KrCompiler *c, KrAstAlias *a) {
    if (note_identifier(c, a->name) < 0) return -1;
    // The bound name: `import a.b` binds `a`.
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (c->st.cur->type != KR_BLOCK_MODULE)
            return krCompiler_error_at(c, KR_LOC_OF(a), "import * only allowed at module level");
        return 0;
    }
    const char *dot = strchr(name, '.');
    const char *store = krCompiler_intern(c, name, dot ? (size_t)(dot - name) : strlen(name));
    if (!store) return -1;
    return add_def(c, store, KR_DEF_IMPORT, KR_LOC_OF(a));
}

static int visit_handlers(KrCompiler *c, KrAstExcepthandlerSeq *handlers) {
    for (int i = 0; i < KR_AST_LEN(handlers); i++) {
        KrAstExcepthandler *h = handlers->items[i];
        if (h->type && visit_expr(c, h->type) < 0) return -1;
        if (h->name && add_def(c, h->name, KR_DEF_LOCAL, KR_LOC_OF(h)) < 0) return -1;
        if (visit_stmts(c, h->body) < 0) return -1;
    }
    return 0;
}

static int visit_stmt_body(KrCompiler *c, KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FunctionDef: return visit_function(c, s, false);
    case KR_STMT_AsyncFunctionDef: return visit_function(c, s, true);
    case KR_STMT_ClassDef: return visit_class(c, s);
    case KR_STMT_Return:
        if (s->v.Return.value) {
            if (visit_expr(c, s->v.Return.value) < 0) return -1;
            c->st.cur->returns_value = 1;
        }
        return 0;
    case KR_STMT_Delete: return visit_exprs(c, s->v.Delete.targets);
    case KR_STMT_Assign:
        if (visit_exprs(c, s->v.Assign.targets) < 0) return -1;
        return visit_expr(c, s->v.Assign.value);
    case KR_STMT_AnnAssign: return visit_annassign(c, s);
    case KR_STMT_AugAssign:
        if (visit_expr(c, s->v.AugAssign.target) < 0) return -1;
        return visit_expr(c, s->v.AugAssign.value);
    case KR_STMT_For:
    case KR_STMT_AsyncFor:
        if (visit_expr(c, s->v.For.target) < 0 || visit_expr(c, s->v.For.iter) < 0) return -1;
        if (visit_stmts(c, s->v.For.body) < 0) return -1;
        return visit_stmts(c, s->v.For.orelse);
    case KR_STMT_While:
    case KR_STMT_If:
        if (visit_expr(c, s->v.While.test) < 0 || visit_stmts(c, s->v.While.body) < 0) return -1;
        return visit_stmts(c, s->v.While.orelse);
    case KR_STMT_Match:
        if (visit_expr(c, s->v.Match.subject) < 0) return -1;
        for (int i = 0; i < KR_AST_LEN(s->v.Match.cases); i++) {
            KrAstMatchCase *mc = s->v.Match.cases->items[i];
            if (visit_pattern(c, mc->pattern) < 0) return -1;
            if (mc->guard && visit_expr(c, mc->guard) < 0) return -1;
            if (visit_stmts(c, mc->body) < 0) return -1;
        }
        return 0;
    case KR_STMT_Raise:
        if (s->v.Raise.exc && visit_expr(c, s->v.Raise.exc) < 0) return -1;
        if (s->v.Raise.cause && visit_expr(c, s->v.Raise.cause) < 0) return -1;
        return 0;
    case KR_STMT_Try:
    case KR_STMT_TryStar:
        if (visit_stmts(c, s->v.Try.body) < 0 || visit_stmts(c, s->v.Try.orelse) < 0) return -1;
        if (visit_handlers(c, s->v.Try.handlers) < 0) return -1;
        return visit_stmts(c, s->v.Try.finalbody);
    case KR_STMT_Assert:
        if (visit_expr(c, s->v.Assert.test) < 0) return -1;
        return s->v.Assert.msg ? visit_expr(c, s->v.Assert.msg) : 0;
    case KR_STMT_Import:
        for (int i = 0; i < KR_AST_LEN(s->v.Import.names); i++)
            if (visit_alias(c, s->v.Import.names->items[i]) < 0) return -1;
        return 0;
    case KR_STMT_ImportFrom:
        for (int i = 0; i < KR_AST_LEN(s->v.ImportFrom.names); i++)
            if (visit_alias(c, s->v.ImportFrom.names->items[i]) < 0) return -1;
        return 0;
    case KR_STMT_Global: return visit_global(c, s, false);
    case KR_STMT_Nonlocal: return visit_global(c, s, true);
    case KR_STMT_Expr: return visit_expr(c, s->v.Expr.value);
    case KR_STMT_Pass:
    case KR_STMT_Break:
    case KR_STMT_Continue:
        return 0;
    case KR_STMT_With:
    case KR_STMT_AsyncWith:
        for (int i = 0; i < KR_AST_LEN(s->v.With.items); i++) {
            KrAstWithitem *w = s->v.With.items->items[i];
            if (visit_expr(c, w->context_expr) < 0) return -1;
            if (w->optional_vars && visit_expr(c, w->optional_vars) < 0) return -1;
        }
        return visit_stmts(c, s->v.With.body);
    }
    return 0;
}

static int check_depth(KrCompiler *c) {
    return ++c->st.depth > c->depth_limit ? krCompiler_too_deep(c) : 0;
}

static int visit_stmt(KrCompiler *c, KrAstStmt *s) {
    if (check_depth(c) < 0) return -1;
    int r = visit_stmt_body(c, s);
    c->st.depth--;
    return r;
}

// --- expressions ---

static int raise_if_annotation(KrCompiler *c, const char *what, KrAstExpr *e) {
    if (c->st.cur->type == KR_BLOCK_ANNOTATION)
        return krCompiler_error_at(c, KR_LOC_OF(e), "'%s' can not be used within an annotation", what);
    return 0;
}

static int raise_if_comprehension(KrCompiler *c, KrAstExpr *e) {
    static const char *const msgs[] = {
        [KR_COMP_LIST] = "'yield' inside list comprehension",
        [KR_COMP_SET] = "'yield' inside set comprehension",
        [KR_COMP_DICT] = "'yield' inside dict comprehension",
        [KR_COMP_GENEXP] = "'yield' inside generator expression",
    };
    return krCompiler_error_at(c, KR_LOC_OF(e), "%s", msgs[c->st.cur->comprehension]);
}

// A walrus in a comprehension binds in the nearest enclosing function or module.
static int extend_namedexpr_scope(KrCompiler *c, KrAstExpr *e) {
    const char *target = krCompiler_intern(c, e->v.Name.id, strlen(e->v.Name.id));
    if (!target) return -1;
    KrSymtable *st = &c->st;
    for (int i = st->nstack - 1; i >= 0; i--) {
        KrSymEntry *ste = st->stack[i];
        if (ste->comprehension) {
            if (krSym_flags(ste, target) & KR_DEF_COMP_ITER)
                return error_at(c, KR_LOC_OF(e), "assignment expression cannot rebind comprehension iteration variable '%s'",
                                target);
            continue;
        }
        if (ste->type == KR_BLOCK_FUNCTION) {
            long flags = krSym_flags(ste, target);
            if (add_def(c, target, (flags & KR_DEF_GLOBAL) ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL, KR_LOC_OF(e)) < 0)
                return -1;
            if (record_directive(c, target, KR_LOC_OF(e)) < 0) return -1;
            return add_def_helper(c, target, KR_DEF_LOCAL, ste, KR_LOC_OF(e));
        }
        if (ste->type == KR_BLOCK_MODULE) {
            if (add_def(c, target, KR_DEF_GLOBAL, KR_LOC_OF(e)) < 0) return -1;
            if (record_directive(c, target, KR_LOC_OF(e)) < 0) return -1;
            return add_def_helper(c, target, KR_DEF_GLOBAL, ste, KR_LOC_OF(e));
        }
        if (ste->type == KR_BLOCK_CLASS)
            return krCompiler_error_at(c, KR_LOC_OF(e),
                                       "assignment expression within a comprehension cannot be used in a class body");
    }
    return 0;
}

static int handle_namedexpr(KrCompiler *c, KrAstExpr *e) {
    if (c->st.cur->comp_iter_expr > 0)
        return krCompiler_error_at(c, KR_LOC_OF(e),
                                   "assignment expression cannot be used in a comprehension iterable expression");
    if (c->st.cur->comprehension && extend_namedexpr_scope(c, e->v.NamedExpr.target) < 0) return -1;
    if (visit_expr(c, e->v.NamedExpr.value) < 0) return -1;
    return visit_expr(c, e->v.NamedExpr.target);
}

static int implicit_arg(KrCompiler *c, int pos) {
    char buf[16];
    int n = snprintf(buf, sizeof buf, ".%d", pos);
    const char *id = krCompiler_intern(c, buf, (size_t)n);
    if (!id) return -1;
    return add_def(c, id, KR_DEF_PARAM, c->st.cur->loc);
}

static int visit_comprehension(KrCompiler *c, KrAstComprehension *lc) {
    KrSymEntry *cur = c->st.cur;
    cur->comp_iter_target = 1;
    if (visit_expr(c, lc->target) < 0) return -1;
    cur->comp_iter_target = 0;
    cur->comp_iter_expr++;
    if (visit_expr(c, lc->iter) < 0) return -1;
    cur->comp_iter_expr--;
    if (visit_exprs(c, lc->ifs) < 0) return -1;
    if (lc->is_async) cur->coroutine = 1;
    return 0;
}

static int handle_comprehension(KrCompiler *c, KrAstExpr *e, const char *scope_name, KrAstComprehensionSeq *gens,
                                KrAstExpr *elt, KrAstExpr *value) {
    bool is_generator = e->kind == KR_EXPR_GeneratorExp;
    KrAstComprehension *outermost = gens->items[0];
    // The outermost iterable is evaluated in the enclosing scope.
    c->st.cur->comp_iter_expr++;
    if (visit_expr(c, outermost->iter) < 0) return -1;
    c->st.cur->comp_iter_expr--;
    if (enter_block(c, scope_name, KR_BLOCK_FUNCTION, e, KR_LOC_OF(e)) < 0) return -1;
    KrSymEntry *cur = c->st.cur;
    switch (e->kind) {
    case KR_EXPR_ListComp: cur->comprehension = KR_COMP_LIST; break;
    case KR_EXPR_SetComp: cur->comprehension = KR_COMP_SET; break;
    case KR_EXPR_DictComp: cur->comprehension = KR_COMP_DICT; break;
    default: cur->comprehension = KR_COMP_GENEXP; break;
    }
    if (outermost->is_async) cur->coroutine = 1;
    // The outermost iterator is received as argument `.0`.
    if (implicit_arg(c, 0) < 0) return -1;
    cur->comp_iter_target = 1;
    if (visit_expr(c, outermost->target) < 0) return -1;
    cur->comp_iter_target = 0;
    if (visit_exprs(c, outermost->ifs) < 0) return -1;
    for (int i = 1; i < gens->size; i++)
        if (visit_comprehension(c, gens->items[i]) < 0) return -1;
    if (value && visit_expr(c, value) < 0) return -1;
    if (visit_expr(c, elt) < 0) return -1;
    cur->generator = is_generator;
    bool is_async = cur->coroutine && !is_generator;
    exit_block(c);
    if (is_async) c->st.cur->coroutine = 1;
    return 0;
}

static int visit_lambda(KrCompiler *c, KrAstExpr *e) {
    KrAstArguments *args = e->v.Lambda.args;
    if (visit_exprs(c, args->defaults) < 0 || visit_exprs(c, args->kw_defaults) < 0) return -1;
    if (enter_block(c, c->id_lambda, KR_BLOCK_FUNCTION, e, KR_LOC_OF(e)) < 0) return -1;
    if (visit_arguments(c, args) < 0 || visit_expr(c, e->v.Lambda.body) < 0) return -1;
    exit_block(c);
    return 0;
}

static int visit_expr_body(KrCompiler *c, KrAstExpr *e) {
    KrSymEntry *cur = c->st.cur;
    switch (e->kind) {
    case KR_EXPR_NamedExpr:
        if (raise_if_annotation(c, "named expression", e) < 0) return -1;
        return handle_namedexpr(c, e);
    case KR_EXPR_BoolOp: return visit_exprs(c, e->v.BoolOp.values);
    case KR_EXPR_BinOp:
        if (visit_expr(c, e->v.BinOp.left) < 0) return -1;
        return visit_expr(c, e->v.BinOp.right);
    case KR_EXPR_UnaryOp: return visit_expr(c, e->v.UnaryOp.operand);
    case KR_EXPR_Lambda: return visit_lambda(c, e);
    case KR_EXPR_IfExp:
        if (visit_expr(c, e->v.IfExp.test) < 0 || visit_expr(c, e->v.IfExp.body) < 0) return -1;
        return visit_expr(c, e->v.IfExp.orelse);
    case KR_EXPR_Dict:
        if (visit_exprs(c, e->v.Dict.keys) < 0) return -1;
        return visit_exprs(c, e->v.Dict.values);
    case KR_EXPR_Set: return visit_exprs(c, e->v.Set.elts);
    case KR_EXPR_GeneratorExp:
        return handle_comprehension(c, e, c->id_genexpr, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case KR_EXPR_ListComp:
        return handle_comprehension(c, e, c->id_listcomp, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case KR_EXPR_SetComp:
        return handle_comprehension(c, e, c->id_setcomp, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case KR_EXPR_DictComp:
        return handle_comprehension(c, e, c->id_dictcomp, e->v.DictComp.generators, e->v.DictComp.key,
                                    e->v.DictComp.value);
    case KR_EXPR_Yield:
    case KR_EXPR_YieldFrom:
        if (raise_if_annotation(c, "yield expression", e) < 0) return -1;
        if (e->v.Yield.value && visit_expr(c, e->v.Yield.value) < 0) return -1;
        cur->generator = 1;
        if (cur->comprehension) return raise_if_comprehension(c, e);
        return 0;
    case KR_EXPR_Await:
        if (raise_if_annotation(c, "await expression", e) < 0) return -1;
        if (visit_expr(c, e->v.Await.value) < 0) return -1;
        cur->coroutine = 1;
        return 0;
    case KR_EXPR_Compare:
        if (visit_expr(c, e->v.Compare.left) < 0) return -1;
        return visit_exprs(c, e->v.Compare.comparators);
    case KR_EXPR_Call:
        if (visit_expr(c, e->v.Call.func) < 0 || visit_exprs(c, e->v.Call.args) < 0) return -1;
        return visit_keywords(c, e->v.Call.keywords);
    case KR_EXPR_FormattedValue:
        if (visit_expr(c, e->v.FormattedValue.value) < 0) return -1;
        return e->v.FormattedValue.format_spec ? visit_expr(c, e->v.FormattedValue.format_spec) : 0;
    case KR_EXPR_JoinedStr: return visit_exprs(c, e->v.JoinedStr.values);
    case KR_EXPR_Constant: return 0;
    case KR_EXPR_Attribute:
        if (note_identifier(c, e->v.Attribute.attr) < 0) return -1;
        return visit_expr(c, e->v.Attribute.value);
    case KR_EXPR_Subscript:
        if (visit_expr(c, e->v.Subscript.value) < 0) return -1;
        return visit_expr(c, e->v.Subscript.slice);
    case KR_EXPR_Starred: return visit_expr(c, e->v.Starred.value);
    case KR_EXPR_Slice:
        if (e->v.Slice.lower && visit_expr(c, e->v.Slice.lower) < 0) return -1;
        if (e->v.Slice.upper && visit_expr(c, e->v.Slice.upper) < 0) return -1;
        if (e->v.Slice.step && visit_expr(c, e->v.Slice.step) < 0) return -1;
        return 0;
    case KR_EXPR_Name:
        if (add_def(c, e->v.Name.id, e->v.Name.ctx == KR_CTX_Load ? KR_USE : KR_DEF_LOCAL, KR_LOC_OF(e)) < 0)
            return -1;
        // super() implicitly uses the __class__ cell.
        if (e->v.Name.ctx == KR_CTX_Load && cur->type == KR_BLOCK_FUNCTION && strcmp(e->v.Name.id, "super") == 0)
            return add_def(c, c->id_class, KR_USE, KR_LOC_OF(e));
        return 0;
    case KR_EXPR_List:
    case KR_EXPR_Tuple:
        return visit_exprs(c, e->v.List.elts);
    }
    return 0;
}

static int visit_expr(KrCompiler *c, KrAstExpr *e) {
    if (check_depth(c) < 0) return -1;
    int r = visit_expr_body(c, e);
    c->st.depth--;
    return r;
}

static int visit_patterns(KrCompiler *c, KrAstPatternSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++)
        if (visit_pattern(c, seq->items[i]) < 0) return -1;
    return 0;
}

static int visit_pattern(KrCompiler *c, KrAstPattern *p) {
    if (check_depth(c) < 0) return -1;
    int r = 0;
    switch (p->kind) {
    case KR_PAT_MatchValue: r = visit_expr(c, p->v.MatchValue.value); break;
    case KR_PAT_MatchSingleton: break;
    case KR_PAT_MatchSequence: r = visit_patterns(c, p->v.MatchSequence.patterns); break;
    case KR_PAT_MatchStar:
        if (p->v.MatchStar.name) r = add_def(c, p->v.MatchStar.name, KR_DEF_LOCAL, KR_LOC_OF(p));
        break;
    case KR_PAT_MatchMapping:
        r = visit_exprs(c, p->v.MatchMapping.keys);
        if (r == 0) r = visit_patterns(c, p->v.MatchMapping.patterns);
        if (r == 0 && p->v.MatchMapping.rest) r = add_def(c, p->v.MatchMapping.rest, KR_DEF_LOCAL, KR_LOC_OF(p));
        break;
    case KR_PAT_MatchClass:
        r = visit_expr(c, p->v.MatchClass.cls);
        if (r == 0) r = visit_patterns(c, p->v.MatchClass.patterns);
        if (r == 0) r = visit_patterns(c, p->v.MatchClass.kwd_patterns);
        break;
    case KR_PAT_MatchAs:
        if (p->v.MatchAs.pattern) r = visit_pattern(c, p->v.MatchAs.pattern);
        if (r == 0 && p->v.MatchAs.name) r = add_def(c, p->v.MatchAs.name, KR_DEF_LOCAL, KR_LOC_OF(p));
        break;
    case KR_PAT_MatchOr: r = visit_patterns(c, p->v.MatchOr.patterns); break;
    }
    c->st.depth--;
    return r;
}

// ---------------------------------------------------------------------------
// Analysis

// A set of names: a KrPtrMap whose values are unused.
typedef KrPtrMap NameSet;

static int set_add(KrCompiler *c, NameSet *s, const char *name) {
    return krPtrMap_set(s, name, 1) < 0 ? no_memory(c) : 0;
}

static int error_at_directive(KrCompiler *c, KrSymEntry *ste, const char *name, const char *fmt) {
    for (int i = 0; i < ste->ndirectives; i++) {
        if (ste->directives[i].name == name) return krCompiler_error_at(c, ste->directives[i].loc, fmt, name);
    }
    krErr_set_string(c->ts, &KrExc_RuntimeError, "BUG: internal directive bookkeeping broken");
    return -1;
}

// Decides the scope of `name` (see CPython's analyze_name); scopes maps name -> scope.
static int analyze_name(KrCompiler *c, KrSymEntry *ste, KrPtrMap *scopes, const char *name, long flags,
                        NameSet *bound, NameSet *local, NameSet *free, NameSet *global) {
    if (flags & KR_DEF_GLOBAL) {
        if (flags & KR_DEF_NONLOCAL) return error_at_directive(c, ste, name, "name '%s' is nonlocal and global");
        if (krPtrMap_set(scopes, name, KR_SC_GLOBAL_EXPLICIT) < 0 || set_add(c, global, name) < 0) return no_memory(c);
        if (bound) krPtrMap_remove(bound, name);
        return 0;
    }
    if (flags & KR_DEF_NONLOCAL) {
        if (!bound) return error_at_directive(c, ste, name, "nonlocal declaration not allowed at module level");
        if (!krPtrMap_has(bound, name)) return error_at_directive(c, ste, name, "no binding for nonlocal '%s' found");
        if (krPtrMap_set(scopes, name, KR_SC_FREE) < 0) return no_memory(c);
        ste->free = 1;
        return set_add(c, free, name);
    }
    if (flags & KR_DEF_BOUND) {
        if (krPtrMap_set(scopes, name, KR_SC_LOCAL) < 0 || set_add(c, local, name) < 0) return no_memory(c);
        krPtrMap_remove(global, name);
        return 0;
    }
    // Bound in an enclosing function: free here.
    if (bound && krPtrMap_has(bound, name)) {
        if (krPtrMap_set(scopes, name, KR_SC_FREE) < 0) return no_memory(c);
        ste->free = 1;
        return set_add(c, free, name);
    }
    if (global && krPtrMap_has(global, name)) {
        return krPtrMap_set(scopes, name, KR_SC_GLOBAL_IMPLICIT) < 0 ? no_memory(c) : 0;
    }
    if (ste->nested) ste->free = 1;
    return krPtrMap_set(scopes, name, KR_SC_GLOBAL_IMPLICIT) < 0 ? no_memory(c) : 0;
}

// Locals of a function that nested blocks use become cells.
static void analyze_cells(KrPtrMap *scopes, NameSet *free) {
    const void *name;
    intptr_t scope;
    for (int i = 0; krPtrMap_next(scopes, &i, &name, &scope);) {
        if (scope != KR_SC_LOCAL || !krPtrMap_has(free, name)) continue;
        scopes->values[i - 1] = KR_SC_CELL;
        krPtrMap_remove(free, name);
    }
}

static int update_symbols(KrCompiler *c, KrPtrMap *symbols, KrPtrMap *scopes, NameSet *bound, NameSet *free,
                          bool classflag) {
    for (int i = 0; i < symbols->count; i++) {
        const void *name = symbols->keys[i];
        if (!name) continue;
        intptr_t scope = krPtrMap_lookup(scopes, name, 0);
        symbols->values[i] |= scope << KR_SCOPE_OFFSET;
    }
    // Free variables of children not resolved here propagate upwards.
    const void *name;
    for (int i = 0; krPtrMap_next(free, &i, &name, NULL);) {
        intptr_t v;
        if (krPtrMap_get(symbols, name, &v)) {
            // A method's free variable that the class also binds.
            if (classflag && (v & (KR_DEF_BOUND | KR_DEF_GLOBAL))) {
                if (krPtrMap_set(symbols, name, v | KR_DEF_FREE_CLASS) < 0) return no_memory(c);
            }
            continue;
        }
        if (bound && !krPtrMap_has(bound, name)) continue;   // a global
        if (krPtrMap_set(symbols, name, (intptr_t)KR_SC_FREE << KR_SCOPE_OFFSET) < 0) return no_memory(c);
    }
    return 0;
}

static int analyze_block(KrCompiler *c, KrSymEntry *ste, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_child_block(KrCompiler *c, KrSymEntry *entry, NameSet *bound, NameSet *free, NameSet *global,
                               NameSet *child_free) {
    NameSet tb = KR_PTRMAP_INIT, tf = KR_PTRMAP_INIT, tg = KR_PTRMAP_INIT;
    int r = -1;
    if (krPtrMap_copy(&tb, bound) < 0 || krPtrMap_copy(&tf, free) < 0 || krPtrMap_copy(&tg, global) < 0) {
        no_memory(c);
        goto done;
    }
    if (analyze_block(c, entry, &tb, &tf, &tg) < 0) goto done;
    if (krPtrMap_update(child_free, &tf) < 0) {
        no_memory(c);
        goto done;
    }
    r = 0;
done:
    krPtrMap_clear(&tb);
    krPtrMap_clear(&tf);
    krPtrMap_clear(&tg);
    return r;
}

static int analyze_block(KrCompiler *c, KrSymEntry *ste, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = KR_PTRMAP_INIT, newglobal = KR_PTRMAP_INIT, newfree = KR_PTRMAP_INIT,
            newbound = KR_PTRMAP_INIT, allfree = KR_PTRMAP_INIT;
    KrPtrMap scopes = KR_PTRMAP_INIT;
    int r = -1;
    if (check_depth(c) < 0) return -1;
    // A class's bindings are invisible in its methods: the sets passed to
    // children are the enclosing ones.
    if (ste->type == KR_BLOCK_CLASS) {
        if (krPtrMap_update(&newglobal, global) < 0 || (bound && krPtrMap_update(&newbound, bound) < 0)) goto nomem;
    }
    const void *name;
    intptr_t flags;
    for (int i = 0; krPtrMap_next(&ste->symbols, &i, &name, &flags);) {
        if (analyze_name(c, ste, &scopes, name, flags, bound, &local, free, global) < 0) goto done;
    }
    if (ste->type != KR_BLOCK_CLASS) {
        if (ste->type == KR_BLOCK_FUNCTION && krPtrMap_update(&newbound, &local) < 0) goto nomem;
        if (bound && krPtrMap_update(&newbound, bound) < 0) goto nomem;
        if (krPtrMap_update(&newglobal, global) < 0) goto nomem;
    } else if (set_add(c, &newbound, c->id_class) < 0) {
        goto done;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        KrSymEntry *entry = ste->children[i];
        if (analyze_child_block(c, entry, &newbound, &newfree, &newglobal, &allfree) < 0) goto done;
        if (entry->free || entry->child_free) ste->child_free = 1;
    }
    if (krPtrMap_update(&newfree, &allfree) < 0) goto nomem;
    if (ste->type == KR_BLOCK_FUNCTION) {
        analyze_cells(&scopes, &newfree);
    } else if (ste->type == KR_BLOCK_CLASS) {
        if (krPtrMap_remove(&newfree, c->id_class)) ste->needs_class_closure = 1;
    }
    if (update_symbols(c, &ste->symbols, &scopes, bound, &newfree, ste->type == KR_BLOCK_CLASS) < 0) goto done;
    if (krPtrMap_update(free, &newfree) < 0) goto nomem;
    r = 0;
    goto done;
nomem:
    no_memory(c);
done:
    krPtrMap_clear(&local);
    krPtrMap_clear(&newglobal);
    krPtrMap_clear(&newfree);
    krPtrMap_clear(&newbound);
    krPtrMap_clear(&allfree);
    krPtrMap_clear(&scopes);
    c->st.depth--;
    return r;
}

int krSym_build(KrCompiler *c, KrAstMod *mod) {
    KrSymtable *st = &c->st;
    st->depth = c->depth_start;
    if (enter_block(c, c->id_top, KR_BLOCK_MODULE, mod, (KrLoc){0, 0, 0, 0}) < 0) return -1;
    int r = 0;
    switch (mod->kind) {
    case KR_MOD_Module: r = visit_stmts(c, mod->v.Module.body); break;
    case KR_MOD_Interactive: r = visit_stmts(c, mod->v.Interactive.body); break;
    case KR_MOD_Expression: r = visit_expr(c, mod->v.Expression.body); break;
    case KR_MOD_FunctionType:
        krErr_set_string(c->ts, &KrExc_ValueError, "compile() of a FunctionType AST is not supported");
        return -1;
    }
    if (r < 0) return -1;
    exit_block(c);
    st->depth = c->depth_start;
    NameSet free = KR_PTRMAP_INIT, global = KR_PTRMAP_INIT;
    r = analyze_block(c, st->top, NULL, &free, &global);
    krPtrMap_clear(&free);
    krPtrMap_clear(&global);
    return r;
}
