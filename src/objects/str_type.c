/*
 * str_type.c — the str type object and its slots: construction (str(),
 * subclasses), repr and ascii escaping, comparison, indexing and slicing,
 * `+`, `*`, `in`, `%`, and the str iterator.
 *
 * Related: str.c (representation, hashing, builder), str_methods.c (the
 * methods table), str_format.c (`%` and format()).
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/type.h"
#include "objects/unicode.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// repr() and ascii()

static const char hexdigits[] = "0123456789abcdef";

// Appends \xhh, \uhhhh or \Uhhhhhhhh for `c`.
static int append_hex_escape(KrThreadState *ts, KrStrBuilder *sb, uint32_t c) {
    char buf[10];
    int n;
    buf[0] = '\\';
    if (c <= 0xFF) {
        buf[1] = 'x';
        n = 2;
    } else if (c <= 0xFFFF) {
        buf[1] = 'u';
        n = 4;
    } else {
        buf[1] = 'U';
        n = 8;
    }
    for (int i = 0; i < n; i++) buf[2 + i] = hexdigits[(c >> (4 * (n - 1 - i))) & 0xF];
    return krSB_append_ascii(ts, sb, buf, 2 + n);
}

KrObject *krStr_repr(KrThreadState *ts, KrObject *s) {
    const char *p = krStr_utf8(s), *end = p + krStr_size(s);
    bool squote = memchr(p, '\'', (size_t)(end - p)) != NULL;
    bool dquote = memchr(p, '"', (size_t)(end - p)) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_reserve(ts, &sb, krStr_size(s) + 2) < 0) return NULL;
    sb.buf[sb.size++] = quote;
    sb.length++;
    while (p < end) {
        // Copy a run of characters that need no escaping in one go.
        const char *run = p;
        while (p < end) {
            unsigned char b = (unsigned char)*p;
            if (b < 0x20 || b >= 0x7F || b == (unsigned char)quote || b == '\\') break;
            p++;
        }
        if (p > run && krSB_append_ascii(ts, &sb, run, p - run) < 0) goto fail;
        if (p >= end) break;
        const char *cstart = p;
        uint32_t c = krUtf8_decode(&p);
        int r;
        if (c == (uint32_t)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            r = krSB_append_ascii(ts, &sb, esc, 2);
        } else if (c == '\t') {
            r = krSB_append_ascii(ts, &sb, "\\t", 2);
        } else if (c == '\n') {
            r = krSB_append_ascii(ts, &sb, "\\n", 2);
        } else if (c == '\r') {
            r = krSB_append_ascii(ts, &sb, "\\r", 2);
        } else if (c < 0x20 || c == 0x7F) {
            r = append_hex_escape(ts, &sb, c);
        } else if (krUnicode_isprintable(c)) {
            r = krSB_append_known(ts, &sb, cstart, p - cstart, 1, false);
        } else {
            r = append_hex_escape(ts, &sb, c);
        }
        if (r < 0) goto fail;
    }
    if (krSB_append_char(ts, &sb, (uint32_t)quote) < 0) goto fail;
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

KrObject *krStr_ascii_escape(KrThreadState *ts, KrObject *s) {
    if (krStr_is_ascii(s)) return krStr_check_exact(s) ? kr_newref(s) : krStr_from_ascii(ts, krStr_utf8(s), krStr_size(s));
    const char *p = krStr_utf8(s), *end = p + krStr_size(s);
    KrStrBuilder sb;
    krSB_init(&sb);
    while (p < end) {
        const char *run = p;
        while (p < end && (unsigned char)*p < 0x80) p++;
        if (p > run && krSB_append_ascii(ts, &sb, run, p - run) < 0) goto fail;
        if (p < end && append_hex_escape(ts, &sb, krUtf8_decode(&p)) < 0) goto fail;
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

// ---------------------------------------------------------------------------
// Lifecycle

static void str_dealloc(KrObject *o) {
    KrStrObject *s = (KrStrObject *)o;
    if (s->index) krMem_free(s->index);
    krObj_free(o);
}

// Copies the exact str `src` into a new instance of the str subclass `type`.
static KrObject *str_subtype_copy(KrThreadState *ts, KrTypeObject *type, KrObject *src) {
    KrSsize size = krStr_size(src);
    KrStrObject *s = (KrStrObject *)krType_generic_alloc(ts, type, size + 1);
    if (!s) return NULL;
    s->length = krStr_len(src);
    s->size = size;
    s->hash = -1;
    s->flags = ((KrStrObject *)src)->flags & (KR_STR_ASCII | KR_STR_WIDTH_KNOWN);
    s->width = ((KrStrObject *)src)->width;
    s->index = NULL;
    memcpy(s->data, krStr_utf8(src), (size_t)size + 1);
    return (KrObject *)s;
}

// str(obj, encoding, errors) for bytes-like obj.
static KrObject *str_decode_arg(KrThreadState *ts, KrObject *obj, KrObject *enc, KrObject *errs) {
    const char *encoding = NULL, *errors = NULL;
    if (enc) {
        if (!krStr_check(enc))
            return krErr_format(ts, &KrExc_TypeError, "str() argument 'encoding' must be str, not %s",
                                krArg_type_name(enc));
        encoding = krStr_utf8(enc);
    }
    if (errs) {
        if (!krStr_check(errs))
            return krErr_format(ts, &KrExc_TypeError, "str() argument 'errors' must be str, not %s",
                                krArg_type_name(errs));
        errors = krStr_utf8(errs);
    }
    if (krStr_check(obj)) return krErr_format(ts, &KrExc_TypeError, "decoding str is not supported");
    const char *data;
    KrSsize size;
    if (!krBytes_check(obj) && !krByteArray_check(obj)) {
        if (krBytes_as_buffer(ts, obj, &data, &size) < 0) {
            krErr_clear(ts);
            return krErr_format(ts, &KrExc_TypeError, "decoding to str: need a bytes-like object, %T found", obj);
        }
    } else if (krBytes_as_buffer(ts, obj, &data, &size) < 0) {
        return NULL;
    }
    return krStr_decode(ts, data, size, encoding, errors);
}

static KrObject *str_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    KrObject *a[3];
    if (krArg_parse(ts, "str", args, nargs, kwnames, names, 3, 0, 3, 0, a) < 0) return NULL;
    KrObject *r;
    if (!a[0]) r = krStr_empty();
    else if (a[1] || a[2]) r = str_decode_arg(ts, a[0], a[1], a[2]);
    else r = krObj_str(ts, a[0]);
    if (!r || type == &KrStr_Type) return r;
    KrObject *sub = str_subtype_copy(ts, type, r);
    kr_decref(r);
    return sub;
}

static KrObject *str_str(KrThreadState *ts, KrObject *self) {
    if (krStr_check_exact(self)) return kr_newref(self);
    return krStr_from_utf8(ts, krStr_utf8(self), krStr_size(self));
}

static KrObject *str_repr_slot(KrThreadState *ts, KrObject *self) { return krStr_repr(ts, self); }

static KrHash str_hash_slot(KrThreadState *ts, KrObject *self) { return krStr_hash(self); }

// ---------------------------------------------------------------------------
// Comparison, length, containment, concatenation, repetition

static KrObject *str_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krStr_check(a) || !krStr_check(b)) return KR_NOTIMPLEMENTED;
    bool r;
    if (op == KR_EQ || op == KR_NE) {
        r = krStr_eq(a, b) == (op == KR_EQ);
    } else {
        int c = krStr_compare(a, b);
        r = op == KR_LT ? c < 0 : op == KR_LE ? c <= 0 : op == KR_GT ? c > 0 : c >= 0;
    }
    return kr_bool(r);
}

static KrSsize str_length(KrThreadState *ts, KrObject *self) { return krStr_len(self); }

static int str_contains(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (!krStr_check(key)) {
        krErr_format(ts, &KrExc_TypeError, "'in <string>' requires string as left operand, not %T", key);
        return -1;
    }
    KrSsize n = krStr_size(key);
    if (n == 0) return 1;
    if (n > krStr_size(self)) return 0;
    return memmem(krStr_utf8(self), (size_t)krStr_size(self), krStr_utf8(key), (size_t)n) != NULL;
}

static KrObject *str_concat_slot(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krStr_check(b))
        return krErr_format(ts, &KrExc_TypeError, "can only concatenate str (not \"%T\") to str", b);
    return krStr_concat(ts, a, b);
}

static KrObject *str_repeat(KrThreadState *ts, KrObject *self, KrSsize n) {
    KrSsize size = krStr_size(self);
    if (n <= 0 || size == 0) return krStr_empty();
    if (n == 1 && krStr_check_exact(self)) return kr_newref(self);
    if (size > KR_SSIZE_MAX / n) {
        krErr_set_string(ts, &KrExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    KrObject *r = krStr_alloc(ts, size * n, krStr_len(self) * n, krStr_is_ascii(self));
    if (!r) return NULL;
    char *d = krStr_raw_data(r);
    KrSsize total = size * n;
    if (size == 1) {
        memset(d, krStr_utf8(self)[0], (size_t)total);
    } else {
        // Doubling copies: O(log n) memcpy calls.
        memcpy(d, krStr_utf8(self), (size_t)size);
        KrSsize done = size;
        while (done < total) {
            KrSsize k = done < total - done ? done : total - done;
            memcpy(d + done, d, (size_t)k);
            done += k;
        }
    }
    if (!krStr_is_ascii(self)) {
        ((KrStrObject *)r)->width = krStr_width(self);
        ((KrStrObject *)r)->flags |= KR_STR_WIDTH_KNOWN;
    }
    return r;
}

static KrObject *str_remainder(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!krStr_check(a)) return KR_NOTIMPLEMENTED;
    return krStr_percent_format(ts, a, b);
}

// ---------------------------------------------------------------------------
// Indexing and slicing

static KrObject *str_item(KrThreadState *ts, KrObject *self, KrSsize i) {
    KrSsize n = krStr_len(self);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        krErr_set_string(ts, &KrExc_IndexError, "string index out of range");
        return NULL;
    }
    if (krStr_is_ascii(self)) return krStr_ascii_char(krStr_utf8(self)[i]);
    int32_t c = krStr_char_at(ts, self, i);
    return c < 0 ? NULL : krStr_from_codepoint(ts, (uint32_t)c);
}

// Moves back one code point from byte offset `b`.
static inline KrSsize utf8_prev(const char *d, KrSsize b) {
    do b--;
    while (b > 0 && ((unsigned char)d[b] & 0xC0) == 0x80);
    return b;
}

static KrObject *str_slice_step(KrThreadState *ts, KrObject *self, KrSsize start, KrSsize step, KrSsize count) {
    const char *d = krStr_utf8(self);
    if (krStr_is_ascii(self)) {
        KrObject *r = krStr_alloc(ts, count, count, true);
        if (!r) return NULL;
        char *o = krStr_raw_data(r);
        for (KrSsize k = 0, i = start; k < count; k++, i += step) o[k] = d[i];
        return r;
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    KrSsize b = krStr_byte_offset(ts, self, start);
    if (b < 0) return NULL;
    for (KrSsize k = 0; k < count; k++) {
        KrSsize len = kr_utf8_seqlen((unsigned char)d[b]);
        if (krSB_append_known(ts, &sb, d + b, len, 1, len == 1) < 0) {
            krSB_discard(&sb);
            return NULL;
        }
        if (k + 1 == count) break;
        if (step > 0) {
            for (KrSsize j = 0; j < step; j++) b += kr_utf8_seqlen((unsigned char)d[b]);
        } else {
            for (KrSsize j = 0; j < -step; j++) b = utf8_prev(d, b);
        }
    }
    return krSB_finish(ts, &sb);
}

static KrObject *str_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    if (kr_is_smallint(key)) return str_item(ts, self, (KrSsize)kr_smallint_value(key));
    if (krSlice_check(key)) {
        KrSsize start, stop, step;
        if (krSlice_unpack(ts, key, &start, &stop, &step) < 0) return NULL;
        KrSsize count = krSlice_adjust_indices(krStr_len(self), &start, &stop, step);
        if (count <= 0) return krStr_empty();
        if (step == 1) return krStr_substring(ts, self, start, stop);
        return str_slice_step(ts, self, start, step, count);
    }
    if (krNum_is_index(key)) {
        KrSsize i = krNum_as_ssize(ts, key, &KrExc_IndexError);
        if (i == -1 && krErr_occurred(ts)) return NULL;
        return str_item(ts, self, i);
    }
    return krErr_format(ts, &KrExc_TypeError, "string indices must be integers, not '%T'", key);
}

// ---------------------------------------------------------------------------
// Iterator

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *str;           // strong, NULL once exhausted
    KrSsize pos;             // byte offset of the next character
    KrSsize index;           // code point index of the next character
} KrStrIterObject;

static KrObject *str_iter(KrThreadState *ts, KrObject *self) {
    KrTypeObject *t = krStr_is_ascii(self) ? &KrStrAsciiIter_Type : &KrStrIter_Type;
    KrStrIterObject *it = (KrStrIterObject *)krObj_alloc(ts, t, 0);
    if (!it) return NULL;
    it->str = kr_newref(self);
    it->pos = 0;
    it->index = 0;
    return (KrObject *)it;
}

static void striter_dealloc(KrObject *o) {
    KR_CLEAR(((KrStrIterObject *)o)->str);
    krObj_free(o);
}

static KrObject *striter_next(KrThreadState *ts, KrObject *o) {
    KrStrIterObject *it = (KrStrIterObject *)o;
    KrObject *s = it->str;
    if (!s) return NULL;
    if (it->pos >= krStr_size(s)) {
        it->str = NULL;
        kr_decref(s);
        return NULL;
    }
    const char *p = krStr_utf8(s) + it->pos;
    unsigned char b = (unsigned char)*p;
    it->index++;
    if (b < 0x80) {
        it->pos++;
        return krStr_ascii_char(b);
    }
    KrSsize len = kr_utf8_seqlen(b);
    it->pos += len;
    return krStr_from_utf8_known(ts, p, len, 1, b);
}

static KrObject *striter_iter(KrThreadState *ts, KrObject *o) { return kr_newref(o); }

static KrObject *striter_length_hint(KrThreadState *ts, KrObject *o) {
    KrStrIterObject *it = (KrStrIterObject *)o;
    KrSsize n = it->str ? krStr_len(it->str) - it->index : 0;
    return krInt_from_ssize(ts, n < 0 ? 0 : n);
}

static const KrMethodDef striter_methods[] = {
    {"__length_hint__", KR_CFUNC(striter_length_hint), KR_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define STRITER_SLOTS                                   \
    .tp_basicsize = sizeof(KrStrIterObject),            \
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,      \
    .tp_dealloc = striter_dealloc,                      \
    .tp_getattro = krObj_generic_getattr,               \
    .tp_iter = striter_iter,                            \
    .tp_iternext = striter_next,                        \
    .tp_methods = striter_methods

// CPython has a separate iterator type for ASCII strings; the names are visible.
KrTypeObject KrStrIter_Type = {KR_STATIC_HEAD(&KrType_Type), .tp_name = "str_iterator", STRITER_SLOTS};
KrTypeObject KrStrAsciiIter_Type = {KR_STATIC_HEAD(&KrType_Type), .tp_name = "str_ascii_iterator", STRITER_SLOTS};

// ---------------------------------------------------------------------------
// The type

KrTypeObject KrStr_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "str",
    .tp_basicsize = (KrSsize)offsetof(KrStrObject, data),
    .tp_itemsize = 1,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_STR_SUBCLASS,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
    .tp_new = str_new,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr_slot,
    .tp_str = str_str,
    .tp_hash = str_hash_slot,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .nb_remainder = str_remainder,
    .mp_length = str_length,
    .mp_subscript = str_subscript,
    .sq_contains = str_contains,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .tp_methods = kr_str_methods,
};
