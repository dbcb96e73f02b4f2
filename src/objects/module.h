/*
 * module.h — module objects and the table of built-in modules written in C.
 * Owner of: module.c; the table itself is src/modules/config.c.
 */
#ifndef KR_MODULE_H
#define KR_MODULE_H

#include "objects/object.h"

typedef struct KrModuleDef {
    const char *name;              // "math", "_thread"
    const char *doc;
    const KrMethodDef *methods;    // NULL-terminated (name == NULL), may be NULL
    // Adds constants, types and the like to the new module.  0 or -1.
    int (*exec)(KrThreadState *ts, KrObject *module);
} KrModuleDef;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *md_dict;             // strong dict
    const KrModuleDef *md_def;     // NULL for modules made in Python
    KrObject *md_weaklist;
} KrModuleObject;

extern KrTypeObject KrModule_Type;

static inline bool krModule_check(const KrObject *o) { return kr_type_check(o, &KrModule_Type); }
static inline KrObject *krModule_dict(KrObject *m) { return ((KrModuleObject *)m)->md_dict; }

// A new empty module named `name` (sets __name__, __doc__ None, __package__,
// __loader__, __spec__ None).  New reference.
KrObject *krModule_new(KrThreadState *ts, KrObject *name);
// Creates a built-in module from its definition (functions bound to the
// module, then def->exec).  New reference.
KrObject *krModule_from_def(KrThreadState *ts, const KrModuleDef *def);
// Helpers for exec functions: 0 or -1.  `value` is stolen by add_object_steal.
int krModule_add_object(KrThreadState *ts, KrObject *module, const char *name, KrObject *value);
int krModule_add_object_steal(KrThreadState *ts, KrObject *module, const char *name, KrObject *value);
int krModule_add_int(KrThreadState *ts, KrObject *module, const char *name, int64_t value);
int krModule_add_string(KrThreadState *ts, KrObject *module, const char *name, const char *value);
int krModule_add_type(KrThreadState *ts, KrObject *module, KrTypeObject *type);

// The built-in module table (src/modules/config.c), terminated by {NULL, NULL}.
typedef struct KrBuiltinModule {
    const char *name;
    const KrModuleDef *def;
} KrBuiltinModule;
extern const KrBuiltinModule kr_builtin_modules[];

#endif
