/*
 * io_textio.c — io.TextIOWrapper: text over a buffered binary stream.
 *
 * Decoded text waits in `tbuf` as UTF-8 (Krait's own str representation),
 * already newline-translated; tbuf[tpos..tlen) is not yet consumed.
 * UTF-8, Latin-1 and ASCII are decoded chunk by chunk, an incomplete UTF-8
 * sequence at the end of a chunk waiting in `pending`; other encodings are
 * decoded once the whole rest of the stream has been read.
 *
 * tell() is a byte position: the buffer's position minus the bytes that
 * produced the unconsumed text.  To know them exactly after "\r\n" -> "\n"
 * translation, the offsets in tbuf of the collapsed newlines are recorded.
 *
 * Writing encodes and hands the bytes straight to the buffer (the C
 * buffered writer's own buffer does the accumulating), so print() to a
 * standard stream costs a copy.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/io.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII, ENC_OTHER };
enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

typedef struct {
    KrIOBaseObject base;
    KrObject *buffer;              // strong; NULL once detached
    KrObject *encoding, *errors;   // strong strs
    bool fast;                     // buffer is an exact C buffered object
    bool rawfast;                  // buffer is an exact FileIO (unbuffered std streams)
    bool ok, detached;
    int enc;                       // ENC_*
    bool readuniversal, readtranslate, writetranslate;
    const char *writenl;           // "\r" or "\r\n" to translate "\n" to; NULL: none
    const char *readnl;            // the one line ending when !readuniversal
    int seennl;
    bool line_buffering, write_through, seekable, eof;
    bool readable, writable;       // what the buffer said at construction
    char *tbuf;                    // decoded text (UTF-8)
    KrSsize tlen, tpos, tcap;
    KrSsize *crlf;                 // tbuf offsets of "\n"s that were "\r\n"
    KrSsize ncrlf, capcrlf;
    char pending[8];               // undecoded tail bytes (incomplete UTF-8)
    int npending;
    bool pending_cr;               // a "\r" held back until the next chunk
    KrSsize chunk_size;
} TextIO;

#define TIO(o) ((TextIO *)(o))

bool krTextIO_check_exact(KrObject *o) { return KR_TYPE(o) == &KrTextIOWrapper_Type; }

static int check_ok(KrThreadState *ts, TextIO *t) {
    if (t->ok && t->buffer) return 0;
    if (t->detached) krErr_set_string(ts, &KrExc_ValueError, "underlying buffer has been detached");
    else krErr_set_string(ts, &KrExc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

// 1 closed, 0 open, -1 error.
static int buffer_closed(KrThreadState *ts, TextIO *t) {
    if (t->fast) return krBuffered_closed(ts, t->buffer);
    if (t->rawfast) return krFileIO_fd(t->buffer) < 0;
    KrObject *c = krObj_getattr(ts, t->buffer, KR_ID(closed));
    if (!c) return -1;
    int r = krObj_is_true(ts, c);
    kr_decref(c);
    return r;
}

static int check_open(KrThreadState *ts, TextIO *t) {
    if (check_ok(ts, t) < 0) return -1;
    int c = buffer_closed(ts, t);
    if (c > 0) krIO_closed_error(ts);
    return c ? -1 : 0;
}

static KrObject *call0(KrThreadState *ts, KrObject *o, const char *name) {
    return krObj_call_method(ts, o, krStr_intern_cstr(ts, name), NULL);
}

// ---------------------------------------------------------------------------
// Decoding

static int tbuf_reserve(KrThreadState *ts, TextIO *t, KrSsize extra) {
    if (t->tpos > 0 && t->tpos == t->tlen) {
        t->tpos = t->tlen = 0;
        t->ncrlf = 0;
    }
    if (t->tlen + extra <= t->tcap) return 0;
    if (t->tpos > 0) {
        // Drop the consumed text and the collapsed-newline marks before it.
        krIO_copy(t->tbuf, t->tbuf + t->tpos, (size_t)(t->tlen - t->tpos));
        KrSsize k = 0;
        for (KrSsize i = 0; i < t->ncrlf; i++)
            if (t->crlf[i] >= t->tpos) t->crlf[k++] = t->crlf[i] - t->tpos;
        t->ncrlf = k;
        t->tlen -= t->tpos;
        t->tpos = 0;
        if (t->tlen + extra <= t->tcap) return 0;
    }
    KrSsize ncap = (t->tlen + extra) * 2 + 256;
    char *nb = krMem_realloc(t->tbuf, (size_t)ncap);
    if (!nb) return krErr_no_memory(ts), -1;
    t->tbuf = nb;
    t->tcap = ncap;
    return 0;
}

static int note_crlf(KrThreadState *ts, TextIO *t, KrSsize off) {
    if (t->ncrlf == t->capcrlf) {
        KrSsize ncap = t->capcrlf * 2 + 16;
        KrSsize *n = krMem_realloc(t->crlf, (size_t)ncap * sizeof(KrSsize));
        if (!n) return krErr_no_memory(ts), -1;
        t->crlf = n;
        t->capcrlf = ncap;
    }
    t->crlf[t->ncrlf++] = off;
    return 0;
}

// Appends decoded UTF-8 text, translating newlines as configured.
static int append_text(KrThreadState *ts, TextIO *t, const char *s, KrSsize n, bool final) {
    if (tbuf_reserve(ts, t, n + 1) < 0) return -1;
    char *out = t->tbuf + t->tlen;
    if (!t->readuniversal) {
        krIO_copy(out, s, (size_t)n);
        t->tlen += n;
        return 0;
    }
    const char *end = s + n;
    if (t->pending_cr) {
        t->pending_cr = false;
        if (n > 0 && *s == '\n') {
            t->seennl |= SEEN_CRLF;
            if (t->readtranslate) {
                if (note_crlf(ts, t, out - t->tbuf) < 0) return -1;
                *out++ = '\n';
            } else {
                *out++ = '\r';
                *out++ = '\n';
            }
            s++;
        } else {
            t->seennl |= SEEN_CR;
            *out++ = t->readtranslate ? '\n' : '\r';
        }
    }
    while (s < end) {
        const char *cr = krIO_find(s, '\r', (size_t)(end - s));
        const char *stop = cr ? cr : end;
        if (krIO_find(s, '\n', (size_t)(stop - s))) t->seennl |= SEEN_LF;
        krIO_copy(out, s, (size_t)(stop - s));
        out += stop - s;
        s = stop;
        if (!cr) break;
        if (cr + 1 == end && !final) {
            t->pending_cr = true;  // may be the first half of "\r\n"
            s = end;
            break;
        }
        if (cr + 1 < end && cr[1] == '\n') {
            t->seennl |= SEEN_CRLF;
            if (t->readtranslate) {
                if (note_crlf(ts, t, out - t->tbuf) < 0) return -1;
                *out++ = '\n';
            } else {
                *out++ = '\r';
                *out++ = '\n';
            }
            s = cr + 2;
        } else {
            t->seennl |= SEEN_CR;
            *out++ = t->readtranslate ? '\n' : '\r';
            s = cr + 1;
        }
    }
    t->tlen = out - t->tbuf;
    return 0;
}

// Length of the longest prefix of data[0..n) that holds no incomplete
// UTF-8 sequence at its end.
static KrSsize utf8_complete(const char *data, KrSsize n) {
    KrSsize i = n;
    for (int back = 0; back < 4 && i > 0; back++) {
        unsigned char c = (unsigned char)data[i - 1];
        if (c < 0x80) return n;
        if (c >= 0xC0) {
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            return back + 1 >= need ? n : i - 1;
        }
        i--;
    }
    return n;
}

static int decode_append(KrThreadState *ts, TextIO *t, const char *data, KrSsize n, bool final) {
    KrObject *s;
    if (t->enc == ENC_UTF8) {
        s = krStr_decode_utf8(ts, data, n, krStr_utf8(t->errors));
    } else {
        const char *codec = t->enc == ENC_LATIN1 ? "latin-1" : t->enc == ENC_ASCII ? "ascii" : krStr_utf8(t->encoding);
        s = krStr_decode(ts, data, n, codec, krStr_utf8(t->errors));
    }
    if (!s) return -1;
    int r = append_text(ts, t, krStr_utf8(s), krStr_size(s), final);
    kr_decref(s);
    return r;
}

// Reads the next chunk from the buffer (all the rest for other encodings).
// New reference: bytes, "" at EOF.
static KrObject *next_chunk(KrThreadState *ts, TextIO *t) {
    if (t->enc == ENC_OTHER) return call0(ts, t->buffer, "read");
    if (t->fast) return krBuffered_read_chunk(ts, t->buffer, t->chunk_size);
    KrObject *n = kr_smallint(t->chunk_size);
    KrObject *r = krObj_call_method(ts, t->buffer, krStr_intern_cstr(ts, "read1"), n, NULL);
    if (!r && krErr_matches(ts, &KrExc_AttributeError)) {
        krErr_clear(ts);
        r = krObj_call_method(ts, t->buffer, krStr_intern_cstr(ts, "read"), n, NULL);
    }
    if (r && !krBytes_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "underlying read1() should have returned a bytes-like object, not '%s'",
                     krType_name(KR_TYPE(r)));
        KR_CLEAR(r);
    }
    return r;
}

// Decodes one more chunk: 1 when text was added or may be, 0 at EOF, -1.
static int read_more(KrThreadState *ts, TextIO *t) {
    if (t->eof) return 0;
    KrObject *chunk = next_chunk(ts, t);
    if (!chunk) return -1;
    if (chunk == KR_NONE) {
        kr_decref(chunk);
        return 1;
    }
    KrSsize n = krBytes_size(chunk);
    bool final = n == 0 || t->enc == ENC_OTHER;
    if (final) t->eof = true;
    int r;
    if (t->npending) {
        KrSsize total = t->npending + n;
        char *tmp = krMem_malloc((size_t)total + 1);
        if (!tmp) {
            kr_decref(chunk);
            return krErr_no_memory(ts), -1;
        }
        krIO_copy(tmp, t->pending, (size_t)t->npending);
        krIO_copy(tmp + t->npending, krBytes_data(chunk), (size_t)n);
        KrSsize cut = final || t->enc != ENC_UTF8 ? total : utf8_complete(tmp, total);
        t->npending = (int)(total - cut);
        krIO_copy(t->pending, tmp + cut, (size_t)t->npending);
        r = decode_append(ts, t, tmp, cut, final);
        krMem_free(tmp);
    } else {
        const char *d = krBytes_data(chunk);
        KrSsize cut = final || t->enc != ENC_UTF8 ? n : utf8_complete(d, n);
        t->npending = (int)(n - cut);
        krIO_copy(t->pending, d + cut, (size_t)t->npending);
        r = decode_append(ts, t, d, cut, final);
    }
    kr_decref(chunk);
    if (r < 0) return -1;
    if (final && t->pending_cr && append_text(ts, t, "", 0, true) < 0) return -1;
    return 1;
}

static void reset_decoder(TextIO *t) {
    t->tpos = t->tlen = 0;
    t->ncrlf = 0;
    t->npending = 0;
    t->pending_cr = false;
    t->eof = false;
}

// Byte offset in tbuf after `nchars` code points from tpos (clamped to tlen).
static KrSsize skip_chars(TextIO *t, KrSsize from, KrSsize nchars) {
    KrSsize i = from;
    while (nchars > 0 && i < t->tlen) {
        unsigned char c = (unsigned char)t->tbuf[i];
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        nchars--;
    }
    return i > t->tlen ? t->tlen : i;
}

static KrObject *take_text(KrThreadState *ts, TextIO *t, KrSsize upto) {
    KrObject *s = krStr_from_utf8(ts, t->tbuf + t->tpos, upto - t->tpos);
    if (s) t->tpos = upto;
    return s;
}

static int prepare_read(KrThreadState *ts, TextIO *t) {
    if (check_open(ts, t) < 0) return -1;
    if (!t->readable) return krIO_raise_unsupported(ts, "not readable"), -1;
    // Pending writes must reach the file before reading (r+ mode).
    if (t->fast && t->writable && krBuffered_flush_data(ts, t->buffer) < 0) return -1;
    return 0;
}

static KrObject *textio_read(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    TextIO *t = TIO(self);
    KrSsize n;
    if (krIO_size_arg(ts, args, nargs, "read", &n) < 0 || prepare_read(ts, t) < 0) return NULL;
    if (n < 0) {
        for (;;) {
            int r = read_more(ts, t);
            if (r < 0) return NULL;
            if (r == 0) break;
        }
        return take_text(ts, t, t->tlen);
    }
    for (;;) {
        KrSsize end = skip_chars(t, t->tpos, n);
        KrSsize have = 0;
        // Count what is there (skip_chars stops at tlen).
        for (KrSsize i = t->tpos; i < end; have++) {
            unsigned char c = (unsigned char)t->tbuf[i];
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
        if (have >= n) return take_text(ts, t, end);
        int r = read_more(ts, t);
        if (r < 0) return NULL;
        if (r == 0) return take_text(ts, t, t->tlen);
    }
}

// The end (exclusive) of the line starting at tpos, searching from `from`;
// -1 when more text is needed.
static KrSsize find_line_end(TextIO *t, KrSsize from) {
    const char *p = t->tbuf + from, *end = t->tbuf + t->tlen;
    if (t->readtranslate || (!t->readuniversal && t->readnl[0] == '\n')) {
        const char *nl = krIO_find(p, '\n', (size_t)(end - p));
        return nl ? nl - t->tbuf + 1 : -1;
    }
    if (t->readuniversal) {
        for (; p < end; p++) {
            if (*p == '\n') return p - t->tbuf + 1;
            if (*p == '\r') {
                if (p + 1 < end) return p - t->tbuf + (p[1] == '\n' ? 2 : 1);
                return t->eof && !t->pending_cr ? p - t->tbuf + 1 : -1;
            }
        }
        return -1;
    }
    KrSsize nl = (KrSsize)strlen(t->readnl);
    for (; p + nl <= end; p++)
        if (memcmp(p, t->readnl, (size_t)nl) == 0) return p - t->tbuf + nl;
    return -1;
}

KrObject *krTextIO_readline(KrThreadState *ts, KrObject *self, KrSsize limit) {
    TextIO *t = TIO(self);
    if (prepare_read(ts, t) < 0) return NULL;
    KrSsize from = t->tpos;
    for (;;) {
        KrSsize end = find_line_end(t, from);
        if (limit >= 0) {
            KrSsize lim_end = skip_chars(t, t->tpos, limit);
            KrSsize cnt = 0;
            for (KrSsize i = t->tpos; i < lim_end; cnt++) {
                unsigned char c = (unsigned char)t->tbuf[i];
                i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            }
            if ((end < 0 || end > lim_end) && cnt >= limit) return take_text(ts, t, lim_end);
        }
        if (end >= 0) return take_text(ts, t, end);
        KrSsize scanned = t->tlen - t->tpos;
        int r = read_more(ts, t);
        if (r < 0) return NULL;
        if (r == 0) {
            // At EOF a lone trailing "\r" may end the line now.
            end = find_line_end(t, t->tpos);
            return take_text(ts, t, end >= 0 ? end : t->tlen);
        }
        // Rescan from a little before where the last search stopped ("\r\n"
        // split across chunks); tbuf may have been compacted meanwhile.
        from = t->tpos + (scanned > 2 ? scanned - 2 : 0);
    }
}

static KrObject *textio_readline(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrSsize limit;
    if (krIO_size_arg(ts, args, nargs, "readline", &limit) < 0) return NULL;
    return krTextIO_readline(ts, self, limit);
}

static KrObject *textio_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *line;
    if (krTextIO_check_exact(self)) {
        line = krTextIO_readline(ts, self, -1);
    } else {
        line = call0(ts, self, "readline");
        if (line && !krStr_check(line)) {
            krErr_format(ts, &KrExc_OSError, "readline() should have returned a str object, not '%s'",
                         krType_name(KR_TYPE(line)));
            KR_CLEAR(line);
        }
    }
    if (line && krStr_size(line) == 0) {
        kr_decref(line);
        return NULL;
    }
    return line;
}

// ---------------------------------------------------------------------------
// Writing

static bool has_surrogates(KrObject *s) {
    if (krStr_is_ascii(s)) return false;
    const unsigned char *p = (const unsigned char *)krStr_utf8(s), *end = p + krStr_size(s);
    for (; p + 1 < end; p++)
        if (p[0] == 0xED && p[1] >= 0xA0) return true;
    return false;
}

static int buffer_write(KrThreadState *ts, TextIO *t, const char *data, KrSsize n) {
    if (t->fast) return krBuffered_write_data(ts, t->buffer, data, n);
    while (t->rawfast && n > 0) {
        if (krFileIO_fd(t->buffer) < 0) return krIO_closed_error(ts), -1;
        KrSsize w = krFileIO_write_from(ts, t->buffer, data, n);
        if (w == -2) return krErr_format(ts, &KrExc_BlockingIOError, "write could not complete without blocking"), -1;
        if (w < 0) return -1;
        data += w;
        n -= w;
    }
    if (t->rawfast) return 0;
    KrObject *b = krBytes_from_data(ts, data, n);
    if (!b) return -1;
    KrObject *r = krObj_call_method(ts, t->buffer, KR_ID(write), b, NULL);
    kr_decref(b);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static int buffer_flush(KrThreadState *ts, TextIO *t) {
    if (t->fast) return krBuffered_flush_data(ts, t->buffer);
    if (t->rawfast) return krFileIO_fd(t->buffer) < 0 ? (krIO_closed_error(ts), -1) : 0;
    KrObject *r = krObj_call_method(ts, t->buffer, KR_ID(flush), NULL);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

// "\n" -> writenl in `s` (a str).  New reference.
static KrObject *translate_newlines(KrThreadState *ts, TextIO *t, KrObject *s) {
    KrStrBuilder sb;
    krSB_init(&sb);
    const char *p = krStr_utf8(s), *end = p + krStr_size(s);
    while (p < end) {
        const char *nl = krIO_find(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (krSB_append(ts, &sb, p, stop - p) < 0 || (nl && krSB_append_cstr(ts, &sb, t->writenl) < 0)) {
            krSB_discard(&sb);
            return NULL;
        }
        p = nl ? nl + 1 : end;
    }
    return krSB_finish(ts, &sb);
}

int krTextIO_write_str(KrThreadState *ts, KrObject *self, KrObject *s) {
    TextIO *t = TIO(self);
    // print()'s common case: UTF-8 text straight into the buffered writer.
    if (t->fast && t->writable && t->enc == ENC_UTF8 && !t->writenl && !t->line_buffering && !t->write_through &&
        t->tlen == t->tpos && t->buffer && !has_surrogates(s) &&
        krBuffered_try_append(t->buffer, krStr_utf8(s), krStr_size(s)))
        return 0;
    if (check_open(ts, t) < 0) return -1;
    if (!t->writable) return krIO_raise_unsupported(ts, "not writable"), -1;
    // Text decoded ahead is dropped, as CPython does.
    if (t->tlen > t->tpos) reset_decoder(t);
    KrObject *text = kr_newref(s);
    bool haslf = (t->writetranslate && t->writenl) || t->line_buffering ? krIO_find(krStr_utf8(s), '\n', (size_t)krStr_size(s)) != NULL : false;
    if (haslf && t->writetranslate && t->writenl) {
        kr_setref(&text, translate_newlines(ts, t, s));
        if (!text) return -1;
    }
    bool needflush = t->write_through ||
                     (t->line_buffering && (haslf || krIO_find(krStr_utf8(s), '\r', (size_t)krStr_size(s))));
    int r;
    if (t->enc == ENC_UTF8 && !has_surrogates(text)) {
        r = buffer_write(ts, t, krStr_utf8(text), krStr_size(text));
    } else if (t->enc == ENC_ASCII && krStr_is_ascii(text)) {
        r = buffer_write(ts, t, krStr_utf8(text), krStr_size(text));
    } else {
        const char *codec = t->enc == ENC_UTF8 ? "utf-8" : t->enc == ENC_LATIN1 ? "latin-1"
                            : t->enc == ENC_ASCII ? "ascii" : krStr_utf8(t->encoding);
        KrObject *b = krStr_encode(ts, text, codec, krStr_utf8(t->errors));
        r = b ? buffer_write(ts, t, krBytes_data(b), krBytes_size(b)) : -1;
        kr_xdecref(b);
    }
    kr_decref(text);
    if (r < 0) return -1;
    if (needflush) return buffer_flush(ts, t);
    return 0;
}

static KrObject *textio_write(KrThreadState *ts, KrObject *self, KrObject *s) {
    if (!krStr_check(s))
        return krErr_format(ts, &KrExc_TypeError, "write() argument must be str, not %s", krType_name(KR_TYPE(s)));
    if (krTextIO_write_str(ts, self, s) < 0) return NULL;
    return krInt_from_ssize(ts, krStr_len(s));
}

static KrObject *textio_flush(KrThreadState *ts, KrObject *self) {
    TextIO *t = TIO(self);
    if (check_open(ts, t) < 0 || buffer_flush(ts, t) < 0) return NULL;
    return kr_newref(KR_NONE);
}

// ---------------------------------------------------------------------------
// Positioning

// Bytes of input behind the unconsumed text (and the undecoded tail).
static KrSsize unconsumed_bytes(KrThreadState *ts, TextIO *t) {
    KrSsize n = t->npending + (t->pending_cr ? 1 : 0);
    if (t->tlen == t->tpos) return n;
    for (KrSsize i = 0; i < t->ncrlf; i++)
        if (t->crlf[i] >= t->tpos) n++;
    const char *p = t->tbuf + t->tpos, *end = t->tbuf + t->tlen;
    if (t->enc == ENC_UTF8 || t->enc == ENC_ASCII) return n + (end - p);
    if (t->enc == ENC_LATIN1) {
        for (; p < end; n++) {
            unsigned char c = (unsigned char)*p;
            p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
        return n;
    }
    KrObject *s = krStr_decode_utf8(ts, p, end - p, "surrogatepass");
    KrObject *b = s ? krStr_encode(ts, s, krStr_utf8(t->encoding), krStr_utf8(t->errors)) : NULL;
    kr_xdecref(s);
    if (!b) return -1;
    n += krBytes_size(b);
    kr_decref(b);
    return n;
}

static KrObject *textio_tell(KrThreadState *ts, KrObject *self) {
    TextIO *t = TIO(self);
    if (check_open(ts, t) < 0) return NULL;
    if (!t->seekable) return krIO_raise_unsupported(ts, "underlying stream is not seekable");
    if (buffer_flush(ts, t) < 0) return NULL;
    KrObject *pos = call0(ts, t->buffer, "tell");
    if (!pos) return NULL;
    KrSsize back = unconsumed_bytes(ts, t);
    if (back <= 0) return back < 0 ? (kr_decref(pos), NULL) : pos;
    KrObject *r = krNum_subtract(ts, pos, kr_smallint(back));
    kr_decref(pos);
    return r;
}

static KrObject *textio_seek(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    TextIO *t = TIO(self);
    if (krArg_check_positional(ts, "seek", nargs, 1, 2) < 0 || check_open(ts, t) < 0) return NULL;
    if (!t->seekable) return krIO_raise_unsupported(ts, "underlying stream is not seekable");
    int whence = 0;
    if (nargs == 2) {
        KrSsize w = krNum_as_ssize(ts, args[1], &KrExc_OverflowError);
        if (w == -1 && krErr_occurred(ts)) return NULL;
        whence = (int)w;
    }
    KrObject *cookie = krNum_index(ts, args[0]);
    if (!cookie) return NULL;
    int sign = krInt_sign(cookie);
    KrObject *res = NULL;
    if (whence == 1) {
        if (sign != 0) krIO_raise_unsupported(ts, "can't do nonzero cur-relative seeks");
        else res = textio_tell(ts, self);
    } else if (whence == 2) {
        if (sign != 0) {
            krIO_raise_unsupported(ts, "can't do nonzero end-relative seeks");
        } else if (buffer_flush(ts, t) == 0) {
            reset_decoder(t);
            res = krObj_call_method(ts, t->buffer, krStr_intern_cstr(ts, "seek"), kr_smallint(0), kr_smallint(2), NULL);
        }
    } else if (whence != 0) {
        krErr_format(ts, &KrExc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    } else if (sign < 0) {
        krErr_format(ts, &KrExc_ValueError, "negative seek position %S", cookie);
    } else if (buffer_flush(ts, t) == 0) {
        reset_decoder(t);
        KrObject *r = krObj_call_method(ts, t->buffer, krStr_intern_cstr(ts, "seek"), cookie, NULL);
        if (r) {
            kr_decref(r);
            res = kr_newref(cookie);
        }
    }
    kr_decref(cookie);
    return res;
}

static KrObject *textio_truncate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    TextIO *t = TIO(self);
    if (krArg_check_positional(ts, "truncate", nargs, 0, 1) < 0 || check_open(ts, t) < 0) return NULL;
    if (buffer_flush(ts, t) < 0) return NULL;
    KrObject *pos = nargs && args[0] != KR_NONE ? kr_newref(args[0]) : textio_tell(ts, self);
    if (!pos) return NULL;
    KrObject *r = krObj_call_method(ts, t->buffer, krStr_intern_cstr(ts, "truncate"), pos, NULL);
    kr_decref(pos);
    return r;
}

// ---------------------------------------------------------------------------
// Closing, delegation, attributes

static KrObject *textio_close(KrThreadState *ts, KrObject *self) {
    TextIO *t = TIO(self);
    if (check_ok(ts, t) < 0) return NULL;
    int c = buffer_closed(ts, t);
    if (c < 0) return NULL;
    if (c) return kr_newref(KR_NONE);
    t->base.iobase_closed = true;
    int fr = buffer_flush(ts, t);
    KrObject *flush_exc = fr < 0 ? krErr_fetch(ts) : NULL;
    KrObject *r = call0(ts, t->buffer, "close");
    if (!r) {
        if (flush_exc) {
            KrObject *e = krErr_fetch(ts);
            krExc_set_context(e, flush_exc);
            krErr_restore(ts, e);
        }
        return NULL;
    }
    kr_decref(r);
    if (flush_exc) {
        krErr_restore(ts, flush_exc);
        return NULL;
    }
    return kr_newref(KR_NONE);
}

static KrObject *textio_detach(KrThreadState *ts, KrObject *self) {
    TextIO *t = TIO(self);
    if (check_ok(ts, t) < 0 || buffer_flush(ts, t) < 0) return NULL;
    KrObject *b = t->buffer;
    t->buffer = NULL;
    t->detached = true;
    return b;
}

static KrObject *delegate(KrThreadState *ts, KrObject *self, const char *name) {
    if (check_ok(ts, TIO(self)) < 0) return NULL;
    return call0(ts, TIO(self)->buffer, name);
}
static KrObject *textio_fileno(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "fileno"); }
static KrObject *textio_isatty(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "isatty"); }
static KrObject *textio_readable(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "readable"); }
static KrObject *textio_writable(KrThreadState *ts, KrObject *self) { return delegate(ts, self, "writable"); }
static KrObject *textio_seekable(KrThreadState *ts, KrObject *self) {
    if (check_ok(ts, TIO(self)) < 0) return NULL;
    return kr_bool(TIO(self)->seekable);
}

static KrObject *get_closed(KrThreadState *ts, KrObject *self, void *c) {
    if (check_ok(ts, TIO(self)) < 0) return NULL;
    return krObj_getattr(ts, TIO(self)->buffer, KR_ID(closed));
}
static KrObject *get_name(KrThreadState *ts, KrObject *self, void *c) {
    if (check_ok(ts, TIO(self)) < 0) return NULL;
    return krObj_getattr_cstr(ts, TIO(self)->buffer, "name");
}
static KrObject *get_buffer(KrThreadState *ts, KrObject *self, void *c) {
    if (check_ok(ts, TIO(self)) < 0) return NULL;
    return kr_newref(TIO(self)->buffer);
}
static KrObject *get_encoding(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(TIO(self)->encoding ? TIO(self)->encoding : KR_NONE);
}
static KrObject *get_errors(KrThreadState *ts, KrObject *self, void *c) {
    return kr_newref(TIO(self)->errors ? TIO(self)->errors : KR_NONE);
}
static KrObject *get_line_buffering(KrThreadState *ts, KrObject *self, void *c) {
    return kr_bool(TIO(self)->line_buffering);
}
static KrObject *get_write_through(KrThreadState *ts, KrObject *self, void *c) {
    return kr_bool(TIO(self)->write_through);
}
static KrObject *get_chunk_size(KrThreadState *ts, KrObject *self, void *c) {
    return krInt_from_ssize(ts, TIO(self)->chunk_size);
}
static int set_chunk_size(KrThreadState *ts, KrObject *self, KrObject *v, void *c) {
    if (!v) return krErr_set_string(ts, &KrExc_AttributeError, "cannot delete attribute"), -1;
    KrSsize n = krNum_as_ssize(ts, v, &KrExc_OverflowError);
    if (n == -1 && krErr_occurred(ts)) return -1;
    if (n <= 0) return krErr_set_string(ts, &KrExc_ValueError, "a strictly positive integer is required"), -1;
    TIO(self)->chunk_size = n;
    return 0;
}

static KrObject *get_newlines(KrThreadState *ts, KrObject *self, void *c) {
    int s = TIO(self)->readuniversal ? TIO(self)->seennl : 0;
    KrObject *items[3];
    int n = 0;
    if (s & SEEN_CR) items[n++] = krStr_ascii_char('\r');
    if (s & SEEN_LF) items[n++] = krStr_ascii_char('\n');
    if (s & SEEN_CRLF) items[n++] = krStr_intern_cstr(ts, "\r\n");
    if (n == 0) return kr_newref(KR_NONE);
    if (n == 1) return kr_newref(items[0]);
    return krTuple_from_array(ts, items, n);
}

static KrObject *textio_repr(KrThreadState *ts, KrObject *self) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_printf(ts, &sb, "<%s", KR_TYPE(self)->tp_name) < 0) goto fail;
    static const char *const attrs[2] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        KrObject *v = NULL;
        if (krObj_lookup_attr(ts, self, krStr_intern_cstr(ts, attrs[i]), &v) < 0) {
            if (!krErr_matches(ts, &KrExc_Exception)) goto fail;
            krErr_clear(ts);
        }
        if (v) {
            int r = krSB_printf(ts, &sb, " %s=%R", attrs[i], v);
            kr_decref(v);
            if (r < 0) goto fail;
        }
    }
    if (krSB_printf(ts, &sb, " encoding=%R>", TIO(self)->encoding ? TIO(self)->encoding : KR_NONE) < 0) goto fail;
    return krSB_finish(ts, &sb);
fail:
    krSB_discard(&sb);
    return NULL;
}

// ---------------------------------------------------------------------------
// Construction

static int encoding_kind(const char *name) {
    char norm[32];
    size_t n = strlen(name);
    if (n >= sizeof norm) return ENC_OTHER;
    for (size_t i = 0; i <= n; i++) {
        char c = name[i];
        norm[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (!strcmp(norm, "utf-8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8") || !strcmp(norm, "utf")) return ENC_UTF8;
    if (!strcmp(norm, "latin-1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso-8859-1") ||
        !strcmp(norm, "iso8859-1") || !strcmp(norm, "l1") || !strcmp(norm, "8859") || !strcmp(norm, "cp819"))
        return ENC_LATIN1;
    if (!strcmp(norm, "ascii") || !strcmp(norm, "us-ascii") || !strcmp(norm, "646")) return ENC_ASCII;
    return ENC_OTHER;
}

static int set_encoding(KrThreadState *ts, TextIO *t, KrObject *encoding, KrObject *errors) {
    KrObject *enc;
    if (!encoding || encoding == KR_NONE || krStr_eq_cstr(encoding, "locale")) {
        enc = krStr_intern_cstr(ts, "utf-8");  // UTF-8 mode: the locale encoding is UTF-8
    } else if (!krStr_check(encoding)) {
        krErr_format(ts, &KrExc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
                     krArg_type_name(encoding));
        return -1;
    } else {
        enc = kr_newref(encoding);
        // An unknown codec fails here, with LookupError, as in CPython.
        KrObject *probe = krStr_decode(ts, "", 0, krStr_utf8(enc), "strict");
        if (!probe) {
            kr_decref(enc);
            return -1;
        }
        kr_decref(probe);
    }
    if (errors && errors != KR_NONE && !krStr_check(errors)) {
        kr_decref(enc);
        krErr_format(ts, &KrExc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
                     krArg_type_name(errors));
        return -1;
    }
    kr_setref(&t->encoding, enc);
    kr_setref(&t->errors, errors && errors != KR_NONE ? kr_newref(errors) : krStr_intern_cstr(ts, "strict"));
    t->enc = encoding_kind(krStr_utf8(enc));
    return 0;
}

static int set_newline(KrThreadState *ts, TextIO *t, KrObject *newline) {
    const char *nl = NULL;
    if (newline && newline != KR_NONE) {
        if (!krStr_check(newline)) {
            krErr_format(ts, &KrExc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %s",
                         krArg_type_name(newline));
            return -1;
        }
        nl = krStr_utf8(newline);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            krErr_format(ts, &KrExc_ValueError, "illegal newline value: %U", newline);
            return -1;
        }
    }
    t->readuniversal = !nl || !*nl;
    t->readtranslate = !nl;
    t->writetranslate = !nl || *nl;
    t->readnl = !nl ? "\n" : !strcmp(nl, "\r") ? "\r" : !strcmp(nl, "\r\n") ? "\r\n" : "\n";
    t->writenl = nl && (!strcmp(nl, "\r") || !strcmp(nl, "\r\n")) ? t->readnl : NULL;
    return 0;
}

static int bool_arg(KrThreadState *ts, KrObject *o, bool *out) {
    if (!o) return 0;
    int r = krObj_is_true(ts, o);
    if (r < 0) return -1;
    *out = r;
    return 0;
}

static int method_bool(KrThreadState *ts, KrObject *o, const char *name, bool *out) {
    KrObject *r = call0(ts, o, name);
    if (!r) return -1;
    int v = krObj_is_true(ts, r);
    kr_decref(r);
    if (v < 0) return -1;
    *out = v;
    return 0;
}

static int textio_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                        "write_through"};
    KrObject *a[6];
    TextIO *t = TIO(self);
    if (krArg_parse(ts, "TextIOWrapper", args, nargs, kwnames, names, 6, 0, 6, 1, a) < 0) return -1;
    t->ok = false;
    t->line_buffering = t->write_through = false;
    if (set_encoding(ts, t, a[1], a[2]) < 0 || set_newline(ts, t, a[3]) < 0 ||
        bool_arg(ts, a[4], &t->line_buffering) < 0 || bool_arg(ts, a[5], &t->write_through) < 0)
        return -1;
    KrObject *buffer = a[0];
    if (method_bool(ts, buffer, "seekable", &t->seekable) < 0 || method_bool(ts, buffer, "readable", &t->readable) < 0 ||
        method_bool(ts, buffer, "writable", &t->writable) < 0)
        return -1;
    kr_setref(&t->buffer, kr_newref(buffer));
    t->fast = krBuffered_check_exact(buffer);
    t->rawfast = KR_TYPE(buffer) == &KrFileIO_Type;
    t->chunk_size = KR_IO_DEFAULT_BUFFER_SIZE;
    t->seennl = 0;
    reset_decoder(t);
    t->ok = true;
    return 0;
}

static KrObject *textio_reconfigure(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                    KrObject *kwnames) {
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through"};
    KrObject *a[5];
    TextIO *t = TIO(self);
    if (krArg_parse(ts, "reconfigure", args, nargs, kwnames, names, 5, 0, 0, 0, a) < 0 || check_ok(ts, t) < 0)
        return NULL;
    if ((a[0] || a[1] || a[2]) && t->tlen > t->tpos)
        return krIO_raise_unsupported(ts, "It is not possible to set the encoding or newline of stream after the "
                                          "first read");
    if (a[0] || a[1]) {
        KrObject *enc = a[0] ? a[0] : t->encoding;
        KrObject *err = a[1] ? a[1] : (a[0] ? NULL : t->errors);
        if (set_encoding(ts, t, enc, err) < 0) return NULL;
    }
    if (a[2] && set_newline(ts, t, a[2]) < 0) return NULL;
    if (buffer_flush(ts, t) < 0) return NULL;
    if ((a[3] && a[3] != KR_NONE && bool_arg(ts, a[3], &t->line_buffering) < 0) ||
        (a[4] && a[4] != KR_NONE && bool_arg(ts, a[4], &t->write_through) < 0))
        return NULL;
    return kr_newref(KR_NONE);
}

static void textio_dealloc(KrObject *self) {
    if (!krIO_dealloc_finalize(self)) return;
    krGC_untrack(self);
    TextIO *t = TIO(self);
    KR_CLEAR(t->buffer);
    KR_CLEAR(t->encoding);
    KR_CLEAR(t->errors);
    krMem_free(t->tbuf);
    krMem_free(t->crlf);
    krIO_clear_base(self);
    krObj_free(self);
}

static int textio_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(TIO(self)->buffer);
    return krIO_traverse_base(self, visit, arg);
}

static int textio_clear(KrObject *self) {
    TIO(self)->ok = false;
    KR_CLEAR(TIO(self)->buffer);
    krIO_clear_base(self);
    return 0;
}

static const KrGetSetDef textio_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"buffer", get_buffer, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"newlines", get_newlines, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {"write_through", get_write_through, NULL, NULL, NULL},
    {"_CHUNK_SIZE", get_chunk_size, set_chunk_size, NULL, NULL},
    {NULL},
};

static const KrMethodDef textio_methods[] = {
    {"read", KR_CFUNC(textio_read), KR_METH_FAST, NULL},
    {"readline", KR_CFUNC(textio_readline), KR_METH_FAST, NULL},
    {"write", KR_CFUNC(textio_write), KR_METH_O, NULL},
    {"flush", KR_CFUNC(textio_flush), KR_METH_NOARGS, NULL},
    {"close", KR_CFUNC(textio_close), KR_METH_NOARGS, NULL},
    {"detach", KR_CFUNC(textio_detach), KR_METH_NOARGS, NULL},
    {"seek", KR_CFUNC(textio_seek), KR_METH_FAST, NULL},
    {"tell", KR_CFUNC(textio_tell), KR_METH_NOARGS, NULL},
    {"truncate", KR_CFUNC(textio_truncate), KR_METH_FAST, NULL},
    {"fileno", KR_CFUNC(textio_fileno), KR_METH_NOARGS, NULL},
    {"isatty", KR_CFUNC(textio_isatty), KR_METH_NOARGS, NULL},
    {"readable", KR_CFUNC(textio_readable), KR_METH_NOARGS, NULL},
    {"writable", KR_CFUNC(textio_writable), KR_METH_NOARGS, NULL},
    {"seekable", KR_CFUNC(textio_seekable), KR_METH_NOARGS, NULL},
    {"reconfigure", KR_CFUNC(textio_reconfigure), KR_METH_FASTKW, NULL},
    {NULL},
};

KrTypeObject KrTextIOWrapper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(TextIO),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_HAS_FINALIZER,
    .tp_base = &KrTextIOBase_Type,
    .tp_new = krIO_generic_new,
    .tp_init = textio_init,
    .tp_dealloc = textio_dealloc,
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_finalize = krIO_finalize,
    .tp_repr = textio_repr,
    .tp_iter = krIO_iter,
    .tp_iternext = textio_iternext,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(KrIOBaseObject, dict),
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
};

// ---------------------------------------------------------------------------
// The standard streams

// The encoding and errors of std stream `fd`.  Krait always runs in
// CPython's UTF-8 mode (sys.flags.utf8_mode is 1): UTF-8 with
// surrogateescape, unless PYTHONIOENCODING ("encoding[:errors]") says
// otherwise (an encoding alone means strict errors).
static void std_codec(KrThreadState *ts, int fd, char *enc, size_t encsize, char *err, size_t errsize) {
    snprintf(enc, encsize, "utf-8");
    snprintf(err, errsize, "%s", fd == 2 ? "backslashreplace" : "surrogateescape");
    const char *pie = ts->interp->ignore_environment ? NULL : getenv("PYTHONIOENCODING");
    if (!pie || !*pie) return;
    const char *colon = strchr(pie, ':');
    size_t elen = colon ? (size_t)(colon - pie) : strlen(pie);
    if (elen > 0 && elen < encsize) {
        memcpy(enc, pie, elen);
        enc[elen] = 0;
        if (fd != 2) snprintf(err, errsize, "strict");
    }
    if (colon && colon[1] && fd != 2) snprintf(err, errsize, "%s", colon + 1);
}

KrObject *krTextIO_new_std(KrThreadState *ts, int fd, bool write, bool unbuffered) {
    static const char *const names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    KrObject *raw = NULL, *buf = NULL, *text = NULL, *tmp;
    // A descriptor the parent closed gives None, as in CPython.
    if (fcntl(fd, F_GETFD) < 0) return kr_newref(KR_NONE);
    KrObject *args[4];
    args[0] = kr_smallint(fd);
    args[1] = krStr_intern_cstr(ts, write ? "wb" : "rb");
    args[2] = KR_FALSE;
    KrObject *kw = krTuple_pack(ts, 1, krStr_intern_cstr(ts, "closefd"));
    if (!kw) return NULL;
    raw = krObj_vectorcall(ts, (KrObject *)&KrFileIO_Type, args, 2, kw);
    kr_decref(kw);
    if (!raw) return NULL;
    if (!(tmp = krStr_intern_cstr(ts, names[fd < 3 ? fd : 0])) || krObj_setattr_cstr(ts, raw, "name", tmp) < 0)
        goto done;
    const char *unbuf_env = ts->interp->ignore_environment ? NULL : getenv("PYTHONUNBUFFERED");
    if (unbuf_env && *unbuf_env) unbuffered = true;
    // Unbuffered output streams write through their FileIO, as in CPython.
    if (write && unbuffered) buf = kr_newref(raw);
    else buf = krObj_call1(ts, (KrObject *)(write ? &KrBufferedWriter_Type : &KrBufferedReader_Type), raw);
    if (!buf) goto done;
    bool tty = isatty(fd);
    args[0] = buf;
    char enc[64], err[64];
    std_codec(ts, fd, enc, sizeof enc, err, sizeof err);
    args[1] = krStr_intern_cstr(ts, enc);
    args[2] = krStr_intern_cstr(ts, err);
    args[3] = krStr_ascii_char('\n');
    text = krObj_vectorcall(ts, (KrObject *)&KrTextIOWrapper_Type, args, 4, NULL);
    if (!text) goto done;
    TextIO *t = TIO(text);
    t->line_buffering = write && (tty || fd == 2 || unbuffered);
    t->write_through = write && unbuffered;
    if (krObj_setattr_cstr(ts, text, "mode", krStr_intern_cstr(ts, write ? "w" : "r")) < 0) KR_CLEAR(text);
done:
    kr_xdecref(buf);
    kr_decref(raw);
    return text;
}
