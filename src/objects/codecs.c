/*
 * codecs.c — the built-in text codecs behind str.encode, bytes.decode and
 * str(b, encoding): utf-8, ascii, latin-1, utf-16 and utf-32 (with -le/-be
 * forms), with the error handlers strict, ignore, replace, backslashreplace,
 * surrogateescape, surrogatepass, xmlcharrefreplace.
 *
 * Error ranges and reasons follow CPython exactly, because they show up in
 * UnicodeDecodeError / UnicodeEncodeError messages: the UTF-8 decoder reports
 * the maximal invalid subpart ("invalid start byte", "invalid continuation
 * byte", "unexpected end of data"), encoders report runs of consecutive
 * unencodable characters.
 *
 * Strings are stored as generalised UTF-8 (str.h), so decoding valid UTF-8 is
 * a validation pass plus a copy, and encoding to UTF-8 is a copy unless the
 * string holds lone surrogates (ED A0..BF xx).
 */
#include <ctype.h>
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_private.h"
#include "objects/tuple.h"
#include "runtime/error.h"

enum Codec { C_UTF8, C_ASCII, C_LATIN1, C_UTF16, C_UTF16LE, C_UTF16BE, C_UTF32, C_UTF32LE, C_UTF32BE, C_UTF8SIG, C_UNKNOWN };

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                                          "utf-32", "utf-32-le", "utf-32-be", "utf-8"};

static const struct {
    const char *alias;
    enum Codec codec;
} aliases[] = {
    {"utf_8", C_UTF8}, {"utf8", C_UTF8}, {"u8", C_UTF8}, {"utf", C_UTF8}, {"utf8_ucs2", C_UTF8},
    {"utf8_ucs4", C_UTF8}, {"cp65001", C_UTF8}, {"utf_8_sig", C_UTF8SIG},
    {"ascii", C_ASCII}, {"us_ascii", C_ASCII}, {"646", C_ASCII}, {"ansi_x3.4_1968", C_ASCII},
    {"ansi_x3_4_1968", C_ASCII}, {"ansi_x3.4_1986", C_ASCII}, {"cp367", C_ASCII}, {"csascii", C_ASCII},
    {"ibm367", C_ASCII}, {"iso646_us", C_ASCII}, {"iso_646.irv_1991", C_ASCII}, {"iso_ir_6", C_ASCII},
    {"us", C_ASCII},
    {"latin_1", C_LATIN1}, {"latin1", C_LATIN1}, {"latin", C_LATIN1}, {"l1", C_LATIN1},
    {"iso_8859_1", C_LATIN1}, {"iso8859_1", C_LATIN1}, {"8859", C_LATIN1}, {"cp819", C_LATIN1},
    {"iso_ir_100", C_LATIN1}, {"csisolatin1", C_LATIN1}, {"ibm819", C_LATIN1}, {"iso_8859_1_1987", C_LATIN1},
    {"utf_16", C_UTF16}, {"utf16", C_UTF16}, {"u16", C_UTF16},
    {"utf_16_le", C_UTF16LE}, {"utf_16le", C_UTF16LE}, {"unicodelittleunmarked", C_UTF16LE},
    {"utf_16_be", C_UTF16BE}, {"utf_16be", C_UTF16BE}, {"unicodebigunmarked", C_UTF16BE},
    {"utf_32", C_UTF32}, {"utf32", C_UTF32}, {"u32", C_UTF32},
    {"utf_32_le", C_UTF32LE}, {"utf_32le", C_UTF32LE}, {"utf_32_be", C_UTF32BE}, {"utf_32be", C_UTF32BE},
};

// Normalises like encodings.normalize_encoding (lower case, runs of
// punctuation and spaces become '_') and looks the alias up.
static enum Codec lookup_codec(const char *name) {
    if (!name) return C_UTF8;
    char buf[64];
    size_t n = 0;
    bool pending = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.') {
            if (pending && n > 0 && n < sizeof buf - 1) buf[n++] = '_';
            pending = false;
            if (n >= sizeof buf - 1) return C_UNKNOWN;
            buf[n++] = (char)tolower(c);
        } else {
            pending = true;
        }
    }
    buf[n] = 0;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(buf, aliases[i].alias) == 0) return aliases[i].codec;
    return C_UNKNOWN;
}

static KrObject *unknown_encoding(KrThreadState *ts, const char *name) {
    return krErr_format(ts, &KrExc_LookupError, "unknown encoding: %s", name);
}

enum Handler { H_STRICT, H_IGNORE, H_REPLACE, H_BACKSLASH, H_SURR_ESCAPE, H_SURR_PASS, H_XMLCHARREF, H_NAME,
               H_UNKNOWN };

static enum Handler lookup_handler(const char *errors) {
    if (!errors || strcmp(errors, "strict") == 0) return H_STRICT;
    if (strcmp(errors, "ignore") == 0) return H_IGNORE;
    if (strcmp(errors, "replace") == 0) return H_REPLACE;
    if (strcmp(errors, "backslashreplace") == 0) return H_BACKSLASH;
    if (strcmp(errors, "surrogateescape") == 0) return H_SURR_ESCAPE;
    if (strcmp(errors, "surrogatepass") == 0) return H_SURR_PASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return H_XMLCHARREF;
    if (strcmp(errors, "namereplace") == 0) return H_NAME;
    return H_UNKNOWN;
}

static int unknown_handler(KrThreadState *ts, const char *errors) {
    krErr_format(ts, &KrExc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

// ---------------------------------------------------------------------------
// Decoding

typedef struct {
    enum Codec codec;
    enum Codec name;           // the codec named in messages ('utf-16', not the resolved -le)
    const unsigned char *data;
    KrSsize size;
    const char *errors;
    enum Handler handler;
    KrStrBuilder sb;
} Decoder;

static int raise_decode_error(KrThreadState *ts, Decoder *d, KrSsize start, KrSsize end, const char *reason) {
    KrObject *enc = krStr_from_cstr(ts, codec_names[d->name]);
    KrObject *obj = krBytes_from_data(ts, (const char *)d->data, d->size);
    KrObject *rsn = krStr_from_cstr(ts, reason);
    KrObject *args = NULL;
    if (enc && obj && rsn) {
        args = krTuple_new(ts, 5);
        if (args) {
            KR_TUPLE_SET(args, 0, enc);
            KR_TUPLE_SET(args, 1, obj);
            KR_TUPLE_SET(args, 2, kr_smallint(start));
            KR_TUPLE_SET(args, 3, kr_smallint(end));
            KR_TUPLE_SET(args, 4, rsn);
            enc = obj = rsn = NULL;
        }
    }
    kr_xdecref(enc);
    kr_xdecref(obj);
    kr_xdecref(rsn);
    if (!args) return -1;
    KrObject *exc = krExc_new(ts, &KrExc_UnicodeDecodeError, args);
    kr_decref(args);
    if (exc) krErr_set_exc(ts, exc);
    return -1;
}

// Is there an encoded surrogate at `pos` for surrogatepass?  Returns its byte
// length and stores the code point, or 0.
static int surrogate_at(Decoder *d, KrSsize pos, uint32_t *cp) {
    const unsigned char *p = d->data + pos;
    KrSsize avail = d->size - pos;
    switch (d->codec) {
    case C_UTF8:
        if (avail >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80) {
            *cp = 0xD000u | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            return 3;
        }
        return 0;
    case C_UTF16LE: case C_UTF16BE:
        if (avail >= 2) {
            uint32_t u = d->codec == C_UTF16LE ? (uint32_t)(p[0] | (p[1] << 8)) : (uint32_t)((p[0] << 8) | p[1]);
            if (u >= 0xD800 && u <= 0xDFFF) { *cp = u; return 2; }
        }
        return 0;
    case C_UTF32LE: case C_UTF32BE:
        if (avail >= 4) {
            uint32_t u = d->codec == C_UTF32LE ? ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24)
                                               : ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
            if (u >= 0xD800 && u <= 0xDFFF) { *cp = u; return 4; }
        }
        return 0;
    default:
        return 0;
    }
}

// Applies the error handler to the bad bytes [start, end).  Returns the
// position to resume at, or -1 with an exception.
static KrSsize decode_error(KrThreadState *ts, Decoder *d, KrSsize start, KrSsize end, const char *reason) {
    switch (d->handler) {
    case H_STRICT:
        return raise_decode_error(ts, d, start, end, reason);
    case H_IGNORE:
        return end;
    case H_REPLACE:
        return krSB_append_char(ts, &d->sb, 0xFFFD) < 0 ? -1 : end;
    case H_BACKSLASH:
        for (KrSsize i = start; i < end; i++) {
            char buf[5];
            snprintf(buf, sizeof buf, "\\x%02x", d->data[i]);
            if (krSB_append_ascii(ts, &d->sb, buf, 4) < 0) return -1;
        }
        return end;
    case H_SURR_ESCAPE: {
        KrSsize i;
        for (i = start; i < end && i < start + 4; i++) {
            if (d->data[i] < 128) break;
        }
        if (i == start) return raise_decode_error(ts, d, start, end, reason);
        for (KrSsize k = start; k < i; k++)
            if (krSB_append_char(ts, &d->sb, 0xDC00u + d->data[k]) < 0) return -1;
        return i;
    }
    case H_SURR_PASS: {
        uint32_t cp;
        int n = surrogate_at(d, start, &cp);
        if (!n) return raise_decode_error(ts, d, start, end, reason);
        return krSB_append_char(ts, &d->sb, cp) < 0 ? -1 : start + n;
    }
    case H_XMLCHARREF: case H_NAME:
        krErr_format(ts, &KrExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    default:
        return unknown_handler(ts, d->errors);
    }
}

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at p, or minus the length of the
// invalid part with *reason set (CPython's maximal subpart rules).
static int utf8_seq(const unsigned char *p, const unsigned char *end, const char **reason) {
    unsigned c = p[0];
    KrSsize avail = end - p;
    static const char *const inv_start = "invalid start byte", *const inv_cont = "invalid continuation byte",
                             *const eod = "unexpected end of data";
    if (c < 0x80) return 1;
    if (c < 0xC2) goto invalid_start;
    if (c < 0xE0) {
        if (avail < 2) goto end_of_data;
        if (!is_cont(p[1])) goto inv1;
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 2) goto end_of_data;
        unsigned c2 = p[1];
        if (!is_cont((unsigned char)c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0)) goto inv1;
        if (avail < 3) goto end_of_data;
        if (!is_cont(p[2])) goto inv2;
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 2) goto end_of_data;
        unsigned c2 = p[1];
        if (!is_cont((unsigned char)c2) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90)) goto inv1;
        if (avail < 3) goto end_of_data;
        if (!is_cont(p[2])) goto inv2;
        if (avail < 4) goto end_of_data;
        if (!is_cont(p[3])) goto inv3;
        return 4;
    }
invalid_start:
    *reason = inv_start;
    return -1;
inv1:
    *reason = inv_cont;
    return -1;
inv2:
    *reason = inv_cont;
    return -2;
inv3:
    *reason = inv_cont;
    return -3;
end_of_data:
    *reason = eod;
    return -(int)avail;
}

// Offset of the first byte that is not part of valid strict UTF-8.
static KrSsize utf8_valid_prefix(const unsigned char *s, KrSsize size) {
    const unsigned char *p = s, *end = s + size;
    const char *reason;
    while (p < end) {
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL) break;
            p += 8;
        }
        if (p >= end) break;
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n = utf8_seq(p, end, &reason);
        if (n < 0) break;
        p += n;
    }
    return p - s;
}

static int decode_utf8_body(KrThreadState *ts, Decoder *d) {
    const unsigned char *s = d->data;
    KrSsize pos = 0;
    while (pos < d->size) {
        KrSsize ok = pos + utf8_valid_prefix(s + pos, d->size - pos);
        if (ok > pos && krSB_append(ts, &d->sb, (const char *)s + pos, ok - pos) < 0) return -1;
        pos = ok;
        if (pos >= d->size) break;
        const char *reason = NULL;
        int n = utf8_seq(s + pos, s + d->size, &reason);
        pos = decode_error(ts, d, pos, pos - n, reason);
        if (pos < 0) return -1;
    }
    return 0;
}

static int decode_ascii_body(KrThreadState *ts, Decoder *d) {
    KrSsize pos = 0;
    while (pos < d->size) {
        KrSsize run = pos;
        while (run < d->size && d->data[run] < 0x80) run++;
        if (run > pos && krSB_append_ascii(ts, &d->sb, (const char *)d->data + pos, run - pos) < 0) return -1;
        pos = run;
        if (pos < d->size) {
            pos = decode_error(ts, d, pos, pos + 1, "ordinal not in range(128)");
            if (pos < 0) return -1;
        }
    }
    return 0;
}

static int decode_latin1_body(KrThreadState *ts, Decoder *d) {
    if (krSB_reserve(ts, &d->sb, d->size * 2) < 0) return -1;
    for (KrSsize i = 0; i < d->size; i++)
        if (krSB_append_char(ts, &d->sb, d->data[i]) < 0) return -1;
    return 0;
}

static inline uint32_t read16(const unsigned char *p, bool le) {
    return le ? (uint32_t)(p[0] | (p[1] << 8)) : (uint32_t)((p[0] << 8) | p[1]);
}
static inline uint32_t read32(const unsigned char *p, bool le) {
    return le ? ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24)
              : ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static int decode_utf16_body(KrThreadState *ts, Decoder *d, KrSsize pos) {
    bool le = d->codec == C_UTF16LE;
    const unsigned char *s = d->data;
    while (pos < d->size) {
        KrSsize avail = d->size - pos;
        const char *reason = NULL;
        KrSsize errend = pos + 2;
        if (avail < 2) {
            reason = "truncated data";
            errend = d->size;
        } else {
            uint32_t u = read16(s + pos, le);
            if (u < 0xD800 || u > 0xDFFF) {
                if (krSB_append_char(ts, &d->sb, u) < 0) return -1;
                pos += 2;
                continue;
            }
            if (u >= 0xDC00) {
                reason = "illegal encoding";
            } else if (avail < 4) {
                reason = "unexpected end of data";
                errend = d->size;
            } else {
                uint32_t u2 = read16(s + pos + 2, le);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    if (krSB_append_char(ts, &d->sb, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)) < 0) return -1;
                    pos += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate";
            }
        }
        pos = decode_error(ts, d, pos, errend, reason);
        if (pos < 0) return -1;
    }
    return 0;
}

static int decode_utf32_body(KrThreadState *ts, Decoder *d, KrSsize pos) {
    bool le = d->codec == C_UTF32LE;
    while (pos < d->size) {
        const char *reason;
        KrSsize errend = pos + 4;
        if (d->size - pos < 4) {
            reason = "truncated data";
            errend = d->size;
        } else {
            uint32_t u = read32(d->data + pos, le);
            if (u > 0x10FFFF) {
                reason = "code point not in range(0x110000)";
            } else if (u >= 0xD800 && u <= 0xDFFF) {
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            } else {
                if (krSB_append_char(ts, &d->sb, u) < 0) return -1;
                pos += 4;
                continue;
            }
        }
        pos = decode_error(ts, d, pos, errend, reason);
        if (pos < 0) return -1;
    }
    return 0;
}

static KrObject *decode(KrThreadState *ts, enum Codec codec, const char *data, KrSsize size, const char *errors) {
    Decoder d = {.codec = codec, .name = codec, .data = (const unsigned char *)data, .size = size, .errors = errors,
                 .handler = lookup_handler(errors)};
    if (codec == C_UTF8 || codec == C_ASCII) {
        // Fast path: all valid.
        KrSsize ok = codec == C_UTF8 ? utf8_valid_prefix(d.data, size) : size;
        if (codec == C_ASCII) {
            for (ok = 0; ok < size && d.data[ok] < 0x80; ok++) {}
        }
        if (ok == size) return krStr_from_utf8(ts, data, size);
    }
    krSB_init(&d.sb);
    int r;
    KrSsize start = 0;
    switch (codec) {
    case C_UTF8: r = decode_utf8_body(ts, &d); break;
    case C_ASCII: r = decode_ascii_body(ts, &d); break;
    case C_LATIN1: r = decode_latin1_body(ts, &d); break;
    case C_UTF16:
        d.codec = C_UTF16LE;
        if (size >= 2 && d.data[0] == 0xFE && d.data[1] == 0xFF) {
            d.codec = C_UTF16BE;
            start = 2;
        } else if (size >= 2 && d.data[0] == 0xFF && d.data[1] == 0xFE) {
            start = 2;
        }
        // Errors name the byte order in use ('utf-16-le'), as CPython's do.
        d.name = d.codec;
        r = decode_utf16_body(ts, &d, start);
        break;
    case C_UTF16LE: case C_UTF16BE: r = decode_utf16_body(ts, &d, 0); break;
    case C_UTF32:
        d.codec = C_UTF32LE;
        if (size >= 4 && memcmp(data, "\x00\x00\xFE\xFF", 4) == 0) {
            d.codec = C_UTF32BE;
            start = 4;
        } else if (size >= 4 && memcmp(data, "\xFF\xFE\x00\x00", 4) == 0) {
            start = 4;
        }
        d.name = d.codec;
        r = decode_utf32_body(ts, &d, start);
        break;
    default: r = decode_utf32_body(ts, &d, 0); break;
    }
    if (r < 0) {
        krSB_discard(&d.sb);
        return NULL;
    }
    return krSB_finish(ts, &d.sb);
}

KrObject *krStr_decode_utf8(KrThreadState *ts, const char *s, KrSsize size, const char *errors) {
    return decode(ts, C_UTF8, s, size, errors);
}

KrObject *krStr_decode(KrThreadState *ts, const char *data, KrSsize size, const char *encoding,
                       const char *errors) {
    enum Codec c = lookup_codec(encoding);
    if (c == C_UNKNOWN) return unknown_encoding(ts, encoding);
    if (c == C_UTF8SIG) {
        // The BOM is dropped; errors report positions after it, as CPython's
        // utf_8_sig decoder (which decodes the rest with utf-8) does.
        if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            data += 3;
            size -= 3;
        }
        c = C_UTF8;
    }
    return decode(ts, c, data, size, errors);
}

// ---------------------------------------------------------------------------
// Encoding

typedef struct {
    enum Codec codec;
    enum Codec name;
    KrObject *str;
    const char *errors;
    enum Handler handler;
    KrByteBuilder bb;
} Encoder;

static int raise_encode_error(KrThreadState *ts, Encoder *e, KrSsize start, KrSsize end, const char *reason) {
    KrObject *enc = krStr_from_cstr(ts, codec_names[e->name]);
    KrObject *rsn = krStr_from_cstr(ts, reason);
    KrObject *args = NULL;
    if (enc && rsn) {
        args = krTuple_new(ts, 5);
        if (args) {
            KR_TUPLE_SET(args, 0, enc);
            KR_TUPLE_SET(args, 1, kr_newref(e->str));
            KR_TUPLE_SET(args, 2, kr_smallint(start));
            KR_TUPLE_SET(args, 3, kr_smallint(end));
            KR_TUPLE_SET(args, 4, rsn);
            enc = rsn = NULL;
        }
    }
    kr_xdecref(enc);
    kr_xdecref(rsn);
    if (!args) return -1;
    KrObject *exc = krExc_new(ts, &KrExc_UnicodeEncodeError, args);
    kr_decref(args);
    if (exc) krErr_set_exc(ts, exc);
    return -1;
}

static int emit_char(KrThreadState *ts, Encoder *e, uint32_t c) {
    unsigned char b[4];
    switch (e->codec) {
    case C_UTF8: {
        int n = krUtf8_encode(c, (char *)b);
        return krBB_append(ts, &e->bb, b, n);
    }
    case C_ASCII: case C_LATIN1:
        return krBB_append_byte(ts, &e->bb, (int)c);
    case C_UTF16LE: case C_UTF16BE: {
        bool le = e->codec == C_UTF16LE;
        if (c >= 0x10000) {
            uint32_t hi = 0xD800 + ((c - 0x10000) >> 10), lo = 0xDC00 + ((c - 0x10000) & 0x3FF);
            if (emit_char(ts, e, hi) < 0) return -1;
            c = lo;
        }
        b[le ? 0 : 1] = (unsigned char)(c & 0xFF);
        b[le ? 1 : 0] = (unsigned char)(c >> 8);
        return krBB_append(ts, &e->bb, b, 2);
    }
    default: {
        bool le = e->codec == C_UTF32LE;
        for (int i = 0; i < 4; i++) b[le ? i : 3 - i] = (unsigned char)(c >> (8 * i));
        return krBB_append(ts, &e->bb, b, 4);
    }
    }
}

static bool encodable(enum Codec codec, uint32_t c) {
    switch (codec) {
    case C_ASCII: return c < 0x80;
    case C_LATIN1: return c < 0x100;
    default: return c < 0xD800 || c > 0xDFFF;
    }
}

static const char *encode_reason(enum Codec codec) {
    return codec == C_ASCII ? "ordinal not in range(128)" : codec == C_LATIN1 ? "ordinal not in range(256)"
                                                                               : "surrogates not allowed";
}

// Handles the unencodable characters `cps[0..n)` at indices [start, start+n).
static int encode_error(KrThreadState *ts, Encoder *e, const uint32_t *cps, KrSsize start, KrSsize n) {
    const char *reason = encode_reason(e->codec);
    switch (e->handler) {
    case H_STRICT:
        return raise_encode_error(ts, e, start, start + n, reason);
    case H_IGNORE:
        return 0;
    case H_REPLACE:
        for (KrSsize i = 0; i < n; i++) {
            if (e->codec == C_ASCII || e->codec == C_LATIN1 ? krBB_append_byte(ts, &e->bb, '?') : emit_char(ts, e, '?'))
                return -1;
        }
        return 0;
    case H_BACKSLASH: case H_XMLCHARREF:
        for (KrSsize i = 0; i < n; i++) {
            char buf[16];
            uint32_t c = cps[i];
            if (e->handler == H_XMLCHARREF) snprintf(buf, sizeof buf, "&#%u;", c);
            else if (c <= 0xFF) snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c <= 0xFFFF) snprintf(buf, sizeof buf, "\\u%04x", c);
            else snprintf(buf, sizeof buf, "\\U%08x", c);
            for (char *p = buf; *p; p++)
                if (emit_char(ts, e, (unsigned char)*p) < 0) return -1;
        }
        return 0;
    case H_SURR_ESCAPE:
        for (KrSsize i = 0; i < n; i++)
            if (cps[i] < 0xDC80 || cps[i] > 0xDCFF) return raise_encode_error(ts, e, start, start + n, reason);
        for (KrSsize i = 0; i < n; i++)
            if (krBB_append_byte(ts, &e->bb, (int)(cps[i] - 0xDC00)) < 0) return -1;
        return 0;
    case H_SURR_PASS:
        if (e->codec == C_ASCII || e->codec == C_LATIN1) return raise_encode_error(ts, e, start, start + n, reason);
        for (KrSsize i = 0; i < n; i++) {
            uint32_t c = cps[i];
            if (c < 0xD800 || c > 0xDFFF) return raise_encode_error(ts, e, start, start + n, reason);
        }
        for (KrSsize i = 0; i < n; i++) {
            uint32_t c = cps[i];
            unsigned char b[4];
            if (e->codec == C_UTF8) {
                krUtf8_encode(c, (char *)b);
                if (krBB_append(ts, &e->bb, b, 3) < 0) return -1;
            } else if (e->codec == C_UTF16LE || e->codec == C_UTF16BE) {
                bool le = e->codec == C_UTF16LE;
                b[le ? 0 : 1] = (unsigned char)(c & 0xFF);
                b[le ? 1 : 0] = (unsigned char)(c >> 8);
                if (krBB_append(ts, &e->bb, b, 2) < 0) return -1;
            } else if (emit_char(ts, e, c) < 0) {
                return -1;
            }
        }
        return 0;
    case H_NAME:
        krErr_set_string(ts, &KrExc_NotImplementedError, "the 'namereplace' error handler is not supported");
        return -1;
    default:
        return unknown_handler(ts, e->errors);
    }
}

static int encode_body(KrThreadState *ts, Encoder *e) {
    const char *p = krStr_utf8(e->str), *end = p + krStr_size(e->str);
    KrSsize idx = 0;
    uint32_t bad[64];
    while (p < end) {
        const char *q = p;
        uint32_t c = krUtf8_decode(&q);
        if (encodable(e->codec, c)) {
            if (e->codec == C_UTF8 || (e->codec == C_ASCII && c < 0x80)) {
                if (krBB_append(ts, &e->bb, p, q - p) < 0) return -1;
            } else if (emit_char(ts, e, c) < 0) {
                return -1;
            }
            p = q;
            idx++;
            continue;
        }
        // Collect the run of unencodable characters (chunked for the buffer;
        // strict reports the whole run).
        KrSsize start = idx, n = 0;
        const char *r = p;
        while (r < end) {
            const char *t = r;
            uint32_t k = krUtf8_decode(&t);
            if (encodable(e->codec, k)) break;
            if (n < 64) bad[n] = k;
            n++;
            r = t;
        }
        if (n > 64 && e->handler != H_STRICT) {
            // Long run: handle it in chunks of 64.
            const char *t = p;
            KrSsize done = 0;
            while (done < n) {
                KrSsize k = n - done < 64 ? n - done : 64;
                for (KrSsize i = 0; i < k; i++) bad[i] = krUtf8_decode(&t);
                if (e->handler == H_SURR_ESCAPE || e->handler == H_SURR_PASS) {
                    // These must fail with the range of the whole run.
                    for (KrSsize i = 0; i < k; i++) {
                        bool ok = e->handler == H_SURR_ESCAPE ? (bad[i] >= 0xDC80 && bad[i] <= 0xDCFF)
                                                              : (bad[i] >= 0xD800 && bad[i] <= 0xDFFF &&
                                                                 e->codec != C_ASCII && e->codec != C_LATIN1);
                        if (!ok) return raise_encode_error(ts, e, start, start + n, encode_reason(e->codec));
                    }
                }
                if (encode_error(ts, e, bad, start + done, k) < 0) return -1;
                done += k;
            }
        } else if (encode_error(ts, e, bad, start, n) < 0) {
            return -1;
        }
        p = r;
        idx += n;
    }
    return 0;
}

static bool has_surrogates(KrObject *s) {
    if (krStr_is_ascii(s)) return false;
    const unsigned char *p = (const unsigned char *)krStr_utf8(s);
    KrSsize n = krStr_size(s);
    for (KrSsize i = 0; i + 1 < n; i++)
        if (p[i] == 0xED && p[i + 1] >= 0xA0) return true;
    return false;
}

static KrObject *encode(KrThreadState *ts, enum Codec codec, KrObject *s, const char *errors) {
    if ((codec == C_UTF8 && !has_surrogates(s)) || (codec == C_ASCII && krStr_is_ascii(s)) ||
        (codec == C_LATIN1 && krStr_is_ascii(s)))
        return krBytes_from_data(ts, krStr_utf8(s), krStr_size(s));
    Encoder e = {.codec = codec, .name = codec, .str = s, .errors = errors, .handler = lookup_handler(errors)};
    krBB_init(&e.bb);
    if (codec == C_UTF16) {
        e.codec = C_UTF16LE;
        if (krBB_append(ts, &e.bb, "\xFF\xFE", 2) < 0) goto fail;
    } else if (codec == C_UTF32) {
        e.codec = C_UTF32LE;
        if (krBB_append(ts, &e.bb, "\xFF\xFE\x00\x00", 4) < 0) goto fail;
    }
    if (encode_body(ts, &e) < 0) goto fail;
    return krBB_finish(ts, &e.bb, false);
fail:
    krBB_discard(&e.bb);
    return NULL;
}

KrObject *krStr_encode(KrThreadState *ts, KrObject *s, const char *encoding, const char *errors) {
    enum Codec c = lookup_codec(encoding);
    if (c == C_UNKNOWN) return unknown_encoding(ts, encoding);
    if (c == C_UTF8SIG) {
        KrObject *body = encode(ts, C_UTF8, s, errors);
        if (!body) return NULL;
        KrObject *r = krBytes_from_data(ts, NULL, krBytes_size(body) + 3);
        if (r) {
            memcpy(krBytes_data(r), "\xEF\xBB\xBF", 3);
            memcpy(krBytes_data(r) + 3, krBytes_data(body), (size_t)krBytes_size(body));
        }
        kr_decref(body);
        return r;
    }
    return encode(ts, c, s, errors);
}

KrObject *krStr_as_utf8_bytes(KrThreadState *ts, KrObject *s) { return encode(ts, C_UTF8, s, NULL); }

int krStr_check_utf8(KrThreadState *ts, KrObject *s) {
    if (!has_surrogates(s)) return 0;
    KrObject *b = encode(ts, C_UTF8, s, NULL);
    if (!b) return -1;
    kr_decref(b);
    return 0;
}
