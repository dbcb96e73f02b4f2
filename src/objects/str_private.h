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

// Searching helpers (str_methods.c): byte offset of the first / last match
// of n in h, or -1.  Never fail.
KrSsize krStr_find_bytes(const char *h, KrSsize hn, const char *n, KrSsize nn);
KrSsize krStr_rfind_bytes(const char *h, KrSsize hn, const char *n, KrSsize nn);
// The argument count check of count/find/index/startswith... (sub[, start[,
// end]]), with their old-style messages.  0 or -1.
int krStr_check_sub_nargs(KrThreadState *ts, const char *name, KrSsize nargs);
// An optional start/end argument (None or __index__) into *out.  0 or -1.
int krStr_slice_index(KrThreadState *ts, KrObject *o, KrSsize *out);
KrObject *krStr_replace(KrThreadState *ts, KrObject *s, KrObject *old, KrObject *new_, KrSsize maxcount);
KrObject *krStr_strip(KrThreadState *ts, KrObject *s, KrObject *chars, int left, int right);

// Methods implemented in str_case.c and str_format.c, listed in kr_str_methods.
#define KR_STR_NOARGS_METHODS(X) \
    X(capitalize) X(casefold) X(title) X(lower) X(upper) X(swapcase) X(isascii) X(islower) X(isupper) \
    X(istitle) X(isspace) X(isdecimal) X(isdigit) X(isnumeric) X(isalpha) X(isalnum) X(isidentifier) X(isprintable)
#define KR_DECLARE_NOARGS(name) KrObject *krStr_##name##_meth(KrThreadState *ts, KrObject *self);
KR_STR_NOARGS_METHODS(KR_DECLARE_NOARGS)
#undef KR_DECLARE_NOARGS
KrObject *krStr_center_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krStr_ljust_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krStr_rjust_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krStr_expandtabs_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames);
KrObject *krStr_zfill_meth(KrThreadState *ts, KrObject *self, KrObject *width);
KrObject *krStr_translate_meth(KrThreadState *ts, KrObject *self, KrObject *table);
KrObject *krStr_maketrans_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs);
KrObject *krStr_format_meth(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames);
KrObject *krStr_format_map_meth(KrThreadState *ts, KrObject *self, KrObject *mapping);
KrObject *krStr_format_dunder(KrThreadState *ts, KrObject *self, KrObject *spec);

#endif
