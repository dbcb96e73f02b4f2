/*
 * unicodedata.h — the Unicode character name table of the unicodedata module,
 * for C code (the parser's \N{...} escapes).  Owner of: unicodedata.c.
 */
#ifndef KR_UNICODEDATA_H
#define KR_UNICODEDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The code point named `name` (`len` bytes, ASCII, any case; no NUL inside)
// as unicodedata.lookup() finds it, without aliases.  False when there is
// none.  Never fails.
bool krUnicodeData_lookup(const char *name, size_t len, uint32_t *cp);

#endif
