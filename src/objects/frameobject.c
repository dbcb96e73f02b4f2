/*
 * frameobject.c — Python-visible frame objects (see frameobject.h).
 *
 * Strong references: f_back, f_trace, and — after take-over only — everything
 * the owned frame in f_data holds (code, func, locals mapping, fast slots).
 * Before take-over the live frame holds a strong reference to its frame
 * object (f->frame_obj), never the other way round.
 *
 * Deallocation walks f_back chains iteratively: a RecursionError traceback
 * can hold a chain of 100000 frame objects, and freeing it recursively would
 * exhaust the C stack.
 */
#include "objects/frameobject.h"

#include <stdio.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "vm/gen.h"

static inline bool owns_frame(const KrFrameObject *fo) { return fo->f_frame == (KrFrame *)fo->f_data; }

KrFrameObject *krFrameObject_new(KrThreadState *ts, KrFrame *f) {
    KrSsize nitems = (KrSsize)krFrame_size_words(f->code);
    KrFrameObject *fo = (KrFrameObject *)krObj_alloc(ts, &KrFrame_Type, nitems);
    if (fo == NULL) return NULL;
    fo->f_frame = f;
    fo->f_back = NULL;
    fo->f_trace = NULL;
    fo->f_lineno = 0;
    fo->f_trace_lines = true;
    fo->f_trace_opcodes = false;
    f->frame_obj = fo;
    krGC_track((KrObject *)fo);
    return fo;
}

bool krFrameObject_take_over(KrThreadState *ts, KrFrame *f) {
    KrFrameObject *fo = f->frame_obj;
    if (fo->ob_base.ob_refcnt <= 1) return false;
    KrFrame *copy = (KrFrame *)fo->f_data;
    memcpy(copy, f, sizeof(KrFrame) + (size_t)f->stacktop * sizeof(KrObject *));
    copy->owner = KR_FRAME_OWNED_BY_FRAME_OBJECT;
    copy->previous = NULL;
    copy->is_entry = 0;
    copy->frame_obj = fo;   // borrowed back-pointer: the object owns the frame now
    fo->f_frame = copy;
    if (f->previous != NULL && fo->f_back == NULL && ts != NULL) {
        // The caller is still running: remember its frame object, without
        // disturbing an exception that may be propagating.
        KrObject *pending = krErr_fetch(ts);
        KrFrameObject *back = krFrame_get_object(ts, f->previous);
        if (back != NULL) fo->f_back = (KrFrameObject *)kr_newref((KrObject *)back);
        krErr_clear(ts);
        krErr_restore(ts, pending);
    }
    // The references moved with the contents; the frame is now empty.
    f->stacktop = 0;
    f->code = NULL;
    f->func = NULL;
    f->locals = NULL;
    f->frame_obj = NULL;
    kr_decref((KrObject *)fo);
    return true;
}

// Releases what an owned frame holds.
static void clear_owned_frame(KrFrame *f) {
    for (int i = 0; i < f->stacktop; i++) KR_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    KR_CLEAR(f->locals);
}

static void frame_dealloc(KrObject *self) {
    KrObject *o = self;
    for (;;) {
        KrFrameObject *fo = (KrFrameObject *)o;
        krGC_untrack(o);
        if (owns_frame(fo)) {
            KrFrame *f = fo->f_frame;
            clear_owned_frame(f);
            KR_CLEAR(f->func);
            kr_xdecref((KrObject *)f->code);
            f->code = NULL;
        }
        KR_CLEAR(fo->f_trace);
        KrObject *back = (KrObject *)fo->f_back;
        fo->f_back = NULL;
        krObj_free(o);
        // Continue with the caller's frame object when this was its last
        // reference, instead of recursing through kr_decref.
        if (back == NULL || --back->ob_refcnt != 0) return;
        o = back;
    }
}

static int frame_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrFrameObject *fo = (KrFrameObject *)self;
    KR_VISIT(fo->f_back);
    KR_VISIT(fo->f_trace);
    if (owns_frame(fo)) {
        KrFrame *f = fo->f_frame;
        KR_VISIT(f->code);
        KR_VISIT(f->func);
        KR_VISIT(f->locals);
        for (int i = 0; i < f->stacktop; i++) KR_VISIT(f->localsplus[i]);
    }
    return 0;
}

static int frame_tp_clear(KrObject *self) {
    KrFrameObject *fo = (KrFrameObject *)self;
    KR_CLEAR(fo->f_trace);
    KrObject *back = (KrObject *)fo->f_back;
    fo->f_back = NULL;
    kr_xdecref(back);
    if (owns_frame(fo)) clear_owned_frame(fo->f_frame);
    return 0;
}

// ---------------------------------------------------------------------------
// Attributes

static KrObject *frame_get_back(KrThreadState *ts, KrObject *self, void *closure) {
    KrFrameObject *fo = (KrFrameObject *)self;
    if (fo->f_back != NULL) return kr_newref((KrObject *)fo->f_back);
    KrFrame *prev = owns_frame(fo) ? NULL : fo->f_frame->previous;
    if (prev == NULL) return kr_none();
    KrFrameObject *back = krFrame_get_object(ts, prev);
    return back ? kr_newref((KrObject *)back) : NULL;
}

static KrObject *frame_get_code(KrThreadState *ts, KrObject *self, void *closure) {
    return kr_newref((KrObject *)((KrFrameObject *)self)->f_frame->code);
}

static KrObject *frame_get_globals(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *g = ((KrFrameObject *)self)->f_frame->globals;
    return g ? kr_newref(g) : kr_none();
}

static KrObject *frame_get_builtins(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *b = ((KrFrameObject *)self)->f_frame->builtins;
    return b ? kr_newref(b) : kr_none();
}

static KrObject *frame_get_locals(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *locals = krFrame_fast_to_locals(ts, ((KrFrameObject *)self)->f_frame);
    return locals ? kr_newref(locals) : NULL;
}

static KrObject *frame_get_lineno(KrThreadState *ts, KrObject *self, void *closure) {
    KrFrameObject *fo = (KrFrameObject *)self;
    int line = (fo->f_lineno != 0 && fo->f_trace != NULL) ? fo->f_lineno : krFrame_lineno(fo->f_frame);
    if (line < 0) return kr_none();
    return kr_smallint(line);
}

static int frame_set_lineno(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    if (value == NULL) {
        krErr_set_string(ts, &KrExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!krInt_check_exact(value)) {
        krErr_set_string(ts, &KrExc_ValueError, "lineno must be an integer");
        return -1;
    }
    // Jumps are a tracing feature; without a trace event in progress CPython
    // reports the state it is in then.
    krErr_set_string(ts, &KrExc_ValueError, "can't jump from the 'call' trace event of a new frame");
    return -1;
}

static KrObject *frame_get_lasti(KrThreadState *ts, KrObject *self, void *closure) {
    KrSsize lasti = krFrame_lasti(((KrFrameObject *)self)->f_frame);
    if (lasti < 0) return kr_smallint(-1);
    return kr_smallint((int64_t)lasti * 2);
}

static KrObject *frame_get_trace(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *t = ((KrFrameObject *)self)->f_trace;
    return t ? kr_newref(t) : kr_none();
}

static int frame_set_trace(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    KrFrameObject *fo = (KrFrameObject *)self;
    if (value == KR_NONE) value = NULL;
    kr_setref(&fo->f_trace, kr_xnewref(value));
    return 0;
}

static const KrGetSetDef frame_getset[] = {
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, frame_set_lineno, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const KrMemberDef frame_members[] = {
    {"f_trace_lines", KR_MEMBER_BOOL, offsetof(KrFrameObject, f_trace_lines), 0, NULL},
    {"f_trace_opcodes", KR_MEMBER_BOOL, offsetof(KrFrameObject, f_trace_opcodes), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// frame.clear(): drops the locals of a finished frame; a suspended
// generator's frame is cleared by closing the generator.
static KrObject *frame_clear_method(KrThreadState *ts, KrObject *self) {
    KrFrameObject *fo = (KrFrameObject *)self;
    KrFrame *f = fo->f_frame;
    if (f->owner == KR_FRAME_OWNED_BY_GENERATOR) {
        KrGenObject *gen = krGen_from_frame(f);
        if (gen->gi_frame_state == KR_GEN_RUNNING) {
            krErr_set_string(ts, &KrExc_RuntimeError, "cannot clear an executing frame");
            return NULL;
        }
        if (krGen_close(ts, (KrObject *)gen) < 0) return NULL;
        return kr_none();
    }
    if (!owns_frame(fo)) {
        krErr_set_string(ts, &KrExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    clear_owned_frame(f);
    KR_CLEAR(fo->f_trace);
    return kr_none();
}

static const KrMethodDef frame_methods[] = {
    {"clear", KR_CFUNC(frame_clear_method), KR_METH_NOARGS, "Clear all references held by the frame."},
    {NULL, NULL, 0, NULL},
};

static KrObject *frame_repr(KrThreadState *ts, KrObject *self) {
    KrFrameObject *fo = (KrFrameObject *)self;
    KrCodeObject *code = fo->f_frame->code;
    return krStr_from_format(ts, "<frame at %p, file %R, line %d, code %S>", (void *)self, code->co_filename,
                             krFrame_lineno(fo->f_frame), code->co_name);
}

KrTypeObject KrFrame_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "frame",
    .tp_basicsize = sizeof(KrFrameObject),
    .tp_itemsize = sizeof(KrObject *),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_dealloc = frame_dealloc,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_repr = frame_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = frame_methods,
    .tp_members = frame_members,
    .tp_getset = frame_getset,
};
