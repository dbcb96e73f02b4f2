/*
 * str_private.h — helpers shared by the str, bytes and codec files (str.c,
 * str_type.c, str_methods.c, str_format.c, codecs.c, bytes*.c); not a contract
 * for other subsystems.
 */
#ifndef KR_STR_PRIVATE_H
#define KR_STR_PRIVATE_H

#include <stdarg.h>
#include "objects/str.h"

// Largest str/bytes size in bytes; larger results raise MemoryError.
#define KR_STR_MAX_SIZE (((KrSsize)1 << 40))

// Length of the UTF-8 sequence starting with lead byte `b` (generalised UTF-8).
static inline KrSsize kr_utf8_seqlen(unsigned char b) {
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Allocates an exact str of `size` bytes for the caller to fill (data[size] is
// NUL); width unknown unless ascii.  New reference; MemoryError.
KrObject *krStr_alloc(KrThreadState *ts, KrSsize size, KrSsize length, bool ascii);
// A str from UTF-8 whose length and largest byte are known.  New reference.
KrObject *krStr_from_utf8_known(KrThreadState *ts, const char *data, KrSsize size, KrSsize length, unsigned maxbyte);
KrObject *krStr_from_ascii(KrThreadState *ts, const char *data, KrSsize size);
// Counts code points and the largest byte of UTF-8 data.  Never fails.
void krUtf8_scan(const char *s, KrSsize size, KrSsize *length, unsigned *maxbyte);
KrSsize krUtf8_count(const char *s, KrSsize size);
// CPython's storage width of a str (1, 2, 4).  Never fails.
uint8_t krStr_width(KrObject *s);

// Builder extensions.
int krSB_reserve(KrThreadState *ts, KrStrBuilder *sb, KrSsize extra);
int krSB_append_known(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size, KrSsize length, bool ascii);
int krSB_append_ascii(KrThreadState *ts, KrStrBuilder *sb, const char *s, KrSsize size);
int krSB_append_repeat(KrThreadState *ts, KrStrBuilder *sb, uint32_t cp, KrSsize count);
int krSB_vprintf(KrThreadState *ts, KrStrBuilder *sb, const char *fmt, va_list va);

// Byte builder for bytes results (bytes_methods.c, codecs.c).
typedef struct {
    char *buf;
    KrSsize size, capacity;
    char inline_buf[128];
} KrByteBuilder;
void krBB_init(KrByteBuilder *bb);
int krBB_reserve(KrThreadState *ts, KrByteBuilder *bb, KrSsize extra);
int krBB_append(KrThreadState *ts, KrByteBuilder *bb, const void *s, KrSsize n);
static inline int krBB_append_byte(KrThreadState *ts, KrByteBuilder *bb, int c) {
    if (bb->size >= bb->capacity && krBB_reserve(ts, bb, 1) < 0) return -1;
    bb->buf[bb->size++] = (char)c;
    return 0;
}
// Produces a bytes object (or a bytearray when `bytearray`) and frees the buffer.
KrObject *krBB_finish(KrThreadState *ts, KrByteBuilder *bb, bool bytearray);
void krBB_discard(KrByteBuilder *bb);

// str iterator type (str_type.c).
extern KrTypeObject KrStrIter_Type, KrStrAsciiIter_Type;
// Method table of str (str_methods.c).
extern const KrMethodDef kr_str_methods[];

// Unicode case conversions over a whole string (str_methods.c).
KrObject *krStr_lower(KrThreadState *ts, KrObject *s);

#endif
