/*
 * str.c — the core of str: construction, UTF-8 scanning, the lazy code point
 * index, hashing, interning, the string builder and krStr_from_format.
 *
 * Representation (str.h): UTF-8 bytes inline, `length` in code points, the
 * ASCII flag, CPython's storage width (1/2/4, the widest code point class),
 * and for non-ASCII strings an index of byte offsets built on first random
 * access.  The width is derived from the largest byte of the UTF-8 data: a
 * lead byte <= 0xC3 encodes a code point < 0x100, <= 0xEF one < 0x10000.
 *
 * Hashing is SipHash-1-3 over the code units CPython stores for the string
 * (Latin-1 bytes, UCS-2 or UCS-4 units, little-endian as on the supported
 * platforms), streamed from the UTF-8 without a temporary buffer.
 *
 * The interned table is process-wide (interned strings are immortal and shared
 * by every interpreter), guarded by a mutex because interpreters may run in
 * parallel under separate GILs.
 *
 * Related: str_type.c (the type object and its slots), str_methods.c,
 * str_format.c, codecs.c, unicode.c.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/state.h"

// ---------------------------------------------------------------------------
// Immortal small strings: "" and the 128 one-character ASCII strings.  They are
// statically allocated, so they exist before the runtime is initialised.

typedef struct {
    KrStrObject s;
    char buf[2];
} KrSmallStr;

#define SMALL_STR(n, c)                                                                        \
    {.s = {.ob_base = KR_STATIC_HEAD(&KrStr_Type), .length = (n), .size = (n), .hash = -1,      \
           .flags = KR_STR_ASCII | KR_STR_INTERNED | KR_STR_WIDTH_KNOWN, .width = 1},            \
     .buf = {(char)(c), 0}}

static KrSmallStr empty_str = SMALL_STR(0, 0);

#define C1(c) SMALL_STR(1, c)
#define C8(c) C1(c), C1(c + 1), C1(c + 2), C1(c + 3), C1(c + 4), C1(c + 5), C1(c + 6), C1(c + 7)
#define C32(c) C8(c), C8(c + 8), C8(c + 16), C8(c + 24)
static KrSmallStr ascii_chars[128] = {C32(0), C32(32), C32(64), C32(96)};

KrObject *krStr_empty(void) { return (KrObject *)&empty_str; }
KrObject *krStr_ascii_char(int c) { return (KrObject *)&ascii_chars[c & 127]; }

// ---------------------------------------------------------------------------
// UTF-8 helpers

uint32_t krUtf8_decode(const char **pp) {
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pp += 1;
        return c;
    }
    if (c < 0xE0) {
        *pp += 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pp += 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pp += 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int krUtf8_encode(uint32_t cp, char *buf) {
    unsigned char *b = (unsigned char *)buf;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18));
    b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

void krUtf8_scan(const char *s, KrSsize size, KrSsize *length, unsigned *maxbyte) {
    const unsigned char *p = (const unsigned char *)s;
    KrSsize cont = 0;
    unsigned mx = 0;
    for (KrSsize i = 0; i < size; i++) {
        unsigned b = p[i];
        cont += (b & 0xC0) == 0x80;
        mx = b > mx ? b : mx;
    }
    *length = size - cont;
    *maxbyte = mx;
}

static inline uint8_t width_of_maxbyte(unsigned mx) { return mx <= 0xC3 ? 1 : mx <= 0xEF ? 2 : 4; }

KrSsize krUtf8_count(const char *s, KrSsize size) {
    const unsigned char *p = (const unsigned char *)s;
    KrSsize cont = 0;
    for (KrSsize i = 0; i < size; i++) cont += (p[i] & 0xC0) == 0x80;
    return size - cont;
}

// ---------------------------------------------------------------------------
// Construction

KrObject *krStr_alloc(KrThreadState *ts, KrSsize size, KrSsize length, bool ascii) {
    if (size < 0 || size > KR_STR_MAX_SIZE) return krErr_no_memory(ts);
    KrStrObject *s = (KrStrObject *)krObj_alloc(ts, &KrStr_Type, size + 1);
    if (!s) return NULL;
    s->length = length;
    s->size = size;
    s->hash = -1;
    s->flags = ascii ? (KR_STR_ASCII | KR_STR_WIDTH_KNOWN) : 0;
    s->width = 1;
    s->index = NULL;
    s->data[size] = 0;
    return (KrObject *)s;
}

KrObject *krStr_new_raw(KrThreadState *ts, KrSsize size, KrSsize length, bool ascii) {
    return krStr_alloc(ts, size, length, ascii);
}

KrObject *krStr_from_utf8_known(KrThreadState *ts, const char *data, KrSsize size, KrSsize length, unsigned maxbyte) {
    if (size == 0) return krStr_empty();
    if (size == 1 && maxbyte < 0x80) return krStr_ascii_char(data[0]);
    KrObject *o = krStr_alloc(ts, size, length, maxbyte < 0x80);
    if (!o) return NULL;
    KrStrObject *s = (KrStrObject *)o;
    memcpy(s->data, data, (size_t)size);
    s->width = width_of_maxbyte(maxbyte);
    s->flags |= KR_STR_WIDTH_KNOWN;
    return o;
}

KrObject *krStr_from_utf8(KrThreadState *ts, const char *data, KrSsize size) {
    KrSsize length;
    unsigned mx;
    krUtf8_scan(data, size, &length, &mx);
    return krStr_from_utf8_known(ts, data, size, length, mx);
}

KrObject *krStr_from_cstr(KrThreadState *ts, const char *s) { return krStr_from_utf8(ts, s, (KrSsize)strlen(s)); }

KrObject *krStr_from_ascii(KrThreadState *ts, const char *data, KrSsize size) {
    return krStr_from_utf8_known(ts, data, size, size, 0);
}

KrObject *krStr_from_codepoint(KrThreadState *ts, uint32_t cp) {
    if (cp < 0x80) return krStr_ascii_char((int)cp);
    char buf[4];
    int n = krUtf8_encode(cp, buf);
    return krStr_from_utf8_known(ts, buf, n, 1, (unsigned char)buf[0]);
}

uint8_t krStr_width(KrObject *o) {
    KrStrObject *s = (KrStrObject *)o;
    if (!(s->flags & KR_STR_WIDTH_KNOWN)) {
        KrSsize n;
        unsigned mx;
        krUtf8_scan(s->data, s->size, &n, &mx);
        s->width = width_of_maxbyte(mx);
        s->flags |= KR_STR_WIDTH_KNOWN;
    }
    return s->width;
}

// ---------------------------------------------------------------------------
// Code point index

static int build_index(KrThreadState *ts, KrStrObject *s) {
    KrSsize n = s->length / KR_STR_INDEX_STRIDE + 1;
    KrSsize *idx = krMem_malloc((size_t)n * sizeof(KrSsize));
    if (!idx) {
        krErr_no_memory(ts);
        return -1;
    }
    const unsigned char *p = (const unsigned char *)s->data;
    KrSsize cp = 0, k = 0;
    for (KrSsize i = 0; i < s->size; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            if (cp % KR_STR_INDEX_STRIDE == 0) idx[k++] = i;
            cp++;
        }
    }
    if (k < n) idx[k] = s->size;   // length is a multiple of the stride
    s->index = idx;
    return 0;
}

KrSsize krStr_byte_offset(KrThreadState *ts, KrObject *o, KrSsize i) {
    KrStrObject *s = (KrStrObject *)o;
    if (s->flags & KR_STR_ASCII) return i;
    if (i >= s->length) return s->size;
    if (i < KR_STR_INDEX_STRIDE) {
        // Short prefix: scanning beats building an index.
        const unsigned char *p = (const unsigned char *)s->data;
        KrSsize b = 0;
        for (KrSsize k = 0; k < i; k++) b += kr_utf8_seqlen(p[b]);
        return b;
    }
    if (!s->index && build_index(ts, s) < 0) return -1;
    const unsigned char *p = (const unsigned char *)s->data;
    KrSsize b = s->index[i / KR_STR_INDEX_STRIDE];
    for (KrSsize k = i % KR_STR_INDEX_STRIDE; k > 0; k--) b += kr_utf8_seqlen(p[b]);
    return b;
}

int32_t krStr_char_at(KrThreadState *ts, KrObject *s, KrSsize i) {
    KrSsize b = krStr_byte_offset(ts, s, i);
    if (b < 0) return -1;
    const char *p = krStr_utf8(s) + b;
    return (int32_t)krUtf8_decode(&p);
}

KrObject *krStr_substring(KrThreadState *ts, KrObject *s, KrSsize start, KrSsize stop) {
    if (start >= stop) return krStr_empty();
    if (start == 0 && stop == krStr_len(s) && krStr_check_exact(s)) return kr_newref(s);
    if (krStr_is_ascii(s)) return krStr_from_ascii(ts, krStr_utf8(s) + start, stop - start);
    KrSsize b0 = krStr_byte_offset(ts, s, start);
    if (b0 < 0) return NULL;
    KrSsize b1;
    if (stop - start <= KR_STR_INDEX_STRIDE) {
        const unsigned char *p = (const unsigned char *)krStr_utf8(s);
        b1 = b0;
        for (KrSsize k = start; k < stop; k++) b1 += kr_utf8_seqlen(p[b1]);
    } else {
        b1 = krStr_byte_offset(ts, s, stop);
        if (b1 < 0) return NULL;
    }
    return krStr_from_utf8(ts, krStr_utf8(s) + b0, b1 - b0);
}

// ---------------------------------------------------------------------------
// Equality and ordering: UTF-8 byte order is code point order, also for the
// generalised encoding of surrogates.

bool krStr_eq(KrObject *a, KrObject *b) {
    if (a == b) return true;
    KrStrObject *x = (KrStrObject *)a, *y = (KrStrObject *)b;
    if (x->size != y->size) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->data, y->data, (size_t)x->size) == 0;
}

bool krStr_eq_cstr(KrObject *a, const char *s) {
    size_t n = strlen(s);
    return (size_t)krStr_size(a) == n && memcmp(krStr_utf8(a), s, n) == 0;
}

int krStr_compare(KrObject *a, KrObject *b) {
    KrSsize na = krStr_size(a), nb = krStr_size(b);
    int c = memcmp(krStr_utf8(a), krStr_utf8(b), (size_t)(na < nb ? na : nb));
    if (c) return c;
    return na < nb ? -1 : na > nb;
}

// ---------------------------------------------------------------------------
// SipHash-1-3, streaming.

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIP_HALF(a, b, c, d, s, t) \
    a += b;                        \
    c += d;                        \
    b = ROTL(b, s) ^ a;            \
    d = ROTL(d, t) ^ c;            \
    a = ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)          \
    do {                                   \
        SIP_HALF(v0, v1, v2, v3, 13, 16);  \
        SIP_HALF(v2, v1, v0, v3, 17, 21);  \
    } while (0)

typedef struct {
    uint64_t v0, v1, v2, v3;
    uint64_t tail;        // pending bytes, little-endian
    unsigned ntail;       // number of pending bytes (0..7)
    uint64_t total;       // bytes fed
} SipState;

static void sip_init(SipState *st) {
    uint64_t k0 = kr_runtime.hash_key[0], k1 = kr_runtime.hash_key[1];
    st->v0 = k0 ^ 0x736f6d6570736575ULL;
    st->v1 = k1 ^ 0x646f72616e646f6dULL;
    st->v2 = k0 ^ 0x6c7967656e657261ULL;
    st->v3 = k1 ^ 0x7465646279746573ULL;
    st->tail = 0;
    st->ntail = 0;
    st->total = 0;
}

static inline void sip_block(SipState *st, uint64_t m) {
    st->v3 ^= m;
    SIP_ROUND(st->v0, st->v1, st->v2, st->v3);
    st->v0 ^= m;
}

// Feeds `nbytes` (1, 2 or 4) little-endian bytes of `unit`.
static inline void sip_unit(SipState *st, uint64_t unit, unsigned nbytes) {
    st->total += nbytes;
    unsigned room = 8 - st->ntail;
    if (nbytes < room) {
        st->tail |= unit << (8 * st->ntail);
        st->ntail += nbytes;
        return;
    }
    // Units are 1, 2 or 4 bytes and ntail is a multiple of the unit size, so
    // a unit never straddles two blocks.
    st->tail |= unit << (8 * st->ntail);
    sip_block(st, st->tail);
    st->tail = 0;
    st->ntail = 0;
}

static void sip_bytes(SipState *st, const unsigned char *p, KrSsize n) {
    // Only called on a fresh state.
    while (n >= 8) {
        uint64_t m;
        memcpy(&m, p, 8);
        sip_block(st, m);
        p += 8;
        n -= 8;
    }
    uint64_t t = 0;
    for (KrSsize i = 0; i < n; i++) t |= (uint64_t)p[i] << (8 * i);
    st->tail = t;
    st->ntail = (unsigned)n;
}

static KrHash sip_finish(SipState *st) {
    uint64_t b = (st->total << 56) | st->tail;
    uint64_t v0 = st->v0, v1 = st->v1, v2 = st->v2, v3 = st->v3;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    KrHash h = (KrHash)((v0 ^ v1) ^ (v2 ^ v3));
    return h == -1 ? -2 : h;
}

KrHash krHash_bytes(const void *data, KrSsize len) {
    if (len == 0) return 0;
    SipState st;
    sip_init(&st);
    st.total = (uint64_t)len;
    sip_bytes(&st, data, len);
    return sip_finish(&st);
}

KrHash krStr_hash(KrObject *o) {
    KrStrObject *s = (KrStrObject *)o;
    if (s->hash != -1) return s->hash;
    KrHash h;
    if (s->size == 0) {
        h = 0;
    } else if (s->flags & KR_STR_ASCII) {
        h = krHash_bytes(s->data, s->size);
    } else {
        unsigned w = krStr_width(o);
        SipState st;
        sip_init(&st);
        const char *p = s->data, *end = s->data + s->size;
        while (p < end) sip_unit(&st, krUtf8_decode(&p), w);
        h = sip_finish(&st);
    }
    s->hash = h;
    return h;
}

void krHash_key_from_seed(uint64_t seed, uint64_t key[2]) {
    // CPython fills its hash secret from a linear congruential generator
    // seeded with PYTHONHASHSEED (0 disables randomisation: an all-zero key).
    unsigned char secret[16];
    uint32_t x = (uint32_t)seed;
    for (int i = 0; i < 16; i++) {
        x = x * 214013u + 2531011u;
        secret[i] = (unsigned char)((x >> 16) & 0xff);
    }
    if (seed == 0) memset(secret, 0, sizeof secret);
    memcpy(&key[0], secret, 8);
    memcpy(&key[1], secret + 8, 8);
}

// ---------------------------------------------------------------------------
// Interning

static struct {
    pthread_mutex_t lock;
    KrObject **slots;          // open addressing, linear probing; NULL = empty
    size_t mask;               // capacity - 1
    size_t used;
} interned = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static KrObject *intern_find(const char *s, KrSsize size, KrHash h, size_t *slot) {
    size_t i = (size_t)h & interned.mask;
    for (;;) {
        KrObject *e = interned.slots[i];
        if (!e) {
            *slot = i;
            return NULL;
        }
        if (((KrStrObject *)e)->hash == h && krStr_size(e) == size && memcmp(krStr_utf8(e), s, (size_t)size) == 0)
            return e;
        i = (i + 1) & interned.mask;
    }
}

static int intern_grow(void) {
    size_t cap = interned.slots ? (interned.mask + 1) * 2 : 1024;
    KrObject **slots = krMem_calloc(cap, sizeof(KrObject *));
    if (!slots) return -1;
    for (size_t i = 0; interned.slots && i <= interned.mask; i++) {
        KrObject *e = interned.slots[i];
        if (!e) continue;
        size_t j = (size_t)((KrStrObject *)e)->hash & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = e;
    }
    krMem_free(interned.slots);
    interned.slots = slots;
    interned.mask = cap - 1;
    return 0;
}

static void make_immortal(KrObject *o) {
    o->ob_refcnt = KR_IMMORTAL_REFCNT;
    ((KrStrObject *)o)->flags |= KR_STR_INTERNED;
}

// Looks up the content of `candidate` (or s/size when candidate is NULL) and
// inserts it when missing.  Returns the interned string (borrowed, immortal).
static KrObject *intern_lookup_insert(KrThreadState *ts, const char *s, KrSsize size, KrObject *candidate) {
    if (size == 0) return krStr_empty();
    if (size == 1 && (unsigned char)s[0] < 0x80) return krStr_ascii_char(s[0]);
    KrHash h = candidate ? krStr_hash(candidate) : 0;
    KrObject *tmp = NULL;
    if (!candidate) {
        tmp = krStr_from_utf8(ts, s, size);
        if (!tmp) return NULL;
        h = krStr_hash(tmp);
    }
    pthread_mutex_lock(&interned.lock);
    if ((interned.used + 1) * 3 >= (interned.slots ? interned.mask + 1 : 0) * 2 && intern_grow() < 0) {
        pthread_mutex_unlock(&interned.lock);
        kr_xdecref(tmp);
        return krErr_no_memory(ts);
    }
    size_t slot;
    KrObject *found = intern_find(s, size, h, &slot);
    if (!found) {
        found = candidate ? candidate : tmp;
        interned.slots[slot] = found;
        interned.used++;
        make_immortal(found);
        tmp = NULL;
    }
    pthread_mutex_unlock(&interned.lock);
    kr_xdecref(tmp);
    return found;
}

KrObject *krStr_intern_utf8(KrThreadState *ts, const char *s, KrSsize size) {
    return intern_lookup_insert(ts, s, size, NULL);
}

KrObject *krStr_intern_cstr(KrThreadState *ts, const char *s) {
    return intern_lookup_insert(ts, s, (KrSsize)strlen(s), NULL);
}

void krStr_intern_inplace(KrThreadState *ts, KrObject **p) {
    KrObject *s = *p;
    if (!krStr_check_exact(s) || (((KrStrObject *)s)->flags & KR_STR_INTERNED)) return;
    KrObject *saved = krErr_fetch(ts);
    KrObject *r = intern_lookup_insert(ts, krStr_utf8(s), krStr_size(s), s);
    if (!r) {
        krErr_clear(ts);
    } else if (r != s) {
        *p = r;
        kr_decref(s);
    }
    krErr_restore(ts, saved);
}

KrIdentifiers kr_ids;

int krStr_init_identifiers(KrThreadState *ts) {
#define KR_IDENT(name) if (!(kr_ids.name = krStr_intern_cstr(ts, #name))) return -1;
#define KR_IDENT_STR(name, text) if (!(kr_ids.name = krStr_intern_cstr(ts, text))) return -1;
#include "objects/identifiers.def"
#undef KR_IDENT
#undef KR_IDENT_STR
    return 0;
}

// ---------------------------------------------------------------------------
// Concatenation

KrObject *krStr_concat(KrThreadState *ts, KrObject *a, KrObject *b) {
    KrSsize na = krStr_size(a), nb = krStr_size(b);
    if (nb == 0 && krStr_check_exact(a)) return kr_newref(a);
    if (na == 0 && krStr_check_exact(b)) return kr_newref(b);
    if (na > KR_STR_MAX_SIZE - nb) {
        krErr_set_string(ts, &KrExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    bool ascii = krStr_is_ascii(a) && krStr_is_ascii(b);
    KrObject *r = krStr_alloc(ts, na + nb, krStr_len(a) + krStr_len(b), ascii);
    if (!r) return NULL;
    memcpy(krStr_raw_data(r), krStr_utf8(a), (size_t)na);
    memcpy(krStr_raw_data(r) + na, krStr_utf8(b), (size_t)nb);
    if (!ascii) {
        uint8_t wa = krStr_width(a), wb = krStr_width(b);
        ((KrStrObject *)r)->width = wa > wb ? wa : wb;
        ((KrStrObject *)r)->flags |= KR_STR_WIDTH_KNOWN;
    }
    return r;
}

int krStr_concat_inplace(KrThreadState *ts, KrObject **ps, KrObject *t) {
    KrObject *a = *ps;
    KrStrObject *s = (KrStrObject *)a;
    KrSsize na = s->size, nb = krStr_size(t);
    if (!krStr_check_exact(a) || a->ob_refcnt != 1 || (s->flags & KR_STR_INTERNED) || a == t || na == 0 ||
        nb == 0 || na > KR_STR_MAX_SIZE - nb) {
        KrObject *r = krStr_concat(ts, a, t);
        if (!r) return -1;
        *ps = r;
        kr_decref(a);
        return 0;
    }
    // Sole owner: grow the object itself (exact str has no allocation prefix).
    KrStrObject *g = krMem_realloc(s, (size_t)KrStr_Type.tp_basicsize + (size_t)(na + nb) + 1);
    if (!g) {
        krErr_no_memory(ts);
        return -1;
    }
    memcpy(g->data + na, krStr_utf8(t), (size_t)nb);
    g->data[na + nb] = 0;
    g->size = na + nb;
    g->length += krStr_len(t);
    g->hash = -1;
    if (g->index) {
        krMem_free(g->index);
        g->index = NULL;
    }
    if (!krStr_is_ascii(t)) {
        uint8_t wa = (g->flags & KR_STR_ASCII) ? 1 : krStr_width((KrObject *)g), wb = krStr_width(t);
        g->flags &= (uint8_t)~KR_STR_ASCII;
        g->width = wa > wb ? wa : wb;
        g->flags |= KR_STR_WIDTH_KNOWN;
    }
    *ps = (KrObject *)g;
    return 0;
}

// ---------------------------------------------------------------------------
// String builder

void krSB_init(KrStrBuilder *sb) {
    sb->buf = sb->inline_buf;
    sb->size = 0;
    sb->capacity = (KrSsize)sizeof sb->inline_buf;
    sb->length = 0;
    sb->ascii = true;
}

int krSB_reserve(KrThreadState *ts, KrStrBuilder *sb, KrSsize extra) {
    if (extra <= sb->capacity - sb->size) return 0;
    if (extra > KR_STR_MAX_SIZE - sb->size) {
        krErr_no_memory(ts);
        return -1;
    }
    KrSsize need = sb->size + extra + 1;
    KrSsize cap = sb->capacity * 2;
    if (cap < need) cap = need;
    char *nb;
    if (sb->buf == sb->inline_buf) {
        nb = krMem_malloc((size_t)cap);
        if (nb) memcpy(nb, sb->buf, (size_t)sb->size);
    } else {
        nb = krMem_realloc(sb->buf, (size_t)cap);
    }
    if (!nb) {
        krErr_no_memory(ts);
        return -1;
    }
    sb->buf = nb;
    sb->capacity = cap;
    return 0;
}

int krSB_append_known(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size, KrSsize length, bool ascii) {
    if (krSB_reserve(ts, sb, size) < 0) return -1;
    memcpy(sb->buf + sb->size, s, (size_t)size);
    sb->size += size;
    sb->length += length;
    sb->ascii = sb->ascii && ascii;
    return 0;
}

int krSB_append(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size) {
    KrSsize len;
    unsigned mx;
    krUtf8_scan(s, size, &len, &mx);
    return krSB_append_known(ts, sb, s, size, len, mx < 0x80);
}

int krSB_append_cstr(KrThreadState *ts, KrStrBuilder *sb, const char *s) {
    return krSB_append(ts, sb, s, (KrSsize)strlen(s));
}

int krSB_append_ascii(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size) {
    return krSB_append_known(ts, sb, s, size, size, true);
}

int krSB_append_str(KrThreadState *ts, KrStrBuilder *sb, KrObject *str) {
    return krSB_append_known(ts, sb, krStr_utf8(str), krStr_size(str), krStr_len(str), krStr_is_ascii(str));
}

int krSB_append_char(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp) {
    if (cp < 0x80 && sb->size < sb->capacity) {
        sb->buf[sb->size++] = (char)cp;
        sb->length++;
        return 0;
    }
    char buf[4];
    int n = krUtf8_encode(cp, buf);
    return krSB_append_known(ts, sb, buf, n, 1, cp < 0x80);
}

int krSB_append_repeat(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp, KrSsize count) {
    if (count <= 0) return 0;
    char buf[4];
    int n = krUtf8_encode(cp, buf);
    if (count > KR_STR_MAX_SIZE / n || krSB_reserve(ts, sb, count * n) < 0) {
        if (!krErr_occurred(ts)) krErr_no_memory(ts);
        return -1;
    }
    char *p = sb->buf + sb->size;
    if (n == 1) {
        memset(p, buf[0], (size_t)count);
    } else {
        for (KrSsize i = 0; i < count; i++) memcpy(p + i * n, buf, (size_t)n);
    }
    sb->size += count * n;
    sb->length += count;
    sb->ascii = sb->ascii && cp < 0x80;
    return 0;
}

int krSB_append_obj_str(KrThreadState *ts, KrStrBuilder *sb, KrObject *o) {
    if (krStr_check_exact(o)) return krSB_append_str(ts, sb, o);
    KrObject *s = krObj_str(ts, o);
    if (!s) return -1;
    int r = krSB_append_str(ts, sb, s);
    kr_decref(s);
    return r;
}

int krSB_append_obj_repr(KrThreadState *ts, KrStrBuilder *sb, KrObject *o) {
    KrObject *s = krObj_repr(ts, o);
    if (!s) return -1;
    int r = krSB_append_str(ts, sb, s);
    kr_decref(s);
    return r;
}

KrObject *krSB_finish(KrThreadState *ts, KrStrBuilder *sb) {
    KrObject *r;
    if (sb->ascii) {
        r = krStr_from_utf8_known(ts, sb->buf, sb->size, sb->size, 0);
    } else {
        KrSsize n;
        unsigned mx;
        krUtf8_scan(sb->buf, sb->size, &n, &mx);
        r = krStr_from_utf8_known(ts, sb->buf, sb->size, sb->length, mx);
    }
    krSB_discard(sb);
    return r;
}

void krSB_discard(KrStrBuilder *sb) {
    if (sb->buf != sb->inline_buf) krMem_free(sb->buf);
    krSB_init(sb);
}

// ---------------------------------------------------------------------------
// krStr_from_format: the printf-like conversions of krErr_format.

// Appends the first `prec` code points of UTF-8 `s` (all when prec < 0).
static int append_prec(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size, KrSsize prec) {
    if (prec >= 0) {
        const unsigned char *p = (const unsigned char *)s;
        KrSsize b = 0;
        for (KrSsize k = 0; k < prec && b < size; k++) b += kr_utf8_seqlen(p[b]);
        if (b < size) size = b;
    }
    return krSB_append(ts, sb, s, size);
}

static int append_obj_prec(KrThreadState *ts, KrStrBuilder *sb, KrObject *s, KrSsize prec) {
    if (!s) return -1;
    int r = append_prec(ts, sb, krStr_utf8(s), krStr_size(s), prec);
    kr_decref(s);
    return r;
}

static int format_int(KrThreadState *ts, KrStrBuilder *sb, const char *spec, size_t speclen, int lmod, char conv,
                      va_list *va) {
    // Rebuild a C format: the flags/width/precision as written, then the
    // length modifier and conversion for the argument's C type.
    char f[32], out[64];
    if (speclen > 16) speclen = 16;
    memcpy(f, spec, speclen);
    const char *mod = lmod == 1 ? "l" : lmod == 2 ? "ll" : lmod == 3 ? "z" : "";
    snprintf(f + speclen, sizeof f - speclen, "%s%c", mod, conv);
    int n;
    bool is_unsigned = conv == 'u' || conv == 'x' || conv == 'X';
    if (lmod == 1) n = is_unsigned ? snprintf(out, sizeof out, f, va_arg(*va, unsigned long))
                                   : snprintf(out, sizeof out, f, va_arg(*va, long));
    else if (lmod == 2) n = is_unsigned ? snprintf(out, sizeof out, f, va_arg(*va, unsigned long long))
                                        : snprintf(out, sizeof out, f, va_arg(*va, long long));
    else if (lmod == 3) n = is_unsigned ? snprintf(out, sizeof out, f, va_arg(*va, size_t))
                                        : snprintf(out, sizeof out, f, va_arg(*va, KrSsize));
    else n = is_unsigned ? snprintf(out, sizeof out, f, va_arg(*va, unsigned int))
                         : snprintf(out, sizeof out, f, va_arg(*va, int));
    if (n < 0) n = 0;
    if (n >= (int)sizeof out) n = (int)sizeof out - 1;
    return krSB_append_ascii(ts, sb, out, n);
}

// Handles one conversion starting after '%'; advances *pf past it.
static int format_one(KrThreadState *ts, KrStrBuilder *sb, const char **pf, va_list *va) {
    const char *f = *pf, *spec = f - 1;
    while (*f == '-' || *f == '0' || *f == '+' || *f == ' ' || *f == '#') f++;
    while (*f >= '0' && *f <= '9') f++;
    KrSsize prec = -1;
    if (*f == '.') {
        f++;
        prec = 0;
        while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0');
    }
    size_t speclen = (size_t)(f - spec);
    int lmod = 0;
    if (*f == 'l') {
        lmod = 1;
        if (*++f == 'l') { lmod = 2; f++; }
    } else if (*f == 'z') {
        lmod = 3;
        f++;
    }
    char conv = *f;
    *pf = conv ? f + 1 : f;
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X':
        return format_int(ts, sb, spec, speclen, lmod, conv == 'i' ? 'd' : conv, va);
    case 'c':
        return krSB_append_char(ts, sb, (uint32_t)va_arg(*va, int));
    case 'p': {
        char out[32];
        int n = snprintf(out, sizeof out, "%p", va_arg(*va, void *));
        if (strncmp(out, "0x", 2) != 0) {
            char tmp[32];
            memcpy(tmp, out, sizeof tmp);
            n = snprintf(out, sizeof out, "0x%s", tmp);
        }
        return krSB_append_ascii(ts, sb, out, n);
    }
    case 's': {
        const char *s = va_arg(*va, const char *);
        if (!s) s = "(null)";
        return append_prec(ts, sb, s, (KrSsize)strlen(s), prec);
    }
    case 'U': {
        KrObject *o = va_arg(*va, KrObject *);
        return append_prec(ts, sb, krStr_utf8(o), krStr_size(o), prec);
    }
    case 'S': return append_obj_prec(ts, sb, krObj_str(ts, va_arg(*va, KrObject *)), prec);
    case 'R': return append_obj_prec(ts, sb, krObj_repr(ts, va_arg(*va, KrObject *)), prec);
    case 'A': return append_obj_prec(ts, sb, krObj_ascii(ts, va_arg(*va, KrObject *)), prec);
    case 'T': return krSB_append_cstr(ts, sb, KR_TYPE(va_arg(*va, KrObject *))->tp_name);
    case 'N': return krSB_append_cstr(ts, sb, krType_name((KrTypeObject *)va_arg(*va, KrObject *)));
    case '%': return krSB_append_char(ts, sb, '%');
    default:
        // Unknown conversion: copy the rest of the format verbatim, as CPython does.
        *pf = spec + strlen(spec);
        return krSB_append_cstr(ts, sb, spec);
    }
}

int krSB_vprintf(KrThreadState *ts, KrStrBuilder *sb, const char *fmt, va_list va) {
    va_list ap;
    va_copy(ap, va);
    const char *f = fmt;
    int r = 0;
    while (*f && r == 0) {
        const char *lit = f;
        while (*f && *f != '%') f++;
        if (f > lit) r = krSB_append(ts, sb, lit, f - lit);
        if (r == 0 && *f == '%') {
            f++;
            r = format_one(ts, sb, &f, &ap);
        }
    }
    va_end(ap);
    return r;
}

int krSB_printf(KrThreadState *ts, KrStrBuilder *sb, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    int r = krSB_vprintf(ts, sb, fmt, va);
    va_end(va);
    return r;
}

KrObject *krStr_vfrom_format(KrThreadState *ts, const char *fmt, va_list va) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_vprintf(ts, &sb, fmt, va) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

KrObject *krStr_from_format(KrThreadState *ts, const char *fmt, ...) {
    va_list va;
    va_start(va, fmt);
    KrObject *r = krStr_vfrom_format(ts, fmt, va);
    va_end(va);
    return r;
}
