// Unit tests for the numeric internals: the tagged/heap normal form of ints,
// correctly rounded int -> float conversion and division, shortest float
// repr, fixed-precision formatting, exact scaling, format-spec parsing, and
// the errors raised instead of letting GMP allocate absurd sizes.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/formatspec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "objects/exc.h"

static int fails;
static KrThreadState *ts;
#define CHECK(c)                                                      \
    do {                                                              \
        if (!(c)) {                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);       \
            fails++;                                                  \
        }                                                             \
    } while (0)

// Checks that the pending exception is of `type` (and clears it).
static void check_raised(KrTypeObject *type, int line) {
    KrObject *e = krErr_fetch(ts);
    if (!e || !kr_type_check(e, type)) {
        printf("FAIL line %d: expected %s\n", line, krType_name(type));
        fails++;
    }
    kr_xdecref(e);
}
#define RAISED(type) check_raised(&(type), __LINE__)

static KrObject *from_str(const char *s) { return krInt_from_string(ts, s, (KrSsize)strlen(s), 10); }

static void test_normal_form(void) {
    KrObject *a = krInt_from_i64(ts, KR_SMALLINT_MAX);
    CHECK(kr_is_smallint(a));
    KrObject *b = krInt_from_i64(ts, KR_SMALLINT_MAX);
    KrObject *one = kr_smallint(1);
    KrObject *c = krInt_add(ts, b, one);   // leaves the tagged range
    CHECK(c && !kr_is_smallint(c) && KR_TYPE(c) == &KrInt_Type);
    KrObject *d = krInt_sub(ts, c, one);   // and comes back tagged
    CHECK(d == a);
    CHECK(kr_is_smallint(krInt_from_i64(ts, KR_SMALLINT_MIN)));
    KrObject *e = krInt_from_i64(ts, KR_SMALLINT_MIN - 1);
    CHECK(!kr_is_smallint(e));
    KrObject *f = krInt_neg(ts, krInt_from_i64(ts, KR_SMALLINT_MIN));   // 2**62 is not tagged
    CHECK(f && !kr_is_smallint(f));
    KrObject *g = krInt_from_u64(ts, UINT64_MAX);
    CHECK(g && !kr_is_smallint(g) && krInt_sign(g) == 1);
    int64_t v;
    CHECK(!krInt_to_i64(g, &v));
    CHECK(krInt_as_i64(ts, g) == -1);
    RAISED(KrExc_OverflowError);
    KrObject *h = krInt_exact(ts, KR_TRUE);
    CHECK(h == kr_smallint(1));
    CHECK(krInt_compare(c, a) > 0 && krInt_compare(e, a) < 0 && krInt_compare(a, a) == 0);
    kr_decref(c);
    kr_decref(e);
    kr_decref(f);
    kr_decref(g);
}

static void test_int_to_double(void) {
    static const struct {
        const char *s;
        double want;
    } cases[] = {
        {"9007199254740993", 9007199254740992.0},       // 2**53 + 1: tie, to even
        {"9007199254740995", 9007199254740996.0},       // 2**53 + 3: tie, to even (up)
        {"18446744073709551617", 18446744073709551616.0},
        {"36893488147419103233", 36893488147419103232.0},   // 2**65 + 1
        {"36893488147419107329", 36893488147419111424.0},   // 2**65 + 2**12 + 1: above the tie
        {"-36893488147419107328", -36893488147419103232.0}, // exact tie below: to even
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KrObject *o = from_str(cases[i].s);
        double d = krInt_as_double(ts, o);
        if (d != cases[i].want) {
            printf("FAIL float(%s) = %.17g\n", cases[i].s, d);
            fails++;
        }
        kr_decref(o);
    }
    KrObject *big = krInt_lshift(ts, kr_smallint(1), kr_smallint(1024));
    CHECK(krInt_as_double(ts, big) == -1.0);
    RAISED(KrExc_OverflowError);
    kr_decref(big);
}

static void test_truediv(void) {
    CHECK(krInt_truediv_double(ts, kr_smallint(1), kr_smallint(3)) == 1.0 / 3.0);
    KrObject *a = from_str("100000000000000000000000000000000000000000");   // 10**41
    KrObject *b = from_str("30000000000000000000000000000000000000000");    // 3 * 10**40
    CHECK(krInt_truediv_double(ts, a, b) == 10.0 / 3.0);
    KrObject *tiny = krInt_lshift(ts, kr_smallint(1), kr_smallint(1074));
    CHECK(krInt_truediv_double(ts, kr_smallint(1), tiny) == 5e-324);
    CHECK(krInt_truediv_double(ts, kr_smallint(-1), tiny) == -5e-324);
    KrObject *tinier = krInt_lshift(ts, kr_smallint(1), kr_smallint(1075));
    double z = krInt_truediv_double(ts, kr_smallint(1), tinier);   // exactly half the smallest: to even, 0
    CHECK(z == 0.0 && !signbit(z));
    CHECK(krInt_truediv_double(ts, a, kr_smallint(0)) == -1.0);
    RAISED(KrExc_ZeroDivisionError);
    kr_decref(a);
    kr_decref(b);
    kr_decref(tiny);
    kr_decref(tinier);
}

static void check_repr(double v, const char *want) {
    char buf[32];
    krFloat_repr_buf(v, buf);
    if (strcmp(buf, want) != 0) {
        printf("FAIL repr(%.17g) = %s, want %s\n", v, buf, want);
        fails++;
    }
}

static void check_fmt(double v, char code, int prec, int flags, const char *want) {
    char *s = krFloat_to_string(ts, v, code, prec, flags, NULL);
    if (!s || strcmp(s, want) != 0) {
        printf("FAIL format(%.17g, %c%d/%d) = %s, want %s\n", v, code, prec, flags, s ? s : "NULL", want);
        fails++;
    }
    krMem_free(s);
}

static void test_float_text(void) {
    check_repr(0.1, "0.1");
    check_repr(-0.0, "-0.0");
    check_repr(1e16, "1e+16");
    check_repr(1e15, "1000000000000000.0");
    check_repr(1e-5, "1e-05");
    check_repr(0.0001, "0.0001");
    check_repr(5e-324, "5e-324");
    check_repr(1e23, "1e+23");
    check_repr(9007199254740993.0, "9007199254740992.0");
    check_repr(1.7976931348623157e308, "1.7976931348623157e+308");
    check_repr(2.2250738585072014e-308, "2.2250738585072014e-308");
    check_repr(NAN, "nan");
    check_repr(-INFINITY, "-inf");
    check_fmt(2.675, 'f', 2, 0, "2.67");
    check_fmt(0.5, 'f', 0, 0, "0");
    check_fmt(1.5, 'f', 0, 0, "2");
    check_fmt(1.0, 'e', 3, 0, "1.000e+00");
    check_fmt(1e-7, 'g', 6, 0, "1e-07");
    check_fmt(123456.0, 'g', 3, KR_DTSF_ALT, "1.23e+05");
    check_fmt(1.0, 'g', 3, KR_DTSF_ALT, "1.00");
    check_fmt(1.0, 'r', 0, 0, "1");
    check_fmt(1.0, 'r', 0, KR_DTSF_ADD_DOT_0 | KR_DTSF_SIGN, "+1.0");
    check_fmt(-0.0001, 'f', 2, KR_DTSF_NO_NEG_0, "0.00");
    check_fmt(INFINITY, 'F', 2, 0, "INF");
    check_fmt(-NAN, 'e', 2, KR_DTSF_SIGN, "+nan");
}

static void test_scaled(void) {
    mpz_t m;
    mpz_init_set_ui(m, 3);
    double d;
    CHECK(krFloat_from_scaled_mpz(m, -1076, &d) == 0 && d == 5e-324);   // 0.75 of the smallest: up
    mpz_set_ui(m, 1);
    CHECK(krFloat_from_scaled_mpz(m, -1075, &d) == 0 && d == 0.0);      // half: to even (zero)
    mpz_set_ui(m, 3);
    CHECK(krFloat_from_scaled_mpz(m, -1075, &d) == 0 && d == 1e-323);   // 1.5: to even (2)
    mpz_set_ui(m, 1);
    CHECK(krFloat_from_scaled_mpz(m, 1024, &d) == -1);
    mpz_ui_pow_ui(m, 2, 53);
    mpz_sub_ui(m, m, 1);
    CHECK(krFloat_from_scaled_mpz(m, 971, &d) == 0 && d == 1.7976931348623157e308);
    mpz_mul_2exp(m, m, 1);
    mpz_add_ui(m, m, 1);   // DBL_MAX + half an ulp: rounds to even, which overflows
    CHECK(krFloat_from_scaled_mpz(m, 970, &d) == -1);
    mpz_clear(m);
}

static void test_format_spec(void) {
    KrObject *spec = krStr_from_cstr(ts, "*^+#012,.3f");
    KrFormatSpec fs;
    CHECK(krFormatSpec_parse(ts, spec, kr_smallint(0), 'd', '>', &fs) == 0);
    CHECK(fs.fill == '*' && fs.align == '^' && fs.sign == '+' && fs.alternate && !fs.zero_pad);
    CHECK(fs.width == 12 && fs.grouping == ',' && fs.precision == 3 && fs.type == 'f');
    kr_decref(spec);
    spec = krStr_from_cstr(ts, "010_x");
    CHECK(krFormatSpec_parse(ts, spec, kr_smallint(0), 'd', '>', &fs) == 0);
    CHECK(fs.fill == '0' && fs.align == '=' && fs.zero_pad && fs.width == 10 && fs.group_size == 4);
    kr_decref(spec);
    spec = krStr_from_cstr(ts, ",s");
    CHECK(krFormatSpec_parse(ts, spec, kr_smallint(0), 's', '<', &fs) == -1);
    RAISED(KrExc_ValueError);
    kr_decref(spec);
}

static void test_limits(void) {
    // Sizes GMP must never be asked for.
    KrObject *r = krInt_lshift(ts, kr_smallint(1), krInt_from_i64(ts, (int64_t)1 << 40));
    CHECK(!r);
    RAISED(KrExc_MemoryError);
    KrObject *e = from_str("1000000000000");
    r = krInt_pow(ts, kr_smallint(2), e, NULL);
    CHECK(!r);
    RAISED(KrExc_MemoryError);
    r = krInt_pow(ts, kr_smallint(-1), e, NULL);
    CHECK(r == kr_smallint(1));
    kr_decref(e);
    KrObject *huge = krInt_lshift(ts, kr_smallint(1), kr_smallint(100));
    CHECK(krNum_as_ssize(ts, huge, NULL) == KR_SSIZE_MAX);
    CHECK(krNum_as_ssize(ts, huge, &KrExc_IndexError) == -1);
    RAISED(KrExc_IndexError);
    kr_decref(huge);
    CHECK(krInt_hash(kr_smallint(-1)) == -2);
    KrObject *m = from_str("2305843009213693951");   // 2**61 - 1 hashes to 0
    CHECK(krInt_hash(m) == 0);
    kr_decref(m);
}

int main(void) {
    ts = krRuntime_init("0");
    if (!ts) return 2;
    test_normal_form();
    test_int_to_double();
    test_truediv();
    test_float_text();
    test_scaled();
    test_format_spec();
    test_limits();
    if (krErr_occurred(ts)) {
        printf("FAIL: exception left pending\n");
        fails++;
    }
    printf("%s (%d failures)\n", fails ? "FAILED" : "ok", fails);
    return fails != 0;
}
