/*
 * _json.c — the `_json` module: json.decoder.JSONDecodeError, scanstring,
 * and the scanner that turns JSON text into Python objects.
 *
 * The scanner follows CPython's C scanner step by step (the same checks in
 * the same order), so that errors carry the same message and position:
 * "Expecting value" is not raised where it is detected but reported as
 * StopIteration(position) up to JSONDecoder.raw_decode, as CPython does.
 * Inside the scanner "no value here" is a NULL result with no exception set
 * and the position in `stop`.
 *
 * Documents are scanned as UTF-8 bytes; every position leaving this file is
 * converted to a code point index.
 *
 * Related: _json.h, _json_encode.c, lib/json/.
 */
#include <math.h>

#include "modules/_json.h"
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
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// JSONDecodeError(msg, doc, pos)

static int decodeerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"msg", "doc", "pos"};
    KrObject *a[3];
    if (krArg_parse(ts, "JSONDecodeError", args, nargs, kwnames, names, 3, 0, 3, 3, a) < 0) return -1;
    KrSsize pos = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
    if (pos == -1 && krErr_occurred(ts)) return -1;
    KrSsize line = 1, last_nl = -1;
    if (krStr_check(a[1])) {
        const char *s = krStr_utf8(a[1]), *end = s + krStr_size(a[1]);
        for (KrSsize i = 0; s < end && i < pos; i++)
            if (krUtf8_decode(&s) == '\n') line++, last_nl = i;
    } else {
        KrObject *n = krObj_call_method(ts, a[1], krStr_intern_cstr(ts, "count"), krStr_ascii_char('\n'),
                                        kr_smallint(0), a[2], NULL);
        KrObject *r = n ? krObj_call_method(ts, a[1], krStr_intern_cstr(ts, "rfind"), krStr_ascii_char('\n'),
                                            kr_smallint(0), a[2], NULL)
                        : NULL;
        if (!r) {
            kr_xdecref(n);
            return -1;
        }
        line = krNum_as_ssize(ts, n, NULL) + 1;
        last_nl = krNum_as_ssize(ts, r, NULL);
        kr_decref(n);
        kr_decref(r);
        if (krErr_occurred(ts)) return -1;
    }
    KrSsize col = pos - last_nl;
    KrObject *text = krStr_from_format(ts, "%S: line %zd column %zd (char %zd)", a[0], line, col, pos);
    if (!text) return -1;
    int r = KrExc_ValueError.tp_init(ts, self, &text, 1, NULL);
    kr_decref(text);
    KrObject *lo = r < 0 ? NULL : krInt_from_ssize(ts, line), *co = lo ? krInt_from_ssize(ts, col) : NULL;
    if (!co || krObj_setattr_cstr(ts, self, "msg", a[0]) < 0 || krObj_setattr_cstr(ts, self, "doc", a[1]) < 0 ||
        krObj_setattr_cstr(ts, self, "pos", a[2]) < 0 || krObj_setattr_cstr(ts, self, "lineno", lo) < 0 ||
        krObj_setattr_cstr(ts, self, "colno", co) < 0)
        r = -1;
    kr_xdecref(lo);
    kr_xdecref(co);
    return r;
}

static KrObject *decodeerror_reduce(KrThreadState *ts, KrObject *self) {
    KrObject *msg = krObj_getattr_cstr(ts, self, "msg");
    KrObject *doc = msg ? krObj_getattr_cstr(ts, self, "doc") : NULL;
    KrObject *pos = doc ? krObj_getattr_cstr(ts, self, "pos") : NULL;
    KrObject *args = pos ? krTuple_pack(ts, 3, msg, doc, pos) : NULL;
    KrObject *r = args ? krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), args) : NULL;
    kr_xdecref(msg);
    kr_xdecref(doc);
    kr_xdecref(pos);
    kr_xdecref(args);
    return r;
}

static const KrMethodDef decodeerror_methods[] = {
    {"__reduce__", KR_CFUNC(decodeerror_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

KrTypeObject KrJsonDecodeError_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "json.decoder.JSONDecodeError",
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "Subclass of ValueError with the following additional properties:\n\n"
              "msg: The unformatted error message\ndoc: The JSON document being parsed\n"
              "pos: The start index of doc where parsing failed\nlineno: The line corresponding to pos\n"
              "colno: The column corresponding to pos\n",
    .tp_base = &KrExc_ValueError,
    .tp_init = decodeerror_init,
    .tp_methods = decodeerror_methods,
};

// Raises JSONDecodeError(msg, doc, pos).
static void raise_decode_error(KrThreadState *ts, const char *msg, KrObject *doc, KrSsize pos) {
    KrObject *m = krStr_from_cstr(ts, msg), *p = m ? krInt_from_ssize(ts, pos) : NULL;
    if (p) {
        KrObject *args[3] = {m, doc, p};
        KrObject *e = krObj_vectorcall(ts, (KrObject *)&KrJsonDecodeError_Type, args, 3, NULL);
        if (e) krErr_set_exc(ts, e);
    }
    kr_xdecref(m);
    kr_xdecref(p);
}

// ---------------------------------------------------------------------------
// The scanner object: the decoder's options, read once from the context.

typedef struct {
    KR_OBJECT_HEAD;
    bool strict;
    KrObject *object_hook;         // strong; None when unset
    KrObject *object_pairs_hook;
    KrObject *parse_float;         // the float type means "built in"
    KrObject *parse_int;           // the int type means "built in"
    KrObject *parse_constant;
    KrObject *memo;                // dict: keys seen in this document
} KrJsonScanner;

// One scan: the document and where "no value" was found.
typedef struct {
    KrThreadState *ts;
    KrJsonScanner *sc;             // NULL: default options
    KrObject *doc;
    const unsigned char *s;
    KrSsize n;
    bool ascii;
    bool strict;
    KrSsize stop;                  // byte position of a missing value
    // Object keys seen in this document, by their raw bytes (keys without
    // escapes): a repeated key is the same str, found without allocating
    // or hashing it again.  Open addressing; `keys` NULL until needed.
    KrObject **keys;
    uint32_t *key_hashes;
    size_t key_cap, key_count;
} Scan;

static KrSsize cp_of(const Scan *p, KrSsize byte) {
    if (p->ascii || byte < 0) return byte;
    KrSsize n = 0;
    for (KrSsize i = 0; i < byte && i < p->n; i++) n += (p->s[i] & 0xC0) != 0x80;
    return n;
}

static void *fail(Scan *p, const char *msg, KrSsize byte) {
    raise_decode_error(p->ts, msg, p->doc, cp_of(p, byte));
    return NULL;
}

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static KrSsize skip_ws(const Scan *p, KrSsize i) {
    while (i < p->n && is_ws(p->s[i])) i++;
    return i;
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at s[i..i+4) (caller checked the bounds): value or -1.
static int32_t hex4(const unsigned char *s, KrSsize i) {
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

// Code points in s[a..b).
static KrSsize count_cps(const Scan *p, KrSsize a, KrSsize b) {
    if (p->ascii) return b - a;
    KrSsize n = 0;
    for (KrSsize i = a; i < b; i++) n += (p->s[i] & 0xC0) != 0x80;
    return n;
}

// The escape after the backslash at s[next - 1]; appends to `sb` and sets
// *end after it.  0 or -1.
static int scan_escape(Scan *p, KrStrBuilder *sb, KrSsize next, KrSsize *end) {
    unsigned char c = p->s[next];
    if (c != 'u') {
        uint32_t v;
        switch (c) {
        case '"': case '\\': case '/': v = c; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 't': v = '\t'; break;
        default: return fail(p, "Invalid \\escape", next - 1), -1;
        }
        *end = next + 1;
        return krSB_append_char(p->ts, sb, v);
    }
    // \uXXXX: CPython requires a character after the four digits.  (The
    // checks are on bytes; where they would differ from code points, a
    // non-ASCII character is among the digits and the error is the same.)
    KrSsize digits = next + 1, stop = digits + 4;
    int32_t u = stop < p->n ? hex4(p->s, digits) : -1;
    if (u < 0) return fail(p, "Invalid \\uXXXX escape", next), -1;
    *end = stop;
    if (u >= 0xD800 && u <= 0xDBFF && stop + 6 < p->n && p->s[stop] == '\\' && p->s[stop + 1] == 'u') {
        int32_t u2 = hex4(p->s, stop + 2);
        if (u2 < 0) return fail(p, "Invalid \\uXXXX escape", stop + 1), -1;
        if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
            u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
            *end = stop + 6;
        }
    }
    return krSB_append_char(p->ts, sb, (uint32_t)u);
}

// scanstring: the string whose body starts at byte `i` (after the quote at
// byte `begin`, which errors report).
static KrObject *scan_string_at(Scan *p, KrSsize i, KrSsize begin, KrSsize *end) {
    KrSsize chunk = i;
    const unsigned char *s = p->s;
    bool high = false;
    // Fast path: no escapes.
    for (; i < p->n; i++) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\') break;
        if (c < 0x20 && p->strict) return fail(p, "Invalid control character at", i);
        high |= c >= 0x80;
    }
    if (i >= p->n) return fail(p, "Unterminated string starting at", begin);
    if (s[i] == '"') {
        *end = i + 1;
        KrSsize len = i - chunk;
        if (!high && len > 1) {
            KrObject *r = krStr_new_raw(p->ts, len, len, true);
            if (r) memcpy(krStr_raw_data(r), s + chunk, (size_t)len);
            return r;
        }
        return krStr_from_utf8(p->ts, (const char *)s + chunk, len);
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    for (;;) {
        // s[i] is '"' or '\\'; the text before it is a plain chunk.
        if (krSB_append(p->ts, &sb, (const char *)s + chunk, i - chunk) < 0) goto error;
        if (s[i] == '"') {
            *end = i + 1;
            return krSB_finish(p->ts, &sb);
        }
        if (i + 1 >= p->n) {
            fail(p, "Unterminated string starting at", begin);
            goto error;
        }
        if (scan_escape(p, &sb, i + 1, &chunk) < 0) goto error;
        for (i = chunk; i < p->n; i++) {
            unsigned char c = s[i];
            if (c == '"' || c == '\\') break;
            if (c < 0x20 && p->strict) {
                fail(p, "Invalid control character at", i);
                goto error;
            }
        }
        if (i >= p->n) {
            fail(p, "Unterminated string starting at", begin);
            goto error;
        }
    }
error:
    krSB_discard(&sb);
    return NULL;
}

static KrObject *scan_string(Scan *p, KrSsize i, KrSsize *end) { return scan_string_at(p, i, i - 1, end); }

static KrObject *scan_value(Scan *p, KrSsize i, KrSsize *end);

static uint32_t bytes_hash(const unsigned char *b, KrSsize n) {
    uint32_t h = 2166136261u;
    for (KrSsize i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
    return h;
}

static int keys_grow(Scan *p) {
    size_t cap = p->key_cap ? p->key_cap * 2 : 64;
    KrObject **keys = krMem_calloc(cap, sizeof(KrObject *));
    uint32_t *hashes = krMem_calloc(cap, sizeof(uint32_t));
    if (!keys || !hashes) {
        krMem_free(keys);
        krMem_free(hashes);
        krErr_no_memory(p->ts);
        return -1;
    }
    for (size_t i = 0; i < p->key_cap; i++) {
        if (!p->keys[i]) continue;
        size_t j = p->key_hashes[i] & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = p->keys[i];
        hashes[j] = p->key_hashes[i];
    }
    krMem_free(p->keys);
    krMem_free(p->key_hashes);
    p->keys = keys;
    p->key_hashes = hashes;
    p->key_cap = cap;
    return 0;
}

static void keys_free(Scan *p) {
    for (size_t i = 0; i < p->key_cap; i++) kr_xdecref(p->keys[i]);
    krMem_free(p->keys);
    krMem_free(p->key_hashes);
}

// An object key starting at byte i (after its quote).  Keys without
// escapes or control characters come from the key table; others are
// scanned as strings and shared through the scanner's memo dict.
static KrObject *scan_key(Scan *p, KrSsize i, KrSsize *end) {
    KrSsize j = i;
    while (j < p->n && p->s[j] != '"' && p->s[j] != '\\' && p->s[j] >= 0x20) j++;
    if (j >= p->n || p->s[j] != '"') {
        KrObject *key = scan_string(p, i, end);
        if (!key || !p->sc) return key;
        KrObject *seen = krDict_get(p->ts, p->sc->memo, key);
        if (seen) {
            kr_setref(&key, kr_newref(seen));
        } else if (krErr_occurred(p->ts) || krDict_set(p->ts, p->sc->memo, key, key) < 0) {
            kr_decref(key);
            return NULL;
        }
        return key;
    }
    if (2 * (p->key_count + 1) > p->key_cap && keys_grow(p) < 0) return NULL;
    KrSsize len = j - i;
    uint32_t h = bytes_hash(p->s + i, len);
    size_t k = h & (p->key_cap - 1);
    for (; p->keys[k]; k = (k + 1) & (p->key_cap - 1)) {
        KrObject *o = p->keys[k];
        if (p->key_hashes[k] == h && krStr_size(o) == len && memcmp(krStr_utf8(o), p->s + i, (size_t)len) == 0) {
            *end = j + 1;
            return kr_newref(o);
        }
    }
    KrObject *key = scan_string(p, i, end);
    if (!key) return NULL;
    p->keys[k] = kr_newref(key);
    p->key_hashes[k] = h;
    p->key_count++;
    return key;
}

static KrObject *opt(const Scan *p, int which) {
    if (!p->sc) return NULL;
    KrObject *o = which == 0 ? p->sc->object_hook : which == 1 ? p->sc->object_pairs_hook
                : which == 2 ? p->sc->parse_float : which == 3 ? p->sc->parse_int : p->sc->parse_constant;
    return o;
}

static KrObject *scan_object(Scan *p, KrSsize i, KrSsize *end) {
    KrThreadState *ts = p->ts;
    KrObject *pairs_hook = opt(p, 1), *hook = opt(p, 0);
    bool pairs = pairs_hook && pairs_hook != KR_NONE;
    KrObject *acc = pairs ? krList_new(ts, 0) : krDict_new(ts);
    if (!acc) return NULL;
    i = skip_ws(p, i);
    if (i >= p->n || p->s[i] != '}') {
        for (;;) {
            if (i >= p->n || p->s[i] != '"') {
                fail(p, "Expecting property name enclosed in double quotes", i);
                goto error;
            }
            KrObject *key = scan_key(p, i + 1, &i);
            if (!key) goto error;
            i = skip_ws(p, i);
            if (i >= p->n || p->s[i] != ':') {
                kr_decref(key);
                fail(p, "Expecting ':' delimiter", i);
                goto error;
            }
            i = skip_ws(p, i + 1);
            KrObject *val = scan_value(p, i, &i);
            if (!val) {
                kr_decref(key);
                goto error;
            }
            int r;
            if (pairs) {
                KrObject *t = krTuple_new(ts, 2);
                if (t) {
                    KR_TUPLE_SET(t, 0, key);
                    KR_TUPLE_SET(t, 1, val);
                    r = krList_append(ts, acc, t);
                    kr_decref(t);
                } else {
                    kr_decref(key);
                    kr_decref(val);
                    r = -1;
                }
            } else {
                r = krDict_set_steal(ts, acc, key, val);
                kr_decref(key);
            }
            if (r < 0) goto error;
            i = skip_ws(p, i);
            if (i < p->n && p->s[i] == '}') break;
            if (i >= p->n || p->s[i] != ',') {
                fail(p, "Expecting ',' delimiter", i);
                goto error;
            }
            i = skip_ws(p, i + 1);
        }
    }
    *end = i + 1;
    if (pairs) {
        KrObject *r = krObj_call1(ts, pairs_hook, acc);
        kr_decref(acc);
        return r;
    }
    if (hook && hook != KR_NONE) {
        KrObject *r = krObj_call1(ts, hook, acc);
        kr_decref(acc);
        return r;
    }
    return acc;
error:
    kr_decref(acc);
    return NULL;
}

static KrObject *scan_array(Scan *p, KrSsize i, KrSsize *end) {
    KrObject *list = krList_new(p->ts, 0);
    if (!list) return NULL;
    i = skip_ws(p, i);
    if (i >= p->n || p->s[i] != ']') {
        for (;;) {
            KrObject *val = scan_value(p, i, &i);
            if (!val) goto error;
            int r = krList_append(p->ts, list, val);
            kr_decref(val);
            if (r < 0) goto error;
            i = skip_ws(p, i);
            if (i < p->n && p->s[i] == ']') break;
            if (i >= p->n || p->s[i] != ',') {
                fail(p, "Expecting ',' delimiter", i);
                goto error;
            }
            i = skip_ws(p, i + 1);
        }
    }
    *end = i + 1;
    return list;
error:
    kr_decref(list);
    return NULL;
}

static KrObject *constant(Scan *p, const char *name, KrSsize i, KrSsize *end) {
    *end = i + (KrSsize)strlen(name);
    KrObject *pc = opt(p, 4);
    KrObject *s = krStr_intern_cstr(p->ts, name);
    if (!s) return NULL;
    if (pc) return krObj_call1(p->ts, pc, s);
    double v = name[0] == 'N' ? (double)NAN : name[0] == '-' ? -(double)INFINITY : (double)INFINITY;
    return krFloat_new(p->ts, v);
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static KrObject *scan_number(Scan *p, KrSsize start, KrSsize *end) {
    const unsigned char *s = p->s;
    KrSsize last = p->n - 1, i = start;
    bool is_float = false;
    if (s[i] == '-') {
        i++;
        if (i > last) {
            p->stop = start;
            return NULL;
        }
    }
    if (s[i] >= '1' && s[i] <= '9') {
        i++;
        while (i <= last && is_digit(s[i])) i++;
    } else if (s[i] == '0') {
        i++;
    } else {
        p->stop = start;
        return NULL;
    }
    if (i < last && s[i] == '.' && is_digit(s[i + 1])) {
        is_float = true;
        i += 2;
        while (i <= last && is_digit(s[i])) i++;
    }
    if (i < last && (s[i] == 'e' || s[i] == 'E')) {
        KrSsize e_start = i++;
        if (i < last && (s[i] == '-' || s[i] == '+')) i++;
        while (i <= last && is_digit(s[i])) i++;
        if (is_digit(s[i - 1])) is_float = true;
        else i = e_start;
    }
    *end = i;
    KrSsize len = i - start;
    KrObject *custom = opt(p, is_float ? 2 : 3);
    if (custom && custom != (KrObject *)(is_float ? &KrFloat_Type : &KrInt_Type)) {
        KrObject *text = krStr_from_utf8(p->ts, (const char *)s + start, len);
        if (!text) return NULL;
        KrObject *r = krObj_call1(p->ts, custom, text);
        kr_decref(text);
        return r;
    }
    if (is_float) return krFloat_from_string(p->ts, (const char *)s + start, len);
    if (len <= 18) {
        int64_t v = 0;
        KrSsize k = start + (s[start] == '-');
        for (; k < i; k++) v = v * 10 + (s[k] - '0');
        return kr_smallint(s[start] == '-' ? -v : v);
    }
    return krInt_from_string(p->ts, (const char *)s + start, len, 10);
}

static bool has(const Scan *p, KrSsize i, const char *word) {
    size_t n = strlen(word);
    return i + (KrSsize)n <= p->n && memcmp(p->s + i, word, n) == 0;
}

// scan_once: the value starting at byte i.
static KrObject *scan_value(Scan *p, KrSsize i, KrSsize *end) {
    if (i >= p->n) {
        p->stop = i;
        return NULL;
    }
    KrObject *r;
    switch (p->s[i]) {
    case '"':
        return scan_string(p, i + 1, end);
    case '{':
        if (krErr_enter_recursive_call(p->ts, " while decoding a JSON object from a unicode string") < 0) return NULL;
        r = scan_object(p, i + 1, end);
        krErr_leave_recursive_call(p->ts);
        return r;
    case '[':
        if (krErr_enter_recursive_call(p->ts, " while decoding a JSON array from a unicode string") < 0) return NULL;
        r = scan_array(p, i + 1, end);
        krErr_leave_recursive_call(p->ts);
        return r;
    case 'n':
        if (has(p, i, "null")) {
            *end = i + 4;
            return kr_newref(KR_NONE);
        }
        break;
    case 't':
        if (has(p, i, "true")) {
            *end = i + 4;
            return kr_newref(KR_TRUE);
        }
        break;
    case 'f':
        if (has(p, i, "false")) {
            *end = i + 5;
            return kr_newref(KR_FALSE);
        }
        break;
    case 'N':
        if (has(p, i, "NaN")) return constant(p, "NaN", i, end);
        break;
    case 'I':
        if (has(p, i, "Infinity")) return constant(p, "Infinity", i, end);
        break;
    case '-':
        if (has(p, i, "-Infinity")) return constant(p, "-Infinity", i, end);
        break;
    default:
        break;
    }
    return scan_number(p, i, end);
}

static void scan_init(Scan *p, KrThreadState *ts, KrJsonScanner *sc, KrObject *doc) {
    p->ts = ts;
    p->sc = sc;
    p->doc = doc;
    p->s = (const unsigned char *)krStr_utf8(doc);
    p->n = krStr_size(doc);
    p->ascii = krStr_is_ascii(doc);
    p->strict = sc ? sc->strict : true;
    p->stop = -1;
    p->keys = NULL;
    p->key_hashes = NULL;
    p->key_cap = p->key_count = 0;
}

// ---------------------------------------------------------------------------
// Scanner objects (make_scanner(context))

static KrObject *scanner_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"context"};
    KrObject *ctx;
    if (krArg_parse(ts, "make_scanner", args, nargs, kwnames, names, 1, 0, 1, 1, &ctx) < 0) return NULL;
    KrJsonScanner *sc = (KrJsonScanner *)krObj_alloc(ts, type, 0);
    if (!sc) return NULL;
    KrObject *self = (KrObject *)sc;
    krGC_track(self);
    sc->memo = krDict_new(ts);
    KrObject *strict = sc->memo ? krObj_getattr_cstr(ts, ctx, "strict") : NULL;
    if (!strict) goto error;
    int t = krObj_is_true(ts, strict);
    kr_decref(strict);
    if (t < 0) goto error;
    sc->strict = t;
    if (!(sc->object_hook = krObj_getattr_cstr(ts, ctx, "object_hook")) ||
        !(sc->object_pairs_hook = krObj_getattr_cstr(ts, ctx, "object_pairs_hook")) ||
        !(sc->parse_float = krObj_getattr_cstr(ts, ctx, "parse_float")) ||
        !(sc->parse_int = krObj_getattr_cstr(ts, ctx, "parse_int")) ||
        !(sc->parse_constant = krObj_getattr_cstr(ts, ctx, "parse_constant")))
        goto error;
    return self;
error:
    kr_decref(self);
    return NULL;
}

// The byte offset of code point `cp` in str `s`, or -1 with MemoryError.
static KrSsize byte_of(KrThreadState *ts, KrObject *s, KrSsize cp) {
    if (krStr_is_ascii(s) || cp == 0) return cp;
    if (cp >= krStr_len(s)) return krStr_size(s);
    return krStr_byte_offset(ts, s, cp);
}

// scanner(string, idx) -> (value, end), or StopIteration(idx).
static KrObject *scanner_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    KrSsize nargs = kr_vectorcall_nargs(nargsf);
    if (krArg_no_kwargs(ts, "scan_once", kwnames) < 0 || krArg_check_positional(ts, "scan_once", nargs, 2, 2) < 0)
        return NULL;
    KrObject *doc = args[0];
    KrSsize idx = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
    if (idx == -1 && krErr_occurred(ts)) return NULL;
    if (!krStr_check(doc))
        return krErr_format(ts, &KrExc_TypeError, "first argument must be a string, not %.80s", krType_name(KR_TYPE(doc)));
    if (idx < 0) return krErr_format(ts, &KrExc_ValueError, "idx cannot be negative");
    KrJsonScanner *sc = (KrJsonScanner *)self;
    KrObject *r = NULL;
    if (idx >= krStr_len(doc)) {
        KrObject *v = krInt_from_ssize(ts, idx);
        if (v) krErr_set_stopiteration(ts, v);
        kr_xdecref(v);
        return NULL;
    }
    Scan p;
    scan_init(&p, ts, sc, doc);
    KrSsize start = byte_of(ts, doc, idx), end = 0;
    if (start < 0) return NULL;
    KrObject *v = scan_value(&p, start, &end);
    keys_free(&p);
    krDict_clear(sc->memo);
    if (!v) {
        if (!krErr_occurred(ts)) {
            KrObject *pos = krInt_from_ssize(ts, cp_of(&p, p.stop));
            if (pos) krErr_set_stopiteration(ts, pos);
            kr_xdecref(pos);
        }
        return NULL;
    }
    KrObject *e = krInt_from_ssize(ts, idx + count_cps(&p, start, end));
    if (e) r = krTuple_pack(ts, 2, v, e);
    kr_decref(v);
    kr_xdecref(e);
    return r;
}

// A whole document: whitespace, one value, whitespace, then the end
// (JSONDecoder.decode for the default options when sc is NULL).
static KrObject *decode_document(KrThreadState *ts, KrJsonScanner *sc, KrObject *doc) {
    Scan p;
    scan_init(&p, ts, sc, doc);
    KrSsize end = 0, start = skip_ws(&p, 0);
    KrObject *v = scan_value(&p, start, &end);
    keys_free(&p);
    if (sc) krDict_clear(sc->memo);
    if (!v) {
        if (!krErr_occurred(ts)) fail(&p, "Expecting value", p.stop);
        return NULL;
    }
    end = skip_ws(&p, end);
    if (end != p.n) {
        kr_decref(v);
        return fail(&p, "Extra data", end);
    }
    return v;
}

static KrObject *scanner_decode(KrThreadState *ts, KrObject *self, KrObject *doc) {
    if (!krStr_check(doc))
        return krErr_format(ts, &KrExc_TypeError, "first argument must be a string, not %.80s", krType_name(KR_TYPE(doc)));
    return decode_document(ts, (KrJsonScanner *)self, doc);
}

static const KrMethodDef scanner_methods[] = {
    {"decode", KR_CFUNC(scanner_decode), KR_METH_O,
     "Decode a whole document: the value and surrounding whitespace, else JSONDecodeError."},
    {NULL},
};

static const KrMemberDef scanner_members[] = {
    {"strict", KR_MEMBER_BOOL, offsetof(KrJsonScanner, strict), KR_MEMBER_READONLY, "strict"},
    {"object_hook", KR_MEMBER_OBJECT, offsetof(KrJsonScanner, object_hook), KR_MEMBER_READONLY, "object_hook"},
    {"object_pairs_hook", KR_MEMBER_OBJECT, offsetof(KrJsonScanner, object_pairs_hook), KR_MEMBER_READONLY, NULL},
    {"parse_float", KR_MEMBER_OBJECT, offsetof(KrJsonScanner, parse_float), KR_MEMBER_READONLY, "parse_float"},
    {"parse_int", KR_MEMBER_OBJECT, offsetof(KrJsonScanner, parse_int), KR_MEMBER_READONLY, "parse_int"},
    {"parse_constant", KR_MEMBER_OBJECT, offsetof(KrJsonScanner, parse_constant), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static int scanner_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrJsonScanner *sc = (KrJsonScanner *)self;
    KR_VISIT(sc->object_hook);
    KR_VISIT(sc->object_pairs_hook);
    KR_VISIT(sc->parse_float);
    KR_VISIT(sc->parse_int);
    KR_VISIT(sc->parse_constant);
    KR_VISIT(sc->memo);
    return 0;
}

static int scanner_clear(KrObject *self) {
    KrJsonScanner *sc = (KrJsonScanner *)self;
    KR_CLEAR(sc->object_hook);
    KR_CLEAR(sc->object_pairs_hook);
    KR_CLEAR(sc->parse_float);
    KR_CLEAR(sc->parse_int);
    KR_CLEAR(sc->parse_constant);
    KR_CLEAR(sc->memo);
    return 0;
}

static void scanner_dealloc(KrObject *self) {
    krGC_untrack(self);
    scanner_clear(self);
    krObj_free(self);
}

KrTypeObject KrJsonScanner_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(KrJsonScanner),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "JSON scanner object",
    .tp_new = scanner_new,
    .tp_dealloc = scanner_dealloc,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_call = scanner_call,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = scanner_methods,
    .tp_members = scanner_members,
};

// ---------------------------------------------------------------------------
// Module functions

// scanstring(string, end, strict=True) -> (str, end)
static KrObject *json_scanstring(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "scanstring", nargs, 2, 3) < 0) return NULL;
    KrObject *doc = args[0];
    KrSsize end = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
    if (end == -1 && krErr_occurred(ts)) return NULL;
    int strict = 1;
    if (nargs == 3 && (strict = krObj_is_true(ts, args[2])) < 0) return NULL;
    if (!krStr_check(doc))
        return krErr_format(ts, &KrExc_TypeError, "first argument must be a string, not %.80s", krType_name(KR_TYPE(doc)));
    if (end < 0 || end > krStr_len(doc)) return krErr_format(ts, &KrExc_ValueError, "end is out of bounds");
    Scan p;
    scan_init(&p, ts, NULL, doc);
    p.strict = strict;
    KrSsize b = byte_of(ts, doc, end), stop = 0;
    KrSsize begin = end == 0 ? -1 : byte_of(ts, doc, end - 1);
    if (b < 0 || (end && begin < 0)) return NULL;
    KrObject *s = scan_string_at(&p, b, begin, &stop);
    if (!s) return NULL;
    KrObject *e = krInt_from_ssize(ts, end + count_cps(&p, b, stop));
    KrObject *r = e ? krTuple_pack(ts, 2, s, e) : NULL;
    kr_decref(s);
    kr_xdecref(e);
    return r;
}

static const KrMethodDef json_methods[] = {
    {"scanstring", KR_CFUNC(json_scanstring), KR_METH_FAST,
     "scanstring(string, end, strict=True) -> (string, end)\n\n"
     "Scan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the "
     "JSON string."},
    {"encode_basestring_ascii", KR_CFUNC(krJson_encode_basestring_ascii), KR_METH_O,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", KR_CFUNC(krJson_encode_basestring), KR_METH_O,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"dumps", KR_CFUNC(krJson_dumps), KR_METH_FASTKW,
     "Encode an object with JSONEncoder's options in one go (what json.dumps uses)."},
    {NULL},
};

static int json_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_object(ts, m, "make_scanner", (KrObject *)&KrJsonScanner_Type) < 0 ||
        krModule_add_object(ts, m, "make_encoder", (KrObject *)&KrJsonEncoder_Type) < 0 ||
        krModule_add_object(ts, m, "JSONDecodeError", (KrObject *)&KrJsonDecodeError_Type) < 0)
        return -1;
    return 0;
}

const KrModuleDef kr__json_module_def = {
    .name = "_json",
    .doc = "json speedups",
    .methods = json_methods,
    .exec = json_exec,
};
