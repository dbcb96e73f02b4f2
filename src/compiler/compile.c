/*
 * compile.c — the compiler's entry points (compile.h) and the services its
 * passes share: SyntaxErrors with CPython's locations, name interning and
 * mangling, and `from __future__` imports.
 *
 * Pipeline: parse (src/parser) -> futures -> constant folding (astopt.c) ->
 * symbol table (symtable.c) -> code generation (codegen*.c) -> assembly
 * (flowgraph.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/compiler.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/state.h"

// ---------------------------------------------------------------------------
// Errors

// Line `lineno` of the file `filename`, with its newline, as CPython's
// PyErr_ProgramTextObject reads it for compiler errors (so "<string>" has no
// text).  Returns a malloc'ed string or NULL.
static char *program_text(KrObject *filename, int lineno) {
    if (!filename || !krStr_check(filename) || lineno < 1) return NULL;
    const char *name = krStr_utf8(filename);
    if (name[0] == '<' || name[0] == '\0') return NULL;
    FILE *f = fopen(name, "rb");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int i = 0; i < lineno; i++) {
        n = getline(&line, &cap, f);
        if (n < 0) break;
    }
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    char *copy = krMem_malloc((size_t)n + 1);
    if (copy) memcpy(copy, line, (size_t)n + 1);
    free(line);
    return copy;
}

static int syntax_error_v(KrCompiler *c, KrLoc loc, const char *fmt, va_list va) {
    KrObject *msg = krStr_vfrom_format(c->ts, fmt, va);
    if (!msg) return -1;
    char *text = program_text(c->filename, loc.lineno);
    krErr_set_syntax_error(c->ts, &KrExc_SyntaxError, krStr_utf8(msg), c->filename, loc.lineno, loc.col + 1, text,
                           loc.end_lineno, loc.end_col + 1);
    krMem_free(text);
    kr_decref(msg);
    return -1;
}

int krCompiler_error_at(KrCompiler *c, KrLoc loc, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    syntax_error_v(c, loc, fmt, va);
    va_end(va);
    return -1;
}

int krCompiler_error(KrCompiler *c, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    syntax_error_v(c, c->u->loc, fmt, va);
    va_end(va);
    return -1;
}

// Compile-time SyntaxWarnings go through `warnings.warn_explicit` when the
// warnings module is loaded (so filters and -W error apply); otherwise they
// are printed to sys.stderr the way the default filter shows them.
int krCompiler_warn(KrCompiler *c, const char *fmt, ...) {
    KrThreadState *ts = c->ts;
    va_list va;
    va_start(va, fmt);
    KrObject *msg = krStr_vfrom_format(ts, fmt, va);
    va_end(va);
    if (!msg) return -1;
    int lineno = c->u ? c->u->loc.lineno : 0;
    KrObject *warnings = ts->interp->modules ? krDict_get_cstr(ts, ts->interp->modules, "warnings") : NULL;
    int r = 0;
    if (warnings) {
        KrObject *fn = krObj_getattr_cstr(ts, warnings, "warn_explicit");
        KrObject *line = fn ? krInt_from_i64(ts, lineno) : NULL;
        KrObject *res = NULL;
        if (line) {
            KrObject *args[4] = {msg, (KrObject *)&KrExc_SyntaxWarning, c->filename, line};
            res = krObj_vectorcall(ts, fn, args, 4, NULL);
        }
        kr_xdecref(fn);
        kr_xdecref(line);
        if (res) {
            kr_decref(res);
        } else {
            r = -1;
            // An error-ified SyntaxWarning becomes the SyntaxError it reports.
            if (krErr_matches(ts, &KrExc_SyntaxWarning)) {
                krErr_clear(ts);
                krCompiler_error(c, "%U", msg);
            }
        }
    } else {
        KrObject *err = krDict_get_str(ts->interp->sysdict, KR_ID(stderr));
        if (err && err != KR_NONE) {
            char *text = program_text(c->filename, lineno);
            const char *t = text ? text : "";
            while (*t == ' ' || *t == '\t' || *t == '\f') t++;
            size_t n = strlen(t);
            while (n && (t[n - 1] == '\n' || t[n - 1] == '\r' || t[n - 1] == ' ')) n--;
            KrObject *src = krStr_decode_utf8(ts, t, (KrSsize)n, "replace");
            krMem_free(text);
            KrObject *out = !src ? NULL
                            : n  ? krStr_from_format(ts, "%S:%d: SyntaxWarning: %U\n  %U\n", c->filename, lineno, msg, src)
                                 : krStr_from_format(ts, "%S:%d: SyntaxWarning: %U\n", c->filename, lineno, msg);
            kr_xdecref(src);
            KrObject *res = out ? krObj_call_method(ts, err, KR_ID(write), out, NULL) : NULL;
            kr_xdecref(out);
            if (res) kr_decref(res);
            else krErr_clear(ts);   // a broken stderr must not fail the compilation
        }
    }
    kr_decref(msg);
    return r;
}

char *krCompiler_source_line(KrCompiler *c, int lineno) {
    if (!c->source || lineno < 1) return NULL;
    const char *p = c->source, *end = c->source + c->source_len;
    for (int i = 1; i < lineno && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p >= end) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    char *line = krMem_malloc(n + 1);
    if (!line) return NULL;
    memcpy(line, p, n);
    line[n] = '\0';
    return line;
}

// ---------------------------------------------------------------------------
// Names

const char *krCompiler_intern(KrCompiler *c, const char *s, size_t len) {
    const char *r = krNames_intern(&c->names, s, len);
    if (!r) krErr_no_memory(c->ts);
    return r;
}

const char *krCompiler_mangle(KrCompiler *c, const char *private_name, const char *name) {
    size_t nlen = strlen(name);
    // Only __private names are mangled, not __dunder__ ones, nor dotted
    // (module) names.
    if (!private_name || nlen < 2 || name[0] != '_' || name[1] != '_' ||
        (name[nlen - 1] == '_' && name[nlen - 2] == '_') || strchr(name, '.'))
        return krCompiler_intern(c, name, nlen);
    while (*private_name == '_') private_name++;
    if (!*private_name) return krCompiler_intern(c, name, nlen);   // a class named only with underscores
    size_t plen = strlen(private_name);
    char *buf = krMem_malloc(1 + plen + nlen + 1);
    if (!buf) {
        krErr_no_memory(c->ts);
        return NULL;
    }
    buf[0] = '_';
    memcpy(buf + 1, private_name, plen);
    memcpy(buf + 1 + plen, name, nlen + 1);
    const char *r = krCompiler_intern(c, buf, 1 + plen + nlen);
    krMem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// from __future__ import ...

static int future_error(KrCompiler *c, KrAstStmt *s, int col, const char *fmt, const char *feature) {
    KrObject *msg = krStr_from_format(c->ts, fmt, feature);
    if (!msg) return -1;
    char *text = program_text(c->filename, s->lineno);
    krErr_set_syntax_error(c->ts, &KrExc_SyntaxError, krStr_utf8(msg), c->filename, s->lineno, col, text,
                           s->lineno, 0);
    krMem_free(text);
    kr_decref(msg);
    // CPython gives no end offset for these (None).
    KrObject *exc = krErr_peek(c->ts);
    if (exc && kr_type_check(exc, &KrExc_SyntaxError)) {
        KrSyntaxErrorObject *se = (KrSyntaxErrorObject *)exc;
        kr_setref(&se->end_offset, kr_newref(KR_NONE));
    }
    return -1;
}

static int future_check_features(KrCompiler *c, KrAstStmt *s) {
    static const char *const known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                        "with_statement", "print_function", "unicode_literals", "generator_stop"};
    KrAstAliasSeq *names = s->v.ImportFrom.names;
    for (int i = 0; i < KR_AST_LEN(names); i++) {
        const char *feature = names->items[i]->name;
        bool ok = false;
        for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
            if (strcmp(feature, known[k]) == 0) ok = true;
        if (ok) continue;
        if (strcmp(feature, "barry_as_FLUFL") == 0) {
            c->flags |= KR_CO_FUTURE_BARRY_AS_BDFL;
        } else if (strcmp(feature, "annotations") == 0) {
            c->flags |= KR_CO_FUTURE_ANNOTATIONS;
        } else if (strcmp(feature, "braces") == 0) {
            return future_error(c, s, s->col_offset + 1, "not a chance", NULL);
        } else {
            return future_error(c, s, s->col_offset + 1, "future feature %.100s is not defined", feature);
        }
    }
    return 0;
}

// Future imports may only follow a docstring and other future imports.
static int future_parse(KrCompiler *c, KrAstMod *mod) {
    if (mod->kind != KR_MOD_Module && mod->kind != KR_MOD_Interactive) return 0;
    KrAstStmtSeq *body = mod->kind == KR_MOD_Module ? mod->v.Module.body : mod->v.Interactive.body;
    int i = 0, prev_line = 0;
    bool done = false;
    if (KR_AST_LEN(body) && body->items[0]->kind == KR_STMT_Expr &&
        body->items[0]->v.Expr.value->kind == KR_EXPR_Constant &&
        body->items[0]->v.Expr.value->v.Constant.value.kind == KR_CONST_STR)
        i++;
    for (; i < KR_AST_LEN(body); i++) {
        KrAstStmt *s = body->items[i];
        if (done && s->lineno > prev_line) return 0;
        prev_line = s->lineno;
        if (s->kind == KR_STMT_ImportFrom && s->v.ImportFrom.module &&
            strcmp(s->v.ImportFrom.module, "__future__") == 0) {
            if (done)
                return future_error(c, s, s->col_offset,
                                    "from __future__ imports must occur at the beginning of the file%s", "");
            if (future_check_features(c, s) < 0) return -1;
            c->future_lineno = s->lineno;
        } else {
            done = true;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Entry points

static int init_ids(KrCompiler *c) {
    struct { const char **slot; const char *text; } ids[] = {
        {&c->id_class, "__class__"}, {&c->id_classcell, "__classcell__"}, {&c->id_name, "__name__"},
        {&c->id_module, "__module__"}, {&c->id_qualname, "__qualname__"}, {&c->id_doc, "__doc__"},
        {&c->id_annotations, "__annotations__"}, {&c->id_debug, "__debug__"}, {&c->id_super, "super"},
        {&c->id_dot0, ".0"}, {&c->id_return, "return"}, {&c->id_join, "join"}, {&c->id_empty, ""},
        {&c->id_top, "top"}, {&c->id_lambda, "<lambda>"}, {&c->id_genexpr, "<genexpr>"},
        {&c->id_listcomp, "<listcomp>"}, {&c->id_setcomp, "<setcomp>"}, {&c->id_dictcomp, "<dictcomp>"},
    };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        *ids[i].slot = krCompiler_intern(c, ids[i].text, strlen(ids[i].text));
        if (!*ids[i].slot) return -1;
    }
    return 0;
}

static void compiler_fini(KrCompiler *c) {
    const void *k;
    intptr_t v;
    for (int pos = 0; krPtrMap_next(&c->constvals, &pos, &k, &v);) kr_decref((KrObject *)v);
    krPtrMap_clear(&c->constvals);
    krSym_free(&c->st);
    krNames_fini(&c->names);
    krArena_free(c->arena);
}

// Levels of compiler recursion per Python frame, as CPython's
// COMPILER_STACK_FRAME_SCALE.
#define DEPTH_SCALE 3
// The most compiler levels the C stack is known to hold (each level costs
// a few hundred bytes in the deepest pass, code generation).
#define DEPTH_CAP 20000

void krCompiler_depth_limits(KrCompiler *c) {
    KrThreadState *ts = c->ts;
    long limit = ts->interp ? ts->interp->recursion_limit : 1000;
    long used = limit - ts->py_recursion_remaining;
    if (used < 0) used = 0;
    limit *= DEPTH_SCALE;
    used *= DEPTH_SCALE;
    if (limit > DEPTH_CAP) limit = DEPTH_CAP;
    if (used > limit) used = limit;
    c->depth_start = (int)used;
    c->depth_limit = (int)limit;
}

int krCompiler_too_deep(KrCompiler *c) {
    krErr_set_string(c->ts, &KrExc_RecursionError, "maximum recursion depth exceeded during compilation");
    return -1;
}

static KrObject *compile_ast(KrThreadState *ts, KrAstMod *mod, KrObject *filename, int mode, int flags,
                             int optimize, const char *source, size_t source_len) {
    KrCompiler c;
    memset(&c, 0, sizeof c);
    c.ts = ts;
    c.arena = krArena_new();
    if (!c.arena) return krErr_no_memory(ts);
    krNames_init(&c.names, c.arena);
    c.filename = filename;
    c.source = source;
    c.source_len = source_len;
    c.flags = flags;
    c.optimize = optimize < 0 ? 0 : optimize;
    c.future_lineno = -1;
    krCompiler_depth_limits(&c);
    KrObject *code = NULL;
    if (init_ids(&c) < 0 || future_parse(&c, mod) < 0) goto done;
    if (krAstOpt_module(&c, mod) < 0) goto done;
    if (krSym_build(&c, mod) < 0) goto done;
    krCodegen_module(&c, mod, mode, &code);
done:
    compiler_fini(&c);
    return code;
}

KrObject *krCompile_ast(KrThreadState *ts, KrAstMod *mod, KrObject *filename, int mode, int flags, int optimize) {
    return compile_ast(ts, mod, filename, mode, flags, optimize, NULL, 0);
}

static KrTypeObject *syntax_error_type(KrSyntaxErrorKind kind) {
    switch (kind) {
    case KR_SYNERR_INDENTATION: return &KrExc_IndentationError;
    case KR_SYNERR_TAB: return &KrExc_TabError;
    default: return &KrExc_SyntaxError;
    }
}

KrObject *krCompile_source(KrThreadState *ts, const char *src, KrSsize len, KrObject *filename, int mode, int flags,
                           int optimize) {
    KrArena *arena = krArena_new();
    if (!arena) return krErr_no_memory(ts);
    KrSyntaxError err;
    const char *fname = filename && krStr_check(filename) ? krStr_utf8(filename) : NULL;
    KrAstMod *mod = krParse_source(arena, src, (size_t)len, fname, (KrParseMode)mode, &err);
    KrObject *code = NULL;
    if (!mod) {
        if (err.kind == KR_SYNERR_NOMEM) krErr_no_memory(ts);
        else
            krErr_set_syntax_error(ts, syntax_error_type(err.kind), err.msg, filename, err.lineno, err.offset,
                                   err.text, err.end_lineno, err.end_offset);
    } else {
        code = compile_ast(ts, mod, filename, mode, flags, optimize, src, (size_t)len);
    }
    krArena_free(arena);
    return code;
}
