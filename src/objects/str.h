/*
 * str.h — Python's str, stored as UTF-8.
 *
 * Layout: the UTF-8 bytes follow the header inline, NUL-terminated.  `length`
 * counts code points; when the string is all ASCII (`KR_STR_ASCII`) a code point
 * index is a byte index and indexing is O(1).  Otherwise an index of byte
 * offsets (one per KR_STR_INDEX_STRIDE code points) is built on first random
 * access, so s[i] costs O(stride).  Lone surrogates are stored in their 3-byte
 * generalised UTF-8 form and rejected only by strict encoders.
 *
 * Hashing follows CPython exactly: SipHash-1-3 keyed by the runtime hash key,
 * over the code units CPython would store (1, 2 or 4 bytes per code point,
 * chosen by the largest code point), so hash('x') and set order match CPython
 * under the same PYTHONHASHSEED.
 *
 * Strings are immutable once returned by a constructor.  Interned strings are
 * immortal and unique per content, so identifiers compare by pointer.
 *
 * Owner of: str.c (core, interning, hashing, builder), str_methods.c,
 * str_format.c (% formatting, str.format, format specs), unicode.c
 * (classification and case mapping on utf8proc).
 */
#ifndef KR_STR_H
#define KR_STR_H

#include <stdarg.h>
#include "objects/object.h"

enum {
    KR_STR_ASCII = 1 << 0,        // every byte < 0x80
    KR_STR_INTERNED = 1 << 1,     // in the interned table (immortal)
    KR_STR_WIDTH_KNOWN = 1 << 2,  // `width` is valid
};

#define KR_STR_INDEX_STRIDE 32

typedef struct KrStrObject {
    KR_OBJECT_HEAD;
    KrSsize length;               // code points
    KrSsize size;                 // UTF-8 bytes, excluding the NUL
    KrHash hash;                  // -1 until computed
    uint8_t flags;                // KR_STR_*
    uint8_t width;                // 1, 2 or 4: CPython's storage width (when KR_STR_WIDTH_KNOWN)
    KrSsize *index;               // lazily built byte offsets (non-ASCII only), or NULL
    char data[];                  // size + 1 bytes
} KrStrObject;

extern KrTypeObject KrStr_Type;

static inline bool krStr_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_STR_SUBCLASS) != 0;
}
static inline bool krStr_check_exact(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrStr_Type; }
static inline const char *krStr_utf8(const KrObject *s) { return ((const KrStrObject *)s)->data; }
static inline KrSsize krStr_size(const KrObject *s) { return ((const KrStrObject *)s)->size; }
static inline KrSsize krStr_len(const KrObject *s) { return ((const KrStrObject *)s)->length; }
static inline bool krStr_is_ascii(const KrObject *s) { return (((const KrStrObject *)s)->flags & KR_STR_ASCII) != 0; }

// Constructors: new references; raise MemoryError.
// `s` must be valid (generalised) UTF-8; it is not checked.
KrObject *krStr_from_utf8(KrThreadState *ts, const char *s, KrSsize size);
KrObject *krStr_from_cstr(KrThreadState *ts, const char *s);
// Decodes UTF-8 with an error handler ("strict", "replace", "surrogateescape",
// "ignore", "backslashreplace", "surrogatepass"); raises UnicodeDecodeError.
KrObject *krStr_decode_utf8(KrThreadState *ts, const char *s, KrSsize size, const char *errors);
KrObject *krStr_from_codepoint(KrThreadState *ts, uint32_t cp);
// Uninitialised string of `size` bytes and `length` code points, for the
// caller to fill (then call krStr_finish_raw).  `ascii`: every byte < 0x80.
KrObject *krStr_new_raw(KrThreadState *ts, KrSsize size, KrSsize length, bool ascii);
static inline char *krStr_raw_data(KrObject *s) { return ((KrStrObject *)s)->data; }
// The empty string (immortal, borrowed) and the 128 one-character ASCII strings.
KrObject *krStr_empty(void);
KrObject *krStr_ascii_char(int c);

// Builds a str from a printf-like format (the conversions of krErr_format).
KrObject *krStr_from_format(KrThreadState *ts, const char *fmt, ...);
KrObject *krStr_vfrom_format(KrThreadState *ts, const char *fmt, va_list va);

// Interning.  The result is immortal; the caller may keep it without owning a
// reference (decref is harmless).  Raises MemoryError.
KrObject *krStr_intern_cstr(KrThreadState *ts, const char *s);
KrObject *krStr_intern_utf8(KrThreadState *ts, const char *s, KrSsize size);
// Replaces *p (an exact str, owned) by the interned equal string.  Never fails
// (on memory exhaustion *p is left as it was).
void krStr_intern_inplace(KrThreadState *ts, KrObject **p);

// Equality of two strs (exact or subclass): compares content.  Never fails.
bool krStr_eq(KrObject *a, KrObject *b);
bool krStr_eq_cstr(KrObject *a, const char *s);
// <0, 0, >0 by code point order.  Never fails.
int krStr_compare(KrObject *a, KrObject *b);
KrHash krStr_hash(KrObject *s);   // Never fails.
// Hash of arbitrary bytes as bytes objects hash (SipHash-1-3).  Never fails.
KrHash krHash_bytes(const void *data, KrSsize len);

// Byte offset of code point `i` (0 <= i <= length).  May build the index;
// raises MemoryError (returns -1).
KrSsize krStr_byte_offset(KrThreadState *ts, KrObject *s, KrSsize i);
// Code point at index `i` (must be in range).  -1 on MemoryError.
int32_t krStr_char_at(KrThreadState *ts, KrObject *s, KrSsize i);
// Decodes one code point at p (generalised UTF-8), advancing *p.  Never fails.
uint32_t krUtf8_decode(const char **p);
// Encodes `cp` into buf (>= 4 bytes); returns the byte count.
int krUtf8_encode(uint32_t cp, char *buf);

// str.isidentifier().  Never fails.
bool krStr_is_identifier(KrObject *s);

KrObject *krStr_concat(KrThreadState *ts, KrObject *a, KrObject *b);
// `*ps += t` for the `s += t` idiom: when the caller holds the only reference
// to the exact str *ps, it is resized in place (amortised by realloc), else a
// new string replaces it.  Consumes the reference in *ps and stores a new one
// on success; 0, or -1 (MemoryError/OverflowError) with *ps unchanged.
int krStr_concat_inplace(KrThreadState *ts, KrObject **ps, KrObject *t);
// sep.join(iterable)
KrObject *krStr_join(KrThreadState *ts, KrObject *sep, KrObject *iterable);
// `s` with every non-ASCII character escaped as \xNN, \uNNNN or \UNNNNNNNN
// (what ascii() does to a repr).  New reference.
KrObject *krStr_ascii_escape(KrThreadState *ts, KrObject *s);
// repr(s) with Python's quoting rules.
KrObject *krStr_repr(KrThreadState *ts, KrObject *s);
// s[start:stop] in code points (clamped by the caller).
KrObject *krStr_substring(KrThreadState *ts, KrObject *s, KrSsize start, KrSsize stop);

// ascii() of a str: non-ASCII code points escaped as \xNN, \uNNNN or
// \UNNNNNNNN (no quotes added).  krObj_ascii applies it to repr(o).  New reference.
KrObject *krStr_ascii_escape(KrThreadState *ts, KrObject *s);
// Fills the SipHash key CPython derives from PYTHONHASHSEED=`seed` (all zero
// for 0), for the runtime's hash_key.  Never fails.
void krHash_key_from_seed(uint64_t seed, uint64_t key[2]);

// Encoding and decoding (codecs.c).  `encoding` and `errors` may be NULL
// (utf-8, strict).  Raise LookupError "unknown encoding: x",
// UnicodeEncodeError / UnicodeDecodeError with CPython's messages.
KrObject *krStr_encode(KrThreadState *ts, KrObject *s, const char *encoding, const char *errors);
KrObject *krStr_decode(KrThreadState *ts, const char *data, KrSsize size, const char *encoding, const char *errors);
// Strict UTF-8 encoding of a str (bytes, new reference); UnicodeEncodeError on
// lone surrogates.
KrObject *krStr_as_utf8_bytes(KrThreadState *ts, KrObject *s);
// Checks that `s` has no lone surrogates: 0, or -1 with UnicodeEncodeError
// ('utf-8' codec can't encode character...), for APIs that need real UTF-8.
int krStr_check_utf8(KrThreadState *ts, KrObject *s);

// str.isidentifier().  Never fails.
bool krStr_is_identifier(KrObject *s);

// format(obj, spec) for str: the format-spec mini-language (str_format.c).
KrObject *krStr_format_spec(KrThreadState *ts, KrObject *s, KrObject *spec);
// `fmt % args`
KrObject *krStr_percent_format(KrThreadState *ts, KrObject *fmt, KrObject *args);

// ---------------------------------------------------------------------------
// String builder: appends in amortised O(1) and produces a str at the end.

typedef struct KrStrBuilder {
    char *buf;
    KrSsize size, capacity;
    KrSsize length;              // code points appended
    bool ascii;
    char inline_buf[128];
} KrStrBuilder;

void krSB_init(KrStrBuilder *sb);
// Each append returns 0, or -1 with MemoryError.  `s` must be valid UTF-8.
int krSB_append(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size);
int krSB_append_cstr(KrThreadState *ts, KrStrBuilder *sb, const char *s);
int krSB_append_str(KrThreadState *ts, KrStrBuilder *sb, KrObject *str);
int krSB_append_char(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp);
// Appends str(o) / repr(o).
int krSB_append_obj_str(KrThreadState *ts, KrStrBuilder *sb, KrObject *o);
int krSB_append_obj_repr(KrThreadState *ts, KrStrBuilder *sb, KrObject *o);
int krSB_printf(KrThreadState *ts, KrStrBuilder *sb, const char *fmt, ...);
// Returns the str (new reference) and resets the builder.  Raises MemoryError.
KrObject *krSB_finish(KrThreadState *ts, KrStrBuilder *sb);
// Frees the buffer without producing a str.
void krSB_discard(KrStrBuilder *sb);

// ---------------------------------------------------------------------------
// Interned identifiers used by the runtime: KR_ID(__init__) is the interned str
// "__init__".  The list is identifiers.def.

typedef struct KrIdentifiers {
#define KR_IDENT(name) KrObject *name;
#define KR_IDENT_STR(name, text) KrObject *name;
#include "objects/identifiers.def"
#undef KR_IDENT
#undef KR_IDENT_STR
} KrIdentifiers;

extern KrIdentifiers kr_ids;
#define KR_ID(name) (kr_ids.name)

// Interns every identifier of identifiers.def.  0 or -1.
int krStr_init_identifiers(KrThreadState *ts);

#endif
