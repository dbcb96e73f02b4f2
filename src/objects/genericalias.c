/*
 * genericalias.c — types.GenericAlias, the value of `list[int]` (PEP 585).
 *
 * An alias records the class it subscripts (__origin__) and the subscript
 * (__args__).  Attribute access falls through to the origin except for the
 * alias's own attributes, calling it calls the origin (and records
 * __orig_class__ on the result), and a class statement that lists it as a
 * base gets the origin (__mro_entries__).  Type variables among the arguments
 * (objects with __typing_subst__) make it generic again: alias[X] substitutes.
 */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"

// ---------------------------------------------------------------------------
// repr

int krGenericAlias_repr_item(KrThreadState *ts, KrStrBuilder *sb, KrObject *p) {
    if (p == KR_ELLIPSIS) return krSB_append_cstr(ts, sb, "...");
    if (krGenericAlias_check(p)) return krSB_append_obj_repr(ts, sb, p);
    KrObject *qualname = NULL, *module = NULL;
    int r = krObj_lookup_attr(ts, p, KR_ID(__qualname__), &qualname);
    if (r > 0) r = krObj_lookup_attr(ts, p, KR_ID(__module__), &module);
    if (r < 0) {
        kr_xdecref(qualname);
        return -1;
    }
    if (r == 0 || module == KR_NONE) {
        r = krSB_append_obj_repr(ts, sb, p);
    } else if (krStr_check(module) && krStr_eq_cstr(module, "builtins")) {
        r = krSB_append_obj_str(ts, sb, qualname);
    } else {
        r = krSB_printf(ts, sb, "%S.%S", module, qualname);
    }
    kr_xdecref(qualname);
    kr_xdecref(module);
    return r;
}

static KrObject *ga_repr(KrThreadState *ts, KrObject *self) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KrStrBuilder sb;
    krSB_init(&sb);
    if (krErr_enter_recursive_call(ts, " while getting the repr of an object") < 0) return NULL;
    int r = ga->starred ? krSB_append_cstr(ts, &sb, "*") : 0;
    if (r == 0) r = krGenericAlias_repr_item(ts, &sb, ga->origin);
    if (r == 0) r = krSB_append_cstr(ts, &sb, "[");
    KrSsize n = KR_TUPLE_SIZE(ga->args);
    if (r == 0 && n == 0) r = krSB_append_cstr(ts, &sb, "()");
    for (KrSsize i = 0; i < n && r == 0; i++) {
        if (i) r = krSB_append_cstr(ts, &sb, ", ");
        if (r == 0) r = krGenericAlias_repr_item(ts, &sb, KR_TUPLE_GET(ga->args, i));
    }
    if (r == 0) r = krSB_append_cstr(ts, &sb, "]");
    krErr_leave_recursive_call(ts);
    if (r < 0) {
        krSB_discard(&sb);
        return NULL;
    }
    return krSB_finish(ts, &sb);
}

// ---------------------------------------------------------------------------
// Parameters and substitution

// Index of `o` in tuple `t` by identity, or -1.
static KrSsize tuple_index(KrObject *t, KrObject *o) {
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(t); i++)
        if (KR_TUPLE_GET(t, i) == o) return i;
    return -1;
}

static int add_param(KrThreadState *ts, KrObject *list, KrObject *p) {
    for (KrSsize i = 0; i < KR_LIST_SIZE(list); i++)
        if (KR_LIST_GET(list, i) == p) return 0;
    return krList_append(ts, list, p);
}

KrObject *krGenericAlias_make_parameters(KrThreadState *ts, KrObject *args) {
    KrObject *params = krList_new(ts, 0);
    if (!params) return NULL;
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(args); i++) {
        KrObject *t = KR_TUPLE_GET(args, i), *sub;
        // A bare class's __parameters__ would be a descriptor: skip classes.
        if (kr_type_check(t, &KrType_Type)) continue;
        int r = krObj_hasattr(ts, t, KR_ID(__typing_subst__));
        if (r > 0) r = add_param(ts, params, t);
        else if (r == 0 && (r = krObj_lookup_attr(ts, t, KR_ID(__parameters__), &sub)) > 0) {
            if (krTuple_check(sub))
                for (KrSsize j = 0; j < KR_TUPLE_SIZE(sub) && r >= 0; j++) r = add_param(ts, params, KR_TUPLE_GET(sub, j));
            kr_decref(sub);
        }
        if (r < 0) {
            kr_decref(params);
            return NULL;
        }
    }
    KrObject *t = krList_as_tuple(ts, params);
    kr_decref(params);
    return t;
}

// `obj` with the type variables among its own __parameters__ replaced:
// obj[values of those parameters].  New reference.
static KrObject *subs_tvars(KrThreadState *ts, KrObject *obj, KrObject *params, KrObject *argitems) {
    KrObject *subparams;
    int r = krObj_lookup_attr(ts, obj, KR_ID(__parameters__), &subparams);
    if (r < 0) return NULL;
    if (r == 0 || !krTuple_check(subparams) || KR_TUPLE_SIZE(subparams) == 0) {
        kr_xdecref(subparams);
        return kr_newref(obj);
    }
    KrSsize n = KR_TUPLE_SIZE(subparams);
    KrObject *subargs = krTuple_new(ts, n);
    if (!subargs) {
        kr_decref(subparams);
        return NULL;
    }
    for (KrSsize i = 0; i < n; i++) {
        KrSsize j = tuple_index(params, KR_TUPLE_GET(subparams, i));
        KR_TUPLE_SET(subargs, i, kr_newref(j >= 0 ? KR_TUPLE_GET(argitems, j) : KR_TUPLE_GET(subparams, i)));
    }
    kr_decref(subparams);
    KrObject *res = krObj_getitem(ts, obj, subargs);
    kr_decref(subargs);
    return res;
}

// The subscript as a tuple, after the parameters' __typing_prepare_subst__.
static KrObject *prepare_items(KrThreadState *ts, KrObject *self, KrObject *params, KrObject *item) {
    KrObject *items = krTuple_check(item) ? kr_newref(item) : krTuple_pack(ts, 1, item);
    for (KrSsize i = 0; items && i < KR_TUPLE_SIZE(params); i++) {
        KrObject *prepare;
        int r = krObj_lookup_attr(ts, KR_TUPLE_GET(params, i), KR_ID(__typing_prepare_subst__), &prepare);
        if (r <= 0) {
            if (r < 0) KR_CLEAR(items);
            continue;
        }
        KrObject *n = krObj_call2(ts, prepare, self, items);
        kr_decref(prepare);
        kr_setref(&items, n);
        if (items && !krTuple_check(items)) {
            KR_CLEAR(items);
            krErr_set_string(ts, &KrExc_TypeError, "__typing_prepare_subst__ must return a tuple");
        }
    }
    return items;
}

KrObject *krGenericAlias_subs_parameters(KrThreadState *ts, KrObject *self, KrObject *args, KrObject *params,
                                         KrObject *item) {
    KrSsize nparams = KR_TUPLE_SIZE(params);
    if (nparams == 0) return krErr_format(ts, &KrExc_TypeError, "%R is not a generic class", self);
    KrObject *argitems = prepare_items(ts, self, params, item);
    if (!argitems) return NULL;
    KrSsize nitems = KR_TUPLE_SIZE(argitems);
    if (nitems != nparams) {
        kr_decref(argitems);
        return krErr_format(ts, &KrExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                            nitems > nparams ? "many" : "few", self, nitems, nparams);
    }
    KrSsize n = KR_TUPLE_SIZE(args);
    KrObject *newargs = krTuple_new(ts, n);
    for (KrSsize i = 0; newargs && i < n; i++) {
        KrObject *arg = KR_TUPLE_GET(args, i), *subst, *v;
        if (kr_type_check(arg, &KrType_Type)) {
            KR_TUPLE_SET(newargs, i, kr_newref(arg));
            continue;
        }
        int r = krObj_lookup_attr(ts, arg, KR_ID(__typing_subst__), &subst);
        if (r > 0) {
            KrSsize j = tuple_index(params, arg);
            v = krObj_call1(ts, subst, KR_TUPLE_GET(argitems, j >= 0 ? j : 0));
            kr_decref(subst);
        } else {
            v = r < 0 ? NULL : subs_tvars(ts, arg, params, argitems);
        }
        if (!v) KR_CLEAR(newargs);
        else KR_TUPLE_SET(newargs, i, v);
    }
    kr_decref(argitems);
    return newargs;
}

static KrObject *ga_parameters(KrThreadState *ts, KrGenericAliasObject *ga) {
    if (!ga->parameters && !(ga->parameters = krGenericAlias_make_parameters(ts, ga->args))) return NULL;
    return ga->parameters;
}

static KrObject *ga_getitem(KrThreadState *ts, KrObject *self, KrObject *item) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KrObject *params = ga_parameters(ts, ga);
    if (!params) return NULL;
    KrObject *newargs = krGenericAlias_subs_parameters(ts, self, ga->args, params, item);
    if (!newargs) return NULL;
    KrObject *res = krGenericAlias_new(ts, ga->origin, newargs);
    kr_decref(newargs);
    if (res) ((KrGenericAliasObject *)res)->starred = ga->starred;
    return res;
}

// ---------------------------------------------------------------------------
// Attributes, calls, comparison

// Names an alias answers itself; everything else comes from the origin.
static const char *const own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", NULL,
};

static KrObject *ga_getattro(KrThreadState *ts, KrObject *self, KrObject *name) {
    for (const char *const *p = own_attrs; *p; p++)
        if (krStr_eq_cstr(name, *p)) return krObj_generic_getattr(ts, self, name);
    return krObj_getattr(ts, ((KrGenericAliasObject *)self)->origin, name);
}

static KrObject *ga_call(KrThreadState *ts, KrObject *self, KrObject *const *args, size_t nargsf,
                         KrObject *kwnames) {
    KrObject *obj = krObj_vectorcall(ts, ((KrGenericAliasObject *)self)->origin, args, nargsf, kwnames);
    if (!obj) return NULL;
    if (krObj_setattr(ts, obj, KR_ID(__orig_class__), self) < 0) {
        if (!krErr_matches(ts, &KrExc_AttributeError) && !krErr_matches(ts, &KrExc_TypeError)) {
            kr_decref(obj);
            return NULL;
        }
        krErr_clear(ts);
    }
    return obj;
}

static KrObject *ga_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krGenericAlias_check(b) || (op != KR_EQ && op != KR_NE)) return kr_newref(KR_NOTIMPLEMENTED);
    KrGenericAliasObject *x = (KrGenericAliasObject *)a, *y = (KrGenericAliasObject *)b;
    int eq = x->starred == y->starred;
    if (eq) eq = krObj_richcompare_bool(ts, x->origin, y->origin, KR_EQ);
    if (eq > 0) eq = krObj_richcompare_bool(ts, x->args, y->args, KR_EQ);
    if (eq < 0) return NULL;
    return kr_bool(op == KR_EQ ? eq : !eq);
}

static KrHash ga_hash(KrThreadState *ts, KrObject *self) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KrHash h0 = krObj_hash(ts, ga->origin);
    if (h0 == -1) return -1;
    KrHash h1 = krObj_hash(ts, ga->args);
    if (h1 == -1) return -1;
    KrHash h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

// iter(alias) yields the unpacked alias once: *tuple[int].
static KrObject *ga_iter(KrThreadState *ts, KrObject *self) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KrObject *starred = krGenericAlias_new(ts, ga->origin, ga->args);
    if (!starred) return NULL;
    ((KrGenericAliasObject *)starred)->starred = true;
    KrObject *t = krTuple_pack(ts, 1, starred);
    kr_decref(starred);
    if (!t) return NULL;
    KrObject *it = krObj_get_iter(ts, t);
    kr_decref(t);
    return it;
}

static KrObject *ga_mro_entries(KrThreadState *ts, KrObject *self, KrObject *bases) {
    return krTuple_pack(ts, 1, ((KrGenericAliasObject *)self)->origin);
}

static KrObject *ga_instancecheck(KrThreadState *ts, KrObject *self, KrObject *obj) {
    return krErr_format(ts, &KrExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static KrObject *ga_subclasscheck(KrThreadState *ts, KrObject *self, KrObject *obj) {
    return krErr_format(ts, &KrExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static KrObject *ga_reduce(KrThreadState *ts, KrObject *self) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    if (ga->starred) {
        // next(iter(origin[args])) rebuilds the unpacked form.
        KrObject *plain = krGenericAlias_new(ts, ga->origin, ga->args);
        KrObject *it = plain ? krObj_get_iter(ts, plain) : NULL;
        kr_xdecref(plain);
        if (!it) return NULL;
        KrObject *next = krDict_get_cstr(ts, ts->interp->builtins, "next");
        KrObject *args = next ? krTuple_pack(ts, 1, it) : NULL;
        kr_decref(it);
        KrObject *r = args ? krTuple_pack(ts, 2, next, args) : NULL;
        kr_xdecref(args);
        return r;
    }
    KrObject *args = krTuple_pack(ts, 2, ga->origin, ga->args);
    if (!args) return NULL;
    KrObject *r = krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), args);
    kr_decref(args);
    return r;
}

static KrObject *ga_dir(KrThreadState *ts, KrObject *self) {
    // dir(origin): its type's __dir__, sorted.
    int found;
    KrObject *dir = krObj_call_special(ts, ((KrGenericAliasObject *)self)->origin, KR_ID(__dir__), NULL, 0, &found);
    if (!found) krErr_set_string(ts, &KrExc_TypeError, "object does not provide __dir__");
    KrObject *list = dir ? krSeq_list(ts, dir) : NULL;
    kr_xdecref(dir);
    if (!list || krList_sort(ts, list, NULL, false) < 0) {
        kr_xdecref(list);
        return NULL;
    }
    for (const char *const *p = own_attrs; *p; p++) {
        KrObject *name = krStr_intern_cstr(ts, *p);
        int has = name ? krObj_contains(ts, list, name) : -1;
        if (has < 0 || (!has && krList_append(ts, list, name) < 0)) {
            kr_decref(list);
            return NULL;
        }
    }
    return list;
}

static KrObject *ga_get_parameters(KrThreadState *ts, KrObject *self, void *c) {
    return kr_xnewref(ga_parameters(ts, (KrGenericAliasObject *)self));
}

static KrObject *ga_get_unpacked_tuple_args(KrThreadState *ts, KrObject *self, void *c) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    if (ga->starred && ga->origin == (KrObject *)&KrTuple_Type) return kr_newref(ga->args);
    return kr_newref(KR_NONE);
}

static const KrMethodDef ga_methods[] = {
    {"__mro_entries__", KR_CFUNC(ga_mro_entries), KR_METH_O, NULL},
    {"__instancecheck__", KR_CFUNC(ga_instancecheck), KR_METH_O, NULL},
    {"__subclasscheck__", KR_CFUNC(ga_subclasscheck), KR_METH_O, NULL},
    {"__reduce__", KR_CFUNC(ga_reduce), KR_METH_NOARGS, NULL},
    {"__dir__", KR_CFUNC(ga_dir), KR_METH_NOARGS, NULL},
    {NULL},
};

static const KrMemberDef ga_members[] = {
    {"__origin__", KR_MEMBER_OBJECT, offsetof(KrGenericAliasObject, origin), KR_MEMBER_READONLY, NULL},
    {"__args__", KR_MEMBER_OBJECT, offsetof(KrGenericAliasObject, args), KR_MEMBER_READONLY, NULL},
    {"__unpacked__", KR_MEMBER_BOOL, offsetof(KrGenericAliasObject, starred), KR_MEMBER_READONLY, NULL},
    {NULL},
};

static const KrGetSetDef ga_getset[] = {
    {"__parameters__", ga_get_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL},
};

// ---------------------------------------------------------------------------
// Life cycle

static KrObject *ga_alloc(KrThreadState *ts, KrTypeObject *type, KrObject *origin, KrObject *args) {
    KrObject *t = krTuple_check(args) ? kr_newref(args) : krTuple_pack(ts, 1, args);
    if (!t) return NULL;
    KrGenericAliasObject *ga = (KrGenericAliasObject *)krObj_alloc(ts, type, 0);
    if (!ga) {
        kr_decref(t);
        return NULL;
    }
    ga->origin = kr_newref(origin);
    ga->args = t;
    krGC_track((KrObject *)ga);
    return (KrObject *)ga;
}

KrObject *krGenericAlias_new(KrThreadState *ts, KrObject *origin, KrObject *args) {
    return ga_alloc(ts, &KrGenericAlias_Type, origin, args);
}

KrObject *krGenericAlias_class_getitem(KrThreadState *ts, KrObject *cls, KrObject *arg) {
    return krGenericAlias_new(ts, cls, arg);
}

static KrObject *ga_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames))
        return krErr_format(ts, &KrExc_TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 2) return krErr_format(ts, &KrExc_TypeError, "GenericAlias expected 2 arguments, got %zd", nargs);
    return ga_alloc(ts, type, args[0], args[1]);
}

static int ga_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KR_VISIT(ga->origin);
    KR_VISIT(ga->args);
    KR_VISIT(ga->parameters);
    return 0;
}

static int ga_clear(KrObject *self) {
    KrGenericAliasObject *ga = (KrGenericAliasObject *)self;
    KR_CLEAR(ga->origin);
    KR_CLEAR(ga->args);
    KR_CLEAR(ga->parameters);
    return 0;
}

static void ga_dealloc(KrObject *self) {
    krGC_untrack(self);
    ga_clear(self);
    krObj_free(self);
}

KrTypeObject KrGenericAlias_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(KrGenericAliasObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ "
              "is (int,).",
    .tp_new = ga_new,
    .tp_dealloc = ga_dealloc,
    .tp_traverse = ga_traverse,
    .tp_clear = ga_clear,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_richcompare = ga_richcompare,
    .tp_iter = ga_iter,
    .nb_or = krUnion_type_or,
    .mp_subscript = ga_getitem,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_weaklistoffset = offsetof(KrGenericAliasObject, weakreflist),
};
