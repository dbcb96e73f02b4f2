/*
 * opcode.h — the opcode enum and per-opcode facts, all derived from
 * opcodes.def.  Specialised instructions are numbered after the real ones;
 * pseudo-instructions after those (they never appear in a code object).
 */
#ifndef KR_OPCODE_H
#define KR_OPCODE_H

#include <stdint.h>

enum { F_JUMP = 1, F_NOFALL = 2, F_BREAKER = 4, F_ESCAPES = 8 };

typedef enum KrOpcode {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) KR_OP_##NAME,
#include "compiler/opcodes.def"
#undef OP
    KR_OP__NREAL,
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS)
#define SPEC(NAME, BASE) KR_OP_##NAME,
#include "compiler/opcodes.def"
#undef SPEC
#undef OP
    KR_OP__NEXEC,                  // real + specialised: the dispatch table size
    KR_OP__PSEUDO_BASE = 256,      // pseudo-ops live outside the 8-bit range
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS)
#define PSEUDO(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, FLAGS) KR_OP_##NAME,
#include "compiler/opcodes.def"
#undef PSEUDO
#undef OP
    KR_OP__END
} KrOpcode;

_Static_assert(KR_OP__NEXEC <= 256, "too many opcodes for 8 bits");

typedef enum KrOpArgKind {
    KR_ARG_NONE, KR_ARG_CONST, KR_ARG_NAME, KR_ARG_GLOBAL, KR_ARG_LOCAL, KR_ARG_FREE, KR_ARG_JFWD,
    KR_ARG_JBACK, KR_ARG_COUNT, KR_ARG_CMP, KR_ARG_BINOP, KR_ARG_FORMAT, KR_ARG_MKFN, KR_ARG_CALLEX,
} KrOpArgKind;

typedef struct KrOpInfo {
    const char *name;
    uint8_t arg_kind;              // KrOpArgKind
    uint8_t cache;                 // inline cache units after the instruction
    uint8_t flags;                 // F_*
    uint8_t base;                  // for specialised ops: the generic opcode; else itself
} KrOpInfo;

// Facts for opcode `op` (real, specialised or pseudo).
const KrOpInfo *krOp_info(int op);
static inline const char *krOp_name(int op) { return krOp_info(op)->name; }
// Net stack effect of `op` with argument `oparg`, when falling through
// (jump == 0) or when jumping (jump == 1).
int krOp_stack_effect(int op, int oparg, int jump);
// Pops and pushes when falling through (for documentation and checks).
int krOp_pops(int op, int oparg);
int krOp_pushes(int op, int oparg);

// Opcode name tables for dis: the info of real ops indexed by opcode.
extern const KrOpInfo kr_op_info[KR_OP__NEXEC];

#endif
