/*
 * lexer.h — the Python 3.11 tokenizer.
 *
 * The lexer turns source bytes into tokens one at a time (krLex_next).  Before
 * the first token it decodes the source to UTF-8 (BOM, PEP 263 coding
 * declaration) and normalises line ends to '\n', so every pointer and column it
 * reports refers to that UTF-8 text, as CPython's columns do.
 *
 * Tokens carry positions only; the parser decodes string and number literals
 * (src/parser/string.c) because their meaning depends on the grammar
 * (implicit concatenation, f-strings).
 *
 * Errors are reported the way CPython's tokenizer reports them: the message,
 * class and location land in the KrSyntaxError given to krLex_init, and the
 * lexer returns KR_TOK_FAILED from then on.
 *
 * Related: tokens.def (token kinds), src/parser/parser.h (the consumer).
 */
#ifndef KR_LEXER_H
#define KR_LEXER_H

#include <stddef.h>

#include "parser/arena.h"

typedef enum {
#define KR_TOKEN(Name, text) KR_TOK_##Name,
#define KR_KEYWORD(Name, text) KR_TOK_##Name,
#include "lexer/tokens.def"
    KR_TOK__COUNT
} KrTokenKind;

// The spelling of an operator or keyword ("+=", "while"), or a description of
// the other kinds ("name").  Never fails.
const char *krLex_token_text(KrTokenKind kind);

typedef struct {
    KrTokenKind kind;
    const char *start, *end;      // the token's text in the lexer's buffer
    // CPython positions: 1-based lines, 0-based byte columns.  A string token
    // spanning lines starts on `lineno` and ends on `end_lineno`.  INDENT and
    // DEDENT have no text: their columns are -1 and `start` points where the
    // tokenizer stood after producing them.
    int lineno, col_offset, end_lineno, end_col_offset;
    int level;                    // brackets open before this token
} KrToken;

typedef enum {
    KR_SYNERR_NONE,
    KR_SYNERR_SYNTAX,             // SyntaxError
    KR_SYNERR_INDENTATION,        // IndentationError
    KR_SYNERR_TAB,                // TabError
    KR_SYNERR_NOMEM,              // out of memory (MemoryError)
} KrSyntaxErrorKind;

// A syntax error as CPython's SyntaxError attributes describe it: `offset` and
// `end_offset` are 1-based and count characters, not bytes.  `end_offset` may
// be 0 or -1 where CPython leaves it so.  `text` is the offending source line
// (arena memory, may be NULL).
typedef struct {
    KrSyntaxErrorKind kind;
    char msg[320];
    int lineno, offset, end_lineno, end_offset;
    const char *text;
} KrSyntaxError;

// Class name of an error kind: "SyntaxError", "IndentationError"...
const char *krLex_error_class(KrSyntaxErrorKind kind);

// How the lexer failed; the parser's error strategy depends on it (see
// docs/internals/parser.md).
typedef enum {
    KR_LEXFAIL_NONE,
    KR_LEXFAIL_DIRECT,     // an error CPython's tokenizer raises itself
    KR_LEXFAIL_DEFERRED,   // one it leaves for the parser (tabs, "\" misuse...)
    KR_LEXFAIL_UNCLOSED,   // end of input inside brackets
} KrLexFailKind;

#define KR_LEX_MAXLEVEL 200       // nesting of (), [] and {}
#define KR_LEX_MAXINDENT 100      // nesting of indented blocks

typedef struct KrLexer {
    KrArena *arena;
    KrSyntaxError *err;
    const char *buf, *end;        // decoded source; *(end - 1) == '\n'
    const char *cur;              // next character to read
    const char *line_start;       // first character of the current line
    int lineno;
    int atbol;                    // at the beginning of a logical line
    int pendin;                   // pending INDENTs (> 0) or DEDENTs (< 0)
    int indent;                   // top of indstack
    int indstack[KR_LEX_MAXINDENT];
    int altindstack[KR_LEX_MAXINDENT];  // same, with tabs one column wide
    int level;                    // open brackets
    char parenstack[KR_LEX_MAXLEVEL];
    int parenlinenostack[KR_LEX_MAXLEVEL];
    int parencolstack[KR_LEX_MAXLEVEL];
    int failed;                   // an error was reported
    KrLexFailKind fail_kind;
    int at_eof;                   // ENDMARKER was returned
    int cont_line;                // inside a backslash-continued line
    const char *encoding;         // declared encoding, or NULL
} KrLexer;

// Prepares `lx` to tokenize `len` bytes at `src` (need not be NUL-terminated).
// The decoded text is allocated in `arena`, so tokens stay valid as long as
// the arena.  Returns 0, or -1 with `err` filled (bad encoding declaration,
// undecodable source).
int krLex_init(KrLexer *lx, KrArena *arena, const char *src, size_t len,
               KrSyntaxError *err);

// Reads the next token into `tok` and returns its kind.  After an error it
// returns KR_TOK_FAILED (with `err` filled) every time; after ENDMARKER it
// keeps returning ENDMARKER.
KrTokenKind krLex_next(KrLexer *lx, KrToken *tok);

// Fills `err` with `kind` and `msg` at 1-based *byte* offsets `offset` and
// `end_offset` of line `lineno` / `end_lineno` of the lexer's text, converting
// them to character offsets as CPython does (offsets <= 0 pass through).
// Used by the parser too, so both agree on positions.  Never fails.
void krLex_set_error(KrLexer *lx, KrSyntaxErrorKind kind, int lineno, int offset,
                     int end_lineno, int end_offset, const char *msg);

// The text of line `lineno` (1-based) and its length without the '\n', or NULL
// when there is no such line.
const char *krLex_line(const KrLexer *lx, int lineno, size_t *len);

#endif
