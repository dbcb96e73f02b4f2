/*
 * array.c — the array module: compact arrays of C numbers (typecodes b B h H
 * i I l L q Q f d, and u for UCS-4 characters), with the list-like
 * sequence protocol, conversions to and from bytes, lists, files and str,
 * and the buffer access of buffer.h (so bytes(array) and struct.pack_into
 * work on arrays).
 *
 * Items are stored in native byte order in a malloc'ed block; values are
 * converted on access.  Integer conversions raise CPython's messages, which
 * depend on the C converter CPython uses for each typecode.
 */
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
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/import.h"

enum { A_SIGNED, A_UNSIGNED, A_FLOAT, A_DOUBLE, A_UNICODE };

typedef struct {
    char tc;
    uint8_t itemsize;
    uint8_t kind;
} TypeDesc;

static const TypeDesc descs[] = {
    {'b', 1, A_SIGNED}, {'B', 1, A_UNSIGNED}, {'u', 4, A_UNICODE}, {'h', 2, A_SIGNED}, {'H', 2, A_UNSIGNED},
    {'i', 4, A_SIGNED}, {'I', 4, A_UNSIGNED}, {'l', 8, A_SIGNED},  {'L', 8, A_UNSIGNED}, {'q', 8, A_SIGNED},
    {'Q', 8, A_UNSIGNED}, {'f', 4, A_FLOAT}, {'d', 8, A_DOUBLE},  {0, 0, 0},
};

typedef struct {
    KR_OBJECT_VAR_HEAD;            // ob_size: number of items
    char *data;                    // allocated * itemsize bytes (NULL when allocated == 0)
    KrSsize allocated;             // items
    const TypeDesc *desc;
    KrObject *weakreflist;
} ArrayObject;

extern KrTypeObject KrArray_Type, KrArrayIter_Type;

#define ARR(o) ((ArrayObject *)(o))
#define LEN(o) KR_SIZE(o)

static bool is_array(KrObject *o) { return kr_type_check(o, &KrArray_Type); }

// ---------------------------------------------------------------------------
// Buffer access (buffer.h)

static bool (*next_buffer_hook)(KrObject *o, const char **data, KrSsize *size);

static bool array_buffer_hook(KrObject *o, const char **data, KrSsize *size) {
    if (!kr_is_smallint(o) && is_array(o)) {
        *data = ARR(o)->data ? ARR(o)->data : "";
        *size = LEN(o) * ARR(o)->desc->itemsize;
        return true;
    }
    return next_buffer_hook && next_buffer_hook(o, data, size);
}

int krBuffer_read(KrThreadState *ts, KrObject *o, const char **data, KrSsize *size) {
    if (!kr_is_smallint(o) && is_array(o)) return array_buffer_hook(o, data, size) ? 0 : -1;
    return krBytes_as_buffer(ts, o, data, size);
}

int krBuffer_write(KrThreadState *ts, KrObject *o, char **data, KrSsize *size) {
    if (krByteArray_check(o)) {
        *data = ((KrByteArrayObject *)o)->data;
        *size = KR_SIZE(o);
        return 0;
    }
    if (!kr_is_smallint(o) && is_array(o)) {
        static char empty[1];
        *data = ARR(o)->data ? ARR(o)->data : empty;
        *size = LEN(o) * ARR(o)->desc->itemsize;
        return 0;
    }
    krErr_format(ts, &KrExc_TypeError, "argument must be read-write bytes-like object, not %s", krType_name(KR_TYPE(o)));
    return -1;
}

// ---------------------------------------------------------------------------
// Storage

// Makes room for `n` items (keeping the first LEN).  0 or -1.
static int reserve(KrThreadState *ts, ArrayObject *a, KrSsize n) {
    if (n <= a->allocated) return 0;
    KrSsize cap = a->allocated + (a->allocated >> 3) + (a->allocated < 9 ? 3 : 6);
    if (cap < n) cap = n;
    if (cap > KR_SSIZE_MAX / 2 / a->desc->itemsize) {
        krErr_no_memory(ts);
        return -1;
    }
    char *d = krMem_realloc(a->data, (size_t)cap * a->desc->itemsize);
    if (!d) {
        krErr_no_memory(ts);
        return -1;
    }
    a->data = d;
    a->allocated = cap;
    return 0;
}

static ArrayObject *new_array(KrThreadState *ts, KrTypeObject *type, const TypeDesc *desc, KrSsize n) {
    ArrayObject *a = (ArrayObject *)(type == &KrArray_Type ? krObj_alloc(ts, type, 0) : krType_generic_alloc(ts, type, 0));
    if (!a) return NULL;
    a->desc = desc;
    if (n > 0 && reserve(ts, a, n) < 0) {
        kr_decref((KrObject *)a);
        return NULL;
    }
    LEN(a) = n;
    return a;
}

// Item i as a Python object.  New reference.
static KrObject *get_item(KrThreadState *ts, ArrayObject *a, KrSsize i) {
    const char *p = a->data + i * a->desc->itemsize;
    switch (a->desc->tc) {
    case 'b': return kr_smallint(*(const signed char *)p);
    case 'B': return kr_smallint(*(const unsigned char *)p);
    case 'h': { int16_t v; memcpy(&v, p, 2); return kr_smallint(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return kr_smallint(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return kr_smallint(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return kr_smallint(v); }
    case 'l':
    case 'q': { int64_t v; memcpy(&v, p, 8); return krInt_from_i64(ts, v); }
    case 'L':
    case 'Q': { uint64_t v; memcpy(&v, p, 8); return krInt_from_u64(ts, v); }
    case 'f': { float v; memcpy(&v, p, 4); return krFloat_new(ts, v); }
    case 'd': { double v; memcpy(&v, p, 8); return krFloat_new(ts, v); }
    default: { uint32_t cp; memcpy(&cp, p, 4); return krStr_from_codepoint(ts, cp); }
    }
}

static int overflow(KrThreadState *ts, const char *msg) {
    krErr_set_string(ts, &KrExc_OverflowError, msg);
    return -1;
}

// The int value of an integer item (via __index__).  0 or -1.
static int item_int(KrThreadState *ts, KrObject *v, mpz_t out) {
    if (!krInt_check(v)) {
        if (!krNum_is_index(v)) {
            krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer", krType_name(KR_TYPE(v)));
            return -1;
        }
        KrObject *n = krNum_index(ts, v);
        if (!n) return -1;
        krInt_to_mpz(n, out);
        kr_decref(n);
        return 0;
    }
    krInt_to_mpz(v, out);
    return 0;
}

// Checks `x` against CPython's converter for `tc`: 0, or -1 with its OverflowError.
static int check_int_range(KrThreadState *ts, char tc, mpz_srcptr z) {
    bool fits_long = mpz_fits_slong_p(z);
    long v = fits_long ? mpz_get_si(z) : 0;
    int sign = mpz_sgn(z);
    bool fits_ulong = sign >= 0 && mpz_sizeinbase(z, 2) <= 64;
    switch (tc) {
    case 'b':
    case 'h':
    case 'B':
    case 'H':
    case 'i':
    case 'l':
        if (!fits_long) return overflow(ts, "Python int too large to convert to C long");
        break;
    case 'q':
        if (!fits_long) return overflow(ts, "int too big to convert");
        return 0;
    case 'I':
    case 'L':
        if (sign < 0) return overflow(ts, "can't convert negative value to unsigned int");
        if (!fits_ulong) return overflow(ts, "Python int too large to convert to C unsigned long");
        if (tc == 'I' && mpz_get_ui(z) > UINT32_MAX) return overflow(ts, "unsigned int is greater than maximum");
        return 0;
    case 'Q':
        if (sign < 0) return overflow(ts, "can't convert negative int to unsigned");
        if (!fits_ulong) return overflow(ts, "int too big to convert");
        return 0;
    }
    switch (tc) {
    case 'b':
        if (v < INT16_MIN) return overflow(ts, "signed short integer is less than minimum");
        if (v > INT16_MAX) return overflow(ts, "signed short integer is greater than maximum");
        if (v < -128) return overflow(ts, "signed char is less than minimum");
        if (v > 127) return overflow(ts, "signed char is greater than maximum");
        break;
    case 'h':
        if (v < INT16_MIN) return overflow(ts, "signed short integer is less than minimum");
        if (v > INT16_MAX) return overflow(ts, "signed short integer is greater than maximum");
        break;
    case 'B':
        if (v < 0) return overflow(ts, "unsigned byte integer is less than minimum");
        if (v > 255) return overflow(ts, "unsigned byte integer is greater than maximum");
        break;
    case 'H':
    case 'i':
        if (v < INT32_MIN) return overflow(ts, "signed integer is less than minimum");
        if (v > INT32_MAX) return overflow(ts, "signed integer is greater than maximum");
        if (tc == 'H' && v < 0) return overflow(ts, "unsigned short is less than minimum");
        if (tc == 'H' && v > UINT16_MAX) return overflow(ts, "unsigned short is greater than maximum");
        break;
    }
    return 0;
}

// Converts `v` for an array of `desc` into the bytes at p.  0 or -1.
static int convert_item(KrThreadState *ts, const TypeDesc *desc, KrObject *v, char *p) {
    switch (desc->kind) {
    case A_FLOAT:
    case A_DOUBLE: {
        double d = krFloat_as_double(ts, v);
        if (d == -1.0 && krErr_occurred(ts)) return -1;
        if (desc->kind == A_FLOAT) {
            float f = (float)d;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    case A_UNICODE: {
        if (!krStr_check(v) || krStr_len(v) != 1) {
            krErr_set_string(ts, &KrExc_TypeError, "array item must be unicode character");
            return -1;
        }
        const char *s = krStr_utf8(v);
        uint32_t cp = krUtf8_decode(&s);
        memcpy(p, &cp, 4);
        return 0;
    }
    default: {
        if (kr_is_smallint(v)) {
            // Fast path: check the range with a plain comparison first.
            int64_t x = kr_smallint_value(v);
            int bits = 8 * desc->itemsize;
            bool ok = desc->kind == A_SIGNED ? (bits == 64 || (x >= -((int64_t)1 << (bits - 1)) && x < ((int64_t)1 << (bits - 1))))
                                             : (x >= 0 && (bits == 64 || x < ((int64_t)1 << bits)));
            if (ok) {
                uint64_t u = (uint64_t)x;
                memcpy(p, &u, desc->itemsize);   // little-endian: the low bytes
                return 0;
            }
        }
        mpz_t z;
        mpz_init(z);
        int r = item_int(ts, v, z);
        if (r == 0) r = check_int_range(ts, desc->tc, z);
        if (r == 0) {
            uint64_t u = mpz_sgn(z) >= 0 ? (uint64_t)mpz_get_ui(z) : (uint64_t)mpz_get_si(z);
            memcpy(p, &u, desc->itemsize);
        }
        mpz_clear(z);
        return r;
    }
    }
}

static int set_item(KrThreadState *ts, ArrayObject *a, KrSsize i, KrObject *v) {
    char buf[8];
    if (convert_item(ts, a->desc, v, buf) < 0) return -1;
    memcpy(a->data + i * a->desc->itemsize, buf, a->desc->itemsize);
    return 0;
}

static int append_obj(KrThreadState *ts, ArrayObject *a, KrObject *v) {
    char buf[8];
    if (convert_item(ts, a->desc, v, buf) < 0) return -1;
    if (reserve(ts, a, LEN(a) + 1) < 0) return -1;
    memcpy(a->data + LEN(a) * a->desc->itemsize, buf, a->desc->itemsize);
    LEN(a)++;
    return 0;
}

static int append_bytes(KrThreadState *ts, ArrayObject *a, const char *data, KrSsize nbytes) {
    KrSsize isz = a->desc->itemsize;
    if (nbytes % isz != 0) {
        krErr_set_string(ts, &KrExc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    KrSsize n = nbytes / isz;
    if (n > KR_SSIZE_MAX - LEN(a) || reserve(ts, a, LEN(a) + n) < 0) {
        if (!krErr_occurred(ts)) krErr_no_memory(ts);
        return -1;
    }
    memmove(a->data + LEN(a) * isz, data, (size_t)nbytes);
    LEN(a) += n;
    return 0;
}

static int extend_iterable(KrThreadState *ts, ArrayObject *a, KrObject *iterable) {
    KrObject *it = krObj_get_iter(ts, iterable), *item;
    if (!it) return -1;
    while ((item = krIter_next(ts, it))) {
        int r = append_obj(ts, a, item);
        kr_decref(item);
        if (r < 0) {
            kr_decref(it);
            return -1;
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
}

// Appends the items of another array of the same typecode.
static int extend_array(KrThreadState *ts, ArrayObject *a, ArrayObject *b, const char *msg) {
    if (a->desc != b->desc) {
        krErr_set_string(ts, &KrExc_TypeError, msg);
        return -1;
    }
    KrSsize n = LEN(b);
    if (n > KR_SSIZE_MAX - LEN(a)) {
        krErr_no_memory(ts);
        return -1;
    }
    if (reserve(ts, a, LEN(a) + n) < 0) return -1;
    memmove(a->data + LEN(a) * a->desc->itemsize, b->data, (size_t)(n * a->desc->itemsize));
    LEN(a) += n;
    return 0;
}

static int append_unicode(KrThreadState *ts, ArrayObject *a, KrObject *s) {
    KrSsize n = krStr_len(s);
    if (n > KR_SSIZE_MAX - LEN(a) || reserve(ts, a, LEN(a) + n) < 0) {
        if (!krErr_occurred(ts)) krErr_no_memory(ts);
        return -1;
    }
    const char *p = krStr_utf8(s);
    uint32_t *dst = (uint32_t *)(void *)(a->data) + LEN(a);
    for (KrSsize i = 0; i < n; i++) {
        uint32_t cp = krUtf8_decode(&p);
        memcpy(dst + i, &cp, 4);
    }
    LEN(a) += n;
    return 0;
}

// ---------------------------------------------------------------------------
// Construction

// The typecode character of array()'s first argument, or (uint32_t)-1 with an error set.
static uint32_t typecode_char(KrThreadState *ts, const char *fname, int argnum, KrObject *tc) {
    if (krStr_check(tc) && krStr_len(tc) == 1) {
        const char *s = krStr_utf8(tc);
        return krUtf8_decode(&s);
    }
    krErr_format(ts, &KrExc_TypeError, "%s() argument %d must be a unicode character, not %s", fname, argnum,
                 krArg_type_name(tc));
    return (uint32_t)-1;
}

static const TypeDesc *find_desc(KrThreadState *ts, uint32_t c, const char *msg) {
    for (const TypeDesc *d = descs; d->tc; d++)
        if ((uint32_t)d->tc == c) return d;
    krErr_set_string(ts, &KrExc_ValueError, msg);
    return NULL;
}

static KrObject *array_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if ((type == &KrArray_Type || type->tp_init == KrArray_Type.tp_init) &&
        krArg_no_kwargs(ts, "array.array", kwnames) < 0)
        return NULL;
    if (nargs < 1)
        return krErr_format(ts, &KrExc_TypeError, "array() takes at least 1 argument (%zd given)", nargs);
    if (nargs > 2)
        return krErr_format(ts, &KrExc_TypeError, "array() takes at most 2 arguments (%zd given)", nargs);
    uint32_t c = typecode_char(ts, "array", 1, args[0]);
    if (c == (uint32_t)-1) return NULL;
    KrObject *init = nargs == 2 ? args[1] : NULL;
    if (init && c != 'u') {
        // CPython checks these before validating the typecode, and shows it as a C char.
        if (krStr_check(init))
            return krErr_format(ts, &KrExc_TypeError, "cannot use a str to initialize an array with typecode '%c'",
                                (int)c);
        if (is_array(init) && ARR(init)->desc->kind == A_UNICODE)
            return krErr_format(ts, &KrExc_TypeError,
                                "cannot use a unicode array to initialize an array with typecode '%c'", (int)c);
    }
    const TypeDesc *desc = find_desc(ts, c, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    if (!desc) return NULL;
    ArrayObject *a = new_array(ts, type, desc, 0);
    if (!a) return NULL;
    int r = 0;
    if (init) {
        if (krStr_check(init)) {
            r = append_unicode(ts, a, init);
        } else if (krBytes_check(init) || krByteArray_check(init)) {
            const char *data;
            KrSsize n;
            r = krBytes_as_buffer(ts, init, &data, &n);
            if (r == 0) r = append_bytes(ts, a, data, n);
        } else if (is_array(init) && ARR(init)->desc == desc) {
            r = extend_array(ts, a, ARR(init), "");
        } else {
            r = extend_iterable(ts, a, init);
        }
    }
    if (r < 0) {
        kr_decref((KrObject *)a);
        return NULL;
    }
    return (KrObject *)a;
}

static void array_dealloc(KrObject *self) {
    krMem_free(ARR(self)->data);
    ARR(self)->data = NULL;
    krObj_free(self);
}

// ---------------------------------------------------------------------------
// Methods

static KrObject *array_append(KrThreadState *ts, KrObject *self, KrObject *v) {
    if (append_obj(ts, ARR(self), v) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *array_extend(KrThreadState *ts, KrObject *self, KrObject *iterable) {
    int r = is_array(iterable) ? extend_array(ts, ARR(self), ARR(iterable), "can only extend with array of same kind")
                               : extend_iterable(ts, ARR(self), iterable);
    return r < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *array_buffer_info(KrThreadState *ts, KrObject *self) {
    KrObject *addr = krInt_from_u64(ts, (uint64_t)(uintptr_t)ARR(self)->data);
    if (!addr) return NULL;
    KrObject *len = krInt_from_ssize(ts, LEN(self));
    KrObject *r = len ? krTuple_pack(ts, 2, addr, len) : NULL;
    kr_decref(addr);
    kr_xdecref(len);
    return r;
}

static KrObject *array_byteswap(KrThreadState *ts, KrObject *self) {
    ArrayObject *a = ARR(self);
    int isz = a->desc->itemsize;
    for (KrSsize i = 0; i < LEN(a); i++) {
        char *p = a->data + i * isz;
        for (int j = 0; j < isz / 2; j++) {
            char t = p[j];
            p[j] = p[isz - 1 - j];
            p[isz - 1 - j] = t;
        }
    }
    return kr_newref(KR_NONE);
}

// Item i == v (holding a reference across the comparison): 1, 0, -1.
static int item_eq(KrThreadState *ts, ArrayObject *a, KrSsize i, KrObject *v) {
    KrObject *item = get_item(ts, a, i);
    if (!item) return -1;
    int eq = krObj_eq(ts, item, v);
    kr_decref(item);
    return eq;
}

static KrObject *array_count(KrThreadState *ts, KrObject *self, KrObject *v) {
    KrSsize n = 0;
    for (KrSsize i = 0; i < LEN(self); i++) {
        int eq = item_eq(ts, ARR(self), i, v);
        if (eq < 0) return NULL;
        n += eq;
    }
    return krInt_from_ssize(ts, n);
}

static int clamp_index_arg(KrThreadState *ts, KrObject *o, KrSsize len, KrSsize *out) {
    if (!krNum_is_index(o)) {
        krErr_set_string(ts, &KrExc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    KrSsize v = krNum_as_ssize(ts, o, NULL);
    if (v == -1 && krErr_occurred(ts)) return -1;
    if (v < 0 && (v += len) < 0) v = 0;
    *out = v;
    return 0;
}

static KrObject *array_index(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "index", nargs, 1, 3) < 0) return NULL;
    KrSsize start = 0, stop = KR_SSIZE_MAX;
    if (nargs > 1 && clamp_index_arg(ts, args[1], LEN(self), &start) < 0) return NULL;
    if (nargs > 2 && clamp_index_arg(ts, args[2], LEN(self), &stop) < 0) return NULL;
    for (KrSsize i = start; i < stop && i < LEN(self); i++) {
        int eq = item_eq(ts, ARR(self), i, args[0]);
        if (eq < 0) return NULL;
        if (eq) return krInt_from_ssize(ts, i);
    }
    return krErr_format(ts, &KrExc_ValueError, "array.index(x): x not in array");
}

static void del_range(ArrayObject *a, KrSsize lo, KrSsize hi) {
    int isz = a->desc->itemsize;
    memmove(a->data + lo * isz, a->data + hi * isz, (size_t)((LEN(a) - hi) * isz));
    LEN(a) -= hi - lo;
}

static KrObject *array_remove(KrThreadState *ts, KrObject *self, KrObject *v) {
    for (KrSsize i = 0; i < LEN(self); i++) {
        int eq = item_eq(ts, ARR(self), i, v);
        if (eq < 0) return NULL;
        if (eq) {
            del_range(ARR(self), i, i + 1);
            return kr_newref(KR_NONE);
        }
    }
    return krErr_format(ts, &KrExc_ValueError, "array.remove(x): x not in array");
}

static KrObject *array_pop(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "pop", nargs, 0, 1) < 0) return NULL;
    KrSsize i = -1;
    if (nargs) {
        if (!krNum_is_index(args[0]))
            return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                krType_name(KR_TYPE(args[0])));
        i = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
    }
    if (LEN(self) == 0) return krErr_format(ts, &KrExc_IndexError, "pop from empty array");
    if (i < 0) i += LEN(self);
    if (i < 0 || i >= LEN(self)) return krErr_format(ts, &KrExc_IndexError, "pop index out of range");
    KrObject *v = get_item(ts, ARR(self), i);
    if (!v) return NULL;
    del_range(ARR(self), i, i + 1);
    return v;
}

static KrObject *array_insert(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "insert", nargs, 2, 2) < 0) return NULL;
    if (!krNum_is_index(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            krType_name(KR_TYPE(args[0])));
    KrSsize i = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
    if (i == -1 && krErr_occurred(ts)) return NULL;
    ArrayObject *a = ARR(self);
    char buf[8];
    if (convert_item(ts, a->desc, args[1], buf) < 0) return NULL;
    if (reserve(ts, a, LEN(a) + 1) < 0) return NULL;
    if (i < 0 && (i += LEN(a)) < 0) i = 0;
    if (i > LEN(a)) i = LEN(a);
    int isz = a->desc->itemsize;
    memmove(a->data + (i + 1) * isz, a->data + i * isz, (size_t)((LEN(a) - i) * isz));
    memcpy(a->data + i * isz, buf, isz);
    LEN(a)++;
    return kr_newref(KR_NONE);
}

static KrObject *array_reverse(KrThreadState *ts, KrObject *self) {
    ArrayObject *a = ARR(self);
    int isz = a->desc->itemsize;
    char tmp[8];
    for (KrSsize i = 0, j = LEN(a) - 1; i < j; i++, j--) {
        memcpy(tmp, a->data + i * isz, isz);
        memcpy(a->data + i * isz, a->data + j * isz, isz);
        memcpy(a->data + j * isz, tmp, isz);
    }
    return kr_newref(KR_NONE);
}

static KrObject *array_tobytes(KrThreadState *ts, KrObject *self) {
    return krBytes_from_data(ts, ARR(self)->data ? ARR(self)->data : "", LEN(self) * ARR(self)->desc->itemsize);
}

static KrObject *array_frombytes(KrThreadState *ts, KrObject *self, KrObject *b) {
    const char *data;
    KrSsize n;
    if (krBuffer_read(ts, b, &data, &n) < 0) return NULL;
    // Copy first: `b` may be this very array, and reserving moves its data.
    char *copy = krMem_malloc((size_t)(n ? n : 1));
    if (!copy) return krErr_no_memory(ts);
    memcpy(copy, data, (size_t)n);
    int r = append_bytes(ts, ARR(self), copy, n);
    krMem_free(copy);
    return r < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *array_tolist(KrThreadState *ts, KrObject *self) {
    KrObject *list = krList_new(ts, LEN(self));
    if (!list) return NULL;
    for (KrSsize i = 0; i < LEN(self); i++) {
        KrObject *v = get_item(ts, ARR(self), i);
        if (!v) {
            for (KrSsize j = i; j < LEN(self); j++) KR_LIST_SET(list, j, kr_newref(KR_NONE));
            kr_decref(list);
            return NULL;
        }
        KR_LIST_SET(list, i, v);
    }
    return list;
}

static KrObject *array_fromlist(KrThreadState *ts, KrObject *self, KrObject *list) {
    if (!krList_check(list)) return krErr_format(ts, &KrExc_TypeError, "arg must be list");
    // All or nothing: undo the appends if an item is rejected.
    KrSsize old = LEN(self);
    for (KrSsize i = 0; i < KR_LIST_SIZE(list); i++) {
        if (append_obj(ts, ARR(self), KR_LIST_GET(list, i)) < 0) {
            LEN(self) = old;
            return NULL;
        }
    }
    return kr_newref(KR_NONE);
}

static KrObject *array_tounicode(KrThreadState *ts, KrObject *self) {
    ArrayObject *a = ARR(self);
    if (a->desc->kind != A_UNICODE)
        return krErr_format(ts, &KrExc_ValueError, "tounicode() may only be called on unicode type arrays");
    KrStrBuilder sb;
    krSB_init(&sb);
    for (KrSsize i = 0; i < LEN(a); i++) {
        uint32_t cp;
        memcpy(&cp, a->data + 4 * i, 4);
        if (cp > 0x10ffff) {
            krSB_discard(&sb);
            return krErr_format(ts, &KrExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
        }
        if (krSB_append_char(ts, &sb, cp) < 0) {
            krSB_discard(&sb);
            return NULL;
        }
    }
    return krSB_finish(ts, &sb);
}

static KrObject *array_fromunicode(KrThreadState *ts, KrObject *self, KrObject *s) {
    if (!krStr_check(s))
        return krErr_format(ts, &KrExc_TypeError, "fromunicode() argument must be str, not %s", krArg_type_name(s));
    if (ARR(self)->desc->kind != A_UNICODE)
        return krErr_format(ts, &KrExc_ValueError, "fromunicode() may only be called on unicode type arrays");
    return append_unicode(ts, ARR(self), s) < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *array_fromfile(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "fromfile", nargs, 2, 2) < 0) return NULL;
    KrSsize n = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return NULL;
    if (n < 0) return krErr_format(ts, &KrExc_ValueError, "negative count");
    KrSsize isz = ARR(self)->desc->itemsize;
    if (n > KR_SSIZE_MAX / isz) return krErr_no_memory(ts);
    KrObject *nbytes = krInt_from_ssize(ts, n * isz);
    if (!nbytes) return NULL;
    KrObject *b = krObj_call_method(ts, args[0], krStr_intern_cstr(ts, "read"), nbytes, NULL);
    kr_decref(nbytes);
    if (!b) return NULL;
    if (!krBytes_check(b)) {
        kr_decref(b);
        return krErr_format(ts, &KrExc_TypeError, "read() didn't return bytes");
    }
    KrSsize got = krBytes_size(b);
    int r = append_bytes(ts, ARR(self), krBytes_data(b), got - got % isz);
    kr_decref(b);
    if (r < 0) return NULL;
    if (got != n * isz) return krErr_format(ts, &KrExc_EOFError, "read() didn't return enough bytes");
    return kr_newref(KR_NONE);
}

static KrObject *array_tofile(KrThreadState *ts, KrObject *self, KrObject *f) {
    // Written in blocks so that a huge array needs no huge temporary.
    const KrSsize block = 64 * 1024;
    KrSsize total = LEN(self) * ARR(self)->desc->itemsize;
    for (KrSsize off = 0; off < total; off += block) {
        KrSsize n = total - off < block ? total - off : block;
        KrObject *b = krBytes_from_data(ts, ARR(self)->data + off, n);
        if (!b) return NULL;
        KrObject *r = krObj_call_method(ts, f, KR_ID(write), b, NULL);
        kr_decref(b);
        if (!r) return NULL;
        kr_decref(r);
    }
    return kr_newref(KR_NONE);
}

static KrObject *array_copy(KrThreadState *ts, KrObject *self) {
    ArrayObject *a = ARR(self);
    ArrayObject *r = new_array(ts, &KrArray_Type, a->desc, LEN(a));
    if (!r) return NULL;
    if (LEN(a)) memcpy(r->data, a->data, (size_t)(LEN(a) * a->desc->itemsize));
    return (KrObject *)r;
}

static KrObject *array_deepcopy(KrThreadState *ts, KrObject *self, KrObject *memo) { return array_copy(ts, self); }

// The machine format codes of CPython's array pickles (mformat_code).
enum {
    MF_UINT8 = 0, MF_INT8 = 1, MF_UINT16_LE = 2, MF_INT16_LE = 4, MF_UINT32_LE = 6, MF_INT32_LE = 8,
    MF_UINT64_LE = 10, MF_INT64_LE = 12, MF_FLOAT_LE = 14, MF_DOUBLE_LE = 16, MF_UTF16_LE = 18, MF_UTF32_LE = 20,
    MF_MAX = 21,
};

static int mformat_of(const TypeDesc *d) {
    switch (d->kind) {
    case A_FLOAT: return MF_FLOAT_LE;
    case A_DOUBLE: return MF_DOUBLE_LE;
    case A_UNICODE: return MF_UTF32_LE;
    default: {
        int base = d->itemsize == 1 ? MF_UINT8 : d->itemsize == 2 ? MF_UINT16_LE : d->itemsize == 4 ? MF_UINT32_LE : MF_UINT64_LE;
        if (d->itemsize == 1) return d->kind == A_SIGNED ? MF_INT8 : MF_UINT8;
        return base + (d->kind == A_SIGNED ? 2 : 0);
    }
    }
}

static KrObject *array_reduce_ex(KrThreadState *ts, KrObject *self, KrObject *protocol) {
    ArrayObject *a = ARR(self);
    KrSsize proto = krNum_as_ssize(ts, protocol, &KrExc_OverflowError);
    if (proto == -1 && krErr_occurred(ts)) return NULL;
    KrObject *dict = KR_NONE;
    if (KR_TYPE(self)->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) {
        dict = krAttrs_dict(ts, self);
        if (!dict) return NULL;
        if (krDict_size(dict) == 0) dict = KR_NONE;
    }
    KrObject *tc = krStr_ascii_char(a->desc->tc);
    if (proto < 3) {
        KrObject *list = array_tolist(ts, self);
        if (!list) return NULL;
        KrObject *args = krTuple_pack(ts, 2, tc, list);
        kr_decref(list);
        if (!args) return NULL;
        KrObject *r = krTuple_pack(ts, 3, (KrObject *)KR_TYPE(self), args, dict);
        kr_decref(args);
        return r;
    }
    KrObject *mod = krImport_import(ts, "array");
    KrObject *recon = mod ? krObj_getattr_cstr(ts, mod, "_array_reconstructor") : NULL;
    kr_xdecref(mod);
    KrObject *bytes = recon ? array_tobytes(ts, self) : NULL;
    KrObject *r = NULL;
    if (bytes) {
        KrObject *args = krTuple_pack(ts, 4, (KrObject *)KR_TYPE(self), tc, kr_smallint(mformat_of(a->desc)), bytes);
        if (args) r = krTuple_pack(ts, 3, recon, args, dict);
        kr_xdecref(args);
    }
    kr_xdecref(recon);
    kr_xdecref(bytes);
    return r;
}

static KrObject *array_sizeof(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, (KrSsize)sizeof(ArrayObject) + ARR(self)->allocated * ARR(self)->desc->itemsize);
}

static KrObject *array_get_typecode(KrThreadState *ts, KrObject *self, void *closure) {
    return krStr_ascii_char(ARR(self)->desc->tc);
}

static KrObject *array_get_itemsize(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_smallint(ARR(self)->desc->itemsize);
}

// ---------------------------------------------------------------------------
// Sequence protocol

static KrSsize array_length(KrThreadState *ts, KrObject *self) { return LEN(self); }

static KrObject *array_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    ArrayObject *a = ARR(self);
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
        if (i < 0) i += LEN(a);
        if (i < 0 || i >= LEN(a)) return krErr_format(ts, &KrExc_IndexError, "array index out of range");
        return get_item(ts, a, i);
    }
    if (!krSlice_check(key)) return krErr_format(ts, &KrExc_TypeError, "array indices must be integers");
    KrSsize start, stop, step;
    if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
    KrSsize n = krSlice_adjust_indices(LEN(a), &start, &stop, step);
    ArrayObject *r = new_array(ts, &KrArray_Type, a->desc, n);
    if (!r) return NULL;
    int isz = a->desc->itemsize;
    if (step == 1) {
        if (n) memcpy(r->data, a->data + start * isz, (size_t)(n * isz));
    } else {
        for (KrSsize i = 0, j = start; i < n; i++, j += step) memcpy(r->data + i * isz, a->data + j * isz, isz);
    }
    return (KrObject *)r;
}

static int assign_slice(KrThreadState *ts, ArrayObject *a, KrObject *key, KrObject *value) {
    KrSsize start, stop, step;
    if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
    KrSsize n = krSlice_adjust_indices(LEN(a), &start, &stop, step);
    int isz = a->desc->itemsize;
    if (!value) {
        if (step == 1) {
            del_range(a, start, start + n);
            return 0;
        }
        // Delete an extended slice by compacting the survivors.
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        KrSsize w = 0;
        for (KrSsize i = 0; i < LEN(a); i++) {
            bool del = n > 0 && i >= start && (i - start) % step == 0 && (i - start) / step < n;
            if (!del) memmove(a->data + (w++) * isz, a->data + i * isz, isz);
        }
        LEN(a) = w;
        return 0;
    }
    if (!is_array(value)) {
        krErr_format(ts, &KrExc_TypeError, "can only assign array (not \"%s\") to array slice", krType_name(KR_TYPE(value)));
        return -1;
    }
    ArrayObject *b = ARR(value);
    if (b->desc != a->desc) {
        krErr_set_string(ts, &KrExc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    KrSsize m = LEN(b);
    // Copy the source first: it may be the array itself.
    char *src = krMem_malloc((size_t)(m * isz + 1));
    if (!src) {
        krErr_no_memory(ts);
        return -1;
    }
    if (m) memcpy(src, b->data, (size_t)(m * isz));
    int r = 0;
    if (step == 1) {
        if (m > n && reserve(ts, a, LEN(a) + m - n) < 0) {
            r = -1;
        } else {
            memmove(a->data + (start + m) * isz, a->data + (start + n) * isz, (size_t)((LEN(a) - start - n) * isz));
            memcpy(a->data + start * isz, src, (size_t)(m * isz));
            LEN(a) += m - n;
        }
    } else if (m != n) {
        krErr_format(ts, &KrExc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd", m, n);
        r = -1;
    } else {
        for (KrSsize i = 0, j = start; i < n; i++, j += step) memcpy(a->data + j * isz, src + i * isz, isz);
    }
    krMem_free(src);
    return r;
}

static int array_ass_subscript(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    ArrayObject *a = ARR(self);
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return -1;
        if (i < 0) i += LEN(a);
        if (i < 0 || i >= LEN(a)) {
            krErr_set_string(ts, &KrExc_IndexError, value ? "array assignment index out of range" : "array assignment index out of range");
            return -1;
        }
        if (!value) {
            del_range(a, i, i + 1);
            return 0;
        }
        return set_item(ts, a, i, value);
    }
    if (!krSlice_check(key)) {
        krErr_set_string(ts, &KrExc_TypeError, "array indices must be integers");
        return -1;
    }
    return assign_slice(ts, a, key, value);
}

static int array_contains(KrThreadState *ts, KrObject *self, KrObject *v) {
    for (KrSsize i = 0; i < LEN(self); i++) {
        int eq = item_eq(ts, ARR(self), i, v);
        if (eq != 0) return eq;
    }
    return 0;
}

static KrObject *array_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!is_array(a)) return kr_newref(KR_NOTIMPLEMENTED);
    if (!is_array(b))
        return krErr_format(ts, &KrExc_TypeError, "can only append array (not \"%s\") to array", krType_name(KR_TYPE(b)));
    if (ARR(a)->desc != ARR(b)->desc) return krErr_format(ts, &KrExc_TypeError, "bad argument type for built-in operation");
    ArrayObject *r = new_array(ts, &KrArray_Type, ARR(a)->desc, 0);
    if (!r) return NULL;
    if (extend_array(ts, r, ARR(a), "") < 0 || extend_array(ts, r, ARR(b), "") < 0) {
        kr_decref((KrObject *)r);
        return NULL;
    }
    return (KrObject *)r;
}

static KrObject *array_inplace_concat(KrThreadState *ts, KrObject *self, KrObject *other) {
    if (!is_array(other))
        return krErr_format(ts, &KrExc_TypeError, "can only extend array with array (not \"%s\")",
                            krType_name(KR_TYPE(other)));
    if (extend_array(ts, ARR(self), ARR(other), "can only extend with array of same kind") < 0) return NULL;
    return kr_newref(self);
}

static int repeat_into(KrThreadState *ts, ArrayObject *a, KrSsize n) {
    KrSsize len = LEN(a);
    if (n <= 0 || len == 0) {
        LEN(a) = 0;
        return 0;
    }
    if (len > KR_SSIZE_MAX / n) {
        krErr_no_memory(ts);
        return -1;
    }
    if (reserve(ts, a, len * n) < 0) return -1;
    size_t chunk = (size_t)(len * a->desc->itemsize);
    for (KrSsize k = 1; k < n; k++) memcpy(a->data + k * chunk, a->data, chunk);
    LEN(a) = len * n;
    return 0;
}

static KrObject *array_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrObject *r = array_copy(ts, self);
    if (!r) return NULL;
    if (repeat_into(ts, ARR(r), n) < 0) {
        kr_decref(r);
        return NULL;
    }
    return r;
}

static KrObject *array_inplace_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    return repeat_into(ts, ARR(self), n) < 0 ? NULL : kr_newref(self);
}

static KrObject *array_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!is_array(a) || !is_array(b)) return kr_newref(KR_NOTIMPLEMENTED);
    KrSsize la = LEN(a), lb = LEN(b);
    if (la != lb && (op == KR_EQ || op == KR_NE)) return kr_bool(op == KR_NE);
    KrSsize i;
    for (i = 0; i < la && i < lb; i++) {
        KrObject *x = get_item(ts, ARR(a), i), *y = x ? get_item(ts, ARR(b), i) : NULL;
        if (!y) {
            kr_xdecref(x);
            return NULL;
        }
        int eq = krObj_eq(ts, x, y);
        if (eq != 1) {
            KrObject *r = eq < 0 ? NULL : (op == KR_EQ) ? kr_bool(false) : (op == KR_NE) ? kr_bool(true)
                                                                                       : krObj_richcompare(ts, x, y, op);
            kr_decref(x);
            kr_decref(y);
            return r;
        }
        kr_decref(x);
        kr_decref(y);
    }
    bool r;
    switch (op) {
    case KR_LT: r = la < lb; break;
    case KR_LE: r = la <= lb; break;
    case KR_EQ: r = la == lb; break;
    case KR_NE: r = la != lb; break;
    case KR_GT: r = la > lb; break;
    default: r = la >= lb; break;
    }
    return kr_bool(r);
}

static KrHash array_hash(KrThreadState *ts, KrObject *self) {
    krErr_format(ts, &KrExc_TypeError, "unhashable type: '%s'", KR_TYPE(self)->tp_name);
    return -1;
}

static KrObject *array_repr(KrThreadState *ts, KrObject *self) {
    ArrayObject *a = ARR(self);
    const char *name = krType_name(KR_TYPE(self));
    if (LEN(a) == 0) return krStr_from_format(ts, "%s('%c')", name, a->desc->tc);
    KrObject *v = a->desc->kind == A_UNICODE ? array_tounicode(ts, self) : array_tolist(ts, self);
    if (!v) return NULL;
    KrObject *r = krStr_from_format(ts, "%s('%c', %R)", name, a->desc->tc, v);
    kr_decref(v);
    return r;
}

// ---------------------------------------------------------------------------
// Iterator

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *array;               // strong; NULL when exhausted
    KrSsize index;
} ArrayIterObject;

static KrObject *array_iter(KrThreadState *ts, KrObject *self) {
    ArrayIterObject *it = (ArrayIterObject *)krObj_alloc(ts, &KrArrayIter_Type, 0);
    if (!it) return NULL;
    it->array = kr_newref(self);
    krGC_track((KrObject *)it);
    return (KrObject *)it;
}

static void arrayiter_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((ArrayIterObject *)self)->array);
    krObj_free(self);
}

static int arrayiter_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((ArrayIterObject *)self)->array);
    return 0;
}

static KrObject *arrayiter_next(KrThreadState *ts, KrObject *self) {
    ArrayIterObject *it = (ArrayIterObject *)self;
    if (!it->array) return NULL;
    if (it->index < LEN(it->array)) return get_item(ts, ARR(it->array), it->index++);
    KR_CLEAR(it->array);
    return NULL;
}

static KrObject *arrayiter_self(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

KrTypeObject KrArrayIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(ArrayIterObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = arrayiter_dealloc,
    .tp_traverse = arrayiter_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = arrayiter_self,
    .tp_iternext = arrayiter_next,
};

// ---------------------------------------------------------------------------
// The type and the module

static const KrMethodDef array_methods[] = {
    {"append", KR_CFUNC(array_append), KR_METH_O, "Append new value v to the end of the array."},
    {"buffer_info", KR_CFUNC(array_buffer_info), KR_METH_NOARGS, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", KR_CFUNC(array_byteswap), KR_METH_NOARGS, "Byteswap all items of the array."},
    {"__copy__", KR_CFUNC(array_copy), KR_METH_NOARGS, "Return a copy of the array."},
    {"count", KR_CFUNC(array_count), KR_METH_O, "Return number of occurrences of v in the array."},
    {"__deepcopy__", KR_CFUNC(array_deepcopy), KR_METH_O, "Return a copy of the array."},
    {"extend", KR_CFUNC(array_extend), KR_METH_O, "Append items to the end of the array."},
    {"frombytes", KR_CFUNC(array_frombytes), KR_METH_O, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile", KR_CFUNC(array_fromfile), KR_METH_FAST, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", KR_CFUNC(array_fromlist), KR_METH_O, "Append items to array from list."},
    {"fromunicode", KR_CFUNC(array_fromunicode), KR_METH_O, "Extends this array with data from the unicode string ustr."},
    {"index", KR_CFUNC(array_index), KR_METH_FAST, "Return index of first occurrence of v in the array."},
    {"insert", KR_CFUNC(array_insert), KR_METH_FAST, "Insert a new item v into the array before position i."},
    {"pop", KR_CFUNC(array_pop), KR_METH_FAST, "Return the i-th element and delete it from the array.\n\ni defaults to -1."},
    {"__reduce_ex__", KR_CFUNC(array_reduce_ex), KR_METH_O, "Return state information for pickling."},
    {"remove", KR_CFUNC(array_remove), KR_METH_O, "Remove the first occurrence of v in the array."},
    {"reverse", KR_CFUNC(array_reverse), KR_METH_NOARGS, "Reverse the order of the items in the array."},
    {"tofile", KR_CFUNC(array_tofile), KR_METH_O, "Write all items (as machine values) to the file object f."},
    {"tolist", KR_CFUNC(array_tolist), KR_METH_NOARGS, "Convert array to an ordinary list with the same items."},
    {"tobytes", KR_CFUNC(array_tobytes), KR_METH_NOARGS, "Convert the array to an array of machine values and return the bytes representation."},
    {"tounicode", KR_CFUNC(array_tounicode), KR_METH_NOARGS, "Extends this array with data from the unicode string ustr."},
    {"__sizeof__", KR_CFUNC(array_sizeof), KR_METH_NOARGS, "Size of the array in memory, in bytes."},
    {NULL},
};

static const KrGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL},
};

KrTypeObject KrArray_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "array.array",
    .tp_basicsize = sizeof(ArrayObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\n"
              "Return a new array whose items are restricted by typecode, and\n"
              "initialized from the optional initializer value, which must be a list,\n"
              "string or iterable over elements of the appropriate type.\n\n"
              "Arrays represent basic values and behave very much like lists, except\n"
              "the type of objects stored in them is constrained. The type is specified\n"
              "at object creation time by using a type code, which is a single character.",
    .tp_new = array_new,
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_hash = array_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_richcompare = array_richcompare,
    .tp_iter = array_iter,
    .mp_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
    .sq_contains = array_contains,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
};

// _array_reconstructor(arraytype, typecode, mformat_code, items): the
// inverse of __reduce_ex__ (protocol 3+).
static KrObject *array_reconstructor(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "_array_reconstructor", nargs, 4, 4) < 0) return NULL;
    if (!kr_check_flag(args[0], KR_TPFLAGS_TYPE_SUBCLASS) || !krType_is_subtype((KrTypeObject *)args[0], &KrArray_Type))
        return krErr_format(ts, &KrExc_TypeError, "first argument must be a type object, not %s", krArg_type_name(args[0]));
    uint32_t c = typecode_char(ts, "_array_reconstructor", 2, args[1]);
    if (c == (uint32_t)-1) return NULL;
    const TypeDesc *desc = find_desc(ts, c, "second argument must be a valid type code");
    if (!desc) return NULL;
    KrSsize code = krNum_as_ssize(ts, args[2], &KrExc_OverflowError);
    if (code == -1 && krErr_occurred(ts)) return NULL;
    if (code < 0 || code > MF_MAX)
        return krErr_format(ts, &KrExc_ValueError, "third argument must be a valid machine format code.");
    if (!krBytes_check(args[3]))
        return krErr_format(ts, &KrExc_TypeError, "fourth argument should be bytes, not %s", krArg_type_name(args[3]));
    if (code != mformat_of(desc)) {
        // A pickle from a machine with another layout: decode each item.
        return krErr_format(ts, &KrExc_ValueError, "array of machine format code %zd is not supported", code);
    }
    ArrayObject *a = new_array(ts, (KrTypeObject *)args[0], desc, 0);
    if (!a) return NULL;
    if (append_bytes(ts, a, krBytes_data(args[3]), krBytes_size(args[3])) < 0) {
        kr_decref((KrObject *)a);
        return NULL;
    }
    return (KrObject *)a;
}

static const KrMethodDef array_module_methods[] = {
    {"_array_reconstructor", KR_CFUNC(array_reconstructor), KR_METH_FAST, "Internal. Used for pickling support."},
    {NULL},
};

static int array_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_type(ts, m, &KrArray_Type) < 0) return -1;
    if (krModule_add_object(ts, m, "ArrayType", (KrObject *)&KrArray_Type) < 0) return -1;
    if (krModule_add_string(ts, m, "typecodes", "bBuhHiIlLqQfd") < 0) return -1;
    // Let bytes(), bytearray() and friends read arrays.
    if (kr_bytes_buffer_hook != array_buffer_hook) {
        next_buffer_hook = kr_bytes_buffer_hook;
        kr_bytes_buffer_hook = array_buffer_hook;
    }
    return 0;
}

const KrModuleDef kr_array_module_def = {
    .name = "array",
    .doc = "This module defines an object type which can efficiently represent\n"
           "an array of basic values: characters, integers, floating point\n"
           "numbers.  Arrays are sequence types and behave very much like lists,\n"
           "except that the type of objects stored in them is constrained.\n",
    .methods = array_module_methods,
    .exec = array_exec,
};
