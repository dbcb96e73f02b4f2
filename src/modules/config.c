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
extern const KrModuleDef kr_unicodedata_module_def;
extern const KrModuleDef kr_posix_module_def;
extern const KrModuleDef kr_time_module_def;
extern const KrModuleDef kr_errno_module_def;
extern const KrModuleDef kr_io_module_def;
extern const KrModuleDef kr_signal_module_def;
extern const KrModuleDef kr_atexit_module_def;
extern const KrModuleDef kr__sre_module_def;
extern const KrModuleDef kr__json_module_def;
extern const KrModuleDef kr_math_module_def;
extern const KrModuleDef kr__hashlib_module_def;
extern const KrModuleDef kr__random_module_def;
extern const KrModuleDef kr__operator_module_def;
extern const KrModuleDef kr_itertools_module_def;
extern const KrModuleDef kr__bisect_module_def;
extern const KrModuleDef kr__collections_module_def;
extern const KrModuleDef kr__heapq_module_def;
extern const KrModuleDef kr__functools_module_def;
extern const KrModuleDef kr__struct_module_def;
extern const KrModuleDef kr_array_module_def;
extern const KrModuleDef kr_binascii_module_def;
extern const KrModuleDef kr_cmath_module_def;

const KrBuiltinModule kr_builtin_modules[] = {
    {"builtins", &kr_builtins_module_def},
    {"sys", NULL},
    {"dis", &kr_dis_module_def},
    {"marshal", &kr_marshal_module_def},
    {"_imp", &kr__imp_module_def},
    {"_frozen_importlib", &kr__frozen_importlib_module_def},
    {"_frozen_importlib_external", &kr__frozen_importlib_external_module_def},
    {"unicodedata", &kr_unicodedata_module_def},
    {"posix", &kr_posix_module_def},
    {"time", &kr_time_module_def},
    {"errno", &kr_errno_module_def},
    {"io", &kr_io_module_def},
    {"signal", &kr_signal_module_def},
    {"atexit", &kr_atexit_module_def},
    {"_sre", &kr__sre_module_def},
    {"_json", &kr__json_module_def},
    {"math", &kr_math_module_def},
    {"_hashlib", &kr__hashlib_module_def},
    {"_random", &kr__random_module_def},
    {"_operator", &kr__operator_module_def},
    {"itertools", &kr_itertools_module_def},
    {"_bisect", &kr__bisect_module_def},
    {"_collections", &kr__collections_module_def},
    {"_heapq", &kr__heapq_module_def},
    {"_functools", &kr__functools_module_def},
    {"_struct", &kr__struct_module_def},
    {"array", &kr_array_module_def},
    {"binascii", &kr_binascii_module_def},
    {"cmath", &kr_cmath_module_def},
    {NULL, NULL},
};
