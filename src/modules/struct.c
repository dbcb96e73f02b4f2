/*
 * struct.c — the _struct module: conversions between Python values and C
 * structs packed into bytes (pack, unpack, pack_into, unpack_from,
 * iter_unpack, calcsize, the Struct type, struct.error).
 *
 * A format is parsed once into a list of codes (one per item; 's' and 'p'
 * are one code each whatever their length, 'x' none) with their offsets.
 * Formats of the module-level functions are cached.
 *
 * Byte orders: '@' (default) native sizes and alignment, '=' and '<' little
 * endian standard sizes, '>' and '!' big endian.  The integer range errors
 * reproduce CPython's on x86-64 Linux, whose little-endian table reuses the
 * native routines where the sizes agree (so '<h' reports "short format
 * requires ..." but '>h' "'h' format requires ...").
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "modules/buffer.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

KrTypeObject KrStructError_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "struct.error",
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &KrExc_Exception,
};

extern KrTypeObject KrStruct_Type, KrStructIter_Type;

// How a code is converted.
enum {
    K_PAD, K_CHAR, K_STR, K_PSTR, K_BOOL, K_INT, K_UINT, K_HALF, K_FLOAT, K_FLOAT_NATIVE, K_DOUBLE, K_PTR,
};

// How an out-of-range integer is reported (see the file comment).
enum {
    E_NAMED,        // "byte format requires -128 <= number <= 127"; checked against C long
    E_RANGE,        // "'i' format requires ..." once the value fits a C (unsigned) long
    E_FULL,         // 64-bit codes: "argument out of range"
    E_BIGLL,        // big-endian q/Q: "int too large to convert"
    E_PTR,          // P: "int too large to convert"
};

typedef struct {
    char code;
    uint8_t size;
    uint8_t align;                 // native alignment, 0 in the standard tables
    uint8_t kind;
    uint8_t err;
    const char *name;              // for E_NAMED
} FormatDef;

static const FormatDef native_table[] = {
    {'x', 1, 0, K_PAD, 0, NULL},        {'b', 1, 0, K_INT, E_NAMED, "byte"},
    {'B', 1, 0, K_UINT, E_NAMED, "ubyte"}, {'c', 1, 0, K_CHAR, 0, NULL},
    {'s', 1, 0, K_STR, 0, NULL},        {'p', 1, 0, K_PSTR, 0, NULL},
    {'h', 2, 2, K_INT, E_NAMED, "short"}, {'H', 2, 2, K_UINT, E_NAMED, "ushort"},
    {'i', 4, 4, K_INT, E_RANGE, NULL},  {'I', 4, 4, K_UINT, E_RANGE, NULL},
    {'l', 8, 8, K_INT, E_FULL, NULL},   {'L', 8, 8, K_UINT, E_FULL, NULL},
    {'n', 8, 8, K_INT, E_FULL, NULL},   {'N', 8, 8, K_UINT, E_FULL, NULL},
    {'q', 8, 8, K_INT, E_FULL, NULL},   {'Q', 8, 8, K_UINT, E_FULL, NULL},
    {'?', 1, 1, K_BOOL, 0, NULL},       {'e', 2, 2, K_HALF, 0, NULL},
    {'f', 4, 4, K_FLOAT_NATIVE, 0, NULL}, {'d', 8, 8, K_DOUBLE, 0, NULL},
    {'P', 8, 8, K_PTR, E_PTR, NULL},    {0, 0, 0, 0, 0, NULL},
};

static const FormatDef little_table[] = {
    {'x', 1, 0, K_PAD, 0, NULL},        {'b', 1, 0, K_INT, E_NAMED, "byte"},
    {'B', 1, 0, K_UINT, E_NAMED, "ubyte"}, {'c', 1, 0, K_CHAR, 0, NULL},
    {'s', 1, 0, K_STR, 0, NULL},        {'p', 1, 0, K_PSTR, 0, NULL},
    {'h', 2, 0, K_INT, E_NAMED, "short"}, {'H', 2, 0, K_UINT, E_NAMED, "ushort"},
    {'i', 4, 0, K_INT, E_RANGE, NULL},  {'I', 4, 0, K_UINT, E_RANGE, NULL},
    {'l', 4, 0, K_INT, E_RANGE, NULL},  {'L', 4, 0, K_UINT, E_RANGE, NULL},
    {'q', 8, 0, K_INT, E_FULL, NULL},   {'Q', 8, 0, K_UINT, E_FULL, NULL},
    {'?', 1, 0, K_BOOL, 0, NULL},       {'e', 2, 0, K_HALF, 0, NULL},
    {'f', 4, 0, K_FLOAT, 0, NULL},      {'d', 8, 0, K_DOUBLE, 0, NULL},
    {0, 0, 0, 0, 0, NULL},
};

static const FormatDef big_table[] = {
    {'x', 1, 0, K_PAD, 0, NULL},        {'b', 1, 0, K_INT, E_NAMED, "byte"},
    {'B', 1, 0, K_UINT, E_NAMED, "ubyte"}, {'c', 1, 0, K_CHAR, 0, NULL},
    {'s', 1, 0, K_STR, 0, NULL},        {'p', 1, 0, K_PSTR, 0, NULL},
    {'h', 2, 0, K_INT, E_RANGE, NULL},  {'H', 2, 0, K_UINT, E_RANGE, NULL},
    {'i', 4, 0, K_INT, E_RANGE, NULL},  {'I', 4, 0, K_UINT, E_RANGE, NULL},
    {'l', 4, 0, K_INT, E_RANGE, NULL},  {'L', 4, 0, K_UINT, E_RANGE, NULL},
    {'q', 8, 0, K_INT, E_BIGLL, NULL},  {'Q', 8, 0, K_UINT, E_BIGLL, NULL},
    {'?', 1, 0, K_BOOL, 0, NULL},       {'e', 2, 0, K_HALF, 0, NULL},
    {'f', 4, 0, K_FLOAT, 0, NULL},      {'d', 8, 0, K_DOUBLE, 0, NULL},
    {0, 0, 0, 0, 0, NULL},
};

typedef struct {
    const FormatDef *def;
    KrSsize offset;
    KrSsize size;                  // item size; the length for 's' and 'p'
    KrSsize repeat;                // consecutive items (1 for 's' and 'p')
} Code;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *format;              // strong str
    KrSsize size;                  // total bytes
    KrSsize len;                   // number of items
    bool little;                   // byte order of the codes
    Code *codes;                   // owned, `ncodes` entries (one per format character)
    KrSsize ncodes;
    KrObject *weakreflist;
} StructObject;

static void struct_error(KrThreadState *ts, const char *msg) { krErr_set_string(ts, &KrStructError_Type, msg); }

// ---------------------------------------------------------------------------
// Format parsing

static const FormatDef *find_def(const FormatDef *table, char c) {
    for (; table->code; table++)
        if (table->code == c) return table;
    return NULL;
}

// Parses `fmt` into s->codes, s->size, s->len.  0 or -1.
static int parse_format(KrThreadState *ts, StructObject *s, const char *fmt, KrSsize fmtlen) {
    const char *p = fmt, *end = fmt + fmtlen;
    const FormatDef *table = native_table;
    s->little = true;
    if (p < end) {
        switch (*p) {
        case '@': p++; break;
        case '=':
        case '<': table = little_table; p++; break;
        case '>':
        case '!': table = big_table; s->little = false; p++; break;
        default: break;
        }
    }
    const bool native = table == native_table;
    // First pass: count the codes, items and bytes; second: fill the codes.
    KrSsize size = 0, len = 0, ncodes = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *q = p;
        KrSsize k = 0;
        size = 0;
        while (q < end) {
            char c = *q++;
            if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
            KrSsize num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (q < end && *q >= '0' && *q <= '9') {
                    int d = *q++ - '0';
                    if (num > (KR_SSIZE_MAX - d) / 10) goto overflow;
                    num = num * 10 + d;
                }
                if (q == end) {
                    struct_error(ts, "repeat count given without format specifier");
                    return -1;
                }
                c = *q++;
            }
            const FormatDef *e = find_def(table, c);
            if (!e) {
                struct_error(ts, "bad char in struct format");
                return -1;
            }
            if (native && e->align && size > 0) {
                KrSsize extra = (e->align - 1) - (size - 1) % e->align;
                if (extra > KR_SSIZE_MAX - size) goto overflow;
                size += extra;
            }
            if (num > (KR_SSIZE_MAX - size) / e->size) goto overflow;
            bool str = e->kind == K_STR || e->kind == K_PSTR;
            if (pass == 1) {
                if (str) s->codes[k++] = (Code){e, size, num, 1};
                else if (e->kind != K_PAD && num > 0) s->codes[k++] = (Code){e, size, e->size, num};
            } else {
                if (str || (e->kind != K_PAD && num > 0)) ncodes++;
                len += str ? 1 : e->kind == K_PAD ? 0 : num;
            }
            size += num * e->size;
        }
        if (pass == 0) {
            s->codes = krMem_malloc(sizeof(Code) * (size_t)(ncodes ? ncodes : 1));
            if (!s->codes) {
                krErr_no_memory(ts);
                return -1;
            }
        }
    }
    s->ncodes = ncodes;
    s->size = size;
    s->len = len;
    return 0;
overflow:
    struct_error(ts, "total struct size too long");
    return -1;
}

// ---------------------------------------------------------------------------
// Packing

static void store_uint(char *p, uint64_t v, int size, bool little) {
    for (int i = 0; i < size; i++) {
        p[little ? i : size - 1 - i] = (char)(v & 0xff);
        v >>= 8;
    }
}

static uint64_t load_uint(const char *p, int size, bool little) {
    uint64_t v = 0;
    for (int i = 0; i < size; i++) v = (v << 8) | (uint8_t)p[little ? size - 1 - i : i];
    return v;
}

// The int value of a pack argument (via __index__): new reference, or NULL
// with struct.error "required argument is not an integer".
static KrObject *get_pylong(KrThreadState *ts, KrObject *v) {
    if (krInt_check(v)) return kr_newref(v);
    if (!krNum_is_index(v)) {
        struct_error(ts, "required argument is not an integer");
        return NULL;
    }
    return krNum_index(ts, v);
}

static int range_error(KrThreadState *ts, const FormatDef *e, bool is_unsigned) {
    uint64_t ulargest = e->size >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * e->size)) - 1;
    if (e->err == E_NAMED) {
        if (is_unsigned)
            krErr_format(ts, &KrStructError_Type, "%s format requires 0 <= number <= %llu", e->name,
                         (unsigned long long)ulargest);
        else
            krErr_format(ts, &KrStructError_Type, "%s format requires %lld <= number <= %lld", e->name,
                         -(long long)(ulargest >> 1) - 1, (long long)(ulargest >> 1));
    } else if (is_unsigned) {
        krErr_format(ts, &KrStructError_Type, "'%c' format requires 0 <= number <= %llu", e->code,
                     (unsigned long long)ulargest);
    } else {
        krErr_format(ts, &KrStructError_Type, "'%c' format requires %lld <= number <= %lld", e->code,
                     -(long long)(ulargest >> 1) - 1, (long long)(ulargest >> 1));
    }
    return -1;
}

static int pack_int(KrThreadState *ts, char *p, KrObject *v, const FormatDef *e, bool little) {
    KrObject *n = get_pylong(ts, v);
    if (!n) return -1;
    KrIntView view;
    mpz_srcptr z = krInt_view(n, &view);
    bool is_unsigned = e->kind == K_UINT;
    int sign = mpz_sgn(z);
    bool fits_long = mpz_fits_slong_p(z);
    bool fits_ulong = sign >= 0 && mpz_sizeinbase(z, 2) <= 64;
    int64_t sv = fits_long ? mpz_get_si(z) : 0;
    uint64_t uv = fits_ulong ? (uint64_t)mpz_get_ui(z) : 0;
    kr_decref(n);
    int err = 0;
    switch (e->err) {
    case E_NAMED: {
        // Checked through a C long for signed and unsigned codes alike.
        if (!fits_long) {
            struct_error(ts, "argument out of range");
            return -1;
        }
        int64_t lo = is_unsigned ? 0 : -((int64_t)1 << (8 * e->size - 1));
        int64_t hi = is_unsigned ? ((int64_t)1 << (8 * e->size)) - 1 : ((int64_t)1 << (8 * e->size - 1)) - 1;
        if (sv < lo || sv > hi) return range_error(ts, e, is_unsigned);
        store_uint(p, (uint64_t)sv, e->size, little);
        return 0;
    }
    case E_RANGE:
        if (is_unsigned) {
            if (!fits_ulong) err = 1;
            else if (e->size < 8 && uv >= ((uint64_t)1 << (8 * e->size))) return range_error(ts, e, true);
        } else {
            if (!fits_long) err = 1;
            else if (e->size < 8 && (sv < -((int64_t)1 << (8 * e->size - 1)) || sv >= ((int64_t)1 << (8 * e->size - 1))))
                return range_error(ts, e, false);
        }
        break;
    case E_FULL:
        err = is_unsigned ? !fits_ulong : !fits_long;
        break;
    case E_BIGLL:
        if (is_unsigned ? !fits_ulong : !fits_long) err = 2;
        break;
    default:   // E_PTR: any value of a 64-bit signed or unsigned word
        if (!fits_long && !fits_ulong) err = 2;
        break;
    }
    if (err) {
        struct_error(ts, err == 1 ? "argument out of range" : "int too large to convert");
        return -1;
    }
    store_uint(p, is_unsigned || (e->err == E_PTR && !fits_long) ? uv : (uint64_t)sv, e->size, little);
    return 0;
}

// IEEE 754 binary16 with round-half-even, as CPython's PyFloat_Pack2.
static int pack_half(KrThreadState *ts, char *p, double x, bool little) {
    unsigned sign, bits;
    int e;
    if (x == 0.0) {
        sign = copysign(1.0, x) == -1.0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = copysign(1.0, x) == -1.0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        double f = frexp(fabs(x), &e);
        f *= 2.0;   // in [1, 2)
        e--;
        if (e >= 16) goto overflow;
        if (e < -25) {
            f = 0.0;
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e);   // subnormal
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned)f;
        if (f - bits > 0.5 || (f - bits == 0.5 && (bits & 1))) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31) goto overflow;
            }
        }
    }
    store_uint(p, (uint64_t)(bits | ((unsigned)e << 10) | (sign << 15)), 2, little);
    return 0;
overflow:
    krErr_set_string(ts, &KrExc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(const char *p, bool little) {
    unsigned v = (unsigned)load_uint(p, 2, little);
    int sign = (v >> 15) & 1, e = (v >> 10) & 0x1f;
    unsigned f = v & 0x3ff;
    if (e == 0x1f) {
        if (f == 0) return sign ? -INFINITY : INFINITY;
        return sign ? -NAN : NAN;
    }
    double x = (double)f / 1024.0;
    if (e == 0) {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}

static int get_double(KrThreadState *ts, KrObject *v, double *out) {
    double x = krFloat_as_double(ts, v);
    if (x == -1.0 && krErr_occurred(ts)) {
        krErr_clear(ts);
        struct_error(ts, "required argument is not a float");
        return -1;
    }
    *out = x;
    return 0;
}

// Packs one item.  0 or -1.
static int pack_code(KrThreadState *ts, char *p, const Code *c, KrObject *v, bool little) {
    const FormatDef *e = c->def;
    switch (e->kind) {
    case K_CHAR:
        if (!krBytes_check(v) || krBytes_size(v) != 1) {
            struct_error(ts, "char format requires a bytes object of length 1");
            return -1;
        }
        *p = krBytes_data(v)[0];
        return 0;
    case K_STR:
    case K_PSTR: {
        const char *data;
        KrSsize n;
        if (krBytes_check(v)) {
            data = krBytes_data(v);
            n = krBytes_size(v);
        } else if (krByteArray_check(v)) {
            data = ((KrByteArrayObject *)v)->data;
            n = KR_SIZE(v);
        } else {
            krErr_format(ts, &KrStructError_Type, "argument for '%c' must be a bytes object", e->code);
            return -1;
        }
        if (e->kind == K_STR) {
            memcpy(p, data, (size_t)(n < c->size ? n : c->size));
            return 0;
        }
        if (c->size == 0) return 0;
        if (n > c->size - 1) n = c->size - 1;
        if (n > 0) memcpy(p + 1, data, (size_t)n);
        *p = (char)(n > 255 ? 255 : n);
        return 0;
    }
    case K_BOOL: {
        int t = krObj_is_true(ts, v);
        if (t < 0) return -1;
        *p = (char)t;
        return 0;
    }
    case K_INT:
    case K_UINT:
    case K_PTR:
        return pack_int(ts, p, v, e, little);
    case K_HALF: {
        double x;
        return get_double(ts, v, &x) < 0 ? -1 : pack_half(ts, p, x, little);
    }
    case K_FLOAT:
    case K_FLOAT_NATIVE: {
        double x;
        if (get_double(ts, v, &x) < 0) return -1;
        float y = (float)x;
        if (e->kind == K_FLOAT && isinf(y) && !isinf(x)) {
            krErr_set_string(ts, &KrExc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        store_uint(p, bits, 4, little);
        return 0;
    }
    case K_DOUBLE: {
        double x;
        if (get_double(ts, v, &x) < 0) return -1;
        uint64_t bits;
        memcpy(&bits, &x, 8);
        store_uint(p, bits, 8, little);
        return 0;
    }
    default:
        return 0;
    }
}

// Packs args into buf (s->size bytes, zeroed by the caller).  0 or -1.
static int pack_all(KrThreadState *ts, StructObject *s, char *buf, KrObject *const *args) {
    KrSsize arg = 0;
    for (KrSsize i = 0; i < s->ncodes; i++) {
        const Code *c = &s->codes[i];
        for (KrSsize r = 0; r < c->repeat; r++)
            if (pack_code(ts, buf + c->offset + r * c->size, c, args[arg++], s->little) < 0) return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Unpacking

static KrObject *unpack_code(KrThreadState *ts, const char *p, const Code *c, bool little) {
    const FormatDef *e = c->def;
    switch (e->kind) {
    case K_CHAR: return krBytes_from_data(ts, p, 1);
    case K_STR: return krBytes_from_data(ts, p, c->size);
    case K_PSTR: {
        if (c->size == 0) return krBytes_from_data(ts, "", 0);
        KrSsize n = (uint8_t)p[0];
        if (n >= c->size) n = c->size - 1;
        return krBytes_from_data(ts, p + 1, n);
    }
    case K_BOOL: return kr_bool(*p != 0);
    case K_INT: {
        uint64_t u = load_uint(p, e->size, little);
        int bits = 8 * e->size;
        int64_t v = bits == 64 ? (int64_t)u : (int64_t)(u << (64 - bits)) >> (64 - bits);
        return krInt_from_i64(ts, v);
    }
    case K_UINT:
    case K_PTR: return krInt_from_u64(ts, load_uint(p, e->size, little));
    case K_HALF: return krFloat_new(ts, unpack_half(p, little));
    case K_FLOAT:
    case K_FLOAT_NATIVE: {
        uint32_t bits = (uint32_t)load_uint(p, 4, little);
        float f;
        memcpy(&f, &bits, 4);
        return krFloat_new(ts, (double)f);
    }
    case K_DOUBLE: {
        uint64_t bits = load_uint(p, 8, little);
        double d;
        memcpy(&d, &bits, 8);
        return krFloat_new(ts, d);
    }
    default: return kr_newref(KR_NONE);
    }
}

static KrObject *unpack_all(KrThreadState *ts, StructObject *s, const char *buf) {
    KrObject *t = krTuple_new(ts, s->len);
    if (!t) return NULL;
    KrSsize k = 0;
    for (KrSsize i = 0; i < s->ncodes; i++) {
        const Code *c = &s->codes[i];
        for (KrSsize r = 0; r < c->repeat; r++) {
            KrObject *v = unpack_code(ts, buf + c->offset + r * c->size, c, s->little);
            if (!v) {
                for (KrSsize j = k; j < s->len; j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
                kr_decref(t);
                return NULL;
            }
            KR_TUPLE_SET(t, k++, v);
        }
    }
    return t;
}

// ---------------------------------------------------------------------------
// The Struct type

static int struct_set_format(KrThreadState *ts, StructObject *s, KrObject *format) {
    const char *fmt;
    KrSsize len;
    KrObject *fstr;
    if (krStr_check(format)) {
        fmt = krStr_utf8(format);
        len = krStr_size(format);
        fstr = kr_newref(format);
    } else if (krBytes_check(format)) {
        fmt = krBytes_data(format);
        len = krBytes_size(format);
        fstr = krStr_decode(ts, fmt, len, "latin-1", NULL);
        if (!fstr) return -1;
    } else {
        krErr_format(ts, &KrExc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                     krType_name(KR_TYPE(format)));
        return -1;
    }
    Code *old = s->codes;
    s->codes = NULL;
    if (parse_format(ts, s, fmt, len) < 0) {
        krMem_free(s->codes);
        s->codes = old;
        kr_decref(fstr);
        return -1;
    }
    krMem_free(old);
    kr_setref(&s->format, fstr);
    return 0;
}

static KrObject *struct_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    StructObject *s = (StructObject *)(type == &KrStruct_Type ? krObj_alloc(ts, type, 0)
                                                              : krType_generic_alloc(ts, type, 0));
    if (!s) return NULL;
    s->format = kr_newref(krStr_empty());
    return (KrObject *)s;
}

static int struct_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"format"};
    KrObject *a[1];
    if (krArg_parse(ts, "Struct", args, nargs, kwnames, names, 1, 0, 1, 1, a) < 0) return -1;
    return struct_set_format(ts, (StructObject *)self, a[0]);
}

static void struct_dealloc(KrObject *self) {
    StructObject *s = (StructObject *)self;
    KR_CLEAR(s->format);
    krMem_free(s->codes);
    s->codes = NULL;
    krObj_free(self);
}

static KrObject *do_pack(KrThreadState *ts, StructObject *s, KrObject *const *args, KrSsize nargs) {
    if (nargs != s->len)
        return krErr_format(ts, &KrStructError_Type, "pack expected %zd items for packing (got %zd)", s->len, nargs);
    KrObject *result = krBytes_from_data(ts, NULL, s->size);
    if (!result) return NULL;
    memset(krBytes_data(result), 0, (size_t)s->size);
    if (pack_all(ts, s, krBytes_data(result), args) < 0) {
        kr_decref(result);
        return NULL;
    }
    return result;
}

static KrObject *do_unpack(KrThreadState *ts, StructObject *s, KrObject *buffer) {
    const char *data;
    KrSsize n;
    if (krBuffer_read(ts, buffer, &data, &n) < 0) return NULL;
    if (n != s->size) return krErr_format(ts, &KrStructError_Type, "unpack requires a buffer of %zd bytes", s->size);
    return unpack_all(ts, s, data);
}

// unpack_from's work once its arguments are bound (a[1] NULL when no offset was given).
static KrObject *unpack_from_args(KrThreadState *ts, StructObject *s, KrObject *const *a) {
    const char *data;
    KrSsize n, offset = 0;
    if (krBuffer_read(ts, a[0], &data, &n) < 0) return NULL;
    if (a[1]) {
        if (!krNum_is_index(a[1]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(a[1])));
        offset = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
        if (offset == -1 && krErr_occurred(ts)) return NULL;
    }
    if (offset < 0) {
        if (offset + n < 0)
            return krErr_format(ts, &KrStructError_Type, "offset %zd out of range for %zd-byte buffer", offset, n);
        offset += n;
    }
    if (n - offset < s->size)
        return krErr_format(ts, &KrStructError_Type,
                            "unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at offset %zd "
                            "(actual buffer size is %zd)",
                            (size_t)s->size + (size_t)offset, s->size, offset, n);
    return unpack_all(ts, s, data + offset);
}

static KrObject *do_unpack_from(KrThreadState *ts, StructObject *s, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames, const char *fname) {
    static const char *const names[] = {"buffer", "offset"};
    KrObject *a[2];
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    return unpack_from_args(ts, s, a);
}

static KrObject *do_pack_into(KrThreadState *ts, StructObject *s, KrObject *const *args, KrSsize nargs) {
    if (nargs < 1) return krErr_format(ts, &KrStructError_Type, "pack_into expected buffer argument");
    if (nargs < 2) return krErr_format(ts, &KrStructError_Type, "pack_into expected offset argument");
    if (nargs - 2 != s->len)
        return krErr_format(ts, &KrStructError_Type, "pack_into expected %zd items for packing (got %zd)", s->len,
                            nargs - 2);
    char *data;
    KrSsize n;
    if (krBuffer_write(ts, args[0], &data, &n) < 0) return NULL;
    if (!krNum_is_index(args[1]))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(args[1])));
    KrSsize offset = krNum_as_ssize(ts, args[1], &KrExc_IndexError);
    if (offset == -1 && krErr_occurred(ts)) return NULL;
    if (offset < 0) {
        if (offset + s->size > 0)
            return krErr_format(ts, &KrStructError_Type, "no space to pack %zd bytes at offset %zd", s->size, offset);
        if (offset + n < 0)
            return krErr_format(ts, &KrStructError_Type, "offset %zd out of range for %zd-byte buffer", offset, n);
        offset += n;
    }
    if (n - offset < s->size)
        return krErr_format(ts, &KrStructError_Type,
                            "pack_into requires a buffer of at least %zu bytes for packing %zd bytes at offset %zd "
                            "(actual buffer size is %zd)",
                            (size_t)s->size + (size_t)offset, s->size, offset, n);
    // Pack into a scratch buffer first: a failing item must leave the target unchanged.
    char stack[256], *tmp = s->size <= (KrSsize)sizeof stack ? stack : krMem_malloc((size_t)s->size);
    if (!tmp) return krErr_no_memory(ts);
    memset(tmp, 0, (size_t)s->size);
    int r = pack_all(ts, s, tmp, args + 2);
    if (r == 0) {
        // Packing may have run code that resized the target.
        if (krBuffer_write(ts, args[0], &data, &n) < 0 || n - offset < s->size) {
            if (!krErr_occurred(ts)) krErr_format(ts, &KrExc_BufferError, "buffer changed size while packing");
            r = -1;
        } else {
            memcpy(data + offset, tmp, (size_t)s->size);
        }
    }
    if (tmp != stack) krMem_free(tmp);
    return r < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *make_iter(KrThreadState *ts, StructObject *s, KrObject *buffer);

static KrObject *struct_pack(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return do_pack(ts, (StructObject *)self, args, nargs);
}

static KrObject *struct_unpack(KrThreadState *ts, KrObject *self, KrObject *buffer) {
    return do_unpack(ts, (StructObject *)self, buffer);
}

static KrObject *struct_unpack_from(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                    KrObject *kwnames) {
    return do_unpack_from(ts, (StructObject *)self, args, nargs, kwnames, "unpack_from");
}

static KrObject *struct_pack_into(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return do_pack_into(ts, (StructObject *)self, args, nargs);
}

static KrObject *struct_iter_unpack(KrThreadState *ts, KrObject *self, KrObject *buffer) {
    return make_iter(ts, (StructObject *)self, buffer);
}

static KrObject *struct_sizeof(KrThreadState *ts, KrObject *self) {
    StructObject *s = (StructObject *)self;
    return krInt_from_ssize(ts, (KrSsize)sizeof(StructObject) + s->ncodes * (KrSsize)sizeof(Code));
}

static KrObject *struct_get_size(KrThreadState *ts, KrObject *self, void *closure) {
    return krInt_from_ssize(ts, ((StructObject *)self)->size);
}

static KrObject *struct_get_format(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((StructObject *)self)->format);
}

static const KrMethodDef struct_methods[] = {
    {"iter_unpack", KR_CFUNC(struct_iter_unpack), KR_METH_O, "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a repeated invocation of unpack_from()."},
    {"pack", KR_CFUNC(struct_pack), KR_METH_FAST, "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\nto the format string S.format.  See help(struct) for more on format\nstrings."},
    {"pack_into", KR_CFUNC(struct_pack_into), KR_METH_FAST, "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on format strings."},
    {"unpack", KR_CFUNC(struct_unpack), KR_METH_O, "Return a tuple containing unpacked values."},
    {"unpack_from", KR_CFUNC(struct_unpack_from), KR_METH_FASTKW, "Return a tuple containing unpacked values."},
    {"__sizeof__", KR_CFUNC(struct_sizeof), KR_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL},
};

static const KrGetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL},
};

KrTypeObject KrStruct_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.\n\n"
              "Return a new Struct object which writes and reads binary data according to\n"
              "the format string.\n\nSee help(struct) for more on format strings.",
    .tp_new = struct_new,
    .tp_init = struct_init,
    .tp_dealloc = struct_dealloc,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
};

// ---------------------------------------------------------------------------
// iter_unpack

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *st;                  // strong Struct
    KrObject *buffer;              // strong bytes-like object
    KrSsize index;                 // next offset
} StructIterObject;

static KrObject *make_iter(KrThreadState *ts, StructObject *s, KrObject *buffer) {
    if (s->size == 0)
        return krErr_format(ts, &KrStructError_Type, "cannot iteratively unpack with a struct of length 0");
    const char *data;
    KrSsize n;
    if (krBuffer_read(ts, buffer, &data, &n) < 0) return NULL;
    if (n % s->size != 0)
        return krErr_format(ts, &KrStructError_Type, "iterative unpacking requires a buffer of a multiple of %zd bytes",
                            s->size);
    StructIterObject *it = (StructIterObject *)krObj_alloc(ts, &KrStructIter_Type, 0);
    if (!it) return NULL;
    it->st = kr_newref((KrObject *)s);
    it->buffer = kr_newref(buffer);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static void structiter_dealloc(KrObject *self) {
    StructIterObject *it = (StructIterObject *)self;
    krGC_untrack(self);
    KR_CLEAR(it->st);
    KR_CLEAR(it->buffer);
    krObj_free(self);
}

static int structiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    StructIterObject *it = (StructIterObject *)self;
    KR_VISIT(it->st);
    KR_VISIT(it->buffer);
    return 0;
}

static KrObject *structiter_next(KrThreadState *ts, KrObject *self) {
    StructIterObject *it = (StructIterObject *)self;
    if (!it->buffer) return NULL;
    StructObject *s = (StructObject *)it->st;
    const char *data;
    KrSsize n;
    if (krBuffer_read(ts, it->buffer, &data, &n) < 0) return NULL;
    if (it->index + s->size > n) {
        KR_CLEAR(it->buffer);
        return NULL;
    }
    KrObject *r = unpack_all(ts, s, data + it->index);
    it->index += s->size;
    return r;
}

static KrObject *structiter_length_hint(KrThreadState *ts, KrObject *self) {
    StructIterObject *it = (StructIterObject *)self;
    if (!it->buffer) return kr_smallint(0);
    const char *data;
    KrSsize n;
    if (krBuffer_read(ts, it->buffer, &data, &n) < 0) return NULL;
    KrSsize left = (n - it->index) / ((StructObject *)it->st)->size;
    return krInt_from_ssize(ts, left < 0 ? 0 : left);
}

static KrObject *structiter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef structiter_methods[] = {
    {"__length_hint__", KR_CFUNC(structiter_length_hint), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrStructIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(StructIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = structiter_dealloc,
    .tp_traverse = structiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = structiter_self,
    .tp_iternext = structiter_next,
    .tp_methods = structiter_methods,
};

// ---------------------------------------------------------------------------
// Module functions (through a cache of Struct objects by format)

#define MAX_CACHE 100

static KrObject *cache_dict(KrThreadState *ts, KrObject *module) {
    KrObject *d = krDict_get_cstr(ts, krModule_dict(module), "_cache");
    if (d || krErr_occurred(ts)) return d;
    d = krDict_new(ts);
    if (!d) return NULL;
    int r = krModule_add_object(ts, module, "_cache", d);
    kr_decref(d);
    return r < 0 ? NULL : d;
}

// The Struct for `format`, new reference.
static StructObject *cached_struct(KrThreadState *ts, KrObject *module, KrObject *format) {
    KrObject *cache = cache_dict(ts, module);
    if (!cache) return NULL;
    KrObject *s = krDict_get(ts, cache, format);
    if (s) return (StructObject *)kr_newref(s);
    if (krErr_occurred(ts)) return NULL;   // e.g. an unhashable format
    s = krObj_call1(ts, (KrObject *)&KrStruct_Type, format);
    if (!s) return NULL;
    if (krDict_size(cache) >= MAX_CACHE) krDict_clear(cache);
    if (krDict_set(ts, cache, format, s) < 0) {
        kr_decref(s);
        return NULL;
    }
    return (StructObject *)s;
}

static KrObject *mod_pack(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "missing format argument");
    StructObject *s = cached_struct(ts, m, args[0]);
    if (!s) return NULL;
    KrObject *r = do_pack(ts, s, args + 1, nargs - 1);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_pack_into(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (nargs < 1) return krErr_format(ts, &KrExc_TypeError, "missing format argument");
    StructObject *s = cached_struct(ts, m, args[0]);
    if (!s) return NULL;
    KrObject *r = do_pack_into(ts, s, args + 1, nargs - 1);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_unpack(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "unpack", nargs, 2, 2) < 0) return NULL;
    StructObject *s = cached_struct(ts, m, args[0]);
    if (!s) return NULL;
    KrObject *r = do_unpack(ts, s, args[1]);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_unpack_from(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"format", "buffer", "offset"};
    KrObject *a[3];
    if (krArg_parse(ts, "unpack_from", args, nargs, kwnames, names, 3, 1, 3, 2, a) < 0) return NULL;
    StructObject *s = cached_struct(ts, m, a[0]);
    if (!s) return NULL;
    KrObject *r = unpack_from_args(ts, s, a + 1);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_iter_unpack(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "iter_unpack", nargs, 2, 2) < 0) return NULL;
    StructObject *s = cached_struct(ts, m, args[0]);
    if (!s) return NULL;
    KrObject *r = make_iter(ts, s, args[1]);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_calcsize(KrThreadState *ts, KrObject *m, KrObject *format) {
    StructObject *s = cached_struct(ts, m, format);
    if (!s) return NULL;
    KrObject *r = krInt_from_ssize(ts, s->size);
    kr_decref((KrObject *)s);
    return r;
}

static KrObject *mod_clearcache(KrThreadState *ts, KrObject *m) {
    KrObject *cache = cache_dict(ts, m);
    if (!cache) return NULL;
    krDict_clear(cache);
    return kr_newref(KR_NONE);
}

static const KrMethodDef struct_module_methods[] = {
    {"_clearcache", KR_CFUNC(mod_clearcache), KR_METH_NOARGS, "Clear the internal cache."},
    {"calcsize", KR_CFUNC(mod_calcsize), KR_METH_O, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", KR_CFUNC(mod_iter_unpack), KR_METH_FAST, "Return an iterator yielding tuples unpacked from the given bytes."},
    {"pack", KR_CFUNC(mod_pack), KR_METH_FAST, "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings."},
    {"pack_into", KR_CFUNC(mod_pack_into), KR_METH_FAST, "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non format strings."},
    {"unpack", KR_CFUNC(mod_unpack), KR_METH_FAST, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", KR_CFUNC(mod_unpack_from), KR_METH_FASTKW, "Return a tuple containing values unpacked according to the format string."},
    {NULL},
};

static int struct_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrStruct_Type) < 0) return -1;
    if (krModule_add_object(ts, m, "error", (KrObject *)&KrStructError_Type) < 0) return -1;
    return cache_dict(ts, m) ? 0 : -1;
}

const KrModuleDef kr__struct_module_def = {
    .name = "_struct",
    .doc = "Functions to convert between Python values and C structs.\n"
           "Python bytes objects are used to hold the data representing the C struct\n"
           "and also as format strings (explained below) to describe the layout of data\n"
           "in the C struct.\n\n"
           "The optional first format char indicates byte order, size and alignment:\n"
           "  @: native order, size & alignment (default)\n"
           "  =: native order, std. size & alignment\n"
           "  <: little-endian, std. size & alignment\n"
           "  >: big-endian, std. size & alignment\n"
           "  !: same as >\n\n"
           "The remaining chars indicate types of args and must match exactly;\n"
           "these can be preceded by a decimal repeat count:\n"
           "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
           "  ?: _Bool (requires C99; if not available, char is used instead)\n"
           "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
           "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
           "Special cases (preceding decimal count indicates length):\n"
           "  s:string (array of char); p: pascal string (with count byte).\n"
           "Special cases (only available in native format):\n"
           "  n:ssize_t; N:size_t;\n"
           "  P:an integer type that is wide enough to hold a pointer.\n"
           "Special case (not in native mode unless 'long long' in platform C):\n"
           "  q:long long; Q:unsigned long long\n"
           "Whitespace between formats is ignored.\n\n"
           "The variable struct.error is an exception raised on errors.\n",
    .methods = struct_module_methods,
    .exec = struct_exec,
};
