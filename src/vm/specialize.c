/*
 * specialize.c — decides which specialised form an instruction takes (see
 * specialize.h for the scheme and the cache layouts).  Everything here only
 * inspects objects (dict and type lookups that cannot run Python code) and
 * rewrites code units; it never raises.
 */
#include "vm/specialize.h"

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

static void backoff(KrCodeUnit *instr) { instr[1] = KR_SPEC_BACKOFF; }

static void rewrite(KrCodeUnit *instr, int op) { *instr = KR_MAKE_UNIT(op, KR_UNIT_ARG(*instr)); }

void krSpec_load_global(KrFrame *f, KrCodeUnit *instr, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrObject *g = f->globals, *b = f->builtins;
    if (!krDict_check_exact(g) || !krDict_check_exact(b) || !krStr_check_exact(name)) goto fail;
    KrSsize ix = krDict_index_of_str(g, name);
    if (ix >= 0) {
        uint32_t gv = krDict_keys_version(g);
        if (ix > 0xFFFF || gv == 0) goto fail;
        cache[1] = (KrCodeUnit)ix;
        krSpec_write_u32(cache + 2, gv);
        rewrite(instr, KR_OP_LOAD_GLOBAL_MODULE);
        return;
    }
    ix = krDict_index_of_str(b, name);
    if (ix < 0 || ix > 0xFFFF) goto fail;
    uint32_t bv = krDict_keys_version(b), gv = krDict_keys_version(g);
    if (bv == 0 || bv > 0xFFFF || gv == 0) goto fail;
    cache[0] = (KrCodeUnit)bv;
    cache[1] = (KrCodeUnit)ix;
    krSpec_write_u32(cache + 2, gv);
    rewrite(instr, KR_OP_LOAD_GLOBAL_BUILTIN);
    return;
fail:
    backoff(instr);
}

// Does attribute access on instances of `type` follow the plain generic
// algorithm, with attributes kept in shapes?
static bool plain_managed_type(KrTypeObject *type) {
    return (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) && type->tp_getattro == krObj_generic_getattr;
}

// The shape of `o`'s attributes if it is in shape mode (possibly with no
// attributes yet: NULL shape but no dict either, reported as *empty).
static bool shape_of(KrObject *o, KrShape **shape) {
    KrInstAttrs *a = krObj_attrs(o);
    if (a->dict != NULL) return false;
    *shape = a->shape;
    return true;
}

// A module attribute found in the module's dict, with no descriptor of the
// module type in the way: rewrites `instr` into `op`.
static bool spec_module_attr(KrObject *owner, KrCodeUnit *instr, KrObject *name, int op) {
    if (KR_TYPE(owner) != &KrModule_Type || !krStr_check_exact(name)) return false;
    if (krType_lookup(&KrModule_Type, name) != NULL) return false;
    KrObject *dict = krModule_dict(owner);
    if (!krDict_check_exact(dict)) return false;
    KrSsize ix = krDict_index_of_str(dict, name);
    uint32_t v = krDict_keys_version(dict);
    if (ix < 0 || ix > 0xFFFF || v == 0) return false;
    krSpec_write_u32(instr + 2, v);
    instr[4] = (KrCodeUnit)ix;
    rewrite(instr, op);
    return true;
}

// obj.name where the type has a property whose getter is a Python function.
static bool spec_property(KrObject *owner, KrCodeUnit *instr, KrObject *name) {
    KrTypeObject *type = KR_TYPE(owner);
    if (type->tp_getattro != krObj_generic_getattr || !krStr_check_exact(name)) return false;
    KrObject *descr = krType_lookup(type, name);
    if (descr == NULL || KR_TYPE(descr) != &KrProperty_Type) return false;
    KrObject *fget = ((KrPropertyObject *)descr)->fget;
    uint32_t tv = krType_version(type);
    if (fget == NULL || !krFunction_check(fget) || tv == 0) return false;
    krSpec_write_u32(instr + 2, tv);
    krSpec_write_ptr(instr + 4, fget);
    rewrite(instr, KR_OP_LOAD_ATTR_PROPERTY);
    return true;
}

void krSpec_load_attr(KrObject *owner, KrCodeUnit *instr, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrTypeObject *type = KR_TYPE(owner);
    KrShape *shape;
    if (spec_module_attr(owner, instr, name, KR_OP_LOAD_ATTR_MODULE)) return;
    if (spec_property(owner, instr, name)) return;
    if (kr_is_smallint(owner) || !plain_managed_type(type) || !krStr_check_exact(name)) goto fail;
    // A data descriptor on the type takes precedence over the instance.
    KrObject *descr = krType_lookup(type, name);
    if (descr != NULL && KR_TYPE(descr)->tp_descr_set != NULL) goto fail;
    if (!shape_of(owner, &shape) || shape == NULL) goto fail;
    KrSsize ix = krShape_index(shape, name);
    uint32_t tv = krType_version(type);
    if (ix < 0 || ix > 0xFFFF || tv == 0) goto fail;
    krSpec_write_u32(cache + 1, tv);
    krSpec_write_u32(cache + 3, shape->id);
    cache[5] = (KrCodeUnit)ix;
    rewrite(instr, KR_OP_LOAD_ATTR_INSTANCE_VALUE);
    return;
fail:
    backoff(instr);
}

void krSpec_store_attr(KrObject *owner, KrCodeUnit *instr, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrTypeObject *type = KR_TYPE(owner);
    KrShape *shape;
    if (kr_is_smallint(owner) || !plain_managed_type(type) || type->tp_setattro != krObj_generic_setattr ||
        !krStr_check_exact(name))
        goto fail;
    KrObject *descr = krType_lookup(type, name);
    if (descr != NULL && KR_TYPE(descr)->tp_descr_set != NULL) goto fail;
    if (!shape_of(owner, &shape) || shape == NULL) goto fail;
    KrSsize ix = krShape_index(shape, name);
    uint32_t tv = krType_version(type);
    if (ix < 0 || ix > 0xFFFF || tv == 0 || tv > 0xFFFF) goto fail;
    krSpec_write_u32(cache, shape->id);
    cache[2] = (KrCodeUnit)ix;
    cache[3] = (KrCodeUnit)tv;
    rewrite(instr, KR_OP_STORE_ATTR_INSTANCE_VALUE);
    return;
fail:
    backoff(instr);
}

void krSpec_load_method(KrObject *owner, KrCodeUnit *instr, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrTypeObject *type = KR_TYPE(owner);
    if (spec_module_attr(owner, instr, name, KR_OP_LOAD_METHOD_MODULE)) return;
    if (!krStr_check_exact(name) || type->tp_getattro != krObj_generic_getattr) goto fail;
    KrObject *descr = krType_lookup(type, name);
    if (descr == NULL || !kr_check_flag(descr, KR_TPFLAGS_METHOD_DESCRIPTOR)) goto fail;
    uint32_t tv = krType_version(type);
    if (tv == 0) goto fail;
    if (type->tp_flags & KR_TPFLAGS_MANAGED_ATTRS) {
        KrShape *shape;
        if (kr_is_smallint(owner) || !shape_of(owner, &shape)) goto fail;
        if (shape != NULL && krShape_index(shape, name) >= 0) goto fail;
        krSpec_write_u32(cache, tv);
        krSpec_write_u32(cache + 2, shape ? shape->id : 0);
        krSpec_write_ptr(cache + 4, descr);
        rewrite(instr, KR_OP_LOAD_METHOD_WITH_VALUES);
        return;
    }
    if (type->tp_dictoffset != 0) goto fail;   // instances with a dict of their own
    krSpec_write_u32(cache, tv);
    krSpec_write_ptr(cache + 4, descr);
    rewrite(instr, KR_OP_LOAD_METHOD_NO_DICT);
    return;
fail:
    backoff(instr);
}

// The superinstruction for the pair (first, second), or 0.
static int super_for(int first, int second) {
    switch (first) {
    case KR_OP_LOAD_FAST:
        return second == KR_OP_LOAD_FAST ? KR_OP_LOAD_FAST__LOAD_FAST
               : second == KR_OP_LOAD_CONST ? KR_OP_LOAD_FAST__LOAD_CONST : 0;
    case KR_OP_LOAD_CONST:
        return second == KR_OP_LOAD_FAST ? KR_OP_LOAD_CONST__LOAD_FAST : 0;
    case KR_OP_STORE_FAST:
        return second == KR_OP_LOAD_FAST ? KR_OP_STORE_FAST__LOAD_FAST
               : second == KR_OP_STORE_FAST ? KR_OP_STORE_FAST__STORE_FAST : 0;
    default:
        return 0;
    }
}

void krSpec_warmup(KrCodeObject *code) {
    if (code->co_extra == NULL) krSpec_quicken(code);
    KrCodeExtra *x = code->co_extra;
    if (x != NULL && x->warmup < KR_WARMUP_DELAY) x->warmup++;
}

void krSpec_quicken(KrCodeObject *code) {
    KrCodeExtra *extra = krMem_calloc(1, sizeof(KrCodeExtra));
    if (extra == NULL) return;
    extra->nhandlers = -1;
    code->co_extra = extra;
    KrCodeUnit *units = code->co_code_adaptive;
    KrSsize n = code->co_ncodeunits;
    for (KrSsize i = 0; i < n;) {
        int op = KR_UNIT_OP(units[i]);
        int base = krOp_info(op)->base;
        KrSsize next = i + 1 + (base < KR_OP__NREAL ? kr_op_info[base].cache : 0);
        if (op == base && next < n) {
            int super = super_for(op, KR_UNIT_OP(units[next]));
            if (super) units[i] = KR_MAKE_UNIT(super, KR_UNIT_ARG(units[i]));
        }
        i = next;
    }
}

// Decodes the exception table into co_extra.  false on memory exhaustion.
static bool decode_handlers(KrCodeObject *code) {
    KrSsize n = 0, pos = 0;
    KrExcEntry e;
    while (krCode_exctable_next(code, &pos, &e)) n++;
    KrCodeExtra *x = krMem_realloc(code->co_extra, sizeof(KrCodeExtra) + (size_t)n * sizeof(KrExcEntry));
    if (x == NULL) return false;
    code->co_extra = x;
    pos = 0;
    for (KrSsize i = 0; i < n; i++) krCode_exctable_next(code, &pos, &x->handlers[i]);
    x->nhandlers = n;
    return true;
}

bool krSpec_find_handler(KrCodeObject *code, KrSsize unit, KrSsize *target, int *depth, bool *lasti) {
    KrCodeExtra *x = code->co_extra;
    if (x == NULL || (x->nhandlers < 0 && !decode_handlers(code)))
        return krCode_find_handler(code, unit, target, depth, lasti);
    x = code->co_extra;
    KrSsize lo = 0, hi = x->nhandlers;
    while (lo < hi) {
        KrSsize mid = lo + (hi - lo) / 2;
        const KrExcEntry *e = &x->handlers[mid];
        if (unit < e->start) {
            hi = mid;
        } else if (unit >= e->end) {
            lo = mid + 1;
        } else {
            *target = e->target;
            *depth = e->depth;
            *lasti = e->lasti;
            return true;
        }
    }
    return false;
}
