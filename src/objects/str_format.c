/*
 * str_format.c — string formatting: `fmt % args` (printf-style), str.format /
 * str.format_map (the replacement-field grammar with attribute and index
 * lookup, conversions and nested format specs), and str.__format__.
 *
 * Numbers in `%` formatting: integers are formatted here (digits from
 * int.h, then sign, prefix, precision and padding as CPython's
 * formatlong does); floats go through format(float, spec) with an equivalent
 * format spec, so float rendering lives in one place (float_format.c).
 */
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/formatspec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// __format__

KrObject *krStr_format_spec(KrThreadState *ts, KrObject *s, KrObject *spec) {
    if (!spec || krStr_size(spec) == 0)
        return krStr_check_exact(s) ? kr_newref(s) : krStr_from_utf8(ts, krStr_utf8(s), krStr_size(s));
    KrFormatSpec fs;
    if (krFormatSpec_parse(ts, spec, s, 's', '<', &fs) < 0) return NULL;
    if (fs.type != 's') {
        krFormatSpec_unknown_code(ts, &fs, "str");
        return NULL;
    }
    if (fs.sign) {
        krErr_set_string(ts, &KrExc_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (fs.alternate) {
        krErr_set_string(ts, &KrExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (fs.align == '=') {
        krErr_set_string(ts, &KrExc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    const char *d = krStr_utf8(s);
    KrSsize size = krStr_size(s), len = krStr_len(s);
    if (fs.precision >= 0 && fs.precision < len) {
        KrSsize b = 0;
        for (KrSsize k = 0; k < fs.precision; k++) b += kr_utf8_seqlen((unsigned char)d[b]);
        size = b;
        len = fs.precision;
    }
    if (fs.width <= len && size == krStr_size(s))
        return krStr_check_exact(s) ? kr_newref(s) : krStr_from_utf8(ts, d, size);
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krFormatSpec_pad(ts, &sb, &fs, d, size, len, 0) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

KrObject *krStr_format_dunder(KrThreadState *ts, KrObject *self, KrObject *spec) {
    if (!krStr_check(spec))
        return krErr_format(ts, &KrExc_TypeError, "__format__() argument must be str, not %s", krArg_type_name(spec));
    if (krStr_size(spec) == 0 && !krStr_check_exact(self)) return krObj_str(ts, self);  // honours a subclass's __str__
    return krStr_format_spec(ts, self, spec);
}

// ---------------------------------------------------------------------------
// printf-style formatting

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    KrObject *args;       // the right operand
    KrObject *dict;       // args when it is a mapping, else NULL
    KrSsize arglen;       // tuple length, or -1 for a single argument
    KrSsize argidx;
} PctCtx;

static KrObject *next_arg(KrThreadState *ts, PctCtx *c) {
    if (c->argidx < c->arglen) {
        KrSsize i = c->argidx++;
        return c->arglen < 0 ? c->args : KR_TUPLE_GET(c->args, i);
    }
    krErr_set_string(ts, &KrExc_TypeError, "not enough arguments for format string");
    return NULL;
}

// Appends `body` padded to `width` (spaces; left-justified with F_LJUST).
static int pad_body(KrThreadState *ts, KrStrBuilder *sb, const char *body, KrSsize size, KrSsize len, KrSsize width,
                    int flags) {
    KrSsize fill = width > len ? width - len : 0;
    if (!(flags & F_LJUST) && krSB_append_repeat(ts, sb, ' ', fill) < 0) return -1;
    if (krSB_append(ts, sb, body, size) < 0) return -1;
    if ((flags & F_LJUST) && krSB_append_repeat(ts, sb, ' ', fill) < 0) return -1;
    return 0;
}

static int pct_string(KrThreadState *ts, KrStrBuilder *sb, KrObject *v, char conv, KrSsize width, KrSsize prec,
                      int flags) {
    KrObject *s = conv == 's' ? krObj_str(ts, v) : conv == 'r' ? krObj_repr(ts, v) : krObj_ascii(ts, v);
    if (!s) return -1;
    const char *d = krStr_utf8(s);
    KrSsize size = krStr_size(s), len = krStr_len(s);
    if (prec >= 0 && prec < len) {
        KrSsize b = 0;
        for (KrSsize k = 0; k < prec; k++) b += kr_utf8_seqlen((unsigned char)d[b]);
        size = b;
        len = prec;
    }
    int r = pad_body(ts, sb, d, size, len, width, flags);
    kr_decref(s);
    return r;
}

static int pct_char(KrThreadState *ts, KrStrBuilder *sb, KrObject *v, KrSsize width, int flags) {
    uint32_t cp;
    if (krStr_check(v)) {
        if (krStr_len(v) != 1) goto bad;
        const char *p = krStr_utf8(v);
        cp = krUtf8_decode(&p);
    } else if (krNum_is_index(v)) {
        KrObject *iv = krInt_check(v) ? kr_newref(v) : krNum_index(ts, v);
        if (!iv) {
            if (!krErr_matches(ts, &KrExc_TypeError)) return -1;
            krErr_clear(ts);
            goto bad;
        }
        int64_t x;
        bool ok = krInt_to_i64(iv, &x) && x >= 0 && x <= 0x10FFFF;
        kr_decref(iv);
        if (!ok) {
            krErr_set_string(ts, &KrExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        cp = (uint32_t)x;
    } else {
        goto bad;
    }
    char buf[4];
    int n = krUtf8_encode(cp, buf);
    return pad_body(ts, sb, buf, n, 1, width, flags);
bad:
    krErr_set_string(ts, &KrExc_TypeError, "%c requires int or char");
    return -1;
}

static bool is_number(KrObject *v) {
    KrTypeObject *t = KR_TYPE(v);
    return krInt_check(v) || t->nb_index || t->nb_int || t->nb_float || krComplex_check(v);
}

// Digits of int `v` in the base of `conv` (no sign, no prefix): new str.
static KrObject *int_digits(KrThreadState *ts, KrObject *v, char conv, bool *negative) {
    *negative = krInt_sign(v) < 0;
    if (conv == 'd' || conv == 'i' || conv == 'u') {
        KrObject *s = krInt_to_decimal_str(ts, v);
        if (!s || !*negative) return s;
        KrObject *r = krStr_from_ascii(ts, krStr_utf8(s) + 1, krStr_size(s) - 1);
        kr_decref(s);
        return r;
    }
    KrObject *s = krInt_to_base_str(ts, v, conv == 'o' ? 8 : 16);
    if (!s) return NULL;
    KrSsize skip = (*negative ? 1 : 0) + 2;   // "-0x"
    KrObject *r = krStr_from_ascii(ts, krStr_utf8(s) + skip, krStr_size(s) - skip);
    kr_decref(s);
    if (r && conv == 'X') {
        char *d = krStr_raw_data(r);
        for (KrSsize i = 0; i < krStr_size(r); i++)
            if (d[i] >= 'a' && d[i] <= 'f') d[i] = (char)(d[i] - 32);
    }
    return r;
}

static int pct_int(KrThreadState *ts, KrStrBuilder *sb, KrObject *v, char conv, KrSsize width, KrSsize prec,
                   int flags) {
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    KrObject *iv = NULL;
    if (krInt_check(v)) {
        iv = kr_newref(v);
    } else if (is_number(v)) {
        iv = decimal ? krNum_int(ts, v) : krNum_index(ts, v);
        if (!iv && !krErr_matches(ts, &KrExc_TypeError)) return -1;
        if (!iv) krErr_clear(ts);
    }
    if (!iv) {
        krErr_format(ts, &KrExc_TypeError, decimal ? "%%%c format: a real number is required, not %T"
                                                   : "%%%c format: an integer is required, not %T", conv, v);
        return -1;
    }
    bool neg;
    KrObject *digits = int_digits(ts, iv, conv, &neg);
    kr_decref(iv);
    if (!digits) return -1;
    char prefix[4];
    int np = 0;
    if (neg) prefix[np++] = '-';
    else if (flags & F_SIGN) prefix[np++] = '+';
    else if (flags & F_BLANK) prefix[np++] = ' ';
    if ((flags & F_ALT) && !decimal) {
        prefix[np++] = '0';
        prefix[np++] = conv == 'o' ? 'o' : conv;
    }
    KrSsize nd = krStr_size(digits);
    KrSsize zeros = prec > nd ? prec - nd : 0;
    KrSsize body = np + zeros + nd;
    int r = -1;
    if ((flags & F_ZERO) && !(flags & F_LJUST) && width > body) {
        zeros += width - body;
        body = width;
    }
    KrSsize fill = width > body ? width - body : 0;
    if (!(flags & F_LJUST) && krSB_append_repeat(ts, sb, ' ', fill) < 0) goto done;
    if (krSB_append_ascii(ts, sb, prefix, np) < 0 || krSB_append_repeat(ts, sb, '0', zeros) < 0 ||
        krSB_append_str(ts, sb, digits) < 0)
        goto done;
    if ((flags & F_LJUST) && krSB_append_repeat(ts, sb, ' ', fill) < 0) goto done;
    r = 0;
done:
    kr_decref(digits);
    return r;
}

static int pct_float(KrThreadState *ts, KrStrBuilder *sb, KrObject *v, char conv, KrSsize width, KrSsize prec,
                     int flags) {
    KrObject *f;
    if (krFloat_check(v)) {
        f = kr_newref(v);
    } else {
        KrTypeObject *t = KR_TYPE(v);
        if (!krInt_check(v) && !t->nb_float && !t->nb_index) {
            krErr_format(ts, &KrExc_TypeError, "must be real number, not %T", v);
            return -1;
        }
        double d = krFloat_as_double(ts, v);
        if (d == -1.0 && krErr_occurred(ts)) return -1;
        f = krFloat_new(ts, d);
        if (!f) return -1;
    }
    // The equivalent format spec: [<][+| ][#][0][width].prec type
    char spec[64];
    int n = 0;
    if (flags & F_LJUST) spec[n++] = '<';
    if (flags & F_SIGN) spec[n++] = '+';
    else if (flags & F_BLANK) spec[n++] = ' ';
    if (flags & F_ALT) spec[n++] = '#';
    if ((flags & F_ZERO) && !(flags & F_LJUST)) spec[n++] = '0';
    if (width > 0) n += snprintf(spec + n, sizeof spec - (size_t)n, "%zd", width);
    n += snprintf(spec + n, sizeof spec - (size_t)n, ".%zd%c", prec < 0 ? (KrSsize)6 : prec, conv);
    KrObject *specobj = krStr_from_ascii(ts, spec, n);
    KrObject *s = specobj ? krObj_format(ts, f, specobj) : NULL;
    kr_xdecref(specobj);
    kr_decref(f);
    if (!s) return -1;
    int r = krSB_append_str(ts, sb, s);
    kr_decref(s);
    return r;
}

// Parses "(key)" after '%'; *pos is just after '('.  New reference to the value.
static KrObject *pct_key(KrThreadState *ts, PctCtx *c, const char *f, KrSsize n, KrSsize *pos) {
    if (!c->dict) {
        krErr_set_string(ts, &KrExc_TypeError, "format requires a mapping");
        return NULL;
    }
    KrSsize start = *pos, depth = 1, i = start;
    while (i < n) {
        if (f[i] == '(') depth++;
        else if (f[i] == ')' && --depth == 0) break;
        i++;
    }
    if (i >= n) {
        krErr_set_string(ts, &KrExc_ValueError, "incomplete format key");
        return NULL;
    }
    KrObject *key = krStr_from_utf8(ts, f + start, i - start);
    if (!key) return NULL;
    KrObject *v = krObj_getitem(ts, c->dict, key);
    kr_decref(key);
    *pos = i + 1;
    return v;
}

// Reads a '*' width/precision argument.
static int star_arg(KrThreadState *ts, PctCtx *c, KrSsize *out) {
    KrObject *v = next_arg(ts, c);
    if (!v) return -1;
    if (!krInt_check(v)) {
        krErr_set_string(ts, &KrExc_TypeError, "* wants int");
        return -1;
    }
    *out = krInt_as_ssize(ts, v);
    return *out == -1 && krErr_occurred(ts) ? -1 : 0;
}

static int read_number(KrThreadState *ts, const char *f, KrSsize n, KrSsize *pos, KrSsize *out, const char *what) {
    KrSsize v = 0;
    while (*pos < n && f[*pos] >= '0' && f[*pos] <= '9') {
        if (v > (KR_SSIZE_MAX - 9) / 10) {
            krErr_format(ts, &KrExc_ValueError, "%s too big", what);
            return -1;
        }
        v = v * 10 + (f[(*pos)++] - '0');
    }
    *out = v;
    return 0;
}

// Formats one conversion; *pos is just after the '%'.
static int pct_one(KrThreadState *ts, KrStrBuilder *sb, PctCtx *c, const char *f, KrSsize n, KrSsize *pos) {
    KrSsize i = *pos;
    if (i < n && f[i] == '%') {
        *pos = i + 1;
        return krSB_append_char(ts, sb, '%');
    }
    KrObject *keyed = NULL;
    if (i < n && f[i] == '(') {
        i++;
        keyed = pct_key(ts, c, f, n, &i);
        if (!keyed) return -1;
    }
    int r = -1, flags = 0;
    for (; i < n; i++) {
        char ch = f[i];
        if (ch == '-') flags |= F_LJUST;
        else if (ch == '+') flags |= F_SIGN;
        else if (ch == ' ') flags |= F_BLANK;
        else if (ch == '#') flags |= F_ALT;
        else if (ch == '0') flags |= F_ZERO;
        else break;
    }
    KrSsize width = -1, prec = -1;
    if (i < n && f[i] == '*') {
        i++;
        if (star_arg(ts, c, &width) < 0) goto done;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
    } else if (read_number(ts, f, n, &i, &width, "width") < 0) {
        goto done;
    }
    if (i < n && f[i] == '.') {
        i++;
        if (i < n && f[i] == '*') {
            i++;
            if (star_arg(ts, c, &prec) < 0) goto done;
            if (prec < 0) prec = 0;
        } else if (read_number(ts, f, n, &i, &prec, "precision") < 0) {
            goto done;
        }
    }
    while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
    if (i >= n) {
        krErr_set_string(ts, &KrExc_ValueError, "incomplete format");
        goto done;
    }
    KrSsize conv_index = i;
    const char *cp = f + i;
    uint32_t conv = krUtf8_decode(&cp);
    i = cp - f;
    KrObject *v = keyed ? keyed : next_arg(ts, c);
    if (!v) goto done;
    switch (conv) {
    case 's': case 'r': case 'a': r = pct_string(ts, sb, v, (char)conv, width, prec, flags); break;
    case 'c': r = pct_char(ts, sb, v, width, flags); break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        r = pct_int(ts, sb, v, (char)conv, width, prec, flags);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        r = pct_float(ts, sb, v, (char)conv, width, prec, flags);
        break;
    default: {
        KrSsize index = krUtf8_count(f, conv_index);
        krErr_format(ts, &KrExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     conv >= 31 && conv <= 126 ? (int)conv : '?', (unsigned)conv, index);
        break;
    }
    }
done:
    kr_xdecref(keyed);
    *pos = i;
    return r;
}

KrObject *krStr_percent_format(KrThreadState *ts, KrObject *fmt, KrObject *args) {
    PctCtx c = {.args = args, .dict = NULL};
    if (krTuple_check(args)) {
        c.arglen = KR_TUPLE_SIZE(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    if (!krTuple_check(args) && !krStr_check(args) && KR_TYPE(args)->mp_subscript) c.dict = args;
    const char *f = krStr_utf8(fmt);
    KrSsize n = krStr_size(fmt), i = 0;
    KrStrBuilder sb;
    krSB_init(&sb);
    while (i < n) {
        const char *pct = memchr(f + i, '%', (size_t)(n - i));
        KrSsize j = pct ? pct - f : n;
        if (j > i && krSB_append(ts, &sb, f + i, j - i) < 0) goto fail;
        if (!pct) break;
        i = j + 1;
        if (pct_one(ts, &sb, &c, f, n, &i) < 0) goto fail;
    }
    if (c.argidx < c.arglen && !c.dict) {
        krErr_set_string(ts, &KrExc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

// ---------------------------------------------------------------------------
// str.format

typedef struct {
    KrObject *const *args;
    KrSsize nargs;
    KrObject *kwargs;      // dict, mapping (format_map) or NULL
    bool mapping_only;     // format_map: positional fields are an error
    int auto_state;        // 0 unknown, 1 automatic numbering, 2 manual
    KrSsize auto_next;
} FmtCtx;

static KrObject *do_format(KrThreadState *ts, FmtCtx *c, const char *f, KrSsize n, int depth);

static int value_error(KrThreadState *ts, const char *msg) {
    krErr_set_string(ts, &KrExc_ValueError, msg);
    return -1;
}

// Parses a run of decimal digits: the value, or -1 when not all digits, -2 on overflow error.
static KrSsize parse_index(KrThreadState *ts, const char *s, KrSsize n) {
    if (n == 0) return -1;
    KrSsize v = 0;
    for (KrSsize i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        if (v > (KR_SSIZE_MAX - 9) / 10) {
            value_error(ts, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Resolves the first part of a field name to an object (new reference).
static KrObject *field_first(KrThreadState *ts, FmtCtx *c, const char *s, KrSsize n) {
    KrSsize idx = parse_index(ts, s, n);
    if (idx == -2) return NULL;
    if (n == 0) {
        if (c->auto_state == 2) {
            value_error(ts, "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        c->auto_state = 1;
        idx = c->auto_next++;
    } else if (idx >= 0) {
        if (c->auto_state == 1) {
            value_error(ts, "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        c->auto_state = 2;
    }
    if (idx >= 0) {
        if (c->mapping_only) {
            value_error(ts, "Format string contains positional fields");
            return NULL;
        }
        if (idx >= c->nargs)
            return krErr_format(ts, &KrExc_IndexError,
                                "Replacement index %zd out of range for positional args tuple", idx);
        return kr_newref(c->args[idx]);
    }
    KrObject *key = krStr_from_utf8(ts, s, n);
    if (!key) return NULL;
    KrObject *v = NULL;
    if (!c->kwargs) {
        krErr_set_key_error(ts, key);
    } else if (krDict_check_exact(c->kwargs)) {
        v = krDict_get(ts, c->kwargs, key);
        if (v) kr_incref(v);
        else if (!krErr_occurred(ts)) krErr_set_key_error(ts, key);
    } else {
        v = krObj_getitem(ts, c->kwargs, key);
    }
    kr_decref(key);
    return v;
}

// Resolves a whole field name ("0.attr[key][1]") to an object.
static KrObject *resolve_field(KrThreadState *ts, FmtCtx *c, const char *s, KrSsize n) {
    KrSsize i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') i++;
    KrObject *obj = field_first(ts, c, s, i);
    while (obj && i < n) {
        KrObject *next;
        if (s[i] == '.') {
            KrSsize j = ++i;
            while (i < n && s[i] != '.' && s[i] != '[') i++;
            if (i == j) {
                value_error(ts, "Empty attribute in format string");
                next = NULL;
            } else {
                KrObject *name = krStr_from_utf8(ts, s + j, i - j);
                next = name ? krObj_getattr(ts, obj, name) : NULL;
                kr_xdecref(name);
            }
        } else if (s[i] == '[') {
            KrSsize j = ++i;
            while (i < n && s[i] != ']') i++;
            if (i >= n) {
                value_error(ts, "Missing ']' in format string");
                next = NULL;
            } else if (i == j) {
                value_error(ts, "Empty attribute in format string");
                next = NULL;
            } else {
                KrSsize idx = parse_index(ts, s + j, i - j);
                KrObject *key = idx == -2 ? NULL : idx >= 0 ? krInt_from_ssize(ts, idx) : krStr_from_utf8(ts, s + j, i - j);
                next = key ? krObj_getitem(ts, obj, key) : NULL;
                kr_xdecref(key);
                i++;
                if (next && i < n && s[i] != '.' && s[i] != '[') {
                    value_error(ts, "Only '.' or '[' may follow ']' in format field specifier");
                    KR_CLEAR(next);
                }
            }
        } else {
            value_error(ts, "Only '.' or '[' may follow ']' in format field specifier");
            next = NULL;
        }
        kr_decref(obj);
        obj = next;
    }
    return obj;
}

// Parses and formats the replacement field starting just after its '{' at
// f[*pos] (f has n bytes); advances *pos past the closing '}'.  The grammar
// and the error messages follow CPython's parse_field.
static int format_field(KrThreadState *ts, KrStrBuilder *sb, FmtCtx *c, const char *f, KrSsize n, KrSsize *pos,
                        int depth) {
    KrSsize i = *pos, name_start = i;
    char ch = 0;
    while (i < n) {
        ch = f[i++];
        if (ch == '{') return value_error(ts, "unexpected '{' in field name");
        if (ch == '[') {
            while (i < n && f[i] != ']') i++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') break;
    }
    KrSsize name_end = i - 1;
    uint32_t conversion = 0;
    KrSsize spec_start = i, spec_end = i;
    bool expand = false;
    if (ch == '!' || ch == ':') {
        bool done = false;
        if (ch == '!') {
            if (i >= n) return value_error(ts, "end of string while looking for conversion specifier");
            const char *p = f + i;
            conversion = krUtf8_decode(&p);
            i = p - f;
            if (i < n) {
                char c2 = f[i++];
                if (c2 == '}') {
                    done = true;
                    spec_start = spec_end = i;
                } else if (c2 != ':') {
                    return value_error(ts, "expected ':' after conversion specifier");
                }
            }
        }
        if (!done) {
            spec_start = i;
            KrSsize count = 1;
            while (i < n) {
                char c2 = f[i++];
                if (c2 == '{') {
                    expand = true;
                    count++;
                } else if (c2 == '}' && --count == 0) {
                    break;
                }
            }
            if (count != 0) return value_error(ts, "unmatched '{' in format spec");
            spec_end = i - 1;
        }
    } else if (ch != '}') {
        return value_error(ts, "expected '}' before end of string");
    }
    *pos = i;
    KrObject *obj = resolve_field(ts, c, f + name_start, name_end - name_start);
    if (!obj) return -1;
    if (conversion) {
        KrObject *conv;
        if (conversion == 'r') conv = krObj_repr(ts, obj);
        else if (conversion == 's') conv = krObj_str(ts, obj);
        else if (conversion == 'a') conv = krObj_ascii(ts, obj);
        else if (conversion < 128) conv = krErr_format(ts, &KrExc_ValueError, "Unknown conversion specifier %c", (int)conversion);
        else conv = krErr_format(ts, &KrExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
        kr_decref(obj);
        if (!conv) return -1;
        obj = conv;
    }
    int r = -1;
    KrObject *specobj = expand ? do_format(ts, c, f + spec_start, spec_end - spec_start, depth - 1)
                               : krStr_from_utf8(ts, f + spec_start, spec_end - spec_start);
    if (specobj) {
        if (krStr_check_exact(obj) && krStr_size(specobj) == 0) {
            r = krSB_append_str(ts, sb, obj);
        } else {
            KrObject *s = krObj_format(ts, obj, specobj);
            if (s) {
                r = krSB_append_str(ts, sb, s);
                kr_decref(s);
            }
        }
        kr_decref(specobj);
    }
    kr_decref(obj);
    return r;
}

static KrObject *do_format(KrThreadState *ts, FmtCtx *c, const char *f, KrSsize n, int depth) {
    if (depth <= 0) {
        value_error(ts, "Max string recursion exceeded");
        return NULL;
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    KrSsize i = 0;
    while (i < n) {
        KrSsize start = i;
        char ch = 0;
        while (i < n) {
            ch = f[i++];
            if (ch == '{' || ch == '}') break;
            ch = 0;
        }
        bool at_end = i >= n;
        KrSsize lit = i - start;
        bool markup = ch != 0;
        if (ch == '}' && (at_end || f[i] != '}')) {
            value_error(ts, "Single '}' encountered in format string");
            goto fail;
        }
        if (at_end && ch == '{') {
            value_error(ts, "Single '{' encountered in format string");
            goto fail;
        }
        if (markup) {
            if (!at_end && f[i] == ch) {
                i++;            // "{{" or "}}": one literal brace
                markup = false;
            } else {
                lit--;
            }
        }
        if (lit > 0 && krSB_append(ts, &sb, f + start, lit) < 0) goto fail;
        if (markup && format_field(ts, &sb, c, f, n, &i, depth) < 0) goto fail;
    }
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

KrObject *krStr_format_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    KrObject *kwargs = NULL;
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        kwargs = krDict_new(ts);
        if (!kwargs) return NULL;
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(kwnames); i++) {
            if (krDict_set(ts, kwargs, KR_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
                kr_decref(kwargs);
                return NULL;
            }
        }
    }
    FmtCtx c = {.args = args, .nargs = nargs, .kwargs = kwargs};
    KrObject *r = do_format(ts, &c, krStr_utf8(self), krStr_size(self), 2);
    kr_xdecref(kwargs);
    return r;
}

KrObject *krStr_format_map_meth(KrThreadState *ts, KrObject *self, KrObject *mapping) {
    FmtCtx c = {.args = NULL, .nargs = 0, .kwargs = mapping, .mapping_only = true};
    return do_format(ts, &c, krStr_utf8(self), krStr_size(self), 2);
}
