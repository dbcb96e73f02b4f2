/*
 * codegen.c — the skeleton of code generation: compilation units (one per
 * code object), basic blocks and instruction emission, name resolution
 * (LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME ...), the frame-block stack
 * that `break`, `continue` and `return` unwind, and the definitions that open
 * new units: modules, functions, lambdas, classes.
 *
 * Statements, expressions and patterns are in codegen_stmt.c,
 * codegen_expr.c and codegen_pattern.c; krAssemble (flowgraph.c) turns a
 * finished unit into a code object.
 *
 * Positions: every instruction takes the unit's current location `u->loc`,
 * which SET_LOC sets at each statement and expression; instructions emitted
 * with UNSET_LOC are "artificial" and get a position later (flowgraph.c).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Blocks and instructions

KrBlock *cg_new_block(KrCompiler *c) {
    KrBlock *b = krMem_calloc(1, sizeof(KrBlock));
    if (!b) {
        krErr_no_memory(c->ts);
        return NULL;
    }
    b->startdepth = INT_MIN;
    b->list_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void cg_use_next_block(KrCompiler *c, KrBlock *b) {
    c->u->curblock->next = b;
    c->u->curblock = b;
}

int cg_next_block(KrCompiler *c) {
    KrBlock *b = cg_new_block(c);
    if (!b) return -1;
    cg_use_next_block(c, b);
    return 0;
}

static KrInstr *next_instr(KrCompiler *c, KrBlock *b) {
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        KrInstr *p = krMem_realloc(b->instr, sizeof(KrInstr) * (size_t)cap);
        if (!p) {
            krErr_no_memory(c->ts);
            return NULL;
        }
        b->instr = p;
        b->cap = cap;
    }
    KrInstr *i = &b->instr[b->n++];
    memset(i, 0, sizeof *i);
    return i;
}

// Jumps and exits end their basic block: the next instruction starts a new
// block implicitly (so a unit whose code ends with a return is recognisable).
static bool ends_block(int op) {
    return (krOp_info(op)->flags & (F_JUMP | F_NOFALL)) != 0 && op != KR_OP_SETUP_FINALLY &&
           op != KR_OP_SETUP_CLEANUP && op != KR_OP_SETUP_WITH;
}

static int addop_loc(KrCompiler *c, int op, int arg, KrBlock *target, KrLoc loc) {
    KrBlock *b = c->u->curblock;
    if (b->n && ends_block(b->instr[b->n - 1].op)) {
        if (cg_next_block(c) < 0) return -1;
        b = c->u->curblock;
    }
    KrInstr *i = next_instr(c, b);
    if (!i) return -1;
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->loc = loc;
    return 0;
}

int cg_addop(KrCompiler *c, int op, int arg) { return addop_loc(c, op, arg, NULL, c->u->loc); }
int cg_addop_noline(KrCompiler *c, int op, int arg) { return addop_loc(c, op, arg, NULL, KR_NO_LOC); }
int cg_addop_jump(KrCompiler *c, int op, KrBlock *target) { return addop_loc(c, op, 0, target, c->u->loc); }
int cg_addop_jump_noline(KrCompiler *c, int op, KrBlock *target) { return addop_loc(c, op, 0, target, KR_NO_LOC); }

int cg_load_const(KrCompiler *c, KrObject *o) {
    int i = krConst_add(c, &c->u->consts, o);
    if (i < 0) return -1;
    return cg_addop(c, KR_OP_LOAD_CONST, i);
}

int cg_load_const_new(KrCompiler *c, KrObject *o) {
    if (!o) return -1;
    int r = cg_load_const(c, o);
    kr_decref(o);
    return r;
}

// Index of `name` in the name table `m`, adding it at the end.
static int add_name(KrCompiler *c, KrPtrMap *m, const char *name) {
    intptr_t v;
    if (krPtrMap_get(m, name, &v)) return (int)v;
    int i = krPtrMap_size(m);
    if (krPtrMap_set(m, name, i) < 0) {
        krErr_no_memory(c->ts);
        return -1;
    }
    return i;
}

int cg_addop_name_raw(KrCompiler *c, int op, const char *name) {
    int i = add_name(c, &c->u->names, name);
    if (i < 0) return -1;
    return cg_addop(c, op, i);
}

int cg_addop_name(KrCompiler *c, int op, const char *name) {
    const char *mangled = krCompiler_mangle(c, c->u->private_name, name);
    if (!mangled) return -1;
    return cg_addop_name_raw(c, op, mangled);
}

// ---------------------------------------------------------------------------
// Names

int cg_forbidden_name(KrCompiler *c, const char *name, KrAstExprContext ctx) {
    if (strcmp(name, "__debug__") == 0) {
        if (ctx == KR_CTX_Store) return krCompiler_error(c, "cannot assign to __debug__");
        if (ctx == KR_CTX_Del) return krCompiler_error(c, "cannot delete __debug__");
    }
    return 0;
}

int cg_nameop(KrCompiler *c, const char *name, KrAstExprContext ctx) {
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    KrUnit *u = c->u;
    if (cg_forbidden_name(c, name, ctx) < 0) return -1;
    const char *mangled = krCompiler_mangle(c, u->private_name, name);
    if (!mangled) return -1;
    KrPtrMap *dict = &u->names;
    bool function = u->ste->type == KR_BLOCK_FUNCTION;
    switch (krSym_scope(u->ste, mangled)) {
    case KR_SC_FREE: dict = &u->freevars; optype = OP_DEREF; break;
    case KR_SC_CELL: dict = &u->cellvars; optype = OP_DEREF; break;
    case KR_SC_LOCAL: if (function) optype = OP_FAST; break;
    case KR_SC_GLOBAL_IMPLICIT: if (function) optype = OP_GLOBAL; break;
    case KR_SC_GLOBAL_EXPLICIT: optype = OP_GLOBAL; break;
    default: break;
    }
    static const int ops[4][3] = {
        [OP_FAST] = {KR_OP_LOAD_FAST, KR_OP_STORE_FAST, KR_OP_DELETE_FAST},
        [OP_GLOBAL] = {KR_OP_LOAD_GLOBAL, KR_OP_STORE_GLOBAL, KR_OP_DELETE_GLOBAL},
        [OP_DEREF] = {KR_OP_LOAD_DEREF, KR_OP_STORE_DEREF, KR_OP_DELETE_DEREF},
        [OP_NAME] = {KR_OP_LOAD_NAME, KR_OP_STORE_NAME, KR_OP_DELETE_NAME},
    };
    int which = ctx == KR_CTX_Store ? 1 : ctx == KR_CTX_Del ? 2 : 0;
    int op = ops[optype][which];
    if (optype == OP_DEREF && op == KR_OP_LOAD_DEREF && u->ste->type == KR_BLOCK_CLASS) op = KR_OP_LOAD_CLASSDEREF;
    if (optype == OP_FAST) dict = &u->varnames;
    int arg;
    if (optype == OP_DEREF) {
        intptr_t v;
        if (!krPtrMap_get(dict, mangled, &v)) {
            krErr_format(c->ts, &KrExc_SystemError, "no cell or free slot for name '%s'", mangled);
            return -1;
        }
        arg = (int)v;
    } else {
        arg = add_name(c, dict, mangled);
        if (arg < 0) return -1;
    }
    if (op == KR_OP_LOAD_GLOBAL) arg <<= 1;
    return cg_addop(c, op, arg);
}

// ---------------------------------------------------------------------------
// Frame blocks (loops, try, with...) for break / continue / return

int cg_push_fblock(KrCompiler *c, KrFBlockType t, KrBlock *b, KrBlock *exit, const void *datum) {
    KrUnit *u = c->u;
    if (u->nfblocks >= KR_MAXBLOCKS) return krCompiler_error(c, "too many statically nested blocks");
    u->fblocks[u->nfblocks++] = (KrFBlock){t, b, exit, datum};
    return 0;
}

void cg_pop_fblock(KrCompiler *c, KrFBlockType t, KrBlock *b) {
    (void)t;
    (void)b;
    c->u->nfblocks--;
}

int cg_call_exit_with_nones(KrCompiler *c) {
    ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP_I(c, CALL, 2);
    return 0;
}

// SEND / YIELD_VALUE loop of `yield from` and `await`.
int cg_add_yield_from(KrCompiler *c, bool await) {
    KrBlock *start = cg_new_block(c), *resume = cg_new_block(c), *exit = cg_new_block(c);
    if (!start || !resume || !exit) return -1;
    cg_use_next_block(c, start);
    ADDOP_JUMP(c, SEND, exit);
    cg_use_next_block(c, resume);
    ADDOP(c, YIELD_VALUE);
    ADDOP_I(c, RESUME, await ? 3 : 2);
    ADDOP_JUMP(c, JUMP_NO_INTERRUPT, start);
    cg_use_next_block(c, exit);
    return 0;
}

int cg_addop_yield(KrCompiler *c) {
    if (c->u->ste->generator && c->u->ste->coroutine) ADDOP(c, ASYNC_GEN_WRAP);
    ADDOP(c, YIELD_VALUE);
    ADDOP_I(c, RESUME, 1);
    return 0;
}

// Emits what leaving `info` requires (popping an iterator, running a finally
// body, calling __exit__...).  With `preserve_tos` the value on top (a return
// value) is kept above what is popped.
int cg_unwind_fblock(KrCompiler *c, KrFBlock *info, bool preserve_tos) {
    switch (info->type) {
    case KR_FB_WHILE_LOOP:
    case KR_FB_EXCEPTION_HANDLER:
    case KR_FB_EXCEPTION_GROUP_HANDLER:
    case KR_FB_ASYNC_COMPREHENSION_GENERATOR:
        return 0;
    case KR_FB_FOR_LOOP:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return 0;
    case KR_FB_TRY_EXCEPT:
        ADDOP(c, POP_BLOCK);
        return 0;
    case KR_FB_FINALLY_TRY:
        // This POP_BLOCK gets the line number of the unwinding statement.
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) CG_CHECK(cg_push_fblock(c, KR_FB_POP_VALUE, NULL, NULL, NULL));
        VISIT_STMTS(c, (KrAstStmtSeq *)info->datum);
        if (preserve_tos) cg_pop_fblock(c, KR_FB_POP_VALUE, NULL);
        // The finally body appears to run after the unwinding statement.
        UNSET_LOC(c);
        return 0;
    case KR_FB_FINALLY_END:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);   // exc_value
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        return 0;
    case KR_FB_WITH:
    case KR_FB_ASYNC_WITH:
        SET_LOC(c, (const KrAstStmt *)info->datum);
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        CG_CHECK(cg_call_exit_with_nones(c));
        if (info->type == KR_FB_ASYNC_WITH) {
            ADDOP_I(c, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, KR_NONE);
            CG_CHECK(cg_add_yield_from(c, true));
        }
        ADDOP(c, POP_TOP);
        UNSET_LOC(c);
        return 0;
    case KR_FB_HANDLER_CLEANUP:
        if (info->datum) ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        if (info->datum) {
            ADDOP_LOAD_CONST(c, KR_NONE);
            CG_CHECK(cg_nameop(c, info->datum, KR_CTX_Store));
            CG_CHECK(cg_nameop(c, info->datum, KR_CTX_Del));
        }
        return 0;
    case KR_FB_POP_VALUE:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return 0;
    }
    return 0;
}

// Unwinds the whole block stack (return), or up to the innermost loop, which
// is stored in *loop (break / continue).
int cg_unwind_fblock_stack(KrCompiler *c, bool preserve_tos, KrFBlock **loop) {
    KrUnit *u = c->u;
    if (u->nfblocks == 0) return 0;
    KrFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == KR_FB_EXCEPTION_GROUP_HANDLER)
        return krCompiler_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == KR_FB_WHILE_LOOP || top->type == KR_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    KrFBlock copy = *top;
    u->nfblocks--;
    if (cg_unwind_fblock(c, &copy, preserve_tos) < 0) return -1;
    if (cg_unwind_fblock_stack(c, preserve_tos, loop) < 0) return -1;
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

// ---------------------------------------------------------------------------
// Units

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The names of `ste` with scope `scope` (or flag `flag`), sorted, numbered from `offset`.
static int names_by_scope(KrCompiler *c, KrSymEntry *ste, int scope, long flag, int offset, KrPtrMap *out) {
    int n = 0;
    const char **sorted = krMem_malloc(sizeof(char *) * (size_t)(krPtrMap_size(&ste->symbols) + 1));
    if (!sorted) {
        krErr_no_memory(c->ts);
        return -1;
    }
    const void *k;
    intptr_t v;
    for (int i = 0; krPtrMap_next(&ste->symbols, &i, &k, &v);) {
        int sc = (int)((v >> KR_SCOPE_OFFSET) & KR_SCOPE_MASK);
        if (sc == scope || (v & flag)) sorted[n++] = k;
    }
    qsort(sorted, (size_t)n, sizeof(char *), cmp_names);
    int r = 0;
    for (int i = 0; i < n && r == 0; i++) {
        if (krPtrMap_set(out, sorted[i], offset + i) < 0) r = -1;
    }
    krMem_free(sorted);
    if (r < 0) krErr_no_memory(c->ts);
    return r;
}

static void unit_free(KrUnit *u) {
    KrBlock *b = u->blocks;
    while (b) {
        KrBlock *next = b->list_next;
        krMem_free(b->instr);
        krMem_free(b->exc_stack);
        krMem_free(b);
        b = next;
    }
    krConst_table_free(&u->consts);
    krPtrMap_clear(&u->names);
    krPtrMap_clear(&u->varnames);
    krPtrMap_clear(&u->cellvars);
    krPtrMap_clear(&u->freevars);
    kr_xdecref(u->qualname);
    krMem_free(u);
}

static int set_qualname(KrCompiler *c) {
    KrUnit *u = c->u, *parent = u->parent;
    KrObject *base = NULL;
    if (parent && parent->parent) {
        // Not directly in the module.
        bool force_global = false;
        if (u->scope_type == KR_SCOPE_FUNCTION || u->scope_type == KR_SCOPE_ASYNC_FUNCTION ||
            u->scope_type == KR_SCOPE_CLASS) {
            const char *mangled = krCompiler_mangle(c, parent->private_name, u->name);
            if (!mangled) return -1;
            if (krSym_scope(parent->ste, mangled) == KR_SC_GLOBAL_EXPLICIT) force_global = true;
        }
        if (!force_global) {
            if (parent->scope_type == KR_SCOPE_FUNCTION || parent->scope_type == KR_SCOPE_ASYNC_FUNCTION ||
                parent->scope_type == KR_SCOPE_LAMBDA)
                base = krStr_from_format(c->ts, "%U.<locals>", parent->qualname);
            else
                base = kr_newref(parent->qualname);
            if (!base) return -1;
        }
    }
    if (base) {
        u->qualname = krStr_from_format(c->ts, "%U.%s", base, u->name);
        kr_decref(base);
    } else {
        u->qualname = krStr_from_utf8(c->ts, u->name, (KrSsize)strlen(u->name));
    }
    return u->qualname ? 0 : -1;
}

static int init_unit(KrCompiler *c, KrUnit *u, KrScopeType type, const void *key, int lineno) {
    u->ste = krSym_lookup(&c->st, key);
    if (!u->ste) {
        krErr_set_string(c->ts, &KrExc_SystemError, "no symbol table entry for block");
        return -1;
    }
    for (int i = 0; i < u->ste->nvarnames; i++) {
        if (krPtrMap_set(&u->varnames, u->ste->varnames[i], i) < 0) {
            krErr_no_memory(c->ts);
            return -1;
        }
    }
    if (names_by_scope(c, u->ste, KR_SC_CELL, 0, 0, &u->cellvars) < 0) return -1;
    if (u->ste->needs_class_closure) {
        // The implicit __class__ cell of a class whose methods use it.
        if (krPtrMap_set(&u->cellvars, c->id_class, 0) < 0) {
            krErr_no_memory(c->ts);
            return -1;
        }
    }
    if (names_by_scope(c, u->ste, KR_SC_FREE, KR_DEF_FREE_CLASS, krPtrMap_size(&u->cellvars), &u->freevars) < 0)
        return -1;
    u->firstlineno = lineno;
    u->loc = (KrLoc){lineno, lineno, 0, 0};
    KrBlock *b = cg_new_block(c);
    if (!b) return -1;
    u->entry = u->curblock = b;
    if (type == KR_SCOPE_MODULE) {
        u->loc.lineno = 0;
    } else if (set_qualname(c) < 0) {
        return -1;
    }
    ADDOP_I(c, RESUME, 0);
    if (type == KR_SCOPE_MODULE) u->loc.lineno = -1;
    return 0;
}

int cg_enter_scope(KrCompiler *c, const char *name, KrScopeType type, const void *key, int lineno) {
    KrUnit *u = krMem_calloc(1, sizeof(KrUnit));
    if (!u) {
        krErr_no_memory(c->ts);
        return -1;
    }
    u->scope_type = type;
    u->name = name;
    u->parent = c->u;
    if (u->parent) u->private_name = u->parent->private_name;
    c->u = u;
    c->nestlevel++;
    if (init_unit(c, u, type, key, lineno) < 0) {
        cg_exit_scope(c);
        return -1;
    }
    return 0;
}

void cg_exit_scope(KrCompiler *c) {
    KrUnit *u = c->u;
    c->nestlevel--;
    c->u = u->parent;
    unit_free(u);
}

bool cg_is_top_level_await(KrCompiler *c) {
    return (c->flags & KR_CF_ALLOW_TOP_LEVEL_AWAIT) && c->u->ste->type == KR_BLOCK_MODULE;
}

// Pushes a function made from `code` (with the closure its free variables need).
int cg_make_closure(KrCompiler *c, KrObject *code, int flags, KrObject *qualname) {
    (void)qualname;
    KrCodeObject *co = (KrCodeObject *)code;
    if (co->co_nfreevars) {
        for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
            KrObject *s = KR_TUPLE_GET(co->co_localsplusnames, i);
            const char *name = krCompiler_intern(c, krStr_utf8(s), (size_t)krStr_size(s));
            if (!name) return -1;
            // A class body provides __class__ as a cell; a method free
            // variable with the name of a class attribute is a free variable
            // of the class as well (DEF_FREE_CLASS).
            int reftype;
            if (c->u->scope_type == KR_SCOPE_CLASS && name == c->id_class) reftype = KR_SC_CELL;
            else reftype = krSym_scope(c->u->ste, name);
            intptr_t arg;
            KrPtrMap *m = reftype == KR_SC_CELL ? &c->u->cellvars : &c->u->freevars;
            if (!krPtrMap_get(m, name, &arg)) {
                krErr_format(c->ts, &KrExc_SystemError, "compiler_make_closure: lookup of '%s' failed", name);
                return -1;
            }
            ADDOP_I(c, LOAD_CLOSURE, (int)arg);
        }
        flags |= 0x08;
        ADDOP_I(c, BUILD_TUPLE, co->co_nfreevars);
    }
    ADDOP_LOAD_CONST(c, code);
    ADDOP_I(c, MAKE_FUNCTION, flags);
    return 0;
}

// ---------------------------------------------------------------------------
// Bodies and docstrings

static KrAstExpr *docstring_expr(KrCompiler *c, KrAstStmtSeq *body) {
    if (KR_AST_LEN(body) == 0) return NULL;
    KrAstStmt *st = body->items[0];
    if (st->kind != KR_STMT_Expr) return NULL;
    return krConst_is_str(c, st->v.Expr.value) ? st->v.Expr.value : NULL;
}

static bool find_ann(KrAstStmtSeq *stmts) {
    for (int i = 0; i < KR_AST_LEN(stmts); i++) {
        KrAstStmt *st = stmts->items[i];
        bool res = false;
        switch (st->kind) {
        case KR_STMT_AnnAssign: return true;
        case KR_STMT_For:
        case KR_STMT_AsyncFor: res = find_ann(st->v.For.body) || find_ann(st->v.For.orelse); break;
        case KR_STMT_While: res = find_ann(st->v.While.body) || find_ann(st->v.While.orelse); break;
        case KR_STMT_If: res = find_ann(st->v.If.body) || find_ann(st->v.If.orelse); break;
        case KR_STMT_With:
        case KR_STMT_AsyncWith: res = find_ann(st->v.With.body); break;
        case KR_STMT_Try:
        case KR_STMT_TryStar:
            for (int j = 0; j < KR_AST_LEN(st->v.Try.handlers); j++)
                if (find_ann(st->v.Try.handlers->items[j]->body)) return true;
            res = find_ann(st->v.Try.body) || find_ann(st->v.Try.finalbody) || find_ann(st->v.Try.orelse);
            break;
        default: break;
        }
        if (res) return true;
    }
    return false;
}

// Module and class bodies: SETUP_ANNOTATIONS, the docstring as __doc__, the statements.
int cg_body(KrCompiler *c, KrAstStmtSeq *stmts) {
    int i = 0;
    // SETUP_ANNOTATIONS shares the line of the first statement.
    if (c->u->scope_type == KR_SCOPE_MODULE && KR_AST_LEN(stmts)) SET_LOC(c, stmts->items[0]);
    if (find_ann(stmts)) ADDOP(c, SETUP_ANNOTATIONS);
    if (!KR_AST_LEN(stmts)) return 0;
    if (c->optimize < 2) {
        KrAstExpr *doc = docstring_expr(c, stmts);
        if (doc) {
            i = 1;
            VISIT(c, doc);
            UNSET_LOC(c);
            CG_CHECK(cg_nameop(c, c->id_doc, KR_CTX_Store));
        }
    }
    for (; i < stmts->size; i++) CG_CHECK(cg_visit_stmt(c, stmts->items[i]));
    return 0;
}

// ---------------------------------------------------------------------------
// Functions

static int check_debug_arg(KrCompiler *c, KrAstArg *a) {
    return a ? cg_forbidden_name(c, a->arg, KR_CTX_Store) : 0;
}

static int check_debug_args(KrCompiler *c, KrAstArguments *args) {
    KrAstArgSeq *seqs[3] = {args->posonlyargs, args->args, args->kwonlyargs};
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < KR_AST_LEN(seqs[s]); i++) CG_CHECK(check_debug_arg(c, seqs[s]->items[i]));
        if (s == 1) CG_CHECK(check_debug_arg(c, args->vararg));
    }
    return check_debug_arg(c, args->kwarg);
}

// Keyword-only defaults: a dict built with BUILD_CONST_KEY_MAP.  Returns 1 when pushed.
static int kwonly_defaults(KrCompiler *c, KrAstArgSeq *kwonly, KrAstExprSeq *defaults) {
    int n = 0;
    for (int i = 0; i < KR_AST_LEN(kwonly); i++)
        if (defaults && i < defaults->size && defaults->items[i]) n++;
    if (!n) return 0;
    KrObject *keys = krTuple_new(c->ts, n);
    if (!keys) return -1;
    int j = 0;
    for (int i = 0; i < KR_AST_LEN(kwonly); i++) {
        KrAstExpr *d = defaults && i < defaults->size ? defaults->items[i] : NULL;
        if (!d) continue;
        const char *mangled = krCompiler_mangle(c, c->u->private_name, kwonly->items[i]->arg);
        KrObject *k = mangled ? krConst_name(c, mangled) : NULL;
        if (!k) {
            for (int x = j; x < n; x++) KR_TUPLE_SET(keys, x, kr_newref(KR_NONE));
            kr_decref(keys);
            return -1;
        }
        KR_TUPLE_SET(keys, j++, k);
        if (cg_visit_expr(c, d) < 0) {
            for (int x = j; x < n; x++) KR_TUPLE_SET(keys, x, kr_newref(KR_NONE));
            kr_decref(keys);
            return -1;
        }
    }
    CG_CHECK(cg_load_const_new(c, keys));
    ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
    return 1;
}

// Defaults tuple and kw-defaults dict; returns the MAKE_FUNCTION flags or -1.
static int default_arguments(KrCompiler *c, KrAstArguments *args) {
    int flags = 0;
    if (KR_AST_LEN(args->defaults) > 0) {
        CG_CHECK(cg_visit_exprs(c, args->defaults));
        ADDOP_I(c, BUILD_TUPLE, args->defaults->size);
        flags |= 0x01;
    }
    if (args->kwonlyargs) {
        int r = kwonly_defaults(c, args->kwonlyargs, args->kw_defaults);
        if (r < 0) return -1;
        if (r > 0) flags |= 0x02;
    }
    return flags;
}

static int argannotation(KrCompiler *c, const char *id, KrAstExpr *ann, int *len) {
    if (!ann) return 0;
    const char *mangled = krCompiler_mangle(c, c->u->private_name, id);
    if (!mangled) return -1;
    CG_CHECK(cg_load_const_new(c, krConst_name(c, mangled)));
    if (!(c->flags & KR_CO_FUTURE_ANNOTATIONS) && ann->kind == KR_EXPR_Starred) {
        // *args: *Ts — [annotation] = [*Ts]
        VISIT(c, ann->v.Starred.value);
        ADDOP_I(c, UNPACK_SEQUENCE, 1);
    } else {
        CG_CHECK(cg_annotation_expr(c, ann));
    }
    *len += 2;
    return 0;
}

static int argannotations(KrCompiler *c, KrAstArgSeq *args, int *len) {
    for (int i = 0; i < KR_AST_LEN(args); i++)
        CG_CHECK(argannotation(c, args->items[i]->arg, args->items[i]->annotation, len));
    return 0;
}

// Pushes the annotations tuple (name, value, ...); returns 1 when pushed.
static int visit_annotations(KrCompiler *c, KrAstArguments *args, KrAstExpr *returns) {
    int len = 0;
    // CPython evaluates `args` before `posonlyargs` here; kept for identical behaviour.
    CG_CHECK(argannotations(c, args->args, &len));
    CG_CHECK(argannotations(c, args->posonlyargs, &len));
    if (args->vararg) CG_CHECK(argannotation(c, args->vararg->arg, args->vararg->annotation, &len));
    CG_CHECK(argannotations(c, args->kwonlyargs, &len));
    if (args->kwarg) CG_CHECK(argannotation(c, args->kwarg->arg, args->kwarg->annotation, &len));
    CG_CHECK(argannotation(c, c->id_return, returns, &len));
    if (len) {
        ADDOP_I(c, BUILD_TUPLE, len);
        return 1;
    }
    return 0;
}

int cg_apply_decorators(KrCompiler *c, KrAstExprSeq *decos) {
    KrLoc saved = c->u->loc;
    for (int i = KR_AST_LEN(decos) - 1; i >= 0; i--) {
        SET_LOC(c, decos->items[i]);
        ADDOP_I(c, CALL, 0);
    }
    c->u->loc = saved;
    return 0;
}

int cg_function(KrCompiler *c, KrAstStmt *s, bool is_async) {
    KrAstArguments *args = s->v.FunctionDef.args;
    KrAstExprSeq *decos = s->v.FunctionDef.decorator_list;
    KrAstStmtSeq *body = s->v.FunctionDef.body;
    CG_CHECK(check_debug_args(c, args));
    CG_CHECK(cg_visit_exprs(c, decos));
    int firstlineno = s->lineno;
    if (KR_AST_LEN(decos)) firstlineno = decos->items[0]->lineno;
    int flags = default_arguments(c, args);
    if (flags < 0) return -1;
    int ann = visit_annotations(c, args, s->v.FunctionDef.returns);
    if (ann < 0) return -1;
    if (ann) flags |= 0x04;
    const char *name = krCompiler_intern(c, s->v.FunctionDef.name, strlen(s->v.FunctionDef.name));
    if (!name) return -1;
    if (cg_enter_scope(c, name, is_async ? KR_SCOPE_ASYNC_FUNCTION : KR_SCOPE_FUNCTION, s, firstlineno) < 0)
        return -1;
    KrAstExpr *doc = c->optimize < 2 ? docstring_expr(c, body) : NULL;
    KrObject *first = doc ? krConst_of(c, doc) : KR_NONE;
    if (!first || krConst_add(c, &c->u->consts, first) < 0) goto error_in_scope;
    c->u->argcount = KR_AST_LEN(args->args);
    c->u->posonlyargcount = KR_AST_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KR_AST_LEN(args->kwonlyargs);
    for (int i = doc ? 1 : 0; i < KR_AST_LEN(body); i++) {
        if (cg_visit_stmt(c, body->items[i]) < 0) goto error_in_scope;
    }
    KrObject *co = krAssemble(c, true);
    cg_exit_scope(c);
    if (!co) return -1;
    int r = cg_make_closure(c, co, flags, NULL);
    kr_decref(co);
    CG_CHECK(r);
    CG_CHECK(cg_apply_decorators(c, decos));
    return cg_nameop(c, s->v.FunctionDef.name, KR_CTX_Store);
error_in_scope:
    cg_exit_scope(c);
    return -1;
}

int cg_lambda(KrCompiler *c, KrAstExpr *e) {
    KrAstArguments *args = e->v.Lambda.args;
    CG_CHECK(check_debug_args(c, args));
    int flags = default_arguments(c, args);
    if (flags < 0) return -1;
    if (cg_enter_scope(c, c->id_lambda, KR_SCOPE_LAMBDA, e, e->lineno) < 0) return -1;
    // None first, so that a lambda never has a docstring.
    if (krConst_add(c, &c->u->consts, KR_NONE) < 0) goto error_in_scope;
    c->u->argcount = KR_AST_LEN(args->args);
    c->u->posonlyargcount = KR_AST_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KR_AST_LEN(args->kwonlyargs);
    if (cg_visit_expr(c, e->v.Lambda.body) < 0) goto error_in_scope;
    KrObject *co;
    if (c->u->ste->generator) {
        co = krAssemble(c, false);
    } else {
        if (cg_addop(c, KR_OP_RETURN_VALUE, 0) < 0) goto error_in_scope;
        co = krAssemble(c, true);
    }
    cg_exit_scope(c);
    if (!co) return -1;
    int r = cg_make_closure(c, co, flags, NULL);
    kr_decref(co);
    return r;
error_in_scope:
    cg_exit_scope(c);
    return -1;
}

// ---------------------------------------------------------------------------
// Classes: <name> = __build_class__(<body function>, <name>, *bases, **keywords)

static int class_body(KrCompiler *c, KrAstStmt *s) {
    KrUnit *u = c->u;
    u->private_name = u->name;   // the class name drives mangling
    CG_CHECK(cg_nameop(c, c->id_name, KR_CTX_Load));
    CG_CHECK(cg_nameop(c, c->id_module, KR_CTX_Store));
    ADDOP_LOAD_CONST(c, u->qualname);
    CG_CHECK(cg_nameop(c, c->id_qualname, KR_CTX_Store));
    CG_CHECK(cg_body(c, s->v.ClassDef.body));
    UNSET_LOC(c);
    if (u->ste->needs_class_closure) {
        // Store __classcell__ in the namespace and return it.
        ADDOP_I(c, LOAD_CLOSURE, (int)krPtrMap_lookup(&u->cellvars, c->id_class, 0));
        ADDOP_I(c, COPY, 1);
        CG_CHECK(cg_nameop(c, c->id_classcell, KR_CTX_Store));
    } else {
        ADDOP_LOAD_CONST(c, KR_NONE);
    }
    ADDOP(c, RETURN_VALUE);
    return 0;
}

int cg_class(KrCompiler *c, KrAstStmt *s) {
    KrAstExprSeq *decos = s->v.ClassDef.decorator_list;
    CG_CHECK(cg_visit_exprs(c, decos));
    int firstlineno = s->lineno;
    if (KR_AST_LEN(decos)) firstlineno = decos->items[0]->lineno;
    const char *name = krCompiler_intern(c, s->v.ClassDef.name, strlen(s->v.ClassDef.name));
    if (!name) return -1;
    if (cg_enter_scope(c, name, KR_SCOPE_CLASS, s, firstlineno) < 0) return -1;
    if (class_body(c, s) < 0) {
        cg_exit_scope(c);
        return -1;
    }
    KrObject *co = krAssemble(c, true);
    cg_exit_scope(c);
    if (!co) return -1;
    if (cg_addop(c, KR_OP_PUSH_NULL, 0) < 0 || cg_addop(c, KR_OP_LOAD_BUILD_CLASS, 0) < 0 ||
        cg_make_closure(c, co, 0, NULL) < 0) {
        kr_decref(co);
        return -1;
    }
    kr_decref(co);
    CG_CHECK(cg_load_const_new(c, krStr_from_utf8(c->ts, name, (KrSsize)strlen(name))));
    CG_CHECK(cg_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    CG_CHECK(cg_apply_decorators(c, decos));
    return cg_nameop(c, s->v.ClassDef.name, KR_CTX_Store);
}

// ---------------------------------------------------------------------------
// Modules

int krCodegen_module(KrCompiler *c, KrAstMod *mod, int mode, KrObject **result) {
    (void)mode;
    *result = NULL;
    if (cg_enter_scope(c, krCompiler_intern(c, "<module>", 8), KR_SCOPE_MODULE, mod, 1) < 0) return -1;
    bool add_none = true;
    switch (mod->kind) {
    case KR_MOD_Module:
        if (cg_body(c, mod->v.Module.body) < 0) goto error;
        break;
    case KR_MOD_Interactive:
        if (find_ann(mod->v.Interactive.body) && cg_addop(c, KR_OP_SETUP_ANNOTATIONS, 0) < 0) goto error;
        c->interactive = true;
        if (cg_visit_stmts(c, mod->v.Interactive.body) < 0) goto error;
        break;
    case KR_MOD_Expression:
        if (cg_visit_expr(c, mod->v.Expression.body) < 0) goto error;
        add_none = false;
        break;
    default:
        krErr_set_string(c->ts, &KrExc_SystemError, "module kind not supported by the compiler");
        goto error;
    }
    *result = krAssemble(c, add_none);
    cg_exit_scope(c);
    return *result ? 0 : -1;
error:
    while (c->u) cg_exit_scope(c);
    return -1;
}
