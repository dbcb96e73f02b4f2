/*
 * flowgraph.c — from a unit's basic blocks to a code object, following
 * CPython 3.11's assemble():
 *
 *   1. close the unit (an implicit `return None`), mark exit blocks, inline
 *      small exit blocks reached by unconditional jumps;
 *   2. the prologue: COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR + POP_TOP;
 *      cell and free slot numbers become fast-slot indexes;
 *   3. optimise the CFG: fold LOAD_CONST + conditional jumps and constant
 *      tuples, thread jumps to jumps, resolve SWAP runs, fuse PUSH_NULL into
 *      LOAD_GLOBAL, drop unreachable blocks and NOPs that carry no line;
 *   4. give artificial instructions a position, compute the stack depth;
 *   5. label every instruction with its exception handler (from the
 *      SETUP_* / POP_BLOCK pseudo-ops, which then become NOPs);
 *   6. pick forward / backward jump forms, compute offsets (iterating until
 *      EXTENDED_ARG prefixes settle), and emit the bytecode, the position
 *      table and the exception table.
 */
#include <limits.h>
#include <string.h>

#include "compiler/compiler.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

static bool is_jump(const KrInstr *i) {
    return (krOp_info(i->op)->flags & F_JUMP) && !(i->op == KR_OP_SETUP_FINALLY || i->op == KR_OP_SETUP_CLEANUP ||
                                                    i->op == KR_OP_SETUP_WITH);
}

static bool is_block_push(const KrInstr *i) {
    return i->op == KR_OP_SETUP_FINALLY || i->op == KR_OP_SETUP_CLEANUP || i->op == KR_OP_SETUP_WITH;
}

static bool is_uncond_jump(int op) {
    return op == KR_OP_JUMP || op == KR_OP_JUMP_NO_INTERRUPT || op == KR_OP_JUMP_FORWARD ||
           op == KR_OP_JUMP_BACKWARD || op == KR_OP_JUMP_BACKWARD_NO_INTERRUPT;
}

static bool is_scope_exit(int op) {
    return op == KR_OP_RETURN_VALUE || op == KR_OP_RAISE_VARARGS || op == KR_OP_RERAISE;
}

static bool has_fallthrough(const KrBlock *b) { return !b->nofallthrough; }

static int instr_size(const KrInstr *i) {
    int arg = i->arg;
    int ext = (arg > 0xFFFFFF) + (arg > 0xFFFF) + (arg > 0xFF);
    return ext + 1 + krOp_info(i->op)->cache;
}

static int block_size(const KrBlock *b) {
    int size = 0;
    for (int i = 0; i < b->n; i++) size += instr_size(&b->instr[i]);
    return size;
}

static KrInstr *append_instr(KrCompiler *c, KrBlock *b) {
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        KrInstr *p = krMem_realloc(b->instr, sizeof(KrInstr) * (size_t)cap);
        if (!p) {
            krErr_no_memory(c->ts);
            return NULL;
        }
        b->instr = p;
        b->cap = cap;
    }
    return &b->instr[b->n++];
}

static int insert_instr(KrCompiler *c, KrBlock *b, int pos, KrInstr ins) {
    if (!append_instr(c, b)) return -1;
    memmove(&b->instr[pos + 1], &b->instr[pos], sizeof(KrInstr) * (size_t)(b->n - 1 - pos));
    b->instr[pos] = ins;
    return 0;
}

static KrBlock *skip_empty(KrBlock *b) {
    while (b->n == 0 && b->next) b = b->next;
    return b;
}

// ---------------------------------------------------------------------------
// Block structure

static int normalize_block(KrCompiler *c, KrBlock *b) {
    for (int i = 0; i < b->n; i++) {
        KrInstr *ins = &b->instr[i];
        bool jump = is_jump(ins), exit = is_scope_exit(ins->op);
        if ((jump || exit) && i != b->n - 1) {
            krErr_set_string(c->ts, &KrExc_SystemError, "malformed control flow graph.");
            return -1;
        }
        if (jump || is_block_push(ins)) ins->target = skip_empty(ins->target);
        if (exit) {
            b->exit = 1;
            b->nofallthrough = 1;
        }
        if (ins->op == KR_OP_JUMP || ins->op == KR_OP_JUMP_NO_INTERRUPT) b->nofallthrough = 1;
    }
    return 0;
}

static bool is_exit_without_lineno(const KrBlock *b);

// A block ending with an unconditional jump to a small exit block without
// a line number (an implicit `return None`) gets a copy of that block instead.
static int extend_block(KrCompiler *c, KrBlock *b) {
    if (b->n == 0) return 0;
    KrInstr *last = &b->instr[b->n - 1];
    if (!is_uncond_jump(last->op)) return 0;
    KrBlock *to_copy = last->target;
    if (!is_exit_without_lineno(to_copy) || to_copy->n > KR_MAX_COPY_SIZE) return 0;
    last->op = KR_OP_NOP;
    for (int i = 0; i < to_copy->n; i++) {
        KrInstr *ins = append_instr(c, b);
        if (!ins) return -1;
        *ins = to_copy->instr[i];
    }
    b->exit = 1;
    return 0;
}

// ---------------------------------------------------------------------------
// Optimisation

static int fold_tuple_on_constants(KrCompiler *c, KrBlock *b, int pos, int n) {
    // Pre-conditions: instrs[pos-n .. pos-1] are the candidates, instrs[pos] is BUILD_TUPLE n.
    KrInstr *inst = &b->instr[pos - n];
    for (int i = 0; i < n; i++)
        if (inst[i].op != KR_OP_LOAD_CONST) return 0;
    KrConstTable *consts = &c->u->consts;
    KrObject *t = krTuple_new(c->ts, n);
    if (!t) return -1;
    for (int i = 0; i < n; i++) KR_TUPLE_SET(t, i, kr_newref(consts->items[inst[i].arg]));
    int idx = krConst_add(c, consts, t);
    kr_decref(t);
    if (idx < 0) return -1;
    for (int i = 0; i < n; i++) inst[i].op = KR_OP_NOP;
    b->instr[pos].op = KR_OP_LOAD_CONST;
    b->instr[pos].arg = idx;
    return 0;
}

static bool jump_thread(KrInstr *inst, KrInstr *target, int op) {
    // bpo-45773: threading a jump to itself would loop forever.
    if (inst->loc.lineno == target->loc.lineno && inst->target != target->target) {
        inst->target = target->target;
        inst->op = op;
        return true;
    }
    return false;
}

// Replaces a run of SWAPs by the minimal sequence with the same effect.
static int swaptimize(KrCompiler *c, KrBlock *b, int *ix) {
    KrInstr *instrs = &b->instr[*ix];
    int depth = instrs[0].arg, len = 0, limit = b->n - *ix;
    bool more = false;
    while (++len < limit) {
        int op = instrs[len].op;
        if (op == KR_OP_SWAP) {
            if (instrs[len].arg > depth) depth = instrs[len].arg;
            more = true;
        } else if (op != KR_OP_NOP) {
            break;
        }
    }
    if (!more) return 0;
    int *stack = krMem_malloc(sizeof(int) * (size_t)depth);
    if (!stack) {
        krErr_no_memory(c->ts);
        return -1;
    }
    for (int i = 0; i < depth; i++) stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (instrs[i].op == KR_OP_SWAP) {
            int arg = instrs[i].arg, top = stack[0];
            stack[0] = stack[arg - 1];
            stack[arg - 1] = top;
        }
    }
    // Undo the permutation cycle by cycle, writing SWAPs from the end of the run.
    enum { VISITED = -1 };
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i) continue;
        int j = i;
        for (;;) {
            if (j) {
                instrs[current].op = KR_OP_SWAP;
                instrs[current--].arg = j + 1;
            }
            if (stack[j] == VISITED) break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (current >= 0) instrs[current--].op = KR_OP_NOP;
    krMem_free(stack);
    *ix += len - 1;
    return 0;
}

static bool swappable(int op) { return op == KR_OP_STORE_FAST || op == KR_OP_POP_TOP; }

static int next_swappable(KrBlock *b, int i, int lineno) {
    while (++i < b->n) {
        KrInstr *ins = &b->instr[i];
        // Reordering across lines would change what a tracer sees bound.
        if (lineno >= 0 && ins->loc.lineno != lineno) return -1;
        if (ins->op == KR_OP_NOP) continue;
        if (swappable(ins->op)) return i;
        return -1;
    }
    return -1;
}

// SWAP(2), POP_TOP, STORE_FAST(x) -> NOP, STORE_FAST(x), POP_TOP: swap the
// instructions instead of the values.
static void apply_static_swaps(KrBlock *b, int i) {
    for (; i >= 0; i--) {
        KrInstr *swap = &b->instr[i];
        if (swap->op != KR_OP_SWAP) {
            if (swap->op == KR_OP_NOP || swappable(swap->op)) continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0) return;
        int k = j, lineno = b->instr[j].loc.lineno;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable(b, k, lineno);
            if (k < 0) return;
        }
        swap->op = KR_OP_NOP;
        KrInstr tmp = b->instr[j];
        b->instr[j] = b->instr[k];
        b->instr[k] = tmp;
    }
}

static int optimize_load_const(KrCompiler *c, KrBlock *b, int i) {
    KrInstr *inst = &b->instr[i];
    int nextop = i + 1 < b->n ? b->instr[i + 1].op : 0;
    KrObject *cnt = c->u->consts.items[inst->arg];
    switch (nextop) {
    case KR_OP_POP_JUMP_IF_FALSE:
    case KR_OP_POP_JUMP_IF_TRUE: {
        int is_true = krObj_is_true(c->ts, cnt);
        if (is_true < 0) return -1;
        inst->op = KR_OP_NOP;
        if (is_true == (nextop == KR_OP_POP_JUMP_IF_TRUE)) {
            b->instr[i + 1].op = KR_OP_JUMP;
            b->nofallthrough = 1;
        } else {
            b->instr[i + 1].op = KR_OP_NOP;
        }
        return 0;
    }
    case KR_OP_JUMP_IF_FALSE_OR_POP:
    case KR_OP_JUMP_IF_TRUE_OR_POP: {
        int is_true = krObj_is_true(c->ts, cnt);
        if (is_true < 0) return -1;
        if (is_true == (nextop == KR_OP_JUMP_IF_TRUE_OR_POP)) {
            b->instr[i + 1].op = KR_OP_JUMP;
            b->nofallthrough = 1;
        } else {
            inst->op = KR_OP_NOP;
            b->instr[i + 1].op = KR_OP_NOP;
        }
        return 0;
    }
    case KR_OP_IS_OP: {
        int jump_op = i + 2 < b->n ? b->instr[i + 2].op : 0;
        if (cnt == KR_NONE && (jump_op == KR_OP_POP_JUMP_IF_FALSE || jump_op == KR_OP_POP_JUMP_IF_TRUE)) {
            int nextarg = b->instr[i + 1].arg;
            inst->op = KR_OP_NOP;
            b->instr[i + 1].op = KR_OP_NOP;
            b->instr[i + 2].op = (nextarg ^ (jump_op == KR_OP_POP_JUMP_IF_FALSE)) ? KR_OP_POP_JUMP_IF_NOT_NONE
                                                                                   : KR_OP_POP_JUMP_IF_NONE;
        }
        return 0;
    }
    }
    return 0;
}

static int optimize_block(KrCompiler *c, KrBlock *b) {
    KrInstr nop = {.op = KR_OP_NOP, .loc = KR_NO_LOC};
    for (int i = 0; i < b->n; i++) {
        KrInstr *inst = &b->instr[i];
        int arg = inst->arg;
        int nextop = i + 1 < b->n ? b->instr[i + 1].op : 0;
        KrInstr *target = &nop;
        if (is_jump(inst) || is_block_push(inst)) {
            while (inst->target->n == 0) inst->target = inst->target->next;
            target = &inst->target->instr[0];
        }
        switch (inst->op) {
        case KR_OP_LOAD_CONST:
            CG_CHECK(optimize_load_const(c, b, i));
            break;
        case KR_OP_BUILD_TUPLE:
            // BUILD_TUPLE n + UNPACK_SEQUENCE n: nothing for n == 1, a SWAP for 2 and 3.
            if (nextop == KR_OP_UNPACK_SEQUENCE && arg == b->instr[i + 1].arg) {
                if (arg == 1) {
                    inst->op = KR_OP_NOP;
                    b->instr[i + 1].op = KR_OP_NOP;
                    continue;
                }
                if (arg == 2 || arg == 3) {
                    inst->op = KR_OP_NOP;
                    b->instr[i + 1].op = KR_OP_SWAP;
                    continue;
                }
            }
            if (i >= arg) CG_CHECK(fold_tuple_on_constants(c, b, i, arg));
            break;
        // Conditional jumps to conditional jumps whose outcome the first implies.
        case KR_OP_JUMP_IF_FALSE_OR_POP:
            switch (target->op) {
            case KR_OP_POP_JUMP_IF_FALSE: i -= jump_thread(inst, target, KR_OP_POP_JUMP_IF_FALSE); break;
            case KR_OP_JUMP:
            case KR_OP_JUMP_IF_FALSE_OR_POP: i -= jump_thread(inst, target, KR_OP_JUMP_IF_FALSE_OR_POP); break;
            case KR_OP_JUMP_IF_TRUE_OR_POP:
            case KR_OP_POP_JUMP_IF_TRUE:
                if (inst->loc.lineno == target->loc.lineno) {
                    inst->op = KR_OP_POP_JUMP_IF_FALSE;
                    inst->target = inst->target->next;
                    i--;
                }
                break;
            }
            break;
        case KR_OP_JUMP_IF_TRUE_OR_POP:
            switch (target->op) {
            case KR_OP_POP_JUMP_IF_TRUE: i -= jump_thread(inst, target, KR_OP_POP_JUMP_IF_TRUE); break;
            case KR_OP_JUMP:
            case KR_OP_JUMP_IF_TRUE_OR_POP: i -= jump_thread(inst, target, KR_OP_JUMP_IF_TRUE_OR_POP); break;
            case KR_OP_JUMP_IF_FALSE_OR_POP:
            case KR_OP_POP_JUMP_IF_FALSE:
                if (inst->loc.lineno == target->loc.lineno) {
                    inst->op = KR_OP_POP_JUMP_IF_TRUE;
                    inst->target = inst->target->next;
                    i--;
                }
                break;
            }
            break;
        case KR_OP_POP_JUMP_IF_NOT_NONE:
        case KR_OP_POP_JUMP_IF_NONE:
        case KR_OP_POP_JUMP_IF_FALSE:
        case KR_OP_POP_JUMP_IF_TRUE:
        case KR_OP_JUMP:
            if (target->op == KR_OP_JUMP) i -= jump_thread(inst, target, inst->op);
            break;
        case KR_OP_SWAP:
            if (arg == 1) {
                inst->op = KR_OP_NOP;
                break;
            }
            CG_CHECK(swaptimize(c, b, &i));
            apply_static_swaps(b, i);
            break;
        case KR_OP_PUSH_NULL:
            if (nextop == KR_OP_LOAD_GLOBAL && (b->instr[i + 1].arg & 1) == 0) {
                inst->op = KR_OP_NOP;
                inst->arg = 0;
                b->instr[i + 1].arg |= 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

// Removes NOPs that carry no line of their own.
static void clean_block(KrBlock *b) {
    int dest = 0, prev_lineno = -1;
    for (int src = 0; src < b->n; src++) {
        KrInstr *ins = &b->instr[src];
        int lineno = ins->loc.lineno;
        if (ins->op == KR_OP_NOP) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src < b->n - 1) {
                int next_lineno = b->instr[src + 1].loc.lineno;
                if (next_lineno == lineno) continue;
                if (next_lineno < 0) {
                    b->instr[src + 1].loc = ins->loc;
                    continue;
                }
            } else {
                KrBlock *next = b->next;
                while (next && next->n == 0) next = next->next;
                if (next && lineno == next->instr[0].loc.lineno) continue;
            }
        }
        if (dest != src) b->instr[dest] = *ins;
        dest++;
        prev_lineno = lineno;
    }
    b->n = dest;
}

static void eliminate_empty_blocks(KrBlock *entry) {
    for (KrBlock *b = entry; b; b = b->next) {
        KrBlock *next = b->next;
        if (next) {
            while (next->n == 0 && next->next) next = next->next;
            b->next = next;
        }
    }
    for (KrBlock *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if (is_jump(ins) || is_block_push(ins)) {
                while (ins->target->n == 0 && ins->target->next) ins->target = ins->target->next;
            }
        }
    }
}

static int mark_reachable(KrCompiler *c, KrBlock *entry, int nblocks) {
    KrBlock **stack = krMem_malloc(sizeof(KrBlock *) * (size_t)(nblocks + 1));
    if (!stack) {
        krErr_no_memory(c->ts);
        return -1;
    }
    KrBlock **sp = stack;
    entry->predecessors = 1;
    *sp++ = entry;
    while (sp > stack) {
        KrBlock *b = *--sp;
        if (b->next && has_fallthrough(b)) {
            if (b->next->predecessors == 0) *sp++ = b->next;
            b->next->predecessors++;
        }
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if (is_jump(ins) || is_block_push(ins)) {
                if (ins->target->predecessors == 0) *sp++ = ins->target;
                ins->target->predecessors++;
            }
        }
    }
    krMem_free(stack);
    return 0;
}

static int count_blocks(KrUnit *u) {
    int n = 0;
    for (KrBlock *b = u->blocks; b; b = b->list_next) n++;
    return n;
}

static int optimize_cfg(KrCompiler *c, KrBlock *entry) {
    for (KrBlock *b = entry; b; b = b->next) {
        CG_CHECK(optimize_block(c, b));
        clean_block(b);
    }
    for (KrBlock *b = c->u->blocks; b; b = b->list_next) CG_CHECK(extend_block(c, b));
    CG_CHECK(mark_reachable(c, entry, count_blocks(c->u)));
    // Unreachable code goes.
    for (KrBlock *b = entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->n = 0;
            b->nofallthrough = 0;
        }
    }
    eliminate_empty_blocks(entry);
    for (KrBlock *b = entry; b; b = b->next) clean_block(b);
    // A jump to the next block is a NOP.
    bool maybe_empty = false;
    for (KrBlock *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        KrInstr *last = &b->instr[b->n - 1];
        if ((last->op == KR_OP_JUMP || last->op == KR_OP_JUMP_NO_INTERRUPT) && last->target == b->next) {
            b->nofallthrough = 0;
            last->op = KR_OP_NOP;
            maybe_empty = true;
        }
    }
    if (maybe_empty) eliminate_empty_blocks(entry);
    return 0;
}

// ---------------------------------------------------------------------------
// Positions

static bool is_exit_without_lineno(const KrBlock *b) {
    if (!b->exit) return false;
    for (int i = 0; i < b->n; i++)
        if (b->instr[i].loc.lineno >= 0) return false;
    return true;
}

static KrBlock *copy_block(KrCompiler *c, KrBlock *src) {
    KrBlock *b = cg_new_block(c);
    if (!b) return NULL;
    for (int i = 0; i < src->n; i++) {
        KrInstr *ins = append_instr(c, b);
        if (!ins) return NULL;
        *ins = src->instr[i];
    }
    b->exit = 1;
    b->nofallthrough = 1;
    return b;
}

// Exit blocks without a line that several jumps reach are duplicated, so each
// copy can take the line of its jump.
static int duplicate_exits_without_lineno(KrCompiler *c) {
    for (KrBlock *b = c->u->blocks; b; b = b->list_next) {
        if (b->n == 0 || !is_jump(&b->instr[b->n - 1])) continue;
        KrInstr *last = &b->instr[b->n - 1];
        KrBlock *target = last->target;
        if (is_exit_without_lineno(target) && target->predecessors > 1) {
            KrBlock *copy = copy_block(c, target);
            if (!copy) return -1;
            copy->instr[0].loc = last->loc;
            last->target = copy;
            target->predecessors--;
            copy->predecessors = 1;
            copy->next = target->next;
            target->next = copy;
        }
    }
    for (KrBlock *b = c->u->blocks; b; b = b->list_next) {
        while (b->next && b->next->n == 0) b->next = b->next->next;
    }
    // Remaining exit blocks without a line are only reached by falling through.
    for (KrBlock *b = c->u->blocks; b; b = b->list_next) {
        if (has_fallthrough(b) && b->next && b->n > 0 && is_exit_without_lineno(b->next))
            b->next->instr[0].loc = b->instr[b->n - 1].loc;
    }
    return 0;
}

// An instruction without a position takes the previous one's; a block with
// a single predecessor starts with its predecessor's last position.
static void propagate_line_numbers(KrBlock *entry) {
    for (KrBlock *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        KrLoc prev = KR_NO_LOC;
        for (int i = 0; i < b->n; i++) {
            if (b->instr[i].loc.lineno < 0) b->instr[i].loc = prev;
            else prev = b->instr[i].loc;
        }
        if (has_fallthrough(b) && b->next && b->next->predecessors == 1 && b->next->n > 0 &&
            b->next->instr[0].loc.lineno < 0)
            b->next->instr[0].loc = prev;
        KrInstr *last = &b->instr[b->n - 1];
        if (is_jump(last) && last->target->predecessors == 1 && last->target->n > 0 &&
            last->target->instr[0].loc.lineno < 0)
            last->target->instr[0].loc = last->loc;
    }
}

static void guarantee_lineno_for_exits(KrBlock *entry, int firstlineno) {
    int lineno = firstlineno;
    for (KrBlock *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        KrInstr *last = &b->instr[b->n - 1];
        if (last->loc.lineno < 0) {
            if (last->op == KR_OP_RETURN_VALUE) {
                for (int i = 0; i < b->n; i++) b->instr[i].loc.lineno = lineno;
            }
        } else {
            lineno = last->loc.lineno;
        }
    }
}

// ---------------------------------------------------------------------------
// Stack depth

static int stackdepth(KrCompiler *c, KrBlock *entry, int nblocks) {
    for (KrBlock *b = entry; b; b = b->next) b->startdepth = INT_MIN;
    KrBlock **stack = krMem_malloc(sizeof(KrBlock *) * (size_t)(nblocks + 1));
    if (!stack) {
        krErr_no_memory(c->ts);
        return -1;
    }
    KrBlock **sp = stack;
    int maxdepth = 0;
#define PUSH_BLOCK(blk, depth)                                  \
    do {                                                        \
        if ((blk)->startdepth < (depth) && (blk)->startdepth < 100) { \
            (blk)->startdepth = (depth);                        \
            *sp++ = (blk);                                      \
        }                                                       \
    } while (0)
    entry->startdepth = 0;
    *sp++ = entry;
    while (sp != stack) {
        KrBlock *b = *--sp;
        int depth = b->startdepth;
        KrBlock *next = b->next;
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            int new_depth = depth + krOp_stack_effect(ins->op, ins->arg, 0);
            if (new_depth > maxdepth) maxdepth = new_depth;
            if (new_depth < 0) {
                krMem_free(stack);
                krErr_format(c->ts, &KrExc_SystemError, "stack underflow in %s at %s", c->u->name,
                             krOp_name(ins->op));
                return -1;
            }
            if (is_jump(ins) || is_block_push(ins)) {
                int target_depth = depth + krOp_stack_effect(ins->op, ins->arg, 1);
                if (target_depth > maxdepth) maxdepth = target_depth;
                if (ins->target->startdepth < target_depth) {
                    ins->target->startdepth = target_depth;
                    *sp++ = ins->target;
                }
            }
            depth = new_depth;
            if (is_uncond_jump(ins->op) || is_scope_exit(ins->op)) {
                next = NULL;   // the rest is dead
                break;
            }
        }
        if (next && next->startdepth < depth) {
            next->startdepth = depth;
            *sp++ = next;
        }
    }
#undef PUSH_BLOCK
    krMem_free(stack);
    return maxdepth;
}

// ---------------------------------------------------------------------------
// Exception handlers

typedef struct KrExcStack {
    KrBlock *handlers[KR_MAXBLOCKS + 1];
    int depth;
} KrExcStack;

static KrExcStack *copy_exc_stack(KrCompiler *c, const KrExcStack *s) {
    KrExcStack *copy = krMem_malloc(sizeof(KrExcStack));
    if (!copy) {
        krErr_no_memory(c->ts);
        return NULL;
    }
    *copy = *s;
    return copy;
}

// Walks the CFG with a stack of active handlers, recording in each
// instruction the handler that covers it.
static int label_exception_targets(KrCompiler *c, KrBlock *entry, int nblocks) {
    for (KrBlock *b = entry; b; b = b->next) b->visited = 0;
    KrBlock **todo_stack = krMem_malloc(sizeof(KrBlock *) * (size_t)(nblocks + 1));
    KrExcStack *except_stack = krMem_calloc(1, sizeof(KrExcStack));
    if (!todo_stack || !except_stack) {
        krMem_free(todo_stack);
        krMem_free(except_stack);
        krErr_no_memory(c->ts);
        return -1;
    }
    todo_stack[0] = entry;
    entry->visited = 1;
    entry->exc_stack = except_stack;
    KrBlock **todo = &todo_stack[1];
    while (todo > todo_stack) {
        KrBlock *b = *--todo;
        except_stack = b->exc_stack;
        b->exc_stack = NULL;
        KrBlock *handler = except_stack->handlers[except_stack->depth];
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if (is_block_push(ins)) {
                if (!ins->target->visited) {
                    KrExcStack *copy = copy_exc_stack(c, except_stack);
                    if (!copy) goto error;
                    ins->target->exc_stack = copy;
                    *todo++ = ins->target;
                    ins->target->visited = 1;
                }
                if (ins->op == KR_OP_SETUP_WITH || ins->op == KR_OP_SETUP_CLEANUP) ins->target->preserve_lasti = 1;
                if (except_stack->depth >= KR_MAXBLOCKS) {
                    krErr_set_string(c->ts, &KrExc_SystemError, "too many nested exception handlers");
                    goto error;
                }
                except_stack->handlers[++except_stack->depth] = ins->target;
                handler = ins->target;
            } else if (ins->op == KR_OP_POP_BLOCK) {
                if (except_stack->depth > 0) except_stack->depth--;
                handler = except_stack->handlers[except_stack->depth];
            } else if (is_jump(ins)) {
                ins->except = handler;
                if (!ins->target->visited) {
                    if (has_fallthrough(b)) {
                        KrExcStack *copy = copy_exc_stack(c, except_stack);
                        if (!copy) goto error;
                        ins->target->exc_stack = copy;
                    } else {
                        ins->target->exc_stack = except_stack;
                        except_stack = NULL;
                    }
                    *todo++ = ins->target;
                    ins->target->visited = 1;
                }
            } else {
                ins->except = handler;
            }
        }
        if (has_fallthrough(b) && b->next && !b->next->visited) {
            b->next->exc_stack = except_stack;
            *todo++ = b->next;
            b->next->visited = 1;
        } else {
            krMem_free(except_stack);
        }
    }
    krMem_free(todo_stack);
    return 0;
error:
    krMem_free(except_stack);
    for (KrBlock *b = entry; b; b = b->next) {
        krMem_free(b->exc_stack);
        b->exc_stack = NULL;
    }
    krMem_free(todo_stack);
    return -1;
}

static void convert_exception_handlers_to_nops(KrBlock *entry) {
    for (KrBlock *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if (is_block_push(ins) || ins->op == KR_OP_POP_BLOCK) ins->op = KR_OP_NOP;
        }
    }
}

// ---------------------------------------------------------------------------
// Jumps and offsets

static int normalize_jumps(KrCompiler *c, KrBlock *entry) {
    for (KrBlock *b = entry; b; b = b->next) b->visited = 0;
    for (KrBlock *b = entry; b; b = b->next) {
        b->visited = 1;
        if (b->n == 0) continue;
        KrInstr *last = &b->instr[b->n - 1];
        if (!is_jump(last)) continue;
        bool fwd = !last->target->visited;
        switch (last->op) {
        case KR_OP_JUMP: last->op = fwd ? KR_OP_JUMP_FORWARD : KR_OP_JUMP_BACKWARD; break;
        case KR_OP_JUMP_NO_INTERRUPT:
            last->op = fwd ? KR_OP_JUMP_FORWARD : KR_OP_JUMP_BACKWARD_NO_INTERRUPT;
            break;
        case KR_OP_POP_JUMP_IF_NOT_NONE:
            last->op = fwd ? KR_OP_POP_JUMP_FORWARD_IF_NOT_NONE : KR_OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        case KR_OP_POP_JUMP_IF_NONE:
            last->op = fwd ? KR_OP_POP_JUMP_FORWARD_IF_NONE : KR_OP_POP_JUMP_BACKWARD_IF_NONE;
            break;
        case KR_OP_POP_JUMP_IF_FALSE:
            last->op = fwd ? KR_OP_POP_JUMP_FORWARD_IF_FALSE : KR_OP_POP_JUMP_BACKWARD_IF_FALSE;
            break;
        case KR_OP_POP_JUMP_IF_TRUE:
            last->op = fwd ? KR_OP_POP_JUMP_FORWARD_IF_TRUE : KR_OP_POP_JUMP_BACKWARD_IF_TRUE;
            break;
        default:
            if (!fwd) {
                // FOR_ITER, SEND and JUMP_IF_*_OR_POP only jump forward.
                krErr_format(c->ts, &KrExc_SystemError, "unexpected %s jumping backwards", krOp_name(last->op));
                return -1;
            }
            break;
        }
    }
    return 0;
}

static void assemble_jump_offsets(KrBlock *entry) {
    bool recompile;
    do {
        int total = 0;
        for (KrBlock *b = entry; b; b = b->next) {
            b->offset = total;
            total += block_size(b);
        }
        recompile = false;
        for (KrBlock *b = entry; b; b = b->next) {
            int pos = b->offset;
            for (int i = 0; i < b->n; i++) {
                KrInstr *ins = &b->instr[i];
                int isize = instr_size(ins);
                pos += isize;
                if (!is_jump(ins)) continue;
                // Relative to the end of the jump (after its caches).
                int target = ins->target->offset;
                ins->arg = target < pos ? pos - target : target - pos;
                if (instr_size(ins) != isize) recompile = true;
            }
        }
    } while (recompile);
}

// ---------------------------------------------------------------------------
// Emission

typedef struct {
    KrCodeUnit *code;
    KrSsize n, cap;
} CodeBuf;

static int emit_unit(KrCompiler *c, CodeBuf *cb, KrCodeUnit u) {
    if (cb->n == cb->cap) {
        KrSsize cap = cb->cap ? cb->cap * 2 : 64;
        KrCodeUnit *p = krMem_realloc(cb->code, sizeof(KrCodeUnit) * (size_t)cap);
        if (!p) {
            krErr_no_memory(c->ts);
            return -1;
        }
        cb->code = p;
        cb->cap = cap;
    }
    cb->code[cb->n++] = u;
    return 0;
}

static int emit_instr(KrCompiler *c, CodeBuf *cb, const KrInstr *ins) {
    int arg = ins->arg;
    if (arg > 0xFFFFFF) CG_CHECK(emit_unit(c, cb, KR_MAKE_UNIT(KR_OP_EXTENDED_ARG, (arg >> 24) & 0xFF)));
    if (arg > 0xFFFF) CG_CHECK(emit_unit(c, cb, KR_MAKE_UNIT(KR_OP_EXTENDED_ARG, (arg >> 16) & 0xFF)));
    if (arg > 0xFF) CG_CHECK(emit_unit(c, cb, KR_MAKE_UNIT(KR_OP_EXTENDED_ARG, (arg >> 8) & 0xFF)));
    CG_CHECK(emit_unit(c, cb, KR_MAKE_UNIT(ins->op, arg & 0xFF)));
    for (int k = 0; k < krOp_info(ins->op)->cache; k++) CG_CHECK(emit_unit(c, cb, KR_MAKE_UNIT(KR_OP_CACHE, 0)));
    return 0;
}

static int emit_exception_table(KrCompiler *c, KrBlock *entry, KrByteBuf *out) {
    KrBlock *handler = NULL;
    int start = -1, ioffset = 0;
    for (KrBlock *b = entry; b; b = b->next) {
        ioffset = b->offset;
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if (ins->except != handler) {
                if (handler) {
                    int depth = handler->startdepth - 1 - handler->preserve_lasti;
                    if (krCode_exctable_add(out, start, ioffset, handler->offset, depth, handler->preserve_lasti) < 0)
                        goto nomem;
                }
                start = ioffset;
                handler = ins->except;
            }
            ioffset += instr_size(ins);
        }
    }
    if (handler) {
        int depth = handler->startdepth - 1 - handler->preserve_lasti;
        if (krCode_exctable_add(out, start, ioffset, handler->offset, depth, handler->preserve_lasti) < 0) goto nomem;
    }
    return 0;
nomem:
    krErr_no_memory(c->ts);
    return -1;
}

// ---------------------------------------------------------------------------
// The prologue and cell slots

static int compute_code_flags(KrCompiler *c) {
    KrSymEntry *ste = c->u->ste;
    int flags = 0;
    if (ste->type == KR_BLOCK_FUNCTION) {
        flags |= KR_CO_NEWLOCALS | KR_CO_OPTIMIZED;
        if (ste->nested) flags |= KR_CO_NESTED;
        if (ste->generator && !ste->coroutine) flags |= KR_CO_GENERATOR;
        if (!ste->generator && ste->coroutine) flags |= KR_CO_COROUTINE;
        if (ste->generator && ste->coroutine) flags |= KR_CO_ASYNC_GENERATOR;
        if (ste->varargs) flags |= KR_CO_VARARGS;
        if (ste->varkeywords) flags |= KR_CO_VARKEYWORDS;
    }
    flags |= c->flags & KR_CF_MASK;
    if (cg_is_top_level_await(c) && ste->coroutine && !ste->generator) flags |= KR_CO_COROUTINE;
    return flags;
}

// fixed[i]: the fast slot of cell/free variable i (arguments that are cells keep their slot).
static int *build_cellfixedoffsets(KrCompiler *c, int nlocals) {
    KrUnit *u = c->u;
    int ncells = krPtrMap_size(&u->cellvars), nfrees = krPtrMap_size(&u->freevars);
    int *fixed = krMem_malloc(sizeof(int) * (size_t)(ncells + nfrees + 1));
    if (!fixed) {
        krErr_no_memory(c->ts);
        return NULL;
    }
    for (int i = 0; i < ncells + nfrees; i++) fixed[i] = nlocals + i;
    const void *name;
    intptr_t cellindex;
    for (int pos = 0; krPtrMap_next(&u->cellvars, &pos, &name, &cellindex);) {
        intptr_t varindex;
        if (krPtrMap_get(&u->varnames, name, &varindex)) fixed[cellindex] = (int)varindex;
    }
    return fixed;
}

static int insert_prefix_instructions(KrCompiler *c, KrBlock *entry, const int *fixed, int nlocals, int nfrees,
                                      int flags) {
    KrUnit *u = c->u;
    if (flags & (KR_CO_GENERATOR | KR_CO_COROUTINE | KR_CO_ASYNC_GENERATOR)) {
        KrInstr make_gen = {.op = KR_OP_RETURN_GENERATOR, .loc = {u->firstlineno, u->firstlineno, -1, -1}};
        KrInstr pop_top = {.op = KR_OP_POP_TOP, .loc = KR_NO_LOC};
        CG_CHECK(insert_instr(c, entry, 0, make_gen));
        CG_CHECK(insert_instr(c, entry, 1, pop_top));
    }
    int ncells = krPtrMap_size(&u->cellvars);
    if (ncells) {
        // MAKE_CELL in slot order (cells that are arguments come first).
        int nvars = ncells + nlocals;
        int *sorted = krMem_calloc((size_t)nvars + 1, sizeof(int));
        if (!sorted) {
            krErr_no_memory(c->ts);
            return -1;
        }
        for (int i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
        for (int i = 0, used = 0; used < ncells; i++) {
            int oldindex = sorted[i] - 1;
            if (oldindex == -1) continue;
            KrInstr make_cell = {.op = KR_OP_MAKE_CELL, .arg = oldindex, .loc = KR_NO_LOC};
            if (insert_instr(c, entry, used, make_cell) < 0) {
                krMem_free(sorted);
                return -1;
            }
            used++;
        }
        krMem_free(sorted);
    }
    if (nfrees) {
        KrInstr copy = {.op = KR_OP_COPY_FREE_VARS, .arg = nfrees, .loc = KR_NO_LOC};
        CG_CHECK(insert_instr(c, entry, 0, copy));
    }
    return 0;
}

static int fix_cell_offsets(KrCompiler *c, KrBlock *entry, int *fixed, int nlocals) {
    int noffsets = krPtrMap_size(&c->u->cellvars) + krPtrMap_size(&c->u->freevars);
    int dropped = 0;
    for (int i = 0; i < noffsets; i++) {
        if (fixed[i] == i + nlocals) fixed[i] -= dropped;
        else dropped++;   // an argument cell: it lives in the argument's slot
    }
    for (KrBlock *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            switch (ins->op) {
            case KR_OP_MAKE_CELL:
            case KR_OP_LOAD_CLOSURE:
            case KR_OP_LOAD_DEREF:
            case KR_OP_STORE_DEREF:
            case KR_OP_DELETE_DEREF:
            case KR_OP_LOAD_CLASSDEREF:
                ins->arg = fixed[ins->arg];
                break;
            default:
                break;
            }
        }
    }
    return dropped;
}

// Names and kinds of the fast slots.
static int localsplus_info(KrCompiler *c, int nlocalsplus, int nlocals, KrObject **names_out, KrObject **kinds_out) {
    KrUnit *u = c->u;
    KrObject *names = krTuple_new(c->ts, nlocalsplus);
    if (!names) return -1;
    for (int i = 0; i < nlocalsplus; i++) KR_TUPLE_SET(names, i, NULL);
    KrObject *kinds = krBytes_from_data(c->ts, NULL, nlocalsplus);
    if (!kinds) {
        for (int i = 0; i < nlocalsplus; i++) KR_TUPLE_SET(names, i, kr_newref(KR_NONE));
        kr_decref(names);
        return -1;
    }
    char *k = krBytes_data(kinds);
    const void *name;
    intptr_t v;
    int r = 0;
#define SET_SLOT(off, nm, kind)                                              \
    do {                                                                     \
        KrObject *s__ = krConst_name(c, (const char *)(nm));                 \
        if (!s__) r = -1;                                                    \
        KR_TUPLE_SET(names, (off), s__ ? s__ : kr_newref(KR_NONE));          \
        k[(off)] = (char)(kind);                                             \
    } while (0)
    for (int pos = 0; krPtrMap_next(&u->varnames, &pos, &name, &v);) {
        int kind = KR_FAST_LOCAL;
        if (krPtrMap_has(&u->cellvars, name)) kind |= KR_FAST_CELL;
        SET_SLOT(v, name, kind);
    }
    int dropped = 0;
    for (int pos = 0; krPtrMap_next(&u->cellvars, &pos, &name, &v);) {
        if (krPtrMap_has(&u->varnames, name)) {
            dropped++;
            continue;
        }
        SET_SLOT(v + nlocals - dropped, name, KR_FAST_CELL);
    }
    for (int pos = 0; krPtrMap_next(&u->freevars, &pos, &name, &v);) SET_SLOT(v + nlocals - dropped, name, KR_FAST_FREE);
#undef SET_SLOT
    for (int i = 0; i < nlocalsplus; i++) {
        if (!KR_TUPLE_GET(names, i)) KR_TUPLE_SET(names, i, kr_newref(KR_NONE));
    }
    if (r < 0) {
        kr_decref(names);
        kr_decref(kinds);
        return -1;
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

static KrObject *names_tuple(KrCompiler *c, KrPtrMap *m) {
    KrObject *t = krTuple_new(c->ts, krPtrMap_size(m));
    if (!t) return NULL;
    const void *name;
    intptr_t v;
    bool ok = true;
    for (int pos = 0; krPtrMap_next(m, &pos, &name, &v);) {
        KrObject *s = krConst_name(c, name);
        if (!s) {
            ok = false;
            s = kr_newref(KR_NONE);
        }
        KR_TUPLE_SET(t, v, s);
    }
    if (!ok) {
        kr_decref(t);
        return NULL;
    }
    return t;
}

// Only unused constants at the end go (the first may be a docstring).
static void trim_unused_consts(KrCompiler *c, KrBlock *entry) {
    int max_index = 0;
    for (KrBlock *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            if ((ins->op == KR_OP_LOAD_CONST || ins->op == KR_OP_KW_NAMES) && ins->arg > max_index)
                max_index = ins->arg;
        }
    }
    KrConstTable *t = &c->u->consts;
    while (t->n > max_index + 1) kr_decref(t->items[--t->n]);
    // The dedup index may now point past the end; nothing is added afterwards.
}

// ---------------------------------------------------------------------------

typedef struct {
    CodeBuf code;
    KrLineWriter lines;
    KrByteBuf exc;
    int *fixed;
    KrObject *consts, *names, *lp_names, *lp_kinds, *linetable, *exctable;
} Assembly;

static void assembly_free(Assembly *a) {
    krMem_free(a->code.code);
    krMem_free(a->lines.buf.data);
    krMem_free(a->exc.data);
    krMem_free(a->fixed);
    kr_xdecref(a->consts);
    kr_xdecref(a->names);
    kr_xdecref(a->lp_names);
    kr_xdecref(a->lp_kinds);
    kr_xdecref(a->linetable);
    kr_xdecref(a->exctable);
}

static int finish_return(KrCompiler *c, bool add_none) {
    KrBlock *cur = c->u->curblock;
    if (cur->n > 0 && cur->instr[cur->n - 1].op == KR_OP_RETURN_VALUE) return 0;
    UNSET_LOC(c);
    if (add_none) ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP(c, RETURN_VALUE);
    return 0;
}

static int emit_all(KrCompiler *c, KrBlock *entry, Assembly *a) {
    krCode_linewriter_init(&a->lines, c->u->firstlineno);
    for (KrBlock *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            KrInstr *ins = &b->instr[i];
            CG_CHECK(emit_instr(c, &a->code, ins));
            KrLoc l = ins->loc;
            if (krCode_linewriter_add(&a->lines, instr_size(ins), l.lineno, l.end_lineno, l.col, l.end_col) < 0) {
                krErr_no_memory(c->ts);
                return -1;
            }
        }
    }
    CG_CHECK(emit_exception_table(c, entry, &a->exc));
    a->linetable = krBytes_from_data(c->ts, (const char *)a->lines.buf.data, a->lines.buf.size);
    a->exctable = krBytes_from_data(c->ts, (const char *)a->exc.data, a->exc.size);
    return a->linetable && a->exctable ? 0 : -1;
}

static int assemble_blocks(KrCompiler *c, Assembly *a, int flags, int *nlocalsplus_out, int *maxdepth_out) {
    KrUnit *u = c->u;
    KrBlock *entry = u->entry;
    for (KrBlock *b = u->blocks; b; b = b->list_next) CG_CHECK(normalize_block(c, b));
    for (KrBlock *b = u->blocks; b; b = b->list_next) CG_CHECK(extend_block(c, b));
    int nlocals = krPtrMap_size(&u->varnames);
    int ncells = krPtrMap_size(&u->cellvars), nfrees = krPtrMap_size(&u->freevars);
    a->fixed = build_cellfixedoffsets(c, nlocals);
    if (!a->fixed) return -1;
    CG_CHECK(insert_prefix_instructions(c, entry, a->fixed, nlocals, nfrees, flags));
    int dropped = fix_cell_offsets(c, entry, a->fixed, nlocals);
    *nlocalsplus_out = nlocals + ncells + nfrees - dropped;
    CG_CHECK(optimize_cfg(c, entry));
    CG_CHECK(duplicate_exits_without_lineno(c));
    trim_unused_consts(c, entry);
    propagate_line_numbers(entry);
    guarantee_lineno_for_exits(entry, u->firstlineno);
    int nblocks = count_blocks(u);
    int maxdepth = stackdepth(c, entry, nblocks);
    if (maxdepth < 0) return -1;
    *maxdepth_out = maxdepth;
    CG_CHECK(label_exception_targets(c, entry, nblocks));
    convert_exception_handlers_to_nops(entry);
    for (KrBlock *b = entry; b; b = b->next) clean_block(b);
    CG_CHECK(normalize_jumps(c, entry));
    assemble_jump_offsets(entry);
    return emit_all(c, entry, a);
}

KrObject *krAssemble(KrCompiler *c, bool add_none) {
    KrUnit *u = c->u;
    Assembly a = {0};
    KrObject *co = NULL;
    if (finish_return(c, add_none) < 0) return NULL;
    int flags = compute_code_flags(c);
    int nlocalsplus = 0, maxdepth = 0;
    if (assemble_blocks(c, &a, flags, &nlocalsplus, &maxdepth) < 0) goto done;
    a.consts = krTuple_new(c->ts, u->consts.n);
    for (int i = 0; a.consts && i < u->consts.n; i++) KR_TUPLE_SET(a.consts, i, NULL);
    for (int i = 0; a.consts && i < u->consts.n; i++) {
        KrObject *k = krConst_finalize(c, u->consts.items[i]);
        if (!k) {
            for (int j = i; j < u->consts.n; j++) KR_TUPLE_SET(a.consts, j, kr_newref(KR_NONE));
            KR_CLEAR(a.consts);
            break;
        }
        KR_TUPLE_SET(a.consts, i, k);
    }
    a.names = names_tuple(c, &u->names);
    if (!a.consts || !a.names) goto done;
    if (localsplus_info(c, nlocalsplus, krPtrMap_size(&u->varnames), &a.lp_names, &a.lp_kinds) < 0) goto done;
    KrObject *name = krStr_from_utf8(c->ts, u->name, (KrSsize)strlen(u->name));
    if (!name) goto done;
    KrCodeSpec spec = {
        .argcount = u->argcount + u->posonlyargcount,
        .posonlyargcount = u->posonlyargcount,
        .kwonlyargcount = u->kwonlyargcount,
        .stacksize = maxdepth,
        .flags = flags,
        .firstlineno = u->firstlineno,
        .code = a.code.code,
        .ncodeunits = a.code.n,
        .consts = a.consts,
        .names = a.names,
        .localsplusnames = a.lp_names,
        .localspluskinds = a.lp_kinds,
        .filename = c->filename,
        .name = name,
        .qualname = u->qualname ? u->qualname : name,
        .linetable = a.linetable,
        .exceptiontable = a.exctable,
    };
    co = krCode_new(c->ts, &spec);
    kr_decref(name);
done:
    assembly_free(&a);
    return co;
}
