/*
 * genericalias.h — the types of `list[int]` (types.GenericAlias, PEP 585)
 * and `int | str` (types.UnionType, PEP 604), which annotations evaluate.
 *
 * Owner of: genericalias.c, unionobject.c.
 */
#ifndef KR_GENERICALIAS_H
#define KR_GENERICALIAS_H

#include "objects/object.h"

struct KrStrBuilder;

extern KrTypeObject KrGenericAlias_Type, KrUnion_Type;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *origin;              // strong: the class subscripted (list)
    KrObject *args;                // strong tuple: the subscript (int,)
    KrObject *parameters;          // strong tuple, computed on first use, or NULL
    KrObject *weakreflist;
    bool starred;                  // *tuple[int] (an unpacked alias)
} KrGenericAliasObject;

static inline bool krGenericAlias_check(const KrObject *o) { return kr_type_check(o, &KrGenericAlias_Type); }
static inline bool krUnion_check(const KrObject *o) {
    return !kr_is_smallint(o) && o->ob_type == &KrUnion_Type;
}

// types.GenericAlias(origin, args); a non-tuple `args` is one argument.  New reference.
KrObject *krGenericAlias_new(KrThreadState *ts, KrObject *origin, KrObject *args);
// `__class_getitem__` for built-in generic classes (a KR_METH_O | KR_METH_CLASS
// entry of their method table): cls[arg] -> GenericAlias.  New reference.
KrObject *krGenericAlias_class_getitem(KrThreadState *ts, KrObject *cls, KrObject *arg);
// The parameters (type variables) found in `args`: a tuple.  New reference.
KrObject *krGenericAlias_make_parameters(KrThreadState *ts, KrObject *args);
// Substitutes `item` for the type variables `params` in `self`'s `args`
// (alias[item]): the new argument tuple.  New reference.
KrObject *krGenericAlias_subs_parameters(KrThreadState *ts, KrObject *self, KrObject *args, KrObject *params,
                                         KrObject *item);
// repr() of one argument as an alias shows it ("int", "mod.C", "...").  0 or -1.
int krGenericAlias_repr_item(KrThreadState *ts, struct KrStrBuilder *sb, KrObject *item);

// a | b for types, aliases, None and unions (type.__or__): a union, one of
// the operands, or NotImplemented.  New reference.
KrObject *krUnion_type_or(KrThreadState *ts, KrObject *a, KrObject *b);
// The members of a union (borrowed tuple).  Never fails.
KrObject *krUnion_args(KrObject *u);

#endif
