/*
 * bytes.c — the bytes type: construction (bytes(), from ints, iterables,
 * str + encoding, buffers, __bytes__), repr, hashing (SipHash-1-3 over the
 * bytes, as CPython), comparison, indexing and slicing, `+ * in`, iteration,
 * and the byte builder used by codecs and bytes methods.
 *
 * Data is inline and NUL-terminated.  The empty bytes object and the 256
 * one-byte objects are immortal singletons.
 *
 * Related: bytearray.c, bytes_methods.c (methods shared with bytearray).
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/bytes_private.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

typedef struct {
    KrBytesObject b;
    char buf[2];
} KrSmallBytes;

#define SMALL_BYTES(n, c) {.b = {.ob_base = KR_STATIC_VAR_HEAD(&KrBytes_Type, n), .hash = -1}, .buf = {(char)(c), 0}}
#define B1(c) SMALL_BYTES(1, c)
#define B8(c) B1(c), B1(c + 1), B1(c + 2), B1(c + 3), B1(c + 4), B1(c + 5), B1(c + 6), B1(c + 7)
#define B32(c) B8(c), B8(c + 8), B8(c + 16), B8(c + 24)
static KrSmallBytes empty_bytes = SMALL_BYTES(0, 0);
static KrSmallBytes byte_chars[256] = {B32(0), B32(32), B32(64), B32(96), B32(128), B32(160), B32(192), B32(224)};

// ---------------------------------------------------------------------------
// Byte builder

void krBB_init(KrByteBuilder *bb) {
    bb->buf = bb->inline_buf;
    bb->size = 0;
    bb->capacity = (KrSsize)sizeof bb->inline_buf;
}

int krBB_reserve(KrThreadState *ts, KrByteBuilder *bb, KrSsize extra) {
    if (extra <= bb->capacity - bb->size) return 0;
    if (extra > KR_STR_MAX_SIZE - bb->size) {
        krErr_no_memory(ts);
        return -1;
    }
    KrSsize cap = bb->capacity * 2;
    if (cap < bb->size + extra) cap = bb->size + extra;
    char *nb;
    if (bb->buf == bb->inline_buf) {
        nb = krMem_malloc((size_t)cap);
        if (nb) memcpy(nb, bb->buf, (size_t)bb->size);
    } else {
        nb = krMem_realloc(bb->buf, (size_t)cap);
    }
    if (!nb) {
        krErr_no_memory(ts);
        return -1;
    }
    bb->buf = nb;
    bb->capacity = cap;
    return 0;
}

int krBB_append(KrThreadState *ts, KrByteBuilder *bb, const void *s, KrSsize n) {
    if (krBB_reserve(ts, bb, n) < 0) return -1;
    memcpy(bb->buf + bb->size, s, (size_t)n);
    bb->size += n;
    return 0;
}

KrObject *krBB_finish(KrThreadState *ts, KrByteBuilder *bb, bool bytearray) {
    KrObject *r = bytearray ? krByteArray_from_data(ts, bb->buf, bb->size) : krBytes_from_data(ts, bb->buf, bb->size);
    krBB_discard(bb);
    return r;
}

void krBB_discard(KrByteBuilder *bb) {
    if (bb->buf != bb->inline_buf) krMem_free(bb->buf);
    krBB_init(bb);
}

// ---------------------------------------------------------------------------
// Construction

KrObject *krBytes_alloc(KrThreadState *ts, KrSsize size) {
    if (size < 0 || size > KR_STR_MAX_SIZE) return krErr_no_memory(ts);
    KrBytesObject *b = (KrBytesObject *)krObj_alloc(ts, &KrBytes_Type, size + 1);
    if (!b) return NULL;
    b->ob_base.ob_size = size;
    b->hash = -1;
    b->data[size] = 0;
    return (KrObject *)b;
}

KrObject *krBytes_from_data(KrThreadState *ts, const char *data, KrSsize size) {
    if (data && size == 0) return (KrObject *)&empty_bytes;
    if (data && size == 1) return (KrObject *)&byte_chars[(unsigned char)data[0]];
    KrObject *b = krBytes_alloc(ts, size);
    if (b && data) memcpy(krBytes_data(b), data, (size_t)size);
    return b;
}

int krBytes_as_buffer(KrThreadState *ts, KrObject *o, const char **data, KrSsize *size) {
    if (krBytes_check(o)) {
        *data = krBytes_data(o);
        *size = krBytes_size(o);
        return 0;
    }
    if (krByteArray_check(o)) {
        *data = ((KrByteArrayObject *)o)->data;
        *size = KR_SIZE(o);
        return 0;
    }
    if (kr_bytes_buffer_hook && kr_bytes_buffer_hook(o, data, size)) return 0;
    krErr_format(ts, &KrExc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

bool (*kr_bytes_buffer_hook)(KrObject *o, const char **data, KrSsize *size);

bool krBytes_has_buffer(KrObject *o) {
    const char *d;
    KrSsize n;
    return krBytes_check(o) || krByteArray_check(o) || (kr_bytes_buffer_hook && kr_bytes_buffer_hook(o, &d, &n));
}

// A byte value 0..255 from an int-like; -1 with ValueError/TypeError.
int krBytes_byte_value(KrThreadState *ts, KrObject *o) {
    if (!krNum_is_index(o)) {
        krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    KrSsize v = krNum_as_ssize(ts, o, NULL);
    if (v == -1 && krErr_occurred(ts)) return -1;
    if (v < 0 || v > 255) {
        krErr_set_string(ts, &KrExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

// Collects the bytes of an iterable of ints into `bb`.  0 or -1.
int krBytes_from_iterable(KrThreadState *ts, KrByteBuilder *bb, KrObject *o, bool plural_msg) {
    KrObject *it = krObj_get_iter(ts, o);
    if (!it) return -1;
    KrObject *x;
    while ((x = krIter_next(ts, it))) {
        int v = krBytes_byte_value(ts, x);
        kr_decref(x);
        if (v < 0) {
            if (plural_msg && krErr_matches(ts, &KrExc_ValueError)) {
                krErr_clear(ts);
                krErr_set_string(ts, &KrExc_ValueError, "bytes must be in range(0, 256)");
            }
            kr_decref(it);
            return -1;
        }
        if (krBB_append_byte(ts, bb, v) < 0) {
            kr_decref(it);
            return -1;
        }
    }
    kr_decref(it);
    return krErr_occurred(ts) ? -1 : 0;
}

// The common body of bytes(x, encoding, errors) and bytearray(...): fills bb.
int krBytes_init_from_args(KrThreadState *ts, KrByteBuilder *bb, KrObject *x, KrObject *enc, KrObject *errs,
                           const char *tname) {
    if (enc || errs) {
        if (enc && !krStr_check(enc)) {
            krErr_format(ts, &KrExc_TypeError, "%s() argument 'encoding' must be str, not %s", tname,
                         krArg_type_name(enc));
            return -1;
        }
        if (errs && !krStr_check(errs)) {
            krErr_format(ts, &KrExc_TypeError, "%s() argument 'errors' must be str, not %s", tname,
                         krArg_type_name(errs));
            return -1;
        }
        if (!x || !krStr_check(x)) {
            krErr_set_string(ts, &KrExc_TypeError, enc ? "encoding without a string argument"
                                                       : "errors without a string argument");
            return -1;
        }
        // errors= alone does not make a str acceptable: an encoding is required.
        if (!enc) {
            krErr_set_string(ts, &KrExc_TypeError, "string argument without an encoding");
            return -1;
        }
        KrObject *b = krStr_encode(ts, x, enc ? krStr_utf8(enc) : NULL, errs ? krStr_utf8(errs) : NULL);
        if (!b) return -1;
        int r = krBB_append(ts, bb, krBytes_data(b), krBytes_size(b));
        kr_decref(b);
        return r;
    }
    if (!x) return 0;
    if (krStr_check(x)) {
        krErr_set_string(ts, &KrExc_TypeError, "string argument without an encoding");
        return -1;
    }
    const char *d;
    KrSsize n;
    if (krBytes_has_buffer(x)) {
        if (krBytes_as_buffer(ts, x, &d, &n) < 0) return -1;
        return krBB_append(ts, bb, d, n);
    }
    if (krNum_is_index(x)) {
        KrSsize count = krNum_as_ssize(ts, x, &KrExc_OverflowError);
        if (count == -1 && krErr_occurred(ts)) return -1;
        if (count < 0) {
            krErr_set_string(ts, &KrExc_ValueError, "negative count");
            return -1;
        }
        if (krBB_reserve(ts, bb, count) < 0) return -1;
        memset(bb->buf + bb->size, 0, (size_t)count);
        bb->size += count;
        return 0;
    }
    KrTypeObject *t = KR_TYPE(x);
    if (!t->tp_iter && !krType_lookup(t, KR_ID(__getitem__))) {
        krErr_format(ts, &KrExc_TypeError, "cannot convert '%T' object to %s", x, tname);
        return -1;
    }
    return krBytes_from_iterable(ts, bb, x, strcmp(tname, "bytes") == 0);
}

static KrObject *bytes_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    KrObject *a[3];
    if (krArg_parse(ts, "bytes", args, nargs, kwnames, names, 3, 0, 3, 0, a) < 0) return NULL;
    KrObject *r = NULL;
    if (a[0] && !a[1] && !a[2] && !krStr_check(a[0])) {
        // __bytes__ takes precedence over the buffer and iterable paths.
        int found = 0;
        r = krObj_call_special(ts, a[0], KR_ID(__bytes__), NULL, 0, &found);
        if (found) {
            if (!r) return NULL;
            if (!krBytes_check(r)) {
                krErr_format(ts, &KrExc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
                kr_decref(r);
                return NULL;
            }
        } else if (krErr_occurred(ts)) {
            return NULL;
        }
    }
    if (!r) {
        if (a[0] && krBytes_check(a[0]) && KR_TYPE(a[0]) == &KrBytes_Type && !a[1] && !a[2]) {
            r = kr_newref(a[0]);
        } else {
            KrByteBuilder bb;
            krBB_init(&bb);
            if (krBytes_init_from_args(ts, &bb, a[0], a[1], a[2], "bytes") < 0) {
                krBB_discard(&bb);
                return NULL;
            }
            r = krBB_finish(ts, &bb, false);
            if (!r) return NULL;
        }
    }
    if (type == &KrBytes_Type) {
        if (KR_TYPE(r) == &KrBytes_Type) return r;
        KrObject *exact = krBytes_from_data(ts, krBytes_data(r), krBytes_size(r));
        kr_decref(r);
        return exact;
    }
    KrSsize n = krBytes_size(r);
    KrBytesObject *sub = (KrBytesObject *)krType_generic_alloc(ts, type, n + 1);
    if (sub) {
        sub->ob_base.ob_size = n;
        sub->hash = -1;
        memcpy(sub->data, krBytes_data(r), (size_t)n + 1);
    }
    kr_decref(r);
    return (KrObject *)sub;
}

static void bytes_dealloc(KrObject *o) { krObj_free(o); }

// ---------------------------------------------------------------------------
// repr

KrObject *krBytes_repr_data(KrThreadState *ts, const char *d, KrSsize n, const char *prefix, const char *suffix) {
    bool squote = memchr(d, '\'', (size_t)n) != NULL, dquote = memchr(d, '"', (size_t)n) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(ts, &sb, prefix) < 0 || krSB_append_char(ts, &sb, 'b') < 0 ||
        krSB_append_char(ts, &sb, (uint32_t)quote) < 0)
        goto fail;
    static const char hex[] = "0123456789abcdef";
    for (KrSsize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        char buf[4];
        int k = 0;
        if (c == (unsigned char)quote || c == '\\') {
            buf[k++] = '\\';
            buf[k++] = (char)c;
        } else if (c == '\t') {
            buf[k++] = '\\';
            buf[k++] = 't';
        } else if (c == '\n') {
            buf[k++] = '\\';
            buf[k++] = 'n';
        } else if (c == '\r') {
            buf[k++] = '\\';
            buf[k++] = 'r';
        } else if (c < 0x20 || c >= 0x7F) {
            buf[k++] = '\\';
            buf[k++] = 'x';
            buf[k++] = hex[c >> 4];
            buf[k++] = hex[c & 15];
        } else {
            buf[k++] = (char)c;
        }
        if (krSB_append_ascii(ts, &sb, buf, k) < 0) goto fail;
    }
    if (krSB_append_char(ts, &sb, (uint32_t)quote) < 0 || krSB_append_cstr(ts, &sb, suffix) < 0) goto fail;
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

KrObject *krBytes_repr(KrThreadState *ts, KrObject *b) {
    return krBytes_repr_data(ts, krBytes_data(b), krBytes_size(b), "", "");
}

static KrObject *bytes_repr_slot(KrThreadState *ts, KrObject *self) { return krBytes_repr(ts, self); }

static KrObject *bytes_str_slot(KrThreadState *ts, KrObject *self) { return krBytes_repr(ts, self); }

// ---------------------------------------------------------------------------
// Hash, comparison, sequence protocol

static KrHash bytes_hash(KrThreadState *ts, KrObject *self) {
    KrBytesObject *b = (KrBytesObject *)self;
    if (b->hash == -1) b->hash = krHash_bytes(b->data, KR_SIZE(self));
    return b->hash;
}

KrObject *krBytes_richcompare_data(const char *a, KrSsize na, const char *b, KrSsize nb, int op) {
    if ((op == KR_EQ || op == KR_NE) && na != nb) return kr_bool(op == KR_NE);
    int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
    if (c == 0) c = na < nb ? -1 : na > nb;
    bool r;
    switch (op) {
    case KR_LT: r = c < 0; break;
    case KR_LE: r = c <= 0; break;
    case KR_EQ: r = c == 0; break;
    case KR_NE: r = c != 0; break;
    case KR_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return kr_bool(r);
}

KrObject *krBytes_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krBytes_has_buffer(a) || !krBytes_has_buffer(b) || krStr_check(a) || krStr_check(b)) return KR_NOTIMPLEMENTED;
    const char *da, *db;
    KrSsize na, nb;
    if (krBytes_as_buffer(ts, a, &da, &na) < 0 || krBytes_as_buffer(ts, b, &db, &nb) < 0) return NULL;
    return krBytes_richcompare_data(da, na, db, nb, op);
}

static KrSsize bytes_length(KrThreadState *ts, KrObject *self) { return krBytes_size(self); }

int krBytes_contains_data(KrThreadState *ts, const char *d, KrSsize n, KrObject *key) {
    if (krNum_is_index(key)) {
        int v = krBytes_byte_value(ts, key);
        if (v < 0) return -1;
        return memchr(d, v, (size_t)n) != NULL;
    }
    const char *kd;
    KrSsize kn;
    if (krBytes_as_buffer(ts, key, &kd, &kn) < 0) return -1;
    return krStr_find_bytes(d, n, kd, kn) >= 0;
}

static int bytes_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    return krBytes_contains_data(ts, krBytes_data(self), krBytes_size(self), key);
}

static KrObject *bytes_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    const char *db;
    KrSsize nb;
    if (!krBytes_has_buffer(b))
        return krErr_format(ts, &KrExc_TypeError, "can't concat %T to %T", b, a);
    if (krBytes_as_buffer(ts, b, &db, &nb) < 0) return NULL;
    KrSsize na = krBytes_size(a);
    if (nb == 0 && KR_TYPE(a) == &KrBytes_Type) return kr_newref(a);
    if (na > KR_STR_MAX_SIZE - nb) return krErr_no_memory(ts);
    KrObject *r = krBytes_alloc(ts, na + nb);
    if (!r) return NULL;
    memcpy(krBytes_data(r), krBytes_data(a), (size_t)na);
    memcpy(krBytes_data(r) + na, db, (size_t)nb);
    return r;
}

// Fills dst with n copies of src (size k), doubling.
void krBytes_fill_repeat(char *dst, const char *src, KrSsize k, KrSsize n) {
    KrSsize total = k * n;
    if (k == 1) {
        memset(dst, src[0], (size_t)total);
        return;
    }
    memcpy(dst, src, (size_t)k);
    KrSsize done = k;
    while (done < total) {
        KrSsize c = done < total - done ? done : total - done;
        memcpy(dst + done, dst, (size_t)c);
        done += c;
    }
}

static KrObject *bytes_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize k = krBytes_size(self);
    if (n <= 0 || k == 0) return krBytes_from_data(ts, "", 0);
    if (n == 1 && KR_TYPE(self) == &KrBytes_Type) return kr_newref(self);
    if (k > KR_SSIZE_MAX / n) return krErr_no_memory(ts);
    KrObject *r = krBytes_alloc(ts, k * n);
    if (!r) return NULL;
    krBytes_fill_repeat(krBytes_data(r), krBytes_data(self), k, n);
    return r;
}

// Slice of byte data with any step, as bytes or bytearray.
KrObject *krBytes_slice_data(KrThreadState *ts, const char *d, KrSsize start, KrSsize step, KrSsize count,
                             bool bytearray) {
    if (step == 1) return bytearray ? krByteArray_from_data(ts, d + start, count) : krBytes_from_data(ts, d + start, count);
    KrObject *r = bytearray ? krByteArray_from_data(ts, NULL, count) : krBytes_alloc(ts, count);
    if (!r) return NULL;
    char *o = bytearray ? ((KrByteArrayObject *)r)->data : krBytes_data(r);
    for (KrSsize k = 0, i = start; k < count; k++, i += step) o[k] = d[i];
    return r;
}

static KrObject *bytes_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    const char *d = krBytes_data(self);
    KrSsize n = krBytes_size(self);
    if (krSlice_check(key)) {
        KrSsize start, stop, step;
        if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
        KrSsize count = krSlice_adjust_indices(n, &start, &stop, step);
        if (count <= 0) return krBytes_from_data(ts, "", 0);
        if (step == 1 && count == n && KR_TYPE(self) == &KrBytes_Type) return kr_newref(self);
        return krBytes_slice_data(ts, d, start, step, count, false);
    }
    if (!krNum_is_index(key))
        return krErr_format(ts, &KrExc_TypeError, "byte indices must be integers or slices, not %T", key);
    KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
    if (i == -1 && krErr_occurred(ts)) return NULL;
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        krErr_set_string(ts, &KrExc_IndexError, "index out of range");
        return NULL;
    }
    return kr_smallint((unsigned char)d[i]);
}

static KrObject *bytes_remainder(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krBytes_check(a)) return KR_NOTIMPLEMENTED;
    return krBytes_percent_format(ts, krBytes_data(a), krBytes_size(a), b, false);
}

// ---------------------------------------------------------------------------
// Iterator (shared with bytearray: it re-reads the object each step)

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *seq;           // strong; NULL when exhausted
    KrSsize index;
} KrBytesIterObject;

KrObject *krBytes_iter_new(KrThreadState *ts, KrObject *seq, KrTypeObject *type) {
    KrBytesIterObject *it = (KrBytesIterObject *)krObj_alloc(ts, type, 0);
    if (!it) return NULL;
    it->seq = kr_newref(seq);
    it->index = 0;
    return (KrObject *)it;
}

static KrObject *bytes_iter(KrThreadState *ts, KrObject *self) { return krBytes_iter_new(ts, self, &KrBytesIter_Type); }

static void bytesiter_dealloc(KrObject *o) {
    KR_CLEAR(((KrBytesIterObject *)o)->seq);
    krObj_free(o);
}

static KrObject *bytesiter_next(KrThreadState *ts, KrObject *o) {
    KrBytesIterObject *it = (KrBytesIterObject *)o;
    if (!it->seq) return NULL;
    const char *d;
    KrSsize n;
    if (krBytes_as_buffer(ts, it->seq, &d, &n) < 0) return NULL;
    if (it->index >= n) {
        KR_CLEAR(it->seq);
        return NULL;
    }
    return kr_smallint((unsigned char)d[it->index++]);
}

static KrObject *bytesiter_self(KrThreadState *ts, KrObject *o) { return kr_newref(o); }

static KrObject *bytesiter_length_hint(KrThreadState *ts, KrObject *o) {
    KrBytesIterObject *it = (KrBytesIterObject *)o;
    if (!it->seq) return kr_smallint(0);
    const char *d;
    KrSsize n;
    if (krBytes_as_buffer(ts, it->seq, &d, &n) < 0) return NULL;
    return kr_smallint(n > it->index ? n - it->index : 0);
}

static const KrMethodDef bytesiter_methods[] = {
    {"__length_hint__", KR_CFUNC(bytesiter_length_hint), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define BYTESITER_SLOTS                                 \
    .tp_basicsize = sizeof(KrBytesIterObject),          \
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,      \
    .tp_dealloc = bytesiter_dealloc,                    \
    .tp_getattro = krObj_generic_getattr,               \
    .tp_iter = bytesiter_self,                          \
    .tp_iternext = bytesiter_next,                      \
    .tp_methods = bytesiter_methods

KrTypeObject KrBytesIter_Type = {KR_STATIC_HEAD(&KrType_Type), .tp_name = "bytes_iterator", BYTESITER_SLOTS};
KrTypeObject KrByteArrayIter_Type = {KR_STATIC_HEAD(&KrType_Type), .tp_name = "bytearray_iterator", BYTESITER_SLOTS};

// ---------------------------------------------------------------------------

KrObject *krBytes_getnewargs_meth(KrThreadState *ts, KrObject *self) {
    KrObject *copy = krBytes_from_data(ts, krBytes_data(self), krBytes_size(self));
    if (!copy) return NULL;
    KrObject *items[1] = {copy};
    return krTuple_from_array_steal(ts, items, 1);
}

KrObject *krBytes_bytes_meth(KrThreadState *ts, KrObject *self) {
    if (KR_TYPE(self) == &KrBytes_Type) return kr_newref(self);
    return krBytes_from_data(ts, krBytes_data(self), krBytes_size(self));
}

KrTypeObject KrBytes_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "bytes",
    .tp_basicsize = (KrSsize)offsetof(KrBytesObject, data),
    .tp_itemsize = 1,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_new = bytes_new,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr_slot,
    .tp_str = bytes_str_slot,
    .tp_hash = bytes_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = krBytes_richcompare,
    .tp_iter = bytes_iter,
    .nb_remainder = bytes_remainder,
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
    .sq_contains = bytes_contains,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .tp_methods = kr_bytes_methods,
};
