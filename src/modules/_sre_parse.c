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
 * Related: _sre_parse.h, _sre_parse_items.c (literals, escapes, classes),
 * _sre.h, _sre.c (compiles the result), _sre_names.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "modules/_sre_parse.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/unicode.h"

#define MAXREPEAT ((uint64_t)KR_RE_MAXREPEAT)
#define PCRE_MAX_REPEAT 65535u

// ---------------------------------------------------------------------------
// Output and width arithmetic

int krReParse_emit_n(Parser *p, const char *s, size_t n) {
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

int krReParse_emit(Parser *p, const char *s) { return krReParse_emit_n(p, s, strlen(s)); }

int krReParse_emit_fmt(Parser *p, const char *fmt, ...) {
    char buf[64];
    va_list va;
    va_start(va, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    return krReParse_emit_n(p, buf, (size_t)n);
}

// One character as a PCRE2 atom (also valid inside a class).
int krReParse_emit_char(Parser *p, uint32_t c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        char ch = (char)c;
        return krReParse_emit_n(p, &ch, 1);
    }
    if (c > 0x20 && c < 0x7f) {
        char b[2] = {'\\', (char)c};
        return krReParse_emit_n(p, b, 2);
    }
    return krReParse_emit_fmt(p, "\\x{%x}", c);
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



// Raises re.error(msg, pattern, pos) with the builder's text (consumed).
// For bytes patterns the message is ASCII with backslash escapes, as re does.
int krReParse_raise_sb(Parser *p, KrStrBuilder *sb, KrSsize pos) {
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
int krReParse_perr(Parser *p, KrSsize offset, const char *fmt, ...) {
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
    return krReParse_raise_sb(p, &sb, tell(p) - offset);
}

int krReParse_sb_tok(KrThreadState *ts, KrStrBuilder *sb, Tok t) {
    if (t.esc && krSB_append_char(ts, sb, '\\') < 0) return -1;
    return krSB_append_char(ts, sb, (uint32_t)t.c);
}

int krReParse_sb_cps(KrThreadState *ts, KrStrBuilder *sb, const uint32_t *cps, KrSsize n) {
    for (KrSsize i = 0; i < n; i++)
        if (krSB_append_char(ts, sb, cps[i]) < 0) return -1;
    return 0;
}

// error(prefix + token text + suffix) at tell() - offset.
static int perr_tok(Parser *p, KrSsize offset, const char *prefix, Tok t, const char *suffix) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || krReParse_sb_tok(p->ts, &sb, t) < 0 ||
        krSB_append_cstr(p->ts, &sb, suffix) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return krReParse_raise_sb(p, &sb, tell(p) - offset);
}

// error(prefix + repr(name)) at tell() - offset.
int krReParse_perr_name(Parser *p, KrSsize offset, const char *prefix, KrObject *name) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krSB_append_cstr(p->ts, &sb, prefix) < 0 || krSB_append_obj_repr(p->ts, &sb, name) < 0) {
        krSB_discard(&sb);
        return -1;
    }
    return krReParse_raise_sb(p, &sb, tell(p) - offset);
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
int krReParse_get(Parser *p, Tok *t) {
    *t = p->next;
    return advance(p);
}

static bool next_is(Parser *p, int32_t c) { return !p->next.esc && p->next.c == c; }

// source.match(c): 1 when consumed, 0 when not, -1 on error.
int krReParse_match(Parser *p, int32_t c) {
    if (!next_is(p, c)) return 0;
    return advance(p) < 0 ? -1 : 1;
}

static int seek(Parser *p, KrSsize index) {
    p->index = index;
    return advance(p);
}


int krReParse_cps_add(Parser *p, Cps *s, uint32_t c) {
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
    if (t.esc && krReParse_cps_add(p, s, '\\') < 0) return -1;
    return krReParse_cps_add(p, s, (uint32_t)t.c);
}

// krReParse_getwhile(n, charset): appends up to n plain characters satisfying `pred`.
int krReParse_getwhile(Parser *p, Cps *s, int n, bool (*pred)(int32_t)) {
    for (int i = 0; i < n; i++) {
        if (p->next.esc || p->next.c < 0 || !pred(p->next.c)) break;
        if (krReParse_cps_add(p, s, (uint32_t)p->next.c) < 0 || advance(p) < 0) return -1;
    }
    return 0;
}

// krReParse_getuntil(terminator, name): the text up to `term` (consumed).
int krReParse_getuntil(Parser *p, Cps *s, int32_t term, const char *what) {
    for (;;) {
        Tok c;
        if (krReParse_get(p, &c) < 0) return -1;
        if (c.c < 0) {
            if (!s->n) return krReParse_perr(p, 0, "missing %s", what);
            return krReParse_perr(p, s->n, "missing %c, unterminated name", (char)term);
        }
        if (!c.esc && c.c == term) {
            if (!s->n) return krReParse_perr(p, 1, "missing %s", what);
            return 0;
        }
        if (cps_add_tok(p, s, c) < 0) return -1;
    }
}

KrObject *krReParse_cps_str(Parser *p, const Cps *s) {
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krReParse_sb_cps(p->ts, &sb, s->v, s->n) < 0) {
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
    if (p->ngroups > KR_RE_MAXGROUPS) return krReParse_perr(p, 0, "too many groups");
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
            return krReParse_raise_sb(p, &sb, tell(p) - (name_len + 1));
        }
        if (krErr_occurred(p->ts) || krDict_set(p->ts, p->groupdict, name, kr_smallint(gid)) < 0) return -1;
    }
    *gid_out = gid;
    return 0;
}

bool krReParse_check_group(Parser *p, int64_t gid) { return gid < p->ngroups && p->gclosed[gid]; }

int krReParse_check_lookbehind_group(Parser *p, int64_t gid) {
    if (p->lookbehindgroups >= 0) {
        if (!krReParse_check_group(p, gid)) return krReParse_perr(p, 0, "cannot refer to an open group");
        if (gid >= p->lookbehindgroups)
            return krReParse_perr(p, 0, "cannot refer to group defined in the same lookbehind subpattern");
    }
    return 0;
}

// checkgroupname: the name must be an identifier.
static int check_group_name(Parser *p, KrObject *name, KrSsize name_len, KrSsize offset) {
    if (!krStr_is_identifier(name)) return krReParse_perr_name(p, name_len + offset, "bad character in group name ", name);
    return 0;
}

// ---------------------------------------------------------------------------
// Flags and modes

static int combine_flags(int flags, int add, int del) {
    if (add & (KR_RE_ASCII | KR_RE_LOCALE | KR_RE_UNICODE)) flags &= ~(KR_RE_ASCII | KR_RE_LOCALE | KR_RE_UNICODE);
    return (flags | add) & ~del;
}


// The PCRE2 options (i, m, s bits) that mirror Python `flags`.
enum { PF_I = 1, PF_M = 2, PF_S = 4 };
static int pcre_flags(Parser *p, int flags) {
    int f = 0;
    if ((flags & KR_RE_IGNORECASE) && (!p->is_str || is_unicode(p, flags))) f |= PF_I;
    if (flags & KR_RE_MULTILINE) f |= PF_M;
    if (flags & KR_RE_DOTALL) f |= PF_S;
    return f;
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
        if (krReParse_emit_n(p, "(?(DEFINE))", 11) < 0) return -1;
        memmove(p->out + q->last_start + 10, p->out + q->last_start, n);
        memcpy(p->out + q->last_start, "(?(DEFINE)", 10);
        p->out[q->last_start + 10 + n] = ')';
        return 0;
    }
    if (min <= PCRE_MAX_REPEAT && (max <= PCRE_MAX_REPEAT || max == MAXREPEAT)) {
        int r;
        if (min == 0 && max == MAXREPEAT) r = krReParse_emit(p, "*");
        else if (min == 1 && max == MAXREPEAT) r = krReParse_emit(p, "+");
        else if (min == 0 && max == 1) r = krReParse_emit(p, "?");
        else if (max == MAXREPEAT) r = krReParse_emit_fmt(p, "{%u,}", (unsigned)min);
        else if (min == max) r = krReParse_emit_fmt(p, "{%u}", (unsigned)min);
        else r = krReParse_emit_fmt(p, "{%u,%u}", (unsigned)min, (unsigned)max);
        return r < 0 ? -1 : krReParse_emit(p, suffix);
    }
    // Counts above PCRE2's limit: X{m} is written as blocks of 65535 copies,
    // which repeats X's text; a capturing group inside X cannot be copied,
    // nor can a bounded tail above the limit be split without changing
    // backtracking order.
    if (p->ngroups != q->last_groups || (max != MAXREPEAT && max - min > PCRE_MAX_REPEAT))
        return krReParse_perr(p, 0, "repetition count above 65535 is not supported by Krait's regular expression engine");
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
    int r = krReParse_emit(p, kind == REP_POSSESSIVE ? "(?>" : "(?:");
    if (r == 0 && blocks) {
        if (krReParse_emit(p, "(?:") < 0 || krReParse_emit_n(p, item, n) < 0 || krReParse_emit_fmt(p, "{65535}){%u}", (unsigned)blocks) < 0) r = -1;
    }
    if (r == 0 && rest) {
        if (krReParse_emit_n(p, item, n) < 0 || krReParse_emit_fmt(p, "{%u}", (unsigned)rest) < 0) r = -1;
    }
    if (r == 0 && max != min) {
        if (krReParse_emit_n(p, item, n) < 0) r = -1;
        else if (max == MAXREPEAT) r = krReParse_emit_fmt(p, "*%s", suffix);
        else r = krReParse_emit_fmt(p, "{0,%u}%s", (unsigned)(max - min), suffix);
    }
    if (r == 0) r = krReParse_emit(p, ")");
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
        int r = krReParse_getwhile(p, &lo, INT32_MAX, is_digit);
        int comma = r < 0 ? -1 : krReParse_match(p, ',');
        if (comma == 1) r = krReParse_getwhile(p, &hi, INT32_MAX, is_digit);
        int close = r < 0 || comma < 0 ? -1 : krReParse_match(p, '}');
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
        if (max < min) return krReParse_perr(p, tell(p) - here, "min repeat greater than max repeat");
    }
    KrSsize offset = tell(p) - here + tok_len(this);
    if (q->last_kind == ITEM_NONE || q->last_kind == ITEM_AT) return krReParse_perr(p, offset, "nothing to repeat");
    if (q->last_kind == ITEM_REPEAT) return krReParse_perr(p, offset, "multiple repeat");
    int kind = REP_MAX, r;
    if ((r = krReParse_match(p, '?')) < 0) return -1;
    if (r) {
        kind = REP_MIN;
    } else {
        if ((r = krReParse_match(p, '+')) < 0) return -1;
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
                return krReParse_perr(p, 0, "bad inline flags: cannot use 'L' flag with a str pattern");
            if (!p->is_str && c.c == 'u')
                return krReParse_perr(p, 0, "bad inline flags: cannot use 'u' flag with a bytes pattern");
            *add |= flag;
            if ((flag & type_flags) && (*add & type_flags) != flag)
                return krReParse_perr(p, 0, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            if (krReParse_get(p, &c) < 0) return -1;
            if (c.c < 0) return krReParse_perr(p, 0, "missing -, : or )");
            if (!c.esc && (c.c == ')' || c.c == '-' || c.c == ':')) break;
            if (c.esc || !flag_of(c.c))
                return krReParse_perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing -, : or )");
        }
    }
    if (c.c == ')') {
        p->flags |= *add;
        *global = true;
        return 0;
    }
    if (*add & (KR_RE_DEBUG | KR_RE_TEMPLATE)) return krReParse_perr(p, 1, "bad inline flags: cannot turn on global flag");
    if (c.c == '-') {
        if (krReParse_get(p, &c) < 0) return -1;
        if (c.c < 0) return krReParse_perr(p, 0, "missing flag");
        if (c.esc || !flag_of(c.c)) return krReParse_perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing flag");
        for (;;) {
            int flag = flag_of(c.c);
            if (flag & type_flags) return krReParse_perr(p, 0, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            *del |= flag;
            if (krReParse_get(p, &c) < 0) return -1;
            if (c.c < 0) return krReParse_perr(p, 0, "missing :");
            if (!c.esc && c.c == ':') break;
            if (c.esc || !flag_of(c.c)) return krReParse_perr(p, tok_len(c), is_alpha_tok(c) ? "unknown flag" : "missing :");
        }
    }
    if (*del & (KR_RE_DEBUG | KR_RE_TEMPLATE)) return krReParse_perr(p, 1, "bad inline flags: cannot turn off global flag");
    if (*add & *del) return krReParse_perr(p, 1, "bad inline flags: flag turned on and off");
    return 0;
}

// The `(?P...` forms.  *done is set when the construct is complete (a
// back reference), else *name receives the group name.
static int parse_p_extension(Parser *p, int flags, Seq *q, bool *done, KrObject **name,
                             KrSsize *name_len) {
    int r;
    *done = false;
    if ((r = krReParse_match(p, '<')) < 0) return -1;
    if (r) {
        Cps s = {0};
        if (krReParse_getuntil(p, &s, '>', "group name") < 0) {
            krMem_free(s.v);
            return -1;
        }
        *name = krReParse_cps_str(p, &s);
        *name_len = s.n;
        krMem_free(s.v);
        if (!*name) return -1;
        return check_group_name(p, *name, *name_len, 1);
    }
    if ((r = krReParse_match(p, '=')) < 0) return -1;
    if (r) {
        Cps s = {0};
        if (krReParse_getuntil(p, &s, ')', "group name") < 0) {
            krMem_free(s.v);
            return -1;
        }
        KrSsize n = s.n;
        KrObject *nm = krReParse_cps_str(p, &s);
        krMem_free(s.v);
        if (!nm) return -1;
        r = check_group_name(p, nm, n, 1);
        KrObject *gid = r < 0 ? NULL : krDict_get(p->ts, p->groupdict, nm);
        if (r == 0 && !gid) r = krErr_occurred(p->ts) ? -1 : krReParse_perr_name(p, n + 1, "unknown group name ", nm);
        kr_decref(nm);
        if (r < 0) return -1;
        int g = (int)kr_smallint_value(gid);
        if (!krReParse_check_group(p, g)) return krReParse_perr(p, n + 1, "cannot refer to an open group");
        if (krReParse_check_lookbehind_group(p, g) < 0) return -1;
        size_t at = p->size;
        if (krReParse_emit_fmt(p, p->is_str && (flags & KR_RE_IGNORECASE) && !is_unicode(p, flags) ? "(?i:\\g{%d})" : "\\g{%d}",
                     g) < 0)
            return -1;
        seq_item(p, q, ITEM_OTHER, at, p->ngroups, p->gwidth[g]);
        *done = true;
        return 0;
    }
    Tok c;
    if (krReParse_get(p, &c) < 0) return -1;
    if (c.c < 0) return krReParse_perr(p, 0, "unexpected end of pattern");
    return perr_tok(p, tok_len(c) + 2, "unknown extension ?P", c, "");
}

// `(?(` condition `)` yes `|` no `)`.
static int parse_conditional(Parser *p, int flags, bool verbose, int nested, KrSsize start, Width *w) {
    Cps s = {0};
    if (krReParse_getuntil(p, &s, ')', "group name") < 0) {
        krMem_free(s.v);
        return -1;
    }
    KrSsize n = s.n;
    KrObject *name = krReParse_cps_str(p, &s);
    krMem_free(s.v);
    if (!name) return -1;
    int64_t gid;
    if (krStr_is_identifier(name)) {
        KrObject *g = krDict_get(p->ts, p->groupdict, name);
        if (!g) {
            int r = krErr_occurred(p->ts) ? -1 : krReParse_perr_name(p, n + 1, "unknown group name ", name);
            kr_decref(name);
            return r;
        }
        gid = kr_smallint_value(g);
    } else {
        KrObject *num = krInt_from_str_object(p->ts, name, 10);
        if (!num || krInt_sign(num) < 0) {
            kr_xdecref(num);
            krErr_clear(p->ts);
            int r = krReParse_perr_name(p, n + 1, "bad character in group name ", name);
            kr_decref(name);
            return r;
        }
        if (krInt_sign(num) == 0) {
            kr_decref(num);
            kr_decref(name);
            return krReParse_perr(p, n + 1, "bad group number");
        }
        if (!krInt_to_i64(num, &gid) || gid >= KR_RE_MAXGROUPS) {
            KrStrBuilder sb;
            krSB_init(&sb);
            int r = krSB_append_cstr(p->ts, &sb, "invalid group reference ") < 0 ||
                            krSB_append_obj_str(p->ts, &sb, num) < 0
                        ? (krSB_discard(&sb), -1)
                        : krReParse_raise_sb(p, &sb, tell(p) - (n + 1));
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
    if (krReParse_check_lookbehind_group(p, gid) < 0) return -1;
    if (krReParse_emit_fmt(p, "(?(%d)", (int)gid) < 0) return -1;
    Width yes, no = {0, 0};
    if (parse_seq(p, flags, verbose, nested + 1, false, &yes) < 0) return -1;
    int has_no = krReParse_match(p, '|');
    if (has_no < 0) return -1;
    if (has_no) {
        if (krReParse_emit(p, "|") < 0 || parse_seq(p, flags, verbose, nested + 1, false, &no) < 0) return -1;
        if (next_is(p, '|')) return krReParse_perr(p, 0, "conditional backref with more than two branches");
    }
    int r = krReParse_match(p, ')');
    if (r < 0) return -1;
    if (!r) return krReParse_perr(p, tell(p) - start, "missing ), unterminated subpattern");
    *w = yes;
    if (has_no) {
        if (no.lo < w->lo) w->lo = no.lo;
        if (no.hi > w->hi) w->hi = no.hi;
    } else {
        w->lo = 0;
    }
    return krReParse_emit(p, ")");
}

// A look-ahead or look-behind after `(?=`, `(?!`, `(?<`.
static int parse_lookaround(Parser *p, int flags, bool verbose, int nested, KrSsize start, Tok c, Width *w) {
    bool behind = false;
    if (c.c == '<') {
        if (krReParse_get(p, &c) < 0) return -1;
        if (c.c < 0) return krReParse_perr(p, 0, "unexpected end of pattern");
        if (c.esc || (c.c != '=' && c.c != '!')) return perr_tok(p, tok_len(c) + 2, "unknown extension ?<", c, "");
        behind = true;
    }
    int saved = p->lookbehindgroups;
    if (behind && saved < 0) p->lookbehindgroups = p->ngroups;
    const char *open = behind ? (c.c == '=' ? "(?<=" : "(?<!") : (c.c == '=' ? "(?=" : "(?!");
    Width inner;
    if (krReParse_emit(p, open) < 0 || parse_sub(p, flags, verbose, nested + 1, &inner) < 0) return -1;
    if (behind && saved < 0) p->lookbehindgroups = -1;
    int r = krReParse_match(p, ')');
    if (r < 0) return -1;
    if (!r) return krReParse_perr(p, tell(p) - start, "missing ), unterminated subpattern");
    if (behind && inner.lo != inner.hi) p->lookbehind_bad = true;
    w->lo = w->hi = 0;
    return krReParse_emit(p, ")");
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
    if ((r = krReParse_match(p, '?')) < 0) return -1;
    if (r) {
        Tok c;
        if (krReParse_get(p, &c) < 0) return -1;
        if (c.c < 0) return krReParse_perr(p, 0, "unexpected end of pattern");
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
                if (p->next.c < 0) return krReParse_perr(p, tell(p) - start, "missing ), unterminated comment");
                Tok t;
                if (krReParse_get(p, &t) < 0) return -1;
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
                    return krReParse_perr(p, tell(p) - start, "global flags not at the start of the expression");
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
        r = krReParse_emit(p, "(");
    } else if (atomic) {
        r = krReParse_emit(p, "(?>");
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
        r = krReParse_emit_n(p, buf, (size_t)(b - buf));
    }
    if (r < 0 || parse_sub(p, inner, sub_verbose, nested + 1, &w) < 0) return -1;
    p->cur_group = saved_cur;
    if ((r = krReParse_match(p, ')')) < 0) return -1;
    if (!r) return krReParse_perr(p, tell(p) - start, "missing ), unterminated subpattern");
    if (capture) {
        p->gwidth[gid] = w;
        p->gclosed[gid] = true;
    }
    seq_item(p, q, ITEM_OTHER, at, groups_before, w);
    return krReParse_emit(p, ")");
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
        if ((r = krReParse_get(p, &this)) < 0) break;
        if (verbose && !this.esc) {
            if (is_space(this.c)) continue;
            if (this.c == '#') {
                for (;;) {
                    if ((r = krReParse_get(p, &this)) < 0) break;
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
            if ((r = krReParse_escape(p, this, &e)) < 0) break;
            Width one = {1, 1}, zero = {0, 0};
            switch (e.kind) {
            case ESC_LITERAL: r = krReParse_emit_literal(p, flags, e.value); break;
            case ESC_CATEGORY: r = krReParse_emit_category(p, flags, (int)e.value); break;
            case ESC_AT: r = krReParse_emit_at(p, flags, (int)e.value); break;
            default:
                r = krReParse_emit_fmt(p, p->is_str && (flags & KR_RE_IGNORECASE) && !is_unicode(p, flags) ? "(?i:\\g{%u})"
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
            if ((r = krReParse_parse_class(p, flags)) < 0) break;
            seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
        } else if (c == '*' || c == '+' || c == '?' || c == '{') {
            bool literal;
            if ((r = parse_repeat(p, &q, this, &literal)) < 0) break;
            if (literal) {
                if ((r = krReParse_emit_literal(p, flags, c)) < 0) break;
                seq_item(p, &q, ITEM_OTHER, at, groups_before, (Width){1, 1});
            }
        } else if (c == '.') {
            if ((r = krReParse_emit(p, ".")) < 0) break;
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
            if ((r = krReParse_emit_at(p, flags, c == '^' ? AT_BEGINNING : AT_END)) < 0) break;
            seq_item(p, &q, ITEM_AT, at, groups_before, (Width){0, 0});
        } else {
            if ((r = krReParse_emit_literal(p, flags, c)) < 0) break;
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
        int r = krReParse_match(p, '|');
        if (r < 0) return -1;
        if (!r) break;
        if (krReParse_emit(p, "|") < 0) return -1;
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
    if (p->next.c >= 0) return krReParse_perr(p, 0, "unbalanced parenthesis");
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
    if (krReParse_emit(&p, "") < 0) goto done;
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
