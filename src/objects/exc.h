/*
 * exc.h — the built-in exception hierarchy and traceback objects.
 *
 * Exception instances share one layout (KrBaseExceptionObject) extended by the
 * few classes with extra fields (SyntaxError, OSError, StopIteration,
 * SystemExit, ImportError, UnicodeError, KeyError's repr, ExceptionGroup).
 *
 * Owner of: exc.c (types, attributes, str/repr), traceback.c (traceback
 * objects and printing).
 */
#ifndef KR_EXC_H
#define KR_EXC_H

#include "objects/object.h"

struct KrFrame;

typedef struct KrBaseExceptionObject {
    KR_OBJECT_HEAD;
    KrObject *dict;                // strong or NULL
    KrObject *args;                // strong tuple
    KrObject *notes;               // strong list or NULL (__notes__)
    KrObject *traceback;           // strong traceback or NULL
    KrObject *context;             // strong or NULL
    KrObject *cause;               // strong or NULL
    bool suppress_context;
} KrBaseExceptionObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *value;               // StopIteration.value / SystemExit.code / ...
} KrStopIterationObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset, *print_file_and_line;
} KrSyntaxErrorObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *myerrno, *strerror, *filename, *filename2;
    KrObject *written;             // BlockingIOError characters_written or NULL
} KrOSErrorObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *msg, *name, *path;
} KrImportErrorObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *obj, *name;          // AttributeError / NameError
} KrAttributeErrorObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *encoding, *object, *reason;
    KrSsize start, end;
} KrUnicodeErrorObject;

typedef struct {
    KrBaseExceptionObject base;
    KrObject *msg, *excs;          // ExceptionGroup message and tuple of exceptions
} KrExceptionGroupObject;

typedef struct KrTracebackObject {
    KR_OBJECT_HEAD;
    struct KrTracebackObject *tb_next;  // strong or NULL
    KrObject *tb_frame;            // strong KrFrameObject
    int tb_lasti;                  // code unit index of the failing instruction
    int tb_lineno;
} KrTracebackObject;

// The hierarchy, as in CPython's documentation.
#define KR_FOR_EACH_EXCEPTION(X)                                                             \
    X(BaseException) X(BaseExceptionGroup) X(Exception) X(GeneratorExit) X(KeyboardInterrupt) \
    X(SystemExit) X(ArithmeticError) X(FloatingPointError) X(OverflowError)                  \
    X(ZeroDivisionError) X(AssertionError) X(AttributeError) X(BufferError) X(EOFError)       \
    X(ExceptionGroup) X(ImportError) X(ModuleNotFoundError) X(LookupError) X(IndexError)      \
    X(KeyError) X(MemoryError) X(NameError) X(UnboundLocalError) X(OSError)                  \
    X(BlockingIOError) X(ChildProcessError) X(ConnectionError) X(BrokenPipeError)             \
    X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)               \
    X(FileExistsError) X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError)          \
    X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)            \
    X(ReferenceError) X(RuntimeError) X(NotImplementedError) X(RecursionError)               \
    X(StopAsyncIteration) X(StopIteration) X(SyntaxError) X(IndentationError) X(TabError)     \
    X(SystemError) X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError)           \
    X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning) X(BytesWarning)                \
    X(DeprecationWarning) X(EncodingWarning) X(FutureWarning) X(ImportWarning)                \
    X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning) X(SyntaxWarning)        \
    X(UnicodeWarning) X(UserWarning)

#define KR_DECLARE_EXC(name) extern KrTypeObject KrExc_##name;
KR_FOR_EACH_EXCEPTION(KR_DECLARE_EXC)
#undef KR_DECLARE_EXC

extern KrTypeObject KrTraceback_Type;

static inline bool krExc_check(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_BASE_EXC_SUBCLASS) != 0;
}
// Is `o` an exception class?
static inline bool krExc_is_class(const KrObject *o) {
    return !kr_is_smallint(o) && (o->ob_type->tp_flags & KR_TPFLAGS_TYPE_SUBCLASS) &&
           (((const KrTypeObject *)o)->tp_flags & KR_TPFLAGS_BASE_EXC_SUBCLASS);
}

// Creates an instance of exception class `type` with `args` (a tuple).  New reference.
KrObject *krExc_new(KrThreadState *ts, KrTypeObject *type, KrObject *args);
// Accessors; results borrowed (may be NULL).
static inline KrObject *krExc_traceback(KrObject *e) { return ((KrBaseExceptionObject *)e)->traceback; }
static inline KrObject *krExc_context(KrObject *e) { return ((KrBaseExceptionObject *)e)->context; }
static inline KrObject *krExc_cause(KrObject *e) { return ((KrBaseExceptionObject *)e)->cause; }
static inline KrObject *krExc_args(KrObject *e) { return ((KrBaseExceptionObject *)e)->args; }
// Setters steal `v` (may be NULL).
void krExc_set_traceback(KrObject *e, KrObject *tb);
void krExc_set_context(KrObject *e, KrObject *ctx);
void krExc_set_cause(KrObject *e, KrObject *cause);
// StopIteration(value) / the value of a StopIteration (new reference, None default).
KrObject *krExc_stopiteration_value(KrThreadState *ts, KrObject *e);
// Raises StopIteration(value) (value may be NULL/None: bare StopIteration).
void krErr_set_stopiteration(KrThreadState *ts, KrObject *value);
// Raises AttributeError "'T' object has no attribute 'name'" with the
// exception's `obj` and `name` attributes set (used for suggestions).
void krErr_set_attribute_error(KrThreadState *ts, KrObject *obj, KrObject *name);
// Raises KeyError(key) (a tuple key is wrapped so the message is right).
void krErr_set_key_error(KrThreadState *ts, KrObject *key);

// Raises SyntaxError / IndentationError / TabError (`type`) with CPython's
// attributes: msg, filename, lineno, offset (1-based, in characters), text
// (the source line, may be NULL), end_lineno, end_offset (0 when unknown).
void krErr_set_syntax_error(KrThreadState *ts, KrTypeObject *type, const char *msg, KrObject *filename,
                            int lineno, int offset, const char *text, int end_lineno, int end_offset);

// except* support (excgroup.c).  Splits the raised `exc` by the handler's
// `match_type`: the matching part (a group; a naked exception is wrapped) and
// the rest, each a new reference or NULL when empty.  0 or -1.
int krExcGroup_match_star(KrThreadState *ts, KrObject *exc, KrObject *match_type, KrObject **match, KrObject **rest);
// Combines what the except* handlers raised or re-raised (`excs`, a list with
// None for handlers that finished) into the exception to propagate, keeping
// the original group's structure for re-raised parts.  New reference (None
// when nothing is to be raised).
KrObject *krExcGroup_prep_reraise_star(KrThreadState *ts, KrObject *orig, KrObject *excs);
// Gives ExceptionGroup its two bases (start-up).  0 or -1.
int krExcGroup_init_types(KrThreadState *ts);

// Adds a traceback entry for frame `f` at code unit `lasti` to exception `exc`.
// 0 or -1.
int krTraceback_add(KrThreadState *ts, KrObject *exc, struct KrFrame *f, KrSsize lasti);
// Prints `exc` with its chain and tracebacks in CPython's layout to `file` (a
// file-like object with write, or NULL for sys.stderr).  0 or -1.
int krTraceback_print_exception(KrThreadState *ts, KrObject *exc, KrObject *file);

#endif
