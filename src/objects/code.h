/*
 * code.h — code objects: the compiled form of a module, class body, function,
 * lambda or comprehension.
 *
 * Fast slots ("localsplus"): the frame reserves co_nlocalsplus slots before the
 * value stack.  Slot i has name co_localsplusnames[i] and kind
 * co_localspluskinds[i] (KR_FAST_* bits):
 *   - LOCAL slots come first: the arguments in order (positional, then
 *     keyword-only, then *args, then **kwargs), then the other locals;
 *   - then CELL slots for cell variables that are not arguments (an argument
 *     that is also a cell keeps its LOCAL slot, marked LOCAL|CELL, and is turned
 *     into a cell by MAKE_CELL at the start of the body);
 *   - then FREE slots, filled from the function's closure by COPY_FREE_VARS.
 * co_varnames / co_cellvars / co_freevars are derived from these.
 *
 * The bytecode is an array of 16-bit code units (opcode in the low byte,
 * argument in the high byte) that the eval loop may rewrite in place
 * (quickening); `co_code` as seen from Python is the unspecialised form.
 *
 * Position table (co_linetable): for each instruction a (line, end_line, col,
 * end_col) tuple, delta-encoded; see code.c.  Exception table
 * (co_exceptiontable): sorted, non-overlapping (start, end, target, depth,
 * lasti) entries in code units; see code.c.
 *
 * Owner of: code.c.
 */
#ifndef KR_CODE_H
#define KR_CODE_H

#include "objects/object.h"

// co_flags, with CPython's values.
enum {
    KR_CO_OPTIMIZED = 0x0001,
    KR_CO_NEWLOCALS = 0x0002,
    KR_CO_VARARGS = 0x0004,
    KR_CO_VARKEYWORDS = 0x0008,
    KR_CO_NESTED = 0x0010,
    KR_CO_GENERATOR = 0x0020,
    KR_CO_NOFREE = 0x0040,
    KR_CO_COROUTINE = 0x0080,
    KR_CO_ITERABLE_COROUTINE = 0x0100,
    KR_CO_ASYNC_GENERATOR = 0x0200,
};

// Kinds of fast slots (co_localspluskinds), with CPython's values.
enum {
    KR_FAST_HIDDEN = 0x10,
    KR_FAST_LOCAL = 0x20,
    KR_FAST_CELL = 0x40,
    KR_FAST_FREE = 0x80,
};

typedef uint16_t KrCodeUnit;
#define KR_UNIT_OP(u) ((u) & 0xFF)
#define KR_UNIT_ARG(u) ((u) >> 8)
#define KR_MAKE_UNIT(op, arg) ((KrCodeUnit)((op) | ((arg) << 8)))

typedef struct KrCodeObject {
    KR_OBJECT_HEAD;
    int co_argcount;               // positional parameters, incl. positional-only
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_nlocalsplus;            // all fast slots
    int co_nlocals;                // LOCAL slots (len(co_varnames))
    int co_ncellvars;              // slots with KR_FAST_CELL
    int co_nfreevars;              // slots with KR_FAST_FREE
    int co_stacksize;              // maximum value-stack depth
    int co_framesize;              // co_nlocalsplus + co_stacksize
    int co_flags;                  // KR_CO_*
    int co_firstlineno;
    KrSsize co_ncodeunits;         // length of co_code_adaptive
    KrObject *co_consts;           // tuple
    KrObject *co_names;            // tuple of str: attribute and global names
    KrObject *co_localsplusnames;  // tuple of str, one per fast slot
    KrObject *co_localspluskinds;  // bytes, one KR_FAST_* byte per fast slot
    KrObject *co_filename;         // str
    KrObject *co_name;             // str
    KrObject *co_qualname;         // str
    KrObject *co_linetable;        // bytes: position table
    KrObject *co_exceptiontable;   // bytes: exception table
    KrObject *co_weakreflist;
    void *co_extra;                // eval-loop private data (e.g. quickening counters)
    KrCodeUnit co_code_adaptive[]; // the bytecode (may be specialised in place)
} KrCodeObject;

extern KrTypeObject KrCode_Type;

static inline bool krCode_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrCode_Type; }

// Everything needed to build a code object; all objects borrowed (the code
// object takes its own references).  Raises MemoryError, ValueError on
// inconsistent input.
typedef struct KrCodeSpec {
    int argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno;
    const KrCodeUnit *code;
    KrSsize ncodeunits;
    KrObject *consts, *names, *localsplusnames, *localspluskinds;
    KrObject *filename, *name, *qualname, *linetable, *exceptiontable;
} KrCodeSpec;

KrObject *krCode_new(KrThreadState *ts, const KrCodeSpec *spec);

// Source position of the instruction at code unit `unit`: fills line, end
// line, column, end column (0-based UTF-8 byte columns as in the AST; -1 when
// unknown).  Returns false when the instruction has no position.  Never fails.
bool krCode_position(const KrCodeObject *code, KrSsize unit, int *line, int *end_line, int *col, int *end_col);
// Line number of the instruction at code unit `unit`, or -1.  Never fails.
int krCode_addr2line(const KrCodeObject *code, KrSsize unit);

// Finds the exception handler covering code unit `unit`: returns true and sets
// the handler's target unit, the stack depth to unwind to, and whether lasti is
// pushed.  Never fails.
bool krCode_find_handler(const KrCodeObject *code, KrSsize unit, KrSsize *target, int *depth, bool *lasti);

// The unspecialised bytecode as bytes (co_code).  New reference.
KrObject *krCode_get_code_bytes(KrThreadState *ts, KrCodeObject *code);

// ---------------------------------------------------------------------------
// Position table (co_linetable), in CPython 3.11's format: a sequence of
// entries, each covering 1 to 8 code units.  The first byte of an entry is
// 0x80 | code << 3 | (units - 1); `code` selects the form:
//   0-9    short: same line, column = code*8 + (next byte >> 4),
//          end column = column + (next byte & 15)
//   10-12  one line: line delta code-10, then column and end column bytes
//   13     no columns: line delta (svarint)
//   14     long: line delta (svarint), end-line delta, column+1, end column+1 (varints)
//   15     no position
// Line deltas are relative to the line of the previous entry that had one
// (initially co_firstlineno).  Varints are 6-bit groups, least significant
// first, bit 6 = more follows; svarint is zigzag (v<<1, or -v<<1 | 1).

typedef struct KrByteBuf {
    uint8_t *data;                 // krMem_* memory
    KrSsize size, capacity;
} KrByteBuf;

typedef struct KrLineWriter {
    KrByteBuf buf;
    int prev_line;
} KrLineWriter;

void krCode_linewriter_init(KrLineWriter *w, int firstlineno);
// Appends the position of one instruction of `nunits` code units (with its
// caches and EXTENDED_ARGs).  line < 0 means "no position".  0, or -1 when
// out of memory (no exception set: the caller raises MemoryError).
int krCode_linewriter_add(KrLineWriter *w, int nunits, int line, int end_line, int col, int end_col);

// Reading the position table entry by entry.
typedef struct KrLineIter {
    const uint8_t *p, *limit;
    int computed_line;             // line of the last entry that had one
    KrSsize start, end;            // code units covered by the current entry
    int line, end_line, col, end_col;   // its position; -1 when unknown
} KrLineIter;

void krCode_lineiter_init(KrLineIter *it, const KrCodeObject *code);
// Advances to the next entry; false at the end.  Never fails.
bool krCode_lineiter_next(KrLineIter *it);

// ---------------------------------------------------------------------------
// Exception table (co_exceptiontable), in CPython 3.11's format: per entry,
// start, length, target (code units) and depth << 1 | lasti, each a varint
// of 6-bit groups, most significant first, bit 6 = more follows; bit 7 marks
// the first byte of an entry.  Entries are sorted and do not overlap.

typedef struct KrExcEntry {
    KrSsize start, end, target;
    int depth;
    bool lasti;
} KrExcEntry;

// Appends an entry covering [start, end).  0, or -1 when out of memory (no exception set).
int krCode_exctable_add(KrByteBuf *buf, KrSsize start, KrSsize end, KrSsize target, int depth, bool lasti);
// Reads the entry at byte offset *pos (start with 0); false at the end.  Never fails.
bool krCode_exctable_next(const KrCodeObject *code, KrSsize *pos, KrExcEntry *entry);

#endif
