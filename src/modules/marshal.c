/*
 * marshal.c — the marshal module: Krait's own binary serialisation of
 * constants and code objects, used by the bytecode cache.
 *
 * A stream is varint(body length) followed by one object.  The length prefix
 * lets marshal.load(file) read exactly one object's bytes and lets the reader
 * bound every size by the data it really has, so corrupt input cannot make it
 * allocate wildly.  An object is a type byte, possibly with FLAG_REF set, and
 * a payload:
 *
 *   N T F . S        None, True, False, Ellipsis, StopIteration
 *   i  zigzag varint                     int in 64 bits
 *   l  sign byte, varint n, n bytes      other int: magnitude, little-endian
 *   g  8 bytes / y  16 bytes             float / complex, IEEE little-endian
 *   u  varint n, n bytes                 str, generalised UTF-8 (lone surrogates)
 *   a  varint n, n bytes                 str to intern on load
 *   b  varint n, n bytes                 bytes (also written for bytearray etc.)
 *   (  [  <  >  varint n, n objects      tuple, list, set, frozenset
 *   {  varint n, n key/value pairs       dict
 *   c  code object (see w_code)
 *   r  varint i                          the i-th object that had FLAG_REF
 *
 * FLAG_REF marks an object that is referred to again later (the writer sets
 * it on objects with more than one reference), so shared names are stored
 * once and self-referencing lists and dicts survive a round trip.  Varints
 * are little-endian groups of 7 bits, the high bit meaning "more follows".
 */
#include <math.h>
#include <string.h>

#include "modules/marshal.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define FLAG_REF 0x80
#define MAX_DEPTH 2000

// ---------------------------------------------------------------------------
// Writing

typedef struct {
    KrThreadState *ts;
    uint8_t *buf;
    KrSsize size, cap;
    int depth;
    // Objects already written with FLAG_REF: an open-addressing map from
    // pointer to ref index.
    KrObject **ref_keys;
    KrSsize *ref_vals;
    KrSsize ref_cap, nrefs;
} Writer;

static int w_reserve(Writer *w, KrSsize n) {
    if (w->size + n <= w->cap) return 0;
    KrSsize cap = w->cap ? w->cap : 256;
    while (cap < w->size + n) {
        if (cap > KR_SSIZE_MAX / 2) goto nomem;
        cap *= 2;
    }
    uint8_t *nb = krMem_realloc(w->buf, (size_t)cap);
    if (!nb) goto nomem;
    w->buf = nb;
    w->cap = cap;
    return 0;
nomem:
    krErr_no_memory(w->ts);
    return -1;
}

static int w_bytes(Writer *w, const void *p, KrSsize n) {
    if (w_reserve(w, n) < 0) return -1;
    if (n) memcpy(w->buf + w->size, p, (size_t)n);
    w->size += n;
    return 0;
}

static int w_byte(Writer *w, int b) {
    if (w_reserve(w, 1) < 0) return -1;
    w->buf[w->size++] = (uint8_t)b;
    return 0;
}

static int w_varint(Writer *w, uint64_t v) {
    uint8_t tmp[10];
    int n = 0;
    do {
        uint8_t b = v & 0x7f;
        v >>= 7;
        tmp[n++] = (uint8_t)(b | (v ? 0x80 : 0));
    } while (v);
    return w_bytes(w, tmp, n);
}

static int w_double(Writer *w, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    uint8_t tmp[8];
    for (int i = 0; i < 8; i++) tmp[i] = (uint8_t)(u >> (8 * i));
    return w_bytes(w, tmp, 8);
}

static size_t ptr_hash(const KrObject *o) { return ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15u; }

// Looks `o` up in the ref map: its index, or -1 after adding it with the next
// index (*added set).  -2 when out of memory.
static KrSsize ref_lookup_or_add(Writer *w, KrObject *o) {
    if (w->nrefs * 2 >= w->ref_cap) {
        KrSsize ncap = w->ref_cap ? w->ref_cap * 2 : 64;
        KrObject **nk = krMem_calloc((size_t)ncap, sizeof(KrObject *));
        KrSsize *nv = krMem_malloc((size_t)ncap * sizeof(KrSsize));
        if (!nk || !nv) {
            krMem_free(nk);
            krMem_free(nv);
            return -2;
        }
        for (KrSsize i = 0; i < w->ref_cap; i++) {
            if (!w->ref_keys[i]) continue;
            size_t j = ptr_hash(w->ref_keys[i]) & (size_t)(ncap - 1);
            while (nk[j]) j = (j + 1) & (size_t)(ncap - 1);
            nk[j] = w->ref_keys[i];
            nv[j] = w->ref_vals[i];
        }
        krMem_free(w->ref_keys);
        krMem_free(w->ref_vals);
        w->ref_keys = nk;
        w->ref_vals = nv;
        w->ref_cap = ncap;
    }
    size_t mask = (size_t)w->ref_cap - 1, j = ptr_hash(o) & mask;
    while (w->ref_keys[j]) {
        if (w->ref_keys[j] == o) return w->ref_vals[j];
        j = (j + 1) & mask;
    }
    w->ref_keys[j] = o;
    w->ref_vals[j] = w->nrefs++;
    return -1;
}

static int w_object(Writer *w, KrObject *o);

static int w_items(Writer *w, KrObject *const *items, KrSsize n) {
    if (w_varint(w, (uint64_t)n) < 0) return -1;
    for (KrSsize i = 0; i < n; i++)
        if (w_object(w, items[i]) < 0) return -1;
    return 0;
}

static int w_bigint(Writer *w, KrObject *o, int code) {
    KrIntView view;
    mpz_srcptr z = krInt_view(o, &view);
    size_t nbytes = (mpz_sizeinbase(z, 2) + 7) / 8;
    if (w_byte(w, code) < 0 || w_byte(w, mpz_sgn(z) < 0) < 0 || w_varint(w, nbytes) < 0 ||
        w_reserve(w, (KrSsize)nbytes) < 0)
        return -1;
    size_t count = 0;
    mpz_export(w->buf + w->size, &count, -1, 1, -1, 0, z);
    memset(w->buf + w->size + count, 0, nbytes - count);
    w->size += (KrSsize)nbytes;
    return 0;
}

static int w_str(Writer *w, KrObject *o, int flag) {
    bool interned = (((KrStrObject *)o)->flags & KR_STR_INTERNED) != 0;
    KrSsize n = krStr_size(o);
    if (w_byte(w, (interned ? 'a' : 'u') | flag) < 0 || w_varint(w, (uint64_t)n) < 0) return -1;
    return w_bytes(w, krStr_utf8(o), n);
}

// A code object: argcount, posonlyargcount, kwonlyargcount, stacksize, flags
// (varints), firstlineno (zigzag), the unspecialised code units (varint count,
// 2 bytes each), then consts, names, localsplusnames, localspluskinds,
// filename, name, qualname, linetable, exceptiontable.
static int w_code(Writer *w, KrCodeObject *co, int flag) {
    int64_t first = co->co_firstlineno;
    if (w_byte(w, 'c' | flag) < 0 || w_varint(w, (uint64_t)co->co_argcount) < 0 ||
        w_varint(w, (uint64_t)co->co_posonlyargcount) < 0 || w_varint(w, (uint64_t)co->co_kwonlyargcount) < 0 ||
        w_varint(w, (uint64_t)co->co_stacksize) < 0 || w_varint(w, (uint64_t)(uint32_t)co->co_flags) < 0 ||
        w_varint(w, ((uint64_t)first << 1) ^ (uint64_t)(first >> 63)) < 0)
        return -1;
    KrObject *code = krCode_get_code_bytes(w->ts, co);
    if (!code) return -1;
    int r = w_varint(w, (uint64_t)co->co_ncodeunits);
    if (r == 0) r = w_bytes(w, krBytes_data(code), krBytes_size(code));
    kr_decref(code);
    if (r < 0) return -1;
    KrObject *parts[9] = {co->co_consts, co->co_names, co->co_localsplusnames, co->co_localspluskinds,
                          co->co_filename, co->co_name, co->co_qualname, co->co_linetable, co->co_exceptiontable};
    for (int i = 0; i < 9; i++)
        if (w_object(w, parts[i]) < 0) return -1;
    return 0;
}

static int w_dict(Writer *w, KrObject *o, int flag) {
    if (w_byte(w, '{' | flag) < 0 || w_varint(w, (uint64_t)krDict_size(o)) < 0) return -1;
    KrSsize pos = 0, written = 0;
    KrObject *k, *v;
    while (krDict_next(o, &pos, &k, &v)) {
        kr_incref(k);
        kr_incref(v);
        int r = w_object(w, k) < 0 || w_object(w, v) < 0 ? -1 : 0;
        kr_decref(k);
        kr_decref(v);
        if (r < 0) return -1;
        written++;
    }
    if (written != krDict_size(o)) {
        krErr_set_string(w->ts, &KrExc_RuntimeError, "dict changed size during iteration");
        return -1;
    }
    return 0;
}

static int w_set(Writer *w, KrObject *o, int code) {
    // Snapshot the items: writing cannot run Python code, but keep it simple.
    KrObject *items = krSeq_tuple(w->ts, o);
    if (!items) return -1;
    int r = w_byte(w, code) < 0 ? -1 : w_items(w, KR_TUPLE_ITEMS(items), KR_TUPLE_SIZE(items));
    kr_decref(items);
    return r;
}

// Objects that may need a ref: not the singletons or tagged ints.
static int w_complex_object(Writer *w, KrObject *o, int flag) {
    KrTypeObject *t = KR_TYPE(o);
    if (t == &KrInt_Type) return w_bigint(w, o, 'l' | flag);
    if (t == &KrFloat_Type) return w_byte(w, 'g' | flag) < 0 ? -1 : w_double(w, krFloat_value(o));
    if (t == &KrComplex_Type) {
        KrComplexObject *c = (KrComplexObject *)o;
        return w_byte(w, 'y' | flag) < 0 || w_double(w, c->real) < 0 ? -1 : w_double(w, c->imag);
    }
    if (t == &KrStr_Type) return w_str(w, o, flag);
    if (t == &KrBytes_Type) {
        return w_byte(w, 'b' | flag) < 0 || w_varint(w, (uint64_t)krBytes_size(o)) < 0
                   ? -1
                   : w_bytes(w, krBytes_data(o), krBytes_size(o));
    }
    if (t == &KrTuple_Type)
        return w_byte(w, '(' | flag) < 0 ? -1 : w_items(w, KR_TUPLE_ITEMS(o), KR_TUPLE_SIZE(o));
    if (t == &KrList_Type) {
        // Hold the list: writing its items only reads them.
        return w_byte(w, '[' | flag) < 0 ? -1 : w_items(w, KR_LIST_ITEMS(o), KR_LIST_SIZE(o));
    }
    if (t == &KrDict_Type) return w_dict(w, o, flag);
    if (t == &KrSet_Type) return w_set(w, o, '<' | flag);
    if (t == &KrFrozenSet_Type) return w_set(w, o, '>' | flag);
    if (t == &KrCode_Type) return w_code(w, (KrCodeObject *)o, flag);
    const char *data;
    KrSsize n;
    bool buffer = krByteArray_check(o) || (kr_bytes_buffer_hook && kr_bytes_buffer_hook(o, &data, &n));
    if (buffer && krBytes_as_buffer(w->ts, o, &data, &n) == 0) {
        return w_byte(w, 'b' | flag) < 0 || w_varint(w, (uint64_t)n) < 0 ? -1 : w_bytes(w, data, n);
    }
    krErr_set_string(w->ts, &KrExc_ValueError, "unmarshallable object");
    return -1;
}

static int w_object(Writer *w, KrObject *o) {
    if (o == KR_NONE) return w_byte(w, 'N');
    if (o == KR_TRUE) return w_byte(w, 'T');
    if (o == KR_FALSE) return w_byte(w, 'F');
    if (o == KR_ELLIPSIS) return w_byte(w, '.');
    if (o == (KrObject *)&KrExc_StopIteration) return w_byte(w, 'S');
    if (kr_is_smallint(o)) {
        int64_t v = kr_smallint_value(o);
        return w_byte(w, 'i') < 0 ? -1 : w_varint(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
    }
    if (++w->depth > MAX_DEPTH) {
        w->depth--;
        krErr_set_string(w->ts, &KrExc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int flag = 0, r;
    if (o->ob_refcnt > 1) {
        KrSsize idx = ref_lookup_or_add(w, o);
        if (idx == -2) {
            krErr_no_memory(w->ts);
            r = -1;
            goto done;
        }
        if (idx >= 0) {
            r = w_byte(w, 'r') < 0 ? -1 : w_varint(w, (uint64_t)idx);
            goto done;
        }
        flag = FLAG_REF;
    }
    r = w_complex_object(w, o, flag);
done:
    w->depth--;
    return r;
}

KrObject *krMarshal_dumps(KrThreadState *ts, KrObject *obj) {
    // The body is written after room for the longest length prefix, which is
    // then filled in right-aligned against it.
    enum { PREFIX = 10 };
    Writer w = {.ts = ts};
    KrObject *res = NULL;
    if (w_reserve(&w, PREFIX) < 0) goto done;
    w.size = PREFIX;
    if (w_object(&w, obj) < 0) goto done;
    uint64_t blen = (uint64_t)(w.size - PREFIX);
    uint8_t tmp[10];
    int n = 0;
    do {
        uint8_t b = blen & 0x7f;
        blen >>= 7;
        tmp[n++] = (uint8_t)(b | (blen ? 0x80 : 0));
    } while (blen);
    memcpy(w.buf + PREFIX - n, tmp, (size_t)n);
    res = krBytes_from_data(ts, (const char *)w.buf + PREFIX - n, w.size - PREFIX + n);
done:
    krMem_free(w.buf);
    krMem_free(w.ref_keys);
    krMem_free(w.ref_vals);
    return res;
}

// ---------------------------------------------------------------------------
// Reading

typedef struct {
    KrThreadState *ts;
    const uint8_t *p, *end;
    KrObject *refs;                // list of the objects read with FLAG_REF
    int depth;
} Reader;

static KrObject *too_short(Reader *r) {
    return krErr_format(r->ts, &KrExc_EOFError, "marshal data too short");
}

static KrObject *bad_data(Reader *r, const char *what) {
    return krErr_format(r->ts, &KrExc_ValueError, "bad marshal data (%s)", what);
}

static int r_varint(Reader *r, uint64_t *out) {
    if (r->p < r->end && *r->p < 0x80) {
        *out = *r->p++;
        return 0;
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) {
            too_short(r);
            return -1;
        }
        uint8_t b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 0;
        }
    }
    bad_data(r, "varint too long");
    return -1;
}

// A size that must not exceed the bytes left (each item takes at least
// `unit` bytes), so corrupt sizes fail before anything is allocated.
static int r_size(Reader *r, KrSsize unit, KrSsize *out) {
    uint64_t v;
    if (r_varint(r, &v) < 0) return -1;
    if (v > (uint64_t)(r->end - r->p) / (uint64_t)unit) {
        too_short(r);
        return -1;
    }
    *out = (KrSsize)v;
    return 0;
}

static int r_double(Reader *r, double *out) {
    if (r->end - r->p < 8) {
        too_short(r);
        return -1;
    }
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) u |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    memcpy(out, &u, 8);
    return 0;
}

// Checks generalised UTF-8 (surrogates allowed, as str stores them) and
// counts code points; -1 when invalid.
static KrSsize utf8_length(const uint8_t *s, KrSsize n, bool *ascii) {
    KrSsize count = 0;
    *ascii = true;
    for (KrSsize i = 0; i < n; count++) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        *ascii = false;
        int len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1f;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0f;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return -1;
        if (n - i < len) return -1;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return -1;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return -1;
        i += len;
    }
    return count;
}

static KrObject *r_str(Reader *r, bool intern) {
    KrSsize n;
    if (r_size(r, 1, &n) < 0) return NULL;
    bool ascii;
    KrSsize length = utf8_length(r->p, n, &ascii);
    if (length < 0) return bad_data(r, "invalid string");
    const char *data = (const char *)r->p;
    r->p += n;
    if (intern) return krStr_intern_utf8(r->ts, data, n);
    if (n <= 1) return kr_newref(n ? krStr_ascii_char(data[0]) : krStr_empty());
    // Already validated and measured: fill a raw string directly.
    KrObject *s = krStr_new_raw(r->ts, n, length, ascii);
    if (s) {
        memcpy(krStr_raw_data(s), data, (size_t)n);
        krStr_raw_data(s)[n] = 0;
    }
    return s;
}

static KrObject *r_bigint(Reader *r) {
    if (r->p >= r->end) return too_short(r);
    int neg = *r->p++;
    KrSsize n;
    if (neg > 1) return bad_data(r, "invalid int sign");
    if (r_size(r, 1, &n) < 0) return NULL;
    if (krInt_check_bits(r->ts, (size_t)n * 8) < 0) return NULL;
    mpz_t z;
    mpz_init(z);
    mpz_import(z, (size_t)n, -1, 1, -1, 0, r->p);
    r->p += n;
    if (neg) mpz_neg(z, z);
    return krInt_from_mpz_steal(r->ts, z);
}

static KrObject *r_object(Reader *r);

// Registers `o` (borrowed) as the next ref.  0 or -1.
static int r_ref(Reader *r, KrObject *o) { return krList_append(r->ts, r->refs, o); }

static KrObject *r_tuple(Reader *r, bool ref) {
    KrSsize n;
    if (r_size(r, 1, &n) < 0) return NULL;
    KrObject *t = krTuple_new(r->ts, n);
    if (!t || (ref && r_ref(r, t) < 0)) goto fail;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *item = r_object(r);
        if (!item) goto fail;
        KR_TUPLE_SET(t, i, item);
    }
    return t;
fail:
    kr_xdecref(t);
    return NULL;
}

static KrObject *r_list(Reader *r, bool ref) {
    KrSsize n;
    if (r_size(r, 1, &n) < 0) return NULL;
    KrObject *l = krList_new(r->ts, 0);
    if (!l || (ref && r_ref(r, l) < 0)) goto fail;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *item = r_object(r);
        if (!item) goto fail;
        int rc = krList_append(r->ts, l, item);
        kr_decref(item);
        if (rc < 0) goto fail;
    }
    return l;
fail:
    kr_xdecref(l);
    return NULL;
}

static KrObject *r_dict(Reader *r, bool ref) {
    KrSsize n;
    if (r_size(r, 2, &n) < 0) return NULL;
    KrObject *d = krDict_new(r->ts);
    if (!d || (ref && r_ref(r, d) < 0)) goto fail;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *k = r_object(r);
        if (!k) goto fail;
        KrObject *v = r_object(r);
        int rc = v ? krDict_set(r->ts, d, k, v) : -1;
        kr_decref(k);
        kr_xdecref(v);
        if (rc < 0) goto fail;
    }
    return d;
fail:
    kr_xdecref(d);
    return NULL;
}

static KrObject *r_set(Reader *r, bool frozen) {
    KrObject *items = r_list(r, false);
    if (!items) return NULL;
    KrObject *s = frozen ? krFrozenSet_new(r->ts, items) : krSet_new(r->ts, items);
    kr_decref(items);
    return s;
}

// Reads an object that must be of `type` (exact).
static KrObject *r_typed(Reader *r, KrTypeObject *type) {
    KrObject *o = r_object(r);
    if (o && KR_TYPE(o) != type) {
        kr_decref(o);
        return bad_data(r, "invalid code object");
    }
    return o;
}

static KrObject *r_code(Reader *r) {
    uint64_t ints[6];
    for (int i = 0; i < 6; i++)
        if (r_varint(r, &ints[i]) < 0) return NULL;
    for (int i = 0; i < 5; i++)
        if (ints[i] > INT32_MAX) return bad_data(r, "invalid code object");
    int64_t first = (int64_t)(ints[5] >> 1) ^ -(int64_t)(ints[5] & 1);
    if (first < INT32_MIN || first > INT32_MAX) return bad_data(r, "invalid code object");
    KrSsize ncode;
    if (r_size(r, 2, &ncode) < 0) return NULL;
    KrCodeUnit *units = krMem_malloc(sizeof(KrCodeUnit) * (size_t)(ncode + 1));
    if (!units) return krErr_no_memory(r->ts);
    // A code unit is opcode | arg << 8, stored as the bytes opcode, arg.
    for (KrSsize i = 0; i < ncode; i++) units[i] = KR_MAKE_UNIT(r->p[2 * i], r->p[2 * i + 1]);
    r->p += 2 * ncode;
    static KrTypeObject *const types[9] = {&KrTuple_Type, &KrTuple_Type, &KrTuple_Type, &KrBytes_Type, &KrStr_Type,
                                           &KrStr_Type,   &KrStr_Type,   &KrBytes_Type, &KrBytes_Type};
    KrObject *parts[9] = {NULL};
    KrObject *co = NULL;
    for (int i = 0; i < 9; i++)
        if (!(parts[i] = r_typed(r, types[i]))) goto done;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(parts[1]); i++)
        if (!krStr_check_exact(KR_TUPLE_GET(parts[1], i))) goto invalid;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(parts[2]); i++)
        if (!krStr_check_exact(KR_TUPLE_GET(parts[2], i))) goto invalid;
    if (krBytes_size(parts[3]) != KR_TUPLE_SIZE(parts[2])) goto invalid;
    KrCodeSpec spec = {
        .argcount = (int)ints[0], .posonlyargcount = (int)ints[1], .kwonlyargcount = (int)ints[2],
        .stacksize = (int)ints[3], .flags = (int)ints[4], .firstlineno = (int)first,
        .code = units, .ncodeunits = ncode,
        .consts = parts[0], .names = parts[1], .localsplusnames = parts[2], .localspluskinds = parts[3],
        .filename = parts[4], .name = parts[5], .qualname = parts[6], .linetable = parts[7],
        .exceptiontable = parts[8],
    };
    co = krCode_new(r->ts, &spec);
    goto done;
invalid:
    bad_data(r, "invalid code object");
done:
    for (int i = 0; i < 9; i++) kr_xdecref(parts[i]);
    krMem_free(units);
    return co;
}

// Objects whose FLAG_REF registration happens after they are built (they
// cannot contain themselves).
static KrObject *r_simple(Reader *r, int code) {
    double re, im;
    switch (code) {
    case 'l': return r_bigint(r);
    case 'g': return r_double(r, &re) < 0 ? NULL : krFloat_new(r->ts, re);
    case 'y': return r_double(r, &re) < 0 || r_double(r, &im) < 0 ? NULL : krComplex_new(r->ts, re, im);
    case 'u': return r_str(r, false);
    case 'a': return r_str(r, true);
    case 'b': {
        KrSsize n;
        if (r_size(r, 1, &n) < 0) return NULL;
        KrObject *b = krBytes_from_data(r->ts, (const char *)r->p, n);
        r->p += n;
        return b;
    }
    case '<': return r_set(r, false);
    case '>': return r_set(r, true);
    case 'c': return r_code(r);
    default: return bad_data(r, "unknown type code");
    }
}

static KrObject *r_object_inner(Reader *r) {
    if (r->p >= r->end) return krErr_format(r->ts, &KrExc_EOFError, "EOF read where object expected");
    int code = *r->p++;
    bool ref = (code & FLAG_REF) != 0;
    code &= ~FLAG_REF;
    switch (code) {
    case 'N': return kr_newref(KR_NONE);
    case 'T': return kr_newref(KR_TRUE);
    case 'F': return kr_newref(KR_FALSE);
    case '.': return kr_newref(KR_ELLIPSIS);
    case 'S': return kr_newref((KrObject *)&KrExc_StopIteration);
    case 'i': {
        uint64_t u;
        if (r_varint(r, &u) < 0) return NULL;
        return krInt_from_i64(r->ts, (int64_t)(u >> 1) ^ -(int64_t)(u & 1));
    }
    case 'r': {
        uint64_t idx;
        if (r_varint(r, &idx) < 0) return NULL;
        if (idx >= (uint64_t)KR_LIST_SIZE(r->refs)) return bad_data(r, "invalid reference");
        return kr_newref(KR_LIST_GET(r->refs, (KrSsize)idx));
    }
    case '(': return r_tuple(r, ref);
    case '[': return r_list(r, ref);
    case '{': return r_dict(r, ref);
    default: {
        // The writer numbers refs in the order it starts objects: reserve the
        // slot before reading the children.
        KrSsize slot = KR_LIST_SIZE(r->refs);
        if (ref && r_ref(r, KR_NONE) < 0) return NULL;
        KrObject *o = r_simple(r, code);
        if (o && ref) kr_setref(&KR_LIST_ITEMS(r->refs)[slot], kr_newref(o));
        return o;
    }
    }
}

static KrObject *r_object(Reader *r) {
    if (++r->depth > MAX_DEPTH) {
        r->depth--;
        return krErr_format(r->ts, &KrExc_ValueError, "recursion limit exceeded");
    }
    KrObject *o = r_object_inner(r);
    r->depth--;
    return o;
}

// Parses the length prefix at data[0..len): 0 with *body_start and
// *body_len, or -1.
static int read_prefix(KrThreadState *ts, const uint8_t *data, KrSsize len, KrSsize *body_start, uint64_t *body_len) {
    if (len == 0) {
        krErr_format(ts, &KrExc_EOFError, "EOF read where object expected");
        return -1;
    }
    Reader r = {.ts = ts, .p = data, .end = data + len};
    if (r_varint(&r, body_len) < 0) return -1;
    *body_start = r.p - data;
    return 0;
}

KrObject *krMarshal_loads(KrThreadState *ts, const char *data, KrSsize len, KrSsize *consumed) {
    KrSsize start;
    uint64_t blen;
    if (read_prefix(ts, (const uint8_t *)data, len, &start, &blen) < 0) return NULL;
    if (blen > (uint64_t)(len - start)) return krErr_format(ts, &KrExc_EOFError, "marshal data too short");
    Reader r = {.ts = ts, .p = (const uint8_t *)data + start, .end = (const uint8_t *)data + start + blen};
    if (!(r.refs = krList_new(ts, 0))) return NULL;
    KrObject *o = r_object(&r);
    kr_decref(r.refs);
    if (o && r.p != r.end) {
        kr_decref(o);
        return krErr_format(ts, &KrExc_ValueError, "bad marshal data (length mismatch)");
    }
    if (o && consumed) *consumed = start + (KrSsize)blen;
    return o;
}

// ---------------------------------------------------------------------------
// The module

// marshal.dumps(value, version=4, /): the version is accepted (it must be an
// int) and does not change Krait's format.
static int check_version(KrThreadState *ts, KrObject *v) {
    if (!v) return 0;
    if (!krInt_check(v) && krFloat_check(v)) {
        krErr_set_string(ts, &KrExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KrObject *i = krNum_index(ts, v);
    if (!i) return -1;
    kr_decref(i);
    return 0;
}

static KrObject *marshal_dumps(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "dumps", nargs, 1, 2) < 0) return NULL;
    if (check_version(ts, nargs > 1 ? args[1] : NULL) < 0) return NULL;
    return krMarshal_dumps(ts, args[0]);
}

static KrObject *marshal_dump(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "dump", nargs, 2, 3) < 0) return NULL;
    if (check_version(ts, nargs > 2 ? args[2] : NULL) < 0) return NULL;
    KrObject *data = krMarshal_dumps(ts, args[0]);
    if (!data) return NULL;
    // Returns what file.write() returned, as CPython does.
    KrObject *r = krObj_call_method(ts, args[1], KR_ID(write), data, NULL);
    kr_decref(data);
    return r;
}

static KrObject *marshal_loads(KrThreadState *ts, KrObject *self, KrObject *arg) {
    const char *data;
    KrSsize n;
    if (krBytes_as_buffer(ts, arg, &data, &n) < 0) return NULL;
    // A bytearray may be resized by code run while building the objects
    // (a dict key's __hash__ cannot be user code here, but stay safe): copy.
    if (!krBytes_check(arg)) {
        KrObject *copy = krBytes_from_data(ts, data, n);
        if (!copy) return NULL;
        KrObject *r = krMarshal_loads(ts, krBytes_data(copy), n, NULL);
        kr_decref(copy);
        return r;
    }
    return krMarshal_loads(ts, data, n, NULL);
}

// file.read(n) as bytes of exactly n bytes, or NULL: EOFError `eof_msg` when
// fewer came.
static KrObject *read_exact(KrThreadState *ts, KrObject *file, KrSsize n, const char *eof_msg) {
    KrObject *count = krInt_from_ssize(ts, n);
    if (!count) return NULL;
    KrObject *read = krStr_intern_cstr(ts, "read");
    KrObject *b = read ? krObj_call_method(ts, file, read, count, NULL) : NULL;
    kr_decref(count);
    if (!b) return NULL;
    if (!krBytes_check(b)) {
        krErr_format(ts, &KrExc_TypeError, "file.read() returned not bytes but %s", krType_name(KR_TYPE(b)));
        kr_decref(b);
        return NULL;
    }
    if (krBytes_size(b) != n) {
        kr_decref(b);
        return krErr_format(ts, &KrExc_EOFError, "%s", eof_msg);
    }
    return b;
}

static KrObject *marshal_load(KrThreadState *ts, KrObject *self, KrObject *file) {
    // Reads the length prefix a byte at a time, then exactly the body, so the
    // file is left just after the object.
    KrObject *probe = read_exact(ts, file, 0, "");
    if (!probe) return NULL;
    kr_decref(probe);
    uint8_t prefix[10];
    int n = 0;
    for (;;) {
        KrObject *b = read_exact(ts, file, 1, n ? "EOF read where not expected" : "EOF read where object expected");
        if (!b) return NULL;
        prefix[n++] = (uint8_t)krBytes_data(b)[0];
        kr_decref(b);
        if (!(prefix[n - 1] & 0x80)) break;
        if (n == 10) return krErr_format(ts, &KrExc_ValueError, "bad marshal data (varint too long)");
    }
    KrSsize start;
    uint64_t blen;
    if (read_prefix(ts, prefix, n, &start, &blen) < 0) return NULL;
    if (blen > (uint64_t)KR_SSIZE_MAX / 2) return krErr_format(ts, &KrExc_EOFError, "EOF read where not expected");
    KrObject *body = read_exact(ts, file, (KrSsize)blen, "EOF read where not expected");
    if (!body) return NULL;
    Reader r = {.ts = ts, .p = (const uint8_t *)krBytes_data(body), .end = (const uint8_t *)krBytes_data(body) + blen};
    KrObject *o = NULL;
    if ((r.refs = krList_new(ts, 0))) {
        o = r_object(&r);
        kr_decref(r.refs);
        if (o && r.p != r.end) {
            KR_CLEAR(o);
            krErr_format(ts, &KrExc_ValueError, "bad marshal data (length mismatch)");
        }
    }
    kr_decref(body);
    return o;
}

static const KrMethodDef marshal_methods[] = {
    {"dump", KR_CFUNC(marshal_dump), KR_METH_FAST,
     "dump(value, file, version=version, /)\n--\n\nWrite the value on the open file."},
    {"load", KR_CFUNC(marshal_load), KR_METH_O, "load(file, /)\n--\n\nRead one value from the open file and return it."},
    {"dumps", KR_CFUNC(marshal_dumps), KR_METH_FAST,
     "dumps(value, version=version, /)\n--\n\nReturn the bytes object that would be written to a file by dump(value, file)."},
    {"loads", KR_CFUNC(marshal_loads), KR_METH_O,
     "loads(bytes, /)\n--\n\nConvert the bytes-like object to a value."},
    {NULL},
};

static int marshal_exec(KrThreadState *ts, KrObject *m) { return krModule_add_int(ts, m, "version", KR_MARSHAL_VERSION); }

const KrModuleDef kr_marshal_module_def = {
    "marshal",
    "This module contains functions that can read and write Python values in\na binary format. The format is "
    "specific to Krait, but independent from\nmachine architecture issues.",
    marshal_methods,
    marshal_exec,
};
