/*
 * _sre_match.c — Match objects, and scanners (Pattern.scanner, and the
 * iterator finditer returns, KrReIter_Type).
 *
 * A Match keeps the byte offsets PCRE2 reported (-1 for an unmatched group)
 * and a known (byte, code point) pair of its subject; start()/end()/span()
 * convert by counting UTF-8 lead bytes from that pair (nothing to do for
 * ASCII strings and bytes).  Group text is sliced from the bytes directly.
 *
 * lastindex is "the group that closed last", which PCRE2 does not report:
 * it is the matched group with the largest end, and among groups ending at
 * the same place the outermost one, else the later one — the order in which
 * re's matcher closes them.
 *
 * Related: _sre.h, _sre.c, _sre_sub.c (expand).
 */
#include "modules/_sre.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

#define OFFS(m) (((KrReMatch *)(m))->offs)
#define NGROUPS(m) (KR_SIZE(m) / 2)

static bool is_ancestor(const KrRePattern *p, KrSsize a, KrSsize g) {
    for (int x = p->gparent[g]; x; x = p->gparent[x])
        if (x == a) return true;
    return false;
}

static KrSsize compute_lastindex(const KrRePattern *p, const KrSsize *offs) {
    KrSsize best = -1;
    for (KrSsize g = 1; g <= p->groups; g++) {
        if (offs[2 * g] < 0) continue;
        if (best < 0 || offs[2 * g + 1] > offs[2 * best + 1] ||
            (offs[2 * g + 1] == offs[2 * best + 1] && !(p->has_gparent && is_ancestor(p, best, g))))
            best = g;
    }
    return best;
}

KrObject *krReMatch_new(KrThreadState *ts, KrRePattern *pat, KrReSubject *s, KrSsize pos, KrSsize endpos,
                        KrSsize anchor_byte, KrSsize anchor_cp) {
    // Copy the offsets before allocating: a collection run by the allocation
    // could call a finalizer that uses this pattern and its match data.
    KrSsize n = 2 * ((KrSsize)pat->groups + 1), buf[32], *offs = buf;
    if (n > 32 && !(offs = krMem_malloc((size_t)n * sizeof(KrSsize)))) return krErr_no_memory(ts);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(pat->md);
    for (KrSsize i = 0; i < n; i++) offs[i] = ov[i] == PCRE2_UNSET ? -1 : (KrSsize)ov[i];
    KrReMatch *m = (KrReMatch *)krObj_alloc(ts, &KrReMatch_Type, n);
    if (m) memcpy(m->offs, offs, (size_t)n * sizeof(KrSsize));
    if (offs != buf) krMem_free(offs);
    if (!m) return NULL;
    KR_SIZE(m) = n;
    m->string = kr_newref(s->obj);
    m->pattern = kr_newref((KrObject *)pat);
    m->pos = pos;
    m->endpos = endpos;
    m->anchor_byte = anchor_byte;
    m->anchor_cp = anchor_cp;
    m->ascii = s->ascii;
    m->buffer = kr_xnewref(s->owned);
    m->lastindex = compute_lastindex(pat, m->offs);
    krGC_track((KrObject *)m);
    return (KrObject *)m;
}

int krReMatch_subject(KrThreadState *ts, KrReMatch *m, KrReSubject *s) {
    s->obj = m->string;
    s->ascii = m->ascii;
    s->owned = NULL;
    s->sur = m->buffer != NULL;
    if (s->sur) {
        s->data = krBytes_data(m->buffer);
        s->size = krBytes_size(m->buffer);
        s->length = krStr_len(m->string);
        s->is_str = true;
        return 0;
    }
    if (krStr_check(m->string)) {
        s->data = krStr_utf8(m->string);
        s->size = krStr_size(m->string);
        s->length = krStr_len(m->string);
        s->is_str = true;
        return 0;
    }
    s->is_str = false;
    if (krBytes_as_buffer(ts, m->string, &s->data, &s->size) < 0) return -1;
    s->length = s->size;
    return 0;
}

KrObject *krRe_group_slice(KrThreadState *ts, KrReSubject *s, KrSsize b0, KrSsize b1) {
    if (!s->is_str) {
        if (b1 > s->size) b1 = s->size;
        if (b0 > b1) b0 = b1;
        if (b0 == 0 && b1 == s->size && KR_TYPE(s->obj) == &KrBytes_Type) return kr_newref(s->obj);
        return krBytes_from_data(ts, s->data + b0, b1 - b0);
    }
    if (b0 == 0 && b1 == s->size && KR_TYPE(s->obj) == &KrStr_Type) return kr_newref(s->obj);
    KrSsize n = b1 - b0;
    if (s->sur) {
        // Move U+10F800.. back to the surrogates they stand for.
        KrStrBuilder sb;
        krSB_init(&sb);
        const char *p = s->data + b0, *end = s->data + b1;
        while (p < end) {
            uint32_t c = krUtf8_decode(&p);
            if (krSB_append_char(ts, &sb, c >= 0x10F800 ? c - (0x10F800 - 0xD800) : c) < 0) {
                krSB_discard(&sb);
                return NULL;
            }
        }
        return krSB_finish(ts, &sb);
    }
    if (s->ascii && n > 1) {
        KrObject *r = krStr_new_raw(ts, n, n, true);
        if (r) memcpy(krStr_raw_data(r), s->data + b0, (size_t)n);
        return r;
    }
    return krStr_from_utf8(ts, s->data + b0, n);
}

KrObject *krReMatch_get_group(KrThreadState *ts, KrReMatch *m, KrSsize g, KrObject *dflt) {
    KrSsize b0 = m->offs[2 * g], b1 = m->offs[2 * g + 1];
    if (b0 < 0) return kr_newref(dflt);
    KrReSubject s;
    if (krReMatch_subject(ts, m, &s) < 0) return NULL;
    return krRe_group_slice(ts, &s, b0, b1);
}

KrSsize krReMatch_group_index(KrThreadState *ts, KrReMatch *m, KrObject *g) {
    KrSsize i = -1;
    if (kr_is_smallint(g)) {
        i = (KrSsize)kr_smallint_value(g);
    } else if (krNum_is_index(g)) {
        i = krNum_as_ssize(ts, g, NULL);
        if (i == -1 && krErr_occurred(ts)) return -1;
    } else {
        KrObject *idx = krDict_get(ts, ((KrRePattern *)m->pattern)->groupindex, g);
        if (idx && kr_is_smallint(idx)) i = (KrSsize)kr_smallint_value(idx);
        else if (krErr_occurred(ts)) return -1;
    }
    if (i < 0 || i >= NGROUPS(m)) {
        krErr_set_string(ts, &KrExc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static KrObject *match_group1(KrThreadState *ts, KrReMatch *m, KrObject *g) {
    KrSsize i = krReMatch_group_index(ts, m, g);
    if (i < 0) return NULL;
    return krReMatch_get_group(ts, m, i, KR_NONE);
}

static KrObject *match_group(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrReMatch *m = (KrReMatch *)self;
    if (nargs == 0) return krReMatch_get_group(ts, m, 0, KR_NONE);
    if (nargs == 1) return match_group1(ts, m, args[0]);
    KrObject *t = krTuple_new(ts, nargs);
    if (!t) return NULL;
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *v = match_group1(ts, m, args[i]);
        if (!v) {
            for (KrSsize j = i; j < nargs; j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, i, v);
    }
    return t;
}

static KrObject *match_subscript(KrThreadState *ts, KrObject *self, KrObject *key) {
    return match_group1(ts, (KrReMatch *)self, key);
}

static KrObject *match_groups(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"default"};
    KrObject *dflt = NULL;
    if (krArg_parse(ts, "groups", args, nargs, kwnames, names, 1, 0, 1, 0, &dflt) < 0) return NULL;
    KrReMatch *m = (KrReMatch *)self;
    KrSsize n = NGROUPS(m) - 1;
    KrObject *t = krTuple_new(ts, n);
    if (!t) return NULL;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *v = krReMatch_get_group(ts, m, i + 1, dflt ? dflt : KR_NONE);
        if (!v) {
            for (KrSsize j = i; j < n; j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, i, v);
    }
    return t;
}

static KrObject *match_groupdict(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"default"};
    KrObject *dflt = NULL;
    if (krArg_parse(ts, "groupdict", args, nargs, kwnames, names, 1, 0, 1, 0, &dflt) < 0) return NULL;
    KrReMatch *m = (KrReMatch *)self;
    KrObject *d = krDict_new(ts);
    if (!d) return NULL;
    KrSsize pos = 0;
    KrObject *name, *num;
    while (krDict_next(((KrRePattern *)m->pattern)->groupindex, &pos, &name, &num)) {
        KrObject *v = krReMatch_get_group(ts, m, kr_smallint_value(num), dflt ? dflt : KR_NONE);
        if (!v || krDict_set_steal(ts, d, name, v) < 0) {
            kr_decref(d);
            return NULL;
        }
    }
    return d;
}

// Byte offset -> code point offset for this match.
static KrSsize to_cp(KrReMatch *m, KrSsize b) {
    if (b < 0 || m->ascii) return b;
    const char *data = m->buffer ? krBytes_data(m->buffer) : krStr_utf8(m->string);
    return krRe_byte_to_cp(data, m->anchor_byte, m->anchor_cp, b);
}

static int group_arg(KrThreadState *ts, KrReMatch *m, const char *fname, KrObject *const *args, KrSsize nargs,
                     KrSsize *g) {
    if (krArg_check_positional(ts, fname, nargs, 0, 1) < 0) return -1;
    *g = nargs ? krReMatch_group_index(ts, m, args[0]) : 0;
    return *g < 0 ? -1 : 0;
}

static KrObject *match_start(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrReMatch *m = (KrReMatch *)self;
    KrSsize g;
    if (group_arg(ts, m, "start", args, nargs, &g) < 0) return NULL;
    return krInt_from_ssize(ts, to_cp(m, m->offs[2 * g]));
}

static KrObject *match_end(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrReMatch *m = (KrReMatch *)self;
    KrSsize g;
    if (group_arg(ts, m, "end", args, nargs, &g) < 0) return NULL;
    return krInt_from_ssize(ts, to_cp(m, m->offs[2 * g + 1]));
}

static KrObject *span_of(KrThreadState *ts, KrReMatch *m, KrSsize g) {
    KrObject *a = krInt_from_ssize(ts, to_cp(m, m->offs[2 * g]));
    KrObject *b = a ? krInt_from_ssize(ts, to_cp(m, m->offs[2 * g + 1])) : NULL;
    KrObject *t = b ? krTuple_pack(ts, 2, a, b) : NULL;
    kr_xdecref(a);
    kr_xdecref(b);
    return t;
}

static KrObject *match_span(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrReMatch *m = (KrReMatch *)self;
    KrSsize g;
    if (group_arg(ts, m, "span", args, nargs, &g) < 0) return NULL;
    return span_of(ts, m, g);
}

static KrObject *match_copy(KrThreadState *ts, KrObject *self) { return kr_newref(self); }
static KrObject *match_deepcopy(KrThreadState *ts, KrObject *self, KrObject *memo) { return kr_newref(self); }

static KrObject *match_repr(KrThreadState *ts, KrObject *self) {
    KrReMatch *m = (KrReMatch *)self;
    KrObject *g0 = krReMatch_get_group(ts, m, 0, KR_NONE);
    if (!g0) return NULL;
    KrObject *r = krObj_repr(ts, g0);
    kr_decref(g0);
    if (!r) return NULL;
    // CPython formats the match with %.50R.
    if (krStr_len(r) > 50) {
        KrObject *cut = krStr_substring(ts, r, 0, 50);
        kr_decref(r);
        if (!cut) return NULL;
        r = cut;
    }
    KrObject *s = krStr_from_format(ts, "<re.Match object; span=(%zd, %zd), match=%U>", to_cp(m, m->offs[0]),
                                    to_cp(m, m->offs[1]), r);
    kr_decref(r);
    return s;
}

static KrObject *match_get_lastindex(KrThreadState *ts, KrObject *self, void *closure) {
    KrReMatch *m = (KrReMatch *)self;
    return m->lastindex < 0 ? kr_newref(KR_NONE) : krInt_from_ssize(ts, m->lastindex);
}

static KrObject *match_get_lastgroup(KrThreadState *ts, KrObject *self, void *closure) {
    KrReMatch *m = (KrReMatch *)self;
    if (m->lastindex < 0) return kr_newref(KR_NONE);
    return kr_newref(KR_TUPLE_GET(((KrRePattern *)m->pattern)->indexgroup, m->lastindex));
}

static KrObject *match_get_regs(KrThreadState *ts, KrObject *self, void *closure) {
    KrReMatch *m = (KrReMatch *)self;
    KrSsize n = NGROUPS(m);
    KrObject *t = krTuple_new(ts, n);
    if (!t) return NULL;
    for (KrSsize g = 0; g < n; g++) {
        KrObject *sp = span_of(ts, m, g);
        if (!sp) {
            for (KrSsize j = g; j < n; j++) KR_TUPLE_SET(t, j, kr_newref(KR_NONE));
            kr_decref(t);
            return NULL;
        }
        KR_TUPLE_SET(t, g, sp);
    }
    return t;
}

static const KrMethodDef match_methods[] = {
    {"group", KR_CFUNC(match_group), KR_METH_FAST,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n"
     "    For 0 returns the entire match."},
    {"groups", KR_CFUNC(match_groups), KR_METH_FASTKW,
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", KR_CFUNC(match_groupdict), KR_METH_FASTKW,
     "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"start", KR_CFUNC(match_start), KR_METH_FAST, "Return index of the start of the substring matched by group."},
    {"end", KR_CFUNC(match_end), KR_METH_FAST, "Return index of the end of the substring matched by group."},
    {"span", KR_CFUNC(match_span), KR_METH_FAST, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"expand", KR_CFUNC(krReMatch_expand), KR_METH_O,
     "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", KR_CFUNC(match_copy), KR_METH_NOARGS, NULL},
    {"__deepcopy__", KR_CFUNC(match_deepcopy), KR_METH_O, NULL},
    {NULL},
};

static const KrGetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group."},
    {"regs", match_get_regs, NULL, NULL},
    {NULL},
};

static const KrMemberDef match_members[] = {
    {"string", KR_MEMBER_OBJECT, offsetof(KrReMatch, string), KR_MEMBER_READONLY,
     "The string passed to match() or search()."},
    {"re", KR_MEMBER_OBJECT, offsetof(KrReMatch, pattern), KR_MEMBER_READONLY,
     "The regular expression object."},
    {"pos", KR_MEMBER_SSIZE, offsetof(KrReMatch, pos), KR_MEMBER_READONLY,
     "The index into the string at which the RE engine started looking for a match."},
    {"endpos", KR_MEMBER_SSIZE, offsetof(KrReMatch, endpos), KR_MEMBER_READONLY,
     "The index into the string beyond which the RE engine will not go."},
    {NULL},
};

static int match_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrReMatch *)self)->buffer);
    KR_VISIT(((KrReMatch *)self)->string);
    KR_VISIT(((KrReMatch *)self)->pattern);
    return 0;
}

static int match_clear(KrObject *self) {
    KR_CLEAR(((KrReMatch *)self)->buffer);
    KR_CLEAR(((KrReMatch *)self)->string);
    KR_CLEAR(((KrReMatch *)self)->pattern);
    return 0;
}

static void match_dealloc(KrObject *self) {
    krGC_untrack(self);
    match_clear(self);
    krObj_free(self);
}

KrTypeObject KrReMatch_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "re.Match",
    .tp_basicsize = offsetof(KrReMatch, offs),
    .tp_itemsize = sizeof(KrSsize),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "The result of re.match() and re.search().\n"
              "Match objects always have a boolean value of True.",
    .tp_dealloc = match_dealloc,
    .tp_traverse = match_traverse,
    .tp_clear = match_clear,
    .tp_repr = match_repr,
    .tp_getattro = krObj_generic_getattr,
    .mp_subscript = match_subscript,
    .tp_methods = match_methods,
    .tp_members = match_members,
    .tp_getset = match_getset,
};

// ---------------------------------------------------------------------------
// Scanners: repeated match()/search() that advance through the string, as
// re.Scanner uses them; iterating one gives finditer's matches.

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *pattern;             // strong KrRePattern
    KrObject *string;              // strong subject
    KrSsize pos, endpos;           // code points: where the next search starts, the end
    KrSsize byte_pos, end_byte;    // the same in bytes
    bool must_advance;             // the last match was empty
    bool done;
} KrReScanner;

static KrObject *scanner_new(KrThreadState *ts, KrTypeObject *type, KrObject *pattern, KrObject *string,
                             KrObject *posobj, KrObject *endposobj) {
    KrReSubject s;
    KrSsize pos, endpos, b0 = -1, b1 = -1;
    if (krRe_subject_init(ts, (KrRePattern *)pattern, string, &s) == 0 &&
        krRe_get_range(ts, posobj, endposobj, s.length, &pos, &endpos) == 0) {
        b0 = krRe_cp_to_byte(ts, &s, pos);
        b1 = b0 < 0 ? -1 : krRe_cp_to_byte(ts, &s, endpos);
    }
    krRe_subject_fini(&s);
    if (b1 < 0) return NULL;
    KrReScanner *sc = (KrReScanner *)krObj_alloc(ts, type, 0);
    if (!sc) return NULL;
    sc->pattern = kr_newref(pattern);
    sc->string = kr_newref(string);
    sc->pos = pos;
    sc->endpos = endpos;
    sc->byte_pos = b0;
    sc->end_byte = b1;
    krGC_track((KrObject *)sc);
    return (KrObject *)sc;
}

KrObject *krRePattern_scanner(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"string", "pos", "endpos"};
    KrObject *a[3];
    if (krArg_parse(ts, "scanner", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    return scanner_new(ts, &KrReScanner_Type, self, a[0], a[1], a[2]);
}

KrObject *krRePattern_finditer(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"string", "pos", "endpos"};
    KrObject *a[3];
    if (krArg_parse(ts, "finditer", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    return scanner_new(ts, &KrReIter_Type, self, a[0], a[1], a[2]);
}

// The next match (new reference), or NULL with no exception at the end.
static KrObject *scanner_step(KrThreadState *ts, KrReScanner *sc, int kind) {
    KrRePattern *p = (KrRePattern *)sc->pattern;
    if (sc->done || sc->pos > sc->endpos) return NULL;
    KrReSubject s;
    if (krRe_subject_init(ts, p, sc->string, &s) < 0) {
        krRe_subject_fini(&s);
        return NULL;
    }
    if (sc->end_byte > s.size) sc->end_byte = s.size;
    if (sc->byte_pos > sc->end_byte) sc->byte_pos = sc->end_byte;
    int r = krRe_exec(ts, p, kind, &s, sc->byte_pos, sc->end_byte, sc->must_advance);
    KrObject *m = r > 0 ? krReMatch_new(ts, p, &s, sc->pos, sc->endpos, sc->byte_pos, sc->pos) : NULL;
    krRe_subject_fini(&s);
    if (r <= 0) {
        sc->done = true;
        return NULL;
    }
    if (!m) return NULL;
    KrSsize start = ((KrReMatch *)m)->offs[0], end = ((KrReMatch *)m)->offs[1];
    sc->must_advance = start == end;
    sc->pos = s.ascii ? end : krRe_byte_to_cp(s.data, sc->byte_pos, sc->pos, end);
    sc->byte_pos = end;
    return m;
}

static KrObject *scanner_call(KrThreadState *ts, KrObject *self, int kind) {
    KrObject *m = scanner_step(ts, (KrReScanner *)self, kind);
    if (!m && !krErr_occurred(ts)) return kr_newref(KR_NONE);
    return m;
}

static KrObject *scanner_match(KrThreadState *ts, KrObject *self) { return scanner_call(ts, self, KR_RE_MATCH); }
static KrObject *scanner_search(KrThreadState *ts, KrObject *self) { return scanner_call(ts, self, KR_RE_SEARCH); }
static KrObject *scanner_iter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }
static KrObject *scanner_next(KrThreadState *ts, KrObject *self) {
    return scanner_step(ts, (KrReScanner *)self, KR_RE_SEARCH);
}

static const KrMethodDef scanner_methods[] = {
    {"match", KR_CFUNC(scanner_match), KR_METH_NOARGS, NULL},
    {"search", KR_CFUNC(scanner_search), KR_METH_NOARGS, NULL},
    {NULL},
};

static const KrMemberDef scanner_members[] = {
    {"pattern", KR_MEMBER_OBJECT, offsetof(KrReScanner, pattern), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static int scanner_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrReScanner *)self)->pattern);
    KR_VISIT(((KrReScanner *)self)->string);
    return 0;
}

static int scanner_clear(KrObject *self) {
    KR_CLEAR(((KrReScanner *)self)->pattern);
    KR_CLEAR(((KrReScanner *)self)->string);
    return 0;
}

static void scanner_dealloc(KrObject *self) {
    krGC_untrack(self);
    scanner_clear(self);
    krObj_free(self);
}

KrTypeObject KrReScanner_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(KrReScanner),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = scanner_dealloc,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = scanner_iter,
    .tp_iternext = scanner_next,
    .tp_methods = scanner_methods,
    .tp_members = scanner_members,
};

// What finditer returns: CPython's iter(scanner.search, None), a
// callable_iterator; here a scanner under that name, without its methods.
KrTypeObject KrReIter_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(KrReScanner),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = scanner_dealloc,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = scanner_iter,
    .tp_iternext = scanner_next,
};
