/*
 * func.h — function objects, cells, and the Python-visible frame objects.
 * Owner of: func.c, cell.c.
 */
#ifndef KR_FUNC_H
#define KR_FUNC_H

#include "objects/object.h"
#include "objects/code.h"

typedef struct KrFunctionObject {
    KR_OBJECT_HEAD;
    KrObject *func_code;           // strong KrCodeObject
    KrObject *func_globals;        // strong dict
    KrObject *func_builtins;       // strong dict
    KrObject *func_name;           // strong str
    KrObject *func_qualname;       // strong str
    KrObject *func_defaults;       // strong tuple or NULL
    KrObject *func_kwdefaults;     // strong dict or NULL
    KrObject *func_closure;        // strong tuple of cells or NULL
    KrObject *func_doc;            // strong or NULL (None)
    KrObject *func_dict;           // strong dict or NULL
    KrObject *func_module;         // strong or NULL
    KrObject *func_annotations;    // strong dict/tuple or NULL
    KrObject *func_weakreflist;
    KrVectorcallFunc vectorcall;
    uint32_t func_version;         // for CALL caches; 0 = invalid (changes when code/defaults change)
} KrFunctionObject;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *ref;                 // strong or NULL (empty cell)
} KrCellObject;

extern KrTypeObject KrFunction_Type, KrCell_Type;

static inline bool krFunction_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrFunction_Type; }
static inline bool krCell_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrCell_Type; }

// A function for `code` in `globals` (qualname from the code).  New reference.
KrObject *krFunction_new(KrThreadState *ts, KrObject *code, KrObject *globals);
// A cell holding `ref` (may be NULL).  New reference.
KrObject *krCell_new(KrThreadState *ts, KrObject *ref);

#endif
