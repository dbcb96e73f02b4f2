// Unit tests for the compiler and code objects: the position-table and
// exception-table encodings (round trips), code generation checked through
// the disassembler (instruction sequences hand-checked against CPython 3.11's
// `dis`, minus PRECALL and with Krait's cache sizes), constant folding, scopes
// (cells, free variables, flags), compile-time SyntaxErrors with CPython's
// messages and locations, and code.replace().
#include <stdio.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/opcode.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/dis.h"

static int fails;
static KrThreadState *ts;
#define CHECK(c)                                                      \
    do {                                                              \
        if (!(c)) {                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);       \
            fails++;                                                  \
        }                                                             \
    } while (0)

static KrCodeObject *compile_mode(const char *src, int mode, int optimize) {
    KrObject *fn = krStr_from_cstr(ts, "t.py");
    KrObject *co = krCompile_source(ts, src, (KrSsize)strlen(src), fn, mode, 0, optimize);
    kr_decref(fn);
    if (!co) {
        KrObject *e = krErr_fetch(ts);
        KrObject *r = e ? krObj_repr(ts, e) : NULL;
        printf("FAIL compiling %s: %s\n", src, r ? krStr_utf8(r) : "?");
        kr_xdecref(r);
        kr_xdecref(e);
        fails++;
    }
    return (KrCodeObject *)co;
}

static KrCodeObject *compile(const char *src) { return compile_mode(src, KR_PARSE_EXEC, 0); }

// The disassembly of `src` (top-level code only unless `depth`).
static void check_dis(const char *src, int depth, const char *want) {
    KrCodeObject *co = compile(src);
    if (!co) return;
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krDis_code(ts, &sb, co, depth, -1, false, false) < 0) {
        printf("FAIL dis of %s\n", src);
        fails++;
        krSB_discard(&sb);
        kr_decref((KrObject *)co);
        return;
    }
    KrObject *s = krSB_finish(ts, &sb);
    if (strcmp(krStr_utf8(s), want) != 0) {
        printf("FAIL dis of:\n%s\n--- got:\n%s--- want:\n%s", src, krStr_utf8(s), want);
        fails++;
    }
    kr_decref(s);
    kr_decref((KrObject *)co);
}

static void test_linetable(void) {
    static const int pos[][5] = {
        // units, line, end_line, col, end_col
        {1, 0, 1, 0, 0}, {1, 1, 1, 0, 9},     {3, 1, 1, 4, 5},      {11, 2, 2, 8, 13}, {1, 2, 2, 100, 120},
        {2, 5, 5, 0, 3}, {1, -1, -1, -1, -1}, {4, 3, 4, 10, 2},     {1, 200, 200, 1, 2}, {1, 200, 200, -1, -1},
        {9, 7, 9, 300, 301}, {1, 7, 7, 79, 94}, {1, 1, 1, 0, 0},
    };
    int n = (int)(sizeof pos / sizeof pos[0]);
    KrLineWriter w;
    krCode_linewriter_init(&w, 1);
    int units = 0;
    for (int i = 0; i < n; i++) {
        CHECK(krCode_linewriter_add(&w, pos[i][0], pos[i][1], pos[i][2], pos[i][3], pos[i][4]) == 0);
        units += pos[i][0];
    }
    KrObject *lt = krBytes_from_data(ts, (const char *)w.buf.data, w.buf.size);
    krMem_free(w.buf.data);
    KrCodeUnit code[64] = {0};
    KrObject *empty = krTuple_empty(), *kinds = krBytes_from_data(ts, "", 0), *et = krBytes_from_data(ts, "", 0);
    KrObject *name = krStr_from_cstr(ts, "f");
    KrCodeSpec spec = {0, 0, 0, 0, 0, 1, code, units, empty, empty, empty, kinds, name, name, name, lt, et};
    KrCodeObject *co = (KrCodeObject *)krCode_new(ts, &spec);
    CHECK(co != NULL);
    if (co) {
        int u = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < pos[i][0]; k++, u++) {
                int line, end_line, col, end_col;
                bool have = krCode_position(co, u, &line, &end_line, &col, &end_col);
                CHECK(have == (pos[i][1] >= 0));
                CHECK(line == pos[i][1]);
                if (have && pos[i][3] >= 0) {
                    CHECK(end_line == pos[i][2]);
                    CHECK(col == pos[i][3]);
                    CHECK(end_col == pos[i][4]);
                }
            }
        }
        kr_decref((KrObject *)co);
    }
    kr_decref(lt);
    kr_decref(kinds);
    kr_decref(et);
    kr_decref(name);
}

static void test_exctable(void) {
    KrByteBuf b = {0};
    CHECK(krCode_exctable_add(&b, 2, 10, 20, 0, false) == 0);
    CHECK(krCode_exctable_add(&b, 20, 30, 5000, 3, true) == 0);
    CHECK(krCode_exctable_add(&b, 100000, 100001, 1 << 20, 70, true) == 0);
    KrObject *et = krBytes_from_data(ts, (const char *)b.data, b.size);
    krMem_free(b.data);
    KrCodeUnit code[1] = {0};
    KrObject *empty = krTuple_empty(), *kinds = krBytes_from_data(ts, "", 0), *lt = krBytes_from_data(ts, "", 0);
    KrObject *name = krStr_from_cstr(ts, "f");
    KrCodeSpec spec = {0, 0, 0, 0, 0, 1, code, 1, empty, empty, empty, kinds, name, name, name, lt, et};
    KrCodeObject *co = (KrCodeObject *)krCode_new(ts, &spec);
    CHECK(co != NULL);
    if (co) {
        KrSsize target;
        int depth;
        bool lasti;
        CHECK(!krCode_find_handler(co, 1, &target, &depth, &lasti));
        CHECK(krCode_find_handler(co, 2, &target, &depth, &lasti) && target == 20 && depth == 0 && !lasti);
        CHECK(krCode_find_handler(co, 9, &target, &depth, &lasti) && target == 20);
        CHECK(krCode_find_handler(co, 25, &target, &depth, &lasti) && target == 5000 && depth == 3 && lasti);
        CHECK(!krCode_find_handler(co, 30, &target, &depth, &lasti));
        CHECK(krCode_find_handler(co, 100000, &target, &depth, &lasti) && target == (1 << 20) && depth == 70);
        kr_decref((KrObject *)co);
    }
    kr_decref(et);
    kr_decref(kinds);
    kr_decref(lt);
    kr_decref(name);
}

static void test_dis(void) {
    check_dis("x = 1\nprint(x + 2)\n", 0,
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (1)\n"
              "              4 STORE_NAME               0 (x)\n"
              "\n"
              "  2           6 PUSH_NULL\n"
              "              8 LOAD_NAME                1 (print)\n"
              "             10 LOAD_NAME                0 (x)\n"
              "             12 LOAD_CONST               1 (2)\n"
              "             14 BINARY_OP                0 (+)\n"
              "             18 CALL                     1\n"
              "             28 POP_TOP\n"
              "             30 LOAD_CONST               2 (None)\n"
              "             32 RETURN_VALUE\n");
    // Loops, jumps and their targets; constant tests fold away.
    check_dis("while x:\n    if y: break\nelse:\n    z = a.b(c=1)\n", 0,
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_NAME                0 (x)\n"
              "              4 POP_JUMP_FORWARD_IF_FALSE     6 (to 18)\n"
              "\n"
              "  2     >>    6 LOAD_NAME                1 (y)\n"
              "              8 POP_JUMP_FORWARD_IF_FALSE     2 (to 14)\n"
              "             10 LOAD_CONST               2 (None)\n"
              "             12 RETURN_VALUE\n"
              "\n"
              "  1     >>   14 LOAD_NAME                0 (x)\n"
              "             16 POP_JUMP_BACKWARD_IF_TRUE     6 (to 6)\n"
              "\n"
              "  4     >>   18 LOAD_NAME                2 (a)\n"
              "             20 LOAD_METHOD              3 (b)\n"
              "             38 LOAD_CONST               0 (1)\n"
              "             40 KW_NAMES                 1\n"
              "             42 CALL                     1\n"
              "             52 STORE_NAME               4 (z)\n"
              "             54 LOAD_CONST               2 (None)\n"
              "             56 RETURN_VALUE\n");
}

// The disassembly of the first constant of `src` (a function's code).
static void check_dis_function(const char *src, const char *want) {
    KrCodeObject *co = compile(src);
    if (!co) return;
    KrStrBuilder sb;
    krSB_init(&sb);
    KrCodeObject *f = (KrCodeObject *)KR_TUPLE_GET(co->co_consts, 0);
    if (!krCode_check((KrObject *)f) || krDis_code(ts, &sb, f, 0, -1, false, false) < 0) {
        printf("FAIL dis of %s\n", src);
        fails++;
        krSB_discard(&sb);
    } else {
        KrObject *s = krSB_finish(ts, &sb);
        // A `want` not ending in a newline is a prefix (addresses follow).
        size_t n = strlen(want);
        bool prefix = n && want[n - 1] != '\n';
        if (prefix ? strncmp(krStr_utf8(s), want, n) != 0 : strcmp(krStr_utf8(s), want) != 0) {
            printf("FAIL dis of:\n%s\n--- got:\n%s--- want:\n%s", src, krStr_utf8(s), want);
            fails++;
        }
        kr_decref(s);
    }
    kr_decref((KrObject *)co);
}

static void test_dis_functions(void) {
    // A cell for an argument, a closure.
    check_dis_function("def f(a):\n    def g():\n        return a\n    return g\n",
                       "              0 MAKE_CELL                0 (a)\n"
                       "\n"
                       "  1           2 RESUME                   0\n"
                       "\n"
                       "  2           4 LOAD_CLOSURE             0 (a)\n"
                       "              6 BUILD_TUPLE              1\n"
                       "              8 LOAD_CONST               1 (<code object g at" /* address varies */);
    // try/except with `as`: the handler, the cleanup, the exception table.
    check_dis_function("def f():\n    try:\n        g()\n    except E as e:\n        h(e)\n    return 1\n",
                       "  1           0 RESUME                   0\n"
                       "\n"
                       "  2           2 NOP\n"
                       "\n"
                       "  3           4 LOAD_GLOBAL              1 (NULL + g)\n"
                       "             14 CALL                     0\n"
                       "             24 POP_TOP\n"
                       "             26 JUMP_FORWARD            34 (to 96)\n"
                       "        >>   28 PUSH_EXC_INFO\n"
                       "\n"
                       "  4          30 LOAD_GLOBAL              2 (E)\n"
                       "             40 CHECK_EXC_MATCH\n"
                       "             42 POP_JUMP_FORWARD_IF_FALSE    22 (to 88)\n"
                       "             44 STORE_FAST               0 (e)\n"
                       "\n"
                       "  5          46 LOAD_GLOBAL              5 (NULL + h)\n"
                       "             56 LOAD_FAST                0 (e)\n"
                       "             58 CALL                     1\n"
                       "             68 POP_TOP\n"
                       "             70 POP_EXCEPT\n"
                       "             72 LOAD_CONST               0 (None)\n"
                       "             74 STORE_FAST               0 (e)\n"
                       "             76 DELETE_FAST              0 (e)\n"
                       "             78 JUMP_FORWARD             8 (to 96)\n"
                       "        >>   80 LOAD_CONST               0 (None)\n"
                       "             82 STORE_FAST               0 (e)\n"
                       "             84 DELETE_FAST              0 (e)\n"
                       "             86 RERAISE                  1\n"
                       "\n"
                       "  4     >>   88 RERAISE                  0\n"
                       "        >>   90 COPY                     3\n"
                       "             92 POP_EXCEPT\n"
                       "             94 RERAISE                  1\n"
                       "\n"
                       "  6     >>   96 LOAD_CONST               1 (1)\n"
                       "             98 RETURN_VALUE\n"
                       "ExceptionTable:\n"
                       "  4 to 24 -> 28 [0]\n"
                       "  28 to 44 -> 90 [1] lasti\n"
                       "  46 to 68 -> 80 [1] lasti\n"
                       "  80 to 88 -> 90 [1] lasti\n");
}

static void test_closure_layout(void) {
    KrCodeObject *co = compile("def f(a, b):\n    c = 1\n    def g():\n        return a + c\n    return g\n");
    if (!co) return;
    KrCodeObject *f = (KrCodeObject *)KR_TUPLE_GET(co->co_consts, 0);
    CHECK(krCode_check((KrObject *)f));
    CHECK(f->co_argcount == 2);
    CHECK(f->co_nlocals == 3);              // a, b, g
    CHECK(f->co_ncellvars == 2);            // a (an argument cell) and c
    CHECK(f->co_nlocalsplus == 4);          // a, b, g, c
    CHECK(f->co_flags == (KR_CO_OPTIMIZED | KR_CO_NEWLOCALS));
    // The prologue: MAKE_CELL a (slot 0), MAKE_CELL c (slot 3), RESUME.
    CHECK(KR_UNIT_OP(f->co_code_adaptive[0]) == KR_OP_MAKE_CELL && KR_UNIT_ARG(f->co_code_adaptive[0]) == 0);
    CHECK(KR_UNIT_OP(f->co_code_adaptive[1]) == KR_OP_MAKE_CELL && KR_UNIT_ARG(f->co_code_adaptive[1]) == 3);
    CHECK(KR_UNIT_OP(f->co_code_adaptive[2]) == KR_OP_RESUME);
    KrCodeObject *g = NULL;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(f->co_consts); i++)
        if (krCode_check(KR_TUPLE_GET(f->co_consts, i))) g = (KrCodeObject *)KR_TUPLE_GET(f->co_consts, i);
    CHECK(g != NULL);
    if (g) {
        CHECK(g->co_nfreevars == 2);
        CHECK(g->co_flags == (KR_CO_OPTIMIZED | KR_CO_NEWLOCALS | KR_CO_NESTED));
        CHECK(KR_UNIT_OP(g->co_code_adaptive[0]) == KR_OP_COPY_FREE_VARS);
        CHECK(krStr_eq_cstr(g->co_qualname, "f.<locals>.g"));
    }
    kr_decref((KrObject *)co);
}

static void test_folding(void) {
    // 2**1000 is over the folding size limit; the rest folds.
    KrCodeObject *co = compile("x = (2**10, -1, 'a' + 'b', (1, (2, 3)), 2**1000, 'ab'[1], not 0)\n");
    if (!co) return;
    KrObject *r = krObj_repr(ts, co->co_consts);
    CHECK(r && strcmp(krStr_utf8(r), "(1024, -1, 'ab', (1, (2, 3)), 2, 1000, 'b', True, None)") == 0);
    kr_xdecref(r);
    kr_decref((KrObject *)co);
    // __debug__ and asserts follow `optimize`.
    co = compile_mode("assert x\nif __debug__: y()\n", KR_PARSE_EXEC, 1);
    if (co) {
        bool has_assert = false, has_call = false;
        for (KrSsize i = 0; i < co->co_ncodeunits; i++) {
            int op = KR_UNIT_OP(co->co_code_adaptive[i]);
            has_assert |= op == KR_OP_LOAD_ASSERTION_ERROR;
            has_call |= op == KR_OP_CALL;
        }
        CHECK(!has_assert && !has_call);
        kr_decref((KrObject *)co);
    }
}

// Compiling `src` raises SyntaxError `msg` at (lineno, offset).
static void check_error(const char *src, const char *msg, int lineno, int offset) {
    KrObject *fn = krStr_from_cstr(ts, "<test>");
    KrObject *co = krCompile_source(ts, src, (KrSsize)strlen(src), fn, KR_PARSE_EXEC, 0, 0);
    kr_decref(fn);
    if (co) {
        printf("FAIL no error compiling %s\n", src);
        fails++;
        kr_decref(co);
        return;
    }
    KrObject *e = krErr_fetch(ts);
    if (!kr_type_check(e, &KrExc_SyntaxError)) {
        printf("FAIL %s: not a SyntaxError\n", src);
        fails++;
    } else {
        KrSyntaxErrorObject *se = (KrSyntaxErrorObject *)e;
        int64_t l = -2, o = -2;
        krInt_to_i64(se->lineno, &l);
        krInt_to_i64(se->offset, &o);
        if (!krStr_check(se->msg) || strcmp(krStr_utf8(se->msg), msg) != 0 || l != lineno || o != offset) {
            printf("FAIL %s: got %s at %lld:%lld, want %s at %d:%d\n", src,
                   krStr_check(se->msg) ? krStr_utf8(se->msg) : "?", (long long)l, (long long)o, msg, lineno, offset);
            fails++;
        }
    }
    kr_decref(e);
}

static void test_errors(void) {
    check_error("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    check_error("if x:\n    break\n", "'break' outside loop", 2, 5);
    check_error("for x in y:\n    def f():\n        continue\n", "'continue' not properly in loop", 3, 9);
    check_error("class C:\n    yield 1\n", "'yield' outside function", 2, 5);
    check_error("await x\n", "'await' outside function", 1, 1);
    check_error("def f():\n    await x\n", "'await' outside async function", 2, 5);
    check_error("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5);
    check_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5);
    check_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    check_error("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5);
    check_error("def f(a, b, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 13);
    check_error("a, *b, *c = x\n", "multiple starred expressions in assignment", 1, 1);
    check_error("*a = b\n", "starred assignment target must be in a list or tuple", 1, 1);
    check_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
    check_error("del __debug__\n", "cannot delete __debug__", 1, 5);
    check_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3, 1);
    check_error("x = 1\nfrom __future__ import annotations\n",
                "from __future__ imports must occur at the beginning of the file", 2, 1);
    check_error("from __future__ import braces\n", "not a chance", 1, 1);
    check_error("def f():\n    from m import *\n", "import * only allowed at module level", 2, 19);
    check_error("class C:\n    [y := 1 for x in z]\n",
                "assignment expression within a comprehension cannot be used in a class body", 2, 6);
    check_error("[i := 0 for i in range(3)]\n",
                "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 2);
    check_error("match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
                "wildcard makes remaining patterns unreachable", 2, 10);
    check_error("match x:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern", 2, 14);
    check_error("match x:\n    case [a] | [b]:\n        pass\n", "alternative patterns bind different names", 2, 17);
    check_error("def f():\n    try:\n        pass\n    except* E:\n        return\n",
                "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9);
}

static void test_replace(void) {
    KrCodeObject *co = compile("def f(a, b):\n    c = a\n");
    if (!co) return;
    KrObject *f = KR_TUPLE_GET(co->co_consts, 0);
    KrObject *name = krStr_from_cstr(ts, "g");
    KrObject *kwnames = krTuple_pack(ts, 1, krStr_from_cstr(ts, "co_name"));
    KrObject *args[1] = {name};
    KrObject *meth = krObj_getattr_cstr(ts, f, "replace");
    KrObject *g = meth ? krObj_vectorcall(ts, meth, args, 0, kwnames) : NULL;
    CHECK(g && krCode_check(g));
    if (g) {
        CHECK(krStr_eq_cstr(((KrCodeObject *)g)->co_name, "g"));
        CHECK(((KrCodeObject *)g)->co_nlocals == 3);
        CHECK(krObj_richcompare_bool(ts, g, f, KR_EQ) == 0);
    }
    if (!g && krErr_occurred(ts)) krErr_clear(ts);
    kr_xdecref(g);
    kr_xdecref(meth);
    kr_decref(kwnames);
    kr_decref(name);
    CHECK(krObj_richcompare_bool(ts, f, f, KR_EQ) == 1);
    kr_decref((KrObject *)co);
}

int main(void) {
    ts = krRuntime_init("0");
    if (!ts) return 2;
    test_linetable();
    test_exctable();
    test_dis();
    test_dis_functions();
    test_closure_layout();
    test_folding();
    test_errors();
    test_replace();
    if (fails) printf("%d failures\n", fails);
    return fails != 0;
}
