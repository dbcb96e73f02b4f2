/*
 * lexer.c — Python 3.11 tokenization (see lexer.h).
 *
 * The structure follows the language reference's lexical analysis chapter and
 * reproduces CPython's tokenizer wherever its behaviour is visible: which
 * errors it reports, where, and what it lets through for the parser to reject.
 *
 * Invariants:
 *  - `cur` never passes `end`; the text ends with '\n', so every line,
 *    including the last, is terminated.
 *  - `lineno` and `line_start` describe the line of the character *before*
 *    `cur` once one has been read: they advance when the first character of a
 *    new line is read, as CPython's do, which matters for error positions.
 *  - Indentation is measured twice: with tab stops of 8 (`indstack`) and with
 *    tabs counting 1 (`altindstack`).  If the two comparisons with the
 *    enclosing block disagree, the meaning depends on the tab size, which is
 *    the TabError "inconsistent use of tabs and spaces in indentation".
 */
#include "lexer/lexer.h"

#include <stdio.h>
#include <string.h>

#include "lexer/decode.h"
#include "lexer/lexer_internal.h"

#define EOF_CHAR (-1)
#define TABSIZE 8

static const char *const token_texts[] = {
#define KR_TOKEN(Name, text) text,
#define KR_KEYWORD(Name, text) text,
#include "lexer/tokens.def"
};

const char *krLex_token_text(KrTokenKind kind) {
    if ((unsigned)kind >= KR_TOK__COUNT) return "?";
    return token_texts[kind];
}

const char *krLex_error_class(KrSyntaxErrorKind kind) {
    switch (kind) {
    case KR_SYNERR_INDENTATION: return "IndentationError";
    case KR_SYNERR_TAB: return "TabError";
    case KR_SYNERR_NOMEM: return "MemoryError";
    default: return "SyntaxError";
    }
}

// ---------------------------------------------------------------------------
// Error reporting

const char *krLex_line(const KrLexer *lx, int lineno, size_t *len) {
    const char *s = lx->buf;
    for (int n = 1; n < lineno && s < lx->end; n++) {
        const char *nl = memchr(s, '\n', (size_t)(lx->end - s));
        if (!nl) return NULL;
        s = nl + 1;
    }
    if (lineno < 1 || s >= lx->end) return NULL;
    const char *nl = memchr(s, '\n', (size_t)(lx->end - s));
    *len = (size_t)((nl ? nl : lx->end) - s);
    return s;
}

// The number of characters in the first `nbytes` bytes of `line`, counting an
// incomplete sequence as one character (CPython decodes with "replace").
static int chars_in(const char *line, size_t linelen, int nbytes) {
    if (nbytes > (int)linelen + 1) nbytes = (int)linelen + 1;
    int n = 0;
    for (int i = 0; i < nbytes; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) != 0x80) n++;
    }
    return n;
}

void krLex_set_error(KrLexer *lx, KrSyntaxErrorKind kind, int lineno, int offset,
                     int end_lineno, int end_offset, const char *msg) {
    KrSyntaxError *err = lx->err;
    size_t len = 0;
    const char *line = krLex_line(lx, lineno, &len);
    err->kind = kind;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    err->lineno = lineno;
    err->end_lineno = end_lineno;
    err->offset = offset;
    err->end_offset = end_offset;
    err->text = NULL;
    if (line) {
        if (offset > 0) err->offset = chars_in(line, len, offset);
        if (end_offset > 0) {
            size_t elen = len;
            const char *eline = end_lineno == lineno ? line : krLex_line(lx, end_lineno, &elen);
            if (eline) err->end_offset = chars_in(eline, elen, end_offset);
        }
        err->text = krArena_strndup(lx->arena, line, len);
    }
    lx->failed = 1;
}

// CPython's tokenizer `syntaxerror()`: the error points at the character
// before `cur`, both ends.  Returns KR_TOK_FAILED.
static KrTokenKind lex_error(KrLexer *lx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static KrTokenKind lex_error(KrLexer *lx, const char *fmt, ...) {
    char msg[320];
    va_list va;
    va_start(va, fmt);
    vsnprintf(msg, sizeof msg, fmt, va);
    va_end(va);
    int col = (int)(lx->cur - lx->line_start);
    krLex_set_error(lx, KR_SYNERR_SYNTAX, lx->lineno, col, lx->lineno, col, msg);
    lx->fail_kind = KR_LEXFAIL_DIRECT;
    return KR_TOK_FAILED;
}

// The errors CPython's tokenizer leaves for the parser to report (E_TABSPACE,
// E_DEDENT, E_TOODEEP, E_LINECONT, E_EOF).  They are reported at the
// tokenizer's line, column `col` (0-based bytes, -1 for none).
static KrTokenKind deferred_error(KrLexer *lx, KrLexFailKind how, KrSyntaxErrorKind kind,
                                  int col, const char *msg) {
    krLex_set_error(lx, kind, lx->lineno, (col >= 0 ? col : 0) + 1, lx->lineno, 0, msg);
    lx->fail_kind = how;
    return KR_TOK_FAILED;
}

// The errors CPython reports at its tokenizer's position after it skipped to
// the end of the line (E_DEDENT, E_EOF): the column is the line's length with
// its newline, and the end is unknown.
static KrTokenKind end_of_line_error(KrLexer *lx, KrSyntaxErrorKind kind, const char *msg) {
    const char *eol = memchr(lx->line_start, '\n', (size_t)(lx->end - lx->line_start));
    int col = (int)((eol ? eol + 1 : lx->end) - lx->line_start);
    krLex_set_error(lx, kind, lx->lineno, col, lx->lineno, -1, msg);
    lx->fail_kind = KR_LEXFAIL_DEFERRED;
    return KR_TOK_FAILED;
}

// ---------------------------------------------------------------------------
// Reading characters

static int nextc(KrLexer *lx) {
    if (lx->cur >= lx->end) return EOF_CHAR;
    if (lx->cur > lx->buf && lx->cur[-1] == '\n' && lx->cur != lx->line_start) {
        lx->lineno++;
        lx->line_start = lx->cur;
    }
    return (unsigned char)*lx->cur++;
}

static void backup(KrLexer *lx, int c) {
    if (c != EOF_CHAR) lx->cur--;
}

static int peekc(KrLexer *lx) {
    return lx->cur < lx->end ? (unsigned char)*lx->cur : EOF_CHAR;
}

int krLex_init(KrLexer *lx, KrArena *arena, const char *src, size_t len, KrSyntaxError *err) {
    memset(lx, 0, sizeof *lx);
    lx->arena = arena;
    lx->err = err;
    err->kind = KR_SYNERR_NONE;
    KrDecodedSource ds;
    char msg[200];
    int rc = krLex_decode_source(arena, src, len, &ds, msg, sizeof msg);
    if (rc < 0) {
        err->kind = rc == -2 ? KR_SYNERR_NOMEM : KR_SYNERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "%s", msg);
        err->lineno = err->end_lineno = 0;
        err->offset = err->end_offset = -1;
        err->text = NULL;
        lx->failed = 1;
        return -1;
    }
    lx->buf = ds.text;
    lx->end = ds.text + ds.len;
    lx->cur = lx->line_start = lx->buf;
    lx->lineno = 1;
    lx->atbol = 1;
    lx->encoding = ds.encoding;
    return 0;
}

// ---------------------------------------------------------------------------
// Indentation

// Measures the indentation of a new line and queues INDENT/DEDENT tokens.
// Returns 0, or KR_TOK_FAILED after reporting an error.
static int indentation(KrLexer *lx, int *blankline) {
    int col = 0, altcol = 0, c;
    for (;;) {
        c = nextc(lx);
        if (c == ' ') { col++; altcol++; }
        else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = altcol + 1;
        } else if (c == '\014') {
            col = altcol = 0;       // a form feed resets the count, as in CPython
        } else break;
    }
    backup(lx, c);
    // Blank and comment-only lines do not count for indentation.
    *blankline = (c == '#' || c == '\n');
    if (*blankline || lx->level > 0) return 0;
    if (c == EOF_CHAR) col = altcol = 0;
    int top = lx->indent;
    if (col == lx->indstack[top]) {
        if (altcol != lx->altindstack[top]) goto tab_error;
    } else if (col > lx->indstack[top]) {
        if (top + 1 >= KR_LEX_MAXINDENT)
            return deferred_error(lx, KR_LEXFAIL_DEFERRED, KR_SYNERR_INDENTATION, -1,
                                  "too many levels of indentation");
        if (altcol <= lx->altindstack[top]) goto tab_error;
        lx->pendin++;
        lx->indstack[++lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent])
            return end_of_line_error(lx, KR_SYNERR_INDENTATION,
                                     "unindent does not match any outer indentation level");
        if (altcol != lx->altindstack[lx->indent]) goto tab_error;
    }
    return 0;
tab_error:
    return deferred_error(lx, KR_LEXFAIL_DEFERRED, KR_SYNERR_TAB, -1,
                          "inconsistent use of tabs and spaces in indentation");
}

// ---------------------------------------------------------------------------
// Names

static int is_ascii_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_ascii_ident_char(int c) {
    return is_ascii_ident_start(c) || (c >= '0' && c <= '9');
}

// Characters the tokenizer takes as part of a name before checking it, as
// CPython does: ASCII letters, digits, '_' and every non-ASCII byte.
static int is_potential_ident_char(int c) {
    return is_ascii_ident_char(c) || c >= 128;
}

// A keyword's token kind, or KR_TOK_NAME.
static KrTokenKind keyword_kind(const char *s, size_t len) {
    if (len < 2 || len > 8) return KR_TOK_NAME;
    for (int k = KR_TOK_FALSE; k < KR_TOK__COUNT; k++) {
        const char *kw = token_texts[k];
        if (kw[0] == s[0] && strlen(kw) == len && memcmp(kw, s, len) == 0)
            return (KrTokenKind)k;
    }
    return KR_TOK_NAME;
}

// Checks the non-ASCII name [start, cur): every character must be valid in an
// identifier.  Reports CPython's "invalid character" error otherwise.
static KrTokenKind verify_identifier(KrLexer *lx, const char *start) {
    const unsigned char *s = (const unsigned char *)start, *end = (const unsigned char *)lx->cur;
    int first = 1;
    while (s < end) {
        unsigned cp;
        int n = krLex_utf8_decode(s, end, &cp);
        if (n < 0) {
            lx->cur = (const char *)s + 1;
            return lex_error(lx, "invalid character '\\x%02x' (U+%04X)", *s, *s);
        }
        if (!(first ? krLex_is_xid_start(cp) : krLex_is_xid_continue(cp))) {
            lx->cur = (const char *)s + n;
            if (krLex_is_printable(cp)) {
                return lex_error(lx, "invalid character '%.*s' (U+%04X)", n, (const char *)s, cp);
            }
            return lex_error(lx, "invalid non-printable character U+%04X", cp);
        }
        first = 0;
        s += n;
    }
    return KR_TOK_NAME;
}

// ---------------------------------------------------------------------------
// Numbers

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Reads digits and single underscores between them; returns the character
// after them, or 0 after reporting an error.
static int decimal_tail(KrLexer *lx) {
    int c;
    for (;;) {
        do c = nextc(lx); while (is_digit(c));
        if (c != '_') return c;
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            lex_error(lx, "invalid decimal literal");
            return 0;
        }
    }
}

static int lookahead(KrLexer *lx, const char *test) {
    size_t n = strlen(test);
    return (size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, test, n) == 0;
}

// After a number, a letter makes the literal invalid ("1abc"), except when the
// letters start a keyword that may follow a number in valid code ("1if x else
// y"), which CPython still accepts.  `c` has been read.  Returns 1 when the
// number may end here, 0 after reporting an error.
static int verify_end_of_number(KrLexer *lx, int c, const char *kind) {
    int r = 0;
    if (c == 'a') r = lookahead(lx, "nd");
    else if (c == 'e') r = lookahead(lx, "lse");
    else if (c == 'f') r = lookahead(lx, "or");
    else if (c == 'i') r = peekc(lx) == 'f' || peekc(lx) == 'n' || peekc(lx) == 's';
    else if (c == 'o') r = lookahead(lx, "r");
    else if (c == 'n') r = lookahead(lx, "ot");
    if (r) return 1;
    if (is_potential_ident_char(c)) {
        backup(lx, c);
        lex_error(lx, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

// Hexadecimal, octal and binary literals after "0x", "0o", "0b".
static KrTokenKind radix_number(KrLexer *lx, int base, const char *kind) {
    int c = nextc(lx);
    do {
        if (c == '_') c = nextc(lx);
        int ok = base == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + base);
        if (!ok) {
            if (base != 16 && is_digit(c))
                return lex_error(lx, "invalid digit '%c' in %s literal", c, kind);
            backup(lx, c);
            return lex_error(lx, "invalid %s literal", kind);
        }
        do {
            c = nextc(lx);
        } while (base == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + base));
    } while (c == '_');
    if (base != 16 && is_digit(c))
        return lex_error(lx, "invalid digit '%c' in %s literal", c, kind);
    if (!verify_end_of_number(lx, c, kind)) return KR_TOK_FAILED;
    backup(lx, c);
    return KR_TOK_NUMBER;
}

// The fraction, exponent and imaginary suffix of a decimal number.  `c` is the
// character after the integer part; `seen_dot` tells whether it followed a '.'.
static KrTokenKind number_tail(KrLexer *lx, int c, int after_dot) {
    if (after_dot && is_digit(c)) {
        c = decimal_tail(lx);
        if (c == 0) return KR_TOK_FAILED;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return lex_error(lx, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(lx, c);
            if (!verify_end_of_number(lx, e, "decimal")) return KR_TOK_FAILED;
            backup(lx, e);
            return KR_TOK_NUMBER;
        }
        c = decimal_tail(lx);
        if (c == 0) return KR_TOK_FAILED;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(lx);
        if (!verify_end_of_number(lx, c, "imaginary")) return KR_TOK_FAILED;
    } else if (!verify_end_of_number(lx, c, "decimal")) {
        return KR_TOK_FAILED;
    }
    backup(lx, c);
    return KR_TOK_NUMBER;
}

// A number starting with '0': a radix literal, zero itself, or a float.
static KrTokenKind zero_number(KrLexer *lx, const char *start) {
    int c = nextc(lx);
    if (c == 'x' || c == 'X') return radix_number(lx, 16, "hexadecimal");
    if (c == 'o' || c == 'O') return radix_number(lx, 8, "octal");
    if (c == 'b' || c == 'B') return radix_number(lx, 2, "binary");
    int nonzero = 0;
    for (;;) {
        if (c == '_') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return lex_error(lx, "invalid decimal literal");
            }
        }
        if (c != '0') break;
        c = nextc(lx);
    }
    const char *zeros_end = lx->cur;
    if (is_digit(c)) {
        nonzero = 1;
        c = decimal_tail(lx);
        if (c == 0) return KR_TOK_FAILED;
    }
    if (c == '.') return number_tail(lx, nextc(lx), 1);
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return number_tail(lx, c, 0);
    if (nonzero) {
        backup(lx, c);
        int b = (int)(start + 1 - lx->line_start), e = (int)(zeros_end - lx->line_start);
        krLex_set_error(lx, KR_SYNERR_SYNTAX, lx->lineno, b, lx->lineno, e,
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
        lx->fail_kind = KR_LEXFAIL_DIRECT;
        return KR_TOK_FAILED;
    }
    if (!verify_end_of_number(lx, c, "decimal")) return KR_TOK_FAILED;
    backup(lx, c);
    return KR_TOK_NUMBER;
}

static KrTokenKind number(KrLexer *lx, int c, const char *start) {
    if (c == '0') return zero_number(lx, start);
    if (c == '.') return number_tail(lx, nextc(lx), 1);
    c = decimal_tail(lx);
    if (c == 0) return KR_TOK_FAILED;
    if (c == '.') return number_tail(lx, nextc(lx), 1);
    return number_tail(lx, c, 0);
}

// ---------------------------------------------------------------------------
// Strings

// Reads a string literal whose opening quote `quote` has been read.  Sets
// `*first_line`/`*first_line_start` to where it started.
static KrTokenKind string(KrLexer *lx, int quote, const char *start) {
    int first_lineno = lx->lineno;
    const char *first_line_start = lx->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;    // the empty string
    }
    if (c != quote) backup(lx, c);
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            // Report from the opening quote, on the line it is on.
            int detected = lx->lineno;
            lx->cur = start + 1;
            lx->line_start = first_line_start;
            lx->lineno = first_lineno;
            if (quote_size == 3)
                return lex_error(lx, "unterminated triple-quoted string literal"
                                     " (detected at line %d)", detected);
            return lex_error(lx, "unterminated string literal (detected at line %d)", detected);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc(lx);
        }
    }
    return KR_TOK_STRING;
}

// ---------------------------------------------------------------------------
// Operators

static KrTokenKind one_char(int c) {
    switch (c) {
    case '(': return KR_TOK_LPAR;
    case ')': return KR_TOK_RPAR;
    case '[': return KR_TOK_LSQB;
    case ']': return KR_TOK_RSQB;
    case '{': return KR_TOK_LBRACE;
    case '}': return KR_TOK_RBRACE;
    case ':': return KR_TOK_COLON;
    case ',': return KR_TOK_COMMA;
    case ';': return KR_TOK_SEMI;
    case '+': return KR_TOK_PLUS;
    case '-': return KR_TOK_MINUS;
    case '*': return KR_TOK_STAR;
    case '/': return KR_TOK_SLASH;
    case '|': return KR_TOK_VBAR;
    case '&': return KR_TOK_AMPER;
    case '<': return KR_TOK_LESS;
    case '>': return KR_TOK_GREATER;
    case '=': return KR_TOK_EQUAL;
    case '.': return KR_TOK_DOT;
    case '%': return KR_TOK_PERCENT;
    case '~': return KR_TOK_TILDE;
    case '^': return KR_TOK_CIRCUMFLEX;
    case '@': return KR_TOK_AT;
    default: return KR_TOK_ERRORTOKEN;
    }
}

static KrTokenKind two_chars(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? KR_TOK_NOTEQUAL : KR_TOK_ERRORTOKEN;
    case '%': return c2 == '=' ? KR_TOK_PERCENTEQUAL : KR_TOK_ERRORTOKEN;
    case '&': return c2 == '=' ? KR_TOK_AMPEREQUAL : KR_TOK_ERRORTOKEN;
    case '*': return c2 == '*' ? KR_TOK_DOUBLESTAR : c2 == '=' ? KR_TOK_STAREQUAL : KR_TOK_ERRORTOKEN;
    case '+': return c2 == '=' ? KR_TOK_PLUSEQUAL : KR_TOK_ERRORTOKEN;
    case '-': return c2 == '=' ? KR_TOK_MINEQUAL : c2 == '>' ? KR_TOK_RARROW : KR_TOK_ERRORTOKEN;
    case '/': return c2 == '/' ? KR_TOK_DOUBLESLASH : c2 == '=' ? KR_TOK_SLASHEQUAL : KR_TOK_ERRORTOKEN;
    case ':': return c2 == '=' ? KR_TOK_COLONEQUAL : KR_TOK_ERRORTOKEN;
    case '<':
        return c2 == '<' ? KR_TOK_LEFTSHIFT : c2 == '=' ? KR_TOK_LESSEQUAL
             : c2 == '>' ? KR_TOK_NOTEQUAL : KR_TOK_ERRORTOKEN;
    case '=': return c2 == '=' ? KR_TOK_EQEQUAL : KR_TOK_ERRORTOKEN;
    case '>': return c2 == '=' ? KR_TOK_GREATEREQUAL : c2 == '>' ? KR_TOK_RIGHTSHIFT : KR_TOK_ERRORTOKEN;
    case '@': return c2 == '=' ? KR_TOK_ATEQUAL : KR_TOK_ERRORTOKEN;
    case '^': return c2 == '=' ? KR_TOK_CIRCUMFLEXEQUAL : KR_TOK_ERRORTOKEN;
    case '|': return c2 == '=' ? KR_TOK_VBAREQUAL : KR_TOK_ERRORTOKEN;
    default: return KR_TOK_ERRORTOKEN;
    }
}

static KrTokenKind three_chars(int c1, int c2, int c3) {
    if (c3 != '=') return c1 == '.' && c2 == '.' && c3 == '.' ? KR_TOK_ELLIPSIS : KR_TOK_ERRORTOKEN;
    if (c1 == '*' && c2 == '*') return KR_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return KR_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return KR_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return KR_TOK_RIGHTSHIFTEQUAL;
    return KR_TOK_ERRORTOKEN;
}

// Tracks bracket nesting for implicit line joining and the bracket errors.
static KrTokenKind brackets(KrLexer *lx, int c, const char *start) {
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= KR_LEX_MAXLEVEL) return lex_error(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenlinenostack[lx->level] = lx->lineno;
        lx->parencolstack[lx->level] = (int)(start - lx->line_start);
        lx->level++;
        return KR_TOK_NAME;       // anything but FAILED
    }
    if (!lx->level) return lex_error(lx, "unmatched '%c'", c);
    lx->level--;
    int open = lx->parenstack[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return KR_TOK_NAME;
    if (lx->parenlinenostack[lx->level] != lx->lineno)
        return lex_error(lx, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                         c, open, lx->parenlinenostack[lx->level]);
    return lex_error(lx, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
}

static KrTokenKind operator(KrLexer *lx, int c, const char *start) {
    int c2 = nextc(lx);
    KrTokenKind kind = two_chars(c, c2);
    if (kind != KR_TOK_ERRORTOKEN) {
        int c3 = nextc(lx);
        KrTokenKind k3 = three_chars(c, c2, c3);
        if (k3 != KR_TOK_ERRORTOKEN) return k3;
        backup(lx, c3);
        return kind;
    }
    if (c == '.' && c2 == '.') {
        int c3 = nextc(lx);
        if (c3 == '.') return KR_TOK_ELLIPSIS;
        backup(lx, c3);
    }
    backup(lx, c2);
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') {
        if (brackets(lx, c, start) == KR_TOK_FAILED) return KR_TOK_FAILED;
    }
    return one_char(c);
}

// ---------------------------------------------------------------------------
// The token loop

static void set_position(KrLexer *lx, KrToken *tok, const char *start, int lineno,
                         const char *line_start) {
    tok->start = start;
    tok->end = lx->cur;
    tok->lineno = lineno;
    tok->col_offset = (int)(start - line_start);
    tok->end_lineno = lx->lineno;
    tok->end_col_offset = (int)(lx->cur - lx->line_start);
}

// A name, or a string with a prefix ("rb", "f"...).  `c`, its first
// character, has been read.
static KrTokenKind name_or_string(KrLexer *lx, int c, const char *start) {
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = 1;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = 1;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = 1;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = 1;
        else break;
        c = nextc(lx);
        if (c == '"' || c == '\'') return string(lx, c, start);
    }
    int nonascii = 0;
    while (is_potential_ident_char(c)) {
        if (c >= 128) nonascii = 1;
        c = nextc(lx);
    }
    backup(lx, c);
    if (nonascii && verify_identifier(lx, start) == KR_TOK_FAILED) return KR_TOK_FAILED;
    return keyword_kind(start, (size_t)(lx->cur - start));
}

// Skips blanks, comments and backslash continuations.  Returns the first
// character of the next token (already read), or FAILED via *failed.
static int skip_blanks(KrLexer *lx, int *failed) {
    for (;;) {
        int c;
        do c = nextc(lx); while (c == ' ' || c == '\t' || c == '\014');
        if (c == '#') {
            while (c != EOF_CHAR && c != '\n') c = nextc(lx);
        }
        if (c != '\\') return c;
        c = nextc(lx);
        if (c != '\n') {
            int col = (int)(lx->cur - lx->line_start) - 1;
            deferred_error(lx, KR_LEXFAIL_DEFERRED, KR_SYNERR_SYNTAX, col,
                           "unexpected character after line continuation character");
            *failed = 1;
            return EOF_CHAR;
        }
        c = nextc(lx);
        if (c == EOF_CHAR) {
            end_of_line_error(lx, KR_SYNERR_SYNTAX, "unexpected EOF while parsing");
            *failed = 1;
            return EOF_CHAR;
        }
        backup(lx, c);
        lx->cont_line = 1;
    }
}

// Reports an unclosed bracket at the end of the input.
static KrTokenKind unclosed_bracket(KrLexer *lx) {
    int i = lx->level - 1;
    char msg[64];
    snprintf(msg, sizeof msg, "'%c' was never closed", lx->parenstack[i]);
    krLex_set_error(lx, KR_SYNERR_SYNTAX, lx->parenlinenostack[i], lx->parencolstack[i] + 1,
                    lx->parenlinenostack[i], 0, msg);
    lx->fail_kind = KR_LEXFAIL_UNCLOSED;
    return KR_TOK_FAILED;
}

static KrTokenKind next_token(KrLexer *lx, KrToken *tok) {
    int blankline = 0;
    tok->start = tok->end = lx->cur;
nextline:
    if (lx->atbol) {
        lx->atbol = 0;
        lx->cont_line = 0;
        if (indentation(lx, &blankline) == KR_TOK_FAILED) return KR_TOK_FAILED;
    }
    if (lx->pendin != 0) {
        KrTokenKind k = lx->pendin < 0 ? KR_TOK_DEDENT : KR_TOK_INDENT;
        lx->pendin += lx->pendin < 0 ? 1 : -1;
        tok->start = tok->end = lx->cur;
        tok->lineno = tok->end_lineno = lx->lineno;
        tok->col_offset = tok->end_col_offset = -1;
        return k;
    }
    int failed = 0;
    int c = skip_blanks(lx, &failed);
    if (failed) return KR_TOK_FAILED;
    const char *start = lx->cur - (c != EOF_CHAR);
    int lineno = lx->lineno;
    const char *line_start = lx->line_start;
    KrTokenKind kind;
    if (c == EOF_CHAR) {
        if (lx->level) return unclosed_bracket(lx);
        kind = KR_TOK_ENDMARKER;
    } else if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0) goto nextline;
        tok->start = tok->end = start;
        tok->lineno = tok->end_lineno = lineno;
        tok->col_offset = tok->end_col_offset = (int)(start - line_start);
        lx->cont_line = 0;
        return KR_TOK_NEWLINE;
    } else if (is_ascii_ident_start(c) || c >= 128) {
        kind = name_or_string(lx, c, start);
    } else if (is_digit(c) || (c == '.' && is_digit(peekc(lx)))) {
        kind = number(lx, c, start);
    } else if (c == '"' || c == '\'') {
        kind = string(lx, c, start);
    } else {
        kind = operator(lx, c, start);
    }
    if (kind == KR_TOK_FAILED) return kind;
    set_position(lx, tok, start, lineno, line_start);
    return kind;
}

KrTokenKind krLex_next(KrLexer *lx, KrToken *tok) {
    if (lx->failed) {
        tok->kind = KR_TOK_FAILED;
        return KR_TOK_FAILED;
    }
    if (lx->at_eof) {
        tok->kind = KR_TOK_ENDMARKER;
        return KR_TOK_ENDMARKER;
    }
    KrTokenKind kind = next_token(lx, tok);
    if (kind == KR_TOK_ENDMARKER) {
        lx->at_eof = 1;
        tok->start = tok->end = lx->cur;
        tok->lineno = tok->end_lineno = lx->lineno;
        tok->col_offset = tok->end_col_offset = (int)(lx->cur - lx->line_start);
    }
    if (kind == KR_TOK_FAILED) lx->failed = 1;
    tok->kind = kind;
    tok->level = lx->level;
    return kind;
}
