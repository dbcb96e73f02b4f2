/*
 * config.c — the table of built-in modules written in C, by import name.
 * builtins and sys are created at start-up and are not in this table's
 * import path, but are listed so sys.builtin_module_names is complete.
 */
#include "objects/module.h"

extern const KrModuleDef kr_builtins_module_def;
extern const KrModuleDef kr_dis_module_def;
extern const KrModuleDef kr_marshal_module_def;
extern const KrModuleDef kr__imp_module_def;
extern const KrModuleDef kr__frozen_importlib_module_def;
extern const KrModuleDef kr__frozen_importlib_external_module_def;

const KrBuiltinModule kr_builtin_modules[] = {
    {"builtins", &kr_builtins_module_def},
    {"sys", NULL},
    {"dis", &kr_dis_module_def},
    {"marshal", &kr_marshal_module_def},
    {"_imp", &kr__imp_module_def},
    {"_frozen_importlib", &kr__frozen_importlib_module_def},
    {"_frozen_importlib_external", &kr__frozen_importlib_external_module_def},
    {NULL, NULL},
};
