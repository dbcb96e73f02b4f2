/*
 * objreduce.c — the copy/pickle protocol of `object`: __reduce_ex__,
 * __reduce__ and __getstate__, as CPython 3.11 defines them.
 *
 * Protocol 2 and above produce the "new object" form
 *     (copyreg.__newobj__, (cls, *args), state, listitems, dictitems)
 * (or copyreg.__newobj_ex__ when __getnewargs_ex__ gives keywords); protocols
 * 0 and 1 delegate to copyreg._reduce_ex.  The copyreg module (lib/copyreg.py)
 * supplies those helpers and the __slotnames__ computation.
 */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/typeslots.h"
#include "runtime/import.h"
#include "runtime/state.h"

static KrObject *copyreg_attr(KrThreadState *ts, const char *name) {
    // As CPython: whatever sys.modules holds (even None), else an import.
    KrObject *mod = krDict_get_cstr(ts, ts->interp->modules, "copyreg");
    if (mod)
        kr_incref(mod);
    else if (krErr_occurred(ts) || !(mod = krImport_import(ts, "copyreg")))
        return NULL;
    KrObject *r = krObj_getattr_cstr(ts, mod, name);
    kr_decref(mod);
    return r;
}

// The names of the __slots__ members of cls and its bases (copyreg._slotnames,
// cached in cls.__slotnames__): a list, or None.  New reference.
static KrObject *slot_names(KrThreadState *ts, KrTypeObject *cls) {
    KrObject *names = krDict_get_str(cls->tp_dict, KR_ID(__slotnames__));
    if (names) {
        if (names != KR_NONE && !krList_check(names))
            return krErr_format(ts, &KrExc_TypeError, "%s.__slotnames__ should be a list or None, not %T",
                                cls->tp_name, names);
        return kr_newref(names);
    }
    KrObject *func = copyreg_attr(ts, "_slotnames");
    if (!func) return NULL;
    names = krObj_call1(ts, func, (KrObject *)cls);
    kr_decref(func);
    if (names && names != KR_NONE && !krList_check(names)) {
        kr_decref(names);
        return krErr_format(ts, &KrExc_TypeError, "copyreg._slotnames didn't return a list or None");
    }
    return names;
}

// Does the instance hold C-level data besides a dict, a weak reference list
// and __slots__ members (which pickling by state could not restore)?
static bool has_opaque_fields(KrTypeObject *type, KrObject *slotnames) {
    KrSsize size = (KrSsize)sizeof(KrObject);
    if (type->tp_dictoffset) size += (KrSsize)sizeof(KrObject *);
    if (type->tp_weaklistoffset > 0) size += (KrSsize)sizeof(KrObject *);
    if (slotnames != KR_NONE) size += KR_LIST_SIZE(slotnames) * (KrSsize)sizeof(KrObject *);
    return type->tp_basicsize > size;
}

// A copy of the instance's attributes, or None when it has none (or no dict).
// New reference.
static KrObject *instance_state(KrThreadState *ts, KrObject *self) {
    KrTypeObject *tp = KR_TYPE(self);
    if (tp->tp_flags & KR_TPFLAGS_MANAGED_ATTRS)
        return krAttrs_count(self) ? krAttrs_copy(ts, self) : kr_newref(KR_NONE);
    KrObject *d = tp->tp_dictoffset ? *(KrObject **)((char *)self + tp->tp_dictoffset) : NULL;
    return d && krDict_check(d) && krDict_size(d) > 0 ? krDict_copy(ts, d) : kr_newref(KR_NONE);
}

// Adds the set __slots__ members to the state: (state, {name: value}).  New reference.
static KrObject *add_slot_state(KrThreadState *ts, KrObject *self, KrObject *state, KrObject *slotnames) {
    KrObject *slots = krDict_new(ts);
    if (!slots) goto fail;
    KrSsize n = KR_LIST_SIZE(slotnames);
    for (KrSsize i = 0; i < n; i++) {
        KrObject *name = kr_newref(KR_LIST_GET(slotnames, i)), *value;
        int r = krObj_lookup_attr(ts, self, name, &value);
        if (r > 0) {
            r = krDict_set(ts, slots, name, value);
            kr_decref(value);
        }
        kr_decref(name);
        if (r < 0) goto fail;
        if (n != KR_LIST_SIZE(slotnames)) {
            krErr_set_string(ts, &KrExc_RuntimeError, "__slotsname__ changed size during iteration");
            goto fail;
        }
    }
    if (krDict_size(slots) > 0) {
        KrObject *pair = krTuple_pack(ts, 2, state, slots);
        kr_decref(slots);
        kr_decref(state);
        return pair;
    }
    kr_decref(slots);
    return state;
fail:
    kr_xdecref(slots);
    kr_decref(state);
    return NULL;
}

// object.__getstate__'s algorithm.  `required`: the state must be able to
// rebuild the object on its own (no __getnewargs__, not a list or dict).
static KrObject *getstate_default(KrThreadState *ts, KrObject *self, bool required) {
    KrTypeObject *tp = KR_TYPE(self);
    if (required && tp->tp_itemsize && !(tp->tp_flags & KR_TPFLAGS_STR_SUBCLASS))
        return krErr_format(ts, &KrExc_TypeError, "cannot pickle %s objects", tp->tp_name);
    KrObject *state = instance_state(ts, self);
    if (!state) return NULL;
    KrObject *slotnames = slot_names(ts, tp);
    if (!slotnames) {
        kr_decref(state);
        return NULL;
    }
    if (required && has_opaque_fields(tp, slotnames)) {
        kr_decref(slotnames);
        kr_decref(state);
        return krErr_format(ts, &KrExc_TypeError, "cannot pickle '%s' object", tp->tp_name);
    }
    if (slotnames != KR_NONE && KR_LIST_SIZE(slotnames) > 0) state = add_slot_state(ts, self, state, slotnames);
    kr_decref(slotnames);
    return state;
}

KrObject *krObj_getstate_method(KrThreadState *ts, KrObject *self) { return getstate_default(ts, self, false); }

// self.__getstate__(), skipping the call when it is object's own.
static KrObject *get_state(KrThreadState *ts, KrObject *self, bool required) {
    KrObject *getstate = krObj_getattr(ts, self, KR_ID(__getstate__));
    if (!getstate) return NULL;
    KrObject *state;
    KrCFunctionObject *cf = (KrCFunctionObject *)getstate;
    if (KR_TYPE(getstate) == &KrCFunction_Type && cf->self == self &&
        cf->def->func == KR_CFUNC(krObj_getstate_method))
        state = getstate_default(ts, self, required);
    else
        state = krObj_call0(ts, getstate);
    kr_decref(getstate);
    return state;
}

// Calls the special method `name` of self if its type has one: 1 with a new
// reference in *result, 0 when absent, -1 on error.
static int call_special_opt(KrThreadState *ts, KrObject *self, KrObject *name, KrObject **result) {
    int found;
    *result = krObj_call_special(ts, self, name, NULL, 0, &found);
    if (!found) return 0;
    return *result ? 1 : -1;
}

// The constructor arguments from __getnewargs_ex__ or __getnewargs__:
// *args a tuple or NULL, *kwargs a dict or NULL.  0 or -1.
static int get_newargs(KrThreadState *ts, KrObject *self, KrObject **args, KrObject **kwargs) {
    *args = *kwargs = NULL;
    KrObject *r;
    int found = call_special_opt(ts, self, KR_ID(__getnewargs_ex__), &r);
    if (found < 0) return -1;
    if (found) {
        if (!krTuple_check(r)) {
            krErr_format(ts, &KrExc_TypeError, "__getnewargs_ex__ should return a tuple, not '%T'", r);
        } else if (KR_TUPLE_SIZE(r) != 2) {
            krErr_format(ts, &KrExc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         KR_TUPLE_SIZE(r));
        } else if (!krTuple_check(KR_TUPLE_GET(r, 0))) {
            krErr_format(ts, &KrExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%T'",
                         KR_TUPLE_GET(r, 0));
        } else if (!krDict_check(KR_TUPLE_GET(r, 1))) {
            krErr_format(ts, &KrExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%T'",
                         KR_TUPLE_GET(r, 1));
        } else {
            *args = kr_newref(KR_TUPLE_GET(r, 0));
            *kwargs = kr_newref(KR_TUPLE_GET(r, 1));
        }
        kr_decref(r);
        return *args ? 0 : -1;
    }
    found = call_special_opt(ts, self, KR_ID(__getnewargs__), &r);
    if (found <= 0) return found;
    if (!krTuple_check(r)) {
        krErr_format(ts, &KrExc_TypeError, "__getnewargs__ should return a tuple, not '%T'", r);
        kr_decref(r);
        return -1;
    }
    *args = r;
    return 0;
}

// (copyreg.__newobj__, (cls, *args)) or (copyreg.__newobj_ex__, (cls, args, kwargs)).
static int newobj_call(KrThreadState *ts, KrObject *self, KrObject *args, KrObject *kwargs, KrObject **newobj,
                       KrObject **newargs) {
    KrObject *cls = (KrObject *)KR_TYPE(self);
    if (!kwargs || krDict_size(kwargs) == 0) {
        if (!(*newobj = copyreg_attr(ts, "__newobj__"))) return -1;
        KrSsize n = args ? KR_TUPLE_SIZE(args) : 0;
        if (!(*newargs = krTuple_new(ts, n + 1))) return -1;
        KR_TUPLE_SET(*newargs, 0, kr_newref(cls));
        for (KrSsize i = 0; i < n; i++) KR_TUPLE_SET(*newargs, i + 1, kr_newref(KR_TUPLE_GET(args, i)));
        return 0;
    }
    if (!(*newobj = copyreg_attr(ts, "__newobj_ex__"))) return -1;
    *newargs = krTuple_pack(ts, 3, cls, args, kwargs);
    return *newargs ? 0 : -1;
}

// The list and dict item iterators of the reduce tuple (None unless self is a list / dict).
static int items_iters(KrThreadState *ts, KrObject *self, KrObject **listitems, KrObject **dictitems) {
    *listitems = *dictitems = NULL;
    if (krList_check(self)) {
        if (!(*listitems = krObj_get_iter(ts, self))) return -1;
    } else {
        *listitems = kr_newref(KR_NONE);
    }
    if (krDict_check(self)) {
        KrObject *items = krObj_call_method(ts, self, KR_ID(items), NULL);
        if (!items) return -1;
        *dictitems = krObj_get_iter(ts, items);
        kr_decref(items);
        if (!*dictitems) return -1;
    } else {
        *dictitems = kr_newref(KR_NONE);
    }
    return 0;
}

static KrObject *reduce_newobj(KrThreadState *ts, KrObject *self) {
    KrTypeObject *tp = KR_TYPE(self);
    if (!tp->tp_new) return krErr_format(ts, &KrExc_TypeError, "cannot pickle '%s' object", krType_name(tp));
    KrObject *args, *kwargs, *newobj = NULL, *newargs = NULL, *state = NULL, *litems = NULL, *ditems = NULL;
    KrObject *result = NULL;
    if (get_newargs(ts, self, &args, &kwargs) < 0) return NULL;
    if (newobj_call(ts, self, args, kwargs, &newobj, &newargs) < 0) goto done;
    state = get_state(ts, self, !(args || krList_check(self) || krDict_check(self)));
    if (!state || items_iters(ts, self, &litems, &ditems) < 0) goto done;
    result = krTuple_pack(ts, 5, newobj, newargs, state, litems, ditems);
done:
    kr_xdecref(args);
    kr_xdecref(kwargs);
    kr_xdecref(newobj);
    kr_xdecref(newargs);
    kr_xdecref(state);
    kr_xdecref(litems);
    kr_xdecref(ditems);
    return result;
}

static KrObject *common_reduce(KrThreadState *ts, KrObject *self, int64_t proto) {
    if (proto >= 2) return reduce_newobj(ts, self);
    KrObject *func = copyreg_attr(ts, "_reduce_ex");
    if (!func) return NULL;
    KrObject *p = krInt_from_i64(ts, proto);
    KrObject *r = p ? krObj_call2(ts, func, self, p) : NULL;
    kr_xdecref(p);
    kr_decref(func);
    return r;
}

KrObject *krObj_reduce_method(KrThreadState *ts, KrObject *self) { return common_reduce(ts, self, 0); }

KrObject *krObj_reduce_ex_method(KrThreadState *ts, KrObject *self, KrObject *protocol) {
    KrObject *p = krNum_index(ts, protocol);
    if (!p) return NULL;
    int64_t proto;
    bool fits = krInt_to_i64(p, &proto) && proto >= INT32_MIN && proto <= INT32_MAX;
    kr_decref(p);
    if (!fits) {
        krErr_set_string(ts, &KrExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    // A __reduce__ overridden anywhere (class or instance) takes precedence.
    KrObject *reduce;
    int r = krObj_lookup_attr(ts, self, KR_ID(__reduce__), &reduce);
    if (r < 0) return NULL;
    if (r > 0) {
        KrObject *clsreduce = krObj_getattr(ts, (KrObject *)KR_TYPE(self), KR_ID(__reduce__));
        if (!clsreduce) {
            kr_decref(reduce);
            return NULL;
        }
        KrObject *objreduce = krDict_get_str(KrBaseObject_Type.tp_dict, KR_ID(__reduce__));
        bool override = clsreduce != objreduce;
        kr_decref(clsreduce);
        if (override) {
            KrObject *res = krObj_call0(ts, reduce);
            kr_decref(reduce);
            return res;
        }
        kr_decref(reduce);
    }
    return common_reduce(ts, self, proto);
}
