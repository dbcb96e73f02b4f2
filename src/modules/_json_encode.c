/*
 * _json_encode.c — JSON encoding in one pass into a string builder:
 * c_make_encoder's objects, encode_basestring[_ascii], and _json.dumps.
 *
 * The output is exactly what CPython's encoder produces: floats by
 * float.__repr__ (NaN/Infinity/-Infinity unless allow_nan is false), ints by
 * int.__repr__, dict keys converted as JSONEncoder does, and the same order
 * of checks (str, None, True, False, int, float, list/tuple, dict, then
 * default()).  With an indent the layout is that of json.encoder's
 * _make_iterencode (which CPython uses whenever indent is set), including its
 * "Out of range float values are not JSON compliant: nan" message; without
 * one the message is the C encoder's, without the value.
 *
 * Circular references are detected with a stack of the containers (and
 * default() arguments) being encoded, which is what the markers dict holds.
 * An exact dict is encoded from a snapshot of its items, so a default()
 * that changes it cannot disturb the iteration.
 *
 * Related: _json.h, _json.c (module table), lib/json/encoder.py.
 */
#include <math.h>
#include <stdio.h>

#include "modules/_json.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// The output: UTF-8 bytes with the code point count and ASCII-ness kept up
// to date, so the str is made at the end without scanning the text again.
typedef struct {
    KrThreadState *ts;
    char *p;
    KrSsize size, cap;
    KrSsize length;                // code points
    bool ascii;
    char inline_buf[256];
} Buf;

static void buf_init(Buf *b, KrThreadState *ts) {
    b->ts = ts;
    b->p = b->inline_buf;
    b->size = b->length = 0;
    b->cap = (KrSsize)sizeof b->inline_buf;
    b->ascii = true;
}

static void buf_discard(Buf *b) {
    if (b->p != b->inline_buf) krMem_free(b->p);
}

static int buf_grow(Buf *b, KrSsize extra) {
    if (extra > KR_SSIZE_MAX / 4 - b->size) {
        krErr_no_memory(b->ts);
        return -1;
    }
    KrSsize cap = b->cap * 2;
    if (cap < b->size + extra) cap = b->size + extra;
    char *np = b->p == b->inline_buf ? krMem_malloc((size_t)cap) : krMem_realloc(b->p, (size_t)cap);
    if (!np) {
        krErr_no_memory(b->ts);
        return -1;
    }
    if (b->p == b->inline_buf) memcpy(np, b->p, (size_t)b->size);
    b->p = np;
    b->cap = cap;
    return 0;
}

// Appends `n` bytes holding `cps` code points.
static inline int buf_put(Buf *b, const char *s, KrSsize n, KrSsize cps, bool ascii) {
    if (n > b->cap - b->size && buf_grow(b, n) < 0) return -1;
    memcpy(b->p + b->size, s, (size_t)n);
    b->size += n;
    b->length += cps;
    b->ascii &= ascii;
    return 0;
}

static inline int buf_ascii(Buf *b, const char *s, KrSsize n) { return buf_put(b, s, n, n, true); }

static int buf_str(Buf *b, KrObject *s) {
    return buf_put(b, krStr_utf8(s), krStr_size(s), krStr_len(s), krStr_is_ascii(s));
}

// The str of the buffer (which is released).  New reference.
static KrObject *buf_finish(Buf *b) {
    KrObject *r = krStr_new_raw(b->ts, b->size, b->length, b->ascii);
    if (r) memcpy(krStr_raw_data(r), b->p, (size_t)b->size);
    buf_discard(b);
    return r;
}

typedef struct {
    KrThreadState *ts;
    Buf out;
    KrObject *defaultfn;           // borrowed; NULL: the TypeError of JSONEncoder.default
    KrObject *strfn;               // borrowed; NULL: the built-in string encoder
    KrObject *indent;              // borrowed str or NULL
    KrObject *key_sep, *item_sep;  // borrowed strs
    bool ensure_ascii, sort_keys, skipkeys, allow_nan, check_circular;
    KrObject **stack;              // the markers: objects being encoded
    int depth, cap;
} Enc;

static int encode_obj(Enc *e, KrObject *o, KrSsize level);

// ---------------------------------------------------------------------------
// Strings

static const char hexdigits[] = "0123456789abcdef";

static int put_u(Buf *sb, uint32_t u) {
    char buf[6] = {'\\', 'u', hexdigits[(u >> 12) & 15], hexdigits[(u >> 8) & 15], hexdigits[(u >> 4) & 15],
                   hexdigits[u & 15]};
    return buf_ascii(sb, buf, 6);
}

// Appends the JSON form of str `s` (quotes included).
static int put_string(Buf *sb, KrObject *s, bool ascii) {
    const unsigned char *p = (const unsigned char *)krStr_utf8(s), *end = p + krStr_size(s), *chunk = p;
    KrSsize cps = 0;               // code points in the current chunk
    bool high = false;
    if (buf_ascii(sb, "\"", 1) < 0) return -1;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !ascii)) {
            cps += (c & 0xC0) != 0x80;
            high |= c >= 0x80;
            p++;
            continue;
        }
        if (buf_put(sb, (const char *)chunk, p - chunk, cps, !high) < 0) return -1;
        cps = 0;
        high = false;
        int r;
        if (c < 0x80 && c != 0x7f) {
            const char *esc = NULL;
            switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            default: break;
            }
            r = esc ? buf_ascii(sb, esc, 2) : put_u(sb, c);
            p++;
        } else if (c == 0x7f) {
            r = put_u(sb, c);
            p++;
        } else {
            uint32_t u = krUtf8_decode((const char **)&p);
            if (u >= 0x10000) {
                u -= 0x10000;
                r = put_u(sb, 0xd800 | ((u >> 10) & 0x3ff));
                if (r == 0) r = put_u(sb, 0xdc00 | (u & 0x3ff));
            } else {
                r = put_u(sb, u);
            }
        }
        if (r < 0) return -1;
        chunk = p;
    }
    if (buf_put(sb, (const char *)chunk, p - chunk, cps, !high) < 0) return -1;
    return buf_ascii(sb, "\"", 1);
}

static KrObject *encode_basestring(KrThreadState *ts, KrObject *s, bool ascii) {
    if (!krStr_check(s))
        return krErr_format(ts, &KrExc_TypeError, "first argument must be a string, not %.80s", krType_name(KR_TYPE(s)));
    Buf sb;
    buf_init(&sb, ts);
    if (put_string(&sb, s, ascii) < 0) {
        buf_discard(&sb);
        return NULL;
    }
    return buf_finish(&sb);
}

KrObject *krJson_encode_basestring(KrThreadState *ts, KrObject *self, KrObject *s) {
    return encode_basestring(ts, s, false);
}

KrObject *krJson_encode_basestring_ascii(KrThreadState *ts, KrObject *self, KrObject *s) {
    return encode_basestring(ts, s, true);
}

static int enc_string(Enc *e, KrObject *s) {
    if (!e->strfn) return put_string(&e->out, s, e->ensure_ascii);
    KrObject *r = krObj_call1(e->ts, e->strfn, s);
    if (!r) return -1;
    if (!krStr_check(r)) {
        krErr_format(e->ts, &KrExc_TypeError, "encoder() must return a string, not %.80s", krType_name(KR_TYPE(r)));
        kr_decref(r);
        return -1;
    }
    int rc = buf_str(&e->out, r);
    kr_decref(r);
    return rc;
}

// ---------------------------------------------------------------------------
// Numbers and constants

// The text of float `o` (float.__repr__ or NaN/Infinity), into buf.
static int float_text(Enc *e, KrObject *o, char *buf) {
    double v = krFloat_value(o);
    if (isfinite(v)) return krFloat_repr_buf(v, buf);
    if (!e->allow_nan) {
        if (e->indent) {
            KrObject *r = krFloat_repr_str(e->ts, v);
            if (r) krErr_format(e->ts, &KrExc_ValueError, "Out of range float values are not JSON compliant: %U", r);
            kr_xdecref(r);
        } else {
            krErr_set_string(e->ts, &KrExc_ValueError, "Out of range float values are not JSON compliant");
        }
        return -1;
    }
    strcpy(buf, isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    return (int)strlen(buf);
}

static int put_int(Enc *e, KrObject *o) {
    if (kr_is_smallint(o)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)kr_smallint_value(o));
        return buf_ascii(&e->out, buf, n);
    }
    KrObject *s = krInt_to_decimal_str(e->ts, o);
    if (!s) return -1;
    int r = buf_str(&e->out, s);
    kr_decref(s);
    return r;
}

// ---------------------------------------------------------------------------
// Containers

static int mark(Enc *e, KrObject *o) {
    if (!e->check_circular) return 0;
    for (int i = 0; i < e->depth; i++)
        if (e->stack[i] == o) {
            krErr_set_string(e->ts, &KrExc_ValueError, "Circular reference detected");
            return -1;
        }
    if (e->depth == e->cap) {
        int cap = e->cap ? e->cap * 2 : 16;
        KrObject **st = krMem_realloc(e->stack, (size_t)cap * sizeof(KrObject *));
        if (!st) {
            krErr_no_memory(e->ts);
            return -1;
        }
        e->stack = st;
        e->cap = cap;
    }
    e->stack[e->depth++] = o;
    return 0;
}

static void unmark(Enc *e) {
    if (e->check_circular) e->depth--;
}

static int newline_indent(Enc *e, KrSsize level) {
    if (buf_ascii(&e->out, "\n", 1) < 0) return -1;
    for (KrSsize i = 0; i < level; i++)
        if (buf_str(&e->out, e->indent) < 0) return -1;
    return 0;
}

static int encode_list(Enc *e, KrObject *seq, KrSsize level) {
    KrSsize n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
    if (n == 0) return buf_ascii(&e->out, "[]", 2);
    if (mark(e, seq) < 0) return -1;
    int r = buf_ascii(&e->out, "[", 1);
    if (e->indent && r == 0) r = newline_indent(e, ++level);
    for (KrSsize i = 0; r == 0; i++) {
        // A default() may change a list while it is encoded.
        n = krList_check(seq) ? KR_LIST_SIZE(seq) : KR_TUPLE_SIZE(seq);
        if (i >= n) break;
        if (i) {
            r = buf_str(&e->out, e->item_sep);
            if (r == 0 && e->indent) r = newline_indent(e, level);
            if (r < 0) break;
        }
        KrObject *item = krList_check(seq) ? KR_LIST_GET(seq, i) : KR_TUPLE_GET(seq, i);
        kr_incref(item);
        r = encode_obj(e, item, level);
        kr_decref(item);
    }
    if (r == 0 && e->indent) r = newline_indent(e, level - 1);
    if (r == 0) r = buf_ascii(&e->out, "]", 1);
    unmark(e);
    return r;
}

// The items of `d` as a list of pairs, sorted when asked: new reference.
static KrObject *dict_items(Enc *e, KrObject *d) {
    KrObject *items;
    if (krDict_check_exact(d)) {
        items = krDict_items(e->ts, d);
    } else {
        KrObject *view = krObj_call_method(e->ts, d, krStr_intern_cstr(e->ts, "items"), NULL);
        items = view ? krSeq_list(e->ts, view) : NULL;
        kr_xdecref(view);
    }
    if (items && e->sort_keys && krList_sort(e->ts, items, NULL, false) < 0) {
        kr_decref(items);
        return NULL;
    }
    return items;
}

// Appends the key (converted to a str as JSONEncoder does).  Returns 1 when
// written, 0 when skipped (skipkeys), -1 on error.
static int encode_key(Enc *e, KrObject *key, bool *first, KrSsize level) {
    char buf[64];
    const char *text = NULL;
    KrObject *owned = NULL;
    int n = 0;
    if (krStr_check(key)) {
        // written below
    } else if (krFloat_check(key)) {
        if ((n = float_text(e, key, buf)) < 0) return -1;
        text = buf;
    } else if (key == KR_TRUE || key == KR_FALSE || key == KR_NONE) {
        text = key == KR_TRUE ? "true" : key == KR_FALSE ? "false" : "null";
        n = (int)strlen(text);
    } else if (krInt_check(key)) {
        if (!(owned = krInt_to_decimal_str(e->ts, key))) return -1;
    } else if (e->skipkeys) {
        return 0;
    } else {
        krErr_format(e->ts, &KrExc_TypeError, "keys must be str, int, float, bool or None, not %s",
                     krType_name(KR_TYPE(key)));
        return -1;
    }
    int r = 0;
    if (!*first) {
        r = buf_str(&e->out, e->item_sep);
        if (r == 0 && e->indent) r = newline_indent(e, level);
    }
    *first = false;
    if (r == 0) {
        if (text) {
            KrObject *s = krStr_from_utf8(e->ts, text, n);
            r = s ? enc_string(e, s) : -1;
            kr_xdecref(s);
        } else {
            r = enc_string(e, owned ? owned : key);
        }
    }
    kr_xdecref(owned);
    if (r == 0) r = buf_str(&e->out, e->key_sep);
    return r < 0 ? -1 : 1;
}

// Writes the members of an object from `n` (key, value) pairs in `kv`.
static int encode_members(Enc *e, KrObject *const *kv, KrSsize n, KrSsize level) {
    int r = buf_ascii(&e->out, "{", 1);
    if (e->indent && r == 0) r = newline_indent(e, ++level);
    bool first = true;
    for (KrSsize i = 0; r == 0 && i < n; i++) {
        int k = encode_key(e, kv[2 * i], &first, level);
        if (k < 0) r = -1;
        else if (k > 0) r = encode_obj(e, kv[2 * i + 1], level);
    }
    if (r == 0 && e->indent) r = newline_indent(e, level - 1);
    return r == 0 ? buf_ascii(&e->out, "}", 1) : -1;
}

static int encode_dict(Enc *e, KrObject *d, KrSsize level) {
    if (krDict_size(d) == 0 && krDict_check_exact(d)) return buf_ascii(&e->out, "{}", 2);
    if (!krDict_check_exact(d)) {
        KrSsize len = krObj_length(e->ts, d);
        if (len < 0) return -1;
        if (len == 0) return buf_ascii(&e->out, "{}", 2);
    }
    if (mark(e, d) < 0) return -1;
    KrObject *buf[32], **kv = buf, *items = NULL;
    KrSsize n;
    int r = 0;
    if (krDict_check_exact(d) && !e->sort_keys) {
        // A snapshot of the pairs (strong references): a default() that
        // changes the dict cannot disturb the iteration.
        n = krDict_size(d);
        if (2 * n > 32 && !(kv = krMem_malloc((size_t)(2 * n) * sizeof(KrObject *)))) {
            krErr_no_memory(e->ts);
            unmark(e);
            return -1;
        }
        KrSsize pos = 0, i = 0;
        KrObject *key, *value;
        while (i < n && krDict_next(d, &pos, &key, &value)) {
            kv[2 * i] = kr_newref(key);
            kv[2 * i + 1] = kr_newref(value);
            i++;
        }
        n = i;
        r = encode_members(e, kv, n, level);
        for (i = 0; i < 2 * n; i++) kr_decref(kv[i]);
    } else {
        items = dict_items(e, d);
        n = items ? KR_LIST_SIZE(items) : 0;
        if (!items || (2 * n > 32 && !(kv = krMem_malloc((size_t)(2 * n) * sizeof(KrObject *))))) {
            if (items) krErr_no_memory(e->ts);
            r = -1;
        }
        for (KrSsize i = 0; r == 0 && i < n; i++) {
            KrObject *pair = KR_LIST_GET(items, i);
            if (!krTuple_check(pair) || KR_TUPLE_SIZE(pair) != 2) {
                krErr_set_string(e->ts, &KrExc_ValueError, "items must return 2-tuples");
                r = -1;
                break;
            }
            kv[2 * i] = KR_TUPLE_GET(pair, 0);
            kv[2 * i + 1] = KR_TUPLE_GET(pair, 1);
        }
        if (r == 0) r = encode_members(e, kv, n, level);
        kr_xdecref(items);
    }
    if (kv != buf) krMem_free(kv);
    unmark(e);
    return r;
}

static int encode_default(Enc *e, KrObject *o, KrSsize level) {
    if (mark(e, o) < 0) return -1;
    KrObject *r;
    if (e->defaultfn) {
        r = krObj_call1(e->ts, e->defaultfn, o);
    } else {
        r = krErr_format(e->ts, &KrExc_TypeError, "Object of type %s is not JSON serializable", krType_name(KR_TYPE(o)));
    }
    int rc = -1;
    if (r) {
        rc = encode_obj(e, r, level);
        kr_decref(r);
    }
    unmark(e);
    return rc;
}

static int encode_obj(Enc *e, KrObject *o, KrSsize level) {
    if (kr_is_smallint(o)) return put_int(e, o);
    if (krStr_check(o)) return enc_string(e, o);
    if (o == KR_NONE) return buf_ascii(&e->out, "null", 4);
    if (o == KR_TRUE) return buf_ascii(&e->out, "true", 4);
    if (o == KR_FALSE) return buf_ascii(&e->out, "false", 5);
    if (krInt_check(o)) return put_int(e, o);
    if (krFloat_check(o)) {
        char buf[64];
        int n = float_text(e, o, buf);
        return n < 0 ? -1 : buf_ascii(&e->out, buf, n);
    }
    if (krErr_enter_recursive_call(e->ts, " while encoding a JSON object") < 0) return -1;
    int r;
    if (krList_check(o) || krTuple_check(o)) r = encode_list(e, o, level);
    else if (krDict_check(o)) r = encode_dict(e, o, level);
    else r = encode_default(e, o, level);
    krErr_leave_recursive_call(e->ts);
    return r;
}

static KrObject *run(Enc *e, KrObject *o, KrSsize level) {
    buf_init(&e->out, e->ts);
    e->stack = NULL;
    e->depth = e->cap = 0;
    int r = encode_obj(e, o, level);
    krMem_free(e->stack);
    if (r < 0) {
        buf_discard(&e->out);
        return NULL;
    }
    return buf_finish(&e->out);
}

// ---------------------------------------------------------------------------
// c_make_encoder(markers, default, encoder, indent, key_separator,
//                item_separator, sort_keys, skipkeys, allow_nan)

typedef struct {
    KR_OBJECT_HEAD;
    bool check_circular, ensure_ascii, sort_keys, skipkeys, allow_nan;
    KrObject *defaultfn;           // strong
    KrObject *strfn;               // strong or NULL (the built-in string encoders)
    KrObject *indent;              // strong str or NULL
    KrObject *key_sep, *item_sep;  // strong strs
} KrJsonEncoder;

static bool is_builtin(KrObject *f, KrCFunc fn) {
    return KR_TYPE(f) == &KrCFunction_Type && ((KrCFunctionObject *)f)->def->func == fn;
}

static int sep_arg(KrThreadState *ts, KrObject *o, const char *what) {
    if (krStr_check(o)) return 0;
    krErr_format(ts, &KrExc_TypeError, "make_encoder() argument %s must be str, not %.200s", what,
                 krType_name(KR_TYPE(o)));
    return -1;
}

static KrObject *encoder_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"markers", "default", "encoder", "indent", "key_separator",
                                        "item_separator", "sort_keys", "skipkeys", "allow_nan"};
    KrObject *a[9];
    if (krArg_parse(ts, "make_encoder", args, nargs, kwnames, names, 9, 0, 9, 9, a) < 0) return NULL;
    if (a[0] != KR_NONE && !krDict_check(a[0]))
        return krErr_format(ts, &KrExc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                            krType_name(KR_TYPE(a[0])));
    if (sep_arg(ts, a[4], "5") < 0 || sep_arg(ts, a[5], "6") < 0) return NULL;
    if (a[3] != KR_NONE && !krStr_check(a[3]))
        return krErr_format(ts, &KrExc_TypeError, "make_encoder() argument 4 must be str or None, not %.200s",
                            krType_name(KR_TYPE(a[3])));
    int flags[3];
    for (int i = 0; i < 3; i++)
        if ((flags[i] = krObj_is_true(ts, a[6 + i])) < 0) return NULL;
    KrJsonEncoder *enc = (KrJsonEncoder *)krObj_alloc(ts, type, 0);
    if (!enc) return NULL;
    enc->check_circular = a[0] != KR_NONE;
    enc->defaultfn = kr_newref(a[1]);
    enc->ensure_ascii = !is_builtin(a[2], KR_CFUNC(krJson_encode_basestring));
    enc->strfn = is_builtin(a[2], KR_CFUNC(krJson_encode_basestring)) ||
                         is_builtin(a[2], KR_CFUNC(krJson_encode_basestring_ascii))
                     ? NULL
                     : kr_newref(a[2]);
    enc->indent = a[3] == KR_NONE ? NULL : kr_newref(a[3]);
    enc->key_sep = kr_newref(a[4]);
    enc->item_sep = kr_newref(a[5]);
    enc->sort_keys = flags[0];
    enc->skipkeys = flags[1];
    enc->allow_nan = flags[2];
    krGC_track((KrObject *)enc);
    return (KrObject *)enc;
}

// encoder(obj, _current_indent_level) -> [text]
static KrObject *encoder_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    static const char *const names[] = {"obj", "_current_indent_level"};
    KrObject *a[2];
    if (krArg_parse(ts, "_iterencode", args, kr_vectorcall_nargs(nargsf), kwnames, names, 2, 0, 2, 2, a) < 0)
        return NULL;
    KrSsize level = krNum_as_ssize(ts, a[1], &KrExc_OverflowError);
    if (level == -1 && krErr_occurred(ts)) return NULL;
    KrJsonEncoder *enc = (KrJsonEncoder *)self;
    Enc e = {.ts = ts, .defaultfn = enc->defaultfn, .strfn = enc->strfn, .indent = enc->indent,
             .key_sep = enc->key_sep, .item_sep = enc->item_sep, .ensure_ascii = enc->ensure_ascii,
             .sort_keys = enc->sort_keys, .skipkeys = enc->skipkeys, .allow_nan = enc->allow_nan,
             .check_circular = enc->check_circular};
    KrObject *text = run(&e, a[0], level);
    if (!text) return NULL;
    KrObject *list = krList_new(ts, 1);
    if (!list) {
        kr_decref(text);
        return NULL;
    }
    KR_LIST_SET(list, 0, text);
    return list;
}

static int encoder_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrJsonEncoder *enc = (KrJsonEncoder *)self;
    KR_VISIT(enc->defaultfn);
    KR_VISIT(enc->strfn);
    KR_VISIT(enc->indent);
    KR_VISIT(enc->key_sep);
    KR_VISIT(enc->item_sep);
    return 0;
}

static int encoder_clear(KrObject *self) {
    KrJsonEncoder *enc = (KrJsonEncoder *)self;
    KR_CLEAR(enc->defaultfn);
    KR_CLEAR(enc->strfn);
    KR_CLEAR(enc->indent);
    KR_CLEAR(enc->key_sep);
    KR_CLEAR(enc->item_sep);
    return 0;
}

static void encoder_dealloc(KrObject *self) {
    krGC_untrack(self);
    encoder_clear(self);
    krObj_free(self);
}

KrTypeObject KrJsonEncoder_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(KrJsonEncoder),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "_iterencode(obj, _current_indent_level) -> iterable",
    .tp_new = encoder_new,
    .tp_dealloc = encoder_dealloc,
    .tp_traverse = encoder_traverse,
    .tp_clear = encoder_clear,
    .tp_call = encoder_call,
    .tp_getattro = krObj_generic_getattr,
};

// ---------------------------------------------------------------------------
// _json.dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
//             allow_nan=True, indent=None, separators=None, default=None,
//             sort_keys=False): json.dumps for a plain JSONEncoder, with the
// indent already a str.  The result is the encoded str.

KrObject *krJson_dumps(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                                        "indent", "separators", "default", "sort_keys"};
    KrObject *a[9];
    if (nargs == 1 && !kwnames) {
        Enc e = {.ts = ts, .key_sep = NULL, .item_sep = NULL, .ensure_ascii = true, .allow_nan = true,
                 .check_circular = true};
        e.key_sep = krStr_intern_cstr(ts, ": ");
        e.item_sep = krStr_intern_cstr(ts, ", ");
        if (!e.key_sep || !e.item_sep) return NULL;
        return run(&e, args[0], 0);
    }
    if (krArg_parse(ts, "dumps", args, nargs, kwnames, names, 9, 1, 1, 1, a) < 0) return NULL;
    int flags[5] = {0, 1, 1, 1, 0};
    KrObject *const fl[5] = {a[1], a[2], a[3], a[4], a[8]};
    for (int i = 0; i < 5; i++)
        if (fl[i] && (flags[i] = krObj_is_true(ts, fl[i])) < 0) return NULL;
    KrObject *indent = a[5] && a[5] != KR_NONE ? a[5] : NULL;
    if (indent && !krStr_check(indent))
        return krErr_format(ts, &KrExc_TypeError, "indent must be a str here, not %.200s", krType_name(KR_TYPE(indent)));
    KrObject *key_sep, *item_sep;
    if (a[6] && a[6] != KR_NONE) {
        if (!krTuple_check(a[6]) || KR_TUPLE_SIZE(a[6]) != 2 || !krStr_check(KR_TUPLE_GET(a[6], 0)) ||
            !krStr_check(KR_TUPLE_GET(a[6], 1)))
            return krErr_format(ts, &KrExc_TypeError, "separators must be a pair of str");
        item_sep = KR_TUPLE_GET(a[6], 0);
        key_sep = KR_TUPLE_GET(a[6], 1);
    } else {
        item_sep = krStr_intern_cstr(ts, indent ? "," : ", ");
        key_sep = krStr_intern_cstr(ts, ": ");
        if (!item_sep || !key_sep) return NULL;
    }
    Enc e = {.ts = ts, .defaultfn = a[7] && a[7] != KR_NONE ? a[7] : NULL, .indent = indent, .key_sep = key_sep,
             .item_sep = item_sep, .skipkeys = flags[0], .ensure_ascii = flags[1], .check_circular = flags[2],
             .allow_nan = flags[3], .sort_keys = flags[4]};
    return run(&e, a[0], 0);
}
