/*
 * binascii.c — the binascii module: base64, uuencode, quoted-printable and
 * hex conversions between binary data and ASCII, and the CRC-32 and
 * CRC-CCITT checksums.  The decoders accept ASCII str as well as bytes-like
 * objects; malformed input raises binascii.Error with CPython's messages.
 * lib/base64.py builds on it.
 */
#include <string.h>

#include "modules/buffer.h"
#include "modules/crc_tables.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

KrTypeObject KrBinasciiError_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "binascii.Error",
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &KrExc_ValueError,
};

KrTypeObject KrBinasciiIncomplete_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "binascii.Incomplete",
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &KrExc_Exception,
};

static KrObject *binascii_error(KrThreadState *ts, const char *msg) {
    krErr_set_string(ts, &KrBinasciiError_Type, msg);
    return NULL;
}

// The data of a decoder's argument: an ASCII str or a bytes-like object.
static int ascii_data(KrThreadState *ts, KrObject *o, const char **data, KrSsize *n) {
    if (krStr_check(o)) {
        if (!krStr_is_ascii(o)) {
            krErr_set_string(ts, &KrExc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        *data = krStr_utf8(o);
        *n = krStr_size(o);
        return 0;
    }
    if (krBuffer_read(ts, o, data, n) < 0) {
        krErr_clear(ts);
        krErr_format(ts, &KrExc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                     krType_name(KR_TYPE(o)));
        return -1;
    }
    return 0;
}

// A growable output buffer for the encoders.
typedef struct {
    char *p;
    KrSsize n, cap;
} Out;

static int out_reserve(KrThreadState *ts, Out *o, KrSsize extra) {
    if (o->n + extra <= o->cap) return 0;
    KrSsize cap = o->cap ? o->cap : 64;
    while (cap < o->n + extra) {
        if (cap > KR_SSIZE_MAX / 2) {
            krErr_no_memory(ts);
            return -1;
        }
        cap *= 2;
    }
    char *np = krMem_realloc(o->p, (size_t)cap);
    if (!np) {
        krErr_no_memory(ts);
        return -1;
    }
    o->p = np;
    o->cap = cap;
    return 0;
}

static KrObject *out_finish(KrThreadState *ts, Out *o) {
    KrObject *r = krBytes_from_data(ts, o->p ? o->p : "", o->n);
    krMem_free(o->p);
    return r;
}

// ---------------------------------------------------------------------------
// base64

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// A flag argument given as an int (Argument Clinic's bool(accept={int})): 0/1, or -1 with an error set.
static int int_flag(KrThreadState *ts, KrObject *o) {
    KrSsize v = krNum_as_ssize(ts, o, &KrExc_OverflowError);
    if (v == -1 && krErr_occurred(ts)) {
        if (krErr_matches(ts, &KrExc_OverflowError)) {
            krErr_clear(ts);
            krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (v > INT_MAX || v < INT_MIN) {
        krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return v != 0;
}

static KrObject *binascii_a2b_base64(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"data", "strict_mode"};
    KrObject *a[2];
    if (krArg_parse(ts, "a2b_base64", args, nargs, kwnames, names, 2, 1, 1, 1, a) < 0) return NULL;
    const char *data;
    KrSsize n;
    if (ascii_data(ts, a[0], &data, &n) < 0) return NULL;
    bool strict = false;
    if (a[1]) {
        int t = int_flag(ts, a[1]);
        if (t < 0) return NULL;
        strict = t;
    }
    KrObject *result = krBytes_from_data(ts, NULL, (n + 3) / 4 * 3);
    if (!result) return NULL;
    unsigned char *out = (unsigned char *)krBytes_data(result), *start = out;
    if (strict && n > 0 && data[0] == '=') {
        kr_decref(result);
        return binascii_error(ts, "Leading padding not allowed");
    }
    int quad_pos = 0, pads = 0;
    bool padding_started = false;
    unsigned char left = 0;
    const char *msg = NULL;
    for (KrSsize i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)data[i];
        if (ch == '=') {
            padding_started = true;
            // Enough padding after 2 or 3 data characters ends the input.
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < n) msg = "Excess data after padding";
                goto done;
            }
            continue;
        }
        int v = b64_value(ch);
        if (v < 0) {
            if (strict) {
                msg = "Only base64 data is allowed";
                goto done;
            }
            continue;
        }
        if (strict && padding_started) {
            msg = "Discontinuous padding not allowed";
            goto done;
        }
        pads = 0;
        switch (quad_pos) {
        case 0: quad_pos = 1; left = (unsigned char)v; break;
        case 1: quad_pos = 2; *out++ = (unsigned char)(left << 2 | v >> 4); left = v & 0x0f; break;
        case 2: quad_pos = 3; *out++ = (unsigned char)(left << 4 | v >> 2); left = v & 0x03; break;
        default: quad_pos = 0; *out++ = (unsigned char)(left << 6 | v); left = 0; break;
        }
    }
    if (quad_pos == 1) {
        kr_decref(result);
        return krErr_format(ts, &KrBinasciiError_Type,
                            "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 more than a "
                            "multiple of 4",
                            (KrSsize)(out - start) / 3 * 4 + 1);
    }
    if (quad_pos != 0) msg = "Incorrect padding";
done:
    if (msg) {
        kr_decref(result);
        return binascii_error(ts, msg);
    }
    KR_SIZE(result) = out - start;
    ((char *)start)[KR_SIZE(result)] = '\0';
    return result;
}

static KrObject *binascii_b2a_base64(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                     KrObject *kwnames) {
    static const char *const names[] = {"data", "newline"};
    KrObject *a[2];
    if (krArg_parse(ts, "b2a_base64", args, nargs, kwnames, names, 2, 1, 1, 1, a) < 0) return NULL;
    const unsigned char *data;
    KrSsize n;
    if (krBuffer_read(ts, a[0], (const char **)&data, &n) < 0) return NULL;
    bool newline = true;
    if (a[1]) {
        int t = int_flag(ts, a[1]);
        if (t < 0) return NULL;
        newline = t;
    }
    if (n > (KR_SSIZE_MAX - 3) / 4 * 3) return krErr_no_memory(ts);
    KrSsize outlen = (n + 2) / 3 * 4 + newline;
    KrObject *result = krBytes_from_data(ts, NULL, outlen);
    if (!result) return NULL;
    char *out = krBytes_data(result);
    KrSsize i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = b64_alphabet[(v >> 6) & 63];
        *out++ = b64_alphabet[v & 63];
    }
    if (n - i == 1) {
        *out++ = b64_alphabet[data[i] >> 2];
        *out++ = b64_alphabet[(data[i] & 3) << 4];
        *out++ = '=';
        *out++ = '=';
    } else if (n - i == 2) {
        *out++ = b64_alphabet[data[i] >> 2];
        *out++ = b64_alphabet[(data[i] & 3) << 4 | data[i + 1] >> 4];
        *out++ = b64_alphabet[(data[i + 1] & 15) << 2];
        *out++ = '=';
    }
    if (newline) *out++ = '\n';
    return result;
}

// ---------------------------------------------------------------------------
// uuencode

static KrObject *binascii_a2b_uu(KrThreadState *ts, KrObject *m, KrObject *data_obj) {
    const char *data;
    KrSsize n;
    if (ascii_data(ts, data_obj, &data, &n) < 0) return NULL;
    // The first character is the length; an empty input reads as a NUL.
    unsigned char first = n > 0 ? (unsigned char)data[0] : 0;
    KrSsize binlen = (first - ' ') & 077;
    const unsigned char *p = (const unsigned char *)data + (n > 0);
    KrSsize left_in = n - 1;
    KrObject *result = krBytes_from_data(ts, NULL, binlen);
    if (!result) return NULL;
    unsigned char *out = (unsigned char *)krBytes_data(result);
    uint32_t leftchar = 0;
    int leftbits = 0;
    for (KrSsize todo = binlen; todo > 0; left_in--, p++) {
        unsigned char ch = left_in > 0 ? *p : 0;
        if (ch == '\n' || ch == '\r' || left_in <= 0) {
            ch = 0;   // spaces eaten at the end of the line
        } else {
            // '`' is accepted for zero as well as ' '.
            if (ch < ' ' || ch > ' ' + 64) {
                kr_decref(result);
                return binascii_error(ts, "Illegal char");
            }
            ch = (ch - ' ') & 077;
        }
        leftchar = leftchar << 6 | ch;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            *out++ = (unsigned char)(leftchar >> leftbits);
            leftchar &= (1u << leftbits) - 1;
            todo--;
        }
    }
    for (; left_in > 0; left_in--, p++) {
        if (*p != ' ' && *p != ' ' + 64 && *p != '\n' && *p != '\r') {
            kr_decref(result);
            return binascii_error(ts, "Trailing garbage");
        }
    }
    return result;
}

static KrObject *binascii_b2a_uu(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"data", "backtick"};
    KrObject *a[2];
    if (krArg_parse(ts, "b2a_uu", args, nargs, kwnames, names, 2, 1, 1, 1, a) < 0) return NULL;
    const unsigned char *data;
    KrSsize n;
    if (krBuffer_read(ts, a[0], (const char **)&data, &n) < 0) return NULL;
    bool backtick = false;
    if (a[1]) {
        int t = int_flag(ts, a[1]);
        if (t < 0) return NULL;
        backtick = t;
    }
    if (n > 45) return binascii_error(ts, "At most 45 bytes at once");
    char buf[2 + 64];
    char *out = buf;
    *out++ = backtick && n == 0 ? '`' : (char)(' ' + n);
    uint32_t leftchar = 0;
    int leftbits = 0;
    for (KrSsize left = n; left > 0 || leftbits != 0; left--, data++) {
        leftchar = (leftchar << 8) | (left > 0 ? *data : 0);
        leftbits += 8;
        while (leftbits >= 6) {
            unsigned ch = (leftchar >> (leftbits - 6)) & 0x3f;
            leftbits -= 6;
            *out++ = backtick && ch == 0 ? '`' : (char)(ch + ' ');
        }
    }
    *out++ = '\n';
    return krBytes_from_data(ts, buf, out - buf);
}

// ---------------------------------------------------------------------------
// quoted-printable

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static KrObject *binascii_a2b_qp(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"data", "header"};
    KrObject *a[2];
    if (krArg_parse(ts, "a2b_qp", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    const unsigned char *in;
    KrSsize n;
    if (ascii_data(ts, a[0], (const char **)&in, &n) < 0) return NULL;
    bool header = false;
    if (a[1]) {
        int t = int_flag(ts, a[1]);
        if (t < 0) return NULL;
        header = t;
    }
    KrObject *result = krBytes_from_data(ts, NULL, n);
    if (!result) return NULL;
    unsigned char *out = (unsigned char *)krBytes_data(result), *start = out;
    KrSsize i = 0;
    while (i < n) {
        if (in[i] == '=') {
            if (++i >= n) break;
            if (in[i] == '\n' || in[i] == '\r') {
                // A soft line break: skip to the end of the line.
                if (in[i] != '\n')
                    while (i < n && in[i] != '\n') i++;
                if (i < n) i++;
            } else if (in[i] == '=') {
                *out++ = '=';
                i++;
            } else if (i + 1 < n && hexval(in[i]) >= 0 && hexval(in[i + 1]) >= 0) {
                *out++ = (unsigned char)(hexval(in[i]) << 4 | hexval(in[i + 1]));
                i += 2;
            } else {
                *out++ = '=';
            }
        } else if (header && in[i] == '_') {
            *out++ = ' ';
            i++;
        } else {
            *out++ = in[i++];
        }
    }
    KR_SIZE(result) = out - start;
    ((char *)start)[KR_SIZE(result)] = '\0';
    return result;
}

#define QP_MAXLINE 76

static KrObject *binascii_b2a_qp(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"data", "quotetabs", "istext", "header"};
    KrObject *a[4];
    if (krArg_parse(ts, "b2a_qp", args, nargs, kwnames, names, 4, 0, 4, 1, a) < 0) return NULL;
    const unsigned char *in;
    KrSsize n;
    if (krBuffer_read(ts, a[0], (const char **)&in, &n) < 0) return NULL;
    int flags[3] = {0, 1, 0};   // quotetabs, istext, header
    for (int k = 0; k < 3; k++) {
        if (!a[k + 1]) continue;
        int t = int_flag(ts, a[k + 1]);
        if (t < 0) return NULL;
        flags[k] = t;
    }
    bool quotetabs = flags[0], istext = flags[1], header = flags[2];
    // The first line end decides whether lines end with CRLF.
    const unsigned char *nl = memchr(in, '\n', (size_t)n);
    bool crlf = nl && nl > in && nl[-1] == '\r';
    static const char hex[] = "0123456789ABCDEF";
    Out o = {NULL, 0, 0};
    KrSsize i = 0, linelen = 0;
    while (i < n) {
        unsigned char c = in[i];
        bool quote = c > 126 || c == '=' || (header && c == '_') ||
                     (c == '.' && linelen == 0 && (i + 1 == n || in[i + 1] == '\n' || in[i + 1] == '\r' || in[i + 1] == 0)) ||
                     (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && i + 1 == n) ||
                     (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (out_reserve(ts, &o, 8) < 0) goto fail;
        if (quote) {
            if (linelen + 3 >= QP_MAXLINE) {
                o.p[o.n++] = '=';
                if (crlf) o.p[o.n++] = '\r';
                o.p[o.n++] = '\n';
                linelen = 0;
            }
            o.p[o.n++] = '=';
            o.p[o.n++] = hex[c >> 4];
            o.p[o.n++] = hex[c & 15];
            i++;
            linelen += 3;
        } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && in[i + 1] == '\n'))) {
            linelen = 0;
            // Whitespace at the end of a line must be quoted.
            if (o.n && (o.p[o.n - 1] == ' ' || o.p[o.n - 1] == '\t')) {
                unsigned char ws = (unsigned char)o.p[o.n - 1];
                o.p[o.n - 1] = '=';
                o.p[o.n++] = hex[ws >> 4];
                o.p[o.n++] = hex[ws & 15];
            }
            if (crlf) o.p[o.n++] = '\r';
            o.p[o.n++] = '\n';
            i += c == '\r' ? 2 : 1;
        } else {
            if (i + 1 != n && in[i + 1] != '\n' && linelen + 1 >= QP_MAXLINE) {
                o.p[o.n++] = '=';
                if (crlf) o.p[o.n++] = '\r';
                o.p[o.n++] = '\n';
                linelen = 0;
            }
            linelen++;
            o.p[o.n++] = header && c == ' ' ? '_' : (char)c;
            i++;
        }
    }
    return out_finish(ts, &o);
fail:
    krMem_free(o.p);
    return NULL;
}

// ---------------------------------------------------------------------------
// hex

static KrObject *hexlify(KrThreadState *ts, const char *fname, KrObject *const *args, KrSsize nargs,
                         KrObject *kwnames) {
    static const char *const names[] = {"data", "sep", "bytes_per_sep"};
    KrObject *a[3];
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    const char *data;
    KrSsize n, per = 1;
    if (krBuffer_read(ts, a[0], &data, &n) < 0) return NULL;
    if (a[2]) {
        per = krNum_as_ssize(ts, a[2], &KrExc_OverflowError);
        if (per == -1 && krErr_occurred(ts)) return NULL;
    }
    KrObject *s = krBytes_hex(ts, data, n, a[1], per);
    if (!s) return NULL;
    KrObject *r = krBytes_from_data(ts, krStr_utf8(s), krStr_size(s));
    kr_decref(s);
    return r;
}

static KrObject *binascii_b2a_hex(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    return hexlify(ts, "b2a_hex", args, nargs, kwnames);
}

static KrObject *binascii_hexlify(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    return hexlify(ts, "hexlify", args, nargs, kwnames);
}

static KrObject *binascii_a2b_hex(KrThreadState *ts, KrObject *m, KrObject *hexstr) {
    const char *data;
    KrSsize n;
    if (ascii_data(ts, hexstr, &data, &n) < 0) return NULL;
    if (n % 2 != 0) return binascii_error(ts, "Odd-length string");
    KrObject *result = krBytes_from_data(ts, NULL, n / 2);
    if (!result) return NULL;
    char *out = krBytes_data(result);
    for (KrSsize i = 0; i < n; i += 2) {
        int hi = hexval((unsigned char)data[i]), lo = hexval((unsigned char)data[i + 1]);
        if (hi < 0 || lo < 0) {
            kr_decref(result);
            return binascii_error(ts, "Non-hexadecimal digit found");
        }
        *out++ = (char)(hi << 4 | lo);
    }
    return result;
}

// ---------------------------------------------------------------------------
// CRCs

// An unsigned int argument masked to 32 bits, as CPython's bitwise converter.
static int crc_arg(KrThreadState *ts, KrObject *o, uint32_t *out) {
    if (!krNum_is_index(o)) {
        krErr_format(ts, &KrExc_TypeError, "'%s' object cannot be interpreted as an integer", krType_name(KR_TYPE(o)));
        return -1;
    }
    KrObject *n = krNum_index(ts, o);
    if (!n) return -1;
    KrIntView v;
    mpz_srcptr z = krInt_view(n, &v);
    mpz_t t;
    mpz_init(t);
    mpz_fdiv_r_2exp(t, z, 32);
    *out = (uint32_t)mpz_get_ui(t);
    mpz_clear(t);
    kr_decref(n);
    return 0;
}

static KrObject *binascii_crc32(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "crc32", nargs, 1, 2) < 0) return NULL;
    const unsigned char *data;
    KrSsize n;
    if (krBuffer_read(ts, args[0], (const char **)&data, &n) < 0) return NULL;
    uint32_t crc = 0;
    if (nargs == 2 && crc_arg(ts, args[1], &crc) < 0) return NULL;
    crc = ~crc;
    for (KrSsize i = 0; i < n; i++) crc = crc32_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return krInt_from_u64(ts, ~crc);
}

static KrObject *binascii_crc_hqx(KrThreadState *ts, KrObject *m, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "crc_hqx", nargs, 2, 2) < 0) return NULL;
    const unsigned char *data;
    KrSsize n;
    if (krBuffer_read(ts, args[0], (const char **)&data, &n) < 0) return NULL;
    uint32_t crc;
    if (crc_arg(ts, args[1], &crc) < 0) return NULL;
    crc &= 0xffff;
    for (KrSsize i = 0; i < n; i++) crc = ((crc << 8) & 0xff00) ^ crc_hqx_table[((crc >> 8) & 0xff) ^ data[i]];
    return kr_smallint(crc);
}

// ---------------------------------------------------------------------------
// Module

static const KrMethodDef binascii_methods[] = {
    {"a2b_uu", KR_CFUNC(binascii_a2b_uu), KR_METH_O, "Decode a line of uuencoded data."},
    {"b2a_uu", KR_CFUNC(binascii_b2a_uu), KR_METH_FASTKW, "Uuencode line of data."},
    {"a2b_base64", KR_CFUNC(binascii_a2b_base64), KR_METH_FASTKW, "Decode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==)."},
    {"b2a_base64", KR_CFUNC(binascii_b2a_base64), KR_METH_FASTKW, "Base64-code line of data."},
    {"crc_hqx", KR_CFUNC(binascii_crc_hqx), KR_METH_FAST, "Compute CRC-CCITT incrementally."},
    {"crc32", KR_CFUNC(binascii_crc32), KR_METH_FAST, "Compute CRC-32 incrementally."},
    {"b2a_hex", KR_CFUNC(binascii_b2a_hex), KR_METH_FASTKW, "Hexadecimal representation of binary data."},
    {"hexlify", KR_CFUNC(binascii_hexlify), KR_METH_FASTKW, "Hexadecimal representation of binary data."},
    {"a2b_hex", KR_CFUNC(binascii_a2b_hex), KR_METH_O, "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\"."},
    {"unhexlify", KR_CFUNC(binascii_a2b_hex), KR_METH_O, "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case)."},
    {"a2b_qp", KR_CFUNC(binascii_a2b_qp), KR_METH_FASTKW, "Decode a string of qp-encoded data."},
    {"b2a_qp", KR_CFUNC(binascii_b2a_qp), KR_METH_FASTKW, "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded."},
    {NULL},
};

static int binascii_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_object(ts, m, "Error", (KrObject *)&KrBinasciiError_Type) < 0) return -1;
    return krModule_add_object(ts, m, "Incomplete", (KrObject *)&KrBinasciiIncomplete_Type);
}

const KrModuleDef kr_binascii_module_def = {
    .name = "binascii",
    .doc = "Conversion between binary data and ASCII",
    .methods = binascii_methods,
    .exec = binascii_exec,
};
