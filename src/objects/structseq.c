/*
 * structseq.c — named tuples implemented in C.
 *
 * A struct sequence type is a built-in-like (non-heap, immortal) subclass of
 * tuple, made at run time: its name is dotted ("sys.flags"), so __module__
 * and error messages come out as CPython's.  An instance is a tuple whose
 * ob_size counts only the visible fields; the hidden ones follow in the same
 * item array.  Each named field is a read-only member descriptor reading its
 * item.  The type's dict also holds n_sequence_fields, n_fields,
 * n_unnamed_fields and __match_args__.
 */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    KrTypeObject type;
    KrSsize n_fields;              // items allocated per instance
    KrSsize n_visible;             // items in the tuple (ob_size)
    KrSsize n_members;             // named fields (members[] entries)
    KrMemberDef members[];         // then the dotted name's characters
} StructSeqType;

static StructSeqType *sst(KrObject *o) { return (StructSeqType *)KR_TYPE(o); }

// ---------------------------------------------------------------------------
// Instances

static void structseq_dealloc(KrObject *self) {
    krGC_untrack(self);
    KrSsize n = sst(self)->n_fields;
    for (KrSsize i = 0; i < n; i++) kr_xdecref(KR_TUPLE_GET(self, i));
    krObj_free(self);
}

static int structseq_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrSsize n = sst(self)->n_fields;
    for (KrSsize i = 0; i < n; i++) KR_VISIT(KR_TUPLE_GET(self, i));
    return 0;
}

KrObject *krStructSeq_new(KrThreadState *ts, KrObject *type, KrObject **values) {
    StructSeqType *st = (StructSeqType *)type;
    KrObject *t = krObj_alloc(ts, &st->type, st->n_fields);
    if (!t) {
        for (KrSsize i = 0; i < st->n_fields; i++) kr_decref(values[i]);
        return NULL;
    }
    KR_SIZE(t) = st->n_visible;
    for (KrSsize i = 0; i < st->n_fields; i++) KR_TUPLE_SET(t, i, values[i]);
    krGC_track(t);
    return t;
}

static int check_length(KrThreadState *ts, StructSeqType *st, KrSsize len) {
    KrSsize min = st->n_visible, max = st->n_fields;
    const char *name = st->type.tp_name;
    if (len >= min && len <= max) return 0;
    if (min == max)
        krErr_format(ts, &KrExc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)", name, min, len);
    else if (len < min)
        krErr_format(ts, &KrExc_TypeError, "%s() takes an at least %zd-sequence (%zd-sequence given)", name, min,
                     len);
    else
        krErr_format(ts, &KrExc_TypeError, "%s() takes an at most %zd-sequence (%zd-sequence given)", name, max,
                     len);
    return -1;
}

// structseq(sequence, dict=None): the hidden fields not in the sequence come
// from `dict` by name (None when absent).
static KrObject *structseq_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"sequence", "dict"};
    KrObject *a[2] = {NULL, NULL};
    if (krArg_parse(ts, "structseq", args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    StructSeqType *st = (StructSeqType *)type;
    KrObject *dict = a[1];
    KrObject *seq = krSeq_fast(ts, a[0], "constructor requires a sequence");
    if (!seq) return NULL;
    KrSsize len = KR_SIZE(seq);
    KrObject *const *items = krList_check_exact(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    KrObject *res = NULL;
    if (check_length(ts, st, len) < 0) goto done;
    if (dict && !krDict_check(dict)) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes a dict as second arg, if any", type->tp_name);
        goto done;
    }
    if (!(res = krObj_alloc(ts, type, st->n_fields))) goto done;
    KR_SIZE(res) = st->n_visible;
    for (KrSsize i = 0; i < len; i++) KR_TUPLE_SET(res, i, kr_newref(items[i]));
    // Hidden fields beyond the sequence: members are in field order, so the
    // last n_fields - len members name them.
    for (KrSsize i = len; i < st->n_fields; i++) {
        KrObject *v = NULL;
        const char *fname = st->members[st->n_members - (st->n_fields - i)].name;
        if (dict) {
            v = krDict_get_cstr(ts, dict, fname);
            if (!v && krErr_occurred(ts)) {
                KR_CLEAR(res);
                goto done;
            }
        }
        KR_TUPLE_SET(res, i, kr_newref(v ? v : KR_NONE));
    }
    krGC_track(res);
done:
    kr_decref(seq);
    return res;
}

static KrObject *structseq_repr(KrThreadState *ts, KrObject *self) {
    StructSeqType *st = sst(self);
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = krRepr_enter(ts, self);
    if (r != 0) return r > 0 ? krStr_from_format(ts, "%s(...)", st->type.tp_name) : NULL;
    r = krSB_printf(ts, &sb, "%s(", st->type.tp_name);
    for (KrSsize i = 0; r == 0 && i < st->n_visible; i++) {
        // As CPython: the i-th member's name with the i-th item (they differ
        // only after unnamed fields).
        const char *name = i < st->n_members ? st->members[i].name : "?";
        r = krSB_printf(ts, &sb, "%s%s=%R", i ? ", " : "", name, KR_TUPLE_GET(self, i));
    }
    if (r == 0) r = krSB_append_cstr(ts, &sb, ")");
    krRepr_leave(ts, self);
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

// (type, (visible items), {hidden field name: value})
static KrObject *structseq_reduce(KrThreadState *ts, KrObject *self) {
    StructSeqType *st = sst(self);
    KrObject *tup = krTuple_from_array(ts, KR_TUPLE_ITEMS(self), st->n_visible);
    KrObject *dict = krDict_new(ts), *res = NULL;
    if (!tup || !dict) goto done;
    for (KrSsize i = st->n_visible; i < st->n_fields; i++) {
        const char *fname = st->members[st->n_members - (st->n_fields - i)].name;
        if (krDict_set_cstr(ts, dict, fname, KR_TUPLE_GET(self, i)) < 0) goto done;
    }
    KrObject *args = krTuple_pack(ts, 2, tup, dict);
    if (args) res = krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), args);
    kr_xdecref(args);
done:
    kr_xdecref(tup);
    kr_xdecref(dict);
    return res;
}

static const KrMethodDef structseq_methods[] = {
    {"__reduce__", KR_CFUNC(structseq_reduce), KR_METH_NOARGS, NULL},
    {NULL},
};

// ---------------------------------------------------------------------------
// Types

static int set_steal(KrThreadState *ts, KrObject *dict, const char *name, KrObject *v) {
    if (!v) return -1;
    int r = krDict_set_cstr(ts, dict, name, v);
    kr_decref(v);
    return r;
}

static int set_int(KrThreadState *ts, KrObject *dict, const char *name, KrSsize v) {
    return set_steal(ts, dict, name, krInt_from_ssize(ts, v));
}

static int add_type_attrs(KrThreadState *ts, StructSeqType *st, KrSsize n_unnamed) {
    KrObject *dict = st->type.tp_dict;
    if (set_int(ts, dict, "n_sequence_fields", st->n_visible) < 0 || set_int(ts, dict, "n_fields", st->n_fields) < 0 ||
        set_int(ts, dict, "n_unnamed_fields", n_unnamed) < 0)
        return -1;
    // __match_args__: the visible named fields.
    KrSsize nmatch = st->n_visible - n_unnamed;
    if (nmatch > st->n_members) nmatch = st->n_members;
    KrObject *match = krTuple_new(ts, nmatch < 0 ? 0 : nmatch);
    if (!match) return -1;
    for (KrSsize i = 0; i < nmatch; i++) {
        KrObject *s = krStr_intern_cstr(ts, st->members[i].name);
        if (!s) {
            kr_decref(match);
            return -1;
        }
        KR_TUPLE_SET(match, i, kr_newref(s));
    }
    return set_steal(ts, dict, "__match_args__", match);
}

KrObject *krStructSeq_new_type(KrThreadState *ts, const KrStructSeqDesc *desc) {
    KrSsize n = 0, n_unnamed = 0;
    for (; desc->fields[n]; n++) n_unnamed += strcmp(desc->fields[n], KR_STRUCTSEQ_UNNAMED) == 0;
    KrSsize visible = desc->n_in_sequence ? desc->n_in_sequence : n;
    size_t namelen = strlen(desc->module) + 1 + strlen(desc->name) + 1;
    size_t size = sizeof(StructSeqType) + (size_t)(n - n_unnamed + 1) * sizeof(KrMemberDef) + namelen;
    StructSeqType *st = krMem_calloc(1, size);
    if (!st) return krErr_no_memory(ts);
    KrMemberDef *m = st->members;
    for (KrSsize i = 0; i < n; i++) {
        if (strcmp(desc->fields[i], KR_STRUCTSEQ_UNNAMED) == 0) continue;
        m->name = desc->fields[i];
        m->type = KR_MEMBER_OBJECT;
        m->offset = (KrSsize)(offsetof(KrTupleObject, items) + (size_t)i * sizeof(KrObject *));
        m->flags = KR_MEMBER_READONLY;
        m->doc = desc->field_docs ? desc->field_docs[i] : NULL;
        m++;
    }
    char *name = (char *)(m + 1);
    snprintf(name, namelen, "%s.%s", desc->module, desc->name);
    st->n_fields = n;
    st->n_visible = visible;
    st->n_members = n - n_unnamed;
    KrTypeObject *t = &st->type;
    t->ob_base.ob_refcnt = KR_IMMORTAL_REFCNT;
    t->ob_base.ob_type = &KrType_Type;
    t->tp_name = name;
    t->tp_basicsize = KrTuple_Type.tp_basicsize;
    t->tp_itemsize = KrTuple_Type.tp_itemsize;
    t->tp_flags = KR_TPFLAGS_HAVE_GC | (desc->no_new ? KR_TPFLAGS_DISALLOW_INSTANTIATION : 0);
    t->tp_doc = desc->doc;
    t->tp_base = &KrTuple_Type;
    t->tp_new = structseq_new;
    t->tp_dealloc = structseq_dealloc;
    t->tp_traverse = structseq_traverse;
    t->tp_repr = structseq_repr;
    t->tp_methods = structseq_methods;
    t->tp_members = st->members;
    if (krType_ready(ts, t) < 0 || add_type_attrs(ts, st, n_unnamed) < 0) return NULL;  // stays allocated, like a static type
    return (KrObject *)t;
}
