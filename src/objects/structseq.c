/*
 * structseq.c — named tuples implemented in C.  A struct sequence type is a
 * class deriving from tuple, built with type(); each field becomes a getset
 * descriptor reading the item at its index, and repr shows the names.
 * Fields past `n_in_sequence` are stored after the tuple's items (beyond
 * ob_size), so they are attributes but not items; the type's dealloc drops
 * them before the tuple's own.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"

static KrObject *field_get(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(KR_TUPLE_GET(self, (KrSsize)(intptr_t)closure));
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
}

KrObject *krStructSeq_new(KrThreadState *ts, KrObject *type, KrObject **values) {
    const KrGetSetDef *defs = ((KrTypeObject *)type)->tp_getset;
    KrSsize n = 0;
    while (defs[n].name) n++;
    KrObject *t = krObj_alloc(ts, (KrTypeObject *)type, n);
    if (!t) {
        for (KrSsize i = 0; i < n; i++) kr_decref(values[i]);
        return NULL;
    }
    KrObject *visible = krDict_get_str(((KrTypeObject *)type)->tp_dict, KR_ID(n_sequence_fields));
    KR_SIZE(t) = visible && kr_is_smallint(visible) ? kr_smallint_value(visible) : n;
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, values[i]);
    krGC_track(t);
    return t;
}
