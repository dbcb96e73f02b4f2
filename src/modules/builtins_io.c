/*
 * builtins_io.c — print(), input() and open() (io.open, io_module.c).
 */
#include "modules/builtins.h"
#include "modules/io.h"
#include "modules/stdio.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// Writes `s` (a str) to `file`: directly for the standard streams, through
// file.write otherwise.  0 or -1.
static int write_str(KrThreadState *ts, KrObject *file, KrObject *s) {
    if (krStdFile_check(file)) return krStdFile_write_str(ts, file, s);
    KrObject *r = krObj_call_method(ts, file, KR_ID(write), s, NULL);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int check_sep(KrThreadState *ts, KrObject *v, const char *what) {
    if (!v || v == KR_NONE || krStr_check(v)) return 0;
    krErr_format(ts, &KrExc_TypeError, "%s must be None or a string, not %s", what, krType_name(KR_TYPE(v)));
    return -1;
}

static KrObject *builtin_print(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    KrObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i), *v = args[nargs + i];
        if (k == KR_ID(sep)) sep = v;
        else if (k == KR_ID(end)) end = v;
        else if (k == KR_ID(file)) file = v;
        else if (k == KR_ID(flush)) flush = v;
        else return krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for print()", k);
    }
    if (!file || file == KR_NONE) {
        file = krDict_get_str(ts->interp->sysdict, KR_ID(stdout));
        if (!file) return krErr_format(ts, &KrExc_RuntimeError, "lost sys.stdout");
        if (file == KR_NONE) return kr_newref(KR_NONE);
    }
    if (check_sep(ts, sep, "sep") < 0 || check_sep(ts, end, "end") < 0) return NULL;
    if (sep == KR_NONE) sep = NULL;
    if (end == KR_NONE) end = NULL;
    kr_incref(file);
    for (KrSsize i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? write_str(ts, file, sep) : write_str(ts, file, krStr_ascii_char(' '))) < 0) goto fail;
        KrObject *s = krObj_str(ts, args[i]);
        if (!s) goto fail;
        int r = write_str(ts, file, s);
        kr_decref(s);
        if (r < 0) goto fail;
    }
    if ((end ? write_str(ts, file, end) : write_str(ts, file, krStr_ascii_char('\n'))) < 0) goto fail;
    if (flush) {
        int t = krObj_is_true(ts, flush);
        if (t < 0) goto fail;
        if (t) {
            KrObject *r = krObj_call_method(ts, file, KR_ID(flush), NULL);
            if (!r) goto fail;
            kr_decref(r);
        }
    }
    kr_decref(file);
    return kr_newref(KR_NONE);
fail:
    kr_decref(file);
    return NULL;
}

static KrObject *builtin_input(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "input", nargs, 0, 1) < 0) return NULL;
    KrObject *sysdict = ts->interp->sysdict;
    KrObject *fin = krDict_get_str(sysdict, KR_ID(stdin));
    KrObject *fout = krDict_get_str(sysdict, KR_ID(stdout));
    KrObject *ferr = krDict_get_str(sysdict, KR_ID(stderr));
    if (!fin || fin == KR_NONE) return krErr_format(ts, &KrExc_RuntimeError, "input(): lost sys.stdin");
    if (!fout || fout == KR_NONE) return krErr_format(ts, &KrExc_RuntimeError, "input(): lost sys.stdout");
    if (ferr && ferr != KR_NONE) {
        KrObject *r = krObj_call_method(ts, ferr, KR_ID(flush), NULL);
        if (!r) krErr_clear(ts);
        kr_xdecref(r);
    }
    if (nargs == 1) {
        KrObject *p = krObj_str(ts, args[0]);
        if (!p) return NULL;
        int w = write_str(ts, fout, p);
        kr_decref(p);
        if (w < 0) return NULL;
    }
    KrObject *r = krObj_call_method(ts, fout, KR_ID(flush), NULL);
    if (!r) return NULL;
    kr_decref(r);
    KrObject *line = krStdFile_check(fin) ? krStdFile_readline(ts, fin, -1)
                                          : krObj_call_method(ts, fin, KR_ID(readline), NULL);
    if (!line) return NULL;
    if (!krStr_check(line)) {
        kr_decref(line);
        return krErr_format(ts, &KrExc_TypeError, "object.readline() returned non-string");
    }
    KrSsize n = krStr_size(line);
    if (n == 0) {
        kr_decref(line);
        return krErr_format(ts, &KrExc_EOFError, "EOF when reading a line");
    }
    if (krStr_utf8(line)[n - 1] == '\n') {
        KrObject *s = krStr_substring(ts, line, 0, krStr_len(line) - 1);
        kr_decref(line);
        return s;
    }
    return line;
}

const KrMethodDef kr_builtins_io_methods[] = {
    {"print", KR_CFUNC(builtin_print), KR_METH_FASTKW, "Prints the values to a stream, or to sys.stdout by default."},
    {"input", KR_CFUNC(builtin_input), KR_METH_FAST, "Read a string from standard input.  The trailing newline is stripped."},
    {"open", KR_CFUNC(krIO_open), KR_METH_FASTKW, "Open file and return a stream.  Raise OSError upon failure."},
    {NULL},
};
