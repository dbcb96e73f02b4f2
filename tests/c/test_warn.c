// Unit test of krWarn_*: warnings issued from C go through the warnings
// module's filters (recorded by catch_warnings, turned into errors by the
// "error" action) and are attributed to the calling Python frame.
#include <stdio.h>
#include <string.h>

#include "compiler/compile.h"
#include "modules/warn.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/eval.h"

static int fails;
static KrThreadState *ts;
#define CHECK(c)                                                      \
    do {                                                              \
        if (!(c)) {                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);       \
            fails++;                                                  \
        }                                                             \
    } while (0)

static KrObject *globals;

// Runs `src` in the test's module namespace; 0 or -1 (exception cleared).
static int run(const char *src) {
    KrObject *fn = krStr_from_cstr(ts, "t.py");
    KrObject *co = krCompile_source(ts, src, (KrSsize)strlen(src), fn, 0, 0, -1);
    kr_decref(fn);
    if (!co) {
        krErr_clear(ts);
        return -1;
    }
    KrObject *r = krEval_code(ts, co, globals, globals);
    kr_decref(co);
    if (!r) {
        krErr_print(ts);
        return -1;
    }
    kr_decref(r);
    return 0;
}

static KrObject *global(const char *name) { return krDict_get_cstr(ts, globals, name); }

int main(void) {
    ts = krRuntime_init("0");
    if (!ts) return 2;
    globals = krDict_new(ts);
    krDict_set(ts, globals, KR_ID(__builtins__), ts->interp->builtins_module);
    krDict_set(ts, globals, KR_ID(__name__), krStr_from_cstr(ts, "__main__"));
    // Run from the repository root (as tools/runtests.py does): lib/ holds warnings.
    CHECK(run("import sys\nsys.path.insert(0, 'lib')\n") == 0);
    CHECK(run("import warnings\ncm = warnings.catch_warnings(record=True)\nlog = cm.__enter__()\n"
              "warnings.simplefilter('always')\n") == 0);
    CHECK(krWarn_format(ts, &KrExc_DeprecationWarning, 1, "old thing %d", 42) == 0);
    CHECK(run("assert len(log) == 1, log\n"
              "assert str(log[0].message) == 'old thing 42'\n"
              "assert log[0].category is DeprecationWarning\n") == 0);
    CHECK(run("warnings.simplefilter('error')\n") == 0);
    CHECK(krWarn_format(ts, &KrExc_RuntimeWarning, 1, "now an error") == -1);
    CHECK(krErr_occurred(ts));
    krErr_clear(ts);
    CHECK(run("warnings.simplefilter('ignore')\n") == 0);
    KrObject *msg = krStr_from_cstr(ts, "quiet");
    CHECK(krWarn_object(ts, &KrExc_UserWarning, msg, 1) == 0);
    kr_decref(msg);
    CHECK(run("assert len(log) == 1\ncm.__exit__(None, None, None)\n") == 0);
    CHECK(global("log") != NULL);
    kr_decref(globals);
    if (fails) printf("%d failures\n", fails);
    return fails != 0;
}
