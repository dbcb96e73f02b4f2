/*
 * decode.c — turning source bytes into the text the tokenizer reads.
 *
 * Python source is UTF-8 unless a byte order mark or a PEP 263 declaration
 * (`# -*- coding: latin-1 -*-` on line 1 or 2) says otherwise.  We accept
 * UTF-8, Latin-1 and ASCII; any other declared encoding is a SyntaxError, as
 * CPython gives for an encoding it does not know.  The result is always UTF-8
 * with '\n' line ends and a final '\n', which is what CPython's string
 * tokenizer works on too (so byte columns agree).
 *
 * Also here: the UTF-8 helpers the tokenizer and the string decoder share.
 */
#include "lexer/decode.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int krLex_utf8_decode(const unsigned char *s, const unsigned char *end, unsigned *cp) {
    unsigned c = s[0];
    int n;
    unsigned v;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; }
    else return -1;
    if (end - s < n) return -1;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    // Reject overlong forms and code points past U+10FFFF.  Surrogates are
    // rejected too: strict UTF-8, as CPython's decoder requires of source.
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF))) return -1;
    if (v >= 0xD800 && v <= 0xDFFF) return -1;
    *cp = v;
    return n;
}

int krLex_utf8_encode(unsigned cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

// Looks for a coding declaration in the line [s, end).  On success stores the
// name (not NUL-terminated) and returns its length; returns 0 when the line
// declares nothing.  The rule is PEP 263's regular expression
// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
static size_t find_cookie(const char *s, const char *end, const char **name) {
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    if (s == end || *s != '#') return 0;
    for (const char *p = s; p + 7 < end; p++) {
        if (memcmp(p, "coding", 6) != 0 || (p[6] != ':' && p[6] != '=')) continue;
        const char *q = p + 7;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        const char *b = q;
        while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_' || *q == '.')) q++;
        if (q > b) { *name = b; return (size_t)(q - b); }
    }
    return 0;
}

// True when the line [s, end) holds only whitespace and possibly a comment, so
// that a declaration may still follow on the next line.
static int blank_or_comment(const char *s, const char *end) {
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    return s == end || *s == '#' || *s == '\n' || *s == '\r';
}

// Maps a declared name to the encodings we know, the way CPython's
// get_normal_name() folds spellings: "utf-8", "utf_8", "UTF-8-unix"...
static KrSourceEncoding normal_encoding(const char *name, size_t len) {
    char buf[16];
    size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        buf[i] = c == '_' ? '-' : c;
    }
    buf[n] = '\0';
    if (len >= sizeof buf) return KR_ENC_UNKNOWN;
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0 || strcmp(buf, "utf8") == 0)
        return KR_ENC_UTF8;
    if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
        strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
        strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0 ||
        strcmp(buf, "latin1") == 0 || strcmp(buf, "l1") == 0 || strcmp(buf, "iso8859-1") == 0)
        return KR_ENC_LATIN1;
    if (strcmp(buf, "ascii") == 0 || strcmp(buf, "us-ascii") == 0) return KR_ENC_ASCII;
    return KR_ENC_UNKNOWN;
}

// The declared encoding of the first two lines of [s, end), if any.
static KrSourceEncoding declared_encoding(const char *s, const char *end,
                                          char *name_out, size_t name_cap) {
    for (int line = 0; line < 2 && s < end; line++) {
        const char *eol = s;
        while (eol < end && *eol != '\n' && *eol != '\r') eol++;
        const char *name;
        size_t len = find_cookie(s, eol, &name);
        if (len) {
            size_t n = len < name_cap - 1 ? len : name_cap - 1;
            memcpy(name_out, name, n);
            name_out[n] = '\0';
            return normal_encoding(name, len);
        }
        if (!blank_or_comment(s, eol)) break;
        s = eol;
        if (s < end && *s == '\r') s++;
        if (s < end && *s == '\n') s++;
    }
    return KR_ENC_DEFAULT;
}

int krLex_decode_source(KrArena *arena, const char *src, size_t len, KrDecodedSource *out,
                        char *errmsg, size_t errcap) {
    const char *s = src, *end = src + len;
    int bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    if (bom) s += 3;
    char name[64];
    KrSourceEncoding enc = declared_encoding(s, end, name, sizeof name);
    out->encoding = NULL;
    if (enc == KR_ENC_UNKNOWN) {
        snprintf(errmsg, errcap, "unknown encoding: %s", name);
        return -1;
    }
    if (bom && enc != KR_ENC_DEFAULT && enc != KR_ENC_UTF8) {
        snprintf(errmsg, errcap, "encoding problem: %s with BOM", name);
        return -1;
    }
    if (enc == KR_ENC_LATIN1) out->encoding = "latin-1";
    else if (enc == KR_ENC_ASCII) out->encoding = "ascii";
    else if (enc == KR_ENC_UTF8 || bom) out->encoding = "utf-8";

    // Worst case: every Latin-1 byte becomes two UTF-8 bytes, plus the final '\n'.
    size_t cap = (size_t)(end - s) * (enc == KR_ENC_LATIN1 ? 2 : 1) + 2;
    char *buf = krArena_alloc(arena, cap);
    if (!buf) {
        snprintf(errmsg, errcap, "out of memory");
        return -2;
    }
    char *o = buf;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c == '\r') {
            *o++ = '\n';
            s += (s + 1 < end && s[1] == '\n') ? 2 : 1;
        } else if (c < 0x80 || enc != KR_ENC_LATIN1) {
            *o++ = (char)c;
            s++;
        } else {
            o += krLex_utf8_encode(c, o);
            s++;
        }
    }
    if (o == buf || o[-1] != '\n') *o++ = '\n';
    *o = '\0';
    out->text = buf;
    out->len = (size_t)(o - buf);
    return 0;
}
