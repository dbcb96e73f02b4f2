/*
 * dis.c — the disassembler and the built-in `dis` module.
 *
 * The text follows CPython 3.11's dis.py exactly: a line-number column
 * (blank line before each new source line), "-->" for the current
 * instruction, ">>" for jump and exception-handler targets, the byte offset
 * (2 per code unit; inline caches are hidden unless show_caches), the opname
 * padded to 20, the argument right-aligned in 5, and its meaning in
 * parentheses; then "ExceptionTable:".  Instructions, argument kinds and
 * cache sizes come from opcodes.def, so the listing is Krait's bytecode.
 *
 * Module functions: dis, disassemble (disco), distb, get_instructions,
 * findlinestarts, findlabels, code_info, show_code, stack_effect; data: opname,
 * opmap, cmp_op, hasconst, hasname, hasjrel, hasjabs, haslocal, hasfree,
 * hascompare, EXTENDED_ARG, HAVE_ARGUMENT.
 */
#include "vm/dis.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/opcode.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"

static const char *const cmp_ops[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const format_converters[] = {"", "str", "repr", "ascii"};
static const char *const mkfn_flags[] = {"defaults", "kwdefaults", "annotations", "closure"};

// One decoded instruction.
typedef struct {
    KrSsize offset;                // bytes
    int op;                        // as stored (possibly specialised)
    int base;                      // the generic opcode
    int arg;                       // with EXTENDED_ARG prefixes; -1 when the opcode takes none
    int line, end_line, col, end_col;
} Instr;

// The decoded code of a code object: instructions, line starts, labels.
typedef struct {
    KrCodeObject *co;
    Instr *instrs;
    int n;
    int *line_starts;              // per code unit: the line that starts there, or -1
    bool *labels;                  // per code unit
    KrSsize nunits;
} Decoded;

static void decoded_free(Decoded *d) {
    krMem_free(d->instrs);
    krMem_free(d->line_starts);
    krMem_free(d->labels);
}

static bool has_arg(int base) { return krOp_info(base)->arg_kind != KR_ARG_NONE || base == KR_OP_EXTENDED_ARG; }

static int unit_cache(int base) { return base < KR_OP__NREAL ? kr_op_info[base].cache : 0; }

// Byte offset a jump at `ins` lands on.
static KrSsize jump_target(const Instr *ins) {
    KrSsize next = ins->offset + 2 * (1 + unit_cache(ins->base));
    if (krOp_info(ins->base)->arg_kind == KR_ARG_JBACK) return next - 2 * (KrSsize)ins->arg;
    return next + 2 * (KrSsize)ins->arg;
}

static bool is_jump_kind(int base) {
    int k = krOp_info(base)->arg_kind;
    return k == KR_ARG_JFWD || k == KR_ARG_JBACK;
}

static int decode(KrThreadState *ts, KrCodeObject *co, bool adaptive, Decoded *d) {
    memset(d, 0, sizeof *d);
    d->co = co;
    d->nunits = co->co_ncodeunits;
    d->instrs = krMem_malloc(sizeof(Instr) * (size_t)(d->nunits + 1));
    d->line_starts = krMem_malloc(sizeof(int) * (size_t)(d->nunits + 1));
    d->labels = krMem_calloc((size_t)d->nunits + 1, sizeof(bool));
    if (!d->instrs || !d->line_starts || !d->labels) {
        decoded_free(d);
        krErr_no_memory(ts);
        return -1;
    }
    // Positions and line starts from the position table.
    int *pos = krMem_malloc(sizeof(int) * 4 * (size_t)(d->nunits + 1));
    if (!pos) {
        decoded_free(d);
        krErr_no_memory(ts);
        return -1;
    }
    for (KrSsize i = 0; i < d->nunits; i++) {
        d->line_starts[i] = -1;
        pos[4 * i] = pos[4 * i + 1] = pos[4 * i + 2] = pos[4 * i + 3] = -1;
    }
    KrLineIter it;
    krCode_lineiter_init(&it, co);
    int lastline = -1;
    bool have_last = false;
    while (krCode_lineiter_next(&it)) {
        if (it.line >= 0 && (!have_last || it.line != lastline) && it.start < d->nunits) {
            d->line_starts[it.start] = it.line;
            lastline = it.line;
            have_last = true;
        }
        for (KrSsize u = it.start; u < it.end && u < d->nunits; u++) {
            pos[4 * u] = it.line;
            pos[4 * u + 1] = it.line >= 0 ? it.end_line : -1;
            pos[4 * u + 2] = it.line >= 0 ? it.col : -1;
            pos[4 * u + 3] = it.line >= 0 ? it.end_col : -1;
        }
    }
    // Instructions.
    int ext = 0, caches = 0;
    for (KrSsize u = 0; u < d->nunits; u++) {
        if (caches) {
            caches--;
            continue;
        }
        KrCodeUnit cu = co->co_code_adaptive[u];
        int op = KR_UNIT_OP(cu);
        int base = op < KR_OP__NEXEC ? kr_op_info[op].base : op;
        if (!adaptive) op = base;
        Instr *ins = &d->instrs[d->n++];
        ins->offset = 2 * u;
        ins->op = op;
        ins->base = base;
        if (has_arg(base)) {
            ins->arg = KR_UNIT_ARG(cu) | ext;
            ext = base == KR_OP_EXTENDED_ARG ? ins->arg << 8 : 0;
        } else {
            ins->arg = -1;
            ext = 0;
        }
        ins->line = pos[4 * u];
        ins->end_line = pos[4 * u + 1];
        ins->col = pos[4 * u + 2];
        ins->end_col = pos[4 * u + 3];
        caches = unit_cache(base);
        if (is_jump_kind(base) && ins->arg >= 0) {
            KrSsize t = jump_target(ins) / 2;
            if (t >= 0 && t < d->nunits) d->labels[t] = true;
        }
    }
    krMem_free(pos);
    KrSsize epos = 0;
    KrExcEntry e;
    while (krCode_exctable_next(co, &epos, &e))
        if (e.target >= 0 && e.target < d->nunits) d->labels[e.target] = true;
    return 0;
}

// The meaning of the argument: (argval as an object, argrepr as a str); both new.
static int arg_info(KrThreadState *ts, KrCodeObject *co, const Instr *ins, KrObject **argval, KrObject **argrepr) {
    int arg = ins->arg;
    *argval = NULL;
    *argrepr = NULL;
    if (arg < 0) {
        *argval = kr_newref(KR_NONE);
        *argrepr = kr_newref(krStr_empty());
        return 0;
    }
    switch (krOp_info(ins->base)->arg_kind) {
    case KR_ARG_CONST:
        if (ins->base == KR_OP_LOAD_CONST && arg < KR_TUPLE_SIZE(co->co_consts)) {
            *argval = kr_newref(KR_TUPLE_GET(co->co_consts, arg));
            *argrepr = krObj_repr(ts, *argval);
        }
        break;
    case KR_ARG_NAME:
        if (arg < KR_TUPLE_SIZE(co->co_names)) {
            *argval = kr_newref(KR_TUPLE_GET(co->co_names, arg));
            *argrepr = kr_newref(*argval);
        }
        break;
    case KR_ARG_GLOBAL:
        if ((arg >> 1) < KR_TUPLE_SIZE(co->co_names)) {
            *argval = kr_newref(KR_TUPLE_GET(co->co_names, arg >> 1));
            *argrepr = (arg & 1) ? krStr_from_format(ts, "NULL + %U", *argval) : kr_newref(*argval);
        }
        break;
    case KR_ARG_LOCAL:
    case KR_ARG_FREE:
        if (arg < co->co_nlocalsplus) {
            *argval = kr_newref(KR_TUPLE_GET(co->co_localsplusnames, arg));
            *argrepr = kr_newref(*argval);
        }
        break;
    case KR_ARG_JFWD:
    case KR_ARG_JBACK:
        *argval = krInt_from_ssize(ts, jump_target(ins));
        if (*argval) *argrepr = krStr_from_format(ts, "to %zd", jump_target(ins));
        break;
    case KR_ARG_CMP:
        if (arg < 6) {
            *argval = krStr_from_cstr(ts, cmp_ops[arg]);
            *argrepr = *argval ? kr_newref(*argval) : NULL;
        }
        break;
    case KR_ARG_FORMAT: {
        const char *conv = format_converters[arg & 3];
        bool spec = (arg & 4) != 0;
        *argrepr = krStr_from_format(ts, "%s%s%s", conv, spec && *conv ? ", " : "", spec ? "with format" : "");
        *argval = krInt_from_i64(ts, arg);
        break;
    }
    case KR_ARG_MKFN: {
        KrStrBuilder sb;
        krSB_init(&sb);
        bool first = true;
        for (int i = 0; i < 4; i++) {
            if (!(arg & (1 << i))) continue;
            if ((!first && krSB_append_cstr(ts, &sb, ", ") < 0) || krSB_append_cstr(ts, &sb, mkfn_flags[i]) < 0) {
                krSB_discard(&sb);
                return -1;
            }
            first = false;
        }
        *argrepr = krSB_finish(ts, &sb);
        *argval = krInt_from_i64(ts, arg);
        break;
    }
    case KR_ARG_BINOP:
        if (arg < KR_NB_COUNT) *argrepr = krStr_from_cstr(ts, kr_nb_op_symbols[arg]);
        *argval = krInt_from_i64(ts, arg);
        break;
    default:
        break;
    }
    if (krErr_occurred(ts)) {
        KR_CLEAR(*argval);
        KR_CLEAR(*argrepr);
        return -1;
    }
    if (!*argval) *argval = krInt_from_i64(ts, arg);
    if (!*argrepr) *argrepr = kr_newref(krStr_empty());
    if (!*argval || !*argrepr) {
        KR_CLEAR(*argval);
        KR_CLEAR(*argrepr);
        return -1;
    }
    return 0;
}

// Appends a printf-formatted piece (C formats, widths allowed; no objects).
static int append_c(KrThreadState *ts, KrStrBuilder *sb, const char *fmt, ...) {
    char buf[256];
    va_list va;
    va_start(va, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, va);
    va_end(va);
    if (n < 0) n = 0;
    if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
    return krSB_append(ts, sb, buf, n);
}

static int pad_right(KrThreadState *ts, KrStrBuilder *sb, const char *s, int width) {
    int n = (int)strlen(s);
    if (krSB_append_cstr(ts, sb, s) < 0) return -1;
    for (; n < width; n++)
        if (krSB_append_char(ts, sb, ' ') < 0) return -1;
    return 0;
}

// Removes trailing spaces from the builder (the lines are rstrip()ped).
static void rstrip(KrStrBuilder *sb) {
    while (sb->size > 0 && sb->buf[sb->size - 1] == ' ') {
        sb->size--;
        sb->length--;
    }
}

static int format_instr(KrThreadState *ts, KrStrBuilder *sb, KrCodeObject *co, const Instr *ins, const char *opname,
                        int starts_line, bool target, int lineno_width, int offset_width, bool current) {
    if (lineno_width) {
        if (starts_line >= 0) {
            if (append_c(ts, sb, "%*d", lineno_width, starts_line) < 0) return -1;
        } else if (append_c(ts, sb, "%*s", lineno_width, "") < 0) {
            return -1;
        }
        if (krSB_append_char(ts, sb, ' ') < 0) return -1;
    }
    if (append_c(ts, sb, "%s %s %*zd ", current ? "-->" : "   ", target ? ">>" : "  ", offset_width,
                 ins->offset) < 0)
        return -1;
    if (pad_right(ts, sb, opname, 20) < 0) return -1;
    if (ins->arg >= 0) {
        KrObject *argval, *argrepr;
        if (arg_info(ts, co, ins, &argval, &argrepr) < 0) return -1;
        kr_decref(argval);
        int r = append_c(ts, sb, " %5d", ins->arg);
        if (r == 0 && krStr_size(argrepr) > 0) r = krSB_printf(ts, sb, " (%U)", argrepr);
        kr_decref(argrepr);
        if (r < 0) return -1;
    }
    rstrip(sb);
    return krSB_append_char(ts, sb, '\n');
}

static int disassemble(KrThreadState *ts, KrStrBuilder *sb, KrCodeObject *co, KrSsize lasti, bool show_caches,
                       bool adaptive) {
    Decoded d;
    if (decode(ts, co, adaptive, &d) < 0) return -1;
    int maxline = -1;
    bool show_lineno = false;
    for (KrSsize u = 0; u < d.nunits; u++) {
        if (d.line_starts[u] >= 0) {
            show_lineno = true;
            if (d.line_starts[u] > maxline) maxline = d.line_starts[u];
        }
    }
    int lineno_width = 0;
    if (show_lineno) {
        lineno_width = 3;
        if (maxline >= 1000) lineno_width = snprintf(NULL, 0, "%d", maxline);
    }
    KrSsize maxoffset = 2 * d.nunits - 2;
    int offset_width = maxoffset >= 10000 ? snprintf(NULL, 0, "%zd", maxoffset) : 4;
    int r = 0;
    for (int i = 0; i < d.n && r == 0; i++) {
        Instr *ins = &d.instrs[i];
        KrSsize u = ins->offset / 2;
        int starts = d.line_starts[u];
        if (show_lineno && starts >= 0 && ins->offset > 0) r = krSB_append_char(ts, sb, '\n');
        if (r == 0)
            r = format_instr(ts, sb, co, ins, krOp_name(ins->op), starts, d.labels[u], lineno_width, offset_width,
                             ins->offset == lasti);
        if (show_caches) {
            int caches = unit_cache(ins->base);
            for (int k = 1; k <= caches && r == 0; k++) {
                Instr cache = {ins->offset + 2 * k, KR_OP_CACHE, KR_OP_CACHE, -1, -1, -1, -1, -1};
                r = format_instr(ts, sb, co, &cache, "CACHE", -1, false, lineno_width, offset_width, false);
            }
        }
    }
    decoded_free(&d);
    if (r < 0) return -1;
    KrSsize epos = 0;
    KrExcEntry e;
    bool first = true;
    while (krCode_exctable_next(co, &epos, &e)) {
        if (first && krSB_append_cstr(ts, sb, "ExceptionTable:\n") < 0) return -1;
        first = false;
        if (krSB_printf(ts, sb, "  %zd to %zd -> %zd [%d]%s\n", 2 * e.start, 2 * e.end - 2, 2 * e.target, e.depth,
                        e.lasti ? " lasti" : "") < 0)
            return -1;
    }
    return 0;
}

int krDis_code(KrThreadState *ts, KrStrBuilder *sb, KrCodeObject *co, int depth, KrSsize lasti, bool show_caches,
               bool adaptive) {
    if (krErr_enter_recursive_call(ts, " while disassembling") < 0) return -1;
    int r = disassemble(ts, sb, co, lasti, show_caches, adaptive);
    if (r == 0 && depth != 0) {
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(co->co_consts) && r == 0; i++) {
            KrObject *x = KR_TUPLE_GET(co->co_consts, i);
            if (!krCode_check(x)) continue;
            r = krSB_printf(ts, sb, "\nDisassembly of %R:\n", x);
            if (r == 0) r = krDis_code(ts, sb, (KrCodeObject *)x, depth < 0 ? -1 : depth - 1, -1, show_caches, adaptive);
        }
    }
    krErr_leave_recursive_call(ts);
    return r;
}

// ---------------------------------------------------------------------------
// Finding the code object of an argument

// x.__func__, then x.__code__ / gi_code / ag_code / cr_code.  New reference
// (possibly x itself).
static KrObject *unwrap(KrThreadState *ts, KrObject *x) {
    static const char *const attrs[] = {"__code__", "gi_code", "ag_code", "cr_code"};
    KrObject *name = krStr_intern_cstr(ts, "__func__"), *v;
    if (!name) return NULL;
    int r = krObj_lookup_attr(ts, x, name, &v);
    if (r < 0) return NULL;
    x = r ? v : kr_newref(x);
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        name = krStr_intern_cstr(ts, attrs[i]);
        if (!name) {
            kr_decref(x);
            return NULL;
        }
        r = krObj_lookup_attr(ts, x, name, &v);
        if (r < 0) {
            kr_decref(x);
            return NULL;
        }
        if (r) {
            kr_decref(x);
            return v;
        }
    }
    return x;
}

// compile(source, name, 'eval'), or 'exec' when that is a syntax error.
static KrObject *try_compile(KrThreadState *ts, KrObject *source, const char *name) {
    KrObject *fname = krStr_from_cstr(ts, name);
    if (!fname) return NULL;
    KrObject *co = krCompile_source(ts, krStr_utf8(source), krStr_size(source), fname, KR_PARSE_EVAL, 0, -1);
    if (!co && krErr_matches(ts, &KrExc_SyntaxError)) {
        krErr_clear(ts);
        co = krCompile_source(ts, krStr_utf8(source), krStr_size(source), fname, KR_PARSE_EXEC, 0, -1);
    }
    kr_decref(fname);
    return co;
}

static KrObject *get_code_object(KrThreadState *ts, KrObject *x, const char *source_name) {
    KrObject *v = unwrap(ts, x);
    if (!v) return NULL;
    if (krStr_check(v)) {
        KrObject *co = try_compile(ts, v, source_name);
        kr_decref(v);
        return co;
    }
    if (krCode_check(v)) return v;
    kr_decref(v);
    return krErr_format(ts, &KrExc_TypeError, "don't know how to disassemble %s objects", krType_name(KR_TYPE(x)));
}

// Writes `sb`'s text to `file` (sys.stdout when NULL or None).
static int write_out(KrThreadState *ts, KrStrBuilder *sb, KrObject *file) {
    KrObject *text = krSB_finish(ts, sb);
    if (!text) return -1;
    if (!file || file == KR_NONE) {
        file = krDict_get_str(ts->interp->sysdict, KR_ID(stdout));
        if (!file || file == KR_NONE) {
            kr_decref(text);
            krErr_set_string(ts, &KrExc_RuntimeError, "lost sys.stdout");
            return -1;
        }
    }
    KrObject *r = krObj_call_method(ts, file, KR_ID(write), text, NULL);
    kr_decref(text);
    if (!r) return -1;
    kr_decref(r);
    return 0;
}

static bool has_code(KrObject *x) {
    KrTypeObject *t = KR_TYPE(x);
    return t == &KrMethod_Type || t == &KrFunction_Type || t == &KrCode_Type || t == &KrClassMethod_Type ||
           t == &KrStaticMethod_Type || (t->tp_flags & KR_TPFLAGS_TYPE_SUBCLASS);
}

static int dis_into(KrThreadState *ts, KrStrBuilder *sb, KrObject *x, int depth, bool show_caches, bool adaptive);

// A class or module: each function-like attribute, by name.
static int dis_namespace(KrThreadState *ts, KrStrBuilder *sb, KrObject *dict, int depth, bool show_caches,
                         bool adaptive) {
    KrObject *items = krObj_call_method(ts, dict, KR_ID(items), NULL);
    KrObject *list = items ? krSeq_list(ts, items) : NULL;
    kr_xdecref(items);
    if (!list || krList_sort(ts, list, NULL, false) < 0) {
        kr_xdecref(list);
        return -1;
    }
    for (KrSsize i = 0; i < KR_LIST_SIZE(list); i++) {
        KrObject *item = KR_LIST_GET(list, i);
        if (!krTuple_check(item) || KR_TUPLE_SIZE(item) != 2) continue;
        KrObject *name = KR_TUPLE_GET(item, 0), *x1 = KR_TUPLE_GET(item, 1);
        if (!has_code(x1)) continue;
        if (krSB_printf(ts, sb, "Disassembly of %S:\n", name) < 0) goto error;
        if (dis_into(ts, sb, x1, depth, show_caches, adaptive) < 0) {
            if (!krErr_matches(ts, &KrExc_TypeError)) goto error;
            KrObject *exc = krErr_fetch(ts);
            int r = krSB_printf(ts, sb, "Sorry: %S\n", exc);
            kr_decref(exc);
            if (r < 0) goto error;
        }
        if (krSB_append_char(ts, sb, '\n') < 0) goto error;
    }
    kr_decref(list);
    return 0;
error:
    kr_decref(list);
    return -1;
}

static int dis_into(KrThreadState *ts, KrStrBuilder *sb, KrObject *x, int depth, bool show_caches, bool adaptive) {
    KrObject *v = unwrap(ts, x);
    if (!v) return -1;
    int r;
    KrObject *dict = NULL;
    int has_dict = krObj_lookup_attr(ts, v, KR_ID(__dict__), &dict);
    if (has_dict < 0) {
        r = -1;
    } else if (has_dict && !krCode_check(v)) {
        r = dis_namespace(ts, sb, dict, depth, show_caches, adaptive);
    } else if (krCode_check(v)) {
        r = krDis_code(ts, sb, (KrCodeObject *)v, depth, -1, show_caches, adaptive);
    } else if (krStr_check(v)) {
        KrObject *co = try_compile(ts, v, "<dis>");
        r = co ? krDis_code(ts, sb, (KrCodeObject *)co, depth, -1, show_caches, adaptive) : -1;
        kr_xdecref(co);
    } else {
        krErr_format(ts, &KrExc_TypeError, "don't know how to disassemble %s objects", krType_name(KR_TYPE(v)));
        r = -1;
    }
    kr_xdecref(dict);
    kr_decref(v);
    return r;
}

// ---------------------------------------------------------------------------
// Module functions

static int parse_depth(KrThreadState *ts, KrObject *o, int *depth) {
    *depth = -1;
    if (!o || o == KR_NONE) return 0;
    KrSsize d = krNum_as_ssize(ts, o, NULL);
    if (d == -1 && krErr_occurred(ts)) return -1;
    *depth = d < 0 ? 0 : (int)(d > 1000000 ? 1000000 : d);
    return 0;
}

static int parse_flag(KrThreadState *ts, KrObject *o, bool *flag) {
    *flag = false;
    if (!o) return 0;
    int r = krObj_is_true(ts, o);
    if (r < 0) return -1;
    *flag = r;
    return 0;
}

static KrObject *distb_impl(KrThreadState *ts, KrObject *tb, KrObject *file, bool show_caches, bool adaptive);

static KrObject *dis_dis(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"x", "file", "depth", "show_caches", "adaptive"};
    KrObject *a[5];
    if (krArg_parse(ts, "dis", args, nargs, kwnames, names, 5, 0, 1, 0, a) < 0) return NULL;
    int depth;
    bool show_caches, adaptive;
    if (parse_depth(ts, a[2], &depth) < 0 || parse_flag(ts, a[3], &show_caches) < 0 ||
        parse_flag(ts, a[4], &adaptive) < 0)
        return NULL;
    if (!a[0] || a[0] == KR_NONE) return distb_impl(ts, NULL, a[1], show_caches, adaptive);
    KrStrBuilder sb;
    krSB_init(&sb);
    if (dis_into(ts, &sb, a[0], depth, show_caches, adaptive) < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    if (write_out(ts, &sb, a[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *dis_disassemble(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"co", "lasti", "file", "show_caches", "adaptive"};
    KrObject *a[5];
    if (krArg_parse(ts, "disassemble", args, nargs, kwnames, names, 5, 0, 2, 1, a) < 0) return NULL;
    KrSsize lasti = -1;
    if (a[1]) {
        lasti = krNum_as_ssize(ts, a[1], NULL);
        if (lasti == -1 && krErr_occurred(ts)) return NULL;
    }
    bool show_caches, adaptive;
    if (parse_flag(ts, a[3], &show_caches) < 0 || parse_flag(ts, a[4], &adaptive) < 0) return NULL;
    KrObject *co = get_code_object(ts, a[0], "<disassembly>");
    if (!co) return NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = disassemble(ts, &sb, (KrCodeObject *)co, lasti, show_caches, adaptive);
    kr_decref(co);
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    if (write_out(ts, &sb, a[2]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *get_attr_cstr(KrThreadState *ts, KrObject *o, const char *name) {
    return krObj_getattr_cstr(ts, o, name);
}

static KrObject *distb_impl(KrThreadState *ts, KrObject *tb, KrObject *file, bool show_caches, bool adaptive) {
    if (!tb || tb == KR_NONE) {
        tb = krDict_get_cstr(ts, ts->interp->sysdict, "last_traceback");
        if (!tb) {
            if (!krErr_occurred(ts))
                krErr_set_string(ts, &KrExc_RuntimeError, "no last traceback to disassemble");
            return NULL;
        }
    }
    kr_incref(tb);
    for (;;) {
        KrObject *next = get_attr_cstr(ts, tb, "tb_next");
        if (!next) {
            kr_decref(tb);
            return NULL;
        }
        if (next == KR_NONE) {
            kr_decref(next);
            break;
        }
        kr_decref(tb);
        tb = next;
    }
    KrObject *frame = get_attr_cstr(ts, tb, "tb_frame");
    KrObject *lasti_o = get_attr_cstr(ts, tb, "tb_lasti");
    KrObject *co = frame ? get_attr_cstr(ts, frame, "f_code") : NULL;
    kr_decref(tb);
    kr_xdecref(frame);
    KrObject *result = NULL;
    if (co && lasti_o && krCode_check(co)) {
        KrSsize lasti = krNum_as_ssize(ts, lasti_o, NULL);
        KrStrBuilder sb;
        krSB_init(&sb);
        if (!krErr_occurred(ts) && disassemble(ts, &sb, (KrCodeObject *)co, lasti, show_caches, adaptive) == 0) {
            if (write_out(ts, &sb, file) == 0) result = kr_newref(KR_NONE);
        } else {
            krSB_discard(&sb);
        }
    }
    kr_xdecref(co);
    kr_xdecref(lasti_o);
    return result;
}

static KrObject *dis_distb(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    static const char *const names[] = {"tb", "file", "show_caches", "adaptive"};
    KrObject *a[4];
    if (krArg_parse(ts, "distb", args, nargs, kwnames, names, 4, 0, 1, 0, a) < 0) return NULL;
    bool show_caches, adaptive;
    if (parse_flag(ts, a[2], &show_caches) < 0 || parse_flag(ts, a[3], &adaptive) < 0) return NULL;
    return distb_impl(ts, a[0], a[1], show_caches, adaptive);
}

static KrObject *dis_findlinestarts(KrThreadState *ts, KrObject *self, KrObject *arg) {
    if (!krCode_check(arg)) return krErr_format(ts, &KrExc_TypeError, "findlinestarts() expects a code object");
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    KrLineIter it;
    krCode_lineiter_init(&it, (KrCodeObject *)arg);
    int lastline = -1;
    bool have = false;
    while (krCode_lineiter_next(&it)) {
        if (it.line < 0 || (have && it.line == lastline)) continue;
        lastline = it.line;
        have = true;
        KrObject *t = krTuple_pack(ts, 2, kr_smallint(2 * it.start), kr_smallint(it.line));
        if (!t || krList_append(ts, list, t) < 0) {
            kr_xdecref(t);
            kr_decref(list);
            return NULL;
        }
        kr_decref(t);
    }
    KrObject *iter = krObj_get_iter(ts, list);
    kr_decref(list);
    return iter;
}

static KrObject *dis_findlabels(KrThreadState *ts, KrObject *self, KrObject *arg) {
    const char *data;
    KrSsize size;
    if (krBytes_as_buffer(ts, arg, &data, &size) < 0) return NULL;
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    int ext = 0, caches = 0;
    for (KrSsize i = 0; i + 1 < size; i += 2) {
        if (caches) {
            caches--;
            continue;
        }
        int op = (uint8_t)data[i];
        int base = op < KR_OP__NEXEC ? kr_op_info[op].base : op;
        Instr ins = {i, op, base, -1, -1, -1, -1, -1};
        if (has_arg(base)) {
            ins.arg = (uint8_t)data[i + 1] | ext;
            ext = base == KR_OP_EXTENDED_ARG ? ins.arg << 8 : 0;
        } else {
            ext = 0;
        }
        caches = unit_cache(base);
        if (!is_jump_kind(base) || ins.arg < 0) continue;
        KrObject *label = krInt_from_ssize(ts, jump_target(&ins));
        int found = label ? krObj_contains(ts, list, label) : -1;
        if (found < 0 || (!found && krList_append(ts, list, label) < 0)) {
            kr_xdecref(label);
            kr_decref(list);
            return NULL;
        }
        kr_decref(label);
    }
    return list;
}

// --- get_instructions: Instruction and Positions named tuples ---

static const char *const instruction_fields[] = {"opname", "opcode", "arg", "argval", "argrepr", "offset",
                                                 "starts_line", "is_jump_target", "positions", NULL};
static const char *const positions_fields[] = {"lineno", "end_lineno", "col_offset", "end_col_offset", NULL};
static const KrStructSeqDesc instruction_desc = {"dis", "Instruction", instruction_fields};
static const KrStructSeqDesc positions_desc = {"dis", "Positions", positions_fields};

static KrObject *opt_int(KrThreadState *ts, int v) { return v < 0 ? kr_newref(KR_NONE) : krInt_from_i64(ts, v); }

static KrObject *make_instruction(KrThreadState *ts, KrObject *module, Decoded *d, const Instr *ins, int line_offset) {
    KrObject *itype = krDict_get_cstr(ts, krModule_dict(module), "Instruction");
    KrObject *ptype = krDict_get_cstr(ts, krModule_dict(module), "Positions");
    if (!itype || !ptype) {
        if (!krErr_occurred(ts)) krErr_set_string(ts, &KrExc_RuntimeError, "dis module is missing its types");
        return NULL;
    }
    KrObject *pv[4] = {opt_int(ts, ins->line), opt_int(ts, ins->end_line), opt_int(ts, ins->col),
                       opt_int(ts, ins->end_col)};
    if (!pv[0] || !pv[1] || !pv[2] || !pv[3]) {
        for (int i = 0; i < 4; i++) kr_xdecref(pv[i]);
        return NULL;
    }
    KrObject *positions = krStructSeq_new(ts, ptype, pv);
    if (!positions) return NULL;
    KrObject *v[9] = {NULL};
    int starts = d->line_starts[ins->offset / 2];
    v[0] = krStr_from_cstr(ts, krOp_name(ins->op));
    v[1] = kr_smallint(ins->op);
    if (ins->arg >= 0) {
        v[2] = kr_smallint(ins->arg);
        if (arg_info(ts, d->co, ins, &v[3], &v[4]) < 0) v[3] = v[4] = NULL;
    } else {
        v[2] = kr_newref(KR_NONE);
        v[3] = kr_newref(KR_NONE);
        v[4] = kr_newref(krStr_empty());
    }
    v[5] = krInt_from_ssize(ts, ins->offset);
    v[6] = starts >= 0 ? krInt_from_i64(ts, starts + line_offset) : kr_newref(KR_NONE);
    v[7] = kr_newref(kr_bool(d->labels[ins->offset / 2]));
    v[8] = positions;
    for (int i = 0; i < 9; i++) {
        if (!v[i]) {
            for (int j = 0; j < 9; j++) kr_xdecref(v[j]);
            return NULL;
        }
    }
    return krStructSeq_new(ts, itype, v);
}

static KrObject *dis_get_instructions(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                      KrObject *kwnames) {
    static const char *const names[] = {"x", "first_line", "show_caches", "adaptive"};
    KrObject *a[4];
    if (krArg_parse(ts, "get_instructions", args, nargs, kwnames, names, 4, 0, 1, 1, a) < 0) return NULL;
    bool adaptive;
    if (parse_flag(ts, a[3], &adaptive) < 0) return NULL;
    KrObject *co = get_code_object(ts, a[0], "<disassembly>");
    if (!co) return NULL;
    int line_offset = 0;
    if (a[1] && a[1] != KR_NONE) {
        KrSsize fl = krNum_as_ssize(ts, a[1], NULL);
        if (fl == -1 && krErr_occurred(ts)) {
            kr_decref(co);
            return NULL;
        }
        line_offset = (int)fl - ((KrCodeObject *)co)->co_firstlineno;
    }
    Decoded d;
    if (decode(ts, (KrCodeObject *)co, adaptive, &d) < 0) {
        kr_decref(co);
        return NULL;
    }
    KrObject *list = krList_new(ts, 0);
    for (int i = 0; list && i < d.n; i++) {
        KrObject *ins = make_instruction(ts, self, &d, &d.instrs[i], line_offset);
        if (!ins || krList_append(ts, list, ins) < 0) KR_CLEAR(list);
        kr_xdecref(ins);
    }
    decoded_free(&d);
    kr_decref(co);
    if (!list) return NULL;
    KrObject *iter = krObj_get_iter(ts, list);
    kr_decref(list);
    return iter;
}

// --- code_info / show_code ---

static int append_flags(KrThreadState *ts, KrStrBuilder *sb, int flags) {
    static const char *const names[] = {"OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED",
                                        "GENERATOR", "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR"};
    bool first = true;
    for (int i = 0; i < 32 && flags; i++) {
        int flag = 1 << i;
        if (!(flags & flag)) continue;
        if (!first && krSB_append_cstr(ts, sb, ", ") < 0) return -1;
        first = false;
        int r = i < 10 ? krSB_append_cstr(ts, sb, names[i]) : krSB_printf(ts, sb, "0x%x", (unsigned)flag);
        if (r < 0) return -1;
        flags ^= flag;
    }
    if (first) return krSB_append_cstr(ts, sb, "0x0");
    return 0;
}

static int append_name_list(KrThreadState *ts, KrStrBuilder *sb, const char *title, KrObject *t, bool repr) {
    int r = 0;
    if (KR_TUPLE_SIZE(t)) r = krSB_printf(ts, sb, "\n%s", title);
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(t) && r == 0; i++)
    {
        r = append_c(ts, sb, "\n%4zd: ", i);
        if (r == 0) r = repr ? krSB_append_obj_repr(ts, sb, KR_TUPLE_GET(t, i)) : krSB_append_obj_str(ts, sb, KR_TUPLE_GET(t, i));
    }
    return r;
}

static KrObject *format_code_info(KrThreadState *ts, KrCodeObject *co) {
    static const char *const attrs[] = {"co_varnames", "co_freevars", "co_cellvars"};
    static const char *const titles[] = {"Variable names:", "Free variables:", "Cell variables:"};
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = krSB_printf(ts, &sb,
                        "Name:              %U\nFilename:          %U\nArgument count:    %d\n"
                        "Positional-only arguments: %d\nKw-only arguments: %d\nNumber of locals:  %d\n"
                        "Stack size:        %d\nFlags:             ",
                        co->co_name, co->co_filename, co->co_argcount, co->co_posonlyargcount,
                        co->co_kwonlyargcount, co->co_nlocals, co->co_stacksize);
    if (r == 0) r = append_flags(ts, &sb, co->co_flags);
    if (r == 0) r = append_name_list(ts, &sb, "Constants:", co->co_consts, true);
    if (r == 0) r = append_name_list(ts, &sb, "Names:", co->co_names, false);
    for (int i = 0; i < 3 && r == 0; i++) {
        KrObject *t = krObj_getattr_cstr(ts, (KrObject *)co, attrs[i]);
        if (!t) {
            r = -1;
            break;
        }
        r = append_name_list(ts, &sb, titles[i], t, false);
        kr_decref(t);
    }
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

static KrObject *dis_code_info(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrObject *co = get_code_object(ts, arg, "<disassembly>");
    if (!co) return NULL;
    KrObject *r = format_code_info(ts, (KrCodeObject *)co);
    kr_decref(co);
    return r;
}

static KrObject *dis_show_code(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"co", "file"};
    KrObject *a[2];
    if (krArg_parse(ts, "show_code", args, nargs, kwnames, names, 2, 0, 1, 1, a) < 0) return NULL;
    KrObject *info = dis_code_info(ts, self, a[0]);
    if (!info) return NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = krSB_append_str(ts, &sb, info);
    kr_decref(info);
    if (r < 0 || krSB_append_char(ts, &sb, '\n') < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    if (write_out(ts, &sb, a[1]) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static KrObject *dis_stack_effect(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                                  KrObject *kwnames) {
    static const char *const names[] = {"opcode", "oparg", "jump"};
    KrObject *a[3];
    if (krArg_parse(ts, "stack_effect", args, nargs, kwnames, names, 3, 2, 2, 1, a) < 0) return NULL;
    KrSsize op = krNum_as_ssize(ts, a[0], NULL);
    if (op == -1 && krErr_occurred(ts)) return NULL;
    if (op < 0 || op >= KR_OP__NREAL || op == KR_OP_CACHE)
        return krErr_format(ts, &KrExc_ValueError, "invalid opcode or oparg");
    KrSsize oparg = 0;
    if (has_arg((int)op)) {
        if (!a[1] || a[1] == KR_NONE) return krErr_format(ts, &KrExc_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
        oparg = krNum_as_ssize(ts, a[1], NULL);
        if (oparg == -1 && krErr_occurred(ts)) return NULL;
    } else if (a[1] && a[1] != KR_NONE) {
        return krErr_format(ts, &KrExc_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
    }
    int jump = -1;
    if (a[2] && a[2] != KR_NONE) {
        int t = krObj_is_true(ts, a[2]);
        if (t < 0) return NULL;
        jump = t;
    }
    int effect;
    if (jump >= 0) {
        effect = krOp_stack_effect((int)op, (int)oparg, jump);
    } else {
        int e0 = krOp_stack_effect((int)op, (int)oparg, 0), e1 = krOp_stack_effect((int)op, (int)oparg, 1);
        effect = e0 > e1 ? e0 : e1;
    }
    return krInt_from_i64(ts, effect);
}

// `krait -m dis [file]`: compile the file (stdin when absent or "-") and
// disassemble it, as `python -m dis` does.
static KrObject *dis_main(KrThreadState *ts, KrObject *self) {
    KrObject *argv = krDict_get_cstr(ts, ts->interp->sysdict, "argv");
    if (!argv && krErr_occurred(ts)) return NULL;
    const char *path = "-";
    if (argv && krList_check(argv) && KR_LIST_SIZE(argv) > 1 && krStr_check(KR_LIST_GET(argv, 1)))
        path = krStr_utf8(KR_LIST_GET(argv, 1));
    bool use_stdin = strcmp(path, "-") == 0;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        KrObject *name = krStr_from_cstr(ts, path);
        if (name) {
            krErr_from_errno(ts, &KrExc_OSError, name);
            kr_decref(name);
        }
        return NULL;
    }
    KrStrBuilder src;
    krSB_init(&src);
    char buf[8192];
    size_t n;
    int r = 0;
    while (r == 0 && (n = fread(buf, 1, sizeof buf, f)) > 0) r = krSB_append(ts, &src, buf, (KrSsize)n);
    if (!use_stdin) fclose(f);
    if (r < 0) {
        krSB_discard(&src);
        return NULL;
    }
    KrObject *text = krSB_finish(ts, &src);
    KrObject *fname = text ? krStr_from_cstr(ts, use_stdin ? "<stdin>" : path) : NULL;
    KrObject *co = fname ? krCompile_source(ts, krStr_utf8(text), krStr_size(text), fname, KR_PARSE_EXEC, 0, -1) : NULL;
    kr_xdecref(text);
    kr_xdecref(fname);
    if (!co) return NULL;
    KrStrBuilder sb;
    krSB_init(&sb);
    r = krDis_code(ts, &sb, (KrCodeObject *)co, -1, -1, false, false);
    kr_decref(co);
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    if (write_out(ts, &sb, NULL) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static const KrMethodDef dis_methods[] = {
    {"_main", KR_CFUNC(dis_main), KR_METH_NOARGS, "Disassemble a source file (python -m dis)."},
    {"dis", KR_CFUNC(dis_dis), KR_METH_FASTKW, "Disassemble classes, methods, functions, and other compiled objects."},
    {"disassemble", KR_CFUNC(dis_disassemble), KR_METH_FASTKW, "Disassemble a code object."},
    {"disco", KR_CFUNC(dis_disassemble), KR_METH_FASTKW, "Disassemble a code object."},
    {"distb", KR_CFUNC(dis_distb), KR_METH_FASTKW, "Disassemble a traceback (default: last traceback)."},
    {"get_instructions", KR_CFUNC(dis_get_instructions), KR_METH_FASTKW, "Iterator for the opcodes in methods, functions or code."},
    {"findlinestarts", KR_CFUNC(dis_findlinestarts), KR_METH_O, "Find the offsets in a byte code which are start of lines in the source."},
    {"findlabels", KR_CFUNC(dis_findlabels), KR_METH_O, "Detect all offsets in a byte code which are jump targets."},
    {"code_info", KR_CFUNC(dis_code_info), KR_METH_O, "Formatted details of methods, functions, or code."},
    {"show_code", KR_CFUNC(dis_show_code), KR_METH_FASTKW, "Print details of methods, functions, or code to *file*."},
    {"stack_effect", KR_CFUNC(dis_stack_effect), KR_METH_FASTKW, "Compute the stack effect of the opcode."},
    {NULL, NULL, 0, NULL},
};

// --- module data ---

static int add_list_of(KrThreadState *ts, KrObject *m, const char *name, bool (*pred)(int op)) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return -1;
    for (int op = 0; op < KR_OP__NREAL; op++) {
        if (pred(op) && krList_append(ts, list, kr_smallint(op)) < 0) {
            kr_decref(list);
            return -1;
        }
    }
    return krModule_add_object_steal(ts, m, name, list);
}

static bool kind_is(int op, int kind) { return krOp_info(op)->arg_kind == kind; }
static bool p_const(int op) { return kind_is(op, KR_ARG_CONST); }
static bool p_name(int op) { return kind_is(op, KR_ARG_NAME) || kind_is(op, KR_ARG_GLOBAL); }
static bool p_jrel(int op) { return kind_is(op, KR_ARG_JFWD) || kind_is(op, KR_ARG_JBACK); }
static bool p_jabs(int op) { (void)op; return false; }
static bool p_local(int op) { return kind_is(op, KR_ARG_LOCAL); }
static bool p_free(int op) { return kind_is(op, KR_ARG_FREE); }
static bool p_compare(int op) { return kind_is(op, KR_ARG_CMP); }

static int dis_exec(KrThreadState *ts, KrObject *m) {
    KrObject *opname = krList_new(ts, 256);
    KrObject *opmap = krDict_new(ts);
    if (!opname || !opmap) {
        kr_xdecref(opname);
        kr_xdecref(opmap);
        return -1;
    }
    for (int op = 0; op < 256; op++) KR_LIST_SET(opname, op, NULL);
    int r = 0;
    for (int op = 0; op < 256 && r == 0; op++) {
        const char *opn = op < KR_OP__NEXEC ? kr_op_info[op].name : NULL;
        KrObject *s = opn ? krStr_from_cstr(ts, opn) : krStr_from_format(ts, "<%d>", op);
        if (!s) {
            r = -1;
            s = kr_newref(KR_NONE);
        } else if (opn) {
            r = krDict_set(ts, opmap, s, kr_smallint(op));
        }
        KR_LIST_SET(opname, op, s);
    }
    for (int op = 0; op < 256; op++)
        if (!KR_LIST_GET(opname, op)) KR_LIST_SET(opname, op, kr_newref(KR_NONE));
    if (r < 0 || krModule_add_object_steal(ts, m, "opname", opname) < 0 ||
        krModule_add_object_steal(ts, m, "opmap", opmap) < 0)
        return -1;
    KrObject *cmp = krTuple_new(ts, 6);
    if (!cmp) return -1;
    for (int i = 0; i < 6; i++) {
        KrObject *s = krStr_from_cstr(ts, cmp_ops[i]);
        KR_TUPLE_SET(cmp, i, s ? s : kr_newref(KR_NONE));
        if (!s) r = -1;
    }
    if (r < 0) {
        kr_decref(cmp);
        return -1;
    }
    if (krModule_add_object_steal(ts, m, "cmp_op", cmp) < 0 || add_list_of(ts, m, "hasconst", p_const) < 0 ||
        add_list_of(ts, m, "hasname", p_name) < 0 || add_list_of(ts, m, "hasjrel", p_jrel) < 0 ||
        add_list_of(ts, m, "hasjabs", p_jabs) < 0 || add_list_of(ts, m, "haslocal", p_local) < 0 ||
        add_list_of(ts, m, "hasfree", p_free) < 0 || add_list_of(ts, m, "hascompare", p_compare) < 0 ||
        krModule_add_int(ts, m, "EXTENDED_ARG", KR_OP_EXTENDED_ARG) < 0 || krModule_add_int(ts, m, "HAVE_ARGUMENT", 0) < 0)
        return -1;
    KrObject *itype = krStructSeq_new_type(ts, &instruction_desc);
    if (!itype || krModule_add_object_steal(ts, m, "Instruction", itype) < 0) return -1;
    KrObject *ptype = krStructSeq_new_type(ts, &positions_desc);
    if (!ptype || krModule_add_object_steal(ts, m, "Positions", ptype) < 0) return -1;
    return 0;
}

const KrModuleDef kr_dis_module_def = {
    "dis",
    "Disassembler of Python byte code into mnemonics.",
    dis_methods,
    dis_exec,
};
