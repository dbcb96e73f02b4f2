/*
 * cell.c — cell objects: the boxes through which nested functions share a
 * variable (closures).  A cell holds one strong reference, or NULL when the
 * variable is unbound.
 */
#include "objects/func.h"

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "runtime/error.h"

KrObject *krCell_new(KrThreadState *ts, KrObject *ref) {
    KrCellObject *c = (KrCellObject *)krObj_alloc(ts, &KrCell_Type, 0);
    if (c == NULL) return NULL;
    c->ref = kr_xnewref(ref);
    krGC_track((KrObject *)c);
    return (KrObject *)c;
}

static void cell_dealloc(KrObject *self) {
    krGC_untrack(self);
    KR_CLEAR(((KrCellObject *)self)->ref);
    krObj_free(self);
}

static int cell_traverse(KrObject *self, KrVisitProc visit, void *arg) {
    KR_VISIT(((KrCellObject *)self)->ref);
    return 0;
}

static int cell_clear(KrObject *self) {
    KR_CLEAR(((KrCellObject *)self)->ref);
    return 0;
}

// cell([contents])
static KrObject *cell_new(KrThreadState *ts, KrTypeObject *type, KrObject *const *args, KrSsize nargs,
                          KrObject *kwnames) {
    if (krArg_no_kwargs(ts, "cell", kwnames) < 0) return NULL;
    if (krArg_check_positional(ts, "cell", nargs, 0, 1) < 0) return NULL;
    return krCell_new(ts, nargs ? args[0] : NULL);
}

static KrObject *cell_repr(KrThreadState *ts, KrObject *self) {
    KrObject *ref = ((KrCellObject *)self)->ref;
    if (ref == NULL) return krStr_from_format(ts, "<cell at %p: empty>", (void *)self);
    return krStr_from_format(ts, "<cell at %p: %.80s object at %p>", (void *)self, KR_TYPE(ref)->tp_name,
                             (void *)ref);
}

// Cells compare by contents; an empty cell sorts before a full one.
static KrObject *cell_richcompare(KrThreadState *ts, KrObject *a, KrObject *b, int op) {
    if (!krCell_check(a) || !krCell_check(b)) return kr_newref(KR_NOTIMPLEMENTED);
    KrObject *x = ((KrCellObject *)a)->ref, *y = ((KrCellObject *)b)->ref;
    if (x != NULL && y != NULL) return krObj_richcompare(ts, x, y, op);
    int cmp = (x != NULL) - (y != NULL);
    bool r;
    switch (op) {
    case KR_LT: r = cmp < 0; break;
    case KR_LE: r = cmp <= 0; break;
    case KR_EQ: r = cmp == 0; break;
    case KR_NE: r = cmp != 0; break;
    case KR_GT: r = cmp > 0; break;
    default: r = cmp >= 0; break;
    }
    return kr_bool(r);
}

static KrObject *cell_get_contents(KrThreadState *ts, KrObject *self, void *closure) {
    KrObject *ref = ((KrCellObject *)self)->ref;
    if (ref == NULL) {
        krErr_set_string(ts, &KrExc_ValueError, "Cell is empty");
        return NULL;
    }
    return kr_newref(ref);
}

static int cell_set_contents(KrThreadState *ts, KrObject *self, KrObject *value, void *closure) {
    kr_setref(&((KrCellObject *)self)->ref, kr_xnewref(value));
    return 0;
}

static const KrGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrTypeObject KrCell_Type = {
    KR_STATIC_HEAD(&KrType_Type),
    .tp_name = "cell",
    .tp_basicsize = sizeof(KrCellObject),
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will "
              "be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a "
              "ValueError.",
    .tp_new = cell_new,
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_repr = cell_repr,
    .tp_richcompare = cell_richcompare,
    .tp_getattro = krObj_generic_getattr,
    .tp_setattro = krObj_generic_setattr,
    .tp_hash = NULL,
    .tp_getset = cell_getset,
};
