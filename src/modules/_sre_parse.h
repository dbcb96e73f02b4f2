/*
 * _sre_parse.h — private to the translator (_sre_parse.c, _sre_parse_items.c):
 * the parser state, tokens, and the helpers the two files share.
 *
 * Errors follow re: every helper that fails has raised re.error (or another
 * exception) and returns -1 / NULL.
 */
#ifndef KR_MODULES_SRE_PARSE_H
#define KR_MODULES_SRE_PARSE_H

#include "modules/_sre.h"
#include "objects/str.h"
#include "runtime/error.h"

typedef struct {
    uint64_t lo, hi;
} Width;

// A token: a character, or a backslash and the character after it.
typedef struct {
    int32_t c;                     // -1: end of pattern
    bool esc;
} Tok;

typedef struct {
    int gid;
    KrSsize pos;
} GroupRefPos;

typedef struct {
    KrThreadState *ts;
    KrObject *pattern;
    uint32_t *src;
    KrSsize len;
    KrSsize index;                 // the tokenizer's read position
    Tok next;                      // lookahead token
    bool is_str;
    bool map_surrogates;           // write lone surrogates as U+10F800.. (see _sre.c)
    int flags;                     // global flags (argument + inline)
    // Capturing groups, indexed by number (0 unused).  `ngroups` counts group 0.
    int ngroups, gcap;
    Width *gwidth;
    bool *gclosed;
    int *gparent;
    int cur_group;                 // innermost open capturing group
    KrObject *groupdict;           // name -> number
    int lookbehindgroups;          // -1: not inside a look-behind
    GroupRefPos *refpos;
    int nrefpos, refcap;
    bool lookbehind_bad;           // a look-behind that is not fixed-width
    int template_op;               // first repeat kind seen under TEMPLATE, or 0
    char *out;
    size_t size, cap;
} Parser;

enum { ITEM_NONE, ITEM_AT, ITEM_REPEAT, ITEM_OTHER };
enum { REP_MAX = 1, REP_MIN, REP_POSSESSIVE };

// Result of an escape: a literal, a category, an anchor or a back reference.
enum { ESC_LITERAL, ESC_CATEGORY, ESC_AT, ESC_GROUPREF };
typedef struct {
    int kind;
    uint32_t value;
} Escape;

// A growable array of code points (names, escapes).
typedef struct {
    uint32_t *v;
    KrSsize n, cap;
} Cps;

static inline bool ascii_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static inline bool is_octdigit(int32_t c) { return c >= '0' && c <= '7'; }
static inline bool is_hexdigit(int32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline KrSsize tok_len(Tok t) { return t.c < 0 ? 0 : t.esc ? 2 : 1; }
static inline KrSsize tell(Parser *p) { return p->index - tok_len(p->next); }
static inline bool is_unicode(Parser *p, int flags) { return p->is_str && !(flags & KR_RE_ASCII); }
static inline bool global_unicode(Parser *p) { return is_unicode(p, p->flags); }

// The building blocks of items: categories, anchors, escape kinds.
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };
enum { AT_BEGINNING, AT_END, AT_BEGINNING_STRING, AT_END_STRING, AT_BOUNDARY, AT_NON_BOUNDARY };

// ---------------------------------------------------------------------------
// _sre_parse.c: output, errors, tokenizer, groups

// Append to the PCRE2 text.  0 or -1 (MemoryError).
int krReParse_emit_n(Parser *p, const char *s, size_t n);
int krReParse_emit(Parser *p, const char *s);
int krReParse_emit_fmt(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// One character as a PCRE2 atom (also valid inside a class).
int krReParse_emit_char(Parser *p, uint32_t c);
// re.error with the builder's text (consumed) at `pos`; always -1.
int krReParse_raise_sb(Parser *p, KrStrBuilder *sb, KrSsize pos);
// re.error(msg) at tell() - offset; always -1.
int krReParse_perr(Parser *p, KrSsize offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// re.error(prefix + repr(name)) at tell() - offset; always -1.
int krReParse_perr_name(Parser *p, KrSsize offset, const char *prefix, KrObject *name);
// Appends the text of a token / of `n` code points.  0 or -1.
int krReParse_sb_tok(KrThreadState *ts, KrStrBuilder *sb, Tok t);
int krReParse_sb_cps(KrThreadState *ts, KrStrBuilder *sb, const uint32_t *cps, KrSsize n);
// The tokenizer: take the next token; consume `c` if it is next (1/0/-1).
int krReParse_get(Parser *p, Tok *t);
int krReParse_match(Parser *p, int32_t c);
int krReParse_cps_add(Parser *p, Cps *s, uint32_t c);
// re's getwhile(n, charset) and getuntil(terminator, name).  0 or -1.
int krReParse_getwhile(Parser *p, Cps *s, int n, bool (*pred)(int32_t));
int krReParse_getuntil(Parser *p, Cps *s, int32_t term, const char *what);
// The code points as a str.  New reference.
KrObject *krReParse_cps_str(Parser *p, const Cps *s);
// Is group `gid` defined and closed?  Never fails.
bool krReParse_check_group(Parser *p, int64_t gid);
// re's checklookbehindgroup.  0 or -1.
int krReParse_check_lookbehind_group(Parser *p, int64_t gid);

// ---------------------------------------------------------------------------
// _sre_parse_items.c: single items.  Each writes one PCRE2 atom.  0 or -1.

int krReParse_emit_literal(Parser *p, int flags, uint32_t c);
int krReParse_emit_category(Parser *p, int flags, int cat);
int krReParse_emit_at(Parser *p, int flags, int at);
// An escape outside a class (`tok` is the backslash token): decodes it into *out.
int krReParse_escape(Parser *p, Tok tok, Escape *out);
// A character class, after its `[`.
int krReParse_parse_class(Parser *p, int flags);

#endif
