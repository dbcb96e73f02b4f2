/*
 * eval_match.c — the slow paths of structural pattern matching
 * (MATCH_CLASS, MATCH_KEYS), with CPython 3.11's semantics and messages.
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"

// Classes whose single positional sub-pattern matches the subject itself
// (`case int(x)`), unless they define __match_args__ (CPython's
// _Py_TPFLAGS_MATCH_SELF, inherited by subclasses).
static bool matches_self(KrTypeObject *type) {
    static KrTypeObject *const self_types[] = {
        &KrBool_Type, &KrByteArray_Type, &KrBytes_Type, &KrDict_Type, &KrFloat_Type, &KrFrozenSet_Type,
        &KrInt_Type, &KrList_Type, &KrSet_Type, &KrStr_Type, &KrTuple_Type,
    };
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (krType_is_subtype(type, self_types[i])) return true;
    return false;
}

// getattr(subject, name) for a sub-pattern, refusing a name used twice.
// New reference; NULL with no exception when the attribute is missing.
static KrObject *match_class_attr(KrThreadState *ts, KrObject *subject, KrTypeObject *type, KrObject *name,
                                  KrObject *seen) {
    int r = krSet_contains(ts, seen, name);
    if (r != 0 || krSet_add(ts, seen, name) < 0) {
        if (r > 0)
            krErr_format(ts, &KrExc_TypeError, "%s() got multiple sub-patterns for attribute %R", type->tp_name,
                         name);
        return NULL;
    }
    KrObject *attr = krObj_getattr(ts, subject, name);
    if (attr == NULL && krErr_matches(ts, &KrExc_AttributeError)) krErr_clear(ts);
    return attr;
}

// Appends the attributes for the positional sub-patterns.  0 (all found),
// 1 (one missing: no match), -1.
static int match_positional(KrThreadState *ts, KrObject *subject, KrTypeObject *type, KrSsize nargs,
                            KrObject *seen, KrObject *attrs) {
    bool match_self = false;
    KrObject *match_args = krObj_getattr_cstr(ts, (KrObject *)type, "__match_args__");
    if (match_args != NULL) {
        if (!krTuple_check_exact(match_args)) {
            krErr_format(ts, &KrExc_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->tp_name,
                         KR_TYPE(match_args)->tp_name);
            kr_decref(match_args);
            return -1;
        }
    } else if (krErr_matches(ts, &KrExc_AttributeError)) {
        krErr_clear(ts);
        match_args = kr_newref(krTuple_empty());
        match_self = matches_self(type);
    } else {
        return -1;
    }
    KrSsize allowed = match_self ? 1 : KR_TUPLE_SIZE(match_args);
    int res = -1;
    if (allowed < nargs) {
        krErr_format(ts, &KrExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)", type->tp_name,
                     allowed, allowed == 1 ? "" : "s", nargs);
        goto done;
    }
    if (match_self) {
        res = krList_append(ts, attrs, subject);
        goto done;
    }
    for (KrSsize i = 0; i < nargs; i++) {
        KrObject *name = KR_TUPLE_GET(match_args, i);
        if (!krStr_check_exact(name)) {
            krErr_format(ts, &KrExc_TypeError, "__match_args__ elements must be strings (got %s)",
                         KR_TYPE(name)->tp_name);
            goto done;
        }
        KrObject *attr = match_class_attr(ts, subject, type, name, seen);
        if (attr == NULL) {
            res = krErr_occurred(ts) ? -1 : 1;
            goto done;
        }
        int err = krList_append(ts, attrs, attr);
        kr_decref(attr);
        if (err < 0) goto done;
    }
    res = 0;
done:
    kr_decref(match_args);
    return res;
}

KrObject *krEval_match_class(KrThreadState *ts, KrObject *subject, KrObject *type, KrSsize nargs,
                             KrObject *kwnames) {
    if (!kr_check_flag(type, KR_TPFLAGS_TYPE_SUBCLASS)) {
        krErr_set_string(ts, &KrExc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    int inst = krObj_isinstance(ts, subject, type);
    if (inst < 0) return NULL;
    if (inst == 0) return kr_none();
    KrObject *seen = krSet_new(ts, NULL);
    KrObject *attrs = krList_new(ts, 0);
    KrObject *result = NULL;
    if (seen == NULL || attrs == NULL) goto done;
    if (nargs) {
        int r = match_positional(ts, subject, (KrTypeObject *)type, nargs, seen, attrs);
        if (r < 0) goto done;
        if (r > 0) {
            result = kr_none();
            goto done;
        }
    }
    for (KrSsize i = 0; i < KR_TUPLE_SIZE(kwnames); i++) {
        KrObject *attr = match_class_attr(ts, subject, (KrTypeObject *)type, KR_TUPLE_GET(kwnames, i), seen);
        if (attr == NULL) {
            if (!krErr_occurred(ts)) result = kr_none();
            goto done;
        }
        int err = krList_append(ts, attrs, attr);
        kr_decref(attr);
        if (err < 0) goto done;
    }
    result = krList_as_tuple(ts, attrs);
done:
    kr_xdecref(seen);
    kr_xdecref(attrs);
    return result;
}

KrObject *krEval_match_keys(KrThreadState *ts, KrObject *map, KrObject *keys) {
    KrSsize nkeys = KR_TUPLE_SIZE(keys);
    if (nkeys == 0) return kr_newref(krTuple_empty());
    KrObject *get = NULL, *seen = NULL, *dummy = NULL, *values = NULL;
    // map.get(key, dummy): one atomic lookup that never creates keys (no
    // __missing__ as in defaultdict).
    int meth_found = krObj_get_method(ts, map, KR_ID(get), &get);
    if (meth_found < 0) goto fail;
    seen = krSet_new(ts, NULL);
    if (seen == NULL) goto fail;
    dummy = krObj_call0(ts, (KrObject *)&KrBaseObject_Type);
    if (dummy == NULL) goto fail;
    values = krTuple_new(ts, nkeys);
    if (values == NULL) goto fail;
    for (KrSsize i = 0; i < nkeys; i++) KR_TUPLE_SET(values, i, kr_none());
    for (KrSsize i = 0; i < nkeys; i++) {
        KrObject *key = KR_TUPLE_GET(keys, i);
        int r = krSet_contains(ts, seen, key);
        if (r != 0 || krSet_add(ts, seen, key) < 0) {
            if (r > 0) krErr_format(ts, &KrExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        KrObject *args[3] = {map, key, dummy};
        KrObject *value = meth_found ? krObj_vectorcall(ts, get, args, 3, NULL)
                                     : krObj_vectorcall(ts, get, args + 1, 2, NULL);
        if (value == NULL) goto fail;
        if (value == dummy) {
            kr_decref(value);
            kr_decref(values);
            values = kr_none();
            break;
        }
        KR_TUPLE_SET(values, i, value);
    }
    kr_decref(get);
    kr_decref(seen);
    kr_decref(dummy);
    return values;
fail:
    kr_xdecref(get);
    kr_xdecref(seen);
    kr_xdecref(dummy);
    kr_xdecref(values);
    return NULL;
}
