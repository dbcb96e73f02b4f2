/*
 * test_datamodel.c — object-model pieces that only C code can set up:
 * struct sequences with hidden and unnamed fields (os.stat_result's shape),
 * checked by running Python assertions against them; and the weak
 * reference slot of classes.  Exit status 0 = pass.
 */
#include <stdio.h>
#include <string.h>

#include "compiler/compile.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/type.h"
#include "parser/parser.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/eval.h"

static int failures;

// Runs `src` with `globals`; a Python exception is a failure.
static void run(KrThreadState *ts, KrObject *globals, const char *src) {
    KrObject *name = krStr_from_cstr(ts, "<test>");
    KrObject *code = name ? krCompile_source(ts, src, (KrSsize)strlen(src), name, KR_PARSE_EXEC, 0, 0) : NULL;
    KrObject *r = code ? krEval_code(ts, code, globals, globals) : NULL;
    if (!r) {
        fprintf(stderr, "Python check failed:\n%s\n", src);
        krErr_print(ts);
        failures++;
    }
    kr_xdecref(r);
    kr_xdecref(code);
    kr_xdecref(name);
}

static const char *const stat_fields[] = {"st_mode", "st_size", KR_STRUCTSEQ_UNNAMED, "st_mtime", "st_extra", NULL};
static const char *const stat_docs[] = {"protection bits", NULL, NULL, "time of last modification", NULL};

static void test_structseq(KrThreadState *ts, KrObject *globals) {
    // Visible: st_mode, st_size, an unnamed int time; hidden: st_mtime, st_extra.
    static const KrStructSeqDesc desc = {"os", "stat_like", stat_fields, "A stat-like result.", 3, false, stat_docs};
    KrObject *type = krStructSeq_new_type(ts, &desc);
    if (!type || krDict_set_cstr(ts, globals, "T", type) < 0) {
        krErr_print(ts);
        failures++;
        return;
    }
    KrObject *vals[5] = {kr_smallint(0644), kr_smallint(10), kr_smallint(99), krStr_from_cstr(ts, "t"),
                         krStr_from_cstr(ts, "x")};
    KrObject *inst = krStructSeq_new(ts, type, vals);
    if (!inst || krDict_set_cstr(ts, globals, "s", inst) < 0) failures++;
    kr_xdecref(inst);
    run(ts, globals,
        "assert len(s) == 3 and tuple(s) == (0o644, 10, 99), tuple(s)\n"
        "assert s.st_mtime == 't' and s.st_extra == 'x' and s[2] == 99\n"
        "assert repr(s) == 'os.stat_like(st_mode=420, st_size=10, st_mtime=99)', repr(s)\n"
        "assert (T.n_sequence_fields, T.n_fields, T.n_unnamed_fields) == (3, 5, 1)\n"
        "assert T.__match_args__ == ('st_mode', 'st_size'), T.__match_args__\n"
        "assert T.__name__ == 'stat_like' and T.__module__ == 'os' and T.__doc__ == 'A stat-like result.'\n"
        "assert T.st_mode.__doc__ == 'protection bits' and T.st_size.__doc__ is None\n"
        "assert s.__reduce__() == (T, ((420, 10, 99), {'st_mtime': 't', 'st_extra': 'x'}))\n"
        "u = T((1, 2, 3))\n"
        "assert tuple(u) == (1, 2, 3) and u.st_mtime is None and u.st_extra is None\n"
        "u = T((1, 2, 3, 4))\n"
        "assert u.st_mtime == 4 and u.st_extra is None\n"
        "u = T([1, 2, 3], {'st_extra': 'e'})\n"
        "assert u.st_extra == 'e' and u == (1, 2, 3) and hash(u) == hash((1, 2, 3))\n"
        "def err(f):\n"
        "    try: f()\n"
        "    except (TypeError, AttributeError) as e: return str(e)\n"
        "assert err(lambda: T((1,))) == 'os.stat_like() takes an at least 3-sequence (1-sequence given)'\n"
        "assert err(lambda: T((1,) * 6)) == 'os.stat_like() takes an at most 5-sequence (6-sequence given)'\n"
        "assert err(lambda: T((1,) * 3, 5)) == 'os.stat_like() takes a dict as second arg, if any'\n"
        "assert err(lambda: T(5)) == 'constructor requires a sequence'\n"
        "assert err(lambda: setattr(s, 'st_mode', 1)) == 'readonly attribute'\n"
        "assert err(lambda: type('X', (T,), {})) == \"type 'os.stat_like' is not an acceptable base type\"\n"
        "match s:\n"
        "    case T(m, sz):\n"
        "        assert (m, sz) == (420, 10)\n"
        "    case _:\n"
        "        assert False\n");
    kr_decref(type);
}

static void test_weakref_slot(KrThreadState *ts, KrObject *globals) {
    run(ts, globals,
        "class A: pass\n"
        "class S:\n"
        "    __slots__ = ('a', '__weakref__')\n"
        "class N:\n"
        "    __slots__ = ('a',)\n"
        "a, s, n = A(), S(), N()\n"
        "assert a.__weakref__ is None and s.__weakref__ is None and not hasattr(n, '__weakref__')\n");
    KrObject *a = krDict_get_cstr(ts, globals, "a"), *s = krDict_get_cstr(ts, globals, "s");
    KrObject *n = krDict_get_cstr(ts, globals, "n");
    if (!a || !s || !n) {
        failures++;
        return;
    }
    KrObject **sa = krObj_weaklist_slot(a), **ss = krObj_weaklist_slot(s);
    if (!sa || *sa || !ss || *ss || krObj_weaklist_slot(n)) {
        fprintf(stderr, "weak reference slots wrong\n");
        failures++;
    }
    // The slot must not overlap the __slots__ member or the attributes.
    run(ts, globals, "s.a = 5; a.x = 6\nassert s.a == 5 and a.x == 6 and s.__weakref__ is None and a.__weakref__ is None\n");
}

int main(void) {
    KrThreadState *ts = krRuntime_init("0");
    if (!ts) return 2;
    KrObject *globals = krDict_new(ts);
    if (!globals || krDict_set_cstr(ts, globals, "__builtins__", ts->interp->builtins) < 0 ||
        krDict_set_cstr(ts, globals, "__name__", krStr_intern_cstr(ts, "__main__")) < 0)
        return 2;
    test_structseq(ts, globals);
    test_weakref_slot(ts, globals);
    kr_decref(globals);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
