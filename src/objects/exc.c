/*
 * exc.c — the built-in exception types: BaseException's attributes and
 * methods, the classes with extra fields (StopIteration, SystemExit,
 * ImportError, OSError and its errno subclasses, SyntaxError, AttributeError,
 * NameError, KeyError's str, the Unicode errors), and the static hierarchy.
 * Exception groups are excgroup.c.
 */
#include <errno.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define BASE(o) ((KrBaseExceptionObject *)(o))

// ---------------------------------------------------------------------------
// BaseException

static KrObject *base_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    KrObject *self = krObj_alloc(ts, type, 0);
    if (!self) return NULL;
    BASE(self)->args = krTuple_from_array(ts, args, nargs);
    if (!BASE(self)->args) {
        kr_decref(self);
        return NULL;
    }
    krGC_track(self);
    return self;
}

static int base_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (kwnames && KR_TUPLE_SIZE(kwnames) > 0) {
        krErr_format(ts, &KrExc_TypeError, "%s() takes no keyword arguments", krType_name(KR_TYPE(self)));
        return -1;
    }
    KrObject *t = krTuple_from_array(ts, args, nargs);
    if (!t) return -1;
    kr_setref(&BASE(self)->args, t);
    return 0;
}

static int base_clear(KrObject *self) {
    KrBaseExceptionObject *e = BASE(self);
    KR_CLEAR(e->dict);
    KR_CLEAR(e->args);
    KR_CLEAR(e->notes);
    KR_CLEAR(e->traceback);
    KR_CLEAR(e->context);
    KR_CLEAR(e->cause);
    return 0;
}

static void base_dealloc(KrObject *self) {
    krGC_untrack(self);
    base_clear(self);
    krObj_free(self);
}

static int base_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrBaseExceptionObject *e = BASE(self);
    KR_VISIT(e->dict);
    KR_VISIT(e->args);
    KR_VISIT(e->notes);
    KR_VISIT(e->traceback);
    KR_VISIT(e->context);
    KR_VISIT(e->cause);
    return 0;
}

static KrObject *base_str(KrThreadState *ts, KrObject *self) {
    KrObject *args = BASE(self)->args;
    switch (args ? KR_TUPLE_SIZE(args) : 0) {
    case 0: return kr_newref(krStr_empty());
    case 1: return krObj_str(ts, KR_TUPLE_GET(args, 0));
    default: return krObj_str(ts, args);
    }
}

static KrObject *base_repr(KrThreadState *ts, KrObject *self) {
    KrObject *args = BASE(self)->args;
    const char *name = krType_name(KR_TYPE(self));
    if (args && KR_TUPLE_SIZE(args) == 1) return krStr_from_format(ts, "%s(%R)", name, KR_TUPLE_GET(args, 0));
    if (!args || KR_TUPLE_SIZE(args) == 0) return krStr_from_format(ts, "%s()", name);
    return krStr_from_format(ts, "%s%R", name, args);
}

static KrObject *get_args(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *a = BASE(self)->args;
    return a ? kr_newref(a) : krTuple_new(ts, 0);
}

static int set_args(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "args may not be deleted");
        return -1;
    }
    KrObject *t = krSeq_tuple(ts, value);
    if (!t) return -1;
    kr_setref(&BASE(self)->args, t);
    return 0;
}

static KrObject *get_traceback(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *tb = BASE(self)->traceback;
    return kr_newref(tb ? tb : KR_NONE);
}

static int set_traceback(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value != KR_NONE && KR_TYPE(value) != &KrTraceback_Type) {
        krErr_set_string(ts, &KrExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    kr_setref(&BASE(self)->traceback, value == KR_NONE ? NULL : kr_newref(value));
    return 0;
}

static KrObject *get_context(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *v = BASE(self)->context;
    return kr_newref(v ? v : KR_NONE);
}

static int set_context(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != KR_NONE && !krExc_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    kr_setref(&BASE(self)->context, value == KR_NONE ? NULL : kr_newref(value));
    return 0;
}

static KrObject *get_cause(KrThreadState *ts, KrObject *self, void *c) {
    KrObject *v = BASE(self)->cause;
    return kr_newref(v ? v : KR_NONE);
}

static int set_cause(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value) {
        krErr_set_string(ts, &KrExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != KR_NONE && !krExc_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    kr_setref(&BASE(self)->cause, value == KR_NONE ? NULL : kr_newref(value));
    BASE(self)->suppress_context = true;
    return 0;
}

static KrObject *get_dict(KrThreadState *ts, KrObject *self, void *c) {
    KrBaseExceptionObject *e = BASE(self);
    if (!e->dict && !(e->dict = krDict_new(ts))) return NULL;
    return kr_newref(e->dict);
}

static int set_dict(KrThreadState *ts, KrObject *self, KrObject *value, void *c) {
    if (!value || !krDict_check(value)) {
        krErr_set_string(ts, &KrExc_TypeError, "__dict__ must be a dictionary");
        return -1;
    }
    kr_setref(&BASE(self)->dict, kr_newref(value));
    return 0;
}

static const KrGetSetDef base_getset[] = {
    {"__dict__", get_dict, set_dict, NULL, NULL},
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {NULL},
};

static const KrMemberDef base_members[] = {
    {"__suppress_context__", KR_MEMBER_BOOL, offsetof(KrBaseExceptionObject, suppress_context), 0, NULL},
    {NULL},
};

static KrObject *base_with_traceback(KrThreadState *ts, KrObject *self, KrObject *tb) {
    if (set_traceback(ts, self, tb, NULL) < 0) return NULL;
    return kr_newref(self);
}

static KrObject *base_add_note(KrThreadState *ts, KrObject *self, KrObject *note) {
    if (!krStr_check(note))
        return krErr_format(ts, &KrExc_TypeError, "note must be a str, not '%s'", krType_name(KR_TYPE(note)));
    KrObject *key = krStr_intern_cstr(ts, "__notes__");
    KrObject *notes;
    int r = krObj_lookup_attr(ts, self, key, &notes);
    if (r < 0) return NULL;
    if (r == 0) {
        if (!(notes = krList_new(ts, 0))) return NULL;
        if (krObj_setattr(ts, self, key, notes) < 0) {
            kr_decref(notes);
            return NULL;
        }
    } else if (!krList_check(notes)) {
        kr_decref(notes);
        return krErr_format(ts, &KrExc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    r = krList_append(ts, notes, note);
    kr_decref(notes);
    return r < 0 ? NULL : kr_newref(KR_NONE);
}

static KrObject *base_reduce(KrThreadState *ts, KrObject *self) {
    KrBaseExceptionObject *e = BASE(self);
    KrObject *args = e->args ? e->args : krTuple_empty();
    if (e->dict && krDict_size(e->dict)) return krTuple_pack(ts, 3, (KrObject *)KR_TYPE(self), args, e->dict);
    return krTuple_pack(ts, 2, (KrObject *)KR_TYPE(self), args);
}

static KrObject *base_setstate(KrThreadState *ts, KrObject *self, KrObject *state) {
    if (state == KR_NONE) return kr_newref(KR_NONE);
    if (!krDict_check(state)) return krErr_format(ts, &KrExc_TypeError, "state is not a dictionary");
    KrSsize pos = 0;
    KrObject *k, *v;
    while (krDict_next(state, &pos, &k, &v))
        if (krObj_setattr(ts, self, k, v) < 0) return NULL;
    return kr_newref(KR_NONE);
}

static const KrMethodDef base_methods[] = {
    {"__reduce__", KR_CFUNC(base_reduce), KR_METH_NOARGS, NULL},
    {"__setstate__", KR_CFUNC(base_setstate), KR_METH_O, NULL},
    {"with_traceback", KR_CFUNC(base_with_traceback), KR_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", KR_CFUNC(base_add_note), KR_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL},
};

// ---------------------------------------------------------------------------
// Subclasses with their own fields.  Each has an init that parses the
// arguments into the fields, plus members for Python access.

#define EXC_TYPE(NAME, BASENAME, SIZE, DOC, ...)                                       \
    KrTypeObject KrExc_##NAME = {                                                     \
        KR_STATIC_HEAD(&KrType_Type),                                                 \
        .tp_name = #NAME,                                                             \
        .tp_basicsize = SIZE,                                                         \
        .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS, \
        .tp_doc = DOC,                                                                \
        .tp_base = BASENAME,                                                          \
        __VA_ARGS__};

// A class without fields of its own: its layout, size and slots come from its
// base (krType_ready inherits a zero basicsize).
#define SIMPLE(NAME, BASENAME, DOC) EXC_TYPE(NAME, &KrExc_##BASENAME, 0, DOC)

KrTypeObject KrExc_BaseException = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(KrBaseExceptionObject),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "Common base class for all exceptions",
    .tp_new = base_new,
    .tp_init = base_init,
    .tp_dealloc = base_dealloc,
    .tp_traverse = base_traverse,
    .tp_clear = base_clear,
    .tp_str = base_str,
    .tp_repr = base_repr,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_methods = base_methods,
    .tp_members = base_members,
    .tp_getset = base_getset,
    .tp_dictoffset = offsetof(KrBaseExceptionObject, dict),
};

SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE(TypeError, Exception, "Inappropriate argument type.")
SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE(FloatingPointError, ArithmeticError, "Floating point operation failed.")
SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero.")
SIMPLE(AssertionError, Exception, "Assertion failed.")
SIMPLE(BufferError, Exception, "Buffer error.")
SIMPLE(EOFError, Exception, "Read beyond end of file.")
SIMPLE(LookupError, Exception, "Base class for lookup errors.")
SIMPLE(IndexError, LookupError, "Sequence index out of range.")
SIMPLE(MemoryError, Exception, "Out of memory.")
SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE(SystemError, Exception,
       "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the "
       "traceback,\nthe Python version, and the hardware/OS platform and version.")
SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE(UnicodeError, ValueError, "Unicode related error.")
SIMPLE(Warning, Exception, "Base class for warning categories.")
SIMPLE(BytesWarning, Warning, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.")
SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE(FutureWarning, Warning, "Base class for warnings about constructs that will change semantically\nin the future.")
SIMPLE(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports")
SIMPLE(PendingDeprecationWarning, Warning, "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE(UnicodeWarning, Warning, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.")
SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")

// --- KeyError: str() is the repr of a single key.

static KrObject *keyerror_str(KrThreadState *ts, KrObject *self) {
    KrObject *args = BASE(self)->args;
    if (args && KR_TUPLE_SIZE(args) == 1) return krObj_repr(ts, KR_TUPLE_GET(args, 0));
    return base_str(ts, self);
}
EXC_TYPE(KeyError, &KrExc_LookupError, sizeof(KrBaseExceptionObject), "Mapping key not found.",
         .tp_str = keyerror_str)

// --- StopIteration / SystemExit: a `value` / `code` derived from the args.

static int value_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames) {
    if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
    KrObject *v;
    if (KR_TYPE(self) == &KrExc_SystemExit || krType_is_subtype(KR_TYPE(self), &KrExc_SystemExit))
        v = nargs == 0 ? kr_newref(KR_NONE) : nargs == 1 ? kr_newref(args[0]) : kr_newref(BASE(self)->args);
    else
        v = kr_newref(nargs > 0 ? args[0] : KR_NONE);
    kr_setref(&((KrStopIterationObject *)self)->value, v);
    return 0;
}

static KrObject *value_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                           KrObject *kwnames) {
    KrObject *self = base_new(ts, type, args, nargs, kwnames);
    if (self) ((KrStopIterationObject *)self)->value = kr_newref(KR_NONE);
    return self;
}

static int value_clear(KrObject *self) {
    KR_CLEAR(((KrStopIterationObject *)self)->value);
    return base_clear(self);
}
static void value_dealloc(KrObject *self) {
    krGC_untrack(self);
    value_clear(self);
    krObj_free(self);
}
static int value_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrStopIterationObject *)self)->value);
    return base_traverse(self, visit, arg);
}

static const KrMemberDef stopiteration_members[] = {
    {"value", KR_MEMBER_OBJECT, offsetof(KrStopIterationObject, value), 0, "generator return value"},
    {NULL},
};
static const KrMemberDef systemexit_members[] = {
    {"code", KR_MEMBER_OBJECT, offsetof(KrStopIterationObject, value), 0, "exception code"},
    {NULL},
};

EXC_TYPE(StopIteration, &KrExc_Exception, sizeof(KrStopIterationObject), "Signal the end from iterator.__next__().",
         .tp_new = value_new, .tp_init = value_init, .tp_dealloc = value_dealloc, .tp_traverse = value_traverse,
         .tp_clear = value_clear, .tp_members = stopiteration_members)
EXC_TYPE(SystemExit, &KrExc_BaseException, sizeof(KrStopIterationObject), "Request to exit from the interpreter.",
         .tp_new = value_new, .tp_init = value_init, .tp_dealloc = value_dealloc, .tp_traverse = value_traverse,
         .tp_clear = value_clear, .tp_members = systemexit_members)

// --- ImportError(msg, *, name=None, path=None)

static int importerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    KrImportErrorObject *e = (KrImportErrorObject *)self;
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrObject *name = NULL, *path = NULL;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i);
        if (krStr_eq_cstr(k, "name")) name = args[nargs + i];
        else if (krStr_eq_cstr(k, "path")) path = args[nargs + i];
        else {
            krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                         krType_name(KR_TYPE(self)));
            return -1;
        }
    }
    if (base_init(ts, self, args, nargs, NULL) < 0) return -1;
    kr_setref(&e->name, kr_xnewref(name));
    kr_setref(&e->path, kr_xnewref(path));
    kr_setref(&e->msg, nargs == 1 ? kr_newref(args[0]) : NULL);
    return 0;
}

static int importerror_clear(KrObject *self) {
    KrImportErrorObject *e = (KrImportErrorObject *)self;
    KR_CLEAR(e->msg);
    KR_CLEAR(e->name);
    KR_CLEAR(e->path);
    return base_clear(self);
}
static void importerror_dealloc(KrObject *self) {
    krGC_untrack(self);
    importerror_clear(self);
    krObj_free(self);
}
static int importerror_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrImportErrorObject *e = (KrImportErrorObject *)self;
    KR_VISIT(e->msg);
    KR_VISIT(e->name);
    KR_VISIT(e->path);
    return base_traverse(self, visit, arg);
}
static KrObject *importerror_str(KrThreadState *ts, KrObject *self) {
    KrImportErrorObject *e = (KrImportErrorObject *)self;
    if (e->msg && krStr_check(e->msg)) return kr_newref(e->msg);
    return base_str(ts, self);
}
static const KrMemberDef importerror_members[] = {
    {"msg", KR_MEMBER_OBJECT, offsetof(KrImportErrorObject, msg), 0, "exception message"},
    {"name", KR_MEMBER_OBJECT, offsetof(KrImportErrorObject, name), 0, "module name"},
    {"path", KR_MEMBER_OBJECT, offsetof(KrImportErrorObject, path), 0, "module path"},
    {NULL},
};
EXC_TYPE(ImportError, &KrExc_Exception, sizeof(KrImportErrorObject),
         "Import can't find module, or can't find name in module.", .tp_init = importerror_init,
         .tp_dealloc = importerror_dealloc, .tp_traverse = importerror_traverse, .tp_clear = importerror_clear,
         .tp_str = importerror_str, .tp_members = importerror_members)
SIMPLE(ModuleNotFoundError, ImportError, "Module not found.")

// --- AttributeError(*args, name=None, obj=None) and NameError(*args, name=None)

static int attrerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    KrAttributeErrorObject *e = (KrAttributeErrorObject *)self;
    bool is_attr = krType_is_subtype(KR_TYPE(self), &KrExc_AttributeError);
    KrSsize nkw = kwnames ? KR_TUPLE_SIZE(kwnames) : 0;
    KrObject *name = NULL, *obj = NULL;
    for (KrSsize i = 0; i < nkw; i++) {
        KrObject *k = KR_TUPLE_GET(kwnames, i);
        if (krStr_eq_cstr(k, "name")) name = args[nargs + i];
        else if (is_attr && krStr_eq_cstr(k, "obj")) obj = args[nargs + i];
        else {
            krErr_format(ts, &KrExc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                         krType_name(KR_TYPE(self)));
            return -1;
        }
    }
    if (base_init(ts, self, args, nargs, NULL) < 0) return -1;
    kr_setref(&e->name, kr_xnewref(name));
    kr_setref(&e->obj, kr_xnewref(obj));
    return 0;
}
static int attrerror_clear(KrObject *self) {
    KrAttributeErrorObject *e = (KrAttributeErrorObject *)self;
    KR_CLEAR(e->name);
    KR_CLEAR(e->obj);
    return base_clear(self);
}
static void attrerror_dealloc(KrObject *self) {
    krGC_untrack(self);
    attrerror_clear(self);
    krObj_free(self);
}
static int attrerror_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrAttributeErrorObject *e = (KrAttributeErrorObject *)self;
    KR_VISIT(e->name);
    KR_VISIT(e->obj);
    return base_traverse(self, visit, arg);
}
static const KrMemberDef attrerror_members[] = {
    {"name", KR_MEMBER_OBJECT, offsetof(KrAttributeErrorObject, name), 0, "attribute name"},
    {"obj", KR_MEMBER_OBJECT, offsetof(KrAttributeErrorObject, obj), 0, "object"},
    {NULL},
};
static const KrMemberDef nameerror_members[] = {
    {"name", KR_MEMBER_OBJECT, offsetof(KrAttributeErrorObject, name), 0, "name"},
    {NULL},
};
EXC_TYPE(AttributeError, &KrExc_Exception, sizeof(KrAttributeErrorObject), "Attribute not found.",
         .tp_init = attrerror_init, .tp_dealloc = attrerror_dealloc, .tp_traverse = attrerror_traverse,
         .tp_clear = attrerror_clear, .tp_members = attrerror_members)
EXC_TYPE(NameError, &KrExc_Exception, sizeof(KrAttributeErrorObject), "Name not found globally.",
         .tp_init = attrerror_init, .tp_dealloc = attrerror_dealloc, .tp_traverse = attrerror_traverse,
         .tp_clear = attrerror_clear, .tp_members = nameerror_members)
SIMPLE(UnboundLocalError, NameError, "Local name referenced but not bound to a value.")

// --- SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))

#define SYNTAX_FIELDS(X) X(msg) X(filename) X(lineno) X(offset) X(text) X(end_lineno) X(end_offset) X(print_file_and_line)

static int syntaxerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                            KrObject *kwnames) {
    KrSyntaxErrorObject *e = (KrSyntaxErrorObject *)self;
    if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
    if (nargs >= 1) kr_setref(&e->msg, kr_newref(args[0]));
    if (nargs == 2) {
        KrObject *info = krSeq_tuple(ts, args[1]);
        if (!info) return -1;
        KrSsize n = KR_TUPLE_SIZE(info);
        if (n < 4 || n > 6) {
            kr_decref(info);
            krErr_set_string(ts, &KrExc_IndexError, "tuple index out of range");
            return -1;
        }
        KrObject **fields[6] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno, &e->end_offset};
        for (KrSsize i = 0; i < n; i++) kr_setref(fields[i], kr_newref(KR_TUPLE_GET(info, i)));
        kr_decref(info);
    }
    return 0;
}

static int syntaxerror_clear(KrObject *self) {
    KrSyntaxErrorObject *e = (KrSyntaxErrorObject *)self;
#define CLEAR_FIELD(f) KR_CLEAR(e->f);
    SYNTAX_FIELDS(CLEAR_FIELD)
#undef CLEAR_FIELD
    return base_clear(self);
}
static void syntaxerror_dealloc(KrObject *self) {
    krGC_untrack(self);
    syntaxerror_clear(self);
    krObj_free(self);
}
static int syntaxerror_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrSyntaxErrorObject *e = (KrSyntaxErrorObject *)self;
#define VISIT_FIELD(f) KR_VISIT(e->f);
    SYNTAX_FIELDS(VISIT_FIELD)
#undef VISIT_FIELD
    return base_traverse(self, visit, arg);
}

static KrObject *syntaxerror_str(KrThreadState *ts, KrObject *self) {
    KrSyntaxErrorObject *e = (KrSyntaxErrorObject *)self;
    KrObject *msg = e->msg ? e->msg : KR_NONE;
    const char *fname = NULL;
    if (e->filename && krStr_check(e->filename)) {
        const char *f = krStr_utf8(e->filename);
        const char *slash = strrchr(f, '/');
        fname = slash ? slash + 1 : f;
    }
    bool have_line = e->lineno && krInt_check(e->lineno);
    if (fname && have_line) return krStr_from_format(ts, "%S (%s, line %S)", msg, fname, e->lineno);
    if (fname) return krStr_from_format(ts, "%S (%s)", msg, fname);
    if (have_line) return krStr_from_format(ts, "%S (line %S)", msg, e->lineno);
    return krObj_str(ts, msg);
}

static const KrMemberDef syntaxerror_members[] = {
#define MEMBER(f) {#f, KR_MEMBER_OBJECT, offsetof(KrSyntaxErrorObject, f), 0, NULL},
    SYNTAX_FIELDS(MEMBER)
#undef MEMBER
    {NULL},
};

EXC_TYPE(SyntaxError, &KrExc_Exception, sizeof(KrSyntaxErrorObject), "Invalid syntax.", .tp_init = syntaxerror_init,
         .tp_dealloc = syntaxerror_dealloc, .tp_traverse = syntaxerror_traverse, .tp_clear = syntaxerror_clear,
         .tp_str = syntaxerror_str, .tp_members = syntaxerror_members)
SIMPLE(IndentationError, SyntaxError, "Improper indentation.")
SIMPLE(TabError, IndentationError, "Improper mixture of spaces and tabs.")

void krErr_set_syntax_error(KrThreadState *ts, KrTypeObject *type, const char *msg, KrObject *filename, int lineno,
                            int offset, const char *text, int end_lineno, int end_offset) {
    KrObject *m = krStr_from_cstr(ts, msg);
    KrObject *t = text ? krStr_decode_utf8(ts, text, (KrSsize)strlen(text), "replace") : kr_newref(KR_NONE);
    if (!m || !t) {
        kr_xdecref(m);
        kr_xdecref(t);
        return;
    }
    KrObject *info = krTuple_pack(ts, 6, filename ? filename : KR_NONE, kr_smallint(lineno), kr_smallint(offset), t,
                                  kr_smallint(end_lineno), kr_smallint(end_offset));
    kr_decref(t);
    if (!info) {
        kr_decref(m);
        return;
    }
    KrObject *args[2] = {m, info};
    KrObject *exc = krObj_vectorcall(ts, (KrObject *)type, args, 2, NULL);
    kr_decref(m);
    kr_decref(info);
    if (exc) krErr_restore(ts, exc);
}

// --- OSError(errno, strerror[, filename[, winerror[, filename2]]])

static KrTypeObject *errno_subclass(int err) {
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &KrExc_BlockingIOError;
    case ECHILD: return &KrExc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &KrExc_BrokenPipeError;
    case ECONNABORTED: return &KrExc_ConnectionAbortedError;
    case ECONNREFUSED: return &KrExc_ConnectionRefusedError;
    case ECONNRESET: return &KrExc_ConnectionResetError;
    case EEXIST: return &KrExc_FileExistsError;
    case ENOENT: return &KrExc_FileNotFoundError;
    case EISDIR: return &KrExc_IsADirectoryError;
    case ENOTDIR: return &KrExc_NotADirectoryError;
    case EINTR: return &KrExc_InterruptedError;
    case EACCES: case EPERM: return &KrExc_PermissionError;
    case ESRCH: return &KrExc_ProcessLookupError;
    case ETIMEDOUT: return &KrExc_TimeoutError;
    default: return NULL;
    }
}

static KrObject *oserror_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    // OSError(errno, ...) picks the subclass for errno, when called on OSError itself.
    if (type == &KrExc_OSError && nargs >= 2 && kr_is_smallint(args[0])) {
        KrTypeObject *sub = errno_subclass((int)kr_smallint_value(args[0]));
        if (sub) type = sub;
    }
    return base_new(ts, type, args, nargs, kwnames);
}

static int oserror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                        KrObject *kwnames) {
    KrOSErrorObject *e = (KrOSErrorObject *)self;
    if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
    if (nargs >= 2 && nargs <= 5) {
        kr_setref(&e->myerrno, kr_newref(args[0]));
        kr_setref(&e->strerror, kr_newref(args[1]));
        if (nargs >= 3) kr_setref(&e->filename, kr_newref(args[2]));
        if (nargs == 5) kr_setref(&e->filename2, kr_newref(args[4]));
        if (nargs >= 3) {
            // args keeps only (errno, strerror), as CPython does.
            KrObject *t = krTuple_pack(ts, 2, args[0], args[1]);
            if (!t) return -1;
            kr_setref(&e->base.args, t);
        }
    }
    return 0;
}

static int oserror_clear(KrObject *self) {
    KrOSErrorObject *e = (KrOSErrorObject *)self;
    KR_CLEAR(e->myerrno);
    KR_CLEAR(e->strerror);
    KR_CLEAR(e->filename);
    KR_CLEAR(e->filename2);
    KR_CLEAR(e->written);
    return base_clear(self);
}
static void oserror_dealloc(KrObject *self) {
    krGC_untrack(self);
    oserror_clear(self);
    krObj_free(self);
}
static int oserror_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrOSErrorObject *e = (KrOSErrorObject *)self;
    KR_VISIT(e->myerrno);
    KR_VISIT(e->strerror);
    KR_VISIT(e->filename);
    KR_VISIT(e->filename2);
    KR_VISIT(e->written);
    return base_traverse(self, visit, arg);
}

static KrObject *oserror_str(KrThreadState *ts, KrObject *self) {
    KrOSErrorObject *e = (KrOSErrorObject *)self;
    if (e->filename && e->filename2)
        return krStr_from_format(ts, "[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename, e->filename2);
    if (e->filename) return krStr_from_format(ts, "[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    if (e->myerrno && e->strerror) return krStr_from_format(ts, "[Errno %S] %S", e->myerrno, e->strerror);
    return base_str(ts, self);
}

static const KrMemberDef oserror_members[] = {
    {"errno", KR_MEMBER_OBJECT, offsetof(KrOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", KR_MEMBER_OBJECT, offsetof(KrOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", KR_MEMBER_OBJECT, offsetof(KrOSErrorObject, filename), 0, "exception filename"},
    {"filename2", KR_MEMBER_OBJECT, offsetof(KrOSErrorObject, filename2), 0, "second exception filename"},
    {"characters_written", KR_MEMBER_OBJECT_EX, offsetof(KrOSErrorObject, written), 0, NULL},
    {NULL},
};

EXC_TYPE(OSError, &KrExc_Exception, sizeof(KrOSErrorObject), "Base class for I/O related errors.",
         .tp_new = oserror_new, .tp_init = oserror_init, .tp_dealloc = oserror_dealloc,
         .tp_traverse = oserror_traverse, .tp_clear = oserror_clear, .tp_str = oserror_str,
         .tp_members = oserror_members)
SIMPLE(BlockingIOError, OSError, "I/O operation would block.")
SIMPLE(ChildProcessError, OSError, "Child process error.")
SIMPLE(ConnectionError, OSError, "Connection error.")
SIMPLE(BrokenPipeError, ConnectionError, "Broken pipe.")
SIMPLE(ConnectionAbortedError, ConnectionError, "Connection aborted.")
SIMPLE(ConnectionRefusedError, ConnectionError, "Connection refused.")
SIMPLE(ConnectionResetError, ConnectionError, "Connection reset.")
SIMPLE(FileExistsError, OSError, "File already exists.")
SIMPLE(FileNotFoundError, OSError, "File not found.")
SIMPLE(InterruptedError, OSError, "Interrupted by signal.")
SIMPLE(IsADirectoryError, OSError, "Operation doesn't work on directories.")
SIMPLE(NotADirectoryError, OSError, "Operation only works on directories.")
SIMPLE(PermissionError, OSError, "Not enough permissions.")
SIMPLE(ProcessLookupError, OSError, "Process not found.")
SIMPLE(TimeoutError, OSError, "Timeout expired.")

// --- UnicodeDecodeError(encoding, object, start, end, reason) and friends

static int unicodeerror_init(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs,
                             KrObject *kwnames) {
    KrUnicodeErrorObject *e = (KrUnicodeErrorObject *)self;
    if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
    bool translate = krType_is_subtype(KR_TYPE(self), &KrExc_UnicodeTranslateError);
    KrSsize want = translate ? 4 : 5;
    if (nargs != want) {
        krErr_format(ts, &KrExc_TypeError, "function takes exactly %zd arguments (%zd given)", want, nargs);
        return -1;
    }
    KrSsize i = 0;
    if (!translate) {
        if (!krStr_check(args[0])) {
            krErr_format(ts, &KrExc_TypeError, "argument 1 must be str, not %T", args[0]);
            return -1;
        }
        kr_setref(&e->encoding, kr_newref(args[i++]));
    }
    kr_setref(&e->object, kr_newref(args[i++]));
    KrSsize start = krNum_as_ssize(ts, args[i++], NULL);
    KrSsize end = krNum_as_ssize(ts, args[i++], NULL);
    if (krErr_occurred(ts)) return -1;
    e->start = start;
    e->end = end;
    kr_setref(&e->reason, kr_newref(args[i]));
    return 0;
}

static int unicodeerror_clear(KrObject *self) {
    KrUnicodeErrorObject *e = (KrUnicodeErrorObject *)self;
    KR_CLEAR(e->encoding);
    KR_CLEAR(e->object);
    KR_CLEAR(e->reason);
    return base_clear(self);
}
static void unicodeerror_dealloc(KrObject *self) {
    krGC_untrack(self);
    unicodeerror_clear(self);
    krObj_free(self);
}
static int unicodeerror_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KrUnicodeErrorObject *e = (KrUnicodeErrorObject *)self;
    KR_VISIT(e->encoding);
    KR_VISIT(e->object);
    KR_VISIT(e->reason);
    return base_traverse(self, visit, arg);
}

// "'\xe9'" / "'\u20ac'" / "'\U0001f600'" as CPython prints the bad character.
static KrObject *char_repr(KrThreadState *ts, uint32_t cp) {
    if (cp < 0x100) return krStr_from_format(ts, "'\\x%02x'", (unsigned)cp);
    if (cp < 0x10000) return krStr_from_format(ts, "'\\u%04x'", (unsigned)cp);
    return krStr_from_format(ts, "'\\U%08x'", (unsigned)cp);
}

static KrObject *unicodeerror_str(KrThreadState *ts, KrObject *self) {
    KrUnicodeErrorObject *e = (KrUnicodeErrorObject *)self;
    if (!e->object || !e->reason) return base_str(ts, self);
    KrTypeObject *t = KR_TYPE(self);
    bool decode = krType_is_subtype(t, &KrExc_UnicodeDecodeError);
    bool translate = krType_is_subtype(t, &KrExc_UnicodeTranslateError);
    const char *bdata = NULL;
    KrSsize len = 0;
    if (decode) {
        if (krBytes_as_buffer(ts, e->object, &bdata, &len) < 0) {
            krErr_clear(ts);
            len = 0;
        }
    } else if (krStr_check(e->object)) {
        len = krStr_len(e->object);
    }
    if (e->start < len && e->end == e->start + 1) {
        if (decode) {
            unsigned byte = (unsigned char)bdata[e->start];
            return krStr_from_format(ts, "'%U' codec can't decode byte 0x%02x in position %zd: %U", e->encoding,
                                     byte, e->start, e->reason);
        }
        int32_t cp = krStr_char_at(ts, e->object, e->start);
        if (cp < 0) return NULL;
        KrObject *ch = char_repr(ts, (uint32_t)cp);
        if (!ch) return NULL;
        KrObject *r = translate ? krStr_from_format(ts, "can't translate character %U in position %zd: %U", ch,
                                                    e->start, e->reason)
                                : krStr_from_format(ts, "'%U' codec can't encode character %U in position %zd: %U",
                                                    e->encoding, ch, e->start, e->reason);
        kr_decref(ch);
        return r;
    }
    if (decode)
        return krStr_from_format(ts, "'%U' codec can't decode bytes in position %zd-%zd: %U", e->encoding, e->start,
                                 e->end - 1, e->reason);
    if (translate)
        return krStr_from_format(ts, "can't translate characters in position %zd-%zd: %U", e->start, e->end - 1,
                                 e->reason);
    return krStr_from_format(ts, "'%U' codec can't encode characters in position %zd-%zd: %U", e->encoding, e->start,
                             e->end - 1, e->reason);
}

static const KrMemberDef unicodeerror_members[] = {
    {"encoding", KR_MEMBER_OBJECT, offsetof(KrUnicodeErrorObject, encoding), 0, NULL},
    {"object", KR_MEMBER_OBJECT, offsetof(KrUnicodeErrorObject, object), 0, NULL},
    {"start", KR_MEMBER_SSIZE, offsetof(KrUnicodeErrorObject, start), 0, NULL},
    {"end", KR_MEMBER_SSIZE, offsetof(KrUnicodeErrorObject, end), 0, NULL},
    {"reason", KR_MEMBER_OBJECT, offsetof(KrUnicodeErrorObject, reason), 0, NULL},
    {NULL},
};

#define UNICODE_EXC(NAME, DOC)                                                                             \
    EXC_TYPE(NAME, &KrExc_UnicodeError, sizeof(KrUnicodeErrorObject), DOC, .tp_init = unicodeerror_init,  \
             .tp_dealloc = unicodeerror_dealloc, .tp_traverse = unicodeerror_traverse,                    \
             .tp_clear = unicodeerror_clear, .tp_str = unicodeerror_str, .tp_members = unicodeerror_members)
UNICODE_EXC(UnicodeDecodeError, "Unicode decoding error.")
UNICODE_EXC(UnicodeEncodeError, "Unicode encoding error.")
UNICODE_EXC(UnicodeTranslateError, "Unicode translation error.")

// ---------------------------------------------------------------------------
// Helpers for C code

KrObject *krExc_new(KrThreadState *ts, KrTypeObject *type, KrObject *args) {
    return krObj_vectorcall(ts, (KrObject *)type, KR_TUPLE_ITEMS(args), (size_t)KR_TUPLE_SIZE(args), NULL);
}

void krExc_set_traceback(KrObject *e, KrObject *tb) { kr_setref(&BASE(e)->traceback, tb); }
void krExc_set_context(KrObject *e, KrObject *ctx) { kr_setref(&BASE(e)->context, ctx); }
void krExc_set_cause(KrObject *e, KrObject *cause) { kr_setref(&BASE(e)->cause, cause); }

KrObject *krExc_stopiteration_value(KrThreadState *ts, KrObject *e) {
    if (kr_type_check(e, &KrExc_StopIteration)) {
        KrObject *v = ((KrStopIterationObject *)e)->value;
        return kr_newref(v ? v : KR_NONE);
    }
    return kr_newref(KR_NONE);
}

void krErr_set_stopiteration(KrThreadState *ts, KrObject *value) {
    // A tuple value must be wrapped, or it would be taken as the argument list.
    KrObject *exc = value && value != KR_NONE ? krObj_call1(ts, (KrObject *)&KrExc_StopIteration, value)
                                              : krObj_call0(ts, (KrObject *)&KrExc_StopIteration);
    if (exc) krErr_restore(ts, exc);
}

void krErr_set_key_error(KrThreadState *ts, KrObject *key) {
    KrObject *exc = krObj_call1(ts, (KrObject *)&KrExc_KeyError, key);
    if (exc) krErr_set_exc(ts, exc);
}
