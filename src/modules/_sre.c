/*
 * _sre.c — the `_sre` module: re.error, Pattern objects, the compiled
 * pattern cache, the module-level functions (re.match, re.sub, ...) and the
 * glue to PCRE2.
 *
 * A Pattern holds its translated PCRE2 text and up to three compiled
 * variants (search; match = anchored; fullmatch = anchored at both ends),
 * compiled on first use and JIT-compiled when the JIT is available: PCRE2's
 * JIT cannot take PCRE2_ANCHORED/ENDANCHORED at match time, so the anchoring
 * is compiled in.  One match-data block per pattern is reused; the offsets
 * are copied out before any Python code can run, so re-entrant use (a sub()
 * callback using the same pattern) is safe.
 *
 * Subjects: a str is matched as its UTF-8 bytes (PCRE2_NO_UTF_CHECK: Krait
 * strs are valid UTF-8 except for lone surrogates, which are checked once per
 * subject and pattern); bytes-like objects as raw bytes.
 *
 * The cache maps a pattern (when flags are 0 and the pattern's type is
 * exactly str or bytes) or the tuple (type, pattern, flags) to the Pattern,
 * up to 512 entries, dropping the oldest, as re does.  It lives in the
 * module dict as `_cache`.
 */
#include <stdio.h>

#include "modules/_sre.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "runtime/error.h"
#include "runtime/import.h"

#define CACHE_MAX 512

// ---------------------------------------------------------------------------
// re.error

// error(msg, pattern=None, pos=None): sets msg, pattern, pos, lineno, colno
// and the message "msg at position N (line L, column C)".
static int reerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    static const char *const names[] = {"msg", "pattern", "pos"};
    KrObject *a[3];
    if (krArg_parse(ts, "error", args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return -1;
    KrObject *msg = a[0], *pattern = a[1] ? a[1] : KR_NONE, *pos = a[2] ? a[2] : KR_NONE;
    KrObject *lineno = KR_NONE, *colno = KR_NONE, *text = NULL;
    if (pattern != KR_NONE && pos != KR_NONE) {
        KrSsize p = krNum_as_ssize(ts, pos, &KrExc_OverflowError);
        if (p == -1 && krErr_occurred(ts)) return -1;
        KrSsize line = 1, last_nl = -1, i = 0;
        bool any_nl = false;
        if (krStr_check(pattern)) {
            const char *s = krStr_utf8(pattern), *end = s + krStr_size(pattern);
            for (; s < end; i++) {
                uint32_t c = krUtf8_decode(&s);
                if (c == '\n') {
                    any_nl = true;
                    if (i < p) line++, last_nl = i;
                }
            }
        } else {
            const char *d;
            KrSsize n;
            if (krBytes_as_buffer(ts, pattern, &d, &n) < 0) return -1;
            for (; i < n; i++) {
                if (d[i] == '\n') {
                    any_nl = true;
                    if (i < p) line++, last_nl = i;
                }
            }
        }
        lineno = kr_smallint(line);
        colno = kr_smallint(p - last_nl);
        text = any_nl ? krStr_from_format(ts, "%S at position %zd (line %zd, column %zd)", msg, p, line, p - last_nl)
                      : krStr_from_format(ts, "%S at position %zd", msg, p);
        if (!text) return -1;
    }
    KrObject *targ = text ? text : msg;
    int r = KrExc_Exception.tp_init(ts, self, &targ, 1, NULL);
    kr_xdecref(text);
    if (r < 0 || krObj_setattr_cstr(ts, self, "msg", msg) < 0 || krObj_setattr_cstr(ts, self, "pattern", pattern) < 0 ||
        krObj_setattr_cstr(ts, self, "pos", pos) < 0 || krObj_setattr_cstr(ts, self, "lineno", lineno) < 0 ||
        krObj_setattr_cstr(ts, self, "colno", colno) < 0)
        return -1;
    return 0;
}

KrTypeObject KrReError_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "re.error",
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "Exception raised for invalid regular expressions.\n\n"
              "Attributes:\n\n    msg: The unformatted error message\n"
              "    pattern: The regular expression pattern\n"
              "    pos: The index in the pattern where compilation failed (may be None)\n"
              "    lineno: The line corresponding to pos (may be None)\n"
              "    colno: The column corresponding to pos (may be None)\n",
    .tp_base = &KrExc_Exception,
    .tp_init = reerror_init,
};

KrObject *krRe_raise(KrThreadState *ts, KrObject *msg, KrObject *pattern, KrSsize pos) {
    KrObject *args[3] = {msg, pattern, NULL};
    KrSsize n = 1;
    if (pattern) {
        n = 2;
        if (pos >= 0) {
            args[2] = krInt_from_ssize(ts, pos);
            if (!args[2]) return NULL;
            n = 3;
        }
    }
    KrObject *exc = krObj_vectorcall(ts, (KrObject *)&KrReError_Type, args, (size_t)n, NULL);
    if (n == 3) kr_decref(args[2]);
    if (exc) krErr_set_exc(ts, exc);
    return NULL;
}

// ---------------------------------------------------------------------------
// Compiling

static KrObject *pcre_error(KrThreadState *ts, int code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(code, buf, sizeof buf);
    return krErr_format(ts, &KrExc_RuntimeError, "PCRE2 error %d: %s", code, (const char *)buf);
}

static pcre2_code *compile_variant(KrThreadState *ts, KrRePattern *p, int kind, bool sur) {
    uint32_t opt = p->options;
    if (kind == KR_RE_MATCH) opt |= PCRE2_ANCHORED;
    if (kind == KR_RE_FULLMATCH) opt |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (!cc) return (pcre2_code *)krErr_no_memory(ts);
    pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = sur ? pcre2_compile((PCRE2_SPTR)p->text_sur, p->text_sur_size, opt, &err, &off, cc)
                           : pcre2_compile((PCRE2_SPTR)p->text, p->text_size, opt, &err, &off, cc);
    pcre2_compile_context_free(cc);
    if (!code) {
        if (err == PCRE2_ERROR_HEAP_FAILED) return (pcre2_code *)krErr_no_memory(ts);
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        KrObject *msg = krStr_from_format(ts, "unsupported by Krait's regular expression engine (PCRE2: %s)",
                                          (const char *)buf);
        if (msg) {
            krRe_raise(ts, msg, p->pattern, -1);
            kr_decref(msg);
        }
        return NULL;
    }
    // Without the JIT (unsupported CPU, no executable memory) the
    // interpreter runs the same code.
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
}

static bool has_jit(pcre2_code *code) {
    size_t size = 0;
    return pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0;
}

static pcre2_code *get_code(KrThreadState *ts, KrRePattern *p, int kind, bool sur) {
    if (!sur) {
        if (!p->code[kind] && (p->code[kind] = compile_variant(ts, p, kind, false))) p->jit[kind] = has_jit(p->code[kind]);
        return p->code[kind];
    }
    if (!p->text_sur) {
        KrReTranslation t;
        if (krRe_translate(ts, p->pattern, p->arg_flags | KR_RE_MAP_SURROGATES, &t) < 0) return NULL;
        p->text_sur = t.text;
        p->text_sur_size = t.size;
        t.text = NULL;
        krRe_translation_clear(&t);
    }
    if (!p->code_sur[kind] && (p->code_sur[kind] = compile_variant(ts, p, kind, true)))
        p->jit_sur[kind] = has_jit(p->code_sur[kind]);
    return p->code_sur[kind];
}

// A new Pattern for `source` (str or bytes) and `flags`.
static KrObject *pattern_create(KrThreadState *ts, KrObject *source, int flags) {
    KrReTranslation t;
    if (krRe_translate(ts, source, flags, &t) < 0) return NULL;
    KrRePattern *p = (KrRePattern *)krObj_alloc(ts, &KrRePattern_Type, 0);
    if (!p) {
        krRe_translation_clear(&t);
        return NULL;
    }
    p->pattern = kr_newref(source);
    p->flags = t.flags;
    p->arg_flags = flags;
    p->groups = t.groups;
    p->is_bytes = !krStr_check(source);
    p->groupindex = t.groupindex;
    p->gparent = t.gparent;
    p->text = t.text;
    p->text_size = t.size;
    p->options = t.options;
    for (int g = 1; g <= t.groups; g++)
        if (t.gparent[g]) p->has_gparent = true;
    t.groupindex = NULL;
    t.gparent = NULL;
    t.text = NULL;
    KrObject *self = (KrObject *)p;
    p->indexgroup = krTuple_new(ts, t.groups + 1);
    if (!p->indexgroup) goto error;
    for (int g = 0; g <= t.groups; g++) KR_TUPLE_SET(p->indexgroup, g, kr_newref(KR_NONE));
    KrSsize pos = 0;
    KrObject *name, *num;
    while (krDict_next(p->groupindex, &pos, &name, &num)) {
        KrSsize g = kr_smallint_value(num);
        kr_setref(&KR_TUPLE_ITEMS(p->indexgroup)[g], kr_newref(name));
    }
    if (!get_code(ts, p, KR_RE_SEARCH, false)) goto error;
    p->md = pcre2_match_data_create_from_pattern(p->code[0], NULL);
    p->mctx = pcre2_match_context_create(NULL);
    if (!p->md || !p->mctx) {
        krErr_no_memory(ts);
        goto error;
    }
    pcre2_set_match_limit(p->mctx, UINT32_MAX);
    pcre2_set_depth_limit(p->mctx, UINT32_MAX);
    pcre2_set_heap_limit(p->mctx, UINT32_MAX);
    krGC_track(self);
    return self;
error:
    krGC_track(self);
    kr_decref(self);
    return NULL;
}

// ---------------------------------------------------------------------------
// Subjects and matching

static bool has_lone_surrogate(const char *s, KrSsize n) {
    const char *end = s + n;
    while ((s = memchr(s, 0xED, (size_t)(end - s))) != NULL) {
        if (s + 1 < end && (unsigned char)s[1] >= 0xA0) return true;
        s++;
    }
    return false;
}

// Copies the UTF-8 of str `subject` with each lone surrogate U+D800+k moved
// to U+10F800+k, which PCRE2 can match.  New reference (bytes).  The
// characters U+10F800-U+10FFFF themselves would become indistinguishable,
// so a string holding both is refused.
static KrObject *transcode_surrogates(KrThreadState *ts, KrObject *subject) {
    const char *p = krStr_utf8(subject), *end = p + krStr_size(subject);
    KrSsize extra = 0;
    for (const char *q = p; q < end; q++) {
        unsigned char c = (unsigned char)*q;
        if (c == 0xED && q + 1 < end && (unsigned char)q[1] >= 0xA0) extra++;
        if (c == 0xF4 && q + 1 < end && (unsigned char)q[1] == 0x8F && q + 2 < end && (unsigned char)q[2] >= 0xA0) {
            krErr_set_string(ts, &KrExc_NotImplementedError,
                             "regular expressions on strings with both lone surrogates and characters "
                             "U+10F800-U+10FFFF are not supported");
            return NULL;
        }
    }
    KrObject *b = krBytes_from_data(ts, NULL, krStr_size(subject) + extra);
    if (!b) return NULL;
    char *out = krBytes_data(b);
    while (p < end) {
        const char *start = p;
        uint32_t c = krUtf8_decode(&p);
        if (c >= 0xD800 && c <= 0xDFFF) out += krUtf8_encode(c + (0x10F800 - 0xD800), out);
        else while (start < p) *out++ = *start++;
    }
    return b;
}

void krRe_subject_fini(KrReSubject *s) { KR_CLEAR(s->owned); }

int krRe_subject_init(KrThreadState *ts, KrRePattern *pat, KrObject *subject, KrReSubject *s) {
    s->obj = subject;
    s->owned = NULL;
    s->sur = false;
    if (krStr_check(subject)) {
        if (pat->is_bytes) {
            krErr_set_string(ts, &KrExc_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        s->data = krStr_utf8(subject);
        s->size = krStr_size(subject);
        s->length = krStr_len(subject);
        s->ascii = krStr_is_ascii(subject);
        s->is_str = true;
        if (s->ascii || subject == pat->valid_subject) return 0;
        if (subject != pat->sur_subject) {
            if (!has_lone_surrogate(s->data, s->size)) {
                kr_setref(&pat->valid_subject, kr_newref(subject));
                return 0;
            }
            KrObject *b = transcode_surrogates(ts, subject);
            if (!b) return -1;
            kr_setref(&pat->sur_buffer, b);
            kr_setref(&pat->sur_subject, kr_newref(subject));
        }
        s->owned = kr_newref(pat->sur_buffer);
        s->data = krBytes_data(s->owned);
        s->size = krBytes_size(s->owned);
        s->sur = true;
        return 0;
    }
    if (krBytes_as_buffer(ts, subject, &s->data, &s->size) < 0) {
        krErr_clear(ts);
        krErr_format(ts, &KrExc_TypeError, "expected string or bytes-like object, got '%T'", subject);
        return -1;
    }
    if (!pat->is_bytes) {
        krErr_set_string(ts, &KrExc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    s->length = s->size;
    s->ascii = true;
    s->is_str = false;
    return 0;
}

KrSsize krRe_cp_to_byte(KrThreadState *ts, KrReSubject *s, KrSsize cp) {
    if (s->ascii || cp == 0) return cp;
    if (cp >= s->length) return s->size;
    if (s->sur) {
        // The copy's offsets differ from the str's: count lead bytes.
        KrSsize b = 0;
        for (KrSsize n = 0; n < cp && b < s->size; n++)
            for (b++; b < s->size && ((unsigned char)s->data[b] & 0xC0) == 0x80; b++) {}
        return b;
    }
    return krStr_byte_offset(ts, s->obj, cp);
}

KrSsize krRe_byte_to_cp(const char *data, KrSsize anchor_byte, KrSsize anchor_cp, KrSsize byte) {
    KrSsize n = 0;
    if (byte >= anchor_byte) {
        for (KrSsize i = anchor_byte; i < byte; i++) n += ((unsigned char)data[i] & 0xC0) != 0x80;
        return anchor_cp + n;
    }
    for (KrSsize i = byte; i < anchor_byte; i++) n += ((unsigned char)data[i] & 0xC0) != 0x80;
    return anchor_cp - n;
}

int krRe_exec(KrThreadState *ts, KrRePattern *pat, int kind, KrReSubject *s, KrSsize start_byte, KrSsize end_byte,
              bool notempty_atstart) {
    pcre2_code *code = get_code(ts, pat, kind, s->sur);
    if (!code) return -1;
    uint32_t opt = notempty_atstart ? PCRE2_NOTEMPTY_ATSTART : 0;
    if (s->is_str) opt |= PCRE2_NO_UTF_CHECK;
    // pcre2_jit_match skips pcre2_match's checks, which the subject (valid
    // UTF-8, offsets in range) and the options always pass here.
    int rc = (s->sur ? pat->jit_sur[kind] : pat->jit[kind])
                 ? pcre2_jit_match(code, (PCRE2_SPTR)s->data, (PCRE2_SIZE)end_byte, (PCRE2_SIZE)start_byte, opt, pat->md,
                                   pat->mctx)
                 : pcre2_match(code, (PCRE2_SPTR)s->data, (PCRE2_SIZE)end_byte, (PCRE2_SIZE)start_byte, opt, pat->md,
                               pat->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        // Deep backtracking: give the JIT a large stack of its own, then fall
        // back to the interpreter, whose backtracking frames live on the heap.
        pcre2_jit_stack *stack = pcre2_jit_stack_create(64 * 1024, 64 * 1024 * 1024, NULL);
        if (stack) {
            pcre2_jit_stack_assign(pat->mctx, NULL, stack);
            rc = pcre2_match(code, (PCRE2_SPTR)s->data, (PCRE2_SIZE)end_byte, (PCRE2_SIZE)start_byte, opt, pat->md,
                             pat->mctx);
            pcre2_jit_stack_assign(pat->mctx, NULL, NULL);
            pcre2_jit_stack_free(stack);
        }
        if (rc == PCRE2_ERROR_JIT_STACKLIMIT || !stack)
            rc = pcre2_match(code, (PCRE2_SPTR)s->data, (PCRE2_SIZE)end_byte, (PCRE2_SIZE)start_byte,
                             opt | PCRE2_NO_JIT, pat->md, pat->mctx);
    }
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == PCRE2_ERROR_NOMEMORY || rc == PCRE2_ERROR_HEAPLIMIT) {
        krErr_no_memory(ts);
        return -1;
    }
    pcre_error(ts, rc);
    return -1;
}

int krRe_ssize_arg(KrThreadState *ts, KrObject *o, KrSsize *out) {
    if (kr_is_smallint(o)) {
        *out = (KrSsize)kr_smallint_value(o);
        return 0;
    }
    KrObject *i = krNum_index(ts, o);
    if (!i) return -1;
    int64_t v;
    bool fits = krInt_to_i64(i, &v);
    kr_decref(i);
    if (!fits) {
        krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (KrSsize)v;
    return 0;
}

int krRe_get_range(KrThreadState *ts, KrObject *posobj, KrObject *endposobj, KrSsize length, KrSsize *pos,
                   KrSsize *endpos) {
    KrSsize p = 0, e = KR_SSIZE_MAX;
    if (posobj && krRe_ssize_arg(ts, posobj, &p) < 0) return -1;
    if (endposobj && krRe_ssize_arg(ts, endposobj, &e) < 0) return -1;
    if (p < 0) p = 0;
    else if (p > length) p = length;
    if (e < 0) e = 0;
    else if (e > length) e = length;
    *pos = p;
    *endpos = e;
    return 0;
}

// ---------------------------------------------------------------------------
// Pattern methods

static KrObject *pattern_do_match(KrThreadState *ts, KrRePattern *p, int kind, KrObject *string, KrObject *posobj,
                                  KrObject *endposobj) {
    KrReSubject s;
    KrSsize pos, endpos;
    KrObject *result = NULL;
    if (krRe_subject_init(ts, p, string, &s) < 0 || krRe_get_range(ts, posobj, endposobj, s.length, &pos, &endpos) < 0)
        goto done;
    if (pos > endpos) {
        result = kr_newref(KR_NONE);
        goto done;
    }
    KrSsize b0 = krRe_cp_to_byte(ts, &s, pos);
    KrSsize b1 = b0 < 0 ? -1 : krRe_cp_to_byte(ts, &s, endpos);
    if (b1 < 0) goto done;
    int r = krRe_exec(ts, p, kind, &s, b0, b1, false);
    if (r >= 0) result = r == 0 ? kr_newref(KR_NONE) : krReMatch_new(ts, p, &s, pos, endpos, b0, pos);
done:
    krRe_subject_fini(&s);
    return result;
}

static KrObject *pattern_match_kind(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                    KrObject *kwnames, int kind, const char *name) {
    static const char *const names[] = {"string", "pos", "endpos"};
    KrObject *a[3];
    if (nargs == 1 && !kwnames) return pattern_do_match(ts, (KrRePattern *)self, kind, args[0], NULL, NULL);
    if (krArg_parse(ts, name, args, nargs, kwnames, names, 3, 0, 3, 1, a) < 0) return NULL;
    return pattern_do_match(ts, (KrRePattern *)self, kind, a[0], a[1], a[2]);
}

static KrObject *pattern_match(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    return pattern_match_kind(ts, self, args, nargs, kwnames, KR_RE_MATCH, "match");
}
static KrObject *pattern_fullmatch(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                   KrObject *kwnames) {
    return pattern_match_kind(ts, self, args, nargs, kwnames, KR_RE_FULLMATCH, "fullmatch");
}
static KrObject *pattern_search(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames) {
    return pattern_match_kind(ts, self, args, nargs, kwnames, KR_RE_SEARCH, "search");
}

static const char *const flag_names[] = {"re.TEMPLATE", "re.IGNORECASE", "re.LOCALE", "re.MULTILINE",
                                         "re.DOTALL", "re.UNICODE", "re.VERBOSE", "re.DEBUG", "re.ASCII"};

static KrObject *pattern_repr(KrThreadState *ts, KrObject *self) {
    KrRePattern *p = (KrRePattern *)self;
    KrObject *r = krObj_repr(ts, p->pattern);
    if (!r) return NULL;
    if (krStr_len(r) > 200) {
        KrObject *cut = krStr_substring(ts, r, 0, 200);
        kr_decref(r);
        if (!cut) return NULL;
        r = cut;
    }
    KrStrBuilder sb;
    krSB_init(&sb);
    int ok = krSB_append_cstr(ts, &sb, "re.compile(") == 0 && krSB_append_str(ts, &sb, r) == 0;
    kr_decref(r);
    unsigned flags = (unsigned)p->flags;
    // UNICODE is the default for str patterns and is not shown.
    if (!p->is_bytes && (flags & (KR_RE_UNICODE | KR_RE_ASCII | KR_RE_LOCALE)) == KR_RE_UNICODE) flags &= ~KR_RE_UNICODE;
    if (ok && flags) {
        ok = krSB_append_cstr(ts, &sb, ", ") == 0;
        bool first = true;
        for (int i = 0; i < 9 && ok; i++) {
            if (!(flags & (1u << i))) continue;
            ok = (first || krSB_append_cstr(ts, &sb, "|") == 0) && krSB_append_cstr(ts, &sb, flag_names[i]) == 0;
            first = false;
            flags &= ~(1u << i);
        }
        if (ok && flags) ok = (first || krSB_append_cstr(ts, &sb, "|") == 0) && krSB_printf(ts, &sb, "0x%x", flags) == 0;
    }
    if (!ok || krSB_append_cstr(ts, &sb, ")") < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

static KrObject *pattern_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &KrRePattern_Type) return kr_newref(KR_NOTIMPLEMENTED);
    KrRePattern *x = (KrRePattern *)a, *y = (KrRePattern *)b;
    int eq = 1;
    if (a != b) {
        eq = x->flags == y->flags && x->is_bytes == y->is_bytes && x->text_size == y->text_size &&
             memcmp(x->text, y->text, x->text_size) == 0;
        if (eq) {
            eq = krObj_eq(ts, x->pattern, y->pattern);
            if (eq < 0) return NULL;
        }
    }
    return kr_newref(kr_bool(op == KR_EQ ? eq : !eq));
}

static KrHash pattern_hash(KrThreadState *ts, KrObject *self) {
    KrRePattern *p = (KrRePattern *)self;
    KrHash h = krObj_hash(ts, p->pattern);
    if (h == -1) return -1;
    h ^= krHash_bytes(p->text, (KrSsize)p->text_size) ^ p->flags;
    return h == -1 ? -2 : h;
}

static KrObject *pattern_copy(KrThreadState *ts, KrObject *self) { return kr_newref(self); }
static KrObject *pattern_deepcopy(KrThreadState *ts, KrObject *self, KrObject *memo) { return kr_newref(self); }

static KrObject *pattern_reduce(KrThreadState *ts, KrObject *self) {
    KrRePattern *p = (KrRePattern *)self;
    KrObject *re = krImport_import(ts, "re");
    if (!re) return NULL;
    KrObject *fn = krObj_getattr_cstr(ts, re, "_compile");
    kr_decref(re);
    if (!fn) return NULL;
    KrObject *r = krTuple_new(ts, 2);
    KrObject *args = r ? krTuple_pack(ts, 2, p->pattern, kr_smallint(p->flags)) : NULL;
    if (!args) {
        kr_decref(fn);
        kr_xdecref(r);
        return NULL;
    }
    KR_TUPLE_SET(r, 0, fn);
    KR_TUPLE_SET(r, 1, args);
    return r;
}

static KrObject *pattern_get_groupindex(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *copy = krDict_copy(ts, ((KrRePattern *)self)->groupindex);
    if (!copy) return NULL;
    KrObject *proxy = krMappingProxy_new(ts, copy);
    kr_decref(copy);
    return proxy;
}

static KrObject *pattern_get_flags(KrThreadState *ts, KrObject *self, void *closure) {
    return krInt_from_i64(ts, ((KrRePattern *)self)->flags);
}

static KrObject *pattern_get_groups(KrThreadState *ts, KrObject *self, void *closure) {
    return krInt_from_i64(ts, ((KrRePattern *)self)->groups);
}

static const KrMethodDef pattern_methods[] = {
    {"match", KR_CFUNC(pattern_match), KR_METH_FASTKW,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", KR_CFUNC(pattern_fullmatch), KR_METH_FASTKW, "Matches against all of the string."},
    {"search", KR_CFUNC(pattern_search), KR_METH_FASTKW,
     "Scan through string looking for a match, and return a corresponding match object instance.\n\n"
     "Return None if no position in the string matches."},
    {"sub", KR_CFUNC(krRePattern_sub), KR_METH_FASTKW,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by "
     "the replacement repl."},
    {"subn", KR_CFUNC(krRePattern_subn), KR_METH_FASTKW,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping "
     "occurrences of pattern with the replacement repl."},
    {"split", KR_CFUNC(krRePattern_split), KR_METH_FASTKW,
     "Split string by the occurrences of pattern."},
    {"findall", KR_CFUNC(krRePattern_findall), KR_METH_FASTKW,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", KR_CFUNC(krRePattern_finditer), KR_METH_FASTKW,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", KR_CFUNC(krRePattern_scanner), KR_METH_FASTKW, NULL},
    {"__copy__", KR_CFUNC(pattern_copy), KR_METH_NOARGS, NULL},
    {"__deepcopy__", KR_CFUNC(pattern_deepcopy), KR_METH_O, NULL},
    {"__reduce__", KR_CFUNC(pattern_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

static const KrGetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, NULL, "A dictionary mapping group names to group numbers."},
    {"flags", pattern_get_flags, NULL, "The regex matching flags."},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern."},
    {NULL},
};

static const KrMemberDef pattern_members[] = {
    {"pattern", KR_MEMBER_OBJECT, offsetof(KrRePattern, pattern), KR_MEMBER_READONLY,
     "The pattern string from which the RE object was compiled."},
    {NULL},
};

static int pattern_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrRePattern *p = (KrRePattern *)self;
    KR_VISIT(p->pattern);
    KR_VISIT(p->groupindex);
    KR_VISIT(p->indexgroup);
    KR_VISIT(p->repl_cache);
    KR_VISIT(p->repl_parsed);
    return 0;
}

static int pattern_clear(KrObject *self) {
    KrRePattern *p = (KrRePattern *)self;
    KR_CLEAR(p->groupindex);
    KR_CLEAR(p->indexgroup);
    KR_CLEAR(p->repl_cache);
    KR_CLEAR(p->repl_parsed);
    KR_CLEAR(p->valid_subject);
    KR_CLEAR(p->sur_subject);
    KR_CLEAR(p->sur_buffer);
    return 0;
}

static void pattern_dealloc(KrObject *self) {
    KrRePattern *p = (KrRePattern *)self;
    krGC_untrack(self);
    pattern_clear(self);
    KR_CLEAR(p->pattern);
    for (int i = 0; i < 3; i++) {
        if (p->code[i]) pcre2_code_free(p->code[i]);
        if (p->code_sur[i]) pcre2_code_free(p->code_sur[i]);
    }
    krMem_free(p->text_sur);
    if (p->md) pcre2_match_data_free(p->md);
    if (p->mctx) pcre2_match_context_free(p->mctx);
    krMem_free(p->gparent);
    krMem_free(p->text);
    krObj_free(self);
}

KrTypeObject KrRePattern_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(KrRePattern),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Compiled regular expression object.",
    .tp_dealloc = pattern_dealloc,
    .tp_traverse = pattern_traverse,
    .tp_clear = pattern_clear,
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_richcompare = pattern_richcompare,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = pattern_methods,
    .tp_members = pattern_members,
    .tp_getset = pattern_getset,
    .tp_weaklistoffset = offsetof(KrRePattern, weakreflist),
};

// ---------------------------------------------------------------------------
// The compiled-pattern cache and re.compile

static int flags_value(KrThreadState *ts, KrObject *flags, int *out) {
    if (!flags) {
        *out = 0;
        return 0;
    }
    if (!krInt_check(flags)) {
        krErr_format(ts, &KrExc_TypeError, "unsupported operand type(s) for &: '%T' and 'RegexFlag'", flags);
        return -1;
    }
    int64_t v;
    if (!krInt_to_i64(flags, &v) || v < INT32_MIN || v > INT32_MAX) {
        krErr_set_string(ts, &KrExc_OverflowError, "regular expression flags do not fit in 32 bits");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// The cache key for (pattern, flags): new reference.
static KrObject *cache_key(KrThreadState *ts, KrObject *pattern, int flags) {
    KrTypeObject *t = KR_TYPE(pattern);
    if (flags == 0 && (t == &KrStr_Type || t == &KrBytes_Type)) return kr_newref(pattern);
    KrObject *f = krInt_from_i64(ts, flags);
    if (!f) return NULL;
    KrObject *key = krTuple_pack(ts, 3, (KrObject *)t, pattern, f);
    kr_decref(f);
    return key;
}

static KrObject *get_cache(KrThreadState *ts, KrObject *module) {
    KrObject *c = krDict_get_cstr(ts, krModule_dict(module), "_cache");
    if (!c && !krErr_occurred(ts)) krErr_set_string(ts, &KrExc_RuntimeError, "_sre._cache is missing");
    if (c && !krDict_check(c)) {
        krErr_set_string(ts, &KrExc_TypeError, "_sre._cache must be a dict");
        return NULL;
    }
    return c;
}

// Binds the arguments of a module-level function the way a Python function
// `def fname(names[0], ..., names[n-1])` with the last n - nrequired
// parameters defaulted binds them (re's functions are Python functions in
// CPython, so their argument errors read like these).  0 or -1.
static int bind_args(KrThreadState *ts, const char *fname, const char *const *names, int n, int nrequired,
                     KrObject *const *args, KrSsize nargs, KrObject *kwnames, KrObject **out) {
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : NULL;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    for (KrSsize k = 0; k < nkw; k++) {
        KrObject *kw = KR_TUPLE_GET(kwnames, k);
        int i = 0;
        while (i < n && !krStr_eq_cstr(kw, names[i])) i++;
        if (i == n) {
            krErr_format(ts, &KrExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kw);
            return -1;
        }
        if (out[i]) {
            krErr_format(ts, &KrExc_TypeError, "%s() got multiple values for argument '%s'", fname, names[i]);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    if (nargs > n) {
        if (nrequired == n)
            krErr_format(ts, &KrExc_TypeError, "%s() takes %d positional argument%s but %zd %s given", fname, n,
                         n == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        else
            krErr_format(ts, &KrExc_TypeError, "%s() takes from %d to %d positional arguments but %zd were given",
                         fname, nrequired, n, nargs);
        return -1;
    }
    int missing = 0;
    for (int i = 0; i < nrequired; i++) missing += !out[i];
    if (!missing) return 0;
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = krSB_printf(ts, &sb, "%s() missing %d required positional argument%s: ", fname, missing,
                        missing == 1 ? "" : "s");
    for (int i = 0, seen = 0; r == 0 && i < nrequired; i++) {
        if (out[i]) continue;
        seen++;
        const char *sep = seen == 1 ? "" : missing == 2 ? " and " : seen == missing ? ", and " : ", ";
        r = krSB_printf(ts, &sb, "%s'%s'", sep, names[i]);
    }
    KrObject *msg = r == 0 ? krSB_finish(ts, &sb) : (krSB_discard(&sb), NULL);
    if (msg) {
        krErr_set_object(ts, &KrExc_TypeError, msg);
        kr_decref(msg);
    }
    return -1;
}

// _compile(pattern, flags) of re: the cached Pattern.  New reference.
static KrObject *compile_cached(KrThreadState *ts, KrObject *module, KrObject *pattern, KrObject *flagsobj) {
    int flags;
    if (flags_value(ts, flagsobj, &flags) < 0) return NULL;
    KrObject *cache = get_cache(ts, module);
    if (!cache) return NULL;
    KrObject *key = NULL;
    KrTypeObject *t = KR_TYPE(pattern);
    if (t == &KrRePattern_Type) {
        if (flags) {
            krErr_set_string(ts, &KrExc_ValueError, "cannot process flags argument with a compiled pattern");
            return NULL;
        }
        return kr_newref(pattern);
    }
    if (!krStr_check(pattern) && !krBytes_check(pattern)) {
        // re looks the pattern up in its cache first: an unhashable one
        // fails there.
        if (krObj_hash(ts, pattern) == -1) return NULL;
        krErr_set_string(ts, &KrExc_TypeError, "first argument must be string or compiled pattern");
        return NULL;
    }
    key = cache_key(ts, pattern, flags);
    if (!key) return NULL;
    KrObject *hit = krDict_get(ts, cache, key);
    if (hit) {
        kr_decref(key);
        return kr_newref(hit);
    }
    if (krErr_occurred(ts)) {
        kr_decref(key);
        return NULL;
    }
    if (flags & KR_RE_DEBUG) {
        kr_decref(key);
        krErr_set_string(ts, &KrExc_NotImplementedError, "re.DEBUG is not supported by Krait");
        return NULL;
    }
    KrObject *p = pattern_create(ts, pattern, flags);
    if (!p) {
        kr_decref(key);
        return NULL;
    }
    if (krDict_size(cache) >= CACHE_MAX) {
        KrSsize pos = 0;
        KrObject *oldest;
        if (krDict_next(cache, &pos, &oldest, NULL)) {
            kr_incref(oldest);
            int r = krDict_del(ts, cache, oldest);
            kr_decref(oldest);
            if (r < 0) krErr_clear(ts);
        }
    }
    int r = krDict_set(ts, cache, key, p);
    kr_decref(key);
    if (r < 0) {
        kr_decref(p);
        return NULL;
    }
    return p;
}

static KrObject *mod_compile(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"pattern", "flags"};
    KrObject *a[2];
    if (bind_args(ts, "compile", names, 2, 1, args, nargs, kwnames, a) < 0) return NULL;
    return compile_cached(ts, self, a[0], a[1]);
}

// re.match/fullmatch/search(pattern, string, flags=0)
static KrObject *mod_match_kind(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                KrObject *kwnames, int kind, const char *fname) {
    static const char *const names[] = {"pattern", "string", "flags"};
    KrObject *a[3];
    if (nargs == 2 && !kwnames) {
        a[0] = args[0], a[1] = args[1], a[2] = NULL;
    } else if (bind_args(ts, fname, names, 3, 2, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    KrObject *p = compile_cached(ts, self, a[0], a[2]);
    if (!p) return NULL;
    KrObject *r = pattern_do_match(ts, (KrRePattern *)p, kind, a[1], NULL, NULL);
    kr_decref(p);
    return r;
}

static KrObject *mod_match(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return mod_match_kind(ts, self, args, nargs, kw, KR_RE_MATCH, "match");
}
static KrObject *mod_fullmatch(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kw) {
    return mod_match_kind(ts, self, args, nargs, kw, KR_RE_FULLMATCH, "fullmatch");
}
static KrObject *mod_search(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    return mod_match_kind(ts, self, args, nargs, kw, KR_RE_SEARCH, "search");
}

// The module functions that forward to a Pattern method: the pattern and
// flags are taken out, the rest passed on.  `names` lists the function's
// parameters; `flags_at` is the index of `flags`.
typedef KrObject *(*PatternMethod)(KrThreadState *, KrObject *, KrObject *const *, KrSsize, KrObject *);

static KrObject *forward(KrThreadState *ts, KrObject *module, const char *fname, const char *const *names, int n,
                         int nrequired, KrObject *const *args, KrSsize nargs, KrObject *kwnames, PatternMethod m) {
    KrObject *a[5];
    if (bind_args(ts, fname, names, n, nrequired, args, nargs, kwnames, a) < 0) return NULL;
    KrObject *p = compile_cached(ts, module, a[0], a[n - 1]);
    if (!p) return NULL;
    KrObject *margs[3];
    KrSsize k = 0;
    for (int i = 1; i < n - 1; i++) {
        if (!a[i]) break;
        margs[k++] = a[i];
    }
    KrObject *r = m(ts, p, margs, k, NULL);
    kr_decref(p);
    return r;
}

static KrObject *mod_sub(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    static const char *const names[] = {"pattern", "repl", "string", "count", "flags"};
    return forward(ts, self, "sub", names, 5, 3, args, nargs, kw, krRePattern_sub);
}
static KrObject *mod_subn(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    static const char *const names[] = {"pattern", "repl", "string", "count", "flags"};
    return forward(ts, self, "subn", names, 5, 3, args, nargs, kw, krRePattern_subn);
}
static KrObject *mod_split(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    static const char *const names[] = {"pattern", "string", "maxsplit", "flags"};
    return forward(ts, self, "split", names, 4, 2, args, nargs, kw, krRePattern_split);
}
static KrObject *mod_findall(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kw) {
    static const char *const names[] = {"pattern", "string", "flags"};
    return forward(ts, self, "findall", names, 3, 2, args, nargs, kw, krRePattern_findall);
}
static KrObject *mod_finditer(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kw) {
    static const char *const names[] = {"pattern", "string", "flags"};
    return forward(ts, self, "finditer", names, 3, 2, args, nargs, kw, krRePattern_finditer);
}

static KrObject *mod_purge(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    if (bind_args(ts, "purge", NULL, 0, 0, args, nargs, kwnames, NULL) < 0) return NULL;
    KrObject *cache = get_cache(ts, self);
    if (!cache) return NULL;
    krDict_clear(cache);
    return kr_newref(KR_NONE);
}

// _sre.translate(pattern, flags=0): the PCRE2 text a pattern becomes (for
// debugging the translator).
static KrObject *mod_translate(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"pattern", "flags"};
    KrObject *a[2];
    int flags;
    if (krArg_parse(ts, "translate", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0 || flags_value(ts, a[1], &flags) < 0)
        return NULL;
    if (!krStr_check(a[0]) && !krBytes_check(a[0])) {
        krErr_set_string(ts, &KrExc_TypeError, "first argument must be string or compiled pattern");
        return NULL;
    }
    KrReTranslation t;
    if (krRe_translate(ts, a[0], flags, &t) < 0) return NULL;
    KrObject *r = krStr_from_utf8(ts, t.text, (KrSsize)t.size);
    krRe_translation_clear(&t);
    return r;
}

static KrObject *mod_escape(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"pattern"};
    KrObject *a[1];
    if (bind_args(ts, "escape", names, 1, 1, args, nargs, kwnames, a) < 0) return NULL;
    return krRe_escape(ts, self, a[0]);
}

static const KrMethodDef sre_methods[] = {
    {"translate", KR_CFUNC(mod_translate), KR_METH_FASTKW, "The PCRE2 pattern a regular expression is translated to."},
    {"compile", KR_CFUNC(mod_compile), KR_METH_FASTKW, "Compile a regular expression pattern, returning a Pattern object."},
    {"match", KR_CFUNC(mod_match), KR_METH_FASTKW,
     "Try to apply the pattern at the start of the string, returning\na Match object, or None if no match was found."},
    {"fullmatch", KR_CFUNC(mod_fullmatch), KR_METH_FASTKW,
     "Try to apply the pattern to all of the string, returning\na Match object, or None if no match was found."},
    {"search", KR_CFUNC(mod_search), KR_METH_FASTKW,
     "Scan through string looking for a match to the pattern, returning\na Match object, or None if no match was found."},
    {"sub", KR_CFUNC(mod_sub), KR_METH_FASTKW,
     "Return the string obtained by replacing the leftmost\nnon-overlapping occurrences of the pattern in string by the\n"
     "replacement repl."},
    {"subn", KR_CFUNC(mod_subn), KR_METH_FASTKW, "Return a 2-tuple containing (new_string, number)."},
    {"split", KR_CFUNC(mod_split), KR_METH_FASTKW, "Split the source string by the occurrences of the pattern."},
    {"findall", KR_CFUNC(mod_findall), KR_METH_FASTKW, "Return a list of all non-overlapping matches in the string."},
    {"finditer", KR_CFUNC(mod_finditer), KR_METH_FASTKW,
     "Return an iterator over all non-overlapping matches in the\nstring.  For each match, the iterator returns a Match object."},
    {"purge", KR_CFUNC(mod_purge), KR_METH_FASTKW, "Clear the regular expression caches"},
    {"escape", KR_CFUNC(mod_escape), KR_METH_FASTKW, "Escape special characters in a string."},
    {NULL},
};

// ---------------------------------------------------------------------------
// Module

static int sre_exec(KrThreadState *ts, KrObject *m) {
    if (krModule_add_object_steal(ts, m, "_cache", krDict_new(ts)) < 0 ||
        krModule_add_object(ts, m, "Pattern", (KrObject *)&KrRePattern_Type) < 0 ||
        krModule_add_object(ts, m, "Match", (KrObject *)&KrReMatch_Type) < 0 ||
        krModule_add_object(ts, m, "error", (KrObject *)&KrReError_Type) < 0 ||
        krModule_add_object_steal(ts, m, "MAXREPEAT", krInt_from_u64(ts, KR_RE_MAXREPEAT)) < 0 ||
        krModule_add_int(ts, m, "MAXGROUPS", KR_RE_MAXGROUPS) < 0)
        return -1;
    char version[32];
    pcre2_config(PCRE2_CONFIG_VERSION, version);
    return krModule_add_string(ts, m, "pcre2_version", version);
}

const KrModuleDef kr__sre_module_def = {
    .name = "_sre",
    .doc = "Regular expression matching on PCRE2, with Python's syntax and semantics (used by re).",
    .methods = sre_methods,
    .exec = sre_exec,
};
