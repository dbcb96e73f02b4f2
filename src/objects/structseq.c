/*
 * structseq.c — named tuples implemented in C.  A struct sequence type is a
 * class deriving from tuple, built with type(); each field becomes a getset
 * descriptor reading the item at its index, and repr shows the names.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
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
    t->tp_getset = defs;  // owned by the type from here on (freed with it)
    defs = NULL;
    t->tp_repr = structseq_repr;
    t->tp_new = NULL;
    t->tp_flags |= KR_TPFLAGS_DISALLOW_INSTANTIATION;
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
    KR_SIZE(t) = n;
    for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(t, i, values[i]);
    krGC_track(t);
    return t;
}
