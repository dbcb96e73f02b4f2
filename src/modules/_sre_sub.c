/*
 * _sre_sub.c — the scanning operations of Pattern: sub/subn, split and
 * findall; replacement templates (parsed as re's parse_template does, with
 * its messages); Match.expand; re.escape.
 *
 * All loops follow re's rules for empty matches: after an empty match the
 * next search starts at the same place but may not find an empty match there
 * (PCRE2_NOTEMPTY_ATSTART), so `re.sub('x*', '-', 'abxd')` gives '-a-b--d-'.
 *
 * A parsed template is a tuple mirroring re's (groups, literals) form: each
 * item is a literal (str or bytes, as the template) or a group number.  The
 * last template parsed is cached on the Pattern.
 */
#include "modules/_sre.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Output buffers for str or bytes results

typedef struct {
    bool is_str;
    KrStrBuilder sb;
    char *buf;
    KrSsize size, cap;
    KrSsize items;                 // elements re's list would hold (for join errors)
    KrSsize bad_index;             // first element of the wrong type, or -1
    KrObject *bad_item;            // strong: that element
} Out;

static void out_init(Out *o, bool is_str) {
    memset(o, 0, sizeof *o);
    o->is_str = is_str;
    o->bad_index = -1;
    krSB_init(&o->sb);
}

static void out_discard(Out *o) {
    krSB_discard(&o->sb);
    krMem_free(o->buf);
    kr_xdecref(o->bad_item);
}

static int out_bytes(KrThreadState *ts, Out *o, const char *s, KrSsize n) {
    if (o->size + n > o->cap) {
        KrSsize cap = o->cap ? o->cap : 64;
        while (cap < o->size + n) {
            if (cap > KR_SSIZE_MAX / 2) {
                krErr_no_memory(ts);
                return -1;
            }
            cap *= 2;
        }
        char *b = krMem_realloc(o->buf, (size_t)cap);
        if (!b) {
            krErr_no_memory(ts);
            return -1;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->size, s, (size_t)n);
    o->size += n;
    return 0;
}

// Appends raw text of the result's kind (UTF-8 for str).
static int out_raw(KrThreadState *ts, Out *o, const char *s, KrSsize n) {
    if (!n) return 0;
    if (o->is_str) return krSB_append(ts, &o->sb, s, n);
    return out_bytes(ts, o, s, n);
}

// Appends subject bytes [b0, b1) (moving a transcoded subject's stand-ins
// back to the lone surrogates they replace).
static int out_subject(KrThreadState *ts, Out *o, KrReSubject *s, KrSsize b0, KrSsize b1) {
    if (!s->sur) return out_raw(ts, o, s->data + b0, b1 - b0);
    KrObject *text = krRe_group_slice(ts, s, b0, b1);
    if (!text) return -1;
    int r = krSB_append_str(ts, &o->sb, text);
    kr_decref(text);
    return r;
}

// Appends one element as str.join/bytes.join would take it; a wrong type is
// remembered and reported at the end, as re reports it when joining.
static int out_item(KrThreadState *ts, Out *o, KrObject *item) {
    KrSsize index = o->items++;
    if (o->is_str) {
        if (krStr_check(item)) return krSB_append_str(ts, &o->sb, item);
    } else {
        const char *d;
        KrSsize n;
        if (!krStr_check(item) && krBytes_as_buffer(ts, item, &d, &n) == 0) return out_bytes(ts, o, d, n);
        krErr_clear(ts);
    }
    if (o->bad_index < 0) {
        o->bad_index = index;
        o->bad_item = kr_newref(item);
    }
    return 0;
}

static KrObject *out_finish(KrThreadState *ts, Out *o) {
    if (o->bad_index >= 0) {
        if (o->is_str)
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected str instance, %T found", o->bad_index,
                         o->bad_item);
        else
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected a bytes-like object, %T found",
                         o->bad_index, o->bad_item);
        out_discard(o);
        return NULL;
    }
    if (o->is_str) {
        KrObject *r = krSB_finish(ts, &o->sb);
        out_discard(o);
        return r;
    }
    KrObject *r = krBytes_from_data(ts, o->buf, o->size);
    out_discard(o);
    return r;
}

// The offsets of the last match, copied out of the pattern's match data
// before anything allocates: an allocation can run a collection, and a
// finalizer could use the same pattern.
typedef struct {
    KrSsize *v;
    KrSsize buf[32];
} Offsets;

static int offsets_load(KrThreadState *ts, KrRePattern *pat, Offsets *o) {
    KrSsize n = 2 * ((KrSsize)pat->groups + 1);
    if (!o->v) {
        o->v = n <= 32 ? o->buf : krMem_malloc((size_t)n * sizeof(KrSsize));
        if (!o->v) {
            krErr_no_memory(ts);
            return -1;
        }
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(pat->md);
    for (KrSsize i = 0; i < n; i++) o->v[i] = ov[i] == PCRE2_UNSET ? -1 : (KrSsize)ov[i];
    return 0;
}

static void offsets_free(Offsets *o) {
    if (o->v && o->v != o->buf) krMem_free(o->v);
}

// ---------------------------------------------------------------------------
// Templates

typedef struct {
    KrThreadState *ts;
    KrObject *source;
    uint32_t *cps;
    KrSsize len, index;
    int32_t next;
    bool next_esc, is_str;
} TParser;

static int tp_error(TParser *t, KrSsize offset, KrObject *msg) {
    if (!msg) return -1;
    if (!t->is_str && !krStr_is_ascii(msg)) {
        KrObject *e = krStr_ascii_escape(t->ts, msg);
        kr_decref(msg);
        if (!e) return -1;
        msg = e;
    }
    KrSsize pos = t->index - (t->next < 0 ? 0 : t->next_esc ? 2 : 1) - offset;
    krRe_raise(t->ts, msg, t->source, pos);
    kr_decref(msg);
    return -1;
}

static int tp_advance(TParser *t) {
    if (t->index >= t->len) {
        t->next = -1;
        t->next_esc = false;
        return 0;
    }
    uint32_t c = t->cps[t->index];
    bool esc = false;
    if (c == '\\') {
        if (t->index + 1 >= t->len) {
            KrObject *msg = krStr_from_cstr(t->ts, "bad escape (end of pattern)");
            if (msg) {
                krRe_raise(t->ts, msg, t->source, t->len - 1);
                kr_decref(msg);
            }
            return -1;
        }
        c = t->cps[++t->index];
        esc = true;
    }
    t->index++;
    t->next = (int32_t)c;
    t->next_esc = esc;
    return 0;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_oct(int32_t c) { return c >= '0' && c <= '7'; }

// Accumulates literal code points; flushes them into the items list.
typedef struct {
    KrStrBuilder sb;
    bool any;
} Lit;

static int lit_flush(TParser *t, Lit *lit, KrObject *items) {
    if (!lit->any) return 0;
    lit->any = false;
    KrObject *s = krSB_finish(t->ts, &lit->sb);
    krSB_init(&lit->sb);
    if (!s) return -1;
    if (!t->is_str) {
        // Back to bytes: every code point is < 256 (latin-1).
        KrSsize n = krStr_len(s);
        KrObject *b = krBytes_from_data(t->ts, NULL, n);
        if (b) {
            const char *p = krStr_utf8(s);
            for (KrSsize i = 0; i < n; i++) krBytes_data(b)[i] = (char)krUtf8_decode(&p);
        }
        kr_decref(s);
        if (!b) return -1;
        s = b;
    }
    int r = krList_append(t->ts, items, s);
    kr_decref(s);
    return r;
}

static int lit_char(TParser *t, Lit *lit, uint32_t c) {
    lit->any = true;
    return krSB_append_char(t->ts, &lit->sb, c);
}

static int add_group(TParser *t, Lit *lit, KrObject *items, KrRePattern *pat, int64_t index, KrSsize offset) {
    if (index > pat->groups)
        return tp_error(t, offset, krStr_from_format(t->ts, "invalid group reference %lld", (long long)index));
    if (lit_flush(t, lit, items) < 0) return -1;
    return krList_append(t->ts, items, kr_smallint(index));
}

static KrObject *cps_to_str(KrThreadState *ts, const uint32_t *cps, KrSsize n) {
    KrStrBuilder sb;
    krSB_init(&sb);
    for (KrSsize i = 0; i < n; i++)
        if (krSB_append_char(ts, &sb, cps[i]) < 0) {
            krSB_discard(&sb);
            return NULL;
        }
    return krSB_finish(ts, &sb);
}

// \g<name>
static int parse_g(TParser *t, Lit *lit, KrObject *items, KrRePattern *pat) {
    if (t->next_esc || t->next != '<')
        return tp_error(t, 0, krStr_from_cstr(t->ts, "missing <"));
    if (tp_advance(t) < 0) return -1;
    KrSsize start = t->index - (t->next < 0 ? 0 : t->next_esc ? 2 : 1), n = 0;
    // getuntil(">", "group name"), counting the name's length in tokens' characters.
    for (;;) {
        int32_t c = t->next;
        bool esc = t->next_esc;
        if (tp_advance(t) < 0) return -1;
        if (c < 0) {
            if (!n) return tp_error(t, 0, krStr_from_cstr(t->ts, "missing group name"));
            return tp_error(t, n, krStr_from_cstr(t->ts, "missing >, unterminated name"));
        }
        if (!esc && c == '>') {
            if (!n) return tp_error(t, 1, krStr_from_cstr(t->ts, "missing group name"));
            break;
        }
        n += esc ? 2 : 1;
    }
    KrObject *name = cps_to_str(t->ts, t->cps + start, n);
    if (!name) return -1;
    int64_t index;
    int r = 0;
    if (krStr_is_identifier(name)) {
        KrObject *g = krDict_get(t->ts, pat->groupindex, name);
        if (!g) {
            if (!krErr_occurred(t->ts)) krErr_format(t->ts, &KrExc_IndexError, "unknown group name %R", name);
            kr_decref(name);
            return -1;
        }
        index = kr_smallint_value(g);
    } else {
        KrObject *num = krInt_from_str_object(t->ts, name, 10);
        if (!num || krInt_sign(num) < 0) {
            kr_xdecref(num);
            krErr_clear(t->ts);
            r = tp_error(t, n + 1, krStr_from_format(t->ts, "bad character in group name %R", name));
            kr_decref(name);
            return r;
        }
        if (!krInt_to_i64(num, &index) || index >= KR_RE_MAXGROUPS) {
            r = tp_error(t, n + 1, krStr_from_format(t->ts, "invalid group reference %S", num));
            kr_decref(num);
            kr_decref(name);
            return r;
        }
        kr_decref(num);
    }
    kr_decref(name);
    return add_group(t, lit, items, pat, index, n + 1);
}

// A digit escape: \0 (octal), \NN group or \NNN octal.
static int parse_digits(TParser *t, Lit *lit, KrObject *items, KrRePattern *pat, uint32_t c) {
    uint32_t d[3] = {c, 0, 0};
    int nd = 1;
    if (c == '0') {
        for (int i = 0; i < 2 && !t->next_esc && is_oct(t->next); i++) {
            d[nd++] = (uint32_t)t->next;
            if (tp_advance(t) < 0) return -1;
        }
        uint32_t v = 0;
        for (int i = 0; i < nd; i++) v = v * 8 + (d[i] - '0');
        return lit_char(t, lit, v & 0xff);
    }
    if (!t->next_esc && is_digit(t->next)) {
        d[nd++] = (uint32_t)t->next;
        if (tp_advance(t) < 0) return -1;
        if (is_oct((int32_t)c) && is_oct((int32_t)d[1]) && !t->next_esc && is_oct(t->next)) {
            d[nd++] = (uint32_t)t->next;
            if (tp_advance(t) < 0) return -1;
            uint32_t v = (d[0] - '0') * 64 + (d[1] - '0') * 8 + (d[2] - '0');
            if (v > 0377)
                return tp_error(t, 4, krStr_from_format(t->ts, "octal escape value \\%c%c%c outside of range 0-0o377",
                                                        (int)d[0], (int)d[1], (int)d[2]));
            return lit_char(t, lit, v);
        }
    }
    int64_t index = 0;
    for (int i = 0; i < nd; i++) index = index * 10 + (d[i] - '0');
    return add_group(t, lit, items, pat, index, nd);
}

static int template_escape(uint32_t c) {
    switch (c) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case '\\': return '\\';
    default: return -1;
    }
}

// Parses `repl` for `pat` into a tuple (see the file comment).  New reference.
static KrObject *parse_template(KrThreadState *ts, KrRePattern *pat, KrObject *repl) {
    TParser t = {ts, repl, NULL, 0, 0, -1, false, krStr_check(repl)};
    if (t.is_str) {
        t.len = krStr_len(repl);
        t.cps = krMem_malloc((size_t)(t.len ? t.len : 1) * sizeof(uint32_t));
        if (!t.cps) return krErr_no_memory(ts);
        const char *s = krStr_utf8(repl);
        for (KrSsize i = 0; i < t.len; i++) t.cps[i] = krUtf8_decode(&s);
    } else {
        const char *d;
        if (krBytes_as_buffer(ts, repl, &d, &t.len) < 0) {
            krErr_clear(ts);
            return krErr_format(ts, &KrExc_TypeError, "decoding to str: need a bytes-like object, %T found", repl);
        }
        t.cps = krMem_malloc((size_t)(t.len ? t.len : 1) * sizeof(uint32_t));
        if (!t.cps) return krErr_no_memory(ts);
        for (KrSsize i = 0; i < t.len; i++) t.cps[i] = (unsigned char)d[i];
    }
    KrObject *items = krList_new(ts, 0);
    Lit lit;
    lit.any = false;
    krSB_init(&lit.sb);
    int r = items ? tp_advance(&t) : -1;
    while (r == 0 && t.next >= 0) {
        uint32_t c = (uint32_t)t.next;
        bool esc = t.next_esc;
        if ((r = tp_advance(&t)) < 0) break;
        if (!esc) {
            r = lit_char(&t, &lit, c);
        } else if (c == 'g') {
            r = parse_g(&t, &lit, items, pat);
        } else if (is_digit((int32_t)c)) {
            r = parse_digits(&t, &lit, items, pat, c);
        } else {
            int v = template_escape(c);
            if (v >= 0) {
                r = lit_char(&t, &lit, (uint32_t)v);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                r = tp_error(&t, 2, krStr_from_format(ts, "bad escape \\%c", (int)c));
            } else {
                r = lit_char(&t, &lit, '\\');
                if (r == 0) r = lit_char(&t, &lit, c);
            }
        }
    }
    if (r == 0) r = lit_flush(&t, &lit, items);
    krSB_discard(&lit.sb);
    krMem_free(t.cps);
    if (r < 0) {
        kr_xdecref(items);
        return NULL;
    }
    KrObject *tuple = krList_as_tuple(ts, items);
    kr_decref(items);
    return tuple;
}

// The parsed form of `repl` for `pat`, cached.  New reference.
static KrObject *get_template(KrThreadState *ts, KrRePattern *pat, KrObject *repl) {
    if (pat->repl_cache) {
        KrTypeObject *t = KR_TYPE(repl);
        if (pat->repl_cache == repl ||
            (KR_TYPE(pat->repl_cache) == t && (t == &KrStr_Type ? krStr_eq(repl, pat->repl_cache)
                                               : t == &KrBytes_Type && krBytes_size(repl) == krBytes_size(pat->repl_cache) &&
                                                     memcmp(krBytes_data(repl), krBytes_data(pat->repl_cache),
                                                            (size_t)krBytes_size(repl)) == 0)))
            return kr_newref(pat->repl_parsed);
    }
    KrObject *parsed = parse_template(ts, pat, repl);
    if (!parsed) return NULL;
    KrTypeObject *t = KR_TYPE(repl);
    if (t == &KrStr_Type || t == &KrBytes_Type) {
        kr_setref(&pat->repl_cache, kr_newref(repl));
        kr_setref(&pat->repl_parsed, kr_newref(parsed));
    }
    return parsed;
}

// Appends the expansion of template `tmpl` for the offsets `offs` of a
// match in `s` (group text, literals; unmatched groups are empty).  Literal
// items of the other type are reported like re's join.
static int expand_into(KrThreadState *ts, Out *o, KrObject *tmpl, KrReSubject *s, const KrSsize *offs) {
    KrSsize n = KR_TUPLE_SIZE(tmpl), bad = -1;
    KrObject *bad_item = NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *it = KR_TUPLE_GET(tmpl, i);
        if (kr_is_smallint(it)) {
            KrSsize g = (KrSsize)kr_smallint_value(it), b0 = offs[2 * g], b1 = offs[2 * g + 1];
            if (b0 >= 0 && out_subject(ts, o, s, b0, b1) < 0) return -1;
        } else if (krStr_check(it) != s->is_str) {
            if (bad < 0) bad = i, bad_item = it;
        } else if (out_raw(ts, o, krStr_check(it) ? krStr_utf8(it) : krBytes_data(it),
                           krStr_check(it) ? krStr_size(it) : krBytes_size(it)) < 0) {
            return -1;
        }
    }
    if (bad >= 0) {
        if (s->is_str)
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected str instance, %T found", bad, bad_item);
        else
            krErr_format(ts, &KrExc_TypeError, "sequence item %zd: expected a bytes-like object, %T found", bad,
                         bad_item);
        return -1;
    }
    return 0;
}

KrObject *krReMatch_expand(KrThreadState *ts, KrObject *self, KrObject *template) {
    KrReMatch *m = (KrReMatch *)self;
    KrRePattern *pat = (KrRePattern *)m->pattern;
    KrObject *tmpl = get_template(ts, pat, template);
    if (!tmpl) return NULL;
    KrReSubject s;
    if (krReMatch_subject(ts, m, &s) < 0) {
        kr_decref(tmpl);
        return NULL;
    }
    Out o;
    out_init(&o, s.is_str);
    int r = expand_into(ts, &o, tmpl, &s, m->offs);
    kr_decref(tmpl);
    if (r < 0) {
        out_discard(&o);
        return NULL;
    }
    return out_finish(ts, &o);
}

// ---------------------------------------------------------------------------
// sub / subn

static bool has_backslash(KrObject *o) {
    if (krStr_check(o)) return memchr(krStr_utf8(o), '\\', (size_t)krStr_size(o)) != NULL;
    if (krBytes_check(o)) return memchr(krBytes_data(o), '\\', (size_t)krBytes_size(o)) != NULL;
    return true;
}

static KrObject *subx(KrThreadState *ts, KrObject *self, KrObject *repl, KrObject *string, KrObject *countobj,
                      bool want_count) {
    KrRePattern *pat = (KrRePattern *)self;
    KrSsize count = 0;
    if (countobj) {
        if (krRe_ssize_arg(ts, countobj, &count) < 0) return NULL;
    }
    bool callable = krObj_callable(repl);
    KrObject *literal = NULL, *tmpl = NULL;
    if (!callable) {
        if (!has_backslash(repl)) {
            literal = repl;
        } else {
            tmpl = get_template(ts, pat, repl);
            if (!tmpl) return NULL;
            if (KR_TUPLE_SIZE(tmpl) == 1 && !kr_is_smallint(KR_TUPLE_GET(tmpl, 0))) literal = KR_TUPLE_GET(tmpl, 0);
        }
    }
    KrReSubject s;
    if (krRe_subject_init(ts, pat, string, &s) < 0) {
        krRe_subject_fini(&s);
        kr_xdecref(tmpl);
        return NULL;
    }
    Out o;
    out_init(&o, s.is_str);
    KrSsize pos = 0, last = 0, n = 0;
    KrSsize cursor_b = 0, cursor_cp = 0;   // a known (byte, code point) pair, moving forward
    Offsets ofs = {NULL};
    bool must_advance = false;
    int r = 0;
    while (count == 0 || n < count) {
        r = krRe_exec(ts, pat, KR_RE_SEARCH, &s, pos, s.size, must_advance);
        if (r <= 0) break;
        if ((r = offsets_load(ts, pat, &ofs)) < 0) break;
        KrSsize b = ofs.v[0], e = ofs.v[1];
        if (last < b) {
            if ((r = out_subject(ts, &o, &s, last, b)) < 0) break;
            o.items++;
        }
        if (callable) {
            if (!s.ascii) {
                cursor_cp = krRe_byte_to_cp(s.data, cursor_b, cursor_cp, b);
                cursor_b = b;
            }
            KrObject *m = krReMatch_new(ts, pat, &s, 0, s.length, cursor_b, cursor_cp);
            KrObject *item = m ? krObj_call1(ts, repl, m) : NULL;
            kr_xdecref(m);
            if (!item) {
                r = -1;
                break;
            }
            if (item != KR_NONE) r = out_item(ts, &o, item);
            kr_decref(item);
            if (r < 0) break;
            // The callback may have changed a bytearray subject.
            if (!s.is_str && (r = krRe_subject_init(ts, pat, string, &s)) < 0) break;
        } else if (literal) {
            if ((r = out_item(ts, &o, literal)) < 0) break;
        } else {
            r = expand_into(ts, &o, tmpl, &s, ofs.v);
            o.items++;
            if (r < 0) break;
        }
        n++;
        must_advance = b == e;
        pos = last = e;
        if (pos > s.size) break;
    }
    kr_xdecref(tmpl);
    offsets_free(&ofs);
    KrObject *result = NULL;
    if (r < 0) {
        out_discard(&o);
    } else if (n == 0 && KR_TYPE(string) == (s.is_str ? &KrStr_Type : &KrBytes_Type)) {
        out_discard(&o);
        result = kr_newref(string);
    } else if (last < s.size && out_subject(ts, &o, &s, last, s.size) < 0) {
        out_discard(&o);
    } else {
        result = out_finish(ts, &o);
    }
    krRe_subject_fini(&s);
    if (!result) return NULL;
    if (!want_count) return result;
    KrObject *nobj = krInt_from_ssize(ts, n);
    KrObject *t = nobj ? krTuple_pack(ts, 2, result, nobj) : NULL;
    kr_decref(result);
    kr_xdecref(nobj);
    return t;
}

static KrObject *sub_common(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames, const char *fname, bool want_count) {
    static const char *const names[] = {"repl", "string", "count"};
    KrObject *a[3];
    if (krArg_parse(ts, fname, args, nargs, kwnames, names, 3, 0, 3, 2, a) < 0) return NULL;
    return subx(ts, self, a[0], a[1], a[2], want_count);
}

KrObject *krRePattern_sub(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    return sub_common(ts, self, args, nargs, kwnames, "sub", false);
}

KrObject *krRePattern_subn(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    return sub_common(ts, self, args, nargs, kwnames, "subn", true);
}

// ---------------------------------------------------------------------------
// split and findall

static KrObject *group_or(KrThreadState *ts, KrReSubject *s, const KrSsize *offs, KrSsize g, KrObject *dflt) {
    if (offs[2 * g] < 0) return kr_newref(dflt);
    return krRe_group_slice(ts, s, offs[2 * g], offs[2 * g + 1]);
}

static int append_steal(KrThreadState *ts, KrObject *list, KrObject *item) {
    if (!item) return -1;
    int r = krList_append(ts, list, item);
    kr_decref(item);
    return r;
}

KrObject *krRePattern_split(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"string", "maxsplit"};
    KrObject *a[2];
    if (krArg_parse(ts, "split", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrRePattern *pat = (KrRePattern *)self;
    KrSsize maxsplit = 0;
    if (a[1]) {
        if (krRe_ssize_arg(ts, a[1], &maxsplit) < 0) return NULL;
    }
    KrReSubject s;
    KrObject *list = NULL;
    Offsets ofs = {NULL};
    if (krRe_subject_init(ts, pat, a[0], &s) < 0 || !(list = krList_new(ts, 0))) goto error;
    KrSsize pos = 0, last = 0, n = 0;
    bool must_advance = false;
    while (maxsplit == 0 || n < maxsplit) {
        int r = krRe_exec(ts, pat, KR_RE_SEARCH, &s, pos, s.size, must_advance);
        if (r < 0) goto error;
        if (r == 0) break;
        if (offsets_load(ts, pat, &ofs) < 0) goto error;
        KrSsize b = ofs.v[0], e = ofs.v[1];
        if (append_steal(ts, list, krRe_group_slice(ts, &s, last, b)) < 0) goto error;
        for (KrSsize g = 1; g <= pat->groups; g++)
            if (append_steal(ts, list, group_or(ts, &s, ofs.v, g, KR_NONE)) < 0) goto error;
        n++;
        must_advance = b == e;
        pos = last = e;
    }
    if (append_steal(ts, list, krRe_group_slice(ts, &s, last, s.size)) < 0) goto error;
    krRe_subject_fini(&s);
    offsets_free(&ofs);
    return list;
error:
    krRe_subject_fini(&s);
    offsets_free(&ofs);
    kr_xdecref(list);
    return NULL;
}

KrObject *krRePattern_findall(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"string", "pos", "endpos"};
    KrObject *a[3] = {NULL, NULL, NULL};
    if (nargs == 1 && !kwnames) a[0] = args[0];
    else if (krArg_parse(ts, "findall", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    KrRePattern *pat = (KrRePattern *)self;
    KrReSubject s;
    KrSsize pos, endpos;
    KrObject *list = NULL;
    Offsets ofs = {NULL};
    if (krRe_subject_init(ts, pat, a[0], &s) < 0 || krRe_get_range(ts, a[1], a[2], s.length, &pos, &endpos) < 0 ||
        !(list = krList_new(ts, 0)))
        goto error;
    if (pos > endpos) {
        krRe_subject_fini(&s);
        return list;
    }
    KrSsize b0 = krRe_cp_to_byte(ts, &s, pos), end = b0 < 0 ? -1 : krRe_cp_to_byte(ts, &s, endpos);
    if (end < 0) goto error;
    KrObject *empty = s.is_str ? kr_newref(krStr_empty()) : krBytes_from_data(ts, "", 0);
    if (!empty) goto error;
    bool must_advance = false;
    for (;;) {
        int r = krRe_exec(ts, pat, KR_RE_SEARCH, &s, b0, end, must_advance);
        if (r < 0) {
            kr_decref(empty);
            goto error;
        }
        if (r == 0) break;
        if (offsets_load(ts, pat, &ofs) < 0) {
            kr_decref(empty);
            goto error;
        }
        const KrSsize *ov = ofs.v;
        KrObject *item;
        if (pat->groups == 0) {
            item = krRe_group_slice(ts, &s, ov[0], ov[1]);
        } else if (pat->groups == 1) {
            item = group_or(ts, &s, ov, 1, empty);
        } else {
            item = krTuple_new(ts, pat->groups);
            for (KrSsize g = 1; item && g <= pat->groups; g++) {
                KrObject *v = group_or(ts, &s, ov, g, empty);
                if (!v) {
                    for (KrSsize j = g; j <= pat->groups; j++) KR_TUPLE_SET(item, j - 1, kr_newref(KR_NONE));
                    kr_decref(item);
                    item = NULL;
                    break;
                }
                KR_TUPLE_SET(item, g - 1, v);
            }
        }
        if (append_steal(ts, list, item) < 0) {
            kr_decref(empty);
            goto error;
        }
        must_advance = ov[0] == ov[1];
        b0 = ov[1];
    }
    kr_decref(empty);
    krRe_subject_fini(&s);
    offsets_free(&ofs);
    return list;
error:
    krRe_subject_fini(&s);
    offsets_free(&ofs);
    kr_xdecref(list);
    return NULL;
}

// ---------------------------------------------------------------------------
// re.escape

static bool is_special(uint32_t c) {
    switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '?': case '*': case '+': case '-':
    case '|': case '^': case '$': case '\\': case '.': case '&': case '~': case '#': case ' ': case '\t':
    case '\n': case '\r': case '\v': case '\f':
        return true;
    default:
        return false;
    }
}

KrObject *krRe_escape(KrThreadState *ts, KrObject *self, KrObject *pattern) {
    if (krStr_check(pattern)) {
        const char *d = krStr_utf8(pattern);
        KrSsize n = krStr_size(pattern), extra = 0;
        for (KrSsize i = 0; i < n; i++) extra += (unsigned char)d[i] < 0x80 && is_special((unsigned char)d[i]);
        if (!extra && KR_TYPE(pattern) == &KrStr_Type) return kr_newref(pattern);
        KrStrBuilder sb;
        krSB_init(&sb);
        KrSsize from = 0;
        for (KrSsize i = 0; i < n; i++) {
            if ((unsigned char)d[i] < 0x80 && is_special((unsigned char)d[i])) {
                char esc[2] = {'\\', d[i]};
                if (krSB_append(ts, &sb, d + from, i - from) < 0 || krSB_append(ts, &sb, esc, 2) < 0) {
                    krSB_discard(&sb);
                    return NULL;
                }
                from = i + 1;
            }
        }
        if (krSB_append(ts, &sb, d + from, n - from) < 0) {
            krSB_discard(&sb);
            return NULL;
        }
        return krSB_finish(ts, &sb);
    }
    const char *d;
    KrSsize n;
    if (krBytes_as_buffer(ts, pattern, &d, &n) < 0) {
        krErr_clear(ts);
        return krErr_format(ts, &KrExc_TypeError, "decoding to str: need a bytes-like object, %T found", pattern);
    }
    Out o;
    out_init(&o, false);
    for (KrSsize i = 0; i < n; i++) {
        char esc[2] = {'\\', d[i]};
        bool sp = is_special((unsigned char)d[i]);
        if (out_bytes(ts, &o, sp ? esc : esc + 1, sp ? 2 : 1) < 0) {
            out_discard(&o);
            return NULL;
        }
    }
    return out_finish(ts, &o);
}
