/*
 * unicodedata.c — the unicodedata module: character properties from
 * utf8proc (category, bidirectional class, combining class, mirrored,
 * normalization), decimal/digit values from unicode.c, and East Asian widths
 * and numeric values from the generated unicodedata_tables.h, character
 * names and decomposition mappings from unicodedata_names.h and
 * unicodedata_tables.h (name aliases and named sequences are not carried).
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "modules/unicodedata.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/unicode.h"
#include "runtime/error.h"

#include "modules/unicodedata_tables.h"
#include "modules/unicodedata_names.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const category_names[] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
    "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
};

static const char *const bidi_names[] = {
    "", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
    "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI",
};

static const char *const eaw_names[] = {"N", "A", "H", "W", "F", "Na"};

// The code point of the one-character str `arg`, or -1 with TypeError set
// ("<fname>() argument must be a unicode character, not <type>").
static int32_t char_arg(KrThreadState *ts, const char *fname, KrObject *arg) {
    if (!krStr_check(arg) || krStr_len(arg) != 1) {
        // Functions with a second (default) parameter number the argument.
        bool numbered = !strcmp(fname, "decimal") || !strcmp(fname, "digit") || !strcmp(fname, "numeric") ||
                        !strcmp(fname, "name");
        krErr_format(ts, &KrExc_TypeError, "%s() argument %smust be a unicode character, not %T", fname,
                     numbered ? "1 " : "", arg);
        return -1;
    }
    const char *p = krStr_utf8(arg);
    return (int32_t)krUtf8_decode(&p);
}

// True for code points unassigned in Unicode 14.0 (CPython 3.11's version),
// which utf8proc's newer data may have assigned.
static bool unassigned(uint32_t c) {
    size_t lo = 0, hi = COUNT(unassigned_ranges);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (unassigned_ranges[mid].last < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < COUNT(unassigned_ranges) && unassigned_ranges[lo].first <= c;
}

// The properties of c, as an unassigned code point's when Unicode 14.0 had
// none.
static const utf8proc_property_t *prop(int32_t c) {
    return unassigned((uint32_t)c) ? utf8proc_get_property(0x378) : utf8proc_get_property(c);
}

static KrObject *ud_category(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "category", arg);
    if (c < 0) return NULL;
    if (c >= 0xD800 && c <= 0xDFFF) return krStr_from_cstr(ts, "Cs");
    int cat = prop(c)->category;
    return krStr_from_cstr(ts, cat >= 0 && cat < (int)COUNT(category_names) ? category_names[cat] : "Cn");
}

static KrObject *ud_bidirectional(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "bidirectional", arg);
    if (c < 0) return NULL;
    if (c >= 0xD800 && c <= 0xDFFF) return krStr_from_cstr(ts, "L");
    int b = prop(c)->bidi_class;
    return krStr_from_cstr(ts, b >= 0 && b < (int)COUNT(bidi_names) ? bidi_names[b] : "");
}

static KrObject *ud_combining(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "combining", arg);
    if (c < 0) return NULL;
    return kr_smallint(prop(c)->combining_class);
}

static KrObject *ud_mirrored(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "mirrored", arg);
    if (c < 0) return NULL;
    return kr_smallint(prop(c)->bidi_mirrored ? 1 : 0);
}

static KrObject *ud_east_asian_width(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "east_asian_width", arg);
    if (c < 0) return NULL;
    size_t lo = 0, hi = COUNT(eaw_runs);
    while (hi - lo > 1) {              // last run starting at or before c
        size_t mid = (lo + hi) / 2;
        if (eaw_runs[mid].start <= (uint32_t)c) lo = mid;
        else hi = mid;
    }
    return krStr_from_cstr(ts, eaw_names[eaw_runs[lo].width]);
}

// The numeric value of c, or false when it has none.
static bool numeric_value(uint32_t c, double *out) {
    size_t lo = 0, hi = COUNT(numeric_runs);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (numeric_runs[mid].start + numeric_runs[mid].count <= c) lo = mid + 1;
        else hi = mid;
    }
    if (lo < COUNT(numeric_runs) && numeric_runs[lo].start <= c) {
        *out = numeric_runs[lo].value + (double)(c - numeric_runs[lo].start);
        return true;
    }
    return false;
}

// decimal(chr[, default]), digit(chr[, default]), numeric(chr[, default]).
static KrObject *value_or_default(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs,
                                  int which) {
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) krErr_format(ts, &KrExc_TypeError, "%s expected at least 1 argument, got 0", fname);
        else krErr_format(ts, &KrExc_TypeError, "%s expected at most 2 arguments, got %zd", fname, (size_t)nargs);
        return NULL;
    }
    int32_t c = char_arg(ts, fname, args[0]);
    if (c < 0) return NULL;
    if (which == 0 || which == 1) {
        int v = which == 0 ? krUnicode_decimal((uint32_t)c) : krUnicode_digit((uint32_t)c);
        if (v >= 0) return kr_smallint(v);
    } else {
        double d;
        if (numeric_value((uint32_t)c, &d)) return krFloat_new(ts, d);
    }
    if (nargs == 2) return kr_newref(args[1]);
    krErr_set_string(ts, &KrExc_ValueError,
                     which == 0 ? "not a decimal" : which == 1 ? "not a digit" : "not a numeric character");
    return NULL;
}

static KrObject *ud_decimal(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return value_or_default(ts, "decimal", args, nargs, 0);
}
static KrObject *ud_digit(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return value_or_default(ts, "digit", args, nargs, 1);
}
static KrObject *ud_numeric(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return value_or_default(ts, "numeric", args, nargs, 2);
}

// The utf8proc options for a normalization form name, or -1 with ValueError.
static int form_options(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs) {
    if (nargs != 2) {
        krErr_format(ts, &KrExc_TypeError, "%s expected 2 arguments, got %zd", fname, (size_t)nargs);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        if (!krStr_check(args[i])) {
            krErr_format(ts, &KrExc_TypeError, "%s() argument %d must be str, not %T", fname, i + 1, args[i]);
            return -1;
        }
    }
    const char *f = krStr_utf8(args[0]);
    if (!strcmp(f, "NFC")) return UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    if (!strcmp(f, "NFD")) return UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
    if (!strcmp(f, "NFKC")) return UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    if (!strcmp(f, "NFKD")) return UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    krErr_set_string(ts, &KrExc_ValueError, "invalid normalization form");
    return -1;
}

// Normalizes UTF-8 text with utf8proc.  New reference.
static KrObject *map_utf8(KrThreadState *ts, const char *text, KrSsize size, int options) {
    if (size == 0) return krStr_from_utf8(ts, text, 0);
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, size, &res, (utf8proc_option_t)options);
    if (n < 0) {
        if (n == UTF8PROC_ERROR_NOMEM) return krErr_no_memory(ts);
        // Lone surrogates: utf8proc rejects them.
        krErr_set_string(ts, &KrExc_ValueError, "unicodedata: cannot normalize a string with surrogates");
        return NULL;
    }
    KrObject *r = krStr_from_utf8(ts, (const char *)res, n);
    free(res);
    return r;
}

// Appends the normalized text[start, stop) and then the raw bytes
// text[stop, raw_end) to *acc.  0 or -1.
static int append_segment(KrThreadState *ts, KrObject **acc, const char *text, KrSsize start, KrSsize stop,
                          KrSsize raw_end, int options) {
    KrObject *seg = map_utf8(ts, text + start, stop - start, options);
    if (!seg) return -1;
    KrObject *joined = krStr_concat(ts, *acc, seg);
    kr_decref(seg);
    if (!joined) return -1;
    kr_decref(*acc);
    *acc = joined;
    if (raw_end > stop) {
        KrObject *raw = krStr_from_utf8(ts, text + stop, raw_end - stop);
        if (!raw) return -1;
        joined = krStr_concat(ts, *acc, raw);
        kr_decref(raw);
        if (!joined) return -1;
        kr_decref(*acc);
        *acc = joined;
    }
    return 0;
}

// Normalizes `s`.  Code points that Unicode 14.0 leaves unassigned are kept
// as they are (utf8proc's newer data may decompose them): the text between
// them is normalized piece by piece, as they are starters that compose with
// nothing.  New reference.
static KrObject *normalized(KrThreadState *ts, KrObject *s, int options) {
    if (krStr_is_ascii(s)) return kr_newref(s);
    const char *text = krStr_utf8(s);
    KrSsize size = krStr_size(s);
    KrObject *acc = NULL;
    KrSsize seg_start = 0;
    const char *p = text, *end = text + size;
    while (p < end) {
        const char *here = p;
        uint32_t c = krUtf8_decode(&p);
        if (c < 0x80 || !unassigned(c)) continue;
        if (!acc) acc = kr_newref(krStr_empty());
        if (append_segment(ts, &acc, text, seg_start, here - text, p - text, options) < 0) {
            kr_decref(acc);
            return NULL;
        }
        seg_start = p - text;
    }
    if (!acc) return map_utf8(ts, text, size, options);
    if (append_segment(ts, &acc, text, seg_start, size, size, options) < 0) {
        kr_decref(acc);
        return NULL;
    }
    return acc;
}

static KrObject *ud_normalize(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int options = form_options(ts, "normalize", args, nargs);
    if (options < 0) return NULL;
    if (krStr_check_exact(args[1]) && krStr_is_ascii(args[1])) return kr_newref(args[1]);
    KrObject *r = normalized(ts, args[1], options);
    if (r && krStr_check_exact(args[1]) && krStr_size(r) == krStr_size(args[1]) &&
        !memcmp(krStr_utf8(r), krStr_utf8(args[1]), (size_t)krStr_size(r))) {
        kr_decref(r);
        return kr_newref(args[1]);
    }
    return r;
}

static KrObject *ud_is_normalized(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    int options = form_options(ts, "is_normalized", args, nargs);
    if (options < 0) return NULL;
    KrObject *r = normalized(ts, args[1], options);
    if (!r) return NULL;
    bool same = krStr_size(r) == krStr_size(args[1]) &&
                !memcmp(krStr_utf8(r), krStr_utf8(args[1]), (size_t)krStr_size(r));
    kr_decref(r);
    return kr_bool(same);
}

static KrObject *ud_decomposition(KrThreadState *ts, KrObject *self, KrObject *arg) {
    int32_t c = char_arg(ts, "decomposition", arg);
    if (c < 0) return NULL;
    size_t lo = 0, hi = COUNT(decomp_index);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (decomp_index[mid].cp < (uint32_t)c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == COUNT(decomp_index) || decomp_index[lo].cp != (uint32_t)c) return krStr_from_cstr(ts, "");
    const uint32_t *d = decomp_data + decomp_index[lo].index;
    unsigned tag = d[0] >> 8, count = d[0] & 0xFF;
    char buf[32 + 9 * 32];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s", decomp_tags[tag]);
    for (unsigned i = 0; i < count && n < sizeof buf - 10; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%04X", n ? " " : "", (unsigned)d[1 + i]);
    return krStr_from_cstr(ts, buf);
}

// ---------------------------------------------------------------------------
// Names

#define NAME_MAX_LEN 256

// Hangul syllables: the names of the leading consonants, vowels and
// trailing consonants (Unicode's jamo short names).
static const char *const jamo_l[19] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                       "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[21] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                       "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[28] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                       "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                       "SS", "NG", "J", "C", "K", "T", "P", "H"};
#define HANGUL_BASE 0xAC00
#define HANGUL_COUNT 11172

// Writes the name of entry `e` (0-terminated) into buf[NAME_MAX_LEN].
static void entry_name(size_t e, char *buf) {
    const uint8_t *p = name_stream + name_entry_offsets[e / 16];
    for (size_t skip = e % 16; skip; p++)
        if (*p == 0) skip--;
        else if (*p & 0x80) p++;
    size_t n = 0;
    while (*p) {
        unsigned k = *p & 0x80 ? (unsigned)((p[0] & 0x7F) << 8 | p[1]) : (unsigned)(p[0] - 1);
        p += *p & 0x80 ? 2 : 1;
        const char *w = name_words + name_word_offsets[k];
        size_t wl = strlen(w);
        if (n && n < NAME_MAX_LEN - 1) buf[n++] = ' ';
        if (n + wl >= NAME_MAX_LEN) wl = NAME_MAX_LEN - 1 - n;
        memcpy(buf + n, w, wl);
        n += wl;
    }
    buf[n] = 0;
}

// The name of c into buf[NAME_MAX_LEN]; false when it has none.
static bool name_of(uint32_t c, char *buf) {
    if (c >= HANGUL_BASE && c < HANGUL_BASE + HANGUL_COUNT) {
        uint32_t s = c - HANGUL_BASE;
        snprintf(buf, NAME_MAX_LEN, "HANGUL SYLLABLE %s%s%s", jamo_l[s / (21 * 28)], jamo_v[s % (21 * 28) / 28],
                 jamo_t[s % 28]);
        return true;
    }
    for (size_t i = 0; i < COUNT(name_algorithmic); i++)
        if (c >= name_algorithmic[i].first && c <= name_algorithmic[i].last) {
            snprintf(buf, NAME_MAX_LEN, "%s%04X", name_prefixes[name_algorithmic[i].prefix], (unsigned)c);
            return true;
        }
    size_t lo = 0, hi = COUNT(name_runs);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (name_runs[mid].first + name_runs[mid].count <= c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == COUNT(name_runs) || name_runs[lo].first > c) return false;
    entry_name(name_runs[lo].entry + (c - name_runs[lo].first), buf);
    return true;
}

// The code point of entry e.
static uint32_t entry_cp(size_t e) {
    size_t lo = 0, hi = COUNT(name_runs);
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (name_runs[mid].entry <= e) lo = mid;
        else hi = mid;
    }
    return name_runs[lo].first + (uint32_t)(e - name_runs[lo].entry);
}

// Finds the jamo name at the start of *s among names[n] (the longest that
// matches).  Its index, or -1.
static int match_jamo(const char **s, const char *const *names, int n) {
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l >= best_len && !strncmp(*s, names[i], l) && (best < 0 || l > best_len)) {
            best = i;
            best_len = l;
        }
    }
    if (best >= 0) *s += best_len;
    return best;
}

// The code point named `name` (0-terminated), or -1.  The names made by
// rule must be in upper case; the others are looked up in upper case.
static int32_t code_of(const char *name) {
    static const char hangul[] = "HANGUL SYLLABLE ";
    if (!strncmp(name, hangul, sizeof hangul - 1)) {
        const char *s = name + sizeof hangul - 1;
        int l = match_jamo(&s, jamo_l, 19), v = match_jamo(&s, jamo_v, 21), t = match_jamo(&s, jamo_t, 28);
        if (l < 0 || v < 0 || t < 0 || *s) return -1;
        return HANGUL_BASE + (l * 21 + v) * 28 + t;
    }
    for (size_t k = 0; k < COUNT(name_prefixes); k++) {
        size_t pl = strlen(name_prefixes[k]);
        if (strncmp(name, name_prefixes[k], pl)) continue;
        const char *hex = name + pl;
        size_t hl = strlen(hex);
        if (hl != 4 && hl != 5) return -1;
        uint32_t c = 0;
        for (size_t i = 0; i < hl; i++) {
            char h = hex[i];
            if (!((h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'))) return -1;
            c = c * 16 + (uint32_t)(h <= '9' ? h - '0' : h - 'A' + 10);
        }
        for (size_t i = 0; i < COUNT(name_algorithmic); i++)
            if (name_algorithmic[i].prefix == k && c >= name_algorithmic[i].first && c <= name_algorithmic[i].last)
                return (int32_t)c;
        return -1;
    }
    char buf[NAME_MAX_LEN], upper[NAME_MAX_LEN];
    size_t len = strlen(name);
    for (size_t i = 0; i <= len; i++) upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
    name = upper;
    size_t lo = 0, hi = COUNT(name_sorted);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        entry_name(name_sorted[mid], buf);
        int cmp = strcmp(buf, name);
        if (cmp == 0) return (int32_t)entry_cp(name_sorted[mid]);
        if (cmp < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

bool krUnicodeData_lookup(const char *name, size_t len, uint32_t *cp) {
    char copy[NAME_MAX_LEN];
    if (len >= NAME_MAX_LEN) return false;
    for (size_t i = 0; i < len; i++) {
        if (name[i] == 0 || (unsigned char)name[i] >= 0x80) return false;
        copy[i] = name[i];
    }
    copy[len] = 0;
    int32_t c = code_of(copy);
    if (c < 0) return false;
    *cp = (uint32_t)c;
    return true;
}

static KrObject *ud_name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) krErr_format(ts, &KrExc_TypeError, "name expected at least 1 argument, got 0");
        else krErr_format(ts, &KrExc_TypeError, "name expected at most 2 arguments, got %zd", (size_t)nargs);
        return NULL;
    }
    int32_t c = char_arg(ts, "name", args[0]);
    if (c < 0) return NULL;
    char buf[NAME_MAX_LEN];
    if (!unassigned((uint32_t)c) && name_of((uint32_t)c, buf)) return krStr_from_cstr(ts, buf);
    if (nargs == 2) return kr_newref(args[1]);
    krErr_set_string(ts, &KrExc_ValueError, "no such name");
    return NULL;
}

static KrObject *ud_lookup(KrThreadState *ts, KrObject *self, KrObject *arg) {
    const char *text;
    KrSsize size;
    if (krStr_check(arg)) {
        text = krStr_utf8(arg);
        size = krStr_size(arg);
    } else if (krBytes_check(arg)) {
        text = krBytes_data(arg);
        size = krBytes_size(arg);
    } else {
        krErr_format(ts, &KrExc_TypeError, "a bytes-like object is required, not '%T'", arg);
        return NULL;
    }
    uint32_t c;
    if (!krUnicodeData_lookup(text, (size_t)size, &c)) {
        if (size > NAME_MAX_LEN) {
            krErr_set_string(ts, &KrExc_KeyError, "name too long");
            return NULL;
        }
        KrObject *msg = krStr_from_format(ts, "undefined character name '%s'", text);
        if (msg) {
            krErr_set_object(ts, &KrExc_KeyError, msg);
            kr_decref(msg);
        }
        return NULL;
    }
    return krStr_from_codepoint(ts, c);
}

static const KrMethodDef ud_methods[] = {
    {"category", KR_CFUNC(ud_category), KR_METH_O, "Returns the general category assigned to the character chr as string."},
    {"bidirectional", KR_CFUNC(ud_bidirectional), KR_METH_O, "Returns the bidirectional class assigned to the character chr as string."},
    {"combining", KR_CFUNC(ud_combining), KR_METH_O, "Returns the canonical combining class assigned to the character chr as integer."},
    {"mirrored", KR_CFUNC(ud_mirrored), KR_METH_O, "Returns the mirrored property assigned to the character chr as integer."},
    {"east_asian_width", KR_CFUNC(ud_east_asian_width), KR_METH_O, "Returns the east asian width assigned to the character chr as string."},
    {"decimal", KR_CFUNC(ud_decimal), KR_METH_FAST, "Converts a Unicode character into its equivalent decimal value."},
    {"digit", KR_CFUNC(ud_digit), KR_METH_FAST, "Converts a Unicode character into its equivalent digit value."},
    {"numeric", KR_CFUNC(ud_numeric), KR_METH_FAST, "Converts a Unicode character into its equivalent numeric value."},
    {"normalize", KR_CFUNC(ud_normalize), KR_METH_FAST, "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized", KR_CFUNC(ud_is_normalized), KR_METH_FAST, "Return whether the Unicode string unistr is in the normal form 'form'."},
    {"name", KR_CFUNC(ud_name), KR_METH_FAST, "Returns the name assigned to the character chr as a string (not available)."},
    {"lookup", KR_CFUNC(ud_lookup), KR_METH_O, "Look up character by name (not available)."},
    {"decomposition", KR_CFUNC(ud_decomposition), KR_METH_O, "Returns the character decomposition mapping assigned to the character chr as string."},
    {NULL, NULL, 0, NULL},
};

static int ud_exec(KrThreadState *ts, KrObject *m) {
    return krModule_add_string(ts, m, "unidata_version", "14.0.0");
}

const KrModuleDef kr_unicodedata_module_def = {
    "unicodedata",
    "This module provides access to the Unicode Character Database which\n"
    "defines character properties for all Unicode characters.",
    ud_methods,
    ud_exec,
};
