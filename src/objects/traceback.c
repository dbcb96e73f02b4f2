/*
 * traceback.c — traceback objects and the printing of traceback entries.
 *
 * A traceback is a linked list of entries, outermost call first; the eval
 * loop prepends an entry (krTraceback_add) for each frame an exception
 * passes through.  Each entry holds strong references to the next entry and
 * to its frame object; tb_lasti is the code unit index of the instruction
 * that raised (tb_lasti in Python is twice that, in bytes).  Deallocation
 * walks tb_next iteratively: a RecursionError can carry 100000 entries.
 *
 * Printing follows CPython 3.11's C implementation (Python/traceback.c):
 * the "File" line, the source line without its indentation, and a caret line
 * under the failing instruction's columns unless they span the whole line.
 * For a binary operator or a subscript on one line, the failing expression
 * is parsed again to find the operator or the brackets, which get '^' while
 * the rest gets '~'.  Runs of more than 3 identical entries collapse into
 * "[Previous line repeated N more times]".
 *
 * Related: excprint.c (whole exceptions: chains, groups, SyntaxError).
 */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/frameobject.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/traceback_print.h"
#include "objects/tuple.h"
#include "parser/parser.h"
#include "runtime/error.h"
#include "runtime/state.h"

// ---------------------------------------------------------------------------
// Traceback objects

static KrObject *tb_create(KrThreadState *ts, KrTracebackObject *next, KrFrameObject *frame, int lasti,
                           int lineno) {
    KrTracebackObject *tb = (KrTracebackObject *)krObj_alloc(ts, &KrTraceback_Type, 0);
    if (tb == NULL) return NULL;
    tb->tb_next = (KrTracebackObject *)kr_xnewref((KrObject *)next);
    tb->tb_frame = kr_newref((KrObject *)frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    krGC_track((KrObject *)tb);
    return (KrObject *)tb;
}

int krTraceback_add(KrThreadState *ts, KrObject *exc, KrFrame *f, KrSsize lasti) {
    if (exc == NULL || !krExc_check(exc)) return 0;
    // Never replace the exception being propagated: a failure here only
    // loses the entry.
    KrObject *pending = krErr_fetch(ts);
    int res = -1;
    KrFrameObject *fo = krFrame_get_object(ts, f);
    if (fo != NULL) {
        KrObject *tb = tb_create(ts, (KrTracebackObject *)krExc_traceback(exc), fo, (int)lasti, -1);
        if (tb != NULL) {
            krExc_set_traceback(exc, tb);
            res = 0;
        }
    }
    krErr_clear(ts);
    krErr_restore(ts, pending);
    return res;
}

int krTraceback_lineno(KrTracebackObject *tb) {
    if (tb->tb_lineno == -1) {
        KrFrame *f = ((KrFrameObject *)tb->tb_frame)->f_frame;
        tb->tb_lineno = tb->tb_lasti < 0 ? f->code->co_firstlineno : krCode_addr2line(f->code, tb->tb_lasti);
        if (tb->tb_lineno == -1) tb->tb_lineno = -2;   // unknown; do not recompute
    }
    return tb->tb_lineno == -2 ? -1 : tb->tb_lineno;
}

static void tb_dealloc(KrObject *self) {
    KrObject *o = self;
    for (;;) {
        KrTracebackObject *tb = (KrTracebackObject *)o;
        krGC_untrack(o);
        KrObject *next = (KrObject *)tb->tb_next;
        tb->tb_next = NULL;
        KR_CLEAR(tb->tb_frame);
        krObj_free(o);
        // Free the rest of the list in this loop rather than recursively.
        if (next == NULL || --next->ob_refcnt != 0) return;
        o = next;
    }
}

static int tb_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrTracebackObject *tb = (KrTracebackObject *)self;
    KR_VISIT(tb->tb_next);
    KR_VISIT(tb->tb_frame);
    return 0;
}

static int tb_clear(KrObject *self) {
    KrTracebackObject *tb = (KrTracebackObject *)self;
    KrObject *next = (KrObject *)tb->tb_next;
    tb->tb_next = NULL;
    kr_xdecref(next);
    KR_CLEAR(tb->tb_frame);
    return 0;
}

static inline bool is_traceback(KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrTraceback_Type; }

// TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)
static KrObject *tb_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    static const char *const names[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};
    KrObject *a[4];
    if (krArg_parse(ts, "TracebackType", args, nargs, kwnames, names, 4, 0, 4, 4, a) < 0) return NULL;
    KrObject *next = a[0] == KR_NONE ? NULL : a[0];
    if (next != NULL && !is_traceback(next)) {
        krErr_format(ts, &KrExc_TypeError, "expected traceback object or None, got '%s'", KR_TYPE(next)->tp_name);
        return NULL;
    }
    if (!krFrameObject_check(a[1])) {
        krErr_format(ts, &KrExc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %T", a[1]);
        return NULL;
    }
    int64_t lasti = krInt_as_i64(ts, a[2]);
    if (lasti == -1 && krErr_occurred(ts)) return NULL;
    int64_t lineno = krInt_as_i64(ts, a[3]);
    if (lineno == -1 && krErr_occurred(ts)) return NULL;
    return tb_create(ts, (KrTracebackObject *)next, (KrFrameObject *)a[1], (int)(lasti / 2), (int)lineno);
}

static KrObject *tb_get_next(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *next = (KrObject *)((KrTracebackObject *)self)->tb_next;
    return next ? kr_newref(next) : kr_none();
}

static int tb_set_next(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL) {
        krErr_set_string(ts, &KrExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == KR_NONE) {
        value = NULL;
    } else if (!is_traceback(value)) {
        krErr_format(ts, &KrExc_TypeError, "expected traceback object, got '%s'", KR_TYPE(value)->tp_name);
        return -1;
    }
    for (KrTracebackObject *c = (KrTracebackObject *)value; c != NULL; c = c->tb_next) {
        if ((KrObject *)c == self) {
            krErr_set_string(ts, &KrExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    KrTracebackObject *tb = (KrTracebackObject *)self;
    KrObject *old = (KrObject *)tb->tb_next;
    tb->tb_next = (KrTracebackObject *)kr_xnewref(value);
    kr_xdecref(old);
    return 0;
}

static KrObject *tb_get_lasti(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_smallint((int64_t)((KrTracebackObject *)self)->tb_lasti * 2);
}

static KrObject *tb_get_lineno(KrThreadState *ts, KrObject *self, void *closure) {
    int line = krTraceback_lineno((KrTracebackObject *)self);
    return line < 0 ? kr_none() : kr_smallint(line);
}

static const KrGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMemberDef tb_members[] = {
    {"tb_frame", KR_MEMBER_OBJECT, offsetof(KrTracebackObject, tb_frame), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

KrTypeObject KrTraceback_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(KrTracebackObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new traceback object.",
    .tp_new = tb_new,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
};

// ---------------------------------------------------------------------------
// Source lines

// Source files larger than this are not read for tracebacks.
#define MAX_SOURCE_BYTES ((long)64 << 20)

// Line `lineno` of the open file `fp` (universal newlines, end of line
// removed).  New reference or NULL.
static KrObject *read_line(KrThreadState *ts, FILE *fp, int lineno) {
    int line = 1, c;
    KrStrBuilder sb;
    while (line < lineno) {
        c = fgetc(fp);
        if (c == EOF) return NULL;
        if (c == '\n') line++;
        else if (c == '\r') {
            line++;
            c = fgetc(fp);
            if (c != '\n' && c != EOF) ungetc(c, fp);
        }
    }
    char buf[4096];
    size_t n = 0;
    bool any = false;
    krSB_init(&sb);
    while ((c = fgetc(fp)) != EOF && c != '\n' && c != '\r') {
        any = true;
        buf[n++] = (char)c;
        if (n == sizeof buf) {
            if (krSB_append(ts, &sb, buf, (KrSsize)n) < 0) goto fail;
            n = 0;
        }
    }
    if (!any && c == EOF) {
        krSB_discard(&sb);
        return NULL;
    }
    if (n > 0 && krSB_append(ts, &sb, buf, (KrSsize)n) < 0) goto fail;
    KrObject *raw = krSB_finish(ts, &sb);
    if (raw == NULL) return NULL;
    // Re-decode so invalid UTF-8 in the file cannot produce a broken str.
    KrObject *s = krStr_decode_utf8(ts, krStr_utf8(raw), krStr_size(raw), "replace");
    kr_decref(raw);
    return s;
fail:
    krSB_discard(&sb);
    return NULL;
}

// Opens `name`, or for a relative name the first match of its last
// component under a sys.path entry.
static FILE *open_source(KrThreadState *ts, const char *name) {
    FILE *fp = fopen(name, "rb");
    if (fp != NULL || name[0] == '/') return fp;
    KrObject *path = ts->interp->sysdict ? krDict_get_cstr(ts, ts->interp->sysdict, "path") : NULL;
    if (path == NULL || !krList_check(path)) return NULL;
    const char *tail = strrchr(name, '/');
    tail = tail ? tail + 1 : name;
    for (KrSsize i = 0; i < KR_LIST_SIZE(path); i++) {
        KrObject *dir = KR_LIST_GET(path, i);
        if (!krStr_check(dir)) continue;
        char buf[4096];
        int n = snprintf(buf, sizeof buf, "%s/%s", krStr_utf8(dir), tail);
        if (n <= 0 || (size_t)n >= sizeof buf) continue;
        fp = fopen(buf, "rb");
        if (fp != NULL) return fp;
    }
    return NULL;
}

KrObject *krTraceback_source_line(KrThreadState *ts, KrObject *filename, int lineno) {
    if (filename == NULL || !krStr_check(filename) || lineno < 1) return NULL;
    const char *name = krStr_utf8(filename);
    KrSsize len = krStr_size(filename);
    // Pseudo-files such as <string> and <stdin> have no source.
    if (len > 0 && name[0] == '<' && name[len - 1] == '>') return NULL;
    KrObject *pending = krErr_fetch(ts);
    FILE *fp = open_source(ts, name);
    KrObject *line = NULL;
    if (fp != NULL) {
        line = read_line(ts, fp, lineno);
        fclose(fp);
    }
    krErr_clear(ts);
    krErr_restore(ts, pending);
    return line;
}

// ---------------------------------------------------------------------------
// Caret lines

static inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Number of code points in the first `nbytes` bytes of UTF-8 `s` (clamped).
static KrSsize chars_in(const char *s, KrSsize size, KrSsize nbytes) {
    if (nbytes > size) nbytes = size;
    KrSsize n = 0;
    for (KrSsize i = 0; i < nbytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

// Byte offset of code point `chars` in UTF-8 `s`.
static KrSsize bytes_for(const char *s, KrSsize size, KrSsize chars) {
    KrSsize i = 0;
    while (i < size && chars > 0) {
        i++;
        while (i < size && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        chars--;
    }
    return i;
}

typedef struct {
    KrSsize left, right;   // secondary range (left, right], in character columns; -1 when none
    char primary, secondary;
} Anchors;

// For a binary operation or a subscript, finds the operator / brackets in
// `seg` (the failing expression's source, UTF-8 bytes): byte offsets in
// *left, *right, and the characters to draw with.  Returns true when found.
static bool anchors_from_expr(const char *seg, KrSsize seglen, KrAstExpr *e, KrSsize *left, KrSsize *right,
                              Anchors *a) {
    if (e->kind == KR_EXPR_BinOp) {
        KrSsize from = e->v.BinOp.left->end_col_offset, to = e->v.BinOp.right->col_offset;
        bool found = false;
        for (KrSsize i = from; i < to && i < seglen; i++) {
            if (is_ws(seg[i])) continue;
            *left = i;
            *right = i + 1;
            found = true;
            // Two-character operators (//, **, <<...).
            if (i + 1 < to && !is_ws(seg[i + 1])) ++*right;
            // A closing parenthesis of the left operand is not the operator.
            if (i + 1 < to && seg[i] == ')') continue;
            a->primary = '~';
            a->secondary = '^';
            break;
        }
        return found;
    }
    if (e->kind == KR_EXPR_Subscript) {
        KrSsize l = e->v.Subscript.value->end_col_offset;
        KrSsize r = e->v.Subscript.slice->end_col_offset + 1;
        while (l < seglen && seg[l] != '[') l++;
        while (r < seglen && seg[r] != ']') r++;
        if (r < seglen) r++;
        *left = l;
        *right = r;
        a->primary = '~';
        a->secondary = '^';
        return true;
    }
    return false;
}

// Parses the segment [start, end) (characters) of `line` to find anchors.
static void find_anchors(KrObject *line, KrSsize start, KrSsize end, Anchors *a) {
    const char *s = krStr_utf8(line);
    KrSsize size = krStr_size(line);
    KrSsize b0 = bytes_for(s, size, start), b1 = bytes_for(s, size, end);
    if (b1 <= b0) return;
    const char *seg = s + b0;
    KrSsize seglen = b1 - b0;
    KrArena *arena = krArena_new();
    if (arena == NULL) return;
    KrSyntaxError err;
    KrAstMod *mod = krParse_source(arena, seg, (size_t)seglen, NULL, KR_PARSE_EXEC, &err);
    KrSsize left, right;
    if (mod != NULL && mod->kind == KR_MOD_Module && KR_AST_LEN(mod->v.Module.body) == 1) {
        KrAstStmt *st = mod->v.Module.body->items[0];
        if (st->kind == KR_STMT_Expr && anchors_from_expr(seg, seglen, st->v.Expr.value, &left, &right, a)) {
            a->left = chars_in(seg, seglen, left) + start;
            a->right = chars_in(seg, seglen, right) + start;
        }
    }
    krArena_free(arena);
}

// The caret line for the instruction `lasti` of `code` shown on `line`
// (which starts with `ws` characters of indentation).  0 or -1.
static int print_carets(KrExcPrint *p, KrCodeObject *code, int lasti, KrObject *line, KrSsize ws) {
    int start_line, end_line, col, end_col;
    if (lasti < 0 || !krCode_position(code, lasti, &start_line, &end_line, &col, &end_col)) return 0;
    if (start_line < 0 || end_line < 0 || col < 0 || end_col < 0) return 0;
    const char *s = krStr_utf8(line);
    KrSsize size = krStr_size(line), len = krStr_len(line);
    KrSsize start = chars_in(s, size, col), end = chars_in(s, size, end_col);
    Anchors a = {-1, -1, '^', '^'};
    if (start_line == end_line) {
        find_anchors(line, start, end, &a);
    } else {
        // Several lines: highlight up to the last non-blank character.
        KrSsize i = size;
        while (--i >= 0 && is_ws(s[i])) {
        }
        end = chars_in(s, size, i + 1);
    }
    bool secondary = a.left != -1 || a.right != -1;
    if (end - start == len - ws && !secondary) return 0;
    if (krExcPrint_margin(p) < 0) return -1;
    for (KrSsize off = ws - 4 + 1; off <= end; off++) {
        char c = off <= start ? ' ' : (secondary && a.left < off && off <= a.right) ? a.secondary : a.primary;
        if (krSB_append_char(p->ts, p->sb, (uint32_t)c) < 0) return -1;
    }
    return krSB_append_cstr(p->ts, p->sb, "\n");
}

// ---------------------------------------------------------------------------
// Entries

// '  File "x.py", line 3, in f', the source line and the caret line.
static int print_entry(KrExcPrint *p, KrTracebackObject *tb) {
    KrThreadState *ts = p->ts;
    KrCodeObject *code = ((KrFrameObject *)tb->tb_frame)->f_frame->code;
    int lineno = krTraceback_lineno(tb);
    if (krExcPrint_margin(p) < 0) return -1;
    KrObject *head = krStr_from_format(ts, "  File \"%U\", line %d, in %U\n", code->co_filename, lineno, code->co_name);
    if (head == NULL) return -1;
    int err = krSB_append_str(ts, p->sb, head);
    kr_decref(head);
    if (err < 0) return -1;
    KrObject *line = krTraceback_source_line(ts, code->co_filename, lineno);
    if (line == NULL) return 0;
    const char *s = krStr_utf8(line);
    KrSsize ws = 0;
    while (ws < krStr_size(line) && is_ws(s[ws])) ws++;
    err = -1;
    if (krExcPrint_margin(p) == 0 && krSB_append_cstr(ts, p->sb, "    ") == 0 &&
        krSB_append(ts, p->sb, s + ws, krStr_size(line) - ws) == 0 && krSB_append_cstr(ts, p->sb, "\n") == 0)
        err = print_carets(p, code, tb->tb_lasti, line, ws);
    kr_decref(line);
    return err;
}

#define TB_RECURSIVE_CUTOFF 3

static int print_repeated(KrExcPrint *p, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    char buf[96];
    snprintf(buf, sizeof buf, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
    return krSB_append_cstr(p->ts, p->sb, buf);
}

static bool same_str(KrObject *a, KrObject *b) { return a == b || (a && b && krStr_eq(a, b)); }

static int print_entries(KrExcPrint *p, KrTracebackObject *tb, long limit) {
    long depth = 0;
    for (KrTracebackObject *t = tb; t != NULL; t = t->tb_next) depth++;
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    KrObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb != NULL; tb = tb->tb_next) {
        KrCodeObject *code = ((KrFrameObject *)tb->tb_frame)->f_frame->code;
        int line = krTraceback_lineno(tb);
        if (last_file == NULL || !same_str(code->co_filename, last_file) || last_line == -1 || line != last_line ||
            last_name == NULL || !same_str(code->co_name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF && print_repeated(p, cnt) < 0) return -1;
            last_file = code->co_filename;
            last_line = line;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF && print_entry(p, tb) < 0) return -1;
    }
    if (cnt > TB_RECURSIVE_CUTOFF && print_repeated(p, cnt) < 0) return -1;
    return 0;
}

int krTraceback_print_tb(KrExcPrint *p, KrObject *tb, bool group) {
    KrThreadState *ts = p->ts;
    long limit = 1000;
    KrObject *lim = ts->interp->sysdict ? krDict_get_cstr(ts, ts->interp->sysdict, "tracebacklimit") : NULL;
    if (lim == NULL) krErr_clear(ts);
    if (lim != NULL && krInt_check(lim)) {
        int64_t v;
        if (!krInt_to_i64(lim, &v)) v = krInt_sign(lim) > 0 ? INT64_MAX : INT64_MIN;
        if (v <= 0) return 0;
        limit = v > (int64_t)0x7fffffff ? 0x7fffffff : (long)v;
    }
    for (int i = 0; i < 2 * p->group_depth; i++)
        if (krSB_append_cstr(ts, p->sb, " ") < 0) return -1;
    const char *header_margin = p->group_depth ? "| " : "";
    if (group && p->group_depth == 1) header_margin = "+ ";
    if (krSB_append_cstr(ts, p->sb, header_margin) < 0) return -1;
    if (krSB_append_cstr(ts, p->sb,
                         group ? "Exception Group Traceback (most recent call last):\n"
                               : "Traceback (most recent call last):\n") < 0)
        return -1;
    return print_entries(p, (KrTracebackObject *)tb, limit);
}
