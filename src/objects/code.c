/*
 * code.c — code objects (see code.h): construction, the Python-level
 * attributes (co_*), co_lines(), co_positions(), replace(), repr, equality
 * and hashing; and the encoders/decoders of the position table and the
 * exception table, whose formats are CPython 3.11's.
 *
 * A code object holds strong references to: co_consts, co_names,
 * co_localsplusnames, co_localspluskinds, co_filename, co_name, co_qualname,
 * co_linetable, co_exceptiontable.  It is immutable from Python and contains
 * only constants, so it cannot be part of a reference cycle and is not
 * tracked by the cycle collector.
 */
#include "objects/code.h"

#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "compiler/opcode.h"
#include "runtime/error.h"

// Constant identity (compiler/consts.c).
bool krConst_equal(KrObject *a, KrObject *b);

// ---------------------------------------------------------------------------
// Byte buffers

static int buf_put(KrByteBuf *b, uint8_t byte) {
    if (b->size == b->capacity) {
        KrSsize cap = b->capacity ? b->capacity * 2 : 64;
        uint8_t *p = krMem_realloc(b->data, (size_t)cap);
        if (!p) return -1;
        b->data = p;
        b->capacity = cap;
    }
    b->data[b->size++] = byte;
    return 0;
}

// ---------------------------------------------------------------------------
// Position table

static int put_varint(KrByteBuf *b, unsigned int val) {
    while (val >= 64) {
        if (buf_put(b, (uint8_t)(64 | (val & 63))) < 0) return -1;
        val >>= 6;
    }
    return buf_put(b, (uint8_t)val);
}

static int put_svarint(KrByteBuf *b, int val) {
    unsigned int u = val < 0 ? (((unsigned int)-val) << 1) | 1 : ((unsigned int)val) << 1;
    return put_varint(b, u);
}

static int put_first(KrByteBuf *b, int code, int length) {
    return buf_put(b, (uint8_t)(0x80 | (code << 3) | (length - 1)));
}

void krCode_linewriter_init(KrLineWriter *w, int firstlineno) {
    w->buf = (KrByteBuf){0};
    w->prev_line = firstlineno;
}

static int write_entry(KrLineWriter *w, int n, int line, int end_line, int col, int end_col) {
    KrByteBuf *b = &w->buf;
    if (line < 0) return put_first(b, 15, n);
    int delta = line - w->prev_line;
    if (col < 0 || end_col < 0) {
        if (end_line == line || end_line == -1) {
            w->prev_line = line;
            if (put_first(b, 13, n) < 0) return -1;
            return put_svarint(b, delta);
        }
    } else if (end_line == line) {
        if (delta == 0 && col < 80 && end_col - col < 16 && end_col >= col) {
            if (put_first(b, col >> 3, n) < 0) return -1;
            return buf_put(b, (uint8_t)(((col & 7) << 4) | (end_col - col)));
        }
        if (delta >= 0 && delta < 3 && col < 128 && end_col < 128) {
            w->prev_line = line;
            if (put_first(b, 10 + delta, n) < 0 || buf_put(b, (uint8_t)col) < 0) return -1;
            return buf_put(b, (uint8_t)end_col);
        }
    }
    w->prev_line = line;
    if (put_first(b, 14, n) < 0 || put_svarint(b, delta) < 0) return -1;
    if (put_varint(b, (unsigned int)(end_line - line)) < 0) return -1;
    if (put_varint(b, (unsigned int)(col + 1)) < 0) return -1;
    return put_varint(b, (unsigned int)(end_col + 1));
}

int krCode_linewriter_add(KrLineWriter *w, int nunits, int line, int end_line, int col, int end_col) {
    while (nunits > 8) {
        if (write_entry(w, 8, line, end_line, col, end_col) < 0) return -1;
        nunits -= 8;
    }
    return write_entry(w, nunits, line, end_line, col, end_col);
}

void krCode_lineiter_init(KrLineIter *it, const KrCodeObject *code) {
    const KrObject *t = code->co_linetable;
    it->p = (const uint8_t *)((const KrBytesObject *)t)->data;
    it->limit = it->p + krBytes_size(t);
    it->computed_line = code->co_firstlineno;
    it->start = it->end = 0;
    it->line = it->end_line = it->col = it->end_col = -1;
}

static unsigned int get_varint(KrLineIter *it) {
    unsigned int val = 0;
    int shift = 0;
    while (it->p < it->limit) {
        uint8_t b = *it->p++;
        val |= (unsigned int)(b & 63) << shift;
        shift += 6;
        if (!(b & 64)) break;
    }
    return val;
}

static int get_svarint(KrLineIter *it) {
    unsigned int u = get_varint(it);
    return (u & 1) ? -(int)(u >> 1) : (int)(u >> 1);
}

bool krCode_lineiter_next(KrLineIter *it) {
    if (it->p >= it->limit) return false;
    uint8_t first = *it->p++;
    int code = (first >> 3) & 15;
    it->start = it->end;
    it->end = it->start + (first & 7) + 1;
    switch (code) {
    case 15:
        it->line = it->end_line = it->col = it->end_col = -1;
        break;
    case 14:
        it->computed_line += get_svarint(it);
        it->line = it->computed_line;
        it->end_line = it->line + (int)get_varint(it);
        it->col = (int)get_varint(it) - 1;
        it->end_col = (int)get_varint(it) - 1;
        break;
    case 13:
        it->computed_line += get_svarint(it);
        it->line = it->end_line = it->computed_line;
        it->col = it->end_col = -1;
        break;
    case 10:
    case 11:
    case 12:
        it->computed_line += code - 10;
        it->line = it->end_line = it->computed_line;
        it->col = it->p < it->limit ? *it->p++ : 0;
        it->end_col = it->p < it->limit ? *it->p++ : 0;
        break;
    default: {
        uint8_t second = it->p < it->limit ? *it->p++ : 0;
        it->line = it->end_line = it->computed_line;
        it->col = code * 8 + ((second >> 4) & 7);
        it->end_col = it->col + (second & 15);
        break;
    }
    }
    // Skip any stray continuation bytes so the next entry starts on a marker.
    while (it->p < it->limit && !(*it->p & 0x80)) it->p++;
    return true;
}

bool krCode_position(const KrCodeObject *code, KrSsize unit, int *line, int *end_line, int *col, int *end_col) {
    KrLineIter it;
    krCode_lineiter_init(&it, code);
    while (krCode_lineiter_next(&it)) {
        if (unit >= it.start && unit < it.end) {
            *line = it.line;
            *end_line = it.end_line;
            *col = it.col;
            *end_col = it.end_col;
            return it.line >= 0;
        }
    }
    *line = *end_line = *col = *end_col = -1;
    return false;
}

int krCode_addr2line(const KrCodeObject *code, KrSsize unit) {
    int line, end_line, col, end_col;
    krCode_position(code, unit, &line, &end_line, &col, &end_col);
    return line;
}

// ---------------------------------------------------------------------------
// Exception table

static int put_exc_item(KrByteBuf *b, KrSsize value, int msb) {
    for (int shift = 24; shift > 0; shift -= 6) {
        if (value >= ((KrSsize)1 << shift)) {
            if (buf_put(b, (uint8_t)(((value >> shift) & 0x3f) | 64 | msb)) < 0) return -1;
            msb = 0;
        }
    }
    return buf_put(b, (uint8_t)((value & 0x3f) | msb));
}

int krCode_exctable_add(KrByteBuf *buf, KrSsize start, KrSsize end, KrSsize target, int depth, bool lasti) {
    if (put_exc_item(buf, start, 0x80) < 0 || put_exc_item(buf, end - start, 0) < 0) return -1;
    if (put_exc_item(buf, target, 0) < 0) return -1;
    return put_exc_item(buf, ((KrSsize)depth << 1) | lasti, 0);
}

static KrSsize get_exc_item(const uint8_t *data, KrSsize size, KrSsize *pos) {
    KrSsize val = 0;
    while (*pos < size) {
        uint8_t b = data[(*pos)++];
        val = (val << 6) | (b & 63);
        if (!(b & 64)) break;
    }
    return val;
}

bool krCode_exctable_next(const KrCodeObject *code, KrSsize *pos, KrExcEntry *e) {
    const uint8_t *data = (const uint8_t *)((const KrBytesObject *)code->co_exceptiontable)->data;
    KrSsize size = krBytes_size(code->co_exceptiontable);
    if (*pos >= size) return false;
    e->start = get_exc_item(data, size, pos);
    e->end = e->start + get_exc_item(data, size, pos);
    e->target = get_exc_item(data, size, pos);
    KrSsize dl = get_exc_item(data, size, pos);
    e->depth = (int)(dl >> 1);
    e->lasti = dl & 1;
    return true;
}

bool krCode_find_handler(const KrCodeObject *code, KrSsize unit, KrSsize *target, int *depth, bool *lasti) {
    KrSsize pos = 0;
    KrExcEntry e;
    while (krCode_exctable_next(code, &pos, &e)) {
        if (unit < e.start) return false;   // entries are sorted
        if (unit < e.end) {
            *target = e.target;
            *depth = e.depth;
            *lasti = e.lasti;
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Construction

static int count_kinds(KrObject *kinds, int *nlocals, int *ncells, int *nfrees) {
    *nlocals = *ncells = *nfrees = 0;
    const uint8_t *k = (const uint8_t *)krBytes_data(kinds);
    for (KrSsize i = 0; i < krBytes_size(kinds); i++) {
        if (k[i] & KR_FAST_LOCAL) (*nlocals)++;
        if (k[i] & KR_FAST_CELL) (*ncells)++;
        if (k[i] & KR_FAST_FREE) (*nfrees)++;
    }
    return 0;
}

static bool all_strs(KrObject *t) {
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(t); i++)
        if (!krStr_check(KR_TUPLE_GET(t, i))) return false;
    return true;
}

static const char *invalid_spec(const KrCodeSpec *spec) {
    if (spec->argcount < spec->posonlyargcount || spec->posonlyargcount < 0 || spec->kwonlyargcount < 0)
        return "code: argument counts are inconsistent";
    if (spec->stacksize < 0 || spec->ncodeunits < 0) return "code: negative stack size or code length";
    if (!spec->consts || !krTuple_check(spec->consts)) return "code: co_consts must be a tuple";
    if (!spec->names || !krTuple_check(spec->names) || !all_strs(spec->names))
        return "code: co_names must be a tuple of strings";
    if (!spec->localsplusnames || !krTuple_check(spec->localsplusnames) || !all_strs(spec->localsplusnames) ||
        !spec->localspluskinds || !krBytes_check(spec->localspluskinds) ||
        KR_TUPLE_SIZE(spec->localsplusnames) != krBytes_size(spec->localspluskinds))
        return "code: local variable names or kinds are malformed";
    if (!spec->filename || !krStr_check(spec->filename)) return "code: co_filename must be a string";
    if (!spec->name || !krStr_check(spec->name) || !spec->qualname || !krStr_check(spec->qualname))
        return "code: co_name and co_qualname must be strings";
    if (!spec->linetable || !krBytes_check(spec->linetable) || !spec->exceptiontable ||
        !krBytes_check(spec->exceptiontable))
        return "code: co_linetable and co_exceptiontable must be bytes";
    return NULL;
}

KrObject *krCode_new(KrThreadState *ts, const KrCodeSpec *spec) {
    const char *invalid = invalid_spec(spec);
    if (invalid) {
        krErr_set_string(ts, &KrExc_ValueError, invalid);
        return NULL;
    }
    int nlocalsplus = (int)KR_TUPLE_SIZE(spec->localsplusnames);
    int nlocals, ncells, nfrees;
    count_kinds(spec->localspluskinds, &nlocals, &ncells, &nfrees);
    int nargs = spec->argcount + spec->kwonlyargcount + !!(spec->flags & KR_CO_VARARGS) +
                !!(spec->flags & KR_CO_VARKEYWORDS);
    if (nlocals < nargs) {
        krErr_set_string(ts, &KrExc_ValueError, "code: co_varnames is too small");
        return NULL;
    }
    KrCodeObject *co = (KrCodeObject *)krObj_alloc(ts, &KrCode_Type, spec->ncodeunits);
    if (!co) return NULL;
    co->co_argcount = spec->argcount;
    co->co_posonlyargcount = spec->posonlyargcount;
    co->co_kwonlyargcount = spec->kwonlyargcount;
    co->co_nlocalsplus = nlocalsplus;
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfrees;
    co->co_stacksize = spec->stacksize;
    co->co_framesize = nlocalsplus + spec->stacksize;
    co->co_flags = spec->flags;
    co->co_firstlineno = spec->firstlineno;
    co->co_ncodeunits = spec->ncodeunits;
    co->co_consts = kr_newref(spec->consts);
    co->co_names = kr_newref(spec->names);
    co->co_localsplusnames = kr_newref(spec->localsplusnames);
    co->co_localspluskinds = kr_newref(spec->localspluskinds);
    co->co_filename = kr_newref(spec->filename);
    co->co_name = kr_newref(spec->name);
    co->co_qualname = kr_newref(spec->qualname);
    co->co_linetable = kr_newref(spec->linetable);
    co->co_exceptiontable = kr_newref(spec->exceptiontable);
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    if (spec->ncodeunits) memcpy(co->co_code_adaptive, spec->code, sizeof(KrCodeUnit) * (size_t)spec->ncodeunits);
    return (KrObject *)co;
}

static void code_dealloc(KrObject *self) {
    KrCodeObject *co = (KrCodeObject *)self;
    kr_decref(co->co_consts);
    kr_decref(co->co_names);
    kr_decref(co->co_localsplusnames);
    kr_decref(co->co_localspluskinds);
    kr_decref(co->co_filename);
    kr_decref(co->co_name);
    kr_decref(co->co_qualname);
    kr_decref(co->co_linetable);
    kr_decref(co->co_exceptiontable);
    krMem_free(co->co_extra);
    krObj_free(self);
}

KrObject *krCode_get_code_bytes(KrThreadState *ts, KrCodeObject *co) {
    KrObject *b = krBytes_from_data(ts, NULL, co->co_ncodeunits * 2);
    if (!b) return NULL;
    uint8_t *out = (uint8_t *)krBytes_data(b);
    int caches = 0;
    for (KrSsize i = 0; i < co->co_ncodeunits; i++) {
        KrCodeUnit u = co->co_code_adaptive[i];
        if (caches) {
            // Inline caches read as zeros, whatever the eval loop stored there.
            caches--;
            out[2 * i] = out[2 * i + 1] = 0;
            continue;
        }
        int op = KR_UNIT_OP(u);
        int base = op < KR_OP__NEXEC ? kr_op_info[op].base : op;
        out[2 * i] = (uint8_t)base;
        out[2 * i + 1] = (uint8_t)KR_UNIT_ARG(u);
        caches = base < KR_OP__NREAL ? kr_op_info[base].cache : 0;
    }
    return b;
}

// ---------------------------------------------------------------------------
// Python-level attributes

// The names of the slots whose kind has `mask`.
static KrObject *names_with_kind(KrThreadState *ts, KrCodeObject *co, int mask) {
    const uint8_t *k = (const uint8_t *)krBytes_data(co->co_localspluskinds);
    KrSsize n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (k[i] & mask) n++;
    KrObject *t = krTuple_new(ts, n);
    if (!t) return NULL;
    n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (k[i] & mask) KR_TUPLE_SET(t, n++, kr_newref(KR_TUPLE_GET(co->co_localsplusnames, i)));
    return t;
}

static KrObject *get_varnames(KrThreadState *ts, KrObject *self, void *closure) {
    return names_with_kind(ts, (KrCodeObject *)self, KR_FAST_LOCAL);
}
static KrObject *get_cellvars(KrThreadState *ts, KrObject *self, void *closure) {
    return names_with_kind(ts, (KrCodeObject *)self, KR_FAST_CELL);
}
static KrObject *get_freevars(KrThreadState *ts, KrObject *self, void *closure) {
    return names_with_kind(ts, (KrCodeObject *)self, KR_FAST_FREE);
}
static KrObject *get_code(KrThreadState *ts, KrObject *self, void *closure) {
    return krCode_get_code_bytes(ts, (KrCodeObject *)self);
}

static const KrGetSetDef code_getset[] = {
    {"co_varnames", get_varnames, NULL, NULL, NULL},
    {"co_cellvars", get_cellvars, NULL, NULL, NULL},
    {"co_freevars", get_freevars, NULL, NULL, NULL},
    {"co_code", get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define CO_OFF(field) ((KrSsize)offsetof(KrCodeObject, field))
static const KrMemberDef code_members[] = {
    {"co_argcount", KR_MEMBER_INT, CO_OFF(co_argcount), KR_MEMBER_READONLY, NULL},
    {"co_posonlyargcount", KR_MEMBER_INT, CO_OFF(co_posonlyargcount), KR_MEMBER_READONLY, NULL},
    {"co_kwonlyargcount", KR_MEMBER_INT, CO_OFF(co_kwonlyargcount), KR_MEMBER_READONLY, NULL},
    {"co_nlocals", KR_MEMBER_INT, CO_OFF(co_nlocals), KR_MEMBER_READONLY, NULL},
    {"co_stacksize", KR_MEMBER_INT, CO_OFF(co_stacksize), KR_MEMBER_READONLY, NULL},
    {"co_flags", KR_MEMBER_INT, CO_OFF(co_flags), KR_MEMBER_READONLY, NULL},
    {"co_firstlineno", KR_MEMBER_INT, CO_OFF(co_firstlineno), KR_MEMBER_READONLY, NULL},
    {"co_consts", KR_MEMBER_OBJECT, CO_OFF(co_consts), KR_MEMBER_READONLY, NULL},
    {"co_names", KR_MEMBER_OBJECT, CO_OFF(co_names), KR_MEMBER_READONLY, NULL},
    {"co_filename", KR_MEMBER_OBJECT, CO_OFF(co_filename), KR_MEMBER_READONLY, NULL},
    {"co_name", KR_MEMBER_OBJECT, CO_OFF(co_name), KR_MEMBER_READONLY, NULL},
    {"co_qualname", KR_MEMBER_OBJECT, CO_OFF(co_qualname), KR_MEMBER_READONLY, NULL},
    {"co_linetable", KR_MEMBER_OBJECT, CO_OFF(co_linetable), KR_MEMBER_READONLY, NULL},
    {"co_exceptiontable", KR_MEMBER_OBJECT, CO_OFF(co_exceptiontable), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrObject *opt_int(KrThreadState *ts, int v) {
    return v < 0 ? kr_newref(KR_NONE) : krInt_from_i64(ts, v);
}

// co_lines(): (start, end, line) per position-table entry, in bytes.
static KrObject *code_co_lines(KrThreadState *ts, KrObject *self) {
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    KrLineIter it;
    krCode_lineiter_init(&it, (KrCodeObject *)self);
    while (krCode_lineiter_next(&it)) {
        KrObject *line = opt_int(ts, it.line);
        KrObject *t = line ? krTuple_pack(ts, 3, kr_smallint(it.start * 2), kr_smallint(it.end * 2), line) : NULL;
        kr_xdecref(line);
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

// co_positions(): (line, end_line, col, end_col) per code unit.
static KrObject *code_co_positions(KrThreadState *ts, KrObject *self) {
    KrCodeObject *co = (KrCodeObject *)self;
    KrObject *list = krList_new(ts, 0);
    if (!list) return NULL;
    KrLineIter it;
    krCode_lineiter_init(&it, co);
    bool have = krCode_lineiter_next(&it);
    for (KrSsize i = 0; i < co->co_ncodeunits; i++) {
        while (have && i >= it.end) have = krCode_lineiter_next(&it);
        int v[4] = {-1, -1, -1, -1};
        if (have) v[0] = it.line, v[1] = it.end_line, v[2] = it.col, v[3] = it.end_col;
        KrObject *items[4] = {NULL, NULL, NULL, NULL};
        bool ok = true;
        for (int k = 0; k < 4; k++) {
            // A missing line means the other fields are missing too.
            items[k] = opt_int(ts, v[0] < 0 ? -1 : v[k]);
            if (!items[k]) ok = false;
        }
        KrObject *t = ok ? krTuple_from_array(ts, items, 4) : NULL;
        for (int k = 0; k < 4; k++) kr_xdecref(items[k]);
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

// dis support: the name of fast slot `oparg`.
static KrObject *code_varname_from_oparg(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrCodeObject *co = (KrCodeObject *)self;
    KrSsize i = krNum_as_ssize(ts, arg, &KrExc_IndexError);
    if (i == -1 && krErr_occurred(ts)) return NULL;
    if (i < 0 || i >= co->co_nlocalsplus) {
        krErr_set_string(ts, &KrExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return kr_newref(KR_TUPLE_GET(co->co_localsplusnames, i));
}

// replace(**changes): a copy with the given fields replaced.
enum {
    R_ARGCOUNT, R_POSONLY, R_KWONLY, R_NLOCALS, R_STACKSIZE, R_FLAGS, R_FIRSTLINENO, R_CODE, R_CONSTS, R_NAMES,
    R_VARNAMES, R_FREEVARS, R_CELLVARS, R_FILENAME, R_NAME, R_QUALNAME, R_LINETABLE, R_EXCTABLE, R_COUNT
};
static const char *const replace_names[R_COUNT] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
    "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
};

static int check_arg(KrThreadState *ts, KrObject *v, int i, bool (*check)(const KrObject *), const char *tname) {
    if (check(v)) return 0;
    krErr_format(ts, &KrExc_TypeError, "replace() argument '%s' must be %s, not %T", replace_names[i], tname, v);
    return -1;
}

static bool is_tuple(const KrObject *o) { return krTuple_check(o); }
static bool is_bytes(const KrObject *o) { return krBytes_check(o); }
static bool is_str(const KrObject *o) { return krStr_check(o); }

static bool tuple_has_str(KrObject *t, KrObject *name) {
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(t); i++)
        if (krStr_eq(KR_TUPLE_GET(t, i), name)) return true;
    return false;
}

// Fast slots from co_varnames / co_cellvars / co_freevars.
static int build_localsplus(KrThreadState *ts, KrObject *varnames, KrObject *cellvars, KrObject *freevars,
                            KrObject **names_out, KrObject **kinds_out) {
    KrSsize nv = KR_TUPLE_SIZE(varnames), n = nv;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(cellvars); i++)
        if (!tuple_has_str(varnames, KR_TUPLE_GET(cellvars, i))) n++;
    n += KR_TUPLE_SIZE(freevars);
    KrObject *names = krTuple_new(ts, n);
    if (!names) return -1;
    KrObject *kinds = krBytes_from_data(ts, NULL, n);
    if (!kinds) {
        for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(names, i, kr_newref(KR_NONE));
        kr_decref(names);
        return -1;
    }
    char *k = krBytes_data(kinds);
    KrSsize j = 0;
    for (KrSsize i = 0; i < nv; i++, j++) {
        KrObject *name = KR_TUPLE_GET(varnames, i);
        KR_TUPLE_SET(names, j, kr_newref(name));
        k[j] = (char)(KR_FAST_LOCAL | (tuple_has_str(cellvars, name) ? KR_FAST_CELL : 0));
    }
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(cellvars); i++) {
        KrObject *name = KR_TUPLE_GET(cellvars, i);
        if (tuple_has_str(varnames, name)) continue;
        KR_TUPLE_SET(names, j, kr_newref(name));
        k[j++] = (char)KR_FAST_CELL;
    }
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(freevars); i++, j++) {
        KR_TUPLE_SET(names, j, kr_newref(KR_TUPLE_GET(freevars, i)));
        k[j] = (char)KR_FAST_FREE;
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

static KrObject *code_replace(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                              KrObject *kwnames) {
    KrCodeObject *co = (KrCodeObject *)self;
    if (nargs) {
        krErr_set_string(ts, &KrExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    KrObject *v[R_COUNT];
    if (krArg_parse(ts, "replace", args, nargs, kwnames, replace_names, R_COUNT, 0, 0, 0, v) < 0) return NULL;
    int ints[7] = {co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
                   co->co_stacksize, co->co_flags, co->co_firstlineno};
    for (int i = 0; i < 7; i++) {
        if (!v[i]) continue;
        int64_t x = krInt_as_i64(ts, v[i]);
        if (x == -1 && krErr_occurred(ts)) return NULL;
        if (x < 0 || x > INT32_MAX) {
            krErr_format(ts, &KrExc_ValueError, "code: %s must not be negative or huge", replace_names[i]);
            return NULL;
        }
        ints[i] = (int)x;
    }
    for (int i = R_CONSTS; i <= R_CELLVARS; i++)
        if (v[i] && check_arg(ts, v[i], i, is_tuple, "tuple") < 0) return NULL;
    for (int i = R_FILENAME; i <= R_QUALNAME; i++)
        if (v[i] && check_arg(ts, v[i], i, is_str, "str") < 0) return NULL;
    if ((v[R_CODE] && check_arg(ts, v[R_CODE], R_CODE, is_bytes, "bytes") < 0) ||
        (v[R_LINETABLE] && check_arg(ts, v[R_LINETABLE], R_LINETABLE, is_bytes, "bytes") < 0) ||
        (v[R_EXCTABLE] && check_arg(ts, v[R_EXCTABLE], R_EXCTABLE, is_bytes, "bytes") < 0))
        return NULL;
    KrObject *varnames = v[R_VARNAMES] ? kr_newref(v[R_VARNAMES]) : names_with_kind(ts, co, KR_FAST_LOCAL);
    KrObject *cellvars = v[R_CELLVARS] ? kr_newref(v[R_CELLVARS]) : names_with_kind(ts, co, KR_FAST_CELL);
    KrObject *freevars = v[R_FREEVARS] ? kr_newref(v[R_FREEVARS]) : names_with_kind(ts, co, KR_FAST_FREE);
    KrObject *lpnames = NULL, *lpkinds = NULL, *result = NULL;
    KrCodeUnit *units = NULL;
    if (!varnames || !cellvars || !freevars) goto done;
    if (ints[R_NLOCALS] != KR_TUPLE_SIZE(varnames)) {
        krErr_set_string(ts, &KrExc_ValueError, "code: co_nlocals != len(co_varnames)");
        goto done;
    }
    if (build_localsplus(ts, varnames, cellvars, freevars, &lpnames, &lpkinds) < 0) goto done;
    const KrCodeUnit *code = co->co_code_adaptive;
    KrSsize ncode = co->co_ncodeunits;
    KrObject *codebytes = v[R_CODE] ? v[R_CODE] : NULL;
    if (!codebytes) {
        codebytes = krCode_get_code_bytes(ts, co);
        if (!codebytes) goto done;
    } else {
        kr_incref(codebytes);
    }
    if (krBytes_size(codebytes) % 2) {
        kr_decref(codebytes);
        krErr_set_string(ts, &KrExc_ValueError, "code: co_code is malformed");
        goto done;
    }
    ncode = krBytes_size(codebytes) / 2;
    units = krMem_malloc(sizeof(KrCodeUnit) * (size_t)(ncode + 1));
    if (!units) {
        kr_decref(codebytes);
        krErr_no_memory(ts);
        goto done;
    }
    const uint8_t *cb = (const uint8_t *)krBytes_data(codebytes);
    for (KrSsize i = 0; i < ncode; i++) units[i] = KR_MAKE_UNIT(cb[2 * i], cb[2 * i + 1]);
    kr_decref(codebytes);
    code = units;
    KrCodeSpec spec = {
        .argcount = ints[R_ARGCOUNT],
        .posonlyargcount = ints[R_POSONLY],
        .kwonlyargcount = ints[R_KWONLY],
        .stacksize = ints[R_STACKSIZE],
        .flags = ints[R_FLAGS],
        .firstlineno = ints[R_FIRSTLINENO],
        .code = code,
        .ncodeunits = ncode,
        .consts = v[R_CONSTS] ? v[R_CONSTS] : co->co_consts,
        .names = v[R_NAMES] ? v[R_NAMES] : co->co_names,
        .localsplusnames = lpnames,
        .localspluskinds = lpkinds,
        .filename = v[R_FILENAME] ? v[R_FILENAME] : co->co_filename,
        .name = v[R_NAME] ? v[R_NAME] : co->co_name,
        .qualname = v[R_QUALNAME] ? v[R_QUALNAME] : co->co_qualname,
        .linetable = v[R_LINETABLE] ? v[R_LINETABLE] : co->co_linetable,
        .exceptiontable = v[R_EXCTABLE] ? v[R_EXCTABLE] : co->co_exceptiontable,
    };
    int nargs_total = spec.argcount + spec.kwonlyargcount + !!(spec.flags & KR_CO_VARARGS) +
                      !!(spec.flags & KR_CO_VARKEYWORDS);
    if (KR_TUPLE_SIZE(varnames) < nargs_total) {
        krErr_set_string(ts, &KrExc_ValueError, "code: co_varnames is too small");
        goto done;
    }
    result = krCode_new(ts, &spec);
done:
    krMem_free(units);
    kr_xdecref(varnames);
    kr_xdecref(cellvars);
    kr_xdecref(freevars);
    kr_xdecref(lpnames);
    kr_xdecref(lpkinds);
    return result;
}

static const KrMethodDef code_methods[] = {
    {"co_lines", KR_CFUNC(code_co_lines), KR_METH_NOARGS, NULL},
    {"co_positions", KR_CFUNC(code_co_positions), KR_METH_NOARGS, NULL},
    {"replace", KR_CFUNC(code_replace), KR_METH_FASTKW, "Return a copy of the code object with new values for the specified fields."},
    {"_varname_from_oparg", KR_CFUNC(code_varname_from_oparg), KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KrObject *code_repr(KrThreadState *ts, KrObject *self) {
    KrCodeObject *co = (KrCodeObject *)self;
    if (krStr_check(co->co_filename))
        return krStr_from_format(ts, "<code object %U at %p, file \"%U\", line %d>", co->co_name, (void *)co,
                                 co->co_filename, co->co_firstlineno);
    return krStr_from_format(ts, "<code object %U at %p, file ???, line %d>", co->co_name, (void *)co,
                             co->co_firstlineno);
}

static int code_equal(KrThreadState *ts, KrCodeObject *a, KrCodeObject *b) {
    if (a->co_argcount != b->co_argcount || a->co_posonlyargcount != b->co_posonlyargcount ||
        a->co_kwonlyargcount != b->co_kwonlyargcount || a->co_flags != b->co_flags ||
        a->co_firstlineno != b->co_firstlineno || a->co_ncodeunits != b->co_ncodeunits)
        return 0;
    int eq = krObj_richcompare_bool(ts, a->co_name, b->co_name, KR_EQ);
    if (eq <= 0) return eq;
    KrObject *ca = krCode_get_code_bytes(ts, a), *cb = ca ? krCode_get_code_bytes(ts, b) : NULL;
    if (!cb) {
        kr_xdecref(ca);
        return -1;
    }
    eq = memcmp(krBytes_data(ca), krBytes_data(cb), (size_t)krBytes_size(ca)) == 0;
    kr_decref(ca);
    kr_decref(cb);
    if (!eq) return 0;
    if (KR_TUPLE_SIZE(a->co_consts) != KR_TUPLE_SIZE(b->co_consts)) return 0;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(a->co_consts); i++) {
        KrObject *x = KR_TUPLE_GET(a->co_consts, i), *y = KR_TUPLE_GET(b->co_consts, i);
        if (krCode_check(x) && krCode_check(y)) {
            eq = code_equal(ts, (KrCodeObject *)x, (KrCodeObject *)y);
            if (eq <= 0) return eq;
        } else if (!krConst_equal(x, y)) {
            return 0;
        }
    }
    KrObject *pairs[][2] = {
        {a->co_names, b->co_names},
        {a->co_localsplusnames, b->co_localsplusnames},
        {a->co_linetable, b->co_linetable},
        {a->co_exceptiontable, b->co_exceptiontable},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        eq = krObj_richcompare_bool(ts, pairs[i][0], pairs[i][1], KR_EQ);
        if (eq <= 0) return eq;
    }
    return 1;
}

static KrObject *code_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || !krCode_check(a) || !krCode_check(b)) return kr_newref(KR_NOTIMPLEMENTED);
    int eq = code_equal(ts, (KrCodeObject *)a, (KrCodeObject *)b);
    if (eq < 0) return NULL;
    return kr_bool((op == KR_EQ) == (eq == 1));
}

static KrHash code_hash(KrThreadState *ts, KrObject *self) {
    KrCodeObject *co = (KrCodeObject *)self;
    KrObject *parts[] = {co->co_name, co->co_consts, co->co_names, co->co_localsplusnames, co->co_exceptiontable};
    KrHash h = 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        KrHash x = krObj_hash(ts, parts[i]);
        if (x == -1) return -1;
        h ^= x;
    }
    h ^= co->co_argcount ^ co->co_posonlyargcount ^ co->co_kwonlyargcount ^ co->co_flags;
    return h == -1 ? -2 : h;
}

KrTypeObject KrCode_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "code",
    .tp_basicsize = sizeof(KrCodeObject),
    .tp_itemsize = sizeof(KrCodeUnit),
    .tp_flags = KR_TPFLAGS_IMMUTABLETYPE | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_richcompare = code_richcompare,
    .tp_getattro = krObj_generic_getattr,
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_weaklistoffset = offsetof(KrCodeObject, co_weakreflist),
};
