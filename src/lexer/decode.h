/*
 * decode.h — source decoding and UTF-8 helpers shared by the lexer and the
 * string-literal decoder.  Internal to src/lexer and src/parser.
 */
#ifndef KR_LEX_DECODE_H
#define KR_LEX_DECODE_H

#include <stddef.h>

#include "parser/arena.h"

typedef enum {
    KR_ENC_DEFAULT,     // nothing declared: UTF-8
    KR_ENC_UTF8,
    KR_ENC_LATIN1,
    KR_ENC_ASCII,
    KR_ENC_UNKNOWN,
} KrSourceEncoding;

typedef struct {
    const char *text;       // UTF-8, '\n' line ends, ends with '\n', NUL after
    size_t len;
    const char *encoding;   // declared encoding ("utf-8", "latin-1"...), or NULL
} KrDecodedSource;

// Decodes `len` bytes at `src` into `out` (text allocated in `arena`).
// Returns 0; -1 with a SyntaxError message in `errmsg` for a bad declaration;
// -2 when out of memory.  UTF-8 validity is checked later, by the tokenizer,
// so that its error can point at the offending line.
int krLex_decode_source(KrArena *arena, const char *src, size_t len, KrDecodedSource *out,
                        char *errmsg, size_t errcap);

// Decodes one strict UTF-8 sequence at `s` (before `end`) into `*cp`.
// Returns its length, or -1 when the bytes are not valid UTF-8.
int krLex_utf8_decode(const unsigned char *s, const unsigned char *end, unsigned *cp);
// Writes `cp` (any value up to 0x10FFFF, surrogates included) as generalised
// UTF-8 into `out` (room for 4 bytes) and returns the length.
int krLex_utf8_encode(unsigned cp, char *out);

#endif
