/*
 * test_containers.c — unit tests for the container internals that Python code
 * cannot observe directly: the dict caching API (keys versions, entry indices),
 * exact hashes and set orders, sorting, and deallocation of deeply nested
 * containers.  Exit status 0 = pass.
 */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/state.h"

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static bool repr_is(KrThreadState *ts, KrObject *o, const char *expected) {
    KrObject *r = krObj_repr(ts, o);
    if (!r) {
        krErr_clear(ts);
        return false;
    }
    bool ok = strcmp(krStr_utf8(r), expected) == 0;
    if (!ok) fprintf(stderr, "repr: got %s, expected %s\n", krStr_utf8(r), expected);
    kr_decref(r);
    return ok;
}

static void test_dict_versions(KrThreadState *ts) {
    KrObject *d = krDict_new(ts);
    KrObject *a = krStr_intern_cstr(ts, "alpha"), *b = krStr_intern_cstr(ts, "beta");
    CHECK(krDict_set(ts, d, a, kr_smallint(1)) == 0);
    uint32_t v1 = krDict_keys_version(d);
    CHECK(v1 != 0);
    CHECK(krDict_keys_version(d) == v1);
    KrSsize ia = krDict_index_of_str(d, a);
    CHECK(ia >= 0);
    CHECK(krDict_value_at(d, ia) == kr_smallint(1));
    // Replacing a value keeps the version and the index.
    CHECK(krDict_set(ts, d, a, kr_smallint(2)) == 0);
    CHECK(krDict_keys_version(d) == v1);
    CHECK(krDict_value_at(d, ia) == kr_smallint(2));
    // Adding and removing keys change it.
    CHECK(krDict_set(ts, d, b, kr_smallint(3)) == 0);
    uint32_t v2 = krDict_keys_version(d);
    CHECK(v2 != v1 && v2 != 0);
    CHECK(krDict_del(ts, d, b) == 0);
    CHECK(krDict_keys_version(d) != v2);
    CHECK(krDict_index_of_str(d, b) == -1);
    // A non-str key does not disturb str lookups, which never fail.
    CHECK(krDict_set(ts, d, kr_smallint(7), kr_smallint(8)) == 0);
    CHECK(krDict_get_str(d, a) == kr_smallint(2));
    CHECK(krDict_get_str(d, b) == NULL);
    CHECK(!krErr_occurred(ts));
    // Growing through many resizes keeps every entry reachable.
    for (int i = 0; i < 5000; i++) CHECK(krDict_set(ts, d, kr_smallint(1000 + i), kr_smallint(i)) == 0);
    for (int i = 0; i < 5000; i += 2) CHECK(krDict_del(ts, d, kr_smallint(1000 + i)) == 0);
    CHECK(krDict_size(d) == 2 + 2500);
    CHECK(krDict_get(ts, d, kr_smallint(1001)) == kr_smallint(1));
    CHECK(krDict_get(ts, d, kr_smallint(1000)) == NULL && !krErr_occurred(ts));
    ia = krDict_index_of_str(d, a);
    CHECK(ia >= 0 && krDict_value_at(d, ia) == kr_smallint(2));
    kr_decref(d);
}

static void test_hashes_and_orders(KrThreadState *ts) {
    KrObject *t = krTuple_pack(ts, 3, kr_smallint(1), kr_smallint(2), kr_smallint(3));
    CHECK(krObj_hash(ts, t) == 529344067295497451LL);
    kr_decref(t);
    KrObject *r = krRange_new_ssize(ts, 0, 10, 1);
    KrObject *fs = krFrozenSet_new(ts, r);
    CHECK(krObj_hash(ts, fs) == 3895031357313128696LL);
    kr_decref(fs);
    kr_decref(r);
    r = krRange_new_ssize(ts, 0, 20, 1);
    KrObject *s = krSet_new(ts, r);
    KrObject *other = krSet_new(ts, NULL);
    krSet_add(ts, other, kr_smallint(5));
    krSet_add(ts, other, kr_smallint(100));
    CHECK(krSet_symmetric_difference_update(ts, other, s) == 0);
    CHECK(repr_is(ts, other, "{0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100}"));
    kr_decref(other);
    kr_decref(s);
    kr_decref(r);
}

static void test_sort(KrThreadState *ts) {
    KrObject *l = krList_new(ts, 0);
    uint64_t x = 12345;
    for (int i = 0; i < 20000; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        CHECK(krList_append(ts, l, kr_smallint((int64_t)(x >> 40) % 1000 - 500)) == 0);
    }
    CHECK(krList_sort(ts, l, NULL, false) == 0);
    for (KrSsize i = 1; i < KR_LIST_SIZE(l); i++)
        CHECK(kr_smallint_value(KR_LIST_GET(l, i - 1)) <= kr_smallint_value(KR_LIST_GET(l, i)));
    CHECK(krList_sort(ts, l, NULL, true) == 0);
    for (KrSsize i = 1; i < KR_LIST_SIZE(l); i++)
        CHECK(kr_smallint_value(KR_LIST_GET(l, i - 1)) >= kr_smallint_value(KR_LIST_GET(l, i)));
    kr_decref(l);
}

static void test_deep_nesting(KrThreadState *ts) {
    // Freeing a million nested containers must not overflow the C stack.
    KrObject *l = krList_new(ts, 0);
    for (int i = 0; i < 1000000 && l; i++) {
        KrObject *outer = krList_new(ts, 0);
        if (!outer || krList_append(ts, outer, l) < 0) break;
        kr_decref(l);
        l = outer;
    }
    kr_xdecref(l);
    KrObject *t = krTuple_empty();
    kr_incref(t);
    for (int i = 0; i < 1000000 && t; i++) {
        KrObject *outer = krTuple_pack(ts, 1, t);
        kr_decref(t);
        t = outer;
    }
    kr_xdecref(t);
    CHECK(!krErr_occurred(ts));
}

int main(void) {
    KrThreadState *ts = krRuntime_init("0");
    if (!ts) return 2;
    test_dict_versions(ts);
    test_hashes_and_orders(ts);
    test_sort(ts);
    test_deep_nesting(ts);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
