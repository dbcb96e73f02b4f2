// Unit tests for str internals: SipHash-1-3 hashes against CPython 3.11's
// values (PYTHONHASHSEED=0 and 12345), the code point index, interning,
// UTF-8 decoding error ranges, full case mapping, repr and krStr_from_format.
#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/state.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/str.h"

static int fails;
static KrThreadState *ts;
#define CHECK(c)                                                      \
    do {                                                              \
        if (!(c)) {                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);       \
            fails++;                                                  \
        }                                                             \
    } while (0)

static void check_hash(const char *s, long long want) {
    KrObject *o = krStr_from_cstr(ts, s);
    long long got = krStr_hash(o);
    if (got != want) {
        printf("FAIL hash(%s) = %lld, want %lld\n", s, got, want);
        fails++;
    }
    kr_decref(o);
}

// Decodes with `errors`; on success compares the repr, on failure the
// UnicodeDecodeError's range and reason.
static void check_decode(const char *b, int n, const char *errors, const char *want) {
    char got[300];
    KrObject *s = krStr_decode(ts, b, n, "utf-8", errors);
    if (s) {
        KrObject *r = krStr_repr(ts, s);
        snprintf(got, sizeof got, "%s", krStr_utf8(r));
        kr_decref(r);
        kr_decref(s);
    } else {
        KrObject *e = krErr_fetch(ts);
        if (kr_type_check(e, &KrExc_UnicodeDecodeError)) {
            KrUnicodeErrorObject *u = (KrUnicodeErrorObject *)e;
            snprintf(got, sizeof got, "%zd-%zd: %s", u->start, u->end, krStr_utf8(u->reason));
        } else {
            snprintf(got, sizeof got, "other error");
        }
        kr_decref(e);
    }
    if (strcmp(got, want) != 0) {
        printf("FAIL decode: got [%s] want [%s]\n", got, want);
        fails++;
    }
}

static void test_hash(void) {
    check_hash("", 0);
    check_hash("a", 4644417185603328019LL);
    check_hash("abc", -4594863902769663758LL);
    check_hash("hello world!", 839851713330019024LL);
    check_hash("\xc3\xa9", 6047309291227476195LL);                       // é (Latin-1 width)
    check_hash("caf\xc3\xa9", 137524001917817222LL);
    check_hash("\xe4\xb8\xad\xe6\x96\x87", 501833946989431548LL);        // 中文 (UCS-2)
    check_hash("\xf0\x9f\x98\x80", -3536540696076613844LL);              // 😀 (UCS-4)
    check_hash("a\xf0\x9f\x98\x80" "b", -7541021549821082252LL);
    check_hash("\xed\xb2\x80", 8931334759769479107LL);                   // lone surrogate \udc80
    char xs[101];
    memset(xs, 'x', 100);
    xs[100] = 0;
    check_hash(xs, 1359644457043326220LL);
    char es[200] = "";
    for (int i = 0; i < 37; i++) strcat(es, "\xc3\xa9");
    check_hash(es, -4221865900228282811LL);
    CHECK(krHash_bytes("\xff\x00" "abcdefgh", 10) == -6065181961168507708LL);
    uint64_t saved[2] = {kr_runtime.hash_key[0], kr_runtime.hash_key[1]};
    krHash_key_from_seed(12345, kr_runtime.hash_key);
    CHECK(krHash_bytes("abc", 3) == 2962436275791859092LL);
    KrObject *o = krStr_from_cstr(ts, "\xc3\xa9");
    CHECK(krStr_hash(o) == 6247654839523334371LL);
    kr_decref(o);
    kr_runtime.hash_key[0] = saved[0];
    kr_runtime.hash_key[1] = saved[1];
}

static void test_index_and_intern(void) {
    char big[1000];
    int n = 0;
    for (int i = 0; i < 100; i++) n += krUtf8_encode(i % 3 ? (uint32_t)('a' + i % 26) : 0x4e00u + (uint32_t)i, big + n);
    KrObject *s = krStr_from_utf8(ts, big, n);
    CHECK(krStr_len(s) == 100);
    for (int i = 0; i < 100; i++) {
        uint32_t want = i % 3 ? (uint32_t)('a' + i % 26) : 0x4e00u + (uint32_t)i;
        CHECK((uint32_t)krStr_char_at(ts, s, i) == want);
    }
    kr_decref(s);
    KrObject *a = krStr_intern_cstr(ts, "hello_intern");
    CHECK(a == krStr_intern_cstr(ts, "hello_intern"));
    KrObject *c = krStr_from_cstr(ts, "hello_intern");
    krStr_intern_inplace(ts, &c);
    CHECK(c == a);
    CHECK(krStr_intern_cstr(ts, "x") == krStr_ascii_char('x'));
}

static void test_decode(void) {
    check_decode("\xff", 1, NULL, "0-1: invalid start byte");
    check_decode("ab\xe0\x80", 4, NULL, "2-3: invalid continuation byte");
    check_decode("\xed\xa0\x80", 3, NULL, "0-1: invalid continuation byte");
    check_decode("abc\xf0\x90\x80", 6, NULL, "3-6: unexpected end of data");
    check_decode("\xed\xa0\x80", 3, "replace", "'\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd'");
    check_decode("a\xff\xfe" "b", 4, "surrogateescape", "'a\\udcff\\udcfeb'");
    check_decode("a\xff" "b", 3, "backslashreplace", "'a\\\\xffb'");
    check_decode("\xed\xa0\x80x", 4, "surrogatepass", "'\\ud800x'");
    check_decode("a\xff" "b", 3, "ignore", "'ab'");
}

static void test_methods_and_format(void) {
    KrObject *s = krStr_from_cstr(ts, "a\ttab'\x01\xc2\x85\xf0\x9f\x98\x80\xed\xb2\x80");
    KrObject *r = krStr_repr(ts, s);
    CHECK(strcmp(krStr_utf8(r), "\"a\\ttab'\\x01\\x85\xf0\x9f\x98\x80\\udc80\"") == 0);
    kr_decref(r);
    kr_decref(s);
    s = krStr_from_cstr(ts, "h\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80!");
    KrObject *e = krStr_encode(ts, s, "ascii", "xmlcharrefreplace");
    CHECK(e && strcmp(krBytes_data(e), "h&#233;&#20013;&#128512;!") == 0);
    kr_xdecref(e);
    e = krStr_encode(ts, s, "utf-16-le", NULL);
    KrObject *back = e ? krStr_decode(ts, krBytes_data(e), krBytes_size(e), "utf-16le", NULL) : NULL;
    CHECK(back && krStr_eq(back, s));
    kr_xdecref(back);
    kr_xdecref(e);
    kr_decref(s);
    KrObject *u = krStr_from_cstr(ts, "uni"), *acc = krStr_from_cstr(ts, "\xc3\xa9\xc3\xa8\xc3\xaa");
    KrObject *f = krStr_from_format(ts, "%d|%5d|%zd|%lld|%x|%c|%.3s|%%|%U|%.2U", 42, 7, (KrSsize)-5, 1LL << 40, 255,
                                    0xe9, "abcdef", u, acc);
    CHECK(f && strcmp(krStr_utf8(f), "42|    7|-5|1099511627776|ff|\xc3\xa9|abc|%|uni|\xc3\xa9\xc3\xa8") == 0);
    kr_xdecref(f);
    kr_decref(u);
    kr_decref(acc);
}

int main(void) {
    ts = krRuntime_init("0");
    if (!ts) return 1;
    test_hash();
    test_index_and_intern();
    test_decode();
    test_methods_and_format();
    if (krErr_occurred(ts)) {
        printf("FAIL: exception left pending\n");
        fails++;
    }
    printf("%s\n", fails ? "FAILED" : "ok");
    return fails != 0;
}
