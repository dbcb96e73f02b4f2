/*
 * asyncgen.c — asynchronous generators (`async def` with `yield`) and the
 * awaitables their methods return: __anext__()/asend() give an
 * async_generator_asend, athrow()/aclose() an async_generator_athrow.
 *
 * An async generator's frame yields two kinds of values: values of its
 * `yield` expressions, wrapped by ASYNC_GEN_WRAP in an
 * async_generator_wrapped_value, and whatever its awaits yield to the event
 * loop (passed through).  The awaitables unwrap the former into
 * StopIteration(value), which completes the `await` of __anext__().
 *
 * Strong references: asend holds its generator and send value; athrow its
 * generator and argument tuple; the wrapped value its value.
 *
 * sys.set_asyncgen_hooks (firstiter / finalizer) is not supported yet:
 * ag_finalizer is never set, so a suspended async generator that dies is
 * closed synchronously like a generator.
 */
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"
#include "vm/gen.h"

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct {
    KR_OBJECT_HEAD;
    KrGenObject *gen;              // strong
    KrObject *sendval;             // strong
    int state;
} KrASendObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrGenObject *gen;              // strong
    KrObject *args;                // strong tuple (athrow), NULL for aclose()
    int state;
} KrAThrowObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *value;               // strong
} KrWrappedValueObject;

static const char IGNORED_EXIT[] = "async generator ignored GeneratorExit";

KrObject *krAsyncGen_wrap_value(KrThreadState *ts, KrObject *value) {
    KrWrappedValueObject *w = (KrWrappedValueObject *)krObj_alloc(ts, &KrAsyncGenWrappedValue_Type, 0);
    if (w == NULL) return NULL;
    w->value = kr_newref(value);
    krGC_track((KrObject *)w);
    return (KrObject *)w;
}

static inline bool is_wrapped(KrObject *o) {
    return o != NULL && !kr_is_smallint(o) && o->ob_type == &KrAsyncGenWrappedValue_Type;
}

// Turns what the generator produced into what awaiting asend() sees.
static KrObject *unwrap_value(KrThreadState *ts, KrGenObject *gen, KrObject *result) {
    if (result == NULL) {
        if (!krErr_occurred(ts)) krErr_set_none(ts, &KrExc_StopAsyncIteration);
        if (krErr_matches(ts, &KrExc_StopAsyncIteration) || krErr_matches(ts, &KrExc_GeneratorExit))
            gen->ag_closed = true;
        gen->ag_running_async = false;
        return NULL;
    }
    if (is_wrapped(result)) {
        // A `yield`: completes the await of __anext__() with the value.
        KrObject *v = ((KrWrappedValueObject *)result)->value;
        krErr_set_stopiteration(ts, v == KR_NONE ? NULL : v);
        kr_decref(result);
        gen->ag_running_async = false;
        return NULL;
    }
    return result;
}

// ---------------------------------------------------------------------------
// async_generator_asend

static KrObject *asend_new(KrThreadState *ts, KrGenObject *gen, KrObject *sendval) {
    KrASendObject *o = (KrASendObject *)krObj_alloc(ts, &KrAsyncGenASend_Type, 0);
    if (o == NULL) return NULL;
    o->gen = (KrGenObject *)kr_newref((KrObject *)gen);
    o->sendval = kr_xnewref(sendval);
    o->state = AW_INIT;
    krGC_track((KrObject *)o);
    return (KrObject *)o;
}

KrObject *krAsyncGen_anext(KrThreadState *ts, KrObject *gen) {
    return asend_new(ts, (KrGenObject *)gen, NULL);
}

static KrObject *asend_send(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrASendObject *o = (KrASendObject *)self;
    if (o->state == AW_CLOSED) {
        krErr_set_string(ts, &KrExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->state == AW_INIT) {
        if (o->gen->ag_running_async) {
            krErr_set_string(ts, &KrExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == KR_NONE) arg = o->sendval;
        o->state = AW_ITER;
    }
    o->gen->ag_running_async = true;
    KrObject *res = krGen_send_value(ts, (KrObject *)o->gen, arg ? arg : KR_NONE);
    res = unwrap_value(ts, o->gen, res);
    if (res == NULL) o->state = AW_CLOSED;
    return res;
}

static KrObject *asend_iternext(KrThreadState *ts, KrObject *self) { return asend_send(ts, self, NULL); }

static KrObject *asend_throw(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrASendObject *o = (KrASendObject *)self;
    if (o->state == AW_CLOSED) {
        krErr_set_string(ts, &KrExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    KrObject *res = krGen_throw_method(ts, (KrObject *)o->gen, args, nargs);
    res = unwrap_value(ts, o->gen, res);
    if (res == NULL) o->state = AW_CLOSED;
    return res;
}

static KrObject *asend_close(KrThreadState *ts, KrObject *self) {
    ((KrASendObject *)self)->state = AW_CLOSED;
    return kr_none();
}

static void asend_dealloc(KrObject *self) {
    KrASendObject *o = (KrASendObject *)self;
    krGC_untrack(self);
    KR_CLEAR(o->sendval);
    kr_xdecref((KrObject *)o->gen);
    o->gen = NULL;
    krObj_free(self);
}

static int asend_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrASendObject *)self)->gen);
    KR_VISIT(((KrASendObject *)self)->sendval);
    return 0;
}

static KrObject *self_iter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static const KrMethodDef asend_methods[] = {
    {"send", KR_CFUNC(asend_send), KR_METH_O, NULL},
    {"throw", KR_CFUNC(asend_throw), KR_METH_FAST, NULL},
    {"close", KR_CFUNC(asend_close), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrAsyncGenASend_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(KrASendObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = asend_dealloc,
    .tp_traverse = asend_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = self_iter,
    .tp_iternext = asend_iternext,
    .am_await = self_iter,
    .tp_methods = asend_methods,
};

// ---------------------------------------------------------------------------
// async_generator_athrow (athrow() and, with no arguments, aclose())

static KrObject *athrow_new(KrThreadState *ts, KrGenObject *gen, KrObject *args) {
    KrAThrowObject *o = (KrAThrowObject *)krObj_alloc(ts, &KrAsyncGenAThrow_Type, 0);
    if (o == NULL) return NULL;
    o->gen = (KrGenObject *)kr_newref((KrObject *)gen);
    o->args = kr_xnewref(args);
    o->state = AW_INIT;
    krGC_track((KrObject *)o);
    return (KrObject *)o;
}

// The aclose() await ends: GeneratorExit / StopAsyncIteration mean success.
static KrObject *athrow_check_error(KrThreadState *ts, KrAThrowObject *o) {
    o->gen->ag_running_async = false;
    o->state = AW_CLOSED;
    if (o->args == NULL &&
        (krErr_matches(ts, &KrExc_StopAsyncIteration) || krErr_matches(ts, &KrExc_GeneratorExit))) {
        krErr_clear(ts);
        krErr_set_none(ts, &KrExc_StopIteration);
    }
    return NULL;
}

static KrObject *athrow_yield_close(KrThreadState *ts, KrAThrowObject *o) {
    o->gen->ag_running_async = false;
    o->state = AW_CLOSED;
    krErr_set_string(ts, &KrExc_RuntimeError, IGNORED_EXIT);
    return NULL;
}

// The first step of athrow()/aclose(): throw into the generator.
static KrObject *athrow_start(KrThreadState *ts, KrAThrowObject *o) {
    KrGenObject *gen = o->gen;
    o->state = AW_ITER;
    gen->ag_running_async = true;
    KrObject *res;
    if (o->args == NULL) {
        gen->ag_closed = true;
        res = krGen_throw_impl(ts, (KrObject *)gen, false, (KrObject *)&KrExc_GeneratorExit, NULL, NULL);
        if (is_wrapped(res)) {
            kr_decref(res);
            return athrow_yield_close(ts, o);
        }
    } else {
        KrSsize n = KR_TUPLE_SIZE(o->args);
        KrObject *typ = KR_TUPLE_GET(o->args, 0);
        KrObject *val = n > 1 ? KR_TUPLE_GET(o->args, 1) : NULL;
        KrObject *tb = n > 2 ? KR_TUPLE_GET(o->args, 2) : NULL;
        res = krGen_throw_impl(ts, (KrObject *)gen, false, typ, val, tb);
        res = unwrap_value(ts, gen, res);
    }
    if (res == NULL) return athrow_check_error(ts, o);
    return res;
}

static KrObject *athrow_send(KrThreadState *ts, KrObject *self, KrObject *arg) {
    KrAThrowObject *o = (KrAThrowObject *)self;
    KrGenObject *gen = o->gen;
    if (o->state == AW_CLOSED) {
        krErr_set_string(ts, &KrExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->gi_frame_state == KR_GEN_COMPLETED) {
        o->state = AW_CLOSED;
        krErr_set_none(ts, &KrExc_StopIteration);
        return NULL;
    }
    if (o->state == AW_INIT) {
        if (gen->ag_running_async) {
            o->state = AW_CLOSED;
            krErr_format(ts, &KrExc_RuntimeError, "%s(): asynchronous generator is already running",
                         o->args ? "athrow" : "aclose");
            return NULL;
        }
        if (gen->ag_closed) {
            o->state = AW_CLOSED;
            krErr_set_none(ts, &KrExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != KR_NONE) {
            krErr_set_string(ts, &KrExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        return athrow_start(ts, o);
    }
    KrObject *res = krGen_send_value(ts, (KrObject *)gen, arg ? arg : KR_NONE);
    if (o->args != NULL) return unwrap_value(ts, gen, res);
    if (res == NULL) return athrow_check_error(ts, o);
    if (is_wrapped(res)) {
        kr_decref(res);
        return athrow_yield_close(ts, o);
    }
    return res;
}

static KrObject *athrow_iternext(KrThreadState *ts, KrObject *self) { return athrow_send(ts, self, NULL); }

static KrObject *athrow_throw(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    KrAThrowObject *o = (KrAThrowObject *)self;
    if (o->state == AW_CLOSED) {
        krErr_set_string(ts, &KrExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    KrObject *res = krGen_throw_method(ts, (KrObject *)o->gen, args, nargs);
    if (o->args != NULL) return unwrap_value(ts, o->gen, res);
    if (is_wrapped(res)) {
        kr_decref(res);
        return athrow_yield_close(ts, o);
    }
    if (res == NULL &&
        (krErr_matches(ts, &KrExc_StopAsyncIteration) || krErr_matches(ts, &KrExc_GeneratorExit))) {
        krErr_clear(ts);
        krErr_set_none(ts, &KrExc_StopIteration);
    }
    return res;
}

static KrObject *athrow_close(KrThreadState *ts, KrObject *self) {
    ((KrAThrowObject *)self)->state = AW_CLOSED;
    return kr_none();
}

static void athrow_dealloc(KrObject *self) {
    KrAThrowObject *o = (KrAThrowObject *)self;
    krGC_untrack(self);
    KR_CLEAR(o->args);
    kr_xdecref((KrObject *)o->gen);
    o->gen = NULL;
    krObj_free(self);
}

static int athrow_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrAThrowObject *)self)->gen);
    KR_VISIT(((KrAThrowObject *)self)->args);
    return 0;
}

static const KrMethodDef athrow_methods[] = {
    {"send", KR_CFUNC(athrow_send), KR_METH_O, NULL},
    {"throw", KR_CFUNC(athrow_throw), KR_METH_FAST, NULL},
    {"close", KR_CFUNC(athrow_close), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrAsyncGenAThrow_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(KrAThrowObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = athrow_dealloc,
    .tp_traverse = athrow_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = self_iter,
    .tp_iternext = athrow_iternext,
    .am_await = self_iter,
    .tp_methods = athrow_methods,
};

// ---------------------------------------------------------------------------
// async_generator_wrapped_value

static void wrapped_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((KrWrappedValueObject *)self)->value);
    krObj_free(self);
}

static int wrapped_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrWrappedValueObject *)self)->value);
    return 0;
}

KrTypeObject KrAsyncGenWrappedValue_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(KrWrappedValueObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = wrapped_dealloc,
    .tp_traverse = wrapped_traverse,
};

// ---------------------------------------------------------------------------
// async_generator

static KrObject *agen_aiter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

static KrObject *agen_anext(KrThreadState *ts, KrObject *self) { return krAsyncGen_anext(ts, self); }

static KrObject *agen_asend(KrThreadState *ts, KrObject *self, KrObject *arg) {
    return asend_new(ts, (KrGenObject *)self, arg);
}

static KrObject *agen_athrow(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "athrow", nargs, 1, 3) < 0) return NULL;
    KrObject *t = krTuple_from_array(ts, args, nargs);
    if (t == NULL) return NULL;
    KrObject *res = athrow_new(ts, (KrGenObject *)self, t);
    kr_decref(t);
    return res;
}

static KrObject *agen_aclose(KrThreadState *ts, KrObject *self) {
    return athrow_new(ts, (KrGenObject *)self, NULL);
}

static KrObject *agen_get_name(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_name);
}

static KrObject *agen_get_qualname(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_qualname);
}

static KrObject *agen_get_frame(KrThreadState *ts, KrObject *self, void *closure) {
    KrGenObject *gen = (KrGenObject *)self;
    if (gen->gi_frame_state == KR_GEN_COMPLETED) return kr_none();
    KrFrameObject *fo = krFrame_get_object(ts, &gen->gi_frame);
    return fo ? kr_newref((KrObject *)fo) : NULL;
}

static KrObject *agen_get_running(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_bool(((KrGenObject *)self)->ag_running_async);
}

static KrObject *agen_get_code(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_code);
}

static KrObject *agen_get_await(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *yf = krGen_yield_from((KrGenObject *)self);
    return yf ? yf : kr_none();
}

static const KrGetSetDef agen_getset[] = {
    {"__name__", agen_get_name, NULL, NULL, NULL},
    {"__qualname__", agen_get_qualname, NULL, NULL, NULL},
    {"ag_await", agen_get_await, NULL, "object being awaited on, or None", NULL},
    {"ag_frame", agen_get_frame, NULL, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL, NULL},
    {"ag_code", agen_get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMethodDef agen_methods[] = {
    {"asend", KR_CFUNC(agen_asend), KR_METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", KR_CFUNC(agen_athrow), KR_METH_FAST, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", KR_CFUNC(agen_aclose), KR_METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrAsyncGen_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(KrGenObject),
    .tp_itemsize = sizeof(KrObject *),
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_HAS_FINALIZER,
    .tp_dealloc = krGen_tp_dealloc,
    .tp_traverse = krGen_tp_traverse,
    .tp_clear = krGen_tp_clear,
    .tp_finalize = krGen_tp_finalize,
    .tp_repr = krGen_tp_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .am_aiter = agen_aiter,
    .am_anext = agen_anext,
    .tp_weaklistoffset = offsetof(KrGenObject, gi_weakreflist),
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
};
