// Unit tests for the frame stack and the eval loop's C entry points: frames
// pushed across chunk boundaries and popped back, the recursion counter,
// RecursionError from krFrame_push, running module code, calling Python
// functions from C with keywords (and CPython's binding errors), driving a
// generator with krGen_send, and the take-over of a returned frame by its
// frame object.
#include <stdio.h>
#include <string.h>

#include "compiler/compile.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frameobject.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/eval.h"
#include "vm/gen.h"

static int fails;
static KrThreadState *ts;
#define CHECK(c)                                                      \
    do {                                                              \
        if (!(c)) {                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);       \
            fails++;                                                  \
        }                                                             \
    } while (0)

// Runs `src` as a module in a fresh namespace; returns it (new reference).
static KrObject *run_module(const char *src) {
    KrObject *fn = krStr_from_cstr(ts, "t.py");
    KrObject *co = krCompile_source(ts, src, (KrSsize)strlen(src), fn, 0, 0, -1);
    kr_decref(fn);
    if (!co) {
        printf("FAIL compiling %s\n", src);
        krErr_clear(ts);
        fails++;
        return NULL;
    }
    KrObject *g = krDict_new(ts);
    krDict_set(ts, g, KR_ID(__builtins__), ts->interp->builtins_module);
    KrObject *r = krEval_code(ts, co, g, g);
    kr_decref(co);
    if (!r) {
        printf("FAIL running %s\n", src);
        krErr_clear(ts);
        fails++;
        kr_decref(g);
        return NULL;
    }
    kr_decref(r);
    return g;
}

static KrObject *global(KrObject *g, const char *name) { return krDict_get_cstr(ts, g, name); }

static void test_stack(void) {
    KrObject *g = run_module("def f(a, b, c, d, e, f, g, h):\n    x = y = z = 0\n    return a\n");
    if (!g) return;
    KrFunctionObject *f = (KrFunctionObject *)global(g, "f");
    KrCodeObject *code = (KrCodeObject *)f->func_code;
    KrObject **top = ts->datastack_top;
    int depth = ts->py_recursion_remaining;
    enum { N = 5000 };
    static KrFrame *frames[N];
    int pushed = 0;
    for (; pushed < N && depth - pushed > 1; pushed++) {
        frames[pushed] = krFrame_push(ts, code, (KrObject *)f, f->func_globals, f->func_builtins, NULL);
        if (!frames[pushed]) break;
    }
    CHECK(pushed > 0);
    CHECK(ts->py_recursion_remaining == depth - pushed);
    for (int i = pushed - 1; i >= 0; i--) krFrame_pop(ts, frames[i]);
    CHECK(ts->datastack_top == top);
    CHECK(ts->py_recursion_remaining == depth);
    // A frame beyond the recursion limit is refused with RecursionError.
    int saved = ts->py_recursion_remaining;
    ts->py_recursion_remaining = 0;
    KrFrame *none = krFrame_push(ts, code, (KrObject *)f, f->func_globals, f->func_builtins, NULL);
    CHECK(none == NULL && krErr_matches(ts, &KrExc_RecursionError));
    krErr_clear(ts);
    ts->py_recursion_remaining = saved;
    kr_decref(g);
}

static void test_calls(void) {
    KrObject *g = run_module("def f(a, b=2, *, c):\n    return a * 100 + b * 10 + c\n");
    if (!g) return;
    KrObject *f = global(g, "f");
    KrObject *args[3] = {kr_smallint(1), kr_smallint(3), kr_smallint(4)};
    KrObject *kwnames = krTuple_pack(ts, 1, krStr_intern_cstr(ts, "c"));
    KrObject *r = krFunction_vectorcall(ts, f, args, 2, kwnames);
    CHECK(r == kr_smallint(134));
    kr_xdecref(r);
    r = krFunction_vectorcall(ts, f, args, 1, NULL);
    CHECK(r == NULL && krErr_matches(ts, &KrExc_TypeError));
    KrObject *msg = r ? NULL : krObj_str(ts, krErr_peek(ts));
    CHECK(msg && krStr_eq_cstr(msg, "f() missing 1 required keyword-only argument: 'c'"));
    kr_xdecref(msg);
    krErr_clear(ts);
    r = krFunction_vectorcall(ts, f, args, 3, NULL);
    msg = r ? NULL : krObj_str(ts, krErr_peek(ts));
    CHECK(msg && krStr_eq_cstr(msg, "f() takes from 1 to 2 positional arguments but 3 were given"));
    kr_xdecref(msg);
    krErr_clear(ts);
    kr_decref(kwnames);
    kr_decref(g);
}

static void test_generator(void) {
    KrObject *g = run_module("def gen(n):\n    total = 0\n    for i in range(n):\n        total += yield i\n    "
                             "return total\nit = gen(3)\n");
    if (!g) return;
    KrObject *it = global(g, "it");
    KrObject *res = NULL;
    CHECK(krGen_send(ts, it, NULL, &res) == KR_GEN_NEXT && res == kr_smallint(0));
    CHECK(krGen_send(ts, it, kr_smallint(10), &res) == KR_GEN_NEXT && res == kr_smallint(1));
    CHECK(krGen_send(ts, it, kr_smallint(20), &res) == KR_GEN_NEXT && res == kr_smallint(2));
    CHECK(krGen_send(ts, it, kr_smallint(30), &res) == KR_GEN_RETURN && res == kr_smallint(60));
    CHECK(krGen_send(ts, it, kr_smallint(1), &res) == KR_GEN_RETURN && res == KR_NONE);
    CHECK(!krErr_occurred(ts));
    kr_decref(g);
}

static void test_take_over(void) {
    KrObject *g = run_module("import sys\ndef f():\n    x = 41\n    return sys._getframe()\nfr = f()\n"
                             "try:\n    1/0\nexcept ZeroDivisionError as e:\n    err = e\n");
    if (!g) return;
    KrObject *fr = global(g, "fr");
    CHECK(fr && krFrameObject_check(fr));
    if (fr) {
        KrFrame *f = ((KrFrameObject *)fr)->f_frame;
        CHECK(f->owner == KR_FRAME_OWNED_BY_FRAME_OBJECT);
        KrObject *locals = krFrame_fast_to_locals(ts, f);
        KrObject *x = locals ? krDict_get_cstr(ts, locals, "x") : NULL;
        CHECK(x == kr_smallint(41));
    }
    KrObject *err = global(g, "err");
    CHECK(err && krExc_traceback(err) != NULL);
    kr_decref(g);
}

int main(void) {
    ts = krRuntime_init("0");
    if (!ts) return 2;
    test_stack();
    test_calls();
    test_generator();
    test_take_over();
    if (fails) printf("%d failures\n", fails);
    return fails != 0;
}
