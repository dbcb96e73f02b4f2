/*
 * codegen_pattern.c — the match statement (PEP 634), as CPython 3.11
 * compiles it.
 *
 * Every pattern routine consumes the subject on top of the stack and, when
 * the match fails, jumps to a "fail_pop" block that pops whatever the pattern
 * had pushed.  `on_top` counts the items above the subject that a failure
 * must pop; captured values are kept on the stack, *below* those items, and
 * stored into their names only once the whole case pattern has matched (so a
 * failed case binds nothing).
 */
#include <string.h>

#include "compiler/compiler.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

typedef struct {
    const char **stores;           // names captured so far, in stack order
    int nstores, capstores;
    bool allow_irrefutable;
    KrBlock **fail_pop;            // fail_pop[n] pops n items then fails
    int fail_pop_size;
    int on_top;
} PatternContext;

#define WILDCARD_CHECK(p) ((p)->kind == KR_PAT_MatchAs && !(p)->v.MatchAs.name && !(p)->v.MatchAs.pattern)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == KR_PAT_MatchStar && !(p)->v.MatchStar.name)

static int compile_pattern(KrCompiler *c, KrAstPattern *p, PatternContext *pc);

static int stores_add(KrCompiler *c, PatternContext *pc, const char *name) {
    if (pc->nstores == pc->capstores) {
        int cap = pc->capstores ? pc->capstores * 2 : 8;
        const char **p = krMem_realloc(pc->stores, sizeof(char *) * (size_t)cap);
        if (!p) {
            krErr_no_memory(c->ts);
            return -1;
        }
        pc->stores = p;
        pc->capstores = cap;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int stores_index(PatternContext *pc, const char *name) {
    for (int i = 0; i < pc->nstores; i++)
        if (pc->stores[i] == name) return i;
    return -1;
}

static int ensure_fail_pop(KrCompiler *c, PatternContext *pc, int n) {
    int size = n + 1;
    if (size <= pc->fail_pop_size) return 0;
    KrBlock **p = krMem_realloc(pc->fail_pop, sizeof(KrBlock *) * (size_t)size);
    if (!p) {
        krErr_no_memory(c->ts);
        return -1;
    }
    pc->fail_pop = p;
    while (pc->fail_pop_size < size) {
        KrBlock *b = cg_new_block(c);
        if (!b) return -1;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 0;
}

// Jumps (with `op`) to the block that pops what is on top plus the pending captures.
static int jump_to_fail_pop(KrCompiler *c, PatternContext *pc, int op) {
    int pops = pc->on_top + pc->nstores;
    CG_CHECK(ensure_fail_pop(c, pc, pops));
    return cg_addop_jump(c, op, pc->fail_pop[pops]);
}

static int emit_and_reset_fail_pop(KrCompiler *c, PatternContext *pc) {
    if (!pc->fail_pop_size) return 0;
    int r = 0;
    while (--pc->fail_pop_size) {
        cg_use_next_block(c, pc->fail_pop[pc->fail_pop_size]);
        if (cg_addop(c, KR_OP_POP_TOP, 0) < 0) {
            r = -1;
            break;
        }
    }
    if (r == 0) cg_use_next_block(c, pc->fail_pop[0]);
    krMem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    return r;
}

static int duplicate_store(KrCompiler *c, const char *name) {
    return krCompiler_error(c, "multiple assignments to name '%s' in pattern", name);
}

// What 3.10's ROT_N did, with SWAPs.
static int rotate(KrCompiler *c, int count) {
    while (1 < count) ADDOP_I(c, SWAP, count--);
    return 0;
}

static int store_name(KrCompiler *c, const char *name, PatternContext *pc) {
    if (!name) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    CG_CHECK(cg_forbidden_name(c, name, KR_CTX_Store));
    const char *n = krCompiler_intern(c, name, strlen(name));
    if (!n) return -1;
    if (stores_index(pc, n) >= 0) return duplicate_store(c, name);
    // Keep the captured value under everything still needed.
    CG_CHECK(rotate(c, pc->on_top + pc->nstores + 1));
    return stores_add(c, pc, n);
}

static int subpattern(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    CG_CHECK(compile_pattern(c, p, pc));
    pc->allow_irrefutable = allow;
    return 0;
}

static int unpack_helper(KrCompiler *c, KrAstPatternSeq *elts) {
    int n = KR_AST_LEN(elts);
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        KrAstPattern *elt = elts->items[i];
        if (elt->kind == KR_PAT_MatchStar && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 23))
                return krCompiler_error(c, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(c, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == KR_PAT_MatchStar) {
            return krCompiler_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, n);
    return 0;
}

static int sequence_unpack(KrCompiler *c, KrAstPatternSeq *patterns, PatternContext *pc) {
    CG_CHECK(unpack_helper(c, patterns));
    int size = KR_AST_LEN(patterns);
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        CG_CHECK(subpattern(c, patterns->items[i], pc));
    }
    return 0;
}

// [first, *_, last]: index the subject instead of unpacking it.
static int sequence_subscr(KrCompiler *c, KrAstPatternSeq *patterns, int star, PatternContext *pc) {
    pc->on_top++;
    int size = KR_AST_LEN(patterns);
    for (int i = 0; i < size; i++) {
        KrAstPattern *p = patterns->items[i];
        if (WILDCARD_CHECK(p) || i == star) continue;
        ADDOP_I(c, COPY, 1);
        if (i < star) {
            ADDOP_LOAD_CONST(c, kr_smallint(i));
        } else {
            // The subject may not support negative indexes.
            ADDOP(c, GET_LEN);
            ADDOP_LOAD_CONST(c, kr_smallint(size - i));
            ADDOP_I(c, BINARY_OP, KR_NB_SUBTRACT);
        }
        ADDOP(c, BINARY_SUBSCR);
        CG_CHECK(subpattern(c, p, pc));
    }
    pc->on_top--;
    ADDOP(c, POP_TOP);
    return 0;
}

static int pattern_as(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return krCompiler_error(c, "name capture '%s' makes remaining patterns unreachable", p->v.MatchAs.name);
            return krCompiler_error(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    ADDOP_I(c, COPY, 1);
    CG_CHECK(compile_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, p->v.MatchAs.name, pc);
}

static int validate_kwd_attrs(KrCompiler *c, KrAstIdentifierSeq *attrs, KrAstPatternSeq *patterns) {
    int n = KR_AST_LEN(attrs);
    for (int i = 0; i < n; i++) {
        const char *attr = attrs->items[i];
        SET_LOC(c, patterns->items[i]);
        CG_CHECK(cg_forbidden_name(c, attr, KR_CTX_Store));
        for (int j = i + 1; j < n; j++) {
            if (strcmp(attr, attrs->items[j]) == 0) {
                SET_LOC(c, patterns->items[j]);
                return krCompiler_error(c, "attribute name repeated in class pattern: %s", attr);
            }
        }
    }
    return 0;
}

static int pattern_class(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    KrAstPatternSeq *patterns = p->v.MatchClass.patterns, *kwd_patterns = p->v.MatchClass.kwd_patterns;
    KrAstIdentifierSeq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    int nargs = KR_AST_LEN(patterns), nattrs = KR_AST_LEN(kwd_attrs);
    if (nattrs != KR_AST_LEN(kwd_patterns))
        return krCompiler_error(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs,
                                KR_AST_LEN(kwd_patterns));
    if (nattrs) {
        CG_CHECK(validate_kwd_attrs(c, kwd_attrs, kwd_patterns));
        SET_LOC(c, p);
    }
    VISIT(c, p->v.MatchClass.cls);
    KrObject *names = krTuple_new(c->ts, nattrs);
    if (!names) return -1;
    for (int i = 0; i < nattrs; i++) {
        KrObject *s = krConst_name(c, kwd_attrs->items[i]);
        if (!s) {
            for (int j = i; j < nattrs; j++) KR_TUPLE_SET(names, j, kr_newref(KR_NONE));
            kr_decref(names);
            return -1;
        }
        KR_TUPLE_SET(names, i, s);
    }
    CG_CHECK(cg_load_const_new(c, names));
    ADDOP_I(c, MATCH_CLASS, nargs);
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP_I(c, IS_OP, 1);
    // A tuple of nargs + nattrs attributes (or None) is on top.
    pc->on_top++;
    CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        KrAstPattern *sub = i < nargs ? patterns->items[i] : kwd_patterns->items[i - nargs];
        if (WILDCARD_CHECK(sub)) {
            ADDOP(c, POP_TOP);
            continue;
        }
        CG_CHECK(subpattern(c, sub, pc));
    }
    return 0;
}

// Checks the keys of a mapping pattern (literals and attribute lookups, no
// duplicate literals) and pushes them.
static int mapping_keys(KrCompiler *c, KrAstExprSeq *keys, KrAstPatternSeq *patterns, int size) {
    for (int i = 0; i < size; i++) {
        KrAstExpr *key = keys->items[i];
        if (!key) {
            SET_LOC(c, patterns->items[i]);
            return krCompiler_error(c, "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
        }
        if (key->kind == KR_EXPR_Constant) {
            KrObject *v = krConst_of(c, key);
            if (!v) return -1;
            for (int j = 0; j < i; j++) {
                KrAstExpr *prev = keys->items[j];
                if (prev->kind != KR_EXPR_Constant) continue;
                KrObject *pv = krConst_of(c, prev);
                if (!pv) return -1;
                int eq = krObj_eq(c->ts, pv, v);
                if (eq < 0) return -1;
                if (eq) return krCompiler_error(c, "mapping pattern checks duplicate key (%R)", v);
            }
        } else if (key->kind != KR_EXPR_Attribute) {
            return krCompiler_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        VISIT(c, key);
    }
    return 0;
}

static int pattern_mapping(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    KrAstExprSeq *keys = p->v.MatchMapping.keys;
    KrAstPatternSeq *patterns = p->v.MatchMapping.patterns;
    int size = KR_AST_LEN(keys), npatterns = KR_AST_LEN(patterns);
    if (size != npatterns)
        return krCompiler_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size, npatterns);
    const char *star_target = p->v.MatchMapping.rest;
    // Keep the subject on top during the mapping and length checks.
    pc->on_top++;
    ADDOP(c, MATCH_MAPPING);
    CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        // {}: done.
        pc->on_top--;
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (size) {
        ADDOP(c, GET_LEN);
        ADDOP_LOAD_CONST(c, kr_smallint(size));
        ADDOP_I(c, COMPARE_OP, KR_GE);
        CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    }
    CG_CHECK(mapping_keys(c, keys, patterns, size));
    ADDOP_I(c, BUILD_TUPLE, size);
    ADDOP(c, MATCH_KEYS);
    // A tuple of keys and a tuple of values (or None) are above the subject.
    pc->on_top += 2;
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, KR_NONE);
    ADDOP_I(c, IS_OP, 1);
    CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        CG_CHECK(subpattern(c, patterns->items[i], pc));
    }
    // A match: what follows consumes the keys and the subject.
    pc->on_top -= 2;
    if (star_target) {
        // rest = dict(subject); for key in keys: del rest[key]
        ADDOP_I(c, BUILD_MAP, 0);
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, DICT_UPDATE, 2);
        ADDOP_I(c, UNPACK_SEQUENCE, size);
        while (size) {
            ADDOP_I(c, COPY, 1 + size--);
            ADDOP_I(c, SWAP, 2);
            ADDOP(c, DELETE_SUBSCR);
        }
        return store_name(c, star_target, pc);
    }
    ADDOP(c, POP_TOP);   // the keys
    ADDOP(c, POP_TOP);   // the subject
    return 0;
}

// One alternative of an or-pattern; its captures must match `control`'s.
static int or_alternative(KrCompiler *c, KrAstPattern *alt, PatternContext *pc, const char **control, int ncontrol,
                          bool first) {
    CG_CHECK(cg_addop(c, KR_OP_COPY, 1));
    CG_CHECK(compile_pattern(c, alt, pc));
    if (first) return 0;
    if (pc->nstores != ncontrol) return krCompiler_error(c, "alternative patterns bind different names");
    for (int icontrol = ncontrol - 1; icontrol >= 0; icontrol--) {
        int istores = stores_index(pc, control[icontrol]);
        if (istores < 0) return krCompiler_error(c, "alternative patterns bind different names");
        if (icontrol != istores) {
            // Reorder the captures to control's order: stores[:rot] moves to icontrol - istores.
            int rotations = istores + 1;
            const char **rotated = krMem_malloc(sizeof(char *) * (size_t)rotations);
            if (!rotated) {
                krErr_no_memory(c->ts);
                return -1;
            }
            memcpy(rotated, pc->stores, sizeof(char *) * (size_t)rotations);
            memmove(pc->stores, pc->stores + rotations, sizeof(char *) * (size_t)(pc->nstores - rotations));
            int at = icontrol - istores;
            memmove(pc->stores + at + rotations, pc->stores + at,
                    sizeof(char *) * (size_t)(pc->nstores - rotations - at));
            memcpy(pc->stores + at, rotated, sizeof(char *) * (size_t)rotations);
            krMem_free(rotated);
            while (rotations--) CG_CHECK(rotate(c, icontrol + 1));
        }
    }
    return 0;
}

static int pattern_or(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    KrBlock *end = cg_new_block(c);
    if (!end) return -1;
    int size = KR_AST_LEN(p->v.MatchOr.patterns);
    PatternContext old = *pc;
    const char **control = NULL;
    int ncontrol = 0, r = -1;
    PatternContext alt_pc = {0};
    for (int i = 0; i < size; i++) {
        KrAstPattern *alt = p->v.MatchOr.patterns->items[i];
        SET_LOC(c, alt);
        alt_pc.nstores = 0;
        alt_pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
        alt_pc.fail_pop = NULL;
        alt_pc.fail_pop_size = 0;
        alt_pc.on_top = 0;
        if (or_alternative(c, alt, &alt_pc, control, ncontrol, i == 0) < 0) goto done;
        if (i == 0) {
            // The first alternative's captures are the "control" for the others.
            control = alt_pc.stores;
            ncontrol = alt_pc.nstores;
            alt_pc.stores = NULL;
            alt_pc.capstores = 0;
            alt_pc.nstores = 0;
        }
        if (cg_addop_jump(c, KR_OP_JUMP, end) < 0 || emit_and_reset_fail_pop(c, &alt_pc) < 0) goto done;
    }
    *pc = old;
    // No alternative matched: pop the remaining copy of the subject and fail.
    if (cg_addop(c, KR_OP_POP_TOP, 0) < 0 || jump_to_fail_pop(c, pc, KR_OP_JUMP) < 0) goto done_pc;
    cg_use_next_block(c, end);
    // Move each new capture below the copy of the subject, whatever else is
    // on top, and the captures stashed before this pattern.
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        if (rotate(c, nrots) < 0) goto done_pc;
        if (stores_index(pc, control[i]) >= 0) {
            duplicate_store(c, control[i]);
            goto done_pc;
        }
        if (stores_add(c, pc, control[i]) < 0) goto done_pc;
    }
    if (cg_addop(c, KR_OP_POP_TOP, 0) < 0) goto done_pc;   // the copy of the subject
    r = 0;
    goto done_pc;
done:
    *pc = old;
done_pc:
    krMem_free(alt_pc.stores);
    krMem_free(alt_pc.fail_pop);
    krMem_free(control);
    return r;
}

static int pattern_sequence(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    KrAstPatternSeq *patterns = p->v.MatchSequence.patterns;
    int size = KR_AST_LEN(patterns), star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        KrAstPattern *sub = patterns->items[i];
        if (sub->kind == KR_PAT_MatchStar) {
            if (star >= 0) return krCompiler_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(sub);
    }
    pc->on_top++;
    ADDOP(c, MATCH_SEQUENCE);
    CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    if (star < 0) {
        ADDOP(c, GET_LEN);
        ADDOP_LOAD_CONST(c, kr_smallint(size));
        ADDOP_I(c, COMPARE_OP, KR_EQ);
        CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    } else if (size - 1) {
        ADDOP(c, GET_LEN);
        ADDOP_LOAD_CONST(c, kr_smallint(size - 1));
        ADDOP_I(c, COMPARE_OP, KR_GE);
        CG_CHECK(jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (star_wildcard) return sequence_subscr(c, patterns, star, pc);
    return sequence_unpack(c, patterns, pc);
}

static int compile_pattern(KrCompiler *c, KrAstPattern *p, PatternContext *pc) {
    SET_LOC(c, p);
    switch (p->kind) {
    case KR_PAT_MatchValue: {
        KrAstExpr *value = p->v.MatchValue.value;
        if (value->kind != KR_EXPR_Constant && value->kind != KR_EXPR_Attribute)
            return krCompiler_error(c, "patterns may only match literals and attribute lookups");
        VISIT(c, value);
        ADDOP_I(c, COMPARE_OP, KR_EQ);
        return jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE);
    }
    case KR_PAT_MatchSingleton: {
        KrObject *v = p->v.MatchSingleton.value.kind == KR_CONST_TRUE    ? KR_TRUE
                      : p->v.MatchSingleton.value.kind == KR_CONST_FALSE ? KR_FALSE
                                                                         : KR_NONE;
        ADDOP_LOAD_CONST(c, v);
        ADDOP_I(c, IS_OP, 0);
        return jump_to_fail_pop(c, pc, KR_OP_POP_JUMP_IF_FALSE);
    }
    case KR_PAT_MatchSequence: return pattern_sequence(c, p, pc);
    case KR_PAT_MatchMapping: return pattern_mapping(c, p, pc);
    case KR_PAT_MatchClass: return pattern_class(c, p, pc);
    case KR_PAT_MatchStar: return store_name(c, p->v.MatchStar.name, pc);
    case KR_PAT_MatchAs: return pattern_as(c, p, pc);
    case KR_PAT_MatchOr: return pattern_or(c, p, pc);
    }
    return krCompiler_error(c, "invalid match pattern node in AST (kind=%d)", (int)p->kind);
}

static int match_case(KrCompiler *c, KrAstMatchCase *m, PatternContext *pc, bool copy_subject, bool last,
                      KrBlock *end) {
    SET_LOC(c, m->pattern);
    if (copy_subject) ADDOP_I(c, COPY, 1);
    pc->nstores = 0;
    // An irrefutable case must be guarded, or last.
    pc->allow_irrefutable = m->guard != NULL || last;
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    pc->on_top = 0;
    CG_CHECK(compile_pattern(c, m->pattern, pc));
    // A match: store the captured names (they are on the stack).
    for (int n = 0; n < pc->nstores; n++) CG_CHECK(cg_nameop(c, pc->stores[n], KR_CTX_Store));
    if (m->guard) {
        CG_CHECK(ensure_fail_pop(c, pc, 0));
        CG_CHECK(cg_jump_if(c, m->guard, pc->fail_pop[0], false));
    }
    if (copy_subject) ADDOP(c, POP_TOP);   // done with the subject
    VISIT_STMTS(c, m->body);
    UNSET_LOC(c);
    ADDOP_JUMP(c, JUMP, end);
    // The cleanup of a failed match belongs to its pattern's line.
    SET_LOC(c, m->pattern);
    return emit_and_reset_fail_pop(c, pc);
}

static int match_inner(KrCompiler *c, KrAstStmt *s, PatternContext *pc) {
    VISIT(c, s->v.Match.subject);
    KrBlock *end = cg_new_block(c);
    if (!end) return -1;
    int cases = KR_AST_LEN(s->v.Match.cases);
    KrAstMatchCase *m = s->v.Match.cases->items[cases - 1];
    int has_default = WILDCARD_CHECK(m->pattern) && 1 < cases;
    for (int i = 0; i < cases - has_default; i++) {
        m = s->v.Match.cases->items[i];
        CG_CHECK(match_case(c, m, pc, i != cases - has_default - 1, i == cases - 1, end));
    }
    if (has_default) {
        // A trailing `case _:` needs no copy of the subject.
        m = s->v.Match.cases->items[cases - 1];
        SET_LOC(c, m->pattern);
        if (cases == 1) ADDOP(c, POP_TOP);
        else ADDOP(c, NOP);   // line coverage for the default case
        if (m->guard) CG_CHECK(cg_jump_if(c, m->guard, end, false));
        VISIT_STMTS(c, m->body);
        UNSET_LOC(c);
    }
    cg_use_next_block(c, end);
    return 0;
}

int cg_match(KrCompiler *c, KrAstStmt *s) {
    PatternContext pc = {0};
    int r = match_inner(c, s, &pc);
    krMem_free(pc.stores);
    krMem_free(pc.fail_pop);
    return r;
}
