/*
 * gen.c — generator and coroutine objects, and coroutine_wrapper (what
 * coro.__await__() returns).  See gen.h for the frame ownership and how the
 * eval loop resumes generators inline.
 *
 * Strong references of a generator: gi_code, gi_name, gi_qualname,
 * gi_exc_state.exc_value, ag_finalizer, and — until it completes — all that
 * its embedded frame holds (code, func, locals, slots, frame object).
 *
 * Resuming from C (next(), send(), throw(), close()) goes through send_ex,
 * which checks the state ("generator already executing", "can't send
 * non-None value to a just-started generator", "cannot reuse already
 * awaited coroutine") and calls krEval_resume.  throw() and close() forward
 * to the iterator a suspended generator delegates to (`yield from`, await)
 * first, as CPython 3.11 does.
 */
#include "vm/gen.h"

#include "compiler/opcode.h"
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/frameobject.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"

static const char *gen_kind(KrObject *gen) {
    if (krCoro_check(gen)) return "coroutine";
    if (krAsyncGen_check(gen)) return "async generator";
    return "generator";
}

KrObject *krGen_new_from_frame(KrThreadState *ts, KrFrame *f) {
    KrCodeObject *co = f->code;
    KrTypeObject *type = (co->co_flags & KR_CO_COROUTINE)        ? &KrCoro_Type
                         : (co->co_flags & KR_CO_ASYNC_GENERATOR) ? &KrAsyncGen_Type
                                                                  : &KrGen_Type;
    KrGenObject *gen = (KrGenObject *)krObj_alloc(ts, type, co->co_framesize);
    if (gen == NULL) return NULL;
    KrFunctionObject *func = (KrFunctionObject *)f->func;
    gen->gi_code = kr_newref((KrObject *)co);
    gen->gi_name = kr_newref(func->func_name);
    gen->gi_qualname = kr_newref(func->func_qualname);
    gen->gi_weakreflist = NULL;
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous = NULL;
    gen->ag_finalizer = NULL;
    gen->gi_frame_state = KR_GEN_CREATED;
    gen->gi_resume_kind = KR_RESUME_FROM_C;
    gen->gi_exit_jump = 0;
    // Move the frame, with every reference it holds, into the generator.
    KrFrame *gf = &gen->gi_frame;
    memcpy(gf, f, sizeof(KrFrame) + (size_t)f->stacktop * sizeof(KrObject *));
    gf->owner = KR_FRAME_OWNED_BY_GENERATOR;
    gf->previous = NULL;
    gf->is_entry = 0;
    if (gf->frame_obj != NULL) gf->frame_obj->f_frame = gf;
    f->stacktop = 0;
    f->code = NULL;
    f->func = NULL;
    f->locals = NULL;
    f->frame_obj = NULL;
    krGC_track((KrObject *)gen);
    return (KrObject *)gen;
}

// A generator that never ran is closed without running it.
static void finish_unstarted(KrGenObject *gen) {
    gen->gi_frame_state = KR_GEN_COMPLETED;
    krFrame_clear(&gen->gi_frame);
}

KrObject *krGen_yield_from(KrGenObject *gen) {
    if (gen->gi_frame_state != KR_GEN_SUSPENDED) return NULL;
    KrFrame *f = &gen->gi_frame;
    KrCodeUnit next = *f->instr_ptr;
    // Suspended in `yield from` / await: the next instruction is RESUME 2 or
    // 3, and the delegate is on top of the stack.
    if (krOp_info(KR_UNIT_OP(next))->base != KR_OP_RESUME || KR_UNIT_ARG(next) < 2) return NULL;
    return kr_newref(f->localsplus[f->stacktop - 1]);
}

// The delegate of a `yield from` finished abnormally (raised, or returned
// through StopIteration while being thrown into): drop it and move the frame
// past the delegation loop (SEND ... JUMP_BACKWARD_NO_INTERRUPT).
static void leave_yield_from(KrGenObject *gen) {
    KrFrame *f = &gen->gi_frame;
    kr_decref(f->localsplus[--f->stacktop]);
    KrCodeUnit *p = f->instr_ptr + 1;   // after RESUME
    while (KR_UNIT_OP(*p) == KR_OP_EXTENDED_ARG) p++;
    f->instr_ptr = p + 1;               // after JUMP_BACKWARD_NO_INTERRUPT
}

// Resumes `gen`: sends `arg` (borrowed; NULL means None), or with `throwing`
// raises the pending exception at the suspension point.  `closing` is true
// for close() (a finished coroutine is then not an error).
static KrGenSendResult send_ex(KrThreadState *ts, KrObject *self, KrObject *arg, bool throwing, bool closing,
                               KrObject **result) {
    KrGenObject *gen = (KrGenObject *)self;
    *result = NULL;
    if (gen->gi_frame_state == KR_GEN_CREATED && !throwing && arg != NULL && arg != KR_NONE) {
        krErr_format(ts, &KrExc_TypeError, "can't send non-None value to a just-started %s", gen_kind(self));
        return KR_GEN_ERROR;
    }
    if (gen->gi_frame_state == KR_GEN_RUNNING) {
        krErr_format(ts, &KrExc_ValueError, "%s already executing", gen_kind(self));
        return KR_GEN_ERROR;
    }
    if (gen->gi_frame_state == KR_GEN_COMPLETED) {
        if (krCoro_check(self) && !closing) {
            krErr_set_string(ts, &KrExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg != NULL && !throwing) {
            if (krAsyncGen_check(self)) {
                krErr_set_none(ts, &KrExc_StopAsyncIteration);
                return KR_GEN_ERROR;
            }
            *result = kr_none();
            return KR_GEN_RETURN;
        }
        return KR_GEN_ERROR;
    }
    KrObject *value = NULL;
    if (throwing) {
        // The thrown exception is chained to what the generator was
        // handling when it suspended.
        KrObject *exc = krErr_peek(ts);
        if (exc != NULL) krEval_set_context(ts, exc, gen->gi_exc_state.exc_value);
    } else {
        value = kr_newref(arg ? arg : KR_NONE);
    }
    KrObject *res = krEval_resume(ts, &gen->gi_frame, value);
    if (res == NULL) return KR_GEN_ERROR;
    if (gen->gi_frame_state == KR_GEN_SUSPENDED) {
        *result = res;
        return KR_GEN_NEXT;
    }
    if (krAsyncGen_check(self)) {
        // An async generator's `return` ends the iteration.
        kr_decref(res);
        krErr_set_none(ts, &KrExc_StopAsyncIteration);
        return KR_GEN_ERROR;
    }
    *result = res;
    return KR_GEN_RETURN;
}

KrGenSendResult krGen_send(KrThreadState *ts, KrObject *gen, KrObject *arg, KrObject **result) {
    return send_ex(ts, gen, arg ? arg : KR_NONE, false, false, result);
}

// gen.send() semantics for a send_ex result: the value, or StopIteration.
static KrObject *send_result(KrThreadState *ts, KrGenSendResult r, KrObject *res) {
    if (r == KR_GEN_NEXT) return res;
    if (r == KR_GEN_RETURN) {
        krErr_set_stopiteration(ts, res == KR_NONE ? NULL : res);
        kr_decref(res);
    }
    return NULL;
}

KrObject *krGen_send_value(KrThreadState *ts, KrObject *gen, KrObject *arg) {
    KrObject *res;
    KrGenSendResult r = send_ex(ts, gen, arg ? arg : KR_NONE, false, false, &res);
    return send_result(ts, r, res);
}

// Resumes with the pending exception (gen_send_ex(gen, None, 1, 0)).
static KrObject *throw_pending(KrThreadState *ts, KrObject *gen) {
    KrObject *res;
    KrGenSendResult r = send_ex(ts, gen, KR_NONE, true, false, &res);
    return send_result(ts, r, res);
}

static KrObject *gen_iternext(KrThreadState *ts, KrObject *self) {
    KrObject *res;
    KrGenSendResult r = send_ex(ts, self, NULL, false, false, &res);
    if (r == KR_GEN_NEXT) return res;
    if (r == KR_GEN_RETURN) {
        // Returning None is plain exhaustion; a value travels in StopIteration.
        if (res != KR_NONE) krErr_set_stopiteration(ts, res);
        kr_decref(res);
    }
    return NULL;
}

static KrObject *gen_send_method(KrThreadState *ts, KrObject *self, KrObject *arg) {
    return krGen_send_value(ts, self, arg);
}

// ---------------------------------------------------------------------------
// close() and throw()

// Closes the iterator a generator delegates to.  0 or -1.
static int close_iter(KrThreadState *ts, KrObject *yf) {
    if (krGen_check(yf) || krCoro_check(yf)) return krGen_close(ts, yf);
    KrObject *meth = NULL;
    if (krObj_lookup_attr(ts, yf, KR_ID(close), &meth) < 0) krErr_write_unraisable(ts, yf);
    if (meth != NULL) {
        KrObject *res = krObj_call0(ts, meth);
        kr_decref(meth);
        if (res == NULL) return -1;
        kr_decref(res);
    }
    return 0;
}

int krGen_close(KrThreadState *ts, KrObject *self) {
    KrGenObject *gen = (KrGenObject *)self;
    if (gen->gi_frame_state == KR_GEN_CREATED) {
        finish_unstarted(gen);
        return 0;
    }
    if (gen->gi_frame_state == KR_GEN_COMPLETED) return 0;
    KrObject *yf = krGen_yield_from(gen);
    int err = 0;
    if (yf != NULL) {
        int8_t state = gen->gi_frame_state;
        gen->gi_frame_state = KR_GEN_RUNNING;
        err = close_iter(ts, yf);
        gen->gi_frame_state = state;
        kr_decref(yf);
    }
    if (err == 0) krErr_set_none(ts, &KrExc_GeneratorExit);
    KrObject *res;
    KrGenSendResult r = send_ex(ts, self, KR_NONE, true, true, &res);
    if (r == KR_GEN_NEXT) {
        kr_decref(res);
        krErr_format(ts, &KrExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(self));
        return -1;
    }
    if (r == KR_GEN_RETURN) {
        kr_decref(res);
        return 0;
    }
    if (krErr_matches(ts, &KrExc_StopIteration) || krErr_matches(ts, &KrExc_GeneratorExit)) {
        krErr_clear(ts);
        return 0;
    }
    return -1;
}

static KrObject *gen_close_method(KrThreadState *ts, KrObject *self) {
    return krGen_close(ts, self) < 0 ? NULL : kr_none();
}

static inline bool is_traceback(KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrTraceback_Type; }

// The exception instance for throw(typ, val, tb).  New reference.
static KrObject *make_thrown(KrThreadState *ts, KrObject *typ, KrObject *val, KrObject *tb) {
    if (tb == KR_NONE) tb = NULL;
    if (tb != NULL && !is_traceback(tb)) {
        krErr_set_string(ts, &KrExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    if (val == KR_NONE) val = NULL;
    KrObject *exc;
    if (krExc_is_class(typ)) {
        if (val != NULL && kr_type_check(val, (KrTypeObject *)typ))
            exc = kr_newref(val);
        else if (val != NULL && krTuple_check(val))
            exc = krObj_call(ts, typ, val, NULL);
        else if (val != NULL)
            exc = krObj_call1(ts, typ, val);
        else
            exc = krObj_call0(ts, typ);
        if (exc == NULL) return NULL;
        if (!krExc_check(exc)) {
            krErr_format(ts, &KrExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %R", typ,
                         (KrObject *)KR_TYPE(exc));
            kr_decref(exc);
            return NULL;
        }
    } else if (krExc_check(typ)) {
        if (val != NULL) {
            krErr_set_string(ts, &KrExc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        exc = kr_newref(typ);
    } else {
        krErr_format(ts, &KrExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     KR_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb != NULL) krExc_set_traceback(exc, kr_newref(tb));
    return exc;
}

// Throws into the delegate `yf` of `gen`.  New reference or NULL.
static KrObject *throw_into_delegate(KrThreadState *ts, KrGenObject *gen, KrObject *yf, bool close_on_genexit,
                                     KrObject *typ, KrObject *val, KrObject *tb);

// CPython's _gen_throw: `close_on_genexit` is false for async generators'
// athrow/aclose, which must let GeneratorExit run through awaits.
KrObject *krGen_throw_impl(KrThreadState *ts, KrObject *self, bool close_on_genexit, KrObject *typ, KrObject *val,
                           KrObject *tb) {
    KrGenObject *gen = (KrGenObject *)self;
    KrObject *yf = krGen_yield_from(gen);
    if (yf != NULL) {
        if (close_on_genexit && krErr_given_matches(typ, (KrObject *)&KrExc_GeneratorExit)) {
            int8_t state = gen->gi_frame_state;
            gen->gi_frame_state = KR_GEN_RUNNING;
            int err = close_iter(ts, yf);
            gen->gi_frame_state = state;
            kr_decref(yf);
            if (err < 0) return throw_pending(ts, self);
        } else {
            return throw_into_delegate(ts, gen, yf, close_on_genexit, typ, val, tb);
        }
    }
    KrObject *exc = make_thrown(ts, typ, val, tb);
    if (exc == NULL) return NULL;
    krErr_restore(ts, exc);
    return throw_pending(ts, self);
}

static KrObject *throw_into_delegate(KrThreadState *ts, KrGenObject *gen, KrObject *yf, bool close_on_genexit,
                                     KrObject *typ, KrObject *val, KrObject *tb) {
    KrObject *ret;
    int8_t state = gen->gi_frame_state;
    if (krGen_check(yf) || krCoro_check(yf)) {
        // Link our frame while the delegate runs, so its traceback and
        // f_back chain go through us.
        KrFrame *f = &gen->gi_frame;
        KrFrame *prev = ts->frame;
        f->previous = prev;
        ts->frame = f;
        gen->gi_frame_state = KR_GEN_RUNNING;
        ret = krGen_throw_impl(ts, yf, close_on_genexit, typ, val, tb);
        gen->gi_frame_state = state;
        ts->frame = prev;
        f->previous = NULL;
    } else {
        KrObject *meth = NULL;
        if (krObj_lookup_attr(ts, yf, KR_ID(throw), &meth) < 0) {
            kr_decref(yf);
            return NULL;
        }
        if (meth == NULL) {
            kr_decref(yf);
            KrObject *exc = make_thrown(ts, typ, val, tb);
            if (exc == NULL) return NULL;
            krErr_restore(ts, exc);
            return throw_pending(ts, (KrObject *)gen);
        }
        KrObject *args[3] = {typ, val, tb};
        KrSsize n = val == NULL ? 1 : (tb == NULL ? 2 : 3);
        gen->gi_frame_state = KR_GEN_RUNNING;
        ret = krObj_vectorcall(ts, meth, args, (size_t)n, NULL);
        gen->gi_frame_state = state;
        kr_decref(meth);
    }
    kr_decref(yf);
    if (ret != NULL) return ret;
    // The delegate is done: continue after the delegation with its return
    // value, or raise its exception in the delegating generator.
    leave_yield_from(gen);
    if (krErr_matches(ts, &KrExc_StopIteration)) {
        KrObject *stop = krErr_fetch(ts);
        KrObject *value = krExc_stopiteration_value(ts, stop);
        kr_decref(stop);
        if (value == NULL) return NULL;
        ret = krGen_send_value(ts, (KrObject *)gen, value);
        kr_decref(value);
        return ret;
    }
    return throw_pending(ts, (KrObject *)gen);
}

// throw(type[, value[, traceback]])
KrObject *krGen_throw_method(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    if (krArg_check_positional(ts, "throw", nargs, 1, 3) < 0) return NULL;
    KrObject *val = nargs >= 2 ? args[1] : NULL;
    KrObject *tb = nargs >= 3 ? args[2] : NULL;
    return krGen_throw_impl(ts, self, true, args[0], val, tb);
}

// ---------------------------------------------------------------------------
// Lifecycle

void krGen_tp_finalize(KrThreadState *ts, KrObject *self) {
    KrGenObject *gen = (KrGenObject *)self;
    if (gen->gi_frame_state == KR_GEN_COMPLETED) return;
    if (gen->gi_frame_state == KR_GEN_CREATED) {
        finish_unstarted(gen);
        return;
    }
    KrObject *saved = krErr_fetch(ts);
    if (krAsyncGen_check(self) && gen->ag_finalizer != NULL && !gen->ag_closed) {
        KrObject *res = krObj_call1(ts, gen->ag_finalizer, self);
        if (res == NULL) krErr_write_unraisable(ts, self);
        kr_xdecref(res);
    } else if (krGen_close(ts, self) < 0) {
        krErr_write_unraisable(ts, self);
    }
    krErr_restore(ts, saved);
}

void krGen_tp_dealloc(KrObject *self) {
    KrGenObject *gen = (KrGenObject *)self;
    krGC_untrack(self);
    KrThreadState *ts = krThread_current();
    if (gen->gi_frame_state == KR_GEN_SUSPENDED && ts != NULL) {
        // Run the generator's finally blocks (close it).  It may resurrect
        // itself meanwhile, in which case it lives on.
        self->ob_refcnt = 1;
        krGen_tp_finalize(ts, self);
        if (--self->ob_refcnt != 0) {
            krGC_track(self);
            return;
        }
    }
    if (gen->gi_frame_state != KR_GEN_COMPLETED) {
        gen->gi_frame_state = KR_GEN_COMPLETED;
        krFrame_clear(&gen->gi_frame);
    }
    KR_CLEAR(gen->gi_exc_state.exc_value);
    KR_CLEAR(gen->ag_finalizer);
    KR_CLEAR(gen->gi_code);
    KR_CLEAR(gen->gi_name);
    KR_CLEAR(gen->gi_qualname);
    krObj_free(self);
}

int krGen_tp_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrGenObject *gen = (KrGenObject *)self;
    KR_VISIT(gen->gi_code);
    KR_VISIT(gen->gi_name);
    KR_VISIT(gen->gi_qualname);
    KR_VISIT(gen->gi_exc_state.exc_value);
    KR_VISIT(gen->ag_finalizer);
    if (gen->gi_frame_state != KR_GEN_COMPLETED) {
        KrFrame *f = &gen->gi_frame;
        KR_VISIT(f->code);
        KR_VISIT(f->func);
        KR_VISIT(f->locals);
        KR_VISIT(f->frame_obj);
        for (int i = 0; i < f->stacktop; i++) KR_VISIT(f->localsplus[i]);
    }
    return 0;
}

int krGen_tp_clear(KrObject *self) {
    KrGenObject *gen = (KrGenObject *)self;
    if (gen->gi_frame_state == KR_GEN_CREATED || gen->gi_frame_state == KR_GEN_SUSPENDED) {
        gen->gi_frame_state = KR_GEN_COMPLETED;
        krFrame_clear(&gen->gi_frame);
    }
    KR_CLEAR(gen->gi_exc_state.exc_value);
    KR_CLEAR(gen->ag_finalizer);
    return 0;
}

KrObject *krGen_tp_repr(KrThreadState *ts, KrObject *self) {
    const char *kind = krCoro_check(self) ? "coroutine" : krAsyncGen_check(self) ? "async_generator" : "generator";
    return krStr_from_format(ts, "<%s object %U at %p>", kind, ((KrGenObject *)self)->gi_qualname, (void *)self);
}

static KrObject *gen_iter(KrThreadState *ts, KrObject *self) { return kr_newref(self); }

// ---------------------------------------------------------------------------
// Attributes (shared by the three kinds)

static KrObject *gen_get_name(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_name);
}

static int gen_set_name(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL || !krStr_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    kr_setref(&((KrGenObject *)self)->gi_name, kr_newref(value));
    return 0;
}

static KrObject *gen_get_qualname(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_qualname);
}

static int gen_set_qualname(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL || !krStr_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    kr_setref(&((KrGenObject *)self)->gi_qualname, kr_newref(value));
    return 0;
}

static KrObject *gen_get_frame(KrThreadState *ts, KrObject *self, void *closure) {
    KrGenObject *gen = (KrGenObject *)self;
    if (gen->gi_frame_state == KR_GEN_COMPLETED) return kr_none();
    KrFrameObject *fo = krFrame_get_object(ts, &gen->gi_frame);
    return fo ? kr_newref((KrObject *)fo) : NULL;
}

static KrObject *gen_get_running(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_bool(((KrGenObject *)self)->gi_frame_state == KR_GEN_RUNNING);
}

static KrObject *gen_get_suspended(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_bool(((KrGenObject *)self)->gi_frame_state == KR_GEN_SUSPENDED);
}

static KrObject *gen_get_code(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref(((KrGenObject *)self)->gi_code);
}

static KrObject *gen_get_yieldfrom(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *yf = krGen_yield_from((KrGenObject *)self);
    return yf ? yf : kr_none();
}

static KrObject *gen_get_none(KrThreadState *ts, KrObject *self, void *closure) { return kr_none(); }

static const KrGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, "object being iterated by yield from, or None", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMethodDef gen_methods[] = {
    {"send", KR_CFUNC(gen_send_method), KR_METH_O,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", KR_CFUNC(krGen_throw_method), KR_METH_FAST,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\n"
     "StopIteration."},
    {"close", KR_CFUNC(gen_close_method), KR_METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrGen_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "generator",
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
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_weaklistoffset = offsetof(KrGenObject, gi_weakreflist),
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};

// ---------------------------------------------------------------------------
// Coroutines

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *cw_coroutine;        // strong
} KrCoroWrapperObject;

static KrObject *coro_await(KrThreadState *ts, KrObject *coro) {
    KrCoroWrapperObject *w = (KrCoroWrapperObject *)krObj_alloc(ts, &KrCoroWrapper_Type, 0);
    if (w == NULL) return NULL;
    w->cw_coroutine = kr_newref(coro);
    krGC_track((KrObject *)w);
    return (KrObject *)w;
}

static KrObject *coro_await_method(KrThreadState *ts, KrObject *self) { return coro_await(ts, self); }

static const KrGetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, "object being awaited on, or None", NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_origin", gen_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMethodDef coro_methods[] = {
    {"send", KR_CFUNC(gen_send_method), KR_METH_O,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", KR_CFUNC(krGen_throw_method), KR_METH_FAST,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or "
     "raise\nStopIteration."},
    {"close", KR_CFUNC(gen_close_method), KR_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrCoro_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "coroutine",
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
    .am_await = coro_await_method,
    .tp_weaklistoffset = offsetof(KrGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
};

static void cw_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((KrCoroWrapperObject *)self)->cw_coroutine);
    krObj_free(self);
}

static int cw_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrCoroWrapperObject *)self)->cw_coroutine);
    return 0;
}

static KrObject *cw_iternext(KrThreadState *ts, KrObject *self) {
    return krGen_send_value(ts, ((KrCoroWrapperObject *)self)->cw_coroutine, KR_NONE);
}

static KrObject *cw_send(KrThreadState *ts, KrObject *self, KrObject *arg) {
    return krGen_send_value(ts, ((KrCoroWrapperObject *)self)->cw_coroutine, arg);
}

static KrObject *cw_throw(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs) {
    return krGen_throw_method(ts, ((KrCoroWrapperObject *)self)->cw_coroutine, args, nargs);
}

static KrObject *cw_close(KrThreadState *ts, KrObject *self) {
    return gen_close_method(ts, ((KrCoroWrapperObject *)self)->cw_coroutine);
}

static const KrMethodDef cw_methods[] = {
    {"send", KR_CFUNC(cw_send), KR_METH_O, NULL},
    {"throw", KR_CFUNC(cw_throw), KR_METH_FAST, NULL},
    {"close", KR_CFUNC(cw_close), KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrTypeObject KrCoroWrapper_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(KrCoroWrapperObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = cw_dealloc,
    .tp_traverse = cw_traverse,
    .tp_getattro = krObj_generic_getattr,
    .tp_iter = gen_iter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

// ---------------------------------------------------------------------------
// await support

// Is `o` a generator decorated with types.coroutine (awaitable as is)?
static bool is_iterable_coroutine(KrObject *o) {
    return krGen_check(o) &&
           (((KrCodeObject *)((KrGenObject *)o)->gi_code)->co_flags & KR_CO_ITERABLE_COROUTINE) != 0;
}

KrObject *krCoro_get_awaitable_iter(KrThreadState *ts, KrObject *o) {
    if (krCoro_check(o) || is_iterable_coroutine(o)) return kr_newref(o);
    KrTypeObject *t = KR_TYPE(o);
    if (t->am_await == NULL) {
        krErr_format(ts, &KrExc_TypeError, "object %.100s can't be used in 'await' expression", t->tp_name);
        return NULL;
    }
    KrObject *res = t->am_await(ts, o);
    if (res == NULL) return NULL;
    if (krCoro_check(res) || is_iterable_coroutine(res)) {
        // __await__ must return an iterator, not a coroutine (PEP 492).
        krErr_set_string(ts, &KrExc_TypeError, "__await__() returned a coroutine");
        kr_decref(res);
        return NULL;
    }
    if (!krIter_check(res)) {
        krErr_format(ts, &KrExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                     KR_TYPE(res)->tp_name);
        kr_decref(res);
        return NULL;
    }
    return res;
}
