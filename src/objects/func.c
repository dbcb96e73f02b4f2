/*
 * func.c — function objects (the result of `def` and `lambda`).
 *
 * A function holds strong references to its code, globals, builtins, name,
 * qualname, defaults tuple, keyword-defaults dict, closure tuple of cells,
 * docstring, attribute dict, module name and annotations.  Calling it is
 * krFunction_vectorcall (src/vm/call.c); the eval loop calls Python
 * functions inline without going through it.
 *
 * Function attributes live in func_dict (tp_dictoffset), so the generic
 * attribute algorithm applies.
 *
 * Annotations may be stored as the flat (name, value, name, value...) tuple
 * MAKE_FUNCTION receives; __annotations__ turns it into a dict on first use.
 */
#include "objects/func.h"

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/eval.h"

// The builtins namespace for code running in `globals`: globals['__builtins__']
// (a module's dict or a mapping), else the current frame's, else the
// interpreter's.  Borrowed; NULL with an exception.
static KrObject *builtins_from_globals(KrThreadState *ts, KrObject *globals) {
    KrObject *b = krDict_get(ts, globals, KR_ID(__builtins__));
    if (b != NULL) {
        if (krModule_check(b)) return krModule_dict(b);
        return b;
    }
    if (krErr_occurred(ts)) return NULL;
    return krEval_get_builtins(ts);
}

KrObject *krFunction_new(KrThreadState *ts, KrObject *code, KrObject *globals) {
    KrCodeObject *co = (KrCodeObject *)code;
    KrObject *builtins = builtins_from_globals(ts, globals);
    if (builtins == NULL) return NULL;
    KrObject *module = krDict_get(ts, globals, KR_ID(__name__));
    if (module == NULL && krErr_occurred(ts)) return NULL;
    KrFunctionObject *f = (KrFunctionObject *)krObj_alloc(ts, &KrFunction_Type, 0);
    if (f == NULL) return NULL;
    f->func_code = kr_newref(code);
    f->func_globals = kr_newref(globals);
    f->func_builtins = kr_newref(builtins);
    f->func_name = kr_newref(co->co_name);
    f->func_qualname = kr_newref(co->co_qualname);
    // The compiler puts a function's docstring (or None) first in co_consts.
    KrObject *doc = KR_NONE;
    if (KR_TUPLE_SIZE(co->co_consts) > 0 && krStr_check(KR_TUPLE_GET(co->co_consts, 0)))
        doc = KR_TUPLE_GET(co->co_consts, 0);
    f->func_doc = kr_newref(doc);
    f->func_module = kr_xnewref(module);
    f->vectorcall = krFunction_vectorcall;
    krGC_track((KrObject *)f);
    return (KrObject *)f;
}

static int func_clear(KrObject *self) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    KR_CLEAR(f->func_globals);
    KR_CLEAR(f->func_builtins);
    KR_CLEAR(f->func_module);
    KR_CLEAR(f->func_defaults);
    KR_CLEAR(f->func_kwdefaults);
    KR_CLEAR(f->func_doc);
    KR_CLEAR(f->func_dict);
    KR_CLEAR(f->func_closure);
    KR_CLEAR(f->func_annotations);
    return 0;
}

static void func_dealloc(KrObject *self) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    krGC_untrack(self);
    func_clear(self);
    KR_CLEAR(f->func_code);
    KR_CLEAR(f->func_name);
    KR_CLEAR(f->func_qualname);
    krObj_free(self);
}

static int func_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    KR_VISIT(f->func_code);
    KR_VISIT(f->func_globals);
    KR_VISIT(f->func_builtins);
    KR_VISIT(f->func_module);
    KR_VISIT(f->func_defaults);
    KR_VISIT(f->func_kwdefaults);
    KR_VISIT(f->func_doc);
    KR_VISIT(f->func_name);
    KR_VISIT(f->func_qualname);
    KR_VISIT(f->func_dict);
    KR_VISIT(f->func_closure);
    KR_VISIT(f->func_annotations);
    return 0;
}

static KrObject *func_repr(KrThreadState *ts, KrObject *self) {
    return krStr_from_format(ts, "<function %U at %p>", ((KrFunctionObject *)self)->func_qualname, (void *)self);
}

// Binding: functions are non-data descriptors that make bound methods.
static KrObject *func_descr_get(KrThreadState *ts, KrObject *func, KrObject *obj, KrObject *type) {
    if (obj == NULL || obj == KR_NONE) return kr_newref(func);
    return krMethod_new(ts, func, obj);
}

// ---------------------------------------------------------------------------
// Getters and setters

static KrObject *func_get_name(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrFunctionObject *)self)->func_name);
}

static int func_set_name(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL || !krStr_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    kr_setref(&((KrFunctionObject *)self)->func_name, kr_newref(value));
    return 0;
}

static KrObject *func_get_qualname(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrFunctionObject *)self)->func_qualname);
}

static int func_set_qualname(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL || !krStr_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    kr_setref(&((KrFunctionObject *)self)->func_qualname, kr_newref(value));
    return 0;
}

static KrObject *func_get_defaults(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *d = ((KrFunctionObject *)self)->func_defaults;
    return d ? kr_newref(d) : kr_none();
}

static int func_set_defaults(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    if (value == KR_NONE) value = NULL;
    if (value != NULL && !krTuple_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    kr_setref(&f->func_defaults, kr_xnewref(value));
    f->func_version = 0;
    return 0;
}

static KrObject *func_get_kwdefaults(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *d = ((KrFunctionObject *)self)->func_kwdefaults;
    return d ? kr_newref(d) : kr_none();
}

static int func_set_kwdefaults(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    if (value == KR_NONE) value = NULL;
    if (value != NULL && !krDict_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    kr_setref(&f->func_kwdefaults, kr_xnewref(value));
    f->func_version = 0;
    return 0;
}

static KrObject *func_get_code(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrFunctionObject *)self)->func_code);
}

static int func_set_code(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    if (value == NULL || !krCode_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    KrSsize nfree = ((KrCodeObject *)value)->co_nfreevars;
    KrSsize nclosure = f->func_closure ? KR_TUPLE_SIZE(f->func_closure) : 0;
    if (nclosure != nfree) {
        krErr_format(ts, &KrExc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                     f->func_name, nclosure, nfree);
        return -1;
    }
    kr_setref(&f->func_code, kr_newref(value));
    f->func_version = 0;
    return 0;
}

static KrObject *func_get_dict(KrThreadState *ts, KrObject *self, void *closure) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    if (f->func_dict == NULL) {
        f->func_dict = krDict_new(ts);
        if (f->func_dict == NULL) return NULL;
    }
    return kr_newref(f->func_dict);
}

static int func_set_dict(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL) {
        krErr_set_string(ts, &KrExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!krDict_check(value)) {
        krErr_format(ts, &KrExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     KR_TYPE(value)->tp_name);
        return -1;
    }
    kr_setref(&((KrFunctionObject *)self)->func_dict, kr_newref(value));
    return 0;
}

static KrObject *func_get_annotations(KrThreadState *ts, KrObject *self, void *closure) {
    KrFunctionObject *f = (KrFunctionObject *)self;
    if (f->func_annotations == NULL) {
        f->func_annotations = krDict_new(ts);
        if (f->func_annotations == NULL) return NULL;
    } else if (krTuple_check(f->func_annotations)) {
        // The flat (name, value, ...) form made by MAKE_FUNCTION.
        KrObject *t = f->func_annotations;
        KrObject *d = krDict_new(ts);
        if (d == NULL) return NULL;
        for (KrSsize i = 0; i + 1 < KR_TUPLE_SIZE(t); i += 2) {
            if (krDict_set(ts, d, KR_TUPLE_GET(t, i), KR_TUPLE_GET(t, i + 1)) < 0) {
                kr_decref(d);
                return NULL;
            }
        }
        kr_setref(&f->func_annotations, d);
    }
    return kr_newref(f->func_annotations);
}

static int func_set_annotations(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == KR_NONE) value = NULL;
    if (value != NULL && !krDict_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    kr_setref(&((KrFunctionObject *)self)->func_annotations, kr_xnewref(value));
    return 0;
}

static const KrGetSetDef func_getset[] = {
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMemberDef func_members[] = {
    {"__closure__", KR_MEMBER_OBJECT, offsetof(KrFunctionObject, func_closure), KR_MEMBER_READONLY, NULL},
    {"__doc__", KR_MEMBER_OBJECT, offsetof(KrFunctionObject, func_doc), 0, NULL},
    {"__globals__", KR_MEMBER_OBJECT, offsetof(KrFunctionObject, func_globals), KR_MEMBER_READONLY, NULL},
    {"__module__", KR_MEMBER_OBJECT, offsetof(KrFunctionObject, func_module), 0, NULL},
    {"__builtins__", KR_MEMBER_OBJECT, offsetof(KrFunctionObject, func_builtins), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

KrTypeObject KrFunction_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "function",
    .tp_basicsize = sizeof(KrFunctionObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_dealloc = func_dealloc,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_repr = func_repr,
    .tp_call = krFunction_vectorcall,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_dictoffset = offsetof(KrFunctionObject, func_dict),
    .tp_descr_get = func_descr_get,
    .tp_members = func_members,
    .tp_getset = func_getset,
};
