/*
 * _sre_parse.c — translates a Python regular expression into PCRE2 syntax.
 *
 * The parser follows the structure of Python's `re` parser (a tokenizer
 * with one token of lookahead, `parse_sub` for alternations, `parse_seq` for
 * sequences) so that every error is raised with the same message at the same
 * position, and in the same order.  Instead of building a tree it writes the
 * PCRE2 pattern as it goes, and computes each subpattern's (min, max) width
 * bottom-up, as the re compiler does, for the fixed-width look-behind rule.
 *
 * Invariants of the output:
 *  - every Python item becomes exactly one PCRE2 atom, so a quantifier can be
 *    appended after it;
 *  - PCRE2's i/m/s options mirror Python's scoped flags (`(?i-s:...)` groups),
 *    except caseless, which is on only for Unicode str scopes and bytes: in
 *    ASCII str scopes letters are expanded to [xX] by hand;
 *  - the global mode (Unicode or ASCII) decides PCRE2_UCP; escapes in a
 *    scope of the other mode are written out as explicit classes;
 *  - \s is always explicit (Python's Unicode \s has \x1c-\x1f but not
 *    U+180E), \B fails on an empty subject as in Python, \Z is \z.
 *
 * Related: _sre.h, _sre.c (compiles the result), _sre_names.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "modules/_sre.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/unicode.h"
#include "runtime/error.h"

#define MAXREPEAT ((uint64_t)KR_RE_MAXREPEAT)
#define PCRE_MAX_REPEAT 65535u

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
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };
enum { AT_BEGINNING, AT_END, AT_BEGINNING_STRING, AT_END_STRING, AT_BOUNDARY, AT_NON_BOUNDARY };
enum { REP_MAX = 1, REP_MIN, REP_POSSESSIVE };

// Result of an escape: a literal, a category, an anchor or a back reference.
enum { ESC_LITERAL, ESC_CATEGORY, ESC_AT, ESC_GROUPREF };
typedef struct {
    int kind;
    uint32_t value;
} Escape;

// ---------------------------------------------------------------------------
// Output and width arithmetic

static int emit_n(Parser *p, const char *s, size_t n) {
    if (p->size + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 64;
        while (cap < p->size + n + 1) cap *= 2;
        char *b = krMem_realloc(p->out, cap);
        if (!b) {
            krErr_no_memory(p->ts);
            return -1;
        }
        p->out = b;
        p->cap = cap;
    }
    memcpy(p->out + p->size, s, n);
    p->size += n;
    p->out[p->size] = '\0';
    return 0;
}

static int emit(Parser *p, const char *s) { return emit_n(p, s, strlen(s)); }

static int emit_fmt(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int emit_fmt(Parser *p, const char *fmt, ...) {
    char buf[64];
    va_list va;
    va_start(va, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    return emit_n(p, buf, (size_t)n);
}

// One character as a PCRE2 atom (also valid inside a class).
static int emit_char(Parser *p, uint32_t c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        char ch = (char)c;
        return emit_n(p, &ch, 1);
    }
    if (c > 0x20 && c < 0x7f) {
        char b[2] = {'\\', (char)c};
        return emit_n(p, b, 2);
    }
    return emit_fmt(p, "\\x{%x}", c);
}

static uint64_t sat_add(uint64_t a, uint64_t b) { return a + b < a ? UINT64_MAX : a + b; }
static uint64_t sat_mul(uint64_t a, uint64_t b) {
    if (a && b > UINT64_MAX / a) return UINT64_MAX;
    return a * b;
}
static Width width_cap(Width w) {
    if (w.lo > MAXREPEAT - 1) w.lo = MAXREPEAT - 1;
    if (w.hi > MAXREPEAT) w.hi = MAXREPEAT;
    return w;
}

// ---------------------------------------------------------------------------
// Errors

static bool ascii_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_octdigit(int32_t c) { return c >= '0' && c <= '7'; }
static bool is_hexdigit(int32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static KrSsize tok_len(Tok t) { return t.c < 0 ? 0 : t.esc ? 2 : 1; }
static KrSsize tell(Parser *p) { return p->index - tok_len(p->next); }

// Raises re.error(msg, pattern, pos) with the builder's text (consumed).
// For bytes patterns the message is ASCII with backslash escapes, as re does.
static int raise_sb(Parser *p, KrStrBuilder *sb, KrSsize pos) {
    KrObject *msg = krSB_finish(p->ts, sb);
    if (!msg) return -1;
    if (!p->is_str && !krStr_is_ascii(msg)) {
        KrObject *esc = krStr_ascii_escape(p->ts, msg);
        kr_decref(msg);
        if (!esc) return -1;
        msg = esc;
    }
    krRe_raise(p->ts, msg, p->pattern, pos);
    kr_decref(msg);
    return -1;
}

// error(msg) at tell() - offset, msg from a printf-like format.
static int perr(Parser *p, KrSsize offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int perr(Parser *p, KrSsize offset, const char *fmt, ...) {
    char buf[256];
    va_list va;
    va_start(va, fmt);
    vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, buf) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return raise_sb(p, &sb, tell(p) - offset);
}

static int sb_tok(KrThreadState *ts, KrStrBuilder *sb, Tok t) {
    if (t.esc && krSB_append_char(ts, sb, '\\') < 0) return -1;
    return krSB_append_char(ts, sb, (uint32_t)t.c);
}

static int sb_cps(KrThreadState *ts, KrStrBuilder *sb, const uint32_t *cps, KrSsize n) {
    for (KrSsize i = 0; i < n; i++)
        if (krSB_append_char(ts, sb, cps[i]) < 0) return -1;
    return 0;
}

// error(prefix + token text + suffix) at tell() - offset.
static int perr_tok(Parser *p, KrSsize offset, const char *prefix, Tok t, const char *suffix) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || sb_tok(p->ts, &sb, t) < 0 ||
        krSB_append_cstr(p->ts, &sb, suffix) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return raise_sb(p, &sb, tell(p) - offset);
}

// error(prefix + repr(name)) at tell() - offset.
static int perr_name(Parser *p, KrSsize offset, const char *prefix, KrObject *name) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || krSB_append_obj_repr(p->ts, &sb, name) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return raise_sb(p, &sb, tell(p) - offset);
}

// ---------------------------------------------------------------------------
// Tokenizer

static int advance(Parser *p) {
    KrSsize index = p->index;
    if (index >= p->len) {
        p->next.c = -1;
        p->next.esc = false;
        return 0;
    }
    uint32_t c = p->src[index];
    bool esc = false;
    if (c == '\\') {
        index++;
        if (index >= p->len) {
            KrObject *msg = krStr_from_cstr(p->ts, "bad escape (end of pattern)");
            if (msg) {
                krRe_raise(p->ts, msg, p->pattern, p->len - 1);
                kr_decref(msg);
            }
            return -1;
        }
        c = p->src[index];
        esc = true;
    }
    p->index = index + 1;
    p->next.c = (int32_t)c;
    p->next.esc = esc;
    return 0;
}

// Takes the next token into *t.  0 or -1.
static int get(Parser *p, Tok *t) {
    *t = p->next;
    return advance(p);
}

static bool next_is(Parser *p, int32_t c) { return !p->next.esc && p->next.c == c; }

// source.match(c): 1 when consumed, 0 when not, -1 on error.
static int match(Parser *p, int32_t c) {
    if (!next_is(p, c)) return 0;
    return advance(p) < 0 ? -1 : 1;
}

static int seek(Parser *p, KrSsize index) {
    p->index = index;
    return advance(p);
}

// A growable array of code points (names, escapes).
typedef struct {
    uint32_t *v;
    KrSsize n, cap;
} Cps;

static int cps_add(Parser *p, Cps *s, uint32_t c) {
    if (s->n == s->cap) {
        KrSsize cap = s->cap ? s->cap * 2 : 16;
        uint32_t *v = krMem_realloc(s->v, (size_t)cap * sizeof(uint32_t));
        if (!v) {
            krErr_no_memory(p->ts);
            return -1;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = c;
    return 0;
}

static int cps_add_tok(Parser *p, Cps *s, Tok t) {
    if (t.esc && cps_add(p, s, '\\') < 0) return -1;
    return cps_add(p, s, (uint32_t)t.c);
}

// getwhile(n, charset): appends up to n plain characters satisfying `pred`.
static int getwhile(Parser *p, Cps *s, int n, bool (*pred)(int32_t)) {
    for (int i = 0; i < n; i++) {
        if (p->next.esc || p->next.c < 0 || !pred(p->next.c)) break;
        if (cps_add(p, s, (uint32_t)p->next.c) < 0 || advance(p) < 0) return -1;
    }
    return 0;
}

// getuntil(terminator, name): the text up to `term` (consumed).
static int getuntil(Parser *p, Cps *s, int32_t term, const char *what) {
    for (;;) {
        Tok c;
        if (get(p, &c) < 0) return -1;
        if (c.c < 0) {
            if (!s->n) return perr(p, 0, "missing %s", what);
            return perr(p, s->n, "missing %c, unterminated name", (char)term);
        }
        if (!c.esc && c.c == term) {
            if (!s->n) return perr(p, 1, "missing %s", what);
            return 0;
        }
        if (cps_add_tok(p, s, c) < 0) return -1;
    }
}

static KrObject *cps_str(Parser *p, const Cps *s) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (sb_cps(p->ts, &sb, s->v, s->n) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(p->ts, &sb);
}

// ---------------------------------------------------------------------------
// Groups

static int open_group(Parser *p, KrObject *name, KrSsize name_len, int *gid_out) {
    int gid = p->ngroups;
    if (gid >= p->gcap) {
        int cap = p->gcap ? p->gcap * 2 : 16;
        Width *w = krMem_realloc(p->gwidth, (size_t)cap * sizeof(Width));
        if (w) p->gwidth = w;
        bool *c = krMem_realloc(p->gclosed, (size_t)cap * sizeof(bool));
        if (c) p->gclosed = c;
        int *par = krMem_realloc(p->gparent, (size_t)cap * sizeof(int));
        if (par) p->gparent = par;
        if (!w || !c || !par) {
            krErr_no_memory(p->ts);
            return -1;
        }
        p->gcap = cap;
    }
    p->ngroups++;
    p->gclosed[gid] = false;
    p->gparent[gid] = p->cur_group;
    if (p->ngroups > KR_RE_MAXGROUPS) return perr(p, 0, "too many groups");
    if (name) {
        KrObject *old = krDict_get(p->ts, p->groupdict, name);
        if (old) {
            KrStrBuilder sb;
            krSB_init(&sb);
            if (krSB_append_cstr(p->ts, &sb, "redefinition of group name ") < 0 ||
                krSB_append_obj_repr(p->ts, &sb, name) < 0 ||
                krSB_printf(p->ts, &sb, " as group %d; was group %d", gid, (int)kr_smallint_value(old)) < 0) {
                krSB_discard(&sb);
                return -1;
            }
            return raise_sb(p, &sb, tell(p) - (name_len + 1));
        }
        if (krErr_occurred(p->ts) || krDict_set(p->ts, p->groupdict, name, kr_smallint(gid)) < 0) return -1;
    }
    *gid_out = gid;
    return 0;
}

static bool check_group(Parser *p, int64_t gid) { return gid < p->ngroups && p->gclosed[gid]; }

static int check_lookbehind_group(Parser *p, int64_t gid) {
    if (p->lookbehindgroups >= 0) {
        if (!check_group(p, gid)) return perr(p, 0, "cannot refer to an open group");
        if (gid >= p->lookbehindgroups)
            return perr(p, 0, "cannot refer to group defined in the same lookbehind subpattern");
    }
    return 0;
}

// checkgroupname: the name must be an identifier.
static int check_group_name(Parser *p, KrObject *name, KrSsize name_len, KrSsize offset) {
    if (!krStr_is_identifier(name)) return perr_name(p, name_len + offset, "bad character in group name ", name);
    return 0;
}

// ---------------------------------------------------------------------------
// Flags and modes

static int combine_flags(int flags, int add, int del) {
    if (add & (KR_RE_ASCII | KR_RE_LOCALE | KR_RE_UNICODE)) flags &= ~(KR_RE_ASCII | KR_RE_LOCALE | KR_RE_UNICODE);
    return (flags | add) & ~del;
}

// Unicode semantics for \w, \d, \s, \b and case-insensitivity?
static bool is_unicode(Parser *p, int flags) { return p->is_str && !(flags & KR_RE_ASCII); }
static bool global_unicode(Parser *p) { return is_unicode(p, p->flags); }

// The PCRE2 options (i, m, s bits) that mirror Python `flags`.
enum { PF_I = 1, PF_M = 2, PF_S = 4 };
static int pcre_flags(Parser *p, int flags) {
    int f = 0;
    if ((flags & KR_RE_IGNORECASE) && (!p->is_str || is_unicode(p, flags))) f |= PF_I;
    if (flags & KR_RE_MULTILINE) f |= PF_M;
    if (flags & KR_RE_DOTALL) f |= PF_S;
    return f;
}

// Python folds these together, PCRE2 does not (found by comparing both
// engines over every code point): simple lower case maps İ to i, and re's
// extra cases add ı; the others are Greek and ligature pairs.
static const uint32_t fold_groups[][5] = {
    {0x49, 0x69, 0x130, 0x131, 0},
    {0x390, 0x1fd3, 0},
    {0x3b0, 0x1fe3, 0},
    {0xfb05, 0xfb06, 0},
};
#define NFOLD_GROUPS (int)(sizeof fold_groups / sizeof fold_groups[0])

static int fold_group_of(uint32_t c) {
    for (int g = 0; g < NFOLD_GROUPS; g++)
        for (int k = 0; fold_groups[g][k]; k++)
            if (fold_groups[g][k] == c) return g;
    return -1;
}

static bool is_surrogate(uint32_t c) { return c >= 0xd800 && c <= 0xdfff; }

// PCRE2 has no lone surrogates in UTF mode.  A subject containing them is
// matched as a copy in which they are moved to U+10F800-U+10FFFF, against a
// second translation of the pattern made with `map_surrogates`; in the
// first, which only sees subjects without surrogates, they never match.
#define SURROGATE_SHIFT (0x10f800 - 0xd800)

static int emit_literal(Parser *p, int flags, uint32_t c) {
    if (p->is_str && is_surrogate(c))
        return p->map_surrogates ? emit_char(p, c + SURROGATE_SHIFT) : emit(p, "(?!)");
    if (p->is_str && (flags & KR_RE_IGNORECASE)) {
        if (!is_unicode(p, flags)) {
            if (ascii_letter((int32_t)c)) return emit_fmt(p, "[%c%c]", (char)c, (char)(c ^ 0x20));
        } else {
            int g = fold_group_of(c);
            if (g >= 0) {
                if (emit(p, "[") < 0) return -1;
                for (int k = 0; fold_groups[g][k]; k++)
                    if (emit_char(p, fold_groups[g][k]) < 0) return -1;
                return emit(p, "]");
            }
        }
    }
    return emit_char(p, c);
}

// ---------------------------------------------------------------------------
// Categories (\d \s \w and their negations)

typedef struct {
    uint32_t lo, hi;
} Range;

static const Range ascii_digit[] = {{0x30, 0x39}};
static const Range ascii_word[] = {{0x30, 0x39}, {0x41, 0x5a}, {0x5f, 0x5f}, {0x61, 0x7a}};
static const Range ascii_space[] = {{0x09, 0x0d}, {0x20, 0x20}};
static const Range uni_space[] = {{0x09, 0x0d}, {0x1c, 0x20}, {0x85, 0x85}, {0xa0, 0xa0}, {0x1680, 0x1680},
                                  {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f},
                                  {0x3000, 0x3000}};

static int emit_ranges(Parser *p, const Range *r, int n, bool complement, uint32_t maxc) {
    uint32_t from = 0;
    for (int i = 0; i < n; i++) {
        uint32_t lo = complement ? from : r[i].lo, hi = complement ? r[i].lo - 1 : r[i].hi;
        if (complement) from = r[i].hi + 1;
        if (complement && r[i].lo == 0) continue;
        if (emit_char(p, lo) < 0) return -1;
        if (hi != lo && (emit(p, "-") < 0 || emit_char(p, hi) < 0)) return -1;
    }
    if (complement && from <= maxc) {
        if (emit_char(p, from) < 0) return -1;
        if (from != maxc && (emit(p, "-") < 0 || emit_char(p, maxc) < 0)) return -1;
    }
    return 0;
}

// The body of a class (without brackets) for category `cat` in the mode of `flags`.
static int emit_category_body(Parser *p, int flags, int cat) {
    bool uni = is_unicode(p, flags), native = uni == global_unicode(p);
    uint32_t maxc = p->is_str ? 0x10ffff : 0xff;
    bool neg = cat == CAT_NOT_DIGIT || cat == CAT_NOT_SPACE || cat == CAT_NOT_WORD;
    switch (cat) {
    case CAT_DIGIT: case CAT_NOT_DIGIT:
        if (native) return emit(p, neg ? "\\D" : "\\d");
        if (uni) return emit(p, neg ? "\\P{Nd}" : "\\p{Nd}");
        return emit_ranges(p, ascii_digit, 1, neg, maxc);
    case CAT_WORD: case CAT_NOT_WORD:
        if (native) return emit(p, neg ? "\\W" : "\\w");
        if (uni) return emit(p, neg ? "\\P{Xwd}" : "\\p{Xwd}");
        return emit_ranges(p, ascii_word, 4, neg, maxc);
    default:
        if (uni) return emit_ranges(p, uni_space, (int)(sizeof uni_space / sizeof uni_space[0]), neg, maxc);
        return emit_ranges(p, ascii_space, 2, neg, maxc);
    }
}

static int emit_category(Parser *p, int flags, int cat) {
    // \d and \w are atoms of their own; explicit ranges need brackets.
    bool explicit = cat == CAT_SPACE || cat == CAT_NOT_SPACE || (is_unicode(p, flags) != global_unicode(p) &&
                                                                 !is_unicode(p, flags));
    if (!explicit) return emit_category_body(p, flags, cat);
    if (emit(p, "[") < 0 || emit_category_body(p, flags, cat) < 0) return -1;
    return emit(p, "]");
}

static int emit_at(Parser *p, int flags, int at) {
    switch (at) {
    case AT_BEGINNING: return emit(p, "^");
    case AT_END: return emit(p, "$");
    case AT_BEGINNING_STRING: return emit(p, "\\A");
    case AT_END_STRING: return emit(p, "\\z");
    default: break;
    }
    // Python's \B never matches in an empty subject.
    if (at == AT_NON_BOUNDARY && emit(p, "(?:(?!\\A\\z)") < 0) return -1;
    bool uni = is_unicode(p, flags);
    if (uni == global_unicode(p)) {
        if (emit(p, at == AT_BOUNDARY ? "\\b" : "\\B") < 0) return -1;
    } else {
        const char *w = uni ? "[\\p{Xwd}]" : "[A-Za-z0-9_]";
        char buf[160];
        if (at == AT_BOUNDARY)
            snprintf(buf, sizeof buf, "(?:(?<=%s)(?!%s)|(?<!%s)(?=%s))", w, w, w, w);
        else
            snprintf(buf, sizeof buf, "(?:(?<=%s)(?=%s)|(?<!%s)(?!%s))", w, w, w, w);
        if (emit(p, buf) < 0) return -1;
    }
    return at == AT_NON_BOUNDARY ? emit(p, ")") : 0;
}

// ---------------------------------------------------------------------------
// Escapes

static int parse_name_escape(Parser *p, Cps *esc, Escape *out) {
    // \N{NAME}
    int r = match(p, '{');
    if (r < 0) return -1;
    if (!r) return perr(p, 0, "missing {");
    Cps name = {0};
    if (getuntil(p, &name, '}', "character name") < 0) {
        krMem_free(name.v);
        return -1;
    }
    char buf[128];
    int32_t cp = -1;
    if (name.n < (KrSsize)sizeof buf) {
        KrSsize i;
        for (i = 0; i < name.n && name.v[i] < 0x80; i++) buf[i] = (char)name.v[i];
        if (i == name.n) cp = krRe_lookup_name(buf, (size_t)name.n);
    }
    if (cp < 0) {
        KrObject *s = cps_str(p, &name);
        KrSsize n = name.n;
        krMem_free(name.v);
        if (!s) return -1;
        perr_name(p, n + 4, "undefined character name ", s);
        kr_decref(s);
        return -1;
    }
    krMem_free(name.v);
    (void)esc;
    out->kind = ESC_LITERAL;
    out->value = (uint32_t)cp;
    return 0;
}


static uint32_t oct_value(const Cps *s, KrSsize from) {
    uint32_t v = 0;
    for (KrSsize i = from; i < s->n; i++) v = v * 8 + (s->v[i] - '0');
    return v;
}

static int perr_cps(Parser *p, KrSsize offset, const char *prefix, const Cps *s, const char *suffix) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || sb_cps(p->ts, &sb, s->v, s->n) < 0 ||
        krSB_append_cstr(p->ts, &sb, suffix) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return raise_sb(p, &sb, tell(p) - offset);
}

// The escapes common to both contexts: \x, \u, \U, \N.  Returns 1 when
// handled (result in *out), 0 when `c` is not one of them, -1 on error.
static int parse_hex_escape(Parser *p, Cps *esc, uint32_t c, Escape *out) {
    int ndigits;
    if (c == 'x') ndigits = 2;
    else if (c == 'u' && p->is_str) ndigits = 4;
    else if (c == 'U' && p->is_str) ndigits = 8;
    else if (c == 'N' && p->is_str) return parse_name_escape(p, esc, out) < 0 ? -1 : 1;
    else return 0;
    if (getwhile(p, esc, ndigits, is_hexdigit) < 0) return -1;
    if (esc->n != ndigits + 2) return perr_cps(p, esc->n, "incomplete escape ", esc, "");
    uint32_t v = 0;
    for (KrSsize i = 2; i < esc->n; i++) {
        uint32_t d = esc->v[i];
        v = v * 16 + (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
    }
    if (v > 0x10ffff) return perr_cps(p, esc->n, "bad escape ", esc, "");
    out->kind = ESC_LITERAL;
    out->value = v;
    return 1;
}

static int category_of(uint32_t c) {
    switch (c) {
    case 'd': return CAT_DIGIT;
    case 'D': return CAT_NOT_DIGIT;
    case 's': return CAT_SPACE;
    case 'S': return CAT_NOT_SPACE;
    case 'w': return CAT_WORD;
    case 'W': return CAT_NOT_WORD;
    default: return -1;
    }
}

static int simple_escape(uint32_t c) {
    switch (c) {
    case 'a': return 7;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case '\\': return '\\';
    default: return -1;
    }
}

// An escape inside a character class (`tok` is the backslash token).
static int class_escape(Parser *p, Tok tok, Escape *out) {
    uint32_t c = (uint32_t)tok.c;
    int v = c == 'b' ? 8 : simple_escape(c);
    if (v >= 0) {
        out->kind = ESC_LITERAL;
        out->value = (uint32_t)v;
        return 0;
    }
    int cat = category_of(c);
    if (cat >= 0) {
        out->kind = ESC_CATEGORY;
        out->value = (uint32_t)cat;
        return 0;
    }
    Cps esc = {0};
    int r = cps_add(p, &esc, '\\') < 0 || cps_add(p, &esc, c) < 0 ? -1 : parse_hex_escape(p, &esc, c, out);
    if (r == 0) {
        if (is_octdigit((int32_t)c)) {
            r = getwhile(p, &esc, 2, is_octdigit);
            if (r == 0) {
                uint32_t o = oct_value(&esc, 1);
                if (o > 0377) r = perr_cps(p, esc.n, "octal escape value ", &esc, " outside of range 0-0o377");
                out->kind = ESC_LITERAL;
                out->value = o;
            }
        } else if (is_digit((int32_t)c) || ascii_letter((int32_t)c)) {
            r = perr_cps(p, esc.n, "bad escape ", &esc, "");
        } else {
            out->kind = ESC_LITERAL;
            out->value = c;
        }
    }
    krMem_free(esc.v);
    return r < 0 ? -1 : 0;
}

static int at_of(uint32_t c) {
    switch (c) {
    case 'A': return AT_BEGINNING_STRING;
    case 'b': return AT_BOUNDARY;
    case 'B': return AT_NON_BOUNDARY;
    case 'Z': return AT_END_STRING;
    default: return -1;
    }
}

// \1..\99 and octal escapes outside a class.
static int digit_escape(Parser *p, Cps *esc, uint32_t c, Escape *out) {
    if (c == '0') {
        if (getwhile(p, esc, 2, is_octdigit) < 0) return -1;
        out->kind = ESC_LITERAL;
        out->value = oct_value(esc, 1);
        return 0;
    }
    if (!p->next.esc && is_digit(p->next.c)) {
        Tok t;
        if (get(p, &t) < 0 || cps_add(p, esc, (uint32_t)t.c) < 0) return -1;
        if (is_octdigit((int32_t)esc->v[1]) && is_octdigit((int32_t)esc->v[2]) && !p->next.esc &&
            is_octdigit(p->next.c)) {
            if (get(p, &t) < 0 || cps_add(p, esc, (uint32_t)t.c) < 0) return -1;
            uint32_t o = oct_value(esc, 1);
            if (o > 0377) return perr_cps(p, esc->n, "octal escape value ", esc, " outside of range 0-0o377");
            out->kind = ESC_LITERAL;
            out->value = o;
            return 0;
        }
    }
    int group = 0;
    for (KrSsize i = 1; i < esc->n; i++) group = group * 10 + (int)(esc->v[i] - '0');
    if (group < p->ngroups) {
        if (!check_group(p, group)) return perr(p, esc->n, "cannot refer to an open group");
        if (check_lookbehind_group(p, group) < 0) return -1;
        out->kind = ESC_GROUPREF;
        out->value = (uint32_t)group;
        return 0;
    }
    return perr(p, esc->n - 1, "invalid group reference %d", group);
}

// An escape outside a class.
static int escape(Parser *p, Tok tok, Escape *out) {
    uint32_t c = (uint32_t)tok.c;
    int at = at_of(c), cat = category_of(c), v = simple_escape(c);
    if (at >= 0 || cat >= 0 || v >= 0) {
        out->kind = at >= 0 ? ESC_AT : cat >= 0 ? ESC_CATEGORY : ESC_LITERAL;
        out->value = (uint32_t)(at >= 0 ? at : cat >= 0 ? cat : v);
        return 0;
    }
    Cps esc = {0};
    int r = cps_add(p, &esc, '\\') < 0 || cps_add(p, &esc, c) < 0 ? -1 : parse_hex_escape(p, &esc, c, out);
    if (r == 0) {
        if (is_digit((int32_t)c)) {
            r = digit_escape(p, &esc, c, out);
        } else if (ascii_letter((int32_t)c)) {
            r = perr_cps(p, esc.n, "bad escape ", &esc, "");
        } else {
            out->kind = ESC_LITERAL;
            out->value = c;
        }
    }
    krMem_free(esc.v);
    return r < 0 ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Character classes

typedef struct {
    bool is_cat;
    uint32_t lo, hi;               // a range (lo == hi for a literal), or lo = category
} ClassItem;

typedef struct {
    ClassItem *v;
    int n, cap;
} ClassItems;

static int class_add(Parser *p, ClassItems *s, bool is_cat, uint32_t lo, uint32_t hi) {
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        ClassItem *v = krMem_realloc(s->v, (size_t)cap * sizeof(ClassItem));
        if (!v) {
            krErr_no_memory(p->ts);
            return -1;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (ClassItem){is_cat, lo, hi};
    return 0;
}

static int emit_range(Parser *p, uint32_t lo, uint32_t hi) {
    if (p->is_str && lo <= 0xdfff && hi >= 0xd800) {
        // Leave out the surrogates, or move them (see emit_literal).
        if (lo < 0xd800 && emit_range(p, lo, 0xd7ff) < 0) return -1;
        if (hi > 0xdfff && emit_range(p, 0xe000, hi) < 0) return -1;
        if (!p->map_surrogates) return 0;
        uint32_t a = lo < 0xd800 ? 0xd800 : lo, b = hi > 0xdfff ? 0xdfff : hi;
        if (emit_char(p, a + SURROGATE_SHIFT) < 0) return -1;
        return a == b ? 0 : emit(p, "-") < 0 ? -1 : emit_char(p, b + SURROGATE_SHIFT);
    }
    if (emit_char(p, lo) < 0) return -1;
    if (hi != lo && (emit(p, "-") < 0 || emit_char(p, hi) < 0)) return -1;
    return 0;
}

static int emit_class(Parser *p, int flags, const ClassItems *s, bool negate) {
    int usable = 0;
    for (int i = 0; i < s->n; i++)
        usable += s->v[i].is_cat || !p->is_str || p->map_surrogates ||
                  !(s->v[i].lo >= 0xd800 && s->v[i].hi <= 0xdfff);
    if (!usable) return emit(p, negate ? "(?s:.)" : "(?!)");
    if (emit(p, negate ? "[^" : "[") < 0) return -1;
    bool icase = p->is_str && (flags & KR_RE_IGNORECASE), uni = is_unicode(p, flags);
    bool fold_hit[NFOLD_GROUPS] = {false};
    for (int i = 0; i < s->n; i++) {
        const ClassItem *it = &s->v[i];
        if (it->is_cat) {
            if (emit_category_body(p, flags, (int)it->lo) < 0) return -1;
            continue;
        }
        if (emit_range(p, it->lo, it->hi) < 0) return -1;
        if (!icase) continue;
        if (uni) {
            for (int g = 0; g < NFOLD_GROUPS; g++)
                for (int k = 0; fold_groups[g][k]; k++)
                    if (fold_groups[g][k] >= it->lo && fold_groups[g][k] <= it->hi) fold_hit[g] = true;
            continue;
        }
        // ASCII case-insensitivity by hand: add the other case of the letters.
        uint32_t lo = it->lo < 'A' ? 'A' : it->lo, hi = it->hi > 'Z' ? 'Z' : it->hi;
        if (lo <= hi && emit_range(p, lo + 32, hi + 32) < 0) return -1;
        lo = it->lo < 'a' ? 'a' : it->lo;
        hi = it->hi > 'z' ? 'z' : it->hi;
        if (lo <= hi && emit_range(p, lo - 32, hi - 32) < 0) return -1;
    }
    for (int g = 0; g < NFOLD_GROUPS; g++)
        if (fold_hit[g])
            for (int k = 0; fold_groups[g][k]; k++)
                if (emit_char(p, fold_groups[g][k]) < 0) return -1;
    return emit(p, "]");
}

static int parse_class(Parser *p, int flags) {
    KrSsize here = tell(p) - 1;
    ClassItems set = {0};
    int r = match(p, '^');
    bool negate = r == 1;
    while (r >= 0) {
        Tok this, that;
        Escape code1 = {ESC_LITERAL, 0}, code2 = {ESC_LITERAL, 0};
        if ((r = get(p, &this)) < 0) break;
        if (this.c < 0) {
            r = perr(p, tell(p) - here, "unterminated character set");
            break;
        }
        if (!this.esc && this.c == ']' && set.n) break;
        if (this.esc) {
            if ((r = class_escape(p, this, &code1)) < 0) break;
        } else {
            code1.value = (uint32_t)this.c;
        }
        if ((r = match(p, '-')) < 0) break;
        if (r == 0) {
            r = class_add(p, &set, code1.kind == ESC_CATEGORY, code1.value, code1.value);
            continue;
        }
        if ((r = get(p, &that)) < 0) break;
        if (that.c < 0) {
            r = perr(p, tell(p) - here, "unterminated character set");
            break;
        }
        if (!that.esc && that.c == ']') {
            if ((r = class_add(p, &set, code1.kind == ESC_CATEGORY, code1.value, code1.value)) < 0) break;
            r = class_add(p, &set, false, '-', '-');
            break;
        }
        if (that.esc) {
            if ((r = class_escape(p, that, &code2)) < 0) break;
        } else {
            code2.value = (uint32_t)that.c;
        }
        if (code1.kind != ESC_LITERAL || code2.kind != ESC_LITERAL || code2.value < code1.value) {
            KrStrBuilder sb;
            krSB_init(&sb);
            if (krSB_append_cstr(p->ts, &sb, "bad character range ") < 0 || sb_tok(p->ts, &sb, this) < 0 ||
                krSB_append_char(p->ts, &sb, '-') < 0 || sb_tok(p->ts, &sb, that) < 0) {
                krSB_discard(&sb);
                r = -1;
                break;
            }
            r = raise_sb(p, &sb, tell(p) - (tok_len(this) + 1 + tok_len(that)));
            break;
        }
        r = class_add(p, &set, false, code1.value, code2.value);
    }
    if (r >= 0) r = emit_class(p, flags, &set, negate);
    krMem_free(set.v);
    return r < 0 ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Sequences and alternations

typedef struct {
    Width acc;                     // the items before the last one
    Width last;
    int last_kind;                 // ITEM_*
    size_t last_start;             // output offset of the last item
    int last_groups;               // groups opened before the last item
} Seq;

static void seq_item(Parser *p, Seq *q, int kind, size_t start, int groups_before, Width w) {
    if (q->last_kind != ITEM_NONE) {
        q->acc.lo = sat_add(q->acc.lo, q->last.lo);
        q->acc.hi = sat_add(q->acc.hi, q->last.hi);
    }
    q->last_kind = kind;
    q->last_start = start;
    q->last_groups = groups_before;
    q->last = w;
    (void)p;
}

static int parse_sub(Parser *p, int flags, bool verbose, int nested, Width *w);
static int parse_seq(Parser *p, int flags, bool verbose, int nested, bool first, Width *w);

// Writes the quantifier {min,max} (max == MAXREPEAT: unbounded) after the
// last item, splitting counts PCRE2 cannot express.
static int emit_repeat(Parser *p, Seq *q, uint64_t min, uint64_t max, int kind) {
    const char *suffix = kind == REP_MIN ? "?" : kind == REP_POSSESSIVE ? "+" : "";
    if (max == 0) {
        // X{0} never runs X but defines its groups.  PCRE2's start-of-match
        // optimisation mishandles a {0} group that could start the match,
        // so it becomes a DEFINE group, which means the same.
        size_t n = p->size - q->last_start;
        if (emit_n(p, "(?(DEFINE))", 11) < 0) return -1;
        memmove(p->out + q->last_start + 10, p->out + q->last_start, n);
        memcpy(p->out + q->last_start, "(?(DEFINE)", 10);
        p->out[q->last_start + 10 + n] = ')';
        return 0;
    }
    if (min <= PCRE_MAX_REPEAT && (max <= PCRE_MAX_REPEAT || max == MAXREPEAT)) {
        int r;
        if (min == 0 && max == MAXREPEAT) r = emit(p, "*");
        else if (min == 1 && max == MAXREPEAT) r = emit(p, "+");
        else if (min == 0 && max == 1) r = emit(p, "?");
        else if (max == MAXREPEAT) r = emit_fmt(p, "{%u,}", (unsigned)min);
        else if (min == max) r = emit_fmt(p, "{%u}", (unsigned)min);
        else r = emit_fmt(p, "{%u,%u}", (unsigned)min, (unsigned)max);
        return r < 0 ? -1 : emit(p, suffix);
    }
    // Counts above PCRE2's limit: X{m} is written as blocks of 65535 copies,
    // which repeats X's text; a capturing group inside X cannot be copied,
    // nor can a bounded tail above the limit be split without changing
    // backtracking order.
    if (p->ngroups != q->last_groups || (max != MAXREPEAT && max - min > PCRE_MAX_REPEAT))
        return perr(p, 0, "repetition count above 65535 is not supported by Krait's regular expression engine");
    size_t n = p->size - q->last_start;
    char *item = krMem_malloc(n + 1);
    if (!item) {
        krErr_no_memory(p->ts);
        return -1;
    }
    memcpy(item, p->out + q->last_start, n);
    p->size = q->last_start;
    uint64_t blocks = min / PCRE_MAX_REPEAT, rest = min % PCRE_MAX_REPEAT;
    // The item is one atom, so X{n} needs no extra group.
    int r = emit(p, kind == REP_POSSESSIVE ? "(?>" : "(?:");
    if (r == 0 && blocks) {
        if (emit(p, "(?:") < 0 || emit_n(p, item, n) < 0 || emit_fmt(p, "{65535}){%u}", (unsigned)blocks) < 0) r = -1;
    }
    if (r == 0 && rest) {
        if (emit_n(p, item, n) < 0 || emit_fmt(p, "{%u}", (unsigned)rest) < 0) r = -1;
    }
    if (r == 0 && max != min) {
        if (emit_n(p, item, n) < 0) r = -1;
        else if (max == MAXREPEAT) r = emit_fmt(p, "*%s", suffix);
        else r = emit_fmt(p, "{0,%u}%s", (unsigned)(max - min), suffix);
    }
    if (r == 0) r = emit(p, ")");
    krMem_free(item);
    return r;
}

static int parse_repeat(Parser *p, Seq *q, Tok this, bool *literal) {
    KrSsize here = tell(p);
    uint64_t min, max;
    *literal = false;
    if (this.c == '?') {
        min = 0, max = 1;
    } else if (this.c == '*') {
        min = 0, max = MAXREPEAT;
    } else if (this.c == '+') {
        min = 1, max = MAXREPEAT;
    } else {
        if (next_is(p, '}')) {
            *literal = true;
            return 0;
        }
        min = 0, max = MAXREPEAT;
        Cps lo = {0}, hi = {0};
        int r = getwhile(p, &lo, INT32_MAX, is_digit);
        int comma = r < 0 ? -1 : match(p, ',');
        if (comma == 1) r = getwhile(p, &hi, INT32_MAX, is_digit);
        int close = r < 0 || comma < 0 ? -1 : match(p, '}');
        if (close == 0) {
            krMem_free(lo.v);
            krMem_free(hi.v);
            *literal = true;
            return seek(p, here);
        }
        if (close < 0) {
            krMem_free(lo.v);
            krMem_free(hi.v);
            return -1;
        }
        const Cps *his = comma ? &hi : &lo;
        bool too_big = false;
        if (lo.n) {
            min = 0;
            for (KrSsize i = 0; i < lo.n && !too_big; i++) {
                min = min * 10 + (lo.v[i] - '0');
                if (min >= MAXREPEAT) too_big = true;
            }
        }
        if (!too_big && his->n) {
            max = 0;
            for (KrSsize i = 0; i < his->n && !too_big; i++) {
                max = max * 10 + (his->v[i] - '0');
                if (max >= MAXREPEAT) too_big = true;
            }
        }
        krMem_free(lo.v);
        krMem_free(hi.v);
        if (too_big) {
            krErr_set_string(p->ts, &KrExc_OverflowError, "the repetition number is too large");
            return -1;
        }
        if (max < min) return perr(p, tell(p) - here, "min repeat greater than max repeat");
    }
    KrSsize offset = tell(p) - here + tok_len(this);
    if (q->last_kind == ITEM_NONE || q->last_kind == ITEM_AT) return perr(p, offset, "nothing to repeat");
    if (q->last_kind == ITEM_REPEAT) return perr(p, offset, "multiple repeat");
    int kind = REP_MAX, r;
    if ((r = match(p, '?')) < 0) return -1;
    if (r) {
        kind = REP_MIN;
    } else {
        if ((r = match(p, '+')) < 0) return -1;
        if (r) kind = REP_POSSESSIVE;
    }
    if ((p->flags & KR_RE_TEMPLATE) && !p->template_op) p->template_op = kind;
    if (emit_repeat(p, q, min, max, kind) < 0) return -1;
    q->last_kind = ITEM_REPEAT;
    q->last.lo = sat_mul(q->last.lo, min);
    q->last.hi = sat_mul(q->last.hi, max);
    return 0;
}

// _parse_flags: after `(?` and the first flag character `c`.  Sets *global
// for `(?flags)`, else the scoped add/del masks.
static int flag_of(int32_t c) {
    switch (c) {
    case 'i': return KR_RE_IGNORECASE;
    case 'L': return KR_RE_LOCALE;
    case 'm': return KR_RE_MULTILINE;
    case 's': return KR_RE_DOTALL;
    case 'x': return KR_RE_VERBOSE;
    case 'a': return KR_RE_ASCII;
    case 't': return KR_RE_TEMPLATE;
    case 'u': return KR_RE_UNICODE;
    default: return 0;
    }
}

static bool is_alpha_tok(Tok t) {
    if (t.esc || t.c < 0) return false;
    uint32_t c = (uint32_t)t.c;
    return c < 128 ? ascii_letter((int32_t)c) : krUnicode_isalpha_slow(c);
}

static int parse_flags(Parser *p, Tok c, bool *global, int *add, int *del) {
    const int type_flags = KR_RE_ASCII | KR_RE_LOCALE | KR_RE_UNICODE;
    *add = *del = 0;
    *global = false;
    if (c.esc || c.c != '-') {
        for (;;) {
            int flag = flag_of(c.c);
            if (p->is_str && c.c == 'L')
                return perr(p, 0, "bad inline flags: cannot use 'L' flag with a str pattern");
            if (!p->is_str && c.c == 'u')
                return perr(p, 0, "bad inline flags: cannot use 'u' flag with a bytes pattern");
            *add |= flag;
            if ((flag & type_flags) && (*add & type_flags) != flag)
                return perr(p, 0, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            if (get(p, &c) < 0) return -1;
            if (c.c < 0) return perr(p, 0, "missing -, : or )");
            if (!c.esc && (c.c == ')' || c.c == '-' || c.c == ':')) break;
            if (c.esc || !flag_of(c.c))
                return perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing -, : or )");
        }
    }
    if (c.c == ')') {
        p->flags |= *add;
        *global = true;
        return 0;
    }
    if (*add & (KR_RE_DEBUG | KR_RE_TEMPLATE)) return perr(p, 1, "bad inline flags: cannot turn on global flag");
    if (c.c == '-') {
        if (get(p, &c) < 0) return -1;
        if (c.c < 0) return perr(p, 0, "missing flag");
        if (c.esc || !flag_of(c.c)) return perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing flag");
        for (;;) {
            int flag = flag_of(c.c);
            if (flag & type_flags) return perr(p, 0, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            *del |= flag;
            if (get(p, &c) < 0) return -1;
            if (c.c < 0) return perr(p, 0, "missing :");
            if (!c.esc && c.c == ':') break;
            if (c.esc || !flag_of(c.c)) return perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing :");
        }
    }
    if (*del & (KR_RE_DEBUG | KR_RE_TEMPLATE)) return perr(p, 1, "bad inline flags: cannot turn off global flag");
    if (*add & *del) return perr(p, 1, "bad inline flags: flag turned on and off");
    return 0;
}

// The `(?P...` forms.  *done is set when the construct is complete (a
// back reference), else *name receives the group name.
static int parse_p_extension(Parser *p, int flags, Seq *q, bool *done, KrObject **name,
                             KrSsize *name_len) {
    int r;
    *done = false;
    if ((r = match(p, '<')) < 0) return -1;
    if (r) {
        Cps s = {0};
        if (getuntil(p, &s, '>', "group name") < 0) {
            krMem_free(s.v);
            return -1;
        }
        *name = cps_str(p, &s);
        *name_len = s.n;
        krMem_free(s.v);
        if (!*name) return -1;
        return check_group_name(p, *name, *name_len, 1);
    }
    if ((r = match(p, '=')) < 0) return -1;
    if (r) {
        Cps s = {0};
        if (getuntil(p, &s, ')', "group name") < 0) {
            krMem_free(s.v);
            return -1;
        }
        KrSsize n = s.n;
        KrObject *nm = cps_str(p, &s);
        krMem_free(s.v);
        if (!nm) return -1;
        r = check_group_name(p, nm, n, 1);
        KrObject *gid = r < 0 ? NULL : krDict_get(p->ts, p->groupdict, nm);
        if (r == 0 && !gid) r = krErr_occurred(p->ts) ? -1 : perr_name(p, n + 1, "unknown group name ", nm);
        kr_decref(nm);
        if (r < 0) return -1;
        int g = (int)kr_smallint_value(gid);
        if (!check_group(p, g)) return perr(p, n + 1, "cannot refer to an open group");
        if (check_lookbehind_group(p, g) < 0) return -1;
        size_t at = p->size;
        if (emit_fmt(p, p->is_str && (flags & KR_RE_IGNORECASE) && !is_unicode(p, flags) ? "(?i:\\g{%d})" : "\\g{%d}",
                     g) < 0)
            return -1;
        seq_item(p, q, ITEM_OTHER, at, p->ngroups, p->gwidth[g]);
        *done = true;
        return 0;
    }
    Tok c;
    if (get(p, &c) < 0) return -1;
    if (c.c < 0) return perr(p, 0, "unexpected end of pattern");
    return perr_tok(p, tok_len(c) + 2, "unknown extension ?P", c, "");
}

// `(?(` condition `)` yes `|` no `)`.
static int parse_conditional(Parser *p, int flags, bool verbose, int nested, KrSsize start, Width *w) {
    Cps s = {0};
    if (getuntil(p, &s, ')', "group name") < 0) {
        krMem_free(s.v);
        return -1;
    }
    KrSsize n = s.n;
    KrObject *name = cps_str(p, &s);
    krMem_free(s.v);
    if (!name) return -1;
    int64_t gid;
    if (krStr_is_identifier(name)) {
        KrObject *g = krDict_get(p->ts, p->groupdict, name);
        if (!g) {
            int r = krErr_occurred(p->ts) ? -1 : perr_name(p, n + 1, "unknown group name ", name);
            kr_decref(name);
            return r;
        }
        gid = kr_smallint_value(g);
    } else {
        KrObject *num = krInt_from_str_object(p->ts, name, 10);
        if (!num || krInt_sign(num) < 0) {
            kr_xdecref(num);
            krErr_clear(p->ts);
            int r = perr_name(p, n + 1, "bad character in group name ", name);
            kr_decref(name);
            return r;
        }
        if (krInt_sign(num) == 0) {
            kr_decref(num);
            kr_decref(name);
            return perr(p, n + 1, "bad group number");
        }
        if (!krInt_to_i64(num, &gid) || gid >= KR_RE_MAXGROUPS) {
            KrStrBuilder sb;
            krSB_init(&sb);
            int r = krSB_append_cstr(p->ts, &sb, "invalid group reference ") < 0 ||
                            krSB_append_obj_str(p->ts, &sb, num) < 0
                        ? (krSB_discard(&sb), -1)
                        : raise_sb(p, &sb, tell(p) - (n + 1));
            kr_decref(num);
            kr_decref(name);
            return r;
        }
        kr_decref(num);
        bool seen = false;
        for (int i = 0; i < p->nrefpos; i++) seen |= p->refpos[i].gid == gid;
        if (!seen) {
            if (p->nrefpos == p->refcap) {
                int cap = p->refcap ? p->refcap * 2 : 8;
                GroupRefPos *v = krMem_realloc(p->refpos, (size_t)cap * sizeof(GroupRefPos));
                if (!v) {
                    kr_decref(name);
                    krErr_no_memory(p->ts);
                    return -1;
                }
                p->refpos = v;
                p->refcap = cap;
            }
            p->refpos[p->nrefpos++] = (GroupRefPos){(int)gid, tell(p) - n - 1};
        }
    }
    kr_decref(name);
    if (check_lookbehind_group(p, gid) < 0) return -1;
    if (emit_fmt(p, "(?(%d)", (int)gid) < 0) return -1;
    Width yes, no = {0, 0};
    if (parse_seq(p, flags, verbose, nested + 1, false, &yes) < 0) return -1;
    int has_no = match(p, '|');
    if (has_no < 0) return -1;
    if (has_no) {
        if (emit(p, "|") < 0 || parse_seq(p, flags, verbose, nested + 1, false, &no) < 0) return -1;
        if (next_is(p, '|')) return perr(p, 0, "conditional backref with more than two branches");
    }
    int r = match(p, ')');
    if (r < 0) return -1;
    if (!r) return perr(p, tell(p) - start, "missing ), unterminated subpattern");
    *w = yes;
    if (has_no) {
        if (no.lo < w->lo) w->lo = no.lo;
        if (no.hi > w->hi) w->hi = no.hi;
    } else {
        w->lo = 0;
    }
    return emit(p, ")");
}

// A look-ahead or look-behind after `(?=`, `(?!`, `(?<`.
static int parse_lookaround(Parser *p, int flags, bool verbose, int nested, KrSsize start, Tok c, Width *w) {
    bool behind = false;
    if (c.c == '<') {
        if (get(p, &c) < 0) return -1;
        if (c.c < 0) return perr(p, 0, "unexpected end of pattern");
        if (c.esc || (c.c != '=' && c.c != '!')) return perr_tok(p, tok_len(c) + 2, "unknown extension ?<", c, "");
        behind = true;
    }
    int saved = p->lookbehindgroups;
    if (behind && saved < 0) p->lookbehindgroups = p->ngroups;
    const char *open = behind ? (c.c == '=' ? "(?<=" : "(?<!") : (c.c == '=' ? "(?=" : "(?!");
    Width inner;
    if (emit(p, open) < 0 || parse_sub(p, flags, verbose, nested + 1, &inner) < 0) return -1;
    if (behind && saved < 0) p->lookbehindgroups = -1;
    int r = match(p, ')');
    if (r < 0) return -1;
    if (!r) return perr(p, tell(p) - start, "missing ), unterminated subpattern");
    if (behind && inner.lo != inner.hi) p->lookbehind_bad = true;
    w->lo = w->hi = 0;
    return emit(p, ")");
}

// Everything after `(`.
static int parse_group(Parser *p, int flags, bool verbose, int nested, bool first, Seq *q, bool *appended) {
    KrSsize start = tell(p) - 1;
    size_t at = p->size;
    int groups_before = p->ngroups;
    bool capture = true, atomic = false;
    KrObject *name = NULL;
    KrSsize name_len = 0;
    int add = 0, del = 0, r;
    Width w;
    *appended = true;
    if ((r = match(p, '?')) < 0) return -1;
    if (r) {
        Tok c;
        if (get(p, &c) < 0) return -1;
        if (c.c < 0) return perr(p, 0, "unexpected end of pattern");
        int32_t ch = c.esc ? -2 : c.c;
        if (ch == 'P') {
            bool done;
            if (parse_p_extension(p, flags, q, &done, &name, &name_len) < 0) {
                kr_xdecref(name);
                return -1;
            }
            if (done) return 0;
        } else if (ch == ':') {
            capture = false;
        } else if (ch == '#') {
            for (;;) {
                if (p->next.c < 0) return perr(p, tell(p) - start, "missing ), unterminated comment");
                Tok t;
                if (get(p, &t) < 0) return -1;
                if (!t.esc && t.c == ')') break;
            }
            *appended = false;
            return 0;
        } else if (ch == '=' || ch == '!' || ch == '<') {
            if (parse_lookaround(p, flags, verbose, nested, start, c, &w) < 0) return -1;
            seq_item(p, q, ITEM_OTHER, at, groups_before, w);
            return 0;
        } else if (ch == '(') {
            if (parse_conditional(p, flags, verbose, nested, start, &w) < 0) return -1;
            seq_item(p, q, ITEM_OTHER, at, groups_before, w);
            return 0;
        } else if (ch == '>') {
            capture = false;
            atomic = true;
        } else if (flag_of(ch) || ch == '-') {
            bool global;
            if (parse_flags(p, c, &global, &add, &del) < 0) return -1;
            if (global) {
                if (!first || q->last_kind != ITEM_NONE)
                    return perr(p, tell(p) - start, "global flags not at the start of the expression");
                *appended = false;
                return 0;
            }
            capture = false;
        } else {
            return perr_tok(p, tok_len(c) + 1, "unknown extension ?", c, "");
        }
    }
    int gid = 0, saved_cur = p->cur_group;
    if (capture) {
        r = open_group(p, name, name_len, &gid);
        kr_xdecref(name);
        if (r < 0) return -1;
        p->cur_group = gid;
    }
    int inner = combine_flags(flags, add, del);
    bool sub_verbose = (verbose || (add & KR_RE_VERBOSE)) && !(del & KR_RE_VERBOSE);
    int pf_out = pcre_flags(p, flags), pf_in = pcre_flags(p, inner);
    if (capture) {
        r = emit(p, "(");
    } else if (atomic) {
        r = emit(p, "(?>");
    } else {
        int on = pf_in & ~pf_out, off = pf_out & ~pf_in;
        char buf[16], *b = buf;
        *b++ = '(', *b++ = '?';
        if (on & PF_I) *b++ = 'i';
        if (on & PF_M) *b++ = 'm';
        if (on & PF_S) *b++ = 's';
        if (off) *b++ = '-';
        if (off & PF_I) *b++ = 'i';
        if (off & PF_M) *b++ = 'm';
        if (off & PF_S) *b++ = 's';
        *b++ = ':';
        r = emit_n(p, buf, (size_t)(b - buf));
    }
    if (r < 0 || parse_sub(p, inner, sub_verbose, nested + 1, &w) < 0) return -1;
    p->cur_group = saved_cur;
    if ((r = match(p, ')')) < 0) return -1;
    if (!r) return perr(p, tell(p) - start, "missing ), unterminated subpattern");
    if (capture) {
        p->gwidth[gid] = w;
        p->gclosed[gid] = true;
    }
    seq_item(p, q, ITEM_OTHER, at, groups_before, w);
    return emit(p, ")");
}

static bool is_space(int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// _parse: a sequence of items up to `|`, `)` or the end.
static int parse_seq(Parser *p, int flags, bool verbose, int nested, bool first, Width *w) {
    Seq q = {{0, 0}, {0, 0}, ITEM_NONE, 0, 0};
    if (krErr_enter_recursive_call(p->ts, " while parsing a regular expression") < 0) return -1;
    int r = 0;
    for (;;) {
        if (p->next.c < 0) break;
        if (!p->next.esc && (p->next.c == '|' || p->next.c == ')')) break;
        Tok this;
        if ((r = get(p, &this)) < 0) break;
        if (verbose && !this.esc) {
            if (is_space(this.c)) continue;
            if (this.c == '#') {
                for (;;) {
                    if ((r = get(p, &this)) < 0) break;
                    if (this.c < 0 || (!this.esc && this.c == '\n')) break;
                }
                if (r < 0) break;
                continue;
            }
        }
        size_t at = p->size;
        int groups_before = p->ngroups;
        if (this.esc) {
            Escape e;
            if ((r = escape(p, this, &e)) < 0) break;
            Width one = {1, 1}, zero = {0, 0};
            switch (e.kind) {
            case ESC_LITERAL: r = emit_literal(p, flags, e.value); break;
            case ESC_CATEGORY: r = emit_category(p, flags, (int)e.value); break;
            case ESC_AT: r = emit_at(p, flags, (int)e.value); break;
            default:
                r = emit_fmt(p, p->is_str && (flags & KR_RE_IGNORECASE) && !is_unicode(p, flags) ? "(?i:\\g{%u})"
                                                                                              : "\\g{%u}",
                             e.value);
                one = p->gwidth[e.value];
            }
            if (r < 0) break;
            seq_item(p, &q, e.kind == ESC_AT ? ITEM_AT : ITEM_OTHER, at, groups_before, e.kind == ESC_AT ? zero : one);
            continue;
        }
        uint32_t c = (uint32_t)this.c;
        if (c == '[') {
            if ((r = parse_class(p, flags)) < 0) break;
            seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
        } else if (c == '*' || c == '+' || c == '?' || c == '{') {
            bool literal;
            if ((r = parse_repeat(p, &q, this, &literal)) < 0) break;
            if (literal) {
                if ((r = emit_literal(p, flags, c)) < 0) break;
                seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
            }
        } else if (c == '.') {
            if ((r = emit(p, ".")) < 0) break;
            seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
        } else if (c == '(') {
            bool appended;
            if ((r = parse_group(p, flags, verbose, nested, first, &q, &appended)) < 0) break;
            // Global flags may have changed the verbose mode and the flags.
            if (!appended && first) {
                verbose = (p->flags & KR_RE_VERBOSE) != 0;
                flags = p->flags;
            }
        } else if (c == '^' || c == '$') {
            if ((r = emit_at(p, flags, c == '^' ? AT_BEGINNING : AT_END)) < 0) break;
            seq_item(p, &q, ITEM_AT, at, groups_before, (Width){0, 0});
        } else {
            if ((r = emit_literal(p, flags, c)) < 0) break;
            seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
        }
    }
    krErr_leave_recursive_call(p->ts);
    if (r < 0) return -1;
    Width total = q.acc;
    if (q.last_kind != ITEM_NONE) {
        total.lo = sat_add(total.lo, q.last.lo);
        total.hi = sat_add(total.hi, q.last.hi);
    }
    *w = width_cap(total);
    return 0;
}

// _parse_sub: alternatives separated by `|`.
static int parse_sub(Parser *p, int flags, bool verbose, int nested, Width *w) {
    Width lo_hi = {MAXREPEAT - 1, 0};
    int n = 0;
    for (;;) {
        Width iw;
        if (parse_seq(p, nested ? flags : p->flags, verbose, nested + 1, !nested && n == 0, &iw) < 0) return -1;
        if (iw.lo < lo_hi.lo) lo_hi.lo = iw.lo;
        if (iw.hi > lo_hi.hi) lo_hi.hi = iw.hi;
        if (n == 0) *w = iw;
        n++;
        int r = match(p, '|');
        if (r < 0) return -1;
        if (!r) break;
        if (emit(p, "|") < 0) return -1;
        if (!nested) verbose = (p->flags & KR_RE_VERBOSE) != 0;
    }
    if (n > 1) *w = width_cap(lo_hi);
    return 0;
}

// ---------------------------------------------------------------------------
// Entry point

static int fix_flags(Parser *p) {
    int f = p->flags;
    if (p->is_str) {
        if (f & KR_RE_LOCALE) {
            krErr_set_string(p->ts, &KrExc_ValueError, "cannot use LOCALE flag with a str pattern");
            return -1;
        }
        if (!(f & KR_RE_ASCII)) {
            f |= KR_RE_UNICODE;
        } else if (f & KR_RE_UNICODE) {
            krErr_set_string(p->ts, &KrExc_ValueError, "ASCII and UNICODE flags are incompatible");
            return -1;
        }
    } else {
        if (f & KR_RE_UNICODE) {
            krErr_set_string(p->ts, &KrExc_ValueError, "cannot use UNICODE flag with a bytes pattern");
            return -1;
        }
        if ((f & KR_RE_LOCALE) && (f & KR_RE_ASCII)) {
            krErr_set_string(p->ts, &KrExc_ValueError, "ASCII and LOCALE flags are incompatible");
            return -1;
        }
    }
    p->flags = f;
    return 0;
}

// Decodes the pattern into code points (bytes: one per byte).
static int load_source(Parser *p) {
    KrObject *pat = p->pattern;
    KrSsize n = p->is_str ? krStr_len(pat) : krBytes_size(pat);
    p->src = krMem_malloc((size_t)(n ? n : 1) * sizeof(uint32_t));
    if (!p->src) {
        krErr_no_memory(p->ts);
        return -1;
    }
    p->len = n;
    if (p->is_str) {
        const char *s = krStr_utf8(pat);
        for (KrSsize i = 0; i < n; i++) p->src[i] = krUtf8_decode(&s);
    } else {
        const unsigned char *b = (const unsigned char *)krBytes_data(pat);
        for (KrSsize i = 0; i < n; i++) p->src[i] = b[i];
    }
    return 0;
}

static int finish(Parser *p) {
    if (fix_flags(p) < 0) return -1;
    if (p->next.c >= 0) return perr(p, 0, "unbalanced parenthesis");
    for (int i = 0; i < p->nrefpos; i++) {
        if (p->refpos[i].gid >= p->ngroups) {
            KrObject *msg = krStr_from_format(p->ts, "invalid group reference %d", p->refpos[i].gid);
            if (!msg) return -1;
            krRe_raise(p->ts, msg, p->pattern, p->refpos[i].pos);
            kr_decref(msg);
            return -1;
        }
    }
    if (p->lookbehind_bad) {
        KrObject *msg = krStr_from_cstr(p->ts, "look-behind requires fixed-width pattern");
        if (msg) {
            krRe_raise(p->ts, msg, NULL, -1);
            kr_decref(msg);
        }
        return -1;
    }
    if (p->template_op) {
        static const char *const names[] = {"", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"};
        KrObject *msg = krStr_from_format(p->ts, "internal: unsupported template operator %s", names[p->template_op]);
        if (msg) {
            krRe_raise(p->ts, msg, NULL, -1);
            kr_decref(msg);
        }
        return -1;
    }
    return 0;
}

int krRe_translate(KrThreadState *ts, KrObject *pattern, int flags, KrReTranslation *out) {
    Parser p;
    memset(&p, 0, sizeof p);
    memset(out, 0, sizeof *out);
    p.ts = ts;
    p.pattern = pattern;
    p.is_str = krStr_check(pattern);
    p.map_surrogates = (flags & KR_RE_MAP_SURROGATES) != 0;
    flags &= ~KR_RE_MAP_SURROGATES;
    p.flags = flags;
    p.lookbehindgroups = -1;
    int gid0, r = -1;
    p.groupdict = krDict_new(ts);
    if (!p.groupdict || load_source(&p) < 0 || open_group(&p, NULL, 0, &gid0) < 0) goto done;
    p.gclosed[0] = false;
    Width w;
    if (advance(&p) < 0 || parse_sub(&p, flags, (flags & KR_RE_VERBOSE) != 0, 0, &w) < 0 || finish(&p) < 0)
        goto done;
    if (emit(&p, "") < 0) goto done;
    uint32_t opt = PCRE2_ALT_CIRCUMFLEX;
    if (p.is_str) opt |= PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    if (global_unicode(&p)) opt |= PCRE2_UCP;
    int pf = pcre_flags(&p, p.flags);
    if (pf & PF_I) opt |= PCRE2_CASELESS;
    if (pf & PF_M) opt |= PCRE2_MULTILINE;
    if (pf & PF_S) opt |= PCRE2_DOTALL;
    out->text = p.out;
    out->size = p.size;
    p.out = NULL;
    out->flags = p.flags | flags;
    out->groups = p.ngroups - 1;
    out->groupindex = p.groupdict;
    p.groupdict = NULL;
    out->gparent = p.gparent;
    p.gparent = NULL;
    out->options = opt;
    r = 0;
done:
    krMem_free(p.src);
    krMem_free(p.out);
    krMem_free(p.gwidth);
    krMem_free(p.gclosed);
    krMem_free(p.gparent);
    krMem_free(p.refpos);
    kr_xdecref(p.groupdict);
    return r;
}

void krRe_translation_clear(KrReTranslation *t) {
    krMem_free(t->text);
    krMem_free(t->gparent);
    kr_xdecref(t->groupindex);
    memset(t, 0, sizeof *t);
}
