/*
 * specialize.h — quickening: generic instructions rewrite themselves into
 * specialised forms (SPEC entries of opcodes.def) for the operands they
 * see, and fall back when the guess stops holding.
 *
 * The first inline cache unit of a generic instruction is its adaptive
 * counter: 0 (what the compiler emits) means "try to specialise now"; after
 * a failed attempt, or a deoptimisation, it counts KR_SPEC_BACKOFF
 * executions down before the next attempt.
 *
 * Cache layouts (16-bit units after the instruction; 32/64-bit values are
 * read and written unaligned, low half first):
 *
 *   LOAD_GLOBAL_MODULE          [0] -  [1] index in globals  [2-3] globals keys version
 *   LOAD_GLOBAL_BUILTIN         [0] builtins keys version (< 2**16)  [1] index in builtins
 *                               [2-3] globals keys version (the name is not a global)
 *   LOAD_ATTR_INSTANCE_VALUE    [0] -  [1-2] type version  [3-4] shape id  [5] index
 *   LOAD_ATTR_PROPERTY          [0] -  [1-2] type version  [3-6] the getter (borrowed
 *                               from the property, which the type version guards)
 *   LOAD_ATTR_MODULE, LOAD_METHOD_MODULE
 *                               [0] -  [1-2] keys version of the module's dict  [3] index
 *   STORE_ATTR_INSTANCE_VALUE   [0-1] shape id  [2] index  [3] type version (< 2**16)
 *   LOAD_METHOD_WITH_VALUES     [0-1] type version  [2-3] shape id of the
 *                               instance (0: no attributes)  [4-7] method (borrowed
 *                               from the type's dict; the version guards it)
 *   LOAD_METHOD_NO_DICT         [0-1] type version  [4-7] method
 *
 * Versions (dict keys versions, type versions, shape ids) are unique and
 * never 0, so one comparison checks both identity and freshness.
 *
 * Owner of: specialize.c.  Related: eval.c (the specialised handlers).
 */
#ifndef KR_SPECIALIZE_H
#define KR_SPECIALIZE_H

#include <string.h>

#include "compiler/opcode.h"
#include "objects/code.h"
#include "vm/frame.h"

// Executions of a generic instruction between two specialisation attempts.
#define KR_SPEC_BACKOFF 64

static inline uint32_t krSpec_read_u32(const KrCodeUnit *p) {
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void krSpec_write_u32(KrCodeUnit *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static inline void *krSpec_read_ptr(const KrCodeUnit *p) {
    void *v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void krSpec_write_ptr(KrCodeUnit *p, void *v) { memcpy(p, &v, sizeof v); }

// Rewrites the specialised instruction at `instr` back into `base`, with a
// fresh backoff count.  Never fails.
static inline void krSpec_deopt(KrCodeUnit *instr, int base) {
    *instr = KR_MAKE_UNIT(base, KR_UNIT_ARG(*instr));
    instr[1] = KR_SPEC_BACKOFF;
}

// What the eval loop keeps in a code object's co_extra (code.c frees it
// with krMem_free): made when the code is first quickened.
typedef struct KrCodeExtra {
    int warmup;                    // RESUMEs and backward jumps run, up to KR_WARMUP_DELAY
    KrSsize nhandlers;             // decoded exception-table entries; -1 until decoded
    KrExcEntry handlers[];         // sorted, non-overlapping
} KrCodeExtra;

// CPython 3.11 specialises a code object's instructions once it has run this
// many RESUMEs and backward jumps; some of its specialised calls skip the
// recursion check (see krEval_call_counts), so Krait tracks the same point.
#define KR_WARMUP_DELAY 8

// Whether `code` has run KR_WARMUP_DELAY RESUMEs and backward jumps.
static inline bool krSpec_is_warm(const KrCodeObject *code) {
    const KrCodeExtra *x = code->co_extra;
    return x != NULL && x->warmup >= KR_WARMUP_DELAY;
}

// Counts one RESUME or backward jump of `code`, quickening it the first time.
// Called while !krSpec_is_warm(code).  Never fails.
void krSpec_warmup(KrCodeObject *code);

// Pairs adjacent simple instructions into superinstructions, once per code
// object (which then gets its co_extra).  Called at the first RESUME.  Never
// fails (on memory exhaustion the code is simply left as it is).
void krSpec_quicken(KrCodeObject *code);

// krCode_find_handler with the exception table decoded once (into co_extra)
// and searched by bisection.  Never fails.
bool krSpec_find_handler(KrCodeObject *code, KrSsize unit, KrSsize *target, int *depth, bool *lasti);

// Each tries to specialise the generic instruction at `instr` for the
// operands at hand: on success the instruction is rewritten in place (and
// takes effect from its next execution); otherwise the counter is set to
// back off.  Never fail, never run Python code.
void krSpec_load_global(KrFrame *f, KrCodeUnit *instr, KrObject *name);
void krSpec_load_attr(KrObject *owner, KrCodeUnit *instr, KrObject *name);
void krSpec_store_attr(KrObject *owner, KrCodeUnit *instr, KrObject *name);
void krSpec_load_method(KrObject *owner, KrCodeUnit *instr, KrObject *name);

#endif
