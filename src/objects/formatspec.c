/*
 * formatspec.c — parsing of format specifications and the padding / number
 * layout shared by every __format__ implementation.
 *
 * The parse follows CPython's order of fields exactly, including its quirks:
 * a '0' before the width means fill '0' with '=' alignment only when no fill
 * was given (and '=' only when the caller's default alignment is '>'); a
 * ',' or '_' is validated against the presentation type right here, so the
 * messages come out the same for every type.
 *
 * Related: formatspec.h (the layout of numbers), int_format.c,
 * float_format.c, complex.c, str_format.c.
 */
#include "objects/formatspec.h"
#include "objects/abstract.h"
#include "objects/type.h"
#include "objects/int.h"
#include "runtime/error.h"
#include "objects/exc.h"

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads a run of decimal digits at *pos into *value.  Returns the number of
// digits read, or -1 with ValueError on overflow.
static KrSsize read_integer(KrThreadState *ts, const uint32_t *cps, KrSsize n, KrSsize *pos, KrSsize *value) {
    KrSsize acc = 0, count = 0;
    while (*pos < n) {
        int d = krInt_decimal_digit_value(cps[*pos]);
        if (d < 0) break;
        if (acc > (KR_SSIZE_MAX - d) / 10) {
            krErr_set_string(ts, &KrExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*pos)++;
        count++;
    }
    *value = acc;
    return count;
}

static int separator_error(KrThreadState *ts, char sep, uint32_t type) {
    if (type > 32 && type < 128)
        krErr_format(ts, &KrExc_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    else
        krErr_format(ts, &KrExc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
    return -1;
}

static int both_separators_error(KrThreadState *ts) {
    krErr_set_string(ts, &KrExc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

// Decodes the spec into code points (specs are short; long ones go to the heap).
static uint32_t *decode_spec(KrThreadState *ts, KrObject *spec, uint32_t *local, KrSsize nlocal, KrSsize *n) {
    KrSsize len = krStr_len(spec);
    uint32_t *cps = local;
    if (len > nlocal) {
        cps = krMem_malloc((size_t)len * sizeof(uint32_t));
        if (!cps) {
            krErr_no_memory(ts);
            return NULL;
        }
    }
    const char *p = krStr_utf8(spec);
    for (KrSsize i = 0; i < len; i++) cps[i] = krUtf8_decode(&p);
    *n = len;
    return cps;
}

// The grouping and type checks CPython does after the fields are read.
static int check_grouping(KrThreadState *ts, KrFormatSpec *out) {
    if (!out->grouping) return 0;
    switch (out->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (out->grouping == '_') {
            out->group_size = 4;   // bin/oct/hex group every four digits
            return 0;
        }
        return separator_error(ts, out->grouping, out->type);
    default:
        return separator_error(ts, out->grouping, out->type);
    }
}

// Reads the fields after [[fill]align][sign][z][#][0]: width, grouping,
// precision and type.  `pos` is the position after those.  0 or -1.
static int parse_tail(KrThreadState *ts, KrObject *spec, KrObject *obj, const uint32_t *c, KrSsize n, KrSsize pos,
                      KrFormatSpec *out) {
    KrSsize consumed = read_integer(ts, c, n, &pos, &out->width);
    if (consumed < 0) return -1;
    if (consumed == 0) out->width = -1;
    if (pos < n && c[pos] == ',') {
        out->grouping = ',';
        pos++;
    }
    if (pos < n && c[pos] == '_') {
        if (out->grouping) return both_separators_error(ts);
        out->grouping = '_';
        pos++;
    }
    if (pos < n && c[pos] == ',' && out->grouping == '_') return both_separators_error(ts);
    if (pos < n && c[pos] == '.') {
        pos++;
        consumed = read_integer(ts, c, n, &pos, &out->precision);
        if (consumed < 0) return -1;
        if (consumed == 0) {
            krErr_set_string(ts, &KrExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - pos > 1) {
        krErr_format(ts, &KrExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'", spec,
                     krType_name(KR_TYPE(obj)));
        return -1;
    }
    if (n - pos == 1) out->type = c[pos];
    return check_grouping(ts, out);
}

int krFormatSpec_parse(KrThreadState *ts, KrObject *spec, KrObject *obj, uint32_t default_type, char default_align,
                       KrFormatSpec *out) {
    *out = (KrFormatSpec){.fill = ' ', .align = default_align, .width = -1, .group_size = 3,
                          .precision = -1, .type = default_type};
    if (!spec || krStr_len(spec) == 0) return 0;
    uint32_t local[64];
    KrSsize n;
    uint32_t *c = decode_spec(ts, spec, local, 64, &n);
    if (!c) return -1;
    KrSsize pos = 0;
    bool fill_given = false;
    if (n >= 2 && is_align(c[1])) {
        out->align = (char)c[1];
        out->fill = c[0];
        fill_given = out->align_given = true;
        pos = 2;
    } else if (n >= 1 && is_align(c[0])) {
        out->align = (char)c[0];
        out->align_given = true;
        pos = 1;
    }
    if (pos < n && (c[pos] == '+' || c[pos] == '-' || c[pos] == ' ')) out->sign = (char)c[pos++];
    if (pos < n && c[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < n && c[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (!fill_given && pos < n && c[pos] == '0') {
        out->fill = '0';
        out->zero_pad = true;
        if (!out->align_given && default_align == '>') out->align = '=';
        pos++;
    }
    int r = parse_tail(ts, spec, obj, c, n, pos, out);
    if (c != local) krMem_free(c);
    return r;
}

int krFormatSpec_fill(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp, KrSsize len) {
    if (len <= 0) return 0;
    char unit[4];
    int ulen = krUtf8_encode(cp, unit);
    char chunk[256];
    int per = (int)sizeof chunk / ulen;
    int fill_units = (int)(len < per ? len : per);
    for (int i = 0; i < fill_units; i++) memcpy(chunk + i * ulen, unit, (size_t)ulen);
    while (len > 0) {
        KrSsize k = len < per ? len : per;
        if (krSB_append(ts, sb, chunk, k * ulen) < 0) return -1;
        len -= k;
    }
    return 0;
}

// Fails early with MemoryError for widths no string could hold.
static int check_width(KrThreadState *ts, KrSsize width) {
    if (width > KR_SSIZE_MAX / 8) {
        krErr_no_memory(ts);
        return -1;
    }
    return 0;
}

int krFormatSpec_pad(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const char *body,
                     KrSsize size, KrSsize len, KrSsize prefix_size) {
    KrSsize total = spec->width > len ? spec->width : len;
    if (check_width(ts, total) < 0) return -1;
    KrSsize pad = total - len, left = 0;
    if (spec->align == '>') left = pad;
    else if (spec->align == '^') left = pad / 2;
    else if (spec->align == '=') {
        if (krSB_append(ts, sb, body, prefix_size) < 0) return -1;
        body += prefix_size;
        size -= prefix_size;
        left = pad;
    }
    if (krFormatSpec_fill(ts, sb, spec->fill, left) < 0) return -1;
    if (krSB_append(ts, sb, body, size) < 0) return -1;
    return krFormatSpec_fill(ts, sb, spec->fill, pad - left);
}

int krFormatSpec_unknown_code(KrThreadState *ts, const KrFormatSpec *spec, const char *type_name) {
    uint32_t t = spec->type;
    if (t > 32 && t < 128)
        krErr_format(ts, &KrExc_ValueError, "Unknown format code '%c' for object of type '%.200s'", (int)t,
                     type_name);
    else
        krErr_format(ts, &KrExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned)t, type_name);
    return -1;
}

// The length of the digits once grouped (with `min_width` reached by leading
// zeros), as CPython's thousands grouping computes it.  When `out` is not
// NULL the grouped digits are written there, right-aligned ending at `out_end`.
static KrSsize group_digits(const char *digits, KrSsize ndigits, KrSsize min_width, int group, char sep,
                            char *out_end) {
    KrSsize remaining = ndigits, count = 0;
    const char *src = digits + ndigits;
    char *dst = out_end;
    bool use_sep = false;
    bool done = false;
    if (sep) {
        while (true) {
            KrSsize l = group;
            KrSsize cap = remaining > min_width ? remaining : min_width;
            if (cap < 1) cap = 1;
            if (l > cap) l = cap;
            KrSsize zeros = l - remaining > 0 ? l - remaining : 0;
            KrSsize chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
            count += (use_sep ? 1 : 0) + zeros + chars;
            if (dst) {
                if (use_sep) *--dst = sep;
                for (KrSsize i = 0; i < chars; i++) *--dst = *--src;
                for (KrSsize i = 0; i < zeros; i++) *--dst = '0';
            }
            use_sep = true;
            remaining -= chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if (!done) {
        KrSsize l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        KrSsize zeros = l - remaining > 0 ? l - remaining : 0;
        KrSsize chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
        count += (use_sep ? 1 : 0) + zeros + chars;
        if (dst) {
            if (use_sep) *--dst = sep;
            for (KrSsize i = 0; i < chars; i++) *--dst = *--src;
            for (KrSsize i = 0; i < zeros; i++) *--dst = '0';
        }
    }
    return count;
}

static char sign_char(const KrFormatSpec *spec, bool negative) {
    if (negative) return '-';
    if (spec->sign == '+') return '+';
    if (spec->sign == ' ') return ' ';
    return 0;
}

static int append_upper(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize n, bool upper) {
    if (!upper) return krSB_append(ts, sb, s, n);
    char buf[64];
    while (n > 0) {
        KrSsize k = n < 64 ? n : 64;
        for (KrSsize i = 0; i < k; i++) buf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
        if (krSB_append(ts, sb, buf, k) < 0) return -1;
        s += k;
        n -= k;
    }
    return 0;
}

// Writes the grouped digits (or the plain digits when no grouping or zero
// padding applies).  0 or -1.
static int append_digits(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const KrNumberParts *p,
                         KrSsize min_width, KrSsize grouped_len) {
    if (p->ndigits == 0) return 0;
    if (grouped_len == p->ndigits) return append_upper(ts, sb, p->digits, p->ndigits, p->upper);
    char local[256];
    char *buf = local;
    if (grouped_len > (KrSsize)sizeof local) {
        buf = krMem_malloc((size_t)grouped_len);
        if (!buf) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    group_digits(p->digits, p->ndigits, min_width, spec->group_size, spec->grouping, buf + grouped_len);
    int r = append_upper(ts, sb, buf, grouped_len, p->upper);
    if (buf != local) krMem_free(buf);
    return r;
}

int krFormatSpec_number(KrThreadState *ts, KrStrBuilder *sb, const KrFormatSpec *spec, const KrNumberParts *p) {
    char sign = sign_char(spec, p->negative);
    KrSsize nprefix = p->prefix ? (KrSsize)strlen(p->prefix) : 0;
    KrSsize nonpad = (sign ? 1 : 0) + nprefix + (p->has_decimal ? 1 : 0) + p->nremainder;
    if (check_width(ts, spec->width) < 0) return -1;
    KrSsize min_width = 0;
    if (spec->fill == '0' && spec->align == '=') min_width = spec->width - nonpad;
    KrSsize grouped = 0;
    if (p->ndigits > 0)
        grouped = group_digits(p->digits, p->ndigits, min_width, spec->group_size, spec->grouping, NULL);
    KrSsize pad = spec->width - (nonpad + grouped);
    KrSsize lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (spec->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    if (krFormatSpec_fill(ts, sb, spec->fill, lpad) < 0) return -1;
    if (sign && krSB_append(ts, sb, &sign, 1) < 0) return -1;
    if (nprefix && append_upper(ts, sb, p->prefix, nprefix, p->upper) < 0) return -1;
    if (krFormatSpec_fill(ts, sb, spec->fill, spad) < 0) return -1;
    if (append_digits(ts, sb, spec, p, min_width, grouped) < 0) return -1;
    if (p->has_decimal && krSB_append(ts, sb, ".", 1) < 0) return -1;
    if (p->nremainder && krSB_append(ts, sb, p->remainder, p->nremainder) < 0) return -1;
    return krFormatSpec_fill(ts, sb, spec->fill, rpad);
}
