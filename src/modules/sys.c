/*
 * sys.c — the sys module: the program's arguments and streams, version and
 * platform facts, limits (recursion, int string digits), interning, frames
 * and the exception being handled, exit().
 */
#include <float.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "modules/stdio.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/runtime.h"
#include "vm/eval.h"
#include "vm/frame.h"

static KrObject *sys_exit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "exit", nargs, 0, 1) < 0) return NULL;
    krErr_set_object(ts, &KrExc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static KrObject *sys_getrecursionlimit(KrThreadState *ts, KrObject *self) {
    return kr_smallint(ts->interp->recursion_limit);
}

static KrObject *sys_setrecursionlimit(KrThreadState *ts, KrObject *self, KrObject *arg) {
    if (!krInt_check(arg))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(arg)));
    int64_t limit;
    if (!krInt_to_i64(arg, &limit) || limit > INT32_MAX)
        return krErr_format(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
    if (limit < 1) return krErr_format(ts, &KrExc_ValueError, "recursion limit must be greater or equal than 1");
    // The new limit must leave room for the frames already running.
    int depth = ts->interp->recursion_limit - ts->py_recursion_remaining;
    if (limit <= depth)
        return krErr_format(ts, &KrExc_RecursionError,
                            "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                            (int)limit, depth);
    ts->interp->recursion_limit = (int)limit;
    ts->py_recursion_remaining = (int)limit - depth;
    return kr_newref(KR_NONE);
}

static KrObject *sys_intern(KrThreadState *ts, KrObject *self, KrObject *s) {
    if (!krStr_check_exact(s))
        return krErr_format(ts, &KrExc_TypeError, "intern() argument must be str, not %s", krType_name(KR_TYPE(s)));
    KrObject *r = kr_newref(s);
    krStr_intern_inplace(ts, &r);
    return r;
}

static KrObject *sys_getframe(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_getframe", nargs, 0, 1) < 0) return NULL;
    KrSsize depth = 0;
    if (nargs) {
        depth = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (depth == -1 && krErr_occurred(ts)) return NULL;
    }
    KrFrame *f = ts->frame;
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (!f) return krErr_format(ts, &KrExc_ValueError, "call stack is not deep enough");
    KrObject *fo = (KrObject *)krFrame_get_object(ts, f);
    return kr_xnewref(fo);
}

static KrObject *sys_exception(KrThreadState *ts, KrObject *self) {
    KrObject *e = krErr_get_handled(ts);
    return kr_newref(e ? e : KR_NONE);
}

static KrObject *sys_exc_info(KrThreadState *ts, KrObject *self) {
    KrObject *e = krErr_get_handled(ts);
    if (!e) return krTuple_pack(ts, 3, KR_NONE, KR_NONE, KR_NONE);
    KrObject *tb = krExc_traceback(e);
    return krTuple_pack(ts, 3, (KrObject *)KR_TYPE(e), e, tb ? tb : KR_NONE);
}

static KrObject *sys_getrefcount(KrThreadState *ts, KrObject *self, KrObject *o) {
    if (kr_is_smallint(o) || o->ob_refcnt >= KR_IMMORTAL_REFCNT / 2) return krInt_from_i64(ts, UINT32_MAX);
    return krInt_from_ssize(ts, o->ob_refcnt);
}

static KrObject *sys_getsizeof(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"object", "default"};
    KrObject *a[2];
    if (krArg_parse(ts, "getsizeof", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    int found;
    KrObject *r = krObj_call_special(ts, a[0], KR_ID(__sizeof__), NULL, 0, &found);
    if (!found || !r) {
        if (a[1] && (!found || krErr_matches(ts, &KrExc_TypeError))) {
            krErr_clear(ts);
            return kr_newref(a[1]);
        }
        if (!found)
            return krErr_format(ts, &KrExc_TypeError, "Type %s doesn't define __sizeof__", krType_name(KR_TYPE(a[0])));
        return NULL;
    }
    if (!krInt_check(r)) {
        kr_decref(r);
        return krErr_format(ts, &KrExc_TypeError, "an integer is required");
    }
    if (krInt_sign(r) < 0) {
        kr_decref(r);
        return krErr_format(ts, &KrExc_ValueError, "__sizeof__() should return >= 0");
    }
    // Add the GC header for tracked containers, as CPython does.
    if (!kr_is_smallint(a[0]) && (KR_TYPE(a[0])->tp_flags & KR_TPFLAGS_HAVE_GC)) {
        KrObject *extra = kr_smallint((int64_t)sizeof(KrGCHead));
        KrObject *sum = krNum_add(ts, r, extra);
        kr_decref(r);
        return sum;
    }
    return r;
}

static KrObject *sys_get_int_max_str_digits(KrThreadState *ts, KrObject *self) {
    return krInt_from_i64(ts, ts->interp->int_max_str_digits);
}

static KrObject *sys_set_int_max_str_digits(KrThreadState *ts, KrObject *self, KrObject *const *args,
                                            KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"maxdigits"};
    KrObject *a[1];
    if (krArg_parse(ts, "set_int_max_str_digits", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return NULL;
    KrSsize n = krNum_as_ssize(ts, a[0], &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    if (n != 0 && n < KR_INT_MAX_STR_DIGITS_THRESHOLD)
        return krErr_format(ts, &KrExc_ValueError, "maxdigits must be 0 or larger than %d",
                            KR_INT_MAX_STR_DIGITS_THRESHOLD);
    ts->interp->int_max_str_digits = n;
    return kr_newref(KR_NONE);
}

static KrObject *sys_getdefaultencoding(KrThreadState *ts, KrObject *self) { return krStr_intern_cstr(ts, "utf-8"); }

static KrObject *sys_displayhook(KrThreadState *ts, KrObject *self, KrObject *o) {
    if (o == KR_NONE) return kr_newref(KR_NONE);
    KrObject *builtins = ts->interp->builtins;
    if (krDict_set_cstr(ts, builtins, "_", KR_NONE) < 0) return NULL;
    KrObject *out = krDict_get_str(ts->interp->sysdict, KR_ID(stdout));
    if (!out || out == KR_NONE) return krErr_format(ts, &KrExc_RuntimeError, "lost sys.stdout");
    KrObject *r = krObj_repr(ts, o);
    if (!r) return NULL;
    KrObject *nl = krStr_ascii_char('\n');
    KrObject *w1 = krObj_call_method(ts, out, KR_ID(write), r, NULL);
    kr_decref(r);
    if (!w1) return NULL;
    kr_decref(w1);
    KrObject *w2 = krObj_call_method(ts, out, KR_ID(write), nl, NULL);
    if (!w2) return NULL;
    kr_decref(w2);
    if (krDict_set_cstr(ts, builtins, "_", o) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *sys_excepthook(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "excepthook", nargs, 3, 3) < 0) return NULL;
    if (!krExc_check(args[1])) {
        KrObject *err = krDict_get_str(ts->interp->sysdict, KR_ID(stderr));
        KrObject *s = krStr_from_format(ts, "TypeError: print_exception(): Exception expected for value, %s found\n",
                                        krType_name(KR_TYPE(args[1])));
        if (s && err) {
            KrObject *r = krObj_call_method(ts, err, KR_ID(write), s, NULL);
            kr_xdecref(r);
        }
        kr_xdecref(s);
        return krErr_occurred(ts) ? NULL : kr_newref(KR_NONE);
    }
    if (krTraceback_print_exception(ts, args[1], NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static const KrMethodDef sys_methods[] = {
    {"exit", KR_CFUNC(sys_exit), KR_METH_FAST, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", KR_CFUNC(sys_getrecursionlimit), KR_METH_NOARGS, "Return the current value of the recursion limit."},
    {"setrecursionlimit", KR_CFUNC(sys_setrecursionlimit), KR_METH_O, "Set the maximum depth of the Python interpreter stack to n."},
    {"intern", KR_CFUNC(sys_intern), KR_METH_O, "``Intern'' the given string."},
    {"_getframe", KR_CFUNC(sys_getframe), KR_METH_FAST, "Return a frame object from the call stack."},
    {"exception", KR_CFUNC(sys_exception), KR_METH_NOARGS, "Return the current exception."},
    {"exc_info", KR_CFUNC(sys_exc_info), KR_METH_NOARGS, "Return current exception information: (type, value, traceback)."},
    {"getrefcount", KR_CFUNC(sys_getrefcount), KR_METH_O, "Return the reference count of object."},
    {"getsizeof", KR_CFUNC(sys_getsizeof), KR_METH_FASTKW, "getsizeof(object [, default]) -> int"},
    {"get_int_max_str_digits", KR_CFUNC(sys_get_int_max_str_digits), KR_METH_NOARGS, "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", KR_CFUNC(sys_set_int_max_str_digits), KR_METH_FASTKW, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"getdefaultencoding", KR_CFUNC(sys_getdefaultencoding), KR_METH_NOARGS, "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", KR_CFUNC(sys_getdefaultencoding), KR_METH_NOARGS, "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"displayhook", KR_CFUNC(sys_displayhook), KR_METH_O, "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", KR_CFUNC(sys_excepthook), KR_METH_FAST, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {NULL},
};

// ---------------------------------------------------------------------------
// Struct sequences: version_info, flags, float_info, int_info, hash_info

static KrObject *make_structseq(KrThreadState *ts, KrObject *m, const KrStructSeqDesc *desc, KrObject **values) {
    KrObject *type = krStructSeq_new_type(ts, desc);
    if (!type) {
        for (int i = 0; desc->fields[i]; i++) kr_decref(values[i]);
        return NULL;
    }
    KrObject *v = krStructSeq_new(ts, type, values);
    kr_decref(type);
    return v;
}

static int add_version_info(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"major", "minor", "micro", "releaselevel", "serial", NULL};
    static const KrStructSeqDesc desc = {"sys", "version_info", fields, .no_new = true};
    KrObject *v[5] = {kr_smallint(KR_PY_MAJOR), kr_smallint(KR_PY_MINOR), kr_smallint(KR_PY_MICRO),
                      krStr_intern_cstr(ts, "final"), kr_smallint(0)};
    return krModule_add_object_steal(ts, m, "version_info", make_structseq(ts, m, &desc, v));
}

static int add_flags(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                         "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
                                         "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
                                         "warn_default_encoding", "safe_path", "int_max_str_digits", NULL};
    static const KrStructSeqDesc desc = {"sys", "flags", fields, .no_new = true};
    KrInterp *in = ts->interp;
    KrObject *v[18];
    for (int i = 0; i < 18; i++) v[i] = kr_smallint(0);
    v[1] = kr_smallint(in->inspect);
    v[4] = kr_smallint(in->dont_write_bytecode);
    v[5] = kr_smallint(in->no_user_site);
    v[6] = kr_smallint(in->no_site);
    v[7] = kr_smallint(in->ignore_environment);
    v[8] = kr_smallint(in->verbose);
    v[11] = kr_smallint(kr_runtime.hash_randomized ? 1 : 0);
    v[12] = kr_smallint(in->isolated);
    v[13] = kr_newref(KR_FALSE);
    v[14] = kr_smallint(1);
    v[16] = kr_newref(kr_bool(in->safe_path));
    v[17] = kr_smallint(-1);
    return krModule_add_object_steal(ts, m, "flags", make_structseq(ts, m, &desc, v));
}

static int add_float_info(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                         "mant_dig", "epsilon", "radix", "rounds", NULL};
    static const KrStructSeqDesc desc = {"sys", "float_info", fields};
    KrObject *v[11] = {krFloat_new(ts, DBL_MAX), kr_smallint(DBL_MAX_EXP), kr_smallint(DBL_MAX_10_EXP),
                       krFloat_new(ts, DBL_MIN), kr_smallint(DBL_MIN_EXP), kr_smallint(DBL_MIN_10_EXP),
                       kr_smallint(DBL_DIG), kr_smallint(DBL_MANT_DIG), krFloat_new(ts, DBL_EPSILON),
                       kr_smallint(FLT_RADIX), kr_smallint(1)};
    if (!v[0] || !v[3] || !v[8]) {
        kr_xdecref(v[0]);
        kr_xdecref(v[3]);
        kr_xdecref(v[8]);
        return -1;
    }
    return krModule_add_object_steal(ts, m, "float_info", make_structseq(ts, m, &desc, v));
}

static int add_int_info(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                         "str_digits_check_threshold", NULL};
    static const KrStructSeqDesc desc = {"sys", "int_info", fields};
    KrObject *v[4] = {kr_smallint(30), kr_smallint(4), kr_smallint(KR_INT_MAX_STR_DIGITS_DEFAULT),
                      kr_smallint(KR_INT_MAX_STR_DIGITS_THRESHOLD)};
    return krModule_add_object_steal(ts, m, "int_info", make_structseq(ts, m, &desc, v));
}

static int add_hash_info(KrThreadState *ts, KrObject *m) {
    static const char *const fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
                                         "seed_bits", "cutoff", NULL};
    static const KrStructSeqDesc desc = {"sys", "hash_info", fields};
    KrObject *v[9] = {kr_smallint(64), kr_smallint(((int64_t)1 << 61) - 1), kr_smallint(314159), kr_smallint(0),
                      kr_smallint(1000003), krStr_intern_cstr(ts, "siphash13"), kr_smallint(64), kr_smallint(128),
                      kr_smallint(0)};
    return krModule_add_object_steal(ts, m, "hash_info", make_structseq(ts, m, &desc, v));
}

static int add_streams(KrThreadState *ts, KrObject *m) {
    static const char *const names[3] = {"stdin", "stdout", "stderr"};
    static const char *const dunder[3] = {"__stdin__", "__stdout__", "__stderr__"};
    for (int fd = 0; fd < 3; fd++) {
        KrObject *f = krStdFile_new(ts, fd, fd != 0, ts->interp->unbuffered);
        if (!f) return -1;
        if (krModule_add_object(ts, m, names[fd], f) < 0 || krModule_add_object_steal(ts, m, dunder[fd], f) < 0)
            return -1;
    }
    return 0;
}

static int add_module_names(KrThreadState *ts, KrObject *m) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return -1;
    for (const KrBuiltinModule *b = kr_builtin_modules; b->name; b++) {
        KrObject *s = krStr_intern_cstr(ts, b->name);
        if (!s || krList_append(ts, list, s) < 0) {
            kr_decref(list);
            return -1;
        }
    }
    if (krList_sort(ts, list, NULL, false) < 0) {
        kr_decref(list);
        return -1;
    }
    KrObject *t = krList_as_tuple(ts, list);
    kr_decref(list);
    return krModule_add_object_steal(ts, m, "builtin_module_names", t);
}

static int sys_exec(KrThreadState *ts, KrObject *m) {
    KrInterp *in = ts->interp;
    char version[128];
    snprintf(version, sizeof version, "%s (Krait %s)", KR_PY_VERSION, KR_VERSION);
    if (krModule_add_string(ts, m, "version", version) < 0 ||
        krModule_add_int(ts, m, "hexversion", (KR_PY_MAJOR << 24) | (KR_PY_MINOR << 16) | (KR_PY_MICRO << 8) | 0xf0) < 0 ||
        krModule_add_int(ts, m, "api_version", 1013) < 0 ||
        krModule_add_int(ts, m, "maxsize", PTRDIFF_MAX) < 0 || krModule_add_int(ts, m, "maxunicode", 0x10FFFF) < 0 ||
        krModule_add_string(ts, m, "byteorder", "little") < 0 || krModule_add_string(ts, m, "platform", "linux") < 0 ||
        krModule_add_string(ts, m, "copyright", "Copyright (c) Krait authors.") < 0 ||
        krModule_add_object(ts, m, "modules", in->modules) < 0 ||
        krModule_add_object_steal(ts, m, "path", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "argv", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "orig_argv", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "warnoptions", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "_xoptions", krDict_new(ts)) < 0 ||
        krModule_add_object_steal(ts, m, "meta_path", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "path_hooks", krList_new(ts, 0)) < 0 ||
        krModule_add_object_steal(ts, m, "path_importer_cache", krDict_new(ts)) < 0 ||
        krModule_add_object(ts, m, "dont_write_bytecode", kr_bool(in->dont_write_bytecode)) < 0 ||
        krModule_add_object(ts, m, "pycache_prefix", KR_NONE) < 0)
        return -1;
    if (add_version_info(ts, m) < 0 || add_flags(ts, m) < 0 || add_float_info(ts, m) < 0 ||
        add_int_info(ts, m) < 0 || add_hash_info(ts, m) < 0 || add_streams(ts, m) < 0 || add_module_names(ts, m) < 0)
        return -1;
    KrObject *dict = krModule_dict(m);
    KrObject *dh = krDict_get_str(dict, KR_ID(displayhook)), *eh = krDict_get_str(dict, KR_ID(excepthook));
    if (krModule_add_object(ts, m, "__displayhook__", dh) < 0 || krModule_add_object(ts, m, "__excepthook__", eh) < 0)
        return -1;
    return 0;
}

static const KrModuleDef sys_def = {
    "sys",
    "This module provides access to some objects used or maintained by the\ninterpreter and to functions that "
    "interact strongly with the interpreter.",
    sys_methods,
    sys_exec,
};

KrObject *krMod_sys_create(KrThreadState *ts) { return krModule_from_def(ts, &sys_def); }

int krMod_sys_update_flags(KrThreadState *ts) {
    KrObject *sys = ts->interp->sys_module;
    return add_flags(ts, sys) < 0 ||
                   krModule_add_object(ts, sys, "dont_write_bytecode", kr_bool(ts->interp->dont_write_bytecode)) < 0
               ? -1
               : 0;
}

// Appends `dir` to the list `path`.  0 or -1.
static int path_append(KrThreadState *ts, KrObject *path, const char *dir, KrSsize len) {
    KrObject *d = krStr_decode_utf8(ts, dir, len, "surrogateescape");
    if (!d) return -1;
    int r = krList_append(ts, path, d);
    kr_decref(d);
    return r;
}

int krMod_sys_init_path(KrThreadState *ts, const char *pythonpath) {
    KrObject *path = krDict_get_cstr(ts, ts->interp->sysdict, "path");
    if (!path || !krList_check(path)) return krErr_occurred(ts) ? -1 : 0;
    // PYTHONPATH entries, then Krait's own library next to the executable
    // (<prefix>/bin/krait or build/krait -> <prefix>/lib).
    for (const char *p = pythonpath; p && *p;) {
        const char *colon = strchr(p, ':');
        KrSsize len = colon ? colon - p : (KrSsize)strlen(p);
        if (len > 0 && path_append(ts, path, p, len) < 0) return -1;
        p = colon ? colon + 1 : NULL;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 8);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        // <prefix>/bin/krait or build/krait: ../lib; build/asan/krait: ../../lib.
        static const char *const rel[] = {"/../lib", "/../../lib"};
        for (int i = 0; slash && i < 2; i++) {
            strcpy(slash, rel[i]);
            char *lib = realpath(exe, NULL);
            if (!lib) continue;
            int r = path_append(ts, path, lib, (KrSsize)strlen(lib));
            free(lib);
            if (r < 0) return -1;
            break;
        }
    }
    return 0;
}

int krMod_sys_set_argv(KrThreadState *ts, int argc, char **argv, const char *script_dir) {
    KrObject *sysdict = ts->interp->sysdict;
    KrObject *list = krList_new(ts, 0);
    if (!list) return -1;
    for (int i = 0; i < argc; i++) {
        KrObject *s = krStr_decode_utf8(ts, argv[i], (KrSsize)strlen(argv[i]), "surrogateescape");
        if (!s || krList_append(ts, list, s) < 0) {
            kr_xdecref(s);
            kr_decref(list);
            return -1;
        }
        kr_decref(s);
    }
    if (argc == 0) {
        KrObject *empty = krStr_empty();
        if (krList_append(ts, list, empty) < 0) {
            kr_decref(list);
            return -1;
        }
    }
    int r = krDict_set_cstr(ts, sysdict, "argv", list);
    kr_decref(list);
    if (r < 0) return -1;
    KrObject *path = krDict_get_cstr(ts, sysdict, "path");
    if (path && krList_check(path) && script_dir) {
        KrObject *d = krStr_decode_utf8(ts, script_dir, (KrSsize)strlen(script_dir), "surrogateescape");
        if (!d) return -1;
        r = krList_insert(ts, path, 0, d);
        kr_decref(d);
        if (r < 0) return -1;
    }
    return 0;
}
