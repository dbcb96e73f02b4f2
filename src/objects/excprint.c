/*
 * excprint.c — printing an exception the way CPython 3.11 prints an
 * uncaught one (Python/pythonrun.c): its chain of causes and contexts
 * first, each with its traceback; the "module.Type: message" line ("Type"
 * alone when str() is empty; no module for builtins and __main__); the
 * "Did you mean" suggestion of NameError and AttributeError; __notes__;
 * SyntaxError's file/line/caret block; and exception groups as an indented
 * tree with "+-+---- 1 ----" separators.
 *
 * The whole text is built in memory and written to the file in one call.
 */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/frameobject.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/traceback_print.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/state.h"

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static int put(KrExcPrint *p, const char *s) { return krSB_append_cstr(p->ts, p->sb, s); }

int krExcPrint_margin(KrExcPrint *p) {
    for (int i = 0; i < 2 * p->group_depth; i++)
        if (put(p, " ") < 0) return -1;
    return p->group_depth ? put(p, "| ") : 0;
}

static int put_indent(KrExcPrint *p) {
    for (int i = 0; i < 2 * p->group_depth; i++)
        if (put(p, " ") < 0) return -1;
    return 0;
}

static bool seen(KrExcPrint *p, KrObject *e) {
    for (KrSsize i = 0; i < p->nseen; i++)
        if (p->seen[i] == e) return true;
    return false;
}

static void mark_seen(KrExcPrint *p, KrObject *e) {
    if (p->nseen == p->capseen) {
        KrSsize cap = p->capseen ? p->capseen * 2 : 16;
        const KrObject **n = krMem_realloc(p->seen, sizeof(KrObject *) * (size_t)cap);
        if (n == NULL) return;   // only cycle detection suffers
        p->seen = n;
        p->capseen = cap;
    }
    p->seen[p->nseen++] = e;
}

// ---------------------------------------------------------------------------
// "Did you mean" (CPython's suggestions.c): the closest candidate by a
// Levenshtein distance where a case change costs less than other edits.

#define MAX_CANDIDATES 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static int substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z') b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

static KrSsize edit_distance(const char *a, KrSsize na, const char *b, KrSsize nb, KrSsize max_cost) {
    if (a == b && na == nb) return 0;
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (na == 0 || nb == 0) return (na + nb) * MOVE_COST;
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        KrSsize tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
    KrSsize row[MAX_STRING_SIZE];
    for (KrSsize i = 0; i < na; i++) row[i] = (i + 1) * MOVE_COST;
    KrSsize result = 0;
    for (KrSsize bi = 0; bi < nb; bi++) {
        KrSsize distance = result = bi * MOVE_COST;
        KrSsize minimum = KR_SSIZE_MAX;
        for (KrSsize ai = 0; ai < na; ai++) {
            KrSsize substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = row[ai];
            KrSsize insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[ai] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

// The candidate of `names` (a list of str) closest to `name`, borrowed, or NULL.
static KrObject *closest(KrObject *names, KrObject *name) {
    KrSsize n = KR_LIST_SIZE(names);
    if (n >= MAX_CANDIDATES) return NULL;
    KrObject *best = NULL;
    KrSsize best_dist = KR_SSIZE_MAX;
    for (KrSsize i = 0; i < n; i++) {
        KrObject *item = KR_LIST_GET(names, i);
        if (!krStr_check(item)) return NULL;
        if (krStr_eq(item, name)) continue;
        KrSsize max_dist = (krStr_size(name) + krStr_size(item) + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max_dist) max_dist = best_dist - 1;
        KrSsize d = edit_distance(krStr_utf8(name), krStr_size(name), krStr_utf8(item), krStr_size(item), max_dist);
        if (d > max_dist) continue;
        if (best == NULL || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

// A list of the keys of a mapping.  New reference.
static KrObject *keys_list(KrThreadState *ts, KrObject *mapping) {
    if (krDict_check(mapping)) return krDict_keys(ts, mapping);
    return krSeq_list(ts, mapping);
}

static KrObject *suggest_for_name(KrThreadState *ts, KrObject *exc, KrObject *name) {
    KrObject *tbo = krExc_traceback(exc);
    if (tbo == NULL) return NULL;
    KrTracebackObject *tb = (KrTracebackObject *)tbo;
    while (tb->tb_next != NULL) tb = tb->tb_next;
    KrFrame *f = ((KrFrameObject *)tb->tb_frame)->f_frame;
    KrCodeObject *co = f->code;
    KrObject *names = krList_new(ts, 0);
    if (names == NULL) return NULL;
    const uint8_t *kinds = (const uint8_t *)krBytes_data(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if ((kinds[i] & KR_FAST_LOCAL) && krList_append(ts, names, KR_TUPLE_GET(co->co_localsplusnames, i)) < 0) {
            kr_decref(names);
            return NULL;
        }
    }
    KrObject *s = closest(names, name);
    kr_decref(names);
    KrObject *spaces[2] = {f->globals, f->builtins};
    for (int k = 0; s == NULL && k < 2; k++) {
        if (spaces[k] == NULL) continue;
        names = keys_list(ts, spaces[k]);
        if (names == NULL) return NULL;
        s = closest(names, name);
        if (s != NULL) kr_incref(s);
        kr_decref(names);
        if (s != NULL) return s;
    }
    return s ? kr_newref(s) : NULL;
}

static KrObject *suggest_for_attribute(KrThreadState *ts, KrObject *obj, KrObject *name) {
    KrObject *dir = krDict_get_cstr(ts, ts->interp->builtins, "dir");
    if (dir == NULL) return NULL;
    KrObject *names = krObj_call1(ts, dir, obj);
    if (names == NULL || !krList_check(names)) {
        kr_xdecref(names);
        return NULL;
    }
    KrObject *s = closest(names, name);
    kr_xincref(s);
    kr_decref(names);
    return s;
}

// ". Did you mean: 'x'?" for exact NameError / AttributeError.
static int print_suggestion(KrExcPrint *p, KrObject *exc) {
    KrThreadState *ts = p->ts;
    KrTypeObject *t = KR_TYPE(exc);
    if (t != &KrExc_NameError && t != &KrExc_AttributeError) return 0;
    KrObject *pending = krErr_fetch(ts);
    KrObject *name = NULL, *obj = NULL, *s = NULL;
    if (krObj_lookup_attr(ts, exc, KR_ID(name), &name) > 0 && krStr_check_exact(name)) {
        if (t == &KrExc_NameError) {
            s = suggest_for_name(ts, exc, name);
        } else if (krObj_lookup_attr(ts, exc, krStr_intern_cstr(ts, "obj"), &obj) > 0) {
            s = suggest_for_attribute(ts, obj, name);
        }
    }
    kr_xdecref(name);
    kr_xdecref(obj);
    krErr_clear(ts);
    krErr_restore(ts, pending);
    int err = 0;
    if (s != NULL) {
        err = (put(p, ". Did you mean: '") < 0 || krSB_append_str(ts, p->sb, s) < 0 || put(p, "'?") < 0) ? -1 : 0;
        kr_decref(s);
    }
    return err;
}

// ---------------------------------------------------------------------------
// The parts of one exception

// "module.Qualname: message"
static int print_message(KrExcPrint *p, KrTypeObject *type, KrObject *value) {
    KrThreadState *ts = p->ts;
    if (krExcPrint_margin(p) < 0) return -1;
    KrObject *module = krObj_getattr(ts, (KrObject *)type, KR_ID(__module__));
    if (module == NULL || !krStr_check(module)) {
        krErr_clear(ts);
        if (put(p, "<unknown>.") < 0) goto fail;
    } else if (!krStr_eq_cstr(module, "builtins") && !krStr_eq_cstr(module, "__main__")) {
        if (krSB_append_str(ts, p->sb, module) < 0 || put(p, ".") < 0) goto fail;
    }
    kr_xdecref(module);
    KrObject *qualname = krType_qualname(ts, type);
    if (qualname == NULL || !krStr_check(qualname)) {
        krErr_clear(ts);
        if (put(p, "<unknown>") < 0) goto fail2;
    } else if (krSB_append_str(ts, p->sb, qualname) < 0) {
        goto fail2;
    }
    kr_xdecref(qualname);
    if (value == KR_NONE) return 0;
    KrObject *s = krObj_str(ts, value);
    if (s == NULL) {
        krErr_clear(ts);
        return put(p, ": <exception str() failed>");
    }
    int err = 0;
    if (!krStr_check(s) || krStr_len(s) != 0) err = put(p, ": ");
    if (err == 0) err = krSB_append_str(ts, p->sb, s);
    kr_decref(s);
    return err;
fail:
    kr_xdecref(module);
    return -1;
fail2:
    kr_xdecref(qualname);
    return -1;
}

static int print_notes(KrExcPrint *p, KrObject *value) {
    KrThreadState *ts = p->ts;
    KrObject *notes = NULL;
    int r = krObj_lookup_attr(ts, value, krStr_intern_cstr(ts, "__notes__"), &notes);
    if (r <= 0) {
        krErr_clear(ts);
        return 0;
    }
    int err = 0;
    if (!krList_check(notes) && !krTuple_check(notes)) {
        err = krExcPrint_margin(p);
        KrObject *s = err == 0 ? krObj_repr(ts, notes) : NULL;
        if (err == 0 && s == NULL) {
            krErr_clear(ts);
            err = put(p, "<__notes__ repr() failed>");
        } else if (s != NULL) {
            err = krSB_append_str(ts, p->sb, s);
            kr_decref(s);
        }
        kr_decref(notes);
        return err;
    }
    KrSsize n = KR_SIZE(notes);
    for (KrSsize i = 0; err == 0 && i < n; i++) {
        KrObject *note = krList_check(notes) ? KR_LIST_GET(notes, i) : KR_TUPLE_GET(notes, i);
        KrObject *s = krObj_str(ts, note);
        if (s == NULL) {
            krErr_clear(ts);
            err = put(p, "<note str() failed>");
        } else {
            // Each line of the note gets the margin.
            const char *t = krStr_utf8(s), *end = t + krStr_size(s);
            while (err == 0 && t < end) {
                const char *nl = memchr(t, '\n', (size_t)(end - t));
                const char *stop = nl ? nl + 1 : end;
                err = krExcPrint_margin(p);
                if (err == 0) err = krSB_append(ts, p->sb, t, stop - t);
                t = stop;
            }
            if (krStr_size(s) == 0) err = krExcPrint_margin(p);
            kr_decref(s);
        }
        if (err == 0) err = put(p, "\n");
    }
    kr_decref(notes);
    return err;
}

// ---------------------------------------------------------------------------
// SyntaxError: '  File "x.py", line 3', the text and the caret range

// An integer attribute; `dflt` when None.  false when missing or not an int.
static bool int_attr(KrThreadState *ts, KrObject *o, KrObject *name, KrSsize dflt, KrSsize *out) {
    KrObject *v = krObj_getattr(ts, o, name);
    if (v == NULL) return false;
    bool ok = true;
    if (v == KR_NONE) {
        *out = dflt;
    } else if (krInt_check(v)) {
        int64_t x;
        ok = krInt_to_i64(v, &x);
        *out = (KrSsize)x;
    } else {
        ok = false;
    }
    kr_decref(v);
    return ok;
}

static int print_error_text(KrExcPrint *p, KrSsize offset, KrSsize end_offset, KrObject *text_obj) {
    KrSsize carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *text = krStr_utf8(text_obj);
    offset--;   // to 0-based
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    KrSsize len = (KrSsize)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    // The caret belongs to the last of several lines the text may hold.
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (nl == NULL) break;
        KrSsize inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    if (put(p, "    ") < 0 || put(p, text) < 0) return -1;
    if (text[len] != '\n' && put(p, "\n") < 0) return -1;
    if (offset < 0) return 0;
    if (put(p, "    ") < 0) return -1;
    for (KrSsize i = 0; i < offset; i++)
        if (put(p, " ") < 0) return -1;
    for (KrSsize i = 0; i < carets; i++)
        if (put(p, "^") < 0) return -1;
    return put(p, "\n");
}

// Prints the location block of a SyntaxError and replaces *value by its msg
// (what the message line shows).  Silently does nothing when the error lacks
// the attributes.  0 or -1.
static int print_syntax_location(KrExcPrint *p, KrObject **value) {
    KrThreadState *ts = p->ts;
    KrObject *v = *value, *msg = NULL, *filename = NULL, *text = NULL;
    KrObject *tmp = NULL;
    int r = krObj_lookup_attr(ts, v, KR_ID(print_file_and_line), &tmp);
    kr_xdecref(tmp);
    if (r <= 0) {
        krErr_clear(ts);
        return 0;
    }
    KrSsize lineno, offset, end_lineno, end_offset;
    msg = krObj_getattr(ts, v, KR_ID(msg));
    filename = msg ? krObj_getattr(ts, v, KR_ID(filename)) : NULL;
    if (filename == NULL || !int_attr(ts, v, KR_ID(lineno), 0, &lineno) || !int_attr(ts, v, KR_ID(offset), -1, &offset))
        goto ignore;
    if (KR_TYPE(v) == &KrExc_SyntaxError) {
        if (!int_attr(ts, v, KR_ID(end_lineno), lineno, &end_lineno)) {
            krErr_clear(ts);
            end_lineno = lineno;
        }
        if (!int_attr(ts, v, KR_ID(end_offset), -1, &end_offset)) {
            krErr_clear(ts);
            end_offset = -1;
        }
    } else {
        end_lineno = lineno;
        end_offset = -1;
    }
    text = krObj_getattr(ts, v, KR_ID(text));
    if (text == NULL) goto ignore;
    if (text == KR_NONE || !krStr_check(text)) KR_CLEAR(text);
    int err = krExcPrint_margin(p);
    KrObject *head = NULL;
    if (err == 0) {
        head = filename == KR_NONE ? krStr_from_format(ts, "  File \"<string>\", line %zd\n", lineno)
                                   : krStr_from_format(ts, "  File \"%S\", line %zd\n", filename, lineno);
        err = head ? krSB_append_str(ts, p->sb, head) : -1;
        kr_xdecref(head);
    }
    if (err == 0 && text != NULL) {
        KrSsize line_size = krStr_size(text);
        if (end_lineno > lineno) end_offset = line_size;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        err = print_error_text(p, offset, end_offset, text);
    }
    kr_xdecref(text);
    kr_decref(filename);
    kr_decref(*value);
    *value = msg;
    return err;
ignore:
    krErr_clear(ts);
    kr_xdecref(msg);
    kr_xdecref(filename);
    return 0;
}

// ---------------------------------------------------------------------------
// Whole exceptions

static int print_recursive(KrExcPrint *p, KrObject *value);

static int print_one(KrExcPrint *p, KrObject *value) {
    KrThreadState *ts = p->ts;
    if (!krExc_check(value)) {
        if (krExcPrint_margin(p) < 0) return -1;
        KrObject *s = krStr_from_format(ts, "TypeError: print_exception(): Exception expected for value, %s found\n",
                                        KR_TYPE(value)->tp_name);
        if (s == NULL) return -1;
        int err = krSB_append_str(ts, p->sb, s);
        kr_decref(s);
        return err;
    }
    KrObject *tb = krExc_traceback(value);
    bool group = kr_type_check(value, &KrExc_BaseExceptionGroup);
    if (tb != NULL && tb != KR_NONE && krTraceback_print_tb(p, tb, group) < 0) return -1;
    KrTypeObject *type = KR_TYPE(value);
    kr_incref(value);
    int err = print_syntax_location(p, &value);
    if (err == 0) err = print_message(p, type, value);
    if (err == 0) err = print_suggestion(p, value);
    if (err == 0) err = put(p, "\n");
    if (err == 0 && krExc_check(value)) err = print_notes(p, value);
    kr_decref(value);
    return err;
}

static int print_group(KrExcPrint *p, KrObject *value) {
    KrThreadState *ts = p->ts;
    if (p->group_depth > MAX_GROUP_DEPTH) {
        char buf[64];
        snprintf(buf, sizeof buf, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return (krExcPrint_margin(p) < 0 || put(p, buf) < 0) ? -1 : 0;
    }
    if (p->group_depth == 0) p->group_depth++;
    if (print_one(p, value) < 0) return -1;
    KrObject *excs = krObj_getattr(ts, value, KR_ID(exceptions));
    if (excs == NULL || !krTuple_check(excs)) {
        kr_xdecref(excs);
        krErr_clear(ts);
        return 0;
    }
    KrSsize num = KR_TUPLE_SIZE(excs);
    KrSsize n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    int err = 0;
    p->need_close = false;
    for (KrSsize i = 0; err == 0 && i < n; i++) {
        bool last = i == n - 1;
        if (last) p->need_close = true;
        bool truncated = i >= MAX_GROUP_WIDTH;
        char buf[96];
        if (truncated)
            snprintf(buf, sizeof buf, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else
            snprintf(buf, sizeof buf, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        if (put_indent(p) < 0 || put(p, buf) < 0) {
            err = -1;
            break;
        }
        p->group_depth++;
        if (!truncated) {
            err = print_recursive(p, KR_TUPLE_GET(excs, i));
        } else {
            KrSsize rest = num - MAX_GROUP_WIDTH;
            snprintf(buf, sizeof buf, "and %zd more exception%s\n", rest, rest > 1 ? "s" : "");
            err = (krExcPrint_margin(p) < 0 || put(p, buf) < 0) ? -1 : 0;
        }
        if (err == 0 && last && p->need_close) {
            err = (put_indent(p) < 0 || put(p, "+------------------------------------\n") < 0) ? -1 : 0;
            p->need_close = false;
        }
        p->group_depth--;
    }
    kr_decref(excs);
    if (p->group_depth == 1) p->group_depth--;
    return err;
}

static int print_chained(KrExcPrint *p, KrObject *value, const char *message) {
    if (krErr_enter_recursive_call(p->ts, " in print_chained") < 0) return -1;
    bool need_close = p->need_close;
    int err = print_recursive(p, value);
    p->need_close = need_close;
    krErr_leave_recursive_call(p->ts);
    if (err < 0) return -1;
    if (krExcPrint_margin(p) < 0 || put(p, "\n") < 0 || krExcPrint_margin(p) < 0 || put(p, message) < 0 ||
        krExcPrint_margin(p) < 0 || put(p, "\n") < 0)
        return -1;
    return 0;
}

static int print_cause_and_context(KrExcPrint *p, KrObject *value) {
    mark_seen(p, value);
    if (!krExc_check(value)) return 0;
    KrObject *cause = krExc_cause(value);
    if (cause != NULL && cause != KR_NONE) {
        if (seen(p, cause)) return 0;
        return print_chained(p, cause, "The above exception was the direct cause of the following exception:\n");
    }
    if (((KrBaseExceptionObject *)value)->suppress_context) return 0;
    KrObject *context = krExc_context(value);
    if (context != NULL && context != KR_NONE && !seen(p, context))
        return print_chained(p, context, "During handling of the above exception, another exception occurred:\n");
    return 0;
}

static int print_recursive(KrExcPrint *p, KrObject *value) {
    if (krErr_enter_recursive_call(p->ts, " in print_exception_recursive") < 0) return -1;
    int err = print_cause_and_context(p, value);
    if (err == 0) {
        if (krExc_check(value) && kr_type_check(value, &KrExc_BaseExceptionGroup))
            err = print_group(p, value);
        else
            err = print_one(p, value);
    }
    krErr_leave_recursive_call(p->ts);
    return err;
}

// Writes `text` to the file object, or to the process's stderr when there
// is none.  0 or -1.
static int write_out(KrThreadState *ts, KrObject *file, KrObject *text) {
    if (file == NULL || file == KR_NONE) {
        fwrite(krStr_utf8(text), 1, (size_t)krStr_size(text), stderr);
        fflush(stderr);
        return 0;
    }
    KrObject *res = krObj_call_method(ts, file, KR_ID(write), text, NULL);
    if (res == NULL) return -1;
    kr_decref(res);
    res = krObj_call_method(ts, file, KR_ID(flush), NULL);
    if (res == NULL) krErr_clear(ts);   // flush errors are ignored, as CPython does
    kr_xdecref(res);
    return 0;
}

int krTraceback_print_exception(KrThreadState *ts, KrObject *exc, KrObject *file) {
    KrStrBuilder sb;
    krSB_init(&sb);
    KrExcPrint p = {ts, &sb, NULL, 0, 0, 0, false};
    int err = print_recursive(&p, exc);
    krMem_free((void *)p.seen);
    if (err < 0) {
        krSB_discard(&sb);
        return -1;
    }
    KrObject *text = krSB_finish(ts, &sb);
    if (text == NULL) return -1;
    if (file == NULL) {
        file = ts->interp->sysdict ? krDict_get_cstr(ts, ts->interp->sysdict, "stderr") : NULL;
        if (file == NULL) krErr_clear(ts);
    }
    err = write_out(ts, file, text);
    kr_decref(text);
    return err;
}
