/*
 * compiler.h — the compiler's internal state, shared by its passes:
 *
 *   astopt.c     constant folding on the AST (CPython's ast_opt)
 *   symtable.c   scopes: local / global / nonlocal / free / cell
 *   codegen*.c   AST -> instructions in basic blocks, one unit per code object
 *   flowgraph.c  CFG clean-up and optimisation, stack depth, exception table,
 *                jump resolution, line table: instructions -> code object
 *   consts.c     literal constants as objects, constant dedup keys
 *   compile.c    the public entry points (compile.h), futures, errors
 *
 * The generated code follows CPython 3.11's compile.c instruction for
 * instruction, with Krait's instruction set (no PRECALL; see opcodes.def).
 *
 * Names: every identifier is interned in `c->names` so names compare by
 * address; the tables below are KrPtrMaps keyed by interned names.
 *
 * Errors: functions return 0 / a pointer on success and -1 / NULL with an
 * exception set on `c->ts`; SyntaxErrors go through krCompiler_error.
 */
#ifndef KR_COMPILER_INTERNAL_H
#define KR_COMPILER_INTERNAL_H

#include "compiler/opcode.h"
#include "compiler/ptrmap.h"
#include "objects/abstract.h"
#include "objects/object.h"
#include "parser/arena.h"
#include "parser/ast.h"

typedef struct KrCompiler KrCompiler;
typedef struct KrSymEntry KrSymEntry;
typedef struct KrBlock KrBlock;

// Future features and compile flags, with CPython's values (compile.h re-exports them).
enum {
    KR_CO_FUTURE_DIVISION = 0x20000,
    KR_CO_FUTURE_ABSOLUTE_IMPORT = 0x40000,
    KR_CO_FUTURE_WITH_STATEMENT = 0x80000,
    KR_CO_FUTURE_PRINT_FUNCTION = 0x100000,
    KR_CO_FUTURE_UNICODE_LITERALS = 0x200000,
    KR_CO_FUTURE_BARRY_AS_BDFL = 0x400000,
    KR_CO_FUTURE_GENERATOR_STOP = 0x800000,
    KR_CO_FUTURE_ANNOTATIONS = 0x1000000,
    KR_CF_MASK = 0x1fe0000,
    KR_CF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
};

// Limits from CPython.
#define KR_MAXBLOCKS 20              // statically nested blocks (CO_MAXBLOCKS)
#define KR_STACK_USE_GUIDELINE 30    // beyond this, build collections incrementally
#define KR_MAX_COPY_SIZE 4           // exit blocks up to this size are duplicated

// ---------------------------------------------------------------------------
// Source positions

typedef struct KrLoc {
    int lineno, end_lineno, col, end_col;    // lineno < 0: no position (artificial)
} KrLoc;

#define KR_NO_LOC ((KrLoc){-1, -1, -1, -1})
#define KR_LOC_OF(node) ((KrLoc){(node)->lineno, (node)->end_lineno, (node)->col_offset, (node)->end_col_offset})

// ---------------------------------------------------------------------------
// Instructions and basic blocks

typedef struct KrInstr {
    int op;                        // KrOpcode, pseudo-ops included
    int arg;
    KrBlock *target;               // jump target / handler of SETUP_*
    KrBlock *except;               // handler in effect (set by the exception pass)
    KrLoc loc;
} KrInstr;

struct KrBlock {
    KrBlock *list_next;            // every block of the unit, newest first
    KrBlock *next;                 // layout order (fall-through successor)
    KrInstr *instr;
    int n, cap;
    int offset;                    // in code units, once laid out
    int startdepth;                // value-stack depth at entry (INT_MIN: unknown)
    int predecessors;
    struct KrExcStack *exc_stack;  // while labelling exception targets
    unsigned visited : 1;
    unsigned exit : 1;             // ends with RETURN_VALUE / RAISE / RERAISE
    unsigned nofallthrough : 1;
    unsigned preserve_lasti : 1;   // handler of SETUP_CLEANUP / SETUP_WITH
};

// ---------------------------------------------------------------------------
// Symbol table (symtable.c)

enum {
    KR_DEF_GLOBAL = 1,             // global statement
    KR_DEF_LOCAL = 2,              // assignment in the block
    KR_DEF_PARAM = 4,              // formal parameter
    KR_DEF_NONLOCAL = 8,           // nonlocal statement
    KR_USE = 16,                   // name is used
    KR_DEF_FREE = 32,              // used but not defined in a nested block
    KR_DEF_FREE_CLASS = 64,        // free variable of a class's method
    KR_DEF_IMPORT = 128,           // bound by import
    KR_DEF_ANNOT = 256,            // annotated
    KR_DEF_COMP_ITER = 512,        // comprehension iteration variable
    KR_DEF_BOUND = KR_DEF_LOCAL | KR_DEF_PARAM | KR_DEF_IMPORT,
};
enum { KR_SCOPE_OFFSET = 11, KR_SCOPE_MASK = 7 };
enum { KR_SC_LOCAL = 1, KR_SC_GLOBAL_EXPLICIT, KR_SC_GLOBAL_IMPLICIT, KR_SC_FREE, KR_SC_CELL };

typedef enum { KR_BLOCK_FUNCTION, KR_BLOCK_CLASS, KR_BLOCK_MODULE, KR_BLOCK_ANNOTATION } KrBlockType;
typedef enum { KR_COMP_NONE, KR_COMP_LIST, KR_COMP_SET, KR_COMP_DICT, KR_COMP_GENEXP } KrCompKind;

typedef struct KrDirective {
    const char *name;
    KrLoc loc;
} KrDirective;

struct KrSymEntry {
    const char *name;
    KrBlockType type;
    const void *key;               // the AST node that opened the block
    KrPtrMap symbols;              // name -> flags | scope << KR_SCOPE_OFFSET
    const char **varnames;         // parameters in order
    int nvarnames, capvarnames;
    KrSymEntry **children;
    int nchildren, capchildren;
    KrDirective *directives;       // global / nonlocal (and walrus) declarations, for errors
    int ndirectives, capdirectives;
    KrLoc loc;
    KrCompKind comprehension;
    int comp_iter_expr;            // > 0 inside a comprehension's iterable expression
    unsigned nested : 1;
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned needs_class_closure : 1;
    unsigned child_free : 1;
    unsigned free : 1;
    unsigned comp_iter_target : 1;
    KrSymEntry *all_next;          // every entry of the table (for freeing)
};

typedef struct KrSymtable {
    KrSymEntry *top;
    KrSymEntry *cur;
    KrSymEntry **stack;
    int nstack, capstack;
    KrPtrMap blocks;               // AST node -> KrSymEntry *
    KrSymEntry *all;
    const char *private_name;      // class name for mangling, or NULL
    int depth;                     // recursion guard
} KrSymtable;

// Builds the symbol table of `mod` into c->st.  0 or -1 (SyntaxError, MemoryError, RecursionError).
int krSym_build(KrCompiler *c, KrAstMod *mod);
void krSym_free(KrSymtable *st);
// The entry of the block opened by AST node `key` (NULL if none).  Never fails.
KrSymEntry *krSym_lookup(KrSymtable *st, const void *key);
// Flags of `name` in `ste`, 0 when absent; the scope (KR_SC_*, 0 when absent).
long krSym_flags(const KrSymEntry *ste, const char *name);
int krSym_scope(const KrSymEntry *ste, const char *name);

// ---------------------------------------------------------------------------
// Compilation units: one per code object being built

typedef enum {
    KR_SCOPE_MODULE, KR_SCOPE_CLASS, KR_SCOPE_FUNCTION, KR_SCOPE_ASYNC_FUNCTION, KR_SCOPE_LAMBDA,
    KR_SCOPE_COMPREHENSION,
} KrScopeType;

typedef enum {
    KR_FB_WHILE_LOOP, KR_FB_FOR_LOOP, KR_FB_TRY_EXCEPT, KR_FB_FINALLY_TRY, KR_FB_FINALLY_END, KR_FB_WITH,
    KR_FB_ASYNC_WITH, KR_FB_HANDLER_CLEANUP, KR_FB_POP_VALUE, KR_FB_EXCEPTION_HANDLER,
    KR_FB_EXCEPTION_GROUP_HANDLER, KR_FB_ASYNC_COMPREHENSION_GENERATOR,
} KrFBlockType;

typedef struct KrFBlock {
    KrFBlockType type;
    KrBlock *block;
    KrBlock *exit;                 // loops: where `break` goes
    const void *datum;             // finally body (KrAstStmtSeq *), with statement, or handler name
} KrFBlock;

// The constants of a unit: an ordered list with a dedup index (consts.c).
typedef struct KrConstTable {
    KrObject **items;              // strong references
    int n, cap;
    int32_t *index;                // open addressing on krConst_hash, -1 empty
    int index_size;
} KrConstTable;

typedef struct KrUnit {
    struct KrUnit *parent;
    KrSymEntry *ste;
    const char *name;
    KrObject *qualname;            // strong str
    KrScopeType scope_type;
    const char *private_name;      // class name used for mangling, or NULL
    KrConstTable consts;
    KrPtrMap names;                // co_names: name -> index
    KrPtrMap varnames;             // locals: name -> index
    KrPtrMap cellvars;             // name -> cell index
    KrPtrMap freevars;             // name -> cell index (after the cells)
    int argcount, posonlyargcount, kwonlyargcount;
    KrBlock *blocks;               // allocation list, newest first
    KrBlock *entry;
    KrBlock *curblock;
    int nfblocks;
    KrFBlock fblocks[KR_MAXBLOCKS];
    int firstlineno;
    KrLoc loc;                     // position given to the next instruction
} KrUnit;

// Keeps a leaf helper with large locals out of a recursive pass's frame, so
// that each level of recursion costs little C stack.
#if defined(__GNUC__)
#define KR_NOINLINE __attribute__((noinline))
#else
#define KR_NOINLINE
#endif

// ---------------------------------------------------------------------------
// The compiler

struct KrCompiler {
    KrThreadState *ts;
    KrArena *arena;                // names, symbol table, new AST nodes
    KrNames names;
    KrObject *filename;            // str
    const char *source;            // for the text of SyntaxErrors, may be NULL
    size_t source_len;
    int flags;                     // KR_CF_* and future CO_FUTURE_* bits
    int optimize;
    bool interactive;
    int nestlevel;
    int future_lineno;             // line of the last `from __future__` import
    // Recursion guard of the recursive passes (folding, symbol table,
    // unparsing): each starts at depth_start and fails with RecursionError
    // beyond depth_limit (see krCompiler_depth_limits).
    int depth_start, depth_limit;
    KrSymtable st;
    KrUnit *u;
    KrPtrMap constvals;            // AST Constant node -> KrObject * (strong)
    // Interned names the passes refer to.
    const char *id_class, *id_classcell, *id_name, *id_module, *id_qualname, *id_doc,
        *id_annotations, *id_debug, *id_super, *id_dot0, *id_return, *id_join, *id_empty, *id_top,
        *id_lambda, *id_genexpr, *id_listcomp, *id_setcomp, *id_dictcomp;
};

// Raises SyntaxError `msg` at `loc` (columns 0-based bytes; reported +1 as
// CPython does) and returns -1.
int krCompiler_error_at(KrCompiler *c, KrLoc loc, const char *fmt, ...);
// Raises at the current instruction position (c->u->loc).
int krCompiler_error(KrCompiler *c, const char *fmt, ...);
// Issues a SyntaxWarning at the current line.  0, or -1 with an exception
// (a warning turned into an error raises SyntaxError).
int krCompiler_warn(KrCompiler *c, const char *fmt, ...);
// Line `lineno` of the source being compiled, with its newline (malloc'ed;
// NULL when unknown, e.g. compiling an AST).  Never raises.
char *krCompiler_source_line(KrCompiler *c, int lineno);
// Sets c->depth_start/depth_limit as CPython scales them: three compiler
// levels per Python frame of the current recursion depth and limit, capped
// so that the C stack cannot overflow whatever sys.setrecursionlimit says.
void krCompiler_depth_limits(KrCompiler *c);
// Raises the RecursionError of a too deeply nested source; returns -1.
int krCompiler_too_deep(KrCompiler *c);

// Interns `s`; NULL with MemoryError.
const char *krCompiler_intern(KrCompiler *c, const char *s, size_t len);
// _Py_Mangle: `name` as seen in class `private_name` (interned result).  NULL on error.
const char *krCompiler_mangle(KrCompiler *c, const char *private_name, const char *name);

// ---------------------------------------------------------------------------
// Constants (consts.c)

// The object for a Constant node (folded ones included): borrowed, or NULL
// with an exception (e.g. an int literal over the digit limit).
KrObject *krConst_of(KrCompiler *c, KrAstExpr *e);
// Records `value` (stolen, also on failure) as the folded value of `e`, which
// becomes a Constant node.  0 or -1.
int krConst_set(KrCompiler *c, KrAstExpr *e, KrObject *value);
// Is `e` a Constant whose value is a str (exact)?  Never fails (conversion
// errors surface later).
bool krConst_is_str(KrCompiler *c, KrAstExpr *e);
// Index of `o` in the unit's constant table, adding it (by constant identity:
// same type and value, 0.0 != -0.0, recursively for tuples).  -1 on error.
int krConst_add(KrCompiler *c, KrConstTable *t, KrObject *o);
void krConst_table_free(KrConstTable *t);
// The constant as stored in the finished code object (see consts.c).  New reference.
KrObject *krConst_finalize(KrCompiler *c, KrObject *o);
// A str object for an identifier, interned.  New reference.
KrObject *krConst_name(KrCompiler *c, const char *name);
// Constant-identity equality and hash (as CPython's _PyCode_ConstantKey).
bool krConst_equal(KrObject *a, KrObject *b);
uint64_t krConst_hash(KrObject *o);

// ---------------------------------------------------------------------------
// AST optimisation (astopt.c)

int krAstOpt_module(KrCompiler *c, KrAstMod *mod);

// ---------------------------------------------------------------------------
// Code generation (codegen*.c)

int krCodegen_module(KrCompiler *c, KrAstMod *mod, int mode, KrObject **result);

// Block and instruction emission (codegen.c).
KrBlock *cg_new_block(KrCompiler *c);
void cg_use_next_block(KrCompiler *c, KrBlock *b);
int cg_next_block(KrCompiler *c);
int cg_addop(KrCompiler *c, int op, int arg);
int cg_addop_noline(KrCompiler *c, int op, int arg);
int cg_addop_jump(KrCompiler *c, int op, KrBlock *target);
int cg_addop_jump_noline(KrCompiler *c, int op, KrBlock *target);
int cg_load_const(KrCompiler *c, KrObject *o);            // borrows o
int cg_load_const_new(KrCompiler *c, KrObject *o);        // steals o (NULL: error already set)
int cg_addop_name(KrCompiler *c, int op, const char *name);  // mangled, co_names
int cg_addop_name_raw(KrCompiler *c, int op, const char *name);  // not mangled
int cg_nameop(KrCompiler *c, const char *name, KrAstExprContext ctx);
int cg_push_fblock(KrCompiler *c, KrFBlockType t, KrBlock *b, KrBlock *exit, const void *datum);
void cg_pop_fblock(KrCompiler *c, KrFBlockType t, KrBlock *b);
int cg_unwind_fblock_stack(KrCompiler *c, bool preserve_tos, KrFBlock **loop);
int cg_unwind_fblock(KrCompiler *c, KrFBlock *info, bool preserve_tos);
int cg_enter_scope(KrCompiler *c, const char *name, KrScopeType type, const void *key, int lineno);
void cg_exit_scope(KrCompiler *c);
int cg_make_closure(KrCompiler *c, KrObject *code, int flags, KrObject *qualname);
// Assembles the current unit into a code object (flowgraph.c).  New reference.
KrObject *krAssemble(KrCompiler *c, bool add_none);
int cg_forbidden_name(KrCompiler *c, const char *name, KrAstExprContext ctx);
bool cg_is_top_level_await(KrCompiler *c);
int cg_call_exit_with_nones(KrCompiler *c);
int cg_add_yield_from(KrCompiler *c, bool await);
int cg_addop_yield(KrCompiler *c);
int cg_body(KrCompiler *c, KrAstStmtSeq *stmts);

// Statements (codegen_stmt.c), expressions (codegen_expr.c), patterns (codegen_pattern.c).
int cg_visit_stmt(KrCompiler *c, KrAstStmt *s);
int cg_visit_stmts(KrCompiler *c, KrAstStmtSeq *seq);
int cg_visit_expr(KrCompiler *c, KrAstExpr *e);
int cg_visit_exprs(KrCompiler *c, KrAstExprSeq *seq);
int cg_jump_if(KrCompiler *c, KrAstExpr *e, KrBlock *next, bool cond);
int cg_call_helper(KrCompiler *c, int n, KrAstExprSeq *args, KrAstKeywordSeq *keywords);
int cg_function(KrCompiler *c, KrAstStmt *s, bool is_async);
int cg_class(KrCompiler *c, KrAstStmt *s);
int cg_lambda(KrCompiler *c, KrAstExpr *e);
int cg_comprehension(KrCompiler *c, KrAstExpr *e);
int cg_match(KrCompiler *c, KrAstStmt *s);
int cg_annotation_expr(KrCompiler *c, KrAstExpr *e);   // an annotation value (string under the future)
int cg_apply_decorators(KrCompiler *c, KrAstExprSeq *decos);
// BINARY_OP's argument for an AST operator (in-place form when `inplace`).
int cg_binop_arg(KrAstOperator op, bool inplace);
// For `a.b` spanning lines: start the position at the attribute name.
void cg_update_start_location_to_match_attr(KrCompiler *c, KrAstExpr *attr);

// Unparsing annotations for `from __future__ import annotations` (unparse.c).
// New reference to a str.
KrObject *krAst_unparse_annotation(KrCompiler *c, KrAstExpr *e);

// Helpers to emit with the Krait opcode names.
#define CG_CHECK(x) do { if ((x) < 0) return -1; } while (0)
#define ADDOP(c, op) CG_CHECK(cg_addop((c), KR_OP_##op, 0))
#define ADDOP_I(c, op, arg) CG_CHECK(cg_addop((c), KR_OP_##op, (arg)))
#define ADDOP_NOLINE(c, op) CG_CHECK(cg_addop_noline((c), KR_OP_##op, 0))
#define ADDOP_JUMP(c, op, b) CG_CHECK(cg_addop_jump((c), KR_OP_##op, (b)))
#define ADDOP_JUMP_NOLINE(c, op, b) CG_CHECK(cg_addop_jump_noline((c), KR_OP_##op, (b)))
#define ADDOP_NAME(c, op, name) CG_CHECK(cg_addop_name((c), KR_OP_##op, (name)))
#define ADDOP_LOAD_CONST(c, o) CG_CHECK(cg_load_const((c), (o)))
#define VISIT(c, e) CG_CHECK(cg_visit_expr((c), (e)))
#define VISIT_STMTS(c, seq) CG_CHECK(cg_visit_stmts((c), (seq)))
#define SET_LOC(c, node) ((c)->u->loc = KR_LOC_OF(node))
#define UNSET_LOC(c) ((c)->u->loc = KR_NO_LOC)

#endif
