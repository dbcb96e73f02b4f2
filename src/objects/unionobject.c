/*
 * unionobject.c — types.UnionType, the value of `int | str` (PEP 604).
 *
 * `a | b` on classes, aliases and None (type.__or__) flattens nested unions,
 * turns None into NoneType, drops duplicates and keeps the order of first
 * appearance; a single survivor is returned as itself.  isinstance() and
 * issubclass() treat a union like a tuple of its members (abstract.c).
 */
#include "objects/abstract.h"
#include "objects/genericalias.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *args;                // strong tuple of the members
    KrObject *parameters;          // strong tuple, computed on first use, or NULL
    KrObject *weakreflist;
} UnionObject;

extern KrTypeObject KrNone_Type;

KrObject *krUnion_args(KrObject *u) { return ((UnionObject *)u)->args; }

static bool is_unionable(KrObject *o) {
    return o == KR_NONE || kr_type_check(o, &KrType_Type) || krGenericAlias_check(o) || krUnion_check(o);
}

// Appends the members `o` contributes to the flat list.  0 or -1.
static int flatten_into(KrThreadState *ts, KrObject *list, KrObject *o) {
    if (krUnion_check(o)) {
        KrObject *args = krUnion_args(o);
        for (KrSsize i = 0; i < KR_TUPLE_SIZE(args); i++)
            if (krList_append(ts, list, KR_TUPLE_GET(args, i)) < 0) return -1;
        return 0;
    }
    return krList_append(ts, list, o == KR_NONE ? (KrObject *)&KrNone_Type : o);
}

// The members of a | b, flattened and without duplicates (aliases compare
// by equality, everything else by identity).  New reference.
static KrObject *dedup_and_flatten(KrThreadState *ts, KrObject *a, KrObject *b) {
    KrObject *flat = krList_new(ts, 0), *out = krList_new(ts, 0);
    if (!flat || !out || flatten_into(ts, flat, a) < 0 || flatten_into(ts, flat, b) < 0) goto fail;
    for (KrSsize i = 0; i < KR_LIST_SIZE(flat); i++) {
        KrObject *x = KR_LIST_GET(flat, i);
        int dup = 0;
        for (KrSsize j = 0; j < KR_LIST_SIZE(out) && !dup; j++) {
            KrObject *y = KR_LIST_GET(out, j);
            dup = krGenericAlias_check(x) && krGenericAlias_check(y) ? krObj_richcompare_bool(ts, x, y, KR_EQ)
                                                                       : x == y;
            if (dup < 0) goto fail;
        }
        if (!dup && krList_append(ts, out, x) < 0) goto fail;
    }
    KrObject *t = krList_as_tuple(ts, out);
    kr_decref(flat);
    kr_decref(out);
    return t;
fail:
    kr_xdecref(flat);
    kr_xdecref(out);
    return NULL;
}

static KrObject *make_union(KrThreadState *ts, KrObject *args) {
    UnionObject *u = (UnionObject *)krObj_alloc(ts, &KrUnion_Type, 0);
    if (!u) return NULL;
    u->args = kr_newref(args);
    krGC_track((KrObject *)u);
    return (KrObject *)u;
}

KrObject *krUnion_type_or(KrThreadState *ts, KrObject *a, KrObject *b) {
    if (!is_unionable(a) || !is_unionable(b)) return kr_newref(KR_NOTIMPLEMENTED);
    KrObject *args = dedup_and_flatten(ts, a, b);
    if (!args) return NULL;
    KrObject *r = KR_TUPLE_SIZE(args) == 1 ? kr_newref(KR_TUPLE_GET(args, 0)) : make_union(ts, args);
    kr_decref(args);
    return r;
}

static KrObject *union_repr(KrThreadState *ts, KrObject *self) {
    KrObject *args = krUnion_args(self);
    KrStrBuilder sb;
    krSB_init(&sb);
    int r = 0;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(args) && r == 0; i++) {
        KrObject *p = KR_TUPLE_GET(args, i);
        if (i) r = krSB_append_cstr(ts, &sb, " | ");
        if (r < 0) break;
        if (p == (KrObject *)&KrNone_Type)
            r = krSB_append_cstr(ts, &sb, "None");
        else
            r = krGenericAlias_repr_item(ts, &sb, p);
    }
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

static KrObject *union_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krUnion_check(b) || (op != KR_EQ && op != KR_NE)) return kr_newref(KR_NOTIMPLEMENTED);
    // The same members in any order.
    KrObject *x = krFrozenSet_new(ts, krUnion_args(a)), *y = x ? krFrozenSet_new(ts, krUnion_args(b)) : NULL;
    KrObject *r = y ? krObj_richcompare(ts, x, y, op) : NULL;
    kr_xdecref(x);
    kr_xdecref(y);
    return r;
}

static KrHash union_hash(KrThreadState *ts, KrObject *self) {
    KrObject *fs = krFrozenSet_new(ts, krUnion_args(self));
    if (!fs) return -1;
    KrHash h = krObj_hash(ts, fs);
    kr_decref(fs);
    return h;
}

static KrObject *union_parameters(KrThreadState *ts, UnionObject *u) {
    if (!u->parameters && !(u->parameters = krGenericAlias_make_parameters(ts, u->args))) return NULL;
    return u->parameters;
}

static KrObject *union_getitem(KrThreadState *ts, KrObject *self, KrObject *item) {
    KrObject *params = union_parameters(ts, (UnionObject *)self);
    if (!params) return NULL;
    KrObject *newargs = krGenericAlias_subs_parameters(ts, self, krUnion_args(self), params, item);
    if (!newargs) return NULL;
    // Rebuild with | so duplicates created by the substitution merge.
    KrSsize n = KR_TUPLE_SIZE(newargs);
    KrObject *res = n ? kr_newref(KR_TUPLE_GET(newargs, 0)) : NULL;
    for (KrSsize i = 1; res && i < n; i++) kr_setref(&res, krNum_or(ts, res, KR_TUPLE_GET(newargs, i)));
    kr_decref(newargs);
    return res;
}

static KrObject *union_get_parameters(KrThreadState *ts, KrObject *self, void *c) {
    return kr_xnewref(union_parameters(ts, (UnionObject *)self));
}

static const KrMemberDef union_members[] = {
    {"__args__", KR_MEMBER_OBJECT, offsetof(UnionObject, args), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static const KrGetSetDef union_getset[] = {
    {"__parameters__", union_get_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL},
};

static int union_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    UnionObject *u = (UnionObject *)self;
    KR_VISIT(u->args);
    KR_VISIT(u->parameters);
    return 0;
}

static int union_clear(KrObject *self) {
    UnionObject *u = (UnionObject *)self;
    KR_CLEAR(u->args);
    KR_CLEAR(u->parameters);
    return 0;
}

static void union_dealloc(KrObject *self) {
    krGC_untrack(self);
    union_clear(self);
    krObj_free(self);
}

KrTypeObject KrUnion_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(UnionObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_dealloc = union_dealloc,
    .tp_traverse = union_traverse,
    .tp_clear = union_clear,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_getattro = krObj_generic_getattr,
    .tp_richcompare = union_richcompare,
    .nb_or = krUnion_type_or,
    .mp_subscript = union_getitem,
    .tp_members = union_members,
    .tp_getset = union_getset,
    .tp_weaklistoffset = offsetof(UnionObject, weakreflist),
};
