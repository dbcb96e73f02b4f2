/*
 * consts.c — constants: turning the parser's literal text into objects, and
 * the per-unit constant table (co_consts).
 *
 * The AST carries literals as text (numbers) or decoded bytes (strings); the
 * object for a Constant node is made on first use and remembered in
 * c->constvals, which also holds the values of nodes folded by astopt.c.
 *
 * co_consts deduplicates by *constant identity*, as CPython's
 * _PyCode_ConstantKey does: equal values of different types stay distinct
 * (1, 1.0, True), floats compare by bit pattern (0.0 and -0.0 differ, a NaN
 * equals itself), and tuples and frozensets compare item by item with the
 * same rules.
 */
#include <math.h>
#include <string.h>

#include "compiler/compiler.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/state.h"

// Strings made only of identifier characters are interned, as CPython does,
// so that `is` between equal short literals behaves the same.
static bool all_name_chars(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return true;
}

static KrObject *int_literal(KrCompiler *c, KrAstExpr *e, const char *digits, size_t len) {
    KrObject *v = krInt_from_string(c->ts, digits, (KrSsize)len, 0);
    if (v || !krErr_matches(c->ts, &KrExc_ValueError)) return v;
    // Decimal literals over sys.get_int_max_str_digits() are a SyntaxError
    // with a hint, as CPython's parser reports them.
    KrObject *exc = krErr_fetch(c->ts);
    KrObject *msg = krObj_str(c->ts, exc);
    kr_decref(exc);
    if (!msg) return NULL;
    // CPython's parser reports it at column 0 of the line, with the line's text.
    KrObject *full = krStr_from_format(c->ts, "%U - Consider hexadecimal for huge integer literals to avoid decimal "
                                              "conversion limits.", msg);
    kr_decref(msg);
    if (!full) return NULL;
    char *line = krCompiler_source_line(c, e->lineno);
    krErr_set_syntax_error(c->ts, &KrExc_SyntaxError, krStr_utf8(full), c->filename, e->lineno, 0, line, e->lineno, 0);
    krMem_free(line);
    kr_decref(full);
    return NULL;
}

static KrObject *literal_value(KrCompiler *c, KrAstExpr *e) {
    const KrAstConstant *k = &e->v.Constant.value;
    switch (k->kind) {
    case KR_CONST_NONE: return kr_newref(KR_NONE);
    case KR_CONST_TRUE: return kr_newref(KR_TRUE);
    case KR_CONST_FALSE: return kr_newref(KR_FALSE);
    case KR_CONST_ELLIPSIS: return kr_newref(KR_ELLIPSIS);
    case KR_CONST_INT: return int_literal(c, e, k->data, k->len);
    case KR_CONST_FLOAT: return krFloat_from_string(c->ts, k->data, (KrSsize)k->len);
    case KR_CONST_IMAG: {
        KrObject *f = krFloat_from_string(c->ts, k->data, (KrSsize)k->len);
        if (!f) return NULL;
        double imag = krFloat_value(f);
        kr_decref(f);
        return krComplex_new(c->ts, 0.0, imag);
    }
    case KR_CONST_STR:
        if (all_name_chars(k->data, k->len)) return krStr_intern_utf8(c->ts, k->data, (KrSsize)k->len);
        return krStr_from_utf8(c->ts, k->data, (KrSsize)k->len);
    case KR_CONST_BYTES: return krBytes_from_data(c->ts, k->data, (KrSsize)k->len);
    }
    krErr_set_string(c->ts, &KrExc_SystemError, "unknown constant kind");
    return NULL;
}

KrObject *krConst_of(KrCompiler *c, KrAstExpr *e) {
    intptr_t v;
    if (krPtrMap_get(&c->constvals, e, &v)) return (KrObject *)v;
    KrObject *o = literal_value(c, e);
    if (!o) return NULL;
    if (krPtrMap_set(&c->constvals, e, (intptr_t)o) < 0) {
        kr_decref(o);
        krErr_no_memory(c->ts);
        return NULL;
    }
    return o;
}

int krConst_set(KrCompiler *c, KrAstExpr *e, KrObject *value) {
    intptr_t old;
    bool had = krPtrMap_get(&c->constvals, e, &old);
    if (krPtrMap_set(&c->constvals, e, (intptr_t)value) < 0) {
        kr_decref(value);
        krErr_no_memory(c->ts);
        return -1;
    }
    if (had) kr_decref((KrObject *)old);
    e->kind = KR_EXPR_Constant;
    e->v.Constant.kind = NULL;
    return 0;
}

bool krConst_is_str(KrCompiler *c, KrAstExpr *e) {
    if (e->kind != KR_EXPR_Constant) return false;
    intptr_t v;
    if (krPtrMap_get(&c->constvals, e, &v)) return krStr_check_exact((KrObject *)v);
    return e->v.Constant.value.kind == KR_CONST_STR;
}

KrObject *krConst_name(KrCompiler *c, const char *name) {
    return krStr_intern_cstr(c->ts, name);
}

// ---------------------------------------------------------------------------
// Constant identity

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t double_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

uint64_t krConst_hash(KrObject *o) {
    KrTypeObject *t = KR_TYPE(o);
    uint64_t h = (uint64_t)(uintptr_t)t;
    if (t == &KrInt_Type) return mix(h, (uint64_t)krInt_hash(o));
    if (t == &KrFloat_Type) return mix(h, double_bits(krFloat_value(o)));
    if (t == &KrComplex_Type) {
        KrComplexObject *z = (KrComplexObject *)o;
        return mix(mix(h, double_bits(z->real)), double_bits(z->imag));
    }
    if (t == &KrStr_Type) return mix(h, (uint64_t)krStr_hash(o));
    if (t == &KrBytes_Type) return mix(h, (uint64_t)krHash_bytes(krBytes_data(o), krBytes_size(o)));
    if (t == &KrTuple_Type) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(o); i++) h = mix(h, krConst_hash(KR_TUPLE_GET(o, i)));
        return h;
    }
    if (t == &KrFrozenSet_Type) {
        uint64_t acc = 0;
        KrSsize pos = 0;
        KrObject *key;
        KrHash kh;
        while (krSet_next(o, &pos, &key, &kh)) acc ^= krConst_hash(key);
        return mix(h, acc);
    }
    if (t == &KrCode_Type) {
        KrCodeObject *co = (KrCodeObject *)o;
        return mix(mix(h, (uint64_t)krStr_hash(co->co_name)), (uint64_t)co->co_ncodeunits);
    }
    return mix(h, (uint64_t)(uintptr_t)o);
}

static bool bytes_equal(KrObject *a, KrObject *b) {
    return krBytes_size(a) == krBytes_size(b) && memcmp(krBytes_data(a), krBytes_data(b), (size_t)krBytes_size(a)) == 0;
}

static bool strs_equal(KrObject *a, KrObject *b) {
    if (KR_TUPLE_SIZE(a) != KR_TUPLE_SIZE(b)) return false;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(a); i++)
        if (!krStr_eq(KR_TUPLE_GET(a, i), KR_TUPLE_GET(b, i))) return false;
    return true;
}

// Equal code objects (as code.__eq__): two identical lambdas or genexps in
// one unit share a constant, as in CPython.
static bool code_equal(KrCodeObject *a, KrCodeObject *b) {
    if (a->co_argcount != b->co_argcount || a->co_posonlyargcount != b->co_posonlyargcount ||
        a->co_kwonlyargcount != b->co_kwonlyargcount || a->co_flags != b->co_flags ||
        a->co_firstlineno != b->co_firstlineno || a->co_ncodeunits != b->co_ncodeunits ||
        !krStr_eq(a->co_name, b->co_name) ||
        memcmp(a->co_code_adaptive, b->co_code_adaptive, sizeof(KrCodeUnit) * (size_t)a->co_ncodeunits) != 0 ||
        !krConst_equal(a->co_consts, b->co_consts) || !strs_equal(a->co_names, b->co_names) ||
        !strs_equal(a->co_localsplusnames, b->co_localsplusnames) || !bytes_equal(a->co_linetable, b->co_linetable) ||
        !bytes_equal(a->co_exceptiontable, b->co_exceptiontable))
        return false;
    return true;
}

bool krConst_equal(KrObject *a, KrObject *b) {
    if (a == b) return true;
    KrTypeObject *t = KR_TYPE(a);
    if (t != KR_TYPE(b)) return false;
    if (t == &KrInt_Type) return krInt_compare(a, b) == 0;
    if (t == &KrFloat_Type) return double_bits(krFloat_value(a)) == double_bits(krFloat_value(b));
    if (t == &KrComplex_Type) {
        KrComplexObject *x = (KrComplexObject *)a, *y = (KrComplexObject *)b;
        return double_bits(x->real) == double_bits(y->real) && double_bits(x->imag) == double_bits(y->imag);
    }
    if (t == &KrStr_Type) return krStr_eq(a, b);
    if (t == &KrBytes_Type) return bytes_equal(a, b);
    if (t == &KrCode_Type) return code_equal((KrCodeObject *)a, (KrCodeObject *)b);
    if (t == &KrTuple_Type) {
        if (KR_TUPLE_SIZE(a) != KR_TUPLE_SIZE(b)) return false;
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(a); i++)
            if (!krConst_equal(KR_TUPLE_GET(a, i), KR_TUPLE_GET(b, i))) return false;
        return true;
    }
    if (t == &KrFrozenSet_Type) {
        if (krSet_size(a) != krSet_size(b)) return false;
        KrSsize pa = 0;
        KrObject *ka;
        KrHash ha;
        while (krSet_next(a, &pa, &ka, &ha)) {
            bool found = false;
            KrSsize pb = 0;
            KrObject *kb;
            KrHash hb;
            while (!found && krSet_next(b, &pb, &kb, &hb)) found = krConst_equal(ka, kb);
            if (!found) return false;
        }
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// The constant table

static int const_add(KrCompiler *c, KrConstTable *t, KrObject *o);

static int table_rebuild(KrConstTable *t, int size) {
    int32_t *index = krMem_malloc(sizeof(int32_t) * (size_t)size);
    if (!index) return -1;
    memset(index, 0xff, sizeof(int32_t) * (size_t)size);
    for (int i = 0; i < t->n; i++) {
        uint64_t h = krConst_hash(t->items[i]) & (uint64_t)(size - 1);
        while (index[h] >= 0) h = (h + 1) & (uint64_t)(size - 1);
        index[h] = i;
    }
    krMem_free(t->index);
    t->index = index;
    t->index_size = size;
    return 0;
}

// CPython merges every constant into a compilation-wide cache, and in doing
// so rebuilds frozensets from their own iteration order; the rebuilt set can
// iterate in a different order, which programs observe (`for x in {...}`).
// Returns a new reference.
static KrObject *canonical(KrCompiler *c, KrObject *o) {
    if (krTuple_check_exact(o)) {
        KrSsize n = KR_TUPLE_SIZE(o);
        KrObject *t = NULL;
        for (KrSsize i = 0; i < n; i++) {
            KrObject *item = canonical(c, KR_TUPLE_GET(o, i));
            if (!item) {
                kr_xdecref(t);
                return NULL;
            }
            if (item == KR_TUPLE_GET(o, i) && !t) {
                kr_decref(item);
                continue;
            }
            if (!t) {
                if (!(t = krTuple_new(c->ts, n))) {
                    kr_decref(item);
                    return NULL;
                }
                for (KrSsize j = 0; j < n; j++) KR_TUPLE_SET(t, j, j < i ? kr_newref(KR_TUPLE_GET(o, j)) : NULL);
            }
            KR_TUPLE_SET(t, i, item);
        }
        return t ? t : kr_newref(o);
    }
    if (krFrozenSet_check(o) && KR_TYPE(o) == &KrFrozenSet_Type) {
        KrObject *items = krTuple_new(c->ts, krSet_size(o));
        if (!items) return NULL;
        KrSsize pos = 0, i = 0;
        KrObject *key;
        KrHash h;
        while (krSet_next(o, &pos, &key, &h)) KR_TUPLE_SET(items, i++, kr_newref(key));
        KrObject *fs = krFrozenSet_new(c->ts, items);
        kr_decref(items);
        return fs;
    }
    return kr_newref(o);
}

// When the code object is made, CPython interns the identifier-like strings
// of its constants; a frozenset one of whose strings was already interned
// (an identifier of the source, a builtin's name) is rebuilt once more.
static bool interning_replaces(KrCompiler *c, KrObject *s) {
    if (!krStr_check_exact(s) || !all_name_chars(krStr_utf8(s), (size_t)krStr_size(s))) return false;
    if (krNames_find(&c->names, krStr_utf8(s), (size_t)krStr_size(s))) return true;
    KrObject *builtins = c->ts->interp ? c->ts->interp->builtins : NULL;
    return builtins && krDict_get_str(builtins, s) != NULL;
}

KrObject *krConst_finalize(KrCompiler *c, KrObject *o) {
    if (krTuple_check_exact(o)) {
        KrSsize n = KR_TUPLE_SIZE(o);
        KrObject *t = krTuple_new(c->ts, n);
        if (!t) return NULL;
        for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, NULL);
        for (KrSsize i = 0; i < n; i++) {
            KrObject *item = krConst_finalize(c, KR_TUPLE_GET(o, i));
            if (!item) {
                for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
                kr_decref(t);
                return NULL;
            }
            KR_TUPLE_SET(t, i, item);
        }
        return t;
    }
    if (KR_TYPE(o) == &KrFrozenSet_Type) {
        bool rebuild = false;
        KrSsize pos = 0;
        KrObject *key;
        KrHash h;
        while (!rebuild && krSet_next(o, &pos, &key, &h)) rebuild = interning_replaces(c, key);
        if (rebuild) return canonical(c, o);
    }
    return kr_newref(o);
}

int krConst_add(KrCompiler *c, KrConstTable *t, KrObject *o) {
    KrObject *canon = canonical(c, o);
    if (!canon) return -1;
    int r = const_add(c, t, canon);
    kr_decref(canon);
    return r;
}

static int const_add(KrCompiler *c, KrConstTable *t, KrObject *o) {
    uint64_t hash = krConst_hash(o);
    if (t->index_size) {
        uint64_t mask = (uint64_t)(t->index_size - 1);
        for (uint64_t h = hash & mask; t->index[h] >= 0; h = (h + 1) & mask) {
            if (krConst_equal(t->items[t->index[h]], o)) return t->index[h];
        }
    }
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        KrObject **items = krMem_realloc(t->items, sizeof(KrObject *) * (size_t)cap);
        if (!items) goto nomem;
        t->items = items;
        t->cap = cap;
    }
    if ((t->n + 1) * 2 > t->index_size && table_rebuild(t, t->index_size ? t->index_size * 2 : 32) < 0) goto nomem;
    uint64_t mask = (uint64_t)(t->index_size - 1);
    uint64_t h = hash & mask;
    while (t->index[h] >= 0) h = (h + 1) & mask;
    t->index[h] = t->n;
    t->items[t->n] = kr_newref(o);
    return t->n++;
nomem:
    krErr_no_memory(c->ts);
    return -1;
}

void krConst_table_free(KrConstTable *t) {
    for (int i = 0; i < t->n; i++) kr_decref(t->items[i]);
    krMem_free(t->items);
    krMem_free(t->index);
    *t = (KrConstTable){0};
}
