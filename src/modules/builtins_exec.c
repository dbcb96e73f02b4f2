/*
 * builtins_exec.c — compile(), exec() and eval().
 */
#include <string.h>

#include "compiler/compile.h"
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"

// Source text of a str, bytes or bytearray argument (borrowed from it).
static int source_text(KrThreadState *ts, KrObject *src, const char *fname, const char **text, KrSsize *len) {
    if (krStr_check(src)) {
        *text = krStr_utf8(src);
        *len = krStr_size(src);
    } else if (krBytes_check(src) || krByteArray_check(src)) {
        if (krBytes_as_buffer(ts, src, text, len) < 0) return -1;
    } else {
        krErr_format(ts, &KrExc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
        return -1;
    }
    if (memchr(*text, 0, (size_t)*len)) {
        krErr_set_string(ts, &KrExc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    return 0;
}

static KrObject *builtin_compile(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version"};
    KrObject *a[7];
    if (krArg_parse(ts, "compile", args, nargs, kwnames, names, 7, 0, 6, 3, a) < 0) return NULL;
    if (!krStr_check(a[2]))
        return krErr_format(ts, &KrExc_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
    int mode;
    if (krStr_eq_cstr(a[2], "exec")) mode = KR_PARSE_EXEC;
    else if (krStr_eq_cstr(a[2], "eval")) mode = KR_PARSE_EVAL;
    else if (krStr_eq_cstr(a[2], "single")) mode = KR_PARSE_SINGLE;
    else return krErr_format(ts, &KrExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int flags = 0, optimize = -1;
    if (a[3]) {
        KrSsize f = krNum_as_ssize(ts, a[3], &KrExc_OverflowError);
        if (f == -1 && krErr_occurred(ts)) return NULL;
        flags = (int)f;
    }
    if (a[5]) {
        KrSsize o = krNum_as_ssize(ts, a[5], &KrExc_OverflowError);
        if (o == -1 && krErr_occurred(ts)) return NULL;
        optimize = (int)o;
    }
    KrObject *filename = krObj_str(ts, a[1]);
    if (!filename) return NULL;
    const char *text;
    KrSsize len;
    KrObject *code = NULL;
    if (source_text(ts, a[0], "compile", &text, &len) == 0)
        code = krCompile_source(ts, text, len, filename, mode, flags, optimize);
    kr_decref(filename);
    return code;
}

// Resolves the globals/locals arguments of exec/eval.  New references.
static int resolve_namespaces(KrThreadState *ts, const char *fname, KrObject *globals, KrObject *locals,
                              KrObject **g, KrObject **l) {
    if (globals == KR_NONE) globals = NULL;
    if (locals == KR_NONE) locals = NULL;
    if (globals && !krDict_check(globals)) {
        krErr_format(ts, &KrExc_TypeError,
                     strcmp(fname, "exec") == 0 ? "exec() globals must be a dict, not %s"
                                                : "globals must be a real dict; try eval(expr, {}, mapping)",
                     krType_name(KR_TYPE(globals)));
        return -1;
    }
    if (locals && !KR_TYPE(locals)->mp_subscript) {
        krErr_format(ts, &KrExc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (!globals) {
        globals = krEval_get_globals(ts);
        if (!globals) {
            krErr_format(ts, &KrExc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
        if (!locals) {
            *l = krEval_get_locals(ts);
            if (!*l) return -1;
            *g = kr_newref(globals);
            return 0;
        }
    }
    *g = kr_newref(globals);
    *l = kr_newref(locals ? locals : globals);
    // Code run this way sees the caller's builtins unless the dict names its own.
    if (!krDict_get_str(globals, KR_ID(__builtins__)) &&
        krDict_set(ts, globals, KR_ID(__builtins__), ts->interp->builtins_module) < 0) {
        KR_CLEAR(*g);
        KR_CLEAR(*l);
        return -1;
    }
    return 0;
}

static KrObject *exec_or_eval(KrThreadState *ts, KrObject *const *args, KrSsize nargs, KrObject *kwnames,
                              const char *fname, int mode) {
    KrObject *a[3] = {NULL, NULL, NULL};
    if (mode == KR_PARSE_EVAL) {
        // eval's parameters are all positional-only.
        if (krArg_no_kwargs(ts, fname, kwnames) < 0 || krArg_check_positional(ts, fname, nargs, 1, 3) < 0)
            return NULL;
        for (KrSsize i = 0; i < nargs; i++) a[i] = args[i];
    } else {
        static const char *const names[] = {"source", "globals", "locals", "closure"};
        KrObject *b[4];
        if (krArg_parse(ts, fname, args, nargs, kwnames, names, 4, 3, 3, 1, b) < 0) return NULL;
        if (b[3] && b[3] != KR_NONE)
            return krErr_format(ts, &KrExc_TypeError, "cannot use a closure with this code object");
        for (int i = 0; i < 3; i++) a[i] = b[i];
    }
    KrObject *g, *l;
    if (resolve_namespaces(ts, fname, a[1] ? a[1] : KR_NONE, a[2] ? a[2] : KR_NONE, &g, &l) < 0) return NULL;
    KrObject *code;
    if (krCode_check(a[0])) {
        code = kr_newref(a[0]);
    } else {
        const char *text;
        KrSsize len;
        if (source_text(ts, a[0], fname, &text, &len) < 0) {
            kr_decref(g);
            kr_decref(l);
            return NULL;
        }
        // eval() ignores leading spaces and tabs, as CPython does.
        if (mode == KR_PARSE_EVAL)
            while (len > 0 && (*text == ' ' || *text == '\t')) text++, len--;
        code = krCompile_source(ts, text, len, KR_ID(string_name), mode, 0, -1);
    }
    KrObject *r = code ? krEval_code(ts, code, g, l) : NULL;
    kr_xdecref(code);
    kr_decref(g);
    kr_decref(l);
    if (r && mode == KR_PARSE_EXEC) {
        kr_decref(r);
        return kr_newref(KR_NONE);
    }
    return r;
}

static KrObject *builtin_exec(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return exec_or_eval(ts, args, nargs, kwnames, "exec", KR_PARSE_EXEC);
}

static KrObject *builtin_eval(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    return exec_or_eval(ts, args, nargs, kwnames, "eval", KR_PARSE_EVAL);
}

const KrMethodDef kr_builtins_exec_methods[] = {
    {"compile", KR_CFUNC(builtin_compile), KR_METH_FASTKW, "Compile source into a code object that can be executed by exec() or eval()."},
    {"exec", KR_CFUNC(builtin_exec), KR_METH_FASTKW, "Execute the given source in the context of globals and locals."},
    {"eval", KR_CFUNC(builtin_eval), KR_METH_FASTKW, "Evaluate the given source in the context of globals and locals."},
    {NULL},
};
