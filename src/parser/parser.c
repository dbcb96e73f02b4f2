/*
 * parser.c — the parser's driver and shared machinery: the token buffer,
 * error raising, node allocation, identifier interning, and krParse_source
 * with its two-pass error strategy (see parser_internal.h).
 *
 * Tokens are read from the lexer on demand into a growing array, so any rule
 * can look ahead or backtrack by saving and restoring `pos`.  The index of
 * the furthest token read is what the generic "invalid syntax" error points
 * at, exactly as in CPython, so helpers must not read ahead more than the
 * grammar needs.
 */
#include "parser/parser_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Python's C stack limit for the parser is about 6000 nested rules; ours
// counts fewer frames per nesting level.
#define MAX_DEPTH 3000

// ---------------------------------------------------------------------------
// Tokens

static void free_tokens(KrParser *p) {
    for (int i = 0; i < p->nchunks; i++) free(p->tokchunks[i]);
    free(p->tokchunks);
}

static KrToken failed_token = {KR_TOK_FAILED, NULL, NULL, 0, 0, 0, 0};

static int fill(KrParser *p) {
    if (p->ntoks == p->nchunks * KR_TOK_CHUNK) {
        KrToken **chunks = realloc(p->tokchunks, (size_t)(p->nchunks + 1) * sizeof *chunks);
        KrToken *chunk = chunks ? malloc(KR_TOK_CHUNK * sizeof *chunk) : NULL;
        if (chunks) p->tokchunks = chunks;
        if (!chunk) {
            krParse_nomem(p);
            return -1;
        }
        p->tokchunks[p->nchunks++] = chunk;
    }
    KrToken *t = krParse_tok(p, p->ntoks);
    if (krLex_next(&p->lx, t) == KR_TOK_FAILED) {
        // The lexer filled p->err.  A second pass may still raise a more
        // precise error before reaching this point (it resets `error`).
        p->error = 1;
        return -1;
    }
    if (p->line_delta || p->col_delta) {
        // A replacement field's expression: move it to where it sits in the
        // f-string.  Only the first line is shifted right, as in CPython.
        if (t->end_lineno == 1) {
            if (t->col_offset >= 0) t->col_offset += p->col_delta;
            if (t->end_col_offset >= 0) t->end_col_offset += p->col_delta;
        }
        t->lineno += p->line_delta;
        t->end_lineno += p->line_delta;
    }
    p->ntoks++;
    return 0;
}

KrToken *krParse_peek_at(KrParser *p, int n) {
    if (p->error) return &failed_token;
    while (p->pos + n >= p->ntoks) {
        if (fill(p) < 0) return &failed_token;
    }
    return krParse_tok(p, p->pos + n);
}

KrToken *krParse_peek(KrParser *p) { return krParse_peek_at(p, 0); }

// The last consumed token that is not NEWLINE, INDENT, DEDENT or ENDMARKER:
// where nodes end (CPython's _PyPegen_get_last_nonnwhitespace_token).
KrToken *krParse_last(KrParser *p) {
    int i = p->pos - 1;
    while (i > 0) {
        KrTokenKind k = krParse_tok(p, i)->kind;
        if (k != KR_TOK_NEWLINE && k != KR_TOK_INDENT && k != KR_TOK_DEDENT && k != KR_TOK_ENDMARKER) break;
        i--;
    }
    return i >= 0 && i < p->ntoks ? krParse_tok(p, i) : &failed_token;
}

KrToken *krParse_advance(KrParser *p) {
    KrToken *t = krParse_peek(p);
    if (t->kind != KR_TOK_FAILED) p->pos++;
    return t;
}

KrToken *krParse_accept(KrParser *p, KrTokenKind kind) {
    KrToken *t = krParse_peek(p);
    if (t->kind != kind) return NULL;
    p->pos++;
    return t;
}

int krParse_at(KrParser *p, KrTokenKind kind) { return krParse_peek(p)->kind == kind; }

int krParse_tok_is_name(const KrToken *t, const char *name) {
    size_t n = strlen(name);
    return t->kind == KR_TOK_NAME && (size_t)(t->end - t->start) == n && memcmp(t->start, name, n) == 0;
}

int krParse_at_name(KrParser *p, const char *name) {
    return krParse_tok_is_name(krParse_peek(p), name);
}

// ---------------------------------------------------------------------------
// Errors

static void raise_va(KrParser *p, KrSyntaxErrorKind kind, int lineno, int offset,
                     int end_lineno, int end_offset, const char *fmt, va_list va) {
    char msg[320];
    int n = 0;
    if (p->in_fstring) n = snprintf(msg, sizeof msg, "f-string: ");
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, va);
    krLex_set_error(&p->lx, kind, lineno, offset, end_lineno, end_offset, msg);
    p->error = 1;
}

void *krParse_error_at(KrParser *p, KrSyntaxErrorKind kind, int lineno, int col,
                       int end_lineno, int end_col, const char *fmt, ...) {
    if (p->error) return NULL;
    va_list va;
    va_start(va, fmt);
    raise_va(p, kind, lineno, col + 1, end_lineno, end_col + 1, fmt, va);
    va_end(va);
    return NULL;
}

void *krParse_error_range(KrParser *p, KrPos a, KrPos b, const char *fmt, ...) {
    if (p->error) return NULL;
    va_list va;
    va_start(va, fmt);
    raise_va(p, KR_SYNERR_SYNTAX, a.lineno, a.col_offset + 1, b.end_lineno,
             b.end_col_offset + 1, fmt, va);
    va_end(va);
    return NULL;
}

void *krParse_error_node(KrParser *p, KrPos a, const char *fmt, ...) {
    if (p->error) return NULL;
    va_list va;
    va_start(va, fmt);
    raise_va(p, KR_SYNERR_SYNTAX, a.lineno, a.col_offset + 1, a.end_lineno,
             a.end_col_offset + 1, fmt, va);
    va_end(va);
    return NULL;
}

// CPython's RAISE_SYNTAX_ERROR: at the last token read from the tokenizer.
// A token without columns (INDENT, DEDENT) is located where the tokenizer
// stood, with an unknown end.
static void raise_at_token_va(KrParser *p, KrSyntaxErrorKind kind, const KrToken *t,
                              const char *fmt, va_list va) {
    int col, end_col = -1;
    if (t->col_offset == -1) {
        col = (int)(t->start - p->lx.line_start);
        if (t->start < p->lx.line_start) {
            const char *s = t->start;
            while (s > p->lx.buf && s[-1] != '\n') s--;
            col = (int)(t->start - s);
        }
    } else {
        col = t->col_offset + 1;
    }
    if (t->end_col_offset != -1) end_col = t->end_col_offset + 1;
    raise_va(p, kind, t->lineno, col, t->end_lineno, end_col, fmt, va);
}

void *krParse_error_last(KrParser *p, KrSyntaxErrorKind kind, const char *fmt, ...) {
    if (p->error) return NULL;
    va_list va;
    va_start(va, fmt);
    const KrToken *t = p->ntoks ? krParse_tok(p, p->ntoks - 1) : &failed_token;
    raise_at_token_va(p, kind, t, fmt, va);
    va_end(va);
    return NULL;
}

void *krParse_nomem(KrParser *p) {
    if (p->err->kind != KR_SYNERR_NOMEM) {
        p->err->kind = KR_SYNERR_NOMEM;
        snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
        p->err->text = NULL;
    }
    p->error = 1;
    return NULL;
}

int krParse_enter(KrParser *p) {
    if (++p->depth > MAX_DEPTH) {
        p->depth--;
        krParse_error_last(p, KR_SYNERR_SYNTAX, "too many nested parentheses");
        return 0;
    }
    return 1;
}

// ---------------------------------------------------------------------------
// Allocation

void *krParse_alloc(KrParser *p, size_t size) {
    void *r = krArena_calloc(p->arena, size);
    if (!r) krParse_nomem(p);
    return r;
}

static size_t hash_bytes(const char *s, size_t len) {
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static int names_grow(KrParser *p) {
    KrNameTable *t = &p->names;
    size_t cap = t->cap ? t->cap * 2 : 256;
    const char **slots = krArena_calloc(p->arena, cap * sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < t->cap; i++) {
        const char *s = t->slots[i];
        if (!s) continue;
        size_t j = hash_bytes(s, strlen(s)) & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = s;
    }
    t->slots = slots;
    t->cap = cap;
    return 0;
}

const char *krParse_intern(KrParser *p, const char *s, size_t len) {
    KrNameTable *t = &p->names;
    if (t->count * 2 >= t->cap && names_grow(p) < 0) return krParse_nomem(p);
    size_t j = hash_bytes(s, len) & (t->cap - 1);
    while (t->slots[j]) {
        const char *q = t->slots[j];
        if (strncmp(q, s, len) == 0 && q[len] == '\0') return q;
        j = (j + 1) & (t->cap - 1);
    }
    char *copy = krArena_strndup(p->arena, s, len);
    if (!copy) return krParse_nomem(p);
    t->slots[j] = copy;
    t->count++;
    return copy;
}

const char *krParse_name(KrParser *p, const KrToken *t) {
    return krParse_intern(p, t->start, (size_t)(t->end - t->start));
}

int krVec_push(KrParser *p, KrVec *v, void *item) {
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = krArena_alloc(p->arena, (size_t)cap * sizeof *items);
        if (!items) {
            krParse_nomem(p);
            return -1;
        }
        if (v->n) memcpy(items, v->items, (size_t)v->n * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

typedef struct { int size; void *items[]; } GenericSeq;

void *krVec_seq(KrParser *p, KrVec *v) {
    if (v->n == 0) return NULL;
    GenericSeq *s = krParse_alloc(p, sizeof(GenericSeq) + (size_t)v->n * sizeof(void *));
    if (!s) return NULL;
    s->size = v->n;
    memcpy(s->items, v->items, (size_t)v->n * sizeof(void *));
    return s;
}

void *krParse_seq1(KrParser *p, void *item) {
    KrVec v = {0};
    if (krVec_push(p, &v, item) < 0) return NULL;
    return krVec_seq(p, &v);
}

// ---------------------------------------------------------------------------
// Nodes

KrPos krParse_span_from(KrParser *p, const KrToken *start) {
    return krParse_span_pos(p, krPos_tok(start));
}

KrPos krParse_span_pos(KrParser *p, KrPos start) {
    const KrToken *last = krParse_last(p);
    KrPos r = {start.lineno, start.col_offset, last->end_lineno, last->end_col_offset};
    return r;
}

KrAstExpr *krParse_expr_node(KrParser *p, KrAstExprKind kind, KrPos pos) {
    KrAstExpr *e = krParse_alloc(p, sizeof *e);
    if (!e) return NULL;
    e->kind = kind;
    KR_SET_POS(e, pos);
    return e;
}

KrAstStmt *krParse_stmt_node(KrParser *p, KrAstStmtKind kind, KrPos pos) {
    KrAstStmt *s = krParse_alloc(p, sizeof *s);
    if (!s) return NULL;
    s->kind = kind;
    KR_SET_POS(s, pos);
    return s;
}

KrAstPattern *krParse_pattern_node(KrParser *p, KrAstPatternKind kind, KrPos pos) {
    KrAstPattern *s = krParse_alloc(p, sizeof *s);
    if (!s) return NULL;
    s->kind = kind;
    KR_SET_POS(s, pos);
    return s;
}

// ---------------------------------------------------------------------------
// Start rules

static KrAstMod *parse(KrParser *p, KrParseMode mode);

static KrAstMod *new_mod(KrParser *p, KrAstModKind kind) {
    KrAstMod *m = krParse_alloc(p, sizeof *m);
    if (m) m->kind = kind;
    return m;
}

// file: [statements] ENDMARKER
static KrAstMod *file_rule(KrParser *p) {
    KrAstStmtSeq *body = krParse_statements(p);
    if (!krParse_accept(p, KR_TOK_ENDMARKER)) return NULL;
    KrAstMod *m = new_mod(p, KR_MOD_Module);
    if (m) m->v.Module.body = body;
    return m;
}

// eval: expressions NEWLINE* ENDMARKER
static KrAstMod *eval_rule(KrParser *p) {
    KrAstExpr *e = krParse_expressions(p);
    if (!e) return NULL;
    while (krParse_accept(p, KR_TOK_NEWLINE)) {}
    if (!krParse_accept(p, KR_TOK_ENDMARKER)) return NULL;
    KrAstMod *m = new_mod(p, KR_MOD_Expression);
    if (m) m->v.Expression.body = e;
    return m;
}

// interactive: statement_newline
static KrAstMod *interactive_rule(KrParser *p) {
    int mark = p->pos;
    KrAstStmtSeq *body = krParse_statement_newline(p);
    if (!body && (p->error || p->pos != mark)) return NULL;
    if (!body && !krParse_accept(p, KR_TOK_NEWLINE) && !krParse_at(p, KR_TOK_ENDMARKER)) return NULL;
    KrAstMod *m = new_mod(p, KR_MOD_Interactive);
    if (m) m->v.Interactive.body = body;
    return m;
}

// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
static KrAstMod *func_type_rule(KrParser *p) {
    if (!krParse_accept(p, KR_TOK_LPAR)) return NULL;
    KrVec args = {0};
    while (!krParse_at(p, KR_TOK_RPAR)) {
        KrAstExpr *e;
        if (krParse_accept(p, KR_TOK_STAR) || krParse_accept(p, KR_TOK_DOUBLESTAR)) e = krParse_expression(p);
        else e = krParse_expression(p);
        if (!e || krVec_push(p, &args, e) < 0) return NULL;
        if (!krParse_accept(p, KR_TOK_COMMA)) break;
    }
    if (!krParse_accept(p, KR_TOK_RPAR) || !krParse_accept(p, KR_TOK_RARROW)) return NULL;
    KrAstExpr *ret = krParse_expression(p);
    if (!ret) return NULL;
    while (krParse_accept(p, KR_TOK_NEWLINE)) {}
    if (!krParse_accept(p, KR_TOK_ENDMARKER)) return NULL;
    KrAstMod *m = new_mod(p, KR_MOD_FunctionType);
    if (m) {
        m->v.FunctionType.argtypes = krVec_seq(p, &args);
        m->v.FunctionType.returns = ret;
    }
    return m;
}

// fstring: star_expressions
static KrAstMod *fstring_rule(KrParser *p) {
    KrAstExpr *e = krParse_star_expressions(p);
    if (!e) return NULL;
    KrAstMod *m = new_mod(p, KR_MOD_Expression);
    if (m) m->v.Expression.body = e;
    return m;
}

static KrAstMod *run_start_rule(KrParser *p, KrParseMode mode) {
    if (p->fstring_mode) return fstring_rule(p);
    switch (mode) {
    case KR_PARSE_EVAL: return eval_rule(p);
    case KR_PARSE_SINGLE: return interactive_rule(p);
    case KR_PARSE_FUNC_TYPE: return func_type_rule(p);
    default: return file_rule(p);
    }
}

// ---------------------------------------------------------------------------
// Error resolution

// After a parser error, CPython tokenizes the rest of the input: an error the
// tokenizer raises itself there (an unterminated string, a bad number...)
// replaces the parser's, and so does an unclosed bracket opened before the
// line of the parser's error.
static void check_rest_of_source(KrParser *p, int err_line) {
    KrSyntaxError saved = *p->err;
    KrToken t;
    KrTokenKind k;
    do k = krLex_next(&p->lx, &t); while (k != KR_TOK_FAILED && k != KR_TOK_ENDMARKER);
    if (k == KR_TOK_ENDMARKER) return;
    KrLexFailKind how = p->lx.fail_kind;
    if (how == KR_LEXFAIL_DIRECT) return;   // the tokenizer's error stands
    if (how == KR_LEXFAIL_UNCLOSED && err_line > p->err->lineno) return;
    *p->err = saved;
}

static void error_at_token(KrParser *p, KrSyntaxErrorKind kind, int index, const char *msg) {
    int save = p->ntoks;
    p->ntoks = index + 1;
    krParse_error_last(p, kind, "%s", msg);
    p->ntoks = save;
}

// The generic error for a failed first pass whose second pass raised nothing.
static void generic_error(KrParser *p, int last_index) {
    const KrToken *last = krParse_tok(p, last_index);
    p->error = 0;
    if (last->kind == KR_TOK_INDENT || last->kind == KR_TOK_DEDENT) {
        error_at_token(p, KR_SYNERR_INDENTATION, last_index,
                       last->kind == KR_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        return;
    }
    // Located at the first pass's furthest token, not the second's.
    error_at_token(p, KR_SYNERR_SYNTAX, last_index, "invalid syntax");
    check_rest_of_source(p, last->lineno);
}

static KrAstMod *parse(KrParser *p, KrParseMode mode) {
    KrAstMod *m = run_start_rule(p, mode);
    if (m) return m;
    if (p->err->kind == KR_SYNERR_NOMEM) return NULL;
    int lexer_failed = p->lx.failed;
    KrSyntaxError lex_err = *p->err;
    int last_index = p->ntoks - 1;
    // Second pass, looking for the specific errors.
    p->pos = 0;
    p->error = 0;
    p->depth = 0;
    p->call_invalid = 1;
    p->err->kind = KR_SYNERR_NONE;
    run_start_rule(p, mode);
    if (p->err->kind == KR_SYNERR_NOMEM) return NULL;
    if (p->error && p->err->kind != KR_SYNERR_NONE) {
        // A specific error.  If the tokenizer failed where the first pass
        // stopped and the second pass got there, that error is what it met.
        if (!lexer_failed) {
            const KrToken *t = p->ntoks ? krParse_tok(p, p->ntoks - 1) : NULL;
            check_rest_of_source(p, t ? t->lineno : 0);
        }
        return NULL;
    }
    if (lexer_failed) {
        *p->err = lex_err;
        return NULL;
    }
    if (last_index < 0) {
        krParse_error_at(p, KR_SYNERR_SYNTAX, 0, -1, 0, -2, "error at start before reading any input");
        return NULL;
    }
    generic_error(p, last_index);
    return NULL;
}

KrAstExpr *krParse_fstring_expr(KrParser *p, const char *src, size_t len, int line_delta, int col_delta) {
    KrParser *sub = malloc(sizeof *sub);
    KrSyntaxError *err = malloc(sizeof *err);
    KrAstExpr *r = NULL;
    if (!sub || !err) {
        free(sub);
        free(err);
        return krParse_nomem(p);
    }
    memset(sub, 0, sizeof *sub);
    sub->arena = p->arena;
    sub->err = err;
    sub->filename = p->filename;
    sub->in_fstring = 1;
    sub->fstring_mode = 1;
    sub->line_delta = line_delta;
    sub->col_delta = col_delta;
    sub->names = p->names;
    err->kind = KR_SYNERR_NONE;
    if (krLex_init(&sub->lx, p->arena, src, len, err) == 0) {
        KrAstMod *m = parse(sub, KR_PARSE_EVAL);
        if (m) r = m->v.Expression.body;
    }
    p->names = sub->names;
    if (!r) {
        // Report the nested error in the outer parser's terms: its lines.
        KrSyntaxError e = *err;
        p->error = 0;
        if (e.kind == KR_SYNERR_NONE) e.kind = KR_SYNERR_SYNTAX;
        *p->err = e;
        if (e.kind != KR_SYNERR_NOMEM) {
            size_t n = 0;
            const char *line = krLex_line(&p->lx, e.lineno, &n);
            p->err->text = line ? krArena_strndup(p->arena, line, n) : NULL;
        }
        p->error = 1;
    }
    free_tokens(sub);
    free(sub);
    free(err);
    return r;
}

KrAstMod *krParse_source(KrArena *arena, const char *src, size_t len, const char *filename,
                         KrParseMode mode, KrSyntaxError *err) {
    KrParser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.err = err;
    p.filename = filename ? filename : "<unknown>";
    err->kind = KR_SYNERR_NONE;
    err->msg[0] = '\0';
    err->text = NULL;
    if (krLex_init(&p.lx, arena, src, len, err) < 0) return NULL;
    KrAstMod *m = parse(&p, mode);
    free_tokens(&p);
    if (!m && err->kind == KR_SYNERR_NONE) {
        // Cannot happen: every failure path raises.  Be safe anyway.
        snprintf(err->msg, sizeof err->msg, "invalid syntax");
        err->kind = KR_SYNERR_SYNTAX;
    }
    return m;
}
