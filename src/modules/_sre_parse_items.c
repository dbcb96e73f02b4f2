/*
 * _sre_parse_items.c — the translator's single items: literals (with the case
 * folds PCRE2 lacks and the lone-surrogate rules), the categories \d \s \w
 * in Unicode and ASCII modes, anchors, escapes (with re's messages), and
 * character classes.
 *
 * Related: _sre_parse.h, _sre_parse.c (sequences, groups, repeats).
 */
#include <stdio.h>

#include "modules/_sre_parse.h"
#include "objects/unicode.h"

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

int krReParse_emit_literal(Parser *p, int flags, uint32_t c) {
    if (p->is_str && is_surrogate(c))
        return p->map_surrogates ? krReParse_emit_char(p, c + SURROGATE_SHIFT) : krReParse_emit(p, "(?!)");
    if (p->is_str && (flags & KR_RE_IGNORECASE)) {
        if (!is_unicode(p, flags)) {
            if (ascii_letter((int32_t)c)) return krReParse_emit_fmt(p, "[%c%c]", (char)c, (char)(c ^ 0x20));
        } else {
            int g = fold_group_of(c);
            if (g >= 0) {
                if (krReParse_emit(p, "[") < 0) return -1;
                for (int k = 0; fold_groups[g][k]; k++)
                    if (krReParse_emit_char(p, fold_groups[g][k]) < 0) return -1;
                return krReParse_emit(p, "]");
            }
        }
    }
    return krReParse_emit_char(p, c);
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
        if (krReParse_emit_char(p, lo) < 0) return -1;
        if (hi != lo && (krReParse_emit(p, "-") < 0 || krReParse_emit_char(p, hi) < 0)) return -1;
    }
    if (complement && from <= maxc) {
        if (krReParse_emit_char(p, from) < 0) return -1;
        if (from != maxc && (krReParse_emit(p, "-") < 0 || krReParse_emit_char(p, maxc) < 0)) return -1;
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
        if (native) return krReParse_emit(p, neg ? "\\D" : "\\d");
        if (uni) return krReParse_emit(p, neg ? "\\P{Nd}" : "\\p{Nd}");
        return emit_ranges(p, ascii_digit, 1, neg, maxc);
    case CAT_WORD: case CAT_NOT_WORD:
        if (native) return krReParse_emit(p, neg ? "\\W" : "\\w");
        if (uni) return krReParse_emit(p, neg ? "\\P{Xwd}" : "\\p{Xwd}");
        return emit_ranges(p, ascii_word, 4, neg, maxc);
    default:
        if (uni) return emit_ranges(p, uni_space, (int)(sizeof uni_space / sizeof uni_space[0]), neg, maxc);
        return emit_ranges(p, ascii_space, 2, neg, maxc);
    }
}

int krReParse_emit_category(Parser *p, int flags, int cat) {
    // \d and \w are atoms of their own; explicit ranges need brackets.
    bool explicit = cat == CAT_SPACE || cat == CAT_NOT_SPACE || (is_unicode(p, flags) != global_unicode(p) &&
                                                                 !is_unicode(p, flags));
    if (!explicit) return emit_category_body(p, flags, cat);
    if (krReParse_emit(p, "[") < 0 || emit_category_body(p, flags, cat) < 0) return -1;
    return krReParse_emit(p, "]");
}

int krReParse_emit_at(Parser *p, int flags, int at) {
    switch (at) {
    case AT_BEGINNING: return krReParse_emit(p, "^");
    case AT_END: return krReParse_emit(p, "$");
    case AT_BEGINNING_STRING: return krReParse_emit(p, "\\A");
    case AT_END_STRING: return krReParse_emit(p, "\\z");
    default: break;
    }
    // Python's \B never matches in an empty subject.
    if (at == AT_NON_BOUNDARY && krReParse_emit(p, "(?:(?!\\A\\z)") < 0) return -1;
    bool uni = is_unicode(p, flags);
    if (uni == global_unicode(p)) {
        if (krReParse_emit(p, at == AT_BOUNDARY ? "\\b" : "\\B") < 0) return -1;
    } else {
        const char *w = uni ? "[\\p{Xwd}]" : "[A-Za-z0-9_]";
        char buf[160];
        if (at == AT_BOUNDARY)
            snprintf(buf, sizeof buf, "(?:(?<=%s)(?!%s)|(?<!%s)(?=%s))", w, w, w, w);
        else
            snprintf(buf, sizeof buf, "(?:(?<=%s)(?=%s)|(?<!%s)(?!%s))", w, w, w, w);
        if (krReParse_emit(p, buf) < 0) return -1;
    }
    return at == AT_NON_BOUNDARY ? krReParse_emit(p, ")") : 0;
}

// ---------------------------------------------------------------------------
// Escapes

static int parse_name_escape(Parser *p, Cps *esc, Escape *out) {
    // \N{NAME}
    int r = krReParse_match(p, '{');
    if (r < 0) return -1;
    if (!r) return krReParse_perr(p, 0, "missing {");
    Cps name = {0};
    if (krReParse_getuntil(p, &name, '}', "character name") < 0) {
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
        KrObject *s = krReParse_cps_str(p, &name);
        KrSsize n = name.n;
        krMem_free(name.v);
        if (!s) return -1;
        krReParse_perr_name(p, n + 4, "undefined character name ", s);
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
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || krReParse_sb_cps(p->ts, &sb, s->v, s->n) < 0 ||
        krSB_append_cstr(p->ts, &sb, suffix) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return krReParse_raise_sb(p, &sb, tell(p) - offset);
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
    if (krReParse_getwhile(p, esc, ndigits, is_hexdigit) < 0) return -1;
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
    int r = krReParse_cps_add(p, &esc, '\\') < 0 || krReParse_cps_add(p, &esc, c) < 0 ? -1 : parse_hex_escape(p, &esc, c, out);
    if (r == 0) {
        if (is_octdigit((int32_t)c)) {
            r = krReParse_getwhile(p, &esc, 2, is_octdigit);
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
        if (krReParse_getwhile(p, esc, 2, is_octdigit) < 0) return -1;
        out->kind = ESC_LITERAL;
        out->value = oct_value(esc, 1);
        return 0;
    }
    if (!p->next.esc && is_digit(p->next.c)) {
        Tok t;
        if (krReParse_get(p, &t) < 0 || krReParse_cps_add(p, esc, (uint32_t)t.c) < 0) return -1;
        if (is_octdigit((int32_t)esc->v[1]) && is_octdigit((int32_t)esc->v[2]) && !p->next.esc &&
            is_octdigit(p->next.c)) {
            if (krReParse_get(p, &t) < 0 || krReParse_cps_add(p, esc, (uint32_t)t.c) < 0) return -1;
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
        if (!krReParse_check_group(p, group)) return krReParse_perr(p, esc->n, "cannot refer to an open group");
        if (krReParse_check_lookbehind_group(p, group) < 0) return -1;
        out->kind = ESC_GROUPREF;
        out->value = (uint32_t)group;
        return 0;
    }
    return krReParse_perr(p, esc->n - 1, "invalid group reference %d", group);
}

// An escape outside a class.
int krReParse_escape(Parser *p, Tok tok, Escape *out) {
    uint32_t c = (uint32_t)tok.c;
    int at = at_of(c), cat = category_of(c), v = simple_escape(c);
    if (at >= 0 || cat >= 0 || v >= 0) {
        out->kind = at >= 0 ? ESC_AT : cat >= 0 ? ESC_CATEGORY : ESC_LITERAL;
        out->value = (uint32_t)(at >= 0 ? at : cat >= 0 ? cat : v);
        return 0;
    }
    Cps esc = {0};
    int r = krReParse_cps_add(p, &esc, '\\') < 0 || krReParse_cps_add(p, &esc, c) < 0 ? -1 : parse_hex_escape(p, &esc, c, out);
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
        if (krReParse_emit_char(p, a + SURROGATE_SHIFT) < 0) return -1;
        return a == b ? 0 : krReParse_emit(p, "-") < 0 ? -1 : krReParse_emit_char(p, b + SURROGATE_SHIFT);
    }
    if (krReParse_emit_char(p, lo) < 0) return -1;
    if (hi != lo && (krReParse_emit(p, "-") < 0 || krReParse_emit_char(p, hi) < 0)) return -1;
    return 0;
}

static int emit_class(Parser *p, int flags, const ClassItems *s, bool negate) {
    int usable = 0;
    for (int i = 0; i < s->n; i++)
        usable += s->v[i].is_cat || !p->is_str || p->map_surrogates ||
                  !(s->v[i].lo >= 0xd800 && s->v[i].hi <= 0xdfff);
    if (!usable) return krReParse_emit(p, negate ? "(?s:.)" : "(?!)");
    if (krReParse_emit(p, negate ? "[^" : "[") < 0) return -1;
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
                if (krReParse_emit_char(p, fold_groups[g][k]) < 0) return -1;
    return krReParse_emit(p, "]");
}

int krReParse_parse_class(Parser *p, int flags) {
    KrSsize here = tell(p) - 1;
    ClassItems set = {0};
    int r = krReParse_match(p, '^');
    bool negate = r == 1;
    while (r >= 0) {
        Tok this, that;
        Escape code1 = {ESC_LITERAL, 0}, code2 = {ESC_LITERAL, 0};
        if ((r = krReParse_get(p, &this)) < 0) break;
        if (this.c < 0) {
            r = krReParse_perr(p, tell(p) - here, "unterminated character set");
            break;
        }
        if (!this.esc && this.c == ']' && set.n) break;
        if (this.esc) {
            if ((r = class_escape(p, this, &code1)) < 0) break;
        } else {
            code1.value = (uint32_t)this.c;
        }
        if ((r = krReParse_match(p, '-')) < 0) break;
        if (r == 0) {
            r = class_add(p, &set, code1.kind == ESC_CATEGORY, code1.value, code1.value);
            continue;
        }
        if ((r = krReParse_get(p, &that)) < 0) break;
        if (that.c < 0) {
            r = krReParse_perr(p, tell(p) - here, "unterminated character set");
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
            if (krSB_append_cstr(p->ts, &sb, "bad character range ") < 0 || krReParse_sb_tok(p->ts, &sb, this) < 0 ||
                krSB_append_char(p->ts, &sb, '-') < 0 || krReParse_sb_tok(p->ts, &sb, that) < 0) {
                krSB_discard(&sb);
                r = -1;
                break;
            }
            r = krReParse_raise_sb(p, &sb, tell(p) - (tok_len(this) + 1 + tok_len(that)));
            break;
        }
        r = class_add(p, &set, false, code1.value, code2.value);
    }
    if (r >= 0) r = emit_class(p, flags, &set, negate);
    krMem_free(set.v);
    return r < 0 ? -1 : 0;
}

