/*
 * bytearray.c — the mutable byte sequence: construction, repr, comparison,
 * indexing, slice assignment and deletion (any step), `+ += * *= in`,
 * iteration, and the mutating methods (append, extend, pop, insert, remove,
 * reverse, clear, copy).  The non-mutating methods are shared with bytes
 * (bytes_methods.c).
 *
 * The buffer is heap allocated, over-allocated on growth and always
 * NUL-terminated; `exports` counts live memoryviews, which forbid resizing.
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/bytes_private.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/error.h"

#define BA(o) ((KrByteArrayObject *)(o))

static int ba_resize(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrByteArrayObject *b = BA(self);
    if (n != KR_SIZE(self) && b->exports > 0) {
        krErr_set_string(ts, &KrExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (n < 0 || n > KR_STR_MAX_SIZE) {
        krErr_no_memory(ts);
        return -1;
    }
    if (n + 1 > b->allocated || n + 1 < b->allocated / 4) {
        KrSsize cap = n + 1;
        if (n + 1 > b->allocated) cap += n / 8 + 8;
        char *d = krMem_realloc(b->data, (size_t)cap);
        if (!d) {
            krErr_no_memory(ts);
            return -1;
        }
        b->data = d;
        b->allocated = cap;
    }
    b->ob_base.ob_size = n;
    b->data[n] = 0;
    return 0;
}

static KrObject *ba_alloc(KrThreadState *ts, KrTypeObject *type) {
    KrObject *o = type == &KrByteArray_Type ? krObj_alloc(ts, type, 0) : krType_generic_alloc(ts, type, 0);
    if (!o) return NULL;
    KrByteArrayObject *b = BA(o);
    b->data = krMem_malloc(1);
    if (!b->data) {
        kr_decref(o);
        return krErr_no_memory(ts);
    }
    b->data[0] = 0;
    b->allocated = 1;
    b->ob_base.ob_size = 0;
    b->exports = 0;
    return o;
}

KrObject *krByteArray_from_data(KrThreadState *ts, const char *data, KrSsize size) {
    KrObject *o = ba_alloc(ts, &KrByteArray_Type);
    if (!o) return NULL;
    if (ba_resize(ts, o, size) < 0) {
        kr_decref(o);
        return NULL;
    }
    if (data) memcpy(BA(o)->data, data, (size_t)size);
    else memset(BA(o)->data, 0, (size_t)size);
    return o;
}

static KrObject *ba_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    return ba_alloc(ts, type);
}

static int ba_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    KrObject *a[3];
    if (krArg_parse(ts, "bytearray", args, nargs, kwnames, names, 3, 0, 3, 0, a) < 0) return -1;
    KrByteBuilder bb;
    krBB_init(&bb);
    if (krBytes_init_from_args(ts, &bb, a[0], a[1], a[2], "bytearray") < 0 || ba_resize(ts, self, bb.size) < 0) {
        krBB_discard(&bb);
        return -1;
    }
    memcpy(BA(self)->data, bb.buf, (size_t)bb.size);
    krBB_discard(&bb);
    return 0;
}

static void ba_dealloc(KrObject *o) {
    krMem_free(BA(o)->data);
    krObj_free(o);
}

static KrObject *ba_repr(KrThreadState *ts, KrObject *self) {
    const char *name = krType_name(KR_TYPE(self));
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(ts, &sb, name) < 0) return NULL;
    KrObject *prefix = krSB_finish(ts, &sb);
    if (!prefix) return NULL;
    KrObject *inner = krBytes_repr_data(ts, BA(self)->data, KR_SIZE(self), "", "");
    KrObject *r = inner ? krStr_from_format(ts, "%U(%U)", prefix, inner) : NULL;
    kr_xdecref(inner);
    kr_decref(prefix);
    return r;
}

static KrSsize ba_length(KrThreadState *ts, KrObject *self) { return KR_SIZE(self); }

static int ba_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    return krBytes_contains_data(ts, BA(self)->data, KR_SIZE(self), key);
}

static KrObject *ba_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    const char *db;
    KrSsize nb;
    if (!krBytes_has_buffer(b)) return krErr_format(ts, &KrExc_TypeError, "can't concat %T to %T", b, a);
    if (krBytes_as_buffer(ts, b, &db, &nb) < 0) return NULL;
    KrSsize na = KR_SIZE(a);
    if (na > KR_STR_MAX_SIZE - nb) return krErr_no_memory(ts);
    KrObject *r = krByteArray_from_data(ts, NULL, na + nb);
    if (!r) return NULL;
    memcpy(BA(r)->data, BA(a)->data, (size_t)na);
    memcpy(BA(r)->data + na, db, (size_t)nb);
    return r;
}

static KrObject *ba_inplace_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    const char *db;
    KrSsize nb;
    if (!krBytes_has_buffer(b)) return krErr_format(ts, &KrExc_TypeError, "can't concat %T to %T", b, a);
    if (krBytes_as_buffer(ts, b, &db, &nb) < 0) return NULL;
    KrSsize na = KR_SIZE(a);
    if (na > KR_STR_MAX_SIZE - nb) return krErr_no_memory(ts);
    if (b == a) {
        if (ba_resize(ts, a, na * 2) < 0) return NULL;
        memcpy(BA(a)->data + na, BA(a)->data, (size_t)na);
    } else {
        if (ba_resize(ts, a, na + nb) < 0) return NULL;
        memcpy(BA(a)->data + na, db, (size_t)nb);
    }
    return kr_newref(a);
}

static KrObject *ba_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize k = KR_SIZE(self);
    if (n < 0) n = 0;
    if (k && n > KR_SSIZE_MAX / k) return krErr_no_memory(ts);
    KrObject *r = krByteArray_from_data(ts, NULL, k * n);
    if (r && k && n) krBytes_fill_repeat(BA(r)->data, BA(self)->data, k, n);
    return r;
}

static KrObject *ba_inplace_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize k = KR_SIZE(self);
    if (n < 0) n = 0;
    if (k && n > KR_SSIZE_MAX / k) return krErr_no_memory(ts);
    if (ba_resize(ts, self, k * n) < 0) return NULL;
    if (k && n > 1) krBytes_fill_repeat(BA(self)->data, BA(self)->data, k, n);
    return kr_newref(self);
}

static KrObject *ba_remainder(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krByteArray_check(a)) return KR_NOTIMPLEMENTED;
    return krBytes_percent_format(ts, BA(a)->data, KR_SIZE(a), b, true);
}

static KrObject *ba_iter(KrThreadState *ts, KrObject *self) {
    return krBytes_iter_new(ts, self, &KrByteArrayIter_Type);
}

// ---------------------------------------------------------------------------
// Indexing and assignment

static int ba_index(KrThreadState *ts, KrObject *self, KrObject *key, KrSsize *out) {
    KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
    if (i == -1 && krErr_occurred(ts)) return -1;
    if (i < 0) i += KR_SIZE(self);
    if (i < 0 || i >= KR_SIZE(self)) {
        krErr_set_string(ts, &KrExc_IndexError, "bytearray index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static KrObject *ba_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (krSlice_check(key)) {
        KrSsize start, stop, step;
        if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
        KrSsize count = krSlice_adjust_indices(KR_SIZE(self), &start, &stop, step);
        if (count <= 0) return krByteArray_from_data(ts, "", 0);
        return krBytes_slice_data(ts, BA(self)->data, start, step, count, true);
    }
    if (!krNum_is_index(key))
        return krErr_format(ts, &KrExc_TypeError, "bytearray indices must be integers or slices, not %T", key);
    KrSsize i;
    if (ba_index(ts, self, key, &i) < 0) return NULL;
    return kr_smallint((unsigned char)BA(self)->data[i]);
}

// Replaces bytes [lo, hi) by `n` bytes from `src`.
static int ba_splice(KrThreadState *ts, KrObject *self, KrSsize lo, KrSsize hi, const char *src, KrSsize n) {
    KrSsize size = KR_SIZE(self), growth = n - (hi - lo);
    if (growth > 0) {
        if (ba_resize(ts, self, size + growth) < 0) return -1;
        char *d = BA(self)->data;
        memmove(d + hi + growth, d + hi, (size_t)(size - hi));
    } else if (growth < 0) {
        char *d = BA(self)->data;
        memmove(d + hi + growth, d + hi, (size_t)(size - hi));
        if (ba_resize(ts, self, size + growth) < 0) {
            // Shrinking only fails with live exports; undo the move.
            memmove(d + hi, d + hi + growth, (size_t)(size - hi));
            return -1;
        }
    }
    if (n) memcpy(BA(self)->data + lo, src, (size_t)n);
    return 0;
}

static int ba_del_extended(KrThreadState *ts, KrObject *self, KrSsize start, KrSsize step, KrSsize count) {
    if (step < 0) {
        start += step * (count - 1);
        step = -step;
    }
    char *d = BA(self)->data;
    KrSsize size = KR_SIZE(self), w = start;
    for (KrSsize r = start; r < size; r++) {
        if (r >= start && (r - start) % step == 0 && (r - start) / step < count) continue;
        d[w++] = d[r];
    }
    return ba_resize(ts, self, size - count);
}

// The bytes to assign from `value` (bytes-like or iterable of ints) into bb.
static int assign_source(KrThreadState *ts, KrObject *value, KrByteBuilder *bb) {
    if (krBytes_has_buffer(value)) {
        const char *d;
        KrSsize n;
        if (krBytes_as_buffer(ts, value, &d, &n) < 0) return -1;
        return krBB_append(ts, bb, d, n);
    }
    if (krNum_is_index(value) || krStr_check(value) || !KR_TYPE(value)->tp_iter) {
        krErr_set_string(ts, &KrExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    }
    return krBytes_from_iterable(ts, bb, value, false);
}

static int ba_ass_slice(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    KrSsize start, stop, step;
    if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
    KrSsize count = krSlice_adjust_indices(KR_SIZE(self), &start, &stop, step);
    if (!value) {
        if (count <= 0) return 0;
        if (step == 1) return ba_splice(ts, self, start, stop, NULL, 0);
        return ba_del_extended(ts, self, start, step, count);
    }
    KrByteBuilder bb;
    krBB_init(&bb);
    if (assign_source(ts, value, &bb) < 0) goto fail;
    if (step == 1) {
        if (stop < start) stop = start;
        if (ba_splice(ts, self, start, stop, bb.buf, bb.size) < 0) goto fail;
    } else if (bb.size == 0) {
        // CPython deletes the extended slice when given nothing to assign.
        if (count > 0 && ba_del_extended(ts, self, start, step, count) < 0) goto fail;
    } else {
        if (bb.size != count) {
            krErr_format(ts, &KrExc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                         bb.size, count);
            goto fail;
        }
        char *d = BA(self)->data;
        for (KrSsize k = 0, i = start; k < count; k++, i += step) d[i] = bb.buf[k];
    }
    krBB_discard(&bb);
    return 0;
fail:
    krBB_discard(&bb);
    return -1;
}

static int ba_ass_subscript(KrThreadState *ts, KrObject *self, KrObject *key, KrObject *value) {
    if (krSlice_check(key)) return ba_ass_slice(ts, self, key, value);
    if (!krNum_is_index(key)) {
        krErr_format(ts, &KrExc_TypeError, "bytearray indices must be integers or slices, not %T", key);
        return -1;
    }
    KrSsize i;
    if (ba_index(ts, self, key, &i) < 0) return -1;
    if (!value) return ba_splice(ts, self, i, i + 1, NULL, 0);
    int v = krBytes_byte_value(ts, value);
    if (v < 0) return -1;
    BA(self)->data[i] = (char)v;
    return 0;
}

// ---------------------------------------------------------------------------
// Mutating methods

KrObject *krByteArray_append_meth(KrThreadState *ts, KrObject *self, KrObject *x) {
    int v = krBytes_byte_value(ts, x);
    if (v < 0) return NULL;
    KrSsize n = KR_SIZE(self);
    if (ba_resize(ts, self, n + 1) < 0) return NULL;
    BA(self)->data[n] = (char)v;
    return kr_none();
}

KrObject *krByteArray_extend_meth(KrThreadState *ts, KrObject *self, KrObject *x) {
    KrByteBuilder bb;
    krBB_init(&bb);
    int r;
    if (krBytes_has_buffer(x)) {
        const char *d;
        KrSsize n;
        r = krBytes_as_buffer(ts, x, &d, &n) < 0 ? -1 : krBB_append(ts, &bb, d, n);
    } else if (!KR_TYPE(x)->tp_iter) {
        krErr_format(ts, &KrExc_TypeError, "can't extend bytearray with %T", x);
        r = -1;
    } else {
        r = krBytes_from_iterable(ts, &bb, x, false);
    }
    if (r == 0) r = ba_splice(ts, self, KR_SIZE(self), KR_SIZE(self), bb.buf, bb.size);
    krBB_discard(&bb);
    return r < 0 ? NULL : kr_none();
}

KrObject *krByteArray_pop_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "pop", nargs, 0, 1) < 0) return NULL;
    KrSsize n = KR_SIZE(self), i = -1;
    if (nargs) {
        if (!krNum_is_index(args[0]))
            return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        i = krNum_as_ssize(ts, args[0], &KrExc_OverflowError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
    }
    if (n == 0) {
        krErr_set_string(ts, &KrExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        krErr_set_string(ts, &KrExc_IndexError, "pop index out of range");
        return NULL;
    }
    int v = (unsigned char)BA(self)->data[i];
    if (ba_splice(ts, self, i, i + 1, NULL, 0) < 0) return NULL;
    return kr_smallint(v);
}

KrObject *krByteArray_insert_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "insert", nargs, 2, 2) < 0) return NULL;
    if (!krNum_is_index(args[0]))
        return krErr_format(ts, &KrExc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    KrSsize i = krNum_as_ssize(ts, args[0], NULL);
    if (i == -1 && krErr_occurred(ts)) return NULL;
    int v = krBytes_byte_value(ts, args[1]);
    if (v < 0) return NULL;
    KrSsize n = KR_SIZE(self);
    if (i < 0 && (i += n) < 0) i = 0;
    if (i > n) i = n;
    char c = (char)v;
    return ba_splice(ts, self, i, i, &c, 1) < 0 ? NULL : kr_none();
}

KrObject *krByteArray_remove_meth(KrThreadState *ts, KrObject *self, KrObject *x) {
    int v = krBytes_byte_value(ts, x);
    if (v < 0) return NULL;
    char *p = memchr(BA(self)->data, v, (size_t)KR_SIZE(self));
    if (!p) {
        krErr_set_string(ts, &KrExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    KrSsize i = p - BA(self)->data;
    return ba_splice(ts, self, i, i + 1, NULL, 0) < 0 ? NULL : kr_none();
}

KrObject *krByteArray_reverse_meth(KrThreadState *ts, KrObject *self) {
    char *d = BA(self)->data;
    for (KrSsize i = 0, j = KR_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    return kr_none();
}

KrObject *krByteArray_clear_meth(KrThreadState *ts, KrObject *self) {
    return ba_resize(ts, self, 0) < 0 ? NULL : kr_none();
}

KrObject *krByteArray_copy_meth(KrThreadState *ts, KrObject *self) {
    return krByteArray_from_data(ts, BA(self)->data, KR_SIZE(self));
}

KrObject *krByteArray___alloc___meth(KrThreadState *ts, KrObject *self) {
    return krInt_from_ssize(ts, BA(self)->allocated);
}

KrTypeObject KrByteArray_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(KrByteArrayObject),
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array",
    .tp_new = ba_new,
    .tp_init = ba_init,
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_str = ba_repr,
    .tp_hash = krObj_hash_not_implemented,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = krBytes_richcompare,
    .tp_iter = ba_iter,
    .nb_remainder = ba_remainder,
    .mp_length = ba_length,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
    .sq_contains = ba_contains,
    .sq_concat = ba_concat,
    .sq_repeat = ba_repeat,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
    .tp_methods = kr_bytearray_methods,
};
