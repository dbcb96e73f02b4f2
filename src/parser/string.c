/*
 * string.c — string and bytes literals: prefixes, escape sequences,
 * implicit concatenation, and f-strings (Python 3.11's f-string rules).
 *
 * Adjacent STRING tokens form one atom.  Without f-strings it is a single
 * Constant; with any, it is a JoinedStr whose literal pieces are merged and
 * whose replacement fields are FormattedValue nodes.  As in CPython 3.11, all
 * the nodes an atom produces share the atom's position, except the
 * expressions inside replacement fields: those are parsed by a nested parser
 * over "(expression)" whose token positions are shifted to where the
 * expression sits in the source.
 */
#include "parser/parse_expr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/decode.h"
#include "modules/unicodedata.h"

// A growable byte buffer in the arena.
typedef struct { char *data; size_t len, cap; } Buf;

static int buf_reserve(KrParser *p, Buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    char *d = krArena_alloc(p->arena, cap);
    if (!d) {
        krParse_nomem(p);
        return -1;
    }
    if (b->len) memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
    return 0;
}

static int buf_add(KrParser *p, Buf *b, const char *s, size_t n) {
    if (buf_reserve(p, b, n) < 0) return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

typedef struct {
    int raw, bytes, fstring, unicode;
    const char *body, *end;     // between the quotes
} Literal;

static void split_literal(const KrToken *t, Literal *lit) {
    const char *s = t->start;
    memset(lit, 0, sizeof *lit);
    for (; *s != '\'' && *s != '"'; s++) {
        switch (*s) {
        case 'r': case 'R': lit->raw = 1; break;
        case 'b': case 'B': lit->bytes = 1; break;
        case 'f': case 'F': lit->fstring = 1; break;
        case 'u': case 'U': lit->unicode = 1; break;
        default: break;
        }
    }
    int q = (t->end - s >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    lit->body = s + q;
    lit->end = t->end - q;
}

// ---------------------------------------------------------------------------
// Escape sequences

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Character names for \N{...} come from the unicodedata module's table; it
// has no aliases, so a few common ones are listed here.
static const struct { const char *name; unsigned cp; } char_names[] = {
    {"BULLET", 0x2022}, {"COPYRIGHT SIGN", 0xA9}, {"DEGREE SIGN", 0xB0},
    {"EM DASH", 0x2014}, {"EN DASH", 0x2013}, {"EURO SIGN", 0x20AC},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"HORIZONTAL ELLIPSIS", 0x2026}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB}, {"LINE FEED", 0x0A},
    {"NO-BREAK SPACE", 0xA0}, {"NULL", 0}, {"POUND SIGN", 0xA3},
    {"REPLACEMENT CHARACTER", 0xFFFD}, {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"SNOWMAN", 0x2603}, {"SPACE", 0x20}, {"TAB", 0x09}, {"CHARACTER TABULATION", 0x09},
    {"ZERO WIDTH SPACE", 0x200B}, {"BLACK STAR", 0x2605}, {"CHECK MARK", 0x2713},
    {"GRINNING FACE", 0x1F600}, {"LATIN CAPITAL LETTER A", 0x41}, {"DIGIT ZERO", 0x30},
    {"MULTIPLICATION SIGN", 0xD7}, {"DIVISION SIGN", 0xF7}, {"INFINITY", 0x221E},
};

static int lookup_name(const char *s, size_t n, unsigned *cp) {
    uint32_t found;
    if (krUnicodeData_lookup(s, n, &found)) {
        *cp = found;
        return 1;
    }
    // Not a character name: maybe one of the aliases above.
    for (size_t i = 0; i < sizeof char_names / sizeof char_names[0]; i++) {
        const char *name = char_names[i].name;
        if (strlen(name) != n) continue;
        size_t j;
        for (j = 0; j < n; j++) {
            char c = s[j];
            if (c >= 'a' && c <= 'z') c = (char)(c - 32);
            if (c != name[j]) break;
        }
        if (j == n) {
            *cp = char_names[i].cp;
            return 1;
        }
    }
    return 0;
}

static void *unicode_error(KrParser *p, size_t start, size_t end, const char *what) {
    return krParse_error_last(p, KR_SYNERR_SYNTAX,
                              "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                              start, end, what);
}

// Decodes the escape at `s` (just after the backslash) into `out`.  Returns
// the pointer after it, or NULL after raising.
static const char *escape(KrParser *p, const char *body, const char *s, const char *end,
                          int bytes, Buf *out) {
    size_t at = (size_t)(s - 1 - body);
    char c = *s++;
    char tmp[4];
    unsigned v;
    switch (c) {
    case '\n': return s;
    case '\\': case '\'': case '"': return buf_add(p, out, &c, 1) < 0 ? NULL : s;
    case 'a': c = '\a'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'v': c = '\v'; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = (unsigned)(c - '0');
        for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) v = v * 8 + (unsigned)(*s++ - '0');
        if (bytes) {
            tmp[0] = (char)(v & 0xFF);
            return buf_add(p, out, tmp, 1) < 0 ? NULL : s;
        }
        return buf_add(p, out, tmp, (size_t)krLex_utf8_encode(v, tmp)) < 0 ? NULL : s;
    case 'x': case 'u': case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (bytes && c != 'x') goto unknown;
        v = 0;
        for (int i = 0; i < n; i++) {
            int h = s < end ? hexval(*s) : -1;
            if (h < 0) {
                if (bytes) return krParse_error_last(p, KR_SYNERR_SYNTAX,
                                                     "(value error) invalid \\x escape at position %zu", at);
                return unicode_error(p, at, (size_t)(s - body) - 1,
                                     c == 'x' ? "truncated \\xXX escape" :
                                     c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
            }
            v = v * 16 + (unsigned)h;
            s++;
        }
        if (bytes) {
            tmp[0] = (char)v;
            return buf_add(p, out, tmp, 1) < 0 ? NULL : s;
        }
        if (v > 0x10FFFF) return unicode_error(p, at, (size_t)(s - body) - 1, "illegal Unicode character");
        return buf_add(p, out, tmp, (size_t)krLex_utf8_encode(v, tmp)) < 0 ? NULL : s;
    }
    case 'N': {
        if (bytes) goto unknown;
        const char *close = s < end && *s == '{' ? memchr(s, '}', (size_t)(end - s)) : NULL;
        if (!close || !lookup_name(s + 1, (size_t)(close - s - 1), &v))
            return unicode_error(p, at, close ? (size_t)(close - body) : (size_t)(s - body) - 1,
                                 close ? "unknown Unicode character name" : "malformed \\N character escape");
        return buf_add(p, out, tmp, (size_t)krLex_utf8_encode(v, tmp)) < 0 ? NULL : close + 1;
    }
    default:
    unknown:
        // An unknown escape keeps its backslash (CPython warns about it).
        if (buf_add(p, out, "\\", 1) < 0) return NULL;
        return s - 1;
    }
    return buf_add(p, out, &c, 1) < 0 ? NULL : s;
}

// Appends the decoded text of [s, end) to `out`.
static int decode(KrParser *p, const Literal *lit, const char *s, const char *end, Buf *out) {
    if (lit->bytes) {
        for (const char *q = s; q < end; q++) {
            if ((unsigned char)*q >= 0x80)
                return krParse_error_last(p, KR_SYNERR_SYNTAX, "bytes can only contain ASCII literal characters"),
                       -1;
        }
    }
    if (lit->raw) return buf_add(p, out, s, (size_t)(end - s));
    while (s < end) {
        const char *bs = memchr(s, '\\', (size_t)(end - s));
        const char *stop = bs ? bs : end;
        if (buf_add(p, out, s, (size_t)(stop - s)) < 0) return -1;
        if (!bs) break;
        if (bs + 1 >= end) {
            if (buf_add(p, out, "\\", 1) < 0) return -1;
            break;
        }
        s = escape(p, lit->body, bs + 1, end, lit->bytes, out);
        if (!s) return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Building the atom

typedef struct {
    KrParser *p;
    KrPos pos;            // the whole atom
    KrVec values;         // JoinedStr parts
    Buf lit;              // pending literal text
    int has_lit;
} Parts;

static KrAstExpr *str_constant(KrParser *p, KrPos pos, Buf *b, KrAstConstantKind kind) {
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_Constant, pos);
    if (!e) return NULL;
    e->v.Constant.value.kind = kind;
    if (!b->data && buf_reserve(p, b, 0) < 0) return NULL;
    e->v.Constant.value.data = b->data;
    e->v.Constant.value.len = b->len;
    return e;
}

static int flush_literal(Parts *pt) {
    if (pt->lit.len == 0) return 0;
    KrAstExpr *c = str_constant(pt->p, pt->pos, &pt->lit, KR_CONST_STR);
    pt->lit = (Buf){0};
    return c ? krVec_push(pt->p, &pt->values, c) : -1;
}

static int fstring_body(KrParser *p, Parts *pt, const KrToken *t, const Literal *lit,
                        const char **sp, const char *end, int depth);

// Parses the expression text [s, e) of a replacement field of token `t`
// with a nested parser, positioned where it sits in the source.
static KrAstExpr *field_expression(KrParser *p, const KrToken *t, const char *brace,
                                   const char *s, const char *e) {
    size_t len = (size_t)(e - s);
    char *src = malloc(len + 3);
    if (!src) return krParse_nomem(p);
    src[0] = '(';
    memcpy(src + 1, s, len);
    src[len + 1] = ')';
    src[len + 2] = '\0';
    // Where the nested text starts: CPython counts the lines of the token
    // before the brace, and the columns from the start of the brace's line.
    int lines = 0, cols = 0;
    const char *q = brace + 1;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
    if (q >= e || *q != '\n') {
        const char *ls = brace;
        while (ls > t->start && *ls != '\n') ls--;
        cols = (int)(brace - ls) - (*ls == '\n');
    }
    for (const char *c = t->start; c < brace; c++) lines += *c == '\n';
    // The token's own column counts only when the brace is on its first line.
    KrAstExpr *r = krParse_fstring_expr(p, src, len + 2, t->lineno + lines - 1,
                                        lines ? cols : t->col_offset + cols);
    free(src);
    return r;
}

// Scans a replacement field's expression from `s` (after '{').  Returns its
// end (at '!', ':', '=', or '}' at nesting level 0), or NULL after raising.
static const char *scan_expression(KrParser *p, const char *s, const char *end) {
    char stack[200];
    int depth = 0;
    char quote = 0;
    int triple = 0;
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\') return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote && (!triple || (end - s >= 3 && s[1] == quote && s[2] == quote))) {
                if (triple) s += 2;
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = end - s >= 3 && s[1] == c && s[2] == c;
            if (triple) s += 2;
        } else if (c == '[' || c == '(' || c == '{') {
            if (depth >= 200) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: too many nested parenthesis");
            stack[depth++] = c;
        } else if (c == '#') {
            return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (c == '!' || c == '=' || c == '<' || c == '>') && s + 1 < end && s[1] == '=') {
            s++;
        } else if (depth == 0 && (c == '!' || c == ':' || c == '}' || c == '=')) {
            return s;
        } else if (c == ']' || c == ')' || c == '}') {
            if (!depth) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: unmatched '%c'", c);
            char open = stack[--depth];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')))
                return krParse_error_last(p, KR_SYNERR_SYNTAX,
                                          "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                                          c, open);
        }
    }
    if (quote) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: unterminated string");
    if (depth) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: unmatched '%c'", stack[depth - 1]);
    return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: expecting '}'");
}

// One replacement field, `*sp` just after its '{'.
static int replacement_field(KrParser *p, Parts *pt, const KrToken *t, const Literal *lit,
                             const char **sp, const char *end, int depth) {
    const char *brace = *sp - 1, *s = *sp;
    if (depth >= 2) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: expressions nested too deeply"), -1;
    const char *e = scan_expression(p, s, end);
    if (!e) return -1;
    const char *q = s;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\n' || *q == '\r')) q++;
    if (q == e) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: empty expression not allowed"), -1;
    KrAstExpr *value = field_expression(p, t, brace, s, e);
    if (!value) return -1;
    s = e;
    int conversion = -1, debug = 0;
    if (*s == '=') {
        debug = 1;
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r' || *s == '\v')) s++;
        if (buf_add(p, &pt->lit, *sp, (size_t)(s - *sp)) < 0) return -1;
    }
    if (s < end && *s == '!') {
        s++;
        if (s >= end) return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: expecting '}'"), -1;
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return krParse_error_last(p, KR_SYNERR_SYNTAX,
                                      "f-string: invalid conversion character: expected 's', 'r', or 'a'"), -1;
    }
    KrAstExpr *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        // A format spec is located at its own token, not the whole atom.
        Parts inner = {p, krPos_tok(t), {0}, {0}, 0};
        if (fstring_body(p, &inner, t, lit, &s, end, depth + 1) < 0 || flush_literal(&inner) < 0) return -1;
        spec = krParse_expr_node(p, KR_EXPR_JoinedStr, inner.pos);
        if (!spec) return -1;
        spec->v.JoinedStr.values = krVec_seq(p, &inner.values);
    }
    if (s >= end || *s != '}') return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: expecting '}'"), -1;
    *sp = s + 1;
    if (debug && conversion == -1 && !spec) conversion = 'r';
    if (flush_literal(pt) < 0) return -1;
    KrAstExpr *fv = krParse_expr_node(p, KR_EXPR_FormattedValue, pt->pos);
    if (!fv) return -1;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return krVec_push(p, &pt->values, fv);
}

// The literal text and replacement fields from `*sp`; at depth > 0 (a format
// spec) it stops before the '}' that closes the field.
static int fstring_body(KrParser *p, Parts *pt, const KrToken *t, const Literal *lit,
                        const char **sp, const char *end, int depth) {
    const char *s = *sp;
    while (s < end) {
        const char *q = s;
        while (q < end && *q != '{' && *q != '}') {
            // \N{...} is an escape, not a field.
            if (!lit->raw && *q == '\\' && q + 2 < end && q[1] == 'N' && q[2] == '{') {
                const char *close = memchr(q, '}', (size_t)(end - q));
                q = close ? close + 1 : end;
                continue;
            }
            q++;
        }
        if (decode(p, lit, s, q, &pt->lit) < 0) return -1;
        s = q;
        if (s >= end) break;
        if (*s == '}') {
            if (depth > 0) break;
            if (s + 1 < end && s[1] == '}') {
                if (buf_add(p, &pt->lit, "}", 1) < 0) return -1;
                s += 2;
                continue;
            }
            return krParse_error_last(p, KR_SYNERR_SYNTAX, "f-string: single '}' is not allowed"), -1;
        }
        if (s + 1 < end && s[1] == '{' && depth == 0) {
            if (buf_add(p, &pt->lit, "{", 1) < 0) return -1;
            s += 2;
            continue;
        }
        s++;
        if (replacement_field(p, pt, t, lit, &s, end, depth) < 0) return -1;
    }
    *sp = s;
    return 0;
}

// strings: STRING+
KrAstExpr *krParse_strings(KrParser *p) {
    int first = p->pos;
    while (krParse_at(p, KR_TOK_STRING)) p->pos++;
    int ntok = p->pos - first;
    if (ntok == 0) return NULL;
    KrToken *small[64] = {0}, **tp = small;
    if (ntok > 64 && !(tp = krArena_alloc(p->arena, (size_t)ntok * sizeof *tp))) return krParse_nomem(p);
    for (int i = 0; i < ntok; i++) tp[i] = krParse_tok(p, first + i);
    Parts pt = {p, krParse_span_from(p, tp[0]), {0}, {0}, 0};
    Literal lit;
    int bytes = 0, fstring = 0;
    for (int i = 0; i < ntok; i++) {
        split_literal(tp[i], &lit);
        if (i && lit.bytes != bytes)
            return krParse_error_last(p, KR_SYNERR_SYNTAX, "cannot mix bytes and nonbytes literals");
        bytes = lit.bytes;
        fstring |= lit.fstring;
    }
    for (int i = 0; i < ntok; i++) {
        KrToken t = *tp[i];
        split_literal(&t, &lit);
        if (lit.bytes) {
            for (const char *q = lit.body; q < lit.end; q++)
                if ((unsigned char)*q >= 0x80)
                    return krParse_error_node(p, krPos_tok(&t), "bytes can only contain ASCII literal characters");
        }
        if (lit.fstring) {
            const char *s = lit.body;
            if (fstring_body(p, &pt, &t, &lit, &s, lit.end, 0) < 0) return NULL;
        } else if (decode(p, &lit, lit.body, lit.end, &pt.lit) < 0) {
            return NULL;
        }
    }
    split_literal(tp[0], &lit);
    if (!fstring) {
        KrAstExpr *e = str_constant(p, pt.pos, &pt.lit, bytes ? KR_CONST_BYTES : KR_CONST_STR);
        if (e && lit.unicode) e->v.Constant.kind = krParse_intern(p, "u", 1);
        return e;
    }
    if (flush_literal(&pt) < 0) return NULL;
    KrAstExpr *e = krParse_expr_node(p, KR_EXPR_JoinedStr, pt.pos);
    if (e) e->v.JoinedStr.values = krVec_seq(p, &pt.values);
    return e;
}
