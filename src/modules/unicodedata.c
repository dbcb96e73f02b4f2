/*
 * unicodedata.c — the unicodedata module: character properties from
 * utf8proc (category, bidirectional class, combining class, mirrored,
 * normalization), decimal/digit values from unicode.c, and East Asian widths
 * and numeric values from the generated unicodedata_tables.h.  Character
 * names (name, lookup) and decomposition() are not available: they raise
 * NotImplementedError.
 */
#include <string.h>
#include <utf8proc.h>

#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/unicode.h"
#include "runtime/error.h"

#include "modules/unicodedata_tables.h"

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
        krErr_format(ts, &KrExc_TypeError, "%s() argument must be a unicode character, not %T", fname, arg);
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

static KrObject *ud_missing(KrThreadState *ts, const char *fname) {
    krErr_format(ts, &KrExc_NotImplementedError,
                 "unicodedata.%s() is not available: Krait has no Unicode character name/decomposition data",
                 fname);
    return NULL;
}
static KrObject *ud_name(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return ud_missing(ts, "name");
}
static KrObject *ud_lookup(KrThreadState *ts, KrObject *self, KrObject *arg) { return ud_missing(ts, "lookup"); }
static KrObject *ud_decomposition(KrThreadState *ts, KrObject *self, KrObject *arg) {
    return ud_missing(ts, "decomposition");
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
    {"decomposition", KR_CFUNC(ud_decomposition), KR_METH_O, "Returns the character decomposition mapping (not available)."},
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
