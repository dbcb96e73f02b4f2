/*
 * lexer_internal.h — character classes for identifiers, shared by lexer.c and
 * ident.c.  Not for use outside src/lexer.
 */
#ifndef KR_LEXER_INTERNAL_H
#define KR_LEXER_INTERNAL_H

#include <stdarg.h>

// Whether code point `cp` (>= 0x80) may start / continue an identifier.
int krLex_is_xid_start(unsigned cp);
int krLex_is_xid_continue(unsigned cp);
// Whether `cp` is printable (str.isprintable), for error messages.
int krLex_is_printable(unsigned cp);

#endif
