/*
 * opcode.c — tables derived from opcodes.def: names, argument kinds, cache
 * sizes, flags and stack effects.  Nothing here is written by hand per opcode.
 */
#include "compiler/opcode.h"

const KrOpInfo kr_op_info[KR_OP__NEXEC] = {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) \
    [KR_OP_##NAME] = {#NAME, KR_ARG_##ARG, CACHE, FLAGS, KR_OP_##NAME},
#include "compiler/opcodes.def"
#undef OP
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS)
#define SPEC(NAME, BASE) [KR_OP_##NAME] = {#NAME, 0, 0, 0, KR_OP_##BASE},
#include "compiler/opcodes.def"
#undef SPEC
#undef OP
};

static const KrOpInfo pseudo_info[KR_OP__END - KR_OP__PSEUDO_BASE] = {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS)
#define PSEUDO(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, FLAGS) \
    [KR_OP_##NAME - KR_OP__PSEUDO_BASE] = {#NAME, KR_ARG_##ARG, 0, FLAGS, 0},
#include "compiler/opcodes.def"
#undef PSEUDO
#undef OP
};

static const KrOpInfo unknown_info = {"<unknown>", KR_ARG_NONE, 0, 0, 0};

const KrOpInfo *krOp_info(int op) {
    if (op >= 0 && op < KR_OP__NREAL) return &kr_op_info[op];
    if (op > KR_OP__NREAL && op < KR_OP__NEXEC) {
        // A specialised op shares everything but its name with its base.
        return &kr_op_info[op];
    }
    if (op > KR_OP__PSEUDO_BASE && op < KR_OP__END) return &pseudo_info[op - KR_OP__PSEUDO_BASE];
    return &unknown_info;
}

int krOp_pops(int op, int oparg) {
    if (op > KR_OP__NREAL && op < KR_OP__NEXEC) op = kr_op_info[op].base;
    switch (op) {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) case KR_OP_##NAME: return (POPS);
#define PSEUDO(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, FLAGS) case KR_OP_##NAME: return (POPS);
#include "compiler/opcodes.def"
#undef PSEUDO
#undef OP
    default: return 0;
    }
}

int krOp_pushes(int op, int oparg) {
    if (op > KR_OP__NREAL && op < KR_OP__NEXEC) op = kr_op_info[op].base;
    switch (op) {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) case KR_OP_##NAME: return (PUSHES);
#define PSEUDO(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, FLAGS) case KR_OP_##NAME: return (PUSHES);
#include "compiler/opcodes.def"
#undef PSEUDO
#undef OP
    default: return 0;
    }
}

static int jump_effect(int op, int oparg) {
    (void)oparg;
    switch (op) {
#define OP(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, CACHE, FLAGS) case KR_OP_##NAME: return (JUMP_EFFECT);
#define PSEUDO(NAME, ARG, POPS, PUSHES, JUMP_EFFECT, FLAGS) case KR_OP_##NAME: return (JUMP_EFFECT);
#include "compiler/opcodes.def"
#undef PSEUDO
#undef OP
    default: return 0;
    }
}

int krOp_stack_effect(int op, int oparg, int jump) {
    if (op > KR_OP__NREAL && op < KR_OP__NEXEC) op = kr_op_info[op].base;
    if (jump && (krOp_info(op)->flags & F_JUMP)) return jump_effect(op, oparg);
    return krOp_pushes(op, oparg) - krOp_pops(op, oparg);
}
