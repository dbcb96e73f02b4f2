/*
 * codegen_stmt.c — code generation for statements: assignments, control
 * flow (if / while / for / break / continue / return), exception handling
 * (try / except / except* / finally), with, imports, assert.
 *
 * Exception handling uses zero-cost exception tables: SETUP_FINALLY /
 * SETUP_CLEANUP / SETUP_WITH open a protected region whose handler is the
 * jump target, POP_BLOCK closes it; flowgraph.c turns these pseudo-ops into
 * table entries.  A handler starts with the exception pushed (and the
 * instruction offset below it for SETUP_CLEANUP / SETUP_WITH, so RERAISE can
 * restore f_lasti).  Handlers that run with an exception being handled are
 * wrapped in a SETUP_CLEANUP whose target restores the previous exc_info
 * (COPY 3, POP_EXCEPT, RERAISE 1).
 *
 * `return`, `break` and `continue` inside try/with emit the cleanup of every
 * frame block they leave (finally bodies are duplicated there).
 */
#include <string.h>

#include "compiler/compiler.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

int cg_visit_stmts(KrCompiler *c, KrAstStmtSeq *seq) {
    for (int i = 0; i < KR_AST_LEN(seq); i++) CG_CHECK(cg_visit_stmt(c, seq->items[i]));
    return 0;
}

#define POP_EXCEPT_AND_RERAISE(c) \
    do { ADDOP_I(c, COPY, 3); ADDOP(c, POP_EXCEPT); ADDOP_I(c, RERAISE, 1); } while (0)

// ---------------------------------------------------------------------------
// return / break / continue

static int compile_return(KrCompiler *c, KrAstStmt *s) {
    KrAstExpr *value = s->v.Return.value;
    bool preserve_tos = value && value->kind != KR_EXPR_Constant;
    if (c->u->ste->type != KR_BLOCK_FUNCTION) return krCompiler_error(c, "'return' outside function");
    if (value && c->u->ste->coroutine && c->u->ste->generator)
        return krCompiler_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, value);
    } else if (value) {
        // An instruction with the line of the returned constant.
        SET_LOC(c, value);
        ADDOP(c, NOP);
    }
    if (!value || value->lineno != s->lineno) {
        SET_LOC(c, s);
        ADDOP(c, NOP);
    }
    CG_CHECK(cg_unwind_fblock_stack(c, preserve_tos, NULL));
    if (!value) {
        ADDOP_LOAD_CONST(c, KR_NONE);
    } else if (!preserve_tos) {
        KrObject *k = krConst_of(c, value);
        if (!k) return -1;
        ADDOP_LOAD_CONST(c, k);
    }
    ADDOP(c, RETURN_VALUE);
    return 0;
}

static int compile_break(KrCompiler *c) {
    KrFBlock *loop = NULL;
    ADDOP(c, NOP);   // an instruction with the line number
    CG_CHECK(cg_unwind_fblock_stack(c, false, &loop));
    if (!loop) return krCompiler_error(c, "'break' outside loop");
    CG_CHECK(cg_unwind_fblock(c, loop, false));
    ADDOP_JUMP(c, JUMP, loop->exit);
    return 0;
}

static int compile_continue(KrCompiler *c) {
    KrFBlock *loop = NULL;
    ADDOP(c, NOP);
    CG_CHECK(cg_unwind_fblock_stack(c, false, &loop));
    if (!loop) return krCompiler_error(c, "'continue' not properly in loop");
    ADDOP_JUMP(c, JUMP, loop->block);
    return 0;
}

// ---------------------------------------------------------------------------
// Loops and conditionals

static int compile_if(KrCompiler *c, KrAstStmt *s) {
    KrBlock *end = cg_new_block(c), *next = end;
    if (!end) return -1;
    if (KR_AST_LEN(s->v.If.orelse) && !(next = cg_new_block(c))) return -1;
    CG_CHECK(cg_jump_if(c, s->v.If.test, next, false));
    VISIT_STMTS(c, s->v.If.body);
    if (KR_AST_LEN(s->v.If.orelse)) {
        ADDOP_JUMP_NOLINE(c, JUMP, end);
        cg_use_next_block(c, next);
        VISIT_STMTS(c, s->v.If.orelse);
    }
    cg_use_next_block(c, end);
    return 0;
}

// The test is repeated at the bottom, so each iteration takes one jump.
static int compile_while(KrCompiler *c, KrAstStmt *s) {
    KrBlock *loop = cg_new_block(c), *body = cg_new_block(c), *anchor = cg_new_block(c), *end = cg_new_block(c);
    if (!loop || !body || !anchor || !end) return -1;
    cg_use_next_block(c, loop);
    CG_CHECK(cg_push_fblock(c, KR_FB_WHILE_LOOP, loop, end, NULL));
    CG_CHECK(cg_jump_if(c, s->v.While.test, anchor, false));
    cg_use_next_block(c, body);
    VISIT_STMTS(c, s->v.While.body);
    SET_LOC(c, s);
    CG_CHECK(cg_jump_if(c, s->v.While.test, body, true));
    cg_pop_fblock(c, KR_FB_WHILE_LOOP, loop);
    cg_use_next_block(c, anchor);
    VISIT_STMTS(c, s->v.While.orelse);
    cg_use_next_block(c, end);
    return 0;
}

static int compile_for(KrCompiler *c, KrAstStmt *s) {
    KrBlock *start = cg_new_block(c), *body = cg_new_block(c), *cleanup = cg_new_block(c), *end = cg_new_block(c);
    if (!start || !body || !cleanup || !end) return -1;
    CG_CHECK(cg_push_fblock(c, KR_FB_FOR_LOOP, start, end, NULL));
    VISIT(c, s->v.For.iter);
    ADDOP(c, GET_ITER);
    cg_use_next_block(c, start);
    ADDOP_JUMP(c, FOR_ITER, cleanup);
    cg_use_next_block(c, body);
    VISIT(c, s->v.For.target);
    VISIT_STMTS(c, s->v.For.body);
    UNSET_LOC(c);   // the jump back is artificial
    ADDOP_JUMP(c, JUMP, start);
    cg_use_next_block(c, cleanup);
    cg_pop_fblock(c, KR_FB_FOR_LOOP, start);
    VISIT_STMTS(c, s->v.For.orelse);
    cg_use_next_block(c, end);
    return 0;
}

static int compile_async_for(KrCompiler *c, KrAstStmt *s) {
    if (cg_is_top_level_await(c)) c->u->ste->coroutine = 1;
    else if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION) return krCompiler_error(c, "'async for' outside async function");
    KrBlock *start = cg_new_block(c), *except = cg_new_block(c), *end = cg_new_block(c);
    if (!start || !except || !end) return -1;
    VISIT(c, s->v.AsyncFor.iter);
    ADDOP(c, GET_AITER);
    cg_use_next_block(c, start);
    CG_CHECK(cg_push_fblock(c, KR_FB_FOR_LOOP, start, end, NULL));
    // SETUP_FINALLY guards the __anext__ call.
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    ADDOP_LOAD_CONST(c, KR_NONE);
    CG_CHECK(cg_add_yield_from(c, true));
    ADDOP(c, POP_BLOCK);
    VISIT(c, s->v.AsyncFor.target);
    VISIT_STMTS(c, s->v.AsyncFor.body);
    UNSET_LOC(c);
    ADDOP_JUMP(c, JUMP, start);
    cg_pop_fblock(c, KR_FB_FOR_LOOP, start);
    cg_use_next_block(c, except);
    // END_ASYNC_FOR belongs to the `for`, not the body: the line of the iterable.
    SET_LOC(c, s->v.AsyncFor.iter);
    ADDOP(c, END_ASYNC_FOR);
    VISIT_STMTS(c, s->v.AsyncFor.orelse);
    cg_use_next_block(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// try / except / finally

static int compile_try_except(KrCompiler *c, KrAstStmt *s);

static int compile_try_finally(KrCompiler *c, KrAstStmt *s, bool star);

static int try_body_with_handlers(KrCompiler *c, KrAstStmt *s, bool star);

static int compile_try_finally(KrCompiler *c, KrAstStmt *s, bool star) {
    KrBlock *body = cg_new_block(c), *end = cg_new_block(c), *exit = cg_new_block(c), *cleanup = cg_new_block(c);
    if (!body || !end || !exit || !cleanup) return -1;
    ADDOP_JUMP(c, SETUP_FINALLY, end);
    cg_use_next_block(c, body);
    CG_CHECK(cg_push_fblock(c, KR_FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (KR_AST_LEN(s->v.Try.handlers)) {
        CG_CHECK(try_body_with_handlers(c, s, star));
    } else {
        VISIT_STMTS(c, s->v.Try.body);
    }
    ADDOP_NOLINE(c, POP_BLOCK);
    cg_pop_fblock(c, KR_FB_FINALLY_TRY, body);
    VISIT_STMTS(c, s->v.Try.finalbody);
    ADDOP_JUMP_NOLINE(c, JUMP, exit);
    // The finally body on the exceptional path.
    cg_use_next_block(c, end);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CG_CHECK(cg_push_fblock(c, KR_FB_FINALLY_END, end, NULL, NULL));
    VISIT_STMTS(c, s->v.Try.finalbody);
    cg_pop_fblock(c, KR_FB_FINALLY_END, end);
    ADDOP_I(c, RERAISE, 0);
    cg_use_next_block(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c);
    cg_use_next_block(c, exit);
    return 0;
}

// `name = None; del name` after an `except ... as name` body.
static int clear_handler_name(KrCompiler *c, const char *name) {
    ADDOP_LOAD_CONST(c, KR_NONE);
    CG_CHECK(cg_nameop(c, name, KR_CTX_Store));
    return cg_nameop(c, name, KR_CTX_Del);
}

static int except_handler(KrCompiler *c, KrAstExcepthandler *h, KrBlock *end, KrBlock *except) {
    if (h->type) {
        VISIT(c, h->type);
        ADDOP(c, CHECK_EXC_MATCH);
        ADDOP_JUMP(c, POP_JUMP_IF_FALSE, except);
    }
    if (h->name) {
        KrBlock *cleanup_end = cg_new_block(c), *cleanup_body = cg_new_block(c);
        if (!cleanup_end || !cleanup_body) return -1;
        CG_CHECK(cg_nameop(c, h->name, KR_CTX_Store));
        // try: body  finally: name = None; del name
        ADDOP_JUMP(c, SETUP_CLEANUP, cleanup_end);
        cg_use_next_block(c, cleanup_body);
        CG_CHECK(cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name));
        VISIT_STMTS(c, h->body);
        cg_pop_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body);
        UNSET_LOC(c);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        CG_CHECK(clear_handler_name(c, h->name));
        ADDOP_JUMP(c, JUMP, end);
        cg_use_next_block(c, cleanup_end);
        UNSET_LOC(c);
        CG_CHECK(clear_handler_name(c, h->name));
        ADDOP_I(c, RERAISE, 1);
    } else {
        KrBlock *cleanup_body = cg_new_block(c);
        if (!cleanup_body) return -1;
        ADDOP(c, POP_TOP);   // exc_value
        cg_use_next_block(c, cleanup_body);
        CG_CHECK(cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
        VISIT_STMTS(c, h->body);
        cg_pop_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body);
        UNSET_LOC(c);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        ADDOP_JUMP(c, JUMP, end);
    }
    return 0;
}

static int compile_try_except(KrCompiler *c, KrAstStmt *s) {
    KrBlock *body = cg_new_block(c), *except = cg_new_block(c), *end = cg_new_block(c), *cleanup = cg_new_block(c);
    if (!body || !except || !end || !cleanup) return -1;
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    cg_use_next_block(c, body);
    CG_CHECK(cg_push_fblock(c, KR_FB_TRY_EXCEPT, body, NULL, NULL));
    VISIT_STMTS(c, s->v.Try.body);
    cg_pop_fblock(c, KR_FB_TRY_EXCEPT, body);
    ADDOP_NOLINE(c, POP_BLOCK);
    VISIT_STMTS(c, s->v.Try.orelse);
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    int n = KR_AST_LEN(s->v.Try.handlers);
    cg_use_next_block(c, except);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CG_CHECK(cg_push_fblock(c, KR_FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < n; i++) {
        KrAstExcepthandler *h = s->v.Try.handlers->items[i];
        SET_LOC(c, h);
        if (!h->type && i < n - 1) return krCompiler_error(c, "default 'except:' must be last");
        except = cg_new_block(c);
        if (!except) return -1;
        CG_CHECK(except_handler(c, h, end, except));
        cg_use_next_block(c, except);
    }
    UNSET_LOC(c);
    cg_pop_fblock(c, KR_FB_EXCEPTION_HANDLER, NULL);
    ADDOP_I(c, RERAISE, 0);
    cg_use_next_block(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c);
    cg_use_next_block(c, end);
    return 0;
}

// One `except* T as name:` clause.  Stack: [orig, res, exc]; the matched
// part is bound, the rest stays for the next clause; exceptions raised by the
// body are appended to `res`.
static int except_star_handler(KrCompiler *c, KrAstExcepthandler *h, bool first, bool last, KrBlock *reraise_star) {
    KrBlock *except = cg_new_block(c), *except_with_error = cg_new_block(c), *no_match = cg_new_block(c);
    KrBlock *cleanup_end = cg_new_block(c), *cleanup_body = cg_new_block(c);
    if (!except || !except_with_error || !no_match || !cleanup_end || !cleanup_body) return -1;
    if (first) {
        // [exc] -> [orig, [], exc]
        ADDOP_I(c, COPY, 1);
        ADDOP_I(c, BUILD_LIST, 0);
        ADDOP_I(c, SWAP, 2);
    }
    if (h->type) {
        VISIT(c, h->type);
        ADDOP(c, CHECK_EG_MATCH);
        ADDOP_I(c, COPY, 1);
        ADDOP_JUMP(c, POP_JUMP_IF_NONE, no_match);
    }
    if (h->name) CG_CHECK(cg_nameop(c, h->name, KR_CTX_Store));
    else ADDOP(c, POP_TOP);   // match
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup_end);
    cg_use_next_block(c, cleanup_body);
    CG_CHECK(cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name));
    VISIT_STMTS(c, h->body);
    cg_pop_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body);
    UNSET_LOC(c);
    ADDOP(c, POP_BLOCK);
    if (h->name) CG_CHECK(clear_handler_name(c, h->name));
    ADDOP_JUMP(c, JUMP, except);
    cg_use_next_block(c, cleanup_end);
    UNSET_LOC(c);
    if (h->name) CG_CHECK(clear_handler_name(c, h->name));
    // Add the exception raised by the body to the result list.
    ADDOP_I(c, LIST_APPEND, 3);
    ADDOP(c, POP_TOP);   // lasti
    ADDOP_JUMP(c, JUMP, except_with_error);
    cg_use_next_block(c, except);
    ADDOP(c, NOP);   // holds a propagated location
    ADDOP_JUMP(c, JUMP, except_with_error);
    cg_use_next_block(c, no_match);
    ADDOP(c, POP_TOP);   // match (None)
    cg_use_next_block(c, except_with_error);
    if (last) {
        // The unhandled rest of the group (possibly None) joins the list.
        ADDOP_I(c, LIST_APPEND, 1);
        ADDOP_JUMP(c, JUMP, reraise_star);
    }
    return 0;
}

static int compile_try_star_except(KrCompiler *c, KrAstStmt *s) {
    KrBlock *body = cg_new_block(c), *except = cg_new_block(c), *orelse = cg_new_block(c), *end = cg_new_block(c);
    KrBlock *cleanup = cg_new_block(c), *reraise_star = cg_new_block(c);
    if (!body || !except || !orelse || !end || !cleanup || !reraise_star) return -1;
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    cg_use_next_block(c, body);
    CG_CHECK(cg_push_fblock(c, KR_FB_TRY_EXCEPT, body, NULL, NULL));
    VISIT_STMTS(c, s->v.TryStar.body);
    cg_pop_fblock(c, KR_FB_TRY_EXCEPT, body);
    ADDOP_NOLINE(c, POP_BLOCK);
    ADDOP_JUMP_NOLINE(c, JUMP, orelse);
    int n = KR_AST_LEN(s->v.TryStar.handlers);
    cg_use_next_block(c, except);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CG_CHECK(cg_push_fblock(c, KR_FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, "except handler"));
    for (int i = 0; i < n; i++) {
        KrAstExcepthandler *h = s->v.TryStar.handlers->items[i];
        SET_LOC(c, h);
        CG_CHECK(except_star_handler(c, h, i == 0, i == n - 1, reraise_star));
    }
    UNSET_LOC(c);
    cg_pop_fblock(c, KR_FB_EXCEPTION_GROUP_HANDLER, NULL);
    KrBlock *reraise = cg_new_block(c);
    if (!reraise) return -1;
    cg_use_next_block(c, reraise_star);
    ADDOP(c, PREP_RERAISE_STAR);
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise);
    // Nothing to re-raise.
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, JUMP, end);
    cg_use_next_block(c, reraise);
    ADDOP(c, POP_BLOCK);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 0);
    cg_use_next_block(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c);
    cg_use_next_block(c, orelse);
    VISIT_STMTS(c, s->v.TryStar.orelse);
    cg_use_next_block(c, end);
    return 0;
}

static int try_body_with_handlers(KrCompiler *c, KrAstStmt *s, bool star) {
    return star ? compile_try_star_except(c, s) : compile_try_except(c, s);
}

static int compile_try(KrCompiler *c, KrAstStmt *s, bool star) {
    if (KR_AST_LEN(s->v.Try.finalbody)) return compile_try_finally(c, s, star);
    return try_body_with_handlers(c, s, star);
}

// ---------------------------------------------------------------------------
// with / async with

static int with_except_finish(KrCompiler *c, KrBlock *cleanup) {
    UNSET_LOC(c);
    KrBlock *exit = cg_new_block(c);
    if (!exit) return -1;
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, exit);
    ADDOP_I(c, RERAISE, 2);
    cg_use_next_block(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c);
    cg_use_next_block(c, exit);
    ADDOP(c, POP_TOP);   // exc_value
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_TOP);
    return 0;
}

static int compile_with(KrCompiler *c, KrAstStmt *s, int pos, bool is_async) {
    KrAstWithitem *item = s->v.With.items->items[pos];
    if (is_async) {
        if (cg_is_top_level_await(c)) c->u->ste->coroutine = 1;
        else if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION)
            return krCompiler_error(c, "'async with' outside async function");
    }
    KrBlock *block = cg_new_block(c), *final = cg_new_block(c), *exit = cg_new_block(c), *cleanup = cg_new_block(c);
    if (!block || !final || !exit || !cleanup) return -1;
    VISIT(c, item->context_expr);
    if (is_async) {
        ADDOP(c, BEFORE_ASYNC_WITH);
        ADDOP_I(c, GET_AWAITABLE, 1);
        ADDOP_LOAD_CONST(c, KR_NONE);
        CG_CHECK(cg_add_yield_from(c, true));
    } else {
        ADDOP(c, BEFORE_WITH);   // pushes the bound __exit__
    }
    ADDOP_JUMP(c, SETUP_WITH, final);
    cg_use_next_block(c, block);
    CG_CHECK(cg_push_fblock(c, is_async ? KR_FB_ASYNC_WITH : KR_FB_WITH, block, final, s));
    if (item->optional_vars) {
        VISIT(c, item->optional_vars);
    } else {
        ADDOP(c, POP_TOP);   // the result of __enter__()
    }
    pos++;
    if (pos == s->v.With.items->size) {
        VISIT_STMTS(c, s->v.With.body);
    } else {
        CG_CHECK(compile_with(c, s, pos, is_async));
    }
    if (!is_async) UNSET_LOC(c);   // what follows is artificial
    ADDOP(c, POP_BLOCK);
    cg_pop_fblock(c, is_async ? KR_FB_ASYNC_WITH : KR_FB_WITH, block);
    // Success: __exit__(None, None, None).
    SET_LOC(c, s);
    CG_CHECK(cg_call_exit_with_nones(c));
    if (is_async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, KR_NONE);
        CG_CHECK(cg_add_yield_from(c, true));
    }
    ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, JUMP, exit);
    // Exception: __exit__(type, value, traceback) decides.
    cg_use_next_block(c, final);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    ADDOP(c, WITH_EXCEPT_START);
    if (is_async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, KR_NONE);
        CG_CHECK(cg_add_yield_from(c, true));
    }
    CG_CHECK(with_except_finish(c, cleanup));
    cg_use_next_block(c, exit);
    return 0;
}

// ---------------------------------------------------------------------------
// Assignments

static int compile_augassign(KrCompiler *c, KrAstStmt *s) {
    KrAstExpr *e = s->v.AugAssign.target;
    KrLoc saved = c->u->loc;
    SET_LOC(c, e);
    switch (e->kind) {
    case KR_EXPR_Attribute:
        VISIT(c, e->v.Attribute.value);
        ADDOP_I(c, COPY, 1);
        cg_update_start_location_to_match_attr(c, e);
        ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr);
        break;
    case KR_EXPR_Subscript:
        VISIT(c, e->v.Subscript.value);
        VISIT(c, e->v.Subscript.slice);
        ADDOP_I(c, COPY, 2);
        ADDOP_I(c, COPY, 2);
        ADDOP(c, BINARY_SUBSCR);
        break;
    case KR_EXPR_Name:
        CG_CHECK(cg_nameop(c, e->v.Name.id, KR_CTX_Load));
        break;
    default:
        krErr_format(c->ts, &KrExc_SystemError, "invalid node type (%d) for augmented assignment", (int)e->kind);
        return -1;
    }
    c->u->loc = saved;
    VISIT(c, s->v.AugAssign.value);
    CG_CHECK(cg_addop(c, KR_OP_BINARY_OP, cg_binop_arg(s->v.AugAssign.op, true)));
    SET_LOC(c, e);
    switch (e->kind) {
    case KR_EXPR_Attribute:
        cg_update_start_location_to_match_attr(c, e);
        ADDOP_I(c, SWAP, 2);
        ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr);
        break;
    case KR_EXPR_Subscript:
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, STORE_SUBSCR);
        break;
    default:
        return cg_nameop(c, e->v.Name.id, KR_CTX_Store);
    }
    return 0;
}

static int check_ann_expr(KrCompiler *c, KrAstExpr *e) {
    VISIT(c, e);
    ADDOP(c, POP_TOP);
    return 0;
}

static int check_ann_subscr(KrCompiler *c, KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_Slice:
        if (e->v.Slice.lower) CG_CHECK(check_ann_expr(c, e->v.Slice.lower));
        if (e->v.Slice.upper) CG_CHECK(check_ann_expr(c, e->v.Slice.upper));
        if (e->v.Slice.step) CG_CHECK(check_ann_expr(c, e->v.Slice.step));
        return 0;
    case KR_EXPR_Tuple:
        for (int i = 0; i < KR_AST_LEN(e->v.Tuple.elts); i++) CG_CHECK(check_ann_subscr(c, e->v.Tuple.elts->items[i]));
        return 0;
    default:
        return check_ann_expr(c, e);
    }
}

static int compile_annassign(KrCompiler *c, KrAstStmt *s) {
    KrAstExpr *targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, s->v.AnnAssign.value);
        VISIT(c, targ);
    }
    switch (targ->kind) {
    case KR_EXPR_Name:
        CG_CHECK(cg_forbidden_name(c, targ->v.Name.id, KR_CTX_Store));
        // A simple name in a module or class: store the annotation.
        if (s->v.AnnAssign.simple && (c->u->scope_type == KR_SCOPE_MODULE || c->u->scope_type == KR_SCOPE_CLASS)) {
            CG_CHECK(cg_annotation_expr(c, s->v.AnnAssign.annotation));
            ADDOP_NAME(c, LOAD_NAME, c->id_annotations);
            const char *mangled = krCompiler_mangle(c, c->u->private_name, targ->v.Name.id);
            if (!mangled) return -1;
            CG_CHECK(cg_load_const_new(c, krConst_name(c, mangled)));
            ADDOP(c, STORE_SUBSCR);
        }
        break;
    case KR_EXPR_Attribute:
        CG_CHECK(cg_forbidden_name(c, targ->v.Attribute.attr, KR_CTX_Store));
        if (!s->v.AnnAssign.value) CG_CHECK(check_ann_expr(c, targ->v.Attribute.value));
        break;
    case KR_EXPR_Subscript:
        if (!s->v.AnnAssign.value) {
            CG_CHECK(check_ann_expr(c, targ->v.Subscript.value));
            CG_CHECK(check_ann_subscr(c, targ->v.Subscript.slice));
        }
        break;
    default:
        krErr_format(c->ts, &KrExc_SystemError, "invalid node type (%d) for annotated assignment", (int)targ->kind);
        return -1;
    }
    // The annotation of a complex target is evaluated (not stored), last.
    if (!s->v.AnnAssign.simple && !(c->flags & KR_CO_FUTURE_ANNOTATIONS) &&
        (c->u->scope_type == KR_SCOPE_MODULE || c->u->scope_type == KR_SCOPE_CLASS))
        CG_CHECK(check_ann_expr(c, s->v.AnnAssign.annotation));
    return 0;
}

// ---------------------------------------------------------------------------
// Imports

// `import a.b.c as d`: IMPORT_NAME pushed a; walk to c with IMPORT_FROM.
static int import_as(KrCompiler *c, const char *name, const char *asname) {
    const char *dot = strchr(name, '.');
    if (dot) {
        const char *pos = dot + 1;
        for (;;) {
            dot = strchr(pos, '.');
            size_t len = dot ? (size_t)(dot - pos) : strlen(pos);
            const char *attr = krCompiler_intern(c, pos, len);
            if (!attr) return -1;
            CG_CHECK(cg_addop_name(c, KR_OP_IMPORT_FROM, attr));
            if (!dot) break;
            ADDOP_I(c, SWAP, 2);
            ADDOP(c, POP_TOP);
            pos = dot + 1;
        }
        CG_CHECK(cg_nameop(c, asname, KR_CTX_Store));
        ADDOP(c, POP_TOP);
        return 0;
    }
    return cg_nameop(c, asname, KR_CTX_Store);
}

static int compile_import(KrCompiler *c, KrAstStmt *s) {
    for (int i = 0; i < KR_AST_LEN(s->v.Import.names); i++) {
        KrAstAlias *alias = s->v.Import.names->items[i];
        ADDOP_LOAD_CONST(c, kr_smallint(0));
        ADDOP_LOAD_CONST(c, KR_NONE);
        ADDOP_NAME(c, IMPORT_NAME, alias->name);
        if (alias->asname) {
            CG_CHECK(import_as(c, alias->name, alias->asname));
        } else {
            const char *dot = strchr(alias->name, '.');
            const char *store = dot ? krCompiler_intern(c, alias->name, (size_t)(dot - alias->name)) : alias->name;
            if (!store) return -1;
            CG_CHECK(cg_nameop(c, store, KR_CTX_Store));
        }
    }
    return 0;
}

static int compile_from_import(KrCompiler *c, KrAstStmt *s) {
    int n = KR_AST_LEN(s->v.ImportFrom.names);
    ADDOP_LOAD_CONST(c, kr_smallint(s->v.ImportFrom.level));
    const char *module = s->v.ImportFrom.module;
    if (s->lineno > c->future_lineno && module && strcmp(module, "__future__") == 0)
        return krCompiler_error(c, "from __future__ imports must occur at the beginning of the file");
    KrObject *names = krTuple_new(c->ts, n);
    if (!names) return -1;
    for (int i = 0; i < n; i++) {
        KrObject *name = krStr_from_utf8(c->ts, s->v.ImportFrom.names->items[i]->name,
                                         (KrSsize)strlen(s->v.ImportFrom.names->items[i]->name));
        if (!name) {
            for (int j = i; j < n; j++) KR_TUPLE_SET(names, j, kr_newref(KR_NONE));
            kr_decref(names);
            return -1;
        }
        KR_TUPLE_SET(names, i, name);
    }
    CG_CHECK(cg_load_const_new(c, names));
    ADDOP_NAME(c, IMPORT_NAME, module ? module : c->id_empty);
    for (int i = 0; i < n; i++) {
        KrAstAlias *alias = s->v.ImportFrom.names->items[i];
        if (i == 0 && alias->name[0] == '*') {
            ADDOP(c, IMPORT_STAR);
            return 0;
        }
        ADDOP_NAME(c, IMPORT_FROM, alias->name);
        CG_CHECK(cg_nameop(c, alias->asname ? alias->asname : alias->name, KR_CTX_Store));
    }
    ADDOP(c, POP_TOP);   // the module
    return 0;
}

// ---------------------------------------------------------------------------
// assert, expression statements, dispatch

static int compile_assert(KrCompiler *c, KrAstStmt *s) {
    // A parenthesised message makes a non-empty tuple: always true.
    KrAstExpr *test = s->v.Assert.test;
    bool always_true = test->kind == KR_EXPR_Tuple && KR_AST_LEN(test->v.Tuple.elts) > 0;
    if (test->kind == KR_EXPR_Constant) {
        KrObject *v = krConst_of(c, test);
        if (!v) return -1;
        always_true = krTuple_check(v) && KR_TUPLE_SIZE(v) > 0;
    }
    if (always_true) CG_CHECK(krCompiler_warn(c, "assertion is always true, perhaps remove parentheses?"));
    if (c->optimize) return 0;
    KrBlock *end = cg_new_block(c);
    if (!end) return -1;
    CG_CHECK(cg_jump_if(c, s->v.Assert.test, end, true));
    ADDOP(c, LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, s->v.Assert.msg);
        ADDOP_I(c, CALL, 0);   // AssertionError(msg): the class in the method slot, msg as self
    }
    ADDOP_I(c, RAISE_VARARGS, 1);
    cg_use_next_block(c, end);
    return 0;
}

static int compile_expr_stmt(KrCompiler *c, KrAstExpr *value) {
    if (c->interactive && c->nestlevel <= 1) {
        VISIT(c, value);
        ADDOP(c, PRINT_EXPR);
        return 0;
    }
    if (value->kind == KR_EXPR_Constant) {
        ADDOP(c, NOP);   // a constant statement does nothing (but has a line)
        return 0;
    }
    VISIT(c, value);
    UNSET_LOC(c);   // the POP_TOP is artificial
    ADDOP(c, POP_TOP);
    return 0;
}

int cg_visit_stmt(KrCompiler *c, KrAstStmt *s) {
    SET_LOC(c, s);
    switch (s->kind) {
    case KR_STMT_FunctionDef: return cg_function(c, s, false);
    case KR_STMT_AsyncFunctionDef: return cg_function(c, s, true);
    case KR_STMT_ClassDef: return cg_class(c, s);
    case KR_STMT_Return: return compile_return(c, s);
    case KR_STMT_Delete: return cg_visit_exprs(c, s->v.Delete.targets);
    case KR_STMT_Assign: {
        int n = KR_AST_LEN(s->v.Assign.targets);
        VISIT(c, s->v.Assign.value);
        for (int i = 0; i < n; i++) {
            if (i < n - 1) ADDOP_I(c, COPY, 1);
            VISIT(c, s->v.Assign.targets->items[i]);
        }
        return 0;
    }
    case KR_STMT_AugAssign: return compile_augassign(c, s);
    case KR_STMT_AnnAssign: return compile_annassign(c, s);
    case KR_STMT_For: return compile_for(c, s);
    case KR_STMT_AsyncFor: return compile_async_for(c, s);
    case KR_STMT_While: return compile_while(c, s);
    case KR_STMT_If: return compile_if(c, s);
    case KR_STMT_Match: return cg_match(c, s);
    case KR_STMT_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, s->v.Raise.cause);
                n++;
            }
        }
        ADDOP_I(c, RAISE_VARARGS, n);
        return 0;
    }
    case KR_STMT_Try: return compile_try(c, s, false);
    case KR_STMT_TryStar: return compile_try(c, s, true);
    case KR_STMT_Assert: return compile_assert(c, s);
    case KR_STMT_Import: return compile_import(c, s);
    case KR_STMT_ImportFrom: return compile_from_import(c, s);
    case KR_STMT_Global:
    case KR_STMT_Nonlocal:
        return 0;
    case KR_STMT_Expr: return compile_expr_stmt(c, s->v.Expr.value);
    case KR_STMT_Pass:
        ADDOP(c, NOP);
        return 0;
    case KR_STMT_Break: return compile_break(c);
    case KR_STMT_Continue: return compile_continue(c);
    case KR_STMT_With: return compile_with(c, s, 0, false);
    case KR_STMT_AsyncWith: return compile_with(c, s, 0, true);
    }
    return 0;
}
