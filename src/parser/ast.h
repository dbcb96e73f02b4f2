/*
 * ast.h — the abstract syntax tree, as plain C data.
 *
 * The tree mirrors CPython 3.11's `ast` module (Parser/Python.asdl) node for
 * node and field for field, so that anything written about Python's AST applies
 * here: `e->v.BinOp.left` is `node.left` of an `ast.BinOp`.  Node kinds come
 * from the X-macro list in ast_kinds.def.
 *
 * Memory: every node, sequence, identifier and constant payload lives in the
 * KrArena the parser was given (arena.h).  Nothing in the tree is individually
 * owned or freed; krArena_free() releases the whole tree at once.  The tree
 * does not depend on the object system: the compiler turns constants into
 * objects itself.
 *
 * Conventions:
 *  - Optional fields (`expr?` in the ASDL) are NULL when absent.
 *  - Sequence fields are pointers to a KrAst*Seq; NULL means empty.  Use
 *    KR_AST_LEN(seq) and seq->items[i].  Items are never NULL, except where the
 *    ASDL allows it: Dict.keys (NULL for `**mapping`) and
 *    arguments.kw_defaults (NULL for a keyword-only parameter without default).
 *  - Identifiers are NUL-terminated UTF-8 strings.  Equal identifiers of one
 *    parse share one pointer, so they may be compared by address.
 *  - Positions follow CPython: `lineno`/`end_lineno` are 1-based line numbers,
 *    `col_offset`/`end_col_offset` are 0-based offsets in UTF-8 *bytes* from
 *    the start of the line.  The end is exclusive.
 *
 * Related: parser.h (producing a tree), ast_dump.h (printing one the way
 * Python's ast.dump does), arena.h.
 */
#ifndef KR_AST_H
#define KR_AST_H

#include <stddef.h>

typedef struct KrAstMod KrAstMod;
typedef struct KrAstStmt KrAstStmt;
typedef struct KrAstExpr KrAstExpr;
typedef struct KrAstPattern KrAstPattern;
typedef struct KrAstComprehension KrAstComprehension;
typedef struct KrAstExcepthandler KrAstExcepthandler;
typedef struct KrAstArguments KrAstArguments;
typedef struct KrAstArg KrAstArg;
typedef struct KrAstKeyword KrAstKeyword;
typedef struct KrAstAlias KrAstAlias;
typedef struct KrAstWithitem KrAstWithitem;
typedef struct KrAstMatchCase KrAstMatchCase;
typedef struct KrAstTypeIgnore KrAstTypeIgnore;

// ---------------------------------------------------------------------------
// Sequences

#define KR_AST_DEFINE_SEQ(Name, T) \
    typedef struct Name { int size; T items[]; } Name

KR_AST_DEFINE_SEQ(KrAstStmtSeq, KrAstStmt *);
KR_AST_DEFINE_SEQ(KrAstExprSeq, KrAstExpr *);
KR_AST_DEFINE_SEQ(KrAstPatternSeq, KrAstPattern *);
KR_AST_DEFINE_SEQ(KrAstComprehensionSeq, KrAstComprehension *);
KR_AST_DEFINE_SEQ(KrAstExcepthandlerSeq, KrAstExcepthandler *);
KR_AST_DEFINE_SEQ(KrAstArgSeq, KrAstArg *);
KR_AST_DEFINE_SEQ(KrAstKeywordSeq, KrAstKeyword *);
KR_AST_DEFINE_SEQ(KrAstAliasSeq, KrAstAlias *);
KR_AST_DEFINE_SEQ(KrAstWithitemSeq, KrAstWithitem *);
KR_AST_DEFINE_SEQ(KrAstMatchCaseSeq, KrAstMatchCase *);
KR_AST_DEFINE_SEQ(KrAstTypeIgnoreSeq, KrAstTypeIgnore *);
KR_AST_DEFINE_SEQ(KrAstIdentifierSeq, const char *);
KR_AST_DEFINE_SEQ(KrAstIntSeq, int);          // cmpop* (values of KrAstCmpop)

// Number of items of any sequence; 0 for NULL.
#define KR_AST_LEN(seq) ((seq) ? (seq)->size : 0)

// ---------------------------------------------------------------------------
// Enumerations

typedef enum {
#define KR_AST_MOD(Name) KR_MOD_##Name,
#include "parser/ast_kinds.def"
} KrAstModKind;

typedef enum {
#define KR_AST_STMT(Name) KR_STMT_##Name,
#include "parser/ast_kinds.def"
} KrAstStmtKind;

typedef enum {
#define KR_AST_EXPR(Name) KR_EXPR_##Name,
#include "parser/ast_kinds.def"
} KrAstExprKind;

typedef enum {
#define KR_AST_PATTERN(Name) KR_PAT_##Name,
#include "parser/ast_kinds.def"
} KrAstPatternKind;

typedef enum { KR_CTX_Load = 1, KR_CTX_Store, KR_CTX_Del } KrAstExprContext;
typedef enum { KR_BOOL_And = 1, KR_BOOL_Or } KrAstBoolop;
typedef enum {
    KR_BINOP_Add = 1, KR_BINOP_Sub, KR_BINOP_Mult, KR_BINOP_MatMult, KR_BINOP_Div,
    KR_BINOP_Mod, KR_BINOP_Pow, KR_BINOP_LShift, KR_BINOP_RShift, KR_BINOP_BitOr,
    KR_BINOP_BitXor, KR_BINOP_BitAnd, KR_BINOP_FloorDiv
} KrAstOperator;
typedef enum { KR_UNARY_Invert = 1, KR_UNARY_Not, KR_UNARY_UAdd, KR_UNARY_USub } KrAstUnaryop;
typedef enum {
    KR_CMP_Eq = 1, KR_CMP_NotEq, KR_CMP_Lt, KR_CMP_LtE, KR_CMP_Gt, KR_CMP_GtE,
    KR_CMP_Is, KR_CMP_IsNot, KR_CMP_In, KR_CMP_NotIn
} KrAstCmpop;

// Python-level names ("Module", "BinOp", "Add", "Load"...), for dumps and
// error messages.  Never fail; an out-of-range value gives "?".
const char *krAst_mod_name(KrAstModKind kind);
const char *krAst_stmt_name(KrAstStmtKind kind);
const char *krAst_expr_name(KrAstExprKind kind);
const char *krAst_pattern_name(KrAstPatternKind kind);
const char *krAst_context_name(KrAstExprContext ctx);
const char *krAst_boolop_name(KrAstBoolop op);
const char *krAst_operator_name(KrAstOperator op);
const char *krAst_unaryop_name(KrAstUnaryop op);
const char *krAst_cmpop_name(KrAstCmpop op);

// ---------------------------------------------------------------------------
// Constants

typedef enum {
    KR_CONST_NONE,
    KR_CONST_TRUE,
    KR_CONST_FALSE,
    KR_CONST_ELLIPSIS,
    KR_CONST_INT,     // digits without '_', base prefix kept: "123", "0x1f", "0o7", "0b1"
    KR_CONST_FLOAT,   // literal text without '_': "1.5", "1e10", ".5", "1."
    KR_CONST_IMAG,    // literal text without '_' and without the 'j': "2.5", "1"
    KR_CONST_STR,     // decoded value, UTF-8 (lone surrogates in 3-byte form)
    KR_CONST_BYTES,   // decoded value, raw bytes
} KrAstConstantKind;

// A constant's value.  `data` is arena memory holding `len` bytes followed by
// a NUL (so it is also a C string unless the value contains NULs); it is NULL
// for NONE/TRUE/FALSE/ELLIPSIS.
typedef struct {
    KrAstConstantKind kind;
    const char *data;
    size_t len;
} KrAstConstant;

// ---------------------------------------------------------------------------
// Nodes

// The position every located node carries (see the conventions above).
#define KR_AST_POSITION int lineno, col_offset, end_lineno, end_col_offset

struct KrAstMod {
    KrAstModKind kind;
    union {
        struct { KrAstStmtSeq *body; KrAstTypeIgnoreSeq *type_ignores; } Module;
        struct { KrAstStmtSeq *body; } Interactive;
        struct { KrAstExpr *body; } Expression;
        struct { KrAstExprSeq *argtypes; KrAstExpr *returns; } FunctionType;
    } v;
};

struct KrAstStmt {
    KrAstStmtKind kind;
    union {
        // Also AsyncFunctionDef (same layout; read it through v.FunctionDef).
        struct {
            const char *name;
            KrAstArguments *args;
            KrAstStmtSeq *body;
            KrAstExprSeq *decorator_list;
            KrAstExpr *returns;
            const char *type_comment;
        } FunctionDef, AsyncFunctionDef;
        struct {
            const char *name;
            KrAstExprSeq *bases;
            KrAstKeywordSeq *keywords;
            KrAstStmtSeq *body;
            KrAstExprSeq *decorator_list;
        } ClassDef;
        struct { KrAstExpr *value; } Return;
        struct { KrAstExprSeq *targets; } Delete;
        struct { KrAstExprSeq *targets; KrAstExpr *value; const char *type_comment; } Assign;
        struct { KrAstExpr *target; KrAstOperator op; KrAstExpr *value; } AugAssign;
        // `simple` is 1 when the target is a bare name, not in parentheses.
        struct { KrAstExpr *target; KrAstExpr *annotation; KrAstExpr *value; int simple; } AnnAssign;
        struct {
            KrAstExpr *target;
            KrAstExpr *iter;
            KrAstStmtSeq *body;
            KrAstStmtSeq *orelse;
            const char *type_comment;
        } For, AsyncFor;
        struct { KrAstExpr *test; KrAstStmtSeq *body; KrAstStmtSeq *orelse; } While;
        struct { KrAstExpr *test; KrAstStmtSeq *body; KrAstStmtSeq *orelse; } If;
        struct { KrAstWithitemSeq *items; KrAstStmtSeq *body; const char *type_comment; } With, AsyncWith;
        struct { KrAstExpr *subject; KrAstMatchCaseSeq *cases; } Match;
        struct { KrAstExpr *exc; KrAstExpr *cause; } Raise;
        struct {
            KrAstStmtSeq *body;
            KrAstExcepthandlerSeq *handlers;
            KrAstStmtSeq *orelse;
            KrAstStmtSeq *finalbody;
        } Try, TryStar;
        struct { KrAstExpr *test; KrAstExpr *msg; } Assert;
        struct { KrAstAliasSeq *names; } Import;
        // `module` is NULL for `from . import x`; `level` counts the dots.
        struct { const char *module; KrAstAliasSeq *names; int level; } ImportFrom;
        struct { KrAstIdentifierSeq *names; } Global, Nonlocal;
        struct { KrAstExpr *value; } Expr;
    } v;
    KR_AST_POSITION;
};

struct KrAstExpr {
    KrAstExprKind kind;
    union {
        struct { KrAstBoolop op; KrAstExprSeq *values; } BoolOp;
        struct { KrAstExpr *target; KrAstExpr *value; } NamedExpr;
        struct { KrAstExpr *left; KrAstOperator op; KrAstExpr *right; } BinOp;
        struct { KrAstUnaryop op; KrAstExpr *operand; } UnaryOp;
        struct { KrAstArguments *args; KrAstExpr *body; } Lambda;
        struct { KrAstExpr *test; KrAstExpr *body; KrAstExpr *orelse; } IfExp;
        // keys[i] is NULL for the item `**values[i]`.
        struct { KrAstExprSeq *keys; KrAstExprSeq *values; } Dict;
        struct { KrAstExprSeq *elts; } Set;
        struct { KrAstExpr *elt; KrAstComprehensionSeq *generators; } ListComp, SetComp, GeneratorExp;
        struct { KrAstExpr *key; KrAstExpr *value; KrAstComprehensionSeq *generators; } DictComp;
        struct { KrAstExpr *value; } Await;
        struct { KrAstExpr *value; } Yield;       // value may be NULL
        struct { KrAstExpr *value; } YieldFrom;
        struct { KrAstExpr *left; KrAstIntSeq *ops; KrAstExprSeq *comparators; } Compare;
        struct { KrAstExpr *func; KrAstExprSeq *args; KrAstKeywordSeq *keywords; } Call;
        // `conversion` is -1 (none) or the character 's', 'r' or 'a'.
        struct { KrAstExpr *value; int conversion; KrAstExpr *format_spec; } FormattedValue;
        struct { KrAstExprSeq *values; } JoinedStr;
        // `kind` is "u" for a u-prefixed string, else NULL.
        struct { KrAstConstant value; const char *kind; } Constant;
        struct { KrAstExpr *value; const char *attr; KrAstExprContext ctx; } Attribute;
        struct { KrAstExpr *value; KrAstExpr *slice; KrAstExprContext ctx; } Subscript;
        struct { KrAstExpr *value; KrAstExprContext ctx; } Starred;
        struct { const char *id; KrAstExprContext ctx; } Name;
        struct { KrAstExprSeq *elts; KrAstExprContext ctx; } List, Tuple;
        struct { KrAstExpr *lower; KrAstExpr *upper; KrAstExpr *step; } Slice;
    } v;
    KR_AST_POSITION;
};

struct KrAstComprehension {
    KrAstExpr *target;
    KrAstExpr *iter;
    KrAstExprSeq *ifs;
    int is_async;
};

// excepthandler has a single constructor, ExceptHandler.
struct KrAstExcepthandler {
    KrAstExpr *type;          // NULL for a bare `except:`
    const char *name;         // NULL without `as name`
    KrAstStmtSeq *body;
    KR_AST_POSITION;
};

struct KrAstArguments {
    KrAstArgSeq *posonlyargs;
    KrAstArgSeq *args;
    KrAstArg *vararg;
    KrAstArgSeq *kwonlyargs;
    KrAstExprSeq *kw_defaults;  // one per kwonlyargs item; NULL items allowed
    KrAstArg *kwarg;
    KrAstExprSeq *defaults;     // for the last len(defaults) of posonlyargs+args
};

struct KrAstArg {
    const char *arg;
    KrAstExpr *annotation;
    const char *type_comment;
    KR_AST_POSITION;
};

struct KrAstKeyword {
    const char *arg;          // NULL for `**mapping`
    KrAstExpr *value;
    KR_AST_POSITION;
};

struct KrAstAlias {
    const char *name;         // dotted name, "*" for `from m import *`
    const char *asname;
    KR_AST_POSITION;
};

struct KrAstWithitem {
    KrAstExpr *context_expr;
    KrAstExpr *optional_vars;
};

struct KrAstMatchCase {
    KrAstPattern *pattern;
    KrAstExpr *guard;
    KrAstStmtSeq *body;
};

struct KrAstPattern {
    KrAstPatternKind kind;
    union {
        struct { KrAstExpr *value; } MatchValue;
        struct { KrAstConstant value; } MatchSingleton;   // NONE, TRUE or FALSE
        struct { KrAstPatternSeq *patterns; } MatchSequence;
        struct { KrAstExprSeq *keys; KrAstPatternSeq *patterns; const char *rest; } MatchMapping;
        struct {
            KrAstExpr *cls;
            KrAstPatternSeq *patterns;
            KrAstIdentifierSeq *kwd_attrs;
            KrAstPatternSeq *kwd_patterns;
        } MatchClass;
        struct { const char *name; } MatchStar;            // NULL for `*_`
        // pattern NULL and name NULL is the wildcard `_`.
        struct { KrAstPattern *pattern; const char *name; } MatchAs;
        struct { KrAstPatternSeq *patterns; } MatchOr;
    } v;
    KR_AST_POSITION;
};

struct KrAstTypeIgnore {
    int lineno;
    const char *tag;
};

#endif
