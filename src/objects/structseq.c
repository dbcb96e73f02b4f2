/*
 * structseq.c — named tuples implemented in C.  A struct sequence type is a
 * class deriving from tuple, built with type(); each field becomes a getset
 * descriptor reading the item at its index, and repr shows the names.
 * Fields past `n_in_sequence` are stored after the tuple's items (beyond
 * ob_size), so they are attributes but not items; the type's dealloc drops
 * them before the tuple's own.
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

static KrObject *structseq_repr(KrThreadState *ts, KrObject *self) {
    KrTypeObject *type = KR_TYPE(self);
    KrStrBuilder sb;
    krSB_init(&sb);
    KrObject *mod = krType_module(ts, type);
    if (!mod || krSB_append_str(ts, &sb, mod) < 0 || krSB_append_cstr(ts, &sb, ".") < 0 ||
        krSB_append_cstr(ts, &sb, krType_name(type)) < 0 || krSB_append_cstr(ts, &sb, "(") < 0)
        goto fail;
    const KrGetSetDef *defs = ((KrHeapTypeObject *)type)->type.tp_getset;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(self) && defs && defs[i].name; i++) {
        if (i && krSB_append_cstr(ts, &sb, ", ") < 0) goto fail;
        if (krSB_printf(ts, &sb, "%s=%R", defs[i].name, KR_TUPLE_GET(self, i)) < 0) goto fail;
    }
    if (krSB_append_cstr(ts, &sb, ")") < 0) goto fail;
    kr_decref(mod);
    return krSB_finish(ts, &sb);
fail:
    kr_xdecref(mod);
    krSB_discard(&sb);
    return NULL;
}

static int count_fields(KrTypeObject *type) {
    const KrGetSetDef *defs = type->tp_getset;
    int n = 0;
    while (defs[n].name) n++;
    return n;
}

// The dealloc of the subtype machinery (typenew.c), which every struct
// sequence type gets from type(); the wrapper below runs first.
static KrDeallocFunc base_dealloc;

static void structseq_dealloc(KrObject *self) {
    int n = count_fields(self->ob_type);
    for (KrSsize i = KR_SIZE(self); i < n; i++) {
        KrObject **slot = &((KrTupleObject *)self)->items[i];
        KR_CLEAR(*slot);
    }
    base_dealloc(self);
}

// type(sequence[, dict]): the sequence gives the items, then the hidden
// fields (None when the sequence is shorter).
static KrObject *structseq_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"sequence", "dict"};
    KrObject *a[2];
    if (krArg_parse(ts, krType_name(type), args, nargs, kwnames, names, 2, 0, 2, 1, a) < 0) return NULL;
    KrObject *seq = krSeq_fast(ts, a[0], "constructor requires a sequence");
    if (!seq) return NULL;
    KrObject *visible = krDict_get_str(type->tp_dict, KR_ID(n_sequence_fields));
    int min = visible && kr_is_smallint(visible) ? (int)kr_smallint_value(visible) : 0;
    int max = count_fields(type);
    KrSsize len = krList_check(seq) ? KR_SIZE(seq) : KR_TUPLE_SIZE(seq);
    KrObject *const *items = krList_check(seq) ? ((KrListObject *)seq)->items : ((KrTupleObject *)seq)->items;
    KrObject *mod = NULL;
    if (len < min || len > max) {
        mod = krType_module(ts, type);
        if (mod && len < min && min == max)
            krErr_format(ts, &KrExc_TypeError, "%U.%s() takes a %d-sequence (%zd-sequence given)", mod,
                         krType_name(type), min, len);
        else if (mod && len < min)
            krErr_format(ts, &KrExc_TypeError, "%U.%s() takes an at least %d-sequence (%zd-sequence given)", mod,
                         krType_name(type), min, len);
        else if (mod)
            krErr_format(ts, &KrExc_TypeError, "%U.%s() takes an at most %d-sequence (%zd-sequence given)", mod,
                         krType_name(type), max, len);
        kr_xdecref(mod);
        kr_decref(seq);
        return NULL;
    }
    KrObject **values = krMem_calloc((size_t)max + 1, sizeof(KrObject *));
    if (!values) {
        kr_decref(seq);
        return krErr_no_memory(ts);
    }
    for (int i = 0; i < max; i++) values[i] = kr_newref(i < len ? items[i] : KR_NONE);
    kr_decref(seq);
    KrObject *r = krStructSeq_new(ts, (KrObject *)type, values);
    krMem_free(values);
    return r;
}

KrObject *krStructSeq_new_type(KrThreadState *ts, const KrStructSeqDesc *desc) {
    int n = 0;
    while (desc->fields[n]) n++;
    KrGetSetDef *defs = krMem_calloc((size_t)n + 1, sizeof(KrGetSetDef));
    if (!defs) return krErr_no_memory(ts);
    KrObject *ns = krDict_new(ts), *name = krStr_from_cstr(ts, desc->name), *mod = krStr_from_cstr(ts, desc->module);
    KrObject *slots = krTuple_new(ts, 0), *bases = krTuple_pack(ts, 1, (KrObject *)&KrTuple_Type);
    KrObject *type = NULL;
    if (!ns || !name || !mod || !slots || !bases) goto done;
    if (krDict_set(ts, ns, KR_ID(__module__), mod) < 0 || krDict_set(ts, ns, KR_ID(__slots__), slots) < 0) goto done;
    KrObject *args[3] = {name, bases, ns};
    if (!(type = krObj_vectorcall(ts, (KrObject *)&KrType_Type, args, 3, NULL))) goto done;
    KrTypeObject *t = (KrTypeObject *)type;
    for (int i = 0; i < n; i++) {
        defs[i].name = desc->fields[i];
        defs[i].get = field_get;
        defs[i].closure = (void *)(intptr_t)i;
        KrObject *d = krDescr_new_getset(ts, t, &defs[i]);
        if (!d || krDict_set_steal(ts, t->tp_dict, krStr_intern_cstr(ts, defs[i].name), d) < 0) {
            KR_CLEAR(type);
            goto done;
        }
    }
    int visible = desc->n_in_sequence ? desc->n_in_sequence : n;
    if (krDict_set_steal(ts, t->tp_dict, KR_ID(n_sequence_fields), kr_smallint(visible)) < 0 ||
        krDict_set_steal(ts, t->tp_dict, KR_ID(n_fields), kr_smallint(n)) < 0 ||
        krDict_set_steal(ts, t->tp_dict, KR_ID(n_unnamed_fields), kr_smallint(0)) < 0) {
        KR_CLEAR(type);
        goto done;
    }
    t->tp_getset = defs;  // owned by the type from here on (freed with it)
    defs = NULL;
    t->tp_repr = structseq_repr;
    if (visible < n) {
        base_dealloc = t->tp_dealloc;
        t->tp_dealloc = structseq_dealloc;
    }
    if (desc->constructible) {
        t->tp_new = structseq_new;
    } else {
        t->tp_new = NULL;
        t->tp_flags |= KR_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    krType_modified(t);
done:
    krMem_free(defs);
    kr_xdecref(ns);
    kr_xdecref(name);
    kr_xdecref(mod);
    kr_xdecref(slots);
    kr_xdecref(bases);
    return type;
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
    KrObject *visible = krDict_get_str(((KrTypeObject *)type)->tp_dict, KR_ID(n_sequence_fields));
    KR_SIZE(t) = visible && kr_is_smallint(visible) ? kr_smallint_value(visible) : n;
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, values[i]);
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
